/*
 * dot_pagetable.c - `dot pagetable [PID] [addr=A]`: a process's page
 * tables as a tree, from CR3 through every hardware level to the frames.
 *
 *   pid 1 --> pgd @0x1800            pte @0x1a03
 *             [32]  pfn 0x1a03 ----> [72-73] pfn 0x3ffd0-0x3ffd1 --> frames
 *             [767] pfn 0x1a04 -+    [74]    pfn 0x3ff80 ----------> frame
 *             [768-1023] kernel |
 *                               +--> pte @0x1a04 ...
 *
 * Only entries in use are drawn: present ones, PROT_NONE ones, and swap
 * entries (a page that was swapped out), which name their slot:
 *
 *   [1012]       swap entry: type 0, offset 1       not present
 *   [1013-1015]  swap entries: type 0, offsets 2-4  not present
 *
 * In a PTE table, entries that map consecutive frames with the same bits
 * are one row with a count; so are entries naming consecutive slots of one
 * swap area (a row never hides an entry that breaks the run).  The
 * kernel's part of the top table is one row: it is the same in every
 * process (the entries are copied from swapper_pg_dir) and is not
 * followed.  With addr=, the walk of that address is highlighted from CR3
 * to its frame, and the address is split into the indexes of each level;
 * a walk that stops says why, as `vtop` does (a swap entry names its slot
 * and whether the next access is a major or a minor fault).
 *
 * The tree is gathered breadth first, so that when a big process has more
 * tables than PT_MAX_TABLES, the upper levels are complete and the lower
 * ones are cut (the rows of tables not drawn still name them); the tables
 * of the addr= walk are always drawn.  A table shows at most PT_MAX_ROWS
 * rows (its first and last ones and the walk's), and at most PT_MAX_FRAMES
 * frame nodes are drawn in all.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "dot/dot.h"
#include "mm/machine.h"
#include "mm/mm_types.h"
#include "mm/mmap.h"
#include "mm/pgtable.h"
#include "mm/sched.h"
#include "mm/swapfile.h"

#define PT_MAX_TABLES	48
#define PT_MAX_FRAMES	120
#define PT_MAX_ROWS	16
#define PT_WALK_COLOR	"#ffe066"
#define PT_SWAP_COLOR	"#e6d2b5"	/* a swap entry: no other diagram uses it */
#define PT_STOP_WIDTH	40		/* a line of why the walk stopped, in characters */

/* ROW_NONE: an empty entry, drawn only where the addr= walk stops on it. */
enum row_kind { ROW_TABLE, ROW_PAGE, ROW_SWAP, ROW_PROTNONE, ROW_NONE };

/* A run of entries of one table: [first, last], one kind, consecutive pfns or slots. */
struct pt_row {
	unsigned first, last;
	pteval_t entry;			/* the first entry */
	enum row_kind kind;
	int child;			/* drawn child table, or -1 */
	bool walk;			/* the addr= walk passes here */
	bool same;			/* every entry maps the same frame (the zero page) */
};

struct pt_table {
	unsigned long pfn;
	int depth;			/* position among the hardware levels */
	unsigned long base;		/* the first address it maps */
	int nrows;
	struct pt_row *rows;
	unsigned nkernel;		/* top table: present kernel entries */
	int walk_row;			/* the row of the walk, or -1 */
};

struct pt_tree {
	struct machine *m;
	const struct mm_struct *mm;
	enum pt_level lv[NR_PT_LEVELS];
	int nlevels;
	struct pt_table t[PT_MAX_TABLES + NR_PT_LEVELS];
	int ntables;
	bool has_walk;
	struct pt_walk walk;
	unsigned long frames[PT_MAX_FRAMES];	/* frame nodes drawn so far */
	int nframes;
	bool used[NR_DOT_OWNERS];	/* owners of the frames drawn, for the legend */
	bool swap_drawn;		/* a swap-entry row was drawn, for the legend */
};

