# vmalloc, vzalloc, vmalloc_32, vmap, vunmap, vfree and /proc/vmallocinfo,
# on i386 and x86_64: the area with its guard page, the pages one at a time
# (scattered when memory is fragmented), init_mm's PTEs, an oops on the
# guard page, lowest first fit, every page back after vfree, the pages array
# in vmalloc, and the errors.  Every command runs under --check, so the
# checker's vmalloc rule (areas sorted, guard pages unmapped, each page
# mapped exactly once) holds throughout.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Transcript;

run_transcript(\*DATA);

__DATA__
# vmalloc on the default machine (i386, 1 GiB).  VMALLOC_START is
# high_memory 0xf8000000 + 8 MiB.  Three pages take a four-page area: the
# last page is the guard page, never mapped.  The pages come one at a time
# from HighMem, through the per-CPU list.
$ vmalloc 12K
0xf8800000: vmalloc 3 pages, area 0xf8800000-0xf8804000 (16384 bytes, guard page 0xf8803000)
  pfns 0x38000-0x38002 (HighMem 3)
$ vmallocinfo
0xf8800000-0xf8804000   16384 cmd_vmalloc pages=3 vmalloc
$ cat /proc/vmallocinfo
0xf8800000-0xf8804000   16384 cmd_vmalloc pages=3 vmalloc
# init_mm's page table maps each page with PAGE_KERNEL (global, kernel-only).
$ vtop 0xf8801000
0xf8801000 in swapper_pg_dir (no process): i386, 2-level paging, CR3 0x017ff000
  split    pgd 994 | pte 1 | offset 0x0   (p4d, pud, pmd folded)
  pgd[994]  table 0x017ff000  entry 0x01803063  P RW A D
  pte[1]    table 0x01803000  entry 0x38001163  P RW A D G
  phys     0x38001000  pfn 0x38001  zone HighMem  node 0
  area     page 1 of the vmalloc area 0xf8800000-0xf8804000 (cmd_vmalloc, vmalloc)
$ vtop 0xf8803000
0xf8803000 in swapper_pg_dir (no process): i386, 2-level paging, CR3 0x017ff000
  split    pgd 994 | pte 3 | offset 0x0   (p4d, pud, pmd folded)
  pgd[994]  table 0x017ff000  entry 0x01803063  P RW A D
  pte[3]    table 0x01803000  entry 0x00000000  -
  stop     pte[3] is not present: nothing maps this kernel address
  area     the guard page of the vmalloc area 0xf8800000-0xf8804000 (cmd_vmalloc, vmalloc): never mapped, so an access running off the area faults
# The kernel stores and loads through the mapping; an access to the guard
# page is an oops, reported, and the machine goes on.
$ kwrite 0xf8800008 42
$ kread 0xf8800008
42 (0x2a) in pfn 0x38000
$ kread 0xf8803000
BUG: unable to handle page fault for address: f8803000
\#PF: supervisor read access in kernel mode
\#PF: error_code(0x0000) - not-present page
*pde = 01803063 *pte = 00000000 
Oops: 0000 [#1] SMP
CPU: 0 PID: 0 Comm: swapper/0
vmlab: 0xf8803000 is the guard page of the vmalloc area 0xf8800000-0xf8804000 (cmd_vmalloc, vmalloc): never mapped, so an access running off the area faults
! error: kread: kernel access to 0xf8803000 faults (not present): the kernel would oops
$ translate 0x68:0xf8803ff8 cpl=0
logical 0x0068:0xf8803ff8 at CPL 0
  selector 0x0068 = index 13 | TI 0 (GDT) | RPL 0
  GDT[13]  __KERNEL_DS: data, read/write, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes), DPL 0
  check    data: max(CPL 0, RPL 0) = 0 <= DPL 0: allowed
  linear   0xf8803ff8 = base 0x00000000 + offset
