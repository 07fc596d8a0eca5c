/*
 * vmalloc.h - the vmalloc area: virtually contiguous kernel memory made of
 * frames that need not be contiguous, and vmap() of pages a caller owns.
 *
 * The area lies between VMALLOC_START and VMALLOC_END, which depend on
 * the architecture and, on i386, on how much RAM the direct map covers:
 *
 *   i386      high_memory + 8 MiB  ..  PKMAP_BASE - 2 pages
 *             (1 GiB: 0xf8800000-0xff7fe000; 512 MiB: 0xe0800000-0xff7fe000)
 *   x86_64    0xffffc90000000000 .. 0xffffe8ffffffffff   (32 TiB)
 *   la57      0xffa0000000000000 .. 0xffd1ffffffffffff   (12800 TiB)
 *
 * Each busy range is a vmap_area, kept on vmap_area_list in address order;
 * an area made by vmalloc or vmap has a vm_struct too.  vm->size counts
 * one guard page after the mapped pages, so the areas of three 1-page
 * vmallocs sit back to back, each followed by its unmapped page:
 *
 *   0xf8800000 [page][guard] 0xf8802000 [page][guard] 0xf8804000 [page][guard]
 *
 * Use:
 *
 *   unsigned long addr = __vmalloc(m, 3 * PAGE_SIZE, GFP_KERNEL, "probe");
 *   if (IS_ERR_VALUE(addr))
 *           return (int)addr;             -ENOMEM / -EINVAL, m->err says why
 *   ...
 *   vfree(m, addr, NULL);
 *
 * Addresses are returned as unsigned long and errors as -errno in the same
 * word (IS_ERR_VALUE(), as slab.h does), since on x86_64 every kernel
 * address has the top bit set.
 */
#ifndef VMLAB_MM_VMALLOC_H
#define VMLAB_MM_VMALLOC_H

#include <stdbool.h>
#include <stdint.h>
#include "gfp.h"

struct machine;

/* include/linux/vmalloc.h vm_struct flags. */
#define VM_IOREMAP		0x00000001UL
#define VM_ALLOC		0x00000002UL	/* vmalloc(): pages of its own */
#define VM_MAP			0x00000004UL	/* vmap(): the caller's pages */
#define VM_USERMAP		0x00000008UL
#define VM_NO_GUARD		0x00000040UL

/* arch/x86/include/asm/pgtable_32_areas.h: the hole after the direct map. */
#define VMALLOC_OFFSET		(8UL << 20)

#define VM_CALLER_LEN		32

/*
 * A mapped area (include/linux/vmalloc.h).  The kernel keeps struct page
 * pointers in pages[]; the model keeps their pfns, and pages_addr says
 * where the kernel's array lives: a kmalloc object, or, when the array is
 * larger than a page, a vmalloc area of its own ("vpages").
 */
struct vm_struct {
	unsigned long addr;
	unsigned long size;		/* bytes, the guard page included */
	unsigned long flags;		/* VM_ALLOC or VM_MAP */
	uint32_t *pages;		/* [nr_pages] pfns; NULL for vmap() */
	unsigned nr_pages;		/* pages vmalloc allocated (0 for vmap()) */
	unsigned nr_mapped;		/* pages mapped: nr_pages, or vmap()'s count */
	uint32_t *mapped;		/* vmap(): the caller's pfns [nr_mapped] */
	unsigned long pages_addr;	/* the kernel's pages array: kmalloc or vmalloc */
	bool vpages;			/* ... and it is a vmalloc address */
	unsigned long kaddr;		/* this vm_struct's own kmalloc object */
	char caller[VM_CALLER_LEN];	/* who asked: vmallocinfo's %pS */
};

/* A busy range of the vmalloc space (mm/vmalloc.c struct vmap_area). */
struct vmap_area {
	unsigned long va_start, va_end;	/* [va_start, va_end), guard page included */
	struct vm_struct *vm;
	unsigned long kaddr;		/* its kmalloc object */
	struct vmap_area *next;		/* vmap_area_list, by address */
};

/* What the machine keeps for vmalloc (m->vmap). */
struct vmap_state {
	unsigned long start, end;	/* VMALLOC_START, VMALLOC_END + 1 on x86_64 */
	struct vmap_area *list;		/* vmap_area_list, lowest address first */
	unsigned long nr_areas;
	unsigned long nr_vmalloc_pages;	/* nr_vmalloc_pages: meminfo VmallocUsed */
	unsigned long die_counter;	/* kernel oopses so far: "Oops: 0002 [#N]" */
};

