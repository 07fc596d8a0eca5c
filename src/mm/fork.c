/*
 * fork.c - tasks and their mms: boot of the address-space machinery,
 * fork with copy-on-write, exit, and the context switch.
 *
 * fork (kernel/fork.c dup_mm, mm/memory.c copy_page_range):
 *
 *   parent pid 1                         child pid 2
 *   VMAs  [heap] rw-p                    the same VMAs, copied
 *   pte   0x0804c000 -> pfn 0x3ff00 RW   0x0804c000 -> pfn 0x3ff00
 *         becomes read-only ...          read-only, old (A clear)
 *   pfn 0x3ff00: refcount 2, mapcount 2
 *
 * The first write by either side faults and gets its own copy (or, when
 * the other side has already let go, reuses the page).  VMAs without
 * anonymous pages (clean file mappings) are not copied at all: the child
 * faults their pages in from the page cache.
 *
 * Exit (exit_mmap) undoes everything: every page reference, every page
 * table, the pgd; a check after `kill` finds every frame back where it was.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "filemap.h"
#include "malloc.h"
#include "mmap.h"
#include "pgtable.h"
#include "sched.h"
#include "slab.h"
#include "tlb.h"

void mm_node_stat_add(struct machine *m, unsigned long pfn, enum mm_node_stat i, long delta)
{
	int nid = (int)(pfn_zoneid(m, pfn) / MAX_NR_ZONES);	/* zone id = node * MAX_NR_ZONES + type */

	m->mm_node_stat[nid * NR_MM_NODE_STATS + i] += delta;
}

long mm_node_stat(const struct machine *m, int nid, enum mm_node_stat i)
{
	return m->mm_node_stat ? m->mm_node_stat[nid * NR_MM_NODE_STATS + i] : 0;
}

struct task_struct *find_task(const struct machine *m, int pid)
{
	for (struct task_struct *t = m->tasks; t; t = t->next)
		if (t->pid == pid)
			return t;
	return NULL;
}

struct task_struct *mm_owner(const struct machine *m, const struct mm_struct *mm)
{
	for (struct task_struct *t = m->tasks; t; t = t->next)
		if (t->mm == mm)
			return t;
	return NULL;
}

/* The top of the user stack and the base of the mmap area (DEFAULT_MAP_WINDOW). */
unsigned long stack_top(const struct machine *m)
{
	return m->arch->is_64bit ? 0x7ffffffff000UL : m->arch->task_size;
}

unsigned long task_unmapped_base(const struct machine *m)
{
	return page_align(stack_top(m) / 3);
}

/* mmap_base(): TASK_SIZE minus the stack gap, clamped to at least 128 MiB. */
unsigned long mmap_base_topdown(const struct machine *m)
{
	unsigned long gap = RLIMIT_STACK_DEFAULT + STACK_GUARD_GAP;

	if (gap < (128UL << 20))
		gap = 128UL << 20;
	return page_align(stack_top(m) - gap);
}

struct mm_struct *mm_alloc(struct machine *m)
{
	struct mm_struct *mm = calloc(1, sizeof(*mm));
	unsigned long obj;

	if (!mm) {
		mm_err(m, -ENOMEM, "out of host memory for an mm_struct");
		return NULL;
	}
	obj = __kmem_cache_alloc(m, m->slab->mm_cachep, GFP_KERNEL, "allocate_mm");
	if (IS_ERR_VALUE(obj)) {
		free(mm);
		mm_err(m, -ENOMEM, "out of memory for an mm_struct");
		return NULL;
	}
	mm->kaddr = obj;
	mm->id = ++m->last_mm_id;
	mm->mm_users = 1;
	mm->task_size = m->arch->task_size;
	mm->mmap_base = mmap_base_topdown(m);
	return mm;
}

void mmput(struct machine *m, struct mm_struct *mm)
{
	if (--mm->mm_users > 0)
		return;
	exit_mmap(m, mm);
	tlb_forget_mm(m, mm);
	if (mm->pgd)
		pgd_free(m, mm);
	malloc_state_free(mm->malloc);
	__kmem_cache_free(m, m->slab->mm_cachep, mm->kaddr, "__mmdrop");
	free(mm);
}

long mm_call_end(struct machine *m, struct mm_struct *mm, int users, long r)
{
	bool killed = mm->mm_users <= users;

	mmput(m, mm);
	if (killed)
		return mm_err(m, -ENOMEM, "out of memory: the process was killed by the OOM killer "
			      "(SIGKILL)");
	return r;
}

