/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Exact placement search. Once the count rules hold (geometry_check.c), a request fits exactly
 * when its unplaced GIs can be given allowed, pairwise disjoint placements next to the placed
 * ones. That is a small exact-cover style search: GIs largest first (they have the fewest
 * placements), identical profiles in increasing start order (so that swapping two equal GIs is
 * never tried twice), and a cut when the GIs left need more memory slices than are free.
 */
#include "geometry_internal.h"

#include <string.h>

#include "error_util.h"
#include "banned.h"

struct search {
	mig_geo_set *s;
	size_t m;			    /* unplaced GIs */
	size_t order[MIG_GEO_SET_MAX];	    /* their indices in s, largest first */
	unsigned need[MIG_GEO_SET_MAX + 1]; /* memory slices needed by order[k..m) */
	uint32_t all;			    /* every position of the GPU */
};

static size_t profile_index(const mig_gpu *gpu, const mig_gi_profile *p)
{
	size_t i;

	for (i = 0; i < gpu->gi_profile_count; i++)
		if (&gpu->gi_profiles[i] == p)
			return i;
	return gpu->gi_profile_count;
}

/* Search order: more memory slices first, then more compute slices, equal profiles adjacent. */
static int search_before(const mig_gpu *gpu, const mig_gi_profile *a, const mig_gi_profile *b)
{
	if (a->mem_slices != b->mem_slices)
		return a->mem_slices > b->mem_slices;
	if (a->slices != b->slices)
		return a->slices > b->slices;
	return profile_index(gpu, a) < profile_index(gpu, b);
}

/* Indices of the unplaced GIs of s in search order; returns how many. */
static size_t sort_unplaced(const mig_geo_set *s, size_t *order)
{
	size_t i, k, m = 0;

	for (i = 0; i < s->n; i++) {
		if (s->gi[i].start >= 0)
			continue;
		for (k = m; k > 0; k--) {
			const mig_gi_profile *prev = s->gi[order[k - 1]].profile;

			if (!search_before(s->gpu, s->gi[i].profile, prev))
				break;
			order[k] = order[k - 1];
		}
		order[k] = i;
		m++;
	}
	return m;
}

static void search_init(struct search *c, mig_geo_set *s)
{
	size_t k;

	memset(c, 0, sizeof(*c));
	c->s = s;
	c->all = mig_geometry__all_mask(s->gpu);
	c->m = sort_unplaced(s, c->order);
	for (k = c->m; k > 0; k--)
		c->need[k - 1] = c->need[k] + s->gi[c->order[k - 1]].profile->mem_slices;
}

static int place_from(struct search *c, size_t k, uint32_t occupied)
{
	const mig_gpu *gpu = c->s->gpu;
	mig_instance *g;
	unsigned st = 0;

	if (k == c->m)
		return 1;
	if (c->need[k] > mig_geometry__popcount(c->all & ~occupied))
		return 0;
	g = &c->s->gi[c->order[k]];
	if (k > 0 && c->s->gi[c->order[k - 1]].profile == g->profile)
		st = (unsigned)c->s->gi[c->order[k - 1]].start + 1;
	for (; st < gpu->memory_slices && st < 32; st++) {
		uint32_t mask = mig_placement_mask(g->profile, st);

		if ((mask & occupied) || !mig_geometry_placement_allowed(g->profile, st) ||
		    !mig_geometry__inside(gpu, g->profile, (int)st))
			continue;
		g->start = (int)st;
		if (place_from(c, k + 1, occupied | mask))
			return 1;
	}
	g->start = -1;
	return 0;
}

int mig_geometry__search(mig_geo_set *s)
{
	struct search c;
	uint32_t held = 0;
	size_t i;

	search_init(&c, s);
	for (i = 0; i < s->n; i++)
		if (s->gi[i].start >= 0)
			held |= mig_placement_mask(s->gi[i].profile, (unsigned)s->gi[i].start);
	return place_from(&c, 0, held);
}

