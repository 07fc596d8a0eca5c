/*
 * narrate_kmem.h - `explain on` for the vmalloc and highmem events, for
 * the table in narrate.c.
 */
#ifndef VMLAB_SHELL_NARRATE_KMEM_H
#define VMLAB_SHELL_NARRATE_KMEM_H

#include <stdio.h>

struct machine;
struct mm_event;

void narrate_kmem(const struct machine *m, const struct mm_event *ev, FILE *out);

#endif
