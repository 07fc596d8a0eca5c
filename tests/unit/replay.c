/*
 * replay.c - the replacement policies on reference strings and traces:
 * Belady's anomaly, the textbook answers, properties on random strings,
 * write-backs, lackey and plain traces, opt across chunks.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "mm/machine.h"
#include "mm/replay.h"

static struct machine *m;

/* Faults of one policy and frame count on a refs= string; -1 on error. */
static long faults(const char *refs, enum reclaim_policy p, unsigned long frames)
{
	struct trace_source src = { .format = TRACE_REFS, .refs = refs };
	struct replay_config cfg = { .policy = { p }, .nr_policies = 1, .frames = { frames },
				     .nr_frames = 1 };
	struct replay_result r;
	struct replay_summary s;

	if (replay_run(m, &src, &cfg, &r, &s, NULL, NULL) < 0) {
		diag("replay: %s", m->err);
		return -1;
	}
	return (long)r.faults;
}

static void test_belady(void)
{
	const char *s = "1,2,3,4,1,2,5,1,2,3,4,5";

	check_int(faults(s, POLICY_FIFO, 3), ==, 9);
	check_int(faults(s, POLICY_FIFO, 4), ==, 10);	/* more frames, more faults */
	check_int(faults(s, POLICY_LRU, 3), ==, 10);
	check_int(faults(s, POLICY_LRU, 4), ==, 8);
	check_int(faults(s, POLICY_OPT, 3), ==, 7);
	check_int(faults(s, POLICY_OPT, 4), ==, 6);
}

/* Silberschatz's string: FIFO 15, LRU 12, OPT 9 with three frames. */
static void test_textbook(void)
{
	const char *s = "7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1";

	check_int(faults(s, POLICY_FIFO, 3), ==, 15);
	check_int(faults(s, POLICY_LRU, 3), ==, 12);
	check_int(faults(s, POLICY_OPT, 3), ==, 9);
	check_int(faults(s, POLICY_FIFO, 4), ==, 10);
	check_int(faults(s, POLICY_LRU, 4), ==, 8);
	check_int(faults(s, POLICY_OPT, 4), ==, 8);
	/* second chance: the hand skips pages whose bit is set, clearing it */
	check_int(faults("2,3,2,1,5,2,4,5,3,2,5,2", POLICY_CLOCK, 3), ==, 8);
	check_int(faults("1,2,3,1,4,1,5", POLICY_MRU, 3), ==, 6);
	check_int(faults("1,1,1,2,2,3,4,1,2", POLICY_LFU, 3), ==, 4);
}

struct rec {
	char line[20][64];
	int n;
};

static void on_step(void *ctx, const struct replay_step *s)
{
	struct rec *r = ctx;
	int k = 0;

	if (r->n == 20)
		return;
	for (unsigned long i = 0; i < s->nframes; i++)
		k += snprintf(r->line[r->n] + k, 64 - (size_t)k, "%s", s->frames[i] == REPLAY_EMPTY ?
			      "-" : (char[]){ (char)('0' + s->frames[i]), 0 });
	snprintf(r->line[r->n] + k, 64 - (size_t)k, " %s %s", s->hit ? "hit" : "miss",
		 s->evicted ? (char[]){ (char)('0' + s->victim), 0 } : ".");
	r->n++;
}

/* steps: the frames in textbook layout, each page staying in its frame. */
static void test_steps(void)
{
	struct trace_source src = { .format = TRACE_REFS, .refs = "1,2,3,4,1,2,5" };
	struct replay_config cfg = { .policy = { POLICY_FIFO }, .nr_policies = 1,
				     .frames = { 3 }, .nr_frames = 1, .max_steps = 100 };
	struct replay_result r;
	struct replay_summary s;
	struct rec rec = { .n = 0 };

	check_int(replay_run(m, &src, &cfg, &r, &s, on_step, &rec), ==, 0);
	check_int(rec.n, ==, 7);
	check_str(rec.line[2], "123 miss .");
	check_str(rec.line[3], "423 miss 1");
	check_str(rec.line[4], "413 miss 2");
	check_str(rec.line[6], "512 miss 4");
	cfg.max_steps = 5;
	check_int(replay_run(m, &src, &cfg, &r, &s, on_step, &rec), ==, -EINVAL);
}

