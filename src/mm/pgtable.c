/*
 * pgtable.c - page-table pages, their entries, walks, and the kernel's
 * shared part of every address space.
 *
 * Tables are frames.  A walk starts at the frame CR3 names (mm->pgd) and
 * at each hardware level takes the index bits of the address, reads that
 * entry of the table's frame, and follows the entry's pfn down:
 *
 *   i386     0x0804a123: pgd[0x20] -> pte[0x4a] -> frame + 0x123
 *   i386-pae 0x0804a123: pgd[0] -> pmd[0x40] -> pte[0x4a] -> frame + 0x123
 *
 * The kernel's part is shared, not copied: at pgd_alloc() the entries from
 * KERNEL_PGD_BOUNDARY on are copied from swapper_pg_dir, so every process
 * points at the same lower tables for the kernel's addresses (on PAE the
 * fourth PDPT entry is the one kernel PMD all processes share).  When the
 * kernel later fills a top-level entry of its own (vmalloc on i386), the
 * new entry is copied into every pgd on the pgd list, as
 * arch_sync_kernel_mappings() does.
 *
 * The direct map is built at boot with large pages where the kernel uses
 * them (see pgtable_boot()), so a 1 GiB i386 machine's swapper_pg_dir has
 * one PTE table (the first 4 MiB) and 223 4 MiB entries.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "gfp.h"
#include "machine.h"
#include "mm_types.h"
#include "page_alloc.h"
#include "pgtable.h"

int pt_hw_levels(const struct arch_profile *a, enum pt_level out[NR_PT_LEVELS])
{
	int n = 0;

	for (int l = PT_PGD; l < NR_PT_LEVELS; l++)
		if (a->shift[l])			/* not folded */
			out[n++] = (enum pt_level)l;
	return n;
}

unsigned kernel_pgd_boundary(const struct machine *m)
{
	return pt_index(m->arch, PT_PGD, m->arch->page_offset);
}

void pt_set_new(struct machine *m, unsigned long table_pfn, unsigned idx, pteval_t v)
{
	MM_BUG_ON(!page_data_get(m, table_pfn), m, table_pfn);
	pt_set(m, table_pfn, idx, v);
}

/* A present entry at level l maps a page (rather than a table) if PS is set where x86 allows it. */
static bool pt_maps_page(const struct arch_profile *a, enum pt_level l, pteval_t e)
{
	if (l == PT_PTE)
		return true;
	if (!(e & _PAGE_PSE) || a->shift[l] > 30)
		return false;
	return !(a->levels == 3 && l == PT_PGD);	/* PAE PDPT entries have no PS */
}

/*
 * m->pt_geo from the profile: the hardware levels, and per level the bits
 * that make a present entry a leaf (pt_maps_page(): any entry at the PTE
 * level, PS where x86 allows it), the permission bits its entries lack
 * (PAE's PDPT entries carry no RW or US, so they restrict nothing) and
 * whether NX counts there.
 */
static void pt_geometry_init(struct machine *m)
{
	const struct arch_profile *a = m->arch;
	struct pt_geometry *g = &m->pt_geo;
	enum pt_level lv[NR_PT_LEVELS];

	g->nr = pt_hw_levels(a, lv);
	for (int i = 0; i < g->nr; i++) {
		bool pdpt = a->levels == 3 && lv[i] == PT_PGD;

		g->level[i] = (uint8_t)lv[i];
		g->shift[i] = (uint8_t)a->shift[lv[i]];
		g->mask[i] = (uint16_t)(a->ptrs[lv[i]] - 1);
		g->leaf[i] = lv[i] == PT_PTE ? ~(pteval_t)0 :
			     pt_maps_page(a, lv[i], _PAGE_PSE) ? _PAGE_PSE : 0;
		g->no_perm[i] = pdpt ? _PAGE_RW | _PAGE_USER : 0;
		g->nx[i] = a->has_nx && !pdpt ? _PAGE_NX : 0;
	}
}

void pt_walk(const struct machine *m, unsigned long pgd_pfn, unsigned long addr,
	     struct pt_walk *w)
{
	const struct arch_profile *a = m->arch;
	unsigned long table = pgd_pfn;
	enum pt_level lv[NR_PT_LEVELS];
	int n = pt_hw_levels(a, lv);

