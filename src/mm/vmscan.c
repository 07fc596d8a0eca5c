/*
 * vmscan.c - page reclaim: shrink_node(), kswapd, direct reclaim, and the
 * reclaim commands.
 *
 * One pass of reclaim over a node, as shrink_node() makes it:
 *
 *   get_scan_count()   how many pages of each list to look at this pass:
 *                      lru_size >> priority, split between anon and file by
 *                      swappiness (60 : 140), file only without swap, only
 *                      file while the inactive file list is big enough
 *   shrink_list()      32 pages at a time (SWAP_CLUSTER_MAX):
 *     inactive list    shrink_inactive_list(): take them off the tail, ask
 *                      the policy about each (second chance, activate, or
 *                      evict), evict what it gives up, put back the rest
 *     active list      shrink_active_list(), only while inactive_is_low():
 *                      demote pages to the inactive head
 *
 * Priority starts at DEF_PRIORITY (12) and drops when a pass frees too
 * little, so each pass looks at twice as many pages as the one before.
 *
 * Evicting an anonymous page (reclaim_folio):
 *
 *   add_to_swap      slot (0, 7) of /dev/sda2, the page in the swap cache
 *   try_to_unmap     every PTE that maps it, in every process (rmap_walk),
 *                    becomes the swap entry (0, 7); swap_map[7] counts them
 *   pageout          dirty (it always is the first time): written to slot 7
 *   __remove_mapping out of the swap cache: the frame is free
 *
 * A page still in the swap cache from an earlier swap-in, and not written
 * since, is dropped without a write: its slot still holds its bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include "filemap.h"
#include "machine.h"
#include "mm_types.h"
#include "mmap.h"
#include "page_alloc.h"
#include "rmap.h"
#include "sched.h"
#include "swapfile.h"
#include "tlb.h"
#include "vmscan.h"

struct scan_control {
	unsigned long nr_to_reclaim;
	unsigned long nr_reclaimed;
	unsigned long nr_scanned;
	int priority;
	int nid;
	enum zone_type reclaim_idx;	/* pages of higher zones are skipped */
	bool kswapd;			/* counted as kswapd's, else direct */
	bool may_swap;			/* anonymous pages may go */
	bool anon_only;			/* swapout N */
	bool deactivate_anon, deactivate_file, cache_trim_mode, file_is_tiny;
	struct mm_struct *mm;		/* only pages this mm maps (swapout PID N) */
	struct reclaim_stat *st;
};

/* ---- references: the A bits of the PTEs that map a page ------------------------------ */

struct young {
	int young;
	unsigned long vm_flags;
};

/* ptep_clear_young_notify(): x86 clears A without a TLB flush, as Linux does. */
static void referenced_one(struct machine *m, struct mm_struct *mm, struct vm_area_struct *vma,
			   unsigned long addr, unsigned long table, unsigned idx, void *ctx)
{
	struct young *y = ctx;
	pteval_t e = pt_get(m, table, idx);

	(void)mm;
	(void)addr;
	y->vm_flags |= vma->vm_flags;
	if (!(e & _PAGE_ACCESSED))
		return;
	y->young++;
	pt_set(m, table, idx, e & ~(pteval_t)_PAGE_ACCESSED);
}

struct live_refs {
	struct machine *m;
	int young;			/* what the last call found, for the events */
};

/* folio_referenced(): the page_refs callback of the live machine. */
static int folio_referenced(void *ctx, uint32_t pfn, unsigned long *vm_flags)
{
	struct live_refs *lr = ctx;
	struct young y = { 0, 0 };

	rmap_walk(lr->m, pfn, referenced_one, &y);
	*vm_flags = y.vm_flags;
	lr->young = y.young;
	return y.young;
}

/* ---- evicting one page ------------------------------------------------------------------ */

/* More references than its mappings and caches explain: someone holds it. */
static bool page_pinned(const struct page *p)
{
	int expected = page_mapcount(p) + PageFlag(p, PG_swapcache) +
		       (!PageFlag(p, PG_anon) && p->mapping ? 1 : 0);

	return p->_refcount > expected;
}

struct unmap {
	unsigned long pfn;
	swp_entry_t entry;		/* anonymous: what each PTE becomes */
	bool anon, dirty;
};

/* try_to_unmap_one(): one PTE gives the page up. */
static void unmap_one(struct machine *m, struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long addr, unsigned long table, unsigned idx, void *ctx)
{
	struct unmap *u = ctx;
	pteval_t e = pt_get(m, table, idx), now = 0;

	if (e & _PAGE_DIRTY)
		u->dirty = true;
	if (u->anon) {
		now = swp_entry_to_pte(m, u->entry);
		swap_duplicate(m, u->entry);
		mm->rss_stat[MM_ANONPAGES]--;
		mm->rss_stat[MM_SWAPENTS]++;
	} else {
		mm->rss_stat[vma->vm_file && vma->vm_file->shmem ? MM_SHMEMPAGES : MM_FILEPAGES]--;
	}
	pt_set(m, table, idx, now);
	flush_tlb_page(m, mm, addr);
	event_emit(m, .type = EV_TRY_TO_UNMAP_ONE, .pfn = u->pfn, .val = addr,
		   .val2 = (unsigned long)(mm_owner(m, mm) ? mm_owner(m, mm)->pid : 0), .val3 = now,
		   .ok = u->anon);
	page_remove_rmap(m, u->pfn);
}

/* try_to_unmap(): every mapping of the page goes; returns whether a PTE was dirty. */
static bool try_to_unmap(struct machine *m, unsigned long pfn, bool anon)
{
	struct unmap u = { .pfn = pfn, .anon = anon };

	if (anon)
		u.entry = page_swap_entry(m, pfn);
	rmap_walk(m, pfn, unmap_one, &u);
	return u.dirty;
}

