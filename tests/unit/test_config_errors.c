/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Every way a layout file can be refused by the parser, each with its exact message: the
 * file, line and column of the bad value (1-based), and the value itself. Each table row is one
 * bad file; a failing row names itself.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "migctl/config.h"
#include "migctl/error.h"

/* Lines 1-3 of most cases; entries start on line 4 at column 7 ("    - "). */
#define HEAD "version: v1\nmig-configs:\n  a:\n"

typedef struct bad_file {
	const char *text;
	int code;
	const char *message;
} bad_file;

static void check_table(const bad_file *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		mig_config_file *f = NULL;
		int rc = mig_config_parse(&f, cases[i].text, strlen(cases[i].text),
					  "layouts.yaml");

		if (rc != cases[i].code || strcmp(mig_error_last()->message, cases[i].message))
			fail_msg("case %zu: got %d '%s'\n  want %d '%s'", i, rc,
				 mig_error_last()->message, cases[i].code, cases[i].message);
		assert_null(f);
	}
}

#define CHECK(table) check_table(table, sizeof(table) / sizeof(table[0]))

static void test_config_errors__yaml_syntax_carries_libyaml_position(void **state)
{
	static const bad_file cases[] = {
		{ HEAD "    - devices: all\n     mig-enabled: false\n", MIG_EINVALID,
		  "layouts.yaml:5:6: invalid YAML: did not find expected '-' indicator (while "
		  "parsing a block collection at line 4, column 5)" },
		{ "version: v1\n\tmig-configs: {}\n", MIG_EINVALID,
		  "layouts.yaml:2:1: invalid YAML: found a tab character that violates "
		  "indentation (while scanning a plain scalar at line 1, column 10)" },
		{ "version: v1\nmig-configs:\n  \xff: []\n", MIG_EINVALID,
		  "layouts.yaml:3:3: invalid YAML: invalid leading UTF-8 octet (byte 0xff)" },
		{ "version: v1\nmig-configs: *nowhere\n", MIG_EINVALID,
		  "layouts.yaml:2:14: invalid YAML: found undefined alias" },
		{ "version: v1\nmig-configs: {a: [\n", MIG_EINVALID,
		  "layouts.yaml:3:1: invalid YAML: did not find expected node content (while "
		  "parsing a flow node at line 3, column 1)" },
	};

	(void)state;
	CHECK(cases);
}

static void test_config_errors__top_level(void **state)
{
	static const bad_file cases[] = {
		{ "", MIG_EINVALID,
		  "layouts.yaml:1:1: empty layout file; expected 'version: v1' and 'mig-configs'" },
		{ "# nothing here\n", MIG_EINVALID,
		  "layouts.yaml:1:1: empty layout file; expected 'version: v1' and 'mig-configs'" },
		{ "- a\n", MIG_EINVALID,
		  "layouts.yaml:1:1: expected a mapping with 'version' and 'mig-configs', not a "
		  "list" },
		{ "hello\n", MIG_EINVALID,
		  "layouts.yaml:1:1: expected a mapping with 'version' and 'mig-configs', not "
		  "'hello'" },
		{ HEAD "    - {devices: all, mig-enabled: false}\n---\nversion: v1\n", MIG_EINVALID,
		  "layouts.yaml:6:1: a second YAML document; a layout file holds one" },
		{ "version: v1\nmig-config: {}\n", MIG_EINVALID,
		  "layouts.yaml:2:1: unknown key 'mig-config' in the top level; valid keys: "
		  "version, mig-configs" },
		{ "version: v1\nversion: v1\n", MIG_EINVALID,
		  "layouts.yaml:2:1: duplicate key 'version' in the top level (first at line 1)" },
		{ "? [version]\n: v1\n", MIG_EINVALID,
		  "layouts.yaml:1:3: a key must be a string, not a list" },
		{ "mig-configs: {}\n", MIG_EINVALID,
		  "layouts.yaml:1:1: missing 'version' (layout files start with 'version: v1')" },
		{ "version: v2\nmig-configs: {}\n", MIG_EINVALID,
		  "layouts.yaml:1:10: unsupported version: 'version' must be v1, not 'v2'" },
		{ "version: 1\n", MIG_EINVALID,
		  "layouts.yaml:1:10: unsupported version: 'version' must be v1, not '1'" },
		{ "version: [v1]\n", MIG_EINVALID,
		  "layouts.yaml:1:10: unsupported version: 'version' must be v1, not a list" },
		{ "version: v1\n", MIG_EINVALID, "layouts.yaml:1:1: missing 'mig-configs'" },
	};

	(void)state;
	CHECK(cases);
}

