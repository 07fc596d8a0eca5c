/*
 * slab.c - SLUB: caches of equal-sized objects carved from slabs of the
 * buddy allocator, and kmalloc on top of them.
 *
 * A cache's objects sit one after the other in slabs of 2^order frames;
 * the stride is s->size (the object rounded up to a word and to the
 * cache's alignment).  A free object holds the address of the next free
 * one at s->offset (the middle of the object), so the freelist costs no
 * memory of its own.  kmalloc-64 on i386, one order-0 slab after three
 * allocations:
 *
 *   0xc1f00000  obj 0  5a5a5a5a ... 5a5a5a5a                      in use
 *   0xc1f00040  obj 1  5a5a5a5a ... 5a5a5a5a                      in use
 *   0xc1f00080  obj 2  5a5a5a5a ... 5a5a5a5a                      in use
 *   0xc1f000c0  obj 3  6b6b...6b [0xc1f00100] 6b6b...6ba5         free: the free
 *   0xc1f00100  obj 4  6b6b...6b [0xc1f00140] 6b6b...6ba5         pointer at +32
 *   ...
 *   0xc1f00fc0  obj 63 6b6b...6b [0x00000000] 6b6b...6ba5         end of the list
 *
 * Where the slabs are (SLUB's structure, no per-CPU partial lists):
 *
 *   cpu_slab[cpu]   the slab this CPU allocates from ("frozen"), with its own
 *                   freelist c->freelist taken whole from the slab
 *   node[nid]       partial slabs (some objects free), newest at the head
 *   full slabs      on no list at all: kfree() finds them through the page
 *                   (PG_slab, page->mapping = the cache's id)
 *
 * Allocation pops c->freelist (the fast path).  When it is empty
 * (___slab_alloc): objects freed into the CPU slab by another CPU become
 * the new c->freelist; else the CPU slab is full and forgotten, and the
 * first slab of the node's partial list becomes the CPU slab; else
 * new_slab() takes 2^order frames from the page allocator and chains all
 * their objects in address order.
 *
 * Freeing into the CPU slab pushes onto c->freelist.  Any other slab gets
 * the object on its own freelist (inuse--): a full slab becomes partial
 * (tail of the node list), and an empty one goes back to the page
 * allocator once the node keeps min_partial partial slabs (5 to 10,
 * ilog2(size) / 2).  kmem_cache_shrink() flushes the CPU slabs and frees
 * every empty slab.
 *
 * Poisoning is always on, as with SLAB_POISON, but on the production
 * layout (the free pointer stays inside the object, so the sizes and
 * objects per slab are a production kernel's): an allocated object reads
 * 5a (POISON_INUSE), a freed one 6b (POISON_FREE) ending in a5
 * (POISON_END) around its free pointer, leftover bytes of a slab 5a.
 * The bytes are real: they live in the slab frames' page contents.
 *
 * kmalloc(size): 0 gives ZERO_SIZE_PTR; up to 192 bytes the kernel's
 * size_index[(size - 1) / 8] picks the cache (kmalloc(100):
 * size_index[12] = 7, kmalloc-128), above that the next power of two up to
 * kmalloc-8k; larger requests are kmalloc_large(): a block of order
 * get_order(size) straight from the page allocator, counted as slab memory
 * but not in /proc/slabinfo.
 *
 * Left out, as a kernel configured without them: per-CPU partial lists
 * (CONFIG_SLUB_CPU_PARTIAL), freelist randomisation and pointer hardening
 * (CONFIG_SLAB_FREELIST_RANDOM, _HARDENED), cache merging (slab_nomerge),
 * constructors, memory cgroups, the dma-kmalloc / kmalloc-rcl / kmalloc-cg
 * caches, and taking partial slabs from remote nodes (get_any_partial).
 * The caches' own descriptors (the kmem_cache and kmem_cache_node caches)
 * live in host memory, so boot allocates no frame.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "machine.h"
#include "page_alloc.h"
#include "slab.h"

#define CACHE_LINE_SIZE		64	/* cache_line_size() on x86 */
#define ARCH_SLAB_MINALIGN	8	/* __alignof__(unsigned long long) */
#define ARCH_KMALLOC_MINALIGN	8
#define SLUB_MAX_ORDER		3	/* PAGE_ALLOC_COSTLY_ORDER */
#define MIN_PARTIAL		5
#define MAX_PARTIAL		10
#define SHRINK_PROMOTE_MAX	32
#define SLAB_FLAGS_KNOWN	(SLAB_HWCACHE_ALIGN | SLAB_RECLAIM_ACCOUNT | \
				 SLAB_TYPESAFE_BY_RCU | SLAB_ACCOUNT)

static unsigned word_size(const struct machine *m)
{
	return m->arch->is_64bit ? 8 : 4;
}

static unsigned fls_u(unsigned long x)
{
	unsigned n = 0;

	while (x) {
		n++;
		x >>= 1;
	}
	return n;
}

static unsigned long align_up(unsigned long x, unsigned long a)
{
	return (x + a - 1) & ~(a - 1);
}

unsigned get_order(unsigned long size)
{
	unsigned order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

static struct page *page_at(const struct machine *m, unsigned long pfn)
{
	return &m->mem_map[pfn];
}

static struct slab slab_load(const struct machine *m, unsigned long head)
{
	return slab_get(page_at(m, head));
}

static void slab_store(struct machine *m, unsigned long head, const struct slab *sl)
{
	slab_set(page_at(m, head), sl);
}

static unsigned slab_order(const struct machine *m, unsigned long head)
{
	return page_at(m, head)->private;
}

static int slab_nid(const struct machine *m, unsigned long head)
{
	return pfn_zone(m, head)->zone_pgdat->node_id;
}

static struct kmem_cache_node *slab_node(const struct machine *m, const struct kmem_cache *s,
					 unsigned long head)
{
	return &s->node[slab_nid(m, head)];
}

static unsigned long obj_addr(const struct machine *m, const struct kmem_cache *s,
			      unsigned long head, unsigned idx)
{
	return pfn_to_virt(m, head) + (unsigned long)idx * s->size;
}

static unsigned obj_index(const struct machine *m, const struct kmem_cache *s,
			  unsigned long head, unsigned long addr)
{
	return (unsigned)((addr - pfn_to_virt(m, head)) / s->size);
}

/* The address the slab's own freelist starts at, or 0. */
static unsigned long slab_freelist_addr(const struct machine *m, const struct kmem_cache *s,
					unsigned long head, const struct slab *sl)
{
	return sl->freelist ? obj_addr(m, s, head, sl->freelist - 1) : 0;
}

/* ---- the slabs' bytes --------------------------------------------------- */

/*
 * Slab memory is direct-mapped, and new_slab() gave every frame of a slab
 * its buffer, so any byte of a live slab is at hand.  Objects may cross
 * frame boundaries (kmalloc-192 in an order-0 slab does not, kmalloc-96
 * never, but sighand_cache's 2112-byte objects do), hence the loops.
 */
static unsigned char *slab_bytes(const struct machine *m, unsigned long addr,
				 unsigned long *room)
{
	long pfn = virt_to_pfn(m, addr);
	unsigned char *buf;

	MM_BUG_ON(pfn < 0, m, 0);
	buf = page_data(m, (unsigned long)pfn);
	MM_BUG_ON(!buf, m, (unsigned long)pfn);
	*room = PAGE_SIZE - (addr & ~PAGE_MASK);
	return buf + (addr & ~PAGE_MASK);
}

static void slab_fill(struct machine *m, unsigned long addr, int c, unsigned long len)
{
	while (len) {
		unsigned long room, n;
		unsigned char *p = slab_bytes(m, addr, &room);

		n = len < room ? len : room;
		memset(p, c, n);
		addr += n;
		len -= n;
	}
}

void slab_read_bytes(const struct machine *m, unsigned long addr, unsigned char *buf,
		     unsigned long len)
{
	while (len) {
		long pfn = virt_to_pfn(m, addr);
		unsigned long off = addr & ~PAGE_MASK, room = PAGE_SIZE - off;
		unsigned long n = len < room ? len : room;
		const unsigned char *p = pfn >= 0 ? page_data(m, (unsigned long)pfn) : NULL;

		if (p)
			memcpy(buf, p + off, n);
		else
			memset(buf, 0, n);
		buf += n;
		addr += n;
		len -= n;
	}
}

static void slab_write_bytes(struct machine *m, unsigned long addr, const unsigned char *src,
			     unsigned long len)
{
	while (len) {
		unsigned long room, n;
		unsigned char *p = slab_bytes(m, addr, &room);

		n = len < room ? len : room;
		memcpy(p, src, n);
		src += n;
		addr += n;
		len -= n;
	}
}

/*
 * The free pointer: a little-endian word at object + s->offset.  Freelist
 * walks (every free checks for a double free) read many of them, so a word
 * inside one frame is read straight from the frame's bytes.
 */
unsigned long slab_read_freepointer(const struct machine *m, const struct kmem_cache *s,
				    unsigned long addr)
{
	unsigned long at = addr + s->offset, off = at & ~PAGE_MASK, v = 0;
	unsigned w = word_size(m);
	unsigned char b[8];
	const unsigned char *p = NULL;

	if (off + w <= PAGE_SIZE && at >= m->arch->page_offset &&
	    ((at - m->arch->page_offset) >> PAGE_SHIFT) < m->max_low_pfn)
		p = page_data(m, (at - m->arch->page_offset) >> PAGE_SHIFT);
	if (p) {
		p += off;
	} else {
		slab_read_bytes(m, at, b, w);
		p = b;
	}
	while (w--)
		v = v << 8 | p[w];
	return v;
}

static void set_freepointer(struct machine *m, const struct kmem_cache *s, unsigned long addr,
			    unsigned long fp)
{
	unsigned char b[8];
	unsigned w = word_size(m);

	for (unsigned i = 0; i < w; i++)
		b[i] = (unsigned char)(fp >> (8 * i));
	slab_write_bytes(m, addr + s->offset, b, w);
}

/* A freed object: 6b, the last byte a5, then its free pointer on top. */
static void poison_free(struct machine *m, const struct kmem_cache *s, unsigned long addr,
			unsigned long fp)
{
	slab_fill(m, addr, POISON_FREE, s->object_size - 1);
	slab_fill(m, addr + s->object_size - 1, POISON_END, 1);
	set_freepointer(m, s, addr, fp);
}

/* check_valid_pointer(): 0, or the start of an object of this slab. */
static bool valid_pointer(const struct machine *m, const struct kmem_cache *s,
			  unsigned long head, unsigned objects, unsigned long addr)
{
	unsigned long base = pfn_to_virt(m, head);

	if (!addr)
		return true;
	return addr >= base && addr < base + (unsigned long)objects * s->size &&
	       (addr - base) % s->size == 0;
}

/* ---- sizes: calculate_sizes() and calculate_order() --------------------- */

/* calculate_alignment(): SLAB_HWCACHE_ALIGN halves the line for small objects. */
static unsigned calculate_alignment(const struct machine *m, unsigned flags, unsigned align,
				    unsigned size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned ralign = CACHE_LINE_SIZE;

		while (size <= ralign / 2)
			ralign /= 2;
		if (ralign > align)
			align = ralign;
	}
	if (align < ARCH_SLAB_MINALIGN)
		align = ARCH_SLAB_MINALIGN;
	return (unsigned)align_up(align, word_size(m));
}

