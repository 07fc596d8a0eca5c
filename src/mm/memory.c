/*
 * memory.c - the MMU's side of an access and the kernel's page-fault path.
 *
 * A write to a fresh anonymous page on i386, step by step:
 *
 *   TLB miss -> walk: pgd[0x20] not present          #PF error 6 (W|U)
 *   do_user_addr_fault: find_vma -> [0804c000, 0806d000) rw-p, write allowed
 *   handle_mm_fault: pgfault++; pgd[0x20] empty -> a PTE table is allocated
 *   do_anonymous_page: write -> a zeroed page, GFP_HIGHUSER_MOVABLE (HighMem
 *     first), mapped P RW US A D; the task's min_flt++
 *   retry: walk succeeds, the TLB is filled
 *
 * The fault handlers follow mm/memory.c: a read of never-touched anonymous
 * memory maps the shared zero page read-only; a write allocates; a write
 * to a page shared after fork copies it (do_wp_page), unless only one
 * mapper is left, which reuses it; file pages come through the page cache
 * (a major fault when the file has to be read); a swap entry is read back
 * through the swap cache (do_swap_page, swapfile.h).  What cannot be fixed is
 * a signal: SIGSEGV with SEGV_MAPERR (nothing mapped there) or
 * SEGV_ACCERR (mapped, but not for this access), SIGBUS past the end of a
 * file; the process dies and the kernel logs its segfault line.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "filemap.h"
#include "gfp.h"
#include "machine.h"
#include "memory.h"
#include "mmap.h"
#include "page_alloc.h"
#include "pgtable.h"
#include "printk.h"
#include "rmap.h"
#include "sched.h"
#include "swapfile.h"
#include "tlb.h"
#include "vmscan.h"

/* ---- the page-table entries the handlers write ----------------------------------- */

static inline void set_pte_at(struct machine *m, struct vm_area_struct *vma,
			      unsigned long addr, unsigned long table, unsigned idx, pteval_t e)
{
	pteval_t old = pt_get(m, table, idx);

	pt_set(m, table, idx, e);
	event_emit(m, .type = EV_SET_PTE, .val = addr, .pfn = pte_pfn(e), .val2 = table,
		   .val3 = e, .order = idx);
	if (pte_mapped(old))
		flush_tlb_page(m, vma->vm_mm, addr);	/* ptep_clear_flush() */
}

/* The frame's bytes become a copy of src's (copy_user_highpage()). */
static void copy_page_data(struct machine *m, unsigned long dst, unsigned long src)
{
	const void *from = page_data(m, src);
	void *to;

	if (!from) {
		page_data_drop(m, dst);
		return;
	}
	to = page_data_get(m, dst);
	if (to)
		memcpy(to, from, PAGE_SIZE);
}

static long alloc_user_page(struct machine *m, bool zero)
{
	return alloc_pages(m, GFP_HIGHUSER_MOVABLE | (zero ? __GFP_ZERO : 0), 0);
}

static inline void rss_add(struct vm_area_struct *vma, bool anon, long n)
{
	int which = anon ? MM_ANONPAGES : vma->vm_file && vma->vm_file->shmem ?
		    MM_SHMEMPAGES : MM_FILEPAGES;
	unsigned long rss;

	vma->vm_mm->rss_stat[which] += n;
	rss = get_mm_rss(vma->vm_mm);
	if (rss > vma->vm_mm->hiwater_rss)
		vma->vm_mm->hiwater_rss = rss;
}

/* ---- the handlers ------------------------------------------------------------------ */

/*
 * do_anonymous_page(): the zero page for a read, a new zeroed page for a
 * write.  Inlined into handle_mm_fault(): the commonest fault of all.
 */
