#!/usr/bin/perl
# views.t - free, meminfo, vmstat, buddyinfo, zoneinfo, cat and info on the
# default machine (i386, 1 GiB), byte for byte, before and after allocations.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Transcript;

run_transcript(\*DATA);

__DATA__

# The default machine: i386, 1 GiB.  Free blocks per order; pfn 0, the
# firmware hole, the kernel image and mem_map are reserved.
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      0      0      0      0      0      0      0      0      0      0    216 
Node 0, zone  HighMem      0      0      0      0      0      0      0      0      0      0     32 
$ cat /proc/buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      0      0      0      0      0      0      0      0      0      0    216 
Node 0, zone  HighMem      0      0      0      0      0      0      0      0      0      0     32 

# MemAvailable = MemFree - totalreserve_pages (high watermarks + lowmem_reserve).
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
SwapTotal:             0 kB
SwapFree:              0 kB
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
$ cat /proc/meminfo
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
SwapTotal:             0 kB
SwapFree:              0 kB
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
$ vmstat
nr_free_pages 257792
nr_zone_inactive_anon 0
nr_zone_active_anon 0
nr_zone_inactive_file 0
nr_zone_active_file 0
nr_zone_unevictable 0
nr_zone_write_pending 0
nr_mlock 0
nr_bounce 0
nr_free_cma 0
numa_hit 0
numa_miss 0
numa_foreign 0
numa_interleave 0
numa_local 0
numa_other 0
nr_inactive_anon 0
nr_active_anon 0
nr_inactive_file 0
nr_active_file 0
nr_unevictable 0
nr_slab_reclaimable 0
nr_slab_unreclaimable 0
nr_anon_pages 0
nr_mapped 0
nr_file_pages 0
nr_dirty 0
nr_writeback 0
nr_writeback_temp 0
nr_shmem 0
nr_kernel_misc_reclaimable 0
nr_kernel_stack 0
nr_page_table_pages 0
nr_sec_page_table_pages 0
nr_swapcached 0
pgpgin 0
pgpgout 0
pswpin 0
pswpout 0
pgalloc_dma 0
pgalloc_normal 0
pgalloc_high 0
pgalloc_movable 0
allocstall_dma 0
allocstall_normal 0
allocstall_high 0
allocstall_movable 0
pgfree 257792
pgactivate 0
pgdeactivate 0
pgfault 0
pgmajfault 0
pgrefill 0
pgsteal_kswapd 0
pgsteal_direct 0
pgscan_kswapd 0
pgscan_direct 0
pgscan_anon 0
pgscan_file 0
pgsteal_anon 0
pgsteal_file 0
kswapd_low_wmark_hit_quickly 0
kswapd_high_wmark_hit_quickly 0
pageoutrun 0
oom_kill 0
nr_unstable 0
$ zoneinfo
Node 0, zone      DMA
  per-node stats
      nr_inactive_anon 0
      nr_active_anon 0
      nr_inactive_file 0
      nr_active_file 0
      nr_unevictable 0
      nr_slab_reclaimable 0
      nr_slab_unreclaimable 0
      nr_anon_pages 0
      nr_mapped    0
      nr_file_pages 0
      nr_dirty     0
      nr_writeback 0
      nr_writeback_temp 0
      nr_shmem     0
      nr_kernel_misc_reclaimable 0
      nr_kernel_stack 0
      nr_page_table_pages 0
      nr_sec_page_table_pages 0
      nr_swapcached 0
  pages free     3840
        boost    0
        min      16
        low      20
        high     24
        spanned  4095
        present  3998
        managed  3840
        cma      0
        protection: (0, 864, 992, 992)
      nr_free_pages 3840
      nr_zone_inactive_anon 0
      nr_zone_active_anon 0
      nr_zone_inactive_file 0
      nr_zone_active_file 0
      nr_zone_unevictable 0
      nr_zone_write_pending 0
      nr_mlock     0
      nr_bounce    0
      nr_free_cma  0
      numa_hit     0
      numa_miss    0
      numa_foreign 0
      numa_interleave 0
      numa_local   0
      numa_other   0
  pagesets
    cpu: 0
              count: 0
              high:  20
              batch: 1
  vm stats threshold: 2
  node_unreclaimable:  0
  start_pfn:           1
