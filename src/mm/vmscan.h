/*
 * vmscan.h - the LRU lists, page reclaim and kswapd.
 *
 * Every user page (anonymous, page cache, swap cache) is on one of its
 * node's LRU lists from the moment it is made until it is freed:
 *
 *   node 0 lruvec:  inactive_anon  active_anon  inactive_file  active_file  unevictable
 *
 * A new page goes to the head of the inactive list of its kind.  Reclaim
 * takes pages from the tail and asks the policy (replace.h) what to do
 * with each: evict it, give it a second chance at the head, or promote it
 * to the active list.  Evicting an anonymous page writes it to swap and
 * turns every PTE that mapped it into a swap entry; a clean file page is
 * simply dropped (a dirty one is written back to its file first).
 *
 * Watermarks drive reclaim.  An allocation that finds every zone of its
 * zonelist at or below its low watermark wakes the kswapd of every node
 * the zonelist reaches; each reclaims its own node's lists until a zone of
 * the node is above its high watermark; an allocation that
 * fails even at min reclaims by itself (direct reclaim, allocstall), and
 * when nothing can be reclaimed the OOM killer (oom_kill.h) makes room.
 *
 *   free pages  ^
 *        high --+-- kswapd stops here
 *         low --+-- an allocation below this wakes kswapd
 *         min --+-- below this the allocating task reclaims itself
 *
 * The model runs kswapd at once when it is woken, to completion, before
 * the allocation goes on: the same work a kswapd thread on another CPU
 * would do, in a fixed order (kswapd0, then kswapd1, ...).
 */
#ifndef VMLAB_MM_VMSCAN_H
#define VMLAB_MM_VMSCAN_H

#include <stdbool.h>
#include <stdint.h>
#include "gfp.h"
#include "machine.h"
#include "replace.h"

struct machine;
struct mm_struct;
struct task_struct;
struct vm_area_struct;

enum lru_list {
	LRU_INACTIVE_ANON,
	LRU_ACTIVE_ANON,
	LRU_INACTIVE_FILE,
	LRU_ACTIVE_FILE,
	LRU_UNEVICTABLE,
	NR_LRU_LISTS
};
#define NR_EVICTABLE_LRU	LRU_UNEVICTABLE
#define LRU_FILE		2	/* LRU_INACTIVE_FILE - LRU_INACTIVE_ANON */

static inline bool is_file_lru(enum lru_list l)
{
	return l == LRU_INACTIVE_FILE || l == LRU_ACTIVE_FILE;
}
static inline bool is_active_lru(enum lru_list l)
{
	return l == LRU_ACTIVE_ANON || l == LRU_ACTIVE_FILE;
}
const char *lru_name(enum lru_list l);

#define SWAP_CLUSTER_MAX	32UL
#define DEF_PRIORITY		12
#define MAX_RECLAIM_RETRIES	16

struct lruvec {
	struct pfn_list lists[NR_LRU_LISTS];
};

struct kswapd_state {
	unsigned order;			/* the largest order it was woken for */
	enum zone_type highest_zoneidx;
	int failures;			/* kswapd_failures: runs that reclaimed nothing */
	bool napping;			/* in its short nap after a run (kswapd_try_to_sleep) */
	unsigned long nap_start;	/* ... since this many pages were allocated */
};

/*
 * kswapd's nap after it balanced its node lasts HZ/10 (100 ms).  The
 * model has no clock and counts pages allocated instead: 25,000, about
 * 100 ms of a task faulting in fresh pages.  A wakeup within the nap is
 * premature (kswapd_low_wmark_hit_quickly).
 */
#define KSWAPD_NAP_PAGES	25000UL

struct reclaim_state {
	struct lruvec *lruvec;		/* [nr_nodes] */
	struct kswapd_state *kswapd;	/* [nr_nodes] */
	enum reclaim_policy policy;	/* how victims are chosen (`policy`) */
	int swappiness;			/* vm.swappiness: 60 */
	bool reclaiming;		/* PF_MEMALLOC: reclaim never recurses */
};

