/*
 * l_mem.c - physical and kernel memory from Lua: the page allocator,
 * struct page, kmalloc and slab caches, simulated files.
 *
 *   local b = vm.alloc_pages(2, "GFP_KERNEL")  -- {pfn=0x1804, order=2, zone="Normal",
 *                                              --  node=0, addr=0xc1804000}
 *   vm.page(b.pfn).flags.head                  -- true
 *   vm.free_pages(b)                           -- or vm.free_pages(b.pfn, 2)
 *   local c = vm.kmem_cache_create("foo", 100) -- a cache handle
 *   local a = c:alloc(); c:free(a)
 *   local k = vm.kmalloc(100); vm.kfree(k)
 *
 * A cache handle holds the cache's id and the machine's generation, so a
 * destroyed cache, or one of a replaced machine, raises an error when
 * used.  The caches that hold the model's own process structures
 * (task_struct, mm_struct, ...) can be looked at and shrunk but not
 * allocated from or freed into, as in the shell.
 */
#include <string.h>
#include <lauxlib.h>
#include "lua/l_internal.h"
#include "mm/filemap.h"
#include "mm/machine.h"
#include "mm/page_alloc.h"
#include "mm/rmap.h"
#include "mm/sched.h"
#include "mm/slab.h"
#include "shell/shell.h"

static void set_int(lua_State *L, const char *k, lua_Integer v)
{
	lua_pushinteger(L, v);
	lua_setfield(L, -2, k);
}

static unsigned check_order(lua_State *L, int idx, const char *name)
{
	lua_Integer order = luaL_checkinteger(L, idx);

	if (order < 0 || order > MAX_PAGE_ORDER)
		luaL_error(L, "%s: order %I is out of range (0..%d)", name, order, MAX_PAGE_ORDER);
	return (unsigned)order;
}

/* {pfn=, order=, zone=, node=, addr= (nil for highmem)} */
static void push_block(lua_State *L, struct machine *m, unsigned long pfn, unsigned order)
{
	const struct zone *z = pfn_zone(m, pfn);

	lua_createtable(L, 0, 5);
	set_int(L, "pfn", (lua_Integer)pfn);
	set_int(L, "order", order);
	lua_pushstring(L, zone_name(z->type));
	lua_setfield(L, -2, "zone");
	set_int(L, "node", z->zone_pgdat->node_id);
	if (pfn_direct_mapped(m, pfn))
		set_int(L, "addr", (lua_Integer)pfn_to_virt(m, pfn));
}

/* vm.alloc_pages(order [, gfp [, node]]) */
static int l_alloc_pages(lua_State *L)
{
	struct machine *m = l_machine(L);
	unsigned order = check_order(L, 1, "alloc_pages");
	gfp_t gfp = l_gfp(L, 2, GFP_KERNEL, "alloc_pages");
	lua_Integer nid = luaL_optinteger(L, 3, -1);
	long pfn;

	if (nid < -1 || nid >= m->nr_nodes)
		return luaL_error(L, "alloc_pages: node %I does not exist (nodes 0..%d)", nid,
				  m->nr_nodes - 1);
	pfn = alloc_pages_node(m, (int)nid, gfp, order);
	if (pfn < 0)
		return l_mm_error(L, "alloc_pages");
	push_block(L, m, (unsigned long)pfn, order);
	return 1;
}

/* vm.free_pages(pfn, order) or vm.free_pages(block) */
static int l_free_pages(lua_State *L)
{
	struct machine *m = l_machine(L);
	lua_Integer pfn;
	unsigned order;

	if (lua_istable(L, 1)) {
		lua_settop(L, 1);
		lua_getfield(L, 1, "pfn");
		lua_getfield(L, 1, "order");
		lua_remove(L, 1);
	}
	pfn = luaL_checkinteger(L, 1);
	order = check_order(L, 2, "free_pages");
	if (pfn < 0 || free_pages_checked(m, (unsigned long)pfn, order) < 0)
		return pfn < 0 ? luaL_error(L, "free_pages: pfn %I is negative", pfn) :
				 l_mm_error(L, "free_pages");
	return 0;
}

