/*
 * shell.c - the shell's core: lines into commands, commands into handlers,
 * and the one way errors are reported.
 *
 * A line is cut into commands at ';' and each command into words at
 * blanks.  "Double quotes" keep blanks, ';' and '#' inside a word (\" and
 * \\ escape inside them); a '#' that starts a word ends the line:
 *
 *   alloc_pages 3 gfp="GFP_KERNEL|__GFP_ZERO"; buddyinfo   # two commands
 *     -> [alloc_pages] [3] [gfp=GFP_KERNEL|__GFP_ZERO]
 *     -> [buddyinfo]
 *
 * The first word names the command: its exact name or a unique prefix.
 * A word that starts with an unquoted `key=` is an option, for commands
 * that take options; every other word is positional.  Counts and option
 * keys are checked against the command table before the handler runs, so
 * a handler only ever sees well-formed arguments.
 *
 * Errors are one line on sh->err, "error: CMD: message", with "FILE:LINE: "
 * in front in batch mode.  sh->out is flushed first, so that output and
 * errors keep their order when both go to one pipe.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "mm/check.h"
#include "shell/commands.h"
#include "shell/shell.h"

/* The command word, then at most MAX_ARGS positionals and MAX_ARGS options. */
#define MAX_WORDS	(1 + 2 * MAX_ARGS)
/* --check reports at most this many violations after one command. */
#define CHECK_LIMIT	10

struct words {
	int n;
	char *w[MAX_WORDS];
	bool opt[MAX_WORDS];		/* starts with an unquoted key= */
};

/* A shell and the flag its SIGINT handler sets, in one allocation. */
struct shell_box {
	struct shell sh;
	volatile sig_atomic_t interrupted;
};

struct shell *shell_create(const struct machine_config *cfg)
{
	struct shell_box *box = calloc(1, sizeof *box);
	struct machine_config def;
	struct shell *sh;

	if (!box)
		return NULL;
	if (!cfg) {
		machine_default_config(&def);
		cfg = &def;
	}
	sh = &box->sh;
	sh->m = machine_create(cfg);
	if (!sh->m) {
		free(box);
		return NULL;
	}
	sh->cfg = *cfg;
	sh->out = stdout;
	sh->err = stderr;
	sh->trace_sub = sh->explain_sub = -1;
	sh->interrupted = &box->interrupted;
	return sh;
}

void shell_destroy(struct shell *sh)
{
	if (!sh)
		return;
	machine_destroy(sh->m);		/* the listeners go with its bus */
	free((struct shell_box *)sh);
}

/*
 * Builds the new machine before dropping the old one, so a configuration
 * that fails leaves the shell on the machine it had.
 */
int shell_set_machine(struct shell *sh, const struct machine_config *cfg)
{
	char why[MM_ERR_LEN];
	struct machine_config c = *cfg;	/* cfg may be &sh->cfg */
	struct machine *m;

	if (machine_config_check(&c, why))
		return sh_error(sh, "%s", why);
	m = machine_create(&c);
	if (!m)
		return sh_error(sh, "the host is out of memory for this machine");
	machine_destroy(sh->m);
	sh->m = m;
	sh->cfg = c;
	sh->trace_sub = sh->explain_sub = -1;
	return tools_sync_listeners(sh);
}

static void verror(struct shell *sh, const char *fmt, va_list ap)
{
	console_flush(sh);		/* the kernel's lines come before the error they explain */
	fflush(sh->out);
	if (sh->source)
		fprintf(sh->err, "%s:%lu: ", sh->source, sh->line);
	fputs("error: ", sh->err);
	if (sh->cmd_name)
		fprintf(sh->err, "%s: ", sh->cmd_name);
	vfprintf(sh->err, fmt, ap);
	fputc('\n', sh->err);
	fflush(sh->err);
}

int sh_error(struct shell *sh, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verror(sh, fmt, ap);
	va_end(ap);
	return -1;
}

int sh_mm_error(struct shell *sh)
{
	return sh_error(sh, "%s", sh->m->err[0] ? sh->m->err : "failed");
}

