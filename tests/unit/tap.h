/*
 * tap.h - a small TAP producer for the C unit tests.
 *
 *   plan_no_plan();
 *   check_int(buddy_nr_free(z, 3), ==, 1);   prints both values on failure
 *   ok(cond, "name %d", i);
 *   return done_testing();
 *
 * Each check is one TAP line; failures carry the file, line and the
 * expression so `prove` output points at the spot.
 */
#ifndef VMLAB_TAP_H
#define VMLAB_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_n, tap_failed;

static inline void tap_vline(int pass, const char *fmt, va_list ap)
{
	printf("%s %d - ", pass ? "ok" : "not ok", ++tap_n);
	vprintf(fmt, ap);
	putchar('\n');
	if (!pass)
		tap_failed++;
	fflush(stdout);
}

__attribute__((format(printf, 2, 3)))
static inline int ok(int pass, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_vline(pass, fmt, ap);
	va_end(ap);
	return pass;
}

__attribute__((format(printf, 1, 2)))
static inline void diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

#define check_int(a, op, b) do {					\
	long long a_ = (long long)(a), b_ = (long long)(b);		\
	if (!ok(a_ op b_, "%s %s %s", #a, #op, #b))			\
		diag("  %s:%d: got %lld, expected %s %lld",		\
		     __FILE__, __LINE__, a_, #op, b_);			\
} while (0)

#define check_str(a, b) do {						\
	const char *a_ = (a), *b_ = (b);				\
	if (!ok(a_ && b_ && strcmp(a_, b_) == 0, "%s eq %s", #a, #b))	\
		diag("  %s:%d: got \"%s\", expected \"%s\"",		\
		     __FILE__, __LINE__, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
} while (0)

static inline int done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
