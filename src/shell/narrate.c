/*
 * narrate.c - `explain on`: each step of the allocator as one sentence.
 *
 * The narrator hears the same events as the trace and tells them for a
 * lecture hall: one line per step, numbers included, the verdict last.
 * A two-page allocation after a split left an order-2 block at pfn 0x1804:
 *
 *   alloc_pages(order=1, GFP_KERNEL): zonelist Normal, DMA (node 0).
 *   watermark: zone Normal (node 0) has 221180 free pages; 221180 - (2 - 1) = 221179
 *              is above its low watermark 1163: OK.
 *   rmqueue: free_area[1] of zone Normal is empty; free_area[2] has pfn 0x1804 (order 2): take it.
 *   split: pfn 0x1804 (order 2) halves; the upper half, pfn 0x1806 (order 1), goes on free_area[1].
 *   allocated: pfn 0x1804, order 1 (2 pages, 8 KiB, phys 0x1804000-0x1805fff) from zone Normal
 *              (node 0).
 *
 * (each on one line).  A freed block shows the buddy arithmetic:
 *
 *   merge: the order-2 buddy of pfn 0x1804 is 0x1804 ^ (1 << 2) = 0x1800, and it is free:
 *          together they make pfn 0x1800, order 3.
 *
 * Order-0 pages come from per-CPU lists refilled `batch` pages at a time.
 * A refill tells its first page in full; the other 62 would each repeat
 * the same two sentences, so they stay silent and the refill line counts
 * them.  Order-0 frees are told by the per-CPU line alone.
 * The narrator keeps no state: what it says comes from the event and from
 * the machine as it is at that moment.
 */
#include <stdio.h>
#include "mm/gfp.h"
#include "mm/machine.h"
#include "mm/page_alloc.h"
#include "shell/narrate.h"
#include "shell/narrate_kmem.h"
#include "shell/narrate_slab.h"
#include "shell/narrate_vm.h"
#include "shell/narrate_reclaim.h"

#define GFP_NAME_LEN 256

typedef void (*narrate_fn)(const struct machine *m, const struct mm_event *ev, FILE *out);

static const char *zname(const struct zone *z)
{
	return z ? zone_name(z->type) : "?";
}

static int znode(const struct zone *z)
{
	return z ? z->zone_pgdat->node_id : 0;
}

/* "4 KiB", "32 KiB", "4 MiB": the size of an order-n block. */
static const char *block_size(unsigned order, char *buf, size_t len)
{
	unsigned long kb = 4UL << order;

	if (kb >= 1024)
		snprintf(buf, len, "%lu MiB", kb >> 10);
	else
		snprintf(buf, len, "%lu KiB", kb);
	return buf;
}

static const char *pages_word(unsigned long n)
{
	return n == 1 ? "page" : "pages";
}

static const char *wmark_name(unsigned long w)
{
	static const char *const names[NR_WMARK] = { "min", "low", "high", "promo" };

	return w < NR_WMARK ? names[w] : "?";
}

static void gfp_name(unsigned gfp, char *buf, size_t len)
{
	if (gfp)
		gfp_format(gfp, buf, len);
	else
		snprintf(buf, len, "0");
}

/* "Normal, DMA (node 0), Normal (node 1)": the zones an allocation may try. */
static void zonelist_text(const pg_data_t *pgdat, enum zone_type highest, char *buf,
			  size_t len)
{
	size_t pos = 0;
	int node = -1;

	buf[0] = '\0';
	for (struct zone *const *zp = pgdat->zonelist; *zp && pos < len; zp++) {
		const struct zone *z = *zp;

		if (z->type > highest)
			continue;
		if (node >= 0 && node != znode(z))
			pos += snprintf(buf + pos, len - pos, " (node %d)", node);
		pos += snprintf(buf + pos, pos < len ? len - pos : 0, "%s%s",
				pos ? ", " : "", zone_name(z->type));
		node = znode(z);
	}
	if (node >= 0 && pos < len)
		snprintf(buf + pos, len - pos, " (node %d)", node);
}

static void n_alloc_start(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	char gfp[GFP_NAME_LEN], zl[512];
	int nid = (int)ev->val;

	gfp_name(ev->gfp, gfp, sizeof(gfp));
	if (nid < 0 || nid >= m->nr_nodes)
		return;
	zonelist_text(&m->node_data[nid], (enum zone_type)ev->val2, zl, sizeof(zl));
	fprintf(out, "alloc_pages(order=%u, %s): zonelist %s.\n", ev->order, gfp, zl);
}

