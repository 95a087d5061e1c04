/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The planner's behaviour case by case: a fleet too small says what is missing; a throughput
 * no replica count reaches and a model no GPU holds are errors naming the workload and where
 * it was written; targets add replicas; owned GPUs (price 0) go first; the cheaper of MIG on
 * a large GPU and tensor parallelism on smaller ones wins; MPS only where isolation allows.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "test_plan_helpers.h"

static int plan_fails(const mig_plan_input *in, const mig_plan_options *opts)
{
	mig_plan *p = NULL;
	int rc = mig_plan_compute(&p, in, opts);

	assert_null(p);
	return rc;
}

static void test_plan_cases__small_fleet_says_what_is_missing(void **state)
{
	mig_plan_input *in = load_fixture("bad-small-fleet.yaml");

	assert_int_equal(plan_fails(in, NULL), MIG_ENOFIT);
	assert_error_has("the fleet is too small: needs 2 more a100-80gb (has 1) or 2 more "
			 "h100-80gb (has 0)");
	assert_non_null(strstr(mig_error_last()->hint, "count: unlimited"));
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_cases__no_single_type_helps(void **state)
{
	/* one 100 GiB model only fits the H200, which the fleet has none of, and two of the
	 * A100s (tensor parallel) but only one is there: both limits must move, or either */
	mig_plan_input *in = parse("fleet:\n  - {gpu: a30, count: 1}\n"
				   "workloads: [{name: big, memory: 40GiB}]\n");

	assert_int_equal(plan_fails(in, NULL), MIG_ENOFIT);
	assert_error_has("needs 1 more a30 (has 1)");
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_cases__impossible_throughput(void **state)
{
	mig_plan_input *in = load_fixture("bad-throughput.yaml");

	assert_int_equal(plan_fails(in, NULL), MIG_EINVALID);
	assert_error_has("bad-throughput.yaml:5:5: workload 'llama-7b': a throughput of 100000 "
			 "tokens/s needs");
	assert_error_has("of its fastest instance (7g.80gb on a100-80gb");
	assert_error_has("more than max_replicas 64");
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_cases__model_no_gpu_holds(void **state)
{
	mig_plan_input *in =
		parse("fleet: [{gpu: a30}]\nworkloads: [{name: huge, memory: 2TiB}]\n");

	assert_int_equal(plan_fails(in, NULL), MIG_EINVALID);
	assert_error_has("t.yaml:2:13: workload 'huge' needs 2048.0 GiB per replica: no GPU of the "
			 "fleet holds it, not even with tensor parallelism over 8 GPUs");
	mig_plan_input_free(in);
	in = parse("workloads: [{name: m, params: 1B}]\n");
	assert_int_equal(plan_fails(in, NULL), MIG_EINVALID);
	assert_error_has("the fleet is empty");
	mig_plan_input_free(in);
	in = parse("fleet: [{gpu: a30}]\n");
	assert_int_equal(plan_fails(in, NULL), MIG_EINVALID);
	assert_error_has("no workloads");
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_cases__throughput_adds_replicas(void **state)
{
	mig_plan_input *in = parse("fleet: [{gpu: a100-80gb, price_per_hour: 3}]\n"
				   "workloads: [{name: chat, params: 7B, throughput: 100}]\n");
	mig_plan *p = plan_with(in, NULL);
	const mig_plan_assignment *a = assignment(p, "chat");

	/* one 7g.80gb gives ~96 tok/s: more than one instance is needed for 100 */
	assert_true(a->replica_count >= 2);
	assert_true(a->perf.decode_tokens_per_s * a->replica_count >= 100);
	assert_true(a->throughput_headroom >= 0);
	assert_non_null(a->note);
	assert_non_null(strstr(a->note, "replicas for 100 tokens/s (1 asked)"));
	mig_plan_free(p);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_cases__measurement_changes_the_count(void **state)
{
	mig_plan_input *in = parse("fleet: [{gpu: a100-80gb, price_per_hour: 3}]\n"
				   "workloads: [{name: m, weights: 13.5GB, kv_cache: 0B, "
				   "throughput: 200}]\n");
	mig_plan *p = plan_with(in, NULL);
	mig_plan_measurement m = {0};
	unsigned before = assignment(p, "m")->replica_count;

	/* measured: far faster than the roofline says (~116 tok/s on 7g.80gb) */
	mig_plan_free(p);
	m.workload = "m";
	m.gpu = gpu("a100-80gb");
	m.profile = NULL;
	m.decode_tokens_per_s = 1000;
	assert_ok(mig_plan_input_add_measurement(in, &m));
	m.profile = profile(m.gpu, "7g.80gb");
	assert_ok(mig_plan_input_add_measurement(in, &m));
	m.profile = profile(m.gpu, "3g.40gb");
	assert_ok(mig_plan_input_add_measurement(in, &m));
	p = plan_with(in, NULL);
	assert_true(before > 1);
	assert_int_equal(assignment(p, "m")->replica_count, 1);
	assert_true(assignment(p, "m")->perf.calibrated & 1);
	mig_plan_free(p);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_cases__owned_gpus_first(void **state)
{
	mig_plan_input *in = parse("fleet:\n"
				   "  - {gpu: a100-80gb, count: 1, price_per_hour: 0}\n"
				   "  - {gpu: h100-80gb, price_per_hour: 3}\n"
				   "workloads:\n  - {name: a, memory: 30GiB, replicas: 2}\n"
				   "  - {name: b, memory: 30GiB}\n");
	mig_plan *p = plan_with(in, NULL);
	size_t g, owned = 0;

	/* two 40 GB instances per GPU: the owned A100 takes a's two replicas (alike, on one
	 * type), an H100 takes b */
	assert_int_equal(p->stats.gpus, 2);
	assert_near(p->stats.cost_per_hour, 3, 1e-9);
	for (g = 0; g < p->gpu_count; g++)
		owned += p->gpus[g].fleet_index == 0;
	assert_int_equal(owned, 1);
	mig_plan_free(p);
	mig_plan_input_free(in);
	/* all free: the fewest GPUs */
	in = parse("fleet: [{gpu: a100-80gb, price_per_hour: 0}]\n"
		   "workloads: [{name: m, memory: 5GiB, replicas: 9}]\n");
	p = plan_with(in, NULL);
	assert_int_equal(p->stats.gpus, 2);
	assert_near(p->stats.cost_per_hour, 0, 0);
	assert_true(p->stats.gpus_optimal);
	assert_near(p->baselines[MIG_PLAN_BASELINE_GPU_PER_MODEL].saving, 4.5, 1e-9);
	mig_plan_free(p);
	mig_plan_input_free(in);
	(void)state;
}

#define BIG_FLEET(h200_price)                                                                      \
	"fleet:\n  - {gpu: a100-80gb, price_per_hour: 3}\n"                                        \
	"  - {gpu: h200-141gb, price_per_hour: " h200_price "}\n"                                  \
	"workloads: [{name: big, memory: 100GiB}]\n"

static void test_plan_cases__mig_on_large_or_tensor_parallel(void **state)
{
	mig_plan_input *in;
	mig_plan *p;

	/* 100 GiB: a 7g.141gb instance of an H200 at $4, or two A100s at $6 */
	in = parse(BIG_FLEET("4"));
	p = plan_with(in, NULL);
	assert_int_equal(assignment(p, "big")->serving, MIG_PLAN_SERVE_MIG);
	assert_string_equal(assignment(p, "big")->profile->name, "7g.141gb");
	assert_near(p->stats.cost_per_hour, 4, 1e-9);
	mig_plan_free(p);
	mig_plan_input_free(in);
	in = parse(BIG_FLEET("7"));
	p = plan_with(in, NULL);
	assert_int_equal(assignment(p, "big")->serving, MIG_PLAN_SERVE_FULL_GPU);
	assert_int_equal(assignment(p, "big")->tensor_parallel, 2);
	assert_near(p->stats.cost_per_hour, 6, 1e-9);
	assert_non_null(strstr(assignment(p, "big")->note, "more than the largest instance "
							   "(7g.141gb on h200-141gb"));
	mig_plan_free(p);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_cases__mps_only_where_allowed(void **state)
{
	mig_plan_options opts = MIG_PLAN_OPTIONS_INIT;
	mig_plan_input *in = load_fixture("guide-devtest.yaml");

	/* without MPS the CI jobs need 3 more instances: 8 in all, one GPU holds 7 */
	opts.no_mps = 1;
	assert_int_equal(plan_fails(in, &opts), MIG_ENOFIT);
	assert_error_has("needs 1 more devbox (has 1)");
	mig_plan_input_free(in);
	/* required isolation never shares, however small */
	in = parse("fleet: [{gpu: a100-80gb, price_per_hour: 1}]\n"
		   "workloads:\n  - {name: a, memory: 1GiB}\n  - {name: b, memory: 1GiB}\n"
		   "  - {name: c, memory: 1GiB, isolation: shareable}\n");
	{
		mig_plan *p = plan_with(in, NULL);
		size_t w;

		for (w = 0; w < p->workload_count; w++)
			assert_int_equal(p->workloads[w].serving, MIG_PLAN_SERVE_MIG);
		mig_plan_free(p);
	}
	mig_plan_input_free(in);
	/* replicas of one shareable workload never share an instance with each other */
	in = parse("fleet: [{gpu: a100-80gb, price_per_hour: 1}]\n"
		   "workloads:\n  - {name: a, memory: 1GiB, replicas: 2, isolation: shareable}\n"
		   "  - {name: b, memory: 1GiB, isolation: shareable}\n");
	{
		mig_plan *p = plan_with(in, NULL);
		const mig_plan_assignment *a = assignment(p, "a");

		assert_int_equal(a->replica_count, 2);
		assert_false(a->replicas[0].gpu == a->replicas[1].gpu &&
			     a->replicas[0].instance == a->replicas[1].instance);
		mig_plan_free(p);
	}
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_cases__fleet_counts_hold(void **state)
{
	mig_plan_input *in =
		parse("fleet:\n  - {gpu: a30, count: 2, price_per_hour: 1}\n"
		      "  - {gpu: a100-80gb, price_per_hour: 5}\n"
		      "workloads:\n  - {name: a, memory: 5GiB}\n  - {name: b, memory: 5GiB}\n"
		      "  - {name: c, memory: 5GiB}\n  - {name: d, memory: 5GiB}\n"
		      "  - {name: e, memory: 5GiB}\n  - {name: f, memory: 5GiB}\n"
		      "  - {name: g, memory: 5GiB}\n  - {name: h, memory: 5GiB}\n"
		      "  - {name: i, memory: 5GiB}\n  - {name: j, memory: 5GiB}\n"
		      "  - {name: k, memory: 5GiB}\n  - {name: l, memory: 5GiB}\n");
	mig_plan *p = plan_with(in, NULL);
	size_t g, a30 = 0;

	for (g = 0; g < p->gpu_count; g++)
		a30 += p->gpus[g].fleet_index == 0;
	/* three A30s ($3) would do; there are two, holding 8 of the 1g.6gb; the other 4 need
	 * an A100 ($5): one A30 and an A100 hold only 4 + 7 */
	assert_int_equal(a30, 2);
	assert_near(p->stats.cost_per_hour, 7, 1e-9);
	mig_plan_free(p);
	mig_plan_free(NULL);
	mig_plan_input_free(in);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_cases__small_fleet_says_what_is_missing),
		cmocka_unit_test(test_plan_cases__no_single_type_helps),
		cmocka_unit_test(test_plan_cases__impossible_throughput),
		cmocka_unit_test(test_plan_cases__model_no_gpu_holds),
		cmocka_unit_test(test_plan_cases__throughput_adds_replicas),
		cmocka_unit_test(test_plan_cases__measurement_changes_the_count),
		cmocka_unit_test(test_plan_cases__owned_gpus_first),
		cmocka_unit_test(test_plan_cases__mig_on_large_or_tensor_parallel),
		cmocka_unit_test(test_plan_cases__mps_only_where_allowed),
		cmocka_unit_test(test_plan_cases__fleet_counts_hold),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
