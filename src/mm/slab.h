/*
 * slab.h - the slab allocator (SLUB) and kmalloc.
 *
 * A kmem_cache hands out objects of one size, carved from slabs: blocks of
 * 2^order frames taken from the buddy allocator.  Each CPU allocates from
 * its own slab (the CPU slab) through a freelist; each node keeps a list of
 * partial slabs; full slabs are on no list at all, as in SLUB.  kmalloc()
 * picks one of the kmalloc-8 .. kmalloc-8k caches by size and sends
 * anything larger straight to the page allocator.  slab.c explains the
 * algorithm; this header is what the rest of the model uses:
 *
 *   struct slab_allocator *sa = m->slab;
 *   unsigned long addr = kmem_cache_alloc(m, sa->task_struct_cachep);
 *   if (IS_ERR_VALUE(addr))
 *           return (int)addr;             -ENOMEM, m->err says why
 *   ...
 *   kmem_cache_free(m, sa->task_struct_cachep, addr);
 *
 * Addresses are kernel virtual addresses in the direct map.  On x86_64 they
 * have the top bit set, so an address is returned as unsigned long and an
 * error as -errno in the same word, told apart by IS_ERR_VALUE() as the
 * kernel's ERR_PTR() convention does.
 */
#ifndef VMLAB_MM_SLAB_H
#define VMLAB_MM_SLAB_H

#include <stdbool.h>
#include <stdint.h>
#include "gfp.h"
#include "page.h"

struct machine;

/* include/linux/slab.h, SLUB on x86 with 4 KiB pages. */
#define KMALLOC_SHIFT_LOW	3
#define KMALLOC_SHIFT_HIGH	13		/* PAGE_SHIFT + 1 */
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_MAX_SIZE	(1UL << 22)	/* 2^(MAX_ORDER + PAGE_SHIFT): 4 MiB */
#define ZERO_SIZE_PTR		16UL		/* what kmalloc(0) returns */
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= ZERO_SIZE_PTR)
#define MAX_OBJS_PER_PAGE	32767
#define KMEM_CACHE_NAME_LEN	32

/* kmem_cache_create() flags the model understands (Linux 6.1 values). */
#define SLAB_HWCACHE_ALIGN	0x00002000u	/* align objects on a cache line */
#define SLAB_RECLAIM_ACCOUNT	0x00020000u	/* reclaimable: counts as SReclaimable */
#define SLAB_TYPESAFE_BY_RCU	0x00080000u	/* free pointer kept outside the object */
#define SLAB_ACCOUNT		0x04000000u	/* charged to the memory cgroup */

/* include/linux/poison.h */
#define POISON_INUSE	0x5a	/* an allocated object, not yet written */
#define POISON_FREE	0x6b	/* a freed object ... */
#define POISON_END	0xa5	/* ... whose last byte is this */

#define MAX_ERRNO	4095
#ifndef IS_ERR_VALUE
#define IS_ERR_VALUE(x)	((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)
#endif

/* Per CPU: the slab it allocates from and that slab's lockless freelist. */
struct kmem_cache_cpu {
	unsigned long freelist;		/* address of the first free object, 0 = none */
	uint32_t slab;			/* pfn of the CPU slab, PFN_NONE = none */
};

/* Per node: partial slabs, and counts of every slab for /proc/slabinfo. */
struct kmem_cache_node {
	struct pfn_list partial;	/* head frames; partial.count is nr_partial */
	unsigned long nr_slabs;		/* CPU, partial and full slabs of this node */
	unsigned long total_objects;
};

