/*
 * dot_tlb.c - `dot tlb [cpu=N]`: one CPU's TLB laid out as the hardware
 * has it, sets down and ways across, and for each valid entry the
 * page-table entry it caches and the frame behind it:
 *
 *   cpu 0: 8 entries, 2-way, 4 sets         pte table at pfn 0x3f01 (pid 1)
 *   set | way 0       | way 1      |      ,-> [75] 0x03f02067 P RW US A D | pfn 0x3f02
 *     0 | 0xc1000000  | 0x08048000 |[w0]-|-. [77] 0x03f04067 P RW US A D | pfn 0x3f04
 *       | 4M G        | PCID 2     |[w1] | |
 *     1 | 0x0804d000  |            |[w0]-|-'  pgd at pfn 0x17ff (swapper_pg_dir)
 *     2 | (empty)     |            |     '--> [772] 0x010001e3 P RW A D PS G | 4M page
 *     3 | 0x0804b000  |            |[w0]---'
 *
 * A virtual page goes to set (vpn mod sets); a full set gives up its
 * least recently used entry, framed in red as the next victim.  Cells are
 * coloured by whose translation they hold: the running address space,
 * another one kept under its own PCID (pcid=on, edges dashed), or a
 * global kernel page that survives every CR3 load.  The header has the
 * hits, misses and flushes so far.  Edges leave from a column of small
 * "way N" cells at the right of each set, so they never cross the grid.
 *
 * Each entry drawn is looked up again in the page tables of its address
 * space (swapper_pg_dir for a global one): the entry that maps the page
 * is a row of its table's node, with the frame (its zone and owner) at
 * the end of the row.  The checker keeps TLB and tables in agreement; a
 * disagreement would be drawn in red as a stale entry.
 *
 * Big TLBs fold: runs of empty sets are one row; with more than 8 ways a
 * set wraps over several rows, and with more than 32 only its valid ways
 * are drawn; at most TLB_DOT_ENTRIES valid entries are drawn and
 * followed, the rest counted in a last row.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "dot/dot.h"
#include "mm/machine.h"
#include "mm/mm_types.h"
#include "mm/pgtable.h"
#include "mm/sched.h"
#include "mm/tlb.h"

#define TLB_DOT_ENTRIES		48	/* valid entries drawn and followed */
#define TLB_DOT_WRAP		8	/* ways per row */
#define TLB_DOT_GRID_WAYS	32	/* above this, only valid ways are drawn */

static const char *const other_color = "#fde7cf";	/* another PCID's entry */
static const char *const empty_color = "#ffffff";
static const char *const victim_color = "#d62728";

/* What a drawn entry caches: the last entry of its page walk. */
struct cached {
	int entry;			/* index in t->e */
	uint32_t mm;			/* tlb_entry_mm(); 0: kernel */
	bool walked;			/* its address space exists and has a table there */
	unsigned long table;		/* the table holding the entry */
	enum pt_level level;
	unsigned idx;
	pteval_t pte;
	bool ok;			/* the tables map the page as the TLB says */
};

struct tlb_dot {
	struct dot *d;
	const struct tlb *t;
	struct cached c[TLB_DOT_ENTRIES];
	int nc;
	int nsets;			/* sets drawn: 0 .. nsets-1 */
	bool sparse;			/* only valid ways are drawn */
	bool any_user, any_other, any_global, any_victim, any_empty, any_stale;
};

static unsigned long entry_addr(const struct tlb_entry *e)
{
	return (unsigned long)(e->vpn << e->shift);
}

static int set_valid(const struct tlb *t, int set)
{
	int n = 0;

	for (int w = 0; w < t->ways; w++)
		n += t->e[set * t->ways + w].shift != 0;
	return n;
}

/* The way the next fill of a full set evicts (its LRU entry); -1 if the set has room. */
static int set_victim(const struct tlb *t, int set)
{
	const struct tlb_entry *e = &t->e[set * t->ways];
	int v = 0;

	for (int w = 0; w < t->ways; w++) {
		if (!e[w].shift)
			return -1;
		if (e[w].lru < e[v].lru)
			v = w;
	}
	return v;
}

