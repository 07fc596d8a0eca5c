# Swap areas and swapping on the default i386 machine: swapon, swapoff, swaps,
# /proc/swaps, swap entries in PTEs (vtop), swap-in through the swap cache,
# pages shared through fork, smaps' Swap and SwapPss, swapoff, errors.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# No swap yet: /proc/swaps has its header only; swapon -s (util-linux) prints nothing
$ swaps
Filename				Type		Size		Used		Priority
$ swapon -s
$ free
              total        used        free      shared  buff/cache   available
Mem:        1031168           0     1031168           0           0     1017028
Swap:             0           0           0
# swapon: default priorities -2, -3, ...; the kernel logs each area it adds
$ swapon 64M
Adding 65532k swap on /dev/sda2.  Priority:-2 extents:1 across:65532k SS
$ swapon 16M prio=5 name=/swapfile
Adding 16380k swap on /swapfile.  Priority:5 extents:1 across:16380k SS
$ swapon 1M
Adding 1020k swap on /dev/sda3.  Priority:-3 extents:1 across:1020k SS
$ cat /proc/swaps
Filename				Type		Size		Used		Priority
/dev/sda2                               partition	65532		0		-2
/swapfile                               file		16380		0		5
/dev/sda3                               partition	1020		0		-3
# swapon -s: the same areas in util-linux's own columns (%-39s\t%-8s\t%jd\t%jd\t%d)
$ swapon -s
Filename				Type		Size	Used	Priority
/dev/sda2                              	partition	65532	0	-2
/swapfile                              	file    	16380	0	5
/dev/sda3                              	partition	1020	0	-3
$ swaps /swapfile
/swapfile (type 1, file, priority 5): 4095 slots, 0 in use, 0 in the swap cache
$ meminfo
MemTotal:        1031168 kB
MemFree:         1031168 kB
MemAvailable:    1017028 kB
Buffers:               0 kB
Cached:                0 kB
SwapCached:            0 kB
Active:                0 kB
Inactive:              0 kB
Active(anon):          0 kB
Inactive(anon):        0 kB
Active(file):          0 kB
Inactive(file):        0 kB
Unevictable:           0 kB
Mlocked:               0 kB
HighTotal:        131072 kB
HighFree:         131072 kB
LowTotal:         900096 kB
LowFree:          900096 kB
SwapTotal:         82932 kB
SwapFree:          82932 kB
Dirty:                 0 kB
Writeback:             0 kB
AnonPages:             0 kB
Mapped:                0 kB
Shmem:                 0 kB
KReclaimable:          0 kB
Slab:                  0 kB
SReclaimable:          0 kB
SUnreclaim:            0 kB
KernelStack:           0 kB
PageTables:            0 kB
SecPageTables:         0 kB
NFS_Unstable:          0 kB
Bounce:                0 kB
WritebackTmp:          0 kB
CommitLimit:      598516 kB
Committed_AS:          0 kB
VmallocTotal:     114680 kB
VmallocUsed:           0 kB
VmallocChunk:          0 kB
Percpu:                0 kB
HugePages_Total:       0
HugePages_Free:        0
HugePages_Rsvd:        0
HugePages_Surp:        0
Hugepagesize:       4096 kB
Hugetlb:               0 kB
DirectMap4k:        4096 kB
DirectMap4M:      913408 kB
$ free
              total        used        free      shared  buff/cache   available
