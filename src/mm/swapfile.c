/*
 * swapfile.c - swap areas: swapon, swapoff, slots and their counts.
 *
 * Each area keeps, per slot, the kernel's swap_map byte (references, plus
 * SWAP_HAS_CACHE), the pfn of its swap-cache page if it has one, and the
 * handle of the bytes written to it.  Slots are handed out next-fit from
 * where the last search stopped (cluster_next), so an area fills from
 * slot 1 upwards:
 *
 *   get_swap_page x3 on a fresh /dev/sda2 -> (0, 1), (0, 2), (0, 3)
 *
 * Areas in use are kept in swap_active_head order: highest priority first,
 * and among equal priorities the one used last goes to the back, so that
 * two areas of priority 5 take slots in turn, (0,1) (1,1) (0,2) (1,2) ...
 * A lower priority is used only when every higher one is full.
 *
 * A count above SWAP_MAP_MAX (62 PTEs sharing a slot, after many forks)
 * goes on in continuation pages, digit by digit, as swap_count_continued()
 * counts: the byte keeps the count modulo 63 and sets COUNT_CONTINUED,
 * the continuation holds how many 63s there are (the kernel writes that
 * number over continuation pages, a digit of 0..SWAP_CONT_MAX 0x7f per
 * page; the model keeps it in cont[]):
 *
 *   count 62   swap_map 0x3e
 *   count 63   swap_map 0x80, continuation 1
 *   count 71   swap_map 0x88, continuation 1     (8 + 1 x 63)
 *   count 126  swap_map 0x80, continuation 2
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gfp.h"
#include "machine.h"
#include "mm_types.h"
#include "mmap.h"
#include "page_alloc.h"
#include "printk.h"
#include "rmap.h"
#include "sched.h"
#include "swapfile.h"
#include "vmscan.h"

/* ---- swap entries in PTEs ---------------------------------------------------------- */

#define SWP_TYPE_BITS		5
#define SWP_OFFSET_FIRST_BIT	9	/* _PAGE_BIT_PROTNONE + 1 */
#define SWP_OFFSET_SHIFT	(SWP_OFFSET_FIRST_BIT + SWP_TYPE_BITS)
#define SWP_TYPE_SHIFT_2LEVEL	1	/* _PAGE_BIT_PRESENT + 1 */

/*
 * i386 (pgtable-2level.h): type in bits 1-5, offset from bit 9.  PAE and
 * x86_64 (pgtable-3level.h, pgtable_64.h): type in bits 59-63, the offset
 * inverted in bits 9-58, so that the bits where a pfn would be point far
 * beyond RAM (the L1TF mitigation).
 */
pteval_t swp_entry_to_pte(const struct machine *m, swp_entry_t e)
{
	pteval_t type = swp_type(e), off = swp_offset(e);

	if (m->arch->levels == 2)
		return (type << SWP_TYPE_SHIFT_2LEVEL) | (off << SWP_OFFSET_FIRST_BIT);
	return ((~off << SWP_OFFSET_SHIFT) >> SWP_TYPE_BITS) | (type << (64 - SWP_TYPE_BITS));
}

swp_entry_t pte_to_swp_entry(const struct machine *m, pteval_t pte)
{
	if (m->arch->levels == 2)
		return swp_entry((unsigned)(pte >> SWP_TYPE_SHIFT_2LEVEL) & ((1u << SWP_TYPE_BITS) - 1),
				 (unsigned long)(pte >> SWP_OFFSET_FIRST_BIT));
	return swp_entry((unsigned)(pte >> (64 - SWP_TYPE_BITS)),
			 (unsigned long)((~pte << SWP_TYPE_BITS) >> SWP_OFFSET_SHIFT));
}

unsigned long swap_max_pages(const struct arch_profile *a)
{
	unsigned long bits = a->levels == 2 ? 32 - SWP_OFFSET_FIRST_BIT : 50;
	unsigned long max = 1UL << bits;

	return max < SWAP_MAX_SLOTS ? max : SWAP_MAX_SLOTS;
}

/* ---- the table of areas -------------------------------------------------------------- */

