/*
 * cmd_views.c - the /proc views as commands, `cat /proc/...`, and `info`.
 *
 *   vmlab> buddyinfo
 *   Node 0, zone      DMA      1      0      1      1      2      1      1      0      1      1      2 
 *   vmlab> cat /proc/buddyinfo          (the same text)
 *   vmlab> free -m
 *
 * Each view is a function of src/report/procfs.c writing to sh->out; `cat`
 * finds it in proc_files[], so a later part adds /proc/slabinfo with one
 * line there.  `info` prints the machine's configuration and, like the
 * kernel's boot log, its zone and node ranges.
 */
#include <stdio.h>
#include <string.h>
#include "mm/machine.h"
#include "report/procfs.h"
#include "report/swaps.h"
#include "report/slabinfo.h"
#include "report/vmallocinfo.h"
#include "shell/command.h"
#include "shell/commands.h"
#include "shell/shell.h"

#define KB(pages) ((pages) << (PAGE_SHIFT - 10))
#define MB(pages) ((pages) >> (20 - PAGE_SHIFT))

typedef void (*proc_show_fn)(const struct machine *m, FILE *f);

/* The files `cat` knows, in `ls /proc` order. */
static const struct proc_file {
	const char *path;
	proc_show_fn show;
} proc_files[] = {
	{ "/proc/buddyinfo", proc_buddyinfo },
	{ "/proc/meminfo", proc_meminfo },
	{ "/proc/slabinfo", proc_slabinfo },
	{ "/proc/swaps", proc_swaps },
	{ "/proc/vmallocinfo", proc_vmallocinfo },
	{ "/proc/vmstat", proc_vmstat },
	{ "/proc/zoneinfo", proc_zoneinfo },
	{ NULL, NULL }
};

static int cmd_cat(struct shell *sh, struct args *a)
{
	for (const struct proc_file *p = proc_files; p->path; p++) {
		if (strcmp(p->path, a->argv[0]) == 0) {
			p->show(sh->m, sh->out);
			return 0;
		}
	}
	int r = proc_pid_cat(sh, a->argv[0]);	/* /proc/PID/maps and smaps (cmd_proc.c) */

	if (r != 1)
		return r;
	if (strcmp(a->argv[0], "/proc") == 0 || strcmp(a->argv[0], "/proc/") == 0)
		return sh_error(sh, "%s: Is a directory", a->argv[0]);
	return sh_error(sh, "%s: No such file or directory", a->argv[0]);
}

static const char *complete_proc(struct shell *sh, const char *text, int idx)
{
	(void)sh;
	for (const struct proc_file *p = proc_files; p->path; p++)
		if (strncmp(p->path, text, strlen(text)) == 0 && idx-- == 0)
			return p->path;
	return NULL;
}

static int cmd_buddyinfo(struct shell *sh, struct args *a)
{
	(void)a;
	proc_buddyinfo(sh->m, sh->out);
	return 0;
}

static int cmd_zoneinfo(struct shell *sh, struct args *a)
{
	(void)a;
	proc_zoneinfo(sh->m, sh->out);
	return 0;
}

static int cmd_meminfo(struct shell *sh, struct args *a)
{
	(void)a;
	proc_meminfo(sh->m, sh->out);
	return 0;
}

static int cmd_vmstat(struct shell *sh, struct args *a)
{
	(void)a;
	proc_vmstat(sh->m, sh->out);
	return 0;
}

static int cmd_free(struct shell *sh, struct args *a)
{
	struct free_opts o = { 0 };
	char err[128];

	if (a->argc >= 1 && a->argv[0][0] >= '0' && a->argv[0][0] <= '9') {
		if (a->argc > 1)
			return sh_error(sh, "unexpected argument '%s' (usage: free ADDR)",
					a->argv[1]);
		return cmd_user_free(sh, a);	/* free ADDR: glibc's free (cmd_proc.c) */
	}

	for (int i = 0; i < a->argc; i++)
		if (free_parse_arg(&o, a->argv[i], err, sizeof(err)) < 0)
			return sh_error(sh, "%s", err);
	show_free(sh->m, &o, sh->out);
	return 0;
}

static const char *complete_free(struct shell *sh, const char *text, int idx)
{
	static const char *const opts[] = {
		"-b", "-k", "-m", "-g", "-h", "-w", "-l", "-t", "--si", NULL
	};

	(void)sh;
	for (const char *const *o = opts; *o; o++)
		if (strncmp(*o, text, strlen(text)) == 0 && idx-- == 0)
			return *o;
	return NULL;
}

