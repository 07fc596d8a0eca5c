/*
 * narrate_slab.c - the slab allocator told step by step.
 *
 * A first kmalloc(100) on a fresh machine reads (one sentence a line, the
 * buddy allocator's own sentences in between):
 *
 *   kmalloc(100, GFP_KERNEL): size_index[(100 - 1) / 8] = 7 picks kmalloc-128.
 *   kmalloc-128: CPU 0 has no slab and node 0 has no partial slab: new_slab() asks the
 *     buddy allocator for an order-0 block (32 objects of 128 bytes).
 *   alloc_pages(order=0, GFP_KERNEL|__GFP_NOWARN|__GFP_NORETRY): zonelist Normal, DMA (node 0).
 *   ...
 *   new slab: pfn 0x1802 (4 KiB, 0xc1802000-0xc1802fff) gets PG_slab and page->slab_cache =
 *     kmalloc-128; its 32 objects are poisoned free (6b) and chained in address order,
 *     and it becomes CPU 0's slab.
 *   kmalloc returns 0xc1802000: object 0 of slab pfn 0x1802 (100 of its 128 bytes asked
 *     for), poisoned 5a; 31 free objects left on CPU 0's freelist.
 *
 * The next kmalloc(100) takes the next object off CPU 0's freelist and
 * says only the first and last line.  Frees tell where the object goes:
 * CPU 0's freelist (the fast path), its slab's freelist, and what that
 * does to the slab (full to partial, empty back to the buddy allocator).
 * Like narrate.c, this keeps no state: the event and the machine as it
 * is at that moment say everything.
 */
#include <stdio.h>
#include "mm/machine.h"
#include "mm/slab.h"
#include "shell/narrate_slab.h"

#define GFP_NAME_LEN 256

static const char *plural(unsigned long n)
{
	return n == 1 ? "" : "s";
}

static int node_of(const struct machine *m, unsigned long pfn)
{
	return pfn_zone(m, pfn)->zone_pgdat->node_id;
}

static unsigned obj_idx(const struct machine *m, const struct mm_event *ev)
{
	return (unsigned)((ev->val - pfn_to_virt(m, ev->pfn)) / ev->cache->size);
}

static void gfp_name(unsigned gfp, char *buf, size_t len)
{
	if (gfp)
		gfp_format(gfp, buf, len);
	else
		snprintf(buf, len, "0");
}

static void n_kmalloc_slab(const struct mm_event *ev, FILE *out)
{
	char gfp[GFP_NAME_LEN];

	gfp_name(ev->gfp, gfp, sizeof(gfp));
	if (ev->val2 <= 192)
		fprintf(out, "kmalloc(%lu, %s): size_index[(%lu - 1) / 8] = %lu picks %s.\n",
			ev->val2, gfp, ev->val2, ev->val, ev->cache->name);
	else
		fprintf(out, "kmalloc(%lu, %s): the next power of two, 2^%lu = %u, picks %s.\n",
			ev->val2, gfp, ev->val, ev->cache->object_size, ev->cache->name);
}

static void n_kmalloc_large(const struct mm_event *ev, FILE *out)
{
	char gfp[GFP_NAME_LEN];

	gfp_name(ev->gfp, gfp, sizeof(gfp));
	fprintf(out, "kmalloc(%lu, %s): more than KMALLOC_MAX_CACHE_SIZE (%lu bytes), so "
		"kmalloc_large() asks the page allocator for order %u (%lu KiB).\n", ev->val2,
		gfp, KMALLOC_MAX_CACHE_SIZE, ev->order, 4UL << ev->order);
}

