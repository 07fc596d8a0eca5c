/*
 * l_vmlab.c - the module `vmlab`: the machine as a whole, the shell from
 * Lua, and the helpers every binding uses.
 *
 *   local vm = require "vmlab"
 *   vm.machine{arch = "x86_64", ram = "4G", cpus = 2}
 *   print(vm.cmd("buddyinfo"))          -- any command, its output as a string
 *   assert(vm.check())                  -- true, or an error with the violations
 *
 * vm.machine, vm.reset and vm.dot go through the shell's own commands, so
 * their options, checks and error sentences are the shell's.  The other
 * bindings call the core directly and raise its sentence (m->err) on
 * failure, "NAME: sentence", the words the shell prints after "error: ".
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "dot/dot.h"
#include "lua/l_internal.h"
#include "mm/check.h"
#include "mm/gfp.h"
#include "mm/machine.h"
#include "mm/mmap.h"
#include "mm/sched.h"
#include "mm/tlb.h"
#include "shell/commands.h"
#include "shell/shell.h"

/* the machine ----------------------------------------------------------- */

/* Follows the shell to a new machine (see l_internal.h).  Raises on a full bus. */
static struct machine *sync_machine(lua_State *L, struct l_state *st)
{
	struct machine *m = st->sh->m;
	int h;

	if (st->sub >= 0 && m->events.sub[st->sub].fn == l_on_event &&
	    m->events.sub[st->sub].ctx == st)
		return m;
	h = event_subscribe(&m->events, l_on_event, st);
	if (h < 0)
		luaL_error(L, "the machine's event bus is full (%d listeners)",
			   MAX_EVENT_SUBSCRIBERS);
	st->sub = h;
	st->gen++;
	return m;
}

struct machine *l_machine(lua_State *L)
{
	struct l_state *st = l_st(L);
	struct machine *m;

	if (st->busy)
		luaL_error(L, "the machine is in the middle of an operation: inside a vm.on "
			   "hook only vm.page() and process fields may be used");
	st->cur = L;
	m = sync_machine(L, st);
	console_flush(st->sh);		/* what the last call logged comes before this one */
	return m;
}

struct machine *l_machine_ro(lua_State *L)
{
	struct l_state *st = l_st(L);

	return st->busy ? st->sh->m : l_machine(L);
}