static inline __attribute__((always_inline)) int
do_anonymous_page(struct machine *m, struct vm_area_struct *vma, unsigned long addr,
		  unsigned long table, unsigned idx, bool write)
{
	pteval_t prot = vm_get_page_prot(m, vma->vm_flags);
	long pfn;

	if (!write) {
		event_emit(m, .type = EV_DO_ANONYMOUS_PAGE, .val = addr, .pfn = m->zero_pfn,
			   .zone = pfn_zone(m, m->zero_pfn), .ok = false);
		set_pte_at(m, vma, addr, table, idx,
			   pfn_pte(m->zero_pfn, prot & ~(pteval_t)_PAGE_RW));
		return 0;
	}
	pfn = alloc_user_page(m, true);
	if (pfn < 0)
		return (int)pfn;
	anon_vma_prepare(m, vma);
	page_add_new_anon_rmap(m, (unsigned long)pfn, vma, addr);
	lru_cache_add_vma(m, (unsigned long)pfn, vma);
	rss_add(vma, true, 1);
	event_emit(m, .type = EV_DO_ANONYMOUS_PAGE, .val = addr, .pfn = (unsigned long)pfn,
		   .zone = pfn_zone(m, (unsigned long)pfn), .ok = true);
	if (vma->vm_flags & VM_WRITE)
		prot |= _PAGE_RW | _PAGE_DIRTY;
	set_pte_at(m, vma, addr, table, idx, pfn_pte((unsigned long)pfn, prot));
	return 0;
}

static int sigbus_past_eof(struct machine *m, struct vm_area_struct *vma, unsigned long addr)
{
	return mm_err(m, -EFAULT, "0x%0*lx is beyond the end of %s (%lu bytes)",
		      m->arch->addr_digits, addr, vma->vm_file->name, vma->vm_file->size);
}

/* do_read_fault(): map the page-cache page; read-only unless shmem and writable. */
static int do_read_fault(struct machine *m, struct vm_area_struct *vma, unsigned long addr,
			 unsigned long table, unsigned idx, bool *major)
{
	struct sim_file *f = vma->vm_file;
	unsigned long index = linear_page_index(vma, addr);
	pteval_t prot = vm_get_page_prot(m, vma->vm_flags);
	long pfn = filemap_fault(m, f, index, major);

	if (pfn < 0)
		return (int)pfn;
	page_add_file_rmap(m, (unsigned long)pfn);
	rss_add(vma, false, 1);
	event_emit(m, .type = EV_DO_READ_FAULT, .val = addr, .pfn = (unsigned long)pfn,
		   .val2 = index, .ok = *major, .zone = pfn_zone(m, (unsigned long)pfn),
		   .gfp = f->id);
	if (!f->shmem)
		prot &= ~(pteval_t)_PAGE_RW;	/* writenotify: the first write marks it dirty */
	set_pte_at(m, vma, addr, table, idx, pfn_pte((unsigned long)pfn, prot));
	return 0;
}

/* do_cow_fault(): a write to a private file mapping copies the file page. */
static int do_cow_fault(struct machine *m, struct vm_area_struct *vma, unsigned long addr,
			unsigned long table, unsigned idx, bool *major)
{
	unsigned long index = linear_page_index(vma, addr);
	long src, pfn = alloc_user_page(m, false);

	if (pfn < 0)
		return (int)pfn;
	src = filemap_fault(m, vma->vm_file, index, major);
	if (src < 0) {
		__free_pages(m, (unsigned long)pfn, 0);
		return (int)src;
	}
	copy_page_data(m, (unsigned long)pfn, (unsigned long)src);
	put_page(m, (unsigned long)src);
	anon_vma_prepare(m, vma);
	page_add_new_anon_rmap(m, (unsigned long)pfn, vma, addr);
	lru_cache_add_vma(m, (unsigned long)pfn, vma);
	rss_add(vma, true, 1);
	event_emit(m, .type = EV_DO_COW_FAULT, .val = addr, .pfn = (unsigned long)pfn,
		   .val2 = (unsigned long)src, .zone = pfn_zone(m, (unsigned long)pfn),
		   .gfp = vma->vm_file->id, .ok = *major);
	set_pte_at(m, vma, addr, table, idx, pfn_pte((unsigned long)pfn,
		   vm_get_page_prot(m, vma->vm_flags) | _PAGE_RW | _PAGE_DIRTY));
	return 0;
}

/* do_shared_fault(): a write to a shared file mapping dirties the cached page. */
static int do_shared_fault(struct machine *m, struct vm_area_struct *vma, unsigned long addr,
			   unsigned long table, unsigned idx, bool *major)
{
	long pfn = filemap_fault(m, vma->vm_file, linear_page_index(vma, addr), major);

	if (pfn < 0)
		return (int)pfn;
	page_add_file_rmap(m, (unsigned long)pfn);
	rss_add(vma, false, 1);
	filemap_set_dirty(m, (unsigned long)pfn);
	event_emit(m, .type = EV_DO_SHARED_FAULT, .val = addr, .pfn = (unsigned long)pfn,
		   .zone = pfn_zone(m, (unsigned long)pfn));
	set_pte_at(m, vma, addr, table, idx, pfn_pte((unsigned long)pfn,
		   vm_get_page_prot(m, vma->vm_flags) | _PAGE_RW | _PAGE_DIRTY));
	return 0;
}

