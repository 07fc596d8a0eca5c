# Transcript.pm - shell tests as transcripts: the lines a user types and
# the output they must give, run through the real vmlab binary.
#
#   use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
#   __DATA__
#   # Allocating and failing.
#   $ alloc_pages 0
#   pfn 0x1800 order 0 (1 page, 4K) node 0 zone Normal virt 0xc1800000
#   $ alloc_pages 11
#   ! error: alloc_pages: order 11 is out of range (0..10)
#
# The format, line by line:
#
#   $ LINE    a line for vmlab (it may hold several commands: a; b)
#   ! TEXT    an expected error line, without its "FILE:LINE: " prefix
#   # TEXT    a comment, anywhere
#   \TEXT     an expected output line TEXT, for output that starts with
#             $, !, # or \ (slabinfo's "# name ..."), or, as a lone "\",
#             an empty line at the end of a block
#   TEXT      an expected output line, verbatim
#
# Empty lines at the end of a block only separate it from the next one.
# The output expected of a `$` line is everything up to the next `$` line:
# stdout and errors, in the order vmlab wrote them.
#
# All lines run in ONE vmlab process (env VMLAB, default ./vmlab), in batch
# mode with --echo --check, stdout and stderr merged.  The runner cuts the
# output at the "vmlab> LINE" echoes and emits one TAP test per `$` line,
# then one for the exit status (1 if any `!` line is expected, else 0).
# --check makes every broken invariant an error line that no transcript
# expects, so each block is also a consistency test of the machine.
#
# run_vmlab(\@args, $stdin, %opt) runs vmlab once for tests of the command
# line itself and returns { status, signal, out, err }; with merge => 1,
# stderr goes into out; with dir => DIR, vmlab runs in DIR.
package Transcript;

use strict;
use warnings;
use Exporter 'import';
use File::Spec;
use File::Temp qw(tempfile);
use POSIX ();
use Test::More;

our @EXPORT = qw(run_transcript run_vmlab vmlab_path);

sub vmlab_path {
	return File::Spec->rel2abs($ENV{VMLAB} // './vmlab');
}

sub slurp {
	my ($name) = @_;
	open my $fh, '<', $name or die "$name: $!\n";
	local $/;
	my $text = <$fh>;
	return $text // '';
}

sub run_vmlab {
	my ($args, $stdin, %opt) = @_;
	my $vmlab = vmlab_path();
	my ($in, $in_name) = tempfile(UNLINK => 1);
	my (undef, $out_name) = tempfile(UNLINK => 1);
	my (undef, $err_name) = tempfile(UNLINK => 1);

	print $in $stdin // '';
	close $in;
	my $pid = fork // die "fork: $!\n";
	if ($pid == 0) {
		open STDIN, '<', $in_name or POSIX::_exit(126);
		open STDOUT, '>', $out_name or POSIX::_exit(126);
		if ($opt{merge}) {
			open STDERR, '>&', \*STDOUT or POSIX::_exit(126);
		} else {
			open STDERR, '>', $err_name or POSIX::_exit(126);
		}
		chdir $opt{dir} or POSIX::_exit(126) if $opt{dir};
		exec { $vmlab } $vmlab, @$args or POSIX::_exit(127);
	}
	waitpid $pid, 0;
	return {
		status => $? >> 8,
		signal => $? & 127,
		out => slurp($out_name),
		err => $opt{merge} ? '' : slurp($err_name),
	};
}

# The line of the test script that __DATA__ is on: DATA's line numbers
# start after it.
sub data_offset {
	open my $fh, '<', $0 or return 0;
	while (my $line = <$fh>) {
		return $. if $line =~ /^__(DATA|END)__$/;
	}
	return 0;
}

# Reads the transcript into blocks: { cmd, line, expect => [lines] }.
sub parse_transcript {
	my ($fh) = @_;
	my $offset = $fh == \*main::DATA ? data_offset() : 0;
	my (@blocks, @kept);

	while (my $line = <$fh>) {
		chomp $line;
		next if $line =~ /^#/;
		if ($line =~ /^\$ (.*)$/) {
			trim_block($blocks[-1], \@kept) if @blocks;
			push @blocks, { cmd => $1, line => $. + $offset, expect => [] };
			@kept = ();
			next;
		}
		next if !@blocks && $line =~ /^\s*$/;
		die "line @{[$. + $offset]}: output before the first '\$' line\n" if !@blocks;
		my $escaped = $line =~ s/^\\//;
		push @{ $blocks[-1]{expect} }, $line;
		push @kept, $escaped;
	}
	trim_block($blocks[-1], \@kept) if @blocks;
	return @blocks;
}

# Drops the empty lines that end a block, unless written as "\".
sub trim_block {
	my ($block, $kept) = @_;
	my $e = $block->{expect};

	while (@$e && $e->[-1] eq '' && !$kept->[-1]) {
		pop @$e;
		pop @$kept;
	}
}

# Splits merged output into the part before the first echo and one block
# per echo: ([preamble lines], [{ cmd, got => [lines] }, ...]).
sub split_output {
	my ($out) = @_;
	my (@pre, @got);

	$out =~ s/\n\z//;
	for my $line (length $out ? split(/\n/, $out, -1) : ()) {
		if ($line =~ /^vmlab> (.*)$/) {
			push @got, { cmd => $1, got => [] };
			next;
		}
		$line =~ s/^\S+?:\d+: (error: )/! $1/;
		push @{ @got ? $got[-1]{got} : \@pre }, $line;
	}
	return (\@pre, \@got);
}

sub show {
	my ($title, $lines) = @_;
	return "  $title:\n" . join('', map { "    |$_\n" } @$lines) . (@$lines ? '' : "    (nothing)\n");
}

sub check_block {
	my ($block, $got) = @_;
	my $name = "line $block->{line}: \$ $block->{cmd}";

	if (!$got) {
		fail($name);
		diag("  vmlab stopped before this line");
		return;
	}
	if ($got->{cmd} ne $block->{cmd}) {
		fail($name);
		diag("  vmlab echoed '$got->{cmd}' here");
		return;
	}
	my ($e, $g) = ($block->{expect}, $got->{got});
	my $same = @$e == @$g && !grep { $e->[$_] ne $g->[$_] } 0 .. $#$e;
	ok($same, $name) or diag(show('expected', $e) . show('got', $g));
}

sub run_transcript {
	my ($fh, %opt) = @_;
	my @blocks = parse_transcript($fh);
	my $input = join '', map { "$_->{cmd}\n" } @blocks;
	my $r = run_vmlab(['--echo', '--check', @{ $opt{args} // [] }], $input, merge => 1);
	my ($pre, $got) = split_output($r->{out});
	my $errors = grep { grep { /^! / } @{ $_->{expect} } } @blocks;

	ok(!@$pre, 'no output before the first command') or diag(show('got', $pre));
	check_block($blocks[$_], $got->[$_]) for 0 .. $#blocks;
	is($r->{signal}, 0, 'vmlab was not killed by a signal');
	is($r->{status}, $errors ? 1 : 0, 'exit status');
	done_testing() unless defined $opt{done} && !$opt{done};
}

1;