static unsigned order_objects(unsigned order, unsigned size)
{
	return (unsigned)((PAGE_SIZE << order) / size);
}

/*
 * calc_slab_order(): the smallest order from get_order(min_objects * size)
 * up to max_order that wastes at most 1/fract_leftover of the slab.
 */
static unsigned calc_slab_order(unsigned size, unsigned min_objects, unsigned max_order,
				unsigned fract_leftover)
{
	unsigned order;

	if (order_objects(0, size) > MAX_OBJS_PER_PAGE)
		return get_order((unsigned long)size * MAX_OBJS_PER_PAGE) - 1;
	for (order = get_order((unsigned long)min_objects * size); order <= max_order; order++) {
		unsigned long slab_size = PAGE_SIZE << order;

		if (slab_size % size <= slab_size / fract_leftover)
			break;
	}
	return order;
}

/*
 * calculate_order(): aim for min_objects = 4 * (fls(nr_cpus) + 1) objects
 * per slab (8 on one CPU, 16 on four) within slub_max_order 3, accepting
 * 1/16, then 1/8, then 1/4 waste, then fewer objects.  sighand_cache
 * (2112 bytes, one CPU): order 3 holds 15 with 1088 bytes left, 1/30.
 * Returns the order, or -1 when not even one object fits in order 10.
 */
static int calculate_order(const struct machine *m, unsigned size)
{
	unsigned min_objects = 4 * (fls_u((unsigned long)m->nr_cpus) + 1);
	unsigned max_objects = order_objects(SLUB_MAX_ORDER, size);
	unsigned order;

	if (max_objects < 1)
		max_objects = 1;
	if (min_objects > max_objects)
		min_objects = max_objects;
	for (; min_objects > 1; min_objects--)
		for (unsigned fraction = 16; fraction >= 4; fraction /= 2) {
			order = calc_slab_order(size, min_objects, SLUB_MAX_ORDER, fraction);
			if (order <= SLUB_MAX_ORDER)
				return (int)order;
		}
	order = calc_slab_order(size, 1, SLUB_MAX_ORDER, 1);
	if (order <= SLUB_MAX_ORDER)
		return (int)order;
	order = calc_slab_order(size, 1, MAX_PAGE_ORDER, 1);
	return order <= MAX_PAGE_ORDER ? (int)order : -1;
}

/*
 * calculate_sizes(): the object rounded to a word; the free pointer in the
 * middle of it, or after it when the object must survive a free (RCU-safe
 * caches, caches with a constructor); then the alignment; then the order.
 * Returns false if no order holds one object.
 */
static bool calculate_sizes(const struct machine *m, struct kmem_cache *s, bool ctor)
{
	unsigned w = word_size(m);
	unsigned long size = align_up(s->object_size, w);
	int order;

	if ((s->flags & SLAB_TYPESAFE_BY_RCU) || ctor) {
		s->offset = (unsigned)size;
		size += w;
	} else {
		s->offset = (s->object_size / 2) & ~(w - 1);
	}
	size = align_up(size, s->align);
	if (size > KMALLOC_MAX_SIZE)
		return false;
	s->size = (unsigned)size;
	order = calculate_order(m, s->size);
	if (order < 0)
		return false;
	s->order = (unsigned)order;
	s->objects = order_objects(s->order, s->size);
	s->min_order = get_order(s->size);
	s->min_objects = order_objects(s->min_order, s->size);
	s->allocflags = s->order ? __GFP_COMP : 0;
	s->min_partial = (fls_u(s->size) - 1) / 2;	/* ilog2(size) / 2, within 5..10 */
	if (s->min_partial > MAX_PARTIAL)
		s->min_partial = MAX_PARTIAL;
	if (s->min_partial < MIN_PARTIAL)
		s->min_partial = MIN_PARTIAL;
	return true;
}

/* ---- the cache registry ------------------------------------------------- */

struct kmem_cache *kmem_cache_by_id(const struct machine *m, uint32_t id)
{
	const struct slab_allocator *sa = m->slab;

	return id && id <= sa->nr_ids ? sa->by_id[id - 1] : NULL;
}

