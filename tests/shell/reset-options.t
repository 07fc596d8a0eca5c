# reset swap= and policy=: the same machine afresh, with another swap size
# or replacement policy; the other settings of the last `machine` stay.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
$ machine ram=64M swap=4M policy=clock
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1, swap 4096K, policy clock
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
Adding 4092k swap on /dev/sda2.  Priority:-2 extents:1 across:4092k SS
# reset alone keeps everything, swap and policy included
$ reset
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1, swap 4096K, policy clock
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
Adding 4092k swap on /dev/sda2.  Priority:-2 extents:1 across:4092k SS
$ reset swap=8M
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1, swap 8192K, policy clock
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
Adding 8188k swap on /dev/sda2.  Priority:-2 extents:1 across:8188k SS
$ cat /proc/swaps
Filename				Type		Size		Used		Priority
/dev/sda2                               partition	8188		0		-2
$ reset policy=fifo
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1, swap 8192K, policy fifo
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
Adding 8188k swap on /dev/sda2.  Priority:-2 extents:1 across:8188k SS
# swap=0: no swap at all
$ reset swap=0
machine: i386, 64 MiB RAM, 1 node, 1 CPU, seed 1, policy fifo
Memory: 55808K/65144K available (8192K kernel code+data, 512K mem_map, 632K firmware, 9336K reserved, 0K highmem)
$ swaps
Filename				Type		Size		Used		Priority
$ policy
policy fifo: the oldest page goes, used or not
# errors change nothing
$ reset swap=4K
! error: reset: swap: a swap area needs at least 10 pages (40K)
$ reset policy=opt
! error: reset: policy: expected linux, fifo, lru or clock, not 'opt'
$ reset swap=lots
! error: reset: swap: 'lots' is not a size (a number with K, M or G)
$ reset colour=red
! error: reset: unknown option 'colour' (options: swap, policy)
$ reset 3
! error: reset: unexpected argument '3' (usage: reset [swap=SIZE] [policy=NAME])
$ policy
policy fifo: the oldest page goes, used or not
