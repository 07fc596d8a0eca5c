#!/usr/bin/perl
# explain.t - `explain on` narration of allocations, splits, per-CPU refills
# and drains, merges, watermark failures and zonelists across nodes.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Transcript;

run_transcript(\*DATA);

__DATA__

# explain on: every step of the allocator as one sentence.  An order-1
# request splits the first order-10 block of Normal down to order 1.
$ explain on
$ alloc_pages 1
alloc_pages(order=1, GFP_KERNEL): zonelist Normal, DMA (node 0).
watermark: zone Normal (node 0) has 221184 free pages; 221184 - (2 - 1) = 221183 is above its low watermark 1163: OK.
rmqueue: free_area[1..9] of zone Normal are empty; free_area[10] has pfn 0x1800 (order 10): take it.
split: pfn 0x1800 (order 10) halves; the upper half, pfn 0x1a00 (order 9), goes on free_area[9].
split: pfn 0x1800 (order 9) halves; the upper half, pfn 0x1900 (order 8), goes on free_area[8].
split: pfn 0x1800 (order 8) halves; the upper half, pfn 0x1880 (order 7), goes on free_area[7].
split: pfn 0x1800 (order 7) halves; the upper half, pfn 0x1840 (order 6), goes on free_area[6].
split: pfn 0x1800 (order 6) halves; the upper half, pfn 0x1820 (order 5), goes on free_area[5].
split: pfn 0x1800 (order 5) halves; the upper half, pfn 0x1810 (order 4), goes on free_area[4].
split: pfn 0x1800 (order 4) halves; the upper half, pfn 0x1808 (order 3), goes on free_area[3].
split: pfn 0x1800 (order 3) halves; the upper half, pfn 0x1804 (order 2), goes on free_area[2].
split: pfn 0x1800 (order 2) halves; the upper half, pfn 0x1802 (order 1), goes on free_area[1].
allocated: pfn 0x1800, order 1 (2 pages, 8 KiB, phys 0x1800000-0x1801fff) from zone Normal (node 0).
pfn 0x1800 order 1 (2 pages, 8K) node 0 zone Normal virt 0xc1800000

# Order 0 goes through the per-CPU list: the first request refills a batch.
$ alloc_pages 0
alloc_pages(order=0, GFP_KERNEL): zonelist Normal, DMA (node 0).
watermark: zone Normal (node 0) has 221182 free pages, above its low watermark 1163: OK.
refill: CPU 0's list for zone Normal is empty; a batch of up to 63 pages comes from the buddy lists, the first: free_area[0] is empty; free_area[1] has pfn 0x1802 (order 1).
split: pfn 0x1802 (order 1) halves; the upper half, pfn 0x1803 (order 0), goes on free_area[0].
per-CPU: 63 pages (batch 63) now on CPU 0's list for zone Normal, taken the same way under one zone lock: count 63, high 1163.
allocated: pfn 0x1802 (phys 0x1802000-0x1802fff) from the head of CPU 0's list for zone Normal (node 0); 62 left on it.
pfn 0x1802 order 0 (1 page, 4K) node 0 zone Normal virt 0xc1802000
$ alloc_pages 0
alloc_pages(order=0, GFP_KERNEL): zonelist Normal, DMA (node 0).
watermark: zone Normal (node 0) has 221119 free pages, above its low watermark 1163: OK.
allocated: pfn 0x1803 (phys 0x1803000-0x1803fff) from the head of CPU 0's list for zone Normal (node 0); 61 left on it.
pfn 0x1803 order 0 (1 page, 4K) node 0 zone Normal virt 0xc1803000
$ alloc_pages 3 gfp=GFP_HIGHUSER
alloc_pages(order=3, GFP_HIGHUSER): zonelist HighMem, Normal, DMA (node 0).
watermark: zone HighMem (node 0) has 32768 free pages; 32768 - (8 - 1) = 32761 is above its low watermark 66: OK.
rmqueue: free_area[3..9] of zone HighMem are empty; free_area[10] has pfn 0x38000 (order 10): take it.
split: pfn 0x38000 (order 10) halves; the upper half, pfn 0x38200 (order 9), goes on free_area[9].
split: pfn 0x38000 (order 9) halves; the upper half, pfn 0x38100 (order 8), goes on free_area[8].
split: pfn 0x38000 (order 8) halves; the upper half, pfn 0x38080 (order 7), goes on free_area[7].
split: pfn 0x38000 (order 7) halves; the upper half, pfn 0x38040 (order 6), goes on free_area[6].
split: pfn 0x38000 (order 6) halves; the upper half, pfn 0x38020 (order 5), goes on free_area[5].
split: pfn 0x38000 (order 5) halves; the upper half, pfn 0x38010 (order 4), goes on free_area[4].
split: pfn 0x38000 (order 4) halves; the upper half, pfn 0x38008 (order 3), goes on free_area[3].
allocated: pfn 0x38000, order 3 (8 pages, 32 KiB, phys 0x38000000-0x38007fff) from zone HighMem (node 0).
pfn 0x38000 order 3 (8 pages, 32K) node 0 zone HighMem (highmem: not in the direct map)

