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
 * first. A node with every count fixed is solved by CBC in full, briefly at first: one it
 * leaves undecided is retried after the rest of the search, when a better plan found
 * meanwhile may rule it out. When every node is closed the best plan is proven; when time
 * runs out nothing is claimed, and a better plan found is kept.
 */
#include "plan_ilp_search.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

/* Cut passes at a node's root: most of the proving power of CBC's default at a third the time. */
#define NODE_CUT_PASSES "5"
/*
 * At a node's root only CBC's mixed-integer rounding cuts (MIR and two-step MIR): on
 * bench_plan's 36 fleets of 100 to 200 workloads they prove as many nodes as all of CBC's
 * cuts, and the price phase takes 8.0 s in all against 9.1 s. Without two-step MIR it
 * takes 18.7 s.
 */
static const char *const node_cuts_off[] = {"gomoryCuts", "probingCuts", "knapsackCuts",
					    "cliqueCuts", "flowCoverCuts"};
/*
 * A node with every count fixed is solved in full, for at most this share of the search's
 * time (and at least LEAF_MIN_S): most take milliseconds, but a hard one would otherwise
 * use up the search (on a fleet of 1,000 workloads, one took 3.8 s without an answer).
 */
#define LEAF_SHARE 0.25
#define LEAF_MIN_S 0.1
/*
 * The first time, a leaf gets LEAF_FIRST_SHARE of that; one it leaves undecided is retried
 * after the rest of the search, when a better plan found meanwhile may rule it out without a
 * solve (on a fleet of 1,000 workloads, a leaf CBC could not settle in 1 s cost $2 more than
 * the plan found later).
 */
#define LEAF_FIRST_SHARE 0.25
/* An open node has a child per count up to this many counts, else BRANCH_WAYS ranges. */
#define SINGLE_MAX  16
#define BRANCH_WAYS 8
/*
 * A node that would branch on a type with at least WIDE_MIN counts left is first solved
 * whole, for at most WIDE_ROOT_TIMES its root's time (node_solve).
 */
#define WIDE_MIN	64
#define WIDE_ROOT_TIMES 8

/* The model of a node: the phase's, its counts as bounds, the objective below the best. */
static Cbc_Model *node_model(const struct search *s, int root_only, double cap_s)
{
	const struct plan_problem *pb = s->pb;
	Cbc_Model *m = mig_plan__ilp_build(pb, s->spec);
	double left = s->deadline - mig_plan__now();
	int *idx = calloc(pb->type_count + 1, sizeof(*idx));
	double *val = calloc(pb->type_count + 1, sizeof(*val));
	size_t t, n = 0, i;

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
		double one = 1;

		if (mig_plan__search_weight(s, t) == 0)
			continue;
		/*
		 * Rows, not the column's bounds: with fixed G columns CLP (2.10, built with
		 * assertions) aborted on a bench fleet (seed 10 of 100 workloads, one cut pass:
		 * "reducedCost(bestSequence) < 0.0" in ClpPrimalColumnSteepest), as it did for the
		 * fleet's counts (plan_ilp_model.c).
		 */
		Cbc_addRow(m, "count_lo", 1, &col, &one, 'G', (double)s->lo[t]);
		if (s->hi[t] >= 0)
			Cbc_addRow(m, "count_hi", 1, &col, &one, 'L', (double)s->hi[t]);
		idx[n] = col;
		val[n++] = (double)mig_plan__search_weight(s, t);
	}
	Cbc_addRow(m, "better", (int)n, idx, val, 'L',
		   (double)(mig_plan__search_best(s) - s->step));
	free(idx);
	free(val);
	mig_plan__ilp_tune(m, 0);
	if (root_only) {
		Cbc_setMaximumNodes(m, 0);
		Cbc_setParameter(m, "heur", "off");
		Cbc_setParameter(m, "passCuts", NODE_CUT_PASSES);
		for (i = 0; i < sizeof(node_cuts_off) / sizeof(*node_cuts_off); i++)
			Cbc_setParameter(m, node_cuts_off[i], "off");
	}
	if (cap_s > 0 && left > cap_s)
		left = cap_s;
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
 * Solve a node's root, or, when full, the whole node. Its bound into *bound, and the count
 * of type branch (unless -1) in the root's LP into *at.
 */
