/*
 * vmallocinfo.h - /proc/vmallocinfo.
 */
#ifndef VMLAB_REPORT_VMALLOCINFO_H
#define VMLAB_REPORT_VMALLOCINFO_H

#include <stdio.h>

struct machine;

/*
 * One line per vmalloc area in address order, as mm/vmalloc.c's
 * vmalloc_info_show() writes it:
 *
 *   0xf8800000-0xf8804000   16384 cmd_vmalloc pages=3 vmalloc
 *   0xffffc90000000000-0xffffc90000002000    8192 cmd_vmap vmap
 */
void proc_vmallocinfo(const struct machine *m, FILE *f);

#endif
