# Bad input to the process and user-memory commands: each gives one error
# line and changes nothing (maps, ps, files, free, buddyinfo and tlb read the
# same before and after, and no pid or inode number is used up); on i386,
# then the address checks of i386-pae, x86_64 and x86_64-la57.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# No process yet: every command that acts as the current one refuses
$ fork
! error: fork: no process runs on cpu 0 (exec one, or switch PID)
$ smaps
! error: smaps: no process runs on cpu 0 (exec one, or switch PID)
$ brk
! error: brk: no process runs on cpu 0 (exec one, or switch PID)
$ brk 0x0804c000
! error: brk: no process runs on cpu 0 (exec one, or switch PID)
$ mmap 4K
! error: mmap: no process runs on cpu 0 (exec one, or switch PID)
$ munmap 0x40000000 4K
! error: munmap: no process runs on cpu 0 (exec one, or switch PID)
$ mprotect 0x40000000 4K r
! error: mprotect: no process runs on cpu 0 (exec one, or switch PID)
$ msync 0x40000000 4K
! error: msync: no process runs on cpu 0 (exec one, or switch PID)
$ touch 0x40000000
! error: touch: no process runs on cpu 0 (exec one, or switch PID)
$ write 0x40000000 1
! error: write: no process runs on cpu 0 (exec one, or switch PID)
$ read 0x40000000
! error: read: no process runs on cpu 0 (exec one, or switch PID)
$ free 0x40000000
! error: free: no process runs on cpu 0 (exec one, or switch PID)
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT

# Two processes with a heap, anonymous pages and a dirty shared file page
$ exec app libs=libc
pid 1 (app) is now current: 5 VMAs, pgd at pfn 0x180b
$ malloc 100
0x0804b008  (brk heap: brk 0x0804b000 -> 0x0806c000)
$ write 0x0804b008 7
$ mmap 8K addr=0x40000000
0x40000000
$ touch 0x40000000 8K w
touched 2 pages (write): 2 minor faults, 0 major
$ file /data/log 8K
/data/log: 8192 bytes (2 pages), inode 134, nothing cached
$ mmap 8K file=/data/log flags=shared addr=0x50000000
0x50000000
$ write 0x50000000 1111
$ fork
pid 2 (app): child of pid 1, 3 pages shared copy-on-write
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                 1848      16       3       1 R
    2     1 app                 1848      12       0       0 S
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
0804b000-0806c000 rw-p 00000000 00:00 0          [heap]
40000000-40002000 rw-p 00000000 00:00 0 
50000000-50002000 rw-s 00000000 08:01 134        /data/log
b7e7b000-b7ffb000 r-xp 00000000 08:01 132        /lib/i386-linux-gnu/libc.so.6
b7ffb000-b8000000 rw-p 00180000 08:01 132        /lib/i386-linux-gnu/libc.so.6
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ maps 2
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
0804b000-0806c000 rw-p 00000000 00:00 0          [heap]
40000000-40002000 rw-p 00000000 00:00 0 
50000000-50002000 rw-s 00000000 08:01 134        /data/log
b7e7b000-b7ffb000 r-xp 00000000 08:01 132        /lib/i386-linux-gnu/libc.so.6
b7ffb000-b8000000 rw-p 00180000 08:01 132        /lib/i386-linux-gnu/libc.so.6
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     4 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     4 /usr/bin/app
    134       8192       2       1       1     2 /data/log
$ free
              total        used        free      shared  buff/cache   available
Mem:        1031168         340     1030824           0           4     1016688
Swap:             0           0           0
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      1      0      0      0      1      1      0      1      1      1    215 
Node 0, zone  HighMem      1      0      0      1      1      1      1      1      1      1     31 
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x0180b000 (pid 1, app)
  0 valid; hits 0, misses 4, flushes 3, invlpg 0