static int do_fault(struct machine *m, struct vm_area_struct *vma, unsigned long addr,
		    unsigned long table, unsigned idx, bool write, bool *major)
{
	if (linear_page_index(vma, addr) >= vma->vm_file->nr_pages)
		return sigbus_past_eof(m, vma, addr);
	if (!write)
		return do_read_fault(m, vma, addr, table, idx, major);
	if (!(vma->vm_flags & VM_SHARED))
		return do_cow_fault(m, vma, addr, table, idx, major);
	return do_shared_fault(m, vma, addr, table, idx, major);
}

/*
 * wp_page_copy(): a private copy replaces the shared (or zero) page.  The
 * old page is held (get_page) across the allocation, which may reclaim:
 * reclaim leaves a held page alone.
 */
static int wp_page_copy(struct machine *m, struct vm_area_struct *vma, unsigned long addr,
			unsigned long table, unsigned idx, pteval_t e, long old)
{
	bool old_anon = old >= 0 && PageFlag(pfn_to_page(m, (unsigned long)old), PG_anon);
	long pfn;

	if (old >= 0)
		get_page(m, (unsigned long)old);
	pfn = alloc_user_page(m, old < 0);
	if (pfn < 0) {
		if (old >= 0)
			put_page(m, (unsigned long)old);
		return (int)pfn;
	}
	if (old >= 0)
		copy_page_data(m, (unsigned long)pfn, (unsigned long)old);
	anon_vma_prepare(m, vma);
	page_add_new_anon_rmap(m, (unsigned long)pfn, vma, addr);
	lru_cache_add_vma(m, (unsigned long)pfn, vma);
	rss_add(vma, true, 1);
	event_emit(m, .type = EV_DO_WP_PAGE, .val = addr, .pfn = (unsigned long)pfn,
		   .val2 = old < 0 ? m->zero_pfn : (unsigned long)old, .ok = false,
		   .zone = pfn_zone(m, (unsigned long)pfn));
	set_pte_at(m, vma, addr, table, idx, pfn_pte((unsigned long)pfn,
		   (e & ~PTE_PFN_MASK) | _PAGE_RW | _PAGE_DIRTY | _PAGE_ACCESSED));
	if (old >= 0) {
		rss_add(vma, old_anon, -1);
		page_remove_rmap(m, (unsigned long)old);
		put_page(m, (unsigned long)old);
	}
	return 0;
}

/* do_wp_page(): a write to a present, write-protected page. */
static int do_wp_page(struct machine *m, struct vm_area_struct *vma, unsigned long addr,
		      unsigned long table, unsigned idx, pteval_t e)
{
	long pfn = vm_normal_page(m, e);
	const struct page *p = pfn >= 0 ? pfn_to_page(m, (unsigned long)pfn) : NULL;
	bool reuse;

	/* wp_can_reuse_anon_folio(): a swap-cache copy nobody else needs goes first */
	if (p && PageFlag(p, PG_anon) && PageFlag(p, PG_swapcache) && p->_refcount == 2)
		folio_free_swap(m, (unsigned long)pfn);
	reuse = (vma->vm_flags & VM_SHARED) || (p && PageFlag(p, PG_anon) && p->_refcount == 1);

	if (!reuse)
		return wp_page_copy(m, vma, addr, table, idx, e, pfn);
	if (vma->vm_flags & VM_SHARED && p && !PageFlag(p, PG_anon))
		filemap_set_dirty(m, (unsigned long)pfn);	/* wp_page_shared() */
	event_emit(m, .type = EV_DO_WP_PAGE, .val = addr, .pfn = (unsigned long)pfn,
		   .val2 = (unsigned long)pfn, .ok = true, .zone = pfn_zone(m, (unsigned long)pfn));
	set_pte_at(m, vma, addr, table, idx, e | _PAGE_RW | _PAGE_DIRTY | _PAGE_ACCESSED);
	return 0;
}

/*
 * do_swap_page(): the PTE holds a swap entry.  The page comes from the
 * swap cache (a minor fault) or is read from its slot (major); this PTE's
 * reference to the slot goes, and so does the swap-cache copy if nothing
 * else needs the slot and swap is more than half full, or this is a write
 * and no one else has the page.  A write to a page that is still shared
 * (after fork) then goes through do_wp_page(), which copies it.
 */
