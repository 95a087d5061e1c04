/* SPDX-License-Identifier: Apache-2.0 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "strbuf.h"

static void test_strbuf__empty_is_an_empty_string(void **state)
{
	mig_strbuf sb = MIG_STRBUF_INIT;

	(void)state;
	assert_string_equal(mig_strbuf_str(&sb), "");
	assert_int_equal(sb.len, 0);
	mig_strbuf_release(&sb);
}

static void test_strbuf__appends_and_grows(void **state)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	size_t i;

	(void)state;
	mig_strbuf_adds(&sb, "GI ");
	mig_strbuf_addf(&sb, "%u at %d", 1u, 4);
	mig_strbuf_addch(&sb, '!');
	assert_string_equal(mig_strbuf_str(&sb), "GI 1 at 4!");
	for (i = 0; i < 1000; i++)
		mig_strbuf_addch(&sb, 'x');
	assert_int_equal(sb.len, 10 + 1000);
	assert_int_equal(strlen(mig_strbuf_str(&sb)), sb.len);
	assert_false(sb.oom);
	mig_strbuf_reset(&sb);
	assert_string_equal(mig_strbuf_str(&sb), "");
	mig_strbuf_release(&sb);
}

static void test_strbuf__detach_hands_over_the_buffer(void **state)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	char *s;

	(void)state;
	s = mig_strbuf_detach(&sb);
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	mig_strbuf_addf(&sb, "%s", "slices 0-3");
	s = mig_strbuf_detach(&sb);
	assert_string_equal(s, "slices 0-3");
	assert_null(sb.buf);
	free(s);
}

static void test_strbuf__failed_growth_is_remembered(void **state)
{
	mig_strbuf sb = MIG_STRBUF_INIT;

	(void)state;
	mig_strbuf_adds(&sb, "abc");
	mig_strbuf_add(&sb, "x", (size_t)-1);
	assert_true(sb.oom);
	assert_string_equal(mig_strbuf_str(&sb), "abc");
	mig_strbuf_adds(&sb, "more");
	assert_string_equal(mig_strbuf_str(&sb), "abc");
	assert_null(mig_strbuf_detach(&sb));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strbuf__empty_is_an_empty_string),
		cmocka_unit_test(test_strbuf__appends_and_grows),
		cmocka_unit_test(test_strbuf__detach_hands_over_the_buffer),
		cmocka_unit_test(test_strbuf__failed_growth_is_remembered),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
