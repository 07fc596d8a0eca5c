/*
 * cmd_lua.c - Lua from the shell: `lua CODE`, the Lua prompt, `run FILE`.
 *
 *   vmlab> lua for o = 0, 2 do print(vm.alloc_pages(o).pfn) end
 *   6144
 *   6208
 *   6212
 *   vmlab> lua
 *   lua> b = vm.alloc_pages(3)
 *   lua> b.zone
 *   Normal
 *   lua> .
 *   vmlab> run examples/buddy.lua      (a .lua file runs as Lua)
 *   vmlab> run examples/cow.vmlab      (anything else as commands)
 *
 * Each `lua CODE`, `run FILE.lua` and Lua prompt gets a fresh Lua state
 * (with `vm` already required) that ends with it: globals and vm.on hooks
 * do not outlive the command, the machine does.  The shell cuts CODE into
 * words first, so Lua strings take single quotes ('hi'), and a ';' ends
 * the command: `lua print('a b')`, or the whole CODE in double quotes.
 *
 * The prompt reads from the terminal (readline, with its own history
 * lines) or, in a script read from standard input, the lines that follow
 * `lua`, up to a line holding only '.'.  Ctrl-C at the prompt drops the
 * line being typed; Ctrl-C while Lua runs stops it ("interrupted").
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <readline/history.h>
#include <readline/readline.h>
#include "lua/l_run.h"
#include "shell/command.h"
#include "shell/commands.h"
#include "shell/shell.h"

/* `run` inside `run`: deeper than this is surely a script running itself. */
#define MAX_RUN_DEPTH 16

#define LUA_PROMPT	"lua> "
#define LUA_PROMPT2	">> "

/*
 * Process-wide state the commands need but the shell has no slot for:
 * how deep `run` is nested (a property of the C stack), and the Ctrl-C
 * flag of the shell at a Lua prompt, for readline's getc hook, which
 * takes no context.
 */
static int run_depth;
static volatile sig_atomic_t *prompt_interrupted;

static struct l_state *open_state(struct shell *sh)
{
	struct l_opts o = { .progname = "vmlab" };
	struct l_state *st = l_open(sh, &o);

	if (!st)
		sh_error(sh, "cannot start Lua: the host is out of memory");
	return st;
}

/* The first line of a Lua error as the command's error; with_trace adds the rest. */
static int lua_failed(struct shell *sh, struct l_state *st, bool with_trace)
{
	const char *msg = l_error(st), *nl;

	if (l_exit_status(st) > 0)
		return sh_error(sh, "the script called os.exit(%d)", l_exit_status(st));
	nl = strchr(msg, '\n');
	sh_error(sh, "%.*s", nl ? (int)(nl - msg) : (int)strlen(msg), msg);
	if (with_trace && nl) {
		fprintf(sh->err, "%s\n", nl + 1);
		fflush(sh->err);
	}
	return -1;
}

/* the prompt ----------------------------------------------------------- */

/* readline's getc at the Lua prompt: Ctrl-C ends the line, empty. */
static int prompt_getc(FILE *f)
{
	unsigned char c;

	for (;;) {
		ssize_t r;

		if (prompt_interrupted && *prompt_interrupted) {
			rl_replace_line("", 0);
			return '\n';
		}
		r = read(fileno(f), &c, 1);
		if (r == 1)
			return c;
		if (r == 0 || errno != EINTR)
			return EOF;
	}
}

/*
 * A line from the terminal.  The shell's readline is in callback mode
 * (readline.c) and we are inside its line handler, so the callback state
 * is lifted while readline() runs, as gdb does, and everything we change
 * is put back.
 */
