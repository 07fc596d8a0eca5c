#!/usr/bin/perl
# slab.t - the slab allocator and kmalloc through the shell: the caches boot
# makes, kmalloc's size classes and kmalloc_large, kfree and its refusals,
# poison in the objects' bytes, caches of one's own from create to destroy,
# the CPU slab, partial and full slabs as `slab` draws them, slabinfo and
# meminfo, `explain on` and the tracepoints; on i386 and x86_64.  Then, on
# each architecture, 1,000 kmallocs of 64 bytes: exactly ceil(1000 / 64) = 16
# slabs, and freeing them all (with a shrink) gives every slab back and
# leaves buddyinfo where it was.
use strict;
use warnings;
no warnings 'portable';	# x86_64's 64-bit addresses
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Transcript;

# Cache geometry per architecture: name, objsize, objects per slab, pages per
# slab, newest first, as /proc/slabinfo lists them.
my %caches = (
	i386 => [
		[ 'vm_area_struct', 104, 39, 1 ], [ 'mm_struct', 640, 12, 2 ],
		[ 'fs_cache', 64, 64, 1 ], [ 'files_cache', 256, 16, 1 ],
		[ 'signal_cache', 640, 12, 2 ], [ 'sighand_cache', 1344, 12, 4 ],
		[ 'task_struct', 3584, 9, 8 ], [ 'cred_jar', 128, 32, 1 ],
		[ 'anon_vma_chain', 32, 128, 1 ], [ 'anon_vma', 56, 73, 1 ],
		[ 'pid', 64, 64, 1 ],
	],
	x86_64 => [
		[ 'vm_area_struct', 200, 20, 1 ], [ 'mm_struct', 1088, 15, 4 ],
		[ 'fs_cache', 64, 64, 1 ], [ 'files_cache', 704, 11, 2 ],
		[ 'signal_cache', 1024, 8, 2 ], [ 'sighand_cache', 2112, 15, 8 ],
		[ 'task_struct', 7744, 4, 8 ], [ 'cred_jar', 192, 21, 1 ],
		[ 'anon_vma_chain', 64, 64, 1 ], [ 'anon_vma', 88, 46, 1 ],
		[ 'pid', 128, 32, 1 ],
	],
);
my @kmalloc = (
	[ 'kmalloc-8k', 8192, 4, 8 ], [ 'kmalloc-4k', 4096, 8, 8 ], [ 'kmalloc-2k', 2048, 8, 4 ],
	[ 'kmalloc-1k', 1024, 8, 2 ], [ 'kmalloc-512', 512, 8, 1 ], [ 'kmalloc-256', 256, 16, 1 ],
	[ 'kmalloc-192', 192, 21, 1 ], [ 'kmalloc-128', 128, 32, 1 ], [ 'kmalloc-96', 96, 42, 1 ],
	[ 'kmalloc-64', 64, 64, 1 ], [ 'kmalloc-32', 32, 128, 1 ], [ 'kmalloc-16', 16, 256, 1 ],
	[ 'kmalloc-8', 8, 512, 1 ],
);

# /proc/slabinfo with every cache empty but kmalloc-64 (active, total, slabs).
sub slabinfo {
	my ($arch, @k64) = @_;
	my $t = "slabinfo - version: 2.1\n\\# name            <active_objs> <num_objs> <objsize> "
	      . "<objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : "
	      . "slabdata <active_slabs> <num_slabs> <sharedavail>\n";
	for my $c (@{ $caches{$arch} }, @kmalloc) {
		my ($act, $num, $slabs) = $c->[0] eq 'kmalloc-64' ? @k64 : (0, 0, 0);
		$t .= sprintf("%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
			      $c->[0], $act, $num, $c->[1], $c->[2], $c->[3], 0, 0, 0, $slabs, $slabs, 0);
	}
	return $t;
}

# 1,000 kmallocs of 64 bytes: object i is object i % 64 of the (i / 64)-th
# slab, whose frame is $pfns->[i / 64].
sub kmallocs {
	my ($base, $digits, $pfns) = @_;
	my (@cmd, @addr, $out);
	for my $i (0 .. 999) {
		my $pfn = $pfns->[int($i / 64)];
		my $a = sprintf('0x%0*x', $digits, $base + $pfn * 4096 + ($i % 64) * 64);
		push @addr, $a;
		push @cmd, 'kmalloc 64';
		$out .= sprintf("%s: kmalloc-64, object %d of slab pfn 0x%x (64 bytes asked, 64 allocated)\n",
				$a, $i % 64, $pfn);
	}
	return ("\$ " . join('; ', @cmd) . "\n" . $out,
		"\$ " . join('; ', map { "kfree $_" } @addr) . "\n");
}

sub round_trip {
	my ($arch, $base, $digits, $first, $machine, $buddy_boot, $buddy_warm) = @_;
	my @pfns1 = map { $first + $_ } 0 .. 15;
	# The per-CPU list gives back the last page freed first: slabs 4..14 went
	# as they emptied, the CPU slab (15) and 0..3 at the shrink.
	my @pfns2 = map { $first + $_ } 3, 2, 1, 0, reverse(4 .. 15);
	my ($alloc1, $free1) = kmallocs($base, $digits, \@pfns1);
	my ($alloc2, $free2) = kmallocs($base, $digits, \@pfns2);
	my $t = "\$ machine arch=$arch ram=64M\n$machine\$ buddyinfo\n$buddy_boot";
	for my $round ([ $alloc1, $free1 ], [ $alloc2, $free2 ]) {
		$t .= $round->[0] . "\$ slabinfo\n" . slabinfo($arch, 1024, 1024, 16);
		$t .= $round->[1] . "\$ slabinfo\n" . slabinfo($arch, 64, 320, 5);
		$t .= "\$ kmem_cache_shrink kmalloc-64\nkmalloc-64: 5 empty slabs freed\n";
		$t .= "\$ slabinfo\n" . slabinfo($arch, 0, 0, 0) . "\$ buddyinfo\n$buddy_warm";
	}
	open my $fh, '<', \$t or die;
	run_transcript($fh, done => 0);
}

run_transcript(\*DATA, done => 0);

round_trip('i386', 0xc0000000, 8, 0x3f00, <<'M', <<'B', <<'W');
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
M
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      0      0      0      0      0      0      0      1      1      1      9 
B
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      0      0      0      0      1      1      1      0      1      1      9 
W

