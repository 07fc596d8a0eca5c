/*
 * swaps.c - /proc/swaps and a slot-by-slot view of a swap area.
 *
 * /proc/swaps as mm/swapfile.c's swap_show() writes it: the path, padded
 * with spaces to column 40 (at least one space), the type, then size and
 * used space in kB, each followed by a second tab while below 10000000 so
 * the columns line up, then the priority:
 *
 *   Filename				Type		Size		Used		Priority
 *   /dev/sda2                               partition	1048572		2048		-2
 *
 * Areas are listed by type (their index), as swap_start() walks swap_info[].
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "mm/machine.h"
#include "mm/mm_types.h"
#include "mm/pgtable.h"
#include "mm/swapfile.h"
#include "report/swaps.h"

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

static void swap_show(const struct swap_info_struct *si, FILE *f)
{
	unsigned long bytes = K(si->pages), inuse = K(si->inuse_pages);
	int len = (int)strlen(si->name);

	fprintf(f, "%s%*s%s\t%lu\t%s%lu\t%s%d\n", si->name, len < 40 ? 40 - len : 1, " ",
		si->partition ? "partition" : "file\t", bytes, bytes < 10000000 ? "\t" : "",
		inuse, inuse < 10000000 ? "\t" : "", si->prio);
}

void proc_swaps(const struct machine *m, FILE *f)
{
	fputs("Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n", f);
	for (int i = 0; i < MAX_SWAPFILES; i++)
		if (m->swap->info[i])
			swap_show(m->swap->info[i], f);
}

/*
 * `swapon -s` (util-linux's display_summary(), before 2.39): the same
 * areas from /proc/swaps, as libmount reads them back, in its own columns,
 * and not even the header when there are none:
 *
 *   Filename				Type		Size	Used	Priority
 *   /dev/sda2                              	partition	1048572	2048	-2
 */
void swapon_summary(const struct machine *m, FILE *f)
{
	bool header = false;

	for (int i = 0; i < MAX_SWAPFILES; i++) {
		const struct swap_info_struct *si = m->swap->info[i];

		if (!si)
			continue;
		if (!header)
			fputs("Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n", f);
		header = true;
		fprintf(f, "%-39s\t%-8s\t%lu\t%lu\t%d\n", si->name,
			si->partition ? "partition" : "file", K(si->pages), K(si->inuse_pages),
			si->prio);
	}
}

/* Who names each slot: up to OWNERS_SHOWN "pid 1 0xb7ffc000" per slot. */
#define OWNERS_SHOWN 2

struct owners {
	int n;
	int pid[OWNERS_SHOWN];
	unsigned long addr[OWNERS_SHOWN];
};

static void find_owners(const struct machine *m, const struct swap_info_struct *si,
			struct owners *o)
{
	for (const struct task_struct *t = m->tasks; t; t = t->next)
		for (const struct vm_area_struct *v = t->mm->mmap; v; v = v->vm_next)
			for (unsigned long a = v->vm_start; v->anon_vma && a < v->vm_end; a += PAGE_SIZE) {
				unsigned idx;
				long table = pte_lookup(m, t->mm, a, &idx);
				pteval_t e = table < 0 ? 0 : pt_get(m, (unsigned long)table, idx);
				swp_entry_t se;
				struct owners *w;

				if (!is_swap_pte(e))
					continue;
				se = pte_to_swp_entry(m, e);
				if (swp_type(se) != (unsigned)si->type)
					continue;
				w = &o[swp_offset(se)];
				if (w->n < OWNERS_SHOWN) {
					w->pid[w->n] = t->pid;
					w->addr[w->n] = a;
				}
				w->n++;
			}
}

static void print_owners(const struct machine *m, const struct owners *w, FILE *f)
{
	for (int i = 0; i < w->n && i < OWNERS_SHOWN; i++)
		fprintf(f, "%spid %d 0x%0*lx", i ? ", " : "  ", w->pid[i], m->arch->addr_digits,
			w->addr[i]);
	if (w->n > OWNERS_SHOWN)
		fprintf(f, ", ...");
}

void show_swap_slots(const struct machine *m, const struct swap_info_struct *si, FILE *f)
{
	struct owners *o = calloc(si->max, sizeof(*o));

	fprintf(f, "%s (type %d, %s, priority %d): %lu slots, %lu in use, %lu in the swap cache\n",
		si->name, si->type, si->partition ? "partition" : "file", si->prio, si->pages,
		si->inuse_pages, si->nr_cached);
	if (!si->inuse_pages || !o) {
		free(o);
		return;
	}
	find_owners(m, si, o);
	fputs("    slot  swap_map  count  swap cache  swap entries in\n", f);
	for (unsigned long off = 1; off < si->max; off++) {
		unsigned char map = si->swap_map[off];
		char cache[24] = "-";

		if (!map)
			continue;
		fprintf(f, "%8lu      0x%02x  %5u  ", off, map,
			swap_count(m, swp_entry((unsigned)si->type, off)));
		if (si->cache[off] != PFN_NONE)
			snprintf(cache, sizeof(cache), "pfn 0x%x", si->cache[off]);
		fprintf(f, "%-10s", cache);
		print_owners(m, &o[off], f);
		fputc('\n', f);
	}
	free(o);
}
