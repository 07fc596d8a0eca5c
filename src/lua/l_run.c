/*
 * l_run.c - a Lua state for vmlab: which libraries it has, what the
 * sandbox takes away, the hook that stops a script, and the runners.
 *
 * Every state gets the standard libraries, `vmlab` in package.preload
 * (also as the global `vm`, for one-liners), print() writing to the
 * shell's output, and package.path starting with the project's lua/
 * folder, looked for in this order (BIN is the directory of the running
 * binary, from /proc/self/exe; a folder that does not exist is left out):
 *
 *   BIN/lua                  the source tree: ./vmlab next to ./lua/
 *   BIN/../lua               a binary one level down in the tree
 *   BIN/../share/vmlab/lua   an installed prefix, wherever it was put
 *   VMLAB_LUADIR             DATADIR/lua as the Makefile compiled it in
 *
 * and then LUA_PATH or Lua's own default path.
 *
 * A count hook runs every L_HOOK_STEP instructions.  It turns Ctrl-C
 * (*sh->interrupted, set by the shell's or l_catch_sigint()'s SIGINT
 * handler) into an "interrupted" error, and in the sandbox enforces the
 * instruction limit.  The sandbox (--sandbox):
 *
 *   gone         io, debug, os.execute/remove/rename/exit/getenv/tmpname/
 *                setlocale, package.loadlib, C modules, string.dump
 *   text only    load, loadfile, dofile, require: binary chunks refused
 *   no __gc      setmetatable refuses a metatable with a __gc field, and
 *                the module's handles hide their metatables: Lua 5.4 runs
 *                finalizers with hooks off, out of the limit's reach
 *   limited      L_SANDBOX_LIMIT instructions, 256 MiB of Lua memory
 *   the shell    vm.cmd and the bindings that run commands refuse those
 *                that touch host files or open a Lua state of their own
 *                (the shell's filter, l_vmlab.c)
 *
 * Errors carry a stack traceback, made by the message handler the way
 * lua.c makes it.  os.exit() unwinds the script with a sentinel error
 * object instead of ending the process, so the machine and the state are
 * freed as usual and the shell goes on after `run`.
 */
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <lauxlib.h>
#include <lualib.h>
#include "lua/l_internal.h"
#include "lua/l_run.h"
#include "mm/machine.h"
#include "shell/shell.h"

#ifndef VMLAB_LUADIR
#define VMLAB_LUADIR "/usr/local/share/vmlab/lua"
#endif

#define SANDBOX_MEMORY (256UL << 20)

/* The error object os.exit() raises: its address is its identity. */
static const char exit_sentinel;

/* allocation ------------------------------------------------------------- */

static void *l_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct l_state *st = ud;
	size_t old = ptr ? osize : 0;
	void *p;

	if (nsize == 0) {
		st->mem -= old;
		free(ptr);
		return NULL;
	}
	if (st->mem_limit && st->mem - old + nsize > st->mem_limit)
		return NULL;
	p = realloc(ptr, nsize);
	if (p)
		st->mem = st->mem - old + nsize;
	return p;
}

/* hooks and errors ------------------------------------------------------- */

/* Raises msg at the line the hooked function is running (level 0 inside a hook). */
static void hook_error(lua_State *L, const char *msg)
{
	luaL_where(L, 0);
	lua_pushstring(L, msg);
	lua_concat(L, 2);
	lua_error(L);
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
	struct l_state *st = l_st(L);
	char msg[80];

	(void)ar;
	if (*st->sh->interrupted)
		hook_error(L, "interrupted");
	st->count += L_HOOK_STEP;
	if (st->limit && st->count > st->limit) {
		/*
		 * From now on every instruction raises, in this thread and in the
		 * main one (new coroutines inherit its hook): a pcall that catches
		 * the error returns into code that raises it again, up to the top.
		 */
		lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
		lua_sethook(st->L, count_hook, LUA_MASKCOUNT, 1);
		snprintf(msg, sizeof msg, "instruction limit reached (%llu instructions)", st->limit);
		hook_error(L, msg);
	}
}

