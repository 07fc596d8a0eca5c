/*
 * narrate_vm.c - the fault path told step by step.
 *
 * A first write to a heap page on i386, with `explain on`:
 *
 *   page fault: pid 1 (app) writes 0x0804b008: the page is not present (error 0x6:
 *               not present, WRITE, USER).
 *   find_vma: 0x0804b008 lies in 0x0804b000-0x0806c000 rw-p.
 *   walk: pgd[32] is empty.
 *   pte_alloc: the pte table for 0x0804b008 was missing: a zeroed page-table page,
 *              pfn 0x1801 (zone Normal), counted in PageTables.
 *   (the allocator's own story of the frame: zonelist, watermark, per-CPU list)
 *   do_anonymous_page: a write to never-touched memory: pfn 0x38000 from zone HighMem,
 *                      zeroed, becomes the process's own page.
 *   set_pte: pte[75] of the table at pfn 0x1801 := 0x38000067 (P RW US A D).
 *   TLB miss on cpu 0: the walk now succeeds; 0x0804b008 -> pfn 0x38000 is cached.
 *
 * (each on one line).  Like the allocator's narration, it keeps no state:
 * everything comes from the event and the machine at that moment.
 */
#include <stdio.h>
#include "mm/filemap.h"
#include "mm/machine.h"
#include "mm/memory.h"
#include "mm/pgtable.h"
#include "mm/sched.h"
#include "mm/tlb.h"
#include "shell/narrate_vm.h"

static int w(const struct machine *m)
{
	return m->arch->addr_digits;
}

static const char *comm_of(const struct machine *m, unsigned long pid)
{
	const struct task_struct *t = find_task(m, (int)pid);

	return t ? t->comm : "?";
}

static const char *zname(const struct mm_event *ev)
{
	return ev->zone ? zone_name(ev->zone->type) : "?";
}

static const char *file_name(const struct machine *m, unsigned id)
{
	const struct sim_file *f = file_by_id(m, id);

	return f ? f->name : "?";
}

static void n_task(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	switch (ev->type) {
	case EV_TASK_NEWTASK:
		fprintf(out, "new task: pid %lu (%s), with its own mm_struct and pgd.\n", ev->val,
			comm_of(m, ev->val));
		break;
	case EV_SCHED_PROCESS_FORK:
		fprintf(out, "fork: pid %lu (%s) has a child, pid %lu: the same VMAs; private "
			"pages are now read-only in both, to be copied on write.\n", ev->val,
			comm_of(m, ev->val), ev->val2);
		break;
	case EV_SCHED_PROCESS_EXIT:
		fprintf(out, "exit: pid %lu (%s) exits: its pages lose a mapping each, its page "
			"tables and pgd are freed.\n", ev->val, comm_of(m, ev->val));
		break;
	default:
		fprintf(out, "switch_mm: cpu %d now runs %s%lu%s: CR3 := 0x%0*lx.\n", ev->cpu,
			ev->val2 ? "pid " : "no process (", ev->val2, ev->val2 ? "" : ")", w(m),
			ev->pfn << PAGE_SHIFT);
	}
}

static void n_page_fault(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	unsigned long e = ev->val2;

	fprintf(out, "page fault: pid %lu (%s) %s 0x%0*lx: %s (error 0x%lx: %s, %s, %s%s).\n",
		ev->val3, comm_of(m, ev->val3), e & X86_PF_WRITE ? "writes" : e & X86_PF_INSTR ?
		"executes" : "reads", w(m), ev->val, e & X86_PF_PROT ? "the page is present but "
		"the access is not allowed" : "the page is not present", e, e & X86_PF_PROT ?
		"PROT" : "not present", e & X86_PF_WRITE ? "WRITE" : "read", e & X86_PF_USER ?
		"USER" : "kernel", e & X86_PF_INSTR ? ", INSTR" : "");
}

/*
 * The walk the fault handler is about to make for addr in the current
 * process: each level present (and the table it points at), down to the
 * first missing one, which the pte_alloc lines that follow will fill.
 */
