# smaps, msync, mprotect, munmap, brk, files and tlb on i386-pae, x86_64 and
# x86_64-la57 (mmap.t and proc.t show them on i386): top-down mmaps below each
# mmap_base, hints, VMA splits and merges with the invlpg they cost, the brk
# heap after each program's data, dirty file pages written back, and
# /proc/PID/smaps of a child sharing a copy-on-write page and a file page.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# i386-pae: 3-level paging with NX; the i386 layout
$ machine arch=i386-pae
machine: i386-pae, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ mmap 8K
0xb7ffe000
$ mmap 4K prot=r
0xb7ffd000
$ mmap 12K addr=0x40000000
0x40000000
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
40000000-40003000 rw-p 00000000 00:00 0 
b7ffd000-b7ffe000 r--p 00000000 00:00 0 
b7ffe000-b8000000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
# mprotect splits a VMA in three: the middle page's PTE loses RW and its TLB
# entry goes (invlpg); a second mprotect merges the three again
$ touch 0x40000000 12K w
touched 3 pages (write): 3 minor faults, 0 major
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x0180b000 (pid 1, app)
  3 valid; hits 0, misses 3, flushes 2, invlpg 0
  set way  virtual       physical    size  pcid  flags
    0   0  0x40000000 -> 0x38000000  4K       0  RW US D NX
    1   0  0x40001000 -> 0x38001000  4K       0  RW US D NX
    2   0  0x40002000 -> 0x38002000  4K       0  RW US D NX
$ mprotect 0x40001000 4K r
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
40000000-40001000 rw-p 00000000 00:00 0 
40001000-40002000 r--p 00000000 00:00 0 
40002000-40003000 rw-p 00000000 00:00 0 
b7ffd000-b7ffe000 r--p 00000000 00:00 0 
b7ffe000-b8000000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x0180b000 (pid 1, app)
  2 valid; hits 0, misses 3, flushes 2, invlpg 1
  set way  virtual       physical    size  pcid  flags
    0   0  0x40000000 -> 0x38000000  4K       0  RW US D NX
    2   0  0x40002000 -> 0x38002000  4K       0  RW US D NX
$ vtop 0x40001000
0x40001000 in pid 1 (app): i386-pae, 3-level paging, CR3 0x0180b000
  split    pgd 1 | pmd 0 | pte 1 | offset 0x0   (p4d, pud folded)
  pgd[1]    table 0x0180b000  entry 0x000000000180d001  P
  pmd[0]    table 0x0180d000  entry 0x0000000001811067  P RW US A D
  pte[1]    table 0x01811000  entry 0x8000000038001065  P US A D NX
  phys     0x38001000  pfn 0x38001  zone HighMem  node 0
