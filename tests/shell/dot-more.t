#!/usr/bin/perl
# dot-more.t - the diagrams of the TLB and of shared frames: golden DOT
# of `dot tlb` and `dot shared` on small i386 machines, with title= and
# the errors; then, on every architecture, each accepted by the real
# `dot -Tsvg` (skipped with a notice when Graphviz is absent; the text
# checks run regardless); the folded layouts of big and highly
# associative TLBs; and the node bound on a 16 GiB machine with 1,000
# processes.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use File::Temp qw(tempdir);
use Test::More;
use Transcript;

my $have_dot = system('dot -V >/dev/null 2>&1') == 0;
my $node_budget = 300;		# DOT_NODE_BUDGET in src/dot/dot.h

run_transcript(\*DATA, done => 0);

sub slurp {
	my ($name) = @_;
	open my $fh, '<', $name or return '';
	local $/;
	return scalar <$fh>;
}

# Node statements: every `ID [label=<`.
sub nodes {
	my ($text) = @_;
	my $n = () = $text =~ /^\s*\w+ \[label=</mg;
	return $n;
}

# A state with something of each kind on arch: a small TLB (with PCIDs in
# 64-bit mode) holding user entries of two processes and a global large
# page; frames shared copy-on-write, through MAP_SHARED, and read-only
# (a program's text in two processes).
my %addr = (
	i386 => [qw(0x08048000 0xbfffe000 0x20000000 0xc1000000)],
	'i386-pae' => [qw(0x08048000 0xbfffe000 0x20000000 0xc1000000)],
	x86_64 => [qw(0x400000 0x7fffffffd000 0x200000000 0xffff888001000000)],
	'x86_64-la57' => [qw(0x400000 0x7fffffffd000 0x200000000 0xff11000001000000)],
);
sub setup {
	my ($arch) = @_;
	my ($text, $stack, $shared, $kernel) = @{ $addr{$arch} };
	my $pcid = $arch =~ /^x86_64/ ? ' pcid=on' : '';
	return join '; ', "machine arch=$arch ram=256M tlb=16 tlb_ways=2$pcid",
		'exec app', "touch $text", "touch $stack 8K w", 'file /data/log 8K',
		"mmap 8K addr=$shared file=/data/log flags=shared", "touch $shared 8K w",
		'fork', 'switch 2', "touch $shared r", "touch $stack 4K w", 'exec app',
		"touch $text", "kread $kernel", 'switch 1', "touch $stack r";
}

for my $arch (sort keys %addr) {
	my $dir = tempdir(CLEANUP => 1);
	my $r = run_vmlab(['-c', setup($arch) . '; dot tlb t.dot; dot shared s.dot title="Step 1"'],
			  '', dir => $dir);
	is($r->{err}, '', "$arch: dot tlb and dot shared: no error");
	my ($tlb, $shared) = (slurp("$dir/t.dot"), slurp("$dir/s.dot"));
	like($tlb, qr/ G (?:[24]M page)/, "$arch: tlb: the kernel's global large page");
	like($tlb, qr/kernel: swapper_pg_dir/, "$arch: tlb: its entry found in swapper_pg_dir");
	if ($arch =~ /^x86_64/) {
		like($tlb, qr/PCID 2<\/FONT>/, "$arch: tlb: an entry of the other address space, PCID 2");
		like($tlb, qr/pid 2 \(app\)/, "$arch: tlb: the other entry found in pid 2's tables");
	} else {
		like($tlb, qr/no PCID/, "$arch: tlb: no PCIDs on a 32-bit machine");
		unlike($tlb, qr/pid 2 \(app\)/, "$arch: tlb: so the switch flushed pid 2's entries");
	}
	for my $kind ('CoW', 'shared', 'read-only') {
		like($shared, qr/<B>\Q$kind\E<\/B>/, "$arch: shared: a $kind mapper");
	}
	like($shared, qr/\/data\/log page 0<BR\/>mapped 2&#215;, refcount 3/,
	     "$arch: shared: the MAP_SHARED page, in the page cache and mapped twice");
	like($shared, qr/<B>Step 1<\/B>/, "$arch: shared: the title= heading");
}

# Big and highly associative TLBs fold: 8 ways a row, only valid ways
# past 32, at most 48 entries drawn; the rest counted.
my %tlbs = (
	'wrapped 12-way' => ['tlb=24 tlb_ways=12', '64K', qr/way 11/],
	'fully associative 1024-way' => ['tlb=1024 tlb_ways=1024', '1M', qr/fully associative.*\d+ empty ways.*208 more valid entries not drawn/s],
	'4096 entries, 8-way' => ['tlb=4096 tlb_ways=8', '16M', qr/sets \d+-511: [\d,]+ more valid entries not drawn/],
);
for my $name (sort keys %tlbs) {
	my ($geometry, $size, $want) = @{ $tlbs{$name} };
	my $dir = tempdir(CLEANUP => 1);
	my $r = run_vmlab(['-c', "machine ram=256M $geometry; exec app; mmap $size addr=0x20000000; "
			   . "touch 0x20000000 $size w; dot tlb t.dot"], '', dir => $dir);
	is($r->{err}, '', "$name: no error");
	my $text = slurp("$dir/t.dot");
	like($text, $want, "$name: folded as it should be");
	my $n = nodes($text);
	ok($n <= 52, "$name: $n nodes (the TLB, at most 48 tables, the legend)");
	SKIP: {
		skip 'Graphviz is not installed (apt-get install graphviz)', 1 unless $have_dot;
		system('dot', '-Tsvg', '-o', "$dir/t.svg", "$dir/t.dot");
		like(slurp("$dir/t.svg"), qr{</svg>\s*\z}, "$name: dot -Tsvg accepts it");
	}
}

# Rendering through the real `dot -Tsvg`, on every architecture.
SKIP: {
	skip 'Graphviz is not installed (apt-get install graphviz): rendering not tested', 1
		unless $have_dot;
	for my $arch (sort keys %addr) {
		my $dir = tempdir(CLEANUP => 1);
		my $r = run_vmlab(['-c', setup($arch) . '; dot tlb t.svg title="TLB"; dot shared s.svg'],
				  '', dir => $dir);
		is($r->{err}, '', "$arch: dot tlb t.svg, dot shared s.svg: no error");
		like($r->{out}, qr/^wrote t\.dot, t\.svg\nwrote s\.dot, s\.svg$/m, "$arch: both rendered");
		for my $f (qw(t s)) {
			like(slurp("$dir/$f.svg"), qr{<svg.*</svg>\s*\z}s, "$arch: $f.svg is a whole SVG");
		}
	}
}

# The node bound: a 16 GiB machine with 1,000 processes, each mapping
# the same program and libraries, with a forked heap of 2,048 pages
# shared by 50 processes, and a TLB of 1,536 entries.
{
	my @cmds = ('machine arch=x86_64 ram=16G cpus=4 tlb=1536 tlb_ways=12');
	push @cmds, ('exec app libs=libc,ld.so; touch 0x400000; touch 0x7fffffffd000 8K w') x 1000;
	push @cmds, 'mmap 8M addr=0x20000000', 'touch 0x20000000 8M w', ('fork 1000') x 50;
	push @cmds, 'dot tlb', 'dot shared';
	my $t0 = time;
	my $r = run_vmlab([], join("\n", @cmds) . "\n");
	my $took = time - $t0;
	is($r->{err}, '', '16 GiB, 1,000 processes: no error');
	my @graphs = split /(?=^digraph )/m, $r->{out};
	shift @graphs while @graphs && $graphs[0] !~ /^digraph/;
	is(scalar @graphs, 2, 'two diagrams');
	for my $g (@graphs) {
		my ($what) = $g =~ /^digraph (\w+)/;
		my $n = nodes($g);
		ok($n > 0 && $n <= $node_budget, "16 GiB, 1,000 processes: dot $what has $n nodes (<= $node_budget)");
	}
	like($graphs[1] // '', qr/Shared frames: 2,05\d frames mapped more than once/,
	     'dot shared counts every shared frame');
	like($graphs[1] // '', qr/more mappers not drawn/, 'and folds the mappers it does not draw');
	ok($took <= 20, "it takes $took s");
}

done_testing();

__DATA__
# `dot tlb` on a small TLB: 8 entries, 2 ways, so 4 sets (a page's set is
# its virtual page number mod 4), with PCIDs (x86_64: PCIDs exist only in
# 64-bit mode).  pid 1 writes three heap pages (sets 3, 0, 1), pid 2
# reads its text (set 0, PCID 2), a kernel read leaves a global 2M entry
# of the direct map (set 0: it evicts the LRU entry there), and back on
# pid 1 one page hits.
$ machine arch=x86_64 ram=64M tlb=8 tlb_ways=2 pcid=on
machine: x86_64, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 47104K/65144K available (16384K kernel code+data, 1024K mem_map, 632K firmware, 18040K reserved, 0K highmem)
$ exec app; malloc 100; touch 0x403000 12K w
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x3e0e
0x0000000000403010  (brk heap: brk 0x0000000000403000 -> 0x0000000000424000)
touched 3 pages (write): 3 minor faults, 0 major
$ exec sh; touch 0x400000
pid 2 (sh) is now current: 3 VMAs, pgd at pfn 0x3e23
touched 1 page (read): 0 minor faults, 1 major
$ kread 0xffff888001000000
0 (0x0) in pfn 0x1000
$ switch 1; touch 0x403000 r
cpu 0: pid 2 (sh) -> pid 1 (app), CR3 = 0x0000000003e0e000 (PCID: tagged TLB entries stay)
touched 1 page (read): 0 minor faults, 0 major
$ tlb
cpu 0 TLB: 8 entries, 2-way (4 sets), PCID on; CR3 0x0000000003e0e000 (pid 1, app, PCID 1)
  4 valid; hits 1, misses 5, flushes 2, invlpg 0
  set way  virtual               physical            size  pcid  flags
    0   0  0xffff888001000000 -> 0x0000000001000000  2M       0  RW D NX G
    0   1  0x0000000000400000 -> 0x0000000003e27000  4K       2  US
    1   0  0x0000000000405000 -> 0x0000000003e22000  4K       1  RW US D NX
    3   0  0x0000000000403000 -> 0x0000000003e20000  4K       1  RW US D NX
$ dot tlb title="After the switch back"
digraph tlb {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<FONT POINT-SIZE="32"><B>After the switch back</B></FONT><BR/><FONT POINT-SIZE="20">TLB of cpu 0 and the entries it caches (x86_64)</FONT>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	graph [ranksep=1.1];
	tlb [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="4" BGCOLOR="#eeeeee" BALIGN="LEFT" ALIGN="LEFT"><B>cpu 0</B>: 8 entries, 2-way set associative, 4 sets<BR/>CR3 = pfn 0x3e0e: pid 1 (app), PCID 1<BR/>hits 1, misses 5 (17% hits); flushes 2, invlpg 0</TD></TR>
<TR><TD><B>set</B></TD><TD><B>way 0</B></TD><TD><B>way 1</B></TD><TD BORDER="0"></TD></TR>
<TR><TD ALIGN="RIGHT"><B>0</B></TD><TD BGCOLOR="#9ecae1" WIDTH="120"><FONT FACE="Courier" POINT-SIZE="14">0xffff888001000000</FONT><BR/>pfn 0x1000<BR/><FONT POINT-SIZE="12">RW D NX G 2M page</FONT></TD><TD BGCOLOR="#fde7cf" WIDTH="120" COLOR="#d62728" BORDER="3"><FONT FACE="Courier" POINT-SIZE="14">0x0000000000400000</FONT><BR/>pfn 0x3e27<BR/><FONT POINT-SIZE="12">US PCID 2</FONT></TD><TD BORDER="0"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="2" CELLPADDING="1"><TR><TD PORT="e0" BGCOLOR="#9ecae1"><FONT POINT-SIZE="12">way 0</FONT></TD></TR><TR><TD PORT="e1" BGCOLOR="#fde7cf"><FONT POINT-SIZE="12">way 1</FONT></TD></TR></TABLE></TD></TR>
<TR><TD ALIGN="RIGHT"><B>1</B></TD><TD BGCOLOR="#fdae6b" WIDTH="120"><FONT FACE="Courier" POINT-SIZE="14">0x0000000000405000</FONT><BR/>pfn 0x3e22<BR/><FONT POINT-SIZE="12">RW US D NX PCID 1</FONT></TD><TD BGCOLOR="#ffffff" WIDTH="120"></TD><TD BORDER="0"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="2" CELLPADDING="1"><TR><TD PORT="e2" BGCOLOR="#fdae6b"><FONT POINT-SIZE="12">way 0</FONT></TD></TR></TABLE></TD></TR>
<TR><TD ALIGN="RIGHT"><B>2</B></TD><TD BGCOLOR="#ffffff" WIDTH="120"></TD><TD BGCOLOR="#ffffff" WIDTH="120"></TD><TD BORDER="0"></TD></TR>
<TR><TD ALIGN="RIGHT"><B>3</B></TD><TD BGCOLOR="#fdae6b" WIDTH="120"><FONT FACE="Courier" POINT-SIZE="14">0x0000000000403000</FONT><BR/>pfn 0x3e20<BR/><FONT POINT-SIZE="12">RW US D NX PCID 1</FONT></TD><TD BGCOLOR="#ffffff" WIDTH="120"></TD><TD BORDER="0"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="2" CELLPADDING="1"><TR><TD PORT="e6" BGCOLOR="#fdae6b"><FONT POINT-SIZE="12">way 0</FONT></TD></TR></TABLE></TD></TR>
</TABLE>>];
	pt_1ffd [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="4" BGCOLOR="#c9a0dc"><B>pmd table</B> at pfn 0x1ffd<BR/><FONT POINT-SIZE="13">kernel: swapper_pg_dir, shared by all</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" PORT="i8">[8]</TD><TD><FONT FACE="Courier" POINT-SIZE="14">0x80000000010001e3</FONT></TD><TD ALIGN="LEFT">P RW A D PS G NX</TD><TD BGCOLOR="#9ecae1" ALIGN="LEFT">2M page: pfn 0x1000-0x11ff <FONT POINT-SIZE="12">DMA32, direct map</FONT></TD></TR>
</TABLE>>];
	pt_3e1f [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="4" BGCOLOR="#c9a0dc"><B>pte table</B> at pfn 0x3e1f<BR/><FONT POINT-SIZE="13">pid 1 (app)</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" PORT="i3">[3]</TD><TD><FONT FACE="Courier" POINT-SIZE="14">0x8000000003e20067</FONT></TD><TD ALIGN="LEFT">P RW US A D NX</TD><TD BGCOLOR="#fdae6b" ALIGN="LEFT">pfn 0x3e20 <FONT POINT-SIZE="12">DMA32, user</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" PORT="i5">[5]</TD><TD><FONT FACE="Courier" POINT-SIZE="14">0x8000000003e22067</FONT></TD><TD ALIGN="LEFT">P RW US A D NX</TD><TD BGCOLOR="#fdae6b" ALIGN="LEFT">pfn 0x3e22 <FONT POINT-SIZE="12">DMA32, user</FONT></TD></TR>
</TABLE>>];
	pt_3e26 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="4" BGCOLOR="#c9a0dc"><B>pte table</B> at pfn 0x3e26<BR/><FONT POINT-SIZE="13">pid 2 (sh)</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" PORT="i0">[0]</TD><TD><FONT FACE="Courier" POINT-SIZE="14">0x0000000003e27025</FONT></TD><TD ALIGN="LEFT">P US A</TD><TD BGCOLOR="#fdae6b" ALIGN="LEFT">pfn 0x3e27 <FONT POINT-SIZE="12">DMA32, user</FONT></TD></TR>
</TABLE>>];
	tlb:e0:e -> pt_1ffd:i8:w;
	tlb:e6:e -> pt_3e1f:i3:w;
	tlb:e2:e -> pt_3e1f:i5:w;
	tlb:e1:e -> pt_3e26:i0:w [style=dashed, color="#909090"];
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>TLB</B></TD></TR>
<TR><TD BGCOLOR="#fdae6b" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">running address space</TD><TD ALIGN="RIGHT">usable now</TD></TR>
<TR><TD BGCOLOR="#fde7cf" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">another PCID</TD><TD ALIGN="RIGHT">kept across the switch</TD></TR>
<TR><TD BGCOLOR="#9ecae1" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">global (G)</TD><TD ALIGN="RIGHT">survives CR3 loads</TD></TR>
<TR><TD BGCOLOR="#ffffff" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">empty way</TD><TD ALIGN="RIGHT"></TD></TR>
<TR><TD BGCOLOR="#d62728" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">red border</TD><TD ALIGN="RIGHT">LRU: the next fill evicts it</TD></TR>
<TR><TD BGCOLOR="#c9a0dc" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">page table</TD><TD ALIGN="RIGHT">the entry cached</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">A page&#39;s set is its virtual page number<BR/>mod 4; each set holds 2 ways.</FONT></TD></TR>
</TABLE>>];
	{ rank=same; tlb; legend; }
}
# A CPU that ran nothing has an empty TLB: its sets fold into one row.
# (i386 from here on.)
$ machine ram=64M cpus=2
machine: i386, 64 MiB RAM, 1 node, 2 CPUs, seed 1
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
$ dot tlb cpu=1
digraph tlb {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>TLB of cpu 1 and the entries it caches (i386)</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	graph [ranksep=1.1];
	tlb [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="6" BGCOLOR="#eeeeee" BALIGN="LEFT" ALIGN="LEFT"><B>cpu 1</B>: 64 entries, 4-way set associative, 16 sets<BR/>CR3 = pfn 0x17ff: swapper_pg_dir, no PCID<BR/>hits 0, misses 0; flushes 1, invlpg 0</TD></TR>
<TR><TD><B>set</B></TD><TD><B>way 0</B></TD><TD><B>way 1</B></TD><TD><B>way 2</B></TD><TD><B>way 3</B></TD><TD BORDER="0"></TD></TR>
<TR><TD ALIGN="RIGHT"><B>0-15</B></TD><TD COLSPAN="4" BGCOLOR="#ffffff"><I>16 empty sets</I></TD><TD BORDER="0"></TD></TR>
</TABLE>>];
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>TLB</B></TD></TR>
<TR><TD BGCOLOR="#ffffff" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">empty way</TD><TD ALIGN="RIGHT"></TD></TR>
<TR><TD BGCOLOR="#c9a0dc" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">page table</TD><TD ALIGN="RIGHT">the entry cached</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">A page&#39;s set is its virtual page number<BR/>mod 16; each set holds 4 ways.</FONT></TD></TR>
</TABLE>>];
	{ rank=same; tlb; legend; }
}
# `dot shared` with nothing shared says so.
$ dot shared
digraph shared {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Shared frames: 0 frames mapped more than once, 0 mappings (i386)</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	rest [label=<<TABLE BORDER="0" CELLBORDER="1" CELLPADDING="8"><TR><TD BGCOLOR="#eeeeee"><I>no frame is mapped more than once<BR/>(fork, shared libraries and MAP_SHARED make some)</I></TD></TR></TABLE>>];
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Shared frames</B></TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">Every mapper is found through the reverse map.<BR/>The zero page is not drawn: its PTEs are special.</FONT></TD></TR>
</TABLE>>];
	rest -> legend [style=invis];
}
# After fork the two written heap pages are mapped by both processes,
# write-protected (copy-on-write): one node for the run of frames.  The
# text page of /usr/bin/app, read from the file by pid 1, is found in the
# page cache by pid 4: one frame, two read-only mappings.  The child
# has no PTE for it (fork copies page tables only where anonymous pages
# are) and pid 3 runs another program.
$ exec app; touch 0x08048000; malloc 100; touch 0x0804b000 8K w
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x3f0b
touched 1 page (read): 0 minor faults, 1 major
0x0804b008  (brk heap: brk 0x0804b000 -> 0x0806c000)
touched 2 pages (write): 2 minor faults, 0 major
$ fork
pid 2 (app): child of pid 1, 2 pages shared copy-on-write
$ exec other; touch 0x08048000
pid 3 (other) is now current: 3 VMAs, pgd at pfn 0x3f1c
touched 1 page (read): 0 minor faults, 1 major
$ exec app; touch 0x08048000
pid 4 (app) is now current: 3 VMAs, pgd at pfn 0x3f1f
touched 1 page (read): 1 minor fault, 0 major
$ dot shared
digraph shared {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Shared frames: 3 frames mapped more than once, 6 mappings (i386)</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	pid_1 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#eeeeee"><B>pid 1 (app)</B></TD></TR>
<TR><TD ALIGN="LEFT"><FONT FACE="Courier" POINT-SIZE="14">0x08048000</FONT></TD><TD ALIGN="LEFT">r-xp /usr/bin/app</TD><TD PORT="m3f17_0"><FONT COLOR="#606060"><B>read-only</B></FONT></TD></TR>
<TR><TD ALIGN="LEFT"><FONT FACE="Courier" POINT-SIZE="14">0x0804b000-<BR/>0x0804cfff</FONT></TD><TD ALIGN="LEFT">rw-p [heap]</TD><TD PORT="m3f18_0"><FONT COLOR="#d62728"><B>CoW</B></FONT></TD></TR>
</TABLE>>];
	pid_2 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#eeeeee"><B>pid 2 (app)</B></TD></TR>