/* ---- info -------------------------------------------------------------- */

/* "pgd 10 | pte 10 | offset 12": index bits of each level that is not folded. */
static void paging_split(const struct arch_profile *a, char *buf, size_t len)
{
	size_t pos = 0;

	for (int l = 0; l < NR_PT_LEVELS; l++) {
		int bits = 0;

		if (pt_level_folded(a, (enum pt_level)l))
			continue;
		while ((1 << bits) < a->ptrs[l])
			bits++;
		pos += snprintf(buf + pos, pos < len ? len - pos : 0, "%s %d | ",
				pt_level_name((enum pt_level)l), bits);
	}
	snprintf(buf + pos, pos < len ? len - pos : 0, "offset %d", PAGE_SHIFT);
}

static void info_config(struct shell *sh)
{
	const struct machine *m = sh->m;
	const struct arch_profile *a = m->arch;
	int w = a->addr_digits;
	char split[96];

	paging_split(a, split, sizeof(split));
	fprintf(sh->out, "arch         %s (%d-bit)\n", a->name, a->is_64bit ? 64 : 32);
	fprintf(sh->out, "ram          %llu MiB (%lu frames)\n", m->cfg.ram >> 20, m->max_pfn);
	fprintf(sh->out, "nodes        %d\n", m->nr_nodes);
	fprintf(sh->out, "cpus         %d\n", m->nr_cpus);
	fprintf(sh->out, "seed         %llu\n", (unsigned long long)m->cfg.seed);
	fprintf(sh->out, "page size    %lu bytes (PAGE_SHIFT %d)\n", PAGE_SIZE, PAGE_SHIFT);
	fprintf(sh->out, "paging       %d levels, %d-byte entries: %s\n", a->levels,
		a->pte_bytes, split);
	fprintf(sh->out, "PAGE_OFFSET  0x%0*lx\n", w, a->page_offset);
	fprintf(sh->out, "TASK_SIZE    0x%0*lx\n", w, a->task_size);
	if (!a->is_64bit)
		fprintf(sh->out, "high_memory  0x%0*lx\n", w, pfn_to_virt(m, m->max_low_pfn));
	fprintf(sh->out, "max_low_pfn  0x%lx (%lu MiB)\n", m->max_low_pfn, MB(m->max_low_pfn));
	fprintf(sh->out, "max_pfn      0x%lx (%lu MiB)\n", m->max_pfn, MB(m->max_pfn));
}

static void print_mem_range(FILE *f, unsigned long lo, unsigned long hi)
{
	fprintf(f, "[mem 0x%016llx-0x%016llx]\n", (unsigned long long)lo << PAGE_SHIFT,
		((unsigned long long)hi << PAGE_SHIFT) - 1);
}

/*
 * The kernel's "Zone ranges:" block: each zone type the architecture has
 * (Movable is listed apart, and empty here), from its lowest to its highest
 * pfn over all nodes, or "empty".
 */
static void info_zone_ranges(struct shell *sh)
{
	const struct machine *m = sh->m;

	fputs("Zone ranges:\n", sh->out);
	for (int t = 0; t < MAX_NR_ZONES; t++) {
		unsigned long lo = ~0UL, hi = 0;

		if (zone_absent(m, t) || t == ZONE_MOVABLE)
			continue;
		for (int nid = 0; nid < m->nr_nodes; nid++) {
			const struct zone *z = &m->node_data[nid].node_zones[t];

			if (!populated_zone(z))
				continue;
			lo = z->zone_start_pfn < lo ? z->zone_start_pfn : lo;
			hi = zone_end_pfn(z) > hi ? zone_end_pfn(z) : hi;
		}
		fprintf(sh->out, "  %-8s ", zone_name(t));
		if (hi > lo)
			print_mem_range(sh->out, lo, hi);
		else
			fputs("empty\n", sh->out);
	}
}

