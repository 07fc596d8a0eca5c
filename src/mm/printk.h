/*
 * printk.h - the kernel log: what dmesg shows.
 *
 * Some steps of the kernel are told by log lines rather than by return
 * values: swapon's "Adding 1048572k swap on /dev/sda2.  Priority:-2 ...",
 * the OOM killer's report.  The core appends them here (it never prints);
 * the shell shows the lines a command added after its output and `dmesg`
 * shows them all.  Lines are numbered from 1 as they are written, so a
 * reader remembers the last number it saw:
 *
 *   seq 1  Adding 1048572k swap on /dev/sda2.  Priority:-2 extents:1 ...
 *   seq 2  app invoked oom-killer: gfp_mask=0x140dca(...), order=0, ...
 *
 * The log keeps the most recent KLOG_LINES lines, as the kernel's ring
 * buffer keeps the most recent bytes.
 */
#ifndef VMLAB_MM_PRINTK_H
#define VMLAB_MM_PRINTK_H

#include <stdbool.h>

struct machine;

#define KLOG_LINES	1024
#define KLOG_LINE_LEN	256

struct klog {
	char line[KLOG_LINES][KLOG_LINE_LEN];
	bool quiet[KLOG_LINES];		/* printk_info(): dmesg only, not the console */
	unsigned long next;		/* the number the next line gets (from 1) */
	unsigned long console_seq;	/* the next line the console (the shell) shows */
};

/* Appends one line (no newline needed; a long one is cut). */
void printk(struct machine *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * A KERN_INFO line below the console's loglevel, as the kernel's default
 * console_loglevel keeps show_signal_msg()'s segfault line off the
 * terminal: only dmesg shows it.
 */
void printk_info(struct machine *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * The line numbered seq, or NULL if it is not (or no longer) in the log.
 * klog_first() and klog_next() bound the numbers still held.
 */
const char *klog_line(const struct machine *m, unsigned long seq);
unsigned long klog_first(const struct machine *m);
unsigned long klog_next(const struct machine *m);

/*
 * The next line for the console (not a printk_info() one) not shown yet;
 * it counts as shown.  NULL when there is none.
 */
const char *klog_console_next(struct machine *m);

#endif
