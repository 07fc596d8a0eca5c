/*
 * rmap.h - from a page back to the page-table entries that map it, and
 * the reference and map counts that go with them.
 *
 * A mapped user page keeps, as the kernel's does:
 *   _refcount  one per PTE mapping it, plus one while it is in the page cache
 *              or the swap cache (swapfile.h)
 *   _mapcount  PTEs mapping it, minus one (-1: not mapped)
 *   mapping    anonymous: the id of its VMA's (root) anon_vma, with PG_anon
 *              file: the id of its file
 *   index      anonymous: the page's linear index (vm_pgoff + offset in the VMA)
 *              file: its page offset in the file
 *
 * so rmap_walk() finds every mapper: for an anonymous page, each VMA of
 * every mm with the same anon_vma whose range covers index; for a file
 * page, each VMA mapping that file over index.  The zero page is never
 * counted: it is mapped by "special" PTEs, as vm_normal_page() says.
 */
#ifndef VMLAB_MM_RMAP_H
#define VMLAB_MM_RMAP_H

#include <stdbool.h>
#include "mm_types.h"
#include "pgtable.h"

struct machine;

static inline unsigned long linear_page_index(const struct vm_area_struct *v,
					      unsigned long addr)
{
	return v->vm_pgoff + ((addr - v->vm_start) >> 12);
}

/* The frame behind a present user PTE, or -1 for the zero page (vm_normal_page()). */
long vm_normal_page(const struct machine *m, pteval_t pte);

/* anon_vma_prepare(): gives the VMA an anon_vma id if it has none. */
void anon_vma_prepare(struct machine *m, struct vm_area_struct *vma);

/* A newly allocated anonymous page (refcount 1) is now mapped once. */
void page_add_new_anon_rmap(struct machine *m, unsigned long pfn, struct vm_area_struct *vma,
			    unsigned long addr);
/*
 * One more PTE maps an anonymous page that already exists (swap-in, swapoff);
 * the caller holds the reference for it.
 */
void page_add_anon_rmap(struct machine *m, unsigned long pfn);
/* One more PTE maps a file page (the caller holds the reference for it). */
void page_add_file_rmap(struct machine *m, unsigned long pfn);
/* fork: one more PTE maps an already mapped page; takes a reference. */
void page_dup_rmap(struct machine *m, unsigned long pfn);
/* A PTE no longer maps the page: mapcount and the PTE's reference drop (may free it). */
void page_remove_rmap(struct machine *m, unsigned long pfn);

static inline int page_mapcount(const struct page *p)
{
	return p->_mapcount + 1;
}

/* get_page()/put_page() on a user page; put_page() frees it at zero. */
void get_page(struct machine *m, unsigned long pfn);
void put_page(struct machine *m, unsigned long pfn);

/* Called once per PTE mapping the page: mm, vma, the address, the PTE table and index. */
typedef void (*rmap_one_fn)(struct machine *m, struct mm_struct *mm, struct vm_area_struct *vma,
			    unsigned long addr, unsigned long table, unsigned idx, void *ctx);

/* Calls fn for every present PTE that maps pfn.  Returns how many. */
int rmap_walk(struct machine *m, unsigned long pfn, rmap_one_fn fn, void *ctx);

/* page_mkclean(): write-protects and cleans every PTE mapping a file page. */
void page_mkclean(struct machine *m, unsigned long pfn);

#endif
