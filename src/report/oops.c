/*
 * oops.c - a kernel oops for a page fault at CPL 0, in the words of
 * arch/x86/mm/fault.c (show_fault_oops(), dump_pagetable()) and
 * arch/x86/kernel/dumpstack.c (__die_header()).
 *
 * The error code is what the CPU would push: bit 0 (P) set if the walk
 * reached a present entry and a permission stopped it, bit 1 for a write,
 * bit 4 for an instruction fetch where NX exists.  dump_pagetable() prints
 * the entries met on the walk, by the names each mode uses:
 *
 *   i386      *pde = 01fff063 *pte = 00000000
 *   i386-pae  *pdpt = 0000000001fff001 *pde = 0000000001ffe063 *pte = 0000000000000000
 *   x86_64    PGD 2002067 P4D 2002067 PUD 2003067 PMD 2004067 PTE 0
 *
 * (4-level paging folds the p4d into the pgd, so P4D repeats the PGD entry.)
 * A real oops goes on with the registers and the call trace, which the
 * model does not have, and kills the task that faulted (or panics with
 * panic_on_oops); the model only reports.
 */
#include <stdio.h>
#include "mm/machine.h"
#include "mm/memory.h"
#include "mm/pgtable.h"
#include "mm/sched.h"
#include "mm/tlb.h"
#include "report/layout.h"
#include "report/oops.h"

static unsigned long error_code(const struct machine *m, const struct pt_walk *w,
				enum access_type type)
{
	unsigned long code = w->mapped ? X86_PF_PROT : 0;

	if (type == ACCESS_WRITE)
		code |= X86_PF_WRITE;
	if (type == ACCESS_EXEC && m->arch->has_nx)
		code |= X86_PF_INSTR;
	return code;
}

static const char *access_name(unsigned long code)
{
	if (code & X86_PF_INSTR)
		return "instruction fetch";
	return code & X86_PF_WRITE ? "write access" : "read access";
}

static void dump_pagetable_32(const struct machine *m, const struct pt_walk *w, FILE *f)
{
	int digits = m->arch->pte_bytes * 2;
	int i = 0;

	if (m->arch->levels == 3) {
		fprintf(f, "*pdpt = %016llx ", (unsigned long long)w->step[0].entry);
		if (!pte_present(w->step[0].entry) || w->nr < 2) {
			fputc('\n', f);
			return;
		}
		i = 1;
	}
	fprintf(f, "*pde = %0*llx ", digits, (unsigned long long)w->step[i].entry);
	if (pte_present(w->step[i].entry) && !(w->step[i].entry & _PAGE_PSE) && w->nr > i + 1)
		fprintf(f, "*pte = %0*llx ", digits, (unsigned long long)w->step[i + 1].entry);
	fputc('\n', f);
}

static void dump_pagetable_64(const struct machine *m, const struct pt_walk *w, FILE *f)
{
	static const char *const names[NR_PT_LEVELS] = { "PGD", "P4D", "PUD", "PMD", "PTE" };

	for (int i = 0; i < w->nr; i++) {
		const struct pt_step *s = &w->step[i];
		bool last = !pte_present(s->entry) || s->level == PT_PTE ||
			    (s->entry & _PAGE_PSE);

		fprintf(f, "%s %llx", names[s->level], (unsigned long long)s->entry);
		if (s->level == PT_PGD && m->arch->levels == 4)	/* the folded p4d */
			fprintf(f, " P4D %llx", (unsigned long long)s->entry);
		if (s->level != PT_PTE)
			fputc(' ', f);
		if (last)
			break;
	}
	fputc('\n', f);
}

static void die_header(const struct machine *m, FILE *f)
{
	const struct task_struct *t = current_task(m);

	if (t)
		fprintf(f, "CPU: %d PID: %d Comm: %s\n", m->cpu, t->pid, t->comm);
	else
		fprintf(f, "CPU: %d PID: 0 Comm: swapper/%d\n", m->cpu, m->cpu);
}

void oops_print(const struct machine *m, unsigned long addr, enum access_type type,
		unsigned long die, FILE *f)
{
	unsigned long cr3 = m->tlb[m->cpu].cr3;
	int w = m->arch->is_64bit ? 16 : 8;
	unsigned long code;
	struct pt_walk walk;
	char what[256];

	if (!canonical(m, addr)) {	/* #GP, not #PF (arch/x86/kernel/traps.c) */
		fprintf(f, "general protection fault, probably for non-canonical address 0x%lx: "
			"0000 [#%lu] SMP\n", addr, die);
		die_header(m, f);
		return;
	}
	pt_walk(m, cr3, addr, &walk);
	code = error_code(m, &walk, type);
	if (addr < PAGE_SIZE)
		fprintf(f, "BUG: kernel NULL pointer dereference, address: %0*lx\n", w, addr);
	else
		fprintf(f, "BUG: unable to handle page fault for address: %0*lx\n", w, addr);
	fprintf(f, "#PF: supervisor %s in kernel mode\n", access_name(code));
	fprintf(f, "#PF: error_code(0x%04lx) - %s\n", code, code & X86_PF_PROT ?
		"permissions violation" : "not-present page");
	if (m->arch->is_64bit)
		dump_pagetable_64(m, &walk, f);
	else
		dump_pagetable_32(m, &walk, f);
	fprintf(f, "Oops: %04lx [#%lu] SMP\n", code, die);
	die_header(m, f);
	if (kaddr_describe(m, addr, what, sizeof(what)))
		fprintf(f, "vmlab: 0x%0*lx is %s\n", m->arch->addr_digits, addr, what);
}
