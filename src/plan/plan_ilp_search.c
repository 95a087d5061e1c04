/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Proving the price phase and the GPU phase by branching on GPU counts (plan_ilp.c runs it
 * when CBC alone has not proven a phase within a short while).
 *
 * Plans whose GPU mixes cost the same (two A30s at $0.90 against one A100 at $1.80) leave
 * CBC's own branch-and-bound with many nodes whose LP bound sits just under the best plan,
 * and on some fleets it cannot close that gap in any time. Two facts close it here:
 *
 *  - with the number of GPUs of one type fixed, CBC's root (its cuts, no branching) often
 *    proves in a few milliseconds that no better plan exists;
 *  - a plan's price is a sum of GPU prices, so with each type's count within a range only
 *    some prices (and GPU counts at a price) can occur at all: when none is better than the
 *    best plan and above the node's bound, the node is closed without a solve.
 *
 * The search is depth first: a node fixes the counts of some types; its root solve either
 * rules it out, finds a better plan, or gives a bound and an LP count for the next type;
 * an open node branches on each count of the type with the fewest left, nearest the LP's
 * first. A node with every count fixed is solved by CBC in full. When every node is closed
 * the best plan is proven; when time runs out nothing is claimed, and a better plan found
 * is kept.
 */
#include "plan_ilp.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

/* Cut passes at a node's root: most of the proving power of CBC's default at a third the time. */
#define NODE_CUT_PASSES "5"
/* Sums checked per node at most (price steps times counts); beyond, a node is solved. */
#define REACH_MAX_WORK 20000000L

struct search {
	const struct plan_problem *pb;
	const struct plan_ilp_spec *spec; /* the phase: PRICE, or GPUS with its price cap */
	int64_t step;			  /* the objective's step: the price step, or 1 GPU */
	int64_t price_step;		  /* every price is a multiple of this */
	double bound;			  /* a known lower bound on the objective */
	double deadline;		  /* mig_plan__now() to stop at */
	int complete;			  /* 0 once a node is left undecided */
	long *lo, *hi; /* the counts a node allows, per type; hi -1: any */
	struct plan_solution *best;
	struct plan_solution scratch;
};

int64_t mig_plan__price_step(const struct plan_problem *pb)
{
	int64_t step = 0, a, b, r;
	size_t t;

	for (t = 0; t < pb->type_count; t++) {
		for (a = step, b = pb->types[t].price; b; r = a % b, a = b, b = r)
			;
		step = a;
	}
	return step;
}

/* The objective's weight of a GPU of type t. */
static int64_t weight(const struct search *s, size_t t)
{
	return s->spec->phase == PLAN_ILP_PRICE ? s->pb->types[t].price : 1;
}

static int64_t best_value(const struct search *s)
{
	return s->spec->phase == PLAN_ILP_PRICE ? s->best->cost : (int64_t)s->best->gpus;
}

static int64_t price_unit(const struct search *s)
{
	return s->price_step > 0 ? s->price_step : 1;
}

/* The least and most GPUs of the plans with each price sum, over the node's counts. */
struct reach {
	int64_t width; /* price steps 0..width above the node's least price */
	long *least, *most; /* per price step; least -1: no plan has that price */
};

static void reach_fill(struct reach *r, const struct search *s)
{
	const struct plan_problem *pb = s->pb;
	long gpus = 0, spare = 0;
	int64_t x, j;
	size_t t;

	for (t = 0; t < pb->type_count; t++) {
		gpus += s->lo[t];
		if (pb->types[t].price == 0)
			spare = s->hi[t] < 0 || spare == LONG_MAX ? LONG_MAX : spare + s->hi[t] - s->lo[t];
	}
	for (x = 0; x <= r->width; x++)
		r->least[x] = r->most[x] = -1;
	r->least[0] = gpus;
	r->most[0] = spare == LONG_MAX ? LONG_MAX : gpus + spare;
	for (t = 0; t < pb->type_count; t++) {
		int64_t p = pb->types[t].price / price_unit(s), k = s->hi[t] - s->lo[t];

		if (p == 0 || k <= 0)
			continue;
		/* downwards, so that each sum adds up to k more of this type to the old sums */
		for (x = r->width; x >= p; x--)
			for (j = 1; j <= k && j * p <= x; j++) {
				long lst = r->least[x - j * p], mst = r->most[x - j * p];

				if (lst < 0)
					continue;
				if (r->least[x] < 0 || lst + j < r->least[x])
					r->least[x] = lst + (long)j;
				if (mst == LONG_MAX || r->most[x] < mst + j)
					r->most[x] = mst == LONG_MAX ? LONG_MAX : mst + (long)j;
			}
	}
}

/*
 * Whether the node's counts allow a plan better than the best whose objective is at least
 * lower: for the price, a price between lower and the best's less one step; for the GPUs,
 * a price within the cap (exactly the cap when it is the proven least) with fewer GPUs
 * than the best and at least lower.
 */
