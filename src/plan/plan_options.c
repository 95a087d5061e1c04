/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The ways a unit can be served: on each GPU type, `count` instances of one profile that holds
 * it (replicas are alike, so that one load balancer can spread requests evenly), or, where no
 * profile of the type holds it, `count` groups of whole GPUs with MIG off (tensor parallel:
 * MIG instances cannot be joined).
 */
#include "plan_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

int mig_plan__model_perf_kind(mig_plan_perf *out, const struct plan_problem *pb, size_t workload,
			      size_t kind)
{
	const struct plan_kind *k = &pb->kinds[kind];
	const struct plan_type *t = &pb->types[k->type];

	return mig_plan_model_perf(out, pb->in, &pb->in->workloads[workload], t->gpu,
				   k->profile >= 0 ? t->profiles[k->profile] : NULL,
				   k->profile >= 0 ? 1 : k->tp);
}

/* Instances that meet the replicas and the throughput target; 0 when beyond max_replicas. */
unsigned mig_plan__replicas_for(const mig_plan_workload *w, double per_instance)
{
	double need;

	if (w->throughput <= 0)
		return w->replicas;
	if (!(per_instance > 0))
		return 0;
	need = ceil(w->throughput / per_instance - 1e-9);
	if (need > w->max_replicas)
		return 0;
	return need > w->replicas ? (unsigned)need : w->replicas;
}

/* Whole GPUs one replica needs with MIG off, splitting weights and KV cache; 0: too many. */
unsigned mig_plan__tp_degree(const mig_plan_input *in, const mig_plan_need *n, const mig_gpu *gpu)
{
	double split = (double)n->weights_bytes + (double)n->kv_bytes;
	unsigned tp;

	for (tp = 1; tp <= in->model.max_tensor_parallel; tp++) {
		double per;

		if (n->given)
			per = (double)n->total_bytes / tp;
		else
			per = split / tp * (1 + in->model.overhead_fraction) +
			      (double)in->model.overhead_bytes;
		if (per <= (double)gpu->memory_mib * 1048576.0)
			return tp;
	}
	return 0;
}

static size_t whole_gpu_kind(struct plan_problem *pb, size_t type, unsigned tp)
{
	size_t i;

	for (i = 0; i < pb->kind_count; i++)
		if (pb->kinds[i].type == type && pb->kinds[i].profile < 0 && pb->kinds[i].tp == tp)
			return i;
	return PLAN_NONE;
}

static int add_option(struct plan_option *out, size_t cap, size_t *count, size_t kind, unsigned k)
{
	if (*count >= cap)
		return mig_error_set(MIG_ERROR, "too many options for one workload");
	out[*count].kind = kind;
	out[(*count)++].count = k;
	return 0;
}

static int workload_options_on(struct plan_problem *pb, size_t w, size_t t, struct plan_option *out,
			       size_t cap, size_t *count)
{
	const struct plan_type *type = &pb->types[t];
	const mig_plan_need *n = &pb->needs[w];
	mig_plan_perf perf;
	size_t i, kind;
	int fits = 0, rc;
	unsigned tp, k;

	for (i = 0; i < type->profile_count; i++) {
		if (n->total_mib > type->profiles[i]->memory_mib)
			continue;
		fits = 1;
		if ((rc = mig_plan__model_perf_kind(&perf, pb, w, type->kind_first + i)) < 0)
			return rc;
		k = mig_plan__replicas_for(&pb->in->workloads[w], perf.decode_tokens_per_s);
		if (k && (rc = add_option(out, cap, count, type->kind_first + i, k)) < 0)
			return rc;
	}
	if (fits || !(tp = mig_plan__tp_degree(pb->in, n, type->gpu)))
		return 0;
	kind = whole_gpu_kind(pb, t, tp);
	if (kind == PLAN_NONE && (rc = mig_plan__add_whole_kind(pb, t, tp, &kind)) < 0)
		return rc;
	if ((rc = mig_plan__model_perf_kind(&perf, pb, w, kind)) < 0)
		return rc;
	k = mig_plan__replicas_for(&pb->in->workloads[w], perf.decode_tokens_per_s);
	return k ? add_option(out, cap, count, kind, k) : 0;
}

