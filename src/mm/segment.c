/*
 * segment.c - the GDT, selectors and privilege checks of
 * arch/x86/include/asm/segment.h.
 *
 * The i386 GDT as Linux lays it out (32 entries; selector = index * 8 +
 * RPL):
 *
 *   12 __KERNEL_CS  0x60  base 0 limit 4 GiB  code  DPL 0   0x00cf9b000000ffff
 *   13 __KERNEL_DS  0x68                      data  DPL 0   0x00cf93000000ffff
 *   14 __USER_CS    0x73                      code  DPL 3   0x00cffb000000ffff
 *   15 __USER_DS    0x7b                      data  DPL 3   0x00cff3000000ffff
 *   16 TSS 0x80, 26 ESPFIX_SS 0xd0, 27 per-cpu 0xd8, 31 double-fault TSS
 *
 * x86_64's is shorter: __KERNEL32_CS 0x08, __KERNEL_CS 0x10 (L: 64-bit
 * code), __KERNEL_DS 0x18, __USER32_CS 0x23, __USER_DS 0x2b, __USER_CS 0x33;
 * in long mode bases and limits of CS, DS, ES, SS are ignored.
 */
#include <errno.h>
#include <stdio.h>
#include "machine.h"
#include "segment.h"

/* GDT_ENTRY_INIT(flags, base, limit) as the kernel writes it. */
#define GDT_ENTRY(flags, base, limit) \
	((((base) & 0xff000000ULL) << 32) | (((base) & 0x00ffffffULL) << 16) | \
	 ((limit) & 0x0ffffULL) | (((limit) & 0xf0000ULL) << 32) | \
	 (((uint64_t)(flags) & 0xf0ffULL) << 40))

/* Boot-time TSS descriptors: base = &cpu_tss_rw (the model's stand-in address). */
static const struct gdt_entry gdt32[] = {
	{ 0, "null", 0 },
	{ 6, "GDT_ENTRY_TLS_MIN (glibc's TLS)", 0 },
	{ 7, "TLS #2", 0 },
	{ 8, "GDT_ENTRY_TLS_MAX", 0 },
	{ 12, "__KERNEL_CS", GDT_ENTRY(0xc09b, 0, 0xfffff) },
	{ 13, "__KERNEL_DS", GDT_ENTRY(0xc093, 0, 0xfffff) },
	{ 14, "__USER_CS", GDT_ENTRY(0xc0fb, 0, 0xfffff) },
	{ 15, "__USER_DS", GDT_ENTRY(0xc0f3, 0, 0xfffff) },
	{ 16, "GDT_ENTRY_TSS", GDT_ENTRY(0x0089, 0xc1a4a000, 0x206b) },
	{ 17, "GDT_ENTRY_LDT", 0 },
	{ 26, "GDT_ENTRY_ESPFIX_SS", GDT_ENTRY(0xc093, 0, 0xfffff) },
	{ 27, "__KERNEL_PERCPU", GDT_ENTRY(0xc093, 0, 0xfffff) },	/* base: 0 in the model */
	{ 31, "GDT_ENTRY_DOUBLEFAULT_TSS", GDT_ENTRY(0x0089, 0xc1a4c000, 0x206b) },
};

static const struct gdt_entry gdt64[] = {
	{ 0, "null", 0 },
	{ 1, "__KERNEL32_CS", GDT_ENTRY(0xc09b, 0, 0xfffff) },
	{ 2, "__KERNEL_CS", GDT_ENTRY(0xa09b, 0, 0xfffff) },
	{ 3, "__KERNEL_DS", GDT_ENTRY(0xc093, 0, 0xfffff) },
	{ 4, "__USER32_CS", GDT_ENTRY(0xc0fb, 0, 0xfffff) },
	{ 5, "__USER_DS", GDT_ENTRY(0xc0f3, 0, 0xfffff) },
	{ 6, "__USER_CS", GDT_ENTRY(0xa0fb, 0, 0xfffff) },
	{ 8, "GDT_ENTRY_TSS (16 bytes)", GDT_ENTRY(0x0089, 0x2000, 0x206f) },
	{ 10, "GDT_ENTRY_LDT", 0 },
	{ 12, "GDT_ENTRY_TLS_MIN", 0 },
	{ 13, "TLS #2", 0 },
	{ 14, "GDT_ENTRY_TLS_MAX", 0 },
	{ 15, "GDT_ENTRY_CPUNODE", GDT_ENTRY(0x40f5, 0, 0) },
};

int gdt_table(const struct machine *m, const struct gdt_entry **out)
{
	if (m->arch->is_64bit) {
		*out = gdt64;
		return (int)(sizeof(gdt64) / sizeof(gdt64[0]));
	}
	*out = gdt32;
	return (int)(sizeof(gdt32) / sizeof(gdt32[0]));
}

