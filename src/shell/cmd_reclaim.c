/*
 * cmd_reclaim.c - swap and reclaim as commands: swapon, swapoff, swaps,
 * swapout, reclaim, policy, oom_score_adj, replay, and dmesg.
 *
 *   vmlab> swapon 64M
 *   Adding 65532k swap on /dev/sda2.  Priority:-2 extents:1 across:65532k SS
 *   vmlab> exec app; malloc 40000; write 0x0804b008 42
 *   vmlab> swapout 0x0804b000
 *   swapped out 1 page: 1 written to swap
 *   vmlab> vtop 0x0804b008
 *     ...
 *     stop     pte[75] is not present: a swap entry, type 0 offset 1 (/dev/sda2 slot 1) ...
 *   vmlab> read 0x0804b008
 *   42 (0x2a)
 *
 * The kernel log is the console's business: lines the core logged during
 * a command (swapon's "Adding ...", the OOM killer's report) are printed
 * after the command's own output, and `dmesg` shows them all again.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "mm/machine.h"
#include "mm/mmap.h"
#include "mm/oom_kill.h"
#include "mm/printk.h"
#include "mm/sched.h"
#include "mm/swapfile.h"
#include "mm/vmscan.h"
#include "report/swaps.h"
#include "shell/cmd_replay.h"
#include "shell/command.h"
#include "shell/commands.h"
#include "shell/shell.h"

void console_flush(struct shell *sh)
{
	const char *line;

	while ((line = klog_console_next(sh->m)))
		fprintf(sh->out, "%s\n", line);
}

/* ---- helpers ---------------------------------------------------------------------- */

static bool is_hex_word(const char *s)
{
	return s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
}

static struct task_struct *pid_arg(struct shell *sh, const char *word)
{
	struct task_struct *t;
	uint64_t pid;

	if (arg_number(sh, "PID", word, &pid) < 0)
		return NULL;
	t = pid <= 0x7fffffff ? find_task(sh->m, (int)pid) : NULL;
	if (!t)
		sh_error(sh, "no process with pid %s (see ps)", word);
	return t;
}

static struct task_struct *current_or_error(struct shell *sh)
{
	struct task_struct *t = current_task(sh->m);

	if (!t)
		sh_error(sh, "no process runs on cpu %d (exec one, or give a PID)", sh->m->cpu);
	return t;
}

static const char *plural(unsigned long n)
{
	return n == 1 ? "" : "s";
}

/* "25 written to swap, 3 file pages dropped" from the nonzero parts of st. */
static void print_parts(struct shell *sh, const struct reclaim_stat *st)
{
	const struct { unsigned long n; const char *what; } parts[] = {
		{ st->swapped, "written to swap" },
		{ st->swap_clean, "dropped from the swap cache without a write" },
		{ st->file_dropped, "clean file page%s dropped" },
		{ st->file_written, "dirty file page%s written back and dropped" },
	};
	bool first = true;

	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		if (!parts[i].n)
			continue;
		fprintf(sh->out, "%s%lu ", first ? ": " : ", ", parts[i].n);
		fprintf(sh->out, parts[i].what, plural(parts[i].n));
		first = false;
	}
	if (st->kept)
		fprintf(sh->out, "; %lu given a second chance", st->kept);
	if (st->activated)
		fprintf(sh->out, "; %lu activated", st->activated);
	if (st->failed)
		fprintf(sh->out, "; %lu could not go (%s)", st->failed, st->why);
	fputc('\n', sh->out);
}

/* ---- swapon, swapoff, swaps --------------------------------------------------------- */

static int cmd_swapon(struct shell *sh, struct args *a)
{
	const char *prio_s = arg_opt(a, "prio"), *name = arg_opt(a, "name");
	int prio = SWAP_PRIO_DEFAULT;
	uint64_t size, p;

	if (strcmp(a->argv[0], "-s") == 0) {
		if (a->optc)
			return sh_error(sh, "-s takes no options");
		swapon_summary(sh->m, sh->out);
		return 0;
	}
	if (arg_size(sh, "SIZE", a->argv[0], &size) < 0)
		return -1;
	if (prio_s) {
		if (arg_number(sh, "prio", prio_s, &p) < 0)
			return -1;
		if (p > SWAP_PRIO_MAX)
			return sh_error(sh, "prio: %s is out of range (0..%d)", prio_s, SWAP_PRIO_MAX);
		prio = (int)p;
	}
	return swapon(sh->m, size, prio, name) < 0 ? sh_mm_error(sh) : 0;
}

