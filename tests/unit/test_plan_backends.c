/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The two solver backends agree on random problems with what the exhaustive oracle of
 * test_plan_exact.c does not model: throughput targets (replicas added), MPS groups, tensor
 * parallelism over whole GPUs, fleet counts. "enum" enumerates every spread of every class
 * over its options and packs each GPU type by a memoised search; "cbc" solves the integer
 * program in three phases. They must find the same price, GPUs and leftover slices.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "test_plan_helpers.h"

static uint64_t rng = 88172645463325252ull;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static mig_plan_input *random_rich(void)
{
	static const char *const rich_keys[] = {"a100-80gb", "a30", "h100-80gb", "h200-141gb"};
	mig_plan_input *in = NULL;
	size_t t, types = 1 + rnd(2), w, n = 1 + rnd(5);

	assert_ok(mig_plan_input_new(&in, "rich"));
	for (t = 0; t < types; t++) {
		mig_plan_fleet_entry e = {0};

		e.gpu = gpu(rich_keys[(rnd(4) + t) % 4]);
		e.count = rnd(3) ? MIG_PLAN_UNLIMITED : 1 + rnd(3);
		e.price_per_hour = 0.5 * (1 + rnd(8));
		assert_ok(mig_plan_input_add_gpu(in, &e));
	}
	for (w = 0; w < n; w++) {
		mig_plan_workload wl;
		char name[32];

		mig_plan_workload_init(&wl);
		snprintf(name, sizeof(name), "w%zu", w);
		wl.name = name;
		wl.params = 0.5e9 * (1 + rnd(30)); /* 0.5B to 15B */
		if (rnd(6) == 0)
			wl.params = 70e9; /* whole GPUs, tensor parallel */
		wl.replicas = 1 + (rnd(4) == 0);
		if (rnd(3) == 0)
			wl.throughput = 10.0 * (1 + rnd(12));
		wl.max_replicas = 4;
		if (rnd(3) == 0)
			wl.isolation = MIG_PLAN_ISOLATION_SHAREABLE;
		if (mig_plan_input_add_workload(in, &wl) < 0)
			fail_msg("%s", mig_error_last()->message);
	}
	return in;
}

static void test_plan_backends__cbc_equals_enum(void **state)
{
	mig_plan_options opts = MIG_PLAN_OPTIONS_INIT;
	int round, compared = 0;

	opts.no_baselines = 1;
	rng = 2685821657736338717ull;
	for (round = 0; round < 80; round++) {
		mig_plan_input *in = random_rich();
		mig_plan *a = NULL, *b = NULL;
		int ra, rb;

		opts.solver = "enum";
		rb = mig_plan_compute(&b, in, &opts);
		opts.solver = "cbc";
		ra = mig_plan_compute(&a, in, &opts);
		if (rb == MIG_ENOTSUPPORTED || rb == MIG_EINVALID) {
			/* beyond enum, or a throughput no replica count reaches: both say so */
			assert_true(rb == MIG_ENOTSUPPORTED || ra == rb);
		} else if (ra != rb) {
			fail_msg("round %d: cbc %d, enum %d (%s)", round, ra, rb,
				 mig_error_last()->message);
		} else if (ra == 0) {
			if (a->stats.cost_per_hour != b->stats.cost_per_hour ||
			    a->stats.gpus != b->stats.gpus ||
			    a->stats.leftover_slices != b->stats.leftover_slices)
				fail_msg("round %d: cbc $%.2f/%u GPUs/%u left, enum $%.2f/%u/%u",
					 round, a->stats.cost_per_hour, a->stats.gpus,
					 a->stats.leftover_slices, b->stats.cost_per_hour,
					 b->stats.gpus, b->stats.leftover_slices);
			compared++;
		}
		mig_plan_free(a);
		mig_plan_free(b);
		mig_plan_input_free(in);
		mig_error_clear();
	}
	assert_true(compared > 40);
	(void)state;
}

static void test_plan_backends__enum_refuses_large_fleets(void **state)
{
	mig_plan_input *in = NULL;
	mig_plan_fleet_entry e = {0};
	mig_plan *p = NULL;
	size_t w;

	assert_ok(mig_plan_input_new(&in, "big"));
	e.gpu = gpu("a100-80gb");
	e.count = MIG_PLAN_UNLIMITED;
	assert_ok(mig_plan_input_add_gpu(in, &e));
	e.gpu = gpu("h100-80gb");
	assert_ok(mig_plan_input_add_gpu(in, &e));
	for (w = 0; w < 40; w++) {
		mig_plan_workload wl;
		char name[32];

		mig_plan_workload_init(&wl);
		snprintf(name, sizeof(name), "w%zu", w);
		wl.name = name;
		wl.memory_bytes = (uint64_t)(1 + w % 30) << 30;
		assert_ok(mig_plan_input_add_workload(in, &wl));
	}
	{
		mig_plan_options opts = MIG_PLAN_OPTIONS_INIT;

		opts.solver = "enum";
		assert_int_equal(mig_plan_compute(&p, in, &opts), MIG_ENOTSUPPORTED);
		assert_error_has("too large for the enum solver");
		opts.solver = "simplex";
		assert_int_equal(mig_plan_compute(&p, in, &opts), MIG_EINVALID);
		assert_error_has("unknown solver 'simplex'");
		assert_non_null(strstr(mig_error_last()->hint, "cbc, enum"));
		opts.solver = NULL;
		opts.time_limit_s = 0;
		assert_int_equal(mig_plan_compute(&p, in, &opts), MIG_EINVALID);
	}
	assert_null(p);
	assert_int_equal(mig_plan_solver_count(), 2);
	assert_string_equal(mig_plan_solver_name(0), "cbc");
	assert_string_equal(mig_plan_solver_name(1), "enum");
	assert_null(mig_plan_solver_name(2));
	assert_non_null(mig_plan_solver_summary(1));
	mig_plan_input_free(in);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_backends__cbc_equals_enum),
		cmocka_unit_test(test_plan_backends__enum_refuses_large_fleets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
