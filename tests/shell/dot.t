#!/usr/bin/perl
# dot.t - `dot WHAT [FILE]`: the list of diagrams, golden DOT text of
# phys, buddy, aspace, pagetable and slab on small i386 and x86_64 machines,
# and every error.
# Rendering, files and the node bound are in dot-render.t.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Transcript;

run_transcript(\*DATA);

__DATA__
# `dot` alone lists the diagrams that exist.
$ dot
Diagrams ('dot WHAT [FILE]'; FILE.svg, .png or .pdf is rendered):
  phys [node=N] [zone=NAME]    physical memory by node and zone, coloured by owner
  buddy [node=N] [zone=NAME]   the buddy allocator's free_area lists per order
  aspace [PID]                 a process's address space: VMAs, gaps, the user/kernel split
  pagetable [PID] [addr=ADDR]  a process's page tables from CR3 to the frames
  slab [NAME]                  a slab cache: CPU, partial and full slabs and their objects
  vmalloc                      the vmalloc space: areas, guard pages, the frames behind them
  layout                       the kernel's virtual memory map with this machine's values
  tlb [cpu=N]                  a CPU's TLB by set and way, the PTEs it caches, their frames
  shared                       frames mapped more than once, with every mapper (rmap)

# Golden DOT for a small i386 machine: the same state gives the same bytes.
# Fresh DMA zone: boot freed it as the largest aligned blocks.
$ machine ram=64M
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
$ dot buddy zone=DMA
digraph buddy {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Buddy allocator: free_area lists per order (i386, 64M RAM)</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	graph [nodesep=0.12];
	subgraph cluster_n0_DMA {
		graph [label=<<B>Node 0, zone DMA: 3,840 free pages (15M)</B>>, fontsize=20, labeljust=l, style="rounded", color="#e6550d", penwidth=2];
		free_area_1 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="7">
<TR><TD COLSPAN="4" BGCOLOR="#eeeeee"><B>free_area[]</B></TD></TR>
<TR><TD><B>order</B></TD><TD><B>block</B></TD><TD><B>nr_free</B></TD><TD><B>free pages</B></TD></TR>
<TR><TD>0</TD><TD>4K</TD><TD>0</TD><TD PORT="o0" ALIGN="RIGHT">0</TD></TR>
<TR><TD>1</TD><TD>8K</TD><TD>0</TD><TD PORT="o1" ALIGN="RIGHT">0</TD></TR>
<TR><TD>2</TD><TD>16K</TD><TD>0</TD><TD PORT="o2" ALIGN="RIGHT">0</TD></TR>
<TR><TD>3</TD><TD>32K</TD><TD>0</TD><TD PORT="o3" ALIGN="RIGHT">0</TD></TR>
<TR><TD>4</TD><TD>64K</TD><TD>0</TD><TD PORT="o4" ALIGN="RIGHT">0</TD></TR>
<TR><TD>5</TD><TD>128K</TD><TD>0</TD><TD PORT="o5" ALIGN="RIGHT">0</TD></TR>
<TR><TD>6</TD><TD>256K</TD><TD>0</TD><TD PORT="o6" ALIGN="RIGHT">0</TD></TR>
<TR><TD>7</TD><TD>512K</TD><TD>0</TD><TD PORT="o7" ALIGN="RIGHT">0</TD></TR>
<TR><TD>8</TD><TD>1M</TD><TD BGCOLOR="#b8e6a7">1</TD><TD PORT="o8" ALIGN="RIGHT">256</TD></TR>
<TR><TD>9</TD><TD>2M</TD><TD BGCOLOR="#b8e6a7">1</TD><TD PORT="o9" ALIGN="RIGHT">512</TD></TR>
<TR><TD>10</TD><TD>4M</TD><TD BGCOLOR="#b8e6a7">3</TD><TD PORT="o10" ALIGN="RIGHT">3,072</TD></TR>
<TR><TD COLSPAN="4" ALIGN="LEFT"><FONT POINT-SIZE="14">per-CPU lists (order 0, not in free_area): cpu0 0</FONT></TD></TR>
</TABLE>>];
		free_list_100 [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#b8e6a7" BORDER="1" PORT="head">0x100-0x1ff</TD></TR></TABLE>>];
		free_area_1:o8:e -> free_list_100:head:w;
		free_list_200 [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#b8e6a7" BORDER="1" PORT="head">0x200-0x3ff</TD></TR></TABLE>>];
		free_area_1:o9:e -> free_list_200:head:w;
		free_list_400 [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#b8e6a7" BORDER="1" PORT="head">0x400-0x7ff</TD><TD>&#8594;</TD><TD BGCOLOR="#b8e6a7" BORDER="1">0x800-0xbff</TD><TD>&#8594;</TD><TD BGCOLOR="#b8e6a7" BORDER="1">0xc00-0xfff</TD></TR></TABLE>>];
		free_area_1:o10:e -> free_list_400:head:w;
	}
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Legend</B></TD></TR>
<TR><TD BGCOLOR="#b8e6a7" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">free block</TD><TD ALIGN="RIGHT">first pfn-last pfn</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">nr_free counts blocks of 2^order pages;<BR/>each list starts at its head, the block taken next.</FONT></TD></TR>
</TABLE>>];
	zones [shape=point, style=invis, width=0, height=0, ordering=out];
	zones -> free_area_1 [style=invis];
	zones -> legend [style=invis];
}

# After three allocations: runs of kernel frames in DMA and Normal, and
# the order-3 block split from the smallest free block that fits.
$ alloc_pages 3
pfn 0x3f00 order 3 (8 pages, 32K) node 0 zone Normal virt 0xc3f00000
$ alloc_pages 0
pfn 0x3f08 order 0 (1 page, 4K) node 0 zone Normal virt 0xc3f08000
$ alloc_pages 2 gfp=GFP_DMA
pfn 0x100 order 2 (4 pages, 16K) node 0 zone DMA virt 0xc0100000
$ dot phys
digraph phys {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=TB,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Physical memory: i386, 64M RAM, 1 node</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	node0 [label=<<TABLE BORDER="2" STYLE="ROUNDED" COLOR="#606060" CELLBORDER="0" CELLSPACING="5" CELLPADDING="2">
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="22"><B>Node 0</B></FONT>   pfn 0x1-0x3fff   4K-64M (64M)</TD></TR>
<TR><TD HEIGHT="6"></TD></TR>
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="20" COLOR="#e6550d"><B>DMA</B></FONT>   pfn 0x1-0xfff   4K-16M (16M)</TD></TR>
<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#bdbdbd">reserved<BR/><B>632K</B><BR/><FONT POINT-SIZE="12">pfn 0x1</FONT></TD><TD BGCOLOR="#f2f2f2">hole<BR/><B>388K</B><BR/><FONT POINT-SIZE="12">pfn 0x9f</FONT></TD><TD BGCOLOR="#9ecae1">kernel<BR/><B>16K</B><BR/><FONT POINT-SIZE="12">pfn 0x100</FONT></TD><TD BGCOLOR="#b8e6a7">free<BR/><B>15M</B><BR/><FONT POINT-SIZE="12">pfn 0x104</FONT></TD></TR></TABLE></TD></TR>
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="14">free 3,836 (15M) &#183; kernel 4 (16K) &#183; reserved 158 (632K) &#183; hole 97 (388K)</FONT></TD></TR>
<TR><TD HEIGHT="6"></TD></TR>
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="20" COLOR="#3182bd"><B>Normal</B></FONT>   pfn 0x1000-0x3fff   16M-64M (48M)</TD></TR>
<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#bdbdbd">reserved<BR/><B>8M</B><BR/><FONT POINT-SIZE="12">pfn 0x1000</FONT></TD><TD BGCOLOR="#b8e6a7">free<BR/><B>39M</B><BR/><FONT POINT-SIZE="12">pfn 0x1800</FONT></TD><TD BGCOLOR="#9ecae1">kernel<BR/><B>36K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f00</FONT></TD><TD BGCOLOR="#b8e6a7">free<BR/><B>476K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f09</FONT></TD><TD BGCOLOR="#bdbdbd">reserved<BR/><B>512K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f80</FONT></TD></TR></TABLE></TD></TR>
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="14">free 10,103 (39.5M) &#183; kernel 9 (36K) &#183; reserved 2,176 (8.5M)</FONT></TD></TR>
</TABLE>>];
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Frames by owner</B></TD></TR>
<TR><TD BGCOLOR="#b8e6a7" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">free</TD><TD ALIGN="RIGHT">13,939 pages (54.4M)</TD></TR>
<TR><TD BGCOLOR="#9ecae1" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">kernel</TD><TD ALIGN="RIGHT">13 pages (52K)</TD></TR>
<TR><TD BGCOLOR="#bdbdbd" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">reserved</TD><TD ALIGN="RIGHT">2,334 pages (9.1M)</TD></TR>
<TR><TD BGCOLOR="#f2f2f2" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">hole</TD><TD ALIGN="RIGHT">97 pages (388K)</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">A cell is a run of frames of one owner, low addresses first.</FONT></TD></TR>
</TABLE>>];
	{ rank=same; node0; legend; }
}
$ dot buddy zone=Normal
digraph buddy {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Buddy allocator: free_area lists per order (i386, 64M RAM)</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	graph [nodesep=0.12];
	subgraph cluster_n0_Normal {
		graph [label=<<B>Node 0, zone Normal: 10,103 free pages (39.5M)</B>>, fontsize=20, labeljust=l, style="rounded", color="#3182bd", penwidth=2];
		free_area_1000 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="7">
<TR><TD COLSPAN="4" BGCOLOR="#eeeeee"><B>free_area[]</B></TD></TR>
<TR><TD><B>order</B></TD><TD><B>block</B></TD><TD><B>nr_free</B></TD><TD><B>free pages</B></TD></TR>
<TR><TD>0</TD><TD>4K</TD><TD BGCOLOR="#b8e6a7">1</TD><TD PORT="o0" ALIGN="RIGHT">1</TD></TR>
<TR><TD>1</TD><TD>8K</TD><TD BGCOLOR="#b8e6a7">1</TD><TD PORT="o1" ALIGN="RIGHT">2</TD></TR>
<TR><TD>2</TD><TD>16K</TD><TD BGCOLOR="#b8e6a7">1</TD><TD PORT="o2" ALIGN="RIGHT">4</TD></TR>
<TR><TD>3</TD><TD>32K</TD><TD>0</TD><TD PORT="o3" ALIGN="RIGHT">0</TD></TR>
<TR><TD>4</TD><TD>64K</TD><TD BGCOLOR="#b8e6a7">1</TD><TD PORT="o4" ALIGN="RIGHT">16</TD></TR>
<TR><TD>5</TD><TD>128K</TD><TD BGCOLOR="#b8e6a7">1</TD><TD PORT="o5" ALIGN="RIGHT">32</TD></TR>
<TR><TD>6</TD><TD>256K</TD><TD BGCOLOR="#b8e6a7">1</TD><TD PORT="o6" ALIGN="RIGHT">64</TD></TR>
<TR><TD>7</TD><TD>512K</TD><TD>0</TD><TD PORT="o7" ALIGN="RIGHT">0</TD></TR>
<TR><TD>8</TD><TD>1M</TD><TD BGCOLOR="#b8e6a7">1</TD><TD PORT="o8" ALIGN="RIGHT">256</TD></TR>
<TR><TD>9</TD><TD>2M</TD><TD BGCOLOR="#b8e6a7">1</TD><TD PORT="o9" ALIGN="RIGHT">512</TD></TR>
<TR><TD>10</TD><TD>4M</TD><TD BGCOLOR="#b8e6a7">9</TD><TD PORT="o10" ALIGN="RIGHT">9,216</TD></TR>
<TR><TD COLSPAN="4" ALIGN="LEFT"><FONT POINT-SIZE="14">per-CPU lists (order 0, not in free_area): cpu0 0</FONT></TD></TR>
</TABLE>>];
		free_list_3f09 [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#b8e6a7" BORDER="1" PORT="head">0x3f09</TD></TR></TABLE>>];
		free_area_1000:o0:e -> free_list_3f09:head:w;
		free_list_3f0a [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#b8e6a7" BORDER="1" PORT="head">0x3f0a-0x3f0b</TD></TR></TABLE>>];
		free_area_1000:o1:e -> free_list_3f0a:head:w;
		free_list_3f0c [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#b8e6a7" BORDER="1" PORT="head">0x3f0c-0x3f0f</TD></TR></TABLE>>];
		free_area_1000:o2:e -> free_list_3f0c:head:w;
		free_list_3f10 [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#b8e6a7" BORDER="1" PORT="head">0x3f10-0x3f1f</TD></TR></TABLE>>];
		free_area_1000:o4:e -> free_list_3f10:head:w;
		free_list_3f20 [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#b8e6a7" BORDER="1" PORT="head">0x3f20-0x3f3f</TD></TR></TABLE>>];
		free_area_1000:o5:e -> free_list_3f20:head:w;
		free_list_3f40 [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#b8e6a7" BORDER="1" PORT="head">0x3f40-0x3f7f</TD></TR></TABLE>>];
		free_area_1000:o6:e -> free_list_3f40:head:w;
		free_list_3e00 [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#b8e6a7" BORDER="1" PORT="head">0x3e00-0x3eff</TD></TR></TABLE>>];
		free_area_1000:o8:e -> free_list_3e00:head:w;
		free_list_3c00 [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#b8e6a7" BORDER="1" PORT="head">0x3c00-0x3dff</TD></TR></TABLE>>];
		free_area_1000:o9:e -> free_list_3c00:head:w;
		free_list_1800 [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#b8e6a7" BORDER="1" PORT="head">0x1800-0x1bff</TD><TD>&#8594;</TD><TD BGCOLOR="#b8e6a7" BORDER="1">0x1c00-0x1fff</TD><TD>&#8594;</TD><TD BGCOLOR="#b8e6a7" BORDER="1">0x2000-0x23ff</TD><TD>&#8594;</TD><TD BGCOLOR="#b8e6a7" BORDER="1">0x2400-0x27ff</TD><TD>&#8594;</TD><TD><I>... 4 more ...</I></TD><TD>&#8594;</TD><TD BGCOLOR="#b8e6a7" BORDER="1">0x3800-0x3bff</TD></TR></TABLE>>];
		free_area_1000:o10:e -> free_list_1800:head:w;
	}
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Legend</B></TD></TR>
<TR><TD BGCOLOR="#b8e6a7" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">free block</TD><TD ALIGN="RIGHT">first pfn-last pfn</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">nr_free counts blocks of 2^order pages;<BR/>each list starts at its head, the block taken next.</FONT></TD></TR>
</TABLE>>];
	zones [shape=point, style=invis, width=0, height=0, ordering=out];
	zones -> free_area_1000 [style=invis];
	zones -> legend [style=invis];
}

# x86_64 with 64 MiB has DMA and DMA32 only.
$ machine arch=x86_64 ram=64M
machine: x86_64, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 47104K/65144K available (16384K kernel code+data, 1024K mem_map, 632K firmware, 18040K reserved, 0K highmem)
$ dot phys node=0
digraph phys {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=TB,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Physical memory: x86_64, 64M RAM, 1 node</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	node0 [label=<<TABLE BORDER="2" STYLE="ROUNDED" COLOR="#606060" CELLBORDER="0" CELLSPACING="5" CELLPADDING="2">
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="22"><B>Node 0</B></FONT>   pfn 0x1-0x3fff   4K-64M (64M)</TD></TR>
<TR><TD HEIGHT="6"></TD></TR>
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="20" COLOR="#e6550d"><B>DMA</B></FONT>   pfn 0x1-0xfff   4K-16M (16M)</TD></TR>
<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#bdbdbd">reserved<BR/><B>632K</B><BR/><FONT POINT-SIZE="12">pfn 0x1</FONT></TD><TD BGCOLOR="#f2f2f2">hole<BR/><B>388K</B><BR/><FONT POINT-SIZE="12">pfn 0x9f</FONT></TD><TD BGCOLOR="#b8e6a7">free<BR/><B>15M</B><BR/><FONT POINT-SIZE="12">pfn 0x100</FONT></TD></TR></TABLE></TD></TR>
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="14">free 3,840 (15M) &#183; reserved 158 (632K) &#183; hole 97 (388K)</FONT></TD></TR>
<TR><TD HEIGHT="6"></TD></TR>
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="20" COLOR="#d4a017"><B>DMA32</B></FONT>   pfn 0x1000-0x3fff   16M-64M (48M)</TD></TR>
<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#bdbdbd">reserved<BR/><B>16M</B><BR/><FONT POINT-SIZE="12">pfn 0x1000</FONT></TD><TD BGCOLOR="#b8e6a7">free<BR/><B>31M</B><BR/><FONT POINT-SIZE="12">pfn 0x2000</FONT></TD><TD BGCOLOR="#bdbdbd">reserved<BR/><B>1M</B><BR/><FONT POINT-SIZE="12">pfn 0x3f00</FONT></TD></TR></TABLE></TD></TR>
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="14">free 7,936 (31M) &#183; reserved 4,352 (17M)</FONT></TD></TR>
</TABLE>>];
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Frames by owner</B></TD></TR>
<TR><TD BGCOLOR="#b8e6a7" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">free</TD><TD ALIGN="RIGHT">11,776 pages (46M)</TD></TR>
<TR><TD BGCOLOR="#bdbdbd" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">reserved</TD><TD ALIGN="RIGHT">4,510 pages (17.6M)</TD></TR>
<TR><TD BGCOLOR="#f2f2f2" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">hole</TD><TD ALIGN="RIGHT">97 pages (388K)</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">A cell is a run of frames of one owner, low addresses first.</FONT></TD></TR>
</TABLE>>];
	{ rank=same; node0; legend; }
}

# A process: its address space and page tables.  After fork and a write,
# the parent's page is a private copy and the child's PTEs are read-only
# (copy-on-write); shared frames are "mapped 2x".
$ dot aspace
! error: dot: there is no process (start one with exec)
$ machine ram=64M
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
$ exec app libs=libc,ld.so bss=8K
pid 1 (app) is now current: 8 VMAs, pgd at pfn 0x3f0b
$ touch 0x08048000
touched 1 page (read): 0 minor faults, 1 major
$ touch 0xbfffe000 8K w
touched 2 pages (write): 2 minor faults, 0 major
$ malloc 100
0x0804d008  (brk heap: brk 0x0804d000 -> 0x0806e000)
$ touch 0x0804d000 16K w
touched 4 pages (write): 4 minor faults, 0 major
$ dot aspace
digraph aspace {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Address space of pid 1 (app), i386</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	mm [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6">
<TR><TD COLSPAN="3" ALIGN="LEFT">mm_struct: 8 VMAs, total_vm 501 pages, RSS 7 pages (anon 6, file 1), CR3 = pfn 0x3f0b</TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xffffffff<BR/>0xc0000000</FONT></TD><TD COLSPAN="2" BGCOLOR="#bdbdbd"><B>kernel space</B> 1G<BR/><FONT POINT-SIZE="13">the same in every process; user access faults</FONT></TD></TR>
<TR><TD COLSPAN="3" BGCOLOR="#333333"><FONT COLOR="white"><B>user/kernel split: TASK_SIZE = 0xc0000000</B></FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xbfffffff<BR/>0xbffdf000</FONT></TD><TD BGCOLOR="#92c5de"><B>[stack]</B></TD><TD BGCOLOR="#92c5de" ALIGN="LEFT" BALIGN="LEFT">rw-p  132K<BR/><FONT POINT-SIZE="13">resident 2</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xbffdefff<BR/>0xb8000000</FONT></TD><TD COLSPAN="2" BGCOLOR="#ffffff"><FONT COLOR="#606060"><I>unmapped 128M</I></FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xb7ffffff<BR/>0xb7ffd000</FONT></TD><TD BGCOLOR="#fddbc7"><B>/lib/ld-linux.so.2</B></TD><TD BGCOLOR="#fddbc7" ALIGN="LEFT" BALIGN="LEFT">rw-p  12K<BR/><FONT POINT-SIZE="13">resident 0</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xb7ffcfff<BR/>0xb7fd7000</FONT></TD><TD BGCOLOR="#f4a582"><B>/lib/ld-linux.so.2</B></TD><TD BGCOLOR="#f4a582" ALIGN="LEFT" BALIGN="LEFT">r-xp  152K<BR/><FONT POINT-SIZE="13">resident 0</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xb7fd6fff<BR/>0xb7fd2000</FONT></TD><TD BGCOLOR="#fddbc7"><B>/lib/i386-linux-gnu/libc.so.6</B></TD><TD BGCOLOR="#fddbc7" ALIGN="LEFT" BALIGN="LEFT">rw-p  20K<BR/><FONT POINT-SIZE="13">resident 0</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xb7fd1fff<BR/>0xb7e52000</FONT></TD><TD BGCOLOR="#f4a582"><B>/lib/i386-linux-gnu/libc.so.6</B></TD><TD BGCOLOR="#f4a582" ALIGN="LEFT" BALIGN="LEFT">r-xp  1.5M<BR/><FONT POINT-SIZE="13">resident 0</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xb7e51fff<BR/>0x0806e000</FONT></TD><TD COLSPAN="2" BGCOLOR="#ffffff"><FONT COLOR="#606060"><I>unmapped 2.7G</I></FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0x0806dfff<BR/>0x0804b000</FONT></TD><TD BGCOLOR="#fee08b"><B>[heap]</B></TD><TD BGCOLOR="#fee08b" ALIGN="LEFT" BALIGN="LEFT">rw-p  140K<BR/><FONT POINT-SIZE="13">resident 4</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0x0804afff<BR/>0x0804a000</FONT></TD><TD BGCOLOR="#fddbc7"><B>/usr/bin/app</B></TD><TD BGCOLOR="#fddbc7" ALIGN="LEFT" BALIGN="LEFT">rw-p  4K<BR/><FONT POINT-SIZE="13">resident 0</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0x08049fff<BR/>0x08048000</FONT></TD><TD BGCOLOR="#f4a582"><B>/usr/bin/app</B></TD><TD BGCOLOR="#f4a582" ALIGN="LEFT" BALIGN="LEFT">r-xp  8K<BR/><FONT POINT-SIZE="13">resident 1</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0x08047fff<BR/>0x00000000</FONT></TD><TD COLSPAN="2" BGCOLOR="#ffffff"><FONT COLOR="#606060"><I>unmapped 128M</I></FONT></TD></TR>
</TABLE>>];
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>VMAs</B></TD></TR>
<TR><TD BGCOLOR="#f4a582" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">code</TD><TD ALIGN="RIGHT"></TD></TR>
<TR><TD BGCOLOR="#fddbc7" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">data</TD><TD ALIGN="RIGHT"></TD></TR>
<TR><TD BGCOLOR="#fee08b" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">heap</TD><TD ALIGN="RIGHT"></TD></TR>
<TR><TD BGCOLOR="#92c5de" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">stack</TD><TD ALIGN="RIGHT"></TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">resident: pages with a present PTE;<BR/>swapped: PTEs holding a swap entry.</FONT></TD></TR>
</TABLE>>];
	mm -> legend [style=invis];
}
$ dot pagetable addr=0x0804e123
digraph pagetable {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Page tables of pid 1 (app), i386, 2 levels</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	task [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD PORT="cr3">pid 1 (app)<BR/>CR3 = pfn 0x3f0b</TD></TR><TR><TD BGCOLOR="#ffe066">walk of 0x0804e123<BR/>pgd[32] pte[78] + 0x123<BR/>= pfn 0x3f1c, phys 0x3f1c123</TD></TR></TABLE>>];
	task:cr3:e -> pt_3f0b:h:w [color="#d62728", penwidth=3];
	pt_3f0b [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pgd</B> at pfn 0x3f0b<BR/><FONT POINT-SIZE="13">maps 0x00000000-0xffffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">[32]</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">pte table, pfn 0x3f16</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2" PORT="e0">P RW US A D</TD></TR>
<TR><TD ALIGN="RIGHT">[767]</TD><TD ALIGN="LEFT">pte table, pfn 0x3f18</TD><TD ALIGN="LEFT" PORT="e1">P RW US A D</TD></TR>
<TR><TD ALIGN="RIGHT">[768-1023]</TD><TD COLSPAN="2" BGCOLOR="#bdbdbd">kernel: 16 entries, shared with swapper_pg_dir</TD></TR>
</TABLE>>];
	pt_3f16 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pte</B> at pfn 0x3f16<BR/><FONT POINT-SIZE="13">maps 0x08000000-0x083fffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT">[72]</TD><TD ALIGN="LEFT">pfn 0x3f17</TD><TD ALIGN="LEFT" PORT="e0">P US A</TD></TR>
<TR><TD ALIGN="RIGHT">[77]</TD><TD ALIGN="LEFT">pfn 0x3f1b</TD><TD ALIGN="LEFT" PORT="e1">P RW US A D</TD></TR>
<TR><TD ALIGN="RIGHT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">[78]</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">pfn 0x3f1c</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2" PORT="e2">P RW US A D</TD></TR>
<TR><TD ALIGN="RIGHT">[79-80]</TD><TD ALIGN="LEFT">pfn 0x3f1d-0x3f1e</TD><TD ALIGN="LEFT" PORT="e3">P RW US A D</TD></TR>
</TABLE>>];
	pt_3f18 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pte</B> at pfn 0x3f18<BR/><FONT POINT-SIZE="13">maps 0xbfc00000-0xbfffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT">[1022-1023]</TD><TD ALIGN="LEFT">pfn 0x3f19-0x3f1a</TD><TD ALIGN="LEFT" PORT="e0">P RW US A D</TD></TR>
</TABLE>>];
	pt_3f0b:e0:e -> pt_3f16:h:w [color="#d62728", penwidth=3];
	pt_3f0b:e1:e -> pt_3f18:h:w;
	frame_3f17 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">pfn 0x3f17<BR/><FONT POINT-SIZE="13">Normal file lru</FONT></TD></TR></TABLE>>];
	pt_3f16:e0:e -> frame_3f17;
	frame_3f1b [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">pfn 0x3f1b<BR/><FONT POINT-SIZE="13">Normal lru swapbacked anon</FONT></TD></TR></TABLE>>];
	pt_3f16:e1:e -> frame_3f1b;
	frame_3f1c [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">pfn 0x3f1c<BR/><FONT POINT-SIZE="13">Normal lru swapbacked anon</FONT></TD></TR></TABLE>>];
	pt_3f16:e2:e -> frame_3f1c [color="#d62728", penwidth=3];
	frame_3f1d [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">2 frames<BR/>pfn 0x3f1d<BR/><FONT POINT-SIZE="13">Normal lru swapbacked anon</FONT></TD></TR></TABLE>>];
	pt_3f16:e3:e -> frame_3f1d;
	frame_3f19 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">2 frames<BR/>pfn 0x3f19<BR/><FONT POINT-SIZE="13">Normal lru swapbacked anon</FONT></TD></TR></TABLE>>];
	pt_3f18:e0:e -> frame_3f19;
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Page tables</B></TD></TR>
<TR><TD BGCOLOR="#c9a0dc" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">page table</TD><TD ALIGN="RIGHT">a frame of entries</TD></TR>
<TR><TD BGCOLOR="#fdae6b" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">user</TD><TD ALIGN="RIGHT">anonymous or file page</TD></TR>
<TR><TD BGCOLOR="#ffe066" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">walk of addr=</TD><TD ALIGN="RIGHT">red path</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">Rows are the entries in use: present ones with their bits,<BR/>and swap entries (not present) with their slot; entries mapping<BR/>consecutive frames with the same bits, or naming consecutive<BR/>slots of one swap area, are one row.</FONT></TD></TR>
</TABLE>>];
}
$ fork
pid 2 (app): child of pid 1, 6 pages shared copy-on-write
$ touch 0x0804d000 4K w
touched 1 page (write): 1 minor fault, 0 major
$ dot pagetable 2 addr=0x0804d000
digraph pagetable {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Page tables of pid 2 (app), i386, 2 levels</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	task [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD PORT="cr3">pid 2 (app)<BR/>CR3 = pfn 0x3f1f</TD></TR><TR><TD BGCOLOR="#ffe066">walk of 0x0804d000<BR/>pgd[32] pte[77] + 0x0<BR/>= pfn 0x3f1b, phys 0x3f1b000</TD></TR></TABLE>>];
	task:cr3:e -> pt_3f1f:h:w [color="#d62728", penwidth=3];
	pt_3f1f [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pgd</B> at pfn 0x3f1f<BR/><FONT POINT-SIZE="13">maps 0x00000000-0xffffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">[32]</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">pte table, pfn 0x3f20</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2" PORT="e0">P RW US A D</TD></TR>
<TR><TD ALIGN="RIGHT">[767]</TD><TD ALIGN="LEFT">pte table, pfn 0x3f21</TD><TD ALIGN="LEFT" PORT="e1">P RW US A D</TD></TR>
<TR><TD ALIGN="RIGHT">[768-1023]</TD><TD COLSPAN="2" BGCOLOR="#bdbdbd">kernel: 16 entries, shared with swapper_pg_dir</TD></TR>
</TABLE>>];
	pt_3f20 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pte</B> at pfn 0x3f20<BR/><FONT POINT-SIZE="13">maps 0x08000000-0x083fffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">[77]</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">pfn 0x3f1b</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2" PORT="e0">P US D</TD></TR>
<TR><TD ALIGN="RIGHT">[78-80]</TD><TD ALIGN="LEFT">pfn 0x3f1c-0x3f1e</TD><TD ALIGN="LEFT" PORT="e1">P US D</TD></TR>
</TABLE>>];
	pt_3f21 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pte</B> at pfn 0x3f21<BR/><FONT POINT-SIZE="13">maps 0xbfc00000-0xbfffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT">[1022-1023]</TD><TD ALIGN="LEFT">pfn 0x3f19-0x3f1a</TD><TD ALIGN="LEFT" PORT="e0">P US D</TD></TR>
</TABLE>>];
	pt_3f1f:e0:e -> pt_3f20:h:w [color="#d62728", penwidth=3];
	pt_3f1f:e1:e -> pt_3f21:h:w;
	frame_3f1b [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">pfn 0x3f1b<BR/><FONT POINT-SIZE="13">Normal lru swapbacked anon</FONT></TD></TR></TABLE>>];
	pt_3f20:e0:e -> frame_3f1b [color="#d62728", penwidth=3];
	frame_3f1c [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">3 frames<BR/>pfn 0x3f1c<BR/><FONT POINT-SIZE="13">Normal lru swapbacked anon mapped 2&#215;</FONT></TD></TR></TABLE>>];
	pt_3f20:e1:e -> frame_3f1c;
	frame_3f19 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">2 frames<BR/>pfn 0x3f19<BR/><FONT POINT-SIZE="13">Normal lru swapbacked anon mapped 2&#215;</FONT></TD></TR></TABLE>>];
	pt_3f21:e0:e -> frame_3f19;
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Page tables</B></TD></TR>
<TR><TD BGCOLOR="#c9a0dc" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">page table</TD><TD ALIGN="RIGHT">a frame of entries</TD></TR>
<TR><TD BGCOLOR="#fdae6b" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">user</TD><TD ALIGN="RIGHT">anonymous or file page</TD></TR>
<TR><TD BGCOLOR="#ffe066" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">walk of addr=</TD><TD ALIGN="RIGHT">red path</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">Rows are the entries in use: present ones with their bits,<BR/>and swap entries (not present) with their slot; entries mapping<BR/>consecutive frames with the same bits, or naming consecutive<BR/>slots of one swap area, are one row.</FONT></TD></TR>
</TABLE>>];
}

# x86_64: four levels, each table found through the one above.  Reading
# fresh anonymous memory maps the shared zero page: one row, 16 times.
$ machine arch=x86_64 ram=64M
machine: x86_64, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 47104K/65144K available (16384K kernel code+data, 1024K mem_map, 632K firmware, 18040K reserved, 0K highmem)
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x3e0e
$ touch 0x400000
touched 1 page (read): 0 minor faults, 1 major
$ mmap 64K
0x00007ffff7fef000
$ touch 0x7ffff7fef000 64K
touched 16 pages (read): 16 minor faults, 0 major
$ dot pagetable addr=0x400abc
digraph pagetable {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Page tables of pid 1 (app), x86_64, 4 levels</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	task [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD PORT="cr3">pid 1 (app)<BR/>CR3 = pfn 0x3e0e</TD></TR><TR><TD BGCOLOR="#ffe066">walk of 0x0000000000400abc<BR/>pgd[0] pud[0] pmd[2] pte[0] + 0xabc<BR/>= pfn 0x3e20, phys 0x3e20abc</TD></TR></TABLE>>];
	task:cr3:e -> pt_3e0e:h:w [color="#d62728", penwidth=3];
	pt_3e0e [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pgd</B> at pfn 0x3e0e<BR/><FONT POINT-SIZE="13">maps 0x0000000000000000-0xffffffffffffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">[0]</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">pud table, pfn 0x3e1d</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2" PORT="e0">P RW US A D</TD></TR>
<TR><TD ALIGN="RIGHT">[255]</TD><TD ALIGN="LEFT">pud table, pfn 0x3e21</TD><TD ALIGN="LEFT" PORT="e1">P RW US A D</TD></TR>
<TR><TD ALIGN="RIGHT">[256-511]</TD><TD COLSPAN="2" BGCOLOR="#bdbdbd">kernel: 1 entry, shared with swapper_pg_dir</TD></TR>
</TABLE>>];
	pt_3e1d [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pud</B> at pfn 0x3e1d<BR/><FONT POINT-SIZE="13">maps 0x0000000000000000-0x0000007fffffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">[0]</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">pmd table, pfn 0x3e1e</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2" PORT="e0">P RW US A D</TD></TR>
</TABLE>>];
	pt_3e21 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pud</B> at pfn 0x3e21<BR/><FONT POINT-SIZE="13">maps 0x00007f8000000000-0x00007fffffffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT">[511]</TD><TD ALIGN="LEFT">pmd table, pfn 0x3e22</TD><TD ALIGN="LEFT" PORT="e0">P RW US A D</TD></TR>
</TABLE>>];
	pt_3e1e [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pmd</B> at pfn 0x3e1e<BR/><FONT POINT-SIZE="13">maps 0x0000000000000000-0x000000003fffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">[2]</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">pte table, pfn 0x3e1f</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2" PORT="e0">P RW US A D</TD></TR>
</TABLE>>];
	pt_3e22 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pmd</B> at pfn 0x3e22<BR/><FONT POINT-SIZE="13">maps 0x00007fffc0000000-0x00007fffffffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT">[447]</TD><TD ALIGN="LEFT">pte table, pfn 0x3e23</TD><TD ALIGN="LEFT" PORT="e0">P RW US A D</TD></TR>
</TABLE>>];
	pt_3e1f [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pte</B> at pfn 0x3e1f<BR/><FONT POINT-SIZE="13">maps 0x0000000000400000-0x00000000005fffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">[0]</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">pfn 0x3e20</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2" PORT="e0">P US A</TD></TR>
</TABLE>>];
	pt_3e23 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pte</B> at pfn 0x3e23<BR/><FONT POINT-SIZE="13">maps 0x00007ffff7e00000-0x00007ffff7ffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT">[495-510]</TD><TD ALIGN="LEFT">pfn 0x1ffb, 16 times</TD><TD ALIGN="LEFT" PORT="e0">P US A NX</TD></TR>
</TABLE>>];
	pt_3e0e:e0:e -> pt_3e1d:h:w [color="#d62728", penwidth=3];
	pt_3e0e:e1:e -> pt_3e21:h:w;
	pt_3e1d:e0:e -> pt_3e1e:h:w [color="#d62728", penwidth=3];
	pt_3e21:e0:e -> pt_3e22:h:w;
	pt_3e1e:e0:e -> pt_3e1f:h:w [color="#d62728", penwidth=3];
	pt_3e22:e0:e -> pt_3e23:h:w;
	frame_3e20 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">pfn 0x3e20<BR/><FONT POINT-SIZE="13">DMA32 file lru</FONT></TD></TR></TABLE>>];
	pt_3e1f:e0:e -> frame_3e20 [color="#d62728", penwidth=3];
	frame_1ffb [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#bdbdbd">pfn 0x1ffb<BR/><FONT POINT-SIZE="13">DMA32 reserved zero</FONT></TD></TR></TABLE>>];
	pt_3e23:e0:e -> frame_1ffb;
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Page tables</B></TD></TR>
<TR><TD BGCOLOR="#c9a0dc" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">page table</TD><TD ALIGN="RIGHT">a frame of entries</TD></TR>
<TR><TD BGCOLOR="#fdae6b" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">user</TD><TD ALIGN="RIGHT">anonymous or file page</TD></TR>
<TR><TD BGCOLOR="#bdbdbd" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">reserved</TD><TD ALIGN="RIGHT">e.g. the zero page</TD></TR>
<TR><TD BGCOLOR="#ffe066" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">walk of addr=</TD><TD ALIGN="RIGHT">red path</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">Rows are the entries in use: present ones with their bits,<BR/>and swap entries (not present) with their slot; entries mapping<BR/>consecutive frames with the same bits, or naming consecutive<BR/>slots of one swap area, are one row.</FONT></TD></TR>
</TABLE>>];
}

# A slab cache: the CPU slab, two partial slabs and a full one, and the
# overview of every cache with slabs.
$ machine ram=64M
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
$ kmem_cache_create foo 500
foo: object_size 500, size 504, align 8, free pointer at offset 248; order 0 (1 page), 8 objects per slab, 64 bytes left over, min_partial 5
$ kmem_cache_alloc foo
0xc3f00000: foo, object 0 of slab pfn 0x3f00
$ kmem_cache_alloc foo
0xc3f001f8: foo, object 1 of slab pfn 0x3f00
$ kmem_cache_alloc foo
0xc3f003f0: foo, object 2 of slab pfn 0x3f00
$ kmem_cache_alloc foo
0xc3f005e8: foo, object 3 of slab pfn 0x3f00
$ kmem_cache_alloc foo
0xc3f007e0: foo, object 4 of slab pfn 0x3f00
$ kmem_cache_alloc foo
0xc3f009d8: foo, object 5 of slab pfn 0x3f00
$ kmem_cache_alloc foo
0xc3f00bd0: foo, object 6 of slab pfn 0x3f00
$ kmem_cache_alloc foo
0xc3f00dc8: foo, object 7 of slab pfn 0x3f00
$ kmem_cache_alloc foo
0xc3f01000: foo, object 0 of slab pfn 0x3f01
$ kmem_cache_alloc foo
0xc3f011f8: foo, object 1 of slab pfn 0x3f01
$ kmem_cache_alloc foo
0xc3f013f0: foo, object 2 of slab pfn 0x3f01
$ kmem_cache_alloc foo
0xc3f015e8: foo, object 3 of slab pfn 0x3f01
$ kmem_cache_alloc foo
0xc3f017e0: foo, object 4 of slab pfn 0x3f01
$ kmem_cache_alloc foo
0xc3f019d8: foo, object 5 of slab pfn 0x3f01
$ kmem_cache_alloc foo
0xc3f01bd0: foo, object 6 of slab pfn 0x3f01
$ kmem_cache_alloc foo
0xc3f01dc8: foo, object 7 of slab pfn 0x3f01
$ kmem_cache_alloc foo
0xc3f02000: foo, object 0 of slab pfn 0x3f02
$ kmem_cache_alloc foo
0xc3f021f8: foo, object 1 of slab pfn 0x3f02
$ kmem_cache_alloc foo
0xc3f023f0: foo, object 2 of slab pfn 0x3f02
$ kmem_cache_alloc foo
0xc3f025e8: foo, object 3 of slab pfn 0x3f02
$ kmem_cache_alloc foo
0xc3f027e0: foo, object 4 of slab pfn 0x3f02
$ kmem_cache_alloc foo
0xc3f029d8: foo, object 5 of slab pfn 0x3f02
$ kmem_cache_alloc foo
0xc3f02bd0: foo, object 6 of slab pfn 0x3f02
$ kmem_cache_alloc foo
0xc3f02dc8: foo, object 7 of slab pfn 0x3f02
$ kmem_cache_alloc foo
0xc3f03000: foo, object 0 of slab pfn 0x3f03
$ kmem_cache_alloc foo
0xc3f031f8: foo, object 1 of slab pfn 0x3f03
$ kmem_cache_alloc foo
0xc3f033f0: foo, object 2 of slab pfn 0x3f03
$ kmem_cache_alloc foo
0xc3f035e8: foo, object 3 of slab pfn 0x3f03
$ kmem_cache_free foo 0xc3f001f8
$ kmem_cache_free foo 0xc3f005e8
$ kmem_cache_free foo 0xc3f01000
$ dot slab foo
digraph slab {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Slab cache foo (SLUB), i386</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	cache [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#fde68a"><B>kmem_cache foo</B></TD></TR>
<TR><TD ALIGN="LEFT" BALIGN="LEFT">object_size 500, size 504<BR/>order 0: 8 objects per slab<BR/>free pointer at offset 248<BR/>4 slabs; slabinfo: active_objs 29,<BR/>num_objs 32 (a CPU slab counts as active)</TD></TR></TABLE>>];
	cpu0 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#eeeeee">cpu 0: CPU slab<BR/>lockless freelist: 4 free</TD></TR></TABLE>>];
	cache -> cpu0 [style=dashed, arrowhead=none];
	slab_3f03 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4"><TR><TD ALIGN="LEFT" PORT="h"><B>slab</B> pfn 0x3f03</TD><TD ALIGN="RIGHT">cpu 0</TD></TR>
<TR><TD ALIGN="LEFT" COLSPAN="2"><FONT POINT-SIZE="13">4 of 8 in use, objects at 0xc3f03000</FONT></TD></TR>
<TR><TD COLSPAN="2" ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="2" CELLPADDING="0"><TR><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">0</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">1</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">2</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">3</FONT></TD><TD BGCOLOR="#dcf2d4" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">4</FONT></TD><TD BGCOLOR="#dcf2d4" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">5</FONT></TD><TD BGCOLOR="#dcf2d4" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">6</FONT></TD><TD BGCOLOR="#dcf2d4" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">7</FONT></TD></TR></TABLE></TD></TR>
</TABLE>>];
	cpu0 -> slab_3f03:h:w;
	partial0 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#eeeeee">node 0: partial list<BR/>2 slabs</TD></TR></TABLE>>];
	cache -> partial0 [style=dashed, arrowhead=none];
	slab_3f00 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4"><TR><TD ALIGN="LEFT" PORT="h"><B>slab</B> pfn 0x3f00</TD><TD ALIGN="RIGHT">partial</TD></TR>
<TR><TD ALIGN="LEFT" COLSPAN="2"><FONT POINT-SIZE="13">6 of 8 in use, objects at 0xc3f00000</FONT></TD></TR>
<TR><TD COLSPAN="2" ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="2" CELLPADDING="0"><TR><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">0</FONT></TD><TD BGCOLOR="#b8e6a7" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">1</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">2</FONT></TD><TD BGCOLOR="#b8e6a7" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">3</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">4</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">5</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">6</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">7</FONT></TD></TR></TABLE></TD></TR>
</TABLE>>];
	partial0 -> slab_3f00:h:w;
	slab_3f01 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4"><TR><TD ALIGN="LEFT" PORT="h"><B>slab</B> pfn 0x3f01</TD><TD ALIGN="RIGHT">partial</TD></TR>
