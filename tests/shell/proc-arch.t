# Address spaces on i386-pae, x86_64 and x86_64-la57: layouts (top-down, PIE,
# legacy), page walks with folded levels and large kernel pages, NX, the U/S
# bit, non-canonical addresses, fork and kill; and vtop mode=all.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# i386-pae: 3 levels; a new pgd brings its three user PMDs, the fourth
# PDPT entry is the kernel PMD every process shares
$ machine arch=i386-pae
machine: i386-pae, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
$ exec app libs=libc,ld.so
pid 1 (app) is now current: 7 VMAs, pgd at pfn 0x180b
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
b7e52000-b7fd2000 r-xp 00000000 08:01 132        /lib/i386-linux-gnu/libc.so.6
b7fd2000-b7fd7000 rw-p 00180000 08:01 132        /lib/i386-linux-gnu/libc.so.6
b7fd7000-b7ffd000 r-xp 00000000 08:01 131        /lib/ld-linux.so.2
b7ffd000-b8000000 rw-p 00026000 08:01 131        /lib/ld-linux.so.2
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ vtop 0x0804c000
0x0804c000 in pid 1 (app): i386-pae, 3-level paging, CR3 0x0180b000
  split    pgd 0 | pmd 64 | pte 76 | offset 0x0   (p4d, pud folded)
  pgd[0]    table 0x0180b000  entry 0x000000000180c001  P
  pmd[64]   table 0x0180c000  entry 0x0000000000000000  -
  stop     pmd[64] is not present: no VMA either: an access is SIGSEGV (SEGV_MAPERR)
$ malloc 100
0x0804b008  (brk heap: brk 0x0804b000 -> 0x0806c000)
$ touch 0x0804b008 w
touched 1 page (write): 1 minor fault, 0 major
$ vtop 0x0804b008
0x0804b008 in pid 1 (app): i386-pae, 3-level paging, CR3 0x0180b000
  split    pgd 0 | pmd 64 | pte 75 | offset 0x8   (p4d, pud folded)
  pgd[0]    table 0x0180b000  entry 0x000000000180c001  P
  pmd[64]   table 0x0180c000  entry 0x0000000001811067  P RW US A D
  pte[75]   table 0x01811000  entry 0x8000000038000067  P RW US A D NX
  phys     0x38000008  pfn 0x38000  zone HighMem  node 0
$ vtop 0xc0100000
0xc0100000 in pid 1 (app): i386-pae, 3-level paging, CR3 0x0180b000
  split    pgd 3 | pmd 0 | pte 256 | offset 0x0   (p4d, pud folded)
  pgd[3]    table 0x0180b000  entry 0x00000000017fe001  P
  pmd[0]    table 0x017fe000  entry 0x00000000017fd063  P RW A D
  pte[256]  table 0x017fd000  entry 0x8000000000100163  P RW A D G NX
  phys     0x00100000  pfn 0x100  zone DMA  node 0
$ touch 0x08048000 x
touched 1 page (execute): 0 minor faults, 1 major
$ fork
pid 2 (app): child of pid 1, 1 page shared copy-on-write
$ switch 2
cpu 0: pid 1 (app) -> pid 2 (app), CR3 = 0x01812000 (TLB flushed but for global entries)
$ write 0x0804b008 3
$ switch 1
cpu 0: pid 2 (app) -> pid 1 (app), CR3 = 0x0180b000 (TLB flushed but for global entries)
$ read 0x0804b008
0 (0x0)
$ exec nx
pid 3 (nx) is now current: 3 VMAs, pgd at pfn 0x1817
$ mmap 4K addr=0x40000000
0x40000000
$ touch 0x40000000 x
0x40000000 is not executable (NX): the mapping 0x40000000-0x40001000 is rw-p (SIGSEGV, SEGV_ACCERR): pid 3 (nx) killed
$ kill 1
pid 1 (app) killed: 2 mapped pages and 5 page-table pages released
$ kill 2
pid 2 (app) killed: 1 mapped page and 5 page-table pages released
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT

