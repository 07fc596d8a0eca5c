--[[
cow.lua - fork copies page tables, not pages: copy-on-write.

After fork, parent and child map the same frames, write-protected in
both.  Reading costs nothing.  The first write by either side faults
(do_wp_page): the writer gets a copy, and the other keeps the original,
now mapped once.  A value written before the fork is seen by both; one
written after, only by the writer.

  vmlab examples/cow.lua
]]
local vm = require "vmlab"
local expect = require "expect"
local fmt = require "fmt"

vm.machine{ ram = "64M" }
local parent = vm.exec("app")
local a = parent:mmap{ size = "16K" }     -- 4 private anonymous pages
parent:touch(a, 4 * 4096, "w")
parent:write(a, 1111)
local frame = parent:vtop(a).pfn
print(string.format("parent %s: 4 pages at %s written, the first at pfn %s", tostring(parent),
                    fmt.addr(a), fmt.pfn(frame)))

local child = parent:fork()
print(string.format("fork: %s shares them; pfn %s is mapped %d times", tostring(child),
                    fmt.pfn(frame), vm.page(frame).mapcount))
expect(child:vtop(a).pfn, frame, "the child maps the parent's frame")
expect(vm.page(frame).mapcount, 2, "the frame is mapped twice")
expect(child:read(a), 1111, "the child reads what the parent wrote before fork")
expect(child.min_flt, 0, "reading a shared page takes no fault")

local copies = 0
vm.on("do_wp_page", function(ev) copies = copies + 1
  print(string.format("  do_wp_page at %s: old pfn %s, new pfn %s", fmt.addr(ev.addr),
                      fmt.pfn(ev.old_pfn), fmt.pfn(ev.pfn)))
end)
child:write(a, 2222)
vm.off("do_wp_page")
expect(copies, 1, "the child's write took one copy-on-write fault")
expect(child:vtop(a).pfn ~= frame, true, "the child now has a copy of its own")
expect(parent:vtop(a).pfn, frame, "the parent keeps the original frame")
expect(vm.page(frame).mapcount, 1, "the original is mapped once again")
expect(parent:read(a), 1111, "the parent still reads its value")
expect(child:read(a), 2222, "the child reads its own")

local r = parent:touch(a, 4 * 4096, "w")
print(string.format("the parent writes all 4 pages: %d faults (the first page is its own again,",
                    r.minor))
print("  the 3 others are still shared with the child and get copied)")
expect(r.minor, 4, "four write faults: one reuses the now-unshared page, three copy")
io.write(vm.cmd("ps"))
expect(vm.check(), true, "the machine's invariants hold")
expect.done()
