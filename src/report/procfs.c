/*
 * procfs.c - /proc/buddyinfo, /proc/zoneinfo, /proc/vmstat, /proc/meminfo
 * and free(1), byte for byte as Linux 6.1 and procps-ng 3.3 print them.
 *
 * The views read the machine and never change it.  Every figure comes from
 * the counters the allocator keeps (zone->vm_stat, numa_event, free_area[]
 * nr_free, the per-CPU lists) or from one of the two gathering points below
 * that later parts extend:
 *
 *   node_page_state()  the kernel's per-node counters (LRU sizes, slab,
 *                      page tables, swap cache ...): one case per counter
 *   meminfo_fill()     every /proc/meminfo figure, in pages, for meminfo,
 *                      free and the Lua binding alike
 *
 * Reading /proc/buddyinfo, the free-block count per order (blocks, not
 * pages; pages on per-CPU lists are not counted):
 *
 *   Node 0, zone   Normal      3      2      1 ...    211 
 *        "%d"    "%8s"      order 0 ...   order 10, "%6lu " each: the line
 *                                          ends in a space, as the kernel's
 *
 * so 211 at order 10 is 211 blocks of 4 MiB.  The choices of config that
 * shape the text (which lines exist at all) are those of a distribution
 * x86 kernel: CONFIG_SMP, CONFIG_NUMA (numa_* lines even on one node),
 * CONFIG_HUGETLB_PAGE, CONFIG_HIGHMEM on 32-bit; no CMA, zswap, THP,
 * memory-failure or ZONE_DEVICE lines.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "mm/machine.h"
#include "mm/mm_types.h"
#include "mm/slab.h"
#include "mm/swapfile.h"
#include "mm/vmscan.h"
#include "mm/vmalloc.h"
#include "report/procfs.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define K(pages) ((pages) << (PAGE_SHIFT - 10))

/* mm/vmstat.c vmstat_text[]: enum zone_stat_item. */
static const char *const zone_stat_names[] = {
	[NR_FREE_PAGES] = "nr_free_pages",
	[NR_ZONE_INACTIVE_ANON] = "nr_zone_inactive_anon",
	[NR_ZONE_ACTIVE_ANON] = "nr_zone_active_anon",
	[NR_ZONE_INACTIVE_FILE] = "nr_zone_inactive_file",
	[NR_ZONE_ACTIVE_FILE] = "nr_zone_active_file",
	[NR_ZONE_UNEVICTABLE] = "nr_zone_unevictable",
	[NR_ZONE_WRITE_PENDING] = "nr_zone_write_pending",
	[NR_MLOCK] = "nr_mlock",
	[NR_BOUNCE] = "nr_bounce",
	[NR_FREE_CMA_PAGES] = "nr_free_cma",
};
_Static_assert(ARRAY_SIZE(zone_stat_names) == NR_VM_ZONE_STAT_ITEMS,
	       "a zone stat item has no name");

static const char *const numa_stat_names[] = {
	[NUMA_HIT] = "numa_hit",
	[NUMA_MISS] = "numa_miss",
	[NUMA_FOREIGN] = "numa_foreign",
	[NUMA_INTERLEAVE_HIT] = "numa_interleave",
	[NUMA_LOCAL] = "numa_local",
	[NUMA_OTHER] = "numa_other",
};
_Static_assert(ARRAY_SIZE(numa_stat_names) == NR_VM_NUMA_EVENT_ITEMS,
	       "a numa stat item has no name");

/*
 * The kernel's enum node_stat_item, cut to the counters the model keeps or
 * will keep (those /proc/meminfo reads), in 6.1 order.  vmstat and the
 * per-node block of zoneinfo print these.
 */
enum node_stat_item {
	NR_INACTIVE_ANON, NR_ACTIVE_ANON, NR_INACTIVE_FILE, NR_ACTIVE_FILE,
	NR_UNEVICTABLE, NR_SLAB_RECLAIMABLE_B, NR_SLAB_UNRECLAIMABLE_B,
	NR_ANON_MAPPED, NR_FILE_MAPPED, NR_FILE_PAGES, NR_FILE_DIRTY,
	NR_WRITEBACK, NR_WRITEBACK_TEMP, NR_SHMEM, NR_KERNEL_MISC_RECLAIMABLE,
	NR_KERNEL_STACK_KB, NR_PAGETABLE, NR_SECONDARY_PAGETABLE, NR_SWAPCACHE,
	NR_VM_NODE_STAT_ITEMS
};

