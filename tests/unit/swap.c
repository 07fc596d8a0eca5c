/*
 * swap.c - swap areas, swap entries, swap-out and swap-in, the LRU
 * policies on the live machine, kswapd, the OOM killer and swapoff.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "frames.h"
#include "mm/check.h"
#include "mm/machine.h"
#include "mm/malloc.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "mm/oom_kill.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "mm/printk.h"
#include "mm/sched.h"
#include "mm/slab.h"
#include "mm/swapfile.h"
#include "mm/tlb.h"
#include "mm/vmscan.h"

static const char *const archs[] = { "i386", "i386-pae", "x86_64", "x86_64-la57" };

static void report(void *ctx, const char *msg)
{
	(void)ctx;
	diag("violation: %s", msg);
}

static struct machine *boot(const char *arch, unsigned long long ram_mib,
			    unsigned long long swap_mib)
{
	struct machine_config cfg;
	char err[MM_ERR_LEN];

	machine_default_config(&cfg);
	cfg.arch = arch_by_name(arch);
	cfg.ram = ram_mib << 20;
	cfg.swap = swap_mib << 20;
	if (machine_config_check(&cfg, err) < 0) {
		diag("bad config: %s", err);
		exit(1);
	}
	return machine_create(&cfg);
}

static bool clean(struct machine *m)
{
	return check_machine(m, report, NULL, 10) == 0;
}

static pteval_t pte_of(struct machine *m, struct mm_struct *mm, unsigned long addr)
{
	unsigned idx;
	long table = pte_lookup(m, mm, addr, &idx);

	return table < 0 ? 0 : pt_get(m, (unsigned long)table, idx);
}

/* An anonymous private mapping of len bytes in the current process. */
static unsigned long map_anon(struct machine *m, unsigned long len)
{
	long a = do_mmap(m, current_task(m)->mm, 0, len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);

	if (a < 0) {
		diag("mmap: %s", m->err);
		exit(1);
	}
	return (unsigned long)a;
}

static struct task_struct *exec(struct machine *m, const char *name)
{
	struct exec_opts o = { 0 };
	int pid = do_execve(m, name, &o);

	return pid > 0 ? find_task(m, pid) : NULL;
}

static uint64_t value(unsigned long addr, unsigned salt)
{
	return (addr * 0x9e3779b97f4a7c15ULL) ^ salt;
}

/* Writes value(addr, salt) to the first word of each page.  0 or -1. */
static int write_all(struct machine *m, unsigned long start, unsigned long pages, unsigned salt)
{
	struct fault_info fi;

	for (unsigned long i = 0; i < pages; i++) {
		unsigned long a = start + i * PAGE_SIZE + (i % 64) * 8;

		if (user_write64(m, a, value(a, salt), &fi) < 0) {
			diag("write 0x%lx: %s", a, m->err);
			return -1;
		}
	}
	return 0;
}

/* Reads them back: returns how many differ (or -1 on a failed access). */
static long read_all(struct machine *m, unsigned long start, unsigned long pages, unsigned salt)
{
	struct fault_info fi;
	long bad = 0;

	for (unsigned long i = 0; i < pages; i++) {
		unsigned long a = start + i * PAGE_SIZE + (i % 64) * 8;
		uint64_t v;

		if (user_read64(m, a, &v, &fi) < 0) {
			diag("read 0x%lx: %s", a, m->err);
			return -1;
		}
		bad += v != value(a, salt);
	}
	return bad;
}

/* ---- swap entries in PTEs ------------------------------------------------------------------ */