# fork [PID]
$ fork x
! error: fork: PID: 'x' is not a number
$ fork -1
! error: fork: PID: '-1' is negative
$ fork 0
! error: fork: no process with pid 0 (see ps)
$ fork 9
! error: fork: no process with pid 9 (see ps)
$ fork 99999999999
! error: fork: no process with pid 99999999999 (see ps)
$ fork 0x1x
! error: fork: PID: '0x1x' is not a number
$ fork 1 2
! error: fork: unexpected argument '2' (usage: fork [PID])
# exec NAME [options]
$ exec
! error: exec: missing NAME (usage: exec NAME [text=SIZE] [data=SIZE] [bss=SIZE] [stack=SIZE] [libs=LIB,...] [pie=on|off] [layout=topdown|legacy])
$ exec a b
! error: exec: unexpected argument 'b' (usage: exec NAME [text=SIZE] [data=SIZE] [bss=SIZE] [stack=SIZE] [libs=LIB,...] [pie=on|off] [layout=topdown|legacy])
$ exec bad/name
! error: exec: 'bad/name' is not a program name (1-40 characters, no '/')
$ exec abcdefghijabcdefghijabcdefghijabcdefghijk
! error: exec: 'abcdefghijabcdefghijabcdefghijabcdefghijk' is not a program name (1-40 characters, no '/')
$ exec app text=0
! error: exec: text: must not be 0
$ exec app text=x
! error: exec: text: 'x' is not a size (a number with K, M or G)
$ exec app text=2T
! error: exec: text: 2T is too large
$ exec app data=0
! error: exec: data: must not be 0
$ exec app bss=-4K
! error: exec: bss: '-4K' is negative
$ exec app stack=0
! error: exec: stack: must not be 0
$ exec app stack=9M
! error: exec: stack=9216K is above RLIMIT_STACK (8192K)
$ exec app libs=libm
! error: exec: unknown library 'libm' (libc, ld.so)
$ exec app libs=libc,libc
! error: exec: library 'libc' given twice
$ exec app layout=up
! error: exec: layout: expected topdown or legacy, not 'up'
$ exec app pie=1
! error: exec: pie: expected on or off, not '1'
$ exec app frob=1
! error: exec: unknown option 'frob' (options: text, data, bss, stack, libs, pie, layout)
$ exec app text=16K
! error: exec: /usr/bin/app exists with 12288 bytes, not text+data = 20480
# switch PID, kill PID
$ switch
! error: switch: missing PID (usage: switch PID)
$ switch x
! error: switch: PID: 'x' is not a number
$ switch -1
! error: switch: PID: '-1' is negative
$ switch 9
! error: switch: no process with pid 9 (see ps)
$ switch 1 2
! error: switch: unexpected argument '2' (usage: switch PID)
$ kill
! error: kill: missing PID (usage: kill PID)
$ kill x
! error: kill: PID: 'x' is not a number
$ kill -1
! error: kill: PID: '-1' is negative
$ kill 0
! error: kill: no process with pid 0 (see ps)
$ kill 9
! error: kill: no process with pid 9 (see ps)
$ kill 1 2
! error: kill: unexpected argument '2' (usage: kill PID)
# maps [PID], smaps [PID]
$ maps x
! error: maps: PID: 'x' is not a number
$ maps -1
! error: maps: PID: '-1' is negative
$ maps 9
! error: maps: no process with pid 9 (see ps)
$ maps 1 2
! error: maps: unexpected argument '2' (usage: maps [PID])
$ smaps x
! error: smaps: PID: 'x' is not a number
$ smaps -1
! error: smaps: PID: '-1' is negative
$ smaps 9
! error: smaps: no process with pid 9 (see ps)
$ smaps 1 2
! error: smaps: unexpected argument '2' (usage: smaps [PID])
# brk [ADDR]
$ brk x
! error: brk: ADDR: 'x' is not a number
$ brk -1
! error: brk: ADDR: '-1' is negative
$ brk 0x100000000
! error: brk: ADDR: 0x100000000 is not a 32-bit address
$ brk 0x08040000
! error: brk: 0x08040000 is below start_brk 0x0804b000: brk stays at 0x0806c000
$ brk 0x40000000
! error: brk: the heap would run into the mapping at 0x40000000: brk stays at 0x0806c000
$ brk 0x0806c000 0x0806d000
! error: brk: unexpected argument '0x0806d000' (usage: brk [ADDR])
# mmap SIZE [options]
$ mmap
! error: mmap: missing SIZE (usage: mmap SIZE [addr=ADDR] [prot=rwx] [flags=private|shared|anonymous|fixed] [file=NAME] [offset=N])
$ mmap x
! error: mmap: SIZE: 'x' is not a size (a number with K, M or G)
$ mmap -4K
! error: mmap: SIZE: '-4K' is negative
$ mmap 0
! error: mmap: SIZE: must not be 0
$ mmap 4G
! error: mmap: 0x100000000 bytes do not fit in user space
$ mmap 3G
! error: mmap: no hole of 0xc0000000 bytes is left in the address space
$ mmap 4K 8K
! error: mmap: unexpected argument '8K' (usage: mmap SIZE [addr=ADDR] [prot=rwx] [flags=private|shared|anonymous|fixed] [file=NAME] [offset=N])
$ mmap 4K addr=x
! error: mmap: addr: 'x' is not a number
$ mmap 4K addr=0x100000000
! error: mmap: addr: 0x100000000 is not a 32-bit address
$ mmap 4K addr=0x40000800 flags=fixed
! error: mmap: fixed address 0x40000800 is not page-aligned
$ mmap 4K addr=0xc0000000 flags=fixed
! error: mmap: fixed range 0xc0000000+0x1000 is outside user space (0x00010000..0xc0000000)
$ mmap 4K size=8K
! error: mmap: unknown option 'size' (options: addr, prot, flags, file, offset)
$ mmap 8K addr=0xbffff000 flags=fixed
! error: mmap: fixed range 0xbffff000+0x2000 is outside user space (0x00010000..0xc0000000)
$ mmap 4K flags=fixed
! error: mmap: fixed range 0x00000000+0x1000 is outside user space (0x00010000..0xc0000000)
$ mmap 4K prot=rq
! error: mmap: bad protection 'rq' (letters r, w, x, or none)
$ mmap 4K flags=weird
! error: mmap: unknown mmap flag 'weird' (private, shared, anonymous, fixed)
$ mmap 4K flags=private,shared
! error: mmap: flags need exactly one of shared and private
$ mmap 4K file=/data/log offset=0x800
! error: mmap: offset: 0x800 is not a multiple of the page size
$ mmap 4K file=/data/log offset=x
! error: mmap: offset: 'x' is not a size (a number with K, M or G)
$ mmap 4K file=/nope
! error: mmap: file: /nope: No such file (see files)
$ mmap 4K file=/data/log flags=anonymous
! error: mmap: flags: anonymous and file= exclude each other
# munmap ADDR SIZE
$ munmap
! error: munmap: missing ADDR (usage: munmap ADDR SIZE)
$ munmap 0x40000000
! error: munmap: missing SIZE (usage: munmap ADDR SIZE)
$ munmap x 4K
! error: munmap: ADDR: 'x' is not a number
$ munmap 0x40000000 x
! error: munmap: SIZE: 'x' is not a size (a number with K, M or G)
$ munmap 0x40000000 0
! error: munmap: SIZE: must not be 0
$ munmap 0x40000800 4K
! error: munmap: 0x40000800+0x1000 is not a page-aligned range of user space
$ munmap 0x100000000 4K
! error: munmap: ADDR: 0x100000000 is not a 32-bit address
$ munmap 0xbffff000 8K
! error: munmap: 0xbffff000+0x2000 is not a page-aligned range of user space
$ munmap 0xc0000000 4K
! error: munmap: 0xc0000000+0x1000 is not a page-aligned range of user space
$ munmap 0x40000000 4K 4K
! error: munmap: unexpected argument '4K' (usage: munmap ADDR SIZE)
# mprotect ADDR SIZE PROT
$ mprotect
! error: mprotect: missing ADDR (usage: mprotect ADDR SIZE PROT)
$ mprotect 0x40000000 4K
! error: mprotect: missing PROT (usage: mprotect ADDR SIZE PROT)
$ mprotect x 4K r
! error: mprotect: ADDR: 'x' is not a number
$ mprotect 0x40000000 x r
! error: mprotect: SIZE: 'x' is not a size (a number with K, M or G)
# SIZE 0 does nothing and succeeds, as in Linux
$ mprotect 0x40000000 0 r
$ mprotect 0x40000800 4K r
! error: mprotect: 0x40000800+0x1000 is not a page-aligned range of user space
$ mprotect 0x40000000 4K rq
! error: mprotect: bad protection 'rq' (letters r, w, x, or none)
$ mprotect 0x40000000 4K r r
! error: mprotect: unexpected argument 'r' (usage: mprotect ADDR SIZE PROT)
$ mprotect 0x40001000 8K r
! error: mprotect: 0x40002000 is not mapped
$ mprotect 0x60000000 4K r
! error: mprotect: 0x60000000 is not mapped
$ mprotect 0x100000000 4K r
! error: mprotect: ADDR: 0x100000000 is not a 32-bit address
$ mprotect 0xc0000000 4K r
! error: mprotect: 0xc0000000+0x1000 is not a page-aligned range of user space
# msync ADDR SIZE: a hole in the range writes nothing back
$ msync
! error: msync: missing ADDR (usage: msync ADDR SIZE)
$ msync 0x50000000
! error: msync: missing SIZE (usage: msync ADDR SIZE)
$ msync x 4K
! error: msync: ADDR: 'x' is not a number
$ msync 0x50000000 x
! error: msync: SIZE: 'x' is not a size (a number with K, M or G)
$ msync 0x50000000 0
0 dirty pages written back
$ msync 0x50000800 4K
! error: msync: 0x50000800 is not page-aligned
$ msync 0x60000000 4K
! error: msync: 0x60000000 is not mapped
$ msync 0x50000000 12K
! error: msync: 0x50002000 is not mapped
$ msync 0x4fff0000 8K
! error: msync: 0x4fff0000 is not mapped
$ msync 0x100000000 4K
! error: msync: ADDR: 0x100000000 is not a 32-bit address
# touch ADDR [SIZE] [r|w|x]
$ touch
! error: touch: missing ADDR (usage: touch ADDR [SIZE] [r|w|x])
$ touch x
! error: touch: ADDR: 'x' is not a number
$ touch 0x100000000
! error: touch: ADDR: 0x100000000 is not a 32-bit address
$ touch 0x40000000 q
! error: touch: SIZE: 'q' is not a size (a number with K, M or G)
$ touch 0x40000000 rw
! error: touch: SIZE: 'rw' is not a size (a number with K, M or G)
$ touch 0x40000000 4K q
! error: touch: access must be r, w or x, not 'q'
$ touch 0x40000000 0 w
! error: touch: SIZE: must not be 0
$ touch 0x40000000 -4K
! error: touch: SIZE: '-4K' is negative
$ touch 0x40000000 w 4K
! error: touch: unexpected argument '4K' (usage: touch ADDR [SIZE] [r|w|x])
$ touch 0x40000000 4K w w
! error: touch: unexpected argument 'w' (usage: touch ADDR [SIZE] [r|w|x])
# write ADDR VALUE, read ADDR: 8-byte aligned, VALUE a 64-bit number
$ write
! error: write: missing ADDR (usage: write ADDR VALUE)
$ write 0x40000000
! error: write: missing VALUE (usage: write ADDR VALUE)
$ write x 1
! error: write: ADDR: 'x' is not a number
$ write 0x100000000 1
! error: write: ADDR: 0x100000000 is not a 32-bit address
$ write 0x40000001 1
! error: write: 0x40000001 is not 8-byte aligned (values are 64-bit)
$ write 0x40000004 1
! error: write: 0x40000004 is not 8-byte aligned (values are 64-bit)
$ write 0x40000000 x
! error: write: VALUE: 'x' is not a number
$ write 0x40000000 -1
! error: write: VALUE: '-1' is negative
$ write 0x40000000 1K
! error: write: VALUE: '1K' is not a number
$ write 0x40000000 0x10000000000000000
! error: write: VALUE: '0x10000000000000000' is too large (more than 64 bits)
$ write 0x40000000 18446744073709551616
! error: write: VALUE: '18446744073709551616' is too large (more than 64 bits)
$ write 0x40000000 1 2
! error: write: unexpected argument '2' (usage: write ADDR VALUE)
$ read
! error: read: missing ADDR (usage: read ADDR)
$ read x
! error: read: ADDR: 'x' is not a number
$ read 0x100000000
! error: read: ADDR: 0x100000000 is not a 32-bit address
$ read 0x40000004
! error: read: 0x40000004 is not 8-byte aligned (values are 64-bit)
$ read 0x40000000 8
! error: read: unexpected argument '8' (usage: read ADDR)
# file NAME SIZE
$ file
! error: file: missing NAME (usage: file NAME SIZE)
$ file /data/x
! error: file: missing SIZE (usage: file NAME SIZE)
$ file /data/x x
! error: file: SIZE: 'x' is not a size (a number with K, M or G)
$ file /data/x -1
! error: file: SIZE: '-1' is negative
$ file /data/x 0
! error: file: SIZE: must not be 0
$ file /data/x 17G
! error: file: size 18253611008 is out of range (1 byte .. 16G)
$ file /data/log 4K
! error: file: /data/log exists
$ file /usr/bin/app 12K
! error: file: /usr/bin/app exists
$ file /data/x 4K 4K
! error: file: unexpected argument '4K' (usage: file NAME SIZE)
# free ADDR (glibc's free)
$ free 0x100000000
! error: free: ADDR: 0x100000000 is not a 32-bit address
$ free 0x10000000000000000
! error: free: ADDR: '0x10000000000000000' is too large (more than 64 bits)
$ free 0x0804b00c
! error: free: 0x0804b00c was not returned by malloc (glibc aborts: "free(): invalid pointer")
$ free 0x40000000
! error: free: 0x40000000 was not returned by malloc (glibc aborts: "free(): invalid pointer")
$ free -h 0x0804b008
! error: free: unexpected argument '0x0804b008'

