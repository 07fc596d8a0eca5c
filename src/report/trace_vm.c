/*
 * trace_vm.c - events of processes and their address spaces as ftrace
 * lines.
 *
 * The kernel's tracepoints keep Linux 6.1's TP_printk() formats:
 *
 *   task_newtask: pid=1 comm=app clone_flags=11 oom_score_adj=0
 *   sched_process_fork: comm=app pid=1 child_comm=app child_pid=2
 *   sched_process_exit: comm=app pid=2 prio=120
 *   page_fault_user: address=0x804b008 ip=0x8048000 error_code=0x6
 *   signal_generate: sig=11 errno=0 code=1 comm=app pid=1 grp=1 res=0
 *   mm_filemap_add_to_page_cache: dev 8:1 ino 85 pfn=0x38000 ofs=0
 *   tlb_flush: pages:-1 reason:flush on task switch (0)
 *
 * (%ps of a user address prints it in hex; ip is the model's stand-in, the
 * program's entry point; exec and fork are a clone with SIGCHLD, 0x11.)
 * The model's own steps print "name: key=value ...":
 *
 *   find_vma: addr=0x804b008 vma=0x804b000-0x806c000 flags=rw-p
 *   pte_alloc: mm=2 level=pte pfn=0x1801 addr=0x804b008 kernel=0
 *   do_anonymous_page: addr=0x804b008 pfn=0x38000 zero_page=0 zone=HighMem
 *   set_pte: addr=0x804b008 table=0x1801 index=75 pte=0x38000067
 */
#include <stdio.h>
#include "mm/filemap.h"
#include "mm/machine.h"
#include "mm/pgtable.h"
#include "mm/sched.h"
#include "mm/tlb.h"
#include "report/trace_vm.h"

static const char *comm_of(const struct machine *m, unsigned long pid)
{
	const struct task_struct *t = find_task(m, (int)pid);

	return t ? t->comm : "?";
}

static const char *zname(const struct mm_event *ev)
{
	return ev->zone ? zone_name(ev->zone->type) : "none";
}

static int tr_task(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	switch (ev->type) {
	case EV_TASK_NEWTASK:
		return snprintf(buf, len, "pid=%lu comm=%s clone_flags=11 oom_score_adj=0", ev->val,
				comm_of(m, ev->val));
	case EV_SCHED_PROCESS_FORK:
		return snprintf(buf, len, "comm=%s pid=%lu child_comm=%s child_pid=%lu",
				comm_of(m, ev->val), ev->val, comm_of(m, ev->val2), ev->val2);
	case EV_SCHED_PROCESS_EXIT:
		return snprintf(buf, len, "comm=%s pid=%lu prio=120", comm_of(m, ev->val), ev->val);
	default:
		return snprintf(buf, len, "cpu=%d prev_pid=%lu next_pid=%lu cr3=0x%lx", ev->cpu,
				ev->val, ev->val2, ev->pfn << PAGE_SHIFT);
	}
}

static int tr_fault(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	const struct task_struct *t;
	char fl[8];

	switch (ev->type) {
	case EV_PAGE_FAULT_USER:
		t = find_task(m, (int)ev->val3);
		return snprintf(buf, len, "address=0x%lx ip=0x%lx error_code=0x%lx", ev->val,
				t ? t->mm->start_code : 0, ev->val2);
	case EV_FIND_VMA:
		if (!ev->ok)
			return snprintf(buf, len, "addr=0x%lx vma=none", ev->val);
		vm_flags_perms(ev->gfp, fl);
		return snprintf(buf, len, "addr=0x%lx vma=0x%lx-0x%lx flags=%s", ev->val, ev->val2,
				ev->val3, fl);
	case EV_EXPAND_STACK:
		return snprintf(buf, len, "vm_start=0x%lx old_vm_start=0x%lx", ev->val, ev->val2);
	case EV_SIGNAL_GENERATE:
		return snprintf(buf, len, "sig=%u errno=0 code=%lu comm=%s pid=%lu grp=1 res=0",
				ev->order, ev->val2, comm_of(m, ev->val3), ev->val3);
	default:
		return 0;
	}
}

