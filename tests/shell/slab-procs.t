# Processes take their objects from the boot caches, as copy_process()
# does: slab and slabinfo follow exec, fork, VMA splits and merges, and
# kill.
use strict;
use warnings;
use lib 'tests/lib';
use Transcript;
run_transcript(\*DATA);
__DATA__
# a new machine has the caches but not a single slab
$ slab task_struct
task_struct: object_size 3584, size 3584, align 64, free pointer at offset 1792
slabs of order 3 (8 pages): 9 objects, 512 bytes left over; min_partial 5
node 0: 0 slabs, 0 objects, 0 partial
no slabs: the first allocation makes one
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ slab vm_area_struct
vm_area_struct: object_size 100, size 104, align 8, free pointer at offset 48
slabs of order 0 (1 page): 39 objects, 40 bytes left over; min_partial 5
node 0: 1 slab, 39 objects, 0 partial
cpu 0: slab pfn 0x180c, 36 free objects on its freelist
slab pfn 0x180c (0xc180c000-0xc180cfff): CPU 0's slab, 3 of 39 objects allocated
  ###------------------------------------
objects: # allocated, - free on a CPU freelist, . free on the slab's freelist
$ slab task_struct
task_struct: object_size 3584, size 3584, align 64, free pointer at offset 1792
slabs of order 3 (8 pages): 9 objects, 512 bytes left over; min_partial 5
node 0: 1 slab, 9 objects, 0 partial
cpu 0: slab pfn 0x1800, 8 free objects on its freelist
slab pfn 0x1800 (0xc1800000-0xc1807fff): CPU 0's slab, 1 of 9 objects allocated
  #--------
objects: # allocated, - free on a CPU freelist, . free on the slab's freelist
$ fork
pid 2 (app): child of pid 1, 0 pages shared copy-on-write
$ slab vm_area_struct
vm_area_struct: object_size 100, size 104, align 8, free pointer at offset 48
slabs of order 0 (1 page): 39 objects, 40 bytes left over; min_partial 5
node 0: 1 slab, 39 objects, 0 partial
cpu 0: slab pfn 0x180c, 33 free objects on its freelist
slab pfn 0x180c (0xc180c000-0xc180cfff): CPU 0's slab, 6 of 39 objects allocated
  ######---------------------------------
objects: # allocated, - free on a CPU freelist, . free on the slab's freelist
# mprotect in the middle of the heap splits it in three: two more VMAs
$ malloc 100
0x0804b008  (brk heap: brk 0x0804b000 -> 0x0806c000)
$ mprotect 0x0804c000 4K r
$ maps
08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
0804b000-0804c000 rw-p 00000000 00:00 0          [heap]
0804c000-0804d000 r--p 00000000 00:00 0          [heap]
0804d000-0806c000 rw-p 00000000 00:00 0          [heap]
bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
$ slab vm_area_struct
vm_area_struct: object_size 100, size 104, align 8, free pointer at offset 48
slabs of order 0 (1 page): 39 objects, 40 bytes left over; min_partial 5
node 0: 1 slab, 39 objects, 0 partial
cpu 0: slab pfn 0x180c, 30 free objects on its freelist
slab pfn 0x180c (0xc180c000-0xc180cfff): CPU 0's slab, 9 of 39 objects allocated
  #########------------------------------
objects: # allocated, - free on a CPU freelist, . free on the slab's freelist
# and back: the merge gives them back
$ mprotect 0x0804c000 4K rw
$ slab vm_area_struct
vm_area_struct: object_size 100, size 104, align 8, free pointer at offset 48
slabs of order 0 (1 page): 39 objects, 40 bytes left over; min_partial 5
node 0: 1 slab, 39 objects, 0 partial
cpu 0: slab pfn 0x180c, 32 free objects on its freelist
slab pfn 0x180c (0xc180c000-0xc180cfff): CPU 0's slab, 7 of 39 objects allocated
  ######-#-------------------------------
objects: # allocated, - free on a CPU freelist, . free on the slab's freelist
$ kill 2
pid 2 (app) killed: 0 mapped pages and 1 page-table page released
$ kill 1
pid 1 (app) killed: 0 mapped pages and 1 page-table page released
$ slab vm_area_struct
vm_area_struct: object_size 100, size 104, align 8, free pointer at offset 48
slabs of order 0 (1 page): 39 objects, 40 bytes left over; min_partial 5
node 0: 1 slab, 39 objects, 0 partial
cpu 0: slab pfn 0x180c, 39 free objects on its freelist
slab pfn 0x180c (0xc180c000-0xc180cfff): CPU 0's slab, 0 of 39 objects allocated
  ---------------------------------------
