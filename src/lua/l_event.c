/*
 * l_event.c - vm.on and vm.off: Lua functions called at the machine's
 * events.
 *
 *   vm.on("mm_page_alloc", function(ev)
 *       print(ev.name, ev.pfn, ev.order, ev.gfp_flags)
 *   end)
 *   vm.alloc_pages(0)   --> mm_page_alloc  6144  0  GFP_KERNEL
 *   vm.off("mm_page_alloc")
 *
 * The event's fields are those of its trace line (`trace on` prints the
 * same line): "mm_page_alloc: page=0xc1030000 pfn=0x1800 order=0 ..."
 * gives ev.page, ev.pfn, ev.order, ...; numbers ("0x1800", "12") become
 * integers, true/false booleans, the rest strings.  ev.name is the
 * event, ev.line the whole line.  The name "*" hooks every event.
 *
 * A hook runs in the middle of a core operation, so it runs protected
 * and must not change the machine: inside it every vm function but
 * vm.page() and process fields raises.  An error in a hook is reported
 * on the shell's error stream and the hook is removed; the operation
 * that emitted the event goes on.  Hooks are called in the order they
 * were set.
 */
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "lua/l_internal.h"
#include "mm/machine.h"
#include "report/trace.h"
#include "shell/shell.h"

#define TRACE_LINE_LEN 512

/* The registry key of the state's hook list: {{id=, type=, fn=, dead=}, ...}. */
static const char hooks_key;

static void push_hooks(lua_State *L)
{
	if (lua_rawgetp(L, LUA_REGISTRYINDEX, &hooks_key) != LUA_TTABLE) {
		lua_pop(L, 1);
		lua_newtable(L);
		lua_pushvalue(L, -1);
		lua_rawsetp(L, LUA_REGISTRYINDEX, &hooks_key);
	}
}

/* A trace value as Lua sees it: integer, boolean or string. */
static void push_value(lua_State *L, const char *s)
{
	char *end;

	if (s[0] == '0' && s[1] == 'x' && s[2]) {
		unsigned long long v = strtoull(s + 2, &end, 16);

		if (!*end) {
			lua_pushinteger(L, (lua_Integer)v);
			return;
		}
	} else if (*s) {
		long long v = strtoll(s, &end, 10);

		if (!*end && (s[0] != '-' || s[1])) {
			lua_pushinteger(L, v);
			return;
		}
	}
	if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)
		lua_pushboolean(L, s[0] == 't');
	else
		lua_pushstring(L, s);
}

/* Length of the key if the token is "key=..." or "key:...", else 0. */
static size_t key_len(const char *t)
{
	size_t n = 0;

	if (!((t[0] >= 'a' && t[0] <= 'z') || t[0] == '_'))
		return 0;
	while ((t[n] >= 'a' && t[n] <= 'z') || (t[n] >= '0' && t[n] <= '9') || t[n] == '_')
		n++;
	return t[n] == '=' || t[n] == ':' ? n : 0;
}

/*
 * Sets the key=value pairs of a trace line's body into the table on top.
 * "key:value" (the kernel's tlb_flush format) takes the words after it
 * too, up to the next key: "reason:flush on task switch (0)".
 */
static void set_pairs(lua_State *L, char *body)
{
	char *save = NULL, value[TRACE_LINE_LEN], key[64] = "";

	value[0] = '\0';
	for (char *t = strtok_r(body, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
		size_t n = key_len(t);

		if (!n && key[0] && strlen(value) + strlen(t) + 2 < sizeof value) {
			strcat(strcat(value, " "), t);
			continue;
		}
		if (key[0]) {
			push_value(L, value);
			lua_setfield(L, -2, key);
			key[0] = '\0';
		}
		if (!n || n >= sizeof key)
			continue;
		memcpy(key, t, n);
		key[n] = '\0';
		snprintf(value, sizeof value, "%s", t + n + 1);
		if (t[n] == '=') {
			push_value(L, value);
			lua_setfield(L, -2, key);
			key[0] = '\0';
		}
	}
	if (key[0]) {
		push_value(L, value);
		lua_setfield(L, -2, key);
	}
}

static void push_event(lua_State *L, const struct machine *m, const struct mm_event *ev)
{
	char line[TRACE_LINE_LEN];
	const char *name = event_name(ev->type);
	size_t n = strlen(name);

	trace_format(m, ev, line, sizeof line);
	lua_createtable(L, 0, 8);
	lua_pushstring(L, line);
	lua_setfield(L, -2, "line");
	if (strncmp(line, name, n) == 0 && line[n] == ':')
		set_pairs(L, line + n + 1);
	lua_pushstring(L, name);
	lua_setfield(L, -2, "name");
}

static void report_hook_error(lua_State *L, const char *event)
{
	struct shell *sh = l_st(L)->sh;

	fflush(sh->out);
	if (sh->source)
		fprintf(sh->err, "%s:%lu: ", sh->source, sh->line);
	fprintf(sh->err, "error: vm.on(\"%s\") hook: %s (the hook is removed)\n", event,
		lua_tostring(L, -1) ? lua_tostring(L, -1) : "(an error object)");
	fflush(sh->err);
	sh->errors++;
	l_st(L)->hook_errors++;		/* l_shell() keeps it past the command it restores */
}

/* Drops the hooks marked dead.  The list is on top. */
static void compact(lua_State *L, struct l_state *st)
{
	int n = (int)lua_rawlen(L, -1), to = 0;

	for (int i = 1; i <= n; i++) {
		lua_rawgeti(L, -1, i);
		if (lua_getfield(L, -1, "dead") == LUA_TNIL) {
			lua_pop(L, 1);
			lua_rawseti(L, -2, ++to);
			continue;
		}
		lua_getfield(L, -2, "type");
		st->nhooks[lua_tointeger(L, -1)]--;
		lua_pop(L, 3);
	}
	for (int i = to + 1; i <= n; i++) {
		lua_pushnil(L);
		lua_rawseti(L, -2, i);
	}
}

/* Whether entry i of the list at idx is live and hooks the given key value. */
static bool hook_matches(lua_State *L, int list, int i, const char *field, lua_Integer want,
			 lua_Integer also)
{
	bool match;

	lua_rawgeti(L, list, i);
	lua_getfield(L, -1, field);
	match = lua_tointeger(L, -1) == want || lua_tointeger(L, -1) == also;
	lua_getfield(L, -2, "dead");
	match = match && lua_isnil(L, -1);
	lua_pop(L, 3);
	return match;
}

/* Calls every live hook for the event (light userdata 1, machine 2). */
static int dispatch(lua_State *L)
{
	const struct mm_event *ev = lua_touserdata(L, 1);
	const struct machine *m = lua_touserdata(L, 2);
	int list, n;

	push_hooks(L);
	list = lua_gettop(L);
	push_event(L, m, ev);
	n = (int)lua_rawlen(L, list);
	for (int i = 1; i <= n; i++) {
		if (!hook_matches(L, list, i, "type", ev->type, NR_MM_EVENTS))
			continue;
		lua_rawgeti(L, list, i);
		lua_getfield(L, -1, "fn");
		lua_pushvalue(L, list + 1);
		if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
			report_hook_error(L, event_name(ev->type));
			lua_pop(L, 1);
			lua_pushboolean(L, 1);
			lua_setfield(L, -2, "dead");
		}
		lua_pop(L, 1);
	}
	lua_settop(L, list);
	compact(L, l_st(L));
	return 0;
}

