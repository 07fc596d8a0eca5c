/*
 * dot_layout.c - `dot layout`: the kernel's virtual memory map (the same
 * regions `layout` prints, from report/layout.c) as one column, high
 * addresses at the top, each region with its range, size and what this
 * machine puts there.  i386 with 1 GiB:
 *
 *   0xffffffff | hole     4 kB   the top page, FIX_HOLE           |
 *   0xfffff000 | fixmap   340 kB kmap_atomic slots ...            |
 *   0xfffaa000 | hole                                             |
 *   0xffc00000 | pkmap    4096 kB 1024 slots, 2 mapped            |
 *   0xff800000 | hole     8 kB                                    |
 *   0xff7fe000 | vmalloc  111 MB 3 areas, 12 pages                |
 *   0xf8800000 | hole     8 MB   VMALLOC_OFFSET                   |
 *   0xf8000000 | lowmem   896 MB the direct map                   |
 *   0xc0000000 |====== 3G/1G split: TASK_SIZE = PAGE_OFFSET ======|
 *              | user     3 GB   each process its own             |
 *   0x00000000
 *
 * Sizes are the ones `layout` prints: on i386 the four regions of the
 * boot log's "virtual kernel memory layout:" block (fixmap, pkmap,
 * vmalloc, lowmem) take its figures, truncated as the kernel prints them
 * (fixmap and pkmap in kB, vmalloc and lowmem in MB), so the diagram says
 * "111 MB" where the boot log does; the other regions take layout_size().
 * The bar between user space and the kernel's is the user/kernel split.
 * The top row runs to the last byte of the space (its end is 0): on i386
 * the unused page past FIXADDR_TOP, which `layout` leaves out.
 *
 * Rows are not drawn to scale: a 64 TiB direct map and a 4 KiB vsyscall
 * page get one row each, with their sizes written out.
 */
#include <string.h>
#include "dot/dot.h"
#include "mm/highmem.h"
#include "mm/machine.h"
#include "report/layout.h"

/*
 * Region colours: user and lowmem as in `dot phys`, the rest used nowhere
 * else; vsyscall and modules kept apart from user's orange and the greys.
 */
static const struct {
	const char *name;
	const char *color;
	const char *what;		/* for the legend */
} kinds[] = {
	{ "user", "#fdae6b", "each process its own" },
	{ "lowmem", "#9ecae1", "the direct map of RAM" },
	{ "vmalloc", "#80cbc4", "vmalloc and vmap areas" },
	{ "pkmap", "#aab6f5", "kmap slots for HighMem" },
	{ "fixmap", "#d9ef8b", "fixed addresses, kmap_atomic" },
	{ "kernel", "#bdbdbd", "the kernel image" },
	{ "modules", "#dfc27d", "loadable modules" },
	{ "vmemmap", "#c7e9c0", "the struct page array" },
	{ "vsyscall", "#e78ac3", "legacy vsyscall page" },
};

#define NR_KINDS (sizeof(kinds) / sizeof(kinds[0]))
#define OTHER_COLOR "#f2f2f2"		/* guard, ldt, kasan, cpu_entry, espfix, efi */
#define NOTE_WIDTH 52
#define SPLIT_COLOR "#333333"		/* the split bar, as in `dot aspace` */

