# Reclaim on the live machine: the policies (fifo, lru, clock, linux) choosing what
# swapout N takes, reclaim N, the LRU lists in meminfo, the OOM killer and its log,
# oom_score_adj.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# the policy of the live machine
$ policy
policy linux: the kernel's two lists per kind: second chance with the accessed bits and PG_referenced, promotion to active, demotion when inactive is low
$ policy fifo
policy fifo: the oldest page goes, used or not
$ policy lru
policy lru: the least recently used page goes (every access moves a page to the head)
$ policy clock
policy clock: second chance: the hand skips (and clears) pages whose reference bit is set
$ policy linux
policy linux: the kernel's two lists per kind: second chance with the accessed bits and PG_referenced, promotion to active, demotion when inactive is low
$ policy opt
! error: policy: opt is for replay only: the live machine takes linux, fifo, lru or clock
$ policy nru
! error: policy: unknown policy 'nru' (linux, fifo, lru, clock)
$ policy fifo clock
! error: policy: unexpected argument 'clock' (usage: policy [linux|fifo|lru|clock])
# 8 pages written in order; fifo takes the oldest even after it is read again
$ machine ram=64M swap=4M
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1, swap 4096K
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
Adding 4092k swap on /dev/sda2.  Priority:-2 extents:1 across:4092k SS
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x3f0b
$ mmap 32K
0xb7ff8000
$ touch 0xb7ff8000 32K w
touched 8 pages (write): 8 minor faults, 0 major
$ policy fifo
policy fifo: the oldest page goes, used or not
$ touch 0xb7ff8000 r
touched 1 page (read): 0 minor faults, 0 major
$ swapout 1
swapped out 1 page: 1 written to swap
$ swaps 0
/dev/sda2 (type 0, partition, priority -2): 1023 slots, 1 in use, 0 in the swap cache
    slot  swap_map  count  swap cache  swap entries in
       1      0x01      1  -           pid 1 0xb7ff8000
# lru: the page just read stays, the next oldest goes
$ machine ram=64M swap=4M policy=lru
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1, swap 4096K, policy lru
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
Adding 4092k swap on /dev/sda2.  Priority:-2 extents:1 across:4092k SS
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x3f0b
$ mmap 32K
0xb7ff8000
$ touch 0xb7ff8000 32K w
touched 8 pages (write): 8 minor faults, 0 major
$ touch 0xb7ff8000 r
touched 1 page (read): 0 minor faults, 0 major
$ swapout 1
swapped out 1 page: 1 written to swap
$ swaps 0
/dev/sda2 (type 0, partition, priority -2): 1023 slots, 1 in use, 0 in the swap cache
    slot  swap_map  count  swap cache  swap entries in
       1      0x01      1  -           pid 1 0xb7ff9000
# clock: every bit is set, so the hand goes round once clearing them; then a
# page read again (after a TLB flush, so the walk sets its A bit) is passed over
$ machine ram=64M swap=4M policy=clock
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1, swap 4096K, policy clock
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
Adding 4092k swap on /dev/sda2.  Priority:-2 extents:1 across:4092k SS
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x3f0b
$ mmap 32K
0xb7ff8000
$ touch 0xb7ff8000 32K w
touched 8 pages (write): 8 minor faults, 0 major
$ swapout 1
swapped out 1 page: 1 written to swap; 7 given a second chance
$ tlb flush
cpu 0: 7 TLB entries flushed, global ones too
$ touch 0xb7ff9000 r
touched 1 page (read): 0 minor faults, 0 major
$ swapout 1
swapped out 1 page: 1 written to swap; 1 given a second chance
$ swaps 0
/dev/sda2 (type 0, partition, priority -2): 1023 slots, 2 in use, 0 in the swap cache
    slot  swap_map  count  swap cache  swap entries in
       1      0x01      1  -           pid 1 0xb7ff8000
       2      0x01      1  -           pid 1 0xb7ffa000
# linux: every page was young, so the first look gives each a second chance;
# the summary counts each page once, by what became of it
$ machine ram=64M swap=4M
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1, swap 4096K
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
Adding 4092k swap on /dev/sda2.  Priority:-2 extents:1 across:4092k SS
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x3f0b
$ mmap 32K
0xb7ff8000
$ touch 0xb7ff8000 32K w
touched 8 pages (write): 8 minor faults, 0 major
$ swapout 2
swapped out 2 pages: 2 written to swap; 6 given a second chance
$ swaps 0
/dev/sda2 (type 0, partition, priority -2): 1023 slots, 2 in use, 0 in the swap cache
    slot  swap_map  count  swap cache  swap entries in
       1      0x01      1  -           pid 1 0xb7ff8000
       2      0x01      1  -           pid 1 0xb7ff9000