static int better_possible(const struct search *s, double lower)
{
	const struct plan_problem *pb = s->pb;
	int64_t unit = price_unit(s), base = 0, from, to, work = 0, x;
	long glo = 0, ghi = LONG_MAX;
	struct reach r;
	size_t t;
	int found = 0;

	if (lower < s->bound)
		lower = s->bound;
	if (s->spec->phase == PLAN_ILP_PRICE) {
		from = (int64_t)ceil(lower - 1e-6);
		to = s->best->cost - s->step;
	} else {
		from = s->spec->price_exact ? s->spec->price_cap : 0;
		to = s->spec->price_cap;
		glo = (long)ceil(lower - 1e-6);
		ghi = (long)s->best->gpus - 1;
		if (ghi < glo)
			return 0;
	}
	for (t = 0; t < pb->type_count; t++) {
		base += pb->types[t].price / unit * s->lo[t];
		work += s->hi[t] < 0 ? 0 : s->hi[t] - s->lo[t];
	}
	from = (from + unit - 1) / unit - base;
	to = to / unit - base;
	if (to < 0 || to < from)
		return 0;
	if (from < 0)
		from = 0;
	if (to > REACH_MAX_WORK || work * to > REACH_MAX_WORK)
		return 1;
	r.width = to;
	r.least = calloc((size_t)to + 1, sizeof(*r.least));
	r.most = calloc((size_t)to + 1, sizeof(*r.most));
	if (!r.least || !r.most) {
		found = 1; /* cannot tell: solve the node */
	} else {
		reach_fill(&r, s);
		for (x = from; x <= to && !found; x++)
			found = r.least[x] >= 0 && r.least[x] <= ghi && r.most[x] >= glo;
	}
	free(r.least);
	free(r.most);
	return found;
}

/* The model of a node: the phase's, its counts as bounds, the objective below the best. */
static Cbc_Model *node_model(const struct search *s, int root_only)
{
	const struct plan_problem *pb = s->pb;
	Cbc_Model *m = mig_plan__ilp_build(pb, s->spec);
	double left = s->deadline - mig_plan__now();
	int *idx = calloc(pb->type_count + 1, sizeof(*idx));
	double *val = calloc(pb->type_count + 1, sizeof(*val));
	size_t t, n = 0;

	if (!m || !idx || !val) {
		if (m)
			Cbc_deleteModel(m);
		free(idx);
		free(val);
		mig_error_oom();
		return NULL;
	}
	for (t = 0; t < pb->type_count; t++) {
		int col = (int)mig_plan__ilp_gpu_column(pb, t);

		if (weight(s, t) == 0)
			continue;
		Cbc_setColLower(m, col, (double)s->lo[t]);
		Cbc_setColUpper(m, col, s->hi[t] >= 0 ? (double)s->hi[t] : DBL_MAX);
		idx[n] = col;
		val[n++] = (double)weight(s, t);
	}
	Cbc_addRow(m, "better", (int)n, idx, val, 'L', (double)(best_value(s) - s->step));
	free(idx);
	free(val);
	mig_plan__ilp_tune(m, 0);
	if (root_only) {
		Cbc_setMaximumNodes(m, 0);
		Cbc_setParameter(m, "heur", "off");
		Cbc_setParameter(m, "passCuts", NODE_CUT_PASSES);
	}
	Cbc_setMaximumSeconds(m, left > 0.01 ? left : 0.01);
	return m;
}

/* Keep CBC's plan when it is better than the best (the best's bounds stay). */
static void keep_if_better(struct search *s, Cbc_Model *m)
{
	struct plan_solution *b = s->best, *c = &s->scratch;
	double lp = b->lp_bound, bb = b->best_bound, ms = b->price_ms;
	int optimal = b->optimal;

	if (!mig_plan__ilp_take(c, m, s->pb))
		return;
	if (s->spec->phase == PLAN_ILP_PRICE ? c->cost < b->cost
					     : c->gpus < b->gpus && c->cost <= s->spec->price_cap) {
		mig_plan__solution_copy(b, c, s->pb);
		b->lp_bound = lp;
		b->best_bound = bb;
		b->price_ms = ms;
		b->optimal = optimal;
	}
}

enum node_state { NODE_CLOSED, NODE_OPEN, NODE_UNDECIDED };

/*
 * Solve a node: its root only when branch names the type to branch on next, in full when
 * every count is fixed (branch -1). Its bound into *bound, and the count of the branch type
 * in the root's LP into *at.
 */
static enum node_state node_solve(struct search *s, long branch, double *bound, double *at)
{
	int root_only = branch >= 0;
	Cbc_Model *m = node_model(s, root_only);
	enum node_state st;
	const double *x;

