# Swap on x86_64 (inverted offsets), i386 with PAE and five-level x86_64: swap entries in
# PTEs, explain and trace of a swap-out and a swap-in, machine swap=.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# x86_64: the offset is stored inverted in bits 9-58 and the type in 59-63
$ machine arch=x86_64 ram=256M swap=8M
machine: x86_64, 256 MiB RAM, 1 node, 1 CPU, seed 1, swap 8192K
Memory: 240640K/261752K available (16384K kernel code+data, 4096K mem_map, 632K firmware, 21112K reserved, 0K highmem)
Adding 8188k swap on /dev/sda2.  Priority:-2 extents:1 across:8188k SS
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x200a
$ mmap 8K
0x00007ffff7ffd000
$ touch 0x7ffff7ffd000 8K w
touched 2 pages (write): 2 minor faults, 0 major
$ write 0x7ffff7ffd010 77
$ explain on
$ swapout 0x7ffff7ffd000
add_to_swap: pfn 0x2010 gets slot 1 of /dev/sda2 (type 0) and enters the swap cache.
TLB flush on cpu 0 (local mm shootdown): invlpg of 1 page.
unmap: pid 1's 0x00007ffff7ffd000 now holds a swap entry: pte := 0x07fffffffffffc00.
pageout: pfn 0x2010 is written to /dev/sda2 slot 1 (pswpout); then it leaves the swap cache and is freed.
free: pfn 0x2010 (order 0) goes on the head of CPU 0's list for zone DMA32: count 6, high 572, batch 15.
swapped out 1 page: 1 written to swap
$ read 0x7ffff7ffd010
page fault: pid 1 (app) reads 0x00007ffff7ffd010: the page is not present (error 0x4: not present, read, USER).
find_vma: 0x00007ffff7ffd010 lies in 0x00007ffff7ffd000-0x00007ffff7fff000 rw-p.
walk: pgd[255] is present: the pud table at pfn 0x200d; pud[511] is present: the pmd table at pfn 0x200e; pmd[447] is present: the pte table at pfn 0x200f; pte[509] holds a swap entry.
alloc_pages(order=0, GFP_HIGHUSER_MOVABLE): zonelist DMA32, DMA (node 0).
watermark: zone DMA32 (node 0) has 56281 free pages, above its low watermark 572: OK.
allocated: pfn 0x2010 (phys 0x2010000-0x2010fff) from the head of CPU 0's list for zone DMA32 (node 0); 5 left on it.
do_swap_page: 0x00007ffff7ffd010 holds swap entry (0, 1): read from the slot (a major fault) into pfn 0x2010, mapped read-only.
set_pte: pte[509] of the table at pfn 0x200f := 0x8000000002010025 (P US A NX).
TLB miss on cpu 0: the page walk gives 0x00007ffff7ffd010 -> pfn 0x2010, now cached.
77 (0x4d)
$ explain off
$ swapout 0x7ffff7ffe000
swapped out 1 page: 1 written to swap
$ vtop 0x7ffff7ffe000
0x00007ffff7ffe000 in pid 1 (app): x86_64, 4-level paging, CR3 0x000000000200a000
  split    pgd 255 | pud 511 | pmd 447 | pte 510 | offset 0x0   (p4d folded)
  pgd[255]  table 0x000000000200a000  entry 0x000000000200d067  P RW US A D
  pud[511]  table 0x000000000200d000  entry 0x000000000200e067  P RW US A D
  pmd[447]  table 0x000000000200e000  entry 0x000000000200f067  P RW US A D
  pte[510]  table 0x000000000200f000  entry 0x07fffffffffffa00  -
  stop     pte[510] is not present: a swap entry, type 0 offset 2 (/dev/sda2 slot 2): the next access is a major fault that reads it back (do_swap_page)
