/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Which rule a set of GIs breaks, and mig_geometry_check on top of it. The order of the
 * checks is the order that helps a user most: a start the profile never allows, then the
 * rules no placement can cure (counts, media engines, compute slices), then overlaps, which
 * moving a GI can cure.
 */
#include "geometry_internal.h"

#include <string.h>

#include "error_util.h"
#include "banned.h"

static void violation_init(mig_violation *v, mig_violation_kind kind, int first, int second,
			   const mig_gi_profile *p)
{
	v->kind = kind;
	v->first = first;
	v->second = second;
	v->profile = p;
	v->slices = 0;
}

static int profile_of_gpu(const mig_gpu *gpu, const mig_gi_profile *p)
{
	size_t i;

	for (i = 0; i < gpu->gi_profile_count; i++)
		if (&gpu->gi_profiles[i] == p)
			return 1;
	return 0;
}

int mig_geometry__set_append(mig_geo_set *s, const mig_layout *l, int existing, int placed_only)
{
	const char *who = existing ? "existing GI" : "GI";
	size_t i;

	if (l->count > MIG_LAYOUT_MAX || s->n + l->count > MIG_GEO_SET_MAX)
		return mig_error_set(MIG_EINVALID, "too many instances: a layout holds at most %d",
				     MIG_LAYOUT_MAX);
	for (i = 0; i < l->count; i++) {
		const mig_instance *g = &l->gi[i];

		if (!g->profile || !profile_of_gpu(s->gpu, g->profile))
			return mig_error_set(MIG_EINVALID, "%s #%zu has no profile of %s", who,
					     i + 1, s->gpu->nvml_name);
		if (placed_only && g->start < 0)
			return mig_error_set(MIG_EINVALID, "%s #%zu (%s) has no start", who, i + 1,
					     g->profile->name);
		s->gi[s->n++] = *g;
	}
	if (existing)
		s->n_existing = s->n;
	return 0;
}

static int find_bad_start(const mig_geo_set *s, mig_violation *v)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		const mig_instance *g = &s->gi[i];

		if (g->start < 0)
			continue;
		if (!mig_geometry_placement_allowed(g->profile, (unsigned)g->start) ||
		    !mig_geometry__inside(s->gpu, g->profile, g->start)) {
			violation_init(v, MIG_VIOLATION_PLACEMENT, (int)i, -1, g->profile);
			v->slices = mig_placement_mask(g->profile, (unsigned)g->start);
			return 1;
		}
	}
	return 0;
}

static int find_max_count(const mig_geo_set *s, mig_violation *v)
{
	size_t i, j;

	for (i = 0; i < s->n; i++) {
		const mig_gi_profile *p = s->gi[i].profile;
		unsigned seen = 0;
		int first = -1;

		for (j = 0; j <= i; j++) {
			if (s->gi[j].profile != p)
				continue;
			if (first < 0)
				first = (int)j;
			seen++;
		}
		if (seen > p->max_count) {
			violation_init(v, MIG_VIOLATION_MAX_COUNT, (int)i, first, p);
			return 1;
		}
	}
	return 0;
}

static int find_me(const mig_geo_set *s, mig_violation *v)
{
	int me = -1, me_all = -1;
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (s->gi[i].profile->variant != MIG_VARIANT_ME)
			continue;
		if (me >= 0) {
			violation_init(v, MIG_VIOLATION_ME_LIMIT, (int)i, me, s->gi[i].profile);
			return 1;
		}
		me = (int)i;
	}
	for (i = 0; i < s->n && me_all < 0; i++)
		if (s->gi[i].profile->variant == MIG_VARIANT_ME_ALL)
			me_all = (int)i;
	if (me_all < 0)
		return 0;
	for (i = 0; i < s->n; i++) {
		if ((int)i == me_all || s->gi[i].profile->variant == MIG_VARIANT_NO_ME)
			continue;
		violation_init(v, MIG_VIOLATION_ME_ALL, (int)i, me_all, s->gi[me_all].profile);
		return 1;
	}
	return 0;
}

static int find_totals(const mig_geo_set *s, mig_violation *v)
{
	unsigned compute = 0;
	size_t i;

	for (i = 0; i < s->n; i++) {
		compute += s->gi[i].profile->slices;
		if (compute > s->gpu->compute_slices) {
			violation_init(v, MIG_VIOLATION_COMPUTE_SLICES, (int)i, -1,
				       s->gi[i].profile);
			return 1;
		}
	}
	if (s->n > s->gpu->max_gpu_instances) {
		i = s->gpu->max_gpu_instances;
		violation_init(v, MIG_VIOLATION_MAX_INSTANCES, (int)i, -1, s->gi[i].profile);
		return 1;
	}
	return 0;
}

static int find_overlap(const mig_geo_set *s, mig_violation *v)
{
	size_t i, j;

	for (i = 0; i < s->n; i++) {
		uint32_t mine;

		if (s->gi[i].start < 0)
			continue;
		mine = mig_placement_mask(s->gi[i].profile, (unsigned)s->gi[i].start);
		for (j = 0; j < i; j++) {
			uint32_t both;

			if (s->gi[j].start < 0)
				continue;
			both = mine &
			       mig_placement_mask(s->gi[j].profile, (unsigned)s->gi[j].start);
			if (both) {
				violation_init(v, MIG_VIOLATION_OVERLAP, (int)i, (int)j,
					       s->gi[i].profile);
				v->slices = both;
				return 1;
			}
		}
	}
	return 0;
}

int mig_geometry__find_violation(const mig_geo_set *s, mig_violation *v)
{
	violation_init(v, MIG_VIOLATION_NONE, -1, -1, NULL);
	/* The media-engine rules go before max count: two "+me" GIs of one profile break both,
	 * and the media engine is the reason. */
	return find_bad_start(s, v) || find_me(s, v) || find_max_count(s, v) || find_totals(s, v) ||
	       find_overlap(s, v);
}

size_t mig_geometry__free_starts_except(const mig_geo_set *s, const mig_gi_profile *p, int skip,
					unsigned *starts, size_t cap)
{
	uint32_t held = 0;
	size_t i, n = 0;
	unsigned st;

	for (i = 0; i < s->n; i++)
		if ((int)i != skip && s->gi[i].start >= 0)
			held |= mig_placement_mask(s->gi[i].profile, (unsigned)s->gi[i].start);
	for (st = 0; st < s->gpu->memory_slices && st < 32; st++) {
		if (!mig_geometry_placement_allowed(p, st) ||
		    !mig_geometry__inside(s->gpu, p, (int)st) || (mig_placement_mask(p, st) & held))
			continue;
		if (starts && n < cap)
			starts[n] = st;
		n++;
	}
	return n;
}

int mig_geometry_check(const mig_layout *l, mig_violation *why)
{
	mig_violation v;
	mig_geo_set s;
	int rc;

	if (why)
		violation_init(why, MIG_VIOLATION_NONE, -1, -1, NULL);
	if (!l || !l->gpu)
		return mig_error_set(MIG_EINVALID, "no layout or no GPU given");
	memset(&s, 0, sizeof(s));
	s.gpu = l->gpu;
	rc = mig_geometry__set_append(&s, l, 0, 1);
	if (rc < 0)
		return rc;
	if (!mig_geometry__find_violation(&s, &v))
		return 0;
	if (why)
		*why = v;
	return mig_geometry__explain(&s, &v);
}
