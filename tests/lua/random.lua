-- random.lua - 100,000 random operations on each architecture, with the
-- invariant checker every 1,000.  Prints TAP.
--
-- The operations: exec, fork, kill, switch, malloc, free, mmap, munmap,
-- mprotect, touch, write and read (values checked against a model of each
-- process's memory), alloc_pages and free_pages, kmalloc and kfree.
--
-- Each operation says how it may fail.  Those that take memory (exec,
-- fork, malloc, mmap, alloc_pages, kmalloc) may be refused by the machine;
-- touch and write may kill their process with the fault they asked for (a
-- write to a page made read-only, a touch past a heap chunk).  The rest
-- act on what the model knows is live (free of a chunk malloc gave, munmap
-- of a mapping, free_pages of a block, kfree, kill, switch, read of a
-- value written) and must succeed.  Any other failure, a value that reads
-- back wrong, or a broken invariant fails the test.
local vm = require "vmlab"
local tap = require "tap"

local OPS = tonumber(arg and arg[1]) or 100000
local CHECK_EVERY = 1000

local function run(arch, seed)
  vm.machine{ arch = arch, ram = "128M", seed = seed }
  math.randomseed(seed)
  local rnd = math.random
  local procs = {}            -- list of {p = handle, mem = {addr = value}, chunks = {addr, ...}, maps = {...}}
  local blocks, kobjs = {}, {}
  local stats = { ops = 0, refused = 0, checks = 0, reads = 0 }
  local bad

  local function pick(t) return t[rnd(#t)] end
  local function remove(t, x) for i, v in ipairs(t) do if v == x then table.remove(t, i) return end end end
  local function alive(pr) return pcall(function() return pr.p.pid end) end
  local function drop_dead()
    for i = #procs, 1, -1 do if not alive(procs[i]) then table.remove(procs, i) end end
  end
  local function copy(t) local c = {} for k, v in pairs(t) do c[k] = v end return c end

  local ALLOC, FAULT, MUST = "may be refused", "may fault", "must succeed"
  local ops = {
    { ALLOC, function() if #procs < 6 then procs[#procs + 1] = { p = vm.exec("p" .. rnd(99)), mem = {}, chunks = {}, maps = {} } end end },
    { ALLOC, function() if #procs > 0 and #procs < 6 then
      local pr = pick(procs)
      procs[#procs + 1] = { p = pr.p:fork(), mem = copy(pr.mem), chunks = copy(pr.chunks), maps = copy(pr.maps) }
    end end },
    { MUST, function() if #procs > 3 then local pr = pick(procs); pr.p:kill(); remove(procs, pr) end end },
    { MUST, function() if #procs > 0 then vm.switch(pick(procs).p) end end },
    { ALLOC, function() if #procs > 0 then local pr = pick(procs)
      pr.chunks[#pr.chunks + 1] = pr.p:malloc(rnd(16, 40000)) end end },
    { MUST, function() if #procs > 0 then local pr = pick(procs)
      if #pr.chunks > 0 then local a = table.remove(pr.chunks, rnd(#pr.chunks)); pr.p:free(a)
        for k in pairs(pr.mem) do if k >= a and k < a + 8 then pr.mem[k] = nil end end end end end },
    { ALLOC, function() if #procs > 0 then local pr = pick(procs)
      pr.maps[#pr.maps + 1] = pr.p:mmap{ size = rnd(1, 8) * 4096 } end end },
    { MUST, function() if #procs > 0 then local pr = pick(procs)
      if #pr.maps > 0 then local a = table.remove(pr.maps, rnd(#pr.maps)); pr.p:munmap(a, 4096)
        for k in pairs(pr.mem) do if k >= a and k < a + 4096 then pr.mem[k] = nil end end end end end },
    { MUST, function() if #procs > 0 then local pr = pick(procs)
      if #pr.maps > 0 then pr.p:mprotect(pick(pr.maps), 4096, pick({ "r", "rw", "rw" })) end end end },
    { FAULT, function() if #procs > 0 then local pr = pick(procs)
      local t = #pr.chunks > 0 and pick(pr.chunks) or (#pr.maps > 0 and pick(pr.maps))
      if t then pr.p:touch(t, rnd(1, 3 * 4096), pick({ "r", "w" })) end end end },
    { FAULT, function() if #procs > 0 then local pr = pick(procs)
      local t = #pr.chunks > 0 and pick(pr.chunks) or (#pr.maps > 0 and pick(pr.maps))
      if t then t = (t + 7) & ~7; local v = rnd(1, 1 << 40); pr.p:write(t, v); pr.mem[t] = v end end end },
    { MUST, function() if #procs > 0 then local pr = pick(procs)
      local addrs = {}
      for k in pairs(pr.mem) do addrs[#addrs + 1] = k end
      if #addrs > 0 then table.sort(addrs); local k = pick(addrs)
        local v = pr.p:read(k); stats.reads = stats.reads + 1
        if v ~= pr.mem[k] then bad = string.format("pid %d read 0x%x at 0x%x, wrote 0x%x", pr.p.pid, v, k, pr.mem[k]) end
      end end end },
    { ALLOC, function() if #blocks < 50 then blocks[#blocks + 1] = vm.alloc_pages(rnd(0, 4), pick({ "GFP_KERNEL", "GFP_HIGHUSER", "GFP_DMA" })) end end },
    { MUST, function() if #blocks > 0 then vm.free_pages(table.remove(blocks, rnd(#blocks))) end end },
    { ALLOC, function() if #kobjs < 200 then kobjs[#kobjs + 1] = vm.kmalloc(rnd(1, 9000)) end end },
    { MUST, function() if #kobjs > 0 then vm.kfree(table.remove(kobjs, rnd(#kobjs))) end end },
  }

  -- nil if the failure err of an operation of this kind is one the machine may give
  local function wrong(kind, err)
    if err:find("attempt to") or err:find("bad argument") or err:find("has exited") then
      return "a Lua error"
    elseif kind == MUST then
      return "refused, though the model says it must succeed"
    elseif kind == FAULT and not err:find("%(SIGSEGV, SEGV_%u+%): pid %d+ %(.-%) killed$") then
      return "failed without the fatal fault it may give"
    end
  end

  for i = 1, OPS do
    local op = pick(ops)
    local ok, err = pcall(op[2])
    stats.ops = stats.ops + 1
    if not ok then
      err = tostring(err)
      local why = wrong(op[1], err)
      if why then bad = bad or string.format("op %d (%s), %s: %s", i, op[1], why, err) end
      stats.refused = stats.refused + 1
    end
    drop_dead()               -- the OOM killer may end a process any operation did not name
    if bad then break end
    if i % CHECK_EVERY == 0 then
      local cok, cerr = pcall(vm.check)
      stats.checks = stats.checks + 1
      if not cok then bad = "check after op " .. i .. ": " .. tostring(cerr) break end
    end
  end
  return bad, stats
end

for i, arch in ipairs({ "i386", "i386-pae", "x86_64", "x86_64-la57" }) do
  local t0 = os.clock()
  local bad, s = run(arch, i)
  tap.ok(not bad, string.format("%s: %d operations, %d checks, %d reads verified", arch, s.ops, s.checks, s.reads), bad)
  tap.diag(string.format("%s: %d refused or killed by the machine, as allowed, %.2f s", arch, s.refused, os.clock() - t0))
  tap.ok(s.ops == OPS and s.checks == OPS // CHECK_EVERY, arch .. ": every operation ran and every check")
end
tap.done_testing()
