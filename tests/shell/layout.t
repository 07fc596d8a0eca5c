# `layout`: the kernel's virtual memory map with this machine's values.
# i386 prints the boot log's "virtual kernel memory layout:" block, then the
# whole 4 GiB low to high; VMALLOC_START follows high_memory (1 GiB vs 512
# MiB); PAE halves the pkmap area; more CPUs widen the fixmap.  x86_64 and
# x86_64-la57 print the documented map with what the machine uses.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Transcript;

run_transcript(\*DATA);

__DATA__
# The kernel's virtual memory map.  i386 with 1 GiB: lowmem is the 896 MiB
# direct map, so VMALLOC_START = high_memory 0xf8000000 + 8 MiB.
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
  pkmap     0xff800000 - 0xffc00000  (    4 MB)  PKMAP_BASE: 1024 kmap slots (LAST_PKMAP), 0 mapped, 0 with users
  hole      0xffc00000 - 0xfffaa000  ( 3752 kB)  unused
  fixmap    0xfffaa000 - 0xfffff000  (  340 kB)  FIXADDR_START..FIXADDR_TOP: 85 indexes, index i at FIXADDR_TOP - i * 4096; kmap_atomic slots 0xfffac000-0xfffbc000 (FIX_KMAP_BEGIN 68, 16 per CPU), 0 in use
# With 512 MiB the direct map ends at 0xe0000000 and the vmalloc space
# starts 8 MiB later: less RAM, more vmalloc space.
$ machine ram=512M
machine: i386, 512 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 510976K/523896K available (8192K kernel code+data, 4096K mem_map, 632K firmware, 12920K reserved, 0K highmem)
$ layout
virtual kernel memory layout:
    fixmap  : 0xfffaa000 - 0xfffff000   ( 340 kB)
    pkmap   : 0xff800000 - 0xffc00000   (4096 kB)
    vmalloc : 0xe0800000 - 0xff7fe000   ( 495 MB)
    lowmem  : 0xc0000000 - 0xe0000000   ( 512 MB)
\
i386 address space, low to high (2-level paging, 512 MiB RAM, 3G/1G split):
  user      0x00000000 - 0xc0000000  (    3 GB)  TASK_SIZE = PAGE_OFFSET; each process its own
  lowmem    0xc0000000 - 0xe0000000  (  512 MB)  direct map of pfn 0-0x1ffff at PAGE_OFFSET + pfn * 4096, up to high_memory; the kernel image at 0xc1000000-0xc1800000
  hole      0xe0000000 - 0xe0800000  (    8 MB)  VMALLOC_OFFSET: an access running off the direct map faults
  vmalloc   0xe0800000 - 0xff7fe000  ( ~496 MB)  VMALLOC_START..VMALLOC_END: 0 areas, 0 vmalloc pages
  hole      0xff7fe000 - 0xff800000  (    8 kB)  2 pages
  pkmap     0xff800000 - 0xffc00000  (    4 MB)  PKMAP_BASE: 1024 kmap slots (LAST_PKMAP), 0 mapped, 0 with users
  hole      0xffc00000 - 0xfffaa000  ( 3752 kB)  unused
  fixmap    0xfffaa000 - 0xfffff000  (  340 kB)  FIXADDR_START..FIXADDR_TOP: 85 indexes, index i at FIXADDR_TOP - i * 4096; kmap_atomic slots 0xfffac000-0xfffbc000 (FIX_KMAP_BEGIN 68, 16 per CPU), 0 in use
$ vmalloc 1M
0xe0800000: vmalloc 256 pages, area 0xe0800000-0xe0901000 (1052672 bytes, guard page 0xe0900000)
  pfns 0x1802-0x181f, 0x1822-0x1903 (Normal 256)
$ layout
virtual kernel memory layout:
    fixmap  : 0xfffaa000 - 0xfffff000   ( 340 kB)
    pkmap   : 0xff800000 - 0xffc00000   (4096 kB)
    vmalloc : 0xe0800000 - 0xff7fe000   ( 495 MB)
    lowmem  : 0xc0000000 - 0xe0000000   ( 512 MB)
