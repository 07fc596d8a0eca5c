--[[
faults.lua - segmentation and protection: what a process may not touch.

Segmentation first: Linux's segments are flat (base 0, limit 4 GiB), so a
logical address's offset is its linear address, and protection comes
from the privilege check: user code (CPL 3) may use __USER_DS (DPL 3) but
not fetch through __KERNEL_CS (DPL 0): #GP.  Then paging: a user access
to kernel memory, to an address no VMA covers, or a write to a read-only
mapping raises a page fault the kernel cannot fix, and the process dies
of SIGSEGV, with SEGV_MAPERR (nothing mapped) or SEGV_ACCERR (mapped,
not allowed) in its siginfo.

  vmlab examples/faults.lua
]]
local vm = require "vmlab"
local expect = require "expect"
local fmt = require "fmt"

vm.machine{ ram = "64M" }
vm.exec("app")
local out = vm.cmd("translate 0x7b:0x08048000")
print("translate 0x7b:0x08048000 (user data selector, CPL 3):")
io.write(out)
expect(out:find("allowed") ~= nil, true, "CPL 3 may use __USER_DS")
expect(out:find("linear   0x08048000") ~= nil, true, "flat segments: linear = offset")
expect.error(function() vm.cmd("translate 0x60:0xc0100000") end,
             "needs CPL = DPL, but CPL 3, DPL 0: #GP", "user code may not fetch through __KERNEL_CS")

-- Each process below dies of one fault; signal_generate says which.
local signals = {}
vm.on("signal_generate", function(ev) signals[#signals + 1] = ev end)

local function dies(what, f, pattern, code)
  local p = vm.exec("victim")
  local ok, err = pcall(f, p)
  print(string.format("%-34s -> %s", what, ok and "no fault" or err:gsub("^.-: ", "")))
  expect(ok, false, what .. ": the access fails")
  expect(err:find(pattern) ~= nil, true, what .. ": " .. pattern)
  expect(signals[#signals].sig, 11, what .. ": SIGSEGV")
  expect(signals[#signals].code, code, what .. ": si_code " .. code)
  expect.error(function() return p.pid end, "has exited", what .. ": the process is gone")
end

dies("read of kernel memory", function(p) p:touch(0xc0000000) end, "kernel memory", 1)
dies("read where no VMA is", function(p) p:touch(0x40000000) end, "not mapped", 1)
dies("write to read-only text", function(p) p:write(0x08048000, 1) end, "not writable", 2)
dies("write after mprotect(PROT_READ)", function(p)
  local a = p:malloc(100)
  p:write(a, 1)
  p:mprotect(a & ~0xfff, 4096, "r")
  expect(p:read(a), 1, "reading is still allowed")
  p:write(a, 2)
end, "not writable", 2)
vm.off("*")
expect(#vm.ps(), 1, "only the first process is left")
expect(vm.check(), true, "the machine's invariants hold: the dead left nothing behind")
expect.done()
