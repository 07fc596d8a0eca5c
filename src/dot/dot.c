/*
 * dot.c - the house style of every diagram, the table of diagrams, and
 * rendering with Graphviz.
 *
 * Style.  Every graph opens the same way (Helvetica, a bold title at the
 * top, plaintext nodes whose HTML-like labels are tables), so that slides
 * made from different diagrams look like one deck.  Colours are chosen
 * once, here: a free frame is the same green in `dot phys` and `dot buddy`,
 * a page-table page the same purple wherever it appears.  Fills are light,
 * so black text stays readable on a projector and in print.
 *
 * Folding.  dot_fold() turns a long sequence of frames into at most
 * `limit` cells.  Exact runs first; if there are too many, aligned chunks:
 *
 *   frames 0..15   F F U F F F U U F F F F F F F F     (F free, U user)
 *   exact runs     F2 U1 F3 U2 F8                      5 cells
 *   limit 3, chunk 4:  [F3 U1] [F2 U2] [F4] [F4]
 *                  -> mixed F+U (8 frames), free (8)   2 cells
 *
 * Neighbouring mixed chunks merge when their biggest kind is the same.
 *
 * Rendering.  dot_save() writes the DOT text and, for FILE.svg, .png or
 * .pdf (any case: Graphviz goes by -T, which gets the extension in lower
 * case), runs `dot -Tsvg -o FILE FILE.dot` with posix_spawnp(): no shell,
 * so a file name is never interpreted, and a name starting with '-' goes
 * as ./NAME so that dot cannot take it for an option.  Without Graphviz
 * the .dot is still written and the error says how to install it.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>
#include "dot/dot.h"
#include "mm/machine.h"
#include "mm/slab.h"

extern char **environ;

/* Palette ----------------------------------------------------------------- */

static const struct { const char *color, *name; } owners[NR_DOT_OWNERS] = {
	[DOT_OWNER_FREE]	= { "#b8e6a7", "free" },
	[DOT_OWNER_PCP]		= { "#dcf2d4", "per-CPU list" },
	[DOT_OWNER_KERNEL]	= { "#9ecae1", "kernel" },
	[DOT_OWNER_USER]	= { "#fdae6b", "user" },
	[DOT_OWNER_PGTABLE]	= { "#c9a0dc", "page table" },
	[DOT_OWNER_SLAB]	= { "#fde68a", "slab" },
	[DOT_OWNER_VMALLOC]	= { "#80cbc4", "vmalloc" },
	[DOT_OWNER_SWAPCACHE]	= { "#f4a6b7", "swap cache" },
	[DOT_OWNER_RESERVED]	= { "#bdbdbd", "reserved" },
	[DOT_OWNER_HOLE]	= { "#f2f2f2", "hole" },
};

static const struct { const char *color, *name; } vma_kinds[NR_DOT_VMA_KINDS] = {
	[DOT_VMA_CODE]		= { "#f4a582", "code" },
	[DOT_VMA_DATA]		= { "#fddbc7", "data" },
	[DOT_VMA_HEAP]		= { "#fee08b", "heap" },
	[DOT_VMA_STACK]		= { "#92c5de", "stack" },
	[DOT_VMA_ANON]		= { "#fdae6b", "anonymous" },
	[DOT_VMA_SHARED]	= { "#c2a5cf", "shared" },
	[DOT_VMA_SPECIAL]	= { "#d9d9d9", "vdso/vvar" },
	[DOT_VMA_GAP]		= { "#ffffff", "unmapped" },
	[DOT_VMA_KERNEL]	= { "#bdbdbd", "kernel" },
};

/* Zone colours by enum zone_type: DMA, DMA32, Normal, HighMem, Movable. */
static const char *const zone_colors[MAX_NR_ZONES] = {
	"#e6550d", "#d4a017", "#3182bd", "#756bb1", "#31a354",
};

const char *dot_owner_color(enum dot_owner o)
{
	return o < NR_DOT_OWNERS ? owners[o].color : "#ffffff";
}

