/*
 * dot_shared.c - `dot shared`: the frames mapped more than once, and
 * every mapper of each, found the way the kernel finds them, through the
 * reverse map (rmap_walk: the anon_vma of an anonymous page, the file of
 * a page-cache page):
 *
 *   pid 1 (app)                                 pfn 0x3ffd0-0x3ffd3 (4 frames)
 *   0x0804b000-0x0804efff rw-p [heap]  CoW -->  anonymous, each mapped 2x
 *   pid 2 (app)                          ,-->
 *   0x0804b000-0x0804efff rw-p [heap]  CoW
 *   0xb7e00000 r-xp /lib/libc.so.6 read-only -> pfn 0x3fe00  /lib/libc.so.6 page 0
 *
 * A mapper is a process, an address and the VMA's permissions, and how it
 * shares the frame: "CoW" (a private writable mapping whose PTE fork
 * write-protected: the first write copies), "shared" (MAP_SHARED: writes
 * go to the one page) or "read-only" (a private mapping that cannot be
 * written, such as a library's text).  Frames next to each other whose
 * mappers map them at consecutive addresses of the same VMAs, the same
 * way, are one node, so a forked heap is one arrow per process, not one
 * per page.
 *
 * A frame mapped twice by one process (two mappings of one file) counts
 * too.  The zero page is left out: its PTEs are special (vm_normal_page)
 * and outside the reverse map.  Bounded for big machines: frames are taken
 * in pfn order into at most SHARED_DOT_RUNS nodes, each with at most
 * SHARED_DOT_MAPPERS mappers drawn, from at most SHARED_DOT_TASKS
 * processes; what is left is counted in the nodes and in a last node.
 * Only a frame that starts a node is looked up with rmap_walk(); one that
 * continues a node is checked in the page tables of the mappers drawn,
 * and frames past the last node are counted from their map counts, so
 * `dot shared` of a 16 GiB machine with 1,000 processes takes a fraction
 * of a second.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "dot/dot.h"
#include "mm/filemap.h"
#include "mm/machine.h"
#include "mm/mm_types.h"
#include "mm/mmap.h"
#include "mm/rmap.h"
#include "mm/sched.h"

#define SHARED_DOT_RUNS		24
#define SHARED_DOT_MAPPERS	6
#define SHARED_DOT_TASKS	16

enum share_kind { SHARE_COW, SHARE_SHARED, SHARE_READONLY, SHARE_PRIVATE_RW, NR_SHARE_KINDS };

static const struct { const char *name, *edge, *color, *what; } kinds[NR_SHARE_KINDS] = {
	[SHARE_COW]		= { "CoW", "color=\"#d62728\", style=dashed", "#d62728",
				    "write-protected: a write copies" },
	[SHARE_SHARED]		= { "shared", "color=\"#7b3294\"", "#7b3294",
				    "MAP_SHARED: writes go to the page" },
	[SHARE_READONLY]	= { "read-only", "color=\"#606060\"", "#606060",
				    "private, never written" },
	[SHARE_PRIVATE_RW]	= { "private rw", "color=\"#ff7f00\"", "#ff7f00",
				    "private and writable (not CoW!)" },
};

static const char *const file_color = "#c6dbef";	/* a page-cache page */

struct mapper {
	const struct task_struct *task;
	const struct vm_area_struct *vma;
	unsigned long addr;
	enum share_kind kind;
};

/* Consecutive frames mapped the same way, or one frame. */
struct run {
	unsigned long pfn, n;
	int mapcount;			/* of each frame */
	int found;			/* mappers rmap_walk found */
	int nm;				/* mappers kept (at most SHARED_DOT_MAPPERS) */
	struct mapper m[SHARED_DOT_MAPPERS];
};

struct shared_dot {
	struct dot *d;
	struct run runs[SHARED_DOT_RUNS];
	int nruns;
	unsigned long frames, mappings;		/* every shared frame, every PTE mapping one */
	unsigned long rest_frames, rest_mappings;	/* those not drawn */
	const struct task_struct *tasks[SHARED_DOT_TASKS];
	int ntasks;
	bool used[NR_SHARE_KINDS], anon, file;
};

static struct task_struct *task_of(const struct machine *m, const struct mm_struct *mm)
{
	for (struct task_struct *t = m->tasks; t; t = t->next)
		if (t->mm == mm)
			return t;
	return NULL;
}

static enum share_kind share_kind(const struct machine *m, const struct vm_area_struct *v,
				  unsigned long table, unsigned idx)
{
	if (v->vm_flags & VM_SHARED)
		return SHARE_SHARED;
	if (!(v->vm_flags & VM_WRITE))
		return SHARE_READONLY;
	return pt_get(m, table, idx) & _PAGE_RW ? SHARE_PRIVATE_RW : SHARE_COW;
}

