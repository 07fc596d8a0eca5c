/*
 * cmd_tools.c - the shell's own commands: help, quit and exit, explain,
 * trace, check and echo; and the two listeners that explain and trace put
 * on the machine's event bus.
 *
 * The listeners hold no state of their own: each event is handed to
 * narrate_event() or trace_format() and written to sh->out at the moment
 * it happens, so narration and trace lines appear between a command's
 * other output in the order the core did the work.  Their subscriptions
 * live in sh->explain_sub and sh->trace_sub; tools_sync_listeners() makes
 * them agree with sh->explain and sh->trace, and shell_set_machine() calls
 * it to carry them over to a new machine.
 */
#include <ctype.h>
#include <string.h>
#include "mm/check.h"
#include "report/trace.h"
#include "shell/commands.h"
#include "shell/narrate.h"
#include "shell/shell.h"

#define MAX_GROUPS 32

/* help ------------------------------------------------------------------ */

static int name_width(void)
{
	int w = 0;

	for (const struct command *c = command_table(); c->name; c++)
		if ((int)strlen(c->name) > w)
			w = (int)strlen(c->name);
	return w;
}

/* The groups in the order their first command appears in the table. */
static int list_groups(const char **group, int max)
{
	int n = 0;

	for (const struct command *c = command_table(); c->name; c++) {
		const char *g = c->group ? c->group : "other";
		int i = 0;

		while (i < n && strcmp(group[i], g) != 0)
			i++;
		if (i == n && n < max)
			group[n++] = g;
	}
	return n;
}

/*
 * Headings start with a capital and command lines with blanks and the
 * name, so `awk '/^ *[a-z_][a-z0-9_]* /{print $1}'` lists the commands.
 */
static void help_list(struct shell *sh)
{
	const char *group[MAX_GROUPS];
	int ngroups = list_groups(group, MAX_GROUPS), width = name_width();

	fputs("Commands by group; 'help CMD' shows usage, options and an example.\n", sh->out);
	for (int i = 0; i < ngroups; i++) {
		fprintf(sh->out, "\n%c%s:\n", toupper((unsigned char)group[i][0]), group[i] + 1);
		for (const struct command *c = command_table(); c->name; c++)
			if (strcmp(c->group ? c->group : "other", group[i]) == 0)
				fprintf(sh->out, "  %-*s  %s\n", width, c->name,
					c->summary ? c->summary : "");
	}
}

static void help_command(struct shell *sh, const struct command *c)
{
	size_t len = c->help ? strlen(c->help) : 0;
	char options[256];

	fprintf(sh->out, "%s - %s\n\n", c->name, c->summary ? c->summary : "");
	fprintf(sh->out, "Usage: %s\n", c->usage ? c->usage : c->name);
	if (len)
		fprintf(sh->out, "\n%s%s", c->help, c->help[len - 1] == '\n' ? "" : "\n");
	command_option_list(c, options, sizeof options);
	fputc('\n', sh->out);
	if (options[0])
		fprintf(sh->out, "Options: %s\n", options);
	if (c->example)
		fprintf(sh->out, "Example: %s\n", c->example);
}

static int cmd_help(struct shell *sh, struct args *a)
{
	const struct command *c;

	if (a->argc == 0) {
		help_list(sh);
		return 0;
	}
	c = command_resolve(sh, a->argv[0]);
	if (!c)
		return -1;
	help_command(sh, c);
	return 0;
}

/* quit, echo ------------------------------------------------------------ */

static int cmd_quit(struct shell *sh, struct args *a)
{
	(void)a;
	sh->quit = true;
	return 0;
}

static int cmd_echo(struct shell *sh, struct args *a)
{
	for (int i = 0; i < a->argc; i++)
		fprintf(sh->out, "%s%s", i ? " " : "", a->argv[i]);
	fputc('\n', sh->out);
	return 0;
}

/* check ----------------------------------------------------------------- */

static void print_violation(void *ctx, const char *violation)
{
	struct shell *sh = ctx;

	fprintf(sh->out, "%s\n", violation);
}

