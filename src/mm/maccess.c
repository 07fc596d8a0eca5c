/*
 * maccess.c - the kernel touching its own memory.
 *
 * The shell acts as kernel code here: `kwrite 0xf8800000 42` is a store at
 * CPL 0, so the U/S bit is not checked, and a write needs RW (CR0.WP).  A
 * vmalloc page reached this way is the same frame its PTE names; a HighMem
 * frame is only reachable through a mapping (kmap, kmap_atomic, vmalloc,
 * vmap), never through the direct map.  What faults is an oops in Linux:
 * no VMA and no fixup exist for kernel addresses.
 */
#include <errno.h>
#include <stddef.h>
#include "machine.h"
#include "maccess.h"
#include "memory.h"
#include "pgtable.h"
#include "tlb.h"

static int kernel_access(struct machine *m, unsigned long addr, enum access_type type,
			 unsigned long *pfn)
{
	struct fault_info fi;

	if (addr & 7)
		return mm_err(m, -EINVAL, "0x%0*lx is not 8-byte aligned (values are 64-bit)",
			      m->arch->addr_digits, addr);
	if (addr < m->arch->task_size)
		return mm_err(m, -EINVAL, "0x%0*lx is a user address: kernel accesses here are for "
			      "kernel memory (use read/write in a process)", m->arch->addr_digits,
			      addr);
	return mmu_access(m, addr, type, 0, pfn, &fi);
}

int kernel_read64(struct machine *m, unsigned long addr, uint64_t *val, unsigned long *pfn)
{
	const unsigned char *b;
	int err = kernel_access(m, addr, ACCESS_READ, pfn);

	if (err)
		return err;
	b = page_data(m, *pfn);
	*val = 0;
	if (b)
		for (int i = 7; i >= 0; i--)
			*val = (*val << 8) | b[(addr & ~PAGE_MASK) + (unsigned)i];
	return 0;
}

/*
 * Frames whose bytes are the model's own structures (page-table entries,
 * slab freelists, the zero page, boot memory): a store there would corrupt
 * the machine itself, so it is refused before the access.
 */
static int check_store(struct machine *m, unsigned long addr)
{
	struct pt_walk w;
	const struct page *p;

	pt_walk(m, m->tlb[m->cpu].cr3, addr, &w);
	if (!w.mapped)
		return 0;
	p = pfn_to_page(m, w.pfn);
	if (PageFlag(p, PG_pgtable) || PageFlag(p, PG_slab) || PageFlag(p, PG_zero) ||
	    PageFlag(p, PG_reserved))
		return mm_err(m, -EPERM, "0x%0*lx is in pfn 0x%lx, %s: the model keeps its own "
			      "structures there and refuses the store", m->arch->addr_digits, addr,
			      w.pfn, PageFlag(p, PG_pgtable) ? "a page table" : PageFlag(p, PG_slab) ?
			      "a slab page" : PageFlag(p, PG_zero) ? "the zero page" :
			      "a reserved frame");
	return 0;
}

int kernel_write64(struct machine *m, unsigned long addr, uint64_t val, unsigned long *pfn)
{
	unsigned char *b;
	int err = (addr & 7) || addr < m->arch->task_size ? 0 : check_store(m, addr);

	if (!err)
		err = kernel_access(m, addr, ACCESS_WRITE, pfn);

	if (err)
		return err;
	b = page_data_get(m, *pfn);
	if (!b)
		return mm_err(m, -ENOMEM, "out of host memory for page contents");
	for (int i = 0; i < 8; i++)
		b[(addr & ~PAGE_MASK) + (unsigned)i] = (unsigned char)(val >> (8 * i));
	return 0;
}
