#!/usr/bin/perl
# dot-swap.t - swap in the diagrams: golden DOT of swap-entry rows in
# `dot pagetable` (type and offset, runs of consecutive slots folded, the
# walk of a swapped-out address saying what `vtop` says), `swapped N` in
# `dot aspace`, and the swap-cache cells of `dot phys`.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Transcript;

run_transcript(\*DATA);

__DATA__
# A process writes 16 pages; four consecutive ones go out together and
# get slots 1-4, then two more one at a time, the higher address first,
# so that [1016] names slot 6 and [1017] slot 5: no run to fold there.
$ machine ram=64M swap=4M
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1, swap 4096K
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
Adding 4092k swap on /dev/sda2.  Priority:-2 extents:1 across:4092k SS
$ exec app; mmap 64K; touch 0xb7ff0000 64K w
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x3f0b
0xb7ff0000
touched 16 pages (write): 16 minor faults, 0 major
$ swapout 1 0xb7ff4000 16K; swapout 1 0xb7ff9000 4K; swapout 1 0xb7ff8000 4K
swapped out 4 pages: 4 written to swap
swapped out 1 page: 1 written to swap
swapped out 1 page: 1 written to swap
$ vtop 0xb7ff4123
0xb7ff4123 in pid 1 (app): i386, 2-level paging, CR3 0x03f0b000
  split    pgd 735 | pte 1012 | offset 0x123   (p4d, pud, pmd folded)
  pgd[735]  table 0x03f0b000  entry 0x03f16067  P RW US A D
  pte[1012] table 0x03f16000  entry 0x00000200  -
  stop     pte[1012] is not present: a swap entry, type 0 offset 1 (/dev/sda2 slot 1): the next access is a major fault that reads it back (do_swap_page)