/* rmap_walk's callback: keeps the first SHARED_DOT_MAPPERS mappers of the run. */
static void collect(struct machine *m, struct mm_struct *mm, struct vm_area_struct *vma,
		    unsigned long addr, unsigned long table, unsigned idx, void *ctx)
{
	struct run *r = ctx;

	if (r->nm == SHARED_DOT_MAPPERS)
		return;
	r->m[r->nm++] = (struct mapper){ task_of(m, mm), vma, addr,
					 share_kind(m, vma, table, idx) };
}

/* Frame pfn could continue run r: the next pfn and page index, the same owner and map count. */
static bool page_follows(const struct machine *m, const struct run *r, unsigned long pfn, int mc)
{
	const struct page *a = pfn_to_page(m, r->pfn), *b = pfn_to_page(m, pfn);

	return pfn == r->pfn + r->n && mc == r->mapcount && a->mapping == b->mapping &&
	       PageFlag(a, PG_anon) == PageFlag(b, PG_anon) && b->index == a->index + r->n;
}

/*
 * Each mapper kept for run r maps pfn one page further on, in the same
 * VMA and the same way: read from its page tables, which is much cheaper
 * than a walk of every process's VMAs (the mappers not kept are only
 * counted, and the equal map count says how many there are).
 */
static bool mappers_follow(struct machine *m, const struct run *r, unsigned long pfn)
{
	for (int i = 0; i < r->nm; i++) {
		const struct mapper *mp = &r->m[i];
		unsigned long addr = mp->addr + (r->n << PAGE_SHIFT);
		unsigned idx;
		long table;
		pteval_t e;

		if (addr >= mp->vma->vm_end || addr < mp->addr)
			return false;
		table = pte_lookup(m, mp->vma->vm_mm, addr, &idx);
		if (table < 0)
			return false;
		e = pt_get(m, (unsigned long)table, idx);
		if (!pte_mapped(e) || pte_pfn(e) != pfn ||
		    share_kind(m, mp->vma, (unsigned long)table, idx) != mp->kind)
			return false;
	}
	return true;
}

static bool is_shared(const struct machine *m, unsigned long pfn)
{
	return m->mem_map[pfn]._mapcount > 0 && pfn != m->zero_pfn;
}

/*
 * Every shared frame, in pfn order: one that continues the last run
 * extends it; else, while there is room, the reverse map finds its
 * mappers and it starts a run; else it is only counted.
 */
static void gather(struct shared_dot *sd)
{
	struct machine *m = sd->d->m;

	for (unsigned long pfn = 0; pfn < m->max_pfn; pfn++) {
		struct run next = { .pfn = pfn, .n = 1 };
		struct run *last = sd->nruns ? &sd->runs[sd->nruns - 1] : NULL;
		int mc;

		if (!is_shared(m, pfn))
			continue;
		mc = page_mapcount(pfn_to_page(m, pfn));
		sd->frames++;
		sd->mappings += (unsigned long)mc;
		if (last && page_follows(m, last, pfn, mc) && mappers_follow(m, last, pfn)) {
			last->n++;
			continue;
		}
		if (sd->nruns == SHARED_DOT_RUNS) {
			sd->rest_frames++;
			sd->rest_mappings += (unsigned long)mc;
			continue;
		}
		next.mapcount = mc;
		next.found = rmap_walk(m, pfn, collect, &next);
		sd->runs[sd->nruns++] = next;
	}
}

static int by_pid(const void *a, const void *b)
{
	const struct task_struct *const *x = a, *const *y = b;

	return (*x)->pid - (*y)->pid;
}

/* The processes drawn: the lowest pids among the mappers kept. */
static void choose_tasks(struct shared_dot *sd)
{
	const struct task_struct *all[SHARED_DOT_RUNS * SHARED_DOT_MAPPERS];
	int n = 0;

	for (int r = 0; r < sd->nruns; r++)
		for (int i = 0; i < sd->runs[r].nm; i++) {
			const struct task_struct *t = sd->runs[r].m[i].task;
			bool seen = !t;

			for (int k = 0; k < n && !seen; k++)
				seen = all[k] == t;
			if (!seen)
				all[n++] = t;
		}
	qsort(all, (size_t)n, sizeof *all, by_pid);
	sd->ntasks = n < SHARED_DOT_TASKS ? n : SHARED_DOT_TASKS;
	memcpy(sd->tasks, all, (size_t)sd->ntasks * sizeof *all);
}

static bool task_drawn(const struct shared_dot *sd, const struct task_struct *t)
{
	for (int k = 0; k < sd->ntasks; k++)
		if (sd->tasks[k] == t)
			return true;
	return false;
}