# Nothing changed
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                 1848      16       3       1 R
    2     1 app                 1848      12       0       0 S
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
0804b000-0806c000 rw-p 00000000 00:00 0          [heap]
40000000-40002000 rw-p 00000000 00:00 0 
50000000-50002000 rw-s 00000000 08:01 134        /data/log
b7e7b000-b7ffb000 r-xp 00000000 08:01 132        /lib/i386-linux-gnu/libc.so.6
b7ffb000-b8000000 rw-p 00180000 08:01 132        /lib/i386-linux-gnu/libc.so.6
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ maps 2
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
0804b000-0806c000 rw-p 00000000 00:00 0          [heap]
40000000-40002000 rw-p 00000000 00:00 0 
50000000-50002000 rw-s 00000000 08:01 134        /data/log
b7e7b000-b7ffb000 r-xp 00000000 08:01 132        /lib/i386-linux-gnu/libc.so.6
b7ffb000-b8000000 rw-p 00180000 08:01 132        /lib/i386-linux-gnu/libc.so.6
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     4 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     4 /usr/bin/app
    134       8192       2       1       1     2 /data/log
$ free
              total        used        free      shared  buff/cache   available
Mem:        1031168         340     1030824           0           4     1016688
Swap:             0           0           0
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      1      0      0      0      1      1      0      1      1      1    215 
Node 0, zone  HighMem      1      0      0      1      1      1      1      1      1      1     31 
$ tlb
cpu 0 TLB: 64 entries, 4-way (16 sets), PCID off; CR3 0x0180b000 (pid 1, app)
  0 valid; hits 0, misses 4, flushes 3, invlpg 0
