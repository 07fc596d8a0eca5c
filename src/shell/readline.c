/*
 * readline.c - the interactive front end: prompt, history, completion and
 * Ctrl-C, on GNU Readline's callback interface.
 *
 * The loop waits for input with poll() and feeds readline one character
 * at a time.  SIGINT's handler only sets *sh->interrupted; at the prompt
 * that wakes poll() up and the loop drops the half-typed line and shows a
 * fresh prompt, the way bash does.  While a command runs, the same flag
 * tells commands that loop to stop; the rest of the line is abandoned.
 *
 * Completion depends on where the word being completed stands:
 *
 *   al<TAB>                        command names          alloc_pages
 *   alloc_pages 3 g<TAB>           the command's options  gfp=
 *   alloc_pages 3 gfp=GFP_K<TAB>   GFP names, also after '|'
 *   dot buddy zone=Hi<TAB>         zone names             HighMem
 *   help al<TAB>                   the command's complete_arg
 *   dot buddy b<TAB>               file names, where usage says FILE
 *
 * Readline's callbacks take no context, so the shell being served and the
 * state of the completion under way live in two small static structs, set
 * for the duration of shell_interactive().
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <readline/history.h>
#include <readline/readline.h>
#include "mm/gfp.h"
#include "shell/commands.h"
#include "shell/shell.h"

#define PROMPT		"vmlab> "
#define HISTORY_MAX	1000

static struct {
	struct shell *sh;		/* the shell at the prompt */
	char *history;			/* its history file, or NULL */
} rl;

static void on_sigint(int sig)
{
	(void)sig;
	*rl.sh->interrupted = 1;
}

/* history --------------------------------------------------------------- */

/* $VMLAB_HISTORY, else ~/.vmlab_history; NULL (no history) if neither. */
static char *history_path(void)
{
	const char *env = getenv("VMLAB_HISTORY"), *home = getenv("HOME");
	char *path;

	if (env)
		return *env ? strdup(env) : NULL;
	if (!home || !*home)
		return NULL;
	path = malloc(strlen(home) + sizeof "/.vmlab_history");
	if (path)
		sprintf(path, "%s/.vmlab_history", home);
	return path;
}

/* Adds a line to the history and the file, skipping blanks and repeats. */
static void remember(const char *line, const char *path)
{
	HIST_ENTRY *last = history_get(history_base + history_length - 1);

	if (!line[strspn(line, " \t")] || (last && strcmp(last->line, line) == 0))
		return;
	add_history(line);
	if (path && append_history(1, path) != 0)
		write_history(path);	/* the file did not exist yet */
}

/* completion ------------------------------------------------------------ */

enum completion_kind { COMP_COMMAND, COMP_ARGS, COMP_GFP, COMP_ZONE };

static struct {
	enum completion_kind kind;
	const struct command *cmd;
	int idx;			/* next candidate for the generator */
	char buf[64];
} comp;

/* The idx-th option of c, as "key=", or NULL past the last. */
static const char *option_word(const struct command *c, int idx)
{
	const char *p = c->options;

	if (!p || !*p)
		return NULL;
	for (; idx > 0; idx--) {
		p = strchr(p, ',');
		if (!p)
			return NULL;
		p++;
	}
	snprintf(comp.buf, sizeof comp.buf, "%.*s=", (int)strcspn(p, ","), p);
	return comp.buf;
}

static int count_options(const struct command *c)
{
	int n = 0;

	while (option_word(c, n))
		n++;
	return n;
}

/* The zone names of this architecture, skipping absent zones. */
static const char *zone_word(int idx)
{
	for (int t = 0; t < MAX_NR_ZONES; t++)
		if (!zone_absent(rl.sh->m, (enum zone_type)t) && idx-- == 0)
			return zone_name((enum zone_type)t);
	return NULL;
}

/* The idx-th candidate of the current kind (not yet filtered by text). */
static const char *candidate(const char *text, int idx)
{
	int nopt;

	switch (comp.kind) {
	case COMP_COMMAND:
		return command_complete(rl.sh, text, idx);
	case COMP_GFP:
		return gfp_names[idx];	/* NULL-terminated */
	case COMP_ZONE:
		return zone_word(idx);
	case COMP_ARGS:
		nopt = count_options(comp.cmd);
		if (idx < nopt)
			return option_word(comp.cmd, idx);
		if (!comp.cmd->complete_arg)
			return NULL;
		return comp.cmd->complete_arg(rl.sh, text, idx - nopt);
	}
	return NULL;
}

static char *generate(const char *text, int state)
{
	const char *s;

	if (state == 0)
		comp.idx = 0;
	while ((s = candidate(text, comp.idx++)))
		if (strncmp(s, text, strlen(text)) == 0)
			return strdup(s);
	return NULL;
}

