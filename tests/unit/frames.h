/*
 * frames.h - the free frames a unit test counts: those on the buddy lists
 * and those on every CPU's per-CPU lists, so that a page parked on a pcp
 * list still counts as free.
 */
#ifndef VMLAB_TEST_FRAMES_H
#define VMLAB_TEST_FRAMES_H

#include "mm/machine.h"
#include "mm/page_alloc.h"

static inline long free_frames(const struct machine *m)
{
	const struct zone *z;
	long n = (long)nr_pcp_pages(m);

	for_each_populated_zone(m, z)
		n += zone_page_state(z, NR_FREE_PAGES);
	return n;
}

#endif
