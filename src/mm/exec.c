/*
 * exec.c - starting a program: a new process with the architecture's
 * classic layout, as load_elf_binary() and setup_arg_pages() leave it
 * (no address-space randomisation, as with `setarch -R`).
 *
 *   i386 (top-down)                          x86_64 (top-down)
 *   08048000 text  r-xp /usr/bin/app         00400000 text (PIE: 555555554000)
 *   0804a000 data  rw-p /usr/bin/app         00402000 data
 *   0804b000 bss   rw-p (if bss=)            ...      bss
 *            [heap] grows up from the break
 *   b7fxxxxx libraries, mmaps (down from     7ffff7fxxxxx (down from
 *            mmap_base 0xb8000000)           mmap_base 0x7ffff7fff000)
 *   bffdf000-c0000000 [stack] 132 KiB        7ffffffde000-7ffffffff000 [stack]
 *
 * With legacy=on, mmaps go bottom-up from TASK_UNMAPPED_BASE (0x40000000
 * on i386, 0x2aaaaaaab000 on x86_64).  The program's text and data are
 * private mappings of the file /usr/bin/NAME (created on first exec), so
 * two processes running one program share its text frames, as they share
 * the text of the libraries `libs=` maps.  Nothing is backed by frames yet.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "filemap.h"
#include "mmap.h"
#include "pgtable.h"
#include "sched.h"

#define DEFAULT_TEXT	(8UL << 10)
#define DEFAULT_DATA	(4UL << 10)
#define DEFAULT_STACK	(132UL << 10)
#define VM_MAY		(VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define MAX_LIBS	8

static unsigned long text_base(const struct machine *m, bool pie)
{
	if (m->arch->is_64bit)
		return pie ? 0x555555554000UL : 0x400000UL;
	return pie ? 0x400000UL : 0x08048000UL;
}

/* Maps a file's text (r-x) and data (rw-, private) at base. */
static int map_image(struct machine *m, struct mm_struct *mm, struct sim_file *f,
		     unsigned long base, unsigned long text, unsigned long data)
{
	if (mmap_region(m, mm, base, text, VM_READ | VM_EXEC | VM_MAY, f, 0) < 0)
		return -ENOMEM;
	if (data && mmap_region(m, mm, base + text, data, VM_READ | VM_WRITE | VM_MAY | VM_ACCOUNT,
				f, text >> PAGE_SHIFT) < 0)
		return -ENOMEM;
	return 0;
}

/* The program's file: /usr/bin/NAME, created if it does not exist. */
static struct sim_file *program_file(struct machine *m, const char *name, unsigned long size,
				     bool *created)
{
	char path[FILE_NAME_LEN];
	struct sim_file *f;

	snprintf(path, sizeof(path), "/usr/bin/%s", name);
	f = file_find(m, path);
	*created = false;
	if (f && f->size != size) {
		mm_err(m, -EEXIST, "%s exists with %lu bytes, not text+data = %lu", path, f->size,
		       size);
		return NULL;
	}
	if (!f) {
		f = file_create(m, path, size);
		*created = f != NULL;
	}
	return f;
}

/* Splits "libc,ld.so" into the library files, ld.so first (the kernel maps the interpreter). */
static int parse_libs(struct machine *m, const char *libs, struct sim_file **out)
{
	char buf[128], *save = NULL;
	int n = 0;

	if (!libs || !libs[0])
		return 0;
	if (libs[0] == ',' || libs[strlen(libs) - 1] == ',' || strstr(libs, ",,"))
		return mm_err(m, -EINVAL, "libs=%s names an empty library (libc, ld.so)", libs);
	snprintf(buf, sizeof(buf), "%s", libs);
	for (char *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		struct sim_file *f = file_lib(m, w);

		if (!f)
			return mm_err(m, -ENOENT, "unknown library '%s' (libc, ld.so)", w);
		for (int i = 0; i < n; i++)
			if (out[i] == f)
				return mm_err(m, -EINVAL, "library '%s' given twice", w);
		if (n == MAX_LIBS)
			return mm_err(m, -EINVAL, "too many libraries");
		if (strcmp(w, "ld.so") == 0) {
			memmove(out + 1, out, (size_t)n * sizeof(*out));
			out[0] = f;
		} else {
			out[n] = f;
		}
		n++;
	}
	return n;
}

