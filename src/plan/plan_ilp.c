/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The "cbc" backend: the integer program of plan_ilp.h solved with COIN-OR CBC through its C
 * interface, in two phases for the lexicographic objective:
 *
 *  1. the price alone (integral in price units, so CBC prunes by whole steps), without the
 *     dominated options and patterns (plan_dominance.c), from the better of first-fit-
 *     decreasing and the rounded LP relaxation (plan_ilp_round.c). Its bound and gap are the
 *     plan's.
 *  2. with the price capped at phase 1's: W x GPUs + leftover slices, W larger than any
 *     leftover a plan no dearer can have, so that one GPU fewer always wins. A single weighted
 *     objective would need weights beyond a double's precision on large fleets. This phase
 *     only breaks ties, so it gets a short time: as long as phase 1 took, at least 0.2 s.
 */
#include "plan_ilp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include <stdio.h>

/* Share of the time limit phase 1 may take; the rest is phase 2's. */
#define PRICE_SHARE    0.85
#define TIEBREAK_MIN_S 0.2

struct outcome {
	int optimal;
	double bound;
};

static int run(struct plan_solution *out, const struct plan_problem *pb,
	       const struct plan_ilp_spec *spec, const struct plan_solution *start, double seconds,
	       struct outcome *res);

/* Solve the LP relaxation: its price, and (when x is given) a copy of its columns. */
static double relaxation(const struct plan_problem *pb, double **x)
{
	struct plan_ilp_spec spec = {PLAN_ILP_PRICE, 1, 0, 0, NULL};
	Cbc_Model *model = mig_plan__ilp_build(pb, &spec);
	size_t ncol = pb->pattern_count + pb->option_count + pb->type_count;
	double v = NAN;

	if (!model)
		return NAN;
	Cbc_solve(model);
	if (Cbc_isProvenOptimal(model)) {
		v = Cbc_getObjValue(model);
		if (x && (*x = malloc(ncol * sizeof(**x))))
			memcpy(*x, Cbc_getColSolution(model), ncol * sizeof(**x));
	}
	Cbc_deleteModel(model);
	return v;
}

double mig_plan__lp_bound(const struct plan_problem *pb)
{
	return relaxation(pb, NULL);
}

/*
 * The better of the given start and the LP's rounding, into best (initialised); sets the LP
 * bound of out. Returns best, or the given start when rounding does not help.
 */
static const struct plan_solution *better_start(struct plan_solution *out,
						struct plan_solution *best,
						const struct plan_problem *pb,
						const struct plan_solution *given, double seconds)
{
	double *x = NULL;
	const struct plan_solution *start = given;

	out->lp_bound = relaxation(pb, &x);
	if (x && mig_plan__ilp_round(best, pb, x, seconds) == 0 &&
	    (!given || mig_plan__solution_better(best, given)))
		start = best;
	free(x);
	mig_error_clear();
	return start;
}

/* GPUs of each type in a solution, the values of the G columns. */
static void gpus_per_type(const struct plan_problem *pb, const struct plan_solution *s, double *g)
{
	size_t p, o;

	for (p = 0; p < pb->pattern_count; p++)
		g[pb->patterns[p].type] += s->y[p];
	for (o = 0; o < pb->option_count; o++)
		g[pb->kinds[pb->options[o].kind].type] +=
			(double)s->z[o] * pb->options[o].count *
			mig_plan__kind_gpus(pb, pb->options[o].kind);
}

static void set_start(Cbc_Model *model, const struct plan_problem *pb,
		      const struct plan_solution *s)
{
	size_t ncol = pb->pattern_count + pb->option_count + pb->type_count, i, n = 0;
	int *idx = calloc(ncol + 1, sizeof(*idx));
	double *val = calloc(ncol + 1, sizeof(*val));
	double *g = calloc(pb->type_count + 1, sizeof(*g));

	if (idx && val && g) {
		gpus_per_type(pb, s, g);
		for (i = 0; i < ncol; i++) {
			double v = i < pb->pattern_count ? s->y[i]
				   : i < pb->pattern_count + pb->option_count
					   ? s->z[i - pb->pattern_count]
					   : g[i - pb->pattern_count - pb->option_count];

			if (v != 0) {
				idx[n] = (int)i;
				val[n++] = v;
			}
		}
		if (n)
			Cbc_setMIPStartI(model, (int)n, idx, val);
	}
	free(idx);
	free(val);
	free(g);
}