/* Anonymous: swap slot, unmap, write if dirty, out of the swap cache (freed). */
static int reclaim_anon(struct machine *m, unsigned long pfn, struct reclaim_stat *st)
{
	struct page *p = pfn_to_page(m, pfn);
	swp_entry_t e;

	if (!PageFlag(p, PG_swapcache)) {
		if (add_to_swap(m, pfn) < 0)
			return SV_SWAP_FULL;
		e = page_swap_entry(m, pfn);
		event_emit(m, .type = EV_ADD_TO_SWAP, .pfn = pfn, .val = swp_type(e),
			   .val2 = swp_offset(e));
	}
	e = page_swap_entry(m, pfn);
	if (try_to_unmap(m, pfn, true))
		SetPageFlag(p, PG_dirty);
	if (PageFlag(p, PG_dirty)) {
		event_emit(m, .type = EV_MM_VMSCAN_WRITEPAGE, .pfn = pfn, .val = swp_type(e),
			   .val2 = swp_offset(e), .ok = true, .zone = page_zone(m, p));
		swap_writepage(m, pfn);
		st->swapped++;
	} else {
		event_emit(m, .type = EV_SHRINK_FOLIO, .pfn = pfn, .val = SV_CLEAN_SWAPCACHE,
			   .val2 = swp_type(e), .val3 = swp_offset(e), .zone = page_zone(m, p));
		st->swap_clean++;
	}
	delete_from_swap_cache(m, pfn);
	return SV_RECLAIMED;
}

/* Page cache: unmap, write back if dirty (unless only clean ones may go), drop. */
static int reclaim_file(struct machine *m, unsigned long pfn, bool clean_only,
			struct reclaim_stat *st)
{
	struct page *p = pfn_to_page(m, pfn);

	if (try_to_unmap(m, pfn, false))
		filemap_set_dirty(m, pfn);
	if (PageFlag(p, PG_dirty)) {
		if (clean_only)
			return SV_KEEP_DIRTY;
		event_emit(m, .type = EV_MM_VMSCAN_WRITEPAGE, .pfn = pfn, .ok = false,
			   .zone = page_zone(m, p));
		filemap_writeback(m, pfn);
		st->file_written++;
	} else {
		st->file_dropped++;
	}
	remove_mapping(m, pfn);
	return SV_RECLAIMED;
}

/* Why reclaim must keep a page whatever its kind, or 0. */
static int folio_stays(struct machine *m, unsigned long pfn)
{
	const struct page *p = pfn_to_page(m, pfn);

	if (PageFlag(p, PG_unevictable))
		return SV_UNEVICTABLE;
	if (page_pinned(p))
		return SV_PINNED;
	if (rmap_walk(m, pfn, NULL, NULL) != page_mapcount(p))
		return SV_UNREACHABLE;
	return 0;
}

/*
 * shrink_folio_list()'s work for one page that the policy gave up.
 * Returns SV_RECLAIMED (the frame is free) or why it stays.
 */
static int reclaim_folio(struct machine *m, unsigned long pfn, bool clean_only,
			 struct reclaim_stat *st)
{
	struct page *p = pfn_to_page(m, pfn);
	int stays = folio_stays(m, pfn);

	if (stays)
		return stays;
	if (PageFlag(p, PG_anon))
		return reclaim_anon(m, pfn, st);
	if (PageFlag(p, PG_swapbacked))
		return SV_SHMEM;
	return reclaim_file(m, pfn, clean_only, st);
}

static const char *const verdict_why[NR_SHRINK_VERDICTS] = {
	[SV_SWAP_FULL] = "no free swap slot",
	[SV_PINNED] = "the page is in use (an extra reference is held)",
	[SV_UNREACHABLE] = "a mapping of the page is not reachable through the reverse map",
	[SV_SHMEM] = "shared memory pages are not swapped by the model",
	[SV_UNEVICTABLE] = "the page is unevictable (mlocked)",
	[SV_KEEP_DIRTY] = "a referenced dirty file page is kept",
};

/* ---- shrink_inactive_list / shrink_active_list ------------------------------------------ */

static bool page_in_mm(struct machine *m, unsigned long pfn, struct mm_struct *mm);


/*
 * isolate_lru_folios(): up to nr pages off the victim end of list l, into
 * out[].  Pages of zones above reclaim_idx are skipped and, as the kernel
 * does, put back at the head (so the next batch does not look at them
 * again); pages other mms map (swapout PID N) are passed over in place.
 * Returns how many were taken; *scanned counts the pages taken.
 */
static unsigned long isolate_lru_folios(struct machine *m, struct pfn_list *l, unsigned long nr,
					const struct scan_control *sc, uint32_t *out,
					unsigned long *scanned)
{
	enum reclaim_policy pol = m->reclaim->policy;
	uint32_t pfn = policy_candidate(pol, l);
	struct pfn_list skipped;
	unsigned long n = 0;

	pfn_list_init(&skipped);
	while (n < nr && pfn != PFN_NONE) {
		const struct page *p = pfn_to_page(m, pfn);
		uint32_t next = pol == POLICY_MRU ? p->lru_next : p->lru_prev;

		if (pfn_zone(m, pfn)->type > sc->reclaim_idx) {
			pfn_list_del(m->mem_map, l, pfn);	/* still PG_lru, still counted */
			pfn_list_add_head(m->mem_map, &skipped, pfn);
		} else if (!sc->mm || page_in_mm(m, pfn, sc->mm)) {
			lru_remove(m, pfn);
			out[n++] = pfn;
		}
		pfn = next;
	}
	while (skipped.last != PFN_NONE) {		/* list_splice(&folios_skipped, src) */
		uint32_t s = skipped.last;

		pfn_list_del(m->mem_map, &skipped, s);
		pfn_list_add_head(m->mem_map, l, s);
	}
	*scanned = n;
	return n;
}

