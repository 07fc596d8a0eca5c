/*
 * layout.c - the kernel's virtual memory map with this machine's values.
 *
 * i386 first prints what 2.6- to 5.6-era kernels printed at boot
 * (arch/x86/mm/init_32.c mem_init(), "virtual kernel memory layout:"),
 * then every region of the 4 GiB, low to high.  A 1 GiB machine:
 *
 *   virtual kernel memory layout:
 *       fixmap  : 0xfffaa000 - 0xfffff000   ( 340 kB)
 *       pkmap   : 0xff800000 - 0xffc00000   (4096 kB)
 *       vmalloc : 0xf8800000 - 0xff7fe000   ( 111 MB)
 *       lowmem  : 0xc0000000 - 0xf8000000   ( 896 MB)
 *
 * x86_64 kernels never printed that block; their map is the one
 * Documentation/arch/x86/x86_64/mm.rst draws (4- or 5-level), shown the
 * same way.  Each region carries what this machine puts there: the RAM
 * the direct map covers, the vmalloc areas, the pkmap slots in use.
 * Ends are exclusive, as in the boot log; x86_64's last region, which
 * runs to the top of the space, has end 0 and is printed with its last byte.
 */
#include <stdio.h>
#include <string.h>
#include "mm/highmem.h"
#include "mm/machine.h"
#include "mm/vmalloc.h"
#include "report/layout.h"

#define MiB (1UL << 20)

struct region_def {
	const char *name;
	unsigned long start, end;
	const char *note;
};

/* Documentation/arch/x86/x86_64/mm.rst, from the cpu_entry_area down: the same for 4 and 5 levels. */
static const struct region_def x86_64_top[] = {
	{ "hole", 0xfffffc0000000000UL, 0xfffffe0000000000UL, "unused; vaddr_end for KASLR" },
	{ "cpu_entry", 0xfffffe0000000000UL, 0xfffffe8000000000UL, "cpu_entry_area mapping" },
	{ "hole", 0xfffffe8000000000UL, 0xffffff0000000000UL, "unused" },
	{ "espfix", 0xffffff0000000000UL, 0xffffff8000000000UL, "%esp fixup stacks" },
	{ "hole", 0xffffff8000000000UL, 0xffffffef00000000UL, "unused" },
	{ "efi", 0xffffffef00000000UL, 0xffffffff00000000UL, "EFI region mapping space" },
	{ "hole", 0xffffffff00000000UL, 0xffffffff80000000UL, "unused" },
};

static const struct region_def x86_64_l4[] = {
	{ "hole", 0x0000800000000000UL, 0xffff800000000000UL,
	  "non-canonical: bits 63..48 must repeat bit 47" },
	{ "guard", 0xffff800000000000UL, 0xffff880000000000UL, "guard hole, reserved for a hypervisor" },
	{ "ldt", 0xffff880000000000UL, 0xffff888000000000UL, "LDT remap for PTI" },
	{ "lowmem", 0xffff888000000000UL, 0xffffc88000000000UL, NULL },
	{ "hole", 0xffffc88000000000UL, 0xffffc90000000000UL, "unused" },
	{ "vmalloc", 0xffffc90000000000UL, 0xffffe90000000000UL, NULL },
	{ "hole", 0xffffe90000000000UL, 0xffffea0000000000UL, "unused" },
	{ "vmemmap", 0xffffea0000000000UL, 0xffffeb0000000000UL, NULL },
	{ "hole", 0xffffeb0000000000UL, 0xffffec0000000000UL, "unused" },
	{ "kasan", 0xffffec0000000000UL, 0xfffffc0000000000UL,
	  "KASAN shadow memory (unused without CONFIG_KASAN)" },
};

static const struct region_def x86_64_l5[] = {
	{ "hole", 0x0100000000000000UL, 0xff00000000000000UL,
	  "non-canonical: bits 63..57 must repeat bit 56" },
	{ "guard", 0xff00000000000000UL, 0xff10000000000000UL, "guard hole, reserved for a hypervisor" },
	{ "ldt", 0xff10000000000000UL, 0xff11000000000000UL, "LDT remap for PTI" },
	{ "lowmem", 0xff11000000000000UL, 0xff91000000000000UL, NULL },
	{ "hole", 0xff91000000000000UL, 0xffa0000000000000UL, "unused" },
	{ "vmalloc", 0xffa0000000000000UL, 0xffd2000000000000UL, NULL },
	{ "hole", 0xffd2000000000000UL, 0xffd4000000000000UL, "unused" },
	{ "vmemmap", 0xffd4000000000000UL, 0xffd6000000000000UL, NULL },
	{ "hole", 0xffd6000000000000UL, 0xffdf000000000000UL, "unused" },
	{ "kasan", 0xffdf000000000000UL, 0xfffffc0000000000UL,
	  "KASAN shadow memory (unused without CONFIG_KASAN)" },
};

