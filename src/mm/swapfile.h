/*
 * swapfile.h - swap areas, their slots, swap entries and the swap cache.
 *
 * A swap area is a partition or file of `pages` slots of 4 KiB.  Slot 0
 * holds the header (SWAPSPACE2) and is never handed out.  Each slot has a
 * byte in swap_map: how many page-table entries (and other references)
 * point at it, plus SWAP_HAS_CACHE while a copy of the page sits in RAM in
 * the swap cache:
 *
 *   /dev/sda2, 8 slots     slot: 0    1    2    3    4    5    6    7
 *                     swap_map: 3f   01   41   00   02   40   00   00
 *                               hdr  one  one PTE free two  cache
 *                                    PTE  + cache     PTEs only
 *
 * A swapped-out page is named by a swap entry, (type, offset): the area's
 * index and the slot.  The PTE that mapped the page holds the entry with
 * the present bit clear, in the architecture's layout:
 *
 *   i386     31 ........ 9  8  7  6  5 ... 1  0
 *            offset        0  0  0  type     0      (pgtable-2level.h)
 *   PAE, x86_64
 *            63..59  58 ............. 9  8 ... 0
 *            type    ~offset (inverted)  0         (L1TF: the "pfn" bits
 *                                                   point past RAM)
 *
 * A later access faults; do_swap_page() finds the entry, reads the slot
 * back through the swap cache, and maps the page again.  Areas are used
 * highest priority first; equal priorities take turns (round robin).
 * Without prio= they get -2, -3, ... as Linux gives them.
 */
#ifndef VMLAB_MM_SWAPFILE_H
#define VMLAB_MM_SWAPFILE_H

#include <stdbool.h>
#include <stdint.h>
#include "pgtable.h"

struct machine;
struct reclaim_stat;
struct vm_area_struct;

#define MAX_SWAPFILES_SHIFT	5
#define MAX_SWAPFILES		(1 << MAX_SWAPFILES_SHIFT)

/* swap_map bytes (include/linux/swap.h). */
#define SWAP_HAS_CACHE		0x40
#define COUNT_CONTINUED		0x80
#define SWAP_MAP_MAX		0x3e
#define SWAP_MAP_BAD		0x3f

/* swap_info_struct flags. */
#define SWP_USED		0x01	/* the type is taken */
#define SWP_WRITEOK		0x02	/* slots may be handed out */

/* No priority given: the next of -2, -3, ... */
#define SWAP_PRIO_DEFAULT	(-32768)
#define SWAP_PRIO_MIN		(-1)
#define SWAP_PRIO_MAX		32767

/* The largest area: a packed entry keeps 27 bits of offset. */
#define SWAP_MAX_SLOTS		(1UL << 27)

/* The arch-independent entry: type in the top bits, offset below. */
typedef struct {
	unsigned long val;
} swp_entry_t;

#define SWP_TYPE_SHIFT		(64 - 6)

static inline swp_entry_t swp_entry(unsigned type, unsigned long offset)
{
	swp_entry_t e = { ((unsigned long)type << SWP_TYPE_SHIFT) | offset };

	return e;
}
static inline unsigned swp_type(swp_entry_t e)
{
	return (unsigned)(e.val >> SWP_TYPE_SHIFT);
}
static inline unsigned long swp_offset(swp_entry_t e)
{
	return e.val & ((1UL << SWP_TYPE_SHIFT) - 1);
}

/* A swap PTE: not none, not present, not PROT_NONE (is_swap_pte()). */
static inline bool is_swap_pte(pteval_t e)
{
	return !pte_none(e) && !pte_mapped(e);
}

/* The largest area, in pages, an architecture's swap PTEs can address. */
unsigned long swap_max_pages(const struct arch_profile *a);

/* The PTE holding entry e on this machine's architecture, and back. */
pteval_t swp_entry_to_pte(const struct machine *m, swp_entry_t e);
swp_entry_t pte_to_swp_entry(const struct machine *m, pteval_t pte);

/* An entry in 32 bits, as a swap-cache page keeps it (swap_state.page_entry). */
static inline uint32_t swp_entry_pack(swp_entry_t e)
{
	return ((uint32_t)swp_type(e) << 27) | (uint32_t)swp_offset(e);
}
static inline swp_entry_t swp_entry_unpack(uint32_t v)
{
	return swp_entry(v >> 27, v & ((1u << 27) - 1));
}

