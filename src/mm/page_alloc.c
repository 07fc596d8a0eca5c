/*
 * page_alloc.c - the buddy allocator and the per-CPU page lists.
 *
 * Each zone keeps free_area[0..10]: free blocks of 2^order frames, each
 * naturally aligned (a block of order k starts at a multiple of 2^k).  A
 * block's buddy is the block it was split from's other half:
 *
 *     buddy_pfn = pfn ^ (1 << order)     pfn 8's order-1 buddy is 8 ^ 2 = 10
 *
 * Allocating order 0 when only an order-3 block at pfn 0 is free splits
 * it three times (expand): the caller keeps the low half each time and the
 * upper halves go on the lists, pfn 4 -> free_area[2], 2 -> [1], 1 -> [0].
 * Freeing pfn 0 then finds buddy 1 free at order 0, merges to [0,2) at
 * order 1, finds buddy 2 at order 1, merges to [0,4), finds 4 at order 2,
 * and ends as the order-3 block it started as.
 *
 * Order-0 requests go through the CPU's per_cpu_pages list: an empty list
 * is refilled with `batch` pages in one go (rmqueue_bulk); a free goes on
 * the list head and, once the list holds `high` pages, `batch` of the
 * oldest go back to the buddy lists (free_pcppages_bulk).
 *
 * The model keeps one migrate type (as the kernel does with mobility
 * grouping off) and caches only order 0 on the per-CPU lists (as Linux did
 * before 5.13).
 *
 * free_pages_checked() is how a user frees (the shell's __free_pages and
 * free_pages, Lua's vm.free_pages).  Where the kernel would corrupt itself
 * or BUG, it refuses and names the frame's owner: a page table, a slab, a
 * vmalloc area, the zero page, a reserved frame, a process's page, the
 * page or swap cache; or a kmap, kmap_atomic or vmap still mapping the
 * block.  Only a block from alloc_pages that nothing else holds goes back.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "filemap.h"
#include "highmem.h"
#include "machine.h"
#include "mm_types.h"
#include "page_alloc.h"
#include "oom_kill.h"
#include "rmap.h"
#include "sched.h"
#include "slab.h"
#include "swapfile.h"
#include "vmalloc.h"
#include "vmscan.h"

/* FPI_TO_TAIL: memblock_free_all() and pcp drains put blocks at the tail. */
#define FPI_NONE	0
#define FPI_TO_TAIL	1

static inline void add_to_free_list(struct machine *m, struct zone *z, unsigned long pfn,
				    unsigned order, bool tail)
{
	struct page *p = &m->mem_map[pfn];
	struct free_area *area = &z->free_area[order];

	p->private = order;
	SetPageFlag(p, PG_buddy);
	if (tail)
		pfn_list_add_tail(m->mem_map, &area->free_list, pfn);
	else
		pfn_list_add_head(m->mem_map, &area->free_list, pfn);
	area->nr_free++;
}

static inline void del_from_free_list(struct machine *m, struct zone *z, unsigned long pfn,
				      unsigned order)
{
	struct page *p = &m->mem_map[pfn];

	pfn_list_del(m->mem_map, &z->free_area[order].free_list, pfn);
	ClearPageFlag(p, PG_buddy);
	p->private = 0;
	z->free_area[order].nr_free--;
}

/* page_is_buddy(): free, of exactly this order, in the same zone. */
static bool page_is_buddy(const struct machine *m, const struct zone *z,
			  unsigned long pfn, unsigned order)
{
	const struct page *p;

	if (!pfn_valid(m, pfn))
		return false;
	p = &m->mem_map[pfn];
	return PageFlag(p, PG_buddy) && p->private == order && pfn_zoneid(m, pfn) == z->id;
}

/*
 * buddy_merge_likely(): if the block one order up could merge with its own
 * free buddy once our buddy comes back, put this block at the list tail so
 * it is not handed out first.
 */
static bool buddy_merge_likely(const struct machine *m, const struct zone *z,
			       unsigned long pfn, unsigned order)
{
	unsigned long higher;

	if (order >= MAX_PAGE_ORDER - 1)
		return false;
	higher = pfn & ~((1UL << (order + 1)) - 1);
	return page_is_buddy(m, z, higher ^ (1UL << (order + 1)), order + 1);
}

/*
 * __free_one_page(): puts a block back, merging with its buddy while the
 * buddy is free at the same order.  Counts the pages in NR_FREE_PAGES.
 */