BUG: unable to handle page fault for address: f8803ff8
\#PF: supervisor read access in kernel mode
\#PF: error_code(0x0000) - not-present page
*pde = 01803063 *pte = 00000000 
Oops: 0000 [#2] SMP
CPU: 0 PID: 0 Comm: swapper/0
vmlab: 0xf8803ff8 is the guard page of the vmalloc area 0xf8800000-0xf8804000 (cmd_vmalloc, vmalloc): never mapped, so an access running off the area faults
! error: translate: kernel access to 0xf8803ff8 faults (not present): the kernel would oops
# vfree unmaps, flushes the TLB range, frees each page and the descriptors.
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      1      0      0      0      0      0      1      1      1      1    215 
Node 0, zone  HighMem      1      0      0      1      1      1      1      1      1      1     31 
$ vfree 0xf8800000
0xf8800000: vfree: 3 pages freed, area 0xf8800000-0xf8804000 unmapped and released, its TLB range flushed
$ vmallocinfo
# The pages went back where they came from: the per-CPU list, then the
# buddy lists are as they were.
$ vmalloc 12K
0xf8800000: vmalloc 3 pages, area 0xf8800000-0xf8804000 (16384 bytes, guard page 0xf8803000)
  pfns 0x38002, 0x38001, 0x38000 (HighMem 3)
$ vfree 0xf8800000
0xf8800000: vfree: 3 pages freed, area 0xf8800000-0xf8804000 unmapped and released, its TLB range flushed
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      1      0      0      0      0      0      1      1      1      1    215 
Node 0, zone  HighMem      1      0      0      1      1      1      1      1      1      1     31 
# Lowest first fit.  Three one-page areas sit back to back; freeing the
# middle one leaves a two-page hole: too small for two pages plus a guard,
# just right for one.
$ vmalloc 4K
0xf8800000: vmalloc 1 page, area 0xf8800000-0xf8802000 (8192 bytes, guard page 0xf8801000)
  pfns 0x38000 (HighMem 1)
$ vmalloc 4K
0xf8802000: vmalloc 1 page, area 0xf8802000-0xf8804000 (8192 bytes, guard page 0xf8803000)
  pfns 0x38001 (HighMem 1)
$ vmalloc 4K
0xf8804000: vmalloc 1 page, area 0xf8804000-0xf8806000 (8192 bytes, guard page 0xf8805000)
  pfns 0x38002 (HighMem 1)
$ vfree 0xf8802000
0xf8802000: vfree: 1 page freed, area 0xf8802000-0xf8804000 unmapped and released, its TLB range flushed
$ vmalloc 8K
0xf8806000: vmalloc 2 pages, area 0xf8806000-0xf8809000 (12288 bytes, guard page 0xf8808000)
  pfns 0x38001, 0x38003 (HighMem 2)
$ vmalloc 4K
0xf8802000: vmalloc 1 page, area 0xf8802000-0xf8804000 (8192 bytes, guard page 0xf8803000)
  pfns 0x38004 (HighMem 1)
$ vmallocinfo
0xf8800000-0xf8802000    8192 cmd_vmalloc pages=1 vmalloc
0xf8802000-0xf8804000    8192 cmd_vmalloc pages=1 vmalloc
0xf8804000-0xf8806000    8192 cmd_vmalloc pages=1 vmalloc
0xf8806000-0xf8809000   12288 cmd_vmalloc pages=2 vmalloc
$ vfree 0xf8800000
0xf8800000: vfree: 1 page freed, area 0xf8800000-0xf8802000 unmapped and released, its TLB range flushed
$ vfree 0xf8802000
0xf8802000: vfree: 1 page freed, area 0xf8802000-0xf8804000 unmapped and released, its TLB range flushed
$ vfree 0xf8804000
0xf8804000: vfree: 1 page freed, area 0xf8804000-0xf8806000 unmapped and released, its TLB range flushed
$ vfree 0xf8806000
0xf8806000: vfree: 2 pages freed, area 0xf8806000-0xf8809000 unmapped and released, its TLB range flushed
# Memory fragmented on purpose: six HighMem pages, every other one freed.
# vmalloc takes the freed ones (the per-CPU list is LIFO): not contiguous.
$ alloc_pages 0 gfp=GFP_HIGHUSER
pfn 0x38003 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)
$ alloc_pages 0 gfp=GFP_HIGHUSER
pfn 0x38001 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)
$ alloc_pages 0 gfp=GFP_HIGHUSER
pfn 0x38002 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)
$ alloc_pages 0 gfp=GFP_HIGHUSER
pfn 0x38004 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)
$ alloc_pages 0 gfp=GFP_HIGHUSER
pfn 0x38000 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)
$ alloc_pages 0 gfp=GFP_HIGHUSER
pfn 0x38005 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)
$ __free_pages 0x38001 0
$ __free_pages 0x38003 0
$ __free_pages 0x38005 0
$ vmalloc 12K
0xf8800000: vmalloc 3 pages, area 0xf8800000-0xf8804000 (16384 bytes, guard page 0xf8803000)
  pfns 0x38005, 0x38003, 0x38001 (HighMem 3)