int l_errorf(lua_State *L, const char *fmt, ...)
{
	char buf[MM_ERR_LEN + 128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return luaL_error(L, "%s", buf);
}

void l_console(lua_State *L)
{
	console_flush(l_st(L)->sh);
}

int l_mm_error(lua_State *L, const char *name)
{
	struct machine *m = l_st(L)->sh->m;

	console_flush(l_st(L)->sh);	/* the kernel's lines come before the error they explain */
	return luaL_error(L, "%s: %s", name, m->err[0] ? m->err : "failed");
}

/* arguments ------------------------------------------------------------- */

/* "16K", "2M", "1G", "4096", "0x1000", "64KiB" -> bytes; false if malformed. */
static bool parse_size(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;
	int shift = 0;

	if (!*s || *s == '-' || *s == '+' || *s == ' ')
		return false;
	v = strtoull(s, &end, 0);
	if (end == s)
		return false;
	switch (*end) {
	case 'K': case 'k': shift = 10; end++; break;
	case 'M': case 'm': shift = 20; end++; break;
	case 'G': case 'g': shift = 30; end++; break;
	}
	if (shift && (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0))
		end += strlen(end);
	if (*end || (shift && v > (UINT64_MAX >> shift)))
		return false;
	*out = (uint64_t)v << shift;
	return true;
}

uint64_t l_size(lua_State *L, int idx, const char *fname, const char *what)
{
	uint64_t v = 0;

	if (lua_type(L, idx) == LUA_TSTRING) {
		if (!parse_size(lua_tostring(L, idx), &v))
			luaL_error(L, "%s: %s: '%s' is not a size (4096, 16K, 2M, 1G)", fname, what,
				   lua_tostring(L, idx));
		return v;
	}
	{
		int whole;
		lua_Integer n = lua_tointegerx(L, idx, &whole);	/* 2^10 is 1024.0: whole */

		if (!whole && lua_type(L, idx) == LUA_TNUMBER)
			luaL_error(L, "%s: %s: %s is not a whole number", fname, what,
				   lua_tostring(L, idx));
		if (!whole)
			luaL_error(L, "%s: %s: a size is needed, not %s", fname, what,
				   luaL_typename(L, idx));
		if (n < 0)
			luaL_error(L, "%s: %s: %I is negative", fname, what, n);
		return (uint64_t)n;
	}
}

unsigned long l_addr(lua_State *L, int idx, const char *fname)
{
	struct machine *m = l_st(L)->sh->m;
	int whole;
	lua_Integer a = lua_tointegerx(L, idx, &whole);

	if (!whole || lua_type(L, idx) != LUA_TNUMBER)
		luaL_error(L, "%s: an address (integer) is needed, not %s", fname,
			   lua_type(L, idx) == LUA_TNUMBER ? "a fraction" : luaL_typename(L, idx));
	if (!m->arch->is_64bit && a < 0)	/* on 64 bits it is an address above 2^63 */
		luaL_error(L, "%s: address %I is negative", fname, a);
	if (!m->arch->is_64bit && (uint64_t)a > 0xffffffffULL)
		l_errorf(L, "%s: 0x%llx is not a 32-bit address", fname, (unsigned long long)a);
	return (unsigned long)a;
}

unsigned l_gfp(lua_State *L, int idx, unsigned dflt, const char *fname)
{
	gfp_t gfp;
	char bad[64];

	if (lua_isnoneornil(L, idx))
		return dflt;
	if (lua_isinteger(L, idx))
		return (unsigned)lua_tointeger(L, idx);
	if (gfp_parse(luaL_checkstring(L, idx), &gfp, bad, sizeof bad) < 0)
		luaL_error(L, "%s: unknown GFP flag '%s' (try GFP_KERNEL, GFP_HIGHUSER, "
			   "__GFP_ZERO, ...)", fname, bad);
	return gfp;
}

unsigned l_prot(lua_State *L, int idx, const char *fname)
{
	const char *s;
	unsigned prot = PROT_NONE;

	if (lua_isinteger(L, idx))
		return (unsigned)lua_tointeger(L, idx) & (PROT_READ | PROT_WRITE | PROT_EXEC);
	s = luaL_checkstring(L, idx);
	if (strcmp(s, "none") == 0)
		return PROT_NONE;
	for (const char *p = s; *p; p++) {
		if (*p == 'r')
			prot |= PROT_READ;
		else if (*p == 'w')
			prot |= PROT_WRITE;
		else if (*p == 'x')
			prot |= PROT_EXEC;
		else if (*p != '-')
			luaL_error(L, "%s: bad protection '%s' (letters r, w, x, or none)", fname, s);
	}
	return prot;
}

void l_check_keys(lua_State *L, int idx, const char *keys, const char *fname)
{
	idx = lua_absindex(L, idx);
	lua_pushnil(L);
	while (lua_next(L, idx)) {
		const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
		size_t len = k ? strlen(k) : 0;
		const char *p = keys;

		while (k && (p = strstr(p, k)) && !((p == keys || p[-1] == ',') &&
						    (p[len] == ',' || p[len] == '\0')))
			p += len;
		if (!k || !p)
			luaL_error(L, "%s: unknown option '%s' (options: %s)", fname,
				   k ? k : luaL_typename(L, -2), keys);
		lua_pop(L, 1);
	}
}

/* the sandbox in the shell ----------------------------------------------- */

static bool is_named(const struct command *c, const char *const *names)
{
	for (; *names; names++)
		if (strcmp(c->name, *names) == 0)
			return true;
	return false;
}

/*
 * The sandbox keeps scripts away from host files through the shell too:
 * while a sandboxed state runs a line (vm.cmd, vm.dot, vm.vmalloc, ...),
 * the shell asks this filter about each command, with the words its
 * handler would get, so no quoting or prefix hides a name:
 *
 *   vm.cmd('l"u"a print(io)')        lua [print(io)]      refused
 *   vm.cmd('echo "lua"')             echo [lua]           allowed
 *
 * Refused, as every command that opens a host file (fopen in src/shell,
 * src/dot) or leaves the script:
 *
 *   lua, run      a Lua state of their own; `run` reads FILE
 *   quit, exit    they would end vmlab
 *   dot           a FILE (.dot .gv .svg .png .pdf) to write
 *   replay        a trace FILE to read, csv=FILE to write
 *
 * The reason goes to st->refused, for the Lua error l_shell() raises.
 */
static int sandbox_filter(struct shell *sh, const struct command *c, const struct args *a,
			  void *ctx)
{
	static const char *const gone[] = { "lua", "run", "quit", "exit", NULL };
	struct l_state *st = ctx;
	const char *csv = arg_opt(a, "csv");

	if (is_named(c, gone))
		snprintf(st->refused, sizeof st->refused, "'%s'", c->name);
	for (int i = 0; !st->refused[0] && i < a->argc; i++)
		if (strcmp(c->name, "dot") == 0 && dot_file_name(a->argv[i]) &&
		    !(i == 1 && dot_word_is_arg(sh->m, a->argv[0], a->argv[i])))
			snprintf(st->refused, sizeof st->refused, "dot: writing '%s'", a->argv[i]);
	if (!st->refused[0] && strcmp(c->name, "replay") == 0 && a->argc)
		snprintf(st->refused, sizeof st->refused, "replay: reading '%s'", a->argv[0]);
	if (!st->refused[0] && strcmp(c->name, "replay") == 0 && csv)
		snprintf(st->refused, sizeof st->refused, "replay: writing '%s' (csv=)", csv);
	if (!st->refused[0])
		return 0;
	return sh_error(sh, "%s is not allowed in the sandbox", st->refused);
}

/* the shell from Lua ----------------------------------------------------- */

struct capture {
	FILE *out, *err, *old_out, *old_err;
	char *obuf, *ebuf;
	size_t olen, elen;
};

/* Points sh->out and sh->err at memory.  Returns 0, or -1 if the host has none. */
static int capture_start(struct shell *sh, struct capture *c)
{
	memset(c, 0, sizeof *c);
	c->out = open_memstream(&c->obuf, &c->olen);
	c->err = open_memstream(&c->ebuf, &c->elen);
	if (!c->out || !c->err) {
		if (c->out)
			fclose(c->out);
		if (c->err)
			fclose(c->err);
		free(c->obuf);
		free(c->ebuf);
		return -1;
	}
	c->old_out = sh->out;
	c->old_err = sh->err;
	sh->out = c->out;
	sh->err = c->err;
	return 0;
}

static void capture_end(struct shell *sh, struct capture *c)
{
	sh->out = c->old_out;
	sh->err = c->old_err;
	fclose(c->out);
	fclose(c->err);
}

/*
 * The shell's error lines without "error: " and the final newline, pushed.
 * "error: kfree: 0x10 is not ...\n" -> "kfree: 0x10 is not ..."
 */
static void push_errors(lua_State *L, const char *errs)
{
	luaL_Buffer b;

	luaL_buffinit(L, &b);
	while (*errs) {
		size_t n = strcspn(errs, "\n");

		if (strncmp(errs, "error: ", 7) == 0)
			errs += 7, n -= 7;
		if (luaL_bufflen(&b))
			luaL_addchar(&b, '\n');
		luaL_addlstring(&b, errs, n);
		errs += n + (errs[n] == '\n');
	}
	luaL_pushresult(&b);
}

int l_shell(lua_State *L, const char *line)
{
	struct l_state *st = l_st(L);
	struct shell *sh = st->sh;
	const char *source = sh->source, *cmd_name = sh->cmd_name;
	unsigned long lineno = sh->line, errors = sh->errors, hooks = st->hook_errors;
	bool echo = sh->echo, bail = sh->bail;
	shell_filter_fn filter = sh->filter;
	void *filter_ctx = sh->filter_ctx;
	struct capture c;
	int r;

	l_machine(L);
	if (capture_start(sh, &c) < 0)
		return luaL_error(L, "the host is out of memory");
	if (st->captured++ == 0) {
		st->real_out = c.old_out;
		st->real_err = c.old_err;
	}
	sh->source = NULL;
	sh->cmd_name = NULL;
	sh->echo = false;
	sh->bail = true;
	st->refused[0] = '\0';
	if (st->sandbox) {
		sh->filter = sandbox_filter;
		sh->filter_ctx = st;
	}
	r = shell_run_line(sh, line);
	sh->filter = filter;
	sh->filter_ctx = filter_ctx;
	sh->source = source;
	sh->cmd_name = cmd_name;
	sh->line = lineno;
	sh->echo = echo;
	sh->bail = bail;
	sh->errors = errors + (st->hook_errors - hooks);	/* the command's own errors are Lua's */
	st->captured--;
	capture_end(sh, &c);
	/* a push below may raise (the sandbox's memory limit): the buffers wait in st */
	l_release_output(st);
	st->held[0] = c.obuf;
	st->held[1] = c.ebuf;
	sync_machine(L, st);
	if (st->refused[0])
		lua_pushfstring(L, "cmd: %s is not allowed in the sandbox", st->refused);
	else if (r < 0 || c.elen)
		push_errors(L, c.ebuf);
	else
		lua_pushlstring(L, c.obuf, c.olen);
	l_release_output(st);
	if (r < 0) {
		luaL_where(L, 1);
		lua_insert(L, -2);
		lua_concat(L, 2);
		return lua_error(L);
	}
	return 0;
}

const char *l_push_word(lua_State *L, const char *s)
{
	luaL_Buffer b;

	if (*s && !strpbrk(s, " \t\r\n;#\"\\"))
		return lua_pushstring(L, s);
	luaL_buffinit(L, &b);
	luaL_addchar(&b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			luaL_addchar(&b, '\\');
		luaL_addchar(&b, *s);
	}
	luaL_addchar(&b, '"');
	luaL_pushresult(&b);
	return lua_tostring(L, -1);
}

/* vm.cmd(line): the output of a shell line, or an error with its error lines. */
static int l_cmd(lua_State *L)
{
	return l_shell(L, luaL_checkstring(L, 1)) == 0 ? 1 : 0;
}

#define LINE_MAX_LEN 1024

/* Appends text to the line being built; raises if it gets too long. */
static void line_add(lua_State *L, char *line, const char *text, const char *fname)
{
	size_t n = strlen(line);

	if (n + strlen(text) >= LINE_MAX_LEN)
		luaL_error(L, "%s: the command line is too long", fname);
	memcpy(line + n, text, strlen(text) + 1);
}

/* Appends " key=value" for the value at idx, as the shell takes it. */
/* n as the unsigned address it stands for: "0xffff888000000000". */
static const char *push_unsigned_hex(lua_State *L, lua_Integer n)
{
	char buf[24];

	snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)n);
	return lua_pushstring(L, buf);
}