static void __free_one_page(struct machine *m, struct zone *z, unsigned long pfn,
			    unsigned order, int fpi)
{
	unsigned nr = 1u << order;
	bool to_tail;

	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy = pfn ^ (1UL << order);

		if (!page_is_buddy(m, z, buddy, order))
			break;
		event_emit(m, .type = EV_BUDDY_MERGE, .pfn = pfn, .val = buddy,
			   .order = order, .zone = z);
		del_from_free_list(m, z, buddy, order);
		pfn &= buddy;
		order++;
	}
	to_tail = (fpi & FPI_TO_TAIL) || buddy_merge_likely(m, z, pfn, order);
	add_to_free_list(m, z, pfn, order, to_tail);
	z->vm_stat[NR_FREE_PAGES] += nr;
	event_emit(m, .type = EV_BUDDY_FREE, .pfn = pfn, .order = order, .zone = z,
		   .ok = to_tail);
}

/* expand(): split a block of order high down to low, keeping the low half. */
static void expand(struct machine *m, struct zone *z, unsigned long pfn,
		   unsigned low, unsigned high)
{
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(m, z, pfn + size, high, false);
		event_emit(m, .type = EV_BUDDY_SPLIT, .pfn = pfn + size, .order = high,
			   .zone = z);
	}
}

/* __rmqueue_smallest(): the first block of the smallest order that fits. */
static inline long __rmqueue_smallest(struct machine *m, struct zone *z, unsigned order)
{
	for (unsigned cur = order; cur < NR_PAGE_ORDERS; cur++) {
		unsigned long pfn = z->free_area[cur].free_list.first;

		if (pfn == PFN_NONE)
			continue;
		del_from_free_list(m, z, pfn, cur);
		event_emit(m, .type = EV_RMQUEUE_SMALLEST, .pfn = pfn, .order = order,
			   .val = cur, .zone = z);
		expand(m, z, pfn, order, cur);
		z->vm_stat[NR_FREE_PAGES] -= 1L << order;
		event_emit(m, .type = EV_MM_PAGE_ALLOC_ZONE_LOCKED, .pfn = pfn,
			   .order = order, .zone = z, .val = order == 0);
		return (long)pfn;
	}
	return -ENOMEM;
}

/* rmqueue_bulk(): move up to count order-0 pages to the per-CPU list. */
static int rmqueue_bulk(struct machine *m, struct zone *z, struct per_cpu_pages *pcp,
			int count)
{
	int n = 0;

	for (; n < count; n++) {
		long pfn = __rmqueue_smallest(m, z, 0);

		if (pfn < 0)
			break;
		SetPageFlag(&m->mem_map[pfn], PG_pcp);
		pfn_list_add_tail(m->mem_map, &pcp->list, (uint32_t)pfn);
	}
	pcp->count += n;
	return n;
}

static long rmqueue_pcplist(struct machine *m, struct zone *z)
{
	struct per_cpu_pages *pcp = &z->pcp[m->cpu];
	long pfn;

	if (pcp->list.first == PFN_NONE) {
		int n = rmqueue_bulk(m, z, pcp, pcp->batch);

		event_emit(m, .type = EV_PCP_REFILL, .zone = z, .cpu = m->cpu,
			   .val = (unsigned long)n, .val2 = (unsigned long)pcp->batch);
		if (n == 0)
			return -ENOMEM;
	}
	pfn = pfn_list_pop_head(m->mem_map, &pcp->list);
	ClearPageFlag(&m->mem_map[pfn], PG_pcp);
	pcp->count--;
	return pfn;
}

static long rmqueue(struct machine *m, struct zone *z, unsigned order)
{
	return order == 0 ? rmqueue_pcplist(m, z) : __rmqueue_smallest(m, z, order);
}

bool zone_watermark_ok(const struct zone *z, unsigned order, unsigned long mark,
		       enum zone_type highest, unsigned alloc_flags)
{
	long min = (long)mark;
	long free = zone_page_state(z, NR_FREE_PAGES) - ((1L << order) - 1);

	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free <= min + z->lowmem_reserve[highest])
		return false;
	for (unsigned o = order; o < NR_PAGE_ORDERS; o++)
		if (z->free_area[o].nr_free)
			return true;
	return order == 0;
}

