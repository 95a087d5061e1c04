/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The "cbc" backend: the integer program of plan_ilp.h solved with COIN-OR CBC through its C
 * interface, in three phases for the lexicographic objective:
 *
 *  1. the price alone (integral in price units, so CBC prunes by whole steps), without the
 *     dominated options and patterns (plan_dominance.c), from the better of first-fit-
 *     decreasing and the rounded LP relaxation (plan_ilp_round.c). Its bound and gap are the
 *     plan's. What CBC does not prove quickly, the search over GPU counts
 *     (plan_ilp_search.c) usually does;
 *  2. with the price capped at phase 1's: the fewest GPUs (a plain count, about as hard as
 *     phase 1, and at a proven price also closed by the search);
 *  3. with both capped: the least leftover slices. Its bound is weak (slices can be split
 *     freely in the relaxation), so it is a best effort within its time.
 * Phases 2 and 3 share a budget that follows the time phase 1 took (TIEBREAK_SHARE below).
 * Each phase stops as soon as it is proven, and none runs past the caller's deadline.
 * One weighted objective instead would need weights beyond a double's precision on large
 * fleets, and its weak leftover bound would keep the GPU count from being proven.
 */
#include "plan_ilp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

/* Share of the time limit the price may take; the rest is the later phases'. */
#define PRICE_SHARE 0.8
/*
 * CBC alone settles most fleets' price within this (bench_plan: 20 of 36 fleets of 100 to
 * 200 workloads); the search over GPU counts then gets this share of the rest.
 */
#define PRICE_FIRST_S 0.15
#define SEARCH_SHARE  0.5
/*
 * The tie-breaks order plans of one price, so they get less time than the price took: the
 * GPU phase GPUS_SHARE of it (at least GPUS_MIN_S), the leftover phase LEFTOVER_SHARE (at
 * least LEFTOVER_FLOOR_S), and the two together no more than TIEBREAK_SHARE (at least
 * TIEBREAK_MIN_S); the GPU phase leaves the leftover phase at least LEFTOVER_MIN_S of that.
 * Each stops as soon as it is proven.
 *
 * The leftover phase is all or nothing in practice (bench_plan, 36 fleets of 100 to 200
 * workloads): CBC finds a plan with no leftover slice within 0.16 s, or it improves nothing
 * in 0.25 s; its time is cut first when the GPU count takes long. A fleet whose price is
 * proven in 0.5 s is done in about 0.9 s.
 */
#define GPUS_SHARE	 0.5
#define GPUS_MIN_S	 0.3
#define LEFTOVER_SHARE	 0.25
#define LEFTOVER_FLOOR_S 0.25
#define LEFTOVER_MIN_S	 0.1
#define TIEBREAK_SHARE	 0.75
#define TIEBREAK_MIN_S	 0.4
/* The GPU phase's share for its CBC run, with the price as a cap (refine). */
#define GPUS_CAP_RUN_SHARE 0.15

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
	struct plan_ilp_spec spec = {PLAN_ILP_PRICE, 1, 0, 0, 0};
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
 * The least price the LP bound allows: every plan's price is a sum of GPU prices, so the
 * bound rounds up to their greatest common step (a fleet at $1.80 and $2.90 steps by $0.10).
 */
