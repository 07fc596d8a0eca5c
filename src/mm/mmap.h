/*
 * mmap.h - VMAs and the system calls that change them: mmap, munmap,
 * mprotect, brk, msync; find_vma and get_unmapped_area.
 *
 * Every call is all or nothing: a failure returns -errno with a sentence
 * in m->err and leaves the address space as it was.
 */
#ifndef VMLAB_MM_MMAP_H
#define VMLAB_MM_MMAP_H

#include <stdbool.h>
#include "mm_types.h"

struct machine;
struct sim_file;

#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4

#define MAP_SHARED	0x01
#define MAP_PRIVATE	0x02
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MAP_GROWSDOWN	0x0100
#define MAP_NORESERVE	0x4000

/* The stack may grow to RLIMIT_STACK and keeps stack_guard_gap below it. */
#define RLIMIT_STACK_DEFAULT	(8UL << 20)
#define STACK_GUARD_GAP		(256UL << 12)

static inline unsigned long page_align(unsigned long x)
{
	return (x + 4095) & ~4095UL;
}

/* find_vma(): the first VMA with vm_end > addr, or NULL.  Caches the result. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
/* The VMA containing addr, or NULL. */
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);
/* The first VMA overlapping [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end);

/* The vm_flags mmap would give a mapping (calc_vm_prot_bits and friends). */
unsigned long calc_vm_flags(unsigned prot, unsigned flags);
/* The PTE protection bits for vm_flags (protection_map[]). */
uint64_t vm_get_page_prot(const struct machine *m, unsigned long vm_flags);
static inline bool vma_is_anonymous(const struct vm_area_struct *v)
{
	return v->vm_file == NULL;
}
/* Private and may be written: pages are copied on write (is_cow_mapping()). */
static inline bool is_cow_mapping(unsigned long flags)
{
	return (flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;
}

/*
 * get_unmapped_area(): where a mapping of len bytes goes.  With a hint
 * that is free, the hint; else top-down below mm->mmap_base (or bottom-up
 * from it with the legacy layout).  Returns the address or -ENOMEM.
 */
long get_unmapped_area(struct machine *m, struct mm_struct *mm, unsigned long hint,
		       unsigned long len);

/*
 * do_mmap(): maps len bytes (rounded up to pages) with prot and flags,
 * file f at page offset pgoff (f NULL for anonymous).  MAP_FIXED replaces
 * what was there.  Merges with an adjacent compatible VMA as vma_merge()
 * does.  Returns the address or -errno.
 */
long do_mmap(struct machine *m, struct mm_struct *mm, unsigned long addr, unsigned long len,
	     unsigned prot, unsigned flags, struct sim_file *f, unsigned long pgoff);

/*
 * do_mmap with explicit vm_flags, for exec and brk (stack, heap).
 * Returns the address or -errno.
 */
long mmap_region(struct machine *m, struct mm_struct *mm, unsigned long addr,
		 unsigned long len, unsigned long vm_flags, struct sim_file *f,
		 unsigned long pgoff);

/*
 * do_munmap(): unmaps [start, start + len): splits VMAs at the ends,
 * frees the pages and the page tables nothing else uses, flushes the TLB.
 * Dirty pages of shared file mappings are written back first.
 * Returns 0, -EINVAL (not a page-aligned user range) or -ENOMEM (host).
 */
int do_munmap(struct machine *m, struct mm_struct *mm, unsigned long start, unsigned long len);

/* mprotect(): 0, -EINVAL, -ENOMEM (a hole in the range) or -EACCES (beyond VM_MAY*). */
int do_mprotect(struct machine *m, struct mm_struct *mm, unsigned long start,
		unsigned long len, unsigned prot);

/*
 * brk(): moves the program break to newbrk (0: just report it).  Returns
 * the new break, or -ENOMEM when it cannot move (the kernel returns the
 * old break; the sentence says why).
 */
long do_brk(struct machine *m, struct mm_struct *mm, unsigned long newbrk);

/* msync(MS_SYNC): writes back dirty pages of shared file mappings in the range. */
int do_msync(struct machine *m, struct mm_struct *mm, unsigned long start, unsigned long len);

/* exit_mmap(): every VMA, page and page table of mm. */
void exit_mmap(struct machine *m, struct mm_struct *mm);

/*
 * dup_mmap(): gives child copies of parent's VMAs and, for VMAs with
 * anonymous pages, of their page tables, write-protecting both sides of
 * private writable pages.  Returns 0 or -ENOMEM (child partly built:
 * the caller frees it with exit_mmap()).
 */
int dup_mmap(struct machine *m, struct mm_struct *child, struct mm_struct *parent);

/* The name maps shows for a VMA: a path, [heap], [stack], or "" */
const char *vma_name(const struct vm_area_struct *v);

/* Unmaps the pages of [start, end) inside vma (zap_page_range). */
void zap_page_range(struct machine *m, struct vm_area_struct *vma, unsigned long start,
		    unsigned long end);

/* vm_stat_account(): total_vm, exec_vm, stack_vm, data_vm. */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);

#endif