static const char *const node_stat_names[] = {
	[NR_INACTIVE_ANON] = "nr_inactive_anon",
	[NR_ACTIVE_ANON] = "nr_active_anon",
	[NR_INACTIVE_FILE] = "nr_inactive_file",
	[NR_ACTIVE_FILE] = "nr_active_file",
	[NR_UNEVICTABLE] = "nr_unevictable",
	[NR_SLAB_RECLAIMABLE_B] = "nr_slab_reclaimable",
	[NR_SLAB_UNRECLAIMABLE_B] = "nr_slab_unreclaimable",
	[NR_ANON_MAPPED] = "nr_anon_pages",
	[NR_FILE_MAPPED] = "nr_mapped",
	[NR_FILE_PAGES] = "nr_file_pages",
	[NR_FILE_DIRTY] = "nr_dirty",
	[NR_WRITEBACK] = "nr_writeback",
	[NR_WRITEBACK_TEMP] = "nr_writeback_temp",
	[NR_SHMEM] = "nr_shmem",
	[NR_KERNEL_MISC_RECLAIMABLE] = "nr_kernel_misc_reclaimable",
	[NR_KERNEL_STACK_KB] = "nr_kernel_stack",
	[NR_PAGETABLE] = "nr_page_table_pages",
	[NR_SECONDARY_PAGETABLE] = "nr_sec_page_table_pages",
	[NR_SWAPCACHE] = "nr_swapcached",
};
_Static_assert(ARRAY_SIZE(node_stat_names) == NR_VM_NODE_STAT_ITEMS,
	       "a node stat item has no name");

/* ---- counters ---------------------------------------------------------- */

/* zone_page_state(): the kernel clamps a transiently negative sum to 0. */
static unsigned long zone_state(const struct zone *z, enum zone_stat_item i)
{
	long v = zone_page_state(z, i);

	return v < 0 ? 0 : (unsigned long)v;
}

static const struct zone *node_zone(const struct machine *m, int nid, int t)
{
	return &m->node_data[nid].node_zones[t];
}

static unsigned long global_zone_page_state(const struct machine *m, enum zone_stat_item i)
{
	unsigned long sum = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++)
		for (int t = 0; t < MAX_NR_ZONES; t++)
			sum += zone_state(node_zone(m, nid, t), i);
	return sum;
}

static unsigned long global_numa_event(const struct machine *m, enum numa_stat_item i)
{
	unsigned long sum = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++)
		for (int t = 0; t < MAX_NR_ZONES; t++)
			sum += node_zone(m, nid, t)->numa_event[i];
	return sum;
}

static unsigned long node_zones_sum(const pg_data_t *pgdat, enum zone_stat_item i)
{
	unsigned long sum = 0;

	for (int t = 0; t < MAX_NR_ZONES; t++)
		sum += zone_state(&pgdat->node_zones[t], i);
	return sum;
}

/*
 * One per-node counter.  The LRU sizes are the sums of the zone LRU
 * counters (as the kernel's lruvec keeps both); the other counters belong
 * to parts of the model that do not exist yet and are 0 until a part adds
 * its case here (slab: NR_SLAB_*, page tables: NR_PAGETABLE, swap:
 * NR_SWAPCACHE, page cache: NR_FILE_*, ...).
 */
static unsigned long node_page_state(const struct machine *m, const pg_data_t *pgdat,
				     enum node_stat_item i)
{
	(void)m;
	switch (i) {
	case NR_INACTIVE_ANON:
	case NR_ACTIVE_ANON:
	case NR_INACTIVE_FILE:
	case NR_ACTIVE_FILE:
	case NR_UNEVICTABLE:
		return node_zones_sum(pgdat, NR_ZONE_LRU_BASE + (i - NR_INACTIVE_ANON));
	case NR_SLAB_RECLAIMABLE_B:
	case NR_SLAB_UNRECLAIMABLE_B:
		return slab_node_pages(m, pgdat->node_id, i == NR_SLAB_RECLAIMABLE_B);
	case NR_ANON_MAPPED:
		return mm_node_stat_pages(m, pgdat->node_id, MM_NR_ANON_MAPPED);
	case NR_FILE_MAPPED:
		return mm_node_stat_pages(m, pgdat->node_id, MM_NR_FILE_MAPPED);
	case NR_FILE_PAGES:		/* the swap cache is in it, as in the kernel */
		return mm_node_stat_pages(m, pgdat->node_id, MM_NR_FILE_PAGES) +
		       swapcache_pages(m, pgdat->node_id);
	case NR_SWAPCACHE:
		return swapcache_pages(m, pgdat->node_id);
	case NR_FILE_DIRTY:
		return mm_node_stat_pages(m, pgdat->node_id, MM_NR_FILE_DIRTY);
	case NR_SHMEM:
		return mm_node_stat_pages(m, pgdat->node_id, MM_NR_SHMEM);
	case NR_PAGETABLE:
		return mm_node_stat_pages(m, pgdat->node_id, MM_NR_PAGETABLE);
	default:
		return 0;
	}
}

static unsigned long global_node_page_state(const struct machine *m, enum node_stat_item i)
{
	unsigned long sum = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++)
		sum += node_page_state(m, &m->node_data[nid], i);
	return sum;
}

/* ---- /proc/buddyinfo --------------------------------------------------- */

