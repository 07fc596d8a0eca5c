/*
 * l_proc.c - processes as Lua objects.
 *
 *   local p = vm.exec("app", {libs = "libc"})   -- pid 1 (app), now current
 *   local a = p:malloc(10000)                   -- 0x0804b008
 *   p:touch(a, 10000, "w")                      -- {pages=3, minor=3, major=0}
 *   local c = p:fork()                          -- pid 2, pages shared CoW
 *   c:write(a, 42); print(p:read(a), c:read(a)) -- 0  42
 *   c:kill()                                    -- c is gone; c.pid raises
 *
 * A handle is a full userdata holding a pid and the generation of the
 * machine it was made on, never a pointer: every use looks the task up
 * again, so a handle to a process that exited, or to one of a machine
 * since replaced, raises a clear error instead of reaching freed memory.
 *
 * Methods that go through the MMU (touch, read, write) run the process:
 * if it is not the current one of any CPU it is switched to first, as
 * vm.switch(p) would (the TLB is flushed as on any context switch); if
 * another CPU runs it, the access is made on that CPU.  The system calls
 * (malloc, mmap, mprotect, ...) work on the process's mm directly.
 */
#include <errno.h>
#include <string.h>
#include <lauxlib.h>
#include "lua/l_internal.h"
#include "mm/filemap.h"
#include "mm/machine.h"
#include "mm/malloc.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "mm/pgtable.h"
#include "mm/sched.h"
#include "shell/shell.h"

struct l_process {
	unsigned long gen;
	int pid;
	char comm[TASK_COMM_LEN];
};

void l_push_process(lua_State *L, int pid)
{
	struct l_state *st = l_st(L);
	struct l_process *p = lua_newuserdatauv(L, sizeof *p, 0);
	struct task_struct *t = find_task(st->sh->m, pid);

	p->gen = st->gen;
	p->pid = pid;
	snprintf(p->comm, sizeof p->comm, "%s", t ? t->comm : "?");
	luaL_setmetatable(L, L_PROCESS_MT);
}

/*
 * The task behind the handle at idx.  Raises if the process exited or
 * belongs to a machine that has been replaced.  ro: see l_machine_ro().
 */
static struct task_struct *check_task(lua_State *L, int idx, bool ro)
{
	struct l_process *p = luaL_checkudata(L, idx, L_PROCESS_MT);
	struct machine *m = ro ? l_machine_ro(L) : l_machine(L);
	struct task_struct *t;

	if (p->gen != l_st(L)->gen)
		luaL_error(L, "pid %d (%s) belonged to a machine that has been replaced", p->pid,
			   p->comm);
	t = find_task(m, p->pid);
	if (!t)
		luaL_error(L, "pid %d (%s) has exited", p->pid, p->comm);
	return t;
}

struct task_struct *l_task(lua_State *L, int idx)
{
	return check_task(L, idx, false);
}

/* vm.exec(name [, {text=, data=, bss=, stack=, libs=, pie=, layout=}]) */
static int l_exec(lua_State *L)
{
	const char *name = luaL_checkstring(L, 1);
	struct machine *m = l_machine(L);
	struct exec_opts o = { 0 };
	const char *layout = NULL;
	unsigned long *sizes[] = { &o.text, &o.data, &o.bss, &o.stack };
	const char *keys[] = { "text", "data", "bss", "stack" };
	int pid;

	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TTABLE);
		l_check_keys(L, 2, "text,data,bss,stack,libs,pie,layout", "exec");
		for (int i = 0; i < 4; i++) {
			if (lua_getfield(L, 2, keys[i]) != LUA_TNIL)
				*sizes[i] = (unsigned long)l_size(L, -1, "exec", keys[i]);
			lua_pop(L, 1);
		}
		if (lua_getfield(L, 2, "libs") == LUA_TTABLE) {
			lua_getglobal(L, "table");
			lua_getfield(L, -1, "concat");
			lua_pushvalue(L, -3);
			lua_pushliteral(L, ",");
			lua_call(L, 2, 1);
			lua_replace(L, -3);
			lua_pop(L, 1);
		}
		o.libs = lua_tostring(L, -1);	/* stays on the stack until we return */
		lua_getfield(L, 2, "pie");
		o.pie = lua_toboolean(L, -1);
		lua_getfield(L, 2, "layout");
		layout = lua_tostring(L, -1);
		if (layout && strcmp(layout, "legacy") != 0 && strcmp(layout, "topdown") != 0)
			return luaL_error(L, "exec: layout: expected topdown or legacy, not '%s'",
					  layout);
		o.legacy = layout && strcmp(layout, "legacy") == 0;
	}
	pid = do_execve(m, name, &o);
	if (pid < 0)
		return l_mm_error(L, "exec");
	l_push_process(L, pid);
	return 1;
}

