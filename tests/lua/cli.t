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
is($r->{status}, 2, 'a missing script exits 2, as --help says for a file that cannot be opened');
like($r->{err}, qr{^vmlab: cannot open '\S*nope\.lua': No such file or directory$}, 'and says it cannot open it');

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
like($r->{err}, qr/cmd: dot: writing 'out\.svg' is not allowed in the sandbox/, 'vm.cmd refuses files for dot');

# The sandbox reads a vm.cmd line as the shell does: quotes joined, blanks
# and ';' where the shell cuts, the name or a unique prefix.  None of these
# may run: the Lua would print ESCAPED, the files must not appear.
open my $trace, '>', "$dir/trace.txt" or die; print $trace "1\n2\n1\n"; close $trace;
my @refused = (
	[q{l"u"a print('ESCAPED', io ~= nil)}, qr/'lua'/],
	[q{"lua" print('ESCAPED')}, qr/'lua'/],
	[q{"l"u"a" print('ESCAPED')}, qr/'lua'/],
	[q{echo a;lua print('ESCAPED')}, qr/'lua'/],
	[qq{info;\nlua print('ESCAPED')}, qr/'lua'/],
	[qq{info\r;\tlua print('ESCAPED')}, qr/'lua'/],
	[q{echo "a;b" ; lu print('ESCAPED')}, qr/'lua'/],
	[q{r"un" /dev/null}, qr/'run'/],
	[q{ru x.vmlab}, qr/'run'/],
	[q{echo x; e"xit"}, qr/'exit'/],
	[q{qu}, qr/'quit'/],
	[qq{dot buddy $dir/q."d"ot}, qr/dot: writing '\Q$dir\E\/q\.dot'/],
	[qq{dot buddy "$dir/a b.svg"}, qr/dot: writing '\Q$dir\E\/a b\.svg'/],
	[qq{dot buddy zone=DMA $dir/q.gv}, qr/dot: writing/],
	[qq{replay refs=1,2,1 frames=2 policy=fifo csv=$dir/q.csv}, qr/replay: writing '\Q$dir\E\/q\.csv' \(csv=\)/],
	[qq{replay refs=1,2,1 frames=2 policy=fifo csv="$dir/q.csv"}, qr/replay: writing/],
	[qq{replay $dir/trace.txt frames=2 policy=fifo}, qr/replay: reading '\Q$dir\E\/trace\.txt'/],
	[qq{repl "$dir/trace.txt" frames=2 policy=fifo}, qr/replay: reading/],
	[qq{replay "csv"=$dir/q.csv frames=2 policy=fifo}, qr/replay: reading 'csv=/],
);
for my $t (@refused) {
	my ($line, $why) = @$t;
	(my $lua = $line) =~ s/([\\'])/\\$1/g;
	$lua =~ s/\n/\\n/g; $lua =~ s/\r/\\r/g; $lua =~ s/\t/\\t/g;
	$r = run_vmlab(['--sandbox', '-e', "print(vm.cmd('$lua'))"]);
	(my $name = $line) =~ s/\s/ /g;
	is($r->{status}, 1, "sandbox refuses: $name");
	like($r->{err}, qr/^vmlab: \(command line\):1: cmd: ${why}.* is not allowed in the sandbox$/m, "and says why: $name");
	unlike($r->{out} . $r->{err}, qr/ESCAPED|references to/, "and nothing of it ran: $name");
}
ok(!-e "$dir/q.dot" && !-e "$dir/a b.svg" && !-e "$dir/q.gv" && !-e "$dir/q.csv", 'no file was written');
$r = run_vmlab(['--sandbox', '-e', q{print(vm.cmd('echo "lua" run # lua print(1)'), vm.cmd('exec q; echo ok'))}]);
is($r->{out}, "lua run\n\tpid 1 (q) is now current: 3 VMAs, pgd at pfn 0x180b\nok\n\n",
   'the same words as arguments, in quotes or after #, are allowed');
$r = run_vmlab(['--sandbox', '-e', q{vm.cmd([[echo "x; lua print('ESCAPED')]])}]);
like($r->{err}, qr/unterminated quote/, 'an open quote: the shell runs nothing of the line');
unlike($r->{out}, qr/ESCAPED/, 'not the lua in it either');
$r = run_vmlab(['--sandbox', '-e', q{print(#vm.cmd('replay refs=1,2,3,1 frames=2,3 policy=fifo,lru') > 0, #vm.cmd('dot buddy zone=DMA') > 0)}]);
is($r->{out}, "true\ttrue\n", 'replay of refs= and dot without a file work in the sandbox');
$r = run_vmlab(['--sandbox', '-e', q{vm.vmalloc('16K; lua print("ESCAPED")')}]);
like($r->{err}, qr/vmalloc: SIZE: '16K; lua print\("ESCAPED"\)' is not a size/, 'an argument of a binding is one word, never a second command');
$r = run_vmlab(['--sandbox', '-e', q{vm.dot('buddy;lua print("ESCAPED")')}]);
like($r->{err}, qr/dot: unknown diagram 'buddy;lua/, 'so is the diagram of vm.dot');
$r = run_vmlab(['--sandbox', '-e', 'vm.dot("phys", "out.svg")']);
like($r->{err}, qr/dot: writing 'out\.svg' is not allowed in the sandbox/, 'vm.dot refuses files');
$r = run_vmlab(['--sandbox', '-e', 'print(#vm.dot("phys") > 0, vm.cmd("echo ok"))']);
is($r->{out}, "true\tok\n\n", 'the machine itself is all there');
$r = run_vmlab(['--sandbox', '--limit', '100000', "$fx/spin.lua"]);
is($r->{status}, 1, 'the instruction limit stops a runaway script');
like($r->{err}, qr{^vmlab: \S*spin\.lua:5: instruction limit reached \(100000 instructions\)}, 'at its line');
# Finalizers run with hooks off in Lua 5.4, out of the limit's reach: the
# sandbox refuses __gc.  A run that hangs is ended by SIGALRM after 20 s.
sub run_timed {
	my @args = @_;
	my $pid = fork // die;
	if ($pid == 0) {
		open STDOUT, '>', "$dir/timed.out" or POSIX::_exit(126);
		open STDERR, '>', "$dir/timed.err" or POSIX::_exit(126);
		alarm 20;			# kept across exec
		exec { $vmlab } $vmlab, @args or POSIX::_exit(127);
	}
	waitpid $pid, 0;
	my %r = (status => $? >> 8, signal => $? & 127);
	for my $k ('out', 'err') {
		open my $fh, '<', "$dir/timed.$k" or die; local $/; $r{$k} = <$fh> // '';
	}
	return \%r;
}
for my $gc ('function() while true do end end', 'false', 'print') {
	$r = run_timed('--sandbox', '--limit', '100000', '-e',
		       "local t = setmetatable({}, {__gc = $gc}); t = nil; collectgarbage(); print('after')");
	is($r->{signal}, 0, "__gc = $gc: the sandbox does not hang");
	is($r->{status}, 1, "__gc = $gc: the script fails");
	like($r->{err}, qr/^vmlab: \(command line\):1: setmetatable: __gc is not allowed in the sandbox \(a finalizer runs beyond the instruction limit\)\n/,
	     "__gc = $gc: one line says why");
	is($r->{out}, '', "__gc = $gc: nothing after it runs");
}
$r = run_timed('--sandbox', '--limit', '100000', '-e',
	       'local p = vm.exec("a"); local ok, e = pcall(function() getmetatable(p).__gc = function() while true do end end end); '
	       . 'print(getmetatable(p), ok); vm.exec("b"); collectgarbage(); print("after")');
is($r->{signal}, 0, 'a handle\'s metatable cannot get a __gc');
is($r->{out}, "false\tfalse\nafter\n", 'getmetatable of a handle is false in the sandbox');
# Once the limit is reached every instruction raises, so pcall and
# coroutines that catch the error return into code that raises it again.
for my $loop ('local function f() while true do end end; while true do pcall(f) end',
	      'while true do coroutine.resume(coroutine.create(function() while true do end end)) end',
	      'while true do pcall(pcall, function() while true do end end) end') {
	$r = run_timed('--sandbox', '--limit', '100000', '-e', $loop);
	is($r->{signal}, 0, "a caught limit error does not let it run on: $loop");
	like($r->{err}, qr/instruction limit reached \(100000 instructions\)/, "it stops at the limit: $loop");
}
$r = run_vmlab(['--sandbox', '-e', 'local t = setmetatable({}, {__index = function(_, k) return k .. "!" end}); print(t.x, getmetatable(t) ~= nil)']);
is($r->{out}, "x!\ttrue\n", 'other metatables work in the sandbox');
$r = run_timed('-e', 'local t = setmetatable({}, {__gc = function() print("finalized") end}); t = nil; collectgarbage()');
is($r->{out}, "finalized\n", '__gc works outside the sandbox');
$r = run_vmlab(['--sandbox', "$fx/full.lua"]);
is($r->{out}, "done\ttrue\n", 'output that cannot be pushed at the memory limit is an error, and leaks nothing');
$r = run_vmlab(['--sandbox', '-e', 'local s = string.rep("x", 300 << 20)']);
like($r->{err}, qr/not enough memory/, 'the sandbox limits Lua memory');
$r = run_vmlab(['--limit=1000', "$fx/io.lua"]);
is($r->{status}, 2, '--limit is the sandbox\'s: alone it is a usage error');
like($r->{err}, qr/^vmlab: --limit is the sandbox's: give --sandbox too$/m, 'saying so');
$r = run_vmlab(['--sandbox', '--limit', '99999999999999999999999', '-e', '1']);
is($r->{status}, 2, 'a limit beyond 64 bits is a usage error, not a wrapped number');

# A hook that fails during a binding that runs a command (vm.vmalloc) fails
# the script too, as one that fails during vm.alloc_pages does.
$r = run_vmlab(['-e', 'vm.on("mm_page_alloc", function() error("boom") end); vm.vmalloc(4096); print("after")']);
is($r->{status}, 1, 'a failed hook during vm.vmalloc: exit 1');
like($r->{err}, qr/hook: \(command line\):1: boom \(the hook is removed\)/, 'and the hook\'s error');
is($r->{out}, "after\n", 'the script went on');

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

# An installed copy finds lua/ relative to itself: BIN/../share/vmlab/lua,
# after BIN/lua (the source tree's layout) and BIN/../lua.
{
	use Cwd qw(realpath);
	use File::Copy qw(copy);
	my $prefix = realpath(tempdir(CLEANUP => 1));
	mkdir $_ or die "$_: $!" for "$prefix/bin", "$prefix/share", "$prefix/share/vmlab", "$prefix/share/vmlab/lua";
	copy($vmlab, "$prefix/bin/vmlab") or die; chmod 0755, "$prefix/bin/vmlab";
	copy($_, "$prefix/share/vmlab/lua/") or die for glob 'lua/*.lua';
	my $where = 'print(require("expect") ~= nil, package.searchpath("expect", package.path), package.searchpath("fmt", package.path))';
	$r = run_vmlab(['-e', $where], '', dir => '/');
	my $tree = realpath(File::Spec->catdir((File::Spec->splitpath($vmlab))[1], 'lua'));
	is($r->{out}, "true\t$tree/expect.lua\t$tree/fmt.lua\n", 'the tree\'s binary takes the tree\'s lua/');
	{
		local $ENV{VMLAB} = "$prefix/bin/vmlab";
		$r = run_vmlab(['-e', $where], '', dir => '/');
		is($r->{out}, "true\t$prefix/share/vmlab/lua/expect.lua\t$prefix/share/vmlab/lua/fmt.lua\n",
		   'an installed binary takes PREFIX/share/vmlab/lua, wherever PREFIX is');
		$r = run_vmlab(['--sandbox', '-e', 'local e = require "expect"; e(1, 1, "require works")'], '', dir => '/');
		is($r->{out}, "ok - require works\n", 'in the sandbox too');
		mkdir "$prefix/bin/lua" or die;
		open my $fh, '>', "$prefix/bin/lua/fmt.lua" or die; print $fh "return {}\n"; close $fh;
		$r = run_vmlab(['-e', $where], '', dir => '/');
		is($r->{out}, "true\t$prefix/share/vmlab/lua/expect.lua\t$prefix/bin/lua/fmt.lua\n",
		   'BIN/lua comes before BIN/../share/vmlab/lua');
	}
}

# The example at the top of lua/expect.lua runs as written and prints what
# it says: ok lines, the FAIL block with both values, the summary; done()
# exits 1.
{
	open my $fh, '<', 'lua/expect.lua' or die; local $/; my $src = <$fh>;
	my ($code) = $src =~ /^(  local expect = require "expect"\n.*?  expect\.done\(\)[^\n]*\n)/ms;
	my ($fail) = $src =~ /^(  FAIL - .*?)\n\n/ms;
	ok($code && $fail, 'lua/expect.lua has its example and the failure it shows');
	s/^  //mg for $code, $fail;
	$r = run_vmlab(['-e', $code]);
	is($r->{status}, 1, 'expect.done() exits 1 when a check failed');
	is($r->{out}, "ok - alloc_pages(3) gives an order-3 block\n$fail\nok - wrong order refused\n"
		. "2 passed, 1 failed\n2 passed, 1 failed\n", 'the output is the one the comment shows');
	is($r->{err}, '', 'os.exit(1) is not an error');
	$r = run_vmlab(['-e', 'local e = require "expect"; e.quiet = true; e(1, 1, "a"); e.near(1.5, 1, 0.25, "b"); '
			. 'e.truthy(nil, "c"); e.error(function() end, "x", "d"); print(e.summary()); e.done(); print("after")']);
	is($r->{out}, "FAIL - b\n  expected: 1 (+/- 0.25)\n  actual:   1.5\nFAIL - c\n  expected a true value\n  actual:   nil\n"
		. "FAIL - d\n  expected an error matching \"x\"\n  actual:   no error\n1 passed, 3 failed\nfalse\n1 passed, 3 failed\n",
	   'expect.quiet: the failures only, each with both sides');
	is($r->{status}, 1, 'and done() ends the script with 1');
	$r = run_vmlab(['-e', 'local e = require "expect"; e({a = {1, 2}}, {a = {1, 2}}, "deep"); e.done(); print("after")']);
	is($r->{out}, "ok - deep\n1 passed, 0 failed\nafter\n", 'done() goes on when every check held');
	is($r->{status}, 0, 'and the status is 0');
}

# What `help lua` says of the shell's words holds.
$r = run_vmlab(['-c', 'help lua']);
like($r->{out}, qr/a word that starts with '#' is a comment.*blanks collapse/s, 'help lua: # and blanks');
$r = run_vmlab(['-c', q{lua print('a   b') print(1,#'xy') -- print(2, #'xyz')}]);
is($r->{out}, "a b\n1\t2\n", "blanks collapse; '#' inside a word is Lua's");
$r = run_vmlab(['-c', q{lua print(1, #'xy')}]);
like($r->{err}, qr/error: lua: \(lua\):1: unexpected symbol near <eof>/, "a word that starts with '#' ends the line");

# experiment.csv needs io: in the sandbox it says to use csv_text.
$r = run_vmlab(['--sandbox', '-e', 'local x = require "experiment"; local rows = {columns = {"a"}, {a = 1}}; '
		. 'print(x.csv_text(rows) == "a\\n1\\n"); x.csv(rows, "out.csv")'], '', dir => $dir);
like($r->{err}, qr/experiment\.csv: no io library here \(the sandbox\); use experiment\.csv_text/, 'experiment.csv in the sandbox');
is($r->{out}, "true\n", 'csv_text works there');
ok(!-e "$dir/out.csv", 'and writes nothing');

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
