/*
 * l_views.c - the /proc views as Lua tables.
 *
 *   vm.meminfo().MemFree            -> 1004868          (kB, as the file says)
 *   vm.vmstat().pgfault             -> 12
 *   vm.buddyinfo()[2]               -> {node=0, zone="Normal", free={[0]=1, ..., [10]=213}}
 *   vm.zoneinfo()[1].managed        -> 3840             (pages)
 *   vm.slabinfo()["kmalloc-128"]    -> {name="kmalloc-128", active_objs=32, ...}
 *   vm.ps()[1]                      -> {pid=1, ppid=0, comm="app", vsz=164, rss=4, ...}
 *
 * meminfo, vmstat and slabinfo are read from the very text the views
 * print (src/report/), so their keys and numbers are those of `cat
 * /proc/...` by construction.  buddyinfo, zoneinfo and ps are built from
 * the zones and tasks directly, with the names their views use.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "lua/l_internal.h"
#include "mm/machine.h"
#include "mm/sched.h"
#include "report/procfs.h"
#include "report/slabinfo.h"

typedef void (*view_fn)(const struct machine *m, FILE *f);

/* The text a view writes, as a malloc'd string; raises on host OOM. */
static char *view_text(lua_State *L, struct machine *m, view_fn show)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		luaL_error(L, "the host is out of memory");
	show(m, f);
	fclose(f);
	return buf;
}

static void set_int(lua_State *L, const char *k, lua_Integer v)
{
	lua_pushinteger(L, v);
	lua_setfield(L, -2, k);
}

/* "MemTotal:        1014784 kB" lines into {MemTotal = 1014784, ...}. */
static int l_meminfo(lua_State *L)
{
	char *text = view_text(L, l_machine(L), proc_meminfo), *save = NULL;

	lua_newtable(L);
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *colon = strchr(line, ':');

		if (!colon)
			continue;
		*colon = '\0';
		lua_pushinteger(L, strtoll(colon + 1, NULL, 10));
		lua_setfield(L, -2, line);
	}
	free(text);
	return 1;
}

/* "nr_free_pages 249793" lines into {nr_free_pages = 249793, ...}. */
static int l_vmstat(lua_State *L)
{
	char *text = view_text(L, l_machine(L), proc_vmstat), *save = NULL;

	lua_newtable(L);
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *space = strchr(line, ' ');

		if (!space)
			continue;
		*space = '\0';
		lua_pushinteger(L, strtoll(space + 1, NULL, 10));
		lua_setfield(L, -2, line);
	}
	free(text);
	return 1;
}

/*
 * /proc/slabinfo's lines, newest cache first, each also under its name:
 * name active_objs num_objs objsize objperslab pagesperslab : tunables
 * 0 0 0 : slabdata active_slabs num_slabs 0
 */
static int l_slabinfo(lua_State *L)
{
	static const char *const keys[] = {
		"active_objs", "num_objs", "objsize", "objperslab", "pagesperslab",
		"active_slabs", "num_slabs"
	};
	char *text = view_text(L, l_machine(L), proc_slabinfo), *save = NULL;
	int n = 0;

	lua_newtable(L);
	for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char name[64];
		unsigned long v[7];

		if (sscanf(line, "%63s %lu %lu %lu %lu %lu : tunables %*u %*u %*u : slabdata %lu %lu",
			   name, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6]) != 8)
			continue;
		lua_createtable(L, 0, 8);
		lua_pushstring(L, name);
		lua_setfield(L, -2, "name");
		for (int i = 0; i < 7; i++)
			set_int(L, keys[i], (lua_Integer)v[i]);
		lua_pushvalue(L, -1);
		lua_setfield(L, -3, name);
		lua_rawseti(L, -2, ++n);
	}
	free(text);
	return 1;
}

static void push_zone_name(lua_State *L, const struct zone *z)
{
	set_int(L, "node", z->zone_pgdat->node_id);
	lua_pushstring(L, zone_name(z->type));
	lua_setfield(L, -2, "zone");
}

/* Pushes {[0] = nr_free of order 0, ..., [10] = ...}. */
static void push_free_area(lua_State *L, const struct zone *z)
{
	lua_createtable(L, MAX_PAGE_ORDER, 1);
	for (int o = 0; o < NR_PAGE_ORDERS; o++) {
		lua_pushinteger(L, (lua_Integer)z->free_area[o].nr_free);
		lua_rawseti(L, -2, o);
	}
}

