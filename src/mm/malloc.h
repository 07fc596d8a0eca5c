/*
 * malloc.h - the C library's malloc and free, as a process's glibc runs
 * them on top of brk and mmap.
 *
 * The chunk bookkeeping lives here, outside simulated memory, so malloc
 * itself never touches a page: a fresh malloc costs no fault until the
 * program uses the memory (real glibc writes a chunk header and so
 * faults the first page in; see malloc.c).
 */
#ifndef VMLAB_MM_MALLOC_H
#define VMLAB_MM_MALLOC_H

#include <stdbool.h>

struct machine;
struct mm_struct;
struct malloc_state;

/* What one malloc or free did, for the shell to say. */
struct malloc_result {
	unsigned long ptr;		/* the address the program gets */
	unsigned long chunk, size;	/* the chunk and its size */
	bool mmapped;			/* its own mapping (>= the mmap threshold) */
	unsigned long old_brk, new_brk;	/* the break before and after */
	unsigned long threshold;	/* the mmap threshold after a free */
};

/*
 * malloc(size) for mm.  Returns 0 with *r filled, or -ENOMEM (the heap
 * cannot grow, or no room for a mapping) with a sentence in m->err.
 */
int user_malloc(struct machine *m, struct mm_struct *mm, unsigned long size,
		struct malloc_result *r);

/*
 * free(ptr).  Returns 0, or -EINVAL for a pointer malloc never returned
 * ("free(): invalid pointer") or one already freed ("double free"): glibc
 * would abort the program; the model refuses and changes nothing.
 */
int user_free(struct machine *m, struct mm_struct *mm, unsigned long ptr,
	      struct malloc_result *r);

struct malloc_state *malloc_state_dup(const struct malloc_state *s);
void malloc_state_free(struct malloc_state *s);

/* glibc's constants for the architecture: SIZE_SZ and the default mmap threshold. */
unsigned long malloc_size_sz(const struct machine *m);
#define DEFAULT_MMAP_THRESHOLD	(128UL * 1024)
#define DEFAULT_TOP_PAD		(128UL * 1024)

#endif
