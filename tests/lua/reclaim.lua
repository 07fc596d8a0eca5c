-- reclaim.lua - the swap, reclaim, OOM and replay functions of the vmlab
-- module, and their error paths.  Run by reclaim.t through vmlab; prints
-- TAP (lua/tap.lua).
local vm = require "vmlab"
local tap = require "tap"

-- The vmlab binary, for the checks that need a process of their own.
local VMLAB = os.getenv("VMLAB") or arg[-1]

local function run(args)
  local p = assert(io.popen(VMLAB .. " " .. args .. " 2>&1"))
  local out = p:read("a")
  p:close()
  return out
end

-- The sentence of an error, without the FILE:LINE in front.
local function sentence(fn, ...)
  local ok, err = pcall(fn, ...)
  return not ok and tostring(err):gsub("^[^:\n]*:%d+: ", "") or "no error"
end

-- vm.machine and vm.reset with swap= and policy= --------------------------------
tap.like(vm.machine{ ram = "64M", swap = "16M", policy = "clock" },
         "^machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1, swap 16384K, policy clock\n",
         "vm.machine{swap=, policy=}: the boot lines say so")
tap.is(#vm.swaps(), 1, "vm.machine{swap=}: one swap area")
tap.is(vm.swaps()[1].size, 16380, "its size in kB, the header page left out")
tap.is(vm.policy(), "clock", "vm.machine{policy=}: the live policy")
tap.error_like(function() vm.machine{ swap = "8K" } end, "machine: swap: a swap area needs at least 10 pages",
               "vm.machine: a swap area too small")
tap.error_like(function() vm.machine{ policy = "opt" } end, "machine: policy: expected linux, fifo, lru or clock, not 'opt'",
               "vm.machine: a replay-only policy")
tap.is(vm.policy(), "clock", "a failed vm.machine keeps the machine")
tap.like(vm.reset{ swap = "8M" }, "^machine: i386, 64 MiB RAM, .*swap 8192K, policy clock\n",
         "vm.reset{swap=}: the same machine, another swap size")
tap.is(vm.swaps()[1].size, 8188, "vm.reset{swap=}: the new area")
tap.like(vm.reset{ policy = "lru" }, "swap 8192K, policy lru\n", "vm.reset{policy=} keeps swap=")
tap.is(vm.policy(), "lru", "vm.reset{policy=}")
vm.reset{ swap = 0, policy = "linux" }
tap.is(#vm.swaps(), 0, "vm.reset{swap=0}: no swap")
tap.is(vm.policy(), "linux", "vm.reset{policy='linux'}")
tap.ok(not vm.reset():find("swap"), "vm.reset() keeps the settings of the last reset")
tap.error_like(function() vm.reset{ colour = "blue" } end, "reset: unknown option 'colour'", "vm.reset: unknown option")
tap.error_like(function() vm.reset{ policy = "mru" } end, "reset: policy: expected linux, fifo, lru or clock",
               "vm.reset: a replay-only policy")
tap.error_like(function() vm.reset{ swap = "lots" } end, "reset: swap: 'lots' is not a size", "vm.reset: a bad size")
tap.error_like(function() vm.reset(7) end, "table expected", "vm.reset takes a table")

-- vm.swapon, vm.swaps, vm.swapoff ---------------------------------------------------
vm.machine{ ram = "64M" }
tap.is(vm.swapon("16M"), 0, "vm.swapon returns the area's number")
tap.is(vm.swapon(8 << 20), 1, "vm.swapon takes bytes too")
tap.is(vm.swapon("4M", { prio = 5, name = "/swapfile" }), 2, "vm.swapon with prio= and name=")
local sw = vm.swaps()
tap.is(#sw, 3, "vm.swaps: three areas")
tap.is_deeply(sw[1], { filename = "/dev/sda2", type = "partition", size = 16380, used = 0, priority = -2, area = 0 },
              "vm.swaps()[1] is /proc/swaps' first line")
tap.is(sw[2].priority, -3, "default priorities go -2, -3, ... as Linux gives them")
tap.is(sw[3].type, "file", "a name outside /dev is a file")
tap.is(sw[3].priority, 5, "prio=")
local text = vm.cmd("cat /proc/swaps")
for i, s in ipairs(sw) do
  local line = text:match("\n(" .. s.filename:gsub("%p", "%%%0") .. "[^\n]*)")
  local f = {}
  for w in (line or ""):gmatch("%S+") do f[#f + 1] = w end
  tap.is_deeply({ f[1], f[2], tonumber(f[3]), tonumber(f[4]), tonumber(f[5]) },
                { s.filename, s.type, s.size, s.used, s.priority }, "vm.swaps()[" .. i .. "] agrees with /proc/swaps")
end
tap.like(vm.dmesg()[#vm.dmesg()], "^Adding 4092k swap on /swapfile%.  Priority:5 extents:1 across:4092k SS$",
         "vm.dmesg: swapon's line")
tap.like(vm.cmd("lua vm.swapon('1M')"), "^Adding 1020k swap on /dev/sda4%.  Priority:%-4 ",
         "the kernel's line goes to the console as vm.swapon returns")
tap.error_like(function() vm.swapon("4K") end, "^.-reclaim%.lua:%d+: swapon: a swap area needs at least 10 pages",
               "vm.swapon: too small (the core's sentence, at the caller's line)")
tap.error_like(function() vm.swapon("4M", { name = "/swapfile" }) end, "swapon: /swapfile is already a swap area",
               "vm.swapon: a name in use")
tap.error_like(function() vm.swapon("4M", { name = "swapfile" }) end, "swapon: 'swapfile' is not a path",
               "vm.swapon: not a path")
tap.error_like(function() vm.swapon("4M", { prio = 40000 }) end, "swapon: prio: 40000 is out of range %(0..32767%)",
               "vm.swapon: prio out of range")
tap.error_like(function() vm.swapon("4M", { prio = "high" }) end, "swapon: prio: an integer is needed, not 'high'",
               "vm.swapon: prio not a number")
tap.error_like(function() vm.swapon("4M", { priority = 1 }) end, "swapon: unknown option 'priority' %(options: prio,name%)",
               "vm.swapon: unknown option")
tap.error_like(function() vm.swapon("4M", { name = 2 }) end, "swapon: name: a path is needed, not '2'",
               "vm.swapon: name not a string")
tap.error_like(function() vm.swapon("4M", 5) end, "table expected", "vm.swapon: options not a table")
tap.error_like(function() vm.swapon("lots") end, "swapon: size: 'lots' is not a size", "vm.swapon: bad size")
tap.error_like(function() vm.swapon() end, "swapon: size: a size is needed", "vm.swapon: no size")
tap.is(#vm.swaps(), 4, "failed swapons added nothing")
tap.is(vm.swapoff(3), 0, "vm.swapoff(n): an unused area gives back no pages")
tap.is(vm.swapoff("/swapfile"), 0, "vm.swapoff(path)")
tap.error_like(function() vm.swapoff(2) end, "swapoff: 2 is not a swap area %(see vm.swaps%(%)%)", "vm.swapoff: gone")
tap.error_like(function() vm.swapoff("/dev/nope") end, "swapoff: /dev/nope is not a swap area", "vm.swapoff: unknown path")
tap.error_like(function() vm.swapoff(-1) end, "swapoff: %-1 is not a swap area", "vm.swapoff: negative")
tap.is(vm.swapoff(), 0, "vm.swapoff(): every area")
tap.is(#vm.swaps(), 0, "no area left")
tap.error_like(function() vm.swapoff() end, "swapoff: there is no swap area", "vm.swapoff() without swap")

-- vm.swapout --------------------------------------------------------------------------
local p = vm.exec("app")
local a = p:mmap{ size = "1M" }
p:touch(a, "1M", "w")
tap.error_like(function() vm.swapout(3) end, "swapout: there is no swap area %(vm.swapon%(size%) first%)",
               "vm.swapout(n) without swap")
tap.error_like(function() vm.swapout(p, a) end, "swapout: .*swap", "vm.swapout(p, addr) without swap: the core's sentence")
-- vm.swapout(p, addr [, size]) says what `swapout PID ADDR [SIZE]` says.
local function same_as_shell(addr, size, what)
  local line = string.format("swapout %d 0x%x%s", p.pid, addr, size and " " .. size or "")
  tap.is(sentence(vm.swapout, p, addr, size), sentence(vm.cmd, line), what .. ": the shell's sentence")
end
same_as_shell(a, nil, "a written page without swap")
same_as_shell(0x10000, nil, "an address nothing maps")
same_as_shell(a + 1020 * 1024, "8K", "a range running past the mapping")
same_as_shell(0xbffff000, "8K", "a range past TASK_SIZE")
same_as_shell(0xc0000000, nil, "a kernel address")
tap.like(sentence(vm.cmd, "swapout " .. p.pid .. " 0x1000"), "swapout: 0x00001000 is not mapped in pid",
         "the shell: 0x1000 is an address, and nothing is mapped below 64K")
tap.is(sentence(vm.swapout, p, 0x1000), "swapout: there is no swap area (vm.swapon(size) first)",
       "vm.swapout(p, 0x1000) is 4096 pages: without swap it fails too, as `swapout 1 4096` does")
tap.is(sentence(vm.swapout, p, 4096), sentence(vm.cmd, "swapout " .. p.pid .. " 4096"):gsub("swapon SIZE", "vm.swapon(size)"),
       "the count, in the shell's words")
vm.swapon("16M")
for i = 0, 255 do p:write(a + i * 4096, i * 7 + 1) end
local before = vm.vmstat()
local n, st = vm.swapout(p, a, "8K")
tap.is(n, 2, "vm.swapout(p, addr, size): the pages freed")
tap.is(st.swapped, 2, "... both written to swap")
tap.is(st.reclaimed, 2, "stat.reclaimed")
tap.is(vm.vmstat().pswpout - before.pswpout, 2, "pswpout counts them")
tap.is(vm.swaps()[1].used, 8, "/proc/swaps: 8 kB used")
tap.is(p:vtop(a).present, false, "the PTE is not present: a swap entry")
local maj = p.maj_flt
tap.is(p:read(a), 1, "p:read brings the page back with its value")
tap.is(p.maj_flt, maj + 1, "... through a major fault")
tap.is(select(2, vm.swapout(p, a + 2 * 4096)).swapped, 1, "vm.swapout(p, addr): one page")
tap.is((vm.swapout(p, a + 4096)), 0, "a page already out: nothing to do")
n, st = vm.swapout(p, 5)
tap.is(n, 5, "vm.swapout(p, n): n pages the policy picks")
tap.ok(st.scanned >= 5, "stat.scanned")
tap.is((vm.swapout(7)), 7, "vm.swapout(n): of any process")
n = vm.swapout(p, "all")
tap.ok(n > 200, "vm.swapout(p, 'all'): the rest of the process (" .. n .. " pages)")
tap.is(p.rss, 0, "nothing of it is resident")
tap.is((vm.swapout(p)), 0, "vm.swapout(p): nothing left")
local bad = 0
for i = 0, 255 do if p:read(a + i * 4096) ~= i * 7 + 1 then bad = bad + 1 end end
tap.is(bad, 0, "every value comes back from swap")
vm.switch(p)
local resident = p.rss // 4
tap.ok(resident >= 256, "the reads brought the pages back")
tap.is((vm.swapout()), resident, "vm.swapout(): every page of the current process")
tap.is(sentence(vm.swapout, 0), sentence(vm.cmd, "swapout 0"), "vm.swapout(0): the shell's sentence")
tap.is(sentence(vm.swapout, -2), sentence(vm.cmd, "swapout -2"), "vm.swapout(-2): the shell's sentence")
tap.is(sentence(vm.swapout, p, -1), "swapout: address -1 is negative", "vm.swapout(p, -1): no such address")
tap.error_like(function() vm.swapout(1.5) end, "swapout: a number of pages is needed, not '1.5'", "vm.swapout: a fraction")
tap.is(sentence(vm.swapout, p, 0), "swapout: N: must not be 0", "vm.swapout(p, 0)")
tap.error_like(function() vm.swapout(p, "some") end, "swapout: expected an address, a number of pages or \"all\", not 'some'",
               "vm.swapout: a bad word")
tap.error_like(function() vm.swapout(p, a, 0) end, "swapout: size must not be 0", "vm.swapout: size 0")
tap.error_like(function() vm.swapout(p, 0xbffff000, "8K") end, "swapout: 0xbffff000%+0x2000 is not in user space",
               "vm.swapout: past TASK_SIZE")
tap.error_like(function() vm.swapout(p, a, "8K", 1) end, "swapout: unexpected argument #4 after the size",
               "vm.swapout(p, a, size, x)")
tap.error_like(function() vm.swapout(p, a, "lots") end, "swapout: size: 'lots' is not a size", "vm.swapout: bad size")
tap.error_like(function() vm.swapout(3, 4) end, "swapout: unexpected argument #2 after the number of pages",
               "vm.swapout(n, x)")
tap.error_like(function() vm.swapout(p, "all", 1) end, "unexpected argument #3", "vm.swapout(p, 'all', x)")
tap.error_like(function() vm.swapout(nil, 3) end, "swapout: a process or a number of pages is needed first",
               "vm.swapout(nil, n)")
tap.error_like(function() vm.swapout("p") end, "vmlab.process expected", "vm.swapout('p')")
local gone = vm.exec("gone")
gone:kill()
tap.error_like(function() vm.swapout(gone, 1) end, "pid %d+ %(gone%) has exited", "vm.swapout of an exited process")
vm.switch(p)
p:kill()
tap.is(vm.swaps()[1].used, 0, "the process exited: every slot is free")
vm.reset()
tap.error_like(function() vm.swapout() end, "swapout: no process runs on cpu 0", "vm.swapout() with no process")

-- data through swap under pressure, and through fork --------------------------------
vm.machine{ ram = "64M", swap = "128M" }
local big = vm.exec("big")
local b = big:mmap{ size = "80M" }
local pages = 80 * 256
for i = 0, pages - 1, 1 do big:write(b + i * 4096, i * 2654435761 % (1 << 40)) end
local vs = vm.vmstat()
tap.ok(vs.pswpout > 5000, "writing 80M into 64M of RAM swaps (pswpout " .. vs.pswpout .. ")")
tap.ok(vs.pgscan_kswapd > 0, "kswapd scanned (pgscan_kswapd " .. vs.pgscan_kswapd .. ")")
local used = vm.swaps()[1].used
tap.error_like(function() vm.swapoff() end, "^.-: swapoff: ", "vm.swapoff: memory cannot take the pages back")
tap.is(vm.swaps()[1].used, used, "... and the area is as it was")
local kid = big:fork()
vm.switch(big)
bad = 0
for i = 0, pages - 1, 97 do if kid:read(b + i * 4096) ~= i * 2654435761 % (1 << 40) then bad = bad + 1 end end
tap.is(bad, 0, "the child reads every value the parent wrote, swapped or not")
kid:kill()
bad = 0
for i = 0, pages - 1 do if big:read(b + i * 4096) ~= i * 2654435761 % (1 << 40) then bad = bad + 1 end end
tap.is(bad, 0, "all " .. pages .. " values come back to the parent")
tap.ok(vm.vmstat().pswpin > 5000, "... many of them through swap-ins")
tap.is(vm.check(), true, "the invariants hold after the pressure")
big:kill()
tap.is(vm.swaps()[1].used, 0, "every slot is free once the process exits")

-- vm.reclaim ----------------------------------------------------------------------------
vm.machine{ ram = "64M", swap = "16M" }
local r = vm.exec("r")
local ra = r:mmap{ size = "1M" }
r:touch(ra, "1M", "w")
n, st = vm.reclaim(32)
tap.ok(n >= 32, "vm.reclaim(32) frees at least 32 pages (" .. n .. ")")
tap.is(st.reclaimed, n, "stat.reclaimed is the first result")
tap.is(st.swapped + st.swap_clean + st.file_dropped + st.file_written, n, "the parts add up")
tap.ok(st.scanned >= n, "scanned at least as many as freed")
tap.is(st.why, nil, "stat.why only when a page could not go")
tap.like(vm.cmd("reclaim 4"), "^reclaimed %d+ pages for 4 asked", "the shell's reclaim agrees in form")
tap.is(sentence(vm.reclaim, 0), "reclaim: N: must not be 0", "vm.reclaim(0)")
tap.is(sentence(vm.reclaim, 0), sentence(vm.cmd, "reclaim 0"), "vm.reclaim(0): the shell's sentence")
tap.is(sentence(vm.reclaim, -1), "reclaim: N: '-1' is negative", "vm.reclaim(-1)")
tap.is(sentence(vm.reclaim, -1), sentence(vm.cmd, "reclaim -1"), "vm.reclaim(-1): the shell's sentence")
tap.error_like(function() vm.reclaim() end, "reclaim: a number of pages is needed$", "vm.reclaim()")
tap.error_like(function() vm.reclaim("x") end, "reclaim: a number of pages is needed, not 'x'", "vm.reclaim('x')")

-- vm.policy ------------------------------------------------------------------------------
tap.is(vm.policy(), "linux", "vm.policy(): linux by default")
tap.is(vm.policy("fifo"), "fifo", "vm.policy(name) sets and returns it")
tap.like(vm.cmd("policy"), "^policy fifo:", "the shell sees it")
for _, name in ipairs{ "lru", "clock", "linux" } do tap.is(vm.policy(name), name, "vm.policy('" .. name .. "')") end
tap.error_like(function() vm.policy("opt") end, "policy: opt is for replay only", "vm.policy: a replay-only policy")
tap.error_like(function() vm.policy("best") end, "policy: unknown policy 'best' %(linux, fifo, lru, clock%)",
               "vm.policy: unknown")
tap.is(vm.policy(), "linux", "failed vm.policy calls changed nothing")

-- vm.oom_score_adj and the OOM killer ---------------------------------------------------
vm.machine{ ram = "64M" }
local function grow(name, size)
  local q = vm.exec(name)
  q:touch(q:mmap{ size = size }, size, "w")
  return q
end
local db = grow("database", "24M")
local hog = grow("hog", "16M")
local hog_pid = hog.pid
local ed = grow("editor", "2M")
local o = vm.oom_score_adj(hog)
tap.is(o.pid, hog.pid, "vm.oom_score_adj(p).pid")
tap.is(o.oom_score_adj, 0, "oom_score_adj 0 at first")
tap.ok(o.badness >= 4096, "badness counts the RSS pages (" .. o.badness .. ")")
tap.like(vm.cmd("oom_score_adj " .. hog.pid), "oom_score " .. o.oom_score .. " %(badness " .. o.badness .. " of " ..
         o.totalpages .. " pages%)", "the shell's oom_score_adj agrees")
o = vm.oom_score_adj(db, -1000)
tap.is(o.oom_score_adj, -1000, "vm.oom_score_adj(p, -1000)")
tap.is(o.oom_score, 0, "oom_score 0")
tap.is(o.badness, nil, "no badness: never chosen")
tap.ok(vm.oom_score_adj(ed, 500).badness > vm.oom_score_adj(hog).badness, "+500 adds half of RAM to the badness")
vm.oom_score_adj(ed, 0)
tap.error_like(function() vm.oom_score_adj(hog, 1001) end, "oom_score_adj: 1001 is out of range %(%-1000..1000%)",
               "vm.oom_score_adj: out of range")
tap.error_like(function() vm.oom_score_adj(hog, "x") end, "number expected", "vm.oom_score_adj: not a number")
tap.error_like(function() vm.oom_score_adj(2, 0) end, "vmlab.process expected", "vm.oom_score_adj needs a process")
local victims = {}
vm.on("mark_victim", function(ev) victims[#victims + 1] = ev.pid end)
local leak = vm.exec("leak")
local leak_pid = leak.pid
local la = leak:mmap{ size = "40M" }
local ok, err
for i = 0, 39 do
  ok, err = pcall(leak.touch, leak, la + i * (1 << 20), "1M", "w")
  if not ok then break end
end
vm.off("mark_victim")
tap.is(victims[1], hog_pid, "the first victim is the hog: the highest badness, not the process asking")
tap.is(victims[2], leak_pid, "the second is the leak itself, grown past everyone else")
tap.like(err, "touch: out of memory: pid %d+ %(leak%) was killed by the OOM killer %(SIGKILL%)",
         "the leak's own touch fails with the shell's sentence")
tap.is(db.comm, "database", "oom_score_adj -1000 kept the largest process alive")
tap.is(ed.comm, "editor", "the editor lives")
tap.error_like(function() return hog.pid end, "has exited", "the hog is gone")
tap.is(vm.vmstat().oom_kill, 2, "vmstat: oom_kill 2")
local log = table.concat(vm.dmesg(), "\n")
tap.like(log, "leak invoked oom%-killer: gfp_mask=0x%x+%(GFP_HIGHUSER_MOVABLE|__GFP_ZERO%), order=0, oom_score_adj=0",
         "vm.dmesg: the OOM report's first line")
tap.like(log, "Out of memory: Killed process " .. victims[1] .. " %(hog%) total%-vm:%d+kB, anon%-rss:16384kB",
         "vm.dmesg: the kill")
tap.is(vm.check(), true, "the invariants hold after the OOM kills")
-- a kernel line logged where the console is not shown at once still reaches it before vm.cmd's output
vm.machine{ ram = "64M" }
local fill = vm.exec("fill")
fill:touch(fill:mmap{ size = "48M" }, "48M", "w")
pcall(function() for _ = 1, 4096 do vm.alloc_pages(0) end end)
tap.like(vm.dmesg()[#vm.dmesg()], "^Out of memory: Killed process 1 %(fill%)", "vm.alloc_pages ran into the OOM killer")
tap.is(vm.cmd("echo clean"), "clean\n", "vm.cmd's output holds its own lines only")
-- (two 40M mappings that merge: one of 80M is more than RAM and swap together)
tap.like(run("-e 'vm.machine{ram=\"64M\"} local p = vm.exec(\"x\") p:mmap{size=\"40M\"} print(pcall(p.touch, p, p:mmap{size=\"40M\"}, \"80M\", \"w\"))'"),
         "^x invoked oom%-killer.*Out of memory: Killed process 1 %(x%)[^\n]*\nfalse\t[^\n]*touch: out of memory",
         "the OOM report is on the console before the call returns")

-- vm.dmesg --------------------------------------------------------------------------------
vm.machine{ ram = "64M", swap = "1M" }
tap.is_deeply(vm.dmesg(), { "Adding 1020k swap on /dev/sda2.  Priority:-2 extents:1 across:1020k SS" },
              "vm.dmesg: the new machine's log")
tap.is(table.concat(vm.dmesg(), "\n") .. "\n", vm.cmd("dmesg"), "vm.dmesg agrees with dmesg")

-- vm.replay ----------------------------------------------------------------------------------
local belady = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 }
local rows, sum = vm.replay{ refs = belady, frames = { 3, 4 }, policy = "fifo" }
tap.is(#rows, 2, "vm.replay: a row per policy and frame count")
tap.is_deeply(rows[1], { policy = "fifo", frames = 3, references = 12, faults = 9, hits = 3, hit_ratio = 0.25 },
              "FIFO, 3 frames: 9 faults")
tap.is(rows[2].faults, 10, "FIFO, 4 frames: 10 faults: Belady's anomaly")
tap.is_deeply(sum, { references = 12, lines = 12, distinct = 5, writes = 0 }, "the summary")
local textbook = "7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1"
rows = vm.replay{ refs = textbook, frames = 3, policy = { "fifo", "lru", "opt" } }
tap.is_deeply({ rows[1].faults, rows[2].faults, rows[3].faults }, { 15, 12, 9 },
              "the textbook string, 3 frames: FIFO 15, LRU 12, OPT 9")
rows = vm.replay{ refs = belady, frames = { 1, 2, 3, 4, 5, 6, 7 }, policy = "lru,opt,fifo" }
tap.is(#rows, 21, "policies in a string, frames in a list: 3 x 7 rows")
tap.is_deeply({ rows[1].policy, rows[8].policy, rows[15].policy, rows[15].frames }, { "lru", "opt", "fifo", 1 },
              "rows policy-major, in the order asked")
local monotone = true
for i = 2, 7 do
  for _, base in ipairs{ 0, 7 } do
    if rows[base + i].faults > rows[base + i - 1].faults then monotone = false end
  end
end
tap.ok(monotone, "LRU and OPT never fault more with more frames (stack algorithms)")
for i = 1, 7 do
  if rows[7 + i].faults > rows[i].faults or rows[7 + i].faults > rows[14 + i].faults then monotone = false end
end
tap.ok(monotone, "OPT is never worse than LRU or FIFO")
local shell = vm.cmd("replay refs=" .. textbook .. " frames=3,4 policy=clock,lfu,mru,linux")
rows = vm.replay{ refs = textbook, frames = { 3, 4 }, policy = { "clock", "lfu", "mru", "linux" } }
local agree = true
for _, row in ipairs(rows) do
  local pat = string.format("\n%-6s  %6d  %10d  %6d  %6d", row.policy, row.frames, row.references, row.faults, row.hits)
  if not shell:find(pat, 1, true) then agree = false end
end
tap.ok(agree, "vm.replay agrees with the shell's replay row by row")
rows = vm.replay{ refs = belady, frames = 3, policy = "fifo", steps = true }
local st1 = rows[1].steps
tap.is(#st1, 12, "steps=true: one step per reference")
tap.is_deeply(st1[1], { t = 1, page = 1, write = false, hit = false, frames = { 1, false, false } },
              "step 1: a miss into an empty frame (false marks an empty frame)")
tap.is_deeply(st1[4], { t = 4, page = 4, write = false, hit = false, frames = { 4, 2, 3 }, victim = 1, written_back = false },
              "step 4: 4 replaces 1, the oldest")
local hits, victims2 = {}, {}
for _, s in ipairs(st1) do
  hits[#hits + 1] = s.hit and "h" or "m"
  if s.victim then victims2[#victims2 + 1] = s.victim end
end
tap.is(table.concat(hits), "mmmmmmmhhmmh", "the hits and misses of the textbook table")
tap.is_deeply(victims2, { 1, 2, 3, 4, 1, 2 }, "the pages replaced, in order")
tap.is_deeply(st1[12].frames, { 5, 3, 4 }, "the frames at the end")
tap.is(vm.replay{ refs = belady, frames = 3, policy = "fifo" }[1].steps, nil, "no steps unless asked")
rows, sum = vm.replay{ refs = { 1, "2w", 3, 4, "1w", 2, 5 }, frames = 3, policy = { "fifo", "opt" }, steps = "on" }
tap.is(sum.writes, 2, "'2w' marks a write")
tap.is(rows[1].writebacks, 1, "FIFO writes back 2 when it goes; 1 is written after it came back clean")
tap.is(rows[1].steps[2].write, true, "a step knows it was a write")
local wb = false
for _, s in ipairs(rows[1].steps) do if s.victim == 2 then wb = s.written_back end end
tap.is(wb, true, "the step that replaced 2 wrote it back")
tap.is(#rows[2].steps, 7, "opt has its steps too")
tap.is(vm.replay{ refs = "1 2 1", frames = 1, policy = "lru" }[1].faults, 3, "refs as a string with blanks")
tap.is(vm.replay{ refs = 42, frames = 1, policy = "lru" }[1].faults, 1, "refs as a single number")
tap.is(vm.replay{ refs = { 0x10, "0x10" }, frames = 1, policy = "fifo" }[1].hits, 1, "hex pages in strings")
local r1 = vm.replay{ refs = { 1, 2, 3, 1, 2, 3, 4 }, frames = 2, policy = "rand" }[1]
vm.reset()
local r2 = vm.replay{ refs = { 1, 2, 3, 1, 2, 3, 4 }, frames = 2, policy = "rand" }[1]
tap.is(r1.faults, r2.faults, "rand is the machine's seeded generator: the same after a reset")

-- a lackey trace in a file
local trace = os.tmpname()
local f = assert(io.open(trace, "w"))
f:write("==1== Lackey, an example Valgrind tool\n")
for i = 0, 999 do
  f:write(string.format("I  %08x,3\n", 0x400000 + (i % 3) * 4096))
  f:write(string.format(" L %08x,8\n", 0x10000000 + (i % 50) * 4096))
  if i % 5 == 0 then f:write(string.format(" S %08x,8\n", 0x20000000 + (i // 5 % 20) * 4096)) end
  if i % 7 == 0 then f:write(string.format(" M %08x,4\n", 0x30000000)) end
end
f:close()
rows, sum = vm.replay{ file = trace, frames = { 16, 128 }, policy = { "lru", "opt" } }
tap.is(sum.references, 1000 + 1000 + 200 + 143 * 2, "lackey: I, L, S, and M as a load and a store")
tap.is(sum.distinct, 3 + 50 + 20 + 1, "lackey: the distinct 4K pages")
tap.is(sum.writes, 200 + 143, "lackey: the stores")
tap.ok(rows[1].writebacks ~= nil, "with stores, the rows count write-backs")
tap.is(rows[2].faults, 74, "128 frames: every page faults once, no more")
local out = vm.cmd("replay " .. trace .. " frames=16,128 policy=lru,opt")
tap.like(out, string.format("\nlru%%s+16%%s+%d%%s+%d%%s+%d", rows[1].references, rows[1].faults, rows[1].hits),
         "file=: the shell's replay of the same file agrees")
tap.is(vm.replay{ file = trace, format = "lackey", page = "1M", frames = 4, policy = "lru" }[1].faults, 4,
       "page='1M': the four regions are four pages")
f = assert(io.open(trace, "w"))
f:write("0x1000\n0x2000\n0x1008\nW 0x3000\n")
f:close()
rows, sum = vm.replay{ file = trace, format = "addr", frames = 2, policy = "fifo" }
tap.is_deeply({ sum.references, sum.distinct, sum.writes }, { 4, 3, 1 }, "format='addr'")
f = assert(io.open(trace, "w"))
f:write("1\n2\n1\n")
f:close()
tap.is(vm.replay{ file = trace, format = "pages", frames = 1, policy = "fifo" }[1].faults, 3, "format='pages'")
f = assert(io.open(trace, "w"))
f:write("1\nbanana\n")
f:close()
tap.error_like(function() vm.replay{ file = trace, format = "pages", frames = 1, policy = "fifo" } end,
               "replay: line 2: ", "a line that does not parse: the core's sentence")
os.remove(trace)

tap.error_like(function() vm.replay{ refs = belady, frames = 3 } end, "replay: policy= is missing", "no policy=")
tap.error_like(function() vm.replay{ refs = belady, policy = "fifo" } end, "replay: frames= is missing", "no frames=")
tap.error_like(function() vm.replay{ frames = 3, policy = "fifo" } end, "replay: give either refs=", "neither refs= nor file=")
tap.error_like(function() vm.replay{ refs = "1", file = "x", frames = 3, policy = "fifo" } end, "give either refs=",
               "both refs= and file=")
tap.error_like(function() vm.replay{ refs = "1", page = "4K", frames = 3, policy = "fifo" } end,
               "replay: format= and page= are for trace files, not refs=", "page= with refs=")
tap.error_like(function() vm.replay{ refs = {}, frames = 3, policy = "fifo" } end, "replay: the input holds no references",
               "an empty list")
tap.error_like(function() vm.replay{ refs = { 1, -2 }, frames = 3, policy = "fifo" } end,
               "replay: refs%[2%]: a page number %(or \"3w\" for a write%) is needed, not '%-2'", "a negative page")
tap.error_like(function() vm.replay{ refs = { 1, {} }, frames = 3, policy = "fifo" } end, "refs%[2%]: .*not a table",
               "a table in refs")
tap.error_like(function() vm.replay{ refs = "1,x", frames = 3, policy = "fifo" } end,
               "replay: refs: 'x' is not a page number %(N, or Nw for a write%)", "a bad word in refs")
tap.error_like(function() vm.replay{ refs = true, frames = 3, policy = "fifo" } end,
               "replay: refs: a list or a string is needed, not a boolean", "refs=true")
tap.error_like(function() vm.replay{ refs = "1", frames = 0, policy = "fifo" } end,
               "replay: frames: 0 is out of range %(1..16777216%)", "frames=0")
tap.error_like(function() vm.replay{ refs = "1", frames = 2.5, policy = "fifo" } end,
               "replay: frames: a whole number or a list of them is needed, not '2.5'", "frames=2.5")
tap.error_like(function() vm.replay{ refs = "1", frames = {}, policy = "fifo" } end, "replay: frames: give at least one",
               "frames={}")
local many = {}
for i = 1, 33 do many[i] = i end
tap.error_like(function() vm.replay{ refs = "1", frames = many, policy = "fifo" } end, "replay: frames: at most 32 counts",
               "33 frame counts")
tap.error_like(function() vm.replay{ refs = "1", frames = 1, policy = "belady" } end,
               "replay: policy: unknown policy 'belady' %(fifo, lru, clock, opt, rand, lfu, mru, linux%)", "unknown policy")
tap.error_like(function() vm.replay{ refs = "1", frames = 1, policy = { "fifo", 3 } } end,
               "replay: policy: a name or a list of names is needed, not '3'", "a number as a policy")
tap.error_like(function() vm.replay{ refs = "1", frames = 1, policy = "fifo", steps = "yes" } end,
               "replay: steps: expected true or false, not 'yes'", "steps='yes'")
tap.error_like(function() vm.replay{ refs = "1", frames = 1, policy = "fifo", csv = "x.csv" } end,
               "replay: unknown option 'csv'", "unknown option")
tap.error_like(function() vm.replay{ file = "/nonexistent/trace", frames = 1, policy = "fifo" } end,
               "replay: cannot open /nonexistent/trace: No such file or directory", "a missing file")
tap.error_like(function() vm.replay{ file = "/dev/null", format = "xml", frames = 1, policy = "fifo" } end,
               "replay: format: expected lackey, addr or pages, not 'xml'", "a bad format")
tap.error_like(function() vm.replay{ file = "/dev/null", page = "3K", frames = 1, policy = "fifo" } end,
               "replay: page: 3K is not a power of two from 1 to 1G", "a bad page size")
local long = {}
for i = 1, 10001 do long[i] = i % 7 end
tap.error_like(function() vm.replay{ refs = long, frames = 3, policy = "fifo", steps = true } end,
               "replay: steps=on shows at most 10000 references", "steps: at most 10000 references")
tap.is(vm.replay{ refs = long, frames = 3, policy = "fifo" }[1].references, 10001, "... without steps, any length")
tap.error_like(function() vm.replay{ refs = { 1, 2 }, frames = 1 << 22, policy = "fifo", steps = true } end,
               "replay: steps: more than 4194304 frame entries to keep", "steps: a bound on what is kept")
tap.error_like(function() vm.replay() end, "table expected", "vm.replay needs a table")
tap.like(run("--sandbox -e 'vm.replay{file=\"/etc/passwd\", frames=1, policy=\"fifo\"}'"),
         "replay: reading '/etc/passwd' is not allowed in the sandbox", "the sandbox refuses file=")
tap.like(run("--sandbox -e 'print(vm.replay{refs={1,2,1}, frames=1, policy=\"fifo\"}[1].faults)'"), "^3\n",
         "refs= works in the sandbox")

tap.is(vm.check(), true, "the machine's invariants hold at the end")
tap.done_testing()
