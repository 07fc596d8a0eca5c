/*
 * proc_arch.c - the zero page and mprotect's splits and merges on each
 * architecture: i386 (2 levels, no NX), i386-pae (3 levels, NX), x86_64
 * (4 levels) and x86_64-la57 (5 levels).  Each case works at an address
 * whose page tables a fresh process does not have yet (exec touches no
 * page), so its first fault builds a real table at every level below the
 * pgd, and munmap frees those that serve no other VMA:
 *
 *   arch          addr            the first fault allocates   munmap keeps
 *   i386          0x40000000      1  pte                      none
 *   i386-pae      0x40000000      1  pte (pgd_alloc made the  none
 *                                    PMDs)
 *   x86_64        0x7f0000000000  3  pud, pmd, pte            none
 *   x86_64-la57   0x900000000000  4  p4d, pud, pmd, pte       the p4d: pgd[0]
 *                                                             spans text and
 *                                                             stack too
 */
#include <errno.h>
#include "boot.h"
#include "tap.h"
#include "frames.h"
#include "mm/check.h"
#include "mm/machine.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "mm/pgtable.h"
#include "mm/sched.h"
#include "mm/tlb.h"

struct arch_case {
	const char *arch;
	unsigned long addr;	/* a free, table-less part of user space */
	long tables;		/* page-table pages its first fault allocates */
	long kept;		/* of those, the ones munmap must keep */
};

static const struct arch_case cases[] = {
	{ "i386", 0x40000000UL, 1, 0 },
	{ "i386-pae", 0x40000000UL, 1, 0 },
	{ "x86_64", 0x7f0000000000UL, 3, 0 },
	{ "x86_64-la57", 0x900000000000UL, 4, 1 },
};

static void report(void *ctx, const char *msg)
{
	(void)ctx;
	diag("violation: %s", msg);
}

/* The PTE that maps addr in mm, or 0 when no PTE table covers it. */
static pteval_t pte_of(const struct machine *m, const struct mm_struct *mm, unsigned long addr)
{
	unsigned idx;
	long table = pte_lookup(m, mm, addr, &idx);

	return table < 0 ? 0 : pt_get(m, (unsigned long)table, idx);
}

static bool pte_nx(pteval_t e)
{
	return (e & _PAGE_NX) != 0;
}

/* A process running "app" with an anonymous rw- mapping of pages pages at c->addr. */
static struct mm_struct *exec_with_mapping(struct machine *m, const struct arch_case *c,
					   unsigned long pages)
{
	struct exec_opts o = { 0 };
	struct mm_struct *mm;

	check_int(do_execve(m, "app", &o), ==, 1);
	mm = current_task(m)->mm;
	check_int(do_mmap(m, mm, c->addr, pages * PAGE_SIZE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), ==, (long)c->addr);
	return mm;
}

/* ---- the zero page ------------------------------------------------------------------ */

/*
 * Reads of never-written anonymous memory map the shared zero page
 * read-only (and, where the CPU has NX, not executable): no frame but the
 * page tables, no RSS, no reference on the zero page.  A write then copies
 * it to a page of its own; mprotect never makes a zero-page PTE writable;
 * munmap gives back the page and the tables no other VMA needs.
 */
