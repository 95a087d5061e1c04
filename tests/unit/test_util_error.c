/* SPDX-License-Identifier: Apache-2.0 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "error_util.h"

static void test_error__none_until_set(void **state)
{
	const mig_error *e;

	(void)state;
	mig_error_clear();
	e = mig_error_last();
	assert_int_equal(e->code, MIG_OK);
	assert_string_equal(e->message, "no error");
	assert_null(e->hint);
}

static void test_error__set_returns_the_code_and_keeps_message_and_hint(void **state)
{
	const mig_error *e;

	(void)state;
	assert_int_equal(mig_error_set(MIG_ENOFIT, "cannot create '%s' on GPU %u", "4g.40gb", 0u),
			 MIG_ENOFIT);
	mig_error_hint("destroy GI %u", 1u);
	e = mig_error_last();
	assert_int_equal(e->code, MIG_ENOFIT);
	assert_string_equal(e->message, "cannot create '4g.40gb' on GPU 0");
	assert_string_equal(e->hint, "destroy GI 1");
	mig_error_set(MIG_EINVALID, "second");
	assert_null(mig_error_last()->hint);
	mig_error_clear();
	assert_int_equal(mig_error_last()->code, MIG_OK);
}

static void test_error__prefix_adds_context(void **state)
{
	(void)state;
	mig_error_set(MIG_EINVALID, "unknown profile '5g'");
	mig_error_prefix("layouts.yaml:%d:%d", 12, 9);
	assert_string_equal(mig_error_last()->message, "layouts.yaml:12:9: unknown profile '5g'");
	assert_int_equal(mig_error_last()->code, MIG_EINVALID);
}

static void test_error__long_messages_are_cut_not_overflowed(void **state)
{
	char big[5000];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	mig_error_set(MIG_ERROR, "%s", big);
	assert_true(strlen(mig_error_last()->message) < sizeof(big));
	mig_error_prefix("%s", big);
	assert_true(strlen(mig_error_last()->message) < sizeof(big));
}

static void test_error__every_code_has_a_name(void **state)
{
	int c;

	(void)state;
	for (c = MIG_ERECOVER; c <= MIG_OK; c++)
		assert_string_not_equal(mig_error_code_name(c), "unknown error");
	assert_string_equal(mig_error_code_name(-999), "unknown error");
	assert_string_equal(mig_error_code_name(MIG_ENOFIT), "no fit");
	mig_error_set(MIG_ENOMEM, "x");
	assert_int_equal(mig_error_oom(), MIG_ENOMEM);
	assert_string_equal(mig_error_last()->message, "out of memory");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error__none_until_set),
		cmocka_unit_test(test_error__set_returns_the_code_and_keeps_message_and_hint),
		cmocka_unit_test(test_error__prefix_adds_context),
		cmocka_unit_test(test_error__long_messages_are_cut_not_overflowed),
		cmocka_unit_test(test_error__every_code_has_a_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
