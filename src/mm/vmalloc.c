/*
 * vmalloc.c - vm_struct and vmap_area, vmalloc / vzalloc / vmalloc_32,
 * vmap / vunmap, vfree, and the checker's vmalloc rule.
 *
 * vmalloc(size) in four steps, as __vmalloc_node_range() takes them:
 *
 *   1. the descriptors: a vm_struct (kzalloc) and a vmap_area (kmalloc, as
 *      kernels before 5.2 did; later ones use a vmap_area cache)
 *   2. alloc_vmap_area(): the lowest hole of the vmalloc space that holds
 *      the pages plus one guard page.  The busy areas are walked in address
 *      order and the first gap big enough wins:
 *
 *        VMALLOC_START                                           VMALLOC_END
 *        | A (2+1 pages) | hole 2 pages | B (1+1) | hole ...
 *        a 3-page request (4 with its guard) skips the 2-page hole and
 *        lands right after B
 *
 *   3. the pages: one at a time, order 0, GFP_KERNEL|__GFP_HIGHMEM, so on
 *      i386 they come from HighMem first and need not be contiguous; the
 *      pages array that lists them comes from kmalloc, or from a vmalloc
 *      of its own when it is larger than a page ("vpages")
 *   4. the mapping: one PTE per page in init_mm's tables (pte_alloc() makes
 *      the missing tables; on i386 a new pgd entry reaches every process),
 *      PAGE_KERNEL = P RW A D G (NX where the CPU has it).  The guard page
 *      never gets a PTE: an overrun faults instead of corrupting the next
 *      area.
 *
 * vfree() undoes it as __vunmap() does: the area leaves vmap_area_list,
 * its PTEs are cleared, the TLB range is flushed, each page is freed, then
 * the pages array and the descriptors.  Linux since 2.6.28 defers the flush
 * and the release of the range (free_vmap_area_noflush() queues the area;
 * __purge_vmap_area_lazy() flushes once for many when more than
 * lazy_max_pages() are waiting); the model purges at once, as if that
 * threshold were 0, and says so in the events.  Page tables stay, as in
 * Linux.  vmlist, the older list of vm_structs, was folded into
 * vmap_area_list in 3.10; the model keeps that one list.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "highmem.h"
#include "check.h"
#include "machine.h"
#include "mm_types.h"
#include "page_alloc.h"
#include "pgtable.h"
#include "slab.h"
#include "tlb.h"
#include "vmalloc.h"

/* mm/internal.h GFP_RECLAIM_MASK: what the descriptor allocations inherit. */
#define GFP_RECLAIM_MASK (__GFP_RECLAIM | __GFP_HIGH | __GFP_IO | __GFP_FS | __GFP_NOWARN | \
			  __GFP_NOFAIL | __GFP_NORETRY)

#define VM_LAZY_BASE_BYTES (32UL << 20)		/* lazy_max_pages() per log2 of CPUs */

/* ---- the address range --------------------------------------------------- */

unsigned long vmalloc_start(const struct machine *m)
{
	switch (m->arch->id) {
	case ARCH_X86_64:
		return 0xffffc90000000000UL;		/* __VMALLOC_BASE_L4 */
	case ARCH_X86_64_LA57:
		return 0xffa0000000000000UL;		/* __VMALLOC_BASE_L5 */
	default:
		return m->arch->page_offset + (m->max_low_pfn << PAGE_SHIFT) + VMALLOC_OFFSET;
	}
}

unsigned long vmalloc_end(const struct machine *m)
{
	switch (m->arch->id) {
	case ARCH_X86_64:
		return vmalloc_start(m) + (32UL << 40) - 1;	/* VMALLOC_SIZE_TB_L4 */
	case ARCH_X86_64_LA57:
		return vmalloc_start(m) + (12800UL << 40) - 1;	/* VMALLOC_SIZE_TB_L5 */
	default:
		return pkmap_base(m) - 2 * PAGE_SIZE;
	}
}

unsigned long vmalloc_total(const struct machine *m)
{
	return vmalloc_end(m) - vmalloc_start(m);
}

unsigned long lazy_max_pages(const struct machine *m)
{
	unsigned log = 0;

	for (unsigned long n = (unsigned long)m->nr_cpus; n; n >>= 1)
		log++;				/* fls(num_online_cpus()) */
	return log * (VM_LAZY_BASE_BYTES >> PAGE_SHIFT);
}

bool is_vmalloc_addr(const struct machine *m, unsigned long addr)
{
	return m->vmap && addr >= m->vmap->start && addr < m->vmap->end;
}