/* lua.c's msghandler: the message and a traceback. */
static int msghandler(lua_State *L)
{
	const char *msg = lua_tostring(L, 1);

	if (lua_touserdata(L, 1) == &exit_sentinel)
		return 1;
	if (!msg) {
		if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
			return 1;
		msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
	}
	luaL_traceback(L, L, msg, 1);
	return 1;
}

static void set_error(struct l_state *st, const char *msg)
{
	free(st->err);
	st->err = strdup(msg ? msg : "(no message)");
}

/*
 * Calls the function under nargs arguments on top, with the traceback
 * handler.  Returns 0, or -1 with the error recorded (none for os.exit(0)).
 */
static int docall(struct l_state *st, int nargs, int nres)
{
	lua_State *L = st->L;
	int base = lua_gettop(L) - nargs, r;

	lua_pushcfunction(L, msghandler);
	lua_insert(L, base);
	st->exit_status = -1;
	st->count = 0;
	lua_sethook(L, count_hook, LUA_MASKCOUNT, L_HOOK_STEP);	/* after a limit's count 1 */
	r = lua_pcall(L, nargs, nres, base);
	lua_remove(L, base);
	l_console(L);			/* what the last call logged */
	if (r == LUA_OK)
		return 0;
	if (lua_touserdata(L, -1) == &exit_sentinel) {
		lua_pop(L, 1);
		set_error(st, "");
		return st->exit_status == 0 ? 0 : -1;
	}
	set_error(st, lua_tostring(L, -1));
	lua_pop(L, 1);
	return -1;
}

/* replacements ----------------------------------------------------------- */

/* print(), to the shell's output (captured by vm.cmd, like any command's). */
static int l_print(lua_State *L)
{
	FILE *out = l_st(L)->sh->out;
	int n = lua_gettop(L);

	for (int i = 1; i <= n; i++) {
		size_t len;
		const char *s = luaL_tolstring(L, i, &len);

		if (i > 1)
			fputc('\t', out);
		fwrite(s, 1, len, out);
		lua_pop(L, 1);
	}
	fputc('\n', out);
	return 0;
}

/* os.exit([code]): ends the script (true = 0, false = 1), not vmlab. */
static int l_os_exit(lua_State *L)
{
	struct l_state *st = l_st(L);

	if (lua_isboolean(L, 1))
		st->exit_status = lua_toboolean(L, 1) ? 0 : 1;
	else
		st->exit_status = (int)luaL_optinteger(L, 1, 0) & 0xff;
	fflush(st->sh->out);
	lua_pushlightuserdata(L, (void *)&exit_sentinel);
	return lua_error(L);
}

/* load() with its mode argument forced to "t" (the original is upvalue 1). */
static int l_load_text(lua_State *L)
{
	lua_settop(L, 4);
	lua_pushstring(L, "t");
	lua_replace(L, 3);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, 4, LUA_MULTRET);
	return lua_gettop(L);
}

/* loadfile(name [, mode [, env]]), text only. */
static int l_loadfile_text(lua_State *L)
{
	const char *name = luaL_optstring(L, 1, NULL);
	int env = !lua_isnone(L, 3);

	if (luaL_loadfilex(L, name, "t") != LUA_OK) {
		luaL_pushfail(L);
		lua_insert(L, -2);
		return 2;
	}
	if (env) {
		lua_pushvalue(L, 3);
		if (!lua_setupvalue(L, -2, 1))
			lua_pop(L, 1);
	}
	return 1;
}

/* dofile(name), text only. */
static int l_dofile_text(lua_State *L)
{
	const char *name = luaL_optstring(L, 1, NULL);

	lua_settop(L, 1);
	if (luaL_loadfilex(L, name, "t") != LUA_OK)
		return lua_error(L);
	lua_call(L, 0, LUA_MULTRET);
	return lua_gettop(L) - 1;
}

