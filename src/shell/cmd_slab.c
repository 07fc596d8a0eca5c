/*
 * cmd_slab.c - the slab allocator and kmalloc as commands.
 *
 *   vmlab> kmalloc 100
 *   0xc1802000: kmalloc-128, object 0 of slab pfn 0x1802 (100 bytes asked, 128 allocated)
 *   vmlab> kfree 0xc1802000
 *   vmlab> kmem_cache_create foo 100
 *   foo: object_size 100, size 104, align 8, free pointer at offset 48; order 0 (1 page),
 *   39 objects per slab, 8 bytes left over, min_partial 5
 *   vmlab> slab foo
 *
 * The shell acts as kernel code calling the allocator, so the trace's
 * call_site is the command's handler (cmd_kmalloc).  The caches boot made
 * for the model's processes (task_struct, mm_struct, vm_area_struct, ...)
 * can be looked at and shrunk, but their objects belong to fork, exec and
 * exit: the shell neither allocates nor frees them.
 */
#include <stdio.h>
#include <string.h>
#include "mm/machine.h"
#include "mm/slab.h"
#include "report/slabinfo.h"
#include "shell/command.h"
#include "shell/commands.h"
#include "shell/shell.h"

static const struct {
	const char *name;
	unsigned flag;
} slab_flag_names[] = {
	{ "SLAB_HWCACHE_ALIGN", SLAB_HWCACHE_ALIGN },
	{ "SLAB_RECLAIM_ACCOUNT", SLAB_RECLAIM_ACCOUNT },
	{ "SLAB_TYPESAFE_BY_RCU", SLAB_TYPESAFE_BY_RCU },
	{ "SLAB_ACCOUNT", SLAB_ACCOUNT },
};

#define NR_SLAB_FLAGS (sizeof(slab_flag_names) / sizeof(slab_flag_names[0]))

/* "SLAB_HWCACHE_ALIGN|SLAB_ACCOUNT" into SLAB_* bits. */
static int parse_slab_flags(struct shell *sh, const char *s, unsigned *flags)
{
	*flags = 0;
	while (s && *s) {
		size_t n = strcspn(s, "|");
		size_t i = 0;

		while (i < NR_SLAB_FLAGS && (strlen(slab_flag_names[i].name) != n ||
					     strncmp(slab_flag_names[i].name, s, n) != 0))
			i++;
		if (i == NR_SLAB_FLAGS)
			return sh_error(sh, "unknown flag '%.*s' (SLAB_HWCACHE_ALIGN, "
					"SLAB_RECLAIM_ACCOUNT, SLAB_TYPESAFE_BY_RCU, SLAB_ACCOUNT)",
					(int)n, s);
		*flags |= slab_flag_names[i].flag;
		s += n + (s[n] == '|');
	}
	return 0;
}

static int find_cache(struct shell *sh, const char *name, struct kmem_cache **s)
{
	*s = kmem_cache_find(sh->m, name);
	if (!*s)
		return sh_error(sh, "no cache named '%s' (slabinfo lists them)", name);
	return 0;
}

/* The model's own caches: their objects are fork's, exec's and exit's. */
static int refuse_internal(struct shell *sh, const struct kmem_cache *s)
{
	if (!s->internal)
		return 0;
	return sh_error(sh, "%s holds the model's own process structures: fork and exec "
			"allocate them and exit frees them, not the shell", s->name);
}

static int parse_addr(struct shell *sh, const char *arg, unsigned long *addr)
{
	uint64_t v;

	if (arg_number(sh, "ADDR", arg, &v) < 0)
		return -1;
	*addr = (unsigned long)v;
	return 0;
}

/* "object 3 of slab pfn 0x1802" for an address the allocator just gave. */
static void print_object(struct shell *sh, const struct kmem_cache *s, unsigned long addr)
{
	unsigned long head = slab_head_pfn(sh->m, (unsigned long)virt_to_pfn(sh->m, addr));

	fprintf(sh->out, "0x%0*lx: %s, object %lu of slab pfn 0x%lx", sh->m->arch->addr_digits,
		addr, s->name, (addr - pfn_to_virt(sh->m, head)) / s->size, head);
}

