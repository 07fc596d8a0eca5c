/*
 * cmd_machine.c - `machine` and `reset`: build the simulated computer.
 *
 *   vmlab> machine arch=x86_64 ram=4G nodes=2 cpus=4
 *   machine: x86_64, 4096 MiB RAM, 2 nodes, 4 CPUs, seed 1
 *   Memory: 4171432K/4194300K available (16384K kernel code+data, ...)
 *
 * Options not given take the defaults (i386, 1 GiB, 1 node, 1 CPU, seed 1),
 * so a `machine` line always says everything about the machine it builds.
 */
#include <stdio.h>
#include <string.h>
#include "mm/machine.h"
#include "mm/mm_types.h"
#include "mm/replace.h"
#include "mm/sched.h"
#include "mm/swapfile.h"
#include "mm/tlb.h"
#include "shell/command.h"
#include "shell/commands.h"
#include "shell/shell.h"

#define KB(pages) ((pages) << (PAGE_SHIFT - 10))

/*
 * The boot line in the form of the kernel's mem_init_print_info(),
 * "Memory: availableK/presentK available (...)": what the buddy allocator
 * got out of the RAM that exists, and where the rest went, in the model's
 * own parts (the kernel splits its image into code, rwdata, rodata, init
 * and bss).  Present RAM excludes pfn 0 and the firmware hole; of the
 * first MiB the rest is RAM the kernel keeps for real mode and the BIOS.
 */
static void print_boot(struct shell *sh)
{
	const struct machine *m = sh->m;
	unsigned long present = 0, high = 0;
	unsigned long image = m->arch->kernel_image >> PAGE_SHIFT;
	unsigned long firmware = HOLE_START_PFN - 1;
	const struct zone *z;

	for_each_populated_zone(m, z) {
		present += z->present_pages;
		if (is_highmem(z))
			high += z->managed_pages;
	}
	fprintf(sh->out, "machine: %s, %llu MiB RAM, %d node%s, %d CPU%s, seed %llu",
		m->arch->name, m->cfg.ram >> 20, m->nr_nodes, m->nr_nodes > 1 ? "s" : "",
		m->nr_cpus, m->nr_cpus > 1 ? "s" : "", (unsigned long long)m->cfg.seed);
	if (m->cfg.swap)
		fprintf(sh->out, ", swap %lluK", (m->cfg.swap >> PAGE_SHIFT) << (PAGE_SHIFT - 10));
	if (m->cfg.policy)
		fprintf(sh->out, ", policy %s", policy_name((enum reclaim_policy)m->cfg.policy));
	fputc('\n', sh->out);
	fprintf(sh->out, "Memory: %luK/%luK available (%luK kernel code+data, %luK mem_map, "
		"%luK firmware, %luK reserved, %luK highmem)\n", KB(m->totalram_pages),
		KB(present), KB(image), KB(present - m->totalram_pages - image - firmware),
		KB(firmware), KB(present - m->totalram_pages), KB(high));
}

static int opt_int(struct shell *sh, const struct args *a, const char *key, int *out)
{
	const char *v = arg_opt(a, key);
	uint64_t n;

	if (!v)
		return 0;
	if (arg_number(sh, key, v, &n) < 0)
		return -1;
	if (n > 1000000)	/* past every range machine_config_check() allows */
		return sh_error(sh, "%s: %s is out of range", key, v);
	*out = (int)n;
	return 0;
}

/* swap= (one area, as swapon would add it) and policy= (the live policies). */
static int parse_swap_policy(struct shell *sh, const struct args *a, struct machine_config *cfg)
{
	const char *swap = arg_opt(a, "swap"), *policy = arg_opt(a, "policy");
	uint64_t v;
	int p;

	if (swap) {
		if (arg_size(sh, "swap", swap, &v) < 0)
			return -1;
		if (v && (v >> PAGE_SHIFT) < 10)
			return sh_error(sh, "swap: a swap area needs at least 10 pages (40K)");
		if ((v >> PAGE_SHIFT) > swap_max_pages(cfg->arch))
			return sh_error(sh, "swap: %s is too large for %s (at most %luG)", swap,
					cfg->arch->name, swap_max_pages(cfg->arch) >> 18);
		cfg->swap = v;
	}
	if (policy) {
		p = policy_by_name(policy);
		if (p < 0 || !policy_is_live((enum reclaim_policy)p))
			return sh_error(sh, "policy: expected linux, fifo, lru or clock, not '%s'",
					policy);
		cfg->policy = p;
	}
	return 0;
}

