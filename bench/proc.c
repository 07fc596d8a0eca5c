/*
 * bench/proc.c - the fault path and the TLB on a 4 GiB x86_64 machine:
 * minor faults per second while a process writes 1 GiB of fresh anonymous
 * memory (each page: TLB miss, walk, #PF, find_vma, a zeroed page, the PTE,
 * the retry), the time to give it all back (exit), and accesses per second
 * of a loop that always hits the TLB.  Goals: 5 million faults/s and 50
 * million TLB-hit accesses/s.  Times are the process's CPU time, so a busy
 * host does not skew them.  Prints figures; never fails on speed.
 */
#include <stdio.h>
#include <time.h>
#include "mm/machine.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "mm/sched.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);	/* CPU time: fair on a busy host */
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct machine *boot(void)
{
	struct machine_config cfg;

	machine_default_config(&cfg);
	cfg.arch = arch_by_name("x86_64");
	cfg.ram = 4ULL << 30;
	return machine_create(&cfg);
}

int main(void)
{
	struct machine *m = boot();
	struct exec_opts o = { 0 };
	struct fault_info fi;
	unsigned long len = 1UL << 30, pfn, pages = len >> PAGE_SHIFT, sink = 0;
	long addr;
	double t, faults, exit_ms, hits;
	long n = 0;

	if (!m || do_execve(m, "bench", &o) < 0)
		return 1;
	addr = do_mmap(m, current_task(m)->mm, 0, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);
	if (addr < 0)
		return 1;
	t = now();
	for (unsigned long a = (unsigned long)addr; a < (unsigned long)addr + len; a += PAGE_SIZE)
		if (user_access(m, a, ACCESS_WRITE, &pfn, &fi) < 0)
			return 1;
	faults = (double)pages / (now() - t);
	if (current_task(m)->min_flt != pages)
		return 1;
	t = now();
	for (int round = 0; round < 200; round++)
		for (unsigned long i = 0; i < 16; i++, n++) {
			user_access(m, (unsigned long)addr + i * PAGE_SIZE, ACCESS_READ, &pfn, &fi);
			sink += pfn;
		}
	t = now();
	for (n = 0; n < 50000000; n++) {
		user_access(m, (unsigned long)addr + (unsigned long)(n & 15) * PAGE_SIZE,
			    ACCESS_READ, &pfn, &fi);
		sink += pfn;
	}
	hits = (double)n / (now() - t);
	t = now();
	do_exit(m, current_task(m));
	exit_ms = (now() - t) * 1000;
	printf("proc: x86_64 4 GiB, 1 GiB of fresh anonymous memory written page by page "
	       "(CPU time)\n");
	printf("  minor faults per second           %12.0f  (goal 5000000)\n", faults);
	printf("  exit freeing 262144 pages (ms)    %12.1f\n", exit_ms);
	printf("  TLB-hit accesses per second       %12.0f  (goal 50000000)\n", hits);
	if (sink == 1)
		printf(" \n");
	machine_destroy(m);
	return 0;
}