# The walk stops at the swap entry and says what vtop says; [1013-1015]
# is one row of slots 2-4; the legend explains the swap rows.
$ dot pagetable addr=0xb7ff4123
digraph pagetable {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Page tables of pid 1 (app), i386, 2 levels</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	task [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD PORT="cr3">pid 1 (app)<BR/>CR3 = pfn 0x3f0b</TD></TR><TR><TD BGCOLOR="#ffe066">walk of 0xb7ff4123<BR/>pgd[735] pte[1012]<BR/>pte[1012] is not present: a swap entry,<BR/>type 0 offset 1 (/dev/sda2 slot 1): the<BR/>next access is a major fault that reads<BR/>it back (do_swap_page)</TD></TR></TABLE>>];
	task:cr3:e -> pt_3f0b:h:w [color="#d62728", penwidth=3];
	pt_3f0b [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pgd</B> at pfn 0x3f0b<BR/><FONT POINT-SIZE="13">maps 0x00000000-0xffffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">[735]</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">pte table, pfn 0x3f16</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2" PORT="e0">P RW US A D</TD></TR>
<TR><TD ALIGN="RIGHT">[768-1023]</TD><TD COLSPAN="2" BGCOLOR="#bdbdbd">kernel: 16 entries, shared with swapper_pg_dir</TD></TR>
</TABLE>>];
	pt_3f16 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pte</B> at pfn 0x3f16<BR/><FONT POINT-SIZE="13">maps 0xb7c00000-0xb7ffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT">[1008-1011]</TD><TD ALIGN="LEFT">pfn 0x3f17-0x3f1a</TD><TD ALIGN="LEFT" PORT="e0">P RW US A D</TD></TR>
<TR><TD ALIGN="RIGHT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">[1012]</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">swap entry: type 0, offset 1</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2" PORT="e1">not present</TD></TR>
<TR><TD ALIGN="RIGHT">[1013-1015]</TD><TD ALIGN="LEFT" BGCOLOR="#e6d2b5">swap entries: type 0, offsets 2-4</TD><TD ALIGN="LEFT" PORT="e2">not present</TD></TR>
<TR><TD ALIGN="RIGHT">[1016]</TD><TD ALIGN="LEFT" BGCOLOR="#e6d2b5">swap entry: type 0, offset 6</TD><TD ALIGN="LEFT" PORT="e3">not present</TD></TR>
<TR><TD ALIGN="RIGHT">[1017]</TD><TD ALIGN="LEFT" BGCOLOR="#e6d2b5">swap entry: type 0, offset 5</TD><TD ALIGN="LEFT" PORT="e4">not present</TD></TR>
<TR><TD ALIGN="RIGHT">[1018-1023]</TD><TD ALIGN="LEFT">pfn 0x3f21-0x3f26</TD><TD ALIGN="LEFT" PORT="e5">P RW US A D</TD></TR>
</TABLE>>];
	pt_3f0b:e0:e -> pt_3f16:h:w [color="#d62728", penwidth=3];
	frame_3f17 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">4 frames<BR/>pfn 0x3f17<BR/><FONT POINT-SIZE="13">Normal lru swapbacked anon</FONT></TD></TR></TABLE>>];
	pt_3f16:e0:e -> frame_3f17;
	frame_3f21 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">6 frames<BR/>pfn 0x3f21<BR/><FONT POINT-SIZE="13">Normal lru swapbacked anon</FONT></TD></TR></TABLE>>];
	pt_3f16:e5:e -> frame_3f21;
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Page tables</B></TD></TR>
<TR><TD BGCOLOR="#c9a0dc" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">page table</TD><TD ALIGN="RIGHT">a frame of entries</TD></TR>
<TR><TD BGCOLOR="#fdae6b" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">user</TD><TD ALIGN="RIGHT">anonymous or file page</TD></TR>
<TR><TD BGCOLOR="#e6d2b5" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">swap entry</TD><TD ALIGN="RIGHT">page swapped out: area (type), slot (offset)</TD></TR>
<TR><TD BGCOLOR="#ffe066" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">walk of addr=</TD><TD ALIGN="RIGHT">red path</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">Rows are the entries in use: present ones with their bits,<BR/>and swap entries (not present) with their slot; entries mapping<BR/>consecutive frames with the same bits, or naming consecutive<BR/>slots of one swap area, are one row.</FONT></TD></TR>
</TABLE>>];
}
# The mmap'ed VMA: 10 pages resident, 6 swapped.
$ dot aspace
digraph aspace {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Address space of pid 1 (app), i386</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	mm [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6">
<TR><TD COLSPAN="3" ALIGN="LEFT">mm_struct: 4 VMAs, total_vm 52 pages, RSS 10 pages (anon 10, file 0), CR3 = pfn 0x3f0b</TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xffffffff<BR/>0xc0000000</FONT></TD><TD COLSPAN="2" BGCOLOR="#bdbdbd"><B>kernel space</B> 1G<BR/><FONT POINT-SIZE="13">the same in every process; user access faults</FONT></TD></TR>
<TR><TD COLSPAN="3" BGCOLOR="#333333"><FONT COLOR="white"><B>user/kernel split: TASK_SIZE = 0xc0000000</B></FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xbfffffff<BR/>0xbffdf000</FONT></TD><TD BGCOLOR="#92c5de"><B>[stack]</B></TD><TD BGCOLOR="#92c5de" ALIGN="LEFT" BALIGN="LEFT">rw-p  132K<BR/><FONT POINT-SIZE="13">resident 0</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xbffdefff<BR/>0xb8000000</FONT></TD><TD COLSPAN="2" BGCOLOR="#ffffff"><FONT COLOR="#606060"><I>unmapped 128M</I></FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xb7ffffff<BR/>0xb7ff0000</FONT></TD><TD BGCOLOR="#fdae6b"><B>anonymous</B></TD><TD BGCOLOR="#fdae6b" ALIGN="LEFT" BALIGN="LEFT">rw-p  64K<BR/><FONT POINT-SIZE="13">resident 10, swapped 6</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xb7feffff<BR/>0x0804b000</FONT></TD><TD COLSPAN="2" BGCOLOR="#ffffff"><FONT COLOR="#606060"><I>unmapped 2.7G</I></FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0x0804afff<BR/>0x0804a000</FONT></TD><TD BGCOLOR="#fddbc7"><B>/usr/bin/app</B></TD><TD BGCOLOR="#fddbc7" ALIGN="LEFT" BALIGN="LEFT">rw-p  4K<BR/><FONT POINT-SIZE="13">resident 0</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0x08049fff<BR/>0x08048000</FONT></TD><TD BGCOLOR="#f4a582"><B>/usr/bin/app</B></TD><TD BGCOLOR="#f4a582" ALIGN="LEFT" BALIGN="LEFT">r-xp  8K<BR/><FONT POINT-SIZE="13">resident 0</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0x08047fff<BR/>0x00000000</FONT></TD><TD COLSPAN="2" BGCOLOR="#ffffff"><FONT COLOR="#606060"><I>unmapped 128M</I></FONT></TD></TR>
</TABLE>>];
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>VMAs</B></TD></TR>
<TR><TD BGCOLOR="#f4a582" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">code</TD><TD ALIGN="RIGHT"></TD></TR>
<TR><TD BGCOLOR="#fddbc7" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">data</TD><TD ALIGN="RIGHT"></TD></TR>
<TR><TD BGCOLOR="#92c5de" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">stack</TD><TD ALIGN="RIGHT"></TD></TR>
<TR><TD BGCOLOR="#fdae6b" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">anonymous</TD><TD ALIGN="RIGHT"></TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">resident: pages with a present PTE;<BR/>swapped: PTEs holding a swap entry.</FONT></TD></TR>
</TABLE>>];
	mm -> legend [style=invis];
}
# After fork the child reads one swapped page back: it is in the swap
# cache, mapped by the child, while the parent's PTE still holds the
# swap entry.  The parent's walk now ends in a minor fault.
$ fork; switch 2; touch 0xb7ff4000 4K r
pid 2 (app): child of pid 1, 10 pages shared copy-on-write
cpu 0: pid 1 (app) -> pid 2 (app), CR3 = 0x03f1f000 (TLB flushed but for global entries)
touched 1 page (read): 0 minor faults, 1 major
$ vtop 0xb7ff4123 pid=1
0xb7ff4123 in pid 1 (app): i386, 2-level paging, CR3 0x03f0b000
  split    pgd 735 | pte 1012 | offset 0x123   (p4d, pud, pmd folded)
  pgd[735]  table 0x03f0b000  entry 0x03f16067  P RW US A D
  pte[1012] table 0x03f16000  entry 0x00000200  -
  stop     pte[1012] is not present: a swap entry, type 0 offset 1 (/dev/sda2 slot 1): the page is still in the swap cache (pfn 0x3f1e), so the next access is a minor fault
