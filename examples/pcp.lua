--[[
pcp.lua - per-CPU page lists: order-0 pages come and go in batches.

An order-0 allocation does not go to the buddy lists each time.  Each
CPU keeps a list of free pages per zone (the pageset).  When it is empty,
rmqueue_bulk() takes `batch` pages from the buddy allocator at once
(pcp_refill) and the next allocations are served from the list with no
trip to the zone.  Freed order-0 pages go back to the list, not to the
buddy lists, until it holds more than `high`.  Pages on a per-CPU list
are free but not counted in NR_FREE_PAGES, as in the kernel.

  vmlab examples/pcp.lua
]]
local vm = require "vmlab"
local expect = require "expect"
local fmt = require "fmt"

vm.machine{ ram = "1G" }
local function normal()
  for _, z in ipairs(vm.zoneinfo()) do if z.zone == "Normal" then return z end end
end

local z0 = normal()
print(string.format("ZONE_Normal pageset of cpu 0: count %d, batch %d, high %d",
                    z0.pagesets[0].count, z0.pagesets[0].batch, z0.pagesets[0].high))
expect(z0.pagesets[0].count, 0, "a fresh machine's per-CPU list is empty")

local refills, taken = {}, 0
vm.on("pcp_refill", function(ev) refills[#refills + 1] = ev.count end)
vm.on("rmqueue_smallest", function() taken = taken + 1 end)

local first = vm.alloc_pages(0)
local z1 = normal()
print(string.format("alloc_pages(0) = pfn %s: the list was empty, so %d pages came in one batch",
                    fmt.pfn(first.pfn), refills[1]))
expect(refills[1], z0.pagesets[0].batch, "one refill of `batch` pages")
expect(z1.pagesets[0].count, z0.pagesets[0].batch - 1, "the list keeps batch - 1 pages")
expect(z0.free - z1.free, z0.pagesets[0].batch, "NR_FREE_PAGES dropped by the whole batch")

local before = taken
local more = {}
for i = 1, 10 do more[i] = vm.alloc_pages(0) end
expect(taken, before, "ten more order-0 pages took nothing from the buddy lists")
expect(normal().pagesets[0].count, z1.pagesets[0].count - 10, "they came off the per-CPU list")
print("10 more pages: no buddy operation, the per-CPU list shrinks to " .. normal().pagesets[0].count)

local free_before = normal().free
for i = 1, 10 do vm.free_pages(more[i]) end
vm.free_pages(first)
vm.off("*")
local z2 = normal()
print(string.format("freeing all 11: the list grows back to %d, NR_FREE_PAGES is unchanged (%d)",
                    z2.pagesets[0].count, z2.free))
expect(z2.pagesets[0].count, z0.pagesets[0].batch, "freed pages went to the per-CPU list")
expect(z2.free, free_before, "freeing to the list does not touch NR_FREE_PAGES")
expect(vm.page(first.pfn).flags.pcp, true, "the freed page is flagged as on a per-CPU list")
expect(vm.check(), true, "the machine's invariants hold")
expect.done()
