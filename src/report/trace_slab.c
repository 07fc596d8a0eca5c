/*
 * trace_slab.c - the slab allocator's events as ftrace lines.
 *
 * The kernel's four kmem tracepoints keep Linux 6.1's TP_printk() formats
 * (include/trace/events/kmem.h):
 *
 *   kmalloc: call_site=cmd_kmalloc ptr=0xc1f00000 bytes_req=100 bytes_alloc=128 gfp_flags=GFP_KERNEL node=-1 accounted=false
 *   kmem_cache_alloc: call_site=cmd_kmem_cache_alloc ptr=0xc1f05000 bytes_req=100 bytes_alloc=104 gfp_flags=GFP_KERNEL node=-1 accounted=false
 *   kfree: call_site=cmd_kfree ptr=0xc1f00000
 *   kmem_cache_free: call_site=cmd_kmem_cache_free ptr=0xc1f05000 name=foo
 *
 * call_site is %pS in the kernel ("copy_process+0x1a3/0x1c40"); the model
 * has no code addresses and prints the calling function's name.  ptr is
 * the address itself, not a hashed %p (as trace.c does for page=).  node
 * is -1 (NUMA_NO_NODE) for kmalloc and kmem_cache_alloc, as there.
 * accounted is true for kmem_cache_alloc from a SLAB_ACCOUNT cache.
 *
 * The model's own steps print "name: key=value ...":
 *
 *   slab_alloc_slowpath: cache=kmalloc-128 cpu=0 from=new_slab order=0 objects=32 old_slab=none
 *   slab_alloc_new: cache=kmalloc-128 pfn=0x1f00 order=0 objects=32 zone=Normal node=0
 */
#include <stdio.h>
#include "mm/gfp.h"
#include "mm/machine.h"
#include "mm/slab.h"
#include "report/trace.h"
#include "report/trace_slab.h"

#define GFP_NAME_LEN 256

static const char *site(const struct mm_event *ev)
{
	return ev->site ? ev->site : "0x0";
}

static const char *cname(const struct mm_event *ev)
{
	return ev->cache ? ev->cache->name : "none";
}

static int tr_alloc(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	char gfp[GFP_NAME_LEN];
	bool accounted = ev->type == EV_KMEM_CACHE_ALLOC && ev->cache &&
			 (ev->cache->flags & SLAB_ACCOUNT);

	return snprintf(buf, len, "call_site=%s ptr=0x%0*lx bytes_req=%lu bytes_alloc=%lu "
			"gfp_flags=%s node=-1 accounted=%s", site(ev), m->arch->addr_digits,
			ev->val, ev->val2, ev->val3, trace_gfp(ev->gfp, gfp, sizeof(gfp)),
			accounted ? "true" : "false");
}

static int tr_free(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	int n = snprintf(buf, len, "call_site=%s ptr=0x%0*lx", site(ev), m->arch->addr_digits,
			 ev->val);

	if (ev->type == EV_KMEM_CACHE_FREE && n >= 0 && (size_t)n < len)
		n += snprintf(buf + n, len - (size_t)n, " name=%s", cname(ev));
	return n;
}

static int tr_kmalloc_slab(const struct mm_event *ev, char *buf, size_t len)
{
	char gfp[GFP_NAME_LEN];

	return snprintf(buf, len, "size=%lu index=%lu cache=%s gfp_flags=%s", ev->val2, ev->val,
			cname(ev), trace_gfp(ev->gfp, gfp, sizeof(gfp)));
}

static int tr_kmalloc_large(const struct mm_event *ev, char *buf, size_t len)
{
	char gfp[GFP_NAME_LEN];

	return snprintf(buf, len, "size=%lu order=%u gfp_flags=%s", ev->val2, ev->order,
			trace_gfp(ev->gfp, gfp, sizeof(gfp)));
}

