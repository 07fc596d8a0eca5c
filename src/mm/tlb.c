/*
 * tlb.c - per-CPU TLBs: lookup, fill with LRU replacement in a set,
 * CR3 loads with and without PCID, invlpg and range flushes.
 *
 * A 4-way set after touching pages A B C D E of one set (LRU stamps in
 * brackets):  [A 1] [B 2] [C 3] [D 4] -> E evicts A -> [E 5] [B 2] [C 3] [D 4].
 *
 * With PCID the CPU keeps entries of several address spaces at once: each
 * CPU hands its TLB_NR_DYN_ASIDS slots to the mms it runs, round robin,
 * like choose_new_asid(); CR3 then carries PCID = slot + 1, and a switch
 * back to an mm that still has its slot flushes nothing.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "machine.h"
#include "mm_types.h"
#include "tlb.h"

int tlb_config_check(const struct machine_config *cfg, char *err)
{
	int entries = cfg->tlb_entries ? cfg->tlb_entries : TLB_DEFAULT_ENTRIES;
	int ways = cfg->tlb_ways ? cfg->tlb_ways : TLB_DEFAULT_WAYS;

	if (entries < 1 || entries > TLB_MAX_ENTRIES) {
		snprintf(err, MM_ERR_LEN, "tlb=%d is out of range (1..%d)", entries, TLB_MAX_ENTRIES);
		return -EINVAL;
	}
	if (ways < 1 || ways > entries || entries % ways) {
		snprintf(err, MM_ERR_LEN, "tlb_ways=%d must divide tlb=%d", ways, entries);
		return -EINVAL;
	}
	if (cfg->pcid && cfg->arch && !cfg->arch->is_64bit) {
		snprintf(err, MM_ERR_LEN, "pcid=on: PCIDs exist only in 64-bit mode (x86_64, "
			 "x86_64-la57), not on %s", cfg->arch->name);
		return -EINVAL;
	}
	return 0;
}

int tlb_init(struct machine *m)
{
	int entries = m->cfg.tlb_entries ? m->cfg.tlb_entries : TLB_DEFAULT_ENTRIES;
	int ways = m->cfg.tlb_ways ? m->cfg.tlb_ways : TLB_DEFAULT_WAYS;

	m->tlb = calloc((size_t)m->nr_cpus, sizeof(*m->tlb));
	if (!m->tlb)
		return -ENOMEM;
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		struct tlb *t = &m->tlb[cpu];

		t->cpu = cpu;
		t->nr_entries = entries;
		t->ways = ways;
		t->sets = entries / ways;
		t->set_mask = (t->sets & (t->sets - 1)) ? 0 : (uint64_t)t->sets - 1;
		t->pcid = m->cfg.pcid;
		t->e = calloc((size_t)entries, sizeof(*t->e));
		if (!t->e)
			return -ENOMEM;
	}
	return 0;
}

void tlb_destroy(struct machine *m)
{
	if (!m->tlb)
		return;
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		free(m->tlb[cpu].e);
	free(m->tlb);
	m->tlb = NULL;
}

struct tlb_entry *tlb_lookup_large(struct tlb *t, unsigned long addr)
{
	for (uint32_t sizes = t->large; sizes; sizes &= sizes - 1) {
		struct tlb_entry *e = tlb_probe(t, addr, (unsigned)__builtin_ctz(sizes));

		if (e) {
			e->lru = ++t->clock;
			return e;
		}
	}
	return NULL;
}

void tlb_fill(struct machine *m, struct tlb *t, unsigned long addr, unsigned shift,
	      unsigned long pfn, unsigned flags)
{
	uint64_t vpn = addr >> shift;
	struct tlb_entry *set = tlb_set(t, vpn), *end = set + t->ways;
	struct tlb_entry *victim = set;

	t->misses++;
	for (struct tlb_entry *e = set; e < end; e++) {
		if (e->vpn == vpn && e->shift == shift &&
		    (e->pcid == t->cur_pcid || (e->flags & TLBF_G))) {
			victim = e;		/* refresh an entry the walk superseded */
			break;
		}
		if (!victim->shift)
			continue;		/* the first free entry is taken, unless one matches */
		if (!e->shift || e->lru < victim->lru)
			victim = e;
	}
	victim->vpn = vpn;
	victim->pfn = pfn;
	victim->shift = (uint8_t)shift;
	victim->flags = (uint8_t)flags;
	victim->pcid = (flags & TLBF_G) ? 0 : t->cur_pcid;
	victim->lru = ++t->clock;
	t->large |= shift != PAGE_SHIFT ? 1u << shift : 0;
	event_emit(m, .type = EV_TLB_MISS, .cpu = t->cpu, .val = addr, .pfn = pfn, .ok = true);
}