static void n_slowpath(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	const struct kmem_cache *s = ev->cache;
	int nid = cpu_to_node(m, ev->cpu);
	unsigned long nr_partial = s->node[nid].partial.count;

	if (ev->val2 == SLOWPATH_OWN_SLAB) {
		fprintf(out, "%s: CPU %d's freelist is empty, but %lu object%s of its slab pfn "
			"0x%lx came back from another CPU: they become its freelist.\n", s->name,
			ev->cpu, ev->val, plural(ev->val), ev->pfn);
		return;
	}
	if (ev->val3)
		fprintf(out, "%s: CPU %d's slab pfn 0x%lx is full, and SLUB lets go of it (a full "
			"slab is on no list); ", s->name, ev->cpu, ev->val3 - 1);
	else
		fprintf(out, "%s: CPU %d has no slab and ", s->name, ev->cpu);
	if (ev->val2 == SLOWPATH_PARTIAL)
		fprintf(out, "node %d's partial list holds %lu slab%s: the first, pfn 0x%lx with "
			"%lu free object%s, becomes CPU %d's slab.\n", nid, nr_partial,
			plural(nr_partial), ev->pfn, ev->val, plural(ev->val), ev->cpu);
	else
		fprintf(out, "node %d has no partial slab: new_slab() asks the buddy allocator "
			"for an order-%u block (%lu objects of %u bytes).\n", nid, ev->order,
			ev->val, s->size);
}

static void n_new_slab(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	const struct kmem_cache *s = ev->cache;
	unsigned long start = pfn_to_virt(m, ev->pfn), bytes = PAGE_SIZE << ev->order;
	int w = m->arch->addr_digits;

	fprintf(out, "new slab: pfn 0x%lx (%lu KiB, 0x%0*lx-0x%0*lx) gets PG_slab and "
		"page->slab_cache = %s; its %lu objects are poisoned free (6b) and chained in "
		"address order, and it becomes CPU %d's slab", ev->pfn, bytes >> 10, w, start, w,
		start + bytes - 1, s->name, ev->val, ev->cpu);
	if (ev->order != s->order)
		fprintf(out, " (order %u failed, so it is s->min, order %u)", s->order, ev->order);
	fputs(".\n", out);
}

static const char *init_text(unsigned gfp)
{
	return gfp & __GFP_ZERO ? "zeroed (__GFP_ZERO)" : "poisoned 5a";
}

static void n_alloc(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	const struct kmem_cache *s = ev->cache;
	unsigned left;
	int w = m->arch->addr_digits;

	if (!s) {
		fprintf(out, "kmalloc returns 0x%0*lx: the order-%u block at pfn 0x%lx (%lu bytes "
			"for %lu asked); it is not a slab object and not in /proc/slabinfo.\n", w,
			ev->val, ev->order, ev->pfn, ev->val3, ev->val2);
		return;
	}
	left = cpu_freelist_count(m, s, ev->cpu);
	if (ev->type == EV_KMALLOC)
		fprintf(out, "kmalloc returns 0x%0*lx: object %u of slab pfn 0x%lx (%lu of its %lu "
			"bytes asked for), %s; ", w, ev->val, obj_idx(m, ev), ev->pfn, ev->val2,
			ev->val3, init_text(ev->gfp));
	else
		fprintf(out, "kmem_cache_alloc(%s) returns 0x%0*lx: object %u of slab pfn 0x%lx, "
			"%s; ", s->name, w, ev->val, obj_idx(m, ev), ev->pfn, init_text(ev->gfp));
	fprintf(out, "%u free object%s left on CPU %d's freelist.\n", left, plural(left),
		ev->cpu);
}

static void n_free(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	int w = m->arch->addr_digits;

	if (ev->type == EV_KMEM_CACHE_FREE)
		fprintf(out, "kmem_cache_free(%s, 0x%0*lx): object %u of slab pfn 0x%lx.\n",
			ev->cache->name, w, ev->val, obj_idx(m, ev), ev->pfn);
	else if (ZERO_OR_NULL_PTR(ev->val))
		fprintf(out, "kfree(%s) does nothing.\n", ev->val ? "ZERO_SIZE_PTR" : "NULL");
	else if (ev->cache)
		fprintf(out, "kfree(0x%0*lx): pfn 0x%lx has PG_slab and page->slab_cache is %s: "
			"object %u of slab pfn 0x%lx.\n", w, ev->val,
			(unsigned long)virt_to_pfn(m, ev->val), ev->cache->name, obj_idx(m, ev),
			ev->pfn);
	else
		fprintf(out, "kfree(0x%0*lx): pfn 0x%lx is no slab page but the order-%u block "
			"kmalloc_large() gave: it goes back to the page allocator.\n", w, ev->val,
			ev->pfn, ev->order);
}

