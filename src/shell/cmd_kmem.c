/*
 * cmd_kmem.c - kernel virtual memory as commands: vmalloc and vmap, kmap
 * and kmap_atomic, kernel loads and stores, /proc/vmallocinfo, `layout`.
 *
 *   vmlab> vmalloc 12K
 *   0xf8800000: vmalloc 3 pages, area 0xf8800000-0xf8804000 (16384 bytes, guard page 0xf8803000)
 *     pfns 0x38000-0x38002 (HighMem 3)
 *   vmlab> vmallocinfo
 *   0xf8800000-0xf8804000   16384 cmd_vmalloc pages=3 vmalloc
 *   vmlab> alloc_pages 0 gfp=GFP_HIGHUSER
 *   pfn 0x38003 order 0 (1 page, 4K) node 0 zone HighMem (highmem: not in the direct map)
 *   vmlab> kmap 0x38003
 *   0xff801000: pfn 0x38003 (HighMem) in pkmap slot 1, pkmap_count 2 (1 user)
 *
 * The shell acts as kernel code calling these functions, so the caller a
 * vmalloc area records (vmallocinfo's %pS) is the command's handler, as the
 * slab commands' call_site is.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mm/highmem.h"
#include "mm/maccess.h"
#include "mm/machine.h"
#include "mm/slab.h"
#include "mm/vmalloc.h"
#include "report/layout.h"
#include "report/oops.h"
#include "report/vmallocinfo.h"
#include "shell/command.h"
#include "shell/commands.h"
#include "shell/shell.h"

#define MAX_VMAP_PFNS	4096
#define MAX_RUNS_SHOWN	8

static int addr_word(struct shell *sh, const char *what, const char *word, unsigned long *addr)
{
	uint64_t v;

	if (arg_number(sh, what, word, &v) < 0)
		return -1;
	if (!sh->m->arch->is_64bit && v > 0xffffffffULL)
		return sh_error(sh, "0x%llx is not a 32-bit address", (unsigned long long)v);
	*addr = (unsigned long)v;
	return 0;
}

static int pfn_word(struct shell *sh, const char *word, unsigned long *pfn)
{
	uint64_t v;

	if (arg_number(sh, "PFN", word, &v) < 0)
		return -1;
	if (v >= sh->m->max_pfn)
		return sh_error(sh, "pfn 0x%llx is beyond the end of memory (max_pfn 0x%lx)",
				(unsigned long long)v, sh->m->max_pfn);
	*pfn = (unsigned long)v;
	return 0;
}

static const char *pfn_zone_name(const struct machine *m, unsigned long pfn)
{
	return zone_name(pfn_zone(m, pfn)->type);
}

/* "(HighMem 3, Normal 1)": how many of the frames each zone gave, in zone order. */
static void print_zone_counts(struct shell *sh, const uint32_t *pfns, unsigned n)
{
	unsigned long count[MAX_NR_ZONES] = { 0 };
	bool first = true;

	for (unsigned i = 0; i < n; i++)
		count[pfn_zone(sh->m, pfns[i])->type]++;
	fputs(" (", sh->out);
	for (int z = MAX_NR_ZONES - 1; z >= 0; z--) {
		if (!count[z])
			continue;
		fprintf(sh->out, "%s%s %lu", first ? "" : ", ", zone_name((enum zone_type)z), count[z]);
		first = false;
	}
	fputs(")\n", sh->out);
}

/* "  pfns 0x38000-0x38002, 0x37ff0 (HighMem 4)": runs of consecutive frames. */
static void print_frames(struct shell *sh, const uint32_t *pfns, unsigned n)
{
	unsigned runs = 0, i = 0;

	fputs("  pfns ", sh->out);
	while (i < n) {
		unsigned j = i;

		while (j + 1 < n && pfns[j + 1] == pfns[j] + 1)
			j++;
		if (runs++ < MAX_RUNS_SHOWN) {
			fprintf(sh->out, "%s0x%x", runs > 1 ? ", " : "", pfns[i]);
			if (j > i)
				fprintf(sh->out, "-0x%x", pfns[j]);
		}
		i = j + 1;
	}
	if (runs > MAX_RUNS_SHOWN)
		fprintf(sh->out, ", ... (%u runs in all)", runs);
	print_zone_counts(sh, pfns, n);
}

