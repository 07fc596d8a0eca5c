#!/usr/bin/perl
# trace.t - `trace on`: tracepoint lines for allocations, frees, per-CPU
# refills, merges and failures, on i386, x86_64 and 5-level x86_64.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Transcript;

run_transcript(\*DATA);

__DATA__

# trace on: one ftrace line per event; kmem tracepoints in the 6.1 format
# (page= is the struct page address: i386 mem_map at 0xc1000000 + pfn * 32).
# An order-0 DMA page: the per-CPU list is refilled with a batch of 1.
$ trace on
$ alloc_pages 0 gfp=GFP_DMA
alloc_start: order=0 gfp_flags=GFP_DMA node=0 highest_zone=DMA
zone_watermark: zone=DMA node=0 order=0 wmark=low mark=20 free=3840 ok=1
rmqueue_smallest: zone=DMA node=0 pfn=0x100 order=0 current_order=8
buddy_split: zone=DMA node=0 pfn=0x180 order=7
buddy_split: zone=DMA node=0 pfn=0x140 order=6
buddy_split: zone=DMA node=0 pfn=0x120 order=5
buddy_split: zone=DMA node=0 pfn=0x110 order=4
buddy_split: zone=DMA node=0 pfn=0x108 order=3
buddy_split: zone=DMA node=0 pfn=0x104 order=2
buddy_split: zone=DMA node=0 pfn=0x102 order=1
buddy_split: zone=DMA node=0 pfn=0x101 order=0
mm_page_alloc_zone_locked: page=0xc1002000 pfn=0x100 order=0 migratetype=0 percpu_refill=1
pcp_refill: zone=DMA node=0 cpu=0 count=1 batch=1
mm_page_alloc: page=0xc1002000 pfn=0x100 order=0 migratetype=0 gfp_flags=GFP_DMA
pfn 0x100 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0100000

# Order 2 from Normal; freed, it merges back into an order-10 block.
$ alloc_pages 2
alloc_start: order=2 gfp_flags=GFP_KERNEL node=0 highest_zone=Normal
zone_watermark: zone=Normal node=0 order=2 wmark=low mark=1163 free=221184 ok=1
rmqueue_smallest: zone=Normal node=0 pfn=0x1800 order=2 current_order=10
buddy_split: zone=Normal node=0 pfn=0x1a00 order=9
buddy_split: zone=Normal node=0 pfn=0x1900 order=8
buddy_split: zone=Normal node=0 pfn=0x1880 order=7
buddy_split: zone=Normal node=0 pfn=0x1840 order=6
buddy_split: zone=Normal node=0 pfn=0x1820 order=5
buddy_split: zone=Normal node=0 pfn=0x1810 order=4
buddy_split: zone=Normal node=0 pfn=0x1808 order=3
buddy_split: zone=Normal node=0 pfn=0x1804 order=2
mm_page_alloc_zone_locked: page=0xc1030000 pfn=0x1800 order=2 migratetype=0 percpu_refill=0
mm_page_alloc: page=0xc1030000 pfn=0x1800 order=2 migratetype=0 gfp_flags=GFP_KERNEL
pfn 0x1800 order 2 (4 pages, 16K) node 0 zone Normal virt 0xc1800000
$ __free_pages 0x1800 2
mm_page_free: page=0xc1030000 pfn=0x1800 order=2
buddy_merge: zone=Normal node=0 pfn=0x1800 buddy_pfn=0x1804 order=2
buddy_merge: zone=Normal node=0 pfn=0x1800 buddy_pfn=0x1808 order=3
buddy_merge: zone=Normal node=0 pfn=0x1800 buddy_pfn=0x1810 order=4
buddy_merge: zone=Normal node=0 pfn=0x1800 buddy_pfn=0x1820 order=5
buddy_merge: zone=Normal node=0 pfn=0x1800 buddy_pfn=0x1840 order=6
buddy_merge: zone=Normal node=0 pfn=0x1800 buddy_pfn=0x1880 order=7
buddy_merge: zone=Normal node=0 pfn=0x1800 buddy_pfn=0x1900 order=8
buddy_merge: zone=Normal node=0 pfn=0x1800 buddy_pfn=0x1a00 order=9
buddy_free: zone=Normal node=0 pfn=0x1800 order=10 to_tail=0
$ __free_pages 0x100 0
mm_page_free: page=0xc1002000 pfn=0x100 order=0
pcp_free: zone=DMA node=0 cpu=0 pfn=0x100 count=1 high=20

