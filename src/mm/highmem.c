/*
 * highmem.c - kmap / kunmap through the pkmap area, kmap_atomic /
 * kunmap_atomic through the fixmap, and the layout both live in.
 *
 * pkmap_count[nr] says what slot nr is (mm/highmem.c):
 *
 *   0     free, and no stale TLB entry can point through it
 *   1     still mapped but nobody uses it: it cannot be taken until the next
 *         flush, because other CPUs may still cache the old translation
 *   n > 1 mapped with n - 1 users
 *
 * kmap of a HighMem frame first looks for the frame's slot (page_address())
 * and just counts one more user; else map_new_virtual() scans on from
 * last_pkmap_nr.  Each time the scan wraps to slot 0 it calls
 * flush_all_zero_pkmaps(): every count-1 slot becomes 0, its PTE is cleared,
 * and one TLB flush covers the whole pkmap area.  With 4 slots:
 *
 *   counts [2 1 1 2], last_pkmap_nr 3: the scan wraps to 0, the flush turns
 *   slots 1 and 2 into 0, slot 0 is busy, slot 1 is taken -> [2 2 0 2]
 *
 * last_pkmap_nr starts at 0, so the very first kmap takes slot 1 and slot 0
 * is first used after a wrap, as in Linux.
 *
 * If a full round finds no 0, kmap_high() sleeps until a kunmap; the model
 * cannot sleep and fails with "would sleep" before touching anything (a
 * round ends in failure exactly when every slot has users).
 *
 * kmap_atomic (5.11+: kmap_local) never sleeps: each CPU has KM_MAX_IDX
 * fixmap slots used as a stack.  Slot idx of cpu c is fixmap index
 * FIX_KMAP_BEGIN + idx + KM_MAX_IDX * c, at FIXADDR_TOP - index * 4096, so
 * a deeper slot sits one page lower.  kunmap_atomic pops the newest slot,
 * clears its PTE and flushes that page from this CPU's TLB only.
 *
 * The PTE tables of the pkmap area and the fixmap are built at boot by
 * Linux (permanent_kmaps_init, early_ioremap_page_table_range_init) from
 * memblock.  The model builds each from the same kind of reserved kernel
 * .bss frame the first time a slot in it is used, so that a machine that
 * never kmaps keeps the page tables boot made; like Linux's, these tables
 * are not counted in PageTables.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "highmem.h"
#include "check.h"
#include "machine.h"
#include "mm_types.h"
#include "page_alloc.h"
#include "pgtable.h"
#include "tlb.h"

#define MiB (1UL << 20)

/* ---- the layout ---------------------------------------------------------- */

unsigned long fixaddr_top(const struct machine *m)
{
	if (m->arch->is_64bit)		/* round_up(VSYSCALL_ADDR + PAGE_SIZE, PMD_SIZE) - PAGE_SIZE */
		return 0xffffffffff7ff000UL;
	return 0xfffff000UL;		/* __FIXADDR_TOP */
}

unsigned nr_fixmap(const struct machine *m)
{
	if (m->arch->is_64bit)	/* VSYSCALL_PAGE 511, DBGP, EARLYCON, APIC, 128 IO-APICs */
		return 511 + 4 + 128;
	return FIX_KMAP_BEGIN + KM_MAX_IDX * (unsigned)m->nr_cpus + 1;	/* + FIX_PCIE_MCFG */
}

unsigned long fixaddr_start(const struct machine *m)
{
	return fixaddr_top(m) - ((unsigned long)nr_fixmap(m) << PAGE_SHIFT);
}

unsigned last_pkmap(const struct machine *m)
{
	if (!m->arch->has_highmem)
		return 0;
	return m->arch->levels == 3 ? 512 : 1024;
}

/* (FIXADDR_START - PAGE_SIZE * (LAST_PKMAP + 1)) & PMD_MASK */
unsigned long pkmap_base(const struct machine *m)
{
	unsigned long pmd = m->arch->levels == 3 ? 2 * MiB : 4 * MiB;

	return (fixaddr_start(m) - PAGE_SIZE * (last_pkmap(m) + 1)) & ~(pmd - 1);
}

int pkmap_nr(const struct machine *m, unsigned long addr)
{
	unsigned long base = pkmap_base(m);

	if (!last_pkmap(m) || addr < base || addr >= pkmap_addr(m, last_pkmap(m)))
		return -1;
	return (int)((addr - base) >> PAGE_SHIFT);
}