/*
 * zone_watermark_fast(): an order-0 request that clears the mark as it
 * stands (not lowered, no free block needed) passes at once; anything
 * else gets zone_watermark_ok(), which would have said the same.
 */
static inline bool zone_watermark_fast(const struct zone *z, unsigned order, unsigned long mark,
				       enum zone_type highest, unsigned alloc_flags)
{
	if (order == 0 && zone_page_state(z, NR_FREE_PAGES) > (long)mark + z->lowmem_reserve[highest])
		return true;
	return zone_watermark_ok(z, order, mark, highest, alloc_flags);
}

/* __GFP_ZERO: the block's frames forget their bytes (a frame without any reads as zeros). */
static void __attribute__((noinline)) drop_block_data(struct machine *m, unsigned long pfn,
						      unsigned order)
{
	for (unsigned long i = 0; i < (1UL << order); i++)
		page_data_drop(m, pfn + i);
}

/*
 * prep_new_page(): the block now has one user; the model records its order.
 * As in the kernel, a freed frame keeps its old bytes until __GFP_ZERO (or
 * whoever allocates it) clears them.  Most frames hold no bytes, so an
 * order-0 frame without any has nothing to drop.
 */
static void prep_new_page(struct machine *m, unsigned long pfn, unsigned order, gfp_t gfp)
{
	struct page *p = &m->mem_map[pfn];

	p->_refcount = 1;
	p->_mapcount = -1;
	p->private = order;
	SetPageFlag(p, PG_head);
	if ((gfp & __GFP_ZERO) && (order || p->content))
		drop_block_data(m, pfn, order);
}

static void zone_statistics(struct machine *m, struct zone *preferred, struct zone *z)
{
	int local = cpu_to_node(m, m->cpu);

	if (z->zone_pgdat != preferred->zone_pgdat) {
		z->numa_event[NUMA_MISS]++;
		preferred->numa_event[NUMA_FOREIGN]++;
	} else {
		z->numa_event[NUMA_HIT]++;
	}
	z->numa_event[z->zone_pgdat->node_id == local ? NUMA_LOCAL : NUMA_OTHER]++;
}

static const enum vm_event_item pgalloc_item[MAX_NR_ZONES] = {
	PGALLOC_DMA, PGALLOC_DMA32, PGALLOC_NORMAL, PGALLOC_HIGH, PGALLOC_MOVABLE,
};

/*
 * get_page_from_freelist(): the first zone of the zonelist, no higher than
 * `highest`, that passes the watermark named by alloc_flags.
 */
static long get_page_from_freelist(struct machine *m, pg_data_t *pgdat, unsigned order,
				   gfp_t gfp, enum zone_type highest, unsigned alloc_flags)
{
	struct zone *preferred = NULL;

	for (struct zone **zp = pgdat->zonelist; *zp; zp++) {
		struct zone *z = *zp;
		unsigned long mark = z->_watermark[alloc_flags & ALLOC_WMARK_MASK];
		bool ok;
		long pfn;

		if (z->type > highest)
			continue;
		if (!preferred)
			preferred = z;
		ok = zone_watermark_fast(z, order, mark, highest, alloc_flags);
		event_emit(m, .type = EV_ZONE_WATERMARK, .zone = z, .order = order, .gfp = gfp,
			   .val = mark, .val2 = alloc_flags & ALLOC_WMARK_MASK,
			   .val3 = (unsigned long)zone_page_state(z, NR_FREE_PAGES), .ok = ok);
		if (!ok)
			continue;
		pfn = rmqueue(m, z, order);
		if (pfn < 0)
			continue;
		prep_new_page(m, (unsigned long)pfn, order, gfp);
		zone_statistics(m, preferred, z);
		m->vm_events[pgalloc_item[z->type]] += 1UL << order;
		event_emit(m, .type = EV_MM_PAGE_ALLOC, .pfn = (unsigned long)pfn,
			   .order = order, .gfp = gfp, .zone = z);
		return pfn;
	}
	return -ENOMEM;
}

/* gfp_to_alloc_flags(): the slow path may dig below the low watermark. */
static unsigned slowpath_alloc_flags(gfp_t gfp)
{
	unsigned flags = ALLOC_WMARK_MIN;

	if (gfp & __GFP_HIGH)
		flags |= ALLOC_HIGH;
	if (!(gfp & __GFP_DIRECT_RECLAIM))
		flags |= ALLOC_HARDER;
	return flags;
}

