/*
 * check.h - the invariant checker.
 *
 * Walks the whole machine and reports every rule that does not hold: each
 * frame is reserved, allocated, free inside exactly one buddy block, or on
 * exactly one per-CPU list; nr_free agrees with the lists; no free block
 * has a free buddy of the same order; NR_FREE_PAGES and pcp counts agree
 * with what is on the lists.  Later parts add their own rules here.
 */
#ifndef VMLAB_MM_CHECK_H
#define VMLAB_MM_CHECK_H

struct machine;

typedef void (*check_report_fn)(void *ctx, const char *violation);

/* Formats one violation and hands it to report: each module's rules use it. */
void check_violation(check_report_fn report, void *ctx, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The address-space rules (check_vm.c): page tables, mapcounts, page cache, VMAs, TLB. */
void vm_check(struct machine *m, check_report_fn report, void *ctx);

/*
 * Checks every invariant; calls report once per violation (at most `limit`
 * times, 0 = no limit).  Returns the number of violations found.
 */
unsigned long check_machine(struct machine *m, check_report_fn report, void *ctx,
			    unsigned long limit);

#endif