/* Does a present entry at depth d map a page?  (pgtable.c's pt_maps_page() rule.) */
static bool maps_page(const struct pt_tree *pt, int d, pteval_t e)
{
	const struct arch_profile *a = pt->m->arch;
	enum pt_level l = pt->lv[d];

	if (l == PT_PTE)
		return true;
	if (!(e & _PAGE_PSE) || a->shift[l] > 30)
		return false;
	return !(a->levels == 3 && l == PT_PGD);
}

static enum row_kind entry_kind(const struct pt_tree *pt, int d, pteval_t e)
{
	if (!pte_present(e))
		return pte_mapped(e) ? ROW_PROTNONE : ROW_SWAP;
	return maps_page(pt, d, e) ? ROW_PAGE : ROW_TABLE;
}

/*
 * Does swap PTE e name the slot `step` slots after the one first names, in
 * the same area?  (type 0 offset 2, 3, 4 fold into "offsets 2-4".)
 */
static bool swap_follows(const struct machine *m, pteval_t first, pteval_t e,
			 unsigned long step)
{
	swp_entry_t a = pte_to_swp_entry(m, first), b = pte_to_swp_entry(m, e);

	return swp_type(a) == swp_type(b) && swp_offset(b) == swp_offset(a) + step;
}

/*
 * Entry e at idx continues row r: the next index, the same kind, and for
 * a swap entry the next slot of the same area; else the same bits and
 * either the next frame or (a run of `same`) the very same frame.
 * Extends r and returns true, or returns false.
 */
static bool continues(const struct machine *m, struct pt_row *r, unsigned idx, pteval_t e,
		      enum row_kind k)
{
	pteval_t bits = ~PTE_PFN_MASK;
	unsigned long step = idx - r->first;

	if (k != r->kind || k == ROW_TABLE || idx != r->last + 1)
		return false;
	if (k == ROW_SWAP) {
		if (!swap_follows(m, r->entry, e, step))
			return false;
	} else if (k == ROW_PAGE && e == r->entry && (r->same || r->first == r->last)) {
		r->same = true;
	} else if (r->same || (e & bits) != (r->entry & bits) ||
		   pte_pfn(e) != pte_pfn(r->entry) + step) {
		return false;
	}
	r->last = idx;
	return true;
}

/* The first top-level index of the kernel's half of the address space. */
static unsigned kernel_index(const struct machine *m)
{
	const struct arch_profile *a = m->arch;
	unsigned long kstart = a->is_64bit ? 1UL << (a->va_bits - 1) : a->task_size;

	return pt_index(a, PT_PGD, kstart);
}

/* Reads table t's entries into runs.  Returns 0 or -ENOMEM. */
static int read_rows(struct pt_tree *pt, struct pt_table *t)
{
	const struct arch_profile *a = pt->m->arch;
	unsigned n = (unsigned)a->ptrs[pt->lv[t->depth]], end = n;

	if (t->depth == 0)
		end = kernel_index(pt->m);
	t->rows = malloc(n * sizeof *t->rows);
	if (!t->rows)
		return mm_err(pt->m, -ENOMEM, "out of memory");
	for (unsigned i = 0; i < n; i++) {
		pteval_t e = pt_get(pt->m, t->pfn, i);
		enum row_kind k;

		if (pte_none(e))
			continue;
		if (i >= end) {
			t->nkernel += pte_present(e);
			continue;
		}
		k = entry_kind(pt, t->depth, e);
		if (t->nrows && continues(pt->m, &t->rows[t->nrows - 1], i, e, k))
			continue;
		t->rows[t->nrows++] = (struct pt_row){ i, i, e, k, -1, false, false };
	}
	return 0;
}

/* Inserts row r at position i (the rows array has room for every entry). */
static void insert_row(struct pt_table *t, int i, struct pt_row r)
{
	memmove(&t->rows[i + 1], &t->rows[i], (size_t)(t->nrows - i) * sizeof *t->rows);
	t->rows[i] = r;
	t->nrows++;
}

/*
 * Marks the row of table t the walk goes through: a row of its own,
 * split out of a run, or added if the entry is empty.
 */