# A failing allocation: the low watermark, then the min-watermark retry.
$ alloc_pages 10 gfp=GFP_DMA; alloc_pages 10 gfp=GFP_DMA; alloc_pages 10 gfp=GFP_DMA
alloc_start: order=10 gfp_flags=GFP_DMA node=0 highest_zone=DMA
zone_watermark: zone=DMA node=0 order=10 wmark=low mark=20 free=3839 ok=1
rmqueue_smallest: zone=DMA node=0 pfn=0x400 order=10 current_order=10
mm_page_alloc_zone_locked: page=0xc1008000 pfn=0x400 order=10 migratetype=0 percpu_refill=0
mm_page_alloc: page=0xc1008000 pfn=0x400 order=10 migratetype=0 gfp_flags=GFP_DMA
pfn 0x400 order 10 (1024 pages, 4096K) node 0 zone DMA virt 0xc0400000
alloc_start: order=10 gfp_flags=GFP_DMA node=0 highest_zone=DMA
zone_watermark: zone=DMA node=0 order=10 wmark=low mark=20 free=2815 ok=1
rmqueue_smallest: zone=DMA node=0 pfn=0x800 order=10 current_order=10
mm_page_alloc_zone_locked: page=0xc1010000 pfn=0x800 order=10 migratetype=0 percpu_refill=0
mm_page_alloc: page=0xc1010000 pfn=0x800 order=10 migratetype=0 gfp_flags=GFP_DMA
pfn 0x800 order 10 (1024 pages, 4096K) node 0 zone DMA virt 0xc0800000
alloc_start: order=10 gfp_flags=GFP_DMA node=0 highest_zone=DMA
zone_watermark: zone=DMA node=0 order=10 wmark=low mark=20 free=1791 ok=1
rmqueue_smallest: zone=DMA node=0 pfn=0xc00 order=10 current_order=10
mm_page_alloc_zone_locked: page=0xc1018000 pfn=0xc00 order=10 migratetype=0 percpu_refill=0
mm_page_alloc: page=0xc1018000 pfn=0xc00 order=10 migratetype=0 gfp_flags=GFP_DMA
pfn 0xc00 order 10 (1024 pages, 4096K) node 0 zone DMA virt 0xc0c00000
$ alloc_pages 10 gfp=GFP_DMA
alloc_start: order=10 gfp_flags=GFP_DMA node=0 highest_zone=DMA
zone_watermark: zone=DMA node=0 order=10 wmark=low mark=20 free=767 ok=0
zone_watermark: zone=DMA node=0 order=10 wmark=min mark=16 free=767 ok=0
alloc_fail: order=10 gfp_flags=GFP_DMA
! error: alloc_pages: out of memory: no zone of the zonelist (DMA/0) has a free order-10 block above its min watermark