void l_on_event(struct machine *m, const struct mm_event *ev, void *ctx)
{
	struct l_state *st = ctx;
	lua_State *L = st->cur;
	FILE *out, *err;

	if (st->busy || (!st->nhooks[ev->type] && !st->nhooks[NR_MM_EVENTS]))
		return;
	if (!lua_checkstack(L, 8))
		return;
	st->busy++;
	/* a hook writes to the script's output, not into the command being captured */
	out = st->sh->out;
	err = st->sh->err;
	if (st->captured) {
		st->sh->out = st->real_out;
		st->sh->err = st->real_err;
	}
	lua_pushcfunction(L, dispatch);
	lua_pushlightuserdata(L, (void *)ev);
	lua_pushlightuserdata(L, m);
	if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
		report_hook_error(L, event_name(ev->type));
		lua_pop(L, 1);
	}
	st->sh->out = out;
	st->sh->err = err;
	st->busy--;
}

/* vm.on(event, fn): sets a hook; returns its id (for vm.off). */
static int l_on(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	struct l_state *st = l_st(L);
	int type = strcmp(name, "*") == 0 ? NR_MM_EVENTS : (int)event_by_name(name);

	luaL_checktype(L, 2, LUA_TFUNCTION);
	if (type == NR_MM_EVENTS && strcmp(name, "*") != 0)
		return luaL_error(L, "on: unknown event '%s' (the names `trace on` prints: "
				  "mm_page_alloc, page_fault_user, ...; \"*\" for all)", name);
	l_machine_ro(L);		/* listen to the current machine */
	push_hooks(L);
	lua_createtable(L, 0, 3);
	lua_pushinteger(L, ++st->next_hook);
	lua_setfield(L, -2, "id");
	lua_pushinteger(L, type);
	lua_setfield(L, -2, "type");
	lua_pushvalue(L, 2);
	lua_setfield(L, -2, "fn");
	lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
	st->nhooks[type]++;
	lua_pushinteger(L, st->next_hook);
	return 1;
}

/* vm.off(event or id): removes hooks; returns how many. */
static int l_off(lua_State *L)
{
	struct l_state *st = l_st(L);
	lua_Integer want;
	bool by_id = lua_isinteger(L, 1);
	int removed = 0, list, n;

	if (by_id) {
		want = lua_tointeger(L, 1);
	} else {
		const char *name = luaL_checkstring(L, 1);

		want = strcmp(name, "*") == 0 ? NR_MM_EVENTS : (int)event_by_name(name);
		if (want == NR_MM_EVENTS && strcmp(name, "*") != 0)
			return luaL_error(L, "off: unknown event '%s'", name);
	}
	push_hooks(L);
	list = lua_gettop(L);
	n = (int)lua_rawlen(L, list);
	for (int i = 1; i <= n; i++) {
		if (!hook_matches(L, list, i, by_id ? "id" : "type", want, want))
			continue;
		lua_rawgeti(L, list, i);
		lua_pushboolean(L, 1);
		lua_setfield(L, -2, "dead");
		lua_pop(L, 1);
		removed++;
	}
	if (!st->busy)
		compact(L, st);
	lua_pushinteger(L, removed);
	return 1;
}

static const luaL_Reg event_funcs[] = {
	{ "on", l_on },
	{ "off", l_off },
	{ NULL, NULL }
};

void l_open_event(lua_State *L)
{
	luaL_setfuncs(L, event_funcs, 0);
}