$ touch 0x40001000 r
touched 1 page (read): 0 minor faults, 0 major
$ mprotect 0x40001000 4K rw
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
40000000-40003000 rw-p 00000000 00:00 0 
b7ffd000-b7ffe000 r--p 00000000 00:00 0 
b7ffe000-b8000000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ write 0x40001000 6
$ read 0x40001000
6 (0x6)
# munmap of the middle page cuts the VMA in two and frees the page
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  168      12       3       0 R
$ munmap 0x40001000 4K
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
40000000-40001000 rw-p 00000000 00:00 0 
40002000-40003000 rw-p 00000000 00:00 0 
b7ffd000-b7ffe000 r--p 00000000 00:00 0 
b7ffe000-b8000000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x0180b000 (pid 1, app)
  2 valid; hits 1, misses 5, flushes 2, invlpg 3
  set way  virtual       physical    size  pcid  flags
    0   0  0x40000000 -> 0x38000000  4K       0  RW US D NX
    2   0  0x40002000 -> 0x38002000  4K       0  RW US D NX
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  164       8       3       0 R
$ mprotect 0x40000000 12K r
! error: mprotect: 0x40001000 is not mapped
# brk: the heap starts after the data; it grows and shrinks in pages
$ brk
brk 0x0804b000 (start_brk 0x0804b000)
$ malloc 100
0x0804b008  (brk heap: brk 0x0804b000 -> 0x0806c000)
$ brk
brk 0x0806c000 (start_brk 0x0804b000)
$ brk 0x08070000
brk 0x08070000 (start_brk 0x0804b000)
$ touch 0x0806f000 w
touched 1 page (write): 1 minor fault, 0 major
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
0804b000-08070000 rw-p 00000000 00:00 0          [heap]
40000000-40001000 rw-p 00000000 00:00 0 
40002000-40003000 rw-p 00000000 00:00 0 
b7ffd000-b7ffe000 r--p 00000000 00:00 0 
b7ffe000-b8000000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  312      12       4       0 R
$ brk 0x0804c000
brk 0x0804c000 (start_brk 0x0804b000)
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
0804b000-0804c000 rw-p 00000000 00:00 0          [heap]
40000000-40001000 rw-p 00000000 00:00 0 
40002000-40003000 rw-p 00000000 00:00 0 
b7ffd000-b7ffe000 r--p 00000000 00:00 0 
b7ffe000-b8000000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  168       8       4       0 R
$ brk 0x08040000
! error: brk: 0x08040000 is below start_brk 0x0804b000: brk stays at 0x0804c000
# files and msync: a shared mapping's writes stay dirty until written back
$ file /data/log 5000
/data/log: 5000 bytes (2 pages), inode 134, nothing cached
$ mmap 8K file=/data/log flags=shared addr=0x50000000
0x50000000
$ write 0x50000000 1111
$ write 0x50001000 2222
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       2     1 /data/log
$ msync 0x50000000 4K
1 dirty page written back
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       1     1 /data/log
$ msync 0x50000000 8K
1 dirty page written back
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       0     1 /data/log
$ msync 0x50000000 8K
0 dirty pages written back
$ write 0x50000008 3333
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       1     1 /data/log
$ msync 0x50001000 4K
0 dirty pages written back
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       1     1 /data/log
$ msync 0x50002000 4K
! error: msync: 0x50002000 is not mapped
# kill: the pages and tables go back; the dirty file page stays in the page cache
$ kill 1
pid 1 (app) killed: 4 mapped pages and 7 page-table pages released
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     0 /usr/bin/app
    134       5000       2       2       1     0 /data/log
# smaps of a child: its private page is shared copy-on-write with the parent
# (dirty, not referenced since the fork), and the file page both mapped counts
# half in each one's Pss
$ exec sm
pid 2 (sm) is now current: 3 VMAs, pgd at pfn 0x180b
$ mmap 4K addr=0x40000000
0x40000000
$ write 0x40000000 5
$ mmap 4K file=/data/log flags=shared addr=0x50000000
0x50000000
$ read 0x50000000
1111 (0x457)
$ fork
pid 3 (sm): child of pid 2, 1 page shared copy-on-write
$ switch 3
cpu 0: pid 2 (sm) -> pid 3 (sm), CR3 = 0x01812000 (TLB flushed but for global entries)
$ read 0x50000000
1111 (0x457)
$ smaps 3
08048000-0804a000 r-xp 00000000 08:01 135        /usr/bin/sm
Size:                  8 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   0 kB
Pss:                   0 kB
Pss_Dirty:             0 kB
Shared_Clean:          0 kB
Shared_Dirty:          0 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            0 kB
Anonymous:             0 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd ex mr mw me 
0804a000-0804b000 rw-p 00002000 08:01 135        /usr/bin/sm
Size:                  4 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   0 kB
Pss:                   0 kB
Pss_Dirty:             0 kB
Shared_Clean:          0 kB
Shared_Dirty:          0 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            0 kB
Anonymous:             0 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr mr mw me ac 
40000000-40001000 rw-p 00000000 00:00 0 
Size:                  4 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   4 kB
Pss:                   2 kB
Pss_Dirty:             2 kB
Shared_Clean:          0 kB
Shared_Dirty:          4 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            0 kB
Anonymous:             4 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr mr mw me ac 
50000000-50001000 rw-s 00000000 08:01 134        /data/log
Size:                  4 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   4 kB
Pss:                   2 kB
Pss_Dirty:             2 kB
Shared_Clean:          0 kB
Shared_Dirty:          4 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            4 kB
Anonymous:             0 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr sh mr mw me ms 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
Size:                132 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   0 kB
Pss:                   0 kB
Pss_Dirty:             0 kB
Shared_Clean:          0 kB
Shared_Dirty:          0 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            0 kB
Anonymous:             0 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr mr mw me gd ac 
$ kill 3
pid 3 (sm) killed: 2 mapped pages and 6 page-table pages released
$ kill 2
pid 2 (sm) killed: 2 mapped pages and 6 page-table pages released
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     0 /usr/bin/app
    134       5000       2       2       1     0 /data/log
    135      12288       3       0       0     0 /usr/bin/sm

