/*
 * cmd_translate.c - address translation shown step by step: vtop (a page
 * walk, level by level), ptov (the direct map and the user mappings of a
 * frame), and the TLB.
 *
 *   vmlab> vtop 0x0804c123
 *   0x0804c123 in pid 1 (app): i386, 2-level paging, CR3 0x37ffe000
 *     split     pgd 32 | pte 76 | offset 0x123      (p4d, pud, pmd folded)
 *     pgd[32]   table 0x37ffe000  entry 0x37ff5067  P RW US A D
 *     pte[76]   table 0x37ff5000  entry 0x3ffc0067  P RW US A D
 *     phys      0x3ffc0123  pfn 0x3ffc0  zone HighMem  node 0
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "mm/machine.h"
#include "mm/mmap.h"
#include "mm/pgtable.h"
#include "mm/rmap.h"
#include "mm/memory.h"
#include "mm/sched.h"
#include "mm/segment.h"
#include "mm/swapfile.h"
#include "mm/tlb.h"
#include "mm/vmalloc.h"
#include "report/layout.h"
#include "report/oops.h"
#include "shell/command.h"
#include "shell/commands.h"
#include "shell/shell.h"

static int entry_digits(const struct machine *m)
{
	return m->arch->pte_bytes * 2;
}

static const char *arch_mode(const struct arch_profile *a)
{
	static const char *const modes[] = { "2-level", "3-level", "4-level", "5-level" };

	return modes[a->levels - 2];
}

/* "pgd 255 | pud 511 | pmd 445 | pte 13 | offset 0x123" and the folded levels. */
static void print_split(struct shell *sh, const struct arch_profile *a, unsigned long addr)
{
	char folded[64] = "";
	size_t n = 0;

	fputs("  split    ", sh->out);
	for (int l = PT_PGD; l < NR_PT_LEVELS; l++) {
		if (pt_level_folded(a, (enum pt_level)l)) {
			n += (size_t)snprintf(folded + n, sizeof(folded) - n, "%s%s", n ? ", " : "",
					      pt_level_name((enum pt_level)l));
			continue;
		}
		fprintf(sh->out, "%s %u | ", pt_level_name((enum pt_level)l),
			pt_index(a, (enum pt_level)l, addr));
	}
	fprintf(sh->out, "offset 0x%lx", addr & ~PAGE_MASK);
	if (folded[0])
		fprintf(sh->out, "   (%s folded)", folded);
	fputc('\n', sh->out);
}

static void print_step(struct shell *sh, const struct pt_step *s)
{
	const struct machine *m = sh->m;
	char bits[64], label[16];

	pte_bits_str(m, s->entry, bits, sizeof(bits));
	snprintf(label, sizeof(label), "%s[%u]", pt_level_name(s->level), s->idx);
	fprintf(sh->out, "  %-9s table 0x%0*lx  entry 0x%0*llx  %s\n", label, m->arch->addr_digits,
		s->table_pfn << PAGE_SHIFT, entry_digits(m), (unsigned long long)s->entry, bits);
}

static void print_phys(struct shell *sh, unsigned long pfn, unsigned long addr,
		       unsigned long page_size)
{
	const struct machine *m = sh->m;
	const struct zone *z = pfn_zone(m, pfn);
	unsigned long phys = (pfn << PAGE_SHIFT) | (addr & ~PAGE_MASK);

	fprintf(sh->out, "  phys     0x%0*lx  pfn 0x%lx  zone %s  node %d", m->arch->addr_digits,
		phys, pfn, zone_name(z->type), z->zone_pgdat->node_id);
	if (page_size > PAGE_SIZE)
		fprintf(sh->out, "  (in a %lu %s page)", page_size >= (1UL << 30) ?
			page_size >> 30 : page_size >> 20, page_size >= (1UL << 30) ? "GiB" : "MiB");
	if (pfn == m->zero_pfn)
		fputs("  (the zero page)", sh->out);
	fputc('\n', sh->out);
}

