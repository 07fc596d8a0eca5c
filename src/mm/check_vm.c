/*
 * check_vm.c - the invariants of address spaces, for the checker.
 *
 * The rules, each walking the structures from scratch:
 *
 *   page tables  every table reachable from a pgd is a PG_pgtable frame,
 *                allocated (or, for boot tables, reserved), reached once;
 *                every PG_pgtable frame is reachable; a process's kernel
 *                entries are swapper_pg_dir's; PageTables and each mm's
 *                VmPTE count exactly the tables found
 *   mapcount     a mapped page's _mapcount + 1 equals the present PTEs
 *                that point at it, its _refcount covers them (plus the
 *                page cache's reference); each mm's RSS counters and the
 *                AnonPages and Mapped counters agree with the PTEs
 *   zero page    reserved, PG_zero, never written, never mapped writable
 *   page cache   each cached frame knows its file and index; Cached and
 *                Dirty agree with the files
 *   VMAs         sorted, disjoint, page-aligned, inside user space;
 *                map_count and total_vm agree with the list
 *   slab objects each task's objects, mm_struct and vm_area_structs are
 *                allocated objects of their boot caches, and those caches
 *                have no other objects in use
 *   TLB          every valid entry matches its address space's tables:
 *                the same frame and page size, no right the PTEs deny
 */
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "filemap.h"
#include "machine.h"
#include "mm_types.h"
#include "pgtable.h"
#include "rmap.h"
#include "sched.h"
#include "slab.h"
#include "tlb.h"

struct vmcheck {
	struct machine *m;
	check_report_fn report;
	void *ctx;
	unsigned char *seen;		/* [max_pfn]: page-table frames reached */
	uint32_t *maps;			/* [max_pfn]: user PTEs mapping each frame */
	unsigned long tables;		/* allocated (non-boot) tables reached */
};

/* One violation, reported through the checker's callback (check.h). */
#define bad(c, ...) check_violation((c)->report, (c)->ctx, __VA_ARGS__)

/* ---- page tables and the PTEs in them ---------------------------------------------- */

struct tree {
	struct mm_struct *mm;		/* NULL: init_mm */
	int pid;
	enum pt_level lv[NR_PT_LEVELS];
	int n;
	unsigned long tables;
	long anon, file, shmem;		/* present user pages by kind (RSS) */
};

static void check_table_frame(struct vmcheck *c, const struct tree *t, unsigned long pfn,
			      enum pt_level l)
{
	const struct page *p;

	if (!pfn_valid(c->m, pfn)) {
		bad(c, "pid %d: a %s entry points at pfn 0x%lx beyond RAM", t->pid,
		    pt_level_name(l), pfn);
		return;
	}
	p = pfn_to_page(c->m, pfn);
	if (c->seen[pfn]++)
		bad(c, "page table pfn 0x%lx is reached twice", pfn);
	if (!PageFlag(p, PG_pgtable))
		bad(c, "pfn 0x%lx is used as a %s table but is not PG_pgtable", pfn,
		    pt_level_name(l));
	if (PageFlag(p, PG_reserved))
		return;
	if (!PageFlag(p, PG_head) || p->_refcount != 1)
		bad(c, "page table pfn 0x%lx is not an allocated page (refcount %d)", pfn,
		    p->_refcount);
	c->tables++;
}

static void check_pte(struct vmcheck *c, struct tree *t, pteval_t e)
{
	unsigned long pfn = pte_pfn(e);
	const struct page *p;

	if (!pte_mapped(e) || !t->mm)
		return;				/* kernel mappings are not counted */
	if (!pfn_valid(c->m, pfn)) {
		bad(c, "pid %d: a PTE maps pfn 0x%lx beyond RAM", t->pid, pfn);
		return;
	}
	if (pfn == c->m->zero_pfn) {
		if (e & _PAGE_RW)
			bad(c, "pid %d maps the zero page writable", t->pid);
		return;
	}
	p = pfn_to_page(c->m, pfn);
	c->maps[pfn]++;
	if (PageFlag(p, PG_anon))
		t->anon++;
	else if (PageFlag(p, PG_swapbacked))
		t->shmem++;
	else
		t->file++;
}

