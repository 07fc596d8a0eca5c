# kmap / kunmap (the pkmap area) and kmap_atomic / kunmap_atomic (this
# CPU's fixmap slots) on i386, then on x86_64, where both return the direct
# map.  The same HighMem page kmapped twice shares one slot; pkmap_count
# goes 2, 3, back to 1, and a kmap at 1 reuses the slot; kmap_atomic nests
# as a stack, 16 deep at most, unmapped newest first.  Then, on i386-pae,
# LAST_PKMAP (512) kmaps without kunmap: the next one would sleep, until a
# kunmap lets the wrap flush free a slot.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Transcript;

run_transcript(\*DATA, done => 0);

# i386-pae, 1 GiB: pfns 0x38000-0x381ff are one order-9 HighMem block.
my $t = "\$ machine arch=i386-pae\n"
      . "machine: i386-pae, 1024 MiB RAM, 1 node, 1 CPU, seed 1\n"
      . "Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, "
      . "632K firmware, 17016K reserved, 131072K highmem)\n"
      . "\$ alloc_pages 9 gfp=GFP_HIGHUSER\n"
      . "pfn 0x38000 order 9 (512 pages, 2048K) node 0 zone HighMem (highmem: not in the direct map)\n"
      . "\$ alloc_pages 0 gfp=GFP_HIGHUSER\n"
      . "pfn 0x38200 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)\n";
# last_pkmap_nr starts at 0: the first kmap takes slot 1, the 512th wraps to 0.
for my $i (0 .. 511) {
	my $slot = ($i + 1) % 512;

	$t .= sprintf("\$ kmap 0x%x\n0x%08x: pfn 0x%x (HighMem) in pkmap slot %d, pkmap_count 2 (1 user)\n",
		      0x38000 + $i, 0xffc00000 + $slot * 4096, 0x38000 + $i, $slot);
}
$t .= <<'TAIL';
# Every slot has a user: the next kmap would sleep; nothing changes.
$ kmap 0x38200
! error: kmap: all 512 pkmap slots have users: kmap_high() would sleep on pkmap_map_wait until a kunmap frees one
# kunmap leaves slot 6 at pkmap_count 1.  The scan (from last_pkmap_nr 0)
# runs up to 511, wraps to 0 where flush_all_zero_pkmaps() frees slot 6, and
# the kmap takes it.
$ kunmap 0x38005
pfn 0x38005: pkmap slot 6, pkmap_count 2 -> 1 (no users: the mapping stays until the next flush_all_zero_pkmaps)
$ explain on
$ kmap 0x38200
flush_all_zero_pkmaps: the scan wrapped to slot 0: 1 slot with pkmap_count 1 (mapped, no users) is cleared, with one TLB flush of the pkmap area.
TLB flush on cpu 0 (local shootdown): invlpg of 512 pages.
map_new_virtual(pfn 0x38200): the scan starts at slot 1 (last_pkmap_nr + 1) and takes slot 6, the first with pkmap_count 0 (518 slots looked at); its PTE maps the page, pkmap_count = 1.
set_pte: pte[6] of the table at pfn 0x17fb := 0x8000000038200163 (P RW A D G NX).
kmap returns 0xffc06000 = PKMAP_BASE + 6 * 4096: pkmap_count 2 (1 user).
0xffc06000: pfn 0x38200 (HighMem) in pkmap slot 6, pkmap_count 2 (1 user)
$ explain off
$ kmap 0x38005
! error: kmap: all 512 pkmap slots have users: kmap_high() would sleep on pkmap_map_wait until a kunmap frees one
$ vtop 0xffc06000
0xffc06000 in swapper_pg_dir (no process): i386-pae, 3-level paging, CR3 0x017ff000
  split    pgd 3 | pmd 510 | pte 6 | offset 0x0   (p4d, pud folded)
  pgd[3]    table 0x017ff000  entry 0x00000000017fe001  P
  pmd[510]  table 0x017fe000  entry 0x00000000017fb063  P RW A D
  pte[6]    table 0x017fb000  entry 0x8000000038200163  P RW A D G NX
  phys     0x38200000  pfn 0x38200  zone HighMem  node 0
  area     pkmap slot 6: pfn 0x38200, pkmap_count 2 (1 user)