static void test_encoding(const char *arch)
{
	struct machine *m = boot(arch, 64, 0);
	const unsigned long offs[] = { 1, 2, 12345, (1UL << 23) - 1 };

	for (unsigned type = 0; type < 32; type += 7)
		for (size_t i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
			swp_entry_t e = swp_entry(type, offs[i]), d;
			pteval_t pte = swp_entry_to_pte(m, e);

			d = pte_to_swp_entry(m, pte);
			if (!is_swap_pte(pte) || d.val != e.val || (pte & 0x1ff) != (m->arch->levels == 2 ?
			    (pteval_t)type << 1 : 0))
				ok(0, "%s: entry (%u, %lu) -> pte 0x%llx -> (%u, %lu)", arch, type, offs[i],
				   (unsigned long long)pte, swp_type(d), swp_offset(d));
		}
	if (m->arch->levels == 2) {
		check_int(swp_entry_to_pte(m, swp_entry(2, 5)), ==, 0xa04);
	} else {
		/* type in bits 59-63, the offset inverted in bits 9-58 (L1TF) */
		check_int(swp_entry_to_pte(m, swp_entry(2, 5)) >> 59, ==, 2);
		check_int((~swp_entry_to_pte(m, swp_entry(2, 5)) >> 9) & ((1ULL << 50) - 1), ==, 5);
	}
	ok(1, "%s: swap entries survive the PTE layout", arch);
	machine_destroy(m);
}

/* ---- areas, priorities, slots ---------------------------------------------------------------- */

static void take_slots(struct machine *m, int n, int *types)
{
	for (int i = 0; i < n; i++) {
		swp_entry_t e = get_swap_page(m);

		types[i] = e.val ? (int)swp_type(e) : -1;
		if (e.val)
			swapcache_clear(m, e);	/* hand it straight back: nothing cached */
	}
}

static void test_priorities(void)
{
	struct machine *m = boot("i386", 64, 0);
	int types[8];

	check_int(swapon(m, 64 << 10, SWAP_PRIO_DEFAULT, NULL), ==, 0);
	check_int(swapon(m, 64 << 10, SWAP_PRIO_DEFAULT, NULL), ==, 1);
	check_int(swap_info(m, 0)->prio, ==, -2);
	check_int(swap_info(m, 1)->prio, ==, -3);
	check_str(swap_info(m, 1)->name, "/dev/sda3");
	check_int(swapon(m, 64 << 10, 5, "/swapfile"), ==, 2);
	check_int(swapon(m, 64 << 10, 5, NULL), ==, 3);
	ok(!swap_info(m, 2)->partition && swap_info(m, 3)->partition, "file and partition");
	take_slots(m, 4, types);
	ok(types[0] == 2 && types[1] == 3 && types[2] == 2 && types[3] == 3,
	   "equal priorities take turns: %d %d %d %d", types[0], types[1], types[2], types[3]);
	check_int(total_swap_pages(m), ==, 4 * 15);
	check_int(swapon(m, 64 << 10, 5, "/swapfile"), ==, -EBUSY);
	check_int(swapon(m, 16 << 10, 5, NULL), ==, -EINVAL);
	check_int(swapon(m, 64 << 10, 40000, NULL), ==, -EINVAL);
	{
		unsigned long in;

		check_int(swapoff(m, 0, &in), ==, 0);
		check_int(swap_info(m, 1)->prio, ==, -2);	/* the later default moves up */
		check_int(swapon(m, 64 << 10, SWAP_PRIO_DEFAULT, NULL), ==, 0);
		check_int(swap_info(m, 0)->prio, ==, -3);
		check_int(swapoff(m, 9, &in), ==, -EINVAL);
	}
	ok(clean(m), "priorities: the machine checks clean");
	machine_destroy(m);
}

/* A higher priority is used first; a lower one only once it is full. */
static void test_priority_order(void)
{
	struct machine *m = boot("x86_64", 64, 0);
	int types[40];

	swapon(m, 64 << 10, 1, NULL);		/* 15 slots */
	swapon(m, 64 << 10, 9, NULL);
	for (int i = 0; i < 30; i++) {
		swp_entry_t e = get_swap_page(m);

		types[i] = (int)swp_type(e);	/* kept: the areas fill up */
		(void)e;
	}
	ok(types[0] == 1 && types[14] == 1 && types[15] == 0 && types[29] == 0,
	   "prio 9 first, then prio 1");
	check_int(get_swap_page(m).val, ==, 0);
	check_int(nr_swap_pages(m), ==, 0);
	machine_destroy(m);
}

/* ---- data through swap ------------------------------------------------------------------------- */

