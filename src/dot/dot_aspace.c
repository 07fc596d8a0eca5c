/*
 * dot_aspace.c - `dot aspace [PID]`: a process's address space as a
 * vertical memory map, high addresses at the top, the way a lecture
 * draws it:
 *
 *   0xffffffff +--------------------------------+
 *              | kernel space             1G    |
 *   0xc0000000 +==== user/kernel split =========+
 *              | [stack]  rw-p  132K  res 1     |
 *   0xbffdf000 +--------------------------------+
 *              :   unmapped 2.9G                :
 *              | [heap]   rw-p  132K  res 0     |
 *              | /usr/bin/app  r-xp  8K  res 2  |
 *   0x08048000 +--------------------------------+
 *              :   unmapped 128M                :
 *   0x00000000 +--------------------------------+
 *
 * Each VMA is a row with its range, name (a file, [heap], [stack]),
 * permissions as /proc/PID/maps prints them, size, and how many of its
 * pages are resident or swapped (counted from the page tables).  Gaps are
 * rows of their own with their size.  A process with more than
 * ASPACE_MAX_VMAS VMAs shows the lowest and highest half of them and folds
 * the rest into one row with their count, size and resident pages.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "dot/dot.h"
#include "mm/filemap.h"
#include "mm/machine.h"
#include "mm/mm_types.h"
#include "mm/mmap.h"
#include "mm/pgtable.h"
#include "mm/sched.h"

#define ASPACE_MAX_VMAS	24

struct resident {
	unsigned long present, swapped;
};

int dot_find_task(struct dot *d, const struct dot_opts *o, struct task_struct **t)
{
	const char *s = o->argc ? o->argv[0] : NULL;
	char *end;
	long pid;

	if (!s) {
		*t = current_task(d->m) ? current_task(d->m) : d->m->tasks;
		return *t ? 0 : mm_err(d->m, -ESRCH, "there is no process (start one with exec)");
	}
	pid = strtol(s, &end, 10);
	if (dot_negative(s))
		return mm_err(d->m, -EINVAL, "PID '%s' is not a valid pid (negative)", s);
	if (*s < '0' || *s > '9' || *end)
		return dot_looks_like_file(s) ? dot_err_not_file(d->m, s)
					      : mm_err(d->m, -EINVAL, "PID '%s' is not a number", s);
	*t = find_task(d->m, (int)pid);
	return *t ? 0 : mm_err(d->m, -ESRCH, "no process with pid %ld", pid);
}

/* Counts the mapped and swapped PTEs of [start, end), table by table. */
static void count_ptes(const struct machine *m, const struct mm_struct *mm,
		       unsigned long start, unsigned long end, struct resident *r)
{
	unsigned long span = (unsigned long)m->arch->ptrs[PT_PTE] << PAGE_SHIFT;

	for (unsigned long addr = start, next; addr < end && addr >= start; addr = next) {
		unsigned idx;
		long table = pte_lookup(m, mm, addr, &idx);

		next = (addr & ~(span - 1)) + span;
		if (next > end || next < addr)
			next = end;
		if (table < 0)
			continue;
		for (unsigned long a = addr; a < next; a += PAGE_SIZE, idx++) {
			pteval_t e = pt_get(m, (unsigned long)table, idx);

			if (pte_mapped(e))
				r->present++;
			else if (!pte_none(e))
				r->swapped++;
		}
	}
}

static enum dot_vma_kind vma_kind(const struct vm_area_struct *v)
{
	const char *name = vma_name(v);

	if ((v->vm_flags & VM_GROWSDOWN) || strcmp(name, "[stack]") == 0)
		return DOT_VMA_STACK;
	if (strcmp(name, "[heap]") == 0)
		return DOT_VMA_HEAP;
	if (name[0] == '[')
		return DOT_VMA_SPECIAL;
	if ((v->vm_flags & VM_SHARED) || (v->vm_file && v->vm_file->shmem))
		return DOT_VMA_SHARED;
	if (v->vm_file)
		return (v->vm_flags & VM_EXEC) ? DOT_VMA_CODE : DOT_VMA_DATA;
	return DOT_VMA_ANON;
}