struct kmem_cache {
	char name[KMEM_CACHE_NAME_LEN];
	uint32_t id;			/* page->mapping of its slab frames */
	unsigned object_size;		/* what the creator asked for */
	unsigned size;			/* object + free pointer + padding: the stride */
	unsigned align;
	unsigned offset;		/* of the free pointer within a free object */
	unsigned order, objects;	/* s->oo: the slab order calculate_order() chose */
	unsigned min_order, min_objects;	/* s->min: the fallback when that fails */
	unsigned long min_partial;	/* empty slabs kept on a node's partial list */
	unsigned flags;			/* SLAB_* */
	gfp_t allocflags;		/* added to every slab allocation (__GFP_COMP) */
	int refcount;			/* -1: a boot cache, never destroyed */
	bool internal;			/* holds the model's own structures (fork, exec) */
	struct kmem_cache_cpu *cpu_slab;	/* [nr_cpus] */
	struct kmem_cache_node *node;		/* [nr_nodes] */
	struct kmem_cache *next;	/* slab_caches: newest first */
};

/* A block kmalloc_large() took from the page allocator. */
struct kmalloc_large_block {
	uint32_t pfn;
	unsigned order;
	unsigned long size;		/* bytes asked for */
};

/*
 * Everything the slab allocator keeps for one machine (m->slab): the cache
 * list, the kmalloc caches by index (kmalloc_caches[KMALLOC_NORMAL][]),
 * the kmalloc_large blocks, and the caches boot creates for the kernel's
 * own structures.  Use the named caches with kmem_cache_alloc/free:
 *
 *   task_struct_cachep     "task_struct"      copy_process / free_task
 *   cred_jar               "cred_jar"         prepare_creds
 *   files_cachep           "files_cache"      dup_fd
 *   fs_cachep              "fs_cache"         copy_fs
 *   sighand_cachep         "sighand_cache"    copy_sighand
 *   signal_cachep          "signal_cache"     copy_signal
 *   mm_cachep              "mm_struct"        mm_alloc / dup_mm
 *   vm_area_cachep         "vm_area_struct"   vm_area_alloc / vm_area_dup
 *   anon_vma_cachep        "anon_vma"         anon_vma_prepare / anon_vma_fork
 *   anon_vma_chain_cachep  "anon_vma_chain"   anon_vma_chain_link
 *   pid_cachep             "pid"              alloc_pid
 */
struct slab_allocator {
	struct kmem_cache *slab_caches;		/* newest first, as /proc/slabinfo lists them */
	struct kmem_cache **by_id;		/* [nr_ids]: id - 1 -> cache, NULL if destroyed */
	uint32_t nr_ids;
	struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];
	struct kmalloc_large_block *large;	/* sorted by pfn */
	size_t nr_large, cap_large;
	unsigned long *node_pages;		/* [nid * 2 + reclaimable]: slab pages per node */

	struct kmem_cache *task_struct_cachep, *cred_jar, *files_cachep, *fs_cachep;
	struct kmem_cache *sighand_cachep, *signal_cachep, *mm_cachep, *vm_area_cachep;
	struct kmem_cache *anon_vma_cachep, *anon_vma_chain_cachep, *pid_cachep;
};

/*
 * A slab's counters, kept in its head frame's page->index (the kernel's
 * struct slab overlays struct page the same way); page->private keeps the
 * block order for the page allocator.  freelist is the index of the first
 * object on the slab's own freelist plus one (0: empty).
 *
 *   bits 0-15 objects | 16-31 inuse | 32-47 freelist | 48 frozen (a CPU slab)
 */
struct slab {
	unsigned objects, inuse, freelist;
	bool frozen;
};

static inline struct slab slab_get(const struct page *head)
{
	struct slab s = {
		.objects = (unsigned)(head->index & 0xffff),
		.inuse = (unsigned)((head->index >> 16) & 0xffff),
		.freelist = (unsigned)((head->index >> 32) & 0xffff),
		.frozen = (head->index >> 48) & 1,
	};
	return s;
}

static inline void slab_set(struct page *head, const struct slab *s)
{
	head->index = (uint64_t)s->objects | (uint64_t)s->inuse << 16 |
		      (uint64_t)s->freelist << 32 | (uint64_t)s->frozen << 48;
}

