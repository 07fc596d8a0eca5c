/*
 * narrate_kmem.c - vmalloc, vfree and kmap told step by step.
 *
 * vmalloc 8K on i386 (the slab's, the buddy allocator's and set_pte's own
 * sentences come in between; each is one line):
 *
 *   vmalloc(8192, GFP_KERNEL) for cmd_vmalloc: 2 pages plus a guard page, so a hole
 *     of 12 kB is wanted between VMALLOC_START 0xf8800000 and VMALLOC_END 0xff7fe000,
 *     lowest address first.
 *   hole 0xf8800000-0xf8802000 (8 kB) is too small for 12 kB: go on past the next area.
 *   hole 0xf8804000-0xff7fe000 (~112 MB) holds 12 kB: the area starts at 0xf8804000.
 *   alloc_vmap_area: 0xf8804000-0xf8807000 joins vmap_area_list; its last page is the
 *     guard page and stays unmapped.
 *   page 1 of 2 at 0xf8804000: pfn 0x38000 from zone HighMem (no direct-map address:
 *     this mapping is the kernel's only way to it).
 *
 * kmap tells the pkmap scan: where it starts, the flush when it wraps to
 * slot 0, the slot it takes.  Nothing here keeps state.
 */
#include <stdio.h>
#include "mm/gfp.h"
#include "mm/highmem.h"
#include "mm/machine.h"
#include "mm/vmalloc.h"
#include "report/layout.h"
#include "shell/narrate_kmem.h"

static int w(const struct machine *m)
{
	return m->arch->addr_digits;
}

static const char *plural(unsigned long n)
{
	return n == 1 ? "" : "s";
}

static void n_start(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	char gfp[256], hole[32];

	layout_size(hole, sizeof(hole), (ev->val2 + 1) << PAGE_SHIFT);
	if (ev->type == EV_VMAP) {
		fprintf(out, "vmap of %lu page%s for %s: a hole of %s (the pages and a guard page) is "
			"wanted in the vmalloc space, lowest address first.\n", ev->val2,
			plural(ev->val2), ev->site, hole);
		return;
	}
	gfp_format(ev->gfp, gfp, sizeof(gfp));
	fprintf(out, "vmalloc(%lu, %s) for %s: %lu page%s plus a guard page, so a hole of %s is "
		"wanted between VMALLOC_START 0x%0*lx and VMALLOC_END 0x%0*lx, lowest address "
		"first.\n", ev->val, gfp, ev->site, ev->val2, plural(ev->val2), hole, w(m),
		vmalloc_start(m), w(m), vmalloc_end(m));
}

static void n_hole(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	char size[32], want[32];

	layout_size(size, sizeof(size), ev->val2 - ev->val);
	layout_size(want, sizeof(want), ev->val3);
	if (ev->ok)
		fprintf(out, "hole 0x%0*lx-0x%0*lx (%s) holds %s: the area starts at 0x%0*lx.\n",
			w(m), ev->val, w(m), ev->val2, size, want, w(m), ev->val);
	else
		fprintf(out, "hole 0x%0*lx-0x%0*lx (%s) is too small for %s: go on past the next "
			"area.\n", w(m), ev->val, w(m), ev->val2, size, want);
}

static void n_area(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	char want[32];

	if (!ev->ok) {
		layout_size(want, sizeof(want), ev->val2);
		fprintf(out, "alloc_vmap_area: no hole of %s is left in the vmalloc space: the "
			"allocation fails.\n", want);
		return;
	}
	fprintf(out, "alloc_vmap_area: 0x%0*lx-0x%0*lx joins vmap_area_list; its last page is the "
		"guard page and stays unmapped.\n", w(m), ev->val, w(m), ev->val + ev->val2);
}

static void n_page(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	fprintf(out, "page %lu of %lu at 0x%0*lx: pfn 0x%lx from zone %s", ev->val2 + 1, ev->val3,
		w(m), ev->val, ev->pfn, zone_name(ev->zone->type));
	if (pfn_highmem(m, ev->pfn))
		fputs(" (no direct-map address: this mapping is the kernel's only way to it).\n", out);
	else
		fprintf(out, " (also in the direct map at 0x%0*lx).\n", w(m), pfn_to_virt(m, ev->pfn));
}

static void n_free(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	switch (ev->type) {
	case EV_REMOVE_VM_AREA:
		fprintf(out, "%s(0x%0*lx): the area 0x%0*lx-0x%0*lx leaves vmap_area_list; %s.\n",
			ev->ok ? "vfree" : "vunmap", w(m), ev->val, w(m), ev->val, w(m),
			ev->val + ev->val2, ev->ok ? "its pages go back once it is unmapped" :
			"its pages stay their owner's");
		break;
	case EV_VUNMAP_RANGE:
		fprintf(out, "vunmap_range: %lu PTE%s of 0x%0*lx-0x%0*lx cleared; the page tables "
			"stay, as vmalloc's always do.\n", ev->val3, plural(ev->val3), w(m), ev->val,
			w(m), ev->val2);
		break;
	case EV_FREE_VMAP_AREA_NOFLUSH:
		fprintf(out, "free_vmap_area_noflush: %lu lazy page%s; Linux would let up to "
			"lazy_max_pages() = %lu wait for one flush, the model purges now.\n", ev->val2,
			plural(ev->val2), lazy_max_pages(m));
		break;
	default:
		fprintf(out, "purge_vmap_area_lazy: one kernel TLB flush over 0x%0*lx-0x%0*lx, then "
			"the range is free for the next vmalloc.\n", w(m), ev->val, w(m), ev->val2);
		break;
	}
}

