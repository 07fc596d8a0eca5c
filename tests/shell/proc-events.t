# explain and trace along the fault path: tracepoints, then narration of
# fork and copy-on-write, the page cache, writeback and a segfault.
use lib 'tests/lib'; use Transcript; run_transcript(\*DATA);
__DATA__
# the fault path as tracepoints
$ exec app
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x180b
$ malloc 100
0x0804b008  (brk heap: brk 0x0804b000 -> 0x0806c000)
$ trace on
$ touch 0x0804b008 w
page_fault_user: address=0x804b008 ip=0x8048000 error_code=0x6
find_vma: addr=0x804b008 vma=0x804b000-0x806c000 flags=rw-p
alloc_start: order=0 gfp_flags=GFP_KERNEL|__GFP_ZERO node=0 highest_zone=Normal
zone_watermark: zone=Normal node=0 order=0 wmark=low mark=1163 free=221105 ok=1
mm_page_alloc: page=0xc10301c0 pfn=0x180e order=0 migratetype=0 gfp_flags=GFP_KERNEL|__GFP_ZERO
pte_alloc: mm=2 level=pte pfn=0x180e addr=0x804b008 kernel=0
alloc_start: order=0 gfp_flags=GFP_HIGHUSER_MOVABLE|__GFP_ZERO node=0 highest_zone=Movable
zone_watermark: zone=HighMem node=0 order=0 wmark=low mark=66 free=32768 ok=1
rmqueue_smallest: zone=HighMem node=0 pfn=0x38000 order=0 current_order=10
buddy_split: zone=HighMem node=0 pfn=0x38200 order=9
buddy_split: zone=HighMem node=0 pfn=0x38100 order=8
buddy_split: zone=HighMem node=0 pfn=0x38080 order=7
buddy_split: zone=HighMem node=0 pfn=0x38040 order=6
buddy_split: zone=HighMem node=0 pfn=0x38020 order=5
buddy_split: zone=HighMem node=0 pfn=0x38010 order=4
buddy_split: zone=HighMem node=0 pfn=0x38008 order=3
buddy_split: zone=HighMem node=0 pfn=0x38004 order=2
buddy_split: zone=HighMem node=0 pfn=0x38002 order=1
buddy_split: zone=HighMem node=0 pfn=0x38001 order=0
mm_page_alloc_zone_locked: page=0xc1700000 pfn=0x38000 order=0 migratetype=0 percpu_refill=1
rmqueue_smallest: zone=HighMem node=0 pfn=0x38001 order=0 current_order=0
mm_page_alloc_zone_locked: page=0xc1700020 pfn=0x38001 order=0 migratetype=0 percpu_refill=1
rmqueue_smallest: zone=HighMem node=0 pfn=0x38002 order=0 current_order=1
buddy_split: zone=HighMem node=0 pfn=0x38003 order=0
mm_page_alloc_zone_locked: page=0xc1700040 pfn=0x38002 order=0 migratetype=0 percpu_refill=1
rmqueue_smallest: zone=HighMem node=0 pfn=0x38003 order=0 current_order=0
mm_page_alloc_zone_locked: page=0xc1700060 pfn=0x38003 order=0 migratetype=0 percpu_refill=1
rmqueue_smallest: zone=HighMem node=0 pfn=0x38004 order=0 current_order=2
buddy_split: zone=HighMem node=0 pfn=0x38006 order=1
buddy_split: zone=HighMem node=0 pfn=0x38005 order=0
mm_page_alloc_zone_locked: page=0xc1700080 pfn=0x38004 order=0 migratetype=0 percpu_refill=1
rmqueue_smallest: zone=HighMem node=0 pfn=0x38005 order=0 current_order=0
mm_page_alloc_zone_locked: page=0xc17000a0 pfn=0x38005 order=0 migratetype=0 percpu_refill=1
rmqueue_smallest: zone=HighMem node=0 pfn=0x38006 order=0 current_order=1
buddy_split: zone=HighMem node=0 pfn=0x38007 order=0
mm_page_alloc_zone_locked: page=0xc17000c0 pfn=0x38006 order=0 migratetype=0 percpu_refill=1
pcp_refill: zone=HighMem node=0 cpu=0 count=7 batch=7
mm_page_alloc: page=0xc1700000 pfn=0x38000 order=0 migratetype=0 gfp_flags=GFP_HIGHUSER_MOVABLE|__GFP_ZERO
do_anonymous_page: addr=0x804b008 pfn=0x38000 zero_page=0 zone=HighMem
set_pte: addr=0x804b008 table=0x180e index=75 pte=0x38000067 pfn=0x38000
tlb_miss: cpu=0 addr=0x804b008 pfn=0x38000
touched 1 page (write): 1 minor fault, 0 major
$ touch 0x0804c000
page_fault_user: address=0x804c000 ip=0x8048000 error_code=0x4
find_vma: addr=0x804c000 vma=0x804b000-0x806c000 flags=rw-p
do_anonymous_page: addr=0x804c000 pfn=0x17fd zero_page=1 zone=Normal
set_pte: addr=0x804c000 table=0x180e index=76 pte=0x017fd025 pfn=0x17fd
tlb_miss: cpu=0 addr=0x804c000 pfn=0x17fd
touched 1 page (read): 1 minor fault, 0 major
$ write 0x0804c000 1
page_fault_user: address=0x804c000 ip=0x8048000 error_code=0x7
find_vma: addr=0x804c000 vma=0x804b000-0x806c000 flags=rw-p
alloc_start: order=0 gfp_flags=GFP_HIGHUSER_MOVABLE|__GFP_ZERO node=0 highest_zone=Movable
zone_watermark: zone=HighMem node=0 order=0 wmark=low mark=66 free=32761 ok=1
mm_page_alloc: page=0xc1700020 pfn=0x38001 order=0 migratetype=0 gfp_flags=GFP_HIGHUSER_MOVABLE|__GFP_ZERO
do_wp_page: addr=0x804c000 pfn=0x38001 old_pfn=0x17fd reuse=0
set_pte: addr=0x804c000 table=0x180e index=76 pte=0x38001067 pfn=0x38001
tlb_flush: pages:1 reason:local mm shootdown (3)
tlb_miss: cpu=0 addr=0x804c000 pfn=0x38001
$ trace off
# and as narration: copy-on-write after fork, a file page, a segfault
$ explain on
$ fork
kmem_cache_alloc(task_struct) returns 0xc1800e00: object 1 of slab pfn 0x1800, poisoned 5a; 7 free objects left on CPU 0's freelist.
kmem_cache_alloc(cred_jar) returns 0xc1808080: object 1 of slab pfn 0x1808, poisoned 5a; 30 free objects left on CPU 0's freelist.
kmem_cache_alloc(files_cache) returns 0xc1809100: object 1 of slab pfn 0x1809, poisoned 5a; 14 free objects left on CPU 0's freelist.
kmem_cache_alloc(fs_cache) returns 0xc180a040: object 1 of slab pfn 0x180a, poisoned 5a; 62 free objects left on CPU 0's freelist.
kmem_cache_alloc(sighand_cache) returns 0xc1848540: object 1 of slab pfn 0x1848, poisoned 5a; 10 free objects left on CPU 0's freelist.
kmem_cache_alloc(signal_cache) returns 0xc184c280: object 1 of slab pfn 0x184c, poisoned 5a; 10 free objects left on CPU 0's freelist.
kmem_cache_alloc(mm_struct) returns 0xc184e280: object 1 of slab pfn 0x184e, poisoned 5a; 10 free objects left on CPU 0's freelist.
alloc_pages(order=0, GFP_KERNEL|__GFP_ZERO): zonelist Normal, DMA (node 0).
watermark: zone Normal (node 0) has 221105 free pages, above its low watermark 1163: OK.
allocated: pfn 0x180f (phys 0x180f000-0x180ffff) from the head of CPU 0's list for zone Normal (node 0); 55 left on it.
pgd_alloc: a new pgd, pfn 0x180f (zone Normal), its kernel entries copied from swapper_pg_dir.
kmem_cache_alloc(vm_area_struct) returns 0xc180c1a0: object 4 of slab pfn 0x180c, poisoned 5a; 34 free objects left on CPU 0's freelist.
kmem_cache_alloc(vm_area_struct) returns 0xc180c208: object 5 of slab pfn 0x180c, poisoned 5a; 33 free objects left on CPU 0's freelist.
kmem_cache_alloc(vm_area_struct) returns 0xc180c270: object 6 of slab pfn 0x180c, poisoned 5a; 32 free objects left on CPU 0's freelist.
alloc_pages(order=0, GFP_KERNEL|__GFP_ZERO): zonelist Normal, DMA (node 0).
watermark: zone Normal (node 0) has 221105 free pages, above its low watermark 1163: OK.
allocated: pfn 0x1810 (phys 0x1810000-0x1810fff) from the head of CPU 0's list for zone Normal (node 0); 54 left on it.
pte_alloc: the pte table for 0x0804b000 was missing: a zeroed page-table page, pfn 0x1810 (zone Normal), counted in PageTables.
kmem_cache_alloc(vm_area_struct) returns 0xc180c2d8: object 7 of slab pfn 0x180c, poisoned 5a; 31 free objects left on CPU 0's freelist.
TLB flush on cpu 0 (local mm shootdown): every entry of the address space goes.
kmem_cache_alloc(pid) returns 0xc180d040: object 1 of slab pfn 0x180d, poisoned 5a; 62 free objects left on CPU 0's freelist.
new task: pid 2 (app), with its own mm_struct and pgd.
fork: pid 1 (app) has a child, pid 2: the same VMAs; private pages are now read-only in both, to be copied on write.
pid 2 (app): child of pid 1, 2 pages shared copy-on-write
$ write 0x0804b008 5
page fault: pid 1 (app) writes 0x0804b008: the page is present but the access is not allowed (error 0x7: PROT, WRITE, USER).
find_vma: 0x0804b008 lies in 0x0804b000-0x0806c000 rw-p.
walk: pgd[32] is present: the pte table at pfn 0x180e; pte[75] is present: pfn 0x38000 (P US A D).
alloc_pages(order=0, GFP_HIGHUSER_MOVABLE): zonelist HighMem, Normal, DMA (node 0).
watermark: zone HighMem (node 0) has 32761 free pages, above its low watermark 66: OK.
allocated: pfn 0x38002 (phys 0x38002000-0x38002fff) from the head of CPU 0's list for zone HighMem (node 0); 4 left on it.
do_wp_page: copy-on-write: pfn 0x38000 is shared, so it is copied into pfn 0x38002 (zone HighMem) and the copy is mapped writable.
set_pte: pte[75] of the table at pfn 0x180e := 0x38002067 (P RW US A D).
TLB flush on cpu 0 (local mm shootdown): invlpg of 1 page.
TLB miss on cpu 0: the page walk gives 0x0804b008 -> pfn 0x38002, now cached.
$ file /data/f 4K
/data/f: 4096 bytes (1 page), inode 134, nothing cached
$ mmap 4K file=/data/f flags=shared addr=0x40000000
kmem_cache_alloc(vm_area_struct) returns 0xc180c340: object 8 of slab pfn 0x180c, poisoned 5a; 30 free objects left on CPU 0's freelist.
0x40000000
$ read 0x40000000
page fault: pid 1 (app) reads 0x40000000: the page is not present (error 0x4: not present, read, USER).
find_vma: 0x40000000 lies in 0x40000000-0x40001000 rw-s.
walk: pgd[256] is empty.
alloc_pages(order=0, GFP_KERNEL|__GFP_ZERO): zonelist Normal, DMA (node 0).
watermark: zone Normal (node 0) has 221105 free pages, above its low watermark 1163: OK.
allocated: pfn 0x1811 (phys 0x1811000-0x1811fff) from the head of CPU 0's list for zone Normal (node 0); 53 left on it.
pte_alloc: the pte table for 0x40000000 was missing: a zeroed page-table page, pfn 0x1811 (zone Normal), counted in PageTables.
alloc_pages(order=0, GFP_HIGHUSER_MOVABLE): zonelist HighMem, Normal, DMA (node 0).
watermark: zone HighMem (node 0) has 32761 free pages, above its low watermark 66: OK.
allocated: pfn 0x38003 (phys 0x38003000-0x38003fff) from the head of CPU 0's list for zone HighMem (node 0); 3 left on it.
page cache: page 0 of /data/f is read into pfn 0x38003.
do_read_fault: page 0 of /data/f, pfn 0x38003, was read from the file (a major fault); mapped without write permission.
set_pte: pte[0] of the table at pfn 0x1811 := 0x38003025 (P US A).
TLB miss on cpu 0: the page walk gives 0x40000000 -> pfn 0x38003, now cached.
0 (0x0)
$ touch 0x0804a000 w
page fault: pid 1 (app) writes 0x0804a000: the page is not present (error 0x6: not present, WRITE, USER).
find_vma: 0x0804a000 lies in 0x0804a000-0x0804b000 rw-p.
walk: pgd[32] is present: the pte table at pfn 0x180e; pte[74] is empty.
alloc_pages(order=0, GFP_HIGHUSER_MOVABLE): zonelist HighMem, Normal, DMA (node 0).
watermark: zone HighMem (node 0) has 32761 free pages, above its low watermark 66: OK.
allocated: pfn 0x38004 (phys 0x38004000-0x38004fff) from the head of CPU 0's list for zone HighMem (node 0); 2 left on it.
alloc_pages(order=0, GFP_HIGHUSER_MOVABLE): zonelist HighMem, Normal, DMA (node 0).
watermark: zone HighMem (node 0) has 32761 free pages, above its low watermark 66: OK.
allocated: pfn 0x38005 (phys 0x38005000-0x38005fff) from the head of CPU 0's list for zone HighMem (node 0); 1 left on it.
page cache: page 2 of /usr/bin/app is read into pfn 0x38005.
do_cow_fault: a write to a private file mapping: the page-cache page pfn 0x38005 of /usr/bin/app is copied into pfn 0x38004 (zone HighMem), the process's own.
set_pte: pte[74] of the table at pfn 0x180e := 0x38004067 (P RW US A D).
TLB miss on cpu 0: the page walk gives 0x0804a000 -> pfn 0x38004, now cached.
touched 1 page (write): 0 minor faults, 1 major
$ msync 0x40000000 4K
0 dirty pages written back
$ touch 0x40000000 w
page fault: pid 1 (app) writes 0x40000000: the page is present but the access is not allowed (error 0x7: PROT, WRITE, USER).
find_vma: 0x40000000 lies in 0x40000000-0x40001000 rw-s.
walk: pgd[256] is present: the pte table at pfn 0x1811; pte[0] is present: pfn 0x38003 (P US A).
do_wp_page: pfn 0x38003 has no other user: reuse it, the PTE becomes writable (no copy).
set_pte: pte[0] of the table at pfn 0x1811 := 0x38003067 (P RW US A D).
TLB flush on cpu 0 (local mm shootdown): invlpg of 1 page.
TLB miss on cpu 0: the page walk gives 0x40000000 -> pfn 0x38003, now cached.
touched 1 page (write): 1 minor fault, 0 major
$ msync 0x40000000 4K
TLB flush on cpu 0 (local mm shootdown): invlpg of 1 page.
writeback: page 0 of /data/f (pfn 0x38003) is written to the file; the PTEs mapping it are clean and read-only again.
1 dirty page written back
$ touch 0x00000010 r
page fault: pid 1 (app) reads 0x00000010: the page is not present (error 0x4: not present, read, USER).
find_vma: 0x00000010 is below the VMA 0x08048000-0x0804a000.
SIGSEGV (SEGV_MAPERR) for pid 1 (app) at 0x00000010: 0x00000010 is not mapped; the process is killed.
exit: pid 1 (app) exits: its pages lose a mapping each, its page tables and pgd are freed.
TLB flush on cpu 0 (flush on task switch): every entry of the address space goes, the global (kernel) ones stay.
switch_mm: cpu 0 now runs no process (0): CR3 := 0x017ff000.
kmem_cache_free(vm_area_struct, 0xc180c000): object 0 of slab pfn 0x180c.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
free: pfn 0x38004 (order 0) goes on the head of CPU 0's list for zone HighMem: count 2, high 66, batch 7.
kmem_cache_free(vm_area_struct, 0xc180c068): object 1 of slab pfn 0x180c.
free: object 1 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
free: pfn 0x38002 (order 0) goes on the head of CPU 0's list for zone HighMem: count 3, high 66, batch 7.
kmem_cache_free(vm_area_struct, 0xc180c138): object 3 of slab pfn 0x180c.
free: object 3 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
kmem_cache_free(vm_area_struct, 0xc180c340): object 8 of slab pfn 0x180c.
free: object 8 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
kmem_cache_free(vm_area_struct, 0xc180c0d0): object 2 of slab pfn 0x180c.
free: object 2 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
free_pgtables: the pte table at pfn 0x180e maps nothing any more: freed.
free: pfn 0x180e (order 0) goes on the head of CPU 0's list for zone Normal: count 54, high 1163, batch 63.
free_pgtables: the pte table at pfn 0x1811 maps nothing any more: freed.
free: pfn 0x1811 (order 0) goes on the head of CPU 0's list for zone Normal: count 55, high 1163, batch 63.
pgd_free: the pgd at pfn 0x180b is freed.
free: pfn 0x180b (order 0) goes on the head of CPU 0's list for zone Normal: count 56, high 1163, batch 63.
kmem_cache_free(mm_struct, 0xc184e000): object 0 of slab pfn 0x184e.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
kmem_cache_free(task_struct, 0xc1800000): object 0 of slab pfn 0x1800.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
kmem_cache_free(cred_jar, 0xc1808000): object 0 of slab pfn 0x1808.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
kmem_cache_free(files_cache, 0xc1809000): object 0 of slab pfn 0x1809.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
kmem_cache_free(fs_cache, 0xc180a000): object 0 of slab pfn 0x180a.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
kmem_cache_free(sighand_cache, 0xc1848000): object 0 of slab pfn 0x1848.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
kmem_cache_free(signal_cache, 0xc184c000): object 0 of slab pfn 0x184c.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
kmem_cache_free(pid, 0xc180d000): object 0 of slab pfn 0x180d.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
0x00000010 is not mapped (SIGSEGV, SEGV_MAPERR): pid 1 (app) killed
$ explain off