static int do_swap_page(struct machine *m, struct vm_area_struct *vma, unsigned long addr,
			unsigned long table, unsigned idx, pteval_t e, bool write, bool *major)
{
	swp_entry_t entry = pte_to_swp_entry(m, e);
	bool take, exclusive, mkwrite;
	struct page *p;
	pteval_t pte;
	long pfn;

	MM_BUG_ON(!swap_entry_valid(m, entry), m, swp_offset(entry));
	/* the only reference and no cached copy: the slot goes now, its bytes may move */
	take = swap_count(m, entry) == 1 && lookup_swap_cache(m, entry) < 0 &&
	       (write || vm_swap_full(m));
	pfn = swapin(m, entry, vma, addr, take, major);
	if (pfn < 0)
		return (int)pfn;
	p = pfn_to_page(m, (unsigned long)pfn);
	exclusive = swap_count(m, entry) == 1 && page_mapcount(p) == 0;
	swap_free(m, entry);
	if (take || (PageFlag(p, PG_swapcache) && (vm_swap_full(m) || (write && p->_refcount == 2))))
		folio_free_swap(m, (unsigned long)pfn);
	page_add_anon_rmap(m, (unsigned long)pfn);
	vma->vm_mm->rss_stat[MM_SWAPENTS]--;
	rss_add(vma, true, 1);
	pte = pfn_pte((unsigned long)pfn, vm_get_page_prot(m, vma->vm_flags));
	mkwrite = write && (exclusive || p->_refcount == 1);
	if (mkwrite)
		pte |= _PAGE_RW | _PAGE_DIRTY;
	event_emit(m, .type = EV_DO_SWAP_PAGE, .val = addr, .pfn = (unsigned long)pfn,
		   .val2 = swp_type(entry), .val3 = swp_offset(entry), .ok = *major,
		   .order = mkwrite, .zone = pfn_zone(m, (unsigned long)pfn));
	set_pte_at(m, vma, addr, table, idx, pte);
	if (write && !mkwrite)
		return do_wp_page(m, vma, addr, table, idx, pte);
	return 0;
}

int handle_mm_fault(struct machine *m, struct vm_area_struct *vma, unsigned long addr,
		    unsigned long error_code, bool *major)
{
	bool write = error_code & X86_PF_WRITE;
	unsigned idx;
	long table;
	pteval_t e;

	*major = false;
	count_vm_event(m, PGFAULT);
	table = pte_alloc(m, vma->vm_mm, addr, &idx);
	if (table < 0)
		return (int)table;
	e = pt_get(m, (unsigned long)table, idx);
	if (pte_none(e)) {
		if (vma_is_anonymous(vma))
			return do_anonymous_page(m, vma, addr, (unsigned long)table, idx, write);
		return do_fault(m, vma, addr, (unsigned long)table, idx, write, major);
	}
	if (is_swap_pte(e))
		return do_swap_page(m, vma, addr, (unsigned long)table, idx, e, write, major);
	MM_BUG_ON(!pte_present(e), m, pte_pfn(e));	/* PROT_NONE entries */
	if (write && !(e & _PAGE_RW))
		return do_wp_page(m, vma, addr, (unsigned long)table, idx, e);
	/* the entry allows it already (a stale TLB entry): just make it young */
	pt_set(m, (unsigned long)table, idx, e | _PAGE_ACCESSED | (write ? _PAGE_DIRTY : 0));
	return 0;
}

/* ---- do_user_addr_fault ----------------------------------------------------------- */

const char *si_code_name(int signo, int si_code)
{
	if (si_code == FI_SI_KERNEL)
		return "SI_KERNEL";
	if (signo == FI_SIGBUS)
		return si_code == FI_BUS_ADRERR ? "BUS_ADRERR" : "?";
	return si_code == FI_SEGV_MAPERR ? "SEGV_MAPERR" :
	       si_code == FI_SEGV_ACCERR ? "SEGV_ACCERR" : "?";
}

/*
 * The instruction pointer the model reports: the address itself for an
 * instruction fetch, else the entry point (it runs no instructions).
 */
static unsigned long task_ip(const struct task_struct *t, const struct fault_info *fi)
{
	return fi->error_code & X86_PF_INSTR ? fi->addr : t->mm->start_code;
}

