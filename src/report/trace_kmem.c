/*
 * trace_kmem.c - vmalloc and highmem events as ftrace lines.
 *
 * The kernel's vmalloc tracepoints (include/trace/events/vmalloc.h, 6.2+)
 * keep their TP_printk() formats, odd decimal va_start included:
 *
 *   alloc_vmap_area: va_start: 4169138176 size=16384 align=4096 vstart=0xf8800000 vend=0xff7fe000 failed=0
 *   free_vmap_area_noflush: va_start=0xf8800000 nr_lazy=4 nr_lazy_max=0
 *   purge_vmap_area_lazy: start=0xf8800000 end=0xf8804000 num_purged=1
 *
 * nr_lazy_max is 0 because the model purges at once (vmalloc.c).  The
 * model's own steps print "name: key=value ...":
 *
 *   vmalloc_node_range: size=12288 pages=3 gfp_flags=GFP_KERNEL caller=cmd_vmalloc
 *   vmap_hole: start=0xf8800000 end=0xff7fe000 size=16384 fits=1
 *   vmalloc_page: addr=0xf8800000 index=0 nr=3 pfn=0x38000 zone=HighMem node=0
 *   kmap: pfn=0x38000 addr=0xff800000 how=new slot=0 pkmap_count=2
 *   kmap_atomic: cpu=0 pfn=0x38000 addr=0xfffbb000 idx=0 fixmap=68
 */
#include <stdio.h>
#include "mm/gfp.h"
#include "mm/highmem.h"
#include "mm/machine.h"
#include "mm/vmalloc.h"
#include "report/trace_kmem.h"

static int w(const struct machine *m)
{
	return m->arch->addr_digits;
}

static int tr_vmalloc(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	char gfp[256];

	switch (ev->type) {
	case EV_VMALLOC_NODE_RANGE:
		gfp_format(ev->gfp, gfp, sizeof(gfp));
		return snprintf(buf, len, "size=%lu pages=%lu gfp_flags=%s caller=%s", ev->val,
				ev->val2, gfp, ev->site ? ev->site : "0x0");
	case EV_VMAP:
		return snprintf(buf, len, "pages=%lu caller=%s", ev->val2, ev->site ? ev->site : "0x0");
	case EV_VMAP_HOLE:
		return snprintf(buf, len, "start=0x%0*lx end=0x%0*lx size=%lu fits=%d", w(m), ev->val,
				w(m), ev->val2, ev->val3, ev->ok);
	case EV_ALLOC_VMAP_AREA:
		return snprintf(buf, len, "va_start: %lu size=%lu align=%lu vstart=0x%lx vend=0x%lx "
				"failed=%d", ev->val, ev->val2, ev->val3, vmalloc_start(m),
				vmalloc_end(m), !ev->ok);
	case EV_VMALLOC_PAGE:
		return snprintf(buf, len, "addr=0x%0*lx index=%lu nr=%lu pfn=0x%lx zone=%s node=%d",
				w(m), ev->val, ev->val2, ev->val3, ev->pfn, zone_name(ev->zone->type),
				ev->zone->zone_pgdat->node_id);
	case EV_REMOVE_VM_AREA:
		return snprintf(buf, len, "addr=0x%0*lx size=%lu pages=%lu free_pages=%d", w(m),
				ev->val, ev->val2, ev->val3, ev->ok);
	case EV_VUNMAP_RANGE:
		return snprintf(buf, len, "start=0x%0*lx end=0x%0*lx ptes=%lu", w(m), ev->val, w(m),
				ev->val2, ev->val3);
	case EV_FREE_VMAP_AREA_NOFLUSH:
		return snprintf(buf, len, "va_start=0x%lx nr_lazy=%lu nr_lazy_max=%lu", ev->val,
				ev->val2, ev->val3);
	default:
		return snprintf(buf, len, "start=0x%lx end=0x%lx num_purged=%u", ev->val, ev->val2,
				(unsigned)ev->val3);
	}
}

static int tr_kmap(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	static const char *const how[] = { "lowmem", "mapped", "new" };

	switch (ev->type) {
	case EV_KMAP:
		if (ev->order == KMAP_LOWMEM)
			return snprintf(buf, len, "pfn=0x%lx addr=0x%0*lx how=lowmem", ev->pfn, w(m),
					ev->val);
		return snprintf(buf, len, "pfn=0x%lx addr=0x%0*lx how=%s slot=%lu pkmap_count=%lu",
				ev->pfn, w(m), ev->val, how[ev->order], ev->val2, ev->val3);
	case EV_KMAP_NEW:
		return snprintf(buf, len, "pfn=0x%lx slot=%lu scanned=%lu from=%lu", ev->pfn, ev->val,
				ev->val2, ev->val3);
	case EV_KMAP_FLUSH:
		return snprintf(buf, len, "freed=%lu", ev->val);
	case EV_KUNMAP:
		if (!ev->ok)
			return snprintf(buf, len, "pfn=0x%lx lowmem=1", ev->pfn);
		return snprintf(buf, len, "pfn=0x%lx addr=0x%0*lx slot=%lu pkmap_count=%lu", ev->pfn,
				w(m), ev->val, ev->val2, ev->val3);
	default:		/* KMAP_ATOMIC, KUNMAP_ATOMIC */
		if (!ev->ok)
			return snprintf(buf, len, "cpu=%d pfn=0x%lx addr=0x%0*lx lowmem=1", ev->cpu,
					ev->pfn, w(m), ev->val);
		return snprintf(buf, len, "cpu=%d pfn=0x%lx addr=0x%0*lx idx=%lu fixmap=%lu", ev->cpu,
				ev->pfn, w(m), ev->val, ev->val2, ev->val3);
	}
}

int trace_kmem(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	if (ev->type >= EV_KMAP && ev->type <= EV_KUNMAP_ATOMIC)
		return tr_kmap(m, ev, buf, len);
	return tr_vmalloc(m, ev, buf, len);
}