/* A swap PTE: which slot, and what the next access will do. */
static void print_swap_entry(struct shell *sh, pteval_t e)
{
	swp_entry_t se = pte_to_swp_entry(sh->m, e);
	const struct swap_info_struct *si = swap_info(sh->m, swp_type(se));
	long pfn = lookup_swap_cache(sh->m, se);

	fprintf(sh->out, "a swap entry, type %u offset %lu (%s slot %lu): ", swp_type(se),
		swp_offset(se), si ? si->name : "?", swp_offset(se));
	if (pfn >= 0)
		fprintf(sh->out, "the page is still in the swap cache (pfn 0x%lx), so the next "
			"access is a minor fault\n", pfn);
	else
		fputs("the next access is a major fault that reads it back (do_swap_page)\n",
		      sh->out);
}

/* Why the walk stopped, in terms of the address space. */
static void print_stop(struct shell *sh, struct task_struct *t, unsigned long addr,
		       const struct pt_walk *w)
{
	const struct pt_step *s = &w->step[w->nr - 1];
	struct vm_area_struct *v = t && addr < t->mm->task_size ? vma_lookup(t->mm, addr) : NULL;

	fprintf(sh->out, "  stop     %s[%u] is not present: ", pt_level_name(s->level), s->idx);
	if (addr >= sh->m->arch->task_size)
		fputs("nothing maps this kernel address\n", sh->out);
	else if (!t)
		fputs("no process runs: swapper_pg_dir maps no user space\n", sh->out);
	else if (!v)
		fputs("no VMA either: an access is SIGSEGV (SEGV_MAPERR)\n", sh->out);
	else if (s->level == PT_PTE && is_swap_pte(s->entry))
		print_swap_entry(sh, s->entry);
	else if (s->entry & _PAGE_PROTNONE)
		fputs("a PROT_NONE entry: the page stays mapped, but the CPU faults on any access "
		      "(SIGSEGV, SEGV_ACCERR)\n", sh->out);
	else if (!(v->vm_flags & VM_ACCESS_FLAGS))
		fputs("the VMA is PROT_NONE: an access is SIGSEGV (SEGV_ACCERR)\n", sh->out);
	else
		fprintf(sh->out, "the VMA 0x%0*lx-0x%0*lx %c%c%c allows it, so the first access "
			"faults the page in\n", sh->m->arch->addr_digits, v->vm_start,
			sh->m->arch->addr_digits, v->vm_end, v->vm_flags & VM_READ ? 'r' : '-',
			v->vm_flags & VM_WRITE ? 'w' : '-', v->vm_flags & VM_EXEC ? 'x' : '-');
}

/* What a vmalloc, pkmap or kmap_atomic address is (layout.c): the walk alone cannot say. */
static void print_kernel_area(struct shell *sh, unsigned long addr)
{
	char what[256];

	if (addr >= sh->m->arch->task_size && kaddr_describe(sh->m, addr, what, sizeof(what)))
		fprintf(sh->out, "  area     %s\n", what);
}

static int parse_pid_opt(struct shell *sh, const struct args *a, struct task_struct **t)
{
	const char *s = arg_opt(a, "pid");
	uint64_t pid;

	*t = current_task(sh->m);
	if (!s)
		return 0;
	if (arg_number(sh, "pid", s, &pid) < 0)
		return -1;
	*t = pid <= 0x7fffffff ? find_task(sh->m, (int)pid) : NULL;
	if (!*t)
		return sh_error(sh, "no process with pid %s (see ps)", s);
	return 0;
}