/* The address column: end (exclusive) over start, as the map is drawn. */
static void addr_cell(struct dot *d, unsigned long start, unsigned long end_incl)
{
	int w = d->m->arch->addr_digits;

	dot_raw(d, "<TD ALIGN=\"RIGHT\" BALIGN=\"RIGHT\"><FONT FACE=\"Courier\" POINT-SIZE=\"14\">"
		"0x%0*lx<BR/>0x%0*lx</FONT></TD>", w, end_incl, w, start);
}

static void gap_row(struct dot *d, unsigned long start, unsigned long end_incl,
		    const char *what)
{
	char size[16];

	dot_size(size, sizeof size, (unsigned long long)(end_incl - start) + 1);
	dot_raw(d, "<TR>");
	addr_cell(d, start, end_incl);
	dot_raw(d, "<TD COLSPAN=\"2\" BGCOLOR=\"%s\"><FONT COLOR=\"#606060\"><I>", dot_vma_color(DOT_VMA_GAP));
	dot_text(d, "%s %s", what, size);
	dot_raw(d, "</I></FONT></TD></TR>\n");
}

static void vma_row(struct dot *d, const struct vm_area_struct *v, bool *used)
{
	enum dot_vma_kind k = vma_kind(v);
	struct resident r = { 0, 0 };
	const char *name = vma_name(v);
	char p[5], size[16];

	used[k] = true;
	vm_flags_perms(v->vm_flags, p);
	count_ptes(d->m, v->vm_mm, v->vm_start, v->vm_end, &r);
	dot_size(size, sizeof size, v->vm_end - v->vm_start);
	dot_raw(d, "<TR>");
	addr_cell(d, v->vm_start, v->vm_end - 1);
	dot_raw(d, "<TD BGCOLOR=\"%s\"><B>", dot_vma_color(k));
	dot_text(d, "%s", *name ? name : dot_vma_name(k));
	dot_raw(d, "</B></TD><TD BGCOLOR=\"%s\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">%s  %s<BR/>"
		"<FONT POINT-SIZE=\"13\">resident %lu", dot_vma_color(k), p, size, r.present);
	if (r.swapped)
		dot_raw(d, ", swapped %lu", r.swapped);
	dot_raw(d, "</FONT></TD></TR>\n");
}

/*
 * One row for VMAs [from, to) of the list, below the address `above`:
 * the gap up to `above` if any, then their count, size and pages.
 */
static void folded_row(struct dot *d, struct vm_area_struct *from, struct vm_area_struct *to,
		       unsigned long above)
{
	struct resident r = { 0, 0 };
	unsigned long n = 0, bytes = 0, last = from->vm_end - 1;
	char size[16], count[32];

	for (struct vm_area_struct *v = from; v != to; v = v->vm_next) {
		n++;
		bytes += v->vm_end - v->vm_start;
		last = v->vm_end - 1;
		count_ptes(d->m, v->vm_mm, v->vm_start, v->vm_end, &r);
	}
	if (above > last + 1)
		gap_row(d, last + 1, above - 1, "unmapped");
	dot_size(size, sizeof size, bytes);
	dot_count(count, sizeof count, n);
	dot_raw(d, "<TR>");
	addr_cell(d, from->vm_start, last);
	dot_raw(d, "<TD COLSPAN=\"2\" BGCOLOR=\"#eeeeee\"><I>... %s more VMAs, %s, resident %lu",
		count, size, r.present);
	if (r.swapped)
		dot_raw(d, ", swapped %lu", r.swapped);
	dot_raw(d, " ...</I></TD></TR>\n");
}

/* The lowest address of the kernel's half (64-bit) or TASK_SIZE (i386). */
static unsigned long kernel_start(const struct machine *m)
{
	if (!m->arch->is_64bit)
		return m->arch->task_size;
	return ~((1UL << (m->arch->va_bits - 1)) - 1);
}

