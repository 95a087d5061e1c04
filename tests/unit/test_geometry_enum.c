/* SPDX-License-Identifier: Apache-2.0 */
/* mig_geometry_enumerate: counts per GPU, the reference layouts, completeness, order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "migctl/geometry.h"
#include "migctl/error.h"
#include "test_geometry_helpers.h"

/*
 * The 78 complete layouts of A100-SXM4-80GB with the plain and 1g.20gb profiles, as the
 * reference (mig-geometry.json, valid_maximal_layouts_derived) lists them.
 */
static const char *const a100_reference[] = {
	"1g.10gb@0 1g.10gb@1 1g.10gb@2 1g.10gb@3 1g.10gb@4 1g.10gb@5 1g.20gb@6",
	"1g.10gb@0 1g.10gb@1 1g.10gb@2 1g.10gb@3 1g.10gb@4 1g.10gb@5 1g.10gb@6",
	"1g.10gb@0 1g.10gb@1 1g.10gb@2 1g.10gb@3 1g.20gb@4 1g.20gb@6",
	"1g.10gb@0 1g.10gb@1 1g.10gb@2 1g.10gb@3 1g.20gb@4 1g.10gb@6",
	"1g.10gb@0 1g.10gb@1 1g.10gb@2 1g.10gb@3 2g.20gb@4 1g.20gb@6",
	"1g.10gb@0 1g.10gb@1 1g.10gb@2 1g.10gb@3 2g.20gb@4 1g.10gb@6",
	"1g.10gb@0 1g.10gb@1 2g.20gb@2 1g.10gb@4 1g.10gb@5 1g.20gb@6",
	"1g.10gb@0 1g.10gb@1 1g.20gb@2 1g.10gb@4 1g.10gb@5 1g.20gb@6",
	"1g.10gb@0 1g.10gb@1 1g.20gb@2 1g.10gb@4 1g.10gb@5 1g.10gb@6",
	"1g.10gb@0 1g.10gb@1 2g.20gb@2 1g.10gb@4 1g.10gb@5 1g.10gb@6",
	"2g.20gb@0 1g.10gb@2 1g.10gb@3 1g.10gb@4 1g.10gb@5 1g.20gb@6",
	"2g.20gb@0 1g.10gb@2 1g.10gb@3 1g.10gb@4 1g.10gb@5 1g.10gb@6",
	"1g.20gb@0 1g.10gb@2 1g.10gb@3 1g.10gb@4 1g.10gb@5 1g.20gb@6",
	"1g.20gb@0 1g.10gb@2 1g.10gb@3 1g.10gb@4 1g.10gb@5 1g.10gb@6",
	"1g.10gb@0 1g.10gb@1 1g.10gb@2 1g.10gb@3 3g.40gb@4",
	"1g.10gb@0 1g.10gb@1 2g.20gb@2 2g.20gb@4 1g.10gb@6",
	"1g.10gb@0 1g.10gb@1 1g.20gb@2 2g.20gb@4 1g.20gb@6",
	"1g.10gb@0 1g.10gb@1 2g.20gb@2 1g.20gb@4 1g.20gb@6",
	"1g.10gb@0 1g.10gb@1 1g.20gb@2 2g.20gb@4 1g.10gb@6",
	"1g.10gb@0 1g.10gb@1 2g.20gb@2 1g.20gb@4 1g.10gb@6",
	"1g.10gb@0 1g.10gb@1 1g.20gb@2 1g.20gb@4 1g.20gb@6",
	"1g.10gb@0 1g.10gb@1 1g.20gb@2 1g.20gb@4 1g.10gb@6",
	"1g.10gb@0 1g.10gb@1 2g.20gb@2 2g.20gb@4 1g.20gb@6",
	"1g.20gb@0 1g.10gb@2 1g.10gb@3 1g.20gb@4 1g.20gb@6",
	"2g.20gb@0 1g.10gb@2 1g.10gb@3 2g.20gb@4 1g.20gb@6",
	"2g.20gb@0 1g.10gb@2 1g.10gb@3 2g.20gb@4 1g.10gb@6",
	"1g.20gb@0 1g.10gb@2 1g.10gb@3 1g.20gb@4 1g.10gb@6",
	"1g.20gb@0 1g.10gb@2 1g.10gb@3 2g.20gb@4 1g.20gb@6",
	"2g.20gb@0 1g.10gb@2 1g.10gb@3 1g.20gb@4 1g.20gb@6",
	"2g.20gb@0 1g.10gb@2 1g.10gb@3 1g.20gb@4 1g.10gb@6",
	"1g.20gb@0 1g.10gb@2 1g.10gb@3 2g.20gb@4 1g.10gb@6",
	"1g.20gb@0 1g.20gb@2 1g.10gb@4 1g.10gb@5 1g.20gb@6",
	"1g.20gb@0 1g.20gb@2 1g.10gb@4 1g.10gb@5 1g.10gb@6",
	"2g.20gb@0 1g.20gb@2 1g.10gb@4 1g.10gb@5 1g.20gb@6",
	"2g.20gb@0 1g.20gb@2 1g.10gb@4 1g.10gb@5 1g.10gb@6",
	"2g.20gb@0 2g.20gb@2 1g.10gb@4 1g.10gb@5 1g.20gb@6",
	"2g.20gb@0 2g.20gb@2 1g.10gb@4 1g.10gb@5 1g.10gb@6",
	"1g.20gb@0 2g.20gb@2 1g.10gb@4 1g.10gb@5 1g.20gb@6",
	"1g.20gb@0 2g.20gb@2 1g.10gb@4 1g.10gb@5 1g.10gb@6",
	"1g.10gb@0 1g.10gb@1 1g.20gb@2 3g.40gb@4",
	"1g.10gb@0 1g.10gb@1 2g.20gb@2 3g.40gb@4",
	"1g.20gb@0 1g.10gb@2 1g.10gb@3 3g.40gb@4",
	"2g.20gb@0 1g.10gb@2 1g.10gb@3 3g.40gb@4",
	"1g.20gb@0 2g.20gb@2 1g.20gb@4 1g.20gb@6",
	"1g.20gb@0 2g.20gb@2 1g.20gb@4 1g.10gb@6",
	"2g.20gb@0 2g.20gb@2 1g.20gb@4 1g.10gb@6",
	"1g.20gb@0 1g.20gb@2 2g.20gb@4 1g.10gb@6",
	"2g.20gb@0 1g.20gb@2 1g.20gb@4 1g.20gb@6",
	"1g.20gb@0 1g.20gb@2 1g.20gb@4 1g.20gb@6",
	"2g.20gb@0 1g.20gb@2 1g.20gb@4 1g.10gb@6",
	"1g.20gb@0 2g.20gb@2 2g.20gb@4 1g.20gb@6",
	"1g.20gb@0 1g.20gb@2 1g.20gb@4 1g.10gb@6",
	"2g.20gb@0 1g.20gb@2 2g.20gb@4 1g.20gb@6",
	"2g.20gb@0 2g.20gb@2 2g.20gb@4 1g.20gb@6",
	"2g.20gb@0 2g.20gb@2 2g.20gb@4 1g.10gb@6",
	"1g.20gb@0 2g.20gb@2 2g.20gb@4 1g.10gb@6",
	"2g.20gb@0 2g.20gb@2 1g.20gb@4 1g.20gb@6",
	"1g.20gb@0 1g.20gb@2 2g.20gb@4 1g.20gb@6",
	"2g.20gb@0 1g.20gb@2 2g.20gb@4 1g.10gb@6",
	"4g.40gb@0 1g.10gb@4 1g.10gb@5 1g.20gb@6",
	"4g.40gb@0 1g.10gb@4 1g.10gb@5 1g.10gb@6",
	"3g.40gb@0 1g.10gb@4 1g.10gb@5 1g.20gb@6",
	"3g.40gb@0 1g.10gb@4 1g.10gb@5 1g.10gb@6",
	"1g.20gb@0 2g.20gb@2 3g.40gb@4",
	"2g.20gb@0 2g.20gb@2 3g.40gb@4",
	"2g.20gb@0 1g.20gb@2 3g.40gb@4",
	"1g.20gb@0 1g.20gb@2 3g.40gb@4",
	"4g.40gb@0 2g.20gb@4 1g.10gb@6",
	"4g.40gb@0 1g.20gb@4 1g.20gb@6",
	"4g.40gb@0 1g.20gb@4 1g.10gb@6",
	"3g.40gb@0 2g.20gb@4 1g.20gb@6",
	"3g.40gb@0 2g.20gb@4 1g.10gb@6",
	"3g.40gb@0 1g.20gb@4 1g.20gb@6",
	"3g.40gb@0 1g.20gb@4 1g.10gb@6",
	"4g.40gb@0 2g.20gb@4 1g.20gb@6",
	"3g.40gb@0 3g.40gb@4",
	"4g.40gb@0 3g.40gb@4",
	"7g.80gb@0",
};