/*
 * What a command's summary counts a page as.  A command may look at a
 * page more than once (swapout N makes up to SWAPOUT_PASSES passes): with
 * st->outcome set, only the page's latest outcome counts, so that each
 * page is counted once.
 */
enum { OUT_NONE, OUT_KEPT, OUT_ACTIVATED, OUT_FAILED };

static unsigned long *outcome_counter(struct reclaim_stat *st, int o)
{
	return o == OUT_KEPT ? &st->kept : o == OUT_ACTIVATED ? &st->activated : &st->failed;
}

static void note_outcome(struct reclaim_stat *st, unsigned long pfn, int o)
{
	uint8_t *was = st->outcome ? &st->outcome[pfn] : NULL;

	if (was && *was)
		(*outcome_counter(st, *was))--;
	if (o != OUT_NONE)
		(*outcome_counter(st, o))++;
	if (was)
		*was = (uint8_t)o;
}

/*
 * Puts an isolated page back where its verdict sends it.  Under linux a
 * page that could not go is activated too (activate_locked), but the
 * summary counts it once, as a page that could not go.
 */
static void putback(struct machine *m, unsigned long pfn, int verdict, struct reclaim_stat *st)
{
	struct page *p = pfn_to_page(m, pfn);
	int o = verdict == SV_ACTIVATE ? OUT_ACTIVATED : verdict == SV_KEEP ? OUT_KEPT : OUT_FAILED;

	if (verdict == SV_ACTIVATE || ((verdict == SV_SWAP_FULL || verdict == SV_UNREACHABLE ||
	    verdict == SV_SHMEM) && m->reclaim->policy == POLICY_LINUX)) {
		SetPageFlag(p, PG_active);
		count_vm_event(m, PGACTIVATE);
	}
	if (o == OUT_FAILED)
		st->why = verdict_why[verdict];
	note_outcome(st, pfn, o);
	lru_add(m, pfn, false);
}

/* One page at the victim end: the policy's verdict, then eviction if it says so. */
static int shrink_folio(struct machine *m, unsigned long pfn, bool file, struct scan_control *sc)
{
	struct live_refs lr = { .m = m };
	struct page_refs refs = { folio_referenced, &lr };
	const struct page *p = pfn_to_page(m, pfn);
	unsigned flags = p->flags;
	enum page_references r = policy_check(m->reclaim->policy, m->mem_map, (uint32_t)pfn,
					      file, &refs);
	int v = r == PAGEREF_KEEP ? SV_KEEP : r == PAGEREF_ACTIVATE ? SV_ACTIVATE : SV_EVICT;

	event_emit(m, .type = EV_SHRINK_FOLIO, .pfn = pfn, .val = (unsigned long)v,
		   .val2 = (unsigned long)lr.young, .val3 = flags, .ok = file,
		   .gfp = m->reclaim->policy, .zone = page_zone(m, p));
	if (v != SV_EVICT)
		return v;
	v = reclaim_folio(m, pfn, r == PAGEREF_RECLAIM_CLEAN, sc->st);
	if (v != SV_RECLAIMED)
		event_emit(m, .type = EV_SHRINK_FOLIO, .pfn = pfn, .val = (unsigned long)v,
			   .ok = file, .gfp = m->reclaim->policy, .zone = page_zone(m, p));
	return v;
}

static void count_scan(struct machine *m, const struct scan_control *sc, bool file,
		       unsigned long scanned, unsigned long reclaimed)
{
	m->vm_events[sc->kswapd ? PGSCAN_KSWAPD : PGSCAN_DIRECT] += scanned;
	m->vm_events[file ? PGSCAN_FILE : PGSCAN_ANON] += scanned;
	m->vm_events[sc->kswapd ? PGSTEAL_KSWAPD : PGSTEAL_DIRECT] += reclaimed;
	m->vm_events[file ? PGSTEAL_FILE : PGSTEAL_ANON] += reclaimed;
}

static unsigned long shrink_inactive_list(struct machine *m, enum lru_list lru,
					  unsigned long nr, struct scan_control *sc)
{
	struct pfn_list *l = &node_lruvec(m, sc->nid)->lists[lru];
	struct shrink_inactive_record rec = { .nid = sc->nid, .priority = sc->priority,
					      .file = is_file_lru(lru) };
	uint32_t batch[SWAP_CLUSTER_MAX];
	unsigned long n, scanned;

	n = isolate_lru_folios(m, l, nr, sc, batch, &scanned);
	event_emit(m, .type = EV_MM_VMSCAN_LRU_ISOLATE, .order = lru, .val = nr, .val2 = scanned,
		   .val3 = n, .zone = &m->node_data[sc->nid].node_zones[sc->reclaim_idx]);
	for (unsigned long i = 0; i < n; i++) {
		int v = shrink_folio(m, batch[i], rec.file, sc);

		if (v == SV_RECLAIMED) {
			note_outcome(sc->st, batch[i], OUT_NONE);
			rec.nr_reclaimed++;
			continue;
		}
		rec.nr_activate += v == SV_ACTIVATE;
		rec.nr_ref_keep += v == SV_KEEP;
		rec.nr_unmap_fail += v == SV_UNREACHABLE;
		rec.nr_dirty += v == SV_KEEP_DIRTY;
		putback(m, batch[i], v, sc->st);
	}
	rec.nr_scanned = scanned;
	count_scan(m, sc, rec.file, scanned, rec.nr_reclaimed);
	sc->nr_scanned += scanned;
	sc->st->scanned += scanned;
	sc->st->reclaimed += rec.nr_reclaimed;
	event_emit(m, .type = EV_MM_VMSCAN_LRU_SHRINK_INACTIVE, .val = rec.nr_scanned,
		   .val2 = rec.nr_reclaimed, .data = &rec);
	return rec.nr_reclaimed;
}

