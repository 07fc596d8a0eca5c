/*
 * trace_slab.h - trace lines of the slab allocator's events, for the table
 * in trace.c.
 */
#ifndef VMLAB_REPORT_TRACE_SLAB_H
#define VMLAB_REPORT_TRACE_SLAB_H

#include <stddef.h>

struct machine;
struct mm_event;

/* Writes the part of a slab event's line after "name: ".  Returns snprintf's count. */
int trace_slab(const struct machine *m, const struct mm_event *ev, char *buf, size_t len);

#endif