static int group_options(struct plan_problem *pb, size_t g, struct plan_option *out, size_t cap,
			 size_t *count)
{
	const struct plan_group *grp = &pb->groups[g];
	size_t t, i;
	int rc;

	for (t = 0; t < pb->type_count; t++) {
		const struct plan_type *type = &pb->types[t];

		for (i = 0; i < type->profile_count; i++) {
			const mig_gi_profile *p = type->profiles[i];

			if (grp->mib > p->memory_mib ||
			    grp->bytes_per_s > mig_plan__effective_bandwidth(pb->in, type->gpu, p))
				continue;
			if ((rc = add_option(out, cap, count, type->kind_first + i, 1)) < 0)
				return rc;
		}
	}
	return 0;
}

int mig_plan__unit_options(struct plan_problem *pb, size_t workload, size_t group,
			   struct plan_option *out, size_t cap, size_t *count)
{
	size_t t;
	int rc;

	*count = 0;
	if (group != PLAN_NONE)
		return group_options(pb, group, out, cap, count);
	for (t = 0; t < pb->type_count; t++)
		if ((rc = workload_options_on(pb, workload, t, out, cap, count)) < 0)
			return rc;
	return 0;
}

/* The fastest kind for a workload, to explain a throughput no replica count reaches. */
static double fastest(struct plan_problem *pb, size_t w, size_t *best_kind)
{
	double best = 0;
	mig_plan_perf perf;
	size_t k;

	*best_kind = PLAN_NONE;
	for (k = 0; k < pb->kind_count; k++) {
		const struct plan_kind *kind = &pb->kinds[k];
		const struct plan_type *t = &pb->types[kind->type];

		if (kind->profile >= 0 &&
		    pb->needs[w].total_mib > t->profiles[kind->profile]->memory_mib)
			continue;
		if (mig_plan__model_perf_kind(&perf, pb, w, k) == 0 &&
		    perf.decode_tokens_per_s > best) {
			best = perf.decode_tokens_per_s;
			*best_kind = k;
		}
	}
	return best;
}

static void where_prefix(const struct plan_problem *pb, size_t w)
{
	const mig_plan_workload *wl = &pb->in->workloads[w];

	if (wl->where.line)
		mig_error_prefix("%s:%u:%u", pb->in->source, wl->where.line, wl->where.column);
}

int mig_plan__no_option_error(struct plan_problem *pb, size_t w)
{
	const mig_plan_workload *wl = &pb->in->workloads[w];
	char gib[32];
	size_t k;
	double best = fastest(pb, w, &k);

	if (k == PLAN_NONE) {
		mig_error_set(MIG_EINVALID,
			      "workload '%s' needs %s per replica: no GPU of the fleet holds it, "
			      "not even with tensor parallelism over %u GPUs",
			      wl->name, mig_plan__gib(gib, sizeof(gib), pb->needs[w].total_mib),
			      pb->in->model.max_tensor_parallel);
		mig_error_hint("add a larger GPU type to the fleet, or quantise the model");
	} else {
		const struct plan_kind *kind = &pb->kinds[k];
		const struct plan_type *t = &pb->types[kind->type];

		mig_error_set(MIG_EINVALID,
			      "workload '%s': a throughput of %.0f tokens/s needs %.0f replicas of "
			      "its fastest instance (%s on %s, %.1f tokens/s each), more than "
			      "max_replicas %u",
			      wl->name, wl->throughput, ceil(wl->throughput / best),
			      kind->profile >= 0 ? t->profiles[kind->profile]->name : "whole GPUs",
			      t->gpu->key, best, wl->max_replicas);
		mig_error_hint("lower the throughput or raise max_replicas");
	}
	where_prefix(pb, w);
	return MIG_EINVALID;
}