$ dot pagetable 1 addr=0xb7ff4123
digraph pagetable {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Page tables of pid 1 (app), i386, 2 levels</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	task [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD PORT="cr3">pid 1 (app)<BR/>CR3 = pfn 0x3f0b</TD></TR><TR><TD BGCOLOR="#ffe066">walk of 0xb7ff4123<BR/>pgd[735] pte[1012]<BR/>pte[1012] is not present: a swap entry,<BR/>type 0 offset 1 (/dev/sda2 slot 1): the<BR/>page is still in the swap cache (pfn<BR/>0x3f1e), so the next access is a minor<BR/>fault</TD></TR></TABLE>>];
	task:cr3:e -> pt_3f0b:h:w [color="#d62728", penwidth=3];
	pt_3f0b [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pgd</B> at pfn 0x3f0b<BR/><FONT POINT-SIZE="13">maps 0x00000000-0xffffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">[735]</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">pte table, pfn 0x3f16</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2" PORT="e0">P RW US A D</TD></TR>
<TR><TD ALIGN="RIGHT">[768-1023]</TD><TD COLSPAN="2" BGCOLOR="#bdbdbd">kernel: 16 entries, shared with swapper_pg_dir</TD></TR>
</TABLE>>];
	pt_3f16 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD COLSPAN="3" BGCOLOR="#c9a0dc" PORT="h"><B>pte</B> at pfn 0x3f16<BR/><FONT POINT-SIZE="13">maps 0xb7c00000-0xb7ffffff</FONT></TD></TR>
<TR><TD ALIGN="RIGHT">[1008-1011]</TD><TD ALIGN="LEFT">pfn 0x3f17-0x3f1a</TD><TD ALIGN="LEFT" PORT="e0">P US A D</TD></TR>
<TR><TD ALIGN="RIGHT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">[1012]</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2">swap entry: type 0, offset 1</TD><TD ALIGN="LEFT" BGCOLOR="#ffe066" COLOR="#d62728" BORDER="2" PORT="e1">not present</TD></TR>
<TR><TD ALIGN="RIGHT">[1013-1015]</TD><TD ALIGN="LEFT" BGCOLOR="#e6d2b5">swap entries: type 0, offsets 2-4</TD><TD ALIGN="LEFT" PORT="e2">not present</TD></TR>
<TR><TD ALIGN="RIGHT">[1016]</TD><TD ALIGN="LEFT" BGCOLOR="#e6d2b5">swap entry: type 0, offset 6</TD><TD ALIGN="LEFT" PORT="e3">not present</TD></TR>
<TR><TD ALIGN="RIGHT">[1017]</TD><TD ALIGN="LEFT" BGCOLOR="#e6d2b5">swap entry: type 0, offset 5</TD><TD ALIGN="LEFT" PORT="e4">not present</TD></TR>
<TR><TD ALIGN="RIGHT">[1018-1023]</TD><TD ALIGN="LEFT">pfn 0x3f21-0x3f26</TD><TD ALIGN="LEFT" PORT="e5">P US A D</TD></TR>
</TABLE>>];
	pt_3f0b:e0:e -> pt_3f16:h:w [color="#d62728", penwidth=3];
	frame_3f17 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">4 frames<BR/>pfn 0x3f17<BR/><FONT POINT-SIZE="13">Normal lru swapbacked anon mapped 2&#215;</FONT></TD></TR></TABLE>>];
	pt_3f16:e0:e -> frame_3f17;
	frame_3f21 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5"><TR><TD BGCOLOR="#fdae6b">6 frames<BR/>pfn 0x3f21<BR/><FONT POINT-SIZE="13">Normal lru swapbacked anon mapped 2&#215;</FONT></TD></TR></TABLE>>];
	pt_3f16:e5:e -> frame_3f21;
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Page tables</B></TD></TR>
<TR><TD BGCOLOR="#c9a0dc" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">page table</TD><TD ALIGN="RIGHT">a frame of entries</TD></TR>
<TR><TD BGCOLOR="#fdae6b" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">user</TD><TD ALIGN="RIGHT">anonymous or file page</TD></TR>
<TR><TD BGCOLOR="#e6d2b5" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">swap entry</TD><TD ALIGN="RIGHT">page swapped out: area (type), slot (offset)</TD></TR>
<TR><TD BGCOLOR="#ffe066" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">walk of addr=</TD><TD ALIGN="RIGHT">red path</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">Rows are the entries in use: present ones with their bits,<BR/>and swap entries (not present) with their slot; entries mapping<BR/>consecutive frames with the same bits, or naming consecutive<BR/>slots of one swap area, are one row.</FONT></TD></TR>
</TABLE>>];
}
# In `dot phys` the page is a swap-cache cell of its own.
$ dot phys zone=Normal
digraph phys {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=TB,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Physical memory: i386, 64M RAM, 1 node</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	node0 [label=<<TABLE BORDER="2" STYLE="ROUNDED" COLOR="#606060" CELLBORDER="0" CELLSPACING="5" CELLPADDING="2">
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="22"><B>Node 0</B></FONT>   pfn 0x1-0x3fff   4K-64M (64M)</TD></TR>
<TR><TD HEIGHT="6"></TD></TR>
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="20" COLOR="#3182bd"><B>Normal</B></FONT>   pfn 0x1000-0x3fff   16M-64M (48M)</TD></TR>
<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#bdbdbd">reserved<BR/><B>8M</B><BR/><FONT POINT-SIZE="12">pfn 0x1000</FONT></TD><TD BGCOLOR="#b8e6a7">free<BR/><B>39M</B><BR/><FONT POINT-SIZE="12">pfn 0x1800</FONT></TD><TD BGCOLOR="#fde68a">slab<BR/><B>44K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f00</FONT></TD><TD BGCOLOR="#c9a0dc">page table<BR/><B>4K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f0b</FONT></TD><TD BGCOLOR="#fde68a">slab<BR/><B>40K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f0c</FONT></TD><TD BGCOLOR="#c9a0dc">page table<BR/><B>4K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f16</FONT></TD><TD BGCOLOR="#fdae6b">user<BR/><B>16K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f17</FONT></TD><TD BGCOLOR="#dcf2d4">per-CPU list<BR/><B>12K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f1b</FONT></TD></TR></TABLE></TD></TR>
<TR><TD ALIGN="LEFT"><TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6"><TR><TD BGCOLOR="#f4a6b7">swap cache<BR/><B>4K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f1e</FONT></TD><TD BGCOLOR="#c9a0dc">page table<BR/><B>8K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f1f</FONT></TD><TD BGCOLOR="#fdae6b">user<BR/><B>24K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f21</FONT></TD><TD BGCOLOR="#b8e6a7">free<BR/><B>356K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f27</FONT></TD><TD BGCOLOR="#bdbdbd">reserved<BR/><B>512K</B><BR/><FONT POINT-SIZE="12">pfn 0x3f80</FONT></TD></TR></TABLE></TD></TR>
<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="14">free 10,073 (39.3M) &#183; per-CPU list 3 (12K) &#183; user 10 (40K) &#183; page table 4 (16K) &#183; slab 21 (84K) &#183; swap cache 1 (4K) &#183; reserved 2,176 (8.5M)</FONT></TD></TR>
</TABLE>>];
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Frames by owner</B></TD></TR>
<TR><TD BGCOLOR="#b8e6a7" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">free</TD><TD ALIGN="RIGHT">10,073 pages (39.3M)</TD></TR>
<TR><TD BGCOLOR="#dcf2d4" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">per-CPU list</TD><TD ALIGN="RIGHT">3 pages (12K)</TD></TR>
<TR><TD BGCOLOR="#fdae6b" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">user</TD><TD ALIGN="RIGHT">10 pages (40K)</TD></TR>
<TR><TD BGCOLOR="#c9a0dc" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">page table</TD><TD ALIGN="RIGHT">4 pages (16K)</TD></TR>
<TR><TD BGCOLOR="#fde68a" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">slab</TD><TD ALIGN="RIGHT">21 pages (84K)</TD></TR>
<TR><TD BGCOLOR="#f4a6b7" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">swap cache</TD><TD ALIGN="RIGHT">1 page (4K)</TD></TR>
<TR><TD BGCOLOR="#bdbdbd" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">reserved</TD><TD ALIGN="RIGHT">2,176 pages (8.5M)</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">A cell is a run of frames of one owner, low addresses first.</FONT></TD></TR>
</TABLE>>];
	{ rank=same; node0; legend; }
}
