/*
 * l_internal.h - what the files of the Lua binding share.
 *
 *   l_run.c      the state: libraries, sandbox, hooks, running code
 *   l_vmlab.c    the module table: vm.cmd, vm.machine, vm.check, ...
 *   l_views.c    views as tables: buddyinfo, meminfo, ps, ...
 *   l_proc.c     process handles: vm.exec, p:malloc, p:touch, ...
 *   l_mem.c      pages and slab: vm.alloc_pages, vm.page, vm.kmalloc, ...
 *   l_event.c    vm.on and vm.off: Lua functions on the event bus
 *   l_kmem.c     vmalloc and kmap, through the shell's commands
 *   l_reclaim.c  swap, reclaim, the OOM killer, dmesg and replay
 *
 * Every binding that touches the machine gets it from l_machine(), which
 * notices a machine that was replaced since the last call.  How: the
 * state keeps one subscription on the machine's event bus (it also
 * carries the vm.on hooks).  A machine built since has no such
 * subscription, even if the host allocator put it at the old one's
 * address, so a missing subscription means a new machine: the state
 * subscribes to it and bumps its generation.  Handles (processes,
 * caches) remember the generation they were made in and refuse to work
 * on another machine.
 */
#ifndef VMLAB_LUA_L_INTERNAL_H
#define VMLAB_LUA_L_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <lua.h>
#include "mm/event.h"

struct shell;
struct machine;
struct task_struct;

#define L_PROCESS_MT	"vmlab.process"
#define L_CACHE_MT	"vmlab.kmem_cache"

struct l_state {
	lua_State *L;			/* the main thread */
	lua_State *cur;			/* the thread inside the binding now */
	struct shell *sh;
	int sub;			/* our event-bus handle on sh->m, -1 none */
	unsigned long gen;		/* bumped for every new machine */
	bool sandbox;
	unsigned long long limit;	/* instructions, 0 = none */
	unsigned long long count;	/* instructions run, in steps of L_HOOK_STEP */
	size_t mem, mem_limit;		/* bytes Lua holds; limit 0 = none */
	int busy;			/* inside a vm.on hook */
	unsigned long hook_errors;	/* failed hooks: they fail the script (sh->errors) */
	int captured;			/* l_shell() calls capturing a command's output */
	FILE *real_out, *real_err;	/* the shell's streams before the outermost capture */
	char refused[256];		/* what the sandbox refused in the line l_shell() runs */
	char *held[2];			/* l_shell()'s captured output until it is pushed */
	int exit_status;		/* os.exit()'s, -1 if it was not called */
	int nhooks[NR_MM_EVENTS + 1];	/* per event; [NR_MM_EVENTS] for "*" */
	int next_hook;
	char *err;			/* the last run's error */
};

/* Instructions between two runs of the count hook. */
#define L_HOOK_STEP 1000

static inline struct l_state *l_st(lua_State *L)
{
	return *(struct l_state **)lua_getextraspace(L);
}

/*
 * The machine, for a binding that may change it: raises an error inside a
 * vm.on hook, and follows the shell to a machine built since the last
 * call.  l_machine_ro() is for bindings that only read one object
 * (vm.page, process fields) and works inside hooks too.
 */
struct machine *l_machine(lua_State *L);
struct machine *l_machine_ro(lua_State *L);

/* luaL_error() with printf's formats (%lx, %llu, ...), which Lua's lack. */
int l_errorf(lua_State *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Raises "NAME: SENTENCE" with the machine's m->err (the shell's words). */
int l_mm_error(lua_State *L, const char *name);

/*
 * Argument helpers; each raises a Lua error naming fname on bad input.
 *   l_size:  an integer, or a string with K, M, G ("64K")
 *   l_addr:  an integer that fits the architecture's addresses
 *   l_gfp:   nil (dflt), an integer, or "GFP_KERNEL|__GFP_ZERO"
 *   l_prot:  "rwx" letters, "none", or PROT_* bits
 */
uint64_t l_size(lua_State *L, int idx, const char *fname, const char *what);
unsigned long l_addr(lua_State *L, int idx, const char *fname);
unsigned l_gfp(lua_State *L, int idx, unsigned dflt, const char *fname);
unsigned l_prot(lua_State *L, int idx, const char *fname);
/* Raises an error if the table at idx has a key not in the comma-separated list. */
void l_check_keys(lua_State *L, int idx, const char *keys, const char *fname);

/*
 * Runs a shell line with its output captured.  Pushes the output and
 * returns 0; or raises the error lines the shell printed ("kfree: ...").
 * In the sandbox it first raises for a command that may touch host files.
 */
int l_shell(lua_State *L, const char *line);

/*
 * Pushes s as one word for a shell line: as it is, or in double quotes
 * (with \" and \\) if it is empty or holds a blank, ';', '#', '"' or '\'.
 */
const char *l_push_word(lua_State *L, const char *s);


/* Frees the captured output l_shell() holds (it stays held if a push raises). */
void l_release_output(struct l_state *st);

/* Registration of each file's functions into the module table on top. */
void l_open_views(lua_State *L);
void l_open_proc(lua_State *L);
void l_open_mem(lua_State *L);
void l_open_event(lua_State *L);
void l_open_kmem(lua_State *L);
void l_open_reclaim(lua_State *L);

/* Pushes a handle for pid (which must exist). */
void l_push_process(lua_State *L, int pid);
/* The task of the process handle at idx; raises if it exited or its machine was replaced. */
struct task_struct *l_task(lua_State *L, int idx);

/*
 * Prints the lines the kernel logged since the console last showed them
 * (swapon's, the OOM killer's) on the shell's output, as the shell does
 * after each command.  Called as a binding that may have logged returns.
 */
void l_console(lua_State *L);

/* The event-bus listener (l_event.c) and its teardown. */
void l_on_event(struct machine *m, const struct mm_event *ev, void *ctx);

int luaopen_vmlab(lua_State *L);

#endif
