/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Turning a violation into words: the message names the GIs involved (their number in what the
 * user asked for, their profile and start), the slices in question and the rule; the hint gives
 * a way out when one exists (a free placement, the same request with other starts, a profile
 * that does not need the contested engine).
 */
#include "geometry_internal.h"

#include <string.h>

#include "error_util.h"
#include "banned.h"

/* NVML_GPU_INSTANCE_PROFILE_1_SLICE_REV2 never stands in for a plain 1g. */
#define NVML_GI_1_SLICE_REV2 9u

void mig_geometry__add_ranges(mig_strbuf *sb, uint32_t mask)
{
	unsigned pos = 0;
	int first = 1;

	while (pos < 32) {
		unsigned end = pos;

		if (!(mask & (1u << pos))) {
			pos++;
			continue;
		}
		while (end + 1 < 32 && (mask & (1u << (end + 1))))
			end++;
		mig_strbuf_adds(sb, first ? "" : ", ");
		if (end == pos)
			mig_strbuf_addf(sb, "%u", pos);
		else
			mig_strbuf_addf(sb, "%u-%u", pos, end);
		first = 0;
		pos = end + 1;
	}
}

static void add_slices(mig_strbuf *sb, uint32_t mask)
{
	mig_strbuf_adds(sb, mig_geometry__popcount(mask) == 1 ? "slice " : "slices ");
	mig_geometry__add_ranges(sb, mask);
}

void mig_geometry__add_gi(mig_strbuf *sb, const mig_geo_set *s, size_t i)
{
	const mig_instance *g = &s->gi[i];

	if (i < s->n_existing)
		mig_strbuf_addf(sb, "existing GI #%zu (%s", i + 1, g->profile->name);
	else
		mig_strbuf_addf(sb, "GI #%zu (%s", i - s->n_existing + 1, g->profile->name);
	if (g->start >= 0)
		mig_strbuf_addf(sb, " at %d", g->start);
	mig_strbuf_addch(sb, ')');
}

static int finish(int code, mig_strbuf *msg, mig_strbuf *hint)
{
	mig_error_set(code, "%s", mig_strbuf_str(msg));
	if (hint->len)
		mig_error_hint("%s", mig_strbuf_str(hint));
	mig_strbuf_release(msg);
	mig_strbuf_release(hint);
	return code;
}

static void add_placements(mig_strbuf *sb, const mig_gi_profile *p)
{
	size_t i;

	for (i = 0; i < p->placement_count; i++)
		mig_strbuf_addf(sb, "%s%u", i ? ", " : "", p->placements[i].start);
	if (p->placement_count == 0)
		mig_strbuf_adds(sb, "none");
}

/* "choose 3g.40gb@4", "choose 1g.10gb@4, 1g.10gb@5 or 1g.10gb@6", or the free list. */
static int hint_starts(mig_strbuf *hint, const mig_gi_profile *p, const unsigned *st, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	if (n > 3) {
		mig_strbuf_addf(hint, "free placements of %s:", p->name);
		for (i = 0; i < n && i < MIG_MAX_SLICES; i++)
			mig_strbuf_addf(hint, "%s %u", i ? "," : "", st[i]);
		return 1;
	}
	mig_strbuf_adds(hint, "choose ");
	for (i = 0; i < n; i++) {
		if (i > 0)
			mig_strbuf_adds(hint, i + 1 == n ? " or " : ", ");
		mig_strbuf_addf(hint, "%s@%u", p->name, st[i]);
	}
	return 1;
}

/* A free placement for GI i, where the others leave one. */
static int hint_move(mig_strbuf *hint, const mig_geo_set *s, int i)
{
	unsigned st[MIG_MAX_SLICES];
	size_t n;

	if (i < 0 || (size_t)i < s->n_existing)
		return 0;
	n = mig_geometry__free_starts_except(s, s->gi[i].profile, i, st, MIG_MAX_SLICES);
	return hint_starts(hint, s->gi[i].profile, st, n);
}

/* When the requested GIs fit with other starts, say which. */
static int hint_refit(mig_strbuf *hint, const mig_geo_set *s)
{
	mig_geo_set t = *s;
	mig_instance placed[MIG_GEO_SET_MAX];
	size_t i, n = 0;

	for (i = t.n_existing; i < t.n; i++)
		t.gi[i].start = -1;
	if (!mig_geometry__search(&t))
		return 0;
	for (i = t.n_existing; i < t.n; i++)
		placed[n++] = t.gi[i];
	mig_geometry__order(placed, n);
	mig_strbuf_adds(hint, "it fits as");
	for (i = 0; i < n; i++)
		mig_strbuf_addf(hint, " %s@%d", placed[i].profile->name, placed[i].start);
	return 1;
}

