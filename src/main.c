/*
 * main.c - the command line: which line source the shell reads.
 *
 *   vmlab                  a prompt if stdin is a terminal, else a script
 *                          read from stdin
 *   vmlab -c 'CMD; CMD'    these commands, then exit
 *   vmlab FILE             a script of commands ("-" is stdin)
 *   vmlab SCRIPT.lua ARGS  a Lua script, with ARGS in its arg table
 *   vmlab -e 'LUA'         this Lua code (several -e run in order, then
 *                          SCRIPT.lua if one is given)
 *
 * Every source but the prompt runs in batch mode: no prompt, no history,
 * errors as "FILE:LINE: error: ...", where FILE is the script's name,
 * "<stdin>" or "-c".  --bail, --echo and --check shape batch runs.
 *
 * Exit status: 0 if every command succeeded, 1 if one failed (or the
 * script could not be read to its end), 2 for bad usage or a script that
 * cannot be opened.  A Lua run exits 1 after "vmlab: FILE:LINE: message"
 * and a stack traceback, or with the status the script gave os.exit().
 * --sandbox runs Lua without io and the like, with an instruction limit
 * (--limit N); see src/lua/l_run.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lua/l_run.h"
#include "shell/shell.h"

#ifndef VMLAB_VERSION
#define VMLAB_VERSION "unknown"
#endif

enum { EXIT_USAGE = 2 };

#define MAX_EXPRS 32

struct options {
	const char *cmds;		/* -c */
	const char *file;
	int script;			/* argv index of SCRIPT.lua, 0 if none */
	const char *exprs[MAX_EXPRS];	/* -e, in order */
	int nexprs;
	unsigned long long limit;	/* --limit */
	bool bail, echo, check, sandbox;
	bool help, version;
};

static void usage(FILE *f)
{
	fputs("Usage: vmlab [OPTIONS] [FILE]\n"
	      "       vmlab [OPTIONS] -c COMMANDS\n"
	      "       vmlab [OPTIONS] [-e LUA]... [SCRIPT.lua [ARGS...]]\n"
	      "\n"
	      "A laboratory for Linux memory management: a simulated machine (zones,\n"
	      "the buddy allocator, page tables, ...) that shell commands drive.\n"
	      "\n"
	      "With no FILE and no -c, commands are read from standard input: at a\n"
	      "prompt with history and completion on a terminal, as a script otherwise.\n"
	      "FILE '-' is standard input.  A FILE ending in .lua is a Lua script: the\n"
	      "words after it are its arguments (arg[1], ...), not vmlab's options.\n"
	      "\n"
	      "Options:\n"
	      "  -c COMMANDS    run COMMANDS (separated by ';') and exit\n"
	      "  -e LUA         run the Lua code LUA (vmlab's module is `vm`) and exit\n"
	      "  --sandbox      run Lua without io, os.execute, os.remove, binary chunks\n"
	      "                 and the like, and with an instruction limit\n"
	      "  --limit N      the sandbox's instruction limit (default 200000000)\n"
	      "  --bail         stop at the first command that fails\n"
	      "  --echo         print each line as 'vmlab> LINE' before its output\n"
	      "  --check        check the machine's invariants after every command\n"
	      "  -h, --help     show this help and exit\n"
	      "  -V, --version  show the version and exit\n"
	      "\n"
	      "Type 'help' in vmlab for the commands, 'help CMD' for one of them.\n"
	      "Exit status: 0 if every command succeeded, 1 if one failed (or the Lua\n"
	      "code raised an error), 2 for bad usage or a FILE that cannot be opened.\n", f);
}

__attribute__((format(printf, 1, 0)))
static int usage_error(const char *fmt, const char *arg)
{
	fputs("vmlab: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'vmlab --help' for more information.\n", stderr);
	return -1;
}