/* mode=all: the address under each paging mode, side by side. */
static void vtop_all(struct shell *sh, unsigned long addr)
{
	fprintf(sh->out, "0x%016lx under each paging mode:\n", addr);
	fprintf(sh->out, "  %-24s %5s %5s %5s %5s %5s  %s\n", "mode", "pgd", "p4d", "pud", "pmd",
		"pte", "offset");
	for (int id = 0; id < NR_ARCHS; id++) {
		const struct arch_profile *a = arch_by_id((enum arch_id)id);
		char name[32];

		snprintf(name, sizeof(name), "%s (%s)", a->name, arch_mode(a));
		fprintf(sh->out, "  %-24s", name);
		if (!a->is_64bit && addr > 0xffffffffUL) {
			fputs(" not a 32-bit address\n", sh->out);
			continue;
		}
		for (int l = PT_PGD; l < NR_PT_LEVELS; l++) {
			if (pt_level_folded(a, (enum pt_level)l))
				fprintf(sh->out, " %5s", "-");
			else
				fprintf(sh->out, " %5u", pt_index(a, (enum pt_level)l, addr));
		}
		fprintf(sh->out, "  0x%lx\n", addr & ~PAGE_MASK);
	}
}

static int cmd_vtop(struct shell *sh, struct args *a)
{
	const struct machine *m = sh->m;
	const char *mode = arg_opt(a, "mode");
	struct task_struct *t;
	unsigned long cr3;
	uint64_t addr;
	struct pt_walk w;

	if (arg_number(sh, "ADDR", a->argv[0], &addr) < 0)
		return -1;
	if (mode && strcmp(mode, "all") != 0)
		return sh_error(sh, "mode: only mode=all is known, not '%s'", mode);
	if (mode) {
		vtop_all(sh, (unsigned long)addr);
		return 0;
	}
	if (parse_pid_opt(sh, a, &t) < 0)
		return -1;
	if (!m->arch->is_64bit && addr > 0xffffffffULL)
		return sh_error(sh, "0x%llx is not a 32-bit address", (unsigned long long)addr);
	cr3 = t ? t->mm->pgd : m->init_mm->pgd;
	fprintf(sh->out, "0x%0*llx in ", m->arch->addr_digits, (unsigned long long)addr);
	if (t)
		fprintf(sh->out, "pid %d (%s)", t->pid, t->comm);
	else
		fputs("swapper_pg_dir (no process)", sh->out);
	fprintf(sh->out, ": %s, %s paging, CR3 0x%0*lx\n", m->arch->name, arch_mode(m->arch),
		m->arch->addr_digits, cr3 << PAGE_SHIFT);
	print_split(sh, m->arch, (unsigned long)addr);
	if (!canonical(m, (unsigned long)addr)) {
		fprintf(sh->out, "  stop     not canonical: bits 63..%d must all equal bit %d, so "
			"the CPU raises #GP before any walk\n", m->arch->va_bits,
			m->arch->va_bits - 1);
		return 0;
	}
	pt_walk(m, cr3, (unsigned long)addr, &w);
	for (int i = 0; i < w.nr; i++)
		print_step(sh, &w.step[i]);
	if (w.mapped)
		print_phys(sh, w.pfn, (unsigned long)addr, w.page_size);
	else
		print_stop(sh, t, (unsigned long)addr, &w);
	print_kernel_area(sh, (unsigned long)addr);
	return 0;
}

struct ptov_ctx {
	struct shell *sh;
	unsigned long offset;
};

static void print_mapper(struct machine *m, struct mm_struct *mm, struct vm_area_struct *vma,
			 unsigned long addr, unsigned long table, unsigned idx, void *ctx)
{
	struct ptov_ctx *c = ctx;
	struct task_struct *t = mm_owner(m, mm);

	(void)vma;
	(void)table;
	(void)idx;
	fprintf(c->sh->out, "  mapped by pid %d (%s) at 0x%0*lx\n", t ? t->pid : 0,
		t ? t->comm : "?", m->arch->addr_digits, addr + c->offset);
}