/* vm.process(pid): a handle to an existing process. */
static int l_process(lua_State *L)
{
	lua_Integer pid = luaL_checkinteger(L, 1);
	struct machine *m = l_machine(L);

	if (pid <= 0 || pid > 0x7fffffff || !find_task(m, (int)pid))
		return luaL_error(L, "process: no process with pid %I (see vm.ps())", pid);
	l_push_process(L, (int)pid);
	return 1;
}

/* vm.current(): the process the current CPU runs, or nil. */
static int l_current(lua_State *L)
{
	struct machine *m = l_machine(L);
	struct task_struct *t = current_task(m);

	if (!t)
		return 0;
	l_push_process(L, t->pid);
	return 1;
}

/* Makes t the current CPU's process, as `switch` does.  Raises like it. */
static void switch_or_raise(lua_State *L, struct machine *m, struct task_struct *t)
{
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		if (m->current[cpu] == t && cpu != m->cpu)
			luaL_error(L, "switch: pid %d runs on cpu %d", t->pid, cpu);
	switch_to(m, t);
}

/* vm.switch(p): context switch to p on the current CPU. */
static int l_switch(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);

	switch_or_raise(L, l_st(L)->sh->m, t);
	return 0;
}

/*
 * The CPU t runs on, switching to it on the current CPU if none runs it.
 * m->cpu is set to that CPU; the caller puts *saved back.
 */
static void run_task(struct machine *m, struct task_struct *t, int *saved)
{
	*saved = m->cpu;
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		if (m->current[cpu] == t) {
			m->cpu = cpu;
			return;
		}
	switch_to(m, t);
}

/*
 * A failed access, as an error saying why (the kernel's segfault line of a
 * fatal fault is in vm.dmesg(), as in the shell's dmesg).
 */
static int access_failed(lua_State *L, const char *name, int err, const struct fault_info *fi)
{
	(void)err, (void)fi;
	return l_mm_error(L, name);
}

static int access_type(lua_State *L, const char *s)
{
	if (strcmp(s, "r") == 0)
		return ACCESS_READ;
	if (strcmp(s, "w") == 0)
		return ACCESS_WRITE;
	if (strcmp(s, "x") == 0)
		return ACCESS_EXEC;
	return luaL_error(L, "touch: access must be r, w or x, not '%s'", s);
}

