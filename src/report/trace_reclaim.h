/*
 * trace_reclaim.h - trace lines of reclaim, swap and the OOM killer, for
 * the table in trace.c.
 */
#ifndef VMLAB_REPORT_TRACE_RECLAIM_H
#define VMLAB_REPORT_TRACE_RECLAIM_H

#include <stddef.h>

struct machine;
struct mm_event;

/* Writes the part of the event's line after "name: ".  Returns snprintf's count. */
int trace_reclaim(const struct machine *m, const struct mm_event *ev, char *buf, size_t len);

#endif
