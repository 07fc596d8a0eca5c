/*
 * replay.h - page references replayed through replacement policies.
 *
 * A reference string (1,2,3,4,1,2,5,...) or a memory trace (valgrind's
 * lackey output, or one address or page number per line) runs through
 * every (policy, frame count) pair asked for, in one reading of the input:
 *
 *   input --parse--> page numbers --ids--> dense ids --> sim fifo/3 frames
 *                                                    --> sim fifo/4 frames
 *                                                    --> sim lru/3 frames ...
 *
 * Memory is bounded by the distinct pages (one struct page per page and
 * simulation, and a hash from page number to id), never by the length of
 * the input, which is read in chunks.  opt needs the future: with it, the
 * page ids are kept (4 bytes a reference: in memory up to 64 MiB, then in
 * a temporary file), a backward pass works out each reference's next use
 * (8 bytes, kept the same way), and a third pass runs opt.
 *
 * The list policies (fifo, lru, clock, mru, linux) are the ones the live
 * machine uses (replace.h); opt, rand and lfu live here.
 */
#ifndef VMLAB_MM_REPLAY_H
#define VMLAB_MM_REPLAY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "replace.h"

struct machine;

enum trace_format { TRACE_REFS, TRACE_LACKEY, TRACE_ADDR, TRACE_PAGES };

#define REPLAY_MAX_POLICIES	16
#define REPLAY_MAX_FRAMES	32
#define REPLAY_FRAMES_LIMIT	(1UL << 24)
#define REPLAY_EMPTY		UINT64_MAX	/* a frame holding nothing */

struct trace_source {
	enum trace_format format;
	unsigned page_shift;		/* addresses -> pages: 12 for 4K */
	const char *refs;		/* TRACE_REFS: "1,2,3w,4" */
	FILE *f;			/* the other formats */
};

struct replay_config {
	enum reclaim_policy policy[REPLAY_MAX_POLICIES];
	int nr_policies;
	unsigned long frames[REPLAY_MAX_FRAMES];
	int nr_frames;
	unsigned long max_steps;	/* 0: no steps; else report each access, at most this many */
	size_t spill_bytes;		/* opt keeps its streams in memory up to this; 0: 64 MiB */
};

/* One row of the table: results[p * nr_frames + f]. */
struct replay_result {
	enum reclaim_policy policy;
	unsigned long frames;
	unsigned long refs, faults, hits, writebacks;
};

/* What the run saw besides the rows. */
struct replay_summary {
	unsigned long refs;		/* references (an M line counts twice) */
	unsigned long lines;		/* input lines read */
	unsigned long distinct;		/* distinct pages */
	unsigned long writes;		/* stores */
};

/* One access of one simulation, for steps=on. */
struct replay_step {
	int sim;			/* index into the results */
	unsigned long t;		/* the reference's number, from 1 */
	uint64_t page;
	bool write, hit;
	bool evicted;			/* a page was replaced */
	uint64_t victim;
	bool victim_dirty;		/* ... and written back */
	unsigned long nframes;
	const uint64_t *frames;		/* the page in each frame, REPLAY_EMPTY if none */
};

typedef void (*replay_step_fn)(void *ctx, const struct replay_step *s);

/*
 * Runs src through every pair of cfg, filling results[] (nr_policies *
 * nr_frames rows, policy-major) and *sum.  step (may be NULL) hears every
 * access when cfg->max_steps is set.  Returns 0, or -EINVAL (a line that
 * does not parse: m->err says which; a steps limit passed), -EIO, -ENOMEM.
 * rand draws from the machine's seeded generator.
 */
int replay_run(struct machine *m, const struct trace_source *src,
	       const struct replay_config *cfg, struct replay_result *results,
	       struct replay_summary *sum, replay_step_fn step, void *ctx);

/* ---- the pieces, for the benchmark and the tests ------------------------------------- */

struct replay_sim;

/* A simulation of policy p with `frames` frames (rand uses m's generator). */
struct replay_sim *replay_sim_create(struct machine *m, enum reclaim_policy p,
				     unsigned long frames);
void replay_sim_destroy(struct replay_sim *s);
/*
 * Feeds n references, as dense page ids (< nr_ids) with write flags (may
 * be NULL), to s.  next[] (opt only) holds each reference's next use.
 * Returns 0 or -ENOMEM.
 */
int replay_sim_feed(struct replay_sim *s, const uint32_t *ids, const uint8_t *writes,
		    const uint64_t *next, size_t n, uint32_t nr_ids);
void replay_sim_result(const struct replay_sim *s, struct replay_result *r);

#endif