/* frag_show_print(): one line per populated zone, free blocks per order. */
static void buddyinfo_zone(const pg_data_t *pgdat, const struct zone *z, FILE *f)
{
	fprintf(f, "Node %d, zone %8s ", pgdat->node_id, zone_name(z->type));
	for (int order = 0; order < NR_PAGE_ORDERS; order++)
		fprintf(f, "%6lu ", z->free_area[order].nr_free);
	fputc('\n', f);
}

void proc_buddyinfo(const struct machine *m, FILE *f)
{
	const struct zone *z;

	for_each_populated_zone(m, z)
		buddyinfo_zone(z->zone_pgdat, z, f);
}

/* ---- /proc/zoneinfo ---------------------------------------------------- */

static bool is_zone_first_populated(const pg_data_t *pgdat, const struct zone *z)
{
	for (int t = 0; t < MAX_NR_ZONES; t++)
		if (populated_zone(&pgdat->node_zones[t]))
			return z == &pgdat->node_zones[t];
	return false;
}

static void zoneinfo_node_stats(const struct machine *m, const pg_data_t *pgdat, FILE *f)
{
	fputs("\n  per-node stats", f);
	for (int i = 0; i < NR_VM_NODE_STAT_ITEMS; i++)
		fprintf(f, "\n      %-12s %lu", node_stat_names[i],
			node_page_state(m, pgdat, (enum node_stat_item)i));
}

static void zoneinfo_watermarks(const struct zone *z, FILE *f)
{
	fprintf(f, "\n  pages free     %lu"
		   "\n        boost    %lu"
		   "\n        min      %lu"
		   "\n        low      %lu"
		   "\n        high     %lu"
		   "\n        spanned  %lu"
		   "\n        present  %lu"
		   "\n        managed  %lu"
		   "\n        cma      %lu",
		zone_state(z, NR_FREE_PAGES), z->watermark_boost, min_wmark_pages(z),
		low_wmark_pages(z), high_wmark_pages(z), z->spanned_pages,
		z->present_pages, z->managed_pages, 0UL);
}

/* lowmem_reserve[] has a slot per zone type the kernel was built with. */
static void zoneinfo_protection(const struct machine *m, const struct zone *z, FILE *f)
{
	const char *sep = "(";

	fputs("\n        protection: ", f);
	for (int t = 0; t < MAX_NR_ZONES; t++) {
		if (zone_absent(m, t))
			continue;
		fprintf(f, "%s%ld", sep, z->lowmem_reserve[t]);
		sep = ", ";
	}
	fputc(')', f);
}

static void zoneinfo_stats(const struct zone *z, FILE *f)
{
	for (int i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		fprintf(f, "\n      %-12s %lu", zone_stat_names[i], zone_state(z, i));
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		fprintf(f, "\n      %-12s %lu", numa_stat_names[i], z->numa_event[i]);
}

static int fls_long(unsigned long x)
{
	int n = 0;

	while (x) {
		n++;
		x >>= 1;
	}
	return n;
}

/*
 * calculate_normal_threshold(): how far a CPU's counter diff may drift
 * before it is folded into the zone: 2 * fls(cpus) * (1 + fls(managed in
 * 128 MiB units)), at most 125.
 */
static int stat_threshold(const struct machine *m, const struct zone *z)
{
	unsigned long mem = z->managed_pages >> (27 - PAGE_SHIFT);
	int threshold = 2 * fls_long((unsigned long)m->nr_cpus) * (1 + fls_long(mem));

	return threshold < 125 ? threshold : 125;
}

static void zoneinfo_pagesets(const struct machine *m, const struct zone *z, FILE *f)
{
	fputs("\n  pagesets", f);
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		const struct per_cpu_pages *pcp = &z->pcp[cpu];

		fprintf(f, "\n    cpu: %i"
			   "\n              count: %i"
			   "\n              high:  %i"
			   "\n              batch: %i",
			cpu, pcp->count, pcp->high, pcp->batch);
		fprintf(f, "\n  vm stats threshold: %d", stat_threshold(m, z));
	}
}

/* kswapd_failures >= MAX_RECLAIM_RETRIES: kswapd has given up on the node. */
static unsigned node_unreclaimable(const struct machine *m, const pg_data_t *pgdat)
{
	return m->reclaim &&
	       m->reclaim->kswapd[pgdat->node_id].failures >= MAX_RECLAIM_RETRIES;
}

/* zoneinfo_show_print(): an unpopulated zone stops after its protection. */
static void zoneinfo_zone(const struct machine *m, const pg_data_t *pgdat,
			  const struct zone *z, int type, FILE *f)
{
	fprintf(f, "Node %d, zone %8s", pgdat->node_id, zone_name(type));
	if (is_zone_first_populated(pgdat, z))
		zoneinfo_node_stats(m, pgdat, f);
	zoneinfo_watermarks(z, f);
	zoneinfo_protection(m, z, f);
	if (!populated_zone(z)) {
		fputc('\n', f);
		return;
	}
	zoneinfo_stats(z, f);
	zoneinfo_pagesets(m, z, f);
	fprintf(f, "\n  node_unreclaimable:  %u"
		   "\n  start_pfn:           %lu\n",
		node_unreclaimable(m, pgdat), z->zone_start_pfn);
}

