# `help` lists every command; `help CMD` documents each one, and each
# documented example really runs (on a fresh machine, with --check).
use strict;
use warnings;
use lib 'tests/lib';
use File::Temp qw(tempdir);
use Test::More;
use Transcript;

my $r = run_vmlab(['-c', 'help']);
is($r->{status}, 0, 'help exits 0');
is($r->{err}, '', 'help writes no error');

my @lines = split /\n/, $r->{out};
like($lines[0], qr/^Commands by group; 'help CMD'/, 'help starts with how to read it');
my (@names, @bad, $width);
for my $line (@lines[1 .. $#lines]) {
	next if $line eq '' || $line =~ /^[A-Z][a-z ,]*:$/;
	if ($line =~ /^  ([a-z_][a-z0-9_]*)( +)\S/) {
		push @names, $1;
		my $w = length($1) + length($2);
		$width //= $w;
		push @bad, "misaligned: $line" if $w != $width;
	} else {
		push @bad, "not a heading or a command: $line";
	}
}
ok(!@bad, 'help: every line is a heading or "  NAME  summary", names aligned')
	or diag(join "\n", @bad);
my @heads = map { /^([A-Z][a-z ,]*):$/ ? $1 : () } @lines;
my %rank = (Machine => 0, Pages => 1, Views => 2, Tools => 3);
my @known = grep { exists $rank{$_} } @heads;
is_deeply(\@known, [sort { $rank{$a} <=> $rank{$b} } @known],
	  'groups in order: machine, pages, views, tools');

# The check that keeps the README complete greps command lines this way.
my @grepped = map { /^ *([a-z_][a-z0-9_]*) / ? $1 : () } @lines;
is_deeply(\@grepped, \@names, 'the README hook finds exactly the commands');
my %seen;
ok(!(grep { $seen{$_}++ } @names), 'no command is listed twice');
my %listed = map { $_ => 1 } @names;
is_deeply([grep { !$listed{$_} } qw(help explain trace check echo quit exit)], [],
	  'the tools commands are listed');

my $dir = tempdir(CLEANUP => 1);
for my $name (@names) {
	my $h = run_vmlab(['-c', "help $name"]);
	my ($usage) = $h->{out} =~ /^Usage: (.*)$/m;
	my ($example) = $h->{out} =~ /^Example: (.*)$/m;
	ok($h->{status} == 0 && $h->{out} =~ /\A\Q$name\E - \S/ && defined $usage
	   && $usage =~ /^\Q$name\E\b/ && defined $example,
	   "help $name: name, summary, usage and example") or diag($h->{out} . $h->{err});
	next unless defined $example;
	my $x = run_vmlab(['--check', '-c', $example], undef, merge => 1, dir => $dir);
	ok($x->{status} == 0, "the example of $name runs: $example") or diag($x->{out});
}

done_testing();