Node 0, zone   Normal
  pages free     221184
        boost    0
        min      931
        low      1163
        high     1395
        spanned  225280
        present  225280
        managed  221184
        cma      0
        protection: (0, 0, 1024, 1024)
      nr_free_pages 221184
      nr_zone_inactive_anon 0
      nr_zone_active_anon 0
      nr_zone_inactive_file 0
      nr_zone_active_file 0
      nr_zone_unevictable 0
      nr_zone_write_pending 0
      nr_mlock     0
      nr_bounce    0
      nr_free_cma  0
      numa_hit     0
      numa_miss    0
      numa_foreign 0
      numa_interleave 0
      numa_local   0
      numa_other   0
  pagesets
    cpu: 0
              count: 0
              high:  1163
              batch: 63
  vm stats threshold: 8
  node_unreclaimable:  0
  start_pfn:           4096
Node 0, zone  HighMem
  pages free     32768
        boost    0
        min      32
        low      66
        high     100
        spanned  32768
        present  32768
        managed  32768
        cma      0
        protection: (0, 0, 0, 0)
      nr_free_pages 32768
      nr_zone_inactive_anon 0
      nr_zone_active_anon 0
      nr_zone_inactive_file 0
      nr_zone_active_file 0
      nr_zone_unevictable 0
      nr_zone_write_pending 0
      nr_mlock     0
      nr_bounce    0
      nr_free_cma  0
      numa_hit     0
      numa_miss    0
      numa_foreign 0
      numa_interleave 0
      numa_local   0
      numa_other   0
  pagesets
    cpu: 0
              count: 0
              high:  66
              batch: 7
  vm stats threshold: 4
  node_unreclaimable:  0
  start_pfn:           229376
Node 0, zone  Movable
  pages free     0
        boost    0
        min      0
        low      0
        high     0
        spanned  0
        present  0
        managed  0
        cma      0
        protection: (0, 0, 0, 0)

# procps-ng 3.3 free(1): used = total - free - buff/cache.
$ free
              total        used        free      shared  buff/cache   available
Mem:        1031168           0     1031168           0           0     1017028
Swap:             0           0           0
$ free -k
              total        used        free      shared  buff/cache   available
Mem:        1031168           0     1031168           0           0     1017028
Swap:             0           0           0
$ free -m
              total        used        free      shared  buff/cache   available
Mem:           1007           0        1007           0           0         993
Swap:             0           0           0
$ free -g
              total        used        free      shared  buff/cache   available
Mem:              0           0           0           0           0           0
Swap:             0           0           0
$ free -b
              total        used        free      shared  buff/cache   available
Mem:     1055916032           0  1055916032           0           0  1041436672
Swap:             0           0           0
$ free -h
              total        used        free      shared  buff/cache   available
Mem:          1.0Gi          0B       1.0Gi          0B          0B       993Mi
Swap:            0B          0B          0B
$ free --si -h
              total        used        free      shared  buff/cache   available
Mem:           1.1G          0B        1.1G          0B          0B        1.0G
Swap:            0B          0B          0B
$ free -w
              total        used        free      shared     buffers       cache   available
Mem:        1031168           0     1031168           0           0           0     1017028
Swap:             0           0           0
$ free -wlt -m
              total        used        free      shared     buffers       cache   available
Mem:           1007           0        1007           0           0           0         993
Low:            879           0         879
High:           128           0         128
Swap:             0           0           0
Total:         1007           0        1007
$ free --mebi --human
              total        used        free      shared  buff/cache   available
Mem:          1.0Gi          0B       1.0Gi          0B          0B       993Mi
Swap:            0B          0B          0B

# Usage errors, as free(1) words them; cat of a file the model lacks.
$ free -x
! error: free: invalid option -- 'x'
$ free -m -g
! error: free: Multiple unit options don't make sense.
$ free --frob
! error: free: unrecognized option '--frob'
$ free extra
! error: free: unexpected argument 'extra'
$ cat /proc/foo
! error: cat: /proc/foo: No such file or directory
$ cat /proc
! error: cat: /proc: Is a directory

# The configuration and the boot log's zone ranges.
$ info
arch         i386 (32-bit)
ram          1024 MiB (262144 frames)
nodes        1
cpus         1
seed         1
page size    4096 bytes (PAGE_SHIFT 12)
paging       2 levels, 4-byte entries: pgd 10 | pte 10 | offset 12
PAGE_OFFSET  0xc0000000
TASK_SIZE    0xc0000000
high_memory  0xf8000000
max_low_pfn  0x38000 (896 MiB)
max_pfn      0x40000 (1024 MiB)
Zone ranges:
  DMA      [mem 0x0000000000001000-0x0000000000ffffff]
  Normal   [mem 0x0000000001000000-0x0000000037ffffff]
  HighMem  [mem 0x0000000038000000-0x000000003fffffff]
