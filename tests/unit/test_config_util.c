/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The helpers of src/config/config_util.c: echoes of user text in messages, PCI ids, the
 * "PROFILE@START" word, profile-name shape, growing arrays and positioned messages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "config/config_internal.h"

static void test_config_util__echo(void **state)
{
	char buf[MIG_CONFIG_ECHO_MAX + 1], longer[200];

	(void)state;
	assert_string_equal(mig_config__echo(buf, sizeof(buf), "1g.10gb"), "1g.10gb");
	/* control bytes and quotes would break a one-line message */
	assert_string_equal(mig_config__echo(buf, sizeof(buf), "a\tb\nc'd"), "a?b?c?d");
	/* UTF-8 stays whole when nothing is cut */
	assert_string_equal(mig_config__echo(buf, sizeof(buf), "été"), "été");
	memset(longer, 'x', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	longer[0] = (char)0xc3;
	longer[1] = (char)0xa9;
	mig_config__echo(buf, sizeof(buf), longer);
	assert_int_equal(strlen(buf), MIG_CONFIG_ECHO_MAX);
	assert_string_equal(buf + MIG_CONFIG_ECHO_MAX - 3, "...");
	/* a cut text is made ASCII, so that no character is cut in half */
	assert_int_equal(buf[0], '?');
	assert_string_equal(mig_config__echo(buf, 4, "abcdef"), "...");
}

static void test_config_util__pci_ids(void **state)
{
	mig_config_filter f;

	(void)state;
	assert_int_equal(mig_config__parse_pci("0x20B210DE", &f), 0);
	assert_int_equal(f.kind, MIG_CONFIG_FILTER_PCI);
	assert_int_equal(f.pci_id, 0x20B210DE);
	assert_false(f.has_subsystem);
	assert_int_equal(mig_config__parse_pci("0X20b2", &f), 0);
	assert_int_equal(f.pci_id, 0x20B20000);
	assert_int_equal(mig_config__parse_pci("0x000010DE", &f), 0);
	assert_int_equal(f.pci_id, 0x10DE);
	assert_int_equal(mig_config__parse_pci("0x20B210DE:0x147E10DE", &f), 0);
	assert_true(f.has_subsystem);
	assert_int_equal(f.subsystem_id, 0x147E10DE);
	assert_int_equal(mig_config__parse_pci("548540638", &f), 0);
	assert_int_equal(f.pci_id, 0x20B210DE);
	assert_int_equal(mig_config__parse_pci("a100-80gb", &f), -1);
	assert_int_equal(mig_config__parse_pci("0x", &f), -1);
	assert_int_equal(mig_config__parse_pci("0x20B210DE:", &f), -1);
	assert_int_equal(mig_config__parse_pci("0x120B210DE", &f), -1);
	assert_int_equal(mig_config__parse_pci("", &f), -1);
	assert_int_equal(mig_config__parse_pci(":0x1", &f), -1);
}

static void test_config_util__profile_words(void **state)
{
	size_t len;
	int start;

	(void)state;
	assert_int_equal(mig_config__split_start("3g.40gb@4", &len, &start), 0);
	assert_int_equal(len, 7);
	assert_int_equal(start, 4);
	assert_int_equal(mig_config__split_start("3g.40gb", &len, &start), 0);
	assert_int_equal(len, 7);
	assert_int_equal(start, -1);
	assert_int_equal(mig_config__split_start("1g.24gb@11", &len, &start), 0);
	assert_int_equal(start, 11);
	assert_int_equal(mig_config__split_start("3g@", &len, &start), -1);
	assert_int_equal(mig_config__split_start("3g@16", &len, &start), -1);
	assert_int_equal(mig_config__split_start("3g@+1", &len, &start), -1);
	assert_int_equal(mig_config__split_start("3g@1@2", &len, &start), -1);

	assert_true(mig_config__profile_ok("1g.24gb+me.all", 14));
	assert_true(mig_config__profile_ok("1g.24gb-me", 10));
	assert_false(mig_config__profile_ok("", 0));
	assert_false(mig_config__profile_ok("1g 10gb", 7));
	assert_false(mig_config__profile_ok("1g,10gb", 7));
	assert_false(mig_config__profile_ok("é", 2));
	assert_false(mig_config__profile_ok("x", MIG_CONFIG_PROFILE_MAX + 1));
}

static void test_config_util__push_grows(void **state)
{
	int *items = NULL;
	size_t count = 0, i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		int *slot = mig_config__push(&items, &count, sizeof(*items));

		assert_non_null(slot);
		assert_int_equal(*slot, 0);
		*slot = (int)i;
	}
	assert_int_equal(count, 1000);
	for (i = 0; i < 1000; i++)
		assert_int_equal(items[i], (int)i);
	free(items);
}

static void test_config_util__positioned_messages(void **state)
{
	mig_config_pos at = { 12, 9 }, none = { 0, 0 };

	(void)state;
	assert_int_equal(mig_config__error("a.yaml", at, MIG_EINVALID, "bad '%s'", "x"),
			 MIG_EINVALID);
	assert_string_equal(mig_error_last()->message, "a.yaml:12:9: bad 'x'");
	mig_config__error(NULL, none, MIG_EINVALID, "whole file");
	assert_string_equal(mig_error_last()->message, "<input>: whole file");
	mig_error_set(MIG_ENOFIT, "no room");
	mig_error_hint("try 3g.40gb@4");
	mig_config__prefix("a.yaml", at);
	assert_string_equal(mig_error_last()->message, "a.yaml:12:9: no room");
	assert_string_equal(mig_error_last()->hint, "try 3g.40gb@4");
	assert_int_equal(mig_error_last()->code, MIG_ENOFIT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_util__echo),
		cmocka_unit_test(test_config_util__pci_ids),
		cmocka_unit_test(test_config_util__profile_words),
		cmocka_unit_test(test_config_util__push_grows),
		cmocka_unit_test(test_config_util__positioned_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