\
i386 address space, low to high (2-level paging, 512 MiB RAM, 3G/1G split):
  user      0x00000000 - 0xc0000000  (    3 GB)  TASK_SIZE = PAGE_OFFSET; each process its own
  lowmem    0xc0000000 - 0xe0000000  (  512 MB)  direct map of pfn 0-0x1ffff at PAGE_OFFSET + pfn * 4096, up to high_memory; the kernel image at 0xc1000000-0xc1800000
  hole      0xe0000000 - 0xe0800000  (    8 MB)  VMALLOC_OFFSET: an access running off the direct map faults
  vmalloc   0xe0800000 - 0xff7fe000  ( ~496 MB)  VMALLOC_START..VMALLOC_END: 1 area, 256 vmalloc pages
  hole      0xff7fe000 - 0xff800000  (    8 kB)  2 pages
  pkmap     0xff800000 - 0xffc00000  (    4 MB)  PKMAP_BASE: 1024 kmap slots (LAST_PKMAP), 0 mapped, 0 with users
  hole      0xffc00000 - 0xfffaa000  ( 3752 kB)  unused
  fixmap    0xfffaa000 - 0xfffff000  (  340 kB)  FIXADDR_START..FIXADDR_TOP: 85 indexes, index i at FIXADDR_TOP - i * 4096; kmap_atomic slots 0xfffac000-0xfffbc000 (FIX_KMAP_BEGIN 68, 16 per CPU), 0 in use
# PAE: 512 pkmap slots in a 2 MiB-aligned area, so vmalloc reaches higher.
$ machine arch=i386-pae
machine: i386-pae, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
$ layout
virtual kernel memory layout:
    fixmap  : 0xfffaa000 - 0xfffff000   ( 340 kB)
    pkmap   : 0xffc00000 - 0xffe00000   (2048 kB)
    vmalloc : 0xf8800000 - 0xffbfe000   ( 115 MB)
    lowmem  : 0xc0000000 - 0xf8000000   ( 896 MB)
\
i386-pae address space, low to high (3-level (PAE) paging, 1024 MiB RAM, 3G/1G split):
  user      0x00000000 - 0xc0000000  (    3 GB)  TASK_SIZE = PAGE_OFFSET; each process its own
  lowmem    0xc0000000 - 0xf8000000  (  896 MB)  direct map of pfn 0-0x37fff at PAGE_OFFSET + pfn * 4096, up to high_memory; the kernel image at 0xc1000000-0xc1800000
  hole      0xf8000000 - 0xf8800000  (    8 MB)  VMALLOC_OFFSET: an access running off the direct map faults
  vmalloc   0xf8800000 - 0xffbfe000  ( ~116 MB)  VMALLOC_START..VMALLOC_END: 0 areas, 0 vmalloc pages
  hole      0xffbfe000 - 0xffc00000  (    8 kB)  2 pages
  pkmap     0xffc00000 - 0xffe00000  (    2 MB)  PKMAP_BASE: 512 kmap slots (LAST_PKMAP), 0 mapped, 0 with users
  hole      0xffe00000 - 0xfffaa000  ( 1704 kB)  unused
  fixmap    0xfffaa000 - 0xfffff000  (  340 kB)  FIXADDR_START..FIXADDR_TOP: 85 indexes, index i at FIXADDR_TOP - i * 4096; kmap_atomic slots 0xfffac000-0xfffbc000 (FIX_KMAP_BEGIN 68, 16 per CPU), 0 in use
# Four CPUs: 16 kmap_atomic slots each make the fixmap bigger.
$ machine cpus=4
machine: i386, 1024 MiB RAM, 1 node, 4 CPUs, seed 1
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
$ layout
virtual kernel memory layout:
    fixmap  : 0xfff7a000 - 0xfffff000   ( 532 kB)
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
  pkmap     0xff800000 - 0xffc00000  (    4 MB)  PKMAP_BASE: 1024 kmap slots (LAST_PKMAP), 0 mapped, 0 with users
  hole      0xffc00000 - 0xfff7a000  ( 3560 kB)  unused
  fixmap    0xfff7a000 - 0xfffff000  (  532 kB)  FIXADDR_START..FIXADDR_TOP: 133 indexes, index i at FIXADDR_TOP - i * 4096; kmap_atomic slots 0xfff7c000-0xfffbc000 (FIX_KMAP_BEGIN 68, 16 per CPU), 0 in use
