/*
 * dot_phys.c - `dot phys`: physical memory by node and zone, as bands of
 * cells coloured by what owns the frames.
 *
 * Each NUMA node is a cluster; in it, each populated zone is one node
 * whose label is a table: a heading with the zone's pfn and physical
 * ranges, the band, and the zone's totals per owner.  The band reads like
 * text, low addresses first, a few cells to a row:
 *
 *   +- Node 0 ----------------------------------------------------------+
 *   | DMA   pfn 0x1-0xfff   4K-16M (16M)                                |
 *   |   [reserved 632K][hole 388K][free 15M]                            |
 *   |   free 3,840 pages (15M) . reserved 158 (632K) . hole 97 (388K)   |
 *   | Normal ...                                                        |
 *   +-------------------------------------------------------------------+
 *
 * A frame's owner comes from its struct page, in this order: on a free
 * list (PageBuddy heads a free block), on a per-CPU list, reserved (or a
 * hole, not RAM at all), else the allocated block it heads, named by the
 * head's flags: PG_pgtable, PG_slab, PG_vmalloc, PG_swapcache, user
 * (anonymous, on an LRU list, or mapped), and kernel for the rest.
 * Consecutive frames of one owner are one cell; a zone with more runs than
 * fit is folded by dot_fold() into chunks drawn in two colours.
 *
 * A machine with more than DOT_MAX_NODES nodes draws its first ones so,
 * and the others as one table of totals: per zone type, on how many nodes
 * it is and its pages per owner (`dot phys node=N` draws any one node).
 */
#include <errno.h>
#include <string.h>
#include "dot/dot.h"
#include "mm/machine.h"

/* Cells in all the bands of one diagram, and per band row. */
#define PHYS_CELL_BUDGET	384
#define PHYS_MAX_CELLS		48
#define PHYS_MIN_CELLS		8
#define PHYS_ROW_CELLS		8

static enum dot_owner allocated_owner(const struct page *p)
{
	if (PageFlag(p, PG_pgtable))
		return DOT_OWNER_PGTABLE;
	if (PageFlag(p, PG_slab))
		return DOT_OWNER_SLAB;
	if (PageFlag(p, PG_vmalloc))
		return DOT_OWNER_VMALLOC;
	if (PageFlag(p, PG_swapcache))
		return DOT_OWNER_SWAPCACHE;
	if (PageFlag(p, PG_zero))
		return DOT_OWNER_KERNEL;
	if (PageFlag(p, PG_anon) || PageFlag(p, PG_lru) || PageFlag(p, PG_swapbacked) ||
	    p->_mapcount >= 0 || p->mapping)
		return DOT_OWNER_USER;
	return DOT_OWNER_KERNEL;
}

static bool in_hole(unsigned long pfn)
{
	return pfn == 0 || (pfn >= HOLE_START_PFN && pfn < HOLE_END_PFN);
}

/* The owner of the extent starting at pfn, and its length in *n. */
static enum dot_owner extent_owner(const struct machine *m, unsigned long pfn, unsigned long *n)
{
	const struct page *p = &m->mem_map[pfn];

	*n = 1;
	if (PageFlag(p, PG_buddy)) {
		*n = 1UL << p->private;
		return DOT_OWNER_FREE;
	}
	if (PageFlag(p, PG_pcp))
		return DOT_OWNER_PCP;
	if (PageFlag(p, PG_reserved))
		return in_hole(pfn) ? DOT_OWNER_HOLE : DOT_OWNER_RESERVED;
	if (PageFlag(p, PG_head) && p->_refcount > 0) {
		*n = 1UL << p->private;
		return allocated_owner(p);
	}
	return DOT_OWNER_KERNEL;
}

enum dot_owner dot_frame_owner(const struct machine *m, unsigned long pfn)
{
	unsigned long n;

	return extent_owner(m, pfn, &n);
}

/*
 * dot_walk_fn over [lo, hi) of one zone: one emit per run of extents
 * (free blocks, allocated blocks, single frames) of one owner.
 */
