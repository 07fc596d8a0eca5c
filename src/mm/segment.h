/*
 * segment.h - the GDT Linux sets up, selectors, and logical-to-linear
 * translation with its privilege checks.
 *
 *   selector 0x7b = 0000000001111 0 11 = index 15 (__USER_DS), TI 0 (GDT), RPL 3
 *
 * Linux's segments are flat (base 0, limit 4 GiB), so linear = offset and
 * the real barrier between user and kernel is the U/S bit of the page
 * tables; the checks still run: a data access needs max(CPL, RPL) <= DPL,
 * a fetch through a non-conforming code segment CPL == DPL.
 */
#ifndef VMLAB_MM_SEGMENT_H
#define VMLAB_MM_SEGMENT_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

#define GDT_ENTRIES		32
#define SEGMENT_RPL_MASK	0x3
#define SEGMENT_TI_MASK		0x4

struct gdt_entry {
	int index;
	const char *name;		/* "__USER_DS", "GDT_ENTRY_TSS", ... */
	uint64_t raw;			/* the 8-byte descriptor */
};

/* One descriptor, decoded. */
struct desc {
	uint64_t raw;
	uint32_t base, limit;		/* limit in units of the granularity */
	unsigned type, dpl;
	bool s, p, l, db, g;		/* S: code/data (not system), L: 64-bit code */
};

/* The GDT of the machine's architecture: the entries Linux fills, by index. */
int gdt_table(const struct machine *m, const struct gdt_entry **out);
void desc_decode(uint64_t raw, struct desc *d);
/* "code, execute/read", "data, read/write", "TSS (32-bit, available)", ... */
const char *desc_type_str(const struct desc *d);
/* The byte limit: (limit << 12 | 0xfff) with G, else limit. */
uint64_t desc_byte_limit(const struct desc *d);

struct seg_xlate {
	uint16_t sel;
	unsigned index, ti, rpl;
	int cpl;
	const struct gdt_entry *entry;	/* NULL for a null or unused selector */
	struct desc d;
	bool code;			/* an instruction fetch through CS */
	uint64_t linear;
};

/*
 * Logical (sel:off) to linear at privilege cpl, with every check the CPU
 * makes.  Returns 0 with x->linear, or -EFAULT (#GP: null selector, LDT,
 * beyond the GDT, privilege, limit) or -ENOENT (#NP: not present), the
 * sentence in m->err; x is filled as far as the translation got.
 */
int segment_translate(struct machine *m, uint16_t sel, uint64_t off, int cpl,
		      struct seg_xlate *x);

#endif