static int cmd_check(struct shell *sh, struct args *a)
{
	unsigned long n;

	(void)a;
	n = check_machine(sh->m, print_violation, sh, 0);
	if (n == 0) {
		fputs("OK\n", sh->out);
		return 0;
	}
	return sh_error(sh, "%lu violation%s", n, n == 1 ? "" : "s");
}

/* explain, trace -------------------------------------------------------- */

static void explain_listener(struct machine *m, const struct mm_event *ev, void *ctx)
{
	struct shell *sh = ctx;

	narrate_event(m, ev, sh->out);
}

static void trace_listener(struct machine *m, const struct mm_event *ev, void *ctx)
{
	struct shell *sh = ctx;
	char line[512];

	line[0] = '\0';
	trace_format(m, ev, line, sizeof line);
	if (line[0])
		fprintf(sh->out, "%s\n", line);
}

/* Subscribes fn if *on; turns *on off again if the bus is full. */
static int start_listening(struct shell *sh, bool *on, int *sub, mm_event_fn fn, const char *what)
{
	if (!*on)
		return 0;
	*sub = event_subscribe(&sh->m->events, fn, sh);
	if (*sub >= 0)
		return 0;
	*on = false;
	*sub = -1;
	return sh_error(sh, "cannot turn %s on: every event listener slot is taken", what);
}

static void stop_listening(struct shell *sh, int *sub)
{
	if (*sub >= 0)
		event_unsubscribe(&sh->m->events, *sub);
	*sub = -1;
}

/*
 * Subscribes afresh, trace before explain, so that with both on each
 * tracepoint line comes before its sentence whatever order they were
 * switched on in, and on every machine alike.
 */
int tools_sync_listeners(struct shell *sh)
{
	int r;

	stop_listening(sh, &sh->trace_sub);
	stop_listening(sh, &sh->explain_sub);
	r = start_listening(sh, &sh->trace, &sh->trace_sub, trace_listener, "trace");
	if (start_listening(sh, &sh->explain, &sh->explain_sub, explain_listener, "explain"))
		r = -1;
	return r;
}

/* `NAME on`, `NAME off`, or just `NAME` to show the setting. */
static int switch_listener(struct shell *sh, struct args *a, bool *flag)
{
	if (a->argc == 0) {
		fprintf(sh->out, "%s is %s\n", sh->cmd_name, *flag ? "on" : "off");
		return 0;
	}
	if (strcmp(a->argv[0], "on") == 0)
		*flag = true;
	else if (strcmp(a->argv[0], "off") == 0)
		*flag = false;
	else
		return sh_error(sh, "expected 'on' or 'off', not '%s'", a->argv[0]);
	return tools_sync_listeners(sh);
}

static int cmd_explain(struct shell *sh, struct args *a)
{
	return switch_listener(sh, a, &sh->explain);
}

static int cmd_trace(struct shell *sh, struct args *a)
{
	return switch_listener(sh, a, &sh->trace);
}

static const char *complete_on_off(struct shell *sh, const char *text, int idx)
{
	static const char *const words[] = { "on", "off" };

	(void)sh;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strncmp(words[i], text, strlen(text)) == 0 && idx-- == 0)
			return words[i];
	return NULL;
}

/* the table ------------------------------------------------------------- */