static int alloc_check_args(struct machine *m, int nid, gfp_t gfp, unsigned order,
			    enum zone_type *highest)
{
	if (order > MAX_PAGE_ORDER)
		return mm_err(m, -EINVAL, "order %u is out of range (0..%d)", order,
			      MAX_PAGE_ORDER);
	if (nid >= m->nr_nodes)
		return mm_err(m, -EINVAL, "node %d does not exist (nodes 0..%d)", nid,
			      m->nr_nodes - 1);
	*highest = gfp_zone(m->arch, gfp);
	if (*highest == MAX_NR_ZONES)
		return mm_err(m, -EINVAL, "gfp mask has more than one of __GFP_DMA, "
			      "__GFP_DMA32 and __GFP_HIGHMEM");
	return 0;
}

/* Names the zones an allocation may use, for the out-of-memory sentence. */
static void zonelist_names(const pg_data_t *pgdat, enum zone_type highest, char *buf,
			   size_t len)
{
	size_t pos = 0;

	buf[0] = '\0';
	for (struct zone *const *zp = pgdat->zonelist; *zp && pos < len; zp++)
		if ((*zp)->type <= highest)
			pos += snprintf(buf + pos, len - pos, "%s%s/%d", pos ? ", " : "",
					zone_name((*zp)->type), (*zp)->zone_pgdat->node_id);
}

#define PAGE_ALLOC_COSTLY_ORDER	3

/* __alloc_pages_may_oom(): only for allocations that may reclaim, of low orders. */
static bool oom_allowed(gfp_t gfp, unsigned order)
{
	return (gfp & __GFP_DIRECT_RECLAIM) && (gfp & __GFP_FS) && !(gfp & __GFP_NORETRY) &&
	       order <= PAGE_ALLOC_COSTLY_ORDER;
}

/* A try at min after reclaim freed pages, draining the per-CPU lists if need be. */
static long retry_after_reclaim(struct machine *m, pg_data_t *pgdat, unsigned order,
				gfp_t gfp, enum zone_type highest, bool progress)
{
	long pfn = get_page_from_freelist(m, pgdat, order, gfp, highest,
					  slowpath_alloc_flags(gfp));

	if (pfn >= 0 || !progress)
		return pfn;
	drain_all_pages(m);
	return get_page_from_freelist(m, pgdat, order, gfp, highest, slowpath_alloc_flags(gfp));
}

/*
 * __alloc_pages_slowpath() (vmscan.h, oom_kill.h): wake kswapd and try at
 * the min watermark; then reclaim directly and retry while that frees
 * pages (MAX_RECLAIM_RETRIES rounds without success at most); then let the
 * OOM killer free a process's memory and retry, as long as it finds one.
 */
static long alloc_pages_slowpath(struct machine *m, pg_data_t *pgdat, unsigned order,
				 gfp_t gfp, enum zone_type highest)
{
	int nid = pgdat->node_id, retries = 0;
	long pfn;

	if (m->reclaim && (gfp & __GFP_KSWAPD_RECLAIM))
		wake_all_kswapds(m, nid, order, gfp, highest);
	pfn = get_page_from_freelist(m, pgdat, order, gfp, highest, slowpath_alloc_flags(gfp));
	if (pfn >= 0 || !m->reclaim || !(gfp & __GFP_DIRECT_RECLAIM) || m->reclaim->reclaiming)
		return pfn;
	for (;;) {
		bool progress = try_to_free_pages(m, nid, order, gfp, highest) > 0;

		pfn = retry_after_reclaim(m, pgdat, order, gfp, highest, progress);
		if (pfn >= 0)
			return pfn;
		if (progress && ++retries < MAX_RECLAIM_RETRIES)
			continue;
		if (!oom_allowed(gfp, order) || out_of_memory(m, gfp, order) <= 0)
			return -ENOMEM;
		retries = 0;
		pfn = retry_after_reclaim(m, pgdat, order, gfp, highest, true);
		if (pfn >= 0)
			return pfn;
	}
}

/*
 * What follows a failed first try at the low watermark: the slow path
 * and, if it fails too, the failure's event and sentence.  Out of line,
 * so that the fast path stays small.
 */
static long __attribute__((noinline)) alloc_pages_slow(struct machine *m, pg_data_t *pgdat,
						       unsigned order, gfp_t gfp,
						       enum zone_type highest)
{
	long pfn = alloc_pages_slowpath(m, pgdat, order, gfp, highest);
	char names[160];

