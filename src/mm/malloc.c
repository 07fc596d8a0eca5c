/*
 * malloc.c - glibc's malloc for one process: the main arena on the brk
 * heap, and a mapping of its own for each large request.
 *
 * A request becomes a chunk: size + SIZE_SZ rounded up to 2 * SIZE_SZ,
 * at least MINSIZE (SIZE_SZ is 4 on i386, 8 on x86_64), and the program
 * gets the address 2 * SIZE_SZ past the chunk's start.  Below the mmap
 * threshold (128 KiB) the chunk comes from a free chunk of the heap
 * (first fit, split if the rest is big enough) or from the top chunk; when
 * the top is too small, sysmalloc asks brk for the request plus
 * DEFAULT_TOP_PAD (128 KiB) plus MINSIZE, rounded up to a page:
 *
 *   x86_64, first malloc(100): chunk 0x70, brk grows by 0x21000 (132 KiB)
 *     [heap] 0x405000-0x426000, returns 0x405010
 *
 * At or above the threshold the chunk gets its own anonymous mapping of
 * size + SIZE_SZ rounded up to pages (returns mapping + 2 * SIZE_SZ).
 * free() munmaps such a chunk (and, like glibc's dynamic threshold, raises
 * the threshold to its size if that is larger, up to 512 KiB on 32-bit and
 * 32 MiB on 64-bit); a heap chunk is coalesced with free neighbours and
 * with the top, and when a large free leaves the top above the trim
 * threshold (128 KiB, or twice the dynamic threshold) the heap shrinks
 * through brk, keeping DEFAULT_TOP_PAD.
 *
 * What the model leaves out: tcache and fastbins (the first chunk of a
 * real glibc heap is the 0x290-byte tcache, so real first addresses are
 * 0x290 higher), bins (first fit stands for them), and the chunk headers
 * in memory (kept here instead, so malloc faults no page in).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "machine.h"
#include "malloc.h"
#include "mmap.h"
#include "mm_types.h"
#include "sched.h"

#define FASTBIN_CONSOLIDATION_THRESHOLD	65536UL

struct chunk {
	unsigned long addr, size;
	bool inuse, mmapped;
};

struct malloc_state {
	struct chunk *c;		/* every chunk but the top, sorted by address */
	size_t n, cap;
	unsigned long top, top_size;	/* the top chunk, ending at the break */
	bool heap_started;
	unsigned long mmap_threshold, trim_threshold;
	unsigned size_sz;
};

unsigned long malloc_size_sz(const struct machine *m)
{
	return m->arch->is_64bit ? 8 : 4;
}

static unsigned long minsize(const struct malloc_state *s)
{
	return 4UL * s->size_sz;
}

static unsigned long request2size(const struct malloc_state *s, unsigned long req)
{
	unsigned long mask = 2UL * s->size_sz - 1, nb = (req + s->size_sz + mask) & ~mask;

	return nb < minsize(s) ? minsize(s) : nb;
}

static unsigned long mmap_threshold_max(const struct malloc_state *s)
{
	return s->size_sz == 8 ? 32UL << 20 : 512UL << 10;
}

static struct malloc_state *state_of(struct machine *m, struct mm_struct *mm)
{
	if (!mm->malloc) {
		mm->malloc = calloc(1, sizeof(*mm->malloc));
		if (!mm->malloc)
			return NULL;
		mm->malloc->size_sz = (unsigned)malloc_size_sz(m);
		mm->malloc->mmap_threshold = DEFAULT_MMAP_THRESHOLD;
		mm->malloc->trim_threshold = 128UL * 1024;
	}
	return mm->malloc;
}

struct malloc_state *malloc_state_dup(const struct malloc_state *s)
{
	struct malloc_state *d = malloc(sizeof(*d));

	if (!d)
		return NULL;
	*d = *s;
	d->c = malloc((s->cap ? s->cap : 1) * sizeof(*d->c));
	if (!d->c) {
		free(d);
		return NULL;
	}
	if (s->n)
		memcpy(d->c, s->c, s->n * sizeof(*d->c));
	return d;
}

void malloc_state_free(struct malloc_state *s)
{
	if (s)
		free(s->c);
	free(s);
}

/* ---- the sorted chunk array ------------------------------------------------------- */

/* The index of the first chunk at or above addr. */
static size_t chunk_pos(const struct malloc_state *s, unsigned long addr)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->c[mid].addr < addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Makes room for one more chunk.  0 or -ENOMEM. */
static int chunk_reserve(struct malloc_state *s)
{
	size_t cap = s->cap ? s->cap * 2 : 16;
	struct chunk *nc;

	if (s->n < s->cap)
		return 0;
	nc = realloc(s->c, cap * sizeof(*nc));
	if (!nc)
		return -ENOMEM;
	s->c = nc;
	s->cap = cap;
	return 0;
}