/* Sets a long option by name; -1 (reported) if there is none. */
static int long_option(const char *arg, struct options *o)
{
	const struct {
		const char *name;
		bool *flag;
	} flags[] = {
		{ "--bail", &o->bail },
		{ "--echo", &o->echo },
		{ "--check", &o->check },
		{ "--sandbox", &o->sandbox },
		{ "--help", &o->help },
		{ "--version", &o->version },
	};

	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		if (strcmp(arg, flags[i].name) == 0) {
			*flags[i].flag = true;
			return 0;
		}
	return usage_error("unknown option '%s'", arg);
}

static bool is_lua_script(const char *file)
{
	size_t n = strlen(file);

	return n > 4 && strcmp(file + n - 4, ".lua") == 0;
}

/* --limit N or --limit=N.  Returns 0 or -1 (reported). */
static int limit_option(int argc, char **argv, int *i, struct options *o)
{
	const char *v = argv[*i][7] == '=' ? argv[*i] + 8 : (*i + 1 < argc ? argv[++*i] : NULL);
	char *end;

	if (!v)
		return usage_error("%s needs a number of instructions", "--limit");
	errno = 0;
	o->limit = strtoull(v, &end, 0);
	if (!*v || *end || *v == '-' || o->limit == 0 || errno == ERANGE)
		return usage_error("--limit: '%s' is not a number of instructions", v);
	return 0;
}

/* -e LUA or -eLUA.  Returns 0 or -1 (reported). */
static int expr_option(int argc, char **argv, int *i, struct options *o)
{
	const char *code = argv[*i][2] ? argv[*i] + 2 : (*i + 1 < argc ? argv[++*i] : NULL);

	if (!code)
		return usage_error("%s needs Lua code", "-e");
	if (o->nexprs == MAX_EXPRS)
		return usage_error("more than %s -e options", "32");
	o->exprs[o->nexprs++] = code;
	return 0;
}

/* What the options say together: -c, FILE and Lua exclude each other. */
static int check_combination(const struct options *o)
{
	bool lua = o->script || o->nexprs;

	if (o->cmds && o->file)
		return usage_error("give -c or FILE, not both ('%s')", o->file);
	if (lua && o->cmds)
		return usage_error("give -c or Lua (-e, SCRIPT.lua), not both%s", "");
	if (o->nexprs && o->file && !o->script)
		return usage_error("-e runs Lua: '%s' is not a .lua script", o->file);
	if ((o->sandbox || o->limit) && !lua)
		return usage_error("--sandbox and --limit are for Lua (-e, SCRIPT.lua)%s", "");
	if (o->limit && !o->sandbox)
		return usage_error("--limit is the sandbox's: give --sandbox too%s", "");
	return 0;
}

/*
 * Reads argv into o.  Returns 0, or -1 after a usage message on stderr.
 * Options may come before or after FILE; "--" ends them.  A SCRIPT.lua
 * ends them too: what follows belongs to the script.
 */
static int parse_options(int argc, char **argv, struct options *o)
{
	bool options_done = false;

	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (options_done || arg[0] != '-' || strcmp(arg, "-") == 0) {
			if (o->file)
				return usage_error("unexpected argument '%s'", arg);
			o->file = arg;
			if (is_lua_script(arg) && !o->cmds) {
				o->script = i;
				break;
			}
		} else if (strncmp(arg, "-e", 2) == 0) {
			if (expr_option(argc, argv, &i, o))
				return -1;
		} else if (strcmp(arg, "--limit") == 0 || strncmp(arg, "--limit=", 8) == 0) {
			if (limit_option(argc, argv, &i, o))
				return -1;
		} else if (strcmp(arg, "--") == 0) {
			options_done = true;
		} else if (strcmp(arg, "-h") == 0) {
			o->help = true;
		} else if (strcmp(arg, "-V") == 0) {
			o->version = true;
		} else if (strncmp(arg, "-c", 2) == 0) {
			if (o->cmds)
				return usage_error("%s: -c given twice", arg);
			o->cmds = arg[2] ? arg + 2 : argv[++i];
			if (!o->cmds)
				return usage_error("%s needs COMMANDS", arg);
		} else if (long_option(arg, o)) {
			return -1;
		}
	}
	return check_combination(o);
}

