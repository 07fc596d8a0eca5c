/*
 * l_reclaim.c - swap, reclaim, the OOM killer and replay experiments
 * from Lua.
 *
 *   vm.machine{ ram = "64M" }
 *   vm.swapon("16M")                        -- 0: the area's number (its swap type)
 *   local p = vm.exec("app")
 *   local a = p:mmap{ size = "1M" }
 *   p:touch(a, "1M", "w"); p:write(a, 42)
 *   vm.swapout(p, a, "8K")                  -- 2, {swapped=2, reclaimed=2, ...}
 *   p:read(a)                               -- 42: a major fault brings it back
 *   vm.swaps()[1]                           -- {filename="/dev/sda2", type="partition",
 *                                           --  size=16380, used=0, priority=-2, area=0}
 *   vm.reclaim(32)                          -- 32, {scanned=..., swapped=..., ...}
 *   vm.oom_score_adj(p, -1000)              -- {oom_score_adj=-1000, oom_score=0, ...}
 *   vm.replay{ refs = {1,2,3,4,1,2,5,1,2,3,4,5}, frames = {3, 4}, policy = "fifo" }
 *       -- {{policy="fifo", frames=3, references=12, faults=9, hits=3, ...},
 *       --  {policy="fifo", frames=4, references=12, faults=10, hits=2, ...}}
 *
 * Each function calls the core (swapfile.c, vmscan.c, oom_kill.c,
 * replay.c) and raises the core's sentence, "NAME: sentence", as the
 * shell prints it after "error: ".  Lines the kernel logs on the way
 * (swapon's "Adding ...k swap on ...", the OOM killer's report) go to
 * the console, the shell's output, as soon as the call returns, as the
 * shell prints them after a command; vm.dmesg() returns the whole log.
 *
 * vm.swapout takes the shell's forms.  A Lua integer does not say
 * whether it was written in hex, so where the shell tells an address
 * (0x...) from a count by its spelling, vm.swapout(p, x) tells them by
 * size: no page below mmap_min_addr (64K) can be mapped, so an x below
 * it is a count of pages and anything else an address.  (As an address,
 * such an x is never mapped: `swapout 1 0x1000` fails in the shell.)  An
 * address range must be mapped, with the shell's sentences.
 *
 * vm.replay's steps (steps=true) are gathered in C while the core runs,
 * in a box that Lua's collector frees even if an error cuts the call
 * short, and become tables once the core has finished.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "lua/l_internal.h"
#include "mm/machine.h"
#include "mm/mmap.h"
#include "mm/oom_kill.h"
#include "mm/printk.h"
#include "mm/replay.h"
#include "mm/sched.h"
#include "mm/swapfile.h"
#include "mm/vmscan.h"

/* vm.mmap_min_addr, as mm/mmap.c has it: vm.swapout(p, x) with x below it counts pages. */
#define L_SWAPOUT_COUNT_LIMIT	0x10000UL

/* steps=true: at most this many references (the shell's steps=on limit)... */
#define L_REPLAY_STEPS		10000UL
/* ... and this many frame entries kept over all the steps (8 bytes each). */
#define L_REPLAY_CELLS		(1UL << 22)

#define L_REPLAY_BOX_MT		"vmlab.replay_box"

static void set_int(lua_State *L, const char *k, lua_Integer v)
{
	lua_pushinteger(L, v);
	lua_setfield(L, -2, k);
}

/* A value as an error shows it: a number or a string as it is, anything else by its type. */
static const char *shown(lua_State *L, int idx)
{
	if (lua_type(L, idx) == LUA_TNUMBER || lua_type(L, idx) == LUA_TSTRING)
		return lua_pushfstring(L, "'%s'", luaL_tolstring(L, idx, NULL));
	return lua_pushfstring(L, "a %s", luaL_typename(L, idx));
}

/* The kernel's new log lines to the console, then the error if err < 0. */
static void done(lua_State *L, int err, const char *name)
{
	l_console(L);
	if (err < 0)
		l_mm_error(L, name);
}

/* ---- swap areas -------------------------------------------------------------------- */