/* Writing ---------------------------------------------------------------------- */

static void run_id(char *buf, const struct run *r)
{
	dot_id(buf, "frame", r->pfn);
}

/* A process's rows: one per mapping of a run, in address order. */
struct row {
	const struct run *run;
	int i;				/* its mapper */
};

static int by_addr(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	unsigned long ax = x->run->m[x->i].addr, ay = y->run->m[y->i].addr;

	return ax < ay ? -1 : ax > ay;
}

static void mapping_row(struct shared_dot *sd, const struct row *w)
{
	struct dot *d = sd->d;
	const struct mapper *mp = &w->run->m[w->i];
	const char *name = vma_name(mp->vma);
	int digits = d->m->arch->addr_digits;
	char p[5];

	vm_flags_perms(mp->vma->vm_flags, p);
	sd->used[mp->kind] = true;
	dot_raw(d, "<TR><TD ALIGN=\"LEFT\"><FONT FACE=\"Courier\" POINT-SIZE=\"14\">0x%0*lx",
		digits, mp->addr);
	if (w->run->n > 1)
		dot_raw(d, "-<BR/>0x%0*lx", digits, mp->addr + (w->run->n << PAGE_SHIFT) - 1);
	dot_raw(d, "</FONT></TD><TD ALIGN=\"LEFT\">%s ", p);
	dot_text(d, "%s", *name ? name : "anonymous");
	dot_raw(d, "</TD><TD PORT=\"m%lx_%d\"><FONT COLOR=\"%s\"><B>%s</B></FONT></TD></TR>\n",
		w->run->pfn, w->i, kinds[mp->kind].color, kinds[mp->kind].name);
}

static void write_task(struct shared_dot *sd, const struct task_struct *t)
{
	struct row rows[SHARED_DOT_RUNS * SHARED_DOT_MAPPERS];
	char id[DOT_ID_LEN];
	int n = 0;

	for (int r = 0; r < sd->nruns; r++)
		for (int i = 0; i < sd->runs[r].nm; i++)
			if (sd->runs[r].m[i].task == t)
				rows[n++] = (struct row){ &sd->runs[r], i };
	qsort(rows, (size_t)n, sizeof *rows, by_addr);
	dot_id(id, "pid", (unsigned long long)t->pid);
	dot_node_begin(sd->d, id);
	dot_raw(sd->d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"5\">\n"
		"<TR><TD COLSPAN=\"3\" BGCOLOR=\"#eeeeee\"><B>pid %d (", t->pid);
	dot_text(sd->d, "%s", t->comm);
	dot_raw(sd->d, ")</B></TD></TR>\n");
	for (int k = 0; k < n; k++)
		mapping_row(sd, &rows[k]);
	dot_raw(sd->d, "</TABLE>");
	dot_node_end(sd->d);
}

/* Keeps the processes top to bottom in pid order (invisible edges in one rank). */
static void order_tasks(struct shared_dot *sd)
{
	if (sd->ntasks < 2)
		return;
	dot_indent(sd->d);
	dot_raw(sd->d, "{ rank=same; ");
	for (int k = 0; k < sd->ntasks; k++)
		dot_raw(sd->d, "%spid_%x", k ? " -> " : "", (unsigned)sd->tasks[k]->pid);
	dot_raw(sd->d, " [style=invis]; }\n");
}

/* What the frames of a run are: anonymous, or a file and its page offsets. */
static void run_what(struct shared_dot *sd, const struct run *r, const struct page *p)
{
	struct dot *d = sd->d;
	const struct sim_file *f;

	if (PageFlag(p, PG_anon)) {
		sd->anon = true;
		dot_raw(d, "anonymous");
		return;
	}
	sd->file = true;
	f = file_by_id(d->m, p->mapping);
	dot_text(d, "%s", f ? f->name : "a file");
	if (r->n > 1)
		dot_raw(d, " pages %llu-%llu", (unsigned long long)p->index,
			(unsigned long long)p->index + r->n - 1);
	else
		dot_raw(d, " page %llu", (unsigned long long)p->index);
}

