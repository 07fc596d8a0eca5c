/*
 * arch.h - the architecture profiles a machine can be built as.
 *
 * A profile is pure data: how wide an address is, how it splits into
 * page-table indexes, where the kernel's direct map starts, which zones
 * exist.  Nothing here depends on a machine's RAM size; the parts of the
 * layout that do (high_memory, VMALLOC_START) are computed by the machine.
 *
 *   i386        2 levels  10/10/12          4-byte entries, 3G/1G split
 *   i386-pae    3 levels  2/9/9/12          8-byte entries, NX
 *   x86_64      4 levels  9/9/9/9/12        48-bit virtual
 *   x86_64-la57 5 levels  9/9/9/9/9/12      57-bit virtual
 */
#ifndef VMLAB_MM_ARCH_H
#define VMLAB_MM_ARCH_H

#include <stdbool.h>
#include <stdint.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

/* Linux's level names, top down.  Folded levels keep their slot. */
enum pt_level { PT_PGD, PT_P4D, PT_PUD, PT_PMD, PT_PTE, NR_PT_LEVELS };

enum arch_id { ARCH_I386, ARCH_I386_PAE, ARCH_X86_64, ARCH_X86_64_LA57, NR_ARCHS };

struct arch_profile {
	enum arch_id id;
	const char *name;		/* "i386", "x86_64", ... as `machine arch=` takes it */
	int va_bits;			/* 32, 48 or 57 */
	int levels;			/* hardware levels: 2, 3, 4 or 5 */
	int pte_bytes;			/* 4 or 8 */
	bool is_64bit;			/* unsigned long is 64 bits wide */
	bool has_nx;
	bool has_highmem;		/* ZONE_HIGHMEM exists (32-bit kernels) */
	int shift[NR_PT_LEVELS];	/* index shift per level; 0 = folded */
	int ptrs[NR_PT_LEVELS];		/* entries per table at that level */
	unsigned long page_offset;	/* start of the direct map */
	unsigned long task_size;	/* end of user space (exclusive) */
	unsigned long long max_ram;	/* largest RAM this profile may be given */
	unsigned long maxmem;		/* direct-mapped RAM limit (i386: 896 MiB) */
	int addr_digits;		/* hex digits an address prints with */
	unsigned long kernel_image;	/* bytes of kernel text+data+bss, loaded at 16 MiB */
	int kpage_size;			/* the kernel's sizeof(struct page): mem_map cost */
};

/* Every profile's name, for help and completion; NULL-terminated. */
extern const char *const arch_names[];

const struct arch_profile *arch_by_name(const char *name);
const struct arch_profile *arch_by_id(enum arch_id id);
bool pt_level_folded(const struct arch_profile *a, enum pt_level level);
const char *pt_level_name(enum pt_level level);

#endif