static int cmd_ptov(struct shell *sh, struct args *a)
{
	struct machine *m = sh->m;
	struct ptov_ctx ctx = { .sh = sh };
	uint64_t paddr;
	unsigned long pfn;
	const struct zone *z;

	if (arg_number(sh, "PADDR", a->argv[0], &paddr) < 0)
		return -1;
	pfn = (unsigned long)(paddr >> PAGE_SHIFT);
	if (!pfn_valid(m, pfn))
		return sh_error(sh, "0x%llx is beyond the end of RAM (0x%lx)",
				(unsigned long long)paddr, m->max_pfn << PAGE_SHIFT);
	z = pfn_zone(m, pfn);
	ctx.offset = (unsigned long)paddr & ~PAGE_MASK;
	fprintf(sh->out, "phys 0x%0*llx  pfn 0x%lx  zone %s  node %d\n", m->arch->addr_digits,
		(unsigned long long)paddr, pfn, zone_name(z->type), z->zone_pgdat->node_id);
	if (pfn_direct_mapped(m, pfn))
		fprintf(sh->out, "  direct map: 0x%0*lx (PAGE_OFFSET + phys)\n", m->arch->addr_digits,
			pfn_to_virt(m, pfn) + ctx.offset);
	else
		fputs("  no direct-map address: a HighMem frame (the kernel must kmap it)\n", sh->out);
	if (pfn == m->zero_pfn)
		fputs("  the shared zero page: mapped read-only wherever never-written anonymous "
		      "memory was read\n", sh->out);
	else if (m->mem_map[pfn]._mapcount >= 0)
		rmap_walk(m, pfn, print_mapper, &ctx);
	return 0;
}

/* ---- segmentation ------------------------------------------------------------------ */

static void print_desc_line(struct shell *sh, const struct gdt_entry *g)
{
	struct desc d;

	desc_decode(g->raw, &d);
	fprintf(sh->out, "  %3d  0x%02x  0x%016llx  ", g->index, g->index * 8 + (d.dpl & 3),
		(unsigned long long)g->raw);
	if (!g->raw) {
		fprintf(sh->out, "%-20s  %-10s  %-10s  %-6s  %s\n", "not present", "", "", "",
			g->name);
		return;
	}
	fprintf(sh->out, "%-20s  0x%08x  0x%05x%-3s  %u %-4s  %s\n", desc_type_str(&d), d.base,
		d.limit, d.g ? "*4K" : "", d.dpl, d.l ? "L" : d.s && d.db ? "D" : "", g->name);
}

static int cmd_gdt(struct shell *sh, struct args *a)
{
	const struct gdt_entry *t;
	int n = gdt_table(sh->m, &t);

	(void)a;
	fprintf(sh->out, "GDT of %s (%d entries; the others are empty); selector = index*8 + "
		"RPL (DPL shown)\n", sh->m->arch->name, GDT_ENTRIES);
	fprintf(sh->out, "  %3s  %-4s  %-18s  %-20s  %-10s  %-10s  %-6s  %s\n", "idx", "sel",
		"descriptor", "type", "base", "limit", "DPL", "name");
	for (int i = 0; i < n; i++)
		print_desc_line(sh, &t[i]);
	return 0;
}

static int parse_logical(struct shell *sh, const char *s, uint16_t *sel, uint64_t *off)
{
	char buf[64];
	const char *colon = strchr(s, ':');
	uint64_t v;

	if (!colon || (size_t)(colon - s) >= sizeof(buf))
		return sh_error(sh, "'%s' is not SEL:OFFSET (e.g. 0x7b:0x0804b008)", s);
	snprintf(buf, sizeof(buf), "%.*s", (int)(colon - s), s);
	if (arg_number(sh, "SEL", buf, &v) < 0 || arg_number(sh, "OFFSET", colon + 1, off) < 0)
		return -1;
	if (v > 0xffff)
		return sh_error(sh, "selector 0x%llx does not fit in 16 bits", (unsigned long long)v);
	*sel = (uint16_t)v;
	return 0;
}

