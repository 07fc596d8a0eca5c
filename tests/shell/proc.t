# Processes on the default i386 machine: exec, ps, malloc, free, brk, touch,
# the zero page, fork with copy-on-write, kill, stack growth and SIGSEGV.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# No process yet: user-memory commands need one
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
$ malloc 100
! error: malloc: no process runs on cpu 0 (exec one, or switch PID)
$ maps
! error: maps: no process runs on cpu 0 (exec one, or switch PID)

# exec: VMAs and a pgd, nothing else
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  144       0       0       0 R
$ cat /proc/1/maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ cat /proc/2/maps
! error: cat: /proc/2/maps: No such file or directory
$ exec bad/name
! error: exec: 'bad/name' is not a program name (1-40 characters, no '/')
$ exec app stack=16M
! error: exec: stack=16384K is above RLIMIT_STACK (8192K)
$ exec app libs=libm
! error: exec: unknown library 'libm' (libc, ld.so)
$ exec app text=16K
! error: exec: /usr/bin/app exists with 12288 bytes, not text+data = 20480
$ exec app pie=maybe
! error: exec: pie: expected on or off, not 'maybe'

# malloc below the threshold: the brk heap, 132K of it for a small request
$ malloc 100
0x0804b008  (brk heap: brk 0x0804b000 -> 0x0806c000)
$ malloc 5000
0x0804b070  (brk heap)
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
0804b000-0806c000 rw-p 00000000 00:00 0          [heap]
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ brk
brk 0x0806c000 (start_brk 0x0804b000)
# touching N pages of fresh memory: N minor faults; again: none
$ touch 0x0804c000 12K w
touched 3 pages (write): 3 minor faults, 0 major
$ touch 0x0804c000 12K w
touched 3 pages (write): 0 minor faults, 0 major
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  276      12       3       0 R
# a read of never-written memory maps the zero page; a write copies it
$ read 0x08050000
0 (0x0)
$ vtop 0x08050000
0x08050000 in pid 1 (app): i386, 2-level paging, CR3 0x0180b000
  split    pgd 32 | pte 80 | offset 0x0   (p4d, pud, pmd folded)
  pgd[32]   table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[80]   table 0x0180e000  entry 0x017fd025  P US A
  phys     0x017fd000  pfn 0x17fd  zone Normal  node 0  (the zero page)
$ ptov 0x017fd000
phys 0x017fd000  pfn 0x17fd  zone Normal  node 0
  direct map: 0xc17fd000 (PAGE_OFFSET + phys)
  the shared zero page: mapped read-only wherever never-written anonymous memory was read
$ write 0x08050000 1234
$ vtop 0x08050000
0x08050000 in pid 1 (app): i386, 2-level paging, CR3 0x0180b000
  split    pgd 32 | pte 80 | offset 0x0   (p4d, pud, pmd folded)
  pgd[32]   table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[80]   table 0x0180e000  entry 0x38003067  P RW US A D
  phys     0x38003000  pfn 0x38003  zone HighMem  node 0
$ read 0x08050000
1234 (0x4d2)
# at or above 128K: a mapping of its own
$ malloc 128K
0xb7fdf008  (mmap: chunk 0xb7fdf000-0xb8000000)
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
0804b000-0806c000 rw-p 00000000 00:00 0          [heap]
b7fdf000-b8000000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ free 0xb7fdf008
munmap 0xb7fdf000-0xb8000000 (mmap threshold now 132K)
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
0804b000-0806c000 rw-p 00000000 00:00 0          [heap]
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ free 0xb7fdf008
! error: free: 0xb7fdf008 was not returned by malloc (glibc aborts: "free(): invalid pointer")
$ free 0x0804b008
$ free 0x0804b008
! error: free: 0x0804b008 was already freed (glibc aborts: "free(): double free detected")
$ free 0
$ free 0x0804b00c
! error: free: 0x0804b00c was not returned by malloc (glibc aborts: "free(): invalid pointer")

# brk moves the break; it may not go below start_brk
$ brk 0x0806f000
brk 0x0806f000 (start_brk 0x0804b000)
$ brk 0x08040000
! error: brk: 0x08040000 is below start_brk 0x0804b000: brk stays at 0x0806f000
$ brk 0x0806c000
brk 0x0806c000 (start_brk 0x0804b000)
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
0804b000-0806c000 rw-p 00000000 00:00 0          [heap]
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]

# fork: pages become copy-on-write; a write in the child leaves the parent's value
$ write 0x0804c000 7
$ fork
pid 2 (app): child of pid 1, 4 pages shared copy-on-write
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  276      16       5       0 R
    2     1 app                  276      16       0       0 S
$ ptov 0x38000000
phys 0x38000000  pfn 0x38000  zone HighMem  node 0
  no direct-map address: a HighMem frame (the kernel must kmap it)
  mapped by pid 1 (app) at 0x0804c000
  mapped by pid 2 (app) at 0x0804c000
$ switch 2
cpu 0: pid 1 (app) -> pid 2 (app), CR3 = 0x0180f000 (TLB flushed but for global entries)
$ read 0x0804c000
7 (0x7)
$ write 0x0804c000 42
$ read 0x0804c000
42 (0x2a)
$ vtop 0x0804c000
0x0804c000 in pid 2 (app): i386, 2-level paging, CR3 0x0180f000
  split    pgd 32 | pte 76 | offset 0x0   (p4d, pud, pmd folded)
  pgd[32]   table 0x0180f000  entry 0x01810067  P RW US A D
  pte[76]   table 0x01810000  entry 0x38004067  P RW US A D
  phys     0x38004000  pfn 0x38004  zone HighMem  node 0