static char *read_terminal(struct shell *sh, const char *prompt)
{
	rl_completion_func_t *complete = rl_attempted_completion_function;
	rl_getc_func_t *getc_fn = rl_getc_function;
	bool callback = RL_ISSTATE(RL_STATE_CALLBACK);
	char *shell_prompt = rl_prompt ? strdup(rl_prompt) : NULL, *line;

	if (callback)
		RL_UNSETSTATE(RL_STATE_CALLBACK);
	rl_attempted_completion_function = NULL;
	rl_getc_function = prompt_getc;
	prompt_interrupted = sh->interrupted;
	line = readline(prompt);
	prompt_interrupted = NULL;
	rl_getc_function = getc_fn;
	rl_attempted_completion_function = complete;
	if (callback)
		RL_SETSTATE(RL_STATE_CALLBACK);
	rl_set_prompt(shell_prompt);		/* the one readline.c shows next */
	free(shell_prompt);
	if (line && *line && !*sh->interrupted)
		add_history(line);
	return line;
}

/* A line of the script on standard input; counted in its line numbers. */
static char *read_stdin(struct shell *sh)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len = getline(&line, &cap, stdin);

	if (len < 0) {
		free(line);
		return NULL;
	}
	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	sh->line++;
	if (sh->echo)
		fprintf(sh->out, "%s%s\n", LUA_PROMPT, line);
	return line;
}

/* Appends line to the pending chunk (joined with '\n').  NULL on host OOM. */
static char *add_line(char *chunk, const char *line)
{
	size_t n = chunk ? strlen(chunk) : 0;
	char *c = realloc(chunk, n + strlen(line) + 2);

	if (!c) {
		free(chunk);
		return NULL;
	}
	if (n)
		c[n++] = '\n';
	strcpy(c + n, line);
	return c;
}

/* Runs the prompt's lines until '.' or the end of input.  Returns the failures. */
static int prompt_loop(struct shell *sh, struct l_state *st)
{
	char *chunk = NULL, *line;
	int failed = 0;

	while ((line = sh->interactive ? read_terminal(sh, chunk ? LUA_PROMPT2 : LUA_PROMPT) :
		read_stdin(sh))) {
		int r;

		if (*sh->interrupted || strcmp(line, ".") == 0) {
			bool done = !*sh->interrupted;

			*sh->interrupted = 0;
			free(line);
			free(chunk);
			chunk = NULL;
			if (done)
				return failed;
			continue;
		}
		chunk = add_line(chunk, line);
		free(line);
		if (!chunk) {
			sh_error(sh, "out of memory");
			return failed + 1;
		}
		r = l_run_prompt_line(st, chunk);
		if (r == 1)
			continue;
		if (r < 0 && ++failed)
			lua_failed(sh, st, false);
		fflush(sh->out);
		*sh->interrupted = 0;
		free(chunk);
		chunk = NULL;
	}
	free(chunk);
	return failed;
}

static int lua_prompt(struct shell *sh)
{
	struct l_state *st;
	int failed;

	if (!sh->interactive && !(sh->source && strcmp(sh->source, "<stdin>") == 0))
		return sh_error(sh, "a Lua prompt reads a terminal or standard input; here give "
				"CODE, or `run FILE.lua`");
	st = open_state(sh);
	if (!st)
		return -1;
	if (sh->interactive)
		fputs("Lua 5.4; the machine is `vm`.  A line with '.' alone goes back to vmlab.\n",
		      sh->out);
	failed = prompt_loop(sh, st);
	l_close(st);
	return failed ? -1 : 0;
}

/* lua CODE ------------------------------------------------------------- */

static int cmd_lua(struct shell *sh, struct args *a)
{
	struct l_state *st;
	size_t len = 1;
	char *code;
	int r;

	if (a->argc == 0)
		return lua_prompt(sh);
	for (int i = 0; i < a->argc; i++)
		len += strlen(a->argv[i]) + 1;
	code = calloc(1, len);
	if (!code)
		return sh_error(sh, "out of memory");
	for (int i = 0; i < a->argc; i++)
		strcat(strcat(code, i ? " " : ""), a->argv[i]);
	st = open_state(sh);
	r = st ? l_run_string(st, code, "=(lua)") : -1;
	free(code);
	if (r < 0 && st)
		lua_failed(sh, st, false);
	l_close(st);
	fflush(sh->out);
	return r;
}

