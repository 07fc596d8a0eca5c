#!/usr/bin/perl
# views-arch.t - the views on x86_64 with several nodes and CPUs, on an
# x86_64 without ZONE_NORMAL, on 5-level paging, PAE and a small i386.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Transcript;

run_transcript(\*DATA);

__DATA__

# x86_64, 8 GiB on two nodes: node 0 holds DMA and DMA32, node 1 Normal.
$ machine arch=x86_64 ram=8G nodes=2 cpus=2
machine: x86_64, 8192 MiB RAM, 2 nodes, 2 CPUs, seed 1
Memory: 8240128K/8388216K available (16384K kernel code+data, 131072K mem_map, 632K firmware, 148088K reserved, 0K highmem)
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone    DMA32      0      0      0      0      0      0      0      0      0      0   1000 
Node 1, zone   Normal      0      0      0      0      0      0      0      0      0      0   1008 
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
        min      5
        low      8
        high     11
        spanned  4095
        present  3998
        managed  3840
        cma      0
        protection: (0, 4000, 4000, 4000)
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
              high:  8
              batch: 1
  vm stats threshold: 4
    cpu: 1
              count: 0
              high:  8
              batch: 1
  vm stats threshold: 4
  node_unreclaimable:  0
  start_pfn:           1
Node 0, zone    DMA32
  pages free     1024000
        boost    0
        min      1426
        low      2450
        high     3474
        spanned  1044480
        present  1044480
        managed  1024000
        cma      0
        protection: (0, 0, 0, 0)
      nr_free_pages 1024000
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
              high:  2450
              batch: 63
  vm stats threshold: 24
    cpu: 1
              count: 0
              high:  2450
              batch: 63
  vm stats threshold: 24
  node_unreclaimable:  0
  start_pfn:           4096
Node 0, zone   Normal
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
Node 1, zone      DMA
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
Node 1, zone    DMA32
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
Node 1, zone   Normal
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
  pages free     1032192
        boost    0
        min      1438
        low      2470
        high     3502
        spanned  1048576
        present  1048576
        managed  1032192
        cma      0
        protection: (0, 0, 0, 0)
      nr_free_pages 1032192
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
              high:  2470
              batch: 63
  vm stats threshold: 24
    cpu: 1
              count: 0
              high:  2470
              batch: 63
  vm stats threshold: 24
  node_unreclaimable:  0
  start_pfn:           1048576
Node 1, zone  Movable
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
$ meminfo
MemTotal:        8240128 kB
MemFree:         8240128 kB
MemAvailable:    8196864 kB
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
CommitLimit:     4120064 kB
Committed_AS:          0 kB
VmallocTotal:   34359738367 kB
VmallocUsed:           0 kB
VmallocChunk:          0 kB
Percpu:                0 kB
HugePages_Total:       0
HugePages_Free:        0
HugePages_Rsvd:        0
HugePages_Surp:        0
Hugepagesize:       2048 kB
Hugetlb:               0 kB
DirectMap4k:        2048 kB
DirectMap2M:     1046528 kB
DirectMap1G:     7340032 kB
$ vmstat
nr_free_pages 2060032
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
pgalloc_dma32 0
pgalloc_normal 0
pgalloc_movable 0
allocstall_dma 0
allocstall_dma32 0
allocstall_normal 0
allocstall_movable 0
pgfree 2060032
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
$ free
              total        used        free      shared  buff/cache   available
Mem:        8240128           0     8240128           0           0     8196864
Swap:             0           0           0
$ free -h
              total        used        free      shared  buff/cache   available
Mem:          7.9Gi          0B       7.9Gi          0B          0B       7.8Gi
Swap:            0B          0B          0B
$ free -l
              total        used        free      shared  buff/cache   available
Mem:        8240128           0     8240128           0           0     8196864
Low:        8240128           0     8240128
High:             0           0           0
Swap:             0           0           0
$ info
arch         x86_64 (64-bit)
ram          8192 MiB (2097152 frames)
nodes        2
cpus         2
seed         1
page size    4096 bytes (PAGE_SHIFT 12)
paging       4 levels, 8-byte entries: pgd 9 | pud 9 | pmd 9 | pte 9 | offset 12
PAGE_OFFSET  0xffff888000000000
TASK_SIZE    0x00007ffffffff000
max_low_pfn  0x200000 (8192 MiB)
max_pfn      0x200000 (8192 MiB)
Zone ranges:
  DMA      [mem 0x0000000000001000-0x0000000000ffffff]
  DMA32    [mem 0x0000000001000000-0x00000000ffffffff]
  Normal   [mem 0x0000000100000000-0x00000001ffffffff]