# Frees: order 1 merges only if its buddy is free; order 0 goes to the per-CPU
# list; order 3 merges back into a whole order-10 block.
$ __free_pages 0x1800 1
free: pfn 0x1800, order 1 (2 pages), goes back to the buddy allocator of zone Normal.
buddy: pfn 0x1800 ^ (1 << 1) = 0x1802 is not a free order-1 block, so pfn 0x1800 (2 pages) goes on the head of free_area[1].
$ __free_pages 0x1802 0
free: pfn 0x1802 (order 0) goes on the head of CPU 0's list for zone Normal: count 62, high 1163, batch 63.
$ __free_pages 0x38000 3
free: pfn 0x38000, order 3 (8 pages), goes back to the buddy allocator of zone HighMem.
merge: the order-3 buddy of pfn 0x38000 is 0x38000 ^ (1 << 3) = 0x38008, and it is free: together they make pfn 0x38000, order 4.
merge: the order-4 buddy of pfn 0x38000 is 0x38000 ^ (1 << 4) = 0x38010, and it is free: together they make pfn 0x38000, order 5.
merge: the order-5 buddy of pfn 0x38000 is 0x38000 ^ (1 << 5) = 0x38020, and it is free: together they make pfn 0x38000, order 6.
merge: the order-6 buddy of pfn 0x38000 is 0x38000 ^ (1 << 6) = 0x38040, and it is free: together they make pfn 0x38000, order 7.
merge: the order-7 buddy of pfn 0x38000 is 0x38000 ^ (1 << 7) = 0x38080, and it is free: together they make pfn 0x38000, order 8.
merge: the order-8 buddy of pfn 0x38000 is 0x38000 ^ (1 << 8) = 0x38100, and it is free: together they make pfn 0x38000, order 9.
merge: the order-9 buddy of pfn 0x38000 is 0x38000 ^ (1 << 9) = 0x38200, and it is free: together they make pfn 0x38000, order 10.
buddy: order 10 is the largest; pfn 0x38000 (1024 pages) goes on the head of free_area[10].
$ explain off

