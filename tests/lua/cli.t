# Lua on vmlab's command line: scripts with arguments, -e, failures with
# FILE:LINE and a traceback, os.exit, the sandbox and its limits, Ctrl-C,
# the Lua prompt reading standard input, and lua/ found from anywhere.
use strict;
use warnings;
use lib 'tests/lib';
use File::Spec;
use File::Temp qw(tempdir);
use POSIX ();
use Test::More;
use Transcript;

my $fx = File::Spec->rel2abs('tests/lua/fixtures');
my $vmlab = vmlab_path();
my $r;

# A failing script: "vmlab: FILE:LINE: message", the traceback, exit 1.
$r = run_vmlab(["$fx/fail.lua"]);
is($r->{status}, 1, 'a failing script exits 1');
like($r->{err}, qr{^vmlab: \Q$fx\E/fail\.lua:3: something went wrong\nstack traceback:\n}, 'FILE:LINE: message, then the traceback');
like($r->{err}, qr{fail\.lua:5: in main chunk}, 'the traceback names the calling line');
$r = run_vmlab(["$fx/machine-error.lua"]);
is($r->{status}, 1, 'a machine error ends the script with 1');
like($r->{err}, qr{machine-error\.lua:4: free_pages: the block at pfn 0x1800 has order 3, not 2\n}, "the machine's sentence at the script's line");
$r = run_vmlab(["$fx/nope.lua"]);
is($r->{status}, 1, 'a missing script exits 1');
like($r->{err}, qr{^vmlab: cannot open \S*nope\.lua}, 'and says it cannot open it');

# Arguments, as lua.c passes them.
$r = run_vmlab(["$fx/args.lua", 'one', '--check', 'three']);
is($r->{status}, 0, 'a script that succeeds exits 0');
is($r->{out}, "arg[0] = $fx/args.lua\t#arg = 3\t... = one,--check,three\n", 'words after the script are its arguments, options too');
$r = run_vmlab(['-e', 'print(arg[-1] ~= nil, arg[0])', "$fx/args.lua", 'x']);
is($r->{out}, "true\t$fx/args.lua\narg[0] = $fx/args.lua\t#arg = 1\t... = x\n", '-e runs before the script, with the same arg');
$r = run_vmlab(['-e', 'x = 1', '-e', 'print(x + 1)']);
is($r->{out}, "2\n", 'several -e run in order in one state');
$r = run_vmlab(['-e', 'print(arg[0] == "' . $vmlab . '", #arg)', 'a']);
is($r->{status}, 2, '-e with a FILE that is not .lua is a usage error');
$r = run_vmlab(['-e', 'print((']);
is($r->{status}, 1, 'a syntax error in -e exits 1');
like($r->{err}, qr{^vmlab: \(command line\):1: unexpected symbol near <eof>}, 'and names the command line');
$r = run_vmlab(['-e', 'print(vm.alloc_pages(0).pfn, require("vmlab") == vm)']);
is($r->{out}, "6144\ttrue\n", 'vm is the module, also through require');

# os.exit ends the script with its status.
$r = run_vmlab(['-e', 'print("before"); os.exit(3); print("after")']);
is($r->{status}, 3, 'os.exit(3)');
is($r->{out}, "before\n", 'what was printed before os.exit is kept');
$r = run_vmlab(['-e', 'os.exit(true)', '-e', 'print("never")']);
is($r->{status}, 0, 'os.exit(true) is 0');
is($r->{out}, '', 'and nothing runs after it');

# Hooks that fail are reported and make the exit status 1.
$r = run_vmlab(["$fx/hook-error.lua"]);
is($r->{status}, 1, 'a failed hook makes the run fail');
like($r->{err}, qr{^error: vm\.on\("mm_page_alloc"\) hook: \S*hook-error\.lua:3: hook failed at pfn \d+ \(the hook is removed\)$}m, 'the hook error is reported');
is($r->{out}, "the script went on\n", 'the script goes on');