/* Returns how many pages it took off the active list. */
static unsigned long shrink_active_list(struct machine *m, enum lru_list lru, unsigned long nr,
					struct scan_control *sc)
{
	struct lruvec *lv = node_lruvec(m, sc->nid);
	struct live_refs lr = { .m = m };
	struct page_refs refs = { folio_referenced, &lr };
	struct shrink_active_record rec = { .nid = sc->nid, .priority = sc->priority,
					    .file = is_file_lru(lru) };
	uint32_t batch[SWAP_CLUSTER_MAX];
	unsigned long scanned;

	rec.nr_taken = isolate_lru_folios(m, &lv->lists[lru], nr, sc, batch, &scanned);
	m->vm_events[PGREFILL] += scanned;
	for (unsigned long i = 0; i < rec.nr_taken; i++) {
		bool stays = active_page_stays(m->mem_map, batch[i], rec.file, &refs);

		rec.nr_referenced += lr.young > 0;
		if (stays)
			rec.nr_active++;
		else
			rec.nr_deactivated++;
		event_emit(m, .type = EV_SHRINK_FOLIO, .pfn = batch[i],
			   .val = stays ? SV_STAYS_ACTIVE : SV_DEACTIVATE, .val2 = (unsigned long)lr.young,
			   .ok = rec.file, .gfp = POLICY_LINUX, .zone = pfn_zone(m, batch[i]));
		lru_add(m, batch[i], false);
	}
	m->vm_events[PGDEACTIVATE] += rec.nr_deactivated;
	event_emit(m, .type = EV_MM_VMSCAN_LRU_SHRINK_ACTIVE, .val = rec.nr_taken,
		   .val2 = rec.nr_deactivated, .data = &rec);
	return rec.nr_taken;
}

/* ---- how much to scan: get_scan_count ----------------------------------------------------- */

/* Pages of list l on the node in zones up to reclaim_idx (lruvec_lru_size()). */
static unsigned long lru_size(const struct machine *m, int nid, enum lru_list l,
			      enum zone_type idx)
{
	unsigned long n = 0;

	for (int t = 0; t <= (int)idx; t++) {
		long v = m->node_data[nid].node_zones[t].vm_stat[NR_ZONE_LRU_BASE + l];

		n += v > 0 ? (unsigned long)v : 0;
	}
	return n;
}

static bool can_reclaim_anon(const struct machine *m, const struct scan_control *sc)
{
	return sc->may_swap && nr_swap_pages(m) > 0;
}

/* prepare_scan_count(): which active lists to age, cache trim mode, tiny file cache. */
static void prepare_scan_count(struct machine *m, struct scan_control *sc)
{
	int nid = sc->nid;
	enum zone_type idx = sc->reclaim_idx;
	unsigned long ifile = lru_size(m, nid, LRU_INACTIVE_FILE, idx), free = 0, high = 0;
	unsigned long file = ifile + lru_size(m, nid, LRU_ACTIVE_FILE, idx);

	sc->deactivate_anon = inactive_is_low(lru_size(m, nid, LRU_INACTIVE_ANON, idx),
					      lru_size(m, nid, LRU_ACTIVE_ANON, idx));
	sc->deactivate_file = inactive_is_low(ifile, lru_size(m, nid, LRU_ACTIVE_FILE, idx));
	sc->cache_trim_mode = (ifile >> sc->priority) && !sc->deactivate_file;
	for (int t = 0; t <= (int)idx; t++) {
		const struct zone *z = &m->node_data[nid].node_zones[t];

		free += (unsigned long)zone_page_state(z, NR_FREE_PAGES);
		high += high_wmark_pages(z);
	}
	sc->file_is_tiny = file + free <= high && !sc->deactivate_anon &&
			   (lru_size(m, nid, LRU_INACTIVE_ANON, idx) >> sc->priority);
}

enum scan_balance { SCAN_EQUAL, SCAN_FRACT, SCAN_ANON, SCAN_FILE };

static enum scan_balance scan_balance(const struct machine *m, const struct scan_control *sc)
{
	if (sc->anon_only)
		return SCAN_ANON;
	if (!can_reclaim_anon(m, sc))
		return SCAN_FILE;
	if (sc->file_is_tiny)
		return SCAN_ANON;
	if (sc->cache_trim_mode)
		return SCAN_FILE;
	return SCAN_FRACT;
}

/* get_scan_count(): lru_size >> priority, split anon : file = swappiness : 200 - swappiness. */
static void get_scan_count(struct machine *m, struct scan_control *sc, unsigned long *nr)
{
	enum scan_balance b = scan_balance(m, sc);
	unsigned long ap = (unsigned long)m->reclaim->swappiness, fp = 200 - ap;

	for (int l = 0; l < NR_EVICTABLE_LRU; l++) {
		bool file = is_file_lru((enum lru_list)l);
		unsigned long scan = lru_size(m, sc->nid, (enum lru_list)l, sc->reclaim_idx) >>
				     sc->priority;

		if (b == SCAN_FRACT)
			scan = scan * (file ? fp : ap) / (ap + fp);
		else if ((b == SCAN_FILE && !file) || (b == SCAN_ANON && file))
			scan = 0;
		nr[l] = scan;
	}
}