const struct command tools_commands[] = {
	{
		.name = "help", .handler = cmd_help, .min_args = 0, .max_args = 1,
		.usage = "help [CMD]",
		.summary = "list the commands, or show one in full",
		.help = "Without CMD, lists every command under its group with a one-line\n"
			"summary.  With CMD (a name or a unique prefix of one), shows its\n"
			"usage, what it does, the options it takes and an example.",
		.example = "help alloc_pages",
		.group = "tools", .complete_arg = command_complete,
	},
	{
		.name = "explain", .handler = cmd_explain, .min_args = 0, .max_args = 1,
		.usage = "explain [on|off]",
		.summary = "narrate what the kernel does, step by step",
		.help = "With explain on, every command tells its story in plain sentences\n"
			"as the simulated kernel works: the page allocator (which zone was\n"
			"tried and why, the watermark, each buddy split and merge, each trip\n"
			"to a per-CPU list), the fault path (the VMA found, each page-table\n"
			"level present or allocated, the frame, the entry written, the TLB\n"
			"fill), fork, exit and context switches, slab objects, vmalloc and\n"
			"kmap, reclaim and swap.  The sentences come from the same events as\n"
			"`trace`.  Without an argument, says whether narration is on.  The\n"
			"setting survives `machine` and `reset`.",
		.example = "explain on",
		.group = "tools", .complete_arg = complete_on_off,
	},
	{
		.name = "trace", .handler = cmd_trace, .min_args = 0, .max_args = 1,
		.usage = "trace [on|off]",
		.summary = "print a tracepoint line for every event",
		.help = "With trace on, every event the core emits is printed as one line:\n"
			"the event's name and fields as /sys/kernel/tracing/trace prints them\n"
			"after its task, CPU and timestamp columns (which vmlab leaves out):\n"
			"the kernel's own tracepoints (mm_page_alloc, mm_page_free, kmalloc,\n"
			"page_fault_user, mm_vmscan_*, ...) in their 6.1 format, and in the\n"
			"same style the model's finer steps (buddy_split, set_pte, ...).\n"
			"Without an argument, says whether tracing is on.  The setting\n"
			"survives `machine` and `reset`.",
		.example = "trace on",
		.group = "tools", .complete_arg = complete_on_off,
	},
	{
		.name = "check", .handler = cmd_check, .min_args = 0, .max_args = 0,
		.usage = "check",
		.summary = "check every invariant of the machine",
		.help = "Walks the whole machine and checks the rules that must always hold:\n"
			"  frames      every frame is reserved, allocated, free in exactly one buddy\n"
			"              block or on one per-CPU list; nr_free agrees with the lists;\n"
			"              no free block has a free buddy of its order\n"
			"  kernel      slab pages and objects, vmalloc and vmap pages, pkmap and\n"
			"              fixmap entries belong to allocated frames of their owner\n"
			"  processes   page-table pages, each reached once; every mapped page's\n"
			"              mapcount equals the PTEs that map it; RSS and PageTables\n"
			"              agree; the zero page is never written; each cached file page\n"
			"              knows its file; VMAs sorted and disjoint; TLB entries match\n"
			"              the page tables; the process caches (task_struct, mm_struct,\n"
			"              vm_area_struct, ...) hold exactly the processes' objects\n"
			"  swap, LRU   each slot's count equals the swap PTEs naming it; the swap\n"
			"              cache and SWAP_HAS_CACHE agree; every user page is on the\n"
			"              LRU list its flags name\n"
			"Prints OK, or each violation on a line of its own and then fails.\n"
			"`vmlab --check` runs it after every command.",
		.example = "check",
		.group = "tools",
	},
	{
		.name = "echo", .handler = cmd_echo, .min_args = 0, .max_args = -1,
		.usage = "echo [TEXT...]",
		.summary = "print the words given",
		.help = "Prints its arguments separated by single blanks, then a newline.\n"
			"Handy for headings in scripts and transcripts.  Quote a word to\n"
			"keep blanks, ';' or '#' in it.",
		.example = "echo \"== order-3 allocation ==\"",
		.group = "tools",
	},
	{
		.name = "quit", .handler = cmd_quit, .min_args = 0, .max_args = 0,
		.usage = "quit",
		.summary = "leave vmlab",
		.help = "Ends the session; a script stops here.  End of input (Ctrl-D at\n"
			"the prompt) does the same.  The exit status says whether any\n"
			"command of a script failed.",
		.example = "quit",
		.group = "tools",
	},
	{
		.name = "exit", .handler = cmd_quit, .min_args = 0, .max_args = 0,
		.usage = "exit",
		.summary = "leave vmlab (the same as quit)",
		.help = "Another name for `quit`.",
		.example = "exit",
		.group = "tools",
	},
	{ 0 }
};
