/*
 * l_kmem.c - vmalloc and kmap from Lua, through the shell's commands.
 *
 *   local a = vm.vmalloc("16K")       -- 0xf8800000 (an integer)
 *   vm.vfree(a)
 *   local k = vm.kmap(pfn)            -- 0xff800000: a pkmap address
 *   vm.kunmap(pfn)
 *   vm.vmallocinfo()[1]               -- {start=, finish=, size=, caller=, pages=, kind="vmalloc"}
 *
 * These bind the shell's vmalloc, vzalloc, vfree, kmap, kunmap and
 * /proc/vmallocinfo, so their checks and error sentences are the shell's
 * ("vfree: ..."); the address a command prints first is what the Lua
 * function returns.
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <lauxlib.h>
#include "lua/l_internal.h"

/* Runs "NAME ARG" and returns the address the output starts with. */
static int shell_addr(lua_State *L, const char *name, const char *arg)
{
	const char *out;
	char *end;
	unsigned long long a;

	lua_pushfstring(L, "%s %s", name, arg);
	l_shell(L, lua_tostring(L, -1));
	out = lua_tostring(L, -1);
	if (strncmp(out, "0x", 2) != 0)
		return luaL_error(L, "%s: no address in '%s'", name, out);
	a = strtoull(out + 2, &end, 16);
	lua_pushinteger(L, (lua_Integer)a);
	return 1;
}

/*
 * An argument as a shell word: a string as one word ("16K"; quoted if it
 * holds a blank or a ';', so it stays one), an integer in decimal.
 */
static const char *int_word(lua_State *L, int idx)
{
	if (lua_type(L, idx) == LUA_TSTRING)
		return l_push_word(L, lua_tostring(L, idx));
	return lua_pushfstring(L, "%I", luaL_checkinteger(L, idx));
}

/*
 * An address argument as a shell word: an integer in hex, as unsigned (a
 * 64-bit kernel address is a negative Lua integer), a string as int_word().
 */
static const char *addr_word(lua_State *L, int idx)
{
	char buf[24];

	if (lua_type(L, idx) == LUA_TSTRING)
		return l_push_word(L, lua_tostring(L, idx));
	snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)luaL_checkinteger(L, idx));
	return lua_pushstring(L, buf);
}

static int l_vmalloc(lua_State *L)
{
	return shell_addr(L, "vmalloc", int_word(L, 1));
}

static int l_vzalloc(lua_State *L)
{
	return shell_addr(L, "vzalloc", int_word(L, 1));
}

static int l_vfree(lua_State *L)
{
	lua_pushfstring(L, "vfree %s", addr_word(L, 1));
	l_shell(L, lua_tostring(L, -1));
	return 0;
}

static int l_kmap(lua_State *L)
{
	return shell_addr(L, "kmap", int_word(L, 1));
}

static int l_kunmap(lua_State *L)
{
	lua_pushfstring(L, "kunmap %s", addr_word(L, 1));
	l_shell(L, lua_tostring(L, -1));
	return 0;
}

/* "0xf8805000-0xf8807000    8192 cmd_vzalloc pages=1 vmalloc" lines into tables. */
static int l_vmallocinfo(lua_State *L)
{
	char *text, *save = NULL;
	int n = 0;

	l_shell(L, "cat /proc/vmallocinfo");
	text = strdup(lua_tostring(L, -1));
	if (!text)
		return luaL_error(L, "the host is out of memory");
	lua_newtable(L);
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		unsigned long long start, end, size;
		char caller[128], *rest, *w, *wsave = NULL;
		int used = 0;

		if (sscanf(line, "%llx-%llx %llu %127s %n", &start, &end, &size, caller, &used) != 4)
			continue;
		lua_createtable(L, 0, 8);
		lua_pushinteger(L, (lua_Integer)start);
		lua_setfield(L, -2, "start");
		lua_pushinteger(L, (lua_Integer)end);
		lua_setfield(L, -2, "finish");
		lua_pushinteger(L, (lua_Integer)size);
		lua_setfield(L, -2, "size");
		lua_pushstring(L, caller);
		lua_setfield(L, -2, "caller");
		rest = line + used;
		for (w = strtok_r(rest, " ", &wsave); w; w = strtok_r(NULL, " ", &wsave)) {
			char *eq = strchr(w, '=');

			if (eq) {
				*eq = '\0';
				lua_pushinteger(L, strtoll(eq + 1, NULL, 10));
				lua_setfield(L, -2, w);
			} else if (strcmp(w, "vmalloc") == 0 || strcmp(w, "vmap") == 0) {
				lua_pushstring(L, w);
				lua_setfield(L, -2, "kind");
			} else {
				lua_pushboolean(L, 1);
				lua_setfield(L, -2, w);
			}
		}
		lua_rawseti(L, -2, ++n);
	}
	free(text);
	return 1;
}

static const luaL_Reg kmem_funcs[] = {
	{ "vmalloc", l_vmalloc },
	{ "vzalloc", l_vzalloc },
	{ "vfree", l_vfree },
	{ "kmap", l_kmap },
	{ "kunmap", l_kunmap },
	{ "vmallocinfo", l_vmallocinfo },
	{ NULL, NULL }
};

void l_open_kmem(lua_State *L)
{
	luaL_setfuncs(L, kmem_funcs, 0);
}