static int same_set(const mig_layout *a, const mig_layout *b)
{
	size_t i, j;

	if (a->count != b->count)
		return 0;
	for (i = 0; i < a->count; i++) {
		for (j = 0; j < b->count; j++)
			if (a->gi[i].profile == b->gi[j].profile &&
			    a->gi[i].start == b->gi[j].start)
				break;
		if (j == b->count)
			return 0;
	}
	return 1;
}

static size_t find_layout(const mig_layout_list *list, const mig_layout *l)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		if (same_set(&list->items[i], l))
			return i;
	return list->count;
}

static void assert_counts(const mig_gpu *g, unsigned flags, size_t layouts, size_t multisets)
{
	mig_layout_list *list = NULL;

	assert_ok(mig_geometry_enumerate(&list, g, flags));
	if (list->count != layouts || mig_layout_list_multisets(list) != multisets)
		fail_msg("%s flags %u: %zu layouts (%zu multisets), expected %zu (%zu)", g->key,
			 flags, list->count, mig_layout_list_multisets(list), layouts, multisets);
	mig_layout_list_free(list);
}

static void test_geometry_enum__counts_on_the_8_slice_parts(void **state)
{
	size_t i, seen = 0;

	(void)state;
	for (i = 0; i < mig_catalog_count(); i++) {
		const mig_gpu *g = mig_catalog_at(i);

		if (g->memory_slices != 8)
			continue;
		assert_counts(g, 0, 19, 14);
		assert_counts(g, MIG_ENUM_WIDE, 78, 38);
		assert_counts(g, MIG_ENUM_WIDE | MIG_ENUM_ME, 239, 64);
		seen++;
	}
	/* A100 x2, H100 x3, GH200 x2, H200 x2, B200, GB200. */
	assert_int_equal(seen, 11);
	assert_counts(gpu("a100-80gb"), MIG_ENUM_DEFAULT, 78, 38);
}