static void print_selector(struct shell *sh, const struct seg_xlate *x)
{
	fprintf(sh->out, "  selector 0x%04x = index %u | TI %u (%s) | RPL %u\n", x->sel, x->index,
		x->ti, x->ti ? "LDT" : "GDT", x->rpl);
	if (!x->entry || !x->d.raw)
		return;
	fprintf(sh->out, "  GDT[%u]  %s: %s, base 0x%08x, limit 0x%05x%s (%llu bytes%s), DPL %u%s\n",
		x->index, x->entry->name, desc_type_str(&x->d), x->d.base, x->d.limit,
		x->d.g ? " * 4K" : "", (unsigned long long)desc_byte_limit(&x->d) + 1,
		sh->m->arch->is_64bit ? "; long mode ignores base and limit" : "", x->d.dpl,
		x->d.l ? ", 64-bit (L)" : "");
}

static void print_privilege(struct shell *sh, const struct seg_xlate *x)
{
	unsigned eff = (unsigned)x->cpl > x->rpl ? (unsigned)x->cpl : x->rpl;

	if (x->code)
		fprintf(sh->out, "  check    code: CPL %d = DPL %u: allowed\n", x->cpl, x->d.dpl);
	else
		fprintf(sh->out, "  check    data: max(CPL %d, RPL %u) = %u <= DPL %u: allowed\n",
			x->cpl, x->rpl, eff, x->d.dpl);
}

/* The paging half: a real access through the MMU, then the walk that served it. */
static int translate_linear(struct shell *sh, const struct seg_xlate *x)
{
	struct machine *m = sh->m;
	struct task_struct *t = current_task(m);
	unsigned long pfn, hits = m->tlb[m->cpu].hits;
	struct fault_info fi;
	struct pt_walk w;
	int err;

	fprintf(sh->out, "  linear   0x%0*llx = base 0x%08x + offset\n", m->arch->addr_digits,
		(unsigned long long)x->linear, m->arch->is_64bit ? 0 : x->d.base);
	err = mmu_access(m, (unsigned long)x->linear, x->code ? ACCESS_EXEC : ACCESS_READ,
			 x->cpl, &pfn, &fi);
	if (err == -EFAULT && fi.signo && x->cpl == 3) {
		fprintf(sh->out, "%s\n", m->err);	/* the process died; see access_failed() */
		return 0;
	}
	if (err == -EFAULT && x->cpl == 0)	/* no fixup for a kernel access: an oops */
		oops_print(m, (unsigned long)x->linear, x->code ? ACCESS_EXEC : ACCESS_READ,
			   ++m->vmap->die_counter, sh->out);
	if (err)
		return sh_mm_error(sh);
	t = current_task(m);
	pt_walk(m, t ? t->mm->pgd : m->init_mm->pgd, (unsigned long)x->linear, &w);
	for (int i = 0; i < w.nr; i++)
		print_step(sh, &w.step[i]);
	print_phys(sh, pfn, (unsigned long)x->linear, w.page_size);
	fprintf(sh->out, "  TLB      %s\n", m->tlb[m->cpu].hits > hits ? "hit" :
		"miss: walked, and the translation is cached now");
	return 0;
}

static int cmd_translate(struct shell *sh, struct args *a)
{
	const char *cpl_s = arg_opt(a, "cpl");
	struct seg_xlate x;
	uint16_t sel = 0;
	uint64_t off = 0;
	int cpl = 3;

	if (parse_logical(sh, a->argv[0], &sel, &off) < 0)
		return -1;
	if (cpl_s && strcmp(cpl_s, "0") != 0 && strcmp(cpl_s, "3") != 0)
		return sh_error(sh, "cpl: 0 (kernel) or 3 (user), not '%s'", cpl_s);
	if (cpl_s)
		cpl = cpl_s[0] - '0';
	if (!sh->m->arch->is_64bit && off > 0xffffffffULL)
		return sh_error(sh, "offset 0x%llx does not fit in 32 bits", (unsigned long long)off);
	fprintf(sh->out, "logical 0x%04x:0x%0*llx at CPL %d\n", sel, sh->m->arch->addr_digits,
		(unsigned long long)off, cpl);
	if (segment_translate(sh->m, sel, off, cpl, &x) < 0) {
		print_selector(sh, &x);
		return sh_mm_error(sh);
	}
	print_selector(sh, &x);
	print_privilege(sh, &x);
	return translate_linear(sh, &x);
}

