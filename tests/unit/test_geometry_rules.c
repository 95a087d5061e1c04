/* SPDX-License-Identifier: Apache-2.0 */
/* Masks, layouts, free placements, remaining capacity and the profile classes of enumeration. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "migctl/geometry.h"
#include "migctl/error.h"
#include "test_geometry_helpers.h"

static const mig_gi_profile *prof(const mig_gpu *g, const char *name)
{
	const mig_gi_profile *p = NULL;

	assert_ok(mig_catalog_find_profile(&p, g, name));
	return p;
}

static void test_geometry_rules__placement_masks(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");

	(void)state;
	assert_int_equal(mig_placement_mask(prof(a100, "3g.40gb"), 4), 0xF0);
	assert_int_equal(mig_placement_mask(prof(a100, "7g.80gb"), 0), 0xFF);
	assert_int_equal(mig_placement_mask(prof(a100, "1g.20gb"), 6), 0xC0);
	assert_int_equal(mig_placement_mask(prof(a100, "1g.10gb"), 3), 0x08);
	assert_int_equal(mig_placement_mask(NULL, 0), 0);
	assert_int_equal(mig_placement_mask(prof(a100, "1g.10gb"), 40), 0);
}

static void test_geometry_rules__placement_allowed(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");

	(void)state;
	assert_true(mig_geometry_placement_allowed(prof(a100, "3g.40gb"), 0));
	assert_true(mig_geometry_placement_allowed(prof(a100, "3g.40gb"), 4));
	assert_false(mig_geometry_placement_allowed(prof(a100, "3g.40gb"), 2));
	assert_false(mig_geometry_placement_allowed(prof(a100, "4g.40gb"), 4));
	assert_true(mig_geometry_placement_allowed(prof(a100, "1g.20gb"), 6));
	/* No 1-slice profile can start at 7 on the 8-slice parts. */
	assert_false(mig_geometry_placement_allowed(prof(a100, "1g.10gb"), 7));
	assert_false(mig_geometry_placement_allowed(NULL, 0));
}

static void test_geometry_rules__layout_add_and_occupied(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	const mig_gi_profile *one = prof(a100, "1g.10gb");
	mig_layout l;
	int i;

	(void)state;
	mig_layout_init(&l, a100);
	assert_ptr_equal(l.gpu, a100);
	assert_int_equal(l.count, 0);
	assert_int_equal(mig_layout_occupied(&l), 0);
	assert_ok(mig_layout_add(&l, prof(a100, "3g.40gb"), 4));
	assert_ok(mig_layout_add(&l, one, -1));
	assert_ok(mig_layout_add(&l, one, 1));
	/* The unplaced 1g holds nothing. */
	assert_int_equal(mig_layout_occupied(&l), 0xF2);
	for (i = 3; i < MIG_LAYOUT_MAX; i++)
		assert_ok(mig_layout_add(&l, one, -1));
	assert_int_equal(mig_layout_add(&l, one, -1), MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->message, "at most 32"));
	assert_int_equal(l.count, MIG_LAYOUT_MAX);
	assert_int_equal(mig_layout_add(NULL, one, 0), MIG_EINVALID);
	assert_int_equal(mig_layout_occupied(NULL), 0);
}

static void test_geometry_rules__free_starts_on_an_empty_gpu(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	unsigned st[8];
	mig_layout l;

	(void)state;
	mig_layout_init(&l, a100);
	assert_int_equal(mig_geometry_free_starts(&l, prof(a100, "3g.40gb"), st, 8), 2);
	assert_int_equal(st[0], 0);
	assert_int_equal(st[1], 4);
	assert_int_equal(mig_geometry_free_starts(&l, prof(a100, "1g.10gb"), st, 8), 7);
	assert_int_equal(st[6], 6);
	/* The count is returned even when it exceeds cap. */
	assert_int_equal(mig_geometry_free_starts(&l, prof(a100, "1g.10gb"), st, 2), 7);
	assert_int_equal(mig_geometry_free_starts(&l, prof(a100, "1g.10gb"), NULL, 0), 7);
	assert_int_equal(mig_geometry_free_starts(NULL, prof(a100, "1g.10gb"), NULL, 0), 0);
}