static void mark_walk(struct pt_tree *pt, struct pt_table *t)
{
	const struct pt_step *s = &pt->walk.step[t->depth];
	int i = 0;

	t->walk_row = -1;
	if (!pt->has_walk || t->depth >= pt->walk.nr || s->table_pfn != t->pfn)
		return;
	while (i < t->nrows && t->rows[i].last < s->idx)
		i++;
	if (i == t->nrows || t->rows[i].first > s->idx) {
		insert_row(t, i, (struct pt_row){ s->idx, s->idx, 0, ROW_NONE, -1, false, false });
	} else {
		/* the walk's entry gets a row of its own: [first, idx) [idx] (idx, last] */
		struct pt_row *r = &t->rows[i];

		if (r->last > s->idx)
			insert_row(t, i + 1, (struct pt_row){ s->idx + 1, r->last,
				   pt_get(pt->m, t->pfn, s->idx + 1), r->kind, -1, false,
				   r->same && r->last > s->idx + 1 });
		if (r->first < s->idx) {
			enum row_kind k = r->kind;

			r->last = s->idx - 1;
			r->same &= r->last > r->first;
			i++;
			insert_row(t, i, (struct pt_row){ s->idx, s->idx, s->entry, k, -1, false,
				   false });
		} else {
			r->last = s->idx;
		}
	}
	t->rows[i].walk = true;
	t->walk_row = i;
}

static int add_table(struct pt_tree *pt, unsigned long pfn, int depth, unsigned long base)
{
	struct pt_table *t = &pt->t[pt->ntables];

	*t = (struct pt_table){ .pfn = pfn, .depth = depth, .base = base };
	if (read_rows(pt, t) < 0)
		return -ENOMEM;
	mark_walk(pt, t);
	return pt->ntables++;
}

/* Which rows a table shows: the first ones, the last ones, the walk's. */
static bool row_shown(const struct pt_table *t, int r)
{
	return t->nrows <= PT_MAX_ROWS || r < PT_MAX_ROWS / 2 - 1 ||
	       r >= t->nrows - (PT_MAX_ROWS / 2 - 1) || t->rows[r].walk;
}

/*
 * Breadth first from the pgd: each table row pointing at a lower table
 * gets that table drawn while there is room, and always on the walk.
 */
static int gather(struct pt_tree *pt)
{
	const struct arch_profile *a = pt->m->arch;

	if (add_table(pt, pt->mm->pgd, 0, 0) < 0)
		return -ENOMEM;
	for (int i = 0; i < pt->ntables; i++) {
		struct pt_table *t = &pt->t[i];

		for (int r = 0; r < t->nrows; r++) {
			struct pt_row *row = &t->rows[r];
			unsigned long base = t->base +
				((unsigned long)row->first << a->shift[pt->lv[t->depth]]);
			int c;

			if (row->kind != ROW_TABLE || !row_shown(t, r) ||
			    (pt->ntables >= PT_MAX_TABLES && !row->walk))
				continue;
			if (pt->ntables == PT_MAX_TABLES + NR_PT_LEVELS)
				continue;
			c = add_table(pt, pte_pfn(row->entry), t->depth + 1, base);
			if (c < 0)
				return -ENOMEM;
			row->child = c;
			t = &pt->t[i];
		}
	}
	return 0;
}

static void free_tree(struct pt_tree *pt)
{
	for (int i = 0; i < pt->ntables; i++)
		free(pt->t[i].rows);
}

/* Writing ------------------------------------------------------------------ */

static void table_id(char *buf, const struct pt_table *t)
{
	dot_id(buf, "pt", t->pfn);
}

static void frame_id(char *buf, unsigned long pfn)
{
	dot_id(buf, "frame", pfn);
}

/*
 * Opens a cell of a row; a row on the walk is filled and framed in red,
 * another one filled with fill (NULL: none).
 */
static void open_cell(struct dot *d, const char *align, bool walk, const char *fill)
{
	dot_raw(d, "<TD ALIGN=\"%s\"", align);
	if (walk)
		dot_raw(d, " BGCOLOR=\"%s\" COLOR=\"#d62728\" BORDER=\"2\"", PT_WALK_COLOR);
	else if (fill)
		dot_raw(d, " BGCOLOR=\"%s\"", fill);
}