void proc_zoneinfo(const struct machine *m, FILE *f)
{
	for (int nid = 0; nid < m->nr_nodes; nid++) {
		const pg_data_t *pgdat = &m->node_data[nid];

		for (int t = 0; t < MAX_NR_ZONES; t++)
			if (!zone_absent(m, t))
				zoneinfo_zone(m, pgdat, &pgdat->node_zones[t], t, f);
	}
}

/* ---- /proc/vmstat ------------------------------------------------------ */

/*
 * The per-zone events (pgalloc_*, allocstall_*) exist only for the zone
 * types the kernel is built with: no pgalloc_high on x86_64, no
 * pgalloc_dma32 on i386.
 */
static bool vm_event_shown(const struct machine *m, enum vm_event_item i)
{
	if (i >= PGALLOC_DMA && i <= PGALLOC_MOVABLE)
		return !zone_absent(m, (enum zone_type)(i - PGALLOC_DMA));
	if (i >= ALLOCSTALL_DMA && i <= ALLOCSTALL_MOVABLE)
		return !zone_absent(m, (enum zone_type)(i - ALLOCSTALL_DMA));
	return true;
}

/* vmstat_show(): "name value"; zone, numa, node counters, then events. */
void proc_vmstat(const struct machine *m, FILE *f)
{
	for (int i = 0; i < NR_VM_ZONE_STAT_ITEMS; i++)
		fprintf(f, "%s %lu\n", zone_stat_names[i], global_zone_page_state(m, i));
	for (int i = 0; i < NR_VM_NUMA_EVENT_ITEMS; i++)
		fprintf(f, "%s %lu\n", numa_stat_names[i], global_numa_event(m, i));
	for (int i = 0; i < NR_VM_NODE_STAT_ITEMS; i++)
		fprintf(f, "%s %lu\n", node_stat_names[i],
			global_node_page_state(m, (enum node_stat_item)i));
	for (int i = 0; i < NR_VM_EVENT_ITEMS; i++)
		if (vm_event_shown(m, i))
			fprintf(f, "%s %lu\n", vm_event_name(i), m->vm_events[i]);
	/* Linux prints this retired counter last so old tools keep working. */
	fputs("nr_unstable 0\n", f);
}

/* ---- /proc/meminfo ----------------------------------------------------- */

/*
 * calculate_totalreserve_pages(): per zone, its largest lowmem_reserve
 * toward a higher zone plus its high watermark, capped at its managed pages.
 */
unsigned long totalreserve_pages(const struct machine *m)
{
	unsigned long sum = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++) {
		for (int i = 0; i < MAX_NR_ZONES; i++) {
			const struct zone *z = node_zone(m, nid, i);
			long max = 0;

			for (int j = i; j < MAX_NR_ZONES; j++)
				if (z->lowmem_reserve[j] > max)
					max = z->lowmem_reserve[j];
			max += (long)high_wmark_pages(z);
			if ((unsigned long)max > z->managed_pages)
				max = (long)z->managed_pages;
			sum += (unsigned long)max;
		}
	}
	return sum;
}

static unsigned long sum_low_wmarks(const struct machine *m)
{
	unsigned long sum = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++)
		for (int t = 0; t < MAX_NR_ZONES; t++)
			sum += low_wmark_pages(node_zone(m, nid, t));
	return sum;
}

static unsigned long min_ul(unsigned long a, unsigned long b)
{
	return a < b ? a : b;
}

/*
 * si_mem_available(): free pages above the reserves, plus the page cache
 * and reclaimable kernel memory that could be freed without swapping (half
 * of each, or all but a low watermark's worth, whichever keeps more).
 */
static unsigned long si_mem_available(const struct machine *m, const struct meminfo *mi)
{
	unsigned long wmark_low = sum_low_wmarks(m);
	unsigned long pagecache = mi->active_file + mi->inactive_file;
	unsigned long reclaimable = mi->kreclaimable;
	long available = (long)mi->freeram - (long)totalreserve_pages(m);

	pagecache -= min_ul(pagecache / 2, wmark_low);
	available += (long)pagecache;
	available += (long)(reclaimable - min_ul(reclaimable / 2, wmark_low));
	return available < 0 ? 0 : (unsigned long)available;
}

static void fill_lru(const struct machine *m, struct meminfo *mi)
{
	mi->inactive_anon = global_node_page_state(m, NR_INACTIVE_ANON);
	mi->active_anon = global_node_page_state(m, NR_ACTIVE_ANON);
	mi->inactive_file = global_node_page_state(m, NR_INACTIVE_FILE);
	mi->active_file = global_node_page_state(m, NR_ACTIVE_FILE);
	mi->unevictable = global_node_page_state(m, NR_UNEVICTABLE);
	mi->active = mi->active_anon + mi->active_file;
	mi->inactive = mi->inactive_anon + mi->inactive_file;
	mi->mlocked = global_zone_page_state(m, NR_MLOCK);
}