struct kmem_cache *kmem_cache_find(const struct machine *m, const char *name)
{
	for (struct kmem_cache *s = m->slab->slab_caches; s; s = s->next)
		if (strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

/* The lowest free id; grows the table if every id is taken.  0 on host OOM. */
static uint32_t cache_id_get(struct slab_allocator *sa)
{
	struct kmem_cache **t;

	for (uint32_t i = 0; i < sa->nr_ids; i++)
		if (!sa->by_id[i])
			return i + 1;
	t = realloc(sa->by_id, (sa->nr_ids + 1) * sizeof(*t));
	if (!t)
		return 0;
	sa->by_id = t;
	t[sa->nr_ids++] = NULL;
	return sa->nr_ids;
}

static void cache_free(struct kmem_cache *s)
{
	if (!s)
		return;
	free(s->cpu_slab);
	free(s->node);
	free(s);
}

static struct kmem_cache *cache_alloc(const struct machine *m)
{
	struct kmem_cache *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->cpu_slab = calloc((size_t)m->nr_cpus, sizeof(*s->cpu_slab));
	s->node = calloc((size_t)m->nr_nodes, sizeof(*s->node));
	if (!s->cpu_slab || !s->node) {
		cache_free(s);
		return NULL;
	}
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		s->cpu_slab[cpu].slab = PFN_NONE;
	for (int nid = 0; nid < m->nr_nodes; nid++)
		pfn_list_init(&s->node[nid].partial);
	return s;
}

static bool valid_cache_name(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n >= KMEM_CACHE_NAME_LEN)
		return false;
	for (const char *p = name; *p; p++)
		if (*p <= ' ' || *p > '~' || *p == '=')
			return false;
	return true;
}

static int create_check(struct machine *m, const char *name, unsigned size, unsigned flags)
{
	if (!valid_cache_name(name))
		return mm_err(m, -EINVAL, "'%s' is not a cache name: 1 to %d printable characters, "
			      "no blanks or '='", name, KMEM_CACHE_NAME_LEN - 1);
	if (kmem_cache_find(m, name))
		return mm_err(m, -EEXIST, "a cache named %s already exists", name);
	if (size == 0 || size > KMALLOC_MAX_SIZE)
		return mm_err(m, -EINVAL, "kmem_cache_create(%s) integrity check failed: size %u "
			      "is not within 1..%lu (KMALLOC_MAX_SIZE)", name, size,
			      KMALLOC_MAX_SIZE);
	if (flags & ~SLAB_FLAGS_KNOWN)
		return mm_err(m, -EINVAL, "flags 0x%x: the model knows SLAB_HWCACHE_ALIGN, "
			      "SLAB_RECLAIM_ACCOUNT, SLAB_TYPESAFE_BY_RCU and SLAB_ACCOUNT",
			      flags & ~SLAB_FLAGS_KNOWN);
	return 0;
}

/*
 * create_cache(): a new cache at the head of slab_caches.  align is the
 * creator's; ctor says whether the kernel's cache has a constructor (which
 * moves the free pointer out of the object).  Returns NULL with m->err set.
 */
static struct kmem_cache *create_cache(struct machine *m, const char *name, unsigned size,
				       unsigned align, unsigned flags, bool ctor)
{
	struct slab_allocator *sa = m->slab;
	struct kmem_cache *s;

	if (create_check(m, name, size, flags) < 0)
		return NULL;
	s = cache_alloc(m);
	if (!s || !(s->id = cache_id_get(sa))) {
		cache_free(s);
		mm_err(m, -ENOMEM, "host out of memory for cache %s", name);
		return NULL;
	}
	snprintf(s->name, sizeof(s->name), "%s", name);
	s->object_size = size;
	s->flags = flags;
	s->align = calculate_alignment(m, flags, align, size);
	s->refcount = 1;
	if (!calculate_sizes(m, s, ctor)) {
		cache_free(s);
		mm_err(m, -EINVAL, "kmem_cache_create(%s) failed with error %d: no slab order "
		       "holds one %u-byte object", name, -EINVAL, size);
		return NULL;
	}
	sa->by_id[s->id - 1] = s;
	s->next = sa->slab_caches;
	sa->slab_caches = s;
	return s;
}

struct kmem_cache *kmem_cache_create(struct machine *m, const char *name, unsigned size,
				     unsigned align, unsigned flags)
{
	if (align & (align - 1) || align > PAGE_SIZE) {
		mm_err(m, -EINVAL, "align=%u: the alignment must be a power of two up to %lu",
		       align, PAGE_SIZE);
		return NULL;
	}
	return create_cache(m, name, size, align, flags, false);
}

/* ---- slabs: new_slab(), discard_slab(), the partial lists --------------- */

static void mod_slab_pages(struct machine *m, const struct kmem_cache *s, unsigned long pfn,
			   long pages)
{
	int nid = pfn_zone(m, pfn)->zone_pgdat->node_id;
	bool reclaimable = s && (s->flags & SLAB_RECLAIM_ACCOUNT);

	m->slab->node_pages[2 * nid + reclaimable] += (unsigned long)pages;
}

/* Marks every frame of the block as the cache's slab; tails point at the head. */
static void slab_mark_frames(struct machine *m, const struct kmem_cache *s, unsigned long head,
			     unsigned order)
{
	for (unsigned long i = 0; i < (1UL << order); i++) {
		struct page *p = page_at(m, head + i);

		SetPageFlag(p, PG_slab);
		p->mapping = s->id;
		p->index = i ? head : 0;
	}
}

static void slab_clear_frames(struct machine *m, unsigned long head, unsigned order)
{
	for (unsigned long i = 0; i < (1UL << order); i++) {
		struct page *p = page_at(m, head + i);

		ClearPageFlag(p, PG_slab);
		p->mapping = 0;
		p->index = 0;
	}
}

/* Gives every frame of the block its bytes; false (nothing kept) on host OOM. */
static bool slab_get_buffers(struct machine *m, unsigned long head, unsigned order)
{
	for (unsigned long i = 0; i < (1UL << order); i++)
		if (!page_data_get(m, head + i))
			return false;
	return true;
}

/*
 * Poisons the whole slab 5a (the leftover at its end stays so), then each
 * object free (6b...a5) with its free pointer to the next: the freelist
 * runs in address order.
 */
static void slab_init_objects(struct machine *m, const struct kmem_cache *s,
			      unsigned long head, unsigned order, unsigned objects)
{
	slab_fill(m, pfn_to_virt(m, head), POISON_INUSE, PAGE_SIZE << order);
	for (unsigned i = 0; i < objects; i++)
		poison_free(m, s, obj_addr(m, s, head, i),
			    i + 1 < objects ? obj_addr(m, s, head, i + 1) : 0);
}

/*
 * allocate_slab()'s two tries: s->oo without retries (and, when s->min is
 * smaller, without reclaim), then s->min with the caller's gfp, which may
 * reclaim and call the OOM killer.
 */
static long alloc_slab_page(struct machine *m, const struct kmem_cache *s, gfp_t gfp,
			    unsigned *order, unsigned *objects)
{
	gfp_t flags = (gfp & ~__GFP_ZERO) | s->allocflags;
	gfp_t first = flags | __GFP_NOWARN | __GFP_NORETRY;
	long pfn;

	if ((first & __GFP_DIRECT_RECLAIM) && s->order > s->min_order)
		first &= ~__GFP_RECLAIM;
	pfn = alloc_pages(m, first, s->order);
	*order = s->order;
	*objects = s->objects;
	if (pfn >= 0)
		return pfn;
	*order = s->min_order;		/* the kernel's ORDER_FALLBACK to s->min */
	*objects = s->min_objects;
	return alloc_pages(m, flags, s->min_order);
}

/*
 * new_slab(): 2^order frames from the page allocator made into a slab of
 * s with every object free.  Returns the head pfn, or -ENOMEM with
 * nothing changed.
 */
static long new_slab(struct machine *m, struct kmem_cache *s, gfp_t gfp)
{
	unsigned order, objects;
	long pfn = alloc_slab_page(m, s, gfp, &order, &objects);
	struct slab sl = { .objects = 0 };
	struct kmem_cache_node *n;

	if (pfn < 0) {
		char why[MM_ERR_LEN];

		snprintf(why, sizeof(why), "%s", m->err);
		return mm_err(m, -ENOMEM, "%s: no new slab: %s", s->name, why);
	}
	if (!slab_get_buffers(m, (unsigned long)pfn, order)) {
		__free_pages(m, (unsigned long)pfn, order);
		return mm_err(m, -ENOMEM, "%s: host out of memory for the slab's bytes", s->name);
	}
	slab_mark_frames(m, s, (unsigned long)pfn, order);
	sl.objects = objects;
	sl.freelist = 1;
	slab_store(m, (unsigned long)pfn, &sl);
	slab_init_objects(m, s, (unsigned long)pfn, order, objects);
	n = slab_node(m, s, (unsigned long)pfn);
	n->nr_slabs++;
	n->total_objects += objects;
	mod_slab_pages(m, s, (unsigned long)pfn, 1L << order);
	event_emit(m, .type = EV_SLAB_ALLOC_NEW, .cache = s, .cpu = m->cpu,
		   .pfn = (unsigned long)pfn, .order = order, .val = objects,
		   .zone = pfn_zone(m, (unsigned long)pfn));
	return pfn;
}

/*
 * discard_slab(): an empty slab, already off every list, goes back to the
 * page allocator.  nr_partial is what the decision saw (for the event).
 */
static void discard_slab(struct machine *m, struct kmem_cache *s, unsigned long head,
			 int why, unsigned long nr_partial)
{
	struct slab sl = slab_load(m, head);
	struct kmem_cache_node *n = slab_node(m, s, head);
	unsigned order = slab_order(m, head);

	MM_BUG_ON(sl.inuse || sl.frozen, m, head);
	event_emit(m, .type = EV_SLAB_FREE_EMPTY, .cache = s, .cpu = m->cpu, .pfn = head,
		   .order = order, .val = (unsigned long)why, .val2 = nr_partial,
		   .zone = pfn_zone(m, head));
	n->nr_slabs--;
	n->total_objects -= sl.objects;
	mod_slab_pages(m, s, head, -(1L << order));
	slab_clear_frames(m, head, order);
	__free_pages(m, head, order);
}

static void add_partial(struct machine *m, struct kmem_cache_node *n, unsigned long head,
			bool tail)
{
	if (tail)
		pfn_list_add_tail(m->mem_map, &n->partial, (uint32_t)head);
	else
		pfn_list_add_head(m->mem_map, &n->partial, (uint32_t)head);
}

static void remove_partial(struct machine *m, struct kmem_cache_node *n, unsigned long head)
{
	pfn_list_del(m->mem_map, &n->partial, (uint32_t)head);
}

/* ---- allocation ---------------------------------------------------------- */

/* The slab becomes c's CPU slab: its whole freelist moves to c->freelist. */
static void freeze_slab(struct machine *m, struct kmem_cache *s, struct kmem_cache_cpu *c,
			unsigned long head)
{
	struct slab sl = slab_load(m, head);

	c->freelist = slab_freelist_addr(m, s, head, &sl);
	c->slab = (uint32_t)head;
	sl.freelist = 0;
	sl.inuse = sl.objects;
	sl.frozen = true;
	slab_store(m, head, &sl);
}

/* The CPU slab is full (no free object anywhere): it goes on no list. */
static void unfreeze_full(struct machine *m, struct kmem_cache *s, struct kmem_cache_cpu *c)
{
	unsigned long head = c->slab;
	struct slab sl = slab_load(m, head);

	sl.frozen = false;
	slab_store(m, head, &sl);
	c->slab = PFN_NONE;
	event_emit(m, .type = EV_SLAB_DEACTIVATE, .cache = s, .cpu = m->cpu, .pfn = head,
		   .val = sl.inuse, .val2 = sl.objects, .val3 = SLAB_DEACT_FULL, .ok = true);
}

/*
 * ___slab_alloc(): c->freelist is empty.  In order: objects other CPUs
 * freed into the CPU slab; the first partial slab of this CPU's node; a new
 * slab.  Returns 0 with c->freelist filled, or -ENOMEM with nothing
 * changed (a full CPU slab is retired only once a replacement is found).
 */
static int refill_cpu_freelist(struct machine *m, struct kmem_cache *s,
			       struct kmem_cache_cpu *c, gfp_t gfp)
{
	struct kmem_cache_node *n = &s->node[cpu_to_node(m, m->cpu)];
	unsigned long old = c->slab;
	long head;