/* p:touch(addr [, size] [, "r"|"w"|"x"]) -> {pages=, minor=, major=} */
static int p_touch(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);
	struct machine *m = l_st(L)->sh->m;
	unsigned long addr = l_addr(L, 2, "touch"), len = 1, pages, minflt, majflt, pfn;
	int type = ACCESS_READ, saved, err = 0, pid = t->pid;
	struct fault_info fi;

	if (lua_type(L, 3) == LUA_TSTRING && lua_isnoneornil(L, 4) &&
	    strlen(lua_tostring(L, 3)) == 1 && strchr("rwx", lua_tostring(L, 3)[0]))
		type = access_type(L, lua_tostring(L, 3));	/* p:touch(a, "w") */
	else {
		if (!lua_isnoneornil(L, 3))
			len = (unsigned long)l_size(L, 3, "touch", "size");
		if (!lua_isnoneornil(L, 4))
			type = access_type(L, luaL_checkstring(L, 4));
	}
	if (len == 0)
		return luaL_error(L, "touch: size must not be 0");
	if (addr + len < addr)
		return l_errorf(L, "touch: 0x%llx+0x%llx wraps around", (unsigned long long)addr,
				  (unsigned long long)len);
	minflt = t->min_flt;
	majflt = t->maj_flt;
	pages = ((addr + len - 1) >> PAGE_SHIFT) - (addr >> PAGE_SHIFT) + 1;
	run_task(m, t, &saved);
	for (unsigned long i = 0; i < pages && !err; i++)
		err = user_access(m, i ? ((addr >> PAGE_SHIFT) + i) << PAGE_SHIFT : addr,
				  (enum access_type)type, &pfn, &fi);
	m->cpu = saved;
	l_console(L);		/* an OOM kill on the way */
	if (err < 0)
		return access_failed(L, "touch", err, &fi);
	t = find_task(m, pid);
	lua_createtable(L, 0, 3);
	lua_pushinteger(L, (lua_Integer)pages);
	lua_setfield(L, -2, "pages");
	lua_pushinteger(L, (lua_Integer)(t->min_flt - minflt));
	lua_setfield(L, -2, "minor");
	lua_pushinteger(L, (lua_Integer)(t->maj_flt - majflt));
	lua_setfield(L, -2, "major");
	return 1;
}

static unsigned long aligned_addr(lua_State *L, int idx, const char *name)
{
	unsigned long a = l_addr(L, idx, name);

	if (a & 7)
		l_errorf(L, "%s: 0x%llx is not 8-byte aligned (values are 64-bit)", name,
			   (unsigned long long)a);
	return a;
}

/* p:write(addr, value): a 64-bit store by the process. */
static int p_write(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);
	struct machine *m = l_st(L)->sh->m;
	unsigned long addr = aligned_addr(L, 2, "write");
	uint64_t v = (uint64_t)luaL_checkinteger(L, 3);
	struct fault_info fi;
	int saved, err;

	run_task(m, t, &saved);
	err = user_write64(m, addr, v, &fi);
	m->cpu = saved;
	l_console(L);
	return err < 0 ? access_failed(L, "write", err, &fi) : 0;
}

/* p:read(addr): the 64-bit value at addr. */
static int p_read(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);
	struct machine *m = l_st(L)->sh->m;
	unsigned long addr = aligned_addr(L, 2, "read");
	struct fault_info fi;
	uint64_t v;
	int saved, err;

	run_task(m, t, &saved);
	err = user_read64(m, addr, &v, &fi);
	m->cpu = saved;
	l_console(L);
	if (err < 0)
		return access_failed(L, "read", err, &fi);
	lua_pushinteger(L, (lua_Integer)v);
	return 1;
}

/* p:malloc(n): glibc's malloc in the process; the address. */
static int p_malloc(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);
	uint64_t size = l_size(L, 2, "malloc", "size");
	struct malloc_result r;

	if (user_malloc(l_st(L)->sh->m, t->mm, (unsigned long)size, &r) < 0)
		return l_mm_error(L, "malloc");
	lua_pushinteger(L, (lua_Integer)r.ptr);
	return 1;
}

/* p:free(addr): free(); free(0) does nothing. */
static int p_free(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);
	unsigned long addr = l_addr(L, 2, "free");
	struct malloc_result r;

	if (addr && user_free(l_st(L)->sh->m, t->mm, addr, &r) < 0)
		return l_mm_error(L, "free");
	return 0;
}