/*
 * The mark __zone_watermark_ok() compares against: the watermark, lowered
 * for __GFP_HIGH and atomic requests on the min-watermark retry, plus the
 * zone's lowmem_reserve toward the highest zone the gfp mask allows.  An
 * event without the mask gets the plain watermark; if that disagrees with
 * the verdict, n_watermark() says so without the arithmetic.
 */
static long watermark_need(const struct machine *m, const struct mm_event *ev, long *reserve)
{
	long min = (long)ev->val;
	enum zone_type highest = gfp_zone(m->arch, ev->gfp);

	*reserve = 0;
	if (!ev->gfp)
		return min;	/* mask unknown: the plain watermark */
	if (ev->val2 == WMARK_MIN && (ev->gfp & __GFP_HIGH))
		min -= min / 2;
	if (ev->val2 == WMARK_MIN && !(ev->gfp & __GFP_DIRECT_RECLAIM))
		min -= min / 4;
	*reserve = highest < MAX_NR_ZONES ? ev->zone->lowmem_reserve[highest] : 0;
	return min + *reserve;
}

static bool has_block(const struct zone *z, unsigned order)
{
	for (unsigned o = order; o < NR_PAGE_ORDERS; o++)
		if (z->free_area[o].nr_free)
			return true;
	return order == 0;
}

/* What the check compared, "low watermark 1105 + lowmem_reserve 850 = 1955". */
static void mark_text(const struct mm_event *ev, long need, long reserve, char *buf,
		      size_t len)
{
	long min = need - reserve;
	int n = snprintf(buf, len, "its %s watermark %lu", wmark_name(ev->val2), ev->val);

	if (n < 0 || (size_t)n >= len)
		return;
	if (min != (long)ev->val)
		n += snprintf(buf + n, len - (size_t)n, " (lowered to %ld for this request)", min);
	if (reserve && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, " + lowmem_reserve %ld = %ld", reserve, need);
}

/* "221184 free pages" or, for a block, "221184 - (8 - 1) = 221177". */
static void free_text(const struct mm_event *ev, long left, char *buf, size_t len)
{
	if (ev->order)
		snprintf(buf, len, "%lu free pages; %lu - (%lu - 1) = %ld", ev->val3, ev->val3,
			 1UL << ev->order, left);
	else
		snprintf(buf, len, "%lu free pages,", ev->val3);
}

static void n_watermark(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	long reserve, need, left = (long)ev->val3 - ((1L << ev->order) - 1);
	bool above;
	char mark[160], have[96];

	if (!ev->zone)
		return;
	need = watermark_need(m, ev, &reserve);
	above = left > need;
	mark_text(ev, need, reserve, mark, sizeof(mark));
	free_text(ev, left, have, sizeof(have));
	fprintf(out, "watermark: zone %s (node %d) has %s ", zname(ev->zone), znode(ev->zone),
		have);
	if (above && ev->ok)
		fprintf(out, "%sabove %s: OK.\n", ev->order ? "is " : "", mark);
	else if (!above && !ev->ok)
		fprintf(out, "%snot above %s: try the next zone.\n", ev->order ? "is " : "",
			mark);
	else if (above && !has_block(ev->zone, ev->order))
		fprintf(out, "%sabove %s, but no free block of order %u or more is left: try "
			"the next zone.\n", ev->order ? "is " : "", mark, ev->order);
	else
		fprintf(out, "checked against its %s watermark %lu: %s.\n",
			wmark_name(ev->val2), ev->val, ev->ok ? "OK" : "try the next zone");
}

/*
 * rmqueue_bulk() moves pages onto the list one at a time but counts them
 * in pcp->count only at the end: while the two disagree, a refill is under
 * way past its first page, and its steps are told by the refill line.
 */
static bool refill_tail(const struct machine *m, const struct zone *z)
{
	const struct per_cpu_pages *pcp = z ? &z->pcp[m->cpu] : NULL;

	return pcp && pcp->list.count != (unsigned long)pcp->count;
}

