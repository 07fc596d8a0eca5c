/*
 * trace_reclaim.c - reclaim, swap and the OOM killer as ftrace lines.
 *
 * The kernel's tracepoints keep Linux 6.1's TP_printk() formats
 * (include/trace/events/vmscan.h, oom.h, pagemap.h):
 *
 *   mm_vmscan_wakeup_kswapd: nid=0 order=0 gfp_flags=GFP_HIGHUSER_MOVABLE
 *   mm_vmscan_kswapd_wake: nid=0 order=0
 *   mm_vmscan_lru_isolate: isolate_mode=0 classzone=3 order=0 nr_requested=32 nr_scanned=32 nr_skipped=0 nr_taken=32 lru=inactive_anon
 *   mm_vmscan_lru_shrink_inactive: nid=0 nr_scanned=32 nr_reclaimed=32 nr_dirty=0 nr_writeback=0 nr_congested=0 nr_immediate=0 nr_activate_anon=0 nr_activate_file=0 nr_ref_keep=0 nr_unmap_fail=0 priority=12 flags=RECLAIM_WB_ANON|RECLAIM_WB_ASYNC
 *   mm_vmscan_writepage: page=0xc17f8000 pfn=0x3fc00 flags=RECLAIM_WB_ANON|RECLAIM_WB_ASYNC
 *   mark_victim: pid=2
 *
 * The model's own steps print "name: key=value ...":
 *
 *   try_to_unmap_one: pfn=0x3fc00 pid=1 addr=0xb7ffe000 pte=0x200
 *   do_swap_page: addr=0xb7ffe000 pfn=0x3fc01 type=0 offset=1 major=1 write=0
 */
#include <stdio.h>
#include "mm/gfp.h"
#include "mm/machine.h"
#include "mm/sched.h"
#include "mm/swapfile.h"
#include "mm/vmscan.h"
#include "report/trace.h"
#include "report/trace_reclaim.h"

/* show_reclaim_flags(): RECLAIM_WB_ANON or RECLAIM_WB_FILE, always ASYNC here. */
static const char *wb_flags(bool file)
{
	return file ? "RECLAIM_WB_FILE|RECLAIM_WB_ASYNC" : "RECLAIM_WB_ANON|RECLAIM_WB_ASYNC";
}

static int tr_kswapd(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	char gfp[256];

	(void)m;
	switch (ev->type) {
	case EV_MM_VMSCAN_WAKEUP_KSWAPD:
		return snprintf(buf, len, "nid=%d order=%u gfp_flags=%s",
				ev->zone ? ev->zone->zone_pgdat->node_id : 0, ev->order,
				trace_gfp(ev->gfp, gfp, sizeof(gfp)));
	case EV_MM_VMSCAN_KSWAPD_WAKE:
		return snprintf(buf, len, "nid=%lu order=%u", ev->val, ev->order);
	case EV_MM_VMSCAN_KSWAPD_SLEEP:
		return snprintf(buf, len, "nid=%lu", ev->val);
	case EV_MM_VMSCAN_DIRECT_RECLAIM_BEGIN:
		return snprintf(buf, len, "order=%u gfp_flags=%s", ev->order,
				trace_gfp(ev->gfp, gfp, sizeof(gfp)));
	default:
		return snprintf(buf, len, "nr_reclaimed=%lu", ev->val);
	}
}

static int tr_lru(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	const struct shrink_inactive_record *in = ev->data;
	const struct shrink_active_record *ac = ev->data;

	switch (ev->type) {
	case EV_MM_VMSCAN_LRU_ISOLATE:
		return snprintf(buf, len, "isolate_mode=0 classzone=%d order=0 nr_requested=%lu "
				"nr_scanned=%lu nr_skipped=0 nr_taken=%lu lru=%s",
				ev->zone ? (int)ev->zone->type : 0, ev->val, ev->val2, ev->val3,
				lru_name((enum lru_list)ev->order));
	case EV_MM_VMSCAN_LRU_SHRINK_INACTIVE:
		return snprintf(buf, len, "nid=%d nr_scanned=%lu nr_reclaimed=%lu nr_dirty=%lu "
				"nr_writeback=0 nr_congested=0 nr_immediate=0 nr_activate_anon=%lu "
				"nr_activate_file=%lu nr_ref_keep=%lu nr_unmap_fail=%lu priority=%d "
				"flags=%s", in->nid, in->nr_scanned, in->nr_reclaimed, in->nr_dirty,
				in->file ? 0 : in->nr_activate, in->file ? in->nr_activate : 0,
				in->nr_ref_keep, in->nr_unmap_fail, in->priority, wb_flags(in->file));
	case EV_MM_VMSCAN_LRU_SHRINK_ACTIVE:
		return snprintf(buf, len, "nid=%d nr_taken=%lu nr_active=%lu nr_deactivated=%lu "
				"nr_referenced=%lu priority=%d flags=%s", ac->nid, ac->nr_taken,
				ac->nr_active, ac->nr_deactivated, ac->nr_referenced, ac->priority,
				wb_flags(ac->file));
	case EV_MM_LRU_ACTIVATE:
		return snprintf(buf, len, "page=0x%0*lx pfn=0x%lx", m->arch->is_64bit ? 16 : 8,
				trace_page_address(m, ev->pfn), ev->pfn);
	default:
		return snprintf(buf, len, "page=0x%0*lx pfn=0x%lx flags=%s",
				m->arch->is_64bit ? 16 : 8, trace_page_address(m, ev->pfn), ev->pfn,
				wb_flags(!ev->ok));
	}
}