static void index_cell(struct dot *d, const struct pt_row *r, bool walk)
{
	open_cell(d, "RIGHT", walk, NULL);
	if (r->first == r->last)
		dot_raw(d, ">[%u]</TD>", r->first);
	else
		dot_raw(d, ">[%u-%u]</TD>", r->first, r->last);
}

/* A swap row's slot: the area (type) and the offset, or the offsets of a run. */
static void swap_target(struct dot *d, const struct machine *m, const struct pt_row *r)
{
	swp_entry_t e = pte_to_swp_entry(m, r->entry);

	if (r->first == r->last)
		dot_raw(d, "swap entry: type %u, offset %lu", swp_type(e), swp_offset(e));
	else
		dot_raw(d, "swap entries: type %u, offsets %lu-%lu", swp_type(e), swp_offset(e),
			swp_offset(e) + (r->last - r->first));
}

/* The middle cell: where the entry points. */
static void target_cell(struct dot *d, const struct pt_tree *pt, const struct pt_table *t,
			const struct pt_row *r, bool walk)
{
	unsigned long pfn = pte_pfn(r->entry), n = r->last - r->first + 1;
	const char *next = r->kind == ROW_TABLE ? pt_level_name(pt->lv[t->depth + 1]) : "";

	open_cell(d, "LEFT", walk, r->kind == ROW_SWAP ? PT_SWAP_COLOR : NULL);
	dot_raw(d, ">");
	if (r->kind == ROW_NONE)
		dot_raw(d, "<I>not present</I>");
	else if (r->kind == ROW_SWAP)
		swap_target(d, pt->m, r);
	else if (r->kind == ROW_TABLE)
		dot_raw(d, "%s table, pfn 0x%lx", next, pfn);
	else if (n == 1)
		dot_raw(d, "pfn 0x%lx", pfn);
	else if (r->same)
		dot_raw(d, "pfn 0x%lx, %lu times", pfn, n);
	else
		dot_raw(d, "pfn 0x%lx-0x%lx", pfn, pfn + n - 1);
	if (r->kind == ROW_PAGE && t->depth + 1 < pt->nlevels) {
		char size[16];

		dot_size(size, sizeof size, pt_level_size(pt->m->arch, pt->lv[t->depth]));
		dot_raw(d, " (%s page)", size);
	}
	dot_raw(d, "</TD>");
}

static void bits_cell(struct dot *d, const struct pt_tree *pt, const struct pt_row *r,
		      int port, bool walk)
{
	char bits[64];

	if (r->kind == ROW_SWAP || r->kind == ROW_NONE)
		snprintf(bits, sizeof bits, "%s", r->kind == ROW_SWAP ? "not present" : "");
	else
		pte_bits_str(pt->m, r->entry, bits, sizeof bits);
	open_cell(d, "LEFT", walk, NULL);
	dot_raw(d, " PORT=\"e%d\">%s</TD>", port, bits);
}

static void write_row(struct dot *d, struct pt_tree *pt, const struct pt_table *t, int r)
{
	const struct pt_row *row = &t->rows[r];

	pt->swap_drawn |= row->kind == ROW_SWAP;
	dot_raw(d, "<TR>");
	index_cell(d, row, row->walk);
	target_cell(d, pt, t, row, row->walk);
	bits_cell(d, pt, row, r, row->walk);
	dot_raw(d, "</TR>\n");
}