static void emit_flush(struct machine *m, int cpu, unsigned long pages, enum tlb_flush_reason r)
{
	event_emit(m, .type = EV_TLB_FLUSH, .cpu = cpu, .val = pages, .val2 = r);
}

/* Drops entries matching pcid (or every non-global one when pcid < 0). */
static void flush_pcid(struct tlb *t, int pcid, bool globals)
{
	uint32_t large = 0;

	for (int i = 0; i < t->nr_entries; i++) {
		struct tlb_entry *e = &t->e[i];

		large |= e->shift > PAGE_SHIFT ? 1u << e->shift : 0;

		if (!e->shift)
			continue;
		if (e->flags & TLBF_G) {
			if (globals)
				e->shift = 0;
		} else if (pcid < 0 || e->pcid == pcid) {
			e->shift = 0;
		}
	}
	t->large = globals ? 0 : large;
	t->flushes++;
}

void tlb_flush_all(struct machine *m, int cpu)
{
	flush_pcid(&m->tlb[cpu], -1, true);
	emit_flush(m, cpu, TLB_FLUSH_ALL, TLB_LOCAL_SHOOTDOWN);
}

/* choose_new_asid(): the mm's slot if it has one, else the next one (flushed). */
static uint16_t choose_pcid(struct tlb *t, const struct mm_struct *mm, bool *flush)
{
	for (int i = 0; i < TLB_NR_DYN_ASIDS; i++)
		if (t->asid_mm[i] == mm->id) {
			*flush = false;
			return (uint16_t)(i + 1);
		}
	int slot = t->next_asid;

	t->next_asid = (t->next_asid + 1) % TLB_NR_DYN_ASIDS;
	t->asid_mm[slot] = mm->id;
	*flush = true;
	return (uint16_t)(slot + 1);
}

void tlb_switch_mm(struct machine *m, int cpu, struct mm_struct *mm)
{
	struct tlb *t = &m->tlb[cpu];
	struct mm_struct *next = mm ? mm : m->init_mm;
	bool flush = true;

	if (t->loaded_mm == next && t->cr3 == next->pgd)
		return;
	t->loaded_mm = next;
	t->cr3 = next->pgd;
	if (!t->pcid) {
		flush_pcid(t, -1, false);
		emit_flush(m, cpu, TLB_FLUSH_ALL, TLB_FLUSH_ON_TASK_SWITCH);
		return;
	}
	if (next == m->init_mm) {
		t->cur_pcid = 0;
		return;
	}
	t->cur_pcid = choose_pcid(t, next, &flush);
	if (flush) {
		flush_pcid(t, t->cur_pcid, false);
		emit_flush(m, cpu, TLB_FLUSH_ALL, TLB_FLUSH_ON_TASK_SWITCH);
	}
}

/* The PCID mm's entries carry on this CPU, or -1 if it has none here. */
static int mm_pcid_on(const struct tlb *t, const struct mm_struct *mm)
{
	if (!t->pcid)
		return t->loaded_mm == mm ? 0 : -1;
	if (t->loaded_mm == mm)
		return t->cur_pcid;
	for (int i = 0; i < TLB_NR_DYN_ASIDS; i++)
		if (t->asid_mm[i] == mm->id)
			return i + 1;
	return -1;
}