<TR><TD ALIGN="LEFT" COLSPAN="2"><FONT POINT-SIZE="13">7 of 8 in use, objects at 0xc3f01000</FONT></TD></TR>
<TR><TD COLSPAN="2" ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="2" CELLPADDING="0"><TR><TD BGCOLOR="#b8e6a7" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">0</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">1</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">2</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">3</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">4</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">5</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">6</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">7</FONT></TD></TR></TABLE></TD></TR>
</TABLE>>];
	slab_3f00 -> slab_3f01:h:w;
	full [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#eeeeee">full slabs, on no list<BR/>1 slab</TD></TR></TABLE>>];
	cache -> full [style=dashed, arrowhead=none];
	slab_3f02 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4"><TR><TD ALIGN="LEFT" PORT="h"><B>slab</B> pfn 0x3f02</TD><TD ALIGN="RIGHT">full</TD></TR>
<TR><TD ALIGN="LEFT" COLSPAN="2"><FONT POINT-SIZE="13">8 of 8 in use, objects at 0xc3f02000</FONT></TD></TR>
<TR><TD COLSPAN="2" ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="2" CELLPADDING="0"><TR><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">0</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">1</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">2</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">3</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">4</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">5</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">6</FONT></TD><TD BGCOLOR="#fde68a" FIXEDSIZE="TRUE" WIDTH="24" HEIGHT="22"><FONT POINT-SIZE="12">7</FONT></TD></TR></TABLE></TD></TR>
</TABLE>>];
	full -> slab_3f02:h:w;
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Objects</B></TD></TR>
<TR><TD BGCOLOR="#fde68a" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">in use</TD><TD ALIGN="RIGHT">allocated object</TD></TR>
<TR><TD BGCOLOR="#b8e6a7" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">free</TD><TD ALIGN="RIGHT">on the slab&#39;s freelist</TD></TR>
<TR><TD BGCOLOR="#dcf2d4" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">free</TD><TD ALIGN="RIGHT">on the CPU&#39;s freelist</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">Full slabs are on no list in SLUB:<BR/>they are found by their frames (PG_slab).</FONT></TD></TR>
</TABLE>>];
}
$ dot slab
digraph slab {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Slab caches with slabs (SLUB)</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	caches [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD><B>cache</B></TD><TD><B>active_objs / num_objs</B></TD><TD><B>size</B></TD><TD><B>slabs</B></TD><TD><B>pages</B></TD></TR>
<TR><TD ALIGN="LEFT" BGCOLOR="#fde68a">foo</TD><TD ALIGN="RIGHT">29 / 32</TD><TD ALIGN="RIGHT">504</TD><TD ALIGN="RIGHT">4</TD><TD ALIGN="RIGHT">4</TD></TR>
<TR><TD COLSPAN="5" ALIGN="LEFT">24 caches without slabs; `dot slab NAME` draws one cache</TD></TR></TABLE>>];
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Caches</B></TD></TR>
<TR><TD BGCOLOR="#fde68a" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">slab cache</TD><TD ALIGN="RIGHT">its frames are PG_slab</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">Columns as /proc/slabinfo counts them:<BR/>objects in use (a CPU slab counts as active) of all objects,<BR/>the object size with metadata, slabs, and their pages.</FONT></TD></TR>
</TABLE>>];
	caches -> legend [style=invis];
}

