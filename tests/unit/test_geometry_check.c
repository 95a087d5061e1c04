/* SPDX-License-Identifier: Apache-2.0 */
/* mig_geometry_check: each rule, the violation it reports, its message and its hint. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "migctl/geometry.h"
#include "migctl/error.h"
#include "test_geometry_helpers.h"

/* Check a layout that must fail, and compare message and hint (NULL: no hint). */
static mig_violation expect_fail(const mig_gpu *g, const char *layout, const char *message,
				 const char *hint)
{
	mig_violation why;
	mig_layout l;
	const mig_error *e;

	spec(&l, g, layout);
	assert_int_equal(mig_geometry_check(&l, &why), MIG_ENOFIT);
	e = mig_error_last();
	assert_int_equal(e->code, MIG_ENOFIT);
	assert_string_equal(e->message, message);
	if (hint)
		assert_string_equal(e->hint ? e->hint : "(none)", hint);
	else
		assert_null(e->hint);
	return why;
}

/*
 * A made-up GPU on which the compute-slice and instance limits bind before the placements do
 * (on every real geometry the placements already imply them).
 */
static const mig_placement toy_starts[] = {{0, 1}, {1, 1}, {2, 1}, {3, 1}};
static const mig_gi_profile toy_profiles[] = {
	{.name = "1g.1gb",
	 .id = 1,
	 .slices = 1,
	 .mem_slices = 1,
	 .max_count = 4,
	 .placement_count = 4,
	 .placements = toy_starts},
	{.name = "2g.1gb",
	 .nvml_profile = 1,
	 .id = 2,
	 .slices = 2,
	 .mem_slices = 1,
	 .max_count = 4,
	 .placement_count = 4,
	 .placements = toy_starts},
};
static const mig_gpu toy = {
	.key = "toy",
	.nvml_name = "Toy GPU",
	.memory_slices = 4,
	.compute_slices = 4,
	.max_gpu_instances = 3,
	.gi_profile_count = 2,
	.gi_profiles = toy_profiles,
};

static void test_geometry_check__accepts_valid_layouts(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_violation why;
	mig_layout l;

	(void)state;
	spec(&l, a100, "4g.40gb@0 3g.40gb@4");
	why.kind = MIG_VIOLATION_OVERLAP;
	assert_ok(mig_geometry_check(&l, &why));
	assert_int_equal(why.kind, MIG_VIOLATION_NONE);
	spec(&l, a100, "3g.40gb@0 2g.20gb@4 1g.10gb+me@6");
	assert_ok(mig_geometry_check(&l, NULL));
	spec(&l, a100, "1g.20gb@0 1g.20gb@2 1g.20gb@4 1g.20gb@6");
	assert_ok(mig_geometry_check(&l, NULL));
	mig_layout_init(&l, a100);
	assert_ok(mig_geometry_check(&l, NULL));
}

static void test_geometry_check__overlap_names_the_holder(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_violation why;

	(void)state;
	why = expect_fail(
		a100, "3g.40gb@0 4g.40gb@0",
		"4g.40gb@0 overlaps 3g.40gb@0: slices 0-3 are held by GI #1 (3g.40gb at 0)",
		"choose 3g.40gb@4");
	assert_int_equal(why.kind, MIG_VIOLATION_OVERLAP);
	assert_int_equal(why.first, 1);
	assert_int_equal(why.second, 0);
	assert_int_equal(why.slices, 0x0F);
	assert_string_equal(why.profile->name, "4g.40gb");
	/* When the GI at fault cannot move, the hint moves the holder. */
	expect_fail(a100, "3g.40gb@0 1g.10gb@4 2g.20gb@4",
		    "2g.20gb@4 overlaps 1g.10gb@4: slice 4 is held by GI #2 (1g.10gb at 4)",
		    "choose 1g.10gb@6");
}

static void test_geometry_check__overlap_hint_moves_the_gi_at_fault(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");

	(void)state;
	expect_fail(a100, "2g.20gb@0 1g.10gb@0",
		    "1g.10gb@0 overlaps 2g.20gb@0: slice 0 is held by GI #1 (2g.20gb at 0)",
		    "free placements of 1g.10gb: 2, 3, 4, 5, 6");
	/* Neither can move, but other starts for all of them work. */
	expect_fail(a100, "3g.40gb@0 1g.10gb@4 2g.20gb@4 1g.10gb@6",
		    "2g.20gb@4 overlaps 1g.10gb@4: slice 4 is held by GI #2 (1g.10gb at 4)",
		    "it fits as 3g.40gb@4 2g.20gb@0 1g.10gb@2 1g.10gb@3");
	/* Nothing helps: 9 memory slices on 8. */
	expect_fail(a100, "4g.40gb@0 1g.20gb@4 1g.20gb@6 1g.10gb@4",
		    "1g.10gb@4 overlaps 1g.20gb@4: slice 4 is held by GI #2 (1g.20gb at 4)", NULL);
}

