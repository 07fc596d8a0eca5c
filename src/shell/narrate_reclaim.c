/*
 * narrate_reclaim.c - reclaim, swap and the OOM killer told step by step.
 *
 * An allocation on a full i386 machine with swap, with `explain on`:
 *
 *   kswapd0 is woken: the allocation found every zone of its zonelist at or below its low
 *     watermark (the first, HighMem: 41 free pages, low 42); kswapd reclaims until a zone
 *     is above its high watermark.
 *   kswapd0 runs for order-0 pages in zones up to HighMem.
 *   scan: 32 pages taken from the tail of node 0's inactive_anon list (32 asked).
 *   pfn 0x3ff00 (anon): no PTE saw it since the last scan: evicted.
 *   add_to_swap: pfn 0x3ff00 gets slot 1 of /dev/sda2 (type 0) and enters the swap cache.
 *   unmap: pid 1's 0xb7f9c000 now holds swap entry (0, 1): pte := 0x00000200.
 *   pageout: pfn 0x3ff00 is written to /dev/sda2 slot 1 (pswpout).
 *   pfn 0x3ff01 (anon): a PTE saw it (young) and PG_referenced was clear: second chance ...
 *   kswapd0 sleeps: zone HighMem has 75 free pages, above its high watermark 52 ...
 *
 * (each on one line).  It keeps no state: everything comes from the event
 * and the machine at that moment.
 */
#include <stdio.h>
#include "mm/gfp.h"
#include "mm/machine.h"
#include "mm/sched.h"
#include "mm/swapfile.h"
#include "mm/vmscan.h"
#include "shell/narrate_reclaim.h"

static const char *zname(const struct zone *z)
{
	return z ? zone_name(z->type) : "?";
}

static const char *area_name(const struct machine *m, unsigned long type)
{
	const struct swap_info_struct *si = swap_info(m, (unsigned)type);

	return si ? si->name : "?";
}

static const char *comm_of(const struct machine *m, unsigned long pid)
{
	const struct task_struct *t = find_task(m, (int)pid);

	return t ? t->comm : "?";
}

static void n_kswapd(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	const struct zone *z = ev->zone;

	(void)m;
	switch (ev->type) {
	case EV_MM_VMSCAN_WAKEUP_KSWAPD:
		if (!ev->ok) {
			fprintf(out, "kswapd%d stays asleep: it reclaimed nothing %lu times in a row "
				"(the node is unreclaimable); the allocation must reclaim by itself.\n",
				z ? z->zone_pgdat->node_id : 0, ev->val3);
			break;
		}
		fprintf(out, "kswapd%d is woken: the allocation found every zone of its zonelist at "
			"or below its low watermark (the first, %s: %lu free pages, low %lu); kswapd "
			"reclaims until a zone is above its high watermark.\n",
			z ? z->zone_pgdat->node_id : 0, zname(z), ev->val, ev->val2);
		break;
	case EV_MM_VMSCAN_KSWAPD_WAKE:
		fprintf(out, "kswapd%lu runs for order-%u pages in zones up to %s.\n", ev->val,
			ev->order, zone_name((enum zone_type)ev->val2));
		break;
	default:
		if (ev->ok)
			fprintf(out, "kswapd%lu sleeps: zone %s has %ld free pages, above its high "
				"watermark %lu; it reclaimed %lu page%s.\n", ev->val, zname(z),
				z ? zone_page_state(z, NR_FREE_PAGES) : 0, z ? high_wmark_pages(z) : 0,
				ev->val2, ev->val2 == 1 ? "" : "s");
		else
			fprintf(out, "kswapd%lu gives up: no zone is above its high watermark and it "
				"reclaimed %lu page%s (failures in a row: %lu of %d).\n", ev->val,
				ev->val2, ev->val2 == 1 ? "" : "s", ev->val3, MAX_RECLAIM_RETRIES);
	}
}

static void n_direct(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	char gfp[256];

	(void)m;
	if (ev->type == EV_MM_VMSCAN_DIRECT_RECLAIM_END) {
		fprintf(out, "direct reclaim ends: %lu page%s freed.\n", ev->val,
			ev->val == 1 ? "" : "s");
		return;
	}
	gfp_format(ev->gfp, gfp, sizeof(gfp));
	fprintf(out, "direct reclaim: the allocation (order %u, %s) fails even at the min "
		"watermark, so the allocating task reclaims by itself (allocstall).\n", ev->order, gfp);
}

