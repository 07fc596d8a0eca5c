/*
 * slabinfo.h - the slab allocator as text: /proc/slabinfo, and `slab NAME`,
 * one cache's slabs, frames and objects.
 */
#ifndef VMLAB_REPORT_SLABINFO_H
#define VMLAB_REPORT_SLABINFO_H

#include <stdio.h>

struct machine;
struct kmem_cache;

/* /proc/slabinfo, version 2.1, as SLUB writes it. */
void proc_slabinfo(const struct machine *m, FILE *f);

/*
 * One cache: its geometry, its CPU slabs, partial and full slabs, each
 * with a map of its objects (allocated, free on a CPU freelist, free on
 * the slab's freelist).
 */
void show_slab(const struct machine *m, const struct kmem_cache *s, FILE *f);

/*
 * One object of s at addr (any address inside a slab of s): its slab, its
 * state and its bytes, dumped as the kernel's print_section() does.
 */
void show_slab_object(const struct machine *m, const struct kmem_cache *s, unsigned long addr,
		      FILE *f);

#endif
