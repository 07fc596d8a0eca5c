/*
 * replace.h - page replacement policies: one implementation of each, used
 * by the live machine's LRU lists (vmscan.c) and by replayed reference
 * strings (replay.c).
 *
 * The list policies keep the resident pages on a list of struct pages
 * (mem_map on the live machine, the replay's own array of pages by id)
 * and take victims from one end:
 *
 *   head (newest) [7] <-> [3] <-> [9] <-> [2] (oldest) tail: the victim end
 *
 *   fifo   a new page goes to the head; the tail goes, whatever happened
 *   lru    a new page, and a page just used, go to the head; the tail goes
 *   mru    the same, but the head goes
 *   clock  the list is the clock face and the tail is under the hand: a
 *          page whose reference bit is set has it cleared and moves to the
 *          head (the hand passes it); the first one without goes.  A page's
 *          bit is set when it is loaded and whenever it is used.
 *   linux  two lists per kind, inactive and active, and the kernel's
 *          folio_check_references() at the inactive tail (second chance
 *          with the accessed bits and PG_referenced, promotion to active),
 *          shrink_active_list() demoting when inactive_is_low()
 *
 * The reference bit is the hardware's accessed bit: on the live machine
 * the A bits of the PTEs that map the page (folio_referenced() walks the
 * reverse map to read and clear them), in a replay one bit per page.  The
 * `referenced` callback of struct page_refs hides which.
 *
 * opt (Belady's MIN), rand and lfu choose among all resident pages rather
 * than from a list end; they live in replay.c, the only place that has
 * what they need (the future, for opt).
 */
#ifndef VMLAB_MM_REPLACE_H
#define VMLAB_MM_REPLACE_H

#include <stdbool.h>
#include <stdint.h>
#include "page.h"

enum reclaim_policy {
	POLICY_LINUX, POLICY_FIFO, POLICY_LRU, POLICY_CLOCK,	/* live and replay */
	POLICY_OPT, POLICY_RAND, POLICY_LFU, POLICY_MRU,	/* replay only */
	NR_POLICIES
};

/* "linux", "fifo", ...; policy_by_name() returns -1 for an unknown name. */
const char *policy_name(enum reclaim_policy p);
int policy_by_name(const char *name);
/* The names, NULL-terminated, for help and completion. */
extern const char *const policy_names[];

static inline bool policy_is_live(enum reclaim_policy p)
{
	return p <= POLICY_CLOCK;
}
static inline bool policy_uses_lists(enum reclaim_policy p)
{
	return p <= POLICY_CLOCK || p == POLICY_MRU;
}

/* What the victim end's page gets (mm/vmscan.c enum folio_references). */
enum page_references {
	PAGEREF_RECLAIM,	/* evict it */
	PAGEREF_RECLAIM_CLEAN,	/* evict it unless dirty */
	PAGEREF_KEEP,		/* back to the head of its list: a second chance */
	PAGEREF_ACTIVATE,	/* to the head of the active list */
};

/* How a policy learns whether a page was used since it last asked. */
struct page_refs {
	/*
	 * folio_referenced(): how many mappings saw the page since the last
	 * call, clearing what it read; *vm_flags gets the mappings' VM_EXEC
	 * and VM_LOCKED.
	 */
	int (*referenced)(void *ctx, uint32_t id, unsigned long *vm_flags);
	void *ctx;
};

/* Moves id to the head of l (page.h's list operations). */
static inline void lru_list_move_head(struct page *map, struct pfn_list *l, uint32_t id)
{
	if (l->first == id)
		return;
	pfn_list_del(map, l, id);
	pfn_list_add_head(map, l, id);
}

/* ---- the list policies ----------------------------------------------------------------- */

/* A page was used: lru and mru move it to the head; the others rely on its reference bit. */
static inline void policy_access(enum reclaim_policy p, struct page *map, struct pfn_list *l,
				 uint32_t id)
{
	if (p == POLICY_LRU || p == POLICY_MRU)
		lru_list_move_head(map, l, id);
}

/* The end the next candidate comes from. */
static inline uint32_t policy_candidate(enum reclaim_policy p, const struct pfn_list *l)
{
	return p == POLICY_MRU ? l->first : l->last;
}

/* The kernel's inactive_is_low(): inactive * int_sqrt(10 * GB of both) < active. */
bool inactive_is_low(unsigned long inactive, unsigned long active);

/*
 * folio_check_references() (mm/vmscan.c): referenced PTEs make the page
 * PG_referenced and keep it, or activate it if it was referenced before,
 * is mapped by more than one referencing PTE, or is executable file text;
 * an unreferenced page is reclaimed (a PG_referenced file page only if
 * clean).  PG_referenced is cleared on the way.
 */
enum page_references folio_check_references(struct page *map, uint32_t id, bool file,
					    const struct page_refs *r);

/*
 * What policy p decides for the candidate page id (from
 * policy_candidate()): fifo, lru and mru evict it; clock gives it a
 * second chance if its reference bit (PG_referenced or a young mapping)
 * is set, clearing it; linux asks folio_check_references().
 */
enum page_references policy_check(enum reclaim_policy p, struct page *map, uint32_t id,
				  bool file, const struct page_refs *r);

/*
 * shrink_active_list() for one page: the active tail id is referenced
 * executable file text (it stays active: returns true) or is demoted
 * (PG_active cleared: returns false).  The caller moves it.
 */
bool active_page_stays(struct page *map, uint32_t id, bool file, const struct page_refs *r);

#endif