int vmalloc_init(struct machine *m)
{
	m->vmap = calloc(1, sizeof(*m->vmap));
	if (!m->vmap)
		return -ENOMEM;
	m->vmap->start = vmalloc_start(m);
	m->vmap->end = vmalloc_end(m) + (m->arch->is_64bit ? 1 : 0);
	return 0;
}

static void vm_struct_release(struct vm_struct *vm)
{
	if (!vm)
		return;
	free(vm->pages);
	free(vm->mapped);
	free(vm);
}

void vmalloc_release_all(struct machine *m)
{
	if (!m->vmap)
		return;
	for (struct vmap_area *va = m->vmap->list, *next; va; va = next) {
		next = va->next;
		vm_struct_release(va->vm);
		free(va);
	}
	free(m->vmap);
	m->vmap = NULL;
}

/* ---- sizes of the kernel's descriptors ----------------------------------- */

static unsigned word_bytes(const struct machine *m)
{
	return m->arch->is_64bit ? 8 : 4;
}

/* struct vm_struct: next addr size flags pages nr_pages phys_addr caller. */
static unsigned vm_struct_bytes(const struct machine *m)
{
	return 8 * word_bytes(m) + (m->arch->id == ARCH_I386_PAE ? 4 : 0);	/* 64-bit phys_addr_t */
}

/* struct vmap_area (5.1): va_start va_end flags rb_node(3) list(2) purge_list vm rcu_head(2). */
static unsigned vmap_area_bytes(const struct machine *m)
{
	return 11 * word_bytes(m);
}

/* ---- lookups ------------------------------------------------------------- */

static struct vmap_area *find_area(const struct machine *m, unsigned long addr)
{
	if (!m->vmap)
		return NULL;
	for (struct vmap_area *va = m->vmap->list; va && va->va_start <= addr; va = va->next)
		if (addr < va->va_end)
			return va;
	return NULL;
}

const struct vmap_area *find_vmap_area(const struct machine *m, unsigned long addr)
{
	return find_area(m, addr);
}

const struct vmap_area *find_vmap_area_of_pfn(const struct machine *m, unsigned long pfn,
					      unsigned *index)
{
	if (!m->vmap)
		return NULL;
	for (const struct vmap_area *va = m->vmap->list; va; va = va->next) {
		const struct vm_struct *vm = va->vm;

		for (unsigned i = 0; vm && (vm->flags & VM_MAP) && i < vm->nr_mapped; i++)
			if (vm->mapped[i] == pfn) {
				*index = i;
				return va;
			}
	}
	return NULL;
}

unsigned long vmalloc_largest_hole(const struct machine *m)
{
	const struct vmap_state *vs = m->vmap;
	unsigned long addr = vs->start, best = 0;

	for (const struct vmap_area *va = vs->list;; va = va->next) {
		unsigned long end = va ? va->va_start : vs->end;

		if (end > addr && end - addr > best)
			best = end - addr;
		if (!va)
			return best;
		addr = va->va_end;
	}
}

/* ---- alloc_vmap_area ----------------------------------------------------- */

/*
 * The lowest hole of the vmalloc space that holds size bytes: walks the
 * busy areas in address order, telling each non-empty hole it looks at.
 * Returns the address (and in *link where the new area goes), or 0.
 */
static unsigned long find_lowest_match(struct machine *m, unsigned long size,
				       struct vmap_area ***link)
{
	struct vmap_state *vs = m->vmap;
	struct vmap_area **pp = &vs->list;
	unsigned long addr = vs->start;

	for (;;) {
		struct vmap_area *va = *pp;
		unsigned long end = va ? va->va_start : vs->end;
		bool fits = end > addr && end - addr >= size;

		if (end > addr)
			event_emit(m, .type = EV_VMAP_HOLE, .val = addr, .val2 = end, .val3 = size,
				   .ok = fits);
		if (fits) {
			*link = pp;
			return addr;
		}
		if (!va)
			return 0;
		addr = va->va_end;
		pp = &va->next;
	}
}

/*
 * alloc_vmap_area(): a vmap_area of size bytes (guard included) at the
 * lowest address that has room.  Returns it, or NULL with -ENOMEM in *err
 * and the kernel's warning in m->err; nothing changed then.
 */
static struct vmap_area *alloc_vmap_area(struct machine *m, unsigned long size, int *err)
{
	struct vmap_state *vs = m->vmap;
	unsigned long kaddr = __kmalloc(m, vmap_area_bytes(m), GFP_KERNEL, "alloc_vmap_area");
	struct vmap_area *va, **link = NULL;
	unsigned long addr;

