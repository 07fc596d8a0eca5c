/*
 * mmzone.h - nodes (pg_data_t), zones, free areas, per-CPU page lists,
 * watermarks and zonelists.
 *
 * Every node has a slot for every zone type; a zone the architecture does
 * not have (HighMem on x86_64, DMA32 on i386) is "absent" and never shown,
 * a zone the architecture has but this node's RAM does not reach is
 * "unpopulated" (present_pages == 0) and shown by zoneinfo only.
 *
 *   i386, 1 GiB:   DMA [0, 16M)  Normal [16M, 896M)  HighMem [896M, 1G)
 *   x86_64, 8 GiB: DMA [0, 16M)  DMA32 [16M, 4G)     Normal [4G, 8G)
 */
#ifndef VMLAB_MM_MMZONE_H
#define VMLAB_MM_MMZONE_H

#include <stdbool.h>
#include "page.h"

#define MAX_PAGE_ORDER		10
#define NR_PAGE_ORDERS		(MAX_PAGE_ORDER + 1)
#define MAX_ORDER_NR_PAGES	(1UL << MAX_PAGE_ORDER)
#define MAX_NUMNODES		64
#define MAX_CPUS		64
#define SECTION_SHIFT		MAX_PAGE_ORDER	/* zones and nodes align to 4 MiB */

/* The firmware hole below 1 MiB (EBDA, VGA, ROMs): never RAM.  Pfn 0 isn't either. */
#define HOLE_START_PFN		0x9fUL
#define HOLE_END_PFN		0x100UL

enum zone_type {
	ZONE_DMA,
	ZONE_DMA32,
	ZONE_NORMAL,
	ZONE_HIGHMEM,
	ZONE_MOVABLE,
	MAX_NR_ZONES
};

enum zone_watermarks { WMARK_MIN, WMARK_LOW, WMARK_HIGH, WMARK_PROMO, NR_WMARK };

enum zone_stat_item {
	NR_FREE_PAGES,
	NR_ZONE_LRU_BASE,
	NR_ZONE_INACTIVE_ANON = NR_ZONE_LRU_BASE,
	NR_ZONE_ACTIVE_ANON,
	NR_ZONE_INACTIVE_FILE,
	NR_ZONE_ACTIVE_FILE,
	NR_ZONE_UNEVICTABLE,
	NR_ZONE_WRITE_PENDING,
	NR_MLOCK,
	NR_BOUNCE,
	NR_FREE_CMA_PAGES,
	NR_VM_ZONE_STAT_ITEMS
};

enum numa_stat_item {
	NUMA_HIT, NUMA_MISS, NUMA_FOREIGN, NUMA_INTERLEAVE_HIT, NUMA_LOCAL, NUMA_OTHER,
	NR_VM_NUMA_EVENT_ITEMS
};

struct free_area {
	struct pfn_list free_list;	/* head pages of free blocks of this order */
	unsigned long nr_free;		/* blocks, not pages */
};

/* Order-0 pages cached per CPU per zone; not counted in NR_FREE_PAGES. */
struct per_cpu_pages {
	int count;
	int high;
	int batch;
	struct pfn_list list;
};

struct pglist_data;

struct zone {
	struct pglist_data *zone_pgdat;
	enum zone_type type;
	unsigned id;			/* node * MAX_NR_ZONES + type: pfn_zoneid() */
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;
	unsigned long present_pages;
	unsigned long managed_pages;
	unsigned long _watermark[NR_WMARK];
	unsigned long watermark_boost;
	long lowmem_reserve[MAX_NR_ZONES];
	struct free_area free_area[NR_PAGE_ORDERS];
	struct per_cpu_pages pcp[MAX_CPUS];
	long vm_stat[NR_VM_ZONE_STAT_ITEMS];
	unsigned long numa_event[NR_VM_NUMA_EVENT_ITEMS];
};

struct pglist_data {
	int node_id;
	struct zone node_zones[MAX_NR_ZONES];
	/* fallback order: zones of this node high to low, then other nodes' */
	struct zone *zonelist[MAX_NUMNODES * MAX_NR_ZONES + 1];
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
};

typedef struct pglist_data pg_data_t;

const char *zone_name(enum zone_type t);
bool zone_absent(const struct machine *m, enum zone_type t);
static inline bool populated_zone(const struct zone *z)
{
	return z->present_pages != 0;
}
static inline bool is_highmem(const struct zone *z)
{
	return z->type == ZONE_HIGHMEM;
}
static inline unsigned long zone_end_pfn(const struct zone *z)
{
	return z->zone_start_pfn + z->spanned_pages;
}
static inline unsigned long min_wmark_pages(const struct zone *z)
{
	return z->_watermark[WMARK_MIN];
}
static inline unsigned long low_wmark_pages(const struct zone *z)
{
	return z->_watermark[WMARK_LOW];
}
static inline unsigned long high_wmark_pages(const struct zone *z)
{
	return z->_watermark[WMARK_HIGH];
}
static inline long zone_page_state(const struct zone *z, enum zone_stat_item i)
{
	return z->vm_stat[i];
}

struct zone *page_zone(const struct machine *m, const struct page *p);
struct zone *pfn_zone(const struct machine *m, unsigned long pfn);

/* Sets up nodes and zones from the machine's RAM; no frame is freed yet. */
int mmzone_init(struct machine *m);
/* Computes watermarks, lowmem_reserve and pageset high/batch (after boot). */
void setup_per_zone_wmarks(struct machine *m);
unsigned long min_free_kbytes(const struct machine *m);

/* Iterate over the machine's populated zones, node by node, low to high. */
struct zone *first_populated_zone(const struct machine *m);
struct zone *next_populated_zone(const struct machine *m, const struct zone *z);
#define for_each_populated_zone(m, z) \
	for ((z) = first_populated_zone(m); (z); (z) = next_populated_zone((m), (z)))

#endif