static void line_add_option(lua_State *L, char *line, const char *key, int idx,
			    const char *fname)
{
	const char *v;

	if (lua_isboolean(L, idx))
		v = lua_toboolean(L, idx) ? "on" : "off";
	else if (strcmp(key, "addr") == 0 && lua_isinteger(L, idx))
		v = push_unsigned_hex(L, lua_tointeger(L, idx));	/* 64-bit: negative */
	else if (lua_isinteger(L, idx) || lua_type(L, idx) == LUA_TSTRING)
		v = lua_pushstring(L, lua_tostring(L, idx));
	else
		v = NULL, luaL_error(L, "%s: %s: a string, an integer or a boolean is needed, "
				     "not %s", fname, key, luaL_typename(L, idx));
	if (!*v)
		luaL_error(L, "%s: %s: an empty value", fname, key);
	v = l_push_word(L, v);		/* quoted if need be: title="Two words" */
	line_add(L, line, " ", fname);
	line_add(L, line, key, fname);
	line_add(L, line, "=", fname);
	line_add(L, line, v, fname);
	lua_pop(L, lua_isboolean(L, idx) ? 1 : 2);
}

/*
 * Appends the string-keyed options of the table at idx, in sorted key
 * order, but for key skip (NULL: none).
 */
static void line_add_options(lua_State *L, char *line, int idx, const char *skip,
			     const char *fname)
{
	int n = 0, keys;

	if (lua_isnoneornil(L, idx))
		return;
	luaL_checktype(L, idx, LUA_TTABLE);
	lua_newtable(L);
	keys = lua_gettop(L);
	for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
		if (lua_type(L, -2) != LUA_TSTRING || (skip && !strcmp(lua_tostring(L, -2), skip)))
			continue;
		lua_pushvalue(L, -2);
		lua_rawseti(L, keys, ++n);
	}
	lua_getglobal(L, "table");
	lua_getfield(L, -1, "sort");
	lua_pushvalue(L, keys);
	lua_call(L, 1, 0);
	lua_pop(L, 1);
	for (int i = 1; i <= n; i++) {
		lua_rawgeti(L, keys, i);
		lua_pushvalue(L, -1);
		lua_gettable(L, idx);
		line_add_option(L, line, lua_tostring(L, -2), lua_gettop(L), fname);
		lua_pop(L, 2);
	}
	lua_pop(L, 1);
}