# x86_64: 4 levels (p4d folded), NX; text at 0x400000, libraries below
# mmap_base 0x7ffff7fff000, the stack below 0x7ffffffff000
$ machine arch=x86_64 ram=2G
machine: x86_64, 2048 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 2046976K/2096760K available (16384K kernel code+data, 32768K mem_map, 632K firmware, 49784K reserved, 0K highmem)
$ exec app libs=libc,ld.so
pid 1 (app) is now current: 7 VMAs, pgd at pfn 0x200a
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
7ffff7e51000-7ffff7fd1000 r-xp 00000000 08:01 132                        /lib/x86_64-linux-gnu/libc.so.6
7ffff7fd1000-7ffff7fd6000 rw-p 00180000 08:01 132                        /lib/x86_64-linux-gnu/libc.so.6
7ffff7fd6000-7ffff7ffc000 r-xp 00000000 08:01 131                        /lib64/ld-linux-x86-64.so.2
7ffff7ffc000-7ffff7fff000 rw-p 00026000 08:01 131                        /lib64/ld-linux-x86-64.so.2
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
$ malloc 100
0x0000000000403010  (brk heap: brk 0x0000000000403000 -> 0x0000000000424000)
$ malloc 200K
0x00007ffff7e1e010  (mmap: chunk 0x00007ffff7e1e000-0x00007ffff7e51000)
$ mmap 12M addr=0x7ffff7000000
0x00007ffff7000000
$ touch 0x00007ffff7a0d123 w
touched 1 page (write): 1 minor fault, 0 major
$ vtop 0x00007ffff7a0d123
0x00007ffff7a0d123 in pid 1 (app): x86_64, 4-level paging, CR3 0x000000000200a000
  split    pgd 255 | pud 511 | pmd 445 | pte 13 | offset 0x123   (p4d folded)
  pgd[255]  table 0x000000000200a000  entry 0x000000000200d067  P RW US A D
  pud[511]  table 0x000000000200d000  entry 0x000000000200e067  P RW US A D
  pmd[445]  table 0x000000000200e000  entry 0x000000000200f067  P RW US A D
  pte[13]   table 0x000000000200f000  entry 0x8000000002010067  P RW US A D NX
  phys     0x0000000002010123  pfn 0x2010  zone DMA32  node 0
$ vtop 0xffff888000100000
0xffff888000100000 in pid 1 (app): x86_64, 4-level paging, CR3 0x000000000200a000
  split    pgd 273 | pud 0 | pmd 0 | pte 256 | offset 0x0   (p4d folded)
  pgd[273]  table 0x000000000200a000  entry 0x0000000001ffe063  P RW A D
  pud[0]    table 0x0000000001ffe000  entry 0x0000000001ffd063  P RW A D
  pmd[0]    table 0x0000000001ffd000  entry 0x0000000001ffc063  P RW A D
  pte[256]  table 0x0000000001ffc000  entry 0x8000000000100163  P RW A D G NX
  phys     0x0000000000100000  pfn 0x100  zone DMA  node 0
$ vtop 0xffff888040000000
0xffff888040000000 in pid 1 (app): x86_64, 4-level paging, CR3 0x000000000200a000
  split    pgd 273 | pud 1 | pmd 0 | pte 0 | offset 0x0   (p4d folded)
  pgd[273]  table 0x000000000200a000  entry 0x0000000001ffe063  P RW A D
  pud[1]    table 0x0000000001ffe000  entry 0x80000000400001e3  P RW A D PS G NX
  phys     0x0000000040000000  pfn 0x40000  zone DMA32  node 0  (in a 1 GiB page)