static unsigned fix_kmap_end(const struct machine *m)
{
	return FIX_KMAP_BEGIN + KM_MAX_IDX * (unsigned)m->nr_cpus - 1;
}

int kmap_atomic_fix(const struct machine *m, unsigned long addr)
{
	unsigned long idx;

	if (!m->arch->has_highmem || addr > fixaddr_top(m) + PAGE_SIZE - 1 ||
	    addr < fix_to_virt(m, fix_kmap_end(m)))
		return -1;
	idx = (fixaddr_top(m) - (addr & PAGE_MASK)) >> PAGE_SHIFT;
	return idx >= FIX_KMAP_BEGIN ? (int)idx : -1;
}

bool pfn_highmem(const struct machine *m, unsigned long pfn)
{
	return !pfn_direct_mapped(m, pfn);
}

int kmap_init(struct machine *m)
{
	m->kmap = calloc(1, sizeof(*m->kmap));
	if (!m->kmap)
		return -ENOMEM;
	m->kmap->last_pkmap = last_pkmap(m);
	for (unsigned i = 0; i < LAST_PKMAP_MAX; i++)
		m->kmap->pkmap_page[i] = PFN_NONE;
	m->kmap->last_pkmap_nr = 0;	/* a static 0 in Linux: the first kmap gets slot 1 */
	return 0;
}

void kmap_release_all(struct machine *m)
{
	free(m->kmap);
	m->kmap = NULL;
}

/* ---- the PTE tables of the pkmap area and the fixmap --------------------- */

/* A kernel .bss frame nothing uses yet: below the zero page, which boot took last. */
static unsigned long bss_frame(struct machine *m)
{
	for (unsigned long pfn = m->zero_pfn - 1; pfn >= KERNEL_START_PFN; pfn--) {
		const struct page *p = pfn_to_page(m, pfn);

		if (PageFlag(p, PG_reserved) && !PageFlag(p, PG_pgtable) && !PageFlag(p, PG_zero) &&
		    !page_data(m, pfn))
			return pfn;
	}
	MM_BUG_ON(1, m, m->zero_pfn);
	return 0;
}

/* Makes the PTE table that maps addr in swapper_pg_dir, as boot would have. */
static void install_boot_pte_table(struct machine *m, unsigned long addr)
{
	const struct arch_profile *a = m->arch;
	enum pt_level lv[NR_PT_LEVELS];
	int n = pt_hw_levels(a, lv);
	unsigned long table = m->init_mm->pgd, pfn;
	unsigned ix;
	pteval_t e;

	for (int i = 0; i < n - 2; i++) {
		e = pt_get(m, table, pt_index(a, lv[i], addr));
		MM_BUG_ON(!pte_present(e), m, table);
		table = pte_pfn(e);
	}
	ix = pt_index(a, lv[n - 2], addr);
	pfn = bss_frame(m);
	SetPageFlag(pfn_to_page(m, pfn), PG_pgtable);
	pfn_to_page(m, pfn)->index = PT_PTE;
	MM_BUG_ON(!page_data_get(m, pfn), m, pfn);
	e = pfn_pte(pfn, _KERNPG_TABLE);
	pt_set(m, table, ix, e);
	if (n == 2)			/* a pgd entry: every process's pgd gets it */
		for (struct mm_struct *mm = m->init_mm->pgd_next; mm; mm = mm->pgd_next)
			pt_set(m, mm->pgd, ix, e);
}

/* The PTE table for a pkmap or fixmap address (made on first use), and the index. */
static unsigned long kmap_pte_table(struct machine *m, unsigned long addr, unsigned *idx)
{
	long t = pte_lookup(m, m->init_mm, addr, idx);

	if (t == -ENOENT) {
		install_boot_pte_table(m, addr);
		t = pte_lookup(m, m->init_mm, addr, idx);
	}
	MM_BUG_ON(t < 0, m, 0);
	return (unsigned long)t;
}

static void set_kmap_pte(struct machine *m, unsigned long addr, unsigned long pfn)
{
	unsigned idx;
	unsigned long table = kmap_pte_table(m, addr, &idx);
	pteval_t e = pfn_pte(pfn, page_kernel(m));	/* kmap_prot */

	MM_BUG_ON(!pte_none(pt_get(m, table, idx)), m, pfn);
	pt_set(m, table, idx, e);
	event_emit(m, .type = EV_SET_PTE, .val = addr, .pfn = pfn, .val2 = table, .val3 = e,
		   .order = idx);
}