/* totalhigh_pages / nr_free_highpages(): the HighMem zones of every node. */
static void fill_highmem(const struct machine *m, struct meminfo *mi)
{
	for (int nid = 0; nid < m->nr_nodes; nid++) {
		const struct zone *z = node_zone(m, nid, ZONE_HIGHMEM);

		if (zone_absent(m, ZONE_HIGHMEM))
			break;
		mi->totalhigh += z->managed_pages;
		mi->freehigh += zone_state(z, NR_FREE_PAGES);
	}
	mi->totallow = mi->totalram - mi->totalhigh;
	mi->freelow = mi->freeram - mi->freehigh;
}

static void fill_node_counters(const struct machine *m, struct meminfo *mi)
{
	unsigned long file = global_node_page_state(m, NR_FILE_PAGES);

	mi->swapcached = global_node_page_state(m, NR_SWAPCACHE);
	mi->buffers = 0;	/* no block devices: nothing in the buffer cache */
	mi->cached = file > mi->swapcached + mi->buffers ?
		     file - mi->swapcached - mi->buffers : 0;
	mi->dirty = global_node_page_state(m, NR_FILE_DIRTY);
	mi->writeback = global_node_page_state(m, NR_WRITEBACK);
	mi->anon = global_node_page_state(m, NR_ANON_MAPPED);
	mi->mapped = global_node_page_state(m, NR_FILE_MAPPED);
	mi->shmem = global_node_page_state(m, NR_SHMEM);
	mi->sreclaimable = global_node_page_state(m, NR_SLAB_RECLAIMABLE_B);
	mi->sunreclaim = global_node_page_state(m, NR_SLAB_UNRECLAIMABLE_B);
	mi->slab = mi->sreclaimable + mi->sunreclaim;
	mi->kreclaimable = mi->sreclaimable +
			   global_node_page_state(m, NR_KERNEL_MISC_RECLAIMABLE);
	mi->kernel_stack_kb = global_node_page_state(m, NR_KERNEL_STACK_KB);
	mi->pagetables = global_node_page_state(m, NR_PAGETABLE);
	mi->sec_pagetables = global_node_page_state(m, NR_SECONDARY_PAGETABLE);
	mi->writeback_tmp = global_node_page_state(m, NR_WRITEBACK_TEMP);
	mi->bounce = global_zone_page_state(m, NR_BOUNCE);
}

/*
 * Swap (swapfile.c: usable and free slots of the areas in use), then
 * committed address space, per-CPU chunks and huge pages: 0 until the
 * parts that own them fill them in here.  VmallocUsed is
 * nr_vmalloc_pages (6.x): the pages vmalloc allocated, not vmap's.
 */
static void fill_unmodelled(const struct machine *m, struct meminfo *mi)
{
	mi->totalswap = (unsigned long)total_swap_pages(m);
	mi->freeswap = (unsigned long)nr_swap_pages(m);
	mi->committed_as = 0;
	mi->vmalloc_used = m->vmap ? m->vmap->nr_vmalloc_pages : 0;
	mi->percpu = 0;
	mi->hugepages_total = mi->hugepages_free = 0;
	mi->hugepages_rsvd = mi->hugepages_surp = 0;
}

/* vm_commit_limit(): overcommit_ratio (50) percent of RAM, plus swap. */
static void fill_commit_limit(const struct machine *m, struct meminfo *mi)
{
	unsigned long huge = mi->hugepages_total * (mi->hugepagesize_kb >> (PAGE_SHIFT - 10));

	(void)m;
	mi->commit_limit = (mi->totalram - huge) * 50 / 100 + mi->totalswap;
}

/*
 * VMALLOC_TOTAL = VMALLOC_END - VMALLOC_START (vmalloc.c).  x86_64: 32 TiB
 * from 0xffffc90000000000 (12800 TiB with 5 levels), VMALLOC_END being the
 * last byte, hence the famous 34359738367 kB.  i386: from high_memory +
 * 8 MiB up to two pages below the pkmap area.
 */
static unsigned long vmalloc_total_bytes(const struct machine *m)
{
	return vmalloc_total(m);
}

/* The PMD-level page: 4 MiB with 2-level i386 paging, 2 MiB otherwise. */
static unsigned long pmd_page_kb(const struct machine *m)
{
	return m->arch->levels == 2 ? 4096 : 2048;
}

/*
 * How the kernel maps its direct map (arch/x86/mm/init.c split_mem_range):
 * the first PMD's worth with 4 KiB pages, then PMD pages, and on x86_64
 * 1 GiB pages from the first 1 GiB boundary; what is left at the top that
 * fills no large page takes smaller ones.  The model has no holes to
 * split them further.
 */
