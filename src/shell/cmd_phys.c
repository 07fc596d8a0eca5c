/*
 * cmd_phys.c - the page allocator's entry points as commands.
 *
 *   vmlab> alloc_pages 3 gfp=GFP_KERNEL
 *   pfn 0x1800 order 3 (8 pages, 32K) node 0 zone Normal virt 0xc1800000
 *   vmlab> __free_pages 0x1800 3
 *
 * alloc_pages and __free_pages speak pfns; __get_free_pages,
 * get_zeroed_page and free_pages speak kernel virtual addresses, as their
 * kernel namesakes do.
 */
#include <stdio.h>
#include "mm/machine.h"
#include "mm/page_alloc.h"
#include "shell/command.h"
#include "shell/commands.h"
#include "shell/shell.h"

static int parse_order(struct shell *sh, const char *s, unsigned *order)
{
	uint64_t v;

	if (arg_number(sh, "ORDER", s, &v) < 0)
		return -1;
	if (v > MAX_PAGE_ORDER)
		return sh_error(sh, "order %llu is out of range (0..%d)", (unsigned long long)v,
				MAX_PAGE_ORDER);
	*order = (unsigned)v;
	return 0;
}

static int parse_node(struct shell *sh, const struct args *a, int *nid)
{
	const char *s = arg_opt(a, "node");
	uint64_t v;

	*nid = -1;
	if (!s)
		return 0;
	if (arg_number(sh, "node", s, &v) < 0)
		return -1;
	if (v >= (uint64_t)sh->m->nr_nodes)
		return sh_error(sh, "node %llu does not exist (nodes 0..%d)", (unsigned long long)v,
				sh->m->nr_nodes - 1);
	*nid = (int)v;
	return 0;
}

static void print_block(struct shell *sh, unsigned long pfn, unsigned order)
{
	const struct machine *m = sh->m;
	const struct zone *z = pfn_zone(m, pfn);
	unsigned long pages = 1UL << order;

	fprintf(sh->out, "pfn 0x%lx order %u (%lu page%s, %luK) node %d zone %s", pfn, order,
		pages, pages > 1 ? "s" : "", pages << (PAGE_SHIFT - 10), z->zone_pgdat->node_id,
		zone_name(z->type));
	if (pfn_direct_mapped(m, pfn))
		fprintf(sh->out, " virt 0x%0*lx\n", m->arch->addr_digits, pfn_to_virt(m, pfn));
	else
		fprintf(sh->out, " (highmem: not in the direct map)\n");
}

static int cmd_alloc_pages(struct shell *sh, struct args *a)
{
	unsigned order = 0;
	gfp_t gfp = 0;
	int nid = -1;
	long pfn;

	if (parse_order(sh, a->argv[0], &order) < 0 || arg_gfp(sh, a, GFP_KERNEL, &gfp) < 0 ||
	    parse_node(sh, a, &nid) < 0)
		return -1;
	pfn = alloc_pages_node(sh->m, nid, gfp, order);
	if (pfn < 0)
		return sh_mm_error(sh);
	print_block(sh, (unsigned long)pfn, order);
	return 0;
}

static int cmd_free_pages_pfn(struct shell *sh, struct args *a)
{
	uint64_t pfn = 0;
	unsigned order = 0;

	if (arg_number(sh, "PFN", a->argv[0], &pfn) < 0 || parse_order(sh, a->argv[1], &order) < 0)
		return -1;
	if (free_pages_checked(sh->m, pfn, order) < 0)
		return sh_mm_error(sh);
	return 0;
}

/* __get_free_pages(): never highmem, since the caller needs an address. */
static int get_free_pages(struct shell *sh, struct args *a, unsigned order, gfp_t extra)
{
	gfp_t gfp = 0;
	long pfn;

	if (arg_gfp(sh, a, GFP_KERNEL, &gfp) < 0)
		return -1;
	pfn = alloc_pages(sh->m, (gfp | extra) & ~__GFP_HIGHMEM, order);
	if (pfn < 0)
		return sh_mm_error(sh);
	fprintf(sh->out, "0x%0*lx\n", sh->m->arch->addr_digits, pfn_to_virt(sh->m, pfn));
	return 0;
}

static int cmd_get_free_pages(struct shell *sh, struct args *a)
{
	unsigned order = 0;

	if (parse_order(sh, a->argv[0], &order) < 0)
		return -1;
	return get_free_pages(sh, a, order, 0);
}

static int cmd_get_zeroed_page(struct shell *sh, struct args *a)
{
	return get_free_pages(sh, a, 0, __GFP_ZERO);
}

static int cmd_free_pages_addr(struct shell *sh, struct args *a)
{
	uint64_t addr = 0;
	unsigned order = 0;
	long pfn;

	if (arg_number(sh, "ADDR", a->argv[0], &addr) < 0 || parse_order(sh, a->argv[1], &order) < 0)
		return -1;
	if (addr == 0)
		return 0;		/* free_pages(0, order) does nothing, as in the kernel */
	pfn = virt_to_pfn(sh->m, addr);
	if (pfn < 0)
		return sh_error(sh, "0x%llx is not a direct-map address (0x%lx..0x%lx)",
				(unsigned long long)addr, sh->m->arch->page_offset,
				pfn_to_virt(sh->m, sh->m->max_low_pfn) - 1);
	if (addr & ~PAGE_MASK)
		return sh_error(sh, "0x%llx is not page-aligned", (unsigned long long)addr);
	if (free_pages_checked(sh->m, (unsigned long)pfn, order) < 0)
		return sh_mm_error(sh);
	return 0;
}