# x86_64: page= is in the vmemmap at 0xffffea0000000000 + pfn * 64.
$ machine arch=x86_64 ram=2G
machine: x86_64, 2048 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 2046976K/2096760K available (16384K kernel code+data, 32768K mem_map, 632K firmware, 49784K reserved, 0K highmem)
$ alloc_pages 1 gfp=GFP_KERNEL|__GFP_ZERO
alloc_start: order=1 gfp_flags=GFP_KERNEL|__GFP_ZERO node=0 highest_zone=Normal
zone_watermark: zone=DMA32 node=0 order=1 wmark=low mark=1926 free=507904 ok=1
rmqueue_smallest: zone=DMA32 node=0 pfn=0x2000 order=1 current_order=10
buddy_split: zone=DMA32 node=0 pfn=0x2200 order=9
buddy_split: zone=DMA32 node=0 pfn=0x2100 order=8
buddy_split: zone=DMA32 node=0 pfn=0x2080 order=7
buddy_split: zone=DMA32 node=0 pfn=0x2040 order=6
buddy_split: zone=DMA32 node=0 pfn=0x2020 order=5
buddy_split: zone=DMA32 node=0 pfn=0x2010 order=4
buddy_split: zone=DMA32 node=0 pfn=0x2008 order=3
buddy_split: zone=DMA32 node=0 pfn=0x2004 order=2
buddy_split: zone=DMA32 node=0 pfn=0x2002 order=1
mm_page_alloc_zone_locked: page=0xffffea0000080000 pfn=0x2000 order=1 migratetype=0 percpu_refill=0
mm_page_alloc: page=0xffffea0000080000 pfn=0x2000 order=1 migratetype=0 gfp_flags=GFP_KERNEL|__GFP_ZERO
pfn 0x2000 order 1 (2 pages, 8K) node 0 zone DMA32 virt 0xffff888002000000
$ __free_pages 0x2000 1
mm_page_free: page=0xffffea0000080000 pfn=0x2000 order=1
buddy_merge: zone=DMA32 node=0 pfn=0x2000 buddy_pfn=0x2002 order=1
buddy_merge: zone=DMA32 node=0 pfn=0x2000 buddy_pfn=0x2004 order=2
buddy_merge: zone=DMA32 node=0 pfn=0x2000 buddy_pfn=0x2008 order=3
buddy_merge: zone=DMA32 node=0 pfn=0x2000 buddy_pfn=0x2010 order=4
buddy_merge: zone=DMA32 node=0 pfn=0x2000 buddy_pfn=0x2020 order=5
buddy_merge: zone=DMA32 node=0 pfn=0x2000 buddy_pfn=0x2040 order=6
buddy_merge: zone=DMA32 node=0 pfn=0x2000 buddy_pfn=0x2080 order=7
buddy_merge: zone=DMA32 node=0 pfn=0x2000 buddy_pfn=0x2100 order=8
buddy_merge: zone=DMA32 node=0 pfn=0x2000 buddy_pfn=0x2200 order=9
buddy_free: zone=DMA32 node=0 pfn=0x2000 order=10 to_tail=0

# 5-level paging: vmemmap at 0xffd4000000000000.
$ machine arch=x86_64-la57 ram=256M
machine: x86_64-la57, 256 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 240640K/261752K available (16384K kernel code+data, 4096K mem_map, 632K firmware, 21112K reserved, 0K highmem)
$ alloc_pages 3 gfp=GFP_ATOMIC
alloc_start: order=3 gfp_flags=GFP_ATOMIC node=0 highest_zone=Normal
zone_watermark: zone=DMA32 node=0 order=3 wmark=low mark=572 free=56320 ok=1
rmqueue_smallest: zone=DMA32 node=0 pfn=0x2000 order=3 current_order=10
buddy_split: zone=DMA32 node=0 pfn=0x2200 order=9
buddy_split: zone=DMA32 node=0 pfn=0x2100 order=8
buddy_split: zone=DMA32 node=0 pfn=0x2080 order=7
buddy_split: zone=DMA32 node=0 pfn=0x2040 order=6
buddy_split: zone=DMA32 node=0 pfn=0x2020 order=5
buddy_split: zone=DMA32 node=0 pfn=0x2010 order=4
buddy_split: zone=DMA32 node=0 pfn=0x2008 order=3
mm_page_alloc_zone_locked: page=0xffd4000000080000 pfn=0x2000 order=3 migratetype=0 percpu_refill=0
mm_page_alloc: page=0xffd4000000080000 pfn=0x2000 order=3 migratetype=0 gfp_flags=GFP_ATOMIC
pfn 0x2000 order 3 (8 pages, 32K) node 0 zone DMA32 virt 0xff11000002000000