static void invlpg(struct tlb *t, unsigned long addr, int pcid)
{
	static const unsigned shifts[] = { 12, 21, 22, 30 };

	for (size_t i = 0; i < sizeof(shifts) / sizeof(shifts[0]); i++) {
		uint64_t vpn = addr >> shifts[i];
		struct tlb_entry *set = tlb_set(t, vpn);

		for (int w = 0; w < t->ways; w++)
			if (set[w].shift == shifts[i] && set[w].vpn == vpn &&
			    (pcid < 0 ? (set[w].flags & TLBF_G) : set[w].pcid == pcid ||
			     (set[w].flags & TLBF_G)))
				set[w].shift = 0;
	}
	t->invlpgs++;
}

void flush_tlb_mm_range(struct machine *m, struct mm_struct *mm, unsigned long start,
			unsigned long end)
{
	unsigned long pages = (end - start + 4095) >> 12;

	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		struct tlb *t = &m->tlb[cpu];
		int pcid = mm_pcid_on(t, mm);
		enum tlb_flush_reason r = cpu == m->cpu ? TLB_LOCAL_MM_SHOOTDOWN :
					  TLB_REMOTE_SHOOTDOWN;

		if (pcid < 0)
			continue;
		if (pages > TLB_SINGLE_PAGE_FLUSH_CEILING) {
			flush_pcid(t, pcid, false);
			emit_flush(m, cpu, TLB_FLUSH_ALL, r);
			continue;
		}
		for (unsigned long a = start & ~4095UL; a < end; a += 4096)
			invlpg(t, a, pcid);
		emit_flush(m, cpu, pages, r);
	}
}

void flush_tlb_mm(struct machine *m, struct mm_struct *mm)
{
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		struct tlb *t = &m->tlb[cpu];
		int pcid = mm_pcid_on(t, mm);

		if (pcid < 0)
			continue;
		flush_pcid(t, pcid, false);
		emit_flush(m, cpu, TLB_FLUSH_ALL, cpu == m->cpu ? TLB_LOCAL_MM_SHOOTDOWN :
			   TLB_REMOTE_SHOOTDOWN);
	}
}

void flush_tlb_kernel_range(struct machine *m, unsigned long start, unsigned long end)
{
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		struct tlb *t = &m->tlb[cpu];

		for (unsigned long a = start & ~4095UL; a < end; a += 4096)
			invlpg(t, a, -1);
		emit_flush(m, cpu, (end - start + 4095) >> 12,
			   cpu == m->cpu ? TLB_LOCAL_SHOOTDOWN : TLB_REMOTE_SHOOTDOWN);
	}
}

void tlb_forget_mm(struct machine *m, struct mm_struct *mm)
{
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		struct tlb *t = &m->tlb[cpu];
		int pcid = mm_pcid_on(t, mm);

		if (pcid >= 0)
			flush_pcid(t, pcid, false);
		for (int i = 0; i < TLB_NR_DYN_ASIDS; i++)
			if (t->asid_mm[i] == mm->id)
				t->asid_mm[i] = 0;
		if (t->loaded_mm == mm)
			tlb_switch_mm(m, cpu, NULL);
	}
}

uint32_t tlb_entry_mm(const struct tlb *t, const struct tlb_entry *e)
{
	if (e->flags & TLBF_G)
		return 0;
	if (!t->pcid)
		return t->loaded_mm ? t->loaded_mm->id : 0;
	if (e->pcid == 0 || e->pcid > TLB_NR_DYN_ASIDS)
		return 0;
	return t->asid_mm[e->pcid - 1];
}

const char *tlb_flush_reason_name(unsigned long reason)
{
	static const char *const names[NR_TLB_FLUSH_REASONS] = {
		"flush on task switch", "remote shootdown", "local shootdown",
		"local mm shootdown", "remote ipi send",
	};

	return reason < NR_TLB_FLUSH_REASONS ? names[reason] : "?";
}