static void print_area(struct shell *sh, unsigned long addr)
{
	const struct vmap_area *va = find_vmap_area(sh->m, addr);
	const struct vm_struct *vm = va->vm;
	int w = sh->m->arch->addr_digits;

	fprintf(sh->out, "0x%0*lx: %s %u page%s, area 0x%0*lx-0x%0*lx (%lu bytes, guard page "
		"0x%0*lx)\n", w, addr, vm->flags & VM_ALLOC ? "vmalloc" : "vmap", vm->nr_mapped,
		vm->nr_mapped == 1 ? "" : "s", w, va->va_start, w, va->va_end, vm->size, w,
		va->va_end - PAGE_SIZE);
	print_frames(sh, vm->flags & VM_ALLOC ? vm->pages : vm->mapped, vm->nr_mapped);
	if (vm->vpages)
		fprintf(sh->out, "  pages array: %lu bytes, too big for kmalloc: vmalloc'ed at 0x%0*lx "
			"(vpages)\n", (unsigned long)vm->nr_pages * (sh->m->arch->is_64bit ? 8 : 4), w,
			vm->pages_addr);
}

typedef unsigned long (*vmalloc_fn)(struct machine *m, unsigned long size, const char *caller);

static int do_vmalloc(struct shell *sh, struct args *a, vmalloc_fn fn, const char *caller)
{
	uint64_t size;
	unsigned long addr;

	if (arg_size(sh, "SIZE", a->argv[0], &size) < 0)
		return -1;
	addr = fn(sh->m, (unsigned long)size, caller);
	if (IS_ERR_VALUE(addr))
		return sh_mm_error(sh);
	print_area(sh, addr);
	return 0;
}

static int cmd_vmalloc(struct shell *sh, struct args *a)
{
	return do_vmalloc(sh, a, vmalloc, __func__);
}

static int cmd_vzalloc(struct shell *sh, struct args *a)
{
	return do_vmalloc(sh, a, vzalloc, __func__);
}

static int cmd_vmalloc_32(struct shell *sh, struct args *a)
{
	return do_vmalloc(sh, a, vmalloc_32, __func__);
}

