/*
 * maccess.h - loads and stores by kernel code (CPL 0) at kernel addresses:
 * the direct map, vmalloc areas, kmaps.
 */
#ifndef VMLAB_MM_MACCESS_H
#define VMLAB_MM_MACCESS_H

#include <stdint.h>

struct machine;

/*
 * A 64-bit load or store at addr (8-byte aligned) by the kernel on m->cpu,
 * through the MMU: the TLB, else a walk of the page tables CR3 holds (the
 * kernel part is swapper_pg_dir's in every pgd), which fills the TLB.
 * Returns 0 (*pfn the frame reached), -EINVAL (misaligned, or a user
 * address), -EPERM (a store into a page table, a slab, the zero page or a
 * reserved frame, whose bytes the model itself lives on), or -EFAULT when the access faults: the kernel would oops (the
 * caller shows it, see report/oops.h); m->err has a sentence.
 */
int kernel_read64(struct machine *m, unsigned long addr, uint64_t *val, unsigned long *pfn);
int kernel_write64(struct machine *m, unsigned long addr, uint64_t val, unsigned long *pfn);

#endif
