# Every example in examples/ runs and holds what it claims: a .lua
# scenario exits 0 only if all its expect() checks passed; a .vmlab
# command script must run without an error under --check (the invariant
# checker after every command).
use strict;
use warnings;
use lib 'tests/lib';
use Test::More;
use Transcript;

my @lua = sort glob 'examples/*.lua';
my @cmds = sort glob 'examples/*.vmlab';
ok(@lua >= 12, 'the Lua scenarios are there') or diag("found: @lua");

for my $file (@lua) {
	my $r = run_vmlab([$file]);
	my ($summary) = $r->{out} =~ /^(\d+ passed, \d+ failed)$/m;
	is($r->{status}, 0, "$file runs") or diag($r->{err}, grep { /^(FAIL|  )/ } split /^/, $r->{out});
	like($summary // '', qr/^\d+ passed, 0 failed$/, "$file: every claim holds");
}
for my $file (@cmds) {
	my $r = run_vmlab(['--check', '--bail', $file]);
	is($r->{status}, 0, "$file runs under --check") or diag($r->{err});
}
done_testing();