Early memory node ranges
  node   0: [mem 0x0000000000001000-0x000000000009efff]
  node   0: [mem 0x0000000000100000-0x00000000ffffffff]
  node   1: [mem 0x0000000100000000-0x00000001ffffffff]
Node 0: pfn 0x1-0xfffff  present 1048478  managed 1027840  reserved 20638
  DMA      pfn 0x1-0xfff  present 3998  managed 3840  reserved 158
  DMA32    pfn 0x1000-0xfffff  present 1044480  managed 1024000  reserved 20480
  Normal   empty
Node 1: pfn 0x100000-0x1fffff  present 1048576  managed 1032192  reserved 16384
  DMA      empty
  DMA32    empty
  Normal   pfn 0x100000-0x1fffff  present 1048576  managed 1032192  reserved 16384
totalram_pages 2060032 (8240128K), reserved_pages 37120 (148480K)

# numa_hit counts pages from the preferred node; pgalloc_* counts per zone type.
$ alloc_pages 0 node=1
pfn 0x100000 order 0 (1 page, 4K) node 1 zone Normal virt 0xffff888100000000
$ alloc_pages 2 gfp=GFP_DMA32
pfn 0x2000 order 2 (4 pages, 16K) node 0 zone DMA32 virt 0xffff888002000000
$ alloc_pages 4 gfp=GFP_DMA
pfn 0x100 order 4 (16 pages, 64K) node 0 zone DMA virt 0xffff888000100000
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      1      1      1      1      0      1      3 
Node 0, zone    DMA32      0      0      1      1      1      1      1      1      1      1    999 
Node 1, zone   Normal      1      0      0      0      0      0      1      1      1      1   1007 
$ vmstat
nr_free_pages 2059949
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
numa_local 2
numa_other 1
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
pgalloc_dma 16
pgalloc_dma32 4
pgalloc_normal 1
pgalloc_movable 0
allocstall_dma 0
allocstall_dma32 0
allocstall_normal 0
allocstall_movable 0
pgfree 2060032
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

# x86_64 with 2 GiB: ZONE_NORMAL exists but is empty (unpopulated), so zoneinfo
# shows it up to its protection line and buddyinfo leaves it out.
$ machine arch=x86_64 ram=2G
machine: x86_64, 2048 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 2046976K/2096760K available (16384K kernel code+data, 32768K mem_map, 632K firmware, 49784K reserved, 0K highmem)
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone    DMA32      0      0      0      0      0      0      0      0      0      0    496 
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
        min      10
        low      13
        high     16
        spanned  4095
        present  3998
        managed  3840
        cma      0
        protection: (0, 1984, 1984, 1984)
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
              high:  13
              batch: 1
  vm stats threshold: 2
  node_unreclaimable:  0
  start_pfn:           1
Node 0, zone    DMA32
  pages free     507904
        boost    0
        min      1419
        low      1926
        high     2433
        spanned  520192
        present  520192
        managed  507904
        cma      0
        protection: (0, 0, 0, 0)
      nr_free_pages 507904
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
              high:  1926
              batch: 63
  vm stats threshold: 10
  node_unreclaimable:  0
  start_pfn:           4096
Node 0, zone   Normal
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
$ meminfo
MemTotal:        2046976 kB
MemFree:         2046976 kB
MemAvailable:    2029244 kB
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
CommitLimit:     1023488 kB
Committed_AS:          0 kB
VmallocTotal:   34359738367 kB
VmallocUsed:           0 kB
VmallocChunk:          0 kB
Percpu:                0 kB
HugePages_Total:       0
HugePages_Free:        0
HugePages_Rsvd:        0
HugePages_Surp:        0
Hugepagesize:       2048 kB
Hugetlb:               0 kB
DirectMap4k:        2048 kB
DirectMap2M:     1046528 kB
DirectMap1G:     1048576 kB
$ info
arch         x86_64 (64-bit)
ram          2048 MiB (524288 frames)
nodes        1
cpus         1
seed         1
page size    4096 bytes (PAGE_SHIFT 12)
paging       4 levels, 8-byte entries: pgd 9 | pud 9 | pmd 9 | pte 9 | offset 12
PAGE_OFFSET  0xffff888000000000
TASK_SIZE    0x00007ffffffff000
max_low_pfn  0x80000 (2048 MiB)
max_pfn      0x80000 (2048 MiB)
Zone ranges:
  DMA      [mem 0x0000000000001000-0x0000000000ffffff]
  DMA32    [mem 0x0000000001000000-0x000000007fffffff]
  Normal   empty