round_trip('x86_64', 0xffff888000000000, 16, 0x3e00, <<'M', <<'B', <<'W');
machine: x86_64, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 47104K/65144K available (16384K kernel code+data, 1024K mem_map, 632K firmware, 18040K reserved, 0K highmem)
M
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone    DMA32      0      0      0      0      0      0      0      0      1      1      7 
B
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone    DMA32      0      0      0      0      1      1      1      1      0      1      7 
W

done_testing();

__DATA__

# Boot creates the kmalloc caches and the caches of the kernel's process
# structures, newest first, but no slab: SLUB allocates slabs lazily, so
# boot's buddyinfo and meminfo are those of a machine without them.
$ slabinfo
slabinfo - version: 2.1
\# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>
vm_area_struct         0      0    104   39    1 : tunables    0    0    0 : slabdata      0      0      0
mm_struct              0      0    640   12    2 : tunables    0    0    0 : slabdata      0      0      0
fs_cache               0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
files_cache            0      0    256   16    1 : tunables    0    0    0 : slabdata      0      0      0
signal_cache           0      0    640   12    2 : tunables    0    0    0 : slabdata      0      0      0
sighand_cache          0      0   1344   12    4 : tunables    0    0    0 : slabdata      0      0      0
task_struct            0      0   3584    9    8 : tunables    0    0    0 : slabdata      0      0      0
cred_jar               0      0    128   32    1 : tunables    0    0    0 : slabdata      0      0      0
anon_vma_chain         0      0     32  128    1 : tunables    0    0    0 : slabdata      0      0      0
anon_vma               0      0     56   73    1 : tunables    0    0    0 : slabdata      0      0      0
pid                    0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-8k             0      0   8192    4    8 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-4k             0      0   4096    8    8 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-2k             0      0   2048    8    4 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-1k             0      0   1024    8    2 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-512            0      0    512    8    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-256            0      0    256   16    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-192            0      0    192   21    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-128            0      0    128   32    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-96             0      0     96   42    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-64             0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-32             0      0     32  128    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-16             0      0     16  256    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-8              0      0      8  512    1 : tunables    0    0    0 : slabdata      0      0      0

# kmalloc 100: size_index[(100 - 1) / 8] = 7 picks kmalloc-128; the first
# object of its first slab, a page from CPU 0's per-CPU list.
$ kmalloc 100
0xc1800000: kmalloc-128, object 0 of slab pfn 0x1800 (100 bytes asked, 128 allocated)
$ kmalloc 100
0xc1800080: kmalloc-128, object 1 of slab pfn 0x1800 (100 bytes asked, 128 allocated)

# The size classes: up to 192 bytes by the size_index table (with 96 and
# 192), above that the next power of two, up to kmalloc-8k.
$ kmalloc 1
0xc1801000: kmalloc-8, object 0 of slab pfn 0x1801 (1 byte asked, 8 allocated)
$ kmalloc 8
0xc1801008: kmalloc-8, object 1 of slab pfn 0x1801 (8 bytes asked, 8 allocated)
$ kmalloc 9
0xc1802000: kmalloc-16, object 0 of slab pfn 0x1802 (9 bytes asked, 16 allocated)
$ kmalloc 65
0xc1803000: kmalloc-96, object 0 of slab pfn 0x1803 (65 bytes asked, 96 allocated)
$ kmalloc 96
0xc1803060: kmalloc-96, object 1 of slab pfn 0x1803 (96 bytes asked, 96 allocated)
$ kmalloc 97
0xc1800100: kmalloc-128, object 2 of slab pfn 0x1800 (97 bytes asked, 128 allocated)
$ kmalloc 129
0xc1804000: kmalloc-192, object 0 of slab pfn 0x1804 (129 bytes asked, 192 allocated)
$ kmalloc 193
0xc1805000: kmalloc-256, object 0 of slab pfn 0x1805 (193 bytes asked, 256 allocated)
$ kmalloc 1K
0xc1840000: kmalloc-1k, object 0 of slab pfn 0x1840 (1024 bytes asked, 1024 allocated)
$ kmalloc 4097
0xc1848000: kmalloc-8k, object 0 of slab pfn 0x1848 (4097 bytes asked, 8192 allocated)
$ kmalloc 8K
0xc184a000: kmalloc-8k, object 1 of slab pfn 0x1848 (8192 bytes asked, 8192 allocated)

# More than 8 KiB comes straight from the page allocator, order
# get_order(size); 0 bytes give ZERO_SIZE_PTR; past 4 MiB nothing.
$ kmalloc 8193
0xc1844000: kmalloc_large, order 2 at pfn 0x1844 (8193 bytes asked, 16384 allocated)
$ kmalloc 0
0x00000010: ZERO_SIZE_PTR (kmalloc(0) allocates nothing)
$ kmalloc 4M
0xc1c00000: kmalloc_large, order 10 at pfn 0x1c00 (4194304 bytes asked, 4194304 allocated)
$ kmalloc 5M
! error: kmalloc: 5242880 bytes is more than KMALLOC_MAX_SIZE (4194304): the page allocator's largest block is order 10
$ kmalloc 18446744073709551615
! error: kmalloc: 18446744073709551615 bytes is more than KMALLOC_MAX_SIZE (4194304): the page allocator's largest block is order 10
$ kmalloc 100 gfp=GFP_HIGHUSER
! error: kmalloc: __GFP_HIGHMEM and __GFP_DMA32 are not for slab memory (the kernel warns "Unexpected gfp" and strips them)
$ kmalloc 100 gfp=GFP_DMA
! error: kmalloc: __GFP_DMA and __GFP_RECLAIMABLE pick the dma-kmalloc and kmalloc-rcl caches, which the model does not have
$ kmalloc 100 gfp=GFP_BOGUS
! error: kmalloc: unknown GFP flag 'GFP_BOGUS' (try GFP_KERNEL, GFP_HIGHUSER, __GFP_ZERO, ...)
$ kmalloc lots
! error: kmalloc: SIZE: 'lots' is not a size (a number with K, M or G)

