/*
 * buddy.c - the buddy allocator, per-CPU lists, watermarks and zonelists.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "frames.h"
#include "boot.h"
#include "mm/check.h"
#include "mm/highmem.h"
#include "mm/machine.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "mm/sched.h"
#include "mm/swapfile.h"
#include "mm/vmalloc.h"
#include "mm/vmscan.h"

static void report(void *ctx, const char *msg)
{
	(void)ctx;
	diag("violation: %s", msg);
}

static struct zone *zone_of(struct machine *m, int nid, enum zone_type t)
{
	return &m->node_data[nid].node_zones[t];
}

static void snapshot(struct zone *z, unsigned long out[NR_PAGE_ORDERS])
{
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		out[o] = z->free_area[o].nr_free;
}

static bool same(const unsigned long a[NR_PAGE_ORDERS], const unsigned long b[NR_PAGE_ORDERS])
{
	return memcmp(a, b, sizeof(unsigned long) * NR_PAGE_ORDERS) == 0;
}

static void test_boot_state(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct zone *dma = zone_of(m, 0, ZONE_DMA);
	struct zone *normal = zone_of(m, 0, ZONE_NORMAL);
	struct zone *high = zone_of(m, 0, ZONE_HIGHMEM);

	check_int(dma->zone_start_pfn, ==, 1);
	check_int(dma->spanned_pages, ==, 4095);
	check_int(dma->present_pages, ==, 3998);
	check_int(dma->managed_pages, ==, 3840);	/* first 1 MiB reserved */
	check_int(dma->free_area[8].nr_free, ==, 1);	/* 0x100 */
	check_int(dma->free_area[9].nr_free, ==, 1);	/* 0x200 */
	check_int(dma->free_area[10].nr_free, ==, 3);	/* 0x400, 0x800, 0xc00 */
	check_int(normal->zone_start_pfn, ==, 4096);
	check_int(zone_end_pfn(normal), ==, 896 * 256);
	check_int(high->spanned_pages, ==, 128 * 256);
	check_int(high->managed_pages, ==, 128 * 256);
	check_int(populated_zone(zone_of(m, 0, ZONE_DMA32)), ==, 0);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	/* boot lists are in ascending order: the first order-10 block is 0x400 */
	check_int(dma->free_area[10].free_list.first, ==, 0x400);
	machine_destroy(m);
}

static void test_watermarks(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct zone *normal = zone_of(m, 0, ZONE_NORMAL);
	struct zone *high = zone_of(m, 0, ZONE_HIGHMEM);
	unsigned long lowmem = zone_of(m, 0, ZONE_DMA)->managed_pages + normal->managed_pages;
	unsigned long kb = min_free_kbytes(m);

	ok(kb * kb <= lowmem * 4 * 16 && (kb + 1) * (kb + 1) > lowmem * 4 * 16,
	   "min_free_kbytes %lu = int_sqrt(lowmem_kbytes * 16)", kb);
	check_int(min_wmark_pages(normal), ==, (kb / 4) * normal->managed_pages / lowmem);
	check_int(min_wmark_pages(high), ==, 32);	/* clamp(32768 / 1024, 32, 128) */
	ok(low_wmark_pages(normal) > min_wmark_pages(normal) &&
	   high_wmark_pages(normal) - low_wmark_pages(normal) ==
	   low_wmark_pages(normal) - min_wmark_pages(normal), "low and high step equally");
	check_int(normal->lowmem_reserve[ZONE_HIGHMEM], ==, (long)(high->managed_pages / 32));
	check_int(normal->pcp[0].batch, ==, 63);
	check_int(zone_of(m, 0, ZONE_DMA)->pcp[0].batch, ==, 1);
	machine_destroy(m);
}

