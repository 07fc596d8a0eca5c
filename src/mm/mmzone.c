/*
 * mmzone.c - nodes, zones, watermarks and zonelists.
 *
 * RAM is split evenly between nodes (boundaries rounded down to 4 MiB so
 * every node starts on a MAX_ORDER block); each node gets the part of each
 * architectural zone range that falls inside it:
 *
 *   x86_64, 8 GiB, nodes=2:  node 0 [0, 4G): DMA [1, 4096), DMA32 [4096, 1M)
 *                            node 1 [4G, 8G): Normal [1M, 2M)
 *
 * Watermarks are computed as __setup_per_zone_wmarks() does (Linux 6.x):
 * min_free_kbytes = sqrt(lowmem_kbytes * 16), shared out by managed pages;
 * low and high add max(min/4, managed * 10 / 10000) each.
 */
#include <errno.h>
#include <stdlib.h>
#include "machine.h"
#include "mmzone.h"

#define MAX_DMA_PFN	4096UL			/* 16 MiB */
#define MAX_DMA32_PFN	(1UL << (32 - PAGE_SHIFT))	/* 4 GiB */
#define SWAP_CLUSTER_MAX 32UL

static const int lowmem_reserve_ratio[MAX_NR_ZONES] = {
	[ZONE_DMA] = 256, [ZONE_DMA32] = 256, [ZONE_NORMAL] = 32,
};

const char *zone_name(enum zone_type t)
{
	static const char *const names[MAX_NR_ZONES] = {
		"DMA", "DMA32", "Normal", "HighMem", "Movable",
	};

	return t < MAX_NR_ZONES ? names[t] : "?";
}

bool zone_absent(const struct machine *m, enum zone_type t)
{
	if (t == ZONE_DMA32)
		return !m->arch->is_64bit;
	if (t == ZONE_HIGHMEM)
		return !m->arch->has_highmem;
	return false;
}

/* The architecture's [low, high) pfn range for a zone type. */
static void arch_zone_range(const struct machine *m, enum zone_type t,
			    unsigned long *lo, unsigned long *hi)
{
	unsigned long dma32 = m->arch->is_64bit ? MAX_DMA32_PFN : MAX_DMA_PFN;
	unsigned long ends[MAX_NR_ZONES] = {
		[ZONE_DMA] = MAX_DMA_PFN,
		[ZONE_DMA32] = dma32 < m->max_low_pfn ? dma32 : m->max_low_pfn,
		[ZONE_NORMAL] = m->max_low_pfn,
		[ZONE_HIGHMEM] = m->max_pfn,
		[ZONE_MOVABLE] = m->max_pfn,
	};

	*lo = t == ZONE_DMA ? 0 : ends[t - 1];
	*hi = ends[t];
	if (t == ZONE_MOVABLE || zone_absent(m, t))	/* no kernelcore=: Movable empty */
		*hi = *lo;
	if (*hi < *lo)
		*hi = *lo;
}

static unsigned long holes_in(unsigned long lo, unsigned long hi)
{
	unsigned long n = 0;

	if (lo == 0 && hi > 0)
		n++;			/* pfn 0 */
	for (unsigned long p = HOLE_START_PFN; p < HOLE_END_PFN; p++)
		n += p >= lo && p < hi;
	return n;
}

static void init_zone(struct machine *m, pg_data_t *pgdat, enum zone_type t,
		      unsigned long nlo, unsigned long nhi)
{
	struct zone *z = &pgdat->node_zones[t];
	unsigned long lo, hi;

	z->zone_pgdat = pgdat;
	z->type = t;
	z->id = pgdat->node_id * MAX_NR_ZONES + t;
	for (int o = 0; o < NR_PAGE_ORDERS; o++)
		pfn_list_init(&z->free_area[o].free_list);
	for (int c = 0; c < MAX_CPUS; c++)
		pfn_list_init(&z->pcp[c].list);
	arch_zone_range(m, t, &lo, &hi);
	lo = lo > nlo ? lo : nlo;
	hi = hi < nhi ? hi : nhi;
	if (lo == 0 && hi > 1)
		lo = 1;			/* pfn 0 is not RAM: the zone starts at 1 */
	if (hi <= lo)
		return;
	z->zone_start_pfn = lo;
	z->spanned_pages = hi - lo;
	z->present_pages = z->spanned_pages - holes_in(lo, hi);
	for (unsigned long s = lo >> SECTION_SHIFT; s <= (hi - 1) >> SECTION_SHIFT; s++)
		m->section_zone[s] = (uint16_t)z->id;
}

