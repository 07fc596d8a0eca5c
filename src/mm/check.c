/*
 * check.c - the invariant checker.
 *
 * Every frame must have exactly one owner.  The checker walks each owner's
 * structures and marks the frames it finds in a host array, one byte per
 * frame; a frame marked twice, or never, is a violation:
 *
 *   owner      found through
 *   free       zone->free_area[order] lists (the whole block)
 *   pcp        zone->pcp[cpu].list
 *   allocated  a PG_head frame with a reference (the whole block)
 *   reserved   PG_reserved
 *
 * Alongside, the counters must agree with the lists they count: nr_free,
 * NR_FREE_PAGES, pcp->count; and no free block may have a free buddy of the
 * same order (it would have been merged).  Each rule is a function in
 * `rules`; later parts of the model add theirs there.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "machine.h"
#include "slab.h"
#include "swapfile.h"
#include "vmscan.h"
#include "highmem.h"
#include "vmalloc.h"

enum owner { OWNER_NONE, OWNER_FREE, OWNER_PCP, OWNER_ALLOCATED, OWNER_RESERVED };

static const char *const owner_names[] = { "nobody", "the buddy lists", "a per-CPU list",
					   "an allocated block", "the reserved frames" };

struct checker {
	struct machine *m;
	unsigned char *owner;		/* [max_pfn] */
	check_report_fn report;
	void *ctx;
	unsigned long found, limit;
};

void check_violation(check_report_fn report, void *ctx, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	report(ctx, buf);
}

__attribute__((format(printf, 2, 3)))
static void violation(struct checker *c, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	c->found++;
	if (c->limit && c->found > c->limit)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	c->report(c->ctx, buf);
}

static void claim(struct checker *c, unsigned long pfn, unsigned long n, enum owner o)
{
	for (unsigned long i = pfn; i < pfn + n && i < c->m->max_pfn; i++) {
		if (c->owner[i] != OWNER_NONE) {
			violation(c, "pfn 0x%lx is owned by both %s and %s", i,
				  owner_names[c->owner[i]], owner_names[o]);
			continue;
		}
		c->owner[i] = (unsigned char)o;
	}
}

static void check_free_block(struct checker *c, struct zone *z, unsigned long pfn,
			     unsigned order)
{
	struct machine *m = c->m;
	const struct page *p = &m->mem_map[pfn];
	unsigned long buddy = pfn ^ (1UL << order);

	if (!PageFlag(p, PG_buddy) || p->private != order)
		violation(c, "pfn 0x%lx is on free_area[%u] of %s but is not a free order-%u "
			  "block (buddy flag %d, order %u)", pfn, order, zone_name(z->type),
			  order, PageFlag(p, PG_buddy), p->private);
	if (pfn & ((1UL << order) - 1))
		violation(c, "free order-%u block at pfn 0x%lx is not aligned", order, pfn);
	if (pfn < z->zone_start_pfn || pfn + (1UL << order) > zone_end_pfn(z))
		violation(c, "free block at pfn 0x%lx order %u lies outside zone %s", pfn,
			  order, zone_name(z->type));
	if (order < MAX_PAGE_ORDER && pfn_valid(m, buddy) &&
	    PageFlag(&m->mem_map[buddy], PG_buddy) && m->mem_map[buddy].private == order &&
	    pfn_zoneid(m, buddy) == z->id)
		violation(c, "free order-%u blocks at pfn 0x%lx and its buddy 0x%lx were not "
			  "merged", order, pfn, buddy);
	claim(c, pfn, 1UL << order, OWNER_FREE);
}

static void check_free_area(struct checker *c, struct zone *z, unsigned order,
			    long *free_pages)
{
	struct free_area *area = &z->free_area[order];
	unsigned long n = 0;

	for (uint32_t pfn = area->free_list.first; pfn != PFN_NONE;
	     pfn = c->m->mem_map[pfn].lru_next) {
		if (++n > c->m->max_pfn) {
			violation(c, "free_area[%u] of %s loops", order, zone_name(z->type));
			return;
		}
		check_free_block(c, z, pfn, order);
		*free_pages += 1L << order;
	}
	if (n != area->nr_free || n != area->free_list.count)
		violation(c, "zone %s free_area[%u]: nr_free %lu but %lu blocks on the list",
			  zone_name(z->type), order, area->nr_free, n);
}