Early memory node ranges
  node   0: [mem 0x0000000000001000-0x000000000009efff]
  node   0: [mem 0x0000000000100000-0x000000007fffffff]
Node 0: pfn 0x1-0x7ffff  present 524190  managed 511744  reserved 12446
  DMA      pfn 0x1-0xfff  present 3998  managed 3840  reserved 158
  DMA32    pfn 0x1000-0x7ffff  present 520192  managed 507904  reserved 12288
  Normal   empty
totalram_pages 511744 (2046976K), reserved_pages 12544 (50176K)

# 5-level paging, four nodes of 128 MiB: node 0 has DMA and DMA32, the others DMA32.
$ machine arch=x86_64-la57 ram=512M nodes=4 cpus=4
machine: x86_64-la57, 512 MiB RAM, 4 nodes, 4 CPUs, seed 1
Memory: 498688K/523896K available (16384K kernel code+data, 8192K mem_map, 632K firmware, 25208K reserved, 0K highmem)
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone    DMA32      0      0      0      0      0      0      0      0      0      1     23 
Node 1, zone    DMA32      0      0      0      0      0      0      0      0      0      1     31 
Node 2, zone    DMA32      0      0      0      0      0      0      0      0      0      1     31 
Node 3, zone    DMA32      0      0      0      0      0      0      0      0      0      1     31 
$ meminfo
MemTotal:         498688 kB
MemFree:          498688 kB
MemAvailable:     494108 kB
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
CommitLimit:      249344 kB
Committed_AS:          0 kB
VmallocTotal:   13743895347199 kB
VmallocUsed:           0 kB
VmallocChunk:          0 kB
Percpu:                0 kB
HugePages_Total:       0
HugePages_Free:        0
HugePages_Rsvd:        0
HugePages_Surp:        0
Hugepagesize:       2048 kB
Hugetlb:               0 kB
DirectMap4k:        2048 kB
DirectMap2M:      522240 kB
DirectMap1G:           0 kB
$ cat /proc/zoneinfo
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
        min      21
        low      26
        high     31
        spanned  4095
        present  3998
        managed  3840
        cma      0
        protection: (0, 94, 94, 94)
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
              high:  26
              batch: 1
  vm stats threshold: 6
    cpu: 1
              count: 0
              high:  26
              batch: 1
  vm stats threshold: 6
    cpu: 2
              count: 0
              high:  26
              batch: 1
  vm stats threshold: 6
    cpu: 3
              count: 0
              high:  26
              batch: 1
  vm stats threshold: 6
  node_unreclaimable:  0
  start_pfn:           1
Node 0, zone    DMA32
  pages free     24064
        boost    0
        min      136
        low      170
        high     204
        spanned  28672
        present  28672
        managed  24064
        cma      0
        protection: (0, 0, 0, 0)
      nr_free_pages 24064
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
              high:  170
              batch: 3
  vm stats threshold: 6
    cpu: 1
              count: 0
              high:  170
              batch: 3
  vm stats threshold: 6
    cpu: 2
              count: 0
              high:  170
              batch: 3
  vm stats threshold: 6
    cpu: 3
              count: 0
              high:  170
              batch: 3
  vm stats threshold: 6
  node_unreclaimable:  0
  start_pfn:           4096
Node 0, zone   Normal
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
Node 1, zone      DMA
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
Node 1, zone    DMA32
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
  pages free     32256
        boost    0
        min      182
        low      227
        high     272
        spanned  32768
        present  32768
        managed  32256
        cma      0
        protection: (0, 0, 0, 0)
      nr_free_pages 32256
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
              high:  227
              batch: 7
  vm stats threshold: 6
    cpu: 1
              count: 0
              high:  227
              batch: 7
  vm stats threshold: 6
    cpu: 2
              count: 0
              high:  227
              batch: 7
  vm stats threshold: 6
    cpu: 3
              count: 0
              high:  227
              batch: 7
  vm stats threshold: 6
  node_unreclaimable:  0
  start_pfn:           32768
Node 1, zone   Normal
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
Node 1, zone  Movable
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
Node 2, zone      DMA
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
Node 2, zone    DMA32
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
  pages free     32256
        boost    0
        min      182
        low      227
        high     272
        spanned  32768
        present  32768
        managed  32256
        cma      0
        protection: (0, 0, 0, 0)
      nr_free_pages 32256
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
              high:  227
              batch: 7
  vm stats threshold: 6
    cpu: 1
              count: 0
              high:  227
              batch: 7
  vm stats threshold: 6
    cpu: 2
              count: 0
              high:  227
              batch: 7
  vm stats threshold: 6
    cpu: 3
              count: 0
              high:  227
              batch: 7
  vm stats threshold: 6
  node_unreclaimable:  0
  start_pfn:           65536
