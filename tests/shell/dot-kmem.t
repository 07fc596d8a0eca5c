# The diagrams of kernel virtual memory: `dot vmalloc` (areas, guard pages,
# frames) and `dot layout` (the kernel's virtual memory map), on i386.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Transcript;

run_transcript(\*DATA);

__DATA__
# `dot vmalloc`: the vmalloc space high to low, each area with its guard
# page, and the frames behind each area as runs framed in their zone's
# colour.
$ vmalloc 12K
0xf8800000: vmalloc 3 pages, area 0xf8800000-0xf8804000 (16384 bytes, guard page 0xf8803000)
  pfns 0x38000-0x38002 (HighMem 3)
$ alloc_pages 0
pfn 0x1804 order 0 (1 page, 4K) node 0 zone Normal virt 0xc1804000
$ vmap 0x1804,0x1000
0xf8804000: vmap 2 pages, area 0xf8804000-0xf8807000 (12288 bytes, guard page 0xf8806000)
  pfns 0x1804, 0x1000 (Normal 2)
$ dot vmalloc
digraph vmalloc {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>vmalloc: VMALLOC_START 0xf8800000 .. VMALLOC_END 0xff7fe000 (i386)</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	space [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6">
<TR><TD COLSPAN="2" BGCOLOR="#eeeeee"><B>vmalloc space</B> 112M: 2 areas, 3 vmalloc pages</TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xff7fe000<BR/>0xf8807000</FONT></TD><TD BGCOLOR="#f2f2f2"><FONT COLOR="#606060"><I>free 112M</I></FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xf8807000<BR/>0xf8806000</FONT></TD><TD BGCOLOR="#d9d9d9"><FONT POINT-SIZE="13">guard page (never mapped)</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xf8806000<BR/>0xf8804000</FONT></TD><TD BGCOLOR="#b2dfdb" PORT="af8804000" ALIGN="LEFT" BALIGN="LEFT"><B>cmd_vmap</B>  8K<BR/><FONT POINT-SIZE="13">2 pages, vmap</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xf8804000<BR/>0xf8803000</FONT></TD><TD BGCOLOR="#d9d9d9"><FONT POINT-SIZE="13">guard page (never mapped)</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="14">0xf8803000<BR/>0xf8800000</FONT></TD><TD BGCOLOR="#80cbc4" PORT="af8800000" ALIGN="LEFT" BALIGN="LEFT"><B>cmd_vmalloc</B>  12K<BR/><FONT POINT-SIZE="13">3 pages, vmalloc</FONT></TD></TR>
</TABLE>>];
	frames_f8800000 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="2" CELLPADDING="4"><TR><TD COLOR="#756bb1" BORDER="3">0x38000-0x38002<BR/><FONT POINT-SIZE="12">HighMem</FONT></TD></TR></TABLE>>];
	space:af8800000:e -> frames_f8800000;
	frames_f8804000 [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="2" CELLPADDING="4"><TR><TD COLOR="#3182bd" BORDER="3">0x1804<BR/><FONT POINT-SIZE="12">Normal</FONT></TD><TD COLOR="#3182bd" BORDER="3">0x1000<BR/><FONT POINT-SIZE="12">Normal</FONT></TD></TR></TABLE>>];
	space:af8804000:e -> frames_f8804000;
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Legend</B></TD></TR>
<TR><TD BGCOLOR="#80cbc4" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">vmalloc area</TD><TD ALIGN="RIGHT">its own pages</TD></TR>
<TR><TD BGCOLOR="#b2dfdb" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">vmap area</TD><TD ALIGN="RIGHT">the caller&#39;s pages</TD></TR>
<TR><TD BGCOLOR="#d9d9d9" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">guard page</TD><TD ALIGN="RIGHT">no PTE: overruns fault</TD></TR>
<TR><TD BGCOLOR="#f2f2f2" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">free</TD><TD ALIGN="RIGHT"></TD></TR>
<TR><TD BGCOLOR="#3182bd" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">Normal</TD><TD ALIGN="RIGHT">frames</TD></TR>
<TR><TD BGCOLOR="#756bb1" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">HighMem</TD><TD ALIGN="RIGHT">frames</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">Frames: runs of consecutive pfns,<BR/>framed in their zone&#39;s colour.</FONT></TD></TR>
</TABLE>>];
	space -> legend [style=invis];
}
# `dot layout`: the regions `layout` prints, as one column.
$ dot layout
digraph layout {
	graph [fontname="Helvetica", fontsize=24, labelloc=t, rankdir=LR,
	       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor="white",
	       label=<<B>Kernel virtual memory layout: i386, 1G RAM</B>>];
	node [shape=plaintext, fontname="Helvetica", fontsize=16, margin=0];
	edge [fontname="Helvetica", fontsize=14, penwidth=1.6, arrowsize=0.8];
	map [label=<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="5">
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="13">0xffffffff<BR/>0xfffff000</FONT></TD><TD BGCOLOR="#ffffff"><I>hole</I><BR/>4 kB</TD><TD BGCOLOR="#ffffff" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="12">the unused top page: fixmap index 0 (FIX_HOLE) at<BR/>FIXADDR_TOP, never mapped</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="13">0xfffff000<BR/>0xfffaa000</FONT></TD><TD BGCOLOR="#d9ef8b"><B>fixmap</B><BR/>340 kB</TD><TD BGCOLOR="#d9ef8b" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="12">FIXADDR_START..FIXADDR_TOP: 85 indexes, index i at<BR/>FIXADDR_TOP - i * 4096; kmap_atomic slots<BR/>0xfffac000-0xfffbc000 (FIX_KMAP_BEGIN 68, 16 per<BR/>CPU), 0 in use</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="13">0xfffaa000<BR/>0xffc00000</FONT></TD><TD BGCOLOR="#ffffff"><I>hole</I><BR/>3752 kB</TD><TD BGCOLOR="#ffffff" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="12">unused</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="13">0xffc00000<BR/>0xff800000</FONT></TD><TD BGCOLOR="#aab6f5"><B>pkmap</B><BR/>4096 kB</TD><TD BGCOLOR="#aab6f5" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="12">PKMAP_BASE: 1024 kmap slots (LAST_PKMAP), 0 mapped,<BR/>0 with users</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="13">0xff800000<BR/>0xff7fe000</FONT></TD><TD BGCOLOR="#ffffff"><I>hole</I><BR/>8 kB</TD><TD BGCOLOR="#ffffff" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="12">2 pages</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="13">0xff7fe000<BR/>0xf8800000</FONT></TD><TD BGCOLOR="#80cbc4"><B>vmalloc</B><BR/>111 MB</TD><TD BGCOLOR="#80cbc4" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="12">VMALLOC_START..VMALLOC_END: 2 areas, 3 vmalloc pages</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="13">0xf8800000<BR/>0xf8000000</FONT></TD><TD BGCOLOR="#ffffff"><I>hole</I><BR/>8 MB</TD><TD BGCOLOR="#ffffff" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="12">VMALLOC_OFFSET: an access running off the direct map<BR/>faults</FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="13">0xf8000000<BR/>0xc0000000</FONT></TD><TD BGCOLOR="#9ecae1"><B>lowmem</B><BR/>896 MB</TD><TD BGCOLOR="#9ecae1" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="12">direct map of pfn 0-0x37fff at PAGE_OFFSET + pfn *<BR/>4096, up to high_memory; the kernel image at<BR/>0xc1000000-0xc1800000</FONT></TD></TR>
<TR><TD COLSPAN="3" BGCOLOR="#333333"><FONT COLOR="white"><B>3G/1G user/kernel split: TASK_SIZE = PAGE_OFFSET = 0xc0000000</B></FONT></TD></TR>
<TR><TD ALIGN="RIGHT" BALIGN="RIGHT"><FONT FACE="Courier" POINT-SIZE="13">0xc0000000<BR/>0x00000000</FONT></TD><TD BGCOLOR="#fdae6b"><B>user</B><BR/>3 GB</TD><TD BGCOLOR="#fdae6b" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="12">TASK_SIZE = PAGE_OFFSET; each process its own</FONT></TD></TR>
</TABLE>>];
	legend [label=<<TABLE BORDER="1" COLOR="#808080" CELLBORDER="0" CELLSPACING="3" CELLPADDING="4">
<TR><TD COLSPAN="3" ALIGN="LEFT"><B>Legend</B></TD></TR>
<TR><TD BGCOLOR="#fdae6b" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">user</TD><TD ALIGN="RIGHT">each process its own</TD></TR>
<TR><TD BGCOLOR="#9ecae1" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">lowmem</TD><TD ALIGN="RIGHT">the direct map of RAM</TD></TR>
<TR><TD BGCOLOR="#80cbc4" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">vmalloc</TD><TD ALIGN="RIGHT">vmalloc and vmap areas</TD></TR>
<TR><TD BGCOLOR="#aab6f5" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">pkmap</TD><TD ALIGN="RIGHT">kmap slots for HighMem</TD></TR>
<TR><TD BGCOLOR="#d9ef8b" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">fixmap</TD><TD ALIGN="RIGHT">fixed addresses, kmap_atomic</TD></TR>
<TR><TD BGCOLOR="#ffffff" BORDER="1" FIXEDSIZE="TRUE" WIDTH="36" HEIGHT="22"></TD><TD ALIGN="LEFT">hole</TD><TD ALIGN="RIGHT">unused addresses</TD></TR>
<TR><TD COLSPAN="3" ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="13">Rows are not to scale; ends are exclusive,<BR/>but the top row ends at the last byte.</FONT></TD></TR>
</TABLE>>];
	map -> legend [style=invis];
}

