/*
 * slab.c - the slab allocator: cache geometry, kmalloc size classes, the
 * CPU / partial / full life of slabs, poison, error paths, kmalloc_large,
 * shrink and destroy, events, and the checker's slab rule.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tap.h"
#include "boot.h"
#include "mm/check.h"
#include "mm/machine.h"
#include "mm/page_alloc.h"
#include "mm/slab.h"

static unsigned long violations;

static void report(void *ctx, const char *msg)
{
	(void)ctx;
	violations++;
	diag("violation: %s", msg);
}

static unsigned long check(struct machine *m)
{
	violations = 0;
	return check_machine(m, report, NULL, 0);
}

static struct kmem_cache *cache(struct machine *m, const char *name)
{
	struct kmem_cache *s = kmem_cache_find(m, name);

	if (!s) {
		diag("no cache %s", name);
		exit(1);
	}
	return s;
}

static unsigned long nr_slabs(const struct machine *m, const struct kmem_cache *s)
{
	unsigned long n = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++)
		n += s->node[nid].nr_slabs;
	return n;
}

static unsigned char byte_at(const struct machine *m, unsigned long addr)
{
	unsigned char b;

	slab_read_bytes(m, addr, &b, 1);
	return b;
}

/* A fingerprint of the page allocator: nr_free per order and pcp counts. */
static void buddy_state(const struct machine *m, unsigned long *out)
{
	size_t i = 0;

	for (int nid = 0; nid < m->nr_nodes; nid++)
		for (int t = 0; t < MAX_NR_ZONES; t++) {
			const struct zone *z = &m->node_data[nid].node_zones[t];

			for (int o = 0; o < NR_PAGE_ORDERS; o++)
				out[i++] = z->free_area[o].nr_free;
			out[i++] = (unsigned long)z->pcp[0].count;
		}
}

#define BUDDY_STATE_LEN (MAX_NUMNODES * MAX_NR_ZONES * (NR_PAGE_ORDERS + 1))

static void test_geometry(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct machine *m4 = boot("i386", 1024, 1, 4);
	struct machine *x = boot("x86_64", 1024, 1, 1);
	static const struct { const char *name; unsigned size, objects, order; } want[] = {
		{ "kmalloc-8", 8, 512, 0 }, { "kmalloc-64", 64, 64, 0 },
		{ "kmalloc-96", 96, 42, 0 }, { "kmalloc-192", 192, 21, 0 },
		{ "kmalloc-512", 512, 8, 0 }, { "kmalloc-1k", 1024, 8, 1 },
		{ "kmalloc-4k", 4096, 8, 3 }, { "kmalloc-8k", 8192, 4, 3 },
	};

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct kmem_cache *s = cache(m, want[i].name);

		ok(s->size == want[i].size && s->objects == want[i].objects &&
		   s->order == want[i].order, "%s: size %u, %u objects, order %u", want[i].name,
		   s->size, s->objects, s->order);
	}
	/* min_objects 4 * (fls(4) + 1) = 16 on four CPUs: kmalloc-512 goes to order 1. */
	check_int(cache(m4, "kmalloc-512")->order, ==, 1);
	check_int(cache(m4, "kmalloc-512")->objects, ==, 16);
	/* The free pointer in the middle of the object, word aligned. */
	check_int(cache(m, "kmalloc-8")->offset, ==, 4);
	check_int(cache(x, "kmalloc-8")->offset, ==, 0);
	check_int(cache(m, "kmalloc-96")->offset, ==, 48);
	check_int(cache(m, "kmalloc-64")->min_partial, ==, 5);
	check_int(cache(m, "kmalloc-8k")->min_partial, ==, 6);
	/* A constructor moves the free pointer after the object: 2072 + 8 -> 2112. */
	check_int(cache(x, "sighand_cache")->size, ==, 2112);
	check_int(cache(x, "sighand_cache")->offset, ==, 2072);
	check_int(cache(x, "sighand_cache")->objects, ==, 15);
	check_int(cache(x, "task_struct")->objects, ==, 4);
	check_int(cache(x, "task_struct")->order, ==, 3);
	check_int(cache(x, "anon_vma")->size, ==, 88);
	check_int(cache(x, "pid")->size, ==, 128);
	/* Newest first: the process caches above kmalloc-8k above kmalloc-8 at the end. */
	check_str(m->slab->slab_caches->name, "vm_area_struct");
	{
		const struct kmem_cache *s = m->slab->slab_caches;

		while (s->next)
			s = s->next;
		check_str(s->name, "kmalloc-8");
	}
	check_int(m->slab->vm_area_cachep == cache(m, "vm_area_struct"), ==, 1);
	check_int(m->slab->task_struct_cachep->internal, ==, 1);
	machine_destroy(m);
	machine_destroy(m4);
	machine_destroy(x);
}