static void test_config_errors__configs(void **state)
{
	static const bad_file cases[] = {
		{ "version: v1\nmig-configs: [a]\n", MIG_EINVALID,
		  "layouts.yaml:2:14: 'mig-configs' must be a mapping of config names to lists of "
		  "entries, not a list" },
		{ "version: v1\nmig-configs:\n", MIG_EINVALID,
		  "layouts.yaml:2:13: 'mig-configs' must be a mapping of config names to lists of "
		  "entries, not nothing" },
		{ "version: v1\nmig-configs: {}\n", MIG_EINVALID,
		  "layouts.yaml:2:14: 'mig-configs' holds no configs" },
		{ HEAD "    - {devices: all, mig-enabled: false}\n  a:\n    - {devices: all, "
		       "mig-enabled: false}\n",
		  MIG_EINVALID,
		  "layouts.yaml:5:3: duplicate config 'a' in 'mig-configs' (first at line 3)" },
		{ "version: v1\nmig-configs:\n  \"\": [{devices: all, mig-enabled: false}]\n",
		  MIG_EINVALID, "layouts.yaml:3:3: empty config name" },
		{ "version: v1\nmig-configs:\n  ? [a]\n  : []\n", MIG_EINVALID,
		  "layouts.yaml:3:5: a key must be a string, not a list" },
		{ "version: v1\nmig-configs:\n  \"a\\0b\": []\n", MIG_EINVALID,
		  "layouts.yaml:3:3: a key holds a NUL byte" },
		{ HEAD "    devices: all\n", MIG_EINVALID,
		  "layouts.yaml:4:5: config 'a' must be a list of entries, not a mapping" },
		{ "version: v1\nmig-configs:\n  a: []\n", MIG_EINVALID,
		  "layouts.yaml:3:6: config 'a' has no entries" },
		{ "version: v1\nmig-configs:\n  a: [all]\n", MIG_EINVALID,
		  "layouts.yaml:3:7: an entry of config 'a' must be a mapping, not 'all'" },
	};

	(void)state;
	CHECK(cases);
}

static void test_config_errors__entry_keys(void **state)
{
	static const bad_file cases[] = {
		{ HEAD "    - devices: all\n      mig-enabled: false\n      mig-device: {}\n",
		  MIG_EINVALID,
		  "layouts.yaml:6:7: unknown key 'mig-device' in an entry of config 'a'; valid "
		  "keys: device-filter, devices, mig-enabled, mig-devices" },
		{ HEAD "    - &e {devices: all, mig-enabled: false}\n    - <<: *e\n", MIG_EINVALID,
		  "layouts.yaml:5:7: YAML merge keys ('<<') are not supported in an entry of "
		  "config 'a'; repeat the keys, or alias the whole value" },
		{ HEAD "    - devices: all\n      devices: all\n", MIG_EINVALID,
		  "layouts.yaml:5:7: duplicate key 'devices' in an entry of config 'a' (first at "
		  "line 4)" },
		{ HEAD "    - mig-enabled: false\n", MIG_EINVALID,
		  "layouts.yaml:4:7: an entry of config 'a' lacks 'devices' (write 'devices: all' "
		  "for every GPU)" },
		{ HEAD "    - devices: all\n", MIG_EINVALID,
		  "layouts.yaml:4:7: an entry of config 'a' lacks 'mig-enabled'" },
		{ HEAD "    - devices: all\n      mig-enabled: maybe\n", MIG_EINVALID,
		  "layouts.yaml:5:20: 'mig-enabled' must be true or false, not 'maybe'" },
		{ HEAD "    - devices: all\n      mig-enabled: \"true\"\n", MIG_EINVALID,
		  "layouts.yaml:5:20: 'mig-enabled' must be true or false, not the string 'true'" },
		{ HEAD "    - devices: all\n      mig-enabled: true\n", MIG_EINVALID,
		  "layouts.yaml:5:20: 'mig-enabled' is true but 'mig-devices' is missing (write "
		  "'mig-devices: {}' for no instances)" },
		{ HEAD "    - devices: all\n      mig-enabled: true\n      mig-devices:\n",
		  MIG_EINVALID,
		  "layouts.yaml:5:20: 'mig-enabled' is true but 'mig-devices' is missing (write "
		  "'mig-devices: {}' for no instances)" },
		{ HEAD "    - devices: all\n      mig-enabled: false\n      mig-devices: "
		       "{\"1g.10gb\": 0}\n",
		  MIG_EINVALID,
		  "layouts.yaml:6:20: 'mig-devices' lists instances but 'mig-enabled' is false" },
	};

	(void)state;
	CHECK(cases);
}

