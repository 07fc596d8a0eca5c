/*
 * cmd_proc.c - processes and their memory as commands.
 *
 *   vmlab> exec app
 *   pid 1 (app) is now current: 4 VMAs, pgd at pfn 0x37ffe
 *   vmlab> malloc 10000
 *   0x0804b008  (brk heap: brk 0x0804b000 -> 0x0806e000)
 *   vmlab> touch 0x0804b008 10000 w
 *   touched 3 pages (write): 3 minor faults, 0 major
 *   vmlab> fork
 *   pid 2 (app): child of pid 1, 3 pages shared copy-on-write
 *
 * "processes": exec, ps, switch, kill, fork, maps, smaps, file, files,
 * drop_caches.  "user memory": malloc, free (as `free ADDR`: the views'
 * `free` hands a numeric argument here), brk, mmap, munmap, mprotect,
 * msync, touch, write, read.  User-memory commands act as the current
 * process of the CPU; a fault the process cannot survive kills it: one
 * line says why, the kernel's segfault line goes to the log (dmesg), and
 * the command itself succeeds.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "mm/filemap.h"
#include "mm/machine.h"
#include "mm/malloc.h"
#include "mm/memory.h"
#include "mm/mmap.h"
#include "mm/sched.h"
#include "report/task_mmu.h"
#include "shell/command.h"
#include "shell/commands.h"
#include "shell/shell.h"

/* ---- helpers ---------------------------------------------------------------------- */

static int addr_digits(const struct shell *sh)
{
	return sh->m->arch->addr_digits;
}

static struct task_struct *current_or_error(struct shell *sh)
{
	struct task_struct *t = current_task(sh->m);

	if (!t)
		sh_error(sh, "no process runs on cpu %d (exec one, or switch PID)", sh->m->cpu);
	return t;
}

/* The task a PID word names, or the current one when word is NULL. */
static struct task_struct *task_arg(struct shell *sh, const char *word)
{
	struct task_struct *t;
	uint64_t pid;

	if (!word)
		return current_or_error(sh);
	if (arg_number(sh, "PID", word, &pid) < 0)
		return NULL;
	t = pid <= 0x7fffffff ? find_task(sh->m, (int)pid) : NULL;
	if (!t)
		sh_error(sh, "no process with pid %s (see ps)", word);
	return t;
}

/* The address an ADDR word names (any 64-bit value; the core judges it). */
static int addr_arg(struct shell *sh, const char *what, const char *word, unsigned long *out)
{
	uint64_t v;

	if (arg_number(sh, what, word, &v) < 0)
		return -1;
	if (!sh->m->arch->is_64bit && v > 0xffffffffULL)
		return sh_error(sh, "%s: 0x%llx is not a 32-bit address", what, (unsigned long long)v);
	*out = (unsigned long)v;
	return 0;
}

static int size_arg(struct shell *sh, const char *what, const char *word, unsigned long *out)
{
	uint64_t v;

	if (arg_size(sh, what, word, &v) < 0)
		return -1;
	if (v == 0)
		return sh_error(sh, "%s: must not be 0", what);
	*out = (unsigned long)v;
	return 0;
}

/* A SIZE that may be 0: mprotect and msync of nothing succeed, as in Linux. */
static int len_arg(struct shell *sh, const char *word, unsigned long *out)
{
	uint64_t v;

	if (arg_size(sh, "SIZE", word, &v) < 0)
		return -1;
	*out = (unsigned long)v;
	return 0;
}

/*
 * A fault that killed the process is what the process did, not a failure
 * of the command: one line says why (the kernel's segfault line is in
 * dmesg) and the shell goes on.
 */
static int access_failed(struct shell *sh, int err, const struct fault_info *fi)
{
	if (err == -EFAULT && fi->signo) {
		fprintf(sh->out, "%s\n", sh->m->err);
		return 0;
	}
	return sh_mm_error(sh);
}

/* Parses "rwx", "rw", "r", "-", "none" into PROT_* bits. */
static int prot_arg(struct shell *sh, const char *s, unsigned *prot)
{
	*prot = PROT_NONE;
	if (!*s)
		return sh_error(sh, "an empty protection (letters r, w, x, or none)");
	if (strcmp(s, "none") == 0 || strcmp(s, "-") == 0 || strcmp(s, "---") == 0)
		return 0;
	for (const char *p = s; *p; p++) {
		if (*p == 'r')
			*prot |= PROT_READ;
		else if (*p == 'w')
			*prot |= PROT_WRITE;
		else if (*p == 'x')
			*prot |= PROT_EXEC;
		else if (*p != '-')
			return sh_error(sh, "bad protection '%s' (letters r, w, x, or none)", s);
	}
	return 0;
}

