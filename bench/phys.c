/*
 * bench/phys.c - physical memory figures for a 16 GiB x86_64 machine:
 * boot time; host bytes per simulated frame, without swap and with it;
 * order-0 alloc+free pairs per second through the per-CPU lists; and
 * mixed-order pairs per second, orders 0..4 (the order-0 share through
 * the per-CPU lists) and orders 1..4 (the buddy lists alone).  Prints
 * figures; never fails on speed.
 *
 * Bytes per frame are measured, not summed from sizeof: the host heap a
 * 16 GiB machine holds after boot, less what an 8 GiB one holds, over the
 * frames it has more.  Fixed costs cancel out (the swap map too, since
 * both machines get the same swap area), and every per-frame array counts:
 * mem_map, the zone section table, and with swap on the swap cache's
 * entry per frame.
 */
#include <stdio.h>
#include <time.h>
#include "mm/machine.h"
#include "mm/page_alloc.h"

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#include <malloc.h>
#define HAVE_MALLINFO2 1
#endif

#define BENCH_SWAP	(64ULL << 20)

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void x86_64_config(struct machine_config *cfg, unsigned long long ram,
			  unsigned long long swap)
{
	machine_default_config(cfg);
	cfg->arch = arch_by_name("x86_64");
	cfg->ram = ram;
	cfg->swap = swap;
}

static struct machine *boot16(double *ms)
{
	struct machine_config cfg;
	struct machine *m;
	double t;

	x86_64_config(&cfg, 16ULL << 30, 0);
	t = now();
	m = machine_create(&cfg);
	*ms = (now() - t) * 1000;
	return m;
}

#ifdef HAVE_MALLINFO2
/* Host heap bytes in use: chunks of the arena plus mmap'ed blocks. */
static size_t heap_bytes(void)
{
	struct mallinfo2 mi = mallinfo2();

	return mi.uordblks + mi.hblkhd;
}

/* The host bytes a machine holds right after boot; *frames gets its max_pfn. */
static size_t machine_bytes(unsigned long long ram, unsigned long long swap,
			    unsigned long *frames)
{
	struct machine_config cfg;
	struct machine *m;
	size_t before = heap_bytes(), after;

	x86_64_config(&cfg, ram, swap);
	m = machine_create(&cfg);
	after = heap_bytes();
	*frames = m->max_pfn;
	machine_destroy(m);
	return after - before;
}

/* Host bytes per simulated frame: the growth from 8 to 16 GiB, per frame added. */
static double bytes_per_frame(unsigned long long swap)
{
	unsigned long f8, f16;
	size_t b8 = machine_bytes(8ULL << 30, swap, &f8);
	size_t b16 = machine_bytes(16ULL << 30, swap, &f16);

	return (double)(b16 - b8) / (double)(f16 - f8);
}

static void print_bytes_per_frame(void)
{
	printf("phys: host bytes per simulated frame: %.1f without swap, %.1f with swap on "
	       "(measured: heap growth from 8 to 16 GiB per frame; struct page is %zu; "
	       "goal <= 48)\n", bytes_per_frame(0), bytes_per_frame(BENCH_SWAP),
	       sizeof(struct page));
}
#else
static void print_bytes_per_frame(void)
{
	printf("phys: host bytes per simulated frame: not measured (needs glibc's mallinfo2); "
	       "struct page is %zu\n", sizeof(struct page));
}
#endif

static double order0_pairs(struct machine *m, long n)
{
	double t = now();

	for (long i = 0; i < n; i++) {
		long pfn = alloc_pages(m, GFP_KERNEL, 0);

		__free_pages(m, (unsigned long)pfn, 0);
	}
	return (double)n / (now() - t);
}

/* Random frees and allocations of orders lo..hi among 1,024 blocks held at once. */
static double mixed_pairs(struct machine *m, long n, unsigned lo, unsigned hi)
{
	enum { SLOTS = 1024 };
	static long pfn[SLOTS];
	static unsigned order[SLOTS];
	unsigned span = hi - lo + 1;
	double t;

	for (int i = 0; i < SLOTS; i++) {
		order[i] = lo + (unsigned)(machine_random(m) % span);
		pfn[i] = alloc_pages(m, GFP_KERNEL, order[i]);
	}
	t = now();
	for (long i = 0; i < n; i++) {
		int s = (int)(machine_random(m) % SLOTS);

		__free_pages(m, (unsigned long)pfn[s], order[s]);
		order[s] = lo + (unsigned)(machine_random(m) % span);
		pfn[s] = alloc_pages(m, GFP_KERNEL, order[s]);
	}
	t = (double)n / (now() - t);
	for (int i = 0; i < SLOTS; i++)
		__free_pages(m, (unsigned long)pfn[i], order[i]);
	return t;
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
	print_bytes_per_frame();
	printf("phys: order-0 alloc+free pairs through the pcp lists: %.1f million/s "
	       "(goal >= 20)\n", order0_pairs(m, 50000000) / 1e6);
	printf("phys: order 0..4 alloc+free pairs (order 0 through the pcp lists): %.1f "
	       "million/s\n", mixed_pairs(m, 10000000, 0, 4) / 1e6);
	printf("phys: order 1..4 alloc+free pairs through the buddy lists alone: %.1f "
	       "million/s\n", mixed_pairs(m, 10000000, 1, 4) / 1e6);
	machine_destroy(m);
	return 0;
}