# and no number was used up: the next pid is 3, the next inodes 135
# (/usr/bin/next) and 136
$ read 0x0804b008
7 (0x7)
$ read 0x50000000
1111 (0x457)
$ exec next
pid 3 (next) is now current: 3 VMAs, pgd at pfn 0x1814
$ file /data/next 4K
/data/next: 4096 bytes (1 page), inode 136, nothing cached

# i386-pae: addresses above 32 bits are refused before anything happens
$ machine arch=i386-pae
machine: i386-pae, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ mmap 8K addr=0x40000000
0x40000000
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
40000000-40002000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ mmap 4K addr=0x100000000
! error: mmap: addr: 0x100000000 is not a 32-bit address
$ mmap 8K addr=0xbffff000 flags=fixed
! error: mmap: fixed range 0xbffff000+0x2000 is outside user space (0x00010000..0xc0000000)
$ munmap 0x100000000 4K
! error: munmap: ADDR: 0x100000000 is not a 32-bit address
$ mprotect 0x40000000 0x100000000 r
! error: mprotect: 0x40000000+0x100000000 is not a page-aligned range of user space
$ touch 0x100000000
! error: touch: ADDR: 0x100000000 is not a 32-bit address
$ read 0x100000000
! error: read: ADDR: 0x100000000 is not a 32-bit address
$ brk 0xc0000000
! error: brk: the heap would run into the mapping at 0x40000000: brk stays at 0x0804b000
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
40000000-40002000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]