static const char *complete_pid(struct shell *sh, const char *text, int idx)
{
	static char buf[16];

	for (struct task_struct *t = sh->m->tasks; t; t = t->next) {
		snprintf(buf, sizeof(buf), "%d", t->pid);
		if (strncmp(buf, text, strlen(text)) == 0 && idx-- == 0)
			return buf;
	}
	return NULL;
}

/* ---- processes -------------------------------------------------------------------- */

static int opt_size(struct shell *sh, const struct args *a, const char *key, unsigned long *out)
{
	const char *v = arg_opt(a, key);
	uint64_t n;

	*out = 0;
	if (!v)
		return 0;
	if (arg_size(sh, key, v, &n) < 0)
		return -1;
	if (n == 0 && strcmp(key, "bss") != 0)
		return sh_error(sh, "%s: must not be 0", key);
	if (n > (1ULL << 40))
		return sh_error(sh, "%s: %s is too large", key, v);
	*out = (unsigned long)n;
	return 0;
}

static int opt_onoff(struct shell *sh, const struct args *a, const char *key, bool *out)
{
	const char *v = arg_opt(a, key);

	*out = false;
	if (!v)
		return 0;
	if (strcmp(v, "on") == 0)
		*out = true;
	else if (strcmp(v, "off") != 0)
		return sh_error(sh, "%s: expected on or off, not '%s'", key, v);
	return 0;
}

static int map_count(const struct mm_struct *mm)
{
	return mm->map_count;
}

static int cmd_exec(struct shell *sh, struct args *a)
{
	struct exec_opts o;
	const char *layout = arg_opt(a, "layout");
	int pid;

	memset(&o, 0, sizeof(o));
	if (opt_size(sh, a, "text", &o.text) || opt_size(sh, a, "data", &o.data) ||
	    opt_size(sh, a, "bss", &o.bss) || opt_size(sh, a, "stack", &o.stack) ||
	    opt_onoff(sh, a, "pie", &o.pie))
		return -1;
	if (layout && strcmp(layout, "legacy") != 0 && strcmp(layout, "topdown") != 0)
		return sh_error(sh, "layout: expected topdown or legacy, not '%s'", layout);
	o.legacy = layout && strcmp(layout, "legacy") == 0;
	o.libs = arg_opt(a, "libs");
	pid = do_execve(sh->m, a->argv[0], &o);
	if (pid < 0)
		return sh_mm_error(sh);
	fprintf(sh->out, "pid %d (%s) is now current: %d VMAs, pgd at pfn 0x%lx\n", pid,
		current_task(sh->m)->comm, map_count(current_task(sh->m)->mm),
		current_task(sh->m)->mm->pgd);
	return 0;
}

static int cmd_ps(struct shell *sh, struct args *a)
{
	(void)a;
	fprintf(sh->out, "  PID  PPID COMMAND              VSZ     RSS   MINFL   MAJFL STAT\n");
	for (struct task_struct *t = sh->m->tasks; t; t = t->next) {
		bool running = false;

		for (int cpu = 0; cpu < sh->m->nr_cpus; cpu++)
			running |= sh->m->current[cpu] == t;
		fprintf(sh->out, "%5d %5d %-15s %8lu %7lu %7lu %7lu %s\n", t->pid, t->ppid, t->comm,
			t->mm->total_vm << (PAGE_SHIFT - 10), get_mm_rss(t->mm) << (PAGE_SHIFT - 10),
			t->min_flt, t->maj_flt, running ? "R" : "S");
	}
	return 0;
}

static int cmd_switch(struct shell *sh, struct args *a)
{
	struct task_struct *t = task_arg(sh, a->argv[0]), *prev = current_task(sh->m);
	struct machine *m = sh->m;

	if (!t)
		return -1;
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		if (m->current[cpu] == t && cpu != m->cpu)
			return sh_error(sh, "pid %d runs on cpu %d", t->pid, cpu);
	if (prev == t) {	/* the scheduler's prev == next: no switch, no CR3 load */
		fprintf(sh->out, "cpu %d: pid %d (%s) runs already: CR3 stays 0x%0*lx, the TLB "
			"keeps its entries\n", m->cpu, t->pid, t->comm, addr_digits(sh),
			t->mm->pgd << PAGE_SHIFT);
		return 0;
	}
	switch_to(m, t);
	fprintf(sh->out, "cpu %d: ", m->cpu);
	if (prev)
		fprintf(sh->out, "pid %d (%s) -> ", prev->pid, prev->comm);
	fprintf(sh->out, "pid %d (%s), CR3 = 0x%0*lx%s\n", t->pid, t->comm, addr_digits(sh),
		t->mm->pgd << PAGE_SHIFT, m->cfg.pcid ? " (PCID: tagged TLB entries stay)" :
		" (TLB flushed but for global entries)");
	return 0;
}

