/*
 * machine.c - building, booting and tearing down a machine.
 *
 * Boot follows the kernel's order: lay out nodes and zones over the RAM
 * (mmzone_init), mark what is not RAM or is kept by the kernel as reserved,
 * hand every other frame to the buddy allocator the way memblock_free_all()
 * does, then compute watermarks and per-CPU list sizes.
 *
 * Physical memory as the model's firmware reports it (like an e820 map):
 *
 *   pfn 0            not RAM (BIOS data)
 *   [0x1000, 0x9f000) RAM, reserved: first 1 MiB kept for real mode/BIOS
 *   [0x9f000,0x100000) not RAM (EBDA, VGA, option ROMs)
 *   [16 MiB, +image)  RAM, reserved: the kernel image
 *   top of each node's lowmem: RAM, reserved: mem_map (kernel struct pages)
 *   the rest          RAM, free
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "machine.h"
#include "page_alloc.h"
#include "sched.h"
#include "tlb.h"
#include "slab.h"
#include "swapfile.h"
#include "vmscan.h"
#include "highmem.h"
#include "vmalloc.h"

_Static_assert(sizeof(unsigned long) == 8, "vmlab needs a 64-bit host");
_Static_assert(sizeof(struct page) <= 48, "struct page must stay within 48 bytes");

#define MiB (1ULL << 20)

void machine_default_config(struct machine_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->arch = arch_by_id(ARCH_I386);
	cfg->ram = 1024 * MiB;
	cfg->nodes = 1;
	cfg->cpus = 1;
	cfg->seed = 1;
}

int machine_config_check(const struct machine_config *cfg, char *err)
{
	const struct arch_profile *a = cfg->arch;
	unsigned long long min = 64 * MiB;

	if (cfg->ram < min || cfg->ram > a->max_ram) {
		snprintf(err, MM_ERR_LEN, "ram=%lluM is out of range for %s (%lluM..%lluM)",
			 cfg->ram / MiB, a->name, min / MiB, a->max_ram / MiB);
		return -EINVAL;
	}
	if (cfg->ram % (4 * MiB)) {
		snprintf(err, MM_ERR_LEN, "ram must be a multiple of 4M");
		return -EINVAL;
	}
	if (cfg->nodes < 1 || cfg->nodes > MAX_NUMNODES ||
	    cfg->ram / (unsigned long long)cfg->nodes < min) {
		snprintf(err, MM_ERR_LEN, "nodes=%d is out of range (1..%d, at least 64M each)",
			 cfg->nodes, MAX_NUMNODES);
		return -EINVAL;
	}
	if (cfg->cpus < 1 || cfg->cpus > MAX_CPUS) {
		snprintf(err, MM_ERR_LEN, "cpus=%d is out of range (1..%d)", cfg->cpus, MAX_CPUS);
		return -EINVAL;
	}
	if (tlb_config_check(cfg, err) < 0)
		return -EINVAL;
	return 0;
}

/*
 * Boot reservations, like memblock.reserved: a few ranges, kept sorted.
 * mem_map is placed the way memblock_alloc() places it: top-down, below the
 * limit, clear of what is already reserved.
 */
struct boot_ranges {
	int nr;
	struct { unsigned long start, end; } r[3 + MAX_NUMNODES];
};

static void boot_reserve_range(struct machine *m, struct boot_ranges *b, unsigned long start,
			       unsigned long end)
{
	int i = b->nr++;

	while (i > 0 && b->r[i - 1].start > start) {
		b->r[i] = b->r[i - 1];
		i--;
	}
	b->r[i].start = start;
	b->r[i].end = end;
	for (unsigned long pfn = start; pfn < end; pfn++)
		SetPageFlag(&m->mem_map[pfn], PG_reserved);
}

static unsigned long memblock_alloc_top(const struct boot_ranges *b, unsigned long pages,
					unsigned long limit)
{
	unsigned long end = limit;
	bool moved = true;

	while (moved) {
		moved = false;
		for (int i = 0; i < b->nr; i++) {
			if (b->r[i].start < end && b->r[i].end > end - pages) {
				end = b->r[i].start;
				moved = true;
			}
		}
	}
	return end - pages;
}

/* A node's struct pages go at the top of its lowmem (node 0's if it has none). */
static void reserve_mem_map(struct machine *m, struct boot_ranges *b, pg_data_t *pgdat)
{
	unsigned long end = pgdat->node_start_pfn + pgdat->node_spanned_pages;
	unsigned long bytes = pgdat->node_spanned_pages * m->arch->kpage_size;
	unsigned long pages = (bytes + PAGE_SIZE - 1) >> PAGE_SHIFT;
	unsigned long start;

	if (end > m->max_low_pfn || pgdat->node_start_pfn + pages > end)
		end = m->max_low_pfn;
	start = memblock_alloc_top(b, pages, end);
	boot_reserve_range(m, b, start, start + pages);
}

