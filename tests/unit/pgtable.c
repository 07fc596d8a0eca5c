/*
 * pgtable.c - page-table pages, entries, walks and the shared kernel part
 * on all four architectures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "mm/check.h"
#include "mm/machine.h"
#include "mm/mm_types.h"
#include "mm/pgtable.h"
#include "mm/sched.h"

static void report(void *ctx, const char *msg)
{
	(void)ctx;
	diag("violation: %s", msg);
}

static struct machine *boot(const char *arch, unsigned long long ram_mib)
{
	struct machine_config cfg;
	char err[MM_ERR_LEN];

	machine_default_config(&cfg);
	cfg.arch = arch_by_name(arch);
	cfg.ram = ram_mib << 20;
	if (machine_config_check(&cfg, err) < 0) {
		diag("bad config: %s", err);
		exit(1);
	}
	return machine_create(&cfg);
}

static long pagetables(const struct machine *m)
{
	long n = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++)
		n += mm_node_stat(m, nid, MM_NR_PAGETABLE);
	return n;
}

/* i386: 10/10/12, PS 4 MiB pages for the direct map beyond the first 4 MiB. */
static void test_i386_swapper(void)
{
	struct machine *m = boot("i386", 1024);
	unsigned long pgd = m->init_mm->pgd;
	struct pt_walk w;

	check_int(kernel_pgd_boundary(m), ==, 768);
	ok(PageFlag(pfn_to_page(m, pgd), PG_pgtable), "swapper_pg_dir is a page table");
	ok(PageFlag(pfn_to_page(m, pgd), PG_reserved), "in the kernel image's .bss");
	check_int(pagetables(m), ==, 0);
	pt_walk(m, pgd, 0xc0001234UL, &w);
	check_int(w.nr, ==, 2);
	check_int(w.step[0].idx, ==, 768);
	check_int(w.step[1].idx, ==, 1);
	ok(w.mapped, "the first 4 MiB are mapped");
	check_int(w.pfn, ==, 1);
	check_int(w.page_size, ==, 4096);
	check_int(w.step[1].entry & 0xfff, ==, 0x163);	/* P RW A D G */
	pt_walk(m, pgd, 0xc0801000UL, &w);
	check_int(w.nr, ==, 1);
	check_int(w.page_size, ==, 4UL << 20);
	check_int(w.pfn, ==, 0x801);
	ok(w.step[0].entry & _PAGE_PSE, "a 4 MiB PDE has PS");
	pt_walk(m, pgd, 0xc0000000UL + (896UL << 20), &w);
	ok(!w.mapped, "nothing beyond lowmem");
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* pgd_alloc shares the kernel part the architecture's way. */
static void test_pgd_alloc(const char *arch, unsigned boundary, int prealloc)
{
	struct machine *m = boot(arch, 1024);
	struct mm_struct *mm = mm_alloc(m);
	unsigned long swapper = m->init_mm->pgd;
	int same = 1, empty = 1;

	check_int(kernel_pgd_boundary(m), ==, boundary);
	check_int(pgd_alloc(m, mm), ==, 0);
	for (int i = (int)boundary; i < m->arch->ptrs[PT_PGD]; i++)
		same &= pt_get(m, mm->pgd, (unsigned)i) == pt_get(m, swapper, (unsigned)i);
	for (int i = prealloc ? (int)boundary : 0; i < (int)boundary; i++)
		empty &= pt_get(m, mm->pgd, (unsigned)i) == 0;
	ok(same, "%s: kernel entries %u.. are swapper_pg_dir's", arch, boundary);
	ok(empty, "%s: user entries are empty", arch);
	check_int(pagetables(m), ==, 1 + prealloc);
	if (prealloc)
		check_int(pt_get(m, mm->pgd, 0), ==, pfn_pte(pte_pfn(pt_get(m, mm->pgd, 0)),
							     _PAGE_PRESENT));
	mmput(m, mm);
	check_int(pagetables(m), ==, 0);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* The example: x86_64 0x00007ffff7a0d123 -> 255, 511, 445, 13, 0x123. */
static void test_x86_64_split(void)
{
	struct machine *m = boot("x86_64", 1024);
	struct mm_struct *mm = mm_alloc(m);
	unsigned long addr = 0x00007ffff7a0d123UL;
	unsigned idx;
	long table;
	struct pt_walk w;

	check_int(pgd_alloc(m, mm), ==, 0);
	table = pte_alloc(m, mm, addr, &idx);
	ok(table > 0, "pte_alloc made the tables");
	check_int(idx, ==, 13);
	check_int(pagetables(m), ==, 4);	/* pgd, pud, pmd, pte */
	check_int(mm->pgtables_bytes, ==, 4 * 4096);
	pt_set(m, (unsigned long)table, idx, pfn_pte(0x1234, _PAGE_PRESENT | _PAGE_USER));
	pt_walk(m, mm->pgd, addr, &w);
	check_int(w.nr, ==, 4);
	check_int(w.step[0].level, ==, PT_PGD);
	check_int(w.step[0].idx, ==, 255);
	check_int(w.step[1].level, ==, PT_PUD);
	check_int(w.step[1].idx, ==, 511);
	check_int(w.step[2].idx, ==, 445);
	check_int(w.step[3].idx, ==, 13);
	check_int(w.step[3].table_pfn, ==, table);
	ok(w.mapped && w.pfn == 0x1234, "reaches the frame");
	check_int(w.step[0].entry & 0xfff, ==, 0x067);	/* _PAGE_TABLE */
	pt_set(m, (unsigned long)table, idx, 0);
	free_pgd_range(m, mm, addr & PAGE_MASK, (addr & PAGE_MASK) + 4096, 0, 0);
	check_int(pagetables(m), ==, 1);	/* only the pgd is left */
	mmput(m, mm);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* free_pgd_range keeps tables that neighbouring VMAs (floor, ceiling) still need. */
static void test_free_floor_ceiling(void)
{
	struct machine *m = boot("i386", 256);
	struct mm_struct *mm = mm_alloc(m);
	unsigned idx;

	check_int(pgd_alloc(m, mm), ==, 0);
	ok(pte_alloc(m, mm, 0x08048000UL, &idx) > 0, "a PTE table for 0x08048000");
	check_int(pagetables(m), ==, 2);
	free_pgd_range(m, mm, 0x08049000UL, 0x0804a000UL, 0x08049000UL, 0x0804a000UL);
	check_int(pagetables(m), ==, 2);	/* the table spans 0x08000000-0x08400000 */
	free_pgd_range(m, mm, 0x08049000UL, 0x0804a000UL, 0, 0);
	check_int(pagetables(m), ==, 1);
	mmput(m, mm);
	machine_destroy(m);
}

/* A kernel table made after a pgd exists reaches it (arch_sync_kernel_mappings). */
static void test_kernel_sync(void)
{
	struct machine *m = boot("i386", 1024);
	struct mm_struct *mm = mm_alloc(m);
	unsigned long vaddr = 0xf8800000UL;	/* VMALLOC_START for 896 MiB lowmem */
	unsigned idx;

	check_int(pgd_alloc(m, mm), ==, 0);
	check_int(pt_get(m, mm->pgd, vaddr >> 22), ==, 0);
	ok(pte_alloc(m, m->init_mm, vaddr, &idx) > 0, "a kernel PTE table");
	ok(pt_get(m, mm->pgd, vaddr >> 22) == pt_get(m, m->init_mm->pgd, vaddr >> 22) &&
	   pt_get(m, mm->pgd, vaddr >> 22) != 0, "copied into the process's pgd");
	ok(!(pt_get(m, mm->pgd, vaddr >> 22) & _PAGE_USER), "a kernel entry: no US bit");
	mmput(m, mm);
	machine_destroy(m);
}

static void test_direct_map_sizes(void)
{
	struct machine *m = boot("x86_64", 4096);
	struct pt_walk w;

	pt_walk(m, m->init_mm->pgd, 0xffff888000000000UL + (3UL << 30), &w);
	check_int(w.page_size, ==, 1UL << 30);
	check_int(w.step[0].idx, ==, 273);
	pt_walk(m, m->init_mm->pgd, 0xffff888000000000UL + (4UL << 20), &w);
	check_int(w.page_size, ==, 2UL << 20);
	pt_walk(m, m->init_mm->pgd, 0xffff888000000000UL + 4096, &w);
	check_int(w.page_size, ==, 4096);
	machine_destroy(m);
	m = boot("x86_64-la57", 1024);
	pt_walk(m, m->init_mm->pgd, 0xff11000000000000UL + (5UL << 20), &w);
	check_int(w.nr, ==, 4);		/* pgd p4d pud pmd(PS) */
	check_int(w.step[1].level, ==, PT_P4D);
	check_int(w.page_size, ==, 2UL << 20);
	machine_destroy(m);
}

static void test_bits_str(void)
{
	struct machine *m = boot("i386-pae", 1024);
	char buf[64];

	pte_bits_str(m, _PAGE_PRESENT | _PAGE_RW | _PAGE_USER | _PAGE_ACCESSED | _PAGE_DIRTY |
		     _PAGE_NX, buf, sizeof(buf));
	check_str(buf, "P RW US A D NX");
	pte_bits_str(m, 0, buf, sizeof(buf));
	check_str(buf, "-");
	machine_destroy(m);
}

int main(void)
{
	test_i386_swapper();
	test_pgd_alloc("i386", 768, 0);
	test_pgd_alloc("i386-pae", 3, 3);
	test_pgd_alloc("x86_64", 273, 0);
	test_pgd_alloc("x86_64-la57", 273, 0);
	test_x86_64_split();
	test_free_floor_ceiling();
	test_kernel_sync();
	test_direct_map_sizes();
	test_bits_str();
	return done_testing();
}
