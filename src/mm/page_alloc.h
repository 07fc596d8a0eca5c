/*
 * page_alloc.h - the buddy allocator and the per-CPU page lists.
 *
 * alloc_pages() walks the zonelist for the gfp mask, checks each zone's
 * watermark, and takes the block from the per-CPU list (order 0) or the
 * zone's free_area (__rmqueue_smallest, splitting with expand()).
 * __free_pages() returns it: order 0 to the per-CPU list, larger blocks to
 * __free_one_page(), which merges with free buddies as far as it can.
 */
#ifndef VMLAB_MM_PAGE_ALLOC_H
#define VMLAB_MM_PAGE_ALLOC_H

#include "gfp.h"

struct machine;
struct zone;

/*
 * Allocates 2^order contiguous frames.  Returns the first pfn (>= 0), or
 * -EINVAL (bad order or gfp, node out of range; nothing changed) or
 * -ENOMEM (no zone in the zonelist could serve it).  When the low
 * watermarks are reached the slow path runs first, as the gfp mask allows
 * (vmscan.h): kswapd, direct reclaim, the OOM killer; what they freed or
 * killed stays so even if the allocation fails.  nid < 0 means the current
 * CPU's node.
 */
long alloc_pages_node(struct machine *m, int nid, gfp_t gfp, unsigned order);
static inline long alloc_pages(struct machine *m, gfp_t gfp, unsigned order)
{
	return alloc_pages_node(m, -1, gfp, order);
}

/*
 * Frees a block that alloc_pages() returned.  Returns 0, or, with nothing
 * changed and a sentence in m->err: -EINVAL when pfn is not the start of
 * an allocated block of exactly that order (or is reserved); -EBUSY when
 * another part of the machine owns the frame (a page table, a slab, a
 * vmalloc area, kmalloc_large, the zero page, a page of a process, the
 * page cache or the swap cache; the sentence names it) or when kmap (with
 * users), kmap_atomic or vmap still maps a frame of the block.  The
 * block's reference count must be one.
 */
int free_pages_checked(struct machine *m, unsigned long pfn, unsigned order);
/* Drops a reference; frees the block when it reaches zero.  No checks. */
void __free_pages(struct machine *m, unsigned long pfn, unsigned order);

/* Returns this CPU's order-0 pages of every zone to the buddy lists. */
void drain_local_pages(struct machine *m, int cpu);
void drain_all_pages(struct machine *m);
/*
 * Who else holds the allocated frame pfn, by its flags, as a phrase ("a
 * page-table page", "a slab page", "an anonymous page of a process", ...),
 * or NULL when nobody but its allocator does (or it is free or reserved).
 * kmap and vmap map only frames nobody else holds, so that no owner frees
 * one behind their back.
 */
const char *page_owner(const struct machine *m, unsigned long pfn);

/* Pages on every CPU's per-CPU lists, all zones. */
unsigned long nr_pcp_pages(const struct machine *m);

/*
 * Boot: puts the frames [start, end) of one zone into the buddy allocator
 * as the largest aligned blocks that fit, added at the tail like
 * memblock_free_all does, so boot lists are in ascending pfn order.
 */
void free_boot_range(struct machine *m, unsigned long start, unsigned long end);

/* How hard an allocation may dig into a zone's reserves (mm/internal.h). */
enum alloc_flags {
	ALLOC_WMARK_MIN = WMARK_MIN,
	ALLOC_WMARK_LOW = WMARK_LOW,
	ALLOC_WMARK_HIGH = WMARK_HIGH,
	ALLOC_WMARK_MASK = 0x3,
	ALLOC_HARDER = 0x10,		/* atomic: may use a quarter of min */
	ALLOC_HIGH = 0x20,		/* __GFP_HIGH: may use half of min */
};

/*
 * The kernel's __zone_watermark_ok(): true if, after taking 2^order pages,
 * the zone keeps more than mark (lowered for ALLOC_HIGH/HARDER) plus its
 * lowmem_reserve against highest; order > 0 also needs a free block of at
 * least that order.
 */
bool zone_watermark_ok(const struct zone *z, unsigned order, unsigned long mark,
		       enum zone_type highest, unsigned alloc_flags);

#endif
