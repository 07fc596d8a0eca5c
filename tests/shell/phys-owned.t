#!/usr/bin/perl
# phys-owned.t - __free_pages and free_pages refuse frames that other parts
# of the machine own (page tables, page-cache, anonymous and swap-cache
# pages, the zero page, reserved frames) and blocks that kmap, kmap_atomic
# or vmap still map, naming the owner and changing nothing; --check runs
# after every command.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Transcript;

run_transcript(\*DATA);

__DATA__
# A process's page tables: the pgd exec made, and the PTE table of its text.
$ exec cat
pid 1 (cat) is now current: 3 VMAs, pgd at pfn 0x180b
$ __free_pages 0x180b 0
! error: __free_pages: pfn 0x180b is a page-table page (the pgd of pid 1): only blocks from alloc_pages can be freed
$ free_pages 0xc180b000 0
! error: free_pages: pfn 0x180b is a page-table page (the pgd of pid 1): only blocks from alloc_pages can be freed
$ touch 0x08048000; vtop 0x08048000
touched 1 page (read): 0 minor faults, 1 major
0x08048000 in pid 1 (cat): i386, 2-level paging, CR3 0x0180b000
  split    pgd 32 | pte 72 | offset 0x0   (p4d, pud, pmd folded)
  pgd[32]   table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[72]   table 0x0180e000  entry 0x38000025  P US A
  phys     0x38000000  pfn 0x38000  zone HighMem  node 0
$ __free_pages 0x180e 0
! error: __free_pages: pfn 0x180e is a page-table page (a pte table of pid 1): only blocks from alloc_pages can be freed
# File pages, mapped or only cached, and anonymous pages, once or twice mapped.
$ __free_pages 0x38000 0
! error: __free_pages: pfn 0x38000 is page 0 of /usr/bin/cat in the page cache, mapped by pid 1 at 0x08048000: only blocks from alloc_pages can be freed
$ touch 0x0804a000 w; vtop 0x0804a000
touched 1 page (write): 0 minor faults, 1 major
0x0804a000 in pid 1 (cat): i386, 2-level paging, CR3 0x0180b000
  split    pgd 32 | pte 74 | offset 0x0   (p4d, pud, pmd folded)
  pgd[32]   table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[74]   table 0x0180e000  entry 0x38001067  P RW US A D
  phys     0x38001000  pfn 0x38001  zone HighMem  node 0
$ __free_pages 0x38001 0
! error: __free_pages: pfn 0x38001 is an anonymous page mapped by pid 1 at 0x0804a000: only blocks from alloc_pages can be freed
$ fork
pid 2 (cat): child of pid 1, 1 page shared copy-on-write
$ __free_pages 0x38001 0
! error: __free_pages: pfn 0x38001 is an anonymous page mapped by pid 1 at 0x0804a000 (and 1 more PTE): only blocks from alloc_pages can be freed
$ __free_pages 0x38002 0
! error: __free_pages: pfn 0x38002 is page 2 of /usr/bin/cat in the page cache, mapped by no process: only blocks from alloc_pages can be freed
$ file /data 8K
/data: 8192 bytes (2 pages), inode 134, nothing cached
$ mmap 8K file=/data
0xb7ffe000
$ touch 0xb7ffe000 r; vtop 0xb7ffe000
touched 1 page (read): 0 minor faults, 1 major
0xb7ffe000 in pid 1 (cat): i386, 2-level paging, CR3 0x0180b000
  split    pgd 735 | pte 1022 | offset 0x0   (p4d, pud, pmd folded)
  pgd[735]  table 0x0180b000  entry 0x01811067  P RW US A D
  pte[1022] table 0x01811000  entry 0x38003025  P US A
  phys     0x38003000  pfn 0x38003  zone HighMem  node 0
