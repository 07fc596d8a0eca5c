/*
 * dot_slab.c - `dot slab [NAME]`: a kmem_cache, its slabs and their
 * objects, the way SLUB keeps them.
 *
 *   kmem_cache foo --> cpu0: CPU slab, freelist 3 --> [slab pfn 0x1800: ##.#---#]
 *                  --> node 0: partial list  -----> [slab pfn 0x1803: #..#....] -> ...
 *                  --> full slabs, on no list ----> [slab pfn 0x1801: ########]
 *
 * Each slab shows its objects as cells in object order: in use, free on
 * the slab's own freelist, or free on the CPU's lockless freelist (only a
 * CPU slab has those) - the picture slab_object_map() gives.  A slab with
 * more than SLAB_MAX_CELLS objects shows runs of one state with a count.
 * Full slabs are on no list in SLUB; they are found by their frames
 * (PG_slab heads whose page->mapping names the cache).  Long partial and
 * full lists show their first slabs and a count.
 *
 * Without NAME, an overview of every cache that holds slabs, as
 * /proc/slabinfo lists them (newest first).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "dot/dot.h"
#include "mm/machine.h"
#include "mm/slab.h"

#define SLAB_MAX_CELLS		64	/* objects drawn one by one up to this */
#define SLAB_ROW_CELLS		16
#define SLAB_LIST_SHOWN		4	/* slabs drawn per list */
#define SLAB_MAX_CPUS		8	/* CPUs drawn one by one */
#define SLAB_MAX_NODES		8	/* nodes' partial lists drawn */
#define SLAB_MAX_CACHES		40	/* rows of the overview */

static const char *state_color(int state)
{
	return state == OBJ_INUSE ? dot_owner_color(DOT_OWNER_SLAB)
	       : state == OBJ_FREE_CPU ? dot_owner_color(DOT_OWNER_PCP)
				       : dot_owner_color(DOT_OWNER_FREE);
}

static void slab_id(char *buf, unsigned long head)
{
	dot_id(buf, "slab", head);
}

/* One cell per object, SLAB_ROW_CELLS to a row, in one grid. */
static void object_cells(struct dot *d, const unsigned char *map, unsigned n)
{
	dot_raw(d, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><TABLE BORDER=\"0\" "
		"CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"0\">");
	for (unsigned i = 0; i < n; i += SLAB_ROW_CELLS) {
		dot_raw(d, "<TR>");
		for (unsigned j = i; j < n && j < i + SLAB_ROW_CELLS; j++)
			dot_raw(d, "<TD BGCOLOR=\"%s\" FIXEDSIZE=\"TRUE\" WIDTH=\"24\" "
				"HEIGHT=\"22\"><FONT POINT-SIZE=\"12\">%u</FONT></TD>",
				state_color(map[j]), j);
		dot_raw(d, "</TR>");
	}
	dot_raw(d, "</TABLE></TD></TR>\n");
}

/* Runs of objects of one state, with their counts. */
static void object_runs(struct dot *d, const unsigned char *map, unsigned n)
{
	unsigned cells = 0;

	dot_raw(d, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"1\" "
		"CELLSPACING=\"2\" CELLPADDING=\"3\"><TR>");
	for (unsigned i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && map[j] == map[i]; j++)
			;
		if (cells++ == SLAB_MAX_CELLS / 4) {
			dot_raw(d, "<TD><I>...</I></TD>");
			break;
		}
		dot_raw(d, "<TD BGCOLOR=\"%s\">%u&#215;</TD>", state_color(map[i]), j - i);
	}
	dot_raw(d, "</TR></TABLE></TD></TR>\n");
}