$ switch 1
cpu 0: pid 2 (app) -> pid 1 (app), CR3 = 0x0180b000 (TLB flushed but for global entries)
$ read 0x0804c000
7 (0x7)
$ vtop 0x0804c000
0x0804c000 in pid 1 (app): i386, 2-level paging, CR3 0x0180b000
  split    pgd 32 | pte 76 | offset 0x0   (p4d, pud, pmd folded)
  pgd[32]   table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[76]   table 0x0180e000  entry 0x38000065  P US A D
  phys     0x38000000  pfn 0x38000  zone HighMem  node 0
# the parent's page is its own again: a write reuses it, no copy
$ write 0x0804c000 8
$ vtop 0x0804c000
0x0804c000 in pid 1 (app): i386, 2-level paging, CR3 0x0180b000
  split    pgd 32 | pte 76 | offset 0x0   (p4d, pud, pmd folded)
  pgd[32]   table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[76]   table 0x0180e000  entry 0x38000067  P RW US A D
  phys     0x38000000  pfn 0x38000  zone HighMem  node 0
$ switch 9
! error: switch: no process with pid 9 (see ps)
$ switch x
! error: switch: PID: 'x' is not a number
$ kill 2
pid 2 (app) killed: 4 mapped pages and 2 page-table pages released
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  276      16       6       0 R
$ kill 2
! error: kill: no process with pid 2 (see ps)

# the stack grows down on demand, up to RLIMIT_STACK
$ touch 0xbfffe000 w
touched 1 page (write): 1 minor fault, 0 major
$ touch 0xbffd0000 w
touched 1 page (write): 1 minor fault, 0 major
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
0804b000-0806c000 rw-p 00000000 00:00 0          [heap]
bffd0000-c0000000 rw-p 00000000 00:00 0          [stack]
$ touch 0xbf7f0000 w
0xbf7f0000 is not mapped (the stack above it may not grow that far: RLIMIT_STACK 8 MiB) (SIGSEGV, SEGV_MAPERR): pid 1 (app) killed
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
$ exec app
pid 3 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ touch 0x08048000 x
touched 1 page (execute): 0 minor faults, 1 major
$ touch 0x08048000 w
0x08048000 is not writable: the mapping 0x08048000-0x0804a000 is r-xp (SIGSEGV, SEGV_ACCERR): pid 3 (app) killed
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
$ exec app
pid 4 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ touch 0x0806d000
0x0806d000 is not mapped (the stack above it may not grow that far: RLIMIT_STACK 8 MiB) (SIGSEGV, SEGV_MAPERR): pid 4 (app) killed
$ exec app
pid 5 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ touch 0xc0001000
0xc0001000 is kernel memory: its PTEs lack the U/S bit, so a user access faults (SIGSEGV, SEGV_MAPERR): pid 5 (app) killed
$ exec app
pid 6 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ touch 0x00000000 r
0x00000000 is not mapped (SIGSEGV, SEGV_MAPERR): pid 6 (app) killed
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT

# the kernel's segfault lines went to the log, not the terminal
$ dmesg
app[1]: segfault at bf7f0000 ip 08048000 sp bfffffc0 error 6 in app[8048000+2000]
app[3]: segfault at 8048000 ip 08048000 sp bfffffc0 error 7 in app[8048000+2000]
app[4]: segfault at 806d000 ip 08048000 sp bfffffc0 error 4 in app[8048000+2000]
app[5]: segfault at c0001000 ip 08048000 sp bfffffc0 error 5 in app[8048000+2000]
app[6]: segfault at 0 ip 08048000 sp bfffffc0 error 4 in app[8048000+2000]
# killing every process gives every frame back: once the page cache is
# dropped, the slab caches shrunk and the per-CPU lists drained, buddyinfo
# is what it was at boot
$ machine
machine: i386, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      0      0      0      0      0      0      0      0      0      0    216 
Node 0, zone  HighMem      0      0      0      0      0      0      0      0      0      0     32 
$ exec app libs=libc,ld.so; malloc 1M; touch 0xb7d51008 1M w; fork; switch 2; touch 0xb7d51008 8K w; touch 0x08048000 x
pid 1 (app) is now current: 7 VMAs, pgd at pfn 0x180b
0xb7d51008  (mmap: chunk 0xb7d51000-0xb7e52000)
touched 257 pages (write): 257 minor faults, 0 major
pid 2 (app): child of pid 1, 257 pages shared copy-on-write
cpu 0: pid 1 (app) -> pid 2 (app), CR3 = 0x0180f000 (TLB flushed but for global entries)
touched 3 pages (write): 3 minor faults, 0 major
touched 1 page (execute): 0 minor faults, 1 major
$ kill 2; kill 1
pid 2 (app) killed: 258 mapped pages and 3 page-table pages released
pid 1 (app) killed: 257 mapped pages and 2 page-table pages released
$ drop_caches
freed 1 page-cache page (clean and unmapped)
$ kmem_cache_shrink
9 empty slabs freed in 9 caches
$ drain_all_pages
126 pages from the per-CPU lists went back to the buddy allocator
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      0      0      0      0      0      0      0      0      0      0    216 
Node 0, zone  HighMem      0      0      0      0      0      0      0      0      0      0     32 
$ kmem_cache_shrink
0 empty slabs freed in 0 caches
$ drain_all_pages
0 pages from the per-CPU lists went back to the buddy allocator