static void phys_walk(void *ctx, unsigned long lo, unsigned long hi, dot_emit_fn emit,
		      void *folder)
{
	const struct machine *m = ctx;
	unsigned long start = lo, n;
	enum dot_owner run = DOT_OWNER_KERNEL;

	for (unsigned long pfn = lo; pfn < hi; pfn += n) {
		enum dot_owner o = extent_owner(m, pfn, &n);

		if (pfn > start && o != run) {
			emit(folder, start, pfn - start, (int)run);
			start = pfn;
		}
		run = o;
	}
	if (hi > start)
		emit(folder, start, hi - start, (int)run);
}

/* "size" in the smallest clear unit of a run of frames. */
static void pages_size(char *buf, size_t len, unsigned long pages)
{
	dot_size(buf, len, (unsigned long long)pages << PAGE_SHIFT);
}

static void write_cell(struct dot *d, const struct dot_cell *c)
{
	char size[16];

	pages_size(size, sizeof size, c->count);
	if (c->kind2 < 0)
		dot_raw(d, "<TD BGCOLOR=\"%s\">%s<BR/>", dot_owner_color(c->kind),
			dot_owner_name(c->kind));
	else
		dot_raw(d, "<TD BGCOLOR=\"%s:%s\">%s+%s<BR/>", dot_owner_color(c->kind),
			dot_owner_color(c->kind2), dot_owner_name(c->kind),
			dot_owner_name(c->kind2));
	dot_raw(d, "<B>%s</B><BR/><FONT POINT-SIZE=\"12\">pfn 0x%lx</FONT></TD>", size,
		c->start);
}

static void write_band(struct dot *d, const struct dot_cell *cells, int n)
{
	for (int i = 0; i < n; i += PHYS_ROW_CELLS) {
		dot_raw(d, "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"1\" "
			"CELLSPACING=\"0\" CELLPADDING=\"6\"><TR>");
		for (int j = i; j < n && j < i + PHYS_ROW_CELLS; j++)
			write_cell(d, &cells[j]);
		dot_raw(d, "</TR></TABLE></TD></TR>\n");
	}
}

/* "free 3,840 (15M) . reserved 158 (632K)": the zone's pages per owner. */
static void write_totals(struct dot *d, const unsigned long *pages)
{
	bool first = true;

	dot_raw(d, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\">");
	for (int k = 0; k < NR_DOT_OWNERS; k++) {
		char count[32], size[16];

		if (!pages[k])
			continue;
		dot_count(count, sizeof count, pages[k]);
		pages_size(size, sizeof size, pages[k]);
		dot_raw(d, "%s%s %s (%s)", first ? "" : " &#183; ", dot_owner_name(k), count,
			size);
		first = false;
	}
	dot_raw(d, "</FONT></TD></TR>\n");
}

/* "4K-16M (16M)": bytes of [start, end), the size rounded to whole sections. */
static void write_span(struct dot *d, unsigned long start, unsigned long end)
{
	char lo[16], hi[16], size[16];
	unsigned long first = start & ~((1UL << SECTION_SHIFT) - 1);

	dot_size(lo, sizeof lo, (unsigned long long)start << PAGE_SHIFT);
	dot_size(hi, sizeof hi, (unsigned long long)end << PAGE_SHIFT);
	pages_size(size, sizeof size, end - first);
	dot_raw(d, "   pfn 0x%lx-0x%lx   %s-%s (%s)", start, end - 1, start ? lo : "0", hi,
		size);
}

static void write_heading(struct dot *d, const struct zone *z)
{
	dot_raw(d, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"20\" COLOR=\"%s\"><B>%s</B></FONT>",
		dot_zone_color(z->type), zone_name(z->type));
	write_span(d, z->zone_start_pfn, zone_end_pfn(z));
	dot_raw(d, "</TD></TR>\n");
}

/*
 * One zone's rows in its node's table: heading, band, totals.  Adds the
 * zone's pages per owner to totals[]; sets *mixed if a cell folds several
 * owners.
 */