static int cmd_kill(struct shell *sh, struct args *a)
{
	struct task_struct *t = task_arg(sh, a->argv[0]);
	unsigned long rss, tables;
	char comm[TASK_COMM_LEN];
	int pid;

	if (!t)
		return -1;
	rss = get_mm_rss(t->mm);
	tables = t->mm->pgtables_bytes >> PAGE_SHIFT;
	pid = t->pid;
	snprintf(comm, sizeof(comm), "%s", t->comm);
	do_exit(sh->m, t);
	fprintf(sh->out, "pid %d (%s) killed: %lu mapped page%s and %lu page-table page%s "
		"released\n", pid, comm, rss, rss == 1 ? "" : "s", tables, tables == 1 ? "" : "s");
	return 0;
}

static int cmd_fork(struct shell *sh, struct args *a)
{
	struct task_struct *t = task_arg(sh, a->argc ? a->argv[0] : NULL), *c;
	int pid;

	if (!t)
		return -1;
	pid = do_fork(sh->m, t);
	if (pid < 0)
		return sh_mm_error(sh);
	c = find_task(sh->m, pid);
	fprintf(sh->out, "pid %d (%s): child of pid %d, %lu page%s shared copy-on-write\n",
		pid, c->comm, t->pid, get_mm_rss(c->mm), get_mm_rss(c->mm) == 1 ? "" : "s");
	return 0;
}

static int cmd_maps(struct shell *sh, struct args *a)
{
	struct task_struct *t = task_arg(sh, a->argc ? a->argv[0] : NULL);

	if (!t)
		return -1;
	proc_pid_maps(sh->m, t, sh->out);
	return 0;
}

static int cmd_smaps(struct shell *sh, struct args *a)
{
	struct task_struct *t = task_arg(sh, a->argc ? a->argv[0] : NULL);

	if (!t)
		return -1;
	proc_pid_smaps(sh->m, t, sh->out);
	return 0;
}

static int cmd_file(struct shell *sh, struct args *a)
{
	unsigned long size = 0;
	struct sim_file *f;

	if (size_arg(sh, "SIZE", a->argv[1], &size) < 0)
		return -1;
	f = file_create(sh->m, a->argv[0], size);
	if (!f)
		return sh_mm_error(sh);
	fprintf(sh->out, "%s: %lu bytes (%lu page%s), inode %lu, nothing cached\n", f->name,
		f->size, f->nr_pages, f->nr_pages == 1 ? "" : "s", f->ino);
	return 0;
}

static int cmd_files(struct shell *sh, struct args *a)
{
	(void)a;
	fprintf(sh->out, "  INODE       SIZE   PAGES  CACHED   DIRTY  MAPS NAME\n");
	for (const struct sim_file *f = sh->m->files->head; f; f = f->next)
		if (!f->hidden)
			fprintf(sh->out, "%7lu %10lu %7lu %7lu %7lu %5d %s\n", f->ino, f->size,
				f->nr_pages, f->nr_cached, f->nr_dirty, f->nr_mmaps, f->name);
	return 0;
}

static int cmd_drop_caches(struct shell *sh, struct args *a)
{
	unsigned long n = drop_pagecache(sh->m);

	(void)a;
	fprintf(sh->out, "freed %lu page-cache page%s (clean and unmapped)\n", n, n == 1 ? "" : "s");
	return 0;
}

/* `cat /proc/PID/maps` and `/proc/PID/smaps`.  Returns 1 if path is not one of them. */
/* /proc/PID/maps, /proc/PID/smaps, /proc/self/...: PID as /proc names it, no leading 0. */
int proc_pid_cat(struct shell *sh, const char *path)
{
	char who[16], file[16], extra;
	struct task_struct *t;
	char *end;
	long pid;

	if (sscanf(path, "/proc/%15[0-9a-z]/%15[a-z]%c", who, file, &extra) != 2 ||
	    (strcmp(file, "maps") != 0 && strcmp(file, "smaps") != 0))
		return 1;
	if (strcmp(who, "self") == 0)
		t = current_task(sh->m);
	else {
		pid = strtol(who, &end, 10);
		t = *end || who[0] == '0' || pid > INT_MAX ? NULL : find_task(sh->m, (int)pid);
	}
	if (!t)
		return sh_error(sh, "%s: No such file or directory", path);
	if (strcmp(file, "maps") == 0)
		proc_pid_maps(sh->m, t, sh->out);
	else
		proc_pid_smaps(sh->m, t, sh->out);
	return 0;
}

/* ---- user memory --------------------------------------------------------------------- */

