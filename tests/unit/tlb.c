/*
 * tlb.c - the TLB: set index, LRU replacement within a set, CR3 loads with
 * and without PCID, ASID slot reuse, invlpg and the 33-page flush ceiling,
 * and the segment checks in front of it.
 */
#include <errno.h>
#include <stdlib.h>
#include "tap.h"
#include "mm/check.h"
#include "mm/machine.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "mm/sched.h"
#include "mm/segment.h"
#include "mm/tlb.h"

static void report(void *ctx, const char *msg)
{
	(void)ctx;
	diag("violation: %s", msg);
}

static struct machine *boot(int entries, int ways, bool pcid)
{
	struct machine_config cfg;

	machine_default_config(&cfg);
	cfg.ram = 256ULL << 20;
	cfg.tlb_entries = entries;
	cfg.tlb_ways = ways;
	cfg.pcid = pcid;
	return machine_create(&cfg);
}

static int rd(struct machine *m, unsigned long addr, enum access_type t)
{
	struct fault_info fi;
	unsigned long pfn;

	return user_access(m, addr, t, &pfn, &fi);
}

static struct mm_struct *start(struct machine *m, const char *name)
{
	struct exec_opts o = { 0 };

	do_execve(m, name, &o);
	do_mmap(m, current_task(m)->mm, 0x40000000, 64 * 4096, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);
	return current_task(m)->mm;
}

/* 4 entries, 2 ways: 2 sets; pages 0, 2, 4 share set 0 and the oldest goes. */
static void test_lru(void)
{
	struct machine *m = boot(4, 2, false);
	struct tlb *t = &m->tlb[0];

	start(m, "lru");
	check_int(t->sets, ==, 2);
	rd(m, 0x40000000, ACCESS_WRITE);
	rd(m, 0x40002000, ACCESS_WRITE);
	rd(m, 0x40000000, ACCESS_READ);		/* page 0 is now the most recent */
	rd(m, 0x40004000, ACCESS_WRITE);	/* evicts page 2, the LRU of set 0 */
	ok(tlb_probe(t, 0x40000000, 12) != NULL, "page 0 stays");
	ok(tlb_probe(t, 0x40002000, 12) == NULL, "page 2 was evicted");
	ok(tlb_probe(t, 0x40004000, 12) != NULL, "page 4 came in");
	check_int(t->hits, ==, 1);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* With PCID, switching back finds the entries; the seventh mm reuses a slot. */
static void test_pcid(void)
{
	struct machine *m = boot(64, 4, true);
	struct tlb *t = &m->tlb[0];
	unsigned long hits;

	start(m, "first");
	rd(m, 0x40000000, ACCESS_WRITE);
	for (unsigned long i = 1; i <= 5; i++) {	/* other sets, so nothing is evicted */
		start(m, "other");
		rd(m, 0x40000000 + i * 4096, ACCESS_WRITE);
	}
	switch_to(m, find_task(m, 1));
	hits = t->hits;
	rd(m, 0x40000000, ACCESS_READ);
	check_int(t->hits, ==, hits + 1);	/* tagged entry survived five switches */
	start(m, "seventh");			/* needs a slot: first's is the oldest... */
	switch_to(m, find_task(m, 1));		/* ... then first gets a fresh one */
	hits = t->hits;
	rd(m, 0x40000000, ACCESS_READ);
	check_int(t->hits, ==, hits);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* munmap of up to 33 pages is invlpg per page; more is a full flush. */
static void test_flush_ceiling(void)
{
	struct machine *m = boot(64, 4, false);
	struct tlb *t = &m->tlb[0];
	struct mm_struct *mm = start(m, "range");
	unsigned long inv, fl;

	for (unsigned long a = 0; a < 64; a++)
		rd(m, 0x40000000 + a * 4096, ACCESS_WRITE);
	inv = t->invlpgs;
	fl = t->flushes;
	check_int(do_munmap(m, mm, 0x40000000, 33 * 4096), ==, 0);
	check_int(t->invlpgs, ==, inv + 33);
	check_int(t->flushes, ==, fl);
	check_int(do_mprotect(m, mm, 0x40000000 + 33 * 4096, 31 * 4096, PROT_READ), ==, 0);
	check_int(t->invlpgs, ==, inv + 33 + 31);
	check_int(do_mmap(m, mm, 0x40000000, 64 * 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, NULL, 0), ==, 0x40000000);
	check_int(t->flushes, ==, fl + 1);	/* 64 pages: over the ceiling */
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

static void test_segments(void)
{
	struct machine *m = boot(64, 4, false);
	struct seg_xlate x;

	check_int(segment_translate(m, 0x7b, 0x1234, 3, &x), ==, 0);
	check_int(x.index, ==, 15);
	check_int(x.rpl, ==, 3);
	check_int(x.d.dpl, ==, 3);
	check_int(x.linear, ==, 0x1234);
	check_int(segment_translate(m, 0x68, 0x1234, 3, &x), ==, -EFAULT);
	check_int(segment_translate(m, 0x60, 0x1234, 0, &x), ==, 0);
	ok(x.code, "__KERNEL_CS is code");
	check_int(segment_translate(m, 0x60, 0x1234, 3, &x), ==, -EFAULT);
	check_int(segment_translate(m, 0x88, 0, 0, &x), ==, -ENOENT);
	check_int(segment_translate(m, 0x7f, 0, 3, &x), ==, -EFAULT);
	check_int(segment_translate(m, 0, 0, 0, &x), ==, -EFAULT);
	machine_destroy(m);
}

int main(void)
{
	test_lru();
	test_pcid();
	test_flush_ceiling();
	test_segments();
	return done_testing();
}