static unsigned long shrink_list(struct machine *m, enum lru_list lru, unsigned long nr,
				 struct scan_control *sc)
{
	if (is_active_lru(lru)) {
		if (is_file_lru(lru) ? sc->deactivate_file : sc->deactivate_anon)
			shrink_active_list(m, lru, nr, sc);
		return 0;
	}
	return shrink_inactive_list(m, lru, nr, sc);
}

/* shrink_lruvec(): the passes of 32 pages per list until the counts are used up. */
static void shrink_lruvec(struct machine *m, struct scan_control *sc)
{
	unsigned long nr[NR_EVICTABLE_LRU];

	get_scan_count(m, sc, nr);
	while (nr[LRU_INACTIVE_ANON] || nr[LRU_ACTIVE_FILE] || nr[LRU_INACTIVE_FILE]) {
		for (int l = 0; l < NR_EVICTABLE_LRU; l++) {
			unsigned long n = nr[l] < SWAP_CLUSTER_MAX ? nr[l] : SWAP_CLUSTER_MAX;

			if (!n)
				continue;
			nr[l] -= n;
			sc->nr_reclaimed += shrink_list(m, (enum lru_list)l, n, sc);
		}
		if (sc->nr_reclaimed >= sc->nr_to_reclaim)
			break;
	}
	if (can_reclaim_anon(m, sc) && inactive_is_low(
	    lru_size(m, sc->nid, LRU_INACTIVE_ANON, sc->reclaim_idx),
	    lru_size(m, sc->nid, LRU_ACTIVE_ANON, sc->reclaim_idx)))
		shrink_active_list(m, LRU_ACTIVE_ANON, SWAP_CLUSTER_MAX, sc);
}

static void shrink_node(struct machine *m, struct scan_control *sc)
{
	unsigned long before = sc->nr_reclaimed;

	prepare_scan_count(m, sc);
	shrink_lruvec(m, sc);
	if (sc->nr_reclaimed > before)
		m->reclaim->kswapd[sc->nid].failures = 0;
}

/* ---- kswapd ----------------------------------------------------------------------------- */

/* pgdat_balanced(): some zone up to highest is above its high watermark.  *which gets it. */
static bool pgdat_balanced(const struct machine *m, int nid, unsigned order,
			   enum zone_type highest, const struct zone **which)
{
	bool any = false;

	for (int t = 0; t <= (int)highest; t++) {
		const struct zone *z = &m->node_data[nid].node_zones[t];

		if (!z->managed_pages)
			continue;
		any = true;
		*which = z;
		if (zone_watermark_ok(z, order, high_wmark_pages(z), highest, 0))
			return true;
	}
	return !any;
}

/* balance_pgdat(): reclaim until a zone is balanced or priority runs out. */
static unsigned long balance_pgdat(struct machine *m, int nid, unsigned order,
				   enum zone_type highest, struct reclaim_stat *st)
{
	struct scan_control sc = { .nid = nid, .reclaim_idx = highest, .kswapd = true,
				   .may_swap = true, .st = st };
	const struct zone *z = NULL;
	unsigned long total = 0;

	count_vm_event(m, PAGEOUTRUN);
	event_emit(m, .type = EV_MM_VMSCAN_KSWAPD_WAKE, .val = (unsigned long)nid, .order = order,
		   .val2 = highest);
	for (int prio = DEF_PRIORITY; prio >= 1 && !pgdat_balanced(m, nid, order, highest, &z);) {
		sc.priority = prio;
		sc.nr_reclaimed = 0;
		sc.nr_to_reclaim = SWAP_CLUSTER_MAX;
		shrink_node(m, &sc);
		total += sc.nr_reclaimed;
		if (!sc.nr_reclaimed)
			prio--;
	}
	return total;
}

/* The zone an allocation tried first: the highest of the zonelist it may use. */
static const struct zone *preferred_zone(const struct machine *m, int nid,
					 enum zone_type highest)
{
	for (struct zone *const *zp = m->node_data[nid].zonelist; *zp; zp++)
		if ((*zp)->type <= highest && (*zp)->zone_pgdat->node_id == nid)
			return *zp;
	return NULL;
}

/* The model's clock for kswapd's nap: pages allocated since boot (pgalloc_*). */
static unsigned long pgalloc_clock(const struct machine *m)
{
	unsigned long n = 0;

	for (int i = PGALLOC_DMA; i <= PGALLOC_MOVABLE; i++)
		n += m->vm_events[i];
	return n;
}

/*
 * kswapd_try_to_sleep(), at a wakeup: a kswapd still in its short nap
 * (HZ/10 after it balanced its node) was woken prematurely, and the
 * kernel counts kswapd_low_wmark_hit_quickly.  The model has no clock: it
 * measures the nap in page allocations (KSWAPD_NAP_PAGES).
 */
static void kswapd_end_nap(struct machine *m, struct kswapd_state *ks)
{
	if (ks->napping && pgalloc_clock(m) - ks->nap_start < KSWAPD_NAP_PAGES)
		count_vm_event(m, KSWAPD_LOW_WMARK_HIT_QUICKLY);
	ks->napping = false;
}

/*
 * kswapd(): balance_pgdat() again and again until the node is balanced;
 * a run that frees nothing is a failure, and after MAX_RECLAIM_RETRIES in
 * a row kswapd leaves the node to direct reclaim (prepare_kswapd_sleep()).
 * Each time it tries to sleep and finds the node not balanced, it goes
 * straight back to work: kswapd_high_wmark_hit_quickly.  Once it may
 * sleep, it naps first.
 */