# x86_64: text at 0x400000, mmaps below 0x7ffff7fff000
$ machine arch=x86_64
machine: x86_64, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x200a
$ mmap 8K
0x00007ffff7ffd000
$ mmap 4K prot=r
0x00007ffff7ffc000
$ mmap 12K addr=0x10000000
0x0000000010000000
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
10000000-10003000 rw-p 00000000 00:00 0 
7ffff7ffc000-7ffff7ffd000 r--p 00000000 00:00 0 
7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
# mprotect splits a VMA in three: the middle page's PTE loses RW and its TLB
# entry goes (invlpg); a second mprotect merges the three again
$ touch 0x10000000 12K w
touched 3 pages (write): 3 minor faults, 0 major
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x000000000200a000 (pid 1, app)
  3 valid; hits 0, misses 3, flushes 2, invlpg 0
  set way  virtual               physical            size  pcid  flags
    0   0  0x0000000010000000 -> 0x0000000002010000  4K       0  RW US D NX
    1   0  0x0000000010001000 -> 0x0000000002011000  4K       0  RW US D NX
    2   0  0x0000000010002000 -> 0x0000000002012000  4K       0  RW US D NX
$ mprotect 0x10001000 4K r
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
10000000-10001000 rw-p 00000000 00:00 0 
10001000-10002000 r--p 00000000 00:00 0 
10002000-10003000 rw-p 00000000 00:00 0 
7ffff7ffc000-7ffff7ffd000 r--p 00000000 00:00 0 
7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x000000000200a000 (pid 1, app)
  2 valid; hits 0, misses 3, flushes 2, invlpg 1
  set way  virtual               physical            size  pcid  flags
    0   0  0x0000000010000000 -> 0x0000000002010000  4K       0  RW US D NX
    2   0  0x0000000010002000 -> 0x0000000002012000  4K       0  RW US D NX
$ vtop 0x10001000
0x0000000010001000 in pid 1 (app): x86_64, 4-level paging, CR3 0x000000000200a000
  split    pgd 0 | pud 0 | pmd 128 | pte 1 | offset 0x0   (p4d folded)
  pgd[0]    table 0x000000000200a000  entry 0x000000000200d067  P RW US A D
  pud[0]    table 0x000000000200d000  entry 0x000000000200e067  P RW US A D
  pmd[128]  table 0x000000000200e000  entry 0x000000000200f067  P RW US A D
  pte[1]    table 0x000000000200f000  entry 0x8000000002011065  P US A D NX
  phys     0x0000000002011000  pfn 0x2011  zone DMA32  node 0
