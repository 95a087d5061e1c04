/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The search over GPU counts (src/plan/plan_ilp_search.c, plan_ilp_counts.c): the
 * arithmetic of which counts can give a better plan, and the search itself, which must prove
 * the least price (and the fewest GPUs at it) from a poor start, claim nothing when out of
 * time, and never prove a price that a plan can beat (random fleets, against the planner).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "test_plan_helpers.h"
#include "plan/plan_ilp_search.h"

/* ------------------------------------------------------------------ the arithmetic */

/* Bench prices in price units: A30 $0.90, A100 $1.80, H100 $2.90, H200 $3.80. */
static const int64_t bench_price[4] = {9000, 18000, 29000, 38000};

struct counts_case {
	struct plan_type types[4];
	struct plan_problem pb;
	struct plan_ilp_spec spec;
	struct plan_solution best;
	long lo[4], hi[4];
	struct search s;
};

static void counts_setup(struct counts_case *c, enum plan_ilp_phase phase, size_t types,
			 const int64_t *price)
{
	size_t t;

	memset(c, 0, sizeof(*c));
	for (t = 0; t < types; t++)
		c->types[t].price = price[t];
	c->pb.types = c->types;
	c->pb.type_count = types;
	c->spec.phase = phase;
	c->s.pb = &c->pb;
	c->s.spec = &c->spec;
	c->s.best = &c->best;
	c->s.lo = c->lo;
	c->s.hi = c->hi;
	c->s.price_step = mig_plan__price_step(&c->pb);
	c->s.step = phase == PLAN_ILP_PRICE ? c->s.price_step : 1;
}

static void set_counts(struct counts_case *c, const long *lo, const long *hi)
{
	memcpy(c->lo, lo, c->pb.type_count * sizeof(*lo));
	memcpy(c->hi, hi, c->pb.type_count * sizeof(*hi));
}

static void test_plan_ilp_search__price_step_is_the_gcd(void **state)
{
	struct counts_case c;
	static const int64_t free_and_priced[2] = {0, 18000};

	counts_setup(&c, PLAN_ILP_PRICE, 4, bench_price);
	assert_int_equal(c.s.price_step, 1000);
	counts_setup(&c, PLAN_ILP_PRICE, 2, free_and_priced);
	assert_int_equal(c.s.price_step, 18000);
	(void)state;
}

/*
 * A plan costs $110.80 and the bound is $110.41: a better plan costs $110.50 to $110.70.
 * With 13 H200s and 2 or 3 H100s, the A30s and A100s must make up $55.30-$55.50 or
 * $52.40-$52.60, and they only make multiples of $0.90: no count can do better. With up to
 * 7 H100s, 5 of them leave $52.20 = 58 x $0.90 for the others: some can.
 */
static void test_plan_ilp_search__no_price_sum_in_the_window(void **state)
{
	static const long lo[4] = {0, 8, 2, 13}, hi[4] = {41, 38, 3, 13};
	static const long wide_hi[4] = {41, 38, 7, 13};
	struct counts_case c;

	counts_setup(&c, PLAN_ILP_PRICE, 4, bench_price);
	c.best.cost = 1108000;
	c.s.bound = 1104125;
	set_counts(&c, lo, hi);
	assert_false(mig_plan__search_narrow(&c.s, c.s.bound));
	set_counts(&c, lo, wide_hi);
	assert_true(mig_plan__search_narrow(&c.s, c.s.bound));
	/* and a node bound above every better price closes it */
	set_counts(&c, lo, wide_hi);
	assert_false(mig_plan__search_narrow(&c.s, 1107500));
	(void)state;
}

/* With every other count fixed, a count keeps only the values that reach the window. */
static void test_plan_ilp_search__last_count_is_fixed_by_the_window(void **state)
{
	static const long lo[4] = {0, 10, 1, 2}, hi[4] = {100, 10, 1, 2};
	struct counts_case c;

	counts_setup(&c, PLAN_ILP_PRICE, 4, bench_price);
	/* 10 A100 + 1 H100 + 2 H200 = $28.50; the best is $37.50, the bound $36.50 */
	c.best.cost = 375000;
	c.s.bound = 365000;
	set_counts(&c, lo, hi);
	assert_true(mig_plan__search_narrow(&c.s, c.s.bound));
	/* $36.50-$37.40 less $28.50 is $8.00-$8.90: only 9 A30s ($8.10) fit */
	assert_int_equal(c.lo[0], 9);
	assert_int_equal(c.hi[0], 9);
	(void)state;
}