/* Walks one table at depth; user trees stop at the kernel boundary of the pgd. */
static void walk_table(struct vmcheck *c, struct tree *t, unsigned long table, int depth)
{
	const struct arch_profile *a = c->m->arch;
	enum pt_level l = t->lv[depth];
	int end = a->ptrs[l];

	if (depth == 0 && t->mm)
		end = (int)kernel_pgd_boundary(c->m);
	for (int i = 0; i < end; i++) {
		pteval_t e = pt_get(c->m, table, (unsigned)i);

		if (depth == t->n - 1) {
			check_pte(c, t, e);
			continue;
		}
		if (!pte_present(e) || (l != PT_PGD && (e & _PAGE_PSE)) ||
		    (l == PT_PGD && a->levels == 2 && (e & _PAGE_PSE)))
			continue;
		check_table_frame(c, t, pte_pfn(e), t->lv[depth + 1]);
		t->tables++;
		walk_table(c, t, pte_pfn(e), depth + 1);
	}
}

static void check_kernel_entries(struct vmcheck *c, const struct tree *t)
{
	unsigned long pgd = t->mm->pgd, swapper = c->m->init_mm->pgd;

	for (int i = (int)kernel_pgd_boundary(c->m); i < c->m->arch->ptrs[PT_PGD]; i++)
		if (pt_get(c->m, pgd, (unsigned)i) != pt_get(c->m, swapper, (unsigned)i)) {
			bad(c, "pid %d: pgd entry %d differs from swapper_pg_dir's", t->pid, i);
			return;
		}
}

static void check_rss(struct vmcheck *c, const struct tree *t)
{
	const struct mm_struct *mm = t->mm;

	if (mm->rss_stat[MM_ANONPAGES] != t->anon || mm->rss_stat[MM_FILEPAGES] != t->file ||
	    mm->rss_stat[MM_SHMEMPAGES] != t->shmem)
		bad(c, "pid %d: RSS counters anon %ld file %ld shmem %ld, but its PTEs map "
		    "%ld, %ld, %ld", t->pid, mm->rss_stat[MM_ANONPAGES], mm->rss_stat[MM_FILEPAGES],
		    mm->rss_stat[MM_SHMEMPAGES], t->anon, t->file, t->shmem);
	if (mm->pgtables_bytes != (t->tables + 1) * PAGE_SIZE)
		bad(c, "pid %d: VmPTE is %lu kB but it has %lu page tables", t->pid,
		    mm->pgtables_bytes >> 10, t->tables + 1);
}

static void walk_tree(struct vmcheck *c, struct mm_struct *mm, int pid)
{
	struct tree t = { .mm = mm, .pid = pid };
	unsigned long pgd = mm ? mm->pgd : c->m->init_mm->pgd;

	t.n = pt_hw_levels(c->m->arch, t.lv);
	check_table_frame(c, &t, pgd, PT_PGD);
	walk_table(c, &t, pgd, 0);
	if (!mm)
		return;
	check_kernel_entries(c, &t);
	check_rss(c, &t);
}

static long node_sum(const struct machine *m, enum mm_node_stat i)
{
	long n = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++)
		n += mm_node_stat(m, nid, i);
	return n;
}

/* Every PG_pgtable frame was reached; PageTables counts the allocated ones. */
static void check_all_tables_reached(struct vmcheck *c)
{
	for (unsigned long pfn = 0; pfn < c->m->max_pfn; pfn++)
		if (PageFlag(&c->m->mem_map[pfn], PG_pgtable) && !c->seen[pfn])
			bad(c, "page table pfn 0x%lx is reached from no pgd", pfn);
	if (node_sum(c->m, MM_NR_PAGETABLE) != (long)c->tables)
		bad(c, "PageTables counts %ld pages but %lu page tables exist",
		    node_sum(c->m, MM_NR_PAGETABLE), c->tables);
}