	if (pfn >= 0)
		return pfn;
	event_emit(m, .type = EV_ALLOC_FAIL, .order = order, .gfp = gfp);
	zonelist_names(pgdat, highest, names, sizeof(names));
	return mm_err(m, -ENOMEM, "out of memory: no zone of the zonelist (%s) has a free "
		      "order-%u block above its min watermark", names, order);
}

long alloc_pages_node(struct machine *m, int nid, gfp_t gfp, unsigned order)
{
	enum zone_type highest;
	pg_data_t *pgdat;
	long pfn;
	int err = alloc_check_args(m, nid, gfp, order, &highest);

	if (err)
		return err;
	pgdat = &m->node_data[nid < 0 ? cpu_to_node(m, m->cpu) : nid];
	event_emit(m, .type = EV_ALLOC_START, .order = order, .gfp = gfp,
		   .val = (unsigned long)pgdat->node_id, .val2 = highest);
	pfn = get_page_from_freelist(m, pgdat, order, gfp, highest, ALLOC_WMARK_LOW);
	if (pfn >= 0)
		return pfn;
	return alloc_pages_slow(m, pgdat, order, gfp, highest);
}

/* free_pcppages_bulk(): give count of the oldest pages back to the buddy lists. */
static void free_pcppages_bulk(struct machine *m, struct zone *z, struct per_cpu_pages *pcp,
			       int count)
{
	while (count-- > 0 && pcp->list.last != PFN_NONE) {
		unsigned long pfn = pfn_list_pop_tail(m->mem_map, &pcp->list);

		ClearPageFlag(&m->mem_map[pfn], PG_pcp);
		pcp->count--;
		event_emit(m, .type = EV_MM_PAGE_PCPU_DRAIN, .pfn = pfn, .order = 0, .zone = z);
		__free_one_page(m, z, pfn, 0, FPI_NONE);
	}
}

static void free_unref_page(struct machine *m, struct zone *z, unsigned long pfn)
{
	struct per_cpu_pages *pcp = &z->pcp[m->cpu];

	SetPageFlag(&m->mem_map[pfn], PG_pcp);
	pfn_list_add_head(m->mem_map, &pcp->list, (uint32_t)pfn);
	pcp->count++;
	event_emit(m, .type = EV_PCP_FREE, .zone = z, .cpu = m->cpu, .pfn = pfn,
		   .val = (unsigned long)pcp->count, .val2 = (unsigned long)pcp->high);
	if (pcp->count >= pcp->high)
		free_pcppages_bulk(m, z, pcp, pcp->batch);
}

void __free_pages(struct machine *m, unsigned long pfn, unsigned order)
{
	struct page *p = &m->mem_map[pfn];
	struct zone *z = page_zone(m, p);

	MM_BUG_ON(p->_refcount <= 0, m, pfn);
	if (--p->_refcount)
		return;
	ClearPageFlag(p, PG_head);
	p->private = 0;
	p->_mapcount = -1;
	m->vm_events[PGFREE] += 1UL << order;
	event_emit(m, .type = EV_MM_PAGE_FREE, .pfn = pfn, .order = order, .zone = z);
	if (order == 0)
		free_unref_page(m, z, pfn);
	else
		__free_one_page(m, z, pfn, order, FPI_NONE);
}

/*
 * The block containing pfn whose head has flag f (PG_buddy: free, PG_head:
 * allocated), or -1; *order gets its order.  Blocks are aligned to their
 * size, so the head is pfn rounded down to some order.
 */
static long find_block(const struct machine *m, unsigned long pfn, enum pageflags f,
		       unsigned *order)
{
	for (unsigned o = 0; o < NR_PAGE_ORDERS; o++) {
		unsigned long head = pfn & ~((1UL << o) - 1);
		const struct page *p = &m->mem_map[head];

		if (PageFlag(p, f) && p->private >= o) {
			*order = p->private;
			return (long)head;
		}
	}
	return -1;
}

/* ---- frames other owners hold: what free_pages_checked() refuses ---------- */

/*
 * The owners are told apart the way the checker (check.c, check_vm.c) and
 * `dot phys` tell them: by the frame's flags, then by page->mapping, which
 * names the mm of a page table, the anon_vma of an anonymous page and the
 * file of a page-cache page.  Each gets one sentence in m->err.
 */
#define ONLY_ALLOC_PAGES	"only blocks from alloc_pages can be freed"