# Errors: one line each, nothing printed before it.
$ dot phys extra
! error: dot: phys takes no argument 'extra' (usage: dot phys [node=N] [zone=NAME])
$ dot phys a.svg b.png
! error: dot: two files given: 'a.svg' and 'b.png'
$ dot bogus
! error: dot: unknown diagram 'bogus' (diagrams: phys, buddy, aspace, pagetable, slab, vmalloc, layout, tlb, shared)
$ dot phys zone=DMA32
! error: dot: i386 has no zone 'DMA32' (zones: DMA, Normal, HighMem)
$ dot buddy zone=HighMem
! error: dot: zone HighMem is empty on this machine (64 MiB of RAM)
$ dot phys zone=Movable
! error: dot: i386 has no zone 'Movable' (zones: DMA, Normal, HighMem)
$ dot phys node=1
! error: dot: node 1 does not exist (nodes 0..0)
$ dot phys node=x
! error: dot: node=x is not a number
$ dot phys node=-1
! error: dot: node=-1 is not a valid node (negative)
$ dot buddy color=red
! error: dot: unknown option 'color' (options: node, zone, addr, cpu, title)
$ dot phys /nonexistent/dir/x.dot
! error: dot: cannot write /nonexistent/dir/x.dot: No such file or directory
# FILE.svg is written as FILE.dot first; the error names the file given.
$ dot phys /nonexistent/dir/x.svg
! error: dot: cannot write /nonexistent/dir/x.svg: No such file or directory
$ machine arch=x86_64 ram=64M
machine: x86_64, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 47104K/65144K available (16384K kernel code+data, 1024K mem_map, 632K firmware, 18040K reserved, 0K highmem)
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x3e0e
$ dot aspace 9
! error: dot: no process with pid 9
$ dot aspace x
! error: dot: PID 'x' is not a number
$ dot aspace -1
! error: dot: PID '-1' is not a valid pid (negative)
$ dot pagetable -1
! error: dot: PID '-1' is not a valid pid (negative)
$ dot aspace 1 2
! error: dot: aspace takes no argument '2' (usage: dot aspace [PID])
$ dot pagetable addr=0xffff800000000000
! error: dot: addr=0xffff800000000000 is not a user address (user space ends at 0x00007ffffffff000)
$ dot pagetable addr=zz
! error: dot: addr=zz is not an address
$ dot phys addr=1
! error: dot: phys takes no option 'addr' (usage: dot phys [node=N] [zone=NAME])
$ dot slab nosuch
! error: dot: no cache named 'nosuch' (slabinfo lists them)
# A word that looks like a file name ('/', or '.' before a letter) but is
# no FILE: the error says which names are, whatever the diagram.
$ dot buddy Buddy.txt
! error: dot: cannot write 'Buddy.txt': FILE must end in .dot, .gv, .svg, .png or .pdf
$ dot aspace out.txt
! error: dot: cannot write 'out.txt': FILE must end in .dot, .gv, .svg, .png or .pdf
$ dot pagetable 1 diagrams/walk
! error: dot: cannot write 'diagrams/walk': FILE must end in .dot, .gv, .svg, .png or .pdf
$ dot slab out.txt
! error: dot: cannot write 'out.txt': FILE must end in .dot, .gv, .svg, .png or .pdf
$ dot aspace 1 v2.0
! error: dot: aspace takes no argument 'v2.0' (usage: dot aspace [PID])
