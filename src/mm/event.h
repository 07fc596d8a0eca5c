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
	X(TLB_MISS, "tlb_miss")

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
 *   SIGNAL_GENERATE          signo(order) si_code(val2) addr(val) pid(val3)
 *   MM_FILEMAP_ADD/DELETE    pfn inode(val) index(val2) file id(gfp)
 *   WRITEBACK_PAGE           pfn inode(val) index(val2) file id(gfp)
 *   TLB_FLUSH                cpu pages(val, ~0UL = all) reason(val2)
 *   TLB_MISS                 cpu addr(val) pfn ok (filled)
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