TAIL
open my $fh, '<', \$t or die;
run_transcript($fh);

__DATA__
# kmap on i386 (1 GiB: HighMem is pfn 0x38000 up).  A lowmem frame needs no
# slot; a HighMem frame gets one in the pkmap area, and every kmap of the
# same frame shares it: pkmap_count 2 is one user, 3 two.
$ alloc_pages 1 gfp=GFP_HIGHUSER
pfn 0x38000 order 1 (2 pages, 8K) node 0 zone HighMem (highmem: not in the direct map)
$ kmap 0x1000
0xc1000000: pfn 0x1000 (Normal) is lowmem: kmap returns its direct-map address, no slot
$ kmap 0x38000
0xff801000: pfn 0x38000 (HighMem) in pkmap slot 1, pkmap_count 2 (1 user)
$ kmap 0x38000
0xff801000: pfn 0x38000 (HighMem) already in pkmap slot 1, pkmap_count 3 (2 users)
$ kmap 0x38001
0xff802000: pfn 0x38001 (HighMem) in pkmap slot 2, pkmap_count 2 (1 user)
$ vtop 0xff801000
0xff801000 in swapper_pg_dir (no process): i386, 2-level paging, CR3 0x017ff000
  split    pgd 1022 | pte 1 | offset 0x0   (p4d, pud, pmd folded)
  pgd[1022] table 0x017ff000  entry 0x017fc063  P RW A D
  pte[1]    table 0x017fc000  entry 0x38000163  P RW A D G
  phys     0x38000000  pfn 0x38000  zone HighMem  node 0
  area     pkmap slot 1: pfn 0x38000, pkmap_count 3 (2 users)
$ kwrite 0xff801010 99
$ kread 0xff801010
99 (0x63) in pfn 0x38000
# kunmap takes the frame or its address.  At pkmap_count 1 the slot has no
# users but stays mapped: the next kmap of the frame reuses it.
$ kunmap 0x38000
pfn 0x38000: pkmap slot 1, pkmap_count 3 -> 2 (1 user left)
$ kunmap 0xff801000
pfn 0x38000: pkmap slot 1, pkmap_count 2 -> 1 (no users: the mapping stays until the next flush_all_zero_pkmaps)
$ kunmap 0x38000
! error: kunmap: pfn 0x38000 is not kmapped (its slot has no users left): kunmap_high() would BUG()
$ kread 0xff801010
99 (0x63) in pfn 0x38000
$ kmap 0x38000
0xff801000: pfn 0x38000 (HighMem) already in pkmap slot 1, pkmap_count 2 (1 user)
$ kunmap 0x1000
pfn 0x1000 is lowmem: kunmap does nothing
$ layout
virtual kernel memory layout:
    fixmap  : 0xfffaa000 - 0xfffff000   ( 340 kB)
    pkmap   : 0xff800000 - 0xffc00000   (4096 kB)
    vmalloc : 0xf8800000 - 0xff7fe000   ( 111 MB)
    lowmem  : 0xc0000000 - 0xf8000000   ( 896 MB)
\
i386 address space, low to high (2-level paging, 1024 MiB RAM, 3G/1G split):
  user      0x00000000 - 0xc0000000  (    3 GB)  TASK_SIZE = PAGE_OFFSET; each process its own
  lowmem    0xc0000000 - 0xf8000000  (  896 MB)  direct map of pfn 0-0x37fff at PAGE_OFFSET + pfn * 4096, up to high_memory; the kernel image at 0xc1000000-0xc1800000
  hole      0xf8000000 - 0xf8800000  (    8 MB)  VMALLOC_OFFSET: an access running off the direct map faults
  vmalloc   0xf8800000 - 0xff7fe000  ( ~112 MB)  VMALLOC_START..VMALLOC_END: 0 areas, 0 vmalloc pages
  hole      0xff7fe000 - 0xff800000  (    8 kB)  2 pages
  pkmap     0xff800000 - 0xffc00000  (    4 MB)  PKMAP_BASE: 1024 kmap slots (LAST_PKMAP), 2 mapped, 2 with users
  hole      0xffc00000 - 0xfffaa000  ( 3752 kB)  unused
  fixmap    0xfffaa000 - 0xfffff000  (  340 kB)  FIXADDR_START..FIXADDR_TOP: 85 indexes, index i at FIXADDR_TOP - i * 4096; kmap_atomic slots 0xfffac000-0xfffbc000 (FIX_KMAP_BEGIN 68, 16 per CPU), 0 in use
