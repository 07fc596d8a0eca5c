/*
 * slabinfo.c - /proc/slabinfo and the `slab NAME` view.
 *
 * /proc/slabinfo is SLUB's (mm/slab_common.c cache_show, mm/slub.c
 * get_slabinfo): every cache, newest first; num_objs counts every object of
 * every slab, active_objs all but the free ones on the partial lists (free
 * objects of CPU slabs count as active); tunables and sharedavail are 0.
 *
 *   kmalloc-128           31     32    128   32    1 : tunables    0    0    0 : slabdata      1      1      0
 *   "%-17s %6lu %6lu %6u %4u %4d" " : tunables %4u %4u %4u" " : slabdata %6lu %6lu %6lu"
 *
 * `slab NAME` draws each slab as a row of its objects, one character each:
 *
 *   slab pfn 0x1802 (0xc1802000-0xc1802fff): CPU 0's slab, 3 of 32 objects allocated
 *     ###-----------------------------
 *
 * '#' allocated, '-' free on a CPU's freelist, '.' free on the slab's own
 * freelist.  With an address, one object is dumped the way SLUB's
 * print_section() prints it ("Object   0xc1802060: 6b 6b 6b ...  kkk"),
 * so poison and free pointers are there to see.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include "mm/machine.h"
#include "mm/slab.h"
#include "report/slabinfo.h"

#define MAP_WIDTH	64	/* objects per map line */
#define MAX_FULL_SHOWN	32	/* full slabs listed before "... and N more" */
#define DUMP_ROW	16	/* bytes per dump line, as print_hex_dump's rowsize */
#define DUMP_ASCII_COL	49	/* rowsize * 2 + rowsize / groupsize + 1 */
#define DUMP_SMALL_ROWS	16	/* objects up to 256 bytes are dumped whole */

void proc_slabinfo(const struct machine *m, FILE *f)
{
	fputs("slabinfo - version: 2.1\n", f);
	fputs("# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>"
	      " : tunables <limit> <batchcount> <sharedfactor>"
	      " : slabdata <active_slabs> <num_slabs> <sharedavail>\n", f);
	for (const struct kmem_cache *s = m->slab->slab_caches; s; s = s->next) {
		struct slabinfo si;

		get_slabinfo(m, s, &si);
		fprintf(f, "%-17s %6lu %6lu %6u %4u %4d", s->name, si.active_objs, si.num_objs,
			s->size, si.objects_per_slab, 1 << si.cache_order);
		fprintf(f, " : tunables %4u %4u %4u", 0u, 0u, 0u);
		fprintf(f, " : slabdata %6lu %6lu %6lu\n", si.active_slabs, si.num_slabs, 0UL);
	}
}

static const char *plural(unsigned long n)
{
	return n == 1 ? "" : "s";
}

static void show_geometry(const struct kmem_cache *s, FILE *f)
{
	unsigned long bytes = PAGE_SIZE << s->order;

	fprintf(f, "%s: object_size %u, size %u, align %u, free pointer at offset %u%s\n",
		s->name, s->object_size, s->size, s->align, s->offset,
		s->offset >= s->object_size ? " (after the object)" : "");
	fprintf(f, "slabs of order %u (%lu page%s): %u objects, %lu bytes left over; "
		"min_partial %lu\n", s->order, 1UL << s->order, plural(1UL << s->order),
		s->objects, bytes - (unsigned long)s->objects * s->size, s->min_partial);
}

static void show_lists(const struct machine *m, const struct kmem_cache *s, FILE *f)
{
	for (int nid = 0; nid < m->nr_nodes; nid++) {
		const struct kmem_cache_node *n = &s->node[nid];

		fprintf(f, "node %d: %lu slab%s, %lu objects, %lu partial\n", nid, n->nr_slabs,
			plural(n->nr_slabs), n->total_objects, n->partial.count);
	}
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		unsigned nfree;

		if (s->cpu_slab[cpu].slab == PFN_NONE)
			continue;
		nfree = cpu_freelist_count(m, s, cpu);
		fprintf(f, "cpu %d: slab pfn 0x%x, %u free object%s on its freelist\n", cpu,
			s->cpu_slab[cpu].slab, nfree, plural(nfree));
	}
}