void desc_decode(uint64_t raw, struct desc *d)
{
	d->raw = raw;
	d->limit = (uint32_t)((raw & 0xffff) | ((raw >> 32) & 0xf0000));
	d->base = (uint32_t)(((raw >> 16) & 0xffffff) | ((raw >> 32) & 0xff000000));
	d->type = (unsigned)(raw >> 40) & 0xf;
	d->s = (raw >> 44) & 1;
	d->dpl = (unsigned)(raw >> 45) & 3;
	d->p = (raw >> 47) & 1;
	d->l = (raw >> 53) & 1;
	d->db = (raw >> 54) & 1;
	d->g = (raw >> 55) & 1;
}

const char *desc_type_str(const struct desc *d)
{
	static const char *const sys[16] = {
		[1] = "TSS (16-bit, available)", [2] = "LDT", [3] = "TSS (16-bit, busy)",
		[9] = "TSS (available)", [11] = "TSS (busy)", [12] = "call gate",
		[14] = "interrupt gate", [15] = "trap gate",
	};

	if (!d->raw)
		return "not present";
	if (!d->s)
		return sys[d->type] ? sys[d->type] : "system";
	if (d->type & 8)
		return d->type & 2 ? "code, execute/read" : "code, execute-only";
	return d->type & 2 ? "data, read/write" : "data, read-only";
}

uint64_t desc_byte_limit(const struct desc *d)
{
	return d->g ? ((uint64_t)d->limit << 12) | 0xfff : d->limit;
}

static const struct gdt_entry *gdt_lookup(const struct machine *m, unsigned index)
{
	const struct gdt_entry *t;
	int n = gdt_table(m, &t);

	for (int i = 0; i < n; i++)
		if ((unsigned)t[i].index == index)
			return &t[i];
	return NULL;
}

/* The descriptor checks of a segment load and use; 0 or -errno with a sentence. */
static int check_desc(struct machine *m, struct seg_xlate *x, uint64_t off)
{
	const struct desc *d = &x->d;
	unsigned eff = (unsigned)x->cpl > x->rpl ? (unsigned)x->cpl : x->rpl;

	if (!x->entry || !d->raw || !d->p)
		return mm_err(m, -ENOENT, "GDT entry %u is not present: #NP", x->index);
	if (!d->s)
		return mm_err(m, -EFAULT, "GDT entry %u is a %s, not a code or data segment: #GP",
			      x->index, desc_type_str(d));
	x->code = d->type & 8;
	if (x->code && (unsigned)x->cpl != d->dpl)
		return mm_err(m, -EFAULT, "a fetch through non-conforming code segment %s needs "
			      "CPL = DPL, but CPL %d, DPL %u: #GP", x->entry->name, x->cpl, d->dpl);
	if (!x->code && eff > d->dpl)
		return mm_err(m, -EFAULT, "max(CPL %d, RPL %u) = %u > DPL %u of %s: #GP",
			      x->cpl, x->rpl, eff, d->dpl, x->entry->name);
	if (!m->arch->is_64bit && off > desc_byte_limit(d))
		return mm_err(m, -EFAULT, "offset 0x%llx is beyond the limit 0x%llx: #GP",
			      (unsigned long long)off, (unsigned long long)desc_byte_limit(d));
	return 0;
}

int segment_translate(struct machine *m, uint16_t sel, uint64_t off, int cpl,
		      struct seg_xlate *x)
{
	x->sel = sel;
	x->index = sel >> 3;
	x->ti = (sel & SEGMENT_TI_MASK) >> 2;
	x->rpl = sel & SEGMENT_RPL_MASK;
	x->cpl = cpl;
	x->entry = NULL;
	x->code = false;
	desc_decode(0, &x->d);
	if (x->ti)
		return mm_err(m, -EFAULT, "TI = 1 selects the LDT, and Linux gives processes no LDT "
			      "(modify_ldt was never called): #GP");
	if (x->index == 0)
		return mm_err(m, -EFAULT, "the null selector: a memory access through it is #GP");
	if (x->index >= GDT_ENTRIES)
		return mm_err(m, -EFAULT, "index %u is beyond the GDT (%d entries): #GP", x->index,
			      GDT_ENTRIES);
	x->entry = gdt_lookup(m, x->index);
	desc_decode(x->entry ? x->entry->raw : 0, &x->d);
	int err = check_desc(m, x, off);

	if (err)
		return err;
	x->linear = m->arch->is_64bit ? off : (uint32_t)(x->d.base + off);
	return 0;
}