/* vm.machine{arch=, ram=, nodes=, cpus=, seed=, tlb=, ...}: returns the boot lines. */
static int l_machine_new(lua_State *L)
{
	char line[LINE_MAX_LEN] = "machine";

	line_add_options(L, line, 1, NULL, "machine");
	return l_shell(L, line) == 0 ? 1 : 0;
}

/* vm.reset([{swap=, policy=}]): the same machine afresh; returns the boot lines. */
static int l_reset(lua_State *L)
{
	char line[LINE_MAX_LEN] = "reset";

	line_add_options(L, line, 1, NULL, "reset");
	return l_shell(L, line) == 0 ? 1 : 0;
}

/* The checker's report function: one "\n  violation" line into the buffer ctx. */
static void add_violation(void *ctx, const char *v)
{
	luaL_Buffer *b = ctx;

	luaL_addstring(b, "\n  ");
	luaL_addstring(b, v);
}

/* vm.check(): true, or an error listing every violation. */
static int l_check(lua_State *L)
{
	struct machine *m = l_machine(L);
	luaL_Buffer b;
	unsigned long n;

	luaL_buffinit(L, &b);
	n = check_machine(m, add_violation, &b, 20);
	if (n == 0) {
		luaL_pushresult(&b);
		lua_pushboolean(L, 1);
		return 1;
	}
	luaL_pushresult(&b);
	if (n > 20)
		lua_pushfstring(L, "\n  ... and %I more", (lua_Integer)(n - 20));
	else
		lua_pushliteral(L, "");
	lua_concat(L, 2);
	luaL_where(L, 1);
	lua_pushfstring(L, "check: %I violation%s:", (lua_Integer)n, n == 1 ? "" : "s");
	lua_rotate(L, -3, -1);
	lua_concat(L, 3);
	return lua_error(L);
}

