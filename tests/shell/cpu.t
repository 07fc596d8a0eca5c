#!/usr/bin/perl
# cpu.t - `cpu [N]`: the CPU commands run on.  Each CPU has its own
# per-CPU page lists, TLB and current process; a free on one CPU goes to
# that CPU's list.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Transcript;

run_transcript(\*DATA);

__DATA__
$ machine cpus=2 ram=256M
machine: i386, 256 MiB RAM, 1 node, 2 CPUs, seed 1
Memory: 250880K/261752K available (8192K kernel code+data, 2048K mem_map, 632K firmware, 10872K reserved, 0K highmem)
$ cpu
cpu 0 (node 0): idle
$ alloc_pages 0
pfn 0xfc00 order 0 (1 page, 4K) node 0 zone Normal virt 0xcfc00000
$ cpu 1
cpu 1 (node 0): idle
$ alloc_pages 0
pfn 0xfc0f order 0 (1 page, 4K) node 0 zone Normal virt 0xcfc0f000
$ __free_pages 0xfc00 0
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
        min      30
        low      37
        high     44
        spanned  4095
        present  3998
        managed  3840
        cma      0
        protection: (0, 230, 230, 230)
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
              high:  18
              batch: 1
  vm stats threshold: 4
    cpu: 1
              count: 0
              high:  18
              batch: 1
  vm stats threshold: 4
  node_unreclaimable:  0
  start_pfn:           1
Node 0, zone   Normal
  pages free     58850
        boost    0
        min      469
        low      586
        high     703
        spanned  61440
        present  61440
        managed  58880
        cma      0
        protection: (0, 0, 0, 0)
      nr_free_pages 58850
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
              count: 14
              high:  293
              batch: 15
  vm stats threshold: 8
    cpu: 1
              count: 15
              high:  293
              batch: 15
  vm stats threshold: 8
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
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0xfc12
$ cpu 0
cpu 0 (node 0): idle
$ switch 1
! error: switch: pid 1 runs on cpu 1
$ cpu 1
cpu 1 (node 0): runs pid 1 (app)
$ cpu 2
! error: cpu: cpu 2 does not exist (cpus 0..1)
$ cpu x
! error: cpu: N: 'x' is not a number
$ cpu 1 2
! error: cpu: unexpected argument '2' (usage: cpu [N])
