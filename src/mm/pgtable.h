/*
 * pgtable.h - page tables: entries, their bits, tables as frames, walks.
 *
 * A page table is a simulated frame from the buddy allocator (lowmem on
 * i386, GFP_KERNEL|__GFP_ZERO), flagged PG_pgtable and counted in
 * meminfo's PageTables.  Its entries live in the frame's contents buffer
 * (page_data_get()): 1024 entries of 4 bytes on i386, 512 (4 for PAE's
 * PDPT) of 8 bytes elsewhere.  An entry is kept here as a 64-bit value
 * whatever its width, with the bits x86 gives it:
 *
 *   63  62 ... 52  51 ........ 12  11..9  8  7  6  5  4   3   2  1  0
 *   NX  (ignored)  pfn             avail  G  PS D  A  PCD PWT US RW P
 *
 * (i386 without PAE has 32-bit entries: pfn in bits 31..12, no NX.)
 *
 * The levels are Linux's, pgd > p4d > pud > pmd > pte; an architecture
 * with fewer hardware levels folds the missing ones (arch.h: shift 0) and
 * a walk simply skips them, as pgtable-nop4d.h and friends make the
 * kernel do.  A walk of 0x00007ffff7a0d123 on x86_64:
 *
 *   pgd[255] -> pud[511] -> pmd[445] -> pte[13] -> frame + 0x123
 */
#ifndef VMLAB_MM_PGTABLE_H
#define VMLAB_MM_PGTABLE_H

#include <stdbool.h>
#include <stdint.h>
#include "arch.h"
#include "machine.h"

struct machine;
struct mm_struct;

typedef uint64_t pteval_t;

#define _PAGE_PRESENT	(1ULL << 0)
#define _PAGE_RW	(1ULL << 1)
#define _PAGE_USER	(1ULL << 2)
#define _PAGE_PWT	(1ULL << 3)
#define _PAGE_PCD	(1ULL << 4)
#define _PAGE_ACCESSED	(1ULL << 5)
#define _PAGE_DIRTY	(1ULL << 6)
#define _PAGE_PSE	(1ULL << 7)
#define _PAGE_GLOBAL	(1ULL << 8)
#define _PAGE_NX	(1ULL << 63)
/* With P clear, bit 8 marks a PROT_NONE page: mapped for Linux, absent for the CPU. */
#define _PAGE_PROTNONE	_PAGE_GLOBAL

/* What a table entry pointing at a lower table holds (pgalloc.h). */
#define _PAGE_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

#define PTE_PFN_MASK	0x000ffffffffff000ULL

static inline unsigned long pte_pfn(pteval_t e)
{
	return (unsigned long)((e & PTE_PFN_MASK) >> PAGE_SHIFT);
}
static inline bool pte_present(pteval_t e)
{
	return e & _PAGE_PRESENT;
}
static inline bool pte_none(pteval_t e)
{
	return e == 0;
}
/* A user PTE that maps a page, accessible or PROT_NONE (the kernel's pte_present()). */
static inline bool pte_mapped(pteval_t e)
{
	return e & (_PAGE_PRESENT | _PAGE_PROTNONE);
}
static inline pteval_t pfn_pte(unsigned long pfn, pteval_t prot)
{
	return ((pteval_t)pfn << PAGE_SHIFT) | prot;
}

/* The index addr has at a level (0 for a folded level). */
static inline unsigned pt_index(const struct arch_profile *a, enum pt_level l,
				unsigned long addr)
{
	return a->shift[l] ? (unsigned)((addr >> a->shift[l]) & (unsigned long)(a->ptrs[l] - 1)) : 0;
}

/* Bytes one entry of a table at this level maps (1 << shift). */
static inline unsigned long pt_level_size(const struct arch_profile *a, enum pt_level l)
{
	return 1UL << a->shift[l];
}

/* The hardware levels of an architecture, top down.  Returns how many. */
int pt_hw_levels(const struct arch_profile *a, enum pt_level out[NR_PT_LEVELS]);

/*
 * The first pgd index of the kernel's part (KERNEL_PGD_BOUNDARY): entries
 * from here on are copied from swapper_pg_dir into every new pgd.
 * i386 768, PAE 3, x86_64 and LA57 273.
 */
unsigned kernel_pgd_boundary(const struct machine *m);

/* pt_get() for entries known to be 4 bytes wide (narrow) or 8: the walks' inner read. */
static inline __attribute__((always_inline)) pteval_t
pt_get_width(const struct machine *m, unsigned long table_pfn, unsigned idx, bool narrow)
{
	uint32_t h = m->mem_map[table_pfn].content;	/* page_data(), inline for the walks */
	const void *buf;

	if (!h)
		return 0;
	buf = m->store.buf[h];			/* a handle always has its buffer */
	if (narrow)
		return ((const uint32_t *)buf)[idx];
	return ((const uint64_t *)buf)[idx];
}

/* Reads one entry of the table in frame table_pfn (0 if the frame holds nothing). */
static inline pteval_t pt_get(const struct machine *m, unsigned long table_pfn, unsigned idx)
{
	return pt_get_width(m, table_pfn, idx, m->arch->pte_bytes == 4);
}

/* pt_set() for a frame with no contents buffer yet: gives it one, then writes. */
void pt_set_new(struct machine *m, unsigned long table_pfn, unsigned idx, pteval_t v);