static const char *region_color(const char *name)
{
	for (size_t i = 0; i < NR_KINDS; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return kinds[i].color;
	return strcmp(name, "hole") == 0 ? "#ffffff" : OTHER_COLOR;
}

/* Whether r[] has a region of no kind of its own (drawn OTHER_COLOR): x86_64 has six. */
static bool has_other(const struct layout_region *r, int n)
{
	for (int j = 0; j < n; j++)
		if (strcmp(region_color(r[j].name), OTHER_COLOR) == 0)
			return true;
	return false;
}

/*
 * The size `layout` prints for r: the boot log's truncated kB or MB for
 * the regions of its block (i386; report/layout.c boot_block()), else
 * layout_size().
 */
static void region_size(const struct machine *m, const struct layout_region *r, char *buf,
			size_t len)
{
	unsigned long long bytes = layout_region_bytes(m, r);
	bool boot = !m->arch->is_64bit;

	if (boot && (strcmp(r->name, "fixmap") == 0 || strcmp(r->name, "pkmap") == 0))
		snprintf(buf, len, "%llu kB", bytes >> 10);
	else if (boot && (strcmp(r->name, "vmalloc") == 0 || strcmp(r->name, "lowmem") == 0))
		snprintf(buf, len, "%llu MB", bytes >> 20);
	else
		layout_size(buf, len, bytes);
}

/* One region: its end (exclusive) over its start; the last byte if the end is 0. */
static void region_row(struct dot *d, const struct layout_region *r)
{
	unsigned long top = r->end ? r->end : layout_region_last(d->m, r);
	int w = d->m->arch->addr_digits;
	bool hole = strcmp(r->name, "hole") == 0;
	char size[32];

	region_size(d->m, r, size, sizeof size);
	dot_raw(d, "<TR><TD ALIGN=\"RIGHT\" BALIGN=\"RIGHT\"><FONT FACE=\"Courier\" POINT-SIZE=\"13\">"
		"0x%0*lx<BR/>0x%0*lx</FONT></TD>", w, top, w, r->start);
	dot_raw(d, "<TD BGCOLOR=\"%s\">%s", region_color(r->name), hole ? "<I>" : "<B>");
	dot_text(d, "%s", r->name);
	dot_raw(d, "%s<BR/>%s</TD><TD BGCOLOR=\"%s\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
		"<FONT POINT-SIZE=\"12\">", hole ? "</I>" : "</B>", size, region_color(r->name));
	dot_wrapped(d, r->note, NOTE_WIDTH);
	dot_raw(d, "</FONT></TD></TR>\n");
}

/*
 * The user/kernel split, drawn at the top of user space as `dot aspace`
 * draws it: "3G/1G split" on i386, where TASK_SIZE = PAGE_OFFSET.
 */
static void split_row(struct dot *d)
{
	const struct arch_profile *a = d->m->arch;

	dot_raw(d, "<TR><TD COLSPAN=\"3\" BGCOLOR=\"%s\"><FONT COLOR=\"white\"><B>", SPLIT_COLOR);
	if (a->is_64bit)
		dot_raw(d, "user/kernel split: TASK_SIZE = 0x%0*lx", a->addr_digits, a->task_size);
	else
		dot_raw(d, "%luG/%luG user/kernel split: TASK_SIZE = PAGE_OFFSET = 0x%08lx",
			a->task_size >> 30, (0x100000000UL - a->task_size) >> 30, a->task_size);
	dot_raw(d, "</B></FONT></TD></TR>\n");
}

/*
 * i386: the page above FIXADDR_TOP, fixmap index 0 (FIX_HOLE), which the
 * kernel never maps; `layout` stops at FIXADDR_TOP (x86_64's list already
 * runs to the top, end 0).  Returns the regions.
 */
static int add_top_page(const struct machine *m, struct layout_region *r, int n)
{
	struct layout_region *x = &r[n];

	if (m->arch->is_64bit || n == LAYOUT_MAX_REGIONS || r[n - 1].end != fixaddr_top(m))
		return n;
	x->name = "hole";
	x->start = fixaddr_top(m);
	x->end = 0;			/* the top of the space */
	snprintf(x->note, sizeof x->note, "the unused top page: fixmap index 0 (FIX_HOLE) at "
		 "FIXADDR_TOP, never mapped");
	return n + 1;
}

static void write_legend(struct dot *d, const struct layout_region *r, int n)
{
	struct dot_legend_item items[NR_KINDS + 2];
	int k = 0;

	for (size_t i = 0; i < NR_KINDS; i++)
		for (int j = 0; j < n; j++)
			if (strcmp(r[j].name, kinds[i].name) == 0) {
				items[k++] = (struct dot_legend_item){ kinds[i].color, kinds[i].name,
								       kinds[i].what };
				break;
			}
	if (has_other(r, n))
		items[k++] = (struct dot_legend_item){ OTHER_COLOR, "other", "reserved kernel "
						       "regions, named in their rows" };
	items[k++] = (struct dot_legend_item){ "#ffffff", "hole", "unused addresses" };
	dot_legend(d, "Legend", items, k, r[n - 1].end ? "Rows are not to scale;\n"
		   "ends are exclusive." : "Rows are not to scale; ends are exclusive,\n"
		   "but the top row ends at the last byte.");
}

int dot_layout(struct dot *d, const struct dot_opts *o)
{
	struct layout_region r[LAYOUT_MAX_REGIONS];
	int n = add_top_page(d->m, r, layout_regions(d->m, r));
	char title[128], ram[16];

	(void)o;
	dot_size(ram, sizeof ram, d->m->cfg.ram);
	snprintf(title, sizeof title, "Kernel virtual memory layout: %s, %s RAM", d->m->arch->name,
		 ram);
	dot_begin(d, "layout", title, "LR");
	dot_node_begin(d, "map");
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"5\">\n");
	for (int i = n - 1; i >= 0; i--) {
		if (strcmp(r[i].name, "user") == 0)
			split_row(d);
		region_row(d, &r[i]);
	}
	dot_raw(d, "</TABLE>");
	dot_node_end(d);
	write_legend(d, r, n);
	dot_edge(d, "map", "legend", "style=invis");
	dot_end(d);
	return 0;
}
