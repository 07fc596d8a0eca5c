--[[
tap.lua - the Test Anything Protocol for tests written in Lua, so that
prove(1) runs them next to the C and shell tests.

  local tap = require "tap"
  tap.ok(vm.check(), "the machine is consistent")
  tap.is(vm.alloc_pages(0).order, 0, "an order-0 block")
  tap.like(tostring(p), "^pid 1", "a process prints its pid")
  tap.error_like(function() vm.alloc_pages(11) end, "out of range", "order 11 refused")
  tap.done_testing()        -- "1..4"; os.exit(1) if any failed

Each check prints "ok N - NAME" or "not ok N - NAME" with "# " lines
saying what was expected and got, as Test::More does.
]]
local M = { n = 0, failed = 0 }

local function show(v)
  if type(v) == "string" then return string.format("%q", v) end
  return tostring(v)
end

function M.diag(...)
  local msg = table.concat({ ... }, " ")
  for line in (msg .. "\n"):gmatch("(.-)\n") do print("# " .. line) end
end

function M.plan(n)
  print("1.." .. n)
  M.planned = n
end

function M.ok(cond, name, ...)
  M.n = M.n + 1
  local line = string.format("%s %d%s", cond and "ok" or "not ok", M.n, name and (" - " .. name) or "")
  print(line)
  if not cond then
    M.failed = M.failed + 1
    M.diag("Failed test " .. (name and ("'" .. name .. "'") or tostring(M.n)))
    if select("#", ...) > 0 then M.diag(...) end
  end
  return cond and true or false
end

function M.is(got, expected, name)
  return M.ok(got == expected, name, "     got: " .. show(got) .. "\n" .. "expected: " .. show(expected))
end

function M.isnt(got, unexpected, name)
  return M.ok(got ~= unexpected, name, "     got: " .. show(got) .. "\nexpected: anything else")
end

function M.like(got, pattern, name)
  return M.ok(type(got) == "string" and got:find(pattern) ~= nil, name,
              "                  " .. show(got) .. "\n    doesn't match '" .. pattern .. "'")
end

function M.is_deeply(got, expected, name)
  local same = require("expect").same
  local show_deep = require("expect").show
  return M.ok(same(got, expected), name, "     got: " .. show_deep(got) .. "\nexpected: " .. show_deep(expected))
end

-- fn must raise an error matching pattern; returns the message.
function M.error_like(fn, pattern, name)
  local ok, err = pcall(fn)
  if ok then
    M.ok(false, name, "expected an error matching '" .. pattern .. "', got none")
    return nil
  end
  M.like(tostring(err), pattern, name)
  return tostring(err)
end

function M.lives_ok(fn, name)
  local ok, err = pcall(fn)
  return M.ok(ok, name, "died: " .. tostring(err))
end

-- Ends the test: the plan (unless given first), and exit status 1 on failure.
function M.done_testing()
  if not M.planned then print("1.." .. M.n) end
  if M.planned and M.planned ~= M.n then
    M.diag(string.format("planned %d tests but ran %d", M.planned, M.n))
    os.exit(1)
  end
  if M.failed > 0 then os.exit(1) end
end

return M