/* The mm an entry's translation belongs to: init_mm for a kernel one, NULL if gone. */
static const struct mm_struct *entry_mm(const struct machine *m, uint32_t id)
{
	if (!id)
		return m->init_mm;
	for (const struct task_struct *tk = m->tasks; tk; tk = tk->next)
		if (tk->mm && tk->mm->id == id)
			return tk->mm;
	return NULL;
}

/* Looks entry i up again in the page tables of its address space. */
static void follow(struct tlb_dot *td, int i)
{
	const struct tlb_entry *e = &td->t->e[i];
	struct cached *c = &td->c[td->nc++];
	const struct mm_struct *mm;
	struct pt_walk w;

	*c = (struct cached){ .entry = i, .mm = tlb_entry_mm(td->t, e) };
	mm = entry_mm(td->d->m, c->mm);
	if (!mm)
		return;
	pt_walk(td->d->m, mm->pgd, entry_addr(e), &w);
	if (!w.nr)
		return;
	c->walked = true;
	c->table = w.step[w.nr - 1].table_pfn;
	c->level = w.step[w.nr - 1].level;
	c->idx = w.step[w.nr - 1].idx;
	c->pte = w.step[w.nr - 1].entry;
	c->ok = w.mapped && w.pfn == e->pfn && w.page_size == 1UL << e->shift;
}

/*
 * Chooses the sets drawn, from set 0 on, while their valid entries fit in
 * TLB_DOT_ENTRIES (a set is drawn whole, except in sparse mode, where the
 * set that reaches the limit is cut), and follows each valid entry drawn.
 */
static void gather(struct tlb_dot *td)
{
	const struct tlb *t = td->t;

	td->sparse = t->ways > TLB_DOT_GRID_WAYS;
	for (int s = 0; s < t->sets && td->nc < TLB_DOT_ENTRIES; s++) {
		if (!td->sparse && td->nc + set_valid(t, s) > TLB_DOT_ENTRIES)
			break;
		for (int w = 0; w < t->ways && td->nc < TLB_DOT_ENTRIES; w++)
			if (t->e[s * t->ways + w].shift)
				follow(td, s * t->ways + w);
		td->nsets = s + 1;
	}
}

static const struct cached *cached_of(const struct tlb_dot *td, int i)
{
	for (int k = 0; k < td->nc; k++)
		if (td->c[k].entry == i)
			return &td->c[k];
	return NULL;
}

/* The TLB node ---------------------------------------------------------------- */

static const char *size_name(unsigned shift)
{
	return shift == 21 ? "2M" : shift == 22 ? "4M" : shift == 30 ? "1G" : "4K";
}

/* "RW US D", then "2M" for a large page and "PCID 2" with PCIDs on. */
static void flags_str(const struct tlb *t, const struct tlb_entry *e, char *buf, size_t len)
{
	size_t n;

	n = (size_t)snprintf(buf, len, "%s%s%s%s%s", e->flags & TLBF_RW ? "RW " : "",
			     e->flags & TLBF_US ? "US " : "", e->flags & TLBF_D ? "D " : "",
			     e->flags & TLBF_NX ? "NX " : "", e->flags & TLBF_G ? "G " : "");
	if (e->shift != PAGE_SHIFT && n < len)
		n += (size_t)snprintf(buf + n, len - n, "%s page ", size_name(e->shift));
	if (t->pcid && !(e->flags & TLBF_G) && n < len)
		n += (size_t)snprintf(buf + n, len - n, "PCID %u ", e->pcid);
	if (n && n < len)
		buf[n - 1] = '\0';
}

static const char *cell_color(struct tlb_dot *td, const struct tlb_entry *e)
{
	if (e->flags & TLBF_G) {
		td->any_global = true;
		return dot_owner_color(DOT_OWNER_KERNEL);
	}
	if (td->t->pcid && e->pcid != td->t->cur_pcid) {
		td->any_other = true;
		return other_color;
	}
	td->any_user = true;
	return dot_owner_color(DOT_OWNER_USER);
}

