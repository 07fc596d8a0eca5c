/*
 * replay.c - reference strings and memory traces through the policies.
 *
 * A simulation keeps, per distinct page (by dense id), a struct page of
 * its own: PG_lru while the page is resident, PG_dirty once it was
 * written, PG_active and PG_referenced for the linux policy, index = the
 * frame it sits in, private = its accessed bit (the reference bit clock
 * reads; lfu's use count).  The list policies use the very functions the
 * live machine's reclaim uses (replace.h); opt and lfu keep a heap of the
 * frames, rand draws a frame from the machine's generator.
 *
 * Belady's anomaly, fifo on 1,2,3,4,1,2,5,1,2,3,4,5:
 *
 *   3 frames: 9 faults     4 frames: 10 faults
 *
 * A trace is read in chunks of CHUNK references: parse (lackey, addr,
 * pages or a refs= list), turn page numbers into ids (a hash with a
 * one-entry cache for the runs of the same page traces are full of), then
 * every simulation takes the whole chunk in a loop specialised for its
 * policy.  The input is never held whole; opt's next uses go through two
 * temporary files past 64 MiB (replay.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "machine.h"
#include "replay.h"

#define CHUNK		65536
#define NO_ID		UINT32_MAX
#define NEVER		UINT64_MAX	/* the next use of a page never used again */
#define PGF(f)		(1u << (f))
#define WRITE_BIT	0x80000000u	/* in the temporary id file */
#define ALWAYS_INLINE	inline __attribute__((always_inline))

/* ---- a heap of frames (opt, lfu): smallest (k1, k2) on top ----------------------------- */

struct heap {
	uint32_t *at;			/* [frames] heap position -> frame */
	uint32_t *pos;			/* [frames] frame -> heap position, NO_ID if absent */
	uint64_t *k1, *k2;		/* [frames] keys */
	uint32_t n;
};

static bool heap_less(const struct heap *h, uint32_t a, uint32_t b)
{
	return h->k1[a] < h->k1[b] || (h->k1[a] == h->k1[b] && h->k2[a] < h->k2[b]);
}

static void heap_swap(struct heap *h, uint32_t i, uint32_t j)
{
	uint32_t a = h->at[i], b = h->at[j];

	h->at[i] = b;
	h->at[j] = a;
	h->pos[b] = i;
	h->pos[a] = j;
}

