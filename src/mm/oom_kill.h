/*
 * oom_kill.h - the OOM killer: when reclaim cannot free a page, kill the
 * process whose death frees the most.
 *
 * Each process gets a badness, as oom_badness() computes it:
 *
 *   points = RSS + swap entries + page-table pages
 *            + oom_score_adj * (RAM + swap pages) / 1000
 *
 * so on a 1 GiB machine without swap (about 256000 pages) oom_score_adj
 * 500 adds 128000 points, half of RAM, and -1000 means "never".  The
 * process with the most points is killed (SIGKILL) and its memory freed;
 * the kernel log gets the report ("... invoked oom-killer: ...", the task
 * table, "Out of memory: Killed process ...").
 */
#ifndef VMLAB_MM_OOM_KILL_H
#define VMLAB_MM_OOM_KILL_H

#include <limits.h>
#include "gfp.h"

struct machine;
struct task_struct;

#define OOM_SCORE_ADJ_MIN	(-1000)
#define OOM_SCORE_ADJ_MAX	1000

/* RAM plus swap, in pages: what oom_score_adj is a fraction of. */
unsigned long oom_totalpages(const struct machine *m);

/* oom_badness(): the points above, or LONG_MIN for a task never chosen (-1000). */
long oom_badness(const struct machine *m, const struct task_struct *t,
		 unsigned long totalpages);

/* /proc/PID/oom_score: badness scaled to 0..2000. */
unsigned long oom_score(const struct machine *m, const struct task_struct *t);

/* oom_score_adj PID N: -1000..1000.  Returns 0 or -EINVAL. */
int set_oom_score_adj(struct machine *m, struct task_struct *t, long adj);

/*
 * out_of_memory(): an allocation of 2^order pages with gfp failed after
 * reclaim.  Chooses the process with the highest badness, logs the
 * kernel's report, and kills it.  Returns 1 if its memory is free now,
 * 0 if it was killed but its memory goes only when the operation that
 * holds its address space finishes (it was the faulting process), -1 if
 * there was nobody to kill ("Out of memory and no killable processes").
 */
int out_of_memory(struct machine *m, gfp_t gfp, unsigned order);

#endif
