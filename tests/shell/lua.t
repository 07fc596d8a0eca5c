# The shell's Lua commands: `lua CODE` and `run FILE` (.lua or commands).
# The Lua prompt (`lua` alone) reads the lines after it, so it is tested
# in tests/lua/cli.t and tests/lua/interactive.t.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# lua CODE: one chunk, with the module as `vm`
$ lua print(1 + 1)
2
$ lua for o = 0, 2 do print(vm.alloc_pages(o).pfn) end
6144
6208
6212
$ lua print(vm.buddyinfo()[2].zone, vm.meminfo().MemTotal)
Normal	1031168
$ lua print('single quotes keep a string: words are joined by one blank')
single quotes keep a string: words are joined by one blank
$ lua "print(\"double quotes hold the whole chunk; even this\")"
double quotes hold the whole chunk; even this
$ lua x = 5
$ lua print(x)
nil
$ lua print(vm.cmd('echo through the shell'))
through the shell
\
$ lua local p = vm.exec('app') p:touch(p:malloc(100), 'w') print(p, p.rss)
pid 1 (app)	4
$ lua vm.nope()
! error: lua: (lua):1: attempt to call a nil value (field 'nope')
$ lua vm.cmd('alloc_pages 11')
! error: lua: (lua):1: alloc_pages: order 11 is out of range (0..10)
$ lua error('raised')
! error: lua: (lua):1: raised
$ lua print((
! error: lua: (lua):1: unexpected symbol near <eof>
$ lua os.exit(3)
! error: lua: the script called os.exit(3)

# run FILE.lua: a Lua script with arguments
$ run tests/lua/fixtures/args.lua one two
arg[0] = tests/lua/fixtures/args.lua	#arg = 2	... = one,two
$ run tests/lua/fixtures/fail.lua
! error: run: tests/lua/fixtures/fail.lua:3: something went wrong
stack traceback:
	[C]: in function 'error'
	tests/lua/fixtures/fail.lua:3: in local 'deeper'
	tests/lua/fixtures/fail.lua:5: in main chunk
$ run tests/lua/fixtures/machine-error.lua
! error: run: tests/lua/fixtures/machine-error.lua:4: free_pages: the block at pfn 0x1800 has order 0, not 2
stack traceback:
	[C]: in function 'vmlab.free_pages'
	tests/lua/fixtures/machine-error.lua:4: in main chunk
$ run tests/lua/fixtures/hook-error.lua
! error: vm.on("mm_page_alloc") hook: tests/lua/fixtures/hook-error.lua:3: hook failed at pfn 6152 (the hook is removed)
the script went on
$ run nope.lua
! error: run: cannot open 'nope.lua': No such file or directory

# run FILE: anything else is a command script, errors at its FILE:LINE
$ run tests/lua/fixtures/cmds.vmlab
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
pfn 0x3f00 order 1 (2 pages, 8K) node 0 zone Normal virt 0xc3f00000
$ run tests/lua/fixtures/bad.vmlab
before
! error: unknown command 'bogus' (try 'help')
after
$ run nope.vmlab
! error: run: cannot open 'nope.vmlab': No such file or directory
$ run tests/lua/fixtures/cmds.vmlab extra
! error: run: unexpected argument 'extra' (only a .lua script takes arguments)
$ run
! error: run: missing FILE (usage: run FILE [ARGS...])

# help
$ help run
run - run a script: FILE.lua as Lua, any other FILE as commands

Usage: run FILE [ARGS...]

A FILE ending in .lua runs as a Lua script with ARGS in its `arg` table
(arg[0] is FILE) and as `...`; a failure prints the message and a stack
traceback.  Any other FILE is read as vmlab commands, line by line, with
errors reported as FILE:LINE (and --bail stopping at the first); --echo
shows the `run` line, not the script's.  In the source tree,
`run examples/buddy.lua` narrates the buddy allocator's split and merge.

Example: run /dev/null
