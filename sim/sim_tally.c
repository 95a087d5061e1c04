/* SPDX-License-Identifier: Apache-2.0 */
/* In-memory call counts, keyed by the function name's address (sim_tally.h). */
#include "sim_tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

int sim_tally_bump(sim_tally *t, const char *fn)
{
	sim_tally_item *items;
	size_t i;

	for (i = 0; i < t->count; i++) {
		if (t->items[i].fn == fn) {
			t->items[i].calls++;
			t->total++;
			return 0;
		}
	}
	if (t->count == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;

		items = realloc(t->items, cap * sizeof(*items));
		if (!items)
			return mig_error_oom();
		t->items = items;
		t->cap = cap;
	}
	t->items[t->count++] = (sim_tally_item){fn, 1};
	t->total++;
	return 0;
}

uint64_t sim_tally_get(const sim_tally *t, const char *fn)
{
	uint64_t n = 0;
	size_t i;

	for (i = 0; i < t->count; i++)
		if (t->items[i].fn == fn || strcmp(t->items[i].fn, fn) == 0)
			n += t->items[i].calls;
	return n;
}

/* The index of name among c's counters, or c->count when absent. */
static size_t counter_index(const sim_counters *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->count && strcmp(c->items[i].name, name) != 0; i++)
		;
	return i;
}

int sim_tally_merge(sim_counters *c, const sim_tally *t)
{
	sim_counter *items;
	size_t i, j, fresh = 0;

	/* grow first for every name c may lack, so that a failure leaves c as it was */
	for (i = 0; i < t->count; i++)
		fresh += counter_index(c, t->items[i].fn) == c->count;
	if (fresh) {
		items = realloc(c->items, (c->count + fresh) * sizeof(*items));
		if (!items)
			return mig_error_oom();
		c->items = items;
	}
	for (i = 0; i < t->count; i++) {
		j = counter_index(c, t->items[i].fn);
		if (j == c->count) {
			c->items[j] = (sim_counter){.calls = 0};
			snprintf(c->items[j].name, sizeof(c->items[j].name), "%s", t->items[i].fn);
			c->count++;
		}
		c->items[j].calls += t->items[i].calls;
	}
	c->total += t->total;
	return 0;
}

void sim_tally_release(sim_tally *t)
{
	free(t->items);
	memset(t, 0, sizeof(*t));
}
