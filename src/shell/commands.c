/*
 * commands.c - one command table made of the group tables.
 *
 * Every group file (cmd_machine.c, cmd_phys.c, ...) owns its commands; this
 * file only joins the tables, in the order `help` shows the groups, and
 * looks names up.  A name is found if it is exact or a unique prefix, so
 * `buddy` runs buddyinfo while `k` is ambiguous:
 *
 *   command_lookup("alloc_pages") -> alloc_pages (exact)
 *   command_lookup("buddy")       -> buddyinfo   (the only one)
 *   command_lookup("free")        -> free        (exact beats free_pages)
 *
 * The joined table is built once, on first use, and never changes: the
 * one piece of static state the shell keeps for its commands.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include "shell/commands.h"
#include "shell/shell.h"

#define MAX_COMMANDS 512

/* The groups, in `help` order (DESIGN.md's table). */
static const struct command *const group_tables[] = {
	machine_commands,
	proc_commands,
	translate_commands,
	phys_commands,
	slab_commands,
	kmem_commands,
	reclaim_commands,
	views_commands,
	tools_commands,
	dot_commands,
	lua_commands,
};

const struct command *command_table(void)
{
	static struct command table[MAX_COMMANDS + 1];
	static bool built;
	size_t n = 0;

	if (built)
		return table;
	for (size_t g = 0; g < sizeof group_tables / sizeof group_tables[0]; g++)
		for (const struct command *c = group_tables[g]; c->name; c++) {
			assert(n < MAX_COMMANDS);
			table[n++] = *c;
		}
	built = true;
	return table;
}

const struct command *command_lookup(const char *name, int *nmatch)
{
	const struct command *found = NULL;
	size_t len = strlen(name);
	int n = 0;

	for (const struct command *c = command_table(); c->name; c++) {
		if (strcmp(c->name, name) == 0) {
			*nmatch = 1;
			return c;
		}
		if (len && strncmp(c->name, name, len) == 0) {
			found = c;
			n++;
		}
	}
	*nmatch = n;
	return n == 1 ? found : NULL;
}

const struct command *command_find(const char *name)
{
	int n;

	return command_lookup(name, &n);
}

/* Lists the commands name is a prefix of, as "a, b, c" (at most a few). */
static void list_prefixed(const char *name, char *buf, size_t len)
{
	size_t n = 0, plen = strlen(name);
	int shown = 0;

	buf[0] = '\0';
	for (const struct command *c = command_table(); c->name && n < len; c++) {
		if (strncmp(c->name, name, plen) != 0)
			continue;
		if (shown++ == 8) {
			snprintf(buf + n, len - n, ", ...");
			return;
		}
		n += (size_t)snprintf(buf + n, len - n, "%s%s", shown > 1 ? ", " : "", c->name);
	}
}

const struct command *command_resolve(struct shell *sh, const char *name)
{
	const struct command *c;
	char names[160];
	int n;

	c = command_lookup(name, &n);
	if (c)
		return c;
	if (n == 0) {
		sh_error(sh, "unknown command '%s' (try 'help')", name);
		return NULL;
	}
	list_prefixed(name, names, sizeof names);
	sh_error(sh, "ambiguous command '%s' (%s)", name, names);
	return NULL;
}

const char *command_complete(struct shell *sh, const char *text, int idx)
{
	size_t len = strlen(text);

	(void)sh;
	for (const struct command *c = command_table(); c->name; c++)
		if (strncmp(c->name, text, len) == 0 && idx-- == 0)
			return c->name;
	return NULL;
}

void command_option_list(const struct command *c, char *buf, size_t len)
{
	size_t n = 0;

	for (const char *p = c->options ? c->options : ""; *p && n + 3 < len; p++)
		if (*p == ',')
			n += (size_t)snprintf(buf + n, len - n, ", ");
		else
			buf[n++] = *p;
	buf[n] = '\0';
}

/*
 * Usage words after the name name the positional arguments, except options
 * ("[gfp=FLAGS]"): "touch ADDR [SIZE] [r|w|x]" has ADDR, SIZE, r|w|x.
 * A name ending in "..." stands for every word from there on.
 */
bool command_arg_name(const struct command *c, int idx, char *buf, size_t len)
{
	const char *p = c->usage ? c->usage : "";
	const char *last = NULL;
	size_t last_n = 0;

	p += strcspn(p, " ");			/* skip the name */
	while (*(p += strspn(p, " "))) {
		size_t n = strcspn(p, " ");
		const char *w = p;

		p += n;
		if (memchr(w, '=', n))
			continue;
		while (n && (*w == '[' || *w == '(')) w++, n--;
		while (n && (w[n - 1] == ']' || w[n - 1] == ')')) n--;
		last = w, last_n = n;
		if (idx-- == 0)
			break;
	}
	if (!last || (idx >= 0 && !(last_n > 3 && memcmp(last + last_n - 3, "...", 3) == 0)))
		return false;
	snprintf(buf, len, "%.*s", (int)last_n, last);
	return true;
}