/* Sets up m->vmap (boot: mm_init -> vmalloc_init).  Returns 0 or -ENOMEM. */
int vmalloc_init(struct machine *m);
/* Host memory only, with the machine. */
void vmalloc_release_all(struct machine *m);

/* VMALLOC_START and VMALLOC_END (the last byte, as the kernel defines it). */
unsigned long vmalloc_start(const struct machine *m);
unsigned long vmalloc_end(const struct machine *m);
/* VMALLOC_TOTAL (meminfo VmallocTotal): VMALLOC_END - VMALLOC_START. */
unsigned long vmalloc_total(const struct machine *m);
/* lazy_max_pages(): 32 MiB of pages times fls(CPUs), Linux's purge threshold. */
unsigned long lazy_max_pages(const struct machine *m);

/*
 * __vmalloc_node_range() with the whole vmalloc space: size bytes rounded up
 * to pages, each page allocated on its own (order 0) with gfp (vmalloc adds
 * __GFP_HIGHMEM unless gfp asks for DMA or DMA32), mapped with PAGE_KERNEL
 * into init_mm's page tables, flagged PG_vmalloc.  caller names the call
 * site.  Returns the address, or -ENOMEM / -EINVAL (IS_ERR_VALUE) with the
 * kernel's warning in m->err; on failure the pages, descriptors and range
 * are given back (page tables made on the way stay, as in Linux).
 */
unsigned long __vmalloc(struct machine *m, unsigned long size, gfp_t gfp, const char *caller);
/* vmalloc(): GFP_KERNEL.  vzalloc(): zeroed.  vmalloc_32(): 32-bit addressable pages. */
unsigned long vmalloc(struct machine *m, unsigned long size, const char *caller);
unsigned long vzalloc(struct machine *m, unsigned long size, const char *caller);
unsigned long vmalloc_32(struct machine *m, unsigned long size, const char *caller);
/* GFP_VMALLOC32: GFP_DMA32 | GFP_KERNEL (on 32-bit, DMA32 means lowmem). */
gfp_t gfp_vmalloc32(const struct machine *m);

/*
 * vmap(): maps count frames of the caller (allocated or reserved ones)
 * contiguously, VM_MAP, PAGE_KERNEL.  Returns the address or -errno (a free
 * frame, a frame beyond RAM, no room) with nothing changed.
 */
unsigned long vmap(struct machine *m, const unsigned long *pfns, unsigned count,
		   const char *caller);
/*
 * vunmap(): unmaps a vmap() area and frees its descriptors; its pages stay
 * the caller's.  Returns 0, or -EINVAL (not a vmap area; a vmalloc area,
 * whose pages vunmap would leak) with nothing changed.
 */
int vunmap(struct machine *m, unsigned long addr);
/*
 * vfree(): the area addr lies in (page-aligned; 0 is ignored) is unmapped,
 * the kernel TLB range flushed, each page freed, then the pages array and
 * the descriptors.  Returns 0, or -EINVAL with nothing changed: "Trying to
 * vfree() nonexistent vm area", a page freed behind vmalloc's back, or an
 * area that is another area's pages array.  *freed gets the pages freed
 * (may be NULL).
 */
int vfree(struct machine *m, unsigned long addr, unsigned *freed);

/* The area whose range [va_start, va_end) holds addr, or NULL. */
const struct vmap_area *find_vmap_area(const struct machine *m, unsigned long addr);
/*
 * The vmap() area that maps the frame pfn (its lowest, if several do), or
 * NULL; *index gets the frame's page number in it.  vmalloc's own pages
 * are PG_vmalloc instead.
 */
const struct vmap_area *find_vmap_area_of_pfn(const struct machine *m, unsigned long pfn,
					      unsigned *index);
/* True if addr is in [VMALLOC_START, VMALLOC_END]. */
bool is_vmalloc_addr(const struct machine *m, unsigned long addr);
/* The largest free range inside the vmalloc space, in bytes. */
unsigned long vmalloc_largest_hole(const struct machine *m);

/*
 * The checker's rule: areas sorted, disjoint, inside the vmalloc space, each
 * with its guard page unmapped; every page of an area mapped by its PTE;
 * every vmalloc page allocated, PG_vmalloc and mapped exactly once in the
 * vmalloc range of init_mm, no other PTE there; the descriptors live
 * kmalloc objects; nr_vmalloc_pages right.
 */
typedef void (*vmalloc_report_fn)(void *ctx, const char *violation);
void vmalloc_check(struct machine *m, vmalloc_report_fn report, void *ctx);

#endif
