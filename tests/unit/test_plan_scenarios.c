/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The MIG guide's scenarios (tests/fixtures/plan/guide-*.yaml) with the answers the planner
 * must give: 7 small models on one A100-80GB (7x saving); 3 x 7B FP16 on one GPU, the true
 * minimum; 70B FP16 not servable by MIG, tensor parallel over 2 GPUs; a dev/test team on the
 * one GPU it has, its CI jobs sharing an instance through MPS.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "test_plan_helpers.h"

static void check_report_has(const mig_plan *p, const char *text)
{
	char *report = NULL;

	assert_ok(mig_plan_report(&report, p));
	if (!strstr(report, text))
		fail_msg("report lacks '%s':\n%s", text, report);
	free(report);
}

static void test_plan_scenarios__seven_small_models_on_one_gpu(void **state)
{
	mig_plan_input *in = load_fixture("guide-small-models.yaml");
	mig_plan *p = plan_with(in, NULL);
	const mig_plan_baseline *one = &p->baselines[MIG_PLAN_BASELINE_GPU_PER_MODEL];
	size_t w;

	assert_int_equal(p->stats.gpus, 1);
	assert_near(p->stats.cost_per_hour, 3.00, 1e-9);
	assert_true(p->stats.optimal);
	assert_near(p->stats.gap, 0, 0);
	/* the guide's "7 GPUs at $21/hr vs 1 GPU at $3/hr": 7x */
	assert_true(one->feasible);
	assert_int_equal(one->gpus, 7);
	assert_near(one->cost_per_hour, 21.00, 1e-9);
	assert_near(one->saving, 7.0, 1e-9);
	assert_int_equal(p->gpu_count, 1);
	assert_int_equal(p->gpus[0].layout.count, 7);
	for (w = 0; w < p->workload_count; w++) {
		assert_int_equal(p->workloads[w].serving, MIG_PLAN_SERVE_MIG);
		assert_int_equal(p->workloads[w].replica_count, 1);
		assert_true(p->workloads[w].profile->slices == 1);
		assert_true(p->workloads[w].memory_headroom > 0);
	}
	check_report_has(p, "one GPU per model         7     21.00  7.00x");
	mig_plan_free(p);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_scenarios__three_7b_fit_one_gpu(void **state)
{
	mig_plan_input *in = load_fixture("guide-3x7b.yaml");
	mig_plan *p = plan_with(in, NULL);
	size_t w;

	/* the guide says 1-2 GPUs ("2x A100 with 3g.40gb + 2g.20gb each"); the minimum is 1 */
	assert_int_equal(p->stats.gpus, 1);
	assert_near(p->stats.cost_per_hour, 3.00, 1e-9);
	assert_true(p->stats.optimal);
	assert_int_equal(p->baselines[MIG_PLAN_BASELINE_GPU_PER_MODEL].gpus, 3);
	assert_near(p->baselines[MIG_PLAN_BASELINE_GPU_PER_MODEL].saving, 3.0, 1e-9);
	for (w = 0; w < p->workload_count; w++) {
		const mig_plan_assignment *a = &p->workloads[w];

		/* 13 GiB of weights + 2.1 GiB of KV cache + 1.8 GiB of overhead */
		assert_int_equal(a->need.total_mib, 17316);
		assert_true(a->profile->memory_mib >= 19968);
	}
	/* the leftover tie-break gives the spare slices to the models: 3g + 2g + 2g, none free */
	assert_int_equal(p->stats.leftover_slices, 0);
	assert_int_equal(p->stats.free_instances, 0);
	check_report_has(p, "llama-2-7b: weights 13.0 GiB + KV cache 2.1 GiB + overhead 1.8 GiB = "
			    "16.9 GiB; smallest instance that holds it: 1g.20gb (19.5 GiB)");
	check_report_has(p, "on a100-80gb: 3 instances need 16.9 GiB or more, and one GPU holds at "
			    "most 4 that large");
	mig_plan_free(p);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_scenarios__70b_is_not_for_mig(void **state)
{
	mig_plan_input *in = load_fixture("guide-70b.yaml");
	mig_plan *p = plan_with(in, NULL);
	const mig_plan_assignment *a = assignment(p, "llama-70b");

	assert_int_equal(a->serving, MIG_PLAN_SERVE_FULL_GPU);
	assert_int_equal(a->tensor_parallel, 2);
	assert_null(a->profile);
	assert_int_equal(a->replica_count, 1);
	assert_int_equal(a->replicas[0].instance, -1);
	assert_int_equal(p->stats.gpus, 2);
	assert_false(p->gpus[0].mig_enabled);
	assert_false(p->gpus[1].mig_enabled);
	assert_non_null(a->note);
	assert_non_null(strstr(a->note, "not servable by MIG: needs 148.2 GiB per replica, more "
					"than the largest instance (7g.80gb on a100-80gb holds "
					"79.0 GiB), and MIG instances cannot be joined"));
	assert_non_null(strstr(a->note, "tensor parallel over 2 whole a100-80gb GPUs"));
	/* nothing to gain over a GPU per model: the guide's "0x (MIG too small)" */
	assert_near(p->baselines[MIG_PLAN_BASELINE_GPU_PER_MODEL].saving, 1.0, 1e-9);
	mig_plan_free(p);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_scenarios__dev_test_team_shares_one_gpu(void **state)
{
	mig_plan_input *in = load_fixture("guide-devtest.yaml");
	mig_plan *p = plan_with(in, NULL);
	const mig_plan_assignment *lint = assignment(p, "ci-lint"), *alice = assignment(p, "alice");
	const mig_plan_baseline *one = &p->baselines[MIG_PLAN_BASELINE_GPU_PER_MODEL];
	const mig_plan_instance *shared;

	assert_int_equal(p->stats.gpus, 1);
	assert_near(p->stats.cost_per_hour, 3.00, 1e-9);
	/* developers keep isolated instances; the CI jobs share one through MPS */
	assert_int_equal(alice->serving, MIG_PLAN_SERVE_MIG);
	assert_int_equal(lint->serving, MIG_PLAN_SERVE_MPS);
	shared = &p->gpus[lint->replicas[0].gpu].instances[lint->replicas[0].instance];
	assert_int_equal(shared->workload_count, 3);
	assert_int_equal(shared->used_mib, 3 * 1024);
	assert_non_null(strstr(lint->note, "through MPS"));
	assert_ptr_equal(assignment(p, "ci-smoke")->replicas[0].gpu, lint->replicas[0].gpu);
	/* one GPU per developer and job: 8 GPUs, more than the team has */
	assert_int_equal(one->gpus, 8);
	assert_near(one->saving, 8.0, 1e-9);
	assert_non_null(strstr(one->detail, "more GPUs than the fleet has"));
	check_report_has(p, "devbox-0/0");
	mig_plan_free(p);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_scenarios__same_answers_from_enum(void **state)
{
	static const char *const files[] = {"guide-small-models.yaml", "guide-3x7b.yaml",
					    "guide-70b.yaml", "guide-devtest.yaml"};
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		mig_plan_input *in = load_fixture(files[i]);
		mig_plan *a = plan_with(in, "cbc"), *b = plan_with(in, "enum");

		assert_int_equal(a->stats.gpus, b->stats.gpus);
		assert_near(a->stats.cost_per_hour, b->stats.cost_per_hour, 1e-9);
		assert_int_equal(a->stats.leftover_slices, b->stats.leftover_slices);
		assert_string_equal(b->stats.solver, "enum");
		mig_plan_free(a);
		mig_plan_free(b);
		mig_plan_input_free(in);
	}
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_scenarios__seven_small_models_on_one_gpu),
		cmocka_unit_test(test_plan_scenarios__three_7b_fit_one_gpu),
		cmocka_unit_test(test_plan_scenarios__70b_is_not_for_mig),
		cmocka_unit_test(test_plan_scenarios__dev_test_team_shares_one_gpu),
		cmocka_unit_test(test_plan_scenarios__same_answers_from_enum),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
