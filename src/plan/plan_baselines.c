/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The three plans a plan is compared with, on the same GPU types at the same prices, within
 * the fleet's counts where they can be. They answer "what would this cost the usual way", so
 * when the counts are too few for them they use more GPUs than the fleet has, and the report
 * says so rather than hiding the comparison:
 *  (a) one GPU per model: every replica on whole GPUs of its own, MIG off, as users size
 *      things by hand ("7 GPUs at $21/hr");
 *  (b) first-fit-decreasing MIG packing (plan_ffd.c);
 *  (c) the best uniform named layout: every GPU of one type with the same built-in config
 *      (all-1g, all-balanced, ... as `migctl apply -c` knows them), filled largest first.
 */
#include "plan_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "migctl/config.h"
#include "error_util.h"
#include "banned.h"

/* A baseline's GPUs per type, which finish() turns into its numbers against the fleet. */
struct usage {
	uint64_t *gpus;
	char detail[sizeof(((mig_plan_baseline *)0)->detail)];
	int done;
};

static void set(struct usage *u, const char *detail)
{
	snprintf(u->detail, sizeof(u->detail), "%s", detail);
	u->done = 1;
}

static void finish(mig_plan_baseline *b, const struct usage *u, const struct plan_problem *pb)
{
	uint64_t gpus = 0;
	int64_t cost = 0;
	int over = 0;
	size_t t;

	snprintf(b->detail, sizeof(b->detail), "%s", u->detail);
	if (!u->done)
		return;
	for (t = 0; t < pb->type_count; t++) {
		gpus += u->gpus[t];
		cost += (int64_t)u->gpus[t] * pb->types[t].price;
		over |= pb->types[t].limit != MIG_PLAN_UNLIMITED && u->gpus[t] > pb->types[t].limit;
	}
	b->feasible = 1;
	b->gpus = (unsigned)gpus;
	b->cost_per_hour = (double)cost / PLAN_PRICE_SCALE;
	snprintf(b->detail, sizeof(b->detail), "%s%s", u->detail,
		 over ? " (more GPUs than the fleet has)" : "");
}

/* (a): whole GPUs for each replica, MIG off, on the cheapest type that holds it. */
static int gpu_per_model(struct usage *u, const struct plan_problem *pb)
{
	size_t w, t;

	for (w = 0; w < pb->in->workload_count; w++) {
		const mig_plan_workload *wl = &pb->in->workloads[w];
		size_t best = PLAN_NONE;
		uint64_t best_n = 0;

		for (t = 0; t < pb->type_count; t++) {
			const struct plan_type *type = &pb->types[t];
			unsigned tp = mig_plan__tp_degree(pb->in, &pb->needs[w], type->gpu), k;
			mig_plan_perf perf;
			uint64_t n;

			if (!tp || mig_plan_model_perf(&perf, pb->in, wl, type->gpu, NULL, tp) < 0)
				continue;
			k = mig_plan__replicas_for(wl, perf.decode_tokens_per_s);
			n = (uint64_t)k * tp;
			if (!k ||
			    (type->limit != MIG_PLAN_UNLIMITED && u->gpus[t] + n > type->limit))
				continue;
			if (best == PLAN_NONE ||
			    (int64_t)n * type->price < (int64_t)best_n * pb->types[best].price) {
				best = t;
				best_n = n;
			}
		}
		if (best == PLAN_NONE) {
			snprintf(u->detail, sizeof(u->detail), "'%s' does not fit whole GPUs",
				 mig_plan__wname(pb->in, w));
			return 0;
		}
		u->gpus[best] += best_n;
	}
	set(u, "whole GPUs, MIG off");
	return 0;
}

static int ffd(struct usage *u, const struct plan_problem *pb)
{
	struct plan_solution s;
	int rc = mig_plan__solution_init(&s, pb);

	if (rc < 0)
		return rc;
	rc = mig_plan__ffd(&s, pb);
	if (rc == 0) {
		size_t p, o;

		for (p = 0; p < pb->pattern_count; p++)
			u->gpus[pb->patterns[p].type] += s.y[p];
		for (o = 0; o < pb->option_count; o++)
			u->gpus[pb->kinds[pb->options[o].kind].type] +=
				(uint64_t)s.z[o] * pb->options[o].count *
				mig_plan__kind_gpus(pb, pb->options[o].kind);
		set(u, "smallest instance that fits, largest first");
	}
	mig_plan__solution_release(&s);
	mig_error_clear();
	return rc == MIG_ENOMEM ? rc : 0;
}

/* A named layout on one type, as counts per profile of the type; 0 when it does not apply. */
static int named_counts(const struct plan_problem *pb, size_t t, const mig_config_file *f,
			const mig_config *c, unsigned *count)
{
	const struct plan_type *type = &pb->types[t];
	mig_config_desired d;
	size_t e, i, j;

	for (e = 0; e < c->entry_count; e++)
		if (mig_config_entry_admits(&c->entries[e], type->gpu))
			break;
	if (e == c->entry_count || mig_config_resolve_entry(&d, f, c, &c->entries[e], type->gpu))
		return 0;
	memset(count, 0, PLAN_MAX_PROFILES * sizeof(*count));
	for (i = 0; i < d.placed.count; i++) {
		for (j = 0; j < type->profile_count; j++)
			if (type->profiles[j] == d.placed.gi[i].profile)
				break;
		if (j == type->profile_count)
			return 0; /* a profile the plan does not use (+me, ...) */
		count[j]++;
	}
	return d.placed.count > 0;
}

