# mmap, munmap, mprotect (VMA splits and merges), files and the page cache,
# shared file mappings between processes, msync, SIGBUS, shared anonymous memory.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# mmap: anonymous, top-down below mmap_base 0xb8000000
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ mmap 8K
0xb7ffe000
$ mmap 4K prot=r
0xb7ffd000
$ mmap 16K addr=0x40000000
0x40000000
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
40000000-40004000 rw-p 00000000 00:00 0 
b7ffd000-b7ffe000 r--p 00000000 00:00 0 
b7ffe000-b8000000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
# a hint that is taken gets it; fixed replaces what is there
$ mmap 4K addr=0x40001000 flags=fixed prot=rwx
0x40001000
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
40000000-40001000 rw-p 00000000 00:00 0 
40001000-40002000 rwxp 00000000 00:00 0 
40002000-40004000 rw-p 00000000 00:00 0 
b7ffd000-b7ffe000 r--p 00000000 00:00 0 
b7ffe000-b8000000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ mmap 0
! error: mmap: SIZE: must not be 0
$ mmap 4K flags=private,shared
! error: mmap: flags need exactly one of shared and private
$ mmap 4K flags=weird
! error: mmap: unknown mmap flag 'weird' (private, shared, anonymous, fixed)
$ mmap 4K prot=rq
! error: mmap: bad protection 'rq' (letters r, w, x, or none)
$ mmap 4K addr=0x40000800 flags=fixed
! error: mmap: fixed address 0x40000800 is not page-aligned
$ mmap 4K file=/nope
! error: mmap: file: /nope: No such file (see files)

# munmap splits a VMA; mprotect splits and merges
$ munmap 0x40002000 4096
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
40000000-40001000 rw-p 00000000 00:00 0 
40001000-40002000 rwxp 00000000 00:00 0 
40003000-40004000 rw-p 00000000 00:00 0 
b7ffd000-b7ffe000 r--p 00000000 00:00 0 
b7ffe000-b8000000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ munmap 0x40000800 4096
! error: munmap: 0x40000800+0x1000 is not a page-aligned range of user space
$ munmap 0x50000000 4096
$ mprotect 0xb7ffd000 4096 r
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
40000000-40001000 rw-p 00000000 00:00 0 
40001000-40002000 rwxp 00000000 00:00 0 
40003000-40004000 rw-p 00000000 00:00 0 
b7ffd000-b7ffe000 r--p 00000000 00:00 0 
b7ffe000-b8000000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ mprotect 0xb7ffd000 4096 rw
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
40000000-40001000 rw-p 00000000 00:00 0 
40001000-40002000 rwxp 00000000 00:00 0 
40003000-40004000 rw-p 00000000 00:00 0 
b7ffd000-b8000000 rw-p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ mprotect 0x60000000 4096 r
! error: mprotect: 0x60000000 is not mapped
$ mprotect 0x40000000 4096 rwz
! error: mprotect: bad protection 'rwz' (letters r, w, x, or none)
# a write to a page made read-only: SEGV_ACCERR
$ touch 0x40000000 w
touched 1 page (write): 1 minor fault, 0 major
$ mprotect 0x40000000 4096 r
$ touch 0x40000000 r
touched 1 page (read): 0 minor faults, 0 major
$ touch 0x40000000 w
0x40000000 is not writable: the mapping 0x40000000-0x40001000 is r--p (SIGSEGV, SEGV_ACCERR): pid 1 (app) killed

# files and the page cache: two processes share one file's frames
$ file /data/log 3
/data/log: 3 bytes (1 page), inode 134, nothing cached
$ file /data/log 3
! error: file: /data/log exists
$ file /data/big 0
! error: file: SIZE: must not be 0
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     0 /usr/bin/app
    134          3       1       0       0     0 /data/log
$ exec writer
pid 2 (writer) is now current: 3 VMAs, pgd at pfn 0x180b
$ mmap 8K file=/data/log flags=shared addr=0x40000000
0x40000000
$ write 0x40000000 1111
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     0 /usr/bin/app
    134          3       1       1       1     1 /data/log
    135      12288       3       0       0     2 /usr/bin/writer
$ exec reader
pid 3 (reader) is now current: 3 VMAs, pgd at pfn 0x180f
$ mmap 8K file=/data/log flags=shared addr=0x50000000
0x50000000
$ read 0x50000000
1111 (0x457)
$ maps
08048000-0804a000 r-xp 00000000 08:01 136        /usr/bin/reader
0804a000-0804b000 rw-p 00002000 08:01 136        /usr/bin/reader
50000000-50002000 rw-s 00000000 08:01 134        /data/log
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ vtop 0x50000000
0x50000000 in pid 3 (reader): i386, 2-level paging, CR3 0x0180f000
  split    pgd 320 | pte 0 | offset 0x0   (p4d, pud, pmd folded)
  pgd[320]  table 0x0180f000  entry 0x01810067  P RW US A D
  pte[0]    table 0x01810000  entry 0x38000025  P US A
  phys     0x38000000  pfn 0x38000  zone HighMem  node 0
$ write 0x50000008 2222
$ switch 2
cpu 0: pid 3 (reader) -> pid 2 (writer), CR3 = 0x0180b000 (TLB flushed but for global entries)
$ read 0x40000008
2222 (0x8ae)
$ msync 0x40000000 8K
1 dirty page written back
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     0 /usr/bin/app
    134          3       1       1       0     2 /data/log
    135      12288       3       0       0     2 /usr/bin/writer
    136      12288       3       0       0     2 /usr/bin/reader