/* ---- sizes --------------------------------------------------------------- */

void layout_size(char *buf, size_t len, unsigned long long bytes)
{
	static const char *const units[] = { "kB", "MB", "GB", "TB", "PB", "EB" };
	int u;

	for (u = 5; u > 0; u--) {		/* the largest unit that is exact in 5 digits */
		unsigned long long one = 1ULL << (10 * (u + 1));

		if (bytes % one == 0 && bytes / one >= 1 && bytes / one < 100000)
			break;
	}
	if (u > 0 || (bytes % 1024 == 0 && bytes / 1024 < 100000)) {
		snprintf(buf, len, "%llu %s", bytes >> (10 * (u + 1)), units[u]);
		return;
	}
	for (u = 5; u > 0 && (bytes >> (10 * (u + 1))) < 10; u--)
		;
	snprintf(buf, len, "~%llu %s", (bytes >> (10 * (u + 1))) +
		 ((bytes >> (10 * (u + 1) - 1)) & 1), units[u]);	/* rounded, without overflow */
}

/* ---- the regions ---------------------------------------------------------- */

static struct layout_region *add(struct layout_region *r, int *n, const char *name,
				 unsigned long start, unsigned long end)
{
	struct layout_region *x = &r[(*n)++];

	x->name = name;
	x->start = start;
	x->end = end;
	x->note[0] = '\0';
	return x;
}

static void note_vmalloc(const struct machine *m, struct layout_region *x)
{
	snprintf(x->note, sizeof(x->note), "VMALLOC_START..VMALLOC_END: %lu area%s, %lu vmalloc "
		 "page%s", m->vmap->nr_areas, m->vmap->nr_areas == 1 ? "" : "s",
		 m->vmap->nr_vmalloc_pages, m->vmap->nr_vmalloc_pages == 1 ? "" : "s");
}

/* Slots mapped, and of those the ones with users (pkmap_count > 1). */
static unsigned pkmap_in_use(const struct machine *m, unsigned *users)
{
	unsigned n = 0;

	*users = 0;
	for (unsigned nr = 0; nr < m->kmap->last_pkmap; nr++) {
		n += m->kmap->pkmap_count[nr] > 0;
		*users += m->kmap->pkmap_count[nr] > 1;
	}
	return n;
}

static unsigned kmap_atomic_in_use(const struct machine *m)
{
	unsigned n = 0;

	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		n += (unsigned)m->kmap->cpu[cpu].idx;
	return n;
}

/*
 * The last region, from start to the top of the space: its end is 0, the
 * address one past the last byte, wrapped.  Returns the regions.
 */
static int add_top(struct layout_region *r, int n, unsigned long start, const char *note)
{
	snprintf(add(r, &n, "hole", start, 0)->note, sizeof(r->note), "%s", note);
	return n;
}