static void kswapd_run(struct machine *m, int nid, unsigned order, enum zone_type highest)
{
	struct kswapd_state *ks = &m->reclaim->kswapd[nid];
	struct reclaim_stat st = { 0 };
	const struct zone *z = NULL;
	unsigned long reclaimed = 0;
	bool balanced = false;

	kswapd_end_nap(m, ks);
	ks->order = order;
	ks->highest_zoneidx = highest;
	m->reclaim->reclaiming = true;
	for (;;) {
		unsigned long got = balance_pgdat(m, nid, order, highest, &st);

		ks->failures = got ? 0 : ks->failures + 1;
		reclaimed += got;
		balanced = pgdat_balanced(m, nid, order, highest, &z);
		if (balanced || ks->failures >= MAX_RECLAIM_RETRIES)
			break;
		count_vm_event(m, KSWAPD_HIGH_WMARK_HIT_QUICKLY);
	}
	ks->napping = true;
	ks->nap_start = pgalloc_clock(m);
	m->reclaim->reclaiming = false;
	event_emit(m, .type = EV_MM_VMSCAN_KSWAPD_SLEEP, .val = (unsigned long)nid, .zone = z,
		   .val2 = reclaimed, .val3 = (unsigned long)ks->failures, .ok = balanced);
}

void wakeup_kswapd(struct machine *m, int nid, unsigned order, gfp_t gfp,
		   enum zone_type highest)
{
	const struct zone *z = preferred_zone(m, nid, highest), *bz = NULL;
	struct kswapd_state *ks = &m->reclaim->kswapd[nid];

	if (!z || m->reclaim->reclaiming)
		return;
	event_emit(m, .type = EV_MM_VMSCAN_WAKEUP_KSWAPD, .zone = z, .order = order, .gfp = gfp,
		   .val = (unsigned long)zone_page_state(z, NR_FREE_PAGES),
		   .val2 = low_wmark_pages(z), .val3 = (unsigned long)ks->failures,
		   .ok = ks->failures < MAX_RECLAIM_RETRIES);
	if (ks->failures >= MAX_RECLAIM_RETRIES || pgdat_balanced(m, nid, order, highest, &bz))
		return;
	kswapd_run(m, nid, order, highest);
}

/* The nodes of nid's zonelist, in order, each once. */
static int zonelist_nodes(const struct machine *m, int nid, enum zone_type highest, int *out)
{
	int n = 0;

	for (struct zone *const *zp = m->node_data[nid].zonelist; *zp; zp++) {
		int id = (*zp)->zone_pgdat->node_id, i = 0;

		if ((*zp)->type > highest || !(*zp)->managed_pages)
			continue;
		while (i < n && out[i] != id)
			i++;
		if (i == n)
			out[n++] = id;
	}
	return n;
}

/*
 * wake_all_kswapds(): every node of the zonelist, in zonelist order, has
 * its kswapd woken (wakeup_kswapd() lets it sleep on if its node is
 * balanced), and each reclaims its own node's lists:
 *
 *   zonelist of node 0:  DMA32/0  DMA/0  DMA32/1
 *   wakes:               kswapd0, then kswapd1
 */
void wake_all_kswapds(struct machine *m, int nid, unsigned order, gfp_t gfp,
		      enum zone_type highest)
{
	int nodes[MAX_NUMNODES], n = zonelist_nodes(m, nid, highest, nodes);

	for (int i = 0; i < n; i++)
		wakeup_kswapd(m, nodes[i], order, gfp, highest);
}

/* ---- direct reclaim ---------------------------------------------------------------------- */

/* do_try_to_free_pages(): priority 12 down to 0 over the nodes until enough is freed. */
static void do_try_to_free_pages(struct machine *m, const int *nodes, int nr_nodes,
				 struct scan_control *sc)
{
	for (sc->priority = DEF_PRIORITY; sc->priority >= 0; sc->priority--) {
		for (int i = 0; i < nr_nodes && sc->nr_reclaimed < sc->nr_to_reclaim; i++) {
			sc->nid = nodes[i];
			shrink_node(m, sc);
		}
		if (sc->nr_reclaimed >= sc->nr_to_reclaim)
			return;
	}
}

static const enum vm_event_item allocstall_item[MAX_NR_ZONES] = {
	ALLOCSTALL_DMA, ALLOCSTALL_DMA32, ALLOCSTALL_NORMAL, ALLOCSTALL_HIGH, ALLOCSTALL_MOVABLE,
};

unsigned long try_to_free_pages(struct machine *m, int nid, unsigned order, gfp_t gfp,
				enum zone_type highest)
{
	struct reclaim_stat st = { 0 };
	struct scan_control sc = { .nr_to_reclaim = SWAP_CLUSTER_MAX, .reclaim_idx = highest,
				   .may_swap = true, .st = &st };
	int nodes[MAX_NUMNODES], n = zonelist_nodes(m, nid, highest, nodes);

	if (m->reclaim->reclaiming)
		return 0;
	count_vm_event(m, allocstall_item[highest]);
	event_emit(m, .type = EV_MM_VMSCAN_DIRECT_RECLAIM_BEGIN, .order = order, .gfp = gfp);
	m->reclaim->reclaiming = true;
	do_try_to_free_pages(m, nodes, n, &sc);
	m->reclaim->reclaiming = false;
	event_emit(m, .type = EV_MM_VMSCAN_DIRECT_RECLAIM_END, .val = sc.nr_reclaimed);
	return sc.nr_reclaimed;
}

/* ---- the commands ------------------------------------------------------------------------ */

static void node_list(const struct machine *m, int *nodes)
{
	for (int i = 0; i < m->nr_nodes; i++)
		nodes[i] = i;
}

/* A command's summary counts each page once, by its latest outcome (note_outcome()). */
static void outcome_begin(const struct machine *m, struct reclaim_stat *st)
{
	st->outcome = calloc(m->max_pfn, 1);	/* NULL: counted per look, nothing worse */
}

static void outcome_end(struct reclaim_stat *st)
{
	free(st->outcome);
	st->outcome = NULL;
}