static void n_walk(const struct machine *m, unsigned long addr, FILE *out)
{
	const struct task_struct *t = current_task(m);
	struct pt_walk wk;

	if (!t)
		return;
	pt_walk(m, t->mm->pgd, addr, &wk);
	fputs("walk:", out);
	for (int i = 0; i < wk.nr; i++) {
		const struct pt_step *s = &wk.step[i];
		const char *sep = i + 1 < wk.nr ? ";" : ".";
		char bits[64];

		fprintf(out, " %s[%u] ", pt_level_name(s->level), s->idx);
		if (pte_none(s->entry))
			fprintf(out, "is empty%s", sep);
		else if (!pte_present(s->entry))
			fprintf(out, "holds a swap entry%s", sep);
		else if (i + 1 < wk.nr)
			fprintf(out, "is present: the %s table at pfn 0x%lx%s",
				pt_level_name(wk.step[i + 1].level), pte_pfn(s->entry), sep);
		else {
			pte_bits_str(m, s->entry, bits, sizeof(bits));
			fprintf(out, "is present: pfn 0x%lx (%s)%s", pte_pfn(s->entry), bits, sep);
		}
	}
	fputc('\n', out);
}

static void n_find_vma(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	char perms[5];

	if (!ev->ok && ev->val2)
		fprintf(out, "find_vma: 0x%0*lx is below the VMA 0x%0*lx-0x%0*lx.\n", w(m), ev->val,
			w(m), ev->val2, w(m), ev->val3);
	else if (!ev->ok)
		fprintf(out, "find_vma: no VMA at or above 0x%0*lx.\n", w(m), ev->val);
	else {
		fprintf(out, "find_vma: 0x%0*lx lies in 0x%0*lx-0x%0*lx %s.\n", w(m), ev->val,
			w(m), ev->val2, w(m), ev->val3, vm_flags_perms(ev->gfp, perms));
		n_walk(m, ev->val, out);
	}
}

/* The kernel function that allocates a table of this level. */
static const char *table_alloc_fn(enum pt_level level)
{
	switch (level) {
	case PT_P4D:
		return "__p4d_alloc";
	case PT_PUD:
		return "__pud_alloc";
	case PT_PMD:
		return "__pmd_alloc";
	default:
		return "pte_alloc";
	}
}

static void n_pgtable(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	const char *level = pt_level_name((enum pt_level)ev->order);

	if (ev->type == EV_PTE_FREE && ev->order == PT_PGD) {
		fprintf(out, "pgd_free: the pgd at pfn 0x%lx is freed.\n", ev->pfn);
		return;
	}
	if (ev->type == EV_PTE_FREE) {
		fprintf(out, "free_pgtables: the %s table at pfn 0x%lx maps nothing any more: "
			"freed.\n", level, ev->pfn);
		return;
	}
	if (ev->order == PT_PGD && !ev->ok) {
		fprintf(out, "pgd_alloc: a new pgd, pfn 0x%lx (zone %s), its kernel entries copied "
			"from swapper_pg_dir.\n", ev->pfn, zone_name(pfn_zone(m, ev->pfn)->type));
		return;
	}
	fprintf(out, "%s: the %s table for 0x%0*lx was missing: a zeroed page-table page, "
		"pfn 0x%lx (zone %s)%s.\n", table_alloc_fn((enum pt_level)ev->order), level, w(m),
		ev->val, ev->pfn,
		zone_name(pfn_zone(m, ev->pfn)->type), ev->ok ? ", in the kernel's tables" :
		", counted in PageTables");
}

static void n_set_pte(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	char bits[64];

	pte_bits_str(m, (pteval_t)ev->val3, bits, sizeof(bits));
	fprintf(out, "set_pte: pte[%u] of the table at pfn 0x%lx := 0x%0*llx (%s).\n", ev->order,
		ev->val2, m->arch->pte_bytes * 2, (unsigned long long)ev->val3, bits);
}

static void n_anon(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	if (!ev->ok)
		fprintf(out, "do_anonymous_page: a read of never-written memory: map the shared "
			"zero page (pfn 0x%lx) read-only; no memory is used.\n", ev->pfn);
	else
		fprintf(out, "do_anonymous_page: a write to never-touched memory: pfn 0x%lx from "
			"zone %s (GFP_HIGHUSER_MOVABLE), zeroed, becomes the process's own page.\n",
			ev->pfn, zname(ev));
	(void)m;
}

static void n_file(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	switch (ev->type) {
	case EV_DO_READ_FAULT:
		fprintf(out, "do_read_fault: page %lu of %s, pfn 0x%lx, %s; mapped without write "
			"permission.\n", ev->val2, file_name(m, ev->gfp), ev->pfn, ev->ok ?
			"was read from the file (a major fault)" : "was in the page cache");
		break;
	case EV_DO_COW_FAULT:
		fprintf(out, "do_cow_fault: a write to a private file mapping: the page-cache page "
			"pfn 0x%lx of %s is copied into pfn 0x%lx (zone %s), the process's own.\n",
			ev->val2, file_name(m, ev->gfp), ev->pfn, zname(ev));
		break;
	default:
		fprintf(out, "do_shared_fault: a write to a shared file mapping: the page-cache "
			"page pfn 0x%lx is mapped writable and marked dirty.\n", ev->pfn);
	}
}