/* ---- tlb ------------------------------------------------------------------------- */

static void tlb_flags_str(unsigned f, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s%s%s", f & TLBF_RW ? "RW " : "", f & TLBF_US ? "US " : "",
		 f & TLBF_D ? "D " : "", f & TLBF_NX ? "NX " : "", f & TLBF_G ? "G " : "");
	if (buf[0])
		buf[strlen(buf) - 1] = '\0';
}

static const char *page_size_str(unsigned shift)
{
	return shift == 12 ? "4K" : shift == 21 ? "2M" : shift == 22 ? "4M" : "1G";
}

static void tlb_header(struct shell *sh, const struct tlb *t)
{
	const struct task_struct *cur = sh->m->current[t->cpu];
	int valid = 0;

	for (int i = 0; i < t->nr_entries; i++)
		valid += t->e[i].shift != 0;
	fprintf(sh->out, "cpu %d TLB: %d entries, %d-way (%d sets), PCID %s; CR3 0x%0*lx ", t->cpu,
		t->nr_entries, t->ways, t->sets, t->pcid ? "on" : "off",
		sh->m->arch->addr_digits, t->cr3 << PAGE_SHIFT);
	if (cur)
		fprintf(sh->out, "(pid %d, %s", cur->pid, cur->comm);
	else
		fputs("(swapper_pg_dir", sh->out);
	if (t->pcid)
		fprintf(sh->out, ", PCID %u", t->cur_pcid);
	fprintf(sh->out, ")\n  %d valid; hits %lu, misses %lu, flushes %lu, invlpg %lu\n", valid,
		t->hits, t->misses, t->flushes, t->invlpgs);
}

static int cmd_tlb(struct shell *sh, struct args *a)
{
	const struct tlb *t = &sh->m->tlb[sh->m->cpu];
	int w = sh->m->arch->addr_digits;
	bool any = false;

	if (a->argc && strcmp(a->argv[0], "flush") != 0)
		return sh_error(sh, "unknown word '%s' (tlb, or tlb flush)", a->argv[0]);
	if (a->argc) {
		int valid = 0;

		for (int i = 0; i < t->nr_entries; i++)
			valid += t->e[i].shift != 0;
		tlb_flush_all(sh->m, sh->m->cpu);
		fprintf(sh->out, "cpu %d: %d TLB entr%s flushed, global ones too\n", t->cpu, valid,
			valid == 1 ? "y" : "ies");
		return 0;
	}
	tlb_header(sh, t);
	for (int i = 0; i < t->nr_entries; i++) {
		const struct tlb_entry *e = &t->e[i];
		char flags[32];

		if (!e->shift)
			continue;
		if (!any)
			fprintf(sh->out, "  set way  %-*s    %-*s  size  pcid  flags\n", w + 2, "virtual",
				w + 2, "physical");
		any = true;
		tlb_flags_str(e->flags, flags, sizeof(flags));
		fprintf(sh->out, "  %3d %3d  0x%0*llx -> 0x%0*llx  %-4s  %4u  %s\n", i / t->ways,
			i % t->ways, w, (unsigned long long)(e->vpn << e->shift), w,
			(unsigned long long)(e->pfn << PAGE_SHIFT), page_size_str(e->shift),
			e->pcid, flags);
	}
	return 0;
}

