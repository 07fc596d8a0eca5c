/*
 * check_swap.c - the invariants of swap and the LRU lists, for the checker.
 *
 *   swap_map     every slot's count equals the swap PTEs naming it, found
 *                by walking every process's page tables; SWAP_HAS_CACHE is
 *                set exactly where the swap cache holds a page, and that
 *                page is PG_swapcache with the slot's entry;
 *                inuse_pages, nr_swap_pages, total_swap_pages, NR_SWAPCACHE
 *                and each mm's MM_SWAPENTS agree with what is found; only
 *                used slots hold bytes
 *   LRU          each list holds only pages whose flags name it, on its
 *                node; list lengths and the zones' nr_zone_* counters
 *                agree; every PG_lru page is on a list, and every user
 *                page (anonymous, swap cache, page cache) is PG_lru
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "filemap.h"
#include "machine.h"
#include "mm_types.h"
#include "pgtable.h"
#include "swapfile.h"
#include "vmscan.h"

struct swapcheck {
	struct machine *m;
	swap_report_fn report;
	void *ctx;
	uint32_t *found[MAX_SWAPFILES];	/* swap PTEs per slot */
	enum pt_level lv[NR_PT_LEVELS];
	int n;
	long swapents;			/* of the mm being walked */
	int pid;
};

/* One violation, reported through the checker's callback (check.h). */
#define bad(c, ...) check_violation((c)->report, (c)->ctx, __VA_ARGS__)

static void swap_pte_found(struct swapcheck *c, pteval_t e)
{
	swp_entry_t s = pte_to_swp_entry(c->m, e);
	const struct swap_info_struct *si = swap_info(c->m, swp_type(s));

	c->swapents++;
	if (!si || swp_offset(s) == 0 || swp_offset(s) >= si->max) {
		bad(c, "pid %d: swap PTE 0x%llx names no slot of an area (type %u offset %lu)",
		    c->pid, (unsigned long long)e, swp_type(s), swp_offset(s));
		return;
	}
	c->found[swp_type(s)][swp_offset(s)]++;
}

/* The user part of one page-table tree (the kernel part holds no swap entries). */
static void walk_user(struct swapcheck *c, unsigned long table, int depth)
{
	const struct arch_profile *a = c->m->arch;
	enum pt_level l = c->lv[depth];
	int end = depth == 0 ? (int)kernel_pgd_boundary(c->m) : a->ptrs[l];

	for (int i = 0; i < end; i++) {
		pteval_t e = pt_get(c->m, table, (unsigned)i);

		if (depth == c->n - 1) {
			if (is_swap_pte(e))
				swap_pte_found(c, e);
			continue;
		}
		if (!pte_present(e) || ((e & _PAGE_PSE) && !(a->levels == 3 && l == PT_PGD)))
			continue;
		walk_user(c, pte_pfn(e), depth + 1);
	}
}

static void check_slot(struct swapcheck *c, const struct swap_info_struct *si,
		       unsigned long off, unsigned long *inuse, unsigned long *cached)
{
	swp_entry_t e = swp_entry((unsigned)si->type, off);
	unsigned char map = si->swap_map[off];
	unsigned count = map ? swap_count(c->m, e) : 0;
	uint32_t pfn = si->cache[off];

	*inuse += map != 0;
	if (count != c->found[si->type][off])
		bad(c, "%s slot %lu: swap_map counts %u references but %u swap PTEs name it",
		    si->name, off, count, c->found[si->type][off]);
	if (!!(map & SWAP_HAS_CACHE) != (pfn != PFN_NONE))
		bad(c, "%s slot %lu: SWAP_HAS_CACHE is %s but the swap cache %s a page", si->name,
		    off, map & SWAP_HAS_CACHE ? "set" : "clear", pfn != PFN_NONE ? "holds" : "has no");
	if (!map && si->data[off])
		bad(c, "%s slot %lu is free but still holds bytes", si->name, off);
	if (pfn == PFN_NONE)
		return;
	(*cached)++;
	if (!pfn_valid(c->m, pfn) || !PageFlag(pfn_to_page(c->m, pfn), PG_swapcache) ||
	    c->m->swap->page_entry[pfn] != swp_entry_pack(e) ||
	    pfn_to_page(c->m, pfn)->_refcount < 1)
		bad(c, "%s slot %lu: its swap-cache page pfn 0x%x does not point back at it",
		    si->name, off, pfn);
}