const char *dot_owner_name(enum dot_owner o)
{
	return o < NR_DOT_OWNERS ? owners[o].name : "?";
}

const char *dot_vma_color(enum dot_vma_kind k)
{
	return k < NR_DOT_VMA_KINDS ? vma_kinds[k].color : "#ffffff";
}

const char *dot_vma_name(enum dot_vma_kind k)
{
	return k < NR_DOT_VMA_KINDS ? vma_kinds[k].name : "?";
}

const char *dot_zone_color(int zone_type)
{
	return zone_type >= 0 && zone_type < MAX_NR_ZONES ? zone_colors[zone_type] : "#000000";
}

/* Text -------------------------------------------------------------------- */

void dot_escape_html(FILE *f, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*s, f);
		}
}

void dot_raw(struct dot *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
}

void dot_text(struct dot *d, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	dot_escape_html(d->out, buf);
}

void dot_lines(struct dot *d, const char *s)
{
	for (size_t n; *s; s += n + (s[n] == '\n')) {
		char line[256];

		n = strcspn(s, "\n");
		snprintf(line, sizeof line, "%.*s", (int)n, s);
		dot_escape_html(d->out, line);
		if (s[n] == '\n')
			dot_raw(d, "<BR/>");
	}
}

void dot_wrapped(struct dot *d, const char *text, int width)
{
	int line = 0;

	for (const char *p = text; *p; ) {
		size_t word = strcspn(p, " \n");
		char buf[256];

		if (line && line + 1 + (int)word > width) {
			dot_raw(d, "<BR/>");
			line = 0;
		} else if (line) {
			dot_raw(d, " ");
			line++;
		}
		snprintf(buf, sizeof buf, "%.*s", (int)word, p);
		dot_escape_html(d->out, buf);
		line += (int)word;
		p += word;
		if (*p == '\n' && p[1]) {
			dot_raw(d, "<BR/>");
			line = 0;
		}
		if (*p)
			p++;
	}
}

/*
 * 4096 -> "4K", 1572864 -> "1.5M", 922746880 -> "880M", 2^34 -> "16G".
 * One decimal below 100 units when the value is not whole, none above.
 */
void dot_size(char *buf, size_t len, unsigned long long bytes)
{
	static const char units[] = "BKMGTPE";
	unsigned long long unit = 1;
	int u = 0;

	while (u < 6 && bytes / 1024 >= unit) {
		unit *= 1024;
		u++;
	}
	if (bytes % unit == 0 || u == 0) {
		snprintf(buf, len, "%llu%c", bytes / unit, units[u]);
	} else if (bytes / unit < 100) {
		/* whole units * 10 + the rounded tenth, without overflowing near 2^64 */
		unsigned long long tenths = bytes / unit * 10 + (bytes % unit * 10 + unit / 2) / unit;

		if (tenths % 10)
			snprintf(buf, len, "%llu.%llu%c", tenths / 10, tenths % 10, units[u]);
		else
			snprintf(buf, len, "%llu%c", tenths / 10, units[u]);
	} else {
		snprintf(buf, len, "%llu%c", bytes / unit + (bytes % unit >= unit / 2), units[u]);
	}
}

