/*
 * trace.c - events as lines of /sys/kernel/tracing/trace.
 *
 * The kernel's own tracepoints keep the TP_printk() format of Linux 6.1
 * (include/trace/events/kmem.h), after the event name and ": ":
 *
 *   mm_page_alloc: page=0xffffea0000040000 pfn=0x1000 order=0 migratetype=0 gfp_flags=GFP_KERNEL
 *   mm_page_free: page=0xffffea0000040000 pfn=0x1000 order=0
 *   mm_page_alloc_zone_locked: page=... pfn=0x1000 order=0 migratetype=0 percpu_refill=1
 *   mm_page_pcpu_drain: page=... pfn=0x1000 order=0 migratetype=0
 *
 * page= is where the frame's struct page would be.  A real kernel prints
 * %p hashed (page=00000000a1b2c3d4), which teaches nothing, so the model
 * prints the address itself: on x86_64 the vmemmap array, 0xffffea0000000000
 * + pfn * 64 (0xffd4000000000000 with 5-level paging); on i386 a synthetic
 * mem_map at 0xc1000000 + pfn * 32 (32-byte struct pages in lowmem).
 * migratetype is always 0 (MIGRATE_UNMOVABLE): the model has one migrate
 * type, as a kernel with mobility grouping off.
 *
 * The model's own events print the same "name: key=value ..." way, with
 * the zone as "zone=Normal node=0":
 *
 *   buddy_split: zone=Normal node=0 pfn=0x1004 order=2
 */
#include <stdio.h>
#include "mm/gfp.h"
#include "mm/machine.h"
#include "report/trace.h"
#include "report/trace_kmem.h"
#include "report/trace_reclaim.h"
#include "report/trace_slab.h"
#include "report/trace_vm.h"

#define GFP_NAME_LEN 256

typedef int (*trace_fn)(const struct machine *m, const struct mm_event *ev, char *buf,
			size_t len);

unsigned long trace_page_address(const struct machine *m, unsigned long pfn)
{
	switch (m->arch->id) {
	case ARCH_X86_64:
		return 0xffffea0000000000UL + pfn * 64;
	case ARCH_X86_64_LA57:
		return 0xffd4000000000000UL + pfn * 64;
	default:
		return 0xc1000000UL + pfn * 32;
	}
}

static const char *page_str(const struct machine *m, unsigned long pfn, char *buf,
			    size_t len)
{
	snprintf(buf, len, "0x%0*lx", m->arch->is_64bit ? 16 : 8, trace_page_address(m, pfn));
	return buf;
}

/* show_gfp_flags(): the names, or "none" for an empty mask. */
const char *trace_gfp(unsigned gfp, char *buf, size_t len)
{
	if (!gfp)
		snprintf(buf, len, "none");
	else
		gfp_format(gfp, buf, len);
	return buf;
}

static const char *zone_str(const struct mm_event *ev, char *buf, size_t len)
{
	if (!ev->zone)
		snprintf(buf, len, "zone=none");
	else
		snprintf(buf, len, "zone=%s node=%d", zone_name(ev->zone->type),
			 ev->zone->zone_pgdat->node_id);
	return buf;
}

static const char *wmark_name(unsigned long w)
{
	static const char *const names[NR_WMARK] = { "min", "low", "high", "promo" };

	return w < NR_WMARK ? names[w] : "?";
}

static int tr_page_alloc(const struct machine *m, const struct mm_event *ev, char *buf,
			 size_t len)
{
	char page[24], gfp[GFP_NAME_LEN];

	return snprintf(buf, len, "page=%s pfn=0x%lx order=%d migratetype=0 gfp_flags=%s",
			page_str(m, ev->pfn, page, sizeof(page)), ev->pfn, (int)ev->order,
			trace_gfp(ev->gfp, gfp, sizeof(gfp)));
}

static int tr_page_free(const struct machine *m, const struct mm_event *ev, char *buf,
			size_t len)
{
	char page[24];

	return snprintf(buf, len, "page=%s pfn=0x%lx order=%d",
			page_str(m, ev->pfn, page, sizeof(page)), ev->pfn, (int)ev->order);
}

static int tr_zone_locked(const struct machine *m, const struct mm_event *ev, char *buf,
			  size_t len)
{
	char page[24];

	return snprintf(buf, len, "page=%s pfn=0x%lx order=%u migratetype=0 percpu_refill=%d",
			page_str(m, ev->pfn, page, sizeof(page)), ev->pfn, ev->order,
			(int)ev->val);
}

static int tr_pcpu_drain(const struct machine *m, const struct mm_event *ev, char *buf,
			 size_t len)
{
	char page[24];

	return snprintf(buf, len, "page=%s pfn=0x%lx order=%d migratetype=0",
			page_str(m, ev->pfn, page, sizeof(page)), ev->pfn, (int)ev->order);
}

/*
 * Emitted only by a model with several migrate types: order = the order
 * asked for, val = the order of the block stolen from another type.
 * pageblock_order is 9 on x86 (10 for 2-level i386, whose huge pages are
 * 4 MiB).
 */