	memset(w, 0, sizeof(*w));
	w->addr = addr;
	for (int i = 0; i < n; i++) {
		struct pt_step *s = &w->step[w->nr++];

		s->level = lv[i];
		s->idx = pt_index(a, lv[i], addr);
		s->table_pfn = table;
		s->entry = pt_get(m, table, s->idx);
		if (!pte_present(s->entry))
			return;
		if (pt_maps_page(a, lv[i], s->entry)) {
			unsigned long size = pt_level_size(a, lv[i]);

			w->mapped = true;
			w->page_size = size;
			w->pfn = pte_pfn(s->entry) + ((addr & (size - 1)) >> PAGE_SHIFT);
			return;
		}
		table = pte_pfn(s->entry);
	}
}

long pte_lookup(const struct machine *m, const struct mm_struct *mm, unsigned long addr,
		unsigned *idx)
{
	const struct pt_geometry *g = &m->pt_geo;
	unsigned long table = mm->pgd;
	int last = g->nr - 1;

	for (int i = 0; i < last; i++) {
		pteval_t e = pt_get(m, table, pt_geo_index(g, i, addr));

		if (!pte_present(e))
			return -ENOENT;
		if (e & g->leaf[i])
			return -EEXIST;
		table = pte_pfn(e);
	}
	*idx = pt_geo_index(g, last, addr);
	return (long)table;
}

void pgtable_account(struct machine *m, unsigned long pfn, int delta)
{
	mm_node_stat_add(m, pfn, MM_NR_PAGETABLE, delta);
}

/* A zeroed page-table frame for level l of mm (GFP_PGTABLE_USER's zone: lowmem). */
static long pt_alloc_table(struct machine *m, struct mm_struct *mm, enum pt_level l,
			   unsigned long addr)
{
	long pfn = alloc_pages(m, GFP_KERNEL | __GFP_ZERO, 0);
	struct page *p;

	if (pfn < 0)
		return pfn;
	if (!page_data_get(m, (unsigned long)pfn)) {
		__free_pages(m, (unsigned long)pfn, 0);
		return mm_err(m, -ENOMEM, "out of host memory for a page table");
	}
	p = pfn_to_page(m, (unsigned long)pfn);
	SetPageFlag(p, PG_pgtable);
	p->index = (uint64_t)l;
	p->mapping = mm->id;
	pgtable_account(m, (unsigned long)pfn, 1);
	mm->pgtables_bytes += pt_table_bytes();
	event_emit(m, .type = EV_PTE_ALLOC, .pfn = (unsigned long)pfn, .order = l, .val = addr,
		   .val2 = mm->id, .ok = mm == m->init_mm);
	return pfn;
}

static void pt_free_table(struct machine *m, struct mm_struct *mm, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);

	event_emit(m, .type = EV_PTE_FREE, .pfn = pfn, .order = (unsigned)p->index,
		   .val2 = mm->id);
	ClearPageFlag(p, PG_pgtable);
	p->index = 0;
	p->mapping = 0;
	page_data_drop(m, pfn);
	pgtable_account(m, pfn, -1);
	mm->pgtables_bytes -= pt_table_bytes();
	__free_pages(m, pfn, 0);
}

/* The entry a table at level `parent` holds for a lower table. */
static pteval_t table_entry(const struct machine *m, const struct mm_struct *mm,
			    enum pt_level parent, unsigned long pfn)
{
	if (m->arch->levels == 3 && parent == PT_PGD)
		return pfn_pte(pfn, _PAGE_PRESENT);	/* a PAE PDPT entry */
	return pfn_pte(pfn, mm == m->init_mm ? _KERNPG_TABLE : _PAGE_TABLE);
}

/* arch_sync_kernel_mappings(): a new kernel pgd entry reaches every pgd. */
static void sync_kernel_pgd(struct machine *m, unsigned idx, pteval_t e)
{
	for (struct mm_struct *mm = m->init_mm->pgd_next; mm; mm = mm->pgd_next)
		pt_set(m, mm->pgd, idx, e);
}