void dot_count(char *buf, size_t len, unsigned long long n)
{
	char digits[32];
	size_t nd, o = 0;

	nd = (size_t)snprintf(digits, sizeof digits, "%llu", n);
	for (size_t i = 0; i < nd && o + 2 < len; i++) {
		if (i && (nd - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

void dot_id(char *buf, const char *prefix, unsigned long long n)
{
	snprintf(buf, DOT_ID_LEN, "%s_%llx", prefix, n);
}

/* Graph structure ---------------------------------------------------------- */

void dot_indent(struct dot *d)
{
	for (int i = 0; i < d->depth; i++)
		fputc('\t', d->out);
}

void dot_begin(struct dot *d, const char *name, const char *title, const char *rankdir)
{
	dot_raw(d, "digraph %s {\n", name);
	d->depth = 1;
	dot_raw(d, "\tgraph [fontname=\"Helvetica\", fontsize=24, labelloc=t, rankdir=%s,\n"
		"\t       nodesep=0.35, ranksep=0.45, pad=0.3, bgcolor=\"white\",\n"
		"\t       label=<", rankdir);
	if (d->heading) {
		dot_raw(d, "<FONT POINT-SIZE=\"32\"><B>");
		dot_text(d, "%s", d->heading);
		dot_raw(d, "</B></FONT><BR/><FONT POINT-SIZE=\"20\">");
		dot_text(d, "%s", title);
		dot_raw(d, "</FONT>>];\n");
	} else {
		dot_raw(d, "<B>");
		dot_text(d, "%s", title);
		dot_raw(d, "</B>>];\n");
	}
	dot_raw(d, ""
		"\tnode [shape=plaintext, fontname=\"Helvetica\", fontsize=16, margin=0];\n"
		"\tedge [fontname=\"Helvetica\", fontsize=14, penwidth=1.6, arrowsize=0.8];\n");
}

void dot_end(struct dot *d)
{
	d->depth = 0;
	dot_raw(d, "}\n");
}

void dot_cluster_begin(struct dot *d, const char *id, const char *title, const char *color)
{
	dot_indent(d);
	dot_raw(d, "subgraph cluster_%s {\n", id);
	d->depth++;
	dot_indent(d);
	dot_raw(d, "graph [label=<<B>");
	dot_text(d, "%s", title);
	dot_raw(d, "</B>>, fontsize=20, labeljust=l, style=\"rounded\", color=\"%s\", "
		"penwidth=2];\n", color);
}

void dot_cluster_end(struct dot *d)
{
	d->depth--;
	dot_indent(d);
	dot_raw(d, "}\n");
}

void dot_node_begin(struct dot *d, const char *id)
{
	d->nodes++;
	dot_indent(d);
	dot_raw(d, "%s [label=<", id);
}

void dot_node_end(struct dot *d)
{
	dot_raw(d, ">];\n");
}

void dot_edge(struct dot *d, const char *from, const char *to, const char *attrs)
{
	d->edges++;
	dot_indent(d);
	if (attrs && *attrs)
		dot_raw(d, "%s -> %s [%s];\n", from, to, attrs);
	else
		dot_raw(d, "%s -> %s;\n", from, to);
}

/* The legend ---------------------------------------------------------------- */

void dot_legend(struct dot *d, const char *title, const struct dot_legend_item *items,
		int n, const char *note)
{
	dot_node_begin(d, "legend");
	dot_raw(d, "<TABLE BORDER=\"1\" COLOR=\"#808080\" CELLBORDER=\"0\" CELLSPACING=\"3\" "
		"CELLPADDING=\"4\">\n");
	dot_raw(d, "<TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\"><B>");
	dot_text(d, "%s", title);
	dot_raw(d, "</B></TD></TR>\n");
	for (int i = 0; i < n; i++) {
		dot_raw(d, "<TR><TD BGCOLOR=\"%s\" BORDER=\"1\" FIXEDSIZE=\"TRUE\" WIDTH=\"36\" "
			"HEIGHT=\"22\"></TD>"
			"<TD ALIGN=\"LEFT\">", items[i].color);
		dot_text(d, "%s", items[i].name);
		dot_raw(d, "</TD><TD ALIGN=\"RIGHT\">");
		dot_text(d, "%s", items[i].what ? items[i].what : "");
		dot_raw(d, "</TD></TR>\n");
	}
	if (note && *note) {
		dot_raw(d, "<TR><TD COLSPAN=\"3\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">"
			"<FONT POINT-SIZE=\"13\">");
		dot_lines(d, note);
		dot_raw(d, "</FONT></TD></TR>\n");
	}
	dot_raw(d, "</TABLE>");
	dot_node_end(d);
}

/* Folding ------------------------------------------------------------------ */

struct folder {
	unsigned long lo, hi, chunk;
	unsigned long cur;		/* start of the chunk being filled */
	unsigned long filled;		/* units seen in it */
	unsigned long n[DOT_FOLD_KINDS];
	struct dot_cell *cells;
	int ncells, limit;
	bool overflow;
};

/* The kind with the most units other than c->kind, or -1 if c is pure. */
static int second_kind(const struct dot_cell *c)
{
	int k2 = -1;

	for (int k = 0; k < DOT_FOLD_KINDS; k++)
		if (k != c->kind && c->n[k] && (k2 < 0 || c->n[k] > c->n[k2]))
			k2 = k;
	return k2;
}

/*
 * Appends c, merging it into the last cell when both are pure of one kind,
 * or both mixed with the same biggest kind (which stays the biggest of the
 * sum; the second is recounted).
 */
static void fold_push(struct folder *f, const struct dot_cell *c)
{
	struct dot_cell *last = f->ncells ? &f->cells[f->ncells - 1] : NULL;

	if (f->overflow)
		return;
	if (last && last->kind == c->kind && (last->kind2 < 0) == (c->kind2 < 0) &&
	    last->start + last->count == c->start) {
		last->count += c->count;
		for (int k = 0; k < DOT_FOLD_KINDS; k++)
			last->n[k] += c->n[k];
		last->kind2 = second_kind(last);
		return;
	}
	if (f->ncells == f->limit) {
		f->overflow = true;
		return;
	}
	f->cells[f->ncells++] = *c;
}

/* Closes the current chunk: its biggest kind, and the second if it is mixed. */
static void fold_close_chunk(struct folder *f)
{
	struct dot_cell c = { .start = f->cur, .kind = 0, .kind2 = -1 };
	unsigned long end = f->cur + f->chunk;

	if (!f->filled)
		return;
	c.count = (end < f->hi ? end : f->hi) - f->cur;
	memcpy(c.n, f->n, sizeof c.n);
	for (int k = 1; k < DOT_FOLD_KINDS; k++)
		if (c.n[k] > c.n[c.kind])
			c.kind = k;
	c.kind2 = second_kind(&c);
	fold_push(f, &c);
	memset(f->n, 0, sizeof f->n);
	f->filled = 0;
}

static void fold_emit(void *folder, unsigned long start, unsigned long count, int kind)
{
	struct folder *f = folder;

	if (f->overflow || kind < 0 || kind >= DOT_FOLD_KINDS)
		return;
	if (f->chunk == 1) {
		struct dot_cell c = { .start = start, .count = count, .kind = kind, .kind2 = -1 };

		c.n[kind] = count;
		fold_push(f, &c);
		return;
	}
	while (count) {
		unsigned long take;

		if (start >= f->cur + f->chunk) {
			fold_close_chunk(f);
			f->cur = f->lo + (start - f->lo) / f->chunk * f->chunk;
		}
		take = f->cur + f->chunk - start;
		if (take > count)
			take = count;
		f->n[kind] += take;
		f->filled += take;
		start += take;
		count -= take;
	}
}

/* One folding pass with chunks of 2^shift units.  Returns cells, or -1 if over limit. */
static int fold_pass(dot_walk_fn walk, void *ctx, unsigned long lo, unsigned long hi,
		     int limit, struct dot_cell *cells, int shift)
{
	struct folder f = { .lo = lo, .hi = hi, .chunk = 1UL << shift, .cur = lo,
			    .cells = cells, .limit = limit };

	walk(ctx, lo, hi, fold_emit, &f);
	if (shift)
		fold_close_chunk(&f);
	return f.overflow ? -1 : f.ncells;
}

/*
 * Exact runs if they fit; else the smallest chunk that fits, found by
 * bisection over the chunk's shift (a chunk as big as the range always
 * fits), so a 16 GiB zone takes a handful of passes, not twenty.
 */
int dot_fold(dot_walk_fn walk, void *ctx, unsigned long lo, unsigned long hi, int limit,
	     struct dot_cell *cells, unsigned long *chunk)
{
	struct dot_cell *try;
	int bad = 0, good = 0, n, best = -1;

	if (limit < 2)
		limit = 2;
	*chunk = 1;
	if ((n = fold_pass(walk, ctx, lo, hi, limit, cells, 0)) >= 0)
		return n;
	while (hi - lo > 1UL << good)
		good++;
	try = malloc((size_t)limit * sizeof *try);	/* the last pass that fitted stays in cells */
	while (good - bad > 1) {
		int mid = (bad + good) / 2;

		n = fold_pass(walk, ctx, lo, hi, limit, try ? try : cells, mid);
		if (n < 0) {
			bad = mid;
			continue;
		}
		good = mid;
		best = n;
		if (try)
			memcpy(cells, try, (size_t)n * sizeof *try);
	}
	free(try);
	*chunk = 1UL << good;
	if (best < 0 || !try)
		best = fold_pass(walk, ctx, lo, hi, limit, cells, good);
	return best;
}

/* Options ---------------------------------------------------------------- */

const char *dot_opt(const struct dot_opts *o, const char *key)
{
	for (int i = 0; i < o->optc; i++)
		if (strcmp(o->key[i], key) == 0)
			return o->val[i];
	return NULL;
}

bool dot_negative(const char *s)
{
	return s[0] == '-' && s[1] && strspn(s + 1, "0123456789") == strlen(s + 1);
}

int dot_opt_node(struct dot *d, const struct dot_opts *o, int *nid)
{
	const char *s = dot_opt(o, "node");
	char *end;
	unsigned long v;

	*nid = -1;
	if (!s)
		return 0;
	errno = 0;
	v = strtoul(s, &end, 0);
	if (dot_negative(s))
		return mm_err(d->m, -EINVAL, "node=%s is not a valid node (negative)", s);
	if (!isdigit((unsigned char)*s) || *end || errno)
		return mm_err(d->m, -EINVAL, "node=%s is not a number", s);
	if (v >= (unsigned long)d->m->nr_nodes)
		return mm_err(d->m, -EINVAL, "node %lu does not exist (nodes 0..%d)", v,
			      d->m->nr_nodes - 1);
	*nid = (int)v;
	return 0;
}

/* "Normal", "normal" and "ZONE_NORMAL" all name ZONE_NORMAL. */
static int zone_type_by_name(const char *s)
{
	if (strncasecmp(s, "ZONE_", 5) == 0)
		s += 5;
	for (int t = 0; t < MAX_NR_ZONES; t++)
		if (strcasecmp(s, zone_name(t)) == 0)
			return t;
	return -1;
}

/* The zone names this machine's architecture has: "DMA, Normal, HighMem". */
static void arch_zone_names(const struct machine *m, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int t = 0; t < ZONE_MOVABLE && n < len; t++)
		if (!zone_absent(m, t))
			n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? ", " : "",
					      zone_name(t));
}

int dot_opt_zone(struct dot *d, const struct dot_opts *o, int *type)
{
	const char *s = dot_opt(o, "zone");
	char names[64];
	int t;

	*type = -1;
	if (!s)
		return 0;
	t = zone_type_by_name(s);
	arch_zone_names(d->m, names, sizeof names);
	if (t < 0 || t == ZONE_MOVABLE || zone_absent(d->m, t))
		return mm_err(d->m, -EINVAL, "%s has no zone '%s' (zones: %s)",
			      d->m->arch->name, s, names);
	*type = t;
	return 0;
}

_Static_assert(DOT_MAX_ZONES >= MAX_NUMNODES * MAX_NR_ZONES, "DOT_MAX_ZONES too small");

int dot_select_zones(struct dot *d, const struct dot_opts *o, struct zone **zones)
{
	int nid, type, n = 0;
	struct zone *z;

	if (dot_opt_node(d, o, &nid) < 0 || dot_opt_zone(d, o, &type) < 0)
		return -EINVAL;
	for_each_populated_zone(d->m, z)
		if ((nid < 0 || z->zone_pgdat->node_id == nid) &&
		    (type < 0 || (int)z->type == type))
			zones[n++] = z;
	if (n)
		return n;
	if (nid >= 0)
		return mm_err(d->m, -EINVAL, "node %d has no memory in zone %s", nid,
			      zone_name(type));
	return mm_err(d->m, -EINVAL, "zone %s is empty on this machine (%llu MiB of RAM)",
		      zone_name(type), d->m->cfg.ram >> 20);
}

int dot_zones_shown(struct zone *const *zones, int n, int max_nodes)
{
	int i, nodes = 0;

	if (dot_zones_nodes(zones, n) <= max_nodes + 1)
		return n;		/* a summary of one node would save nothing */
	for (i = 0; i < n; i++) {
		if (!i || zones[i]->zone_pgdat != zones[i - 1]->zone_pgdat)
			nodes++;
		if (nodes > max_nodes)
			break;
	}
	return i;
}

int dot_zones_nodes(struct zone *const *zones, int n)
{
	int nodes = 0;

	for (int i = 0; i < n; i++)
		nodes += !i || zones[i]->zone_pgdat != zones[i - 1]->zone_pgdat;
	return nodes;
}

/* The table of diagrams ------------------------------------------------------- */

/*
 * One line per diagram.  A new one adds its line here (and its option
 * keys to DOT_OPTION_KEYS); `dot`, `help dot` and the errors follow.
 * title= is taken by every diagram and handled here, not listed.
 */
static const struct dot_what whats[] = {
	{ "phys", "[node=N] [zone=NAME]",
	  "physical memory by node and zone, coloured by owner", "node,zone", 0, dot_phys },
	{ "buddy", "[node=N] [zone=NAME]",
	  "the buddy allocator's free_area lists per order", "node,zone", 0, dot_buddy },
	{ "aspace", "[PID]",
	  "a process's address space: VMAs, gaps, the user/kernel split", "", 1, dot_aspace },
	{ "pagetable", "[PID] [addr=ADDR]",
	  "a process's page tables from CR3 to the frames", "addr", 1, dot_pagetable },
	{ "slab", "[NAME]",
	  "a slab cache: CPU, partial and full slabs and their objects", "", 1, dot_slab },
	{ "vmalloc", "", "the vmalloc space: areas, guard pages, the frames behind them", "", 0,
	  dot_vmalloc },
	{ "layout", "", "the kernel's virtual memory map with this machine's values", "", 0,
	  dot_layout },
	{ "tlb", "[cpu=N]", "a CPU's TLB by set and way, the PTEs it caches, their frames", "cpu",
	  0, dot_tlb },
	{ "shared", "", "frames mapped more than once, with every mapper (rmap)", "", 0,
	  dot_shared },
	{ 0 }
};

const struct dot_what *dot_whats(void)
{
	return whats;
}

const struct dot_what *dot_what_find(const char *name)
{
	for (const struct dot_what *w = whats; w->name; w++)
		if (strcmp(w->name, name) == 0)
			return w;
	return NULL;
}

void dot_what_list(char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (const struct dot_what *w = whats; w->name && n < len; w++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? ", " : "", w->name);
}

static bool key_listed(const char *list, const char *key)
{
	size_t len = strlen(key);

	for (const char *p = list; p && *p; p += strcspn(p, ","), p += *p == ',')
		if (strncmp(p, key, len) == 0 && (p[len] == ',' || p[len] == '\0'))
			return true;
	return false;
}

int dot_write(struct machine *m, const struct dot_what *w, const struct dot_opts *o,
	      FILE *out)
{
	struct dot d = { .out = out, .m = m };
	const char *sp = *w->args ? " " : "";	/* "usage: dot layout", no blank after */

	for (int i = w->max_args; i < o->argc; i++)
		if (dot_looks_like_file(o->argv[i]))
			return dot_err_not_file(m, o->argv[i]);
	if (o->argc > w->max_args)
		return mm_err(m, -EINVAL, "%s takes no argument '%s' (usage: dot %s%s%s)",
			      w->name, o->argv[w->max_args], w->name, sp, w->args);
	for (int i = 0; i < o->optc; i++)
		if (!key_listed(w->options, o->key[i]) && strcmp(o->key[i], "title") != 0)
			return mm_err(m, -EINVAL, "%s takes no option '%s' (usage: dot %s%s%s)",
				      w->name, o->key[i], w->name, sp, w->args);
	d.heading = dot_opt(o, "title");
	if (d.heading && !*d.heading)
		return mm_err(m, -EINVAL, "title= needs a text (title=\"Step 2: fork\")");
	return w->write(&d, o);
}

/* Generates diagram w into a memory buffer.  Returns 0 or -errno (m->err). */
static int generate(struct machine *m, const struct dot_what *w, const struct dot_opts *o,
		    char **text, size_t *len)
{
	FILE *f = open_memstream(text, len);
	int r;

	if (!f)
		return mm_err(m, -ENOMEM, "out of memory");
	r = dot_write(m, w, o, f);
	if (fclose(f) != 0 && r == 0)
		r = mm_err(m, -ENOMEM, "out of memory");
	if (r < 0) {
		free(*text);
		*text = NULL;
	}
	return r;
}

bool dot_word_is_arg(const struct machine *m, const char *what, const char *word)
{
	return strcmp(what, "slab") == 0 && m->slab && kmem_cache_find(m, word);
}

int dot_make(struct machine *m, const char *what, const struct dot_opts *o, const char *file,
	     FILE *out, char *done, size_t donelen)
{
	const struct dot_what *w = dot_what_find(what);
	char *text = NULL, err[MM_ERR_LEN], *name[1];
	struct dot_opts named;
	size_t len = 0;
	int r;

	if (!o->argc && file && dot_word_is_arg(m, what, file)) {
		/* `dot slab foo.dot` after `kmem_cache_create foo.dot 64`: the cache */
		named = *o;
		name[0] = (char *)file;
		named.argc = 1;
		named.argv = name;
		o = &named;
		file = NULL;
	}

	done[0] = '\0';
	if (!w) {
		char names[200];

		dot_what_list(names, sizeof names);
		return mm_err(m, -EINVAL, "unknown diagram '%s' (diagrams: %s)", what, names);
	}
	if ((r = generate(m, w, o, &text, &len)) < 0)
		return r;
	if (!file) {
		fwrite(text, 1, len, out);
	} else if ((r = dot_save(file, text, len, done, donelen, err, sizeof err)) < 0) {
		mm_err(m, r, "%s", err);
	}
	free(text);
	return r;
}

/* Rendering ---------------------------------------------------------------- */

static const char *extension(const char *name)
{
	const char *slash = strrchr(name, '/'), *dot = strrchr(name, '.');

	if (!dot || (slash && dot < slash) || dot == name || dot[-1] == '/')
		return "";
	return dot + 1;
}

/* Graphviz picks the format by -T, so any case of the extension will do. */
bool dot_file_renders(const char *name)
{
	const char *e = extension(name);

	return !strcasecmp(e, "svg") || !strcasecmp(e, "png") || !strcasecmp(e, "pdf");
}

bool dot_file_name(const char *name)
{
	const char *e = extension(name);

	return dot_file_renders(name) || !strcasecmp(e, "dot") || !strcasecmp(e, "gv");
}

bool dot_looks_like_file(const char *word)
{
	if (strchr(word, '/'))
		return true;
	for (const char *p = strchr(word, '.'); p; p = strchr(p + 1, '.'))
		if (isalpha((unsigned char)p[1]))
			return true;
	return false;
}

int dot_err_not_file(struct machine *m, const char *word)
{
	return mm_err(m, -EINVAL, "cannot write '%s': FILE must end in .dot, .gv, .svg, .png "
		      "or .pdf", word);
}

static int write_file(const char *name, const char *text, size_t len, char *err,
		      size_t errlen)
{
	FILE *f = fopen(name, "w");
	bool bad;
	int e;

	if (!f) {
		e = errno;
		snprintf(err, errlen, "cannot write %s: %s", name, strerror(e));
		return -e;
	}
	errno = 0;
	bad = fwrite(text, 1, len, f) != len;
	bad |= fclose(f) != 0;
	if (!bad)
		return 0;
	e = errno ? errno : EIO;
	snprintf(err, errlen, "cannot write %s: %s", name, strerror(e));
	return -e;
}

/* Reads what the child wrote to the pipe; keeps the first line. */
static void read_first_line(int fd, char *line, size_t len)
{
	char buf[512];
	size_t n = 0;
	ssize_t r;

	while ((r = read(fd, buf, sizeof buf)) > 0 || (r < 0 && errno == EINTR))
		for (ssize_t i = 0; i < r && n + 1 < len; i++)
			line[n++] = buf[i];
	line[n] = '\0';
	line[strcspn(line, "\n")] = '\0';
}

static int spawn_dot(pid_t *pid, int errfd, char **argv)
{
	posix_spawn_file_actions_t fa;
	int r;

	if ((r = posix_spawn_file_actions_init(&fa)) != 0)
		return r;
	r = posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	if (!r)
		r = posix_spawn_file_actions_adddup2(&fa, errfd, 2);
	if (!r)
		r = posix_spawnp(pid, "dot", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	return r;
}

/*
 * name as an argument of dot: "-V.svg" would be taken for an option (-V
 * prints the version and exits), "./-V.svg" is the same file.
 */
static void file_arg(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s%s", name[0] == '-' ? "./" : "", name);
}

/*
 * Runs `dot -TFMT -o out in` and waits for it (FMT is out's extension in
 * lower case).  Returns 0, or -errno with the reason in err: -ENOENT when
 * the program is not installed.
 */
static int run_dot(const char *in, const char *out, char *err, size_t errlen)
{
	char fmt[8], line[200], inarg[4100], outarg[4100];
	char *argv[] = { "dot", fmt, "-o", outarg, inarg, NULL };
	int fds[2], status, r;
	pid_t pid;

	snprintf(fmt, sizeof fmt, "-T%s", extension(out));
	for (char *c = fmt + 2; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	file_arg(inarg, sizeof inarg, in);
	file_arg(outarg, sizeof outarg, out);
	if (pipe(fds) < 0)
		return snprintf(err, errlen, "cannot run dot: %s", strerror(errno)), -EIO;
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	r = spawn_dot(&pid, fds[1], argv);
	close(fds[1]);
	if (r) {
		close(fds[0]);
		if (r == ENOENT)
			return -ENOENT;
		snprintf(err, errlen, "cannot run dot: %s", strerror(r));
		return -r;
	}
	read_first_line(fds[0], line, sizeof line);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return snprintf(err, errlen, "waiting for dot: %s", strerror(errno)), -EIO;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	snprintf(err, errlen, "dot could not render %s: %s", out,
		 line[0] ? line : "it exited with an error");
	return -EIO;
}

int dot_save(const char *file, const char *text, size_t len, char *done, size_t donelen,
	     char *err, size_t errlen)
{
	char dotname[4096];
	const char *ext = extension(file);
	int r;

	if (!dot_file_renders(file)) {
		if ((r = write_file(file, text, len, err, errlen)) < 0)
			return r;
		snprintf(done, donelen, "%s", file);
		return 0;
	}
	if (strlen(file) + 1 >= sizeof dotname)
		return snprintf(err, errlen, "file name too long"), -ENAMETOOLONG;
	snprintf(dotname, sizeof dotname, "%.*s.dot", (int)(ext - 1 - file), file);
	if ((r = write_file(dotname, text, len, err, errlen)) < 0) {
		/* name the file asked for, not the .dot made up from it */
		snprintf(err, errlen, "cannot write %s: %s", file, strerror(-r));
		return r;
	}
	r = run_dot(dotname, file, err, errlen);
	if (r == -ENOENT)
		snprintf(err, errlen, "Graphviz is not installed, so %s was not rendered; "
			 "%s was written (install Graphviz with: apt-get install graphviz)",
			 file, dotname);
	if (r)
		return r;
	snprintf(done, donelen, "%s, %s", dotname, file);
	return 0;
}
