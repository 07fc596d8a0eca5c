/*
 * mmap.c - VMAs: the sorted list, find_vma, get_unmapped_area, and the
 * calls that make, cut, change and remove mappings.
 *
 * A VMA is [vm_start, vm_end) with one set of flags and one backing (a
 * file at vm_pgoff, or anonymous memory).  Changing part of one splits it;
 * two neighbours that end up alike are merged again, as vma_merge() does:
 *
 *   mprotect(0x0804d000, 0x1000, r)  on  [0804c000, 0804f000) rw-p
 *     split -> [0804c000,0804d000) rw-p  [0804d000,0804e000) r--p
 *              [0804e000,0804f000) rw-p
 *   mprotect(0x0804d000, 0x1000, rw)    merges the three back into one.
 *
 * New mappings go top-down below mmap_base (TASK_SIZE minus the 128 MiB
 * gap the kernel keeps for the stack: 0xb8000000 on i386,
 * 0x7ffff7fff000 on x86_64), into the highest hole that fits; with the
 * legacy layout bottom-up from TASK_UNMAPPED_BASE (0x40000000 on i386).
 * A hole below a VM_GROWSDOWN stack keeps stack_guard_gap (1 MiB) free.
 *
 * Every call checks first and changes after, so a failure leaves the
 * address space untouched; VMAs a split may need are allocated up front.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "filemap.h"
#include "machine.h"
#include "mmap.h"
#include "page_alloc.h"
#include "pgtable.h"
#include "rmap.h"
#include "sched.h"
#include "slab.h"
#include "swapfile.h"
#include "tlb.h"
#include "vmscan.h"

#define MMAP_MIN_ADDR	0x10000UL	/* vm.mmap_min_addr */

/* ---- the VMA list --------------------------------------------------------- */

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *v = mm->mmap_cache;

	if (v && v->vm_start <= addr && addr < v->vm_end)
		return v;
	for (v = mm->mmap; v; v = v->vm_next)
		if (v->vm_end > addr) {
			mm->mmap_cache = v;
			return v;
		}
	return NULL;
}

struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *v = find_vma(mm, addr);

	return v && v->vm_start <= addr ? v : NULL;
}

struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end)
{
	struct vm_area_struct *v = find_vma(mm, start);

	return v && v->vm_start < end ? v : NULL;
}

static void vma_link(struct mm_struct *mm, struct vm_area_struct *v)
{
	struct vm_area_struct *prev = NULL, *next = mm->mmap;

	while (next && next->vm_start < v->vm_start) {
		prev = next;
		next = next->vm_next;
	}
	v->vm_prev = prev;
	v->vm_next = next;
	if (prev)
		prev->vm_next = v;
	else
		mm->mmap = v;
	if (next)
		next->vm_prev = v;
	v->vm_mm = mm;
	mm->map_count++;
}

static void vma_unlink(struct mm_struct *mm, struct vm_area_struct *v)
{
	if (v->vm_prev)
		v->vm_prev->vm_next = v->vm_next;
	else
		mm->mmap = v->vm_next;
	if (v->vm_next)
		v->vm_next->vm_prev = v->vm_prev;
	if (mm->mmap_cache == v)
		mm->mmap_cache = NULL;
	mm->map_count--;
}

/*
 * vm_area_alloc(): a VMA takes an object of the vm_area_struct cache, as
 * in the kernel, so slabinfo counts the VMAs of every process.  The
 * object's address stays with the host struct whatever is copied into it.
 */
static struct vm_area_struct *vm_area_alloc_at(struct machine *m, const char *caller)
{
	struct vm_area_struct *v = calloc(1, sizeof(*v));
	unsigned long obj;

	if (!v) {
		mm_err(m, -ENOMEM, "out of host memory for a VMA");
		return NULL;
	}
	obj = __kmem_cache_alloc(m, m->slab->vm_area_cachep, GFP_KERNEL, caller);
	if (IS_ERR_VALUE(obj)) {
		free(v);
		mm_err(m, -ENOMEM, "out of memory for a vm_area_struct");
		return NULL;
	}
	v->kaddr = obj;
	return v;
}

static struct vm_area_struct *vm_area_alloc(struct machine *m)
{
	return vm_area_alloc_at(m, "vm_area_alloc");
}

/* *dst = *src but for dst's own object and list links; the file counts one more mapper. */
static void vma_copy(struct vm_area_struct *dst, const struct vm_area_struct *src)
{
	unsigned long kaddr = dst->kaddr;

	*dst = *src;
	dst->kaddr = kaddr;
	dst->vm_next = dst->vm_prev = NULL;
	if (dst->vm_file)
		dst->vm_file->nr_mmaps++;
}

/* vm_area_dup(): a copy of src in a new VMA. */
static struct vm_area_struct *vm_area_dup(struct machine *m, const struct vm_area_struct *src)
{
	struct vm_area_struct *v = vm_area_alloc_at(m, "vm_area_dup");

	if (v)
		vma_copy(v, src);
	return v;
}