static int chunk_insert(struct malloc_state *s, struct chunk c)
{
	size_t i = chunk_pos(s, c.addr);

	if (chunk_reserve(s) < 0)
		return -ENOMEM;
	memmove(&s->c[i + 1], &s->c[i], (s->n - i) * sizeof(*s->c));
	s->c[i] = c;
	s->n++;
	return 0;
}

static void chunk_remove(struct malloc_state *s, size_t i)
{
	memmove(&s->c[i], &s->c[i + 1], (s->n - i - 1) * sizeof(*s->c));
	s->n--;
}

/* ---- malloc ---------------------------------------------------------------------- */

static int malloc_mmapped(struct machine *m, struct mm_struct *mm, struct malloc_state *s,
			  unsigned long nb, struct malloc_result *r)
{
	unsigned long size = page_align(nb + s->size_sz);
	long addr;

	if (chunk_reserve(s) < 0)			/* room first: all or nothing */
		return mm_err(m, -ENOMEM, "out of host memory");
	addr = do_mmap(m, mm, 0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		       NULL, 0);
	if (addr < 0)
		return (int)addr;
	if (chunk_insert(s, (struct chunk){ (unsigned long)addr, size, true, true }) < 0) {
		do_munmap(m, mm, (unsigned long)addr, size);
		return mm_err(m, -ENOMEM, "out of host memory");
	}
	r->chunk = (unsigned long)addr;
	r->size = size;
	r->mmapped = true;
	return 0;
}

/* A free heap chunk of at least nb bytes (first fit), split to size. */
static bool malloc_from_bins(struct malloc_state *s, unsigned long nb, struct malloc_result *r)
{
	for (size_t i = 0; i < s->n; i++) {
		struct chunk *c = &s->c[i];

		if (c->inuse || c->mmapped || c->size < nb)
			continue;
		if (c->size - nb >= minsize(s)) {
			struct chunk rest = { c->addr + nb, c->size - nb, false, false };

			if (chunk_insert(s, rest) < 0)
				continue;
			c = &s->c[i];
			c->size = nb;
		}
		c->inuse = true;
		r->chunk = c->addr;
		r->size = c->size;
		return true;
	}
	return false;
}

/* sysmalloc(): grows the heap through brk so the top holds nb + MINSIZE. */
static int sysmalloc(struct machine *m, struct mm_struct *mm, struct malloc_state *s,
		     unsigned long nb)
{
	unsigned long align = 2UL * s->size_sz - 1, size;
	long brk;

	if (!s->heap_started || s->top + s->top_size != mm->brk) {
		if (s->heap_started && s->top_size >= minsize(s) && s->top + s->top_size <= mm->brk)
			chunk_insert(s, (struct chunk){ s->top, s->top_size, false, false });
		s->top = (mm->brk + align) & ~align;	/* a foreign sbrk: a new top */
		s->top_size = 0;
		s->heap_started = true;
	}
	size = page_align(nb + DEFAULT_TOP_PAD + minsize(s) - s->top_size);
	brk = do_brk(m, mm, mm->brk + size);
	if (brk < 0)
		return (int)brk;
	s->top_size = (unsigned long)brk - s->top;
	return 0;
}

static int __user_malloc(struct machine *m, struct mm_struct *mm, unsigned long size,
			 struct malloc_result *r)
{
	struct malloc_state *s = state_of(m, mm);
	unsigned long nb;
	int err;

	memset(r, 0, sizeof(*r));
	if (!s)
		return mm_err(m, -ENOMEM, "out of host memory");
	r->old_brk = r->new_brk = mm->brk;
	if (size > mm->task_size)
		return mm_err(m, -ENOMEM, "%lu bytes do not fit in user space", size);
	nb = request2size(s, size);
	if (nb >= s->mmap_threshold)
		err = malloc_mmapped(m, mm, s, nb, r);
	else if (malloc_from_bins(s, nb, r))
		err = 0;
	else if (s->heap_started && s->top_size >= nb + minsize(s) &&
		 s->top + s->top_size == mm->brk)
		err = 0;
	else
		err = sysmalloc(m, mm, s, nb);
	if (err)
		return err;
	if (!r->size) {				/* carve the chunk off the top */
		if (chunk_insert(s, (struct chunk){ s->top, nb, true, false }) < 0)
			return mm_err(m, -ENOMEM, "out of host memory");
		r->chunk = s->top;
		r->size = nb;
		s->top += nb;
		s->top_size -= nb;
	}
	r->new_brk = mm->brk;
	r->ptr = r->chunk + 2UL * s->size_sz;
	return 0;
}