/* A dirty page evicted is a write-back; a clean one is not. */
static void test_writebacks(void)
{
	struct trace_source src = { .format = TRACE_REFS, .refs = "1w,2,3,1,4,2w,5,6,7" };
	struct replay_config cfg = { .policy = { POLICY_FIFO, POLICY_OPT }, .nr_policies = 2,
				     .frames = { 3 }, .nr_frames = 1 };
	struct replay_result r[2];
	struct replay_summary s;

	check_int(replay_run(m, &src, &cfg, r, &s, NULL, NULL), ==, 0);
	check_int(s.writes, ==, 2);
	check_int(r[0].faults, ==, 7);
	check_int(r[0].writebacks, ==, 2);	/* 1 goes at 4, the rewritten 2 at 6 */
	check_int(r[0].hits + r[0].faults, ==, 9);
	check_int(r[1].writebacks, <=, 2);
	check_int(faults("1,2,x", POLICY_FIFO, 3), ==, -1);
	check_int(faults("", POLICY_FIFO, 3), ==, -1);
}

/* A small generator with the same sequence everywhere. */
static uint64_t rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* OPT never loses; LRU and OPT (stack algorithms) never get worse with more frames. */
static void test_properties(void)
{
	static const enum reclaim_policy all[] = { POLICY_FIFO, POLICY_LRU, POLICY_CLOCK,
		POLICY_RAND, POLICY_LFU, POLICY_MRU, POLICY_LINUX, POLICY_OPT };
	uint64_t seed = 42;
	int bad = 0, strings = 200;

	for (int k = 0; k < strings; k++) {
		char refs[2048];
		size_t len = 0;
		int n = 20 + (int)(rnd(&seed) % 200), pages = 2 + (int)(rnd(&seed) % 12);
		long lru_prev = 1L << 30, opt_prev = 1L << 30;

		for (int i = 0; i < n; i++)
			len += (size_t)snprintf(refs + len, sizeof(refs) - len, "%s%d", i ? "," : "",
						(int)(rnd(&seed) % (uint64_t)pages));
		for (unsigned long f = 1; f <= 8; f++) {
			long opt = faults(refs, POLICY_OPT, f), lru = faults(refs, POLICY_LRU, f);

			for (size_t p = 0; p < sizeof(all) / sizeof(all[0]); p++)
				bad += faults(refs, all[p], f) < opt;
			bad += lru > lru_prev || opt > opt_prev;
			lru_prev = lru;
			opt_prev = opt;
		}
	}
	check_int(bad, ==, 0);
	ok(1, "%d random strings: OPT is never beaten; LRU and OPT never worse with more frames",
	   strings);
}

/* rand draws from the machine's generator: same seed, same answer. */
static void test_rand(void)
{
	const char *s = "1,2,3,4,5,1,2,3,4,5,6,1,2,7,1,3,5,2,4,6,1,2,3";
	struct machine_config cfg;
	long a, b;

	machine_default_config(&cfg);
	machine_destroy(m);
	m = machine_create(&cfg);
	a = faults(s, POLICY_RAND, 3);
	machine_destroy(m);
	m = machine_create(&cfg);
	b = faults(s, POLICY_RAND, 3);
	check_int(a, ==, b);
	ok(a > 0, "rand: %ld faults, the same with the same seed", a);
}

/* ---- traces --------------------------------------------------------------------------------- */

static FILE *text_file(const char *text)
{
	FILE *f = tmpfile();

	fputs(text, f);
	rewind(f);
	return f;
}

static size_t spill;		/* replay_config.spill_bytes for run_file() */

static int run_file(FILE *f, enum trace_format fmt, unsigned shift, enum reclaim_policy p,
		    unsigned long frames, struct replay_result *r, struct replay_summary *s)
{
	struct trace_source src = { .format = fmt, .page_shift = shift, .f = f };
	struct replay_config cfg = { .policy = { p }, .nr_policies = 1, .frames = { frames },
				     .nr_frames = 1, .spill_bytes = spill };
	int err = replay_run(m, &src, &cfg, r, s, NULL, NULL);

	if (err)
		diag("replay: %s", m->err);
	fclose(f);
	return err;
}

/* Belady's string as valgrind lackey output: I, L, S, M lines and valgrind's own. */
static void test_lackey(void)
{
	static const unsigned pages[] = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 };
	static const char *const kinds[] = { "I  %08x,3\n", " L %08x,8\n", " S %08x,4\n" };
	struct replay_result r;
	struct replay_summary s;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	fputs("==4242== Lackey, an example Valgrind tool\n==4242== Command: ./a.out\n", f);
	for (int i = 0; i < 12; i++)
		fprintf(f, kinds[i % 3], pages[i] * 4096 + 0x10 * (unsigned)i);
	fputs("==4242== \n==4242== Counted 1 call to main()\n", f);
	fclose(f);
	check_int(run_file(text_file(text), TRACE_LACKEY, 12, POLICY_FIFO, 3, &r, &s), ==, 0);
	check_int(s.refs, ==, 12);
	check_int(s.writes, ==, 4);
	check_int(r.faults, ==, 9);
	check_int(r.writebacks, ==, 2);	/* page 3 at the fifth miss, page 2 at the ninth */
	free(text);

	/* M is a load and a store; an access across a page boundary touches both pages */
	check_int(run_file(text_file(" M 00001ffc,8\nI  00005000,2\n"), TRACE_LACKEY, 12,
			   POLICY_LRU, 4, &r, &s), ==, 0);
	check_int(s.refs, ==, 5);
	check_int(s.distinct, ==, 3);
	check_int(r.faults, ==, 3);
	check_int(run_file(text_file(" X 1234,4\n"), TRACE_LACKEY, 12, POLICY_LRU, 4, &r, &s),
		  ==, -EINVAL);
	check_str(m->err, "line 1: not a lackey line (I, L, S or M, then ADDR,SIZE)");
	/* page=64K: 0x1000 and 0x2000 are one page */
	check_int(run_file(text_file("I  1000,4\nI  2000,4\n"), TRACE_LACKEY, 16, POLICY_LRU, 1,
			   &r, &s), ==, 0);
	check_int(r.faults, ==, 1);
}