/* vm.buddyinfo(): a list of {node=, zone=, free={[0]=..., [10]=...}}, as /proc/buddyinfo. */
static int l_buddyinfo(lua_State *L)
{
	struct machine *m = l_machine(L);
	const struct zone *z;
	int n = 0;

	lua_newtable(L);
	for_each_populated_zone(m, z) {
		lua_createtable(L, 0, 3);
		push_zone_name(L, z);
		push_free_area(L, z);
		lua_setfield(L, -2, "free");
		lua_rawseti(L, -2, ++n);
	}
	return 1;
}

/* lowmem_reserve of each zone type the architecture has: zoneinfo's protection. */
static void push_protection(lua_State *L, struct machine *m, const struct zone *z)
{
	int n = 0;

	lua_newtable(L);
	for (int t = 0; t < MAX_NR_ZONES; t++) {
		if (zone_absent(m, (enum zone_type)t))
			continue;
		lua_pushinteger(L, z->lowmem_reserve[t]);
		lua_rawseti(L, -2, ++n);
	}
	lua_setfield(L, -2, "protection");
}

/* pagesets: {[cpu] = {count=, high=, batch=}}. */
static void push_pagesets(lua_State *L, struct machine *m, const struct zone *z)
{
	lua_createtable(L, m->nr_cpus, 1);
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		lua_createtable(L, 0, 3);
		set_int(L, "count", z->pcp[cpu].count);
		set_int(L, "high", z->pcp[cpu].high);
		set_int(L, "batch", z->pcp[cpu].batch);
		lua_rawseti(L, -2, cpu);
	}
	lua_setfield(L, -2, "pagesets");
}

static void push_zone(lua_State *L, struct machine *m, const struct zone *z)
{
	lua_createtable(L, 0, 16);
	push_zone_name(L, z);
	set_int(L, "free", zone_page_state(z, NR_FREE_PAGES));
	set_int(L, "boost", (lua_Integer)z->watermark_boost);
	set_int(L, "min", (lua_Integer)min_wmark_pages(z));
	set_int(L, "low", (lua_Integer)low_wmark_pages(z));
	set_int(L, "high", (lua_Integer)high_wmark_pages(z));
	set_int(L, "spanned", (lua_Integer)z->spanned_pages);
	set_int(L, "present", (lua_Integer)z->present_pages);
	set_int(L, "managed", (lua_Integer)z->managed_pages);
	set_int(L, "start_pfn", (lua_Integer)z->zone_start_pfn);
	push_protection(L, m, z);
	push_pagesets(L, m, z);
	push_free_area(L, z);
	lua_setfield(L, -2, "free_area");
}

/* vm.zoneinfo(): every zone /proc/zoneinfo shows, node by node, low to high. */
static int l_zoneinfo(lua_State *L)
{
	struct machine *m = l_machine(L);
	int n = 0;

	lua_newtable(L);
	for (int nid = 0; nid < m->nr_nodes; nid++)
		for (int t = 0; t < MAX_NR_ZONES; t++) {
			if (zone_absent(m, (enum zone_type)t))
				continue;
			push_zone(L, m, &m->node_data[nid].node_zones[t]);
			lua_rawseti(L, -2, ++n);
		}
	return 1;
}

static bool task_running(const struct machine *m, const struct task_struct *t)
{
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		if (m->current[cpu] == t)
			return true;
	return false;
}

/* vm.ps(): a list of {pid, ppid, comm, vsz, rss (KiB), min_flt, maj_flt, stat}. */
static int l_ps(lua_State *L)
{
	struct machine *m = l_machine(L);
	int n = 0;

	lua_newtable(L);
	for (struct task_struct *t = m->tasks; t; t = t->next) {
		lua_createtable(L, 0, 8);
		set_int(L, "pid", t->pid);
		set_int(L, "ppid", t->ppid);
		lua_pushstring(L, t->comm);
		lua_setfield(L, -2, "comm");
		set_int(L, "vsz", (lua_Integer)(t->mm->total_vm << (PAGE_SHIFT - 10)));
		set_int(L, "rss", (lua_Integer)(get_mm_rss(t->mm) << (PAGE_SHIFT - 10)));
		set_int(L, "min_flt", (lua_Integer)t->min_flt);
		set_int(L, "maj_flt", (lua_Integer)t->maj_flt);
		lua_pushstring(L, task_running(m, t) ? "R" : "S");
		lua_setfield(L, -2, "stat");
		lua_rawseti(L, -2, ++n);
	}
	return 1;
}

static const luaL_Reg view_funcs[] = {
	{ "meminfo", l_meminfo },
	{ "vmstat", l_vmstat },
	{ "slabinfo", l_slabinfo },
	{ "buddyinfo", l_buddyinfo },
	{ "zoneinfo", l_zoneinfo },
	{ "ps", l_ps },
	{ NULL, NULL }
};

void l_open_views(lua_State *L)
{
	luaL_setfuncs(L, view_funcs, 0);
}