static int cmd_malloc(struct shell *sh, struct args *a)
{
	struct task_struct *t = current_or_error(sh);
	struct malloc_result r;
	uint64_t size = 0;
	int w = addr_digits(sh);

	if (!t || arg_size(sh, "SIZE", a->argv[0], &size) < 0)
		return -1;
	if (user_malloc(sh->m, t->mm, (unsigned long)size, &r) < 0)
		return sh_mm_error(sh);
	if (r.mmapped)
		fprintf(sh->out, "0x%0*lx  (mmap: chunk 0x%0*lx-0x%0*lx)\n", w, r.ptr, w, r.chunk,
			w, r.chunk + r.size);
	else if (r.new_brk != r.old_brk)
		fprintf(sh->out, "0x%0*lx  (brk heap: brk 0x%0*lx -> 0x%0*lx)\n", w, r.ptr, w,
			r.old_brk, w, r.new_brk);
	else
		fprintf(sh->out, "0x%0*lx  (brk heap)\n", w, r.ptr);
	return 0;
}

/* free ADDR (reached through the views' `free` when its argument is a number). */
int cmd_user_free(struct shell *sh, struct args *a)
{
	struct task_struct *t = current_or_error(sh);
	struct malloc_result r;
	unsigned long addr;
	int w = addr_digits(sh);

	if (!t || addr_arg(sh, "ADDR", a->argv[0], &addr) < 0)
		return -1;
	if (addr == 0)
		return 0;			/* free(NULL) does nothing */
	if (user_free(sh->m, t->mm, addr, &r) < 0)
		return sh_mm_error(sh);
	if (r.mmapped)
		fprintf(sh->out, "munmap 0x%0*lx-0x%0*lx (mmap threshold now %luK)\n", w, r.chunk,
			w, r.chunk + r.size, r.threshold >> 10);
	else if (r.new_brk != r.old_brk)
		fprintf(sh->out, "heap trimmed: brk 0x%0*lx -> 0x%0*lx\n", w, r.old_brk, w,
			r.new_brk);
	return 0;
}

static int cmd_brk(struct shell *sh, struct args *a)
{
	struct task_struct *t = current_or_error(sh);
	unsigned long addr = 0;
	long brk;

	if (!t || (a->argc && addr_arg(sh, "ADDR", a->argv[0], &addr) < 0))
		return -1;
	brk = do_brk(sh->m, t->mm, addr);
	if (brk < 0)
		return sh_mm_error(sh);
	fprintf(sh->out, "brk 0x%0*lx (start_brk 0x%0*lx)\n", addr_digits(sh), (unsigned long)brk,
		addr_digits(sh), t->mm->start_brk);
	return 0;
}

/* flags=private,shared,anonymous,fixed joined by ',' or '|'. */
static int mmap_flags_arg(struct shell *sh, const char *s, unsigned *flags)
{
	char buf[128], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", s);
	for (char *w = strtok_r(buf, ",|", &save); w; w = strtok_r(NULL, ",|", &save)) {
		if (strcmp(w, "private") == 0)
			*flags |= MAP_PRIVATE;
		else if (strcmp(w, "shared") == 0)
			*flags |= MAP_SHARED;
		else if (strcmp(w, "anonymous") == 0 || strcmp(w, "anon") == 0)
			*flags |= MAP_ANONYMOUS;
		else if (strcmp(w, "fixed") == 0)
			*flags |= MAP_FIXED;
		else
			return sh_error(sh, "unknown mmap flag '%s' (private, shared, anonymous, "
					"fixed)", w);
	}
	return 0;
}

static int mmap_args(struct shell *sh, const struct args *a, unsigned long *addr,
		     unsigned *prot, unsigned *flags, struct sim_file **f, unsigned long *pgoff)
{
	const char *v;
	uint64_t off = 0;

	*prot = PROT_READ | PROT_WRITE;
	*flags = 0;
	*addr = 0;
	*f = NULL;
	if ((v = arg_opt(a, "addr")) && addr_arg(sh, "addr", v, addr) < 0)
		return -1;
	if ((v = arg_opt(a, "prot")) && prot_arg(sh, v, prot) < 0)
		return -1;
	if ((v = arg_opt(a, "flags")) && mmap_flags_arg(sh, v, flags) < 0)
		return -1;
	if ((v = arg_opt(a, "offset")) && arg_size(sh, "offset", v, &off) < 0)
		return -1;
	if (off & ~PAGE_MASK)
		return sh_error(sh, "offset: 0x%llx is not a multiple of the page size",
				(unsigned long long)off);
	*pgoff = (unsigned long)(off >> PAGE_SHIFT);
	if ((v = arg_opt(a, "file")) && !(*f = file_find(sh->m, v)))
		return sh_error(sh, "file: %s: No such file (see files)", v);
	if (*f && (*flags & MAP_ANONYMOUS))
		return sh_error(sh, "flags: anonymous and file= exclude each other");
	if (!(*flags & (MAP_SHARED | MAP_PRIVATE)))
		*flags |= MAP_PRIVATE;
	if (!*f)
		*flags |= MAP_ANONYMOUS;
	return 0;
}

