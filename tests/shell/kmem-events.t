# The narration (`explain on`) and the trace (`trace on`) of vmalloc,
# vfree, kmap and kmap_atomic on i386: the hole search, each page and PTE,
# the kernel's vmalloc tracepoints and the model's own events.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use Transcript;

run_transcript(\*DATA);

__DATA__
# `explain on` tells vmalloc's steps: the request, each hole looked at, the
# area, each page (after the buddy allocator's own sentences), each PTE.
# A warm-up first, so that the descriptors' slabs and the page table exist.
$ vmalloc 4K
0xf8800000: vmalloc 1 page, area 0xf8800000-0xf8802000 (8192 bytes, guard page 0xf8801000)
  pfns 0x38000 (HighMem 1)
$ vmalloc 4K
0xf8802000: vmalloc 1 page, area 0xf8802000-0xf8804000 (8192 bytes, guard page 0xf8803000)
  pfns 0x38001 (HighMem 1)
$ vfree 0xf8800000
0xf8800000: vfree: 1 page freed, area 0xf8800000-0xf8802000 unmapped and released, its TLB range flushed
$ explain on
$ vmalloc 8K
vmalloc(8192, GFP_KERNEL) for cmd_vmalloc: 2 pages plus a guard page, so a hole of 12 kB is wanted between VMALLOC_START 0xf8800000 and VMALLOC_END 0xff7fe000, lowest address first.
kmalloc(32, GFP_KERNEL|__GFP_ZERO): size_index[(32 - 1) / 8] = 5 picks kmalloc-32.
kmalloc returns 0xc1800000: object 0 of slab pfn 0x1800 (32 of its 32 bytes asked for), zeroed (__GFP_ZERO); 126 free objects left on CPU 0's freelist.
kmalloc(44, GFP_KERNEL): size_index[(44 - 1) / 8] = 6 picks kmalloc-64.
kmalloc returns 0xc1801000: object 0 of slab pfn 0x1801 (44 of its 64 bytes asked for), poisoned 5a; 62 free objects left on CPU 0's freelist.
hole 0xf8800000-0xf8802000 (8 kB) is too small for 12 kB: go on past the next area.
hole 0xf8804000-0xff7fe000 (~112 MB) holds 12 kB: the area starts at 0xf8804000.
alloc_vmap_area: 0xf8804000-0xf8807000 joins vmap_area_list; its last page is the guard page and stays unmapped.
kmalloc(8, GFP_KERNEL|__GFP_ZERO): size_index[(8 - 1) / 8] = 3 picks kmalloc-8.
kmalloc returns 0xc1802000: object 0 of slab pfn 0x1802 (8 of its 8 bytes asked for), zeroed (__GFP_ZERO); 510 free objects left on CPU 0's freelist.
alloc_pages(order=0, GFP_KERNEL|__GFP_HIGHMEM): zonelist HighMem, Normal, DMA (node 0).
watermark: zone HighMem (node 0) has 32761 free pages, above its low watermark 66: OK.
allocated: pfn 0x38000 (phys 0x38000000-0x38000fff) from the head of CPU 0's list for zone HighMem (node 0); 5 left on it.
page 1 of 2 at 0xf8804000: pfn 0x38000 from zone HighMem (no direct-map address: this mapping is the kernel's only way to it).
alloc_pages(order=0, GFP_KERNEL|__GFP_HIGHMEM): zonelist HighMem, Normal, DMA (node 0).
watermark: zone HighMem (node 0) has 32761 free pages, above its low watermark 66: OK.
allocated: pfn 0x38002 (phys 0x38002000-0x38002fff) from the head of CPU 0's list for zone HighMem (node 0); 4 left on it.
page 2 of 2 at 0xf8805000: pfn 0x38002 from zone HighMem (no direct-map address: this mapping is the kernel's only way to it).
set_pte: pte[4] of the table at pfn 0x1803 := 0x38000163 (P RW A D G).
set_pte: pte[5] of the table at pfn 0x1803 := 0x38002163 (P RW A D G).
0xf8804000: vmalloc 2 pages, area 0xf8804000-0xf8807000 (12288 bytes, guard page 0xf8806000)
  pfns 0x38000, 0x38002 (HighMem 2)
$ vfree 0xf8804000
vfree(0xf8804000): the area 0xf8804000-0xf8807000 leaves vmap_area_list; its pages go back once it is unmapped.
vunmap_range: 2 PTEs of 0xf8804000-0xf8807000 cleared; the page tables stay, as vmalloc's always do.
free_vmap_area_noflush: 3 lazy pages; Linux would let up to lazy_max_pages() = 8192 wait for one flush, the model purges now.
purge_vmap_area_lazy: one kernel TLB flush over 0xf8804000-0xf8807000, then the range is free for the next vmalloc.
TLB flush on cpu 0 (local shootdown): invlpg of 3 pages.
kfree(0xc1801000): pfn 0x1801 has PG_slab and page->slab_cache is kmalloc-64: object 0 of slab pfn 0x1801.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
free: pfn 0x38000 (order 0) goes on the head of CPU 0's list for zone HighMem: count 5, high 66, batch 7.
free: pfn 0x38002 (order 0) goes on the head of CPU 0's list for zone HighMem: count 6, high 66, batch 7.
kfree(0xc1802000): pfn 0x1802 has PG_slab and page->slab_cache is kmalloc-8: object 0 of slab pfn 0x1802.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
kfree(0xc1800000): pfn 0x1800 has PG_slab and page->slab_cache is kmalloc-32: object 0 of slab pfn 0x1800.
free: object 0 is poisoned 6b and pushed on CPU 0's freelist: its slab is CPU 0's slab (the fast path).
0xf8804000: vfree: 2 pages freed, area 0xf8804000-0xf8807000 unmapped and released, its TLB range flushed
$ explain off
# The trace: the kernel's vmalloc tracepoints (alloc_vmap_area's va_start is
# decimal there too) and the model's own events.
$ trace on
$ vmalloc 4K
vmalloc_node_range: size=4096 pages=1 gfp_flags=GFP_KERNEL caller=cmd_vmalloc
kmalloc_slab: size=32 index=5 cache=kmalloc-32 gfp_flags=GFP_KERNEL|__GFP_ZERO
kmalloc: call_site=__get_vm_area_node ptr=0xc1800000 bytes_req=32 bytes_alloc=32 gfp_flags=GFP_KERNEL|__GFP_ZERO node=-1 accounted=false
kmalloc_slab: size=44 index=6 cache=kmalloc-64 gfp_flags=GFP_KERNEL
kmalloc: call_site=alloc_vmap_area ptr=0xc1801000 bytes_req=44 bytes_alloc=64 gfp_flags=GFP_KERNEL node=-1 accounted=false
vmap_hole: start=0xf8800000 end=0xf8802000 size=8192 fits=1
alloc_vmap_area: va_start: 4169138176 size=8192 align=4096 vstart=0xf8800000 vend=0xff7fe000 failed=0
kmalloc_slab: size=4 index=3 cache=kmalloc-8 gfp_flags=GFP_KERNEL|__GFP_ZERO
kmalloc: call_site=__vmalloc_area_node ptr=0xc1802000 bytes_req=4 bytes_alloc=8 gfp_flags=GFP_KERNEL|__GFP_ZERO node=-1 accounted=false
alloc_start: order=0 gfp_flags=GFP_KERNEL|__GFP_HIGHMEM node=0 highest_zone=HighMem
zone_watermark: zone=HighMem node=0 order=0 wmark=low mark=66 free=32761 ok=1
mm_page_alloc: page=0xc1700040 pfn=0x38002 order=0 migratetype=0 gfp_flags=GFP_KERNEL|__GFP_HIGHMEM
vmalloc_page: addr=0xf8800000 index=0 nr=1 pfn=0x38002 zone=HighMem node=0
set_pte: addr=0xf8800000 table=0x1803 index=0 pte=0x38002163 pfn=0x38002
0xf8800000: vmalloc 1 page, area 0xf8800000-0xf8802000 (8192 bytes, guard page 0xf8801000)
  pfns 0x38002 (HighMem 1)
$ vfree 0xf8800000
remove_vm_area: addr=0xf8800000 size=8192 pages=1 free_pages=1
vunmap_range: start=0xf8800000 end=0xf8802000 ptes=1
free_vmap_area_noflush: va_start=0xf8800000 nr_lazy=2 nr_lazy_max=0
purge_vmap_area_lazy: start=0xf8800000 end=0xf8802000 num_purged=1
tlb_flush: pages:2 reason:local shootdown (2)
kfree: call_site=__purge_vmap_area_lazy ptr=0xc1801000
slab_free_object: cache=kmalloc-64 cpu=0 pfn=0x1801 ptr=0xc1801000 to=cpu_freelist inuse=64
mm_page_free: page=0xc1700040 pfn=0x38002 order=0
pcp_free: zone=HighMem node=0 cpu=0 pfn=0x38002 count=6 high=66
kfree: call_site=vfree ptr=0xc1802000
slab_free_object: cache=kmalloc-8 cpu=0 pfn=0x1802 ptr=0xc1802000 to=cpu_freelist inuse=512
kfree: call_site=vfree ptr=0xc1800000
slab_free_object: cache=kmalloc-32 cpu=0 pfn=0x1800 ptr=0xc1800000 to=cpu_freelist inuse=128
0xf8800000: vfree: 1 page freed, area 0xf8800000-0xf8802000 unmapped and released, its TLB range flushed
$ alloc_pages 0 gfp=GFP_HIGHUSER
alloc_start: order=0 gfp_flags=GFP_HIGHUSER node=0 highest_zone=HighMem
zone_watermark: zone=HighMem node=0 order=0 wmark=low mark=66 free=32761 ok=1
mm_page_alloc: page=0xc1700040 pfn=0x38002 order=0 migratetype=0 gfp_flags=GFP_HIGHUSER
pfn 0x38002 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)
$ kmap 0x38002
kmap_new: pfn=0x38002 slot=1 scanned=1 from=1
set_pte: addr=0xff801000 table=0x17fc index=1 pte=0x38002163 pfn=0x38002
kmap: pfn=0x38002 addr=0xff801000 how=new slot=1 pkmap_count=2
0xff801000: pfn 0x38002 (HighMem) in pkmap slot 1, pkmap_count 2 (1 user)
$ kunmap 0x38002
kunmap: pfn=0x38002 addr=0xff801000 slot=1 pkmap_count=1
pfn 0x38002: pkmap slot 1, pkmap_count 2 -> 1 (no users: the mapping stays until the next flush_all_zero_pkmaps)
$ kmap_atomic 0x38002
kmap_atomic: cpu=0 pfn=0x38002 addr=0xfffbb000 idx=0 fixmap=68
set_pte: addr=0xfffbb000 table=0x17fb index=955 pte=0x38002163 pfn=0x38002
0xfffbb000: pfn 0x38002 (HighMem) in cpu 0's kmap_atomic slot 0 (fixmap index 68 = FIX_KMAP_BEGIN + 0 + 16 * 0)
$ kunmap_atomic 0xfffbb000
kunmap_atomic: cpu=0 pfn=0x38002 addr=0xfffbb000 idx=0 fixmap=68
tlb_flush: pages:1 reason:local shootdown (2)
0xfffbb000: cpu 0's kmap_atomic slot 0 unmapped (pfn 0x38002); its page flushed from this CPU's TLB
$ trace off
$ explain on
$ kmap 0x38002
kmap(pfn 0x38002): already mapped at 0xff801000 (slot 1): pkmap_count 1 -> 2, no new mapping.
0xff801000: pfn 0x38002 (HighMem) already in pkmap slot 1, pkmap_count 2 (1 user)
$ kmap 0x38002
kmap(pfn 0x38002): already mapped at 0xff801000 (slot 1): pkmap_count 2 -> 3, no new mapping.
0xff801000: pfn 0x38002 (HighMem) already in pkmap slot 1, pkmap_count 3 (2 users)
$ kunmap 0x38002
kunmap(pfn 0x38002): pkmap_count[1] 3 -> 2.
pfn 0x38002: pkmap slot 1, pkmap_count 3 -> 2 (1 user left)
$ kunmap 0x38002
kunmap(pfn 0x38002): pkmap_count[1] 2 -> 1: no users; the mapping stays (a kmap of the same page reuses it) until the next wrap flushes it.
pfn 0x38002: pkmap slot 1, pkmap_count 2 -> 1 (no users: the mapping stays until the next flush_all_zero_pkmaps)
$ kmap_atomic 0x38002
kmap_atomic(pfn 0x38002): cpu 0 pushes slot 0 = fixmap index 68 (FIX_KMAP_BEGIN + 0 + 16 * 0) at FIXADDR_TOP - 68 * 4096 = 0xfffbb000; its PTE maps the page.
set_pte: pte[955] of the table at pfn 0x17fb := 0x38002163 (P RW A D G).
0xfffbb000: pfn 0x38002 (HighMem) in cpu 0's kmap_atomic slot 0 (fixmap index 68 = FIX_KMAP_BEGIN + 0 + 16 * 0)
$ kunmap_atomic 0xfffbb000
kunmap_atomic(0xfffbb000): cpu 0 pops slot 0 (pfn 0x38002): the PTE is cleared and the page flushed from this CPU's TLB only.
TLB flush on cpu 0 (local shootdown): invlpg of 1 page.
0xfffbb000: cpu 0's kmap_atomic slot 0 unmapped (pfn 0x38002); its page flushed from this CPU's TLB
$ kmap 0x1000
kmap(pfn 0x1000): a lowmem page: page_address() = 0xc1000000 in the direct map; no pkmap slot.
0xc1000000: pfn 0x1000 (Normal) is lowmem: kmap returns its direct-map address, no slot