static int regions_32(const struct machine *m, struct layout_region *r)
{
	const struct arch_profile *a = m->arch;
	unsigned long high = a->page_offset + (m->max_low_pfn << PAGE_SHIFT);
	unsigned long image = a->page_offset + (KERNEL_START_PFN << PAGE_SHIFT);
	unsigned long pk = pkmap_base(m), pk_end = pkmap_addr(m, last_pkmap(m));
	unsigned long kmap_lo = fix_to_virt(m, FIX_KMAP_BEGIN + KM_MAX_IDX * (unsigned)m->nr_cpus - 1);
	struct layout_region *x;
	unsigned mapped, users;
	int n = 0;

	x = add(r, &n, "user", 0, a->task_size);
	snprintf(x->note, sizeof(x->note), "TASK_SIZE = PAGE_OFFSET; each process its own");
	x = add(r, &n, "lowmem", a->page_offset, high);
	snprintf(x->note, sizeof(x->note), "direct map of pfn 0-0x%lx at PAGE_OFFSET + pfn * 4096, "
		 "up to high_memory; the kernel image at 0x%08lx-0x%08lx", m->max_low_pfn - 1, image,
		 image + a->kernel_image);
	x = add(r, &n, "hole", high, vmalloc_start(m));
	snprintf(x->note, sizeof(x->note), "VMALLOC_OFFSET: an access running off the direct map "
		 "faults");
	note_vmalloc(m, add(r, &n, "vmalloc", vmalloc_start(m), vmalloc_end(m)));
	x = add(r, &n, "hole", vmalloc_end(m), pk);
	snprintf(x->note, sizeof(x->note), "2 pages");
	x = add(r, &n, "pkmap", pk, pk_end);
	mapped = pkmap_in_use(m, &users);
	snprintf(x->note, sizeof(x->note), "PKMAP_BASE: %u kmap slots (LAST_PKMAP), %u mapped, %u "
		 "with users", last_pkmap(m), mapped, users);
	if (fixaddr_start(m) > pk_end)
		snprintf(add(r, &n, "hole", pk_end, fixaddr_start(m))->note, sizeof(x->note), "unused");
	x = add(r, &n, "fixmap", fixaddr_start(m), fixaddr_top(m));
	snprintf(x->note, sizeof(x->note), "FIXADDR_START..FIXADDR_TOP: %u indexes, index i at "
		 "FIXADDR_TOP - i * 4096; kmap_atomic slots 0x%08lx-0x%08lx (FIX_KMAP_BEGIN %d, %d "
		 "per CPU), %u in use", nr_fixmap(m), kmap_lo, fix_to_virt(m, FIX_KMAP_BEGIN) +
		 PAGE_SIZE, FIX_KMAP_BEGIN, KM_MAX_IDX, kmap_atomic_in_use(m));
	return n;	/* `dot layout` adds the top page above FIXADDR_TOP; the text stops here */
}

static void note_64(const struct machine *m, struct layout_region *x)
{
	char used[32];

	if (strcmp(x->name, "lowmem") == 0) {
		layout_size(used, sizeof(used), (unsigned long long)m->max_pfn << PAGE_SHIFT);
		snprintf(x->note, sizeof(x->note), "direct map of all RAM (page_offset_base): %s "
			 "used, up to 0x%016lx", used, m->arch->page_offset + (m->max_pfn << PAGE_SHIFT));
	} else if (strcmp(x->name, "vmalloc") == 0) {
		note_vmalloc(m, x);
	} else if (strcmp(x->name, "vmemmap") == 0) {
		layout_size(used, sizeof(used), (unsigned long long)m->max_pfn * m->arch->kpage_size);
		snprintf(x->note, sizeof(x->note), "struct page array (vmemmap_base): %s used, %lu "
			 "pages of %d bytes", used, m->max_pfn, m->arch->kpage_size);
	}
}

static void add_defs(const struct machine *m, struct layout_region *r, int *n,
		     const struct region_def *defs, size_t nr)
{
	for (size_t i = 0; i < nr; i++) {
		struct layout_region *x = add(r, n, defs[i].name, defs[i].start, defs[i].end);

		if (defs[i].note)
			snprintf(x->note, sizeof(x->note), "%s", defs[i].note);
		else
			note_64(m, x);
	}
}

