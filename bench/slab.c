/*
 * bench/slab.c - slab allocator figures on a 16 GiB x86_64 machine:
 * kmalloc(64)+kfree pairs per second on the fast path (the CPU freelist),
 * a million live objects of random kmalloc sizes freed and reallocated in
 * random order (slabs made, going partial, freed), the host memory those
 * objects' bytes cost, and the time of the checker's slab rule.  Prints
 * figures; never fails on speed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "mm/machine.h"
#include "mm/slab.h"

#define LIVE 1000000L

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct machine *boot16(void)
{
	struct machine_config cfg;

	machine_default_config(&cfg);
	cfg.arch = arch_by_name("x86_64");
	cfg.ram = 16ULL << 30;
	return machine_create(&cfg);
}

static double fast_pairs(struct machine *m, long n)
{
	double t = now();

	for (long i = 0; i < n; i++)
		kfree(m, kmalloc(m, 64, GFP_KERNEL));
	return (double)n / (now() - t);
}

static unsigned long random_size(struct machine *m)
{
	return 8 + machine_random(m) % 1017;		/* kmalloc-8 .. kmalloc-1k */
}

/* Fills LIVE objects, then frees and reallocates random ones n times. */
static double random_pairs(struct machine *m, unsigned long *addr, long n)
{
	double t;

	for (long i = 0; i < LIVE; i++)
		addr[i] = kmalloc(m, random_size(m), GFP_KERNEL);
	t = now();
	for (long i = 0; i < n; i++) {
		long k = (long)(machine_random(m) % LIVE);

		kfree(m, addr[k]);
		addr[k] = kmalloc(m, random_size(m), GFP_KERNEL);
	}
	return (double)n / (now() - t);
}

static void count(void *ctx, const char *violation)
{
	(void)violation;
	(*(unsigned long *)ctx)++;
}

int main(void)
{
	struct machine *m = boot16();
	unsigned long *addr = malloc(LIVE * sizeof(*addr)), bad = 0, pages = 0;
	double t;

	if (!m || !addr)
		return 1;
	printf("slab: kmalloc(64)+kfree pairs on the CPU freelist: %.1f million/s\n",
	       fast_pairs(m, 5000000) / 1e6);
	printf("slab: random kfree+kmalloc (8..1024 bytes) among 1 million live objects: "
	       "%.1f million/s\n", random_pairs(m, addr, 2000000) / 1e6);
	for (int nid = 0; nid < m->nr_nodes; nid++)
		pages += slab_node_pages(m, nid, false);
	printf("slab: 1 million live objects hold %lu slab pages (%lu MiB of host memory for "
	       "their bytes)\n", pages, pages >> 8);
	t = now();
	slab_check(m, count, &bad);
	printf("slab: the checker's slab rule over them: %.1f ms, %lu violations\n",
	       (now() - t) * 1000, bad);
	free(addr);
	machine_destroy(m);
	return 0;
}