static void write_table(struct dot *d, struct pt_tree *pt, const struct pt_table *t)
{
	const struct arch_profile *a = pt->m->arch;
	enum pt_level l = pt->lv[t->depth];
	unsigned long last = t->base + (((unsigned long)a->ptrs[l] << a->shift[l]) - 1);
	char id[DOT_ID_LEN];
	int w = a->addr_digits;

	if (t->depth == 0)
		last = a->is_64bit ? ~0UL : 0xffffffffUL;
	table_id(id, t);
	dot_node_begin(d, id);
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"5\">\n"
		"<TR><TD COLSPAN=\"3\" BGCOLOR=\"%s\" PORT=\"h\"><B>%s</B> at pfn 0x%lx<BR/>"
		"<FONT POINT-SIZE=\"13\">maps 0x%0*lx-0x%0*lx</FONT></TD></TR>\n",
		dot_owner_color(DOT_OWNER_PGTABLE), pt_level_name(l), t->pfn, w, t->base, w, last);
	for (int r = 0; r < t->nrows; r++) {
		int skipped = 0;

		while (r < t->nrows && !row_shown(t, r))
			r++, skipped++;
		if (skipped)
			dot_raw(d, "<TR><TD COLSPAN=\"3\"><I>... %d more rows ...</I></TD></TR>\n",
				skipped);
		if (r < t->nrows)
			write_row(d, pt, t, r);
	}
	if (t->depth == 0)
		dot_raw(d, "<TR><TD ALIGN=\"RIGHT\">[%u-%d]</TD><TD COLSPAN=\"2\" BGCOLOR=\"%s\">"
			"kernel: %u entr%s, shared with swapper_pg_dir</TD></TR>\n",
			kernel_index(pt->m), a->ptrs[l] - 1, dot_owner_color(DOT_OWNER_RESERVED),
			t->nkernel, t->nkernel == 1 ? "y" : "ies");
	if (!t->nrows && !t->nkernel)
		dot_raw(d, "<TR><TD COLSPAN=\"3\"><I>no entries</I></TD></TR>\n");
	dot_raw(d, "</TABLE>");
	dot_node_end(d);
}

/* A frame node for a run of n frames from pfn: zone, owner, flags. */
static void write_frame(struct dot *d, struct pt_tree *pt, unsigned long pfn, unsigned long n)
{
	const struct page *p = pfn_to_page(pt->m, pfn);
	enum dot_owner o = dot_frame_owner(pt->m, pfn);
	char id[DOT_ID_LEN];

	frame_id(id, pfn);
	dot_node_begin(d, id);
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"5\">"
		"<TR><TD BGCOLOR=\"%s\">", dot_owner_color(o));
	if (n > 1)
		dot_raw(d, "%lu frames<BR/>", n);
	dot_raw(d, "pfn 0x%lx<BR/><FONT POINT-SIZE=\"13\">%s", pfn,
		zone_name(pfn_zone(pt->m, pfn)->type));
	if (!PageFlag(p, PG_anon) && p->mapping)
		dot_raw(d, " file");
	for (int f = 0; f < NR_PAGEFLAGS; f++)
		if (PageFlag(p, f) && f != PG_head && f != PG_uptodate)
			dot_raw(d, " %s", pageflag_name(f));
	if (p->_mapcount > 0)
		dot_raw(d, " mapped %d&#215;", p->_mapcount + 1);
	dot_raw(d, "</FONT></TD></TR></TABLE>");
	dot_node_end(d);
	pt->used[o] = true;
}

static bool frame_drawn(const struct pt_tree *pt, unsigned long pfn)
{
	for (int i = 0; i < pt->nframes; i++)
		if (pt->frames[i] == pfn)
			return true;
	return false;
}

/* The edges (and frame nodes) leaving the rows of table t. */
static void write_edges(struct dot *d, struct pt_tree *pt, const struct pt_table *t)
{
	char from[DOT_ID_LEN + 16], to[DOT_ID_LEN + 8], id[DOT_ID_LEN];
	const char *walk = "color=\"#d62728\", penwidth=3";

	table_id(id, t);
	for (int r = 0; r < t->nrows; r++) {
		const struct pt_row *row = &t->rows[r];
		unsigned long pfn = pte_pfn(row->entry);

		if (!row_shown(t, r) || (row->kind == ROW_TABLE && row->child < 0))
			continue;
		if (row->kind == ROW_PAGE && !frame_drawn(pt, pfn)) {
			if (pt->nframes == PT_MAX_FRAMES && !row->walk)
				continue;
			write_frame(d, pt, pfn, row->same ? 1 : row->last - row->first + 1);
			if (pt->nframes < PT_MAX_FRAMES)
				pt->frames[pt->nframes++] = pfn;
		} else if (row->kind != ROW_PAGE && row->kind != ROW_TABLE) {
			continue;
		}
		snprintf(from, sizeof from, "%s:e%d:e", id, r);
		if (row->kind == ROW_TABLE) {
			table_id(to, &pt->t[row->child]);
			strcat(to, ":h:w");
		} else {
			frame_id(to, pfn);
		}
		dot_edge(d, from, to, row->walk ? walk : NULL);
	}
}