static int swapoff_one(struct shell *sh, int type)
{
	struct reclaim_stat pushed = { 0 };
	char name[64];
	unsigned long in;

	snprintf(name, sizeof(name), "%s", swap_info(sh->m, (unsigned)type)->name);
	if (swapoff_stat(sh->m, type, &in, &pushed) < 0)
		return sh_mm_error(sh);
	fprintf(sh->out, "swapoff %s: %lu page%s read back into memory", name, in, plural(in));
	if (!pushed.reclaimed) {
		fputc('\n', sh->out);
		return 0;
	}
	fprintf(sh->out, "; to make room, %lu other page%s pushed out", pushed.reclaimed,
		plural(pushed.reclaimed));
	print_parts(sh, &pushed);
	return 0;
}

static int cmd_swapoff(struct shell *sh, struct args *a)
{
	const struct swap_info_struct *si;
	int done = 0, failed = 0;

	if (a->argc == 1) {
		si = swap_info_get(sh->m, a->argv[0]);
		if (!si)
			return sh_error(sh, "%s is not a swap area (see swaps)", a->argv[0]);
		return swapoff_one(sh, si->type);
	}
	/* every area, going on past one that cannot go, as `swapoff -a` does */
	for (int type = 0; type < MAX_SWAPFILES; type++) {
		if (!swap_info(sh->m, (unsigned)type))
			continue;
		failed += swapoff_one(sh, type) < 0;
		done++;
	}
	if (!done)
		return sh_error(sh, "there is no swap area");
	return failed ? -1 : 0;
}

static int cmd_swaps(struct shell *sh, struct args *a)
{
	const struct swap_info_struct *si;

	if (a->argc == 0) {
		proc_swaps(sh->m, sh->out);
		return 0;
	}
	si = swap_info_get(sh->m, a->argv[0]);
	if (!si)
		return sh_error(sh, "%s is not a swap area (see swaps)", a->argv[0]);
	show_swap_slots(sh->m, si, sh->out);
	return 0;
}

/* ---- swapout, reclaim ------------------------------------------------------------------ */

static int swapout_n(struct shell *sh, struct task_struct *t, const char *word)
{
	struct reclaim_stat st = { 0 };
	unsigned long got;
	uint64_t n;

	if (arg_number(sh, "N", word, &n) < 0)
		return -1;
	if (n == 0)
		return sh_error(sh, "N: must not be 0");
	if (!total_swap_pages(sh->m))
		return sh_error(sh, "there is no swap area (swapon SIZE first)");
	got = swapout_pages(sh->m, n, t ? t->mm : NULL, &st);
	fprintf(sh->out, "swapped out %lu page%s", got, plural(got));
	print_parts(sh, &st);
	return 0;
}

/* ADDR [SIZE] must lie in user space (swapout_range_mapped() checks the VMAs). */
static int check_range(struct shell *sh, struct task_struct *t, uint64_t addr, uint64_t size,
		       bool sized)
{
	int w = sh->m->arch->addr_digits;

	if (addr < t->mm->task_size && size <= t->mm->task_size - addr)
		return 0;
	if (!sized)
		return sh_error(sh, "0x%0*llx is not in user space", w, (unsigned long long)addr);
	return sh_error(sh, "0x%0*llx+0x%llx is not in user space", w, (unsigned long long)addr,
			(unsigned long long)size);
}

static int swapout_addr(struct shell *sh, struct task_struct *t, const char *addr_s,
			const char *size_s)
{
	struct reclaim_stat st = { 0 };
	uint64_t addr, size = 1;

	if (arg_number(sh, "ADDR", addr_s, &addr) < 0 ||
	    (size_s && arg_size(sh, "SIZE", size_s, &size) < 0))
		return -1;
	if (size == 0)
		return sh_error(sh, "SIZE: must not be 0");
	if (check_range(sh, t, addr, size, size_s != NULL) < 0)
		return -1;
	if (swapout_range_mapped(sh->m, t->mm, addr & PAGE_MASK, page_align(addr + size)) < 0 ||
	    swapout_range(sh->m, t->mm, addr & PAGE_MASK, page_align(addr + size), &st) < 0)
		return sh_mm_error(sh);
	fprintf(sh->out, "swapped out %lu page%s", st.reclaimed, plural(st.reclaimed));
	print_parts(sh, &st);
	return 0;
}

