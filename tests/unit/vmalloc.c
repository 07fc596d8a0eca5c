/*
 * vmalloc.c - the vmalloc area: its bounds on each architecture, the
 * lowest-first-fit search with guard pages, pages taken one at a time (and
 * scattered when memory is fragmented), the mapping in init_mm, vzalloc and
 * vmalloc_32, the pages array in vmalloc ("vpages"), vmap / vunmap, vfree
 * giving every page back, failures that change nothing, /proc/vmallocinfo,
 * meminfo, the events, an oops on a guard page, and the checker's rule.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "boot.h"
#include "mm/check.h"
#include "mm/highmem.h"
#include "mm/maccess.h"
#include "mm/machine.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "mm/sched.h"
#include "mm/slab.h"
#include "mm/vmalloc.h"
#include "report/procfs.h"
#include "report/vmallocinfo.h"

static unsigned long violations;

static void report(void *ctx, const char *msg)
{
	(void)ctx;
	violations++;
	diag("violation: %s", msg);
}

static unsigned long check(struct machine *m)
{
	violations = 0;
	return check_machine(m, report, NULL, 0);
}

static pteval_t kpte(const struct machine *m, unsigned long addr)
{
	unsigned idx;
	long table = pte_lookup(m, m->init_mm, addr, &idx);

	return table < 0 ? 0 : pt_get(m, (unsigned long)table, idx);
}

static char *vmallocinfo(const struct machine *m)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	proc_vmallocinfo(m, f);
	fclose(f);
	return buf;
}

static void test_bounds(void)
{
	struct machine *m = boot("i386", 1024, 1, 1), *h = boot("i386", 512, 1, 1);
	struct machine *p = boot("i386-pae", 1024, 1, 1), *x = boot("x86_64", 1024, 1, 4);
	struct machine *l = boot("x86_64-la57", 1024, 1, 1);

	/* high_memory 0xf8000000 + 8 MiB .. PKMAP_BASE 0xff800000 - 2 pages */
	check_int(vmalloc_start(m), ==, 0xf8800000UL);
	check_int(vmalloc_end(m), ==, 0xff7fe000UL);
	check_int(vmalloc_total(m) >> 10, ==, 114680);
	/* 512 MiB: high_memory 0xe0000000, so VMALLOC_START follows it down. */
	check_int(vmalloc_start(h), ==, 0xe0800000UL);
	check_int(vmalloc_end(h), ==, 0xff7fe000UL);
	/* PAE: the pkmap area is 2 MiB-aligned at 0xffc00000. */
	check_int(vmalloc_end(p), ==, 0xffbfe000UL);
	check_int(vmalloc_start(x), ==, 0xffffc90000000000UL);
	check_int(vmalloc_total(x) >> 10, ==, 34359738367UL);	/* meminfo's VmallocTotal */
	check_int(vmalloc_end(l), ==, 0xffd1ffffffffffffUL);
	check_int(lazy_max_pages(m), ==, 8192);
	check_int(lazy_max_pages(x), ==, 3 * 8192);		/* fls(4) = 3 */
	machine_destroy(m);
	machine_destroy(h);
	machine_destroy(p);
	machine_destroy(x);
	machine_destroy(l);
}

