/*
 * event.h - what the core tells its listeners.
 *
 * The core never prints.  Each step worth showing emits an event, named
 * after the kernel tracepoint that marks the same step where there is one
 * (mm_page_alloc, mm_page_free, mm_page_pcpu_drain, ...) and after the
 * model's own vocabulary otherwise (buddy_split, buddy_merge, pcp_refill,
 * zone_watermark).  Trace, narration, Lua hooks and counters all subscribe
 * here, so nothing is computed twice for display.
 *
 * Emitting costs one test when nobody listens: event_emit() is a macro that
 * builds the event only when there are subscribers.
 */
#ifndef VMLAB_MM_EVENT_H
#define VMLAB_MM_EVENT_H

#include <stdbool.h>
#include <stdint.h>

struct machine;
struct zone;
struct kmem_cache;

#define MM_EVENTS(X) \
	X(MM_PAGE_ALLOC, "mm_page_alloc") \
	X(MM_PAGE_FREE, "mm_page_free") \
	X(MM_PAGE_ALLOC_ZONE_LOCKED, "mm_page_alloc_zone_locked") \
	X(MM_PAGE_PCPU_DRAIN, "mm_page_pcpu_drain") \
	X(MM_PAGE_ALLOC_EXTFRAG, "mm_page_alloc_extfrag") \
	X(ALLOC_START, "alloc_start") \
	X(ZONE_WATERMARK, "zone_watermark") \
	X(RMQUEUE_SMALLEST, "rmqueue_smallest") \
	X(BUDDY_SPLIT, "buddy_split") \
	X(BUDDY_MERGE, "buddy_merge") \
	X(BUDDY_FREE, "buddy_free") \
	X(PCP_REFILL, "pcp_refill") \
	X(PCP_FREE, "pcp_free") \
	X(ALLOC_FAIL, "alloc_fail") \
	X(KMALLOC, "kmalloc") \
	X(KFREE, "kfree") \
	X(KMEM_CACHE_ALLOC, "kmem_cache_alloc") \
	X(KMEM_CACHE_FREE, "kmem_cache_free") \
	X(KMALLOC_SLAB, "kmalloc_slab") \
	X(KMALLOC_LARGE, "kmalloc_large") \
	X(SLAB_ALLOC_SLOWPATH, "slab_alloc_slowpath") \
	X(SLAB_ALLOC_NEW, "slab_alloc_new") \
	X(SLAB_DEACTIVATE, "slab_deactivate") \
	X(SLAB_FREE_OBJECT, "slab_free_object") \
	X(SLAB_ADD_PARTIAL, "slab_add_partial") \
	X(SLAB_FREE_EMPTY, "slab_free_empty") \
	X(TASK_NEWTASK, "task_newtask") \
	X(SCHED_PROCESS_FORK, "sched_process_fork") \
	X(SCHED_PROCESS_EXIT, "sched_process_exit") \
	X(SWITCH_MM, "switch_mm") \
	X(PAGE_FAULT_USER, "page_fault_user") \
	X(FIND_VMA, "find_vma") \
	X(EXPAND_STACK, "expand_stack") \
	X(PTE_ALLOC, "pte_alloc") \
	X(PTE_FREE, "free_pgtables") \
	X(DO_ANONYMOUS_PAGE, "do_anonymous_page") \
	X(DO_READ_FAULT, "do_read_fault") \
	X(DO_COW_FAULT, "do_cow_fault") \
	X(DO_SHARED_FAULT, "do_shared_fault") \
	X(DO_WP_PAGE, "do_wp_page") \
	X(SET_PTE, "set_pte") \
	X(SIGNAL_GENERATE, "signal_generate") \
	X(MM_FILEMAP_ADD, "mm_filemap_add_to_page_cache") \
	X(MM_FILEMAP_DELETE, "mm_filemap_delete_from_page_cache") \
	X(WRITEBACK_PAGE, "writeback_page") \
	X(TLB_FLUSH, "tlb_flush") \
	X(TLB_MISS, "tlb_miss") \
	X(VMALLOC_NODE_RANGE, "vmalloc_node_range") \
	X(VMAP, "vmap") \
	X(VMAP_HOLE, "vmap_hole") \
	X(ALLOC_VMAP_AREA, "alloc_vmap_area") \
	X(VMALLOC_PAGE, "vmalloc_page") \
	X(REMOVE_VM_AREA, "remove_vm_area") \
	X(VUNMAP_RANGE, "vunmap_range") \
	X(FREE_VMAP_AREA_NOFLUSH, "free_vmap_area_noflush") \
	X(PURGE_VMAP_AREA_LAZY, "purge_vmap_area_lazy") \
	X(KMAP, "kmap") \
	X(KMAP_NEW, "kmap_new") \
	X(KMAP_FLUSH, "kmap_flush") \
	X(KUNMAP, "kunmap") \
	X(KMAP_ATOMIC, "kmap_atomic") \
	X(KUNMAP_ATOMIC, "kunmap_atomic") \
	X(SWAPON, "swapon") \
	X(SWAPOFF, "swapoff") \
	X(SWAP_SLOT_FREE, "swap_slot_free") \
	X(ADD_TO_SWAP, "add_to_swap") \
	X(DO_SWAP_PAGE, "do_swap_page") \
	X(TRY_TO_UNMAP_ONE, "try_to_unmap_one") \
	X(SHRINK_FOLIO, "shrink_folio") \
	X(MM_LRU_ACTIVATE, "mm_lru_activate") \
	X(MM_VMSCAN_WAKEUP_KSWAPD, "mm_vmscan_wakeup_kswapd") \
	X(MM_VMSCAN_KSWAPD_WAKE, "mm_vmscan_kswapd_wake") \
	X(MM_VMSCAN_KSWAPD_SLEEP, "mm_vmscan_kswapd_sleep") \
	X(MM_VMSCAN_DIRECT_RECLAIM_BEGIN, "mm_vmscan_direct_reclaim_begin") \
	X(MM_VMSCAN_DIRECT_RECLAIM_END, "mm_vmscan_direct_reclaim_end") \
	X(MM_VMSCAN_LRU_ISOLATE, "mm_vmscan_lru_isolate") \
	X(MM_VMSCAN_LRU_SHRINK_INACTIVE, "mm_vmscan_lru_shrink_inactive") \
	X(MM_VMSCAN_LRU_SHRINK_ACTIVE, "mm_vmscan_lru_shrink_active") \
	X(MM_VMSCAN_WRITEPAGE, "mm_vmscan_writepage") \
	X(MARK_VICTIM, "mark_victim") \
	X(OOM_SCORE_ADJ_UPDATE, "oom_score_adj_update")