static void write_zone(struct dot *d, const struct zone *z, int limit, unsigned long *totals,
		       bool *mixed)
{
	struct dot_cell cells[PHYS_MAX_CELLS];
	unsigned long pages[NR_DOT_OWNERS] = { 0 }, chunk;
	int n;

	n = dot_fold(phys_walk, d->m, z->zone_start_pfn, zone_end_pfn(z), limit, cells, &chunk);
	for (int i = 0; i < n; i++) {
		for (int k = 0; k < NR_DOT_OWNERS; k++)
			pages[k] += cells[i].n[k];
		*mixed |= cells[i].kind2 >= 0;
	}
	for (int k = 0; k < NR_DOT_OWNERS; k++)
		totals[k] += pages[k];
	write_heading(d, z);
	write_band(d, cells, n);
	write_totals(d, pages);
}

static void write_legend(struct dot *d, const unsigned long *totals, bool mixed)
{
	struct dot_legend_item items[NR_DOT_OWNERS];
	char what[NR_DOT_OWNERS][64];
	int n = 0;

	for (int k = 0; k < NR_DOT_OWNERS; k++) {
		char count[32], size[16];

		if (!totals[k])
			continue;
		dot_count(count, sizeof count, totals[k]);
		pages_size(size, sizeof size, totals[k]);
		snprintf(what[n], sizeof what[n], "%s page%s (%s)", count, totals[k] == 1 ? "" : "s",
			 size);
		items[n] = (struct dot_legend_item){ dot_owner_color(k), dot_owner_name(k), what[n] };
		n++;
	}
	dot_legend(d, "Frames by owner", items, n,
		   mixed ? "A cell is a run of frames, low addresses first;\n"
			   "a two-colour cell folds frames of several owners, the biggest first."
			 : "A cell is a run of frames of one owner, low addresses first.");
}

/* One NUMA node: a framed table of its selected zones zones[0..n). */
static void write_node(struct dot *d, struct zone *const *zones, int n, int limit,
		       unsigned long *totals, bool *mixed)
{
	const pg_data_t *pgdat = zones[0]->zone_pgdat;
	char id[16];

	snprintf(id, sizeof id, "node%d", pgdat->node_id);
	dot_node_begin(d, id);
	dot_raw(d, "<TABLE BORDER=\"2\" STYLE=\"ROUNDED\" COLOR=\"#606060\" CELLBORDER=\"0\" "
		"CELLSPACING=\"5\" CELLPADDING=\"2\">\n"
		"<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"22\"><B>Node %d</B></FONT>",
		pgdat->node_id);
	write_span(d, pgdat->node_start_pfn, pgdat->node_start_pfn + pgdat->node_spanned_pages);
	dot_raw(d, "</TD></TR>\n");
	for (int i = 0; i < n; i++) {
		dot_raw(d, "<TR><TD HEIGHT=\"6\"></TD></TR>\n");
		write_zone(d, zones[i], limit, totals, mixed);
	}
	dot_raw(d, "</TABLE>");
	dot_node_end(d);
}

/* pages[kind] += count: a dot_emit_fn that only counts. */
static void count_emit(void *pages, unsigned long start, unsigned long count, int kind)
{
	(void)start;
	((unsigned long *)pages)[kind] += count;
}

/*
 * The nodes of zones[0..n) as one table: their span, then for each zone
 * type the nodes that have it and its pages per owner.  Adds the pages to
 * totals[].
 */