/* "free_area[1..9] of zone Normal are empty; free_area[10] has pfn 0x1800 (order 10)" */
static void found_text(const struct mm_event *ev, const char *zone, char *buf, size_t len)
{
	unsigned cur = (unsigned)ev->val;

	if (cur == ev->order)
		snprintf(buf, len, "free_area[%u]%s has pfn 0x%lx at the head of its list", cur,
			 zone, ev->pfn);
	else if (cur == ev->order + 1)
		snprintf(buf, len, "free_area[%u]%s is empty; free_area[%u] has pfn 0x%lx "
			 "(order %u)", ev->order, zone, cur, ev->pfn, cur);
	else
		snprintf(buf, len, "free_area[%u..%u]%s are empty; free_area[%u] has pfn 0x%lx "
			 "(order %u)", ev->order, cur - 1, zone, cur, ev->pfn, cur);
}

static void n_rmqueue(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	char found[192], zone[32];
	int batch = ev->zone ? ev->zone->pcp[m->cpu].batch : 0;

	if (ev->order > 0) {
		snprintf(zone, sizeof(zone), " of zone %s", zname(ev->zone));
		found_text(ev, zone, found, sizeof(found));
		fprintf(out, "rmqueue: %s: take it.\n", found);
	} else if (!refill_tail(m, ev->zone)) {
		found_text(ev, "", found, sizeof(found));
		fprintf(out, "refill: CPU %d's list for zone %s is empty; a batch of up to %d %s "
			"comes from the buddy lists, the first: %s.\n", m->cpu, zname(ev->zone),
			batch, pages_word((unsigned long)batch), found);
	}
}

static void n_split(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	unsigned long lower = ev->pfn - (1UL << ev->order);

	if (refill_tail(m, ev->zone))
		return;
	fprintf(out, "split: pfn 0x%lx (order %u) halves; the upper half, pfn 0x%lx "
		"(order %u), goes on free_area[%u].\n", lower, ev->order + 1, ev->pfn,
		ev->order, ev->order);
}

static void n_page_alloc(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	unsigned long n = 1UL << ev->order;
	unsigned long start = ev->pfn << PAGE_SHIFT, end = start + (n << PAGE_SHIFT) - 1;
	char size[32];

	block_size(ev->order, size, sizeof(size));
	if (ev->order == 0 && ev->zone)
		fprintf(out, "allocated: pfn 0x%lx (phys 0x%lx-0x%lx) from the head of CPU %d's "
			"list for zone %s (node %d); %d left on it.\n", ev->pfn, start, end,
			m->cpu, zname(ev->zone), znode(ev->zone), ev->zone->pcp[m->cpu].count);
	else
		fprintf(out, "allocated: pfn 0x%lx, order %u (%lu %s, %s, phys 0x%lx-0x%lx) from "
			"zone %s (node %d).\n", ev->pfn, ev->order, n, pages_word(n), size, start,
			end, zname(ev->zone), znode(ev->zone));
}

/* An order-0 free is told by the per-CPU line that follows it. */
static void n_page_free(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	unsigned long n = 1UL << ev->order;

	(void)m;
	if (ev->order > 0)
		fprintf(out, "free: pfn 0x%lx, order %u (%lu pages), goes back to the buddy "
			"allocator of zone %s.\n", ev->pfn, ev->order, n, zname(ev->zone));
}

static void n_pcp_refill(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	int cpu = ev->cpu;
	int high = ev->zone ? ev->zone->pcp[cpu].high : 0;

	(void)m;
	if (ev->val == 0)
		fprintf(out, "per-CPU: CPU %d's list for zone %s is empty and the zone has no "
			"free page to refill it.\n", cpu, zname(ev->zone));
	else
		fprintf(out, "per-CPU: %lu %s (batch %lu) now on CPU %d's list for zone %s%s: "
			"count %lu, high %d.\n", ev->val, pages_word(ev->val), ev->val2, cpu,
			zname(ev->zone), ev->val > 1 ? ", taken the same way under one zone lock" : "",
			ev->val, high);
}

static void n_pcp_free(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	int batch = ev->zone ? ev->zone->pcp[ev->cpu].batch : 0;

	(void)m;
	fprintf(out, "free: pfn 0x%lx (order 0) goes on the head of CPU %d's list for zone %s: ",
		ev->pfn, ev->cpu, zname(ev->zone));
	if (ev->val >= ev->val2)
		fprintf(out, "count %lu reaches high %lu, so a batch of the %d oldest %s returns "
			"to the buddy allocator.\n", ev->val, ev->val2, batch,
			pages_word((unsigned long)batch));
	else
		fprintf(out, "count %lu, high %lu, batch %d.\n", ev->val, ev->val2, batch);
}