/* A word that starts with key= where key is letters, digits and '_'. */
static bool is_option_word(const char *s)
{
	const char *p = s;

	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
	       (p > s && *p >= '0' && *p <= '9'))
		p++;
	return p > s && *p == '=';
}

/*
 * Copies the word at *src to dst (which may be *src itself: a word only
 * shrinks), dropping its quotes, and NUL-terminates it.  Leaves *src past
 * the character that ended the word.  Returns that character (blank, ';'
 * or NUL), or -1 if a quote is left open.
 */
static int read_word(char **src, char *dst)
{
	char *s = *src, end;
	bool quoted = false;

	for (;; s++) {
		char c = *s;

		if (c == '\0') {
			if (quoted)
				return -1;
			break;
		}
		if (c == '"') {
			quoted = !quoted;
			continue;
		}
		if (quoted && c == '\\' && (s[1] == '"' || s[1] == '\\'))
			c = *++s;
		else if (!quoted && strchr(" \t\r\n;", c))
			break;
		*dst++ = c;
	}
	end = *s;
	*dst = '\0';
	*src = end ? s + 1 : s;
	return end;
}

/*
 * Cuts the next command off *line, in place, into w.  Advances *line past
 * the ';' that ended it, or to the end of the line (also at a comment).
 * Returns 0 (w->n is 0 for an empty command), or -1 after reporting an
 * open quote or too many words.
 */
static int next_command(struct shell *sh, char **line, struct words *w)
{
	char *s = *line;
	int end = ' ';

	w->n = 0;
	while (end != ';' && end != '\0') {
		s += strspn(s, " \t\r\n");
		if (*s == '\0' || *s == '#')
			break;
		if (*s == ';') {
			s++;
			break;
		}
		if (w->n == MAX_WORDS) {
			*line = s + strlen(s);
			return sh_error(sh, "too many words (at most %d)", MAX_WORDS);
		}
		w->opt[w->n] = is_option_word(s);
		w->w[w->n] = s;
		end = read_word(&s, w->w[w->n++]);
		if (end < 0) {
			*line = s + strlen(s);
			return sh_error(sh, "unterminated quote");
		}
	}
	*line = *s == '#' ? s + strlen(s) : s;
	return 0;
}

/* True if key is one of the comma-separated names in list. */
static bool listed(const char *list, const char *key)
{
	size_t len = strlen(key);

	for (const char *p = list; p && *p; p += strcspn(p, ","), p += *p == ',')
		if (strncmp(p, key, len) == 0 && (p[len] == ',' || p[len] == '\0'))
			return true;
	return false;
}

static int unknown_option(struct shell *sh, const struct command *c, const char *key)
{
	char names[256];

	command_option_list(c, names, sizeof names);
	return sh_error(sh, "unknown option '%s' (options: %s)", key, names);
}

/* Files word (an option) into a; splits it at its first '='. */
static int add_option(struct shell *sh, const struct command *c, char *word,
		      struct args *a)
{
	char *eq = strchr(word, '=');

	*eq = '\0';
	if (!listed(c->options, word))
		return unknown_option(sh, c, word);
	if (arg_opt(a, word))
		return sh_error(sh, "option '%s' given twice", word);
	if (!eq[1])
		return sh_error(sh, "option '%s=' needs a value", word);
	a->key[a->optc] = word;
	a->val[a->optc++] = eq + 1;
	return 0;
}

/*
 * Sorts the words after the command name into positionals and options and
 * checks them against c.  Returns 0, or -1 after one usage error line.
 */
static int build_args(struct shell *sh, const struct command *c,
		      struct words *w, struct args *a)
{
	bool takes_options = c->options && *c->options;
	char name[64];

	a->argc = a->optc = 0;
	for (int i = 1; i < w->n; i++) {
		if (takes_options && w->opt[i]) {
			if (a->optc == MAX_ARGS)
				return sh_error(sh, "too many options");
			if (add_option(sh, c, w->w[i], a))
				return -1;
		} else if (a->argc == MAX_ARGS) {
			return sh_error(sh, "too many arguments");
		} else {
			a->argv[a->argc++] = w->w[i];
		}
	}
	if (a->argc < c->min_args) {
		if (!command_arg_name(c, a->argc, name, sizeof name))
			snprintf(name, sizeof name, "an argument");
		return sh_error(sh, "missing %s (usage: %s)", name, c->usage);
	}
	if (c->max_args >= 0 && a->argc > c->max_args)
		return sh_error(sh, "unexpected argument '%s' (usage: %s)",
				a->argv[c->max_args], c->usage);
	return 0;
}