	if (old != PFN_NONE) {
		struct slab sl = slab_load(m, old);

		if (sl.freelist) {
			event_emit(m, .type = EV_SLAB_ALLOC_SLOWPATH, .cache = s, .cpu = m->cpu,
				   .pfn = old, .val = sl.objects - sl.inuse,
				   .val2 = SLOWPATH_OWN_SLAB, .val3 = old + 1);
			freeze_slab(m, s, c, old);
			return 0;
		}
	}
	head = n->partial.first != PFN_NONE ? (long)n->partial.first : -1;
	if (head >= 0) {
		struct slab sl = slab_load(m, (unsigned long)head);

		event_emit(m, .type = EV_SLAB_ALLOC_SLOWPATH, .cache = s, .cpu = m->cpu,
			   .pfn = (unsigned long)head, .val = sl.objects - sl.inuse,
			   .val2 = SLOWPATH_PARTIAL, .val3 = old != PFN_NONE ? old + 1 : 0);
	} else {
		event_emit(m, .type = EV_SLAB_ALLOC_SLOWPATH, .cache = s, .cpu = m->cpu,
			   .order = s->order, .val = s->objects, .val2 = SLOWPATH_NEW_SLAB,
			   .val3 = old != PFN_NONE ? old + 1 : 0);
	}
	if (head >= 0)
		remove_partial(m, n, (unsigned long)head);
	else if ((head = new_slab(m, s, gfp)) < 0)
		return (int)head;
	if (old != PFN_NONE)
		unfreeze_full(m, s, c);
	freeze_slab(m, s, c, (unsigned long)head);
	return 0;
}

/*
 * slab_alloc(): pops the first object of this CPU's freelist, refilling it
 * first if needed, and poisons it 5a (or zeroes it).  Returns 0 with the
 * address in *addr, or -ENOMEM with nothing changed.
 */
static int slab_alloc(struct machine *m, struct kmem_cache *s, gfp_t gfp, unsigned long *addr)
{
	struct kmem_cache_cpu *c = &s->cpu_slab[m->cpu];
	unsigned long obj, next;
	struct slab sl;

	if (!c->freelist) {
		int err = refill_cpu_freelist(m, s, c, gfp);

		if (err)
			return err;
	}
	obj = c->freelist;
	next = slab_read_freepointer(m, s, obj);
	sl = slab_load(m, c->slab);
	MM_BUG_ON(!valid_pointer(m, s, c->slab, sl.objects, next), m, c->slab);
	c->freelist = next;
	slab_fill(m, obj, gfp & __GFP_ZERO ? 0 : POISON_INUSE, s->object_size);
	*addr = obj;
	return 0;
}

/* GFP_SLAB_BUG_MASK: slab memory needs a kernel address. */
static int slab_gfp_check(struct machine *m, gfp_t gfp)
{
	if (gfp & (__GFP_HIGHMEM | __GFP_DMA32))
		return mm_err(m, -EINVAL, "__GFP_HIGHMEM and __GFP_DMA32 are not for slab memory "
			      "(the kernel warns \"Unexpected gfp\" and strips them)");
	if (gfp & (__GFP_DMA | __GFP_RECLAIMABLE))
		return mm_err(m, -EINVAL, "__GFP_DMA and __GFP_RECLAIMABLE pick the dma-kmalloc "
			      "and kmalloc-rcl caches, which the model does not have");
	return 0;
}

unsigned long __kmem_cache_alloc(struct machine *m, struct kmem_cache *s, gfp_t gfp,
				 const char *caller)
{
	unsigned long addr;
	int err = slab_gfp_check(m, gfp);

	if (!err)
		err = slab_alloc(m, s, gfp, &addr);
	if (err)
		return (unsigned long)(long)err;
	event_emit(m, .type = EV_KMEM_CACHE_ALLOC, .cache = s, .site = caller, .cpu = m->cpu,
		   .pfn = slab_head_pfn(m, (unsigned long)virt_to_pfn(m, addr)), .val = addr,
		   .val2 = s->object_size, .val3 = s->size, .gfp = gfp);
	return addr;
}

/* ---- freeing ------------------------------------------------------------- */

/*
 * __slab_free(): the object goes on its slab's own freelist.  A full slab
 * becomes partial; an empty one is freed when the node has enough partial
 * slabs.  A frozen slab (another CPU's) stays where it is.
 */
static void __slab_free(struct machine *m, struct kmem_cache *s, unsigned long head,
			unsigned long obj)
{
	struct slab sl = slab_load(m, head);
	struct kmem_cache_node *n = slab_node(m, s, head);
	bool was_full = !sl.freelist;

	poison_free(m, s, obj, slab_freelist_addr(m, s, head, &sl));
	sl.freelist = obj_index(m, s, head, obj) + 1;
	sl.inuse--;
	slab_store(m, head, &sl);
	event_emit(m, .type = EV_SLAB_FREE_OBJECT, .cache = s, .cpu = m->cpu, .pfn = head,
		   .val = obj, .val2 = FREE_TO_SLAB, .val3 = sl.inuse, .ok = sl.frozen);
	if (sl.frozen)
		return;
	if (!sl.inuse && n->partial.count >= s->min_partial) {
		unsigned long nr_partial = n->partial.count;

		if (!was_full)
			remove_partial(m, n, head);
		discard_slab(m, s, head, EMPTY_ON_FREE, nr_partial);
	} else if (was_full) {
		add_partial(m, n, head, true);
		event_emit(m, .type = EV_SLAB_ADD_PARTIAL, .cache = s, .cpu = m->cpu, .pfn = head,
			   .val = n->partial.count, .val2 = sl.inuse, .val3 = sl.objects);
	}
}

/* slab_free(): the fast path when the object is in this CPU's slab. */
static void slab_free(struct machine *m, struct kmem_cache *s, unsigned long head,
		      unsigned long obj)
{
	struct kmem_cache_cpu *c = &s->cpu_slab[m->cpu];

	if (c->slab != head) {
		__slab_free(m, s, head, obj);
		return;
	}
	poison_free(m, s, obj, c->freelist);
	c->freelist = obj;
	event_emit(m, .type = EV_SLAB_FREE_OBJECT, .cache = s, .cpu = m->cpu, .pfn = head,
		   .val = obj, .val2 = FREE_TO_CPU, .val3 = slab_load(m, head).inuse, .ok = true);
}

static bool freelist_holds(const struct machine *m, const struct kmem_cache *s,
			   unsigned long first, unsigned long addr, unsigned limit)
{
	for (unsigned long o = first; o && limit--; o = slab_read_freepointer(m, s, o))
		if (o == addr)
			return true;
	return false;
}

/*
 * A free object carries its poison: 6b, a5 last, except under the free
 * pointer.  One byte outside the free pointer that is not what a free
 * object holds there proves the object allocated, without a freelist walk.
 * (An object whose every byte is free pointer gets the walk.)
 */
static bool maybe_free(const struct machine *m, const struct kmem_cache *s, unsigned long addr)
{
	unsigned w = word_size(m);
	unsigned i = s->object_size - 1;
	unsigned char b;

	if (i >= s->offset && i < s->offset + w)
		i = 0;
	if (i >= s->offset && i < s->offset + w)
		return true;
	slab_read_bytes(m, addr + i, &b, 1);
	return b == (i == s->object_size - 1 ? POISON_END : POISON_FREE);
}

/* Is the object on its slab's freelist or on a CPU freelist of that slab? */
static bool object_is_free(const struct machine *m, const struct kmem_cache *s,
			   unsigned long head, unsigned long addr)
{
	struct slab sl = slab_load(m, head);

	if (!maybe_free(m, s, addr))
		return false;

	if (freelist_holds(m, s, slab_freelist_addr(m, s, head, &sl), addr, sl.objects))
		return true;
	for (int cpu = 0; sl.frozen && cpu < m->nr_cpus; cpu++)
		if (s->cpu_slab[cpu].slab == head &&
		    freelist_holds(m, s, s->cpu_slab[cpu].freelist, addr, sl.objects))
			return true;
	return false;
}

/*
 * The kernel's free-time checks, as SLUB debugging makes them: the address
 * must be the start of an object of this slab that is not already free.
 */
static int object_check(struct machine *m, const struct kmem_cache *s, unsigned long head,
			unsigned long addr)
{
	struct slab sl = slab_load(m, head);
	unsigned long base = pfn_to_virt(m, head), off = addr - base;
	unsigned idx = (unsigned)(off / s->size);
	int w = m->arch->addr_digits;

	if (idx >= sl.objects)
		return mm_err(m, -EINVAL, "0x%0*lx is not an object of %s: it lies in the unused "
			      "end of the slab at pfn 0x%lx (its %u objects end at 0x%0*lx)", w,
			      addr, s->name, head, sl.objects, w,
			      base + (unsigned long)sl.objects * s->size);
	if (off % s->size)
		return mm_err(m, -EINVAL, "0x%0*lx points into the middle of object %u of %s "
			      "(0x%0*lx + %lu): free the address the allocation returned", w,
			      addr, idx, s->name, w, obj_addr(m, s, head, idx), off % s->size);
	if (object_is_free(m, s, head, addr))
		return mm_err(m, -EINVAL, "0x%0*lx is free already (object %u of %s, slab pfn "
			      "0x%lx): a double free, or an object never handed out", w, addr,
			      idx, s->name, head);
	return 0;
}

unsigned long slab_head_pfn(const struct machine *m, unsigned long pfn)
{
	const struct page *p = page_at(m, pfn);

	return PageFlag(p, PG_head) ? pfn : (unsigned long)p->index;
}

/* The slab head of a direct-map address, or -1 if it is not in a slab. */
static long addr_to_slab(const struct machine *m, unsigned long addr)
{
	long pfn = virt_to_pfn(m, addr);

	if (pfn < 0 || !PageFlag(page_at(m, (unsigned long)pfn), PG_slab))
		return -1;
	return (long)slab_head_pfn(m, (unsigned long)pfn);
}

bool kmem_cache_object_allocated(const struct machine *m, const struct kmem_cache *s,
				 unsigned long addr)
{
	long head = addr_to_slab(m, addr);
	unsigned long off;

	if (head < 0 || virt_to_cache(m, addr) != s)
		return false;
	off = addr - pfn_to_virt(m, (unsigned long)head);
	return off % s->size == 0 && off / s->size < slab_load(m, (unsigned long)head).objects &&
	       !object_is_free(m, s, (unsigned long)head, addr);
}

struct kmem_cache *virt_to_cache(const struct machine *m, unsigned long addr)
{
	long head = addr_to_slab(m, addr);

