--[[
kmalloc-vmalloc.lua - kmalloc gives physically contiguous memory from the
direct map; vmalloc gives virtually contiguous memory built of single
frames from anywhere.

kmalloc(64K) is one order-4 block of the buddy allocator: 16 consecutive
frames, and its address is just PAGE_OFFSET + the physical address, so
the kernel needs no new page-table entry.  vmalloc(64K) takes 16 frames
one at a time (on i386 from HighMem first, which has no kernel address
of its own), then maps them at consecutive addresses in the vmalloc area
with a PTE each, and leaves a guard page after them.  When memory is
fragmented the frames are scattered; vmalloc does not care, a DMA engine
would.  kmalloc stops at KMALLOC_MAX_SIZE (4 MiB, the largest buddy
block); vmalloc does not.

  vmlab examples/kmalloc-vmalloc.lua
]]
local vm = require "vmlab"
local expect = require "expect"
local fmt = require "fmt"

vm.machine{}                                        -- i386, 1 GiB: DMA, Normal, HighMem
local info = vm.info()

-- The frame behind a kernel address and its zone, from the page walk `vtop` prints.
local function frame_of(addr)
  local out = vm.cmd("vtop " .. fmt.addr(addr))
  local pfn, zone = out:match("pfn (0x%x+)%s+zone (%a+)")
  return tonumber(pfn), zone
end

-- The frames of n pages from addr, and how many runs of consecutive pfns they make.
local function frames(addr, n)
  local list, runs = {}, 0
  for i = 0, n - 1 do
    local pfn, zone = frame_of(addr + i * 4096)
    list[#list + 1] = { pfn = pfn, zone = zone }
    if i == 0 or pfn ~= list[i].pfn + 1 then runs = runs + 1 end
  end
  return list, runs
end

-- kmalloc: one buddy block, in the direct map.
local k = vm.kmalloc("64K")
local kf, kruns = frames(k, 16)
print(string.format("kmalloc(64K) = %s: pfns %s-%s, zone %s", fmt.addr(k), fmt.pfn(kf[1].pfn),
                    fmt.pfn(kf[16].pfn), kf[1].zone))
expect(kruns, 1, "kmalloc's 16 pages are one run of consecutive frames")
expect(vm.page(kf[1].pfn).order, 4, "they are one order-4 block of the buddy allocator")
expect(kf[1].pfn, (k - info.page_offset) >> 12, "virt_to_phys is a subtraction: addr - PAGE_OFFSET")
expect(kf[1].zone, "Normal", "kmalloc memory is lowmem: it has a kernel address")

-- Fragment HighMem a little: 32 pages taken, every other one given back.
local taken = {}
for i = 1, 32 do taken[i] = vm.alloc_pages(0, "GFP_HIGHUSER") end
for i = 1, 32, 2 do vm.free_pages(taken[i].pfn, 0) end

-- vmalloc: single frames, mapped one by one.
local v = vm.vmalloc("64K")
local vf, vruns = frames(v, 16)
print(string.format("vmalloc(64K) = %s: pfns %s, %s, %s, ... (%d runs), zone %s", fmt.addr(v),
                    fmt.pfn(vf[1].pfn), fmt.pfn(vf[2].pfn), fmt.pfn(vf[3].pfn), vruns, vf[1].zone))
expect(vruns, 16, "vmalloc's 16 pages lie in 16 separate frames")
expect(vf[1].zone, "HighMem", "vmalloc prefers HighMem frames (GFP_KERNEL | __GFP_HIGHMEM)")
expect(v >= info.page_offset + info.max_low_pfn * 4096, true,
       "the vmalloc address lies above the direct map")
local area = vm.vmallocinfo()[1]
expect(area.start, v, "/proc/vmallocinfo lists the area")
expect(area.size, 64 * 1024 + 4096, "the area is 64K and a guard page")
expect(area.pages, 16, "16 pages, each mapped by a PTE of its own")
print((vm.cmd("cat /proc/vmallocinfo"):gsub("\n$", "")))

-- Sizes: the buddy allocator's largest block is the end for kmalloc.
expect.error(function() vm.kmalloc("8M") end, "KMALLOC_MAX_SIZE",
             "kmalloc(8M) is refused: bigger than the largest buddy block")
local big = vm.vmalloc("8M")
print(string.format("vmalloc(8M) = %s: 2048 frames, no contiguous block needed", fmt.addr(big)))
expect(vm.vmallocinfo()[2].pages, 2048, "vmalloc(8M) maps 2048 single frames")

vm.vfree(big)
vm.vfree(v)
vm.kfree(k)
for i = 2, 32, 2 do vm.free_pages(taken[i].pfn, 0) end
expect(#vm.vmallocinfo(), 0, "vfree gave the areas back")
expect(vm.check(), true, "the machine's invariants hold")
expect.done()