unsigned long reclaim_pages(struct machine *m, unsigned long nr, struct reclaim_stat *st)
{
	struct reclaim_stat local = { 0 };
	int nodes[MAX_NUMNODES];
	unsigned long total = 0;

	node_list(m, nodes);
	st = st ? st : &local;
	outcome_begin(m, st);
	m->reclaim->reclaiming = true;
	for (int retries = 0; total < nr && retries < MAX_RECLAIM_RETRIES;) {
		struct scan_control sc = { .nr_to_reclaim = nr - total, .may_swap = true, .st = st,
					   .reclaim_idx = MAX_NR_ZONES - 1 };

		do_try_to_free_pages(m, nodes, m->nr_nodes, &sc);
		total += sc.nr_reclaimed;
		retries = sc.nr_reclaimed ? 0 : retries + 1;	/* memory.reclaim's retries */
	}
	m->reclaim->reclaiming = false;
	outcome_end(st);
	return total;
}

/* How many times swapout N looks at each page at most before giving up. */
#define SWAPOUT_PASSES 3

/*
 * One node: batches from the tail of the inactive anonymous list until nr
 * are freed or every page was looked at SWAPOUT_PASSES times.  Under the
 * linux policy the active list is demoted when the inactive one is low,
 * or has nothing the command may take.
 */
static unsigned long swapout_node(struct machine *m, int nid, unsigned long nr,
				  struct scan_control *sc)
{
	struct lruvec *lv = node_lruvec(m, nid);
	bool two_lists = m->reclaim->policy == POLICY_LINUX;
	unsigned long done = 0, scanned = 0, budget;

	sc->nid = nid;
	budget = SWAPOUT_PASSES * (lv->lists[LRU_INACTIVE_ANON].count +
				   lv->lists[LRU_ACTIVE_ANON].count);
	while (done < nr && scanned < budget) {
		unsigned long want = nr - done, before = sc->nr_scanned;

		if (two_lists && inactive_is_low(lv->lists[LRU_INACTIVE_ANON].count,
					     lv->lists[LRU_ACTIVE_ANON].count))
			shrink_active_list(m, LRU_ACTIVE_ANON, SWAP_CLUSTER_MAX, sc);
		done += shrink_inactive_list(m, LRU_INACTIVE_ANON,
					     want < SWAP_CLUSTER_MAX ? want : SWAP_CLUSTER_MAX, sc);
		scanned += sc->nr_scanned - before;
		if (sc->nr_scanned == before &&
		    (!two_lists || !shrink_active_list(m, LRU_ACTIVE_ANON, SWAP_CLUSTER_MAX, sc)))
			break;
	}
	return done;
}

unsigned long swapout_pages(struct machine *m, unsigned long nr, struct mm_struct *mm,
			    struct reclaim_stat *st)
{
	struct reclaim_stat local = { 0 };
	struct scan_control sc = { .may_swap = true, .anon_only = true, .mm = mm,
				   .st = st ? st : &local, .reclaim_idx = MAX_NR_ZONES - 1,
				   .priority = DEF_PRIORITY };

	outcome_begin(m, sc.st);
	m->reclaim->reclaiming = true;
	for (int nid = 0; nid < m->nr_nodes && sc.nr_reclaimed < nr; nid++)
		sc.nr_reclaimed += swapout_node(m, nid, nr - sc.nr_reclaimed, &sc);
	m->reclaim->reclaiming = false;
	outcome_end(sc.st);
	return sc.nr_reclaimed;
}

/* ---- room for swapoff ---------------------------------------------------------------------- */

/*
 * What pushing the page out would take: -1 it cannot go (or must stay:
 * a page in the swap cache of area `skip`, which swapoff would only have
 * to read back), 0 it frees its frame without a new slot (file pages,
 * pages in another area's swap cache), 1 it needs a slot of another area.
 */
static int push_kind(struct machine *m, unsigned long pfn, int skip)
{
	const struct page *p = pfn_to_page(m, pfn);

	if (folio_stays(m, pfn))
		return -1;
	if (PageFlag(p, PG_anon)) {
		if (!PageFlag(p, PG_swapcache))
			return 1;
		return (int)swp_type(page_swap_entry(m, pfn)) == skip ? -1 : 0;
	}
	return PageFlag(p, PG_swapbacked) ? -1 : 0;	/* shmem stays */
}

/* Where pushing starts: the tails of the inactive lists, then the active ones. */
static const enum lru_list push_order[] = {
	LRU_INACTIVE_FILE, LRU_INACTIVE_ANON, LRU_ACTIVE_FILE, LRU_ACTIVE_ANON,
};

void swapoff_victims(struct machine *m, const struct zone *z, int skip, unsigned long count[2])
{
	struct lruvec *lv = node_lruvec(m, z->zone_pgdat->node_id);

	count[0] = count[1] = 0;
	for (size_t i = 0; i < sizeof(push_order) / sizeof(push_order[0]); i++)
		for (uint32_t pfn = lv->lists[push_order[i]].last; pfn != PFN_NONE;
		     pfn = pfn_to_page(m, pfn)->lru_prev) {
			int kind = pfn_zone(m, pfn) == z ? push_kind(m, pfn, skip) : -1;

			if (kind >= 0)
				count[kind]++;
		}
}

/* One page off its list and out, as reclaim evicts it (counted as direct reclaim). */
static bool push_one(struct machine *m, unsigned long pfn, struct reclaim_stat *st)
{
	struct scan_control sc = { .st = st };
	bool file = !PageFlag(pfn_to_page(m, pfn), PG_swapbacked);
	int v;

	lru_remove(m, pfn);
	st->scanned++;
	v = reclaim_folio(m, pfn, false, st);
	count_scan(m, &sc, file, 1, v == SV_RECLAIMED);
	if (v != SV_RECLAIMED) {
		putback(m, pfn, v, st);
		return false;
	}
	st->reclaimed++;
	return true;
}

