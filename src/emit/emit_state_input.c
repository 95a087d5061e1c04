/* SPDX-License-Identifier: Apache-2.0 */
/*
 * GPU states as emit input: the machine is one node, every MIG device (compute instance) one
 * service named after where it sits, gpu<N>-gi<G>-ci<C>. And the other way round: the MIG
 * device UUIDs of a plan's node, read from the machine once its layout is applied. A planned
 * instance is found by what the plan knows of it, its GPU, profile and start; GI ids are the
 * driver's choice and differ between runs, starts do not.
 */
#include "emit_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

static int copy_gi(mig_config_gi *out, const mig_gpu_state *st, const mig_gi_state *gi)
{
	size_t i;

	if (!gi->profile)
		return mig_error_set(MIG_EINVALID,
				     "GPU %u: GI %u has a profile migctl does not know", st->index,
				     gi->id);
	if (gi->ci_count > MIG_CONFIG_MAX_CI)
		return mig_error_set(MIG_EINVALID, "GPU %u: GI %u has too many compute instances",
				     st->index, gi->id);
	out->profile = gi->profile;
	out->start = (int)gi->start;
	out->ci_count = gi->ci_count;
	for (i = 0; i < gi->ci_count; i++) {
		if (!gi->cis[i].profile)
			return mig_error_set(
				MIG_EINVALID,
				"GPU %u: CI %u of GI %u has a profile migctl does not know",
				st->index, gi->cis[i].id, gi->id);
		out->ci[i] = gi->cis[i].profile;
	}
	return 0;
}

static int add_gpu(mig_emit_node *n, const mig_gpu_state *st)
{
	mig_config_gpu_layout *g;
	size_t i;
	int rc;

	if (!st->model)
		return mig_error_set(MIG_EINVALID, "GPU %u (%s) is not in migctl's catalog",
				     st->index, st->name);
	if (st->gi_count > MIG_LAYOUT_MAX)
		return mig_error_set(MIG_EINVALID, "GPU %u holds too many GPU instances",
				     st->index);
	g = realloc(n->gpus, (n->gpu_count + 1) * sizeof(*g));
	if (!g)
		return mig_error_oom();
	n->gpus = g;
	g = &n->gpus[n->gpu_count++];
	memset(g, 0, sizeof(*g));
	g->index = (int)st->index;
	if (st->uuid[0] && !(g->uuid = strdup(st->uuid)))
		return mig_error_oom();
	g->layout.gpu = st->model;
	g->layout.mig_enabled = st->mig_current;
	if (!n->gpu)
		n->gpu = st->model;
	for (i = 0; i < st->gi_count; i++)
		if ((rc = copy_gi(&g->layout.gi[i], st, &st->gis[i])) < 0)
			return rc;
	g->layout.gi_count = st->gi_count;
	return 0;
}

static int add_device(mig_emit_input *in, const mig_gpu_state *st, const mig_gi_state *gi,
		      const mig_ci_state *ci)
{
	char name[64];
	mig_emit_service *s;
	mig_emit_replica *r;

	snprintf(name, sizeof(name), "gpu%u-gi%u-ci%u", st->index, gi->id, ci->id);
	if (!(s = mig_emit__add_service(in, name)) || !(s->name = strdup(name)) ||
	    !(r = mig_emit__add_replica(s)) || !(r->uuid = strdup(ci->uuid)))
		return mig_error_oom();
	s->serving = MIG_EMIT_SERVE_MIG;
	s->gpu = st->model;
	s->profile = gi->profile;
	s->ci = ci->profile == mig_catalog_default_ci(gi->profile) ? NULL : ci->profile;
	r->node = 0;
	r->gpu = st->index;
	r->gpu_count = 1;
	r->start = (int)gi->start;
	return 0;
}

static int add_devices(mig_emit_input *in, const mig_gpu_state *st)
{
	size_t i, j;
	int rc;

	for (i = 0; i < st->gi_count; i++)
		for (j = 0; j < st->gis[i].ci_count; j++)
			if (st->gis[i].cis[j].uuid[0] &&
			    (rc = add_device(in, st, &st->gis[i], &st->gis[i].cis[j])) < 0)
				return rc;
	return 0;
}

