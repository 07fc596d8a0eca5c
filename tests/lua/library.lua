-- library.lua - the Lua library in lua/ beyond what the module tests use:
-- experiment's grid, table and CSV (text and file), expect's counting and
-- failure lines.  Run by library.t through vmlab; prints TAP (lua/tap.lua).
local vm = require "vmlab"
local tap = require "tap"
local experiment = require "experiment"
local expect = require "expect"

-- experiment.combinations and experiment.grid -----------------------------------
local combos = experiment.combinations({ { "a", { 1, 2 } }, { "b", { "x", "y" } } })
tap.is_deeply(combos, { { a = 1, b = "x" }, { a = 1, b = "y" }, { a = 2, b = "x" }, { a = 2, b = "y" } },
              "combinations: every pair, the first parameter slowest")
tap.is_deeply(experiment.combinations({}), { {} }, "combinations of nothing: one empty run")

local runs = 0
local rows = experiment.grid({ { "order", { 0, 3 } }, { "zone", { "DMA", "Normal" } } }, function(p)
  runs = runs + 1
  vm.machine{ ram = "64M" }
  local b = vm.alloc_pages(p.order, p.zone == "DMA" and "GFP_DMA" or "GFP_KERNEL")
  return { pages = 1 << b.order, got = b.zone }
end)
tap.is(runs, 4, "grid runs the function once per combination")
tap.is_deeply(rows.columns, { "order", "zone", "got", "pages" }, "columns: the parameters in order, then the results sorted")
tap.is_deeply(rows[4], { order = 3, zone = "Normal", pages = 8, got = "Normal" }, "a row holds parameters and results")
local single = experiment.grid({ { "n", { 1, 2 } } }, function(p) return p.n * 10 end)
tap.is_deeply(single.columns, { "n", "result" }, "a lone value is the column 'result'")
tap.is(single[2].result, 20, "with its value")
tap.is(experiment.table(single), "n  result\n-  ------\n1      10\n2      20", "experiment.table aligns numbers right")

-- experiment.csv_text and experiment.csv ---------------------------------------------
local odd = { columns = { "name", "note", "n" },
              { name = "plain", note = "a,b", n = 1 },
              { name = 'say "hi"', note = "two\nlines", n = 2.5 },
              { name = "empty" } }
local want = 'name,note,n\nplain,"a,b",1\n"say ""hi""","two\nlines",2.5\nempty,,\n'
tap.is(experiment.csv_text(odd), want, "csv_text: a header, one line per row, quoted where CSV needs it")
tap.is(experiment.csv_text(odd, { "n", "name" }), 'n,name\n1,plain\n2.5,"say ""hi"""\n,empty\n', "csv_text with chosen columns")
tap.is(experiment.csv_text(rows), "order,zone,got,pages\n0,DMA,DMA,1\n0,Normal,Normal,1\n3,DMA,DMA,8\n3,Normal,Normal,8\n",
       "csv_text of a grid")
local name = os.tmpname()
experiment.csv(odd, name)
local f = assert(io.open(name))
tap.is(f:read("a"), want, "experiment.csv writes the same text to the file")
f:close()
os.remove(name)
tap.error_like(function() experiment.csv(odd, "/nonexistent/dir/x.csv") end, "/nonexistent/dir/x%.csv: No such file",
               "experiment.csv: a file that cannot be written raises")

-- expect: counting, and what a failure prints -----------------------------------------
local printed = {}
local real_print = print
print = function(...) printed[#printed + 1] = table.concat({ ... }, "\t") end
local function order11() vm.alloc_pages(11) end
local order11_error = select(2, pcall(order11))
expect.reset()
local r1 = expect(vm.alloc_pages(0).order, 0, "order 0")
local r2 = expect({ 1, { 2 } }, { 1, { 3 } }, "deep tables differ")
local r3 = expect.error(order11, "out of range", "order 11 refused")
local r4 = expect.error(order11, "no such words", "the wrong error")
local r5 = expect.near(0.1 + 0.2, 0.3, 1e-9, "near")
local all_ok = expect.summary()
print = real_print
tap.like(order11_error, "^.-library%.lua:%d+: alloc_pages: order 11 is out of range", "the error expect.error gets")
tap.is_deeply({ r1, r2, r3, r4, r5 }, { true, false, true, false, true }, "each check returns whether it held")
tap.is(all_ok, false, "summary() is false after a failure")
tap.is(expect.passed .. "/" .. expect.failed, "3/2", "passed and failed are counted")
tap.is(table.concat(printed, "\n"), table.concat({
  "ok - order 0",
  "FAIL - deep tables differ",
  "  expected: {1=1, 2={1=3}}",
  "  actual:   {1=1, 2={1=2}}",
  "ok - order 11 refused",
  "FAIL - the wrong error",
  '  expected an error matching "no such words"',
  "  actual:   " .. order11_error,
  "ok - near",
  "3 passed, 2 failed" }, "\n"), "a failure prints both sides, the summary counts")
expect.reset()
tap.is(expect.passed + expect.failed, 0, "expect.reset() starts the count again")
tap.done_testing()