/* Appends " WORD" for s, quoted if the shell needs it (l_push_word). */
static void line_add_word(lua_State *L, char *line, const char *s, const char *fname)
{
	line_add(L, line, " ", fname);
	line_add(L, line, l_push_word(L, s), fname);
	lua_pop(L, 1);
}

/* The words of vm.dot's pid= or list item at idx: a process, or any word ("1", "app"). */
static void dot_add_arg(lua_State *L, char *line, int idx, const char *key)
{
	char pid[24];

	if (luaL_testudata(L, idx, L_PROCESS_MT)) {
		snprintf(pid, sizeof pid, "%d", l_task(L, idx)->pid);
		line_add_word(L, line, pid, "dot");
	} else if (lua_isinteger(L, idx) || (!key && lua_type(L, idx) == LUA_TSTRING)) {
		line_add_word(L, line, lua_tostring(L, idx), "dot");
	} else if (key) {
		luaL_error(L, "dot: %s: a process or a pid (an integer) is needed, not %s", key,
			   luaL_typename(L, idx));
	} else {
		luaL_error(L, "dot: a process, a pid or a word is needed, not %s",
			   luaL_typename(L, idx));
	}
}

/*
 * vm.dot(what [, file [, {p or pid or name, ..., pid = p, key = value}]]):
 * the DOT text, or (with a file) the "wrote ..." line.  The list's items
 * and pid= are the words after WHAT (a process stands for its pid), the
 * other keys the shell's options.
 */
static int l_dot(lua_State *L)
{
	const char *what = luaL_checkstring(L, 1);
	const char *file = luaL_optstring(L, 2, NULL);
	char line[LINE_MAX_LEN] = "dot";

	if (file && l_st(L)->sandbox)
		return luaL_error(L, "dot: writing '%s' is not allowed in the sandbox", file);
	lua_settop(L, 3);
	if (!lua_isnil(L, 3))
		luaL_checktype(L, 3, LUA_TTABLE);
	line_add_word(L, line, what, "dot");
	if (lua_istable(L, 3) && lua_getfield(L, 3, "pid") != LUA_TNIL)
		dot_add_arg(L, line, lua_gettop(L), "pid");
	lua_settop(L, 3);
	for (int i = 1; lua_istable(L, 3) && lua_rawgeti(L, 3, i) != LUA_TNIL; i++) {
		dot_add_arg(L, line, lua_gettop(L), NULL);
		lua_pop(L, 1);
	}
	lua_settop(L, 3);
	if (file)
		line_add_word(L, line, file, "dot");
	line_add_options(L, line, 3, "pid", "dot");
	return l_shell(L, line) == 0 ? 1 : 0;
}

