/* SPDX-License-Identifier: Apache-2.0 */
/*
 * NVIDIA's coexistence rules (mig-geometry.md section 2) over memory-slice masks: layouts,
 * masks, the count rules, free placements, remaining capacity and the check of a layout.
 */
#include "geometry_internal.h"

#include <string.h>

#include "error_util.h"
#include "banned.h"

/* NVML_GPU_INSTANCE_PROFILE_1_SLICE_REV2: one compute slice on two memory slices. */
#define NVML_GI_1_SLICE_REV2 9u

void mig_layout_init(mig_layout *l, const mig_gpu *gpu)
{
	if (!l)
		return;
	memset(l, 0, sizeof(*l));
	l->gpu = gpu;
}

int mig_layout_add(mig_layout *l, const mig_gi_profile *p, int start)
{
	if (!l || !p)
		return mig_error_set(MIG_EINVALID, "no layout or no profile given");
	if (l->count >= MIG_LAYOUT_MAX)
		return mig_error_set(MIG_EINVALID, "too many instances: a layout holds at most %d",
				     MIG_LAYOUT_MAX);
	l->gi[l->count].profile = p;
	l->gi[l->count].start = start;
	l->count++;
	return 0;
}

uint32_t mig_placement_mask(const mig_gi_profile *p, unsigned start)
{
	uint32_t run;

	if (!p || p->mem_slices == 0 || start >= 32)
		return 0;
	run = p->mem_slices >= 32 ? UINT32_MAX : (1u << p->mem_slices) - 1u;
	return run << start;
}

uint32_t mig_layout_occupied(const mig_layout *l)
{
	uint32_t mask = 0;
	size_t i;

	if (!l)
		return 0;
	for (i = 0; i < l->count && i < MIG_LAYOUT_MAX; i++)
		if (l->gi[i].start >= 0)
			mask |= mig_placement_mask(l->gi[i].profile, (unsigned)l->gi[i].start);
	return mask;
}

int mig_geometry_placement_allowed(const mig_gi_profile *p, unsigned start)
{
	size_t i;

	if (!p || !p->placements)
		return 0;
	for (i = 0; i < p->placement_count; i++)
		if (p->placements[i].start == start)
			return 1;
	return 0;
}

uint32_t mig_geometry__all_mask(const mig_gpu *gpu)
{
	if (!gpu)
		return 0;
	if (gpu->memory_slices >= 32)
		return UINT32_MAX;
	return (1u << gpu->memory_slices) - 1u;
}

unsigned mig_geometry__popcount(uint32_t mask)
{
	unsigned n = 0;

	for (; mask; mask &= mask - 1)
		n++;
	return n;
}

int mig_geometry__inside(const mig_gpu *gpu, const mig_gi_profile *p, int start)
{
	return start >= 0 && (unsigned)start < gpu->memory_slices &&
	       p->mem_slices <= gpu->memory_slices - (unsigned)start;
}

void mig_geometry__tally_init(mig_tally *t, const mig_gpu *gpu)
{
	memset(t, 0, sizeof(*t));
	t->gpu = gpu;
}

void mig_geometry__tally_add(mig_tally *t, const mig_gi_profile *p, int start)
{
	size_t k;

	t->count++;
	t->compute += p->slices;
	t->me += p->variant == MIG_VARIANT_ME;
	t->me_all += p->variant == MIG_VARIANT_ME_ALL;
	t->not_no_me += p->variant != MIG_VARIANT_NO_ME;
	if (start >= 0)
		t->occupied |= mig_placement_mask(p, (unsigned)start);
	for (k = 0; k < t->kinds; k++) {
		if (t->kind[k] == p) {
			t->kind_count[k]++;
			return;
		}
	}
	if (t->kinds < MIG_GEO_SET_MAX) {
		t->kind[t->kinds] = p;
		t->kind_count[t->kinds++] = 1;
	}
}

unsigned mig_geometry__tally_count(const mig_tally *t, const mig_gi_profile *p)
{
	size_t k;

	for (k = 0; k < t->kinds; k++)
		if (t->kind[k] == p)
			return t->kind_count[k];
	return 0;
}

