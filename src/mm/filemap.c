/*
 * filemap.c - simulated files, their "disk" contents and their page cache.
 *
 * A file's page is read into the cache the first time any process needs
 * it (a major fault: pgmajfault, pgpgin) and stays there, shared by every
 * mapper, until the cache is dropped.  Writes through a shared mapping
 * make the cached page dirty; writeback copies it to the disk image and
 * write-protects and cleans every PTE that maps it (page_mkclean), so the
 * next write faults again and marks the page dirty once more:
 *
 *   write via shared map -> PG_dirty, Dirty +4 kB
 *   msync / munmap       -> bytes to disk, clean, PTEs read-only, pgpgout
 *
 * Boot creates the C library and the dynamic loader of the architecture
 * (/lib/i386-linux-gnu/libc.so.6 and /lib/ld-linux.so.2 on i386; the
 * x86_64 paths on 64-bit), which `exec libs=libc,ld.so` maps.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "filemap.h"
#include "gfp.h"
#include "machine.h"
#include "mm_types.h"
#include "page_alloc.h"
#include "rmap.h"
#include "vmscan.h"

#define MAX_FILE_SIZE	(16UL << 30)

/* The boot libraries: text and data sizes as a linker might lay them out. */
static const struct boot_lib {
	const char *shortname;
	const char *path32, *path64;
	unsigned long text, data;
} boot_libs[] = {
	{ "ld.so", "/lib/ld-linux.so.2", "/lib64/ld-linux-x86-64.so.2", 0x26000, 0x3000 },
	{ "libc", "/lib/i386-linux-gnu/libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6",
	  0x180000, 0x5000 },
};

#define NR_BOOT_LIBS (sizeof(boot_libs) / sizeof(boot_libs[0]))

static const char *lib_path(const struct machine *m, const struct boot_lib *l)
{
	return m->arch->is_64bit ? l->path64 : l->path32;
}

int filemap_boot(struct machine *m)
{
	m->files = calloc(1, sizeof(*m->files));
	if (!m->files)
		return -ENOMEM;
	m->files->last_ino = 130;
	for (size_t i = 0; i < NR_BOOT_LIBS; i++)
		if (!file_create(m, lib_path(m, &boot_libs[i]), boot_libs[i].text + boot_libs[i].data))
			return -ENOMEM;
	return 0;
}

static void file_free(struct sim_file *f)
{
	for (unsigned long i = 0; i < f->nr_pages; i++)
		free(f->disk[i]);
	free(f->disk);
	free(f->cache);
	free(f);
}

void filemap_destroy(struct machine *m)
{
	if (!m->files)
		return;
	for (struct sim_file *f = m->files->head, *next; f; f = next) {
		next = f->next;
		file_free(f);
	}
	free(m->files);
	m->files = NULL;
}

