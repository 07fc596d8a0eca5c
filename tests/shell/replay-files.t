# replay on trace files: a generated valgrind lackey trace gives the same
# answers as the reference string it encodes; addr and pages formats; page=;
# csv=; bad lines name their line number.
use strict;
use warnings;
use lib 'tests/lib';
use Transcript;
use File::Temp qw(tempdir);
use Test::More;

my $dir = tempdir(CLEANUP => 1);

sub write_file {
	my ($name, $text) = @_;
	open my $fh, '>', "$dir/$name" or die "$name: $!\n";
	print $fh $text;
	close $fh;
	return $name;
}

sub vmlab {
	my ($cmds) = @_;
	my $r = run_vmlab(['-c', $cmds], undef, merge => 1, dir => $dir);
	return ($r->{status}, $r->{out});
}

# The table rows after the header, without the input's summary line.
sub rows {
	my ($out) = @_;
	my @rows = grep { /^(fifo|lru|clock|opt|rand|lfu|mru|linux) / } split /\n/, $out;
	return join("\n", @rows);
}

# Belady's string, one access per page, in the lackey format valgrind writes:
# its own ==PID== lines, instruction fetches, loads, stores and modifies.
my @pages = (1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5);
my @kinds = ('I  %08x,3', ' L %08x,8', ' S %08x,4', ' M %08x,4');
my $lackey = "==4242== Lackey, an example Valgrind tool\n==4242== Command: ./a.out\n==4242== \n";
for my $i (0 .. $#pages) {
	$lackey .= sprintf($kinds[$i % 3] . "\n", $pages[$i] * 4096 + 0x40 * $i);
}
$lackey .= "==4242== \n==4242== Counted 1 call to main()\n";
write_file('belady.lackey', $lackey);

my ($st, $file) = vmlab('replay belady.lackey frames=3,4 policy=fifo,lru,opt');
my ($st2, $refs) = vmlab('replay refs=1,2,3w,4,1,2w,5,1,2w,3,4,5w frames=3,4 policy=fifo,lru,opt');
is($st, 0, 'the lackey trace replays');
is(rows($file), rows($refs), 'the same faults and write-backs as the reference string');
like($file, qr/^belady\.lackey: 17 lines, 12 references \(4 writes\) to 5 pages of 4K$/m, 'summary');
like($file, qr/^fifo         4          12      10       2     16\.67%            2$/m, 'Belady in a trace');

# M is a load and a store; an access across a page boundary touches both pages.
write_file('m.lackey', " M 00001ffc,8\nI  00005000,2\n");
($st, my $out) = vmlab('replay m.lackey frames=4 policy=lru');
like($out, qr/^m\.lackey: 2 lines, 5 references \(2 writes\) to 3 pages of 4K$/m, 'M and a split access');

# x86_64 traces have addresses of more than eight digits (the stack near
# 0x1fff000000): the same Belady string at 0x1fff000000 + page * 4096.
my $wide = '';
for my $i (0 .. $#pages) {
	$wide .= sprintf($kinds[$i % 3] =~ s/%08x/%x/r . "\n", 0x1fff000000 + $pages[$i] * 4096 + 0x40 * $i);
}
write_file('wide.lackey', $wide);
($st, $out) = vmlab('replay wide.lackey frames=3,4 policy=fifo,lru,opt');
is(rows($out), rows($refs), 'ten-digit addresses give the same faults as the reference string');
like($out, qr/to 5 pages of 4K$/m, 'and the same five pages');

# page=: 64K pages make 0x1000 and 0x2000 one page.
write_file('two.lackey', "I  1000,4\nI  2000,4\n");
($st, $out) = vmlab('replay two.lackey page=64K frames=1 policy=lru');
like($out, qr/^lru          1           2       1       1     50\.00%            -$/m, 'page=64K');
($st, $out) = vmlab('replay two.lackey page=3K frames=1 policy=lru');
like($out, qr/error: replay: page: 3K is not a power of two from 1 to 1G/, 'page= must be a power of two');