# x86_64: the walk finds pgd[0] empty and the fault allocates the pud, pmd
# and pte tables, each by the kernel function that does it
$ machine arch=x86_64
machine: x86_64, 1024 MiB RAM, 1 node, 1 CPU, seed 1
Memory: 1014784K/1048184K available (16384K kernel code+data, 16384K mem_map, 632K firmware, 33400K reserved, 0K highmem)
$ exec app; malloc 100
pid 1 (app) is now current: 3 VMAs, pgd at pfn 0x200a
0x0000000000403010  (brk heap: brk 0x0000000000403000 -> 0x0000000000424000)
$ explain on
$ touch 0x405008 w
page fault: pid 1 (app) writes 0x0000000000405008: the page is not present (error 0x6: not present, WRITE, USER).
find_vma: 0x0000000000405008 lies in 0x0000000000403000-0x0000000000424000 rw-p.
walk: pgd[0] is empty.
alloc_pages(order=0, GFP_KERNEL|__GFP_ZERO): zonelist DMA32, DMA (node 0).
watermark: zone DMA32 (node 0) has 249769 free pages, above its low watermark 1240: OK.
allocated: pfn 0x200d (phys 0x200d000-0x200dfff) from the head of CPU 0's list for zone DMA32 (node 0); 57 left on it.
__pud_alloc: the pud table for 0x0000000000405008 was missing: a zeroed page-table page, pfn 0x200d (zone DMA32), counted in PageTables.
alloc_pages(order=0, GFP_KERNEL|__GFP_ZERO): zonelist DMA32, DMA (node 0).
watermark: zone DMA32 (node 0) has 249769 free pages, above its low watermark 1240: OK.
allocated: pfn 0x200e (phys 0x200e000-0x200efff) from the head of CPU 0's list for zone DMA32 (node 0); 56 left on it.
__pmd_alloc: the pmd table for 0x0000000000405008 was missing: a zeroed page-table page, pfn 0x200e (zone DMA32), counted in PageTables.
alloc_pages(order=0, GFP_KERNEL|__GFP_ZERO): zonelist DMA32, DMA (node 0).
watermark: zone DMA32 (node 0) has 249769 free pages, above its low watermark 1240: OK.
allocated: pfn 0x200f (phys 0x200f000-0x200ffff) from the head of CPU 0's list for zone DMA32 (node 0); 55 left on it.
pte_alloc: the pte table for 0x0000000000405008 was missing: a zeroed page-table page, pfn 0x200f (zone DMA32), counted in PageTables.
alloc_pages(order=0, GFP_HIGHUSER_MOVABLE|__GFP_ZERO): zonelist DMA32, DMA (node 0).
watermark: zone DMA32 (node 0) has 249769 free pages, above its low watermark 1240: OK.
allocated: pfn 0x2010 (phys 0x2010000-0x2010fff) from the head of CPU 0's list for zone DMA32 (node 0); 54 left on it.
do_anonymous_page: a write to never-touched memory: pfn 0x2010 from zone DMA32 (GFP_HIGHUSER_MOVABLE), zeroed, becomes the process's own page.
set_pte: pte[5] of the table at pfn 0x200f := 0x8000000002010067 (P RW US A D NX).
TLB miss on cpu 0: the page walk gives 0x0000000000405008 -> pfn 0x2010, now cached.
touched 1 page (write): 1 minor fault, 0 major
$ touch 0x406008 w
page fault: pid 1 (app) writes 0x0000000000406008: the page is not present (error 0x6: not present, WRITE, USER).
find_vma: 0x0000000000406008 lies in 0x0000000000403000-0x0000000000424000 rw-p.
walk: pgd[0] is present: the pud table at pfn 0x200d; pud[0] is present: the pmd table at pfn 0x200e; pmd[2] is present: the pte table at pfn 0x200f; pte[6] is empty.
alloc_pages(order=0, GFP_HIGHUSER_MOVABLE|__GFP_ZERO): zonelist DMA32, DMA (node 0).
watermark: zone DMA32 (node 0) has 249769 free pages, above its low watermark 1240: OK.
allocated: pfn 0x2011 (phys 0x2011000-0x2011fff) from the head of CPU 0's list for zone DMA32 (node 0); 53 left on it.
do_anonymous_page: a write to never-touched memory: pfn 0x2011 from zone DMA32 (GFP_HIGHUSER_MOVABLE), zeroed, becomes the process's own page.
set_pte: pte[6] of the table at pfn 0x200f := 0x8000000002011067 (P RW US A D NX).
TLB miss on cpu 0: the page walk gives 0x0000000000406008 -> pfn 0x2011, now cached.
touched 1 page (write): 1 minor fault, 0 major
$ explain off
