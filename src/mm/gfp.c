/*
 * gfp.c - GFP masks: parsing, printing, and the zone they allow.
 *
 * gfp_zone() is the kernel's GFP_ZONE_TABLE written out: the zone bits
 * select the highest zone an allocation may use, and the zonelist is
 * walked from there down.  On i386 GFP_HIGHUSER (which has __GFP_HIGHMEM)
 * may use HighMem, Normal, DMA; GFP_KERNEL (no zone bit) Normal, DMA.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arch.h"
#include "gfp.h"

struct gfp_name {
	const char *name;
	gfp_t value;
};

/* Composite names first, so gfp_format() prefers them (as %pGg does). */
static const struct gfp_name gfp_table[] = {
	{ "GFP_HIGHUSER_MOVABLE", GFP_HIGHUSER_MOVABLE },
	{ "GFP_HIGHUSER", GFP_HIGHUSER },
	{ "GFP_USER", GFP_USER },
	{ "GFP_KERNEL", GFP_KERNEL },
	{ "GFP_NOWAIT", GFP_NOWAIT },
	{ "GFP_ATOMIC", GFP_ATOMIC },
	{ "GFP_DMA32", GFP_DMA32 },
	{ "GFP_DMA", GFP_DMA },
	{ "__GFP_DMA", __GFP_DMA },
	{ "__GFP_HIGHMEM", __GFP_HIGHMEM },
	{ "__GFP_DMA32", __GFP_DMA32 },
	{ "__GFP_MOVABLE", __GFP_MOVABLE },
	{ "__GFP_RECLAIMABLE", __GFP_RECLAIMABLE },
	{ "__GFP_HIGH", __GFP_HIGH },
	{ "__GFP_IO", __GFP_IO },
	{ "__GFP_FS", __GFP_FS },
	{ "__GFP_ZERO", __GFP_ZERO },
	{ "__GFP_DIRECT_RECLAIM", __GFP_DIRECT_RECLAIM },
	{ "__GFP_KSWAPD_RECLAIM", __GFP_KSWAPD_RECLAIM },
	{ "__GFP_RECLAIM", __GFP_RECLAIM },
	{ "__GFP_NOWARN", __GFP_NOWARN },
	{ "__GFP_NOFAIL", __GFP_NOFAIL },
	{ "__GFP_NORETRY", __GFP_NORETRY },
	{ "__GFP_COMP", __GFP_COMP },
	{ "__GFP_HARDWALL", __GFP_HARDWALL },
};

#define NR_GFP_NAMES (sizeof(gfp_table) / sizeof(gfp_table[0]))

const char *const gfp_names[] = {
	"GFP_KERNEL", "GFP_ATOMIC", "GFP_USER", "GFP_HIGHUSER", "GFP_HIGHUSER_MOVABLE",
	"GFP_NOWAIT", "GFP_DMA", "GFP_DMA32", "__GFP_DMA", "__GFP_HIGHMEM", "__GFP_DMA32",
	"__GFP_MOVABLE", "__GFP_RECLAIMABLE", "__GFP_HIGH", "__GFP_IO", "__GFP_FS",
	"__GFP_ZERO", "__GFP_DIRECT_RECLAIM", "__GFP_KSWAPD_RECLAIM", "__GFP_RECLAIM",
	"__GFP_NOWARN", "__GFP_NOFAIL", "__GFP_NORETRY", "__GFP_COMP", "__GFP_HARDWALL",
	NULL
};

enum zone_type gfp_zone(const struct arch_profile *a, gfp_t gfp)
{
	gfp_t bits = gfp & (__GFP_DMA | __GFP_HIGHMEM | __GFP_DMA32);

	if (bits & (bits - 1))
		return MAX_NR_ZONES;		/* two zone modifiers: invalid */
	if (bits == __GFP_DMA)
		return ZONE_DMA;
	if (bits == __GFP_DMA32)
		return a->is_64bit ? ZONE_DMA32 : ZONE_NORMAL;
	if (bits == __GFP_HIGHMEM) {
		if (gfp & __GFP_MOVABLE)
			return ZONE_MOVABLE;
		return a->has_highmem ? ZONE_HIGHMEM : ZONE_NORMAL;
	}
	return ZONE_NORMAL;
}

static int gfp_word(const char *w, size_t n, gfp_t *out)
{
	char buf[32];
	char *end;

	if (n == 0 || n >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, w, n);
	buf[n] = '\0';
	for (size_t i = 0; i < NR_GFP_NAMES; i++) {
		if (strcmp(gfp_table[i].name, buf) == 0) {
			*out |= gfp_table[i].value;
			return 0;
		}
	}
	if (buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X')) {
		unsigned long v = strtoul(buf + 2, &end, 16);

		if (*end == '\0' && end != buf + 2 && v <= 0xffffffffUL) {
			*out |= (gfp_t)v;
			return 0;
		}
	}
	return -EINVAL;
}

int gfp_parse(const char *s, gfp_t *out, char *bad, size_t badlen)
{
	gfp_t gfp = 0;

	for (;;) {
		const char *bar = strchr(s, '|');
		size_t n = bar ? (size_t)(bar - s) : strlen(s);

		if (gfp_word(s, n, &gfp) < 0) {
			if (bad)
				snprintf(bad, badlen, "%.*s", (int)n, s);
			return -EINVAL;
		}
		if (!bar)
			break;
		s = bar + 1;
	}
	*out = gfp;
	return 0;
}

void gfp_format(gfp_t gfp, char *buf, size_t len)
{
	size_t pos = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < NR_GFP_NAMES && gfp; i++) {
		gfp_t v = gfp_table[i].value;

		if ((gfp & v) != v)
			continue;
		pos += snprintf(buf + pos, pos < len ? len - pos : 0, "%s%s",
				pos ? "|" : "", gfp_table[i].name);
		gfp &= ~v;
	}
	if (gfp)
		pos += snprintf(buf + pos, pos < len ? len - pos : 0, "%s%#x", pos ? "|" : "", gfp);
	if (pos == 0)
		snprintf(buf, len, "0");
}
