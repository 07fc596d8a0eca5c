# Translation: vtop and ptov, the GDT and logical addresses with their
# privilege checks, the TLB (global entries, invlpg, PCID, LRU in a set).
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# vtop and ptov without a process: swapper_pg_dir
$ vtop 0xc0001000
0xc0001000 in swapper_pg_dir (no process): i386, 2-level paging, CR3 0x017ff000
  split    pgd 768 | pte 1 | offset 0x0   (p4d, pud, pmd folded)
  pgd[768]  table 0x017ff000  entry 0x017fe063  P RW A D
  pte[1]    table 0x017fe000  entry 0x00001163  P RW A D G
  phys     0x00001000  pfn 0x1  zone DMA  node 0
$ vtop 0xc0800000
0xc0800000 in swapper_pg_dir (no process): i386, 2-level paging, CR3 0x017ff000
  split    pgd 770 | pte 0 | offset 0x0   (p4d, pud, pmd folded)
  pgd[770]  table 0x017ff000  entry 0x008001e3  P RW A D PS G
  phys     0x00800000  pfn 0x800  zone DMA  node 0  (in a 4 MiB page)
$ vtop 0xf8000000
0xf8000000 in swapper_pg_dir (no process): i386, 2-level paging, CR3 0x017ff000
  split    pgd 992 | pte 0 | offset 0x0   (p4d, pud, pmd folded)
  pgd[992]  table 0x017ff000  entry 0x00000000  -
  stop     pgd[992] is not present: nothing maps this kernel address
$ vtop 0x08048000
0x08048000 in swapper_pg_dir (no process): i386, 2-level paging, CR3 0x017ff000
  split    pgd 32 | pte 72 | offset 0x0   (p4d, pud, pmd folded)
  pgd[32]   table 0x017ff000  entry 0x00000000  -
  stop     pgd[32] is not present: no process runs: swapper_pg_dir maps no user space
$ vtop 0x100000000
! error: vtop: 0x100000000 is not a 32-bit address
$ vtop zz
! error: vtop: ADDR: 'zz' is not a number
$ ptov 0x1000
phys 0x00001000  pfn 0x1  zone DMA  node 0
  direct map: 0xc0001000 (PAGE_OFFSET + phys)
$ ptov 0x38000000
phys 0x38000000  pfn 0x38000  zone HighMem  node 0
  no direct-map address: a HighMem frame (the kernel must kmap it)
$ ptov 0x40000000
! error: ptov: 0x40000000 is beyond the end of RAM (0x40000000)

# the GDT and logical addresses
$ gdt
GDT of i386 (32 entries; the others are empty); selector = index*8 + RPL (DPL shown)
  idx  sel   descriptor          type                  base        limit       DPL     name
    0  0x00  0x0000000000000000  not present                                           null
    6  0x30  0x0000000000000000  not present                                           GDT_ENTRY_TLS_MIN (glibc's TLS)
    7  0x38  0x0000000000000000  not present                                           TLS #2
    8  0x40  0x0000000000000000  not present                                           GDT_ENTRY_TLS_MAX
   12  0x60  0x00cf9b000000ffff  code, execute/read    0x00000000  0xfffff*4K  0 D     __KERNEL_CS
   13  0x68  0x00cf93000000ffff  data, read/write      0x00000000  0xfffff*4K  0 D     __KERNEL_DS
   14  0x73  0x00cffb000000ffff  code, execute/read    0x00000000  0xfffff*4K  3 D     __USER_CS
   15  0x7b  0x00cff3000000ffff  data, read/write      0x00000000  0xfffff*4K  3 D     __USER_DS
   16  0x80  0xc10089a4a000206b  TSS (available)       0xc1a4a000  0x0206b     0       GDT_ENTRY_TSS
   17  0x88  0x0000000000000000  not present                                           GDT_ENTRY_LDT
   26  0xd0  0x00cf93000000ffff  data, read/write      0x00000000  0xfffff*4K  0 D     GDT_ENTRY_ESPFIX_SS
   27  0xd8  0x00cf93000000ffff  data, read/write      0x00000000  0xfffff*4K  0 D     __KERNEL_PERCPU
   31  0xf8  0xc10089a4c000206b  TSS (available)       0xc1a4c000  0x0206b     0       GDT_ENTRY_DOUBLEFAULT_TSS
$ translate 0x68:0xc0100000 cpl=0
logical 0x0068:0xc0100000 at CPL 0
  selector 0x0068 = index 13 | TI 0 (GDT) | RPL 0
  GDT[13]  __KERNEL_DS: data, read/write, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes), DPL 0
  check    data: max(CPL 0, RPL 0) = 0 <= DPL 0: allowed
  linear   0xc0100000 = base 0x00000000 + offset
  pgd[768]  table 0x017ff000  entry 0x017fe063  P RW A D
  pte[256]  table 0x017fe000  entry 0x00100163  P RW A D G
  phys     0x00100000  pfn 0x100  zone DMA  node 0
  TLB      miss: walked, and the translation is cached now