/*
 * When nothing fits, name the GI that breaks it: place the unplaced GIs largest first and
 * report the first one whose addition makes the search fail.
 */
static void find_no_room(const mig_geo_set *s, mig_violation *v)
{
	size_t order[MIG_GEO_SET_MAX];
	size_t i, k, m = sort_unplaced(s, order);
	mig_geo_set t;

	memset(v, 0, sizeof(*v));
	v->kind = MIG_VIOLATION_NO_ROOM;
	v->first = m ? (int)order[m - 1] : -1;
	v->second = -1;
	for (i = 0; i < s->n; i++)
		if (s->gi[i].start >= 0)
			v->slices |= mig_placement_mask(s->gi[i].profile, (unsigned)s->gi[i].start);
	for (k = 1; k <= m; k++) {
		memset(&t, 0, sizeof(t));
		t.gpu = s->gpu;
		for (i = 0; i < s->n; i++)
			if (s->gi[i].start >= 0)
				t.gi[t.n++] = s->gi[i];
		for (i = 0; i < k; i++)
			t.gi[t.n++] = s->gi[order[i]];
		if (!mig_geometry__search(&t)) {
			v->first = (int)order[k - 1];
			break;
		}
	}
	v->profile = v->first >= 0 ? s->gi[v->first].profile : NULL;
}

static int creation_before(const mig_instance *a, const mig_instance *b)
{
	if (!a->profile || !b->profile)
		return a->profile != NULL && b->profile == NULL;
	if (a->profile->mem_slices != b->profile->mem_slices)
		return a->profile->mem_slices > b->profile->mem_slices;
	if (a->start != b->start)
		return a->start < b->start;
	return a->profile->slices > b->profile->slices;
}

void mig_geometry__order(mig_instance *gi, size_t n)
{
	size_t i, k;

	for (i = 1; i < n; i++) {
		mig_instance cur = gi[i];

		for (k = i; k > 0 && creation_before(&cur, &gi[k - 1]); k--)
			gi[k] = gi[k - 1];
		gi[k] = cur;
	}
}

void mig_geometry_creation_order(mig_layout *l)
{
	if (l)
		mig_geometry__order(l->gi, l->count < MIG_LAYOUT_MAX ? l->count : MIG_LAYOUT_MAX);
}

static int fail(const mig_geo_set *s, const mig_violation *v, mig_violation *why)
{
	if (why)
		*why = *v;
	return mig_geometry__explain(s, v);
}

int mig_geometry_fit_around(mig_layout *out, const mig_layout *existing, const mig_layout *request,
			    mig_violation *why)
{
	mig_violation v;
	mig_geo_set s;
	size_t i;
	int rc;

	if (why) {
		memset(why, 0, sizeof(*why));
		why->first = why->second = -1;
	}
	if (!out || !request || !request->gpu)
		return mig_error_set(MIG_EINVALID, "no request or no GPU given");
	if (existing && existing->count && existing->gpu != request->gpu)
		return mig_error_set(MIG_EINVALID, "the existing instances are on another GPU");
	memset(&s, 0, sizeof(s));
	s.gpu = request->gpu;
	rc = existing ? mig_geometry__set_append(&s, existing, 1, 1) : 0;
	if (rc == 0)
		rc = mig_geometry__set_append(&s, request, 0, 0);
	if (rc < 0)
		return rc;
	if (mig_geometry__find_violation(&s, &v))
		return fail(&s, &v, why);
	if (!mig_geometry__search(&s)) {
		find_no_room(&s, &v);
		return fail(&s, &v, why);
	}
	mig_layout_init(out, request->gpu);
	for (i = s.n_existing; i < s.n; i++)
		out->gi[out->count++] = s.gi[i];
	mig_geometry__order(out->gi, out->count);
	return 0;
}

int mig_geometry_fit(mig_layout *out, const mig_layout *request, mig_violation *why)
{
	return mig_geometry_fit_around(out, NULL, request, why);
}