Node 2, zone   Normal
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
Node 2, zone  Movable
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
Node 3, zone      DMA
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
Node 3, zone    DMA32
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
  pages free     32256
        boost    0
        min      182
        low      227
        high     272
        spanned  32768
        present  32768
        managed  32256
        cma      0
        protection: (0, 0, 0, 0)
      nr_free_pages 32256
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
              high:  227
              batch: 7
  vm stats threshold: 6
    cpu: 1
              count: 0
              high:  227
              batch: 7
  vm stats threshold: 6
    cpu: 2
              count: 0
              high:  227
              batch: 7
  vm stats threshold: 6
    cpu: 3
              count: 0
              high:  227
              batch: 7
  vm stats threshold: 6
  node_unreclaimable:  0
  start_pfn:           98304
Node 3, zone   Normal
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
Node 3, zone  Movable
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
$ info
arch         x86_64-la57 (64-bit)
ram          512 MiB (131072 frames)
nodes        4
cpus         4
seed         1
page size    4096 bytes (PAGE_SHIFT 12)
paging       5 levels, 8-byte entries: pgd 9 | p4d 9 | pud 9 | pmd 9 | pte 9 | offset 12
PAGE_OFFSET  0xff11000000000000
TASK_SIZE    0x00fffffffffff000
max_low_pfn  0x20000 (512 MiB)
max_pfn      0x20000 (512 MiB)
Zone ranges:
  DMA      [mem 0x0000000000001000-0x0000000000ffffff]
  DMA32    [mem 0x0000000001000000-0x000000001fffffff]
  Normal   empty
Early memory node ranges
  node   0: [mem 0x0000000000001000-0x000000000009efff]
  node   0: [mem 0x0000000000100000-0x0000000007ffffff]
  node   1: [mem 0x0000000008000000-0x000000000fffffff]
  node   2: [mem 0x0000000010000000-0x0000000017ffffff]
  node   3: [mem 0x0000000018000000-0x000000001fffffff]
Node 0: pfn 0x1-0x7fff  present 32670  managed 27904  reserved 4766
  DMA      pfn 0x1-0xfff  present 3998  managed 3840  reserved 158
  DMA32    pfn 0x1000-0x7fff  present 28672  managed 24064  reserved 4608
  Normal   empty
Node 1: pfn 0x8000-0xffff  present 32768  managed 32256  reserved 512
  DMA      empty
  DMA32    pfn 0x8000-0xffff  present 32768  managed 32256  reserved 512
  Normal   empty
Node 2: pfn 0x10000-0x17fff  present 32768  managed 32256  reserved 512
  DMA      empty
  DMA32    pfn 0x10000-0x17fff  present 32768  managed 32256  reserved 512
  Normal   empty
Node 3: pfn 0x18000-0x1ffff  present 32768  managed 32256  reserved 512
  DMA      empty
  DMA32    pfn 0x18000-0x1ffff  present 32768  managed 32256  reserved 512
  Normal   empty
totalram_pages 124672 (498688K), reserved_pages 6400 (25600K)

# PAE: 2 MiB huge pages and direct-map pages, 5 GiB of HighMem.
$ machine arch=i386-pae ram=6G cpus=3
machine: i386-pae, 6144 MiB RAM, 1 node, 3 CPUs, seed 1
Memory: 6233088K/6291064K available (8192K kernel code+data, 49152K mem_map, 632K firmware, 57976K reserved, 5373952K highmem)
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      0      0      0      0      0      0      0      0      0      0    206 
Node 0, zone  HighMem      0      0      0      0      0      0      0      0      0      0   1312 
$ meminfo
MemTotal:        6233088 kB
MemFree:         6233088 kB
MemAvailable:    6032244 kB
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
HighTotal:       5373952 kB
HighFree:        5373952 kB
LowTotal:         859136 kB
LowFree:          859136 kB
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
CommitLimit:     3116544 kB
Committed_AS:          0 kB
VmallocTotal:     118776 kB
VmallocUsed:           0 kB
VmallocChunk:          0 kB
Percpu:                0 kB
HugePages_Total:       0
HugePages_Free:        0
HugePages_Rsvd:        0
HugePages_Surp:        0
Hugepagesize:       2048 kB
Hugetlb:               0 kB
DirectMap4k:        2048 kB
DirectMap2M:      915456 kB
$ free -lh
              total        used        free      shared  buff/cache   available
