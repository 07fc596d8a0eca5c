/*
 * rmap.c - reverse mapping: map counts, references, and the walk from a
 * page to every PTE that maps it.
 *
 * After `fork` a private page written before the fork is mapped twice:
 *
 *   pfn 0x3ff00  _refcount 2  _mapcount 1 (two PTEs)  mapping = anon_vma 7
 *     pid 1 0x0804c000 -> pte (read-only now)
 *     pid 2 0x0804c000 -> pte (read-only)
 *
 * A write by either copies the page (or, once only one mapper is left,
 * reuses it): see do_wp_page() in memory.c.
 */
#include "filemap.h"
#include "machine.h"
#include "page_alloc.h"
#include "rmap.h"
#include "tlb.h"
#include "vmscan.h"

long vm_normal_page(const struct machine *m, pteval_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	return pfn == m->zero_pfn ? -1 : (long)pfn;
}

void anon_vma_prepare(struct machine *m, struct vm_area_struct *vma)
{
	if (!vma->anon_vma)
		vma->anon_vma = ++m->last_anon_vma;
}

void get_page(struct machine *m, unsigned long pfn)
{
	m->mem_map[pfn]._refcount++;
}

void put_page(struct machine *m, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);

	MM_BUG_ON(p->_refcount <= 0, m, pfn);
	if (p->_refcount == 1) {		/* the last reference: free_pages_prepare() */
		MM_BUG_ON(p->_mapcount >= 0 || PageFlag(p, PG_swapcache), m, pfn);
		if (PageFlag(p, PG_lru))
			lru_del(m, pfn);	/* __page_cache_release() */
		ClearPageFlag(p, PG_anon);
		ClearPageFlag(p, PG_swapbacked);
		ClearPageFlag(p, PG_dirty);
		ClearPageFlag(p, PG_uptodate);
		ClearPageFlag(p, PG_referenced);
		p->mapping = 0;
		p->index = 0;
	}
	__free_pages(m, pfn, 0);
}

void page_add_new_anon_rmap(struct machine *m, unsigned long pfn, struct vm_area_struct *vma,
			    unsigned long addr)
{
	struct page *p = pfn_to_page(m, pfn);

	p->_mapcount = 0;
	SetPageFlag(p, PG_anon);
	SetPageFlag(p, PG_swapbacked);
	p->mapping = vma->anon_vma;
	p->index = linear_page_index(vma, addr);
	mm_node_stat_add(m, pfn, MM_NR_ANON_MAPPED, 1);
}

void page_add_anon_rmap(struct machine *m, unsigned long pfn)
{
	if (++m->mem_map[pfn]._mapcount == 0)
		mm_node_stat_add(m, pfn, MM_NR_ANON_MAPPED, 1);
}

void page_add_file_rmap(struct machine *m, unsigned long pfn)
{
	if (++m->mem_map[pfn]._mapcount == 0)
		mm_node_stat_add(m, pfn, MM_NR_FILE_MAPPED, 1);
}

void page_dup_rmap(struct machine *m, unsigned long pfn)
{
	m->mem_map[pfn]._mapcount++;
	get_page(m, pfn);
}

void page_remove_rmap(struct machine *m, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);

	MM_BUG_ON(p->_mapcount < 0, m, pfn);
	if (--p->_mapcount < 0)
		mm_node_stat_add(m, pfn, PageFlag(p, PG_anon) ? MM_NR_ANON_MAPPED :
				 MM_NR_FILE_MAPPED, -1);
	put_page(m, pfn);
}

/* Calls fn if v maps index to pfn in mm.  Returns 1 if it did. */
static int rmap_one(struct machine *m, struct mm_struct *mm, struct vm_area_struct *v,
		    unsigned long index, unsigned long pfn, rmap_one_fn fn, void *ctx)
{
	unsigned long pages = (v->vm_end - v->vm_start) >> PAGE_SHIFT, addr;
	unsigned idx;
	long table;
	pteval_t e;

	if (index < v->vm_pgoff || index - v->vm_pgoff >= pages)
		return 0;
	addr = v->vm_start + ((index - v->vm_pgoff) << PAGE_SHIFT);
	table = pte_lookup(m, mm, addr, &idx);
	if (table < 0)
		return 0;
	e = pt_get(m, (unsigned long)table, idx);
	if (!pte_mapped(e) || pte_pfn(e) != pfn)
		return 0;
	if (fn)
		fn(m, mm, v, addr, (unsigned long)table, idx, ctx);
	return 1;
}

int rmap_walk(struct machine *m, unsigned long pfn, rmap_one_fn fn, void *ctx)
{
	const struct page *p = pfn_to_page(m, pfn);
	bool anon = PageFlag(p, PG_anon);
	struct sim_file *f = anon ? NULL : file_by_id(m, p->mapping);
	int n = 0;

	if (!p->mapping || (!anon && !f))
		return 0;
	for (struct task_struct *t = m->tasks; t; t = t->next) {
		for (struct vm_area_struct *v = t->mm->mmap; v; v = v->vm_next) {
			if (anon ? v->anon_vma != p->mapping : v->vm_file != f)
				continue;
			n += rmap_one(m, t->mm, v, (unsigned long)p->index, pfn, fn, ctx);
		}
	}
	return n;
}

static void mkclean_one(struct machine *m, struct mm_struct *mm, struct vm_area_struct *vma,
			unsigned long addr, unsigned long table, unsigned idx, void *ctx)
{
	pteval_t e = pt_get(m, table, idx);

	(void)vma;
	(void)ctx;
	if (!(e & (_PAGE_RW | _PAGE_DIRTY)))
		return;
	pt_set(m, table, idx, e & ~(pteval_t)(_PAGE_RW | _PAGE_DIRTY));
	flush_tlb_page(m, mm, addr);
}

void page_mkclean(struct machine *m, unsigned long pfn)
{
	rmap_walk(m, pfn, mkclean_one, NULL);
}
