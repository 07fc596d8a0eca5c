/*
 * narrate.h - `explain on`: events told as plain sentences.
 *
 * The narrator listens to the same events as the trace and writes one
 * sentence per step that a student should see ("Zone Normal: 52340 free
 * pages, above the low watermark (1542): OK.", "Split the order-3 block at
 * pfn 0x1000: the upper half, pfn 0x1004 (order 2), goes on free_area[2].").
 * Events that add nothing to the story are skipped.
 */
#ifndef VMLAB_SHELL_NARRATE_H
#define VMLAB_SHELL_NARRATE_H

#include <stdio.h>

struct machine;
struct mm_event;

void narrate_event(const struct machine *m, const struct mm_event *ev, FILE *out);

#endif
