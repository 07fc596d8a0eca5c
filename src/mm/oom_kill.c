/*
 * oom_kill.c - choosing and killing the OOM victim, and its report.
 *
 * The report goes to the kernel log in the order and format of Linux
 * 6.1's dump_header() and __oom_kill_process() (the stack dump and the
 * per-zone part of Mem-Info left out):
 *
 *   app invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0
 *   Mem-Info:
 *   active_anon:0 inactive_anon:15360 isolated_anon:0
 *    ... (the rest of show_free_areas()'s summary)
 *   Tasks state (memory values in pages):
 *   [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name
 *   [      1]     0     1    10276    10241    49152        0             0 big
 *   oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/,task=big,pid=1,uid=0
 *   Out of memory: Killed process 1 (big) total-vm:41104kB, anon-rss:40960kB, file-rss:4kB, shmem-rss:0kB, UID:0 pgtables:48kB oom_score_adj:0
 *
 * The victim exits at once; its pages, swap entries and page tables are
 * freed before the allocation retries.  If the victim is the process
 * whose fault needed the page, its address space stays until the fault
 * has unwound (mm_users), and the fault fails: the process is gone.
 */
#include <errno.h>
#include <stdio.h>
#include "gfp.h"
#include "machine.h"
#include "mm_types.h"
#include "oom_kill.h"
#include "page_alloc.h"
#include "printk.h"
#include "sched.h"
#include "slab.h"
#include "swapfile.h"
#include "vmscan.h"

#define K(pages) ((unsigned long)(pages) << (PAGE_SHIFT - 10))

unsigned long oom_totalpages(const struct machine *m)
{
	return m->totalram_pages + (unsigned long)total_swap_pages(m);
}

long oom_badness(const struct machine *m, const struct task_struct *t,
		 unsigned long totalpages)
{
	long points, adj = t->oom_score_adj;

	(void)m;
	if (adj == OOM_SCORE_ADJ_MIN)
		return LONG_MIN;
	points = (long)get_mm_rss(t->mm) + t->mm->rss_stat[MM_SWAPENTS] +
		 (long)(t->mm->pgtables_bytes / PAGE_SIZE);
	adj *= (long)(totalpages / 1000);
	return points + adj;
}

unsigned long oom_score(const struct machine *m, const struct task_struct *t)
{
	unsigned long total = oom_totalpages(m);
	long badness = oom_badness(m, t, total);

	if (badness == LONG_MIN)
		return 0;
	return (unsigned long)((1000 + badness * 1000 / (long)total) * 2 / 3);
}

int set_oom_score_adj(struct machine *m, struct task_struct *t, long adj)
{
	if (adj < OOM_SCORE_ADJ_MIN || adj > OOM_SCORE_ADJ_MAX)
		return mm_err(m, -EINVAL, "%ld is out of range (%d..%d)", adj, OOM_SCORE_ADJ_MIN,
			      OOM_SCORE_ADJ_MAX);
	t->oom_score_adj = (short)adj;
	event_emit(m, .type = EV_OOM_SCORE_ADJ_UPDATE, .val = (unsigned long)t->pid,
		   .val2 = (unsigned long)adj);
	return 0;
}

/* select_bad_process(): the highest badness; a later task wins a tie. */
static struct task_struct *select_bad_process(const struct machine *m, unsigned long total)
{
	struct task_struct *chosen = NULL;
	long chosen_points = LONG_MIN;

	for (struct task_struct *t = m->tasks; t; t = t->next) {
		long points = oom_badness(m, t, total);

		if (points == LONG_MIN || points < chosen_points)
			continue;
		chosen = t;
		chosen_points = points;
	}
	return chosen;
}

static unsigned long sum_zone(const struct machine *m, enum zone_stat_item i)
{
	const struct zone *z;
	long n = 0;

	for_each_populated_zone(m, z)
		n += zone_page_state(z, i);
	return n > 0 ? (unsigned long)n : 0;
}

static unsigned long sum_node(const struct machine *m, enum mm_node_stat i)
{
	unsigned long n = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++)
		n += mm_node_stat_pages(m, nid, i);
	return n;
}

static unsigned long sum_slab(const struct machine *m, bool reclaimable)
{
	unsigned long n = 0;

	for (int nid = 0; nid < m->nr_nodes && m->slab; nid++)
		n += slab_node_pages(m, nid, reclaimable);
	return n;
}


