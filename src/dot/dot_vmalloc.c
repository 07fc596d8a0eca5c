/*
 * dot_vmalloc.c - `dot vmalloc`: the vmalloc space as a memory map, high
 * addresses at the top, each area with its guard page, and the frames
 * behind each area:
 *
 *   0xff7fe000 +-----------------------------+
 *              :   free 111M                 :
 *   0xf8806000 +-----------------------------+
 *              | guard page                  |
 *              | cmd_vmalloc  2 pages        |----> [0x38000 HighMem] [0x38002 HighMem]
 *   0xf8803000 +-----------------------------+
 *              | guard page                  |
 *              | cmd_vmap  1 page (vmap)     |----> [0x1000 Normal]
 *   0xf8800000 +-----------------------------+
 *
 * The frames of an area are drawn as runs of consecutive pfns framed in the
 * colour of their zone: a vmalloc of scattered frames shows many short runs, one
 * of a contiguous block a single one.  At most VMALLOC_DOT_AREAS areas are
 * drawn (the lowest ones; the rest are counted in one row) and at most
 * VMALLOC_DOT_RUNS runs per area.
 */
#include <stdio.h>
#include "dot/dot.h"
#include "mm/machine.h"
#include "mm/vmalloc.h"

#define VMALLOC_DOT_AREAS	24
#define VMALLOC_DOT_RUNS	6

static const char *const guard_color = "#d9d9d9";
static const char *const vmap_color = "#b2dfdb";

static void addr_cell(struct dot *d, unsigned long start, unsigned long end)
{
	int w = d->m->arch->addr_digits;

	dot_raw(d, "<TD ALIGN=\"RIGHT\" BALIGN=\"RIGHT\"><FONT FACE=\"Courier\" POINT-SIZE=\"14\">"
		"0x%0*lx<BR/>0x%0*lx</FONT></TD>", w, end, w, start);
}

static void free_row(struct dot *d, unsigned long start, unsigned long end)
{
	char size[16];

	dot_size(size, sizeof size, end - start);
	dot_raw(d, "<TR>");
	addr_cell(d, start, end);
	dot_raw(d, "<TD BGCOLOR=\"%s\"><FONT COLOR=\"#606060\"><I>free %s</I></FONT></TD></TR>\n",
		dot_owner_color(DOT_OWNER_HOLE), size);
}

/* An area: its guard page above, then the pages, with the port edges leave from. */
static void area_rows(struct dot *d, const struct vmap_area *va)
{
	const struct vm_struct *vm = va->vm;
	bool alloc = vm->flags & VM_ALLOC;
	char size[16];

	dot_size(size, sizeof size, (unsigned long)vm->nr_mapped << PAGE_SHIFT);
	dot_raw(d, "<TR>");
	addr_cell(d, va->va_end - PAGE_SIZE, va->va_end);
	dot_raw(d, "<TD BGCOLOR=\"%s\"><FONT POINT-SIZE=\"13\">guard page (never mapped)</FONT>"
		"</TD></TR>\n<TR>", guard_color);
	addr_cell(d, va->va_start, va->va_end - PAGE_SIZE);
	dot_raw(d, "<TD BGCOLOR=\"%s\" PORT=\"a%lx\" ALIGN=\"LEFT\" BALIGN=\"LEFT\"><B>",
		alloc ? dot_owner_color(DOT_OWNER_VMALLOC) : vmap_color, va->va_start);
	dot_text(d, "%s", vm->caller);
	dot_raw(d, "</B>  %s<BR/><FONT POINT-SIZE=\"13\">%u page%s, %s%s</FONT></TD></TR>\n", size,
		vm->nr_mapped, vm->nr_mapped == 1 ? "" : "s", alloc ? "vmalloc" : "vmap",
		vm->vpages ? ", vpages" : "");
}

static void folded_row(struct dot *d, const struct vmap_area *from, unsigned long n)
{
	unsigned long pages = 0, last = from->va_end;

	for (const struct vmap_area *va = from; va; va = va->next) {
		pages += va->vm->nr_mapped;
		last = va->va_end;
	}
	dot_raw(d, "<TR>");
	addr_cell(d, from->va_start, last);
	dot_raw(d, "<TD BGCOLOR=\"#eeeeee\"><I>... %lu more areas, %lu pages ...</I></TD></TR>\n", n,
		pages);
}

