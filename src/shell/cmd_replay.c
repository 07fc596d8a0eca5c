/*
 * cmd_replay.c - `replay`: reference strings and traces through the
 * replacement policies, as a table (and, with steps=on, access by access).
 *
 *   vmlab> replay refs=1,2,3,4,1,2,5,1,2,3,4,5 frames=3,4 policy=fifo
 *   12 references to 5 pages
 *   policy  frames  references  faults    hits  hit ratio  write-backs
 *   fifo         3          12       9       3     25.00%            -
 *   fifo         4          12      10       2     16.67%            -
 *
 * (Belady's anomaly: one more frame, one more fault.)  Write-backs count
 * dirty pages evicted; without any write in the input there are none to
 * count, and the column says '-'.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mm/machine.h"
#include "mm/replay.h"
#include "shell/cmd_replay.h"
#include "shell/command.h"
#include "shell/shell.h"

#define REPLAY_STEPS_MAX	10000

struct steps {
	FILE *f[REPLAY_MAX_POLICIES * REPLAY_MAX_FRAMES];
	char *buf[REPLAY_MAX_POLICIES * REPLAY_MAX_FRAMES];
	size_t len[REPLAY_MAX_POLICIES * REPLAY_MAX_FRAMES];
	int n;
};

/* ---- options -------------------------------------------------------------------------- */

static int parse_frames(struct shell *sh, const char *s, struct replay_config *cfg)
{
	char buf[256], *save = NULL;

	if (arg_list(sh, "frames", s) < 0)
		return -1;
	snprintf(buf, sizeof(buf), "%s", s);
	for (char *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		uint64_t n;

		if (cfg->nr_frames == REPLAY_MAX_FRAMES)
			return sh_error(sh, "frames: at most %d counts", REPLAY_MAX_FRAMES);
		if (arg_number(sh, "frames", w, &n) < 0)
			return -1;
		if (n < 1 || n > REPLAY_FRAMES_LIMIT)
			return sh_error(sh, "frames: %s is out of range (1..%lu)", w,
					REPLAY_FRAMES_LIMIT);
		cfg->frames[cfg->nr_frames++] = (unsigned long)n;
	}
	return cfg->nr_frames ? 0 : sh_error(sh, "frames: give at least one count");
}

static int parse_policies(struct shell *sh, const char *s, struct replay_config *cfg)
{
	char buf[256], *save = NULL;

	if (arg_list(sh, "policy", s) < 0)
		return -1;
	snprintf(buf, sizeof(buf), "%s", s);
	for (char *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		int p = policy_by_name(w);

		if (p < 0)
			return sh_error(sh, "policy: unknown policy '%s' (fifo, lru, clock, opt, rand, "
					"lfu, mru, linux)", w);
		if (cfg->nr_policies == REPLAY_MAX_POLICIES)
			return sh_error(sh, "policy: at most %d policies", REPLAY_MAX_POLICIES);
		cfg->policy[cfg->nr_policies++] = (enum reclaim_policy)p;
	}
	return cfg->nr_policies ? 0 : sh_error(sh, "policy: give at least one policy");
}

static int parse_format(struct shell *sh, const char *s, enum trace_format *f)
{
	if (!s || strcmp(s, "lackey") == 0)
		*f = TRACE_LACKEY;
	else if (strcmp(s, "addr") == 0)
		*f = TRACE_ADDR;
	else if (strcmp(s, "pages") == 0)
		*f = TRACE_PAGES;
	else
		return sh_error(sh, "format: expected lackey, addr or pages, not '%s'", s);
	return 0;
}

static int parse_page(struct shell *sh, const char *s, unsigned *shift)
{
	uint64_t size;

	*shift = 12;
	if (!s)
		return 0;
	if (arg_size(sh, "page", s, &size) < 0)
		return -1;
	if (!size || (size & (size - 1)) || size > (1ULL << 30))
		return sh_error(sh, "page: %s is not a power of two from 1 to 1G", s);
	for (*shift = 0; (1ULL << *shift) < size; (*shift)++)
		;
	return 0;
}

/* Reads the options into cfg and src.  Returns 0 or -1 (reported). */
static int parse_replay(struct shell *sh, const struct args *a, struct replay_config *cfg,
			struct trace_source *src)
{
	const char *refs = arg_opt(a, "refs"), *frames = arg_opt(a, "frames");
	const char *policy = arg_opt(a, "policy"), *steps = arg_opt(a, "steps");

