/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The integer program's phases (src/plan/plan_ilp.h): the price cap of the GPU phase is an
 * equality only when the price is proven least, and the tie-break after a proven price finds
 * the fewest GPUs among plans of that price (two A30s cost what one A100 does).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_plan_helpers.h"
#include "plan/plan_ilp.h"

static mig_plan_input *a30_and_a100(unsigned small_models)
{
	mig_plan_input *in = NULL;
	mig_plan_fleet_entry a30 = {0}, a100 = {0};
	unsigned i;

	assert_ok(mig_plan_input_new(&in, "phases"));
	a30.gpu = gpu("a30");
	a30.count = MIG_PLAN_UNLIMITED;
	a30.price_per_hour = 0.90;
	a100.gpu = gpu("a100-80gb");
	a100.count = MIG_PLAN_UNLIMITED;
	a100.price_per_hour = 1.80;
	assert_ok(mig_plan_input_add_gpu(in, &a30));
	assert_ok(mig_plan_input_add_gpu(in, &a100));
	for (i = 0; i < small_models; i++) {
		mig_plan_workload w;
		char name[32];

		mig_plan_workload_init(&w);
		snprintf(name, sizeof(name), "m%u", i);
		w.name = name;
		w.params = 1e9;
		assert_ok(mig_plan_input_add_workload(in, &w));
	}
	return in;
}

/* The last row of a GPU-phase model is the price cap. */
static void cap_row_bounds(const struct plan_problem *pb, int exact, double *lo, double *hi)
{
	struct plan_ilp_spec spec = {PLAN_ILP_GPUS, 0, 36000, 0, exact};
	Cbc_Model *m = mig_plan__ilp_build(pb, &spec);
	int last;

	assert_non_null(m);
	last = Cbc_getNumRows(m) - 1;
	*lo = Cbc_getRowLower(m)[last];
	*hi = Cbc_getRowUpper(m)[last];
	Cbc_deleteModel(m);
}

static void test_plan_ilp_phases__cap_is_equality_only_when_proven(void **state)
{
	static const mig_plan_options opts = MIG_PLAN_OPTIONS_INIT;
	mig_plan_input *in = a30_and_a100(3);
	struct plan_problem pb;
	double lo, hi;

	assert_ok(mig_plan__problem_build(&pb, in, &opts));
	cap_row_bounds(&pb, 1, &lo, &hi);
	assert_true(lo == 36000 && hi == 36000);
	cap_row_bounds(&pb, 0, &lo, &hi);
	assert_true(hi == 36000 && lo < -1e30);
	mig_plan__problem_release(&pb);
	mig_plan_input_free(in);
	(void)state;
}

/*
 * Fourteen 1B models: each fits a 1g instance of either GPU. Seven A100 1g.10gb per GPU and
 * four A30 1g.6gb per GPU, so the least price is $3.60 (two A100s, or one A100 and two A30s,
 * or four A30s) and the fewest GPUs at that price is two A100s.
 */
static void test_plan_ilp_phases__fewest_gpus_at_the_least_price(void **state)
{
	mig_plan_options opts = MIG_PLAN_OPTIONS_INIT;
	mig_plan_input *in = a30_and_a100(14);
	mig_plan *p = NULL;

	opts.no_baselines = 1;
	assert_ok(mig_plan_compute(&p, in, &opts));
	assert_near(p->stats.cost_per_hour, 3.60, 1e-9);
	assert_true(p->stats.optimal);
	assert_int_equal(p->stats.gpus, 2);
	assert_true(p->stats.gpus_optimal);
	mig_plan_free(p);
	mig_plan_input_free(in);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_ilp_phases__cap_is_equality_only_when_proven),
		cmocka_unit_test(test_plan_ilp_phases__fewest_gpus_at_the_least_price),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
