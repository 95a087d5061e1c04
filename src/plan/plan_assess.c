/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the plan gives each workload, in the words of the report: how it is served (its own
 * instance, a share through MPS, whole GPUs), its throughput per replica, the memory and
 * throughput headroom, and a note saying why when MIG is not the answer.
 */
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "strbuf.h"
#include "banned.h"

/* The largest instance any fleet GPU offers, for "larger than the largest instance". */
static const mig_gi_profile *largest_instance(const struct plan_problem *pb, size_t *type)
{
	const mig_gi_profile *best = NULL;
	size_t t, i;

	for (t = 0; t < pb->type_count; t++)
		for (i = 0; i < pb->types[t].profile_count; i++)
			if (!best || pb->types[t].profiles[i]->memory_mib > best->memory_mib) {
				best = pb->types[t].profiles[i];
				*type = t;
			}
	return best;
}

static const mig_plan_instance *instance_of(const mig_plan *plan, const mig_plan_replica *r)
{
	return r->instance >= 0 ? &plan->gpus[r->gpu].instances[r->instance] : NULL;
}

/* Bandwidth the throughput targets of an instance's workloads take (MPS). */
static double instance_demand(const mig_plan *plan, const struct plan_problem *pb,
			      const mig_plan_instance *in)
{
	double sum = 0;
	size_t i;

	for (i = 0; i < in->workload_count; i++) {
		const mig_plan_workload *w = &plan->input->workloads[in->workloads[i]];

		if (w->throughput > 0)
			sum += w->throughput / w->replicas *
			       mig_plan__bytes_per_token(&pb->needs[in->workloads[i]], w);
	}
	return sum;
}

static void mps_headroom(mig_plan_assignment *a, const mig_plan *plan,
			 const struct plan_problem *pb, const mig_gpu *gpu, size_t w)
{
	double mem = 1, tput = -1;
	size_t r;

	for (r = 0; r < a->replica_count; r++) {
		const mig_plan_instance *in = instance_of(plan, &a->replicas[r]);
		double size = in->profile->memory_mib, left = (size - in->used_mib) / size;
		double demand = instance_demand(plan, pb, in), bw;

		mem = left < mem ? left : mem;
		if (plan->input->workloads[w].throughput <= 0 || demand <= 0)
			continue;
		bw = mig_plan__effective_bandwidth(plan->input, gpu, in->profile);
		if (tput < 0 || bw / demand - 1 < tput)
			tput = bw / demand - 1;
	}
	a->memory_headroom = mem;
	a->throughput_headroom = tput < 0 ? 0 : tput;
}

static void headroom(mig_plan_assignment *a, const mig_plan *plan, const struct plan_problem *pb,
		     size_t w)
{
	const mig_plan_workload *wl = &plan->input->workloads[w];
	const mig_gpu *gpu = plan->input->fleet[a->fleet_index].gpu;
	double size;

	if (a->serving == MIG_PLAN_SERVE_MPS) {
		mps_headroom(a, plan, pb, gpu, w);
		return;
	}
	size = a->profile ? a->profile->memory_mib : (double)gpu->memory_mib * a->tensor_parallel;
	a->memory_headroom = (size - a->need.total_mib) / size;
	if (wl->throughput > 0)
		a->throughput_headroom =
			(a->perf.decode_tokens_per_s * a->replica_count - wl->throughput) /
			wl->throughput;
}

