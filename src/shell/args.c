/*
 * args.c - the values handlers take from their words: options by key,
 * numbers and sizes.
 *
 *   arg_number  "42"  "0x1f000"                     -> 42  126976
 *   arg_size    "4096"  "16K"  "2MiB"  "0x10M"  "1G" -> 4096  16384
 *                                                      2097152  16777216
 *                                                      1073741824
 *
 * Every value is a full 64-bit unsigned number.  Anything else (a sign, a
 * fraction, a stray letter, more than 64 bits) is one error line that names
 * the argument, and the handler stops:
 *
 *   error: alloc_pages: ORDER: 'x3' is not a number
 */
#include <errno.h>
#include <string.h>
#include <strings.h>
#include "mm/gfp.h"
#include "shell/command.h"
#include "shell/shell.h"

const char *arg_opt(const struct args *a, const char *key)
{
	for (int i = 0; i < a->optc; i++)
		if (strcmp(a->key[i], key) == 0)
			return a->val[i];
	return NULL;
}

static int digit_value(char c, unsigned base)
{
	int d;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'f')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		d = c - 'A' + 10;
	else
		return -1;
	return (unsigned)d < base ? d : -1;
}

/*
 * Reads decimal digits, or hex digits after "0x", from *s and advances *s
 * past them.  Returns 0, -EINVAL if there is no digit, -ERANGE if the value
 * needs more than 64 bits.
 */
static int parse_u64(const char **s, uint64_t *out)
{
	const char *p = *s, *digits;
	unsigned base = 10;
	uint64_t v = 0;
	int d;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		base = 16, p += 2;
	for (digits = p; (d = digit_value(*p, base)) >= 0; p++) {
		if (v > (UINT64_MAX - (unsigned)d) / base)
			return -ERANGE;
		v = v * base + (unsigned)d;
	}
	if (p == digits)
		return -EINVAL;
	*s = p;
	*out = v;
	return 0;
}

static int bad_value(struct shell *sh, const char *what, const char *s, int err,
		     const char *kind)
{
	if (err == -ERANGE)
		return sh_error(sh, "%s: '%s' is too large (more than 64 bits)", what, s);
	if (s[0] == '-')
		return sh_error(sh, "%s: '%s' is negative", what, s);
	return sh_error(sh, "%s: '%s' is not a %s", what, s, kind);
}

int arg_number(struct shell *sh, const char *what, const char *s, uint64_t *out)
{
	const char *p = s;
	int err = parse_u64(&p, out);

	if (err || *p)
		return bad_value(sh, what, s, err ? err : -EINVAL, "number");
	return 0;
}

static const struct {
	const char *suffix;
	unsigned shift;
} size_suffixes[] = {
	{ "", 0 },
	{ "K", 10 }, { "KiB", 10 },
	{ "M", 20 }, { "MiB", 20 },
	{ "G", 30 }, { "GiB", 30 },
	{ "T", 40 }, { "TiB", 40 },
};

/* The shift a size suffix stands for ("M" and "MiB": 20), or -1. */
static int suffix_shift(const char *suffix)
{
	for (size_t i = 0; i < sizeof size_suffixes / sizeof size_suffixes[0]; i++)
		if (strcasecmp(suffix, size_suffixes[i].suffix) == 0)
			return (int)size_suffixes[i].shift;
	return -1;
}

int arg_size(struct shell *sh, const char *what, const char *s, uint64_t *out)
{
	const char *p = s;
	uint64_t v;
	int err = parse_u64(&p, &v), shift;

	if (err)
		return bad_value(sh, what, s, err, "size (a number with K, M or G)");
	shift = suffix_shift(p);
	if (shift < 0)
		return bad_value(sh, what, s, -EINVAL, "size (a number with K, M or G)");
	if (shift && v > UINT64_MAX >> shift)
		return bad_value(sh, what, s, -ERANGE, NULL);
	*out = v << shift;
	return 0;
}

int arg_list(struct shell *sh, const char *what, const char *s)
{
	size_t n = strlen(s);

	if (n && s[0] != ',' && s[n - 1] != ',' && !strstr(s, ",,"))
		return 0;
	return sh_error(sh, "%s: '%s' has an empty item (items are separated by one ',')", what,
			s);
}

int arg_gfp(struct shell *sh, const struct args *a, gfp_t dflt, gfp_t *gfp)
{
	const char *s = arg_opt(a, "gfp");
	char bad[64];

	*gfp = dflt;
	if (!s || gfp_parse(s, gfp, bad, sizeof(bad)) == 0)
		return 0;
	if (!bad[0])
		return sh_error(sh, "gfp: '%s' has an empty flag (flags are joined by one '|')", s);
	return sh_error(sh, "unknown GFP flag '%s' (try GFP_KERNEL, GFP_HIGHUSER, "
			"__GFP_ZERO, ...)", bad);
}
