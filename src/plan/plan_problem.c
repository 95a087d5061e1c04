/* SPDX-License-Identifier: Apache-2.0 */
/*
 * From the input to the aggregated problem (plan_internal.h): GPU types with their layout
 * patterns, kinds of instances, units (workloads and MPS groups) and their classes.
 */
#include "plan_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

static int kinds_reserve(struct plan_problem *pb, size_t more)
{
	struct plan_kind *k = realloc(pb->kinds, (pb->kind_count + more) * sizeof(*k));

	if (!k)
		return mig_error_oom();
	pb->kinds = k;
	return 0;
}

int mig_plan__add_whole_kind(struct plan_problem *pb, size_t type, unsigned tp, size_t *out)
{
	int rc = kinds_reserve(pb, 1);

	if (rc < 0)
		return rc;
	pb->kinds[pb->kind_count].type = type;
	pb->kinds[pb->kind_count].profile = -1;
	pb->kinds[pb->kind_count].tp = tp;
	*out = pb->kind_count++;
	return 0;
}

unsigned mig_plan__kind_gpus(const struct plan_problem *pb, size_t kind)
{
	return pb->kinds[kind].profile < 0 ? pb->kinds[kind].tp : 0;
}

unsigned mig_plan__kind_slices(const struct plan_problem *pb, size_t kind)
{
	const struct plan_kind *k = &pb->kinds[kind];
	const struct plan_type *t = &pb->types[k->type];

	if (k->profile < 0)
		return t->gpu->memory_slices * k->tp;
	return t->profiles[k->profile]->mem_slices;
}

unsigned mig_plan__type_capacity(const struct plan_problem *pb, size_t type)
{
	return pb->types[type].gpu->memory_slices + pb->types[type].gpu->compute_slices;
}

unsigned mig_plan__kind_capacity(const struct plan_problem *pb, size_t kind)
{
	const struct plan_kind *k = &pb->kinds[kind];
	const mig_gi_profile *p;

	if (k->profile < 0)
		return mig_plan__type_capacity(pb, k->type) * k->tp;
	p = pb->types[k->type].profiles[k->profile];
	return p->mem_slices + p->slices;
}

static int setup_type(struct plan_problem *pb, size_t i)
{
	struct plan_type *t = &pb->types[i];
	const mig_gpu *gpu = pb->in->fleet[i].gpu;
	size_t j;
	int rc;

	t->entry = &pb->in->fleet[i];
	t->gpu = gpu;
	t->price = llround(t->entry->price_per_hour * PLAN_PRICE_SCALE);
	t->limit = t->entry->count;
	for (j = 0; j < gpu->gi_profile_count && t->profile_count < PLAN_MAX_PROFILES; j++)
		if (mig_geometry_profile_enabled(&gpu->gi_profiles[j], pb->enum_flags))
			t->profiles[t->profile_count++] = &gpu->gi_profiles[j];
	if ((rc = kinds_reserve(pb, t->profile_count)) < 0)
		return rc;
	t->kind_first = pb->kind_count;
	for (j = 0; j < t->profile_count; j++) {
		pb->kinds[pb->kind_count].type = i;
		pb->kinds[pb->kind_count].profile = (int)j;
		pb->kinds[pb->kind_count++].tp = 0;
	}
	return mig_geometry_enumerate(&pb->layouts[i], gpu, pb->enum_flags);
}

static int profile_index(const struct plan_type *t, const mig_gi_profile *p)
{
	size_t i;

	for (i = 0; i < t->profile_count; i++)
		if (t->profiles[i] == p)
			return (int)i;
	return -1;
}