static void report_violation(void *ctx, const char *violation)
{
	sh_error(ctx, "%s", violation);
}

/* --check: every invariant, after a command.  Returns 0 or -1. */
static int check_after(struct shell *sh)
{
	const char *cmd = sh->cmd_name;
	unsigned long n;

	sh->cmd_name = "check";
	n = check_machine(sh->m, report_violation, sh, CHECK_LIMIT);
	if (n > CHECK_LIMIT)
		sh_error(sh, "%lu more violations", n - CHECK_LIMIT);
	sh->cmd_name = cmd;
	return n ? -1 : 0;
}

/* Finds, checks and runs one command.  Returns 0 or -1 (reported). */
static int run_command(struct shell *sh, struct words *w)
{
	const char *outer = sh->cmd_name;	/* a handler may run commands */
	const struct command *c;
	struct args a;
	int r;

	sh->cmd_name = NULL;
	c = command_resolve(sh, w->w[0]);
	if (!c) {
		sh->cmd_name = outer;
		return -1;
	}
	sh->cmd_name = c->name;
	r = build_args(sh, c, w, &a);
	if (r == 0 && sh->filter)
		r = sh->filter(sh, c, &a, sh->filter_ctx);
	if (r == 0) {
		r = c->handler(sh, &a);
		console_flush(sh);		/* the kernel log lines it caused */
		if (sh->check && check_after(sh))
			r = -1;
	}
	sh->cmd_name = outer;
	return r;
}

/*
 * Cuts a copy of the whole line into commands without running any, so
 * that a line with an open quote runs nothing.  Returns 0 or -1 (reported).
 */
static int check_syntax(struct shell *sh, const char *line)
{
	char *copy = strdup(line), *p = copy;
	struct words w;
	int r = copy ? 0 : sh_error(sh, "out of memory");

	while (r == 0 && *p)
		r = next_command(sh, &p, &w);
	free(copy);
	return r;
}

int shell_run_line(struct shell *sh, const char *line)
{
	char *buf = strdup(line), *p;
	struct words w;
	int failed = 0;

	if (!buf || check_syntax(sh, line)) {
		if (!buf)
			sh_error(sh, "out of memory");
		free(buf);
		sh->errors++;
		return -1;
	}
	for (p = buf; *p && !sh->quit && !*sh->interrupted; ) {
		int r = next_command(sh, &p, &w);

		if (r == 0 && w.n == 0)
			continue;
		if (r == 0)
			r = run_command(sh, &w);
		if (r) {
			failed = 1;
			sh->errors++;
			if (sh->bail)
				break;
		}
	}
	free(buf);
	return failed ? -1 : 0;
}

static void chomp(char *s, size_t len)
{
	while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		s[--len] = '\0';
}

/*
 * The batch loop.  Runs until the end of f, `quit`, or (with --bail) the
 * first error; --echo shows each non-blank line as "vmlab> LINE" before
 * its output.  Restores the caller's FILE:LINE, so scripts may nest.
 */
unsigned long shell_run_file(struct shell *sh, FILE *f, const char *name)
{
	const char *outer = sh->source;
	unsigned long outer_line = sh->line, before = sh->errors;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	sh->source = name;
	sh->line = 0;
	while (!sh->quit && !(sh->bail && sh->errors != before) &&
	       (len = getline(&line, &cap, f)) >= 0) {
		sh->line++;
		chomp(line, (size_t)len);
		if (sh->echo && line[strspn(line, " \t")])
			fprintf(sh->out, "vmlab> %s\n", line);
		shell_run_line(sh, line);
	}
	sh->source = outer;
	sh->line = outer_line;
	if (ferror(f)) {
		sh_error(sh, "cannot read %s: %s", name, strerror(errno));
		sh->errors++;
	}
	free(line);
	fflush(sh->out);
	return sh->errors - before;
}
