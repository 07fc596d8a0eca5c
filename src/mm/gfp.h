/*
 * gfp.h - GFP flags: which zones an allocation may use and how hard it may
 * try.  Values are those of Linux 6.x (include/linux/gfp_types.h).
 */
#ifndef VMLAB_MM_GFP_H
#define VMLAB_MM_GFP_H

#include <stddef.h>
#include "mmzone.h"

typedef unsigned int gfp_t;

struct arch_profile;

#define __GFP_DMA		0x01u
#define __GFP_HIGHMEM		0x02u
#define __GFP_DMA32		0x04u
#define __GFP_MOVABLE		0x08u
#define __GFP_RECLAIMABLE	0x10u
#define __GFP_HIGH		0x20u
#define __GFP_IO		0x40u
#define __GFP_FS		0x80u
#define __GFP_ZERO		0x100u
#define __GFP_DIRECT_RECLAIM	0x400u
#define __GFP_KSWAPD_RECLAIM	0x800u
#define __GFP_NOWARN		0x2000u
#define __GFP_NOFAIL		0x8000u
#define __GFP_NORETRY		0x10000u
#define __GFP_COMP		0x40000u
#define __GFP_HARDWALL		0x100000u

#define __GFP_RECLAIM		(__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
#define GFP_ATOMIC		(__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL		(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_NOWAIT		(__GFP_KSWAPD_RECLAIM | __GFP_NOWARN)
#define GFP_USER		(GFP_KERNEL | __GFP_HARDWALL)
#define GFP_HIGHUSER		(GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE	(GFP_HIGHUSER | __GFP_MOVABLE)
#define GFP_DMA			__GFP_DMA
#define GFP_DMA32		__GFP_DMA32
#define GFP_ZONEMASK		(__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32 | __GFP_MOVABLE)

/*
 * The highest zone an allocation may use; the zonelist is walked from there
 * down.  Returns MAX_NR_ZONES for an invalid combination (two of DMA, DMA32
 * and HIGHMEM).
 */
enum zone_type gfp_zone(const struct arch_profile *a, gfp_t gfp);

/*
 * Parses "GFP_KERNEL", "GFP_USER|__GFP_ZERO", "0x400cc0".  Returns 0, or
 * -EINVAL with the offending word copied to bad (if given).
 */
int gfp_parse(const char *s, gfp_t *out, char *bad, size_t badlen);
/* Writes the kernel's %pGg-style name: "GFP_KERNEL|__GFP_ZERO". */
void gfp_format(gfp_t gfp, char *buf, size_t len);
/* Names the parser accepts, NULL-terminated (for completion and help). */
extern const char *const gfp_names[];

#endif
