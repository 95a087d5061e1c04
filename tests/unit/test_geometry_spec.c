/* SPDX-License-Identifier: Apache-2.0 */
/* mig_geometry_parse_request: the request words, good and bad. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "migctl/geometry.h"
#include "migctl/error.h"
#include "test_geometry_helpers.h"

static const mig_gpu *a100(void)
{
	const mig_gpu *g = mig_catalog_by_key("a100-80gb");

	if (!g)
		fail_msg("no a100-80gb in the catalog");
	return g;
}

static void parse_one(mig_layout *l, const char *token)
{
	assert_ok(mig_geometry_parse_request(l, a100(), &token, 1));
}

static void assert_gi(const mig_layout *l, size_t i, const char *name, int start)
{
	assert_true(i < l->count);
	assert_string_equal(l->gi[i].profile->name, name);
	assert_int_equal(l->gi[i].start, start);
}

/* A token that must be refused with code, and a message that contains text. */
static void assert_refused(const char *token, int code, const char *text)
{
	mig_layout l;

	l.count = 77;
	assert_int_equal(mig_geometry_parse_request(&l, a100(), &token, 1), code);
	assert_int_equal(l.count, 77);
	if (!strstr(mig_error_last()->message, text))
		fail_msg("'%s': message '%s' lacks '%s'", token, mig_error_last()->message, text);
}

static void test_geometry_spec__names_and_starts(void **state)
{
	static const char *const words[] = {"3g.40gb@4", "2g.20gb", "1g.10gb+me@6"};
	mig_layout l;

	(void)state;
	assert_ok(mig_geometry_parse_request(&l, a100(), words, 3));
	assert_ptr_equal(l.gpu, a100());
	assert_int_equal(l.count, 3);
	assert_gi(&l, 0, "3g.40gb", 4);
	assert_gi(&l, 1, "2g.20gb", -1);
	assert_gi(&l, 2, "1g.10gb+me", 6);
	/* A start the profile does not allow is for check and fit to explain. */
	parse_one(&l, "3g.40gb@2");
	assert_gi(&l, 0, "3g.40gb", 2);
	parse_one(&l, "3G.40GB@0");
	assert_gi(&l, 0, "3g.40gb", 0);
}

static void test_geometry_spec__ids_short_names_and_counts(void **state)
{
	mig_layout l;

	(void)state;
	parse_one(&l, "19,19,14,9");
	assert_int_equal(l.count, 4);
	assert_gi(&l, 0, "1g.10gb", -1);
	assert_gi(&l, 1, "1g.10gb", -1);
	assert_gi(&l, 2, "2g.20gb", -1);
	assert_gi(&l, 3, "3g.40gb", -1);
	/* nvidia-smi's id:start. */
	parse_one(&l, "9:4");
	assert_gi(&l, 0, "3g.40gb", 4);
	parse_one(&l, "3g");
	assert_gi(&l, 0, "3g.40gb", -1);
	parse_one(&l, "2x1g.10gb");
	assert_int_equal(l.count, 2);
	assert_gi(&l, 1, "1g.10gb", -1);
	parse_one(&l, "3x15");
	assert_int_equal(l.count, 3);
	assert_gi(&l, 2, "1g.20gb", -1);
	parse_one(&l, " 4g.40gb@0 , 3g.40gb@4 ");
	assert_int_equal(l.count, 2);
	assert_gi(&l, 1, "3g.40gb", 4);
	parse_one(&l, "32x1g.10gb");
	assert_int_equal(l.count, MIG_LAYOUT_MAX);
}

static void test_geometry_spec__an_empty_request_is_empty(void **state)
{
	mig_layout l;

	(void)state;
	assert_ok(mig_geometry_parse_request(&l, a100(), NULL, 0));
	assert_int_equal(l.count, 0);
}