static void test_plain(void)
{
	struct replay_result r;
	struct replay_summary s;

	check_int(run_file(text_file("0x1000\nW 2000\n# comment\n\n1008\nr 0x3000\n"), TRACE_ADDR,
			   12, POLICY_FIFO, 2, &r, &s), ==, 0);
	check_int(s.refs, ==, 4);
	check_int(s.writes, ==, 1);
	check_int(r.faults, ==, 3);
	check_int(r.writebacks, ==, 0);		/* 1 is clean when 3 evicts it */
	check_int(run_file(text_file("7\n0\n1\n2\n0\n3\n0\n4\n2\n3\n0\n3\n2\n1\n2\n0\n1\n7\n0\n1\n"),
			   TRACE_PAGES, 12, POLICY_LRU, 3, &r, &s), ==, 0);
	check_int(r.faults, ==, 12);
	check_int(run_file(text_file("12\nzz\n"), TRACE_PAGES, 12, POLICY_LRU, 3, &r, &s), ==,
		  -EINVAL);
	check_str(m->err, "line 2: not a page number (after an optional R or W)");
}

/* OPT by brute force: at each fault, the resident page used furthest ahead. */
static unsigned long opt_reference(const uint32_t *refs, size_t n, unsigned frames)
{
	uint32_t res[64];
	unsigned used = 0;
	unsigned long f = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned k, victim = 0;
		size_t far = 0;

		for (k = 0; k < used && res[k] != refs[i]; k++)
			;
		if (k < used)
			continue;
		f++;
		if (used < frames) {
			res[used++] = refs[i];
			continue;
		}
		for (k = 0; k < used; k++) {
			size_t j = i + 1;

			while (j < n && refs[j] != res[k])
				j++;
			if (j > far) {
				far = j;
				victim = k;
			}
			if (j == n)
				break;
		}
		res[victim] = refs[i];
	}
	return f;
}

/*
 * opt over several chunks, its streams in memory and (with a tiny spill
 * limit) in temporary files; a streamed trace of 200000 lines.
 */
static void test_opt_chunks(size_t spill_bytes)
{
	size_t n = 200000;
	uint32_t *refs = malloc(n * sizeof(*refs));
	uint64_t seed = 7;
	struct replay_result r;
	struct replay_summary s;
	FILE *f = tmpfile();

	for (size_t i = 0; i < n; i++) {
		refs[i] = (uint32_t)(rnd(&seed) % 40);
		fprintf(f, "%u\n", refs[i]);
	}
	rewind(f);
	spill = spill_bytes;
	check_int(run_file(f, TRACE_PAGES, 12, POLICY_OPT, 16, &r, &s), ==, 0);
	spill = 0;
	check_int(s.refs, ==, n);
	check_int(r.faults, ==, opt_reference(refs, n, 16));
	free(refs);
}

/* The pieces the benchmark uses: ids straight into one simulation. */
static void test_sim_feed(void)
{
	uint32_t ids[12] = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 };
	struct replay_sim *s = replay_sim_create(m, POLICY_FIFO, 4);
	struct replay_result r;

	check_int(replay_sim_feed(s, ids, NULL, NULL, 12, 6), ==, 0);
	replay_sim_result(s, &r);
	check_int(r.faults, ==, 10);
	replay_sim_destroy(s);
}

int main(void)
{
	struct machine_config cfg;

	machine_default_config(&cfg);
	m = machine_create(&cfg);
	test_belady();
	test_textbook();
	test_steps();
	test_writebacks();
	test_properties();
	test_rand();
	test_lackey();
	test_plain();
	test_opt_chunks(0);
	test_opt_chunks(4096);
	test_sim_feed();
	machine_destroy(m);
	return done_testing();
}
