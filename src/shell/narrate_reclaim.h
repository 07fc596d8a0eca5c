/*
 * narrate_reclaim.h - `explain on` for reclaim, swap and the OOM killer,
 * for the table in narrate.c.
 */
#ifndef VMLAB_SHELL_NARRATE_RECLAIM_H
#define VMLAB_SHELL_NARRATE_RECLAIM_H

#include <stdio.h>

struct machine;
struct mm_event;

void narrate_reclaim(const struct machine *m, const struct mm_event *ev, FILE *out);

#endif