# x86_64, 4-level and 5-level paging: the documented map.
$ machine arch=x86_64 ram=4G
machine: x86_64, 4096 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 4111360K/4193912K available (16384K kernel code+data, 65536K mem_map, 632K firmware, 82552K reserved, 0K highmem)
$ vmalloc 8K
0xffffc90000000000: vmalloc 2 pages, area 0xffffc90000000000-0xffffc90000003000 (12288 bytes, guard page 0xffffc90000002000)
  pfns 0x2003-0x2004 (DMA32 2)
$ layout
x86_64 address space, low to high (4-level paging, 4096 MiB RAM; Documentation/arch/x86/x86_64/mm.rst):
  user      0x0000000000000000 - 0x0000800000000000  (  128 TB)  each process its own; TASK_SIZE 0x00007ffffffff000 (the top page is never mapped)
  hole      0x0000800000000000 - 0xffff800000000000  (  ~16 EB)  non-canonical: bits 63..48 must repeat bit 47
  guard     0xffff800000000000 - 0xffff880000000000  (    8 TB)  guard hole, reserved for a hypervisor
  ldt       0xffff880000000000 - 0xffff888000000000  (  512 GB)  LDT remap for PTI
  lowmem    0xffff888000000000 - 0xffffc88000000000  (   64 TB)  direct map of all RAM (page_offset_base): 4 GB used, up to 0xffff888100000000
  hole      0xffffc88000000000 - 0xffffc90000000000  (  512 GB)  unused
  vmalloc   0xffffc90000000000 - 0xffffe90000000000  (   32 TB)  VMALLOC_START..VMALLOC_END: 1 area, 2 vmalloc pages
  hole      0xffffe90000000000 - 0xffffea0000000000  (    1 TB)  unused
  vmemmap   0xffffea0000000000 - 0xffffeb0000000000  (    1 TB)  struct page array (vmemmap_base): 64 MB used, 1048576 pages of 64 bytes
  hole      0xffffeb0000000000 - 0xffffec0000000000  (    1 TB)  unused
  kasan     0xffffec0000000000 - 0xfffffc0000000000  (   16 TB)  KASAN shadow memory (unused without CONFIG_KASAN)
  hole      0xfffffc0000000000 - 0xfffffe0000000000  (    2 TB)  unused; vaddr_end for KASLR
  cpu_entry 0xfffffe0000000000 - 0xfffffe8000000000  (  512 GB)  cpu_entry_area mapping
  hole      0xfffffe8000000000 - 0xffffff0000000000  (  512 GB)  unused
  espfix    0xffffff0000000000 - 0xffffff8000000000  (  512 GB)  %esp fixup stacks
  hole      0xffffff8000000000 - 0xffffffef00000000  (  444 GB)  unused
  efi       0xffffffef00000000 - 0xffffffff00000000  (   64 GB)  EFI region mapping space
  hole      0xffffffff00000000 - 0xffffffff80000000  (    2 GB)  unused
  kernel    0xffffffff80000000 - 0xffffffffa0000000  (  512 MB)  kernel text mapping, to physical 0 (__START_KERNEL_map); the image at 0xffffffff81000000-0xffffffff82000000 (the model reaches it through the direct map and builds no tables here)
  modules   0xffffffffa0000000 - 0xffffffffff000000  ( 1520 MB)  module mapping space
  hole      0xffffffffff000000 - 0xffffffffff57c000  ( 5616 kB)  unused
  fixmap    0xffffffffff57c000 - 0xffffffffff600000  (  528 kB)  kernel-internal fixmap range, up to the vsyscall page (itself one of the 643 indexes below FIXADDR_TOP 0xffffffffff7ff000; no kmap slots: no HighMem)
  vsyscall  0xffffffffff600000 - 0xffffffffff601000  (    4 kB)  legacy vsyscall ABI
  fixmap    0xffffffffff601000 - 0xffffffffff800000  ( 2044 kB)  the fixmap's indexes above the vsyscall page (0, FIX_HOLE, to 510), up to FIXADDR_TOP + PAGE_SIZE
  hole      0xffffffffff800000 - 0xffffffffffffffff  (    8 MB)  unused, up to the top of the address space (the end shown is the last byte)