static int tr_extfrag(const struct machine *m, const struct mm_event *ev, char *buf,
		      size_t len)
{
	char page[24];
	int pageblock_order = m->arch->levels == 2 ? 10 : 9;

	return snprintf(buf, len, "page=%s pfn=0x%lx alloc_order=%d fallback_order=%d "
			"pageblock_order=%d alloc_migratetype=0 fallback_migratetype=0 "
			"fragmenting=%d change_ownership=1",
			page_str(m, ev->pfn, page, sizeof(page)), ev->pfn, (int)ev->order,
			(int)ev->val, pageblock_order, (int)ev->val < pageblock_order);
}

static int tr_alloc_start(const struct machine *m, const struct mm_event *ev, char *buf,
			  size_t len)
{
	char gfp[GFP_NAME_LEN];

	(void)m;
	return snprintf(buf, len, "order=%u gfp_flags=%s node=%lu highest_zone=%s", ev->order,
			trace_gfp(ev->gfp, gfp, sizeof(gfp)), ev->val,
			zone_name((enum zone_type)ev->val2));
}

static int tr_watermark(const struct machine *m, const struct mm_event *ev, char *buf,
			size_t len)
{
	char zone[48];

	(void)m;
	return snprintf(buf, len, "%s order=%u wmark=%s mark=%lu free=%lu ok=%d",
			zone_str(ev, zone, sizeof(zone)), ev->order, wmark_name(ev->val2),
			ev->val, ev->val3, ev->ok);
}

static int tr_rmqueue(const struct machine *m, const struct mm_event *ev, char *buf,
		      size_t len)
{
	char zone[48];

	(void)m;
	return snprintf(buf, len, "%s pfn=0x%lx order=%u current_order=%lu",
			zone_str(ev, zone, sizeof(zone)), ev->pfn, ev->order, ev->val);
}

static int tr_split(const struct machine *m, const struct mm_event *ev, char *buf,
		    size_t len)
{
	char zone[48];

	(void)m;
	return snprintf(buf, len, "%s pfn=0x%lx order=%u", zone_str(ev, zone, sizeof(zone)),
			ev->pfn, ev->order);
}

static int tr_merge(const struct machine *m, const struct mm_event *ev, char *buf,
		    size_t len)
{
	char zone[48];

	(void)m;
	return snprintf(buf, len, "%s pfn=0x%lx buddy_pfn=0x%lx order=%u",
			zone_str(ev, zone, sizeof(zone)), ev->pfn, ev->val, ev->order);
}

static int tr_buddy_free(const struct machine *m, const struct mm_event *ev, char *buf,
			 size_t len)
{
	char zone[48];

	(void)m;
	return snprintf(buf, len, "%s pfn=0x%lx order=%u to_tail=%d",
			zone_str(ev, zone, sizeof(zone)), ev->pfn, ev->order, ev->ok);
}

static int tr_pcp_refill(const struct machine *m, const struct mm_event *ev, char *buf,
			 size_t len)
{
	char zone[48];

	(void)m;
	return snprintf(buf, len, "%s cpu=%d count=%lu batch=%lu",
			zone_str(ev, zone, sizeof(zone)), ev->cpu, ev->val, ev->val2);
}

static int tr_pcp_free(const struct machine *m, const struct mm_event *ev, char *buf,
		       size_t len)
{
	char zone[48];

	(void)m;
	return snprintf(buf, len, "%s cpu=%d pfn=0x%lx count=%lu high=%lu",
			zone_str(ev, zone, sizeof(zone)), ev->cpu, ev->pfn, ev->val, ev->val2);
}

static int tr_alloc_fail(const struct machine *m, const struct mm_event *ev, char *buf,
			 size_t len)
{
	char gfp[GFP_NAME_LEN];

	(void)m;
	return snprintf(buf, len, "order=%u gfp_flags=%s", ev->order,
			trace_gfp(ev->gfp, gfp, sizeof(gfp)));
}