/* Copy CBC's best solution into out; 1 when there is one and it checks out. */
static int take(struct plan_solution *out, Cbc_Model *model, const struct plan_problem *pb)
{
	const double *x = Cbc_bestSolution(model);
	size_t i;

	if (!x)
		return 0;
	for (i = 0; i < pb->pattern_count; i++)
		out->y[i] = (unsigned)llround(x[i]);
	for (i = 0; i < pb->option_count; i++)
		out->z[i] = (unsigned)llround(x[pb->pattern_count + i]);
	return mig_plan__solution_evaluate(out, pb) == 0;
}

static int run(struct plan_solution *out, const struct plan_problem *pb,
	       const struct plan_ilp_spec *spec, const struct plan_solution *start, double seconds,
	       struct outcome *res)
{
	Cbc_Model *model = mig_plan__ilp_build(pb, spec);
	int found;

	if (!model)
		return mig_error_last()->code ? mig_error_last()->code : MIG_ENOMEM;
	if (start)
		set_start(model, pb, start);
	Cbc_setMaximumSeconds(model, seconds > 0.05 ? seconds : 0.05);
	Cbc_solve(model);
	if (Cbc_isProvenInfeasible(model) && !Cbc_bestSolution(model)) {
		Cbc_deleteModel(model);
		return MIG_ENOFIT;
	}
	found = take(out, model, pb);
	res->optimal = found && Cbc_isProvenOptimal(model);
	res->bound = Cbc_getBestPossibleObjValue(model);
	Cbc_deleteModel(model);
	return found ? 0 : MIG_ERROR;
}

/* Phase 2: the fewest GPUs, then the least leftover, at no more than phase 1's price. */
static int tiebreak(struct plan_solution *out, const struct plan_problem *pb, double seconds)
{
	struct plan_ilp_spec spec = {PLAN_ILP_TIEBREAK, 0, out->cost, 0, NULL};
	struct plan_solution second;
	struct outcome res;
	int rc = mig_plan__solution_init(&second, pb);

	if (rc < 0)
		return rc;
	spec.gpu_weight = (double)(MIG_MAX_SLICES + MIG_MAX_GI) * (out->gpus + 1) + 1;
	double t0 = mig_plan__now(); int rr = run(&second, pb, &spec, out, seconds, &res);
	fprintf(stderr, "phaseB %.3f opt=%d rc=%d\n", mig_plan__now() - t0, res.optimal, rr);
	if (rr == 0 && second.cost <= out->cost &&
	    mig_plan__solution_better(&second, out)) {
		second.optimal = out->optimal;
		second.best_bound = out->best_bound;
		second.lp_bound = out->lp_bound;
		mig_plan__solution_copy(out, &second, pb);
	}
	mig_plan__solution_release(&second);
	mig_error_clear();
	return 0;
}

static int solve_cbc(struct plan_solution *out, const struct plan_problem *pb,
		     const struct plan_solve_ctx *ctx)
{
	struct plan_ilp_spec spec = {PLAN_ILP_PRICE, 0, 0, 0, NULL};
	double t0 = mig_plan__now(), left = ctx->deadline - t0, took;
	const struct plan_solution *start;
	struct plan_solution rounded;
	struct outcome res;
	int rc = mig_plan__solution_init(&rounded, pb);

	if (rc < 0)
		return rc;
	start = better_start(out, &rounded, pb, ctx->start, left * 0.1);
	left = ctx->deadline - mig_plan__now();
	rc = run(out, pb, &spec, start, ctx->objective == PLAN_OBJ_LEX ? left * PRICE_SHARE : left,
		 &res);
	mig_plan__solution_release(&rounded);
	if (rc == MIG_ENOFIT)
		return rc;
	if (rc < 0)
		return mig_error_set(MIG_ERROR, "cbc found no plan in %.1f s", left);
	out->optimal = res.optimal;
	/* prices are integers: a fractional bound rounds up */
	out->best_bound = res.optimal ? (double)out->cost : ceil(res.bound - 1e-6);
	if (ctx->objective != PLAN_OBJ_LEX)
		return 0;
	took = mig_plan__now() - t0;
	left = ctx->deadline - mig_plan__now();
	if (took < TIEBREAK_MIN_S)
		took = TIEBREAK_MIN_S;
	return tiebreak(out, pb, took < left ? took : left);
}

const struct plan_solver plan_solver_cbc = {
	.name = "cbc",
	.summary = "integer program solved by COIN-OR CBC (any fleet)",
	.solve = solve_cbc,
};