static int64_t price_floor(const struct plan_problem *pb, double lp)
{
	int64_t step = mig_plan__price_step(pb);

	if (isnan(lp) || step <= 0)
		return -1;
	return (int64_t)ceil(lp / (double)step - 1e-9) * step;
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
	/* rounding is for when the given start leaves a gap to close */
	if (x && (!given || given->cost > price_floor(pb, out->lp_bound)) &&
	    mig_plan__ilp_round(best, pb, x, seconds) == 0 &&
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

/*
 * Hand CBC a starting plan. The price and GPU phases leave some patterns out (their bound is
 * 0), so there a GPU of a left-out pattern counts as one of the pattern that covers it: the
 * same GPU with at least the instances the plan uses. A start outside the bounds would trip
 * an assertion inside CLP.
 */
static void set_start(Cbc_Model *model, const struct plan_problem *pb,
		      const struct plan_solution *s, enum plan_ilp_phase phase)
{
	size_t ncol = pb->pattern_count + pb->option_count + pb->type_count, i, n = 0;
	int *idx = calloc(ncol + 1, sizeof(*idx));
	double *val = calloc(ncol + 1, sizeof(*val));
	double *g = calloc(pb->type_count + 1, sizeof(*g));
	double *y = calloc(pb->pattern_count + 1, sizeof(*y));

	if (idx && val && g && y) {
		gpus_per_type(pb, s, g);
		for (i = 0; i < pb->pattern_count; i++)
			y[phase == PLAN_ILP_LEFTOVER ? i : pb->pattern_cover[i]] += s->y[i];
		for (i = 0; i < ncol; i++) {
			double v = i < pb->pattern_count ? y[i]
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
	free(y);
}

int mig_plan__ilp_take(struct plan_solution *out, Cbc_Model *model, const struct plan_problem *pb)
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
		set_start(model, pb, start, spec->phase);
	Cbc_setMaximumSeconds(model, seconds > 0.05 ? seconds : 0.05);
	Cbc_solve(model);
	if (Cbc_isProvenInfeasible(model) && !Cbc_bestSolution(model)) {
		Cbc_deleteModel(model);
		return MIG_ENOFIT;
	}
	found = mig_plan__ilp_take(out, model, pb);
	res->optimal = found && Cbc_isProvenOptimal(model);
	res->bound = Cbc_getBestPossibleObjValue(model);
	Cbc_deleteModel(model);
	return found ? 0 : MIG_ERROR;
}

/* Replace out by next when next is a better plan at no higher price; keeps out's bounds. */
static void adopt(struct plan_solution *out, struct plan_solution *next,
		  const struct plan_problem *pb)
{
	if (next->cost > out->cost || !mig_plan__solution_better(next, out))
		return;
	next->optimal = out->optimal;
	next->gpus_optimal = out->gpus_optimal;
	next->best_bound = out->best_bound;
	next->lp_bound = out->lp_bound;
	next->price_ms = out->price_ms;
	mig_plan__solution_copy(out, next, pb);
}

/*
 * A later phase: the same problem with the price (and the GPUs) capped at what the earlier
 * phases found, minimising the next criterion. out is replaced only by a better plan.
 *
 * The GPU phase with a proven price first runs CBC with the price as a cap and its light
 * settings for a short share of its time, which finds plans with fewer GPUs fast; then,
 * unless that proved the count, the search over GPU counts with the price as an equality
 * (plan_ilp_search.c) for the rest. On bench_plan's fleets (12 seeds, 100 to 200 workloads)
 * that proves the count on 33 of 36, against 29 with CBC's full preprocessing instead.
 */
static int refine(struct plan_solution *out, const struct plan_problem *pb,
		  enum plan_ilp_phase phase, double seconds, int *proven)
{
	struct plan_ilp_spec spec = {phase, 0, out->cost, out->gpus, 0};
	struct plan_solution next;
	struct outcome res = {0, 0};
	double end = mig_plan__now() + seconds;
	int rc = mig_plan__solution_init(&next, pb);

	*proven = 0;
	if (rc < 0)
		return rc;
	if (phase == PLAN_ILP_GPUS && out->optimal) {
		if (run(&next, pb, &spec, out, seconds * GPUS_CAP_RUN_SHARE, &res) == 0)
			adopt(out, &next, pb);
		spec.price_exact = 1;
		if (!res.optimal && end > mig_plan__now())
			res.optimal = mig_plan__ilp_search(out, pb, &spec, res.bound, end) > 0;
	}
	/*
	 * The one run of the other phases; after the search, CBC's turn for whatever time it
	 * left (it stops early at a node it cannot decide, or on an error).
	 */
	if (!res.optimal && end - mig_plan__now() > 0.01 &&
	    run(&next, pb, &spec, out, end - mig_plan__now(), &res) == 0)
		adopt(out, &next, pb);
	*proven = res.optimal;
	mig_plan__solution_release(&next);
	mig_error_clear();
	return 0;
}

/* share of the time the price took, at least floor_s */
static double share_of(double took, double share, double floor_s)
{
	return took * share > floor_s ? took * share : floor_s;
}

/* The time from now to end, but not past the caller's deadline (none when negative). */
static double until(const struct plan_solve_ctx *ctx, double end)
{
	double stop = end < ctx->deadline ? end : ctx->deadline;

	return stop > mig_plan__now() ? stop - mig_plan__now() : 0;
}

/*
 * The least price within seconds: CBC for a short while, which settles most fleets; then,
 * while unproven, the search over GPU counts (plan_ilp_search.c) for a share of the rest;
 * then, while still unproven, CBC again from the best plan for what is left.
 */
static int least_price(struct plan_solution *out, const struct plan_problem *pb,
		       const struct plan_solution *start, double seconds, struct outcome *res)
{
	struct plan_ilp_spec spec = {PLAN_ILP_PRICE, 0, 0, 0, 0};
	double end = mig_plan__now() + seconds;
	struct plan_solution next;
	struct outcome again = {0, 0};
	int rc = run(out, pb, &spec, start, seconds < PRICE_FIRST_S ? seconds : PRICE_FIRST_S, res);

	if (rc == MIG_ERROR && end - mig_plan__now() > 0) /* no plan yet: CBC goes on */
		rc = run(out, pb, &spec, start, end - mig_plan__now(), res);
	if (rc < 0 || res->optimal || end - mig_plan__now() <= 0)
		return rc;
	rc = mig_plan__ilp_search(out, pb, &spec, res->bound,
				  mig_plan__now() + (end - mig_plan__now()) * SEARCH_SHARE);
	if (rc > 0) {
		res->optimal = 1;
		return 0;
	}
	mig_error_clear(); /* a failed search leaves the best plan as it was */
	if (end - mig_plan__now() <= 0 || mig_plan__solution_init(&next, pb) < 0)
		return 0;
	if (run(&next, pb, &spec, out, end - mig_plan__now(), &again) == 0) {
		if (next.cost < out->cost)
			adopt(out, &next, pb);
		res->optimal = again.optimal;
		if (again.bound > res->bound)
			res->bound = again.bound;
	}
	mig_plan__solution_release(&next);
	mig_error_clear();
	return 0;
}

/* Phase 1: the least price. A start that meets the LP bound needs no search at all. */
static int price_phase(struct plan_solution *out, const struct plan_problem *pb,
		       const struct plan_solve_ctx *ctx)
{
	double left = ctx->deadline - mig_plan__now(), lp;
	const struct plan_solution *start;
	struct plan_solution rounded;
	struct outcome res;
	int rc = mig_plan__solution_init(&rounded, pb);

	if (rc < 0)
		return rc;
	start = better_start(out, &rounded, pb, ctx->start, left * 0.1);
	lp = out->lp_bound;
	if (start && start->cost <= price_floor(pb, lp)) {
		mig_plan__solution_copy(out, start, pb);
		out->lp_bound = lp;
		res.optimal = 1;
		rc = 0;
	} else {
		left = ctx->deadline - mig_plan__now();
		rc = least_price(out, pb, start,
				 ctx->objective == PLAN_OBJ_LEX ? left * PRICE_SHARE : left, &res);
	}
	mig_plan__solution_release(&rounded);
	if (rc == MIG_ENOFIT)
		return rc;
	if (rc < 0)
		return mig_error_set(MIG_ERROR, "cbc found no plan in %.1f s", left);
	out->optimal = res.optimal;
	/* prices are integers: a fractional bound rounds up */
	out->best_bound = res.optimal ? (double)out->cost : ceil(res.bound - 1e-6);
	return 0;
}

/*
 * Phases 2 and 3 after a price phase that took took seconds (ending now): the GPU phase
 * within its share, then the leftover phase within its own and what the GPU phase left of
 * their joint budget.
 */
static int tiebreaks(struct plan_solution *out, const struct plan_problem *pb,
		     const struct plan_solve_ctx *ctx, double took, double now)
{
	double end = now + share_of(took, TIEBREAK_SHARE, TIEBREAK_MIN_S), seconds;
	int rc = 0, proven = 0;

	seconds = share_of(took, GPUS_SHARE, GPUS_MIN_S);
	if (seconds > end - now - LEFTOVER_MIN_S)
		seconds = end - now - LEFTOVER_MIN_S;
	/* one GPU type with a price: the price fixes the GPUs */
	if (pb->type_count == 1 && pb->types[0].price > 0)
		proven = 1;
	else
		rc = refine(out, pb, PLAN_ILP_GPUS, until(ctx, now + seconds), &proven);
	out->gpus_optimal = rc == 0 && proven && out->optimal;
	if (rc < 0 || out->leftover == 0)
		return rc;
	now = mig_plan__now();
	seconds = share_of(took, LEFTOVER_SHARE, LEFTOVER_FLOOR_S);
	if (seconds > end - now)
		seconds = end - now > LEFTOVER_MIN_S ? end - now : LEFTOVER_MIN_S;
	return refine(out, pb, PLAN_ILP_LEFTOVER, until(ctx, now + seconds), &proven);
}

static int solve_cbc(struct plan_solution *out, const struct plan_problem *pb,
		     const struct plan_solve_ctx *ctx)
{
	double t0 = mig_plan__now(), now;
	int rc = price_phase(out, pb, ctx);

	if (rc < 0 || ctx->objective != PLAN_OBJ_LEX)
		return rc;
	now = mig_plan__now();
	out->price_ms = (now - t0) * 1000.0;
	return tiebreaks(out, pb, ctx, now - t0, now);
}

const struct plan_solver plan_solver_cbc = {
	.name = "cbc",
	.summary = "integer program solved by COIN-OR CBC (any fleet)",
	.solve = solve_cbc,
};