/*
 * What the model's slab events carry besides the cache (event.h):
 *   slab_alloc_slowpath val2: where the CPU's next freelist comes from
 *   slab_deactivate     val3: where the former CPU slab goes
 *   slab_free_object    val2: which freelist the object joins
 *   slab_free_empty     val:  why the empty slab is freed
 */
enum { SLOWPATH_OWN_SLAB, SLOWPATH_PARTIAL, SLOWPATH_NEW_SLAB };
enum { SLAB_DEACT_FULL, SLAB_DEACT_PARTIAL_HEAD, SLAB_DEACT_PARTIAL_TAIL, SLAB_DEACT_FREE };
enum { FREE_TO_CPU, FREE_TO_SLAB };
enum { EMPTY_ON_FREE, EMPTY_ON_SHRINK, EMPTY_ON_DEACTIVATE };

/* Boot (mm_init -> kmem_cache_init): the caches, but not a single frame. */
int kmem_cache_init(struct machine *m);
/* Teardown with the machine: host memory only. */
void kmem_cache_release_all(struct machine *m);

/*
 * Creates a cache of objects of `size` bytes (1 .. KMALLOC_MAX_SIZE), aligned
 * to `align` (0 or a power of two up to PAGE_SIZE) and to what flags ask.
 * Returns the cache, or NULL with the reason in m->err (bad size, alignment
 * or flags, a name in use).  No frame is allocated until the first object.
 */
struct kmem_cache *kmem_cache_create(struct machine *m, const char *name, unsigned size,
				     unsigned align, unsigned flags);
/*
 * Frees every slab and the cache.  Fails with -EBUSY, changing nothing,
 * while objects are allocated (the kernel's "Slab cache still has
 * objects" warning), and with -EPERM for a boot cache.
 */
int kmem_cache_destroy(struct machine *m, struct kmem_cache *s, const char *caller);
/*
 * Flushes the CPU slabs to the partial lists and frees every empty slab;
 * sorts the partial lists fullest first.  Returns the number of slabs freed.
 */
unsigned long kmem_cache_shrink(struct machine *m, struct kmem_cache *s);
struct kmem_cache *kmem_cache_find(const struct machine *m, const char *name);

/*
 * Allocates one object.  Returns its address, or -errno (IS_ERR_VALUE):
 * -ENOMEM when no slab can be had from the page allocator, -EINVAL for a
 * gfp mask slabs cannot use (__GFP_HIGHMEM, __GFP_DMA32); nothing changed
 * then.  The object reads 5a5a5a5a (POISON_INUSE), or zeros with
 * __GFP_ZERO.  caller names the call site for the kmem_cache_alloc
 * tracepoint.
 */
unsigned long __kmem_cache_alloc(struct machine *m, struct kmem_cache *s, gfp_t gfp,
				 const char *caller);
/*
 * Frees an object of s.  Returns 0, or -EINVAL (changing nothing) when addr
 * is not an allocated object of s: the kernel's "Wrong slab cache" when it
 * belongs to another cache, a double free, a pointer into an object.
 */
int __kmem_cache_free(struct machine *m, struct kmem_cache *s, unsigned long addr,
		      const char *caller);
/*
 * kmalloc: 0 bytes give ZERO_SIZE_PTR; up to 8 KiB an object of the
 * smallest kmalloc cache that fits; up to KMALLOC_MAX_SIZE a block of
 * the page allocator.  Returns the address or -errno as __kmem_cache_alloc.
 */
unsigned long __kmalloc(struct machine *m, unsigned long size, gfp_t gfp, const char *caller);
/*
 * kfree: NULL and ZERO_SIZE_PTR are ignored; a slab object goes back to the
 * cache its page names, a kmalloc_large block to the page allocator.
 * Returns 0, or -EINVAL changing nothing: an address kmalloc never gave, a
 * double free, a pointer into the middle of an object.
 */
int __kfree(struct machine *m, unsigned long addr, const char *caller);