$ touch 0xffff888000100000
0xffff888000100000 is kernel memory: its PTEs lack the U/S bit, so a user access faults (SIGSEGV, SEGV_MAPERR): pid 1 (app) killed
$ exec pie pie=on
pid 2 (pie) is now current: 3 VMAs, pgd at pfn 0x200a
$ maps
555555554000-555555556000 r-xp 00000000 08:01 134                        /usr/bin/pie
555555556000-555555557000 rw-p 00002000 08:01 134                        /usr/bin/pie
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
$ exec old layout=legacy libs=libc
pid 3 (old) is now current: 5 VMAs, pgd at pfn 0x200d
$ maps
00400000-00402000 r-xp 00000000 08:01 135                                /usr/bin/old
00402000-00403000 rw-p 00002000 08:01 135                                /usr/bin/old
2aaaaaaab000-2aaaaac2b000 r-xp 00000000 08:01 132                        /lib/x86_64-linux-gnu/libc.so.6
2aaaaac2b000-2aaaaac30000 rw-p 00180000 08:01 132                        /lib/x86_64-linux-gnu/libc.so.6
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
$ exec gp
pid 4 (gp) is now current: 3 VMAs, pgd at pfn 0x200e
$ touch 0x0000800000000000
0x0000800000000000 is not canonical: general protection fault (#GP, not #PF) (SIGSEGV, SI_KERNEL): pid 4 (gp) killed
# the kernel log has traps.c's line for it
$ dmesg
app[1]: segfault at ffff888000100000 ip 0000000000400000 sp 00007fffffffefc0 error 5 in app[400000+2000]
traps: gp[4] general protection fault ip:400000 sp:7fffffffefc0 error:0 in gp[400000+2000]
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    2     0 pie                  144       0       0       0 S
    3     0 old                 1700       0       0       0 S

# x86_64-la57: 5 levels, the same user layout below 47 bits
$ machine arch=x86_64-la57
machine: x86_64-la57, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x200a
$ malloc 100
0x0000000000403010  (brk heap: brk 0x0000000000403000 -> 0x0000000000424000)
$ touch 0x405010 w
touched 1 page (write): 1 minor fault, 0 major
$ vtop 0x405010
0x0000000000405010 in pid 1 (app): x86_64-la57, 5-level paging, CR3 0x000000000200a000
  split    pgd 0 | p4d 0 | pud 0 | pmd 2 | pte 5 | offset 0x10
  pgd[0]    table 0x000000000200a000  entry 0x000000000200d067  P RW US A D
  p4d[0]    table 0x000000000200d000  entry 0x000000000200e067  P RW US A D
  pud[0]    table 0x000000000200e000  entry 0x000000000200f067  P RW US A D
  pmd[2]    table 0x000000000200f000  entry 0x0000000002010067  P RW US A D
  pte[5]    table 0x0000000002010000  entry 0x8000000002011067  P RW US A D NX
  phys     0x0000000002011010  pfn 0x2011  zone DMA32  node 0
$ vtop 0xff11000000200000
0xff11000000200000 in pid 1 (app): x86_64-la57, 5-level paging, CR3 0x000000000200a000
  split    pgd 273 | p4d 0 | pud 0 | pmd 1 | pte 0 | offset 0x0
  pgd[273]  table 0x000000000200a000  entry 0x0000000001ffe063  P RW A D
  p4d[0]    table 0x0000000001ffe000  entry 0x0000000001ffd063  P RW A D
  pud[0]    table 0x0000000001ffd000  entry 0x0000000001ffc063  P RW A D
  pmd[1]    table 0x0000000001ffc000  entry 0x80000000002001e3  P RW A D PS G NX
  phys     0x0000000000200000  pfn 0x200  zone DMA  node 0  (in a 2 MiB page)
$ fork
pid 2 (app): child of pid 1, 1 page shared copy-on-write
$ kill 2
pid 2 (app) killed: 1 mapped page and 5 page-table pages released
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  276       4       1       0 R

# every paging mode side by side
$ vtop 0x0804c123 mode=all
0x000000000804c123 under each paging mode:
  mode                       pgd   p4d   pud   pmd   pte  offset
  i386 (2-level)              32     -     -     -    76  0x123
  i386-pae (3-level)           0     -     -    64    76  0x123
  x86_64 (4-level)             0     -     0    64    76  0x123
  x86_64-la57 (5-level)        0     0     0    64    76  0x123
$ vtop 0xc0001000 mode=all
0x00000000c0001000 under each paging mode:
  mode                       pgd   p4d   pud   pmd   pte  offset
  i386 (2-level)             768     -     -     -     1  0x0
  i386-pae (3-level)           3     -     -     0     1  0x0
  x86_64 (4-level)             0     -     3     0     1  0x0
  x86_64-la57 (5-level)        0     0     3     0     1  0x0
$ vtop 0xffffffffffffffff mode=all
0xffffffffffffffff under each paging mode:
  mode                       pgd   p4d   pud   pmd   pte  offset
  i386 (2-level)           not a 32-bit address
  i386-pae (3-level)       not a 32-bit address
  x86_64 (4-level)           511     -   511   511   511  0xfff
  x86_64-la57 (5-level)      511   511   511   511   511  0xfff
$ vtop 0x1000 mode=bogus
! error: vtop: mode: only mode=all is known, not 'bogus'

