--[[
demand-paging.lua - memory arrives when it is used, one page fault at a time.

exec builds a process's VMAs and a page directory, and maps nothing.
malloc moves the program break (or maps a chunk) and still maps nothing.
Only the first access to a page faults, and the kernel's fault handler
then fills that one PTE: a read of fresh anonymous memory maps the shared
zero page, the first write gets a zero-filled frame of its own.

  vmlab examples/demand-paging.lua
]]
local vm = require "vmlab"
local expect = require "expect"
local fmt = require "fmt"

vm.machine{ ram = "64M" }
local p = vm.exec("app")
print(string.format("exec: %s with %d VMAs, RSS %d KiB: nothing is mapped yet", tostring(p),
                    #p:maps(), p.rss))
expect(p.rss, 0, "a new process has no resident page")

local a = p:malloc(64 * 1024)
print("malloc(64K) = " .. fmt.addr(a) .. ": the heap grew, RSS is still " .. p.rss .. " KiB")
expect(p.rss, 0, "malloc maps nothing")
expect(p:vtop(a).present, false, "the heap page has no PTE before it is used")

local r = p:touch(a, 64 * 1024, "r")
print(string.format("reading 64K from %s: %d pages (the chunk starts 8 bytes into a page),",
                    fmt.addr(a), r.pages))
print(string.format("  %d minor faults; each maps the shared zero page, so RSS stays %d KiB", r.minor, p.rss))
expect(r.pages, 17, "64K starting 8 bytes into a page spans 17 pages")
expect(r.minor, r.pages, "one minor fault per page read")
expect(p.rss, 0, "the zero page is not counted in RSS")
local zero = p:vtop(a).pfn
expect(vm.page(zero).flags.zero, true, "a read of fresh memory maps the zero page")

local before = vm.meminfo().MemFree
r = p:touch(a, 64 * 1024, "w")
print(string.format("writing them: %d more faults; each page gets a frame of its own", r.minor))
expect(r.minor, r.pages, "the first write to a zero-page mapping faults again")
expect(p.rss, 17 * 4, "17 pages of 4 KiB are now resident")
expect(before - vm.meminfo().MemFree >= 17 * 4, true, "MemFree dropped by at least 68 kB")
expect(vm.page(p:vtop(a).pfn).flags.anon, true, "the new frame is an anonymous page")

r = p:touch(a, 64 * 1024, "w")
expect(r.minor, 0, "a second write takes no fault: the PTEs are there")
print("a second pass takes " .. r.minor .. " faults: the TLB or the page tables answer")

p:write(a, 42)
expect(p:read(a), 42, "what was written reads back")
expect(vm.check(), true, "the machine's invariants hold")
expect.done()