/* _mapcount, _refcount and the mapped-page counters against the PTE counts. */
static void check_mapcounts(struct vmcheck *c)
{
	long anon = 0, file = 0;

	for (unsigned long pfn = 0; pfn < c->m->max_pfn; pfn++) {
		const struct page *p = &c->m->mem_map[pfn];

		bool user = PageFlag(p, PG_head) && (PageFlag(p, PG_anon) || p->mapping) &&
			    !PageFlag(p, PG_slab) && !PageFlag(p, PG_pgtable);

		if (!c->maps[pfn] && !user)
			continue;		/* not a user page: its _mapcount is not ours */
		if ((long)c->maps[pfn] != page_mapcount(p))
			bad(c, "pfn 0x%lx: mapcount %d but %u PTEs map it", pfn, page_mapcount(p),
			    c->maps[pfn]);
		if (c->maps[pfn] && p->_refcount < (int)c->maps[pfn])
			bad(c, "pfn 0x%lx: refcount %d is below its %u mappings", pfn, p->_refcount,
			    c->maps[pfn]);
		if (c->maps[pfn] && PageFlag(p, PG_anon))
			anon++;
		else if (c->maps[pfn])
			file++;
	}
	if (node_sum(c->m, MM_NR_ANON_MAPPED) != anon || node_sum(c->m, MM_NR_FILE_MAPPED) != file)
		bad(c, "AnonPages %ld and Mapped %ld pages, but PTEs map %ld anonymous and %ld file "
		    "pages", node_sum(c->m, MM_NR_ANON_MAPPED), node_sum(c->m, MM_NR_FILE_MAPPED),
		    anon, file);
}

static void rule_page_tables(struct vmcheck *c)
{
	walk_tree(c, NULL, 0);
	for (struct task_struct *t = c->m->tasks; t; t = t->next)
		walk_tree(c, t->mm, t->pid);
	check_all_tables_reached(c);
	check_mapcounts(c);
}

/* ---- the zero page, the page cache, VMAs -------------------------------------------- */

static void rule_zero_page(struct vmcheck *c)
{
	const struct page *p = pfn_to_page(c->m, c->m->zero_pfn);

	if (!PageFlag(p, PG_zero) || !PageFlag(p, PG_reserved))
		bad(c, "the zero page pfn 0x%lx lost PG_zero or PG_reserved", c->m->zero_pfn);
	if (page_data(c->m, c->m->zero_pfn))
		bad(c, "the zero page has been written to");
}

static void check_file(struct vmcheck *c, const struct sim_file *f, long *cached, long *dirty)
{
	unsigned long n = 0, d = 0;

	for (unsigned long i = 0; i < f->nr_pages; i++) {
		const struct page *p;

		if (f->cache[i] == PFN_NONE)
			continue;
		p = pfn_to_page(c->m, f->cache[i]);
		n++;
		d += PageFlag(p, PG_dirty);
		if (p->mapping != f->id || p->index != i || p->_refcount < 1 ||
		    PageFlag(p, PG_anon))
			bad(c, "%s: cached page %lu (pfn 0x%x) does not point back at it", f->name, i,
			    f->cache[i]);
	}
	if (n != f->nr_cached || d != f->nr_dirty)
		bad(c, "%s: %lu cached and %lu dirty pages counted, %lu and %lu found", f->name,
		    f->nr_cached, f->nr_dirty, n, d);
	*cached += (long)n;
	if (!f->shmem)
		*dirty += (long)d;
}