static void write_rest(struct dot *d, struct zone *const *zones, int n, unsigned long *totals)
{
	const pg_data_t *first = zones[0]->zone_pgdat, *last = zones[n - 1]->zone_pgdat;

	dot_node_begin(d, "nodes_rest");
	dot_raw(d, "<TABLE BORDER=\"2\" STYLE=\"ROUNDED\" COLOR=\"#606060\" CELLBORDER=\"0\" "
		"CELLSPACING=\"5\" CELLPADDING=\"2\">\n<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"22\">"
		"<B>Nodes %d-%d</B></FONT> (%d nodes)", first->node_id, last->node_id,
		dot_zones_nodes(zones, n));
	write_span(d, first->node_start_pfn, last->node_start_pfn + last->node_spanned_pages);
	dot_raw(d, "</TD></TR>\n");
	for (int t = 0; t < MAX_NR_ZONES; t++) {
		struct zone *of[DOT_MAX_ZONES];
		unsigned long pages[NR_DOT_OWNERS] = { 0 };
		int k = 0;

		for (int i = 0; i < n; i++)
			if ((int)zones[i]->type == t)
				of[k++] = zones[i];
		if (!k)
			continue;
		for (int i = 0; i < k; i++)
			phys_walk(d->m, of[i]->zone_start_pfn, zone_end_pfn(of[i]), count_emit, pages);
		for (int o = 0; o < NR_DOT_OWNERS; o++)
			totals[o] += pages[o];
		dot_raw(d, "<TR><TD HEIGHT=\"6\"></TD></TR>\n<TR><TD ALIGN=\"LEFT\"><FONT "
			"POINT-SIZE=\"20\" COLOR=\"%s\"><B>%s</B></FONT>   on %d node%s, %d-%d</TD>"
			"</TR>\n", dot_zone_color(t), zone_name(t), k, k == 1 ? "" : "s",
			of[0]->zone_pgdat->node_id, of[k - 1]->zone_pgdat->node_id);
		write_totals(d, pages);
	}
	dot_raw(d, "<TR><TD ALIGN=\"LEFT\"><I>totals only: `dot phys node=N` draws one node</I>"
		"</TD></TR>\n</TABLE>");
	dot_node_end(d);
}

/* Nodes top to bottom with invisible edges, the summary last; the legend beside the first. */
static void write_order(struct dot *d, struct zone *const *zones, int n, bool rest)
{
	char from[16], to[16];
	int prev = -1;

	for (int i = 0; i < n; i++) {
		int nid = zones[i]->zone_pgdat->node_id;

		if (prev >= 0 && nid != prev) {
			snprintf(from, sizeof from, "node%d", prev);
			snprintf(to, sizeof to, "node%d", nid);
			dot_edge(d, from, to, "style=invis");
		}
		prev = nid;
	}
	if (rest) {
		snprintf(from, sizeof from, "node%d", prev);
		dot_edge(d, from, "nodes_rest", "style=invis");
	}
	dot_indent(d);
	dot_raw(d, "{ rank=same; node%d; legend; }\n", zones[0]->zone_pgdat->node_id);
}

int dot_phys(struct dot *d, const struct dot_opts *o)
{
	struct zone *zones[DOT_MAX_ZONES];
	unsigned long totals[NR_DOT_OWNERS] = { 0 };
	char title[128], ram[16];
	bool mixed = false;
	int n = dot_select_zones(d, o, zones), limit, shown;

	if (n < 0)
		return n;
	shown = dot_zones_shown(zones, n, DOT_MAX_NODES);
	limit = PHYS_CELL_BUDGET / shown;
	limit = limit > PHYS_MAX_CELLS ? PHYS_MAX_CELLS : limit < PHYS_MIN_CELLS ? PHYS_MIN_CELLS : limit;
	dot_size(ram, sizeof ram, d->m->cfg.ram);
	snprintf(title, sizeof title, "Physical memory: %s, %s RAM, %d node%s", d->m->arch->name,
		 ram, d->m->nr_nodes, d->m->nr_nodes > 1 ? "s" : "");
	dot_begin(d, "phys", title, "TB");
	for (int i = 0, j; i < shown; i = j) {
		for (j = i + 1; j < shown && zones[j]->zone_pgdat == zones[i]->zone_pgdat; j++)
			;
		write_node(d, zones + i, j - i, limit, totals, &mixed);
	}
	if (shown < n)
		write_rest(d, zones + shown, n - shown, totals);
	write_legend(d, totals, mixed);
	write_order(d, zones, shown, shown < n);
	dot_end(d);
	return 0;
}