/* Reads the options into cfg (defaults for the rest).  Returns 0 or -1. */
static int parse_config(struct shell *sh, const struct args *a, struct machine_config *cfg)
{
	const char *arch = arg_opt(a, "arch"), *ram = arg_opt(a, "ram"), *seed = arg_opt(a, "seed");
	char err[MM_ERR_LEN];
	uint64_t v;

	machine_default_config(cfg);
	if (arch && !(cfg->arch = arch_by_name(arch)))
		return sh_error(sh, "unknown arch '%s' (i386, i386-pae, x86_64, x86_64-la57)",
				arch);
	if (ram) {
		if (arg_size(sh, "ram", ram, &v) < 0)
			return -1;
		cfg->ram = v;
	}
	if (seed) {
		if (arg_number(sh, "seed", seed, &v) < 0)
			return -1;
		cfg->seed = v;
	}
	if (opt_int(sh, a, "nodes", &cfg->nodes) < 0 || opt_int(sh, a, "cpus", &cfg->cpus) < 0)
		return -1;
	if (opt_int(sh, a, "tlb", &cfg->tlb_entries) < 0 ||
	    opt_int(sh, a, "tlb_ways", &cfg->tlb_ways) < 0)
		return -1;
	/* 0 stands for the default in the config: a 0 written out is an error */
	if (arg_opt(a, "tlb") && cfg->tlb_entries < 1)
		return sh_error(sh, "tlb: %d is out of range (1..%d)", cfg->tlb_entries,
				TLB_MAX_ENTRIES);
	if (arg_opt(a, "tlb_ways") && cfg->tlb_ways < 1)
		return sh_error(sh, "tlb_ways: %d is not a number of ways (at least 1)",
				cfg->tlb_ways);
	if (arg_opt(a, "pcid") && strcmp(arg_opt(a, "pcid"), "on") != 0 &&
	    strcmp(arg_opt(a, "pcid"), "off") != 0)
		return sh_error(sh, "pcid: expected on or off, not '%s'", arg_opt(a, "pcid"));
	cfg->pcid = arg_opt(a, "pcid") && strcmp(arg_opt(a, "pcid"), "on") == 0;
	if (parse_swap_policy(sh, a, cfg) < 0)
		return -1;
	if (machine_config_check(cfg, err) < 0)
		return sh_error(sh, "%s", err);
	return 0;
}

static int cmd_machine(struct shell *sh, struct args *a)
{
	struct machine_config cfg;

	if (parse_config(sh, a, &cfg) < 0 || shell_set_machine(sh, &cfg) < 0)
		return -1;
	print_boot(sh);
	return 0;
}

static int cmd_reset(struct shell *sh, struct args *a)
{
	struct machine_config cfg = sh->cfg;

	if (parse_swap_policy(sh, a, &cfg) < 0 || shell_set_machine(sh, &cfg) < 0)
		return -1;
	print_boot(sh);
	return 0;
}

/* `cpu [N]`: which CPU the following commands run on, and what it runs. */
static int cmd_cpu(struct shell *sh, struct args *a)
{
	struct machine *m = sh->m;
	const struct task_struct *t;
	uint64_t n;

	if (a->argc == 1) {
		if (arg_number(sh, "N", a->argv[0], &n) < 0)
			return -1;
		if (n >= (uint64_t)m->nr_cpus)
			return sh_error(sh, "cpu %llu does not exist (cpus 0..%d)",
					(unsigned long long)n, m->nr_cpus - 1);
		m->cpu = (int)n;
	}
	t = current_task(m);
	fprintf(sh->out, "cpu %d (node %d): ", m->cpu, cpu_to_node(m, m->cpu));
	if (t)
		fprintf(sh->out, "runs pid %d (%s)\n", t->pid, t->comm);
	else
		fprintf(sh->out, "idle\n");
	return 0;
}

const struct command machine_commands[] = {
	{
		.name = "machine", .handler = cmd_machine, .min_args = 0, .max_args = 0,
		.usage = "machine [arch=ARCH] [ram=SIZE] [nodes=N] [cpus=N] [seed=N] [tlb=N] "
			 "[tlb_ways=N] [pcid=on|off] [swap=SIZE] [policy=NAME]",
		.summary = "build a new machine in place of the current one",
		.help = "Builds and boots a new machine; options not given take their defaults.\n"
			"  arch=   i386 (2-level paging, highmem), i386-pae (3-level), x86_64\n"
			"          (4-level), x86_64-la57 (5-level); default i386\n"
			"  ram=    RAM size, a multiple of 4M: 64M up to 4G (i386) or 64G; default 1G\n"
			"  nodes=  NUMA nodes; RAM is split evenly between them; default 1\n"
			"  cpus=   CPUs, each with its per-CPU page lists; default 1\n"
			"  seed=   seed of the machine's random generator; default 1\n"
			"  tlb=    TLB entries per CPU; default 64\n"
			"  tlb_ways=  associativity: entries per set (tlb= a multiple); default 4\n"
			"  pcid=   on: TLB entries carry a PCID and survive CR3 loads; default off\n"
			"  swap=   boot with one swap area of SIZE (/dev/sda2); default none\n"
			"  policy= how reclaim picks victims: linux, fifo, lru, clock; default linux\n"
			"Prints the configuration and a \"Memory:\" line in the form of the\n"
			"kernel's boot line: available/present RAM, then where the rest went.",
		.example = "machine arch=x86_64 ram=4G nodes=2 cpus=2",
		.options = "arch,ram,nodes,cpus,seed,tlb,tlb_ways,pcid,swap,policy",
		.group = "machine",
	},
	{
		.name = "reset", .handler = cmd_reset, .min_args = 0, .max_args = 0,
		.usage = "reset [swap=SIZE] [policy=NAME]",
		.summary = "rebuild the machine with the same settings",
		.help = "Throws the current machine away and boots a fresh one with the settings\n"
			"of the last `machine` command (or the defaults).  swap= and policy=\n"
			"change those two settings, as `machine` takes them (swap=0: no swap).",
		.example = "reset swap=64M policy=clock", .options = "swap,policy",
		.group = "machine",
	},
	{
		.name = "cpu", .handler = cmd_cpu, .min_args = 0, .max_args = 1,
		.usage = "cpu [N]",
		.summary = "the CPU the following commands run on",
		.help = "With N, the following commands run on CPU N: its per-CPU page lists,\n"
			"its TLB, its kmap_atomic slots, the process it runs (`switch PID` puts\n"
			"one on it).  Without N, says which CPU that is and what it runs.",
		.example = "machine cpus=2; cpu 1", .group = "machine",
	},
	{ 0 }
};