static int cmd_kmalloc(struct shell *sh, struct args *a)
{
	uint64_t size;
	gfp_t gfp;
	unsigned long addr;
	struct kmem_cache *s;
	const struct kmalloc_large_block *b;
	int w = sh->m->arch->addr_digits;

	if (arg_size(sh, "SIZE", a->argv[0], &size) < 0 || arg_gfp(sh, a, GFP_KERNEL, &gfp) < 0)
		return -1;
	addr = kmalloc(sh->m, (unsigned long)size, gfp);
	if (IS_ERR_VALUE(addr))
		return sh_mm_error(sh);
	if (addr == ZERO_SIZE_PTR) {
		fprintf(sh->out, "0x%0*lx: ZERO_SIZE_PTR (kmalloc(0) allocates nothing)\n", w, addr);
		return 0;
	}
	s = virt_to_cache(sh->m, addr);
	if (s) {
		print_object(sh, s, addr);
		fprintf(sh->out, " (%llu byte%s asked, %u allocated)\n", (unsigned long long)size,
			size == 1 ? "" : "s", s->size);
		return 0;
	}
	b = kmalloc_large_find(sh->m, (unsigned long)virt_to_pfn(sh->m, addr));
	fprintf(sh->out, "0x%0*lx: kmalloc_large, order %u at pfn 0x%x (%llu bytes asked, "
		"%lu allocated)\n", w, addr, b->order, b->pfn, (unsigned long long)size,
		PAGE_SIZE << b->order);
	return 0;
}

static int cmd_kfree(struct shell *sh, struct args *a)
{
	unsigned long addr;
	const struct kmem_cache *s;

	if (parse_addr(sh, a->argv[0], &addr) < 0)
		return -1;
	s = virt_to_cache(sh->m, addr);
	if (s && refuse_internal(sh, s) < 0)
		return -1;
	if (kfree(sh->m, addr) < 0)
		return sh_mm_error(sh);
	return 0;
}

static void print_geometry(struct shell *sh, const struct kmem_cache *s)
{
	unsigned long bytes = PAGE_SIZE << s->order;

	fprintf(sh->out, "%s: object_size %u, size %u, align %u, free pointer at offset %u%s; "
		"order %u (%lu page%s), %u objects per slab, %lu bytes left over, "
		"min_partial %lu\n", s->name, s->object_size, s->size, s->align, s->offset,
		s->offset >= s->object_size ? " (after the object)" : "",
		s->order, 1UL << s->order, s->order ? "s" : "", s->objects,
		bytes - (unsigned long)s->objects * s->size, s->min_partial);
}

static int cmd_kmem_cache_create(struct shell *sh, struct args *a)
{
	uint64_t size, align = 0;
	const char *align_s = arg_opt(a, "align");
	unsigned flags;
	struct kmem_cache *s;

	if (arg_size(sh, "SIZE", a->argv[1], &size) < 0 ||
	    (align_s && arg_size(sh, "align", align_s, &align) < 0) ||
	    parse_slab_flags(sh, arg_opt(a, "flags"), &flags) < 0)
		return -1;
	if (size > KMALLOC_MAX_SIZE || align > PAGE_SIZE)
		return sh_error(sh, "%s is too large (SIZE at most %lu, align at most %lu)",
				size > KMALLOC_MAX_SIZE ? "SIZE" : "align", KMALLOC_MAX_SIZE,
				PAGE_SIZE);
	s = kmem_cache_create(sh->m, a->argv[0], (unsigned)size, (unsigned)align, flags);
	if (!s)
		return sh_mm_error(sh);
	print_geometry(sh, s);
	return 0;
}