struct mappers {
	lua_State *L;
	int n;
};

static void add_mapper(struct machine *m, struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long addr, unsigned long table, unsigned idx, void *ctx)
{
	struct mappers *c = ctx;
	struct task_struct *t = mm_owner(m, mm);

	(void)vma;
	(void)table;
	(void)idx;
	lua_createtable(c->L, 0, 3);
	lua_pushinteger(c->L, t ? t->pid : 0);
	lua_setfield(c->L, -2, "pid");
	lua_pushstring(c->L, t ? t->comm : "?");
	lua_setfield(c->L, -2, "comm");
	lua_pushinteger(c->L, (lua_Integer)addr);
	lua_setfield(c->L, -2, "addr");
	lua_rawseti(c->L, -2, ++c->n);
}

/* flags: the set {head=true, anon=true, ...}; also as one string, "head|anon". */
static void push_flags(lua_State *L, const struct page *p)
{
	char str[256] = "";
	size_t n = 0;

	lua_newtable(L);
	for (int f = 0; f < NR_PAGEFLAGS; f++) {
		if (!PageFlag(p, (enum pageflags)f))
			continue;
		lua_pushboolean(L, 1);
		lua_setfield(L, -2, pageflag_name((enum pageflags)f));
		n += (size_t)snprintf(str + n, sizeof str - n, "%s%s", n ? "|" : "",
				      pageflag_name((enum pageflags)f));
	}
	lua_setfield(L, -2, "flags");
	lua_pushstring(L, str);
	lua_setfield(L, -2, "flags_str");
}

/* vm.page(pfn) -> {pfn=, flags=, count=, mapcount=, zone=, node=, mappers={...}} */
static int l_page(lua_State *L)
{
	struct machine *m = l_machine_ro(L);
	lua_Integer pfn = luaL_checkinteger(L, 1);
	struct mappers c = { .L = L };
	const struct page *p;
	const struct zone *z;

	if (pfn < 0)
		return luaL_error(L, "page: pfn %I is negative", pfn);
	if (!pfn_valid(m, (unsigned long)pfn))
		return l_errorf(L, "page: pfn 0x%llx is beyond the end of RAM (max_pfn 0x%lx)",
				  (unsigned long long)pfn, m->max_pfn);
	p = pfn_to_page(m, (unsigned long)pfn);
	z = pfn_zone(m, (unsigned long)pfn);
	lua_createtable(L, 0, 10);
	set_int(L, "pfn", pfn);
	push_flags(L, p);
	set_int(L, "count", p->_refcount);
	set_int(L, "mapcount", page_mapcount(p));
	lua_pushstring(L, zone_name(z->type));
	lua_setfield(L, -2, "zone");
	set_int(L, "node", z->zone_pgdat->node_id);
	if (PageFlag(p, PG_head) || PageFlag(p, PG_buddy))
		set_int(L, "order", p->private);
	lua_newtable(L);
	if ((unsigned long)pfn != m->zero_pfn && p->_mapcount >= 0 && !PageFlag(p, PG_slab))
		rmap_walk(m, (unsigned long)pfn, add_mapper, &c);
	lua_setfield(L, -2, "mappers");
	return 1;
}

/* slab ------------------------------------------------------------------ */

struct l_cache {
	unsigned long gen;
	uint32_t id;
	char name[KMEM_CACHE_NAME_LEN];
};

static void push_cache(lua_State *L, const struct kmem_cache *s)
{
	struct l_cache *c = lua_newuserdatauv(L, sizeof *c, 0);

	c->gen = l_st(L)->gen;
	c->id = s->id;
	snprintf(c->name, sizeof c->name, "%s", s->name);
	luaL_setmetatable(L, L_CACHE_MT);
}

static struct kmem_cache *check_cache(lua_State *L, int idx)
{
	struct l_cache *c = luaL_checkudata(L, idx, L_CACHE_MT);
	struct machine *m = l_machine(L);
	struct kmem_cache *s;