static void test_integrity(const char *arch)
{
	struct machine *m = boot(arch, 64, 256);
	unsigned long pages = 2 * m->totalram_pages, start;
	struct task_struct *parent, *child;
	struct reclaim_stat st = { 0 };
	int cpid;

	parent = exec(m, "big");
	start = map_anon(m, pages * PAGE_SIZE);
	check_int(write_all(m, start, pages, 1), ==, 0);
	ok(m->vm_events[PSWPOUT] > 0 && m->vm_events[PAGEOUTRUN] > 0,
	   "%s: writing twice the RAM swaps (pswpout %lu, kswapd runs %lu)", arch,
	   m->vm_events[PSWPOUT], m->vm_events[PAGEOUTRUN]);
	check_int(read_all(m, start, pages, 1), ==, 0);
	ok(m->vm_events[PSWPIN] > 0 && m->vm_events[PGMAJFAULT] > 0, "%s: and reads them back",
	   arch);
	ok(clean(m), "%s: after one pass", arch);

	cpid = do_fork(m, parent);
	child = find_task(m, cpid);
	ok(child != NULL, "%s: fork with %ld swap entries", arch, parent->mm->rss_stat[MM_SWAPENTS]);
	switch_to(m, child);
	check_int(write_all(m, start, pages / 2, 2), ==, 0);
	check_int(read_all(m, start, pages / 2, 2), ==, 0);
	check_int(read_all(m, start + pages / 2 * PAGE_SIZE, pages - pages / 2, 1), ==, 0);
	switch_to(m, parent);
	check_int(read_all(m, start, pages, 1), ==, 0);
	check_int(swapout_range(m, parent->mm, start, start + pages * PAGE_SIZE, &st), ==, 0);
	ok(clean(m), "%s: after fork and a swapout of all", arch);
	do_exit(m, child);
	check_int(read_all(m, start, pages, 1), ==, 0);
	for (int round = 0; round < 3; round++) {
		swapout_range(m, parent->mm, start, start + pages * PAGE_SIZE, &st);
		check_int(read_all(m, start, pages, 1), ==, 0);
	}
	ok(clean(m), "%s: after the child's exit and three more rounds", arch);
	do_exit(m, parent);
	check_int(nr_swap_pages(m), ==, total_swap_pages(m));
	ok(clean(m), "%s: every slot is free once the processes are gone", arch);
	machine_destroy(m);
}

/* ---- kswapd ---------------------------------------------------------------------------------- */

struct kswapd_seen {
	int wakes, sleeps;
	unsigned long free, low;		/* at the first wake */
	const struct zone *zone;
	bool balanced;
};

static void on_kswapd(struct machine *m, const struct mm_event *ev, void *ctx)
{
	struct kswapd_seen *k = ctx;

	(void)m;
	if (ev->type == EV_MM_VMSCAN_WAKEUP_KSWAPD && ev->ok && !k->wakes++) {
		k->free = ev->val;
		k->low = ev->val2;
		k->zone = ev->zone;
	} else if (ev->type == EV_MM_VMSCAN_KSWAPD_SLEEP && !k->sleeps++) {
		k->balanced = ev->ok;
	}
}

static void test_kswapd(const char *arch)
{
	struct machine *m = boot(arch, 128, 256);
	enum zone_type highest = gfp_zone(m->arch, GFP_HIGHUSER_MOVABLE);
	struct kswapd_seen k = { 0 };
	struct fault_info fi;
	unsigned long start, pfn, i;
	const struct zone *z;
	long slack;

	exec(m, "app");
	start = map_anon(m, 2 * m->totalram_pages * PAGE_SIZE);
	event_subscribe(&m->events, on_kswapd, &k);
	for (i = 0; !m->vm_events[PAGEOUTRUN]; i++)
		if (user_access(m, start + i * PAGE_SIZE, ACCESS_WRITE, &pfn, &fi) < 0)
			break;
	z = k.zone;
	ok(k.wakes == 1 && z, "%s: kswapd woke once, after %lu pages", arch, i);
	if (!z)
		goto out;
	ok((long)k.free <= (long)k.low + z->lowmem_reserve[highest],
	   "%s: at the wake, %s had %lu free pages: at or below low %lu (+ reserve %ld)", arch,
	   zone_name(z->type), k.free, k.low, z->lowmem_reserve[highest]);
	slack = zone_page_state(z, NR_FREE_PAGES) - (long)high_wmark_pages(z) -
		z->lowmem_reserve[highest];
	ok(k.balanced && slack > 0 && slack <= (long)SWAP_CLUSTER_MAX + z->pcp[0].batch,
	   "%s: kswapd stopped just above high: free %ld, high %lu (+ reserve %ld)", arch,
	   zone_page_state(z, NR_FREE_PAGES), high_wmark_pages(z), z->lowmem_reserve[highest]);
	check_int(m->vm_events[ALLOCSTALL_DMA] + m->vm_events[ALLOCSTALL_DMA32] +
		  m->vm_events[ALLOCSTALL_NORMAL] + m->vm_events[ALLOCSTALL_HIGH] +
		  m->vm_events[ALLOCSTALL_MOVABLE], ==, 0);
	ok(m->vm_events[PGSCAN_KSWAPD] >= m->vm_events[PGSTEAL_KSWAPD] &&
	   m->vm_events[PGSTEAL_KSWAPD] > 0, "%s: kswapd scanned %lu, reclaimed %lu", arch,
	   m->vm_events[PGSCAN_KSWAPD], m->vm_events[PGSTEAL_KSWAPD]);
	ok(clean(m), "%s: kswapd leaves the machine clean", arch);
out:
	machine_destroy(m);
}

