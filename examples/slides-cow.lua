--[[
slides-cow.lua - copy-on-write fork as a sequence of slides: the page
tables of parent and child after each step, and the frames they share.

  vmlab examples/slides-cow.lua                 check the story, write nothing
  vmlab examples/slides-cow.lua DIR [FORMAT]    write DIR/01-....svg (or png, pdf, dot)

1. exec: the process has a page directory and nothing else.
2. The parent writes its heap: a demand-zero fault maps a frame, writable.
3. fork copies the page tables, not the page: both PTEs now point at the
   one frame, and both are read-only, so that the first write faults.
4. The child writes: do_wp_page gives it a copy; the parent keeps the
   original, mapped once again, and nothing is shared any more.
]]
local vm = require "vmlab"
local expect = require "expect"
local fmt = require "fmt"
local slides = require "slides"

local dir, format = arg and arg[1], arg and arg[2] or "svg"
vm.machine{ ram = "64M" }

local parent, child, a
local deck = slides.new{ dir = dir, format = dir and format or "dot" }
local function tables() return { { "pagetable", parent, addr = a } } end
local function both()
  return { { "pagetable", parent, addr = a }, { "pagetable", child, addr = a }, "shared" }
end

local function writable(p)
  local levels = p:vtop(a).levels
  return levels[#levels].entry & 2 ~= 0             -- the PTE's RW bit
end

deck:step("exec: nothing is mapped yet", function()
  parent = vm.exec("app")
  a = parent:malloc(100)
end, tables)
expect(parent:vtop(a).present, false, "after exec the heap is not mapped: no frame yet")

deck:step("the parent writes its heap", function() parent:write(a, 1111) end, tables)
local frame = parent:vtop(a).pfn
print(string.format("  the heap page %s is pfn %s, writable", fmt.addr(a), fmt.pfn(frame)))
expect(writable(parent), true, "a private page written once is mapped writable")

deck:step("fork: one frame, two read-only PTEs", function() child = parent:fork() end, both)
print(string.format("  pid %d and pid %d both map pfn %s, read-only", parent.pid, child.pid,
                    fmt.pfn(frame)))
expect(child:vtop(a).pfn, frame, "the child maps the parent's frame")
expect(vm.page(frame).mapcount, 2, "the frame is mapped twice")
expect(writable(parent) or writable(child), false, "fork write-protected both PTEs")
local _, cows = vm.dot("shared"):gsub("<B>CoW</B>", "")
expect(cows, 2, "dot shared draws the frame with two copy-on-write mappers")

deck:step("the child writes: copy-on-write", function() child:write(a, 2222) end, both)
print(string.format("  the child now has pfn %s; the parent keeps pfn %s",
                    fmt.pfn(child:vtop(a).pfn), fmt.pfn(parent:vtop(a).pfn)))
expect(child:vtop(a).pfn ~= frame, true, "the child's write gave it a copy")
expect(parent:vtop(a).pfn, frame, "the parent keeps the original")
expect(vm.page(frame).mapcount, 1, "the original is mapped once again")
expect(parent:read(a), 1111, "the parent still reads its value")
expect(child:read(a), 2222, "the child reads its own")
expect(vm.dot("shared"):find("no frame is mapped more than once", 1, true) ~= nil, true,
       "dot shared: nothing is shared any more")

local files = deck:finish()
expect(#files, 8, "four steps: one diagram each for the first two, three for the last two")
expect(files[1], (dir and dir .. "/" or "") .. "01-exec-nothing-is-mapped-yet." .. deck.format,
       "files are numbered by step and named after it")
expect(vm.check(), true, "the machine's invariants hold")
expect.done()