static void n_lists(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	const struct shrink_inactive_record *in = ev->data;
	const struct shrink_active_record *ac = ev->data;

	(void)m;
	switch (ev->type) {
	case EV_MM_VMSCAN_LRU_ISOLATE:
		fprintf(out, "scan: %lu page%s taken from the tail of node %d's %s list (%lu asked).\n",
			ev->val3, ev->val3 == 1 ? "" : "s", ev->zone ? ev->zone->zone_pgdat->node_id : 0,
			lru_name((enum lru_list)ev->order), ev->val);
		break;
	case EV_MM_VMSCAN_LRU_SHRINK_INACTIVE:
		fprintf(out, "shrink_inactive_list: %lu scanned, %lu reclaimed, %lu kept, %lu activated "
			"(priority %d).\n", in->nr_scanned, in->nr_reclaimed, in->nr_ref_keep,
			in->nr_activate, in->priority);
		break;
	case EV_MM_VMSCAN_LRU_SHRINK_ACTIVE:
		fprintf(out, "shrink_active_list: the inactive %s list is low: %lu of %lu active "
			"pages demoted to its head.\n", ac->file ? "file" : "anon", ac->nr_deactivated,
			ac->nr_taken);
		break;
	default:
		fprintf(out, "folio_mark_accessed: pfn 0x%lx was referenced a second time while "
			"inactive: it moves to the active list.\n", ev->pfn);
	}
}

/* The policy's verdict on one page. */
static void n_verdict(const struct mm_event *ev, const char *kind, FILE *out)
{
	bool was_ref = ev->val3 & (1u << PG_referenced);
	enum reclaim_policy p = (enum reclaim_policy)ev->gfp;

	fprintf(out, "pfn 0x%lx (%s): ", ev->pfn, kind);
	if (ev->val == SV_KEEP && p == POLICY_CLOCK)
		fputs("its reference bit is set: cleared, and the hand moves on (second chance).\n",
		      out);
	else if (ev->val == SV_KEEP)
		fprintf(out, "a PTE saw it (young) and PG_referenced was clear: second chance, "
			"PG_referenced set, back to the head of the inactive list.\n");
	else if (ev->val == SV_ACTIVATE)
		fprintf(out, "%s: promoted to the active list.\n", was_ref ?
			"referenced again (PG_referenced was set)" :
			"referenced by more than one PTE, or executable file text");
	else if (p == POLICY_FIFO)
		fputs("the oldest page on the list: evicted (fifo ignores references).\n", out);
	else if (p == POLICY_LRU)
		fputs("the least recently used page: evicted.\n", out);
	else
		fprintf(out, "no PTE saw it since the last scan%s: evicted.\n",
			was_ref ? " (PG_referenced is cleared on the way)" : "");
}

static void n_shrink_folio(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	const char *kind = ev->ok ? "file" : "anon";

	switch (ev->val) {
	case SV_EVICT: case SV_KEEP: case SV_ACTIVATE:
		n_verdict(ev, kind, out);
		break;
	case SV_CLEAN_SWAPCACHE:
		fprintf(out, "pfn 0x%lx (anon) is clean and %s slot %lu still holds it: dropped "
			"without a write.\n", ev->pfn, area_name(m, ev->val2), ev->val3);
		break;
	case SV_DEACTIVATE:
		fprintf(out, "pfn 0x%lx (%s) leaves the active list for the inactive head%s.\n",
			ev->pfn, kind, ev->val2 ? " (its accessed bits are cleared on the way)" : "");
		break;
	case SV_STAYS_ACTIVE:
		fprintf(out, "pfn 0x%lx is referenced executable text: it stays active.\n", ev->pfn);
		break;
	default:
		fprintf(out, "pfn 0x%lx (%s) cannot be evicted: %s; it goes back on a list.\n",
			ev->pfn, kind, ev->val == SV_SWAP_FULL ? "no free swap slot" :
			ev->val == SV_PINNED ? "someone holds an extra reference" :
			ev->val == SV_UNREACHABLE ? "a mapping is out of the reverse map's reach" :
			ev->val == SV_SHMEM ? "the model does not swap shared memory" :
			ev->val == SV_UNEVICTABLE ? "it is mlocked" : "it is dirty and was referenced");
	}
}