struct swap_info_struct {
	unsigned flags;			/* SWP_USED, SWP_WRITEOK */
	int type;			/* index in the table: the entry's type */
	short prio;
	bool partition;			/* "partition", else "file" */
	char name[64];			/* /dev/sda2, /swapfile */
	unsigned long max;		/* slots, the header included */
	unsigned long pages;		/* usable slots: max - 1 */
	unsigned long inuse_pages;	/* slots with a non-zero swap_map byte */
	unsigned long cluster_next;	/* next-fit: where the next search starts */
	unsigned char *swap_map;	/* [max] */
	uint32_t *cont;			/* [max] the count continuation: SWAP_MAP_MAX + 1
					   references each (swapfile.c), lazily */
	uint32_t *cache;		/* [max] the swap cache: pfn, or PFN_NONE */
	uint32_t *data;			/* [max] page_store handle of the slot's bytes */
	unsigned long nr_cached;	/* pages of this area in the swap cache */
};

struct swap_state {
	struct swap_info_struct *info[MAX_SWAPFILES];	/* by type */
	int nr_swapfiles;		/* types ever used: 0..nr_swapfiles-1 */
	int least_priority;		/* the last default priority given */
	int nr_active;
	int active[MAX_SWAPFILES];	/* swap_active_head: types by priority, then turn */
	long nr_swap_pages;		/* free slots in areas being used */
	long total_swap_pages;		/* usable slots in areas being used */
	long *nr_swapcache;		/* [nr_nodes]: NR_SWAPCACHE */
	uint32_t *page_entry;		/* [max_pfn]: a swap-cache page's entry, packed (the
					   kernel's folio->swap; page->private holds the order) */
};

/* Boot: an empty swap state, and one area if cfg.swap is set.  0 or -errno. */
int swap_init(struct machine *m);
/* Frees the areas' host memory (every task must be gone). */
void swap_destroy(struct machine *m);

/*
 * swapon: a new area of `bytes` (rounded down to pages) with priority prio
 * (SWAP_PRIO_DEFAULT: the next of -2, -3, ...) named name (NULL: the next
 * free /dev/sdaN).  Returns the type, or -EINVAL (size, prio, name),
 * -EBUSY (a name in use), -EPERM (all MAX_SWAPFILES taken), -ENOMEM.
 */
int swapon(struct machine *m, unsigned long long bytes, int prio, const char *name);

/*
 * swapoff: brings every page of area `type` back into RAM (sharing pages
 * between the processes that shared them), then removes the area.  When
 * free memory is short, reclaim first pushes other pages out, file pages
 * and anonymous pages into the other areas' free slots, as memory
 * pressure would during the kernel's try_to_unuse().  Returns 0, or
 * -EINVAL (no such area) or -ENOMEM when even that cannot make room: then
 * nothing has changed.  *nr_in gets the pages read back; swapoff_stat()'s
 * pushed (may be NULL) says what was pushed out.
 */
int swapoff(struct machine *m, int type, unsigned long *nr_in);
int swapoff_stat(struct machine *m, int type, unsigned long *nr_in,
		 struct reclaim_stat *pushed);

/* The area a name or a type number names, or NULL. */
struct swap_info_struct *swap_info_get(const struct machine *m, const char *name_or_type);
static inline struct swap_info_struct *swap_info(const struct machine *m, unsigned type)
{
	return type < MAX_SWAPFILES ? m->swap->info[type] : NULL;
}

/* True if e names a used slot of an existing area. */
bool swap_entry_valid(const struct machine *m, swp_entry_t e);

/*
 * get_swap_page(): a free slot from the highest-priority area with room
 * (equal priorities in turn), its swap_map byte set to SWAP_HAS_CACHE.
 * Returns the entry, or val 0 if swap is full or absent.
 */
swp_entry_t get_swap_page(struct machine *m);

/* The slot a page in the swap cache (PG_swapcache) belongs to. */
static inline swp_entry_t page_swap_entry(const struct machine *m, unsigned long pfn)
{
	return swp_entry_unpack(m->swap->page_entry[pfn]);
}

