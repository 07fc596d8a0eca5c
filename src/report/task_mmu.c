/*
 * task_mmu.c - /proc/PID/maps and /proc/PID/smaps, byte for byte as
 * fs/proc/task_mmu.c (Linux 6.1) prints them.
 *
 * A maps line is show_vma_header_prefix()'s
 *
 *   "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu "
 *
 * and, when the VMA has a name, spaces up to column 25 + 6 * sizeof(void *)
 * - 1 (48 on a 32-bit kernel, 72 on a 64-bit one), one more space, the name:
 *
 *   08048000-0804a000 r-xp 00000000 08:01 133        /usr/bin/app
 *   bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
 *   0804a000-0804b000 rw-p 00002000 08:01 133        /usr/bin/app
 *
 * An anonymous VMA without a name ends in "0 " and the newline.  smaps
 * adds, per VMA, the sizes smaps_account() gathers from its page-table
 * entries (Rss, Pss with each page divided by its map count, clean and
 * dirty, private and shared, Referenced from the Accessed bit), then
 * THPeligible and VmFlags.
 */
#include <string.h>
#include "mm/filemap.h"
#include "mm/machine.h"
#include "mm/mm_types.h"
#include "mm/mmap.h"
#include "mm/pgtable.h"
#include "mm/rmap.h"
#include "mm/swapfile.h"
#include "report/task_mmu.h"

#define PSS_SHIFT 12

void show_map_vma(const struct machine *m, const struct vm_area_struct *v, FILE *f)
{
	const struct sim_file *file = v->vm_file;
	unsigned long flags = v->vm_flags;
	char perms[5];
	int width = 25 + (m->arch->is_64bit ? 8 : 4) * 6 - 1, n;
	const char *name = vma_name(v);

	n = fprintf(f, "%08lx-%08lx %s %08llx %02x:%02x %lu ", v->vm_start, v->vm_end,
		    vm_flags_perms(flags, perms), file ? (unsigned long long)v->vm_pgoff << PAGE_SHIFT : 0ULL,
		    file ? file->dev_major : 0, file ? file->dev_minor : 0, file ? file->ino : 0);
	if (name[0])
		fprintf(f, "%*s%s", n < width ? width - n + 1 : 1, "", name);
	fputc('\n', f);
}

void proc_pid_maps(const struct machine *m, const struct task_struct *t, FILE *f)
{
	for (const struct vm_area_struct *v = t->mm->mmap; v; v = v->vm_next)
		show_map_vma(m, v, f);
}

struct mem_size_stats {
	unsigned long resident, shared_clean, shared_dirty, private_clean, private_dirty;
	unsigned long referenced, anonymous, swap;
	unsigned long long pss, pss_dirty, swap_pss;
};

/* smaps_pte_entry() for a swap entry: Swap, and SwapPss shared by its references. */
static void smaps_swap(const struct machine *m, struct mem_size_stats *mss, pteval_t e)
{
	unsigned count = swap_count(m, pte_to_swp_entry(m, e));

	mss->swap += PAGE_SIZE;
	mss->swap_pss += ((unsigned long long)PAGE_SIZE << PSS_SHIFT) / (count >= 2 ? count : 1);
}

/* smaps_account() for one 4 KiB page. */
static void smaps_account(struct mem_size_stats *mss, const struct page *p, bool young,
			  bool dirty)
{
	unsigned long size = PAGE_SIZE;
	int mapcount = page_mapcount(p);

	dirty = dirty || PageFlag(p, PG_dirty);
	if (PageFlag(p, PG_anon))
		mss->anonymous += size;
	mss->resident += size;
	if (young || PageFlag(p, PG_referenced))
		mss->referenced += size;
	if (p->_refcount == 1 || mapcount < 2) {
		if (dirty)
			mss->private_dirty += size;
		else
			mss->private_clean += size;
		mss->pss += (unsigned long long)size << PSS_SHIFT;
		if (dirty)
			mss->pss_dirty += (unsigned long long)size << PSS_SHIFT;
		return;
	}
	if (dirty)
		mss->shared_dirty += size;
	else
		mss->shared_clean += size;
	mss->pss += ((unsigned long long)size << PSS_SHIFT) / (unsigned)mapcount;
	if (dirty)
		mss->pss_dirty += ((unsigned long long)size << PSS_SHIFT) / (unsigned)mapcount;
}

