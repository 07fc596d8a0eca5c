# explain and trace: switching them on and off, and keeping them across
# `machine` and `reset`.  What the lines say is tested with the views.
use strict;
use warnings;
use lib 'tests/lib';
use Test::More;
use Transcript;

# The output lines after `echo MARK` when running cmds.
sub after_mark {
	my ($cmds) = @_;
	my $r = run_vmlab(['-c', $cmds]);
	is($r->{err}, '', "no error: $cmds");
	my @lines = split /\n/, $r->{out};
	shift @lines while @lines && shift(@lines) ne 'MARK';
	return \@lines;
}

my $alloc = after_mark('echo MARK; alloc_pages 0');
is(scalar @$alloc, 1, 'alloc_pages alone prints one line');

for my $what ('trace', 'explain') {
	my $on = after_mark("$what on; echo MARK; alloc_pages 0");
	ok(@$on > 1, "$what on: alloc_pages says more");
	is($on->[-1], $alloc->[0], "$what on: the command's own output comes last");
	is_deeply(after_mark("$what on; $what off; echo MARK; alloc_pages 0"), $alloc,
		  "$what off: quiet again");
	is_deeply(after_mark("$what on; $what on; $what off; echo MARK; alloc_pages 0"), $alloc,
		  "$what on twice, off once: quiet (one listener)");
	is_deeply(after_mark("$what on; $what on; echo MARK; alloc_pages 0"), $on,
		  "$what on twice: each event told once");
	is_deeply(after_mark("$what on; reset; echo MARK; alloc_pages 0"), $on,
		  "$what stays on after reset");
	is_deeply(after_mark("$what on; reset; $what off; echo MARK; alloc_pages 0"), $alloc,
		  "$what off after reset: quiet");
	my $small = after_mark("machine ram=64M; echo MARK; alloc_pages 0");
	ok(@{ after_mark("$what on; machine ram=64M; echo MARK; alloc_pages 0") } > @$small,
	   "$what stays on after machine");
	like(run_vmlab(['-c', "$what on; machine ram=64M; $what"])->{out}, qr/^$what is on$/m,
	     "$what reports on after machine");
}

my $both = after_mark('trace on; explain on; echo MARK; alloc_pages 0');
my $trace = after_mark('trace on; echo MARK; alloc_pages 0');
my $explain = after_mark('explain on; echo MARK; alloc_pages 0');
is(scalar @$both, @$trace + @$explain - 1, 'trace and explain together: both tell every event');

done_testing();