/* vm.swapon(size [, {prio=, name=}]): a new swap area; returns its number (type). */
static int l_swapon(lua_State *L)
{
	struct machine *m = l_machine(L);
	uint64_t size = l_size(L, 1, "swapon", "size");
	const char *name = NULL;
	int prio = SWAP_PRIO_DEFAULT, type;

	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TTABLE);
		l_check_keys(L, 2, "prio,name", "swapon");
		if (lua_getfield(L, 2, "prio") != LUA_TNIL) {
			lua_Integer p;

			if (!lua_isinteger(L, -1))
				return luaL_error(L, "swapon: prio: an integer is needed, not %s",
						  shown(L, -1));
			p = lua_tointeger(L, -1);
			if (p < 0 || p > SWAP_PRIO_MAX)
				return luaL_error(L, "swapon: prio: %I is out of range (0..%d)", p,
						  SWAP_PRIO_MAX);
			prio = (int)p;
		}
		if (lua_getfield(L, 2, "name") != LUA_TNIL) {
			if (lua_type(L, -1) != LUA_TSTRING)
				return luaL_error(L, "swapon: name: a path is needed, not %s",
						  shown(L, -1));
			name = lua_tostring(L, -1);	/* stays on the stack */
		}
	}
	type = swapon(m, size, prio, name);
	done(L, type, "swapon");
	lua_pushinteger(L, type);
	return 1;
}

/* The area the argument at idx names: its number or its path.  Raises if none. */
static struct swap_info_struct *area_arg(lua_State *L, struct machine *m, int idx)
{
	struct swap_info_struct *si;

	if (lua_isinteger(L, idx)) {
		lua_Integer n = lua_tointeger(L, idx);

		si = n >= 0 && n < MAX_SWAPFILES ? swap_info(m, (unsigned)n) : NULL;
	} else {
		si = swap_info_get(m, luaL_checkstring(L, idx));
	}
	if (!si)
		luaL_error(L, "swapoff: %s is not a swap area (see vm.swaps())",
			   luaL_tolstring(L, idx, NULL));
	return si;
}

/*
 * vm.swapoff([n or path]): brings an area's pages back and removes it;
 * without an argument every area, in turn, stopping at the first that
 * memory cannot take back (that one and the rest stay).  Returns the
 * pages read back.
 */
static int l_swapoff(lua_State *L)
{
	struct machine *m = l_machine(L);
	unsigned long in, total = 0;
	int areas = 0;

	if (!lua_isnoneornil(L, 1)) {
		struct swap_info_struct *si = area_arg(L, m, 1);

		done(L, swapoff(m, si->type, &in), "swapoff");
		lua_pushinteger(L, (lua_Integer)in);
		return 1;
	}
	for (int type = 0; type < MAX_SWAPFILES; type++) {
		if (!swap_info(m, (unsigned)type))
			continue;
		done(L, swapoff(m, type, &in), "swapoff");
		total += in;
		areas++;
	}
	if (!areas)
		return luaL_error(L, "swapoff: there is no swap area");
	lua_pushinteger(L, (lua_Integer)total);
	return 1;
}

/* vm.swaps(): /proc/swaps as a list of {filename=, type=, size=, used=, priority=, area=}. */
static int l_swaps(lua_State *L)
{
	struct machine *m = l_machine(L);
	int n = 0;

	lua_newtable(L);
	for (int type = 0; type < MAX_SWAPFILES; type++) {
		const struct swap_info_struct *si = swap_info(m, (unsigned)type);

		if (!si)
			continue;
		lua_createtable(L, 0, 6);
		lua_pushstring(L, si->name);
		lua_setfield(L, -2, "filename");
		lua_pushstring(L, si->partition ? "partition" : "file");
		lua_setfield(L, -2, "type");
		set_int(L, "size", (lua_Integer)(si->pages << (PAGE_SHIFT - 10)));
		set_int(L, "used", (lua_Integer)(si->inuse_pages << (PAGE_SHIFT - 10)));
		set_int(L, "priority", si->prio);
		set_int(L, "area", si->type);
		lua_rawseti(L, -2, ++n);
	}
	return 1;
}

/* ---- swapout and reclaim --------------------------------------------------------------- */

