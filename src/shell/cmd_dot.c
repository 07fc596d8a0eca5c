/*
 * cmd_dot.c - `dot WHAT [FILE] [key=value...]`: Graphviz diagrams of the
 * machine.
 *
 *   vmlab> dot buddy zone=DMA            DOT text on the output
 *   vmlab> dot phys phys.svg             phys.dot written, then rendered
 *   wrote phys.dot, phys.svg
 *
 * The diagrams themselves, and the table of them, live in src/dot/; this
 * file only sorts the words: the first is WHAT, a word ending in .dot,
 * .gv, .svg, .png or .pdf is FILE, the other words belong to the diagram,
 * and dot_make() does the rest (a diagram that fails writes nothing).
 * `dot` alone lists the diagrams.
 */
#include <stdio.h>
#include <string.h>
#include "dot/dot.h"
#include "shell/command.h"
#include "shell/commands.h"
#include "shell/shell.h"

static void list_diagrams(struct shell *sh)
{
	int width = 0;

	for (const struct dot_what *w = dot_whats(); w->name; w++)
		if ((int)(strlen(w->name) + strlen(w->args)) + 1 > width)
			width = (int)(strlen(w->name) + strlen(w->args)) + 1;
	fputs("Diagrams ('dot WHAT [FILE]'; FILE.svg, .png or .pdf is rendered):\n", sh->out);
	for (const struct dot_what *w = dot_whats(); w->name; w++) {
		char line[128];

		snprintf(line, sizeof line, "%s %s", w->name, w->args);
		fprintf(sh->out, "  %-*s  %s\n", width, line, w->summary);
	}
}

/* Moves FILE out of the words after WHAT; the rest stay in rest[]. */
static int split_file(struct shell *sh, struct args *a, const char **file, char **rest,
		      int *nrest)
{
	*file = NULL;
	*nrest = 0;
	for (int i = 1; i < a->argc; i++) {
		/* a cache named like a file ("foo.dot") is the diagram's argument */
		if (!dot_file_name(a->argv[i]) ||
		    (i == 1 && dot_word_is_arg(sh->m, a->argv[0], a->argv[i]))) {
			rest[(*nrest)++] = a->argv[i];
			continue;
		}
		if (*file)
			return sh_error(sh, "two files given: '%s' and '%s'", *file, a->argv[i]);
		*file = a->argv[i];
	}
	return 0;
}

static int cmd_dot(struct shell *sh, struct args *a)
{
	struct dot_opts o = { .optc = a->optc, .key = a->key, .val = a->val };
	char *rest[MAX_ARGS], done[256];
	const char *file;

	if (a->argc == 0) {
		list_diagrams(sh);
		return 0;
	}
	if (split_file(sh, a, &file, rest, &o.argc) < 0)
		return -1;
	o.argv = rest;
	if (dot_make(sh->m, a->argv[0], &o, file, sh->out, done, sizeof done) < 0)
		return sh_mm_error(sh);
	if (file)
		fprintf(sh->out, "wrote %s\n", done);
	return 0;
}

static const char *complete_what(struct shell *sh, const char *text, int idx)
{
	(void)sh;
	for (const struct dot_what *w = dot_whats(); w->name; w++)
		if (strncmp(w->name, text, strlen(text)) == 0 && idx-- == 0)
			return w->name;
	return NULL;
}

const struct command dot_commands[] = {
	{
		.name = "dot", .handler = cmd_dot, .min_args = 0, .max_args = -1,
		.usage = "dot [WHAT [PID|NAME] [FILE] [node=N] [zone=NAME] [addr=ADDR] [cpu=N] "
			 "[title=TEXT]]",
		.summary = "draw the machine as a Graphviz diagram",
		.help = "Writes a Graphviz diagram of the machine as it is now:\n"
			"  phys [node=N] [zone=NAME]\n"
			"        physical memory by node and zone, each run of frames coloured\n"
			"        by its owner (free, per-CPU list, kernel, user, page table,\n"
			"        slab, vmalloc, swap cache, reserved, hole)\n"
			"  buddy [node=N] [zone=NAME]\n"
			"        each zone's free_area[]: nr_free per order and the free blocks\n"
			"        on each list, from the head the allocator takes next\n"
			"  aspace [PID]\n"
			"        a process's address space, high addresses on top: VMAs with\n"
			"        permissions and resident pages, gaps, the user/kernel split\n"
			"  pagetable [PID] [addr=ADDR]\n"
			"        the page-table tree from CR3 to the frames; addr= highlights\n"
			"        the walk of one address, level by level\n"
			"  slab [NAME]\n"
			"        a cache's CPU, partial and full slabs with every object (in\n"
			"        use, free on the slab, free on the CPU); without NAME, every\n"
			"        cache that has slabs\n"
			"  vmalloc\n"
			"        the vmalloc space: each area with its guard page and the\n"
			"        frames behind it\n"
			"  layout\n"
			"        the kernel's virtual memory map with this machine's values\n"
			"  tlb [cpu=N]\n"
			"        a CPU's TLB as sets and ways, with hits and misses; each valid\n"
			"        entry leads to the page-table entry it caches and its frame\n"
			"  shared\n"
			"        frames mapped more than once (fork, libraries, MAP_SHARED) and\n"
			"        every mapper, found through the reverse map: pid, address,\n"
			"        permissions, CoW or shared\n"
			"PID defaults to the current process.  zone= takes DMA, DMA32, Normal\n"
			"or HighMem.  Every diagram takes title=\"TEXT\", a heading above\n"
			"its own title (for slides).  Without FILE the DOT text is printed.\n"
			"A FILE ending in .dot or .gv gets the text; one ending in .svg, .png\n"
			"or .pdf is rendered by Graphviz's `dot` program, and the text is\n"
			"kept next to it (phys.svg and phys.dot).  Long runs and lists are\n"
			"folded with counts, so a diagram of any machine stays within a few\n"
			"hundred nodes.  The same state always gives the same bytes.  `dot`\n"
			"alone lists the diagrams.",
		.example = "dot buddy buddy.svg zone=Normal",
		.options = DOT_OPTION_KEYS,
		.group = "tools", .complete_arg = complete_what,
	},
	{ 0 }
};