/* What a reclaim or swapout did, for the command that asked. */
struct reclaim_stat {
	unsigned long scanned;		/* pages looked at */
	unsigned long reclaimed;	/* pages freed */
	unsigned long swapped;		/* anonymous pages written to swap */
	unsigned long swap_clean;	/* swap-cache pages dropped without a write */
	unsigned long file_dropped;	/* clean file pages dropped */
	unsigned long file_written;	/* dirty file pages written back, then dropped */
	unsigned long kept;		/* second chances: back to the list head */
	unsigned long activated;	/* promoted to the active list */
	unsigned long failed;		/* could not be reclaimed (see `why`) */
	const char *why;		/* the last reason a page could not go */
	uint8_t *outcome;		/* vmscan.c's own: while reclaim_pages() or
					   swapout_pages() runs, each page's latest
					   outcome, so that kept, activated and failed
					   count every page once */
};

/*
 * What reclaim did with one page (EV_SHRINK_FOLIO's val): the policy's
 * verdict, and when eviction failed, why.
 */
enum shrink_verdict {
	SV_EVICT,		/* the policy gives it up */
	SV_KEEP,		/* second chance: back to the head of its list */
	SV_ACTIVATE,		/* promoted to the active list */
	SV_RECLAIMED,		/* evicted: the frame is free */
	SV_CLEAN_SWAPCACHE,	/* evicted without a write: its slot still holds it */
	SV_STAYS_ACTIVE,	/* shrink_active_list: referenced executable text stays */
	SV_DEACTIVATE,		/* shrink_active_list: demoted to the inactive head */
	SV_SWAP_FULL,		/* no free slot */
	SV_PINNED,		/* an extra reference is held */
	SV_UNREACHABLE,		/* a mapping the reverse map cannot reach (mm being built) */
	SV_SHMEM,		/* shmem: not swapped by the model */
	SV_UNEVICTABLE,		/* mlocked */
	SV_KEEP_DIRTY,		/* referenced dirty file page: kept (RECLAIM_CLEAN) */
	NR_SHRINK_VERDICTS
};

/* The data of EV_MM_VMSCAN_LRU_SHRINK_INACTIVE (its tracepoint's fields). */
struct shrink_inactive_record {
	int nid, priority;
	bool file;
	unsigned long nr_scanned, nr_reclaimed, nr_dirty, nr_activate, nr_ref_keep,
		      nr_unmap_fail;
};

/* The data of EV_MM_VMSCAN_LRU_SHRINK_ACTIVE. */
struct shrink_active_record {
	int nid, priority;
	bool file;
	unsigned long nr_taken, nr_active, nr_deactivated, nr_referenced;
};

int vmscan_init(struct machine *m);
void vmscan_destroy(struct machine *m);

/* ---- the lists (mm/swap.c) ------------------------------------------------------------- */

/* The list a page on the LRU is on, from its flags. */
enum lru_list folio_lru_list(const struct page *p);
/* The node's lists. */
struct lruvec *node_lruvec(const struct machine *m, int nid);

/* lru_cache_add(): a new user page goes to the head of its inactive list. */
void lru_cache_add(struct machine *m, unsigned long pfn);
/* As lru_cache_add(), but pages of VM_LOCKED mappings are unevictable. */
void lru_cache_add_vma(struct machine *m, unsigned long pfn, const struct vm_area_struct *vma);
/* The page leaves the LRU (it is being freed). */
void lru_del(struct machine *m, unsigned long pfn);
/* Onto the head (or tail) of the list its flags name / off it (flags may change then). */
void lru_add(struct machine *m, unsigned long pfn, bool tail);
void lru_remove(struct machine *m, unsigned long pfn);

/*
 * folio_mark_accessed() (mm/swap.c): inactive and unreferenced -> set
 * PG_referenced; inactive and referenced -> to the active list, PG_referenced
 * cleared; active and unreferenced -> PG_referenced set.  (The policies
 * other than linux only note the reference.)
 */
void folio_mark_accessed(struct machine *m, unsigned long pfn);

/* The MMU used the page (every access): the lru policy moves it to the head. */
static inline bool lru_wants_accesses(const struct machine *m);
void lru_note_access(struct machine *m, unsigned long pfn);