	return head < 0 ? NULL : kmem_cache_by_id(m, page_at(m, (unsigned long)head)->mapping);
}

int __kmem_cache_free(struct machine *m, struct kmem_cache *s, unsigned long addr,
		      const char *caller)
{
	long head = addr_to_slab(m, addr);
	struct kmem_cache *owner = virt_to_cache(m, addr);
	int err;

	if (head < 0)
		return mm_err(m, -EINVAL, "0x%0*lx is not a slab object: its page is not a slab "
			      "page", m->arch->addr_digits, addr);
	if (owner != s)
		return mm_err(m, -EINVAL, "cache_from_obj: Wrong slab cache. %s but object is "
			      "from %s", s->name, owner ? owner->name : "no cache");
	err = object_check(m, s, (unsigned long)head, addr);
	if (err)
		return err;
	event_emit(m, .type = EV_KMEM_CACHE_FREE, .cache = s, .site = caller, .cpu = m->cpu,
		   .pfn = (unsigned long)head, .val = addr);
	slab_free(m, s, (unsigned long)head, addr);
	return 0;
}

/* ---- deactivation, shrinking, destruction -------------------------------- */

/*
 * deactivate_slab(): the CPU slab stops being one.  c->freelist is spliced
 * in front of the slab's own freelist; then the slab is freed (empty, and
 * the node has min_partial partial slabs), goes on the partial list (to
 * the tail if other CPUs had freed into it, else the head) or, full, on no
 * list.
 */
static void deactivate_slab(struct machine *m, struct kmem_cache *s, int cpu)
{
	struct kmem_cache_cpu *c = &s->cpu_slab[cpu];
	unsigned long head = c->slab, last = 0;
	struct slab sl;
	struct kmem_cache_node *n;
	unsigned count = 0, where;
	bool remote;

	if (head == PFN_NONE)
		return;
	sl = slab_load(m, head);
	n = slab_node(m, s, head);
	remote = sl.freelist != 0;
	for (unsigned long o = c->freelist; o && count < sl.objects;
	     o = slab_read_freepointer(m, s, o)) {
		last = o;
		count++;
	}
	if (last) {
		set_freepointer(m, s, last, slab_freelist_addr(m, s, head, &sl));
		sl.freelist = obj_index(m, s, head, c->freelist) + 1;
	}
	sl.inuse -= count;
	sl.frozen = false;
	slab_store(m, head, &sl);
	c->slab = PFN_NONE;
	c->freelist = 0;
	if (!sl.inuse && n->partial.count >= s->min_partial)
		where = SLAB_DEACT_FREE;
	else if (sl.freelist)
		where = remote ? SLAB_DEACT_PARTIAL_TAIL : SLAB_DEACT_PARTIAL_HEAD;
	else
		where = SLAB_DEACT_FULL;
	event_emit(m, .type = EV_SLAB_DEACTIVATE, .cache = s, .cpu = cpu, .pfn = head,
		   .val = sl.inuse, .val2 = sl.objects, .val3 = where);
	if (where == SLAB_DEACT_FREE)
		discard_slab(m, s, head, EMPTY_ON_DEACTIVATE, n->partial.count);
	else if (where != SLAB_DEACT_FULL)
		add_partial(m, n, head, where == SLAB_DEACT_PARTIAL_TAIL);
}

/*
 * __kmem_cache_do_shrink() for one node: empty slabs are freed; the others
 * are sorted by free objects, fewest first (up to 32; slabs with more stay
 * behind in their order), so allocations fill the fullest slabs first.
 */
static unsigned long shrink_node(struct machine *m, struct kmem_cache *s,
				 struct kmem_cache_node *n)
{
	struct pfn_list promote[SHRINK_PROMOTE_MAX], discard;
	unsigned long freed = 0;
	uint32_t pfn, next;

	pfn_list_init(&discard);
	for (int i = 0; i < SHRINK_PROMOTE_MAX; i++)
		pfn_list_init(&promote[i]);
	for (pfn = n->partial.first; pfn != PFN_NONE; pfn = next) {
		struct slab sl = slab_load(m, pfn);
		unsigned nfree = sl.objects - sl.inuse;

		next = m->mem_map[pfn].lru_next;
		if (nfree == sl.objects) {
			remove_partial(m, n, pfn);
			pfn_list_add_tail(m->mem_map, &discard, pfn);
		} else if (nfree <= SHRINK_PROMOTE_MAX) {
			remove_partial(m, n, pfn);
			pfn_list_add_tail(m->mem_map, &promote[nfree - 1], pfn);
		}
	}
	for (int i = SHRINK_PROMOTE_MAX - 1; i >= 0; i--)
		while ((pfn = pfn_list_pop_tail(m->mem_map, &promote[i])) != PFN_NONE)
			add_partial(m, n, pfn, false);
	while ((pfn = pfn_list_pop_head(m->mem_map, &discard)) != PFN_NONE) {
		discard_slab(m, s, pfn, EMPTY_ON_SHRINK, n->partial.count);
		freed++;
	}
	return freed;
}

static void flush_all(struct machine *m, struct kmem_cache *s)
{
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		deactivate_slab(m, s, cpu);
}

unsigned long kmem_cache_shrink(struct machine *m, struct kmem_cache *s)
{
	unsigned long before = 0, after = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++)
		before += s->node[nid].nr_slabs;
	flush_all(m, s);
	for (int nid = 0; nid < m->nr_nodes; nid++)
		shrink_node(m, s, &s->node[nid]);
	for (int nid = 0; nid < m->nr_nodes; nid++)
		after += s->node[nid].nr_slabs;
	return before - after;
}

unsigned cpu_freelist_count(const struct machine *m, const struct kmem_cache *s, int cpu)
{
	const struct kmem_cache_cpu *c = &s->cpu_slab[cpu];
	unsigned n = 0, limit = c->slab != PFN_NONE ? slab_load(m, c->slab).objects : 0;

	for (unsigned long o = c->freelist; o && n < limit; o = slab_read_freepointer(m, s, o))
		n++;
	return n;
}

unsigned long kmem_cache_inuse(const struct machine *m, const struct kmem_cache *s)
{
	unsigned long total = 0, nfree = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++) {
		const struct kmem_cache_node *n = &s->node[nid];

		total += n->total_objects;
		for (uint32_t p = n->partial.first; p != PFN_NONE; p = m->mem_map[p].lru_next)
			nfree += slab_load(m, p).objects - slab_load(m, p).inuse;
	}
	for (int cpu = 0; cpu < m->nr_cpus; cpu++) {
		uint32_t p = s->cpu_slab[cpu].slab;

		if (p != PFN_NONE)
			nfree += slab_load(m, p).objects - slab_load(m, p).inuse +
				 cpu_freelist_count(m, s, cpu);
	}
	return total - nfree;
}

static void cache_unlink(struct slab_allocator *sa, struct kmem_cache *s)
{
	for (struct kmem_cache **pp = &sa->slab_caches; *pp; pp = &(*pp)->next)
		if (*pp == s) {
			*pp = s->next;
			break;
		}
	sa->by_id[s->id - 1] = NULL;
}

int kmem_cache_destroy(struct machine *m, struct kmem_cache *s, const char *caller)
{
	unsigned long inuse;

	if (s->refcount < 0)
		return mm_err(m, -EPERM, "%s is one of the kernel's boot caches (refcount -1): "
			      "kmem_cache_destroy leaves it alone", s->name);
	inuse = kmem_cache_inuse(m, s);
	if (inuse)
		return mm_err(m, -EBUSY, "kmem_cache_destroy %s: Slab cache still has objects "
			      "when called from %s (%lu in use; the cache is kept)", s->name,
			      caller, inuse);
	kmem_cache_shrink(m, s);
	for (int nid = 0; nid < m->nr_nodes; nid++)
		MM_BUG_ON(s->node[nid].nr_slabs, m, 0);
	cache_unlink(m->slab, s);
	cache_free(s);
	return 0;
}

/* ---- kmalloc ------------------------------------------------------------- */

/* kmalloc_size_index[(size - 1) / 8] for sizes up to 192 (1: 96, 2: 192). */
static const unsigned char size_index[24] = {
	3, 4, 5, 5, 6, 6, 6, 6, 1, 1, 1, 1, 7, 7, 7, 7, 2, 2, 2, 2, 2, 2, 2, 2,
};

static unsigned kmalloc_index(unsigned long size)
{
	return size <= 192 ? size_index[(size - 1) / 8] : fls_u(size - 1);
}

struct kmem_cache *kmalloc_slab(const struct machine *m, unsigned long size)
{
	if (size == 0 || size > KMALLOC_MAX_CACHE_SIZE)
		return NULL;
	return m->slab->kmalloc_caches[kmalloc_index(size)];
}

