/*
 * cmd_replay.h - the `replay` command (cmd_replay.c), for the reclaim table.
 */
#ifndef VMLAB_SHELL_CMD_REPLAY_H
#define VMLAB_SHELL_CMD_REPLAY_H

struct shell;
struct args;

#define REPLAY_HELP \
	"Runs page references through replacement policies and prints, for each\n" \
	"policy and frame count, the references, faults, hits, hit ratio and\n" \
	"write-backs (dirty pages evicted; '-' when the input has no writes).\n" \
	"  refs=    page numbers: 1,2,3,4 (a trailing w marks a write: 3w)\n" \
	"  FILE     a trace instead: format=lackey (valgrind --tool=lackey\n" \
	"           --trace-mem=yes: I, L, S, M lines), addr (an address per line,\n" \
	"           hex), pages (a page number per line); R or W may start a line\n" \
	"  frames=  frame counts, comma separated\n" \
	"  policy=  fifo, lru, clock, opt (Belady), rand, lfu, mru, linux; memory\n" \
	"           grows with the distinct pages, but opt keeps 12 bytes a\n" \
	"           reference: up to 2 x 64 MiB in memory, then in temporary files\n" \
	"  page=    the page size for addresses; default 4K\n" \
	"  steps=on each access: the page, hit or miss, the frames after it, the\n" \
	"           page replaced (for short strings)\n" \
	"  csv=     also write the table to FILE as CSV"

int cmd_replay(struct shell *sh, struct args *a);

#endif
