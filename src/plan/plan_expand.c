/* SPDX-License-Identifier: Apache-2.0 */
/*
 * From a solution of the aggregated problem to concrete GPUs: each pattern's GPUs get its
 * representative layout (with placements), then every unit takes its instances in GPU order,
 * and replicas larger than any instance get whole GPUs with MIG off.
 */
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

struct slot {
	size_t gpu;
	int inst;
};

struct slots {
	struct slot *v;
	size_t n, next;
};

struct expand {
	mig_plan *plan;
	const struct plan_problem *pb;
	const struct plan_solution *sol;
	struct slots *slots;  /* per kind: free instances in GPU order */
	unsigned *next_index; /* per type: the next GPU number */
};

static mig_plan_gpu *new_gpu(struct expand *x, size_t type)
{
	const mig_plan_fleet_entry *e = x->pb->types[type].entry;
	mig_plan_gpu *g = &x->plan->gpus[x->plan->gpu_count++];

	g->fleet_index = type;
	g->index = x->next_index[type]++;
	g->node = g->index / e->gpus_per_node;
	g->device = g->index % e->gpus_per_node;
	mig_layout_init(&g->layout, e->gpu);
	return g;
}

static void add_mig_gpus(struct expand *x)
{
	const struct plan_problem *pb = x->pb;
	size_t p, n, i;

	for (p = 0; p < pb->pattern_count; p++)
		for (n = 0; n < x->sol->y[p]; n++) {
			mig_plan_gpu *g = new_gpu(x, pb->patterns[p].type);

			g->mig_enabled = 1;
			g->layout = *pb->patterns[p].layout;
			for (i = 0; i < g->layout.count; i++) {
				g->instances[i].profile = g->layout.gi[i].profile;
				g->instances[i].start = g->layout.gi[i].start;
			}
		}
}

static int kind_of(const struct plan_problem *pb, size_t type, const mig_gi_profile *p)
{
	size_t i;

	for (i = 0; i < pb->types[type].profile_count; i++)
		if (pb->types[type].profiles[i] == p)
			return (int)(pb->types[type].kind_first + i);
	return -1;
}

static int build_slots(struct expand *x)
{
	const struct plan_problem *pb = x->pb;
	size_t g, i;

	x->slots = calloc(pb->kind_count, sizeof(*x->slots));
	if (!x->slots)
		return mig_error_oom();
	for (g = 0; g < x->plan->gpu_count; g++)
		for (i = 0; i < x->plan->gpus[g].layout.count; i++) {
			int k = kind_of(pb, x->plan->gpus[g].fleet_index,
					x->plan->gpus[g].layout.gi[i].profile);
			struct slots *s;
			struct slot *v;

			if (k < 0)
				return mig_error_set(MIG_ERROR, "layout with an unknown profile");
			s = &x->slots[k];
			v = realloc(s->v, (s->n + 1) * sizeof(*v));
			if (!v)
				return mig_error_oom();
			s->v = v;
			s->v[s->n].gpu = g;
			s->v[s->n++].inst = (int)i;
		}
	return 0;
}

static int add_replica(mig_plan_assignment *a, size_t gpu, int inst)
{
	mig_plan_replica *r = realloc(a->replicas, (a->replica_count + 1) * sizeof(*r));

	if (!r)
		return mig_error_oom();
	a->replicas = r;
	r[a->replica_count].gpu = gpu;
	r[a->replica_count++].instance = inst;
	return 0;
}

static int instance_add(mig_plan_instance *in, size_t w, unsigned mib)
{
	size_t *v = realloc(in->workloads, (in->workload_count + 1) * sizeof(*v));

	if (!v)
		return mig_error_oom();
	in->workloads = v;
	v[in->workload_count++] = w;
	in->used_mib += mib;
	return 0;
}

static void set_kind(mig_plan_assignment *a, const struct plan_problem *pb, size_t kind)
{
	const struct plan_kind *k = &pb->kinds[kind];

	if (a->replica_count)
		return; /* the first replica decides what the report shows */
	a->fleet_index = k->type;
	a->profile = k->profile >= 0 ? pb->types[k->type].profiles[k->profile] : NULL;
	a->tensor_parallel = k->profile >= 0 ? 1 : k->tp;
}