/* The references to a slot: swap_map count without SWAP_HAS_CACHE. */
unsigned swap_count(const struct machine *m, swp_entry_t e);
/* swap_duplicate(): one more reference (fork copied a swap PTE). */
void swap_duplicate(struct machine *m, swp_entry_t e);
/* swap_free(): one reference fewer; the slot is free when nothing is left. */
void swap_free(struct machine *m, swp_entry_t e);
/*
 * free_swap_and_cache(): a swap PTE goes away (munmap, exit).  Drops its
 * reference, and the swap-cache page too if nothing else needs it.
 */
void free_swap_and_cache(struct machine *m, swp_entry_t e);

/* Free and total usable slots of the areas in use (nr_swap_pages, total_swap_pages). */
long nr_swap_pages(const struct machine *m);
long total_swap_pages(const struct machine *m);
/* vm_swap_full(): more than half of swap is used. */
bool vm_swap_full(const struct machine *m);
/* NR_SWAPCACHE of a node. */
unsigned long swapcache_pages(const struct machine *m, int nid);

/* The slot's stored bytes (NULL: zeros), for the swap cache and the views. */
uint32_t swap_slot_data(const struct machine *m, swp_entry_t e);

/* ---- the swap cache (swap_state.c) ----------------------------------------------- */

/* The frame caching slot e, or -1. */
long lookup_swap_cache(const struct machine *m, swp_entry_t e);

/*
 * add_to_swap(): gives an anonymous page a slot and puts it in the swap
 * cache (PG_swapcache, page_swap_entry(), one reference held by the
 * cache) and marks it dirty, since the slot holds nothing yet.  Returns
 * 0, or -ENOSPC when no slot is free.
 */
int add_to_swap(struct machine *m, unsigned long pfn);

/*
 * delete_from_swap_cache(): the page leaves the swap cache and the
 * cache's reference is dropped (which may free the page).  The slot loses
 * SWAP_HAS_CACHE (and is free if no reference is left).
 */
void delete_from_swap_cache(struct machine *m, unsigned long pfn);

/*
 * folio_free_swap(): if no PTE refers to the slot any more, the page
 * leaves the swap cache and the slot is freed.  Returns true if it did.
 */
bool folio_free_swap(struct machine *m, unsigned long pfn);

/*
 * free_swap_cache(): called as the last mapping of a page goes (zap):
 * a swap-cache page nobody else needs leaves the cache.
 */
void free_swap_cache(struct machine *m, unsigned long pfn);

/*
 * swap_writepage(): writes the page to its slot (pswpout, pgpgout).  The
 * page's bytes move to the slot; the frame is about to be freed.
 */
void swap_writepage(struct machine *m, unsigned long pfn);

/*
 * swapin(): the page for entry e: from the swap cache (a minor fault) or
 * read from its slot into a new frame put in the swap cache (a major
 * fault: *major, pswpin, pgpgin).  take_data moves the slot's bytes into
 * the frame instead of copying them (the caller frees the slot at once).
 * The page gets one reference for the caller.  Returns the pfn or
 * -ENOMEM.
 */
long swapin(struct machine *m, swp_entry_t e, struct vm_area_struct *vma, unsigned long addr,
	    bool take_data, bool *major);

/* Between swapfile.c and swap_state.c: the slot's SWAP_HAS_CACHE, the cache itself. */
void swapcache_set(struct machine *m, swp_entry_t e);
void swapcache_clear(struct machine *m, swp_entry_t e);
/* Puts pfn in the swap cache for e (PG_swapcache, its entry, a reference). */
void add_to_swap_cache(struct machine *m, unsigned long pfn, swp_entry_t e);

/* ---- checks (check_swap.c) ---------------------------------------------------------- */

typedef void (*swap_report_fn)(void *ctx, const char *violation);

/*
 * The swap rules for the checker: every slot's count equals the swap PTEs
 * that name it; SWAP_HAS_CACHE is set exactly for the slots whose page is
 * in the swap cache, and that page points back at the slot; inuse_pages,
 * nr_swap_pages, NR_SWAPCACHE and each mm's MM_SWAPENTS agree with what
 * is found.
 */
void swap_check(struct machine *m, swap_report_fn report, void *ctx);

#endif
