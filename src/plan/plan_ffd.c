/* SPDX-License-Identifier: Apache-2.0 */
/*
 * First-fit-decreasing MIG packing, the classic heuristic: largest units first, each takes
 * the cheapest of its options (the smallest instance on the cheapest GPU), every instance goes
 * to the first open GPU it still fits on, else to a new GPU. It is baseline (b) of the report
 * and the starting solution handed to cbc.
 *
 * "Still fits" is a question about profile multisets: a GPU holding a multiset can take one
 * more instance of p when the larger multiset is part of some complete layout (pattern). The
 * multisets that are part of a pattern form a small state machine per GPU type, built once.
 */
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

struct fsm {
	size_t count;			    /* states */
	unsigned (*vec)[PLAN_MAX_PROFILES]; /* each state's multiset */
	int (*next)[PLAN_MAX_PROFILES];	    /* state after one more of profile i, or -1 */
	size_t *pattern;		    /* a pattern holding the state, fewest instances */
	size_t profiles;
};

struct open_gpu {
	size_t type;
	int state;
};

struct ffd {
	const struct plan_problem *pb;
	struct fsm *fsm; /* per type */
	struct open_gpu *gpus;
	size_t gpu_count, gpu_cap;
	size_t *first_open; /* per type: no GPU before it can take anything */
	uint64_t *used;	    /* per type: GPUs (open and whole) */
};

static int dominated(const struct plan_problem *pb, size_t t, const unsigned *v, size_t *best)
{
	const struct plan_type *type = &pb->types[t];
	size_t p, i;
	int found = 0;

	for (p = type->pattern_first; p < type->pattern_first + type->pattern_count; p++) {
		for (i = 0; i < type->profile_count && v[i] <= pb->patterns[p].count[i]; i++)
			;
		if (i < type->profile_count)
			continue;
		if (!found || pb->patterns[p].instances < pb->patterns[*best].instances)
			*best = p;
		found = 1;
	}
	return found;
}

static int find_state(const struct fsm *f, const unsigned *v)
{
	size_t s;

	for (s = 0; s < f->count; s++)
		if (memcmp(f->vec[s], v, sizeof(f->vec[s])) == 0)
			return (int)s;
	return -1;
}

static int fsm_push(struct fsm *f, const unsigned *v, size_t pattern)
{
	void *a = realloc(f->vec, (f->count + 1) * sizeof(*f->vec));

	if (!a)
		return mig_error_oom();
	f->vec = a;
	if (!(a = realloc(f->next, (f->count + 1) * sizeof(*f->next))))
		return mig_error_oom();
	f->next = a;
	if (!(a = realloc(f->pattern, (f->count + 1) * sizeof(*f->pattern))))
		return mig_error_oom();
	f->pattern = a;
	memcpy(f->vec[f->count], v, sizeof(f->vec[0]));
	memset(f->next[f->count], 0xff, sizeof(f->next[0]));
	f->pattern[f->count++] = pattern;
	return 0;
}

/* Breadth first from the empty multiset: every multiset a pattern holds, with its moves. */
static int fsm_build(struct fsm *f, const struct plan_problem *pb, size_t t)
{
	unsigned v[PLAN_MAX_PROFILES] = {0};
	size_t s, i, best = 0;
	int rc, n;

	f->profiles = pb->types[t].profile_count;
	if (!dominated(pb, t, v, &best))
		return mig_error_set(MIG_ERROR, "GPU type without layouts");
	if ((rc = fsm_push(f, v, best)) < 0)
		return rc;
	for (s = 0; s < f->count; s++)
		for (i = 0; i < f->profiles; i++) {
			memcpy(v, f->vec[s], sizeof(v));
			v[i]++;
			if (!dominated(pb, t, v, &best))
				continue;
			n = find_state(f, v);
			if (n < 0) {
				if ((rc = fsm_push(f, v, best)) < 0)
					return rc;
				n = (int)f->count - 1;
			}
			f->next[s][i] = n;
		}
	return 0;
}

static void fsm_release(struct fsm *f)
{
	free(f->vec);
	free(f->next);
	free(f->pattern);
}

static int open_new(struct ffd *x, size_t t)
{
	if (x->gpu_count == x->gpu_cap) {
		size_t cap = x->gpu_cap ? 2 * x->gpu_cap : 64;
		struct open_gpu *g = realloc(x->gpus, cap * sizeof(*g));

		if (!g)
			return mig_error_oom();
		x->gpus = g;
		x->gpu_cap = cap;
	}
	x->gpus[x->gpu_count].type = t;
	x->gpus[x->gpu_count++].state = 0;
	x->used[t]++;
	return 0;
}

static int full(const struct fsm *f, int state)
{
	size_t i;

	for (i = 0; i < f->profiles; i++)
		if (f->next[state][i] >= 0)
			return 0;
	return 1;
}

/* Place one instance of profile i of type t: first fit, else a new GPU. */
static int place(struct ffd *x, size_t t, size_t i)
{
	const struct fsm *f = &x->fsm[t];
	size_t g;
	int rc;

	while (x->first_open[t] < x->gpu_count &&
	       (x->gpus[x->first_open[t]].type != t || full(f, x->gpus[x->first_open[t]].state)))
		x->first_open[t]++;
	for (g = x->first_open[t]; g < x->gpu_count; g++)
		if (x->gpus[g].type == t && f->next[x->gpus[g].state][i] >= 0) {
			x->gpus[g].state = f->next[x->gpus[g].state][i];
			return 0;
		}
	if ((rc = open_new(x, t)) < 0)
		return rc;
	x->gpus[x->gpu_count - 1].state = f->next[0][i];
	return 0;
}

