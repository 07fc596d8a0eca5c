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
#include <stdio.h>
#include <stdlib.h>
#include "machine.h"
#include "printk.h"

void printk(struct machine *m, const char *fmt, ...)
{
	va_list ap;

	if (!m->klog) {
		m->klog = calloc(1, sizeof(*m->klog));
		if (!m->klog)
			return;
		m->klog->next = m->klog->console_seq = 1;
	}
	va_start(ap, fmt);
	vsnprintf(m->klog->line[m->klog->next % KLOG_LINES], KLOG_LINE_LEN, fmt, ap);
	va_end(ap);
	m->klog->next++;
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

	if (!m->klog || m->klog->console_seq >= m->klog->next)
		return NULL;
	if (m->klog->console_seq < klog_first(m))
		m->klog->console_seq = klog_first(m);	/* the ring moved past the console */
	line = klog_line(m, m->klog->console_seq);
	m->klog->console_seq++;
	return line;
}
