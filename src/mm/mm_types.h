/*
 * mm_types.h - the address-space structures: mm_struct and
 * vm_area_struct, their flags and counters, and task_struct.
 *
 * A process is a task_struct with an mm_struct; the mm_struct holds the
 * page-table root (mm->pgd, what CR3 points at) and the VMAs, kept as the
 * kernel kept them up to 6.0: a list sorted by address, vm_end exclusive,
 * never overlapping.  An i386 process after `exec app` and `malloc 100`:
 *
 *   08048000-0804a000 r-xp  /usr/bin/app   text    (file, private)
 *   0804a000-0804b000 rw-p  /usr/bin/app   data    (file, private: CoW)
 *   0804b000-0806c000 rw-p  [heap]         brk grown by malloc (anonymous)
 *   bffdf000-c0000000 rw-p  [stack]        (VM_GROWSDOWN)
 *
 * Nothing is backed by frames until it is touched; the fault path
 * (memory.c) fills the page tables one page at a time.
 */
#ifndef VMLAB_MM_MM_TYPES_H
#define VMLAB_MM_MM_TYPES_H

#include <stdbool.h>
#include <stdint.h>

struct machine;
struct sim_file;
struct malloc_state;

/* include/linux/mm.h vm_flags. */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYREAD	0x00000010UL
#define VM_MAYWRITE	0x00000020UL
#define VM_MAYEXEC	0x00000040UL
#define VM_MAYSHARE	0x00000080UL
#define VM_GROWSDOWN	0x00000100UL
#define VM_PFNMAP	0x00000400UL
#define VM_LOCKED	0x00002000UL
#define VM_IO		0x00004000UL
#define VM_DONTCOPY	0x00020000UL
#define VM_DONTEXPAND	0x00040000UL
#define VM_ACCOUNT	0x00100000UL
#define VM_NORESERVE	0x00200000UL

#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)
#define VM_MAY_FLAGS	(VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

/* The "rw-p" of /proc/PID/maps for vm_flags (show_map_vma()), into buf; returns buf. */
static inline const char *vm_flags_perms(unsigned long flags, char buf[5])
{
	buf[0] = flags & VM_READ ? 'r' : '-';
	buf[1] = flags & VM_WRITE ? 'w' : '-';
	buf[2] = flags & VM_EXEC ? 'x' : '-';
	buf[3] = flags & VM_MAYSHARE ? 's' : 'p';
	buf[4] = '\0';
	return buf;
}

/* What a VMA is, for names in maps and for the model's narration. */
enum vma_kind { VMA_ANON, VMA_FILE, VMA_HEAP, VMA_STACK, VMA_BSS };

struct mm_struct;

struct vm_area_struct {
	unsigned long vm_start;		/* first byte */
	unsigned long vm_end;		/* first byte after */
	struct mm_struct *vm_mm;
	unsigned long vm_flags;
	unsigned long vm_pgoff;		/* file offset in pages; vm_start >> 12 when anonymous */
	struct sim_file *vm_file;	/* NULL: anonymous */
	uint32_t anon_vma;		/* root anon_vma id, 0 until the first anon page */
	struct vm_area_struct *vm_next, *vm_prev;
	unsigned long kaddr;		/* its object in the vm_area_struct cache */
};

/* The mm's RSS counters (mm_types.h rss_stat). */
enum { MM_FILEPAGES, MM_ANONPAGES, MM_SWAPENTS, MM_SHMEMPAGES, NR_MM_COUNTERS };

struct mm_struct {
	uint32_t id;			/* the model's handle: rmap, PCID */
	unsigned long pgd;		/* pfn of the top table: what CR3 holds */
	struct vm_area_struct *mmap;	/* VMAs sorted by address */
	struct vm_area_struct *mmap_cache;	/* last find_vma() result (vmacache) */
	int map_count;
	int mm_users;
	unsigned long task_size;
	unsigned long mmap_base;
	bool legacy_layout;		/* bottom-up mmap from TASK_UNMAPPED_BASE */
	unsigned long total_vm, data_vm, exec_vm, stack_vm;	/* pages */
	unsigned long hiwater_rss;
	unsigned long start_code, end_code, start_data, end_data;
	unsigned long start_brk, brk, start_stack;
	long rss_stat[NR_MM_COUNTERS];
	unsigned long pgtables_bytes;	/* VmPTE */
	struct malloc_state *malloc;	/* the process's glibc heap (malloc.c) */
	struct mm_struct *pgd_next;	/* the pgd list: every mm but init_mm */
	unsigned long kaddr;		/* its object in the mm_struct cache (0: init_mm) */
};

static inline unsigned long get_mm_rss(const struct mm_struct *mm)
{
	return (unsigned long)(mm->rss_stat[MM_FILEPAGES] + mm->rss_stat[MM_ANONPAGES] +
			       mm->rss_stat[MM_SHMEMPAGES]);
}

enum task_state { TASK_RUNNING, TASK_SLEEPING };

#define TASK_COMM_LEN 16

/*
 * The slab objects copy_process() gives every (single-threaded) process,
 * in the order it allocates them; the mm_struct and the VMAs come between
 * the signal_struct and the pid.
 */
enum task_obj {
	TASK_OBJ_TASK_STRUCT,		/* dup_task_struct */
	TASK_OBJ_CRED,			/* prepare_creds */
	TASK_OBJ_FILES,			/* dup_fd */
	TASK_OBJ_FS,			/* copy_fs_struct */
	TASK_OBJ_SIGHAND,		/* copy_sighand */
	TASK_OBJ_SIGNAL,		/* copy_signal */
	TASK_OBJ_PID,			/* alloc_pid */
	NR_TASK_OBJS
};

struct task_struct {
	int pid;
	int ppid;
	char comm[TASK_COMM_LEN];
	struct mm_struct *mm;
	int cpu;			/* where it last ran */
	unsigned long min_flt, maj_flt;
	short oom_score_adj;		/* -1000 (never chosen) .. 1000 (oom_kill.h) */
	struct task_struct *next;	/* the task list, by pid */
	unsigned long kobj[NR_TASK_OBJS];	/* its objects in the boot caches (fork.c) */
};

/*
 * Per-node counters the address-space code keeps for /proc/meminfo,
 * vmstat and zoneinfo (the kernel's node_stat_item of the same names).
 */
enum mm_node_stat {
	MM_NR_ANON_MAPPED,		/* AnonPages */
	MM_NR_FILE_MAPPED,		/* Mapped */
	MM_NR_FILE_PAGES,		/* Cached */
	MM_NR_FILE_DIRTY,		/* Dirty */
	MM_NR_SHMEM,			/* Shmem */
	MM_NR_PAGETABLE,		/* PageTables */
	NR_MM_NODE_STATS
};

/* Adds delta to a node counter of the node pfn belongs to. */
void mm_node_stat_add(struct machine *m, unsigned long pfn, enum mm_node_stat i, long delta);
/* The counter of one node. */
long mm_node_stat(const struct machine *m, int nid, enum mm_node_stat i);
/* The same, clamped at 0, for the views. */
static inline unsigned long mm_node_stat_pages(const struct machine *m, int nid,
					       enum mm_node_stat i)
{
	long v = mm_node_stat(m, nid, i);

	return v < 0 ? 0 : (unsigned long)v;
}

#endif