/* RAM inside [lo, hi): all of it but pfn 0 and the firmware hole below 1 MiB. */
static void node_ram_ranges(struct shell *sh, int nid, unsigned long lo, unsigned long hi)
{
	unsigned long runs[2][2] = { { 1, HOLE_START_PFN }, { HOLE_END_PFN, ~0UL } };

	for (int i = 0; i < 2; i++) {
		unsigned long a = runs[i][0] > lo ? runs[i][0] : lo;
		unsigned long b = runs[i][1] < hi ? runs[i][1] : hi;

		if (a >= b)
			continue;
		fprintf(sh->out, "  node %3d: ", nid);
		print_mem_range(sh->out, a, b);
	}
}

static void info_node_ranges(struct shell *sh)
{
	const struct machine *m = sh->m;

	fputs("Early memory node ranges\n", sh->out);
	for (int nid = 0; nid < m->nr_nodes; nid++) {
		const pg_data_t *pgdat = &m->node_data[nid];

		node_ram_ranges(sh, nid, pgdat->node_start_pfn,
				pgdat->node_start_pfn + pgdat->node_spanned_pages);
	}
}

static void info_zone_line(struct shell *sh, const struct zone *z, int t)
{
	if (!populated_zone(z)) {
		fprintf(sh->out, "  %-8s empty\n", zone_name(t));
		return;
	}
	fprintf(sh->out, "  %-8s pfn 0x%lx-0x%lx  present %lu  managed %lu  reserved %lu\n",
		zone_name(t), z->zone_start_pfn, zone_end_pfn(z) - 1, z->present_pages,
		z->managed_pages, z->present_pages - z->managed_pages);
}

/* Per node: its span, then each zone's pages, present and managed by the buddy allocator. */
static void info_nodes(struct shell *sh)
{
	const struct machine *m = sh->m;

	for (int nid = 0; nid < m->nr_nodes; nid++) {
		const pg_data_t *pgdat = &m->node_data[nid];
		unsigned long managed = 0;

		for (int t = 0; t < MAX_NR_ZONES; t++)
			managed += pgdat->node_zones[t].managed_pages;
		fprintf(sh->out, "Node %d: pfn 0x%lx-0x%lx  present %lu  managed %lu  reserved %lu\n",
			nid, pgdat->node_start_pfn,
			pgdat->node_start_pfn + pgdat->node_spanned_pages - 1,
			pgdat->node_present_pages, managed, pgdat->node_present_pages - managed);
		for (int t = 0; t < MAX_NR_ZONES; t++)
			if (!zone_absent(m, t) && t != ZONE_MOVABLE)
				info_zone_line(sh, &pgdat->node_zones[t], t);
	}
}

static int cmd_info(struct shell *sh, struct args *a)
{
	const struct machine *m = sh->m;

	(void)a;
	info_config(sh);
	info_zone_ranges(sh);
	info_node_ranges(sh);
	info_nodes(sh);
	fprintf(sh->out, "totalram_pages %lu (%luK), reserved_pages %lu (%luK)\n",
		m->totalram_pages, KB(m->totalram_pages), m->reserved_pages,
		KB(m->reserved_pages));
	return 0;
}

/* ---- the table --------------------------------------------------------- */