/* Every page of the process: swapout [PID] all (or no argument). */
static int swapout_all(struct shell *sh, struct task_struct *t)
{
	struct reclaim_stat st = { 0 };

	if (swapout_range(sh->m, t->mm, 0, t->mm->task_size, &st) < 0)
		return sh_mm_error(sh);
	fprintf(sh->out, "swapped out %lu page%s of pid %d (%s)", st.reclaimed, plural(st.reclaimed),
		t->pid, t->comm);
	print_parts(sh, &st);
	return 0;
}

/*
 * swapout [PID] [ADDR [SIZE] | N | all]: addresses are written in hex
 * (0x...), so a decimal first word of two or three is the PID, and a
 * lone decimal word is N.
 */
static int cmd_swapout(struct shell *sh, struct args *a)
{
	struct task_struct *t = NULL;
	int i = 0;

	if (a->argc >= 2 && !is_hex_word(a->argv[0])) {
		if (!(t = pid_arg(sh, a->argv[0])))
			return -1;
		i = 1;
	}
	if (i < a->argc && !is_hex_word(a->argv[i]) && strcmp(a->argv[i], "all") != 0) {
		if (a->argc > i + 1)
			return sh_error(sh, "unexpected argument '%s' after N", a->argv[i + 1]);
		return swapout_n(sh, t, a->argv[i]);
	}
	if (!t && !(t = current_or_error(sh)))
		return -1;
	if (i == a->argc || strcmp(a->argv[i], "all") == 0) {
		if (i + 1 < a->argc)
			return sh_error(sh, "unexpected argument '%s' after all", a->argv[i + 1]);
		return swapout_all(sh, t);
	}
	if (i + 2 < a->argc)
		return sh_error(sh, "unexpected argument '%s' after SIZE (usage: swapout [PID] "
				"[ADDR [SIZE] | N | all])", a->argv[i + 2]);
	return swapout_addr(sh, t, a->argv[i], i + 1 < a->argc ? a->argv[i + 1] : NULL);
}

static int cmd_reclaim(struct shell *sh, struct args *a)
{
	struct reclaim_stat st = { 0 };
	unsigned long got;
	uint64_t n;

	if (arg_number(sh, "N", a->argv[0], &n) < 0)
		return -1;
	if (n == 0)
		return sh_error(sh, "N: must not be 0");
	got = reclaim_pages(sh->m, n, &st);
	fprintf(sh->out, "reclaimed %lu page%s for %llu asked (scanned %lu)", got, plural(got),
		(unsigned long long)n, st.scanned);
	print_parts(sh, &st);
	return 0;
}

/* ---- policy, oom_score_adj, dmesg ------------------------------------------------------ */

static const char *const policy_help[NR_POLICIES] = {
	[POLICY_LINUX] = "the kernel's two lists per kind: second chance with the accessed bits "
			 "and PG_referenced, promotion to active, demotion when inactive is low",
	[POLICY_FIFO] = "the oldest page goes, used or not",
	[POLICY_LRU] = "the least recently used page goes (every access moves a page to the head)",
	[POLICY_CLOCK] = "second chance: the hand skips (and clears) pages whose reference bit is "
			 "set",
};

static int cmd_policy(struct shell *sh, struct args *a)
{
	int p;

	if (a->argc == 1) {
		p = policy_by_name(a->argv[0]);
		if (p < 0)
			return sh_error(sh, "unknown policy '%s' (linux, fifo, lru, clock)", a->argv[0]);
		if (set_reclaim_policy(sh->m, (enum reclaim_policy)p) < 0)
			return sh_mm_error(sh);
	}
	p = sh->m->reclaim->policy;
	fprintf(sh->out, "policy %s: %s\n", policy_name((enum reclaim_policy)p), policy_help[p]);
	return 0;
}

static const char *complete_policy(struct shell *sh, const char *text, int idx)
{
	(void)sh;
	for (int p = 0; p < NR_POLICIES; p++)
		if (policy_is_live((enum reclaim_policy)p) &&
		    strncmp(policy_names[p], text, strlen(text)) == 0 && idx-- == 0)
			return policy_names[p];
	return NULL;
}