	if (IS_ERR_VALUE(kaddr)) {
		*err = (int)kaddr;
		return NULL;
	}
	va = calloc(1, sizeof(*va));
	addr = va ? find_lowest_match(m, size, &link) : 0;
	event_emit(m, .type = EV_ALLOC_VMAP_AREA, .val = addr ? addr : vs->end, .val2 = size,
		   .val3 = PAGE_SIZE, .ok = addr != 0);
	if (!addr) {
		__kfree(m, kaddr, "alloc_vmap_area");
		*err = -ENOMEM;
		if (!va)
			mm_err(m, -ENOMEM, "out of host memory for a vmap_area");
		else
			mm_err(m, -ENOMEM, "vmap allocation for size %lu failed: use vmalloc=<size> "
			       "to increase size (the largest hole is %lu kB)", size,
			       vmalloc_largest_hole(m) >> 10);
		free(va);
		return NULL;
	}
	va->va_start = addr;
	va->va_end = addr + size;
	va->kaddr = kaddr;
	va->next = *link;
	*link = va;
	vs->nr_areas++;
	return va;
}

/*
 * __get_vm_area_node(): a vm_struct and its vmap_area for size bytes
 * (page-aligned) plus the guard page.  Returns the area or NULL with -errno
 * in *err; nothing changed then.
 */
static struct vmap_area *get_vm_area(struct machine *m, unsigned long size, unsigned long flags,
				     const char *caller, int *err)
{
	unsigned long kaddr = __kmalloc(m, vm_struct_bytes(m), GFP_KERNEL | __GFP_ZERO,
					"__get_vm_area_node");
	struct vm_struct *vm;
	struct vmap_area *va;

	if (IS_ERR_VALUE(kaddr)) {
		*err = (int)kaddr;
		return NULL;
	}
	vm = calloc(1, sizeof(*vm));
	va = vm ? alloc_vmap_area(m, size + PAGE_SIZE, err) : NULL;
	if (!va) {
		if (!vm)
			*err = mm_err(m, -ENOMEM, "out of host memory for a vm_struct");
		free(vm);
		__kfree(m, kaddr, "__get_vm_area_node");
		return NULL;
	}
	vm->addr = va->va_start;
	vm->size = va->va_end - va->va_start;
	vm->flags = flags;
	vm->kaddr = kaddr;
	snprintf(vm->caller, sizeof(vm->caller), "%s", caller);
	va->vm = vm;
	return va;
}

/* ---- mapping ------------------------------------------------------------- */

/* One PTE of init_mm: addr -> pfn with PAGE_KERNEL.  Returns 0 or -ENOMEM. */
static int map_kernel_page(struct machine *m, unsigned long addr, unsigned long pfn)
{
	unsigned idx;
	long table = pte_alloc(m, m->init_mm, addr, &idx);
	pteval_t e = pfn_pte(pfn, page_kernel(m));

	if (table < 0)
		return (int)table;
	pt_set(m, (unsigned long)table, idx, e);
	event_emit(m, .type = EV_SET_PTE, .val = addr, .pfn = pfn, .val2 = (unsigned long)table,
		   .val3 = e, .order = idx);
	return 0;
}

/* vunmap_range_noflush(): clears the present PTEs of [start, end).  Returns how many. */
static unsigned long unmap_kernel_range(struct machine *m, unsigned long start, unsigned long end)
{
	unsigned long n = 0;

	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		unsigned idx;
		long table = pte_lookup(m, m->init_mm, addr, &idx);

		if (table < 0 || pte_none(pt_get(m, (unsigned long)table, idx)))
			continue;
		pt_set(m, (unsigned long)table, idx, 0);
		n++;
	}
	return n;
}

/* Maps vm's first count pages (pfns[]) at vm->addr.  Returns 0 or -ENOMEM. */
static int map_area(struct machine *m, struct vm_struct *vm, const uint32_t *pfns, unsigned count)
{
	for (unsigned i = 0; i < count; i++) {
		int err = map_kernel_page(m, vm->addr + (unsigned long)i * PAGE_SIZE, pfns[i]);

		if (err)
			return err;
	}
	return 0;
}

/* ---- teardown: remove_vm_area, the purge, __vunmap --------------------- */

static void unlink_area(struct machine *m, struct vmap_area *va)
{
	for (struct vmap_area **pp = &m->vmap->list; *pp; pp = &(*pp)->next)
		if (*pp == va) {
			*pp = va->next;
			m->vmap->nr_areas--;
			return;
		}
	MM_BUG_ON(1, m, 0);
}

/*
 * remove_vm_area() and the purge: the range leaves the list, its PTEs go,
 * the TLB range is flushed and the vmap_area is freed.
 */