/* A slab: its frames, how full it is, and its objects. */
static void write_slab(struct dot *d, const struct kmem_cache *s, unsigned long head,
		       unsigned char *map, const char *role)
{
	unsigned objects = slab_get(pfn_to_page(d->m, head)).objects;
	unsigned nfree = slab_object_map(d->m, s, head, map);
	char id[DOT_ID_LEN];

	slab_id(id, head);
	dot_node_begin(d, id);
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">"
		"<TR><TD ALIGN=\"LEFT\" PORT=\"h\"><B>slab</B> pfn 0x%lx", head);
	if (s->order)
		dot_raw(d, "-0x%lx", head + (1UL << s->order) - 1);
	dot_raw(d, "</TD><TD ALIGN=\"RIGHT\">%s</TD></TR>\n<TR><TD ALIGN=\"LEFT\" COLSPAN=\"2\">"
		"<FONT POINT-SIZE=\"13\">%u of %u in use, objects at 0x%0*lx</FONT></TD></TR>\n",
		role, objects - nfree, objects, d->m->arch->addr_digits, pfn_to_virt(d->m, head));
	if (objects <= SLAB_MAX_CELLS)
		object_cells(d, map, objects);
	else
		object_runs(d, map, objects);
	dot_raw(d, "</TABLE>");
	dot_node_end(d);
}

/* A list head node (CPU, partial list, full slabs) and the first slabs it leads to. */
static void write_list(struct dot *d, const struct kmem_cache *s, const char *id,
		       const char *label, const unsigned long *heads, unsigned long n,
		       unsigned char *map, const char *role)
{
	char slab[DOT_ID_LEN + 8], prev[DOT_ID_LEN + 8], count[32];

	dot_node_begin(d, id);
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"6\">"
		"<TR><TD BGCOLOR=\"#eeeeee\">");
	dot_lines(d, label);
	dot_raw(d, "</TD></TR></TABLE>");
	dot_node_end(d);
	dot_edge(d, "cache", id, "style=dashed, arrowhead=none");
	snprintf(prev, sizeof prev, "%s", id);
	for (unsigned long i = 0; i < n && i < SLAB_LIST_SHOWN; i++) {
		write_slab(d, s, heads[i], map, role);
		slab_id(slab, heads[i]);
		strcat(slab, ":h:w");
		dot_edge(d, prev, slab, NULL);
		slab_id(prev, heads[i]);
	}
	if (n > SLAB_LIST_SHOWN) {
		char more[DOT_ID_LEN + 8];

		snprintf(more, sizeof more, "%s_more", id);
		dot_count(count, sizeof count, n - SLAB_LIST_SHOWN);
		dot_node_begin(d, more);
		dot_raw(d, "<I>... %s more slab%s</I>", count, n - SLAB_LIST_SHOWN > 1 ? "s" : "");
		dot_node_end(d);
		dot_edge(d, prev, more, NULL);
	}
}

/* Every slab head of s not on a CPU or a partial list: the full ones. */
static unsigned long full_slabs(const struct machine *m, const struct kmem_cache *s,
				unsigned long *heads, unsigned long max)
{
	unsigned long n = 0;

	for (unsigned long pfn = 0, step; pfn < m->max_pfn; pfn += step) {
		const struct page *p = pfn_to_page(m, pfn);

		step = PageFlag(p, PG_head) || PageFlag(p, PG_buddy) ? 1UL << p->private : 1;
		if (!PageFlag(p, PG_slab) || !PageFlag(p, PG_head) || p->mapping != s->id ||
		    slab_cpu(m, s, pfn) >= 0)
			continue;
		if (slab_get(p).inuse < slab_get(p).objects)
			continue;		/* partial: on a node list */
		if (n < max)
			heads[n] = pfn;
		n++;
	}
	return n;
}

/* A note hanging off the cache node: "no CPU slab", "... 3 more". */
static void write_note(struct dot *d, const char *id, const char *text)
{
	dot_node_begin(d, id);
	dot_raw(d, "<I>");
	dot_text(d, "%s", text);
	dot_raw(d, "</I>");
	dot_node_end(d);
	dot_edge(d, "cache", id, "style=dashed, arrowhead=none");
}