static const char *const verdict_names[NR_SHRINK_VERDICTS] = {
	[SV_EVICT] = "evict", [SV_KEEP] = "keep", [SV_ACTIVATE] = "activate",
	[SV_RECLAIMED] = "reclaimed", [SV_CLEAN_SWAPCACHE] = "clean_swapcache",
	[SV_STAYS_ACTIVE] = "stays_active", [SV_DEACTIVATE] = "deactivate",
	[SV_SWAP_FULL] = "swap_full", [SV_PINNED] = "pinned", [SV_UNREACHABLE] = "unreachable",
	[SV_SHMEM] = "shmem", [SV_UNEVICTABLE] = "unevictable", [SV_KEEP_DIRTY] = "keep_dirty",
};

static int tr_swap(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	const struct swap_info_struct *si;

	switch (ev->type) {
	case EV_SWAPON:
		si = swap_info(m, (unsigned)ev->val);
		return snprintf(buf, len, "type=%lu name=%s pages=%lu prio=%ld", ev->val,
				si ? si->name : "?", ev->val2, (long)ev->val3);
	case EV_SWAPOFF:
		return snprintf(buf, len, "type=%lu pages_in=%lu", ev->val, ev->val2);
	case EV_SWAP_SLOT_FREE:
		return snprintf(buf, len, "type=%lu offset=%lu", ev->val, ev->val2);
	case EV_ADD_TO_SWAP:
		return snprintf(buf, len, "pfn=0x%lx type=%lu offset=%lu", ev->pfn, ev->val,
				ev->val2);
	case EV_DO_SWAP_PAGE:
		return snprintf(buf, len, "addr=0x%lx pfn=0x%lx type=%lu offset=%lu major=%d write=%u",
				ev->val, ev->pfn, ev->val2, ev->val3, ev->ok, ev->order);
	case EV_TRY_TO_UNMAP_ONE:
		return snprintf(buf, len, "pfn=0x%lx pid=%lu addr=0x%lx pte=0x%lx", ev->pfn, ev->val2,
				ev->val, ev->val3);
	default:
		return snprintf(buf, len, "pfn=0x%lx policy=%s verdict=%s young=%lu file=%d",
				ev->pfn, policy_name((enum reclaim_policy)ev->gfp),
				ev->val < NR_SHRINK_VERDICTS ? verdict_names[ev->val] : "?",
				ev->val == SV_CLEAN_SWAPCACHE ? 0 : ev->val2, ev->ok);
	}
}

static int tr_oom(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	const struct task_struct *t = find_task(m, (int)ev->val);

	if (ev->type == EV_MARK_VICTIM)
		return snprintf(buf, len, "pid=%lu", ev->val);
	return snprintf(buf, len, "pid=%lu comm=%s oom_score_adj=%ld", ev->val, t ? t->comm : "?",
			(long)ev->val2);
}

int trace_reclaim(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	switch (ev->type) {
	case EV_MM_VMSCAN_WAKEUP_KSWAPD: case EV_MM_VMSCAN_KSWAPD_WAKE:
	case EV_MM_VMSCAN_KSWAPD_SLEEP: case EV_MM_VMSCAN_DIRECT_RECLAIM_BEGIN:
	case EV_MM_VMSCAN_DIRECT_RECLAIM_END:
		return tr_kswapd(m, ev, buf, len);
	case EV_MM_VMSCAN_LRU_ISOLATE: case EV_MM_VMSCAN_LRU_SHRINK_INACTIVE:
	case EV_MM_VMSCAN_LRU_SHRINK_ACTIVE: case EV_MM_VMSCAN_WRITEPAGE: case EV_MM_LRU_ACTIVATE:
		return tr_lru(m, ev, buf, len);
	case EV_MARK_VICTIM: case EV_OOM_SCORE_ADJ_UPDATE:
		return tr_oom(m, ev, buf, len);
	default:
		return tr_swap(m, ev, buf, len);
	}
}