/* ---- the OOM killer ------------------------------------------------------------------------------ */

static bool klog_has(const struct machine *m, const char *text)
{
	for (unsigned long s = klog_first(m); s < klog_next(m); s++)
		if (strstr(klog_line(m, s), text))
			return true;
	return false;
}

/* A process that owns about `mib` MiB of written anonymous memory. */
static struct task_struct *hog(struct machine *m, const char *name, unsigned long mib)
{
	struct task_struct *t = exec(m, name);
	unsigned long a = map_anon(m, mib << 20);

	if (write_all(m, a, (mib << 20) >> PAGE_SHIFT, 7) < 0)
		return NULL;
	return t;
}

/* Writes pages until the task dies or n pages are done.  Returns the first error. */
static int grow(struct machine *m, unsigned long pages, struct fault_info *fi)
{
	unsigned long a = map_anon(m, pages * PAGE_SIZE);

	for (unsigned long i = 0; i < pages; i++) {
		int err = user_write64(m, a + i * PAGE_SIZE, i, fi);

		if (err < 0)
			return err;
	}
	return 0;
}

static void test_oom(const char *arch)
{
	struct machine *m = boot(arch, 64, 0);
	unsigned long ram_mib = m->totalram_pages >> 8;
	struct task_struct *small = hog(m, "small", ram_mib / 25);
	struct task_struct *big = hog(m, "big", ram_mib / 2);
	struct task_struct *mid = hog(m, "mid", ram_mib / 12);
	int small_pid = small->pid, big_pid = big->pid, mid_pid = mid->pid;
	struct fault_info fi;
	char line[64];

	/* mid grows past what is left, but stays smaller than big */
	check_int(grow(m, m->totalram_pages * 45 / 100, &fi), ==, 0);
	check_int(m->vm_events[OOM_KILL], ==, 1);
	ok(!find_task(m, big_pid) && find_task(m, small_pid) && find_task(m, mid_pid),
	   "%s: the OOM killer chose the largest process, big", arch);
	snprintf(line, sizeof(line), "Out of memory: Killed process %d (big)", big_pid);
	ok(klog_has(m, line) && klog_has(m, "mid invoked oom-killer: gfp_mask=0x100dca"
	   "(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0, oom_score_adj=0"), "%s: the kernel's lines", arch);
	ok(m->vm_events[ALLOCSTALL_NORMAL] + m->vm_events[ALLOCSTALL_HIGH] +
	   m->vm_events[ALLOCSTALL_MOVABLE] + m->vm_events[ALLOCSTALL_DMA32] > 0,
	   "%s: direct reclaim came first", arch);
	ok(clean(m), "%s: after the kill", arch);

	/* the current process is the largest now: it is the one to go */
	check_int(grow(m, m->totalram_pages, &fi), ==, -EFAULT);
	check_int(fi.signo, ==, FI_SIGKILL);
	ok(!find_task(m, mid_pid) && find_task(m, small_pid), "%s: mid killed itself", arch);
	ok(clean(m), "%s: after the faulting process was killed", arch);

	/* -1000: never chosen; with nobody else, the allocation fails */
	switch_to(m, find_task(m, small_pid));
	check_int(set_oom_score_adj(m, find_task(m, small_pid), -1000), ==, 0);
	check_int(grow(m, m->totalram_pages, &fi), ==, -ENOMEM);
	ok(find_task(m, small_pid) && klog_has(m, "Out of memory and no killable processes..."),
	   "%s: oom_score_adj -1000 protects the last process", arch);
	check_int(set_oom_score_adj(m, find_task(m, small_pid), 1001), ==, -EINVAL);
	ok(clean(m), "%s: at the end", arch);
	machine_destroy(m);
}