/* Pushes got and the reclaim_stat as a table: the two results of swapout and reclaim. */
static int push_stat(lua_State *L, unsigned long got, const struct reclaim_stat *st)
{
	lua_pushinteger(L, (lua_Integer)got);
	lua_createtable(L, 0, 10);
	set_int(L, "scanned", (lua_Integer)st->scanned);
	set_int(L, "reclaimed", (lua_Integer)st->reclaimed);
	set_int(L, "swapped", (lua_Integer)st->swapped);
	set_int(L, "swap_clean", (lua_Integer)st->swap_clean);
	set_int(L, "file_dropped", (lua_Integer)st->file_dropped);
	set_int(L, "file_written", (lua_Integer)st->file_written);
	set_int(L, "kept", (lua_Integer)st->kept);
	set_int(L, "activated", (lua_Integer)st->activated);
	set_int(L, "failed", (lua_Integer)st->failed);
	if (st->failed && st->why) {
		lua_pushstring(L, st->why);
		lua_setfield(L, -2, "why");
	}
	return 2;
}

/* A page count at idx: an integer of at least 1; the shell's sentences for N otherwise. */
static unsigned long count_arg(lua_State *L, int idx, const char *fname)
{
	lua_Integer n;

	if (lua_isnone(L, idx))
		luaL_error(L, "%s: a number of pages is needed", fname);
	if (!lua_isinteger(L, idx))
		luaL_error(L, "%s: a number of pages is needed, not %s", fname, shown(L, idx));
	n = lua_tointeger(L, idx);
	if (n < 0)
		luaL_error(L, "%s: N: '%I' is negative", fname, n);
	if (n == 0)
		luaL_error(L, "%s: N: must not be 0", fname);
	return (unsigned long)n;
}

/* swapout N [of t]: N anonymous pages the policy picks. */
static int swapout_n(lua_State *L, struct machine *m, struct task_struct *t, int idx)
{
	struct reclaim_stat st = { 0 };
	unsigned long n = count_arg(L, idx, "swapout"), got;

	if (!lua_isnone(L, idx + 1))
		return luaL_error(L, "swapout: unexpected argument #%d after the number of pages",
				  idx + 1);
	if (!total_swap_pages(m))
		return luaL_error(L, "swapout: there is no swap area (vm.swapon(size) first)");
	got = swapout_pages(m, n, t ? t->mm : NULL, &st);
	done(L, 0, "swapout");
	return push_stat(L, got, &st);
}

/* swapout of [start, end) of t's address space; "all" is the whole of it. */
static int swapout_span(lua_State *L, struct machine *m, struct task_struct *t,
			unsigned long start, unsigned long end)
{
	struct reclaim_stat st = { 0 };

	done(L, swapout_range(m, t->mm, start, end, &st), "swapout");
	return push_stat(L, st.reclaimed, &st);
}

/*
 * swapout(p, addr [, size]): the range must lie in user space and be
 * mapped, with the shell's sentences (madvise(MADV_PAGEOUT) says ENOMEM).
 */
static int swapout_addr(lua_State *L, struct machine *m, struct task_struct *t)
{
	unsigned long addr = l_addr(L, 2, "swapout"), size = 1, end;
	bool sized = !lua_isnoneornil(L, 3);
	int w = m->arch->addr_digits;

	if (sized)
		size = (unsigned long)l_size(L, 3, "swapout", "size");
	if (!lua_isnone(L, 4))
		return luaL_error(L, "swapout: unexpected argument #4 after the size");
	if (size == 0)
		return luaL_error(L, "swapout: size must not be 0");
	if (addr >= t->mm->task_size || size > t->mm->task_size - addr)
		return sized ? l_errorf(L, "swapout: 0x%0*lx+0x%lx is not in user space", w, addr, size)
			     : l_errorf(L, "swapout: 0x%0*lx is not in user space", w, addr);
	end = page_align(addr + size);
	done(L, swapout_range_mapped(m, t->mm, addr & PAGE_MASK, end), "swapout");
	return swapout_span(L, m, t, addr & PAGE_MASK, end);
}

/*
 * vm.swapout(n)                  n pages the policy picks, of any process
 * vm.swapout(p, n)               n pages of p (n below 64K: see the top)
 * vm.swapout(p, addr [, size])   the pages of that range of p
 * vm.swapout([p [, "all"]])      every page of p (or of the current process)
 * Returns the pages freed and a table saying how.
 */