/* The cell of way w of set s; way_label when the column does not say the way. */
static void way_cell(struct tlb_dot *td, int s, int w, bool way_label)
{
	struct dot *d = td->d;
	const struct tlb_entry *e = &td->t->e[s * td->t->ways + w];
	char flags[64];

	if (!e->shift) {
		td->any_empty = true;
		dot_raw(d, "<TD BGCOLOR=\"%s\" WIDTH=\"120\">", empty_color);
		if (way_label)
			dot_raw(d, "<FONT POINT-SIZE=\"12\" COLOR=\"#909090\">way %d</FONT>", w);
		dot_raw(d, "</TD>");
		return;
	}
	dot_raw(d, "<TD BGCOLOR=\"%s\" WIDTH=\"120\"", cell_color(td, e));
	if (set_victim(td->t, s) == w && td->t->ways > 1) {
		td->any_victim = true;
		dot_raw(d, " COLOR=\"%s\" BORDER=\"3\"", victim_color);
	}
	dot_raw(d, ">");
	if (way_label)
		dot_raw(d, "<FONT POINT-SIZE=\"12\">way %d</FONT><BR/>", w);
	flags_str(td->t, e, flags, sizeof flags);
	dot_raw(d, "<FONT FACE=\"Courier\" POINT-SIZE=\"14\">0x%0*lx</FONT><BR/>pfn 0x%llx<BR/>"
		"<FONT POINT-SIZE=\"12\">%s</FONT></TD>", d->m->arch->addr_digits, entry_addr(e),
		(unsigned long long)e->pfn, flags[0] ? flags : "read-only");
}

/* The ways of set s drawn: all of them, or (sparse) the valid ones that were followed. */
static int drawn_ways(const struct tlb_dot *td, int s, int *ways)
{
	int n = 0;

	for (int w = 0; w < td->t->ways; w++)
		if (!td->sparse || cached_of(td, s * td->t->ways + w))
			ways[n++] = w;
	return n;
}

/*
 * The set's exit: a small cell per valid way drawn, where the edge to its
 * page-table entry leaves, so that edges never cross the other ways.
 */
static void exit_cell(struct tlb_dot *td, int s, int rows, const int *ways, int n)
{
	struct dot *d = td->d;
	bool any = false;

	if (rows > 1)
		dot_raw(d, "<TD BORDER=\"0\" ROWSPAN=\"%d\">", rows);
	else
		dot_raw(d, "<TD BORDER=\"0\">");
	for (int k = 0; k < n; k++) {
		const struct tlb_entry *e = &td->t->e[s * td->t->ways + ways[k]];

		if (!e->shift)
			continue;
		if (!any)
			dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" "
				"CELLPADDING=\"1\">");
		any = true;
		dot_raw(d, "<TR><TD PORT=\"e%d\" BGCOLOR=\"%s\"><FONT POINT-SIZE=\"12\">way %d"
			"</FONT></TD></TR>", s * td->t->ways + ways[k], cell_color(td, e), ways[k]);
	}
	dot_raw(d, "%s</TD>", any ? "</TABLE>" : "");
}

/* One set: its label cell spanning its rows, TLB_DOT_WRAP ways a row, its exit. */
static void set_rows(struct tlb_dot *td, int s, int cols)
{
	struct dot *d = td->d;
	int *ways = malloc((size_t)td->t->ways * sizeof *ways), n, rows, empty;

	if (!ways)
		return;
	n = drawn_ways(td, s, ways);
	empty = td->sparse ? td->t->ways - set_valid(td->t, s) : 0;
	rows = (n + (empty > 0) + cols - 1) / cols;
	for (int r = 0, k = 0; r < rows; r++) {
		dot_raw(d, "<TR>");
		if (r == 0 && rows > 1)
			dot_raw(d, "<TD ROWSPAN=\"%d\" ALIGN=\"RIGHT\"><B>%d</B></TD>", rows, s);
		else if (r == 0)
			dot_raw(d, "<TD ALIGN=\"RIGHT\"><B>%d</B></TD>", s);
		for (int c = 0; c < cols; c++, k++) {
			if (k < n)
				way_cell(td, s, ways[k], td->sparse || td->t->ways > cols);
			else if (k == n && empty)
				dot_raw(d, "<TD BGCOLOR=\"%s\"><I>%d empty way%s</I></TD>", empty_color,
					empty, empty == 1 ? "" : "s");
			else
				dot_raw(d, "<TD BORDER=\"0\"></TD>");
		}
		if (r == 0)
			exit_cell(td, s, rows, ways, n);
		dot_raw(d, "</TR>\n");
	}
	free(ways);
}