	memset(cfg, 0, sizeof(*cfg));
	memset(src, 0, sizeof(*src));
	if (!refs == !a->argc)
		return sh_error(sh, "give either refs=P,P,... or a trace FILE");
	if (!frames || !policy)
		return sh_error(sh, "missing %s (usage: replay [FILE] [refs=...] frames=N "
				"policy=P ...)", frames ? "policy=" : "frames=");
	if (steps && strcmp(steps, "on") != 0 && strcmp(steps, "off") != 0)
		return sh_error(sh, "steps: expected on or off, not '%s'", steps);
	if (refs && (arg_opt(a, "format") || arg_opt(a, "page")))
		return sh_error(sh, "format= and page= are for trace files, not refs=");
	if (parse_frames(sh, frames, cfg) < 0 || parse_policies(sh, policy, cfg) < 0 ||
	    parse_format(sh, arg_opt(a, "format"), &src->format) < 0 ||
	    parse_page(sh, arg_opt(a, "page"), &src->page_shift) < 0)
		return -1;
	if (refs)
		src->format = TRACE_REFS;
	src->refs = refs;
	cfg->max_steps = steps && strcmp(steps, "on") == 0 ? REPLAY_STEPS_MAX : 0;
	return 0;
}

/* ---- steps ----------------------------------------------------------------------------- */

static void print_step(void *ctx, const struct replay_step *s)
{
	struct steps *st = ctx;
	FILE *f = st->f[s->sim];
	char page[32];

	if (!f)
		return;
	snprintf(page, sizeof(page), "%llu%s", (unsigned long long)s->page, s->write ? "w" : "");
	fprintf(f, "%6lu  %6s  %-5s ", s->t, page, s->hit ? "hit" : "miss");
	for (unsigned long i = 0; i < s->nframes; i++) {
		if (s->frames[i] == REPLAY_EMPTY)
			fputs(" -", f);
		else
			fprintf(f, " %llu", (unsigned long long)s->frames[i]);
	}
	if (s->evicted)
		fprintf(f, "   replaced %llu%s", (unsigned long long)s->victim,
			s->victim_dirty ? " (written back)" : "");
	fputc('\n', f);
}

static int steps_open(struct shell *sh, struct steps *st, int n)
{
	st->n = n;
	for (int i = 0; i < n; i++)
		if (!(st->f[i] = open_memstream(&st->buf[i], &st->len[i])))
			return sh_error(sh, "out of host memory");
	return 0;
}

static void steps_close(struct steps *st, struct shell *sh, const struct replay_result *res,
			bool print)
{
	for (int i = 0; i < st->n; i++) {
		if (!st->f[i])
			continue;
		fclose(st->f[i]);
		if (print) {
			fprintf(sh->out, "%s, %lu frame%s:\n", policy_name(res[i].policy),
				res[i].frames, res[i].frames == 1 ? "" : "s");
			fprintf(sh->out, "%6s  %6s  %-5s  frames\n", "t", "page", "");
			fputs(st->buf[i], sh->out);
			fputc('\n', sh->out);
		}
		free(st->buf[i]);
	}
}

/* ---- the table ----------------------------------------------------------------------------- */

static double hit_ratio(const struct replay_result *r)
{
	return r->refs ? 100.0 * (double)r->hits / (double)r->refs : 0.0;
}

enum { COL_POLICY, COL_FRAMES, COL_REFS, COL_FAULTS, COL_HITS, COL_RATIO, COL_WB, NR_COLS };

static const char *const col_name[NR_COLS] = {
	"policy", "frames", "references", "faults", "hits", "hit ratio", "write-backs",
};

/* The cells of one row, as text. */
static void table_row(const struct replay_result *r, bool writes, char cell[NR_COLS][32])
{
	snprintf(cell[COL_POLICY], 32, "%s", policy_name(r->policy));
	snprintf(cell[COL_FRAMES], 32, "%lu", r->frames);
	snprintf(cell[COL_REFS], 32, "%lu", r->refs);
	snprintf(cell[COL_FAULTS], 32, "%lu", r->faults);
	snprintf(cell[COL_HITS], 32, "%lu", r->hits);
	snprintf(cell[COL_RATIO], 32, "%.2f%%", hit_ratio(r));
	snprintf(cell[COL_WB], 32, writes ? "%lu" : "-", r->writebacks);
}

/*
 * The table: each column as wide as its header or its widest value, two
 * spaces apart; policy names to the left, numbers to the right.  The
 * headers are at least 6 wide, so small tables keep one layout:
 *
 *   policy  frames  references   faults     hits  hit ratio  write-backs
 *   lru          3     1100000  1100000        0      0.00%            -
 *   lru          4     1100000        4  1099996    100.00%            -
 */