/* The pid whose mm has this id, or -1 (init_mm, or an mm no task has). */
static int pid_of_mm_id(const struct machine *m, uint32_t id)
{
	for (const struct task_struct *t = m->tasks; t; t = t->next)
		if (t->mm && t->mm->id == id)
			return t->pid;
	return -1;
}

/* Which table a PG_pgtable frame is: page->index is its level, page->mapping its mm. */
static int refuse_page_table(struct machine *m, unsigned long pfn, const struct page *p)
{
	const char *level = pt_level_name((enum pt_level)p->index);
	int pid = pid_of_mm_id(m, p->mapping);
	char who[64];

	if (pfn == m->init_mm->pgd)
		snprintf(who, sizeof(who), "swapper_pg_dir, the kernel's pgd");
	else if (PageFlag(p, PG_reserved))
		snprintf(who, sizeof(who), "a %s table the kernel built at boot", level);
	else if (p->mapping == m->init_mm->id)
		snprintf(who, sizeof(who), "a %s table of the kernel's init_mm", level);
	else if (pid < 0)
		snprintf(who, sizeof(who), "a %s table of an mm no process holds", level);
	else if (p->index == PT_PGD)
		snprintf(who, sizeof(who), "the pgd of pid %d", pid);
	else
		snprintf(who, sizeof(who), "a %s table of pid %d", level, pid);
	return mm_err(m, -EBUSY, "pfn 0x%lx is a page-table page (%s): " ONLY_ALLOC_PAGES, pfn,
		      who);
}

/* What boot reserved the frame for (machine.c boot_reserve(), as `machine` counts them). */
static const char *reserved_for(const struct machine *m, unsigned long pfn)
{
	unsigned long image_end = KERNEL_START_PFN + (m->arch->kernel_image >> PAGE_SHIFT);

	if (pfn == 0 || (pfn >= HOLE_START_PFN && pfn < HOLE_END_PFN))
		return "a hole in the physical address map, not RAM";
	if (pfn < HOLE_START_PFN)
		return "firmware: the BIOS data below 640K";
	if (pfn >= KERNEL_START_PFN && pfn < image_end)
		return "the kernel image: code and data";
	return "mem_map: the struct pages";
}

struct mappers {
	int n;
	int pid;		/* of the first mapper found, -1 if no task has its mm */
	unsigned long addr;
};

static void note_mapper(struct machine *m, struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long addr, unsigned long table, unsigned idx, void *ctx)
{
	struct mappers *w = ctx;
	const struct task_struct *t;

	(void)vma, (void)table, (void)idx;
	if (w->n++)
		return;
	t = mm_owner(m, mm);
	w->pid = t ? t->pid : -1;
	w->addr = addr;
}

/* "mapped by pid 1 at 0x08048000 (and 1 more PTE)", or "mapped by no process". */
static void describe_mappers(struct machine *m, unsigned long pfn, char *buf, size_t len)
{
	struct mappers w = { .pid = -1 };

	rmap_walk(m, pfn, note_mapper, &w);
	if (!w.n) {
		snprintf(buf, len, "mapped by no process");
		return;
	}
	snprintf(buf, len, "mapped by pid %d at 0x%0*lx", w.pid, m->arch->addr_digits, w.addr);
	if (w.n > 1)
		snprintf(buf + strlen(buf), len - strlen(buf), " (and %d more PTE%s)", w.n - 1,
			 w.n > 2 ? "s" : "");
}

/* A user page: in the swap cache, anonymous, or in a file's page cache. */
static int refuse_user_page(struct machine *m, unsigned long pfn, const struct page *p)
{
	const struct sim_file *f = PageFlag(p, PG_anon) ? NULL : file_by_id(m, p->mapping);
	char maps[96];

	describe_mappers(m, pfn, maps, sizeof(maps));
	if (PageFlag(p, PG_swapcache)) {
		swp_entry_t e = page_swap_entry(m, pfn);

		return mm_err(m, -EBUSY, "pfn 0x%lx is in the swap cache (slot %lu of %s), %s: "
			      ONLY_ALLOC_PAGES, pfn, swp_offset(e), swap_info(m, swp_type(e))->name,
			      maps);
	}
	if (PageFlag(p, PG_anon))
		return mm_err(m, -EBUSY, "pfn 0x%lx is an anonymous page %s: " ONLY_ALLOC_PAGES,
			      pfn, maps);
	if (f)
		return mm_err(m, -EBUSY, "pfn 0x%lx is page %llu of %s in the page cache, %s: "
			      ONLY_ALLOC_PAGES, pfn, (unsigned long long)p->index, f->name, maps);
	return mm_err(m, -EBUSY, "pfn 0x%lx is a user page mapped by %d PTE%s: " ONLY_ALLOC_PAGES,
		      pfn, page_mapcount(p), page_mapcount(p) == 1 ? "" : "s");
}

