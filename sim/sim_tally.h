/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGSIM_TALLY_H
#define MIGSIM_TALLY_H

/*
 * Call counts a simulated client keeps in memory until it writes them into the state file's
 * counters (sim_counters). They are keyed by the address of the function's name: every caller
 * passes __func__, so counting a call compares pointers, not strings, which matters at hundreds
 * of calls per command. Lookups by name still find a name counted under another address.
 */

#include <stddef.h>
#include <stdint.h>

#include "sim_state.h"

typedef struct sim_tally_item {
	const char *fn; /* not owned: a string that outlives the tally (__func__) */
	uint64_t calls;
} sim_tally_item;

typedef struct sim_tally {
	uint64_t total;
	size_t count, cap;
	sim_tally_item *items;
} sim_tally;

/* Count one call of fn (and one in the total). 0, or MIG_ENOMEM with nothing counted. */
int sim_tally_bump(sim_tally *t, const char *fn);

/* The calls counted under the name fn. */
uint64_t sim_tally_get(const sim_tally *t, const char *fn);

/* Add every count of t to c, by name, totals included. 0, or MIG_ENOMEM with c unchanged. */
int sim_tally_merge(sim_counters *c, const sim_tally *t);

/* Free the items; the tally is empty (and reusable) afterwards. */
void sim_tally_release(sim_tally *t);

#endif