const struct kmalloc_large_block *kmalloc_large_find(const struct machine *m,
						     unsigned long pfn)
{
	const struct slab_allocator *sa = m->slab;
	size_t lo = 0, hi = sa->nr_large;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (sa->large[mid].pfn < pfn)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < sa->nr_large && sa->large[lo].pfn == pfn ? &sa->large[lo] : NULL;
}

/* The kmalloc_large block that holds pfn (not only at its start), or NULL. */
static const struct kmalloc_large_block *large_block_of(const struct machine *m,
							unsigned long pfn)
{
	const struct slab_allocator *sa = m->slab;

	for (size_t i = 0; i < sa->nr_large && sa->large[i].pfn <= pfn; i++)
		if (pfn < sa->large[i].pfn + (1UL << sa->large[i].order))
			return &sa->large[i];
	return NULL;
}

static int large_insert(struct machine *m, unsigned long pfn, unsigned order,
			unsigned long size)
{
	struct slab_allocator *sa = m->slab;
	size_t i = 0;

	if (sa->nr_large == sa->cap_large) {
		size_t cap = sa->cap_large ? 2 * sa->cap_large : 16;
		struct kmalloc_large_block *t = realloc(sa->large, cap * sizeof(*t));

		if (!t)
			return -ENOMEM;
		sa->large = t;
		sa->cap_large = cap;
	}
	while (i < sa->nr_large && sa->large[i].pfn < pfn)
		i++;
	memmove(&sa->large[i + 1], &sa->large[i], (sa->nr_large - i) * sizeof(sa->large[0]));
	sa->large[i] = (struct kmalloc_large_block){ (uint32_t)pfn, order, size };
	sa->nr_large++;
	return 0;
}

static void large_remove(struct slab_allocator *sa, const struct kmalloc_large_block *b)
{
	size_t i = (size_t)(b - sa->large);

	memmove(&sa->large[i], &sa->large[i + 1], (sa->nr_large - i - 1) * sizeof(sa->large[0]));
	sa->nr_large--;
}

/*
 * kmalloc_large(): a compound block of get_order(size) from the page
 * allocator, counted in NR_SLAB_UNRECLAIMABLE like the kernel's.
 */
static unsigned long kmalloc_large(struct machine *m, unsigned long size, gfp_t gfp,
				   const char *caller)
{
	unsigned order;
	long pfn;

	if (size > KMALLOC_MAX_SIZE)	/* before get_order(), which loops on a huge size */
		return (unsigned long)(long)mm_err(m, -EINVAL, "%lu bytes is more than "
			"KMALLOC_MAX_SIZE (%lu): the page allocator's largest block is order %d",
			size, KMALLOC_MAX_SIZE, MAX_PAGE_ORDER);
	order = get_order(size);
	event_emit(m, .type = EV_KMALLOC_LARGE, .cpu = m->cpu, .val2 = size, .order = order,
		   .gfp = gfp, .site = caller);
	pfn = alloc_pages(m, gfp | __GFP_COMP, order);
	if (pfn < 0)
		return (unsigned long)pfn;
	if (large_insert(m, (unsigned long)pfn, order, size) < 0) {
		__free_pages(m, (unsigned long)pfn, order);
		return (unsigned long)(long)mm_err(m, -ENOMEM, "host out of memory");
	}
	mod_slab_pages(m, NULL, (unsigned long)pfn, 1L << order);
	event_emit(m, .type = EV_KMALLOC, .cpu = m->cpu, .site = caller, .pfn = (unsigned long)pfn,
		   .order = order, .val = pfn_to_virt(m, (unsigned long)pfn), .val2 = size,
		   .val3 = PAGE_SIZE << order, .gfp = gfp);
	return pfn_to_virt(m, (unsigned long)pfn);
}

unsigned long __kmalloc(struct machine *m, unsigned long size, gfp_t gfp, const char *caller)
{
	struct kmem_cache *s;
	unsigned long addr;
	int err = slab_gfp_check(m, gfp);

	if (err)
		return (unsigned long)(long)err;
	if (size == 0)
		return ZERO_SIZE_PTR;
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_large(m, size, gfp, caller);
	s = kmalloc_slab(m, size);
	event_emit(m, .type = EV_KMALLOC_SLAB, .cache = s, .cpu = m->cpu, .val2 = size,
		   .val = kmalloc_index(size), .gfp = gfp, .site = caller);
	err = slab_alloc(m, s, gfp, &addr);
	if (err)
		return (unsigned long)(long)err;
	event_emit(m, .type = EV_KMALLOC, .cache = s, .site = caller, .cpu = m->cpu,
		   .pfn = slab_head_pfn(m, (unsigned long)virt_to_pfn(m, addr)), .val = addr,
		   .val2 = size, .val3 = s->size, .gfp = gfp);
	return addr;
}

/* free_large_kmalloc(): the block must still be the one kmalloc_large gave. */
static int kfree_large(struct machine *m, unsigned long addr, unsigned long pfn,
		       const char *caller)
{
	struct slab_allocator *sa = m->slab;
	const struct kmalloc_large_block *b = large_block_of(m, pfn);
	const struct page *p;
	int w = m->arch->addr_digits;

	if (!b)
		return mm_err(m, -EINVAL, "0x%0*lx was not allocated by kmalloc: pfn 0x%lx is not "
			      "a slab page and no kmalloc_large block holds it", w, addr, pfn);
	if (addr != pfn_to_virt(m, b->pfn))
		return mm_err(m, -EINVAL, "0x%0*lx points into the middle of the kmalloc_large "
			      "block at 0x%0*lx (order %u): free the address kmalloc returned",
			      w, addr, w, pfn_to_virt(m, b->pfn), b->order);
	p = page_at(m, b->pfn);
	if (!PageFlag(p, PG_head) || p->_refcount != 1 || p->private != b->order)
		return mm_err(m, -EINVAL, "the kmalloc_large block at 0x%0*lx is no longer what "
			      "kmalloc gave (freed with free_pages?)", w, addr);
	event_emit(m, .type = EV_KFREE, .cpu = m->cpu, .site = caller, .pfn = b->pfn,
		   .order = b->order, .val = addr);
	pfn = b->pfn;
	mod_slab_pages(m, NULL, pfn, -(1L << b->order));
	__free_pages(m, pfn, b->order);
	large_remove(sa, b);
	return 0;
}

int __kfree(struct machine *m, unsigned long addr, const char *caller)
{
	long pfn, head;
	struct kmem_cache *s;
	int err;

	if (ZERO_OR_NULL_PTR(addr)) {
		event_emit(m, .type = EV_KFREE, .cpu = m->cpu, .site = caller, .val = addr);
		return 0;
	}
	pfn = virt_to_pfn(m, addr);
	if (pfn < 0)
		return mm_err(m, -EINVAL, "0x%0*lx is not a direct-map address: kmalloc memory "
			      "lies in 0x%lx..0x%lx", m->arch->addr_digits, addr,
			      m->arch->page_offset, pfn_to_virt(m, m->max_low_pfn) - 1);
	head = addr_to_slab(m, addr);
	if (head < 0)
		return kfree_large(m, addr, (unsigned long)pfn, caller);
	s = virt_to_cache(m, addr);
	MM_BUG_ON(!s, m, (unsigned long)head);
	err = object_check(m, s, (unsigned long)head, addr);
	if (err)
		return err;
	event_emit(m, .type = EV_KFREE, .cache = s, .cpu = m->cpu, .site = caller,
		   .pfn = (unsigned long)head, .val = addr);
	slab_free(m, s, (unsigned long)head, addr);
	return 0;
}

/* ---- boot ---------------------------------------------------------------- */

/* kmalloc_info[]: index -> name; 1 and 2 are the odd sizes 96 and 192. */
static const struct {
	const char *name;
	unsigned size;
} kmalloc_info[KMALLOC_SHIFT_HIGH + 1] = {
	[1] = { "kmalloc-96", 96 }, [2] = { "kmalloc-192", 192 },
	[3] = { "kmalloc-8", 8 }, [4] = { "kmalloc-16", 16 }, [5] = { "kmalloc-32", 32 },
	[6] = { "kmalloc-64", 64 }, [7] = { "kmalloc-128", 128 },
	[8] = { "kmalloc-256", 256 }, [9] = { "kmalloc-512", 512 },
	[10] = { "kmalloc-1k", 1024 }, [11] = { "kmalloc-2k", 2048 },
	[12] = { "kmalloc-4k", 4096 }, [13] = { "kmalloc-8k", 8192 },
};

/* create_boot_cache(): power-of-two sizes are naturally aligned. */
static struct kmem_cache *create_boot_cache(struct machine *m, const char *name,
					    unsigned size, unsigned align, unsigned flags,
					    bool ctor)
{
	struct kmem_cache *s;

	if (!(size & (size - 1)) && size > align)
		align = size;
	s = create_cache(m, name, size, align, flags, ctor);
	if (s)
		s->refcount = -1;
	return s;
}

/*
 * create_kmalloc_caches(): 8, 16, 32, 64, then 96 (right after 64), 128,
 * then 192, 256, ... 8k, so the newest-first list reads kmalloc-8k down to
 * kmalloc-8 as /proc/slabinfo shows it.
 */
static int new_kmalloc_cache(struct machine *m, unsigned idx)
{
	struct kmem_cache *s = create_boot_cache(m, kmalloc_info[idx].name,
						 kmalloc_info[idx].size, ARCH_KMALLOC_MINALIGN,
						 0, false);

	m->slab->kmalloc_caches[idx] = s;
	return s ? 0 : -ENOMEM;
}