static enum node_state node_run(struct search *s, double full_s, long branch, double *bound,
				double *at)
{
	int full = full_s > 0;
	Cbc_Model *m = node_model(s, !full, full_s);
	enum node_state st;
	const double *x;

	if (!m)
		return NODE_UNDECIDED;
	Cbc_solve(m);
	keep_if_better(s, m);
	*bound = Cbc_getBestPossibleObjValue(m);
	if (branch >= 0 && (x = Cbc_getColSolution(m)))
		*at = x[mig_plan__ilp_gpu_column(s->pb, (size_t)branch)];
	if (Cbc_isProvenInfeasible(m) || Cbc_isProvenOptimal(m))
		st = NODE_CLOSED;
	else if (!full && !Cbc_isSecondsLimitReached(m))
		st = NODE_OPEN;
	else
		st = NODE_UNDECIDED;
	Cbc_deleteModel(m);
	return st;
}

/*
 * Solve a node: its root, which decides most. When every count is fixed (branch -1) and
 * the root left the node open, the whole node. When the branch type has many counts left,
 * also the whole node, for a few times the root's time: CBC often settles such a node
 * outright (fleets of 1,000 workloads, where the counts of A30s and A100s trade two for
 * one at one price, and ruling out each count takes longer).
 */
static enum node_state node_solve(struct search *s, long branch, double *bound, double *at)
{
	double t0 = mig_plan__now(), root_s, b = *bound, a = *at, leaf_s;
	enum node_state st = node_run(s, 0, branch, bound, at), full;

	root_s = mig_plan__now() - t0;
	if (st != NODE_OPEN)
		return st;
	if (branch < 0) {
		leaf_s = s->retrying ? s->leaf_seconds : s->leaf_first_seconds;
		return leaf_s > 0 ? node_run(s, leaf_s, branch, bound, at) : NODE_UNDECIDED;
	}
	if (s->hi[branch] - s->lo[branch] < WIDE_MIN)
		return st;
	full = node_run(s, fmin(s->leaf_seconds, WIDE_ROOT_TIMES * root_s), branch, &b, &a);
	if (full == NODE_CLOSED)
		*bound = b;
	return full == NODE_CLOSED ? full : st;
}

/* The type with the fewest counts left (more than one); -1 when all are fixed. */
static long branch_type(const struct search *s)
{
	long pick = -1;
	size_t t;

	for (t = 0; t < s->pb->type_count; t++)
		if (mig_plan__search_weight(s, t) > 0 && s->hi[t] > s->lo[t] &&
		    (pick < 0 || s->hi[t] - s->lo[t] < s->hi[pick] - s->lo[pick]))
			pick = (long)t;
	return pick;
}

static void search_node(struct search *s, double lower);

/*
 * Keep the current leaf (every count fixed) to retry after the rest of the search; 0 when
 * it is a retry already, or on no memory.
 */
static int leave_for_later(struct search *s, double bound)
{
	size_t n = s->pb->type_count;

	if (s->retrying)
		return 0;
	if (s->later_count == s->later_cap) {
		size_t cap = s->later_cap ? 2 * s->later_cap : 8;
		long *later = realloc(s->later, cap * 2 * n * sizeof(*later));
		double *bounds;

		if (!later)
			return 0;
		s->later = later;
		bounds = realloc(s->later_bound, cap * sizeof(*bounds));
		if (!bounds)
			return 0;
		s->later_bound = bounds;
		s->later_cap = cap;
	}
	memcpy(s->later + s->later_count * 2 * n, s->lo, n * sizeof(*s->lo));
	memcpy(s->later + s->later_count * 2 * n + n, s->hi, n * sizeof(*s->hi));
	s->later_bound[s->later_count++] = bound;
	return 1;
}

/* Retry the leaves left for later, with their whole time; each may be ruled out by now. */
static void retry_later(struct search *s)
{
	size_t n = s->pb->type_count, i;

	s->retrying = 1;
	for (i = 0; i < s->later_count && s->complete; i++) {
		memcpy(s->lo, s->later + i * 2 * n, n * sizeof(*s->lo));
		memcpy(s->hi, s->later + i * 2 * n + n, n * sizeof(*s->hi));
		search_node(s, s->later_bound[i]);
	}
}