static void fill_direct_map(const struct machine *m, struct meminfo *mi)
{
	unsigned long end_kb = K(m->max_low_pfn), pmd = pmd_page_kb(m);
	unsigned long gb = 1UL << 20, lo = pmd, hi_pmd, lo_gb = 0, hi_gb = 0;

	if (end_kb < pmd) {
		mi->directmap_4k_kb = end_kb;
		return;
	}
	if (m->arch->is_64bit && end_kb >= 2 * gb) {
		lo_gb = gb;
		hi_gb = end_kb / gb * gb;
	}
	hi_pmd = end_kb / pmd * pmd;
	mi->directmap_1g_kb = hi_gb - lo_gb;
	mi->directmap_pmd_kb = hi_pmd - lo - mi->directmap_1g_kb;
	mi->directmap_4k_kb = end_kb - hi_pmd + lo;
}

/* The layout-derived lines: vmalloc size, huge page size, direct map. */
static void fill_layout(const struct machine *m, struct meminfo *mi)
{
	mi->vmalloc_total_kb = vmalloc_total_bytes(m) >> 10;
	mi->hugepagesize_kb = pmd_page_kb(m);
	mi->hugetlb_kb = mi->hugepages_total * mi->hugepagesize_kb;
	fill_direct_map(m, mi);
}

void meminfo_fill(const struct machine *m, struct meminfo *mi)
{
	memset(mi, 0, sizeof(*mi));
	mi->totalram = m->totalram_pages;
	mi->freeram = global_zone_page_state(m, NR_FREE_PAGES);
	fill_lru(m, mi);
	fill_highmem(m, mi);
	fill_node_counters(m, mi);
	fill_unmodelled(m, mi);
	fill_layout(m, mi);
	fill_commit_limit(m, mi);
	mi->available = si_mem_available(m, mi);
}

/*
 * The lines of fs/proc/meminfo.c in order.  show_val_kb() prints a
 * 16-column label and the value in kB right-aligned in 8 columns (wider
 * values push " kB" along); HugePages_* are counts in "%5lu" after a
 * 19-column label.
 */
enum ml_kind { ML_PAGES, ML_KB, ML_COUNT, ML_ZERO };
enum ml_when { ML_ALWAYS, ML_HIGHMEM, ML_PSE_4M, ML_PMD_2M, ML_GBPAGES };

struct meminfo_line {
	const char *label;
	size_t off;
	enum ml_kind kind;
	enum ml_when when;
};

#define ML(label, field, kind) { label, offsetof(struct meminfo, field), kind, ML_ALWAYS }
#define MLW(label, field, kind, when) { label, offsetof(struct meminfo, field), kind, when }

static const struct meminfo_line meminfo_lines[] = {
	ML("MemTotal:", totalram, ML_PAGES),
	ML("MemFree:", freeram, ML_PAGES),
	ML("MemAvailable:", available, ML_PAGES),
	ML("Buffers:", buffers, ML_PAGES),
	ML("Cached:", cached, ML_PAGES),
	ML("SwapCached:", swapcached, ML_PAGES),
	ML("Active:", active, ML_PAGES),
	ML("Inactive:", inactive, ML_PAGES),
	ML("Active(anon):", active_anon, ML_PAGES),
	ML("Inactive(anon):", inactive_anon, ML_PAGES),
	ML("Active(file):", active_file, ML_PAGES),
	ML("Inactive(file):", inactive_file, ML_PAGES),
	ML("Unevictable:", unevictable, ML_PAGES),
	ML("Mlocked:", mlocked, ML_PAGES),
	MLW("HighTotal:", totalhigh, ML_PAGES, ML_HIGHMEM),
	MLW("HighFree:", freehigh, ML_PAGES, ML_HIGHMEM),
	MLW("LowTotal:", totallow, ML_PAGES, ML_HIGHMEM),
	MLW("LowFree:", freelow, ML_PAGES, ML_HIGHMEM),
	ML("SwapTotal:", totalswap, ML_PAGES),
	ML("SwapFree:", freeswap, ML_PAGES),
	ML("Dirty:", dirty, ML_PAGES),
	ML("Writeback:", writeback, ML_PAGES),
	ML("AnonPages:", anon, ML_PAGES),
	ML("Mapped:", mapped, ML_PAGES),
	ML("Shmem:", shmem, ML_PAGES),
	ML("KReclaimable:", kreclaimable, ML_PAGES),
	ML("Slab:", slab, ML_PAGES),
	ML("SReclaimable:", sreclaimable, ML_PAGES),
	ML("SUnreclaim:", sunreclaim, ML_PAGES),
	ML("KernelStack:", kernel_stack_kb, ML_KB),
	ML("PageTables:", pagetables, ML_PAGES),
	ML("SecPageTables:", sec_pagetables, ML_PAGES),
	ML("NFS_Unstable:", totalram, ML_ZERO),
	ML("Bounce:", bounce, ML_PAGES),
	ML("WritebackTmp:", writeback_tmp, ML_PAGES),
	ML("CommitLimit:", commit_limit, ML_PAGES),
	ML("Committed_AS:", committed_as, ML_PAGES),
	ML("VmallocTotal:", vmalloc_total_kb, ML_KB),
	ML("VmallocUsed:", vmalloc_used, ML_PAGES),
	ML("VmallocChunk:", totalram, ML_ZERO),
	ML("Percpu:", percpu, ML_PAGES),
	ML("HugePages_Total:", hugepages_total, ML_COUNT),
	ML("HugePages_Free:", hugepages_free, ML_COUNT),
	ML("HugePages_Rsvd:", hugepages_rsvd, ML_COUNT),
	ML("HugePages_Surp:", hugepages_surp, ML_COUNT),
	ML("Hugepagesize:", hugepagesize_kb, ML_KB),
	ML("Hugetlb:", hugetlb_kb, ML_KB),
	ML("DirectMap4k:", directmap_4k_kb, ML_KB),
	MLW("DirectMap4M:", directmap_pmd_kb, ML_KB, ML_PSE_4M),
	MLW("DirectMap2M:", directmap_pmd_kb, ML_KB, ML_PMD_2M),
	MLW("DirectMap1G:", directmap_1g_kb, ML_KB, ML_GBPAGES),
};