enum mm_event_type {
#define X(id, name) EV_##id,
	MM_EVENTS(X)
#undef X
	NR_MM_EVENTS
};

/*
 * One event.  Which fields mean something depends on the type:
 *   MM_PAGE_ALLOC            pfn order gfp zone
 *   MM_PAGE_FREE             pfn order
 *   MM_PAGE_ALLOC_ZONE_LOCKED pfn order zone percpu_refill(val)
 *   MM_PAGE_PCPU_DRAIN       pfn order zone
 *   ALLOC_START              order gfp nid(val) highest zone type(val2)
 *   ZONE_WATERMARK           zone order gfp mark(val) wmark(val2) free(val3) ok
 *   RMQUEUE_SMALLEST         pfn (block taken) order (wanted) val (order of the block) zone
 *   BUDDY_SPLIT              pfn (the upper half put back) order (its order) zone
 *   BUDDY_MERGE              pfn (the freed block) buddy(val) order (before) zone
 *   BUDDY_FREE               pfn order zone to_tail(ok)
 *   PCP_REFILL               zone cpu count(val) batch(val2)
 *   PCP_FREE                 zone cpu count(val) high(val2) pfn
 *   ALLOC_FAIL               order gfp
 * Slab (cache = the kmem_cache, site = the caller's name; slab.h names val codes):
 *   KMALLOC, KMEM_CACHE_ALLOC ptr(val) bytes_req(val2) bytes_alloc(val3) gfp pfn (slab
 *                            head, or the kmalloc_large block with order) cache (NULL: large)
 *   KFREE, KMEM_CACHE_FREE   ptr(val) pfn cache (NULL: large or NULL ptr) order (large)
 *   KMALLOC_SLAB             size(val2) kmalloc index(val) cache gfp
 *   KMALLOC_LARGE            size(val2) order gfp
 *   SLAB_ALLOC_SLOWPATH      cache cpu how(val2) pfn (own or partial slab) free(val)
 *                            order (of a new slab) former CPU slab pfn + 1 (val3, 0 = none)
 *   SLAB_ALLOC_NEW           cache cpu pfn order objects(val) zone
 *   SLAB_DEACTIVATE          cache cpu pfn inuse(val) objects(val2) where(val3)
 *                            ok (retired full while allocating, else flushed)
 *   SLAB_FREE_OBJECT         cache cpu pfn ptr(val) which freelist(val2) inuse(val3)
 *                            ok (the slab is a CPU slab)
 *   SLAB_ADD_PARTIAL         cache pfn nr_partial(val) inuse(val2) objects(val3)
 *   SLAB_FREE_EMPTY          cache pfn order why(val) nr_partial(val2) zone
 * Processes and faults (addr = a user virtual address, pid = a task's pid):
 *   TASK_NEWTASK             pid(val)
 *   SCHED_PROCESS_FORK       parent pid(val) child pid(val2)
 *   SCHED_PROCESS_EXIT       pid(val)
 *   SWITCH_MM                cpu prev pid(val, 0 = none) next pid(val2) cr3(pfn)
 *   PAGE_FAULT_USER          cpu addr(val) error_code(val2) pid(val3)
 *   FIND_VMA                 addr(val) vm_start(val2) vm_end(val3) vm_flags(gfp) ok (found)
 *   EXPAND_STACK             new vm_start(val) old vm_start(val2)
 *   PTE_ALLOC                pfn (new table) order (its level) addr(val) mm id(val2) ok (kernel)
 *   PTE_FREE                 pfn order (level) mm id(val2)
 *   DO_ANONYMOUS_PAGE        addr(val) pfn zone ok (write: a new page; else the zero page)
 *   DO_READ_FAULT            addr(val) pfn file id(gfp) index(val2) ok (major: read from the file)
 *   DO_COW_FAULT             addr(val) pfn (the copy) zone page-cache pfn(val2) file id(gfp)
 *   DO_SHARED_FAULT          addr(val) pfn
 *   DO_WP_PAGE               addr(val) pfn (now mapped) old pfn(val2) ok (reused, no copy)
 *   SET_PTE                  addr(val) pfn table pfn(val2) entry(val3) order (index)
 *   SIGNAL_GENERATE          signo(order) si_code(val2) addr(val) pid(val3); data:
 *                            why, a sentence (const char *)
 *   MM_FILEMAP_ADD/DELETE    pfn inode(val) index(val2) file id(gfp)
 *   WRITEBACK_PAGE           pfn inode(val) index(val2) file id(gfp)
 *   TLB_FLUSH                cpu pages(val, ~0UL = all) reason(val2)
 *   TLB_MISS                 cpu addr(val) pfn ok (filled)
 * vmalloc and highmem (addr = a kernel virtual address; vmalloc.h, highmem.h):
 *   VMALLOC_NODE_RANGE       size(val) pages(val2) gfp caller(site)
 *   VMAP                     pages(val2) caller(site)
 *   VMAP_HOLE                start(val) end(val2) size wanted(val3) ok (it fits)
 *   ALLOC_VMAP_AREA          addr(val; VMALLOC_END on failure) size(val2) align(val3)
 *                            ok (not failed)
 *   VMALLOC_PAGE             addr(val) index(val2) of pages(val3) pfn zone
 *   REMOVE_VM_AREA           addr(val) size(val2) pages(val3) ok (vfree: pages freed)
 *   VUNMAP_RANGE             start(val) end(val2) PTEs cleared(val3)
 *   FREE_VMAP_AREA_NOFLUSH   va_start(val) nr_lazy(val2) nr_lazy_max(val3)
 *   PURGE_VMAP_AREA_LAZY     start(val) end(val2) npurged(val3)
 *   KMAP                     pfn addr(val) slot(val2) pkmap_count(val3) how(order:
 *                            enum kmap_how)
 *   KMAP_NEW                 pfn slot(val) slots scanned(val2) first slot looked at(val3)
 *   KMAP_FLUSH               slots freed(val)
 *   KUNMAP                   pfn addr(val) slot(val2) pkmap_count(val3) ok (HighMem)
 *   KMAP_ATOMIC, KUNMAP_ATOMIC  cpu pfn addr(val) idx(val2) fixmap index(val3)
 *                            ok (HighMem: a slot)
 * Swap and reclaim (entry = swap type and offset; vmscan.h names the verdicts):
 *   SWAPON                   type(val) slots(val2) prio(val3, as long)
 *   SWAPOFF                  type(val) pages read back(val2)
 *   SWAP_SLOT_FREE           type(val) offset(val2)
 *   ADD_TO_SWAP              pfn type(val) offset(val2)
 *   DO_SWAP_PAGE             addr(val) pfn type(val2) offset(val3) ok (major: read from
 *                            the slot) order (1: mapped writable at once)
 *   TRY_TO_UNMAP_ONE         pfn addr(val) pid(val2) new pte(val3) ok (anon: a swap entry)
 *   SHRINK_FOLIO             pfn verdict(val: enum shrink_verdict) young PTEs(val2)
 *                            flags before(val3) ok (file) policy(gfp) zone; for
 *                            SV_CLEAN_SWAPCACHE: type(val2) offset(val3)
 *   MM_LRU_ACTIVATE          pfn zone
 *   MM_VMSCAN_WAKEUP_KSWAPD  zone (preferred) order gfp free(val) low(val2)
 *                            failures(val3) ok (kswapd will run)
 *   MM_VMSCAN_KSWAPD_WAKE    nid(val) order highest zone type(val2)
 *   MM_VMSCAN_KSWAPD_SLEEP   nid(val) zone (the one checked last) reclaimed(val2)
 *                            failures(val3) ok (balanced)
 *   MM_VMSCAN_DIRECT_RECLAIM_BEGIN  order gfp
 *   MM_VMSCAN_DIRECT_RECLAIM_END    reclaimed(val)
 *   MM_VMSCAN_LRU_ISOLATE    zone (classzone) lru(order) requested(val) scanned(val2)
 *                            taken(val3)
 *   MM_VMSCAN_LRU_SHRINK_INACTIVE  data: struct shrink_inactive_record
 *   MM_VMSCAN_LRU_SHRINK_ACTIVE    data: struct shrink_active_record
 *   MM_VMSCAN_WRITEPAGE      pfn zone ok (anon: to swap type(val) offset(val2); else to
 *                            its file)
 *   MARK_VICTIM              pid(val) (its task still exists when this is emitted)
 *   OOM_SCORE_ADJ_UPDATE     pid(val) oom_score_adj(val2, as long)
 */