static void test_geometry_enum__counts_on_a30_and_rtx_pro(void **state)
{
	(void)state;
	assert_counts(gpu("a30"), 0, 5, 4);
	assert_counts(gpu("rtx-pro-6000"), 0, 5, 4);
}

static void assert_listed(const mig_layout_list *list, const mig_gpu *g, const char *text)
{
	mig_layout l;

	spec(&l, g, text);
	if (find_layout(list, &l) == list->count)
		fail_msg("%s: layout '%s' is missing", g->key, text);
}

static void test_geometry_enum__matches_the_reference_layouts(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_layout_list *list = NULL;
	size_t i, n = sizeof(a100_reference) / sizeof(a100_reference[0]);

	(void)state;
	assert_ok(mig_geometry_enumerate(&list, a100, MIG_ENUM_WIDE));
	assert_int_equal(list->count, n);
	for (i = 0; i < n; i++)
		assert_listed(list, a100, a100_reference[i]);
	mig_layout_list_free(list);

	assert_ok(mig_geometry_enumerate(&list, gpu("a30"), 0));
	assert_listed(list, gpu("a30"), "1g.6gb@0 1g.6gb@1 1g.6gb@2 1g.6gb@3");
	assert_listed(list, gpu("a30"), "1g.6gb@0 1g.6gb@1 2g.12gb@2");
	assert_listed(list, gpu("a30"), "2g.12gb@0 1g.6gb@2 1g.6gb@3");
	assert_listed(list, gpu("a30"), "2g.12gb@0 2g.12gb@2");
	assert_listed(list, gpu("a30"), "4g.24gb@0");
	mig_layout_list_free(list);

	assert_ok(mig_geometry_enumerate(&list, gpu("rtx-pro-6000"), 0));
	assert_listed(list, gpu("rtx-pro-6000"), "1g.24gb@0 1g.24gb@3 1g.24gb@6 1g.24gb@9");
	assert_listed(list, gpu("rtx-pro-6000"), "1g.24gb@0 1g.24gb@3 2g.48gb@6");
	assert_listed(list, gpu("rtx-pro-6000"), "2g.48gb@0 1g.24gb@6 1g.24gb@9");
	assert_listed(list, gpu("rtx-pro-6000"), "2g.48gb@0 2g.48gb@6");
	assert_listed(list, gpu("rtx-pro-6000"), "4g.96gb@0");
	mig_layout_list_free(list);
}