Mem:          5.9Gi          0B       5.9Gi          0B          0B       5.8Gi
Low:          839Mi          0B       839Mi
High:         5.1Gi          0B       5.1Gi
Swap:            0B          0B          0B
$ info
arch         i386-pae (32-bit)
ram          6144 MiB (1572864 frames)
nodes        1
cpus         3
seed         1
page size    4096 bytes (PAGE_SHIFT 12)
paging       3 levels, 8-byte entries: pgd 2 | pmd 9 | pte 9 | offset 12
PAGE_OFFSET  0xc0000000
TASK_SIZE    0xc0000000
high_memory  0xf8000000
max_low_pfn  0x38000 (896 MiB)
max_pfn      0x180000 (6144 MiB)
Zone ranges:
  DMA      [mem 0x0000000000001000-0x0000000000ffffff]
  Normal   [mem 0x0000000001000000-0x0000000037ffffff]
  HighMem  [mem 0x0000000038000000-0x000000017fffffff]
Early memory node ranges
  node   0: [mem 0x0000000000001000-0x000000000009efff]
  node   0: [mem 0x0000000000100000-0x000000017fffffff]
Node 0: pfn 0x1-0x17ffff  present 1572766  managed 1558272  reserved 14494
  DMA      pfn 0x1-0xfff  present 3998  managed 3840  reserved 158
  Normal   pfn 0x1000-0x37fff  present 225280  managed 210944  reserved 14336
  HighMem  pfn 0x38000-0x17ffff  present 1343488  managed 1343488  reserved 0
totalram_pages 1558272 (6233088K), reserved_pages 14592 (58368K)

# i386 with 512 MiB: all of it is lowmem, ZONE_HIGHMEM is empty.
$ machine arch=i386 ram=512M
machine: i386, 512 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 510976K/523896K available (8192K kernel code+data, 4096K mem_map, 632K firmware, 12920K reserved, 0K highmem)
$ buddyinfo
Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone   Normal      0      0      0      0      0      0      0      0      0      0    121 
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
        min      21
        low      26
        high     31
        spanned  4095
        present  3998
        managed  3840
        cma      0
        protection: (0, 484, 484, 484)
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
              high:  26
              batch: 1
  vm stats threshold: 2
  node_unreclaimable:  0
  start_pfn:           1
Node 0, zone   Normal
  pages free     123904
        boost    0
        min      692
        low      865
        high     1038
        spanned  126976
        present  126976
        managed  123904
        cma      0
        protection: (0, 0, 0, 0)
      nr_free_pages 123904
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
              high:  865
              batch: 31
  vm stats threshold: 6
  node_unreclaimable:  0
  start_pfn:           4096
Node 0, zone  HighMem
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
$ meminfo
MemTotal:         510976 kB
MemFree:          510976 kB
MemAvailable:     504764 kB
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
HighTotal:             0 kB
HighFree:              0 kB
LowTotal:         510976 kB
LowFree:          510976 kB
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
CommitLimit:      255488 kB
Committed_AS:          0 kB
VmallocTotal:     507896 kB
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
DirectMap4M:      520192 kB
$ free -l
              total        used        free      shared  buff/cache   available
Mem:         510976           0      510976           0           0      504764
Low:         510976           0      510976
High:             0           0           0
Swap:             0           0           0
$ info
arch         i386 (32-bit)
ram          512 MiB (131072 frames)
nodes        1
cpus         1
seed         1
page size    4096 bytes (PAGE_SHIFT 12)
paging       2 levels, 4-byte entries: pgd 10 | pte 10 | offset 12
PAGE_OFFSET  0xc0000000
TASK_SIZE    0xc0000000
high_memory  0xe0000000
max_low_pfn  0x20000 (512 MiB)
max_pfn      0x20000 (512 MiB)
Zone ranges:
  DMA      [mem 0x0000000000001000-0x0000000000ffffff]
  Normal   [mem 0x0000000001000000-0x000000001fffffff]
  HighMem  empty
Early memory node ranges
  node   0: [mem 0x0000000000001000-0x000000000009efff]
  node   0: [mem 0x0000000000100000-0x000000001fffffff]
Node 0: pfn 0x1-0x1ffff  present 130974  managed 127744  reserved 3230
  DMA      pfn 0x1-0xfff  present 3998  managed 3840  reserved 158
  Normal   pfn 0x1000-0x1ffff  present 126976  managed 123904  reserved 3072
  HighMem  empty
totalram_pages 127744 (510976K), reserved_pages 3328 (13312K)
