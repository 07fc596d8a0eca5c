/*
 * shell.c - the shell's core, below the binary: `check` and --check on a
 * machine with a broken invariant, FILE:LINE in batch errors, machine
 * swaps that keep the listeners, and the number and size parsers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "shell/command.h"
#include "shell/shell.h"

struct captured {
	char *out, *err;
	int ret;
};

static char *out_buf, *err_buf;
static size_t out_len, err_len;

static void capture(struct shell *sh)
{
	sh->out = open_memstream(&out_buf, &out_len);
	sh->err = open_memstream(&err_buf, &err_len);
}

/* Closes the capture; the texts belong to the caller. */
static struct captured release(struct shell *sh, int ret)
{
	struct captured c;

	fclose(sh->out);
	fclose(sh->err);
	sh->out = stdout;
	sh->err = stderr;
	c.out = out_buf;
	c.err = err_buf;
	c.ret = ret;
	return c;
}

static struct captured run(struct shell *sh, const char *line)
{
	capture(sh);
	return release(sh, shell_run_line(sh, line));
}

static struct captured run_file(struct shell *sh, const char *text, const char *name)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	unsigned long failed;

	capture(sh);
	failed = shell_run_file(sh, f, name);
	fclose(f);
	return release(sh, (int)failed);
}

static void drop(struct captured c)
{
	free(c.out);
	free(c.err);
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void test_check(struct shell *sh)
{
	struct zone *z = &sh->m->node_data[0].node_zones[ZONE_NORMAL];
	unsigned long errors = sh->errors;
	struct captured c = run(sh, "check");

	check_str(c.out, "OK\n");
	check_str(c.err, "");
	check_int(c.ret, ==, 0);
	drop(c);

	z->free_area[3].nr_free++;		/* a counter that lies */
	c = run(sh, "check");
	if (!ok(strstr(c.out, "free_area[3]") != NULL, "check prints the violation"))
		diag("got \"%s\"", c.out);
	check_str(c.err, "error: check: 1 violation\n");
	check_int(c.ret, ==, -1);
	check_int(sh->errors, ==, errors + 1);
	drop(c);

	sh->check = true;
	c = run(sh, "echo hi");
	check_str(c.out, "hi\n");
	if (!ok(starts_with(c.err, "error: check: ") && strstr(c.err, "free_area[3]"),
		"--check reports after any command"))
		diag("got \"%s\"", c.err);
	check_int(c.ret, ==, -1);
	drop(c);

	z->free_area[3].nr_free--;
	c = run(sh, "echo hi");
	check_str(c.err, "");
	check_int(c.ret, ==, 0);
	drop(c);
	sh->check = false;
}

static void test_batch(struct shell *sh)
{
	struct captured c = run_file(sh, "echo a\n\nbogus\necho b; nope\n", "t.vm");

	check_str(c.out, "a\nb\n");
	check_str(c.err, "t.vm:3: error: unknown command 'bogus' (try 'help')\n"
		  "t.vm:4: error: unknown command 'nope' (try 'help')\n");
	check_int(c.ret, ==, 2);
	ok(sh->source == NULL && sh->line == 0, "the caller's FILE:LINE comes back");
	drop(c);

	sh->bail = true;
	c = run_file(sh, "echo a\nbogus\necho b\n", "t.vm");
	check_str(c.out, "a\n");
	check_int(c.ret, ==, 1);
	drop(c);
	sh->bail = false;

	*sh->interrupted = 1;
	c = run(sh, "echo a; echo b");
	check_str(c.out, "");
	check_int(c.ret, ==, 0);
	drop(c);
	*sh->interrupted = 0;
}

static void test_set_machine(struct shell *sh)
{
	struct machine_config cfg = sh->cfg;
	struct machine *old = sh->m;
	struct captured c = run(sh, "trace on; explain on");

	check_int(c.ret, ==, 0);
	drop(c);
	cfg.ram = 64ULL << 20;
	check_int(shell_set_machine(sh, &cfg), ==, 0);
	ok(sh->m != old, "a new machine");
	ok(sh->trace_sub >= 0 && sh->explain_sub >= 0, "trace and explain listen to it");
	check_int(sh->m->events.nr, ==, 2);

	old = sh->m;
	cfg.ram = 1;
	capture(sh);
	c = release(sh, shell_set_machine(sh, &cfg));
	check_int(c.ret, ==, -1);
	ok(sh->m == old && sh->cfg.ram == 64ULL << 20, "a bad config keeps the machine");
	if (!ok(starts_with(c.err, "error: "), "and says why"))
		diag("got \"%s\"", c.err);
	drop(c);

	c = run(sh, "trace off; explain off");
	check_int(sh->m->events.nr, ==, 0);
	drop(c);
}

static const struct {
	const char *in;
	uint64_t value;
	const char *err;	/* NULL: accepted */
} numbers[] = {
	{ "0", 0, NULL },
	{ "42", 42, NULL },
	{ "0x1f000", 0x1f000, NULL },
	{ "0XfF", 255, NULL },
	{ "18446744073709551615", UINT64_MAX, NULL },
	{ "0xffffffffffffffff", UINT64_MAX, NULL },
	{ "", 0, "error: t: N: '' is not a number\n" },
	{ "x3", 0, "error: t: N: 'x3' is not a number\n" },
	{ "0x", 0, "error: t: N: '0x' is not a number\n" },
	{ "0x1g", 0, "error: t: N: '0x1g' is not a number\n" },
	{ "1.5", 0, "error: t: N: '1.5' is not a number\n" },
	{ " 1", 0, "error: t: N: ' 1' is not a number\n" },
	{ "1 ", 0, "error: t: N: '1 ' is not a number\n" },
	{ "4K", 0, "error: t: N: '4K' is not a number\n" },
	{ "-1", 0, "error: t: N: '-1' is negative\n" },
	{ "18446744073709551616", 0,
	  "error: t: N: '18446744073709551616' is too large (more than 64 bits)\n" },
	{ "0x10000000000000000", 0,
	  "error: t: N: '0x10000000000000000' is too large (more than 64 bits)\n" },
};

static const struct {
	const char *in;
	uint64_t value;
	const char *err;
} sizes[] = {
	{ "4096", 4096, NULL },
	{ "16K", 16384, NULL },
	{ "16k", 16384, NULL },
	{ "2MiB", 2 << 20, NULL },
	{ "0x10M", 16 << 20, NULL },
	{ "1G", 1 << 30, NULL },
	{ "3GiB", 3ULL << 30, NULL },
	{ "1T", 1ULL << 40, NULL },
	{ "16777215T", 16777215ULL << 40, NULL },
	{ "16777216T", 0, "error: t: S: '16777216T' is too large (more than 64 bits)\n" },
	{ "1KB", 0, "error: t: S: '1KB' is not a size (a number with K, M or G)\n" },
	{ "K", 0, "error: t: S: 'K' is not a size (a number with K, M or G)\n" },
	{ "1.5M", 0, "error: t: S: '1.5M' is not a size (a number with K, M or G)\n" },
	{ "-4K", 0, "error: t: S: '-4K' is negative\n" },
};

static void test_numbers(struct shell *sh)
{
	sh->cmd_name = "t";
	for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
		uint64_t v = 0;
		struct captured c;

		capture(sh);
		c = release(sh, arg_number(sh, "N", numbers[i].in, &v));
		check_int(c.ret, ==, numbers[i].err ? -1 : 0);
		check_str(c.err, numbers[i].err ? numbers[i].err : "");
		if (!numbers[i].err)
			ok(v == numbers[i].value, "arg_number(\"%s\") = %llu", numbers[i].in,
			   (unsigned long long)v);
		drop(c);
	}
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		uint64_t v = 0;
		struct captured c;

		capture(sh);
		c = release(sh, arg_size(sh, "S", sizes[i].in, &v));
		check_int(c.ret, ==, sizes[i].err ? -1 : 0);
		check_str(c.err, sizes[i].err ? sizes[i].err : "");
		if (!sizes[i].err)
			ok(v == sizes[i].value, "arg_size(\"%s\") = %llu", sizes[i].in,
			   (unsigned long long)v);
		drop(c);
	}
	sh->cmd_name = NULL;
}

int main(void)
{
	struct shell *sh = shell_create(NULL);

	if (!ok(sh != NULL, "shell_create"))
		return done_testing();
	test_check(sh);
	test_batch(sh);
	test_set_machine(sh);
	test_numbers(sh);
	shell_destroy(sh);
	return done_testing();
}