$ translate 0x68:0xc0100000 cpl=0
logical 0x0068:0xc0100000 at CPL 0
  selector 0x0068 = index 13 | TI 0 (GDT) | RPL 0
  GDT[13]  __KERNEL_DS: data, read/write, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes), DPL 0
  check    data: max(CPL 0, RPL 0) = 0 <= DPL 0: allowed
  linear   0xc0100000 = base 0x00000000 + offset
  pgd[768]  table 0x017ff000  entry 0x017fe063  P RW A D
  pte[256]  table 0x017fe000  entry 0x00100163  P RW A D G
  phys     0x00100000  pfn 0x100  zone DMA  node 0
  TLB      hit
$ translate 0x60:0xc0100000 cpl=0
logical 0x0060:0xc0100000 at CPL 0
  selector 0x0060 = index 12 | TI 0 (GDT) | RPL 0
  GDT[12]  __KERNEL_CS: code, execute/read, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes), DPL 0
  check    code: CPL 0 = DPL 0: allowed
  linear   0xc0100000 = base 0x00000000 + offset
  pgd[768]  table 0x017ff000  entry 0x017fe063  P RW A D
  pte[256]  table 0x017fe000  entry 0x00100163  P RW A D G
  phys     0x00100000  pfn 0x100  zone DMA  node 0
  TLB      hit
$ translate 0x7b:0x08048000
logical 0x007b:0x08048000 at CPL 3
  selector 0x007b = index 15 | TI 0 (GDT) | RPL 3
  GDT[15]  __USER_DS: data, read/write, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes), DPL 3
  check    data: max(CPL 3, RPL 3) = 3 <= DPL 3: allowed
  linear   0x08048000 = base 0x00000000 + offset
! error: translate: no process runs on cpu 0 (exec one, or switch PID)
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ malloc 100
0x0804b008  (brk heap: brk 0x0804b000 -> 0x0806c000)
$ touch 0x0804b008 w
touched 1 page (write): 1 minor fault, 0 major
$ translate 0x7b:0x0804b008
logical 0x007b:0x0804b008 at CPL 3
  selector 0x007b = index 15 | TI 0 (GDT) | RPL 3
  GDT[15]  __USER_DS: data, read/write, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes), DPL 3
  check    data: max(CPL 3, RPL 3) = 3 <= DPL 3: allowed
  linear   0x0804b008 = base 0x00000000 + offset
  pgd[32]   table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[75]   table 0x0180e000  entry 0x38000067  P RW US A D
  phys     0x38000008  pfn 0x38000  zone HighMem  node 0
  TLB      hit
$ translate 0x73:0x08048000
logical 0x0073:0x08048000 at CPL 3
  selector 0x0073 = index 14 | TI 0 (GDT) | RPL 3
  GDT[14]  __USER_CS: code, execute/read, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes), DPL 3
  check    code: CPL 3 = DPL 3: allowed
  linear   0x08048000 = base 0x00000000 + offset
  pgd[32]   table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[72]   table 0x0180e000  entry 0x38001025  P US A
  phys     0x38001000  pfn 0x38001  zone HighMem  node 0
  TLB      miss: walked, and the translation is cached now