int swap_init(struct machine *m)
{
	m->swap = calloc(1, sizeof(*m->swap));
	if (!m->swap)
		return -ENOMEM;
	m->swap->nr_swapcache = calloc((size_t)m->nr_nodes, sizeof(long));
	if (!m->swap->nr_swapcache)
		return -ENOMEM;
	m->swap->least_priority = -1;
	if (m->cfg.swap && swapon(m, m->cfg.swap, SWAP_PRIO_DEFAULT, NULL) < 0)
		return -ENOMEM;
	return 0;
}

static void swap_info_free(struct machine *m, struct swap_info_struct *si)
{
	if (!si)
		return;
	if (si->data)
		for (unsigned long i = 0; i < si->max; i++)
			page_store_release(m, si->data[i]);
	free(si->swap_map);
	free(si->cont);
	free(si->cache);
	free(si->data);
	free(si);
}

void swap_destroy(struct machine *m)
{
	if (!m->swap)
		return;
	for (int i = 0; i < MAX_SWAPFILES; i++)
		swap_info_free(m, m->swap->info[i]);
	free(m->swap->nr_swapcache);
	free(m->swap->page_entry);
	free(m->swap);
	m->swap = NULL;
}

struct swap_info_struct *swap_info_get(const struct machine *m, const char *s)
{
	char *end;
	long type = strtol(s, &end, 10);

	if (*s && !*end)
		return type >= 0 && type < MAX_SWAPFILES ? m->swap->info[type] : NULL;
	for (int i = 0; i < MAX_SWAPFILES; i++)
		if (m->swap->info[i] && strcmp(m->swap->info[i]->name, s) == 0)
			return m->swap->info[i];
	return NULL;
}

bool swap_entry_valid(const struct machine *m, swp_entry_t e)
{
	const struct swap_info_struct *si = swap_info(m, swp_type(e));

	return si && swp_offset(e) > 0 && swp_offset(e) < si->max && si->swap_map[swp_offset(e)];
}

long nr_swap_pages(const struct machine *m)
{
	return m->swap ? m->swap->nr_swap_pages : 0;
}

long total_swap_pages(const struct machine *m)
{
	return m->swap ? m->swap->total_swap_pages : 0;
}

bool vm_swap_full(const struct machine *m)
{
	return nr_swap_pages(m) * 2 < total_swap_pages(m);
}

unsigned long swapcache_pages(const struct machine *m, int nid)
{
	return m->swap ? (unsigned long)m->swap->nr_swapcache[nid] : 0;
}

uint32_t swap_slot_data(const struct machine *m, swp_entry_t e)
{
	return swap_info(m, swp_type(e))->data[swp_offset(e)];
}

/* ---- the active list: priority order, equal priorities in turn --------------------------- */

static void active_del(struct swap_state *s, int type)
{
	int i = 0;

	while (i < s->nr_active && s->active[i] != type)
		i++;
	for (; i + 1 < s->nr_active; i++)
		s->active[i] = s->active[i + 1];
	s->nr_active--;
}

/* plist_add(): after every area of the same or higher priority. */
static void active_add(struct swap_state *s, int type)
{
	int i = s->nr_active;

	while (i > 0 && s->info[s->active[i - 1]]->prio < s->info[type]->prio) {
		s->active[i] = s->active[i - 1];
		i--;
	}
	s->active[i] = type;
	s->nr_active++;
}

/* plist_requeue(): the area just used goes behind its equals. */
static void active_requeue(struct swap_state *s, int type)
{
	active_del(s, type);
	active_add(s, type);
}

/* ---- swapon ---------------------------------------------------------------------------- */

static bool name_in_use(const struct swap_state *s, const char *name)
{
	for (int i = 0; i < MAX_SWAPFILES; i++)
		if (s->info[i] && strcmp(s->info[i]->name, name) == 0)
			return true;
	return false;
}

/* The next free /dev/sdaN, from sda2 (sda1 holds the files). */
static void default_name(const struct swap_state *s, char *buf, size_t len)
{
	for (int n = 2;; n++) {
		snprintf(buf, len, "/dev/sda%d", n);
		if (!name_in_use(s, buf))
			return;
	}
}