static void clear_kmap_pte(struct machine *m, unsigned long addr)
{
	unsigned idx;
	long table = pte_lookup(m, m->init_mm, addr, &idx);

	MM_BUG_ON(table < 0, m, 0);
	pt_set(m, (unsigned long)table, idx, 0);
}

/* The PTE of a kernel address, 0 when no table maps it. */
static pteval_t kernel_pte(const struct machine *m, unsigned long addr)
{
	unsigned idx;
	long table = pte_lookup(m, m->init_mm, addr, &idx);

	return table < 0 ? 0 : pt_get(m, (unsigned long)table, idx);
}

/* ---- kmap / kunmap ------------------------------------------------------- */

bool pfn_free(const struct machine *m, unsigned long pfn)
{
	if (PageFlag(&m->mem_map[pfn], PG_pcp))
		return true;
	for (unsigned order = 0; order <= MAX_PAGE_ORDER; order++) {
		const struct page *p = &m->mem_map[pfn & ~((1UL << order) - 1)];

		if (PageFlag(p, PG_buddy) && p->private >= order)
			return true;
	}
	return false;
}

static int check_frame(struct machine *m, unsigned long pfn, const char *who)
{
	const char *owner;

	if (!pfn_valid(m, pfn))
		return mm_err(m, -EINVAL, "pfn 0x%lx is beyond the end of memory (max_pfn 0x%lx)",
			      pfn, m->max_pfn);
	if (!PageFlag(pfn_to_page(m, pfn), PG_reserved) && pfn_free(m, pfn))
		return mm_err(m, -EINVAL, "pfn 0x%lx is free: %s maps pages their owner has "
			      "(alloc_pages one first)", pfn, who);
	if ((owner = page_owner(m, pfn)))	/* its owner could free it while mapped */
		return mm_err(m, -EBUSY, "pfn 0x%lx is %s: %s maps pages from alloc_pages that "
			      "nothing else holds", pfn, owner, who);
	return 0;
}

/* The slot a HighMem frame occupies, or -1 (the page_address_htable lookup). */
static int pkmap_slot_of(const struct machine *m, unsigned long pfn)
{
	const struct kmap_state *ks = m->kmap;

	for (unsigned nr = 0; nr < ks->last_pkmap; nr++)
		if (ks->pkmap_count[nr] && ks->pkmap_page[nr] == pfn)
			return (int)nr;
	return -1;
}

unsigned long page_address(const struct machine *m, unsigned long pfn)
{
	int nr;

	if (!pfn_highmem(m, pfn))
		return pfn_to_virt(m, pfn);
	nr = pkmap_slot_of(m, pfn);
	return nr < 0 ? 0 : pkmap_addr(m, (unsigned)nr);
}

int kmap_users(const struct machine *m, unsigned long pfn, unsigned long *addr)
{
	int nr = pkmap_slot_of(m, pfn);

	if (nr < 0)
		return 0;
	*addr = pkmap_addr(m, (unsigned)nr);
	return m->kmap->pkmap_count[nr] - 1;
}

/* flush_all_zero_pkmaps(): count-1 slots become free; one TLB flush for the area. */
static void flush_all_zero_pkmaps(struct machine *m)
{
	struct kmap_state *ks = m->kmap;
	unsigned long freed = 0;

	for (unsigned nr = 0; nr < ks->last_pkmap; nr++) {
		if (ks->pkmap_count[nr] != 1)
			continue;
		ks->pkmap_count[nr] = 0;
		clear_kmap_pte(m, pkmap_addr(m, nr));
		ks->pkmap_page[nr] = PFN_NONE;
		freed++;
	}
	ks->flushes++;
	event_emit(m, .type = EV_KMAP_FLUSH, .val = freed);
	if (freed)
		flush_tlb_kernel_range(m, pkmap_addr(m, 0), pkmap_addr(m, ks->last_pkmap));
}

/* map_new_virtual(): the next free slot after last_pkmap_nr gets the frame. */
static unsigned map_new_virtual(struct machine *m, unsigned long pfn)
{
	struct kmap_state *ks = m->kmap;
	unsigned mask = ks->last_pkmap - 1, count = ks->last_pkmap, from, scanned = 0;

	from = (ks->last_pkmap_nr + 1) & mask;
	for (;;) {
		ks->last_pkmap_nr = (ks->last_pkmap_nr + 1) & mask;
		scanned++;
		if (!ks->last_pkmap_nr) {
			flush_all_zero_pkmaps(m);
			count = ks->last_pkmap;
		}
		if (!ks->pkmap_count[ks->last_pkmap_nr])
			break;
		MM_BUG_ON(--count == 0, m, pfn);	/* kmap() checked that one is free */
	}
	event_emit(m, .type = EV_KMAP_NEW, .pfn = pfn, .val = ks->last_pkmap_nr, .val2 = scanned,
		   .val3 = from);
	set_kmap_pte(m, pkmap_addr(m, ks->last_pkmap_nr), pfn);
	ks->pkmap_count[ks->last_pkmap_nr] = 1;
	ks->pkmap_page[ks->last_pkmap_nr] = (uint32_t)pfn;
	return ks->last_pkmap_nr;
}

