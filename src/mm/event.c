/*
 * event.c - the event bus: a fixed array of subscribers.
 *
 * Subscribing returns the slot; unsubscribing empties it.  bus->nr is one
 * past the highest slot in use, so an emit with no listeners costs a single
 * comparison (see event_emit() in event.h).
 */
#include <errno.h>
#include <string.h>
#include "event.h"
#include "machine.h"

int event_subscribe(struct event_bus *bus, mm_event_fn fn, void *ctx)
{
	for (int i = 0; i < MAX_EVENT_SUBSCRIBERS; i++) {
		if (bus->sub[i].fn)
			continue;
		bus->sub[i].fn = fn;
		bus->sub[i].ctx = ctx;
		if (i >= bus->nr)
			bus->nr = i + 1;
		return i;
	}
	return -ENOSPC;
}

void event_unsubscribe(struct event_bus *bus, int handle)
{
	if (handle < 0 || handle >= MAX_EVENT_SUBSCRIBERS)
		return;
	bus->sub[handle].fn = NULL;
	bus->sub[handle].ctx = NULL;
	while (bus->nr > 0 && !bus->sub[bus->nr - 1].fn)
		bus->nr--;
}

void __event_emit(struct machine *m, const struct mm_event *ev)
{
	for (int i = 0; i < m->events.nr; i++)
		if (m->events.sub[i].fn)
			m->events.sub[i].fn(m, ev, m->events.sub[i].ctx);
}

static const char *const event_names[NR_MM_EVENTS] = {
#define X(id, name) name,
	MM_EVENTS(X)
#undef X
};

const char *event_name(enum mm_event_type t)
{
	return t < NR_MM_EVENTS ? event_names[t] : "?";
}

enum mm_event_type event_by_name(const char *name)
{
	for (int i = 0; i < NR_MM_EVENTS; i++)
		if (strcmp(event_names[i], name) == 0)
			return (enum mm_event_type)i;
	return NR_MM_EVENTS;
}