static void test_three_pages(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	unsigned long addr;
	const struct vmap_area *va;
	struct meminfo mi;
	unsigned freed;
	char *info;

	addr = vmalloc(m, 3 * PAGE_SIZE - 100, "probe");
	check_int(addr, ==, 0xf8800000UL);
	va = find_vmap_area(m, addr);
	ok(va && va->vm->nr_pages == 3 && va->vm->size == 4 * PAGE_SIZE,
	   "3 pages, a 4-page area with its guard page");
	for (unsigned i = 0; va && i < 3; i++) {
		pteval_t e = kpte(m, addr + i * PAGE_SIZE);

		ok(pte_present(e) && pte_pfn(e) == va->vm->pages[i] && (e & _PAGE_GLOBAL) &&
		   (e & _PAGE_RW) && !(e & _PAGE_USER), "page %u mapped PAGE_KERNEL", i);
		ok(PageFlag(pfn_to_page(m, va->vm->pages[i]), PG_vmalloc) &&
		   pfn_highmem(m, va->vm->pages[i]), "page %u is PG_vmalloc, from HighMem", i);
	}
	check_int(kpte(m, addr + 3 * PAGE_SIZE), ==, 0);	/* the guard page */
	info = vmallocinfo(m);
	check_str(info, "0xf8800000-0xf8804000   16384 probe pages=3 vmalloc\n");
	free(info);
	meminfo_fill(m, &mi);
	check_int(mi.vmalloc_used, ==, 3);
	check_int(check(m), ==, 0);
	check_int(vfree(m, addr + PAGE_SIZE, &freed), ==, 0);	/* inside the area: all of it */
	check_int(freed, ==, 3);
	check_int(m->vmap->nr_areas, ==, 0);
	check_int(kpte(m, addr), ==, 0);
	check_int(m->vmap->nr_vmalloc_pages, ==, 0);
	check_int(check(m), ==, 0);
	meminfo_fill(m, &mi);
	check_int(mi.vmalloc_used, ==, 0);
	machine_destroy(m);
}