/* ---- free ------------------------------------------------------------------------ */

/* systrim(): gives the top back to brk beyond DEFAULT_TOP_PAD, in whole pages. */
static void systrim(struct machine *m, struct mm_struct *mm, struct malloc_state *s)
{
	unsigned long extra;

	if (s->top_size < minsize(s) + 1 + DEFAULT_TOP_PAD || s->top + s->top_size != mm->brk)
		return;
	extra = (s->top_size - minsize(s) - 1 - DEFAULT_TOP_PAD) & PAGE_MASK;
	if (extra && do_brk(m, mm, mm->brk - extra) >= 0)
		s->top_size -= extra;
}

/* Merges chunk i with free neighbours and the top.  Returns the merged size. */
static unsigned long coalesce(struct machine *m, struct mm_struct *mm, struct malloc_state *s,
			      size_t i)
{
	unsigned long size;

	if (i + 1 < s->n && !s->c[i + 1].inuse && !s->c[i + 1].mmapped &&
	    s->c[i].addr + s->c[i].size == s->c[i + 1].addr) {
		s->c[i].size += s->c[i + 1].size;
		chunk_remove(s, i + 1);
	}
	if (i > 0 && !s->c[i - 1].inuse && !s->c[i - 1].mmapped &&
	    s->c[i - 1].addr + s->c[i - 1].size == s->c[i].addr) {
		s->c[i - 1].size += s->c[i].size;
		chunk_remove(s, i);
		i--;
	}
	size = s->c[i].size;
	if (s->c[i].addr + size == s->top) {
		s->top = s->c[i].addr;
		s->top_size += size;
		chunk_remove(s, i);
		size = s->top_size;
	}
	(void)m;
	(void)mm;
	return size;
}

static int bad_free(struct machine *m, const struct malloc_state *s, unsigned long ptr)
{
	size_t i = s ? chunk_pos(s, ptr - (s ? 2UL * s->size_sz : 0)) : 0;

	int w = m->arch->addr_digits;

	if (s && i < s->n && s->c[i].addr + 2UL * s->size_sz == ptr && !s->c[i].inuse)
		return mm_err(m, -EINVAL, "0x%0*lx was already freed (glibc aborts: \"free(): "
			      "double free detected\")", w, ptr);
	return mm_err(m, -EINVAL, "0x%0*lx was not returned by malloc (glibc aborts: \"free(): "
		      "invalid pointer\")", w, ptr);
}

static int __user_free(struct machine *m, struct mm_struct *mm, unsigned long ptr,
		       struct malloc_result *r)
{
	struct malloc_state *s = mm->malloc;
	size_t i;
	struct chunk c;

	memset(r, 0, sizeof(*r));
	r->old_brk = r->new_brk = mm->brk;
	if (!s || ptr < 2UL * s->size_sz)
		return bad_free(m, s, ptr);
	i = chunk_pos(s, ptr - 2UL * s->size_sz);
	if (i >= s->n || s->c[i].addr + 2UL * s->size_sz != ptr || !s->c[i].inuse)
		return bad_free(m, s, ptr);
	c = s->c[i];
	r->ptr = ptr;
	r->chunk = c.addr;
	r->size = c.size;
	r->mmapped = c.mmapped;
	if (c.mmapped) {
		if (do_munmap(m, mm, c.addr, c.size) < 0)
			return -ENOMEM;
		chunk_remove(s, i);
		if (c.size > s->mmap_threshold && c.size <= mmap_threshold_max(s)) {
			s->mmap_threshold = c.size;
			s->trim_threshold = 2 * c.size;
		}
	} else {
		s->c[i].inuse = false;
		if (coalesce(m, mm, s, i) >= FASTBIN_CONSOLIDATION_THRESHOLD &&
		    s->top_size >= s->trim_threshold)
			systrim(m, mm, s);
	}
	r->threshold = s->mmap_threshold;
	r->new_brk = mm->brk;
	return 0;
}

/* ---- the calls, with the mm held: brk and mmap may allocate (sched.h mmget) ---- */

int user_malloc(struct machine *m, struct mm_struct *mm, unsigned long size,
		struct malloc_result *r)
{
	int users = mmget(mm);

	return (int)mm_call_end(m, mm, users, __user_malloc(m, mm, size, r));
}

int user_free(struct machine *m, struct mm_struct *mm, unsigned long ptr,
	      struct malloc_result *r)
{
	int users = mmget(mm);

	return (int)mm_call_end(m, mm, users, __user_free(m, mm, ptr, r));
}