	if (c->gen != l_st(L)->gen)
		luaL_error(L, "cache %s belonged to a machine that has been replaced", c->name);
	s = kmem_cache_by_id(m, c->id);
	if (!s)
		luaL_error(L, "cache %s has been destroyed", c->name);
	return s;
}

/* The shell's refusal for the model's own caches. */
static void refuse_internal(lua_State *L, const struct kmem_cache *s, const char *name)
{
	if (s->internal)
		luaL_error(L, "%s: %s holds the model's own process structures: fork and exec "
			   "allocate them and exit frees them, not scripts", name, s->name);
}

/* vm.kmalloc(size [, gfp]): the address (ZERO_SIZE_PTR for 0). */
static int l_kmalloc(lua_State *L)
{
	struct machine *m = l_machine(L);
	uint64_t size = l_size(L, 1, "kmalloc", "size");
	gfp_t gfp = l_gfp(L, 2, GFP_KERNEL, "kmalloc");
	unsigned long addr = __kmalloc(m, (unsigned long)size, gfp, "l_kmalloc");

	if (IS_ERR_VALUE(addr))
		return l_mm_error(L, "kmalloc");
	lua_pushinteger(L, (lua_Integer)addr);
	return 1;
}

/* vm.kfree(addr) */
static int l_kfree(lua_State *L)
{
	struct machine *m = l_machine(L);
	unsigned long addr = (unsigned long)luaL_checkinteger(L, 1);
	const struct kmem_cache *s = virt_to_cache(m, addr);

	if (s)
		refuse_internal(L, s, "kfree");
	if (__kfree(m, addr, "l_kfree") < 0)
		return l_mm_error(L, "kfree");
	return 0;
}

/* flags= as SLAB_* bits, or names joined by '|': "SLAB_HWCACHE_ALIGN|SLAB_ACCOUNT". */
static unsigned slab_flags(lua_State *L, int idx)
{
	static const struct {
		const char *name;
		unsigned flag;
	} names[] = {
		{ "SLAB_HWCACHE_ALIGN", SLAB_HWCACHE_ALIGN },
		{ "SLAB_RECLAIM_ACCOUNT", SLAB_RECLAIM_ACCOUNT },
		{ "SLAB_TYPESAFE_BY_RCU", SLAB_TYPESAFE_BY_RCU },
		{ "SLAB_ACCOUNT", SLAB_ACCOUNT },
	};
	const char *s;
	unsigned flags = 0;

	if (lua_isnoneornil(L, idx))
		return 0;
	if (lua_isinteger(L, idx))
		return (unsigned)lua_tointeger(L, idx);
	for (s = luaL_checkstring(L, idx); *s; s += *s == '|') {
		size_t n = strcspn(s, "|"), i = 0;

		while (i < 4 && !(strlen(names[i].name) == n && strncmp(names[i].name, s, n) == 0))
			i++;
		if (i == 4)
			luaL_error(L, "kmem_cache_create: unknown flag '%s' (SLAB_HWCACHE_ALIGN, "
				   "SLAB_RECLAIM_ACCOUNT, SLAB_TYPESAFE_BY_RCU, SLAB_ACCOUNT)",
				   lua_pushlstring(L, s, n));
		flags |= names[i].flag;
		s += n;
	}
	return flags;
}