struct sim_file *file_find(const struct machine *m, const char *name)
{
	for (struct sim_file *f = m->files->head; f; f = f->next)
		if (!f->hidden && strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

struct sim_file *file_by_id(const struct machine *m, uint32_t id)
{
	for (struct sim_file *f = m->files->head; f; f = f->next)
		if (f->id == id)
			return f;
	return NULL;
}

static int check_new_file(struct machine *m, const char *name, unsigned long size)
{
	if (!name[0] || strlen(name) >= FILE_NAME_LEN)
		return mm_err(m, -EINVAL, "a file name needs 1 to %d characters", FILE_NAME_LEN - 1);
	if (name[0] != '/' || name[strlen(name) - 1] == '/' || strstr(name, "//"))
		return mm_err(m, -EINVAL, "'%s' is not the absolute path of a file (like /data/log)",
			      name);
	if (file_find(m, name))
		return mm_err(m, -EEXIST, "%s exists", name);
	if (size == 0 || size > MAX_FILE_SIZE)
		return mm_err(m, -EINVAL, "size %lu is out of range (1 byte .. 16G)", size);
	return 0;
}

struct sim_file *file_create(struct machine *m, const char *name, unsigned long size)
{
	struct sim_file *f;
	struct sim_file **tail;

	if (check_new_file(m, name, size) < 0)
		return NULL;
	f = calloc(1, sizeof(*f));
	if (!f || !(f->nr_pages = (size + PAGE_SIZE - 1) >> PAGE_SHIFT) ||
	    !(f->cache = malloc(f->nr_pages * sizeof(*f->cache))) ||
	    !(f->disk = calloc(f->nr_pages, sizeof(*f->disk)))) {
		if (f)
			free(f->cache);
		free(f);
		mm_err(m, -ENOMEM, "out of host memory for file %s", name);
		return NULL;
	}
	for (unsigned long i = 0; i < f->nr_pages; i++)
		f->cache[i] = PFN_NONE;
	strcpy(f->name, name);
	f->size = size;
	f->id = ++m->files->last_id;
	f->ino = ++m->files->last_ino;
	f->dev_major = 8;
	f->dev_minor = 1;
	for (tail = &m->files->head; *tail; tail = &(*tail)->next)
		;
	*tail = f;
	return f;
}

/* Takes a page out of the cache (no mappers left); frees it with its last reference. */
static void delete_from_page_cache(struct machine *m, struct sim_file *f, unsigned long index)
{
	unsigned long pfn = f->cache[index];
	struct page *p = pfn_to_page(m, pfn);

	event_emit(m, .type = EV_MM_FILEMAP_DELETE, .pfn = pfn, .val = f->ino, .val2 = index,
		   .gfp = f->id);
	if (PageFlag(p, PG_dirty) && !f->shmem) {
		f->nr_dirty--;
		mm_node_stat_add(m, pfn, MM_NR_FILE_DIRTY, -1);
	}
	f->cache[index] = PFN_NONE;
	f->nr_cached--;
	mm_node_stat_add(m, pfn, MM_NR_FILE_PAGES, -1);
	if (f->shmem)
		mm_node_stat_add(m, pfn, MM_NR_SHMEM, -1);
	put_page(m, pfn);
}

void remove_mapping(struct machine *m, unsigned long pfn)
{
	const struct page *p = pfn_to_page(m, pfn);
	struct sim_file *f = file_by_id(m, p->mapping);

	MM_BUG_ON(!f || f->cache[p->index] != pfn, m, pfn);
	delete_from_page_cache(m, f, (unsigned long)p->index);
}

void file_destroy(struct machine *m, struct sim_file *f)
{
	for (unsigned long i = 0; i < f->nr_pages; i++)
		if (f->cache[i] != PFN_NONE)
			delete_from_page_cache(m, f, i);
	for (struct sim_file **pp = &m->files->head; *pp; pp = &(*pp)->next)
		if (*pp == f) {
			*pp = f->next;
			break;
		}
	file_free(f);
}

/* Reads page index of f into a new frame and adds it to the cache. */
static long add_to_page_cache(struct machine *m, struct sim_file *f, unsigned long index)
{
	long pfn = alloc_pages(m, GFP_HIGHUSER_MOVABLE | (f->shmem ? __GFP_ZERO : 0), 0);
	struct page *p;

	if (pfn < 0)
		return pfn;
	p = pfn_to_page(m, (unsigned long)pfn);
	if (f->disk[index]) {
		void *b = page_data_get(m, (unsigned long)pfn);

		if (!b) {
			__free_pages(m, (unsigned long)pfn, 0);
			return mm_err(m, -ENOMEM, "out of host memory for page contents");
		}
		memcpy(b, f->disk[index], PAGE_SIZE);
	} else {
		page_data_drop(m, (unsigned long)pfn);
	}
	SetPageFlag(p, PG_uptodate);
	if (f->shmem)
		SetPageFlag(p, PG_swapbacked);
	p->mapping = f->id;
	p->index = index;
	f->cache[index] = (uint32_t)pfn;
	f->nr_cached++;
	mm_node_stat_add(m, (unsigned long)pfn, MM_NR_FILE_PAGES, 1);
	if (f->shmem)
		mm_node_stat_add(m, (unsigned long)pfn, MM_NR_SHMEM, 1);
	lru_cache_add(m, (unsigned long)pfn);
	event_emit(m, .type = EV_MM_FILEMAP_ADD, .pfn = (unsigned long)pfn, .val = f->ino,
		   .val2 = index, .gfp = f->id);
	return pfn;
}

long filemap_fault(struct machine *m, struct sim_file *f, unsigned long index, bool *major)
{
	long pfn;

	*major = false;
	if (index >= f->nr_pages)
		return mm_err(m, -EFAULT, "page %lu is beyond the end of %s", index, f->name);
	if (f->cache[index] == PFN_NONE) {
		pfn = add_to_page_cache(m, f, index);
		if (pfn < 0)
			return pfn;
		if (!f->shmem) {		/* shmem pages are born in memory */
			*major = true;
			m->vm_events[PGPGIN] += PAGE_SIZE >> 10;
		}
	}
	get_page(m, f->cache[index]);
	return (long)f->cache[index];
}

void filemap_set_dirty(struct machine *m, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);
	struct sim_file *f = file_by_id(m, p->mapping);

	if (!f || f->shmem || PageFlag(p, PG_dirty))
		return;
	SetPageFlag(p, PG_dirty);
	f->nr_dirty++;
	mm_node_stat_add(m, pfn, MM_NR_FILE_DIRTY, 1);
}

void filemap_writeback(struct machine *m, unsigned long pfn)
{
	struct page *p = pfn_to_page(m, pfn);
	struct sim_file *f = file_by_id(m, p->mapping);
	const void *b = page_data(m, pfn);
	unsigned long index = (unsigned long)p->index;

	if (!f || !PageFlag(p, PG_dirty))
		return;
	page_mkclean(m, pfn);
	if (!b) {
		free(f->disk[index]);
		f->disk[index] = NULL;
	} else if (f->disk[index] || (f->disk[index] = malloc(PAGE_SIZE))) {
		memcpy(f->disk[index], b, PAGE_SIZE);
	}
	ClearPageFlag(p, PG_dirty);
	f->nr_dirty--;
	mm_node_stat_add(m, pfn, MM_NR_FILE_DIRTY, -1);
	m->vm_events[PGPGOUT] += PAGE_SIZE >> 10;
	event_emit(m, .type = EV_WRITEBACK_PAGE, .pfn = pfn, .val = f->ino, .val2 = index,
		   .gfp = f->id);
}

unsigned long drop_pagecache(struct machine *m)
{
	unsigned long n = 0;

	for (struct sim_file *f = m->files->head; f; f = f->next) {
		if (f->shmem)
			continue;
		for (unsigned long i = 0; i < f->nr_pages; i++) {
			const struct page *p;

			if (f->cache[i] == PFN_NONE)
				continue;
			p = pfn_to_page(m, f->cache[i]);
			if (p->_mapcount >= 0 || PageFlag(p, PG_dirty) || p->_refcount != 1)
				continue;
			delete_from_page_cache(m, f, i);
			n++;
		}
	}
	return n;
}

struct sim_file *file_lib(const struct machine *m, const char *shortname)
{
	for (size_t i = 0; i < NR_BOOT_LIBS; i++)
		if (strcmp(boot_libs[i].shortname, shortname) == 0)
			return file_find(m, lib_path(m, &boot_libs[i]));
	return NULL;
}

bool file_lib_layout(const struct machine *m, const struct sim_file *f, unsigned long *text,
		     unsigned long *data)
{
	for (size_t i = 0; i < NR_BOOT_LIBS; i++)
		if (strcmp(f->name, lib_path(m, &boot_libs[i])) == 0) {
			*text = boot_libs[i].text;
			*data = boot_libs[i].data;
			return true;
		}
	return false;
}
