/*
 * swap.c - the LRU lists: adding, removing and moving pages, and
 * folio_mark_accessed(), as mm/swap.c does them.
 *
 * A page's list follows from its flags, so flags change only while the
 * page is off the lists:
 *
 *   PG_unevictable                 -> unevictable
 *   PG_swapbacked (anon, shmem)    -> inactive_anon, or active_anon with PG_active
 *   otherwise (page cache)         -> inactive_file, or active_file with PG_active
 *
 * Each zone counts its pages per list (nr_zone_inactive_anon, ...), and a
 * node's lists hold exactly the pages those counters add up to; meminfo's
 * Active, Inactive and their parts are these counts.
 */
#include <errno.h>
#include <stdlib.h>
#include "machine.h"
#include "mm_types.h"
#include "vmscan.h"

static const char *const lru_names[NR_LRU_LISTS] = {
	"inactive_anon", "active_anon", "inactive_file", "active_file", "unevictable",
};

const char *lru_name(enum lru_list l)
{
	return l < NR_LRU_LISTS ? lru_names[l] : "?";
}

int vmscan_init(struct machine *m)
{
	struct reclaim_state *r = calloc(1, sizeof(*r));

	if (!r)
		return -ENOMEM;
	m->reclaim = r;
	r->lruvec = calloc((size_t)m->nr_nodes, sizeof(*r->lruvec));
	r->kswapd = calloc((size_t)m->nr_nodes, sizeof(*r->kswapd));
	if (!r->lruvec || !r->kswapd)
		return -ENOMEM;
	for (int nid = 0; nid < m->nr_nodes; nid++)
		for (int l = 0; l < NR_LRU_LISTS; l++)
			pfn_list_init(&r->lruvec[nid].lists[l]);
	r->policy = policy_is_live((enum reclaim_policy)m->cfg.policy) ?
		    (enum reclaim_policy)m->cfg.policy : POLICY_LINUX;
	r->swappiness = 60;
	return 0;
}

void vmscan_destroy(struct machine *m)
{
	if (!m->reclaim)
		return;
	free(m->reclaim->lruvec);
	free(m->reclaim->kswapd);
	free(m->reclaim);
	m->reclaim = NULL;
}

struct lruvec *node_lruvec(const struct machine *m, int nid)
{
	return &m->reclaim->lruvec[nid];
}

enum lru_list folio_lru_list(const struct page *p)
{
	enum lru_list l;

	if (PageFlag(p, PG_unevictable))
		return LRU_UNEVICTABLE;
	l = PageFlag(p, PG_swapbacked) ? LRU_INACTIVE_ANON : LRU_INACTIVE_FILE;
	return PageFlag(p, PG_active) ? l + 1 : l;
}

/* lruvec_add_folio(): onto the head (or tail) of the list its flags name. */
void lru_add(struct machine *m, unsigned long pfn, bool tail)
{
	struct page *p = pfn_to_page(m, pfn);
	unsigned id = pfn_zoneid(m, pfn);
	struct zone *z = zone_by_id(m, id);
	enum lru_list l = folio_lru_list(p);
	struct pfn_list *list = &node_lruvec(m, (int)(id / MAX_NR_ZONES))->lists[l];

	MM_BUG_ON(PageFlag(p, PG_lru), m, pfn);
	if (tail)
		pfn_list_add_tail(m->mem_map, list, (uint32_t)pfn);
	else
		pfn_list_add_head(m->mem_map, list, (uint32_t)pfn);
	SetPageFlag(p, PG_lru);
	z->vm_stat[NR_ZONE_LRU_BASE + l]++;
}

/* lruvec_del_folio(): off its list; the caller may change its flags now. */
void lru_remove(struct machine *m, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);
	struct zone *z = page_zone(m, p);
	enum lru_list l = folio_lru_list(p);

	MM_BUG_ON(!PageFlag(p, PG_lru), m, pfn);
	pfn_list_del(m->mem_map, &node_lruvec(m, z->zone_pgdat->node_id)->lists[l], (uint32_t)pfn);
	ClearPageFlag(p, PG_lru);
	z->vm_stat[NR_ZONE_LRU_BASE + l]--;
}

void lru_cache_add(struct machine *m, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);

	ClearPageFlag(p, PG_active);
	ClearPageFlag(p, PG_unevictable);
	lru_add(m, pfn, false);
}

void lru_cache_add_vma(struct machine *m, unsigned long pfn, const struct vm_area_struct *vma)
{
	struct page *p = pfn_to_page(m, pfn);

	ClearPageFlag(p, PG_active);
	if (vma->vm_flags & VM_LOCKED)
		SetPageFlag(p, PG_unevictable);
	else
		ClearPageFlag(p, PG_unevictable);
	lru_add(m, pfn, false);
}

void lru_del(struct machine *m, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);

	if (PageFlag(p, PG_lru))
		lru_remove(m, pfn);
	ClearPageFlag(p, PG_active);
	ClearPageFlag(p, PG_unevictable);
}

/* folio_activate(): an inactive page on the LRU moves to its active list. */
static void folio_activate(struct machine *m, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);

	lru_remove(m, pfn);
	SetPageFlag(p, PG_active);
	lru_add(m, pfn, false);
	count_vm_event(m, PGACTIVATE);
	event_emit(m, .type = EV_MM_LRU_ACTIVATE, .pfn = pfn, .zone = page_zone(m, p));
}

void folio_mark_accessed(struct machine *m, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);

	if (m->reclaim->policy == POLICY_LRU) {
		lru_note_access(m, pfn);
		return;
	}
	if (!PageFlag(p, PG_referenced) || m->reclaim->policy != POLICY_LINUX) {
		SetPageFlag(p, PG_referenced);
	} else if (!PageFlag(p, PG_unevictable) && !PageFlag(p, PG_active)) {
		if (PageFlag(p, PG_lru))
			folio_activate(m, pfn);
		ClearPageFlag(p, PG_referenced);
	}
}

void lru_note_access(struct machine *m, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);
	struct zone *z;

	if (!PageFlag(p, PG_lru))
		return;
	z = page_zone(m, p);
	lru_list_move_head(m->mem_map,
			   &node_lruvec(m, z->zone_pgdat->node_id)->lists[folio_lru_list(p)],
			   (uint32_t)pfn);
}

/* Moves every page of an active list to the head of the inactive one, in order. */
static void deactivate_all(struct machine *m, int nid, enum lru_list active)
{
	struct pfn_list *l = &node_lruvec(m, nid)->lists[active];

	while (l->last != PFN_NONE) {
		unsigned long pfn = l->last;

		lru_remove(m, pfn);
		ClearPageFlag(pfn_to_page(m, pfn), PG_active);
		lru_add(m, pfn, false);
		count_vm_event(m, PGDEACTIVATE);
	}
}

int set_reclaim_policy(struct machine *m, enum reclaim_policy p)
{
	if (p >= NR_POLICIES || !policy_is_live(p))
		return mm_err(m, -EINVAL, "%s is for replay only: the live machine takes linux, "
			      "fifo, lru or clock", policy_name(p));
	if (m->reclaim->policy == POLICY_LINUX && p != POLICY_LINUX)
		for (int nid = 0; nid < m->nr_nodes; nid++) {
			deactivate_all(m, nid, LRU_ACTIVE_ANON);
			deactivate_all(m, nid, LRU_ACTIVE_FILE);
		}
	m->reclaim->policy = p;
	return 0;
}