static int tr_slowpath(const struct mm_event *ev, char *buf, size_t len)
{
	char old[24];

	if (ev->val3)
		snprintf(old, sizeof(old), "0x%lx", ev->val3 - 1);
	else
		snprintf(old, sizeof(old), "none");
	if (ev->val2 == SLOWPATH_NEW_SLAB)
		return snprintf(buf, len, "cache=%s cpu=%d from=new_slab order=%u objects=%lu "
				"old_slab=%s", cname(ev), ev->cpu, ev->order, ev->val, old);
	return snprintf(buf, len, "cache=%s cpu=%d from=%s pfn=0x%lx free=%lu old_slab=%s",
			cname(ev), ev->cpu, ev->val2 == SLOWPATH_PARTIAL ? "partial" : "cpu_slab",
			ev->pfn, ev->val, old);
}

static int tr_new(const struct mm_event *ev, char *buf, size_t len)
{
	return snprintf(buf, len, "cache=%s pfn=0x%lx order=%u objects=%lu zone=%s node=%d",
			cname(ev), ev->pfn, ev->order, ev->val,
			ev->zone ? zone_name(ev->zone->type) : "none",
			ev->zone ? ev->zone->zone_pgdat->node_id : 0);
}

static int tr_deactivate(const struct mm_event *ev, char *buf, size_t len)
{
	static const char *const to[] = {
		[SLAB_DEACT_FULL] = "none", [SLAB_DEACT_PARTIAL_HEAD] = "partial_head",
		[SLAB_DEACT_PARTIAL_TAIL] = "partial_tail", [SLAB_DEACT_FREE] = "free",
	};

	return snprintf(buf, len, "cache=%s cpu=%d pfn=0x%lx inuse=%lu objects=%lu to=%s",
			cname(ev), ev->cpu, ev->pfn, ev->val, ev->val2,
			ev->val3 <= SLAB_DEACT_FREE ? to[ev->val3] : "?");
}

static int tr_free_object(const struct machine *m, const struct mm_event *ev, char *buf,
			  size_t len)
{
	return snprintf(buf, len, "cache=%s cpu=%d pfn=0x%lx ptr=0x%0*lx to=%s inuse=%lu",
			cname(ev), ev->cpu, ev->pfn, m->arch->addr_digits, ev->val,
			ev->val2 == FREE_TO_CPU ? "cpu_freelist" : "slab_freelist", ev->val3);
}

static int tr_free_empty(const struct mm_event *ev, char *buf, size_t len)
{
	static const char *const why[] = {
		[EMPTY_ON_FREE] = "free", [EMPTY_ON_SHRINK] = "shrink",
		[EMPTY_ON_DEACTIVATE] = "deactivate",
	};

	return snprintf(buf, len, "cache=%s pfn=0x%lx order=%u reason=%s nr_partial=%lu",
			cname(ev), ev->pfn, ev->order,
			ev->val <= EMPTY_ON_DEACTIVATE ? why[ev->val] : "?", ev->val2);
}

int trace_slab(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	switch (ev->type) {
	case EV_KMALLOC:
	case EV_KMEM_CACHE_ALLOC:
		return tr_alloc(m, ev, buf, len);
	case EV_KFREE:
	case EV_KMEM_CACHE_FREE:
		return tr_free(m, ev, buf, len);
	case EV_KMALLOC_SLAB:
		return tr_kmalloc_slab(ev, buf, len);
	case EV_KMALLOC_LARGE:
		return tr_kmalloc_large(ev, buf, len);
	case EV_SLAB_ALLOC_SLOWPATH:
		return tr_slowpath(ev, buf, len);
	case EV_SLAB_ALLOC_NEW:
		return tr_new(ev, buf, len);
	case EV_SLAB_DEACTIVATE:
		return tr_deactivate(ev, buf, len);
	case EV_SLAB_FREE_OBJECT:
		return tr_free_object(m, ev, buf, len);
	case EV_SLAB_ADD_PARTIAL:
		return snprintf(buf, len, "cache=%s pfn=0x%lx nr_partial=%lu inuse=%lu objects=%lu",
				cname(ev), ev->pfn, ev->val, ev->val2, ev->val3);
	case EV_SLAB_FREE_EMPTY:
		return tr_free_empty(ev, buf, len);
	default:
		return 0;
	}
}