static void test_geometry_rules__free_starts_next_to_placed_gis(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	unsigned st[8];
	mig_layout l;

	(void)state;
	spec(&l, a100, "3g.40gb@0");
	assert_int_equal(mig_geometry_free_starts(&l, prof(a100, "1g.10gb"), st, 8), 3);
	assert_int_equal(st[0], 4);
	assert_int_equal(st[1], 5);
	assert_int_equal(st[2], 6);
	assert_int_equal(mig_geometry_free_starts(&l, prof(a100, "4g.40gb"), st, 8), 0);
	assert_int_equal(mig_geometry_free_starts(&l, prof(a100, "1g.20gb"), st, 8), 2);
	assert_int_equal(st[0], 4);
	assert_int_equal(st[1], 6);
	/* Unplaced GIs of the layout are ignored. */
	spec(&l, a100, "4g.40gb@0 3g.40gb");
	assert_int_equal(mig_geometry_free_starts(&l, prof(a100, "3g.40gb"), st, 8), 1);
	assert_int_equal(st[0], 4);
	/* The count rules count: a second +me GI has nowhere to go. */
	spec(&l, a100, "1g.10gb+me@0");
	assert_int_equal(mig_geometry_free_starts(&l, prof(a100, "1g.10gb+me"), st, 8), 0);
	assert_int_equal(mig_geometry_free_starts(&l, prof(a100, "1g.10gb"), st, 8), 6);
}

static void test_geometry_rules__remaining_capacity_after_a_3g(void **state)
{
	static const char *const keys[] = {"a100-80gb", "h100-80gb"};
	size_t k;

	(void)state;
	for (k = 0; k < 2; k++) {
		const mig_gpu *g = gpu(keys[k]);
		const mig_gi_profile *one = &g->gi_profiles[0];
		mig_layout l;

		assert_int_equal(one->nvml_profile, 0);
		mig_layout_init(&l, g);
		assert_int_equal(mig_geometry_remaining_capacity(&l, one), 7);
		assert_int_equal(mig_geometry_remaining_capacity(&l, prof(g, "1g.20gb")), 4);
		assert_int_equal(mig_geometry_remaining_capacity(&l, prof(g, "3g.40gb")), 2);
		assert_int_equal(mig_geometry_remaining_capacity(&l, prof(g, "7g.80gb")), 1);
		spec(&l, g, "3g.40gb@0");
		/* NVIDIA's own example: 1g drops from 7 to 3 (starts 4, 5, 6 are left). */
		assert_int_equal(mig_geometry_remaining_capacity(&l, one), 3);
		assert_int_equal(mig_geometry_remaining_capacity(&l, prof(g, "1g.20gb")), 2);
		assert_int_equal(mig_geometry_remaining_capacity(&l, prof(g, "2g.20gb")), 1);
		assert_int_equal(mig_geometry_remaining_capacity(&l, prof(g, "3g.40gb")), 1);
		assert_int_equal(mig_geometry_remaining_capacity(&l, prof(g, "4g.40gb")), 0);
		assert_int_equal(mig_geometry_remaining_capacity(&l, prof(g, "7g.80gb")), 0);
	}
}