/* print_vma_addr(): " in app[8048000+2000]" for the file VMA holding ip. */
static void vma_addr_str(struct mm_struct *mm, unsigned long ip, char *buf, size_t len)
{
	struct vm_area_struct *v = vma_lookup(mm, ip);
	const char *name, *slash;

	buf[0] = '\0';
	if (!v || !v->vm_file)
		return;
	name = v->vm_file->name;
	slash = strrchr(name, '/');
	snprintf(buf, len, " in %s[%lx+%lx]", slash ? slash + 1 : name, v->vm_start,
		 v->vm_end - v->vm_start);
}

/* show_signal_msg(): the kernel's line for an unhandled SIGSEGV (none for SIGBUS). */
static void fault_log(const struct machine *m, struct task_struct *t, struct fault_info *fi)
{
	int w = m->arch->is_64bit ? 16 : 8;
	char where[96];

	vma_addr_str(t->mm, task_ip(t, fi), where, sizeof(where));
	if (fi->signo != FI_SIGSEGV)
		fi->log[0] = '\0';		/* do_sigbus() logs nothing */
	else if (fi->si_code == FI_SI_KERNEL)	/* traps.c's pr_fmt adds "traps: " */
		snprintf(fi->log, sizeof(fi->log), "traps: %s[%d] general protection fault ip:%lx "
			 "sp:%lx error:0%s", t->comm, t->pid, task_ip(t, fi), t->mm->start_stack,
			 where);
	else
		snprintf(fi->log, sizeof(fi->log), "%s[%d]: segfault at %lx ip %0*lx sp %0*lx "
			 "error %lx%s", t->comm, t->pid, fi->addr, w, task_ip(t, fi), w,
			 t->mm->start_stack, fi->error_code, where);
}

/*
 * force_sig_fault() and the death that follows: fills fi, logs, emits,
 * and exits the task.  `why` begins the sentence in m->err.
 */
static int kill_task(struct machine *m, struct task_struct *t, int signo, int si_code,
		     unsigned long addr, unsigned long error_code, const char *why,
		     struct fault_info *fi)
{
	char reason[MM_ERR_LEN];

	snprintf(reason, sizeof(reason), "%s", why);
	fi->signo = signo;
	fi->si_code = si_code;
	fi->addr = addr;
	fi->error_code = error_code;
	fi->pid = t->pid;
	fault_log(m, t, fi);
	if (fi->log[0])
		printk_info(m, "%s", fi->log);
	event_emit(m, .type = EV_SIGNAL_GENERATE, .order = (unsigned)signo,
		   .val2 = (unsigned long)si_code, .val = addr, .val3 = (unsigned long)t->pid,
		   .data = reason);
	mm_err(m, -EFAULT, "%s (%s, %s): pid %d (%s) killed", reason,
	       signo == FI_SIGBUS ? "SIGBUS" : "SIGSEGV", si_code_name(signo, si_code), t->pid,
	       t->comm);
	do_exit(m, t);
	return -EFAULT;
}

/* expand_stack(): lowers a VM_GROWSDOWN VMA's start to addr's page. */
static int expand_stack(struct machine *m, struct vm_area_struct *vma, unsigned long addr)
{
	unsigned long start = addr & PAGE_MASK, grow = (vma->vm_start - start) >> PAGE_SHIFT;
	struct vm_area_struct *prev = vma->vm_prev;

	int w = m->arch->addr_digits;

	if (vma->vm_end - start > RLIMIT_STACK_DEFAULT)
		return mm_err(m, -ENOMEM, "0x%0*lx is not mapped (the stack above it may not grow "
			      "that far: RLIMIT_STACK 8 MiB)", w, addr);
	if (prev && !(prev->vm_flags & VM_GROWSDOWN) && start - prev->vm_end < STACK_GUARD_GAP)
		return mm_err(m, -ENOMEM, "0x%0*lx is not mapped (the stack may not grow into the "
			      "1 MiB guard gap above the mapping at 0x%0*lx)", w, addr, w,
			      prev->vm_start);
	event_emit(m, .type = EV_EXPAND_STACK, .val = start, .val2 = vma->vm_start);
	vma->vm_start = start;
	vma->vm_pgoff = start >> PAGE_SHIFT;
	vm_stat_account(vma->vm_mm, vma->vm_flags, (long)grow);
	return 0;
}