Mem:        1031168           0     1031168           0           0     1017028
Swap:         82932           0       82932
# bad input changes nothing
$ swapon 8K
! error: swapon: a swap area needs at least 10 pages (40K), as mkswap asks: one for the header, the rest for slots
$ swapon 1M prio=40000
! error: swapon: prio: 40000 is out of range (0..32767)
$ swapon 1M name=/swapfile
! error: swapon: /swapfile is already a swap area
$ swapon 1M name=relative
! error: swapon: 'relative' is not a path (a / and at most 63 characters)
$ swapon -s prio=3
! error: swapon: -s takes no options
$ swapon lots
! error: swapon: SIZE: 'lots' is not a size (a number with K, M or G)
$ swapoff 7
! error: swapoff: 7 is not a swap area (see swaps)
$ swaps 9
! error: swaps: 9 is not a swap area (see swaps)
# swapoff of an area with a default priority moves the later ones up
$ swapoff /dev/sda2
swapoff /dev/sda2: 0 pages read back into memory
$ cat /proc/swaps
Filename				Type		Size		Used		Priority
/swapfile                               file		16380		0		5
/dev/sda3                               partition	1020		0		-2
$ swapoff
swapoff /swapfile: 0 pages read back into memory
swapoff /dev/sda3: 0 pages read back into memory
$ swapoff
! error: swapoff: there is no swap area
$ dmesg
Adding 65532k swap on /dev/sda2.  Priority:-2 extents:1 across:65532k SS
Adding 16380k swap on /swapfile.  Priority:5 extents:1 across:16380k SS
Adding 1020k swap on /dev/sda3.  Priority:-3 extents:1 across:1020k SS
# a process: values written, two pages pushed out, the PTEs hold swap entries
$ machine swap=4M
machine: i386, 1024 MiB RAM, 1 node, 1 CPU, seed 1, swap 4096K
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
Adding 4092k swap on /dev/sda2.  Priority:-2 extents:1 across:4092k SS
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ mmap 16K
0xb7ffc000
$ touch 0xb7ffc000 16K w
touched 4 pages (write): 4 minor faults, 0 major
$ write 0xb7ffc008 1111
$ write 0xb7ffd008 2222
$ write 0xb7ffe008 3333
$ swapout 0xb7ffc000 8K
swapped out 2 pages: 2 written to swap
$ swaps 0
/dev/sda2 (type 0, partition, priority -2): 1023 slots, 2 in use, 0 in the swap cache
    slot  swap_map  count  swap cache  swap entries in
       1      0x01      1  -           pid 1 0xb7ffc000
       2      0x01      1  -           pid 1 0xb7ffd000
$ vtop 0xb7ffc008
0xb7ffc008 in pid 1 (app): i386, 2-level paging, CR3 0x0180b000
  split    pgd 735 | pte 1020 | offset 0x8   (p4d, pud, pmd folded)
  pgd[735]  table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[1020] table 0x0180e000  entry 0x00000200  -
  stop     pte[1020] is not present: a swap entry, type 0 offset 1 (/dev/sda2 slot 1): the next access is a major fault that reads it back (do_swap_page)
# a read brings it back through the swap cache: a major fault; the slot keeps its copy
$ read 0xb7ffc008
1111 (0x457)
$ swaps 0
/dev/sda2 (type 0, partition, priority -2): 1023 slots, 2 in use, 1 in the swap cache
    slot  swap_map  count  swap cache  swap entries in
       1      0x40      0  pfn 0x38001
       2      0x01      1  -           pid 1 0xb7ffd000
$ vtop 0xb7ffc008
0xb7ffc008 in pid 1 (app): i386, 2-level paging, CR3 0x0180b000
  split    pgd 735 | pte 1020 | offset 0x8   (p4d, pud, pmd folded)
  pgd[735]  table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[1020] table 0x0180e000  entry 0x38001025  P US A
  phys     0x38001008  pfn 0x38001  zone HighMem  node 0
$ vtop 0xb7ffd008
0xb7ffd008 in pid 1 (app): i386, 2-level paging, CR3 0x0180b000
  split    pgd 735 | pte 1021 | offset 0x8   (p4d, pud, pmd folded)
  pgd[735]  table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[1021] table 0x0180e000  entry 0x00000400  -
  stop     pte[1021] is not present: a swap entry, type 0 offset 2 (/dev/sda2 slot 2): the next access is a major fault that reads it back (do_swap_page)
# fork: pages in swap are shared, each slot counts both PTEs
$ fork
pid 2 (app): child of pid 1, 3 pages shared copy-on-write
$ swapout 1 all
swapped out 3 pages of pid 1 (app): 2 written to swap, 1 dropped from the swap cache without a write
$ swaps 0
/dev/sda2 (type 0, partition, priority -2): 1023 slots, 4 in use, 0 in the swap cache
    slot  swap_map  count  swap cache  swap entries in
       1      0x02      2  -           pid 1 0xb7ffc000, pid 2 0xb7ffc000
       2      0x02      2  -           pid 1 0xb7ffd000, pid 2 0xb7ffd000
       3      0x02      2  -           pid 1 0xb7ffe000, pid 2 0xb7ffe000
       4      0x02      2  -           pid 1 0xb7fff000, pid 2 0xb7fff000
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 app                  160       0       4       1 R
    2     1 app                  160       0       0       0 S