/* Frees the VMA object alone: a VMA that holds no file reference (an unused spare). */
static void vm_area_free(struct machine *m, struct vm_area_struct *v)
{
	if (!v)
		return;
	kmem_cache_free(m, m->slab->vm_area_cachep, v->kaddr);
	free(v);
}

/* remove_vma(): the file loses a mapper, the object goes back to its cache. */
static void remove_vma(struct machine *m, struct vm_area_struct *v)
{
	struct sim_file *f = v->vm_file;

	if (f && --f->nr_mmaps == 0 && f->shmem)
		file_destroy(m, f);
	vm_area_free(m, v);
}

void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += (unsigned long)npages;
	if ((flags & (VM_EXEC | VM_WRITE | VM_GROWSDOWN)) == VM_EXEC)
		mm->exec_vm += (unsigned long)npages;
	else if (flags & VM_GROWSDOWN)
		mm->stack_vm += (unsigned long)npages;
	else if ((flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		mm->data_vm += (unsigned long)npages;
}

static unsigned long vma_pages(const struct vm_area_struct *v)
{
	return (v->vm_end - v->vm_start) >> PAGE_SHIFT;
}

/*
 * Whether [start, start + len), rounded up to whole pages, wraps past the
 * top of the address space (a length near ULONG_MAX): the system calls
 * refuse such a range rather than wrap.
 */
static bool range_wraps(unsigned long start, unsigned long len)
{
	unsigned long alen = page_align(len);

	return alen < len || start + alen < start;
}

/*
 * __split_vma(): cuts v at addr using the spare VMA `new`, which becomes
 * the part below addr.  Never fails: the caller allocated `new`.
 */
static void split_vma_at(struct mm_struct *mm, struct vm_area_struct *v, unsigned long addr,
			 struct vm_area_struct *new)
{
	vma_copy(new, v);
	new->vm_end = addr;
	v->vm_pgoff += (addr - v->vm_start) >> PAGE_SHIFT;
	v->vm_start = addr;
	vma_link(mm, new);
}

/* Can a and b (a just below b) become one VMA?  (is_mergeable_vma + anon_vma + pgoff) */
static bool vma_can_merge(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	if (a->vm_end != b->vm_start || a->vm_flags != b->vm_flags || a->vm_file != b->vm_file)
		return false;
	if (a->anon_vma && b->anon_vma && a->anon_vma != b->anon_vma)
		return false;
	return a->vm_pgoff + vma_pages(a) == b->vm_pgoff;
}

/* v grows over next, the VMA just above it, which goes (its anon_vma carries over). */
static void vma_absorb(struct machine *m, struct mm_struct *mm, struct vm_area_struct *v,
		       struct vm_area_struct *next)
{
	v->vm_end = next->vm_end;
	if (!v->anon_vma)
		v->anon_vma = next->anon_vma;
	vma_unlink(mm, next);
	remove_vma(m, next);
}

/* Merges v with its neighbours where they are alike.  Returns the VMA that remains. */
static struct vm_area_struct *vma_merge(struct machine *m, struct mm_struct *mm,
					struct vm_area_struct *v)
{
	struct vm_area_struct *prev = v->vm_prev, *next = v->vm_next;

	if (next && vma_can_merge(v, next))
		vma_absorb(m, mm, v, next);
	if (prev && vma_can_merge(prev, v)) {
		vma_absorb(m, mm, prev, v);
		v = prev;
	}
	return v;
}

/* ---- protections ---------------------------------------------------------- */

unsigned long calc_vm_flags(unsigned prot, unsigned flags)
{
	unsigned long vm = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if (prot & PROT_READ)
		vm |= VM_READ;
	if (prot & PROT_WRITE)
		vm |= VM_WRITE;
	if (prot & PROT_EXEC)
		vm |= VM_EXEC;
	if (flags & MAP_SHARED)
		vm |= VM_SHARED | VM_MAYSHARE;
	if (flags & MAP_GROWSDOWN)
		vm |= VM_GROWSDOWN;
	if (flags & MAP_NORESERVE)
		vm |= VM_NORESERVE;
	if ((vm & (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE)
		vm |= VM_ACCOUNT;		/* accountable_mapping() */
	return vm;
}

uint64_t vm_get_page_prot(const struct machine *m, unsigned long vm_flags)
{
	uint64_t prot = _PAGE_PRESENT | _PAGE_USER | _PAGE_ACCESSED;

	if (!(vm_flags & VM_ACCESS_FLAGS))
		return _PAGE_PROTNONE | _PAGE_ACCESSED;		/* PAGE_NONE */
	if ((vm_flags & (VM_SHARED | VM_WRITE)) == (VM_SHARED | VM_WRITE))
		prot |= _PAGE_RW;		/* PAGE_SHARED; private writes: PAGE_COPY */
	if (!(vm_flags & VM_EXEC) && m->arch->has_nx)
		prot |= _PAGE_NX;
	return prot;
}

/* ---- get_unmapped_area ------------------------------------------------------ */

static unsigned long vm_start_gap(const struct vm_area_struct *v)
{
	if (!(v->vm_flags & VM_GROWSDOWN))
		return v->vm_start;
	return v->vm_start > STACK_GUARD_GAP ? v->vm_start - STACK_GUARD_GAP : 0;
}

/* True if [addr, addr + len) touches no VMA nor a stack's guard gap. */
static bool range_free(struct mm_struct *mm, unsigned long addr, unsigned long len)
{
	struct vm_area_struct *next = find_vma(mm, addr);
	struct vm_area_struct *prev = next ? next->vm_prev : NULL;

	if (!next)
		for (prev = mm->mmap; prev && prev->vm_next; prev = prev->vm_next)
			;
	if (next && addr + len > vm_start_gap(next))
		return false;
	return !prev || addr >= prev->vm_end;
}

/* TASK_UNMAPPED_BASE: PAGE_ALIGN(TASK_SIZE / 3), where bottom-up mmap starts. */
static unsigned long task_unmapped_base_of(const struct mm_struct *mm)
{
	return page_align(mm->task_size / 3);
}

/* unmapped_area_topdown(): the highest hole below high that fits len. */
static long unmapped_area_topdown(struct mm_struct *mm, unsigned long len, unsigned long low,
				  unsigned long high)
{
	unsigned long gap_start = low, best = 0;
	bool found = false;

	for (struct vm_area_struct *v = mm->mmap;; v = v->vm_next) {
		unsigned long gap_end = v ? vm_start_gap(v) : mm->task_size;

		if (gap_end > high)
			gap_end = high;
		if (gap_end >= gap_start && gap_end - gap_start >= len) {
			best = gap_end - len;
			found = true;
		}
		if (!v || v->vm_end >= high)
			break;
		if (v->vm_end > gap_start)
			gap_start = v->vm_end;
	}
	return found ? (long)best : -ENOMEM;
}

/* unmapped_area(): the lowest hole at or above low that fits len. */
static long unmapped_area(struct mm_struct *mm, unsigned long len, unsigned long low)
{
	unsigned long gap_start = low;

	for (struct vm_area_struct *v = mm->mmap;; v = v->vm_next) {
		unsigned long gap_end = v ? vm_start_gap(v) : mm->task_size;

		if (gap_end > gap_start && gap_end - gap_start >= len)
			return (long)gap_start;
		if (!v)
			return -ENOMEM;
		if (v->vm_end > gap_start)
			gap_start = v->vm_end;
	}
}

long get_unmapped_area(struct machine *m, struct mm_struct *mm, unsigned long hint,
		       unsigned long len)
{
	long addr;

	if (len > mm->task_size)
		return mm_err(m, -ENOMEM, "a mapping of 0x%lx bytes does not fit in user space", len);
	hint = page_align(hint);
	if (hint && hint >= MMAP_MIN_ADDR && hint <= mm->task_size - len && range_free(mm, hint, len))
		return (long)hint;
	if (mm->legacy_layout)
		addr = unmapped_area(mm, len, mm->mmap_base);
	else
		addr = unmapped_area_topdown(mm, len, MMAP_MIN_ADDR, mm->mmap_base);
	if (addr < 0 && !mm->legacy_layout)
		addr = unmapped_area(mm, len, task_unmapped_base_of(mm));
	if (addr < 0)
		return mm_err(m, -ENOMEM, "no hole of 0x%lx bytes is left in the address space", len);
	return addr;
}

/* ---- making mappings -------------------------------------------------------- */

static int __do_munmap(struct machine *m, struct mm_struct *mm, unsigned long start,
		       unsigned long len);

/*
 * The merge mmap_region() and do_brk_flags() try before allocating a VMA:
 * a neighbour alike grows over the free range tmpl describes (and, if that
 * closes the gap, takes in the neighbour on the other side).  Returns the
 * VMA that grew, or NULL if neither neighbour can.
 */
static struct vm_area_struct *vma_expand_over(struct machine *m, struct mm_struct *mm,
					      const struct vm_area_struct *tmpl)
{
	struct vm_area_struct *next = find_vma(mm, tmpl->vm_start), *prev;

	if (next)
		prev = next->vm_prev;
	else
		for (prev = mm->mmap; prev && prev->vm_next; prev = prev->vm_next)
			;
	if (prev && vma_can_merge(prev, tmpl)) {
		prev->vm_end = tmpl->vm_end;
		if (next && vma_can_merge(prev, next))
			vma_absorb(m, mm, prev, next);
		return prev;
	}
	if (next && vma_can_merge(tmpl, next)) {
		next->vm_start = tmpl->vm_start;
		next->vm_pgoff = tmpl->vm_pgoff;
		return next;
	}
	return NULL;
}

/*
 * __vm_enough_memory() with vm.overcommit_memory 0 (OVERCOMMIT_GUESS): one
 * accountable mapping may not be larger than RAM and swap together.
 */
static int vm_enough_memory(struct machine *m, unsigned long len)
{
	unsigned long pages = len >> PAGE_SHIFT;
	unsigned long total = m->totalram_pages + (unsigned long)total_swap_pages(m);

	if (pages <= total)
		return 0;
	return mm_err(m, -ENOMEM, "%lu pages are more than RAM and swap together (%lu pages): "
		      "overcommit_memory 0 refuses them", pages, total);
}

long mmap_region(struct machine *m, struct mm_struct *mm, unsigned long addr,
		 unsigned long len, unsigned long vm_flags, struct sim_file *f,
		 unsigned long pgoff)
{
	struct vm_area_struct tmpl = {
		.vm_start = addr, .vm_end = addr + len, .vm_mm = mm, .vm_flags = vm_flags,
		.vm_pgoff = f ? pgoff : addr >> PAGE_SHIFT, .vm_file = f,
	};

	if ((vm_flags & VM_ACCOUNT) && vm_enough_memory(m, len) < 0)
		return -ENOMEM;
	if (!vma_expand_over(m, mm, &tmpl)) {
		struct vm_area_struct *v = vm_area_dup(m, &tmpl);

		if (!v)
			return -ENOMEM;
		vma_link(mm, v);
	}
	vm_stat_account(mm, vm_flags, (long)(len >> PAGE_SHIFT));
	return (long)addr;
}

/* Pages past EOF, even all of them, map fine and SIGBUS when touched, as in Linux. */
static int check_file_range(struct machine *m, const struct sim_file *f, unsigned long len,
			    unsigned long pgoff)
{
	if (pgoff + (page_align(len) >> PAGE_SHIFT) < pgoff)
		return mm_err(m, -EOVERFLOW, "offset 0x%lx+0x%lx of %s overflows", pgoff << PAGE_SHIFT,
			      len, f->name);
	return 0;
}

static int check_mmap_args(struct machine *m, struct mm_struct *mm, unsigned long addr,
			   unsigned long len, unsigned flags)
{
	if (len == 0)
		return mm_err(m, -EINVAL, "length 0");
	if (!(flags & (MAP_SHARED | MAP_PRIVATE)) || (flags & MAP_SHARED && flags & MAP_PRIVATE))
		return mm_err(m, -EINVAL, "flags need exactly one of shared and private");
	if (page_align(len) > mm->task_size || page_align(len) < len)
		return mm_err(m, -ENOMEM, "0x%lx bytes do not fit in user space", len);
	if (flags & MAP_FIXED) {
		if (addr & ~PAGE_MASK)
			return mm_err(m, -EINVAL, "fixed address 0x%0*lx is not page-aligned",
				      m->arch->addr_digits, addr);
		if (addr < MMAP_MIN_ADDR || addr > mm->task_size ||
		    page_align(len) > mm->task_size - addr)
			return mm_err(m, -EINVAL, "fixed range 0x%0*lx+0x%lx is outside user "
				      "space (0x%0*lx..0x%0*lx)", m->arch->addr_digits, addr,
				      page_align(len), m->arch->addr_digits, MMAP_MIN_ADDR,
				      m->arch->addr_digits, mm->task_size);
	}
	return 0;
}

/* A shared anonymous mapping is backed by a shmem file, "/dev/zero (deleted)". */
static struct sim_file *shmem_zero_setup(struct machine *m, unsigned long len)
{
	struct sim_file *f = file_create(m, "/dev/zero (deleted)", len);

	if (f) {
		f->shmem = true;
		f->hidden = true;
		f->dev_major = 0;
		f->dev_minor = 1;
	}
	return f;
}

static long __do_mmap(struct machine *m, struct mm_struct *mm, unsigned long addr,
		      unsigned long len, unsigned prot, unsigned flags, struct sim_file *f,
		      unsigned long pgoff)
{
	unsigned long vm_flags = calc_vm_flags(prot, flags);
	long where;
	int err = check_mmap_args(m, mm, addr, len, flags);

	if (!err && f)
		err = check_file_range(m, f, len, pgoff);
	if (err)
		return err;
	len = page_align(len);
	if (flags & MAP_FIXED)
		where = (long)addr;
	else
		where = get_unmapped_area(m, mm, addr, len);
	if (where < 0)
		return where;
	if (!f && (flags & MAP_SHARED)) {
		f = shmem_zero_setup(m, len);
		if (!f)
			return -ENOMEM;
		pgoff = 0;
	}
	if ((flags & MAP_FIXED) && __do_munmap(m, mm, addr, len) < 0)
		return -ENOMEM;
	where = mmap_region(m, mm, (unsigned long)where, len, vm_flags, f, pgoff);
	if (where < 0 && f && f->shmem && f->nr_mmaps == 0)
		file_destroy(m, f);
	return where;
}

/* ---- removing pages ------------------------------------------------------------ */

static void rss_sub(struct mm_struct *mm, bool anon, bool shmem)
{
	if (anon)
		mm->rss_stat[MM_ANONPAGES]--;
	else if (shmem)
		mm->rss_stat[MM_SHMEMPAGES]--;
	else
		mm->rss_stat[MM_FILEPAGES]--;
}

/*
 * zap_pte_range() for one present entry: a file page passes on its dirty
 * and accessed bits (folio_mark_accessed()); the last mapping of a page
 * in the swap cache takes its swap-cache copy along if nothing else needs
 * it (free_swap_cache()).
 */
static void zap_one(struct machine *m, struct vm_area_struct *vma, pteval_t e)
{
	long pfn = vm_normal_page(m, e);
	struct page *p;

	if (pfn < 0)
		return;				/* the zero page: nothing to count */
	p = pfn_to_page(m, (unsigned long)pfn);
	if (!PageFlag(p, PG_anon) && (e & _PAGE_DIRTY))
		filemap_set_dirty(m, (unsigned long)pfn);
	if (!PageFlag(p, PG_anon) && (e & _PAGE_ACCESSED))
		folio_mark_accessed(m, (unsigned long)pfn);
	rss_sub(vma->vm_mm, PageFlag(p, PG_anon), vma->vm_file && vma->vm_file->shmem);
	free_swap_cache(m, (unsigned long)pfn);
	page_remove_rmap(m, (unsigned long)pfn);
}

/* zap_pte_range() for a swap entry: its reference to the slot goes. */
static void zap_swap(struct machine *m, struct vm_area_struct *vma, pteval_t e)
{
	vma->vm_mm->rss_stat[MM_SWAPENTS]--;
	free_swap_and_cache(m, pte_to_swp_entry(m, e));
}

void zap_page_range(struct machine *m, struct vm_area_struct *vma, unsigned long start,
		    unsigned long end)
{
	unsigned long span = pt_level_size(m->arch, m->arch->levels == 2 ? PT_PGD : PT_PMD);
	struct mm_struct *mm = vma->vm_mm;

	for (unsigned long addr = start; addr < end;) {
		unsigned idx;
		long table = pte_lookup(m, mm, addr, &idx);

		if (table < 0) {
			addr = (addr & ~(span - 1)) + span;	/* no PTE table here */
			continue;
		}
		for (; addr < end && idx < (unsigned)m->arch->ptrs[PT_PTE]; addr += PAGE_SIZE, idx++) {
			pteval_t e = pt_get(m, (unsigned long)table, idx);

			if (pte_none(e))
				continue;
			pt_set(m, (unsigned long)table, idx, 0);
			if (pte_mapped(e))
				zap_one(m, vma, e);
			else
				zap_swap(m, vma, e);
		}
	}
}

/* Writes back the dirty cached pages of a shared file VMA's part [start, end). */
static void writeback_range(struct machine *m, struct vm_area_struct *v, unsigned long start,
			    unsigned long end)
{
	struct sim_file *f = v->vm_file;

	if (!f || !(v->vm_flags & VM_SHARED) || f->shmem)
		return;
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		unsigned long index = linear_page_index(v, addr);
		unsigned idx;
		long table = pte_lookup(m, v->vm_mm, addr, &idx);
		pteval_t e;

		if (index >= f->nr_pages || f->cache[index] == PFN_NONE)
			continue;
		e = table >= 0 ? pt_get(m, (unsigned long)table, idx) : 0;
		if (pte_mapped(e) && (e & _PAGE_DIRTY))
			filemap_set_dirty(m, f->cache[index]);
		if (PageFlag(pfn_to_page(m, f->cache[index]), PG_dirty))
			filemap_writeback(m, f->cache[index]);
	}
}

/* Frees v's part of the page tables, sharing none with its neighbours. */
static void free_pgtables_between(struct machine *m, struct mm_struct *mm,
				  struct vm_area_struct *prev, struct vm_area_struct *next,
				  unsigned long start, unsigned long end)
{
	free_pgd_range(m, mm, start, end, prev ? prev->vm_end : 0, next ? next->vm_start : 0);
}

/*
 * The VMAs a change of [start, end) needs to split the VMAs straddling
 * start (spare[0]) and end (spare[1]): __split_vma()'s vm_area_dup(),
 * made before anything changes.
 */
static int prealloc_splits(struct machine *m, struct mm_struct *mm, unsigned long start,
			   unsigned long end, struct vm_area_struct *spare[2])
{
	struct vm_area_struct *first = find_vma(mm, start), *last = first;

	spare[0] = spare[1] = NULL;
	if (!first || first->vm_start >= end)
		return 0;
	while (last->vm_next && last->vm_next->vm_start < end)
		last = last->vm_next;
	if (first->vm_start < start && !(spare[0] = vm_area_alloc(m)))
		return -ENOMEM;
	if (last->vm_end > end && !(spare[1] = vm_area_alloc(m))) {
		vm_area_free(m, spare[0]);
		return -ENOMEM;
	}
	return 0;
}

/*
 * Splits the VMAs straddling start and end so that [start, end) is made of
 * whole VMAs.  Returns the first VMA inside, or NULL if nothing is mapped.
 */
static struct vm_area_struct *split_range(struct mm_struct *mm, unsigned long start,
					  unsigned long end, struct vm_area_struct *spare[2])
{
	struct vm_area_struct *v = find_vma(mm, start), *last;

	if (!v || v->vm_start >= end)
		return NULL;
	if (v->vm_start < start) {
		split_vma_at(mm, v, start, spare[0]);
		spare[0] = NULL;
	}
	for (last = v; last->vm_next && last->vm_next->vm_start < end; last = last->vm_next)
		;
	if (last->vm_end > end) {
		struct vm_area_struct *upper = spare[1];

		/* keep `last` as the lower part: the new VMA takes [end, vm_end) */
		vma_copy(upper, last);
		upper->vm_pgoff += (end - last->vm_start) >> PAGE_SHIFT;
		upper->vm_start = end;
		last->vm_end = end;
		vma_link(mm, upper);
		spare[1] = NULL;
	}
	return v;
}

static int __do_munmap(struct machine *m, struct mm_struct *mm, unsigned long start,
		       unsigned long len)
{
	unsigned long end = start + page_align(len);
	struct vm_area_struct *spare[2], *v, *prev, *next;

	if ((start & ~PAGE_MASK) || len == 0 || range_wraps(start, len) || end > mm->task_size)
		return mm_err(m, -EINVAL, "0x%0*lx+0x%lx is not a page-aligned range of user "
			      "space", m->arch->addr_digits, start, len);
	if (!find_vma_intersection(mm, start, end))
		return 0;
	if (prealloc_splits(m, mm, start, end, spare) < 0)
		return -ENOMEM;
	v = split_range(mm, start, end, spare);
	vm_area_free(m, spare[0]);
	vm_area_free(m, spare[1]);
	prev = v->vm_prev;
	while (v && v->vm_start < end) {
		next = v->vm_next;
		writeback_range(m, v, v->vm_start, v->vm_end);
		zap_page_range(m, v, v->vm_start, v->vm_end);
		vm_stat_account(mm, v->vm_flags, -(long)vma_pages(v));
		vma_unlink(mm, v);
		remove_vma(m, v);
		v = next;
	}
	free_pgtables_between(m, mm, prev, v, start, end);
	flush_tlb_mm_range(m, mm, start, end);
	return 0;
}

/* ---- mprotect -------------------------------------------------------------------- */

/* The new vm_flags of v under prot, or an error if VM_MAY* forbid them. */
static int mprotect_flags(struct machine *m, const struct vm_area_struct *v, unsigned prot,
			  unsigned long *out)
{
	unsigned long want = calc_vm_flags(prot, 0) & VM_ACCESS_FLAGS;
	unsigned long flags = (v->vm_flags & ~VM_ACCESS_FLAGS) | want;

	if ((want & VM_WRITE) && !(v->vm_flags & VM_MAYWRITE))
		return mm_err(m, -EACCES, "the mapping at 0x%0*lx may not be made writable "
			      "(no VM_MAYWRITE)", m->arch->addr_digits, v->vm_start);
	if ((want & VM_EXEC) && !(v->vm_flags & VM_MAYEXEC))
		return mm_err(m, -EACCES, "the mapping at 0x%0*lx may not be made executable",
			      m->arch->addr_digits, v->vm_start);
	if ((want & VM_WRITE) && !(flags & (VM_ACCOUNT | VM_SHARED | VM_NORESERVE)))
		flags |= VM_ACCOUNT;		/* mprotect_fixup() charges it now */
	*out = flags;
	return 0;
}

/* The PTE a present page gets under the VMA's new flags (change_pte_range()). */
static pteval_t change_pte(struct machine *m, const struct vm_area_struct *v, pteval_t e)
{
	pteval_t keep = e & (PTE_PFN_MASK | _PAGE_ACCESSED | _PAGE_DIRTY);
	pteval_t prot = vm_get_page_prot(m, v->vm_flags);
	long pfn = vm_normal_page(m, e);

	if ((v->vm_flags & VM_WRITE) && !(v->vm_flags & VM_SHARED) && pfn >= 0) {
		const struct page *p = pfn_to_page(m, (unsigned long)pfn);

		if (PageFlag(p, PG_anon) && p->_refcount == 1)
			prot |= _PAGE_RW;	/* exclusive anonymous page: no CoW needed */
	}
	return keep | prot;
}

static void change_protection(struct machine *m, struct vm_area_struct *v)
{
	for (unsigned long addr = v->vm_start; addr < v->vm_end; addr += PAGE_SIZE) {
		unsigned idx;
		long table = pte_lookup(m, v->vm_mm, addr, &idx);
		pteval_t e;

		if (table < 0)
			continue;
		e = pt_get(m, (unsigned long)table, idx);
		if (pte_mapped(e))
			pt_set(m, (unsigned long)table, idx, change_pte(m, v, e));
	}
}

/* Checks that [start, end) is mapped without holes and the new flags are allowed. */
static int mprotect_check(struct machine *m, struct mm_struct *mm, unsigned long start,
			  unsigned long end, unsigned prot)
{
	unsigned long at = start, flags;

	for (struct vm_area_struct *v = find_vma(mm, start); at < end; v = v->vm_next) {
		if (!v || v->vm_start > at)
			return mm_err(m, -ENOMEM, "0x%0*lx is not mapped", m->arch->addr_digits, at);
		if (mprotect_flags(m, v, prot, &flags) < 0)
			return -EACCES;
		at = v->vm_end;
	}
	return 0;
}

static int __do_mprotect(struct machine *m, struct mm_struct *mm, unsigned long start,
			 unsigned long len, unsigned prot)
{
	unsigned long end = start + page_align(len), flags = 0;
	struct vm_area_struct *spare[2], *v, *next;
	int err;

	if ((start & ~PAGE_MASK) || range_wraps(start, len) || end > mm->task_size)
		return mm_err(m, -EINVAL, "0x%0*lx+0x%lx is not a page-aligned range of user "
			      "space", m->arch->addr_digits, start, len);
	if (len == 0)
		return 0;
	err = mprotect_check(m, mm, start, end, prot);
	if (err || (err = prealloc_splits(m, mm, start, end, spare)) < 0)
		return err;
	v = split_range(mm, start, end, spare);
	vm_area_free(m, spare[0]);
	vm_area_free(m, spare[1]);
	for (; v && v->vm_start < end; v = next) {
		next = v->vm_next;
		mprotect_flags(m, v, prot, &flags);
		vm_stat_account(mm, v->vm_flags, -(long)vma_pages(v));
		v->vm_flags = flags;
		vm_stat_account(mm, v->vm_flags, (long)vma_pages(v));
		change_protection(m, v);
		v = vma_merge(m, mm, v);
		next = v->vm_next;
	}
	flush_tlb_mm_range(m, mm, start, end);
	return 0;
}

/* ---- brk ------------------------------------------------------------------------- */

#define VM_DATA_DEFAULT_FLAGS (VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

static long __do_brk(struct machine *m, struct mm_struct *mm, unsigned long newbrk)
{
	unsigned long oldbrk = mm->brk, from = page_align(oldbrk), to = page_align(newbrk);
	struct vm_area_struct *next;

	if (newbrk == 0)
		return (long)oldbrk;
	if (newbrk < mm->start_brk)
		return mm_err(m, -ENOMEM, "0x%0*lx is below start_brk 0x%0*lx: brk stays at "
			      "0x%0*lx", m->arch->addr_digits, newbrk, m->arch->addr_digits,
			      mm->start_brk, m->arch->addr_digits, oldbrk);
	if (newbrk > mm->task_size)	/* before page_align(), which would wrap to 0 */
		return mm_err(m, -ENOMEM, "0x%0*lx is beyond user space (TASK_SIZE 0x%0*lx): brk "
			      "stays at 0x%0*lx", m->arch->addr_digits, newbrk,
			      m->arch->addr_digits, mm->task_size, m->arch->addr_digits, oldbrk);
	if (to < from) {
		if (__do_munmap(m, mm, to, from - to) < 0)
			return -ENOMEM;
	} else if (to > from) {
		next = find_vma(mm, from);
		if (to > mm->task_size || (next && to + PAGE_SIZE > vm_start_gap(next)))
			return mm_err(m, -ENOMEM, "the heap would run into the mapping at 0x%0*lx: "
				      "brk stays at 0x%0*lx", m->arch->addr_digits,
				      next ? next->vm_start : mm->task_size, m->arch->addr_digits,
				      oldbrk);
		if (mmap_region(m, mm, from, to - from, VM_DATA_DEFAULT_FLAGS | VM_ACCOUNT,
				NULL, 0) < 0)
			return -ENOMEM;
	}
	mm->brk = newbrk;
	return (long)newbrk;
}

/* ---- the calls, with the mm held (sched.h mmget) ---------------------------------- */

long do_mmap(struct machine *m, struct mm_struct *mm, unsigned long addr, unsigned long len,
	     unsigned prot, unsigned flags, struct sim_file *f, unsigned long pgoff)
{
	int users = mmget(mm);

	return mm_call_end(m, mm, users, __do_mmap(m, mm, addr, len, prot, flags, f, pgoff));
}

int do_munmap(struct machine *m, struct mm_struct *mm, unsigned long start, unsigned long len)
{
	int users = mmget(mm);

	return (int)mm_call_end(m, mm, users, __do_munmap(m, mm, start, len));
}

int do_mprotect(struct machine *m, struct mm_struct *mm, unsigned long start,
		unsigned long len, unsigned prot)
{
	int users = mmget(mm);

	return (int)mm_call_end(m, mm, users, __do_mprotect(m, mm, start, len, prot));
}

long do_brk(struct machine *m, struct mm_struct *mm, unsigned long newbrk)
{
	int users = mmget(mm);

	return mm_call_end(m, mm, users, __do_brk(m, mm, newbrk));
}

/* ---- msync ----------------------------------------------------------------------- */

int do_msync(struct machine *m, struct mm_struct *mm, unsigned long start, unsigned long len)
{
	unsigned long end = start + page_align(len), at = start;
	struct vm_area_struct *v;

	if (start & ~PAGE_MASK)
		return mm_err(m, -EINVAL, "0x%0*lx is not page-aligned", m->arch->addr_digits,
			      start);
	if (range_wraps(start, len))
		return mm_err(m, -ENOMEM, "0x%0*lx+0x%lx runs past the top of the address space",
			      m->arch->addr_digits, start, len);
	for (v = find_vma(mm, start); at < end; v = v->vm_next) {
		if (!v || v->vm_start > at)
			return mm_err(m, -ENOMEM, "0x%0*lx is not mapped", m->arch->addr_digits, at);
		at = v->vm_end;
	}
	for (v = find_vma(mm, start); v && v->vm_start < end; v = v->vm_next)
		writeback_range(m, v, v->vm_start > start ? v->vm_start : start,
				v->vm_end < end ? v->vm_end : end);
	return 0;
}

/* ---- whole address spaces ----------------------------------------------------------- */

void exit_mmap(struct machine *m, struct mm_struct *mm)
{
	struct vm_area_struct *v = mm->mmap, *next;

	for (; v; v = next) {
		next = v->vm_next;
		if (mm->pgd)
			zap_page_range(m, v, v->vm_start, v->vm_end);
		vm_stat_account(mm, v->vm_flags, -(long)vma_pages(v));
		vma_unlink(mm, v);
		remove_vma(m, v);
	}
	if (mm->pgd)
		free_pgd_range(m, mm, 0, mm->task_size, 0, 0);
}

/* copy_nonpresent_pte(): a swap entry is shared; swap_duplicate() counts it. */
static void copy_swap_pte(struct machine *m, struct vm_area_struct *dst, unsigned long dtable,
			  unsigned idx, pteval_t e)
{
	swap_duplicate(m, pte_to_swp_entry(m, e));
	dst->vm_mm->rss_stat[MM_SWAPENTS]++;
	pt_set(m, dtable, idx, e);
}

/*
 * copy_present_pte(): one entry of a VMA that has anonymous pages.  The
 * child's table comes first: its allocation may reclaim, and turn the
 * parent's entry into a swap entry, so the entry is read after it.
 */
static int copy_pte(struct machine *m, struct vm_area_struct *dst, struct vm_area_struct *src,
		    unsigned long addr, unsigned long stable, unsigned sidx)
{
	unsigned idx;
	long dtable = pte_alloc(m, dst->vm_mm, addr, &idx), pfn;
	pteval_t e = pt_get(m, stable, sidx);

	if (dtable < 0)
		return (int)dtable;
	if (pte_none(e))
		return 0;			/* a file page reclaim dropped meanwhile */
	if (is_swap_pte(e)) {
		copy_swap_pte(m, dst, (unsigned long)dtable, idx, e);
		return 0;
	}
	pfn = vm_normal_page(m, e);
	if (is_cow_mapping(src->vm_flags) && (e & _PAGE_RW)) {
		e &= ~(pteval_t)_PAGE_RW;
		pt_set(m, stable, sidx, e);	/* the parent's copy is write-protected too */
	}
	if (src->vm_flags & VM_SHARED)
		e &= ~(pteval_t)_PAGE_DIRTY;
	e &= ~(pteval_t)_PAGE_ACCESSED;	/* the child's PTE starts old */
	if (pfn >= 0) {
		const struct page *p = pfn_to_page(m, (unsigned long)pfn);

		page_dup_rmap(m, (unsigned long)pfn);
		if (PageFlag(p, PG_anon))
			dst->vm_mm->rss_stat[MM_ANONPAGES]++;
		else if (src->vm_file && src->vm_file->shmem)
			dst->vm_mm->rss_stat[MM_SHMEMPAGES]++;
		else
			dst->vm_mm->rss_stat[MM_FILEPAGES]++;
	}
	pt_set(m, (unsigned long)dtable, idx, e);
	return 0;
}

static int copy_page_range(struct machine *m, struct vm_area_struct *dst,
			   struct vm_area_struct *src)
{
	for (unsigned long addr = src->vm_start; addr < src->vm_end; addr += PAGE_SIZE) {
		unsigned idx;
		long table = pte_lookup(m, src->vm_mm, addr, &idx);
		pteval_t e;

		if (table < 0)
			continue;
		e = pt_get(m, (unsigned long)table, idx);
		if (!pte_none(e) && copy_pte(m, dst, src, addr, (unsigned long)table, idx) < 0)
			return -ENOMEM;
	}
	return 0;
}

int dup_mmap(struct machine *m, struct mm_struct *child, struct mm_struct *parent)
{
	struct vm_area_struct *tail = NULL;
	int err = 0;

	for (struct vm_area_struct *v = parent->mmap; v && !err; v = v->vm_next) {
		struct vm_area_struct *c = vm_area_dup(m, v);

		if (!c)
			return -ENOMEM;
		c->vm_mm = child;
		c->vm_prev = tail;
		if (tail)
			tail->vm_next = c;
		else
			child->mmap = c;
		tail = c;
		child->map_count++;
		vm_stat_account(child, c->vm_flags, (long)vma_pages(c));
		if (v->anon_vma)
			err = copy_page_range(m, c, v);
	}
	flush_tlb_mm(m, parent);
	return err;
}

const char *vma_name(const struct vm_area_struct *v)
{
	const struct mm_struct *mm = v->vm_mm;

	if (v->vm_file)
		return v->vm_file->name;
	if (v->vm_start <= mm->brk && v->vm_end >= mm->start_brk)
		return "[heap]";
	if (v->vm_start <= mm->start_stack && v->vm_end >= mm->start_stack)
		return "[stack]";
	return "";
}
