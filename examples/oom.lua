--[[
oom.lua - kswapd, the watermarks, and the OOM killer.

Each zone has three watermarks, min < low < high, in free pages.  An
allocation that finds every zone it may use at or below low wakes
kswapd, which reclaims (here: writes pages to swap) until a zone is
above high, then sleeps again; the allocating process does not wait for
it.  Without swap, anonymous memory cannot be reclaimed at all: when an
allocation fails even after direct reclaim, the OOM killer picks the
process with the highest badness (its RSS, swap entries and page
tables, plus oom_score_adj thousandths of memory) and kills it.  The
one asking is not necessarily the one killed, and oom_score_adj -1000
protects a process completely.

  vmlab examples/oom.lua
]]
local vm = require "vmlab"
local expect = require "expect"

-- Part 1: kswapd between low and high -------------------------------------------
vm.machine{ ram = "64M", swap = "64M" }
local function zones()
  local t = {}
  for _, z in ipairs(vm.zoneinfo()) do
    if z.managed > 0 then t[#t + 1] = z; t[z.zone] = z end
  end
  return t
end
print("zone     free    min    low   high  (pages)")
for _, z in ipairs(zones()) do
  print(string.format("%-6s %6d %6d %6d %6d", z.zone, z.free, z.min, z.low, z.high))
end

local woke, slept = 0, 0
vm.on("mm_vmscan_kswapd_wake", function() woke = woke + 1 end)
vm.on("mm_vmscan_kswapd_sleep", function() slept = slept + 1 end)
local p = vm.exec("writer")
local a = p:mmap{ size = "60M" }
-- Most of memory in one go, then page by page until kswapd wakes.
local z = zones()
local quick = z.Normal.free - z.Normal.low - 16
p:touch(a, quick * 4096, "w")
expect(woke, 0, "no wake-up while the zones are above low")
local page, before = quick, zones()
while woke == 0 do
  before = zones()
  p:touch(a + page * 4096, "w")
  page = page + 1
end
local after = zones()
print(string.format("\npage %d: Normal had %d free pages (low %d), DMA %d (low %d + %d kept",
                    page, before.Normal.free, before.Normal.low, before.DMA.free, before.DMA.low,
                    before.DMA.protection[2]))
print(string.format("  for Normal's allocations): kswapd woke, reclaimed, and slept with Normal"
                    .. " at %d free (high %d)", after.Normal.free, after.Normal.high))
expect(before.Normal.free <= before.Normal.low, true,
       "kswapd wakes when Normal is down to its low watermark")
expect(before.DMA.free <= before.DMA.low + before.DMA.protection[2], true,
       "... and DMA too, counting what DMA keeps back for Normal allocations (lowmem_reserve)")
expect(after.Normal.free > after.Normal.high, true,
       "kswapd stops once a zone is above its high watermark")
expect(slept >= 1, true, "kswapd went back to sleep")
p:touch(a, "60M", "w")
vm.off("mm_vmscan_kswapd_wake")
vm.off("mm_vmscan_kswapd_sleep")
local vs = vm.vmstat()
print(string.format("after writing 60M: kswapd woke %d times; pgscan_kswapd %d, "
                    .. "pgsteal_kswapd %d, pswpout %d, allocstall %d", woke, vs.pgscan_kswapd,
                    vs.pgsteal_kswapd, vs.pswpout, vs.allocstall_normal + vs.allocstall_dma))
expect(vs.pswpout > 0 and vs.pgsteal_kswapd == vs.pswpout, true, "what kswapd stole went to swap")
expect(vs.allocstall_normal + vs.allocstall_dma, 0,
       "kswapd kept up: the writer never reclaimed by itself")
expect(p:read(a), 0, "a page that went to swap comes back")

-- Part 2: the OOM killer -------------------------------------------------------------
print()
vm.machine{ ram = "64M" }
local function grow(name, size)
  local q = vm.exec(name)
  q:touch(q:mmap{ size = size }, size, "w")
  return q
end
local db = grow("database", "24M")
local hog = grow("hog", "16M")
local editor = grow("editor", "2M")
vm.oom_score_adj(db, -1000)
print("pid comm      rss(K)  oom_score_adj  badness")
for _, q in ipairs{ db, hog, editor } do
  local o = vm.oom_score_adj(q)
  print(string.format("%3d %-9s %6d  %13d  %s", q.pid, q.comm, q.rss, o.oom_score_adj,
                      o.badness and tostring(o.badness) or "never"))
end
local hog_pid = hog.pid

local victims = {}
vm.on("mark_victim", function(ev) victims[#victims + 1] = ev.pid end)
local leak = vm.exec("leak")
local leak_pid = leak.pid
local la = leak:mmap{ size = "40M" }
print("\nleak (pid " .. leak_pid .. ") touches 40M, a megabyte at a time, with no swap:\n")
local ok, err
for mb = 0, 39 do
  ok, err = pcall(leak.touch, leak, la + mb * (1 << 20), "1M", "w")
  if not ok then break end
end
vm.off("mark_victim")
print("\nthe leak's last touch: " .. err)
expect(victims[1], hog_pid,
       "the first victim is the hog, the highest badness, not the leak that asked")
expect(victims[2], leak_pid, "once the leak is the largest, it is the victim")
expect(ok, false, "the leak's own touch fails: it was killed")
expect(db.comm, "database", "oom_score_adj -1000 protects the largest process")
expect(editor.comm, "editor", "the small editor is left alone")
expect(vm.vmstat().oom_kill, 2, "vmstat counts two OOM kills")
expect(vm.check(), true, "the machine's invariants hold: the killed left nothing behind")
expect.done()
