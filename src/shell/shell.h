/*
 * shell.h - the shell: one machine, one line source, one output.
 *
 * Both modes share one loop: readline with a prompt and history on a
 * terminal; plain getline from a pipe, a file or -c, where errors carry
 * FILE:LINE and the exit status says whether any command failed.  All
 * command output goes to sh->out (stdout, or a memory stream when Lua's
 * vm.cmd() captures it); errors go to sh->err.
 */
#ifndef VMLAB_SHELL_SHELL_H
#define VMLAB_SHELL_SHELL_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include "mm/machine.h"

struct shell;
struct command;
struct args;

/*
 * A check the shell makes before each command while it is set (the Lua
 * sandbox sets one): it sees the command and the very words its handler
 * would get, and returns 0 to let it run, or -1 after sh_error() to
 * refuse it.
 */
typedef int (*shell_filter_fn)(struct shell *sh, const struct command *c,
			       const struct args *a, void *ctx);

struct shell {
	struct machine *m;
	struct machine_config cfg;	/* what `reset` rebuilds */
	FILE *out;
	FILE *err;
	const char *cmd_name;		/* command being run, for error lines */
	const char *source;		/* script name in batch mode, NULL interactive */
	unsigned long line;		/* line number within source */
	bool interactive;
	bool echo;			/* --echo: print each command before its output */
	bool bail;			/* --bail: stop at the first error */
	bool check;			/* --check: check_machine() after every command */
	bool quit;			/* `quit` was run */
	unsigned long errors;		/* failed commands so far */
	bool explain;			/* narration on */
	bool trace;			/* tracepoint lines on */
	int trace_sub;			/* event-bus handles, -1 when off */
	int explain_sub;
	volatile sig_atomic_t *interrupted;	/* set by SIGINT */
	shell_filter_fn filter;			/* NULL: every command runs */
	void *filter_ctx;
};

/* Creates the shell and its default machine.  NULL if the host is out of memory. */
struct shell *shell_create(const struct machine_config *cfg);
void shell_destroy(struct shell *sh);

/*
 * Runs one line (which may hold several commands separated by ';').
 * Returns 0, or -1 if a command failed.
 */
int shell_run_line(struct shell *sh, const char *line);

/*
 * Runs every line of f: the batch loop.  name is used in error lines.
 * Returns the number of failed commands.
 */
unsigned long shell_run_file(struct shell *sh, FILE *f, const char *name);

/* The interactive loop (readline). */
void shell_interactive(struct shell *sh);

/*
 * Replaces the machine with one built from cfg; the shell's listeners
 * (trace, explain) move to the new machine.  Returns 0 or -1 (host OOM,
 * reported).
 */
int shell_set_machine(struct shell *sh, const struct machine_config *cfg);

/* Reports "error: CMD: message" (with FILE:LINE: in batch mode).  Returns -1. */
int sh_error(struct shell *sh, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Reports a core failure: the machine's sentence in m->err.  Returns -1. */
int sh_mm_error(struct shell *sh);

#endif