/* Every PFN word, each of which may hold a comma-separated list. */
static int parse_pfn_list(struct shell *sh, const struct args *a, unsigned long *pfns,
			  unsigned *n)
{
	*n = 0;
	for (int i = 0; i < a->argc; i++) {
		const char *word = a->argv[i];
		char *copy, *save = NULL;

		if (arg_list(sh, "PFN", word) < 0)
			return -1;
		copy = strdup(word);
		if (!copy)
			return sh_error(sh, "out of host memory");
		for (char *w = strtok_r(copy, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
			if (*n == MAX_VMAP_PFNS) {
				free(copy);
				return sh_error(sh, "at most %d pages per vmap", MAX_VMAP_PFNS);
			}
			if (pfn_word(sh, w, &pfns[(*n)++]) < 0) {
				free(copy);
				return -1;
			}
		}
		free(copy);
	}
	if (!*n)
		return sh_error(sh, "no PFN given (vmap 0x100,0x101,...)");
	return 0;
}

static int cmd_vmap(struct shell *sh, struct args *a)
{
	unsigned long *pfns = malloc(MAX_VMAP_PFNS * sizeof(*pfns)), addr;
	unsigned n;
	int ret = -1;

	if (!pfns)
		return sh_error(sh, "out of host memory");
	if (parse_pfn_list(sh, a, pfns, &n) == 0) {
		addr = vmap(sh->m, pfns, n, __func__);
		if (IS_ERR_VALUE(addr)) {
			sh_mm_error(sh);
		} else {
			print_area(sh, addr);
			ret = 0;
		}
	}
	free(pfns);
	return ret;
}

static int cmd_vunmap(struct shell *sh, struct args *a)
{
	const struct vmap_area *va;
	unsigned long addr, start, end;
	unsigned pages;
	int w = sh->m->arch->addr_digits;

	if (addr_word(sh, "ADDR", a->argv[0], &addr) < 0)
		return -1;
	va = find_vmap_area(sh->m, addr);
	start = va ? va->va_start : 0;
	end = va ? va->va_end : 0;
	pages = va ? va->vm->nr_mapped : 0;
	if (vunmap(sh->m, addr) < 0)
		return sh_mm_error(sh);
	fprintf(sh->out, "0x%0*lx: vunmap: %u page%s unmapped (still their owner's), area "
		"0x%0*lx-0x%0*lx released\n", w, addr, pages, pages == 1 ? "" : "s", w, start, w, end);
	return 0;
}

static int cmd_vfree(struct shell *sh, struct args *a)
{
	const struct vmap_area *va;
	unsigned long addr, start, end;
	unsigned freed;
	int w = sh->m->arch->addr_digits;

	if (addr_word(sh, "ADDR", a->argv[0], &addr) < 0)
		return -1;
	va = addr & ~PAGE_MASK ? NULL : find_vmap_area(sh->m, addr);
	start = va ? va->va_start : 0;
	end = va ? va->va_end : 0;
	if (vfree(sh->m, addr, &freed) < 0)
		return sh_mm_error(sh);
	if (!addr) {
		fputs("vfree(NULL) does nothing\n", sh->out);
		return 0;
	}
	fprintf(sh->out, "0x%0*lx: vfree: %u page%s freed, area 0x%0*lx-0x%0*lx unmapped and "
		"released, its TLB range flushed", w, addr, freed, freed == 1 ? "" : "s", w, start, w,
		end);
	if (start != addr)
		fprintf(sh->out, " (0x%0*lx is inside it: the whole area goes)", w, addr);
	fputc('\n', sh->out);
	return 0;
}

/* ---- kmap ---------------------------------------------------------------- */

static void print_lowmem(struct shell *sh, unsigned long addr, unsigned long pfn, const char *what)
{
	fprintf(sh->out, "0x%0*lx: pfn 0x%lx (%s) %s: %s returns its direct-map address, no slot\n",
		sh->m->arch->addr_digits, addr, pfn, pfn_zone_name(sh->m, pfn),
		sh->m->arch->has_highmem ? "is lowmem" : "(x86_64 has no HighMem)", what);
}

static int cmd_kmap(struct shell *sh, struct args *a)
{
	const struct kmap_state *ks = sh->m->kmap;
	unsigned long pfn = 0, addr;
	int nr, before;

	if (pfn_word(sh, a->argv[0], &pfn) < 0)
		return -1;
	nr = pfn_highmem(sh->m, pfn) ? (page_address(sh->m, pfn) ?
					 pkmap_nr(sh->m, page_address(sh->m, pfn)) : -1) : -1;
	before = nr >= 0 ? ks->pkmap_count[nr] : 0;
	addr = kmap(sh->m, pfn);
	if (IS_ERR_VALUE(addr))
		return sh_mm_error(sh);
	if (!pfn_highmem(sh->m, pfn)) {
		print_lowmem(sh, addr, pfn, "kmap");
		return 0;
	}
	nr = pkmap_nr(sh->m, addr);
	fprintf(sh->out, "0x%0*lx: pfn 0x%lx (HighMem) %s pkmap slot %d, pkmap_count %d (%d user%s)\n",
		sh->m->arch->addr_digits, addr, pfn, before ? "already in" : "in", nr,
		ks->pkmap_count[nr], ks->pkmap_count[nr] - 1, ks->pkmap_count[nr] == 2 ? "" : "s");
	return 0;
}

/* kunmap's word: a pfn, or a kernel address (pkmap or direct map). */
static int kunmap_pfn(struct shell *sh, const char *word, unsigned long *pfn)
{
	unsigned long v;
	int nr;

	if (addr_word(sh, "PFN|ADDR", word, &v) < 0)
		return -1;
	if (v < sh->m->arch->page_offset)
		return pfn_word(sh, word, pfn);
	nr = pkmap_nr(sh->m, v);
	if (nr >= 0) {
		if (!sh->m->kmap->pkmap_count[nr])
			return sh_error(sh, "0x%0*lx is pkmap slot %d, which is free", 
					sh->m->arch->addr_digits, v, nr);
		*pfn = sh->m->kmap->pkmap_page[nr];
		return 0;
	}
	if (virt_to_pfn(sh->m, v) < 0)
		return sh_error(sh, "0x%0*lx is neither a pkmap nor a direct-map address",
				sh->m->arch->addr_digits, v);
	*pfn = (unsigned long)virt_to_pfn(sh->m, v);
	return 0;
}

static int cmd_kunmap(struct shell *sh, struct args *a)
{
	const struct kmap_state *ks = sh->m->kmap;
	unsigned long pfn = 0;
	int nr, c;

	if (kunmap_pfn(sh, a->argv[0], &pfn) < 0)
		return -1;
	if (kunmap(sh->m, pfn) < 0)
		return sh_mm_error(sh);
	if (!pfn_highmem(sh->m, pfn)) {
		fprintf(sh->out, "pfn 0x%lx is lowmem: kunmap does nothing\n", pfn);
		return 0;
	}
	nr = pkmap_nr(sh->m, page_address(sh->m, pfn));
	c = ks->pkmap_count[nr];
	fprintf(sh->out, "pfn 0x%lx: pkmap slot %d, pkmap_count %d -> %d ", pfn, nr, c + 1, c);
	if (c == 1)
		fputs("(no users: the mapping stays until the next flush_all_zero_pkmaps)\n", sh->out);
	else
		fprintf(sh->out, "(%d user%s left)\n", c - 1, c == 2 ? "" : "s");
	return 0;
}

static int cmd_kmap_atomic(struct shell *sh, struct args *a)
{
	const struct kmap_ctrl *c = &sh->m->kmap->cpu[sh->m->cpu];
	unsigned long pfn = 0, addr;
	int fix;

	if (pfn_word(sh, a->argv[0], &pfn) < 0)
		return -1;
	addr = kmap_atomic(sh->m, pfn);
	if (IS_ERR_VALUE(addr))
		return sh_mm_error(sh);
	if (!pfn_highmem(sh->m, pfn)) {
		print_lowmem(sh, addr, pfn, "kmap_atomic");
		return 0;
	}
	fix = kmap_atomic_fix(sh->m, addr);
	fprintf(sh->out, "0x%0*lx: pfn 0x%lx (HighMem) in cpu %d's kmap_atomic slot %d (fixmap "
		"index %d = FIX_KMAP_BEGIN + %d + %d * %d)\n", sh->m->arch->addr_digits, addr, pfn,
		sh->m->cpu, c->idx - 1, fix, c->idx - 1, KM_MAX_IDX, sh->m->cpu);
	return 0;
}

static int cmd_kunmap_atomic(struct shell *sh, struct args *a)
{
	const struct kmap_ctrl *c = &sh->m->kmap->cpu[sh->m->cpu];
	unsigned long addr;
	int fix, w = sh->m->arch->addr_digits;
	uint32_t pfn;

	if (addr_word(sh, "ADDR", a->argv[0], &addr) < 0)
		return -1;
	fix = kmap_atomic_fix(sh->m, addr);
	pfn = fix >= 0 && c->idx > 0 ? c->pfn[c->idx - 1] : PFN_NONE;
	if (kunmap_atomic(sh->m, addr) < 0)
		return sh_mm_error(sh);
	if (fix < 0)
		fprintf(sh->out, "0x%0*lx is a direct-map address: kunmap_atomic has nothing to "
			"unmap\n", w, addr);
	else
		fprintf(sh->out, "0x%0*lx: cpu %d's kmap_atomic slot %d unmapped (pfn 0x%x); its "
			"page flushed from this CPU's TLB\n", w, addr & PAGE_MASK, sh->m->cpu, c->idx,
			pfn);
	return 0;
}

/* ---- kernel loads and stores --------------------------------------------- */

static int kernel_fault(struct shell *sh, unsigned long addr, enum access_type type, int err)
{
	if (err == -EFAULT)
		oops_print(sh->m, addr, type, ++sh->m->vmap->die_counter, sh->out);
	return sh_mm_error(sh);
}

static int cmd_kread(struct shell *sh, struct args *a)
{
	unsigned long addr, pfn;
	uint64_t val;
	int err;

	if (addr_word(sh, "ADDR", a->argv[0], &addr) < 0)
		return -1;
	err = kernel_read64(sh->m, addr, &val, &pfn);
	if (err)
		return kernel_fault(sh, addr, ACCESS_READ, err);
	fprintf(sh->out, "%llu (0x%llx) in pfn 0x%lx\n", (unsigned long long)val,
		(unsigned long long)val, pfn);
	return 0;
}

static int cmd_kwrite(struct shell *sh, struct args *a)
{
	unsigned long addr, pfn;
	uint64_t val;
	int err;

	if (addr_word(sh, "ADDR", a->argv[0], &addr) < 0 ||
	    arg_number(sh, "VALUE", a->argv[1], &val) < 0)
		return -1;
	err = kernel_write64(sh->m, addr, val, &pfn);
	if (err)
		return kernel_fault(sh, addr, ACCESS_WRITE, err);
	return 0;
}

/* ---- views --------------------------------------------------------------- */

static int cmd_vmallocinfo(struct shell *sh, struct args *a)
{
	(void)a;
	proc_vmallocinfo(sh->m, sh->out);
	return 0;
}

static int cmd_layout(struct shell *sh, struct args *a)
{
	(void)a;
	layout_print(sh->m, sh->out);
	return 0;
}

const struct command kmem_commands[] = {
	{
		.name = "vmalloc", .handler = cmd_vmalloc, .min_args = 1, .max_args = 1,
		.usage = "vmalloc SIZE",
		.summary = "virtually contiguous kernel memory from scattered frames",
		.help = "Reserves SIZE (rounded up to pages) plus one guard page at the lowest free\n"
			"address between VMALLOC_START and VMALLOC_END, allocates each page on its\n"
			"own (order 0, GFP_KERNEL|__GFP_HIGHMEM: on i386 from HighMem first), and\n"
			"maps them with PAGE_KERNEL into init_mm's page tables.  The frames need not\n"
			"be contiguous; the guard page is never mapped.  Prints the address, the\n"
			"area and the frames (runs of consecutive pfns, per zone).  The pages are\n"
			"not zeroed (see vzalloc).  `explain on` tells the search for a hole, each\n"
			"page and each PTE.",
		.example = "vmalloc 12K", .group = "vmalloc, highmem",
	},
	{
		.name = "vzalloc", .handler = cmd_vzalloc, .min_args = 1, .max_args = 1,
		.usage = "vzalloc SIZE",
		.summary = "vmalloc, with every page zeroed",
		.help = "As vmalloc, with __GFP_ZERO: each page reads as zeros.",
		.example = "vzalloc 8K", .group = "vmalloc, highmem",
	},
	{
		.name = "vmalloc_32", .handler = cmd_vmalloc_32, .min_args = 1, .max_args = 1,
		.usage = "vmalloc_32 SIZE",
		.summary = "vmalloc from 32-bit addressable frames",
		.help = "As vmalloc, with GFP_VMALLOC32 instead of GFP_KERNEL|__GFP_HIGHMEM: the\n"
			"frames come from lowmem on i386 (Normal, DMA) and from DMA32 (then DMA)\n"
			"on x86_64, for devices that can only address 4 GiB.",
		.example = "vmalloc_32 16K", .group = "vmalloc, highmem",
	},
	{
		.name = "vmap", .handler = cmd_vmap, .min_args = 1, .max_args = -1,
		.usage = "vmap PFN,...",
		.summary = "map frames the caller owns at contiguous kernel addresses",
		.help = "Maps the given frames (allocated or reserved; a comma-separated list, or\n"
			"several words) one after another in a new VM_MAP area of the vmalloc\n"
			"space, with a guard page after them.  The frames stay their owner's:\n"
			"vunmap unmaps them without freeing.  The same frame may be mapped twice.",
		.example = "alloc_pages 1 gfp=GFP_HIGHUSER; vmap 0x38000,0x38001",
		.group = "vmalloc, highmem",
	},
	{
		.name = "vunmap", .handler = cmd_vunmap, .min_args = 1, .max_args = 1,
		.usage = "vunmap ADDR",
		.summary = "unmap a vmap area (its frames stay allocated)",
		.help = "Removes the vmap area holding ADDR: its PTEs are cleared, the kernel TLB\n"
			"range is flushed, its descriptors freed.  The frames are not freed.  A\n"
			"vmalloc area is refused (vunmap would leak its pages; use vfree).",
		.example = "alloc_pages 0; vmap 0x1800; vunmap 0xf8800000",
		.group = "vmalloc, highmem",
	},
	{
		.name = "vfree", .handler = cmd_vfree, .min_args = 1, .max_args = 1,
		.usage = "vfree ADDR",
		.summary = "free a vmalloc area: unmap it, free its pages",
		.help = "As __vunmap(): the area holding ADDR (page-aligned) leaves the list, its\n"
			"PTEs are cleared and its TLB range flushed, each page goes back to the\n"
			"page allocator, then the pages array, the vm_struct and the vmap_area.\n"
			"Linux defers the flush and the release of the range until 32 MiB x\n"
			"log2(CPUs) of freed areas wait (lazy purge); the model purges at once.\n"
			"ADDR 0 is ignored, as vfree(NULL) is.",
		.example = "vmalloc 8K; vfree 0xf8800000", .group = "vmalloc, highmem",
	},
	{
		.name = "kmap", .handler = cmd_kmap, .min_args = 1, .max_args = 1,
		.usage = "kmap PFN",
		.summary = "give a HighMem frame a kernel address in the pkmap area",
		.help = "A lowmem frame needs no mapping: kmap returns its direct-map address.\n"
			"A HighMem frame already kmapped shares its slot (pkmap_count + 1); else\n"
			"the scan goes on from last_pkmap_nr to the next slot with pkmap_count 0,\n"
			"and each time it wraps to slot 0, flush_all_zero_pkmaps() frees every slot\n"
			"left at 1 (mapped, no users) with one TLB flush.  pkmap_count: 0 free, 1\n"
			"mapped without users, n: n - 1 users.  When every slot has users kmap\n"
			"would sleep: the model reports it.  LAST_PKMAP is 1024 (512 with PAE).",
		.example = "alloc_pages 0 gfp=GFP_HIGHUSER; kmap 0x38000",
		.group = "vmalloc, highmem",
	},
	{
		.name = "kunmap", .handler = cmd_kunmap, .min_args = 1, .max_args = 1,
		.usage = "kunmap PFN|ADDR",
		.summary = "drop one user of a kmapped frame",
		.help = "Takes the frame, or its pkmap (or direct-map) address.  pkmap_count goes\n"
			"down by one; at 1 the slot has no users but stays mapped until a wrap of\n"
			"the slot scan flushes it, so a kmap of the same frame meanwhile reuses it.\n"
			"For a lowmem frame kunmap does nothing.",
		.example = "alloc_pages 0 gfp=GFP_HIGHUSER; kmap 0x38000; kunmap 0x38000",
		.group = "vmalloc, highmem",
	},
	{
		.name = "kmap_atomic", .handler = cmd_kmap_atomic, .min_args = 1, .max_args = 1,
		.usage = "kmap_atomic PFN",
		.summary = "map a HighMem frame in this CPU's next fixmap slot",
		.help = "Never sleeps: each CPU has KM_MAX_IDX (16) fixmap slots used as a stack;\n"
			"slot idx of cpu c is fixmap index FIX_KMAP_BEGIN + idx + 16 * c, at\n"
			"FIXADDR_TOP - index * 4096, so nested mappings go down a page each.\n"
			"Nesting deeper than 16 is an error.  A lowmem frame gets its direct-map\n"
			"address and no slot.",
		.example = "alloc_pages 0 gfp=GFP_HIGHUSER; kmap_atomic 0x38000",
		.group = "vmalloc, highmem",
	},
	{
		.name = "kunmap_atomic", .handler = cmd_kunmap_atomic, .min_args = 1, .max_args = 1,
		.usage = "kunmap_atomic ADDR",
		.summary = "unmap this CPU's newest kmap_atomic slot",
		.help = "ADDR must be the newest slot of the CPU commands run on (mappings are a\n"
			"stack: unmap in reverse order).  The PTE is cleared and that one page is\n"
			"flushed from this CPU's TLB (the slot is never used by another CPU).",
		.example = "alloc_pages 0 gfp=GFP_HIGHUSER; kmap_atomic 0x38000; kunmap_atomic "
			   "0xfffbb000",
		.group = "vmalloc, highmem",
	},
	{
		.name = "kread", .handler = cmd_kread, .min_args = 1, .max_args = 1,
		.usage = "kread ADDR",
		.summary = "a 64-bit load by the kernel (CPL 0) at a kernel address",
		.help = "Loads through the MMU as kernel code would: the TLB, else a walk of the\n"
			"kernel part of the page tables (filling the TLB).  Works on the direct map,\n"
			"vmalloc and vmap areas, kmaps.  A fault is a kernel oops: the kernel's\n"
			"\"BUG: unable to handle page fault\" lines are shown (a guard page, a\n"
			"freed area, a HighMem frame's missing direct-map address...).",
		.example = "vzalloc 4K; kread 0xf8800000", .group = "vmalloc, highmem",
	},
	{
		.name = "kwrite", .handler = cmd_kwrite, .min_args = 2, .max_args = 2,
		.usage = "kwrite ADDR VALUE",
		.summary = "a 64-bit store by the kernel (CPL 0) at a kernel address",
		.help = "As kread, for a store: the value lands in the frame the address maps,\n"
			"where any other mapping of the frame (vmap, kmap, the direct map, a\n"
			"process) sees it.  Page tables, slabs, the zero page and reserved frames\n"
			"are refused: the model keeps its own structures there.",
		.example = "vmalloc 4K; kwrite 0xf8800000 42; kread 0xf8800000",
		.group = "vmalloc, highmem",
	},
	{
		.name = "vmallocinfo", .handler = cmd_vmallocinfo, .min_args = 0, .max_args = 0,
		.usage = "vmallocinfo",
		.summary = "/proc/vmallocinfo: every vmalloc and vmap area",
		.help = "One line per area in address order: start-end (the guard page included),\n"
			"size in bytes, the caller, pages= (vmalloc'ed pages), vmalloc or vmap,\n"
			"vpages (the pages array is itself vmalloc'ed) and, with NUMA (x86_64, or\n"
			"several nodes), N<node>=<pages>.  The caller, which Linux prints as\n"
			"symbol+offset/size, is the function's name.",
		.example = "vmalloc 12K; vmallocinfo", .group = "views",
	},
	{
		.name = "layout", .handler = cmd_layout, .min_args = 0, .max_args = 0,
		.usage = "layout",
		.summary = "the kernel's virtual memory map, with this machine's values",
		.help = "i386: the boot log's \"virtual kernel memory layout:\" lines (fixmap,\n"
			"pkmap, vmalloc, lowmem), then the whole 4 GiB low to high: user space, the\n"
			"direct map up to high_memory, the 8 MiB hole, vmalloc, the 2-page hole,\n"
			"pkmap, the fixmap, each with its size and what this machine puts there.\n"
			"VMALLOC_START follows high_memory, so less RAM means more vmalloc space.\n"
			"x86_64: the documented map (Documentation/arch/x86/x86_64/mm.rst), 4- or\n"
			"5-level: direct map, vmalloc, vmemmap, kernel text, modules, fixmap.",
		.example = "layout", .group = "machine",
	},
	{ 0 }
};
