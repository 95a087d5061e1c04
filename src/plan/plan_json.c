/* SPDX-License-Identifier: Apache-2.0 */
/* The plan as JSON: summary, fleet, GPUs with placements, workloads, baselines. */
#include "plan_internal.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

/* A number, or null when it is not one (an LP bound that could not be computed). */
static json_t *num(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *summary(const mig_plan *p)
{
	const mig_plan_stats *s = &p->stats;

	return json_pack("{s:s, s:b, s:b, s:i, s:o, s:o, s:o, s:o, s:o, s:o, s:i, s:i, s:i, s:i, "
			 "s:i, s:i}",
			 "solver", s->solver, "optimal", s->optimal, "gpus_optimal",
			 s->gpus_optimal, "gpus", (int)s->gpus, "cost_per_hour",
			 num(s->cost_per_hour), "lp_bound", num(s->lp_bound), "best_bound",
			 num(s->best_bound), "gap", num(s->gap), "solve_ms", num(s->solve_ms),
			 "price_ms", num(s->price_ms), "free_instances", (int)s->free_instances,
			 "leftover_slices", (int)s->leftover_slices, "workload_classes",
			 (int)s->workload_classes, "layout_patterns", (int)s->layout_patterns,
			 "variables", (int)s->variables, "constraints", (int)s->constraints);
}

static json_t *fleet(const mig_plan *p)
{
	json_t *a = json_array();
	size_t i, g;

	for (i = 0; a && i < p->input->fleet_count; i++) {
		const mig_plan_fleet_entry *e = &p->input->fleet[i];
		int used = 0;

		for (g = 0; g < p->gpu_count; g++)
			used += p->gpus[g].fleet_index == i;
		json_array_append_new(
			a, json_pack("{s:s, s:s, s:o, s:o, s:i, s:i}", "name", e->name, "gpu",
				     e->gpu->key, "count",
				     e->count == MIG_PLAN_UNLIMITED ? json_string("unlimited")
								    : json_integer(e->count),
				     "price_per_hour", num(e->price_per_hour), "gpus_per_node",
				     (int)e->gpus_per_node, "used", used));
	}
	return a;
}

static json_t *names(const mig_plan *p, const size_t *w, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < n; i++)
		json_array_append_new(a, json_string(mig_plan__wname(p->input, w[i])));
	return a;
}

static json_t *instances(const mig_plan *p, const mig_plan_gpu *g)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < g->layout.count; i++) {
		const mig_plan_instance *in = &g->instances[i];

		json_array_append_new(a, json_pack("{s:s, s:i, s:i, s:i, s:i, s:o}", "profile",
						   in->profile->name, "profile_id",
						   (int)in->profile->id, "start", in->start,
						   "memory_mib", (int)in->profile->memory_mib,
						   "used_mib", (int)in->used_mib, "workloads",
						   names(p, in->workloads, in->workload_count)));
	}
	return a;
}

static json_t *gpus(const mig_plan *p)
{
	json_t *a = json_array();
	char node[96];
	size_t i;

	for (i = 0; a && i < p->gpu_count; i++) {
		const mig_plan_gpu *g = &p->gpus[i];
		const mig_plan_fleet_entry *e = &p->input->fleet[g->fleet_index];
		json_t *o = json_pack("{s:i, s:s, s:s, s:s, s:i, s:b}", "id", (int)i, "fleet",
				      e->name, "gpu", e->gpu->key, "node",
				      mig_plan__node_name(node, sizeof(node), p, i), "device",
				      (int)g->device, "mig_enabled", g->mig_enabled);

		if (o && g->mig_enabled)
			json_object_set_new(o, "instances", instances(p, g));
		else if (o)
			json_object_set_new(
				o, "workload",
				json_string(mig_plan__wname(p->input, g->full_workload)));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *need(const mig_plan_need *n)
{
	return json_pack("{s:i, s:I, s:I, s:I, s:I, s:b}", "total_mib", (int)n->total_mib,
			 "weights_bytes", (json_int_t)n->weights_bytes, "kv_bytes",
			 (json_int_t)n->kv_bytes, "overhead_bytes", (json_int_t)n->overhead_bytes,
			 "total_bytes", (json_int_t)n->total_bytes, "given", n->given);
}

static json_t *replicas(const mig_plan *p, const mig_plan_assignment *a)
{
	json_t *arr = json_array();
	size_t r;

	for (r = 0; arr && r < a->replica_count; r++) {
		const mig_plan_replica *rep = &a->replicas[r];
		json_t *o = json_pack("{s:i}", "gpu", (int)rep->gpu);

		if (o && rep->instance >= 0) {
			const mig_plan_instance *in = &p->gpus[rep->gpu].instances[rep->instance];

			json_object_set_new(o, "instance", json_integer(rep->instance));
			json_object_set_new(o, "profile", json_string(in->profile->name));
			json_object_set_new(o, "start", json_integer(in->start));
		} else if (o) {
			json_object_set_new(o, "gpus", json_integer(a->tensor_parallel));
		}
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *workload(const mig_plan *p, size_t w)
{
	const mig_plan_assignment *a = &p->workloads[w];
	const mig_plan_workload *wl = &p->input->workloads[w];

	return json_pack(
		"{s:s, s:s, s:o, s:s, s:o, s:i, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "name",
		wl->name, "serving", mig_plan_serving_name(a->serving), "need", need(&a->need),
		"gpu", p->input->fleet[a->fleet_index].gpu->key, "profile",
		a->profile ? json_string(a->profile->name) : json_null(), "tensor_parallel",
		(int)a->tensor_parallel, "replicas", replicas(p, a), "decode_tokens_per_s",
		num(a->perf.decode_tokens_per_s), "prefill_tokens_per_s",
		num(a->perf.prefill_tokens_per_s), "throughput_target", num(wl->throughput),
		"memory_headroom", num(a->memory_headroom), "throughput_headroom",
		num(a->throughput_headroom), "note", a->note ? json_string(a->note) : json_null());
}

static json_t *workloads(const mig_plan *p)
{
	json_t *a = json_array();
	size_t w;

	for (w = 0; a && w < p->workload_count; w++)
		json_array_append_new(a, workload(p, w));
	return a;
}

static json_t *baselines(const mig_plan *p)
{
	json_t *a = json_array();
	int k;

	for (k = 0; a && k < MIG_PLAN_BASELINE__COUNT; k++) {
		const mig_plan_baseline *b = &p->baselines[k];

		json_array_append_new(a, json_pack("{s:s, s:b, s:i, s:o, s:o, s:s}", "name",
						   mig_plan_baseline_name(k), "feasible",
						   b->feasible, "gpus", (int)b->gpus,
						   "cost_per_hour", num(b->cost_per_hour), "saving",
						   num(b->saving), "detail", b->detail));
	}
	return a;
}

int mig_plan_to_json(char **out, const mig_plan *plan)
{
	json_t *o = json_pack("{s:s, s:o, s:o, s:o, s:o, s:o}", "source", plan->input->source,
			      "summary", summary(plan), "fleet", fleet(plan), "gpus", gpus(plan),
			      "workloads", workloads(plan), "baselines", baselines(plan));
	char *text;

	if (!o)
		return mig_error_oom();
	text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
	json_decref(o);
	if (!text)
		return mig_error_oom();
	*out = text;
	return 0;
}