static bool meminfo_line_shown(const struct machine *m, enum ml_when when)
{
	switch (when) {
	case ML_HIGHMEM:
		return m->arch->has_highmem;
	case ML_PSE_4M:
		return m->arch->levels == 2;
	case ML_PMD_2M:
		return m->arch->levels != 2;
	case ML_GBPAGES:
		return m->arch->is_64bit;
	default:
		return true;
	}
}

static void meminfo_line(const struct meminfo *mi, const struct meminfo_line *l, FILE *f)
{
	unsigned long v = *(const unsigned long *)((const char *)mi + l->off);

	switch (l->kind) {
	case ML_PAGES:
		fprintf(f, "%-16s%8lu kB\n", l->label, K(v));
		break;
	case ML_KB:
		fprintf(f, "%-16s%8lu kB\n", l->label, v);
		break;
	case ML_COUNT:
		fprintf(f, "%-19s%5lu\n", l->label, v);
		break;
	case ML_ZERO:
		fprintf(f, "%-16s%8lu kB\n", l->label, 0UL);
		break;
	}
}

void proc_meminfo(const struct machine *m, FILE *f)
{
	struct meminfo mi;

	meminfo_fill(m, &mi);
	for (size_t i = 0; i < ARRAY_SIZE(meminfo_lines); i++)
		if (meminfo_line_shown(m, meminfo_lines[i].when))
			meminfo_line(&mi, &meminfo_lines[i], f);
}

/* ---- free(1) ----------------------------------------------------------- */

static const struct {
	const char *name;	/* long option */
	char letter;		/* short option, 0 if none */
	int exponent;		/* unit, -1 if not a unit option */
	bool si;
} free_options[] = {
	{ "bytes", 'b', 1, false }, { "kibi", 'k', 2, false }, { "mebi", 'm', 3, false },
	{ "gibi", 'g', 4, false }, { "tebi", 0, 5, false }, { "kilo", 0, 2, true },
	{ "mega", 0, 3, true }, { "giga", 0, 4, true }, { "tera", 0, 5, true },
	{ "human", 'h', -1, false }, { "si", 0, -1, true }, { "wide", 'w', -1, false },
	{ "lohi", 'l', -1, false }, { "total", 't', -1, false },
};

static int free_set(struct free_opts *o, int idx, bool *unit_set, char *err, size_t len)
{
	int exponent = free_options[idx].exponent;
	char c = free_options[idx].letter;

	if (exponent > 0) {
		if (*unit_set) {
			snprintf(err, len, "Multiple unit options don't make sense.");
			return -1;
		}
		*unit_set = true;
		o->exponent = exponent;
	}
	o->si |= free_options[idx].si;
	o->human |= c == 'h';
	o->wide |= c == 'w';
	o->lohi |= c == 'l';
	o->total |= c == 't';
	return 0;
}

static int free_find(const char *name, char letter)
{
	for (size_t i = 0; i < ARRAY_SIZE(free_options); i++)
		if (name ? strcmp(free_options[i].name, name) == 0 :
			   free_options[i].letter == letter)
			return (int)i;
	return -1;
}

int free_parse_arg(struct free_opts *o, const char *arg, char *err, size_t len)
{
	bool unit_set = o->exponent != 0;
	int idx;

	if (arg[0] != '-' || arg[1] == '\0') {
		snprintf(err, len, "unexpected argument '%s'", arg);
		return -1;
	}
	if (arg[1] == '-') {
		idx = free_find(arg + 2, 0);
		if (idx < 0) {
			snprintf(err, len, "unrecognized option '%s'", arg);
			return -1;
		}
		return free_set(o, idx, &unit_set, err, len);
	}
	for (const char *p = arg + 1; *p; p++) {
		idx = free_find(NULL, *p);
		if (idx < 0) {
			snprintf(err, len, "invalid option -- '%c'", *p);
			return -1;
		}
		if (free_set(o, idx, &unit_set, err, len) < 0)
			return -1;
	}
	return 0;
}