$ touch 0x10001000 r
touched 1 page (read): 0 minor faults, 0 major
$ mprotect 0x10001000 4K rw
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
10000000-10003000 rw-p 00000000 00:00 0 
7ffff7ffc000-7ffff7ffd000 r--p 00000000 00:00 0 
7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
$ write 0x10001000 6
$ read 0x10001000
6 (0x6)
# munmap of the middle page cuts the VMA in two and frees the page
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  168      12       3       0 R
$ munmap 0x10001000 4K
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
10000000-10001000 rw-p 00000000 00:00 0 
10002000-10003000 rw-p 00000000 00:00 0 
7ffff7ffc000-7ffff7ffd000 r--p 00000000 00:00 0 
7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x000000000200a000 (pid 1, app)
  2 valid; hits 1, misses 5, flushes 2, invlpg 3
  set way  virtual               physical            size  pcid  flags
    0   0  0x0000000010000000 -> 0x0000000002010000  4K       0  RW US D NX
    2   0  0x0000000010002000 -> 0x0000000002012000  4K       0  RW US D NX
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  164       8       3       0 R
$ mprotect 0x10000000 12K r
! error: mprotect: 0x0000000010001000 is not mapped
# brk: the heap starts after the data; it grows and shrinks in pages
$ brk
brk 0x0000000000403000 (start_brk 0x0000000000403000)
$ malloc 100
0x0000000000403010  (brk heap: brk 0x0000000000403000 -> 0x0000000000424000)
$ brk
brk 0x0000000000424000 (start_brk 0x0000000000403000)
$ brk 0x428000
brk 0x0000000000428000 (start_brk 0x0000000000403000)
$ touch 0x427000 w
touched 1 page (write): 1 minor fault, 0 major
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
00403000-00428000 rw-p 00000000 00:00 0                                  [heap]
10000000-10001000 rw-p 00000000 00:00 0 
10002000-10003000 rw-p 00000000 00:00 0 
7ffff7ffc000-7ffff7ffd000 r--p 00000000 00:00 0 
7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  312      12       4       0 R
$ brk 0x404000
brk 0x0000000000404000 (start_brk 0x0000000000403000)
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
00403000-00404000 rw-p 00000000 00:00 0                                  [heap]
10000000-10001000 rw-p 00000000 00:00 0 
10002000-10003000 rw-p 00000000 00:00 0 
7ffff7ffc000-7ffff7ffd000 r--p 00000000 00:00 0 
7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  168       8       4       0 R
$ brk 0x3ff000
! error: brk: 0x00000000003ff000 is below start_brk 0x0000000000403000: brk stays at 0x0000000000404000
# files and msync: a shared mapping's writes stay dirty until written back
$ file /data/log 5000
/data/log: 5000 bytes (2 pages), inode 134, nothing cached
$ mmap 8K file=/data/log flags=shared addr=0x600000000000
0x0000600000000000
$ write 0x600000000000 1111
$ write 0x600000001000 2222
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       2     1 /data/log
$ msync 0x600000000000 4K
1 dirty page written back
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       1     1 /data/log
$ msync 0x600000000000 8K
1 dirty page written back
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       0     1 /data/log
$ msync 0x600000000000 8K
0 dirty pages written back
$ write 0x600000000008 3333
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       1     1 /data/log
$ msync 0x600000001000 4K
0 dirty pages written back
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       1     1 /data/log
$ msync 0x600000002000 4K
! error: msync: 0x0000600000002000 is not mapped
# kill: the pages and tables go back; the dirty file page stays in the page cache
$ kill 1
pid 1 (app) killed: 4 mapped pages and 8 page-table pages released
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     0 /usr/bin/app
    134       5000       2       2       1     0 /data/log