/*
 * setmetatable(t, mt) for the sandbox: refuses an mt with a __gc field
 * (any value marks t for finalization; the original is upvalue 1).
 */
static int l_setmetatable_nogc(lua_State *L)
{
	lua_pushliteral(L, "__gc");
	if (lua_type(L, 2) == LUA_TTABLE && lua_rawget(L, 2) != LUA_TNIL)
		return luaL_error(L, "setmetatable: __gc is not allowed in the sandbox "
				  "(a finalizer runs beyond the instruction limit)");
	lua_settop(L, 2);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, 2, 1);
	return 1;
}

/* package.searchers[2] for the sandbox: Lua files from package.path, text only. */
static int l_search_text(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1), *file;

	lua_getglobal(L, "package");
	lua_getfield(L, -1, "searchpath");
	lua_pushstring(L, name);
	lua_getfield(L, -3, "path");
	lua_call(L, 2, 2);
	if (lua_isnil(L, -2))
		return 1;			/* the "no file ..." list */
	file = lua_tostring(L, -2);
	if (luaL_loadfilex(L, file, "t") != LUA_OK)
		return luaL_error(L, "error loading module '%s' from file '%s':\n\t%s", name, file,
				  lua_tostring(L, -1));
	lua_pushstring(L, file);
	return 2;
}

/* setting up ------------------------------------------------------------- */

static void set_field_nil(lua_State *L, const char *table, const char *field)
{
	lua_getglobal(L, table);
	if (lua_istable(L, -1)) {
		lua_pushnil(L);
		lua_setfield(L, -2, field);
	}
	lua_pop(L, 1);
}

/* Replaces global name by fn, with the old value as its upvalue. */
static void wrap_global(lua_State *L, const char *name, lua_CFunction fn)
{
	lua_getglobal(L, name);
	lua_pushcclosure(L, fn, 1);
	lua_setglobal(L, name);
}

static void open_sandbox(lua_State *L)
{
	static const char *const os_gone[] = {
		"execute", "remove", "rename", "exit", "getenv", "tmpname", "setlocale", NULL
	};

	lua_pushnil(L);
	lua_setglobal(L, "io");
	lua_pushnil(L);
	lua_setglobal(L, "debug");
	for (int i = 0; os_gone[i]; i++)
		set_field_nil(L, "os", os_gone[i]);
	set_field_nil(L, "string", "dump");
	set_field_nil(L, "package", "loadlib");
	wrap_global(L, "load", l_load_text);
	wrap_global(L, "setmetatable", l_setmetatable_nogc);
	lua_register(L, "loadfile", l_loadfile_text);
	lua_register(L, "dofile", l_dofile_text);
	lua_getglobal(L, "package");
	lua_pushliteral(L, "");
	lua_setfield(L, -2, "cpath");
	lua_createtable(L, 2, 0);		/* searchers: preload, then text files */
	lua_getfield(L, -2, "searchers");
	lua_rawgeti(L, -1, 1);
	lua_rawseti(L, -3, 1);
	lua_pop(L, 1);
	lua_pushcfunction(L, l_search_text);
	lua_rawseti(L, -2, 2);
	lua_setfield(L, -2, "searchers");
	lua_pop(L, 1);
	/* the debug library is gone, but the loaded table still has it */
	luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
	lua_pushnil(L);
	lua_setfield(L, -2, LUA_DBLIBNAME);
	lua_pushnil(L);
	lua_setfield(L, -2, LUA_IOLIBNAME);
	lua_pop(L, 1);
}

/* The directory of the running binary, into buf; false if unknown. */
static bool binary_dir(char *buf, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", buf, len - 1);
	char *slash;

	if (n <= 0 || (size_t)n >= len - 1)
		return false;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return true;
}