static void show_map(const unsigned char *map, unsigned n, FILE *f)
{
	static const char sym[] = { [OBJ_INUSE] = '#', [OBJ_FREE_CPU] = '-',
				    [OBJ_FREE_SLAB] = '.' };

	for (unsigned i = 0; i < n; i += MAP_WIDTH) {
		fputs("  ", f);
		for (unsigned j = i; j < n && j < i + MAP_WIDTH; j++)
			fputc(sym[map[j]], f);
		fputc('\n', f);
	}
}

/* One slab: where it is, its frames, how full, and its objects' map. */
static void show_one_slab(const struct machine *m, const struct kmem_cache *s,
			  unsigned long head, FILE *f)
{
	struct slab sl = slab_get(&m->mem_map[head]);
	unsigned long start = pfn_to_virt(m, head);
	unsigned long bytes = PAGE_SIZE << m->mem_map[head].private;
	unsigned char *map = malloc(sl.objects ? sl.objects : 1);
	int cpu = slab_cpu(m, s, head), w = m->arch->addr_digits;
	unsigned nfree;

	if (!map)
		return;
	nfree = slab_object_map(m, s, head, map);
	fprintf(f, "slab pfn 0x%lx (0x%0*lx-0x%0*lx): ", head, w, start, w, start + bytes - 1);
	if (cpu >= 0)
		fprintf(f, "CPU %d's slab", cpu);
	else if (sl.inuse == sl.objects)
		fputs("full, on no list", f);
	else
		fputs("partial", f);
	fprintf(f, ", %u of %u objects allocated\n", sl.objects - nfree, sl.objects);
	show_map(map, sl.objects, f);
	free(map);
}

/* Full slabs are on no list: mem_map knows them by PG_slab and page->mapping. */
static unsigned long show_full_slabs(const struct machine *m, const struct kmem_cache *s,
				     FILE *f)
{
	unsigned long n = 0;

	for (unsigned long pfn = 0; pfn < m->max_pfn; pfn++) {
		const struct page *p = &m->mem_map[pfn];
		struct slab sl;

		if (!PageFlag(p, PG_slab) || !PageFlag(p, PG_head) || p->mapping != s->id)
			continue;
		sl = slab_get(p);
		if (sl.frozen || sl.inuse != sl.objects)
			continue;
		if (n++ < MAX_FULL_SHOWN)
			show_one_slab(m, s, pfn, f);
	}
	if (n > MAX_FULL_SHOWN)
		fprintf(f, "... and %lu more full slabs\n", n - MAX_FULL_SHOWN);
	return n;
}

void show_slab(const struct machine *m, const struct kmem_cache *s, FILE *f)
{
	unsigned long shown = 0;

	show_geometry(s, f);
	show_lists(m, s, f);
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		if (s->cpu_slab[cpu].slab != PFN_NONE) {
			show_one_slab(m, s, s->cpu_slab[cpu].slab, f);
			shown++;
		}
	for (int nid = 0; nid < m->nr_nodes; nid++)
		for (uint32_t p = s->node[nid].partial.first; p != PFN_NONE;
		     p = m->mem_map[p].lru_next) {
			show_one_slab(m, s, p, f);
			shown++;
		}
	shown += show_full_slabs(m, s, f);
	if (shown)
		fputs("objects: # allocated, - free on a CPU freelist, . free on the slab's "
		      "freelist\n", f);
	else
		fputs("no slabs: the first allocation makes one\n", f);
}