/*
 * An allocated block that a process or the page cache holds.  Only a head
 * with references says so: boot never touches the struct page of a frame
 * it puts on a free list, so a free frame's _mapcount may read 0.
 */
static bool user_page(const struct page *p)
{
	if (!PageFlag(p, PG_head) || p->_refcount <= 0)
		return false;
	return PageFlag(p, PG_swapcache) || PageFlag(p, PG_anon) || PageFlag(p, PG_lru) ||
	       p->mapping || p->_mapcount >= 0;
}

const char *page_owner(const struct machine *m, unsigned long pfn)
{
	const struct page *p = &m->mem_map[pfn];

	if (PageFlag(p, PG_pgtable))
		return "a page-table page";
	if (PageFlag(p, PG_zero))
		return "the zero page";
	if (PageFlag(p, PG_slab))
		return "a slab page";
	if (PageFlag(p, PG_vmalloc))
		return "a page of a vmalloc area";
	if (m->slab && kmalloc_large_find(m, pfn))
		return "a kmalloc_large block";
	if (!user_page(p))
		return NULL;
	if (PageFlag(p, PG_swapcache))
		return "in the swap cache";
	return PageFlag(p, PG_anon) ? "an anonymous page of a process" : "a page-cache page";
}

/*
 * The owner of pfn by its own flags, as a refusal; 0 if it has none (it
 * is free, or an allocated block nobody else claims).  Changes nothing
 * but m->err.
 */
static int refuse_owned(struct machine *m, unsigned long pfn)
{
	const struct page *p = &m->mem_map[pfn];

	if (PageFlag(p, PG_pgtable))
		return refuse_page_table(m, pfn, p);
	if (PageFlag(p, PG_zero))
		return mm_err(m, -EBUSY, "pfn 0x%lx is the zero page, which every read of an "
			      "untouched anonymous page maps: " ONLY_ALLOC_PAGES, pfn);
	if (PageFlag(p, PG_reserved))
		return mm_err(m, -EINVAL, "pfn 0x%lx is reserved (%s): " ONLY_ALLOC_PAGES, pfn,
			      reserved_for(m, pfn));
	if (PageFlag(p, PG_slab))
		return mm_err(m, -EBUSY, "pfn 0x%lx is a slab page (PG_slab): its cache frees it "
			      "when the slab is empty; free the objects with kfree", pfn);
	if (PageFlag(p, PG_vmalloc))
		return mm_err(m, -EBUSY, "pfn 0x%lx backs a vmalloc area (PG_vmalloc): vfree frees "
			      "it", pfn);
	if (m->slab && kmalloc_large_find(m, pfn))
		return mm_err(m, -EBUSY, "pfn 0x%lx is a kmalloc_large block: free it with kfree",
			      pfn);
	return user_page(p) ? refuse_user_page(m, pfn, p) : 0;
}

/*
 * Whether kmap (with users), kmap_atomic or vmap still maps the frame pfn,
 * as a refusal (`where` places it in its block); else 0.
 */
static int refuse_frame_mapped(struct machine *m, unsigned long pfn, const char *where)
{
	int w = m->arch->addr_digits, users, cpu;
	const struct vmap_area *va;
	unsigned long addr;
	unsigned idx;

	users = kmap_users(m, pfn, &addr);
	if (users > 0)
		return mm_err(m, -EBUSY, "pfn 0x%lx%s is mapped by kmap at 0x%0*lx (%d user%s): "
			      "kunmap it first", pfn, where, w, addr, users, users == 1 ? "" : "s");
	cpu = kmap_atomic_cpu(m, pfn, &addr);
	if (cpu >= 0)
		return mm_err(m, -EBUSY, "pfn 0x%lx%s is mapped by kmap_atomic at 0x%0*lx "
			      "(cpu %d): kunmap_atomic it first", pfn, where, w, addr, cpu);
	va = find_vmap_area_of_pfn(m, pfn, &idx);
	if (va)
		return mm_err(m, -EBUSY, "pfn 0x%lx%s is mapped by vmap at 0x%0*lx (page %u of the "
			      "area at 0x%0*lx): vunmap it first", pfn, where, w,
			      va->va_start + ((unsigned long)idx << PAGE_SHIFT), idx, w,
			      va->va_start);
	return 0;
}