/*
 * policy NAME: how victims are chosen from now on (linux, fifo, lru,
 * clock).  Leaving linux moves the active pages to the heads of the
 * inactive lists.  Returns 0 or -EINVAL (a replay-only policy).
 */
int set_reclaim_policy(struct machine *m, enum reclaim_policy p);

/* ---- the allocator's slow path -------------------------------------------------------- */

/*
 * wakeup_kswapd(): the allocation could not stay above the low watermark
 * of any zone up to `highest` on node nid; kswapd runs (unless it has
 * failed MAX_RECLAIM_RETRIES times in a row, or the node is balanced) and
 * reclaims the node's own lists until a zone is above its high watermark.
 */
void wakeup_kswapd(struct machine *m, int nid, unsigned order, gfp_t gfp,
		   enum zone_type highest);

/*
 * wake_all_kswapds(): what __alloc_pages_slowpath() does first: for an
 * allocation from node nid's zonelist, wakeup_kswapd() for every node the
 * zonelist reaches with zones up to `highest`, in zonelist order.
 */
void wake_all_kswapds(struct machine *m, int nid, unsigned order, gfp_t gfp,
		      enum zone_type highest);

/*
 * try_to_free_pages(): direct reclaim by the allocating task, for
 * SWAP_CLUSTER_MAX pages from the zones up to `highest` (allocstall).
 * Returns the pages freed.
 */
unsigned long try_to_free_pages(struct machine *m, int nid, unsigned order, gfp_t gfp,
				enum zone_type highest);

/* ---- commands ----------------------------------------------------------------------- */

/*
 * reclaim N: frees up to nr pages from every node the way direct reclaim
 * does (file and anonymous pages balanced by swappiness).  Returns the
 * pages freed; st (may be NULL) says how.
 */
unsigned long reclaim_pages(struct machine *m, unsigned long nr, struct reclaim_stat *st);

/*
 * swapout N: pushes nr anonymous pages chosen by the policy to swap
 * (only pages mm maps, if mm is not NULL).  Returns the pages freed; st
 * (may be NULL) says how.
 */
unsigned long swapout_pages(struct machine *m, unsigned long nr, struct mm_struct *mm,
			    struct reclaim_stat *st);

/*
 * swapout ADDR SIZE: pushes out the pages that [start, end) of mm maps:
 * anonymous pages to swap (unmapped from every process that maps them),
 * file pages dropped (written back first if dirty).  Fails with -ENOSPC,
 * changing nothing, if the anonymous pages need more swap than is free.
 * swapout_range_mapped(): whether a VMA covers every page of [start, end),
 * or -ENOMEM naming the first hole, as madvise(MADV_PAGEOUT) refuses one.
 * Returns 0 or -errno.
 */
int swapout_range(struct machine *m, struct mm_struct *mm, unsigned long start,
		  unsigned long end, struct reclaim_stat *st);
int swapout_range_mapped(struct machine *m, struct mm_struct *mm, unsigned long start,
			 unsigned long end);

/*
 * Room for swapoff (swapfile.c): try_to_unuse() allocates under memory
 * pressure, and reclaim pushes other pages out to the remaining areas.
 * swapoff_victims() counts the pages of zone z that could go without
 * area `skip`: count[0] free their frame without a new slot (file pages,
 * anonymous pages in another area's swap cache), count[1] need a slot of
 * another area.  Mlocked, pinned and shared-memory pages, and pages in
 * area skip's swap cache, do not count.  swapoff_push() pushes nr pages of
 * one kind out, from the tails of the node's lists, and returns how many
 * it freed (its frames go to the per-CPU lists; st says how).
 */
void swapoff_victims(struct machine *m, const struct zone *z, int skip, unsigned long count[2]);
unsigned long swapoff_push(struct machine *m, const struct zone *z, int skip, int kind,
			   unsigned long nr, struct reclaim_stat *st);

/* ---- checks (check_swap.c) ---------------------------------------------------------- */

/* The LRU rules: every list holds exactly the pages flagged for it; counts agree. */
void lru_check(struct machine *m, void (*report)(void *ctx, const char *msg), void *ctx);

static inline bool lru_wants_accesses(const struct machine *m)
{
	return m->reclaim && m->reclaim->policy == POLICY_LRU;
}

#endif
