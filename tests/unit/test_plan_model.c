/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The planner's model on hand-worked cases (docs/planner.md has the formulas): memory needs
 * from parameters, shape, KV cache and overhead; roofline throughput per profile; whole GPUs
 * and tensor parallelism; calibration; the peak table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_plan_helpers.h"

static mig_plan_input *empty(void)
{
	mig_plan_input *in = NULL;

	assert_ok(mig_plan_input_new(&in, NULL));
	return in;
}

/* Llama-2-7B as performance.md's example: 13.5 GB of FP16 weights, no KV cache. */
static void llama2_7b(mig_plan_workload *w)
{
	mig_plan_workload_init(w);
	w->name = "llama-2-7b";
	w->weights_bytes = 13500000000ull;
	w->kv_cache_bytes = 0;
}

static void test_plan_model__need_weights_and_overhead(void **state)
{
	mig_plan_input *in = empty();
	mig_plan_workload w;
	mig_plan_need n;

	llama2_7b(&w);
	assert_ok(mig_plan_model_need(&n, in, &w));
	/* 13.5e9 + 1 GiB + 5% of 13.5e9 = 15,248,741,824 bytes = 14542.3 MiB */
	assert_int_equal(n.weights_bytes, 13500000000ull);
	assert_int_equal(n.kv_bytes, 0);
	assert_int_equal(n.overhead_bytes, 1073741824ull + 675000000ull);
	assert_int_equal(n.total_bytes, 15248741824ull);
	assert_int_equal(n.total_mib, 14543);
	assert_near(n.params, 6.75e9, 1);
	assert_false(n.given);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_model__need_from_shape_with_gqa(void **state)
{
	mig_plan_input *in = empty();
	mig_plan_workload w;
	mig_plan_need n;

	mig_plan_workload_init(&w);
	w.name = "llama-3-8b-like";
	w.params = 7e9;
	w.layers = 32;
	w.hidden = 4096;
	w.heads = 32;
	w.kv_heads = 8;
	w.batch = 2;
	assert_ok(mig_plan_model_need(&n, in, &w));
	/* K and V: 2 x 32 layers x 4096 x 8/32 x 2 bytes = 128 KiB per token; x 4096 x 2 = 1 GiB */
	assert_near(n.kv_bytes_per_token, 131072, 1e-6);
	assert_int_equal(n.kv_bytes, 1073741824ull);
	assert_int_equal(n.weights_bytes, 14000000000ull);
	assert_int_equal(n.overhead_bytes, 1827428915ull);
	assert_int_equal(n.total_bytes, 16901170739ull);
	assert_int_equal(n.total_mib, 16119);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_model__need_estimates_kv_without_shape(void **state)
{
	mig_plan_input *in = empty();
	mig_plan_workload w;
	mig_plan_need n;

	mig_plan_workload_init(&w);
	w.name = "7b";
	w.params = 7e9;
	assert_ok(mig_plan_model_need(&n, in, &w));
	/* hidden = (7e9 x 128 / 12)^(1/3) = 4210.9, layers = hidden / 128: 554,117 B/token */
	assert_near(n.kv_bytes_per_token, 554116.65, 0.5);
	assert_near((double)n.kv_bytes, 554116.65 * 4096, 4096);
	/* the FP8 KV cache halves it */
	w.kv_dtype = MIG_PLAN_DTYPE_FP8;
	assert_ok(mig_plan_model_need(&n, in, &w));
	assert_near(n.kv_bytes_per_token, 277058.32, 0.5);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_model__need_given_memory_and_kv(void **state)
{
	mig_plan_input *in = empty();
	mig_plan_workload w;
	mig_plan_need n;

	mig_plan_workload_init(&w);
	w.name = "given";
	w.memory_bytes = 12ull << 30;
	assert_ok(mig_plan_model_need(&n, in, &w));
	assert_true(n.given);
	assert_int_equal(n.total_mib, 12288);
	assert_int_equal(n.kv_bytes, 0);

	mig_plan_workload_init(&w);
	w.name = "int4";
	w.params = 70e9;
	w.dtype = MIG_PLAN_DTYPE_INT4;
	w.kv_cache_bytes = 2ull << 30;
	assert_ok(mig_plan_model_need(&n, in, &w));
	assert_int_equal(n.weights_bytes, 35000000000ull);
	assert_int_equal(n.kv_bytes, 2ull << 30);

	mig_plan_workload_init(&w);
	w.name = "nothing";
	assert_int_equal(mig_plan_model_need(&n, in, &w), MIG_EINVALID);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_model__decode_follows_memory_slices(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_plan_input *in = empty();
	mig_plan_workload w;
	mig_plan_perf p, q;

	llama2_7b(&w);
	/* 2g.20gb: 2 of 8 memory slices of 2039 GB/s, at 77% of the roofline: ~29 tok/s */
	assert_ok(mig_plan_model_perf(&p, in, &w, a100, profile(a100, "2g.20gb"), 1));
	assert_near(p.bandwidth_gbs, 509.75, 1e-9);
	assert_near(p.decode_tokens_per_s, 29.0746, 1e-3);
	/* prefill: 28 of 108 SMs of 312 TFLOPS at 82%, 2 FLOPs per parameter per token */
	assert_near(p.tflops, 312.0 * 28 / 108, 1e-9);
	assert_near(p.prefill_tokens_per_s, 4913.25, 0.01);
	assert_int_equal(p.calibrated, 0);
	/* the whole GPU with MIG off: ~116 tok/s (performance.md: ~115 at 77%) */
	assert_ok(mig_plan_model_perf(&p, in, &w, a100, NULL, 1));
	assert_near(p.decode_tokens_per_s, 116.2985, 1e-3);
	/* 3g and 4g have the same 4 memory slices: the same decode, more prefill for 4g */
	assert_ok(mig_plan_model_perf(&p, in, &w, a100, profile(a100, "3g.40gb"), 1));
	assert_ok(mig_plan_model_perf(&q, in, &w, a100, profile(a100, "4g.40gb"), 1));
	assert_near(p.decode_tokens_per_s, 58.1493, 1e-3);
	assert_near(q.decode_tokens_per_s, p.decode_tokens_per_s, 1e-9);
	assert_near(p.prefill_tokens_per_s, 7369.88, 0.01);
	assert_near(q.prefill_tokens_per_s, 9826.50, 0.01);
	/* the roofline itself: efficiency 1 gives performance.md's ~38 tok/s on 2g.20gb */
	in->model.decode_efficiency = 1;
	assert_ok(mig_plan_model_perf(&p, in, &w, a100, profile(a100, "2g.20gb"), 1));
	assert_near(p.decode_tokens_per_s, 37.759, 1e-3);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_model__batch_kv_and_compute_ceiling(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_plan_input *in = empty();
	mig_plan_workload w;
	mig_plan_perf p;

	mig_plan_workload_init(&w);
	w.name = "1b";
	w.params = 1e9;
	w.kv_bytes_per_token = 100000;
	w.context = 1000;
	w.batch = 4;
	/* a step reads 2e9 of weights and 4 x 1e8 of KV for 4 tokens: 6e8 bytes per token */
	assert_ok(mig_plan_model_perf(&p, in, &w, a100, NULL, 1));
	assert_near(p.decode_tokens_per_s, 2039e9 * 0.77 / 6e8, 1e-6);
	/* at a huge batch without KV, the FP16 peak caps decode: 312e12 x 0.82 / 2e9 */
	w.kv_bytes_per_token = 0;
	w.batch = 10000;
	assert_ok(mig_plan_model_perf(&p, in, &w, a100, NULL, 1));
	assert_near(p.decode_tokens_per_s, 127920, 1e-6);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_model__tensor_parallel_and_errors(void **state)
{
	const mig_gpu *h100 = gpu("h100-80gb");
	mig_plan_input *in = empty();
	mig_plan_workload w;
	mig_plan_perf one, two;

	llama2_7b(&w);
	assert_ok(mig_plan_model_perf(&one, in, &w, h100, NULL, 1));
	assert_ok(mig_plan_model_perf(&two, in, &w, h100, NULL, 2));
	assert_near(one.bandwidth_gbs, 3350, 1e-9);
	assert_near(two.bandwidth_gbs, 6700, 1e-9);
	assert_near(two.decode_tokens_per_s, 2 * one.decode_tokens_per_s, 1e-9);
	assert_int_equal(mig_plan_model_perf(&one, in, &w, h100, NULL, 0), MIG_EINVALID);
	assert_int_equal(mig_plan_model_perf(&one, in, &w, NULL, NULL, 1), MIG_EINVALID);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_model__bandwidth_share_on_other_grids(void **state)
{
	const mig_gpu *a30 = gpu("a30-24gb"), *rtx = gpu("rtx-pro-6000-blackwell");
	mig_plan_input *in = empty();
	mig_plan_workload w;
	mig_plan_perf p;

	mig_plan_workload_init(&w);
	w.name = "small";
	w.memory_bytes = 1ull << 30;
	/* A30: 1g.6gb is 1 of 4 memory slices of 933 GB/s */
	assert_ok(mig_plan_model_perf(&p, in, &w, a30, profile(a30, "1g.6gb"), 1));
	assert_near(p.bandwidth_gbs, 933.0 / 4, 1e-9);
	/* RTX PRO 6000: 1g.24gb covers 3 of 12 positions */
	assert_ok(mig_plan_model_perf(&p, in, &w, rtx, profile(rtx, "1g.24gb"), 1));
	assert_near(p.bandwidth_gbs, 1597.0 * 3 / 12, 1e-9);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_model__calibration_replaces_numbers(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_plan_input *in = empty();
	mig_plan_gpu_calibration c = {0};
	mig_plan_measurement m = {0};
	mig_plan_workload w;
	mig_plan_perf p;

	llama2_7b(&w);
	assert_ok(mig_plan_input_add_workload(in, &w));
	c.gpu = a100;
	c.bandwidth_gbs = 1935; /* the PCIe card */
	assert_ok(mig_plan_input_add_gpu_calibration(in, &c));
	assert_ok(mig_plan_model_perf(&p, in, &w, a100, profile(a100, "2g.20gb"), 1));
	assert_near(p.decode_tokens_per_s, 27.5917, 1e-3);
	assert_int_equal(p.calibrated, 0);
	m.workload = "llama-2-7b";
	m.gpu = a100;
	m.profile = profile(a100, "2g.20gb");
	m.decode_tokens_per_s = 31;
	assert_ok(mig_plan_input_add_measurement(in, &m));
	assert_ok(mig_plan_model_perf(&p, in, &w, a100, profile(a100, "2g.20gb"), 1));
	assert_near(p.decode_tokens_per_s, 31, 1e-9);
	assert_int_equal(p.calibrated, 1);
	/* other profiles keep the model */
	assert_ok(mig_plan_model_perf(&p, in, &w, a100, profile(a100, "3g.40gb"), 1));
	assert_int_equal(p.calibrated, 0);
	/* out of range */
	c.decode_efficiency = 1.5;
	assert_int_equal(mig_plan_input_add_gpu_calibration(in, &c), MIG_EINVALID);
	m.decode_tokens_per_s = -1;
	assert_int_equal(mig_plan_input_add_measurement(in, &m), MIG_EINVALID);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_model__every_gpu_has_peaks(void **state)
{
	size_t i;

	for (i = 0; i < mig_catalog_count(); i++) {
		const mig_plan_gpu_perf *p = mig_plan_gpu_perf_find(mig_catalog_at(i));

		if (!p)
			fail_msg("no peaks for %s", mig_catalog_at(i)->key);
		assert_true(p->bandwidth_gbs > 100);
		assert_true(p->fp16_tflops > 100);
		assert_true(p->source && p->source[0]);
	}
	assert_null(mig_plan_gpu_perf_find(NULL));
	assert_near(mig_plan_gpu_perf_find(gpu("h200-141gb"))->bandwidth_gbs, 4800, 0);
	(void)state;
}

static void test_plan_model__names(void **state)
{
	assert_string_equal(mig_plan_dtype_name(MIG_PLAN_DTYPE_BF16), "bf16");
	assert_near(mig_plan_dtype_bytes(MIG_PLAN_DTYPE_INT4), 0.5, 0);
	assert_near(mig_plan_dtype_bytes(MIG_PLAN_DTYPE_FP32), 4, 0);
	assert_string_equal(mig_plan_isolation_name(MIG_PLAN_ISOLATION_SHAREABLE), "shareable");
	assert_string_equal(mig_plan_serving_name(MIG_PLAN_SERVE_FULL_GPU), "full-gpu");
	assert_string_equal(mig_plan_baseline_name(MIG_PLAN_BASELINE_FFD),
			    "first-fit-decreasing MIG");
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_model__need_weights_and_overhead),
		cmocka_unit_test(test_plan_model__need_from_shape_with_gqa),
		cmocka_unit_test(test_plan_model__need_estimates_kv_without_shape),
		cmocka_unit_test(test_plan_model__need_given_memory_and_kv),
		cmocka_unit_test(test_plan_model__decode_follows_memory_slices),
		cmocka_unit_test(test_plan_model__batch_kv_and_compute_ceiling),
		cmocka_unit_test(test_plan_model__tensor_parallel_and_errors),
		cmocka_unit_test(test_plan_model__bandwidth_share_on_other_grids),
		cmocka_unit_test(test_plan_model__calibration_replaces_numbers),
		cmocka_unit_test(test_plan_model__every_gpu_has_peaks),
		cmocka_unit_test(test_plan_model__names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