/* Writes one entry (the frame gets a contents buffer if it had none). */
static inline void pt_set(struct machine *m, unsigned long table_pfn, unsigned idx, pteval_t v)
{
	uint32_t h = m->mem_map[table_pfn].content;
	void *buf;

	if (!h) {
		pt_set_new(m, table_pfn, idx, v);
		return;
	}
	buf = m->store.buf[h];
	if (m->arch->pte_bytes == 4)
		((uint32_t *)buf)[idx] = (uint32_t)v;
	else
		((uint64_t *)buf)[idx] = v;
}

/* The index addr has in the table of hardware level i of the walk (machine.h). */
static inline unsigned pt_geo_index(const struct pt_geometry *g, int i, unsigned long addr)
{
	return (unsigned)(addr >> g->shift[i]) & g->mask[i];
}

/*
 * One walk, level by level.  steps[] holds each hardware level visited:
 * its index, the table's frame and the entry read there.  The walk stops
 * at the first entry that is not present or maps a page (PS or PTE level).
 */
struct pt_step {
	enum pt_level level;
	unsigned idx;
	unsigned long table_pfn;
	pteval_t entry;
};

struct pt_walk {
	unsigned long addr;
	int nr;				/* steps taken */
	struct pt_step step[NR_PT_LEVELS];
	bool mapped;			/* the walk reached a page */
	unsigned long pfn;		/* the 4 KiB frame addr falls in */
	unsigned long page_size;	/* 4K, or a large page's size */
};

/* Walks the tables under pgd_pfn for addr.  Changes nothing. */
void pt_walk(const struct machine *m, unsigned long pgd_pfn, unsigned long addr,
	     struct pt_walk *w);

/*
 * The PTE slot for addr in mm, if its PTE table exists: the table's pfn
 * (and *idx), or -ENOENT when a level above is empty, or -EEXIST when a
 * large page maps addr.  Fast: no walk record.
 */
long pte_lookup(const struct machine *m, const struct mm_struct *mm, unsigned long addr,
		unsigned *idx);

/*
 * __pte_alloc() and the levels above: the PTE table for addr in mm,
 * allocating every missing table on the way (GFP_KERNEL|__GFP_ZERO;
 * PG_pgtable, counted in PageTables and mm->pgtables_bytes).  Returns the
 * PTE table's pfn with *idx the entry's index, or -ENOMEM (tables already
 * allocated on the way stay, as in the kernel) or -EEXIST (a large page
 * maps addr).  A new kernel top-level entry is copied into every pgd on
 * the pgd list (arch_sync_kernel_mappings()).
 */
long pte_alloc(struct machine *m, struct mm_struct *mm, unsigned long addr, unsigned *idx);

/*
 * Frees the page tables of the user range [addr, end) of mm that no longer
 * map anything, the way free_pgd_range() does: a table is freed only if the
 * whole span it maps lies within [floor, ceiling) (ceiling 0 = the top of
 * user space), so tables shared with neighbouring VMAs stay.  Every PTE in
 * the range must already be none.
 */
void free_pgd_range(struct machine *m, struct mm_struct *mm, unsigned long addr,
		    unsigned long end, unsigned long floor, unsigned long ceiling);

/*
 * pgd_alloc(): a new top-level table for mm with the kernel entries
 * shared the architecture's way (i386: entries 768.. copied from
 * swapper_pg_dir; PAE: the three user PMDs preallocated and PDPT[3] the
 * shared kernel PMD; x86_64: entries 273.. copied).  Sets mm->pgd and puts
 * mm on the pgd list.  Returns 0 or -ENOMEM (nothing allocated).
 */
int pgd_alloc(struct machine *m, struct mm_struct *mm);
/* pgd_free(): frees the pgd (and PAE's user PMDs); the rest must be gone. */
void pgd_free(struct machine *m, struct mm_struct *mm);

/*
 * Boot: builds init_mm's swapper_pg_dir and the direct map over lowmem in
 * frames of the kernel image's .bss (reserved, as in Linux, so not counted
 * in PageTables).  The direct map uses large pages as the kernel's
 * split_mem_range() does: 4 KiB pages for the first PMD's span, then PMD
 * pages (4 MiB without PAE, 2 MiB otherwise) and, on x86_64 with at least
 * 2 GiB, 1 GiB pages from 1 GiB up.  *next_bss is the next free .bss frame
 * (counting down) and is advanced.  First records m->pt_geo, the hardware
 * levels every walk goes through.
 */
void pgtable_boot(struct machine *m, struct mm_struct *init_mm, unsigned long *next_bss);

/* How many bytes a page-table frame's entries take (for VmPTE). */
static inline unsigned long pt_table_bytes(void)
{
	return PAGE_SIZE;
}

/* __PAGE_KERNEL: P RW A D G, and NX where the architecture has it. */
pteval_t page_kernel(const struct machine *m);

/* Writes the names of the set bits of e ("P RW US A D NX") into buf. */
void pte_bits_str(const struct machine *m, pteval_t e, char *buf, unsigned long len);

/* Counts a page-table frame in or out of NR_PAGETABLE of its node. */
void pgtable_account(struct machine *m, unsigned long pfn, int delta);

#endif