const struct command views_commands[] = {
	{
		.name = "free", .handler = cmd_free, .min_args = 0, .max_args = -1,
		.usage = "free [-b|-k|-m|-g] [-h] [-w] [-l] [-t] [--si] | free ADDR",
		.summary = "amount of free and used memory, as procps free(1) prints it",
		.help = "Prints total, used, free, shared, buff/cache and available memory and\n"
			"swap, from the same figures as /proc/meminfo (procps-ng 3.3 layout):\n"
			"used = total - free - buff/cache; available = MemAvailable.\n"
			"  -k  KiB (default)     -m  MiB     -g  GiB     -b  bytes\n"
			"  -h  human readable (1.5Gi)        --si  powers of 1000\n"
			"  -w  buffers and cache in separate columns\n"
			"  -l  Low and High rows (lowmem and highmem on 32-bit)\n"
			"  -t  a Total row (RAM + swap)\n"
			"Long options work too: --mebi, --human, --wide, --lohi, --total, ...\n"
			"free ADDR (a number) is instead glibc's free(3) in the current process,\n"
			"for memory from `malloc`: a heap chunk goes back to the heap (coalesced;\n"
			"the heap shrinks through brk when its top passes the trim threshold), a\n"
			"chunk of its own mapping is munmapped.",
		.example = "free -m", .group = "views", .complete_arg = complete_free,
	},
	{
		.name = "meminfo", .handler = cmd_meminfo, .min_args = 0, .max_args = 0,
		.usage = "meminfo",
		.summary = "/proc/meminfo: system-wide memory figures in kB",
		.help = "The lines of Linux 6.1's /proc/meminfo in its order.  MemTotal is the\n"
			"pages the buddy allocator manages; MemFree counts free pages in the buddy\n"
			"lists (not those cached on per-CPU lists); MemAvailable is\n"
			"si_mem_available(): free pages minus the zones' reserves (high watermark\n"
			"+ lowmem_reserve), plus reclaimable page cache and slab.  HighTotal..\n"
			"LowFree appear on 32-bit machines.  Swap, the page cache, slab, page\n"
			"tables and vmalloc are counted as the model uses them; what it does not\n"
			"have is 0: Buffers (no block devices), KernelStack, SecPageTables,\n"
			"NFS_Unstable, Bounce, WritebackTmp, Committed_AS, Percpu and huge pages\n"
			"(VmallocChunk is 0 in the kernel too).",
		.example = "meminfo", .group = "views",
	},
	{
		.name = "vmstat", .handler = cmd_vmstat, .min_args = 0, .max_args = 0,
		.usage = "vmstat",
		.summary = "/proc/vmstat: zone, NUMA and node counters, then event counts",
		.help = "\"name value\" lines in the kernel's order: zone counters (nr_free_pages\n"
			"...), NUMA events summed over zones (numa_hit: allocated on the node it\n"
			"wanted; numa_miss/numa_foreign: it fell back to another), node counters,\n"
			"then event counts since boot: pgalloc_<zone> (pages allocated per zone),\n"
			"pgfree (pages freed, boot included), pgfault, ...",
		.example = "vmstat", .group = "views",
	},
	{
		.name = "buddyinfo", .handler = cmd_buddyinfo, .min_args = 0, .max_args = 0,
		.usage = "buddyinfo",
		.summary = "/proc/buddyinfo: free blocks per order in each zone",
		.help = "One line per populated zone: the number of free blocks of order 0, 1,\n"
			"... 10 (1, 2, ... 1024 pages) on the zone's free_area lists.  Pages on\n"
			"per-CPU lists are not counted.  Allocate and free pages and watch blocks\n"
			"split and merge here.",
		.example = "buddyinfo", .group = "views",
	},
	{
		.name = "zoneinfo", .handler = cmd_zoneinfo, .min_args = 0, .max_args = 0,
		.usage = "zoneinfo",
		.summary = "/proc/zoneinfo: watermarks, counters and per-CPU lists of every zone",
		.help = "Every zone type of every node, populated or not.  The first populated\n"
			"zone of a node carries the node's counters.  Then: pages free, the min,\n"
			"low and high watermarks, spanned/present/managed pages, protection (the\n"
			"lowmem_reserve kept against allocations that could use each higher zone),\n"
			"the zone counters, and each CPU's pageset (count, high, batch).",
		.example = "zoneinfo", .group = "views",
	},
	{
		.name = "cat", .handler = cmd_cat, .min_args = 1, .max_args = 1,
		.usage = "cat FILE",
		.summary = "print a /proc file: buddyinfo, meminfo, vmstat, zoneinfo, PID/maps, ...",
		.help = "Prints the view the file is named after, as `cat` would on Linux:\n"
			"/proc/buddyinfo, /proc/meminfo, /proc/slabinfo, /proc/swaps,\n"
			"/proc/vmallocinfo, /proc/vmstat, /proc/zoneinfo, and each process's\n"
			"/proc/PID/maps and /proc/PID/smaps.",
		.example = "cat /proc/buddyinfo", .group = "views", .complete_arg = complete_proc,
	},
	{
		.name = "info", .handler = cmd_info, .min_args = 0, .max_args = 0,
		.usage = "info",
		.summary = "the machine's configuration, layout and zone ranges",
		.help = "Architecture, RAM, nodes, CPUs, seed, paging (levels and how a virtual\n"
			"address splits), PAGE_OFFSET, TASK_SIZE, high_memory (32-bit), max_low_pfn\n"
			"and max_pfn; then the kernel boot log's \"Zone ranges\" and \"Early memory\n"
			"node ranges\" blocks, and for each node and zone its pfn range and its\n"
			"present, managed (given to the buddy allocator) and reserved pages.",
		.example = "info", .group = "machine",
	},
	{ 0 }
};
