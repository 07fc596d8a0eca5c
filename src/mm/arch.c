/*
 * arch.c - the four architecture profiles.
 *
 * How a virtual address splits on each (index bits per level, high to low):
 *
 *   i386         | pgd 10 | pte 10 | offset 12 |               0xC0000000 = 768 | 0 | 0
 *   i386-pae     | pgd 2 | pmd 9 | pte 9 | offset 12 |
 *   x86_64       | pgd 9 | pud 9 | pmd 9 | pte 9 | offset 12 |  (p4d folded)
 *   x86_64-la57  | pgd 9 | p4d 9 | pud 9 | pmd 9 | pte 9 | offset 12 |
 *
 * A folded level (shift 0 here) has one entry that is the parent entry
 * itself, as in asm-generic/pgtable-nop4d.h, -nopud.h and -nopmd.h.
 */
#include <string.h>
#include "arch.h"

#define GiB (1ULL << 30)
#define MiB (1ULL << 20)

static const struct arch_profile profiles[NR_ARCHS] = {
	[ARCH_I386] = {
		.id = ARCH_I386, .name = "i386", .va_bits = 32, .levels = 2,
		.pte_bytes = 4, .is_64bit = false, .has_nx = false, .has_highmem = true,
		.shift = { [PT_PGD] = 22, [PT_PTE] = 12 },
		.ptrs = { [PT_PGD] = 1024, [PT_P4D] = 1, [PT_PUD] = 1, [PT_PMD] = 1, [PT_PTE] = 1024 },
		.page_offset = 0xC0000000UL, .task_size = 0xC0000000UL,
		.max_ram = 4 * GiB, .maxmem = 896 * MiB, .addr_digits = 8,
		.kernel_image = 8 * MiB, .kpage_size = 32,
	},
	[ARCH_I386_PAE] = {
		.id = ARCH_I386_PAE, .name = "i386-pae", .va_bits = 32, .levels = 3,
		.pte_bytes = 8, .is_64bit = false, .has_nx = true, .has_highmem = true,
		.shift = { [PT_PGD] = 30, [PT_PMD] = 21, [PT_PTE] = 12 },
		.ptrs = { [PT_PGD] = 4, [PT_P4D] = 1, [PT_PUD] = 1, [PT_PMD] = 512, [PT_PTE] = 512 },
		.page_offset = 0xC0000000UL, .task_size = 0xC0000000UL,
		.max_ram = 64 * GiB, .maxmem = 896 * MiB, .addr_digits = 8,
		.kernel_image = 8 * MiB, .kpage_size = 32,
	},
	[ARCH_X86_64] = {
		.id = ARCH_X86_64, .name = "x86_64", .va_bits = 48, .levels = 4,
		.pte_bytes = 8, .is_64bit = true, .has_nx = true, .has_highmem = false,
		.shift = { [PT_PGD] = 39, [PT_PUD] = 30, [PT_PMD] = 21, [PT_PTE] = 12 },
		.ptrs = { [PT_PGD] = 512, [PT_P4D] = 1, [PT_PUD] = 512, [PT_PMD] = 512, [PT_PTE] = 512 },
		.page_offset = 0xffff888000000000UL, .task_size = 0x7ffffffff000UL,
		.max_ram = 64 * GiB, .maxmem = 0, .addr_digits = 16,
		.kernel_image = 16 * MiB, .kpage_size = 64,
	},
	[ARCH_X86_64_LA57] = {
		.id = ARCH_X86_64_LA57, .name = "x86_64-la57", .va_bits = 57, .levels = 5,
		.pte_bytes = 8, .is_64bit = true, .has_nx = true, .has_highmem = false,
		.shift = { [PT_PGD] = 48, [PT_P4D] = 39, [PT_PUD] = 30, [PT_PMD] = 21, [PT_PTE] = 12 },
		.ptrs = { [PT_PGD] = 512, [PT_P4D] = 512, [PT_PUD] = 512, [PT_PMD] = 512, [PT_PTE] = 512 },
		.page_offset = 0xff11000000000000UL, .task_size = 0x00fffffffffff000UL,
		.max_ram = 64 * GiB, .maxmem = 0, .addr_digits = 16,
		.kernel_image = 16 * MiB, .kpage_size = 64,
	},
};

const struct arch_profile *arch_by_name(const char *name)
{
	for (int i = 0; i < NR_ARCHS; i++)
		if (strcmp(profiles[i].name, name) == 0)
			return &profiles[i];
	return NULL;
}

const struct arch_profile *arch_by_id(enum arch_id id)
{
	return id < NR_ARCHS ? &profiles[id] : NULL;
}

bool pt_level_folded(const struct arch_profile *a, enum pt_level level)
{
	return a->shift[level] == 0;
}

const char *pt_level_name(enum pt_level level)
{
	static const char *const names[NR_PT_LEVELS] = { "pgd", "p4d", "pud", "pmd", "pte" };

	return level < NR_PT_LEVELS ? names[level] : "?";
}

const char *const arch_names[] = { "i386", "i386-pae", "x86_64", "x86_64-la57", NULL };