/* run FILE ------------------------------------------------------------- */

static bool is_lua_file(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcmp(name + n - 4, ".lua") == 0;
}

static int run_lua(struct shell *sh, struct args *a)
{
	struct l_state *st;
	int r;

	if (access(a->argv[0], R_OK) != 0)
		return sh_error(sh, "cannot open '%s': %s", a->argv[0], strerror(errno));
	st = open_state(sh);
	if (!st)
		return -1;
	l_set_arg(st, a->argc, a->argv, 0);
	r = l_run_file(st, a->argv[0], a->argc - 1, a->argv + 1);
	if (r < 0)
		lua_failed(sh, st, true);
	l_close(st);
	fflush(sh->out);
	return r;
}

/* The script's lines are not echoed: --echo showed the `run` line. */
static int run_commands(struct shell *sh, const char *file)
{
	FILE *f = fopen(file, "r");
	bool echo = sh->echo;
	unsigned long failed;

	if (!f)
		return sh_error(sh, "cannot open '%s': %s", file, strerror(errno));
	sh->echo = false;
	failed = shell_run_file(sh, f, file);
	sh->echo = echo;
	fclose(f);
	return failed ? -1 : 0;
}

static int cmd_run(struct shell *sh, struct args *a)
{
	int r;

	if (run_depth >= MAX_RUN_DEPTH)
		return sh_error(sh, "%s: scripts nested more than %d deep", a->argv[0],
				MAX_RUN_DEPTH);
	if (!is_lua_file(a->argv[0]) && a->argc > 1)
		return sh_error(sh, "unexpected argument '%s' (only a .lua script takes arguments)",
				a->argv[1]);
	run_depth++;
	r = is_lua_file(a->argv[0]) ? run_lua(sh, a) : run_commands(sh, a->argv[0]);
	run_depth--;
	return r;
}

const struct command lua_commands[] = {
	{
		.name = "lua", .handler = cmd_lua, .min_args = 0, .max_args = -1,
		.usage = "lua [CODE...]",
		.summary = "run Lua code on the machine; alone, a Lua prompt",
		.help = "Runs CODE as a Lua chunk, with the vmlab module as `vm` (see the\n"
			"README's Lua section: vm.cmd, vm.exec, vm.alloc_pages, vm.meminfo, ...).\n"
			"The shell cuts the line into words first: write Lua strings with single\n"
			"quotes, or put the whole CODE in double quotes.  Outside double quotes\n"
			"';' ends the command, a word that starts with '#' is a comment that\n"
			"drops the rest of the line (`print(1, #t)` loses `#t)`; write\n"
			"`print(1,#t)`), and blanks collapse: print('a   b') prints \"a b\".\n"
			"Without CODE, a Lua prompt: each line is run (an expression's value is\n"
			"printed), an unfinished statement continues on the next line, and a\n"
			"line with '.' alone goes back to vmlab.  In a script read from standard\n"
			"input the prompt takes the lines that follow, up to '.'.  Globals and\n"
			"vm.on hooks last until the command ends; the machine stays.",
		.example = "lua for o = 0, 2 do print(vm.alloc_pages(o).pfn) end",
		.group = "tools",
	},
	{
		.name = "run", .handler = cmd_run, .min_args = 1, .max_args = -1,
		.usage = "run FILE [ARGS...]",
		.summary = "run a script: FILE.lua as Lua, any other FILE as commands",
		.help = "A FILE ending in .lua runs as a Lua script with ARGS in its `arg` table\n"
			"(arg[0] is FILE) and as `...`; a failure prints the message and a stack\n"
			"traceback.  Any other FILE is read as vmlab commands, line by line, with\n"
			"errors reported as FILE:LINE (and --bail stopping at the first); --echo\n"
			"shows the `run` line, not the script's.  In the source tree,\n"
			"`run examples/buddy.lua` narrates the buddy allocator's split and merge.",
		.example = "run /dev/null",
		.group = "tools",
	},
	{ 0 }
};