static void test_zero_page(const struct arch_case *c)
{
	struct machine *m = boot(c->arch, 1024, 1, 1);
	struct mm_struct *mm = exec_with_mapping(m, c, 2);
	struct page *zero = pfn_to_page(m, m->zero_pfn);
	unsigned long a = c->addr, b = c->addr + PAGE_SIZE, tbytes = mm->pgtables_bytes;
	long before = free_frames(m), zero_refs = zero->_refcount;
	struct fault_info fi;
	uint64_t v = 99;
	pteval_t e;

	check_int(user_read64(m, a, &v, &fi), ==, 0);
	check_int(v, ==, 0);
	check_int(user_read64(m, b + 8, &v, &fi), ==, 0);
	check_int(v, ==, 0);
	e = pte_of(m, mm, a);
	check_int(pte_pfn(e), ==, m->zero_pfn);
	check_int(pte_pfn(pte_of(m, mm, b)), ==, m->zero_pfn);
	ok(pte_present(e) && (e & _PAGE_USER) && !(e & _PAGE_RW), "%s: the zero page is "
	   "mapped present, user, read-only", c->arch);
	ok(pte_nx(e) == m->arch->has_nx, "%s: NX on the zero page iff the CPU has NX", c->arch);
	check_int(before - free_frames(m), ==, c->tables);
	check_int((long)((mm->pgtables_bytes - tbytes) >> PAGE_SHIFT), ==, c->tables);
	check_int(get_mm_rss(mm), ==, 0);
	check_int(zero->_refcount, ==, zero_refs);

	/* mprotect r then rw: the zero-page PTE stays read-only (no exclusive page) */
	check_int(do_mprotect(m, mm, a, PAGE_SIZE, PROT_READ), ==, 0);
	check_int(do_mprotect(m, mm, a, PAGE_SIZE, PROT_READ | PROT_WRITE), ==, 0);
	e = pte_of(m, mm, a);
	ok(pte_pfn(e) == m->zero_pfn && !(e & _PAGE_RW), "%s: still the zero page, read-only",
	   c->arch);

	check_int(user_write64(m, a, 5, &fi), ==, 0);
	e = pte_of(m, mm, a);
	ok(pte_pfn(e) != m->zero_pfn && (e & _PAGE_RW), "%s: the write got a page of its own",
	   c->arch);
	ok(pte_nx(e) == m->arch->has_nx, "%s: NX on the copy iff the CPU has NX", c->arch);
	check_int(before - free_frames(m), ==, c->tables + 1);
	check_int(get_mm_rss(mm), ==, 1);
	check_int(pte_pfn(pte_of(m, mm, b)), ==, m->zero_pfn);
	check_int(user_read64(m, a, &v, &fi), ==, 0);
	check_int(v, ==, 5);
	check_int(user_read64(m, b, &v, &fi), ==, 0);
	check_int(v, ==, 0);
	ok(page_data(m, m->zero_pfn) == NULL, "%s: the zero page stays zero", c->arch);
	check_int(zero->_refcount, ==, zero_refs);
	check_int(current_task(m)->min_flt, ==, 3);
	check_int(check_machine(m, report, NULL, 10), ==, 0);

	check_int(do_munmap(m, mm, a, 2 * PAGE_SIZE), ==, 0);
	check_int(before - free_frames(m), ==, c->kept);
	check_int((long)((mm->pgtables_bytes - tbytes) >> PAGE_SHIFT), ==, c->kept);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* ---- mprotect ----------------------------------------------------------------------- */

/* The VMA containing addr spans exactly [start, end) with the access bits flags. */
static bool vma_is(struct mm_struct *mm, unsigned long addr, unsigned long start,
		   unsigned long end, unsigned long flags)
{
	const struct vm_area_struct *v = vma_lookup(mm, addr);

	return v && v->vm_start == start && v->vm_end == end &&
	       (v->vm_flags & VM_ACCESS_FLAGS) == flags;
}

/* Writes 10, 11, 12 to the three pages at addr. */
static void write_three(struct machine *m, unsigned long addr)
{
	struct fault_info fi;

	for (int i = 0; i < 3; i++)
		check_int(user_write64(m, addr + (unsigned long)i * PAGE_SIZE, 10 + i, &fi), ==, 0);
}

/*
 * Three written pages in one VMA.  mprotect of the middle one splits the
 * VMA in three, takes RW off the present PTE (the frame stays), keeps NX,
 * and flushes that page from the TLB; mprotect back merges the three and,
 * the page being the process's alone, makes the PTE writable again without
 * a fault.
 */
static void test_mprotect_split_merge(const struct arch_case *c)
{
	struct machine *m = boot(c->arch, 256, 1, 1);
	struct mm_struct *mm = exec_with_mapping(m, c, 3);
	const unsigned long rw = VM_READ | VM_WRITE, a = c->addr, mid = a + PAGE_SIZE;
	struct task_struct *t = current_task(m);
	struct fault_info fi;
	unsigned long pfn, flt;
	uint64_t v;
	int vmas;

	write_three(m, a);
	vmas = mm->map_count;
	pfn = pte_pfn(pte_of(m, mm, mid));
	flt = t->min_flt;
	ok(tlb_probe(&m->tlb[0], mid, PAGE_SHIFT) != NULL, "%s: the TLB holds the page", c->arch);

	check_int(do_mprotect(m, mm, mid, PAGE_SIZE, PROT_READ), ==, 0);
	check_int(mm->map_count, ==, vmas + 2);
	ok(vma_is(mm, a, a, mid, rw) && vma_is(mm, mid, mid, mid + PAGE_SIZE, VM_READ) &&
	   vma_is(mm, mid + PAGE_SIZE, mid + PAGE_SIZE, a + 3 * PAGE_SIZE, rw),
	   "%s: split into rw-, r--, rw-", c->arch);
	ok(pte_present(pte_of(m, mm, mid)) && !(pte_of(m, mm, mid) & _PAGE_RW),
	   "%s: the middle PTE is present and read-only", c->arch);
	check_int(pte_pfn(pte_of(m, mm, mid)), ==, pfn);
	ok(pte_nx(pte_of(m, mm, mid)) == m->arch->has_nx, "%s: NX kept", c->arch);
	ok(pte_of(m, mm, a) & _PAGE_RW, "%s: the first PTE keeps RW", c->arch);
	ok(tlb_probe(&m->tlb[0], mid, PAGE_SHIFT) == NULL, "%s: its TLB entry is gone", c->arch);
	ok(tlb_probe(&m->tlb[0], a, PAGE_SHIFT) != NULL, "%s: the neighbour's stays", c->arch);
	check_int(user_read64(m, mid, &v, &fi), ==, 0);
	check_int(v, ==, 11);

	check_int(do_mprotect(m, mm, mid, PAGE_SIZE, PROT_READ | PROT_WRITE), ==, 0);
	check_int(mm->map_count, ==, vmas);
	ok(vma_is(mm, mid, a, a + 3 * PAGE_SIZE, rw), "%s: merged back into one", c->arch);
	ok(pte_of(m, mm, mid) & _PAGE_RW, "%s: an exclusive page is writable again", c->arch);
	check_int(user_write64(m, mid, 21, &fi), ==, 0);
	check_int(t->min_flt, ==, flt);
	check_int(pte_pfn(pte_of(m, mm, mid)), ==, pfn);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/*
 * PROT_EXEC clears NX; PROT_NONE keeps the page behind a not-present
 * entry, and its contents come back with rw.  A range with a hole, a
 * misaligned one and one outside user space fail and change nothing.
 */
static void test_mprotect_bits(const struct arch_case *c)
{
	struct machine *m = boot(c->arch, 256, 1, 1);
	struct mm_struct *mm = exec_with_mapping(m, c, 3);
	const unsigned long rw = VM_READ | VM_WRITE, a = c->addr, mid = a + PAGE_SIZE;
	struct fault_info fi;
	unsigned long pfn;
	uint64_t v;
	int vmas;

	write_three(m, a);
	vmas = mm->map_count;
	pfn = pte_pfn(pte_of(m, mm, mid));
	check_int(do_mprotect(m, mm, mid, PAGE_SIZE, PROT_READ | PROT_EXEC), ==, 0);
	ok(!pte_nx(pte_of(m, mm, mid)), "%s: PROT_EXEC clears NX", c->arch);
	check_int(do_mprotect(m, mm, mid, PAGE_SIZE, PROT_NONE), ==, 0);
	check_int(mm->map_count, ==, vmas + 2);
	ok(!pte_present(pte_of(m, mm, mid)) && pte_mapped(pte_of(m, mm, mid)) &&
	   pte_pfn(pte_of(m, mm, mid)) == pfn, "%s: PROT_NONE keeps the page, not present",
	   c->arch);
	check_int(do_mprotect(m, mm, mid, PAGE_SIZE, PROT_READ | PROT_WRITE), ==, 0);
	check_int(mm->map_count, ==, vmas);
	check_int(user_read64(m, mid, &v, &fi), ==, 0);
	check_int(v, ==, 11);

	check_int(do_mprotect(m, mm, a, 5 * PAGE_SIZE, PROT_READ), ==, -ENOMEM);
	check_int(do_mprotect(m, mm, a + 8, PAGE_SIZE, PROT_READ), ==, -EINVAL);
	check_int(do_mprotect(m, mm, mm->task_size - PAGE_SIZE, 2 * PAGE_SIZE, PROT_READ), ==,
		  -EINVAL);
	check_int(mm->map_count, ==, vmas);
	ok(vma_is(mm, a, a, a + 3 * PAGE_SIZE, rw) && (pte_of(m, mm, a) & _PAGE_RW),
	   "%s: the failed calls changed nothing", c->arch);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/*
 * After fork the pages are shared copy-on-write: mprotect back to rw must
 * leave the parent's PTE read-only, so that its next write still copies
 * and the child keeps its value.
 */
static void test_mprotect_after_fork(const struct arch_case *c)
{
	struct machine *m = boot(c->arch, 256, 1, 1);
	struct mm_struct *mm = exec_with_mapping(m, c, 1);
	struct task_struct *parent = current_task(m), *child;
	struct fault_info fi;
	uint64_t v;

	check_int(user_write64(m, c->addr, 7, &fi), ==, 0);
	child = find_task(m, do_fork(m, parent));
	ok(child != NULL, "%s: forked", c->arch);
	check_int(do_mprotect(m, mm, c->addr, PAGE_SIZE, PROT_READ), ==, 0);
	check_int(do_mprotect(m, mm, c->addr, PAGE_SIZE, PROT_READ | PROT_WRITE), ==, 0);
	ok(!(pte_of(m, mm, c->addr) & _PAGE_RW), "%s: a shared page stays read-only", c->arch);
	check_int(user_write64(m, c->addr, 8, &fi), ==, 0);
	ok(pte_pfn(pte_of(m, mm, c->addr)) != pte_pfn(pte_of(m, child->mm, c->addr)),
	   "%s: the write copied the page", c->arch);
	switch_to(m, child);
	check_int(user_read64(m, c->addr, &v, &fi), ==, 0);
	check_int(v, ==, 7);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

int main(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		test_zero_page(&cases[i]);
		test_mprotect_split_merge(&cases[i]);
		test_mprotect_bits(&cases[i]);
		test_mprotect_after_fork(&cases[i]);
	}
	return done_testing();
}