static int cmd_kmem_cache_alloc(struct shell *sh, struct args *a)
{
	struct kmem_cache *s;
	unsigned long addr;
	gfp_t gfp;

	if (find_cache(sh, a->argv[0], &s) < 0 || refuse_internal(sh, s) < 0 ||
	    arg_gfp(sh, a, GFP_KERNEL, &gfp) < 0)
		return -1;
	addr = __kmem_cache_alloc(sh->m, s, gfp, __func__);
	if (IS_ERR_VALUE(addr))
		return sh_mm_error(sh);
	print_object(sh, s, addr);
	fputc('\n', sh->out);
	return 0;
}

static int cmd_kmem_cache_free(struct shell *sh, struct args *a)
{
	struct kmem_cache *s;
	unsigned long addr;

	if (find_cache(sh, a->argv[0], &s) < 0 || refuse_internal(sh, s) < 0 ||
	    parse_addr(sh, a->argv[1], &addr) < 0)
		return -1;
	if (kmem_cache_free(sh->m, s, addr) < 0)
		return sh_mm_error(sh);
	return 0;
}

/* Every cache, as `slabinfo -s` (tools/mm/slabinfo) shrinks them all. */
static int shrink_all_caches(struct shell *sh)
{
	unsigned long freed = 0, caches = 0;

	for (struct kmem_cache *s = sh->m->slab->slab_caches; s; s = s->next) {
		unsigned long n = kmem_cache_shrink(sh->m, s);

		freed += n;
		caches += n > 0;
	}
	fprintf(sh->out, "%lu empty slab%s freed in %lu cache%s\n", freed, freed == 1 ? "" : "s",
		caches, caches == 1 ? "" : "s");
	return 0;
}

static int cmd_kmem_cache_shrink(struct shell *sh, struct args *a)
{
	struct kmem_cache *s;
	unsigned long freed;

	if (a->argc == 0)
		return shrink_all_caches(sh);
	if (find_cache(sh, a->argv[0], &s) < 0)
		return -1;
	freed = kmem_cache_shrink(sh->m, s);
	if (freed)
		fprintf(sh->out, "%s: %lu empty slab%s freed\n", s->name, freed,
			freed == 1 ? "" : "s");
	else
		fprintf(sh->out, "%s: no empty slab to free\n", s->name);
	return 0;
}

static int cmd_kmem_cache_destroy(struct shell *sh, struct args *a)
{
	struct kmem_cache *s;

	if (find_cache(sh, a->argv[0], &s) < 0)
		return -1;
	if (kmem_cache_destroy(sh->m, s, __func__) < 0)
		return sh_mm_error(sh);
	return 0;
}

static int cmd_slab(struct shell *sh, struct args *a)
{
	struct kmem_cache *s;
	const char *addr_s = arg_opt(a, "addr");
	unsigned long addr;

	if (find_cache(sh, a->argv[0], &s) < 0)
		return -1;
	if (!addr_s) {
		show_slab(sh->m, s, sh->out);
		return 0;
	}
	if (parse_addr(sh, addr_s, &addr) < 0)
		return -1;
	if (virt_to_cache(sh->m, addr) != s)
		return sh_error(sh, "0x%0*lx is not in a slab of %s", sh->m->arch->addr_digits,
				addr, s->name);
	show_slab_object(sh->m, s, addr, sh->out);
	return 0;
}

static int cmd_slabinfo(struct shell *sh, struct args *a)
{
	(void)a;
	proc_slabinfo(sh->m, sh->out);
	return 0;
}

static const char *complete_cache(struct shell *sh, const char *text, int idx)
{
	size_t len = strlen(text);

	for (const struct kmem_cache *s = sh->m->slab->slab_caches; s; s = s->next)
		if (strncmp(s->name, text, len) == 0 && idx-- == 0)
			return s->name;
	return NULL;
}