# active_objs counts the free objects of CPU slabs as active: 32 of
# kmalloc-128, 2 of them handed out.
$ cat /proc/slabinfo
slabinfo - version: 2.1
\# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>
vm_area_struct         0      0    104   39    1 : tunables    0    0    0 : slabdata      0      0      0
mm_struct              0      0    640   12    2 : tunables    0    0    0 : slabdata      0      0      0
fs_cache               0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
files_cache            0      0    256   16    1 : tunables    0    0    0 : slabdata      0      0      0
signal_cache           0      0    640   12    2 : tunables    0    0    0 : slabdata      0      0      0
sighand_cache          0      0   1344   12    4 : tunables    0    0    0 : slabdata      0      0      0
task_struct            0      0   3584    9    8 : tunables    0    0    0 : slabdata      0      0      0
cred_jar               0      0    128   32    1 : tunables    0    0    0 : slabdata      0      0      0
anon_vma_chain         0      0     32  128    1 : tunables    0    0    0 : slabdata      0      0      0
anon_vma               0      0     56   73    1 : tunables    0    0    0 : slabdata      0      0      0
pid                    0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-8k             4      4   8192    4    8 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-4k             0      0   4096    8    8 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-2k             0      0   2048    8    4 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-1k             8      8   1024    8    2 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-512            0      0    512    8    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-256           16     16    256   16    1 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-192           21     21    192   21    1 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-128           32     32    128   32    1 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-96            42     42     96   42    1 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-64             0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-32             0      0     32  128    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-16           256    256     16  256    1 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-8            512    512      8  512    1 : tunables    0    0    0 : slabdata      1      1      0

# kmalloc_large blocks are not slabs, but meminfo counts them as slab memory
# (SUnreclaim), as 6.1 does: 16 slab pages (six of order 0, kmalloc-1k's
# order 1, kmalloc-8k's order 3) + 4 + 1024 kmalloc_large pages = 4176 kB.
$ meminfo
MemTotal:        1031168 kB
MemFree:         1026764 kB
MemAvailable:    1012624 kB
Buffers:               0 kB
Cached:                0 kB
SwapCached:            0 kB
Active:                0 kB
Inactive:              0 kB
Active(anon):          0 kB
Inactive(anon):        0 kB
Active(file):          0 kB
Inactive(file):        0 kB
Unevictable:           0 kB
Mlocked:               0 kB
HighTotal:        131072 kB
HighFree:         131072 kB
LowTotal:         900096 kB
LowFree:          895692 kB
SwapTotal:             0 kB
SwapFree:              0 kB
Dirty:                 0 kB
Writeback:             0 kB
AnonPages:             0 kB
Mapped:                0 kB
Shmem:                 0 kB
KReclaimable:          0 kB
Slab:               4176 kB
SReclaimable:          0 kB
SUnreclaim:         4176 kB
KernelStack:           0 kB
PageTables:            0 kB
SecPageTables:         0 kB
NFS_Unstable:          0 kB
Bounce:                0 kB
WritebackTmp:          0 kB
CommitLimit:      515584 kB
Committed_AS:          0 kB
VmallocTotal:     114680 kB
VmallocUsed:           0 kB
VmallocChunk:          0 kB
Percpu:                0 kB
HugePages_Total:       0
HugePages_Free:        0
HugePages_Rsvd:        0
HugePages_Surp:        0
Hugepagesize:       4096 kB
Hugetlb:               0 kB
DirectMap4k:        4096 kB
DirectMap4M:      913408 kB

# kfree finds the cache through the page: PG_slab, page->mapping.
$ kfree 0xc1800080
$ kfree 0xc1800080
! error: kfree: 0xc1800080 is free already (object 1 of kmalloc-128, slab pfn 0x1800): a double free, or an object never handed out
$ kfree 0xc1800010
! error: kfree: 0xc1800010 points into the middle of object 0 of kmalloc-128 (0xc1800000 + 16): free the address the allocation returned
$ kfree 0xc1803fc0
! error: kfree: 0xc1803fc0 is not an object of kmalloc-96: it lies in the unused end of the slab at pfn 0x1803 (its 42 objects end at 0xc1803fc0)
$ kfree 0xc2000000
! error: kfree: 0xc2000000 was not allocated by kmalloc: pfn 0x2000 is not a slab page and no kmalloc_large block holds it
$ kfree 0xc1845000
! error: kfree: 0xc1845000 points into the middle of the kmalloc_large block at 0xc1844000 (order 2): free the address kmalloc returned
$ kfree 0x1000
! error: kfree: 0x00001000 is not a direct-map address: kmalloc memory lies in 0xc0000000..0xf7ffffff
$ kfree 0
$ kfree 0x10

# Slab frames and kmalloc_large blocks are not the page allocator's to free.
$ __free_pages 0x1800 0
! error: __free_pages: pfn 0x1800 is a slab page (PG_slab): its cache frees it when the slab is empty; free the objects with kfree
$ free_pages 0xc1844000 2
! error: free_pages: pfn 0x1844 is a kmalloc_large block: free it with kfree
$ kfree 0xc1844000
$ kfree 0xc1844000
! error: kfree: 0xc1844000 was not allocated by kmalloc: pfn 0x1844 is not a slab page and no kmalloc_large block holds it

# Poison: a freed object reads 6b and ends in a5, with the free pointer at
# offset 64 holding the next free object (0xc1800180: object 2 went to
# kmalloc 97); an allocated object reads 5a.
$ slab kmalloc-128 addr=0xc1800080
kmalloc-128: object_size 128, size 128, align 128, free pointer at offset 64
slabs of order 0 (1 page): 32 objects, 0 bytes left over; min_partial 5
slab pfn 0x1800 (0xc1800000-0xc1800fff): CPU 0's slab, 2 of 32 objects allocated
  #-#-----------------------------
object 1 at 0xc1800080: free, on CPU 0's freelist; its free pointer (offset 64) holds the next, 0xc1800180
Object   0xc1800080: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xc1800090: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xc18000a0: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xc18000b0: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xc18000c0: 80 01 80 c1 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  ....kkkkkkkkkkkk
Object   0xc18000d0: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xc18000e0: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xc18000f0: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b a5  kkkkkkkkkkkkkkk.
$ slab kmalloc-128 addr=0xc1800000
kmalloc-128: object_size 128, size 128, align 128, free pointer at offset 64
slabs of order 0 (1 page): 32 objects, 0 bytes left over; min_partial 5
slab pfn 0x1800 (0xc1800000-0xc1800fff): CPU 0's slab, 2 of 32 objects allocated
  #-#-----------------------------