static void empty_sets_row(struct tlb_dot *td, int first, int last, int cols)
{
	td->any_empty = true;
	if (first == last)
		dot_raw(td->d, "<TR><TD ALIGN=\"RIGHT\"><B>%d</B></TD>", first);
	else
		dot_raw(td->d, "<TR><TD ALIGN=\"RIGHT\"><B>%d-%d</B></TD>", first, last);
	dot_raw(td->d, "<TD COLSPAN=\"%d\" BGCOLOR=\"%s\"><I>%d empty set%s</I></TD>"
		"<TD BORDER=\"0\"></TD></TR>\n", cols, empty_color, last - first + 1,
		last == first ? "" : "s");
}

/* The sets not drawn: how many valid entries they (and a cut set) hold. */
static void rest_row(struct tlb_dot *td, int cols)
{
	const struct tlb *t = td->t;
	int valid = 0;
	char n[32];

	for (int i = 0; i < t->nr_entries; i++)
		valid += t->e[i].shift != 0;
	if (td->nsets == t->sets && valid == td->nc)
		return;
	dot_count(n, sizeof n, (unsigned long long)(valid - td->nc));
	dot_raw(td->d, "<TR><TD COLSPAN=\"%d\" BGCOLOR=\"#eeeeee\"><I>", cols + 2);
	if (td->nsets < t->sets)
		dot_raw(td->d, "sets %d-%d: ", td->nsets, t->sets - 1);
	dot_raw(td->d, "%s more valid entr%s not drawn</I></TD></TR>\n", n,
		valid - td->nc == 1 ? "y" : "ies");
}

static void header_rows(struct tlb_dot *td, int cols)
{
	struct dot *d = td->d;
	const struct tlb *t = td->t;
	const struct task_struct *cur = d->m->current[t->cpu];
	unsigned long total = t->hits + t->misses;

	dot_raw(d, "<TR><TD COLSPAN=\"%d\" BGCOLOR=\"#eeeeee\" BALIGN=\"LEFT\" ALIGN=\"LEFT\">"
		"<B>cpu %d</B>: %d entries, ", cols + 2, t->cpu, t->nr_entries);
	if (t->sets == 1)
		dot_raw(d, "fully associative<BR/>");
	else
		dot_raw(d, "%d-way set associative, %d sets<BR/>", t->ways, t->sets);
	dot_raw(d, "CR3 = pfn 0x%lx: ", t->cr3);
	if (cur) {
		dot_raw(d, "pid %d (", cur->pid);
		dot_text(d, "%s", cur->comm);
		dot_raw(d, ")");
	} else {
		dot_raw(d, "swapper_pg_dir");
	}
	if (t->pcid)
		dot_raw(d, ", PCID %u", t->cur_pcid);
	else
		dot_raw(d, ", no PCID");
	dot_raw(d, "<BR/>hits %lu, misses %lu", t->hits, t->misses);
	if (total)
		dot_raw(d, " (%lu%% hits)", (t->hits * 100 + total / 2) / total);
	dot_raw(d, "; flushes %lu, invlpg %lu</TD></TR>\n<TR><TD><B>set</B></TD>", t->flushes,
		t->invlpgs);
	if (td->sparse || t->ways > cols)
		dot_raw(d, "<TD COLSPAN=\"%d\"><B>ways, %d a row</B></TD>", cols, cols);
	else
		for (int w = 0; w < cols; w++)
			dot_raw(d, "<TD><B>way %d</B></TD>", w);
	dot_raw(d, "<TD BORDER=\"0\"></TD></TR>\n");
}

static void write_tlb(struct tlb_dot *td)
{
	int cols = td->t->ways < TLB_DOT_WRAP ? td->t->ways : TLB_DOT_WRAP;

	dot_node_begin(td->d, "tlb");
	dot_raw(td->d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"5\">\n");
	header_rows(td, cols);
	for (int s = 0; s < td->nsets; s++) {
		int last = s;

		if (set_valid(td->t, s)) {
			set_rows(td, s, cols);
			continue;
		}
		while (last + 1 < td->nsets && !set_valid(td->t, last + 1))
			last++;
		if (last == s && !td->sparse)
			set_rows(td, s, cols);
		else
			empty_sets_row(td, s, last, cols);
		s = last;
	}
	rest_row(td, cols);
	dot_raw(td->d, "</TABLE>");
	dot_node_end(td->d);
}

/* Page tables and frames ---------------------------------------------------------- */

