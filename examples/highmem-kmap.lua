--[[
highmem-kmap.lua - high memory on i386: frames the kernel cannot address
until it maps them, with kmap (the pkmap slots) or kmap_atomic (per-CPU
fixmap slots).

The direct map covers 896 MiB; a frame above it (ZONE_HIGHMEM) has no
kernel address.  kmap() gives it one of LAST_PKMAP (1024) slots at
PKMAP_BASE + slot * 4096.  pkmap_count says who uses a slot: 0 free, 1
mapped but unused, n: n-1 users.  An unused mapping stays until the slot
scan wraps around and flush_all_zero_pkmaps() clears every count-1 slot
with one TLB flush; a kmap of the same frame before that reuses it.  When
every slot has users, kmap() would sleep until someone calls kunmap().
kmap_atomic() uses this CPU's own slots and never sleeps.  On x86_64 there
is no high memory: kmap returns the direct-map address.

  vmlab examples/highmem-kmap.lua
]]
local vm = require "vmlab"
local expect = require "expect"
local fmt = require "fmt"

vm.machine{}                                        -- i386, 1 GiB: 128 MiB of HighMem
local info = vm.info()
local PKMAP_BASE = 0xff800000

local events = {}
vm.on("*", function(ev)                             -- keeps kmap's events (hooks must not print)
  if ev.name:find("^kmap") or ev.name == "tlb_flush" then events[#events + 1] = ev end
end)
local function last(name)
  for i = #events, 1, -1 do if events[i].name == name then return events[i] end end
end

-- A lowmem frame is always mapped: kmap just returns its direct-map address.
local low = vm.alloc_pages(0)
expect(vm.kmap(low.pfn), info.page_offset + low.pfn * 4096,
       "kmap of a lowmem frame: PAGE_OFFSET + pfn * 4096")
vm.kunmap(low.pfn)

-- A HighMem frame has no address until kmap gives it a slot.
local high = vm.alloc_pages(0, "GFP_HIGHUSER")
expect(high.zone, "HighMem", "GFP_HIGHUSER takes a HighMem frame")
expect(high.addr, nil, "which has no kernel address")
local a = vm.kmap(high.pfn)
local slot = last("kmap").slot
print(string.format("kmap(pfn %s) = %s: pkmap slot %d", fmt.pfn(high.pfn), fmt.addr(a), slot))
expect(a, PKMAP_BASE + slot * 4096, "the address is PKMAP_BASE + slot * 4096")
expect(vm.kmap(high.pfn), a, "a second kmap of the frame shares the slot")
expect(last("kmap").pkmap_count, 3, "pkmap_count 3: two users")
vm.cmd("kwrite " .. fmt.addr(a + 16) .. " 99")
expect(vm.cmd("kread " .. fmt.addr(a + 16)):match("^(%d+)"), "99",
       "the kernel writes the frame through the slot")

vm.kunmap(high.pfn)
vm.kunmap(high.pfn)
expect(vm.kmap(high.pfn), a, "after both kunmaps the mapping stayed: kmap reuses it")
expect(last("kmap").how, "mapped", "no new slot was needed")

-- Fill every slot, then one kmap more would sleep.
local block = vm.alloc_pages(10, "GFP_HIGHUSER")    -- 1024 HighMem frames
local mapped = 1                                    -- high's slot is in use
for i = 0, 1023 do
  if not pcall(vm.kmap, block.pfn + i) then break end
  mapped = mapped + 1
end
print(string.format("%d frames kmapped: every pkmap slot has a user", mapped))
expect(mapped, 1024, "LAST_PKMAP is 1024 on i386")
expect.error(function() vm.kmap(block.pfn + 1023) end, "would sleep",
             "the next kmap would sleep until a kunmap")
local k = vm.cmd("kmap_atomic " .. fmt.pfn(block.pfn + 1023))
print("kmap_atomic still works: " .. k:gsub("\n", ""))
expect(k:find("kmap_atomic slot 0", 1, true) ~= nil, true,
       "kmap_atomic never sleeps: a per-CPU slot")
vm.cmd("kunmap_atomic " .. k:match("^(0x%x+)"))

-- One kunmap: the next kmap's scan wraps, flushes the unused slot, takes it.
vm.kunmap(block.pfn + 5)
local before = #events
vm.kmap(block.pfn + 1023)
print(string.format("kunmap one frame, kmap another: flush_all_zero_pkmaps freed %d slot, "
                    .. "slot %d reused", last("kmap_flush").freed, last("kmap").slot))
expect(last("kmap_flush").freed, 1, "flush_all_zero_pkmaps cleared the one unused slot")
local flushed = {}
for i = before + 1, #events do
  if events[i].name == "tlb_flush" then flushed[#flushed + 1] = events[i].pages end
end
expect(flushed, { 1024 }, "with one TLB flush of the whole pkmap area (1024 pages)")
vm.off("*")

-- x86_64 has no high memory.
vm.machine{ arch = "x86_64", ram = "8G" }
local p = vm.alloc_pages(0, "GFP_HIGHUSER")
expect(vm.kmap(p.pfn), vm.info().page_offset + p.pfn * 4096, "x86_64: kmap returns the direct map")
expect(vm.check(), true, "the machine's invariants hold")
expect.done()
