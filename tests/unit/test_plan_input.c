/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The planner's input file: every field read (tests/fixtures/plan/mixed-fleet.yaml), the
 * defaults, the calibration file, and bad input answered with "FILE:LINE:COLUMN: what".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_plan_helpers.h"

static const mig_plan_workload *workload(const mig_plan_input *in, const char *name)
{
	size_t i;

	for (i = 0; i < in->workload_count; i++)
		if (strcmp(in->workloads[i].name, name) == 0)
			return &in->workloads[i];
	fail_msg("no workload '%s'", name);
	return NULL;
}

static void test_plan_input__every_field(void **state)
{
	mig_plan_input *in = load_fixture("mixed-fleet.yaml");
	const mig_plan_workload *w;

	assert_int_equal(in->fleet_count, 2);
	assert_ptr_equal(in->fleet[0].gpu, gpu("a100-80gb"));
	assert_int_equal(in->fleet[0].count, 16);
	assert_near(in->fleet[0].price_per_hour, 1.10, 1e-12);
	assert_string_equal(in->fleet[0].name, "dgx-a100");
	assert_int_equal(in->fleet[0].gpus_per_node, 8);
	assert_int_equal(in->fleet[0].where.line, 13);
	assert_int_equal(in->fleet[1].count, MIG_PLAN_UNLIMITED);
	/* the name the user wrote, not the catalog key */
	assert_string_equal(in->fleet[1].name, "h100-80gb");
	assert_ptr_equal(in->fleet[1].gpu, gpu("h100-sxm5-80gb"));

	assert_int_equal(in->workload_count, 6);
	w = workload(in, "chat-8b");
	assert_near(w->params, 8e9, 1);
	assert_int_equal(w->dtype, MIG_PLAN_DTYPE_BF16); /* from defaults */
	assert_int_equal(w->context, 8192);
	assert_int_equal(w->batch, 4);
	assert_int_equal(w->layers, 32);
	assert_int_equal(w->hidden, 4096);
	assert_int_equal(w->heads, 32);
	assert_int_equal(w->kv_heads, 8);
	assert_int_equal(w->replicas, 2);
	assert_near(w->throughput, 120, 0);
	assert_int_equal(w->isolation, MIG_PLAN_ISOLATION_REQUIRED);
	w = workload(in, "embed");
	assert_near(w->params, 335e6, 1);
	assert_int_equal(w->dtype, MIG_PLAN_DTYPE_FP16);
	assert_int_equal(w->isolation, MIG_PLAN_ISOLATION_SHAREABLE);
	w = workload(in, "code-13b");
	assert_int_equal(w->weights_bytes, 26000000000ull);
	assert_int_equal(w->kv_cache_bytes, 4ull << 30);
	w = workload(in, "vision");
	assert_int_equal(w->memory_bytes, 30ull << 30);
	assert_int_equal(w->replicas, 3);
	w = workload(in, "summarizer");
	assert_int_equal(w->kv_dtype, MIG_PLAN_DTYPE_FP8);
	assert_int_equal(w->kv_bytes_per_token, 112 * 1024);
	assert_int_equal(w->max_replicas, 4);
	assert_int_equal(w->context, 4096);

	assert_int_equal(in->model.overhead_bytes, 1ull << 30);
	assert_near(in->model.decode_efficiency, 0.77, 1e-12);
	assert_int_equal(in->model.max_tensor_parallel, 8);
	assert_int_equal(in->gpu_calibration_count, 1);
	assert_near(in->gpu_calibration[0].bandwidth_gbs, 1935, 0);
	assert_near(in->gpu_calibration[0].decode_efficiency, 0.8, 1e-12);
	assert_int_equal(in->measurement_count, 1);
	assert_string_equal(in->measurements[0].workload, "chat-8b");
	assert_ptr_equal(in->measurements[0].profile, profile(gpu("a100-80gb"), "3g.40gb"));
	assert_near(in->measurements[0].decode_tokens_per_s, 95, 0);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_input__defaults(void **state)
{
	mig_plan_input *in = parse("fleet: [{gpu: a30}]\nworkloads: [{name: m, params: 1.5b}]\n");
	const mig_plan_workload *w = &in->workloads[0];

	assert_int_equal(in->fleet[0].count, MIG_PLAN_UNLIMITED);
	assert_near(in->fleet[0].price_per_hour, 0, 0);
	assert_int_equal(in->fleet[0].gpus_per_node, 8);
	assert_near(w->params, 1.5e9, 1);
	assert_int_equal(w->dtype, MIG_PLAN_DTYPE_FP16);
	assert_int_equal(w->kv_dtype, MIG_PLAN_DTYPE_FP16);
	assert_int_equal(w->context, 4096);
	assert_int_equal(w->batch, 1);
	assert_int_equal(w->replicas, 1);
	assert_int_equal(w->max_replicas, 64);
	assert_int_equal(w->memory_bytes, MIG_PLAN_AUTO);
	assert_int_equal(w->kv_cache_bytes, MIG_PLAN_AUTO);
	assert_int_equal(w->isolation, MIG_PLAN_ISOLATION_REQUIRED);
	assert_int_equal(w->where.line, 2);
	assert_int_equal(w->where.column, 13);
	mig_plan_input_free(in);
	/* more replicas than the default max raise it */
	in = parse("fleet: [{gpu: a30}]\nworkloads: [{name: m, params: 1B, replicas: 100}]\n");
	assert_int_equal(in->workloads[0].max_replicas, 100);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_input__sizes_and_counts(void **state)
{
	mig_plan_input *in = parse("fleet: [{gpu: a30}]\nworkloads:\n"
				   "  - {name: a, weights: 512MiB}\n"
				   "  - {name: b, weights: 1.5 GB}\n"
				   "  - {name: c, weights: 2TiB}\n"
				   "  - {name: d, params: 350M, memory: 1KB}\n"
				   "  - {name: e, params: 7e9}\n"
				   "  - {name: f, params: 1T}\n"
				   "  - {name: g, params: 12000K, kv_cache: 0B}\n");

	assert_int_equal(in->workloads[0].weights_bytes, 512ull << 20);
	assert_int_equal(in->workloads[1].weights_bytes, 1500000000ull);
	assert_int_equal(in->workloads[2].weights_bytes, 2ull << 40);
	assert_near(in->workloads[3].params, 350e6, 1);
	assert_int_equal(in->workloads[3].memory_bytes, 1000);
	assert_near(in->workloads[4].params, 7e9, 1);
	assert_near(in->workloads[5].params, 1e12, 1);
	assert_near(in->workloads[6].params, 12e6, 1);
	assert_int_equal(in->workloads[6].kv_cache_bytes, 0);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_input__calibration_file(void **state)
{
	mig_plan_input *in = load_fixture("guide-3x7b.yaml");
	char path[1024];

	assert_ok(mig_plan_input_load_calibration(in,
						  fixture(path, sizeof(path), "calibration.yaml")));
	assert_int_equal(in->gpu_calibration_count, 1);
	assert_ptr_equal(in->gpu_calibration[0].gpu, gpu("h100-80gb"));
	assert_near(in->gpu_calibration[0].fp16_tflops, 795, 0);
	assert_int_equal(in->measurement_count, 1);
	assert_near(in->measurements[0].prefill_tokens_per_s, 2500, 0);
	/* a calibration file holds nothing else */
	assert_int_equal(
		mig_plan_input_load_calibration(in, fixture(path, sizeof(path), "guide-70b.yaml")),
		MIG_EINVALID);
	assert_error_has("guide-70b.yaml:3:1: unknown key 'fleet' in the file");
	assert_int_equal(mig_plan_input_load_calibration(in, "/nonexistent/cal.yaml"), MIG_EIO);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_input__errors_name_file_line_column(void **state)
{
	const char *fleet = "fleet: [{gpu: a100-80gb}]\n";
	char yaml[512];

	parse_fails("fleet:\n  - gpu: a100-90gb\n", MIG_EINVALID,
		    "t.yaml:2:10: unknown GPU 'a100-90gb'");
	snprintf(yaml, sizeof(yaml), "%sworkloads:\n  - name: m\n    weights: -4GB\n", fleet);
	parse_fails(yaml, MIG_EINVALID, "t.yaml:4:14: negative size '-4GB'");
	snprintf(yaml, sizeof(yaml), "%sworkloads:\n  - {name: m, params: -7B}\n", fleet);
	parse_fails(yaml, MIG_EINVALID, "t.yaml:3:23: negative count '-7B'");
	snprintf(yaml, sizeof(yaml), "%sworkloads:\n  - {name: m, memory: 14}\n", fleet);
	parse_fails(yaml, MIG_EINVALID, "t.yaml:3:23: size '14' needs a unit");
	snprintf(yaml, sizeof(yaml), "%sworkloads:\n  - {name: m, contxt: 9}\n", fleet);
	parse_fails(yaml, MIG_EINVALID, "t.yaml:3:15: unknown key 'contxt' in a workload");
	assert_non_null(strstr(mig_error_last()->hint, "context"));
	snprintf(yaml, sizeof(yaml), "%sworkloads:\n  - {name: m, params: 1B, dtype: fp12}\n",
		 fleet);
	parse_fails(yaml, MIG_EINVALID, "t.yaml:3:34: unknown dtype 'fp12'");
	snprintf(yaml, sizeof(yaml), "%sworkloads:\n  - {name: m}\n", fleet);
	parse_fails(yaml, MIG_EINVALID, "t.yaml:3:5: workload 'm' has no size");
	snprintf(yaml, sizeof(yaml),
		 "%sworkloads:\n  - {name: m, params: 1B}\n  - {name: m, params: 2B}\n", fleet);
	parse_fails(yaml, MIG_EINVALID, "t.yaml:4:12: duplicate workload name 'm'");
	snprintf(yaml, sizeof(yaml), "%sworkloads:\n  - {name: m, params: 1B, replicas: 0}\n",
		 fleet);
	parse_fails(yaml, MIG_EINVALID, "t.yaml:3:37: 0 is out of range (1 to 4096)");
	snprintf(yaml, sizeof(yaml),
		 "%sworkloads:\n  - {name: m, params: 1B, replicas: 4, max_replicas: 2}\n", fleet);
	parse_fails(yaml, MIG_EINVALID, "max_replicas (2) is less than replicas (4)");
	snprintf(yaml, sizeof(yaml),
		 "%sworkloads:\n  - {name: m, params: 1B, heads: 8, kv_heads: 16}\n", fleet);
	parse_fails(yaml, MIG_EINVALID, "t.yaml:3:47: kv_heads (16) is more than heads (8)");
	snprintf(yaml, sizeof(yaml), "%sworkloads:\n  - {name: m, params: 1B, isolation: x}\n",
		 fleet);
	parse_fails(yaml, MIG_EINVALID, "t.yaml:3:38: unknown isolation 'x'");
	snprintf(yaml, sizeof(yaml), "%sworkloads:\n  - {name: m, params: 1B, throughput: -5}\n",
		 fleet);
	parse_fails(yaml, MIG_EINVALID, "t.yaml:3:39: negative value '-5'");
	(void)state;
}

static void test_plan_input__errors_in_structure(void **state)
{
	parse_fails("", MIG_EINVALID, "t.yaml: the file is empty");
	parse_fails("fleet: [a, b\n", MIG_EINVALID, "t.yaml:2:1: ");
	parse_fails("fleet: 3\n", MIG_EINVALID, "t.yaml:1:8: expected a list, found a value");
	parse_fails("- 1\n", MIG_EINVALID, "t.yaml:1:1: expected a mapping, found a list");
	parse_fails("fleets: []\n", MIG_EINVALID, "t.yaml:1:1: unknown key 'fleets' in the file");
	parse_fails("fleet: [{count: 2}]\n", MIG_EINVALID, "t.yaml:1:9: fleet entry without 'gpu'");
	parse_fails("fleet: [{gpu: a30, count: many}]\n", MIG_EINVALID,
		    "t.yaml:1:27: 'many' is not a whole number");
	parse_fails("fleet: [{gpu: a30, price_per_hour: -1}]\n", MIG_EINVALID,
		    "t.yaml:1:36: negative value '-1'");
	parse_fails("fleet: [{gpu: a30, price_per_hour: 1e999}]\n", MIG_EINVALID,
		    "t.yaml:1:36: '1e999' is not a number");
	parse_fails("fleet: [{gpu: a30, gpus_per_node: 0}]\n", MIG_EINVALID,
		    "t.yaml:1:35: 0 is out of range (1 to 64)");
	parse_fails("workloads: [{params: 1B}]\n", MIG_EINVALID,
		    "t.yaml:1:13: workload without 'name'");
	parse_fails("defaults: {name: x}\n", MIG_EINVALID,
		    "t.yaml:1:18: defaults cannot give a name");
	parse_fails("model: {decode_efficiency: 2}\n", MIG_EINVALID,
		    "t.yaml:1:28: 2 is out of range (0.01 to 1)");
	parse_fails("fleet: [{gpu: a30, gpu: a100}]\n", MIG_EINVALID,
		    "t.yaml:1:20: duplicate key 'gpu' in a fleet entry");
	parse_fails("workloads: [{name: m, params: 1B}]\ncalibration:\n  measurements:\n"
		    "    - {workload: x, gpu: a30, profile: 1g.6gb}\n",
		    MIG_EINVALID, "t.yaml:4:18: unknown workload 'x'");
	parse_fails("workloads: [{name: m, params: 1B}]\ncalibration:\n  measurements:\n"
		    "    - {workload: m, gpu: a30, profile: 5g.9gb}\n",
		    MIG_EINVALID, "t.yaml:4:40: unknown profile '5g.9gb'");
	parse_fails("calibration:\n  gpus: [{gpu: a30, bandwidth: 0}]\n", MIG_EINVALID,
		    "t.yaml:2:32: 0 is out of range");
	(void)state;
}

static void test_plan_input__missing_file(void **state)
{
	mig_plan_input *in = NULL;

	assert_int_equal(mig_plan_input_load(&in, "/nonexistent/plan.yaml"), MIG_EIO);
	assert_null(in);
	assert_error_has("cannot open '/nonexistent/plan.yaml'");
	(void)state;
}

static void test_plan_input__api_checks(void **state)
{
	mig_plan_fleet_entry e = {0};
	mig_plan_input *in = NULL;
	mig_plan_workload w;

	assert_ok(mig_plan_input_new(&in, "api"));
	assert_string_equal(in->source, "api");
	assert_int_equal(mig_plan_input_add_gpu(in, &e), MIG_EINVALID);
	e.gpu = gpu("a30");
	e.price_per_hour = -1;
	assert_int_equal(mig_plan_input_add_gpu(in, &e), MIG_EINVALID);
	assert_error_has("negative price for 'a30-24gb'");
	mig_plan_workload_init(&w);
	assert_int_equal(mig_plan_input_add_workload(in, &w), MIG_EINVALID);
	w.name = "m";
	w.params = -1;
	assert_int_equal(mig_plan_input_add_workload(in, &w), MIG_EINVALID);
	w.params = 1e9;
	w.batch = 0;
	assert_int_equal(mig_plan_input_add_workload(in, &w), MIG_EINVALID);
	w.batch = 1;
	w.throughput = -1;
	assert_int_equal(mig_plan_input_add_workload(in, &w), MIG_EINVALID);
	assert_int_equal(in->workload_count, 0);
	mig_plan_input_free(in);
	mig_plan_input_free(NULL);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_input__every_field),
		cmocka_unit_test(test_plan_input__defaults),
		cmocka_unit_test(test_plan_input__sizes_and_counts),
		cmocka_unit_test(test_plan_input__calibration_file),
		cmocka_unit_test(test_plan_input__errors_name_file_line_column),
		cmocka_unit_test(test_plan_input__errors_in_structure),
		cmocka_unit_test(test_plan_input__missing_file),
		cmocka_unit_test(test_plan_input__api_checks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