/* vm.info(): the machine's configuration. */
static int l_info(lua_State *L)
{
	struct machine *m = l_machine(L);
	const struct arch_profile *a = m->arch;

	lua_createtable(L, 0, 12);
	lua_pushstring(L, a->name);
	lua_setfield(L, -2, "arch");
	lua_pushinteger(L, (lua_Integer)m->cfg.ram);
	lua_setfield(L, -2, "ram");
	lua_pushinteger(L, m->nr_nodes);
	lua_setfield(L, -2, "nodes");
	lua_pushinteger(L, m->nr_cpus);
	lua_setfield(L, -2, "cpus");
	lua_pushinteger(L, m->cpu);
	lua_setfield(L, -2, "cpu");
	lua_pushinteger(L, (lua_Integer)m->cfg.seed);
	lua_setfield(L, -2, "seed");
	lua_pushinteger(L, a->levels);
	lua_setfield(L, -2, "levels");
	lua_pushinteger(L, (lua_Integer)a->page_offset);
	lua_setfield(L, -2, "page_offset");
	lua_pushinteger(L, (lua_Integer)a->task_size);
	lua_setfield(L, -2, "task_size");
	lua_pushinteger(L, (lua_Integer)m->max_pfn);
	lua_setfield(L, -2, "max_pfn");
	lua_pushinteger(L, (lua_Integer)m->max_low_pfn);
	lua_setfield(L, -2, "max_low_pfn");
	lua_pushinteger(L, (lua_Integer)m->totalram_pages);
	lua_setfield(L, -2, "totalram_pages");
	lua_pushinteger(L, a->addr_digits);
	lua_setfield(L, -2, "addr_digits");
	return 1;
}

static void set_int(lua_State *L, const char *k, lua_Integer v)
{
	lua_pushinteger(L, v);
	lua_setfield(L, -2, k);
}

/* vm.tlb([cpu]): one CPU's TLB counters and geometry. */
static int l_tlb(lua_State *L)
{
	struct machine *m = l_machine(L);
	lua_Integer cpu = luaL_optinteger(L, 1, m->cpu);
	const struct tlb *t;
	int valid = 0;

	if (cpu < 0 || cpu >= m->nr_cpus)
		return luaL_error(L, "tlb: cpu %I does not exist (cpus 0..%d)", cpu, m->nr_cpus - 1);
	t = &m->tlb[cpu];
	for (int i = 0; i < t->nr_entries; i++)
		valid += t->e[i].shift != 0;
	lua_createtable(L, 0, 10);
	set_int(L, "cpu", cpu);
	set_int(L, "entries", t->nr_entries);
	set_int(L, "ways", t->ways);
	set_int(L, "sets", t->sets);
	set_int(L, "valid", valid);
	set_int(L, "hits", (lua_Integer)t->hits);
	set_int(L, "misses", (lua_Integer)t->misses);
	set_int(L, "flushes", (lua_Integer)t->flushes);
	set_int(L, "invlpgs", (lua_Integer)t->invlpgs);
	lua_pushboolean(L, t->pcid);
	lua_setfield(L, -2, "pcid");
	return 1;
}

static const luaL_Reg vmlab_funcs[] = {
	{ "cmd", l_cmd },
	{ "machine", l_machine_new },
	{ "reset", l_reset },
	{ "check", l_check },
	{ "dot", l_dot },
	{ "info", l_info },
	{ "tlb", l_tlb },
	{ NULL, NULL }
};

int luaopen_vmlab(lua_State *L)
{
	luaL_newlib(L, vmlab_funcs);
	l_open_views(L);
	l_open_proc(L);
	l_open_mem(L);
	l_open_event(L);
	l_open_kmem(L);
	l_open_reclaim(L);
	lua_pushliteral(L, VMLAB_VERSION);
	lua_setfield(L, -2, "version");
	return 1;
}