$ munmap 0xb7ffe000 8K
$ __free_pages 0x38003 0
! error: __free_pages: pfn 0x38003 is page 0 of /data in the page cache, mapped by no process: only blocks from alloc_pages can be freed
# Shared anonymous memory lives in the page cache of a shmem file.
$ mmap 4K flags=shared
0xb7fff000
$ touch 0xb7fff000 w; vtop 0xb7fff000
touched 1 page (write): 1 minor fault, 0 major
0xb7fff000 in pid 1 (cat): i386, 2-level paging, CR3 0x0180b000
  split    pgd 735 | pte 1023 | offset 0x0   (p4d, pud, pmd folded)
  pgd[735]  table 0x0180b000  entry 0x01811067  P RW US A D
  pte[1023] table 0x01811000  entry 0x38004067  P RW US A D
  phys     0x38004000  pfn 0x38004  zone HighMem  node 0
$ __free_pages 0x38004 0
! error: __free_pages: pfn 0x38004 is page 0 of /dev/zero (deleted) in the page cache, mapped by pid 1 at 0xb7fff000: only blocks from alloc_pages can be freed
# The zero page, and a page swapped back in (it stays in the swap cache).
$ touch 0xbffff000 r; vtop 0xbffff000
touched 1 page (read): 1 minor fault, 0 major
0xbffff000 in pid 1 (cat): i386, 2-level paging, CR3 0x0180b000
  split    pgd 767 | pte 1023 | offset 0x0   (p4d, pud, pmd folded)
  pgd[767]  table 0x0180b000  entry 0x01812067  P RW US A D
  pte[1023] table 0x01812000  entry 0x017fd025  P US A
  phys     0x017fd000  pfn 0x17fd  zone Normal  node 0  (the zero page)
$ __free_pages 0x17fd 0
! error: __free_pages: pfn 0x17fd is the zero page, which every read of an untouched anonymous page maps: only blocks from alloc_pages can be freed
$ swapon 8M
Adding 8188k swap on /dev/sda2.  Priority:-2 extents:1 across:8188k SS
$ swapout 0x0804a000
swapped out 1 page: 1 written to swap
$ touch 0x0804a000 r; vtop 0x0804a000
touched 1 page (read): 0 minor faults, 1 major
0x0804a000 in pid 1 (cat): i386, 2-level paging, CR3 0x0180b000
  split    pgd 32 | pte 74 | offset 0x0   (p4d, pud, pmd folded)
  pgd[32]   table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[74]   table 0x0180e000  entry 0x38001025  P US A
  phys     0x38001000  pfn 0x38001  zone HighMem  node 0