/* flags = "private" | "shared", plus "anonymous", "fixed", joined by ',' or '|'; or a list. */
static unsigned mmap_flags(lua_State *L, int idx)
{
	unsigned flags = 0;
	const char *s;
	char buf[128], *save = NULL;

	if (lua_isinteger(L, idx))
		return (unsigned)lua_tointeger(L, idx);
	if (lua_istable(L, idx)) {
		lua_getglobal(L, "table");
		lua_getfield(L, -1, "concat");
		lua_pushvalue(L, idx);
		lua_pushliteral(L, ",");
		lua_call(L, 2, 1);
		lua_replace(L, idx);
		lua_pop(L, 1);
	}
	s = luaL_checkstring(L, idx);
	snprintf(buf, sizeof buf, "%s", s);
	for (char *w = strtok_r(buf, ",| ", &save); w; w = strtok_r(NULL, ",| ", &save)) {
		if (strcmp(w, "private") == 0)
			flags |= MAP_PRIVATE;
		else if (strcmp(w, "shared") == 0)
			flags |= MAP_SHARED;
		else if (strcmp(w, "anonymous") == 0 || strcmp(w, "anon") == 0)
			flags |= MAP_ANONYMOUS;
		else if (strcmp(w, "fixed") == 0)
			flags |= MAP_FIXED;
		else
			luaL_error(L, "mmap: unknown mmap flag '%s' (private, shared, anonymous, "
				   "fixed)", w);
	}
	return flags;
}

/* p:mmap{size=, prot=, flags=, file=, offset=, addr=}: the address. */
static int p_mmap(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);
	struct machine *m = l_st(L)->sh->m;
	unsigned long addr = 0, len, pgoff = 0;
	unsigned prot = PROT_READ | PROT_WRITE, flags = 0;
	struct sim_file *f = NULL;
	uint64_t off = 0;
	long r;

	luaL_checktype(L, 2, LUA_TTABLE);
	l_check_keys(L, 2, "size,prot,flags,file,offset,addr", "mmap");
	if (lua_getfield(L, 2, "size") == LUA_TNIL)
		return luaL_error(L, "mmap: size= is needed");
	len = (unsigned long)l_size(L, -1, "mmap", "size");
	if (len == 0)
		return luaL_error(L, "mmap: size must not be 0");
	if (lua_getfield(L, 2, "prot") != LUA_TNIL)
		prot = l_prot(L, -1, "mmap");
	if (lua_getfield(L, 2, "flags") != LUA_TNIL)
		flags = mmap_flags(L, lua_gettop(L));
	if (lua_getfield(L, 2, "addr") != LUA_TNIL)
		addr = l_addr(L, -1, "mmap");
	if (lua_getfield(L, 2, "offset") != LUA_TNIL)
		off = l_size(L, -1, "mmap", "offset");
	if (off & ~PAGE_MASK)
		return l_errorf(L, "mmap: offset: 0x%llx is not a multiple of the page size",
				  (unsigned long long)off);
	pgoff = (unsigned long)(off >> PAGE_SHIFT);
	if (lua_getfield(L, 2, "file") != LUA_TNIL) {
		const char *name = luaL_checkstring(L, -1);

		f = file_find(m, name);
		if (!f)
			return luaL_error(L, "mmap: file: %s: No such file (see files)", name);
		if (flags & MAP_ANONYMOUS)
			return luaL_error(L, "mmap: flags: anonymous and file= exclude each other");
	}
	if (!(flags & (MAP_SHARED | MAP_PRIVATE)))
		flags |= MAP_PRIVATE;
	if (!f)
		flags |= MAP_ANONYMOUS;
	r = do_mmap(m, t->mm, addr, len, prot, flags, f, pgoff);
	if (r < 0)
		return l_mm_error(L, "mmap");
	lua_pushinteger(L, (lua_Integer)r);
	return 1;
}

/* p:munmap(addr, size) */
static int p_munmap(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);
	unsigned long addr = l_addr(L, 2, "munmap");
	unsigned long len = (unsigned long)l_size(L, 3, "munmap", "size");

	if (len == 0)
		return luaL_error(L, "munmap: size must not be 0");
	if (do_munmap(l_st(L)->sh->m, t->mm, addr, len) < 0)
		return l_mm_error(L, "munmap");
	return 0;
}