static int swapon_check(struct machine *m, unsigned long pages, int prio, const char *name)
{
	if (pages < 10)
		return mm_err(m, -EINVAL, "a swap area needs at least 10 pages (40K), as mkswap "
			      "asks: one for the header, the rest for slots");
	if (pages > swap_max_pages(m->arch))
		return mm_err(m, -EINVAL, "a swap area may have at most %lu pages (%luG) on %s",
			      swap_max_pages(m->arch), swap_max_pages(m->arch) >> 18, m->arch->name);
	if (prio != SWAP_PRIO_DEFAULT && (prio < 0 || prio > SWAP_PRIO_MAX))
		return mm_err(m, -EINVAL, "prio=%d is out of range (0..%d)", prio, SWAP_PRIO_MAX);
	if (name && (name[0] != '/' || strlen(name) >= sizeof(((struct swap_info_struct *)0)->name)))
		return mm_err(m, -EINVAL, "'%s' is not a path (a / and at most 63 characters)", name);
	if (name && name_in_use(m->swap, name))
		return mm_err(m, -EBUSY, "%s is already a swap area", name);
	return 0;
}

static struct swap_info_struct *swap_info_alloc(unsigned long max)
{
	struct swap_info_struct *si = calloc(1, sizeof(*si));

	if (!si)
		return NULL;
	si->max = max;
	si->swap_map = calloc(max, 1);
	si->cache = malloc(max * sizeof(*si->cache));
	si->data = calloc(max, sizeof(*si->data));
	if (!si->swap_map || !si->cache || !si->data) {
		free(si->swap_map);
		free(si->cache);
		free(si->data);
		free(si);
		return NULL;
	}
	for (unsigned long i = 0; i < max; i++)
		si->cache[i] = PFN_NONE;
	si->swap_map[0] = SWAP_MAP_BAD;		/* the header: SWAPSPACE2 */
	return si;
}

int swapon(struct machine *m, unsigned long long bytes, int prio, const char *name)
{
	struct swap_state *s = m->swap;
	unsigned long pages = (unsigned long)(bytes >> PAGE_SHIFT);
	struct swap_info_struct *si;
	int type = 0, err = swapon_check(m, pages, prio, name);

	if (err)
		return err;
	while (type < MAX_SWAPFILES && s->info[type])
		type++;
	if (type == MAX_SWAPFILES)
		return mm_err(m, -EPERM, "all %d swap types are in use", MAX_SWAPFILES);
	if (!s->page_entry && !(s->page_entry = calloc(m->max_pfn, sizeof(uint32_t))))
		return mm_err(m, -ENOMEM, "out of host memory for the swap cache");
	si = swap_info_alloc(pages);
	if (!si)
		return mm_err(m, -ENOMEM, "out of host memory for a swap map of %lu slots", pages);
	si->type = type;
	si->pages = pages - 1;
	si->cluster_next = 1;
	si->flags = SWP_USED | SWP_WRITEOK;
	si->prio = (short)(prio == SWAP_PRIO_DEFAULT ? --s->least_priority : prio);
	if (name)
		snprintf(si->name, sizeof(si->name), "%s", name);
	else
		default_name(s, si->name, sizeof(si->name));
	si->partition = strncmp(si->name, "/dev/", 5) == 0;
	s->info[type] = si;
	if (type >= s->nr_swapfiles)
		s->nr_swapfiles = type + 1;
	active_add(s, type);
	s->nr_swap_pages += (long)si->pages;
	s->total_swap_pages += (long)si->pages;
	event_emit(m, .type = EV_SWAPON, .val = (unsigned long)type, .val2 = si->pages,
		   .val3 = (unsigned long)(long)si->prio);
	/* the simulated disk is a solid-state one: "SS" (SWP_SOLIDSTATE) */
	printk(m, "Adding %luk swap on %s.  Priority:%d extents:1 across:%luk SS", si->pages << 2,
	       si->name, si->prio, si->pages << 2);
	return type;
}

/* ---- slots ----------------------------------------------------------------------------- */

/* A slot whose swap_map byte reached 0 is free again; its bytes go. */
static void swap_slot_free(struct machine *m, struct swap_info_struct *si, unsigned long off)
{
	si->inuse_pages--;
	if (si->flags & SWP_WRITEOK)
		m->swap->nr_swap_pages++;
	page_store_release(m, si->data[off]);
	si->data[off] = 0;
	event_emit(m, .type = EV_SWAP_SLOT_FREE, .val = (unsigned long)si->type, .val2 = off);
}

