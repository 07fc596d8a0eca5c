/*
 * highmem.h - reaching HighMem frames: kmap (the pkmap area) and
 * kmap_atomic (per-CPU fixmap slots), and the fixmap layout under them.
 *
 * On i386 the kernel maps only lowmem permanently (the direct map ends at
 * high_memory); a HighMem frame has no kernel address until it is mapped
 * somewhere.  The top of the address space, on a 1 GiB machine:
 *
 *   0xf8800000 .. 0xff7fe000   vmalloc                          (vmalloc.h)
 *   0xff800000 .. 0xffc00000   pkmap: LAST_PKMAP = 1024 slots of one page
 *                              (512 with PAE), PKMAP_BASE + nr * 4096
 *   0xfffaa000 .. 0xfffff000   fixmap: index i at FIXADDR_TOP - i * 4096,
 *                              FIX_KMAP_BEGIN + 16 * cpu + idx for each
 *                              CPU's kmap_atomic slots (KM_MAX_IDX 16)
 *
 * kmap(page) gives a HighMem page a pkmap slot and may sleep when all are
 * taken; kmap_atomic(page) uses the next slot of this CPU's stack and never
 * sleeps.  Both return page_address() for a lowmem page, and on x86_64,
 * which has no HighMem, always.
 *
 *   unsigned long addr = kmap(m, pfn);
 *   if (IS_ERR_VALUE(addr))
 *           return (int)addr;         -EBUSY: every slot in use ("would sleep")
 *   ...
 *   kunmap(m, pfn);
 */
#ifndef VMLAB_MM_HIGHMEM_H
#define VMLAB_MM_HIGHMEM_H

#include <stdbool.h>
#include <stdint.h>
#include "mmzone.h"

struct machine;

#define LAST_PKMAP_MAX		1024		/* LAST_PKMAP without PAE; 512 with */
#define KM_MAX_IDX		16		/* include/asm-generic/kmap_size.h, 5.11+ */
#define MAX_IO_APICS_32		64		/* arch/x86/include/asm/apicdef.h, 32-bit */

/*
 * The i386 fixmap indexes below the kmap slots (arch/x86/include/asm/
 * fixmap.h with X86_LOCAL_APIC and X86_IO_APIC); FIX_KMAP_END, FIX_PCIE_MCFG
 * and the end follow from the number of CPUs.
 */
enum fixed_addresses_32 {
	FIX_HOLE,
	FIX_DBGP_BASE,
	FIX_EARLYCON_MEM_BASE,
	FIX_APIC_BASE,
	FIX_IO_APIC_BASE_0,
	FIX_IO_APIC_BASE_END = FIX_IO_APIC_BASE_0 + MAX_IO_APICS_32 - 1,
	FIX_KMAP_BEGIN,
};

/* What a kmap event says about the slot (event.h KMAP: order). */
enum kmap_how { KMAP_LOWMEM, KMAP_MAPPED, KMAP_NEW_SLOT };

/* One CPU's kmap_atomic stack (the kernel's task kmap_ctrl, per CPU here). */
struct kmap_ctrl {
	int idx;				/* slots in use */
	uint32_t pfn[KM_MAX_IDX];
};

/* What the machine keeps for high memory (m->kmap). */
struct kmap_state {
	unsigned last_pkmap;			/* LAST_PKMAP, 0 without highmem */
	int pkmap_count[LAST_PKMAP_MAX];	/* 0 free, 1 mapped without users, n: n-1 users */
	uint32_t pkmap_page[LAST_PKMAP_MAX];	/* the frame in each slot, PFN_NONE */
	unsigned last_pkmap_nr;			/* where map_new_virtual() scanned last */
	unsigned long flushes;			/* flush_all_zero_pkmaps() runs */
	struct kmap_ctrl cpu[MAX_CPUS];
};

/* Boot: kmap_init().  Returns 0 or -ENOMEM.  kmap_release_all(): host memory. */
int kmap_init(struct machine *m);
void kmap_release_all(struct machine *m);