/* A scan would find a slot iff some slot has no users (count 0, or 1 until a flush). */
static bool pkmap_slot_available(const struct kmap_state *ks)
{
	for (unsigned nr = 0; nr < ks->last_pkmap; nr++)
		if (ks->pkmap_count[nr] <= 1)
			return true;
	return false;
}

unsigned long kmap(struct machine *m, unsigned long pfn)
{
	struct kmap_state *ks = m->kmap;
	enum kmap_how how = KMAP_MAPPED;
	int err = check_frame(m, pfn, "kmap"), nr;

	if (err)
		return (unsigned long)err;
	if (!pfn_highmem(m, pfn)) {
		event_emit(m, .type = EV_KMAP, .pfn = pfn, .val = pfn_to_virt(m, pfn),
			   .order = KMAP_LOWMEM);
		return pfn_to_virt(m, pfn);
	}
	nr = pkmap_slot_of(m, pfn);
	if (nr < 0) {
		if (!pkmap_slot_available(ks))
			return (unsigned long)mm_err(m, -EBUSY, "all %u pkmap slots have users: "
						     "kmap_high() would sleep on pkmap_map_wait "
						     "until a kunmap frees one", ks->last_pkmap);
		nr = (int)map_new_virtual(m, pfn);
		how = KMAP_NEW_SLOT;
	}
	ks->pkmap_count[nr]++;
	event_emit(m, .type = EV_KMAP, .pfn = pfn, .val = pkmap_addr(m, (unsigned)nr),
		   .val2 = (unsigned long)nr, .val3 = (unsigned long)ks->pkmap_count[nr], .order = how);
	return pkmap_addr(m, (unsigned)nr);
}

int kunmap(struct machine *m, unsigned long pfn)
{
	struct kmap_state *ks = m->kmap;
	int nr;

	if (!pfn_valid(m, pfn))
		return mm_err(m, -EINVAL, "pfn 0x%lx is beyond the end of memory (max_pfn 0x%lx)",
			      pfn, m->max_pfn);
	if (!pfn_highmem(m, pfn)) {
		event_emit(m, .type = EV_KUNMAP, .pfn = pfn, .val = pfn_to_virt(m, pfn), .ok = false);
		return 0;
	}
	nr = pkmap_slot_of(m, pfn);
	if (nr < 0 || ks->pkmap_count[nr] < 2)
		return mm_err(m, -EINVAL, "pfn 0x%lx is not kmapped%s: kunmap_high() would BUG()",
			      pfn, nr < 0 ? "" : " (its slot has no users left)");
	ks->pkmap_count[nr]--;
	event_emit(m, .type = EV_KUNMAP, .pfn = pfn, .val = pkmap_addr(m, (unsigned)nr),
		   .val2 = (unsigned long)nr, .val3 = (unsigned long)ks->pkmap_count[nr], .ok = true);
	return 0;
}

/* ---- kmap_atomic / kunmap_atomic ---------------------------------------- */

static unsigned kmap_fix_index(int cpu, int idx)
{
	return FIX_KMAP_BEGIN + (unsigned)idx + KM_MAX_IDX * (unsigned)cpu;
}

/* flush_tlb_one_kernel(): invlpg of one kernel page on this CPU only. */
static void local_flush_tlb_one_kernel(struct machine *m, unsigned long addr)
{
	struct tlb *t = &m->tlb[m->cpu];
	struct tlb_entry *e = tlb_probe(t, addr, PAGE_SHIFT);

	if (e)
		e->shift = 0;
	t->invlpgs++;
	event_emit(m, .type = EV_TLB_FLUSH, .cpu = m->cpu, .val = 1, .val2 = TLB_LOCAL_SHOOTDOWN);
}

