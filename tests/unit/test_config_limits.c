/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The bounds a layout file must keep (list and mapping sizes, name lengths), which keep the
 * parser's work small on hostile input, and the positions of errors libyaml reports only as a
 * byte offset (bad UTF-8), which are counted in characters after CRLF line ends.
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

#define HEAD "version: v1\nmig-configs:\n  a:\n"

static int parse_error(const char *text, const char *message)
{
	mig_config_file *f = NULL;
	int rc = mig_config_parse(&f, text, strlen(text), "layouts.yaml");

	if (rc == 0)
		fail_msg("parsed, but should fail with '%s'", message);
	if (strcmp(mig_error_last()->message, message) != 0)
		fail_msg("got '%s'\n  want '%s'", mig_error_last()->message, message);
	return rc;
}

/* A file whose entry (line 4) has `key: [item, item, ...]` n times. */
static char *entry_list(const char *key, const char *item, size_t n, const char *rest)
{
	size_t len = 256 + n * (strlen(item) + 2) + strlen(rest), i;
	char *text = malloc(len), *p;

	assert_non_null(text);
	p = text + snprintf(text, len, HEAD "    - %s: [", key);
	for (i = 0; i < n; i++)
		p += snprintf(p, len - (size_t)(p - text), "%s%s", i ? ", " : "", item);
	snprintf(p, len - (size_t)(p - text), "]\n%s", rest);
	return text;
}

static void test_config_limits__list_sizes(void **state)
{
	char *text;

	(void)state;
	text = entry_list("devices", "0", 4097, "      mig-enabled: false\n");
	assert_int_equal(parse_error(text, "layouts.yaml:4:16: too many items in 'devices' (at "
					   "most 4096)"),
			 MIG_EINVALID);
	free(text);
	text = entry_list("device-filter", "\"0x20B210DE\"", 4097,
			  "      devices: all\n      mig-enabled: false\n");
	parse_error(text, "layouts.yaml:4:22: too many items in 'device-filter' (at most 4096)");
	free(text);
	text = entry_list("devices", "0", 4096, "      mig-enabled: false\n");
	{
		mig_config_file *f = NULL;

		assert_int_equal(mig_config_parse(&f, text, strlen(text), "x"), 0);
		assert_int_equal(f->configs[0].entries[0].device_count, 4096);
		mig_config_file_free(f);
	}
	free(text);
	text = malloc(8192);
	assert_non_null(text);
	{
		char *p = text + snprintf(text, 8192, HEAD "    - devices: all\n      mig-enabled: "
						     "true\n      mig-devices: [");
		size_t i;

		for (i = 0; i < 129; i++)
			p += snprintf(p, 8192 - (size_t)(p - text), "%s{profile: 1g, count: 0}",
				      i ? ", " : "");
		snprintf(p, 8192 - (size_t)(p - text), "]\n");
	}
	parse_error(text, "layouts.yaml:6:20: too many items in 'mig-devices' (at most 128)");
	free(text);
}

static void test_config_limits__mapping_size(void **state)
{
	size_t len = 4100 * 64, i;
	char *text = malloc(len), *p;

	(void)state;
	assert_non_null(text);
	p = text + snprintf(text, len, "version: v1\nmig-configs:\n");
	for (i = 0; i < 4097; i++)
		p += snprintf(p, len - (size_t)(p - text),
			      "  c%zu: [{devices: all, mig-enabled: false}]\n", i);
	parse_error(text, "layouts.yaml:3:3: too many keys in 'mig-configs': 4097 (at most 4096)");
	free(text);
}

/* "PREFIX'<what cut to the echo length: 61 characters and "...">'" */
static const char *cut(char *buf, size_t len, const char *prefix, const char *what)
{
	snprintf(buf, len, "%s'%.61s...'", prefix, what);
	return buf;
}

static void test_config_limits__name_lengths(void **state)
{
	char text[1024], name[300], want[300];

	(void)state;
	memset(name, 'n', 257);
	name[257] = '\0';
	snprintf(text, sizeof(text), "version: v1\nmig-configs:\n  %s: [{devices: all, "
		 "mig-enabled: false}]\n", name);
	parse_error(text, "layouts.yaml:3:3: config name too long: 257 bytes (at most 256)");
	memset(name, 'f', 129);
	name[129] = '\0';
	snprintf(text, sizeof(text), HEAD "    - device-filter: %s\n      devices: all\n"
		 "      mig-enabled: false\n", name);
	parse_error(text, cut(want, sizeof(want), "layouts.yaml:4:22: bad device-filter item ",
			      name));
	memset(name, 'u', 100);
	memcpy(name, "GPU-", 4);
	name[100] = '\0';
	snprintf(text, sizeof(text), HEAD "    - devices: [%s]\n      mig-enabled: false\n",
		 name);
	parse_error(text, cut(want, sizeof(want),
			      "layouts.yaml:4:17: a device must be a GPU index (0-4095) or a GPU "
			      "UUID (GPU-...), not ",
			      name));
	memset(name, 'p', 65);
	name[65] = '\0';
	snprintf(text, sizeof(text), HEAD "    - devices: all\n      mig-enabled: true\n"
		 "      mig-devices: {%s: 1}\n", name);
	parse_error(text, cut(want, sizeof(want), "layouts.yaml:6:21: bad profile name ", name));
}

static void test_config_limits__reader_positions(void **state)
{
	(void)state;
	/* after CRLF line ends, and a two-byte character counted as one column */
	parse_error("version: v1\r\nmig-configs:\r\n  \xc3\xa9\xff: []\r\n",
		    "layouts.yaml:3:4: invalid YAML: invalid leading UTF-8 octet (byte 0xff)");
	parse_error("version: v1\nmig-configs:\n  a\x01: []\n",
		    "layouts.yaml:3:4: invalid YAML: control characters are not allowed (byte "
		    "0x01)");
	/* an unprintable config name is echoed with '?' */
	parse_error("version: v1\nmig-configs:\n  \"a\\tb\": {}\n",
		    "layouts.yaml:3:11: config 'a?b' must be a list of entries, not a mapping");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_limits__list_sizes),
		cmocka_unit_test(test_config_limits__mapping_size),
		cmocka_unit_test(test_config_limits__name_lengths),
		cmocka_unit_test(test_config_limits__reader_positions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