static void test_config_errors__devices(void **state)
{
	static const bad_file cases[] = {
		{ HEAD "    - devices: some\n      mig-enabled: false\n", MIG_EINVALID,
		  "layouts.yaml:4:16: 'devices' must be 'all' or a list of GPU indices, not "
		  "'some'" },
		{ HEAD "    - devices: {0: 1}\n      mig-enabled: false\n", MIG_EINVALID,
		  "layouts.yaml:4:16: 'devices' must be 'all' or a list of GPU indices, not a "
		  "mapping" },
		{ HEAD "    - devices: 0\n      mig-enabled: false\n", MIG_EINVALID,
		  "layouts.yaml:4:16: 'devices' must be 'all' or a list of GPU indices, not '0'" },
		{ HEAD "    - devices: [0, -1]\n      mig-enabled: false\n", MIG_EINVALID,
		  "layouts.yaml:4:20: a device must be a GPU index (0-4095) or a GPU UUID "
		  "(GPU-...), not '-1'" },
		{ HEAD "    - devices: [99999999999999999999]\n      mig-enabled: false\n",
		  MIG_EINVALID,
		  "layouts.yaml:4:17: a device must be a GPU index (0-4095) or a GPU UUID "
		  "(GPU-...), not '99999999999999999999'" },
		{ HEAD "    - devices: [4096]\n      mig-enabled: false\n", MIG_EINVALID,
		  "layouts.yaml:4:17: a device must be a GPU index (0-4095) or a GPU UUID "
		  "(GPU-...), not '4096'" },
		{ HEAD "    - devices: [\"5\"]\n      mig-enabled: false\n", MIG_EINVALID,
		  "layouts.yaml:4:17: a device must be a GPU index (0-4095) or a GPU UUID "
		  "(GPU-...), not the string '5'" },
		{ HEAD "    - devices: [MIG-1234]\n      mig-enabled: false\n", MIG_EINVALID,
		  "layouts.yaml:4:17: a device must be a GPU index (0-4095) or a GPU UUID "
		  "(GPU-...), not 'MIG-1234'" },
		{ HEAD "    - devices: [[0]]\n      mig-enabled: false\n", MIG_EINVALID,
		  "layouts.yaml:4:17: a device must be a GPU index (0-4095) or a GPU UUID "
		  "(GPU-...), not a list" },
		{ HEAD "    - devices: [1.5]\n      mig-enabled: false\n", MIG_EINVALID,
		  "layouts.yaml:4:17: a device must be a GPU index (0-4095) or a GPU UUID "
		  "(GPU-...), not '1.5'" },
	};

	(void)state;
	CHECK(cases);
}

