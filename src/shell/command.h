/*
 * command.h - the command table: one entry per shell command drives
 * dispatch, argument-count checks, option checks, `help`, `help CMD`,
 * usage errors and tab completion.
 *
 * Each group of commands lives in its own file (cmd_phys.c, cmd_views.c, ...)
 * and exports a table ending with an all-zero entry; commands.c lists the
 * tables.  Handlers get the parsed arguments: positional ones first, then
 * key=value options (already checked against `options`).
 */
#ifndef VMLAB_SHELL_COMMAND_H
#define VMLAB_SHELL_COMMAND_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "mm/gfp.h"

struct shell;

#define MAX_ARGS 64

struct args {
	int argc;			/* positional arguments */
	char *argv[MAX_ARGS];
	int optc;			/* key=value options */
	char *key[MAX_ARGS];
	char *val[MAX_ARGS];
};

/* Completes a word: returns the idx-th candidate starting with text, or NULL. */
typedef const char *(*completer_fn)(struct shell *sh, const char *text, int idx);

struct command {
	const char *name;
	/* Returns 0, or -1 after reporting the error with sh_error(). */
	int (*handler)(struct shell *sh, struct args *a);
	int min_args, max_args;		/* positional; max -1 = unlimited */
	const char *usage;		/* "alloc_pages ORDER [gfp=FLAGS] [node=N]" */
	const char *summary;		/* one line for `help` */
	const char *help;		/* what it does, its options: for `help CMD` */
	const char *example;		/* a real command line */
	const char *options;		/* accepted keys, comma separated: "gfp,node" */
	const char *group;		/* heading in `help` */
	completer_fn complete_arg;	/* completes positional words, may be NULL */
};

/* Every command, in `help` order; the array ends with a NULL name. */
const struct command *command_table(void);
/* Exact name, or a unique prefix; NULL otherwise. */
const struct command *command_find(const char *name);

/* The option value for key, or NULL if not given. */
const char *arg_opt(const struct args *a, const char *key);

/*
 * Number parsing for handlers.  Each returns 0 on success; on bad input it
 * reports "error: CMD: WHAT: ..." through sh_error() and returns -1.
 *   arg_number: decimal or 0x hex, no suffix
 *   arg_size:   as arg_number, with K, M, G (powers of 1024)
 */
int arg_number(struct shell *sh, const char *what, const char *s, uint64_t *out);
int arg_size(struct shell *sh, const char *what, const char *s, uint64_t *out);
/* The gfp= option's flags, or dflt without it: 0, or -1 after one error line. */
int arg_gfp(struct shell *sh, const struct args *a, gfp_t dflt, gfp_t *gfp);
/* A comma-separated list ("3,4" for frames=): 0, or -1 if an item is empty ("3,,4"). */
int arg_list(struct shell *sh, const char *what, const char *s);

#endif