/* A swap entry's slot and what the next access does, as vtop says it. */
static void swap_reason(const struct machine *m, pteval_t e, char *buf, size_t len)
{
	swp_entry_t se = pte_to_swp_entry(m, e);
	const struct swap_info_struct *si = swap_info(m, swp_type(se));
	long pfn = lookup_swap_cache(m, se);
	int n = snprintf(buf, len, "a swap entry, type %u offset %lu (%s slot %lu): ",
			 swp_type(se), swp_offset(se), si ? si->name : "?", swp_offset(se));

	if (n < 0 || (size_t)n >= len)
		return;
	if (pfn >= 0)
		snprintf(buf + n, len - (size_t)n, "the page is still in the swap cache (pfn "
			 "0x%lx), so the next access is a minor fault", pfn);
	else
		snprintf(buf + n, len - (size_t)n, "the next access is a major fault that reads "
			 "it back (do_swap_page)");
}

/*
 * Why the walk of addr= stopped, in the words of `vtop`'s stop line: a
 * swap entry, a PROT_NONE entry, no VMA, a PROT_NONE VMA, or a VMA whose
 * first access faults the page in.  (addr= is always a user address.)
 */
static void stop_reason(const struct pt_tree *pt, struct mm_struct *mm, char *buf, size_t len)
{
	const struct pt_step *s = &pt->walk.step[pt->walk.nr - 1];
	const struct vm_area_struct *v = vma_lookup(mm, pt->walk.addr);
	int n = snprintf(buf, len, "%s[%u] is not present: ", pt_level_name(s->level), s->idx);
	char *p = buf + n;
	size_t left = len - (size_t)n;

	if (!v)
		snprintf(p, left, "no VMA either: an access is SIGSEGV (SEGV_MAPERR)");
	else if (s->level == PT_PTE && is_swap_pte(s->entry))
		swap_reason(pt->m, s->entry, p, left);
	else if (s->entry & _PAGE_PROTNONE)
		snprintf(p, left, "a PROT_NONE entry: the page stays mapped, but the CPU faults "
			 "on any access (SIGSEGV, SEGV_ACCERR)");
	else if (!(v->vm_flags & VM_ACCESS_FLAGS))
		snprintf(p, left, "the VMA is PROT_NONE: an access is SIGSEGV (SEGV_ACCERR)");
	else
		snprintf(p, left, "the VMA 0x%0*lx-0x%0*lx %c%c%c allows it, so the first access "
			 "faults the page in", pt->m->arch->addr_digits, v->vm_start,
			 pt->m->arch->addr_digits, v->vm_end, v->vm_flags & VM_READ ? 'r' : '-',
			 v->vm_flags & VM_WRITE ? 'w' : '-', v->vm_flags & VM_EXEC ? 'x' : '-');
}

/* The task node: pid, CR3, and the walk's address split into indexes. */
static void write_task(struct dot *d, struct pt_tree *pt, const struct task_struct *tk)
{
	const struct pt_walk *w = &pt->walk;
	char pgd[DOT_ID_LEN + 8];

	dot_node_begin(d, "task");
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"6\">"
		"<TR><TD PORT=\"cr3\">pid %d (", tk->pid);
	dot_text(d, "%s", tk->comm);
	dot_raw(d, ")<BR/>CR3 = pfn 0x%lx</TD></TR>", pt->mm->pgd);
	if (pt->has_walk) {
		dot_raw(d, "<TR><TD BGCOLOR=\"%s\">walk of 0x%0*lx<BR/>", PT_WALK_COLOR,
			pt->m->arch->addr_digits, w->addr);
		for (int i = 0; i < w->nr; i++)
			dot_raw(d, "%s%s[%u]", i ? " " : "", pt_level_name(w->step[i].level),
				w->step[i].idx);
		if (w->mapped)
			dot_raw(d, " + 0x%lx<BR/>= pfn 0x%lx, phys 0x%llx%s", w->addr &
				(w->page_size - 1), w->pfn, ((unsigned long long)w->pfn << PAGE_SHIFT) |
				(w->addr & (PAGE_SIZE - 1)),
				w->pfn == pt->m->zero_pfn ? "<BR/>(the zero page)" : "");
		else {
			char why[320];

			stop_reason(pt, tk->mm, why, sizeof why);
			dot_raw(d, "<BR/>");
			dot_wrapped(d, why, PT_STOP_WIDTH);
		}
		dot_raw(d, "</TD></TR>");
	}
	dot_raw(d, "</TABLE>");
	dot_node_end(d);
	table_id(pgd, &pt->t[0]);
	strcat(pgd, ":h:w");
	dot_edge(d, "task:cr3:e", pgd, pt->has_walk ? "color=\"#d62728\", penwidth=3" : NULL);
}