Early memory node ranges
  node   0: [mem 0x0000000000001000-0x000000000009efff]
  node   0: [mem 0x0000000000100000-0x000000003fffffff]
Node 0: pfn 0x1-0x3ffff  present 262046  managed 257792  reserved 4254
  DMA      pfn 0x1-0xfff  present 3998  managed 3840  reserved 158
  Normal   pfn 0x1000-0x37fff  present 225280  managed 221184  reserved 4096
  HighMem  pfn 0x38000-0x3ffff  present 32768  managed 32768  reserved 0
totalram_pages 257792 (1031168K), reserved_pages 4352 (17408K)

# An order-0 page comes from a per-CPU batch: 63 pages leave the buddy lists
# (buddyinfo, MemFree, nr_free_pages) and 62 wait on CPU 0's list (zoneinfo count).
$ alloc_pages 0
pfn 0x1800 order 0 (1 page, 4K) node 0 zone Normal virt 0xc1800000
$ alloc_pages 3
pfn 0x1840 order 3 (8 pages, 32K) node 0 zone Normal virt 0xc1840000
$ alloc_pages 0 gfp=GFP_HIGHUSER
pfn 0x38000 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      1      0      0      1      1      1      0      1      1      1    215 
Node 0, zone  HighMem      1      0      0      1      1      1      1      1      1      1     31 
$ free
              total        used        free      shared  buff/cache   available
Mem:        1031168         312     1030856           0           0     1016716
Swap:             0           0           0
$ meminfo
MemTotal:        1031168 kB
MemFree:         1030856 kB
MemAvailable:    1016716 kB
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
HighFree:         131044 kB
LowTotal:         900096 kB
LowFree:          899812 kB
SwapTotal:             0 kB
SwapFree:              0 kB
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
$ vmstat
nr_free_pages 257714
nr_zone_inactive_anon 0
nr_zone_active_anon 0
nr_zone_inactive_file 0
nr_zone_active_file 0
nr_zone_unevictable 0
nr_zone_write_pending 0
nr_mlock 0
nr_bounce 0
nr_free_cma 0
numa_hit 3
numa_miss 0
numa_foreign 0
numa_interleave 0
numa_local 3
numa_other 0
nr_inactive_anon 0
nr_active_anon 0
nr_inactive_file 0
nr_active_file 0
nr_unevictable 0
nr_slab_reclaimable 0
nr_slab_unreclaimable 0
nr_anon_pages 0
nr_mapped 0
nr_file_pages 0
nr_dirty 0
nr_writeback 0
nr_writeback_temp 0
nr_shmem 0
nr_kernel_misc_reclaimable 0
nr_kernel_stack 0
nr_page_table_pages 0
nr_sec_page_table_pages 0
nr_swapcached 0
pgpgin 0
pgpgout 0
pswpin 0
pswpout 0
pgalloc_dma 0
pgalloc_normal 9
pgalloc_high 1
pgalloc_movable 0
allocstall_dma 0
allocstall_normal 0
allocstall_high 0
allocstall_movable 0
pgfree 257792
pgactivate 0
pgdeactivate 0
pgfault 0
pgmajfault 0
pgrefill 0
pgsteal_kswapd 0
pgsteal_direct 0
pgscan_kswapd 0
pgscan_direct 0
pgscan_anon 0
pgscan_file 0
pgsteal_anon 0
pgsteal_file 0
kswapd_low_wmark_hit_quickly 0
kswapd_high_wmark_hit_quickly 0
pageoutrun 0
oom_kill 0
nr_unstable 0
$ zoneinfo
Node 0, zone      DMA
  per-node stats
      nr_inactive_anon 0
      nr_active_anon 0
      nr_inactive_file 0
      nr_active_file 0
      nr_unevictable 0
      nr_slab_reclaimable 0
      nr_slab_unreclaimable 0
      nr_anon_pages 0
      nr_mapped    0
      nr_file_pages 0
      nr_dirty     0
      nr_writeback 0
      nr_writeback_temp 0
      nr_shmem     0
      nr_kernel_misc_reclaimable 0
      nr_kernel_stack 0
      nr_page_table_pages 0
      nr_sec_page_table_pages 0
      nr_swapcached 0
  pages free     3840
        boost    0
        min      16
        low      20
        high     24
        spanned  4095
        present  3998
        managed  3840
        cma      0
        protection: (0, 864, 992, 992)
      nr_free_pages 3840
      nr_zone_inactive_anon 0
      nr_zone_active_anon 0
      nr_zone_inactive_file 0
      nr_zone_active_file 0
      nr_zone_unevictable 0
      nr_zone_write_pending 0
      nr_mlock     0
      nr_bounce    0
      nr_free_cma  0
      numa_hit     0
      numa_miss    0
      numa_foreign 0
      numa_interleave 0
      numa_local   0
      numa_other   0
  pagesets
    cpu: 0
              count: 0
              high:  20
              batch: 1
  vm stats threshold: 2
  node_unreclaimable:  0
  start_pfn:           1