$ trace on
$ read 0x7ffff7ffe000
page_fault_user: address=0x7ffff7ffe000 ip=0x400000 error_code=0x4
find_vma: addr=0x7ffff7ffe000 vma=0x7ffff7ffd000-0x7ffff7fff000 flags=rw-p
alloc_start: order=0 gfp_flags=GFP_HIGHUSER_MOVABLE node=0 highest_zone=Movable
zone_watermark: zone=DMA32 node=0 order=0 wmark=low mark=572 free=56281 ok=1
mm_page_alloc: page=0xffffea0000080440 pfn=0x2011 order=0 migratetype=0 gfp_flags=GFP_HIGHUSER_MOVABLE
do_swap_page: addr=0x7ffff7ffe000 pfn=0x2011 type=0 offset=2 major=1 write=0
set_pte: addr=0x7ffff7ffe000 table=0x200f index=510 pte=0x8000000002011025 pfn=0x2011
tlb_miss: cpu=0 addr=0x7ffff7ffe000 pfn=0x2011
0 (0x0)
$ swapout 0x7ffff7ffd000 8K
tlb_flush: pages:1 reason:local mm shootdown (3)
try_to_unmap_one: pfn=0x2010 pid=1 addr=0x7ffff7ffd000 pte=0x7fffffffffffc00
shrink_folio: pfn=0x2010 policy=linux verdict=clean_swapcache young=0 file=0
mm_page_free: page=0xffffea0000080400 pfn=0x2010 order=0
pcp_free: zone=DMA32 node=0 cpu=0 pfn=0x2010 count=6 high=572
tlb_flush: pages:1 reason:local mm shootdown (3)
try_to_unmap_one: pfn=0x2011 pid=1 addr=0x7ffff7ffe000 pte=0x7fffffffffffa00
shrink_folio: pfn=0x2011 policy=linux verdict=clean_swapcache young=0 file=0
mm_page_free: page=0xffffea0000080440 pfn=0x2011 order=0
pcp_free: zone=DMA32 node=0 cpu=0 pfn=0x2011 count=7 high=572
swapped out 2 pages: 2 dropped from the swap cache without a write
$ trace off
$ cat /proc/swaps
Filename				Type		Size		Used		Priority
/dev/sda2                               partition	8188		8		-2
# i386 with PAE: the same layout in 64-bit entries
$ machine arch=i386-pae swap=1M
machine: i386-pae, 1024 MiB RAM, 1 node, 1 CPU, seed 1, swap 1024K
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
Adding 1020k swap on /dev/sda2.  Priority:-2 extents:1 across:1020k SS
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ mmap 4K
0xb7fff000
$ write 0xb7fff000 5
$ swapout 0xb7fff000
swapped out 1 page: 1 written to swap
$ vtop 0xb7fff000
0xb7fff000 in pid 1 (app): i386-pae, 3-level paging, CR3 0x0180b000
  split    pgd 2 | pmd 447 | pte 511 | offset 0x0   (p4d, pud folded)
  pgd[2]    table 0x0180b000  entry 0x000000000180e001  P
  pmd[447]  table 0x0180e000  entry 0x0000000001811067  P RW US A D
  pte[511]  table 0x01811000  entry 0x07fffffffffffc00  -
  stop     pte[511] is not present: a swap entry, type 0 offset 1 (/dev/sda2 slot 1): the next access is a major fault that reads it back (do_swap_page)
$ read 0xb7fff000
5 (0x5)
# x86_64 with five levels
$ machine arch=x86_64-la57 ram=256M swap=1M prio=3
! error: machine: unknown option 'prio' (options: arch, ram, nodes, cpus, seed, tlb, tlb_ways, pcid, swap, policy)
$ machine arch=x86_64-la57 ram=256M swap=1M
machine: x86_64-la57, 256 MiB RAM, 1 node, 1 CPU, seed 1, swap 1024K
Memory: 240640K/261752K available (16384K kernel code+data, 4096K mem_map, 632K firmware, 21112K reserved, 0K highmem)
Adding 1020k swap on /dev/sda2.  Priority:-2 extents:1 across:1020k SS
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x200a
$ mmap 4K
0x00007ffff7ffe000
$ write 0x7ffff7ffe000 6
$ swapout 0x7ffff7ffe000
swapped out 1 page: 1 written to swap
$ vtop 0x7ffff7ffe000
0x00007ffff7ffe000 in pid 1 (app): x86_64-la57, 5-level paging, CR3 0x000000000200a000
  split    pgd 0 | p4d 255 | pud 511 | pmd 447 | pte 510 | offset 0x0
  pgd[0]    table 0x000000000200a000  entry 0x000000000200d067  P RW US A D
  p4d[255]  table 0x000000000200d000  entry 0x000000000200e067  P RW US A D
  pud[511]  table 0x000000000200e000  entry 0x000000000200f067  P RW US A D
  pmd[447]  table 0x000000000200f000  entry 0x0000000002010067  P RW US A D
  pte[510]  table 0x0000000002010000  entry 0x07fffffffffffc00  -
  stop     pte[510] is not present: a swap entry, type 0 offset 1 (/dev/sda2 slot 1): the next access is a major fault that reads it back (do_swap_page)
$ read 0x7ffff7ffe000
6 (0x6)
# machine swap= must fit the architecture
$ machine swap=8K
! error: machine: swap: a swap area needs at least 10 pages (40K)
$ machine swap=64G
! error: machine: swap: 64G is too large for i386 (at most 32G)
$ machine policy=opt
! error: machine: policy: expected linux, fifo, lru or clock, not 'opt'
