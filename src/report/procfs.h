/*
 * procfs.h - the machine as /proc shows it: buddyinfo, zoneinfo, meminfo,
 * vmstat, and procps free(1) on top of meminfo.
 *
 * Each view writes the exact text Linux 6.1 writes (procps-ng 3.3 for
 * free), reading the machine and never changing it.  struct meminfo is the
 * one place the numbers are gathered, so `meminfo`, `free` and the Lua
 * binding always agree.
 */
#ifndef VMLAB_REPORT_PROCFS_H
#define VMLAB_REPORT_PROCFS_H

#include <stdbool.h>
#include <stdio.h>

struct machine;

/*
 * What /proc/meminfo reports, in pages unless the name says kB.  Fields a
 * part of the model does not keep yet are 0, as on a machine that has none
 * of them (no swap, no page cache, no slab).
 */
struct meminfo {
	unsigned long totalram, freeram, available;
	unsigned long buffers, cached, swapcached;
	unsigned long active, inactive;
	unsigned long active_anon, inactive_anon, active_file, inactive_file;
	unsigned long unevictable, mlocked;
	unsigned long totalhigh, freehigh, totallow, freelow;
	unsigned long totalswap, freeswap;
	unsigned long dirty, writeback, anon, mapped, shmem;
	unsigned long kreclaimable, slab, sreclaimable, sunreclaim;
	unsigned long kernel_stack_kb;
	unsigned long pagetables, sec_pagetables;
	unsigned long bounce, writeback_tmp;
	unsigned long commit_limit, committed_as;
	unsigned long vmalloc_total_kb, vmalloc_used, percpu;
	unsigned long hugepages_total, hugepages_free, hugepages_rsvd, hugepages_surp;
	unsigned long hugepagesize_kb, hugetlb_kb;
	unsigned long directmap_4k_kb, directmap_pmd_kb, directmap_1g_kb;
};

/* Gathers every /proc/meminfo figure of the machine. */
void meminfo_fill(const struct machine *m, struct meminfo *mi);

/* Pages kept free by watermarks and lowmem_reserve (totalreserve_pages). */
unsigned long totalreserve_pages(const struct machine *m);

void proc_buddyinfo(const struct machine *m, FILE *f);
void proc_zoneinfo(const struct machine *m, FILE *f);
void proc_meminfo(const struct machine *m, FILE *f);
void proc_vmstat(const struct machine *m, FILE *f);

/* free(1)'s options.  exponent: 0 default (KiB), 1 B, 2 KiB, 3 MiB, 4 GiB, 5 TiB. */
struct free_opts {
	int exponent;
	bool human;		/* -h: three significant figures with a unit */
	bool si;		/* --si: powers of 1000 */
	bool wide;		/* -w: buffers and cache apart */
	bool lohi;		/* -l: Low and High rows */
	bool total;		/* -t: a Total row */
};

/*
 * Parses one free(1) argument ("-m", "-wh", "--si", "--mebi") into o.
 * Returns 0, or -1 with a sentence in err (of errlen bytes).
 */
int free_parse_arg(struct free_opts *o, const char *arg, char *err, size_t errlen);
void show_free(const struct machine *m, const struct free_opts *o, FILE *f);

#endif