# The sandbox.
$r = run_vmlab(["$fx/io.lua"]);
is($r->{out}, "io works\n", 'io works outside the sandbox');
$r = run_vmlab(['--sandbox', "$fx/io.lua"]);
is($r->{status}, 1, 'the sandbox refuses io');
like($r->{err}, qr{io\.lua:2: attempt to index a nil value \(global 'io'\)}, 'io is nil in the sandbox');
$r = run_vmlab(['--sandbox', '-e', 'print(io, debug, os.execute, os.remove, os.rename, os.exit, os.getenv, string.dump, package.loadlib, package.cpath, os.time ~= nil)']);
is($r->{out}, "nil\tnil\tnil\tnil\tnil\tnil\tnil\tnil\tnil\t\ttrue\n", 'what the sandbox takes away, and keeps');
$r = run_vmlab(['--sandbox', '-e', 'print(load("\27Lua binary"))']);
like($r->{out}, qr/^nil\tattempt to load a binary chunk \(mode is 't'\)/, 'load refuses binary chunks');
$r = run_vmlab(['--sandbox', '-e', 'print(load("return 1", "x", "b")())']);
is($r->{out}, "1\n", 'load of text works, whatever mode is asked');
my $dir = tempdir(CLEANUP => 1);
open my $bin, '>', "$dir/bin.lua" or die; print $bin "\x1bLua\x54\x00"; close $bin;
$r = run_vmlab(['--sandbox', '-e', "print(loadfile('$dir/bin.lua'))"]);
like($r->{out}, qr/^nil\t.*attempt to load a binary chunk/, 'loadfile refuses binary chunks');
$r = run_vmlab(['--sandbox', '-e', "dofile('$dir/bin.lua')"]);
like($r->{err}, qr/attempt to load a binary chunk/, 'dofile refuses binary chunks');
$r = run_vmlab(['--sandbox', "$dir/bin.lua"]);
like($r->{err}, qr/attempt to load a binary chunk/, 'a binary script is refused');
$r = run_vmlab(['--sandbox', '-e', 'local e = require("expect"); print(e.same({1}, {1}))']);
is($r->{out}, "true\n", 'require of the Lua library works in the sandbox');
$r = run_vmlab(['--sandbox', '-e', 'vm.cmd("run x.lua")']);
like($r->{err}, qr/cmd: 'run' is not allowed in the sandbox/, 'vm.cmd refuses run');
$r = run_vmlab(['--sandbox', '-e', 'vm.cmd("echo a; lua print(1)")']);
like($r->{err}, qr/cmd: 'lua' is not allowed in the sandbox/, 'vm.cmd refuses lua');
$r = run_vmlab(['--sandbox', '-e', 'vm.cmd("dot phys out.svg")']);
like($r->{err}, qr/cmd: 'out\.svg' is not allowed in the sandbox/, 'vm.cmd refuses files for dot');
$r = run_vmlab(['--sandbox', '-e', 'vm.dot("phys", "out.svg")']);
like($r->{err}, qr/dot: writing 'out\.svg' is not allowed in the sandbox/, 'vm.dot refuses files');
$r = run_vmlab(['--sandbox', '-e', 'print(#vm.dot("phys") > 0, vm.cmd("echo ok"))']);
is($r->{out}, "true\tok\n\n", 'the machine itself is all there');
$r = run_vmlab(['--sandbox', '--limit', '100000', "$fx/spin.lua"]);
is($r->{status}, 1, 'the instruction limit stops a runaway script');
like($r->{err}, qr{^vmlab: \S*spin\.lua:5: instruction limit reached \(100000 instructions\)}, 'at its line');
$r = run_vmlab(['--sandbox', '-e', 'local s = string.rep("x", 300 << 20)']);
like($r->{err}, qr/not enough memory/, 'the sandbox limits Lua memory');
$r = run_vmlab(['--limit=1000', "$fx/io.lua"]);
is($r->{status}, 0, '--limit alone does nothing outside the sandbox... but needs Lua');

# Usage errors.
for my $args (['--sandbox'], ['--sandbox', 'tests/lua/fixtures/cmds.vmlab'], ['-c', 'echo', '-e', 'print(1)'],
	      ['-e'], ['--sandbox', '--limit', 'x', '-e', '1'], ['--limit']) {
	$r = run_vmlab($args);
	is($r->{status}, 2, "usage error: @$args");
	like($r->{err}, qr/^vmlab: .*\nTry 'vmlab --help'/, "and the usage hint: @$args");
}
$r = run_vmlab(['--help']);
like($r->{out}, qr/-e LUA .*\n.*--sandbox/s, '--help tells of -e and --sandbox');

# The Lua prompt in a script on standard input: the lines up to '.'.
$r = run_vmlab(['--echo'], "lua\nx = 1\nx + 1\nfor i = 1, 2 do\nprint(i)\nend\n.\necho after\n", merge => 1);
is($r->{status}, 0, 'the prompt on stdin');
is($r->{out}, "vmlab> lua\nlua> x = 1\nlua> x + 1\n2\nlua> for i = 1, 2 do\nlua> print(i)\nlua> end\n1\n2\nlua> .\nvmlab> echo after\nafter\n",
   'values printed, unfinished statements continued, "." returns to vmlab');
$r = run_vmlab([], "lua\nerror('e')\nprint('still here')\n.\nbogus\n", merge => 1);
is($r->{status}, 1, 'an error at the prompt fails the run');
is($r->{out}, "<stdin>:2: error: lua: stdin:1: e\nstill here\n<stdin>:5: error: unknown command 'bogus' (try 'help')\n",
   'errors at the prompt carry the line of stdin, and the count goes on');
$r = run_vmlab([], "lua\nprint(1)\n", merge => 1);
is($r->{out}, "1\n", 'the end of input ends the prompt');
$r = run_vmlab(["$fx/../fixtures/cmds.vmlab"]);
open my $s, '>', "$dir/prompt.vmlab" or die; print $s "lua\n"; close $s;
$r = run_vmlab(["$dir/prompt.vmlab"], '', merge => 1);
like($r->{out}, qr/prompt\.vmlab:1: error: lua: a Lua prompt reads a terminal or standard input/, 'no prompt in a script file');

# lua/ is found next to the binary, from any directory.
$r = run_vmlab(['-e', 'print(require("fmt").size(1536 * 1024), require("tap") ~= nil, require("experiment") ~= nil)'], '', dir => $dir);
is($r->{out}, "1.5M\ttrue\ttrue\n", "lua/ is on package.path wherever vmlab runs");

# Ctrl-C stops a running script: "interrupted", exit 1.
{
	my $out = "$dir/spin.out";
	my $pid = fork // die;
	if ($pid == 0) {
		open STDOUT, '>', $out or POSIX::_exit(126);
		open STDERR, '>', "$out.err" or POSIX::_exit(126);
		exec { $vmlab } $vmlab, "$fx/spin.lua" or POSIX::_exit(127);
	}
	for (1 .. 200) { last if -s $out; select undef, undef, undef, 0.05; }
	kill 'INT', $pid;
	waitpid $pid, 0;
	is($? >> 8, 1, 'SIGINT ends a script with 1');
	open my $e, '<', "$out.err" or die; local $/; my $err = <$e>;
	like($err, qr{^vmlab: \S*spin\.lua:5: interrupted\nstack traceback:}, 'with "interrupted" at the running line');
}
done_testing();
