#!/usr/bin/perl
# phys.t - the page allocator's commands: alloc_pages, __free_pages,
# __get_free_pages, get_zeroed_page, free_pages; machine and reset; and
# every error path, with the invariant checker run after each command.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Transcript;

run_transcript(\*DATA);

__DATA__
# The smallest sufficient block is split: the caller keeps the low half.
$ alloc_pages 3
pfn 0x1800 order 3 (8 pages, 32K) node 0 zone Normal virt 0xc1800000
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      0      0      0      1      1      1      1      1      1      1    215 
Node 0, zone  HighMem      0      0      0      0      0      0      0      0      0      0     32 
$ __free_pages 0x1800 3
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      0      0      0      0      0      0      0      0      0      0    216 
Node 0, zone  HighMem      0      0      0      0      0      0      0      0      0      0     32 
# Zone choice follows the GFP flags and the zonelist.
$ alloc_pages 0 gfp=GFP_HIGHUSER
pfn 0x38000 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)
$ alloc_pages 0 gfp=GFP_DMA
pfn 0x100 order 0 (1 page, 4K) node 0 zone DMA virt 0xc0100000
$ alloc_pages 10 gfp=GFP_DMA32
pfn 0x1800 order 10 (1024 pages, 4096K) node 0 zone Normal virt 0xc1800000
$ alloc_pages 2 gfp=GFP_USER|__GFP_ZERO
pfn 0x1c00 order 2 (4 pages, 16K) node 0 zone Normal virt 0xc1c00000
$ alloc_pages 1 gfp=0x400cc0
pfn 0x1c04 order 1 (2 pages, 8K) node 0 zone Normal virt 0xc1c04000
# Bad input changes nothing.
$ alloc_pages 11
! error: alloc_pages: order 11 is out of range (0..10)
$ alloc_pages x
! error: alloc_pages: ORDER: 'x' is not a number
$ alloc_pages 1 gfp=GFP_BOGUS
! error: alloc_pages: unknown GFP flag 'GFP_BOGUS' (try GFP_KERNEL, GFP_HIGHUSER, __GFP_ZERO, ...)
$ alloc_pages 1 gfp=GFP_KERNEL|
! error: alloc_pages: gfp: 'GFP_KERNEL|' has an empty flag (flags are joined by one '|')
$ alloc_pages 1 gfp=__GFP_DMA|__GFP_HIGHMEM
! error: alloc_pages: gfp mask has more than one of __GFP_DMA, __GFP_DMA32 and __GFP_HIGHMEM
$ alloc_pages 1 node=1
! error: alloc_pages: node 1 does not exist (nodes 0..0)
$ alloc_pages 1 zone=1
! error: alloc_pages: unknown option 'zone' (options: gfp, node)
$ alloc_pages
! error: alloc_pages: missing ORDER (usage: alloc_pages ORDER [gfp=FLAGS] [node=N])
$ alloc_pages 1 2
! error: alloc_pages: unexpected argument '2' (usage: alloc_pages ORDER [gfp=FLAGS] [node=N])
$ __free_pages 0x1802 1
! error: __free_pages: pfn 0x1802 is inside the order-10 block at pfn 0x1800, not its start
$ __free_pages 0x1800 1
! error: __free_pages: the block at pfn 0x1800 has order 10, not 1
$ __free_pages 0 0
! error: __free_pages: pfn 0x0 is reserved (a hole in the physical address map, not RAM): only blocks from alloc_pages can be freed
$ __free_pages 0x500 0
! error: __free_pages: pfn 0x500 is already free (in the order-10 block at pfn 0x400)
$ __free_pages 0x40000 0
! error: __free_pages: pfn 0x40000 is beyond the end of memory (max_pfn 0x40000)
$ __free_pages 0x2000 0
! error: __free_pages: pfn 0x2000 is already free (in the order-10 block at pfn 0x2000)
$ __free_pages 0x1800
! error: __free_pages: missing ORDER (usage: __free_pages PFN ORDER)
$ buddyinfo
Node 0, zone      DMA      1      1      1      1      1      1      1      1      0      1      3 
Node 0, zone   Normal      0      1      0      1      1      1      1      1      1      1    214 
Node 0, zone  HighMem      1      0      0      1      1      1      1      1      1      1     31 
# Order 0 is freed to the per-CPU list first.
$ __free_pages 0x38000 0
$ __free_pages 0x38000 0
! error: __free_pages: pfn 0x38000 is already free (on a per-CPU list)
$ __free_pages 0x1800 10
$ __free_pages 0x1c00 2
$ __free_pages 0x1c04 1
$ __free_pages 0x100 0
# Kernel virtual addresses.
$ __get_free_pages 1
0xc1c00000
$ free_pages 0xc1c00000 0
! error: free_pages: the block at pfn 0x1c00 has order 1, not 0
$ free_pages 0xc1c00000 1
$ free_pages 0xc1c00000 1
! error: free_pages: pfn 0x1c00 is already free (in the order-10 block at pfn 0x1c00)
$ free_pages 0 3
$ free_pages 0x1000 0
! error: free_pages: 0x1000 is not a direct-map address (0xc0000000..0xf7ffffff)
$ free_pages 0xc1c06001 0
! error: free_pages: 0xc1c06001 is not page-aligned
$ free_pages 0xf8000000 0
! error: free_pages: 0xf8000000 is not a direct-map address (0xc0000000..0xf7ffffff)
$ __get_free_pages 0 gfp=GFP_HIGHUSER
0xc1c00000
$ get_zeroed_page
0xc1c01000
$ get_zeroed_page gfp=GFP_DMA
0xc0100000
$ free_pages 0xc1c02000 0
! error: free_pages: pfn 0x1c02 is already free (on a per-CPU list)
$ free_pages 0xc1c03000 0
! error: free_pages: pfn 0x1c03 is already free (on a per-CPU list)
$ free_pages 0xc0100000 0
$ free_pages 0xc0101000 0
! error: free_pages: pfn 0x101 is already free (in the order-0 block at pfn 0x101)
$ __get_free_pages 11
! error: __get_free_pages: order 11 is out of range (0..10)
$ get_zeroed_page 1
! error: get_zeroed_page: unexpected argument '1' (usage: get_zeroed_page [gfp=FLAGS])
# A machine of its own.
$ machine arch=x86_64 ram=8G nodes=2 cpus=2
machine: x86_64, 8192 MiB RAM, 2 nodes, 2 CPUs, seed 1
Memory: 8240128K/8388216K available (16384K kernel code+data, 131072K mem_map, 632K firmware, 148088K reserved, 0K highmem)
$ alloc_pages 0 node=1
pfn 0x100000 order 0 (1 page, 4K) node 1 zone Normal virt 0xffff888100000000
$ alloc_pages 0 gfp=GFP_DMA32
pfn 0x2000 order 0 (1 page, 4K) node 0 zone DMA32 virt 0xffff888002000000
$ alloc_pages 0 gfp=GFP_DMA
pfn 0x100 order 0 (1 page, 4K) node 0 zone DMA virt 0xffff888000100000
$ alloc_pages 0 gfp=GFP_HIGHUSER
pfn 0x2001 order 0 (1 page, 4K) node 0 zone DMA32 virt 0xffff888002001000
$ reset
machine: x86_64, 8192 MiB RAM, 2 nodes, 2 CPUs, seed 1
Memory: 8240128K/8388216K available (16384K kernel code+data, 131072K mem_map, 632K firmware, 148088K reserved, 0K highmem)
$ machine arch=sparc
! error: machine: unknown arch 'sparc' (i386, i386-pae, x86_64, x86_64-la57)
$ machine ram=3M
! error: machine: ram=3M is out of range for i386 (64M..4096M)
$ machine ram=65M
! error: machine: ram must be a multiple of 4M
$ machine arch=i386 ram=8G
! error: machine: ram=8192M is out of range for i386 (64M..4096M)
$ machine nodes=0
! error: machine: nodes=0 is out of range (1..64, at least 64M each)
$ machine cpus=65
! error: machine: cpus=65 is out of range (1..64)
$ machine ram=lots
! error: machine: ram: 'lots' is not a size (a number with K, M or G)
$ machine seed=-1
! error: machine: seed: '-1' is negative
$ machine arch=i386-pae ram=6G
machine: i386-pae, 6144 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 6233088K/6291064K available (8192K kernel code+data, 49152K mem_map, 632K firmware, 57976K reserved, 5373952K highmem)
$ machine arch=x86_64-la57 ram=64G
machine: x86_64-la57, 65536 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 66042880K/67108472K available (16384K kernel code+data, 1048576K mem_map, 632K firmware, 1065592K reserved, 0K highmem)