static void test_config_errors__device_filter(void **state)
{
	static const bad_file cases[] = {
		{ HEAD "    - device-filter: \"0x20BZ10DE\"\n      devices: all\n      mig-enabled: "
		       "false\n",
		  MIG_EINVALID,
		  "layouts.yaml:4:22: bad PCI id '0x20BZ10DE' in device-filter: expected a device "
		  "id such as 0x20B210DE" },
		{ HEAD "    - device-filter: [\"0x20B210DE\", \"0x1FFFFFFFF\"]\n      devices: "
		       "all\n      mig-enabled: false\n",
		  MIG_EINVALID,
		  "layouts.yaml:4:37: bad PCI id '0x1FFFFFFFF' in device-filter: expected a "
		  "device id such as 0x20B210DE" },
		{ HEAD "    - device-filter: v100\n      devices: all\n      mig-enabled: false\n",
		  MIG_ENOTFOUND,
		  "layouts.yaml:4:22: unknown GPU 'v100' in device-filter; expected a PCI id such "
		  "as 0x20B210DE or a GPU model" },
		{ HEAD "    - device-filter: {a: b}\n      devices: all\n      mig-enabled: "
		       "false\n",
		  MIG_EINVALID,
		  "layouts.yaml:4:22: 'device-filter' must be a PCI id or model, or a list of "
		  "them, not a mapping" },
		{ HEAD "    - device-filter: [[a]]\n      devices: all\n      mig-enabled: false\n",
		  MIG_EINVALID, "layouts.yaml:4:23: a device-filter item must be a string, not a list" },
		{ HEAD "    - device-filter: [\"\"]\n      devices: all\n      mig-enabled: false\n",
		  MIG_EINVALID, "layouts.yaml:4:23: bad device-filter item ''" },
	};
	mig_config_file *f = NULL;
	const char *text = cases[2].text;

	(void)state;
	CHECK(cases);
	/* the way out: the hint lists the models the catalog knows */
	assert_int_equal(mig_config_parse(&f, text, strlen(text), "layouts.yaml"), MIG_ENOTFOUND);
	assert_non_null(mig_error_last()->hint);
	assert_non_null(strstr(mig_error_last()->hint, "a100-80gb"));
}

#define ENTRY HEAD "    - devices: all\n      mig-enabled: true\n      mig-devices:\n"

static void test_config_errors__mig_devices(void **state)
{
	static const bad_file cases[] = {
		{ HEAD "    - devices: all\n      mig-enabled: true\n      mig-devices: 3\n",
		  MIG_EINVALID,
		  "layouts.yaml:6:20: 'mig-devices' must be a mapping of profile names to counts, "
		  "or a list of instances, not '3'" },
		{ ENTRY "        \"1g.10gb\": -1\n", MIG_EINVALID,
		  "layouts.yaml:7:20: the count of '1g.10gb' must be a whole number from 0 to 32, "
		  "not '-1'" },
		{ ENTRY "        \"1g.10gb\": 1.5\n", MIG_EINVALID,
		  "layouts.yaml:7:20: the count of '1g.10gb' must be a whole number from 0 to 32, "
		  "not '1.5'" },
		{ ENTRY "        \"1g.10gb\": 33\n", MIG_EINVALID,
		  "layouts.yaml:7:20: the count of '1g.10gb' must be a whole number from 0 to 32, "
		  "not '33'" },
		{ ENTRY "        \"1g.10gb\": 184467440737095516160\n", MIG_EINVALID,
		  "layouts.yaml:7:20: the count of '1g.10gb' must be a whole number from 0 to 32, "
		  "not '184467440737095516160'" },
		{ ENTRY "        \"1g.10gb\": \"2\"\n", MIG_EINVALID,
		  "layouts.yaml:7:20: the count of '1g.10gb' must be a whole number from 0 to 32, "
		  "not the string '2'" },
		{ ENTRY "        \"1g.10gb\":\n", MIG_EINVALID,
		  "layouts.yaml:7:19: the count of '1g.10gb' must be a whole number from 0 to 32, "
		  "not nothing" },
		{ ENTRY "        \"1g.10gb\": [1]\n", MIG_EINVALID,
		  "layouts.yaml:7:20: '1g.10gb' must have a count or a mapping with count and "
		  "compute-instances, not a list" },
		{ ENTRY "        \"1g 10gb\": 1\n", MIG_EINVALID,
		  "layouts.yaml:7:9: bad profile name '1g 10gb'" },
		{ ENTRY "        \"\": 1\n", MIG_EINVALID, "layouts.yaml:7:9: bad profile name ''" },
		{ ENTRY "        \"3g.40gb@x\": 1\n", MIG_EINVALID,
		  "layouts.yaml:7:9: bad placement in '3g.40gb@x': expected a slice number (0-15) "
		  "after '@'" },
		{ ENTRY "        \"3g.40gb@16\": 1\n", MIG_EINVALID,
		  "layouts.yaml:7:9: bad placement in '3g.40gb@16': expected a slice number (0-15) "
		  "after '@'" },
		{ ENTRY "        \"3g.40gb@\": 1\n", MIG_EINVALID,
		  "layouts.yaml:7:9: bad placement in '3g.40gb@': expected a slice number (0-15) "
		  "after '@'" },
		{ ENTRY "        \"3g.40gb@4\": 2\n", MIG_EINVALID,
		  "layouts.yaml:7:22: '3g.40gb@4' is pinned to one placement: its count must be 0 "
		  "or 1, not 2" },
		{ ENTRY "        \"1g.10gb\": 1\n        \"1g.10gb\": 2\n", MIG_EINVALID,
		  "layouts.yaml:8:9: duplicate profile '1g.10gb' in 'mig-devices' (first at line "
		  "7)" },
		{ ENTRY "        \"1g.10gb\": 20\n        \"1g.20gb\": 20\n", MIG_EINVALID,
		  "layouts.yaml:7:9: 'mig-devices' asks for 40 instances; at most 32" },
	};

	(void)state;
	CHECK(cases);
}