static void rule_page_cache(struct vmcheck *c)
{
	long cached = 0, dirty = 0;

	for (const struct sim_file *f = c->m->files->head; f; f = f->next)
		check_file(c, f, &cached, &dirty);
	if (node_sum(c->m, MM_NR_FILE_PAGES) != cached || node_sum(c->m, MM_NR_FILE_DIRTY) != dirty)
		bad(c, "Cached %ld and Dirty %ld pages, but the files hold %ld and %ld",
		    node_sum(c->m, MM_NR_FILE_PAGES), node_sum(c->m, MM_NR_FILE_DIRTY), cached, dirty);
}

static void check_vma_list(struct vmcheck *c, const struct task_struct *t)
{
	const struct mm_struct *mm = t->mm;
	const struct vm_area_struct *prev = NULL;
	unsigned long pages = 0;
	int n = 0;

	for (const struct vm_area_struct *v = mm->mmap; v; prev = v, v = v->vm_next, n++) {
		if ((v->vm_start | v->vm_end) & ~PAGE_MASK || v->vm_start >= v->vm_end ||
		    v->vm_end > mm->task_size)
			bad(c, "pid %d: VMA 0x%lx-0x%lx is not a page-aligned range of user space",
			    t->pid, v->vm_start, v->vm_end);
		if (prev && prev->vm_end > v->vm_start)
			bad(c, "pid %d: VMAs 0x%lx-0x%lx and 0x%lx-0x%lx overlap or are unsorted",
			    t->pid, prev->vm_start, prev->vm_end, v->vm_start, v->vm_end);
		if (v->vm_prev != prev || v->vm_mm != mm)
			bad(c, "pid %d: VMA 0x%lx-0x%lx is badly linked", t->pid, v->vm_start,
			    v->vm_end);
		pages += (v->vm_end - v->vm_start) >> PAGE_SHIFT;
	}
	if (n != mm->map_count || pages != mm->total_vm)
		bad(c, "pid %d: map_count %d and total_vm %lu, but %d VMAs of %lu pages", t->pid,
		    mm->map_count, mm->total_vm, n, pages);
}

static void rule_vmas(struct vmcheck *c)
{
	for (const struct task_struct *t = c->m->tasks; t; t = t->next)
		check_vma_list(c, t);
}

/* ---- the processes' slab objects ------------------------------------------------ */

/* obj must be an allocated object of s; what names whose object it is. */
static void check_object(struct vmcheck *c, const struct kmem_cache *s, unsigned long obj,
			 const char *what, int pid)
{
	if (!kmem_cache_object_allocated(c->m, s, obj))
		bad(c, "pid %d: its %s 0x%lx is not an allocated object of %s", pid, what, obj,
		    s->name);
}

/* Only processes use these caches: the objects in use are exactly theirs. */
static void check_inuse(struct vmcheck *c, const struct kmem_cache *s, unsigned long want)
{
	unsigned long got = kmem_cache_inuse(c->m, s);

	if (got != want)
		bad(c, "%s has %lu objects in use, but the processes hold %lu", s->name, got,
		    want);
}

static void rule_slab_objects(struct vmcheck *c)
{
	const struct slab_allocator *sa = c->m->slab;
	unsigned long tasks = 0, vmas = 0;

	for (const struct task_struct *t = c->m->tasks; t; t = t->next) {
		tasks++;
		for (enum task_obj i = 0; i < NR_TASK_OBJS; i++)
			check_object(c, task_obj_cache(c->m, i), t->kobj[i], "task object", t->pid);
		check_object(c, sa->mm_cachep, t->mm->kaddr, "mm_struct", t->pid);
		for (const struct vm_area_struct *v = t->mm->mmap; v; v = v->vm_next, vmas++)
			check_object(c, sa->vm_area_cachep, v->kaddr, "vm_area_struct", t->pid);
	}
	for (enum task_obj i = 0; i < NR_TASK_OBJS; i++)
		check_inuse(c, task_obj_cache(c->m, i), tasks);
	check_inuse(c, sa->mm_cachep, tasks);
	check_inuse(c, sa->vm_area_cachep, vmas);
}