object 0 at 0xc1800000: allocated
Object   0xc1800000: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ
Object   0xc1800010: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ
Object   0xc1800020: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ
Object   0xc1800030: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ
Object   0xc1800040: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ
Object   0xc1800050: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ
Object   0xc1800060: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ
Object   0xc1800070: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ
$ slab kmalloc-128 addr=0xc1803000
! error: slab: 0xc1803000 is not in a slab of kmalloc-128

# A cache of one's own: SLUB's geometry, then lazily its first slab.
$ kmem_cache_create foo 100
foo: object_size 100, size 104, align 8, free pointer at offset 48; order 0 (1 page), 39 objects per slab, 40 bytes left over, min_partial 5
$ kmem_cache_create foo 10
! error: kmem_cache_create: a cache named foo already exists
$ kmem_cache_create bar 0
! error: kmem_cache_create: kmem_cache_create(bar) integrity check failed: size 0 is not within 1..4194304 (KMALLOC_MAX_SIZE)
$ kmem_cache_create bar 100 align=48
! error: kmem_cache_create: align=48: the alignment must be a power of two up to 4096
$ kmem_cache_create bar 100 flags=SLAB_POISON
! error: kmem_cache_create: unknown flag 'SLAB_POISON' (SLAB_HWCACHE_ALIGN, SLAB_RECLAIM_ACCOUNT, SLAB_TYPESAFE_BY_RCU, SLAB_ACCOUNT)
$ kmem_cache_create dentry 192 flags=SLAB_RECLAIM_ACCOUNT|SLAB_HWCACHE_ALIGN
dentry: object_size 192, size 192, align 64, free pointer at offset 96; order 0 (1 page), 21 objects per slab, 64 bytes left over, min_partial 5
$ kmem_cache_create rcu 100 flags=SLAB_TYPESAFE_BY_RCU
rcu: object_size 100, size 104, align 8, free pointer at offset 100 (after the object); order 0 (1 page), 39 objects per slab, 40 bytes left over, min_partial 5
$ slab foo
foo: object_size 100, size 104, align 8, free pointer at offset 48
slabs of order 0 (1 page): 39 objects, 40 bytes left over; min_partial 5
node 0: 0 slabs, 0 objects, 0 partial
no slabs: the first allocation makes one
$ kmem_cache_alloc foo
0xc1806000: foo, object 0 of slab pfn 0x1806
$ kmem_cache_alloc foo
0xc1806068: foo, object 1 of slab pfn 0x1806
$ kmem_cache_alloc foo
0xc18060d0: foo, object 2 of slab pfn 0x1806
$ kmem_cache_free foo 0xc1806068
$ kmem_cache_free foo 0xc1806068
! error: kmem_cache_free: 0xc1806068 is free already (object 1 of foo, slab pfn 0x1806): a double free, or an object never handed out
$ kmem_cache_free dentry 0xc18060d0
! error: kmem_cache_free: cache_from_obj: Wrong slab cache. dentry but object is from foo
$ kmem_cache_free foo 0xc1800000
! error: kmem_cache_free: cache_from_obj: Wrong slab cache. foo but object is from kmalloc-128
$ kmem_cache_free nosuch 0xc18060d0
! error: kmem_cache_free: no cache named 'nosuch' (slabinfo lists them)
$ kmem_cache_alloc dentry
0xc1807000: dentry, object 0 of slab pfn 0x1807
$ kmem_cache_alloc rcu
0xc1808000: rcu, object 0 of slab pfn 0x1808
$ kmem_cache_alloc rcu
0xc1808068: rcu, object 1 of slab pfn 0x1808
$ kmem_cache_free rcu 0xc1808000
$ slab rcu addr=0xc1808000
rcu: object_size 100, size 104, align 8, free pointer at offset 100 (after the object)
slabs of order 0 (1 page): 39 objects, 40 bytes left over; min_partial 5
slab pfn 0x1808 (0xc1808000-0xc1808fff): CPU 0's slab, 1 of 39 objects allocated
  -#-------------------------------------
object 0 at 0xc1808000: free, on CPU 0's freelist; its free pointer (offset 100) holds the next, 0xc18080d0
Object   0xc1808000: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xc1808010: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xc1808020: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xc1808030: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xc1808040: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xc1808050: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xc1808060: 6b 6b 6b a5                                      kkk.
Padding  0xc1808064: d0 80 80 c1                                      ....
$ slab foo
foo: object_size 100, size 104, align 8, free pointer at offset 48
slabs of order 0 (1 page): 39 objects, 40 bytes left over; min_partial 5
node 0: 1 slab, 39 objects, 0 partial
cpu 0: slab pfn 0x1806, 37 free objects on its freelist
slab pfn 0x1806 (0xc1806000-0xc1806fff): CPU 0's slab, 2 of 39 objects allocated
  #-#------------------------------------
objects: # allocated, - free on a CPU freelist, . free on the slab's freelist

# SReclaimable counts the SLAB_RECLAIM_ACCOUNT cache's page.
$ cat /proc/meminfo
MemTotal:        1031168 kB
MemFree:         1026780 kB
MemAvailable:    1012644 kB
Buffers:               0 kB
Cached:                0 kB
SwapCached:            0 kB
Active:                0 kB
Inactive:              0 kB
Active(anon):          0 kB
Inactive(anon):        0 kB
Active(file):          0 kB
Inactive(file):        0 kB
Unevictable:           0 kB
Mlocked:               0 kB
HighTotal:        131072 kB
HighFree:         131072 kB
LowTotal:         900096 kB
LowFree:          895708 kB
SwapTotal:             0 kB
SwapFree:              0 kB
Dirty:                 0 kB
Writeback:             0 kB
AnonPages:             0 kB
Mapped:                0 kB
Shmem:                 0 kB
KReclaimable:          4 kB
Slab:               4172 kB
SReclaimable:          4 kB
SUnreclaim:         4168 kB
KernelStack:           0 kB
PageTables:            0 kB
SecPageTables:         0 kB
NFS_Unstable:          0 kB
Bounce:                0 kB
WritebackTmp:          0 kB
CommitLimit:      515584 kB
Committed_AS:          0 kB
VmallocTotal:     114680 kB
VmallocUsed:           0 kB
VmallocChunk:          0 kB
Percpu:                0 kB
HugePages_Total:       0
HugePages_Free:        0
HugePages_Rsvd:        0
HugePages_Surp:        0
Hugepagesize:       4096 kB
Hugetlb:               0 kB
DirectMap4k:        4096 kB
DirectMap4M:      913408 kB