static int regions_64(const struct machine *m, struct layout_region *r)
{
	const struct arch_profile *a = m->arch;
	bool l5 = a->levels == 5;
	unsigned long text = 0xffffffff80000000UL, image = text + (KERNEL_START_PFN << PAGE_SHIFT);
	struct layout_region *x;
	int n = 0;

	x = add(r, &n, "user", 0, l5 ? 0x0100000000000000UL : 0x0000800000000000UL);
	snprintf(x->note, sizeof(x->note), "each process its own; TASK_SIZE 0x%016lx (the top page "
		 "is never mapped)", a->task_size);
	if (l5)
		add_defs(m, r, &n, x86_64_l5, sizeof(x86_64_l5) / sizeof(x86_64_l5[0]));
	else
		add_defs(m, r, &n, x86_64_l4, sizeof(x86_64_l4) / sizeof(x86_64_l4[0]));
	add_defs(m, r, &n, x86_64_top, sizeof(x86_64_top) / sizeof(x86_64_top[0]));
	x = add(r, &n, "kernel", text, 0xffffffffa0000000UL);
	snprintf(x->note, sizeof(x->note), "kernel text mapping, to physical 0 (__START_KERNEL_map); "
		 "the image at 0x%016lx-0x%016lx (the model reaches it through the direct map "
		 "and builds no tables here)", image, image + a->kernel_image);
	snprintf(add(r, &n, "modules", 0xffffffffa0000000UL, 0xffffffffff000000UL)->note,
		 sizeof(x->note), "module mapping space");
	snprintf(add(r, &n, "hole", 0xffffffffff000000UL, fixaddr_start(m))->note, sizeof(x->note),
		 "unused");
	x = add(r, &n, "fixmap", fixaddr_start(m), 0xffffffffff600000UL);
	snprintf(x->note, sizeof(x->note), "kernel-internal fixmap range, up to the vsyscall page "
		 "(itself one of the %u indexes below FIXADDR_TOP 0x%016lx; no kmap slots: no "
		 "HighMem)", nr_fixmap(m), fixaddr_top(m));
	snprintf(add(r, &n, "vsyscall", 0xffffffffff600000UL, 0xffffffffff601000UL)->note,
		 sizeof(x->note), "legacy vsyscall ABI");
	x = add(r, &n, "fixmap", 0xffffffffff601000UL, fixaddr_top(m) + PAGE_SIZE);
	snprintf(x->note, sizeof(x->note), "the fixmap's indexes above the vsyscall page (0, "
		 "FIX_HOLE, to 510), up to FIXADDR_TOP + PAGE_SIZE");
	return add_top(r, n, fixaddr_top(m) + PAGE_SIZE, "unused, up to the top of the address "
		       "space");
}

unsigned long layout_region_last(const struct machine *m, const struct layout_region *r)
{
	if (r->end)
		return r->end - 1;
	return m->arch->is_64bit ? ~0UL : 0xffffffffUL;
}

unsigned long long layout_region_bytes(const struct machine *m, const struct layout_region *r)
{
	return (unsigned long long)(layout_region_last(m, r) - r->start) + 1;
}

int layout_regions(const struct machine *m, struct layout_region *regions)
{
	return m->arch->is_64bit ? regions_64(m, regions) : regions_32(m, regions);
}

/* ---- printing ------------------------------------------------------------- */

/* The boot log's block (i386), with the kernel's own rounding: sizes shifted down. */
static void boot_block(const struct machine *m, FILE *f)
{
	unsigned long high = m->arch->page_offset + (m->max_low_pfn << PAGE_SHIFT);
	unsigned long pk = pkmap_base(m), pk_end = pkmap_addr(m, last_pkmap(m));

	fputs("virtual kernel memory layout:\n", f);
	fprintf(f, "    fixmap  : 0x%08lx - 0x%08lx   (%4ld kB)\n", fixaddr_start(m), fixaddr_top(m),
		(long)((fixaddr_top(m) - fixaddr_start(m)) >> 10));
	fprintf(f, "    pkmap   : 0x%08lx - 0x%08lx   (%4ld kB)\n", pk, pk_end,
		(long)((pk_end - pk) >> 10));
	fprintf(f, "    vmalloc : 0x%08lx - 0x%08lx   (%4ld MB)\n", vmalloc_start(m), vmalloc_end(m),
		(long)((vmalloc_end(m) - vmalloc_start(m)) >> 20));
	fprintf(f, "    lowmem  : 0x%08lx - 0x%08lx   (%4ld MB)\n", m->arch->page_offset, high,
		(long)((high - m->arch->page_offset) >> 20));
}

static const char *mode_name(const struct arch_profile *a)
{
	static const char *const names[] = { "2-level", "3-level (PAE)", "4-level", "5-level" };

	return names[a->levels - 2];
}

void layout_print(const struct machine *m, FILE *f)
{
	struct layout_region r[LAYOUT_MAX_REGIONS];
	int n = layout_regions(m, r), w = m->arch->addr_digits;

	if (!m->arch->is_64bit) {
		boot_block(m, f);
		fputc('\n', f);
	}
	fprintf(f, "%s address space, low to high (%s paging, %llu MiB RAM%s):\n", m->arch->name,
		mode_name(m->arch), m->cfg.ram >> 20, m->arch->is_64bit ?
		"; Documentation/arch/x86/x86_64/mm.rst" : ", 3G/1G split");
	for (int i = 0; i < n; i++) {
		char size[32];

		/* the top row (end 0) shows its last byte: 0x100000000 would not fit */
		layout_size(size, sizeof(size), layout_region_bytes(m, &r[i]));
		fprintf(f, "  %-9s 0x%0*lx - 0x%0*lx  (%8s)  %s%s\n", r[i].name, w, r[i].start, w,
			r[i].end ? r[i].end : layout_region_last(m, &r[i]), size, r[i].note,
			r[i].end ? "" : " (the end shown is the last byte)");
	}
}