/* vm.kmem_cache_create(name, size [, {align=, flags=}]): a cache handle. */
static int l_kmem_cache_create(lua_State *L)
{
	struct machine *m = l_machine(L);
	const char *name = luaL_checkstring(L, 1);
	uint64_t size = l_size(L, 2, "kmem_cache_create", "size"), align = 0;
	unsigned flags = 0;
	struct kmem_cache *s;

	if (!lua_isnoneornil(L, 3)) {
		luaL_checktype(L, 3, LUA_TTABLE);
		l_check_keys(L, 3, "align,flags", "kmem_cache_create");
		if (lua_getfield(L, 3, "align") != LUA_TNIL)
			align = l_size(L, -1, "kmem_cache_create", "align");
		lua_getfield(L, 3, "flags");
		flags = slab_flags(L, lua_gettop(L));
	}
	if (size > KMALLOC_MAX_SIZE || align > PAGE_SIZE)
		return luaL_error(L, "kmem_cache_create: %s is too large (SIZE at most %d, align "
				  "at most %d)", size > KMALLOC_MAX_SIZE ? "SIZE" : "align",
				  (int)KMALLOC_MAX_SIZE, (int)PAGE_SIZE);
	s = kmem_cache_create(m, name, (unsigned)size, (unsigned)align, flags);
	if (!s)
		return l_mm_error(L, "kmem_cache_create");
	push_cache(L, s);
	return 1;
}

/* vm.kmem_cache(name): a handle to an existing cache. */
static int l_kmem_cache(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	struct kmem_cache *s = kmem_cache_find(l_machine(L), name);

	if (!s)
		return luaL_error(L, "kmem_cache: no cache named '%s' (see vm.slabinfo())", name);
	push_cache(L, s);
	return 1;
}

/* c:alloc([gfp]): an object's address. */
static int c_alloc(lua_State *L)
{
	struct kmem_cache *s = check_cache(L, 1);
	gfp_t gfp = l_gfp(L, 2, GFP_KERNEL, "kmem_cache_alloc");
	unsigned long addr;

	refuse_internal(L, s, "kmem_cache_alloc");
	addr = __kmem_cache_alloc(l_st(L)->sh->m, s, gfp, "l_kmem_cache_alloc");
	if (IS_ERR_VALUE(addr))
		return l_mm_error(L, "kmem_cache_alloc");
	lua_pushinteger(L, (lua_Integer)addr);
	return 1;
}

/* c:free(addr) */
static int c_free(lua_State *L)
{
	struct kmem_cache *s = check_cache(L, 1);
	unsigned long addr = (unsigned long)luaL_checkinteger(L, 2);

	refuse_internal(L, s, "kmem_cache_free");
	if (__kmem_cache_free(l_st(L)->sh->m, s, addr, "l_kmem_cache_free") < 0)
		return l_mm_error(L, "kmem_cache_free");
	return 0;
}

/* c:shrink(): the number of empty slabs freed. */
static int c_shrink(lua_State *L)
{
	struct kmem_cache *s = check_cache(L, 1);

	lua_pushinteger(L, (lua_Integer)kmem_cache_shrink(l_st(L)->sh->m, s));
	return 1;
}

/* c:destroy(): fails while objects are allocated. */
static int c_destroy(lua_State *L)
{
	struct kmem_cache *s = check_cache(L, 1);

	if (kmem_cache_destroy(l_st(L)->sh->m, s, "l_kmem_cache_destroy") < 0)
		return l_mm_error(L, "kmem_cache_destroy");
	return 0;
}

/* c:info(): the cache's /proc/slabinfo figures. */
static int c_info(lua_State *L)
{
	struct kmem_cache *s = check_cache(L, 1);
	struct slabinfo si;

	get_slabinfo(l_st(L)->sh->m, s, &si);
	lua_createtable(L, 0, 8);
	lua_pushstring(L, s->name);
	lua_setfield(L, -2, "name");
	set_int(L, "active_objs", (lua_Integer)si.active_objs);
	set_int(L, "num_objs", (lua_Integer)si.num_objs);
	set_int(L, "objsize", s->size);
	set_int(L, "objperslab", si.objects_per_slab);
	set_int(L, "pagesperslab", 1 << si.cache_order);
	set_int(L, "active_slabs", (lua_Integer)si.active_slabs);
	set_int(L, "num_slabs", (lua_Integer)si.num_slabs);
	return 1;
}

static const luaL_Reg cache_methods[] = {
	{ "alloc", c_alloc },
	{ "free", c_free },
	{ "shrink", c_shrink },
	{ "destroy", c_destroy },
	{ "info", c_info },
	{ NULL, NULL }
};