static void smap_gather_stats(const struct machine *m, const struct vm_area_struct *v,
			      struct mem_size_stats *mss)
{
	for (unsigned long addr = v->vm_start; addr < v->vm_end; addr += PAGE_SIZE) {
		unsigned idx;
		long table = pte_lookup(m, v->vm_mm, addr, &idx), pfn;
		pteval_t e;

		if (table < 0)
			continue;
		e = pt_get(m, (unsigned long)table, idx);
		if (is_swap_pte(e))
			smaps_swap(m, mss, e);
		if (!pte_mapped(e) || (pfn = vm_normal_page(m, e)) < 0)
			continue;
		smaps_account(mss, pfn_to_page(m, (unsigned long)pfn), e & _PAGE_ACCESSED,
			      e & _PAGE_DIRTY);
	}
}

static void put_kb(FILE *f, const char *label, unsigned long bytes)
{
	fprintf(f, "%-16s%8lu kB\n", label, bytes >> 10);
}

/* show_smap_vma_flags(): two letters per set flag, in bit order. */
static void show_vma_flags(const struct vm_area_struct *v, FILE *f)
{
	static const struct { unsigned long flag; const char *name; } mnemonics[] = {
		{ VM_READ, "rd" }, { VM_WRITE, "wr" }, { VM_EXEC, "ex" }, { VM_SHARED, "sh" },
		{ VM_MAYREAD, "mr" }, { VM_MAYWRITE, "mw" }, { VM_MAYEXEC, "me" },
		{ VM_MAYSHARE, "ms" }, { VM_GROWSDOWN, "gd" }, { VM_PFNMAP, "pf" },
		{ VM_LOCKED, "lo" }, { VM_IO, "io" }, { VM_DONTCOPY, "dc" },
		{ VM_DONTEXPAND, "de" }, { VM_ACCOUNT, "ac" }, { VM_NORESERVE, "nr" },
	};

	fputs("VmFlags: ", f);
	for (size_t i = 0; i < sizeof(mnemonics) / sizeof(mnemonics[0]); i++)
		if (v->vm_flags & mnemonics[i].flag)
			fprintf(f, "%s ", mnemonics[i].name);
	fputc('\n', f);
}

static void show_smap(const struct machine *m, const struct vm_area_struct *v, FILE *f)
{
	struct mem_size_stats mss;

	memset(&mss, 0, sizeof(mss));
	smap_gather_stats(m, v, &mss);
	show_map_vma(m, v, f);
	put_kb(f, "Size:", v->vm_end - v->vm_start);
	put_kb(f, "KernelPageSize:", PAGE_SIZE);
	put_kb(f, "MMUPageSize:", PAGE_SIZE);
	put_kb(f, "Rss:", mss.resident);
	put_kb(f, "Pss:", (unsigned long)(mss.pss >> PSS_SHIFT));
	put_kb(f, "Pss_Dirty:", (unsigned long)(mss.pss_dirty >> PSS_SHIFT));
	put_kb(f, "Shared_Clean:", mss.shared_clean);
	put_kb(f, "Shared_Dirty:", mss.shared_dirty);
	put_kb(f, "Private_Clean:", mss.private_clean);
	put_kb(f, "Private_Dirty:", mss.private_dirty);
	put_kb(f, "Referenced:", mss.referenced);
	put_kb(f, "Anonymous:", mss.anonymous);
	put_kb(f, "LazyFree:", 0);
	put_kb(f, "AnonHugePages:", 0);
	put_kb(f, "ShmemPmdMapped:", 0);
	put_kb(f, "FilePmdMapped:", 0);
	put_kb(f, "Shared_Hugetlb:", 0);
	fprintf(f, "%-17s%7lu kB\n", "Private_Hugetlb:", 0UL);
	put_kb(f, "Swap:", mss.swap);
	put_kb(f, "SwapPss:", (unsigned long)(mss.swap_pss >> PSS_SHIFT));
	put_kb(f, "Locked:", 0);
	fputs("THPeligible:    0\n", f);
	show_vma_flags(v, f);
}

void proc_pid_smaps(const struct machine *m, const struct task_struct *t, FILE *f)
{
	for (const struct vm_area_struct *v = t->mm->mmap; v; v = v->vm_next)
		show_smap(m, v, f);
}
