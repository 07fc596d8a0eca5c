#!/usr/bin/perl
# dot-render.t - `dot WHAT FILE`: every diagram on every architecture
# rendered by the real Graphviz (skipped with a notice when it is absent),
# the files written, the errors when Graphviz is missing or fails, the
# same bytes from two runs, and the node bound on big machines.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use File::Temp qw(tempdir);
use Test::More;
use Transcript;

my @archs = qw(i386 i386-pae x86_64 x86_64-la57);
my $have_dot = system('dot -V >/dev/null 2>&1') == 0;
my $node_budget = 300;		# DOT_NODE_BUDGET in src/dot/dot.h

sub slurp {
	my ($name) = @_;
	open my $fh, '<', $name or return undef;
	local $/;
	return scalar <$fh>;
}

# Runs commands (one string, ';'-separated lines) in dir; returns the result.
sub vmlab {
	my ($dir, $cmds, %env) = @_;
	local @ENV{ keys %env } = values %env;
	return run_vmlab(['-c', $cmds], '', dir => $dir);
}

# The diagrams `dot` lists: every one of them is tested below.
sub diagrams {
	my $r = run_vmlab(['-c', 'dot'], '');
	return map { /^  (\w+) / ? $1 : () } split /\n/, $r->{out};
}

# A state with something of each kind: kernel blocks, a process with
# file, anonymous and stack pages, and its copy-on-write child.
sub setup {
	my ($arch) = @_;
	my ($text, $stack) = $arch =~ /^i386/ ? ('0x08048000', '0xbfffe000')
					       : ('0x400000', '0x7fffffffd000');
	return 'alloc_pages 3; alloc_pages 0; alloc_pages 1 gfp=GFP_HIGHUSER; '
	     . 'alloc_pages 0 gfp=GFP_DMA; exec app libs=libc,ld.so; '
	     . "touch $text; touch $stack 8K w; fork; touch $stack 4K w; "
	     . 'kmem_cache_create foo 500; ' . join('; ', ('kmem_cache_alloc foo') x 20)
	     . '; kmalloc 100';
}

