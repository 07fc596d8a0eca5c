/*
 * dot_layout.c - `dot layout`: the kernel's virtual memory map (the same
 * regions `layout` prints, from report/layout.c) as one column, high
 * addresses at the top, each region with its range, size and what this
 * machine puts there.  i386 with 1 GiB:
 *
 *   0xfffff000 | fixmap   340K   kmap_atomic slots ...        |
 *   0xffc00000 | hole                                          |
 *   0xff800000 | pkmap    4M     1024 slots, 2 mapped          |
 *   0xff7fe000 | hole     8K                                   |
 *   0xf8800000 | vmalloc  112M   3 areas, 12 pages             |
 *   0xf8000000 | hole     8M     VMALLOC_OFFSET                |
 *   0xc0000000 | lowmem   896M   the direct map                |
 *   0x00000000 | user     3G     each process its own          |
 *
 * Rows are not drawn to scale: a 64 TiB direct map and a 4 KiB vsyscall
 * page get one row each, with their sizes written out.
 */
#include <string.h>
#include "dot/dot.h"
#include "mm/machine.h"
#include "report/layout.h"

static const struct {
	const char *name;
	const char *color;
} kinds[] = {
	{ "user", "#fdae6b" }, { "lowmem", "#9ecae1" }, { "vmalloc", "#80cbc4" },
	{ "pkmap", "#c9a0dc" }, { "fixmap", "#fde68a" }, { "kernel", "#bdbdbd" },
	{ "modules", "#d9d9d9" }, { "vmemmap", "#c7e9c0" }, { "vsyscall", "#fdd0a2" },
};

#define NR_KINDS (sizeof(kinds) / sizeof(kinds[0]))
#define NOTE_WIDTH 48

static const char *region_color(const char *name)
{
	for (size_t i = 0; i < NR_KINDS; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return kinds[i].color;
	return strcmp(name, "hole") == 0 ? "#ffffff" : "#f2f2f2";
}

/* Text broken at spaces into lines of about NOTE_WIDTH characters. */
static void write_wrapped(struct dot *d, const char *text)
{
	char buf[sizeof(((struct layout_region *)0)->note) + 32];
	size_t n = 0, line = 0;

	for (const char *p = text; *p && n + 1 < sizeof(buf); p++) {
		if (*p == ' ' && line >= NOTE_WIDTH) {
			buf[n++] = '\n';
			line = 0;
			continue;
		}
		buf[n++] = *p;
		line++;
	}
	buf[n] = '\0';
	dot_lines(d, buf);
}

static void region_row(struct dot *d, const struct layout_region *r)
{
	int w = d->m->arch->addr_digits;
	bool hole = strcmp(r->name, "hole") == 0;
	char size[32];

	layout_size(size, sizeof size, (unsigned long long)(r->end - r->start));
	dot_raw(d, "<TR><TD ALIGN=\"RIGHT\" BALIGN=\"RIGHT\"><FONT FACE=\"Courier\" POINT-SIZE=\"13\">"
		"0x%0*lx<BR/>0x%0*lx</FONT></TD>", w, r->end, w, r->start);
	dot_raw(d, "<TD BGCOLOR=\"%s\">%s", region_color(r->name), hole ? "<I>" : "<B>");
	dot_text(d, "%s", r->name);
	dot_raw(d, "%s<BR/>%s</TD><TD BGCOLOR=\"%s\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
		"<FONT POINT-SIZE=\"12\">", hole ? "</I>" : "</B>", size, region_color(r->name));
	write_wrapped(d, r->note);
	dot_raw(d, "</FONT></TD></TR>\n");
}

static void write_legend(struct dot *d, const struct layout_region *r, int n)
{
	struct dot_legend_item items[NR_KINDS + 1];
	int k = 0;

	for (size_t i = 0; i < NR_KINDS; i++)
		for (int j = 0; j < n; j++)
			if (strcmp(r[j].name, kinds[i].name) == 0) {
				items[k++] = (struct dot_legend_item){ kinds[i].color, kinds[i].name, NULL };
				break;
			}
	items[k++] = (struct dot_legend_item){ "#ffffff", "hole", "unused addresses" };
	dot_legend(d, "Legend", items, k, "Rows are not to scale;\nends are exclusive.");
}

int dot_layout(struct dot *d, const struct dot_opts *o)
{
	struct layout_region r[LAYOUT_MAX_REGIONS];
	int n = layout_regions(d->m, r);
	char title[128], ram[16];

	(void)o;
	dot_size(ram, sizeof ram, d->m->cfg.ram);
	snprintf(title, sizeof title, "Kernel virtual memory layout: %s, %s RAM", d->m->arch->name,
		 ram);
	dot_begin(d, "layout", title, "LR");
	dot_node_begin(d, "map");
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"5\">\n");
	for (int i = n - 1; i >= 0; i--)
		region_row(d, &r[i]);
	dot_raw(d, "</TABLE>");
	dot_node_end(d);
	write_legend(d, r, n);
	dot_edge(d, "map", "legend", "style=invis");
	dot_end(d);
	return 0;
}
