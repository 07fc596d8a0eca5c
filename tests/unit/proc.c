/*
 * proc.c - processes and the fault path: exact frame accounting, the zero
 * page, copy-on-write, exit, shared file mappings, mprotect and brk, on
 * all four architectures.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "frames.h"
#include "mm/check.h"
#include "mm/filemap.h"
#include "mm/machine.h"
#include "mm/malloc.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "mm/oom_kill.h"
#include "mm/page_alloc.h"
#include "mm/pgtable.h"
#include "mm/sched.h"
#include "mm/slab.h"
#include "mm/tlb.h"

static const char *const archs[] = { "i386", "i386-pae", "x86_64", "x86_64-la57" };

static void report(void *ctx, const char *msg)
{
	(void)ctx;
	diag("violation: %s", msg);
}

/* For checks that must find something: counts without printing. */
static void quiet(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
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

/*
 * kmem_cache_shrink() of every cache: the empty slabs that processes left
 * in the task_struct, mm_struct, vm_area_struct... caches go back to the
 * buddy allocator.
 */
static void shrink_slab_caches(struct machine *m)
{
	for (struct kmem_cache *s = m->slab->slab_caches; s; s = s->next)
		kmem_cache_shrink(m, s);
}

static long node_total(const struct machine *m, enum mm_node_stat i)
{
	long n = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++)
		n += mm_node_stat(m, nid, i);
	return n;
}

static int touch(struct machine *m, unsigned long addr, unsigned long len, enum access_type t)
{
	struct fault_info fi;
	unsigned long pfn;

	for (unsigned long a = addr; a < addr + len; a += PAGE_SIZE)
		if (user_access(m, a, t, &pfn, &fi) < 0)
			return -1;
	return 0;
}

static unsigned long pte_of(struct machine *m, struct mm_struct *mm, unsigned long addr)
{
	unsigned idx;
	long table = pte_lookup(m, mm, addr, &idx);

	return table < 0 ? 0 : (unsigned long)pt_get(m, (unsigned long)table, idx);
}

