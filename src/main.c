/*
 * main.c - the command line: which line source the shell reads.
 *
 *   vmlab                  a prompt if stdin is a terminal, else a script
 *                          read from stdin
 *   vmlab -c 'CMD; CMD'    these commands, then exit
 *   vmlab FILE             a script of commands ("-" is stdin)
 *
 * Every source but the prompt runs in batch mode: no prompt, no history,
 * errors as "FILE:LINE: error: ...", where FILE is the script's name,
 * "<stdin>" or "-c".  --bail, --echo and --check shape batch runs.
 *
 * Exit status: 0 if every command succeeded, 1 if one failed (or the
 * script could not be read to its end), 2 for bad usage or a script that
 * cannot be opened.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "shell/shell.h"

#ifndef VMLAB_VERSION
#define VMLAB_VERSION "unknown"
#endif

enum { EXIT_USAGE = 2 };

struct options {
	const char *cmds;		/* -c */
	const char *file;
	bool bail, echo, check;
	bool help, version;
};

static void usage(FILE *f)
{
	fputs("Usage: vmlab [OPTIONS] [FILE]\n"
	      "       vmlab [OPTIONS] -c COMMANDS\n"
	      "\n"
	      "A laboratory for Linux memory management: a simulated machine (zones,\n"
	      "the buddy allocator, page tables, ...) that shell commands drive.\n"
	      "\n"
	      "With no FILE and no -c, commands are read from standard input: at a\n"
	      "prompt with history and completion on a terminal, as a script otherwise.\n"
	      "FILE '-' is standard input.\n"
	      "\n"
	      "Options:\n"
	      "  -c COMMANDS    run COMMANDS (separated by ';') and exit\n"
	      "  --bail         stop at the first command that fails\n"
	      "  --echo         print each line as 'vmlab> LINE' before its output\n"
	      "  --check        check the machine's invariants after every command\n"
	      "  -h, --help     show this help and exit\n"
	      "  -V, --version  show the version and exit\n"
	      "\n"
	      "Type 'help' in vmlab for the commands, 'help CMD' for one of them.\n"
	      "Exit status: 0 if every command succeeded, 1 if one failed, 2 for bad\n"
	      "usage or a FILE that cannot be opened.\n", f);
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

/*
 * Reads argv into o.  Returns 0, or -1 after a usage message on stderr.
 * Options may come before or after FILE; "--" ends them.
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
	if (o->cmds && o->file)
		return usage_error("give -c or FILE, not both ('%s')", o->file);
	return 0;
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

/* Picks the line source.  Returns the exit status. */
static int run(struct shell *sh, const struct options *o)
{
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
	status = run(sh, &o);
	shell_destroy(sh);
	if (fflush(stdout) != 0)
		status = EXIT_FAILURE;
	return status;
}
