/*
 * page.h - mem_map: one struct page per simulated frame.
 *
 * The kernel's struct page is 64 bytes; ours is 40, and every later part of
 * the model (page tables, LRU, swap, slab) lives in these fields, so a
 * 64 GiB machine costs 640 MiB of host memory at most.  Lists link frames by
 * pfn (u32) rather than by pointer: half the size, and a list survives a
 * realloc of mem_map.
 *
 * A frame's zone is not stored in the page: zones and nodes are aligned to
 * MAX_ORDER blocks, so a table with one byte per 4 MiB section answers
 * page_zone() (like the kernel's SPARSEMEM section-to-node table), and boot
 * need not touch the struct page of a frame it only puts on a free list.
 */
#ifndef VMLAB_MM_PAGE_H
#define VMLAB_MM_PAGE_H

#include <stdbool.h>
#include <stdint.h>

struct machine;
struct zone;

#define PFN_NONE	UINT32_MAX

enum pageflags {
	PG_locked,
	PG_referenced,
	PG_uptodate,
	PG_dirty,
	PG_lru,
	PG_active,
	PG_slab,
	PG_reserved,
	PG_private,
	PG_writeback,
	PG_head,	/* first frame of an allocated block; private = its order */
	PG_swapcache,
	PG_swapbacked,
	PG_unevictable,
	PG_buddy,	/* head of a free block in the buddy allocator (PageBuddy) */
	PG_pcp,		/* on a per-CPU page list (the kernel keeps no flag: a model aid) */
	PG_pgtable,	/* a page-table page (PageTable) */
	PG_anon,	/* anonymous page (the kernel tags page->mapping instead) */
	PG_zero,	/* the shared zero page */
	PG_vmalloc,	/* backs a vmalloc area */
	NR_PAGEFLAGS
};

struct page {
	uint32_t flags;		/* PG_* bits */
	int32_t _refcount;	/* 0 = free */
	int32_t _mapcount;	/* page-table entries mapping it, minus one */
	uint32_t private;	/* buddy order; later swap entry or slab data */
	uint32_t lru_next;	/* pfn links of the list the page is on */
	uint32_t lru_prev;
	uint32_t mapping;	/* owner handle: file, anon_vma or kmem_cache */
	uint32_t content;	/* handle of the page's stored bytes, 0 = none */
	uint64_t index;		/* page offset within mapping */
};

/*
 * A list of frames threaded through page->lru_next/lru_prev.  first and last
 * are pfns (PFN_NONE when empty).  A frame is on at most one list.
 */
struct pfn_list {
	uint32_t first;
	uint32_t last;
	unsigned long count;
};

static inline bool PageFlag(const struct page *p, enum pageflags f)
{
	return p->flags & (1u << f);
}

static inline void SetPageFlag(struct page *p, enum pageflags f)
{
	p->flags |= 1u << f;
}

static inline void ClearPageFlag(struct page *p, enum pageflags f)
{
	p->flags &= ~(1u << f);
}

void pfn_list_init(struct pfn_list *l);

/* The list operations are inline: the buddy and per-CPU lists use them on every allocation. */
static inline void pfn_list_add_head(struct page *map, struct pfn_list *l, uint32_t pfn)
{
	struct page *p = &map[pfn];

	p->lru_prev = PFN_NONE;
	p->lru_next = l->first;
	if (l->first != PFN_NONE)
		map[l->first].lru_prev = pfn;
	else
		l->last = pfn;
	l->first = pfn;
	l->count++;
}

static inline void pfn_list_add_tail(struct page *map, struct pfn_list *l, uint32_t pfn)
{
	struct page *p = &map[pfn];

	p->lru_next = PFN_NONE;
	p->lru_prev = l->last;
	if (l->last != PFN_NONE)
		map[l->last].lru_next = pfn;
	else
		l->first = pfn;
	l->last = pfn;
	l->count++;
}

static inline void pfn_list_del(struct page *map, struct pfn_list *l, uint32_t pfn)
{
	struct page *p = &map[pfn];

	if (p->lru_prev != PFN_NONE)
		map[p->lru_prev].lru_next = p->lru_next;
	else
		l->first = p->lru_next;
	if (p->lru_next != PFN_NONE)
		map[p->lru_next].lru_prev = p->lru_prev;
	else
		l->last = p->lru_prev;
	p->lru_next = p->lru_prev = PFN_NONE;
	l->count--;
}

/* Takes the first (last) frame off the list; PFN_NONE if it is empty. */
static inline uint32_t pfn_list_pop_head(struct page *map, struct pfn_list *l)
{
	uint32_t pfn = l->first;

	if (pfn != PFN_NONE)
		pfn_list_del(map, l, pfn);
	return pfn;
}

static inline uint32_t pfn_list_pop_tail(struct page *map, struct pfn_list *l)
{
	uint32_t pfn = l->last;

	if (pfn != PFN_NONE)
		pfn_list_del(map, l, pfn);
	return pfn;
}

const char *pageflag_name(enum pageflags f);

/*
 * Page contents.  Most frames are never written and cost nothing; a frame
 * that holds data (a user page after `write`, a page-table page's entries,
 * a slab's objects) gets a PAGE_SIZE host buffer, found through
 * page->content.  Buffers can be moved between frames and other holders
 * (a swap slot) by handle, without copying.
 */
struct page_store {
	unsigned char **buf;		/* [handle]; handle 0 is never used */
	uint32_t nr, cap;
	uint32_t *free;			/* released handles */
	uint32_t nr_free;
};

/* The frame's bytes, or NULL if it has none (it reads as zeros). */
void *page_data(const struct machine *m, unsigned long pfn);
/* The frame's bytes, created zero-filled if needed.  NULL on host OOM. */
void *page_data_get(struct machine *m, unsigned long pfn);
/* Forgets the frame's bytes: it reads as zeros again. */
void page_data_drop(struct machine *m, unsigned long pfn);
/* Takes the buffer away from the frame and returns its handle (0 if none). */
uint32_t page_data_detach(struct machine *m, unsigned long pfn);
/* Gives a detached buffer to a frame (dropping the frame's own, if any). */
void page_data_attach(struct machine *m, unsigned long pfn, uint32_t handle);
/* The bytes behind a handle, for holders other than frames (0: NULL). */
void *page_store_buf(const struct machine *m, uint32_t handle);
/* Releases a detached buffer. */
void page_store_release(struct machine *m, uint32_t handle);
void page_store_destroy(struct page_store *s);

#endif