/* The frames of one area, as runs of consecutive pfns coloured by zone. */
static void frames_node(struct dot *d, const struct vmap_area *va)
{
	const struct vm_struct *vm = va->vm;
	const uint32_t *pfns = vm->flags & VM_ALLOC ? vm->pages : vm->mapped;
	char id[DOT_ID_LEN];
	unsigned runs = 0, i = 0;

	dot_id(id, "frames", va->va_start);
	dot_node_begin(d, id);
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"4\"><TR>");
	while (i < vm->nr_mapped) {
		unsigned j = i;

		while (j + 1 < vm->nr_mapped && pfns[j + 1] == pfns[j] + 1)
			j++;
		if (runs++ < VMALLOC_DOT_RUNS) {
			dot_raw(d, "<TD COLOR=\"%s\" BORDER=\"3\">0x%x",
				dot_zone_color(pfn_zone(d->m, pfns[i])->type), pfns[i]);
			if (j > i)
				dot_raw(d, "-0x%x", pfns[j]);
			dot_raw(d, "<BR/><FONT POINT-SIZE=\"12\">%s</FONT></TD>",
				zone_name(pfn_zone(d->m, pfns[i])->type));
		}
		i = j + 1;
	}
	if (runs > VMALLOC_DOT_RUNS)
		dot_raw(d, "<TD><I>... %u runs in all</I></TD>", runs);
	dot_raw(d, "</TR></TABLE>");
	dot_node_end(d);
}

static void write_space(struct dot *d)
{
	const struct vmap_state *vs = d->m->vmap;
	const struct vmap_area *shown[VMALLOC_DOT_AREAS], *rest = NULL;
	unsigned long top = vs->end, nrest = 0;
	int n = 0;
	char size[16];

	for (const struct vmap_area *va = vs->list; va; va = va->next) {
		if (n < VMALLOC_DOT_AREAS)
			shown[n++] = va;
		else if (!nrest++)
			rest = va;
	}
	dot_size(size, sizeof size, vs->end - vs->start);
	dot_node_begin(d, "space");
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"6\">\n"
		"<TR><TD COLSPAN=\"2\" BGCOLOR=\"#eeeeee\"><B>vmalloc space</B> %s: %lu area%s, %lu "
		"vmalloc page%s</TD></TR>\n", size, vs->nr_areas, vs->nr_areas == 1 ? "" : "s",
		vs->nr_vmalloc_pages, vs->nr_vmalloc_pages == 1 ? "" : "s");
	if (rest) {
		unsigned long last = rest->va_end;

		for (const struct vmap_area *va = rest; va; va = va->next)
			last = va->va_end;
		if (top > last)
			free_row(d, last, top);
		folded_row(d, rest, nrest);
		top = rest->va_start;
	}
	for (int i = n - 1; i >= 0; i--) {
		if (top > shown[i]->va_end)
			free_row(d, shown[i]->va_end, top);
		area_rows(d, shown[i]);
		top = shown[i]->va_start;
	}
	if (top > vs->start)
		free_row(d, vs->start, top);
	dot_raw(d, "</TABLE>");
	dot_node_end(d);
	for (int i = 0; i < n; i++) {
		char from[DOT_ID_LEN + 24], to[DOT_ID_LEN];

		frames_node(d, shown[i]);
		snprintf(from, sizeof from, "space:a%lx:e", shown[i]->va_start);
		dot_id(to, "frames", shown[i]->va_start);
		dot_edge(d, from, to, NULL);
	}
}

static void write_legend(struct dot *d)
{
	struct dot_legend_item items[4 + MAX_NR_ZONES];
	bool zones[MAX_NR_ZONES] = { false };
	int n = 0;

	items[n++] = (struct dot_legend_item){ dot_owner_color(DOT_OWNER_VMALLOC), "vmalloc area",
					       "its own pages" };
	items[n++] = (struct dot_legend_item){ vmap_color, "vmap area", "the caller's pages" };
	items[n++] = (struct dot_legend_item){ guard_color, "guard page", "no PTE: overruns fault" };
	items[n++] = (struct dot_legend_item){ dot_owner_color(DOT_OWNER_HOLE), "free", NULL };
	for (const struct vmap_area *va = d->m->vmap->list; va; va = va->next) {
		const uint32_t *pfns = va->vm->flags & VM_ALLOC ? va->vm->pages : va->vm->mapped;

		for (unsigned i = 0; i < va->vm->nr_mapped; i++)
			zones[pfn_zone(d->m, pfns[i])->type] = true;
	}
	for (int z = 0; z < MAX_NR_ZONES; z++)
		if (zones[z])
			items[n++] = (struct dot_legend_item){ dot_zone_color(z),
							       zone_name((enum zone_type)z), "frames" };
	dot_legend(d, "Legend", items, n, "Frames: runs of consecutive pfns,\n"
		   "framed in their zone's colour.");
}

int dot_vmalloc(struct dot *d, const struct dot_opts *o)
{
	char title[160];
	int w = d->m->arch->addr_digits;

	(void)o;
	snprintf(title, sizeof title, "vmalloc: VMALLOC_START 0x%0*lx .. VMALLOC_END 0x%0*lx (%s)",
		 w, vmalloc_start(d->m), w, vmalloc_end(d->m), d->m->arch->name);
	dot_begin(d, "vmalloc", title, "LR");
	write_space(d);
	write_legend(d);
	dot_edge(d, "space", "legend", "style=invis");
	dot_end(d);
	return 0;
}
