/* SPDX-License-Identifier: Apache-2.0 */
/* Small formatting shared by the planner's messages, report and JSON. */
#include "plan_internal.h"

#include <stdio.h>

#include "banned.h"

const char *mig_plan__gib(char *buf, size_t len, double mib)
{
	snprintf(buf, len, "%.1f GiB", mib / 1024.0);
	return buf;
}

const char *mig_plan__wname(const mig_plan_input *in, size_t w)
{
	return w < in->workload_count ? in->workloads[w].name : "?";
}

static const char *const serving_names[MIG_PLAN_SERVE__COUNT] = {"mig", "mps", "full-gpu"};

const char *mig_plan_serving_name(mig_plan_serving s)
{
	return (unsigned)s < MIG_PLAN_SERVE__COUNT ? serving_names[s] : "?";
}

static const char *const baseline_names[MIG_PLAN_BASELINE__COUNT] = {
	"one GPU per model",
	"first-fit-decreasing MIG",
	"best uniform layout",
};

const char *mig_plan_baseline_name(mig_plan_baseline_kind k)
{
	return (unsigned)k < MIG_PLAN_BASELINE__COUNT ? baseline_names[k] : "?";
}

const char *mig_plan__node_name(char *buf, size_t len, const mig_plan *plan, size_t gpu)
{
	const mig_plan_gpu *g = &plan->gpus[gpu];

	snprintf(buf, len, "%s-%u", plan->input->fleet[g->fleet_index].name, g->node);
	return buf;
}

const char *mig_plan__gpu_label(char *buf, size_t len, const mig_plan *plan, size_t gpu)
{
	char node[96];

	snprintf(buf, len, "%s/%u", mig_plan__node_name(node, sizeof(node), plan, gpu),
		 plan->gpus[gpu].device);
	return buf;
}