static void remove_vm_area(struct machine *m, struct vmap_area *va, bool deallocate)
{
	struct vm_struct *vm = va->vm;
	unsigned long start = va->va_start, end = va->va_end, ptes;

	event_emit(m, .type = EV_REMOVE_VM_AREA, .val = start, .val2 = end - start,
		   .val3 = vm->nr_pages, .ok = deallocate);
	unlink_area(m, va);
	ptes = unmap_kernel_range(m, start, end);
	event_emit(m, .type = EV_VUNMAP_RANGE, .val = start, .val2 = end, .val3 = ptes);
	event_emit(m, .type = EV_FREE_VMAP_AREA_NOFLUSH, .val = start,
		   .val2 = (end - start) >> PAGE_SHIFT, .val3 = 0);
	event_emit(m, .type = EV_PURGE_VMAP_AREA_LAZY, .val = start, .val2 = end, .val3 = 1);
	flush_tlb_kernel_range(m, start, end);
	__kfree(m, va->kaddr, "__purge_vmap_area_lazy");
	free(va);
}

static void free_vm_pages(struct machine *m, struct vm_struct *vm)
{
	for (unsigned i = 0; i < vm->nr_pages; i++) {
		struct page *p = pfn_to_page(m, vm->pages[i]);

		ClearPageFlag(p, PG_vmalloc);
		__free_pages(m, vm->pages[i], 0);
	}
	m->vmap->nr_vmalloc_pages -= vm->nr_pages;
}

static void vm_area_free(struct machine *m, struct vmap_area *va, bool deallocate);

static void free_pages_array(struct machine *m, struct vm_struct *vm)
{
	struct vmap_area *array = vm->vpages ? find_area(m, vm->pages_addr) : NULL;

	if (array)
		vm_area_free(m, array, true);	/* kvfree(): the array's own vfree */
	else if (vm->pages_addr && !vm->vpages)
		__kfree(m, vm->pages_addr, "vfree");
}

/* __vunmap(): the whole area goes; with deallocate its pages are freed too. */
static void vm_area_free(struct machine *m, struct vmap_area *va, bool deallocate)
{
	struct vm_struct *vm = va->vm;

	remove_vm_area(m, va, deallocate);
	if (deallocate)
		free_vm_pages(m, vm);
	free_pages_array(m, vm);
	__kfree(m, vm->kaddr, "vfree");
	vm_struct_release(vm);
}

/* ---- vmalloc ------------------------------------------------------------- */

/*
 * GFP_VMALLOC32 is GFP_DMA32 | GFP_KERNEL everywhere: ZONE_DMA32 on 64-bit;
 * on 32-bit __GFP_DMA32 means ZONE_NORMAL, and it keeps vmalloc from adding
 * __GFP_HIGHMEM.
 */
gfp_t gfp_vmalloc32(const struct machine *m)
{
	(void)m;
	return GFP_DMA32 | GFP_KERNEL;
}

/* The pages array: kmalloc up to a page, else a vmalloc of its own. */
static int alloc_pages_array(struct machine *m, struct vm_struct *vm, unsigned nr, gfp_t gfp)
{
	unsigned long bytes = (unsigned long)nr * word_bytes(m);
	gfp_t nested = (gfp & GFP_RECLAIM_MASK) | __GFP_ZERO;
	unsigned long addr;

	vm->pages = calloc(nr, sizeof(*vm->pages));
	if (!vm->pages)
		return mm_err(m, -ENOMEM, "out of host memory for a pages array");
	if (bytes > PAGE_SIZE) {
		addr = __vmalloc(m, bytes, nested, vm->caller);
		vm->vpages = !IS_ERR_VALUE(addr);
	} else {
		addr = __kmalloc(m, bytes, nested, "__vmalloc_area_node");
	}
	if (IS_ERR_VALUE(addr))
		return (int)addr;
	vm->pages_addr = addr;
	return 0;
}

/* The pages, one at a time.  Returns 0 or the allocator's -errno. */
static int alloc_area_pages(struct machine *m, struct vm_struct *vm, unsigned nr, gfp_t gfp)
{
	if (!(gfp & (__GFP_DMA | __GFP_DMA32)))
		gfp |= __GFP_HIGHMEM;
	while (vm->nr_pages < nr) {
		long pfn = alloc_pages(m, gfp, 0);

		if (pfn < 0)
			return (int)pfn;
		SetPageFlag(pfn_to_page(m, (unsigned long)pfn), PG_vmalloc);
		vm->pages[vm->nr_pages++] = (uint32_t)pfn;
		m->vmap->nr_vmalloc_pages++;
		event_emit(m, .type = EV_VMALLOC_PAGE, .pfn = (unsigned long)pfn,
			   .zone = pfn_zone(m, (unsigned long)pfn),
			   .val = vm->addr + (unsigned long)(vm->nr_pages - 1) * PAGE_SIZE,
			   .val2 = vm->nr_pages - 1, .val3 = nr);
	}
	return 0;
}

