--[[
fmt.lua - formatting helpers for vmlab scripts: sizes, addresses, pfns,
and aligned tables.

  local fmt = require "fmt"
  fmt.size(4096)            --> "4K"
  fmt.size(1536 * 1024)     --> "1.5M"
  fmt.addr(0x0804b008)      --> "0x0804b008"   (the machine's address width)
  fmt.pfn(6144)             --> "0x1800"
  fmt.pages(3)              --> "3 pages (12K)"
  print(fmt.table({{order=0, pfn="0x1800"}, {order=3, pfn="0x1808"}}, {"order", "pfn"}))
  --> order  pfn
  --> -----  ------
  -->     0  0x1800
  -->     3  0x1808

Sizes use powers of 1024 with the K, M, G suffixes the shell accepts, so
what fmt.size prints can be typed back.
]]
local M = {}

local units = { { 2^40, "T" }, { 2^30, "G" }, { 2^20, "M" }, { 2^10, "K" } }

-- A byte count as the shell writes sizes: "512", "4K", "1.5M", "2G".
function M.size(bytes)
  assert(math.type(bytes) == "integer" or type(bytes) == "number", "fmt.size: a number is needed")
  for _, u in ipairs(units) do
    if bytes >= u[1] then
      local v = bytes / u[1]
      if v == math.floor(v) then
        return string.format("%d%s", math.floor(v), u[2])
      end
      return (string.format("%.1f", v):gsub("%.0$", "")) .. u[2]
    end
  end
  return tostring(math.floor(bytes))
end

-- Digits an address has on the current machine (8 or 16); 8 without vmlab.
local function digits()
  local ok, vm = pcall(require, "vmlab")
  if ok then
    local ok2, info = pcall(vm.info)
    if ok2 then return info.addr_digits end
  end
  return 8
end

-- An address as vmlab prints it: 0x, zero-padded to the architecture's width.
function M.addr(a, width)
  return string.format("0x%0" .. (width or digits()) .. "x", a)
end

function M.hex(n)
  return string.format("0x%x", n)
end

M.pfn = M.hex

-- "3 pages (12K)", "1 page (4K)"
function M.pages(n)
  return string.format("%d page%s (%s)", n, n == 1 and "" or "s", M.size(n * 4096))
end

-- "1004868 kB" as /proc/meminfo writes it, from a kB figure.
function M.kb(n)
  return string.format("%d kB", n)
end

local function cell(v)
  if math.type(v) == "float" then
    return (string.format("%.3f", v):gsub("0+$", ""):gsub("%.$", ""))
  end
  return tostring(v == nil and "" or v)
end

-- Right-align numbers, left-align the rest.
local function is_numeric(v)
  return type(v) == "number"
end

--[[
rows: a list of tables; columns: the keys to show, in order (default: the
sorted keys of the first row).  Returns the aligned text, header and rule
first, no trailing newline.
]]
function M.table(rows, columns)
  if not columns then
    columns = {}
    for k in pairs(rows[1] or {}) do columns[#columns + 1] = k end
    table.sort(columns)
  end
  local width = {}
  for i, c in ipairs(columns) do
    width[i] = #tostring(c)
    for _, r in ipairs(rows) do width[i] = math.max(width[i], #cell(r[c])) end
  end
  local lines = {}
  local head, rule = {}, {}
  for i, c in ipairs(columns) do
    head[i] = string.format("%-" .. width[i] .. "s", c)
    rule[i] = string.rep("-", width[i])
  end
  lines[1] = (table.concat(head, "  "):gsub("%s+$", ""))
  lines[2] = table.concat(rule, "  ")
  for _, r in ipairs(rows) do
    local out = {}
    for i, c in ipairs(columns) do
      local s = cell(r[c])
      out[i] = string.format("%" .. (is_numeric(r[c]) and "" or "-") .. width[i] .. "s", s)
    end
    lines[#lines + 1] = (table.concat(out, "  "):gsub("%s+$", ""))
  end
  return table.concat(lines, "\n")
end

return M