/* vfree gives back exactly the frames vmalloc took: the HighMem zone is as before. */
static void test_vfree_returns_pages(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	const struct zone *hz = &m->node_data[0].node_zones[ZONE_HIGHMEM];
	unsigned long before[NR_PAGE_ORDERS], free_before, addr;
	unsigned freed;

	drain_all_pages(m);
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		before[o] = hz->free_area[o].nr_free;
	free_before = (unsigned long)zone_page_state(hz, NR_FREE_PAGES);
	addr = vmalloc(m, 100 * PAGE_SIZE, "probe");
	check_int(zone_page_state(hz, NR_FREE_PAGES) + hz->pcp[0].count, ==, free_before - 100);
	check_int(vfree(m, addr, &freed), ==, 0);
	check_int(freed, ==, 100);
	drain_all_pages(m);
	check_int(zone_page_state(hz, NR_FREE_PAGES), ==, free_before);
	{
		int same = 1;

		for (int o = 0; o < NR_PAGE_ORDERS; o++)
			same &= before[o] == hz->free_area[o].nr_free;
		ok(same, "HighMem's free_area is as before the vmalloc");
	}
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

/* Pages taken one by one come scattered out of a fragmented zone. */
static void test_fragmented(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	long pfns[64];
	unsigned long addr;
	const struct vmap_area *va;
	int gaps = 0;

	for (int i = 0; i < 64; i++)
		pfns[i] = alloc_pages(m, GFP_HIGHUSER, 0);
	for (int i = 0; i < 64; i += 2)
		__free_pages(m, (unsigned long)pfns[i], 0);	/* every other one */
	addr = vmalloc(m, 3 * PAGE_SIZE, "probe");
	va = find_vmap_area(m, addr);
	for (unsigned i = 1; i < 3; i++)
		gaps += va->vm->pages[i] != va->vm->pages[i - 1] + 1;
	check_int(gaps, ==, 2);
	check_int(check(m), ==, 0);
	vfree(m, addr, NULL);
	for (int i = 1; i < 64; i += 2)
		__free_pages(m, (unsigned long)pfns[i], 0);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

/* Lowest first fit: a freed hole is reused when big enough, skipped when not. */
static void test_first_fit(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	unsigned long a = vmalloc(m, PAGE_SIZE, "a"), b = vmalloc(m, PAGE_SIZE, "b");
	unsigned long c = vmalloc(m, PAGE_SIZE, "c"), d, e;

	check_int(b, ==, a + 2 * PAGE_SIZE);
	check_int(c, ==, b + 2 * PAGE_SIZE);
	vfree(m, b, NULL);
	e = vmalloc(m, 2 * PAGE_SIZE, "e");		/* 3 pages with the guard: b's hole is 2 */
	check_int(e, ==, c + 2 * PAGE_SIZE);
	d = vmalloc(m, PAGE_SIZE, "d");			/* fits b's hole exactly */
	check_int(d, ==, b);
	check_int(m->vmap->nr_areas, ==, 4);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

static void test_failures(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	const struct zone *hz = &m->node_data[0].node_zones[ZONE_HIGHMEM];
	long high_free;
	unsigned long r;

	r = vmalloc(m, 0, "probe");
	check_int((long)r, ==, -EINVAL);
	ok(strstr(m->err, "exceeds total pages") != NULL, "size 0: %s", m->err);
	high_free = zone_page_state(hz, NR_FREE_PAGES) + hz->pcp[0].count;
	/* More than the vmalloc space (112 MiB) but less than RAM: no hole. */
	r = vmalloc(m, 200UL << 20, "probe");
	check_int((long)r, ==, -ENOMEM);
	ok(strstr(m->err, "vmap allocation for size 209719296 failed") != NULL, "%s", m->err);
	/* Only the descriptors' slabs were touched: no page was taken. */
	check_int(zone_page_state(hz, NR_FREE_PAGES) + hz->pcp[0].count, ==, high_free);
	check_int(m->vmap->nr_vmalloc_pages, ==, 0);
	check_int(m->vmap->nr_areas, ==, 0);
	check_int(vfree(m, 0xf8800000UL, NULL), ==, -EINVAL);
	ok(strstr(m->err, "Trying to vfree() nonexistent vm area") != NULL, "%s", m->err);
	check_int(vfree(m, 0xf8800010UL, NULL), ==, -EINVAL);
	check_int(vfree(m, 0, NULL), ==, 0);			/* vfree(NULL) */
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

/* Out of pages half-way: what was taken goes back, nothing stays mapped. */
static void test_out_of_pages(void)
{
	struct machine *m = boot("i386", 64, 1, 1);
	unsigned long r;

	for (int i = 0; i < 8; i++)			/* 32 MiB of the 54 MiB free */
		check_int(alloc_pages(m, GFP_KERNEL, 10), >=, 0);
	r = vmalloc(m, 40UL << 20, "probe");
	check_int((long)r, ==, -ENOMEM);
	ok(strstr(m->err, "failed to allocate pages") != NULL, "%s", m->err);
	check_int(m->vmap->nr_areas, ==, 0);
	check_int(m->vmap->nr_vmalloc_pages, ==, 0);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

static void test_vzalloc_and_32(void)
{
	struct machine *m = boot("i386", 1024, 1, 1), *x = boot("x86_64", 8192, 1, 1);
	unsigned long a, b, pfn;
	uint64_t v;
	const struct vmap_area *va;

	a = vmalloc(m, PAGE_SIZE, "probe");
	check_int(kernel_write64(m, a, 0x6b6b6b6b, &pfn), ==, 0);
	vfree(m, a, NULL);
	b = vmalloc(m, PAGE_SIZE, "probe");		/* the same frame, back from the pcp list */
	kernel_read64(m, b, &v, &pfn);
	check_int(v, ==, 0x6b6b6b6b);			/* vmalloc does not clear */
	vfree(m, b, NULL);
	b = vzalloc(m, PAGE_SIZE, "probe");
	kernel_read64(m, b, &v, &pfn);
	check_int(v, ==, 0);
	vfree(m, b, NULL);
	a = vmalloc_32(m, 2 * PAGE_SIZE, "probe");
	va = find_vmap_area(m, a);
	ok(!pfn_highmem(m, va->vm->pages[0]) && !pfn_highmem(m, va->vm->pages[1]),
	   "vmalloc_32 on i386: lowmem frames");
	a = vmalloc_32(x, 2 * PAGE_SIZE, "probe");
	va = find_vmap_area(x, a);
	check_int(pfn_zone(x, va->vm->pages[0])->type, ==, ZONE_DMA32);
	a = vmalloc(x, PAGE_SIZE, "probe");
	va = find_vmap_area(x, a);
	check_int(pfn_zone(x, va->vm->pages[0])->type, ==, ZONE_NORMAL);
	check_int(check(m) + check(x), ==, 0);
	machine_destroy(m);
	machine_destroy(x);
}

/* An array of more than a page of pointers is itself vmalloc'ed. */
static void test_vpages(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	unsigned long a = vmalloc(m, 1025 * PAGE_SIZE, "big");
	const struct vmap_area *va = find_vmap_area(m, a);
	char *info;

	ok(va->vm->vpages && is_vmalloc_addr(m, va->vm->pages_addr), "the pages array is vmalloc'ed");
	check_int(m->vmap->nr_areas, ==, 2);
	check_int(m->vmap->nr_vmalloc_pages, ==, 1025 + 2);	/* 4100 bytes: 2 pages */
	info = vmallocinfo(m);
	/* The area first, then its pages array (4100 bytes of pointers) after it. */
	check_str(info, "0xf8800000-0xf8c02000 4202496 big pages=1025 vmalloc vpages\n"
			"0xf8c02000-0xf8c05000   12288 big pages=2 vmalloc\n");
	free(info);
	check_int(check(m), ==, 0);
	check_int(vfree(m, a, NULL), ==, 0);
	check_int(m->vmap->nr_areas, ==, 0);
	check_int(m->vmap->nr_vmalloc_pages, ==, 0);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

static void test_vmap(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	long p = alloc_pages(m, GFP_HIGHUSER, 1);
	unsigned long pfns[3] = { (unsigned long)p + 1, (unsigned long)p, (unsigned long)p + 1 };
	unsigned long a, v, pfn;
	uint64_t val;
	char *info;

	a = vmap(m, pfns, 3, "probe");
	check_int(a, ==, 0xf8800000UL);
	check_int(pte_pfn(kpte(m, a)), ==, p + 1);
	check_int(pte_pfn(kpte(m, a + PAGE_SIZE)), ==, p);
	/* The same frame at two addresses: a store through one shows through the other. */
	kernel_write64(m, a + 8, 42, &pfn);
	kernel_read64(m, a + 2 * PAGE_SIZE + 8, &val, &pfn);
	check_int(val, ==, 42);
	info = vmallocinfo(m);
	check_str(info, "0xf8800000-0xf8804000   16384 probe vmap\n");
	free(info);
	check_int(check(m), ==, 0);
	v = vmalloc(m, PAGE_SIZE, "probe");
	check_int(vunmap(m, v), ==, -EINVAL);		/* would leak vmalloc's pages */
	check_int(vunmap(m, a), ==, 0);
	check_int(pfn_to_page(m, (unsigned long)p)->_refcount, ==, 1);	/* still its owner's */
	check_int(m->vmap->nr_vmalloc_pages, ==, 1);
	pfns[0] = 0x20000;				/* a free frame */
	check_int((long)vmap(m, pfns, 1, "probe"), ==, -EINVAL);
	pfns[0] = 0x1000;				/* the kernel image: reserved, fine */
	a = vmap(m, pfns, 1, "probe");
	ok(!IS_ERR_VALUE(a), "vmap of a reserved frame");
	check_int(vfree(m, a, NULL), ==, 0);		/* a vmap area: nothing to free */
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

static void test_guard_oops(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	unsigned long a = vmalloc(m, 2 * PAGE_SIZE, "probe"), pfn;
	uint64_t v;

	check_int(kernel_read64(m, a + PAGE_SIZE, &v, &pfn), ==, 0);
	check_int(kernel_read64(m, a + 2 * PAGE_SIZE, &v, &pfn), ==, -EFAULT);
	check_int(kernel_write64(m, a + 2 * PAGE_SIZE, 1, &pfn), ==, -EFAULT);
	check_int(kernel_write64(m, 0xc17ff000UL, 1, &pfn), ==, -EPERM);	/* swapper_pg_dir */
	check_int(check(m), ==, 0);
	vfree(m, a, NULL);
	/* After vfree the TLB entry is gone too: the access faults. */
	check_int(kernel_read64(m, a, &v, &pfn), ==, -EFAULT);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

/* On i386 a new kernel pgd entry reaches the processes that already exist. */
static void test_processes_see_it(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct exec_opts o = { 0 };
	struct task_struct *t;
	struct pt_walk w;
	unsigned long a;

	check_int(do_execve(m, "app", &o), >, 0);
	t = current_task(m);
	a = vmalloc(m, PAGE_SIZE, "probe");
	pt_walk(m, t->mm->pgd, a, &w);
	ok(w.mapped && w.pfn == find_vmap_area(m, a)->vm->pages[0],
	   "the process's pgd reaches the vmalloc page");
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

static unsigned long nr_events[NR_MM_EVENTS];

static void count_event(struct machine *m, const struct mm_event *ev, void *ctx)
{
	(void)m;
	(void)ctx;
	nr_events[ev->type]++;
}

static void test_events_and_numa(void)
{
	struct machine *m = boot("x86_64", 2048, 2, 2);
	unsigned long a;
	char *info;

	event_subscribe(&m->events, count_event, NULL);
	a = vmalloc(m, 2 * PAGE_SIZE, "probe");
	check_int(nr_events[EV_VMALLOC_NODE_RANGE], ==, 1);
	check_int(nr_events[EV_ALLOC_VMAP_AREA], ==, 1);
	check_int(nr_events[EV_VMAP_HOLE], ==, 1);
	check_int(nr_events[EV_VMALLOC_PAGE], ==, 2);
	check_int(nr_events[EV_SET_PTE], ==, 2);
	info = vmallocinfo(m);
	check_str(info, "0xffffc90000000000-0xffffc90000003000   12288 probe pages=2 vmalloc N0=2\n");
	free(info);
	vfree(m, a, NULL);
	check_int(nr_events[EV_REMOVE_VM_AREA], ==, 1);
	check_int(nr_events[EV_FREE_VMAP_AREA_NOFLUSH], ==, 1);
	check_int(nr_events[EV_PURGE_VMAP_AREA_LAZY], ==, 1);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

/* The checker's rule sees a broken mapping, a mapped guard page, a lost page. */
static void test_checker_catches(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	unsigned long a = vmalloc(m, 2 * PAGE_SIZE, "probe"), pfn;
	const struct vmap_area *va = find_vmap_area(m, a);
	unsigned idx;
	long table = pte_lookup(m, m->init_mm, a, &idx);
	pteval_t e = pt_get(m, (unsigned long)table, idx);

	check_int(check(m), ==, 0);
	pt_set(m, (unsigned long)table, idx, 0);		/* page 0 unmapped behind vmalloc */
	ok(check(m) > 0, "an unmapped vmalloc page is reported");
	pt_set(m, (unsigned long)table, idx, e);
	pt_set(m, (unsigned long)table, idx + 2, e);		/* the guard page mapped */
	ok(check(m) > 0, "a mapped guard page is reported");
	pt_set(m, (unsigned long)table, idx + 2, 0);
	pfn = va->vm->pages[1];
	ClearPageFlag(pfn_to_page(m, pfn), PG_vmalloc);
	ok(check(m) > 0, "a vmalloc page without PG_vmalloc is reported");
	SetPageFlag(pfn_to_page(m, pfn), PG_vmalloc);
	m->vmap->nr_vmalloc_pages++;
	ok(check(m) > 0, "a wrong nr_vmalloc_pages is reported");
	m->vmap->nr_vmalloc_pages--;
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

int main(void)
{
	test_bounds();
	test_three_pages();
	test_vfree_returns_pages();
	test_fragmented();
	test_first_fit();
	test_failures();
	test_out_of_pages();
	test_vzalloc_and_32();
	test_vpages();
	test_vmap();
	test_guard_oops();
	test_processes_see_it();
	test_events_and_numa();
	test_checker_catches();
	return done_testing();
}