# x86_64: user space ends at 0x7ffffffff000; addresses print with 16 digits
$ machine arch=x86_64
machine: x86_64, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x200a
$ mmap 8K addr=0x40000000
0x0000000040000000
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
40000000-40002000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
$ mmap 4K addr=0x7ffffffff000 flags=fixed
! error: mmap: fixed range 0x00007ffffffff000+0x1000 is outside user space (0x0000000000010000..0x00007ffffffff000)
$ mmap 4K addr=0x40000800 flags=fixed
! error: mmap: fixed address 0x0000000040000800 is not page-aligned
$ mmap 256T
! error: mmap: 0x1000000000000 bytes do not fit in user space
$ munmap 0x7ffffffff000 4K
! error: munmap: 0x00007ffffffff000+0x1000 is not a page-aligned range of user space
$ munmap 0x800000000000 4K
! error: munmap: 0x0000800000000000+0x1000 is not a page-aligned range of user space
$ mprotect 0x40001000 8K r
! error: mprotect: 0x0000000040002000 is not mapped
$ mprotect 0x40000800 4K r
! error: mprotect: 0x0000000040000800+0x1000 is not a page-aligned range of user space
$ msync 0x40002000 4K
! error: msync: 0x0000000040002000 is not mapped
$ msync 0x40000008 4K
! error: msync: 0x0000000040000008 is not page-aligned
$ brk 0x3ff000
! error: brk: 0x00000000003ff000 is below start_brk 0x0000000000403000: brk stays at 0x0000000000403000
$ brk 0x40000000
! error: brk: the heap would run into the mapping at 0x0000000040000000: brk stays at 0x0000000000403000
$ write 0x40000004 1
! error: write: 0x0000000040000004 is not 8-byte aligned (values are 64-bit)
$ read 0x40000004
! error: read: 0x0000000040000004 is not 8-byte aligned (values are 64-bit)
$ free 0x40000008
! error: free: 0x0000000040000008 was not returned by malloc (glibc aborts: "free(): invalid pointer")
$ touch 0xffffffffffffffff 2
! error: touch: 0xffffffffffffffff+0x2 wraps around
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
40000000-40002000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]

