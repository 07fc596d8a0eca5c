/*
 * dot.h - Graphviz writers: the shared helpers every diagram uses, the
 * table of diagrams (`dot WHAT`), and rendering through the `dot` program.
 *
 * A diagram is a function that reads the machine and writes DOT text to a
 * struct dot.  The helpers keep every diagram alike on a slide: the same
 * fonts, the same colour for the same owner of a frame, zone or kind of
 * VMA, HTML-like labels with escaped text, a legend, node ids made from
 * pfns and addresses (never from pointers or counters that depend on
 * history), and folding of long runs so that a diagram of a 64 GiB machine
 * has about as many nodes as one of 64 MiB:
 *
 *   frames    R R R R F F F F F F F F U U F F F ... (4 million frames)
 *   runs      [reserved 4] [free 8] [user 2] [free 3] ...
 *   cells     at most `limit` of them; when the runs are more, the frames
 *             are taken in aligned chunks of 2^k and a chunk is drawn in
 *             the colour of its biggest owner, marked as mixed
 *
 * The diagrams, one file each: dot_phys.c (frames by owner), dot_buddy.c
 * (free_area lists), dot_aspace.c (VMAs), dot_pagetable.c (the page-table
 * tree), dot_slab.c (a kmem_cache), dot_vmalloc.c, dot_layout.c,
 * dot_tlb.c (a CPU's TLB and the entries it caches) and dot_shared.c
 * (frames with more than one mapper).  A new one writes its function, adds
 * one line to the table in dot.c and its option keys to DOT_OPTION_KEYS.
 * Every diagram also takes title=TEXT, a heading above its own title (for
 * a slide: "Step 2: fork").
 *
 * Nothing here changes the machine; the same state gives the same bytes.
 */
#ifndef VMLAB_DOT_DOT_H
#define VMLAB_DOT_DOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct machine;

/* A diagram stays under this many nodes, whatever the machine's size. */
#define DOT_NODE_BUDGET		300
/* Bytes enough for any id dot_id() makes. */
#define DOT_ID_LEN		48
/* Every option key some diagram takes (the shell checks keys against it). */
#define DOT_OPTION_KEYS		"node,zone,addr,cpu,title"

/* The writer: where the text goes and what has been written so far. */
struct dot {
	FILE *out;
	struct machine *m;
	unsigned long nodes;		/* node statements written */
	unsigned long edges;
	int depth;			/* open graph and clusters, for indenting */
	const char *heading;		/* title=: a line above the diagram's title, or NULL */
};

/* The arguments of one diagram: its own positional words and key=value options. */
struct dot_opts {
	int argc;
	char *const *argv;
	int optc;
	char *const *key;
	char *const *val;
};

/* Owners of a physical frame, as `dot phys` colours them. */
enum dot_owner {
	DOT_OWNER_FREE,			/* in a buddy free block */
	DOT_OWNER_PCP,			/* on a per-CPU list */
	DOT_OWNER_KERNEL,		/* allocated, no more specific owner */
	DOT_OWNER_USER,			/* anonymous or file pages of processes */
	DOT_OWNER_PGTABLE,		/* PG_pgtable */
	DOT_OWNER_SLAB,			/* PG_slab */
	DOT_OWNER_VMALLOC,		/* PG_vmalloc */
	DOT_OWNER_SWAPCACHE,		/* PG_swapcache */
	DOT_OWNER_RESERVED,		/* PG_reserved: firmware, kernel image, mem_map */
	DOT_OWNER_HOLE,			/* not RAM at all */
	NR_DOT_OWNERS
};

/* Kinds of VMA, for diagrams of address spaces. */
enum dot_vma_kind {
	DOT_VMA_CODE,			/* r-x file mapping: program or library text */
	DOT_VMA_DATA,			/* other private file mappings: data, rodata */
	DOT_VMA_HEAP,			/* [heap] */
	DOT_VMA_STACK,			/* [stack] */
	DOT_VMA_ANON,			/* anonymous mmap */
	DOT_VMA_SHARED,			/* MAP_SHARED */
	DOT_VMA_SPECIAL,		/* [vdso], [vvar], [vsyscall] */
	DOT_VMA_GAP,			/* unmapped space between VMAs */
	DOT_VMA_KERNEL,			/* the kernel's part of the address space */
	NR_DOT_VMA_KINDS
};

/*
 * The owner of the frame pfn as `dot phys` colours it (for a frame inside
 * an allocated block, call it with the block's head).
 */
enum dot_owner dot_frame_owner(const struct machine *m, unsigned long pfn);

/* Fill colour ("#rrggbb") and short name of each kind, for cells and legends. */
const char *dot_owner_color(enum dot_owner o);
const char *dot_owner_name(enum dot_owner o);
const char *dot_vma_color(enum dot_vma_kind k);
const char *dot_vma_name(enum dot_vma_kind k);
/* The colour of a zone (enum zone_type): headers and cluster frames. */
const char *dot_zone_color(int zone_type);

/* Graph structure --------------------------------------------------------- */