/* Pushes "DIR/?.lua;" (DIR = dir + sub, resolved) if DIR is a directory, else "". */
static void push_dir_pattern(lua_State *L, const char *dir, const char *sub)
{
	char path[PATH_MAX + 32], real[PATH_MAX];

	snprintf(path, sizeof path, "%s%s", dir, sub);
	if (realpath(path, real) && access(real, X_OK) == 0)
		lua_pushfstring(L, "%s/?.lua;", real);
	else
		lua_pushliteral(L, "");
}

/* package.path = the lua/ folders in the order the top of this file gives, then what it was. */
static void set_path(lua_State *L)
{
	char dir[PATH_MAX];
	int n = 0;

	lua_getglobal(L, "package");
	if (binary_dir(dir, sizeof dir)) {
		push_dir_pattern(L, dir, "/lua");
		push_dir_pattern(L, dir, "/../lua");
		push_dir_pattern(L, dir, "/../share/vmlab/lua");
		n = 3;
	}
	push_dir_pattern(L, VMLAB_LUADIR, "");
	lua_getfield(L, -2 - n, "path");
	lua_concat(L, n + 2);
	lua_setfield(L, -2, "path");
	lua_pop(L, 1);
}

/*
 * getmetatable() of the handles made with metatable name gives false, so
 * a script cannot add a __gc that the next handle made would get.
 */
static void hide_metatable(lua_State *L, const char *name)
{
	if (luaL_getmetatable(L, name) == LUA_TTABLE) {
		lua_pushboolean(L, 0);
		lua_setfield(L, -2, "__metatable");
	}
	lua_pop(L, 1);
}

static int open_all(lua_State *L)
{
	struct l_state *st = l_st(L);

	luaL_openlibs(L);
	set_path(L);
	lua_register(L, "print", l_print);
	set_field_nil(L, "os", "exit");
	lua_getglobal(L, "os");
	lua_pushcfunction(L, l_os_exit);
	lua_setfield(L, -2, "exit");
	lua_pop(L, 1);
	if (st->sandbox)
		open_sandbox(L);
	luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
	lua_pushcfunction(L, luaopen_vmlab);
	lua_setfield(L, -2, "vmlab");
	lua_pop(L, 1);
	lua_getglobal(L, "require");
	lua_pushliteral(L, "vmlab");
	lua_call(L, 1, 1);
	lua_setglobal(L, "vm");
	if (st->sandbox) {
		hide_metatable(L, L_PROCESS_MT);
		hide_metatable(L, L_CACHE_MT);
	}
	return 0;
}

struct l_state *l_open(struct shell *sh, const struct l_opts *o)
{
	struct l_state *st = calloc(1, sizeof *st);

	if (!st)
		return NULL;
	st->sh = sh;
	st->sub = -1;
	st->exit_status = -1;
	st->sandbox = o && o->sandbox;
	if (st->sandbox) {
		st->limit = o->limit ? o->limit : L_SANDBOX_LIMIT;
		st->mem_limit = SANDBOX_MEMORY;
	}
	st->L = lua_newstate(l_alloc, st);
	if (!st->L) {
		free(st);
		return NULL;
	}
	st->cur = st->L;
	*(struct l_state **)lua_getextraspace(st->L) = st;
	lua_sethook(st->L, count_hook, LUA_MASKCOUNT, L_HOOK_STEP);
	lua_pushcfunction(st->L, open_all);
	if (docall(st, 0, 0) < 0) {
		l_close(st);
		return NULL;
	}
	return st;
}

/* Leaves the machine's event bus, if we are still on the shell's machine. */
static void detach(struct l_state *st)
{
	struct event_bus *bus = &st->sh->m->events;

	if (st->sub >= 0 && bus->sub[st->sub].fn == l_on_event && bus->sub[st->sub].ctx == st)
		event_unsubscribe(bus, st->sub);
	st->sub = -1;
}