/* scan_swap_map(): next fit from cluster_next, wrapping to slot 1. */
static unsigned long scan_swap_map(struct swap_info_struct *si)
{
	for (unsigned long n = 0, off = si->cluster_next; n < si->max; n++, off++) {
		if (off >= si->max)
			off = 1;
		if (!si->swap_map[off])
			return off;
	}
	return 0;
}

swp_entry_t get_swap_page(struct machine *m)
{
	struct swap_state *s = m->swap;
	swp_entry_t none = { 0 };

	for (int i = 0; i < s->nr_active; i++) {
		struct swap_info_struct *si = s->info[s->active[i]];
		unsigned long off;

		if (!(si->flags & SWP_WRITEOK) || si->inuse_pages == si->pages)
			continue;
		off = scan_swap_map(si);
		if (!off)
			continue;
		si->swap_map[off] = SWAP_HAS_CACHE;
		si->inuse_pages++;
		s->nr_swap_pages--;
		si->cluster_next = off + 1;
		active_requeue(s, si->type);
		return swp_entry((unsigned)si->type, off);
	}
	return none;
}

/* The count kept in the swap_map byte itself: 0..SWAP_MAP_MAX. */
static unsigned map_digit(unsigned char c)
{
	return c & ~(SWAP_HAS_CACHE | COUNT_CONTINUED);
}

unsigned swap_count(const struct machine *m, swp_entry_t e)
{
	const struct swap_info_struct *si = swap_info(m, swp_type(e));
	unsigned long off = swp_offset(e);
	unsigned char c = si->swap_map[off];

	return map_digit(c) + (c & COUNT_CONTINUED ? si->cont[off] * (SWAP_MAP_MAX + 1) : 0);
}

/*
 * swap_count_continued(), incrementing: the byte's digit wraps from
 * SWAP_MAP_MAX to 0 and the continuation counts one more.
 */
void swap_duplicate(struct machine *m, swp_entry_t e)
{
	struct swap_info_struct *si = swap_info(m, swp_type(e));
	unsigned long off = swp_offset(e);
	unsigned char *c = &si->swap_map[off];

	MM_BUG_ON(!*c || *c == SWAP_MAP_BAD, m, off);
	if (map_digit(*c) < SWAP_MAP_MAX) {
		(*c)++;
		return;
	}
	if (!si->cont && !(si->cont = calloc(si->max, sizeof(*si->cont)))) {
		fprintf(stderr, "vmlab: out of host memory for swap count continuation\n");
		abort();
	}
	si->cont[off]++;
	*c = (unsigned char)((*c & SWAP_HAS_CACHE) | COUNT_CONTINUED);
}

/* The slot's byte without its count: free it if nothing is left. */
static void swap_map_settle(struct machine *m, struct swap_info_struct *si, unsigned long off)
{
	if (!si->swap_map[off])
		swap_slot_free(m, si, off);
}

void swap_free(struct machine *m, swp_entry_t e)
{
	struct swap_info_struct *si = swap_info(m, swp_type(e));
	unsigned long off = swp_offset(e);
	unsigned char *c = &si->swap_map[off];

	MM_BUG_ON(swap_count(m, e) == 0, m, off);
	if (map_digit(*c)) {
		(*c)--;
	} else {		/* 0x80: borrow from the continuation, as 1000 - 1 = 999 */
		si->cont[off]--;
		*c = (unsigned char)((*c & SWAP_HAS_CACHE) | SWAP_MAP_MAX |
				     (si->cont[off] ? COUNT_CONTINUED : 0));
	}
	swap_map_settle(m, si, off);
}

/* swapcache_clear(): the slot's page left the swap cache. */
void swapcache_clear(struct machine *m, swp_entry_t e)
{
	struct swap_info_struct *si = swap_info(m, swp_type(e));
	unsigned long off = swp_offset(e);

	si->swap_map[off] &= (unsigned char)~SWAP_HAS_CACHE;
	swap_map_settle(m, si, off);
}

