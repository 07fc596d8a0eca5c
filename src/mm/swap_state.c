/*
 * swap_state.c - the swap cache: pages that are both in RAM and in a slot.
 *
 * A page is in the swap cache from the moment reclaim gives it a slot
 * until it is freed, and again from the moment a fault reads it back
 * until nobody needs the slot.  While it is there the slot's swap_map byte
 * has SWAP_HAS_CACHE, page_swap_entry() gives the entry, and the cache holds
 * one reference to the page.  Its life on the way out:
 *
 *   add_to_swap         slot (0, 5), PG_swapcache, PG_dirty    refcount 1+1
 *   try_to_unmap        each PTE := swap entry (0, 5)          refcount 1
 *   swap_writepage      the bytes move to slot 5 (pswpout)
 *   delete_from_swap_cache                                     refcount 0: free
 *
 * and back in (do_swap_page): swapin reads slot 5 into a new frame in the
 * swap cache (pswpin, a major fault); a second process that shared the
 * page through fork finds it there (a minor fault).  The slot keeps its
 * bytes while the page stays in the cache, so a page that is not written
 * again can later be dropped without writing it out once more.
 */
#include <errno.h>
#include <string.h>
#include "gfp.h"
#include "machine.h"
#include "mm_types.h"
#include "page_alloc.h"
#include "rmap.h"
#include "swapfile.h"
#include "vmscan.h"

static int pfn_nid(const struct machine *m, unsigned long pfn)
{
	return (int)(pfn_zoneid(m, pfn) / MAX_NR_ZONES);
}

long lookup_swap_cache(const struct machine *m, swp_entry_t e)
{
	const struct swap_info_struct *si = swap_info(m, swp_type(e));

	if (!si || swp_offset(e) >= si->max || si->cache[swp_offset(e)] == PFN_NONE)
		return -1;
	return si->cache[swp_offset(e)];
}

void add_to_swap_cache(struct machine *m, unsigned long pfn, swp_entry_t e)
{
	struct swap_info_struct *si = swap_info(m, swp_type(e));
	struct page *p = pfn_to_page(m, pfn);

	swapcache_set(m, e);
	si->cache[swp_offset(e)] = (uint32_t)pfn;
	si->nr_cached++;
	SetPageFlag(p, PG_swapcache);
	m->swap->page_entry[pfn] = swp_entry_pack(e);
	get_page(m, pfn);
	m->swap->nr_swapcache[pfn_nid(m, pfn)]++;
}

void delete_from_swap_cache(struct machine *m, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);
	swp_entry_t e = page_swap_entry(m, pfn);
	struct swap_info_struct *si = swap_info(m, swp_type(e));

	MM_BUG_ON(!PageFlag(p, PG_swapcache), m, pfn);
	si->cache[swp_offset(e)] = PFN_NONE;
	si->nr_cached--;
	ClearPageFlag(p, PG_swapcache);
	m->swap->page_entry[pfn] = 0;
	m->swap->nr_swapcache[pfn_nid(m, pfn)]--;
	swapcache_clear(m, e);
	put_page(m, pfn);
}

int add_to_swap(struct machine *m, unsigned long pfn)
{
	swp_entry_t e = get_swap_page(m);

	if (!e.val)
		return -ENOSPC;
	add_to_swap_cache(m, pfn, e);
	SetPageFlag(pfn_to_page(m, pfn), PG_dirty);
	return 0;
}

bool folio_free_swap(struct machine *m, unsigned long pfn)
{
	const struct page *p = pfn_to_page(m, pfn);

	if (!PageFlag(p, PG_swapcache) || swap_count(m, page_swap_entry(m, pfn)))
		return false;
	delete_from_swap_cache(m, pfn);
	return true;
}

void free_swap_cache(struct machine *m, unsigned long pfn)
{
	const struct page *p = pfn_to_page(m, pfn);

	if (PageFlag(p, PG_swapcache) && page_mapcount(p) <= 1)
		folio_free_swap(m, pfn);
}

void swap_writepage(struct machine *m, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);
	swp_entry_t e = page_swap_entry(m, pfn);
	struct swap_info_struct *si = swap_info(m, swp_type(e));
	unsigned long off = swp_offset(e);

	page_store_release(m, si->data[off]);
	si->data[off] = page_data_detach(m, pfn);
	ClearPageFlag(p, PG_dirty);
	count_vm_event(m, PSWPOUT);
	m->vm_events[PGPGOUT] += PAGE_SIZE >> 10;
}

/* The slot's bytes into the new frame: moved (the slot goes next) or copied. */
static int swap_read_data(struct machine *m, unsigned long pfn, swp_entry_t e, bool take)
{
	struct swap_info_struct *si = swap_info(m, swp_type(e));
	unsigned long off = swp_offset(e);
	const void *src = page_store_buf(m, si->data[off]);
	void *dst;

	if (take) {
		page_data_attach(m, pfn, si->data[off]);
		si->data[off] = 0;
		return 0;
	}
	if (!src) {
		page_data_drop(m, pfn);
		return 0;
	}
	dst = page_data_get(m, pfn);
	if (!dst)
		return mm_err(m, -ENOMEM, "out of host memory for page contents");
	memcpy(dst, src, PAGE_SIZE);
	return 0;
}

long swapin(struct machine *m, swp_entry_t e, struct vm_area_struct *vma, unsigned long addr,
	    bool take_data, bool *major)
{
	long pfn = lookup_swap_cache(m, e);
	struct page *p;

	*major = false;
	if (pfn >= 0) {
		get_page(m, (unsigned long)pfn);
		return pfn;
	}
	pfn = alloc_pages(m, GFP_HIGHUSER_MOVABLE, 0);
	if (pfn < 0)
		return pfn;
	if (swap_read_data(m, (unsigned long)pfn, e, take_data) < 0) {
		__free_pages(m, (unsigned long)pfn, 0);
		return -ENOMEM;
	}
	p = pfn_to_page(m, (unsigned long)pfn);
	SetPageFlag(p, PG_anon);
	SetPageFlag(p, PG_swapbacked);
	SetPageFlag(p, PG_uptodate);
	p->mapping = vma->anon_vma;
	p->index = linear_page_index(vma, addr);
	add_to_swap_cache(m, (unsigned long)pfn, e);
	lru_cache_add(m, (unsigned long)pfn);
	count_vm_event(m, PSWPIN);
	m->vm_events[PGPGIN] += PAGE_SIZE >> 10;
	*major = true;
	return pfn;
}