static void n_kmap(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	switch (ev->order) {
	case KMAP_LOWMEM:
		fprintf(out, "kmap(pfn 0x%lx): a lowmem page: page_address() = 0x%0*lx in the direct "
			"map; no pkmap slot.\n", ev->pfn, w(m), ev->val);
		break;
	case KMAP_MAPPED:
		fprintf(out, "kmap(pfn 0x%lx): already mapped at 0x%0*lx (slot %lu): pkmap_count "
			"%lu -> %lu, no new mapping.\n", ev->pfn, w(m), ev->val, ev->val2, ev->val3 - 1,
			ev->val3);
		break;
	default:
		fprintf(out, "kmap returns 0x%0*lx = PKMAP_BASE + %lu * 4096: pkmap_count %lu (%lu "
			"user%s).\n", w(m), ev->val, ev->val2, ev->val3, ev->val3 - 1,
			plural(ev->val3 - 1));
		break;
	}
}

static void n_kmap_new(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	(void)m;
	if (ev->type == EV_KMAP_FLUSH) {
		if (ev->val)
			fprintf(out, "flush_all_zero_pkmaps: the scan wrapped to slot 0: %lu slot%s with "
				"pkmap_count 1 (mapped, no users) %s cleared, with one TLB flush of the "
				"pkmap area.\n", ev->val, plural(ev->val), ev->val == 1 ? "is" : "are");
		else
			fputs("flush_all_zero_pkmaps: the scan wrapped to slot 0; no slot had "
			      "pkmap_count 1, nothing to clear.\n", out);
		return;
	}
	fprintf(out, "map_new_virtual(pfn 0x%lx): the scan starts at slot %lu (last_pkmap_nr + 1) "
		"and takes slot %lu, the first with pkmap_count 0 (%lu slot%s looked at); its PTE "
		"maps the page, pkmap_count = 1.\n", ev->pfn, ev->val3, ev->val, ev->val2,
		plural(ev->val2));
}

static void n_kunmap(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	if (!ev->ok) {
		fprintf(out, "kunmap(pfn 0x%lx): a lowmem page: nothing to do.\n", ev->pfn);
		return;
	}
	fprintf(out, "kunmap(pfn 0x%lx): pkmap_count[%lu] %lu -> %lu", ev->pfn, ev->val2,
		ev->val3 + 1, ev->val3);
	if (ev->val3 == 1)
		fputs(": no users; the mapping stays (a kmap of the same page reuses it) until the "
		      "next wrap flushes it.\n", out);
	else
		fputs(".\n", out);
	(void)m;
}

static void n_atomic(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	const char *name = ev->type == EV_KMAP_ATOMIC ? "kmap_atomic" : "kunmap_atomic";

	if (!ev->ok) {
		fprintf(out, "%s(pfn 0x%lx): a lowmem page: page_address() 0x%0*lx, no slot.\n", name,
			ev->pfn, w(m), ev->val);
		return;
	}
	if (ev->type == EV_KMAP_ATOMIC)
		fprintf(out, "kmap_atomic(pfn 0x%lx): cpu %d pushes slot %lu = fixmap index %lu "
			"(FIX_KMAP_BEGIN + %lu + %d * %d) at FIXADDR_TOP - %lu * 4096 = 0x%0*lx; its PTE "
			"maps the page.\n", ev->pfn, ev->cpu, ev->val2, ev->val3, ev->val2, KM_MAX_IDX,
			ev->cpu, ev->val3, w(m), ev->val);
	else
		fprintf(out, "kunmap_atomic(0x%0*lx): cpu %d pops slot %lu (pfn 0x%lx): the PTE is "
			"cleared and the page flushed from this CPU's TLB only.\n", w(m), ev->val,
			ev->cpu, ev->val2, ev->pfn);
}

void narrate_kmem(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	switch (ev->type) {
	case EV_VMALLOC_NODE_RANGE: case EV_VMAP:
		n_start(m, ev, out);
		break;
	case EV_VMAP_HOLE:
		n_hole(m, ev, out);
		break;
	case EV_ALLOC_VMAP_AREA:
		n_area(m, ev, out);
		break;
	case EV_VMALLOC_PAGE:
		n_page(m, ev, out);
		break;
	case EV_REMOVE_VM_AREA: case EV_VUNMAP_RANGE: case EV_FREE_VMAP_AREA_NOFLUSH:
	case EV_PURGE_VMAP_AREA_LAZY:
		n_free(m, ev, out);
		break;
	case EV_KMAP:
		n_kmap(m, ev, out);
		break;
	case EV_KMAP_NEW: case EV_KMAP_FLUSH:
		n_kmap_new(m, ev, out);
		break;
	case EV_KUNMAP:
		n_kunmap(m, ev, out);
		break;
	case EV_KMAP_ATOMIC: case EV_KUNMAP_ATOMIC:
		n_atomic(m, ev, out);
		break;
	default:
		break;
	}
}
