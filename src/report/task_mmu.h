/*
 * task_mmu.h - /proc/PID/maps and /proc/PID/smaps, as fs/proc/task_mmu.c
 * of Linux 6.1 prints them.
 */
#ifndef VMLAB_REPORT_TASK_MMU_H
#define VMLAB_REPORT_TASK_MMU_H

#include <stdio.h>

struct machine;
struct task_struct;
struct vm_area_struct;

void proc_pid_maps(const struct machine *m, const struct task_struct *t, FILE *f);
void proc_pid_smaps(const struct machine *m, const struct task_struct *t, FILE *f);
/* One maps line (with its newline). */
void show_map_vma(const struct machine *m, const struct vm_area_struct *v, FILE *f);

#endif
