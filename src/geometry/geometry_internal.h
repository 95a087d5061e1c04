/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_GEOMETRY_INTERNAL_H
#define MIGCTL_GEOMETRY_INTERNAL_H

/*
 * Shared between the files of src/geometry/. Two ideas carry the module:
 *
 *  - A tally sums up a set of GIs for the rules that depend on what is there, not where it is
 *    (max count, media engines, compute slices, number of GIs), plus the occupied mask. Once
 *    those rules hold, any non-overlapping choice of allowed placements is valid, which is what
 *    makes the exact placement search small.
 *  - A set is an ordered list of instances where the first n_existing are GIs that already
 *    exist on the GPU (fit_around) and the rest are the ones asked for. Explanations number
 *    them "existing GI #k" and "GI #k" so that a user can find them in what they typed.
 */

#include "migctl/geometry.h"

#include "strbuf.h"

/* Most instances one set can hold: the existing ones plus a full request. */
#define MIG_GEO_SET_MAX (2 * MIG_LAYOUT_MAX)

typedef struct mig_tally {
	const mig_gpu *gpu;
	uint32_t occupied;  /* positions held by placed GIs */
	unsigned count;	    /* GIs */
	unsigned compute;   /* compute slices */
	unsigned me;	    /* media-extension ("+me") GIs */
	unsigned me_all;    /* "+me.all" GIs */
	unsigned not_no_me; /* GIs that are not "-me" */
	size_t kinds;	    /* distinct profiles seen */
	const mig_gi_profile *kind[MIG_GEO_SET_MAX];
	unsigned kind_count[MIG_GEO_SET_MAX];
} mig_tally;

typedef struct mig_geo_set {
	const mig_gpu *gpu;
	size_t n;
	size_t n_existing;
	mig_instance gi[MIG_GEO_SET_MAX];
} mig_geo_set;

/* --- geometry_rules.c --- */

/* Mask of all positions of a GPU. */
uint32_t mig_geometry__all_mask(const mig_gpu *gpu);
unsigned mig_geometry__popcount(uint32_t mask);

void mig_geometry__tally_init(mig_tally *t, const mig_gpu *gpu);
/* Count a GI; start < 0 counts it without occupying positions. */
void mig_geometry__tally_add(mig_tally *t, const mig_gi_profile *p, int start);
unsigned mig_geometry__tally_count(const mig_tally *t, const mig_gi_profile *p);
/* The first count rule that one more GI of p would break, or MIG_VIOLATION_NONE. */
mig_violation_kind mig_geometry__count_rule(const mig_tally *t, const mig_gi_profile *p);
/* 1 when p may be added at start: allowed placement, free positions and every count rule. */
int mig_geometry__can_add(const mig_tally *t, const mig_gi_profile *p, unsigned start);

/* 1 when the placement [start, start + mem_slices) lies inside the GPU. */
int mig_geometry__inside(const mig_gpu *gpu, const mig_gi_profile *p, int start);

/* --- geometry_check.c --- */

/*
 * Append the instances of l to s (as existing GIs when existing is set: append those first).
 * Each must have a profile of s->gpu and, when placed_only, a start. Returns 0, or
 * MIG_EINVALID naming the GI.
 */
int mig_geometry__set_append(mig_geo_set *s, const mig_layout *l, int existing, int placed_only);

/*
 * Find the first rule a set breaks: a placed GI at a start its profile does not allow, then
 * the count rules over all instances (placed or not), then an overlap between placed GIs.
 * Returns 1 and fills v when a rule is broken, else 0 (v then says MIG_VIOLATION_NONE).
 */
int mig_geometry__find_violation(const mig_geo_set *s, mig_violation *v);

/* Start positions where p fits next to the placed GIs of s, leaving out GI skip (or -1);
 * positions only, the count rules are the caller's. Returns how many (starts may be NULL). */
size_t mig_geometry__free_starts_except(const mig_geo_set *s, const mig_gi_profile *p, int skip,
					unsigned *starts, size_t cap);

/* --- geometry_fit.c --- */

/*
 * Give every unplaced GI of s a start so that no two GIs overlap (exact search; the count
 * rules must already hold). Returns 1 and writes the starts into s, or 0 and leaves s as it
 * was.
 */
int mig_geometry__search(mig_geo_set *s);

/* Sort instances into creation order: larger mem_slices first, then by start. */
void mig_geometry__order(mig_instance *gi, size_t n);

/* --- geometry_explain.c --- */

/*
 * Record the error for a violation of s (message: which GI holds which slices and which rule;
 * hint: the way out where one exists). Returns MIG_ENOFIT.
 */
int mig_geometry__explain(const mig_geo_set *s, const mig_violation *v);

/* Append a mask as position ranges: "0-3", "1, 5-6". */
void mig_geometry__add_ranges(mig_strbuf *sb, uint32_t mask);

/* Append "GI #2 (3g.40gb at 4)" or "existing GI #1 (3g.40gb at 0)" for instance i of s. */
void mig_geometry__add_gi(mig_strbuf *sb, const mig_geo_set *s, size_t i);

#endif