/* The layout, from the architecture and the number of CPUs (NR_CPUS). */
unsigned long fixaddr_top(const struct machine *m);
unsigned nr_fixmap(const struct machine *m);		/* __end_of_permanent_fixed_addresses */
unsigned long fixaddr_start(const struct machine *m);	/* FIXADDR_TOP - FIXADDR_SIZE */
static inline unsigned long fix_to_virt(const struct machine *m, unsigned idx)
{
	return fixaddr_top(m) - ((unsigned long)idx << 12);
}
unsigned last_pkmap(const struct machine *m);		/* 1024, 512 (PAE), 0 (x86_64) */
unsigned long pkmap_base(const struct machine *m);	/* PKMAP_BASE (i386 only) */
static inline unsigned long pkmap_addr(const struct machine *m, unsigned nr)
{
	return pkmap_base(m) + ((unsigned long)nr << 12);
}
/* The pkmap slot of addr, or -1. */
int pkmap_nr(const struct machine *m, unsigned long addr);
/* The fixmap index of a kmap_atomic slot address, or -1 if addr is none. */
int kmap_atomic_fix(const struct machine *m, unsigned long addr);

/* True if the frame is free: in a buddy block or on a per-CPU list. */
bool pfn_free(const struct machine *m, unsigned long pfn);
/* PageHighMem(): the frame has no direct-map address. */
bool pfn_highmem(const struct machine *m, unsigned long pfn);
/*
 * page_address(): the direct-map address of a lowmem frame, the pkmap
 * address of a kmapped HighMem frame, else 0.
 */
unsigned long page_address(const struct machine *m, unsigned long pfn);
/*
 * Who still maps a frame, for callers about to free it: kmap_users() gives
 * the users of its pkmap slot (0: no slot, or one without users, which a
 * flush may clear after the page is gone) and the slot's address in *addr;
 * kmap_atomic_cpu() gives the CPU whose kmap_atomic stack holds it (-1:
 * none) and the slot's address.  Both change nothing.
 */
int kmap_users(const struct machine *m, unsigned long pfn, unsigned long *addr);
int kmap_atomic_cpu(const struct machine *m, unsigned long pfn, unsigned long *addr);

/*
 * kmap(): a lowmem frame's direct-map address; a HighMem frame's pkmap
 * address, reusing its slot if it has one, else the next free slot after
 * last_pkmap_nr (flush_all_zero_pkmaps() on each wrap to slot 0).  Returns
 * the address, or -errno: -EINVAL (no such frame, a free frame), -EBUSY
 * (every slot has users: kmap_high() would sleep); nothing changed then.
 */
unsigned long kmap(struct machine *m, unsigned long pfn);
/*
 * kunmap(): drops one user of a kmapped HighMem frame (a no-op for lowmem).
 * The mapping stays until a wrap flushes it.  Returns 0, or -EINVAL (the
 * frame is not kmapped: kunmap_high() would BUG), nothing changed.
 */
int kunmap(struct machine *m, unsigned long pfn);
/*
 * kmap_atomic(): a HighMem frame into this CPU's next fixmap slot (lowmem:
 * page_address()).  Returns the address, or -EINVAL / -EBUSY (all
 * KM_MAX_IDX slots of this CPU in use), nothing changed.
 */
unsigned long kmap_atomic(struct machine *m, unsigned long pfn);
/*
 * kunmap_atomic(): unmaps this CPU's newest slot (a lowmem address: no-op)
 * and flushes that page from the local TLB.  Returns 0, or -EINVAL (not a
 * slot, another CPU's slot, not the newest one), nothing changed.
 */
int kunmap_atomic(struct machine *m, unsigned long addr);

/*
 * The checker's rule: each pkmap slot's count agrees with its PTE (0: none;
 * 1 or more: the slot's HighMem frame, not free), no frame in two slots;
 * each CPU's kmap_atomic slots below its depth map their frames and the
 * others are empty.
 */
typedef void (*kmap_report_fn)(void *ctx, const char *violation);
void kmap_check(struct machine *m, kmap_report_fn report, void *ctx);

#endif