/* The top of the map: kernel space, the hole (64-bit), the split. */
static void kernel_rows(struct dot *d, const struct mm_struct *mm)
{
	const struct arch_profile *a = d->m->arch;
	unsigned long top = a->is_64bit ? ~0UL : 0xffffffffUL, kstart = kernel_start(d->m);
	char size[16];

	dot_size(size, sizeof size, (unsigned long long)(top - kstart) + 1);
	dot_raw(d, "<TR>");
	addr_cell(d, kstart, top);
	dot_raw(d, "<TD COLSPAN=\"2\" BGCOLOR=\"%s\"><B>kernel space</B> %s<BR/>"
		"<FONT POINT-SIZE=\"13\">the same in every process; user access faults</FONT>"
		"</TD></TR>\n", dot_vma_color(DOT_VMA_KERNEL), size);
	if (a->is_64bit) {
		unsigned long user_top = 1UL << (a->va_bits - 1);

		gap_row(d, user_top, kstart - 1, "non-canonical hole");
		if (mm->task_size < user_top)
			gap_row(d, mm->task_size, user_top - 1, "never mapped");
	}
	dot_raw(d, "<TR><TD COLSPAN=\"3\" BGCOLOR=\"#333333\"><FONT COLOR=\"white\"><B>"
		"user/kernel split: TASK_SIZE = 0x%0*lx</B></FONT></TD></TR>\n", a->addr_digits,
		mm->task_size);
}

/* The VMAs from the highest down, with the gaps; folds the middle of a long list. */
static void user_rows(struct dot *d, struct mm_struct *mm, bool *used)
{
	struct vm_area_struct *v[ASPACE_MAX_VMAS], *all = mm->mmap, *low_end = NULL;
	int nlow = 0, nhigh = 0, fold = mm->map_count > ASPACE_MAX_VMAS;
	unsigned long above = mm->task_size;

	/* v[0..nlow) are the lowest VMAs, v[ASPACE_MAX_VMAS - nhigh..) the highest. */
	for (struct vm_area_struct *x = all; x; x = x->vm_next) {
		if (!fold || nlow < ASPACE_MAX_VMAS / 2)
			v[nlow++] = x;
		else if (!low_end)
			low_end = x;
	}
	if (fold) {
		struct vm_area_struct *x = low_end;
		int skip = mm->map_count - ASPACE_MAX_VMAS / 2 - ASPACE_MAX_VMAS / 2;

		for (int i = 0; i < skip; i++)
			x = x->vm_next;
		for (; x; x = x->vm_next)
			v[ASPACE_MAX_VMAS / 2 + nhigh++] = x;
	}
	for (int i = nlow + nhigh - 1; i >= 0; i--) {
		if (above > v[i]->vm_end)
			gap_row(d, v[i]->vm_end, above - 1, "unmapped");
		vma_row(d, v[i], used);
		above = v[i]->vm_start;
		if (fold && i == nlow) {
			folded_row(d, low_end, v[nlow], above);
			above = low_end->vm_start;
		}
	}
	if (above > 0)
		gap_row(d, 0, above - 1, "unmapped");
}

static void write_legend(struct dot *d, const bool *used)
{
	struct dot_legend_item items[NR_DOT_VMA_KINDS];
	int n = 0;

	for (int k = 0; k < NR_DOT_VMA_KINDS; k++)
		if (used[k])
			items[n++] = (struct dot_legend_item){ dot_vma_color(k), dot_vma_name(k), NULL };
	dot_legend(d, "VMAs", items, n, "resident: pages with a present PTE;\n"
		   "swapped: PTEs holding a swap entry.");
}

int dot_aspace(struct dot *d, const struct dot_opts *o)
{
	bool used[NR_DOT_VMA_KINDS] = { false };
	struct task_struct *t;
	struct mm_struct *mm;
	char title[128];
	int r = dot_find_task(d, o, &t);

	if (r < 0)
		return r;
	mm = t->mm;
	snprintf(title, sizeof title, "Address space of pid %d (%s), %s", t->pid, t->comm,
		 d->m->arch->name);
	dot_begin(d, "aspace", title, "LR");
	dot_node_begin(d, "mm");
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"6\">\n"
		"<TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\">mm_struct: %d VMAs, total_vm %lu pages, "
		"RSS %lu pages (anon %ld, file %ld), CR3 = pfn 0x%lx</TD></TR>\n",
		mm->map_count, mm->total_vm, get_mm_rss(mm), mm->rss_stat[MM_ANONPAGES],
		mm->rss_stat[MM_FILEPAGES], mm->pgd);
	kernel_rows(d, mm);
	user_rows(d, mm, used);
	dot_raw(d, "</TABLE>");
	dot_node_end(d);
	write_legend(d, used);
	dot_edge(d, "mm", "legend", "style=invis");
	dot_end(d);
	return 0;
}