$ __free_pages 0x38001 0
! error: __free_pages: pfn 0x38001 is in the swap cache (slot 1 of /dev/sda2), mapped by pid 1 at 0x0804a000: only blocks from alloc_pages can be freed
# The kernel's own page tables: swapper_pg_dir, a boot table, one made for vmalloc.
$ machine
machine: i386, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
$ __free_pages 0x17ff 0
! error: __free_pages: pfn 0x17ff is a page-table page (swapper_pg_dir, the kernel's pgd): only blocks from alloc_pages can be freed
$ __free_pages 0x17fe 0
! error: __free_pages: pfn 0x17fe is a page-table page (a pte table the kernel built at boot): only blocks from alloc_pages can be freed
$ vmalloc 8K; vtop 0xf8800000
0xf8800000: vmalloc 2 pages, area 0xf8800000-0xf8803000 (12288 bytes, guard page 0xf8802000)
  pfns 0x38000-0x38001 (HighMem 2)
0xf8800000 in swapper_pg_dir (no process): i386, 2-level paging, CR3 0x017ff000
  split    pgd 994 | pte 0 | offset 0x0   (p4d, pud, pmd folded)
  pgd[994]  table 0x017ff000  entry 0x01803063  P RW A D
  pte[0]    table 0x01803000  entry 0x38000163  P RW A D G
  phys     0x38000000  pfn 0x38000  zone HighMem  node 0
  area     page 0 of the vmalloc area 0xf8800000-0xf8803000 (cmd_vmalloc, vmalloc)
$ __free_pages 0x1803 0
! error: __free_pages: pfn 0x1803 is a page-table page (a pte table of the kernel's init_mm): only blocks from alloc_pages can be freed
$ __free_pages 0x38000 0
! error: __free_pages: pfn 0x38000 backs a vmalloc area (PG_vmalloc): vfree frees it
# Reserved frames, by what boot reserved them for.
$ __free_pages 0 0
! error: __free_pages: pfn 0x0 is reserved (a hole in the physical address map, not RAM): only blocks from alloc_pages can be freed
$ __free_pages 0x9f 0
! error: __free_pages: pfn 0x9f is reserved (a hole in the physical address map, not RAM): only blocks from alloc_pages can be freed
$ __free_pages 0x10 0
! error: __free_pages: pfn 0x10 is reserved (firmware: the BIOS data below 640K): only blocks from alloc_pages can be freed
$ __free_pages 0x1000 0
! error: __free_pages: pfn 0x1000 is reserved (the kernel image: code and data): only blocks from alloc_pages can be freed
$ __free_pages 0x37ff0 0
! error: __free_pages: pfn 0x37ff0 is reserved (mem_map: the struct pages): only blocks from alloc_pages can be freed
$ free_pages 0xc0010000 0
! error: free_pages: pfn 0x10 is reserved (firmware: the BIOS data below 640K): only blocks from alloc_pages can be freed
# A block from alloc_pages waits for kmap users, kmap_atomic and vmap to let go of
# any of its frames; a pkmap slot without users may outlive the page, as in Linux.
$ alloc_pages 1 gfp=GFP_HIGHUSER
pfn 0x38008 order 1 (2 pages, 8K) node 0 zone HighMem (highmem: not in the direct map)
$ kmap 0x38009
0xff801000: pfn 0x38009 (HighMem) in pkmap slot 1, pkmap_count 2 (1 user)
$ kmap 0x38009
0xff801000: pfn 0x38009 (HighMem) already in pkmap slot 1, pkmap_count 3 (2 users)
$ __free_pages 0x38008 1
! error: __free_pages: pfn 0x38009 (in the order-1 block at pfn 0x38008) is mapped by kmap at 0xff801000 (2 users): kunmap it first
$ kunmap 0x38009
pfn 0x38009: pkmap slot 1, pkmap_count 3 -> 2 (1 user left)
$ __free_pages 0x38008 1
! error: __free_pages: pfn 0x38009 (in the order-1 block at pfn 0x38008) is mapped by kmap at 0xff801000 (1 user): kunmap it first
$ kunmap 0x38009
pfn 0x38009: pkmap slot 1, pkmap_count 2 -> 1 (no users: the mapping stays until the next flush_all_zero_pkmaps)
$ kmap_atomic 0x38009
0xfffbb000: pfn 0x38009 (HighMem) in cpu 0's kmap_atomic slot 0 (fixmap index 68 = FIX_KMAP_BEGIN + 0 + 16 * 0)
$ __free_pages 0x38008 1
! error: __free_pages: pfn 0x38009 (in the order-1 block at pfn 0x38008) is mapped by kmap_atomic at 0xfffbb000 (cpu 0): kunmap_atomic it first
$ kunmap_atomic 0xfffbb000
0xfffbb000: cpu 0's kmap_atomic slot 0 unmapped (pfn 0x38009); its page flushed from this CPU's TLB
$ vmap 0x38009,0x38008
0xf8803000: vmap 2 pages, area 0xf8803000-0xf8806000 (12288 bytes, guard page 0xf8805000)
  pfns 0x38009, 0x38008 (HighMem 2)
$ __free_pages 0x38008 1
! error: __free_pages: pfn 0x38008 is mapped by vmap at 0xf8804000 (page 1 of the area at 0xf8803000): vunmap it first
$ vunmap 0xf8803000
0xf8803000: vunmap: 2 pages unmapped (still their owner's), area 0xf8803000-0xf8806000 released
$ __free_pages 0x38008 1
$ alloc_pages 0
pfn 0x1804 order 0 (1 page, 4K) node 0 zone Normal virt 0xc1804000
$ vmap 0x1804
0xf8803000: vmap 1 page, area 0xf8803000-0xf8805000 (8192 bytes, guard page 0xf8804000)
  pfns 0x1804 (Normal 1)
$ free_pages 0xc1804000 0
! error: free_pages: pfn 0x1804 is mapped by vmap at 0xf8803000 (page 0 of the area at 0xf8803000): vunmap it first
$ vunmap 0xf8803000
0xf8803000: vunmap: 1 page unmapped (still their owner's), area 0xf8803000-0xf8805000 released
$ free_pages 0xc1804000 0
# Four levels: the upper tables are named by level; refusals leave the lists as they were.
$ machine arch=x86_64
machine: x86_64, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ exec cat
pid 1 (cat) is now current: 3 VMAs, pgd at pfn 0x200a
$ touch 0x400000; vtop 0x400000
touched 1 page (read): 0 minor faults, 1 major
0x0000000000400000 in pid 1 (cat): x86_64, 4-level paging, CR3 0x000000000200a000
  split    pgd 0 | pud 0 | pmd 2 | pte 0 | offset 0x0   (p4d folded)
  pgd[0]    table 0x000000000200a000  entry 0x000000000200d067  P RW US A D
  pud[0]    table 0x000000000200d000  entry 0x000000000200e067  P RW US A D
  pmd[2]    table 0x000000000200e000  entry 0x000000000200f067  P RW US A D
  pte[0]    table 0x000000000200f000  entry 0x0000000002010025  P US A
  phys     0x0000000002010000  pfn 0x2010  zone DMA32  node 0
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone    DMA32      1      0      0      1      0      1      0      1      1      1    243 
$ __free_pages 0x200d 0
! error: __free_pages: pfn 0x200d is a page-table page (a pud table of pid 1): only blocks from alloc_pages can be freed
$ __free_pages 0x200e 0
! error: __free_pages: pfn 0x200e is a page-table page (a pmd table of pid 1): only blocks from alloc_pages can be freed
$ __free_pages 0x200f 0
! error: __free_pages: pfn 0x200f is a page-table page (a pte table of pid 1): only blocks from alloc_pages can be freed
$ __free_pages 0x2010 0
! error: __free_pages: pfn 0x2010 is page 0 of /usr/bin/cat in the page cache, mapped by pid 1 at 0x0000000000400000: only blocks from alloc_pages can be freed
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone    DMA32      1      0      0      1      0      1      0      1      1      1    243 

# the other way round: kmap, kmap_atomic and vmap map only frames nothing
# else holds, so that no owner frees one while it is mapped
$ machine
machine: i386, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
$ exec cat; touch 0x0804a000 w; touch 0x08048000
pid 1 (cat) is now current: 3 VMAs, pgd at pfn 0x180b
touched 1 page (write): 0 minor faults, 1 major
touched 1 page (read): 0 minor faults, 1 major
$ vmap 0x38000
! error: vmap: pfn 0x38000 is an anonymous page of a process: vmap maps pages its caller owns (alloc_pages one first)
$ kmap 0x38000
! error: kmap: pfn 0x38000 is an anonymous page of a process: kmap maps pages from alloc_pages that nothing else holds
$ kmap_atomic 0x38000
! error: kmap_atomic: pfn 0x38000 is an anonymous page of a process: kmap_atomic maps pages from alloc_pages that nothing else holds
$ vmap 0x180b
! error: vmap: pfn 0x180b is a page-table page: vmap maps pages its caller owns (alloc_pages one first)
$ kmalloc 64K
0xc1850000: kmalloc_large, order 4 at pfn 0x1850 (65536 bytes asked, 65536 allocated)
$ vmap 0x1850
! error: vmap: pfn 0x1850 is a kmalloc_large block: vmap maps pages its caller owns (alloc_pages one first)
$ vmallocinfo
