/*
 * trace_kmem.h - trace lines of the vmalloc and highmem events, for the
 * table in trace.c.
 */
#ifndef VMLAB_REPORT_TRACE_KMEM_H
#define VMLAB_REPORT_TRACE_KMEM_H

#include <stddef.h>

struct machine;
struct mm_event;

/* Writes the part of the event's line after "name: ".  Returns snprintf's count. */
int trace_kmem(const struct machine *m, const struct mm_event *ev, char *buf, size_t len);

#endif
