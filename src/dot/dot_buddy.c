/*
 * dot_buddy.c - `dot buddy`: each zone's free_area[], order by order, with
 * the free blocks on each list.
 *
 * A zone is a cluster holding its free_area table (one row per order: the
 * block size and nr_free) and, for each order with free blocks, the list
 * itself, drawn from its head, where __rmqueue_smallest() takes the next
 * block:
 *
 *   free_area[]                 free_list
 *   +-------+-------+------+
 *   | order | block | free |
 *   |   0   |   4K  |   1  |--> [0x1001]
 *   |   1   |   8K  |   1  |--> [0x1002-0x1003]
 *   |  ...  |       |      |
 *   |  10   |   4M  |  13  |--> [0x4000-0x43ff] -> [0x4400-0x47ff] -> ... 8 more ... -> [0x7c00-0x7fff]
 *   +-------+-------+------+
 *
 * A long list shows its first DOT_BUDDY_HEAD blocks, how many follow, and
 * its last block.  When the zones are so many that the lists would pass the
 * node budget, only the tables are drawn, with each list's first block.
 * Nodes beyond DOT_BUDDY_NODES are one more table: nr_free per order summed
 * over their zones of each type (`dot buddy node=N` draws any one node).
 */
#include <errno.h>
#include <string.h>
#include "dot/dot.h"
#include "mm/machine.h"

#define DOT_BUDDY_HEAD	4	/* blocks shown from the head of a long list */
#define DOT_BUDDY_CPUS	4	/* per-CPU counts shown one by one up to this many CPUs */
/* Nodes drawn one by one: a zone here is about three times as tall as in `dot phys`. */
#define DOT_BUDDY_NODES	(DOT_MAX_NODES / 2)

static void free_area_id(char *buf, const struct zone *z)
{
	dot_id(buf, "free_area", z->zone_start_pfn);
}

static void block_range(struct dot *d, unsigned long pfn, unsigned order)
{
	if (order == 0)
		dot_raw(d, "0x%lx", pfn);
	else
		dot_raw(d, "0x%lx-0x%lx", pfn, pfn + (1UL << order) - 1);
}

/* A free block; the list's head cell gets the port edges arrive at. */
static void block_cell(struct dot *d, unsigned long pfn, unsigned order, bool head)
{
	dot_raw(d, "<TD BGCOLOR=\"%s\" BORDER=\"1\"%s>", dot_owner_color(DOT_OWNER_FREE),
		head ? " PORT=\"head\"" : "");
	block_range(d, pfn, order);
	dot_raw(d, "</TD>");
}

static void arrow_cell(struct dot *d)
{
	dot_raw(d, "<TD>&#8594;</TD>");
}

/* The pfn of the last block on a list: the list keeps it. */
static unsigned long list_last(const struct free_area *area)
{
	return area->free_list.last;
}

/*
 * One free list as a row of cells from its head: all of it when short,
 * else the first DOT_BUDDY_HEAD blocks, "... N more ...", the last.
 */
static void write_list(struct dot *d, const struct zone *z, unsigned order)
{
	const struct free_area *area = &z->free_area[order];
	unsigned long n = area->nr_free, shown = 0;
	char id[DOT_ID_LEN], count[32];

	dot_id(id, "free_list", area->free_list.first);
	dot_node_begin(d, id);
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"6\"><TR>");
	for (uint32_t pfn = area->free_list.first; pfn != PFN_NONE && shown < DOT_BUDDY_HEAD;
	     pfn = d->m->mem_map[pfn].lru_next, shown++) {
		if (shown)
			arrow_cell(d);
		block_cell(d, pfn, order, shown == 0);
	}
	if (n > DOT_BUDDY_HEAD + 1) {
		dot_count(count, sizeof count, n - DOT_BUDDY_HEAD - 1);
		arrow_cell(d);
		dot_raw(d, "<TD><I>... %s more ...</I></TD>", count);
	}
	if (n > DOT_BUDDY_HEAD) {
		arrow_cell(d);
		block_cell(d, list_last(area), order, false);
	}
	dot_raw(d, "</TR></TABLE>");
	dot_node_end(d);
}

static void write_pcp_row(struct dot *d, const struct zone *z)
{
	int cpus = d->m->nr_cpus, total = 0;

	dot_raw(d, "<TR><TD COLSPAN=\"%d\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\">per-CPU lists "
		"(order 0, not in free_area):", 4);
	for (int c = 0; c < cpus; c++)
		total += z->pcp[c].count;
	if (cpus <= DOT_BUDDY_CPUS)
		for (int c = 0; c < cpus; c++)
			dot_raw(d, "%s cpu%d %d", c ? "," : "", c, z->pcp[c].count);
	else
		dot_raw(d, " %d pages on %d CPUs", total, cpus);
	dot_raw(d, "</FONT></TD></TR>\n");
}