/* A GPU type with no price neither blocks nor joins the price's arithmetic. */
static void test_plan_ilp_search__free_type_is_left_alone(void **state)
{
	static const int64_t price[2] = {0, 18000};
	static const long lo[2] = {0, 0}, hi[2] = {-1, 5};
	struct counts_case c;

	counts_setup(&c, PLAN_ILP_PRICE, 2, price);
	c.best.cost = 54000; /* 3 A100s */
	c.s.bound = 0;
	set_counts(&c, lo, hi);
	assert_true(mig_plan__search_narrow(&c.s, 0));
	assert_int_equal(c.hi[0], -1);
	assert_int_equal(c.hi[1], 2);
	(void)state;
}

/*
 * The GPU phase at a proven $3.60 with A30s and A100s: fewer than 3 GPUs is possible (two
 * A100s); fewer than 2 is not, since one GPU costs at most $1.80.
 */
static void test_plan_ilp_search__gpu_window_at_an_exact_price(void **state)
{
	static const long lo[2] = {0, 0}, hi[2] = {4, 2};
	struct counts_case c;

	counts_setup(&c, PLAN_ILP_GPUS, 2, bench_price);
	c.spec.price_cap = 36000;
	c.spec.price_exact = 1;
	c.best.gpus = 3;
	c.s.bound = 0;
	set_counts(&c, lo, hi);
	assert_true(mig_plan__search_narrow(&c.s, 0));
	c.best.gpus = 2;
	set_counts(&c, lo, hi);
	assert_false(mig_plan__search_narrow(&c.s, 0));
	/* with the price only a cap, one A30 at $0.90 would do */
	c.spec.price_exact = 0;
	set_counts(&c, lo, hi);
	assert_true(mig_plan__search_narrow(&c.s, 0));
	(void)state;
}

/* ------------------------------------------------------------------ the search */

/* n workloads drawn from seed (0.5B to 13B, one or two replicas); seed 0: each a 1B model. */
static void add_workloads(mig_plan_input *in, unsigned n, unsigned seed)
{
	static const double params[6] = {0.5e9, 1e9, 3e9, 7e9, 8e9, 13e9};
	unsigned i, r = seed * 2654435761u + 1;

	for (i = 0; i < n; i++) {
		mig_plan_workload w;
		char name[32];

		r = r * 1103515245u + 12345u;
		mig_plan_workload_init(&w);
		snprintf(name, sizeof(name), "w%u", i);
		w.name = name;
		w.params = seed ? params[(r >> 16) % 6] : 1e9;
		w.replicas = seed ? 1 + (r >> 8) % 2 : 1;
		assert_ok(mig_plan_input_add_workload(in, &w));
	}
}

static void add_gpu(mig_plan_input *in, const char *key, unsigned count, int64_t price)
{
	mig_plan_fleet_entry e = {0};

	e.gpu = gpu(key);
	e.count = count;
	e.price_per_hour = (double)price / 10000.0;
	assert_ok(mig_plan_input_add_gpu(in, &e));
}

/* The first types of A30, A100, H100 and H200 at the bench's prices, unlimited. */
static mig_plan_input *fleet(size_t types, unsigned workloads, unsigned seed)
{
	static const char *const keys[4] = {"a30", "a100-80gb", "h100-80gb", "h200-141gb"};
	mig_plan_input *in = NULL;
	size_t t;

	assert_ok(mig_plan_input_new(&in, "search"));
	for (t = 0; t < types; t++)
		add_gpu(in, keys[t], MIG_PLAN_UNLIMITED, bench_price[t]);
	add_workloads(in, workloads, seed);
	return in;
}

struct built {
	mig_plan_input *in;
	struct plan_problem pb;
	struct plan_solution start;
};

/* The problem of in and first-fit's plan of it; that plan's error when there is none. */
static int try_build(struct built *b, mig_plan_input *in)
{
	static const mig_plan_options opts = MIG_PLAN_OPTIONS_INIT;

	b->in = in;
	assert_ok(mig_plan__problem_build(&b->pb, in, &opts));
	assert_ok(mig_plan__solution_init(&b->start, &b->pb));
	return mig_plan__ffd(&b->start, &b->pb);
}