static void write_cpus(struct dot *d, const struct kmem_cache *s, unsigned char *map)
{
	int shown = 0, more = 0;
	char note[64];

	for (int cpu = 0; cpu < d->m->nr_cpus; cpu++) {
		unsigned long head = s->cpu_slab[cpu].slab;
		char id[24], label[96], role[24];

		if (head == PFN_NONE)
			continue;
		if (shown == SLAB_MAX_CPUS) {
			more++;
			continue;
		}
		snprintf(id, sizeof id, "cpu%d", cpu);
		snprintf(label, sizeof label, "cpu %d: CPU slab\nlockless freelist: %u free",
			 cpu, cpu_freelist_count(d->m, s, cpu));
		snprintf(role, sizeof role, "cpu %d", cpu);
		write_list(d, s, id, label, &head, 1, map, role);
		shown++;
	}
	if (!shown)
		write_note(d, "nocpu", "no CPU slab");
	if (more) {
		snprintf(note, sizeof note, "... %d more CPU slabs", more);
		write_note(d, "cpu_more", note);
	}
}

static void write_partial(struct dot *d, const struct kmem_cache *s, unsigned char *map)
{
	int shown = 0, more = 0;

	for (int nid = 0; nid < d->m->nr_nodes; nid++) {
		const struct pfn_list *l = &s->node[nid].partial;
		unsigned long heads[SLAB_LIST_SHOWN], n = 0;
		char id[24], label[64];

		if (!l->count && d->m->nr_nodes > 1)
			continue;
		if (shown == SLAB_MAX_NODES) {
			more++;
			continue;
		}
		shown++;
		for (uint32_t pfn = l->first; pfn != PFN_NONE && n < SLAB_LIST_SHOWN;
		     pfn = pfn_to_page(d->m, pfn)->lru_next)
			heads[n++] = pfn;
		snprintf(id, sizeof id, "partial%d", nid);
		snprintf(label, sizeof label, "node %d: partial list\n%lu slab%s", nid, l->count,
			 l->count == 1 ? "" : "s");
		write_list(d, s, id, label, heads, l->count, map, "partial");
	}
	if (more) {
		char note[64];

		snprintf(note, sizeof note, "... %d more nodes with partial slabs", more);
		write_note(d, "partial_more", note);
	}
}

static void write_cache(struct dot *d, const struct kmem_cache *s)
{
	struct slabinfo si;

	get_slabinfo(d->m, s, &si);
	dot_node_begin(d, "cache");
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"6\">"
		"<TR><TD BGCOLOR=\"%s\"><B>kmem_cache ", dot_owner_color(DOT_OWNER_SLAB));
	dot_text(d, "%s", s->name);
	dot_raw(d, "</B></TD></TR>\n<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">object_size %u, size %u"
		"<BR/>order %u: %u objects per slab<BR/>free pointer at offset %u<BR/>"
		"%lu slab%s; slabinfo: active_objs %lu,<BR/>num_objs %lu (a CPU slab counts "
		"as active)</TD></TR></TABLE>", s->object_size, s->size, s->order, s->objects,
		s->offset, si.num_slabs, si.num_slabs == 1 ? "" : "s", si.active_objs,
		si.num_objs);
	dot_node_end(d);
}

static void write_legend(struct dot *d)
{
	const struct dot_legend_item items[] = {
		{ state_color(OBJ_INUSE), "in use", "allocated object" },
		{ state_color(OBJ_FREE_SLAB), "free", "on the slab's freelist" },
		{ state_color(OBJ_FREE_CPU), "free", "on the CPU's freelist" },
	};

	dot_legend(d, "Objects", items, 3, "Full slabs are on no list in SLUB:\n"
		   "they are found by their frames (PG_slab).");
}