static int map_libs(struct machine *m, struct mm_struct *mm, struct sim_file **libs, int n)
{
	for (int i = 0; i < n; i++) {
		unsigned long text, data;
		long base;

		if (!file_lib_layout(m, libs[i], &text, &data))
			text = page_align(libs[i]->size), data = 0;
		base = get_unmapped_area(m, mm, 0, text + data);
		if (base < 0 || map_image(m, mm, libs[i], (unsigned long)base, text, data) < 0)
			return -ENOMEM;
	}
	return 0;
}

static void exec_defaults(const struct exec_opts *o, struct exec_opts *d)
{
	*d = *o;
	d->text = page_align(o->text ? o->text : DEFAULT_TEXT);
	d->data = page_align(o->data ? o->data : DEFAULT_DATA);
	d->bss = page_align(o->bss);
	d->stack = page_align(o->stack ? o->stack : DEFAULT_STACK);
}

static int check_exec(struct machine *m, const char *name, const struct exec_opts *o)
{
	unsigned long window = stack_top(m);

	if (!name[0] || strchr(name, '/') || strlen(name) > 40)
		return mm_err(m, -EINVAL, "'%s' is not a program name (1-40 characters, no '/')",
			      name);
	if (o->stack > RLIMIT_STACK_DEFAULT)
		return mm_err(m, -EINVAL, "stack=%luK is above RLIMIT_STACK (8192K)", o->stack >> 10);
	if (text_base(m, o->pie) + o->text + o->data + o->bss > mmap_base_topdown(m) - (window >> 4))
		return mm_err(m, -ENOMEM, "text+data+bss do not fit below the mmap area");
	return 0;
}

/* The whole new address space.  0, or -errno (mm to be freed by the caller). */
static int build_layout(struct machine *m, struct mm_struct *mm, struct sim_file *prog,
			struct sim_file **libs, int nlibs, const struct exec_opts *o)
{
	unsigned long base = text_base(m, o->pie), top = stack_top(m);
	unsigned long data_end = base + o->text + o->data;

	mm->legacy_layout = o->legacy;
	mm->mmap_base = o->legacy ? task_unmapped_base(m) : mmap_base_topdown(m);
	if (pgd_alloc(m, mm) < 0 || map_image(m, mm, prog, base, o->text, o->data) < 0)
		return -ENOMEM;
	if (o->bss && mmap_region(m, mm, data_end, o->bss, VM_READ | VM_WRITE | VM_MAY |
				  VM_ACCOUNT, NULL, 0) < 0)
		return -ENOMEM;
	mm->start_code = base;
	mm->end_code = base + o->text;
	mm->start_data = base + o->text;
	mm->end_data = data_end;
	mm->start_brk = mm->brk = data_end + o->bss;
	if (mmap_region(m, mm, top - o->stack, o->stack, VM_READ | VM_WRITE | VM_MAY |
			VM_GROWSDOWN | VM_ACCOUNT, NULL, 0) < 0)
		return -ENOMEM;
	mm->start_stack = top - 64;	/* argc, argv and envp sit at the very top */
	return map_libs(m, mm, libs, nlibs);
}

int do_execve(struct machine *m, const char *name, const struct exec_opts *opts)
{
	struct sim_file *libs[MAX_LIBS], *prog;
	struct exec_opts o;
	struct mm_struct *mm;
	struct task_struct *t;
	bool created;
	int nlibs, err;

	exec_defaults(opts, &o);
	if ((err = check_exec(m, name, &o)) < 0 || (nlibs = parse_libs(m, o.libs, libs)) < 0)
		return err < 0 ? err : nlibs;
	prog = program_file(m, name, o.text + o.data, &created);
	if (!prog)
		return -EEXIST;
	t = task_alloc(m);
	mm = t ? mm_alloc(m) : NULL;
	err = mm ? build_layout(m, mm, prog, libs, nlibs, &o) : -ENOMEM;
	if (!err)
		err = alloc_pid(m, t);
	if (err) {
		if (mm)
			mmput(m, mm);
		if (t)
			task_free(m, t);
		if (created)
			file_destroy(m, prog);
		return err;
	}
	task_attach(m, t, mm, name, 0);
	switch_to(m, t);
	return t->pid;
}