$ translate 0x60:0x08048000
logical 0x0060:0x08048000 at CPL 3
  selector 0x0060 = index 12 | TI 0 (GDT) | RPL 0
  GDT[12]  __KERNEL_CS: code, execute/read, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes), DPL 0
! error: translate: a fetch through non-conforming code segment __KERNEL_CS needs CPL = DPL, but CPL 3, DPL 0: #GP
$ translate 0x68:0x0804b008
logical 0x0068:0x0804b008 at CPL 3
  selector 0x0068 = index 13 | TI 0 (GDT) | RPL 0
  GDT[13]  __KERNEL_DS: data, read/write, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes), DPL 0
! error: translate: max(CPL 3, RPL 0) = 3 > DPL 0 of __KERNEL_DS: #GP
$ translate 0x0:5
logical 0x0000:0x00000005 at CPL 3
  selector 0x0000 = index 0 | TI 0 (GDT) | RPL 0
! error: translate: the null selector: a memory access through it is #GP
$ translate 0x7f:5
logical 0x007f:0x00000005 at CPL 3
  selector 0x007f = index 15 | TI 1 (LDT) | RPL 3
! error: translate: TI = 1 selects the LDT, and Linux gives processes no LDT (modify_ldt was never called): #GP
$ translate 0x88:0
logical 0x0088:0x00000000 at CPL 3
  selector 0x0088 = index 17 | TI 0 (GDT) | RPL 0
! error: translate: GDT entry 17 is not present: #NP
$ translate 0x100:0
logical 0x0100:0x00000000 at CPL 3
  selector 0x0100 = index 32 | TI 0 (GDT) | RPL 0
! error: translate: index 32 is beyond the GDT (32 entries): #GP
$ translate 0x7b
! error: translate: '0x7b' is not SEL:OFFSET (e.g. 0x7b:0x0804b008)
$ translate 0x7b:0x0804b008 cpl=1
! error: translate: cpl: 0 (kernel) or 3 (user), not '1'
$ translate 0x7b:0x100000000
! error: translate: offset 0x100000000 does not fit in 32 bits
$ translate 0x7b:0xc0000000
logical 0x007b:0xc0000000 at CPL 3
  selector 0x007b = index 15 | TI 0 (GDT) | RPL 3
  GDT[15]  __USER_DS: data, read/write, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes), DPL 3
  check    data: max(CPL 3, RPL 3) = 3 <= DPL 3: allowed
  linear   0xc0000000 = base 0x00000000 + offset
0xc0000000 is kernel memory: its PTEs lack the U/S bit, so a user access faults (SIGSEGV, SEGV_MAPERR): pid 1 (app) killed
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT

# the TLB: a kernel (global) entry survives the CR3 load of a switch; user ones do not
$ exec one
pid 2 (one) is now current: 3 VMAs, pgd at pfn 0x180b
$ touch 0xbffff000 w
touched 1 page (write): 1 minor fault, 0 major
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x0180b000 (pid 2, one)
  2 valid; hits 3, misses 4, flushes 4, invlpg 0
  set way  virtual       physical    size  pcid  flags
    0   0  0xc0100000 -> 0x00100000  4K       0  RW D G
   15   0  0xbffff000 -> 0x38000000  4K       0  RW US D
$ exec two
pid 3 (two) is now current: 3 VMAs, pgd at pfn 0x180f
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x0180f000 (pid 3, two)
  1 valid; hits 3, misses 4, flushes 5, invlpg 0
  set way  virtual       physical    size  pcid  flags
    0   0  0xc0100000 -> 0x00100000  4K       0  RW D G
