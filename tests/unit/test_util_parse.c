/* SPDX-License-Identifier: Apache-2.0 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "parse_util.h"

static void test_parse_uint__decimal_and_hex(void **state)
{
	uint64_t v = 0;

	(void)state;
	assert_int_equal(mig_parse_uint("0", 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(mig_parse_uint("42", 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(mig_parse_uint("0x20B210DE", UINT32_MAX, &v), 0);
	assert_int_equal(v, 0x20B210DEu);
	assert_int_equal(mig_parse_uint("0X1f", 255, &v), 0);
	assert_int_equal(v, 31);
}

static void test_parse_uint__rejects_junk_signs_and_overflow(void **state)
{
	uint64_t v = 7;

	(void)state;
	assert_int_equal(mig_parse_uint("", 10, &v), -1);
	assert_int_equal(mig_parse_uint(NULL, 10, &v), -1);
	assert_int_equal(mig_parse_uint("-1", 10, &v), -1);
	assert_int_equal(mig_parse_uint("+1", 10, &v), -1);
	assert_int_equal(mig_parse_uint("1a", 100, &v), -1);
	assert_int_equal(mig_parse_uint(" 1", 100, &v), -1);
	assert_int_equal(mig_parse_uint("0x", 100, &v), -1);
	assert_int_equal(mig_parse_uint("11", 10, &v), -1);
	assert_int_equal(mig_parse_uint("9", 7, &v), -1);
	assert_int_equal(mig_parse_uint("0xf", 7, &v), -1);
	assert_int_equal(mig_parse_uint("18446744073709551616", UINT64_MAX, &v), -1);
	assert_int_equal(v, 7);
	assert_int_equal(mig_parse_uint("18446744073709551615", UINT64_MAX, &v), 0);
	assert_true(v == UINT64_MAX);
}

static void test_parse_uint_n__reads_only_the_prefix(void **state)
{
	uint64_t v = 0;

	(void)state;
	assert_int_equal(mig_parse_uint_n("12@4", 2, 100, &v), 0);
	assert_int_equal(v, 12);
	assert_int_equal(mig_parse_uint_n("12@4", 3, 100, &v), -1);
	assert_int_equal(mig_parse_uint_n("12", 0, 100, &v), -1);
}

static void test_strcaseeq(void **state)
{
	(void)state;
	assert_true(mig_strcaseeq("A100-80GB", "a100-80gb"));
	assert_true(mig_strcaseeq("", ""));
	assert_false(mig_strcaseeq("a100", "a100-80gb"));
	assert_false(mig_strcaseeq("a100-80gb", "a100"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_uint__decimal_and_hex),
		cmocka_unit_test(test_parse_uint__rejects_junk_signs_and_overflow),
		cmocka_unit_test(test_parse_uint_n__reads_only_the_prefix),
		cmocka_unit_test(test_strcaseeq),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