mig_violation_kind mig_geometry__count_rule(const mig_tally *t, const mig_gi_profile *p)
{
	if (p->variant == MIG_VARIANT_ME && t->me > 0)
		return MIG_VIOLATION_ME_LIMIT;
	/* nvml.h: while an ALL_ME instance exists only NO_ME profiles can be allocated. */
	if (t->me_all > 0 && p->variant != MIG_VARIANT_NO_ME)
		return MIG_VIOLATION_ME_ALL;
	if (p->variant == MIG_VARIANT_ME_ALL && t->not_no_me > 0)
		return MIG_VIOLATION_ME_ALL;
	if (mig_geometry__tally_count(t, p) >= p->max_count)
		return MIG_VIOLATION_MAX_COUNT;
	if (t->compute + p->slices > t->gpu->compute_slices)
		return MIG_VIOLATION_COMPUTE_SLICES;
	if (t->count >= t->gpu->max_gpu_instances)
		return MIG_VIOLATION_MAX_INSTANCES;
	return MIG_VIOLATION_NONE;
}

int mig_geometry__can_add(const mig_tally *t, const mig_gi_profile *p, unsigned start)
{
	if (start >= t->gpu->memory_slices || !mig_geometry_placement_allowed(p, start))
		return 0;
	if (!mig_geometry__inside(t->gpu, p, (int)start))
		return 0;
	if (mig_placement_mask(p, start) & t->occupied)
		return 0;
	return mig_geometry__count_rule(t, p) == MIG_VIOLATION_NONE;
}

/* Tally of the placed GIs of a layout; 0 when the layout cannot be used. */
static int tally_placed(mig_tally *t, const mig_layout *l, const mig_gi_profile *p)
{
	size_t i;

	if (!l || !l->gpu || !p)
		return 0;
	mig_geometry__tally_init(t, l->gpu);
	for (i = 0; i < l->count && i < MIG_LAYOUT_MAX; i++)
		if (l->gi[i].profile && l->gi[i].start >= 0)
			mig_geometry__tally_add(t, l->gi[i].profile, l->gi[i].start);
	return 1;
}

size_t mig_geometry_free_starts(const mig_layout *l, const mig_gi_profile *p, unsigned *starts,
				size_t cap)
{
	mig_tally t;
	size_t n = 0;
	unsigned s;

	if (!tally_placed(&t, l, p))
		return 0;
	for (s = 0; s < l->gpu->memory_slices && s < 32; s++) {
		if (!mig_geometry__can_add(&t, p, s))
			continue;
		if (starts && n < cap)
			starts[n] = s;
		n++;
	}
	return n;
}

unsigned mig_geometry_remaining_capacity(const mig_layout *l, const mig_gi_profile *p)
{
	mig_tally t, more;
	unsigned by_place = 0, by_count = 0;
	uint32_t occupied;
	unsigned s;

	if (!tally_placed(&t, l, p))
		return 0;
	/* Placements of one profile all have the same size, so taking the free ones from the
	 * left is the largest set of them that fits together (interval scheduling). */
	occupied = t.occupied;
	for (s = 0; s < l->gpu->memory_slices && s < 32; s++) {
		uint32_t mask = mig_placement_mask(p, s);

		if (mig_geometry_placement_allowed(p, s) &&
		    mig_geometry__inside(l->gpu, p, (int)s) && !(mask & occupied)) {
			occupied |= mask;
			by_place++;
		}
	}
	/* The count rules only ever get tighter as GIs are added. */
	more = t;
	while (by_count < by_place && mig_geometry__count_rule(&more, p) == MIG_VIOLATION_NONE) {
		mig_geometry__tally_add(&more, p, -1);
		by_count++;
	}
	return by_count;
}

int mig_geometry_profile_enabled(const mig_gi_profile *p, unsigned flags)
{
	if (!p)
		return 0;
	if (p->nvml_profile == NVML_GI_1_SLICE_REV2)
		return (flags & MIG_ENUM_WIDE) != 0;
	switch (p->variant) {
	case MIG_VARIANT_PLAIN:
		return 1;
	case MIG_VARIANT_ME:
		return (flags & MIG_ENUM_ME) != 0;
	default:
		return (flags & MIG_ENUM_OTHER) != 0;
	}
}

const char *mig_violation_name(mig_violation_kind kind)
{
	static const char *const names[MIG_VIOLATION__COUNT] = {
		[MIG_VIOLATION_NONE] = "none",
		[MIG_VIOLATION_PLACEMENT] = "placement",
		[MIG_VIOLATION_OVERLAP] = "overlap",
		[MIG_VIOLATION_MAX_COUNT] = "max count",
		[MIG_VIOLATION_ME_LIMIT] = "+me limit",
		[MIG_VIOLATION_ME_ALL] = "+me.all",
		[MIG_VIOLATION_COMPUTE_SLICES] = "compute slices",
		[MIG_VIOLATION_MAX_INSTANCES] = "max instances",
		[MIG_VIOLATION_NO_ROOM] = "no room",
	};

	if ((unsigned)kind >= MIG_VIOLATION__COUNT)
		return "unknown";
	return names[kind];
}
