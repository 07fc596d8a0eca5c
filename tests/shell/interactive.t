# The prompt on a terminal: completion and history, through util-linux
# script(1) as the terminal.  Skipped where script(1) is not that one.
use strict;
use warnings;
use lib 'tests/lib';
use File::Temp qw(tempdir);
use Test::More;
use Transcript;

my $version = `script --version 2>/dev/null` // '';
plan skip_all => 'needs util-linux script(1) for a terminal' unless $version =~ /util-linux/;

my $dir = tempdir(CLEANUP => 1);
my $history = "$dir/history";

# Types input at a vmlab on a terminal; returns what the terminal showed
# and the exit status.  The input stays open until vmlab is gone: at the
# end of its input script(1) would type Ctrl-D, at a moment no test can
# choose, so every session ends with `quit` instead.
sub at_terminal {
	my ($input) = @_;
	local $ENV{VMLAB_HISTORY} = $history;
	my $vmlab = vmlab_path();
	pipe(my $keys, my $typing) or die "pipe: $!\n";
	my $pid = open(my $term, '-|') // die "fork: $!\n";
	if ($pid == 0) {
		open STDIN, '<&', $keys or die "stdin: $!\n";
		exec 'script', '-qec', "'$vmlab'", '/dev/null' or die "script: $!\n";
	}
	close $keys;
	syswrite $typing, $input;
	local $SIG{ALRM} = sub { kill 'KILL', $pid; die "vmlab at a terminal did not finish\n" };
	alarm 20;
	my $out = do { local $/; <$term> } // '';
	close $term;
	my $status = $? >> 8;
	alarm 0;
	close $typing;
	$out =~ s/\e\[\?2004[hl]//g;	# bracketed paste on/off
	$out =~ s/\r//g;
	return ($out, $status);
}

my ($out, $status) = at_terminal("ech\thello\nhelp trac\t\nalloc_pages 0 g\tGFP_KERNEL|__GFP_ZE\t\nbogus\nquit\n");
is($status, 0, 'quit at the prompt exits 0, even after a failed command');
like($out, qr/^vmlab> echo hello\nhello$/m, 'the prompt, and a command name completed');
like($out, qr/^vmlab> help trace \ntrace - /m, "help's argument completed");
like($out, qr/^vmlab> alloc_pages 0 gfp=GFP_KERNEL\|__GFP_ZERO \npfn /m,
     'an option name, and a GFP flag after |, completed');
like($out, qr/^error: unknown command 'bogus' \(try 'help'\)$/m, 'errors carry no FILE:LINE at the prompt');

open my $fh, '<', $history or die "$history: $!\n";
my @saved = <$fh>;
is_deeply(\@saved, ["echo hello\n", "help trace \n", "alloc_pages 0 gfp=GFP_KERNEL|__GFP_ZERO \n",
		    "bogus\n", "quit\n"], 'history: every line, in VMLAB_HISTORY');

($out, $status) = at_terminal("echo again\necho again\nquit\n");
like($out, qr/^again\n.*^again$/ms, 'a second session');
open $fh, '<', $history or die "$history: $!\n";
@saved = <$fh>;
is_deeply([@saved[5 .. $#saved]], ["echo again\n", "quit\n"],
	  'history: appended by the next session, a repeated line kept once');

done_testing();