/*
 * A new table below entry ix of `table`, at hardware level i + 1 of the
 * walk: allocated, entered, and synced to every pgd if it is a kernel
 * top-level entry.  Returns the new table's pfn, or -ENOMEM (nothing
 * changed).  Out of line: most walks find every level present.
 */
static long __attribute__((noinline))
pte_alloc_one(struct machine *m, struct mm_struct *mm, unsigned long addr, unsigned long table,
	      int i, unsigned ix)
{
	const struct pt_geometry *g = &m->pt_geo;
	long pfn = pt_alloc_table(m, mm, (enum pt_level)g->level[i + 1], addr);
	pteval_t e;

	if (pfn < 0)
		return pfn;
	e = table_entry(m, mm, (enum pt_level)g->level[i], (unsigned long)pfn);
	pt_set(m, table, ix, e);
	if (mm == m->init_mm && i == 0 && ix >= kernel_pgd_boundary(m))
		sync_kernel_pgd(m, ix, e);
	return (long)pte_pfn(e);
}

/* pte_alloc() with the entry width fixed, so that each width gets its own loop. */
static inline __attribute__((always_inline)) long
pte_alloc_width(struct machine *m, struct mm_struct *mm, unsigned long addr, unsigned *idx,
		bool narrow)
{
	const struct pt_geometry *g = &m->pt_geo;
	unsigned long table = mm->pgd;
	int last = g->nr - 1;

	for (int i = 0; i < last; i++) {
		unsigned ix = pt_geo_index(g, i, addr);
		pteval_t e = pt_get_width(m, table, ix, narrow);
		long next;

		if (pte_present(e)) {
			if (e & g->leaf[i])
				return -EEXIST;
			table = pte_pfn(e);
			continue;
		}
		next = pte_alloc_one(m, mm, addr, table, i, ix);
		if (next < 0)
			return next;
		table = (unsigned long)next;
	}
	*idx = pt_geo_index(g, last, addr);
	return (long)table;
}

long pte_alloc(struct machine *m, struct mm_struct *mm, unsigned long addr, unsigned *idx)
{
	if (m->arch->pte_bytes == 4)
		return pte_alloc_width(m, mm, addr, idx, true);
	return pte_alloc_width(m, mm, addr, idx, false);
}

/* True if every entry of the table is none. */
static bool table_empty(const struct machine *m, unsigned long pfn, enum pt_level l)
{
	for (int i = 0; i < m->arch->ptrs[l]; i++)
		if (!pte_none(pt_get(m, pfn, (unsigned)i)))
			return false;
	return true;
}

struct free_range {
	struct mm_struct *mm;
	unsigned long addr, end, floor, ceiling;	/* ceiling 0: no limit */
	enum pt_level lv[NR_PT_LEVELS];
	int n;
};

static bool span_inside(const struct free_range *r, unsigned long start, unsigned long size)
{
	return start >= r->floor && (r->ceiling == 0 || start + size <= r->ceiling);
}

/* PAE's user PMDs are preallocated with the pgd and live as long as it does. */
static bool table_pinned(const struct machine *m, int depth)
{
	return m->arch->levels == 3 && depth == 0;
}

/*
 * free_p?d_range(): descends the table at depth (an index into r->lv),
 * frees the child tables whose whole span lies inside [floor, ceiling).
 */
static void free_level(struct machine *m, struct free_range *r, unsigned long table, int depth,
		       unsigned long base)
{
	const struct arch_profile *a = m->arch;
	enum pt_level l = r->lv[depth];
	unsigned long size = pt_level_size(a, l);

	for (int i = 0; i < a->ptrs[l]; i++) {
		unsigned long start = base + (unsigned long)i * size;
		pteval_t e;

		if (start >= r->end || start + size <= r->addr)
			continue;
		e = pt_get(m, table, (unsigned)i);
		if (!pte_present(e) || depth + 1 >= r->n - 0 || pt_maps_page(a, l, e))
			continue;
		if (depth + 2 < r->n)
			free_level(m, r, pte_pfn(e), depth + 1, start);
		if (!span_inside(r, start, size) || table_pinned(m, depth))
			continue;
		MM_BUG_ON(!table_empty(m, pte_pfn(e), r->lv[depth + 1]), m, pte_pfn(e));
		pt_set(m, table, (unsigned)i, 0);
		pt_free_table(m, r->mm, pte_pfn(e));
	}
}