/* One instance of a MIG kind for a unit: a workload, or every member of an MPS group. */
static int take_instance(struct expand *x, const struct plan_unit *u, size_t kind)
{
	struct slots *s = &x->slots[kind];
	mig_plan_instance *in;
	size_t i, first = 0, n = 1;
	int rc;

	if (s->next >= s->n)
		return mig_error_set(MIG_ERROR, "plan: no instance left of a chosen kind");
	in = &x->plan->gpus[s->v[s->next].gpu].instances[s->v[s->next].inst];
	if (u->group != PLAN_NONE) {
		first = x->pb->groups[u->group].member_first;
		n = x->pb->groups[u->group].member_count;
	}
	for (i = 0; i < n; i++) {
		size_t w = u->group != PLAN_NONE ? x->pb->group_members[first + i] : u->workload;
		mig_plan_assignment *a = &x->plan->workloads[w];

		set_kind(a, x->pb, kind);
		if ((rc = instance_add(in, w, x->pb->needs[w].total_mib)) < 0 ||
		    (rc = add_replica(a, s->v[s->next].gpu, s->v[s->next].inst)) < 0)
			return rc;
	}
	s->next++;
	return 0;
}

/* One replica on tp whole GPUs with MIG off. */
static int take_whole(struct expand *x, const struct plan_unit *u, size_t kind)
{
	const struct plan_kind *k = &x->pb->kinds[kind];
	mig_plan_assignment *a = &x->plan->workloads[u->workload];
	size_t first = x->plan->gpu_count;
	unsigned i;

	set_kind(a, x->pb, kind);
	for (i = 0; i < k->tp; i++)
		new_gpu(x, k->type)->full_workload = u->workload;
	return add_replica(a, first, -1);
}

static int assign_classes(struct expand *x)
{
	const struct plan_problem *pb = x->pb;
	size_t c, o, u, j;
	int rc;

	for (c = 0; c < pb->class_count; c++) {
		const struct plan_class *cl = &pb->classes[c];

		u = cl->unit_first;
		for (o = cl->opt_first; o < cl->opt_first + cl->opt_count; o++) {
			const struct plan_option *opt = &pb->options[o];
			unsigned n;

			for (n = 0; n < x->sol->z[o]; n++, u++) {
				const struct plan_unit *unit = &pb->units[pb->class_units[u]];

				for (j = 0; j < opt->count; j++) {
					if (mig_plan__kind_gpus(pb, opt->kind))
						rc = take_whole(x, unit, opt->kind);
					else
						rc = take_instance(x, unit, opt->kind);
					if (rc < 0)
						return rc;
				}
			}
		}
	}
	return 0;
}

static size_t gpus_needed(const struct plan_problem *pb, const struct plan_solution *sol)
{
	size_t n = 0, p, o;

	for (p = 0; p < pb->pattern_count; p++)
		n += sol->y[p];
	for (o = 0; o < pb->option_count; o++)
		n += (size_t)sol->z[o] * pb->options[o].count *
		     mig_plan__kind_gpus(pb, pb->options[o].kind);
	return n;
}

int mig_plan__expand(mig_plan *plan, const struct plan_problem *pb, const struct plan_solution *sol)
{
	struct expand x = {plan, pb, sol, NULL, NULL};
	size_t k;
	int rc;

	plan->workload_count = pb->in->workload_count;
	plan->workloads = calloc(plan->workload_count + 1, sizeof(*plan->workloads));
	plan->gpus = calloc(gpus_needed(pb, sol) + 1, sizeof(*plan->gpus));
	x.next_index = calloc(pb->type_count, sizeof(*x.next_index));
	if (!plan->workloads || !plan->gpus || !x.next_index) {
		rc = mig_error_oom();
		goto out;
	}
	add_mig_gpus(&x);
	rc = build_slots(&x);
	if (rc == 0)
		rc = assign_classes(&x);
	if (rc == 0)
		rc = mig_plan__assess(plan, pb);
out:
	for (k = 0; x.slots && k < pb->kind_count; k++)
		free(x.slots[k].v);
	free(x.slots);
	free(x.next_index);
	return rc;
}