static int tr_pgtable(const struct machine *m, const struct mm_event *ev, char *buf,
		      size_t len)
{
	switch (ev->type) {
	case EV_PTE_ALLOC:
		return snprintf(buf, len, "mm=%lu level=%s pfn=0x%lx addr=0x%lx kernel=%d", ev->val2,
				pt_level_name((enum pt_level)ev->order), ev->pfn, ev->val, ev->ok);
	case EV_PTE_FREE:
		return snprintf(buf, len, "mm=%lu level=%s pfn=0x%lx", ev->val2,
				pt_level_name((enum pt_level)ev->order), ev->pfn);
	default:
		return snprintf(buf, len, "addr=0x%lx table=0x%lx index=%u pte=0x%0*llx pfn=0x%lx",
				ev->val, ev->val2, ev->order, m->arch->pte_bytes * 2,
				(unsigned long long)ev->val3, ev->pfn);
	}
}

static int tr_handler(const struct machine *m, const struct mm_event *ev, char *buf,
		      size_t len)
{
	(void)m;
	switch (ev->type) {
	case EV_DO_ANONYMOUS_PAGE:
		return snprintf(buf, len, "addr=0x%lx pfn=0x%lx zero_page=%d zone=%s", ev->val,
				ev->pfn, !ev->ok, zname(ev));
	case EV_DO_READ_FAULT:
		return snprintf(buf, len, "addr=0x%lx pfn=0x%lx index=%lu major=%d", ev->val, ev->pfn,
				ev->val2, ev->ok);
	case EV_DO_COW_FAULT:
		return snprintf(buf, len, "addr=0x%lx pfn=0x%lx from_pfn=0x%lx zone=%s", ev->val,
				ev->pfn, ev->val2, zname(ev));
	case EV_DO_SHARED_FAULT:
		return snprintf(buf, len, "addr=0x%lx pfn=0x%lx", ev->val, ev->pfn);
	default:
		return snprintf(buf, len, "addr=0x%lx pfn=0x%lx old_pfn=0x%lx reuse=%d", ev->val,
				ev->pfn, ev->val2, ev->ok);
	}
}

static int tr_filemap(const struct machine *m, const struct mm_event *ev, char *buf,
		      size_t len)
{
	const struct sim_file *f = file_by_id(m, ev->gfp);

	if (ev->type == EV_WRITEBACK_PAGE)
		return snprintf(buf, len, "ino=%lx pfn=0x%lx index=%lu", ev->val, ev->pfn, ev->val2);
	return snprintf(buf, len, "dev %u:%u ino %lx pfn=0x%lx ofs=%lu", f ? f->dev_major : 0,
			f ? f->dev_minor : 0, ev->val, ev->pfn, ev->val2 << PAGE_SHIFT);
}

static int tr_tlb(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	(void)m;
	if (ev->type == EV_TLB_MISS)
		return snprintf(buf, len, "cpu=%d addr=0x%lx pfn=0x%lx", ev->cpu, ev->val, ev->pfn);
	return snprintf(buf, len, "pages:%ld reason:%s (%lu)", (long)ev->val,
			tlb_flush_reason_name(ev->val2), ev->val2);
}

int trace_vm(const struct machine *m, const struct mm_event *ev, char *buf, size_t len)
{
	switch (ev->type) {
	case EV_TASK_NEWTASK: case EV_SCHED_PROCESS_FORK: case EV_SCHED_PROCESS_EXIT:
	case EV_SWITCH_MM:
		return tr_task(m, ev, buf, len);
	case EV_PAGE_FAULT_USER: case EV_FIND_VMA: case EV_EXPAND_STACK: case EV_SIGNAL_GENERATE:
		return tr_fault(m, ev, buf, len);
	case EV_PTE_ALLOC: case EV_PTE_FREE: case EV_SET_PTE:
		return tr_pgtable(m, ev, buf, len);
	case EV_DO_ANONYMOUS_PAGE: case EV_DO_READ_FAULT: case EV_DO_COW_FAULT:
	case EV_DO_SHARED_FAULT: case EV_DO_WP_PAGE:
		return tr_handler(m, ev, buf, len);
	case EV_MM_FILEMAP_ADD: case EV_MM_FILEMAP_DELETE: case EV_WRITEBACK_PAGE:
		return tr_filemap(m, ev, buf, len);
	case EV_TLB_FLUSH: case EV_TLB_MISS:
		return tr_tlb(m, ev, buf, len);
	default:
		return 0;
	}
}