unsigned long kmap_atomic(struct machine *m, unsigned long pfn)
{
	struct kmap_ctrl *c = &m->kmap->cpu[m->cpu];
	int err = check_frame(m, pfn, "kmap_atomic");
	unsigned fix;
	unsigned long vaddr;

	if (err)
		return (unsigned long)err;
	if (!pfn_highmem(m, pfn)) {
		event_emit(m, .type = EV_KMAP_ATOMIC, .cpu = m->cpu, .pfn = pfn,
			   .val = pfn_to_virt(m, pfn), .ok = false);
		return pfn_to_virt(m, pfn);
	}
	if (c->idx >= KM_MAX_IDX)
		return (unsigned long)mm_err(m, -EBUSY, "cpu %d already holds %d kmap_atomic "
					     "mappings (KM_MAX_IDX): one more is a BUG_ON in "
					     "kmap_local_idx_push(); kunmap_atomic one first",
					     m->cpu, KM_MAX_IDX);
	fix = kmap_fix_index(m->cpu, c->idx);
	vaddr = fix_to_virt(m, fix);
	event_emit(m, .type = EV_KMAP_ATOMIC, .cpu = m->cpu, .pfn = pfn, .val = vaddr,
		   .val2 = (unsigned long)c->idx, .val3 = fix, .ok = true);
	set_kmap_pte(m, vaddr, pfn);
	c->pfn[c->idx++] = (uint32_t)pfn;
	return vaddr;
}

static int kunmap_atomic_check(struct machine *m, unsigned long addr, int fix)
{
	const struct kmap_ctrl *c = &m->kmap->cpu[m->cpu];
	int w = m->arch->addr_digits;
	int cpu = (fix - FIX_KMAP_BEGIN) / KM_MAX_IDX, idx = (fix - FIX_KMAP_BEGIN) % KM_MAX_IDX;

	if (cpu != m->cpu)
		return mm_err(m, -EINVAL, "0x%0*lx is a kmap_atomic slot of cpu %d, not of cpu %d "
			      "where this runs", w, addr, cpu, m->cpu);
	if (idx >= c->idx)
		return mm_err(m, -EINVAL, "0x%0*lx (cpu %d slot %d) is not mapped: cpu %d holds %d "
			      "kmap_atomic mapping%s", w, addr, cpu, idx, cpu, c->idx,
			      c->idx == 1 ? "" : "s");
	if (idx != c->idx - 1)
		return mm_err(m, -EINVAL, "0x%0*lx is cpu %d's slot %d, but its newest is slot %d at "
			      "0x%0*lx: kmap_atomic mappings are a stack, unmap in reverse order", w,
			      addr, cpu, idx, c->idx - 1, w,
			      fix_to_virt(m, kmap_fix_index(cpu, c->idx - 1)));
	return 0;
}

int kunmap_atomic(struct machine *m, unsigned long addr)
{
	struct kmap_ctrl *c = &m->kmap->cpu[m->cpu];
	int fix = kmap_atomic_fix(m, addr), err;

	if (fix < 0) {
		if (virt_to_pfn(m, addr) >= 0) {	/* a lowmem page: nothing was mapped */
			event_emit(m, .type = EV_KUNMAP_ATOMIC, .cpu = m->cpu, .val = addr,
				   .pfn = (unsigned long)virt_to_pfn(m, addr), .ok = false);
			return 0;
		}
		return mm_err(m, -EINVAL, "0x%0*lx is neither a kmap_atomic slot nor a direct-map "
			      "address", m->arch->addr_digits, addr);
	}
	err = kunmap_atomic_check(m, addr, fix);
	if (err)
		return err;
	c->idx--;
	event_emit(m, .type = EV_KUNMAP_ATOMIC, .cpu = m->cpu, .val = addr & PAGE_MASK,
		   .pfn = c->pfn[c->idx], .val2 = (unsigned long)c->idx, .val3 = (unsigned long)fix,
		   .ok = true);
	clear_kmap_pte(m, addr & PAGE_MASK);
	c->pfn[c->idx] = PFN_NONE;
	local_flush_tlb_one_kernel(m, addr & PAGE_MASK);
	return 0;
}

int kmap_atomic_cpu(const struct machine *m, unsigned long pfn, unsigned long *addr)
{
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		const struct kmap_ctrl *c = &m->kmap->cpu[cpu];

		for (int i = 0; i < c->idx; i++)
			if (c->pfn[i] == pfn) {
				*addr = fix_to_virt(m, kmap_fix_index(cpu, i));
				return cpu;
			}
	}
	return -1;
}

/* ---- the checker --------------------------------------------------------- */

struct kcheck {
	struct machine *m;
	kmap_report_fn report;
	void *ctx;
};