static int cmd_mmap(struct shell *sh, struct args *a)
{
	struct task_struct *t = current_or_error(sh);
	unsigned long len = 0, addr = 0, pgoff = 0;
	unsigned prot, flags;
	struct sim_file *f;
	long r;

	if (!t || size_arg(sh, "SIZE", a->argv[0], &len) < 0 ||
	    mmap_args(sh, a, &addr, &prot, &flags, &f, &pgoff) < 0)
		return -1;
	r = do_mmap(sh->m, t->mm, addr, len, prot, flags, f, pgoff);
	if (r < 0)
		return sh_mm_error(sh);
	fprintf(sh->out, "0x%0*lx\n", addr_digits(sh), (unsigned long)r);
	return 0;
}

static int cmd_munmap(struct shell *sh, struct args *a)
{
	struct task_struct *t = current_or_error(sh);
	unsigned long addr = 0, len = 0;

	if (!t || addr_arg(sh, "ADDR", a->argv[0], &addr) < 0 ||
	    size_arg(sh, "SIZE", a->argv[1], &len) < 0)
		return -1;
	return do_munmap(sh->m, t->mm, addr, len) < 0 ? sh_mm_error(sh) : 0;
}

static int cmd_mprotect(struct shell *sh, struct args *a)
{
	struct task_struct *t = current_or_error(sh);
	unsigned long addr = 0, len = 0;
	unsigned prot;

	if (!t || addr_arg(sh, "ADDR", a->argv[0], &addr) < 0 ||
	    len_arg(sh, a->argv[1], &len) < 0 || prot_arg(sh, a->argv[2], &prot) < 0)
		return -1;
	return do_mprotect(sh->m, t->mm, addr, len, prot) < 0 ? sh_mm_error(sh) : 0;
}

static int cmd_msync(struct shell *sh, struct args *a)
{
	struct task_struct *t = current_or_error(sh);
	unsigned long addr = 0, len = 0, before;

	if (!t || addr_arg(sh, "ADDR", a->argv[0], &addr) < 0 || len_arg(sh, a->argv[1], &len) < 0)
		return -1;
	before = sh->m->vm_events[PGPGOUT];
	if (do_msync(sh->m, t->mm, addr, len) < 0)
		return sh_mm_error(sh);
	before = (sh->m->vm_events[PGPGOUT] - before) >> (PAGE_SHIFT - 10);
	fprintf(sh->out, "%lu dirty page%s written back\n", before, before == 1 ? "" : "s");
	return 0;
}

static int access_arg(struct shell *sh, const char *s, enum access_type *type)
{
	if (strcmp(s, "r") == 0)
		*type = ACCESS_READ;
	else if (strcmp(s, "w") == 0)
		*type = ACCESS_WRITE;
	else if (strcmp(s, "x") == 0)
		*type = ACCESS_EXEC;
	else
		return sh_error(sh, "access must be r, w or x, not '%s'", s);
	return 0;
}

static int cmd_touch(struct shell *sh, struct args *a)
{
	static const char *const kind[] = { "read", "write", "execute" };
	struct task_struct *t = current_or_error(sh);
	enum access_type type = ACCESS_READ;
	unsigned long addr, len = 1, pages, minflt, majflt, pfn;
	struct fault_info fi;
	int argi = 1, err;

	if (!t || addr_arg(sh, "ADDR", a->argv[0], &addr) < 0)
		return -1;
	if (a->argc > argi && strchr("rwx", a->argv[argi][0]) && !a->argv[argi][1])
		;			/* touch ADDR r|w|x */
	else if (a->argc > argi && size_arg(sh, "SIZE", a->argv[argi++], &len) < 0)
		return -1;
	if (a->argc > argi + 1)
		return sh_error(sh, "unexpected argument '%s' (usage: touch ADDR [SIZE] [r|w|x])",
				a->argv[argi + 1]);
	if (a->argc > argi && access_arg(sh, a->argv[argi], &type) < 0)
		return -1;
	if (addr + len < addr)
		return sh_error(sh, "0x%lx+0x%lx wraps around", addr, len);
	minflt = t->min_flt;
	majflt = t->maj_flt;
	pages = ((addr + len - 1) >> PAGE_SHIFT) - (addr >> PAGE_SHIFT) + 1;
	for (unsigned long i = 0; i < pages; i++) {
		unsigned long at = i ? ((addr >> PAGE_SHIFT) + i) << PAGE_SHIFT : addr;

		err = user_access(sh->m, at, type, &pfn, &fi);
		if (err < 0)
			return access_failed(sh, err, &fi);
	}
	fprintf(sh->out, "touched %lu page%s (%s): %lu minor fault%s, %lu major\n", pages,
		pages == 1 ? "" : "s", kind[type], t->min_flt - minflt,
		t->min_flt - minflt == 1 ? "" : "s", t->maj_flt - majflt);
	return 0;
}

