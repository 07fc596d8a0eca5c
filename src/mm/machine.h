/*
 * machine.h - struct machine: everything one simulated computer is.
 *
 * There are no globals: every core function takes the machine, so tests,
 * Lua and `reset` can build as many as they like.  A machine owns its
 * configuration, mem_map, nodes and zones, CPUs, counters, event bus and
 * random generator; later parts (tasks, swap, slab) hang off it too.
 *
 * Errors are values: a core function returns 0 or a negative errno and, on
 * failure, leaves a human sentence in m->err (see mm_err()).  A broken
 * invariant is a bug, not a result: MM_BUG_ON() dumps and aborts.
 */
#ifndef VMLAB_MM_MACHINE_H
#define VMLAB_MM_MACHINE_H

#include <stdbool.h>
#include <stdint.h>
#include "arch.h"
#include "event.h"
#include "mmzone.h"
#include "page.h"

#define MM_ERR_LEN 256

/* The kernel image is loaded at 16 MiB (its .bss holds swapper_pg_dir and the zero page). */
#define KERNEL_START_PFN ((16UL << 20) >> PAGE_SHIFT)

/* The kernel's vm_event_item counters that the model keeps. */
#define VM_EVENTS(X) \
	X(PGPGIN, "pgpgin") \
	X(PGPGOUT, "pgpgout") \
	X(PSWPIN, "pswpin") \
	X(PSWPOUT, "pswpout") \
	X(PGALLOC_DMA, "pgalloc_dma") \
	X(PGALLOC_DMA32, "pgalloc_dma32") \
	X(PGALLOC_NORMAL, "pgalloc_normal") \
	X(PGALLOC_HIGH, "pgalloc_high") \
	X(PGALLOC_MOVABLE, "pgalloc_movable") \
	X(ALLOCSTALL_DMA, "allocstall_dma") \
	X(ALLOCSTALL_DMA32, "allocstall_dma32") \
	X(ALLOCSTALL_NORMAL, "allocstall_normal") \
	X(ALLOCSTALL_HIGH, "allocstall_high") \
	X(ALLOCSTALL_MOVABLE, "allocstall_movable") \
	X(PGFREE, "pgfree") \
	X(PGACTIVATE, "pgactivate") \
	X(PGDEACTIVATE, "pgdeactivate") \
	X(PGFAULT, "pgfault") \
	X(PGMAJFAULT, "pgmajfault") \
	X(PGREFILL, "pgrefill") \
	X(PGSTEAL_KSWAPD, "pgsteal_kswapd") \
	X(PGSTEAL_DIRECT, "pgsteal_direct") \
	X(PGSCAN_KSWAPD, "pgscan_kswapd") \
	X(PGSCAN_DIRECT, "pgscan_direct") \
	X(PGSCAN_ANON, "pgscan_anon") \
	X(PGSCAN_FILE, "pgscan_file") \
	X(PGSTEAL_ANON, "pgsteal_anon") \
	X(PGSTEAL_FILE, "pgsteal_file") \
	X(KSWAPD_LOW_WMARK_HIT_QUICKLY, "kswapd_low_wmark_hit_quickly") \
	X(KSWAPD_HIGH_WMARK_HIT_QUICKLY, "kswapd_high_wmark_hit_quickly") \
	X(PAGEOUTRUN, "pageoutrun") \
	X(OOM_KILL, "oom_kill")

enum vm_event_item {
#define X(id, name) id,
	VM_EVENTS(X)
#undef X
	NR_VM_EVENT_ITEMS
};

struct mm_struct;
struct task_struct;
struct file_table;
struct tlb;
struct slab_allocator;
struct vmap_state;
struct kmap_state;
struct swap_state;
struct reclaim_state;
struct klog;

struct machine_config {
	const struct arch_profile *arch;
	unsigned long long ram;		/* bytes */
	int nodes;
	int cpus;
	uint64_t seed;
	int tlb_entries;		/* per CPU; 0 = the default (tlb.h) */
	int tlb_ways;			/* associativity; 0 = the default */
	bool pcid;			/* CR4.PCIDE: tagged TLB entries survive CR3 loads */
	unsigned long long swap;	/* bytes of the swap area booted with; 0 = none */
	int policy;			/* enum reclaim_policy (vmscan.h); 0 = linux */
};

/*
 * The hardware levels of a page-table walk, top down, derived from the
 * profile once at boot (pgtable_boot()), so that the MMU and the kernel's
 * walks read an index's shift and mask instead of working them out at
 * every level.  x86_64: 4 levels, pgd/pud/pmd/pte at shifts 39/30/21/12,
 * each index 9 bits (mask 0x1ff); p4d is folded and not listed.
 */
struct pt_geometry {
	int nr;				/* hardware levels */
	uint8_t level[NR_PT_LEVELS];	/* enum pt_level of each */
	uint8_t shift[NR_PT_LEVELS];
	uint16_t mask[NR_PT_LEVELS];	/* entries per table - 1 */
	uint64_t leaf[NR_PT_LEVELS];	/* present entry & leaf: it maps a page (PS; any at pte) */
	uint64_t no_perm[NR_PT_LEVELS];	/* RW|US where entries have no such bits (PAE PDPT) */
	uint64_t nx[NR_PT_LEVELS];	/* _PAGE_NX where a walk honours it */
};