/* Each layout valid, complete, in creation order, listed once; equal multisets adjacent. */
static void assert_well_formed(const mig_gpu *g, unsigned flags)
{
	mig_layout_list *list = NULL;
	size_t i, j, k, groups = 0;

	assert_ok(mig_geometry_enumerate(&list, g, flags));
	for (i = 0; i < list->count; i++) {
		const mig_layout *l = &list->items[i];
		mig_layout ordered = *l;

		assert_ptr_equal(l->gpu, g);
		assert_ok(mig_geometry_check(l, NULL));
		for (k = 0; k < g->gi_profile_count; k++)
			if (mig_geometry_profile_enabled(&g->gi_profiles[k], flags))
				assert_int_equal(
					mig_geometry_free_starts(l, &g->gi_profiles[k], NULL, 0),
					0);
			else
				for (j = 0; j < l->count; j++)
					assert_ptr_not_equal(l->gi[j].profile, &g->gi_profiles[k]);
		mig_geometry_creation_order(&ordered);
		assert_memory_equal(ordered.gi, l->gi, l->count * sizeof(l->gi[0]));
		for (j = 0; j < i; j++)
			assert_false(same_set(&list->items[j], l));
		if (i == 0 || !mig_layout_same_profiles(&list->items[i - 1], l))
			groups++;
	}
	assert_int_equal(groups, mig_layout_list_multisets(list));
	mig_layout_list_free(list);
}

static void test_geometry_enum__layouts_are_valid_complete_and_distinct(void **state)
{
	(void)state;
	assert_well_formed(gpu("a100-80gb"), MIG_ENUM_WIDE | MIG_ENUM_ME);
	assert_well_formed(gpu("h100-80gb"), 0);
	assert_well_formed(gpu("a30"), MIG_ENUM_ALL);
	assert_well_formed(gpu("rtx-pro-6000"), MIG_ENUM_ALL);
}

static void test_geometry_enum__sorted_biggest_first(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_layout_list *list = NULL, *again = NULL;
	const mig_layout *last;
	size_t i;

	(void)state;
	assert_ok(mig_geometry_enumerate(&list, a100, MIG_ENUM_WIDE));
	assert_int_equal(list->items[0].count, 1);
	assert_string_equal(list->items[0].gi[0].profile->name, "7g.80gb");
	assert_string_equal(list->items[1].gi[0].profile->name, "4g.40gb");
	assert_string_equal(list->items[1].gi[1].profile->name, "3g.40gb");
	last = &list->items[list->count - 1];
	assert_int_equal(last->count, 7);
	for (i = 0; i < 7; i++) {
		assert_string_equal(last->gi[i].profile->name, "1g.10gb");
		assert_int_equal(last->gi[i].start, (int)i);
	}
	/* The same call gives the same list. */
	assert_ok(mig_geometry_enumerate(&again, a100, MIG_ENUM_WIDE));
	assert_int_equal(again->count, list->count);
	assert_memory_equal(again->items, list->items, list->count * sizeof(list->items[0]));
	mig_layout_list_free(list);
	mig_layout_list_free(again);
}

static void test_geometry_enum__multisets(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_layout_list list;
	mig_layout items[3];

	(void)state;
	spec(&items[0], a100, "3g.40gb@0 2g.20gb@4 1g.10gb@6");
	spec(&items[1], a100, "1g.10gb@2 2g.20gb@0 3g.40gb@4");
	spec(&items[2], a100, "3g.40gb@0 1g.20gb@4 1g.10gb@6");
	assert_true(mig_layout_same_profiles(&items[0], &items[1]));
	assert_false(mig_layout_same_profiles(&items[0], &items[2]));
	assert_false(mig_layout_same_profiles(&items[0], NULL));
	list.items = items;
	list.count = 3;
	assert_int_equal(mig_layout_list_multisets(&list), 2);
	assert_int_equal(mig_layout_list_multisets(NULL), 0);
	spec(&items[1], a100, "3g.40gb@0 2g.20gb@4");
	assert_false(mig_layout_same_profiles(&items[0], &items[1]));
	spec(&items[1], a100, "3g.40gb@0 2g.20gb@4 1g.10gb@6 1g.10gb@5");
	spec(&items[2], a100, "3g.40gb@0 2g.20gb@4 2g.20gb@6 1g.10gb@5");
	assert_false(mig_layout_same_profiles(&items[1], &items[2]));
	mig_layout_list_free(NULL);
}

static void test_geometry_enum__rejects_bad_arguments(void **state)
{
	mig_layout_list *list = (mig_layout_list *)&list;

	(void)state;
	assert_int_equal(mig_geometry_enumerate(&list, NULL, 0), MIG_EINVALID);
	assert_null(list);
	assert_int_equal(mig_geometry_enumerate(NULL, gpu("a30"), 0), MIG_EINVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry_enum__counts_on_the_8_slice_parts),
		cmocka_unit_test(test_geometry_enum__counts_on_a30_and_rtx_pro),
		cmocka_unit_test(test_geometry_enum__matches_the_reference_layouts),
		cmocka_unit_test(test_geometry_enum__layouts_are_valid_complete_and_distinct),
		cmocka_unit_test(test_geometry_enum__sorted_biggest_first),
		cmocka_unit_test(test_geometry_enum__multisets),
		cmocka_unit_test(test_geometry_enum__rejects_bad_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