static int adj_arg(struct shell *sh, const char *s, long *out)
{
	bool neg = s[0] == '-';
	uint64_t v;

	if (arg_number(sh, "N", s + neg, &v) < 0)
		return -1;
	if (v > 1000)
		return sh_error(sh, "N: %s is out of range (-1000..1000)", s);
	*out = neg ? -(long)v : (long)v;
	return 0;
}

static int cmd_oom_score_adj(struct shell *sh, struct args *a)
{
	struct task_struct *t = pid_arg(sh, a->argv[0]);
	long adj = 0, badness;

	if (!t)
		return -1;
	if (a->argc == 2) {
		if (adj_arg(sh, a->argv[1], &adj) < 0)
			return -1;
		if (set_oom_score_adj(sh->m, t, adj) < 0)
			return sh_mm_error(sh);
	}
	badness = oom_badness(sh->m, t, oom_totalpages(sh->m));
	fprintf(sh->out, "pid %d (%s): oom_score_adj %hd, oom_score %lu", t->pid, t->comm,
		t->oom_score_adj, oom_score(sh->m, t));
	if (badness == LONG_MIN)
		fputs(" (never chosen by the OOM killer)\n", sh->out);
	else
		fprintf(sh->out, " (badness %ld of %lu pages)\n", badness, oom_totalpages(sh->m));
	return 0;
}

static int cmd_dmesg(struct shell *sh, struct args *a)
{
	(void)a;
	for (unsigned long seq = klog_first(sh->m); seq < klog_next(sh->m); seq++)
		fprintf(sh->out, "%s\n", klog_line(sh->m, seq));
	return 0;
}

/* ---- the table ---------------------------------------------------------------------- */