# x86_64-la57: user space is 57 bits wide, up to 0x00fffffffffff000
$ machine arch=x86_64-la57
machine: x86_64-la57, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x200a
$ mmap 4K addr=0x800000000000 flags=fixed
0x0000800000000000
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
800000000000-800000001000 rw-p 00000000 00:00 0 
$ mmap 4K addr=0x100000000000000 flags=fixed
! error: mmap: fixed range 0x0100000000000000+0x1000 is outside user space (0x0000000000010000..0x00fffffffffff000)
$ munmap 0x00fffffffffff000 4K
! error: munmap: 0x00fffffffffff000+0x1000 is not a page-aligned range of user space
$ mprotect 0x800000001000 4K r
! error: mprotect: 0x0000800000001000 is not mapped
$ msync 0x800000001000 4K
! error: msync: 0x0000800000001000 is not mapped
$ brk 0x800000000000
! error: brk: the heap would run into the mapping at 0x00007ffffffde000: brk stays at 0x0000000000403000
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
800000000000-800000001000 rw-p 00000000 00:00 0 


# ranges that would wrap past the top of the address space are refused,
# not wrapped: brk keeps the program, munmap/mprotect/msync keep the mapping
$ machine arch=x86_64
machine: x86_64, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x200a
$ mmap 4K addr=0x10000000 flags=fixed
0x0000000010000000
$ write 0x10000000 7
$ brk 0xffffffffffffffff
! error: brk: 0xffffffffffffffff is beyond user space (TASK_SIZE 0x00007ffffffff000): brk stays at 0x0000000000403000
$ mmap 4K addr=0xfffffffffffff000 flags=fixed
! error: mmap: fixed range 0xfffffffffffff000+0x1000 is outside user space (0x0000000000010000..0x00007ffffffff000)
$ msync 0xfffffffffffff000 8K
! error: msync: 0xfffffffffffff000+0x2000 runs past the top of the address space
$ munmap 0x10000000 0xffffffffffffffff
! error: munmap: 0x0000000010000000+0xffffffffffffffff is not a page-aligned range of user space
$ mprotect 0x10000000 0xffffffffffffffff r
! error: mprotect: 0x0000000010000000+0xffffffffffffffff is not a page-aligned range of user space
$ msync 0x10000000 0xffffffffffffffff
! error: msync: 0x0000000010000000+0xffffffffffffffff runs past the top of the address space
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
10000000-10001000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
$ read 0x10000000
7 (0x7)
# empty values and file names that are no absolute paths
$ mmap 4K prot=
! error: mmap: option 'prot=' needs a value
$ mmap 4K flags=
! error: mmap: option 'flags=' needs a value
$ mprotect 0x10000000 4K ""
! error: mprotect: an empty protection (letters r, w, x, or none)
$ exec other libs=
! error: exec: option 'libs=' needs a value
$ exec other libs=,
! error: exec: libs=, names an empty library (libc, ld.so)
$ exec other libs=libc,,ld.so
! error: exec: libs=libc,,ld.so names an empty library (libc, ld.so)
$ file / 4K
! error: file: '/' is not the absolute path of a file (like /data/log)
$ file /data/ 4K
! error: file: '/data/' is not the absolute path of a file (like /data/log)
$ file data/x 4K
! error: file: 'data/x' is not the absolute path of a file (like /data/log)
$ file /data//x 4K
! error: file: '/data//x' is not the absolute path of a file (like /data/log)
$ free 0x10000008 0x40000000
! error: free: unexpected argument '0x40000000' (usage: free ADDR)
$ maps
00400000-00402000 r-xp 00000000 08:01 133                                /usr/bin/app
00402000-00403000 rw-p 00002000 08:01 133                                /usr/bin/app
10000000-10001000 rw-p 00000000 00:00 0 
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib64/ld-linux-x86-64.so.2
    132    1593344     389       0       0     0 /lib/x86_64-linux-gnu/libc.so.6
    133      12288       3       0       0     2 /usr/bin/app