/* ---- the TLB --------------------------------------------------------------------- */

static const struct mm_struct *mm_by_id(const struct machine *m, uint32_t id)
{
	if (id == m->init_mm->id)
		return m->init_mm;
	for (const struct task_struct *t = m->tasks; t; t = t->next)
		if (t->mm->id == id)
			return t->mm;
	return NULL;
}

/* The rights the page tables give addr: TLBF_* bits, or -1 if not mapped. */
static int pt_rights(const struct machine *m, unsigned long pgd, unsigned long addr,
		     unsigned long *pfn, unsigned long *size)
{
	struct pt_walk w;
	unsigned rights = TLBF_RW | TLBF_US;

	pt_walk(m, pgd, addr, &w);
	if (!w.mapped)
		return -1;
	for (int i = 0; i < w.nr; i++) {
		pteval_t e = w.step[i].entry;

		if (m->arch->levels == 3 && w.step[i].level == PT_PGD)
			continue;
		if (!(e & _PAGE_RW))
			rights &= ~(unsigned)TLBF_RW;
		if (!(e & _PAGE_USER))
			rights &= ~(unsigned)TLBF_US;
		if ((e & _PAGE_NX) && m->arch->has_nx)
			rights |= TLBF_NX;
	}
	if (w.step[w.nr - 1].entry & _PAGE_DIRTY)
		rights |= TLBF_D;
	*pfn = w.pfn;
	*size = w.page_size;
	return (int)rights;
}

static void check_tlb_entry(struct vmcheck *c, const struct tlb *t, const struct tlb_entry *e)
{
	uint32_t id = tlb_entry_mm(t, e);
	const struct mm_struct *mm = id ? mm_by_id(c->m, id) : c->m->init_mm;
	unsigned long addr = (unsigned long)(e->vpn << e->shift), pfn, size;
	int rights;

	if (!mm) {
		bad(c, "cpu %d: TLB entry for 0x%lx belongs to an address space that is gone", t->cpu,
		    addr);
		return;
	}
	rights = pt_rights(c->m, mm->pgd, addr, &pfn, &size);
	if (rights < 0 || pfn != e->pfn || size != 1UL << e->shift) {
		bad(c, "cpu %d: TLB entry 0x%lx -> pfn 0x%llx disagrees with the page tables", t->cpu,
		    addr, (unsigned long long)e->pfn);
		return;
	}
	if ((e->flags & TLBF_RW && !(rights & TLBF_RW)) || (e->flags & TLBF_US &&
	    !(rights & TLBF_US)) || (!(e->flags & TLBF_NX) && (rights & TLBF_NX)) ||
	    (e->flags & TLBF_D && !(rights & TLBF_D)))
		bad(c, "cpu %d: TLB entry for 0x%lx allows more than its PTE", t->cpu, addr);
}

static void rule_tlb(struct vmcheck *c)
{
	for (int cpu = 0; cpu < c->m->nr_cpus; cpu++) {
		const struct tlb *t = &c->m->tlb[cpu];

		for (int i = 0; i < t->nr_entries; i++)
			if (t->e[i].shift)
				check_tlb_entry(c, t, &t->e[i]);
	}
}

void vm_check(struct machine *m, check_report_fn report, void *ctx)
{
	struct vmcheck c = { .m = m, .report = report, .ctx = ctx };

	c.seen = calloc(m->max_pfn, 1);
	c.maps = calloc(m->max_pfn, sizeof(*c.maps));
	if (!c.seen || !c.maps) {
		bad(&c, "out of host memory for the address-space check");
	} else {
		rule_page_tables(&c);
		rule_zero_page(&c);
		rule_page_cache(&c);
		rule_vmas(&c);
		rule_slab_objects(&c);
		rule_tlb(&c);
	}
	free(c.seen);
	free(c.maps);
}