static int write_one(struct dot *d, const struct kmem_cache *s)
{
	unsigned char *map = malloc(MAX_OBJS_PER_PAGE);
	unsigned long full[SLAB_LIST_SHOWN], nfull;
	char title[96], label[64];

	if (!map)
		return mm_err(d->m, -ENOMEM, "out of memory");
	snprintf(title, sizeof title, "Slab cache %s (SLUB), %s", s->name, d->m->arch->name);
	dot_begin(d, "slab", title, "LR");
	write_cache(d, s);
	write_cpus(d, s, map);
	write_partial(d, s, map);
	nfull = full_slabs(d->m, s, full, SLAB_LIST_SHOWN);
	snprintf(label, sizeof label, "full slabs, on no list\n%lu slab%s", nfull,
		 nfull == 1 ? "" : "s");
	write_list(d, s, "full", label, full, nfull, map, "full");
	write_legend(d);
	dot_end(d);
	free(map);
	return 0;
}

static void write_overview_legend(struct dot *d)
{
	const struct dot_legend_item item = {
		dot_owner_color(DOT_OWNER_SLAB), "slab cache", "its frames are PG_slab"
	};

	dot_legend(d, "Caches", &item, 1, "Columns as /proc/slabinfo counts them:\n"
		   "objects in use (a CPU slab counts as active) of all objects,\n"
		   "the object size with metadata, slabs, and their pages.");
}

/* Without NAME: every cache with slabs, newest first, as slabinfo. */
static int write_overview(struct dot *d)
{
	unsigned long shown = 0, more = 0, empty = 0;

	dot_begin(d, "slab", "Slab caches with slabs (SLUB)", "LR");
	dot_node_begin(d, "caches");
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"5\">"
		"<TR><TD><B>cache</B></TD><TD><B>active_objs / num_objs</B></TD><TD><B>size</B></TD>"
		"<TD><B>slabs</B></TD><TD><B>pages</B></TD></TR>\n");
	for (const struct kmem_cache *s = d->m->slab->slab_caches; s; s = s->next) {
		struct slabinfo si;

		get_slabinfo(d->m, s, &si);
		if (!si.num_slabs) {
			empty++;
			continue;
		}
		if (shown == SLAB_MAX_CACHES) {
			more++;
			continue;
		}
		shown++;
		dot_raw(d, "<TR><TD ALIGN=\"LEFT\" BGCOLOR=\"%s\">", dot_owner_color(DOT_OWNER_SLAB));
		dot_text(d, "%s", s->name);
		dot_raw(d, "</TD><TD ALIGN=\"RIGHT\">%lu / %lu</TD><TD ALIGN=\"RIGHT\">%u</TD>"
			"<TD ALIGN=\"RIGHT\">%lu</TD><TD ALIGN=\"RIGHT\">%lu</TD></TR>\n",
			si.active_objs, si.num_objs, s->size, si.num_slabs,
			si.num_slabs << si.cache_order);
	}
	if (more)
		dot_raw(d, "<TR><TD COLSPAN=\"5\"><I>... %lu more caches with slabs</I></TD></TR>\n",
			more);
	dot_raw(d, "<TR><TD COLSPAN=\"5\" ALIGN=\"LEFT\">%lu cache%s without slabs; "
		"`dot slab NAME` draws one cache</TD></TR></TABLE>", empty, empty == 1 ? "" : "s");
	dot_node_end(d);
	write_overview_legend(d);
	dot_edge(d, "caches", "legend", "style=invis");
	dot_end(d);
	return 0;
}

int dot_slab(struct dot *d, const struct dot_opts *o)
{
	const struct kmem_cache *s;

	if (!d->m->slab)
		return mm_err(d->m, -ENOENT, "this machine has no slab allocator");
	if (!o->argc)
		return write_overview(d);
	s = kmem_cache_find(d->m, o->argv[0]);
	if (!s && dot_looks_like_file(o->argv[0]))
		return dot_err_not_file(d->m, o->argv[0]);
	if (!s)
		return mm_err(d->m, -ENOENT, "no cache named '%s' (slabinfo lists them)",
			      o->argv[0]);
	return write_one(d, s);
}