$ touch 0xbffff000 w
touched 1 page (write): 1 minor fault, 0 major
$ touch 0xbffff000 r
touched 1 page (read): 0 minor faults, 0 major
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x0180f000 (pid 3, two)
  2 valid; hits 4, misses 5, flushes 5, invlpg 0
  set way  virtual       physical    size  pcid  flags
    0   0  0xc0100000 -> 0x00100000  4K       0  RW D G
   15   0  0xbffff000 -> 0x38002000  4K       0  RW US D
$ tlb flush
cpu 0: 2 TLB entries flushed, global ones too
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x0180f000 (pid 3, two)
  0 valid; hits 4, misses 5, flushes 6, invlpg 0
$ tlb drop
! error: tlb: unknown word 'drop' (tlb, or tlb flush)
# invlpg on munmap and mprotect
$ mmap 8K addr=0x40000000
0x40000000
$ touch 0x40000000 8K w
touched 2 pages (write): 2 minor faults, 0 major
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x0180f000 (pid 3, two)
  2 valid; hits 4, misses 7, flushes 6, invlpg 0
  set way  virtual       physical    size  pcid  flags
    0   0  0x40000000 -> 0x38003000  4K       0  RW US D
    1   0  0x40001000 -> 0x38004000  4K       0  RW US D
$ mprotect 0x40000000 4096 r
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x0180f000 (pid 3, two)
  1 valid; hits 4, misses 7, flushes 6, invlpg 1
  set way  virtual       physical    size  pcid  flags
    1   0  0x40001000 -> 0x38004000  4K       0  RW US D
$ munmap 0x40000000 8K
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x0180f000 (pid 3, two)
  0 valid; hits 4, misses 7, flushes 6, invlpg 3

# PCID (64-bit mode only): tagged entries survive a switch; a small set
# shows LRU replacement
$ machine arch=x86_64 pcid=on tlb=4 tlb_ways=2
machine: x86_64, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ exec a
pid 1 (a) is now current: 3 VMAs, pgd at pfn 0x200a
$ touch 0x7fffffffe000 w
touched 1 page (write): 1 minor fault, 0 major
$ touch 0x7fffffffd000 w
touched 1 page (write): 1 minor fault, 0 major
$ exec b
pid 2 (b) is now current: 3 VMAs, pgd at pfn 0x2012
$ touch 0x7fffffffe000 w
touched 1 page (write): 1 minor fault, 0 major
$ tlb
cpu 0 TLB: 4 entries, 2-way (2 sets), PCID on; CR3 0x0000000002012000 (pid 2, b, PCID 2)
  3 valid; hits 0, misses 3, flushes 2, invlpg 0
  set way  virtual               physical            size  pcid  flags
    0   0  0x00007fffffffe000 -> 0x0000000002010000  4K       1  RW US D NX
    0   1  0x00007fffffffe000 -> 0x0000000002016000  4K       2  RW US D NX
    1   0  0x00007fffffffd000 -> 0x0000000002011000  4K       1  RW US D NX
$ switch 1
cpu 0: pid 2 (b) -> pid 1 (a), CR3 = 0x000000000200a000 (PCID: tagged TLB entries stay)
$ touch 0x7fffffffe000
touched 1 page (read): 0 minor faults, 0 major
$ touch 0x7fffffffc000 w
touched 1 page (write): 1 minor fault, 0 major
$ tlb
cpu 0 TLB: 4 entries, 2-way (2 sets), PCID on; CR3 0x000000000200a000 (pid 1, a, PCID 1)
  3 valid; hits 1, misses 4, flushes 2, invlpg 0
  set way  virtual               physical            size  pcid  flags
    0   0  0x00007fffffffe000 -> 0x0000000002010000  4K       1  RW US D NX
    0   1  0x00007fffffffc000 -> 0x0000000002017000  4K       1  RW US D NX
    1   0  0x00007fffffffd000 -> 0x0000000002011000  4K       1  RW US D NX