$ vtop 0x40000000
0x40000000 in pid 2 (writer): i386, 2-level paging, CR3 0x0180b000
  split    pgd 256 | pte 0 | offset 0x0   (p4d, pud, pmd folded)
  pgd[256]  table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[0]    table 0x0180e000  entry 0x38000025  P US A
  phys     0x38000000  pfn 0x38000  zone HighMem  node 0
# past the end of the file: SIGBUS
$ touch 0x40001000
0x40001000 is beyond the end of /data/log (3 bytes) (SIGBUS, BUS_ADRERR): pid 2 (writer) killed
$ switch 3
cpu 0: pid 3 (reader), CR3 = 0x0180f000 (TLB flushed but for global entries)
$ munmap 0x50000000 8K
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     0 /usr/bin/app
    134          3       1       1       0     0 /data/log
    135      12288       3       0       0     0 /usr/bin/writer
    136      12288       3       0       0     2 /usr/bin/reader
$ drop_caches
freed 1 page-cache page (clean and unmapped)
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     0 /usr/bin/app
    134          3       1       0       0     0 /data/log
    135      12288       3       0       0     0 /usr/bin/writer
    136      12288       3       0       0     2 /usr/bin/reader
# the bytes written back come back from the file
$ exec again
pid 4 (again) is now current: 3 VMAs, pgd at pfn 0x1810
$ mmap 4K file=/data/log prot=r
0xb7fff000
$ read 0xb7fff000
1111 (0x457)
$ files
  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME
    131     167936      41       0       0     0 /lib/ld-linux.so.2
    132    1593344     389       0       0     0 /lib/i386-linux-gnu/libc.so.6
    133      12288       3       0       0     0 /usr/bin/app
    134          3       1       1       0     1 /data/log
    135      12288       3       0       0     0 /usr/bin/writer
    136      12288       3       0       0     2 /usr/bin/reader
    137      12288       3       0       0     2 /usr/bin/again

# private file mappings: a write copies the page (the file keeps its bytes)
$ exec cow
pid 5 (cow) is now current: 3 VMAs, pgd at pfn 0x180e
$ mmap 4K file=/data/log addr=0x40000000
0x40000000
$ write 0x40000000 99
$ read 0x40000000
99 (0x63)
$ exec look
pid 6 (look) is now current: 3 VMAs, pgd at pfn 0x1812
$ mmap 4K file=/data/log addr=0x40000000 prot=r
0x40000000
$ read 0x40000000
1111 (0x457)

# shared anonymous memory is a shmem object, shared across fork
$ exec shm
pid 7 (shm) is now current: 3 VMAs, pgd at pfn 0x1814
$ mmap 4K flags=shared addr=0x40000000
0x40000000
$ write 0x40000000 5
$ fork
pid 8 (shm): child of pid 7, 0 pages shared copy-on-write
$ maps
08048000-0804a000 r-xp 00000000 08:01 140        /usr/bin/shm
0804a000-0804b000 rw-p 00002000 08:01 140        /usr/bin/shm
40000000-40001000 rw-s 00000000 00:01 141        /dev/zero (deleted)
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ switch 8
cpu 0: pid 7 (shm) -> pid 8 (shm), CR3 = 0x01816000 (TLB flushed but for global entries)
$ read 0x40000000
5 (0x5)
$ write 0x40000000 6
$ switch 7
cpu 0: pid 8 (shm) -> pid 7 (shm), CR3 = 0x01814000 (TLB flushed but for global entries)
$ read 0x40000000
6 (0x6)
$ smaps 7
08048000-0804a000 r-xp 00000000 08:01 140        /usr/bin/shm
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
0804a000-0804b000 rw-p 00002000 08:01 140        /usr/bin/shm
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
40000000-40001000 rw-s 00000000 00:01 141        /dev/zero (deleted)
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

# PROT_NONE: the page stays mapped (a PROTNONE entry) but every access faults
$ exec none
pid 9 (none) is now current: 3 VMAs, pgd at pfn 0x1818
$ mmap 8K addr=0x40000000
0x40000000
$ write 0x40000000 9
$ mprotect 0x40000000 8K none
$ maps
08048000-0804a000 r-xp 00000000 08:01 142        /usr/bin/none
0804a000-0804b000 rw-p 00002000 08:01 142        /usr/bin/none
40000000-40002000 ---p 00000000 00:00 0 
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ vtop 0x40000000
0x40000000 in pid 9 (none): i386, 2-level paging, CR3 0x01818000
  split    pgd 256 | pte 0 | offset 0x0   (p4d, pud, pmd folded)
  pgd[256]  table 0x01818000  entry 0x01819067  P RW US A D
  pte[0]    table 0x01819000  entry 0x38003160  A D PROTNONE
  stop     pte[0] is not present: a PROT_NONE entry: the page stays mapped, but the CPU faults on any access (SIGSEGV, SEGV_ACCERR)
$ vtop 0x40001000
0x40001000 in pid 9 (none): i386, 2-level paging, CR3 0x01818000
  split    pgd 256 | pte 1 | offset 0x0   (p4d, pud, pmd folded)
  pgd[256]  table 0x01818000  entry 0x01819067  P RW US A D
  pte[1]    table 0x01819000  entry 0x00000000  -
  stop     pte[1] is not present: the VMA is PROT_NONE: an access is SIGSEGV (SEGV_ACCERR)
$ mprotect 0x40000000 8K rw
$ read 0x40000000
9 (0x9)
$ mprotect 0x40000000 4K none
$ touch 0x40000000
0x40000000 is not readable: the mapping 0x40000000-0x40001000 is ---p (SIGSEGV, SEGV_ACCERR): pid 9 (none) killed