/* oom_score_adj makes a small process the victim. */
static void test_oom_adj(void)
{
	struct machine *m = boot("i386", 64, 0);
	struct task_struct *a = hog(m, "a", 2), *b = hog(m, "b", 10), *c;
	int apid = a->pid, bpid = b->pid;
	struct fault_info fi;

	set_oom_score_adj(m, a, 1000);
	ok(oom_score(m, a) > oom_score(m, b), "oom_score: a %lu > b %lu", oom_score(m, a),
	   oom_score(m, b));
	c = exec(m, "c");
	(void)c;
	grow(m, m->totalram_pages, &fi);
	ok(!find_task(m, apid) && find_task(m, bpid), "oom_score_adj 1000 chose the small one");
	machine_destroy(m);
}

/* ---- swapoff ---------------------------------------------------------------------------------- */

static void test_swapoff(const char *arch)
{
	struct machine *m = boot(arch, 128, 64);
	struct task_struct *p = exec(m, "app"), *c;
	unsigned long pages = 1000, start = map_anon(m, pages * PAGE_SIZE), in, used;
	struct reclaim_stat st = { 0 };
	unsigned long pswpin;
	long before;

	write_all(m, start, pages, 3);
	c = find_task(m, do_fork(m, p));
	check_int(swapout_range(m, p->mm, start, start + pages * PAGE_SIZE, &st), ==, 0);
	check_int(st.swapped, ==, pages);
	check_int(swap_info(m, 0)->inuse_pages, ==, pages);
	pswpin = m->vm_events[PSWPIN];
	check_int(swapoff(m, 0, &in), ==, 0);
	check_int(in, ==, pages);
	check_int(m->vm_events[PSWPIN] - pswpin, ==, pages);	/* each read counts, as a fault's */
	check_int(total_swap_pages(m), ==, 0);
	ok(pte_pfn(pte_of(m, p->mm, start + 5 * PAGE_SIZE)) ==
	   pte_pfn(pte_of(m, c->mm, start + 5 * PAGE_SIZE)) &&
	   pte_present(pte_of(m, c->mm, start + 5 * PAGE_SIZE)),
	   "%s: pages shared before swapoff are shared after", arch);
	check_int(p->mm->rss_stat[MM_SWAPENTS] + c->mm->rss_stat[MM_SWAPENTS], ==, 0);
	check_int(read_all(m, start, pages, 3), ==, 0);
	switch_to(m, c);
	check_int(read_all(m, start, pages, 3), ==, 0);
	ok(clean(m), "%s: swapoff brought everything back", arch);
	memset(&st, 0, sizeof(st));

	/* more swapped than free memory holds, but another area has room: reclaim
	   pushes other pages out to it while the area is read back */
	check_int(swapon(m, 64 << 20, SWAP_PRIO_DEFAULT, NULL), ==, 0);
	check_int(swapon(m, 256 << 20, SWAP_PRIO_DEFAULT, NULL), ==, 1);
	do_exit(m, c);
	switch_to(m, p);
	pages = 3 * m->totalram_pages / 2;
	start = map_anon(m, pages * PAGE_SIZE);
	write_all(m, start, pages, 4);
	used = swap_info(m, 0)->inuse_pages;
	ok(used > (unsigned long)free_frames(m), "%s: area 0 holds %lu pages, %ld frames are free",
	   arch, used, free_frames(m));
	if (!ok(swapoff_stat(m, 0, &in, &st) == 0, "%s: swapoff of area 0", arch))
		diag("%s", m->err);
	ok(in > 0 && in <= used, "%s: %lu of its pages read back", arch, in);
	ok(st.swapped > 0 && st.swapped == st.reclaimed, "%s: %lu other pages pushed to area 1",
	   arch, st.swapped);
	check_int(swap_info(m, 0) == NULL, ==, 1);
	check_int(read_all(m, start, pages, 4), ==, 0);
	ok(clean(m), "%s: swapoff made room in the other area", arch);

	/* the last area: nowhere to push, more than memory holds: fails, nothing changes */
	before = free_frames(m);
	used = swap_info(m, 1)->inuse_pages;
	check_int(swapoff(m, 1, &in), ==, -ENOMEM);
	ok(strstr(m->err, "no other area can take anonymous pages") != NULL, "%s: %s", arch, m->err);
	check_int(free_frames(m), ==, before);
	check_int(swap_info(m, 1)->inuse_pages, ==, used);
	check_int(total_swap_pages(m), >, 0);
	check_int(read_all(m, start, pages, 4), ==, 0);
	ok(clean(m), "%s: a swapoff that cannot fit changed nothing", arch);
	machine_destroy(m);
}

