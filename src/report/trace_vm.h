/*
 * trace_vm.h - trace lines of the events of processes, faults, page
 * tables, the page cache and the TLB, for the table in trace.c.
 */
#ifndef VMLAB_REPORT_TRACE_VM_H
#define VMLAB_REPORT_TRACE_VM_H

#include <stddef.h>

struct machine;
struct mm_event;

/* Writes the part of the event's line after "name: ".  Returns snprintf's count. */
int trace_vm(const struct machine *m, const struct mm_event *ev, char *buf, size_t len);

#endif
