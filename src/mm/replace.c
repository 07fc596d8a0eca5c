/*
 * replace.c - the decisions of the list policies (see replace.h).
 *
 * The linux policy's decision at the inactive tail, as folio_check_references()
 * makes it, for a page first touched once and then again:
 *
 *   fault: on the inactive head, PTE young, PG_referenced clear
 *   scan 1: 1 young PTE, PG_referenced clear  -> KEEP (PG_referenced set; A cleared)
 *   (the page is used again: A set)
 *   scan 2: 1 young PTE, PG_referenced set    -> ACTIVATE (to the active list)
 *
 * while a page used once and never again is reclaimed at scan 2 (no young
 * PTE).  The clock policy's reference bit is the same two pieces of state
 * read as one: young mappings or PG_referenced.
 */
#include <string.h>
#include "mm_types.h"
#include "replace.h"

const char *const policy_names[] = {
	[POLICY_LINUX] = "linux", [POLICY_FIFO] = "fifo", [POLICY_LRU] = "lru",
	[POLICY_CLOCK] = "clock", [POLICY_OPT] = "opt", [POLICY_RAND] = "rand",
	[POLICY_LFU] = "lfu", [POLICY_MRU] = "mru", [NR_POLICIES] = NULL,
};

const char *policy_name(enum reclaim_policy p)
{
	return p < NR_POLICIES ? policy_names[p] : "?";
}

int policy_by_name(const char *name)
{
	for (int i = 0; i < NR_POLICIES; i++)
		if (strcmp(policy_names[i], name) == 0)
			return i;
	return -1;
}

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0;

	while ((r + 1) * (r + 1) <= x)
		r++;
	return r;
}

bool inactive_is_low(unsigned long inactive, unsigned long active)
{
	unsigned long gb = (inactive + active) >> (30 - 12);
	unsigned long ratio = gb ? int_sqrt(10 * gb) : 1;

	return inactive * ratio < active;
}

static bool test_clear_referenced(struct page *p)
{
	bool was = PageFlag(p, PG_referenced);

	ClearPageFlag(p, PG_referenced);
	return was;
}

enum page_references folio_check_references(struct page *map, uint32_t id, bool file,
					    const struct page_refs *r)
{
	unsigned long vm_flags = 0;
	int referenced_ptes = r->referenced(r->ctx, id, &vm_flags);
	bool referenced_page = test_clear_referenced(&map[id]);

	if (vm_flags & VM_LOCKED)
		return PAGEREF_ACTIVATE;
	if (referenced_ptes) {
		SetPageFlag(&map[id], PG_referenced);
		if (referenced_page || referenced_ptes > 1)
			return PAGEREF_ACTIVATE;
		if ((vm_flags & VM_EXEC) && file)
			return PAGEREF_ACTIVATE;
		return PAGEREF_KEEP;
	}
	if (referenced_page && file)
		return PAGEREF_RECLAIM_CLEAN;
	return PAGEREF_RECLAIM;
}

enum page_references policy_check(enum reclaim_policy p, struct page *map, uint32_t id,
				  bool file, const struct page_refs *r)
{
	unsigned long vm_flags = 0;
	bool young, referenced;

	switch (p) {
	case POLICY_LINUX:
		return folio_check_references(map, id, file, r);
	case POLICY_CLOCK:
		young = r->referenced(r->ctx, id, &vm_flags) > 0;
		referenced = test_clear_referenced(&map[id]);
		return young || referenced ? PAGEREF_KEEP : PAGEREF_RECLAIM;
	default:
		return PAGEREF_RECLAIM;
	}
}

bool active_page_stays(struct page *map, uint32_t id, bool file, const struct page_refs *r)
{
	unsigned long vm_flags = 0;

	if (r->referenced(r->ctx, id, &vm_flags) && (vm_flags & VM_EXEC) && file)
		return true;
	ClearPageFlag(&map[id], PG_active);
	return false;
}