static int aligned_addr(struct shell *sh, const char *word, unsigned long *addr)
{
	if (addr_arg(sh, "ADDR", word, addr) < 0)
		return -1;
	if (*addr & 7)
		return sh_error(sh, "0x%0*lx is not 8-byte aligned (values are 64-bit)",
				addr_digits(sh), *addr);
	return 0;
}

static int cmd_write(struct shell *sh, struct args *a)
{
	struct task_struct *t = current_or_error(sh);
	unsigned long addr;
	uint64_t val;
	struct fault_info fi;
	int err;

	if (!t || aligned_addr(sh, a->argv[0], &addr) < 0 ||
	    arg_number(sh, "VALUE", a->argv[1], &val) < 0)
		return -1;
	err = user_write64(sh->m, addr, val, &fi);
	return err < 0 ? access_failed(sh, err, &fi) : 0;
}

static int cmd_read(struct shell *sh, struct args *a)
{
	struct task_struct *t = current_or_error(sh);
	unsigned long addr;
	uint64_t val;
	struct fault_info fi;
	int err;

	if (!t || aligned_addr(sh, a->argv[0], &addr) < 0)
		return -1;
	err = user_read64(sh->m, addr, &val, &fi);
	if (err < 0)
		return access_failed(sh, err, &fi);
	fprintf(sh->out, "%llu (0x%llx)\n", (unsigned long long)val, (unsigned long long)val);
	return 0;
}

/* ---- the table ---------------------------------------------------------------------- */