static void check_area(struct swapcheck *c, const struct swap_info_struct *si, long *nfree,
		       long *total)
{
	unsigned long inuse = 0, cached = 0;

	if (si->swap_map[0] != SWAP_MAP_BAD)
		bad(c, "%s: slot 0 (the header) is not SWAP_MAP_BAD", si->name);
	for (unsigned long off = 1; off < si->max; off++)
		check_slot(c, si, off, &inuse, &cached);
	if (inuse != si->inuse_pages || cached != si->nr_cached)
		bad(c, "%s: inuse_pages %lu and %lu cached, but %lu slots are used and %lu cached",
		    si->name, si->inuse_pages, si->nr_cached, inuse, cached);
	if (si->flags & SWP_WRITEOK) {
		*nfree += (long)(si->pages - inuse);
		*total += (long)si->pages;
	}
}

/* Every PG_swapcache page is the cache page of its slot; NR_SWAPCACHE per node. */
static void check_swapcache_pages(struct swapcheck *c)
{
	struct machine *m = c->m;
	long *per_node = calloc((size_t)m->nr_nodes, sizeof(long));

	if (!per_node)
		return;
	for (unsigned long pfn = 0; pfn < m->max_pfn; pfn++) {
		const struct page *p = pfn_to_page(m, pfn);
		swp_entry_t e;

		if (!PageFlag(p, PG_swapcache))
			continue;
		e = page_swap_entry(m, pfn);
		per_node[pfn_zoneid(m, pfn) / MAX_NR_ZONES]++;
		if (lookup_swap_cache(m, e) != (long)pfn)
			bad(c, "pfn 0x%lx is PG_swapcache for (%u, %lu) but that slot does not hold it",
			    pfn, swp_type(e), swp_offset(e));
	}
	for (int nid = 0; nid < m->nr_nodes; nid++)
		if (per_node[nid] != (long)swapcache_pages(m, nid))
			bad(c, "node %d: NR_SWAPCACHE is %lu but %ld pages are in the swap cache", nid,
			    swapcache_pages(m, nid), per_node[nid]);
	free(per_node);
}

static void walk_tasks(struct swapcheck *c)
{
	c->n = pt_hw_levels(c->m->arch, c->lv);
	for (struct task_struct *t = c->m->tasks; t; t = t->next) {
		c->swapents = 0;
		c->pid = t->pid;
		walk_user(c, t->mm->pgd, 0);
		if (c->swapents != t->mm->rss_stat[MM_SWAPENTS])
			bad(c, "pid %d: MM_SWAPENTS is %ld but its page tables hold %ld swap entries",
			    t->pid, t->mm->rss_stat[MM_SWAPENTS], c->swapents);
	}
}

void swap_check(struct machine *m, swap_report_fn report, void *ctx)
{
	struct swapcheck c = { .m = m, .report = report, .ctx = ctx };
	long nfree = 0, total = 0;

	for (int i = 0; i < MAX_SWAPFILES; i++)
		if (m->swap->info[i] &&
		    !(c.found[i] = calloc(m->swap->info[i]->max, sizeof(uint32_t))))
			goto out;
	walk_tasks(&c);
	for (int i = 0; i < MAX_SWAPFILES; i++)
		if (m->swap->info[i])
			check_area(&c, m->swap->info[i], &nfree, &total);
	if (nfree != nr_swap_pages(m) || total != total_swap_pages(m))
		bad(&c, "nr_swap_pages %ld and total_swap_pages %ld, but the areas have %ld free of "
		    "%ld", nr_swap_pages(m), total_swap_pages(m), nfree, total);
	check_swapcache_pages(&c);
out:
	for (int i = 0; i < MAX_SWAPFILES; i++)
		free(c.found[i]);
}

/* ---- the LRU lists -------------------------------------------------------------------- */