static void init_node(struct machine *m, int nid)
{
	pg_data_t *pgdat = &m->node_data[nid];
	unsigned long lo = (m->max_pfn * nid / m->nr_nodes) & ~(MAX_ORDER_NR_PAGES - 1);
	unsigned long hi = (m->max_pfn * (nid + 1) / m->nr_nodes) & ~(MAX_ORDER_NR_PAGES - 1);

	if (nid == m->nr_nodes - 1)
		hi = m->max_pfn;
	pgdat->node_id = nid;
	for (int t = 0; t < MAX_NR_ZONES; t++) {
		init_zone(m, pgdat, t, lo, hi);
		pgdat->node_present_pages += pgdat->node_zones[t].present_pages;
	}
	pgdat->node_start_pfn = lo ? lo : 1;
	pgdat->node_spanned_pages = hi - pgdat->node_start_pfn;
}

/*
 * build_zonelists(): the local node's zones from the highest down, then
 * the other nodes' in order of distance.  Every remote node is at the same
 * distance here (SLIT 20), and the kernel then prefers the nodes after the
 * local one, so node 1 of 4 falls back to 2, 3, 0.
 */
static void build_zonelists(struct machine *m, pg_data_t *pgdat)
{
	int n = 0;

	for (int i = 0; i < m->nr_nodes; i++) {
		pg_data_t *other = &m->node_data[(pgdat->node_id + i) % m->nr_nodes];

		for (int t = MAX_NR_ZONES - 1; t >= 0; t--)
			if (populated_zone(&other->node_zones[t]))
				pgdat->zonelist[n++] = &other->node_zones[t];
	}
	pgdat->zonelist[n] = NULL;
}

int mmzone_init(struct machine *m)
{
	m->nr_nodes = m->cfg.nodes;
	m->node_data = calloc(m->nr_nodes, sizeof(*m->node_data));
	m->section_zone = calloc((m->max_pfn >> SECTION_SHIFT) + 1, sizeof(*m->section_zone));
	if (!m->node_data || !m->section_zone)
		return -ENOMEM;
	for (int nid = 0; nid < m->nr_nodes; nid++)
		init_node(m, nid);
	for (int nid = 0; nid < m->nr_nodes; nid++)
		build_zonelists(m, &m->node_data[nid]);
	return 0;
}

struct zone *pfn_zone(const struct machine *m, unsigned long pfn)
{
	unsigned id = pfn_zoneid(m, pfn);

	return &m->node_data[id / MAX_NR_ZONES].node_zones[id % MAX_NR_ZONES];
}

struct zone *page_zone(const struct machine *m, const struct page *p)
{
	return pfn_zone(m, (unsigned long)(p - m->mem_map));
}

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0;

	while ((r + 1) * (r + 1) <= x)
		r++;
	return r;
}

static unsigned long lowmem_managed(const struct machine *m)
{
	const struct zone *z;
	unsigned long n = 0;

	for_each_populated_zone(m, z)
		if (!is_highmem(z) && z->type != ZONE_MOVABLE)
			n += z->managed_pages;
	return n;
}

/* init_per_zone_wmark_min(): sqrt(lowmem_kbytes * 16), within [128, 262144]. */
unsigned long min_free_kbytes(const struct machine *m)
{
	unsigned long kb = int_sqrt(lowmem_managed(m) * (PAGE_SIZE >> 10) * 16);

	if (kb < 128)
		kb = 128;
	if (kb > 262144)
		kb = 262144;
	return kb;
}