/* Where the command holding position pos starts: after the last ';'. */
static int command_start(const char *line, int pos)
{
	bool quoted = false;
	int start = 0;

	for (int i = 0; i < pos; i++)
		if (line[i] == '"')
			quoted = !quoted;
		else if (line[i] == ';' && !quoted)
			start = i + 1;
	return start + (int)strspn(line + start, " \t");
}

/* Counts the positional words in line[from, to). */
static int count_positionals(const char *line, int from, int to)
{
	int n = 0;

	for (int i = from; i < to; ) {
		int len = (int)strcspn(line + i, " \t");

		if (len > to - i)
			len = to - i;
		if (len && !memchr(line + i, '=', (size_t)len))
			n++;
		i += len;
		i += (int)strspn(line + i, " \t");
	}
	return n;
}

/*
 * Decides what the word at [start, end) is (see the table at the top) and
 * returns readline's match list.  File names are completed, by readline
 * itself, only where the usage line names a FILE.
 */
static char **complete(const char *text, int start, int end)
{
	const char *line = rl_line_buffer;
	int from = command_start(line, start), word_end, wstart;
	char name[64], **matches;

	(void)end;
	rl_attempted_completion_over = 1;
	word_end = from + (int)strcspn(line + from, " \t");
	if (start <= word_end) {
		comp.kind = COMP_COMMAND;
		return rl_completion_matches(text, generate);
	}
	snprintf(name, sizeof name, "%.*s", word_end - from, line + from);
	comp.cmd = command_find(name);
	if (!comp.cmd)
		return NULL;
	if (start > 0 && (line[start - 1] == '=' || line[start - 1] == '|')) {
		for (wstart = start; wstart > 0 && line[wstart - 1] != ' '; wstart--)
			;
		if (strncmp(line + wstart, "gfp=", 4) == 0)
			comp.kind = COMP_GFP;
		else if (strncmp(line + wstart, "zone=", 5) == 0)
			comp.kind = COMP_ZONE;
		else
			return NULL;
		return rl_completion_matches(text, generate);
	}
	comp.kind = COMP_ARGS;
	matches = rl_completion_matches(text, generate);
	if (matches && !matches[1] && matches[0][strlen(matches[0]) - 1] == '=')
		rl_completion_suppress_append = 1;
	if (!matches && command_arg_name(comp.cmd, count_positionals(line, word_end, start),
					 name, sizeof name) && strstr(name, "FILE"))
		rl_attempted_completion_over = 0;
	return matches;
}

/* the loop -------------------------------------------------------------- */

static void on_line(char *line)
{
	struct shell *sh = rl.sh;

	if (!line) {			/* Ctrl-D; readline ends the line */
		sh->quit = true;
	} else {
		remember(line, rl.history);
		*sh->interrupted = 0;
		shell_run_line(sh, line);
		*sh->interrupted = 0;
		fflush(sh->out);
		free(line);
	}
	if (sh->quit)
		rl_callback_handler_remove();	/* no new prompt */
}

/* Ctrl-C at the prompt: drop the line, start afresh on a new one. */
static void abandon_line(void)
{
	*rl.sh->interrupted = 0;
	rl_callback_sigcleanup();
	rl_echo_signal_char(SIGINT);
	rl_free_line_state();
	rl_callback_handler_remove();
	fputc('\n', rl_outstream);
	rl_callback_handler_install(PROMPT, on_line);
}

void shell_interactive(struct shell *sh)
{
	struct sigaction sa = { .sa_handler = on_sigint }, old;
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };

	rl.sh = sh;
	rl.history = history_path();
	sigemptyset(&sa.sa_mask);	/* no SA_RESTART: poll() must wake */
	sigaction(SIGINT, &sa, &old);
	rl_readline_name = "vmlab";
	rl_catch_signals = 0;
	rl_completer_word_break_characters = " \t\n\"=;|";
	rl_attempted_completion_function = complete;
	stifle_history(HISTORY_MAX);
	if (rl.history)
		read_history(rl.history);

	rl_callback_handler_install(PROMPT, on_line);
	while (!sh->quit) {
		int r = poll(&pfd, 1, -1);

		if (*sh->interrupted)
			abandon_line();
		else if (r > 0)
			rl_callback_read_char();
		else if (r < 0 && errno != EINTR) {
			rl_callback_handler_remove();
			break;
		}
	}
	if (rl.history)
		history_truncate_file(rl.history, HISTORY_MAX);
	free(rl.history);
	rl.history = NULL;
	clear_history();
	sigaction(SIGINT, &old, NULL);
	rl.sh = NULL;
}