/* ---- the live policies ------------------------------------------------------------------------- */

/* Which of the 16 pages at start is not present (swapped out); -1 if none or several. */
static int gone(struct machine *m, unsigned long start)
{
	int which = -1;

	for (int i = 0; i < 16; i++)
		if (is_swap_pte(pte_of(m, current_task(m)->mm, start + (unsigned long)i * PAGE_SIZE))) {
			if (which >= 0)
				return -1;
			which = i;
		}
	return which;
}

static void touch_page(struct machine *m, unsigned long a, enum access_type t)
{
	struct fault_info fi;
	unsigned long pfn;

	user_access(m, a, t, &pfn, &fi);
}

/* 16 pages written in order; page 0 (fifo, lru) or 1 (clock, linux) touched again. */
static unsigned long setup_pages(struct machine *m, enum reclaim_policy p)
{
	unsigned long start;

	exec(m, "app");
	set_reclaim_policy(m, p);
	start = map_anon(m, 16 * PAGE_SIZE);
	for (int i = 0; i < 16; i++)
		touch_page(m, start + (unsigned long)i * PAGE_SIZE, ACCESS_WRITE);
	return start;
}

static void test_live_policies(void)
{
	struct machine *m = boot("x86_64", 256, 16);
	unsigned long s;
	struct page *p1;

	s = setup_pages(m, POLICY_FIFO);
	touch_page(m, s, ACCESS_READ);
	swapout_pages(m, 1, NULL, NULL);
	check_int(gone(m, s), ==, 0);				/* the oldest, used or not */
	machine_destroy(m);

	m = boot("x86_64", 256, 16);
	s = setup_pages(m, POLICY_LRU);
	touch_page(m, s, ACCESS_READ);
	swapout_pages(m, 1, NULL, NULL);
	check_int(gone(m, s), ==, 1);				/* the least recently used */
	machine_destroy(m);

	m = boot("x86_64", 256, 16);
	s = setup_pages(m, POLICY_CLOCK);
	swapout_pages(m, 1, NULL, NULL);			/* all referenced: a full turn */
	check_int(gone(m, s), ==, 0);
	tlb_flush_all(m, 0);					/* so that the A bit is set again */
	touch_page(m, s + PAGE_SIZE, ACCESS_READ);
	swapout_pages(m, 1, NULL, NULL);
	ok(is_swap_pte(pte_of(m, current_task(m)->mm, s + 2 * PAGE_SIZE)) &&
	   !is_swap_pte(pte_of(m, current_task(m)->mm, s + PAGE_SIZE)),
	   "clock: page 1 was referenced and got a second chance; page 2 went");
	machine_destroy(m);

	m = boot("x86_64", 256, 16);
	s = setup_pages(m, POLICY_LINUX);
	swapout_pages(m, 1, NULL, NULL);	/* first look: all young, PG_referenced set */
	check_int(gone(m, s), ==, 0);
	tlb_flush_all(m, 0);
	touch_page(m, s + PAGE_SIZE, ACCESS_READ);
	swapout_pages(m, 1, NULL, NULL);
	p1 = pfn_to_page(m, pte_pfn(pte_of(m, current_task(m)->mm, s + PAGE_SIZE)));
	ok(PageFlag(p1, PG_active) && is_swap_pte(pte_of(m, current_task(m)->mm,
	   s + 2 * PAGE_SIZE)), "linux: page 1, referenced twice, was activated; page 2 went");
	check_int(m->vm_events[PGACTIVATE], ==, 1);
	ok(clean(m), "the policies leave the machine clean");
	machine_destroy(m);
}