/* The unit's cheapest way onto a named layout: option index, or PLAN_NONE. */
static size_t uniform_option(const struct plan_problem *pb, size_t c, size_t t,
			     const unsigned *count)
{
	const struct plan_class *cl = &pb->classes[c];
	size_t o, best = PLAN_NONE;

	for (o = cl->opt_first; o < cl->opt_first + cl->opt_count; o++) {
		const struct plan_kind *k = &pb->kinds[pb->options[o].kind];

		if (k->type != t || (k->profile >= 0 && !count[k->profile]))
			continue;
		if (best == PLAN_NONE ||
		    mig_plan__kind_slices(pb, pb->options[o].kind) * pb->options[o].count <
			    mig_plan__kind_slices(pb, pb->options[best].kind) *
				    pb->options[best].count)
			best = o;
	}
	return best;
}

/* GPUs of type t, all with the layout `count`, that serve every unit; 0 when impossible. */
static uint64_t uniform_gpus(const struct plan_problem *pb, size_t t, const unsigned *count)
{
	uint64_t gpus = 0, whole = 0, free_inst[PLAN_MAX_PROFILES] = {0};
	size_t c, i;
	unsigned u, n;

	for (c = 0; c < pb->class_count; c++) {
		size_t o = uniform_option(pb, c, t, count);
		const struct plan_option *opt;

		if (o == PLAN_NONE)
			return 0;
		opt = &pb->options[o];
		if (mig_plan__kind_gpus(pb, opt->kind)) {
			whole += (uint64_t)pb->classes[c].mult * opt->count *
				 mig_plan__kind_gpus(pb, opt->kind);
			continue;
		}
		for (u = 0; u < pb->classes[c].mult; u++)
			for (n = 0; n < opt->count; n++) {
				if (!free_inst[pb->kinds[opt->kind].profile]) {
					gpus++;
					for (i = 0; i < pb->types[t].profile_count; i++)
						free_inst[i] += count[i];
				}
				free_inst[pb->kinds[opt->kind].profile]--;
			}
	}
	return gpus + whole;
}

static int uniform(struct usage *u, const struct plan_problem *pb)
{
	mig_config_file *f;
	unsigned count[PLAN_MAX_PROFILES];
	int64_t best_cost = -1;
	uint64_t best_gpus = 0;
	size_t c, t;
	int rc = mig_config_named_all(&f);

	if (rc < 0)
		return rc;
	snprintf(u->detail, sizeof(u->detail), "no single named layout serves every workload");
	for (c = 0; c < f->config_count; c++)
		for (t = 0; t < pb->type_count; t++) {
			uint64_t gpus;
			int64_t cost;
			char detail[sizeof(u->detail)];

			if (!named_counts(pb, t, f, &f->configs[c], count))
				continue;
			gpus = uniform_gpus(pb, t, count);
			if (!gpus ||
			    (pb->types[t].limit != MIG_PLAN_UNLIMITED && gpus > pb->types[t].limit))
				continue;
			cost = (int64_t)gpus * pb->types[t].price;
			if (best_cost >= 0 &&
			    (cost > best_cost || (cost == best_cost && gpus >= best_gpus)))
				continue;
			snprintf(detail, sizeof(detail), "%s on %s", f->configs[c].name,
				 pb->types[t].gpu->key);
			memset(u->gpus, 0, pb->type_count * sizeof(*u->gpus));
			u->gpus[t] = gpus;
			set(u, detail);
			best_cost = cost;
			best_gpus = gpus;
		}
	mig_config_file_free(f);
	mig_error_clear();
	return 0;
}

static int (*const baseline_fn[MIG_PLAN_BASELINE__COUNT])(struct usage *,
							  const struct plan_problem *) = {
	[MIG_PLAN_BASELINE_GPU_PER_MODEL] = gpu_per_model,
	[MIG_PLAN_BASELINE_FFD] = ffd,
	[MIG_PLAN_BASELINE_UNIFORM] = uniform,
};

static void saving(mig_plan_baseline *b, const mig_plan *plan)
{
	if (!b->feasible)
		return;
	if (plan->stats.cost_per_hour > 0)
		b->saving = b->cost_per_hour / plan->stats.cost_per_hour;
	else
		b->saving = plan->stats.gpus ? (double)b->gpus / plan->stats.gpus : 1;
}

int mig_plan__baselines(mig_plan *plan, const struct plan_problem *pb)
{
	struct plan_problem open = *pb;
	struct usage u;
	size_t t;
	int rc = 0, k;

	memset(plan->baselines, 0, sizeof(plan->baselines));
	/* the same types and prices without their counts */
	open.types = calloc(pb->type_count, sizeof(*open.types));
	u.gpus = calloc(pb->type_count, sizeof(*u.gpus));
	if (!open.types || !u.gpus)
		rc = mig_error_oom();
	for (t = 0; rc == 0 && t < pb->type_count; t++) {
		open.types[t] = pb->types[t];
		open.types[t].limit = MIG_PLAN_UNLIMITED;
	}
	for (k = 0; rc == 0 && k < MIG_PLAN_BASELINE__COUNT; k++) {
		int pass;

		/* with the fleet's counts if it can, else without them (and saying so) */
		for (pass = 0; rc == 0 && pass < 2; pass++) {
			memset(u.gpus, 0, pb->type_count * sizeof(*u.gpus));
			u.done = 0;
			u.detail[0] = '\0';
			rc = baseline_fn[k](&u, pass ? &open : pb);
			if (rc == 0 && u.done)
				break;
		}
		if (rc == 0) {
			finish(&plan->baselines[k], &u, pb);
			saving(&plan->baselines[k], plan);
		}
	}
	free(open.types);
	free(u.gpus);
	return rc;
}