static void test_geometry_rules__remaining_capacity_honours_count_rules(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	const mig_gpu *rtx = gpu("rtx-pro-6000");
	mig_layout l;

	(void)state;
	spec(&l, a100, "1g.10gb+me@6");
	assert_int_equal(mig_geometry_remaining_capacity(&l, prof(a100, "1g.10gb+me")), 0);
	assert_int_equal(mig_geometry_remaining_capacity(&l, prof(a100, "1g.10gb")), 6);
	/* Six 1g.10gb and a 1g.20gb: 7 compute slices and 7 GIs, nothing more. */
	spec(&l, a100, "1g.10gb@0 1g.10gb@1 1g.10gb@2 1g.10gb@3 1g.10gb@4 1g.10gb@5");
	assert_int_equal(mig_geometry_remaining_capacity(&l, prof(a100, "1g.10gb")), 1);
	assert_int_equal(mig_geometry_remaining_capacity(&l, prof(a100, "1g.20gb")), 1);
	/* While a +me.all GI exists only -me GIs may be added. */
	spec(&l, rtx, "1g.24gb+me.all@0");
	assert_int_equal(mig_geometry_remaining_capacity(&l, prof(rtx, "1g.24gb")), 0);
	assert_int_equal(mig_geometry_remaining_capacity(&l, prof(rtx, "1g.24gb-me")), 3);
	assert_int_equal(mig_geometry_remaining_capacity(&l, prof(rtx, "2g.48gb-me")), 1);
	assert_int_equal(mig_geometry_remaining_capacity(&l, prof(rtx, "2g.48gb+me.all")), 0);
	spec(&l, rtx, "1g.24gb@0");
	assert_int_equal(mig_geometry_remaining_capacity(&l, prof(rtx, "1g.24gb+me.all")), 0);
	spec(&l, rtx, "1g.24gb-me@0");
	assert_int_equal(mig_geometry_remaining_capacity(&l, prof(rtx, "1g.24gb+me.all")), 1);
	assert_int_equal(mig_geometry_remaining_capacity(NULL, prof(rtx, "1g.24gb")), 0);
}

static void test_geometry_rules__profile_classes(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	const mig_gpu *rtx = gpu("rtx-pro-6000");
	const mig_gpu *a30 = gpu("a30");

	(void)state;
	assert_true(mig_geometry_profile_enabled(prof(a100, "1g.10gb"), 0));
	assert_true(mig_geometry_profile_enabled(prof(a100, "7g.80gb"), 0));
	assert_false(mig_geometry_profile_enabled(prof(a100, "1g.20gb"), 0));
	assert_true(mig_geometry_profile_enabled(prof(a100, "1g.20gb"), MIG_ENUM_WIDE));
	assert_false(mig_geometry_profile_enabled(prof(a100, "1g.10gb+me"), MIG_ENUM_WIDE));
	assert_true(mig_geometry_profile_enabled(prof(a100, "1g.10gb+me"), MIG_ENUM_ME));
	assert_true(mig_geometry_profile_enabled(prof(a30, "2g.12gb+me"), MIG_ENUM_ME));
	assert_false(mig_geometry_profile_enabled(prof(rtx, "1g.24gb+gfx"), MIG_ENUM_ME));
	assert_true(mig_geometry_profile_enabled(prof(rtx, "1g.24gb+gfx"), MIG_ENUM_OTHER));
	assert_true(mig_geometry_profile_enabled(prof(rtx, "1g.24gb-me"), MIG_ENUM_OTHER));
	assert_true(mig_geometry_profile_enabled(prof(rtx, "2g.48gb+me.all"), MIG_ENUM_ALL));
	assert_false(mig_geometry_profile_enabled(prof(rtx, "2g.48gb+me.all"), MIG_ENUM_DEFAULT));
	assert_false(mig_geometry_profile_enabled(NULL, MIG_ENUM_ALL));
}

static void test_geometry_rules__violation_names(void **state)
{
	(void)state;
	assert_string_equal(mig_violation_name(MIG_VIOLATION_NONE), "none");
	assert_string_equal(mig_violation_name(MIG_VIOLATION_OVERLAP), "overlap");
	assert_string_equal(mig_violation_name(MIG_VIOLATION_MAX_COUNT), "max count");
	assert_string_equal(mig_violation_name(MIG_VIOLATION_NO_ROOM), "no room");
	assert_string_equal(mig_violation_name(MIG_VIOLATION__COUNT), "unknown");
	assert_string_equal(mig_violation_name((mig_violation_kind)-1), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry_rules__placement_masks),
		cmocka_unit_test(test_geometry_rules__placement_allowed),
		cmocka_unit_test(test_geometry_rules__layout_add_and_occupied),
		cmocka_unit_test(test_geometry_rules__free_starts_on_an_empty_gpu),
		cmocka_unit_test(test_geometry_rules__free_starts_next_to_placed_gis),
		cmocka_unit_test(test_geometry_rules__remaining_capacity_after_a_3g),
		cmocka_unit_test(test_geometry_rules__remaining_capacity_honours_count_rules),
		cmocka_unit_test(test_geometry_rules__profile_classes),
		cmocka_unit_test(test_geometry_rules__violation_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