/* The profile of the same size with another variant ("1g.10gb" for "1g.10gb+me"). */
static const mig_gi_profile *sibling(const mig_gpu *gpu, const mig_gi_profile *p,
				     mig_profile_variant v)
{
	size_t i;

	for (i = 0; i < gpu->gi_profile_count; i++) {
		const mig_gi_profile *q = &gpu->gi_profiles[i];

		if (q->variant == v && q->slices == p->slices && q->mem_slices == p->mem_slices &&
		    q->nvml_profile != NVML_GI_1_SLICE_REV2)
			return q;
	}
	return NULL;
}

static unsigned count_profile(const mig_geo_set *s, const mig_gi_profile *p, size_t from, size_t to)
{
	unsigned n = 0;

	for (; from < to; from++)
		n += s->gi[from].profile == p;
	return n;
}

static void explain_placement(mig_strbuf *msg, mig_strbuf *hint, const mig_geo_set *s,
			      const mig_violation *v)
{
	const mig_instance *g = &s->gi[v->first];

	if ((size_t)v->first < s->n_existing) {
		mig_geometry__add_gi(msg, s, (size_t)v->first);
		mig_strbuf_adds(msg, ": ");
	}
	mig_strbuf_addf(msg, "%s cannot start at %d: its placements are ", g->profile->name,
			g->start);
	add_placements(msg, g->profile);
	if (!hint_move(hint, s, v->first) && (size_t)v->first >= s->n_existing)
		mig_strbuf_addf(hint, "no placement of %s is free next to the others",
				g->profile->name);
}

static void explain_overlap(mig_strbuf *msg, mig_strbuf *hint, const mig_geo_set *s,
			    const mig_violation *v)
{
	const mig_instance *a = &s->gi[v->first], *b = &s->gi[v->second];

	mig_strbuf_addf(msg, "%s@%d overlaps %s@%d: ", a->profile->name, a->start, b->profile->name,
			b->start);
	add_slices(msg, v->slices);
	mig_strbuf_adds(msg, mig_geometry__popcount(v->slices) == 1 ? " is" : " are");
	mig_strbuf_adds(msg, " held by ");
	mig_geometry__add_gi(msg, s, (size_t)v->second);
	if (hint_move(hint, s, v->first) || hint_move(hint, s, v->second) || hint_refit(hint, s))
		return;
	if ((size_t)v->second < s->n_existing) {
		mig_strbuf_adds(hint, "destroy ");
		mig_geometry__add_gi(hint, s, (size_t)v->second);
		mig_strbuf_adds(hint, " first");
	}
}

static void explain_max_count(mig_strbuf *msg, mig_strbuf *hint, const mig_geo_set *s,
			      const mig_violation *v)
{
	const mig_gi_profile *p = v->profile;
	unsigned old = count_profile(s, p, 0, s->n_existing);
	unsigned all = old + count_profile(s, p, s->n_existing, s->n);

	if (old)
		mig_strbuf_addf(msg, "%u x %s (%u existing, %u requested)", all, p->name, old,
				all - old);
	else
		mig_strbuf_addf(msg, "%u x %s requested", all, p->name);
	mig_strbuf_addf(msg, " but at most %u fit on %s", p->max_count, s->gpu->nvml_name);
	mig_strbuf_addf(hint, "remove %u x %s", all - p->max_count, p->name);
}

static void explain_me(mig_strbuf *msg, mig_strbuf *hint, const mig_geo_set *s,
		       const mig_violation *v)
{
	const mig_gi_profile *p = s->gi[v->first].profile, *alt;

	if (v->kind == MIG_VIOLATION_ME_LIMIT) {
		mig_strbuf_addf(msg, "+me limit: only one media-extension instance per GPU (%s): ",
				p->name);
		mig_geometry__add_gi(msg, s, (size_t)v->second);
		mig_strbuf_adds(msg, " and ");
		mig_geometry__add_gi(msg, s, (size_t)v->first);
		mig_strbuf_adds(msg, " are both +me");
		alt = sibling(s->gpu, p, MIG_VARIANT_PLAIN);
		if (alt && (size_t)v->first >= s->n_existing)
			mig_strbuf_addf(hint, "keep one +me instance: use %s instead of %s",
					alt->name, p->name);
		return;
	}
	mig_strbuf_adds(msg, "+me.all rule: ");
	mig_geometry__add_gi(msg, s, (size_t)v->second);
	mig_strbuf_adds(msg, " takes every media engine, so every other instance must be -me, "
			     "and ");
	mig_geometry__add_gi(msg, s, (size_t)v->first);
	mig_strbuf_adds(msg, " is not");
	alt = sibling(s->gpu, p, MIG_VARIANT_NO_ME);
	if (alt && (size_t)v->first >= s->n_existing)
		mig_strbuf_addf(hint, "use %s instead of %s", alt->name, p->name);
}