/* Allocating order k takes the smallest sufficient block and splits it. */
static void test_split(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct zone *dma = zone_of(m, 0, ZONE_DMA);
	unsigned long before[NR_PAGE_ORDERS], after[NR_PAGE_ORDERS];
	long pfn;

	snapshot(dma, before);
	pfn = alloc_pages(m, GFP_DMA, 3);	/* smallest free block: order 8 at 0x100 */
	check_int(pfn, ==, 0x100);
	snapshot(dma, after);
	check_int(after[8], ==, before[8] - 1);
	for (int o = 3; o < 8; o++)
		check_int(after[o], ==, before[o] + 1);	/* upper halves 0x180, 0x140, ... */
	check_int(dma->free_area[7].free_list.first, ==, 0x180);
	check_int(dma->free_area[3].free_list.first, ==, 0x108);
	check_int(free_pages_checked(m, (unsigned long)pfn, 3), ==, 0);
	snapshot(dma, after);
	ok(same(before, after), "freeing merges back to the boot state");
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* A zone whose only free block has 512 pages serving a 128-page request. */
static void test_512_serves_128(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct zone *dma = zone_of(m, 0, ZONE_DMA);
	long big[3], b8, pfn;

	for (int i = 0; i < 3; i++)
		big[i] = alloc_pages(m, GFP_DMA, 10);
	b8 = alloc_pages(m, GFP_DMA, 8);
	check_int(dma->free_area[9].nr_free, ==, 1);
	check_int(zone_page_state(dma, NR_FREE_PAGES), ==, 512);
	pfn = alloc_pages(m, GFP_DMA, 7);
	check_int(pfn, ==, 0x200);
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		check_int(dma->free_area[o].nr_free, ==, (o == 7 || o == 8) ? 1 : 0);
	check_int(dma->free_area[7].free_list.first, ==, 0x280);
	check_int(dma->free_area[8].free_list.first, ==, 0x300);
	check_int(free_pages_checked(m, (unsigned long)pfn, 7), ==, 0);
	check_int(free_pages_checked(m, (unsigned long)b8, 8), ==, 0);
	for (int i = 0; i < 3; i++)
		check_int(free_pages_checked(m, (unsigned long)big[i], 10), ==, 0);
	check_int(dma->free_area[10].nr_free, ==, 3);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

static void test_free_errors(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	long pfn = alloc_pages(m, GFP_KERNEL, 2);

	char want[80];

	check_int(pfn, ==, 0x1800);	/* Normal starts at 16 MiB, after the kernel image */
	check_int(free_pages_checked(m, (unsigned long)pfn, 1), ==, -EINVAL);
	snprintf(want, sizeof(want), "the block at pfn 0x%lx has order 2, not 1", pfn);
	check_str(m->err, want);
	check_int(free_pages_checked(m, (unsigned long)pfn + 1, 0), ==, -EINVAL);
	check_int(free_pages_checked(m, 0, 0), ==, -EINVAL);
	check_str(m->err, "pfn 0x0 is reserved (a hole in the physical address map, not RAM): "
		  "only blocks from alloc_pages can be freed");
	check_int(free_pages_checked(m, 0x500, 0), ==, -EINVAL);
	check_str(m->err, "pfn 0x500 is already free (in the order-10 block at pfn 0x400)");
	check_int(free_pages_checked(m, m->max_pfn, 0), ==, -EINVAL);
	check_int(alloc_pages(m, GFP_KERNEL, 11), ==, -EINVAL);
	check_str(m->err, "order 11 is out of range (0..10)");
	check_int(alloc_pages(m, __GFP_DMA | __GFP_HIGHMEM, 0), ==, -EINVAL);
	check_int(free_pages_checked(m, (unsigned long)pfn, 2), ==, 0);
	check_int(free_pages_checked(m, (unsigned long)pfn, 2), ==, -EINVAL);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* Order 0 goes through the CPU's list: refill by batch, drain at high. */
static void test_pcp(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct zone *normal = zone_of(m, 0, ZONE_NORMAL);
	struct per_cpu_pages *pcp = &normal->pcp[0];
	long free0 = zone_page_state(normal, NR_FREE_PAGES);
	long *pfns = calloc((size_t)pcp->high + 1, sizeof(long));
	long first;

	first = alloc_pages(m, GFP_KERNEL, 0);
	check_int(pcp->count, ==, pcp->batch - 1);
	check_int(zone_page_state(normal, NR_FREE_PAGES), ==, free0 - pcp->batch);
	check_int(alloc_pages(m, GFP_KERNEL, 0), ==, first + 1);	/* ascending */
	for (int i = 2; i < pcp->batch; i++)
		alloc_pages(m, GFP_KERNEL, 0);
	check_int(pcp->count, ==, 0);
	alloc_pages(m, GFP_KERNEL, 0);
	check_int(pcp->count, ==, pcp->batch - 1);	/* refilled again */
	drain_all_pages(m);
	check_int(pcp->count, ==, 0);
	/* free high pages: at the high-th, batch of them go back */
	for (int i = 0; i < pcp->high; i++)
		pfns[i] = alloc_pages(m, GFP_KERNEL, 0);
	drain_all_pages(m);
	for (int i = 0; i < pcp->high - 1; i++)
		free_pages_checked(m, (unsigned long)pfns[i], 0);
	check_int(pcp->count, ==, pcp->high - 1);
	free_pages_checked(m, (unsigned long)pfns[pcp->high - 1], 0);
	check_int(pcp->count, ==, pcp->high - pcp->batch);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	free(pfns);
	machine_destroy(m);
}

/* GFP_HIGHUSER falls back HighMem -> Normal -> DMA as each fills up. */
static void test_fallback_and_exhaustion(void)
{
	struct machine *m = boot("i386", 128, 1, 1);	/* no highmem at 128 MiB */
	struct machine *h = boot("i386", 1024, 1, 1);
	long pfn;
	int seen[MAX_NR_ZONES] = { 0 }, n = 0;

	pfn = alloc_pages(m, GFP_HIGHUSER, 0);
	check_int(pfn_zone(m, (unsigned long)pfn)->type, ==, ZONE_NORMAL);
	while ((pfn = alloc_pages(h, GFP_HIGHUSER, 4)) >= 0) {
		enum zone_type t = pfn_zone(h, (unsigned long)pfn)->type;

		if (!seen[t])
			seen[t] = ++n;
	}
	/* first down to each low watermark in zonelist order, then down to min */
	check_int(seen[ZONE_HIGHMEM], ==, 1);
	check_int(seen[ZONE_NORMAL], ==, 2);
	check_int(seen[ZONE_DMA], ==, 3);
	check_int(pfn, ==, -ENOMEM);
	ok(strstr(h->err, "HighMem/0, Normal/0, DMA/0") != NULL, "error names the zonelist: %s",
	   h->err);
	check_int(check_machine(h, report, NULL, 10), ==, 0);
	machine_destroy(m);
	machine_destroy(h);
}

static void test_numa(void)
{
	struct machine *m = boot("x86_64", 8192, 2, 2);
	long pfn;

	check_int(zone_of(m, 0, ZONE_DMA32)->present_pages, ==, (1L << 20) - 4096);
	check_int(populated_zone(zone_of(m, 0, ZONE_NORMAL)), ==, 0);
	check_int(zone_of(m, 1, ZONE_NORMAL)->spanned_pages, ==, 1L << 20);
	pfn = alloc_pages_node(m, 1, GFP_KERNEL, 0);
	check_int(pfn_zone(m, (unsigned long)pfn)->zone_pgdat->node_id, ==, 1);
	pfn = alloc_pages_node(m, 0, GFP_KERNEL, 0);
	check_int(pfn_zone(m, (unsigned long)pfn)->type, ==, ZONE_DMA32);
	check_int(alloc_pages_node(m, 2, GFP_KERNEL, 0), ==, -EINVAL);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/*
 * free_pages_checked() refuses pfn with err and a sentence containing
 * `owner`, and nothing changes: the frame's struct page, the free frames,
 * and the checker stays clean.
 */
static void refused(struct machine *m, unsigned long pfn, unsigned order, int err,
		    const char *owner)
{
	struct page before = m->mem_map[pfn];
	long free_before = free_frames(m);

	check_int(free_pages_checked(m, pfn, order), ==, err);
	ok(strstr(m->err, owner) != NULL, "%s: pfn 0x%lx: \"%s\" names %s", m->arch->name, pfn,
	   m->err, owner);
	ok(memcmp(&before, &m->mem_map[pfn], sizeof(before)) == 0 && free_frames(m) == free_before,
	   "%s: pfn 0x%lx unchanged", m->arch->name, pfn);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
}

static unsigned long user_pfn(struct machine *m, unsigned long addr, enum access_type type)
{
	struct fault_info fi;
	unsigned long pfn = 0;

	if (user_access(m, addr, type, &pfn, &fi) < 0)
		diag("access 0x%lx: %s", addr, m->err);
	return pfn;
}

static unsigned long pte_table_of(struct machine *m, struct mm_struct *mm, unsigned long addr)
{
	unsigned idx;
	long t = pte_lookup(m, mm, addr, &idx);

	return t < 0 ? 0 : (unsigned long)t;
}

/* What a process owns: its page tables, file pages, anonymous pages, and the zero page. */
static void test_owned_by_process(const char *arch)
{
	struct machine *m = boot(arch, 256, 1, 1);
	struct exec_opts o = { 0 };
	struct task_struct *t = find_task(m, do_execve(m, "cat", &o));
	struct mm_struct *mm = t->mm;
	unsigned long text = mm->mmap->vm_start, anon, file_pfn, anon_pfn, zero;
	long a = do_mmap(m, mm, 0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);
	char want[64];

	anon = (unsigned long)a;
	file_pfn = user_pfn(m, text, ACCESS_READ);
	anon_pfn = user_pfn(m, anon, ACCESS_WRITE);
	zero = user_pfn(m, anon + PAGE_SIZE, ACCESS_READ);
	check_int(zero, ==, m->zero_pfn);
	snprintf(want, sizeof(want), "(the pgd of pid %d)", t->pid);
	refused(m, mm->pgd, 0, -EBUSY, want);
	snprintf(want, sizeof(want), "(a pte table of pid %d)", t->pid);
	refused(m, pte_table_of(m, mm, text), 0, -EBUSY, want);
	refused(m, file_pfn, 0, -EBUSY, "in the page cache, mapped by pid");
	refused(m, anon_pfn, 0, -EBUSY, "is an anonymous page mapped by pid");
	check_int(do_fork(m, t), >, 0);
	refused(m, anon_pfn, 0, -EBUSY, "(and 1 more PTE)");
	refused(m, m->zero_pfn, 0, -EBUSY, "is the zero page");
	refused(m, m->init_mm->pgd, 0, -EBUSY, "swapper_pg_dir");
	refused(m, 0, 0, -EINVAL, "is reserved");
	refused(m, KERNEL_START_PFN, 0, -EINVAL, "the kernel image");
	machine_destroy(m);
}

/* A page swapped back in stays in the swap cache, and a cached file page outlives its mapping. */
static void test_owned_by_caches(void)
{
	struct machine *m = boot("i386", 256, 1, 1);
	struct exec_opts o = { 0 };
	struct task_struct *t = find_task(m, do_execve(m, "cat", &o));
	struct reclaim_stat st = { 0 };
	unsigned long text = t->mm->mmap->vm_start, pfn;
	long a = do_mmap(m, t->mm, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);

	check_int(swapon(m, 4 << 20, SWAP_PRIO_DEFAULT, NULL), ==, 0);
	user_pfn(m, (unsigned long)a, ACCESS_WRITE);
	check_int(swapout_range(m, t->mm, (unsigned long)a, (unsigned long)a + PAGE_SIZE, &st), ==,
		  0);
	pfn = user_pfn(m, (unsigned long)a, ACCESS_READ);
	ok(PageFlag(&m->mem_map[pfn], PG_swapcache), "the page read back is in the swap cache");
	refused(m, pfn, 0, -EBUSY, "is in the swap cache (slot");
	pfn = user_pfn(m, text, ACCESS_READ);
	check_int(do_munmap(m, t->mm, text, PAGE_SIZE), ==, 0);
	refused(m, pfn, 0, -EBUSY, "in the page cache, mapped by no process");
	machine_destroy(m);
}

/* A block from alloc_pages is freed only once kmap users, kmap_atomic and vmap let go. */
static void test_mapped_by_kernel(const char *arch)
{
	struct machine *m = boot(arch, 1024, 1, 1);
	long pfn = alloc_pages(m, GFP_HIGHUSER, 1);
	unsigned long tail = (unsigned long)pfn + 1, va, slot;

	check_int(pfn_highmem(m, tail), ==, m->arch->has_highmem);
	if (m->arch->has_highmem) {
		kmap(m, tail);
		refused(m, (unsigned long)pfn, 1, -EBUSY, "is mapped by kmap at");
		check_int(kmap_users(m, tail, &slot), ==, 1);
		kunmap(m, tail);
		check_int(kmap_users(m, tail, &slot), ==, 0);	/* mapped, no users: may go */
		va = kmap_atomic(m, tail);
		refused(m, (unsigned long)pfn, 1, -EBUSY, "is mapped by kmap_atomic at");
		kunmap_atomic(m, va);
	}
	va = vmap(m, &tail, 1, "test");
	refused(m, (unsigned long)pfn, 1, -EBUSY, "is mapped by vmap at");
	check_int(vunmap(m, va), ==, 0);
	check_int(free_pages_checked(m, (unsigned long)pfn, 1), ==, 0);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* buddyinfo of the whole machine: nr_free per order of every zone of every node. */
static unsigned long *buddyinfo_all(struct machine *m)
{
	size_t per_node = MAX_NR_ZONES * NR_PAGE_ORDERS;
	unsigned long *s = calloc((size_t)m->nr_nodes * per_node, sizeof(*s));

	for (int nid = 0; nid < m->nr_nodes; nid++)
		for (int t = 0; t < MAX_NR_ZONES; t++)
			snapshot(zone_of(m, nid, (enum zone_type)t),
				 s + (size_t)nid * per_node + (size_t)t * NR_PAGE_ORDERS);
	return s;
}

/* Populated zones whose free lists hold something: what a comparison covers. */
static int nonempty_zones(struct machine *m)
{
	struct zone *z;
	int n = 0;

	for_each_populated_zone(m, z)
		n += zone_page_state(z, NR_FREE_PAGES) > 0;
	return n;
}

/*
 * 100,000 random allocations and frees on every architecture, 1 GiB on two
 * nodes: on x86_64 node 0 holds DMA and DMA32 and node 1 DMA32 (Normal is
 * empty), so the final comparison takes every zone of every node, not one.
 */
static void test_random(const char *arch)
{
	struct machine *m = boot(arch, 1024, 2, 2);
	enum { SLOTS = 4096 };
	static long pfn[SLOTS];
	static unsigned order[SLOTS];
	static const gfp_t gfps[] = { GFP_KERNEL, GFP_HIGHUSER, GFP_DMA, GFP_ATOMIC, GFP_DMA32 };
	size_t bytes = (size_t)m->nr_nodes * MAX_NR_ZONES * NR_PAGE_ORDERS * sizeof(unsigned long);
	unsigned long bad = 0, *boot_free, *now;
	struct zone *z;
	int zones = 0;

	drain_all_pages(m);	/* boot's order-0 allocations left pages on the lists */
	boot_free = buddyinfo_all(m);
	for_each_populated_zone(m, z)
		zones++;
	ok(zones >= 3 && nonempty_zones(m) == zones, "%s: %d zones on %d nodes, each with free "
	   "blocks to compare", arch, zones, m->nr_nodes);
	for (int i = 0; i < SLOTS; i++)
		pfn[i] = -1;
	for (int i = 0; i < 100000; i++) {
		int s = (int)(machine_random(m) % SLOTS);

		m->cpu = (int)(machine_random(m) % 2);
		if (pfn[s] >= 0) {
			bad += free_pages_checked(m, (unsigned long)pfn[s], order[s]) != 0;
			pfn[s] = -1;
		} else {
			order[s] = (unsigned)(machine_random(m) % 5);
			pfn[s] = alloc_pages(m, gfps[machine_random(m) % 5], order[s]);
		}
		if (i % 10000 == 0)
			bad += check_machine(m, report, NULL, 10);
	}
	for (int i = 0; i < SLOTS; i++)
		if (pfn[i] >= 0)
			bad += free_pages_checked(m, (unsigned long)pfn[i], order[i]) != 0;
	drain_all_pages(m);
	bad += check_machine(m, report, NULL, 10);
	now = buddyinfo_all(m);
	check_int(bad, ==, 0);
	ok(memcmp(boot_free, now, bytes) == 0, "%s: freeing everything restores the boot "
	   "buddyinfo of every zone of every node", arch);
	free(boot_free);
	free(now);
	machine_destroy(m);
}

int main(void)
{
	test_boot_state();
	test_watermarks();
	test_split();
	test_512_serves_128();
	test_free_errors();
	test_pcp();
	test_fallback_and_exhaustion();
	test_numa();
	for (int i = 0; i < 4; i++)
		test_owned_by_process(arch_names[i]);
	test_owned_by_caches();
	test_mapped_by_kernel("i386");
	test_mapped_by_kernel("x86_64");
	test_random("i386");
	test_random("i386-pae");
	test_random("x86_64");
	test_random("x86_64-la57");
	return done_testing();
}