static void n_pcpu_drain(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	(void)m;
	fprintf(out, "drain: pfn 0x%lx leaves the tail of a per-CPU list for the buddy "
		"lists of zone %s.\n", ev->pfn, zname(ev->zone));
}

static void n_merge(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	(void)m;
	fprintf(out, "merge: the order-%u buddy of pfn 0x%lx is 0x%lx ^ (1 << %u) = 0x%lx, "
		"and it is free: together they make pfn 0x%lx, order %u.\n", ev->order,
		ev->pfn, ev->pfn, ev->order, ev->val, ev->pfn & ev->val, ev->order + 1);
}

/* Where __free_one_page() put the block: "head", or "tail" and why. */
static void placement_text(const struct machine *m, const struct mm_event *ev, char *buf,
			   size_t len)
{
	unsigned long higher = ev->pfn & ~((2UL << ev->order) - 1);
	unsigned long hb = higher ^ (2UL << ev->order);
	const struct page *p = pfn_valid(m, hb) ? &m->mem_map[hb] : NULL;

	if (!ev->ok)
		snprintf(buf, len, "the head of free_area[%u]", ev->order);
	else if (p && PageFlag(p, PG_buddy) && p->private == ev->order + 1)
		snprintf(buf, len, "the tail of free_area[%u]: the order-%u block around it has "
			 "its buddy 0x%lx free, so it will likely merge soon and is handed out "
			 "last", ev->order, ev->order + 1, hb);
	else
		snprintf(buf, len, "the tail of free_area[%u]", ev->order);
}

static void n_buddy_free(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	unsigned long buddy = ev->pfn ^ (1UL << ev->order);
	unsigned long n = 1UL << ev->order;
	char where[192];

	placement_text(m, ev, where, sizeof(where));
	if (ev->order >= MAX_PAGE_ORDER)
		fprintf(out, "buddy: order %u is the largest; pfn 0x%lx (%lu pages) goes on %s.\n",
			ev->order, ev->pfn, n, where);
	else
		fprintf(out, "buddy: pfn 0x%lx ^ (1 << %u) = 0x%lx is not a free order-%u block, "
			"so pfn 0x%lx (%lu %s) goes on %s.\n", ev->pfn, ev->order, buddy,
			ev->order, ev->pfn, n, pages_word(n), where);
}

static void n_alloc_fail(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	char gfp[GFP_NAME_LEN];

	(void)m;
	gfp_name(ev->gfp, gfp, sizeof(gfp));
	fprintf(out, "alloc_pages(order=%u, %s) fails: no zone of the zonelist has a free "
		"block of order %u above its min watermark.\n", ev->order, gfp, ev->order);
}