/* Touching N fresh pages costs N minor faults, N frames and the tables; again: nothing. */
static void test_fault_cost(const char *arch, long tables)
{
	struct machine *m = boot(arch, 1024);
	struct exec_opts o = { 0 };
	struct malloc_result r;
	struct task_struct *t;
	long before;

	check_int(do_execve(m, "app", &o), ==, 1);
	t = current_task(m);
	check_int(user_malloc(m, t->mm, 64 * 1024, &r), ==, 0);
	before = free_frames(m);
	check_int(touch(m, page_align(r.ptr), 16 * PAGE_SIZE, ACCESS_WRITE), ==, 0);
	check_int(t->min_flt, ==, 16);
	check_int(m->vm_events[PGFAULT], ==, 16);
	check_int(before - free_frames(m), ==, 16 + tables);
	check_int(node_total(m, MM_NR_PAGETABLE) - (long)(t->mm->pgtables_bytes >> 12), ==, 0);
	check_int(node_total(m, MM_NR_ANON_MAPPED), ==, 16);
	before = free_frames(m);
	check_int(touch(m, page_align(r.ptr), 16 * PAGE_SIZE, ACCESS_WRITE), ==, 0);
	check_int(t->min_flt, ==, 16);
	check_int(free_frames(m), ==, before);
	ok(m->tlb[0].hits >= 16, "%s: the second pass hits the TLB", arch);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* A read maps the zero page read-only; a write then gets a page of its own. */
static void test_zero_page(void)
{
	struct machine *m = boot("i386", 1024);
	struct exec_opts o = { 0 };
	struct fault_info fi;
	uint64_t v = 99;
	long before;

	do_execve(m, "app", &o);
	check_int(do_mmap(m, current_task(m)->mm, 0x40000000, 8192, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0), ==, 0x40000000);
	before = free_frames(m);
	check_int(user_read64(m, 0x40000000, &v, &fi), ==, 0);
	check_int(v, ==, 0);
	check_int(pte_pfn(pte_of(m, current_task(m)->mm, 0x40000000)), ==, m->zero_pfn);
	ok(!(pte_of(m, current_task(m)->mm, 0x40000000) & _PAGE_RW), "zero page read-only");
	check_int(before - free_frames(m), ==, 1);	/* only the PTE table */
	check_int(user_write64(m, 0x40000000, 5, &fi), ==, 0);
	ok(pte_pfn(pte_of(m, current_task(m)->mm, 0x40000000)) != m->zero_pfn, "write copied");
	check_int(before - free_frames(m), ==, 2);
	check_int(user_read64(m, 0x40000000, &v, &fi), ==, 0);
	check_int(v, ==, 5);
	ok(page_data(m, m->zero_pfn) == NULL, "the zero page stays zero");
	check_int(current_task(m)->min_flt, ==, 2);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* After fork, a write in the child leaves the parent's value intact. */
static void test_fork_cow(const char *arch)
{
	struct machine *m = boot(arch, 1024);
	struct exec_opts o = { 0 };
	struct fault_info fi;
	struct task_struct *parent, *child;
	unsigned long addr;
	uint64_t v;

	do_execve(m, "app", &o);
	parent = current_task(m);
	addr = (unsigned long)do_mmap(m, parent->mm, 0, 4096, PROT_READ | PROT_WRITE,
				      MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);
	check_int(user_write64(m, addr, 7, &fi), ==, 0);
	child = find_task(m, do_fork(m, parent));
	ok(child != NULL, "%s: forked", arch);
	check_int(pfn_to_page(m, pte_pfn(pte_of(m, parent->mm, addr)))->_mapcount, ==, 1);
	ok(!(pte_of(m, parent->mm, addr) & _PAGE_RW), "%s: parent write-protected", arch);
	switch_to(m, child);
	check_int(user_read64(m, addr, &v, &fi), ==, 0);
	check_int(v, ==, 7);
	check_int(user_write64(m, addr, 42, &fi), ==, 0);
	switch_to(m, parent);
	check_int(user_read64(m, addr, &v, &fi), ==, 0);
	check_int(v, ==, 7);
	switch_to(m, child);
	check_int(user_read64(m, addr, &v, &fi), ==, 0);
	check_int(v, ==, 42);
	ok(pte_pfn(pte_of(m, parent->mm, addr)) != pte_pfn(pte_of(m, child->mm, addr)),
	   "%s: two frames now", arch);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

static void buddy_snapshot(const struct machine *m, unsigned long *out)
{
	struct zone *z;
	int i = 0;

	for_each_populated_zone(m, z)
		for (int o = 0; o < NR_PAGE_ORDERS; o++)
			out[i++] = z->free_area[o].nr_free;
}

/* Killing every process returns buddyinfo to what it was (per-CPU lists drained). */
static void test_kill_restores(const char *arch)
{
	struct machine *m = boot(arch, 512);
	unsigned long before[MAX_NR_ZONES * NR_PAGE_ORDERS] = { 0 }, after[MAX_NR_ZONES * NR_PAGE_ORDERS] = { 0 };
	struct exec_opts o = { .libs = "libc,ld.so" };
	struct malloc_result r;
	struct fault_info fi;

	drain_all_pages(m);
	buddy_snapshot(m, before);
	for (int i = 0; i < 3; i++) {
		struct task_struct *t;

		do_execve(m, "app", &o);
		t = current_task(m);
		user_malloc(m, t->mm, 300000, &r);
		touch(m, r.ptr, 300000, ACCESS_WRITE);
		user_malloc(m, t->mm, 1000, &r);
		user_write64(m, r.ptr & ~7UL, 1, &fi);
		touch(m, t->mm->start_code, 8192, ACCESS_EXEC);
		do_fork(m, t);
	}
	while (m->tasks)
		do_exit(m, m->tasks);
	drop_pagecache(m);
	shrink_slab_caches(m);
	drain_all_pages(m);
	buddy_snapshot(m, after);
	ok(memcmp(before, after, sizeof(before)) == 0, "%s: buddyinfo is back once the caches "
	   "are shrunk", arch);
	check_int(node_total(m, MM_NR_PAGETABLE), ==, 0);
	check_int(node_total(m, MM_NR_ANON_MAPPED), ==, 0);
	check_int(node_total(m, MM_NR_FILE_PAGES), ==, 0);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* Two processes mapping one file shared see each other's writes in one frame. */
static void test_shared_file(void)
{
	struct machine *m = boot("x86_64", 1024);
	struct exec_opts o = { 0 };
	struct sim_file *f = file_create(m, "/data/f", 8192);
	struct fault_info fi;
	struct task_struct *a, *b;
	uint64_t v;

	do_execve(m, "a", &o);
	a = current_task(m);
	check_int(do_mmap(m, a->mm, 0x10000000, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, f, 0),
		  ==, 0x10000000);
	do_execve(m, "b", &o);
	b = current_task(m);
	check_int(do_mmap(m, b->mm, 0x20000000, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, f, 0),
		  ==, 0x20000000);
	check_int(user_write64(m, 0x20001000, 77, &fi), ==, 0);
	check_int(b->maj_flt, ==, 1);
	switch_to(m, a);
	check_int(user_read64(m, 0x10001000, &v, &fi), ==, 0);
	check_int(v, ==, 77);
	check_int(a->maj_flt, ==, 0);		/* already cached: minor */
	check_int(pte_pfn(pte_of(m, a->mm, 0x10001000)), ==, pte_pfn(pte_of(m, b->mm, 0x20001000)));
	check_int(f->nr_dirty, ==, 1);
	check_int(do_munmap(m, b->mm, 0x20000000, 8192), ==, 0);
	check_int(f->nr_dirty, ==, 0);		/* munmap wrote it back */
	ok(!(pte_of(m, a->mm, 0x10001000) & _PAGE_RW), "the other mapper is write-protected");
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* mprotect splits into three and merges back into one. */
static void test_mprotect_split_merge(void)
{
	struct machine *m = boot("i386", 256);
	struct exec_opts o = { 0 };
	struct mm_struct *mm;
	int before;

	do_execve(m, "app", &o);
	mm = current_task(m)->mm;
	do_mmap(m, mm, 0x40000000, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		NULL, 0);
	before = mm->map_count;
	check_int(do_mprotect(m, mm, 0x40001000, 4096, PROT_READ), ==, 0);
	check_int(mm->map_count, ==, before + 2);
	check_int(do_mprotect(m, mm, 0x40001000, 4096, PROT_READ | PROT_WRITE), ==, 0);
	check_int(mm->map_count, ==, before);
	check_int(do_mprotect(m, mm, 0x40000000, 5 * 4096, PROT_READ), ==, -ENOMEM);
	check_int(mm->map_count, ==, before);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* A fault the process cannot survive kills it and releases everything. */
static void test_segv(void)
{
	struct machine *m = boot("i386", 256);
	struct exec_opts o = { 0 };
	struct fault_info fi;
	unsigned long pfn;
	long before = free_frames(m);

	do_execve(m, "app", &o);
	check_int(user_access(m, 0x08048000, ACCESS_WRITE, &pfn, &fi), ==, -EFAULT);
	check_int(fi.signo, ==, FI_SIGSEGV);
	check_int(fi.si_code, ==, FI_SEGV_ACCERR);
	check_int(fi.error_code, ==, X86_PF_USER | X86_PF_WRITE);
	ok(strstr(fi.log, "app[1]: segfault at 8048000 ip 08048000") == fi.log, "the log line");
	ok(m->tasks == NULL && current_task(m) == NULL, "the process is gone");
	shrink_slab_caches(m);
	check_int(free_frames(m), ==, before);
	do_execve(m, "app", &o);
	check_int(user_access(m, 0xc0000000, ACCESS_READ, &pfn, &fi), ==, -EFAULT);
	check_int(fi.si_code, ==, FI_SEGV_MAPERR);
	check_int(fi.error_code, ==, X86_PF_USER | X86_PF_PROT);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* Global kernel entries survive a CR3 load; user entries do not (no PCID). */
static void test_tlb_switch(void)
{
	struct machine *m = boot("i386", 256);
	struct exec_opts o = { 0 };
	struct fault_info fi;
	struct task_struct *a, *b;
	unsigned long pfn;

	do_execve(m, "a", &o);
	a = current_task(m);
	check_int(mmu_access(m, 0xc0001000, ACCESS_READ, 0, &pfn, &fi), ==, 0);
	check_int(pfn, ==, 1);
	check_int(touch(m, 0xbffff000, 4096, ACCESS_WRITE), ==, 0);
	ok(tlb_probe(&m->tlb[0], 0xc0001000, 12) != NULL, "kernel entry cached");
	ok(tlb_probe(&m->tlb[0], 0xbffff000, 12) != NULL, "user entry cached");
	do_execve(m, "b", &o);
	b = current_task(m);
	ok(tlb_probe(&m->tlb[0], 0xc0001000, 12) != NULL, "the global entry survives CR3");
	ok(tlb_probe(&m->tlb[0], 0xbffff000, 12) == NULL, "the user entry does not");
	(void)a;
	(void)b;
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* ---- the processes' own slab objects ---------------------------------------------- */

/* Objects of s in use (one CPU: every free object of the CPU slab is on CPU 0's freelist). */
static long inuse(const struct machine *m, const struct kmem_cache *s)
{
	struct slabinfo info;

	get_slabinfo(m, s, &info);
	return (long)info.active_objs - (long)cpu_freelist_count(m, s, 0);
}

static long vmas_of_all(const struct machine *m)
{
	long n = 0;

	for (const struct task_struct *t = m->tasks; t; t = t->next)
		n += t->mm->map_count;
	return n;
}

/* Every task object, mm and VMA lies in its cache; the caches count exactly them. */
static bool objects_match(const struct machine *m, long tasks)
{
	const struct slab_allocator *sa = m->slab;
	struct kmem_cache *const caches[NR_TASK_OBJS] = {
		sa->task_struct_cachep, sa->cred_jar, sa->files_cachep, sa->fs_cachep,
		sa->sighand_cachep, sa->signal_cachep, sa->pid_cachep,
	};
	bool good = inuse(m, sa->mm_cachep) == tasks && inuse(m, sa->vm_area_cachep) == vmas_of_all(m);

	for (int i = 0; i < NR_TASK_OBJS; i++)
		good = good && inuse(m, caches[i]) == tasks;
	for (const struct task_struct *t = m->tasks; t; t = t->next) {
		for (int i = 0; i < NR_TASK_OBJS; i++)
			good = good && virt_to_cache(m, t->kobj[i]) == caches[i];
		good = good && virt_to_cache(m, t->mm->kaddr) == sa->mm_cachep;
		for (const struct vm_area_struct *v = t->mm->mmap; v; v = v->vm_next)
			good = good && virt_to_cache(m, v->kaddr) == sa->vm_area_cachep;
	}
	return good;
}

/* Counts kmem_cache_alloc events of the vm_area_struct cache. */
static void count_vma_allocs(struct machine *m, const struct mm_event *ev, void *ctx)
{
	if (ev->type == EV_KMEM_CACHE_ALLOC && ev->cache == m->slab->vm_area_cachep)
		++*(int *)ctx;
}

static void test_slab_objects(const char *arch)
{
	struct machine *m = boot(arch, 512);
	struct exec_opts o = { .libs = "libc,ld.so" };
	struct task_struct *t;
	unsigned long heap, leak;
	int child, handle, allocs = 0;

	ok(objects_match(m, 0), "%s: boot allocates no process object", arch);
	check_int(do_execve(m, "app", &o), ==, 1);
	t = current_task(m);
	check_int(inuse(m, m->slab->vm_area_cachep), ==, 7);
	ok(objects_match(m, 1), "%s: exec: one of each, a vm_area_struct per VMA", arch);
	child = do_fork(m, t);
	check_int(inuse(m, m->slab->vm_area_cachep), ==, 14);
	ok(objects_match(m, 2), "%s: fork doubles them", arch);
	heap = (unsigned long)do_brk(m, t->mm, t->mm->brk + 4 * PAGE_SIZE) - 4 * PAGE_SIZE;
	check_int(t->mm->map_count, ==, 8);
	handle = event_subscribe(&m->events, count_vma_allocs, &allocs);
	check_int(do_brk(m, t->mm, t->mm->brk + PAGE_SIZE) > 0, ==, 1);
	event_unsubscribe(&m->events, handle);
	check_int(t->mm->map_count, ==, 8);
	ok(allocs == 0 && objects_match(m, 2), "%s: the heap grows in place: no vm_area_struct "
	   "taken (%d)", arch, allocs);
	check_int(do_mprotect(m, t->mm, heap + PAGE_SIZE, PAGE_SIZE, PROT_READ), ==, 0);
	check_int(t->mm->map_count, ==, 10);
	ok(objects_match(m, 2), "%s: a split takes two more", arch);
	check_int(do_mprotect(m, t->mm, heap + PAGE_SIZE, PAGE_SIZE, PROT_READ | PROT_WRITE), ==, 0);
	check_int(do_munmap(m, t->mm, heap, 5 * PAGE_SIZE), ==, 0);
	check_int(t->mm->map_count, ==, 7);
	ok(objects_match(m, 2), "%s: the merge and munmap give them back", arch);
	do_exit(m, find_task(m, child));
	do_exit(m, t);
	ok(objects_match(m, 0), "%s: exit frees every object", arch);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	leak = kmem_cache_alloc(m, m->slab->vm_area_cachep);
	ok(check_machine(m, quiet, NULL, 10) > 0, "%s: check finds a vm_area_struct no VMA holds",
	   arch);
	kmem_cache_free(m, m->slab->vm_area_cachep, leak);
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

/* Fills memory with kernel pages that nothing reclaims, until GFP_NOWAIT fails. */
static void exhaust(struct machine *m)
{
	while (alloc_pages(m, GFP_NOWAIT, 0) >= 0)
		;
}

/*
 * No frame for a new slab, and nobody the OOM killer may choose: exec and
 * fork fail and leave nothing behind.
 */
static void test_slab_exhausted(void)
{
	struct machine *m = boot("i386", 64);
	struct exec_opts o = { 0 };
	struct task_struct *t;
	long before;

	check_int(do_execve(m, "app", &o), ==, 1);
	t = current_task(m);
	check_int(set_oom_score_adj(m, t, OOM_SCORE_ADJ_MIN), ==, 0);
	exhaust(m);
	before = free_frames(m);
	check_int(do_fork(m, t) < 0, ==, 1);
	ok(strstr(m->err, "out of memory") != NULL, "fork: %s", m->err);
	check_int(free_frames(m), ==, before);
	ok(objects_match(m, 1) && m->tasks == t && !t->next, "fork left nothing behind");
	check_int(do_execve(m, "other", &o) < 0, ==, 1);
	check_int(free_frames(m), ==, before);
	ok(objects_match(m, 1) && m->tasks == t && !t->next, "exec left nothing behind");
	check_int(check_machine(m, report, NULL, 10), ==, 0);
	machine_destroy(m);
}

int main(void)
{
	test_fault_cost("i386", 1);
	test_fault_cost("i386-pae", 1);
	test_fault_cost("x86_64", 3);
	test_fault_cost("x86_64-la57", 4);
	test_zero_page();
	for (size_t i = 0; i < sizeof(archs) / sizeof(archs[0]); i++) {
		test_fork_cow(archs[i]);
		test_kill_restores(archs[i]);
		test_slab_objects(archs[i]);
	}
	test_slab_exhausted();
	test_shared_file();
	test_mprotect_split_merge();
	test_segv();
	test_tlb_switch();
	return done_testing();
}