# switching to the process that runs already loads nothing
$ switch 1
cpu 0: pid 1 (a) runs already: CR3 stays 0x000000000200a000, the TLB keeps its entries
$ machine pcid=on
! error: machine: pcid=on: PCIDs exist only in 64-bit mode (x86_64, x86_64-la57), not on i386
$ machine tlb=6 tlb_ways=4
! error: machine: tlb_ways=4 must divide tlb=6
$ machine tlb=0
! error: machine: tlb: 0 is out of range (1..65536)
$ machine tlb_ways=0
! error: machine: tlb_ways: 0 is not a number of ways (at least 1)
$ machine pcid=yes
! error: machine: pcid: expected on or off, not 'yes'

# x86_64: the same on a 4-level machine
$ machine arch=x86_64
machine: x86_64, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ gdt
GDT of x86_64 (32 entries; the others are empty); selector = index*8 + RPL (DPL shown)
  idx  sel   descriptor          type                  base        limit       DPL     name
    0  0x00  0x0000000000000000  not present                                           null
    1  0x08  0x00cf9b000000ffff  code, execute/read    0x00000000  0xfffff*4K  0 D     __KERNEL32_CS
    2  0x10  0x00af9b000000ffff  code, execute/read    0x00000000  0xfffff*4K  0 L     __KERNEL_CS
    3  0x18  0x00cf93000000ffff  data, read/write      0x00000000  0xfffff*4K  0 D     __KERNEL_DS
    4  0x23  0x00cffb000000ffff  code, execute/read    0x00000000  0xfffff*4K  3 D     __USER32_CS
    5  0x2b  0x00cff3000000ffff  data, read/write      0x00000000  0xfffff*4K  3 D     __USER_DS
    6  0x33  0x00affb000000ffff  code, execute/read    0x00000000  0xfffff*4K  3 L     __USER_CS
    8  0x40  0x000089002000206f  TSS (available)       0x00002000  0x0206f     0       GDT_ENTRY_TSS (16 bytes)
   10  0x50  0x0000000000000000  not present                                           GDT_ENTRY_LDT
   12  0x60  0x0000000000000000  not present                                           GDT_ENTRY_TLS_MIN
   13  0x68  0x0000000000000000  not present                                           TLS #2
   14  0x70  0x0000000000000000  not present                                           GDT_ENTRY_TLS_MAX
   15  0x7b  0x0040f50000000000  data, read-only       0x00000000  0x00000     3 D     GDT_ENTRY_CPUNODE
$ translate 0x18:0xffff888000100000 cpl=0
logical 0x0018:0xffff888000100000 at CPL 0
  selector 0x0018 = index 3 | TI 0 (GDT) | RPL 0
  GDT[3]  __KERNEL_DS: data, read/write, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes; long mode ignores base and limit), DPL 0
  check    data: max(CPL 0, RPL 0) = 0 <= DPL 0: allowed
  linear   0xffff888000100000 = base 0x00000000 + offset
  pgd[273]  table 0x0000000001fff000  entry 0x0000000001ffe063  P RW A D
  pud[0]    table 0x0000000001ffe000  entry 0x0000000001ffd063  P RW A D
  pmd[0]    table 0x0000000001ffd000  entry 0x0000000001ffc063  P RW A D
  pte[256]  table 0x0000000001ffc000  entry 0x8000000000100163  P RW A D G NX
  phys     0x0000000000100000  pfn 0x100  zone DMA  node 0
  TLB      miss: walked, and the translation is cached now
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x200a
$ translate 0x2b:0x7ffffffff000
logical 0x002b:0x00007ffffffff000 at CPL 3
  selector 0x002b = index 5 | TI 0 (GDT) | RPL 3
  GDT[5]  __USER_DS: data, read/write, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes; long mode ignores base and limit), DPL 3
  check    data: max(CPL 3, RPL 3) = 3 <= DPL 3: allowed
  linear   0x00007ffffffff000 = base 0x00000000 + offset
