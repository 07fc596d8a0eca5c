/*
 * vmallocinfo.c - /proc/vmallocinfo, in vmalloc_info_show()'s format:
 *
 *   "0x%pK-0x%pK %7ld"   start, end (the guard page included) and size
 *   " %pS"               the caller
 *   " pages=%d"          pages vmalloc allocated (none for vmap)
 *   " vmalloc" / " vmap" the flags (" ioremap", " user" too in Linux)
 *   " vpages"            the pages array is itself vmalloc'ed
 *   " N%u=%u"            with NUMA: the pages on each node that has some
 *
 *   0xf8800000-0xf8804000   16384 cmd_vmalloc pages=3 vmalloc
 *
 * %pK prints the full-width address without 0x (the real one: vmlab reads
 * as root).  %pS prints symbol+offset/size; the model has no code addresses
 * and prints the caller's name, as its slab tracepoints do.  CONFIG_NUMA is
 * taken to be set on x86_64 (as distributions build it) and on any machine
 * with more than one node, so N0= appears there.
 */
#include <stdlib.h>
#include "mm/machine.h"
#include "mm/vmalloc.h"
#include "report/vmallocinfo.h"

static void show_numa_info(const struct machine *m, const struct vm_struct *vm, FILE *f)
{
	unsigned *counters = calloc((size_t)m->nr_nodes, sizeof(*counters));

	if (!counters)
		return;
	for (unsigned i = 0; i < vm->nr_pages; i++)
		counters[pfn_zone(m, vm->pages[i])->zone_pgdat->node_id]++;
	for (int nid = 0; nid < m->nr_nodes; nid++)
		if (counters[nid])
			fprintf(f, " N%d=%u", nid, counters[nid]);
	free(counters);
}

void proc_vmallocinfo(const struct machine *m, FILE *f)
{
	int w = m->arch->addr_digits;
	bool numa = m->arch->is_64bit || m->nr_nodes > 1;

	for (const struct vmap_area *va = m->vmap->list; va; va = va->next) {
		const struct vm_struct *vm = va->vm;

		fprintf(f, "0x%0*lx-0x%0*lx %7ld", w, vm->addr, w, vm->addr + vm->size,
			(long)vm->size);
		if (vm->caller[0])
			fprintf(f, " %s", vm->caller);
		if (vm->nr_pages)
			fprintf(f, " pages=%u", vm->nr_pages);
		if (vm->flags & VM_IOREMAP)
			fputs(" ioremap", f);
		if (vm->flags & VM_ALLOC)
			fputs(" vmalloc", f);
		if (vm->flags & VM_MAP)
			fputs(" vmap", f);
		if (vm->flags & VM_USERMAP)
			fputs(" user", f);
		if (vm->vpages)
			fputs(" vpages", f);
		if (numa)
			show_numa_info(m, vm, f);
		fputc('\n', f);
	}
}