# kmap_atomic: this CPU's fixmap slots, a stack growing down a page at a
# time from FIX_KMAP_BEGIN (index 68 at 0xfffbb000); unmap the newest first.
$ kmap_atomic 0x38000
0xfffbb000: pfn 0x38000 (HighMem) in cpu 0's kmap_atomic slot 0 (fixmap index 68 = FIX_KMAP_BEGIN + 0 + 16 * 0)
$ kmap_atomic 0x38001
0xfffba000: pfn 0x38001 (HighMem) in cpu 0's kmap_atomic slot 1 (fixmap index 69 = FIX_KMAP_BEGIN + 1 + 16 * 0)
$ kmap_atomic 0x1000
0xc1000000: pfn 0x1000 (Normal) is lowmem: kmap_atomic returns its direct-map address, no slot
$ vtop 0xfffba000
0xfffba000 in swapper_pg_dir (no process): i386, 2-level paging, CR3 0x017ff000
  split    pgd 1023 | pte 954 | offset 0x0   (p4d, pud, pmd folded)
  pgd[1023] table 0x017ff000  entry 0x017fb063  P RW A D
  pte[954]  table 0x017fb000  entry 0x38001163  P RW A D G
  phys     0x38001000  pfn 0x38001  zone HighMem  node 0
  area     kmap_atomic slot 1 of cpu 0 (fixmap index 69 = FIX_KMAP_BEGIN + 1 + 16 * 0): pfn 0x38001
$ kread 0xfffba000
0 (0x0) in pfn 0x38001
$ kunmap_atomic 0xfffbb000
! error: kunmap_atomic: 0xfffbb000 is cpu 0's slot 0, but its newest is slot 1 at 0xfffba000: kmap_atomic mappings are a stack, unmap in reverse order
$ kunmap_atomic 0xfffba000
0xfffba000: cpu 0's kmap_atomic slot 1 unmapped (pfn 0x38001); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffbb000
0xfffbb000: cpu 0's kmap_atomic slot 0 unmapped (pfn 0x38000); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffbb000
! error: kunmap_atomic: 0xfffbb000 (cpu 0 slot 0) is not mapped: cpu 0 holds 0 kmap_atomic mappings
$ kunmap_atomic 0xc1000000
0xc1000000 is a direct-map address: kunmap_atomic has nothing to unmap
$ kunmap_atomic 0xff801000
! error: kunmap_atomic: 0xff801000 is neither a kmap_atomic slot nor a direct-map address
$ vtop 0xfffbb000
0xfffbb000 in swapper_pg_dir (no process): i386, 2-level paging, CR3 0x017ff000
  split    pgd 1023 | pte 955 | offset 0x0   (p4d, pud, pmd folded)
  pgd[1023] table 0x017ff000  entry 0x017fb063  P RW A D
  pte[955]  table 0x017fb000  entry 0x00000000  -
  stop     pte[955] is not present: nothing maps this kernel address
  area     kmap_atomic slot 0 of cpu 0 (fixmap index 68): not in use