/* Whether count instances of profile i of type t fit without passing the type's limit. */
static int room(const struct ffd *x, size_t t, size_t i, unsigned count)
{
	const struct plan_type *type = &x->pb->types[t];
	const struct fsm *f = &x->fsm[t];
	uint64_t fresh = 0, per = 0;
	unsigned left = count;
	size_t g;
	int s;

	if (type->limit == MIG_PLAN_UNLIMITED)
		return 1;
	for (g = x->first_open[t]; left && g < x->gpu_count; g++)
		for (s = x->gpus[g].type == t ? x->gpus[g].state : -1;
		     left && s >= 0 && f->next[s][i] >= 0; s = f->next[s][i])
			left--;
	for (s = 0; f->next[s][i] >= 0; s = f->next[s][i])
		per++;
	if (left)
		fresh = per ? (left + per - 1) / per : UINT64_MAX;
	return x->used[t] + fresh <= type->limit;
}

static double option_key(const struct plan_problem *pb, const struct plan_option *o)
{
	const struct plan_kind *k = &pb->kinds[o->kind];
	const struct plan_type *t = &pb->types[k->type];
	double share = (double)mig_plan__kind_slices(pb, o->kind) / t->gpu->memory_slices;

	/* the share of a GPU the option takes, priced; free GPUs still prefer smaller shares */
	return ((double)t->price + 1) * share * o->count;
}

/* The unit's options from cheapest to dearest. */
static void sort_options(const struct plan_problem *pb, const struct plan_class *cl, size_t *ord)
{
	size_t i, j;

	for (i = 0; i < cl->opt_count; i++)
		ord[i] = cl->opt_first + i;
	for (i = 1; i < cl->opt_count; i++)
		for (j = i; j > 0 && option_key(pb, &pb->options[ord[j]]) <
					     option_key(pb, &pb->options[ord[j - 1]]);
		     j--) {
			size_t tmp = ord[j];

			ord[j] = ord[j - 1];
			ord[j - 1] = tmp;
		}
}

static int place_unit(struct ffd *x, struct plan_solution *sol, const struct plan_class *cl)
{
	const struct plan_problem *pb = x->pb;
	size_t *ord = calloc(cl->opt_count, sizeof(*ord)), n;
	int rc = MIG_ENOFIT;
	unsigned c;

	if (!ord)
		return mig_error_oom();
	sort_options(pb, cl, ord);
	for (n = 0; n < cl->opt_count && rc == MIG_ENOFIT; n++) {
		const struct plan_option *o = &pb->options[ord[n]];
		const struct plan_kind *k = &pb->kinds[o->kind];
		const struct plan_type *t = &pb->types[k->type];
		uint64_t whole = (uint64_t)o->count * mig_plan__kind_gpus(pb, o->kind);

		if (pb->dominated[ord[n]])
			continue;
		if (whole && t->limit != MIG_PLAN_UNLIMITED && x->used[k->type] + whole > t->limit)
			continue;
		if (!whole && !room(x, k->type, (size_t)k->profile, o->count))
			continue;
		x->used[k->type] += whole;
		rc = 0;
		for (c = 0; !whole && rc == 0 && c < o->count; c++)
			rc = place(x, k->type, (size_t)k->profile);
		sol->z[ord[n]]++;
	}
	free(ord);
	return rc;
}

static int run(struct ffd *x, struct plan_solution *sol)
{
	const struct plan_problem *pb = x->pb;
	size_t c, u, g;
	int rc;

	for (c = 0; c < pb->class_count; c++)
		for (u = 0; u < pb->classes[c].mult; u++)
			if ((rc = place_unit(x, sol, &pb->classes[c])) < 0)
				return rc;
	for (g = 0; g < x->gpu_count; g++)
		sol->y[x->fsm[x->gpus[g].type].pattern[x->gpus[g].state]]++;
	return mig_plan__solution_evaluate(sol, pb);
}

int mig_plan__ffd(struct plan_solution *sol, const struct plan_problem *pb)
{
	struct ffd x;
	size_t t;
	int rc = 0;

	memset(&x, 0, sizeof(x));
	x.pb = pb;
	x.fsm = calloc(pb->type_count, sizeof(*x.fsm));
	x.first_open = calloc(pb->type_count, sizeof(*x.first_open));
	x.used = calloc(pb->type_count, sizeof(*x.used));
	if (!x.fsm || !x.first_open || !x.used)
		rc = mig_error_oom();
	for (t = 0; rc == 0 && t < pb->type_count; t++)
		rc = fsm_build(&x.fsm[t], pb, t);
	if (rc == 0) {
		memset(sol->y, 0, pb->pattern_count * sizeof(*sol->y));
		memset(sol->z, 0, pb->option_count * sizeof(*sol->z));
		rc = run(&x, sol);
	}
	for (t = 0; x.fsm && t < pb->type_count; t++)
		fsm_release(&x.fsm[t]);
	free(x.fsm);
	free(x.first_open);
	free(x.used);
	free(x.gpus);
	return rc;
}
