--[[
buddy.lua - the buddy system splits a block of 512 pages to serve 128,
and merges the halves back when they are freed.

A request of order 7 (128 pages) takes the smallest free block of order 7
or more.  Here that is an order-9 block (512 pages) at pfn 0x200: expand()
halves it, putting the upper half back at each step (0x300, order 8;
then 0x280, order 7) and hands out the lower 128 pages.  Freeing them,
__free_one_page() finds its buddy (pfn ^ (1 << order)) free at the same
order and merges, twice, back into the 512-page block.

  vmlab examples/buddy.lua
]]
local vm = require "vmlab"
local expect = require "expect"
local fmt = require "fmt"

vm.machine{ ram = "64M" }
local function dma() return vm.buddyinfo()[1].free end

-- Take the DMA zone's order-8 block first, so that order 9 is the smallest that fits.
local held = vm.alloc_pages(8, "GFP_DMA")
local before = dma()
print(string.format("ZONE_DMA free blocks by order 7..10: %d %d %d %d", before[7], before[8],
                    before[9], before[10]))

local log = {}
vm.on("rmqueue_smallest", function(ev)
  log[#log + 1] = string.format("take the order-%d block at %s for order %d", ev.current_order,
                                fmt.pfn(ev.pfn), ev.order)
end)
vm.on("buddy_split", function(ev)
  log[#log + 1] = string.format("split: upper half %s goes back as order %d", fmt.pfn(ev.pfn), ev.order)
end)
vm.on("buddy_merge", function(ev)
  log[#log + 1] = string.format("merge %s with its buddy %s at order %d", fmt.pfn(ev.pfn),
                                fmt.pfn(ev.buddy_pfn), ev.order)
end)

local b = vm.alloc_pages(7, "GFP_DMA")
print(string.format("alloc_pages(7): %s, pfn %s", fmt.pages(128), fmt.pfn(b.pfn)))
for _, l in ipairs(log) do print("  " .. l) end
local after = dma()
expect(b.pfn, 0x200, "the 128 pages are the lower quarter of the block at 0x200")
expect(#log, 3, "one block taken, split twice")
expect(after[9], before[9] - 1, "the order-9 block is gone")
expect(after[8], before[8] + 1, "its upper half (0x300) is free at order 8")
expect(after[7], before[7] + 1, "the upper half of the lower half (0x280) is free at order 7")
expect(vm.page(b.pfn).flags.head, true, "pfn 0x200 heads an allocated block")
expect(vm.page(0x280).flags.buddy, true, "pfn 0x280 heads a free block")

log = {}
vm.free_pages(b)
print("free_pages(0x200, 7):")
for _, l in ipairs(log) do print("  " .. l) end
vm.off("*")
expect(#log, 2, "two merges")
expect(dma(), before, "the free lists are as they were before")
expect(0x200 ~ (1 << 7), 0x280, "the order-7 buddy of 0x200 is 0x200 ^ 0x80")

vm.free_pages(held)
expect(vm.check(), true, "the machine's invariants hold")
expect.done()