$ __free_pages 0x38001 0
! error: __free_pages: pfn 0x38001 backs a vmalloc area (PG_vmalloc): vfree frees it
$ vfree 0xf8800000
0xf8800000: vfree: 3 pages freed, area 0xf8800000-0xf8804000 unmapped and released, its TLB range flushed
# vzalloc zeroes; vmalloc does not: the frame vfree gave back still holds 42.
$ vmalloc 4K
0xf8800000: vmalloc 1 page, area 0xf8800000-0xf8802000 (8192 bytes, guard page 0xf8801000)
  pfns 0x38001 (HighMem 1)
$ kwrite 0xf8800000 42
$ vfree 0xf8800000
0xf8800000: vfree: 1 page freed, area 0xf8800000-0xf8802000 unmapped and released, its TLB range flushed
$ vmalloc 4K
0xf8800000: vmalloc 1 page, area 0xf8800000-0xf8802000 (8192 bytes, guard page 0xf8801000)
  pfns 0x38001 (HighMem 1)
$ kread 0xf8800000
42 (0x2a) in pfn 0x38001
$ vfree 0xf8800000
0xf8800000: vfree: 1 page freed, area 0xf8800000-0xf8802000 unmapped and released, its TLB range flushed
$ vzalloc 4K
0xf8800000: vmalloc 1 page, area 0xf8800000-0xf8802000 (8192 bytes, guard page 0xf8801000)
  pfns 0x38001 (HighMem 1)
$ kread 0xf8800000
0 (0x0) in pfn 0x38001
$ vfree 0xf8800000
0xf8800000: vfree: 1 page freed, area 0xf8800000-0xf8802000 unmapped and released, its TLB range flushed
# vmalloc_32: lowmem frames (GFP_DMA32 means ZONE_NORMAL on 32-bit).
$ vmalloc_32 8K
0xf8800000: vmalloc 2 pages, area 0xf8800000-0xf8803000 (12288 bytes, guard page 0xf8802000)
  pfns 0x1805-0x1806 (Normal 2)
$ vfree 0xf8800000
0xf8800000: vfree: 2 pages freed, area 0xf8800000-0xf8803000 unmapped and released, its TLB range flushed
# A pages array bigger than a page (1025 pointers) is vmalloc'ed too.
$ vmalloc 4100K
0xf8800000: vmalloc 1025 pages, area 0xf8800000-0xf8c02000 (4202496 bytes, guard page 0xf8c01000)
  pfns 0x38005-0x38405 (HighMem 1025)
  pages array: 4100 bytes, too big for kmalloc: vmalloc'ed at 0xf8c02000 (vpages)
$ vmallocinfo
0xf8800000-0xf8c02000 4202496 cmd_vmalloc pages=1025 vmalloc vpages
0xf8c02000-0xf8c05000   12288 cmd_vmalloc pages=2 vmalloc
$ vfree 0xf8c02000
! error: vfree: 0xf8c02000 holds the pages array of the area at 0xf8800000: vfree that area, and this one goes with it
$ vfree 0xf8800000
0xf8800000: vfree: 1025 pages freed, area 0xf8800000-0xf8c02000 unmapped and released, its TLB range flushed
$ vmallocinfo
# A process shares the kernel's part of the page tables.  This vmalloc needs
# new page tables (pgd entries 995 and 996), made in swapper_pg_dir and
# copied into every pgd, so the process's walk reaches the pages too; an
# oops names the process that ran.
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x1809
$ vmalloc 8M
0xf8800000: vmalloc 2048 pages, area 0xf8800000-0xf9001000 (8392704 bytes, guard page 0xf9000000)
  pfns 0x38405, 0x38404, 0x38403, 0x38402, 0x38401, 0x38400, 0x383ff, 0x383fe, ... (77 runs in all) (HighMem 2048)
  pages array: 8192 bytes, too big for kmalloc: vmalloc'ed at 0xf9001000 (vpages)