#define kmem_cache_alloc(m, s)		__kmem_cache_alloc((m), (s), GFP_KERNEL, __func__)
#define kmem_cache_zalloc(m, s)		__kmem_cache_alloc((m), (s), GFP_KERNEL | __GFP_ZERO, __func__)
#define kmem_cache_free(m, s, addr)	__kmem_cache_free((m), (s), (addr), __func__)
#define kmalloc(m, size, gfp)		__kmalloc((m), (size), (gfp), __func__)
#define kzalloc(m, size, gfp)		__kmalloc((m), (size), (gfp) | __GFP_ZERO, __func__)
#define kfree(m, addr)			__kfree((m), (addr), __func__)

/* Objects of s allocated and not freed (CPU freelists counted as free). */
unsigned long kmem_cache_inuse(const struct machine *m, const struct kmem_cache *s);
/* Whether addr is the start of an object of s that is allocated now. */
bool kmem_cache_object_allocated(const struct machine *m, const struct kmem_cache *s,
				 unsigned long addr);

/* The kmalloc cache for size (1 .. KMALLOC_MAX_CACHE_SIZE), as kmalloc_slab(). */
struct kmem_cache *kmalloc_slab(const struct machine *m, unsigned long size);
/* get_order(): the smallest order whose block holds size bytes. */
unsigned get_order(unsigned long size);

/* ---- for views, narration and the checker ------------------------------ */

/* The cache whose slab holds addr, or NULL (not a slab address). */
struct kmem_cache *virt_to_cache(const struct machine *m, unsigned long addr);
/* The cache whose id is in page->mapping, or NULL. */
struct kmem_cache *kmem_cache_by_id(const struct machine *m, uint32_t id);
/* The head frame of the slab frame pfn belongs to. */
unsigned long slab_head_pfn(const struct machine *m, unsigned long pfn);
/* The kmalloc_large block starting at pfn, or NULL. */
const struct kmalloc_large_block *kmalloc_large_find(const struct machine *m,
						     unsigned long pfn);

/* What /proc/slabinfo shows of a cache (mm/slub.c get_slabinfo). */
struct slabinfo {
	unsigned long active_objs, num_objs, active_slabs, num_slabs;
	unsigned objects_per_slab, cache_order;
};
void get_slabinfo(const struct machine *m, const struct kmem_cache *s, struct slabinfo *info);

/*
 * Where each object of a slab is: map[i] for object i (map has room for
 * the slab's objects).  Walks the slab's freelist and, for a CPU slab, that
 * CPU's freelist.  Returns the number of free objects.
 */
enum slab_obj_state { OBJ_INUSE, OBJ_FREE_CPU, OBJ_FREE_SLAB };
unsigned slab_object_map(const struct machine *m, const struct kmem_cache *s,
			 unsigned long head, unsigned char *map);
/* The CPU whose slab this is, or -1. */
int slab_cpu(const struct machine *m, const struct kmem_cache *s, unsigned long head);
/* Objects on cpu's freelist of s. */
unsigned cpu_freelist_count(const struct machine *m, const struct kmem_cache *s, int cpu);
/* The free pointer stored in a free object (read from the slab's bytes). */
unsigned long slab_read_freepointer(const struct machine *m, const struct kmem_cache *s,
				    unsigned long addr);
/* Copies len bytes of slab memory at addr (a direct-map address) into buf. */
void slab_read_bytes(const struct machine *m, unsigned long addr, unsigned char *buf,
		     unsigned long len);

/* Slab pages of node nid, reclaimable or not: NR_SLAB_(UN)RECLAIMABLE_B in pages. */
unsigned long slab_node_pages(const struct machine *m, int nid, bool reclaimable);

/* The checker's rule: calls report once per violation found. */
typedef void (*slab_report_fn)(void *ctx, const char *violation);
void slab_check(const struct machine *m, slab_report_fn report, void *ctx);

#endif
