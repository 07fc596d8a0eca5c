/*
 * sched.h - processes: boot of the address-space machinery, exec, fork,
 * exit and the context switch.
 *
 *   exec app      a new task with a new mm: VMAs and a pgd, no page yet
 *   fork          a copy: the same VMAs, page tables copied, every private
 *                 writable page write-protected in both (copy-on-write)
 *   switch 2      CR3 := task 2's pgd; the TLB forgets non-global entries
 *   kill 2        exit_mmap(): every page, table and the pgd go back
 *
 * Tasks live on m->tasks sorted by pid; m->current[cpu] is what each CPU
 * runs.  User-memory commands act as the current task of m->cpu.  Every
 * task, mm and VMA also holds an object of its boot slab cache
 * (task_struct, cred_jar, files_cache, fs_cache, sighand_cache,
 * signal_cache, pid, mm_struct, vm_area_struct), freed when it goes.
 */
#ifndef VMLAB_MM_SCHED_H
#define VMLAB_MM_SCHED_H

#include <stdbool.h>
#include "machine.h"
#include "mm_types.h"

/*
 * Boot: init_mm with swapper_pg_dir and the direct map, the zero page,
 * the file table with the shared libraries, the TLBs.  Returns 0 or
 * -ENOMEM.  mm_teardown() frees the host memory of all of it.
 */
int mm_boot(struct machine *m);
void mm_teardown(struct machine *m);

struct task_struct *find_task(const struct machine *m, int pid);

/* exec's options; zero sizes take the defaults. */
struct exec_opts {
	unsigned long text, data, bss, stack;	/* bytes */
	const char *libs;			/* "libc,ld.so" or NULL */
	bool pie;				/* text at ELF_ET_DYN_BASE */
	bool legacy;				/* bottom-up mmap from TASK_UNMAPPED_BASE */
};

/*
 * Starts program name as a new process (a fork of nobody plus execve):
 * its mm gets the architecture's classic layout (see exec.c) and it
 * becomes the current task.  Returns the pid, or -errno with nothing left
 * behind.
 */
int do_execve(struct machine *m, const char *name, const struct exec_opts *o);

/*
 * A new task in three steps, as copy_process() makes one: task_alloc()
 * takes its objects from the boot caches (task_struct, cred, files, fs,
 * sighand, signal), alloc_pid() its pid once the mm is built, and
 * task_attach() gives it mm (which it now owns), a pid number and a place
 * on the task list.  The first two return NULL / -ENOMEM with the reason
 * in m->err; task_free() undoes task_alloc() and alloc_pid().
 */
struct task_struct *task_alloc(struct machine *m);
int alloc_pid(struct machine *m, struct task_struct *t);
void task_attach(struct machine *m, struct task_struct *t, struct mm_struct *mm,
		 const char *comm, int ppid);
void task_free(struct machine *m, struct task_struct *t);
/* The boot cache a task object comes from. */
struct kmem_cache *task_obj_cache(const struct machine *m, enum task_obj i);

/* Forks task t: returns the child's pid or -errno (nothing changed). */
int do_fork(struct machine *m, struct task_struct *t);

/* Exits task t: frees its whole address space and removes it. */
void do_exit(struct machine *m, struct task_struct *t);

/* Makes t the current task of m->cpu (loads CR3).  t may be NULL (idle). */
void switch_to(struct machine *m, struct task_struct *t);

/*
 * A new empty mm (no pgd yet), its object from the mm_struct cache; NULL
 * with the reason in m->err.  mmput(): the last reference gone, everything
 * is freed.
 */
struct mm_struct *mm_alloc(struct machine *m);
void mmput(struct machine *m, struct mm_struct *mm);

/*
 * mmget() around a call that allocates: the OOM killer may choose the very
 * process the call works for, and its mm must outlive the call.
 * mm_call_end() takes what mmget() returned and the call's result; it
 * drops the reference and, if the process was killed meanwhile (its mm is
 * freed now), returns -ENOMEM saying so instead of r.
 *
 *   int users = mmget(mm);
 *   return mm_call_end(m, mm, users, __do_mmap(m, mm, ...));
 */
static inline int mmget(struct mm_struct *mm)
{
	return mm->mm_users++;
}

long mm_call_end(struct machine *m, struct mm_struct *mm, int users, long r);

/* Which task (if any) has mm, for names in narration and rmap output. */
struct task_struct *mm_owner(const struct machine *m, const struct mm_struct *mm);

/* The architecture's user-space constants. */
unsigned long stack_top(const struct machine *m);
unsigned long task_unmapped_base(const struct machine *m);
unsigned long mmap_base_topdown(const struct machine *m);

static inline struct task_struct *current_task(const struct machine *m)
{
	return m->current[m->cpu];
}

#endif
