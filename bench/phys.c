/*
 * bench/phys.c - physical memory figures for a 16 GiB x86_64 machine:
 * boot time, host bytes per simulated frame, order-0 alloc+free pairs per
 * second through the per-CPU lists, and mixed-order (1..4) pairs per second
 * through the buddy lists.  Prints figures; never fails on speed.
 */
#include <stdio.h>
#include <time.h>
#include "mm/machine.h"
#include "mm/page_alloc.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct machine *boot16(double *ms)
{
	struct machine_config cfg;
	struct machine *m;
	double t;

	machine_default_config(&cfg);
	cfg.arch = arch_by_name("x86_64");
	cfg.ram = 16ULL << 30;
	t = now();
	m = machine_create(&cfg);
	*ms = (now() - t) * 1000;
	return m;
}

static double order0_pairs(struct machine *m, long n)
{
	double t = now();

	for (long i = 0; i < n; i++) {
		long pfn = alloc_pages(m, GFP_KERNEL, 0);

		__free_pages(m, (unsigned long)pfn, 0);
	}
	return (double)n / (now() - t);
}

static double mixed_pairs(struct machine *m, long n)
{
	enum { SLOTS = 1024 };
	static long pfn[SLOTS];
	static unsigned order[SLOTS];
	long pairs = 0;
	double t;

	for (int i = 0; i < SLOTS; i++) {
		order[i] = 1 + (unsigned)(machine_random(m) % 4);
		pfn[i] = alloc_pages(m, GFP_KERNEL, order[i]);
	}
	t = now();
	for (long i = 0; i < n; i++) {
		int s = (int)(machine_random(m) % SLOTS);

		__free_pages(m, (unsigned long)pfn[s], order[s]);
		order[s] = 1 + (unsigned)(machine_random(m) % 4);
		pfn[s] = alloc_pages(m, GFP_KERNEL, order[s]);
		pairs++;
	}
	return (double)pairs / (now() - t);
}

int main(void)
{
	double best = 1e9, ms;
	struct machine *m = NULL;

	for (int i = 0; i < 5; i++) {
		machine_destroy(m);
		m = boot16(&ms);
		best = ms < best ? ms : best;
	}
	printf("phys: boot of a 16 GiB x86_64 machine: %.1f ms (best of 5; goal < 100 ms)\n", best);
	printf("phys: host bytes per simulated frame: %zu (struct page; goal <= 48)\n",
	       sizeof(struct page));
	printf("phys: order-0 alloc+free pairs through the pcp lists: %.1f million/s "
	       "(goal >= 20)\n", order0_pairs(m, 50000000) / 1e6);
	printf("phys: order 1..4 alloc+free pairs through the buddy lists: %.1f million/s\n",
	       mixed_pairs(m, 10000000) / 1e6);
	machine_destroy(m);
	return 0;
}