static void note_full(mig_strbuf *sb, const mig_plan_assignment *a, const mig_plan *plan,
		      const struct plan_problem *pb)
{
	char need[32], big[32];
	size_t type = 0;
	const mig_gi_profile *largest = largest_instance(pb, &type);
	const char *key = plan->input->fleet[a->fleet_index].gpu->key;

	mig_strbuf_addf(sb,
			"not servable by MIG: needs %s per replica, more than the largest "
			"instance (%s on %s holds %s), and MIG instances cannot be joined; ",
			mig_plan__gib(need, sizeof(need), a->need.total_mib),
			largest ? largest->name : "none", pb->types[type].gpu->key,
			mig_plan__gib(big, sizeof(big), largest ? largest->memory_mib : 0));
	if (a->tensor_parallel > 1)
		mig_strbuf_addf(sb,
				"planned as tensor parallel over %u whole %s GPUs per replica "
				"with MIG off",
				a->tensor_parallel, key);
	else
		mig_strbuf_addf(sb, "planned on a whole %s with MIG off", key);
}

static void note_mps(mig_strbuf *sb, const mig_plan_assignment *a, const mig_plan *plan,
		     const struct plan_problem *pb)
{
	const mig_plan_instance *in = instance_of(plan, &a->replicas[0]);
	char need[32], small[32];
	unsigned smallest = 0;
	size_t t, i;

	for (t = 0; t < pb->type_count; t++)
		for (i = 0; i < pb->types[t].profile_count; i++)
			if (!smallest || pb->types[t].profiles[i]->memory_mib < smallest)
				smallest = pb->types[t].profiles[i]->memory_mib;
	mig_strbuf_addf(sb,
			"shares a %s with %zu other workload%s through MPS (isolation: "
			"shareable; needs %s, far less than the smallest instance, %s)",
			in->profile->name, in->workload_count - 1,
			in->workload_count > 2 ? "s" : "",
			mig_plan__gib(need, sizeof(need), a->need.total_mib),
			mig_plan__gib(small, sizeof(small), smallest));
}

static int note(mig_plan_assignment *a, const mig_plan *plan, const struct plan_problem *pb,
		size_t w)
{
	const mig_plan_workload *wl = &plan->input->workloads[w];
	mig_strbuf sb = MIG_STRBUF_INIT;

	if (a->serving == MIG_PLAN_SERVE_FULL_GPU)
		note_full(&sb, a, plan, pb);
	else if (a->serving == MIG_PLAN_SERVE_MPS)
		note_mps(&sb, a, plan, pb);
	if (a->serving != MIG_PLAN_SERVE_MPS && a->replica_count > wl->replicas)
		mig_strbuf_addf(&sb, "%s%u replicas for %.0f tokens/s (%u asked)",
				sb.len ? "; " : "", a->replica_count, wl->throughput, wl->replicas);
	if (sb.oom) {
		mig_strbuf_release(&sb);
		return mig_error_oom();
	}
	a->note = sb.len ? mig_strbuf_detach(&sb) : NULL;
	mig_strbuf_release(&sb);
	return 0;
}

static mig_plan_serving serving_of(const mig_plan *plan, const mig_plan_assignment *a)
{
	size_t r;

	if (a->replicas[0].instance < 0)
		return MIG_PLAN_SERVE_FULL_GPU;
	for (r = 0; r < a->replica_count; r++)
		if (instance_of(plan, &a->replicas[r])->workload_count > 1)
			return MIG_PLAN_SERVE_MPS;
	return MIG_PLAN_SERVE_MIG;
}

int mig_plan__assess(mig_plan *plan, const struct plan_problem *pb)
{
	size_t w;
	int rc;

	for (w = 0; w < plan->workload_count; w++) {
		mig_plan_assignment *a = &plan->workloads[w];

		if (!a->replica_count)
			return mig_error_set(MIG_ERROR, "plan: workload '%s' got no instance",
					     mig_plan__wname(plan->input, w));
		a->need = pb->needs[w];
		a->serving = serving_of(plan, a);
		rc = mig_plan_model_perf(&a->perf, plan->input, &plan->input->workloads[w],
					 plan->input->fleet[a->fleet_index].gpu, a->profile,
					 a->tensor_parallel);
		if (rc < 0 || (rc = note(a, plan, pb, w)) < 0)
			return rc;
		headroom(a, plan, pb, w);
	}
	return 0;
}