# smaps of a child: its private page is shared copy-on-write with the parent
# (dirty, not referenced since the fork), and the file page both mapped counts
# half in each one's Pss
$ exec sm
pid 2 (sm) is now current: 3 VMAs, pgd at pfn 0x200a
$ mmap 4K addr=0x10000000
0x0000000010000000
$ write 0x10000000 5
$ mmap 4K file=/data/log flags=shared addr=0x600000000000
0x0000600000000000
$ read 0x600000000000
1111 (0x457)
$ fork
pid 3 (sm): child of pid 2, 1 page shared copy-on-write
$ switch 3
cpu 0: pid 2 (sm) -> pid 3 (sm), CR3 = 0x0000000002012000 (TLB flushed but for global entries)
$ read 0x600000000000
1111 (0x457)
$ smaps 3
00400000-00402000 r-xp 00000000 08:01 135                                /usr/bin/sm
Size:                  8 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   0 kB
Pss:                   0 kB
Pss_Dirty:             0 kB
Shared_Clean:          0 kB
Shared_Dirty:          0 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            0 kB
Anonymous:             0 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd ex mr mw me 
00402000-00403000 rw-p 00002000 08:01 135                                /usr/bin/sm
Size:                  4 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   0 kB
Pss:                   0 kB
Pss_Dirty:             0 kB
Shared_Clean:          0 kB
Shared_Dirty:          0 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            0 kB
Anonymous:             0 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr mr mw me ac 
10000000-10001000 rw-p 00000000 00:00 0 
Size:                  4 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   4 kB
Pss:                   2 kB
Pss_Dirty:             2 kB
Shared_Clean:          0 kB
Shared_Dirty:          4 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            0 kB
Anonymous:             4 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr mr mw me ac 
600000000000-600000001000 rw-s 00000000 08:01 134                        /data/log
Size:                  4 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   4 kB
Pss:                   2 kB
Pss_Dirty:             2 kB
Shared_Clean:          0 kB
Shared_Dirty:          4 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            4 kB
Anonymous:             0 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr sh mr mw me ms 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
Size:                132 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   0 kB
Pss:                   0 kB
Pss_Dirty:             0 kB
Shared_Clean:          0 kB
Shared_Dirty:          0 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            0 kB
Anonymous:             0 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr mr mw me gd ac 
$ kill 3
pid 3 (sm) killed: 2 mapped pages and 7 page-table pages released
$ kill 2
pid 2 (sm) killed: 2 mapped pages and 7 page-table pages released
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     0 /usr/bin/app
    134       5000       2       2       1     0 /data/log
    135      12288       3       0       0     0 /usr/bin/sm

# x86_64-la57: the x86_64 layout, and mappings above 47 bits
$ machine arch=x86_64-la57
machine: x86_64-la57, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x200a
$ mmap 8K
0x00007ffff7ffd000
$ mmap 4K prot=r
0x00007ffff7ffc000
$ mmap 12K addr=0x900000000000
0x0000900000000000
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
7ffff7ffc000-7ffff7ffd000 r--p 00000000 00:00 0 
7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
900000000000-900000003000 rw-p 00000000 00:00 0 
# mprotect splits a VMA in three: the middle page's PTE loses RW and its TLB
# entry goes (invlpg); a second mprotect merges the three again
$ touch 0x900000000000 12K w
touched 3 pages (write): 3 minor faults, 0 major
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x000000000200a000 (pid 1, app)
  3 valid; hits 0, misses 3, flushes 2, invlpg 0
  set way  virtual               physical            size  pcid  flags
    0   0  0x0000900000000000 -> 0x0000000002011000  4K       0  RW US D NX
    1   0  0x0000900000001000 -> 0x0000000002012000  4K       0  RW US D NX
    2   0  0x0000900000002000 -> 0x0000000002013000  4K       0  RW US D NX
$ mprotect 0x900000001000 4K r
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
7ffff7ffc000-7ffff7ffd000 r--p 00000000 00:00 0 
7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
900000000000-900000001000 rw-p 00000000 00:00 0 
900000001000-900000002000 r--p 00000000 00:00 0 
900000002000-900000003000 rw-p 00000000 00:00 0 
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x000000000200a000 (pid 1, app)
  2 valid; hits 0, misses 3, flushes 2, invlpg 1
  set way  virtual               physical            size  pcid  flags
    0   0  0x0000900000000000 -> 0x0000000002011000  4K       0  RW US D NX
    2   0  0x0000900000002000 -> 0x0000000002013000  4K       0  RW US D NX