static int cmd_drain_all_pages(struct shell *sh, struct args *a)
{
	unsigned long before = nr_pcp_pages(sh->m);

	(void)a;
	drain_all_pages(sh->m);
	fprintf(sh->out, "%lu page%s from the per-CPU lists went back to the buddy allocator\n",
		before, before == 1 ? "" : "s");
	return 0;
}

#define GFP_HELP \
	"  gfp=   GFP flags joined with |: GFP_KERNEL (default), GFP_ATOMIC, GFP_USER,\n" \
	"         GFP_HIGHUSER, GFP_HIGHUSER_MOVABLE, GFP_DMA, GFP_DMA32, __GFP_ZERO, ...\n"

const struct command phys_commands[] = {
	{
		.name = "alloc_pages", .handler = cmd_alloc_pages, .min_args = 1, .max_args = 1,
		.usage = "alloc_pages ORDER [gfp=FLAGS] [node=N]",
		.summary = "allocate 2^ORDER contiguous frames from the buddy allocator",
		.help = "Allocates 2^ORDER physically contiguous frames (ORDER 0..10) and prints\n"
			"the block: its first pfn, order, size, node, zone and, for lowmem, its\n"
			"kernel virtual address.  The zonelist for the GFP flags is tried zone by\n"
			"zone against the low watermark, then against min; order 0 comes from the\n"
			"CPU's per-CPU list.  `explain on` tells each step.\n"
			GFP_HELP
			"  node=  the node whose zonelist to use (default: the CPU's node)",
		.example = "alloc_pages 3 gfp=GFP_HIGHUSER",
		.options = "gfp,node", .group = "pages",
	},
	{
		.name = "__free_pages", .handler = cmd_free_pages_pfn, .min_args = 2, .max_args = 2,
		.usage = "__free_pages PFN ORDER",
		.summary = "free a block by its first pfn and order",
		.help = "Frees the block alloc_pages returned; ORDER must be the order it was\n"
			"allocated with.  Order 0 goes to the per-CPU list, larger blocks back to\n"
			"the buddy lists, merging with free buddies.  Freeing a free or\n"
			"wrong-order block, or a frame something else owns (a page table, a slab,\n"
			"vmalloc or kmalloc_large page, a process's or the page cache's page, the\n"
			"swap cache, the zero page, a reserved frame, or a block kmap, kmap_atomic\n"
			"or vmap still maps) is an error that names the owner and changes nothing.",
		.example = "alloc_pages 3; __free_pages 0x1800 3", .group = "pages",
	},
	{
		.name = "free_pages", .handler = cmd_free_pages_addr, .min_args = 2, .max_args = 2,
		.usage = "free_pages ADDR ORDER",
		.summary = "free a block by its kernel virtual address",
		.help = "Like __free_pages, for the direct-map address __get_free_pages returned.\n"
			"ADDR 0 is ignored, as in the kernel.",
		.example = "__get_free_pages 0; free_pages 0xc1800000 0", .group = "pages",
	},
	{
		.name = "__get_free_pages", .handler = cmd_get_free_pages, .min_args = 1,
		.max_args = 1, .usage = "__get_free_pages ORDER [gfp=FLAGS]",
		.summary = "allocate 2^ORDER frames and print their kernel address",
		.help = "alloc_pages without __GFP_HIGHMEM (the block needs a kernel address),\n"
			"printing the block's direct-map address.\n" GFP_HELP,
		.example = "__get_free_pages 1", .options = "gfp", .group = "pages",
	},
	{
		.name = "get_zeroed_page", .handler = cmd_get_zeroed_page, .min_args = 0,
		.max_args = 0, .usage = "get_zeroed_page [gfp=FLAGS]",
		.summary = "allocate one zero-filled frame and print its kernel address",
		.help = "__get_free_pages(gfp | __GFP_ZERO, 0).\n" GFP_HELP,
		.example = "get_zeroed_page", .options = "gfp", .group = "pages",
	},
	{
		.name = "drain_all_pages", .handler = cmd_drain_all_pages, .min_args = 0,
		.max_args = 0, .usage = "drain_all_pages",
		.summary = "give every per-CPU list back to the buddy allocator",
		.help = "drain_all_pages(): the pages on every CPU's per-CPU lists go back to the\n"
			"buddy lists, merging with their buddies, as the kernel drains them before\n"
			"the OOM killer, on memory hot-remove or for an isolated range.  With\n"
			"`kmem_cache_shrink` and `drop_caches`, buddyinfo shows every frame a\n"
			"killed process held back where it was.",
		.example = "alloc_pages 0; __free_pages 0x1800 0; drain_all_pages", .group = "pages",
	},
	{ 0 }
};