/* swapcache_prepare(): the slot's page enters the swap cache. */
void swapcache_set(struct machine *m, swp_entry_t e)
{
	struct swap_info_struct *si = swap_info(m, swp_type(e));

	si->swap_map[swp_offset(e)] |= SWAP_HAS_CACHE;
}

void free_swap_and_cache(struct machine *m, swp_entry_t e)
{
	long pfn;

	swap_free(m, e);
	if (swap_count(m, e) || (pfn = lookup_swap_cache(m, e)) < 0)
		return;
	/* __try_to_reclaim_swap(TTRS_UNMAPPED | TTRS_FULL) */
	if (page_mapcount(pfn_to_page(m, (unsigned long)pfn)) == 0 || vm_swap_full(m))
		delete_from_swap_cache(m, (unsigned long)pfn);
}

/* ---- swapoff ----------------------------------------------------------------------------- */

/* What swapoff of si must do: slots to read (not in the swap cache). */
static unsigned long slots_to_read(const struct swap_info_struct *si)
{
	unsigned long n = 0;

	for (unsigned long off = 1; off < si->max; off++)
		if ((si->swap_map[off] & ~SWAP_HAS_CACHE) && si->cache[off] == PFN_NONE)
			n++;
	return n;
}

/*
 * What allocations without reclaim surely leave in a zone: min (less the
 * quarter an atomic allocation may use), its lowmem_reserve and one
 * per-CPU batch.  Negative: the pages free above that.
 */
static long zone_deficit(const struct machine *m, const struct zone *z)
{
	enum zone_type highest = gfp_zone(m->arch, GFP_HIGHUSER_MOVABLE);
	long min = (long)min_wmark_pages(z);

	return min - min / 4 + z->lowmem_reserve[highest] + 1 + z->pcp[m->cpu].batch -
	       zone_page_state(z, NR_FREE_PAGES);
}

static bool swapoff_zone(const struct machine *m, const struct zone *z)
{
	return z->type <= gfp_zone(m->arch, GFP_HIGHUSER_MOVABLE);
}

/* The pages allocations without reclaim can surely still get. */
static unsigned long free_without_reclaim(const struct machine *m)
{
	const struct zone *z;
	unsigned long n = 0;

	for_each_populated_zone(m, z)
		if (swapoff_zone(m, z) && zone_deficit(m, z) < 0)
			n += (unsigned long)-zone_deficit(m, z);
	return n;
}

/* Free slots of the areas in use other than skip. */
static long other_free_slots(const struct machine *m, int skip)
{
	long n = 0;

	for (int i = 0; i < m->swap->nr_active; i++) {
		const struct swap_info_struct *si = m->swap->info[m->swap->active[i]];

		if (si->type != skip && (si->flags & SWP_WRITEOK))
			n += (long)(si->pages - si->inuse_pages);
	}
	return n;
}

static unsigned long min_ul(unsigned long a, unsigned long b)
{
	return a < b ? a : b;
}

/*
 * Room for swapoff of area skip when free memory is short: try_to_unuse()
 * allocates under memory pressure, and reclaim pushes other pages out to
 * the remaining areas.  Zone by zone, pages that go without a new slot
 * first (file pages), then anonymous pages into the other areas' free
 * slots; only what lifts a zone above zone_deficit() counts, so zones
 * already above it come first.  With push false it only counts, and the
 * same plan done with push true frees what it counted.  Returns the pages
 * it adds (or would add) to free_without_reclaim(), up to want.
 *
 *   Normal: 300 free, keeps 400, 1000 file pages  ->  push 100 + want
 */
static unsigned long make_room(struct machine *m, int skip, unsigned long want, bool push,
			       struct reclaim_stat *st)
{
	unsigned long got = 0, slots = (unsigned long)other_free_slots(m, skip);
	const struct zone *z;