/*
 * __vmalloc_area_node(): pages array, pages, mapping.  Returns 0, or -errno
 * with the kernel's warning in msg (the caller frees the area).
 */
static int vmalloc_area_node(struct machine *m, struct vm_struct *vm, unsigned long size,
			     gfp_t gfp, char *msg, size_t len)
{
	unsigned nr = (unsigned)(size >> PAGE_SHIFT);
	char mode[128];
	int err;

	gfp_format(gfp | (gfp & (__GFP_DMA | __GFP_DMA32) ? 0 : __GFP_HIGHMEM), mode, sizeof(mode));
	err = alloc_pages_array(m, vm, nr, gfp);
	if (err) {
		snprintf(msg, len, "vmalloc error: size %lu, failed to allocate page array size %lu",
			 size, (unsigned long)nr * word_bytes(m));
		return err;
	}
	err = alloc_area_pages(m, vm, nr, gfp);
	if (err) {
		snprintf(msg, len, "vmalloc error: size %lu, page order 0, failed to allocate pages, "
			 "mode:%#x(%s) (%u of %u pages allocated)", size, gfp, mode, vm->nr_pages, nr);
		return err;
	}
	vm->nr_mapped = nr;
	err = map_area(m, vm, vm->pages, nr);
	if (err)
		snprintf(msg, len, "vmalloc error: size %lu, failed to map pages", size);
	return err;
}

unsigned long __vmalloc(struct machine *m, unsigned long size, gfp_t gfp, const char *caller)
{
	unsigned long real = (size + PAGE_SIZE - 1) & PAGE_MASK;
	char msg[MM_ERR_LEN];
	struct vmap_area *va;
	int err = 0;

	if (!size || size > (unsigned long)-PAGE_SIZE || (real >> PAGE_SHIFT) > m->totalram_pages)
		return (unsigned long)mm_err(m, size ? -ENOMEM : -EINVAL, "vmalloc error: size %lu, "
					     "exceeds total pages", size);
	event_emit(m, .type = EV_VMALLOC_NODE_RANGE, .val = size, .val2 = real >> PAGE_SHIFT,
		   .gfp = gfp, .site = caller);
	va = get_vm_area(m, real, VM_ALLOC, caller, &err);
	if (!va) {
		snprintf(msg, sizeof(msg), "%s", m->err);
		return (unsigned long)mm_err(m, err, "%s; vmalloc error: size %lu, vm_struct "
					     "allocation failed", msg, size);
	}
	err = vmalloc_area_node(m, va->vm, real, gfp, msg, sizeof(msg));
	if (err) {
		vm_area_free(m, va, true);
		return (unsigned long)mm_err(m, err, "%s", msg);
	}
	return va->va_start;
}

unsigned long vmalloc(struct machine *m, unsigned long size, const char *caller)
{
	return __vmalloc(m, size, GFP_KERNEL, caller);
}

unsigned long vzalloc(struct machine *m, unsigned long size, const char *caller)
{
	return __vmalloc(m, size, GFP_KERNEL | __GFP_ZERO, caller);
}

unsigned long vmalloc_32(struct machine *m, unsigned long size, const char *caller)
{
	return __vmalloc(m, size, gfp_vmalloc32(m), caller);
}

/* ---- vmap, vunmap, vfree ------------------------------------------------- */

static int check_vmap_pfns(struct machine *m, const unsigned long *pfns, unsigned count)
{
	const char *owner;

	if (!count || count > m->totalram_pages)
		return mm_err(m, -EINVAL, "vmap: %u pages: between 1 and %lu (totalram_pages)", count,
			      m->totalram_pages);
	for (unsigned i = 0; i < count; i++) {
		if (!pfn_valid(m, pfns[i]))
			return mm_err(m, -EINVAL, "pfn 0x%lx is beyond the end of memory (max_pfn 0x%lx)",
				      pfns[i], m->max_pfn);
		if (!PageFlag(&m->mem_map[pfns[i]], PG_reserved) && pfn_free(m, pfns[i]))
			return mm_err(m, -EINVAL, "pfn 0x%lx is free: vmap maps pages its caller owns "
				      "(alloc_pages one first)", pfns[i]);
		if ((owner = page_owner(m, pfns[i])))
			return mm_err(m, -EBUSY, "pfn 0x%lx is %s: vmap maps pages its caller owns "
				      "(alloc_pages one first)", pfns[i], owner);
	}
	return 0;
}

