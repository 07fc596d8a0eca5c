/*
 * page.c - lists of frames linked by pfn, and page flag names.
 *
 * A pfn_list is a doubly linked list threaded through page->lru_next and
 * page->lru_prev, with first/last kept in the list head:
 *
 *   first -> [pfn 8] <-> [pfn 12] <-> [pfn 4] <- last
 *
 * Adding at the head and taking from the head makes a LIFO (the buddy free
 * lists and per-CPU lists); the buddy allocator also adds at the tail when
 * a merge is likely soon, and free_pcppages_bulk takes from the tail.
 * The list operations themselves are inline in page.h.
 */
#include <stdlib.h>
#include <string.h>
#include "machine.h"
#include "page.h"

void pfn_list_init(struct pfn_list *l)
{
	l->first = l->last = PFN_NONE;
	l->count = 0;
}

const char *pageflag_name(enum pageflags f)
{
	static const char *const names[NR_PAGEFLAGS] = {
		[PG_locked] = "locked", [PG_referenced] = "referenced",
		[PG_uptodate] = "uptodate", [PG_dirty] = "dirty", [PG_lru] = "lru",
		[PG_active] = "active", [PG_slab] = "slab", [PG_reserved] = "reserved",
		[PG_private] = "private", [PG_writeback] = "writeback", [PG_head] = "head",
		[PG_swapcache] = "swapcache", [PG_swapbacked] = "swapbacked",
		[PG_unevictable] = "unevictable", [PG_buddy] = "buddy", [PG_pcp] = "pcp",
		[PG_pgtable] = "pgtable", [PG_anon] = "anon", [PG_zero] = "zero",
		[PG_vmalloc] = "vmalloc",
	};

	return f < NR_PAGEFLAGS ? names[f] : "?";
}

/* Page contents: a handle-indexed pool of PAGE_SIZE host buffers. */

static uint32_t store_new(struct page_store *s)
{
	if (s->nr_free) {
		uint32_t h = s->free[--s->nr_free];

		memset(s->buf[h], 0, PAGE_SIZE);
		return h;
	}
	if (s->nr + 1 >= s->cap) {
		uint32_t cap = s->cap ? s->cap * 2 : 64;
		unsigned char **buf = realloc(s->buf, cap * sizeof(*buf));
		uint32_t *fr = realloc(s->free, cap * sizeof(*fr));

		if (buf)
			s->buf = buf;
		if (fr)
			s->free = fr;
		if (!buf || !fr)
			return 0;
		s->cap = cap;
	}
	if (s->nr == 0)
		s->nr = 1;			/* handle 0 means "none" */
	s->buf[s->nr] = calloc(1, PAGE_SIZE);
	return s->buf[s->nr] ? s->nr++ : 0;
}

void *page_store_buf(const struct machine *m, uint32_t handle)
{
	return handle ? m->store.buf[handle] : NULL;
}

void page_store_release(struct machine *m, uint32_t handle)
{
	if (handle)
		m->store.free[m->store.nr_free++] = handle;
}

void *page_data(const struct machine *m, unsigned long pfn)
{
	return page_store_buf(m, m->mem_map[pfn].content);
}

void *page_data_get(struct machine *m, unsigned long pfn)
{
	struct page *p = &m->mem_map[pfn];

	if (!p->content)
		p->content = store_new(&m->store);
	return page_store_buf(m, p->content);
}

uint32_t page_data_detach(struct machine *m, unsigned long pfn)
{
	uint32_t h = m->mem_map[pfn].content;

	m->mem_map[pfn].content = 0;
	return h;
}

void page_data_drop(struct machine *m, unsigned long pfn)
{
	page_store_release(m, page_data_detach(m, pfn));
}

void page_data_attach(struct machine *m, unsigned long pfn, uint32_t handle)
{
	page_data_drop(m, pfn);
	m->mem_map[pfn].content = handle;
}

void page_store_destroy(struct page_store *s)
{
	for (uint32_t h = 1; h < s->nr; h++)
		free(s->buf[h]);
	free(s->buf);
	free(s->free);
	s->buf = NULL;
	s->free = NULL;
	s->nr = s->cap = s->nr_free = 0;
}
