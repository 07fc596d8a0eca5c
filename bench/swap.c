/*
 * bench/swap.c - replay and swap throughput:
 *
 *   1. a synthetic valgrind lackey trace of 10 million references (code in
 *      loops, a stack, a heap with a hot set and a long tail; loads,
 *      stores, modifies) replayed through LRU with 1,024 frames, parsing
 *      included (goal: 20 million references per second);
 *   2. the same references as a pre-parsed page-id array straight into the
 *      LRU simulation (goal: 100 million per second);
 *   3. the live machine: a process that writes twice its RAM, then reads it
 *      all back, with swap: swap-outs plus swap-ins per second (goal: 1
 *      million per second).
 *
 * Prints figures; never fails on speed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "mm/machine.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "mm/replay.h"
#include "mm/sched.h"

#define NREFS 10000000UL

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* A heap page: 80% of accesses to 256 hot pages, the rest over 64K pages. */
static uint64_t heap_addr(uint64_t *s)
{
	uint64_t r = rnd(s);
	uint64_t page = r % 10 < 8 ? (r >> 8) % 256 : (r >> 8) % 65536;

	return 0x08100000ULL + page * 4096 + ((r >> 32) & 0xff8);
}

/* Writes NREFS references as lackey lines; returns the page ids as well. */
static FILE *make_trace(uint32_t **ids_out)
{
	FILE *f = tmpfile();
	uint32_t *ids = malloc(NREFS * sizeof(*ids));
	uint64_t s = 88172645463325252ULL, pc = 0x08048000, sp = 0xbffff000;
	unsigned long n = 0;

	while (n < NREFS) {
		uint64_t r = rnd(&s) % 100, a;

		pc = r < 3 ? 0x08048000 + (rnd(&s) % 96) * 4096 : pc + 4;	/* jumps, else next */
		if (pc >= 0x08048000 + 96 * 4096)
			pc = 0x08048000;
		fprintf(f, "I  %08llx,4\n", (unsigned long long)pc);
		ids[n++] = (uint32_t)(pc >> 12);
		if (n >= NREFS || r % 3)
			continue;			/* one instruction in three touches data */
		if (r < 40) {
			a = sp - (rnd(&s) % 8) * 4096 + (r << 3);
			fprintf(f, " %c %08llx,8\n", r < 20 ? 'L' : 'S', (unsigned long long)a);
			ids[n++] = (uint32_t)(a >> 12);
		} else if (r < 90 || n + 2 > NREFS) {
			a = heap_addr(&s);
			fprintf(f, " %c %08llx,8\n", r < 70 ? 'L' : 'S', (unsigned long long)a);
			ids[n++] = (uint32_t)(a >> 12);
		} else {
			a = heap_addr(&s);
			fprintf(f, " M %08llx,4\n", (unsigned long long)a);
			ids[n++] = (uint32_t)(a >> 12);
			ids[n++] = (uint32_t)(a >> 12);
		}
	}
	rewind(f);
	*ids_out = ids;
	return f;
}

/* Page numbers to dense ids, as the replay would give them. */
static uint32_t densify(uint32_t *ids, unsigned long n)
{
	uint32_t max = 0, next = 0, *map;

	for (unsigned long i = 0; i < n; i++)
		max = ids[i] > max ? ids[i] : max;
	map = malloc(((size_t)max + 1) * sizeof(*map));
	for (uint32_t i = 0; i <= max; i++)
		map[i] = UINT32_MAX;
	for (unsigned long i = 0; i < n; i++) {
		if (map[ids[i]] == UINT32_MAX)
			map[ids[i]] = next++;
		ids[i] = map[ids[i]];
	}
	free(map);
	return next;
}

static void bench_replay(struct machine *m)
{
	struct trace_source src = { .format = TRACE_LACKEY, .page_shift = 12 };
	struct replay_config cfg = { .policy = { POLICY_LRU }, .nr_policies = 1,
				     .frames = { 1024 }, .nr_frames = 1 };
	struct replay_result res, res2;
	struct replay_summary sum;
	struct replay_sim *sim;
	uint32_t *ids, distinct;
	double t, best = 1e9;

	src.f = make_trace(&ids);
	for (int i = 0; i < 3; i++) {
		rewind(src.f);
		t = now();
		if (replay_run(m, &src, &cfg, &res, &sum, NULL, NULL) < 0) {
			printf("replay failed: %s\n", m->err);
			return;
		}
		t = now() - t;
		best = t < best ? t : best;
	}
	printf("replay: lackey trace of %lu references (%lu lines, %lu pages), LRU 1024 frames, "
	       "parsing included: %.1f M refs/s (goal >= 20; %.2f s; %lu faults)\n", sum.refs,
	       sum.lines, sum.distinct, (double)sum.refs / best / 1e6, best, res.faults);
	fclose(src.f);
	distinct = densify(ids, NREFS);
	best = 1e9;
	for (int i = 0; i < 5; i++) {
		sim = replay_sim_create(m, POLICY_LRU, 1024);
		t = now();
		replay_sim_feed(sim, ids, NULL, NULL, NREFS, distinct);
		t = now() - t;
		best = t < best ? t : best;
		replay_sim_result(sim, &res2);
		replay_sim_destroy(sim);
	}
	printf("replay: pre-parsed page trace, LRU 1024 frames: %.1f M refs/s (goal >= 100; %.3f s; "
	       "%lu faults, %s the file's)\n", (double)NREFS / best / 1e6, best, res2.faults,
	       res2.faults == res.faults ? "the same as" : "NOT the same as");
	free(ids);
}

static void bench_live(void)
{
	struct machine_config cfg;
	struct machine *m;
	struct exec_opts o = { 0 };
	struct fault_info fi;
	unsigned long pages, start, pfn, ops;
	double t;

	machine_default_config(&cfg);
	cfg.arch = arch_by_name("x86_64");
	cfg.ram = 256ULL << 20;
	cfg.swap = 1ULL << 30;
	m = machine_create(&cfg);
	do_execve(m, "bench", &o);
	pages = 2 * m->totalram_pages;
	start = (unsigned long)do_mmap(m, current_task(m)->mm, 0, pages * PAGE_SIZE,
				       PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);
	t = now();
	for (int pass = 0; pass < 4; pass++)
		for (unsigned long i = 0; i < pages; i++)
			user_access(m, start + i * PAGE_SIZE, pass ? ACCESS_READ : ACCESS_WRITE, &pfn,
				    &fi);
	t = now() - t;
	ops = m->vm_events[PSWPOUT] + m->vm_events[PSWPIN];
	printf("swap: a process writing then reading 2x its RAM (x86_64, 256 MiB, %lu pages, 4 "
	       "passes): %lu swap-outs + %lu swap-ins in %.2f s: %.2f M/s (goal >= 1; kswapd runs "
	       "%lu, major faults %lu)\n", pages, m->vm_events[PSWPOUT], m->vm_events[PSWPIN], t,
	       (double)ops / t / 1e6, m->vm_events[PAGEOUTRUN], m->vm_events[PGMAJFAULT]);
	machine_destroy(m);
}

int main(void)
{
	struct machine_config cfg;
	struct machine *m;

	machine_default_config(&cfg);
	m = machine_create(&cfg);
	bench_replay(m);
	machine_destroy(m);
	bench_live();
	return 0;
}