static void test_geometry_check__placement_lists_the_allowed_starts(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_violation why;

	(void)state;
	why = expect_fail(a100, "3g.40gb@2", "3g.40gb cannot start at 2: its placements are 0, 4",
			  "choose 3g.40gb@0 or 3g.40gb@4");
	assert_int_equal(why.kind, MIG_VIOLATION_PLACEMENT);
	assert_int_equal(why.first, 0);
	assert_int_equal(why.second, -1);
	expect_fail(a100, "4g.40gb@0 3g.40gb@2",
		    "3g.40gb cannot start at 2: its placements are 0, 4", "choose 3g.40gb@4");
	expect_fail(a100, "1g.10gb@7",
		    "1g.10gb cannot start at 7: its placements are 0, 1, 2, 3, 4, 5, 6",
		    "free placements of 1g.10gb: 0, 1, 2, 3, 4, 5, 6");
	expect_fail(a100, "7g.80gb@0 4g.40gb@4", "4g.40gb cannot start at 4: its placements are 0",
		    "no placement of 4g.40gb is free next to the others");
}

static void test_geometry_check__max_count(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_violation why;

	(void)state;
	why = expect_fail(a100, "3g.40gb@0 3g.40gb@4 3g.40gb@0",
			  "3 x 3g.40gb requested but at most 2 fit on NVIDIA A100-SXM4-80GB",
			  "remove 1 x 3g.40gb");
	assert_int_equal(why.kind, MIG_VIOLATION_MAX_COUNT);
	assert_int_equal(why.first, 2);
	assert_int_equal(why.second, 0);
	assert_string_equal(why.profile->name, "3g.40gb");
	expect_fail(a100, "1g.20gb@0 1g.20gb@2 1g.20gb@4 1g.20gb@6 1g.20gb@0",
		    "5 x 1g.20gb requested but at most 4 fit on NVIDIA A100-SXM4-80GB",
		    "remove 1 x 1g.20gb");
}

static void test_geometry_check__one_media_extension_gi(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	const mig_gpu *a30 = gpu("a30");
	mig_violation why;

	(void)state;
	why = expect_fail(a100, "1g.10gb+me@0 1g.10gb+me@1",
			  "+me limit: only one media-extension instance per GPU (1g.10gb+me): "
			  "GI #1 (1g.10gb+me at 0) and GI #2 (1g.10gb+me at 1) are both +me",
			  "keep one +me instance: use 1g.10gb instead of 1g.10gb+me");
	assert_int_equal(why.kind, MIG_VIOLATION_ME_LIMIT);
	assert_int_equal(why.first, 1);
	assert_int_equal(why.second, 0);
	/* A30 has two +me profiles; the limit is per GPU, not per profile. */
	why = expect_fail(a30, "1g.6gb+me@0 2g.12gb+me@2",
			  "+me limit: only one media-extension instance per GPU (2g.12gb+me): "
			  "GI #1 (1g.6gb+me at 0) and GI #2 (2g.12gb+me at 2) are both +me",
			  "keep one +me instance: use 2g.12gb instead of 2g.12gb+me");
	assert_int_equal(why.kind, MIG_VIOLATION_ME_LIMIT);
}