	for (int pass = 0; pass < 2; pass++)
		for_each_populated_zone(m, z) {
			long deficit = zone_deficit(m, z);
			unsigned long c[2], d, take, n0;

			if (!swapoff_zone(m, z) || got >= want || (deficit > 0) != (pass == 1))
				continue;
			d = deficit > 0 ? (unsigned long)deficit : 0;
			swapoff_victims(m, z, skip, c);
			c[1] = min_ul(c[1], slots);
			if (c[0] + c[1] <= d)
				continue;
			take = d + min_ul(want - got, c[0] + c[1] - d);
			n0 = min_ul(c[0], take);
			if (push) {
				swapoff_push(m, z, skip, 0, n0, st);
				swapoff_push(m, z, skip, 1, take - n0, st);
			}
			slots -= take - n0;
			got += take - d;
		}
	return got;
}

#define GFP_SWAPOFF	(GFP_HIGHUSER_MOVABLE & ~__GFP_RECLAIM)

/* Allocates n frames without reclaim into pfns.  0, or -ENOMEM with none kept. */
static int swapoff_prealloc(struct machine *m, uint32_t *pfns, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		long pfn = alloc_pages(m, GFP_SWAPOFF, 0);

		if (pfn < 0) {
			while (i-- > 0)
				__free_pages(m, pfns[i], 0);
			return -ENOMEM;
		}
		pfns[i] = (uint32_t)pfn;
	}
	return 0;
}

struct unuse {
	struct swap_info_struct *si;
	uint32_t *pfns;			/* preallocated frames */
	unsigned long used, nr_in;
};

/*
 * The page for slot off: its swap-cache page, or a preallocated frame
 * filled with the slot's bytes and put in the swap cache.
 */
static unsigned long unuse_page(struct machine *m, struct unuse *u, struct vm_area_struct *v,
				unsigned long addr, unsigned long off)
{
	swp_entry_t e = swp_entry((unsigned)u->si->type, off);
	unsigned long pfn;
	struct page *p;

	if (u->si->cache[off] != PFN_NONE)
		return u->si->cache[off];
	pfn = u->pfns[u->used++];
	p = pfn_to_page(m, pfn);
	page_data_attach(m, pfn, u->si->data[off]);
	u->si->data[off] = 0;
	SetPageFlag(p, PG_anon);
	SetPageFlag(p, PG_swapbacked);
	SetPageFlag(p, PG_uptodate);
	p->mapping = v->anon_vma;
	p->index = linear_page_index(v, addr);
	add_to_swap_cache(m, pfn, e);
	put_page(m, pfn);		/* the allocation's reference: the cache holds one */
	lru_cache_add(m, pfn);
	count_vm_event(m, PSWPIN);		/* swap_readpage(), as a fault's read counts */
	m->vm_events[PGPGIN] += PAGE_SIZE >> 10;
	u->nr_in++;
	return pfn;
}

/* unuse_pte(): the swap PTE becomes a present, read-only, old PTE again. */
static void unuse_pte(struct machine *m, struct unuse *u, struct vm_area_struct *v,
		      unsigned long addr, unsigned long table, unsigned idx, swp_entry_t e)
{
	unsigned long pfn = unuse_page(m, u, v, addr, swp_offset(e));

	get_page(m, pfn);
	page_add_anon_rmap(m, pfn);
	v->vm_mm->rss_stat[MM_SWAPENTS]--;
	v->vm_mm->rss_stat[MM_ANONPAGES]++;
	pt_set(m, table, idx, pfn_pte(pfn, vm_get_page_prot(m, v->vm_flags) & ~(pteval_t)_PAGE_ACCESSED));
	swap_free(m, e);
}

static void unuse_vma(struct machine *m, struct unuse *u, struct vm_area_struct *v)
{
	for (unsigned long addr = v->vm_start; addr < v->vm_end; addr += PAGE_SIZE) {
		unsigned idx;
		long table = pte_lookup(m, v->vm_mm, addr, &idx);
		pteval_t pte;
		swp_entry_t e;

		if (table < 0)
			continue;
		pte = pt_get(m, (unsigned long)table, idx);
		if (!is_swap_pte(pte))
			continue;
		e = pte_to_swp_entry(m, pte);
		if (swp_type(e) == (unsigned)u->si->type)
			unuse_pte(m, u, v, addr, (unsigned long)table, idx, e);
	}
}