objects: # allocated, - free on a CPU freelist, . free on the slab's freelist
$ slab mm_struct
mm_struct: object_size 640, size 640, align 64, free pointer at offset 320
slabs of order 1 (2 pages): 12 objects, 512 bytes left over; min_partial 5
node 0: 1 slab, 12 objects, 0 partial
cpu 0: slab pfn 0x184e, 12 free objects on its freelist
slab pfn 0x184e (0xc184e000-0xc184ffff): CPU 0's slab, 0 of 12 objects allocated
  ------------
objects: # allocated, - free on a CPU freelist, . free on the slab's freelist
$ kmem_cache_shrink vm_area_struct
vm_area_struct: 1 empty slab freed
# ten processes fill the first task_struct slab (9 objects) and need a second
$ exec p1; exec p2; exec p3; exec p4; exec p5; exec p6; exec p7; exec p8; exec p9; exec p10
pid 3 (p1) is now current: 3 VMAs, pgd at pfn 0x180c
pid 4 (p2) is now current: 3 VMAs, pgd at pfn 0x180e
pid 5 (p3) is now current: 3 VMAs, pgd at pfn 0x180f
pid 6 (p4) is now current: 3 VMAs, pgd at pfn 0x1810
pid 7 (p5) is now current: 3 VMAs, pgd at pfn 0x1811
pid 8 (p6) is now current: 3 VMAs, pgd at pfn 0x1812
pid 9 (p7) is now current: 3 VMAs, pgd at pfn 0x1813
pid 10 (p8) is now current: 3 VMAs, pgd at pfn 0x1814
pid 11 (p9) is now current: 3 VMAs, pgd at pfn 0x1815
pid 12 (p10) is now current: 3 VMAs, pgd at pfn 0x1816
$ cat /proc/slabinfo
slabinfo - version: 2.1
\# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>
vm_area_struct        39     39    104   39    1 : tunables    0    0    0 : slabdata      1      1      0
mm_struct             12     12    640   12    2 : tunables    0    0    0 : slabdata      1      1      0
fs_cache              64     64     64   64    1 : tunables    0    0    0 : slabdata      1      1      0
files_cache           16     16    256   16    1 : tunables    0    0    0 : slabdata      1      1      0
signal_cache          12     12    640   12    2 : tunables    0    0    0 : slabdata      1      1      0
sighand_cache         12     12   1344   12    4 : tunables    0    0    0 : slabdata      1      1      0
task_struct           18     18   3584    9    8 : tunables    0    0    0 : slabdata      2      2      0
cred_jar              32     32    128   32    1 : tunables    0    0    0 : slabdata      1      1      0
anon_vma_chain         0      0     32  128    1 : tunables    0    0    0 : slabdata      0      0      0
anon_vma               0      0     56   73    1 : tunables    0    0    0 : slabdata      0      0      0
pid                   64     64     64   64    1 : tunables    0    0    0 : slabdata      1      1      0
kmalloc-8k             0      0   8192    4    8 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-4k             0      0   4096    8    8 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-2k             0      0   2048    8    4 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-1k             0      0   1024    8    2 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-512            0      0    512    8    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-256            0      0    256   16    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-192            0      0    192   21    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-128            0      0    128   32    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-96             0      0     96   42    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-64             0      0     64   64    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-32             0      0     32  128    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-16             0      0     16  256    1 : tunables    0    0    0 : slabdata      0      0      0
kmalloc-8              0      0      8  512    1 : tunables    0    0    0 : slabdata      0      0      0
# the narration names each object and the kernel function that took it
$ explain on
$ exec last
kmem_cache_alloc(task_struct) returns 0xc1850e00: object 1 of slab pfn 0x1850, poisoned 5a; 7 free objects left on CPU 0's freelist.
kmem_cache_alloc(cred_jar) returns 0xc1808500: object 10 of slab pfn 0x1808, poisoned 5a; 21 free objects left on CPU 0's freelist.
kmem_cache_alloc(files_cache) returns 0xc1809a00: object 10 of slab pfn 0x1809, poisoned 5a; 5 free objects left on CPU 0's freelist.
kmem_cache_alloc(fs_cache) returns 0xc180a280: object 10 of slab pfn 0x180a, poisoned 5a; 53 free objects left on CPU 0's freelist.
kmem_cache_alloc(sighand_cache) returns 0xc184b480: object 10 of slab pfn 0x1848, poisoned 5a; 1 free object left on CPU 0's freelist.
kmem_cache_alloc(signal_cache) returns 0xc184d900: object 10 of slab pfn 0x184c, poisoned 5a; 1 free object left on CPU 0's freelist.
kmem_cache_alloc(mm_struct) returns 0xc184f900: object 10 of slab pfn 0x184e, poisoned 5a; 1 free object left on CPU 0's freelist.
alloc_pages(order=0, GFP_KERNEL|__GFP_ZERO): zonelist Normal, DMA (node 0).
watermark: zone Normal (node 0) has 221097 free pages, above its low watermark 1163: OK.
allocated: pfn 0x1817 (phys 0x1817000-0x1817fff) from the head of CPU 0's list for zone Normal (node 0); 47 left on it.
pgd_alloc: a new pgd, pfn 0x1817 (zone Normal), its kernel entries copied from swapper_pg_dir.
kmem_cache_alloc(vm_area_struct) returns 0xc180bc30: object 30 of slab pfn 0x180b, poisoned 5a; 8 free objects left on CPU 0's freelist.
kmem_cache_alloc(vm_area_struct) returns 0xc180bc98: object 31 of slab pfn 0x180b, poisoned 5a; 7 free objects left on CPU 0's freelist.
kmem_cache_alloc(vm_area_struct) returns 0xc180bd00: object 32 of slab pfn 0x180b, poisoned 5a; 6 free objects left on CPU 0's freelist.
kmem_cache_alloc(pid) returns 0xc180d280: object 10 of slab pfn 0x180d, poisoned 5a; 53 free objects left on CPU 0's freelist.
new task: pid 13 (last), with its own mm_struct and pgd.
TLB flush on cpu 0 (flush on task switch): every entry of the address space goes, the global (kernel) ones stay.
switch_mm: cpu 0 now runs pid 13: CR3 := 0x01817000.
pid 13 (last) is now current: 3 VMAs, pgd at pfn 0x1817
$ explain off
$ trace on
$ kill 11
sched_process_exit: comm=p9 pid=11 prio=120
kmem_cache_free: call_site=vm_area_free ptr=0xc180b9c0 name=vm_area_struct
slab_free_object: cache=vm_area_struct cpu=0 pfn=0x180b ptr=0xc180b9c0 to=cpu_freelist inuse=39
kmem_cache_free: call_site=vm_area_free ptr=0xc180ba28 name=vm_area_struct
slab_free_object: cache=vm_area_struct cpu=0 pfn=0x180b ptr=0xc180ba28 to=cpu_freelist inuse=39
kmem_cache_free: call_site=vm_area_free ptr=0xc180ba90 name=vm_area_struct
slab_free_object: cache=vm_area_struct cpu=0 pfn=0x180b ptr=0xc180ba90 to=cpu_freelist inuse=39
free_pgtables: mm=12 level=pgd pfn=0x1815
mm_page_free: page=0xc10302a0 pfn=0x1815 order=0
pcp_free: zone=Normal node=0 cpu=0 pfn=0x1815 count=48 high=1163
kmem_cache_free: call_site=__mmdrop ptr=0xc184f400 name=mm_struct
slab_free_object: cache=mm_struct cpu=0 pfn=0x184e ptr=0xc184f400 to=cpu_freelist inuse=12
kmem_cache_free: call_site=free_task_struct ptr=0xc1807000 name=task_struct
slab_free_object: cache=task_struct cpu=0 pfn=0x1800 ptr=0xc1807000 to=slab_freelist inuse=8
slab_add_partial: cache=task_struct pfn=0x1800 nr_partial=1 inuse=8 objects=9
kmem_cache_free: call_site=__put_cred ptr=0xc1808400 name=cred_jar
slab_free_object: cache=cred_jar cpu=0 pfn=0x1808 ptr=0xc1808400 to=cpu_freelist inuse=32
kmem_cache_free: call_site=put_files_struct ptr=0xc1809800 name=files_cache
slab_free_object: cache=files_cache cpu=0 pfn=0x1809 ptr=0xc1809800 to=cpu_freelist inuse=16
kmem_cache_free: call_site=free_fs_struct ptr=0xc180a200 name=fs_cache
slab_free_object: cache=fs_cache cpu=0 pfn=0x180a ptr=0xc180a200 to=cpu_freelist inuse=64
kmem_cache_free: call_site=__cleanup_sighand ptr=0xc184aa00 name=sighand_cache
slab_free_object: cache=sighand_cache cpu=0 pfn=0x1848 ptr=0xc184aa00 to=cpu_freelist inuse=12
kmem_cache_free: call_site=free_signal_struct ptr=0xc184d400 name=signal_cache
slab_free_object: cache=signal_cache cpu=0 pfn=0x184c ptr=0xc184d400 to=cpu_freelist inuse=12
kmem_cache_free: call_site=free_pid ptr=0xc180d200 name=pid
slab_free_object: cache=pid cpu=0 pfn=0x180d ptr=0xc180d200 to=cpu_freelist inuse=64
pid 11 (p9) killed: 0 mapped pages and 1 page-table page released
$ trace off