static void build(struct built *b, mig_plan_input *in)
{
	assert_ok(try_build(b, in));
}

static void unbuild(struct built *b)
{
	mig_plan__solution_release(&b->start);
	mig_plan__problem_release(&b->pb);
	mig_plan_input_free(b->in);
}

/* The planner's proven least price of a fleet ($/hr); its GPUs when proven fewest, else 0. */
static double plan_least(mig_plan_input *in, unsigned *gpus)
{
	mig_plan_options opts = MIG_PLAN_OPTIONS_INIT;
	mig_plan *p = NULL;
	double v;

	opts.no_baselines = 1;
	assert_ok(mig_plan_compute(&p, in, &opts));
	assert_true(p->stats.optimal);
	v = p->stats.cost_per_hour;
	if (gpus)
		*gpus = p->stats.gpus_optimal ? p->stats.gpus : 0;
	mig_plan_free(p);
	return v;
}

static double plan_price(mig_plan_input *in)
{
	return plan_least(in, NULL);
}

/*
 * Fourteen 1B models on A30s and A100s (test_plan_ilp_phases.c): from first-fit's plan the
 * search finds and proves the least price, $3.60; then, at that price, the fewest GPUs, 2.
 */
static void test_plan_ilp_search__proves_price_then_gpus(void **state)
{
	struct plan_ilp_spec price = {PLAN_ILP_PRICE, 0, 0, 0, 0};
	struct plan_ilp_spec gpus = {PLAN_ILP_GPUS, 0, 36000, 0, 1};
	struct built b;

	build(&b, fleet(2, 14, 0));
	assert_int_equal(mig_plan__ilp_search(&b.start, &b.pb, &price, 0, mig_plan__now() + 30), 1);
	assert_int_equal(b.start.cost, 36000);
	assert_int_equal(mig_plan__ilp_search(&b.start, &b.pb, &gpus, 0, mig_plan__now() + 30), 1);
	assert_int_equal(b.start.cost, 36000);
	assert_int_equal(b.start.gpus, 2);
	unbuild(&b);
	(void)state;
}

/* Out of time, the search claims nothing and leaves the plan as it was. */
static void test_plan_ilp_search__no_time_no_claim(void **state)
{
	struct plan_ilp_spec price = {PLAN_ILP_PRICE, 0, 0, 0, 0};
	struct built b;
	int64_t cost;

	build(&b, fleet(4, 40, 3));
	cost = b.start.cost;
	assert_int_equal(mig_plan__ilp_search(&b.start, &b.pb, &price, 0, mig_plan__now() - 1), 0);
	assert_int_equal(b.start.cost, cost);
	assert_int_equal(mig_plan__solution_evaluate(&b.start, &b.pb), 0);
	unbuild(&b);
	(void)state;
}

/*
 * A best plan that the LP relaxation cannot beat by one price step is proven without a
 * node: the search's count ranges are empty.
 */
static void test_plan_ilp_search__optimal_start_is_proven(void **state)
{
	struct plan_ilp_spec price = {PLAN_ILP_PRICE, 0, 0, 0, 0};
	struct built b;
	double least;

	build(&b, fleet(1, 6, 5));
	least = plan_price(b.in);
	assert_int_equal(mig_plan__ilp_search(&b.start, &b.pb, &price, 0, mig_plan__now() + 30), 1);
	assert_near((double)b.start.cost / 10000.0, least, 1e-9);
	unbuild(&b);
	(void)state;
}

/*
 * Random fleets on the bench's four GPU types (their prices make many mixes cost the same):
 * whatever the search proves from first-fit's plan is the planner's proven least price, and
 * its plan checks out (tuning NULL: the search's defaults).
 */