void free_pgd_range(struct machine *m, struct mm_struct *mm, unsigned long addr,
		    unsigned long end, unsigned long floor, unsigned long ceiling)
{
	struct free_range r = { .mm = mm, .addr = addr, .end = end, .floor = floor,
				.ceiling = ceiling };

	r.n = pt_hw_levels(m->arch, r.lv);
	if (addr >= end)
		return;
	free_level(m, &r, mm->pgd, 0, 0);
}

/* The pgd list hangs off init_mm (the kernel's pgd_list). */
static void pgd_list_add(struct machine *m, struct mm_struct *mm)
{
	mm->pgd_next = m->init_mm->pgd_next;
	m->init_mm->pgd_next = mm;
}

static void pgd_list_del(struct machine *m, struct mm_struct *mm)
{
	for (struct mm_struct **pp = &m->init_mm->pgd_next; *pp; pp = &(*pp)->pgd_next)
		if (*pp == mm) {
			*pp = mm->pgd_next;
			break;
		}
	mm->pgd_next = NULL;
}

/* pgd_prepopulate_pmd(): PAE's three user PMDs.  Returns 0 or -ENOMEM. */
static int pae_prealloc_pmds(struct machine *m, struct mm_struct *mm, unsigned boundary)
{
	for (unsigned i = 0; i < boundary; i++) {
		long pfn = pt_alloc_table(m, mm, PT_PMD, (unsigned long)i << m->arch->shift[PT_PGD]);

		if (pfn < 0) {
			while (i-- > 0) {
				unsigned long old = pte_pfn(pt_get(m, mm->pgd, i));

				pt_set(m, mm->pgd, i, 0);
				pt_free_table(m, mm, old);
			}
			return (int)pfn;
		}
		pt_set(m, mm->pgd, i, table_entry(m, mm, PT_PGD, (unsigned long)pfn));
	}
	return 0;
}

int pgd_alloc(struct machine *m, struct mm_struct *mm)
{
	unsigned boundary = kernel_pgd_boundary(m);
	long pgd = pt_alloc_table(m, mm, PT_PGD, 0);

	if (pgd < 0)
		return (int)pgd;
	mm->pgd = (unsigned long)pgd;
	for (int i = (int)boundary; i < m->arch->ptrs[PT_PGD]; i++)	/* clone_pgd_range() */
		pt_set(m, mm->pgd, (unsigned)i, pt_get(m, m->init_mm->pgd, (unsigned)i));
	if (m->arch->levels == 3 && pae_prealloc_pmds(m, mm, boundary) < 0) {
		pt_free_table(m, mm, mm->pgd);
		mm->pgd = 0;
		return -ENOMEM;
	}
	pgd_list_add(m, mm);
	return 0;
}

void pgd_free(struct machine *m, struct mm_struct *mm)
{
	if (m->arch->levels == 3) {
		for (unsigned i = 0; i < kernel_pgd_boundary(m); i++) {
			unsigned long pmd = pte_pfn(pt_get(m, mm->pgd, i));

			MM_BUG_ON(!table_empty(m, pmd, PT_PMD), m, pmd);
			pt_set(m, mm->pgd, i, 0);
			pt_free_table(m, mm, pmd);
		}
	}
	pgd_list_del(m, mm);
	pt_free_table(m, mm, mm->pgd);
	mm->pgd = 0;
}

/* ---- boot: swapper_pg_dir and the direct map ----------------------------- */

/* A frame of the kernel image's .bss made into a page table (never freed). */
static unsigned long boot_table(struct machine *m, unsigned long *next_bss, enum pt_level l)
{
	unsigned long pfn = (*next_bss)--;
	struct page *p = pfn_to_page(m, pfn);

	MM_BUG_ON(!PageFlag(p, PG_reserved), m, pfn);
	SetPageFlag(p, PG_pgtable);
	p->index = (uint64_t)l;
	MM_BUG_ON(!page_data_get(m, pfn), m, pfn);
	return pfn;
}