/* The free_area table; compact adds each list's first block as a column. */
static void write_free_area(struct dot *d, const struct zone *z, bool compact)
{
	char id[DOT_ID_LEN], size[16], count[32];

	free_area_id(id, z);
	dot_node_begin(d, id);
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"7\">\n"
		"<TR><TD COLSPAN=\"4\" BGCOLOR=\"#eeeeee\"><B>free_area[]</B></TD></TR>\n"
		"<TR><TD><B>order</B></TD><TD><B>block</B></TD><TD><B>nr_free</B></TD>"
		"<TD><B>%s</B></TD></TR>\n", compact ? "first block" : "free pages");
	for (unsigned o = 0; o < NR_PAGE_ORDERS; o++) {
		const struct free_area *area = &z->free_area[o];

		dot_size(size, sizeof size, PAGE_SIZE << o);
		dot_count(count, sizeof count, area->nr_free);
		dot_raw(d, "<TR><TD>%u</TD><TD>%s</TD>", o, size);
		if (area->nr_free)
			dot_raw(d, "<TD BGCOLOR=\"%s\">%s</TD>", dot_owner_color(DOT_OWNER_FREE),
				count);
		else
			dot_raw(d, "<TD>0</TD>");
		dot_raw(d, "<TD PORT=\"o%u\" ALIGN=\"RIGHT\">", o);
		if (!compact) {
			dot_count(count, sizeof count, area->nr_free << o);
			dot_raw(d, "%s", count);
		} else if (area->nr_free) {
			block_range(d, area->free_list.first, o);
		} else {
			dot_raw(d, "-");
		}
		dot_raw(d, "</TD></TR>\n");
	}
	write_pcp_row(d, z);
	dot_raw(d, "</TABLE>");
	dot_node_end(d);
}

static void write_zone(struct dot *d, const struct zone *z, bool compact)
{
	char id[DOT_ID_LEN], title[128], count[32], size[16];
	long free = zone_page_state(z, NR_FREE_PAGES);

	snprintf(id, sizeof id, "n%d_%s", z->zone_pgdat->node_id, zone_name(z->type));
	dot_count(count, sizeof count, (unsigned long long)free);
	dot_size(size, sizeof size, (unsigned long long)free << PAGE_SHIFT);
	snprintf(title, sizeof title, "Node %d, zone %s: %s free pages (%s)",
		 z->zone_pgdat->node_id, zone_name(z->type), count, size);
	dot_cluster_begin(d, id, title, dot_zone_color(z->type));
	write_free_area(d, z, compact);
	for (unsigned o = 0; o < NR_PAGE_ORDERS && !compact; o++) {
		char from[DOT_ID_LEN + 8], to[DOT_ID_LEN + 8];

		if (!z->free_area[o].nr_free)
			continue;
		write_list(d, z, o);
		free_area_id(id, z);
		snprintf(from, sizeof from, "%s:o%u:e", id, o);
		dot_id(to, "free_list", z->free_area[o].free_list.first);
		strcat(to, ":head:w");
		dot_edge(d, from, to, NULL);
	}
	dot_cluster_end(d);
}

/* The zone types among zones[0..n), as a bit per enum zone_type. */
static unsigned zone_types(struct zone *const *zones, int n)
{
	unsigned types = 0;

	for (int i = 0; i < n; i++)
		types |= 1u << zones[i]->type;
	return types;
}

/* One order's row of the summary: nr_free summed over each type's zones. */
static void rest_row(struct dot *d, struct zone *const *zones, int n, unsigned types,
		     unsigned o)
{
	char size[16], count[32];

	dot_size(size, sizeof size, PAGE_SIZE << o);
	dot_raw(d, "<TR><TD>%u</TD><TD>%s</TD>", o, size);
	for (int t = 0; t < MAX_NR_ZONES; t++) {
		unsigned long nr = 0;

		if (!(types & (1u << t)))
			continue;
		for (int i = 0; i < n; i++)
			if ((int)zones[i]->type == t)
				nr += zones[i]->free_area[o].nr_free;
		dot_count(count, sizeof count, nr);
		if (nr)
			dot_raw(d, "<TD BGCOLOR=\"%s\">%s</TD>", dot_owner_color(DOT_OWNER_FREE),
				count);
		else
			dot_raw(d, "<TD>0</TD>");
	}
	dot_raw(d, "</TR>\n");
}

/*
 * The zones of the nodes not drawn one by one, zones[0..n), as one
 * cluster with one table: per order, nr_free summed over the zones of
 * each type, and the per-CPU pages.
 */