/* The first frame of the block that a kernel mapping still holds, as a refusal; else 0. */
static int refuse_mapped(struct machine *m, unsigned long head, unsigned order)
{
	char where[64];
	int err = refuse_frame_mapped(m, head, "");

	snprintf(where, sizeof(where), " (in the order-%u block at pfn 0x%lx)", order, head);
	for (unsigned long pfn = head + 1; !err && pfn < head + (1UL << order); pfn++)
		err = refuse_frame_mapped(m, pfn, where);
	return err;
}

/* Why pfn is not the start of a free-able order-`order` block, or 0. */
static int check_block(struct machine *m, unsigned long pfn, unsigned order)
{
	const struct page *p = &m->mem_map[pfn];
	unsigned fo;
	long head;

	if (PageFlag(p, PG_pcp))
		return mm_err(m, -EINVAL, "pfn 0x%lx is already free (on a per-CPU list)", pfn);
	head = find_block(m, pfn, PG_buddy, &fo);
	if (head >= 0)
		return mm_err(m, -EINVAL, "pfn 0x%lx is already free (in the order-%u block at "
			      "pfn 0x%lx)", pfn, fo, (unsigned long)head);
	head = find_block(m, pfn, PG_head, &fo);
	if (head >= 0 && (unsigned long)head != pfn)
		return mm_err(m, -EINVAL, "pfn 0x%lx is inside the order-%u block at pfn 0x%lx, "
			      "not its start", pfn, fo, (unsigned long)head);
	if (head < 0 || p->_refcount <= 0)
		return mm_err(m, -EINVAL, "pfn 0x%lx is not the start of an allocated block", pfn);
	if (p->private != order)
		return mm_err(m, -EINVAL, "the block at pfn 0x%lx has order %u, not %u", pfn,
			      p->private, order);
	if (p->_refcount != 1 || p->_mapcount >= 0)
		return mm_err(m, -EBUSY, "the block at pfn 0x%lx is in use (refcount %d, "
			      "mapcount %d)", pfn, p->_refcount, p->_mapcount + 1);
	return 0;
}

int free_pages_checked(struct machine *m, unsigned long pfn, unsigned order)
{
	int err;

	if (order > MAX_PAGE_ORDER)
		return mm_err(m, -EINVAL, "order %u is out of range (0..%d)", order,
			      MAX_PAGE_ORDER);
	if (!pfn_valid(m, pfn))
		return mm_err(m, -EINVAL, "pfn 0x%lx is beyond the end of memory (max_pfn 0x%lx)",
			      pfn, m->max_pfn);
	err = refuse_owned(m, pfn);
	if (!err)
		err = check_block(m, pfn, order);
	if (!err)
		err = refuse_mapped(m, pfn, order);
	if (err)
		return err;
	__free_pages(m, pfn, order);
	return 0;
}

void drain_local_pages(struct machine *m, int cpu)
{
	struct zone *z;

	for_each_populated_zone(m, z)
		free_pcppages_bulk(m, z, &z->pcp[cpu], z->pcp[cpu].count);
}

unsigned long nr_pcp_pages(const struct machine *m)
{
	const struct zone *z;
	unsigned long n = 0;

	for_each_populated_zone(m, z)
		for (int cpu = 0; cpu < m->nr_cpus; cpu++)
			n += (unsigned long)z->pcp[cpu].count;
	return n;
}

void drain_all_pages(struct machine *m)
{
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		drain_local_pages(m, cpu);
}

void free_boot_range(struct machine *m, unsigned long start, unsigned long end)
{
	struct zone *z = pfn_zone(m, start);

	while (start < end) {
		unsigned order = MAX_PAGE_ORDER;

		while (start & ((1UL << order) - 1))
			order--;
		while (start + (1UL << order) > end)
			order--;
		m->vm_events[PGFREE] += 1UL << order;
		z->managed_pages += 1UL << order;
		__free_one_page(m, z, start, order, FPI_TO_TAIL);
		start += 1UL << order;
	}
}