static const trace_fn trace_fns[NR_MM_EVENTS] = {
	[EV_MM_PAGE_ALLOC] = tr_page_alloc,
	[EV_MM_PAGE_FREE] = tr_page_free,
	[EV_MM_PAGE_ALLOC_ZONE_LOCKED] = tr_zone_locked,
	[EV_MM_PAGE_PCPU_DRAIN] = tr_pcpu_drain,
	[EV_MM_PAGE_ALLOC_EXTFRAG] = tr_extfrag,
	[EV_ALLOC_START] = tr_alloc_start,
	[EV_ZONE_WATERMARK] = tr_watermark,
	[EV_RMQUEUE_SMALLEST] = tr_rmqueue,
	[EV_BUDDY_SPLIT] = tr_split,
	[EV_BUDDY_MERGE] = tr_merge,
	[EV_BUDDY_FREE] = tr_buddy_free,
	[EV_PCP_REFILL] = tr_pcp_refill,
	[EV_PCP_FREE] = tr_pcp_free,
	[EV_ALLOC_FAIL] = tr_alloc_fail,
	[EV_KMALLOC] = trace_slab,
	[EV_KFREE] = trace_slab,
	[EV_KMEM_CACHE_ALLOC] = trace_slab,
	[EV_KMEM_CACHE_FREE] = trace_slab,
	[EV_KMALLOC_SLAB] = trace_slab,
	[EV_KMALLOC_LARGE] = trace_slab,
	[EV_SLAB_ALLOC_SLOWPATH] = trace_slab,
	[EV_SLAB_ALLOC_NEW] = trace_slab,
	[EV_SLAB_DEACTIVATE] = trace_slab,
	[EV_SLAB_FREE_OBJECT] = trace_slab,
	[EV_SLAB_ADD_PARTIAL] = trace_slab,
	[EV_SLAB_FREE_EMPTY] = trace_slab,
	[EV_TASK_NEWTASK] = trace_vm,
	[EV_SCHED_PROCESS_FORK] = trace_vm,
	[EV_SCHED_PROCESS_EXIT] = trace_vm,
	[EV_SWITCH_MM] = trace_vm,
	[EV_PAGE_FAULT_USER] = trace_vm,
	[EV_FIND_VMA] = trace_vm,
	[EV_EXPAND_STACK] = trace_vm,
	[EV_PTE_ALLOC] = trace_vm,
	[EV_PTE_FREE] = trace_vm,
	[EV_DO_ANONYMOUS_PAGE] = trace_vm,
	[EV_DO_READ_FAULT] = trace_vm,
	[EV_DO_COW_FAULT] = trace_vm,
	[EV_DO_SHARED_FAULT] = trace_vm,
	[EV_DO_WP_PAGE] = trace_vm,
	[EV_SET_PTE] = trace_vm,
	[EV_SIGNAL_GENERATE] = trace_vm,
	[EV_MM_FILEMAP_ADD] = trace_vm,
	[EV_MM_FILEMAP_DELETE] = trace_vm,
	[EV_WRITEBACK_PAGE] = trace_vm,
	[EV_TLB_FLUSH] = trace_vm,
	[EV_TLB_MISS] = trace_vm,
	[EV_VMALLOC_NODE_RANGE] = trace_kmem,
	[EV_VMAP] = trace_kmem,
	[EV_VMAP_HOLE] = trace_kmem,
	[EV_ALLOC_VMAP_AREA] = trace_kmem,
	[EV_VMALLOC_PAGE] = trace_kmem,
	[EV_REMOVE_VM_AREA] = trace_kmem,
	[EV_VUNMAP_RANGE] = trace_kmem,
	[EV_FREE_VMAP_AREA_NOFLUSH] = trace_kmem,
	[EV_PURGE_VMAP_AREA_LAZY] = trace_kmem,
	[EV_KMAP] = trace_kmem,
	[EV_KMAP_NEW] = trace_kmem,
	[EV_KMAP_FLUSH] = trace_kmem,
	[EV_KUNMAP] = trace_kmem,
	[EV_KMAP_ATOMIC] = trace_kmem,
	[EV_KUNMAP_ATOMIC] = trace_kmem,
	[EV_SWAPON] = trace_reclaim,
	[EV_SWAPOFF] = trace_reclaim,
	[EV_SWAP_SLOT_FREE] = trace_reclaim,
	[EV_ADD_TO_SWAP] = trace_reclaim,
	[EV_DO_SWAP_PAGE] = trace_reclaim,
	[EV_TRY_TO_UNMAP_ONE] = trace_reclaim,
	[EV_SHRINK_FOLIO] = trace_reclaim,
	[EV_MM_LRU_ACTIVATE] = trace_reclaim,
	[EV_MM_VMSCAN_WAKEUP_KSWAPD] = trace_reclaim,
	[EV_MM_VMSCAN_KSWAPD_WAKE] = trace_reclaim,
	[EV_MM_VMSCAN_KSWAPD_SLEEP] = trace_reclaim,
	[EV_MM_VMSCAN_DIRECT_RECLAIM_BEGIN] = trace_reclaim,
	[EV_MM_VMSCAN_DIRECT_RECLAIM_END] = trace_reclaim,
	[EV_MM_VMSCAN_LRU_ISOLATE] = trace_reclaim,
	[EV_MM_VMSCAN_LRU_SHRINK_INACTIVE] = trace_reclaim,
	[EV_MM_VMSCAN_LRU_SHRINK_ACTIVE] = trace_reclaim,
	[EV_MM_VMSCAN_WRITEPAGE] = trace_reclaim,
	[EV_MARK_VICTIM] = trace_reclaim,
	[EV_OOM_SCORE_ADJ_UPDATE] = trace_reclaim,
};

void trace_format(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	int n;

	if (len == 0)
		return;
	n = snprintf(buf, len, "%s: ", event_name(ev->type));
	if (n < 0 || (size_t)n >= len)
		return;
	if (ev->type < NR_MM_EVENTS && trace_fns[ev->type])
		trace_fns[ev->type](m, ev, buf + n, len - (size_t)n);
}