# Fill the DMA zone's per-CPU list (high 20, batch 1), then free past high.
$ alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA; alloc_pages 0 gfp=GFP_DMA
pfn 0x100 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0100000
pfn 0x101 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0101000
pfn 0x102 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0102000
pfn 0x103 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0103000
pfn 0x104 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0104000
pfn 0x105 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0105000
pfn 0x106 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0106000
pfn 0x107 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0107000
pfn 0x108 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0108000
pfn 0x109 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0109000
pfn 0x10a order 0 (1 page, 4K) node 0 zone DMA virt 0xc010a000
pfn 0x10b order 0 (1 page, 4K) node 0 zone DMA virt 0xc010b000
pfn 0x10c order 0 (1 page, 4K) node 0 zone DMA virt 0xc010c000
pfn 0x10d order 0 (1 page, 4K) node 0 zone DMA virt 0xc010d000
pfn 0x10e order 0 (1 page, 4K) node 0 zone DMA virt 0xc010e000
pfn 0x10f order 0 (1 page, 4K) node 0 zone DMA virt 0xc010f000
pfn 0x110 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0110000
pfn 0x111 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0111000
pfn 0x112 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0112000
pfn 0x113 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0113000
$ explain on
$ __free_pages 0x100 0; __free_pages 0x101 0; __free_pages 0x102 0; __free_pages 0x103 0; __free_pages 0x104 0; __free_pages 0x105 0; __free_pages 0x106 0; __free_pages 0x107 0; __free_pages 0x108 0; __free_pages 0x109 0; __free_pages 0x10a 0; __free_pages 0x10b 0; __free_pages 0x10c 0; __free_pages 0x10d 0; __free_pages 0x10e 0; __free_pages 0x10f 0; __free_pages 0x110 0; __free_pages 0x111 0; __free_pages 0x112 0; __free_pages 0x113 0
free: pfn 0x100 (order 0) goes on the head of CPU 0's list for zone DMA: count 1, high 20, batch 1.
free: pfn 0x101 (order 0) goes on the head of CPU 0's list for zone DMA: count 2, high 20, batch 1.
free: pfn 0x102 (order 0) goes on the head of CPU 0's list for zone DMA: count 3, high 20, batch 1.
free: pfn 0x103 (order 0) goes on the head of CPU 0's list for zone DMA: count 4, high 20, batch 1.
free: pfn 0x104 (order 0) goes on the head of CPU 0's list for zone DMA: count 5, high 20, batch 1.
free: pfn 0x105 (order 0) goes on the head of CPU 0's list for zone DMA: count 6, high 20, batch 1.
free: pfn 0x106 (order 0) goes on the head of CPU 0's list for zone DMA: count 7, high 20, batch 1.
free: pfn 0x107 (order 0) goes on the head of CPU 0's list for zone DMA: count 8, high 20, batch 1.
free: pfn 0x108 (order 0) goes on the head of CPU 0's list for zone DMA: count 9, high 20, batch 1.
free: pfn 0x109 (order 0) goes on the head of CPU 0's list for zone DMA: count 10, high 20, batch 1.
free: pfn 0x10a (order 0) goes on the head of CPU 0's list for zone DMA: count 11, high 20, batch 1.
free: pfn 0x10b (order 0) goes on the head of CPU 0's list for zone DMA: count 12, high 20, batch 1.
free: pfn 0x10c (order 0) goes on the head of CPU 0's list for zone DMA: count 13, high 20, batch 1.
free: pfn 0x10d (order 0) goes on the head of CPU 0's list for zone DMA: count 14, high 20, batch 1.
free: pfn 0x10e (order 0) goes on the head of CPU 0's list for zone DMA: count 15, high 20, batch 1.
free: pfn 0x10f (order 0) goes on the head of CPU 0's list for zone DMA: count 16, high 20, batch 1.
free: pfn 0x110 (order 0) goes on the head of CPU 0's list for zone DMA: count 17, high 20, batch 1.
free: pfn 0x111 (order 0) goes on the head of CPU 0's list for zone DMA: count 18, high 20, batch 1.
free: pfn 0x112 (order 0) goes on the head of CPU 0's list for zone DMA: count 19, high 20, batch 1.
free: pfn 0x113 (order 0) goes on the head of CPU 0's list for zone DMA: count 20 reaches high 20, so a batch of the 1 oldest page returns to the buddy allocator.
drain: pfn 0x100 leaves the tail of a per-CPU list for the buddy lists of zone DMA.
buddy: pfn 0x100 ^ (1 << 0) = 0x101 is not a free order-0 block, so pfn 0x100 (1 page) goes on the head of free_area[0].