	if (!m)
		return NODE_UNDECIDED;
	Cbc_solve(m);
	keep_if_better(s, m);
	*bound = Cbc_getBestPossibleObjValue(m);
	if (root_only && (x = Cbc_getColSolution(m)))
		*at = x[mig_plan__ilp_gpu_column(s->pb, (size_t)branch)];
	if (Cbc_isProvenInfeasible(m) || Cbc_isProvenOptimal(m))
		st = NODE_CLOSED;
	else if (root_only && !Cbc_isSecondsLimitReached(m))
		st = NODE_OPEN;
	else
		st = NODE_UNDECIDED;
	Cbc_deleteModel(m);
	return st;
}

/* The type with the fewest counts left (more than one); -1 when all are fixed. */
static long branch_type(const struct search *s)
{
	long pick = -1;
	size_t t;

	for (t = 0; t < s->pb->type_count; t++)
		if (weight(s, t) > 0 && s->hi[t] > s->lo[t] &&
		    (pick < 0 || s->hi[t] - s->lo[t] < s->hi[pick] - s->lo[pick]))
			pick = (long)t;
	return pick;
}

static void search_node(struct search *s, double lower)
{
	long t = branch_type(s), lo, hi, g, i;
	double bound = lower, at = 0;
	enum node_state st;

	if (!s->complete || !better_possible(s, lower))
		return;
	if (mig_plan__now() >= s->deadline) {
		s->complete = 0;
		return;
	}
	st = node_solve(s, t, &bound, &at);
	if (st == NODE_UNDECIDED)
		s->complete = 0;
	if (bound < lower)
		bound = lower;
	if (st != NODE_OPEN || !better_possible(s, bound))
		return;
	lo = s->lo[t];
	hi = s->hi[t];
	/* the counts nearest the root's LP first, where better plans are likeliest */
	g = lround(at) < lo ? lo : lround(at) > hi ? hi : lround(at);
	for (i = 0; i <= 2 * (hi - lo) && s->complete; i++) {
		long v = i % 2 ? g + (i + 1) / 2 : g - i / 2;

		if (v < lo || v > hi)
			continue;
		s->lo[t] = s->hi[t] = v;
		search_node(s, bound);
	}
	s->lo[t] = lo;
	s->hi[t] = hi;
}

/*
 * The counts of each weighted type that a better plan allows in the LP relaxation (its
 * least and most). 1 when no better plan exists even there; <0 on error.
 */
static int count_ranges(struct search *s)
{
	const struct plan_problem *pb = s->pb;
	size_t ncol = pb->pattern_count + pb->option_count + pb->type_count, t, i;
	int sense;

	for (t = 0; t < pb->type_count; t++) {
		if (weight(s, t) == 0)
			continue;
		for (sense = 1; sense >= -1; sense -= 2) {
			Cbc_Model *m = node_model(s, 0);
			int solved;
			double v;

			if (!m)
				return mig_error_last()->code;
			for (i = 0; i < ncol; i++) {
				Cbc_setContinuous(m, (int)i);
				Cbc_setObjCoeff(m, (int)i, 0);
			}
			Cbc_setObjCoeff(m, (int)mig_plan__ilp_gpu_column(pb, t), sense);
			Cbc_solve(m);
			solved = Cbc_isProvenOptimal(m);
			v = solved ? Cbc_getObjValue(m) * sense : 0;
			if (!solved && Cbc_isProvenInfeasible(m)) {
				Cbc_deleteModel(m);
				return 1;
			}
			Cbc_deleteModel(m);
			if (!solved)
				return mig_error_set(MIG_ERROR, "cbc: no LP range for a GPU count");
			if (sense > 0)
				s->lo[t] = (long)ceil(v - 1e-6);
			else
				s->hi[t] = (long)floor(v + 1e-6);
		}
		if (s->hi[t] < s->lo[t])
			return 1;
	}
	return 0;
}

int mig_plan__ilp_search(struct plan_solution *best, const struct plan_problem *pb,
			 const struct plan_ilp_spec *spec, double bound, double deadline)
{
	struct search s;
	size_t t;
	int rc;

	memset(&s, 0, sizeof(s));
	s.pb = pb;
	s.spec = spec;
	s.best = best;
	s.bound = bound;
	s.deadline = deadline;
	s.price_step = mig_plan__price_step(pb);
	s.step = spec->phase == PLAN_ILP_PRICE ? s.price_step : 1;
	s.complete = 1;
	if (s.step <= 0 || spec->phase == PLAN_ILP_LEFTOVER)
		return 0; /* no price to prove (every GPU is free), or not a count objective */
	s.lo = calloc(pb->type_count + 1, sizeof(*s.lo));
	s.hi = calloc(pb->type_count + 1, sizeof(*s.hi));
	rc = mig_plan__solution_init(&s.scratch, pb);
	if (rc == 0 && (!s.lo || !s.hi))
		rc = mig_error_oom();
	for (t = 0; rc == 0 && t < pb->type_count; t++)
		s.hi[t] = -1;
	if (rc == 0)
		rc = count_ranges(&s);
	if (rc == 0) {
		search_node(&s, bound);
		rc = s.complete;
	}
	mig_plan__solution_release(&s.scratch);
	free(s.lo);
	free(s.hi);
	return rc;
}