$ cat /proc/2/smaps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
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
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
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
b7ffc000-b8000000 rw-p 00000000 00:00 0 
Size:                 16 kB
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
Swap:                 16 kB
SwapPss:               8 kB
Locked:                0 kB
THPeligible:    0
VmFlags: rd wr mr mw me ac 
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
# the child reads a page (shared in the swap cache) and writes it (copied)
$ switch 2
cpu 0: pid 1 (app) -> pid 2 (app), CR3 = 0x0180f000 (TLB flushed but for global entries)
$ read 0xb7ffd008
2222 (0x8ae)
$ write 0xb7ffd008 4444
$ read 0xb7ffd008
4444 (0x115c)
$ switch 1
cpu 0: pid 2 (app) -> pid 1 (app), CR3 = 0x0180b000 (TLB flushed but for global entries)
$ read 0xb7ffd008
2222 (0x8ae)
$ kill 2
pid 2 (app) killed: 1 mapped page and 2 page-table pages released
$ swaps 0
/dev/sda2 (type 0, partition, priority -2): 1023 slots, 4 in use, 1 in the swap cache
    slot  swap_map  count  swap cache  swap entries in
       1      0x01      1  -           pid 1 0xb7ffc000
       2      0x40      0  pfn 0x38003
       3      0x01      1  -           pid 1 0xb7ffe000
       4      0x01      1  -           pid 1 0xb7fff000
# swapoff brings every page back
$ swapoff
swapoff /dev/sda2: 3 pages read back into memory
$ swaps
Filename				Type		Size		Used		Priority
$ read 0xb7ffc008
1111 (0x457)
$ read 0xb7ffe008
3333 (0xd05)
$ vtop 0xb7ffe008
0xb7ffe008 in pid 1 (app): i386, 2-level paging, CR3 0x0180b000
  split    pgd 735 | pte 1022 | offset 0x8   (p4d, pud, pmd folded)
  pgd[735]  table 0x0180b000  entry 0x0180e067  P RW US A D
  pte[1022] table 0x0180e000  entry 0x38001025  P US A
  phys     0x38001008  pfn 0x38001  zone HighMem  node 0
