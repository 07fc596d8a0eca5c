--[[
tlb.lua - the TLB caches translations; a context switch throws them away
(unless entries are tagged with a PCID).

A first access misses the TLB and walks the page tables; the walk's
result is cached, so the next access to the page hits.  Loading CR3 for
another process flushes every entry but the global (kernel) ones, so
coming back costs misses again.  With pcid=on each entry carries its
address space's PCID and survives the switch.

  vmlab examples/tlb.lua
]]
local vm = require "vmlab"
local expect = require "expect"

local function run(pcid)
  vm.machine{ arch = "x86_64", ram = "64M", pcid = pcid }  -- PCIDs: 64-bit mode only
  local a = vm.exec("editor")
  local b = vm.exec("shell")
  local pa, pb = a:malloc(16 * 1024), b:malloc(16 * 1024)
  a:touch(pa, 16 * 1024, "w")         -- switches to editor, faults 5 pages in
  b:touch(pb, 16 * 1024, "w")
  local t0 = vm.tlb()
  a:touch(pa, 16 * 1024, "r")         -- back to editor: hits or misses?
  local t1 = vm.tlb()
  return t1.hits - t0.hits, t1.misses - t0.misses, t1.flushes - t0.flushes
end

local hits, misses, flushes = run(false)
print(string.format("without PCID: back on editor, %d hits, %d misses (%d flush on the switch)",
                    hits, misses, flushes))
expect(flushes, 1, "the switch back flushed the TLB once")
expect(misses, 5, "every page of editor's buffer missed after the flush")
expect(hits, 0, "nothing of editor's survived the switch")

hits, misses, flushes = run(true)
print(string.format("with PCID:    back on editor, %d hits, %d misses (%d flushes)",
                    hits, misses, flushes))
expect(misses, 0, "tagged entries survived the switch: no miss")
expect(hits, 5, "every page hit")

-- Within one process: the first touch misses, the second hits.
vm.machine{ ram = "64M" }
local p = vm.exec("app")
local a = p:malloc(100)
p:touch(a, "w")
local before = vm.tlb()
p:touch(a, "r")
expect(vm.tlb().hits - before.hits, 1, "a second access to the page hits the TLB")
print("within one process the second access hits; `tlb` shows the cached entries:")
io.write(vm.cmd("tlb"))
expect(vm.check(), true, "the TLB agrees with the page tables")
expect.done()