static int l_swapout(lua_State *L)
{
	struct machine *m = l_machine(L);
	struct task_struct *t;

	if (lua_type(L, 1) == LUA_TNUMBER)
		return swapout_n(L, m, NULL, 1);
	if (lua_isnoneornil(L, 1)) {
		if (!lua_isnone(L, 2))
			return luaL_error(L, "swapout: a process or a number of pages is needed first");
		t = current_task(m);
		if (!t)
			return luaL_error(L, "swapout: no process runs on cpu %d (give one)", m->cpu);
	} else {
		t = l_task(L, 1);
	}
	if (lua_isnoneornil(L, 2) ||
	    (lua_type(L, 2) == LUA_TSTRING && strcmp(lua_tostring(L, 2), "all") == 0)) {
		if (!lua_isnone(L, 3))
			return luaL_error(L, "swapout: unexpected argument #3 after \"all\"");
		return swapout_span(L, m, t, 0, t->mm->task_size);
	}
	if (lua_type(L, 2) == LUA_TSTRING)
		return luaL_error(L, "swapout: expected an address, a number of pages or \"all\", "
				  "not '%s'", lua_tostring(L, 2));
	if (lua_isinteger(L, 2) && lua_isnone(L, 3) &&
	    (lua_Unsigned)lua_tointeger(L, 2) < L_SWAPOUT_COUNT_LIMIT)
		return swapout_n(L, m, t, 2);
	return swapout_addr(L, m, t);
}

/* vm.reclaim(n): frees up to n pages as direct reclaim does; the pages freed and how. */
static int l_reclaim(lua_State *L)
{
	struct machine *m = l_machine(L);
	unsigned long n = count_arg(L, 1, "reclaim"), got;
	struct reclaim_stat st = { 0 };

	got = reclaim_pages(m, n, &st);
	done(L, 0, "reclaim");
	return push_stat(L, got, &st);
}

/* vm.policy([name]): sets the live machine's policy if given; returns the current one. */
static int l_policy(lua_State *L)
{
	struct machine *m = l_machine(L);

	if (!lua_isnoneornil(L, 1)) {
		const char *name = luaL_checkstring(L, 1);
		int p = policy_by_name(name);

		if (p < 0)
			return luaL_error(L, "policy: unknown policy '%s' (linux, fifo, lru, clock)",
					  name);
		done(L, set_reclaim_policy(m, (enum reclaim_policy)p), "policy");
	}
	lua_pushstring(L, policy_name(m->reclaim->policy));
	return 1;
}

/* ---- the OOM killer and the log --------------------------------------------------------- */

/*
 * vm.oom_score_adj(p [, n]): sets p's oom_score_adj if n is given;
 * returns {pid=, oom_score_adj=, oom_score=, badness=, totalpages=}, with
 * badness nil for a process the OOM killer never chooses (-1000).
 */
static int l_oom_score_adj(lua_State *L)
{
	struct machine *m = l_machine(L);
	struct task_struct *t = l_task(L, 1);
	long badness;

	if (!lua_isnoneornil(L, 2)) {
		lua_Integer adj = luaL_checkinteger(L, 2);

		if (adj < OOM_SCORE_ADJ_MIN || adj > OOM_SCORE_ADJ_MAX)	/* before it is cut to long */
			return luaL_error(L, "oom_score_adj: %I is out of range (%d..%d)", adj,
					  OOM_SCORE_ADJ_MIN, OOM_SCORE_ADJ_MAX);
		done(L, set_oom_score_adj(m, t, (long)adj), "oom_score_adj");
	}
	badness = oom_badness(m, t, oom_totalpages(m));
	lua_createtable(L, 0, 5);
	set_int(L, "pid", t->pid);
	set_int(L, "oom_score_adj", t->oom_score_adj);
	set_int(L, "oom_score", (lua_Integer)oom_score(m, t));
	if (badness != LONG_MIN)
		set_int(L, "badness", badness);
	set_int(L, "totalpages", (lua_Integer)oom_totalpages(m));
	return 1;
}

