/*
 * highmem.c - the pkmap area and the kmap_atomic slots: the fixmap layout,
 * kmap of lowmem and of HighMem, one slot shared by every kmap of a page,
 * pkmap_count's life (2, 3, back to 1, reused), next-fit from
 * last_pkmap_nr, the flush on each wrap, LAST_PKMAP kmaps and then "would
 * sleep" with nothing changed, kmap_atomic as a per-CPU stack (nesting,
 * out of order, another CPU's slot, the local TLB flush), x86_64 where both
 * return the direct map, and the checker's rule.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "mm/check.h"
#include "mm/highmem.h"
#include "mm/maccess.h"
#include "mm/machine.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "mm/tlb.h"
#include "mm/vmalloc.h"

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

static struct machine *boot(const char *arch, unsigned long long ram_mib, int cpus)
{
	struct machine_config cfg;
	char err[MM_ERR_LEN];

	machine_default_config(&cfg);
	cfg.arch = arch_by_name(arch);
	cfg.ram = ram_mib << 20;
	cfg.cpus = cpus;
	if (machine_config_check(&cfg, err) < 0) {
		diag("bad config: %s", err);
		exit(1);
	}
	return machine_create(&cfg);
}

static pteval_t kpte(const struct machine *m, unsigned long addr)
{
	unsigned idx;
	long table = pte_lookup(m, m->init_mm, addr, &idx);

	return table < 0 ? 0 : pt_get(m, (unsigned long)table, idx);
}

/* n HighMem frames in one block (order 10: 1024 of them). */
static unsigned long highmem_block(struct machine *m, unsigned order)
{
	long pfn = alloc_pages(m, GFP_HIGHUSER, order);

	if (pfn < 0 || !pfn_highmem(m, (unsigned long)pfn)) {
		diag("no HighMem block: %ld", pfn);
		exit(1);
	}
	return (unsigned long)pfn;
}

static void test_layout(void)
{
	struct machine *m = boot("i386", 1024, 1), *p = boot("i386-pae", 1024, 1);
	struct machine *m4 = boot("i386", 1024, 4), *x = boot("x86_64", 1024, 1);

	check_int(last_pkmap(m), ==, 1024);
	check_int(last_pkmap(p), ==, 512);
	check_int(last_pkmap(x), ==, 0);
	check_int(pkmap_base(m), ==, 0xff800000UL);	/* 4 MiB-aligned below the fixmap */
	check_int(pkmap_base(p), ==, 0xffc00000UL);	/* 2 MiB-aligned with PAE */
	/* FIX_KMAP_BEGIN 68, 16 slots per CPU, FIX_PCIE_MCFG: 85 indexes on one CPU. */
	check_int(nr_fixmap(m), ==, 85);
	check_int(fixaddr_start(m), ==, 0xfffaa000UL);
	check_int(nr_fixmap(m4), ==, 68 + 64 + 1);
	check_int(fix_to_virt(m, FIX_KMAP_BEGIN), ==, 0xfffbb000UL);
	check_int(fixaddr_top(x), ==, 0xffffffffff7ff000UL);
	machine_destroy(m);
	machine_destroy(p);
	machine_destroy(m4);
	machine_destroy(x);
}