static void write_legend(struct dot *d, const struct pt_tree *pt)
{
	struct dot_legend_item items[NR_DOT_OWNERS + 3];
	int n = 0;

	items[n++] = (struct dot_legend_item){ dot_owner_color(DOT_OWNER_PGTABLE), "page table",
					       "a frame of entries" };
	for (int o = 0; o < NR_DOT_OWNERS; o++)
		if (pt->used[o])
			items[n++] = (struct dot_legend_item){ dot_owner_color(o), dot_owner_name(o),
				o == DOT_OWNER_USER ? "anonymous or file page"
				: o == DOT_OWNER_RESERVED ? "e.g. the zero page" : "frame" };
	if (pt->swap_drawn)
		items[n++] = (struct dot_legend_item){ PT_SWAP_COLOR, "swap entry",
						       "page swapped out: area (type), slot (offset)" };
	if (pt->has_walk)
		items[n++] = (struct dot_legend_item){ PT_WALK_COLOR, "walk of addr=",
						       "red path" };
	dot_legend(d, "Page tables", items, n, "Rows are the entries in use: present ones with "
		   "their bits,\nand swap entries (not present) with their slot; entries mapping\n"
		   "consecutive frames with the same bits, or naming consecutive\n"
		   "slots of one swap area, are one row.");
}

static int parse_addr(struct pt_tree *pt, const struct dot_opts *o)
{
	const char *s = dot_opt(o, "addr");
	char *end;
	unsigned long a;

	if (!s)
		return 0;
	errno = 0;
	a = strtoul(s, &end, 0);
	if (*s < '0' || *s > '9' || *end || errno)
		return mm_err(pt->m, -EINVAL, "addr=%s is not an address", s);
	if (a >= pt->mm->task_size)
		return mm_err(pt->m, -EINVAL, "addr=%s is not a user address (user space ends "
			      "at 0x%0*lx)", s, pt->m->arch->addr_digits, pt->mm->task_size);
	pt_walk(pt->m, pt->mm->pgd, a, &pt->walk);
	pt->has_walk = true;
	return 0;
}

int dot_pagetable(struct dot *d, const struct dot_opts *o)
{
	struct task_struct *tk;
	struct pt_tree *pt;
	char title[128];
	int r = dot_find_task(d, o, &tk);

	if (r < 0)
		return r;
	pt = calloc(1, sizeof *pt);
	if (!pt)
		return mm_err(d->m, -ENOMEM, "out of memory");
	pt->m = d->m;
	pt->mm = tk->mm;
	pt->nlevels = pt_hw_levels(d->m->arch, pt->lv);
	r = parse_addr(pt, o);
	if (r == 0)
		r = gather(pt);
	if (r == 0) {
		snprintf(title, sizeof title, "Page tables of pid %d (%s), %s, %d levels", tk->pid,
			 tk->comm, d->m->arch->name, pt->nlevels);
		dot_begin(d, "pagetable", title, "LR");
		write_task(d, pt, tk);
		for (int i = 0; i < pt->ntables; i++)
			write_table(d, pt, &pt->t[i]);
		for (int i = 0; i < pt->ntables; i++)
			write_edges(d, pt, &pt->t[i]);
		write_legend(d, pt);
		dot_end(d);
	}
	free_tree(pt);
	free(pt);
	return r;
}