/* vm.dmesg(): the kernel log's lines, oldest first. */
static int l_dmesg(lua_State *L)
{
	struct machine *m = l_machine(L);
	int n = 0;

	lua_newtable(L);
	for (unsigned long seq = klog_first(m); seq < klog_next(m); seq++) {
		lua_pushstring(L, klog_line(m, seq));
		lua_rawseti(L, -2, ++n);
	}
	return 1;
}

/* ---- replay: the box that holds the C side -------------------------------------------- */

struct step_rec {
	int sim;
	bool write, hit, evicted, victim_dirty;
	unsigned long t, nframes;
	uint64_t page, victim;
	size_t cell;			/* the first of its frames in box->cells */
};

struct replay_box {
	FILE *f;			/* file= */
	struct step_rec *steps;
	size_t nsteps, cap;
	uint64_t *cells;
	size_t ncells, capcells;
	bool full;			/* more than L_REPLAY_CELLS frame entries */
	bool nomem;
};

static void box_free(struct replay_box *b)
{
	if (b->f)
		fclose(b->f);
	free(b->steps);
	free(b->cells);
	memset(b, 0, sizeof(*b));
}

static int box_gc(lua_State *L)
{
	box_free(luaL_checkudata(L, 1, L_REPLAY_BOX_MT));
	return 0;
}

static struct replay_box *push_box(lua_State *L)
{
	struct replay_box *b = lua_newuserdatauv(L, sizeof(*b), 0);

	memset(b, 0, sizeof(*b));
	if (luaL_newmetatable(L, L_REPLAY_BOX_MT)) {
		lua_pushcfunction(L, box_gc);
		lua_setfield(L, -2, "__gc");
	}
	lua_setmetatable(L, -2);
	return b;
}

/* Room for one more step and its frames; false (and a flag) if there is none. */
static bool box_reserve(struct replay_box *b, unsigned long nframes)
{
	if (b->ncells + nframes > L_REPLAY_CELLS) {
		b->full = true;
		return false;
	}
	if (b->nsteps == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 64;
		struct step_rec *s = realloc(b->steps, cap * sizeof(*s));

		if (!s)
			return !(b->nomem = true);
		b->steps = s;
		b->cap = cap;
	}
	if (b->ncells + nframes > b->capcells) {
		size_t cap = b->capcells ? 2 * b->capcells : 256;
		uint64_t *c;

		while (cap < b->ncells + nframes)
			cap *= 2;
		if (!(c = realloc(b->cells, cap * sizeof(*c))))
			return !(b->nomem = true);
		b->cells = c;
		b->capcells = cap;
	}
	return true;
}

/* The core's step callback: a copy of the access and of the frames after it. */
static void keep_step(void *ctx, const struct replay_step *s)
{
	struct replay_box *b = ctx;
	struct step_rec *r;

	if (b->full || b->nomem || !box_reserve(b, s->nframes))
		return;
	r = &b->steps[b->nsteps++];
	*r = (struct step_rec){ .sim = s->sim, .write = s->write, .hit = s->hit,
				.evicted = s->evicted, .victim_dirty = s->victim_dirty, .t = s->t,
				.nframes = s->nframes, .page = s->page, .victim = s->victim,
				.cell = b->ncells };
	memcpy(b->cells + b->ncells, s->frames, s->nframes * sizeof(*s->frames));
	b->ncells += s->nframes;
}

/* ---- replay: the options ---------------------------------------------------------------- */

static void add_frames(lua_State *L, int idx, struct replay_config *cfg)
{
	lua_Integer n;

	if (!lua_isinteger(L, idx))
		luaL_error(L, "replay: frames: a whole number or a list of them is needed, not %s",
			   shown(L, idx));
	n = lua_tointeger(L, idx);
	if (n < 1 || (lua_Unsigned)n > REPLAY_FRAMES_LIMIT)
		luaL_error(L, "replay: frames: %I is out of range (1..%I)", n,
			   (lua_Integer)REPLAY_FRAMES_LIMIT);
	if (cfg->nr_frames == REPLAY_MAX_FRAMES)
		luaL_error(L, "replay: frames: at most %d counts", REPLAY_MAX_FRAMES);
	cfg->frames[cfg->nr_frames++] = (unsigned long)n;
}

