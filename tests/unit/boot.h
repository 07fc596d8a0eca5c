/*
 * boot.h - a machine for a unit test: arch, RAM in MiB, nodes and CPUs,
 * the other settings at their defaults.  A configuration the machine
 * refuses ends the test with the reason.
 */
#ifndef VMLAB_TEST_BOOT_H
#define VMLAB_TEST_BOOT_H

#include <stdlib.h>
#include "tap.h"
#include "mm/machine.h"

static inline struct machine *boot(const char *arch, unsigned long long ram_mib, int nodes,
				   int cpus)
{
	struct machine_config cfg;
	char err[MM_ERR_LEN];

	machine_default_config(&cfg);
	cfg.arch = arch_by_name(arch);
	cfg.ram = ram_mib << 20;
	cfg.nodes = nodes;
	cfg.cpus = cpus;
	if (machine_config_check(&cfg, err) < 0) {
		diag("bad config: %s", err);
		exit(1);
	}
	return machine_create(&cfg);
}

#endif