static void n_swap(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	switch (ev->type) {
	case EV_SWAPON:
		fprintf(out, "swapon: %s becomes swap type %lu: %lu slots after the header, "
			"priority %ld.\n", area_name(m, ev->val), ev->val, ev->val2, (long)ev->val3);
		break;
	case EV_SWAPOFF:
		fprintf(out, "swapoff: swap type %lu is gone; %lu page%s came back into memory.\n",
			ev->val, ev->val2, ev->val2 == 1 ? "" : "s");
		break;
	case EV_SWAP_SLOT_FREE:
		fprintf(out, "%s slot %lu is free again: no PTE names it and no page caches it.\n",
			area_name(m, ev->val), ev->val2);
		break;
	case EV_ADD_TO_SWAP:
		fprintf(out, "add_to_swap: pfn 0x%lx gets slot %lu of %s (type %lu) and enters the "
			"swap cache.\n", ev->pfn, ev->val2, area_name(m, ev->val), ev->val);
		break;
	case EV_TRY_TO_UNMAP_ONE:
		if (ev->ok)
			fprintf(out, "unmap: pid %lu's 0x%0*lx now holds a swap entry: pte := 0x%0*lx.\n",
				ev->val2, m->arch->addr_digits, ev->val, m->arch->pte_bytes * 2, ev->val3);
		else
			fprintf(out, "unmap: pid %lu's 0x%0*lx no longer maps the file page (pte := 0); "
				"the file will give it back.\n", ev->val2, m->arch->addr_digits, ev->val);
		break;
	case EV_MM_VMSCAN_WRITEPAGE:
		if (ev->ok)
			fprintf(out, "pageout: pfn 0x%lx is written to %s slot %lu (pswpout); then it "
				"leaves the swap cache and is freed.\n", ev->pfn, area_name(m, ev->val),
				ev->val2);
		else
			fprintf(out, "pageout: pfn 0x%lx is a dirty file page: written back to its file "
				"first.\n", ev->pfn);
		break;
	default:
		fprintf(out, "do_swap_page: 0x%0*lx holds swap entry (%lu, %lu): %s pfn 0x%lx, mapped "
			"%s.\n", m->arch->addr_digits, ev->val, ev->val2, ev->val3, ev->ok ?
			"read from the slot (a major fault) into" : "found in the swap cache (a minor "
			"fault):", ev->pfn, ev->order ? "writable (no one else has it)" : "read-only");
	}
}

static void n_oom(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	if (ev->type == EV_MARK_VICTIM)
		fprintf(out, "OOM killer: pid %lu (%s) has the highest badness (RSS + swap entries + "
			"page tables + oom_score_adj): killed with SIGKILL, its memory freed.\n",
			ev->val, comm_of(m, ev->val));
	else
		fprintf(out, "oom_score_adj of pid %lu (%s) := %ld.\n", ev->val, comm_of(m, ev->val),
			(long)ev->val2);
}

void narrate_reclaim(const struct machine *m, const struct mm_event *ev, FILE *out)
{
	switch (ev->type) {
	case EV_MM_VMSCAN_WAKEUP_KSWAPD: case EV_MM_VMSCAN_KSWAPD_WAKE:
	case EV_MM_VMSCAN_KSWAPD_SLEEP:
		n_kswapd(m, ev, out);
		break;
	case EV_MM_VMSCAN_DIRECT_RECLAIM_BEGIN: case EV_MM_VMSCAN_DIRECT_RECLAIM_END:
		n_direct(m, ev, out);
		break;
	case EV_MM_VMSCAN_LRU_ISOLATE: case EV_MM_VMSCAN_LRU_SHRINK_INACTIVE:
	case EV_MM_VMSCAN_LRU_SHRINK_ACTIVE: case EV_MM_LRU_ACTIVATE:
		n_lists(m, ev, out);
		break;
	case EV_SHRINK_FOLIO:
		n_shrink_folio(m, ev, out);
		break;
	case EV_MARK_VICTIM: case EV_OOM_SCORE_ADJ_UPDATE:
		n_oom(m, ev, out);
		break;
	default:
		n_swap(m, ev, out);
	}
}
