/*
 * narrate_vm.h - `explain on` for processes, the fault path, page tables,
 * the page cache and the TLB, for the table in narrate.c.
 */
#ifndef VMLAB_SHELL_NARRATE_VM_H
#define VMLAB_SHELL_NARRATE_VM_H

#include <stdio.h>

struct machine;
struct mm_event;

void narrate_vm(const struct machine *m, const struct mm_event *ev, FILE *out);

#endif