/* One policy name, or several separated by commas ("fifo,lru"). */
static void add_policies(lua_State *L, const char *s, struct replay_config *cfg)
{
	char buf[256], *save = NULL;

	if (strlen(s) >= sizeof(buf))
		luaL_error(L, "replay: policy: '%s' is too long", s);
	memcpy(buf, s, strlen(s) + 1);
	for (char *w = strtok_r(buf, ", ", &save); w; w = strtok_r(NULL, ", ", &save)) {
		int p = policy_by_name(w);

		if (p < 0)
			luaL_error(L, "replay: policy: unknown policy '%s' (fifo, lru, clock, opt, rand, "
				   "lfu, mru, linux)", w);
		if (cfg->nr_policies == REPLAY_MAX_POLICIES)
			luaL_error(L, "replay: policy: at most %d policies", REPLAY_MAX_POLICIES);
		cfg->policy[cfg->nr_policies++] = (enum reclaim_policy)p;
	}
}

/* The field `key` of the options table (at 1): a value, or a list of values, each through fn. */
static void each_value(lua_State *L, const char *key, void (*fn)(lua_State *L, int idx, void *c),
		       void *c)
{
	int t = lua_getfield(L, 1, key), top = lua_gettop(L);

	if (t == LUA_TNIL)
		luaL_error(L, "replay: %s= is missing (usage: vm.replay{refs= or file=, frames=, "
			   "policy=, ...})", key);
	if (t != LUA_TTABLE) {
		fn(L, top, c);
	} else {
		for (int i = 1; lua_rawgeti(L, top, i) != LUA_TNIL; i++) {
			fn(L, top + 1, c);
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
}

static void frames_value(lua_State *L, int idx, void *c)
{
	add_frames(L, idx, c);
}

static void policy_value(lua_State *L, int idx, void *c)
{
	if (lua_type(L, idx) != LUA_TSTRING)
		luaL_error(L, "replay: policy: a name or a list of names is needed, not %s",
			   shown(L, idx));
	add_policies(L, lua_tostring(L, idx), c);
}

/*
 * refs = {1, 2, "3w", ...} as the core's "1,2,3w,..." string, pushed.
 * Numbers are written straight into the buffer (a Lua string each would
 * cost more than the replay itself).
 */
static const char *refs_string(lua_State *L, int idx)
{
	lua_Integer n = luaL_len(L, idx);
	luaL_Buffer b;

	luaL_buffinit(L, &b);
	for (lua_Integer i = 1; i <= n; i++) {
		char word[32], *w = word + sizeof(word);
		int t = lua_rawgeti(L, idx, i);
		lua_Integer v = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : -1;

		if (v >= 0) {
			do
				*--w = (char)('0' + v % 10);
			while ((v /= 10));
		} else if (t == LUA_TSTRING && lua_rawlen(L, -1) < sizeof(word) &&
			   !strpbrk(lua_tostring(L, -1), ", \t")) {
			w -= lua_rawlen(L, -1);				/* "3w", "0x1f" */
			memcpy(w, lua_tostring(L, -1), lua_rawlen(L, -1));
		} else {
			luaL_error(L, "replay: refs[%I]: a page number (or \"3w\" for a write) is "
				   "needed, not %s", i, shown(L, -1));
		}
		lua_pop(L, 1);		/* the buffer's own use of the stack stays balanced */
		if (i > 1)
			*--w = ',';
		luaL_addlstring(&b, w, (size_t)(word + sizeof(word) - w));
	}
	luaL_pushresult(&b);
	return lua_tostring(L, -1);
}

static void read_format(lua_State *L, struct trace_source *src)
{
	const char *s;

	src->format = TRACE_LACKEY;
	if (lua_getfield(L, 1, "format") != LUA_TNIL) {
		s = luaL_checkstring(L, -1);
		if (strcmp(s, "addr") == 0)
			src->format = TRACE_ADDR;
		else if (strcmp(s, "pages") == 0)
			src->format = TRACE_PAGES;
		else if (strcmp(s, "lackey") != 0)
			luaL_error(L, "replay: format: expected lackey, addr or pages, not '%s'", s);
	}
	lua_pop(L, 1);
	src->page_shift = 12;
	if (lua_getfield(L, 1, "page") != LUA_TNIL) {
		uint64_t size = l_size(L, -1, "replay", "page");

		if (!size || (size & (size - 1)) || size > (1ULL << 30))
			luaL_error(L, "replay: page: %s is not a power of two from 1 to 1G",
				   lua_tostring(L, -1));
		for (src->page_shift = 0; (1ULL << src->page_shift) < size; src->page_shift++)
			;
	}
	lua_pop(L, 1);
}

/*
 * refs= (at 3) or file= (at 4, opened into the box); a refs list becomes
 * a string pushed at 5.  What is on the stack stays until the end.
 */
static void read_source(lua_State *L, struct trace_source *src, struct replay_box *box)
{
	int refs = lua_getfield(L, 1, "refs"), file = lua_getfield(L, 1, "file");
	const char *path;

	if ((refs == LUA_TNIL) == (file == LUA_TNIL))
		luaL_error(L, "replay: give either refs= (a list or \"1,2,3\") or file=");
	if (file != LUA_TNIL) {
		path = luaL_checkstring(L, 4);
		if (l_st(L)->sandbox)
			luaL_error(L, "replay: reading '%s' is not allowed in the sandbox", path);
		read_format(L, src);
		if (!(box->f = src->f = fopen(path, "r")))
			l_errorf(L, "replay: cannot open %s: %s", path, strerror(errno));
		return;
	}
	if ((lua_getfield(L, 1, "format") != LUA_TNIL) | (lua_getfield(L, 1, "page") != LUA_TNIL))
		luaL_error(L, "replay: format= and page= are for trace files, not refs=");
	lua_pop(L, 2);
	src->format = TRACE_REFS;
	if (refs == LUA_TTABLE)
		src->refs = refs_string(L, 3);
	else if (refs == LUA_TSTRING || refs == LUA_TNUMBER)
		src->refs = lua_tostring(L, 3);
	else
		luaL_error(L, "replay: refs: a list or a string is needed, not %s", shown(L, 3));
}

/* steps = true | false | "on" | "off" */
static bool read_steps(lua_State *L)
{
	bool on = false;

	switch (lua_getfield(L, 1, "steps")) {
	case LUA_TNIL:
		break;
	case LUA_TBOOLEAN:
		on = lua_toboolean(L, -1);
		break;
	case LUA_TSTRING:
		if (strcmp(lua_tostring(L, -1), "on") == 0 || strcmp(lua_tostring(L, -1), "off") == 0) {
			on = strcmp(lua_tostring(L, -1), "on") == 0;
			break;
		}
		/* fall through */
	default:
		luaL_error(L, "replay: steps: expected true or false, not %s", shown(L, -1));
	}
	lua_pop(L, 1);
	return on;
}

/* ---- replay: the results ------------------------------------------------------------------ */

static void push_frames(lua_State *L, const struct replay_box *b, const struct step_rec *r)
{
	lua_createtable(L, (int)r->nframes, 0);
	for (unsigned long i = 0; i < r->nframes; i++) {
		uint64_t v = b->cells[r->cell + i];

		if (v == REPLAY_EMPTY)
			lua_pushboolean(L, 0);
		else
			lua_pushinteger(L, (lua_Integer)v);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
}

/* One step: {t=, page=, write=, hit=, frames={...}, victim=, written_back=}. */
static void push_step(lua_State *L, const struct replay_box *b, const struct step_rec *r)
{
	lua_createtable(L, 0, 7);
	set_int(L, "t", (lua_Integer)r->t);
	set_int(L, "page", (lua_Integer)r->page);
	lua_pushboolean(L, r->write);
	lua_setfield(L, -2, "write");
	lua_pushboolean(L, r->hit);
	lua_setfield(L, -2, "hit");
	push_frames(L, b, r);
	lua_setfield(L, -2, "frames");
	if (r->evicted) {
		set_int(L, "victim", (lua_Integer)r->victim);
		lua_pushboolean(L, r->victim_dirty);
		lua_setfield(L, -2, "written_back");
	}
}

/* Each row gets steps = {...}: the list at `rows` on the stack. */
static void push_steps(lua_State *L, int rows, int n, const struct replay_box *b)
{
	for (int i = 1; i <= n; i++) {
		lua_rawgeti(L, rows, i);
		lua_newtable(L);
		lua_setfield(L, -2, "steps");
		lua_pop(L, 1);
	}
	for (size_t k = 0; k < b->nsteps; k++) {
		const struct step_rec *r = &b->steps[k];

		lua_rawgeti(L, rows, r->sim + 1);
		lua_getfield(L, -1, "steps");
		push_step(L, b, r);
		lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
		lua_pop(L, 2);
	}
}

static void push_row(lua_State *L, const struct replay_result *r, bool writes)
{
	lua_createtable(L, 0, 7);
	lua_pushstring(L, policy_name(r->policy));
	lua_setfield(L, -2, "policy");
	set_int(L, "frames", (lua_Integer)r->frames);
	set_int(L, "references", (lua_Integer)r->refs);
	set_int(L, "faults", (lua_Integer)r->faults);
	set_int(L, "hits", (lua_Integer)r->hits);
	lua_pushnumber(L, r->refs ? (lua_Number)r->hits / (lua_Number)r->refs : 0.0);
	lua_setfield(L, -2, "hit_ratio");
	if (writes)
		set_int(L, "writebacks", (lua_Integer)r->writebacks);
}

static void push_summary(lua_State *L, const struct replay_summary *s)
{
	lua_createtable(L, 0, 4);
	set_int(L, "references", (lua_Integer)s->refs);
	set_int(L, "lines", (lua_Integer)s->lines);
	set_int(L, "distinct", (lua_Integer)s->distinct);
	set_int(L, "writes", (lua_Integer)s->writes);
}

/*
 * vm.replay{refs= | file=, format=, page=, frames=, policy=, steps=}:
 * the table `replay` prints, as a list of rows {policy=, frames=,
 * references=, faults=, hits=, hit_ratio= (0..1), writebacks= (only when
 * the input has writes)}, policy-major, with steps={...} in each row if
 * steps=true; and a summary {references=, lines=, distinct=, writes=}.
 */
static int l_replay(lua_State *L)
{
	struct machine *m = l_machine(L);
	struct replay_result res[REPLAY_MAX_POLICIES * REPLAY_MAX_FRAMES];
	struct replay_summary sum = { 0 };
	struct replay_config cfg = { 0 };
	struct trace_source src = { 0 };
	struct replay_box *box;
	int n, err, rows;

	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	l_check_keys(L, 1, "refs,file,format,page,frames,policy,steps", "replay");
	box = push_box(L);				/* 2 */
	read_source(L, &src, box);			/* 3, 4 and maybe more */
	each_value(L, "frames", frames_value, &cfg);
	each_value(L, "policy", policy_value, &cfg);
	if (!cfg.nr_frames || !cfg.nr_policies)
		return luaL_error(L, "replay: %s: give at least one",
				  cfg.nr_frames ? "policy" : "frames");
	cfg.max_steps = read_steps(L) ? L_REPLAY_STEPS : 0;
	err = replay_run(m, &src, &cfg, res, &sum, cfg.max_steps ? keep_step : NULL, box);
	if (err < 0)
		return l_mm_error(L, "replay");
	if (box->nomem)
		return luaL_error(L, "replay: the host is out of memory for the steps");
	if (box->full)
		return l_errorf(L, "replay: steps: more than %lu frame entries to keep (fewer "
				"references or frames)", L_REPLAY_CELLS);
	n = cfg.nr_policies * cfg.nr_frames;
	lua_createtable(L, n, 0);
	rows = lua_gettop(L);
	for (int i = 0; i < n; i++) {
		push_row(L, &res[i], sum.writes > 0);
		lua_rawseti(L, rows, i + 1);
	}
	if (cfg.max_steps)
		push_steps(L, rows, n, box);
	box_free(box);
	push_summary(L, &sum);
	return 2;
}

static const luaL_Reg reclaim_funcs[] = {
	{ "swapon", l_swapon },
	{ "swapoff", l_swapoff },
	{ "swaps", l_swaps },
	{ "swapout", l_swapout },
	{ "reclaim", l_reclaim },
	{ "policy", l_policy },
	{ "oom_score_adj", l_oom_score_adj },
	{ "dmesg", l_dmesg },
	{ "replay", l_replay },
	{ NULL, NULL }
};

void l_open_reclaim(lua_State *L)
{
	luaL_setfuncs(L, reclaim_funcs, 0);
}