/* folio_mark_accessed() on a page-cache page: referenced, then active. */
static void test_mark_accessed(void)
{
	struct machine *m = boot("i386", 64, 0);
	struct task_struct *t = exec(m, "app");
	struct page *p;
	unsigned long pfn;

	touch_page(m, t->mm->start_code, ACCESS_READ);
	pfn = pte_pfn(pte_of(m, t->mm, t->mm->start_code));
	p = pfn_to_page(m, pfn);
	ok(PageFlag(p, PG_lru) && !PageFlag(p, PG_active) && !PageFlag(p, PG_referenced) &&
	   folio_lru_list(p) == LRU_INACTIVE_FILE, "a file page starts inactive, unreferenced");
	folio_mark_accessed(m, pfn);
	ok(PageFlag(p, PG_referenced) && !PageFlag(p, PG_active), "once: PG_referenced");
	folio_mark_accessed(m, pfn);
	ok(!PageFlag(p, PG_referenced) && PageFlag(p, PG_active) &&
	   folio_lru_list(p) == LRU_ACTIVE_FILE, "twice: active, PG_referenced cleared");
	folio_mark_accessed(m, pfn);
	ok(PageFlag(p, PG_referenced) && PageFlag(p, PG_active), "active: PG_referenced again");
	check_int(m->vm_events[PGACTIVATE], ==, 1);
	ok(clean(m), "mark_accessed: clean");
	machine_destroy(m);
}

/* Without swap, anonymous pages stay; a swapout that needs slots fails cleanly. */
static void test_no_swap(void)
{
	struct machine *m = boot("i386", 64, 0);
	unsigned long s = setup_pages(m, POLICY_LINUX);
	struct reclaim_stat st = { 0 };
	long before = free_frames(m);

	check_int(swapout_range(m, current_task(m)->mm, s, s + 16 * PAGE_SIZE, &st), ==, -ENOSPC);
	check_int(free_frames(m), ==, before);
	check_int(gone(m, s), ==, -1);
	touch_page(m, current_task(m)->mm->start_code, ACCESS_READ);	/* a page-cache page */
	ok(reclaim_pages(m, 32, &st) == 1 && st.swapped == 0 && st.file_dropped == 1,
	   "reclaim without swap: only the file page goes");
	ok(clean(m), "no swap: clean");
	machine_destroy(m);
}

/*
 * The OOM killer chooses the very process whose call needs a new slab: its
 * mm outlives the call (mmget), the call fails saying so, and then every
 * page of the process is free.
 */
enum oom_call { CALL_MPROTECT, CALL_MMAP, CALL_MALLOC };

static long call_needing_vma(struct machine *m, struct mm_struct *mm, enum oom_call c,
			     unsigned long at)
{
	struct malloc_result r;

	switch (c) {
	case CALL_MPROTECT:
		return do_mprotect(m, mm, at + PAGE_SIZE, PAGE_SIZE, PROT_NONE);
	case CALL_MMAP:
		return do_mmap(m, mm, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);
	default:
		return user_malloc(m, mm, 1UL << 20, &r);	/* mmapped by glibc */
	}
}