const struct command reclaim_commands[] = {
	{
		.name = "swapon", .handler = cmd_swapon, .min_args = 1, .max_args = 1,
		.usage = "swapon SIZE [prio=N] [name=PATH] | swapon -s",
		.summary = "add a swap area; -s lists the areas",
		.help = "Adds a swap area of SIZE bytes: its first page is the header, the rest\n"
			"are slots.  Areas are used highest priority first, and equal priorities\n"
			"take turns; without prio= an area gets -2, -3, ... as Linux gives them.\n"
			"  prio=  0..32767\n"
			"  name=  the path /proc/swaps shows; default /dev/sda2, /dev/sda3, ...\n"
			"         (/dev/... is a partition, anything else a file)\n"
			"The kernel logs \"Adding ...k swap on ...\".  `swapon -s` lists the areas as\n"
			"util-linux's swapon -s does (nothing at all when there are none).",
		.example = "swapon 64M prio=5", .options = "prio,name", .group = "reclaim",
	},
	{
		.name = "swapoff", .handler = cmd_swapoff, .min_args = 0, .max_args = 1,
		.usage = "swapoff [N|PATH]",
		.summary = "read a swap area's pages back into memory and remove it",
		.help = "Brings every page of swap area N (its type, as `swaps N` shows it) or\n"
			"PATH back into memory: each swap entry becomes a present PTE again, and\n"
			"pages that processes shared stay shared.  Without an argument, every area\n"
			"(swapoff -a).  When free memory is short, reclaim first pushes other pages\n"
			"out, as memory pressure does while the kernel reads the area back: file\n"
			"pages, and anonymous pages into the free slots of the other areas.  If even\n"
			"that cannot make room, it fails and nothing changes.",
		.example = "swapon 4M; swapoff 0", .group = "reclaim",
	},
	{
		.name = "swaps", .handler = cmd_swaps, .min_args = 0, .max_args = 1,
		.usage = "swaps [N|PATH]",
		.summary = "/proc/swaps; with an area, its slots and swap_map counts",
		.help = "Without an argument, prints /proc/swaps (Filename, Type, Size and Used in\n"
			"kB, Priority).  With area N or PATH, lists its used slots: the swap_map\n"
			"byte (count | 0x40 SWAP_HAS_CACHE), the count of swap entries naming the\n"
			"slot, and the frame holding it in the swap cache.  Past 62 (SWAP_MAP_MAX)\n"
			"the byte sets 0x80 COUNT_CONTINUED and keeps the count modulo 63; the\n"
			"kernel's continuation pages count the 63s (71 = 0x88: 8 + 1 x 63).",
		.example = "swapon 4M; exec app; mmap 8K; touch 0xb7ffe000 8K w; "
			   "swapout 0xb7ffe000 8K; swaps 0",
		.group = "reclaim",
	},
	{
		.name = "swapout", .handler = cmd_swapout, .min_args = 0, .max_args = 3,
		.usage = "swapout [PID] [ADDR [SIZE] | N | all]",
		.summary = "push pages out: an address range, N pages the policy picks, or all",
		.help = "Pushes pages of the current process (or PID) out of memory:\n"
			"  ADDR [SIZE]  the pages of that range (addresses are hex: 0x...)\n"
			"  N            N anonymous pages chosen by the policy (of any process,\n"
			"               or of PID)\n"
			"  all          every page of the process (also: no argument)\n"
			"An anonymous page gets a swap slot, every PTE that maps it (in every\n"
			"process, found through the reverse map) becomes the swap entry, and it is\n"
			"written out unless its slot already holds it; file pages are dropped\n"
			"(written back first if dirty).  The next access is a major fault.",
		.example = "swapon 4M; exec app; mmap 8K; touch 0xb7ffe000 8K w; "
			   "swapout 0xb7ffe000 8K",
		.group = "reclaim",
	},
	{
		.name = "reclaim", .handler = cmd_reclaim, .min_args = 1, .max_args = 1,
		.usage = "reclaim N",
		.summary = "reclaim at least N pages the way direct reclaim does",
		.help = "Reclaims from the LRU lists until N pages are free, anonymous and file\n"
			"pages balanced by swappiness (60) as shrink_node() does, priority 12 down\n"
			"to 0, and says what it did.  As in the kernel, a pass works in batches of\n"
			"SWAP_CLUSTER_MAX (32) pages per list, so it may free more than N, or\n"
			"fewer when nothing more can go.  Without swap only file pages can go.",
		.example = "swapon 4M; exec app; mmap 1M; touch 0xb7f00000 1M w; reclaim 32",
		.group = "reclaim",
	},
	{
		.name = "policy", .handler = cmd_policy, .min_args = 0, .max_args = 1,
		.usage = "policy [linux|fifo|lru|clock]",
		.summary = "show or set how reclaim picks its victims",
		.help = "linux (the default) is the kernel's two-list scheme; fifo, lru and clock\n"
			"are the textbook policies, on the inactive lists.  `replay` also knows\n"
			"opt, rand, lfu and mru, which need what a kernel cannot know or keep.",
		.example = "policy clock", .group = "reclaim", .complete_arg = complete_policy,
	},
	{
		.name = "oom_score_adj", .handler = cmd_oom_score_adj, .min_args = 1, .max_args = 2,
		.usage = "oom_score_adj PID [N]",
		.summary = "show or set how the OOM killer sees a process",
		.help = "N from -1000 (never killed) to 1000 is added to the process's badness as\n"
			"N/1000 of RAM plus swap.  Shows oom_score (/proc/PID/oom_score, 0..2000)\n"
			"and the badness: RSS + swap entries + page-table pages (+ the adjustment).",
		.example = "exec app; oom_score_adj 1 -1000", .group = "reclaim",
	},
	{
		.name = "replay", .handler = cmd_replay, .min_args = 0, .max_args = 1,
		.usage = "replay [FILE] [refs=P,P,...] frames=N[,M...] policy=P[,Q...] "
			 "[format=lackey|addr|pages] [page=SIZE] [steps=on] [csv=FILE]",
		.summary = "run a reference string or a trace through replacement policies",
		.help = REPLAY_HELP,
		.example = "replay refs=1,2,3,4,1,2,5,1,2,3,4,5 frames=3,4 policy=fifo",
		.options = "refs,frames,policy,format,page,steps,csv", .group = "reclaim",
	},
	{
		.name = "dmesg", .handler = cmd_dmesg, .min_args = 0, .max_args = 0,
		.usage = "dmesg",
		.summary = "the kernel log: swapon's lines, OOM reports, segfaults",
		.help = "Prints the kernel log, oldest line first (the last 1024 lines).  A line\n"
			"the console shows (swapon's, the OOM killer's report) also appears once\n"
			"after the command that caused it; a segfault line is KERN_INFO, below the\n"
			"console's loglevel, so only dmesg shows it.",
		.example = "dmesg", .group = "tools",
	},
	{ 0 }
};