unsigned long vmap(struct machine *m, const unsigned long *pfns, unsigned count, const char *caller)
{
	struct vmap_area *va;
	int err = check_vmap_pfns(m, pfns, count);

	if (err)
		return (unsigned long)err;
	event_emit(m, .type = EV_VMAP, .val2 = count, .site = caller);
	va = get_vm_area(m, (unsigned long)count << PAGE_SHIFT, VM_MAP, caller, &err);
	if (!va)
		return (unsigned long)err;
	va->vm->mapped = calloc(count, sizeof(*va->vm->mapped));
	if (!va->vm->mapped) {
		vm_area_free(m, va, false);
		return (unsigned long)mm_err(m, -ENOMEM, "out of host memory for vmap");
	}
	for (unsigned i = 0; i < count; i++)
		va->vm->mapped[i] = (uint32_t)pfns[i];
	va->vm->nr_mapped = count;
	err = map_area(m, va->vm, va->vm->mapped, count);
	if (err) {
		char msg[MM_ERR_LEN];

		snprintf(msg, sizeof(msg), "%s", m->err);
		vm_area_free(m, va, false);
		return (unsigned long)mm_err(m, err, "vmap: %s", msg);
	}
	return va->va_start;
}

int vunmap(struct machine *m, unsigned long addr)
{
	struct vmap_area *va = addr & ~PAGE_MASK ? NULL : find_area(m, addr);

	if (!va)
		return mm_err(m, -EINVAL, "Trying to vunmap() nonexistent vm area (0x%0*lx)",
			      m->arch->addr_digits, addr);
	if (va->vm->flags & VM_ALLOC)
		return mm_err(m, -EINVAL, "0x%0*lx was vmalloc'ed (%u page%s): vunmap would leak "
			      "them; vfree it", m->arch->addr_digits, addr, va->vm->nr_pages,
			      va->vm->nr_pages == 1 ? "" : "s");
	vm_area_free(m, va, false);
	return 0;
}

/* The pages vfree is about to free must still be vmalloc's own. */
static int check_vm_pages(struct machine *m, const struct vm_struct *vm)
{
	for (unsigned i = 0; i < vm->nr_pages; i++) {
		const struct page *p = pfn_to_page(m, vm->pages[i]);

		if (!PageFlag(p, PG_vmalloc) || !PageFlag(p, PG_head) || p->_refcount != 1)
			return mm_err(m, -EINVAL, "page %u of the area at 0x%0*lx, pfn 0x%x, is no "
				      "longer vmalloc's (refcount %d): vfree would free it twice", i,
				      m->arch->addr_digits, vm->addr, vm->pages[i], p->_refcount);
	}
	return 0;
}

/* An area holding another area's pages array goes with that area, not alone. */
static int check_not_pages_array(struct machine *m, const struct vmap_area *va)
{
	for (const struct vmap_area *o = m->vmap->list; o; o = o->next)
		if (o->vm->vpages && o->vm->pages_addr == va->va_start)
			return mm_err(m, -EINVAL, "0x%0*lx holds the pages array of the area at "
				      "0x%0*lx: vfree that area, and this one goes with it",
				      m->arch->addr_digits, va->va_start, m->arch->addr_digits,
				      o->va_start);
	return 0;
}

int vfree(struct machine *m, unsigned long addr, unsigned *freed)
{
	struct vmap_area *va;
	int err;

	if (freed)
		*freed = 0;
	if (!addr)
		return 0;
	if (addr & ~PAGE_MASK)
		return mm_err(m, -EINVAL, "Trying to vfree() bad address (0x%0*lx): not page-aligned",
			      m->arch->addr_digits, addr);
	va = find_area(m, addr);
	if (!va)
		return mm_err(m, -EINVAL, "Trying to vfree() nonexistent vm area (0x%0*lx)",
			      m->arch->addr_digits, addr);
	err = check_vm_pages(m, va->vm);
	if (!err)
		err = check_not_pages_array(m, va);
	if (err)
		return err;
	if (freed)
		*freed = va->vm->nr_pages;
	vm_area_free(m, va, true);
	return 0;
}

/* ---- the checker --------------------------------------------------------- */

#define SLAB_MAP_CACHE 4

struct vcheck {
	struct machine *m;
	vmalloc_report_fn report;
	void *ctx;
	unsigned char *maps;		/* [max_pfn]: PTEs of the vmalloc range mapping a frame */
	unsigned long stray;
	const struct vmap_area *cursor;	/* the walk goes up in address order: so does this */
	struct {			/* object maps of the slabs last looked at */
		unsigned long head;
		unsigned char *map;
	} slabs[SLAB_MAP_CACHE];
	unsigned next_slab;
};

