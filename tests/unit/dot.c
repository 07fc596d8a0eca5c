/*
 * dot.c - the diagram helpers: sizes, counts, escaping, folding, and the
 * node bound of every diagram on big and fragmented machines.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "tap.h"
#include "dot/dot.h"
#include "mm/machine.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "mm/page_alloc.h"
#include "mm/sched.h"
#include "mm/slab.h"
#include "mm/vmalloc.h"

static struct machine *boot(const char *arch, unsigned long long ram_mib, int nodes)
{
	struct machine_config cfg;
	char err[MM_ERR_LEN];

	machine_default_config(&cfg);
	cfg.arch = arch_by_name(arch);
	cfg.ram = ram_mib << 20;
	cfg.nodes = nodes;
	if (machine_config_check(&cfg, err) < 0) {
		diag("bad config: %s", err);
		exit(1);
	}
	return machine_create(&cfg);
}

static void test_size(void)
{
	static const struct { unsigned long long bytes; const char *text; } cases[] = {
		{ 0, "0B" }, { 1023, "1023B" }, { 4096, "4K" }, { 636 << 10, "636K" },
		{ 1572864, "1.5M" }, { 880ULL << 20, "880M" }, { 39.5 * (1 << 20), "39.5M" },
		{ 16ULL << 30, "16G" }, { (1ULL << 30) - 4096, "1024M" },
		{ 1000ULL << 20, "1000M" }, { (100ULL << 20) + (1 << 19), "101M" },
		{ 0xffff000000000000ULL, "16E" }, { 1ULL << 47, "128T" }, { ~0ULL, "16E" },
	};
	char buf[16];

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		dot_size(buf, sizeof buf, cases[i].bytes);
		check_str(buf, cases[i].text);
	}
}

static void test_count(void)
{
	char buf[32];

	dot_count(buf, sizeof buf, 0);
	check_str(buf, "0");
	dot_count(buf, sizeof buf, 999);
	check_str(buf, "999");
	dot_count(buf, sizeof buf, 1000);
	check_str(buf, "1,000");
	dot_count(buf, sizeof buf, 1234567);
	check_str(buf, "1,234,567");
	dot_id(buf, "pfn", 0x1a00);
	check_str(buf, "pfn_1a00");
}

static void test_escape(void)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	dot_escape_html(f, "<a & 'b'> \"c\"");
	fclose(f);
	check_str(text, "&lt;a &amp; &#39;b&#39;&gt; &quot;c&quot;");
	free(text);
}

/* A walker over an array of kinds, one unit per element, runs merged. */
struct kinds {
	const int *k;
};

static void walk_kinds(void *ctx, unsigned long lo, unsigned long hi, dot_emit_fn emit,
		       void *folder)
{
	const struct kinds *ks = ctx;

	for (unsigned long i = lo, j; i < hi; i = j) {
		for (j = i + 1; j < hi && ks->k[j] == ks->k[i]; j++)
			;
		emit(folder, i, j - i, ks->k[i]);
	}
}

