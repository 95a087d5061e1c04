/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Which GPU counts can give a plan better than the best (for the search of
 * plan_ilp_search.c): the window of prices and GPU counts a better plan has, each type's
 * count range narrowed to it, and whether any price the counts can sum to lies in it.
 *
 * A plan's price is a sum of GPU prices, all multiples of one step. With each type's count
 * within a range, only some sums occur, and on fleets whose GPU prices are small multiples
 * of the step (A30 $0.90, A100 $1.80, H100 $2.90, H200 $3.80: steps of $0.10) few of them
 * fall between a node's bound and the best price: often none, and the node is closed with
 * no solve.
 */
#include "plan_ilp_search.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "banned.h"

/*
 * The subset sum runs over at most REACH_MAX_STEPS price steps (two arrays of longs: 4 MiB)
 * and REACH_MAX_WORK steps times counts; beyond either a node is solved without it. A fleet
 * of 10,000 workloads at $0.10 steps is about 120,000 steps.
 */
#define REACH_MAX_STEPS (1L << 18)
#define REACH_MAX_WORK	20000000L

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

int64_t mig_plan__search_weight(const struct search *s, size_t t)
{
	return s->spec->phase == PLAN_ILP_PRICE ? s->pb->types[t].price : 1;
}

int64_t mig_plan__search_best(const struct search *s)
{
	return s->spec->phase == PLAN_ILP_PRICE ? s->best->cost : (int64_t)s->best->gpus;
}

static int64_t price_unit(const struct search *s)
{
	return s->price_step > 0 ? s->price_step : 1;
}

/* The least and most GPUs of the plans with each price sum, over the node's counts. */
struct reach {
	int64_t width;	    /* price steps 0..width above the node's least price */
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
			spare = s->hi[t] < 0 || spare == LONG_MAX ? LONG_MAX
								  : spare + s->hi[t] - s->lo[t];
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
 * The window of a better plan: for the price, a price between lower and the best's less
 * one step; for the GPUs, a price within the cap (exactly the cap when it is the proven
 * least) with fewer GPUs than the best and at least lower.
 */
struct window {
	int64_t from, to; /* prices, in price units */
	long glo, ghi;	  /* GPUs */
};

/* The prices and GPU counts of a plan better than the best and at least lower; 0: none. */
static int window_of(const struct search *s, double lower, struct window *w)
{
	if (lower < s->bound)
		lower = s->bound;
	w->glo = 0;
	w->ghi = LONG_MAX;
	if (s->spec->phase == PLAN_ILP_PRICE) {
		w->from = (int64_t)ceil(lower - 1e-6);
		w->to = s->best->cost - s->step;
	} else {
		w->from = s->spec->price_exact ? s->spec->price_cap : 0;
		w->to = s->spec->price_cap;
		w->glo = (long)ceil(lower - 1e-6);
		w->ghi = (long)s->best->gpus - 1;
	}
	return w->from <= w->to && w->glo <= w->ghi;
}

/* a / b rounded down and up, b > 0 */
static int64_t div_floor(int64_t a, int64_t b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

static int64_t div_ceil(int64_t a, int64_t b)
{
	return -div_floor(-a, b);
}

static int64_t max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static int64_t min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/*
 * Narrow each count to what the window leaves it with the others' ranges (a type's
 * price times its count lies between the window less the others' most and least). With
 * the others fixed, a count is left with the one or two values that hit the window.
 * 0 when some count has none.
 */
static int tighten(struct search *s, const struct window *w)
{
	const struct plan_problem *pb = s->pb;
	int64_t pmin = 0, pmax = 0, gmin = 0, gmax = 0;
	int pass, open_price = 0, open_gpus = 0;
	size_t t;

	for (pass = 0; pass < 2; pass++) {
		pmin = pmax = gmin = gmax = 0;
		open_price = open_gpus = 0;
		for (t = 0; t < pb->type_count; t++) {
			int64_t p = pb->types[t].price;

			pmin += p * s->lo[t];
			gmin += s->lo[t];
			if (s->hi[t] < 0) {
				open_price |= p > 0;
				open_gpus = 1;
			} else {
				pmax += p * s->hi[t];
				gmax += s->hi[t];
			}
		}
		for (t = 0; t < pb->type_count; t++) {
			int64_t p = pb->types[t].price, lo = s->lo[t], hi = s->hi[t];

			if (mig_plan__search_weight(s, t) == 0 || hi < 0)
				continue;
			if (p > 0) {
				if (!open_price)
					lo = max64(lo,
						   div_ceil(w->from - (pmax - p * s->hi[t]), p));
				hi = min64(hi, div_floor(w->to - (pmin - p * s->lo[t]), p));
			}
			if (s->spec->phase == PLAN_ILP_GPUS) {
				if (!open_gpus)
					lo = max64(lo, w->glo - (gmax - s->hi[t]));
				hi = min64(hi, w->ghi - (gmin - s->lo[t]));
			}
			if (lo > hi)
				return 0;
			s->lo[t] = (long)lo;
			s->hi[t] = (long)hi;
		}
	}
	return 1;
}

/* Whether some price sum of the node's counts lies in the window of lower. */
static int better_possible(const struct search *s, double lower)
{
	const struct plan_problem *pb = s->pb;
	int64_t unit = price_unit(s), base = 0, from, to, work = 0, x;
	long glo, ghi;
	struct window w;
	struct reach r;
	size_t t;
	int found = 0;

	if (!window_of(s, lower, &w))
		return 0;
	from = w.from;
	to = w.to;
	glo = w.glo;
	ghi = w.ghi;
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
	if (to > REACH_MAX_STEPS || work * to > REACH_MAX_WORK)
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

/* Tighten the node's counts to the window of lower; 0 when no better plan is left. */
int mig_plan__search_narrow(struct search *s, double lower)
{
	struct window w;

	return window_of(s, lower, &w) && tighten(s, &w) && better_possible(s, lower);
}
