/*
 * trace.h - events as ftrace prints them.
 *
 * One line per event in the format of /sys/kernel/tracing/trace for the
 * kernel's own tracepoints ("mm_page_alloc: page=... pfn=0x1f000 order=0
 * migratetype=0 gfp_flags=GFP_KERNEL"), and the same style for the model's
 * own events.
 */
#ifndef VMLAB_REPORT_TRACE_H
#define VMLAB_REPORT_TRACE_H

#include <stddef.h>

struct machine;
struct mm_event;

/* The struct page address the kernel would print (page=): vmemmap, or i386's mem_map. */
unsigned long trace_page_address(const struct machine *m, unsigned long pfn);
/* gfp_flags= as the tracepoints print it: the flag names, or "none". */
const char *trace_gfp(unsigned gfp, char *buf, size_t len);

/* Writes the event's line (no newline) into buf. */
void trace_format(const struct machine *m, const struct mm_event *ev, char *buf, size_t len);

#endif
