/*
 * procfs.c - the /proc views, free(1), trace lines and narration: their
 * layouts line by line, their numbers against the machine, and that
 * reading them changes nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "boot.h"
#include "mm/event.h"
#include "mm/machine.h"
#include "mm/page_alloc.h"
#include "report/procfs.h"
#include "report/trace.h"
#include "shell/narrate.h"

#define MAX_LINES 4096

struct text {
	char *buf;
	size_t len;
	int n;
	char *line[MAX_LINES];
};

/* Runs a view into memory and splits it into lines (the text keeps its '\n's out). */
static void capture(struct text *t, const struct machine *m,
		    void (*view)(const struct machine *, FILE *))
{
	FILE *f = open_memstream(&t->buf, &t->len);

	view(m, f);
	fclose(f);
	t->n = 0;
	for (char *p = t->buf; *p && t->n < MAX_LINES; t->n++) {
		char *nl = strchr(p, '\n');

		t->line[t->n] = p;
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
}

static void release(struct text *t)
{
	free(t->buf);
	t->buf = NULL;
}

static int count_prefix(const struct text *t, const char *prefix)
{
	int n = 0;

	for (int i = 0; i < t->n; i++)
		n += strncmp(t->line[i], prefix, strlen(prefix)) == 0;
	return n;
}

static const char *find_line(const struct text *t, const char *prefix)
{
	for (int i = 0; i < t->n; i++)
		if (strncmp(t->line[i], prefix, strlen(prefix)) == 0)
			return t->line[i];
	return NULL;
}

/* The value after a /proc/meminfo label, or -1. */
static long meminfo_kb(const struct text *t, const char *label)
{
	const char *l = find_line(t, label);

	return l ? strtol(l + strlen(label), NULL, 10) : -1;
}

static int populated_zones(const struct machine *m)
{
	const struct zone *z;
	int n = 0;

	for_each_populated_zone(m, z)
		n++;
	return n;
}

/* ---- buddyinfo --------------------------------------------------------- */

/* Every line re-printed from its own numbers must give itself back. */
static void check_buddyinfo_layout(const struct text *t)
{
	int bad = 0;

	for (int i = 0; i < t->n; i++) {
		unsigned long v[NR_PAGE_ORDERS];
		char name[16], again[256];
		int nid, pos, len;

		if (sscanf(t->line[i], "Node %d, zone %15s%n", &nid, name, &pos) != 2) {
			bad++;
			continue;
		}
		len = snprintf(again, sizeof(again), "Node %d, zone %8s ", nid, name);
		for (int o = 0; o < NR_PAGE_ORDERS; o++) {
			int used;

			if (sscanf(t->line[i] + pos, "%lu%n", &v[o], &used) != 1)
				bad++;
			pos += used;
			len += snprintf(again + len, sizeof(again) - (size_t)len, "%6lu ", v[o]);
		}
		bad += strcmp(again, t->line[i]) != 0;
	}
	check_int(bad, ==, 0);
}

static void test_buddyinfo(const char *arch, unsigned long long mib, int nodes)
{
	struct machine *m = boot(arch, mib, nodes, 1);
	const struct zone *z;
	struct text t;
	int i = 0;

	capture(&t, m, proc_buddyinfo);
	ok(t.n == populated_zones(m), "%s: one buddyinfo line per populated zone (%d)", arch, t.n);
	check_buddyinfo_layout(&t);
	ok(t.n > 0 && t.line[0][strlen(t.line[0]) - 1] == ' ', "%s: lines end with a space", arch);
	for_each_populated_zone(m, z) {
		unsigned long pages = 0;
		char head[48];

		snprintf(head, sizeof(head), "Node %d, zone %8s ", z->zone_pgdat->node_id,
			 zone_name(z->type));
		ok(i < t.n && strncmp(t.line[i], head, strlen(head)) == 0, "line %d is %s", i, head);
		for (int o = 0; o < NR_PAGE_ORDERS; o++)
			pages += z->free_area[o].nr_free << o;
		check_int(pages, ==, zone_page_state(z, NR_FREE_PAGES));
		i++;
	}
	release(&t);
	machine_destroy(m);
}

/* Per-CPU pages are not in buddyinfo: an order-0 allocation refills a batch. */
static void test_buddyinfo_pcp(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	const struct zone *normal = &m->node_data[0].node_zones[ZONE_NORMAL];
	unsigned long before = zone_page_state(normal, NR_FREE_PAGES);

	ok(alloc_pages(m, GFP_KERNEL, 0) >= 0, "alloc_pages(GFP_KERNEL, 0)");
	check_int(zone_page_state(normal, NR_FREE_PAGES), ==, before - normal->pcp[0].batch);
	check_int(normal->pcp[0].count, ==, normal->pcp[0].batch - 1);
	machine_destroy(m);
}

/* ---- zoneinfo ---------------------------------------------------------- */

static void test_zoneinfo_i386(void)
{
	struct machine *m = boot("i386", 1024, 1, 2);
	struct text t;
	const char *p;

	capture(&t, m, proc_zoneinfo);
	check_int(count_prefix(&t, "Node 0, zone      DMA"), ==, 1);
	check_int(count_prefix(&t, "Node 0, zone   Normal"), ==, 1);
	check_int(count_prefix(&t, "Node 0, zone  HighMem"), ==, 1);
	check_int(count_prefix(&t, "Node 0, zone  Movable"), ==, 1);
	check_int(count_prefix(&t, "Node 0, zone    DMA32"), ==, 0);	/* absent on i386 */
	check_int(count_prefix(&t, "  per-node stats"), ==, 1);
	ok(strcmp(t.line[1], "  per-node stats") == 0, "node stats follow the first zone");
	check_int(count_prefix(&t, "  pagesets"), ==, 3);		/* populated zones */
	check_int(count_prefix(&t, "    cpu: "), ==, 3 * 2);
	check_int(count_prefix(&t, "  vm stats threshold: "), ==, 3 * 2);
	check_int(count_prefix(&t, "        protection: ("), ==, 4);
	p = find_line(&t, "        protection: (");
	ok(p && strcmp(p, "        protection: (0, 864, 992, 992)") == 0,
	   "DMA protection: Normal/256, (Normal+HighMem)/256: %s", p ? p : "(none)");
	ok(strcmp(t.line[t.n - 1], "        protection: (0, 0, 0, 0)") == 0,
	   "the unpopulated Movable zone ends with its protection line");
	check_int(count_prefix(&t, "  start_pfn:           4096"), ==, 1);
	check_int(count_prefix(&t, "              high:  "), ==, 6);
	check_int(count_prefix(&t, "  pages free     "), ==, 4);
	check_int(count_prefix(&t, "        promo"), ==, 0);		/* 6.1 has no promo line */
	release(&t);
	machine_destroy(m);
}

static void test_zoneinfo_x86_64(void)
{
	struct machine *m = boot("x86_64", 2048, 1, 1);
	struct text t;

	capture(&t, m, proc_zoneinfo);
	check_int(count_prefix(&t, "Node 0, zone  HighMem"), ==, 0);	/* absent on x86_64 */
	check_int(count_prefix(&t, "Node 0, zone    DMA32"), ==, 1);
	check_int(count_prefix(&t, "Node 0, zone   Normal"), ==, 1);	/* unpopulated: shown */
	check_int(count_prefix(&t, "  pagesets"), ==, 2);
	check_int(count_prefix(&t, "      numa_interleave "), ==, 2);
	for (int i = 0; i < t.n; i++)
		if (strcmp(t.line[i], "Node 0, zone   Normal") == 0)
			ok(i + 10 < t.n && strncmp(t.line[i + 10], "        protection: (", 20) == 0 &&
			   strncmp(t.line[i + 11], "Node 0, zone  Movable", 21) == 0,
			   "an unpopulated zone: no stats, no pagesets");
	release(&t);
	machine_destroy(m);
}

static void test_zoneinfo_nodes(void)
{
	struct machine *m = boot("x86_64", 8192, 2, 2);
	struct text t;

	capture(&t, m, proc_zoneinfo);
	check_int(count_prefix(&t, "  per-node stats"), ==, 2);
	check_int(count_prefix(&t, "Node 1, zone "), ==, 4);
	check_int(count_prefix(&t, "  start_pfn:           1048576"), ==, 1);
	release(&t);
	machine_destroy(m);
}

/* ---- meminfo ----------------------------------------------------------- */

static const char *const meminfo_i386[] = {
	"MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached", "Active",
	"Inactive", "Active(anon)", "Inactive(anon)", "Active(file)", "Inactive(file)",
	"Unevictable", "Mlocked", "HighTotal", "HighFree", "LowTotal", "LowFree", "SwapTotal",
	"SwapFree", "Dirty", "Writeback", "AnonPages", "Mapped", "Shmem", "KReclaimable",
	"Slab", "SReclaimable", "SUnreclaim", "KernelStack", "PageTables", "SecPageTables",
	"NFS_Unstable", "Bounce", "WritebackTmp", "CommitLimit", "Committed_AS",
	"VmallocTotal", "VmallocUsed", "VmallocChunk", "Percpu", "HugePages_Total",
	"HugePages_Free", "HugePages_Rsvd", "HugePages_Surp", "Hugepagesize", "Hugetlb",
	"DirectMap4k", "DirectMap4M", NULL
};

/* "Label:" padded to 16 columns, the kB value right-aligned to column 24. */
static void check_meminfo_layout(const struct text *t)
{
	int bad = 0;

	for (int i = 0; i < t->n; i++) {
		const char *l = t->line[i], *colon = strchr(l, ':');
		size_t len = strlen(l);

		if (!colon) {
			bad++;
			continue;
		}
		if (strncmp(l, "HugePages_", 10) == 0) {
			bad += len != 24 || l[18] != ' ' || l[23] == ' ';
			continue;
		}
		if (len < 27 || strcmp(l + len - 3, " kB") != 0 || l[15] != ' ' ||
		    l[len - 4] == ' ' || (colon - l) > 15) {
			diag("bad line: '%s'", l);
			bad++;
		}
	}
	check_int(bad, ==, 0);
}

static void test_meminfo_i386(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct meminfo mi;
	struct text t;
	int i;

	capture(&t, m, proc_meminfo);
	for (i = 0; meminfo_i386[i] && i < t.n; i++) {
		size_t n = strlen(meminfo_i386[i]);

		if (strncmp(t.line[i], meminfo_i386[i], n) != 0 || t.line[i][n] != ':')
			break;
	}
	ok(!meminfo_i386[i] && i == t.n, "meminfo lines in 6.1 order (%d of %d)", i, t.n);
	check_meminfo_layout(&t);
	check_str(t.line[0], "MemTotal:        1031168 kB");
	check_int(meminfo_kb(&t, "MemTotal:"), ==, m->totalram_pages * 4);
	check_int(meminfo_kb(&t, "HighTotal:"), ==,
		  m->node_data[0].node_zones[ZONE_HIGHMEM].managed_pages * 4);
	check_int(meminfo_kb(&t, "LowTotal:") + meminfo_kb(&t, "HighTotal:"), ==,
		  meminfo_kb(&t, "MemTotal:"));
	check_int(meminfo_kb(&t, "DirectMap4k:") + meminfo_kb(&t, "DirectMap4M:"), ==,
		  m->max_low_pfn * 4);
	check_int(meminfo_kb(&t, "VmallocTotal:"), ==, (0xff7fe000UL - 0xf8800000UL) >> 10);
	check_int(meminfo_kb(&t, "CommitLimit:"), ==, m->totalram_pages * 4 / 2);
	check_int(meminfo_kb(&t, "Hugepagesize:"), ==, 4096);
	meminfo_fill(m, &mi);
	check_int(mi.available, ==, mi.freeram - totalreserve_pages(m));
	release(&t);
	machine_destroy(m);
}

static void test_meminfo_x86_64(void)
{
	struct machine *m = boot("x86_64", 8192, 2, 1);
	struct text t;

	capture(&t, m, proc_meminfo);
	check_meminfo_layout(&t);
	ok(!find_line(&t, "HighTotal:") && !find_line(&t, "LowFree:"), "no highmem lines");
	check_str(find_line(&t, "VmallocTotal:"), "VmallocTotal:   34359738367 kB");
	check_int(meminfo_kb(&t, "DirectMap4k:") + meminfo_kb(&t, "DirectMap2M:") +
		  meminfo_kb(&t, "DirectMap1G:"), ==, 8192L * 1024);
	check_int(meminfo_kb(&t, "DirectMap1G:"), ==, 7L * 1024 * 1024);
	check_int(meminfo_kb(&t, "Hugepagesize:"), ==, 2048);
	release(&t);
	machine_destroy(m);
}

/* ---- vmstat ------------------------------------------------------------ */

static void test_vmstat(const char *arch, const char *absent, const char *present)
{
	struct machine *m = boot(arch, 2048, 1, 1);
	struct text t;
	int bad = 0;
	char want[64];

	capture(&t, m, proc_vmstat);
	for (int i = 0; i < t.n; i++) {
		char name[64];
		unsigned long v;
		char again[128];

		if (sscanf(t.line[i], "%63s %lu", name, &v) != 2)
			bad++;
		snprintf(again, sizeof(again), "%s %lu", name, v);
		bad += strcmp(again, t.line[i]) != 0;
	}
	check_int(bad, ==, 0);
	check_str(t.line[0], (snprintf(want, sizeof(want), "nr_free_pages %lu",
				       m->totalram_pages), want));
	check_str(t.line[t.n - 1], "nr_unstable 0");
	ok(!find_line(&t, absent), "%s: no %s line", arch, absent);
	ok(find_line(&t, present) != NULL, "%s: a %s line", arch, present);
	ok(find_line(&t, "numa_hit ") != NULL, "%s: numa_hit", arch);
	release(&t);
	machine_destroy(m);
}

/* ---- free -------------------------------------------------------------- */

static void free_text(struct text *t, const struct machine *m, const char *const *args)
{
	struct free_opts o = { 0 };
	char err[128];
	FILE *f;

	for (; *args; args++)
		if (free_parse_arg(&o, *args, err, sizeof(err)) < 0)
			diag("free_parse_arg: %s", err);
	f = open_memstream(&t->buf, &t->len);
	show_free(m, &o, f);
	fclose(f);
}

static void test_free(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	static const char *const none[] = { NULL }, *const h[] = { "-h", NULL };
	static const char *const mlt[] = { "-m", "-lt", NULL };
	struct free_opts o = { 0 };
	struct text t;
	char err[128];

	free_text(&t, m, none);
	check_str(t.buf,
		  "              total        used        free      shared  buff/cache   available\n"
		  "Mem:        1031168           0     1031168           0           0     1017028\n"
		  "Swap:             0           0           0\n");
	release(&t);
	free_text(&t, m, h);
	check_str(t.buf,
		  "              total        used        free      shared  buff/cache   available\n"
		  "Mem:          1.0Gi          0B       1.0Gi          0B          0B       993Mi\n"
		  "Swap:            0B          0B          0B\n");
	release(&t);
	free_text(&t, m, mlt);
	check_str(t.buf,
		  "              total        used        free      shared  buff/cache   available\n"
		  "Mem:           1007           0        1007           0           0         993\n"
		  "Low:            879           0         879\n"
		  "High:           128           0         128\n"
		  "Swap:             0           0           0\n"
		  "Total:         1007           0        1007\n");
	release(&t);
	check_int(free_parse_arg(&o, "-m", err, sizeof(err)), ==, 0);
	check_int(free_parse_arg(&o, "-g", err, sizeof(err)), ==, -1);
	check_str(err, "Multiple unit options don't make sense.");
	check_int(free_parse_arg(&o, "-x", err, sizeof(err)), ==, -1);
	check_str(err, "invalid option -- 'x'");
	check_int(free_parse_arg(&o, "--frob", err, sizeof(err)), ==, -1);
	check_str(err, "unrecognized option '--frob'");
	machine_destroy(m);
}

/* ---- reading changes nothing ------------------------------------------- */

static void view_free(const struct machine *m, FILE *f)
{
	struct free_opts o = { .wide = true, .lohi = true, .total = true };

	show_free(m, &o, f);
}

static void test_read_only(void)
{
	struct machine *m = boot("x86_64", 4096, 2, 2);
	void (*const views[])(const struct machine *, FILE *) = {
		proc_buddyinfo, proc_zoneinfo, proc_meminfo, proc_vmstat, view_free,
	};
	size_t map = m->max_pfn * sizeof(struct page);
	size_t nodes = (size_t)m->nr_nodes * sizeof(pg_data_t);
	struct page *map_copy = malloc(map);
	pg_data_t *node_copy = malloc(nodes);
	struct machine copy;

	alloc_pages(m, GFP_KERNEL, 0);
	alloc_pages(m, GFP_KERNEL, 3);
	memcpy(&copy, m, sizeof(copy));
	memcpy(map_copy, m->mem_map, map);
	memcpy(node_copy, m->node_data, nodes);
	for (size_t i = 0; i < sizeof(views) / sizeof(views[0]); i++) {
		struct text t;

		capture(&t, m, views[i]);
		release(&t);
	}
	ok(memcmp(map_copy, m->mem_map, map) == 0, "mem_map unchanged by the views");
	ok(memcmp(node_copy, m->node_data, nodes) == 0, "nodes and zones unchanged");
	ok(memcmp(&copy, m, sizeof(copy)) == 0, "struct machine unchanged");
	free(map_copy);
	free(node_copy);
	machine_destroy(m);
}

/* ---- trace and narration ----------------------------------------------- */

static void test_trace(void)
{
	struct machine *m = boot("x86_64", 2048, 1, 1);
	struct machine *m32 = boot("i386", 1024, 1, 1);
	const struct zone *normal = &m32->node_data[0].node_zones[ZONE_NORMAL];
	struct mm_event alloc = { .type = EV_MM_PAGE_ALLOC, .pfn = 0x1000, .order = 0,
				  .gfp = GFP_KERNEL };
	struct mm_event fr = { .type = EV_MM_PAGE_FREE, .pfn = 0x1f000, .order = 3 };
	struct mm_event locked = { .type = EV_MM_PAGE_ALLOC_ZONE_LOCKED, .pfn = 0x1800,
				   .val = 1 };
	struct mm_event split = { .type = EV_BUDDY_SPLIT, .pfn = 0x1804, .order = 2,
				  .zone = normal };
	struct mm_event none = { .type = EV_MM_PAGE_ALLOC, .pfn = 0x10, .gfp = 0 };
	char line[512];

	trace_format(m, &alloc, line, sizeof(line));
	check_str(line, "mm_page_alloc: page=0xffffea0000040000 pfn=0x1000 order=0 "
			"migratetype=0 gfp_flags=GFP_KERNEL");
	trace_format(m, &fr, line, sizeof(line));
	check_str(line, "mm_page_free: page=0xffffea00007c0000 pfn=0x1f000 order=3");
	trace_format(m32, &locked, line, sizeof(line));
	check_str(line, "mm_page_alloc_zone_locked: page=0xc1030000 pfn=0x1800 order=0 "
			"migratetype=0 percpu_refill=1");
	trace_format(m32, &split, line, sizeof(line));
	check_str(line, "buddy_split: zone=Normal node=0 pfn=0x1804 order=2");
	trace_format(m32, &none, line, sizeof(line));
	check_str(line, "mm_page_alloc: page=0xc1000200 pfn=0x10 order=0 migratetype=0 "
			"gfp_flags=none");
	trace_format(m32, &split, line, 10);
	check_str(line, "buddy_spl");
	machine_destroy(m32);
	machine_destroy(m);
}

static void narrate_capture(const struct machine *m, const struct mm_event *ev, char **buf,
			    size_t *len)
{
	FILE *f = open_memstream(buf, len);

	narrate_event(m, ev, f);
	fclose(f);
}

static void test_narrate(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	const struct zone *normal = &m->node_data[0].node_zones[ZONE_NORMAL];
	struct mm_event start = { .type = EV_ALLOC_START, .order = 3, .gfp = GFP_KERNEL,
				  .val = 0, .val2 = ZONE_NORMAL };
	struct mm_event merge = { .type = EV_BUDDY_MERGE, .pfn = 0x1004, .val = 0x1000,
				  .order = 2, .zone = normal };
	struct mm_event split = { .type = EV_BUDDY_SPLIT, .pfn = 0x1004, .order = 2,
				  .zone = normal };
	struct mm_event locked = { .type = EV_MM_PAGE_ALLOC_ZONE_LOCKED, .pfn = 0x1000,
				   .zone = normal };
	char *buf;
	size_t len;

	narrate_capture(m, &start, &buf, &len);
	check_str(buf, "alloc_pages(order=3, GFP_KERNEL): zonelist Normal, DMA (node 0).\n");
	free(buf);
	narrate_capture(m, &merge, &buf, &len);
	check_str(buf, "merge: the order-2 buddy of pfn 0x1004 is 0x1004 ^ (1 << 2) = 0x1000, "
		       "and it is free: together they make pfn 0x1000, order 3.\n");
	free(buf);
	narrate_capture(m, &split, &buf, &len);
	check_str(buf, "split: pfn 0x1000 (order 3) halves; the upper half, pfn 0x1004 "
		       "(order 2), goes on free_area[2].\n");
	free(buf);
	narrate_capture(m, &locked, &buf, &len);
	check_int(len, ==, 0);		/* told by other lines */
	free(buf);
	machine_destroy(m);
}

/* The watermark sentence does the kernel's arithmetic, lowmem_reserve included. */
static void test_narrate_watermark(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	const struct zone *dma = &m->node_data[0].node_zones[ZONE_DMA];
	struct mm_event low = { .type = EV_ZONE_WATERMARK, .zone = dma, .order = 0,
				.gfp = GFP_KERNEL, .val = 20, .val2 = WMARK_LOW, .val3 = 500 };
	struct mm_event atomic = { .type = EV_ZONE_WATERMARK, .zone = dma, .order = 2,
				   .gfp = GFP_ATOMIC, .val = 16, .val2 = WMARK_MIN, .val3 = 3840,
				   .ok = true };
	struct mm_event unknown = { .type = EV_ZONE_WATERMARK, .zone = dma, .val = 20,
				    .val2 = WMARK_LOW, .val3 = 500 };
	char *buf;
	size_t len;

	narrate_capture(m, &low, &buf, &len);
	check_str(buf, "watermark: zone DMA (node 0) has 500 free pages, not above its low "
		       "watermark 20 + lowmem_reserve 864 = 884: try the next zone.\n");
	free(buf);
	narrate_capture(m, &atomic, &buf, &len);
	check_str(buf, "watermark: zone DMA (node 0) has 3840 free pages; 3840 - (4 - 1) = 3837 "
		       "is above its min watermark 16 (lowered to 6 for this request) + "
		       "lowmem_reserve 864 = 870: OK.\n");
	free(buf);
	narrate_capture(m, &unknown, &buf, &len);
	check_str(buf, "watermark: zone DMA (node 0) has 500 free pages, checked against its "
		       "low watermark 20: try the next zone.\n");
	free(buf);
	machine_destroy(m);
}

int main(void)
{
	test_buddyinfo("i386", 1024, 1);
	test_buddyinfo("x86_64", 8192, 4);
	test_buddyinfo("i386-pae", 4096, 1);
	test_buddyinfo_pcp();
	test_zoneinfo_i386();
	test_zoneinfo_x86_64();
	test_zoneinfo_nodes();
	test_meminfo_i386();
	test_meminfo_x86_64();
	test_vmstat("i386", "pgalloc_dma32 ", "pgalloc_high ");
	test_vmstat("x86_64", "pgalloc_high ", "pgalloc_dma32 ");
	test_free();
	test_read_only();
	test_trace();
	test_narrate();
	test_narrate_watermark();
	return done_testing();
}