/* One violation, reported through the checker's callback (check.h). */
#define vbad(c, ...) check_violation((c)->report, (c)->ctx, __VA_ARGS__)

/* A present PTE of the vmalloc range: inside an area's mapped pages, once per frame. */
static void check_leaf(struct vcheck *c, unsigned long addr, pteval_t e)
{
	const struct vmap_area *va;
	unsigned long pfn = pte_pfn(e);

	while (c->cursor && c->cursor->va_end <= addr)
		c->cursor = c->cursor->next;
	va = c->cursor && c->cursor->va_start <= addr ? c->cursor : NULL;
	if (!va || addr >= va->va_start + ((unsigned long)va->vm->nr_mapped << PAGE_SHIFT)) {
		if (c->stray++ < 4)
			vbad(c, "vmalloc: 0x%lx is mapped (pfn 0x%lx) but lies in no area's pages", addr,
			     pfn);
		return;
	}
	if (pfn_valid(c->m, pfn) && c->maps[pfn] < 255)
		c->maps[pfn]++;
}

/* Walks init_mm's tables over [lo, hi), calling check_leaf for each present 4K PTE. */
static void walk_range(struct vcheck *c, unsigned long table, const enum pt_level *lv, int n,
		       int depth, unsigned long base, unsigned long lo, unsigned long hi)
{
	const struct arch_profile *a = c->m->arch;
	unsigned long size = pt_level_size(a, lv[depth]);

	for (int i = 0; i < a->ptrs[lv[depth]]; i++) {
		unsigned long start = base + (unsigned long)i * size;
		pteval_t e;

		if (depth == 0 && a->is_64bit && (start >> (a->va_bits - 1)) & 1)
			start |= ~((1UL << a->va_bits) - 1);	/* sign-extend: canonical */
		if (start >= hi || start + size - 1 < lo)
			continue;
		e = pt_get(c->m, table, (unsigned)i);
		if (!pte_present(e))
			continue;
		if (depth == n - 1)
			check_leaf(c, start, e);
		else if (!(e & _PAGE_PSE) || (a->levels == 3 && depth == 0))
			walk_range(c, pte_pfn(e), lv, n, depth + 1, start, lo, hi);
	}
}

static pteval_t kernel_pte(const struct machine *m, unsigned long addr)
{
	unsigned idx;
	long table = pte_lookup(m, m->init_mm, addr, &idx);

	return table < 0 ? 0 : pt_get(m, (unsigned long)table, idx);
}

static void check_area_pages(struct vcheck *c, const struct vmap_area *va, unsigned long *pages)
{
	const struct vm_struct *vm = va->vm;
	const uint32_t *pfns = vm->flags & VM_ALLOC ? vm->pages : vm->mapped;

	for (unsigned i = 0; i < vm->nr_mapped; i++) {
		unsigned long addr = vm->addr + (unsigned long)i * PAGE_SIZE;
		pteval_t e = kernel_pte(c->m, addr);
		const struct page *p = pfn_to_page(c->m, pfns[i]);

		if (!pte_present(e) || pte_pfn(e) != pfns[i])
			vbad(c, "vmalloc: page %u of the area at 0x%lx should map pfn 0x%x; its PTE is "
			     "0x%llx", i, vm->addr, pfns[i], (unsigned long long)e);
		if (vm->flags & VM_ALLOC &&
		    (!PageFlag(p, PG_vmalloc) || !PageFlag(p, PG_head) || p->_refcount != 1))
			vbad(c, "vmalloc: pfn 0x%x (page %u of 0x%lx) is not an allocated PG_vmalloc "
			     "page", pfns[i], i, vm->addr);
		if (vm->flags & VM_MAP && !PageFlag(p, PG_reserved) && pfn_free(c->m, pfns[i]))
			vbad(c, "vmap: the area at 0x%lx maps pfn 0x%x, which is free", vm->addr,
			     pfns[i]);
	}
	if (vm->flags & VM_ALLOC)
		*pages += vm->nr_pages;
	if (pte_present(kernel_pte(c->m, va->va_end - PAGE_SIZE)))
		vbad(c, "vmalloc: the guard page 0x%lx of the area at 0x%lx is mapped",
		     va->va_end - PAGE_SIZE, va->va_start);
}

/* Where each object of the slab at head is (slab_object_map()), kept for the next objects. */
static const unsigned char *object_map(struct vcheck *c, const struct kmem_cache *s,
				       unsigned long head)
{
	unsigned i;

	for (i = 0; i < SLAB_MAP_CACHE; i++)
		if (c->slabs[i].map && c->slabs[i].head == head)
			return c->slabs[i].map;
	i = c->next_slab++ % SLAB_MAP_CACHE;
	free(c->slabs[i].map);
	c->slabs[i].head = head;
	c->slabs[i].map = malloc(slab_get(pfn_to_page(c->m, head)).objects);
	if (c->slabs[i].map)
		slab_object_map(c->m, s, head, c->slabs[i].map);
	return c->slabs[i].map;
}