const struct command proc_commands[] = {
	{
		.name = "exec", .handler = cmd_exec, .min_args = 1, .max_args = 1,
		.usage = "exec NAME [text=SIZE] [data=SIZE] [bss=SIZE] [stack=SIZE] [libs=LIB,...] "
			 "[pie=on|off] [layout=topdown|legacy]",
		.summary = "start a program as a new process with the classic layout",
		.help = "Creates a process running /usr/bin/NAME and makes it current: its\n"
			"task_struct, cred, files, fs, sighand, signal, pid, mm_struct and a\n"
			"vm_area_struct per VMA come from the slab caches (see slabinfo).  Only\n"
			"VMAs and a page directory are created: the pgd's kernel part is shared\n"
			"with swapper_pg_dir (i386: entries 768..1023; PAE: the kernel PMD;\n"
			"x86_64: entries 273..511).  Pages arrive by faults.\n"
			"Layout (no randomisation): text at 0x08048000 on i386, 0x400000 on\n"
			"x86_64 (pie=on: 0x400000 / 0x555555554000), then data, bss and the brk\n"
			"heap; the stack below 0xc0000000 (x86_64: 0x7ffffffff000); libraries and\n"
			"mmaps top-down from mmap_base (TASK_SIZE - 128M), or bottom-up from\n"
			"TASK_UNMAPPED_BASE with layout=legacy.\n"
			"  text= data=  sizes of the program's text and data (default 8K, 4K),\n"
			"               private mappings of /usr/bin/NAME (shared text frames);\n"
			"               a later exec of NAME must give the sizes the file has\n"
			"  bss=         anonymous zero-filled data after them (default 0)\n"
			"  stack=       the initial stack VMA (default 132K; grows to 8M)\n"
			"  libs=        libc, ld.so: the boot libraries, mapped text r-x, data rw-",
		.example = "exec app libs=libc,ld.so",
		.options = "text,data,bss,stack,libs,pie,layout", .group = "processes",
	},
	{
		.name = "ps", .handler = cmd_ps, .min_args = 0, .max_args = 0,
		.usage = "ps",
		.summary = "list processes: VSZ, RSS, minor and major faults",
		.help = "One line per process, with the columns of\n"
			"`ps -o pid,ppid,comm,vsz,rss,min_flt,maj_flt,stat` (in widths of its\n"
			"own): VSZ and RSS in KiB, the minor and major page faults it took, STAT\n"
			"R for the process a CPU runs, S for the others.",
		.example = "ps", .group = "processes",
	},
	{
		.name = "switch", .handler = cmd_switch, .min_args = 1, .max_args = 1,
		.usage = "switch PID",
		.summary = "context switch: make PID current (load CR3)",
		.help = "Runs PID on the current CPU: CR3 gets its pgd.  Without PCID the TLB\n"
			"loses every entry but the global ones (the kernel's); with pcid=on\n"
			"entries are tagged and survive.  User-memory commands act as the\n"
			"current process.",
		.example = "exec editor; exec shell; switch 1", .group = "processes", .complete_arg = complete_pid,
	},
	{
		.name = "kill", .handler = cmd_kill, .min_args = 1, .max_args = 1,
		.usage = "kill PID",
		.summary = "end a process: every frame and page table goes back",
		.help = "The process exits (exit_mmap): every page it mapped loses a mapping and\n"
			"a reference (pages nobody else uses are freed), every page-table page and\n"
			"the pgd are freed, and its slab objects (task_struct, cred, files, fs,\n"
			"sighand, signal, pid, mm_struct, the vm_area_structs) go back to their\n"
			"caches.  Its children are adopted by the shell (ppid 0).",
		.example = "exec app; fork; kill 2", .group = "processes", .complete_arg = complete_pid,
	},
	{
		.name = "fork", .handler = cmd_fork, .min_args = 0, .max_args = 1,
		.usage = "fork [PID]",
		.summary = "copy a process; private pages become copy-on-write",
		.help = "Forks PID (default: the current process), as copy_process() does: the\n"
			"child's task_struct, cred, files, fs, sighand, signal, mm_struct, pid\n"
			"and a vm_area_struct per VMA come from the slab caches.  The child gets\n"
			"copies of the VMAs; where a VMA has anonymous pages its page tables are\n"
			"copied, and every writable private page is write-protected in both\n"
			"parent and child, so the first write by either copies it.  The parent\n"
			"stays current.",
		.example = "exec app; fork", .group = "processes", .complete_arg = complete_pid,
	},
	{
		.name = "maps", .handler = cmd_maps, .min_args = 0, .max_args = 1,
		.usage = "maps [PID]",
		.summary = "/proc/PID/maps: the VMAs of a process",
		.help = "Exactly as Linux prints /proc/PID/maps: start-end, rwx and p (private)\n"
			"or s (shared), file offset, device, inode, and the name: a file, [heap]\n"
			"or [stack].  Also `cat /proc/PID/maps`.",
		.example = "exec app libs=libc,ld.so; maps 1", .group = "processes", .complete_arg = complete_pid,
	},
	{
		.name = "smaps", .handler = cmd_smaps, .min_args = 0, .max_args = 1,
		.usage = "smaps [PID]",
		.summary = "/proc/PID/smaps: each VMA with its memory use",
		.help = "The maps line of each VMA, then Size, Rss, Pss (a shared page counts\n"
			"1/mapcount), clean and dirty, private and shared, Referenced (Accessed\n"
			"bit), Anonymous, ..., VmFlags, in Linux 6.1's format.  Also\n"
			"`cat /proc/PID/smaps`.",
		.example = "exec app; malloc 100; touch 0x0804b008 w; smaps 1", .group = "processes", .complete_arg = complete_pid,
	},
	{
		.name = "file", .handler = cmd_file, .min_args = 2, .max_args = 2,
		.usage = "file NAME SIZE",
		.summary = "create a simulated file (zero-filled)",
		.help = "Creates a file of SIZE bytes to map with `mmap SIZE file=NAME`.  Its pages\n"
			"enter the page cache when first touched (a major fault), shared by every\n"
			"process that maps them, until reclaim takes them (a dirty one is written\n"
			"back first) or `drop_caches` drops the clean ones nobody maps.",
		.example = "file /data/log 64K", .group = "processes",
	},
	{
		.name = "files", .handler = cmd_files, .min_args = 0, .max_args = 0,
		.usage = "files",
		.summary = "list the simulated files and their page cache",
		.help = "Every file with its inode, size, pages, pages in the page cache, dirty\n"
			"pages (written through a shared mapping, not yet written back) and the\n"
			"number of VMAs mapping it.  Boot provides libc and ld.so.",
		.example = "files", .group = "processes",
	},
	{
		.name = "drop_caches", .handler = cmd_drop_caches, .min_args = 0, .max_args = 0,
		.usage = "drop_caches",
		.summary = "free the clean, unmapped page cache (echo 1 > drop_caches)",
		.help = "Frees every page-cache page that no process maps and that is not dirty,\n"
			"as `echo 1 > /proc/sys/vm/drop_caches` does.",
		.example = "drop_caches", .group = "processes",
	},
	{
		.name = "malloc", .handler = cmd_malloc, .min_args = 1, .max_args = 1,
		.usage = "malloc SIZE",
		.summary = "glibc malloc in the current process; prints the address",
		.help = "Below the mmap threshold (128K) the chunk comes from the brk heap: a free\n"
			"chunk (first fit) or the top, growing brk by the request + 128K\n"
			"(DEFAULT_TOP_PAD) when needed.  At or above it the chunk gets its own\n"
			"anonymous mapping.  No page is touched: memory arrives when used.",
		.example = "exec app; malloc 100", .group = "user memory",
	},
	{
		.name = "brk", .handler = cmd_brk, .min_args = 0, .max_args = 1,
		.usage = "brk [ADDR]",
		.summary = "show or move the program break",
		.help = "Without ADDR prints the break.  With ADDR moves it, as brk(2): the [heap]\n"
			"VMA grows or shrinks in whole pages (pages given back are freed).  It\n"
			"fails, leaving the break, below start_brk or when the heap would come\n"
			"within a page of the next mapping.",
		.example = "exec app; brk 0x0806e000", .group = "user memory",
	},
	{
		.name = "mmap", .handler = cmd_mmap, .min_args = 1, .max_args = 1,
		.usage = "mmap SIZE [addr=ADDR] [prot=rwx] [flags=private|shared|anonymous|fixed] "
			 "[file=NAME] [offset=N]",
		.summary = "map memory or a file into the current process",
		.help = "Maps SIZE bytes (rounded up to pages) and prints the address.\n"
			"  prot=    r, w, x letters or none (default rw)\n"
			"  flags=   private (default) or shared, plus anonymous, fixed; join with ','\n"
			"  addr=    a hint, or the exact address with fixed (replacing what is there)\n"
			"  file=    a file from `files`; offset= its byte offset (page-aligned)\n"
			"Without file= the mapping is anonymous (shared anonymous memory is a shmem\n"
			"object, /dev/zero (deleted)).  Adjacent compatible VMAs merge.",
		.example = "exec app; mmap 64K file=/lib/i386-linux-gnu/libc.so.6 prot=r",
		.options = "addr,prot,flags,file,offset", .group = "user memory",
	},
	{
		.name = "munmap", .handler = cmd_munmap, .min_args = 2, .max_args = 2,
		.usage = "munmap ADDR SIZE",
		.summary = "unmap a range (splitting VMAs); free its pages and tables",
		.help = "Removes [ADDR, ADDR+SIZE): VMAs are split at the ends, pages lose their\n"
			"mapping (and are freed if nobody else has them), page tables that only\n"
			"served the range are freed, and the TLB entries go (invlpg, or a full\n"
			"flush above 33 pages).  Dirty pages of shared file mappings are written\n"
			"back to the file first.",
		.example = "exec app; mmap 8K addr=0x40000000; munmap 0x40000000 4096", .group = "user memory",
	},
	{
		.name = "mprotect", .handler = cmd_mprotect, .min_args = 3, .max_args = 3,
		.usage = "mprotect ADDR SIZE PROT",
		.summary = "change the protection of a range (splitting, merging VMAs)",
		.help = "PROT is r, w, x letters or none.  VMAs are split at the ends of the range\n"
			"and merged with alike neighbours afterwards; present PTEs get the new\n"
			"bits and the TLB is flushed for the range.  Fails with a hole in the range\n"
			"or beyond the VMA's VM_MAY* bits.",
		.example = "exec app; malloc 100; mprotect 0x0804b000 4096 r", .group = "user memory",
	},
	{
		.name = "msync", .handler = cmd_msync, .min_args = 2, .max_args = 2,
		.usage = "msync ADDR SIZE",
		.summary = "write dirty pages of shared file mappings back to the file",
		.help = "msync(MS_SYNC): every dirty page-cache page in the range is written to the\n"
			"file; the PTEs mapping it become clean and read-only again, so the next\n"
			"write faults and marks the page dirty.",
		.example = "exec app; file /data/f 8K; mmap 8K file=/data/f flags=shared "
			    "addr=0x40000000; write 0x40000000 7; msync 0x40000000 8K", .group = "user memory",
	},
	{
		.name = "touch", .handler = cmd_touch, .min_args = 1, .max_args = 3,
		.usage = "touch ADDR [SIZE] [r|w|x]",
		.summary = "access every page of a range as the current process",
		.help = "Reads (r, the default), writes (w) or executes (x) one byte in every page\n"
			"of [ADDR, ADDR+SIZE) through the MMU: TLB, page walk, page fault.  Prints\n"
			"the pages touched and the faults taken.  An access the process may not\n"
			"make kills it with SIGSEGV (or SIGBUS past the end of a file), as Linux\n"
			"would: one line says why, the kernel's segfault line goes to dmesg, and\n"
			"the shell goes on (the command does not fail).",
		.example = "exec app; malloc 16K; touch 0x0804b008 16K w", .group = "user memory",
	},
	{
		.name = "write", .handler = cmd_write, .min_args = 2, .max_args = 2,
		.usage = "write ADDR VALUE",
		.summary = "store a 64-bit value at ADDR (8-byte aligned)",
		.help = "A store by the current process: it faults like any write, and the value\n"
			"lands in the frame's contents, where it survives fork, copy-on-write and\n"
			"(for shared file mappings) writeback.",
		.example = "exec app; malloc 100; write 0x0804b008 42", .group = "user memory",
	},
	{
		.name = "read", .handler = cmd_read, .min_args = 1, .max_args = 1,
		.usage = "read ADDR",
		.summary = "load the 64-bit value at ADDR (8-byte aligned)",
		.help = "A load by the current process.  Fresh anonymous memory reads 0 (through the\n"
			"zero page).",
		.example = "exec app; malloc 100; write 0x0804b008 42; read 0x0804b008", .group = "user memory",
	},
	{ 0 }
};
