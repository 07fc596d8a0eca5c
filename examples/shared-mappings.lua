--[[
shared-mappings.lua - shared libraries and shared file mappings: one copy
in physical memory, however many processes map it.

A library's text is a private, read-only file mapping.  The first process
to touch a page takes a major fault: the page is read from the file into
the page cache.  A second process touching the same page takes a minor
fault: the page is already cached, and its PTE points at the very same
frame.  A MAP_SHARED mapping of a file goes further: a write through it
changes the page-cache page, and every process mapping it sees the data.

  vmlab examples/shared-mappings.lua
]]
local vm = require "vmlab"
local expect = require "expect"
local fmt = require "fmt"

vm.machine{ ram = "64M" }

local function libc_text(p)
  for _, m in ipairs(p:maps()) do
    if m.name:find("libc") and m.perms == "r-xp" then return m.start end
  end
end

local a = vm.exec("editor", { libs = "libc,ld.so" })
local b = vm.exec("shell", { libs = "libc,ld.so" })
local ta, tb = libc_text(a), libc_text(b)
print("libc's text is at " .. fmt.addr(ta) .. " in both (no randomisation)")

local ra = a:touch(ta, "x")
local rb = b:touch(tb, "x")
local fa, fb = a:vtop(ta).pfn, b:vtop(tb).pfn
print(string.format("editor executes it: %d major fault (read from the file), pfn %s",
                    ra.major, fmt.pfn(fa)))
print(string.format("shell executes it:  %d major, %d minor fault, pfn %s", rb.major, rb.minor,
                    fmt.pfn(fb)))
expect(ra.major, 1, "the first touch reads the page from the file")
expect(rb.major, 0, "the second process finds it in the page cache")
expect(fa, fb, "both map the same frame")
expect(vm.page(fa).mapcount, 2, "one frame, two mappings")

-- A shared file mapping: writes are seen by everyone who maps the file.
vm.file("/data/log", "8K")
local pa = a:mmap{ size = "8K", file = "/data/log", flags = "shared" }
local pb = b:mmap{ size = "8K", file = "/data/log", flags = "shared" }
a:write(pa, 0xfeed)
print(string.format("editor writes 0x%x at %s; shell reads %s at %s", 0xfeed, fmt.addr(pa),
                    fmt.hex(b:read(pb)), fmt.addr(pb)))
expect(b:read(pb), 0xfeed, "the shell sees the editor's write")
expect(a:vtop(pa).pfn, b:vtop(pb).pfn, "both map the one page-cache page")
local f
for _, x in ipairs(vm.files()) do if x.name == "/data/log" then f = x end end
expect(f.dirty, 1, "the page is dirty in the page cache until written back")

-- A private mapping of the same file: the write stays private (copy-on-write).
local pc = a:mmap{ size = "8K", file = "/data/log", flags = "private" }
expect(a:read(pc), 0xfeed, "a private mapping reads the cached data")
a:write(pc, 1)
expect(b:read(pb), 0xfeed, "a write through a private mapping is not seen by others")
expect(a:vtop(pc).pfn ~= a:vtop(pa).pfn, true, "the private write got its own copy")
expect(vm.check(), true, "the machine's invariants hold")
expect.done()