/* ---- what an address is --------------------------------------------------- */

static bool describe_vmalloc(const struct machine *m, unsigned long addr, char *buf, size_t len)
{
	const struct vmap_area *va = find_vmap_area(m, addr);
	const struct vm_struct *vm;
	unsigned long i;
	int w = m->arch->addr_digits;

	if (!va) {
		snprintf(buf, len, "free vmalloc space: no area holds this address");
		return true;
	}
	vm = va->vm;
	i = (addr - va->va_start) >> PAGE_SHIFT;
	if (i >= vm->nr_mapped)
		snprintf(buf, len, "the guard page of the vmalloc area 0x%0*lx-0x%0*lx (%s, %s): never "
			 "mapped, so an access running off the area faults", w, va->va_start, w,
			 va->va_end, vm->caller, vm->flags & VM_ALLOC ? "vmalloc" : "vmap");
	else
		snprintf(buf, len, "page %lu of the vmalloc area 0x%0*lx-0x%0*lx (%s, %s)", i, w,
			 va->va_start, w, va->va_end, vm->caller, vm->flags & VM_ALLOC ? "vmalloc" :
			 "vmap");
	return true;
}

static const char *fix_name(unsigned idx)
{
	static const char *const names[] = { "FIX_HOLE", "FIX_DBGP_BASE", "FIX_EARLYCON_MEM_BASE",
					      "FIX_APIC_BASE" };

	if (idx < sizeof(names) / sizeof(names[0]))
		return names[idx];
	return idx <= FIX_IO_APIC_BASE_END ? "FIX_IO_APIC_BASE" : "FIX_PCIE_MCFG";
}

static bool describe_fixmap(const struct machine *m, unsigned long addr, char *buf, size_t len)
{
	int fix = kmap_atomic_fix(m, addr);
	unsigned idx;

	if (fix >= 0) {
		int cpu = (fix - FIX_KMAP_BEGIN) / KM_MAX_IDX, slot = (fix - FIX_KMAP_BEGIN) % KM_MAX_IDX;
		const struct kmap_ctrl *c = &m->kmap->cpu[cpu];

		if (slot < c->idx)
			snprintf(buf, len, "kmap_atomic slot %d of cpu %d (fixmap index %d = "
				 "FIX_KMAP_BEGIN + %d + %d * %d): pfn 0x%x", slot, cpu, fix, slot,
				 KM_MAX_IDX, cpu, c->pfn[slot]);
		else
			snprintf(buf, len, "kmap_atomic slot %d of cpu %d (fixmap index %d): not in use",
				 slot, cpu, fix);
		return true;
	}
	if (m->arch->is_64bit || addr < fixaddr_start(m) || addr >= fixaddr_top(m) + PAGE_SIZE)
		return false;
	idx = (unsigned)((fixaddr_top(m) - (addr & PAGE_MASK)) >> PAGE_SHIFT);
	snprintf(buf, len, "fixmap index %u (%s): not used by the model", idx, fix_name(idx));
	return true;
}

bool kaddr_describe(const struct machine *m, unsigned long addr, char *buf, size_t len)
{
	int nr;

	if (is_vmalloc_addr(m, addr))
		return describe_vmalloc(m, addr, buf, len);
	nr = pkmap_nr(m, addr);
	if (nr >= 0) {
		const struct kmap_state *ks = m->kmap;

		if (!ks->pkmap_count[nr])
			snprintf(buf, len, "pkmap slot %d: free", nr);
		else
			snprintf(buf, len, "pkmap slot %d: pfn 0x%x, pkmap_count %d (%d user%s)", nr,
				 ks->pkmap_page[nr], ks->pkmap_count[nr], ks->pkmap_count[nr] - 1,
				 ks->pkmap_count[nr] == 2 ? "" : "s");
		return true;
	}
	return describe_fixmap(m, addr, buf, len);
}
