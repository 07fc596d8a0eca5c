--[[
belady.lua - page replacement, and Belady's anomaly.

When every frame is taken, a fault must pick a page to replace.  FIFO
replaces the oldest; LRU the least recently used; OPT (Belady's MIN) the
one used furthest in the future, which no kernel can know but which
gives the fewest faults possible.  On the string 1,2,3,4,1,2,5,1,2,3,4,5
FIFO faults 9 times with 3 frames and 10 times with 4: more memory, more
faults.  LRU and OPT cannot do that: they are stack algorithms, whose
pages in n frames are always among those in n+1.  Last, the live
machine: a replaced page that was written goes to swap; one that was not
written since it came back is dropped without a write.

  vmlab examples/belady.lua
]]
local vm = require "vmlab"
local expect = require "expect"
local experiment = require "experiment"

local refs = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 }

-- The faults of FIFO, access by access, in the layout of a textbook exercise.
local function faults_line(frames)
  local row = vm.replay{ refs = refs, frames = frames, policy = "fifo", steps = true }[1]
  local marks = {}
  for i, s in ipairs(row.steps) do marks[i] = s.hit and " ." or " F" end
  print(string.format("FIFO, %d frames  %s  %2d faults", frames, table.concat(marks, " "),
                      row.faults))
  return row
end
print(string.format("reference       %s", (" " .. table.concat(refs, "  "))))
local three, four = faults_line(3), faults_line(4)
expect(three.faults, 9, "FIFO with 3 frames: 9 faults")
expect(four.faults, 10, "FIFO with 4 frames: 10 faults (Belady's anomaly)")

-- Faults for every frame count from 1 to 7, for each policy.
print()
local rows = experiment.grid({ { "frames", { 1, 2, 3, 4, 5, 6, 7 } } }, function(p)
  local r = vm.replay{ refs = refs, frames = p.frames, policy = { "fifo", "lru", "opt" } }
  return { fifo = r[1].faults, lru = r[2].faults, opt = r[3].faults }
end)
experiment.print(rows, { "frames", "fifo", "lru", "opt" })
local anomalies, stack_ok, opt_best = {}, true, true
for i = 2, #rows do
  if rows[i].fifo > rows[i - 1].fifo then anomalies[#anomalies + 1] = rows[i].frames end
  if rows[i].lru > rows[i - 1].lru or rows[i].opt > rows[i - 1].opt then stack_ok = false end
end
for _, r in ipairs(rows) do
  if r.opt > r.lru or r.opt > r.fifo then opt_best = false end
end
expect(anomalies, { 4 }, "FIFO's only anomaly on this string: 4 frames fault more than 3")
expect(stack_ok, true, "LRU and OPT never fault more with more frames")
expect(opt_best, true, "OPT is never beaten")
expect(rows[5].fifo, 5, "with 5 frames every policy faults once per page")

-- Why: with LRU the pages held in 3 frames are always among those held in 4;
-- with FIFO they are not.
local function held(row, t)
  local set = {}
  for _, pg in ipairs(row.steps[t].frames) do if pg then set[pg] = true end end
  return set
end
local function first_not_included(policy)
  local r = vm.replay{ refs = refs, frames = { 3, 4 }, policy = policy, steps = true }
  for t = 1, #refs do
    local small, big = held(r[1], t), held(r[2], t)
    for pg in pairs(small) do
      if not big[pg] then return t, pg end
    end
  end
end
local t, pg = first_not_included("fifo")
print(string.format("\nFIFO: after reference %d (page %d), 3 frames hold page %d, 4 frames do not",
                    t, refs[t], pg))
expect({ t, pg }, { 7, 1 },
       "FIFO loses the inclusion at reference 7: 4 frames replaced page 1, 3 frames kept it")
expect(first_not_included("lru"), nil, "LRU keeps it at every reference")

-- The live machine: a dirty page replaced goes to swap, a clean one is dropped.
print()
vm.machine{ ram = "64M", swap = "16M" }
local p = vm.exec("app")
local a = p:mmap{ size = "4K" }
p:write(a, 42)
local _, first = vm.swapout(p, a)
print(string.format("swapout of a written page: %d written to swap", first.swapped))
expect(first.swapped, 1, "a dirty page is written to its swap slot")
local maj = p.maj_flt
expect(p:read(a), 42, "reading it back gives what was written")
expect(p.maj_flt, maj + 1, "... through a major fault (a read from swap)")
local _, again = vm.swapout(p, a)
print(string.format("swapout again, not written since: %d written, %d dropped "
                    .. "(the slot still holds it)", again.swapped, again.swap_clean))
expect(again.swap_clean, 1, "a clean page whose slot still holds it is dropped without a write")
expect(p:read(a), 42, "and still reads 42")
expect(vm.check(), true, "the machine's invariants hold")
expect.done()
