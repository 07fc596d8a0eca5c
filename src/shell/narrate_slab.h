/*
 * narrate_slab.h - `explain on` for the slab allocator's events, for the
 * table in narrate.c.
 */
#ifndef VMLAB_SHELL_NARRATE_SLAB_H
#define VMLAB_SHELL_NARRATE_SLAB_H

#include <stdio.h>

struct machine;
struct mm_event;

void narrate_slab(const struct machine *m, const struct mm_event *ev, FILE *out);

#endif