static void task_link(struct machine *m, struct task_struct *t)
{
	struct task_struct **pp = &m->tasks;

	while (*pp && (*pp)->pid < t->pid)
		pp = &(*pp)->next;
	t->next = *pp;
	*pp = t;
}

static void task_unlink(struct machine *m, struct task_struct *t)
{
	for (struct task_struct **pp = &m->tasks; *pp; pp = &(*pp)->next)
		if (*pp == t) {
			*pp = t->next;
			return;
		}
}

/* Each task object: its cache, and the kernel functions that allocate and free it. */
static const struct {
	size_t cache;			/* offsetof(struct slab_allocator, ...) */
	const char *alloc, *free;	/* call sites for the tracepoints */
} task_objs[NR_TASK_OBJS] = {
#define C(field) offsetof(struct slab_allocator, field)
	[TASK_OBJ_TASK_STRUCT] = { C(task_struct_cachep), "dup_task_struct", "free_task_struct" },
	[TASK_OBJ_CRED] = { C(cred_jar), "prepare_creds", "__put_cred" },
	[TASK_OBJ_FILES] = { C(files_cachep), "dup_fd", "put_files_struct" },
	[TASK_OBJ_FS] = { C(fs_cachep), "copy_fs_struct", "free_fs_struct" },
	[TASK_OBJ_SIGHAND] = { C(sighand_cachep), "copy_sighand", "__cleanup_sighand" },
	[TASK_OBJ_SIGNAL] = { C(signal_cachep), "copy_signal", "free_signal_struct" },
	[TASK_OBJ_PID] = { C(pid_cachep), "alloc_pid", "free_pid" },
#undef C
};

struct kmem_cache *task_obj_cache(const struct machine *m, enum task_obj i)
{
	return *(struct kmem_cache *const *)((const char *)m->slab + task_objs[i].cache);
}

static void task_obj_free(struct machine *m, struct task_struct *t, enum task_obj i)
{
	__kmem_cache_free(m, task_obj_cache(m, i), t->kobj[i], task_objs[i].free);
	t->kobj[i] = 0;
}

/* Allocates t's task objects from..to-1.  Returns 0, or -ENOMEM with those freed. */
static int task_objs_alloc(struct machine *m, struct task_struct *t, enum task_obj from,
			   enum task_obj to)
{
	for (enum task_obj i = from; i < to; i++) {
		struct kmem_cache *s = task_obj_cache(m, i);
		unsigned long obj = __kmem_cache_alloc(m, s, GFP_KERNEL, task_objs[i].alloc);

		if (IS_ERR_VALUE(obj)) {
			while (i-- > from)
				task_obj_free(m, t, i);
			return mm_err(m, -ENOMEM, "out of memory for the new task's %s",
				      s->name);
		}
		t->kobj[i] = obj;
	}
	return 0;
}

struct task_struct *task_alloc(struct machine *m)
{
	struct task_struct *t = calloc(1, sizeof(*t));

	if (!t) {
		mm_err(m, -ENOMEM, "out of host memory for a task");
		return NULL;
	}
	if (task_objs_alloc(m, t, TASK_OBJ_TASK_STRUCT, TASK_OBJ_PID) < 0) {
		free(t);
		return NULL;
	}
	return t;
}

void task_free(struct machine *m, struct task_struct *t)
{
	for (enum task_obj i = 0; i < NR_TASK_OBJS; i++)
		if (t->kobj[i])
			task_obj_free(m, t, i);
	free(t);
}

int alloc_pid(struct machine *m, struct task_struct *t)
{
	return task_objs_alloc(m, t, TASK_OBJ_PID, NR_TASK_OBJS);
}

void task_attach(struct machine *m, struct task_struct *t, struct mm_struct *mm,
		 const char *comm, int ppid)
{
	t->pid = ++m->last_pid;
	t->ppid = ppid;
	snprintf(t->comm, sizeof(t->comm), "%s", comm);
	t->mm = mm;
	t->cpu = m->cpu;
	task_link(m, t);
	event_emit(m, .type = EV_TASK_NEWTASK, .val = (unsigned long)t->pid);
}

void switch_to(struct machine *m, struct task_struct *t)
{
	struct task_struct *prev = m->current[m->cpu];

	m->current[m->cpu] = t;
	if (t)
		t->cpu = m->cpu;
	tlb_switch_mm(m, m->cpu, t ? t->mm : NULL);
	event_emit(m, .type = EV_SWITCH_MM, .cpu = m->cpu,
		   .val = prev ? (unsigned long)prev->pid : 0, .val2 = t ? (unsigned long)t->pid : 0,
		   .pfn = t ? t->mm->pgd : m->init_mm->pgd);
}