static void n_wp(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	if (ev->ok)
		fprintf(out, "do_wp_page: pfn 0x%lx has no other user: reuse it, the PTE becomes "
			"writable (no copy).\n", ev->pfn);
	else if (ev->val2 == m->zero_pfn)
		fprintf(out, "do_wp_page: a write to the zero page: a new zeroed page, pfn 0x%lx "
			"(zone %s), takes its place.\n", ev->pfn, zname(ev));
	else
		fprintf(out, "do_wp_page: copy-on-write: pfn 0x%lx is shared, so it is copied into "
			"pfn 0x%lx (zone %s) and the copy is mapped writable.\n", ev->val2, ev->pfn,
			zname(ev));
}

static void n_signal(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	fprintf(out, "%s (%s) for pid %lu (%s) at 0x%0*lx: %s; the process is killed.\n",
		ev->order == FI_SIGBUS ? "SIGBUS" : "SIGSEGV",
		si_code_name((int)ev->order, (int)ev->val2), ev->val3, comm_of(m, ev->val3), w(m),
		ev->val, ev->data ? (const char *)ev->data : "a fault it cannot survive");
}

static void n_filemap(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	const char *name = file_name(m, ev->gfp);

	if (ev->type == EV_MM_FILEMAP_ADD)
		fprintf(out, "page cache: page %lu of %s is read into pfn 0x%lx.\n", ev->val2, name,
			ev->pfn);
	else if (ev->type == EV_MM_FILEMAP_DELETE)
		fprintf(out, "page cache: page %lu of %s leaves the cache (pfn 0x%lx).\n", ev->val2,
			name, ev->pfn);
	else
		fprintf(out, "writeback: page %lu of %s (pfn 0x%lx) is written to the file; the "
			"PTEs mapping it are clean and read-only again.\n", ev->val2, name, ev->pfn);
}

static void n_tlb(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	if (ev->type == EV_TLB_MISS) {
		fprintf(out, "TLB miss on cpu %d: the page walk gives 0x%0*lx -> pfn 0x%lx, now "
			"cached.\n", ev->cpu, w(m), ev->val, ev->pfn);
		return;
	}
	if (ev->val == TLB_FLUSH_ALL)
		fprintf(out, "TLB flush on cpu %d (%s): every entry of the address space goes%s.\n",
			ev->cpu, tlb_flush_reason_name(ev->val2), ev->val2 ==
			TLB_FLUSH_ON_TASK_SWITCH ? ", the global (kernel) ones stay" : "");
	else
		fprintf(out, "TLB flush on cpu %d (%s): invlpg of %lu page%s.\n", ev->cpu,
			tlb_flush_reason_name(ev->val2), ev->val, ev->val == 1 ? "" : "s");
}

void narrate_vm(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	switch (ev->type) {
	case EV_TASK_NEWTASK: case EV_SCHED_PROCESS_FORK: case EV_SCHED_PROCESS_EXIT:
	case EV_SWITCH_MM:
		n_task(m, ev, out);
		break;
	case EV_PAGE_FAULT_USER:
		n_page_fault(m, ev, out);
		break;
	case EV_FIND_VMA:
		n_find_vma(m, ev, out);
		break;
	case EV_EXPAND_STACK:
		fprintf(out, "expand_stack: the stack VMA grows down from 0x%0*lx to 0x%0*lx.\n",
			w(m), ev->val2, w(m), ev->val);
		break;
	case EV_PTE_ALLOC: case EV_PTE_FREE:
		n_pgtable(m, ev, out);
		break;
	case EV_SET_PTE:
		n_set_pte(m, ev, out);
		break;
	case EV_DO_ANONYMOUS_PAGE:
		n_anon(m, ev, out);
		break;
	case EV_DO_READ_FAULT: case EV_DO_COW_FAULT: case EV_DO_SHARED_FAULT:
		n_file(m, ev, out);
		break;
	case EV_DO_WP_PAGE:
		n_wp(m, ev, out);
		break;
	case EV_SIGNAL_GENERATE:
		n_signal(m, ev, out);
		break;
	case EV_MM_FILEMAP_ADD: case EV_MM_FILEMAP_DELETE: case EV_WRITEBACK_PAGE:
		n_filemap(m, ev, out);
		break;
	case EV_TLB_FLUSH: case EV_TLB_MISS:
		n_tlb(m, ev, out);
		break;
	default:
		break;
	}
}