$ kread 0xfffbb000
BUG: unable to handle page fault for address: fffbb000
\#PF: supervisor read access in kernel mode
\#PF: error_code(0x0000) - not-present page
*pde = 017fb063 *pte = 00000000 
Oops: 0000 [#1] SMP
CPU: 0 PID: 0 Comm: swapper/0
vmlab: 0xfffbb000 is kmap_atomic slot 0 of cpu 0 (fixmap index 68): not in use
! error: kread: kernel access to 0xfffbb000 faults (not present): the kernel would oops
# Nesting deeper than KM_MAX_IDX (16) slots is an error.
$ alloc_pages 4 gfp=GFP_HIGHUSER
pfn 0x38010 order 4 (16 pages, 64K) node 0 zone HighMem (highmem: not in the direct map)
$ kmap_atomic 0x38010
0xfffbb000: pfn 0x38010 (HighMem) in cpu 0's kmap_atomic slot 0 (fixmap index 68 = FIX_KMAP_BEGIN + 0 + 16 * 0)
$ kmap_atomic 0x38011
0xfffba000: pfn 0x38011 (HighMem) in cpu 0's kmap_atomic slot 1 (fixmap index 69 = FIX_KMAP_BEGIN + 1 + 16 * 0)
$ kmap_atomic 0x38012
0xfffb9000: pfn 0x38012 (HighMem) in cpu 0's kmap_atomic slot 2 (fixmap index 70 = FIX_KMAP_BEGIN + 2 + 16 * 0)
$ kmap_atomic 0x38013
0xfffb8000: pfn 0x38013 (HighMem) in cpu 0's kmap_atomic slot 3 (fixmap index 71 = FIX_KMAP_BEGIN + 3 + 16 * 0)
$ kmap_atomic 0x38014
0xfffb7000: pfn 0x38014 (HighMem) in cpu 0's kmap_atomic slot 4 (fixmap index 72 = FIX_KMAP_BEGIN + 4 + 16 * 0)
$ kmap_atomic 0x38015
0xfffb6000: pfn 0x38015 (HighMem) in cpu 0's kmap_atomic slot 5 (fixmap index 73 = FIX_KMAP_BEGIN + 5 + 16 * 0)
$ kmap_atomic 0x38016
0xfffb5000: pfn 0x38016 (HighMem) in cpu 0's kmap_atomic slot 6 (fixmap index 74 = FIX_KMAP_BEGIN + 6 + 16 * 0)
$ kmap_atomic 0x38017
0xfffb4000: pfn 0x38017 (HighMem) in cpu 0's kmap_atomic slot 7 (fixmap index 75 = FIX_KMAP_BEGIN + 7 + 16 * 0)
$ kmap_atomic 0x38018
0xfffb3000: pfn 0x38018 (HighMem) in cpu 0's kmap_atomic slot 8 (fixmap index 76 = FIX_KMAP_BEGIN + 8 + 16 * 0)
$ kmap_atomic 0x38019
0xfffb2000: pfn 0x38019 (HighMem) in cpu 0's kmap_atomic slot 9 (fixmap index 77 = FIX_KMAP_BEGIN + 9 + 16 * 0)
$ kmap_atomic 0x3801a
0xfffb1000: pfn 0x3801a (HighMem) in cpu 0's kmap_atomic slot 10 (fixmap index 78 = FIX_KMAP_BEGIN + 10 + 16 * 0)
$ kmap_atomic 0x3801b
0xfffb0000: pfn 0x3801b (HighMem) in cpu 0's kmap_atomic slot 11 (fixmap index 79 = FIX_KMAP_BEGIN + 11 + 16 * 0)
$ kmap_atomic 0x3801c
0xfffaf000: pfn 0x3801c (HighMem) in cpu 0's kmap_atomic slot 12 (fixmap index 80 = FIX_KMAP_BEGIN + 12 + 16 * 0)
$ kmap_atomic 0x3801d
0xfffae000: pfn 0x3801d (HighMem) in cpu 0's kmap_atomic slot 13 (fixmap index 81 = FIX_KMAP_BEGIN + 13 + 16 * 0)
$ kmap_atomic 0x3801e
0xfffad000: pfn 0x3801e (HighMem) in cpu 0's kmap_atomic slot 14 (fixmap index 82 = FIX_KMAP_BEGIN + 14 + 16 * 0)
$ kmap_atomic 0x3801f
0xfffac000: pfn 0x3801f (HighMem) in cpu 0's kmap_atomic slot 15 (fixmap index 83 = FIX_KMAP_BEGIN + 15 + 16 * 0)
$ kmap_atomic 0x38001
! error: kmap_atomic: cpu 0 already holds 16 kmap_atomic mappings (KM_MAX_IDX): one more is a BUG_ON in kmap_local_idx_push(); kunmap_atomic one first
$ kunmap_atomic 0xfffac000
0xfffac000: cpu 0's kmap_atomic slot 15 unmapped (pfn 0x3801f); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffad000
0xfffad000: cpu 0's kmap_atomic slot 14 unmapped (pfn 0x3801e); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffae000
0xfffae000: cpu 0's kmap_atomic slot 13 unmapped (pfn 0x3801d); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffaf000
0xfffaf000: cpu 0's kmap_atomic slot 12 unmapped (pfn 0x3801c); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffb0000
0xfffb0000: cpu 0's kmap_atomic slot 11 unmapped (pfn 0x3801b); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffb1000
0xfffb1000: cpu 0's kmap_atomic slot 10 unmapped (pfn 0x3801a); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffb2000
0xfffb2000: cpu 0's kmap_atomic slot 9 unmapped (pfn 0x38019); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffb3000
0xfffb3000: cpu 0's kmap_atomic slot 8 unmapped (pfn 0x38018); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffb4000
0xfffb4000: cpu 0's kmap_atomic slot 7 unmapped (pfn 0x38017); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffb5000
0xfffb5000: cpu 0's kmap_atomic slot 6 unmapped (pfn 0x38016); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffb6000
0xfffb6000: cpu 0's kmap_atomic slot 5 unmapped (pfn 0x38015); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffb7000
0xfffb7000: cpu 0's kmap_atomic slot 4 unmapped (pfn 0x38014); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffb8000
0xfffb8000: cpu 0's kmap_atomic slot 3 unmapped (pfn 0x38013); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffb9000
0xfffb9000: cpu 0's kmap_atomic slot 2 unmapped (pfn 0x38012); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffba000
0xfffba000: cpu 0's kmap_atomic slot 1 unmapped (pfn 0x38011); its page flushed from this CPU's TLB
$ kunmap_atomic 0xfffbb000
0xfffbb000: cpu 0's kmap_atomic slot 0 unmapped (pfn 0x38010); its page flushed from this CPU's TLB
# Errors.
$ kmap 0x20000
! error: kmap: pfn 0x20000 is free: kmap maps pages their owner has (alloc_pages one first)
$ kmap 0x40000
! error: kmap: pfn 0x40000 is beyond the end of memory (max_pfn 0x40000)
$ kunmap 0x38002
! error: kunmap: pfn 0x38002 is not kmapped: kunmap_high() would BUG()
$ kunmap 0xff900000
! error: kunmap: 0xff900000 is pkmap slot 256, which is free
$ kmap_atomic 0x20000
! error: kmap_atomic: pfn 0x20000 is free: kmap_atomic maps pages their owner has (alloc_pages one first)
$ kunmap_atomic 0xf8800000
! error: kunmap_atomic: 0xf8800000 is neither a kmap_atomic slot nor a direct-map address
# x86_64 has no HighMem: kmap and kmap_atomic give the direct map.
$ machine arch=x86_64
machine: x86_64, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ kmap 0x1000
0xffff888001000000: pfn 0x1000 (DMA32) (x86_64 has no HighMem): kmap returns its direct-map address, no slot
$ kmap_atomic 0x1000
0xffff888001000000: pfn 0x1000 (DMA32) (x86_64 has no HighMem): kmap_atomic returns its direct-map address, no slot
$ kunmap_atomic 0xffff888001000000
0xffff888001000000 is a direct-map address: kunmap_atomic has nothing to unmap
$ kunmap 0x1000
pfn 0x1000 is lowmem: kunmap does nothing

