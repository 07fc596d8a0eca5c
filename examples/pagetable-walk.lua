--[[
pagetable-walk.lua - one address, walked on every architecture vmlab has.

The MMU cuts a virtual address into table indexes and an offset.  i386
has two levels (10 + 10 + 12 bits), PAE three (2 + 9 + 9 + 12), x86_64
four (9 bits each, 48-bit addresses) and LA57 five (57 bits).  Levels an
architecture lacks are "folded", as Linux's pgtable-nop*d.h folds them.
For each architecture this builds a machine, writes one heap byte, and
prints the walk the MMU made: each level's index, the table it read
(a physical address) and the entry found there.

  vmlab examples/pagetable-walk.lua
]]
local vm = require "vmlab"
local expect = require "expect"
local fmt = require "fmt"

local levels = { ["i386"] = 2, ["i386-pae"] = 3, ["x86_64"] = 4, ["x86_64-la57"] = 5 }

for _, arch in ipairs({ "i386", "i386-pae", "x86_64", "x86_64-la57" }) do
  vm.machine{ arch = arch, ram = "256M" }
  local p = vm.exec("app")
  local a = p:malloc(100)
  p:write(a, 0x1234)
  local w = p:vtop(a)
  print(string.format("\n%s: %s in %s", arch, fmt.addr(a), tostring(p)))
  for _, l in ipairs(w.levels) do
    print(string.format("  %-4s [%3d]  table %s  entry %s", l.name, l.index, fmt.addr(l.table),
                        fmt.hex(l.entry)))
  end
  print(string.format("  phys %s (pfn %s)", fmt.addr(w.phys), fmt.pfn(w.pfn)))
  expect(#w.levels, levels[arch], arch .. ": " .. levels[arch] .. " levels walked")
  expect(w.phys & 0xfff, a & 0xfff, arch .. ": the offset passes through unchanged")
  expect(w.levels[1].table, p.pgd * 4096, arch .. ": the walk starts at the pgd (CR3)")
  local last = w.levels[#w.levels]
  expect(last.name, "pte", arch .. ": the last level is the PTE")
  expect((last.entry >> 12) & 0xffffffffff, w.pfn, arch .. ": the PTE holds the frame number")
  for i = 1, #w.levels - 1 do
    local next_table = (w.levels[i].entry >> 12) & 0xffffffffff
    expect(next_table * 4096, w.levels[i + 1].table,
           arch .. ": " .. w.levels[i].name .. " entry points at the next table")
  end
  expect(p:read(a), 0x1234, arch .. ": the value written reads back through the walk")
end
expect(vm.check(), true, "the machine's invariants hold")
expect.done()
