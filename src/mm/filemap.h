/*
 * filemap.h - simulated files and their page cache.
 *
 * A file has a name, a size and, page by page, its bytes "on disk" and
 * the frame that caches them (if any).  Reading a page that is not cached
 * is a major fault: a frame is allocated (GFP_HIGHUSER_MOVABLE, as the
 * page cache of a regular file uses), filled from the disk copy and put in
 * the cache; every later access, by any process, finds the same frame.
 * Shared libraries are files like any other, so their text exists once in
 * physical memory however many processes map it.
 *
 *   file /lib/libc.so.6 (1808 KiB, inode 131)
 *     index:   0     1     2    ...  451
 *     cache: 0x3ff12  -   0x3fe80 ...  -      (pfn, or not cached)
 *     disk:    bytes  0    bytes       0      (0: the page reads as zeros)
 */
#ifndef VMLAB_MM_FILEMAP_H
#define VMLAB_MM_FILEMAP_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

#define FILE_NAME_LEN 64

struct sim_file {
	uint32_t id;			/* page->mapping of its cached pages */
	char name[FILE_NAME_LEN];	/* the path maps shows */
	unsigned long ino;
	unsigned dev_major, dev_minor;
	unsigned long size;		/* bytes */
	unsigned long nr_pages;
	uint32_t *cache;		/* [nr_pages] pfn in the page cache, or PFN_NONE */
	unsigned char **disk;		/* [nr_pages] the bytes written back, NULL = zeros */
	unsigned long nr_cached, nr_dirty;
	bool shmem;			/* backs a shared anonymous mapping */
	bool hidden;			/* not listed by `files` (shmem) */
	int nr_mmaps;			/* VMAs mapping it */
	struct sim_file *next;
};

struct file_table {
	struct sim_file *head;		/* by creation order */
	uint32_t last_id;
	unsigned long last_ino;
};

/* Boot: the file table and the shared libraries libc and ld.so.  0 or -ENOMEM. */
int filemap_boot(struct machine *m);
/* Frees every file and its disk copy; cached frames are the caller's business. */
void filemap_destroy(struct machine *m);

/*
 * Creates a file of size bytes (zero-filled).  Returns it, or NULL with
 * -EEXIST / -EINVAL / -ENOMEM sentences in m->err (nothing created).
 */
struct sim_file *file_create(struct machine *m, const char *name, unsigned long size);
struct sim_file *file_find(const struct machine *m, const char *name);
struct sim_file *file_by_id(const struct machine *m, uint32_t id);
/* Removes a file nothing maps and nothing caches (shmem objects at their last unmap). */
void file_destroy(struct machine *m, struct sim_file *f);

/*
 * filemap_fault(): the page cache frame for page index of f, reading it
 * from "disk" if it is not cached (*major = true).  The frame gets one
 * more reference for the caller.  Returns the pfn, -ENOMEM, or -EFAULT
 * (SIGBUS: index beyond the end of the file).
 */
long filemap_fault(struct machine *m, struct sim_file *f, unsigned long index, bool *major);

/* set_page_dirty(): marks a cached page dirty (counted in Dirty). */
void filemap_set_dirty(struct machine *m, unsigned long pfn);
/* Writes a dirty cached page back to the file and marks it clean. */
void filemap_writeback(struct machine *m, unsigned long pfn);

/*
 * remove_mapping() for reclaim: takes a page nothing maps out of its file's
 * cache (which may free it).  The page must be clean or lose its changes.
 */
void remove_mapping(struct machine *m, unsigned long pfn);

/*
 * drop_caches: removes every clean page-cache page no process maps.
 * Returns how many were freed.
 */
unsigned long drop_pagecache(struct machine *m);

/* The short names `exec libs=` takes: "libc" -> "/lib/libc.so.6". */
struct sim_file *file_lib(const struct machine *m, const char *shortname);
/* The (text, data) split of a boot library, in bytes; false for other files. */
bool file_lib_layout(const struct machine *m, const struct sim_file *f, unsigned long *text,
		     unsigned long *data);

#endif