static const narrate_fn narrate_fns[NR_MM_EVENTS] = {
	[EV_ALLOC_START] = n_alloc_start,
	[EV_ZONE_WATERMARK] = n_watermark,
	[EV_RMQUEUE_SMALLEST] = n_rmqueue,
	[EV_BUDDY_SPLIT] = n_split,
	[EV_MM_PAGE_ALLOC] = n_page_alloc,
	[EV_MM_PAGE_FREE] = n_page_free,
	[EV_PCP_REFILL] = n_pcp_refill,
	[EV_PCP_FREE] = n_pcp_free,
	[EV_MM_PAGE_PCPU_DRAIN] = n_pcpu_drain,
	[EV_BUDDY_MERGE] = n_merge,
	[EV_BUDDY_FREE] = n_buddy_free,
	[EV_ALLOC_FAIL] = n_alloc_fail,
	[EV_KMALLOC] = narrate_slab,
	[EV_KFREE] = narrate_slab,
	[EV_KMEM_CACHE_ALLOC] = narrate_slab,
	[EV_KMEM_CACHE_FREE] = narrate_slab,
	[EV_KMALLOC_SLAB] = narrate_slab,
	[EV_KMALLOC_LARGE] = narrate_slab,
	[EV_SLAB_ALLOC_SLOWPATH] = narrate_slab,
	[EV_SLAB_ALLOC_NEW] = narrate_slab,
	[EV_SLAB_DEACTIVATE] = narrate_slab,
	[EV_SLAB_FREE_OBJECT] = narrate_slab,
	[EV_SLAB_ADD_PARTIAL] = narrate_slab,
	[EV_SLAB_FREE_EMPTY] = narrate_slab,
	[EV_TASK_NEWTASK] = narrate_vm,
	[EV_SCHED_PROCESS_FORK] = narrate_vm,
	[EV_SCHED_PROCESS_EXIT] = narrate_vm,
	[EV_SWITCH_MM] = narrate_vm,
	[EV_PAGE_FAULT_USER] = narrate_vm,
	[EV_FIND_VMA] = narrate_vm,
	[EV_EXPAND_STACK] = narrate_vm,
	[EV_PTE_ALLOC] = narrate_vm,
	[EV_PTE_FREE] = narrate_vm,
	[EV_DO_ANONYMOUS_PAGE] = narrate_vm,
	[EV_DO_READ_FAULT] = narrate_vm,
	[EV_DO_COW_FAULT] = narrate_vm,
	[EV_DO_SHARED_FAULT] = narrate_vm,
	[EV_DO_WP_PAGE] = narrate_vm,
	[EV_SET_PTE] = narrate_vm,
	[EV_SIGNAL_GENERATE] = narrate_vm,
	[EV_MM_FILEMAP_ADD] = narrate_vm,
	[EV_MM_FILEMAP_DELETE] = narrate_vm,
	[EV_WRITEBACK_PAGE] = narrate_vm,
	[EV_TLB_FLUSH] = narrate_vm,
	[EV_TLB_MISS] = narrate_vm,
	[EV_VMALLOC_NODE_RANGE] = narrate_kmem,
	[EV_VMAP] = narrate_kmem,
	[EV_VMAP_HOLE] = narrate_kmem,
	[EV_ALLOC_VMAP_AREA] = narrate_kmem,
	[EV_VMALLOC_PAGE] = narrate_kmem,
	[EV_REMOVE_VM_AREA] = narrate_kmem,
	[EV_VUNMAP_RANGE] = narrate_kmem,
	[EV_FREE_VMAP_AREA_NOFLUSH] = narrate_kmem,
	[EV_PURGE_VMAP_AREA_LAZY] = narrate_kmem,
	[EV_KMAP] = narrate_kmem,
	[EV_KMAP_NEW] = narrate_kmem,
	[EV_KMAP_FLUSH] = narrate_kmem,
	[EV_KUNMAP] = narrate_kmem,
	[EV_KMAP_ATOMIC] = narrate_kmem,
	[EV_KUNMAP_ATOMIC] = narrate_kmem,
	[EV_SWAPON] = narrate_reclaim,
	[EV_SWAPOFF] = narrate_reclaim,
	[EV_SWAP_SLOT_FREE] = narrate_reclaim,
	[EV_ADD_TO_SWAP] = narrate_reclaim,
	[EV_DO_SWAP_PAGE] = narrate_reclaim,
	[EV_TRY_TO_UNMAP_ONE] = narrate_reclaim,
	[EV_SHRINK_FOLIO] = narrate_reclaim,
	[EV_MM_LRU_ACTIVATE] = narrate_reclaim,
	[EV_MM_VMSCAN_WAKEUP_KSWAPD] = narrate_reclaim,
	[EV_MM_VMSCAN_KSWAPD_WAKE] = narrate_reclaim,
	[EV_MM_VMSCAN_KSWAPD_SLEEP] = narrate_reclaim,
	[EV_MM_VMSCAN_DIRECT_RECLAIM_BEGIN] = narrate_reclaim,
	[EV_MM_VMSCAN_DIRECT_RECLAIM_END] = narrate_reclaim,
	[EV_MM_VMSCAN_LRU_ISOLATE] = narrate_reclaim,
	[EV_MM_VMSCAN_LRU_SHRINK_INACTIVE] = narrate_reclaim,
	[EV_MM_VMSCAN_LRU_SHRINK_ACTIVE] = narrate_reclaim,
	[EV_MM_VMSCAN_WRITEPAGE] = narrate_reclaim,
	[EV_MARK_VICTIM] = narrate_reclaim,
	[EV_OOM_SCORE_ADJ_UPDATE] = narrate_reclaim,
};

void narrate_event(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	if (ev->type < NR_MM_EVENTS && narrate_fns[ev->type])
		narrate_fns[ev->type](m, ev, out);
}