static void proofs_match_the_planner(const struct search_tuning *tuning)
{
	struct plan_ilp_spec price = {PLAN_ILP_PRICE, 0, 0, 0, 0};
	unsigned seed, proven = 0;

	for (seed = 1; seed <= 24; seed++) {
		struct built b;
		double least;
		int rc;

		build(&b, fleet(2 + seed % 3, 4 + seed % 13, seed));
		least = plan_price(b.in);
		rc = mig_plan__ilp_search_tuned(&b.start, &b.pb, &price, mig_plan__lp_bound(&b.pb),
						mig_plan__now() + 30, tuning);
		assert_true(rc == 0 || rc == 1);
		assert_int_equal(mig_plan__solution_evaluate(&b.start, &b.pb), 0);
		assert_true((double)b.start.cost / 10000.0 >= least - 1e-9);
		if (rc == 1) {
			proven++;
			if (fabs((double)b.start.cost / 10000.0 - least) > 1e-9)
				fail_msg("seed %u: the search proved $%.2f, the planner $%.2f",
					 seed, (double)b.start.cost / 10000.0, least);
		}
		unbuild(&b);
	}
	assert_int_equal(proven, 24);
}

static void test_plan_ilp_search__proof_matches_the_planner(void **state)
{
	proofs_match_the_planner(NULL);
	(void)state;
}

/*
 * The same with every leaf the root leaves open put off until the rest of the search is
 * done: each is retried then (or ruled out by a better plan found meanwhile), so the proofs
 * are the same.
 */
static void test_plan_ilp_search__leaves_left_for_later_are_retried(void **state)
{
	static const struct search_tuning put_off = {0};

	proofs_match_the_planner(&put_off);
	(void)state;
}

/*
 * Fleets with owned GPUs (A30s at no price, two of them), a limited count of A100s and
 * unlimited H100s: the free type is never branched on by price and the limits are rows of
 * every node. Whatever the search proves, price first and then GPUs at that price, is the
 * planner's.
 */
static void test_plan_ilp_search__owned_and_limited_gpus(void **state)
{
	unsigned seed, proven = 0;

	for (seed = 1; seed <= 16; seed++) {
		struct plan_ilp_spec price = {PLAN_ILP_PRICE, 0, 0, 0, 0};
		struct plan_ilp_spec fewest = {PLAN_ILP_GPUS, 0, 0, 0, 1};
		mig_plan_input *in = NULL;
		unsigned gpus;
		double least;
		struct built b;

		assert_ok(mig_plan_input_new(&in, "owned"));
		add_gpu(in, "a30", 2, 0);
		add_gpu(in, "a100-80gb", 3 + seed % 3, 18000);
		add_gpu(in, "h100-80gb", MIG_PLAN_UNLIMITED, 29000);
		add_workloads(in, 6 + seed % 9, seed);
		if (try_build(&b, in) < 0) { /* first-fit cannot place it within the counts */
			mig_error_clear();
			unbuild(&b);
			continue;
		}
		least = plan_least(in, &gpus);
		if (mig_plan__ilp_search(&b.start, &b.pb, &price, 0, mig_plan__now() + 30) == 1) {
			assert_near((double)b.start.cost / 10000.0, least, 1e-9);
			fewest.price_cap = b.start.cost;
			if (mig_plan__ilp_search(&b.start, &b.pb, &fewest, 0,
						 mig_plan__now() + 30) == 1 &&
			    gpus)
				assert_int_equal(b.start.gpus, gpus);
			assert_int_equal(b.start.cost, fewest.price_cap);
			proven++;
		}
		assert_int_equal(mig_plan__solution_evaluate(&b.start, &b.pb), 0);
		unbuild(&b);
	}
	assert_int_equal(proven, 16);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_ilp_search__price_step_is_the_gcd),
		cmocka_unit_test(test_plan_ilp_search__no_price_sum_in_the_window),
		cmocka_unit_test(test_plan_ilp_search__last_count_is_fixed_by_the_window),
		cmocka_unit_test(test_plan_ilp_search__free_type_is_left_alone),
		cmocka_unit_test(test_plan_ilp_search__gpu_window_at_an_exact_price),
		cmocka_unit_test(test_plan_ilp_search__proves_price_then_gpus),
		cmocka_unit_test(test_plan_ilp_search__no_time_no_claim),
		cmocka_unit_test(test_plan_ilp_search__optimal_start_is_proven),
		cmocka_unit_test(test_plan_ilp_search__proof_matches_the_planner),
		cmocka_unit_test(test_plan_ilp_search__leaves_left_for_later_are_retried),
		cmocka_unit_test(test_plan_ilp_search__owned_and_limited_gpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