static void test_geometry_spec__malformed_items(void **state)
{
	(void)state;
	assert_refused("3g.40gb@", MIG_EINVALID, "missing start after '@' or ':' in '3g.40gb@'");
	assert_refused("9:", MIG_EINVALID, "missing start");
	assert_refused("@4", MIG_EINVALID, "missing profile in '@4'");
	assert_refused("3g.40gb@x", MIG_EINVALID,
		       "bad start (expected a slice number) in "
		       "'3g.40gb@x'");
	assert_refused("3g.40gb@4@5", MIG_EINVALID, "bad start");
	assert_refused("3g.40gb@-1", MIG_EINVALID, "bad start");
	assert_refused("0x1g.10gb", MIG_EINVALID, "bad count (use 1 or more) in '0x1g.10gb'");
	assert_refused("2x", MIG_EINVALID, "missing profile in '2x'");
	assert_refused("3g.40gb,,2g.20gb", MIG_EINVALID, "empty item in '3g.40gb,,2g.20gb'");
	assert_refused("3g.40gb,", MIG_EINVALID, "empty item");
	assert_refused(",", MIG_EINVALID, "empty item");
	assert_refused("", MIG_EINVALID, "empty item");
	assert_refused("  ", MIG_EINVALID, "empty item");
}

static void test_geometry_spec__unknown_profiles(void **state)
{
	char longword[300];

	(void)state;
	assert_refused("5g.40gb", MIG_ENOTFOUND, "'5g.40gb'");
	assert_refused("2x5g.40gb@0", MIG_ENOTFOUND, "'5g.40gb'");
	assert_refused("99", MIG_ENOTFOUND, "'99'");
	assert_refused("1g", MIG_ENOTFOUND, "'1g'");
	memset(longword, 'g', sizeof(longword) - 1);
	longword[sizeof(longword) - 1] = '\0';
	assert_refused(longword, MIG_ENOTFOUND, "unknown profile 'ggg");
	assert_true(strlen(mig_error_last()->message) < 120);
	assert_refused("\x01\xff\x7f", MIG_ENOTFOUND, "");
	assert_null(strchr(mig_error_last()->message, '\x01'));
}

static void test_geometry_spec__out_of_range(void **state)
{
	(void)state;
	assert_refused("3g.40gb@9", MIG_EINVALID,
		       "placement 9 is out of range for NVIDIA A100-SXM4-80GB: slices are 0-7");
	assert_refused("1g.10gb@8", MIG_EINVALID, "placement 8 is out of range");
	assert_refused("9:99999999999999999999999", MIG_EINVALID, "is out of range");
}

static void test_geometry_spec__too_many_instances(void **state)
{
	static const char *const words[] = {"20x1g.10gb", "20x1g.10gb"};
	mig_layout l;

	(void)state;
	assert_refused("33x1g.10gb", MIG_EINVALID,
		       "too many instances in '33x1g.10gb': at most 32");
	assert_refused("99999999999x1g.10gb", MIG_EINVALID, "bad count");
	l.count = 77;
	assert_int_equal(mig_geometry_parse_request(&l, a100(), words, 2), MIG_EINVALID);
	assert_string_equal(mig_error_last()->message,
			    "too many instances at '20x1g.10gb': at most 32");
	assert_int_equal(l.count, 77);
}

static void test_geometry_spec__rejects_bad_arguments(void **state)
{
	static const char *const words[] = {"3g.40gb", NULL};
	mig_layout l;

	(void)state;
	assert_int_equal(mig_geometry_parse_request(&l, NULL, words, 1), MIG_EINVALID);
	assert_int_equal(mig_geometry_parse_request(NULL, a100(), words, 1), MIG_EINVALID);
	assert_int_equal(mig_geometry_parse_request(&l, a100(), NULL, 1), MIG_EINVALID);
	assert_int_equal(mig_geometry_parse_request(&l, a100(), words, 2), MIG_EINVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry_spec__names_and_starts),
		cmocka_unit_test(test_geometry_spec__ids_short_names_and_counts),
		cmocka_unit_test(test_geometry_spec__an_empty_request_is_empty),
		cmocka_unit_test(test_geometry_spec__malformed_items),
		cmocka_unit_test(test_geometry_spec__unknown_profiles),
		cmocka_unit_test(test_geometry_spec__out_of_range),
		cmocka_unit_test(test_geometry_spec__too_many_instances),
		cmocka_unit_test(test_geometry_spec__rejects_bad_arguments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