struct machine {
	struct machine_config cfg;
	const struct arch_profile *arch;
	struct pt_geometry pt_geo;	/* the walk's levels (pgtable.c) */

	struct page *mem_map;
	uint16_t *section_zone;		/* zone id per 2^SECTION_SHIFT frames */
	unsigned long max_pfn;		/* frames [0, max_pfn) exist */
	unsigned long max_low_pfn;	/* end of the direct map (lowmem) */
	unsigned long reserved_pages;	/* kept by boot: never in the buddy lists */
	unsigned long totalram_pages;	/* managed by the buddy allocator */

	int nr_nodes;
	pg_data_t *node_data;		/* [nr_nodes] */
	int nr_cpus;
	int cpu;			/* the CPU commands run on */
	uint8_t cpu_node[MAX_CPUS];	/* cpu_to_node() */

	struct page_store store;	/* frames' contents (page.c) */

	/* Processes and address spaces (pgtable.c, fork.c, mmap.c, filemap.c, tlb.c). */
	struct mm_struct *init_mm;	/* the kernel's: swapper_pg_dir */
	struct task_struct *tasks;	/* every process, sorted by pid */
	struct task_struct *current[MAX_CPUS];	/* what each CPU runs (NULL: idle) */
	int last_pid;
	unsigned long zero_pfn;		/* empty_zero_page */
	uint32_t last_mm_id, last_anon_vma;
	struct file_table *files;	/* simulated files and their page cache */
	struct tlb *tlb;		/* one per CPU */
	long *mm_node_stat;		/* [nr_nodes][NR_MM_NODE_STATS] (mm_types.h) */
	struct slab_allocator *slab;	/* kmem caches and kmalloc (slab.c) */
	struct vmap_state *vmap;	/* the vmalloc area (vmalloc.c) */
	struct kmap_state *kmap;	/* pkmap and kmap_atomic slots (highmem.c) */
	struct swap_state *swap;	/* swap areas and the swap cache (swapfile.c) */
	struct reclaim_state *reclaim;	/* LRU lists, kswapd, the OOM killer (vmscan.c) */
	struct klog *klog;		/* the kernel log, dmesg (printk.c) */

	unsigned long vm_events[NR_VM_EVENT_ITEMS];
	struct event_bus events;
	uint64_t rng;
	char err[MM_ERR_LEN];
};

/* The default machine: i386, 1 GiB, one node, one CPU, seed 1. */
void machine_default_config(struct machine_config *cfg);
/*
 * Checks a configuration against the architecture's limits.  Returns 0 or
 * -EINVAL with the reason in err (of MM_ERR_LEN bytes).
 */
int machine_config_check(const struct machine_config *cfg, char *err);
/* Builds and boots a machine.  Returns NULL only if the host is out of memory. */
struct machine *machine_create(const struct machine_config *cfg);
void machine_destroy(struct machine *m);

static inline struct page *pfn_to_page(const struct machine *m, unsigned long pfn)
{
	return &m->mem_map[pfn];
}
static inline unsigned long page_to_pfn(const struct machine *m, const struct page *p)
{
	return (unsigned long)(p - m->mem_map);
}
static inline bool pfn_valid(const struct machine *m, unsigned long pfn)
{
	return pfn < m->max_pfn;
}
/* The zone id (node * MAX_NR_ZONES + type) of a frame. */
static inline unsigned pfn_zoneid(const struct machine *m, unsigned long pfn)
{
	return m->section_zone[pfn >> SECTION_SHIFT];
}
/* The zone with that id: pfn_zone() inline, for the fault path. */
static inline struct zone *zone_by_id(const struct machine *m, unsigned id)
{
	return &m->node_data[id / MAX_NR_ZONES].node_zones[id % MAX_NR_ZONES];
}
/* Lowmem frames have a kernel virtual address in the direct map. */
static inline bool pfn_direct_mapped(const struct machine *m, unsigned long pfn)
{
	return pfn < m->max_low_pfn;
}
static inline unsigned long pfn_to_virt(const struct machine *m, unsigned long pfn)
{
	return m->arch->page_offset + (pfn << PAGE_SHIFT);
}
/* The pfn behind a direct-map address, or -EFAULT if addr is not one. */
long virt_to_pfn(const struct machine *m, unsigned long addr);

static inline void count_vm_event(struct machine *m, enum vm_event_item i)
{
	m->vm_events[i]++;
}
const char *vm_event_name(enum vm_event_item i);

/* Records the sentence for a failure and returns err (a negative errno). */
int mm_err(struct machine *m, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The machine's own seeded generator (xorshift64*): deterministic. */
uint64_t machine_random(struct machine *m);

/* Which node a CPU belongs to: CPUs are spread evenly over nodes. */
static inline int cpu_to_node(const struct machine *m, int cpu)
{
	return m->cpu_node[cpu];
}

void mm_bug(const char *file, int line, const char *cond, const struct machine *m,
	    unsigned long pfn) __attribute__((noreturn));
#define MM_BUG_ON(cond, m, pfn) \
	do { if (cond) mm_bug(__FILE__, __LINE__, #cond, (m), (pfn)); } while (0)

#endif