static void test_config_errors__compute_instances(void **state)
{
	static const bad_file cases[] = {
		{ ENTRY "        \"3g.40gb\": {cnt: 1}\n", MIG_EINVALID,
		  "layouts.yaml:7:21: unknown key 'cnt' in '3g.40gb'; valid keys: count, "
		  "compute-instances" },
		{ ENTRY "        \"3g.40gb\": {count: x}\n", MIG_EINVALID,
		  "layouts.yaml:7:28: the count of '3g.40gb' must be a whole number from 0 to 32, "
		  "not 'x'" },
		{ ENTRY "        \"3g.40gb@0\": {count: 2}\n", MIG_EINVALID,
		  "layouts.yaml:7:22: '3g.40gb@0' is pinned to one placement: its count must be 0 "
		  "or 1, not 2" },
		{ ENTRY "        \"3g.40gb\": {compute-instances: 1c.3g.40gb}\n", MIG_EINVALID,
		  "layouts.yaml:7:40: 'compute-instances' must be a list of compute-instance "
		  "profiles, not '1c.3g.40gb'" },
		{ ENTRY "        \"3g.40gb\": {compute-instances: [a, b, c, d, e, f, g, h, i]}\n",
		  MIG_EINVALID,
		  "layouts.yaml:7:40: too many compute instances for '3g.40gb' (at most 8)" },
		{ ENTRY "        \"3g.40gb\": {compute-instances: [\"1c 3g\"]}\n", MIG_EINVALID,
		  "layouts.yaml:7:41: bad compute-instance profile name '1c 3g'" },
		{ ENTRY "        \"3g.40gb\": {compute-instances: [{a: 1}]}\n", MIG_EINVALID,
		  "layouts.yaml:7:41: a compute-instance profile must be a string, not a "
		  "mapping" },
	};

	(void)state;
	CHECK(cases);
}

static void test_config_errors__list_form(void **state)
{
	static const bad_file cases[] = {
		{ ENTRY "        - [3g.40gb]\n", MIG_EINVALID,
		  "layouts.yaml:7:11: an instance of 'mig-devices' must be a word such as "
		  "'3g.40gb@4' or a mapping, not a list" },
		{ ENTRY "        - 0x1g.10gb\n", MIG_EINVALID,
		  "layouts.yaml:7:11: bad count in '0x1g.10gb': expected 1 to 32 before 'x'" },
		{ ENTRY "        - 33x1g.10gb\n", MIG_EINVALID,
		  "layouts.yaml:7:11: bad count in '33x1g.10gb': expected 1 to 32 before 'x'" },
		{ ENTRY "        - 2x3g.40gb@4\n", MIG_EINVALID,
		  "layouts.yaml:7:11: '3g.40gb@4' is pinned to one placement: its count must be 0 "
		  "or 1, not 2" },
		{ ENTRY "        - 2x\n", MIG_EINVALID, "layouts.yaml:7:11: bad profile name '2x'" },
		{ ENTRY "        - {count: 2}\n", MIG_EINVALID,
		  "layouts.yaml:7:11: an instance of 'mig-devices' lacks 'profile'" },
		{ ENTRY "        - {profil: 3g.40gb}\n", MIG_EINVALID,
		  "layouts.yaml:7:12: unknown key 'profil' in an instance of 'mig-devices'; valid "
		  "keys: profile, count, compute-instances" },
		{ ENTRY "        - {profile: [3g.40gb]}\n", MIG_EINVALID,
		  "layouts.yaml:7:21: 'profile' must be a string, not a list" },
		{ ENTRY "        - {profile: 3g.40gb@9x}\n", MIG_EINVALID,
		  "layouts.yaml:7:21: bad placement in '3g.40gb@9x': expected a slice number "
		  "(0-15) after '@'" },
	};

	(void)state;
	CHECK(cases);
}