/*
 * Opens `digraph name` with the house style: Helvetica, a title at the
 * top in large type (under d->heading in larger type, when title= gave
 * one), plaintext nodes for HTML labels.  rankdir is "TB" or "LR".
 */
void dot_begin(struct dot *d, const char *name, const char *title, const char *rankdir);
void dot_end(struct dot *d);
/* A cluster (subgraph cluster_ID) with a title and a frame in color. */
void dot_cluster_begin(struct dot *d, const char *id, const char *title, const char *color);
void dot_cluster_end(struct dot *d);
/* Starts `ID [label=<` ; the caller writes the HTML label, then dot_node_end(). */
void dot_node_begin(struct dot *d, const char *id);
void dot_node_end(struct dot *d);
/* An edge; attrs is NULL or an attribute list such as "style=invis". */
void dot_edge(struct dot *d, const char *from, const char *to, const char *attrs);
/* Writes the indentation for a statement inside the current graph. */
void dot_indent(struct dot *d);

/* Text -------------------------------------------------------------------- */

/* Writes raw DOT/HTML (tags), formatted. */
void dot_raw(struct dot *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Writes formatted text escaped for an HTML-like label (& < > " '). */
void dot_text(struct dot *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Writes s escaped, each '\n' as a line break (<BR/>). */
void dot_lines(struct dot *d, const char *s);
/*
 * Writes text escaped, its words filled into lines (<BR/>) of at most
 * width characters (a longer word gets a line of its own); a '\n' in text
 * also breaks the line.
 */
void dot_wrapped(struct dot *d, const char *text, int width);
/* Escapes s for an HTML-like label into f. */
void dot_escape_html(FILE *f, const char *s);

/*
 * A size in bytes as a lecturer would write it: "4K", "60K", "1.5M",
 * "880M", "16G"; at most one decimal, exact when it fits.  buf must hold 16.
 */
void dot_size(char *buf, size_t len, unsigned long long bytes);
/* A count with thousands separators: 1234567 -> "1,234,567". */
void dot_count(char *buf, size_t len, unsigned long long n);
/* A deterministic node id: dot_id(buf, "pfn", 0x1a00) -> "pfn_1a00". */
void dot_id(char *buf, const char *prefix, unsigned long long n);

/* The legend ------------------------------------------------------------- */

struct dot_legend_item {
	const char *color;
	const char *name;
	const char *what;		/* a few words, or a count; may be NULL */
};

/* A node `legend`: a swatch, a name and a note per item, and a footnote. */
void dot_legend(struct dot *d, const char *title, const struct dot_legend_item *items,
		int n, const char *note);

/* Folding ---------------------------------------------------------------- */

#define DOT_FOLD_KINDS	16

/*
 * One cell of a folded band: `count` units from `start`.  When the band
 * had to be coarsened, a cell may mix kinds: `kind` has most units,
 * `kind2` the second most (-1 if the cell is pure), and n[] counts each.
 */
struct dot_cell {
	unsigned long start, count;
	int kind, kind2;
	unsigned long n[DOT_FOLD_KINDS];
};

/* Reports the extent [start, start + count) as being of one kind. */
typedef void (*dot_emit_fn)(void *folder, unsigned long start, unsigned long count, int kind);
/* Walks [lo, hi) in ascending order, calling emit for consecutive extents. */
typedef void (*dot_walk_fn)(void *ctx, unsigned long lo, unsigned long hi,
			    dot_emit_fn emit, void *folder);

/*
 * Folds [lo, hi) into at most limit cells (limit >= 2).  Adjacent extents
 * of one kind become one cell; if that gives more than limit cells, the
 * range is cut into aligned chunks (relative to lo) of the smallest power
 * of two that brings the count within limit, each chunk labelled by its
 * kinds, and equal neighbours merged.  Fills cells[] and returns their
 * number; *chunk gets the chunk size used (1 = exact runs).
 */
int dot_fold(dot_walk_fn walk, void *ctx, unsigned long lo, unsigned long hi, int limit,
	     struct dot_cell *cells, unsigned long *chunk);

/* The diagrams -------------------------------------------------------------- */

struct dot_what {
	const char *name;		/* "phys" */
	const char *args;		/* its words after WHAT: "[zone=NAME] [node=N]" */
	const char *summary;
	const char *options;		/* keys it accepts, comma separated */
	int max_args;			/* positional words it takes (besides FILE) */
	/* Writes the diagram.  Returns 0, or -errno with the sentence in m->err. */
	int (*write)(struct dot *d, const struct dot_opts *o);
};

/* Every diagram, in help order; the array ends with a NULL name. */
const struct dot_what *dot_whats(void);
const struct dot_what *dot_what_find(const char *name);
/* The names, comma separated ("phys, buddy"), into buf. */
void dot_what_list(char *buf, size_t len);

/*
 * Writes diagram w of m to out, after checking o against what w accepts.
 * Returns 0, or -EINVAL/-ENOMEM with the sentence in m->err.
 */
int dot_write(struct machine *m, const struct dot_what *w, const struct dot_opts *o,
	      FILE *out);

/*
 * Whether word, though it ends like a FILE, is an argument of diagram
 * what: the name of an existing cache for `dot slab` (a cache may be
 * called "foo.dot").  Front ends ask it of the first word after WHAT
 * before taking that word for the FILE.
 */
bool dot_word_is_arg(const struct machine *m, const char *what, const char *word);

/*
 * The whole of `dot WHAT [FILE]` for any front end (shell, Lua): looks
 * what up, generates the diagram in memory, then writes the text to out
 * (file NULL) or saves and renders it with dot_save().  done gets the
 * files written ("" for out).  Returns 0, or -errno with the sentence in
 * m->err: an unknown diagram (the sentence lists them), bad arguments, a
 * file that cannot be written, Graphviz missing or failing.  A failure
 * writes nothing to out.
 */
int dot_make(struct machine *m, const char *what, const struct dot_opts *o, const char *file,
	     FILE *out, char *done, size_t donelen);

/* Whether s is a negative integer ("-1"), which no pid, node or cpu is. */
bool dot_negative(const char *s);

/* Option helpers for diagram writers: each returns 0, or -EINVAL via mm_err. */
int dot_opt_node(struct dot *d, const struct dot_opts *o, int *nid);	/* -1 = all */
int dot_opt_zone(struct dot *d, const struct dot_opts *o, int *type);	/* -1 = all */
const char *dot_opt(const struct dot_opts *o, const char *key);

#define DOT_MAX_ZONES	320		/* MAX_NUMNODES * MAX_NR_ZONES */
struct zone;
/*
 * The populated zones that node= and zone= select, node by node and low
 * to high within a node, into zones[] (DOT_MAX_ZONES entries).  Returns
 * their number (at least 1), or -EINVAL via mm_err when an option is bad
 * or selects no populated zone.
 */
int dot_select_zones(struct dot *d, const struct dot_opts *o, struct zone **zones);

/*
 * Without node=, `dot phys` draws this many nodes one by one and the rest
 * as one summary ("Nodes 8-63"), so that a 64-node machine stays a slide;
 * `dot buddy`, whose zones are taller, half as many.
 */
#define DOT_MAX_NODES	8

/*
 * How many of zones[0..n) (node by node, as dot_select_zones() gives
 * them) belong to the first max_nodes nodes among them: the zones drawn
 * one by one.  zones[shown..n) are the ones to summarise (never a single
 * node: then every zone is shown).
 */
int dot_zones_shown(struct zone *const *zones, int n, int max_nodes);
/* The number of distinct nodes among zones[0..n). */
int dot_zones_nodes(struct zone *const *zones, int n);

struct task_struct;
/*
 * The process a diagram's first word names (a pid), or without one the
 * current task (else the first), into *t.  Returns 0, or with a sentence
 * in m->err -EINVAL (not a number; a word that looks like a file name is
 * told what FILE must be) or -ESRCH (no such process, no process at all).
 */
int dot_find_task(struct dot *d, const struct dot_opts *o, struct task_struct **t);

/* Rendering ------------------------------------------------------------- */

/* True if name ends in an extension `dot` renders: .svg, .png, .pdf (any case). */
bool dot_file_renders(const char *name);
/* True if name ends in .dot, .gv, .svg, .png or .pdf: a FILE for `dot WHAT`. */
bool dot_file_name(const char *name);
/*
 * True if word looks like a file name rather than a PID or cache NAME: it
 * holds a '/' or a '.' followed by a letter ("out.txt", "dir/x").
 */
bool dot_looks_like_file(const char *word);
/* The error for such a word that is no FILE: -EINVAL, the sentence in m->err. */
int dot_err_not_file(struct machine *m, const char *word);

/*
 * Saves DOT text.  For FILE.dot or FILE.gv the text goes to FILE; for
 * FILE.svg, .png or .pdf it goes to FILE.dot and then the `dot` program
 * (found in PATH, run directly without a shell; a name starting with '-'
 * is passed as ./NAME, never as an option) renders FILE.  Writes the
 * names of the files made into done ("phys.dot, phys.svg").  Returns 0, or
 * -errno with a sentence in err (errlen bytes): the file cannot be
 * written, Graphviz is not installed (the .dot is still written and the
 * sentence says how to install it), or dot failed (with its first line).
 */
int dot_save(const char *file, const char *text, size_t len, char *done, size_t donelen,
	     char *err, size_t errlen);

/* The diagrams (dot_phys.c, dot_buddy.c, ...). */
int dot_phys(struct dot *d, const struct dot_opts *o);
int dot_buddy(struct dot *d, const struct dot_opts *o);
int dot_aspace(struct dot *d, const struct dot_opts *o);
int dot_pagetable(struct dot *d, const struct dot_opts *o);
int dot_slab(struct dot *d, const struct dot_opts *o);
int dot_vmalloc(struct dot *d, const struct dot_opts *o);
int dot_layout(struct dot *d, const struct dot_opts *o);
int dot_tlb(struct dot *d, const struct dot_opts *o);
int dot_shared(struct dot *d, const struct dot_opts *o);

#endif