/* access_error() of arch/x86/mm/fault.c. */
static bool access_error(unsigned long error_code, const struct vm_area_struct *vma)
{
	if (error_code & X86_PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (error_code & X86_PF_PROT)
		return true;			/* read (or fetch) of a present page */
	return !(vma->vm_flags & VM_ACCESS_FLAGS);
}

static const char *accerr_why(const struct machine *m, unsigned long error_code, char *buf,
			      size_t len, unsigned long addr, const struct vm_area_struct *v)
{
	const char *what = error_code & X86_PF_WRITE ? "not writable" :
			   error_code & X86_PF_INSTR ? "not executable (NX)" : "not readable";
	int w = m->arch->addr_digits;
	char perms[5];

	snprintf(buf, len, "0x%0*lx is %s: the mapping 0x%0*lx-0x%0*lx is %s", w, addr, what, w,
		 v->vm_start, w, v->vm_end, vm_flags_perms(v->vm_flags, perms));
	return buf;
}

/* The VMA for a user fault at addr, growing the stack if need be; NULL: SEGV_MAPERR. */
static struct vm_area_struct *fault_vma(struct machine *m, struct mm_struct *mm,
					unsigned long addr, char *why, size_t len)
{
	struct vm_area_struct *v = find_vma(mm, addr);

	event_emit(m, .type = EV_FIND_VMA, .val = addr, .val2 = v ? v->vm_start : 0,
		   .val3 = v ? v->vm_end : 0, .gfp = v ? (unsigned)v->vm_flags : 0,
		   .ok = v && v->vm_start <= addr);
	if (v && v->vm_start <= addr)
		return v;
	if (v && (v->vm_flags & VM_GROWSDOWN)) {
		if (expand_stack(m, v, addr) == 0)
			return v;
		snprintf(why, len, "%s", m->err);
		return NULL;
	}
	snprintf(why, len, "0x%0*lx is not mapped", m->arch->addr_digits, addr);
	return NULL;
}

/*
 * handle_mm_fault() with the address space held (mmget()): should the OOM
 * killer choose this very process while the fault allocates, the task is
 * gone when the fault returns, but its mm lives until the mmput() here.
 * Returns handle_mm_fault()'s result, or -EFAULT with fi saying SIGKILL.
 */
static int fault_held(struct machine *m, struct task_struct *t, struct vm_area_struct *vma,
		      unsigned long addr, unsigned long error_code, bool *major,
		      struct fault_info *fi)
{
	struct mm_struct *mm = t->mm;
	unsigned long kills = m->vm_events[OOM_KILL];
	char comm[TASK_COMM_LEN];
	int pid = t->pid, err;

	memcpy(comm, t->comm, sizeof(comm));	/* comm is NUL-terminated within its size */
	fi->signo = 0;
	mm->mm_users++;
	err = handle_mm_fault(m, vma, addr, error_code, major);
	mmput(m, mm);
	/* only the OOM killer ends a task during a fault (and counts it first) */
	if (m->vm_events[OOM_KILL] == kills || find_task(m, pid))
		return err;
	fi->signo = FI_SIGKILL;
	fi->si_code = FI_SI_KERNEL;
	fi->addr = addr;
	fi->error_code = error_code;
	fi->pid = pid;
	fi->log[0] = '\0';
	return mm_err(m, -EFAULT, "out of memory: pid %d (%s) was killed by the OOM killer "
		      "(SIGKILL)", pid, comm);
}

static int do_user_addr_fault(struct machine *m, struct task_struct *t, unsigned long addr,
			      unsigned long error_code, struct fault_info *fi)
{
	struct vm_area_struct *vma;
	char why[MM_ERR_LEN];
	bool major;
	int err;

	event_emit(m, .type = EV_PAGE_FAULT_USER, .cpu = m->cpu, .val = addr,
		   .val2 = error_code, .val3 = (unsigned long)t->pid);
	if (addr >= t->mm->task_size) {
		if (addr >= m->arch->page_offset)
			snprintf(why, sizeof(why), "0x%0*lx is kernel memory: its PTEs lack the U/S "
				 "bit, so a user access faults", m->arch->addr_digits, addr);
		else
			snprintf(why, sizeof(why), "0x%0*lx is above TASK_SIZE 0x%0*lx: not user "
				 "space", m->arch->addr_digits, addr, m->arch->addr_digits,
				 t->mm->task_size);
		return kill_task(m, t, FI_SIGSEGV, FI_SEGV_MAPERR, addr, error_code, why, fi);
	}
	vma = fault_vma(m, t->mm, addr, why, sizeof(why));
	if (!vma)
		return kill_task(m, t, FI_SIGSEGV, FI_SEGV_MAPERR, addr, error_code, why, fi);
	if (access_error(error_code, vma))
		return kill_task(m, t, FI_SIGSEGV, FI_SEGV_ACCERR, addr, error_code,
				 accerr_why(m, error_code, why, sizeof(why), addr, vma), fi);
	err = fault_held(m, t, vma, addr, error_code, &major, fi);
	if (err == -EFAULT && fi->signo == FI_SIGKILL)
		return err;			/* the OOM killer took the process */
	if (err == -EFAULT) {
		snprintf(why, sizeof(why), "%s", m->err);
		return kill_task(m, t, FI_SIGBUS, FI_BUS_ADRERR, addr, error_code, why, fi);
	}
	if (err < 0)
		return err;
	if (major) {
		t->maj_flt++;
		count_vm_event(m, PGMAJFAULT);
	} else {
		t->min_flt++;
	}
	return 0;
}

/* ---- the MMU ------------------------------------------------------------------------ */

bool canonical(const struct machine *m, unsigned long addr)
{
	int bits = m->arch->va_bits;
	long s;

	if (!m->arch->is_64bit)
		return addr <= 0xffffffffUL;
	s = (long)(addr << (64 - bits)) >> (64 - bits);
	return (unsigned long)s == addr;
}

struct hw_walk {
	bool ok, present;
	unsigned long pfn;		/* the 4 KiB frame */
	unsigned long base;		/* the first frame of the page (pfn for 4 KiB) */
	unsigned shift;			/* page size of the mapping */
	unsigned flags;			/* TLBF_* for the TLB */
};

/*
 * The page walker: every level must be present; a user access needs US at
 * every level, a write RW at every level (CR0.WP), a fetch no NX.  On
 * success sets Accessed (and Dirty for a write) in the leaf entry.  The
 * levels come from m->pt_geo; `all` gathers the bits every entry has (RW,
 * US), `any` the bits some entry has (NX).  The entry width is fixed per
 * copy of the loop (hw_walk() below picks it).
 */
static inline __attribute__((always_inline)) void
hw_walk_width(struct machine *m, unsigned long cr3, unsigned long addr, enum access_type type,
	      int cpl, struct hw_walk *h, bool narrow)
{
	const struct pt_geometry *g = &m->pt_geo;
	unsigned long table = cr3;
	pteval_t all = ~(pteval_t)0, any = 0;

	h->ok = h->present = false;
	for (int i = 0; i < g->nr; i++) {
		unsigned idx = pt_geo_index(g, i, addr);
		pteval_t e = pt_get_width(m, table, idx, narrow);

		if (!pte_present(e))
			return;
		all &= e | g->no_perm[i];
		any |= e & g->nx[i];
		if (e & g->leaf[i]) {
			pteval_t ad = _PAGE_ACCESSED | (type == ACCESS_WRITE ? _PAGE_DIRTY : 0);

			h->present = true;
			if ((cpl == 3 && !(all & _PAGE_USER)) ||
			    (type == ACCESS_WRITE && !(all & _PAGE_RW)) ||
			    (type == ACCESS_EXEC && (any & _PAGE_NX)))
				return;
			if ((e | ad) != e) {
				e |= ad;
				pt_set(m, table, idx, e);
			}
			h->ok = true;
			h->shift = g->shift[i];
			h->base = pte_pfn(e);
			h->pfn = h->base + ((addr & ((1UL << h->shift) - 1)) >> PAGE_SHIFT);
			h->flags = (all & _PAGE_RW ? TLBF_RW : 0) | (all & _PAGE_USER ? TLBF_US : 0) |
				   (any & _PAGE_NX ? TLBF_NX : 0) | (e & _PAGE_GLOBAL ? TLBF_G : 0) |
				   (e & _PAGE_DIRTY ? TLBF_D : 0);
			return;
		}
		table = pte_pfn(e);
	}
}

static void hw_walk(struct machine *m, unsigned long cr3, unsigned long addr,
		    enum access_type type, int cpl, struct hw_walk *h)
{
	if (m->arch->pte_bytes == 4)
		hw_walk_width(m, cr3, addr, type, cpl, h, true);
	else
		hw_walk_width(m, cr3, addr, type, cpl, h, false);
}

static bool tlb_allows(const struct tlb_entry *e, enum access_type type, int cpl)
{
	if (cpl == 3 && !(e->flags & TLBF_US))
		return false;
	if (type == ACCESS_WRITE)
		return (e->flags & (TLBF_RW | TLBF_D)) == (TLBF_RW | TLBF_D);
	return type != ACCESS_EXEC || !(e->flags & TLBF_NX);
}

static unsigned long pf_error_code(const struct machine *m, bool present,
				   enum access_type type, int cpl)
{
	unsigned long code = present ? X86_PF_PROT : 0;

	if (type == ACCESS_WRITE)
		code |= X86_PF_WRITE;
	if (cpl == 3)
		code |= X86_PF_USER;
	if (type == ACCESS_EXEC && m->arch->has_nx)
		code |= X86_PF_INSTR;
	return code;
}

static int kernel_fault(struct machine *m, unsigned long addr, bool present)
{
	return mm_err(m, -EFAULT, "kernel access to 0x%0*lx faults (%s): the kernel would oops",
		      m->arch->addr_digits, addr, present ? "protection" : "not present");
}

int mmu_access(struct machine *m, unsigned long addr, enum access_type type, int cpl,
	       unsigned long *pfn, struct fault_info *fi)
{
	struct task_struct *t = current_task(m);
	struct tlb *tlb = &m->tlb[m->cpu];

	if (!t && cpl == 3)
		return mm_err(m, -ESRCH, "no process runs on cpu %d (exec one, or switch PID)",
			      m->cpu);
	if (!canonical(m, addr)) {
		char why[MM_ERR_LEN];

		snprintf(why, sizeof(why), "0x%016lx is not canonical: general protection fault "
			 "(#GP, not #PF)", addr);
		if (cpl == 3)
			return kill_task(m, t, FI_SIGSEGV, FI_SI_KERNEL, 0, 0, why, fi);
		return mm_err(m, -EFAULT, "%s", why);
	}
	for (int tries = 0; tries < 4; tries++) {
		struct tlb_entry *e = tlb_probe(tlb, addr, PAGE_SHIFT);	/* 4 KiB first */
		struct hw_walk h;
		int err;

		if (!e && tlb->large)
			e = tlb_lookup_large(tlb, addr);	/* the direct map's large pages */
		else if (e)
			e->lru = ++tlb->clock;

		if (e && tlb_allows(e, type, cpl)) {
			tlb->hits++;
			*pfn = e->pfn + ((addr & ((1UL << e->shift) - 1)) >> PAGE_SHIFT);
			if (lru_wants_accesses(m))
				lru_note_access(m, *pfn);
			return 0;
		}
		hw_walk(m, tlb->cr3, addr, type, cpl, &h);
		if (h.ok) {
			tlb_fill(m, tlb, addr, h.shift, h.base, h.flags);
			*pfn = h.pfn;
			if (lru_wants_accesses(m))
				lru_note_access(m, *pfn);
			return 0;
		}
		if (cpl == 0)
			return kernel_fault(m, addr, h.present);
		err = do_user_addr_fault(m, t, addr, pf_error_code(m, h.present, type, cpl), fi);
		if (err < 0)
			return err;
	}
	MM_BUG_ON(1, m, 0);
	return -EFAULT;
}

int user_read64(struct machine *m, unsigned long addr, uint64_t *val, struct fault_info *fi)
{
	unsigned long pfn;
	const unsigned char *b;
	int err = user_access(m, addr, ACCESS_READ, &pfn, fi);

	if (err)
		return err;
	b = page_data(m, pfn);
	*val = 0;
	if (b)
		for (int i = 7; i >= 0; i--)
			*val = (*val << 8) | b[(addr & ~PAGE_MASK) + (unsigned)i];
	return 0;
}

int user_write64(struct machine *m, unsigned long addr, uint64_t val, struct fault_info *fi)
{
	unsigned long pfn;
	unsigned char *b;
	int err = user_access(m, addr, ACCESS_WRITE, &pfn, fi);

	if (err)
		return err;
	b = page_data_get(m, pfn);
	if (!b)
		return mm_err(m, -ENOMEM, "out of host memory for page contents");
	for (int i = 0; i < 8; i++)
		b[(addr & ~PAGE_MASK) + (unsigned)i] = (unsigned char)(val >> (8 * i));
	return 0;
}