static void write_run(struct shared_dot *sd, const struct run *r)
{
	struct dot *d = sd->d;
	const struct page *p = pfn_to_page(d->m, r->pfn);
	int hidden = r->found - r->nm;
	char id[DOT_ID_LEN];

	for (int i = 0; i < r->nm; i++)
		hidden += !task_drawn(sd, r->m[i].task);
	run_id(id, r);
	dot_node_begin(d, id);
	dot_raw(d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"5\">"
		"<TR><TD BGCOLOR=\"%s\" BALIGN=\"LEFT\">", PageFlag(p, PG_anon) ?
		dot_owner_color(DOT_OWNER_USER) : file_color);
	if (r->n > 1)
		dot_raw(d, "<B>pfn 0x%lx-0x%lx</B> (%lu frames)<BR/>", r->pfn, r->pfn + r->n - 1,
			r->n);
	else
		dot_raw(d, "<B>pfn 0x%lx</B><BR/>", r->pfn);
	dot_raw(d, "<FONT POINT-SIZE=\"13\">%s, ", zone_name(pfn_zone(d->m, r->pfn)->type));
	run_what(sd, r, p);
	dot_raw(d, "<BR/>%smapped %d&#215;, refcount %d", r->n > 1 ? "each " : "", r->mapcount,
		p->_refcount);
	if (PageFlag(p, PG_swapcache))
		dot_raw(d, ", in the swap cache");
	if (hidden > 0)
		dot_raw(d, "<BR/><I>%d more mapper%s not drawn</I>", hidden, hidden == 1 ? "" : "s");
	dot_raw(d, "</FONT></TD></TR></TABLE>");
	dot_node_end(d);
}

static void write_edges(struct shared_dot *sd, const struct run *r)
{
	char from[DOT_ID_LEN + 32], to[DOT_ID_LEN];

	run_id(to, r);
	for (int i = 0; i < r->nm; i++) {
		if (!task_drawn(sd, r->m[i].task))
			continue;
		snprintf(from, sizeof from, "pid_%x:m%lx_%d:e", (unsigned)r->m[i].task->pid, r->pfn,
			 i);
		dot_edge(sd->d, from, to, kinds[r->m[i].kind].edge);
	}
}

/* The last node: the shared frames not drawn, or that there are none. */
static void write_rest(struct shared_dot *sd)
{
	char f[32], n[32];

	if (sd->frames && !sd->rest_frames)
		return;
	dot_node_begin(sd->d, "rest");
	dot_raw(sd->d, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLPADDING=\"8\"><TR>"
		"<TD BGCOLOR=\"#eeeeee\"><I>");
	if (!sd->frames) {
		dot_raw(sd->d, "no frame is mapped more than once<BR/>(fork, shared libraries "
			"and MAP_SHARED make some)");
	} else {
		dot_count(f, sizeof f, sd->rest_frames);
		dot_count(n, sizeof n, sd->rest_mappings);
		dot_raw(sd->d, "... %s more shared frame%s (%s mappings)<BR/>at higher pfns, "
			"not drawn", f, sd->rest_frames == 1 ? "" : "s", n);
	}
	dot_raw(sd->d, "</I></TD></TR></TABLE>");
	dot_node_end(sd->d);
}

static void write_legend(struct shared_dot *sd)
{
	struct dot_legend_item items[NR_SHARE_KINDS + 2];
	int n = 0;

	for (int k = 0; k < NR_SHARE_KINDS; k++)
		if (sd->used[k])
			items[n++] = (struct dot_legend_item){ kinds[k].color, kinds[k].name,
							       kinds[k].what };
	if (sd->anon)
		items[n++] = (struct dot_legend_item){ dot_owner_color(DOT_OWNER_USER),
						       "anonymous frame", "found via its anon_vma" };
	if (sd->file)
		items[n++] = (struct dot_legend_item){ file_color, "page-cache frame",
						       "found via its file" };
	dot_legend(sd->d, "Shared frames", items, n,
		   "Every mapper is found through the reverse map.\n"
		   "The zero page is not drawn: its PTEs are special.");
}

int dot_shared(struct dot *d, const struct dot_opts *o)
{
	struct shared_dot *sd = calloc(1, sizeof *sd);
	char title[160], f[32], n[32];

	(void)o;
	if (!sd)
		return mm_err(d->m, -ENOMEM, "out of memory");
	sd->d = d;
	gather(sd);
	choose_tasks(sd);
	dot_count(f, sizeof f, sd->frames);
	dot_count(n, sizeof n, sd->mappings);
	snprintf(title, sizeof title, "Shared frames: %s frame%s mapped more than once, %s "
		 "mappings (%s)", f, sd->frames == 1 ? "" : "s", n, d->m->arch->name);
	dot_begin(d, "shared", title, "LR");
	for (int k = 0; k < sd->ntasks; k++)
		write_task(sd, sd->tasks[k]);
	order_tasks(sd);
	for (int r = 0; r < sd->nruns; r++)
		write_run(sd, &sd->runs[r]);
	for (int r = 0; r < sd->nruns; r++)
		write_edges(sd, &sd->runs[r]);
	write_rest(sd);
	write_legend(sd);
	if (!sd->frames || sd->rest_frames)
		dot_edge(d, "rest", "legend", "style=invis");
	dot_end(d);
	free(sd);
	return 0;
}