static void test_geometry_check__me_all_needs_no_me_neighbours(void **state)
{
	const mig_gpu *rtx = gpu("rtx-pro-6000");
	mig_violation why;
	mig_layout l;

	(void)state;
	spec(&l, rtx, "1g.24gb+me.all@0 1g.24gb-me@3 2g.48gb-me@6");
	assert_ok(mig_geometry_check(&l, NULL));
	why = expect_fail(rtx, "1g.24gb@0 1g.24gb+me.all@3",
			  "+me.all rule: GI #2 (1g.24gb+me.all at 3) takes every media engine, so "
			  "every other instance must be -me, and GI #1 (1g.24gb at 0) is not",
			  "use 1g.24gb-me instead of 1g.24gb");
	assert_int_equal(why.kind, MIG_VIOLATION_ME_ALL);
	assert_int_equal(why.first, 0);
	assert_int_equal(why.second, 1);
	why = expect_fail(
		rtx, "1g.24gb+me.all@0 2g.48gb+me.all@6",
		"+me.all rule: GI #1 (1g.24gb+me.all at 0) takes every media engine, so "
		"every other instance must be -me, and GI #2 (2g.48gb+me.all at 6) is not",
		"use 2g.48gb-me instead of 2g.48gb+me.all");
	assert_int_equal(why.kind, MIG_VIOLATION_ME_ALL);
	/* A "+me" GI is not "-me" either. */
	why = expect_fail(rtx, "1g.24gb+me.all@0 1g.24gb+me@3",
			  "+me.all rule: GI #1 (1g.24gb+me.all at 0) takes every media engine, so "
			  "every other instance must be -me, and GI #2 (1g.24gb+me at 3) is not",
			  "use 1g.24gb-me instead of 1g.24gb+me");
}

static void test_geometry_check__compute_slices_and_instances(void **state)
{
	const mig_gi_profile *one = &toy_profiles[0], *two = &toy_profiles[1];
	mig_violation why;
	mig_layout l;
	const mig_error *e;

	(void)state;
	mig_layout_init(&l, &toy);
	assert_ok(mig_layout_add(&l, two, 0));
	assert_ok(mig_layout_add(&l, two, 1));
	assert_ok(mig_geometry_check(&l, NULL));
	assert_ok(mig_layout_add(&l, one, 2));
	assert_int_equal(mig_geometry_check(&l, &why), MIG_ENOFIT);
	e = mig_error_last();
	assert_string_equal(e->message, "compute slices exceeded: the instances need 5 compute "
					"slices but Toy GPU has 4");
	assert_string_equal(e->hint, "remove instances worth 1 compute slice");
	assert_int_equal(why.kind, MIG_VIOLATION_COMPUTE_SLICES);
	assert_int_equal(why.first, 2);

	mig_layout_init(&l, &toy);
	assert_ok(mig_layout_add(&l, one, 0));
	assert_ok(mig_layout_add(&l, one, 1));
	assert_ok(mig_layout_add(&l, one, 2));
	assert_ok(mig_layout_add(&l, one, 3));
	assert_int_equal(mig_geometry_check(&l, &why), MIG_ENOFIT);
	e = mig_error_last();
	assert_string_equal(e->message, "4 instances requested but Toy GPU holds at most 3");
	assert_string_equal(e->hint, "remove 1 of them");
	assert_int_equal(why.kind, MIG_VIOLATION_MAX_INSTANCES);
	assert_int_equal(why.first, 3);
}

static void test_geometry_check__rejects_bad_arguments(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	const mig_gpu *a30 = gpu("a30");
	mig_layout l;

	(void)state;
	assert_int_equal(mig_geometry_check(NULL, NULL), MIG_EINVALID);
	spec(&l, a100, "4g.40gb@0 3g.40gb");
	assert_int_equal(mig_geometry_check(&l, NULL), MIG_EINVALID);
	assert_string_equal(mig_error_last()->message, "GI #2 (3g.40gb) has no start");
	/* A profile of another GPU is refused, not silently measured. */
	mig_layout_init(&l, a100);
	assert_ok(mig_layout_add(&l, &a30->gi_profiles[0], 0));
	assert_int_equal(mig_geometry_check(&l, NULL), MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->message, "GI #1 has no profile of"));
	l.gi[0].profile = NULL;
	assert_int_equal(mig_geometry_check(&l, NULL), MIG_EINVALID);
	l.gpu = NULL;
	assert_int_equal(mig_geometry_check(&l, NULL), MIG_EINVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry_check__accepts_valid_layouts),
		cmocka_unit_test(test_geometry_check__overlap_names_the_holder),
		cmocka_unit_test(test_geometry_check__overlap_hint_moves_the_gi_at_fault),
		cmocka_unit_test(test_geometry_check__placement_lists_the_allowed_starts),
		cmocka_unit_test(test_geometry_check__max_count),
		cmocka_unit_test(test_geometry_check__one_media_extension_gi),
		cmocka_unit_test(test_geometry_check__me_all_needs_no_me_neighbours),
		cmocka_unit_test(test_geometry_check__compute_slices_and_instances),
		cmocka_unit_test(test_geometry_check__rejects_bad_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