static void table_id(char *buf, unsigned long pfn)
{
	dot_id(buf, "pt", pfn);
}

/* Orders the cached entries by table, then index, for one node per table. */
static int by_table(const void *a, const void *b)
{
	const struct cached *x = a, *y = b;

	if (x->walked != y->walked)
		return x->walked ? -1 : 1;
	if (x->table != y->table)
		return x->table < y->table ? -1 : 1;
	if (x->idx != y->idx)
		return x->idx < y->idx ? -1 : 1;
	return x->entry - y->entry;
}

static void owner_name(struct dot *d, uint32_t mm)
{
	const struct task_struct *tk = NULL;

	for (const struct task_struct *t = d->m->tasks; t && mm && !tk; t = t->next)
		if (t->mm && t->mm->id == mm)
			tk = t;
	if (!mm) {
		dot_raw(d, "kernel: swapper_pg_dir, shared by all");
	} else if (tk) {
		dot_raw(d, "pid %d (", tk->pid);
		dot_text(d, "%s", tk->comm);
		dot_raw(d, ")");
	} else {
		dot_raw(d, "address space %u", mm);
	}
}

/*
 * The cell of the page an entry maps: its frame, zone and owner; a large
 * page (only the direct map has them) as its range of frames.
 */
static void frame_cell(struct tlb_dot *td, const struct cached *c)
{
	struct dot *d = td->d;
	unsigned long pfn = pte_pfn(c->pte);
	unsigned long n = pt_level_size(d->m->arch, c->level) >> PAGE_SHIFT;
	enum dot_owner o = n > 1 ? DOT_OWNER_KERNEL : dot_frame_owner(d->m, pfn);
	const char *zone = zone_name(pfn_zone(d->m, pfn)->type);

	if (!c->ok || !pfn_valid(d->m, pfn)) {
		td->any_stale = true;
		dot_raw(d, "<TD BGCOLOR=\"%s\"><FONT COLOR=\"white\"><B>stale: the tables no longer map "
			"this</B></FONT></TD>", victim_color);
		return;
	}
	dot_raw(d, "<TD BGCOLOR=\"%s\" ALIGN=\"LEFT\">", dot_owner_color(o));
	if (n > 1) {
		char size[16];

		dot_size(size, sizeof size, (unsigned long long)n << PAGE_SHIFT);
		dot_raw(d, "%s page: pfn 0x%lx-0x%lx <FONT POINT-SIZE=\"12\">%s, direct map</FONT>",
			size, pfn, pfn + n - 1, zone);
	} else {
		dot_raw(d, "pfn 0x%lx <FONT POINT-SIZE=\"12\">%s, %s</FONT>", pfn, zone,
			pfn == d->m->zero_pfn ? "the zero page" : dot_owner_name(o));
	}
	dot_raw(d, "</TD>");
}

/* The table node holding c[from..to): one row per entry (port i<idx>) with its frame. */
static void write_table(struct tlb_dot *td, int from, int to)
{
	struct dot *d = td->d;
	const struct cached *c = &td->c[from];
	int digits = d->m->arch->pte_bytes * 2;
	char id[DOT_ID_LEN], bits[64];

	table_id(id, c->table);
	dot_node_begin(d, id);
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"5\">\n"
		"<TR><TD COLSPAN=\"4\" BGCOLOR=\"%s\"><B>%s table</B> at pfn 0x%lx<BR/>"
		"<FONT POINT-SIZE=\"13\">", dot_owner_color(DOT_OWNER_PGTABLE),
		pt_level_name(c->level), c->table);
	owner_name(d, c->mm);
	dot_raw(d, "</FONT></TD></TR>\n");
	for (int k = from; k < to; k++) {
		if (k > from && td->c[k].idx == td->c[k - 1].idx)
			continue;
		c = &td->c[k];
		pte_bits_str(d->m, c->pte, bits, sizeof bits);
		dot_raw(d, "<TR><TD ALIGN=\"RIGHT\" PORT=\"i%u\">[%u]</TD><TD><FONT FACE=\"Courier\" "
			"POINT-SIZE=\"14\">0x%0*llx</FONT></TD><TD ALIGN=\"LEFT\">%s</TD>", c->idx,
			c->idx, digits, (unsigned long long)c->pte, bits);
		frame_cell(td, c);
		dot_raw(d, "</TR>\n");
	}
	dot_raw(d, "</TABLE>");
	dot_node_end(d);
}