0x00007ffffffff000 is above TASK_SIZE 0x00007ffffffff000: not user space (SIGSEGV, SEGV_MAPERR): pid 1 (app) killed
$ exec app
pid 2 (app) is now current: 3 VMAs, pgd at pfn 0x200a
$ translate 0x2b:0x7fffffffe000
logical 0x002b:0x00007fffffffe000 at CPL 3
  selector 0x002b = index 5 | TI 0 (GDT) | RPL 3
  GDT[5]  __USER_DS: data, read/write, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes; long mode ignores base and limit), DPL 3
  check    data: max(CPL 3, RPL 3) = 3 <= DPL 3: allowed
  linear   0x00007fffffffe000 = base 0x00000000 + offset
  pgd[255]  table 0x000000000200a000  entry 0x000000000200d067  P RW US A D
  pud[511]  table 0x000000000200d000  entry 0x000000000200e067  P RW US A D
  pmd[511]  table 0x000000000200e000  entry 0x000000000200f067  P RW US A D
  pte[510]  table 0x000000000200f000  entry 0x8000000001ffb025  P US A NX
  phys     0x0000000001ffb000  pfn 0x1ffb  zone DMA32  node 0  (the zero page)
  TLB      miss: walked, and the translation is cached now
$ translate 0x33:0x400000
logical 0x0033:0x0000000000400000 at CPL 3
  selector 0x0033 = index 6 | TI 0 (GDT) | RPL 3
  GDT[6]  __USER_CS: code, execute/read, base 0x00000000, limit 0xfffff * 4K (4294967296 bytes; long mode ignores base and limit), DPL 3, 64-bit (L)
  check    code: CPL 3 = DPL 3: allowed
  linear   0x0000000000400000 = base 0x00000000 + offset
  pgd[0]    table 0x000000000200a000  entry 0x0000000002010067  P RW US A D
  pud[0]    table 0x0000000002010000  entry 0x0000000002011067  P RW US A D
  pmd[2]    table 0x0000000002011000  entry 0x0000000002012067  P RW US A D
  pte[0]    table 0x0000000002012000  entry 0x0000000002013025  P US A
  phys     0x0000000002013000  pfn 0x2013  zone DMA32  node 0
  TLB      miss: walked, and the translation is cached now
$ ptov 0x100000
phys 0x0000000000100000  pfn 0x100  zone DMA  node 0
  direct map: 0xffff888000100000 (PAGE_OFFSET + phys)

# a non-canonical address: the CPU raises #GP before any walk
$ machine arch=x86_64
machine: x86_64, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ vtop 0x0000800000000000
0x0000800000000000 in swapper_pg_dir (no process): x86_64, 4-level paging, CR3 0x0000000001fff000
  split    pgd 256 | pud 0 | pmd 0 | pte 0 | offset 0x0   (p4d folded)
  stop     not canonical: bits 63..48 must all equal bit 47, so the CPU raises #GP before any walk
$ vtop 0x8000000000000000
0x8000000000000000 in swapper_pg_dir (no process): x86_64, 4-level paging, CR3 0x0000000001fff000
  split    pgd 0 | pud 0 | pmd 0 | pte 0 | offset 0x0   (p4d folded)
  stop     not canonical: bits 63..48 must all equal bit 47, so the CPU raises #GP before any walk
$ machine arch=x86_64-la57
machine: x86_64-la57, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ vtop 0x0100000000000000
0x0100000000000000 in swapper_pg_dir (no process): x86_64-la57, 5-level paging, CR3 0x0000000001fff000
  split    pgd 256 | p4d 0 | pud 0 | pmd 0 | pte 0 | offset 0x0
  stop     not canonical: bits 63..57 must all equal bit 56, so the CPU raises #GP before any walk
$ vtop 0xff00000000000000
0xff00000000000000 in swapper_pg_dir (no process): x86_64-la57, 5-level paging, CR3 0x0000000001fff000
  split    pgd 256 | p4d 0 | pud 0 | pmd 0 | pte 0 | offset 0x0
  pgd[256]  table 0x0000000001fff000  entry 0x0000000000000000  -
  stop     pgd[256] is not present: nothing maps this kernel address