struct lrucheck {
	struct machine *m;
	swap_report_fn report;
	void *ctx;
	unsigned char *seen;		/* [max_pfn] */
	long *zone_count;		/* [zone id][NR_LRU_LISTS] */
};

__attribute__((format(printf, 2, 3)))
static void lbad(struct lrucheck *c, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	c->report(c->ctx, buf);
}

static void check_list(struct lrucheck *c, int nid, enum lru_list l)
{
	struct machine *m = c->m;
	const struct pfn_list *list = &node_lruvec(m, nid)->lists[l];
	unsigned long n = 0;

	for (uint32_t pfn = list->first; pfn != PFN_NONE; pfn = m->mem_map[pfn].lru_next) {
		const struct page *p = pfn_to_page(m, pfn);
		unsigned zid = pfn_zoneid(m, pfn);

		if (++n > m->max_pfn || c->seen[pfn]++) {
			lbad(c, "node %d %s list loops or shares pfn 0x%x", nid, lru_name(l), pfn);
			return;
		}
		if (!PageFlag(p, PG_lru) || folio_lru_list(p) != l || p->_refcount < 1 ||
		    (int)(zid / MAX_NR_ZONES) != nid)
			lbad(c, "pfn 0x%x is on node %d's %s list but its flags, count or node say "
			     "otherwise", pfn, nid, lru_name(l));
		c->zone_count[zid * NR_LRU_LISTS + l]++;
	}
	if (n != list->count)
		lbad(c, "node %d %s list: count %lu but %lu pages on it", nid, lru_name(l),
		     list->count, n);
}

static void check_zone_counters(struct lrucheck *c)
{
	const struct zone *z;

	for_each_populated_zone(c->m, z)
		for (int l = 0; l < NR_LRU_LISTS; l++)
			if (zone_page_state(z, NR_ZONE_LRU_BASE + l) !=
			    c->zone_count[z->id * NR_LRU_LISTS + (unsigned)l])
				lbad(c, "zone %s node %d: nr_zone_%s is %ld but %ld pages are on the "
				     "list", zone_name(z->type), z->zone_pgdat->node_id,
				     lru_name((enum lru_list)l), zone_page_state(z, NR_ZONE_LRU_BASE + l),
				     c->zone_count[z->id * NR_LRU_LISTS + (unsigned)l]);
}

/* Which pages must be on the LRU: anonymous, swap cache, page cache. */
static void check_lru_pages(struct lrucheck *c)
{
	struct machine *m = c->m;

	for (const struct sim_file *f = m->files->head; f; f = f->next)
		for (unsigned long i = 0; i < f->nr_pages; i++)
			if (f->cache[i] != PFN_NONE && !PageFlag(pfn_to_page(m, f->cache[i]), PG_lru))
				lbad(c, "%s: cached page %lu (pfn 0x%x) is on no LRU list", f->name, i,
				     f->cache[i]);
	for (unsigned long pfn = 0; pfn < m->max_pfn; pfn++) {
		const struct page *p = pfn_to_page(m, pfn);
		bool lru = PageFlag(p, PG_lru);

		if (lru && !c->seen[pfn])
			lbad(c, "pfn 0x%lx is PG_lru but on no list", pfn);
		if (!lru && p->_refcount > 0 && (PageFlag(p, PG_anon) || PageFlag(p, PG_swapcache)))
			lbad(c, "pfn 0x%lx is an anonymous or swap-cache page on no LRU list", pfn);
	}
}

void lru_check(struct machine *m, void (*report)(void *ctx, const char *msg), void *ctx)
{
	struct lrucheck c = { .m = m, .report = report, .ctx = ctx };
	size_t zones = (size_t)m->nr_nodes * MAX_NR_ZONES;

	c.seen = calloc(m->max_pfn, 1);
	c.zone_count = calloc(zones * NR_LRU_LISTS, sizeof(long));
	if (c.seen && c.zone_count) {
		for (int nid = 0; nid < m->nr_nodes; nid++)
			for (int l = 0; l < NR_LRU_LISTS; l++)
				check_list(&c, nid, (enum lru_list)l);
		check_zone_counters(&c);
		check_lru_pages(&c);
	}
	free(c.seen);
	free(c.zone_count);
}