# The DMA zone: three order-10 blocks, then the watermark says no.
$ alloc_pages 10 gfp=GFP_DMA
alloc_pages(order=10, GFP_DMA): zonelist DMA (node 0).
watermark: zone DMA (node 0) has 3821 free pages; 3821 - (1024 - 1) = 2798 is above its low watermark 20: OK.
rmqueue: free_area[10] of zone DMA has pfn 0x400 at the head of its list: take it.
allocated: pfn 0x400, order 10 (1024 pages, 4 MiB, phys 0x400000-0x7fffff) from zone DMA (node 0).
pfn 0x400 order 10 (1024 pages, 4096K) node 0 zone DMA virt 0xc0400000
$ alloc_pages 10 gfp=GFP_DMA
alloc_pages(order=10, GFP_DMA): zonelist DMA (node 0).
watermark: zone DMA (node 0) has 2797 free pages; 2797 - (1024 - 1) = 1774 is above its low watermark 20: OK.
rmqueue: free_area[10] of zone DMA has pfn 0x800 at the head of its list: take it.
allocated: pfn 0x800, order 10 (1024 pages, 4 MiB, phys 0x800000-0xbfffff) from zone DMA (node 0).
pfn 0x800 order 10 (1024 pages, 4096K) node 0 zone DMA virt 0xc0800000
$ alloc_pages 10 gfp=GFP_DMA
alloc_pages(order=10, GFP_DMA): zonelist DMA (node 0).
watermark: zone DMA (node 0) has 1773 free pages; 1773 - (1024 - 1) = 750 is above its low watermark 20: OK.
rmqueue: free_area[10] of zone DMA has pfn 0xc00 at the head of its list: take it.
allocated: pfn 0xc00, order 10 (1024 pages, 4 MiB, phys 0xc00000-0xffffff) from zone DMA (node 0).
pfn 0xc00 order 10 (1024 pages, 4096K) node 0 zone DMA virt 0xc0c00000
$ alloc_pages 10 gfp=GFP_DMA
alloc_pages(order=10, GFP_DMA): zonelist DMA (node 0).
watermark: zone DMA (node 0) has 749 free pages; 749 - (1024 - 1) = -274 is not above its low watermark 20: try the next zone.
watermark: zone DMA (node 0) has 749 free pages; 749 - (1024 - 1) = -274 is not above its min watermark 16 (lowered to 12 for this request): try the next zone.
alloc_pages(order=10, GFP_DMA) fails: no zone of the zonelist has a free block of order 10 above its min watermark.
! error: alloc_pages: out of memory: no zone of the zonelist (DMA/0) has a free order-10 block above its min watermark