/* The child's mm: the parent's layout, VMAs and (copy-on-write) pages. */
static struct mm_struct *dup_mm(struct machine *m, struct mm_struct *parent)
{
	struct mm_struct *mm = mm_alloc(m);

	if (!mm)
		return NULL;
	mm->task_size = parent->task_size;
	mm->mmap_base = parent->mmap_base;
	mm->legacy_layout = parent->legacy_layout;
	mm->start_code = parent->start_code;
	mm->end_code = parent->end_code;
	mm->start_data = parent->start_data;
	mm->end_data = parent->end_data;
	mm->start_brk = parent->start_brk;
	mm->brk = parent->brk;
	mm->start_stack = parent->start_stack;
	if (pgd_alloc(m, mm) < 0 || (parent->malloc && !(mm->malloc =
	    malloc_state_dup(parent->malloc))) || dup_mmap(m, mm, parent) < 0) {
		mmput(m, mm);
		return NULL;
	}
	mm->hiwater_rss = get_mm_rss(mm);
	return mm;
}

/*
 * The parent's mm is held (mm_users) while the child's is built: the
 * allocations may call the OOM killer, which may choose the parent.
 */
int do_fork(struct machine *m, struct task_struct *t)
{
	struct mm_struct *parent = t->mm, *mm = NULL;
	struct task_struct *child;
	char comm[TASK_COMM_LEN];
	int pid = t->pid, err = -ENOMEM;
	short adj = t->oom_score_adj;

	snprintf(comm, sizeof(comm), "%s", t->comm);
	parent->mm_users++;
	child = task_alloc(m);
	if (child && !(mm = dup_mm(m, parent)))
		mm_err(m, -ENOMEM, "out of memory for the child's address space");
	if (mm)
		err = alloc_pid(m, child);
	mmput(m, parent);
	if (!find_task(m, pid) || err) {
		if (mm)
			mmput(m, mm);
		if (child)
			task_free(m, child);
		if (find_task(m, pid))
			return err;
		return mm_err(m, -ENOMEM, "pid %d (%s) was killed by the OOM killer", pid,
			      comm);
	}
	task_attach(m, child, mm, comm, pid);
	child->oom_score_adj = adj;
	event_emit(m, .type = EV_SCHED_PROCESS_FORK, .val = (unsigned long)pid,
		   .val2 = (unsigned long)child->pid);
	return child->pid;
}

void do_exit(struct machine *m, struct task_struct *t)
{
	event_emit(m, .type = EV_SCHED_PROCESS_EXIT, .val = (unsigned long)t->pid);
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		if (m->current[cpu] == t) {
			int saved = m->cpu;

			m->cpu = cpu;
			switch_to(m, NULL);
			m->cpu = saved;
		}
	for (struct task_struct *c = m->tasks; c; c = c->next)
		if (c->ppid == t->pid)
			c->ppid = 0;		/* no init to reparent to: the shell adopts */
	task_unlink(m, t);
	mmput(m, t->mm);
	task_free(m, t);
}

/* ---- boot ------------------------------------------------------------------------ */

int mm_boot(struct machine *m)
{
	unsigned long next_bss = KERNEL_START_PFN + (m->arch->kernel_image >> PAGE_SHIFT) - 1;

	m->mm_node_stat = calloc((size_t)m->nr_nodes * NR_MM_NODE_STATS, sizeof(long));
	m->init_mm = calloc(1, sizeof(*m->init_mm));
	if (!m->mm_node_stat || !m->init_mm)
		return -ENOMEM;
	m->init_mm->id = ++m->last_mm_id;
	m->init_mm->mm_users = 1;
	m->init_mm->task_size = m->arch->task_size;
	pgtable_boot(m, m->init_mm, &next_bss);
	m->zero_pfn = next_bss--;		/* empty_zero_page, in .bss too */
	SetPageFlag(pfn_to_page(m, m->zero_pfn), PG_zero);
	if (filemap_boot(m) < 0 || tlb_init(m) < 0)
		return -ENOMEM;
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		tlb_switch_mm(m, cpu, NULL);
	return 0;
}

void mm_teardown(struct machine *m)
{
	m->events.nr = 0;			/* nobody listens to a machine going away */
	while (m->tasks)
		do_exit(m, m->tasks);
	filemap_destroy(m);
	tlb_destroy(m);
	free(m->init_mm);
	m->init_mm = NULL;
	free(m->mm_node_stat);
	m->mm_node_stat = NULL;
}