$ vmstat
nr_free_pages 13921
nr_zone_inactive_anon 6
nr_zone_active_anon 0
nr_zone_inactive_file 0
nr_zone_active_file 0
nr_zone_unevictable 0
nr_zone_write_pending 0
nr_mlock 0
nr_bounce 0
nr_free_cma 0
numa_hit 19
numa_miss 0
numa_foreign 0
numa_interleave 0
numa_local 19
numa_other 0
nr_inactive_anon 6
nr_active_anon 0
nr_inactive_file 0
nr_active_file 0
nr_unevictable 0
nr_slab_reclaimable 0
nr_slab_unreclaimable 21
nr_anon_pages 6
nr_mapped 0
nr_file_pages 0
nr_dirty 0
nr_writeback 0
nr_writeback_temp 0
nr_shmem 0
nr_kernel_misc_reclaimable 0
nr_kernel_stack 0
nr_page_table_pages 2
nr_sec_page_table_pages 0
nr_swapcached 0
pgpgin 0
pgpgout 8
pswpin 0
pswpout 2
pgalloc_dma 0
pgalloc_normal 31
pgalloc_high 0
pgalloc_movable 0
allocstall_dma 0
allocstall_normal 0
allocstall_high 0
allocstall_movable 0
pgfree 13954
pgactivate 0
pgdeactivate 0
pgfault 8
pgmajfault 0
pgrefill 0
pgsteal_kswapd 0
pgsteal_direct 2
pgscan_kswapd 0
pgscan_direct 10
pgscan_anon 10
pgscan_file 0
pgsteal_anon 2
pgsteal_file 0
kswapd_low_wmark_hit_quickly 0
kswapd_high_wmark_hit_quickly 0
pageoutrun 0
oom_kill 0
nr_unstable 0
$ meminfo
MemTotal:          55808 kB
MemFree:           55684 kB
MemAvailable:      54124 kB
Buffers:               0 kB
Cached:                0 kB
SwapCached:            0 kB
Active:                0 kB
Inactive:             24 kB
Active(anon):          0 kB
Inactive(anon):       24 kB
Active(file):          0 kB
Inactive(file):        0 kB
Unevictable:           0 kB
Mlocked:               0 kB
HighTotal:             0 kB
HighFree:              0 kB
LowTotal:          55808 kB
LowFree:           55684 kB
SwapTotal:          4092 kB
SwapFree:           4084 kB
Dirty:                 0 kB
Writeback:             0 kB
AnonPages:            24 kB
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
CommitLimit:       31996 kB
Committed_AS:          0 kB
VmallocTotal:     966648 kB
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
DirectMap4M:       61440 kB
# reclaim balances file and anonymous pages; without swap only file pages go
$ machine ram=64M
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
$ exec app libs=libc
pid 1 (app) is now current: 5 VMAs, pgd at pfn 0x3f0b
$ touch 0xb7e7b000 64K r
touched 16 pages (read): 0 minor faults, 16 major
$ mmap 64K
0xb7e6b000
$ touch 0xb7e6b000 64K w
touched 16 pages (write): 16 minor faults, 0 major
$ meminfo
MemTotal:          55808 kB
MemFree:           55588 kB
MemAvailable:      54060 kB
Buffers:               0 kB
Cached:               64 kB
SwapCached:            0 kB
Active:                0 kB
Inactive:            128 kB
Active(anon):          0 kB
Inactive(anon):       64 kB
Active(file):          0 kB
Inactive(file):       64 kB
Unevictable:           0 kB
Mlocked:               0 kB
HighTotal:             0 kB
HighFree:              0 kB
LowTotal:          55808 kB
LowFree:           55588 kB
SwapTotal:             0 kB
SwapFree:              0 kB
Dirty:                 0 kB
Writeback:             0 kB
AnonPages:            64 kB
Mapped:               64 kB
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
CommitLimit:       27904 kB
Committed_AS:          0 kB
VmallocTotal:     966648 kB
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
DirectMap4M:       61440 kB
$ reclaim 8
reclaimed 10 pages for 8 asked (scanned 26): 10 clean file pages dropped; 6 activated
$ meminfo
MemTotal:          55808 kB
MemFree:           55588 kB
MemAvailable:      54040 kB
Buffers:               0 kB
Cached:               24 kB
SwapCached:            0 kB
Active:                0 kB
Inactive:             88 kB
Active(anon):          0 kB
Inactive(anon):       64 kB
Active(file):          0 kB
Inactive(file):       24 kB
Unevictable:           0 kB
Mlocked:               0 kB
HighTotal:             0 kB
HighFree:              0 kB
LowTotal:          55808 kB
LowFree:           55588 kB
SwapTotal:             0 kB
SwapFree:              0 kB
Dirty:                 0 kB
Writeback:             0 kB
AnonPages:            64 kB
Mapped:               24 kB
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
CommitLimit:       27904 kB
Committed_AS:          0 kB
VmallocTotal:     966648 kB
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
DirectMap4M:       61440 kB
$ reclaim 0
! error: reclaim: N: must not be 0
$ reclaim many
! error: reclaim: N: 'many' is not a number
$ swapout 2 5
! error: swapout: no process with pid 2 (see ps)
$ oom_score_adj 1
pid 1 (app): oom_score_adj 0, oom_score 667 (badness 24 of 13952 pages)
$ oom_score_adj 1 -1000
pid 1 (app): oom_score_adj -1000, oom_score 0 (never chosen by the OOM killer)
$ oom_score_adj 1 500
pid 1 (app): oom_score_adj 500, oom_score 978 (badness 6524 of 13952 pages)
$ oom_score_adj 1 1001
! error: oom_score_adj: N: 1001 is out of range (-1000..1000)
$ oom_score_adj 1 -x
! error: oom_score_adj: N: 'x' is not a number
$ oom_score_adj 9 0
! error: oom_score_adj: no process with pid 9 (see ps)
# the OOM killer: no swap; mid grows until memory runs out, and big goes
$ machine ram=64M
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
$ exec small
pid 1 (small) is now current: 3 VMAs, pgd at pfn 0x3f0b
$ mmap 2M
0xb7e00000
$ touch 0xb7e00000 2M w
touched 512 pages (write): 512 minor faults, 0 major
$ exec big
pid 2 (big) is now current: 3 VMAs, pgd at pfn 0x3c97
$ mmap 27M
0xb6500000
$ touch 0xb6500000 27M w
touched 6912 pages (write): 6912 minor faults, 0 major
$ exec mid
pid 3 (mid) is now current: 3 VMAs, pgd at pfn 0x319f
$ oom_score_adj 1 -1000
pid 1 (small): oom_score_adj -1000, oom_score 0 (never chosen by the OOM killer)
$ mmap 30M
0xb6200000
$ touch 0xb6200000 30M w
touched 7680 pages (write): 7680 minor faults, 0 major
mid invoked oom-killer: gfp_mask=0x100dca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0, oom_score_adj=0
Mem-Info:
active_anon:0 inactive_anon:13639 isolated_anon:0
 active_file:0 inactive_file:0 isolated_file:0
 unevictable:0 dirty:0 writeback:0
 slab_reclaimable:0 slab_unreclaimable:21
 mapped:0 shmem:0 pagetables:18
 sec_pagetables:0 bounce:0
 kernel_misc_reclaimable:0
 free:274 free_pcp:0 free_cma:0