/* c.name, c.size, c.object_size, c.align, c.objects, c.order, and the methods. */
static int cache_index(lua_State *L)
{
	const char *key = luaL_checkstring(L, 2);
	const struct kmem_cache *s;

	luaL_getmetatable(L, L_CACHE_MT);
	lua_getfield(L, -1, "methods");
	if (lua_getfield(L, -1, key) != LUA_TNIL)
		return 1;
	s = check_cache(L, 1);
	if (strcmp(key, "name") == 0)
		lua_pushstring(L, s->name);
	else if (strcmp(key, "size") == 0)
		lua_pushinteger(L, s->size);
	else if (strcmp(key, "object_size") == 0)
		lua_pushinteger(L, s->object_size);
	else if (strcmp(key, "align") == 0)
		lua_pushinteger(L, s->align);
	else if (strcmp(key, "objects") == 0)
		lua_pushinteger(L, s->objects);
	else if (strcmp(key, "order") == 0)
		lua_pushinteger(L, s->order);
	else
		return luaL_error(L, "a kmem_cache has no field '%s'", key);
	return 1;
}

static int cache_tostring(lua_State *L)
{
	struct l_cache *c = luaL_checkudata(L, 1, L_CACHE_MT);

	lua_pushfstring(L, "kmem_cache %s", c->name);
	return 1;
}

/* files ----------------------------------------------------------------- */

/* vm.file(name, size): a zero-filled simulated file to map. */
static int l_file(lua_State *L)
{
	struct machine *m = l_machine(L);
	const char *name = luaL_checkstring(L, 1);
	uint64_t size = l_size(L, 2, "file", "size");
	struct sim_file *f;

	if (size == 0)
		return luaL_error(L, "file: size must not be 0");
	f = file_create(m, name, (unsigned long)size);
	if (!f)
		return l_mm_error(L, "file");
	lua_createtable(L, 0, 4);
	lua_pushstring(L, f->name);
	lua_setfield(L, -2, "name");
	set_int(L, "size", (lua_Integer)f->size);
	set_int(L, "pages", (lua_Integer)f->nr_pages);
	set_int(L, "ino", (lua_Integer)f->ino);
	return 1;
}

/* vm.files(): every file with its page cache, as `files` lists them. */
static int l_files(lua_State *L)
{
	struct machine *m = l_machine(L);
	int n = 0;

	lua_newtable(L);
	for (const struct sim_file *f = m->files->head; f; f = f->next) {
		if (f->hidden)
			continue;
		lua_createtable(L, 0, 7);
		lua_pushstring(L, f->name);
		lua_setfield(L, -2, "name");
		set_int(L, "ino", (lua_Integer)f->ino);
		set_int(L, "size", (lua_Integer)f->size);
		set_int(L, "pages", (lua_Integer)f->nr_pages);
		set_int(L, "cached", (lua_Integer)f->nr_cached);
		set_int(L, "dirty", (lua_Integer)f->nr_dirty);
		set_int(L, "maps", f->nr_mmaps);
		lua_rawseti(L, -2, ++n);
	}
	return 1;
}

static const luaL_Reg mem_funcs[] = {
	{ "alloc_pages", l_alloc_pages },
	{ "free_pages", l_free_pages },
	{ "page", l_page },
	{ "kmalloc", l_kmalloc },
	{ "kfree", l_kfree },
	{ "kmem_cache_create", l_kmem_cache_create },
	{ "kmem_cache", l_kmem_cache },
	{ "file", l_file },
	{ "files", l_files },
	{ NULL, NULL }
};

void l_open_mem(lua_State *L)
{
	luaL_newmetatable(L, L_CACHE_MT);
	lua_pushcfunction(L, cache_index);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, cache_tostring);
	lua_setfield(L, -2, "__tostring");
	luaL_newlib(L, cache_methods);
	lua_setfield(L, -2, "methods");
	lua_pop(L, 1);
	luaL_setfuncs(L, mem_funcs, 0);
}