# Destroy refuses while objects live, as the kernel complains; boot caches
# are never destroyed; the model's process caches are fork's and exit's.
$ kmem_cache_destroy foo
! error: kmem_cache_destroy: kmem_cache_destroy foo: Slab cache still has objects when called from cmd_kmem_cache_destroy (2 in use; the cache is kept)
$ kmem_cache_free foo 0xc1806000
$ kmem_cache_free foo 0xc18060d0
$ kmem_cache_destroy foo
$ slab foo
! error: slab: no cache named 'foo' (slabinfo lists them)
$ kmem_cache_destroy kmalloc-64
! error: kmem_cache_destroy: kmalloc-64 is one of the kernel's boot caches (refcount -1): kmem_cache_destroy leaves it alone
$ kmem_cache_destroy task_struct
! error: kmem_cache_destroy: task_struct is one of the kernel's boot caches (refcount -1): kmem_cache_destroy leaves it alone
$ kmem_cache_alloc task_struct
! error: kmem_cache_alloc: task_struct holds the model's own process structures: fork and exec allocate them and exit frees them, not the shell
$ kmem_cache_free task_struct 0xc1800000
! error: kmem_cache_free: task_struct holds the model's own process structures: fork and exec allocate them and exit frees them, not the shell
$ kmem_cache_shrink task_struct
task_struct: no empty slab to free
$ slab task_struct
task_struct: object_size 3584, size 3584, align 64, free pointer at offset 1792
slabs of order 3 (8 pages): 9 objects, 512 bytes left over; min_partial 5
node 0: 0 slabs, 0 objects, 0 partial
no slabs: the first allocation makes one

# explain on: where each object comes from and where it goes.  A cache of
# 1024-byte objects, 8 to an order-1 slab; after 8 objects its first slab
# is full, and still CPU 0's.
$ kmem_cache_create big 1024
big: object_size 1024, size 1024, align 8, free pointer at offset 512; order 1 (2 pages), 8 objects per slab, 0 bytes left over, min_partial 5
$ kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big
0xc1842000: big, object 0 of slab pfn 0x1842
0xc1842400: big, object 1 of slab pfn 0x1842
0xc1842800: big, object 2 of slab pfn 0x1842
0xc1842c00: big, object 3 of slab pfn 0x1842
0xc1843000: big, object 4 of slab pfn 0x1842
0xc1843400: big, object 5 of slab pfn 0x1842
0xc1843800: big, object 6 of slab pfn 0x1842
0xc1843c00: big, object 7 of slab pfn 0x1842
$ explain on
$ kmem_cache_alloc big
big: CPU 0's slab pfn 0x1842 is full, and SLUB lets go of it (a full slab is on no list); node 0 has no partial slab: new_slab() asks the buddy allocator for an order-1 block (8 objects of 1024 bytes).
alloc_pages(order=1, __GFP_IO|__GFP_FS|__GFP_NOWARN|__GFP_NORETRY|__GFP_COMP): zonelist Normal, DMA (node 0).
watermark: zone Normal (node 0) has 220085 free pages; 220085 - (2 - 1) = 220084 is above its low watermark 1163: OK.
rmqueue: free_area[1] of zone Normal is empty; free_area[2] has pfn 0x1844 (order 2): take it.
split: pfn 0x1844 (order 2) halves; the upper half, pfn 0x1846 (order 1), goes on free_area[1].
allocated: pfn 0x1844, order 1 (2 pages, 8 KiB, phys 0x1844000-0x1845fff) from zone Normal (node 0).
new slab: pfn 0x1844 (8 KiB, 0xc1844000-0xc1845fff) gets PG_slab and page->slab_cache = big; its 8 objects are poisoned free (6b) and chained in address order, and it becomes CPU 0's slab.
kmem_cache_alloc(big) returns 0xc1844000: object 0 of slab pfn 0x1844, poisoned 5a; 7 free objects left on CPU 0's freelist.
0xc1844000: big, object 0 of slab pfn 0x1844
$ kmem_cache_free big 0xc1842400
kmem_cache_free(big, 0xc1842400): object 1 of slab pfn 0x1842.
free: object 1 is poisoned 6b and goes on the freelist of slab pfn 0x1842: 7 of 8 objects in use.
slab pfn 0x1842 was full; with a free object it goes on the tail of node 0's partial list (1 partial slab now).
$ kmem_cache_free big 0xc1844000
kmem_cache_free(big, 0xc1844000): object 0 of slab pfn 0x1844.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
$ explain off
$ slab big
big: object_size 1024, size 1024, align 8, free pointer at offset 512
slabs of order 1 (2 pages): 8 objects, 0 bytes left over; min_partial 5
node 0: 2 slabs, 16 objects, 1 partial
cpu 0: slab pfn 0x1844, 8 free objects on its freelist
slab pfn 0x1844 (0xc1844000-0xc1845fff): CPU 0's slab, 0 of 8 objects allocated
  --------
slab pfn 0x1842 (0xc1842000-0xc1843fff): partial, 7 of 8 objects allocated
  #.######
objects: # allocated, - free on a CPU freelist, . free on the slab's freelist

# Eight more objects empty CPU 0's freelist; the next comes from the
# partial slab.
$ kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big
0xc1844000: big, object 0 of slab pfn 0x1844
0xc1844400: big, object 1 of slab pfn 0x1844
0xc1844800: big, object 2 of slab pfn 0x1844
0xc1844c00: big, object 3 of slab pfn 0x1844
0xc1845000: big, object 4 of slab pfn 0x1844
0xc1845400: big, object 5 of slab pfn 0x1844
0xc1845800: big, object 6 of slab pfn 0x1844
0xc1845c00: big, object 7 of slab pfn 0x1844
$ explain on
$ kmem_cache_alloc big
big: CPU 0's slab pfn 0x1844 is full, and SLUB lets go of it (a full slab is on no list); node 0's partial list holds 1 slab: the first, pfn 0x1842 with 1 free object, becomes CPU 0's slab.
kmem_cache_alloc(big) returns 0xc1842400: object 1 of slab pfn 0x1842, poisoned 5a; 0 free objects left on CPU 0's freelist.
0xc1842400: big, object 1 of slab pfn 0x1842
$ kmalloc 100
kmalloc(100, GFP_KERNEL): size_index[(100 - 1) / 8] = 7 picks kmalloc-128.
kmalloc returns 0xc1800080: object 1 of slab pfn 0x1800 (100 of its 128 bytes asked for), poisoned 5a; 29 free objects left on CPU 0's freelist.
0xc1800080: kmalloc-128, object 1 of slab pfn 0x1800 (100 bytes asked, 128 allocated)
$ kfree 0xc1800080
kfree(0xc1800080): pfn 0x1800 has PG_slab and page->slab_cache is kmalloc-128: object 1 of slab pfn 0x1800.
free: object 1 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
$ explain off