static int create_kmalloc_caches(struct machine *m)
{
	for (unsigned i = KMALLOC_SHIFT_LOW; i <= KMALLOC_SHIFT_HIGH; i++) {
		if (new_kmalloc_cache(m, i) < 0 ||
		    (i == 6 && new_kmalloc_cache(m, 1) < 0) ||
		    (i == 7 && new_kmalloc_cache(m, 2) < 0))
			return -ENOMEM;
	}
	return 0;
}

/*
 * The caches start_kernel() creates for the structures of processes, in
 * its order (pid_idr_init, anon_vma_init, cred_init, fork_init,
 * proc_caches_init), with their flags.  Sizes are sizeof() of a Linux 5.x
 * configuration (the model's VMAs are the list-linked ones of 5.x):
 * config dependent, 32-bit kernels about half.  The kernel gives anon_vma
 * and sighand_cache a constructor, which moves their free pointer out of
 * the object.
 */
static const struct boot_cache {
	const char *name;
	size_t field;			/* offsetof(struct slab_allocator, ...) */
	unsigned size32, size64, align, flags;
	bool ctor;
} boot_caches[] = {
#define F(x) offsetof(struct slab_allocator, x)
	{ "pid", F(pid_cachep), 64, 112, 0, SLAB_HWCACHE_ALIGN | SLAB_ACCOUNT, false },
	{ "anon_vma", F(anon_vma_cachep), 48, 80, 0, SLAB_TYPESAFE_BY_RCU | SLAB_ACCOUNT, true },
	{ "anon_vma_chain", F(anon_vma_chain_cachep), 32, 64, 0, SLAB_ACCOUNT, false },
	{ "cred_jar", F(cred_jar), 128, 176, 0, SLAB_HWCACHE_ALIGN | SLAB_ACCOUNT, false },
	{ "task_struct", F(task_struct_cachep), 3584, 7744, CACHE_LINE_SIZE, SLAB_ACCOUNT,
	  false },
	{ "sighand_cache", F(sighand_cachep), 1300, 2072, 0,
	  SLAB_HWCACHE_ALIGN | SLAB_TYPESAFE_BY_RCU | SLAB_ACCOUNT, true },
	{ "signal_cache", F(signal_cachep), 640, 1024, 0, SLAB_HWCACHE_ALIGN | SLAB_ACCOUNT,
	  false },
	{ "files_cache", F(files_cachep), 256, 704, 0, SLAB_HWCACHE_ALIGN | SLAB_ACCOUNT, false },
	{ "fs_cache", F(fs_cachep), 36, 56, 0, SLAB_HWCACHE_ALIGN | SLAB_ACCOUNT, false },
	{ "mm_struct", F(mm_cachep), 640, 1088, 0, SLAB_HWCACHE_ALIGN | SLAB_ACCOUNT, false },
	{ "vm_area_struct", F(vm_area_cachep), 100, 200, 0, SLAB_ACCOUNT, false },
#undef F
};

static int create_process_caches(struct machine *m)
{
	for (size_t i = 0; i < sizeof(boot_caches) / sizeof(boot_caches[0]); i++) {
		const struct boot_cache *b = &boot_caches[i];
		struct kmem_cache *s = create_cache(m, b->name,
						    m->arch->is_64bit ? b->size64 : b->size32,
						    b->align, b->flags, b->ctor);

		if (!s)
			return -ENOMEM;
		s->refcount = -1;
		s->internal = true;
		*(struct kmem_cache **)((char *)m->slab + b->field) = s;
	}
	return 0;
}

int kmem_cache_init(struct machine *m)
{
	struct slab_allocator *sa = calloc(1, sizeof(*sa));

	if (!sa)
		return -ENOMEM;
	m->slab = sa;
	sa->node_pages = calloc(2 * (size_t)m->nr_nodes, sizeof(*sa->node_pages));
	if (!sa->node_pages || create_kmalloc_caches(m) < 0 || create_process_caches(m) < 0) {
		kmem_cache_release_all(m);
		return -ENOMEM;
	}
	return 0;
}

void kmem_cache_release_all(struct machine *m)
{
	struct slab_allocator *sa = m->slab;

	if (!sa)
		return;
	while (sa->slab_caches) {
		struct kmem_cache *s = sa->slab_caches;

		sa->slab_caches = s->next;
		cache_free(s);
	}
	free(sa->by_id);
	free(sa->large);
	free(sa->node_pages);
	free(sa);
	m->slab = NULL;
}

/* ---- views --------------------------------------------------------------- */

void get_slabinfo(const struct machine *m, const struct kmem_cache *s, struct slabinfo *info)
{
	unsigned long nr_free = 0;

	memset(info, 0, sizeof(*info));
	for (int nid = 0; nid < m->nr_nodes; nid++) {
		const struct kmem_cache_node *n = &s->node[nid];

		info->num_slabs += n->nr_slabs;
		info->num_objs += n->total_objects;
		for (uint32_t p = n->partial.first; p != PFN_NONE; p = m->mem_map[p].lru_next)
			nr_free += slab_load(m, p).objects - slab_load(m, p).inuse;
	}
	info->active_objs = info->num_objs - nr_free;
	info->active_slabs = info->num_slabs;
	info->objects_per_slab = s->objects;
	info->cache_order = s->order;
}

int slab_cpu(const struct machine *m, const struct kmem_cache *s, unsigned long head)
{
	for (int cpu = 0; cpu < m->nr_cpus; cpu++)
		if (s->cpu_slab[cpu].slab == head)
			return cpu;
	return -1;
}

static unsigned mark_freelist(const struct machine *m, const struct kmem_cache *s,
			      unsigned long head, unsigned objects, unsigned long first,
			      unsigned char *map, unsigned char state)
{
	unsigned n = 0;

	for (unsigned long o = first; o && n < objects; o = slab_read_freepointer(m, s, o)) {
		if (!valid_pointer(m, s, head, objects, o))
			break;
		map[obj_index(m, s, head, o)] = state;
		n++;
	}
	return n;
}

unsigned slab_object_map(const struct machine *m, const struct kmem_cache *s,
			 unsigned long head, unsigned char *map)
{
	struct slab sl = slab_load(m, head);
	int cpu = slab_cpu(m, s, head);
	unsigned n;

	memset(map, OBJ_INUSE, sl.objects);
	n = mark_freelist(m, s, head, sl.objects, slab_freelist_addr(m, s, head, &sl), map,
			  OBJ_FREE_SLAB);
	if (cpu >= 0)
		n += mark_freelist(m, s, head, sl.objects, s->cpu_slab[cpu].freelist, map,
				   OBJ_FREE_CPU);
	return n;
}

unsigned long slab_node_pages(const struct machine *m, int nid, bool reclaimable)
{
	return m->slab ? m->slab->node_pages[2 * nid + reclaimable] : 0;
}

/* ---- the checker's rule -------------------------------------------------- */

enum { ON_NO_LIST, ON_PARTIAL, ON_CPU };

struct slab_checker {
	const struct machine *m;
	slab_report_fn report;
	void *ctx;
	unsigned char *where;		/* [max_pfn]: the list each slab head was found on */
	unsigned char *seen;		/* [MAX_OBJS_PER_PAGE]: objects met on freelists */
	unsigned long *slabs, *objects;	/* [(id - 1) * nr_nodes + nid]: counted in mem_map */
	unsigned long *pages;		/* [nid * 2 + reclaimable] */
};

/* One violation, reported through the checker's callback (check.h). */
#define bad(c, ...) check_violation((c)->report, (c)->ctx, __VA_ARGS__)

static bool check_head(struct slab_checker *c, const struct kmem_cache *s, unsigned long pfn,
		       const char *list)
{
	const struct page *p;

	if (!pfn_valid(c->m, pfn)) {
		bad(c, "%s: %s holds pfn 0x%lx beyond the end of memory", s->name, list, pfn);
		return false;
	}
	p = page_at(c->m, pfn);
	if (!PageFlag(p, PG_slab) || !PageFlag(p, PG_head) || p->mapping != s->id) {
		bad(c, "%s: %s holds pfn 0x%lx, which is not the head of one of its slabs "
		    "(slab %d, head %d, mapping %u)", s->name, list, pfn, PageFlag(p, PG_slab),
		    PageFlag(p, PG_head), p->mapping);
		return false;
	}
	return true;
}

/* Every pointer must start an object of the slab, and none may come twice. */
static unsigned check_freelist(struct slab_checker *c, const struct kmem_cache *s,
			       unsigned long head, unsigned objects, unsigned long first,
			       const char *which)
{
	unsigned n = 0;

	for (unsigned long o = first; o; o = slab_read_freepointer(c->m, s, o)) {
		unsigned idx;

		if (!valid_pointer(c->m, s, head, objects, o)) {
			bad(c, "%s: %s of slab pfn 0x%lx leads to 0x%lx, not an object of the slab",
			    s->name, which, head, o);
			break;
		}
		idx = obj_index(c->m, s, head, o);
		if (c->seen[idx]) {
			bad(c, "%s: object %u of slab pfn 0x%lx is on a freelist twice (%s)",
			    s->name, idx, head, which);
			break;
		}
		c->seen[idx] = 1;
		n++;
	}
	return n;
}

static bool claim_slab(struct slab_checker *c, const struct kmem_cache *s, unsigned long head,
		       unsigned char list)
{
	if (c->where[head]) {
		bad(c, "%s: slab pfn 0x%lx is on two lists (a partial list and a CPU's, or twice)",
		    s->name, head);
		return false;
	}
	c->where[head] = list;
	return true;
}