$ machine arch=x86_64-la57
machine: x86_64-la57, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ layout
x86_64-la57 address space, low to high (5-level paging, 1024 MiB RAM; Documentation/arch/x86/x86_64/mm.rst):
  user      0x0000000000000000 - 0x0100000000000000  (   64 PB)  each process its own; TASK_SIZE 0x00fffffffffff000 (the top page is never mapped)
  hole      0x0100000000000000 - 0xff00000000000000  (16256 PB)  non-canonical: bits 63..57 must repeat bit 56
  guard     0xff00000000000000 - 0xff10000000000000  (    4 PB)  guard hole, reserved for a hypervisor
  ldt       0xff10000000000000 - 0xff11000000000000  (  256 TB)  LDT remap for PTI
  lowmem    0xff11000000000000 - 0xff91000000000000  (   32 PB)  direct map of all RAM (page_offset_base): 1 GB used, up to 0xff11000040000000
  hole      0xff91000000000000 - 0xffa0000000000000  ( 3840 TB)  unused
  vmalloc   0xffa0000000000000 - 0xffd2000000000000  (12800 TB)  VMALLOC_START..VMALLOC_END: 0 areas, 0 vmalloc pages
  hole      0xffd2000000000000 - 0xffd4000000000000  (  512 TB)  unused
  vmemmap   0xffd4000000000000 - 0xffd6000000000000  (  512 TB)  struct page array (vmemmap_base): 16 MB used, 262144 pages of 64 bytes
  hole      0xffd6000000000000 - 0xffdf000000000000  ( 2304 TB)  unused
  kasan     0xffdf000000000000 - 0xfffffc0000000000  ( 8444 TB)  KASAN shadow memory (unused without CONFIG_KASAN)
  hole      0xfffffc0000000000 - 0xfffffe0000000000  (    2 TB)  unused; vaddr_end for KASLR
  cpu_entry 0xfffffe0000000000 - 0xfffffe8000000000  (  512 GB)  cpu_entry_area mapping
  hole      0xfffffe8000000000 - 0xffffff0000000000  (  512 GB)  unused
  espfix    0xffffff0000000000 - 0xffffff8000000000  (  512 GB)  %esp fixup stacks
  hole      0xffffff8000000000 - 0xffffffef00000000  (  444 GB)  unused
  efi       0xffffffef00000000 - 0xffffffff00000000  (   64 GB)  EFI region mapping space
  hole      0xffffffff00000000 - 0xffffffff80000000  (    2 GB)  unused
  kernel    0xffffffff80000000 - 0xffffffffa0000000  (  512 MB)  kernel text mapping, to physical 0 (__START_KERNEL_map); the image at 0xffffffff81000000-0xffffffff82000000 (the model reaches it through the direct map and builds no tables here)
  modules   0xffffffffa0000000 - 0xffffffffff000000  ( 1520 MB)  module mapping space
  hole      0xffffffffff000000 - 0xffffffffff57c000  ( 5616 kB)  unused
  fixmap    0xffffffffff57c000 - 0xffffffffff600000  (  528 kB)  kernel-internal fixmap range, up to the vsyscall page (itself one of the 643 indexes below FIXADDR_TOP 0xffffffffff7ff000; no kmap slots: no HighMem)
  vsyscall  0xffffffffff600000 - 0xffffffffff601000  (    4 kB)  legacy vsyscall ABI
  fixmap    0xffffffffff601000 - 0xffffffffff800000  ( 2044 kB)  the fixmap's indexes above the vsyscall page (0, FIX_HOLE, to 510), up to FIXADDR_TOP + PAGE_SIZE
  hole      0xffffffffff800000 - 0xffffffffffffffff  (    8 MB)  unused, up to the top of the address space (the end shown is the last byte)