/* p:mprotect(addr, size, prot) */
static int p_mprotect(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);
	unsigned long addr = l_addr(L, 2, "mprotect");
	unsigned long len = (unsigned long)l_size(L, 3, "mprotect", "size");
	unsigned prot = l_prot(L, 4, "mprotect");

	if (len == 0)
		return luaL_error(L, "mprotect: size must not be 0");
	if (do_mprotect(l_st(L)->sh->m, t->mm, addr, len, prot) < 0)
		return l_mm_error(L, "mprotect");
	return 0;
}

/* p:brk([addr]): the program break, after moving it to addr if given. */
static int p_brk(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);
	unsigned long addr = lua_isnoneornil(L, 2) ? 0 : l_addr(L, 2, "brk");
	long brk = do_brk(l_st(L)->sh->m, t->mm, addr);

	if (brk < 0)
		return l_mm_error(L, "brk");
	lua_pushinteger(L, brk);
	return 1;
}

/* p:vtop(addr) -> {levels={{name=, index=, entry=, table=}, ...}, present=, phys=, pfn=} */
static int p_vtop(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);
	struct machine *m = l_st(L)->sh->m;
	unsigned long addr = l_addr(L, 2, "vtop");
	struct pt_walk w;

	pt_walk(m, t->mm->pgd, addr, &w);
	lua_createtable(L, 0, 6);
	lua_createtable(L, w.nr, 0);
	for (int i = 0; i < w.nr; i++) {
		lua_createtable(L, 0, 4);
		lua_pushstring(L, pt_level_name(w.step[i].level));
		lua_setfield(L, -2, "name");
		lua_pushinteger(L, w.step[i].idx);
		lua_setfield(L, -2, "index");
		lua_pushinteger(L, (lua_Integer)w.step[i].entry);
		lua_setfield(L, -2, "entry");
		lua_pushinteger(L, (lua_Integer)(w.step[i].table_pfn << PAGE_SHIFT));
		lua_setfield(L, -2, "table");
		lua_rawseti(L, -2, i + 1);
	}
	lua_setfield(L, -2, "levels");
	lua_pushboolean(L, w.mapped);
	lua_setfield(L, -2, "present");
	if (w.mapped) {
		lua_pushinteger(L, (lua_Integer)((w.pfn << PAGE_SHIFT) | (addr & ~PAGE_MASK)));
		lua_setfield(L, -2, "phys");
		lua_pushinteger(L, (lua_Integer)w.pfn);
		lua_setfield(L, -2, "pfn");
		lua_pushinteger(L, (lua_Integer)w.page_size);
		lua_setfield(L, -2, "page_size");
	}
	return 1;
}

static void push_perms(lua_State *L, unsigned long flags)
{
	char perms[5];

	lua_pushstring(L, vm_flags_perms(flags, perms));
}

/* p:maps() -> a list of {start=, finish=, perms=, offset=, name=}, as /proc/PID/maps. */
static int p_maps(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);
	int n = 0;

	lua_newtable(L);
	for (const struct vm_area_struct *v = t->mm->mmap; v; v = v->vm_next) {
		lua_createtable(L, 0, 5);
		lua_pushinteger(L, (lua_Integer)v->vm_start);
		lua_setfield(L, -2, "start");
		lua_pushinteger(L, (lua_Integer)v->vm_end);
		lua_setfield(L, -2, "finish");
		push_perms(L, v->vm_flags);
		lua_setfield(L, -2, "perms");
		lua_pushinteger(L, v->vm_file ? (lua_Integer)v->vm_pgoff << PAGE_SHIFT : 0);
		lua_setfield(L, -2, "offset");
		lua_pushstring(L, vma_name(v));
		lua_setfield(L, -2, "name");
		lua_rawseti(L, -2, ++n);
	}
	return 1;
}

/* p:fork(): the child's handle; the parent stays current. */
static int p_fork(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);
	int pid = do_fork(l_st(L)->sh->m, t);

	if (pid < 0)
		return l_mm_error(L, "fork");
	l_push_process(L, pid);
	return 1;
}

/* p:kill(): the process exits; every frame and table goes back. */
static int p_kill(lua_State *L)
{
	struct task_struct *t = check_task(L, 1, false);

	do_exit(l_st(L)->sh->m, t);
	return 0;
}