Node 0, zone   Normal
  pages free     221113
        boost    0
        min      931
        low      1163
        high     1395
        spanned  225280
        present  225280
        managed  221184
        cma      0
        protection: (0, 0, 1024, 1024)
      nr_free_pages 221113
      nr_zone_inactive_anon 0
      nr_zone_active_anon 0
      nr_zone_inactive_file 0
      nr_zone_active_file 0
      nr_zone_unevictable 0
      nr_zone_write_pending 0
      nr_mlock     0
      nr_bounce    0
      nr_free_cma  0
      numa_hit     2
      numa_miss    0
      numa_foreign 0
      numa_interleave 0
      numa_local   2
      numa_other   0
  pagesets
    cpu: 0
              count: 62
              high:  1163
              batch: 63
  vm stats threshold: 8
  node_unreclaimable:  0
  start_pfn:           4096
Node 0, zone  HighMem
  pages free     32761
        boost    0
        min      32
        low      66
        high     100
        spanned  32768
        present  32768
        managed  32768
        cma      0
        protection: (0, 0, 0, 0)
      nr_free_pages 32761
      nr_zone_inactive_anon 0
      nr_zone_active_anon 0
      nr_zone_inactive_file 0
      nr_zone_active_file 0
      nr_zone_unevictable 0
      nr_zone_write_pending 0
      nr_mlock     0
      nr_bounce    0
      nr_free_cma  0
      numa_hit     1
      numa_miss    0
      numa_foreign 0
      numa_interleave 0
      numa_local   1
      numa_other   0
  pagesets
    cpu: 0
              count: 6
              high:  66
              batch: 7
  vm stats threshold: 4
  node_unreclaimable:  0
  start_pfn:           229376
Node 0, zone  Movable
  pages free     0
        boost    0
        min      0
        low      0
        high     0
        spanned  0
        present  0
        managed  0
        cma      0
        protection: (0, 0, 0, 0)

# Freeing: order 0 goes back to the per-CPU list, order 3 merges.
$ __free_pages 0x1800 0
$ __free_pages 0x1840 3
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      1      0      0      0      0      0      1      1      1      1    215 
Node 0, zone  HighMem      1      0      0      1      1      1      1      1      1      1     31 
$ vmstat
nr_free_pages 257722
nr_zone_inactive_anon 0
nr_zone_active_anon 0
nr_zone_inactive_file 0
nr_zone_active_file 0
nr_zone_unevictable 0
nr_zone_write_pending 0
nr_mlock 0
nr_bounce 0
nr_free_cma 0
numa_hit 3
numa_miss 0
numa_foreign 0
numa_interleave 0
numa_local 3
numa_other 0
nr_inactive_anon 0
nr_active_anon 0
nr_inactive_file 0
nr_active_file 0
nr_unevictable 0
nr_slab_reclaimable 0
nr_slab_unreclaimable 0
nr_anon_pages 0
nr_mapped 0
nr_file_pages 0
nr_dirty 0
nr_writeback 0
nr_writeback_temp 0
nr_shmem 0
nr_kernel_misc_reclaimable 0
nr_kernel_stack 0
nr_page_table_pages 0
nr_sec_page_table_pages 0
nr_swapcached 0
pgpgin 0
pgpgout 0
pswpin 0
pswpout 0
pgalloc_dma 0
pgalloc_normal 9
pgalloc_high 1
pgalloc_movable 0
allocstall_dma 0
allocstall_normal 0
allocstall_high 0
allocstall_movable 0
pgfree 257801
pgactivate 0
pgdeactivate 0
pgfault 0
pgmajfault 0
pgrefill 0
pgsteal_kswapd 0
pgsteal_direct 0
pgscan_kswapd 0
pgscan_direct 0
pgscan_anon 0
pgscan_file 0
pgsteal_anon 0
pgsteal_file 0
kswapd_low_wmark_hit_quickly 0
kswapd_high_wmark_hit_quickly 0
pageoutrun 0
oom_kill 0
nr_unstable 0