# Node statements: every `ID [label=<` and invisible points.
sub nodes {
	my ($text) = @_;
	my $n = () = $text =~ /^\s*\w+ \[(?:label=<|shape=point)/mg;
	return $n;
}

my @whats = diagrams();
for my $want (qw(phys buddy aspace pagetable slab)) {
	ok(scalar(grep { $_ eq $want } @whats), "dot lists $want") or diag("listed: @whats");
}

# Text: a FILE.dot holds exactly what stdout gets; two runs agree.
for my $arch (@archs) {
	for my $what (@whats) {
		my $dir = tempdir(CLEANUP => 1);
		my $cmds = "machine arch=$arch ram=128M; " . setup($arch) . "; dot $what";
		my $a = vmlab($dir, $cmds);
		my $b = vmlab($dir, $cmds);
		my $f = vmlab($dir, "$cmds x.dot");
		is($a->{status}, 0, "$arch: dot $what runs") or diag($a->{err});
		ok($a->{out} eq $b->{out}, "$arch: dot $what gives the same bytes twice");
		my ($text) = $a->{out} =~ /(digraph .*)\z/s;
		is(slurp("$dir/x.dot"), $text, "$arch: dot $what x.dot holds the text");
		like($f->{out}, qr/^wrote x\.dot$/m, "$arch: dot $what x.dot says so");
	}
}

# Rendering through the real `dot -Tsvg`, on every architecture.
SKIP: {
	skip 'Graphviz is not installed (apt-get install graphviz): rendering not tested', 1
		unless $have_dot;
	for my $arch (@archs) {
		for my $what (@whats) {
			my $dir = tempdir(CLEANUP => 1);
			my $r = vmlab($dir, "machine arch=$arch ram=128M; " . setup($arch)
					 . "; dot $what g.svg");
			is($r->{err}, '', "$arch: dot $what g.svg: no error");
			like($r->{out}, qr/^wrote g\.dot, g\.svg$/m, "$arch: dot $what g.svg: both files");
			my $svg = slurp("$dir/g.svg") // '';
			ok($svg =~ /<svg/ && $svg =~ m{</svg>\s*\z}, "$arch: dot $what: a whole SVG");
		}
	}
	for my $arch (@archs) {
		my $dir = tempdir(CLEANUP => 1);
		my $addr = $arch =~ /^i386/ ? '0xbfffe123' : '0x7fffffffd123';
		my $r = vmlab($dir, "machine arch=$arch ram=128M; " . setup($arch)
				 . "; dot pagetable 1 w.svg addr=$addr; dot pagetable 2 c.svg addr=$addr"
				 . "; dot aspace 2 a.svg; dot slab foo s.svg");
		is($r->{err}, '', "$arch: pagetable addr=, aspace PID, slab NAME: no error");
		for my $f (qw(w c a s)) {
			like(slurp("$dir/$f.svg") // '', qr{</svg>\s*\z}, "$arch: $f.svg is an SVG");
		}
		my $digits = substr $addr, 2;
		like(slurp("$dir/w.dot") // '', qr/walk of 0x0*$digits/, "$arch: the walk is drawn");
	}
	my $dir = tempdir(CLEANUP => 1);
	my $r = vmlab($dir, 'dot phys p.png; dot buddy b.pdf; dot buddy b.gv');
	is($r->{status}, 0, 'png, pdf and gv files') or diag($r->{err});
	is(substr(slurp("$dir/p.png") // '', 0, 8), "\x89PNG\r\n\x1a\n", 'p.png is a PNG');
	is(substr(slurp("$dir/b.pdf") // '', 0, 5), '%PDF-', 'b.pdf is a PDF');
	like(slurp("$dir/b.gv") // '', qr/^digraph buddy \{/, 'b.gv is DOT text');
}

# The scenarios behind the graphs run cleanly, Graphviz or not.
{
	my $script = slurp("$FindBin::Bin/../../scripts/make-graphs.sh") // '';
	my %seen;
	for my $ex (grep { !$seen{$_}++ } $script =~ m{^graph \S+ +(examples/\S+)}mg) {
		my $r = run_vmlab(['--check', "$FindBin::Bin/../../$ex"], '');
		ok($r->{status} == 0 && $r->{err} eq '', "$ex runs with --check") or diag($r->{err});
	}
}

# make graphs: every graph of scripts/make-graphs.sh is made from its example.
SKIP: {
	skip 'Graphviz is not installed (apt-get install graphviz): make graphs not tested', 1
		unless $have_dot;
	my $dir = tempdir(CLEANUP => 1);
	my $script = "$FindBin::Bin/../../scripts/make-graphs.sh";
	my @listed = map { /^graph (\S+) / ? $1 : () } split /\n/, slurp($script) // '';
	local $ENV{GRAPHS} = $dir;
	my $out = qx{"$script" "${\ vmlab_path()}" 2>&1};
	is($?, 0, 'make-graphs.sh succeeds') or diag($out);
	ok(@listed >= 9, 'make-graphs.sh lists the graphs') or diag("listed: @listed");
	for my $name (@listed) {
		like(slurp("$dir/$name.svg") // '', qr{</svg>\s*\z}, "graphs/$name.svg is made");
	}
}

# Without Graphviz: the .dot is written, the error says how to install it.
{
	my $dir = tempdir(CLEANUP => 1);
	my $r = vmlab($dir, 'dot phys p.svg', PATH => "$dir/empty");
	is($r->{status}, 1, 'no Graphviz: the command fails');
	is($r->{err}, "-c:1: error: dot: Graphviz is not installed, so p.svg was not rendered; "
		. "p.dot was written (install Graphviz with: apt-get install graphviz)\n",
		'no Graphviz: the error names the fix');
	like(slurp("$dir/p.dot") // '', qr/^digraph phys \{/, 'no Graphviz: p.dot is written');
	ok(!-e "$dir/p.svg", 'no Graphviz: no p.svg');
}

# A `dot` that fails: its first line of complaint is in the error.
{
	my $dir = tempdir(CLEANUP => 1);
	mkdir "$dir/bin";
	open my $fh, '>', "$dir/bin/dot" or die;
	print $fh "#!/bin/sh\necho 'Error: out of cheese' >&2\necho more >&2\nexit 3\n";
	close $fh;
	chmod 0755, "$dir/bin/dot";
	my $r = vmlab($dir, 'dot buddy b.svg', PATH => "$dir/bin:/usr/bin:/bin");
	is($r->{err}, "-c:1: error: dot: dot could not render b.svg: Error: out of cheese\n",
	   'a failing dot: its first line is reported');
}

# The node bound: a 16 GiB machine with 1,000 processes, fragmented, and
# a 64-node one.
{
	my $dir = tempdir(CLEANUP => 1);
	my @frag = ('machine arch=x86_64 ram=16G cpus=4');
	push @frag, ('alloc_pages 0') x 600, ('alloc_pages 1 gfp=GFP_DMA32') x 200;
	push @frag, map { sprintf '__free_pages 0x%x 0', 0x100000 + 3 * $_ } 0 .. 150;
	push @frag, ('exec app libs=libc,ld.so; touch 0x400000; touch 0x7fffffffd000 8K w') x 1000;
	push @frag, 'mmap 4M', 'touch 0x7ffff7a51000 4M w';
	push @frag, map { "mmap 8K prot=" . ($_ % 2 ? 'rw' : 'r') } 1 .. 300;
	my @numa = ('machine arch=x86_64 ram=16G nodes=64 cpus=8', 'exec app', 'touch 0x400000');
	for my $what (@whats) {
		for my $m (join("\n", @frag), join("\n", @numa)) {
			my $r = run_vmlab([], "$m\ndot $what\n", dir => $dir);
			my ($name) = $m =~ /^(machine [^\n]*)/;
			is($r->{err}, '', "$name: dot $what: no error");
			my $n = nodes($r->{out});
			ok($n > 0 && $n <= $node_budget, "$name: dot $what has $n nodes (<= $node_budget)");
		}
	}
}

# A FILE named with an upper-case extension is rendered (Graphviz goes by
# -T, given in lower case), and one starting with '-' reaches dot as
# ./NAME, never as an option.  A stand-in dot records its arguments.
{
	my $dir = tempdir(CLEANUP => 1);
	mkdir "$dir/bin";
	open my $fh, '>', "$dir/bin/dot" or die;
	print $fh "#!/bin/sh\nprintf '%s\\n' \"\$@\" >>args.txt\n: >\"\$3\"\n";
	close $fh;
	chmod 0755, "$dir/bin/dot";
	my $r = vmlab($dir, 'dot phys -V.svg; dot buddy Buddy.SVG; dot phys --x.PNG',
		      PATH => "$dir/bin:/usr/bin:/bin");
	is($r->{err}, '', 'dash and upper-case file names: no error');
	is($r->{out}, "wrote -V.dot, -V.svg\nwrote Buddy.dot, Buddy.SVG\nwrote --x.dot, --x.PNG\n",
	   'dash and upper-case file names: the files written');
	is(slurp("$dir/args.txt"), join('', map { "$_\n" } '-Tsvg', '-o', './-V.svg', './-V.dot',
				   '-Tsvg', '-o', 'Buddy.SVG', 'Buddy.dot', '-Tpng', '-o', './--x.PNG',
				   './--x.dot'), 'dot gets -T in lower case and ./ before a dash');
	like(slurp("$dir/-V.dot") // '', qr/^digraph phys \{/, '-V.dot holds the text');
}
SKIP: {
	skip 'Graphviz is not installed (apt-get install graphviz): -V.svg not rendered', 1
		unless $have_dot;
	my $dir = tempdir(CLEANUP => 1);
	my $r = vmlab($dir, 'dot phys -V.svg; dot buddy Buddy.SVG');
	is($r->{err}, '', 'the real dot: -V.svg and Buddy.SVG: no error');
	for my $f ('-V.svg', 'Buddy.SVG') {
		like(slurp("$dir/$f") // '', qr{<svg.*</svg>\s*\z}s, "the real dot: $f is a whole SVG");
	}
}

# Swap-entry rows on every architecture (each encodes swap PTEs its own
# way): slot 1 on the walk, slots 2-4 folded into one row.
for my $arch (@archs) {
	my $r = vmlab(tempdir(CLEANUP => 1), "machine arch=$arch ram=64M swap=4M; exec app; "
		      . 'mmap 64K addr=0x20000000; touch 0x20000000 64K w; '
		      . 'swapout 1 0x20004000 16K; dot pagetable addr=0x20004123');
	is($r->{err}, '', "$arch: swap entries: no error");
	like($r->{out}, qr/>swap entry: type 0, offset 1</, "$arch: the walk's swap entry");
	like($r->{out}, qr/\[1?\d+-1?\d+\]<\/TD><TD ALIGN="LEFT" BGCOLOR="#e6d2b5">swap entries: type 0, offsets 2-4</,
	     "$arch: a run of slots 2-4 is one row");
	like($r->{out}, qr/is not present: a swap entry,<BR\/>type 0 offset 1 \(\/dev\/sda2 slot 1\)/,
	     "$arch: the walk says what vtop says");
}

# `dot layout` gives each region the size `layout` prints: the boot log's
# figure for fixmap, pkmap, vmalloc and lowmem (i386), else the region
# list's.  Both end with a row to the top of the space: on i386 the
# unused top page, which only the diagram adds, on x86_64 the hole above
# the fixmap, in both.
for my $m ('i386 ram=64M', 'i386 ram=1G', 'i386-pae ram=4G', 'i386-pae ram=2G',
	   'x86_64 ram=1G', 'x86_64-la57 ram=1G') {
	my $r = vmlab(tempdir(CLEANUP => 1), "machine arch=$m; layout; dot layout");
	my ($text, $dot) = split /^(?=digraph )/m, $r->{out};
	my %boot = $text =~ /^\s+(\w+)\s+: 0x\w+ - 0x\w+\s+\(\s*(\d+ [kM]B)\)$/mg;
	my @want = map { /^  (\S+)\s+0x\w+ - 0x\w+  \(\s*(\S+ \S+)\)/ ? [$1, $2] : () }
		   split /\n/, $text;
	@want = map { [$_->[0], $boot{ $_->[0] } // $_->[1]] } reverse @want;
	my @got = $dot =~ /<(?:B|I)>(\w+)<\/(?:B|I)><BR\/>([^<]+)<\/TD>/g;
	my @pairs;
	push @pairs, [shift @got, shift @got] while @got;
	if ($m =~ /^i386/) {
		my $top = shift @pairs;
		is_deeply($top, ['hole', '4 kB'], "$m: the unused top page") or diag(explain($top));
		like($dot, qr/0xffffffff<BR\/>0xfffff000/, "$m: at 0xfffff000-0xffffffff");
		like($dot, qr/<B>3G\/1G user\/kernel split: TASK_SIZE = PAGE_OFFSET = 0xc0000000<\/B>/,
		     "$m: the split bar");
		unlike($dot, qr/>other</, "$m: no light grey rows, no legend item for them");
	} else {
		like($dot, qr/<B>user\/kernel split: TASK_SIZE = 0x00\w+<\/B>/, "$m: the split bar");
		is_deeply($pairs[0], ['hole', '8 MB'], "$m: the hole at the top");
		like($dot, qr/0xffffffffffffffff<BR\/>0xffffffffff800000/,
		     "$m: at 0xffffffffff800000-0xffffffffffffffff");
		like($dot, qr/0xffffffffff800000<BR\/>0xffffffffff601000.*fixmap.*2044 kB/s,
		     "$m: the fixmap above the vsyscall page");
		like($dot, qr/BGCOLOR="#f2f2f2"[^\n]*<TD ALIGN="LEFT">other<\/TD>/,
		     "$m: the legend names the light grey rows");
		my %fill;
		$fill{$2} = $1 while $dot =~ /<TD BGCOLOR="(#\w+)"><B>(\w+)<\/B>/g;
		my %seen;
		my @dup = grep { $_ ne '#f2f2f2' && $seen{$_}++ } values %fill;	# but "other"
		is_deeply(\@dup, [], "$m: one colour per kind") or diag(explain(\%fill));
		unlike($dot, qr/#fdd0a2|#d9d9d9/, "$m: vsyscall and modules apart from user and the greys");
	}
	is_deeply(\@pairs, \@want, "$m: dot layout's sizes are layout's") or diag(explain(\@pairs));
}

# "free 3,840 (15M) &#183; reserved 158 (632K)" added to $sum->{free} etc.
sub add_totals {
	my ($sum, $totals) = @_;
	for (split / &#183; /, $totals) {
		my ($owner, $pages) = /^(.+) ([\d,]+) \(/ or next;
		$sum->{$owner} += $pages =~ s/,//gr;
	}
}

# 64 nodes: `dot phys` draws 8 of them and one table of totals for the
# rest, `dot buddy` 4 and one table of nr_free summed; the totals are those
# of the nodes one by one (node=N) and of buddyinfo.
{
	my $m = 'machine arch=x86_64 ram=16G nodes=64 cpus=8; alloc_pages 0 node=40; '
	      . 'alloc_pages 3 node=20; alloc_pages 1 node=9; alloc_pages 2 node=3';
	my $r = vmlab(tempdir(CLEANUP => 1), "$m; dot phys; dot buddy; buddyinfo; "
		      . join('; ', map { "dot phys node=$_" } 8 .. 63));
	is($r->{err}, '', '64 nodes: no error');
	my (undef, $phys, $buddy, @rest) = split /^(?=digraph )/m, $r->{out};
	my ($info) = $buddy =~ /^(Node .*)\z/ms;
	my @tables = $phys =~ /^\tnode(\d+) \[label=/mg;
	is("@tables", '0 1 2 3 4 5 6 7', '64 nodes: dot phys draws nodes 0-7');
	like($phys, qr/<B>Nodes 8-63<\/B><\/FONT> \(56 nodes\)/, '64 nodes: and one table for 8-63');
	my %want;
	for my $one (@rest) {
		while ($one =~ /<B>(\w+)<\/B><\/FONT>   pfn .*?\n.*?\n<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="14">([^<]*)</g) {
			my ($zone, $totals) = ($1, $2);
			add_totals($want{$zone} //= {}, $totals);
		}
	}
	my ($summary) = $phys =~ /nodes_rest \[label=(.*?)<\/TABLE>>\];/s;
	my %got;
	while (($summary // '') =~ /<B>(\w+)<\/B><\/FONT>   on \d+ nodes?, [\d-]+<\/TD><\/TR>\n<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="14">([^<]*)</g) {
		my ($zone, $totals) = ($1, $2);
		add_totals($got{$zone} //= {}, $totals);
	}
	ok(exists $got{Normal}{kernel}, '64 nodes: the kernel pages of node 40 are in the summary');
	is_deeply(\%got, \%want, '64 nodes: the summary adds up the nodes 8-63') or diag(explain(\%got));
	my @zones = $buddy =~ /^\tsubgraph cluster_(n\d+_\w+) \{/mg;
	is("@zones", 'n0_DMA n0_DMA32 n1_DMA32 n2_DMA32 n3_DMA32', '64 nodes: dot buddy draws nodes 0-3');
	my %sum;
	for my $line (split /\n/, $info // '') {
		my ($nid, $zone, @nr) = $line =~ /^Node (\d+), zone\s+(\w+)((?:\s+\d+){11})/ or next;
		@nr = split ' ', $nr[0];
		next if $nid < 4;
		$sum{$zone}[$_] += $nr[$_] for 0 .. 10;
	}
	my ($table) = $buddy =~ /free_area_rest \[label=(.*?)<\/TABLE>>\];/s;
	my @rows = ($table // '') =~ /<TR><TD>\d+<\/TD><TD>\w+<\/TD>((?:<TD[^>]*>[\d,]+<\/TD>)+)<\/TR>/g;
	my %table;
	for my $o (0 .. $#rows) {
		my @nr = map { s/,//gr } $rows[$o] =~ />([\d,]+)</g;
		($table{DMA32}[$o], $table{Normal}[$o]) = @nr;
	}
	is(scalar @rows, 11, '64 nodes: the summed free_area has 11 orders');
	is_deeply(\%table, \%sum, "64 nodes: nr_free summed over nodes 4-63 as buddyinfo has it")
		or diag(explain(\%table));
}

# A cache may be named like a FILE: `dot slab foo.dot` draws the cache
# foo.dot when there is one, and writes the overview to foo.dot otherwise.
{
	my $dir = tempdir(CLEANUP => 1);
	my $r = vmlab($dir, 'kmem_cache_create foo.dot 64; dot slab foo.dot');
	is($r->{err}, '', 'dot slab foo.dot: no error');
	like($r->{out}, qr/Slab cache foo\.dot \(SLUB\)/, 'dot slab foo.dot: the cache drawn');
	ok(!-e "$dir/foo.dot", 'dot slab foo.dot: no file written');
	$r = vmlab($dir, 'dot slab foo.dot');
	like($r->{out}, qr/^wrote foo\.dot$/m, 'no cache foo.dot: dot slab foo.dot writes it');
	like(slurp("$dir/foo.dot") // '', qr/^digraph slab/, 'no cache foo.dot: the overview');
	$r = vmlab($dir, 'kmem_cache_create bar.dot 64; dot slab bar.dot out.dot');
	is($r->{err}, '', 'dot slab bar.dot out.dot: the cache, then the FILE');
	like(slurp("$dir/out.dot") // '', qr/Slab cache bar\.dot \(SLUB\)/, 'the cache drawn into out.dot');
}

done_testing();