int mig_emit_input_from_state(mig_emit_input **out, const char *node,
			      const mig_gpu_state *const *states, size_t count)
{
	mig_emit_input *in;
	size_t i;
	int rc = 0;

	if (!node || !*node)
		return mig_error_set(MIG_EINVALID, "a node needs a name");
	in = calloc(1, sizeof(*in));
	if (!in || !mig_emit__add_node(in, node))
		rc = mig_error_oom();
	else if (!(in->source = malloc(strlen(node) + 10)))
		rc = mig_error_oom();
	else
		snprintf(in->source, strlen(node) + 10, "state of %s", node);
	for (i = 0; rc == 0 && i < count; i++)
		rc = add_gpu(&in->nodes[0], states[i]);
	for (i = 0; rc == 0 && i < count; i++)
		rc = add_devices(in, states[i]);
	if (rc < 0) {
		mig_emit_input_free(in);
		return rc;
	}
	in->from_state = 1;
	*out = in;
	return 0;
}

static const mig_gpu_state *state_of(const mig_gpu_state *const *states, size_t count,
				     unsigned index)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (states[i]->index == index)
			return states[i];
	return NULL;
}

/* The UUID of the device of the GI of profile p at start on a GPU (its first CI's). */
static const char *device_at(const mig_gpu_state *st, const mig_gi_profile *p, int start)
{
	size_t i;

	for (i = 0; i < st->gi_count; i++)
		if (st->gis[i].profile == p && (int)st->gis[i].start == start &&
		    st->gis[i].ci_count && st->gis[i].cis[0].uuid[0])
			return st->gis[i].cis[0].uuid;
	return NULL;
}

static int resolve_replica(const mig_emit_input *in, const mig_emit_service *s, mig_emit_replica *r,
			   const mig_gpu_state *const *states, size_t count)
{
	const mig_gpu_state *st = state_of(states, count, r->gpu);
	const char *uuid;

	if (!st)
		return mig_error_set(MIG_ENOTFOUND, "node %s: GPU %u not found on this machine",
				     in->nodes[r->node].name, r->gpu);
	if (st->model != s->gpu)
		return mig_error_set(MIG_ENOTFOUND, "node %s: GPU %u is a %s, the plan has a %s",
				     in->nodes[r->node].name, r->gpu,
				     st->model ? st->model->key : st->name, s->gpu->key);
	uuid = device_at(st, s->profile, r->start);
	if (!uuid) {
		mig_error_set(MIG_ENOTFOUND, "node %s: GPU %u holds no %s at %d (for %s)",
			      in->nodes[r->node].name, r->gpu, s->profile->name, r->start,
			      s->workload);
		mig_error_hint("apply the node's layout first: migctl apply -f LAYOUTS -c %s",
			       in->nodes[r->node].name);
		return MIG_ENOTFOUND;
	}
	free(r->uuid);
	r->uuid = strdup(uuid);
	return r->uuid ? 0 : mig_error_oom();
}

int mig_emit_input_resolve(mig_emit_input *in, const char *node, const mig_gpu_state *const *states,
			   size_t count)
{
	size_t n, i, j;
	int rc;

	for (n = 0; node && n < in->node_count && strcmp(in->nodes[n].name, node); n++)
		;
	if (!node && in->node_count != 1)
		return mig_error_set(MIG_EINVALID,
				     "%s has %zu nodes: say which one this machine is", in->source,
				     in->node_count);
	if (n >= in->node_count)
		return mig_error_set(MIG_ENOTFOUND, "%s has no node '%s'", in->source, node);
	for (i = 0; i < in->service_count; i++) {
		mig_emit_service *s = &in->services[i];

		for (j = 0; j < s->replica_count; j++)
			if (s->replicas[j].node == n && s->profile &&
			    (rc = resolve_replica(in, s, &s->replicas[j], states, count)) < 0)
				return rc;
	}
	return 0;
}