/* A kmalloc object that must still be allocated. */
static void check_object(struct vcheck *c, unsigned long addr, const char *what,
			 unsigned long area)
{
	struct kmem_cache *s = virt_to_cache(c->m, addr);
	unsigned long head, base;
	const unsigned char *map;
	bool live = false;

	if (s) {
		head = slab_head_pfn(c->m, (unsigned long)virt_to_pfn(c->m, addr));
		base = pfn_to_virt(c->m, head);
		map = (addr - base) % s->size == 0 ? object_map(c, s, head) : NULL;
		live = map && map[(addr - base) / s->size] == OBJ_INUSE;
	}
	if (!live)
		vbad(c, "vmalloc: the %s of the area at 0x%lx (0x%lx) is not an allocated kmalloc "
		     "object", what, area, addr);
}

static void check_list(struct vcheck *c, unsigned long *pages)
{
	const struct vmap_state *vs = c->m->vmap;
	unsigned long prev_end = vs->start, n = 0;

	for (const struct vmap_area *va = vs->list; va; va = va->next, n++) {
		const struct vm_struct *vm = va->vm;

		if (va->va_start < prev_end || va->va_end > vs->end || va->va_start >= va->va_end ||
		    (va->va_start | va->va_end) & ~PAGE_MASK)
			vbad(c, "vmalloc: area 0x%lx-0x%lx is out of order, overlapping or outside "
			     "VMALLOC_START..VMALLOC_END", va->va_start, va->va_end);
		if (!vm || vm->addr != va->va_start || vm->size != va->va_end - va->va_start ||
		    vm->size < ((unsigned long)vm->nr_mapped + 1) << PAGE_SHIFT) {
			vbad(c, "vmalloc: area 0x%lx-0x%lx and its vm_struct disagree (or leave no "
			     "guard page)", va->va_start, va->va_end);
			continue;
		}
		check_area_pages(c, va, pages);
		check_object(c, va->kaddr, "vmap_area", va->va_start);
		check_object(c, vm->kaddr, "vm_struct", va->va_start);
		if (vm->pages_addr && !vm->vpages)
			check_object(c, vm->pages_addr, "pages array", va->va_start);
		if (vm->vpages && !find_area(c->m, vm->pages_addr))
			vbad(c, "vmalloc: the pages array of 0x%lx (0x%lx) is no vmalloc area",
			     va->va_start, vm->pages_addr);
		prev_end = va->va_end;
	}
	if (n != vs->nr_areas)
		vbad(c, "vmalloc: nr_areas is %lu but the list has %lu", vs->nr_areas, n);
}

/* Each PG_vmalloc frame is mapped exactly once in the vmalloc range. */
static void check_frames(struct vcheck *c)
{
	for (unsigned long pfn = 0; pfn < c->m->max_pfn; pfn++) {
		if (!PageFlag(&c->m->mem_map[pfn], PG_vmalloc))
			continue;
		if (c->maps[pfn] != 1)
			vbad(c, "vmalloc: PG_vmalloc pfn 0x%lx is mapped %u times in the vmalloc area, "
			     "not once", pfn, c->maps[pfn]);
	}
}

void vmalloc_check(struct machine *m, vmalloc_report_fn report, void *ctx)
{
	struct vcheck c = { .m = m, .report = report, .ctx = ctx };
	enum pt_level lv[NR_PT_LEVELS];
	unsigned long pages = 0;
	int n = pt_hw_levels(m->arch, lv);

	if (!m->vmap)
		return;
	c.maps = calloc(m->max_pfn, 1);
	if (!c.maps) {
		vbad(&c, "out of host memory for the vmalloc check");
		return;
	}
	check_list(&c, &pages);
	c.cursor = m->vmap->list;
	walk_range(&c, m->init_mm->pgd, lv, n, 0, 0, m->vmap->start, m->vmap->end);
	check_frames(&c);
	if (c.stray > 4)
		vbad(&c, "vmalloc: %lu stray PTEs in all", c.stray);
	if (pages != m->vmap->nr_vmalloc_pages)
		vbad(&c, "vmalloc: nr_vmalloc_pages is %lu but the areas hold %lu",
		     m->vmap->nr_vmalloc_pages, pages);
	for (int i = 0; i < SLAB_MAP_CACHE; i++)
		free(c.slabs[i].map);
	free(c.maps);
}