static void heap_up(struct heap *h, uint32_t i)
{
	while (i && heap_less(h, h->at[i], h->at[(i - 1) / 2])) {
		heap_swap(h, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void heap_down(struct heap *h, uint32_t i)
{
	for (;;) {
		uint32_t l = 2 * i + 1, r = l + 1, best = i;

		if (l < h->n && heap_less(h, h->at[l], h->at[best]))
			best = l;
		if (r < h->n && heap_less(h, h->at[r], h->at[best]))
			best = r;
		if (best == i)
			return;
		heap_swap(h, i, best);
		i = best;
	}
}

/* Gives frame f the keys (k1, k2), adding it if it is not in the heap. */
static void heap_set(struct heap *h, uint32_t f, uint64_t k1, uint64_t k2)
{
	h->k1[f] = k1;
	h->k2[f] = k2;
	if (h->pos[f] == NO_ID) {
		h->at[h->n] = f;
		h->pos[f] = h->n++;
	}
	heap_up(h, h->pos[f]);
	heap_down(h, h->pos[f]);
}

/* ---- one simulation ------------------------------------------------------------------------ */

struct replay_sim {
	enum reclaim_policy policy;
	unsigned long frames, used;
	struct machine *m;
	struct page *map;		/* [cap] by id */
	uint32_t cap;
	struct pfn_list inactive, active;
	uint32_t *frame_id;		/* [frames] the id in each frame */
	struct heap heap;
	uint64_t t;			/* references so far */
	unsigned long faults, writebacks;	/* hits: t - faults */
	bool victim_dirty;		/* of the last replacement */
};

struct replay_sim *replay_sim_create(struct machine *m, enum reclaim_policy p,
				     unsigned long frames)
{
	struct replay_sim *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	s->policy = p;
	s->frames = frames;
	s->m = m;
	pfn_list_init(&s->inactive);
	pfn_list_init(&s->active);
	s->frame_id = malloc(frames * sizeof(*s->frame_id));
	s->heap.at = malloc(frames * sizeof(uint32_t));
	s->heap.pos = malloc(frames * sizeof(uint32_t));
	s->heap.k1 = malloc(frames * sizeof(uint64_t));
	s->heap.k2 = malloc(frames * sizeof(uint64_t));
	if (!s->frame_id || !s->heap.at || !s->heap.pos || !s->heap.k1 || !s->heap.k2) {
		replay_sim_destroy(s);
		return NULL;
	}
	for (unsigned long i = 0; i < frames; i++)
		s->heap.pos[i] = NO_ID;
	return s;
}

void replay_sim_destroy(struct replay_sim *s)
{
	if (!s)
		return;
	free(s->map);
	free(s->frame_id);
	free(s->heap.at);
	free(s->heap.pos);
	free(s->heap.k1);
	free(s->heap.k2);
	free(s);
}

static int sim_grow(struct replay_sim *s, uint32_t nr_ids)
{
	uint32_t cap = s->cap ? s->cap : 1024;
	struct page *map;

	if (nr_ids <= s->cap)
		return 0;
	while (cap < nr_ids)
		cap *= 2;
	map = realloc(s->map, (size_t)cap * sizeof(*map));
	if (!map)
		return -ENOMEM;
	memset(map + s->cap, 0, (size_t)(cap - s->cap) * sizeof(*map));
	s->map = map;
	s->cap = cap;
	return 0;
}

/* The replay's folio_referenced(): the page's one accessed bit, cleared. */
static int replay_referenced(void *ctx, uint32_t id, unsigned long *vm_flags)
{
	struct replay_sim *s = ctx;
	int young = s->map[id].private != 0;

	s->map[id].private = 0;
	*vm_flags = 0;
	return young;
}

/* The linux policy: demote from the active tail while inactive_is_low(). */
static void refill_inactive(struct replay_sim *s, const struct page_refs *refs)
{
	while (inactive_is_low(s->inactive.count, s->active.count)) {
		uint32_t id = s->active.last;

		pfn_list_del(s->map, &s->active, id);
		if (active_page_stays(s->map, id, false, refs))
			pfn_list_add_head(s->map, &s->active, id);
		else
			pfn_list_add_head(s->map, &s->inactive, id);
	}
}

/* The victim of a list policy: candidates from its end until one is given up. */
static uint32_t list_evict(struct replay_sim *s, enum reclaim_policy p)
{
	struct page_refs refs = { replay_referenced, s };

	for (;;) {
		uint32_t id;

		if (p == POLICY_LINUX)
			refill_inactive(s, &refs);
		id = policy_candidate(p, &s->inactive);
		switch (policy_check(p, s->map, id, false, &refs)) {
		case PAGEREF_KEEP:
			lru_list_move_head(s->map, &s->inactive, id);
			break;
		case PAGEREF_ACTIVATE:
			pfn_list_del(s->map, &s->inactive, id);
			SetPageFlag(&s->map[id], PG_active);
			pfn_list_add_head(s->map, &s->active, id);
			break;
		default:
			pfn_list_del(s->map, &s->inactive, id);
			return id;
		}
	}
}

static ALWAYS_INLINE uint32_t sim_evict(struct replay_sim *s, enum reclaim_policy p)
{
	switch (p) {
	case POLICY_RAND:
		return s->frame_id[machine_random(s->m) % s->frames];
	case POLICY_LFU:
	case POLICY_OPT:
		return s->frame_id[s->heap.at[0]];
	default:
		return list_evict(s, p);
	}
}

static ALWAYS_INLINE void sim_hit(struct replay_sim *s, struct page *p, uint32_t id, uint64_t next,
			   enum reclaim_policy pol)
{
	switch (pol) {
	case POLICY_LRU:
	case POLICY_MRU:
		lru_list_move_head(s->map, &s->inactive, id);
		break;
	case POLICY_CLOCK:
	case POLICY_LINUX:
		p->private = 1;		/* the MMU sets the accessed bit */
		break;
	case POLICY_LFU:
		heap_set(&s->heap, (uint32_t)p->index, ++p->private, s->t);
		break;
	case POLICY_OPT:
		heap_set(&s->heap, (uint32_t)p->index, ~next, p->index);
		break;
	default:
		break;
	}
}

static ALWAYS_INLINE void sim_load(struct replay_sim *s, struct page *p, uint32_t id,
			    unsigned long frame, uint64_t next, enum reclaim_policy pol)
{
	p->flags = PGF(PG_lru);
	p->index = frame;
	p->private = 1;			/* accessed as it is loaded; lfu: used once */
	s->frame_id[frame] = id;
	if (pol == POLICY_LFU)
		heap_set(&s->heap, (uint32_t)frame, 1, s->t);
	else if (pol == POLICY_OPT)
		heap_set(&s->heap, (uint32_t)frame, ~next, frame);
	else if (policy_uses_lists(pol))
		pfn_list_add_head(s->map, &s->inactive, id);
}

/* One reference: a hit, or a fault that may replace a page (returned, else NO_ID). */
static ALWAYS_INLINE uint32_t sim_access(struct replay_sim *s, uint32_t id, bool write, uint64_t next,
				  enum reclaim_policy pol)
{
	struct page *p = &s->map[id];
	uint32_t victim = NO_ID;
	unsigned long frame;

	s->t++;
	if (p->flags & PGF(PG_lru)) {
		sim_hit(s, p, id, next, pol);
	} else {
		s->faults++;
		if (s->used < s->frames) {
			frame = s->used++;
		} else {
			struct page *v;

			victim = sim_evict(s, pol);
			v = &s->map[victim];
			frame = v->index;
			s->victim_dirty = v->flags & PGF(PG_dirty);
			s->writebacks += s->victim_dirty;
			v->flags = 0;
			v->private = 0;
		}
		sim_load(s, p, id, frame, next, pol);
	}
	if (write)
		p->flags |= PGF(PG_dirty);
	return victim;
}

/* sim_access() with the policy a variable, for steps. */
static uint32_t sim_access_any(struct replay_sim *s, uint32_t id, bool write, uint64_t next)
{
	return sim_access(s, id, write, next, s->policy);
}

/*
 * A reference to the page referenced just before is a hit that changes
 * nothing but the counters and the dirty bit, for every policy but lfu
 * (a use count) and opt (a next use): the page is already where the
 * access put it, its accessed bit already set.
 */
static ALWAYS_INLINE bool same_as_last(struct replay_sim *s, uint32_t id, uint32_t last,
				       bool write, enum reclaim_policy pol)
{
	if (id != last || pol == POLICY_LFU || pol == POLICY_OPT)
		return false;
	s->t++;
	if (write)
		s->map[id].flags |= PGF(PG_dirty);
	return true;
}

#define PREFETCH_AHEAD 16

/*
 * The loop of replay_sim_feed(), made once per policy (and with or
 * without writes) so that each copy has the policy's code inline.  The
 * struct page of the reference PREFETCH_AHEAD on is fetched early.
 */
static ALWAYS_INLINE void feed(struct replay_sim *s, const uint32_t *ids, const uint8_t *writes,
			       const uint64_t *next, size_t n, enum reclaim_policy pol,
			       bool has_writes)
{
	uint32_t last = NO_ID;

	for (size_t i = 0; i < n; i++) {
		uint32_t id = ids[i];
		bool w = has_writes && writes[i];

		if (i + PREFETCH_AHEAD < n)
			__builtin_prefetch(&s->map[ids[i + PREFETCH_AHEAD]]);
		if (!same_as_last(s, id, last, w, pol))
			sim_access(s, id, w, pol == POLICY_OPT ? next[i] : NEVER, pol);
		last = id;
	}
}

#define FEED(P) \
	if (writes) \
		feed(s, ids, writes, next, n, P, true); \
	else \
		feed(s, ids, NULL, next, n, P, false); \
	break

int replay_sim_feed(struct replay_sim *s, const uint32_t *ids, const uint8_t *writes,
		    const uint64_t *next, size_t n, uint32_t nr_ids)
{
	if (sim_grow(s, nr_ids) < 0)
		return -ENOMEM;
	if (s->policy == POLICY_OPT && !next)
		return -EINVAL;
	switch (s->policy) {
	case POLICY_LINUX: FEED(POLICY_LINUX);
	case POLICY_FIFO: FEED(POLICY_FIFO);
	case POLICY_LRU: FEED(POLICY_LRU);
	case POLICY_CLOCK: FEED(POLICY_CLOCK);
	case POLICY_OPT: FEED(POLICY_OPT);
	case POLICY_RAND: FEED(POLICY_RAND);
	case POLICY_LFU: FEED(POLICY_LFU);
	default: FEED(POLICY_MRU);
	}
	return 0;
}

void replay_sim_result(const struct replay_sim *s, struct replay_result *r)
{
	r->policy = s->policy;
	r->frames = s->frames;
	r->refs = s->t;
	r->faults = s->faults;
	r->hits = s->t - s->faults;
	r->writebacks = s->writebacks;
}

/* ---- page numbers to dense ids ------------------------------------------------------------ */

#define IDMAP_NEAR	1024	/* pages near in number: a small cache before the hash */

struct idmap {
	uint64_t *keys;			/* page + 1; 0 = empty */
	uint32_t *vals;
	uint64_t mask;
	uint32_t n;
	uint64_t *page;			/* [n] id -> page */
	uint32_t pcap;
	uint64_t last_key;		/* the one-entry cache */
	uint32_t last_id;
	struct { uint64_t key; uint32_t id; } near[IDMAP_NEAR];	/* direct-mapped by page */
};

static uint64_t hash64(uint64_t k)
{
	return k * 0x9e3779b97f4a7c15ULL;
}

static int idmap_resize(struct idmap *im, uint64_t slots)
{
	uint64_t *keys = calloc(slots, sizeof(*keys));
	uint32_t *vals = malloc(slots * sizeof(*vals));

	if (!keys || !vals) {
		free(keys);
		free(vals);
		return -ENOMEM;
	}
	for (uint64_t i = 0; im->keys && i <= im->mask; i++) {
		uint64_t j;

		if (!im->keys[i])
			continue;
		for (j = (hash64(im->keys[i]) >> 20) & (slots - 1); keys[j]; j = (j + 1) & (slots - 1))
			;
		keys[j] = im->keys[i];
		vals[j] = im->vals[i];
	}
	free(im->keys);
	free(im->vals);
	im->keys = keys;
	im->vals = vals;
	im->mask = slots - 1;
	return 0;
}

static int idmap_add(struct idmap *im, uint64_t key, uint64_t slot, uint32_t *id)
{
	if (im->n == im->pcap) {
		uint32_t cap = im->pcap ? im->pcap * 2 : 1024;
		uint64_t *page = realloc(im->page, cap * sizeof(*page));

		if (!page)
			return -ENOMEM;
		im->page = page;
		im->pcap = cap;
	}
	im->keys[slot] = key;
	im->vals[slot] = im->n;
	im->page[im->n] = key - 1;
	*id = im->n++;
	if ((uint64_t)im->n * 2 > im->mask && idmap_resize(im, (im->mask + 1) * 2) < 0)
		return -ENOMEM;
	return 0;
}

/* The id of page (a new one the first time).  0 or -ENOMEM. */
static inline int idmap_get(struct idmap *im, uint64_t page, uint32_t *id)
{
	uint64_t key = page + 1, j;

	if (key == im->last_key) {
		*id = im->last_id;
		return 0;
	}
	if (im->near[page % IDMAP_NEAR].key == key) {
		*id = im->near[page % IDMAP_NEAR].id;
		goto found;
	}
	for (j = (hash64(key) >> 20) & im->mask; im->keys[j]; j = (j + 1) & im->mask)
		if (im->keys[j] == key) {
			*id = im->vals[j];
			goto cache;
		}
	if (idmap_add(im, key, j, id) < 0)
		return -ENOMEM;
cache:
	im->near[page % IDMAP_NEAR].key = key;
	im->near[page % IDMAP_NEAR].id = *id;
found:
	im->last_key = key;
	im->last_id = *id;
	return 0;
}

static void idmap_free(struct idmap *im)
{
	free(im->keys);
	free(im->vals);
	free(im->page);
}

/* ---- reading the input ---------------------------------------------------------------------- */

#define READ_BUF	(1 << 20)

struct reader {
	struct machine *m;
	const struct trace_source *src;
	char *buf;
	size_t len, pos;
	bool eof;
	unsigned long line;
	size_t whole;			/* buf[pos, whole) holds whole lines only */
	const char *refs;		/* TRACE_REFS: where parsing goes on */
	unsigned long writes;
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Hex digit values, -1 for the other characters. */
static const signed char hex_digit[256] = {
	['0'] = 0 + 1, ['1'] = 1 + 1, ['2'] = 2 + 1, ['3'] = 3 + 1, ['4'] = 4 + 1,
	['5'] = 5 + 1, ['6'] = 6 + 1, ['7'] = 7 + 1, ['8'] = 8 + 1, ['9'] = 9 + 1,
	['a'] = 10 + 1, ['b'] = 11 + 1, ['c'] = 12 + 1, ['d'] = 13 + 1, ['e'] = 14 + 1,
	['f'] = 15 + 1, ['A'] = 10 + 1, ['B'] = 11 + 1, ['C'] = 12 + 1, ['D'] = 13 + 1,
	['E'] = 14 + 1, ['F'] = 15 + 1,
};

static inline int hexval(char c)
{
	return hex_digit[(unsigned char)c] - 1;
}

/* Hex digits (an optional 0x first) at *p, before end.  False if there are none. */
static bool parse_hex(const char **p, const char *end, uint64_t *v)
{
	const char *s = *p;
	int d;

	if (end - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	*v = 0;
	if (s >= end || hexval(*s) < 0)
		return false;
	while (s < end && (d = hexval(*s)) >= 0) {
		if (*v >> 60)
			return false;		/* more than 64 bits */
		*v = (*v << 4) | (uint64_t)d;
		s++;
	}
	*p = s;
	return true;
}

/* A decimal number, or hex after 0x. */
static bool parse_num(const char **p, const char *end, uint64_t *v)
{
	const char *s = *p;

	if (end - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return parse_hex(p, end, v);
	*v = 0;
	if (s >= end || *s < '0' || *s > '9')
		return false;
	while (s < end && *s >= '0' && *s <= '9') {
		uint64_t d = (uint64_t)(*s++ - '0');

		if (*v > (UINT64_MAX - d) / 10)
			return false;		/* more than 64 bits */
		*v = *v * 10 + d;
	}
	*p = s;
	return true;
}

static int bad_line(struct reader *r, const char *what)
{
	return mm_err(r->m, -EINVAL, "line %lu: %s", r->line, what);
}

/* The pages [addr, addr + size) touches, as references. */
static ALWAYS_INLINE size_t emit_span(struct reader *r, uint64_t addr, uint64_t size, bool write,
			uint64_t *pages, uint8_t *w)
{
	unsigned shift = r->src->page_shift;
	uint64_t first = addr >> shift, last = (addr + (size ? size : 1) - 1) >> shift;
	size_t n = 0;

	if (last < first)
		last = first;			/* wraps at the top of the address space */
	for (uint64_t pg = first; pg <= last && n < 2; pg++, n++) {
		pages[n] = pg;
		w[n] = write;
	}
	r->writes += write ? n : 0;
	return n;
}

/* One lackey line: "I  0400d7d4,8", " L 7ff000b88,8", " S ...", " M ..." (load + store). */
static long parse_lackey(struct reader *r, const char *p, const char *end, uint64_t *pages,
			 uint8_t *w)
{
	uint64_t addr, size;
	size_t n;
	char kind;

	while (p < end && is_space(*p))
		p++;
	if (p == end || (p[0] == '=' && p + 1 < end && p[1] == '=') ||
	    (p[0] == '-' && p + 1 < end && p[1] == '-'))
		return 0;			/* blank, or valgrind's own ==PID== lines */
	kind = *p++;
	if ((kind != 'I' && kind != 'L' && kind != 'S' && kind != 'M') || p == end || !is_space(*p))
		return bad_line(r, "not a lackey line (I, L, S or M, then ADDR,SIZE)");
	while (p < end && is_space(*p))
		p++;
	if (!parse_hex(&p, end, &addr) || p == end || *p++ != ',' || !parse_num(&p, end, &size))
		return bad_line(r, "not a lackey line (I, L, S or M, then ADDR,SIZE)");
	n = emit_span(r, addr, size, kind == 'S', pages, w);
	if (kind == 'M')
		n += emit_span(r, addr, size, true, pages + n, w + n);
	return (long)n;
}

/* One addr or pages line: [R|W] NUMBER. */
static long parse_plain(struct reader *r, const char *p, const char *end, uint64_t *pages,
			uint8_t *w)
{
	bool write = false, hex = r->src->format == TRACE_ADDR;
	uint64_t v;
	bool ok;

	while (p < end && is_space(*p))
		p++;
	if (p == end || *p == '#')
		return 0;
	if ((*p == 'R' || *p == 'r' || *p == 'W' || *p == 'w') && p + 1 < end && is_space(p[1])) {
		write = *p == 'W' || *p == 'w';
		for (p++; p < end && is_space(*p); p++)
			;
	}
	ok = hex ? parse_hex(&p, end, &v) : parse_num(&p, end, &v);
	while (ok && p < end && is_space(*p))
		p++;
	if (!ok || p != end)
		return bad_line(r, hex ? "not an address (hex, after an optional R or W)" :
				"not a page number (after an optional R or W)");
	if (hex)
		return (long)emit_span(r, v, 1, write, pages, w);
	pages[0] = v;
	w[0] = write;
	r->writes += write;
	return 1;
}

/* The next whole line of the file, or false at its end.  -EIO sets *err. */
static bool next_line(struct reader *r, const char **start, const char **end, int *err)
{
	char *nl;

	for (;;) {
		nl = memchr(r->buf + r->pos, '\n', r->len - r->pos);
		if (nl || (r->eof && r->pos < r->len))
			break;
		if (r->eof)
			return false;
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
		r->len -= r->pos;
		r->pos = 0;
		if (r->len == READ_BUF) {
			*err = mm_err(r->m, -EINVAL, "line %lu: longer than 1 MiB", r->line + 1);
			return false;
		}
		r->len += fread(r->buf + r->len, 1, READ_BUF - r->len, r->src->f);
		if (ferror(r->src->f)) {
			*err = mm_err(r->m, -EIO, "read error after line %lu", r->line);
			return false;
		}
		r->eof = feof(r->src->f);
		for (r->whole = r->len; r->whole > r->pos && r->buf[r->whole - 1] != '\n';)
			r->whole--;
	}
	*start = r->buf + r->pos;
	*end = nl ? nl : r->buf + r->len;
	r->pos = (size_t)(*end - r->buf) + (nl ? 1 : 0);
	r->line++;
	return true;
}

/*
 * Past the separator after a refs= item: blanks, one comma, blanks.  An
 * empty item ("1,,2", a comma first or last) is an error, not skipped.
 */
static int skip_ref_sep(struct reader *r, const char *p)
{
	bool comma;

	p += strspn(p, " \t");
	comma = *p == ',';
	p += comma;
	p += strspn(p, " \t");
	r->refs = p;
	if (*p == ',' || (comma && !*p))
		return mm_err(r->m, -EINVAL, "refs: item %lu is empty (page numbers are separated "
			      "by one comma)", r->line + 1);
	return 0;
}

/* One refs= item: "12", "0x1f", "12w". */
static long parse_ref_item(struct reader *r, uint64_t *pages, uint8_t *w)
{
	const char *p = r->refs, *end = p + strcspn(p, ", \t");
	bool write = false;

	if (p == end)		/* a comma first */
		return mm_err(r->m, -EINVAL, "refs: item %lu is empty (page numbers are separated "
			      "by one comma)", r->line + 1);
	if (!parse_num(&p, end, &pages[0]) || pages[0] == REPLAY_EMPTY ||
	    (p < end && (write = (*p == 'w' || *p == 'W'), !write && *p != 'r' && *p != 'R')) ||
	    (p < end && ++p != end))
		return mm_err(r->m, -EINVAL, "refs: '%.*s' is not a page number (N, or Nw for a "
			      "write)", (int)(end - r->refs), r->refs);
	w[0] = write;
	r->writes += write;
	r->line++;
	return skip_ref_sep(r, end) < 0 ? -EINVAL : 1;
}

/* Eight hex digits at p (they must be readable) into *v; false if one is not a digit. */
static ALWAYS_INLINE bool hex8(const char *p, uint64_t *v)
{
	const unsigned char *u = (const unsigned char *)p;
	int d0 = hex_digit[u[0]], d1 = hex_digit[u[1]], d2 = hex_digit[u[2]], d3 = hex_digit[u[3]];
	int d4 = hex_digit[u[4]], d5 = hex_digit[u[5]], d6 = hex_digit[u[6]], d7 = hex_digit[u[7]];

	if (!d0 || !d1 || !d2 || !d3 || !d4 || !d5 || !d6 || !d7)
		return false;
	*v = (uint64_t)(d0 - 1) << 28 | (uint64_t)(d1 - 1) << 24 | (uint64_t)(d2 - 1) << 20 |
	     (uint64_t)(d3 - 1) << 16 | (uint64_t)(d4 - 1) << 12 | (uint64_t)(d5 - 1) << 8 |
	     (uint64_t)(d6 - 1) << 4 | (uint64_t)(d7 - 1);
	return true;
}

/*
 * The common lackey line in one pass, "I  ADDR,SIZE" or " L|S|M ADDR,SIZE",
 * when buf[pos] starts a whole line (so a newline ends every scan).
 * Returns the references, or -1 to leave the line to parse_lackey().
 */
static ALWAYS_INLINE long lackey_fast(struct reader *r, uint64_t *pages, uint8_t *w)
{
	const char *p = r->buf + r->pos;
	uint64_t addr = 0, size = 0;
	char kind = p[1];
	long n;
	int d;

	if (p[0] == 'I' && p[1] == ' ' && p[2] == ' ')
		kind = 'I';
	else if (p[0] != ' ' || (kind != 'L' && kind != 'S' && kind != 'M') || p[2] != ' ')
		return -1;
	p += 3;
	if ((size_t)(p - r->buf) + 9 <= r->whole && hex8(p, &addr) && p[8] == ',') {
		p += 8;			/* the usual %08lx: eight digits without a loop */
	} else {
		addr = 0;		/* hex8() may have read the first eight of more digits */
		if ((d = hexval(*p)) < 0)
			return -1;
		do {
			addr = addr << 4 | (uint64_t)d;
		} while ((d = hexval(*++p)) >= 0);
	}
	if (*p++ != ',' || *p < '0' || *p > '9')
		return -1;
	do {
		size = size * 10 + (uint64_t)(*p - '0');
	} while (*++p >= '0' && *p <= '9');
	if (*p != '\n')
		return -1;
	r->pos = (size_t)(p + 1 - r->buf);
	r->line++;
	n = (long)emit_span(r, addr, size, kind == 'S', pages, w);
	if (kind == 'M')
		n += (long)emit_span(r, addr, size, true, pages + n, w + n);
	return n;
}

/* Up to max references (max >= 4) into pages/w.  Returns how many, 0 at the end, or -errno. */
static long reader_fill(struct reader *r, uint64_t *pages, uint8_t *w, size_t max)
{
	size_t n = 0;
	int err = 0;

	while (n + 4 <= max) {
		const char *s, *e;
		long got;

		if (r->src->format == TRACE_REFS) {
			if (!*r->refs)
				break;
			got = parse_ref_item(r, pages + n, w + n);
		} else if (r->src->format == TRACE_LACKEY && r->pos < r->whole &&
			   (got = lackey_fast(r, pages + n, w + n)) >= 0) {
			n += (size_t)got;
			continue;
		} else {
			if (!next_line(r, &s, &e, &err))
				break;
			got = r->src->format == TRACE_LACKEY ? parse_lackey(r, s, e, pages + n, w + n) :
			      parse_plain(r, s, e, pages + n, w + n);
		}
		if (got < 0)
			return got;
		n += (size_t)got;
	}
	return err ? err : (long)n;
}

/* ---- opt's two streams: in memory, spilling to a temporary file past SPILL_BYTES ------------- */

#define SPILL_BYTES	(64UL << 20)

struct store {
	unsigned char *mem;
	size_t len, cap, limit;
	FILE *f;			/* once spilled: everything is in the file */
};

static int store_write(struct store *st, const void *buf, size_t bytes)
{
	if (!st->f && st->len + bytes > st->limit) {
		st->f = tmpfile();
		if (!st->f || (st->len && fwrite(st->mem, 1, st->len, st->f) != st->len))
			return -EIO;
		free(st->mem);
		st->mem = NULL;
	}
	if (st->f)
		return fwrite(buf, 1, bytes, st->f) == bytes ? 0 : -EIO;
	if (st->len + bytes > st->cap) {
		size_t cap = st->cap ? st->cap : 1 << 16;
		unsigned char *mem;

		while (cap < st->len + bytes)
			cap *= 2;
		if (!(mem = realloc(st->mem, cap)))
			return -ENOMEM;
		st->mem = mem;
		st->cap = cap;
	}
	memcpy(st->mem + st->len, buf, bytes);
	st->len += bytes;
	return 0;
}

static int store_read(struct store *st, size_t off, void *buf, size_t bytes)
{
	if (!st->f) {
		memcpy(buf, st->mem + off, bytes);
		return 0;
	}
	if (fseek(st->f, (long)off, SEEK_SET) || fread(buf, 1, bytes, st->f) != bytes)
		return -EIO;
	return 0;
}

static void store_free(struct store *st)
{
	free(st->mem);
	if (st->f)
		fclose(st->f);
}

/* ---- the run ---------------------------------------------------------------------------------- */

struct run {
	struct machine *m;
	const struct replay_config *cfg;
	struct replay_sim *sims[REPLAY_MAX_POLICIES * REPLAY_MAX_FRAMES];
	int nsims;
	struct idmap ids;
	uint64_t *pages;		/* [chunk] */
	uint8_t *w;			/* [chunk] */
	uint32_t *id;			/* [chunk] */
	uint64_t *next;			/* [chunk] */
	uint64_t *frames;		/* steps: the pages in the frames */
	bool opt;			/* an opt simulation wants the future */
	struct store ids_out, next_out;	/* opt's page ids, then their next uses */
	size_t chunk;			/* references per chunk: CHUNK, less for a short refs= string */
	unsigned long refs;
	replay_step_fn step;
	void *ctx;
};

static void emit_step(struct run *r, int i, unsigned long t, uint32_t id, bool write,
		      uint32_t victim, bool hit)
{
	const struct replay_sim *s = r->sims[i];
	struct replay_step st = { .sim = i, .t = t, .page = r->ids.page[id], .write = write,
				  .hit = hit, .evicted = victim != NO_ID, .nframes = s->frames,
				  .frames = r->frames, .victim_dirty = s->victim_dirty };

	if (victim != NO_ID)
		st.victim = r->ids.page[victim];
	for (unsigned long f = 0; f < s->frames; f++)
		r->frames[f] = f < s->used ? r->ids.page[s->frame_id[f]] : REPLAY_EMPTY;
	r->step(r->ctx, &st);
}

/* Feeds n references to simulation i, access by access when steps are on. */
static int run_sim(struct run *r, int i, size_t n, unsigned long t0, const uint64_t *next)
{
	struct replay_sim *s = r->sims[i];

	if (!r->cfg->max_steps)
		return replay_sim_feed(s, r->id, r->w, next, n, r->ids.n);
	if (sim_grow(s, r->ids.n) < 0)
		return -ENOMEM;
	for (size_t k = 0; k < n; k++) {
		unsigned long faults = s->faults;
		uint32_t victim = sim_access_any(s, r->id[k], r->w[k], next ? next[k] : NEVER);

		emit_step(r, i, t0 + k + 1, r->id[k], r->w[k], victim, s->faults == faults);
	}
	return 0;
}

static int map_ids(struct run *r, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (idmap_get(&r->ids, r->pages[k], &r->id[k]) < 0)
			return mm_err(r->m, -ENOMEM, "out of host memory for page ids");
	return 0;
}

/* Pass 1's part of a chunk: every simulation but opt, and opt's id file. */
static int feed_chunk(struct run *r, size_t n)
{
	if (r->cfg->max_steps && r->refs + n > r->cfg->max_steps)
		return mm_err(r->m, -EINVAL, "steps=on shows at most %lu references; this input "
			      "has more", r->cfg->max_steps);
	for (int i = 0; i < r->nsims; i++)
		if (r->sims[i]->policy != POLICY_OPT && run_sim(r, i, n, r->refs, NULL) < 0)
			return mm_err(r->m, -ENOMEM, "out of host memory for the simulation");
	if (r->opt) {
		for (size_t k = 0; k < n; k++)
			r->id[k] |= r->w[k] ? WRITE_BIT : 0;
		if (store_write(&r->ids_out, r->id, n * sizeof(*r->id)) < 0)
			return mm_err(r->m, -EIO, "cannot keep opt's page ids");
	}
	r->refs += n;
	return 0;
}

static int read_ids(struct run *r, unsigned long chunk, size_t *n)
{
	unsigned long first = chunk * r->chunk;

	*n = r->refs - first < r->chunk ? r->refs - first : r->chunk;
	if (store_read(&r->ids_out, first * sizeof(uint32_t), r->id, *n * sizeof(uint32_t)) < 0)
		return mm_err(r->m, -EIO, "cannot read opt's temporary file");
	return 0;
}

/* Pass 2: next uses, chunk by chunk from the end, into the second file. */
static int opt_next_uses(struct run *r, unsigned long chunks)
{
	uint64_t *last = malloc((r->ids.n ? r->ids.n : 1) * sizeof(uint64_t));
	int err = 0;

	if (!last)
		return mm_err(r->m, -ENOMEM, "out of host memory for opt");
	for (uint32_t i = 0; i < r->ids.n; i++)
		last[i] = NEVER;
	for (unsigned long c = chunks; c-- > 0 && !err;) {
		size_t n;

		if ((err = read_ids(r, c, &n)) < 0)
			break;
		for (size_t k = n; k-- > 0;) {
			uint32_t id = r->id[k] & ~WRITE_BIT;

			r->next[k] = last[id];
			last[id] = c * r->chunk + k;
		}
		if (store_write(&r->next_out, r->next, n * sizeof(uint64_t)) < 0)
			err = mm_err(r->m, -EIO, "cannot keep opt's next uses");
	}
	free(last);
	return err;
}

/* Pass 3: opt, with chunk c's next uses from where pass 2 wrote them. */
static int opt_run(struct run *r, unsigned long chunks)
{
	unsigned long at = 0;

	for (unsigned long c = 0; c < chunks; c++) {
		size_t n;

		if (read_ids(r, c, &n) < 0)
			return -EIO;
		at = r->refs - c * r->chunk - n;	/* chunk c was written after the later ones */
		if (store_read(&r->next_out, at * sizeof(uint64_t), r->next, n * sizeof(uint64_t)) < 0)
			return mm_err(r->m, -EIO, "cannot read opt's temporary file");
		for (size_t k = 0; k < n; k++) {
			r->w[k] = !!(r->id[k] & WRITE_BIT);
			r->id[k] &= ~WRITE_BIT;
		}
		for (int i = 0; i < r->nsims; i++)
			if (r->sims[i]->policy == POLICY_OPT &&
			    run_sim(r, i, n, c * r->chunk, r->next) < 0)
				return mm_err(r->m, -ENOMEM, "out of host memory for the simulation");
	}
	return 0;
}

static int run_opt(struct run *r)
{
	unsigned long chunks = (r->refs + r->chunk - 1) / r->chunk;

	if (!r->opt)
		return 0;
	if (opt_next_uses(r, chunks) < 0)
		return -EIO;
	return opt_run(r, chunks);
}

static int run_setup(struct run *r, unsigned long max_frames)
{
	const struct replay_config *cfg = r->cfg;
	bool opt = false;

	for (int p = 0; p < cfg->nr_policies; p++) {
		opt |= cfg->policy[p] == POLICY_OPT;
		for (int f = 0; f < cfg->nr_frames; f++) {
			r->sims[r->nsims] = replay_sim_create(r->m, cfg->policy[p], cfg->frames[f]);
			if (!r->sims[r->nsims++])
				return mm_err(r->m, -ENOMEM, "out of host memory for the simulation");
		}
	}
	r->pages = malloc(r->chunk * sizeof(*r->pages));
	r->w = malloc(r->chunk);
	r->id = malloc(r->chunk * sizeof(*r->id));
	r->next = malloc(r->chunk * sizeof(*r->next));
	r->frames = malloc(max_frames * sizeof(*r->frames));
	if (!r->pages || !r->w || !r->id || !r->next || !r->frames || idmap_resize(&r->ids, 1024))
		return mm_err(r->m, -ENOMEM, "out of host memory for the replay");
	r->opt = opt;
	r->ids_out.limit = r->next_out.limit = cfg->spill_bytes ? cfg->spill_bytes : SPILL_BYTES;
	return 0;
}

static void run_free(struct run *r)
{
	for (int i = 0; i < r->nsims; i++)
		replay_sim_destroy(r->sims[i]);
	idmap_free(&r->ids);
	free(r->pages);
	free(r->w);
	free(r->id);
	free(r->next);
	free(r->frames);
	store_free(&r->ids_out);
	store_free(&r->next_out);
}

static int check_config(struct machine *m, const struct replay_config *cfg,
			unsigned long *max_frames)
{
	if (cfg->nr_policies < 1 || cfg->nr_policies > REPLAY_MAX_POLICIES ||
	    cfg->nr_frames < 1 || cfg->nr_frames > REPLAY_MAX_FRAMES)
		return mm_err(m, -EINVAL, "give 1 to %d policies and 1 to %d frame counts",
			      REPLAY_MAX_POLICIES, REPLAY_MAX_FRAMES);
	*max_frames = 0;
	for (int f = 0; f < cfg->nr_frames; f++) {
		if (cfg->frames[f] < 1 || cfg->frames[f] > REPLAY_FRAMES_LIMIT)
			return mm_err(m, -EINVAL, "frames: %lu is out of range (1..%lu)",
				      cfg->frames[f], REPLAY_FRAMES_LIMIT);
		if (cfg->frames[f] > *max_frames)
			*max_frames = cfg->frames[f];
	}
	return 0;
}

static int run_pass1(struct run *r, struct reader *rd)
{
	long n;

	while ((n = reader_fill(rd, r->pages, r->w, r->chunk)) > 0)
		if (map_ids(r, (size_t)n) < 0 || feed_chunk(r, (size_t)n) < 0)
			return -EINVAL;
	return n < 0 ? (int)n : 0;
}

int replay_run(struct machine *m, const struct trace_source *src,
	       const struct replay_config *cfg, struct replay_result *results,
	       struct replay_summary *sum, replay_step_fn step, void *ctx)
{
	struct run r = { .m = m, .cfg = cfg, .step = step, .ctx = ctx };
	struct reader rd = { .m = m, .src = src, .refs = src->refs };
	unsigned long max_frames = 0;
	int err = check_config(m, cfg, &max_frames);

	if (err)
		return err;
	if (src->format != TRACE_REFS && !(rd.buf = malloc(READ_BUF)))
		return mm_err(m, -ENOMEM, "out of host memory for the reader");
	r.chunk = CHUNK;
	if (rd.refs) {
		rd.refs += strspn(rd.refs, " \t");
		if (strlen(rd.refs) / 2 + 8 < CHUNK)	/* 2 chars a reference; fill wants 4 free */
			r.chunk = strlen(rd.refs) / 2 + 8;
	}
	err = run_setup(&r, max_frames);
	if (!err)
		err = run_pass1(&r, &rd);
	if (!err && !r.refs)
		err = mm_err(m, -EINVAL, "the input holds no references");
	if (!err)
		err = run_opt(&r);
	for (int i = 0; !err && i < r.nsims; i++)
		replay_sim_result(r.sims[i], &results[i]);
	sum->refs = r.refs;
	sum->lines = rd.line;
	sum->distinct = r.ids.n;
	sum->writes = rd.writes;
	run_free(&r);
	free(rd.buf);
	return err;
}