static void test_kmap_shared_slot(void)
{
	struct machine *m = boot("i386", 1024, 1);
	unsigned long pfn = highmem_block(m, 1), a, b, c;
	const struct kmap_state *ks = m->kmap;

	check_int(kmap(m, 0x1000), ==, 0xc1000000UL);	/* lowmem: the direct map */
	check_int(ks->pkmap_count[1], ==, 0);
	a = kmap(m, pfn);
	b = kmap(m, pfn);
	check_int(a, ==, 0xff801000UL);			/* last_pkmap_nr 0 + 1: slot 1 */
	check_int(b, ==, a);				/* the same page: the same slot */
	check_int(ks->pkmap_count[1], ==, 3);		/* two users */
	check_int(pte_pfn(kpte(m, a)), ==, pfn);
	check_int(page_address(m, pfn), ==, a);
	c = kmap(m, pfn + 1);
	check_int(c, ==, 0xff802000UL);
	check_int(kunmap(m, pfn), ==, 0);
	check_int(kunmap(m, pfn), ==, 0);
	check_int(ks->pkmap_count[1], ==, 1);		/* no users, still mapped */
	check_int(kunmap(m, pfn), ==, -EINVAL);		/* kunmap_high would BUG */
	check_int(pte_pfn(kpte(m, a)), ==, pfn);
	check_int(kmap(m, pfn), ==, a);			/* reused without a new slot */
	check_int(ks->pkmap_count[1], ==, 2);
	check_int(kmap(m, 0x20000), ==, (unsigned long)-EINVAL);	/* a free frame */
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

/* Next-fit from last_pkmap_nr: a slot freed behind the scan waits for the wrap. */
static void test_next_fit(void)
{
	struct machine *m = boot("i386", 1024, 1);
	unsigned long pfn = highmem_block(m, 2);

	check_int(kmap(m, pfn), ==, pkmap_addr(m, 1));
	check_int(kmap(m, pfn + 1), ==, pkmap_addr(m, 2));
	kunmap(m, pfn);
	kunmap(m, pfn + 1);
	/* Slots 1 and 2 have pkmap_count 1: the scan goes on at 3. */
	check_int(kmap(m, pfn + 2), ==, pkmap_addr(m, 3));
	check_int(m->kmap->last_pkmap_nr, ==, 3);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

/* LAST_PKMAP kmaps without kunmap: the next would sleep; freeing one lets it through. */
static void test_would_sleep(const char *arch)
{
	struct machine *m = boot(arch, 1024, 1);
	unsigned n = last_pkmap(m), i;
	unsigned long pfn = highmem_block(m, 10), spare = highmem_block(m, 0), r;
	unsigned long flushes;

	/* Slots 1 .. n-1, then the wrap (a flush with nothing to free) and slot 0. */
	for (i = 0; i < n; i++)
		if (kmap(m, pfn + i) != pkmap_addr(m, (i + 1) % n))
			break;
	check_int(i, ==, n);
	check_int(m->kmap->flushes, ==, 1);
	flushes = m->kmap->flushes;
	r = kmap(m, spare);
	check_int((long)r, ==, -EBUSY);
	ok(strstr(m->err, "would sleep") != NULL, "%s: %s", arch, m->err);
	check_int(m->kmap->last_pkmap_nr, ==, 0);	/* nothing moved */
	check_int(m->kmap->flushes, ==, flushes);
	check_int(kunmap(m, pfn + 5), ==, 0);		/* slot 6 down to 1 */
	r = kmap(m, spare);				/* wraps, flushes slot 6, takes it */
	check_int(r, ==, pkmap_addr(m, 6));
	check_int(m->kmap->flushes, ==, flushes + 1);
	check_int(page_address(m, pfn + 5), ==, 0);	/* its old page lost the address */
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

static void test_kmap_atomic_stack(void)
{
	struct machine *m = boot("i386", 1024, 2);
	unsigned long pfn = highmem_block(m, 5), a[KM_MAX_IDX], pfn_of, r;
	uint64_t v;

	check_int(kmap_atomic(m, 0x1000), ==, 0xc1000000UL);	/* lowmem: no slot */
	check_int(m->kmap->cpu[0].idx, ==, 0);
	for (int i = 0; i < KM_MAX_IDX; i++) {
		a[i] = kmap_atomic(m, pfn + (unsigned long)i);
		if (a[i] != fix_to_virt(m, FIX_KMAP_BEGIN + (unsigned)i))
			break;
	}
	check_int(a[0], ==, 0xfffbb000UL);
	check_int(a[15], ==, 0xfffbb000UL - 15 * PAGE_SIZE);	/* one page lower each */
	check_int((long)kmap_atomic(m, pfn + 16), ==, -EBUSY);	/* deeper than KM_MAX_IDX */
	check_int(check(m), ==, 0);
	check_int(kunmap_atomic(m, a[3]), ==, -EINVAL);		/* not the newest */
	ok(strstr(m->err, "reverse order") != NULL, "%s", m->err);
	/* The kernel reads through the newest slot: the TLB caches it ... */
	check_int(kernel_read64(m, a[15], &v, &pfn_of), ==, 0);
	check_int(pfn_of, ==, pfn + 15);
	ok(tlb_probe(&m->tlb[0], a[15], PAGE_SHIFT) != NULL, "slot 15 is in cpu 0's TLB");
	/* ... and kunmap_atomic flushes it from this CPU's TLB. */
	check_int(kunmap_atomic(m, a[15]), ==, 0);
	ok(tlb_probe(&m->tlb[0], a[15], PAGE_SHIFT) == NULL, "slot 15 flushed from cpu 0's TLB");
	check_int(kpte(m, a[15]), ==, 0);
	/* Another CPU has its own slots, 16 indexes further. */
	m->cpu = 1;
	r = kmap_atomic(m, pfn + 20);
	check_int(r, ==, fix_to_virt(m, FIX_KMAP_BEGIN + KM_MAX_IDX));
	check_int(kunmap_atomic(m, a[14]), ==, -EINVAL);	/* cpu 0's slot */
	check_int(kunmap_atomic(m, r), ==, 0);
	m->cpu = 0;
	for (int i = KM_MAX_IDX - 2; i >= 0; i--)
		if (kunmap_atomic(m, a[i]) != 0)
			break;
	check_int(m->kmap->cpu[0].idx, ==, 0);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

static void test_x86_64(void)
{
	struct machine *x = boot("x86_64", 1024, 1);

	check_int(kmap(x, 0x1000), ==, 0xffff888001000000UL);
	check_int(kmap_atomic(x, 0x1000), ==, 0xffff888001000000UL);
	check_int(kunmap_atomic(x, 0xffff888001000000UL), ==, 0);
	check_int(kunmap(x, 0x1000), ==, 0);
	check_int(check(x), ==, 0);
	machine_destroy(x);
}

/* The checker's rule sees pkmap_count and the PTEs disagree, and a stray fixmap slot. */
static void test_checker_catches(void)
{
	struct machine *m = boot("i386", 1024, 1);
	unsigned long pfn = highmem_block(m, 0), a = kmap(m, pfn);
	int nr = pkmap_nr(m, a);

	check_int(check(m), ==, 0);
	m->kmap->pkmap_count[nr] = 0;			/* "free" but still mapped */
	ok(check(m) > 0, "a free pkmap slot with a PTE is reported");
	m->kmap->pkmap_count[nr] = 2;
	m->kmap->pkmap_count[nr + 1] = 2;		/* in use without a PTE */
	ok(check(m) > 0, "a pkmap slot in use without a PTE is reported");
	m->kmap->pkmap_count[nr + 1] = 0;
	kmap_atomic(m, pfn);
	m->kmap->cpu[0].idx = 0;			/* a slot mapped but not on the stack */
	ok(check(m) > 0, "a mapped kmap_atomic slot outside the stack is reported");
	m->kmap->cpu[0].idx = 1;
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

int main(void)
{
	test_layout();
	test_kmap_shared_slot();
	test_next_fit();
	test_would_sleep("i386");
	test_would_sleep("i386-pae");
	test_kmap_atomic_stack();
	test_x86_64();
	test_checker_catches();
	return done_testing();
}