<TR><TD ALIGN="LEFT"><FONT FACE="Courier" POINT-SIZE="14">0x0804b000-<BR/>0x0804cfff</FONT></TD><TD ALIGN="LEFT">rw-p [heap]</TD><TD PORT="m3f18_1"><FONT COLOR="#d62728"><B>CoW</B></FONT></TD></TR>
</TABLE>>];
	pid_4 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#eeeeee"><B>pid 4 (app)</B></TD></TR>
<TR><TD ALIGN="LEFT"><FONT FACE="Courier" POINT-SIZE="14">0x08048000</FONT></TD><TD ALIGN="LEFT">r-xp /usr/bin/app</TD><TD PORT="m3f17_1"><FONT COLOR="#606060"><B>read-only</B></FONT></TD></TR>
</TABLE>>];
	{ rank=same; pid_1 -> pid_2 -> pid_4 [style=invis]; }
	frame_3f17 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#c6dbef" BALIGN="LEFT"><B>pfn 0x3f17</B><BR/><FONT POINT-SIZE="13">Normal, /usr/bin/app page 0<BR/>mapped 2&#215;, refcount 3</FONT></TD></TR></TABLE>>];
	frame_3f18 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b" BALIGN="LEFT"><B>pfn 0x3f18-0x3f19</B> (2 frames)<BR/><FONT POINT-SIZE="13">Normal, anonymous<BR/>each mapped 2&#215;, refcount 2</FONT></TD></TR></TABLE>>];
	pid_1:m3f17_0:e -> frame_3f17 [color="#606060"];
	pid_4:m3f17_1:e -> frame_3f17 [color="#606060"];
	pid_1:m3f18_0:e -> frame_3f18 [color="#d62728", style=dashed];
	pid_2:m3f18_1:e -> frame_3f18 [color="#d62728", style=dashed];
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Shared frames</B></TD></TR>
<TR><TD BGCOLOR="#d62728" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">CoW</TD><TD ALIGN="RIGHT">write-protected: a write copies</TD></TR>
<TR><TD BGCOLOR="#606060" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">read-only</TD><TD ALIGN="RIGHT">private, never written</TD></TR>
<TR><TD BGCOLOR="#fdae6b" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">anonymous frame</TD><TD ALIGN="RIGHT">found via its anon_vma</TD></TR>
<TR><TD BGCOLOR="#c6dbef" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">page-cache frame</TD><TD ALIGN="RIGHT">found via its file</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">Every mapper is found through the reverse map.<BR/>The zero page is not drawn: its PTEs are special.</FONT></TD></TR>
</TABLE>>];
}
# Errors: one line each, nothing drawn.
$ dot tlb cpu=2
! error: dot: cpu 2 does not exist (cpus 0..1)
$ dot tlb cpu=x
! error: dot: cpu=x is not a number
$ dot tlb 1
! error: dot: tlb takes no argument '1' (usage: dot tlb [cpu=N])
$ dot shared 1
! error: dot: shared takes no argument '1' (usage: dot shared)
$ dot shared addr=0x1000
! error: dot: shared takes no option 'addr' (usage: dot shared)
$ dot phys title=
! error: dot: option 'title=' needs a value
