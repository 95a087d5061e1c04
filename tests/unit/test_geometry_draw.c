/* SPDX-License-Identifier: Apache-2.0 */
/* mig_layout_draw: the slice map. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "migctl/geometry.h"
#include "migctl/error.h"
#include "test_geometry_helpers.h"

static void assert_draws(const mig_gpu *g, const char *layout, const char *map)
{
	char buf[256];
	mig_layout l;

	spec(&l, g, layout);
	assert_int_equal(mig_layout_draw(buf, sizeof(buf), &l), strlen(map));
	assert_string_equal(buf, map);
}

static void test_geometry_draw__cells_span_their_slices(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");

	(void)state;
	assert_draws(a100, "3g.40gb@0 2g.20gb@4 1g.10gb@6",
		     "[3g.40gb           ][2g.20gb ][1g ][   ]");
	/* Positions, not list order, decide where a cell goes. */
	assert_draws(a100, "1g.10gb@3 3g.40gb@4 2g.20gb@0",
		     "[2g.20gb ][   ][1g ][3g.40gb           ]");
	assert_draws(a100, "7g.80gb@0", "[7g.80gb                               ]");
	assert_draws(a100, "", "[   ][   ][   ][   ][   ][   ][   ][   ]");
	/* Names that do not fit are cut to the short form. */
	assert_draws(a100, "1g.20gb@0 1g.10gb+me@2", "[1g.20gb ][1g ][   ][   ][   ][   ][   ]");
}

static void test_geometry_draw__other_grids(void **state)
{
	(void)state;
	assert_draws(gpu("rtx-pro-6000"), "1g.24gb@0 1g.24gb+me.all@3 2g.48gb-me@6",
		     "[1g.24gb      ][1g+me.all    ][2g.48gb-me                  ]");
	/* The short form keeps the suffix where it fits. */
	assert_draws(gpu("a30"), "2g.12gb+me@2", "[   ][   ][2g+me   ]");
	assert_draws(gpu("a30"), "4g.24gb@0", "[4g.24gb           ]");
}

static void test_geometry_draw__maps_line_up(void **state)
{
	mig_layout_list *list = NULL;
	char buf[256];
	size_t i;

	(void)state;
	assert_ok(mig_geometry_enumerate(&list, gpu("a100-80gb"), MIG_ENUM_ALL));
	for (i = 0; i < list->count; i++) {
		assert_int_equal(mig_layout_draw(buf, sizeof(buf), &list->items[i]), 40);
		assert_int_equal(strlen(buf), 40);
	}
	mig_layout_list_free(list);
}

static void test_geometry_draw__cuts_like_snprintf(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	char buf[11];
	mig_layout l;

	(void)state;
	spec(&l, a100, "3g.40gb@0 2g.20gb@4 1g.10gb@6");
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(mig_layout_draw(buf, sizeof(buf), &l), 40);
	assert_string_equal(buf, "[3g.40gb  ");
	assert_int_equal(mig_layout_draw(NULL, 0, &l), 40);
	buf[0] = 'x';
	assert_int_equal(mig_layout_draw(buf, 1, &l), 40);
	assert_int_equal(buf[0], '\0');
	assert_int_equal(mig_layout_draw(buf, sizeof(buf), NULL), 0);
	assert_string_equal(buf, "");
}

static void test_geometry_draw__leaves_out_what_cannot_be_drawn(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	char buf[256];
	mig_layout l;

	(void)state;
	/* The second GI over slice 0 and the unplaced one are not drawn. */
	spec(&l, a100, "2g.20gb@0 1g.10gb@0 3g.40gb");
	assert_int_equal(mig_layout_draw(buf, sizeof(buf), &l), 40);
	assert_string_equal(buf, "[2g.20gb ][   ][   ][   ][   ][   ][   ]");
	/* A start past the end of the GPU is not drawn either. */
	l.count = 1;
	l.gi[0].start = 7;
	mig_layout_draw(buf, sizeof(buf), &l);
	assert_string_equal(buf, "[   ][   ][   ][   ][   ][   ][   ][   ]");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry_draw__cells_span_their_slices),
		cmocka_unit_test(test_geometry_draw__other_grids),
		cmocka_unit_test(test_geometry_draw__maps_line_up),
		cmocka_unit_test(test_geometry_draw__cuts_like_snprintf),
		cmocka_unit_test(test_geometry_draw__leaves_out_what_cannot_be_drawn),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