static void test_config_errors__too_large(void **state)
{
	mig_config_file *f = NULL;
	char *big;
	int rc;

	(void)state;
	/* more than 4 MiB is refused before libyaml sees it */
	big = calloc(1, MIG_CONFIG_MAX_FILE + 2);
	assert_non_null(big);
	rc = mig_config_parse(&f, big, MIG_CONFIG_MAX_FILE + 1, "layouts.yaml");
	free(big);
	assert_int_equal(rc, MIG_EINVALID);
	assert_string_equal(mig_error_last()->message,
			    "layouts.yaml: layout file too large: 4194305 bytes (at most 4194304)");
	assert_null(f);
}

static void test_config_errors__node_budget(void **state)
{
	mig_config_file *f = NULL;
	char *text, *p;
	size_t i, len = 200000;
	int rc;

	(void)state;
	/* 1000 configs that each reuse a 300-device list: 300k values after aliases */
	text = malloc(len);
	assert_non_null(text);
	p = text + snprintf(text, len, "version: v1\nmig-configs:\n  c0: [{devices: &d [");
	for (i = 0; i < 300; i++)
		p += snprintf(p, len - (size_t)(p - text), "%s%zu", i ? "," : "", i);
	p += snprintf(p, len - (size_t)(p - text), "], mig-enabled: false}]\n");
	for (i = 1; i < 1000; i++)
		p += snprintf(p, len - (size_t)(p - text),
			      "  c%zu: [{devices: *d, mig-enabled: false}]\n", i);
	rc = mig_config_parse(&f, text, strlen(text), "layouts.yaml");
	free(text);
	assert_int_equal(rc, MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->message,
			       ": layout file too large: more than 200000 values (aliases count "
			       "each time they are used)"));
	assert_true(strncmp(mig_error_last()->message, "layouts.yaml:3:", 15) == 0);
	assert_null(f);
}

static void test_config_errors__load(void **state)
{
	mig_config_file *f = NULL;

	(void)state;
	assert_int_equal(mig_config_load(&f, "/nonexistent/layouts.yaml"), MIG_ENOTFOUND);
	assert_string_equal(mig_error_last()->message,
			    "cannot read layout file '/nonexistent/layouts.yaml': No such file or "
			    "directory");
	assert_null(f);
	assert_int_equal(mig_config_load(&f, "/"), MIG_EIO);
	assert_int_equal(mig_config_load(NULL, "x"), MIG_EINVALID);
	assert_int_equal(mig_config_parse(&f, NULL, 3, "x"), MIG_EINVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_errors__yaml_syntax_carries_libyaml_position),
		cmocka_unit_test(test_config_errors__top_level),
		cmocka_unit_test(test_config_errors__configs),
		cmocka_unit_test(test_config_errors__entry_keys),
		cmocka_unit_test(test_config_errors__devices),
		cmocka_unit_test(test_config_errors__device_filter),
		cmocka_unit_test(test_config_errors__mig_devices),
		cmocka_unit_test(test_config_errors__compute_instances),
		cmocka_unit_test(test_config_errors__list_form),
		cmocka_unit_test(test_config_errors__too_large),
		cmocka_unit_test(test_config_errors__node_budget),
		cmocka_unit_test(test_config_errors__load),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
