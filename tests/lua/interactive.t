# Lua at the shell's prompt on a terminal (util-linux script(1) as the
# terminal): the Lua prompt, its continuation lines, '.', and Ctrl-C
# stopping a running loop, both at the Lua prompt and in `lua CODE`,
# each time coming back to a prompt.
use strict;
use warnings;
use lib 'tests/lib';
use File::Temp qw(tempdir);
use Test::More;
use Transcript;

my $version = `script --version 2>/dev/null` // '';
plan skip_all => 'needs util-linux script(1) for a terminal' unless $version =~ /util-linux/;

my $dir = tempdir(CLEANUP => 1);

# Types each piece of input in turn, pausing between them, so that a
# Ctrl-C arrives while the loop typed before it is running.
sub at_terminal {
	my (@pieces) = @_;
	local $ENV{VMLAB_HISTORY} = "$dir/history";
	my $vmlab = vmlab_path();
	pipe(my $keys, my $typing) or die "pipe: $!\n";
	my $pid = open(my $term, '-|') // die "fork: $!\n";
	if ($pid == 0) {
		open STDIN, '<&', $keys or die "stdin: $!\n";
		# exec: a plain sh -c (dash) would stay as vmlab's parent, take
		# the Ctrl-C itself, and exit 130 after vmlab's clean exit.
		exec 'script', '-qec', "exec '$vmlab'", '/dev/null' or die "script: $!\n";
	}
	close $keys;
	local $SIG{ALRM} = sub { kill 'KILL', $pid; die "vmlab at a terminal did not finish\n" };
	alarm 30;
	for my $p (@pieces) {
		syswrite $typing, $p;
		select undef, undef, undef, 0.7;
	}
	my $out = do { local $/; <$term> } // '';
	close $term;
	my $status = $? >> 8;
	alarm 0;
	close $typing;
	$out =~ s/\e\[\?2004[hl]//g;
	$out =~ s/\r//g;
	return ($out, $status);
}

my ($out, $status) = at_terminal("lua\n", "x = 20\n", "x + 1\n", "if x then\n", "print('in')\nend\n",
				 "while true do end\n", "\x03", "print('back')\n", ".\n",
				 "lua while true do end\n", "\x03", "echo shell\n", "quit\n");
is($status, 0, 'quit after the Lua prompt exits 0') or diag("what the terminal showed:\n$out");
like($out, qr/^Lua 5\.4; the machine is `vm`\./m, 'the Lua prompt says how to leave');
like($out, qr/^lua> x \+ 1\n21$/m, 'an expression prints its value');
like($out, qr/^lua> if x then\n>> print\('in'\)\n>> end\nin$/m, 'an unfinished statement continues at >>');
like($out, qr/^lua> while true do end\n(\^C)?error: lua: stdin:1: interrupted$/m, 'Ctrl-C stops a loop at the Lua prompt');
like($out, qr/^lua> print\('back'\)\nback$/m, 'and the Lua prompt comes back');
like($out, qr/^lua> \.\nvmlab> /m, "'.' returns to vmlab");
like($out, qr/^vmlab> lua while true do end\n(\^C)?error: lua: \(lua\):1: interrupted$/m, 'Ctrl-C stops `lua CODE`');
like($out, qr/^vmlab> echo shell\nshell$/m, 'and the shell goes on');
done_testing();