static void write_rest(struct dot *d, struct zone *const *zones, int n)
{
	unsigned types = zone_types(zones, n);
	int cols = 2, first = zones[0]->zone_pgdat->node_id, last = zones[n - 1]->zone_pgdat->node_id;
	long free = 0, pcp = 0;
	char title[128], count[32], size[16];

	for (int i = 0; i < n; i++) {
		free += zone_page_state(zones[i], NR_FREE_PAGES);
		for (int c = 0; c < d->m->nr_cpus; c++)
			pcp += zones[i]->pcp[c].count;
	}
	dot_count(count, sizeof count, (unsigned long long)free);
	dot_size(size, sizeof size, (unsigned long long)free << PAGE_SHIFT);
	snprintf(title, sizeof title, "Nodes %d-%d (%d nodes): %s free pages (%s)", first, last,
		 dot_zones_nodes(zones, n), count, size);
	dot_cluster_begin(d, "rest", title, "#606060");
	dot_node_begin(d, "free_area_rest");
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"7\">\n"
		"<TR><TD COLSPAN=\"2\" BGCOLOR=\"#eeeeee\"><B>free_area[] summed</B></TD>");
	for (int t = 0; t < MAX_NR_ZONES; t++)
		if (types & (1u << t)) {
			int k = 0;

			for (int i = 0; i < n; i++)
				k += (int)zones[i]->type == t;
			dot_raw(d, "<TD BGCOLOR=\"#eeeeee\"><B><FONT COLOR=\"%s\">%s</FONT></B> "
				"(%d zone%s)</TD>", dot_zone_color(t), zone_name(t), k, k == 1 ? "" : "s");
			cols++;
		}
	dot_raw(d, "</TR>\n<TR><TD><B>order</B></TD><TD><B>block</B></TD><TD COLSPAN=\"%d\">"
		"<B>nr_free</B></TD></TR>\n", cols - 2);
	for (unsigned o = 0; o < NR_PAGE_ORDERS; o++)
		rest_row(d, zones, n, types, o);
	dot_raw(d, "<TR><TD COLSPAN=\"%d\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"14\">per-CPU lists: "
		"%ld pages<BR/>totals only: `dot buddy node=N` draws one node</FONT></TD></TR>\n"
		"</TABLE>", cols, pcp);
	dot_node_end(d);
	dot_cluster_end(d);
}

/*
 * Zones top to bottom in pfn order: in a left-to-right graph, nodes of one
 * rank are ordered by the edges into them, so an invisible point sends an
 * ordered edge to each zone's table (and to the summary, if any).
 */
static void write_order(struct dot *d, struct zone *const *zones, int n, bool rest)
{
	char to[DOT_ID_LEN];

	dot_indent(d);
	dot_raw(d, "zones [shape=point, style=invis, width=0, height=0, ordering=out];\n");
	d->nodes++;
	for (int i = 0; i < n; i++) {
		free_area_id(to, zones[i]);
		dot_edge(d, "zones", to, "style=invis");
	}
	if (rest)
		dot_edge(d, "zones", "free_area_rest", "style=invis");
	dot_edge(d, "zones", "legend", "style=invis");
}

static void write_legend(struct dot *d, bool compact)
{
	const struct dot_legend_item item = {
		.color = dot_owner_color(DOT_OWNER_FREE), .name = "free block",
		.what = "first pfn-last pfn",
	};

	dot_legend(d, "Legend", &item, 1,
		   compact ? "nr_free counts blocks of 2^order pages;\n"
			     "first block: the head of the list, taken next."
			   : "nr_free counts blocks of 2^order pages;\n"
			     "each list starts at its head, the block taken next.");
}

int dot_buddy(struct dot *d, const struct dot_opts *o)
{
	struct zone *zones[DOT_MAX_ZONES];
	char title[128], ram[16];
	int n = dot_select_zones(d, o, zones), shown;
	bool compact;

	if (n < 0)
		return n;
	shown = dot_zones_shown(zones, n, DOT_BUDDY_NODES);
	/* A zone with every list drawn takes 1 + NR_PAGE_ORDERS nodes. */
	compact = (unsigned long)shown * (1 + NR_PAGE_ORDERS) > DOT_NODE_BUDGET;
	dot_size(ram, sizeof ram, d->m->cfg.ram);
	snprintf(title, sizeof title, "Buddy allocator: free_area lists per order (%s, %s RAM)",
		 d->m->arch->name, ram);
	dot_begin(d, "buddy", title, "LR");
	/* Lists close together, so each lines up with its row of the table. */
	dot_raw(d, "\tgraph [nodesep=0.12];\n");
	for (int i = 0; i < shown; i++)
		write_zone(d, zones[i], compact);
	if (shown < n)
		write_rest(d, zones + shown, n - shown);
	write_legend(d, compact);
	write_order(d, zones, shown, shown < n);
	dot_end(d);
	return 0;
}
