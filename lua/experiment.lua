--[[
experiment.lua - run a function over a grid of parameters and show the
results as an aligned table, or write them as CSV.

  local experiment = require "experiment"
  local rows = experiment.grid({ { "arch", { "i386", "x86_64" } },
                                 { "order", { 0, 3, 9 } } },
    function(p)
      vm.machine{ arch = p.arch }
      local before = vm.vmstat().pgalloc_normal
      vm.alloc_pages(p.order)
      return { pgalloc = vm.vmstat().pgalloc_normal - before }
    end)
  experiment.print(rows)            -- arch  order  pgalloc ...
  experiment.csv(rows, "out.csv")   -- the same, as CSV (not in the sandbox)

The grid is a list of {name, values} pairs; the function runs once per
combination, first parameter slowest, and gets them as a table.  It
returns a table of results (or one value, the column "result").  Each
row holds the parameters and the results; columns are the parameters in
grid order, then the result keys sorted.
]]
local fmt = require "fmt"

local M = {}

local function combinations(params, i, current, out)
  if i > #params then
    local copy = {}
    for k, v in pairs(current) do copy[k] = v end
    out[#out + 1] = copy
    return out
  end
  local name, values = params[i][1], params[i][2]
  for _, v in ipairs(values) do
    current[name] = v
    combinations(params, i + 1, current, out)
  end
  current[name] = nil
  return out
end

-- Every combination of the grid, in order: a list of {name = value} tables.
function M.combinations(params)
  return combinations(params, 1, {}, {})
end

-- Runs fn over the grid; returns the rows (with rows.columns set).
function M.grid(params, fn)
  local rows = { columns = {} }
  local result_keys = {}
  for _, p in ipairs(params) do rows.columns[#rows.columns + 1] = p[1] end
  for _, p in ipairs(M.combinations(params)) do
    local r = fn(p)
    if type(r) ~= "table" then r = { result = r } end
    local row = {}
    for k, v in pairs(p) do row[k] = v end
    for k, v in pairs(r) do
      if p[k] == nil and not result_keys[k] then
        result_keys[k] = true
      end
      row[k] = v
    end
    rows[#rows + 1] = row
  end
  local sorted = {}
  for k in pairs(result_keys) do sorted[#sorted + 1] = k end
  table.sort(sorted)
  for _, k in ipairs(sorted) do rows.columns[#rows.columns + 1] = k end
  return rows
end

-- The rows as an aligned table (columns default to rows.columns).
function M.table(rows, columns)
  return fmt.table(rows, columns or rows.columns)
end

function M.print(rows, columns)
  print(M.table(rows, columns))
end

local function csv_cell(v)
  local s = tostring(v == nil and "" or v)
  if s:find('[,"\n]') then s = '"' .. s:gsub('"', '""') .. '"' end
  return s
end

-- The rows as CSV text: a header line, then one line per row.
function M.csv_text(rows, columns)
  columns = columns or rows.columns
  local lines = { table.concat(columns, ",") }
  for _, r in ipairs(rows) do
    local cells = {}
    for i, c in ipairs(columns) do cells[i] = csv_cell(r[c]) end
    lines[#lines + 1] = table.concat(cells, ",")
  end
  return table.concat(lines, "\n") .. "\n"
end

-- Writes the CSV to file (needs the io library: not in the sandbox).
function M.csv(rows, file, columns)
  assert(io, "experiment.csv: no io library here (the sandbox); use experiment.csv_text")
  local f = assert(io.open(file, "w"))
  f:write(M.csv_text(rows, columns))
  f:close()
end

return M