/* Runs the -c string as a script named "-c". */
static void run_commands(struct shell *sh, const char *cmds)
{
	FILE *f;

	if (!*cmds)
		return;
	f = fmemopen((void *)cmds, strlen(cmds), "r");
	if (!f) {
		fprintf(stderr, "vmlab: -c: %s\n", strerror(errno));
		sh->errors++;
		return;
	}
	shell_run_file(sh, f, "-c");
	fclose(f);
}

/* Runs FILE as a script.  Returns 0, or -1 if it cannot be opened. */
static int run_script(struct shell *sh, const char *file)
{
	FILE *f;

	if (strcmp(file, "-") == 0) {
		shell_run_file(sh, stdin, "<stdin>");
		return 0;
	}
	f = fopen(file, "r");
	if (!f) {
		fprintf(stderr, "vmlab: cannot open '%s': %s\n", file, strerror(errno));
		return -1;
	}
	shell_run_file(sh, f, file);
	fclose(f);
	return 0;
}

/*
 * The -e chunks, then SCRIPT.lua, in one Lua state.  Returns the exit
 * status: os.exit()'s if the code called it, else 1 after an error (or a
 * failed vm.on hook), 0 otherwise.
 */
static int run_lua(struct shell *sh, const struct options *o, int argc, char **argv)
{
	struct l_opts lo = { .sandbox = o->sandbox, .limit = o->limit, .progname = argv[0] };
	struct l_state *st;
	int r = 0, status;
	FILE *f = o->script ? fopen(argv[o->script], "r") : NULL;

	if (o->script && !f) {		/* as for a command script: a usage error */
		fprintf(stderr, "vmlab: cannot open '%s': %s\n", argv[o->script], strerror(errno));
		return EXIT_USAGE;
	}
	if (f)
		fclose(f);
	st = l_open(sh, &lo);
	if (!st) {
		fputs("vmlab: cannot start Lua: out of memory\n", stderr);
		return EXIT_FAILURE;
	}
	l_set_arg(st, argc, argv, o->script);
	l_catch_sigint(sh);
	for (int i = 0; i < o->nexprs && r == 0 && l_exit_status(st) < 0; i++)
		r = l_run_string(st, o->exprs[i], "=(command line)");
	if (o->script && r == 0 && l_exit_status(st) < 0)
		r = l_run_file(st, argv[o->script], argc - o->script - 1, argv + o->script + 1);
	l_catch_sigint(NULL);
	status = l_exit_status(st);
	fflush(sh->out);
	if (r < 0 && status < 0)
		fprintf(stderr, "vmlab: %s\n", l_error(st));
	l_close(st);
	if (status >= 0)
		return status;
	return r < 0 || sh->errors ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* Picks the line source.  Returns the exit status. */
static int run(struct shell *sh, const struct options *o, int argc, char **argv)
{
	if (o->script || o->nexprs)
		return run_lua(sh, o, argc, argv);
	if (o->cmds)
		run_commands(sh, o->cmds);
	else if (o->file) {
		if (run_script(sh, o->file))
			return EXIT_USAGE;
	} else if (isatty(STDIN_FILENO)) {
		sh->interactive = true;
		shell_interactive(sh);
		return EXIT_SUCCESS;
	} else
		shell_run_file(sh, stdin, "<stdin>");
	return sh->errors ? EXIT_FAILURE : EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	struct shell *sh;
	int status;

	if (parse_options(argc, argv, &o))
		return EXIT_USAGE;
	if (o.help || o.version) {
		if (o.help)
			usage(stdout);
		else
			puts("vmlab " VMLAB_VERSION);
		return EXIT_SUCCESS;
	}
	sh = shell_create(NULL);
	if (!sh) {
		fputs("vmlab: out of memory\n", stderr);
		return EXIT_FAILURE;
	}
	sh->bail = o.bail;
	sh->echo = o.echo;
	sh->check = o.check;
	status = run(sh, &o, argc, argv);
	shell_destroy(sh);
	if (fflush(stdout) != 0)
		status = EXIT_FAILURE;
	return status;
}
