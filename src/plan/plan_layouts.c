/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The plan as a layout file for `migctl apply` (include/migctl/config.h): mig-parted's v1
 * format with one config per node, named after the node, each entry guarded by the GPU's PCI
 * ids (device-filter) so that a config applied to the wrong model changes nothing. GPUs of a
 * node with the same layout share an entry; each GI is pinned at its planned start
 * ("3g.40gb@4"), the migctl extension, so that apply makes exactly the planned layout.
 *
 *   migctl apply -f plan-layouts.yaml -c a100-80gb-0
 */
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "strbuf.h"
#include "banned.h"

static int same_layout(const mig_plan_gpu *a, const mig_plan_gpu *b)
{
	size_t i;

	if (a->mig_enabled != b->mig_enabled || a->layout.count != b->layout.count)
		return 0;
	for (i = 0; i < a->layout.count; i++)
		if (a->layout.gi[i].profile != b->layout.gi[i].profile ||
		    a->layout.gi[i].start != b->layout.gi[i].start)
			return 0;
	return 1;
}

static int same_node(const mig_plan *p, size_t a, size_t b)
{
	return p->gpus[a].fleet_index == p->gpus[b].fleet_index &&
	       p->gpus[a].node == p->gpus[b].node;
}

static void device_filter(mig_strbuf *sb, const mig_gpu *gpu)
{
	size_t i;

	mig_strbuf_adds(sb, "    - device-filter: [");
	for (i = 0; i < gpu->pci_id_count; i++)
		mig_strbuf_addf(sb, "%s\"0x%08X\"", i ? ", " : "", (unsigned)gpu->pci_ids[i].id);
	mig_strbuf_adds(sb, "]\n");
}

/* One entry: the GPUs of the node (from `first` on) with the layout of GPU `first`. */
static void entry(mig_strbuf *sb, const mig_plan *p, size_t first, const char *done)
{
	const mig_plan_gpu *g = &p->gpus[first];
	size_t i, n = 0;

	device_filter(sb, g->layout.gpu);
	mig_strbuf_adds(sb, "      devices: [");
	for (i = first; i < p->gpu_count; i++)
		if (same_node(p, first, i) && !done[i] && same_layout(g, &p->gpus[i]))
			mig_strbuf_addf(sb, "%s%u", n++ ? ", " : "", p->gpus[i].device);
	mig_strbuf_addf(sb, "]\n      mig-enabled: %s\n", g->mig_enabled ? "true" : "false");
	if (!g->mig_enabled)
		return;
	mig_strbuf_adds(sb, "      mig-devices:\n");
	for (i = 0; i < g->layout.count; i++)
		mig_strbuf_addf(sb, "        \"%s@%d\": 1\n", g->layout.gi[i].profile->name,
				g->layout.gi[i].start);
}

static void node(mig_strbuf *sb, const mig_plan *p, size_t first, char *done)
{
	char name[96];
	size_t i, j;

	mig_strbuf_addf(sb, "  %s:\n", mig_plan__node_name(name, sizeof(name), p, first));
	for (i = first; i < p->gpu_count; i++) {
		if (done[i] || !same_node(p, first, i))
			continue;
		entry(sb, p, i, done);
		for (j = i + 1; j < p->gpu_count; j++)
			if (same_node(p, i, j) && same_layout(&p->gpus[i], &p->gpus[j]))
				done[j] = 1;
		done[i] = 1;
	}
}

int mig_plan_to_layouts(char **out, const mig_plan *plan)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	char *done = calloc(plan->gpu_count + 1, 1);
	size_t i;

	if (!done)
		return mig_error_oom();
	mig_strbuf_addf(&sb, "# migctl plan for %s: %u GPUs, $%.2f/hr\n", plan->input->source,
			plan->stats.gpus, plan->stats.cost_per_hour);
	mig_strbuf_adds(&sb, "# apply on each node: migctl apply -f FILE -c NODE\n");
	mig_strbuf_adds(&sb, "version: v1\nmig-configs:\n");
	/* nodes in the order of their first GPU */
	for (i = 0; i < plan->gpu_count; i++)
		if (!done[i])
			node(&sb, plan, i, done);
	free(done);
	if (sb.oom) {
		mig_strbuf_release(&sb);
		return mig_error_oom();
	}
	*out = mig_strbuf_detach(&sb);
	return *out ? 0 : mig_error_oom();
}
