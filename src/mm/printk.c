/*
 * printk.c - the kernel log, a ring of the last KLOG_LINES lines.
 *
 * Line seq lives in slot seq % KLOG_LINES; once more than KLOG_LINES lines
 * were written, the oldest are gone, as in the kernel's log_buf:
 *
 *   next = 1027:  slots hold lines 3 .. 1026; klog_first() = 3
 *
 * The log is created on the first printk(), so a machine that logs
 * nothing costs nothing.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include "machine.h"
#include "printk.h"

static void vprintk(struct machine *m, bool console, const char *fmt, va_list ap)
{
	unsigned long slot;

	if (!m->klog) {
		m->klog = calloc(1, sizeof(*m->klog));
		if (!m->klog)
			return;
		m->klog->next = m->klog->console_seq = 1;
	}
	slot = m->klog->next % KLOG_LINES;
	vsnprintf(m->klog->line[slot], KLOG_LINE_LEN, fmt, ap);
	m->klog->quiet[slot] = !console;
	m->klog->next++;
}

void printk(struct machine *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(m, true, fmt, ap);
	va_end(ap);
}

void printk_info(struct machine *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(m, false, fmt, ap);
	va_end(ap);
}

unsigned long klog_next(const struct machine *m)
{
	return m->klog ? m->klog->next : 1;
}

unsigned long klog_first(const struct machine *m)
{
	unsigned long next = klog_next(m);

	return next > KLOG_LINES ? next - KLOG_LINES : 1;
}

const char *klog_line(const struct machine *m, unsigned long seq)
{
	if (seq < klog_first(m) || seq >= klog_next(m))
		return NULL;
	return m->klog->line[seq % KLOG_LINES];
}

const char *klog_console_next(struct machine *m)
{
	const char *line;

	if (!m->klog)
		return NULL;
	if (m->klog->console_seq < klog_first(m))
		m->klog->console_seq = klog_first(m);	/* the ring moved past the console */
	while (m->klog->console_seq < m->klog->next &&
	       m->klog->quiet[m->klog->console_seq % KLOG_LINES])
		m->klog->console_seq++;
	if (m->klog->console_seq >= m->klog->next)
		return NULL;
	line = klog_line(m, m->klog->console_seq);
	m->klog->console_seq++;
	return line;
}
