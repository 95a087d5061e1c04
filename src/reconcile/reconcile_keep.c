/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Which GPU instances survive an apply. Every instance kept is one tenant not disturbed and
 * one MIG device UUID that stays valid, so the search is exhaustive: each subset of the GIs
 * that could stand for a desired GI is tried, best first (busy GIs kept, then the most GIs,
 * then the most memory slices), and the first one around which the rest of the desired layout
 * fits wins. A GPU holds at most 8 GIs, so that is at most 256 exact fits.
 */
#include "reconcile_internal.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

size_t mig_reconcile__busy(const mig_gi_state *g)
{
	return mig_gi_state_process_count(g);
}

static size_t count_ci(const mig_ci_profile *p, const mig_ci_profile *const *list, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += list[i] == p;
	return k;
}

/* The same multiset of CI profiles (their placements inside the GI do not matter to users). */
static int same_cis(const mig_gi_state *g, const mig_config_gi *d)
{
	const mig_ci_profile *have[MIG_LAYOUT_MAX];
	size_t i;

	if (g->ci_count != d->ci_count || g->ci_count > MIG_LAYOUT_MAX)
		return 0;
	for (i = 0; i < g->ci_count; i++) {
		if (!g->cis[i].profile)
			return 0;
		have[i] = g->cis[i].profile;
	}
	for (i = 0; i < g->ci_count; i++)
		if (count_ci(have[i], have, g->ci_count) != count_ci(have[i], d->ci, d->ci_count))
			return 0;
	return 1;
}

int mig_reconcile__compatible(const mig_gi_state *g, const mig_config_gi *d)
{
	if (!g->profile || g->profile != d->profile)
		return 0;
	if (d->start >= 0 && (unsigned)d->start != g->start)
		return 0;
	return same_cis(g, d);
}

/* Pair each kept GI with a desired one: first those pinned at its start (a pinned GI left
 * over would overlap it), then unpinned ones, which are interchangeable. */
static int match_kept(const mig_gpu_state *st, const mig_config_layout *w, uint32_t mask,
		      int *match, int *used)
{
	size_t i, j;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < st->gi_count; i++) {
			if (!(mask & (1u << i)) || (pass == 1 && match[i] >= 0))
				continue;
			for (j = 0; j < w->gi_count; j++) {
				if (used[j] || (pass == 0) != (w->gi[j].start >= 0) ||
				    !mig_reconcile__compatible(&st->gis[i], &w->gi[j]))
					continue;
				match[i] = (int)j;
				used[j] = 1;
				break;
			}
			if (pass == 1 && match[i] < 0)
				return -1;
		}
	return 0;
}

/* Which desired GI each newly placed one is: pinned ones by start, the others by profile. */
static void name_placed(mig_keep_choice *c, const mig_config_layout *w, int *used)
{
	size_t k, j;
	int pass;

	for (k = 0; k < c->placed.count; k++) {
		const mig_instance *p = &c->placed.gi[k];

		c->placed_want[k] = -1;
		for (pass = 0; pass < 2 && c->placed_want[k] < 0; pass++)
			for (j = 0; j < w->gi_count && c->placed_want[k] < 0; j++)
				if (!used[j] && w->gi[j].profile == p->profile &&
				    (pass ? w->gi[j].start < 0 : w->gi[j].start == p->start)) {
					c->placed_want[k] = (int)j;
					used[j] = 1;
				}
	}
}

