--[[
expect.lua - self-checking exercises: compare what the machine did with
what the student (or the lecture) claims, and count.

  local expect = require "expect"
  local b = vm.alloc_pages(3)
  expect(b.order, 3, "alloc_pages(3) gives an order-3 block")
  expect(vm.buddyinfo()[2].free[3], 0, "the split left no order-3 block")
  expect.error(function() vm.free_pages(b.pfn, 2) end, "has order 3, not 2", "wrong order refused")
  expect.summary()          --> "2 passed, 1 failed" ; true if none failed
  expect.done()             -- the summary, then os.exit(1) if any failed

A check that holds prints "ok - WHAT"; one that fails prints both values:

  FAIL - the split left no order-3 block
    expected: 0
    actual:   1

Values are compared with ==, tables deeply (the same keys, equal values).
expect.quiet = true prints failures only.
]]
local M = { passed = 0, failed = 0, quiet = false }

local function show(v, depth)
  depth = depth or 0
  if type(v) == "string" then return string.format("%q", v) end
  if type(v) ~= "table" or depth > 2 then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for _, k in ipairs(keys) do
    parts[#parts + 1] = string.format("%s=%s", tostring(k), show(v[k], depth + 1))
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end
M.show = show

local function same(a, b)
  if type(a) ~= "table" or type(b) ~= "table" then
    return a == b
  end
  for k, v in pairs(a) do
    if not same(v, b[k]) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end
M.same = same

local function record(ok, what, lines)
  if ok then
    M.passed = M.passed + 1
    if not M.quiet then print("ok - " .. what) end
  else
    M.failed = M.failed + 1
    print("FAIL - " .. what)
    for _, l in ipairs(lines or {}) do print("  " .. l) end
  end
  return ok
end

-- expect(actual, expected, what): true if they are the same.
function M.check(actual, expected, what)
  what = what or "a check"
  return record(same(actual, expected), what,
                { "expected: " .. show(expected), "actual:   " .. show(actual) })
end

-- expect.near(actual, expected, tolerance, what): numbers within tolerance.
function M.near(actual, expected, tolerance, what)
  local ok = type(actual) == "number" and math.abs(actual - expected) <= tolerance
  return record(ok, what or "a check",
                { string.format("expected: %s (+/- %s)", show(expected), show(tolerance)),
                  "actual:   " .. show(actual) })
end

-- expect.truthy(value, what)
function M.truthy(v, what)
  return record(v and true or false, what or "a check", { "expected a true value", "actual:   " .. show(v) })
end

-- expect.error(fn, pattern, what): fn raises an error whose message matches pattern.
function M.error(fn, pattern, what)
  local ok, err = pcall(fn)
  local msg = tostring(err)
  if ok then
    return record(false, what or "an error", { "expected an error matching " .. show(pattern),
                                              "actual:   no error" })
  end
  return record(pattern == nil or msg:find(pattern) ~= nil, what or "an error",
                { "expected an error matching " .. show(pattern), "actual:   " .. msg })
end

-- "N passed, N failed": the line test runners read.  True if none failed.
function M.summary()
  print(string.format("%d passed, %d failed", M.passed, M.failed))
  return M.failed == 0
end

-- The summary, then os.exit(1) if a check failed.
function M.done()
  if not M.summary() then os.exit(1) end
end

function M.reset()
  M.passed, M.failed = 0, 0
end

return setmetatable(M, { __call = function(_, ...) return M.check(...) end })