/* One violation, reported through the checker's callback (check.h). */
#define kbad(c, ...) check_violation((c)->report, (c)->ctx, __VA_ARGS__)

/*
 * A frame a slot maps: HighMem, the PTE pointing at it, and allocated while
 * the slot has users.  A pkmap slot with count 1 (no users, mapped since
 * the last flush) may outlive its page, as in Linux: the page can be freed
 * after kunmap, and the stale mapping lasts until flush_all_zero_pkmaps().
 */
static void check_mapped(struct kcheck *c, const char *what, unsigned long addr, uint32_t pfn,
			 bool in_use)
{
	pteval_t e = kernel_pte(c->m, addr);
	const struct page *p;

	if (pfn == PFN_NONE || !pfn_valid(c->m, pfn) || !pte_present(e) || pte_pfn(e) != pfn) {
		kbad(c, "%s at 0x%lx should map pfn 0x%x; its PTE is 0x%llx", what, addr, pfn,
		     (unsigned long long)e);
		return;
	}
	p = pfn_to_page(c->m, pfn);
	if (!pfn_highmem(c->m, pfn) || (in_use && !PageFlag(p, PG_reserved) && pfn_free(c->m, pfn)))
		kbad(c, "%s at 0x%lx maps pfn 0x%x, which is not an allocated HighMem page", what,
		     addr, pfn);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* No frame sits in two pkmap slots. */
static void check_pkmap_unique(struct kcheck *c)
{
	const struct kmap_state *ks = c->m->kmap;
	uint32_t pfns[LAST_PKMAP_MAX];
	unsigned n = 0;

	for (unsigned nr = 0; nr < ks->last_pkmap; nr++)
		if (ks->pkmap_count[nr] > 0)
			pfns[n++] = ks->pkmap_page[nr];
	qsort(pfns, n, sizeof(pfns[0]), cmp_u32);
	for (unsigned i = 1; i < n; i++)
		if (pfns[i] == pfns[i - 1])
			kbad(c, "kmap: pfn 0x%x is in two pkmap slots", pfns[i]);
}

static void check_pkmap(struct kcheck *c)
{
	const struct kmap_state *ks = c->m->kmap;

	if (ks->last_pkmap && ks->last_pkmap_nr >= ks->last_pkmap)
		kbad(c, "kmap: last_pkmap_nr %u is beyond LAST_PKMAP %u", ks->last_pkmap_nr,
		     ks->last_pkmap);
	for (unsigned nr = 0; nr < ks->last_pkmap; nr++) {
		unsigned long addr = pkmap_addr(c->m, nr);

		if (ks->pkmap_count[nr] < 0)
			kbad(c, "kmap: pkmap_count[%u] is %d", nr, ks->pkmap_count[nr]);
		else if (ks->pkmap_count[nr] == 0 && (!pte_none(kernel_pte(c->m, addr)) ||
						      ks->pkmap_page[nr] != PFN_NONE))
			kbad(c, "kmap: pkmap slot %u is free (count 0) but still maps something", nr);
		else if (ks->pkmap_count[nr] > 0)
			check_mapped(c, "kmap: pkmap slot", addr, ks->pkmap_page[nr],
				     ks->pkmap_count[nr] > 1);
	}
	check_pkmap_unique(c);
}

static void check_kmap_atomic(struct kcheck *c)
{
	if (!c->m->arch->has_highmem)
		return;
	for (int cpu = 0; cpu < c->m->nr_cpus; cpu++) {
		const struct kmap_ctrl *k = &c->m->kmap->cpu[cpu];

		if (k->idx < 0 || k->idx > KM_MAX_IDX) {
			kbad(c, "kmap_atomic: cpu %d holds %d slots", cpu, k->idx);
			continue;
		}
		for (int i = 0; i < KM_MAX_IDX; i++) {
			unsigned long addr = fix_to_virt(c->m, kmap_fix_index(cpu, i));

			if (i < k->idx)
				check_mapped(c, "kmap_atomic: slot", addr, k->pfn[i], true);
			else if (!pte_none(kernel_pte(c->m, addr)))
				kbad(c, "kmap_atomic: cpu %d slot %d (0x%lx) is mapped but not in use",
				     cpu, i, addr);
		}
	}
}

void kmap_check(struct machine *m, kmap_report_fn report, void *ctx)
{
	struct kcheck c = { .m = m, .report = report, .ctx = ctx };

	if (!m->kmap)
		return;
	check_pkmap(&c);
	check_kmap_atomic(&c);
}