/* An empty slab stays while its node keeps fewer than min_partial partial slabs. */
static void empty_kept_text(const struct machine *m, const struct kmem_cache *s,
			    unsigned long pfn, FILE *out)
{
	int nid = node_of(m, pfn);
	unsigned long nr = s->node[nid].partial.count;

	if (nr < s->min_partial)
		fprintf(out, "; empty, it stays: node %d keeps %lu partial slab%s, fewer than "
			"min_partial %lu", nid, nr, plural(nr), s->min_partial);
}

static void n_free_object(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	const struct kmem_cache *s = ev->cache;
	unsigned idx = obj_idx(m, ev);
	int cpu = slab_cpu(m, s, ev->pfn);

	if (ev->val2 == FREE_TO_CPU) {
		fprintf(out, "free: object %u is poisoned 6b and pushed on CPU %d's freelist: its "
			"slab is CPU %d's slab (the fast path).\n", idx, ev->cpu, ev->cpu);
		return;
	}
	fprintf(out, "free: object %u is poisoned 6b and goes on the freelist of slab pfn "
		"0x%lx: %lu of %u objects in use", idx, ev->pfn, ev->val3,
		slab_get(&m->mem_map[ev->pfn]).objects);
	if (ev->ok && cpu >= 0)
		fprintf(out, "; it is CPU %d's slab, which keeps it", cpu);
	else if (ev->val3 == 0)
		empty_kept_text(m, s, ev->pfn, out);
	fputs(".\n", out);
}

static void n_add_partial(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	fprintf(out, "slab pfn 0x%lx was full; with a free object it goes on the tail of node "
		"%d's partial list (%lu partial slab%s now).\n", ev->pfn, node_of(m, ev->pfn),
		ev->val, plural(ev->val));
}

static void n_free_empty(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	if (ev->val == EMPTY_ON_SHRINK)
		fprintf(out, "shrink: the empty slab pfn 0x%lx goes back to the buddy "
			"allocator.\n", ev->pfn);
	else
		fprintf(out, "slab pfn 0x%lx is empty; node %d's partial list holds %lu slab%s%s, "
			"at least min_partial (%lu), so it goes back to the buddy allocator.\n",
			ev->pfn, node_of(m, ev->pfn), ev->val2, plural(ev->val2),
			ev->val == EMPTY_ON_FREE ? " with it" : "", ev->cache->min_partial);
}

static void n_deactivate(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	if (ev->ok)
		return;		/* told by the slow path's sentence */
	fprintf(out, "CPU %d's slab pfn 0x%lx leaves the CPU", ev->cpu, ev->pfn);
	if (ev->val3 == SLAB_DEACT_FULL) {
		fprintf(out, ": all %lu objects are in use, so it goes on no list.\n", ev->val2);
		return;
	}
	fprintf(out, ": its CPU freelist joins the slab's; %lu of %lu objects in use", ev->val,
		ev->val2);
	if (ev->val3 == SLAB_DEACT_FREE)
		fputs(".\n", out);
	else
		fprintf(out, ", so it goes on the %s of node %d's partial list.\n",
			ev->val3 == SLAB_DEACT_PARTIAL_TAIL ? "tail" : "head", node_of(m, ev->pfn));
}

void narrate_slab(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	switch (ev->type) {
	case EV_KMALLOC_SLAB:
		n_kmalloc_slab(ev, out);
		break;
	case EV_KMALLOC_LARGE:
		n_kmalloc_large(ev, out);
		break;
	case EV_SLAB_ALLOC_SLOWPATH:
		n_slowpath(m, ev, out);
		break;
	case EV_SLAB_ALLOC_NEW:
		n_new_slab(m, ev, out);
		break;
	case EV_KMALLOC:
	case EV_KMEM_CACHE_ALLOC:
		n_alloc(m, ev, out);
		break;
	case EV_KFREE:
	case EV_KMEM_CACHE_FREE:
		n_free(m, ev, out);
		break;
	case EV_SLAB_FREE_OBJECT:
		n_free_object(m, ev, out);
		break;
	case EV_SLAB_ADD_PARTIAL:
		n_add_partial(m, ev, out);
		break;
	case EV_SLAB_FREE_EMPTY:
		n_free_empty(m, ev, out);
		break;
	case EV_SLAB_DEACTIVATE:
		n_deactivate(m, ev, out);
		break;
	default:
		break;
	}
}