static void setup_zone_wmarks(struct zone *z, unsigned long pages_min, unsigned long lowmem)
{
	unsigned long tmp = pages_min * z->managed_pages / lowmem;
	unsigned long scaled = z->managed_pages * 10 / 10000;

	if (is_highmem(z) || z->type == ZONE_MOVABLE) {
		unsigned long min = z->managed_pages / 1024;

		z->_watermark[WMARK_MIN] = min < SWAP_CLUSTER_MAX ? SWAP_CLUSTER_MAX :
					   min > 128 ? 128 : min;
	} else {
		z->_watermark[WMARK_MIN] = tmp;
	}
	tmp = tmp / 4 > scaled ? tmp / 4 : scaled;
	z->watermark_boost = 0;
	z->_watermark[WMARK_LOW] = z->_watermark[WMARK_MIN] + tmp;
	z->_watermark[WMARK_HIGH] = z->_watermark[WMARK_LOW] + tmp;
	z->_watermark[WMARK_PROMO] = z->_watermark[WMARK_HIGH] + tmp;
}

/* setup_per_zone_lowmem_reserve(): protect lower zones from higher requests. */
static void setup_lowmem_reserve(pg_data_t *pgdat)
{
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		struct zone *z = &pgdat->node_zones[i];
		int ratio = lowmem_reserve_ratio[i];
		bool clear = !ratio || !z->managed_pages;
		unsigned long managed = 0;

		for (int j = i + 1; j < MAX_NR_ZONES; j++) {
			managed += pgdat->node_zones[j].managed_pages;
			z->lowmem_reserve[j] = clear ? 0 : (long)(managed / ratio);
		}
	}
}

static unsigned long rounddown_pow_of_two(unsigned long n)
{
	unsigned long p = 1;

	while (p * 2 <= n)
		p *= 2;
	return p;
}

/* zone_batchsize(): about a quarter of a thousandth of the zone, capped at 1 MiB. */
static int zone_batchsize(const struct zone *z)
{
	unsigned long batch = z->managed_pages >> 10;

	if (batch > (1UL << 20) / PAGE_SIZE)
		batch = (1UL << 20) / PAGE_SIZE;
	batch /= 4;
	if (batch < 1)
		batch = 1;
	return (int)rounddown_pow_of_two(batch + batch / 2) - 1;
}

static int cpus_on_node(const struct machine *m, int nid)
{
	int n = 0;

	for (int c = 0; c < m->nr_cpus; c++)
		n += cpu_to_node(m, c) == nid;
	return n ? n : m->nr_cpus;
}

/* zone_set_pageset_high_and_batch(): high = low watermark shared by CPUs. */
static void setup_pageset(const struct machine *m, struct zone *z)
{
	int batch = zone_batchsize(z);
	int high;

	batch = batch < 1 ? 1 : batch;
	high = (int)(low_wmark_pages(z) / cpus_on_node(m, z->zone_pgdat->node_id));
	if (high < batch * 4)
		high = batch * 4;
	for (int c = 0; c < m->nr_cpus; c++) {
		z->pcp[c].high = high;
		z->pcp[c].batch = batch;
	}
}

void setup_per_zone_wmarks(struct machine *m)
{
	unsigned long pages_min = min_free_kbytes(m) >> (PAGE_SHIFT - 10);
	unsigned long lowmem = lowmem_managed(m);
	struct zone *z;

	for_each_populated_zone(m, z) {
		setup_zone_wmarks(z, pages_min, lowmem);
		setup_pageset(m, z);
	}
	for (int nid = 0; nid < m->nr_nodes; nid++)
		setup_lowmem_reserve(&m->node_data[nid]);
}

struct zone *first_populated_zone(const struct machine *m)
{
	for (int nid = 0; nid < m->nr_nodes; nid++)
		for (int t = 0; t < MAX_NR_ZONES; t++)
			if (populated_zone(&m->node_data[nid].node_zones[t]))
				return &m->node_data[nid].node_zones[t];
	return NULL;
}

struct zone *next_populated_zone(const struct machine *m, const struct zone *z)
{
	int nid = z->zone_pgdat->node_id;
	int t = z->type + 1;

	for (; nid < m->nr_nodes; nid++, t = 0)
		for (; t < MAX_NR_ZONES; t++)
			if (populated_zone(&m->node_data[nid].node_zones[t]))
				return &m->node_data[nid].node_zones[t];
	return NULL;
}