/* try_to_unuse(): every swap PTE of the area, then its swap cache. */
static void try_to_unuse(struct machine *m, struct unuse *u)
{
	for (struct task_struct *t = m->tasks; t; t = t->next)
		for (struct vm_area_struct *v = t->mm->mmap; v; v = v->vm_next)
			if (v->anon_vma)
				unuse_vma(m, u, v);
	for (unsigned long off = 1; off < u->si->max; off++)
		if (u->si->cache[off] != PFN_NONE)
			delete_from_swap_cache(m, u->si->cache[off]);
}

/* No new slots from si (del_from_avail_list()), or again (reinsert_swap_info()). */
static void swap_set_writeok(struct machine *m, struct swap_info_struct *si, bool ok)
{
	long sign = ok ? 1 : -1;

	if (ok)
		si->flags |= SWP_WRITEOK;
	else
		si->flags &= ~(unsigned)SWP_WRITEOK;
	m->swap->nr_swap_pages += sign * (long)(si->pages - si->inuse_pages);
	m->swap->total_swap_pages += sign * (long)si->pages;
}

/* The empty area leaves the table; the later default priorities move up. */
static void swap_remove(struct machine *m, struct swap_info_struct *si)
{
	active_del(m->swap, si->type);
	if (si->prio < 0) {
		for (int i = 0; i < MAX_SWAPFILES; i++)
			if (m->swap->info[i] && m->swap->info[i]->prio < si->prio)
				m->swap->info[i]->prio++;
		m->swap->least_priority++;
	}
	m->swap->info[si->type] = NULL;
}

/* The failure when even reclaim cannot make room: nothing has changed. */
static int swapoff_no_room(struct machine *m, const struct swap_info_struct *si,
			   unsigned long need)
{
	unsigned long free = free_without_reclaim(m), room = make_room(m, si->type, need, false,
								       NULL);
	long slots = other_free_slots(m, si->type);

	char how[96] = "file pages: no other area can take anonymous pages";

	if (m->swap->nr_active > 1)
		snprintf(how, sizeof(how), "file pages, and anonymous pages into the %ld free "
			 "slot%s of the other areas", slots, slots == 1 ? "" : "s");
	return mm_err(m, -ENOMEM, "the %lu pages in %s do not fit in memory: %lu pages are free "
		      "above the watermarks, and reclaim could free %lu more (%s): nothing changed",
		      need, si->name, free, room, how);
}

int swapoff(struct machine *m, int type, unsigned long *nr_in)
{
	return swapoff_stat(m, type, nr_in, NULL);
}

int swapoff_stat(struct machine *m, int type, unsigned long *nr_in, struct reclaim_stat *pushed)
{
	struct swap_info_struct *si = type >= 0 && type < MAX_SWAPFILES ? m->swap->info[type] : NULL;
	struct reclaim_stat local = { 0 };
	struct unuse u = { .si = si };
	unsigned long need, avail;

	if (!si)
		return mm_err(m, -EINVAL, "there is no swap area %d (see swaps)", type);
	pushed = pushed ? pushed : &local;
	need = slots_to_read(si);
	avail = free_without_reclaim(m);
	if (need > avail && make_room(m, type, need - avail, false, NULL) < need - avail)
		return swapoff_no_room(m, si, need);
	u.pfns = malloc((need ? need : 1) * sizeof(*u.pfns));
	if (!u.pfns)
		return mm_err(m, -ENOMEM, "out of host memory");
	swap_set_writeok(m, si, false);
	if (need > avail) {
		make_room(m, type, need - avail, true, pushed);
		drain_all_pages(m);		/* the frames pushed out, into the buddy lists */
	}
	if (swapoff_prealloc(m, u.pfns, need) < 0) {
		swap_set_writeok(m, si, true);
		free(u.pfns);
		return mm_err(m, -ENOMEM, "the %lu pages in %s do not fit in memory: %s", need,
			      si->name, pushed->reclaimed ? "the pages pushed out to make room stay "
			      "out" : "nothing changed");
	}
	try_to_unuse(m, &u);
	MM_BUG_ON(u.used != need || si->inuse_pages != 0, m, 0);
	free(u.pfns);
	swap_remove(m, si);
	event_emit(m, .type = EV_SWAPOFF, .val = (unsigned long)type, .val2 = u.nr_in);
	swap_info_free(m, si);
	*nr_in = u.nr_in;
	return 0;
}