static void check_pcp(struct checker *c, struct zone *z, int cpu)
{
	struct per_cpu_pages *pcp = &z->pcp[cpu];
	int n = 0;

	for (uint32_t pfn = pcp->list.first; pfn != PFN_NONE;
	     pfn = c->m->mem_map[pfn].lru_next) {
		const struct page *p = &c->m->mem_map[pfn];

		if (++n > (int)c->m->max_pfn) {
			violation(c, "pcp list of cpu %d zone %s loops", cpu, zone_name(z->type));
			return;
		}
		if (!PageFlag(p, PG_pcp) || p->_refcount != 0 ||
		    pfn_zoneid(c->m, pfn) != z->id)
			violation(c, "pfn 0x%x on the pcp list of cpu %d zone %s is not a free "
				  "page of that zone", pfn, cpu, zone_name(z->type));
		claim(c, pfn, 1, OWNER_PCP);
	}
	if (n != pcp->count)
		violation(c, "zone %s cpu %d: pcp count %d but %d pages on the list",
			  zone_name(z->type), cpu, pcp->count, n);
}

static void rule_free_lists(struct checker *c)
{
	struct zone *z;

	for_each_populated_zone(c->m, z) {
		long free_pages = 0;

		for (unsigned o = 0; o < NR_PAGE_ORDERS; o++)
			check_free_area(c, z, o, &free_pages);
		if (free_pages != zone_page_state(z, NR_FREE_PAGES))
			violation(c, "zone %s: NR_FREE_PAGES is %ld but the lists hold %ld pages",
				  zone_name(z->type), zone_page_state(z, NR_FREE_PAGES),
				  free_pages);
		for (int cpu = 0; cpu < c->m->nr_cpus; cpu++)
			check_pcp(c, z, cpu);
	}
}

static void rule_allocated_and_reserved(struct checker *c)
{
	struct machine *m = c->m;

	for (unsigned long pfn = 0; pfn < m->max_pfn; pfn++) {
		const struct page *p = &m->mem_map[pfn];

		if (PageFlag(p, PG_reserved))
			claim(c, pfn, 1, OWNER_RESERVED);
		else if (PageFlag(p, PG_head) && p->_refcount > 0)
			claim(c, pfn, 1UL << p->private, OWNER_ALLOCATED);
		else if (PageFlag(p, PG_head))
			violation(c, "pfn 0x%lx heads an allocated block with refcount %d", pfn,
				  p->_refcount);
	}
}

static void rule_every_frame_owned(struct checker *c)
{
	for (unsigned long pfn = 0; pfn < c->m->max_pfn; pfn++) {
		const struct page *p = &c->m->mem_map[pfn];

		if (c->owner[pfn] == OWNER_NONE)
			violation(c, "pfn 0x%lx is neither free, allocated nor reserved", pfn);
		else if (PageFlag(p, PG_buddy) && c->owner[pfn] != OWNER_FREE)
			violation(c, "pfn 0x%lx is marked free (PageBuddy) but on no free list",
				  pfn);
	}
}

/*
 * Slabs (slab.c walks them): each slab's free objects plus its objects in
 * use make its objects per slab; every freelist pointer starts an object
 * of its slab, none twice; partial lists hold partial slabs, CPU slabs are
 * frozen, slabs on no list are full; per-cache and per-node counts agree
 * with the slab frames in mem_map.
 */
static void slab_violation(void *ctx, const char *msg)
{
	violation(ctx, "%s", msg);
}

static void rule_slab(struct checker *c)
{
	slab_check(c->m, slab_violation, c);
}

/* Address spaces (check_vm.c): page tables, mapcounts, zero page, page cache, VMAs, TLB. */
static void rule_address_spaces(struct checker *c)
{
	vm_check(c->m, slab_violation, c);
}

/*
 * Kernel virtual memory (vmalloc.c, highmem.c): vmalloc areas sorted,
 * disjoint, with guard holes, their pages mapped exactly once in init_mm;
 * pkmap_count agrees with the pkmap PTEs; the kmap_atomic slots with theirs.
 */
static void rule_kernel_vm(struct checker *c)
{
	vmalloc_check(c->m, slab_violation, c);
	kmap_check(c->m, slab_violation, c);
}

/* Swap (check_swap.c): swap_map counts against the swap PTEs and the swap cache. */
static void rule_swap(struct checker *c)
{
	if (c->m->swap)
		swap_check(c->m, slab_violation, c);
}

/* The LRU lists (check_swap.c): exactly the LRU pages, counts that agree. */
static void rule_lru(struct checker *c)
{
	if (c->m->reclaim)
		lru_check(c->m, slab_violation, c);
}

static void (*const rules[])(struct checker *) = {
	rule_free_lists,
	rule_allocated_and_reserved,
	rule_every_frame_owned,
	rule_slab,
	rule_address_spaces,
	rule_swap,
	rule_lru,
	rule_kernel_vm,
};

unsigned long check_machine(struct machine *m, check_report_fn report, void *ctx,
			    unsigned long limit)
{
	struct checker c = { .m = m, .report = report, .ctx = ctx, .limit = limit };

	c.owner = calloc(m->max_pfn, 1);
	if (!c.owner) {
		violation(&c, "out of host memory for the check");
		return c.found;
	}
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		rules[i](&c);
	free(c.owner);
	return c.found;
}
