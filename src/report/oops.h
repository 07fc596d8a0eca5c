/*
 * oops.h - the kernel's log lines for a page fault it cannot handle.
 */
#ifndef VMLAB_REPORT_OOPS_H
#define VMLAB_REPORT_OOPS_H

#include <stdio.h>
#include "mm/memory.h"

struct machine;

/*
 * Writes what show_fault_oops() and __die() print when kernel code (CPL 0)
 * faults on addr, walking the page tables CR3 holds on this CPU, then one
 * line of the model's own saying what lies at addr (a vmalloc guard page, a
 * free pkmap slot...).  die is the oops number, "[#1]" for the first.
 *
 *   BUG: unable to handle page fault for address: f8803000
 *   #PF: supervisor write access in kernel mode
 *   #PF: error_code(0x0002) - not-present page
 *   *pde = 01fff063 *pte = 00000000 
 *   Oops: 0002 [#1] SMP
 *   CPU: 0 PID: 0 Comm: swapper/0
 */
void oops_print(const struct machine *m, unsigned long addr, enum access_type type,
		unsigned long die, FILE *f);

#endif