unsigned long swapoff_push(struct machine *m, const struct zone *z, int skip, int kind,
			   unsigned long nr, struct reclaim_stat *st)
{
	struct lruvec *lv = node_lruvec(m, z->zone_pgdat->node_id);
	unsigned long done = 0;

	m->reclaim->reclaiming = true;
	for (size_t i = 0; i < sizeof(push_order) / sizeof(push_order[0]) && done < nr; i++) {
		uint32_t pfn = lv->lists[push_order[i]].last, prev;

		for (; pfn != PFN_NONE && done < nr; pfn = prev) {
			prev = pfn_to_page(m, pfn)->lru_prev;
			if (pfn_zone(m, pfn) == z && push_kind(m, pfn, skip) == kind)
				done += push_one(m, pfn, st);
		}
	}
	m->reclaim->reclaiming = false;
	return done;
}

/* ---- swapout of a range ------------------------------------------------------------------ */

struct in_mm {
	struct mm_struct *mm;
	bool found;
};

static void in_mm_one(struct machine *m, struct mm_struct *mm, struct vm_area_struct *vma,
		      unsigned long addr, unsigned long table, unsigned idx, void *ctx)
{
	struct in_mm *c = ctx;

	(void)m, (void)vma, (void)addr, (void)table, (void)idx;
	c->found |= mm == c->mm;
}

static bool page_in_mm(struct machine *m, unsigned long pfn, struct mm_struct *mm)
{
	struct in_mm c = { mm, false };

	rmap_walk(m, pfn, in_mm_one, &c);
	return c.found;
}

/* The frame a user address of mm maps (not the zero page), or -1. */
static long range_page(struct machine *m, struct mm_struct *mm, unsigned long addr)
{
	unsigned idx;
	long table = pte_lookup(m, mm, addr, &idx), pfn;
	pteval_t e;

	if (table < 0)
		return -1;
	e = pt_get(m, (unsigned long)table, idx);
	if (!pte_mapped(e) || (pfn = vm_normal_page(m, e)) < 0)
		return -1;
	return PageFlag(pfn_to_page(m, (unsigned long)pfn), PG_lru) ? pfn : -1;
}

/* Calls fn for each page address of [start, end) that a VMA of mm covers. */
static void for_each_mapped_addr(struct machine *m, struct mm_struct *mm, unsigned long start,
				 unsigned long end, void (*fn)(struct machine *, struct mm_struct *,
							       unsigned long, void *), void *ctx)
{
	for (struct vm_area_struct *v = mm->mmap; v && v->vm_start < end; v = v->vm_next) {
		unsigned long a = v->vm_start > start ? v->vm_start : start;
		unsigned long e = v->vm_end < end ? v->vm_end : end;

		for (; a < e; a += PAGE_SIZE)
			fn(m, mm, a, ctx);
	}
}

/* Anonymous pages of the range that would need a new slot. */
static void count_needs_slot(struct machine *m, struct mm_struct *mm, unsigned long addr,
			     void *ctx)
{
	long pfn = range_page(m, mm, addr);
	const struct page *p;

	if (pfn < 0)
		return;
	p = pfn_to_page(m, (unsigned long)pfn);
	*(unsigned long *)ctx += PageFlag(p, PG_anon) && !PageFlag(p, PG_swapcache);
}

static void swapout_one(struct machine *m, struct mm_struct *mm, unsigned long addr, void *ctx)
{
	struct reclaim_stat *st = ctx;
	long pfn = range_page(m, mm, addr);
	int v;

	if (pfn < 0)
		return;
	lru_remove(m, (unsigned long)pfn);
	st->scanned++;
	v = reclaim_folio(m, (unsigned long)pfn, false, st);
	if (v == SV_RECLAIMED)
		st->reclaimed++;
	else
		putback(m, (unsigned long)pfn, v, st);
}

/* The first address of [start, end) that no VMA of mm covers, or end. */
static unsigned long first_unmapped(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	while (start < end) {
		struct vm_area_struct *v = find_vma(mm, start);

		if (!v || v->vm_start > start)
			return start;
		start = v->vm_end;
	}
	return end;
}

int swapout_range_mapped(struct machine *m, struct mm_struct *mm, unsigned long start,
			 unsigned long end)
{
	unsigned long hole = first_unmapped(mm, start, end);
	const struct task_struct *t = mm_owner(m, mm);

	if (hole == end)
		return 0;
	return mm_err(m, -ENOMEM, "0x%0*lx is not mapped in pid %d (%s) (see maps)",
		      m->arch->addr_digits, hole, t ? t->pid : 0, t ? t->comm : "?");
}

int swapout_range(struct machine *m, struct mm_struct *mm, unsigned long start,
		  unsigned long end, struct reclaim_stat *st)
{
	unsigned long need = 0;

	for_each_mapped_addr(m, mm, start, end, count_needs_slot, &need);
	if (need > (unsigned long)nr_swap_pages(m))
		return mm_err(m, -ENOSPC, "%lu anonymous page%s need%s a swap slot but %ld %s "
			      "free%s", need, need == 1 ? "" : "s", need == 1 ? "s" : "",
			      nr_swap_pages(m), nr_swap_pages(m) == 1 ? "is" : "are",
			      total_swap_pages(m) ? "" : " (swapon SIZE first)");
	m->reclaim->reclaiming = true;
	for_each_mapped_addr(m, mm, start, end, swapout_one, st);
	m->reclaim->reclaiming = false;
	return 0;
}