/* The distinct profile multisets of a type's complete layouts become its patterns. */
static int setup_patterns(struct plan_problem *pb, size_t ti)
{
	struct plan_type *t = &pb->types[ti];
	const mig_layout_list *list = pb->layouts[ti];
	size_t i, j, p;
	struct plan_pattern *grown;

	t->pattern_first = pb->pattern_count;
	grown = realloc(pb->patterns, (pb->pattern_count + list->count) * sizeof(*grown));
	if (!grown)
		return mig_error_oom();
	pb->patterns = grown;
	for (i = 0; i < list->count; i++) {
		struct plan_pattern pat;

		memset(&pat, 0, sizeof(pat));
		pat.type = ti;
		pat.layout = &list->items[i];
		for (j = 0; j < list->items[i].count; j++) {
			int k = profile_index(t, list->items[i].gi[j].profile);

			if (k < 0)
				return mig_error_set(MIG_ERROR,
						     "layout with a profile not enabled");
			pat.count[k]++;
			pat.instances++;
		}
		for (p = t->pattern_first; p < pb->pattern_count; p++)
			if (memcmp(pb->patterns[p].count, pat.count, sizeof(pat.count)) == 0)
				break;
		if (p == pb->pattern_count)
			pb->patterns[pb->pattern_count++] = pat;
	}
	t->pattern_count = pb->pattern_count - t->pattern_first;
	return 0;
}

static int setup_needs(struct plan_problem *pb)
{
	size_t w;
	int rc;

	pb->needs = calloc(pb->in->workload_count ? pb->in->workload_count : 1, sizeof(*pb->needs));
	if (!pb->needs)
		return mig_error_oom();
	for (w = 0; w < pb->in->workload_count; w++)
		if ((rc = mig_plan_model_need(&pb->needs[w], pb->in, &pb->in->workloads[w])) < 0)
			return rc;
	return 0;
}

static int setup_fleet(struct plan_problem *pb)
{
	size_t i;
	int rc;

	if (pb->in->fleet_count == 0)
		return mig_error_set(MIG_EINVALID,
				     "%s: the fleet is empty: list GPU types under "
				     "'fleet'",
				     pb->in->source);
	pb->types = calloc(pb->in->fleet_count, sizeof(*pb->types));
	pb->layouts = calloc(pb->in->fleet_count, sizeof(*pb->layouts));
	if (!pb->types || !pb->layouts)
		return mig_error_oom();
	pb->type_count = pb->in->fleet_count;
	for (i = 0; i < pb->type_count; i++)
		if ((rc = setup_type(pb, i)) < 0 || (rc = setup_patterns(pb, i)) < 0)
			return rc;
	return 0;
}

int mig_plan__problem_build(struct plan_problem *pb, const mig_plan_input *in,
			    const mig_plan_options *opts)
{
	int *eligible = NULL;
	int rc;

	memset(pb, 0, sizeof(*pb));
	pb->in = in;
	pb->enum_flags = opts->enum_flags;
	if ((rc = setup_fleet(pb)) < 0 || (rc = setup_needs(pb)) < 0)
		goto out;
	eligible = calloc(in->workload_count ? in->workload_count : 1, sizeof(*eligible));
	if (!eligible) {
		rc = mig_error_oom();
		goto out;
	}
	if (!opts->no_mps && (rc = mig_plan__mps_group(pb, eligible)) < 0)
		goto out;
	rc = mig_plan__problem_classes(pb, eligible);
	if (rc == 0)
		rc = mig_plan__mark_dominated(pb);
	if (rc == 0)
		rc = mig_plan__mark_needed_patterns(pb);
out:
	free(eligible);
	if (rc < 0)
		mig_plan__problem_release(pb);
	return rc;
}

void mig_plan__problem_release(struct plan_problem *pb)
{
	size_t i;

	for (i = 0; pb->layouts && i < pb->type_count; i++)
		mig_layout_list_free(pb->layouts[i]);
	free(pb->layouts);
	free(pb->types);
	free(pb->patterns);
	free(pb->kinds);
	free(pb->options);
	free(pb->classes);
	free(pb->units);
	free(pb->class_units);
	free(pb->groups);
	free(pb->group_members);
	free(pb->needs);
	free(pb->dominated);
	free(pb->pattern_needed);
	free(pb->pattern_cover);
	memset(pb, 0, sizeof(*pb));
}
