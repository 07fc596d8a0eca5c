# The command line: modes, options, FILE:LINE errors, exit status.
use strict;
use warnings;
use lib 'tests/lib';
use File::Temp qw(tempdir);
use Test::More;
use Transcript;

my $dir = tempdir(CLEANUP => 1);

sub script_file {
	my ($name, $text) = @_;
	my $path = "$dir/$name";
	open my $fh, '>', $path or die "$path: $!\n";
	print $fh $text;
	close $fh;
	return $path;
}

# --help, --version: stdout, exit 0
for my $opt ('--help', '-h') {
	my $r = run_vmlab([$opt]);
	is($r->{status}, 0, "$opt exits 0");
	like($r->{out}, qr/^Usage: vmlab \[OPTIONS\] \[FILE\]$/m, "$opt prints the usage on stdout");
	like($r->{out}, qr/--bail.*\n.*--echo.*\n.*--check/, "$opt lists the options");
	is($r->{err}, '', "$opt writes nothing on stderr");
}
for my $opt ('--version', '-V') {
	my $r = run_vmlab([$opt]);
	is($r->{status}, 0, "$opt exits 0");
	like($r->{out}, qr/\Avmlab \d+\.\d+\.\d+\n\z/, "$opt prints the version");
}

# usage errors: stderr, exit 2, nothing run
my @bad = (
	[['--frobnicate'], qr/^vmlab: unknown option '--frobnicate'$/m],
	[['-x'], qr/unknown option '-x'/],
	[['-c'], qr/-c needs COMMANDS/],
	[['-c', 'echo a', '-c', 'echo b'], qr/-c given twice/],
	[['-c', 'echo a', 'script.vm'], qr/give -c or FILE, not both/],
	[['a.vm', 'b.vm'], qr/unexpected argument 'b.vm'/],
	[["$dir/missing.vm"], qr/cannot open '\Q$dir\E\/missing.vm': No such file/],
	[['--', '-c'], qr/cannot open '-c'/],
);
for my $case (@bad) {
	my ($args, $msg) = @$case;
	my $r = run_vmlab($args);
	is($r->{status}, 2, "@$args: exit 2");
	like($r->{err}, $msg, "@$args: says why");
	is($r->{out}, '', "@$args: no output");
}
like(run_vmlab(['--bogus'])->{err}, qr/Try 'vmlab --help'/, 'a usage error points at --help');

# -c: several commands, errors as -c:LINE:, later commands still run
{
	my $r = run_vmlab(['-c', 'echo one; echo two']);
	is($r->{out}, "one\ntwo\n", '-c runs every command');
	is($r->{status}, 0, '-c: exit 0 when all succeed');

	$r = run_vmlab(['-c', "echo one; bogus; echo two\necho three"]);
	is($r->{out}, "one\ntwo\nthree\n", '-c: a failed command does not stop the rest');
	is($r->{err}, "-c:1: error: unknown command 'bogus' (try 'help')\n", '-c: errors say -c:LINE');
	is($r->{status}, 1, '-c: exit 1 when a command failed');

	$r = run_vmlab(['-c', '']);
	is_deeply([$r->{status}, $r->{out}, $r->{err}], [0, '', ''], '-c with nothing to do');
	$r = run_vmlab(['-cecho joined']);
	is($r->{out}, "joined\n", '-cCOMMANDS in one word');
}

# a script file: FILE:LINE: error, exit 1, the rest still runs
{
	my $file = script_file('demo.vm', "# a demo\necho start\n\nbogus 1\necho end\n");
	my $r = run_vmlab([$file]);
	is($r->{out}, "start\nend\n", 'script: every line runs');
	is($r->{err}, "$file:4: error: unknown command 'bogus' (try 'help')\n",
	   'script: errors say FILE:LINE');
	is($r->{status}, 1, 'script: exit 1 when a command failed');

	$r = run_vmlab(['--bail', $file]);
	is($r->{out}, "start\n", '--bail: stops at the first error');
	is($r->{status}, 1, '--bail: exit 1');

	$r = run_vmlab([$file, '--bail']);
	is($r->{out}, "start\n", 'options may follow FILE');

	$r = run_vmlab(['--bail', '-c', 'echo a; bogus; echo b']);
	is($r->{out}, "a\n", '--bail: stops within a line too');

	my $ok = script_file('ok.vm', "echo fine\r\necho \"still fine\"\r\n");
	$r = run_vmlab([$ok]);
	is($r->{out}, "fine\nstill fine\n", 'CRLF line ends are accepted');
	is($r->{status}, 0, 'script: exit 0 when all succeed');
}

# stdin: batch mode without a prompt, errors as <stdin>:LINE:
{
	my $r = run_vmlab([], "echo a\nbogus\necho b\n");
	is($r->{out}, "a\nb\n", 'stdin not a terminal: batch mode, no prompt');
	is($r->{err}, "<stdin>:2: error: unknown command 'bogus' (try 'help')\n",
	   'stdin: errors say <stdin>:LINE');
	is($r->{status}, 1, 'stdin: exit 1 when a command failed');

	$r = run_vmlab(['-'], "echo dash\n");
	is($r->{out}, "dash\n", "FILE '-' is stdin");
}

# --echo: each non-blank line before its output; errors in between, in order
{
	my $r = run_vmlab(['--echo'], "# note\necho a; echo b\n\nbogus\necho c\n", merge => 1);
	is($r->{out}, "vmlab> # note\nvmlab> echo a; echo b\na\nb\n"
	   . "vmlab> bogus\n<stdin>:4: error: unknown command 'bogus' (try 'help')\n"
	   . "vmlab> echo c\nc\n", '--echo: lines, output and errors interleave in order');
}

# quit and exit end a script; the status still counts earlier failures
{
	my $r = run_vmlab([], "echo a\nquit\necho b\n");
	is($r->{out}, "a\n", 'quit stops the script');
	is($r->{status}, 0, 'quit: exit 0 after success');
	$r = run_vmlab(['-c', 'echo a; exit; echo b']);
	is($r->{out}, "a\n", 'exit stops the rest of the line');
	$r = run_vmlab([], "bogus\nquit\necho b\n");
	is($r->{status}, 1, 'quit: exit 1 after a failure');
}

# --check: a healthy run stays quiet
{
	my $r = run_vmlab(['--check'], "alloc_pages 3\nalloc_pages 0\nreset\nalloc_pages 10\n", merge => 1);
	unlike($r->{out}, qr/error/, '--check: no violations on a healthy machine');
	is($r->{status}, 0, '--check: exit 0');
}

# an unreadable script: a directory
{
	my $r = run_vmlab([$dir]);
	is($r->{status}, 1, 'a directory as FILE fails');
	like($r->{err}, qr/^error: cannot read \Q$dir\E: Is a directory$/m, 'and says why');
}

done_testing();