$ meminfo
MemTotal:        1031168 kB
MemFree:         1030824 kB
MemAvailable:    1016684 kB
Buffers:               0 kB
Cached:                0 kB
SwapCached:            0 kB
Active:                0 kB
Inactive:             16 kB
Active(anon):          0 kB
Inactive(anon):       16 kB
Active(file):          0 kB
Inactive(file):        0 kB
Unevictable:           0 kB
Mlocked:               0 kB
HighTotal:        131072 kB
HighFree:         131044 kB
LowTotal:         900096 kB
LowFree:          899780 kB
SwapTotal:             0 kB
SwapFree:              0 kB
Dirty:                 0 kB
Writeback:             0 kB
AnonPages:            16 kB
Mapped:                0 kB
Shmem:                 0 kB
KReclaimable:          0 kB
Slab:                 84 kB
SReclaimable:          0 kB
SUnreclaim:           84 kB
KernelStack:           0 kB
PageTables:            8 kB
SecPageTables:         0 kB
NFS_Unstable:          0 kB
Bounce:                0 kB
WritebackTmp:          0 kB
CommitLimit:      515584 kB
Committed_AS:          0 kB
VmallocTotal:     114680 kB
VmallocUsed:           0 kB
VmallocChunk:          0 kB
Percpu:                0 kB
HugePages_Total:       0
HugePages_Free:        0
HugePages_Rsvd:        0
HugePages_Surp:        0
Hugepagesize:       4096 kB
Hugetlb:               0 kB
DirectMap4k:        4096 kB
DirectMap4M:      913408 kB
# no swap: anonymous pages cannot go
$ swapout 0xb7ffc000
! error: swapout: 1 anonymous page needs a swap slot but 0 are free (swapon SIZE first)
$ swapout 1
! error: swapout: there is no swap area (swapon SIZE first)
$ swapout 1 2
! error: swapout: there is no swap area (swapon SIZE first)
$ swapout 0xb7ffc000 0
! error: swapout: SIZE: must not be 0
$ swapout 0xc0000000
! error: swapout: 0xc0000000 is not in user space
$ swapout 0xbfff0000 1M
! error: swapout: 0xbfff0000+0x100000 is not in user space
$ swapout 5 0xb7ffc000
! error: swapout: no process with pid 5 (see ps)
$ swapout all more
! error: swapout: PID: 'all' is not a number
# swapoff when free memory is short: while the area is read back, reclaim
# pushes other pages out to the other area; the data survive
$ machine ram=64M swap=64M
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1, swap 65536K
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
Adding 65532k swap on /dev/sda2.  Priority:-2 extents:1 across:65532k SS
$ swapon 64M
Adding 65532k swap on /dev/sda3.  Priority:-3 extents:1 across:65532k SS
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x3f0b
$ mmap 100M
0xb1c00000
$ touch 0xb1c00000 100M w
touched 25600 pages (write): 25600 minor faults, 0 major
$ write 0xb1c00008 1111
$ write 0xb7bff008 2222
$ swapon -s
Filename				Type		Size	Used	Priority
/dev/sda2                              	partition	65532	49064	-2
/dev/sda3                              	partition	65532	0	-3
$ swapoff /dev/sda2
swapoff /dev/sda2: 12266 pages read back into memory; to make room, 12137 other pages pushed out: 12137 written to swap
$ read 0xb1c00008
1111 (0x457)
$ read 0xb7bff008
2222 (0x8ae)
$ swapon -s
Filename				Type		Size	Used	Priority
/dev/sda3                              	partition	65532	48540	-2
# the last area: nowhere to push the pages to, so it fails and nothing changes
$ swapoff
! error: swapoff: the 12135 pages in /dev/sda3 do not fit in memory: 220 pages are free above the watermarks, and reclaim could free 0 more (file pages: no other area can take anonymous pages): nothing changed
$ swapon -s
Filename				Type		Size	Used	Priority
/dev/sda3                              	partition	65532	48540	-2
# swapout checks its words: nothing after SIZE, and the range must be mapped
$ machine swap=4M
machine: i386, 1024 MiB RAM, 1 node, 1 CPU, seed 1, swap 4096K
Memory: 1031168K/1048184K available (8192K kernel code+data, 8192K mem_map, 632K firmware, 17016K reserved, 131072K highmem)
Adding 4092k swap on /dev/sda2.  Priority:-2 extents:1 across:4092k SS
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ mmap 16K
0xb7ffc000
$ touch 0xb7ffc000 16K w
touched 4 pages (write): 4 minor faults, 0 major
$ swapout 0xb7ffc000 8K 5
! error: swapout: unexpected argument '5' after SIZE (usage: swapout [PID] [ADDR [SIZE] | N | all])
$ swapout 0x1000
! error: swapout: 0x00001000 is not mapped in pid 1 (app) (see maps)
$ swapout 0xb7ffc000 32K
! error: swapout: 0xb8000000 is not mapped in pid 1 (app) (see maps)
$ swapout 1 0xb7ff8000 8K
! error: swapout: 0xb7ff8000 is not mapped in pid 1 (app) (see maps)
# shared memory is not swapped: each such page counts once, however often
# reclaim looked at it
$ mmap 64K flags=shared
0xb7fec000
$ touch 0xb7fec000 64K w
touched 16 pages (write): 16 minor faults, 0 major
$ swapout 5
swapped out 4 pages: 4 written to swap; 16 could not go (shared memory pages are not swapped by the model)
$ swapout 20
swapped out 0 pages; 16 could not go (shared memory pages are not swapped by the model)
$ reclaim 40
reclaimed 0 pages for 40 asked (scanned 72); 16 could not go (shared memory pages are not swapped by the model)
# swapoff without an argument goes on past an area that cannot come back,
# as swapoff -a does: /dev/sda3, empty, goes; /dev/sda2 stays
$ machine ram=64M
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
$ swapon 128M
Adding 131068k swap on /dev/sda2.  Priority:-2 extents:1 across:131068k SS
$ exec a; mmap 100M; touch 0xb1c00000 100M w
pid 1 (a) is now current: 3 VMAs, pgd at pfn 0x3f0b
0xb1c00000
touched 25600 pages (write): 25600 minor faults, 0 major
$ swapon 4M prio=9
Adding 4092k swap on /dev/sda3.  Priority:9 extents:1 across:4092k SS
$ swapoff
! error: swapoff: the 12267 pages in /dev/sda2 do not fit in memory: 129 pages are free above the watermarks, and reclaim could free 1023 more (file pages, and anonymous pages into the 1023 free slots of the other areas): nothing changed
swapoff /dev/sda3: 0 pages read back into memory
$ swaps
Filename				Type		Size		Used		Priority
/dev/sda2                               partition	131068		49068		-2