# Emptying the second slab keeps it (node 0 has fewer than min_partial
# partial slabs); shrink lets go of the full CPU slab and frees the empty one.
$ kmem_cache_free big 0xc1844000; kmem_cache_free big 0xc1844400; kmem_cache_free big 0xc1844800; kmem_cache_free big 0xc1844c00; kmem_cache_free big 0xc1845000; kmem_cache_free big 0xc1845400; kmem_cache_free big 0xc1845800
$ explain on
$ kmem_cache_free big 0xc1845c00
kmem_cache_free(big, 0xc1845c00): object 7 of slab pfn 0x1844.
free: object 7 is poisoned 6b and goes on the freelist of slab pfn 0x1844: 0 of 8 objects in use; empty, it stays: node 0 keeps 1 partial slab, fewer than min_partial 5.
$ kmem_cache_shrink big
CPU 0's slab pfn 0x1842 leaves the CPU: all 8 objects are in use, so it goes on no list.
shrink: the empty slab pfn 0x1844 goes back to the buddy allocator.
free: pfn 0x1844, order 1 (2 pages), goes back to the buddy allocator of zone Normal.
merge: the order-1 buddy of pfn 0x1844 is 0x1844 ^ (1 << 1) = 0x1846, and it is free: together they make pfn 0x1844, order 2.
buddy: pfn 0x1844 ^ (1 << 2) = 0x1840 is not a free order-2 block, so pfn 0x1844 (4 pages) goes on the head of free_area[2].
big: 1 empty slab freed
$ explain off
$ slab big
big: object_size 1024, size 1024, align 8, free pointer at offset 512
slabs of order 1 (2 pages): 8 objects, 0 bytes left over; min_partial 5
node 0: 1 slab, 8 objects, 0 partial
slab pfn 0x1842 (0xc1842000-0xc1843fff): full, on no list, 8 of 8 objects allocated
  ########
objects: # allocated, - free on a CPU freelist, . free on the slab's freelist

# Five partial slabs: the next slab to empty goes back to the buddy allocator.
$ kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big; kmem_cache_alloc big
0xc1844000: big, object 0 of slab pfn 0x1844
0xc1844400: big, object 1 of slab pfn 0x1844
0xc1844800: big, object 2 of slab pfn 0x1844
0xc1844c00: big, object 3 of slab pfn 0x1844
0xc1845000: big, object 4 of slab pfn 0x1844
0xc1845400: big, object 5 of slab pfn 0x1844
0xc1845800: big, object 6 of slab pfn 0x1844
0xc1845c00: big, object 7 of slab pfn 0x1844
0xc1846000: big, object 0 of slab pfn 0x1846
0xc1846400: big, object 1 of slab pfn 0x1846
0xc1846800: big, object 2 of slab pfn 0x1846
0xc1846c00: big, object 3 of slab pfn 0x1846
0xc1847000: big, object 4 of slab pfn 0x1846
0xc1847400: big, object 5 of slab pfn 0x1846
0xc1847800: big, object 6 of slab pfn 0x1846
0xc1847c00: big, object 7 of slab pfn 0x1846
0xc1850000: big, object 0 of slab pfn 0x1850
0xc1850400: big, object 1 of slab pfn 0x1850
0xc1850800: big, object 2 of slab pfn 0x1850
0xc1850c00: big, object 3 of slab pfn 0x1850
0xc1851000: big, object 4 of slab pfn 0x1850
0xc1851400: big, object 5 of slab pfn 0x1850
0xc1851800: big, object 6 of slab pfn 0x1850
0xc1851c00: big, object 7 of slab pfn 0x1850
0xc1852000: big, object 0 of slab pfn 0x1852
0xc1852400: big, object 1 of slab pfn 0x1852
0xc1852800: big, object 2 of slab pfn 0x1852
0xc1852c00: big, object 3 of slab pfn 0x1852
0xc1853000: big, object 4 of slab pfn 0x1852
0xc1853400: big, object 5 of slab pfn 0x1852
0xc1853800: big, object 6 of slab pfn 0x1852
0xc1853c00: big, object 7 of slab pfn 0x1852
0xc1854000: big, object 0 of slab pfn 0x1854
0xc1854400: big, object 1 of slab pfn 0x1854
0xc1854800: big, object 2 of slab pfn 0x1854
0xc1854c00: big, object 3 of slab pfn 0x1854
0xc1855000: big, object 4 of slab pfn 0x1854
0xc1855400: big, object 5 of slab pfn 0x1854
0xc1855800: big, object 6 of slab pfn 0x1854
0xc1855c00: big, object 7 of slab pfn 0x1854
0xc1856000: big, object 0 of slab pfn 0x1856
0xc1856400: big, object 1 of slab pfn 0x1856
0xc1856800: big, object 2 of slab pfn 0x1856
0xc1856c00: big, object 3 of slab pfn 0x1856
0xc1857000: big, object 4 of slab pfn 0x1856
0xc1857400: big, object 5 of slab pfn 0x1856
0xc1857800: big, object 6 of slab pfn 0x1856
0xc1857c00: big, object 7 of slab pfn 0x1856
$ kmem_cache_free big 0xc1844000; kmem_cache_free big 0xc1844400; kmem_cache_free big 0xc1844800; kmem_cache_free big 0xc1844c00; kmem_cache_free big 0xc1845000; kmem_cache_free big 0xc1845400; kmem_cache_free big 0xc1845800; kmem_cache_free big 0xc1845c00; kmem_cache_free big 0xc1846000; kmem_cache_free big 0xc1846400; kmem_cache_free big 0xc1846800; kmem_cache_free big 0xc1846c00; kmem_cache_free big 0xc1847000; kmem_cache_free big 0xc1847400; kmem_cache_free big 0xc1847800; kmem_cache_free big 0xc1847c00; kmem_cache_free big 0xc1850000; kmem_cache_free big 0xc1850400; kmem_cache_free big 0xc1850800; kmem_cache_free big 0xc1850c00; kmem_cache_free big 0xc1851000; kmem_cache_free big 0xc1851400; kmem_cache_free big 0xc1851800; kmem_cache_free big 0xc1851c00; kmem_cache_free big 0xc1852000; kmem_cache_free big 0xc1852400; kmem_cache_free big 0xc1852800; kmem_cache_free big 0xc1852c00; kmem_cache_free big 0xc1853000; kmem_cache_free big 0xc1853400; kmem_cache_free big 0xc1853800; kmem_cache_free big 0xc1853c00; kmem_cache_free big 0xc1854000; kmem_cache_free big 0xc1854400; kmem_cache_free big 0xc1854800; kmem_cache_free big 0xc1854c00; kmem_cache_free big 0xc1855000; kmem_cache_free big 0xc1855400; kmem_cache_free big 0xc1855800
$ slab big
big: object_size 1024, size 1024, align 8, free pointer at offset 512
slabs of order 1 (2 pages): 8 objects, 0 bytes left over; min_partial 5
node 0: 7 slabs, 56 objects, 5 partial
cpu 0: slab pfn 0x1856, 0 free objects on its freelist
slab pfn 0x1856 (0xc1856000-0xc1857fff): CPU 0's slab, 8 of 8 objects allocated
  ########