static void check_partial_slab(struct slab_checker *c, const struct kmem_cache *s, int nid,
			       unsigned long head)
{
	struct slab sl = slab_load(c->m, head);
	unsigned nfree;

	if (sl.frozen)
		bad(c, "%s: slab pfn 0x%lx is on node %d's partial list but is a CPU slab",
		    s->name, head, nid);
	if (sl.inuse >= sl.objects)
		bad(c, "%s: slab pfn 0x%lx is on a partial list but full (%u of %u in use)",
		    s->name, head, sl.inuse, sl.objects);
	if (slab_nid(c->m, head) != nid)
		bad(c, "%s: slab pfn 0x%lx of node %d is on node %d's partial list", s->name,
		    head, slab_nid(c->m, head), nid);
	memset(c->seen, 0, sl.objects);
	nfree = check_freelist(c, s, head, sl.objects, slab_freelist_addr(c->m, s, head, &sl),
			       "the freelist");
	if (nfree != sl.objects - sl.inuse)
		bad(c, "%s: slab pfn 0x%lx has %u free objects on its freelist, but %u objects "
		    "with %u in use", s->name, head, nfree, sl.objects, sl.inuse);
}

static void check_partial(struct slab_checker *c, const struct kmem_cache *s, int nid)
{
	const struct kmem_cache_node *n = &s->node[nid];
	unsigned long count = 0;

	for (uint32_t p = n->partial.first; p != PFN_NONE; p = c->m->mem_map[p].lru_next) {
		if (++count > c->m->max_pfn) {
			bad(c, "%s: node %d's partial list loops", s->name, nid);
			return;
		}
		if (!check_head(c, s, p, "a partial list") || !claim_slab(c, s, p, ON_PARTIAL))
			return;
		check_partial_slab(c, s, nid, p);
	}
	if (count != n->partial.count)
		bad(c, "%s: node %d: nr_partial is %lu but %lu slabs are on the list", s->name,
		    nid, n->partial.count, count);
}

static void check_cpu(struct slab_checker *c, const struct kmem_cache *s, int cpu)
{
	const struct kmem_cache_cpu *cc = &s->cpu_slab[cpu];
	struct slab sl;
	unsigned nfree;

	if (cc->slab == PFN_NONE) {
		if (cc->freelist)
			bad(c, "%s: CPU %d has a freelist (0x%lx) but no slab", s->name, cpu,
			    cc->freelist);
		return;
	}
	if (!check_head(c, s, cc->slab, "a CPU slab") || !claim_slab(c, s, cc->slab, ON_CPU))
		return;
	sl = slab_load(c->m, cc->slab);
	if (!sl.frozen)
		bad(c, "%s: CPU %d's slab pfn 0x%x is not frozen", s->name, cpu, cc->slab);
	memset(c->seen, 0, sl.objects);
	nfree = check_freelist(c, s, cc->slab, sl.objects,
			       slab_freelist_addr(c->m, s, cc->slab, &sl), "the slab's freelist");
	if (nfree != sl.objects - sl.inuse)
		bad(c, "%s: CPU %d's slab pfn 0x%x has %u objects on its own freelist, but %u "
		    "objects with %u in use", s->name, cpu, cc->slab, nfree, sl.objects, sl.inuse);
	check_freelist(c, s, cc->slab, sl.objects, cc->freelist, "the CPU freelist");
}

/* A tail frame must lie inside the slab its page->index names. */
static void check_tail(struct slab_checker *c, unsigned long pfn, const struct page *p)
{
	unsigned long head = (unsigned long)p->index;
	const struct page *h = head < c->m->max_pfn ? page_at(c->m, head) : NULL;

	if (!h || !PageFlag(h, PG_slab) || !PageFlag(h, PG_head) || head > pfn ||
	    pfn >= head + (1UL << h->private) || h->mapping != p->mapping)
		bad(c, "pfn 0x%lx is a slab frame whose head (pfn 0x%lx) is not its slab's", pfn,
		    head);
}

static void check_slab_frame(struct slab_checker *c, const struct kmem_cache *s,
			     unsigned long pfn)
{
	struct slab sl = slab_load(c->m, pfn);
	unsigned order = slab_order(c->m, pfn);
	int nid = slab_nid(c->m, pfn);

	if (!(order == s->order && sl.objects == s->objects) &&
	    !(order == s->min_order && sl.objects == s->min_objects))
		bad(c, "%s: slab pfn 0x%lx has %u objects in order %u; the cache makes %u in "
		    "order %u (or %u in order %u)", s->name, pfn, sl.objects, order, s->objects,
		    s->order, s->min_objects, s->min_order);
	if (sl.inuse > sl.objects || sl.freelist > sl.objects)
		bad(c, "%s: slab pfn 0x%lx counts %u in use (freelist at %u) of %u objects",
		    s->name, pfn, sl.inuse, sl.freelist, sl.objects);
	if (c->where[pfn] == ON_NO_LIST && (sl.frozen || sl.inuse != sl.objects || sl.freelist))
		bad(c, "%s: slab pfn 0x%lx is on no list but not full (%u of %u in use%s)",
		    s->name, pfn, sl.inuse, sl.objects, sl.frozen ? ", frozen" : "");
	c->slabs[(s->id - 1) * (size_t)c->m->nr_nodes + (size_t)nid]++;
	c->objects[(s->id - 1) * (size_t)c->m->nr_nodes + (size_t)nid] += sl.objects;
	c->pages[2 * nid + !!(s->flags & SLAB_RECLAIM_ACCOUNT)] += 1UL << order;
}

/* Every frame with PG_slab, in pfn order. */
static void check_frames(struct slab_checker *c)
{
	const struct machine *m = c->m;

	for (unsigned long pfn = 0; pfn < m->max_pfn; pfn++) {
		const struct page *p = page_at(m, pfn);
		const struct kmem_cache *s;

		if (!PageFlag(p, PG_slab))
			continue;
		s = kmem_cache_by_id(m, p->mapping);
		if (!s)
			bad(c, "pfn 0x%lx has PG_slab but names no cache (mapping %u)", pfn,
			    p->mapping);
		else if (!PageFlag(p, PG_head))
			check_tail(c, pfn, p);
		else
			check_slab_frame(c, s, pfn);
	}
}

static void check_large(struct slab_checker *c)
{
	const struct slab_allocator *sa = c->m->slab;

	for (size_t i = 0; i < sa->nr_large; i++) {
		const struct kmalloc_large_block *b = &sa->large[i];
		const struct page *p = pfn_valid(c->m, b->pfn) ? page_at(c->m, b->pfn) : NULL;

		if (i && b->pfn <= sa->large[i - 1].pfn)
			bad(c, "kmalloc_large blocks are out of order at pfn 0x%x", b->pfn);
		if (!p || !PageFlag(p, PG_head) || p->_refcount <= 0 || p->private != b->order ||
		    PageFlag(p, PG_slab)) {
			bad(c, "kmalloc_large block pfn 0x%x order %u is not an allocated block of "
			    "that order", b->pfn, b->order);
			continue;
		}
		c->pages[2 * slab_nid(c->m, b->pfn)] += 1UL << b->order;
	}
}

static void check_counts(struct slab_checker *c)
{
	const struct machine *m = c->m;

	for (const struct kmem_cache *s = m->slab->slab_caches; s; s = s->next)
		for (int nid = 0; nid < m->nr_nodes; nid++) {
			size_t i = (s->id - 1) * (size_t)m->nr_nodes + (size_t)nid;

			if (c->slabs[i] != s->node[nid].nr_slabs ||
			    c->objects[i] != s->node[nid].total_objects)
				bad(c, "%s: node %d counts %lu slabs and %lu objects, but memory holds "
				    "%lu slabs and %lu objects", s->name, nid, s->node[nid].nr_slabs,
				    s->node[nid].total_objects, c->slabs[i], c->objects[i]);
		}
	for (int i = 0; i < 2 * m->nr_nodes; i++)
		if (c->pages[i] != m->slab->node_pages[i])
			bad(c, "node %d: NR_SLAB_%s is %lu pages but the slabs hold %lu", i / 2,
			    i % 2 ? "RECLAIMABLE" : "UNRECLAIMABLE", m->slab->node_pages[i],
			    c->pages[i]);
}

void slab_check(const struct machine *m, slab_report_fn report, void *ctx)
{
	struct slab_checker c = { .m = m, .report = report, .ctx = ctx };
	size_t ncount;

	if (!m->slab)
		return;
	ncount = (size_t)m->slab->nr_ids * (size_t)m->nr_nodes + 1;
	c.where = calloc(m->max_pfn, 1);
	c.seen = calloc(MAX_OBJS_PER_PAGE + 1, 1);
	c.slabs = calloc(ncount, sizeof(*c.slabs));
	c.objects = calloc(ncount, sizeof(*c.objects));
	c.pages = calloc(2 * (size_t)m->nr_nodes, sizeof(*c.pages));
	if (c.where && c.seen && c.slabs && c.objects && c.pages) {
		for (const struct kmem_cache *s = m->slab->slab_caches; s; s = s->next) {
			for (int nid = 0; nid < m->nr_nodes; nid++)
				check_partial(&c, s, nid);
			for (int cpu = 0; cpu < m->nr_cpus; cpu++)
				check_cpu(&c, s, cpu);
		}
		check_frames(&c);
		check_large(&c);
		check_counts(&c);
	} else {
		report(ctx, "out of host memory for the slab check");
	}
	free(c.where);
	free(c.seen);
	free(c.slabs);
	free(c.objects);
	free(c.pages);
}