static void test_kmalloc_index(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	static const struct { unsigned long size; const char *name; } want[] = {
		{ 1, "kmalloc-8" }, { 8, "kmalloc-8" }, { 9, "kmalloc-16" }, { 24, "kmalloc-32" },
		{ 33, "kmalloc-64" }, { 64, "kmalloc-64" }, { 65, "kmalloc-96" },
		{ 96, "kmalloc-96" }, { 97, "kmalloc-128" }, { 100, "kmalloc-128" },
		{ 129, "kmalloc-192" }, { 192, "kmalloc-192" }, { 193, "kmalloc-256" },
		{ 257, "kmalloc-512" }, { 1025, "kmalloc-2k" }, { 4097, "kmalloc-8k" },
		{ 8192, "kmalloc-8k" },
	};

	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const struct kmem_cache *s = kmalloc_slab(m, want[i].size);

		ok(s && strcmp(s->name, want[i].name) == 0, "kmalloc_slab(%lu) is %s", want[i].size,
		   s ? s->name : "NULL");
	}
	ok(!kmalloc_slab(m, 8193), "8193 bytes have no kmalloc cache");
	check_int(kmalloc(m, 0, GFP_KERNEL), ==, ZERO_SIZE_PTR);
	machine_destroy(m);
}

static void test_boot_is_lazy(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	unsigned long slab_frames = 0;

	for (unsigned long pfn = 0; pfn < m->max_pfn; pfn++)
		slab_frames += PageFlag(&m->mem_map[pfn], PG_slab);
	check_int(slab_frames, ==, 0);
	check_int(slab_node_pages(m, 0, false) + slab_node_pages(m, 0, true), ==, 0);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

/* 1000 kmallocs of 64 bytes; frees them all; shrink. */
static void kmalloc_round(struct machine *m, unsigned long *addr, int n)
{
	for (int i = 0; i < n; i++)
		addr[i] = kmalloc(m, 64, GFP_KERNEL);
	for (int i = 0; i < n; i++)
		kfree(m, addr[i]);
	kmem_cache_shrink(m, cache(m, "kmalloc-64"));
}

static void test_thousand_kmallocs(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct kmem_cache *s = cache(m, "kmalloc-64");
	static unsigned long addr[1000], before[BUDDY_STATE_LEN], after[BUDDY_STATE_LEN];
	struct slabinfo si;
	bool distinct = true, aligned = true, slab = true;

	for (int i = 0; i < 1000; i++) {
		addr[i] = kmalloc(m, 64, GFP_KERNEL);
		aligned &= addr[i] % 64 == 0 && !IS_ERR_VALUE(addr[i]);
		slab &= virt_to_cache(m, addr[i]) == s;
		if (i)
			distinct &= addr[i] != addr[i - 1];
	}
	ok(aligned && slab && distinct, "1000 distinct, aligned kmalloc-64 objects");
	check_int(nr_slabs(m, s), ==, (1000 + s->objects - 1) / s->objects);
	get_slabinfo(m, s, &si);
	check_int(si.num_objs, ==, 16 * 64);
	check_int(si.active_objs, ==, 16 * 64);	/* CPU-slab free objects count as active */
	check_int(slab_node_pages(m, 0, false), ==, 16);
	check_int(check(m), ==, 0);
	{
		int failed = 0;

		for (int i = 0; i < 1000; i++)
			failed += kfree(m, addr[i]) != 0;
		check_int(failed, ==, 0);
	}
	/* Empty slabs stay while the node keeps fewer than min_partial partial slabs. */
	check_int(nr_slabs(m, s), ==, 5);
	check_int(s->node[0].partial.count, ==, 4);
	check_int(kmem_cache_shrink(m, s), ==, 5);
	check_int(nr_slabs(m, s), ==, 0);
	check_int(slab_node_pages(m, 0, false), ==, 0);
	check_int(check(m), ==, 0);
	/* A second round ends exactly where it began (the pcp lists included). */
	buddy_state(m, before);
	kmalloc_round(m, addr, 1000);
	buddy_state(m, after);
	ok(memcmp(before, after, sizeof(before)) == 0, "the page allocator is back where it was");
	machine_destroy(m);
}

static void test_order3_slabs_return(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	static unsigned long before[BUDDY_STATE_LEN], after[BUDDY_STATE_LEN];
	unsigned long addr[20];

	buddy_state(m, before);
	for (int i = 0; i < 20; i++)
		addr[i] = kmalloc(m, 4096, GFP_KERNEL);
	check_int(nr_slabs(m, cache(m, "kmalloc-4k")), ==, 3);
	check_int(m->mem_map[virt_to_pfn(m, addr[0])].private, ==, 3);
	for (int i = 0; i < 20; i++)
		kfree(m, addr[i]);
	kmem_cache_shrink(m, cache(m, "kmalloc-4k"));
	buddy_state(m, after);
	ok(memcmp(before, after, sizeof(before)) == 0, "order-3 slabs merge back: buddyinfo as at boot");
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

static void test_poison(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct kmem_cache *s = cache(m, "kmalloc-128");
	unsigned long a = kmalloc(m, 100, GFP_KERNEL), b = kmalloc(m, 100, GFP_KERNEL);
	unsigned long z = kzalloc(m, 100, GFP_KERNEL);
	bool all5a = true, all0 = true, all6b = true;

	for (unsigned i = 0; i < s->object_size; i++) {
		all5a &= byte_at(m, a + i) == POISON_INUSE;
		all0 &= byte_at(m, z + i) == 0;
	}
	ok(all5a, "a new object reads 5a");
	ok(all0, "a __GFP_ZERO object reads 0");
	kfree(m, a);
	for (unsigned i = 0; i < s->object_size - 1; i++)
		if (i < s->offset || i >= s->offset + 4)
			all6b &= byte_at(m, a + i) == POISON_FREE;
	ok(all6b, "a freed object reads 6b around its free pointer");
	check_int(byte_at(m, a + s->object_size - 1), ==, POISON_END);
	/* CPU freelist: a -> (the next never-used object, after z). */
	check_int(slab_read_freepointer(m, s, a), ==, z + s->size);
	check_int(s->cpu_slab[0].freelist, ==, a);
	/* The leftover of a slab reads 5a: kmalloc-96 leaves 64 bytes. */
	{
		unsigned long o = kmalloc(m, 96, GFP_KERNEL);

		check_int(byte_at(m, (o & PAGE_MASK) + 42 * 96), ==, POISON_INUSE);
	}
	(void)b;
	machine_destroy(m);
}

static void test_poison_x86_64(void)
{
	struct machine *m = boot("x86_64", 1024, 1, 1);
	struct kmem_cache *s = cache(m, "kmalloc-64");
	unsigned long a = kmalloc(m, 64, GFP_KERNEL), b = kmalloc(m, 64, GFP_KERNEL);

	ok(a >= m->arch->page_offset && b == a + 64, "x86_64 objects are in the direct map");
	kfree(m, b);
	kfree(m, a);
	/* 8-byte free pointers at offset 32: a -> b -> the third object. */
	check_int(slab_read_freepointer(m, s, a), ==, b);
	check_int(slab_read_freepointer(m, s, b), ==, b + 64);
	check_int(byte_at(m, a + 31), ==, POISON_FREE);
	check_int(byte_at(m, a + 40), ==, POISON_FREE);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

/* Everything a failed free must leave alone. */
struct snapshot {
	struct slabinfo si;
	unsigned long cpu_freelist;
	unsigned long pages;
};

static void snap(const struct machine *m, const struct kmem_cache *s, struct snapshot *out)
{
	get_slabinfo(m, s, &out->si);
	out->cpu_freelist = s->cpu_slab[0].freelist;
	out->pages = slab_node_pages(m, 0, false);
}

static bool same_snap(const struct snapshot *a, const struct snapshot *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

static void test_errors(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct kmem_cache *s = cache(m, "kmalloc-128"), *foo;
	unsigned long a = kmalloc(m, 100, GFP_KERNEL), b = kmalloc(m, 100, GFP_KERNEL);
	struct snapshot s0, s1;

	kfree(m, a);
	snap(m, s, &s0);
	check_int(kfree(m, a), ==, -EINVAL);
	ok(strstr(m->err, "double free") != NULL, "double free: %s", m->err);
	check_int(kfree(m, b + 8), ==, -EINVAL);
	ok(strstr(m->err, "middle of object 1") != NULL, "middle: %s", m->err);
	check_int(kfree(m, b + PAGE_SIZE), ==, -EINVAL);
	ok(strstr(m->err, "not allocated by kmalloc") != NULL, "never allocated: %s", m->err);
	check_int(kfree(m, 0x1000), ==, -EINVAL);
	ok(strstr(m->err, "not a direct-map address") != NULL, "not direct-mapped: %s", m->err);
	foo = kmem_cache_create(m, "foo", 128, 0, 0);
	check_int(kmem_cache_free(m, foo, b), ==, -EINVAL);
	check_str(m->err, "cache_from_obj: Wrong slab cache. foo but object is from kmalloc-128");
	snap(m, s, &s1);
	ok(same_snap(&s0, &s1), "failed frees changed nothing");
	check_int(check(m), ==, 0);
	check_int(kfree(m, 0), ==, 0);
	check_int(kfree(m, ZERO_SIZE_PTR), ==, 0);
	/* gfp masks slabs cannot use. */
	check_int((long)kmalloc(m, 100, GFP_HIGHUSER), ==, -EINVAL);
	check_int((long)kmalloc(m, 100, GFP_DMA), ==, -EINVAL);
	check_int((long)kmalloc(m, KMALLOC_MAX_SIZE + 1, GFP_KERNEL), ==, -EINVAL);
	/* kmem_cache_create's refusals. */
	ok(!kmem_cache_create(m, "foo", 10, 0, 0), "duplicate name: %s", m->err);
	ok(!kmem_cache_create(m, "bar", 0, 0, 0), "size 0: %s", m->err);
	ok(!kmem_cache_create(m, "bar", 10, 24, 0), "align 24: %s", m->err);
	ok(!kmem_cache_create(m, "bar", 10, 0, 0x1), "unknown flag: %s", m->err);
	ok(!kmem_cache_create(m, "", 10, 0, 0), "empty name: %s", m->err);
	/* destroy: busy, boot caches. */
	{
		unsigned long o = kmem_cache_alloc(m, foo);

		check_int(kmem_cache_destroy(m, foo, "test"), ==, -EBUSY);
		check_str(m->err, "kmem_cache_destroy foo: Slab cache still has objects when called "
			  "from test (1 in use; the cache is kept)");
		check_int(nr_slabs(m, foo), ==, 1);
		kmem_cache_free(m, foo, o);
		check_int(kmem_cache_destroy(m, foo, "test"), ==, 0);
		ok(!kmem_cache_find(m, "foo"), "foo is gone");
	}
	check_int(kmem_cache_destroy(m, s, "test"), ==, -EPERM);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

/* Full slabs leave every list; a free makes them partial; min_partial frees empties. */
static void test_partial_lists(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct kmem_cache *s = kmem_cache_create(m, "big", 1024, 0, 0);	/* 8 per order-1 slab */
	unsigned long o[8 * 8];
	unsigned long first;

	check_int(s->objects, ==, 8);
	for (int i = 0; i < 64; i++)
		o[i] = kmem_cache_alloc(m, s);
	check_int(nr_slabs(m, s), ==, 8);
	check_int(s->node[0].partial.count, ==, 0);	/* 7 full slabs on no list, 1 CPU slab */
	first = (unsigned long)virt_to_pfn(m, o[0]);
	kmem_cache_free(m, s, o[0]);			/* full -> partial */
	check_int(s->node[0].partial.count, ==, 1);
	check_int(s->node[0].partial.first, ==, first);
	check_int(slab_get(&m->mem_map[first]).inuse, ==, 7);
	/*
	 * Empty six slabs: an empty slab is freed once the node keeps
	 * min_partial (5) partial slabs, itself included, so four stay.
	 */
	for (int i = 1; i < 48; i++)
		kmem_cache_free(m, s, o[i]);
	check_int(s->node[0].partial.count, ==, 4);
	check_int(nr_slabs(m, s), ==, 6);
	check_int(check(m), ==, 0);
	/* The next allocations refill the CPU: its own slab is full, so a partial slab. */
	for (int i = 56; i < 64; i++)
		kmem_cache_free(m, s, o[i]);		/* the CPU slab's objects: fast path */
	check_int(cpu_freelist_count(m, s, 0), ==, 8);
	machine_destroy(m);
}

static void test_shrink_sorts(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct kmem_cache *s = kmem_cache_create(m, "big", 1024, 0, 0);
	unsigned long o[32];
	uint32_t p;
	unsigned prev = 0;
	bool sorted = true;

	for (int i = 0; i < 32; i++)
		o[i] = kmem_cache_alloc(m, s);
	/* Slab 0 keeps 1 object, slab 1 keeps 5, slab 2 keeps 3; slab 3 is the CPU's, full. */
	for (int i = 1; i < 8; i++)
		kmem_cache_free(m, s, o[i]);
	for (int i = 13; i < 16; i++)
		kmem_cache_free(m, s, o[i]);
	for (int i = 19; i < 24; i++)
		kmem_cache_free(m, s, o[i]);
	check_int(kmem_cache_shrink(m, s), ==, 0);
	for (p = s->node[0].partial.first; p != PFN_NONE; p = m->mem_map[p].lru_next) {
		struct slab sl = slab_get(&m->mem_map[p]);

		sorted &= sl.objects - sl.inuse >= prev;
		prev = sl.objects - sl.inuse;
	}
	ok(sorted, "after shrink the partial list runs fullest first");
	check_int(s->node[0].partial.count, ==, 3);	/* the full CPU slab went on no list */
	check_int(s->cpu_slab[0].slab, ==, PFN_NONE);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

/* A free on another CPU goes on the slab's own freelist; the owner takes it back. */
static void test_remote_free(void)
{
	struct machine *m = boot("i386", 1024, 1, 2);
	struct kmem_cache *s = kmem_cache_create(m, "big", 1024, 0, 0);
	unsigned long o[16];
	uint32_t head;

	check_int(s->objects, ==, 16);			/* two CPUs: at least 12 per slab */
	for (unsigned i = 0; i < s->objects; i++)
		o[i] = kmem_cache_alloc(m, s);		/* CPU 0's slab is now full */
	head = s->cpu_slab[0].slab;
	m->cpu = 1;
	kmem_cache_free(m, s, o[3]);
	kmem_cache_free(m, s, o[5]);
	check_int(slab_get(&m->mem_map[head]).freelist, ==, 6);	/* object 5, last freed */
	check_int(slab_get(&m->mem_map[head]).frozen, ==, 1);
	check_int(s->node[0].partial.count, ==, 0);	/* a frozen slab stays the CPU's */
	check_int(check(m), ==, 0);
	m->cpu = 0;
	check_int(kmem_cache_alloc(m, s), ==, o[5]);	/* CPU 0 takes its slab's freelist */
	check_int(s->cpu_slab[0].slab, ==, head);
	check_int(cpu_freelist_count(m, s, 0), ==, 1);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

static void test_kmalloc_large(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	unsigned long a = kmalloc(m, 10000, GFP_KERNEL);
	long pfn = virt_to_pfn(m, a);
	struct slabinfo si;

	ok(!IS_ERR_VALUE(a) && !PageFlag(&m->mem_map[pfn], PG_slab), "kmalloc_large is no slab");
	check_int(m->mem_map[pfn].private, ==, 2);
	check_int(slab_node_pages(m, 0, false), ==, 4);
	get_slabinfo(m, cache(m, "kmalloc-8k"), &si);
	check_int(si.num_slabs, ==, 0);
	check_int(free_pages_checked(m, (unsigned long)pfn, 2), ==, -EBUSY);
	check_int(kfree(m, a + PAGE_SIZE), ==, -EINVAL);
	ok(strstr(m->err, "middle of the kmalloc_large block") != NULL, "%s", m->err);
	check_int(check(m), ==, 0);
	check_int(kfree(m, a), ==, 0);
	check_int(slab_node_pages(m, 0, false), ==, 0);
	check_int(kfree(m, a), ==, -EINVAL);
	check_int(check(m), ==, 0);
	/* A slab frame cannot be freed behind the cache's back. */
	a = kmalloc(m, 64, GFP_KERNEL);
	check_int(free_pages_checked(m, (unsigned long)virt_to_pfn(m, a), 0), ==, -EBUSY);
	machine_destroy(m);
}

/* No order-3 block left: kmalloc-4k falls back to s->min, one object per page. */
static void test_min_order_fallback(void)
{
	struct machine *m = boot("i386", 64, 1, 1);
	struct kmem_cache *s = cache(m, "kmalloc-4k");
	long *pfns = calloc(m->max_pfn, sizeof(*pfns));
	unsigned long n = 0, a;
	long head;

	/* Every page taken; every other one given back; the last order-3 blocks taken. */
	for (long pfn; (pfn = alloc_pages(m, GFP_KERNEL, 0)) >= 0;)
		pfns[n++] = pfn;
	for (unsigned long i = 0; i < n; i++)
		if (pfns[i] & 1)
			__free_pages(m, (unsigned long)pfns[i], 0);
	while (alloc_pages(m, GFP_KERNEL, 3) >= 0)
		;
	a = kmalloc(m, 4096, GFP_KERNEL);
	ok(!IS_ERR_VALUE(a), "kmalloc(4096) without an order-3 block: %s",
	   IS_ERR_VALUE(a) ? m->err : "ok");
	if (!IS_ERR_VALUE(a)) {
		head = virt_to_pfn(m, a);
		check_int(m->mem_map[head].private, ==, s->min_order);
		check_int(slab_get(&m->mem_map[head]).objects, ==, 1);
		check_int(check(m), ==, 0);
	}
	free(pfns);
	machine_destroy(m);
}

static void test_numa(void)
{
	struct machine *m = boot("x86_64", 1024, 2, 2);
	struct kmem_cache *s = cache(m, "kmalloc-256");
	unsigned long a, b;

	a = kmalloc(m, 200, GFP_KERNEL);
	m->cpu = 1;
	b = kmalloc(m, 200, GFP_KERNEL);
	check_int(pfn_zone(m, (unsigned long)virt_to_pfn(m, a))->zone_pgdat->node_id, ==, 0);
	check_int(pfn_zone(m, (unsigned long)virt_to_pfn(m, b))->zone_pgdat->node_id, ==, 1);
	check_int(s->node[0].nr_slabs, ==, 1);
	check_int(s->node[1].nr_slabs, ==, 1);
	check_int(slab_node_pages(m, 1, false), ==, 1);
	check_int(check(m), ==, 0);
	m->cpu = 0;
	kfree(m, b);				/* node 1's slab, CPU 1's: a remote free */
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

static void test_reclaimable(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct kmem_cache *d = kmem_cache_create(m, "dentry", 192,
						 0, SLAB_RECLAIM_ACCOUNT | SLAB_HWCACHE_ALIGN);

	kmem_cache_alloc(m, d);
	check_int(slab_node_pages(m, 0, true), ==, 1);
	check_int(slab_node_pages(m, 0, false), ==, 0);
	check_int(d->size, ==, 192);
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

/* The events a first kmalloc and its kfree emit, in order. */
static enum mm_event_type seen[64];
static int nseen;

static void record(struct machine *m, const struct mm_event *ev, void *ctx)
{
	(void)m;
	(void)ctx;
	if (ev->cache || ev->type == EV_KMALLOC || ev->type == EV_KFREE ||
	    ev->type == EV_KMALLOC_LARGE)
		if (nseen < 64)
			seen[nseen++] = ev->type;
}

static void test_events(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	static const enum mm_event_type want_alloc[] = {
		EV_KMALLOC_SLAB, EV_SLAB_ALLOC_SLOWPATH, EV_SLAB_ALLOC_NEW, EV_KMALLOC,
	};
	static const enum mm_event_type want_free[] = { EV_KFREE, EV_SLAB_FREE_OBJECT };
	unsigned long a;

	event_subscribe(&m->events, record, NULL);
	a = kmalloc(m, 100, GFP_KERNEL);
	check_int(nseen, ==, 4);
	ok(memcmp(seen, want_alloc, sizeof(want_alloc)) == 0, "kmalloc's events in order");
	nseen = 0;
	kfree(m, a);
	check_int(nseen, ==, 2);
	ok(memcmp(seen, want_free, sizeof(want_free)) == 0, "kfree's events in order");
	nseen = 0;
	check_int(kfree(m, a), ==, -EINVAL);
	check_int(nseen, ==, 0);			/* a refused free emits nothing */
	machine_destroy(m);
}

/* The rule catches a corrupted free pointer and a stray PG_slab frame. */
static void test_check_catches(void)
{
	struct machine *m = boot("i386", 1024, 1, 1);
	struct kmem_cache *s = cache(m, "kmalloc-64");
	unsigned long a = kmalloc(m, 64, GFP_KERNEL), b = kmalloc(m, 64, GFP_KERNEL);
	unsigned char *bytes;

	kfree(m, a);
	kfree(m, b);
	check_int(check(m), ==, 0);
	bytes = page_data(m, (unsigned long)virt_to_pfn(m, b));
	bytes[(b & ~PAGE_MASK) + s->offset] ^= 0x08;	/* b's free pointer now misses */
	ok(check(m) > 0, "a corrupted free pointer is a violation");
	bytes[(b & ~PAGE_MASK) + s->offset] ^= 0x08;
	check_int(check(m), ==, 0);
	SetPageFlag(&m->mem_map[0x3000], PG_slab);
	ok(check(m) > 0, "a stray PG_slab frame is a violation");
	ClearPageFlag(&m->mem_map[0x3000], PG_slab);
	s->node[0].nr_slabs++;
	ok(check(m) > 0, "a wrong slab count is a violation");
	s->node[0].nr_slabs--;
	check_int(check(m), ==, 0);
	machine_destroy(m);
}

int main(void)
{
	test_geometry();
	test_kmalloc_index();
	test_boot_is_lazy();
	test_thousand_kmallocs();
	test_order3_slabs_return();
	test_poison();
	test_poison_x86_64();
	test_errors();
	test_partial_lists();
	test_shrink_sorts();
	test_remote_free();
	test_kmalloc_large();
	test_min_order_fallback();
	test_numa();
	test_reclaimable();
	test_events();
	test_check_catches();
	return done_testing();
}