static void test_oom_in_call(enum oom_call c)
{
	static const char *const names[] = { "mprotect", "mmap", "malloc" };
	struct machine *m = boot("i386", 64, 0);
	struct kmem_cache *vmas = m->slab->vm_area_cachep;
	struct task_struct *small = hog(m, "small", 2), *big = hog(m, "big", 24);
	int small_pid = small->pid, big_pid = big->pid;
	unsigned long taken[64];
	/* read-only: the mappings below it cannot grow over it, and a split needs two VMAs */
	long at = do_mmap(m, big->mm, 0, 4 * PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
			  NULL, 0);
	unsigned n = 0;
	long before;

	/* the CPU slab of vm_area_struct runs dry: the next VMA needs a new slab */
	while (cpu_freelist_count(m, vmas, 0) > 0 && n < 64)
		taken[n++] = kmem_cache_alloc(m, vmas);
	while (alloc_pages(m, GFP_NOWAIT, 0) >= 0)
		;
	before = free_frames(m);
	check_int(call_needing_vma(m, big->mm, c, (unsigned long)at), ==, -ENOMEM);
	ok(strstr(m->err, "killed by the OOM killer") != NULL, "%s: %s", names[c], m->err);
	ok(!find_task(m, big_pid) && find_task(m, small_pid) && current_task(m) == NULL,
	   "%s: the calling process is gone, the other stays", names[c]);
	ok(free_frames(m) > before + 6000, "%s: and its memory is free (%ld frames more)",
	   names[c], free_frames(m) - before);
	while (n)
		kmem_cache_free(m, vmas, taken[--n]);
	ok(clean(m), "%s: the machine is clean", names[c]);
	machine_destroy(m);
}

/* ---- swap_map count continuation ------------------------------------------------------------- */

/* The swap_map byte of e with SWAP_HAS_CACHE masked off. */
static unsigned map_byte(const struct machine *m, swp_entry_t e)
{
	return swap_info(m, swp_type(e))->swap_map[swp_offset(e)] & ~SWAP_HAS_CACHE;
}

/*
 * swap_count_continued(): the byte counts 0..0x3e and wraps to 0 with
 * COUNT_CONTINUED, the continuation counting the 63s; freeing borrows back.
 */
static void test_count_continued(void)
{
	static const struct { unsigned count, byte, cont; } at[] = {
		{ 1, 0x01, 0 }, { 62, 0x3e, 0 }, { 63, 0x80, 1 }, { 64, 0x81, 1 },
		{ 71, 0x88, 1 }, { 125, 0xbe, 1 }, { 126, 0x80, 2 },
		{ 200, 0x8b, 3 },		/* 200 = 11 + 3 x 63 */
	};
	struct machine *m = boot("i386", 64, 4);
	swp_entry_t e = get_swap_page(m);
	const struct swap_info_struct *si = swap_info(m, swp_type(e));
	unsigned count = 0;

	for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		while (count < at[i].count) {
			swap_duplicate(m, e);
			count++;
		}
		ok(swap_count(m, e) == count && map_byte(m, e) == at[i].byte &&
		   (map_byte(m, e) & COUNT_CONTINUED ? si->cont[swp_offset(e)] : 0) == at[i].cont,
		   "count %u: swap_map 0x%02x, continuation %u", count, map_byte(m, e),
		   si->cont ? si->cont[swp_offset(e)] : 0);
	}
	for (size_t i = sizeof(at) / sizeof(at[0]); i-- > 0;) {
		while (count > at[i].count) {
			swap_free(m, e);
			count--;
		}
		ok(swap_count(m, e) == count && map_byte(m, e) == at[i].byte,
		   "back down to %u: swap_map 0x%02x", count, map_byte(m, e));
	}
	swap_free(m, e);
	check_int(map_byte(m, e), ==, 0);
	swapcache_clear(m, e);
	check_int(si->inuse_pages, ==, 0);
	ok(clean(m), "the slot is free again");
	machine_destroy(m);
}

int main(void)
{
	for (size_t i = 0; i < sizeof(archs) / sizeof(archs[0]); i++)
		test_encoding(archs[i]);
	test_priorities();
	test_priority_order();
	for (size_t i = 0; i < sizeof(archs) / sizeof(archs[0]); i++) {
		test_integrity(archs[i]);
		test_swapoff(archs[i]);
	}
	test_kswapd("x86_64");
	test_kswapd("i386");
	test_oom("i386");
	test_oom("x86_64");
	test_oom_adj();
	test_oom_in_call(CALL_MPROTECT);
	test_oom_in_call(CALL_MMAP);
	test_oom_in_call(CALL_MALLOC);
	test_live_policies();
	test_mark_accessed();
	test_no_swap();
	test_count_continued();
	return done_testing();
}