static void print_table(struct shell *sh, const struct replay_result *res, int n, bool writes)
{
	char cell[NR_COLS][32];
	int width[NR_COLS];

	for (int c = 0; c < NR_COLS; c++)
		width[c] = (int)strlen(col_name[c]) > 6 ? (int)strlen(col_name[c]) : 6;
	for (int i = 0; i < n; i++) {
		table_row(&res[i], writes, cell);
		for (int c = 0; c < NR_COLS; c++)
			if ((int)strlen(cell[c]) > width[c])
				width[c] = (int)strlen(cell[c]);
	}
	for (int c = 0; c < NR_COLS; c++)
		fprintf(sh->out, c == COL_POLICY ? "%-*s" : "  %*s", width[c], col_name[c]);
	fputc('\n', sh->out);
	for (int i = 0; i < n; i++) {
		table_row(&res[i], writes, cell);
		for (int c = 0; c < NR_COLS; c++)
			fprintf(sh->out, c == COL_POLICY ? "%-*s" : "  %*s", width[c], cell[c]);
		fputc('\n', sh->out);
	}
}

/* Writes the table to f (opened before the replay ran) and closes it. */
static int write_csv(struct shell *sh, FILE *f, const char *path,
		     const struct replay_result *res, int n, bool writes)
{
	fputs("policy,frames,references,faults,hits,hit_ratio,writebacks\n", f);
	for (int i = 0; i < n; i++) {
		fprintf(f, "%s,%lu,%lu,%lu,%lu,%.4f,", policy_name(res[i].policy), res[i].frames,
			res[i].refs, res[i].faults, res[i].hits, hit_ratio(&res[i]) / 100.0);
		if (writes)
			fprintf(f, "%lu", res[i].writebacks);
		fputc('\n', f);
	}
	if (fclose(f) != 0)
		return sh_error(sh, "csv: cannot write %s: %s", path, strerror(errno));
	return 0;
}

static void print_summary(struct shell *sh, const struct args *a, const struct replay_summary *s,
			  const struct trace_source *src)
{
	if (a->argc)
		fprintf(sh->out, "%s: %lu line%s, ", a->argv[0], s->lines, s->lines == 1 ? "" : "s");
	fprintf(sh->out, "%lu reference%s", s->refs, s->refs == 1 ? "" : "s");
	if (s->writes)
		fprintf(sh->out, " (%lu write%s)", s->writes, s->writes == 1 ? "" : "s");
	fprintf(sh->out, " to %lu page%s", s->distinct, s->distinct == 1 ? "" : "s");
	if (src->format == TRACE_LACKEY || src->format == TRACE_ADDR)
		fprintf(sh->out, src->page_shift < 10 ? " of %lu bytes" : " of %luK",
			src->page_shift < 10 ? 1UL << src->page_shift :
			(1UL << src->page_shift) >> 10);
	fputc('\n', sh->out);
}

int cmd_replay(struct shell *sh, struct args *a)
{
	struct replay_result res[REPLAY_MAX_POLICIES * REPLAY_MAX_FRAMES];
	struct replay_summary sum = { 0 };
	struct replay_config cfg;
	struct trace_source src;
	struct steps st = { 0 };
	const char *csv = arg_opt(a, "csv");
	FILE *csv_f = NULL;
	int n, err;

	if (parse_replay(sh, a, &cfg, &src) < 0)
		return -1;
	/* the csv file first: one that cannot be written fails before any output */
	if (csv && !(csv_f = fopen(csv, "w")))
		return sh_error(sh, "csv: cannot write %s: %s", csv, strerror(errno));
	if (a->argc && !(src.f = fopen(a->argv[0], "r"))) {
		if (csv_f)
			fclose(csv_f), remove(csv);
		return sh_error(sh, "cannot open %s: %s", a->argv[0], strerror(errno));
	}
	n = cfg.nr_policies * cfg.nr_frames;
	if (cfg.max_steps && steps_open(sh, &st, n) < 0) {
		err = -1;
	} else {
		err = replay_run(sh->m, &src, &cfg, res, &sum, print_step, &st);
		if (err)
			sh_mm_error(sh);
	}
	if (src.f)
		fclose(src.f);
	steps_close(&st, sh, res, err == 0);
	if (err) {
		if (csv_f)
			fclose(csv_f), remove(csv);	/* a failed replay leaves no file */
		return -1;
	}
	print_summary(sh, a, &sum, &src);
	print_table(sh, res, n, sum.writes > 0);
	return csv_f ? write_csv(sh, csv_f, csv, res, n, sum.writes > 0) : 0;
}