$ vtop 0xf8c00000
0xf8c00000 in pid 1 (app): i386, 2-level paging, CR3 0x01809000
  split    pgd 995 | pte 0 | offset 0x0   (p4d, pud, pmd folded)
  pgd[995]  table 0x01809000  entry 0x01806063  P RW A D
  pte[0]    table 0x01806000  entry 0x38105163  P RW A D G
  phys     0x38105000  pfn 0x38105  zone HighMem  node 0
  area     page 1024 of the vmalloc area 0xf8800000-0xf9001000 (cmd_vmalloc, vmalloc)
$ kread 0xf9000000
BUG: unable to handle page fault for address: f9000000
\#PF: supervisor read access in kernel mode
\#PF: error_code(0x0000) - not-present page
*pde = 0180c063 *pte = 00000000 
Oops: 0000 [#3] SMP
CPU: 0 PID: 1 Comm: app
vmlab: 0xf9000000 is the guard page of the vmalloc area 0xf8800000-0xf9001000 (cmd_vmalloc, vmalloc): never mapped, so an access running off the area faults
! error: kread: kernel access to 0xf9000000 faults (not present): the kernel would oops
$ vfree 0xf8800000
0xf8800000: vfree: 2048 pages freed, area 0xf8800000-0xf9001000 unmapped and released, its TLB range flushed
$ vmallocinfo

# x86_64 with two nodes: the vmalloc space starts at 0xffffc90000000000
# (32 TiB); CONFIG_NUMA adds N<node>= to vmallocinfo.  No HighMem: pages
# come from Normal (then DMA32, DMA), here DMA32 as the machine has 2 GiB.
$ machine arch=x86_64 ram=2G nodes=2
machine: x86_64, 2048 MiB RAM, 2 nodes, 1 CPU, seed 1
Memory: 2046976K/2096760K available (16384K kernel code+data, 32768K mem_map, 632K firmware, 49784K reserved, 0K highmem)
$ vmalloc 12K
0xffffc90000000000: vmalloc 3 pages, area 0xffffc90000000000-0xffffc90000004000 (16384 bytes, guard page 0xffffc90000003000)
  pfns 0x2003-0x2005 (DMA32 3)
$ vtop 0xffffc90000000000
0xffffc90000000000 in swapper_pg_dir (no process): x86_64, 4-level paging, CR3 0x0000000001fff000
  split    pgd 402 | pud 0 | pmd 0 | pte 0 | offset 0x0   (p4d folded)
  pgd[402]  table 0x0000000001fff000  entry 0x0000000002006063  P RW A D
  pud[0]    table 0x0000000002006000  entry 0x0000000002007063  P RW A D
  pmd[0]    table 0x0000000002007000  entry 0x0000000002008063  P RW A D
  pte[0]    table 0x0000000002008000  entry 0x8000000002003163  P RW A D G NX
  phys     0x0000000002003000  pfn 0x2003  zone DMA32  node 0
  area     page 0 of the vmalloc area 0xffffc90000000000-0xffffc90000004000 (cmd_vmalloc, vmalloc)
$ kread 0xffffc90000003000
BUG: unable to handle page fault for address: ffffc90000003000
\#PF: supervisor read access in kernel mode
\#PF: error_code(0x0000) - not-present page
PGD 2006063 P4D 2006063 PUD 2007063 PMD 2008063 PTE 0
Oops: 0000 [#1] SMP
CPU: 0 PID: 0 Comm: swapper/0
vmlab: 0xffffc90000003000 is the guard page of the vmalloc area 0xffffc90000000000-0xffffc90000004000 (cmd_vmalloc, vmalloc): never mapped, so an access running off the area faults
! error: kread: kernel access to 0xffffc90000003000 faults (not present): the kernel would oops
# vmap: frames the caller owns (here one block of two pages, mapped in
# reverse order, and the first one twice) at contiguous addresses.
$ alloc_pages 1
pfn 0x2040 order 1 (2 pages, 8K) node 0 zone DMA32 virt 0xffff888002040000
$ vmap 0x2041,0x2040,0x2041
0xffffc90000004000: vmap 3 pages, area 0xffffc90000004000-0xffffc90000008000 (16384 bytes, guard page 0xffffc90000007000)
  pfns 0x2041, 0x2040-0x2041 (DMA32 3)
$ kwrite 0xffffc90000004008 7
$ kread 0xffffc90000006008
7 (0x7) in pfn 0x2041
# ... and the direct map reaches the same frame.
$ kread 0xffff888002041008
7 (0x7) in pfn 0x2041
$ vmallocinfo
0xffffc90000000000-0xffffc90000004000   16384 cmd_vmalloc pages=3 vmalloc N0=3
0xffffc90000004000-0xffffc90000008000   16384 cmd_vmap vmap
$ vunmap 0xffffc90000004000
0xffffc90000004000: vunmap: 3 pages unmapped (still their owner's), area 0xffffc90000004000-0xffffc90000008000 released
$ vmallocinfo
0xffffc90000000000-0xffffc90000004000   16384 cmd_vmalloc pages=3 vmalloc N0=3
$ vmalloc_32 8K
0xffffc90000004000: vmalloc 2 pages, area 0xffffc90000004000-0xffffc90000007000 (12288 bytes, guard page 0xffffc90000006000)
  pfns 0x200a-0x200b (DMA32 2)
$ vfree 0xffffc90000004000
0xffffc90000004000: vfree: 2 pages freed, area 0xffffc90000004000-0xffffc90000007000 unmapped and released, its TLB range flushed
$ vfree 0xffffc90000000000
0xffffc90000000000: vfree: 3 pages freed, area 0xffffc90000000000-0xffffc90000004000 unmapped and released, its TLB range flushed
$ vmallocinfo
# Errors leave everything as it was.
$ machine
machine: i386, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
$ vmalloc 0
! error: vmalloc: vmalloc error: size 0, exceeds total pages
$ vmalloc 200M
! error: vmalloc: vmap allocation for size 209719296 failed: use vmalloc=<size> to increase size (the largest hole is 114680 kB); vmalloc error: size 209715200, vm_struct allocation failed
$ vmalloc 2G
! error: vmalloc: vmalloc error: size 2147483648, exceeds total pages
$ vmalloc 12Q
! error: vmalloc: SIZE: '12Q' is not a size (a number with K, M or G)
$ vfree 0xf8800000
! error: vfree: Trying to vfree() nonexistent vm area (0xf8800000)
$ vfree 0xf8800004
! error: vfree: Trying to vfree() bad address (0xf8800004): not page-aligned
$ vfree 0
vfree(NULL) does nothing
$ vmalloc 4K
0xf8800000: vmalloc 1 page, area 0xf8800000-0xf8802000 (8192 bytes, guard page 0xf8801000)
  pfns 0x38000 (HighMem 1)
$ vunmap 0xf8800000
! error: vunmap: 0xf8800000 was vmalloc'ed (1 page): vunmap would leak them; vfree it
$ vmap 0x20000
! error: vmap: pfn 0x20000 is free: vmap maps pages its caller owns (alloc_pages one first)
$ vmap 0x38000
! error: vmap: pfn 0x38000 is a page of a vmalloc area: vmap maps pages its caller owns (alloc_pages one first)
$ vmap 0x100000
! error: vmap: pfn 0x100000 is beyond the end of memory (max_pfn 0x40000)
$ vmap 0x1000,x
! error: vmap: PFN: 'x' is not a number
$ vmap 0x1000,
! error: vmap: PFN: '0x1000,' has an empty item (items are separated by one ',')
$ vmap 0x1000,,0x1001
! error: vmap: PFN: '0x1000,,0x1001' has an empty item (items are separated by one ',')
$ kwrite 0xc17ff000 1
! error: kwrite: 0xc17ff000 is in pfn 0x17ff, a page table: the model keeps its own structures there and refuses the store
$ kread 0x08048000
! error: kread: 0x08048000 is a user address: kernel accesses here are for kernel memory (use read/write in a process)
$ kread 0xf8800004
! error: kread: 0xf8800004 is not 8-byte aligned (values are 64-bit)
$ vmallocinfo
0xf8800000-0xf8802000    8192 cmd_vmalloc pages=1 vmalloc

