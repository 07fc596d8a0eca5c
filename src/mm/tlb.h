/*
 * tlb.h - the translation lookaside buffer, one per CPU.
 *
 * `tlb=N` entries in sets of `tlb_ways=`; an address's set is its virtual
 * page number modulo the number of sets, and a full set gives up its least
 * recently used entry.  An entry remembers the translation and the
 * permission bits of the entry that mapped it (RW, US, NX, G, D), the page
 * size (4 KiB, or the large page of the direct map) and, with `pcid=on`,
 * the PCID of the address space it belongs to.
 *
 *   64 entries, 4 ways -> 16 sets:  0x0804a000 is vpn 0x804a, set 0xa
 *
 * What flushes what, as on x86:
 *   CR3 load, no PCID    every entry but the global (G) ones
 *   CR3 load, PCID       nothing: entries carry their PCID (a reused
 *                        PCID slot is flushed first); Linux keeps
 *                        TLB_NR_DYN_ASIDS (6) address spaces per CPU
 *   invlpg ADDR          that page (munmap, mprotect, CoW, page_mkclean)
 *   flush range          per page up to 33 pages, else the whole mm
 *   tlb flush            everything, global entries too (CR4.PGE toggle)
 */
#ifndef VMLAB_MM_TLB_H
#define VMLAB_MM_TLB_H

#include <stdbool.h>
#include <stdint.h>

struct machine;
struct mm_struct;

#define TLB_NR_DYN_ASIDS		6
#define TLB_SINGLE_PAGE_FLUSH_CEILING	33
#define TLB_FLUSH_ALL			(~0UL)

/* The TLB entry's copy of the permission bits. */
#define TLBF_RW		0x01
#define TLBF_US		0x02
#define TLBF_NX		0x04
#define TLBF_G		0x08
#define TLBF_D		0x10

/* include/linux/mm_types.h enum tlb_flush_reason */
enum tlb_flush_reason {
	TLB_FLUSH_ON_TASK_SWITCH,
	TLB_REMOTE_SHOOTDOWN,
	TLB_LOCAL_SHOOTDOWN,
	TLB_LOCAL_MM_SHOOTDOWN,
	TLB_REMOTE_SEND_IPI,
	NR_TLB_FLUSH_REASONS
};

struct tlb_entry {
	uint64_t vpn;			/* virtual address >> page shift */
	uint64_t pfn;			/* first frame of the page */
	uint32_t lru;			/* last use: larger is more recent */
	uint16_t pcid;
	uint8_t flags;			/* TLBF_* */
	uint8_t shift;			/* page size: 12, 21, 22 or 30; 0 = invalid */
};

struct tlb {
	int cpu;
	int nr_entries, ways, sets;
	uint64_t set_mask;		/* sets - 1 when sets is a power of two, else 0 */
	uint32_t large;			/* 1 << shift for each large page size an entry may map */
	struct tlb_entry *e;		/* [sets][ways] */
	uint32_t clock;
	bool pcid;			/* CR4.PCIDE */
	uint16_t cur_pcid;
	unsigned long cr3;		/* pfn of the loaded pgd */
	struct mm_struct *loaded_mm;
	uint32_t asid_mm[TLB_NR_DYN_ASIDS];	/* mm id per ASID (PCID = ASID + 1) */
	int next_asid;
	unsigned long hits, misses, flushes, invlpgs;
};

/* Machine config defaults and limits. */
#define TLB_DEFAULT_ENTRIES	64
#define TLB_DEFAULT_WAYS	4
#define TLB_MAX_ENTRIES		65536

struct machine_config;

/*
 * Checks tlb= and tlb_ways= of a configuration (0 = the default): 1 to
 * 65536 entries, ways dividing them.  Returns 0 or -EINVAL with the reason
 * in err (MM_ERR_LEN bytes).
 */
int tlb_config_check(const struct machine_config *cfg, char *err);

/* Allocates the CPUs' TLBs from m->cfg.  Returns 0 or -ENOMEM. */
int tlb_init(struct machine *m);
void tlb_destroy(struct machine *m);

/* The first entry of the set vpn falls in. */
static inline struct tlb_entry *tlb_set(const struct tlb *t, uint64_t vpn)
{
	uint64_t set = t->set_mask ? vpn & t->set_mask : vpn % (unsigned)t->sets;

	return &t->e[set * (unsigned)t->ways];
}

/* The entry mapping addr with a page of 1 << shift bytes, or NULL. */
static inline struct tlb_entry *tlb_probe(struct tlb *t, unsigned long addr, unsigned shift)
{
	uint64_t vpn = addr >> shift;
	struct tlb_entry *e = tlb_set(t, vpn), *end = e + t->ways;

	for (; e < end; e++)
		if (e->vpn == vpn && e->shift == shift && (e->pcid == t->cur_pcid || (e->flags & TLBF_G)))
			return e;
	return NULL;
}

/*
 * After a 4 KiB probe missed: looks addr up at the large page sizes some
 * entry may map (t->large), smallest first; NULL on a miss.  The caller
 * counts the hit once the entry's permissions allowed the access.
 */
struct tlb_entry *tlb_lookup_large(struct tlb *t, unsigned long addr);

/* Fills an entry after a successful walk (counts the miss). */
void tlb_fill(struct machine *m, struct tlb *t, unsigned long addr, unsigned shift,
	      unsigned long pfn, unsigned flags);

/* CR3 load on cpu: mm's pgd becomes current (mm NULL: init_mm). */
void tlb_switch_mm(struct machine *m, int cpu, struct mm_struct *mm);

/* Flushes every entry of cpu, global ones too. */
void tlb_flush_all(struct machine *m, int cpu);

/* flush_tlb_mm_range(): mm's entries for [start, end) on every CPU holding them. */
void flush_tlb_mm_range(struct machine *m, struct mm_struct *mm, unsigned long start,
			unsigned long end);
static inline void flush_tlb_page(struct machine *m, struct mm_struct *mm, unsigned long addr)
{
	flush_tlb_mm_range(m, mm, addr, addr + 4096);
}
/* flush_tlb_mm(): all of mm's entries. */
void flush_tlb_mm(struct machine *m, struct mm_struct *mm);
/* flush_tlb_kernel_range(): global/kernel entries for the range on every CPU. */
void flush_tlb_kernel_range(struct machine *m, unsigned long start, unsigned long end);
/* An mm is going away: its ASIDs are released on every CPU. */
void tlb_forget_mm(struct machine *m, struct mm_struct *mm);

/* The mm id an entry belongs to (0: kernel/global or unknown). */
uint32_t tlb_entry_mm(const struct tlb *t, const struct tlb_entry *e);

const char *tlb_flush_reason_name(unsigned long reason);

#endif