static void test_fold_exact(void)
{
	static const int k[] = { 0, 0, 3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct kinds ks = { k };
	struct dot_cell cells[8];
	unsigned long chunk;
	int n = dot_fold(walk_kinds, &ks, 0, 16, 8, cells, &chunk);

	check_int(n, ==, 5);
	check_int(chunk, ==, 1);
	check_int(cells[1].start, ==, 2);
	check_int(cells[1].count, ==, 1);
	check_int(cells[1].kind, ==, 3);
	check_int(cells[4].start, ==, 8);
	check_int(cells[4].count, ==, 8);
	check_int(cells[4].kind2, ==, -1);
}

/* The example of dot.c's header: limit 3 needs chunks of 4. */
static void test_fold_chunks(void)
{
	static const int k[] = { 0, 0, 3, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct kinds ks = { k };
	struct dot_cell cells[3];
	unsigned long chunk;
	int n = dot_fold(walk_kinds, &ks, 0, 16, 3, cells, &chunk);

	check_int(n, ==, 2);
	check_int(chunk, ==, 4);
	check_int(cells[0].start, ==, 0);
	check_int(cells[0].count, ==, 8);
	check_int(cells[0].kind, ==, 0);
	check_int(cells[0].kind2, ==, 3);
	check_int(cells[0].n[0], ==, 5);
	check_int(cells[0].n[3], ==, 3);
	check_int(cells[1].count, ==, 8);
	check_int(cells[1].kind2, ==, -1);
}

/* Alternating kinds over a long odd range: within limit, nothing lost. */
static void test_fold_bound(void)
{
	enum { N = 100003 };
	int *k = malloc(N * sizeof *k);
	struct kinds ks = { k };
	struct dot_cell cells[10];
	unsigned long chunk, units = 0, total[DOT_FOLD_KINDS] = { 0 };
	bool contiguous = true;
	int n;

	for (int i = 0; i < N; i++)
		k[i] = i % 7 == 0 ? 5 : (i / 1000) % 2;
	n = dot_fold(walk_kinds, &ks, 0, N, 10, cells, &chunk);
	check_int(n, <=, 10);
	check_int(n, >=, 1);
	for (int i = 0; i < n; i++) {
		contiguous &= cells[i].start == units;
		units += cells[i].count;
		for (int j = 0; j < DOT_FOLD_KINDS; j++)
			total[j] += cells[i].n[j];
	}
	ok(contiguous, "folded cells are contiguous");
	check_int(units, ==, N);
	check_int(total[0] + total[1] + total[5], ==, N);
	check_int(total[5], ==, (N + 6) / 7);
	free(k);
}

/* Writes a diagram into memory; NULL (with a diag) if it fails. */
static char *diagram(struct machine *m, const char *what, int optc, char **key, char **val)
{
	struct dot_opts o = { .optc = optc, .key = key, .val = val };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int r = dot_write(m, dot_what_find(what), &o, f);

	fclose(f);
	if (r < 0) {
		diag("dot %s: %s", what, m->err);
		free(text);
		return NULL;
	}
	return text;
}

static unsigned long count(const char *text, const char *needle)
{
	unsigned long n = 0;

	for (const char *p = text; p && (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* Node statements: every `ID [label=<` and the invisible points. */
static unsigned long nodes(const char *text)
{
	return count(text, " [label=<") + count(text, "[shape=point");
}

static void check_bounded(struct machine *m, const char *name)
{
	for (const struct dot_what *w = dot_whats(); w->name; w++) {
		clock_t t0 = clock();
		char *a = diagram(m, w->name, 0, NULL, NULL);
		double ms = (double)(clock() - t0) * 1000 / CLOCKS_PER_SEC;
		char *b = diagram(m, w->name, 0, NULL, NULL);

		ok(a && b && strcmp(a, b) == 0, "%s: dot %s is deterministic", name, w->name);
		if (a) {
			check_int(nodes(a), <=, DOT_NODE_BUDGET);
			check_int(count(a, "pfn 0x"), <=, 512);
			diag("%s: dot %s: %lu nodes, %zu bytes, %.1f ms", name, w->name, nodes(a),
			     strlen(a), ms);
		}
		free(a);
		free(b);
	}
}

/*
 * n processes, each with every VMA touched once and, in the last one, 600
 * small mappings, so that address-space diagrams have something to fold.
 */
static void start_processes(struct machine *m, int n)
{
	struct exec_opts eo = { .libs = "libc,ld.so", .bss = 8192 };
	struct fault_info fi;
	unsigned long pfn;
	int pid = 0;

	for (int i = 0; i < n; i++) {
		struct task_struct *t;

		pid = do_execve(m, "app", &eo);
		if (pid < 0) {
			diag("exec: %s", m->err);
			return;
		}
		t = find_task(m, pid);
		for (struct vm_area_struct *v = t->mm->mmap; v; v = v->vm_next)
			user_access(m, v->vm_start, (v->vm_flags & VM_WRITE) ? ACCESS_WRITE
				    : ACCESS_READ, &pfn, &fi);
	}
	for (int i = 0; i < 600; i++) {
		struct task_struct *t = find_task(m, pid);
		long a = do_mmap(m, t->mm, 0, 3 * PAGE_SIZE, PROT_READ | (i % 2 ? PROT_WRITE : 0),
				 MAP_PRIVATE | MAP_ANONYMOUS, NULL, 0);

		if (a >= 0 && i % 6 == 3)
			user_access(m, (unsigned long)a, ACCESS_WRITE, &pfn, &fi);
	}
	diag("%d processes, the last with %d VMAs", n, find_task(m, pid)->mm->map_count);
}

/*
 * The worst case for folding: a 16 GiB machine with 1,000 processes, then
 * every free frame allocated one by one and every third one freed, so no
 * two neighbours agree.
 */
static void test_fragmented_16g(void)
{
	struct machine *m = boot("x86_64", 16384, 1);
	unsigned long n = 0;
	long pfn;

	start_processes(m, 1000);
	unsigned long *pfns = malloc(m->max_pfn * sizeof *pfns);

	/* without reclaim: neither kswapd nor the OOM killer may touch the processes */
	while ((pfn = alloc_pages(m, GFP_KERNEL & ~__GFP_RECLAIM, 0)) >= 0)
		pfns[n++] = (unsigned long)pfn;
	for (unsigned long i = 0; i < n; i += 3)
		__free_pages(m, pfns[i], 0);
	free(pfns);
	diag("allocated %lu frames, freed every third", n);
	check_bounded(m, "16G fragmented");
	machine_destroy(m);
}

static void test_many_nodes(void)
{
	struct machine *m = boot("x86_64", 16384, 64);

	start_processes(m, 8);
	check_bounded(m, "16G 64 nodes");
	machine_destroy(m);
}

/* A cache with a CPU slab on each of 64 CPUs and partial slabs on 64 nodes. */
static void test_slab_bound(void)
{
	struct machine_config cfg;
	struct machine *m;
	unsigned long (*addr)[100] = malloc(64 * sizeof *addr);
	char *name[] = { "kmalloc-64" }, *text;
	struct dot_opts o = { .argc = 1, .argv = name };
	size_t len = 0;
	FILE *f;

	machine_default_config(&cfg);
	cfg.arch = arch_by_name("x86_64");
	cfg.ram = 16384ULL << 20;
	cfg.nodes = 64;
	cfg.cpus = 64;
	m = machine_create(&cfg);
	for (int c = 0; c < 64; c++) {
		m->cpu = c;
		for (int i = 0; i < 100; i++)
			addr[c][i] = kmalloc(m, 64, GFP_KERNEL);
	}
	for (int c = 0; c < 64; c++) {
		m->cpu = c;
		for (int i = 0; i < 64; i += 7)		/* the first, full slab: partial */
			kfree(m, addr[c][i]);
	}
	f = open_memstream(&text, &len);
	ok(dot_write(m, dot_what_find("slab"), &o, f) == 0, "dot slab kmalloc-64 on 64 CPUs");
	fclose(f);
	check_int(nodes(text), <=, DOT_NODE_BUDGET);
	ok(strstr(text, "more CPU slabs") && strstr(text, "more nodes with partial slabs"),
	   "CPUs and nodes beyond the first are summarised");
	diag("dot slab kmalloc-64, 64 CPUs and nodes: %lu nodes", nodes(text));
	free(text);
	free(addr);
	machine_destroy(m);
}

static void test_errors(void)
{
	struct machine *m = boot("i386", 64, 1);
	char *zone[] = { "zone" }, *dma32[] = { "DMA32" }, *high[] = { "highmem" };
	char *node[] = { "node" }, *one[] = { "1" }, *bogus[] = { "bogus" };

	ok(!diagram(m, "phys", 1, zone, dma32), "no DMA32 on i386");
	check_str(m->err, "i386 has no zone 'DMA32' (zones: DMA, Normal, HighMem)");
	ok(!diagram(m, "buddy", 1, zone, high), "no HighMem in 64M");
	check_str(m->err, "zone HighMem is empty on this machine (64 MiB of RAM)");
	ok(!diagram(m, "buddy", 1, node, one), "no node 1");
	check_str(m->err, "node 1 does not exist (nodes 0..0)");
	ok(!diagram(m, "phys", 1, bogus, one), "unknown option");
	check_str(m->err, "phys takes no option 'bogus' (usage: dot phys [node=N] [zone=NAME])");
	machine_destroy(m);
}

static void test_file_names(void)
{
	ok(dot_file_name("b.svg") && dot_file_name("Buddy.SVG") && dot_file_name("x.Dot") &&
	   dot_file_name("g.GV") && dot_file_name("dir/p.PdF"), "FILE extensions in any case");
	ok(!dot_file_name("out.txt") && !dot_file_name("svg") && !dot_file_name(".svg") &&
	   !dot_file_name("a.svg/b"), "not FILEs");
	ok(dot_file_renders("a.PNG") && !dot_file_renders("a.DOT"), "rendered: svg, png, pdf");
	ok(dot_looks_like_file("out.txt") && dot_looks_like_file("dir/x") &&
	   dot_looks_like_file("a.b"), "words that look like files");
	ok(!dot_looks_like_file("12") && !dot_looks_like_file("v2.0") &&
	   !dot_looks_like_file("kmalloc-64") && !dot_looks_like_file("x."),
	   "words that do not: a PID, a version, a cache name");
}

/* dot_wrapped() of text at width, as a string (the caller frees it). */
static char *wrapped(const char *text, int width)
{
	char *out = NULL;
	size_t len = 0;
	struct dot d = { .out = open_memstream(&out, &len) };

	dot_wrapped(&d, text, width);
	fclose(d.out);
	return out;
}

static void test_wrapped(void)
{
	static const struct { const char *text; int width; const char *want; } cases[] = {
		{ "aaa bbb ccc", 7, "aaa bbb<BR/>ccc" },
		{ "aaa bbb ccc", 6, "aaa<BR/>bbb<BR/>ccc" },
		{ "a verylongword b", 4, "a<BR/>verylongword<BR/>b" },
		{ "x < y & z", 40, "x &lt; y &amp; z" },
		{ "one\ntwo three", 40, "one<BR/>two three" },
		{ "", 10, "" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = wrapped(cases[i].text, cases[i].width);

		check_str(got, cases[i].want);
		free(got);
	}
}

/* A word that looks like a file: an error naming FILE, unless it names a cache. */
static void test_file_words(void)
{
	struct machine *m = boot("i386", 64, 1);
	char *out[] = { "out.txt" }, *dotted[] = { "my.cache" };
	struct dot_opts o = { .argc = 1, .argv = out };
	FILE *f = fopen("/dev/null", "w");
	const char *want = "cannot write 'out.txt': FILE must end in .dot, .gv, .svg, .png or .pdf";

	ok(dot_write(m, dot_what_find("buddy"), &o, f) == -EINVAL, "buddy out.txt fails");
	check_str(m->err, want);
	ok(dot_write(m, dot_what_find("slab"), &o, f) == -EINVAL, "slab out.txt fails");
	check_str(m->err, want);
	start_processes(m, 1);
	ok(dot_write(m, dot_what_find("aspace"), &o, f) == -EINVAL, "aspace out.txt fails");
	check_str(m->err, want);
	ok(kmem_cache_create(m, "my.cache", 64, 0, 0) != NULL, "a cache named my.cache");
	o.argv = dotted;
	ok(dot_write(m, dot_what_find("slab"), &o, f) == 0, "slab my.cache draws it");
	fclose(f);
	machine_destroy(m);
}

/* The smallest POINT-SIZE or fontsize in text. */
static int smallest_font(const char *text)
{
	int min = 1000;

	for (const char *p = text; (p = strstr(p, "POINT-SIZE=\"")); p++)
		if (atoi(p + 12) < min)
			min = atoi(p + 12);
	for (const char *p = text; (p = strstr(p, "fontsize=")); p++)
		if (atoi(p + 9) < min)
			min = atoi(p + 9);
	return min;
}

/*
 * Every diagram of a machine with something of each kind: a legend, no
 * font below 12 pt; and the colours `dot layout` gives pkmap and fixmap
 * appear in no other diagram.
 */
static void test_readability(void)
{
	struct machine *m = boot("i386", 1024, 1);
	char *texts[16] = { 0 }, pk[8] = "", fix[8] = "", *foo[] = { "foo" };
	struct dot_opts one = { .argc = 1, .argv = foo };
	int n = 0, layout = -1, vm = -1;

	start_processes(m, 2);
	__kmem_cache_alloc(m, kmem_cache_create(m, "foo", 500, 0, 0), GFP_KERNEL, "test");
	vmalloc(m, 3 * PAGE_SIZE, "test");
	for (const struct dot_what *w = dot_whats(); w->name && n < 16; w++, n++) {
		texts[n] = diagram(m, w->name, 0, NULL, NULL);
		ok(texts[n] && strstr(texts[n], "\tlegend [label=<"), "dot %s has a legend", w->name);
		ok(texts[n] && strstr(texts[n], "POINT-SIZE"), "dot %s sets font sizes", w->name);
		check_int(smallest_font(texts[n] ? texts[n] : ""), >=, 12);
		if (strcmp(w->name, "layout") == 0)
			layout = n;
		if (strcmp(w->name, "vmalloc") == 0)
			vm = n;
	}
	ok(vm >= 0 && texts[vm] && strstr(texts[vm], "frames_"), "vmalloc draws an area's frames");
	{	/* a slab cache drawn object by object */
		char *text = NULL;
		size_t len = 0;
		FILE *g = open_memstream(&text, &len);

		ok(dot_write(m, dot_what_find("slab"), &one, g) == 0, "dot slab foo");
		fclose(g);
		ok(text && strstr(text, "FIXEDSIZE"), "slab foo draws its objects");
		check_int(smallest_font(text ? text : ""), >=, 12);
		free(text);
	}
	if (layout >= 0 && texts[layout]) {
		const char *p = strstr(texts[layout], "<B>pkmap</B>"), *q = strstr(texts[layout],
										"<B>fixmap</B>");

		ok(p && q, "layout has pkmap and fixmap");
		if (p && q) {
			memcpy(pk, p - 9, 7);	/* BGCOLOR="#rrggbb"><B>pkmap */
			memcpy(fix, q - 9, 7);
		}
		diag("pkmap %s, fixmap %s", pk, fix);
		for (int i = 0; i < n; i++)
			if (i != layout && texts[i])
				ok(!strstr(texts[i], pk) && !strstr(texts[i], fix),
				   "%s: neither colour used", dot_whats()[i].name);
	}
	for (int i = 0; i < n; i++)
		free(texts[i]);
	machine_destroy(m);
}

static void test_zone_filter(void)
{
	struct machine *m = boot("i386", 1024, 1);
	char *zone[] = { "zone" }, *normal[] = { "ZONE_NORMAL" };
	char *text = diagram(m, "buddy", 1, zone, normal);

	ok(text && strstr(text, "zone Normal") && !strstr(text, "zone DMA"),
	   "zone=ZONE_NORMAL draws Normal only");
	free(text);
	text = diagram(m, "phys", 1, zone, normal);
	ok(text && count(text, "POINT-SIZE=\"20\"") == 1, "phys zone= draws one zone");
	free(text);
	machine_destroy(m);
}

int main(void)
{
	test_size();
	test_count();
	test_escape();
	test_fold_exact();
	test_fold_chunks();
	test_fold_bound();
	test_errors();
	test_file_names();
	test_wrapped();
	test_file_words();
	test_readability();
	test_zone_filter();
	test_fragmented_16g();
	test_many_nodes();
	test_slab_bound();
	return done_testing();
}