slab pfn 0x1844 (0xc1844000-0xc1845fff): partial, 0 of 8 objects allocated
  ........
slab pfn 0x1846 (0xc1846000-0xc1847fff): partial, 0 of 8 objects allocated
  ........
slab pfn 0x1850 (0xc1850000-0xc1851fff): partial, 0 of 8 objects allocated
  ........
slab pfn 0x1852 (0xc1852000-0xc1853fff): partial, 0 of 8 objects allocated
  ........
slab pfn 0x1854 (0xc1854000-0xc1855fff): partial, 1 of 8 objects allocated
  .......#
slab pfn 0x1842 (0xc1842000-0xc1843fff): full, on no list, 8 of 8 objects allocated
  ########
objects: # allocated, - free on a CPU freelist, . free on the slab's freelist
$ explain on
$ kmem_cache_free big 0xc1855c00
kmem_cache_free(big, 0xc1855c00): object 7 of slab pfn 0x1854.
free: object 7 is poisoned 6b and goes on the freelist of slab pfn 0x1854: 0 of 8 objects in use.
slab pfn 0x1854 is empty; node 0's partial list holds 5 slabs with it, at least min_partial (5), so it goes back to the buddy allocator.
free: pfn 0x1854, order 1 (2 pages), goes back to the buddy allocator of zone Normal.
buddy: pfn 0x1854 ^ (1 << 1) = 0x1856 is not a free order-1 block, so pfn 0x1854 (2 pages) goes on the head of free_area[1].
$ explain off
$ slabinfo
slabinfo - version: 2.1
\# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>
big                   16     48   1024    8    2 : tunables    0    0    0 : slabdata      6      6      0
rcu                   39     39    104   39    1 : tunables    0    0    0 : slabdata      1      1      0
dentry                21     21    192   21    1 : tunables    0    0    0 : slabdata      1      1      0
vm_area_struct         0      0    104   39    1 : tunables    0    0    0 : slabdata      0      0      0
mm_struct              0      0    640   12    2 : tunables    0    0    0 : slabdata      0      0      0
fs_cache               0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
files_cache            0      0    256   16    1 : tunables    0    0    0 : slabdata      0      0      0
signal_cache           0      0    640   12    2 : tunables    0    0    0 : slabdata      0      0      0
sighand_cache          0      0   1344   12    4 : tunables    0    0    0 : slabdata      0      0      0
task_struct            0      0   3584    9    8 : tunables    0    0    0 : slabdata      0      0      0
cred_jar               0      0    128   32    1 : tunables    0    0    0 : slabdata      0      0      0
anon_vma_chain         0      0     32  128    1 : tunables    0    0    0 : slabdata      0      0      0
anon_vma               0      0     56   73    1 : tunables    0    0    0 : slabdata      0      0      0
pid                    0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-8k             4      4   8192    4    8 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-4k             0      0   4096    8    8 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-2k             0      0   2048    8    4 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-1k             8      8   1024    8    2 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-512            0      0    512    8    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-256           16     16    256   16    1 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-192           21     21    192   21    1 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-128           32     32    128   32    1 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-96            42     42     96   42    1 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-64             0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-32             0      0     32  128    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-16           256    256     16  256    1 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-8            512    512      8  512    1 : tunables    0    0    0 : slabdata      1      1      0

# The kernel's tracepoints, in Linux 6.1's format, and the model's steps.
$ trace on
$ kmalloc 100
kmalloc_slab: size=100 index=7 cache=kmalloc-128 gfp_flags=GFP_KERNEL
kmalloc: call_site=cmd_kmalloc ptr=0xc1800080 bytes_req=100 bytes_alloc=128 gfp_flags=GFP_KERNEL node=-1 accounted=false
0xc1800080: kmalloc-128, object 1 of slab pfn 0x1800 (100 bytes asked, 128 allocated)
$ kfree 0xc1800080
kfree: call_site=cmd_kfree ptr=0xc1800080
slab_free_object: cache=kmalloc-128 cpu=0 pfn=0x1800 ptr=0xc1800080 to=cpu_freelist inuse=32
$ kmalloc 10000
kmalloc_large: size=10000 order=2 gfp_flags=GFP_KERNEL
alloc_start: order=2 gfp_flags=GFP_KERNEL|__GFP_COMP node=0 highest_zone=Normal
zone_watermark: zone=Normal node=0 order=2 wmark=low mark=1163 free=220075 ok=1
rmqueue_smallest: zone=Normal node=0 pfn=0x1858 order=2 current_order=3
buddy_split: zone=Normal node=0 pfn=0x185c order=2
mm_page_alloc_zone_locked: page=0xc1030b00 pfn=0x1858 order=2 migratetype=0 percpu_refill=0
mm_page_alloc: page=0xc1030b00 pfn=0x1858 order=2 migratetype=0 gfp_flags=GFP_KERNEL|__GFP_COMP
kmalloc: call_site=cmd_kmalloc ptr=0xc1858000 bytes_req=10000 bytes_alloc=16384 gfp_flags=GFP_KERNEL node=-1 accounted=false
0xc1858000: kmalloc_large, order 2 at pfn 0x1858 (10000 bytes asked, 16384 allocated)
$ kfree 0xc1858000
kfree: call_site=cmd_kfree ptr=0xc1858000
mm_page_free: page=0xc1030b00 pfn=0x1858 order=2
buddy_merge: zone=Normal node=0 pfn=0x1858 buddy_pfn=0x185c order=2
buddy_free: zone=Normal node=0 pfn=0x1858 order=3 to_tail=0
$ kmem_cache_alloc big
slab_alloc_slowpath: cache=big cpu=0 from=partial pfn=0x1844 free=8 old_slab=0x1856
slab_deactivate: cache=big cpu=0 pfn=0x1856 inuse=8 objects=8 to=none
kmem_cache_alloc: call_site=cmd_kmem_cache_alloc ptr=0xc1845c00 bytes_req=1024 bytes_alloc=1024 gfp_flags=GFP_KERNEL node=-1 accounted=false
0xc1845c00: big, object 7 of slab pfn 0x1844
$ kmem_cache_free big 0xc1845c00
kmem_cache_free: call_site=cmd_kmem_cache_free ptr=0xc1845c00 name=big
slab_free_object: cache=big cpu=0 pfn=0x1844 ptr=0xc1845c00 to=cpu_freelist inuse=8
$ kfree 0
kfree: call_site=cmd_kfree ptr=0x00000000
$ trace off