# Two nodes: node 0's zonelist falls back to node 1.
$ machine arch=x86_64 ram=8G nodes=2 cpus=2
machine: x86_64, 8192 MiB RAM, 2 nodes, 2 CPUs, seed 1
Memory: 8240128K/8388216K available (16384K kernel code+data, 131072K mem_map, 632K firmware, 148088K reserved, 0K highmem)
$ alloc_pages 0
alloc_pages(order=0, GFP_KERNEL): zonelist DMA32, DMA (node 0), Normal (node 1).
watermark: zone DMA32 (node 0) has 1024000 free pages, above its low watermark 2450: OK.
refill: CPU 0's list for zone DMA32 is empty; a batch of up to 63 pages comes from the buddy lists, the first: free_area[0..9] are empty; free_area[10] has pfn 0x2000 (order 10).
split: pfn 0x2000 (order 10) halves; the upper half, pfn 0x2200 (order 9), goes on free_area[9].
split: pfn 0x2000 (order 9) halves; the upper half, pfn 0x2100 (order 8), goes on free_area[8].
split: pfn 0x2000 (order 8) halves; the upper half, pfn 0x2080 (order 7), goes on free_area[7].
split: pfn 0x2000 (order 7) halves; the upper half, pfn 0x2040 (order 6), goes on free_area[6].
split: pfn 0x2000 (order 6) halves; the upper half, pfn 0x2020 (order 5), goes on free_area[5].
split: pfn 0x2000 (order 5) halves; the upper half, pfn 0x2010 (order 4), goes on free_area[4].
split: pfn 0x2000 (order 4) halves; the upper half, pfn 0x2008 (order 3), goes on free_area[3].
split: pfn 0x2000 (order 3) halves; the upper half, pfn 0x2004 (order 2), goes on free_area[2].
split: pfn 0x2000 (order 2) halves; the upper half, pfn 0x2002 (order 1), goes on free_area[1].
split: pfn 0x2000 (order 1) halves; the upper half, pfn 0x2001 (order 0), goes on free_area[0].
per-CPU: 63 pages (batch 63) now on CPU 0's list for zone DMA32, taken the same way under one zone lock: count 63, high 2450.
allocated: pfn 0x2000 (phys 0x2000000-0x2000fff) from the head of CPU 0's list for zone DMA32 (node 0); 62 left on it.
pfn 0x2000 order 0 (1 page, 4K) node 0 zone DMA32 virt 0xffff888002000000
$ alloc_pages 2 node=1
alloc_pages(order=2, GFP_KERNEL): zonelist Normal (node 1), DMA32, DMA (node 0).
watermark: zone Normal (node 1) has 1032192 free pages; 1032192 - (4 - 1) = 1032189 is above its low watermark 2470: OK.
rmqueue: free_area[2..9] of zone Normal are empty; free_area[10] has pfn 0x100000 (order 10): take it.
split: pfn 0x100000 (order 10) halves; the upper half, pfn 0x100200 (order 9), goes on free_area[9].
split: pfn 0x100000 (order 9) halves; the upper half, pfn 0x100100 (order 8), goes on free_area[8].
split: pfn 0x100000 (order 8) halves; the upper half, pfn 0x100080 (order 7), goes on free_area[7].
split: pfn 0x100000 (order 7) halves; the upper half, pfn 0x100040 (order 6), goes on free_area[6].
split: pfn 0x100000 (order 6) halves; the upper half, pfn 0x100020 (order 5), goes on free_area[5].
split: pfn 0x100000 (order 5) halves; the upper half, pfn 0x100010 (order 4), goes on free_area[4].
split: pfn 0x100000 (order 4) halves; the upper half, pfn 0x100008 (order 3), goes on free_area[3].
split: pfn 0x100000 (order 3) halves; the upper half, pfn 0x100004 (order 2), goes on free_area[2].
allocated: pfn 0x100000, order 2 (4 pages, 16 KiB, phys 0x100000000-0x100003fff) from zone Normal (node 1).
pfn 0x100000 order 2 (4 pages, 16K) node 1 zone Normal virt 0xffff888100000000
$ alloc_pages 5 gfp=GFP_DMA
alloc_pages(order=5, GFP_DMA): zonelist DMA (node 0).
watermark: zone DMA (node 0) has 3840 free pages; 3840 - (32 - 1) = 3809 is above its low watermark 8: OK.
rmqueue: free_area[5..7] of zone DMA are empty; free_area[8] has pfn 0x100 (order 8): take it.
split: pfn 0x100 (order 8) halves; the upper half, pfn 0x180 (order 7), goes on free_area[7].
split: pfn 0x100 (order 7) halves; the upper half, pfn 0x140 (order 6), goes on free_area[6].
split: pfn 0x100 (order 6) halves; the upper half, pfn 0x120 (order 5), goes on free_area[5].
allocated: pfn 0x100, order 5 (32 pages, 128 KiB, phys 0x100000-0x11ffff) from zone DMA (node 0).
pfn 0x100 order 5 (32 pages, 128K) node 0 zone DMA virt 0xffff888000100000
