/*
 * swaps.h - /proc/swaps, and the model's view of one area's slots.
 */
#ifndef VMLAB_REPORT_SWAPS_H
#define VMLAB_REPORT_SWAPS_H

#include <stdio.h>

struct machine;
struct swap_info_struct;

/* /proc/swaps (and `swapon -s`): Linux 6.1's swap_show(), byte for byte. */
void proc_swaps(const struct machine *m, FILE *f);

/* `swapon -s`: util-linux's summary of the areas (nothing if there are none). */
void swapon_summary(const struct machine *m, FILE *f);

/* The used slots of one area: swap_map byte, count, and swap-cache page. */
void show_swap_slots(const struct machine *m, const struct swap_info_struct *si, FILE *f);

#endif