# x86_64: 8-byte free pointers in the direct map at 0xffff888000000000, the
# process caches at their 64-bit sizes.  An object of a slab that was never
# handed out is free already.
$ machine arch=x86_64
machine: x86_64, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ slabinfo
slabinfo - version: 2.1
\# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>
vm_area_struct         0      0    200   20    1 : tunables    0    0    0 : slabdata      0      0      0
mm_struct              0      0   1088   15    4 : tunables    0    0    0 : slabdata      0      0      0
fs_cache               0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
files_cache            0      0    704   11    2 : tunables    0    0    0 : slabdata      0      0      0
signal_cache           0      0   1024    8    2 : tunables    0    0    0 : slabdata      0      0      0
sighand_cache          0      0   2112   15    8 : tunables    0    0    0 : slabdata      0      0      0
task_struct            0      0   7744    4    8 : tunables    0    0    0 : slabdata      0      0      0
cred_jar               0      0    192   21    1 : tunables    0    0    0 : slabdata      0      0      0
anon_vma_chain         0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
anon_vma               0      0     88   46    1 : tunables    0    0    0 : slabdata      0      0      0
pid                    0      0    128   32    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-8k             0      0   8192    4    8 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-4k             0      0   4096    8    8 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-2k             0      0   2048    8    4 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-1k             0      0   1024    8    2 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-512            0      0    512    8    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-256            0      0    256   16    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-192            0      0    192   21    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-128            0      0    128   32    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-96             0      0     96   42    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-64             0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-32             0      0     32  128    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-16             0      0     16  256    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-8              0      0      8  512    1 : tunables    0    0    0 : slabdata      0      0      0
$ kmalloc 100
0xffff888002000000: kmalloc-128, object 0 of slab pfn 0x2000 (100 bytes asked, 128 allocated)
$ kmalloc 100
0xffff888002000080: kmalloc-128, object 1 of slab pfn 0x2000 (100 bytes asked, 128 allocated)
$ kfree 0xffff888002000000
$ slab kmalloc-128 addr=0xffff888002000000
kmalloc-128: object_size 128, size 128, align 128, free pointer at offset 64
slabs of order 0 (1 page): 32 objects, 0 bytes left over; min_partial 5
slab pfn 0x2000 (0xffff888002000000-0xffff888002000fff): CPU 0's slab, 1 of 32 objects allocated
  -#------------------------------
object 0 at 0xffff888002000000: free, on CPU 0's freelist; its free pointer (offset 64) holds the next, 0xffff888002000100
Object   0xffff888002000000: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xffff888002000010: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xffff888002000020: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xffff888002000030: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xffff888002000040: 00 01 00 02 80 88 ff ff 6b 6b 6b 6b 6b 6b 6b 6b  ........kkkkkkkk
Object   0xffff888002000050: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xffff888002000060: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b  kkkkkkkkkkkkkkkk
Object   0xffff888002000070: 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b 6b a5  kkkkkkkkkkkkkkk.
$ kmalloc 3000
0xffff888002040000: kmalloc-4k, object 0 of slab pfn 0x2040 (3000 bytes asked, 4096 allocated)
$ kmalloc 20000
0xffff888002048000: kmalloc_large, order 3 at pfn 0x2048 (20000 bytes asked, 32768 allocated)
$ kfree 0xffff888002041000
! error: kfree: 0xffff888002041000 is free already (object 1 of kmalloc-4k, slab pfn 0x2040): a double free, or an object never handed out
$ kfree 0xffff888002040000
$ kfree 0xffff888002040000
! error: kfree: 0xffff888002040000 is free already (object 0 of kmalloc-4k, slab pfn 0x2040): a double free, or an object never handed out
$ kmem_cache_create foo 100 align=32
foo: object_size 100, size 128, align 32, free pointer at offset 48; order 0 (1 page), 32 objects per slab, 0 bytes left over, min_partial 5
$ kmem_cache_alloc foo gfp=GFP_ATOMIC|__GFP_ZERO
0xffff888002001000: foo, object 0 of slab pfn 0x2001
$ slab foo addr=0xffff888002001000
foo: object_size 100, size 128, align 32, free pointer at offset 48
slabs of order 0 (1 page): 32 objects, 0 bytes left over; min_partial 5
slab pfn 0x2001 (0xffff888002001000-0xffff888002001fff): CPU 0's slab, 1 of 32 objects allocated
  #-------------------------------
object 0 at 0xffff888002001000: allocated
Object   0xffff888002001000: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  ................
Object   0xffff888002001010: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  ................
Object   0xffff888002001020: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  ................
Object   0xffff888002001030: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  ................
Object   0xffff888002001040: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  ................
Object   0xffff888002001050: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  ................
Object   0xffff888002001060: 00 00 00 00                                      ....
Padding  0xffff888002001064: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a  ZZZZZZZZZZZZZZZZ
Padding  0xffff888002001074: 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a 5a              ZZZZZZZZZZZZ