#define GFP_HELP \
	"  gfp=   GFP flags for a new slab: GFP_KERNEL (default), GFP_ATOMIC, GFP_NOWAIT;\n" \
	"         __GFP_ZERO zeroes the object.  __GFP_HIGHMEM and __GFP_DMA32 are\n" \
	"         refused (slab memory needs a kernel address), as are __GFP_DMA and\n" \
	"         __GFP_RECLAIMABLE (the dma-kmalloc and kmalloc-rcl caches are not modelled).\n"

const struct command slab_commands[] = {
	{
		.name = "kmalloc", .handler = cmd_kmalloc, .min_args = 1, .max_args = 1,
		.usage = "kmalloc SIZE [gfp=FLAGS]",
		.summary = "allocate SIZE bytes of kernel memory",
		.help = "Allocates from the smallest kmalloc cache that fits: kmalloc-8, -16, -32,\n"
			"-64, -96, -128, -192, -256, -512, -1k, -2k, -4k, -8k (sizes up to 192 by\n"
			"the kernel's size_index table, above that the next power of two).  More\n"
			"than 8 KiB comes straight from the page allocator (kmalloc_large, order\n"
			"get_order(SIZE), at most 4 MiB); 0 gives ZERO_SIZE_PTR.  Prints the\n"
			"address, the cache, the object and its slab.  The object reads 5a5a5a5a\n"
			"(POISON_INUSE) until written.\n" GFP_HELP,
		.example = "kmalloc 100", .options = "gfp", .group = "slab",
	},
	{
		.name = "kfree", .handler = cmd_kfree, .min_args = 1, .max_args = 1,
		.usage = "kfree ADDR",
		.summary = "free what kmalloc returned",
		.help = "Finds the cache from the page, as the kernel does (PG_slab and\n"
			"page->slab_cache), and puts the object back: on the CPU's freelist when\n"
			"it is in the CPU's slab, else on its slab's freelist.  A kmalloc_large\n"
			"block goes back to the page allocator.  0 and ZERO_SIZE_PTR are ignored.\n"
			"An object of any cache goes back to its own cache, as SLUB does (so a\n"
			"kmem_cache_alloc'ed one frees too).  An address that is no allocated\n"
			"object or kmalloc_large block, a double free or a pointer into the\n"
			"middle of an object is an error and changes nothing.  The freed object\n"
			"reads 6b6b6b6b (POISON_FREE) around its free pointer.",
		.example = "kmalloc 100; kfree 0xc1800000", .group = "slab",
	},
	{
		.name = "kmem_cache_create", .handler = cmd_kmem_cache_create, .min_args = 2,
		.max_args = 2, .usage = "kmem_cache_create NAME SIZE [align=N] [flags=FLAGS]",
		.summary = "create a cache of SIZE-byte objects",
		.help = "Creates a cache as SLUB sizes it: the object rounded up to a word, the\n"
			"free pointer in its middle (after it with SLAB_TYPESAFE_BY_RCU), then\n"
			"the alignment; the slab order from calculate_order() (at least 4 *\n"
			"(fls(cpus) + 1) objects per slab within order 3, wasting at most 1/16).\n"
			"No frame is allocated until the first object.  Prints the geometry.\n"
			"  align= a power of two up to 4096 (the minimum is 8)\n"
			"  flags= SLAB_HWCACHE_ALIGN, SLAB_RECLAIM_ACCOUNT (counts as SReclaimable),\n"
			"         SLAB_TYPESAFE_BY_RCU, SLAB_ACCOUNT, joined with |",
		.example = "kmem_cache_create foo 100 align=32",
		.options = "align,flags", .group = "slab",
	},
	{
		.name = "kmem_cache_alloc", .handler = cmd_kmem_cache_alloc, .min_args = 1,
		.max_args = 1, .usage = "kmem_cache_alloc NAME [gfp=FLAGS]",
		.summary = "allocate one object of a cache",
		.help = "Takes the first object of the CPU's freelist; when it is empty, the CPU\n"
			"slab's own freelist, the node's first partial slab, or a new slab from\n"
			"the buddy allocator (`explain on` says which).  Prints the address.\n"
			GFP_HELP,
		.example = "kmem_cache_create foo 100; kmem_cache_alloc foo", .options = "gfp", .group = "slab",
		.complete_arg = complete_cache,
	},
	{
		.name = "kmem_cache_free", .handler = cmd_kmem_cache_free, .min_args = 2,
		.max_args = 2, .usage = "kmem_cache_free NAME ADDR",
		.summary = "free an object of a cache",
		.help = "Frees an object of cache NAME.  An object of another cache is refused\n"
			"with the kernel's \"Wrong slab cache\" complaint; double frees and\n"
			"pointers into an object are refused too.  An empty slab goes back to\n"
			"the buddy allocator once its node keeps min_partial partial slabs.",
		.example = "kmem_cache_create foo 100; kmem_cache_alloc foo; "
			   "kmem_cache_free foo 0xc1800000", .group = "slab",
		.complete_arg = complete_cache,
	},
	{
		.name = "kmem_cache_shrink", .handler = cmd_kmem_cache_shrink, .min_args = 0,
		.max_args = 1, .usage = "kmem_cache_shrink [NAME]",
		.summary = "free a cache's empty slabs (every cache's without NAME)",
		.help = "Flushes the CPU slabs to their partial lists, frees every empty slab to\n"
			"the buddy allocator and sorts the partial lists fullest first.  Says how\n"
			"many slabs were freed.  Without NAME every cache is shrunk, as\n"
			"`slabinfo -s` does through /sys/kernel/slab/*/shrink.",
		.example = "kmem_cache_shrink kmalloc-64", .group = "slab",
		.complete_arg = complete_cache,
	},
	{
		.name = "kmem_cache_destroy", .handler = cmd_kmem_cache_destroy, .min_args = 1,
		.max_args = 1, .usage = "kmem_cache_destroy NAME",
		.summary = "destroy an empty cache",
		.help = "Frees the cache's slabs and the cache.  While objects are allocated it\n"
			"refuses with the kernel's complaint (\"Slab cache still has objects\")\n"
			"and keeps the cache; the kernel's boot caches (kmalloc-*, task_struct,\n"
			"...) are never destroyed.",
		.example = "kmem_cache_create foo 100; kmem_cache_destroy foo", .group = "slab",
		.complete_arg = complete_cache,
	},
	{
		.name = "slab", .handler = cmd_slab, .min_args = 1, .max_args = 1,
		.usage = "slab NAME [addr=ADDR]",
		.summary = "show a cache's slabs, frames and objects",
		.help = "Shows the cache's geometry, each node's slab counts, each CPU's slab and\n"
			"freelist, then every slab (CPU slabs, partial slabs, full slabs) with its\n"
			"frames and a map of its objects: # allocated, - free on a CPU freelist,\n"
			". free on the slab's freelist.\n"
			"  addr=  show only the slab of ADDR and dump that object's bytes, as SLUB's\n"
			"         debug output does: 5a in a new object, 6b...a5 and the free\n"
			"         pointer in a free one",
		.example = "kmalloc 100; slab kmalloc-128 addr=0xc1800000", .options = "addr", .group = "slab",
		.complete_arg = complete_cache,
	},
	{
		.name = "slabinfo", .handler = cmd_slabinfo, .min_args = 0, .max_args = 0,
		.usage = "slabinfo",
		.summary = "/proc/slabinfo: every cache's objects and slabs",
		.help = "The lines of /proc/slabinfo (version 2.1, as SLUB writes it), newest\n"
			"cache first: active and total objects, object size, objects per slab,\n"
			"pages per slab, and the number of slabs.  Free objects of CPU slabs count\n"
			"as active, as in the kernel.  kmalloc_large blocks are not slabs and do\n"
			"not appear; meminfo's Slab line counts them.",
		.example = "slabinfo", .group = "views",
	},
	{ 0 }
};