struct mm_event {
	enum mm_event_type type;
	unsigned long pfn;
	unsigned order;
	unsigned gfp;
	int cpu;
	const struct zone *zone;
	unsigned long val, val2, val3;
	bool ok;
	const struct kmem_cache *cache;	/* slab events */
	const char *site;		/* slab events: the caller, as %pS names it */
	const void *data;		/* a record, for events with many fields (below) */
};

typedef void (*mm_event_fn)(struct machine *m, const struct mm_event *ev, void *ctx);

#define MAX_EVENT_SUBSCRIBERS 16

struct event_bus {
	int nr;
	struct {
		mm_event_fn fn;
		void *ctx;
	} sub[MAX_EVENT_SUBSCRIBERS];
};

/* Returns a handle >= 0, or -ENOSPC when every slot is taken. */
int event_subscribe(struct event_bus *bus, mm_event_fn fn, void *ctx);
void event_unsubscribe(struct event_bus *bus, int handle);
void __event_emit(struct machine *m, const struct mm_event *ev);
const char *event_name(enum mm_event_type t);
/* Looks an event up by name; returns NR_MM_EVENTS when unknown. */
enum mm_event_type event_by_name(const char *name);

#define event_emit(m, ...) do {						\
	if ((m)->events.nr) {						\
		struct mm_event ev__ = { __VA_ARGS__ };			\
		__event_emit((m), &ev__);				\
	}								\
} while (0)

#endif