void l_release_output(struct l_state *st)
{
	free(st->held[0]);
	free(st->held[1]);
	st->held[0] = st->held[1] = NULL;
}

void l_close(struct l_state *st)
{
	if (!st)
		return;
	detach(st);
	lua_close(st->L);
	l_release_output(st);
	free(st->err);
	free(st);
}

/* running ---------------------------------------------------------------- */

void l_set_arg(struct l_state *st, int argc, char **argv, int script)
{
	lua_State *L = st->L;

	lua_createtable(L, argc - script - 1 > 0 ? argc - script - 1 : 0, script + 1);
	for (int i = 0; i < argc; i++) {
		lua_pushstring(L, argv[i]);
		lua_rawseti(L, -2, i - script);
	}
	lua_setglobal(L, "arg");
}

int l_run_file(struct l_state *st, const char *file, int nargs, char **args)
{
	lua_State *L = st->L;

	if (luaL_loadfilex(L, file, st->sandbox ? "t" : NULL) != LUA_OK) {
		set_error(st, lua_tostring(L, -1));
		lua_pop(L, 1);
		return -1;
	}
	luaL_checkstack(L, nargs, "too many arguments to script");
	for (int i = 0; i < nargs; i++)
		lua_pushstring(L, args[i]);
	return docall(st, nargs, 0);
}

int l_run_string(struct l_state *st, const char *code, const char *chunkname)
{
	lua_State *L = st->L;

	if (luaL_loadbufferx(L, code, strlen(code), chunkname, "t") != LUA_OK) {
		set_error(st, lua_tostring(L, -1));
		lua_pop(L, 1);
		return -1;
	}
	return docall(st, 0, 0);
}

/* A syntax error that only says the chunk ended too soon. */
static bool incomplete(lua_State *L, int status)
{
	size_t len;
	const char *msg = lua_tolstring(L, -1, &len);

	return status == LUA_ERRSYNTAX && len >= 5 && strcmp(msg + len - 5, "<eof>") == 0;
}

int l_run_prompt_line(struct l_state *st, const char *line)
{
	lua_State *L = st->L;
	int top = lua_gettop(L), status;
	const char *ret = lua_pushfstring(L, "return %s", line);

	status = luaL_loadbufferx(L, ret, strlen(ret), "=stdin", "t");
	lua_remove(L, -2);
	if (status != LUA_OK) {
		lua_pop(L, 1);
		status = luaL_loadbufferx(L, line, strlen(line), "=stdin", "t");
	}
	if (incomplete(L, status)) {
		lua_settop(L, top);
		return 1;
	}
	if (status != LUA_OK) {
		set_error(st, lua_tostring(L, -1));
		lua_settop(L, top);
		return -1;
	}
	if (docall(st, 0, LUA_MULTRET) < 0)
		return -1;
	if (lua_gettop(L) > top) {
		lua_pushcfunction(L, l_print);
		lua_insert(L, top + 1);
		if (docall(st, lua_gettop(L) - top - 1, 0) < 0)
			return -1;
	}
	lua_settop(L, top);
	return 0;
}

const char *l_error(const struct l_state *st)
{
	return st->err ? st->err : "";
}

int l_exit_status(const struct l_state *st)
{
	return st->exit_status;
}

/* SIGINT while a script runs from the command line ---------------------- */

/*
 * The handler has no context but what a static gives it: the flag of the
 * one shell running a script from the command line.
 */
static volatile sig_atomic_t *sigint_flag;
static struct sigaction sigint_old;

static void on_sigint(int sig)
{
	(void)sig;
	if (sigint_flag)
		*sigint_flag = 1;
}

void l_catch_sigint(struct shell *sh)
{
	struct sigaction sa = { .sa_handler = on_sigint };

	if (!sh) {
		sigaction(SIGINT, &sigint_old, NULL);
		sigint_flag = NULL;
		return;
	}
	sigint_flag = sh->interrupted;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &sigint_old);
}