/* __PAGE_KERNEL: P RW A D G, NX where the architecture has it. */
pteval_t page_kernel(const struct machine *m)
{
	pteval_t prot = _PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_GLOBAL;

	return m->arch->has_nx ? prot | _PAGE_NX : prot;
}

/* Maps the kernel page [addr, addr + size) to pfn, with a PS entry if size is a large page. */
static void boot_map(struct machine *m, struct mm_struct *init_mm, unsigned long *next_bss,
		     unsigned long addr, unsigned long pfn, unsigned long size)
{
	const struct arch_profile *a = m->arch;
	unsigned long table = init_mm->pgd;
	enum pt_level lv[NR_PT_LEVELS];
	int n = pt_hw_levels(a, lv);

	for (int i = 0; i < n; i++) {
		unsigned ix = pt_index(a, lv[i], addr);
		pteval_t e;

		if (pt_level_size(a, lv[i]) == size) {
			pteval_t prot = page_kernel(m) | (lv[i] == PT_PTE ? 0 : _PAGE_PSE);

			pt_set(m, table, ix, pfn_pte(pfn, prot));
			return;
		}
		e = pt_get(m, table, ix);
		if (!pte_present(e)) {
			e = table_entry(m, init_mm, lv[i], boot_table(m, next_bss, lv[i + 1]));
			pt_set(m, table, ix, e);
		}
		table = pte_pfn(e);
	}
}

/*
 * The page size the direct map uses at physical address pa (see
 * fill_direct_map() in procfs.c, which reports the same split as
 * DirectMap4k/2M/4M/1G).
 */
static unsigned long direct_map_page(const struct machine *m, unsigned long pa,
				     unsigned long end)
{
	const struct arch_profile *a = m->arch;
	unsigned long pmd = a->levels == 2 ? 4UL << 20 : 2UL << 20, gb = 1UL << 30;

	if (pa < pmd)
		return PAGE_SIZE;
	if (a->is_64bit && end >= 2 * gb && pa >= gb && !(pa & (gb - 1)) &&
	    pa + gb <= (end & ~(gb - 1)))
		return gb;
	if (!(pa & (pmd - 1)) && pa + pmd <= end)
		return pmd;
	return PAGE_SIZE;
}

void pgtable_boot(struct machine *m, struct mm_struct *init_mm, unsigned long *next_bss)
{
	unsigned long end = m->max_low_pfn << PAGE_SHIFT, size;

	pt_geometry_init(m);
	init_mm->pgd = boot_table(m, next_bss, PT_PGD);
	for (unsigned long pa = 0; pa < end; pa += size) {
		size = direct_map_page(m, pa, end);
		boot_map(m, init_mm, next_bss, m->arch->page_offset + pa, pa >> PAGE_SHIFT, size);
	}
}

void pte_bits_str(const struct machine *m, pteval_t e, char *buf, unsigned long len)
{
	static const struct { pteval_t bit; const char *name; } bits[] = {
		{ _PAGE_PRESENT, "P" }, { _PAGE_RW, "RW" }, { _PAGE_USER, "US" },
		{ _PAGE_PWT, "PWT" }, { _PAGE_PCD, "PCD" }, { _PAGE_ACCESSED, "A" },
		{ _PAGE_DIRTY, "D" }, { _PAGE_PSE, "PS" }, { _PAGE_GLOBAL, "G" },
		{ _PAGE_NX, "NX" },
	};
	size_t pos = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
		const char *name = bits[i].name;

		if (!(e & bits[i].bit) || (bits[i].bit == _PAGE_NX && !m->arch->has_nx))
			continue;
		if (bits[i].bit == _PAGE_GLOBAL && !(e & _PAGE_PRESENT))
			name = "PROTNONE";	/* bit 8 without P: _PAGE_PROTNONE */
		pos += (size_t)snprintf(buf + pos, pos < len ? len - pos : 0, "%s%s",
					pos ? " " : "", name);
	}
	if (pos == 0)
		snprintf(buf, len, "-");
}