$ vtop 0x900000001000
0x0000900000001000 in pid 1 (app): x86_64-la57, 5-level paging, CR3 0x000000000200a000
  split    pgd 0 | p4d 288 | pud 0 | pmd 0 | pte 1 | offset 0x0
  pgd[0]    table 0x000000000200a000  entry 0x000000000200d067  P RW US A D
  p4d[288]  table 0x000000000200d000  entry 0x000000000200e067  P RW US A D
  pud[0]    table 0x000000000200e000  entry 0x000000000200f067  P RW US A D
  pmd[0]    table 0x000000000200f000  entry 0x0000000002010067  P RW US A D
  pte[1]    table 0x0000000002010000  entry 0x8000000002012065  P US A D NX
  phys     0x0000000002012000  pfn 0x2012  zone DMA32  node 0
$ touch 0x900000001000 r
touched 1 page (read): 0 minor faults, 0 major
$ mprotect 0x900000001000 4K rw
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
7ffff7ffc000-7ffff7ffd000 r--p 00000000 00:00 0 
7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
900000000000-900000003000 rw-p 00000000 00:00 0 
$ write 0x900000001000 6
$ read 0x900000001000
6 (0x6)
# munmap of the middle page cuts the VMA in two and frees the page
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  168      12       3       0 R
$ munmap 0x900000001000 4K
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
7ffff7ffc000-7ffff7ffd000 r--p 00000000 00:00 0 
7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
900000000000-900000001000 rw-p 00000000 00:00 0 
900000002000-900000003000 rw-p 00000000 00:00 0 
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x000000000200a000 (pid 1, app)
  2 valid; hits 1, misses 5, flushes 2, invlpg 3
  set way  virtual               physical            size  pcid  flags
    0   0  0x0000900000000000 -> 0x0000000002011000  4K       0  RW US D NX
    2   0  0x0000900000002000 -> 0x0000000002013000  4K       0  RW US D NX
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  164       8       3       0 R
$ mprotect 0x900000000000 12K r
! error: mprotect: 0x0000900000001000 is not mapped
# brk: the heap starts after the data; it grows and shrinks in pages
$ brk
brk 0x0000000000403000 (start_brk 0x0000000000403000)
$ malloc 100
0x0000000000403010  (brk heap: brk 0x0000000000403000 -> 0x0000000000424000)
$ brk
brk 0x0000000000424000 (start_brk 0x0000000000403000)
$ brk 0x428000
brk 0x0000000000428000 (start_brk 0x0000000000403000)
$ touch 0x427000 w
touched 1 page (write): 1 minor fault, 0 major
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
00403000-00428000 rw-p 00000000 00:00 0                                  [heap]
7ffff7ffc000-7ffff7ffd000 r--p 00000000 00:00 0 
7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
900000000000-900000001000 rw-p 00000000 00:00 0 
900000002000-900000003000 rw-p 00000000 00:00 0 
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  312      12       4       0 R
$ brk 0x404000
brk 0x0000000000404000 (start_brk 0x0000000000403000)
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
00403000-00404000 rw-p 00000000 00:00 0                                  [heap]
7ffff7ffc000-7ffff7ffd000 r--p 00000000 00:00 0 
7ffff7ffd000-7ffff7fff000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
900000000000-900000001000 rw-p 00000000 00:00 0 
900000002000-900000003000 rw-p 00000000 00:00 0 
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  168       8       4       0 R
$ brk 0x3ff000
! error: brk: 0x00000000003ff000 is below start_brk 0x0000000000403000: brk stays at 0x0000000000404000
# files and msync: a shared mapping's writes stay dirty until written back
$ file /data/log 5000
/data/log: 5000 bytes (2 pages), inode 134, nothing cached
$ mmap 8K file=/data/log flags=shared addr=0x10000000
0x0000000010000000
$ write 0x10000000 1111
$ write 0x10001000 2222
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       2     1 /data/log
$ msync 0x10000000 4K
1 dirty page written back
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       1     1 /data/log
$ msync 0x10000000 8K
1 dirty page written back
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       0     1 /data/log
$ msync 0x10000000 8K
0 dirty pages written back
$ write 0x10000008 3333
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       1     1 /data/log
$ msync 0x10001000 4K
0 dirty pages written back
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
    134       5000       2       2       1     1 /data/log