static double power(unsigned base, int exp)
{
	double v = 1.0;

	while (exp-- > 0)
		v *= base;
	return v;
}

/*
 * procps's scale_size(): kB in the chosen unit, or with -h the shortest of
 * "1.5Gi" / "15Gi" that fits four (--si) or five columns, from bytes up.
 */
static const char *scale_size(unsigned long kb, const struct free_opts *o, char *buf,
			      size_t len)
{
	static const char up[] = { 'B', 'K', 'M', 'G', 'T', 'P', 0 };
	unsigned base = o->si ? 1000 : 1024;
	long long bytes = (long long)kb * 1024LL;

	if (!o->human) {
		if (o->exponent == 0)
			snprintf(buf, len, "%ld", (long)(bytes / base));
		else if (o->exponent == 1)
			snprintf(buf, len, "%lld", bytes);
		else
			snprintf(buf, len, "%ld", (long)(bytes / power(base, o->exponent - 1)));
		return buf;
	}
	if (snprintf(buf, len, "%lld%c", bytes, up[0]) <= 4)
		return buf;
	for (int i = 1; up[i]; i++) {
		int width = o->si ? 4 : 5;
		const char *suffix = o->si ? "" : "i";

		if (snprintf(buf, len, "%.1f%c%s", (float)(bytes / power(base, i)), up[i],
			     suffix) <= width)
			return buf;
		if (snprintf(buf, len, "%ld%c%s", (long)(bytes / power(base, i)), up[i],
			     suffix) <= width)
			return buf;
	}
	return buf;
}

static void free_row(FILE *f, const char *label, const unsigned long *kb, int n,
		     const struct free_opts *o)
{
	char buf[64];

	fprintf(f, "%-7s", label);
	for (int i = 0; i < n; i++)
		fprintf(f, " %11s", scale_size(kb[i], o, buf, sizeof(buf)));
	fputc('\n', f);
}

/* procps 3.3: used = total - free - buff/cache, or total - free if that is negative. */
static unsigned long free_mem_used(const struct meminfo *mi)
{
	unsigned long total = K(mi->totalram), mfree = K(mi->freeram);
	unsigned long buffcache = K(mi->buffers + mi->cached + mi->sreclaimable);

	return total >= mfree + buffcache ? total - mfree - buffcache : total - mfree;
}

static void free_mem_row(FILE *f, const struct meminfo *mi, const struct free_opts *o)
{
	unsigned long buffers = K(mi->buffers), cached = K(mi->cached + mi->sreclaimable);
	unsigned long row[7];
	int n = 0;

	row[n++] = K(mi->totalram);
	row[n++] = free_mem_used(mi);
	row[n++] = K(mi->freeram);
	row[n++] = K(mi->shmem);
	if (o->wide) {
		row[n++] = buffers;
		row[n++] = cached;
	} else {
		row[n++] = buffers + cached;
	}
	row[n++] = K(mi->available);
	free_row(f, "Mem:", row, n, o);
}

/* -l: a kernel without HighTotal (64-bit) has all of its memory low. */
static void free_lohi_rows(FILE *f, const struct meminfo *mi, const struct free_opts *o)
{
	unsigned long lo_total = K(mi->totallow), lo_free = K(mi->freelow);
	unsigned long hi_total = K(mi->totalhigh), hi_free = K(mi->freehigh);
	unsigned long low[3] = { lo_total, lo_total - lo_free, lo_free };
	unsigned long high[3] = { hi_total, hi_total - hi_free, hi_free };

	free_row(f, "Low:", low, 3, o);
	free_row(f, "High:", high, 3, o);
}

void show_free(const struct machine *m, const struct free_opts *o, FILE *f)
{
	struct meminfo mi;
	unsigned long swap[3], total[3];

	meminfo_fill(m, &mi);
	if (o->wide)
		fputs("              total        used        free      shared     buffers"
		      "       cache   available\n", f);
	else
		fputs("              total        used        free      shared  buff/cache"
		      "   available\n", f);
	free_mem_row(f, &mi, o);
	if (o->lohi)
		free_lohi_rows(f, &mi, o);
	swap[0] = K(mi.totalswap);
	swap[1] = K(mi.totalswap - mi.freeswap);
	swap[2] = K(mi.freeswap);
	free_row(f, "Swap:", swap, 3, o);
	if (!o->total)
		return;
	total[0] = K(mi.totalram) + swap[0];
	total[1] = free_mem_used(&mi) + swap[1];
	total[2] = K(mi.freeram) + swap[2];
	free_row(f, "Total:", total, 3, o);
}