# a mapping may start past the end of its file, as on Linux: the access is SIGBUS
$ file /data/short 8K
/data/short: 8192 bytes (2 pages), inode 134, nothing cached
$ mmap 4K file=/data/short offset=8K
0x00007ffff7ffe000
$ touch 0x7ffff7ffe000
0x00007ffff7ffe000 is beyond the end of /data/short (8192 bytes) (SIGBUS, BUS_ADRERR): pid 1 (app) killed
# overcommit_memory 0: one private writable mapping may not be larger than
# RAM and swap together; a read-only or shared one is not charged
$ machine ram=64M
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
$ exec a
pid 1 (a) is now current: 3 VMAs, pgd at pfn 0x3f0b
$ mmap 100M
! error: mmap: 25600 pages are more than RAM and swap together (13952 pages): overcommit_memory 0 refuses them
$ brk 0x0e000000
! error: brk: 24501 pages are more than RAM and swap together (13952 pages): overcommit_memory 0 refuses them
$ mmap 100M prot=r
0xb1c00000
$ machine arch=x86_64
machine: x86_64, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ exec a
pid 1 (a) is now current: 3 VMAs, pgd at pfn 0x200a
$ mmap 64T
! error: mmap: 17179869184 pages are more than RAM and swap together (253696 pages): overcommit_memory 0 refuses them
# /proc/self is the current process; /proc/01 is no directory of Linux's
$ machine
machine: i386, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
$ exec a
pid 1 (a) is now current: 3 VMAs, pgd at pfn 0x180b
$ cat /proc/self/maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/a
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/a
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ cat /proc/01/maps
! error: cat: /proc/01/maps: No such file or directory