$ msync 0x10002000 4K
! error: msync: 0x0000000010002000 is not mapped
# kill: the pages and tables go back; the dirty file page stays in the page cache
$ kill 1
pid 1 (app) killed: 4 mapped pages and 9 page-table pages released
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     0 /usr/bin/app
    134       5000       2       2       1     0 /data/log
# smaps of a child: its private page is shared copy-on-write with the parent
# (dirty, not referenced since the fork), and the file page both mapped counts
# half in each one's Pss
$ exec sm
pid 2 (sm) is now current: 3 VMAs, pgd at pfn 0x200a
$ mmap 4K addr=0x900000000000
0x0000900000000000
$ write 0x900000000000 5
$ mmap 4K file=/data/log flags=shared addr=0x10000000
0x0000000010000000
$ read 0x10000000
1111 (0x457)
$ fork
pid 3 (sm): child of pid 2, 1 page shared copy-on-write
$ switch 3
cpu 0: pid 2 (sm) -> pid 3 (sm), CR3 = 0x0000000002013000 (TLB flushed but for global entries)
$ read 0x10000000
1111 (0x457)
$ smaps 3
00400000-00402000 r-xp 00000000 08:01 135                                /usr/bin/sm
Size:                  8 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   0 kB
Pss:                   0 kB
Pss_Dirty:             0 kB
Shared_Clean:          0 kB
Shared_Dirty:          0 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            0 kB
Anonymous:             0 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd ex mr mw me 
00402000-00403000 rw-p 00002000 08:01 135                                /usr/bin/sm
Size:                  4 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   0 kB
Pss:                   0 kB
Pss_Dirty:             0 kB
Shared_Clean:          0 kB
Shared_Dirty:          0 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            0 kB
Anonymous:             0 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr mr mw me ac 
10000000-10001000 rw-s 00000000 08:01 134                                /data/log
Size:                  4 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   4 kB
Pss:                   2 kB
Pss_Dirty:             2 kB
Shared_Clean:          0 kB
Shared_Dirty:          4 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            4 kB
Anonymous:             0 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr sh mr mw me ms 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
Size:                132 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   0 kB
Pss:                   0 kB
Pss_Dirty:             0 kB
Shared_Clean:          0 kB
Shared_Dirty:          0 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            0 kB
Anonymous:             0 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr mr mw me gd ac 
900000000000-900000001000 rw-p 00000000 00:00 0 
Size:                  4 kB
KernelPageSize:        4 kB
MMUPageSize:           4 kB
Rss:                   4 kB
Pss:                   2 kB
Pss_Dirty:             2 kB
Shared_Clean:          0 kB
Shared_Dirty:          4 kB
Private_Clean:         0 kB
Private_Dirty:         0 kB
Referenced:            0 kB
Anonymous:             4 kB
LazyFree:              0 kB
AnonHugePages:         0 kB
ShmemPmdMapped:        0 kB
FilePmdMapped:         0 kB
Shared_Hugetlb:        0 kB
Private_Hugetlb:       0 kB
Swap:                  0 kB
SwapPss:               0 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr mr mw me ac 
$ kill 3
pid 3 (sm) killed: 2 mapped pages and 8 page-table pages released
$ kill 2
pid 2 (sm) killed: 2 mapped pages and 8 page-table pages released
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     0 /usr/bin/app
    134       5000       2       2       1     0 /data/log
    135      12288       3       0       0     0 /usr/bin/sm