/* One node per page table holding entries drawn, and the edges from the TLB to them. */
static void write_followed(struct tlb_dot *td)
{
	static const char *const other = "style=dashed, color=\"#909090\"";
	char from[DOT_ID_LEN + 16], to[DOT_ID_LEN + 16];

	qsort(td->c, (size_t)td->nc, sizeof *td->c, by_table);
	for (int k = 0, end; k < td->nc && td->c[k].walked; k = end) {
		for (end = k + 1; end < td->nc && td->c[end].walked &&
		     td->c[end].table == td->c[k].table; end++)
			;
		write_table(td, k, end);
	}
	for (int k = 0; k < td->nc && td->c[k].walked; k++) {
		const struct cached *c = &td->c[k];
		const struct tlb_entry *e = &td->t->e[c->entry];
		bool dim = td->t->pcid && !(e->flags & TLBF_G) && e->pcid != td->t->cur_pcid;

		snprintf(from, sizeof from, "tlb:e%d:e", c->entry);
		table_id(to, c->table);
		snprintf(to + strlen(to), sizeof to - strlen(to), ":i%u:w", c->idx);
		dot_edge(td->d, from, to, dim ? other : NULL);
	}
}

static void write_legend(struct tlb_dot *td)
{
	struct dot_legend_item items[8];
	char note[200];
	int n = 0;

	if (td->any_user)
		items[n++] = (struct dot_legend_item){ dot_owner_color(DOT_OWNER_USER),
						       "running address space", "usable now" };
	if (td->any_other)
		items[n++] = (struct dot_legend_item){ other_color, "another PCID",
						       "kept across the switch" };
	if (td->any_global)
		items[n++] = (struct dot_legend_item){ dot_owner_color(DOT_OWNER_KERNEL),
						       "global (G)", "survives CR3 loads" };
	if (td->any_empty)
		items[n++] = (struct dot_legend_item){ empty_color, "empty way", NULL };
	if (td->any_victim)
		items[n++] = (struct dot_legend_item){ victim_color, "red border",
						       "LRU: the next fill evicts it" };
	items[n++] = (struct dot_legend_item){ dot_owner_color(DOT_OWNER_PGTABLE), "page table",
					       "the entry cached" };
	if (td->t->sets > 1)
		snprintf(note, sizeof note, "A page's set is its virtual page number\n"
			 "mod %d; each set holds %d way%s.", td->t->sets, td->t->ways,
			 td->t->ways == 1 ? "" : "s");
	else
		snprintf(note, sizeof note, "Fully associative: any page\nin any of the %d ways.",
			 td->t->ways);
	dot_legend(td->d, "TLB", items, n, note);
}

static int opt_cpu(struct dot *d, const struct dot_opts *o, int *cpu)
{
	const char *s = dot_opt(o, "cpu");
	char *end;
	long v;

	*cpu = d->m->cpu;
	if (!s)
		return 0;
	v = strtol(s, &end, 0);
	if (*s < '0' || *s > '9' || *end)
		return mm_err(d->m, -EINVAL, "cpu=%s is not a number", s);
	if (v >= d->m->nr_cpus)
		return mm_err(d->m, -EINVAL, "cpu %ld does not exist (cpus 0..%d)", v,
			      d->m->nr_cpus - 1);
	*cpu = (int)v;
	return 0;
}

int dot_tlb(struct dot *d, const struct dot_opts *o)
{
	struct tlb_dot *td;
	char title[128];
	int cpu;

	if (opt_cpu(d, o, &cpu) < 0)
		return -EINVAL;
	td = calloc(1, sizeof *td);
	if (!td)
		return mm_err(d->m, -ENOMEM, "out of memory");
	td->d = d;
	td->t = &d->m->tlb[cpu];
	gather(td);
	snprintf(title, sizeof title, "TLB of cpu %d and the entries it caches (%s)", cpu,
		 d->m->arch->name);
	dot_begin(d, "tlb", title, "LR");
	dot_indent(d);
	dot_raw(d, "graph [ranksep=1.1];\n");
	write_tlb(td);
	write_followed(td);
	write_legend(td);
	dot_indent(d);
	dot_raw(d, "{ rank=same; tlb; legend; }\n");
	dot_end(d);
	free(td);
	return 0;
}
