/*
 * commands.h - the group tables command_table() joins, and the few hooks
 * between the shell's loop and its commands.
 *
 * Each group file exports one table ending with an all-zero entry:
 *
 *   cmd_machine.c  machine_commands   machine, reset, info, layout
 *   cmd_phys.c     phys_commands      alloc_pages, __free_pages, ...
 *   cmd_kmem.c     kmem_commands      vmalloc, vfree, kmap, ... (and layout, vmallocinfo)
 *   cmd_reclaim.c  reclaim_commands   swapon, swapoff, swaps, swapout, reclaim, policy,
 *                                     oom_score_adj, replay (and dmesg, in tools)
 *   cmd_views.c    views_commands     free, meminfo, buddyinfo, cat, ...
 *   cmd_tools.c    tools_commands     help, quit, explain, trace, check, echo
 *   cmd_dot.c      dot_commands       dot (in the tools group)
 *   cmd_lua.c      lua_commands       lua, run (in the tools group)
 *
 * A new group adds its extern here and one line in commands.c; `help`
 * shows the groups in that order.
 */
#ifndef VMLAB_SHELL_COMMANDS_H
#define VMLAB_SHELL_COMMANDS_H

#include <stddef.h>
#include "shell/command.h"

extern const struct command machine_commands[];
extern const struct command proc_commands[];
extern const struct command translate_commands[];
extern const struct command phys_commands[];
extern const struct command slab_commands[];
extern const struct command kmem_commands[];
extern const struct command reclaim_commands[];
extern const struct command views_commands[];
extern const struct command tools_commands[];
extern const struct command dot_commands[];
extern const struct command lua_commands[];

/*
 * From cmd_proc.c, for cmd_views.c: `free ADDR` (the views' `free` with a
 * numeric argument), and `cat /proc/PID/maps|smaps` (returns 1 if path is
 * not such a file, else 0 or -1 as a command does).
 */
int cmd_user_free(struct shell *sh, struct args *a);
int proc_pid_cat(struct shell *sh, const char *path);

/*
 * Looks name up: an exact name wins, else a unique prefix.  Returns the
 * command, or NULL with *nmatch set to the number of commands name is a
 * prefix of (0: unknown, 2 or more: ambiguous).
 */
const struct command *command_lookup(const char *name, int *nmatch);

/*
 * As command_lookup(), but reports a name that is not found, through
 * sh_error(): "unknown command 'bogus' (try 'help')" or "ambiguous command
 * 'k' (kfree, kmalloc, kmap, ...)".  Returns the command or NULL.
 */
const struct command *command_resolve(struct shell *sh, const char *name);

/* Completer for command names (help's argument, the first word of a line). */
const char *command_complete(struct shell *sh, const char *text, int idx);

/* c's options as a reader sees them, "gfp, node", written into buf. */
void command_option_list(const struct command *c, char *buf, size_t len);

/*
 * The name c's usage line gives its idx-th positional argument
 * ("ORDER" for idx 0 of "alloc_pages ORDER [gfp=FLAGS]"), brackets
 * stripped, written into buf.  Returns false if usage names no such word.
 */
bool command_arg_name(const struct command *c, int idx, char *buf, size_t len);

/*
 * Makes the trace and explain listeners on sh->m match sh->trace and
 * sh->explain: subscribes what is on and not yet listening, unsubscribes
 * what is off.  Returns 0, or -1 after reporting a full event bus.
 */
int tools_sync_listeners(struct shell *sh);

/*
 * From cmd_reclaim.c, for the command loop: prints the kernel log lines
 * (printk.h) the console has not shown yet, after each command.
 */
void console_flush(struct shell *sh);

#endif