Tasks state (memory values in pages):
[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name
[      1]     0     1      548      512     8192        0         -1000 small
[      2]     0     2     6948     6912    32768        0             0 big
[      3]     0     3     7716     6215    32768        0             0 mid
oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=big,pid=2,uid=0
Out of memory: Killed process 2 (big) total-vm:27792kB, anon-rss:27648kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:32kB oom_score_adj:0
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 small               2192    2048     512       0 S
    3     0 mid                30864   30720    7680       0 R
# now mid is the largest: the process that faults is the one killed
$ mmap 30M
0xb4400000
$ touch 0xb4400000 30M w
out of memory: pid 3 (mid) was killed by the OOM killer (SIGKILL)
mid invoked oom-killer: gfp_mask=0x100dca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0, oom_score_adj=0
Mem-Info:
active_anon:0 inactive_anon:13640 isolated_anon:0
 active_file:0 inactive_file:0 isolated_file:0
 unevictable:0 dirty:0 writeback:0
 slab_reclaimable:0 slab_unreclaimable:21
 mapped:0 shmem:0 pagetables:17
 sec_pagetables:0 bounce:0
 kernel_misc_reclaimable:0
 free:274 free_pcp:0 free_cma:0
Tasks state (memory values in pages):
[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name
[      1]     0     1      548      512     8192        0         -1000 small
[      3]     0     3    15396    13128    61440        0             0 mid
oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=mid,pid=3,uid=0
Out of memory: Killed process 3 (mid) total-vm:61584kB, anon-rss:52512kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:60kB oom_score_adj:0
$ ps
  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT
    1     0 small               2192    2048     512       0 S
