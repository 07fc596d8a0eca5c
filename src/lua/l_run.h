/*
 * l_run.h - Lua 5.4 inside vmlab: a Lua state bound to a shell's machine,
 * and the ways to run code in it.
 *
 *   vmlab script.lua a b      l_open(); l_run_file(st, "script.lua", ...)
 *   vmlab -e 'print(1)'       l_open(); l_run_string(st, "print(1)", ...)
 *   vmlab> lua print(1)       cmd_lua.c: one state for the one chunk
 *   vmlab> run demo.lua       cmd_lua.c: one state for the script
 *
 * A state owns no machine: its `vmlab` module works on sh->m, whatever
 * machine the shell has at the moment, so `vm.machine{}` or a `reset` in
 * vm.cmd() are seen by every state.  Hooks set with vm.on() live as long
 * as the state that set them.
 *
 * A run that fails leaves the error message, with its stack traceback,
 * in l_error(); the caller decides how to show it ("vmlab: ..." on the
 * command line, "error: run: ..." in the shell).
 */
#ifndef VMLAB_LUA_L_RUN_H
#define VMLAB_LUA_L_RUN_H

#include <stdbool.h>

struct shell;
struct l_state;

/* The default instruction limit of --sandbox: about a second of Lua. */
#define L_SANDBOX_LIMIT 200000000ULL

struct l_opts {
	bool sandbox;			/* no io, os.execute, binary chunks...; a limit */
	unsigned long long limit;	/* instructions (sandbox); 0 = L_SANDBOX_LIMIT */
	const char *progname;		/* arg[-1] and the like, as lua.c sets them */
};

/* A new state for sh.  NULL if the host is out of memory. */
struct l_state *l_open(struct shell *sh, const struct l_opts *o);
/* Unhooks the state from the machine and frees it (NULL is fine). */
void l_close(struct l_state *st);

/*
 * Sets the global `arg` as lua.c builds it from the command line: arg[0]
 * is argv[script] (the script, or the program when there is none),
 * arg[1..] what follows it, arg[-1], arg[-2], ... what precedes it.
 */
void l_set_arg(struct l_state *st, int argc, char **argv, int script);

/*
 * Runs the Lua file with args[0..nargs) as its `...`.  Returns 0, or -1
 * with l_error() set (a file that cannot be read is such an error too).
 */
int l_run_file(struct l_state *st, const char *file, int nargs, char **args);

/* Runs a chunk of code named chunkname ("=(command line)").  0 or -1. */
int l_run_string(struct l_state *st, const char *code, const char *chunkname);

/*
 * One line at a Lua prompt: evaluates "return LINE" if that compiles
 * (printing the values), else LINE as a statement.  Returns 0 (done, or
 * -1 with l_error() set) or 1 if LINE is an unfinished statement: the
 * caller adds the next line (joined with '\n') and calls again.
 */
int l_run_prompt_line(struct l_state *st, const char *line);

/* The last error: message and stack traceback. */
const char *l_error(const struct l_state *st);

/*
 * What the last run passed to os.exit(), or -1 if it did not call it.
 * os.exit() ends the script, not vmlab: in the shell, `run` returns.
 */
int l_exit_status(const struct l_state *st);

/*
 * While a script runs from the command line: SIGINT sets
 * *sh->interrupted, which the state's hook turns into an "interrupted"
 * error.  l_catch_sigint(NULL) puts the old handler back.
 */
void l_catch_sigint(struct shell *sh);

#endif