/* show_free_areas(): its first block, the machine-wide summary. */
static void show_mem(struct machine *m)
{
	printk(m, "Mem-Info:");
	printk(m, "active_anon:%lu inactive_anon:%lu isolated_anon:0",
	       sum_zone(m, NR_ZONE_ACTIVE_ANON), sum_zone(m, NR_ZONE_INACTIVE_ANON));
	printk(m, " active_file:%lu inactive_file:%lu isolated_file:0",
	       sum_zone(m, NR_ZONE_ACTIVE_FILE), sum_zone(m, NR_ZONE_INACTIVE_FILE));
	printk(m, " unevictable:%lu dirty:%lu writeback:0", sum_zone(m, NR_ZONE_UNEVICTABLE),
	       sum_node(m, MM_NR_FILE_DIRTY));
	printk(m, " slab_reclaimable:%lu slab_unreclaimable:%lu", sum_slab(m, true),
	       sum_slab(m, false));
	printk(m, " mapped:%lu shmem:%lu pagetables:%lu", sum_node(m, MM_NR_FILE_MAPPED),
	       sum_node(m, MM_NR_SHMEM), sum_node(m, MM_NR_PAGETABLE));
	printk(m, " sec_pagetables:0 bounce:0");
	printk(m, " kernel_misc_reclaimable:0");
	printk(m, " free:%lu free_pcp:%lu free_cma:0", sum_zone(m, NR_FREE_PAGES), nr_pcp_pages(m));
}

/* dump_tasks(): one line per process, memory in pages. */
static void dump_tasks(struct machine *m)
{
	printk(m, "Tasks state (memory values in pages):");
	printk(m, "[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents "
	       "oom_score_adj name");
	for (const struct task_struct *t = m->tasks; t; t = t->next)
		printk(m, "[%7d] %5d %5d %8lu %8lu %8ld %8lu         %5hd %s", t->pid, 0, t->pid,
		       t->mm->total_vm, get_mm_rss(t->mm), (long)t->mm->pgtables_bytes,
		       (unsigned long)t->mm->rss_stat[MM_SWAPENTS], t->oom_score_adj, t->comm);
}

static void dump_header(struct machine *m, gfp_t gfp, unsigned order)
{
	const struct task_struct *cur = current_task(m);
	char gfp_name[160];

	gfp_format(gfp, gfp_name, sizeof(gfp_name));
	if (cur)
		printk(m, "%s invoked oom-killer: gfp_mask=%#x(%s), order=%u, oom_score_adj=%hd",
		       cur->comm, gfp, gfp_name, order, cur->oom_score_adj);
	else
		printk(m, "swapper/%d invoked oom-killer: gfp_mask=%#x(%s), order=%u, "
		       "oom_score_adj=0", m->cpu, gfp, gfp_name, order);
	show_mem(m);
	dump_tasks(m);
}

/* dump_oom_summary() and the "Killed process" line, then the kill. */
static int oom_kill_process(struct machine *m, struct task_struct *victim)
{
	const struct mm_struct *mm = victim->mm;
	bool pinned = mm->mm_users > 1;
	char mems[16];

	if (m->nr_nodes > 1)
		snprintf(mems, sizeof(mems), "0-%d", m->nr_nodes - 1);	/* %*pbl of the nodes */
	else
		snprintf(mems, sizeof(mems), "0");
	printk(m, "oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=%s,"
	       "global_oom,task_memcg=/,task=%s,pid=%d,uid=0", mems, victim->comm, victim->pid);
	printk(m, "Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, "
	       "file-rss:%lukB, shmem-rss:%lukB, UID:0 pgtables:%lukB oom_score_adj:%hd",
	       victim->pid, victim->comm, K(mm->total_vm), K(mm->rss_stat[MM_ANONPAGES]),
	       K(mm->rss_stat[MM_FILEPAGES]), K(mm->rss_stat[MM_SHMEMPAGES]),
	       mm->pgtables_bytes >> 10, victim->oom_score_adj);
	event_emit(m, .type = EV_MARK_VICTIM, .val = (unsigned long)victim->pid);
	count_vm_event(m, OOM_KILL);
	do_exit(m, victim);
	return pinned ? 0 : 1;
}

int out_of_memory(struct machine *m, gfp_t gfp, unsigned order)
{
	struct task_struct *victim;

	dump_header(m, gfp, order);
	victim = select_bad_process(m, oom_totalpages(m));
	if (!victim) {
		printk(m, "Out of memory and no killable processes...");
		return -1;
	}
	return oom_kill_process(m, victim);
}