/* Branch on type t: the root LP's count was at; children inherit bound. */
static void branch(struct search *s, long t, double at, double bound)
{
	long lo = s->lo[t], hi = s->hi[t], width, g, i;

	/*
	 * A type with few counts left branches on each; one with many on BRANCH_WAYS ranges.
	 * The count (or range) of the root LP first, then those nearest it, where better plans
	 * are likeliest.
	 */
	width = hi - lo < SINGLE_MAX ? 1 : (hi - lo + BRANCH_WAYS) / BRANCH_WAYS;
	g = (lround(at) < lo ? lo : lround(at) > hi ? hi : lround(at)) - lo;
	g /= width;
	for (i = 0; i <= 2 * ((hi - lo) / width) && s->complete; i++) {
		long k = i % 2 ? g + (i + 1) / 2 : g - i / 2;

		if (k < 0 || lo + k * width > hi)
			continue;
		s->lo[t] = lo + k * width;
		s->hi[t] = s->lo[t] + width - 1 < hi ? s->lo[t] + width - 1 : hi;
		search_node(s, bound);
	}
	s->lo[t] = lo;
	s->hi[t] = hi;
}

static void search_node(struct search *s, double lower)
{
	size_t n = s->pb->type_count;
	long *saved = malloc(2 * n * sizeof(*saved)), t;
	double bound = lower, at = 0;
	enum node_state st;

	if (!saved) {
		s->complete = 0;
		return;
	}
	memcpy(saved, s->lo, n * sizeof(*saved));
	memcpy(saved + n, s->hi, n * sizeof(*saved));
	if (!s->complete || !mig_plan__search_narrow(s, lower))
		goto out;
	if (mig_plan__now() >= s->deadline) {
		s->complete = 0;
		goto out;
	}
	t = branch_type(s);
	st = node_solve(s, t, &bound, &at);
	if (bound < lower)
		bound = lower;
	if (st == NODE_UNDECIDED && !(t < 0 && leave_for_later(s, bound)))
		s->complete = 0;
	if (st == NODE_OPEN && mig_plan__search_narrow(s, bound)) {
		/* the narrowing may have fixed the type */
		if (s->hi[t] > s->lo[t])
			branch(s, t, at, bound);
		else
			search_node(s, bound);
	}
out:
	memcpy(s->lo, saved, n * sizeof(*saved));
	memcpy(s->hi, saved + n, n * sizeof(*saved));
	free(saved);
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
		if (mig_plan__search_weight(s, t) == 0)
			continue;
		for (sense = 1; sense >= -1; sense -= 2) {
			Cbc_Model *m = node_model(s, 0, 0);
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
	return mig_plan__ilp_search_tuned(best, pb, spec, bound, deadline, NULL);
}

int mig_plan__ilp_search_tuned(struct plan_solution *best, const struct plan_problem *pb,
			       const struct plan_ilp_spec *spec, double bound, double deadline,
			       const struct search_tuning *tuning)
{
	static const struct search_tuning defaults = {LEAF_FIRST_SHARE};
	struct search s;
	size_t t;
	int rc;

	if (!tuning)
		tuning = &defaults;
	memset(&s, 0, sizeof(s));
	s.pb = pb;
	s.spec = spec;
	s.best = best;
	s.bound = bound;
	s.deadline = deadline;
	s.leaf_seconds = (deadline - mig_plan__now()) * LEAF_SHARE;
	if (s.leaf_seconds < LEAF_MIN_S)
		s.leaf_seconds = LEAF_MIN_S;
	s.leaf_first_seconds = tuning->leaf_first_share > 0
				       ? fmax(s.leaf_seconds * tuning->leaf_first_share, LEAF_MIN_S)
				       : 0;
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
		retry_later(&s);
		rc = s.complete;
	}
	mig_plan__solution_release(&s.scratch);
	free(s.lo);
	free(s.hi);
	free(s.later);
	free(s.later_bound);
	return rc;
}