/* hex_dump_to_buffer() with rowsize 16, groupsize 1, ascii: "6b 6b ...  kk". */
static void dump_row(const char *prefix, int w, unsigned long addr, const unsigned char *b,
		     unsigned n, FILE *f)
{
	char line[DUMP_ASCII_COL + DUMP_ROW + 1];
	unsigned lx = 0;

	for (unsigned i = 0; i < n; i++)
		lx += (unsigned)snprintf(line + lx, sizeof(line) - lx, "%02x ", b[i]);
	if (lx)
		lx--;
	while (lx < DUMP_ASCII_COL)
		line[lx++] = ' ';
	for (unsigned i = 0; i < n; i++)
		line[lx++] = isascii(b[i]) && isprint(b[i]) ? (char)b[i] : '.';
	line[lx] = '\0';
	fprintf(f, "%s0x%0*lx: %s\n", prefix, w, addr, line);
}

/*
 * print_section(): every row of a small object; of a big one the first
 * four rows, the rows around the free pointer and the last row.
 */
static void dump_bytes(const struct machine *m, const char *prefix, unsigned long addr,
		       unsigned long len, unsigned long fp, FILE *f)
{
	unsigned long rows = (len + DUMP_ROW - 1) / DUMP_ROW;
	unsigned long fp_row = fp >= addr && fp < addr + len ? (fp - addr) / DUMP_ROW : ~0UL;
	bool skipped = false;

	for (unsigned long r = 0; r < rows; r++) {
		unsigned char b[DUMP_ROW];
		unsigned n = (unsigned)(len - r * DUMP_ROW < DUMP_ROW ? len - r * DUMP_ROW : DUMP_ROW);

		if (rows > DUMP_SMALL_ROWS && r >= 4 && r + 1 != rows &&
		    !(fp_row != ~0UL && r + 1 >= fp_row && r <= fp_row + 1)) {
			if (!skipped)
				fputs("...\n", f);
			skipped = true;
			continue;
		}
		skipped = false;
		slab_read_bytes(m, addr + r * DUMP_ROW, b, n);
		dump_row(prefix, m->arch->addr_digits, addr + r * DUMP_ROW, b, n, f);
	}
}

static void show_object_state(const struct machine *m, const struct kmem_cache *s,
			      unsigned long head, unsigned idx, unsigned char state,
			      unsigned long obj, FILE *f)
{
	int w = m->arch->addr_digits;
	unsigned long next;

	fprintf(f, "object %u at 0x%0*lx: ", idx, w, obj);
	if (state == OBJ_INUSE) {
		fputs("allocated\n", f);
		return;
	}
	next = slab_read_freepointer(m, s, obj);
	if (state == OBJ_FREE_CPU)
		fprintf(f, "free, on CPU %d's freelist", slab_cpu(m, s, head));
	else
		fputs("free, on the slab's freelist", f);
	if (next)
		fprintf(f, "; its free pointer (offset %u) holds the next, 0x%0*lx\n", s->offset, w,
			next);
	else
		fprintf(f, "; its free pointer (offset %u) is 0: the last\n", s->offset);
}

void show_slab_object(const struct machine *m, const struct kmem_cache *s, unsigned long addr,
		      FILE *f)
{
	unsigned long head = slab_head_pfn(m, (unsigned long)virt_to_pfn(m, addr));
	unsigned long base = pfn_to_virt(m, head), obj;
	struct slab sl = slab_get(&m->mem_map[head]);
	unsigned idx = (unsigned)((addr - base) / s->size);
	unsigned char *map;

	show_geometry(s, f);
	show_one_slab(m, s, head, f);
	if (idx >= sl.objects) {
		fprintf(f, "0x%0*lx lies in the slab's %lu bytes left over, past its last object\n",
			m->arch->addr_digits, addr, (PAGE_SIZE << m->mem_map[head].private) -
			(unsigned long)sl.objects * s->size);
		return;
	}
	map = malloc(sl.objects);
	if (!map)
		return;
	slab_object_map(m, s, head, map);
	obj = base + (unsigned long)idx * s->size;
	show_object_state(m, s, head, idx, map[idx], obj, f);
	dump_bytes(m, "Object   ", obj, s->object_size, obj + s->offset, f);
	if (s->size > s->object_size)
		dump_bytes(m, "Padding  ", obj + s->object_size, s->size - s->object_size,
			   obj + s->offset, f);
	free(map);
}