static void boot_reserve(struct machine *m, struct boot_ranges *b)
{
	unsigned long image = m->arch->kernel_image >> PAGE_SHIFT;

	boot_reserve_range(m, b, 0, HOLE_END_PFN);
	boot_reserve_range(m, b, KERNEL_START_PFN, KERNEL_START_PFN + image);
	for (int nid = 0; nid < m->nr_nodes; nid++)
		reserve_mem_map(m, b, &m->node_data[nid]);
}

/* memblock_free_all(): each zone's frames outside the reserved ranges. */
static void boot_free(struct machine *m, const struct boot_ranges *b)
{
	struct zone *z;

	for_each_populated_zone(m, z) {
		unsigned long pfn = z->zone_start_pfn, end = zone_end_pfn(z);

		for (int i = 0; i <= b->nr && pfn < end; i++) {
			unsigned long stop = i < b->nr ? b->r[i].start : end;

			if (stop > end)
				stop = end;
			if (stop > pfn)
				free_boot_range(m, pfn, stop);
			if (i < b->nr && b->r[i].end > pfn)
				pfn = b->r[i].end;
		}
	}
}

static void boot_count_reserved(struct machine *m)
{
	struct zone *z;

	m->totalram_pages = 0;
	for_each_populated_zone(m, z)
		m->totalram_pages += z->managed_pages;
	m->reserved_pages = m->max_pfn - m->totalram_pages;
}

static uint64_t splitmix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

struct machine *machine_create(const struct machine_config *cfg)
{
	struct machine *m = calloc(1, sizeof(*m));
	struct boot_ranges boot = { 0 };

	if (!m)
		return NULL;
	m->cfg = *cfg;
	m->arch = cfg->arch;
	m->max_pfn = cfg->ram >> PAGE_SHIFT;
	m->max_low_pfn = m->max_pfn;
	if (m->arch->maxmem && m->max_low_pfn > (m->arch->maxmem >> PAGE_SHIFT))
		m->max_low_pfn = m->arch->maxmem >> PAGE_SHIFT;
	m->nr_cpus = cfg->cpus;
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		m->cpu_node[cpu] = (uint8_t)(cpu * cfg->nodes / cfg->cpus);
	m->rng = splitmix64(cfg->seed) | 1;
	m->mem_map = calloc(m->max_pfn, sizeof(struct page));
	if (!m->mem_map || mmzone_init(m) < 0) {
		machine_destroy(m);
		return NULL;
	}
	boot_reserve(m, &boot);
	boot_free(m, &boot);
	boot_count_reserved(m);
	setup_per_zone_wmarks(m);
	if (kmem_cache_init(m) < 0 || mm_boot(m) < 0 || vmalloc_init(m) < 0 ||
	    kmap_init(m) < 0 || vmscan_init(m) < 0 || swap_init(m) < 0) {
		machine_destroy(m);
		return NULL;
	}
	return m;
}

void machine_destroy(struct machine *m)
{
	if (!m)
		return;
	mm_teardown(m);
	swap_destroy(m);
	vmscan_destroy(m);
	free(m->klog);
	vmalloc_release_all(m);
	kmap_release_all(m);
	kmem_cache_release_all(m);
	page_store_destroy(&m->store);
	free(m->node_data);
	free(m->section_zone);
	free(m->mem_map);
	free(m);
}

long virt_to_pfn(const struct machine *m, unsigned long addr)
{
	unsigned long off = addr - m->arch->page_offset;

	if (addr < m->arch->page_offset || (off >> PAGE_SHIFT) >= m->max_low_pfn)
		return -EFAULT;
	return (long)(off >> PAGE_SHIFT);
}

const char *vm_event_name(enum vm_event_item i)
{
	static const char *const names[] = {
#define X(id, name) name,
		VM_EVENTS(X)
#undef X
	};

	return i < NR_VM_EVENT_ITEMS ? names[i] : "?";
}

int mm_err(struct machine *m, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m->err, sizeof(m->err), fmt, ap);
	va_end(ap);
	return err;
}

uint64_t machine_random(struct machine *m)
{
	m->rng ^= m->rng >> 12;
	m->rng ^= m->rng << 25;
	m->rng ^= m->rng >> 27;
	return m->rng * 0x2545f4914f6cdd1dULL;
}

void mm_bug(const char *file, int line, const char *cond, const struct machine *m,
	    unsigned long pfn)
{
	fprintf(stderr, "%s:%d: BUG: %s\n", file, line, cond);
	if (m && pfn < m->max_pfn) {
		const struct page *p = &m->mem_map[pfn];

		fprintf(stderr, "page:pfn 0x%lx flags 0x%" PRIx32 " refcount %" PRId32
			" mapcount %" PRId32 " private 0x%" PRIx32 " mapping 0x%" PRIx32
			" index 0x%" PRIx64 "\n", pfn, p->flags, p->_refcount,
			p->_mapcount + 1, p->private, p->mapping, p->index);
	}
	abort();
}