# addr: hex addresses, R or W first; pages: page numbers.
write_file('t.addr', "# a comment\n0x1000\nW 2000\n\n1008\nr 0x3000\n");
($st, $out) = vmlab('replay t.addr format=addr frames=2 policy=fifo');
like($out, qr/^fifo         2           4       3       1     25\.00%            0$/m, 'format=addr');
write_file('t.pages', join("\n", 7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1) . "\n");
($st, $out) = vmlab('replay t.pages format=pages frames=3 policy=fifo,lru,opt');
like($out, qr/^fifo.* 15 .*\nlru.* 12 .*\nopt.*  9 /m, 'format=pages: 15, 12 and 9');

# csv=: the same rows, as CSV.
($st, $out) = vmlab('replay t.pages format=pages frames=3,4 policy=fifo,opt csv=out.csv');
open my $fh, '<', "$dir/out.csv" or die "out.csv: $!\n";
my $csv = do { local $/; <$fh> };
is($csv, "policy,frames,references,faults,hits,hit_ratio,writebacks\n"
	 . "fifo,3,20,15,5,0.2500,\nfifo,4,20,10,10,0.5000,\n"
	 . "opt,3,20,9,11,0.5500,\nopt,4,20,8,12,0.6000,\n", 'csv=');
($st, $out) = vmlab('replay t.pages format=pages frames=3 policy=fifo csv=/nonexistent/x.csv');
like($out, qr{error: replay: csv: cannot write /nonexistent/x\.csv: No such file or directory}, 'csv= to nowhere');
unlike($out, qr/^fifo /m, 'and no table: it fails before any output');
($st, $out) = vmlab('replay nofile.txt frames=3 policy=fifo csv=left.csv');
ok(!-e "$dir/left.csv", 'a replay that fails leaves no csv file');
write_file('tiny.lackey', " L 00001000,4\n");
($st, $out) = vmlab('replay tiny.lackey page=512 frames=1 policy=lru');
like($out, qr/^tiny\.lackey: 1 line, 1 reference to 1 page of 512 bytes$/m, 'pages below 1K in bytes, one line');

# Bad lines name their line number; nothing is printed but the error.
write_file('bad.lackey', "I  1000,4\n L 2000,8\nhello\n");
($st, $out) = vmlab('replay bad.lackey frames=2 policy=lru');
is($out, "-c:1: error: replay: line 3: not a lackey line (I, L, S or M, then ADDR,SIZE)\n", 'a bad lackey line');
($st, $out) = vmlab('replay bad.lackey format=pages frames=2 policy=lru');
like($out, qr/error: replay: line 1: not a page number \(after an optional R or W\)/, 'a bad pages line');
($st, $out) = vmlab('replay t.addr format=elf frames=2 policy=lru');
like($out, qr/error: replay: format: expected lackey, addr or pages, not 'elf'/, 'an unknown format');

# A longer trace streams through: 300000 lines, opt included.
my $big = '';
my $x = 12345;
for (1 .. 300000) {
	$x = ($x * 1103515245 + 12345) % 2147483648;
	$big .= sprintf(" L %x,8\n", (($x >> 8) % 64) * 4096);
}
write_file('big.lackey', $big);
($st, $out) = vmlab('replay big.lackey frames=16,32 policy=lru,opt');
is($st, 0, 'a 300000-line trace');
my ($lru16) = $out =~ /^lru +16 +300000 +(\d+)/m;
my ($opt16) = $out =~ /^opt +16 +300000 +(\d+)/m;
ok(defined $opt16 && $opt16 < $lru16, "opt ($opt16) beats lru ($lru16)");

# At trace scale the columns widen to the widest value and stay in line:
# four pages in a cycle fault every time in three frames under lru.
write_file('cycle.pages', join('', map { $_ % 4 . "\n" } 0 .. 1099999));
($st, $out) = vmlab('replay cycle.pages format=pages frames=3,4 policy=lru');
is($out, <<'END', 'seven-digit faults and hits keep the table aligned');
cycle.pages: 1100000 lines, 1100000 references to 4 pages
policy  frames  references   faults     hits  hit ratio  write-backs
lru          3     1100000  1100000        0      0.00%            -
lru          4     1100000        4  1099996    100.00%            -
END

done_testing();