static const luaL_Reg process_methods[] = {
	{ "touch", p_touch },
	{ "write", p_write },
	{ "read", p_read },
	{ "malloc", p_malloc },
	{ "free", p_free },
	{ "mmap", p_mmap },
	{ "munmap", p_munmap },
	{ "mprotect", p_mprotect },
	{ "brk", p_brk },
	{ "vtop", p_vtop },
	{ "maps", p_maps },
	{ "fork", p_fork },
	{ "kill", p_kill },
	{ NULL, NULL }
};

/* Pushes a field of the task; false if key is not a field. */
static bool push_field(lua_State *L, const struct task_struct *t, const char *key)
{
	const struct machine *m = l_st(L)->sh->m;

	if (strcmp(key, "pid") == 0)
		lua_pushinteger(L, t->pid);
	else if (strcmp(key, "ppid") == 0)
		lua_pushinteger(L, t->ppid);
	else if (strcmp(key, "comm") == 0)
		lua_pushstring(L, t->comm);
	else if (strcmp(key, "rss") == 0)
		lua_pushinteger(L, (lua_Integer)(get_mm_rss(t->mm) << (PAGE_SHIFT - 10)));
	else if (strcmp(key, "vsz") == 0)
		lua_pushinteger(L, (lua_Integer)(t->mm->total_vm << (PAGE_SHIFT - 10)));
	else if (strcmp(key, "min_flt") == 0)
		lua_pushinteger(L, (lua_Integer)t->min_flt);
	else if (strcmp(key, "maj_flt") == 0)
		lua_pushinteger(L, (lua_Integer)t->maj_flt);
	else if (strcmp(key, "pgd") == 0)
		lua_pushinteger(L, (lua_Integer)t->mm->pgd);
	else if (strcmp(key, "brk") == 0)
		lua_pushinteger(L, (lua_Integer)t->mm->brk);
	else if (strcmp(key, "running") == 0)
		lua_pushboolean(L, m->current[t->cpu] == t);
	else
		return false;
	return true;
}

/* p.pid, p.comm, ... and the methods. */
static int process_index(lua_State *L)
{
	const char *key = luaL_checkstring(L, 2);
	struct task_struct *t;

	luaL_getmetatable(L, L_PROCESS_MT);
	lua_getfield(L, -1, "methods");
	if (lua_getfield(L, -1, key) != LUA_TNIL)
		return 1;
	t = check_task(L, 1, true);
	if (!push_field(L, t, key))
		return luaL_error(L, "a process has no field '%s'", key);
	return 1;
}

static int process_tostring(lua_State *L)
{
	struct l_process *p = luaL_checkudata(L, 1, L_PROCESS_MT);
	struct machine *m = l_st(L)->sh->m;
	bool alive = p->gen == l_st(L)->gen && find_task(m, p->pid);

	lua_pushfstring(L, "pid %d (%s)%s", p->pid, p->comm, alive ? "" : ", exited");
	return 1;
}

static int process_eq(lua_State *L)
{
	struct l_process *a = luaL_checkudata(L, 1, L_PROCESS_MT);
	struct l_process *b = luaL_checkudata(L, 2, L_PROCESS_MT);

	lua_pushboolean(L, a->gen == b->gen && a->pid == b->pid);
	return 1;
}

static const luaL_Reg proc_funcs[] = {
	{ "exec", l_exec },
	{ "process", l_process },
	{ "current", l_current },
	{ "switch", l_switch },
	{ NULL, NULL }
};

void l_open_proc(lua_State *L)
{
	luaL_newmetatable(L, L_PROCESS_MT);
	lua_pushcfunction(L, process_index);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, process_tostring);
	lua_setfield(L, -2, "__tostring");
	lua_pushcfunction(L, process_eq);
	lua_setfield(L, -2, "__eq");
	luaL_newlib(L, process_methods);
	lua_setfield(L, -2, "methods");
	lua_pop(L, 1);
	luaL_setfuncs(L, proc_funcs, 0);
}
