/*
 * layout.h - the kernel's virtual memory map of a machine, and what a
 * kernel address is.
 */
#ifndef VMLAB_REPORT_LAYOUT_H
#define VMLAB_REPORT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct machine;

/*
 * `layout`: on i386 the boot log's "virtual kernel memory layout:" block
 * with this machine's values, then the whole 4 GiB from user space to the
 * fixmap, low to high, holes included; on x86_64 the documented map
 * (Documentation/arch/x86/x86_64/mm.rst) with what this machine uses of
 * each region.
 */
void layout_print(const struct machine *m, FILE *f);

/* One region of the map, low to high; end exclusive (0 = the top of the space). */
struct layout_region {
	const char *name;		/* "vmalloc", "pkmap", "hole", ... */
	unsigned long start, end;
	char note[224];			/* what it is and what this machine uses of it */
};

#define LAYOUT_MAX_REGIONS 32

/* Fills regions[] (LAYOUT_MAX_REGIONS) low to high.  Returns how many. */
int layout_regions(const struct machine *m, struct layout_region *regions);

/* r's last byte: end - 1, or the top of the space (0xffffffff on i386) for end 0. */
unsigned long layout_region_last(const struct machine *m, const struct layout_region *r);

/* r's size in bytes, right for end 0 too. */
unsigned long long layout_region_bytes(const struct machine *m, const struct layout_region *r);

/* A size as the map writes it: "8 MB", "4096 kB", "32 TB", "~112 MB". */
void layout_size(char *buf, size_t len, unsigned long long bytes);

/*
 * What the kernel address addr is, when it lies in the vmalloc space, the
 * pkmap area or a kmap_atomic slot: "the guard page of the vmalloc area
 * 0xf8800000-0xf8804000 (cmd_vmalloc, pages=3)", "pkmap slot 3 (pkmap_count
 * 2, pfn 0x3f000)"...  Returns false (buf untouched) for any other address.
 */
bool kaddr_describe(const struct machine *m, unsigned long addr, char *buf, size_t len);

#endif