static void explain_totals(mig_strbuf *msg, mig_strbuf *hint, const mig_geo_set *s,
			   const mig_violation *v)
{
	const mig_gpu *gpu = s->gpu;
	unsigned compute = 0;
	size_t i;

	if (v->kind == MIG_VIOLATION_MAX_INSTANCES) {
		mig_strbuf_addf(msg, "%zu instances", s->n);
		if (s->n_existing)
			mig_strbuf_addf(msg, " (%zu existing, %zu requested)", s->n_existing,
					s->n - s->n_existing);
		else
			mig_strbuf_adds(msg, " requested");
		mig_strbuf_addf(msg, " but %s holds at most %u", gpu->nvml_name,
				gpu->max_gpu_instances);
		mig_strbuf_addf(hint, "remove %zu of them", s->n - gpu->max_gpu_instances);
		return;
	}
	for (i = 0; i < s->n; i++)
		compute += s->gi[i].profile->slices;
	mig_strbuf_addf(msg,
			"compute slices exceeded: the %sinstances need %u compute slices "
			"but %s has %u",
			s->n_existing ? "existing and requested " : "", compute, gpu->nvml_name,
			gpu->compute_slices);
	mig_strbuf_addf(hint, "remove instances worth %u compute slice%s",
			compute - gpu->compute_slices,
			compute - gpu->compute_slices == 1 ? "" : "s");
}

/* Name the existing GIs that sit on the placements of p. */
static void hint_destroy(mig_strbuf *hint, const mig_geo_set *s, const mig_gi_profile *p)
{
	uint32_t wanted = 0;
	size_t i, n = 0;

	for (i = 0; p && i < p->placement_count; i++)
		wanted |= mig_placement_mask(p, p->placements[i].start);
	for (i = 0; i < s->n_existing; i++) {
		if (!(mig_placement_mask(s->gi[i].profile, (unsigned)s->gi[i].start) & wanted))
			continue;
		mig_strbuf_adds(hint, n++ ? " or " : "destroy ");
		mig_geometry__add_gi(hint, s, i);
	}
	if (n)
		mig_strbuf_addf(hint, " to make room for %s", p->name);
}

static void explain_no_room(mig_strbuf *msg, mig_strbuf *hint, const mig_geo_set *s,
			    const mig_violation *v)
{
	uint32_t free_mask = mig_geometry__all_mask(s->gpu) & ~v->slices;
	unsigned need = 0, n = 0;
	size_t i;

	mig_strbuf_adds(msg, "no placement of all: ");
	for (i = 0; i < s->n; i++) {
		if (s->gi[i].start >= 0)
			continue;
		mig_strbuf_addf(msg, "%s%s", n++ ? " + " : "", s->gi[i].profile->name);
		need += s->gi[i].profile->mem_slices;
	}
	if (n > 1 && need > mig_geometry__popcount(free_mask)) {
		mig_strbuf_addf(msg, " need %u memory slices and %u are free", need,
				mig_geometry__popcount(free_mask));
	} else if (v->profile) {
		if (n > 1)
			mig_strbuf_addf(msg, " do not fit together; no placement is left for %s (",
					v->profile->name);
		else
			mig_strbuf_adds(msg, " has no free placement (");
		mig_strbuf_adds(msg, "its placements are ");
		add_placements(msg, v->profile);
		mig_strbuf_addch(msg, ')');
	}
	for (i = 0, n = 0; i < s->n; i++) {
		uint32_t held;

		if (s->gi[i].start < 0)
			continue;
		held = mig_placement_mask(s->gi[i].profile, (unsigned)s->gi[i].start);
		mig_strbuf_adds(msg, n++ ? ", " : "; ");
		add_slices(msg, held);
		if (n > 1)
			mig_strbuf_adds(msg, " by ");
		else
			mig_strbuf_adds(msg, mig_geometry__popcount(held) == 1 ? " is held by "
									       : " are held by ");
		mig_geometry__add_gi(msg, s, i);
	}
	if (!hint_refit(hint, s))
		hint_destroy(hint, s, v->profile);
}

int mig_geometry__explain(const mig_geo_set *s, const mig_violation *v)
{
	mig_strbuf msg = MIG_STRBUF_INIT, hint = MIG_STRBUF_INIT;

	switch (v->kind) {
	case MIG_VIOLATION_PLACEMENT:
		explain_placement(&msg, &hint, s, v);
		break;
	case MIG_VIOLATION_OVERLAP:
		explain_overlap(&msg, &hint, s, v);
		break;
	case MIG_VIOLATION_MAX_COUNT:
		explain_max_count(&msg, &hint, s, v);
		break;
	case MIG_VIOLATION_ME_LIMIT:
	case MIG_VIOLATION_ME_ALL:
		explain_me(&msg, &hint, s, v);
		break;
	case MIG_VIOLATION_COMPUTE_SLICES:
	case MIG_VIOLATION_MAX_INSTANCES:
		explain_totals(&msg, &hint, s, v);
		break;
	case MIG_VIOLATION_NO_ROOM:
		explain_no_room(&msg, &hint, s, v);
		break;
	default:
		mig_strbuf_adds(&msg, "the instances do not fit");
		break;
	}
	return finish(MIG_ENOFIT, &msg, &hint);
}