/* Does the rest of the desired layout fit around the GIs of mask? Fills c when it does. */
static int try_mask(mig_keep_choice *c, const mig_gpu_state *st, const mig_config_layout *w,
		    uint32_t mask)
{
	int used[MIG_LAYOUT_MAX] = {0};
	mig_layout kept, rest;
	size_t i;

	for (i = 0; i < MIG_LAYOUT_MAX; i++)
		c->match[i] = -1;
	if (match_kept(st, w, mask, c->match, used) < 0)
		return 0;
	mig_layout_init(&kept, w->gpu);
	mig_layout_init(&rest, w->gpu);
	for (i = 0; i < st->gi_count; i++)
		if (mask & (1u << i))
			mig_layout_add(&kept, st->gis[i].profile, (int)st->gis[i].start);
	for (i = 0; i < w->gi_count; i++)
		if (!used[i])
			mig_layout_add(&rest, w->gi[i].profile, w->gi[i].start);
	if (mig_geometry_fit_around(&c->placed, &kept, &rest, NULL) < 0) {
		mig_error_clear(); /* a subset that does not work is an answer, not an error */
		return 0;
	}
	c->keep_mask = mask;
	name_placed(c, w, used);
	return 1;
}

typedef struct candidate {
	uint32_t mask;
	unsigned busy, gis, slices;
} candidate;

static int by_preference(const void *a, const void *b)
{
	const candidate *x = a, *y = b;

	if (x->busy != y->busy)
		return x->busy > y->busy ? -1 : 1;
	if (x->gis != y->gis)
		return x->gis > y->gis ? -1 : 1;
	if (x->slices != y->slices)
		return x->slices > y->slices ? -1 : 1;
	return x->mask < y->mask ? -1 : x->mask > y->mask;
}

static candidate score(const mig_gpu_state *st, uint32_t mask)
{
	candidate c = {mask, 0, 0, 0};
	size_t i;

	for (i = 0; i < st->gi_count; i++) {
		if (!(mask & (1u << i)))
			continue;
		c.gis++;
		c.busy += mig_reconcile__busy(&st->gis[i]) > 0;
		c.slices += st->gis[i].profile->mem_slices;
	}
	return c;
}

/* Every subset of keepable (that holds must), best first. */
static candidate *candidates(const mig_gpu_state *st, uint32_t keepable, uint32_t must, size_t *n)
{
	size_t bits = (size_t)__builtin_popcount(keepable), k = 0;
	candidate *list = calloc((size_t)1 << bits, sizeof(*list));
	uint32_t sub = keepable;

	if (!list)
		return NULL;
	for (;;) {
		if ((sub & must) == must)
			list[k++] = score(st, sub);
		if (sub == 0)
			break;
		sub = (sub - 1) & keepable;
	}
	qsort(list, k, sizeof(*list), by_preference);
	*n = k;
	return list;
}

static uint32_t keepable_mask(const mig_gpu_state *st, const mig_config_layout *w, uint32_t *busy)
{
	uint32_t keepable = 0;
	size_t i, j;

	*busy = 0;
	for (i = 0; i < st->gi_count; i++) {
		if (mig_reconcile__busy(&st->gis[i]) > 0)
			*busy |= 1u << i;
		for (j = 0; j < w->gi_count; j++)
			if (mig_reconcile__compatible(&st->gis[i], &w->gi[j]))
				keepable |= 1u << i;
	}
	return keepable;
}

int mig_reconcile__choose(mig_keep_choice *out, const mig_gpu_state *st,
			  const mig_config_layout *want, int keep_busy)
{
	mig_keep_choice c;
	uint32_t busy, keepable;
	candidate *list;
	size_t i, n = 0;

	if (st->gi_count > MIG_RECONCILE_SEARCH_MAX)
		return mig_error_set(MIG_EINVALID,
				     "GPU %u holds %zu GPU instances: too many to plan", st->index,
				     st->gi_count);
	keepable = keepable_mask(st, want, &busy);
	if (keep_busy && (busy & ~keepable))
		return MIG_ENOFIT;
	list = candidates(st, keepable, keep_busy ? busy : 0, &n);
	if (!list)
		return mig_error_oom();
	memset(&c, 0, sizeof(c));
	for (i = 0; i < n; i++)
		if (try_mask(&c, st, want, list[i].mask))
			break;
	free(list);
	if (i == n)
		return MIG_ENOFIT;
	*out = c;
	return 0;
}