const struct command translate_commands[] = {
	{
		.name = "vtop", .handler = cmd_vtop, .min_args = 1, .max_args = 1,
		.usage = "vtop ADDR [pid=N] [mode=all]",
		.summary = "translate a virtual address, showing the page walk",
		.help = "Walks the page tables of the current process (or pid=N; swapper_pg_dir\n"
			"when no process runs) for ADDR: the index bits of each level, each\n"
			"table's physical address, each entry's value with its bits decoded (P RW\n"
			"US PWT PCD A D PS G NX), down to the physical address and its zone, or\n"
			"where and why the walk stops.  Folded levels are named.\n"
			"  mode=all  how ADDR splits under 2-level, PAE, 4-level and 5-level paging",
		.example = "vtop 0x00007ffff7a0d123 mode=all",
		.options = "pid,mode", .group = "translation",
	},
	{
		.name = "ptov", .handler = cmd_ptov, .min_args = 1, .max_args = 1,
		.usage = "ptov PADDR",
		.summary = "the virtual addresses of a physical address",
		.help = "For a physical address: its frame and zone, its address in the kernel's\n"
			"direct map (lowmem only: PAGE_OFFSET + PADDR), and every process address\n"
			"that maps it (found through the reverse map).",
		.example = "ptov 0x1000", .group = "translation",
	},
	{
		.name = "translate", .handler = cmd_translate, .min_args = 1, .max_args = 1,
		.usage = "translate SEL:OFFSET [cpl=0|3]",
		.summary = "logical to linear to physical: segmentation, then paging",
		.help = "Translates a logical address as the CPU does: the selector's index, TI\n"
			"and RPL; the GDT descriptor (Linux's flat segments: base 0, limit 4 GiB,\n"
			"DPL 0 or 3); the privilege check (data: max(CPL, RPL) <= DPL; code:\n"
			"CPL = DPL); the linear address; then a real access through the MMU (a\n"
			"read through a data selector, a fetch through a code selector), shown as\n"
			"the page walk that served it and whether the TLB hit.  cpl=3 (default) is\n"
			"the current process; cpl=0 is the kernel, whose direct-map entries are\n"
			"global.  Selectors on i386: __KERNEL_CS 0x60, __KERNEL_DS 0x68, __USER_CS\n"
			"0x73, __USER_DS 0x7b (x86_64: 0x10, 0x18, 0x33, 0x2b).",
		.example = "translate 0x68:0xc0100000 cpl=0",
		.options = "cpl", .group = "translation",
	},
	{
		.name = "gdt", .handler = cmd_gdt, .min_args = 0, .max_args = 0,
		.usage = "gdt",
		.summary = "the global descriptor table Linux sets up",
		.help = "Lists the GDT entries Linux fills on this architecture: index, selector\n"
			"(index * 8 + the DPL as RPL), the raw 8-byte descriptor, its type, base,\n"
			"limit (*4K with the granularity bit), DPL, L (64-bit code) or D (32-bit),\n"
			"and the kernel's name for it.",
		.example = "gdt", .group = "translation",
	},
	{
		.name = "tlb", .handler = cmd_tlb, .min_args = 0, .max_args = 1,
		.usage = "tlb [flush]",
		.summary = "the current CPU's TLB: entries and counters; or flush it",
		.help = "Shows the TLB of the CPU commands run on: its geometry (machine tlb=,\n"
			"tlb_ways=, pcid=), the hits and misses of every access so far, the flushes\n"
			"(CR3 loads without PCID, range flushes) and invlpgs, then each valid entry:\n"
			"its set and way, virtual -> physical, page size, PCID and the permission\n"
			"bits it caches (G: a global kernel entry, kept across CR3 loads).\n"
			"`tlb flush` empties it entirely, global entries too (a CR4.PGE toggle).",
		.example = "exec app; malloc 100; touch 0x0804b008 w; tlb",
		.group = "translation",
	},
	{ 0 }
};
