/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Writing layout files: the text looks like mig-parted's, extensions appear only where the
 * file has them, parse(write(x)) equals x for every fixture and for strings that need quoting,
 * and `export` turns GPU states into a file whose resolution gives the same GIs and CIs back.
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

#define assert_ok(expr)                                                                            \
	do {                                                                                       \
		int rc_ = (expr);                                                                  \
		if (rc_ != 0)                                                                      \
			fail_msg("%s -> %d: %s", #expr, rc_, mig_error_last()->message);           \
	} while (0)

static mig_config_file *parse(const char *text)
{
	mig_config_file *f = NULL;

	if (mig_config_parse(&f, text, strlen(text), "layouts.yaml") != 0)
		fail_msg("parse failed: %s\n%s", mig_error_last()->message, text);
	return f;
}

static char *write_text(const mig_config_file *f)
{
	char *text = NULL;

	assert_ok(mig_config_write(&text, f));
	return text;
}

/* parse(write(f)) == f, and writing that again gives the same text. */
static void assert_round_trip(const mig_config_file *f)
{
	char *t1 = write_text(f), *t2;
	mig_config_file *g = parse(t1);

	if (!mig_config_file_equal(f, g))
		fail_msg("round trip changed the file:\n%s", t1);
	t2 = write_text(g);
	assert_string_equal(t1, t2);
	free(t1);
	free(t2);
	mig_config_file_free(g);
}

static void assert_writes(const char *in, const char *out)
{
	mig_config_file *f = parse(in);
	char *text = write_text(f);

	assert_string_equal(text, out);
	assert_round_trip(f);
	free(text);
	mig_config_file_free(f);
}

static void test_config_write__mig_parted_layout(void **state)
{
	(void)state;
	assert_writes("version: v1\n"
		      "mig-configs:\n"
		      "  all-balanced:\n"
		      "    - device-filter: \"0x20B710DE\"\n"
		      "      devices: all\n"
		      "      mig-enabled: true\n"
		      "      mig-devices:\n"
		      "        \"1g.6gb\": 2\n"
		      "        \"2g.12gb\": 1\n"
		      "    - device-filter: [\"0x20B210DE\", \"0x20B510DE\"]\n"
		      "      devices: [0, 1]\n"
		      "      mig-enabled: false\n"
		      "  all-enabled:\n"
		      "    - devices: all\n"
		      "      mig-enabled: true\n"
		      "      mig-devices: {}\n",
		      "version: v1\n"
		      "mig-configs:\n"
		      "  all-balanced:\n"
		      "  - device-filter: \"0x20B710DE\"\n"
		      "    devices: all\n"
		      "    mig-enabled: true\n"
		      "    mig-devices:\n"
		      "      \"1g.6gb\": 2\n"
		      "      \"2g.12gb\": 1\n"
		      "  - device-filter: [\"0x20B210DE\", \"0x20B510DE\"]\n"
		      "    devices: [0, 1]\n"
		      "    mig-enabled: false\n"
		      "  all-enabled:\n"
		      "  - devices: all\n"
		      "    mig-enabled: true\n"
		      "    mig-devices: {}\n");
}

static void test_config_write__extensions(void **state)
{
	(void)state;
	assert_writes("version: v1\n"
		      "mig-configs:\n"
		      "  x:\n"
		      "    - devices: [GPU-1, 3]\n"
		      "      mig-enabled: yes\n"
		      "      mig-devices:\n"
		      "        3g.40gb@4: {compute-instances: [2c.3g.40gb, 1c.3g.40gb]}\n"
		      "        \"1g.10gb\": {count: 2}\n"
		      "  y:\n"
		      "    - device-filter: [a100-80gb, \"0x20B2\"]\n"
		      "      devices: []\n"
		      "      mig-enabled: true\n"
		      "      mig-devices:\n"
		      "        - 3g.40gb@0\n"
		      "        - 2x1g.10gb\n"
		      "        - {profile: 2g.20gb, compute-instances: [1c.2g.20gb]}\n"
		      "        - {profile: 1g.10gb, count: 0}\n"
		      "        - {profile: 1g.10gb, count: 1}\n"
		      "  z:\n"
		      "    - devices: all\n"
		      "      mig-enabled: true\n"
		      "      mig-devices: []\n",
		      "version: v1\n"
		      "mig-configs:\n"
		      "  x:\n"
		      "  - devices: [GPU-1, 3]\n"
		      "    mig-enabled: true\n"
		      "    mig-devices:\n"
		      "      \"3g.40gb@4\": {count: 1, compute-instances: [\"2c.3g.40gb\", "
		      "\"1c.3g.40gb\"]}\n"
		      "      \"1g.10gb\": 2\n"
		      "  y:\n"
		      "  - device-filter: [\"a100-80gb\", \"0x20B2\"]\n"
		      "    devices: []\n"
		      "    mig-enabled: true\n"
		      "    mig-devices:\n"
		      "    - \"3g.40gb@0\"\n"
		      "    - \"2x1g.10gb\"\n"
		      "    - {profile: \"2g.20gb\", compute-instances: [\"1c.2g.20gb\"]}\n"
		      "    - {profile: \"1g.10gb\", count: 0}\n"
		      "    - \"1g.10gb\"\n"
		      "  z:\n"
		      "  - devices: all\n"
		      "    mig-enabled: true\n"
		      "    mig-devices: []\n");
}

static void test_config_write__strings_that_need_quoting(void **state)
{
	/* written inside a double-quoted YAML scalar, so escapes are YAML's */
	static const char *const names[] = {
		"a: b", "# not a comment", "- dash", "'single'", "\\\"double\\\"", "trailing ",
		" leading", "multi\\nline", "true", "123", "null", "~", "é ✓", "tab\\there",
		"[x]", "{y}", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick`", "a,b",
		"0x20B210DE", "---", "...", "\\u00e9", "? q",
	};
	char text[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		mig_config_file *f;

		snprintf(text, sizeof(text),
			 "version: v1\nmig-configs:\n  \"%s\":\n    - device-filter: \"%s\"\n"
			 "      devices: [GPU-x:y, 2]\n      mig-enabled: true\n"
			 "      mig-devices: {\"1g.10gb#x\": 1, \"'q'\": 0, \"a\\\"b\": 1}\n",
			 names[i], i % 2 ? "0x20B210DE" : "a100");
		f = parse(text);
		assert_round_trip(f);
		mig_config_file_free(f);
	}
}

static void test_config_write__fixtures_round_trip(void **state)
{
	static const char *const files[] = {
		"mig-parted-dgx-a100.yaml", "mig-parted-mixed-fleet.yaml",
		"mig-parted-every-profile.yaml", "migctl-extensions.yaml",
	};
	char dir[512], path[640];
	const char *slash;
	size_t i;

	(void)state;
	/* the fixtures sit beside this source file: ../fixtures/layouts/ */
	slash = strrchr(__FILE__, '/');
	snprintf(dir, sizeof(dir), "%.*s/../fixtures/layouts",
		 slash ? (int)(slash - __FILE__) : 1, slash ? __FILE__ : ".");
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		mig_config_file *f = NULL;

		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		if (mig_config_load(&f, path) != 0)
			fail_msg("%s", mig_error_last()->message);
		assert_round_trip(f);
		mig_config_file_free(f);
	}
}

static void test_config_write__named_configs_round_trip(void **state)
{
	mig_config_file *f = NULL;

	(void)state;
	assert_ok(mig_config_named_all(&f));
	assert_round_trip(f);
	mig_config_file_free(f);
}

/* --- export --- */

static const mig_gpu *gpu(const char *key)
{
	const mig_gpu *g = mig_catalog_by_key(key);

	if (!g)
		fail_msg("no GPU '%s' in the catalog", key);
	return g;
}

static void set_gpu(mig_config_gpu_layout *g, int index, const char *uuid, const char *key,
		    int enabled)
{
	memset(g, 0, sizeof(*g));
	g->index = index;
	g->uuid = uuid;
	g->layout.gpu = key ? gpu(key) : NULL;
	g->layout.mig_enabled = enabled;
}

/* Add a GI; cis is a NULL-terminated list, or NULL for the GI's one full-size CI. */
static void add_gi(mig_config_gpu_layout *g, const char *profile, int start,
		   const char *const *cis)
{
	mig_config_gi *gi = &g->layout.gi[g->layout.gi_count++];
	const mig_gi_profile *p = NULL;

	assert_ok(mig_catalog_find_profile(&p, g->layout.gpu, profile));
	gi->profile = p;
	gi->start = start;
	if (!cis) {
		gi->ci[gi->ci_count++] = mig_catalog_default_ci(p);
		return;
	}
	for (; *cis; cis++) {
		const mig_ci_profile *c = NULL;

		assert_ok(mig_catalog_find_ci_profile(&c, p, *cis));
		gi->ci[gi->ci_count++] = c;
	}
}

/* smallest first, as a driver may list them: export writes them largest first */
static const char *const split_3g[] = { "1c.3g.40gb", "2c.3g.40gb", NULL };
static const char *const no_ci[] = { NULL };

static void node(mig_config_gpu_layout g[4])
{
	set_gpu(&g[0], 0, "GPU-aaa", "a100-80gb", 1);
	add_gi(&g[0], "3g.40gb", 4, NULL);
	add_gi(&g[0], "2g.20gb", 0, NULL);
	add_gi(&g[0], "1g.10gb", 2, NULL);
	add_gi(&g[0], "1g.10gb", 3, NULL);
	g[1] = g[0];
	g[1].index = 1;
	g[1].uuid = "GPU-bbb";
	/* the same GIs elsewhere: equal without pins, different with them */
	g[1].layout.gi[1].start = 2;
	g[1].layout.gi[2].start = 0;
	g[1].layout.gi[3].start = 1;
	/* two 3g.40gb that differ in their CIs cannot share a key of the mapping */
	set_gpu(&g[2], 2, "GPU-ccc", "h100-80gb", 1);
	add_gi(&g[2], "3g.40gb", 0, NULL);
	add_gi(&g[2], "3g.40gb", 4, split_3g);
	set_gpu(&g[3], 3, "GPU-ddd", "a30", 0);
}

static char *export_text(const mig_config_gpu_layout *g, size_t n, unsigned flags,
			 mig_config_file **out)
{
	mig_config_file *f = NULL;
	char *text;

	assert_ok(mig_config_export(&f, "current", g, n, flags));
	text = write_text(f);
	if (out)
		*out = f;
	else
		mig_config_file_free(f);
	return text;
}

static void test_config_write__export_counts(void **state)
{
	mig_config_gpu_layout g[4];
	char *text;

	(void)state;
	node(g);
	text = export_text(g, 4, 0, NULL);
	assert_string_equal(text, "version: v1\n"
				  "mig-configs:\n"
				  "  current:\n"
				  "  - devices: [0, 1]\n"
				  "    mig-enabled: true\n"
				  "    mig-devices:\n"
				  "      \"3g.40gb\": 1\n"
				  "      \"2g.20gb\": 1\n"
				  "      \"1g.10gb\": 2\n"
				  "  - devices: [2]\n"
				  "    mig-enabled: true\n"
				  "    mig-devices:\n"
				  "    - \"3g.40gb\"\n"
				  "    - {profile: \"3g.40gb\", compute-instances: [\"2c.3g.40gb\", "
				  "\"1c.3g.40gb\"]}\n"
				  "  - devices: [3]\n"
				  "    mig-enabled: false\n");
	free(text);
}

static void test_config_write__export_pinned_and_by_uuid(void **state)
{
	mig_config_gpu_layout g[4];
	char *text;

	(void)state;
	node(g);
	text = export_text(g, 4, MIG_CONFIG_EXPORT_PINNED | MIG_CONFIG_EXPORT_UUID, NULL);
	assert_string_equal(text, "version: v1\n"
				  "mig-configs:\n"
				  "  current:\n"
				  "  - devices: [GPU-aaa]\n"
				  "    mig-enabled: true\n"
				  "    mig-devices:\n"
				  "      \"3g.40gb@4\": 1\n"
				  "      \"2g.20gb@0\": 1\n"
				  "      \"1g.10gb@2\": 1\n"
				  "      \"1g.10gb@3\": 1\n"
				  "  - devices: [GPU-bbb]\n"
				  "    mig-enabled: true\n"
				  "    mig-devices:\n"
				  "      \"3g.40gb@4\": 1\n"
				  "      \"2g.20gb@2\": 1\n"
				  "      \"1g.10gb@0\": 1\n"
				  "      \"1g.10gb@1\": 1\n"
				  "  - devices: [GPU-ccc]\n"
				  "    mig-enabled: true\n"
				  "    mig-devices:\n"
				  "      \"3g.40gb@0\": 1\n"
				  "      \"3g.40gb@4\": {count: 1, compute-instances: [\"2c.3g.40gb\", "
				  "\"1c.3g.40gb\"]}\n"
				  "  - devices: [GPU-ddd]\n"
				  "    mig-enabled: false\n");
	free(text);
}

static void test_config_write__export_all(void **state)
{
	mig_config_gpu_layout g[4];
	char *text;

	(void)state;
	node(g);
	text = export_text(g, 2, MIG_CONFIG_EXPORT_ALL, NULL);
	assert_non_null(strstr(text, "  - devices: all\n"));
	free(text);
	/* GPUs that differ keep their lists */
	text = export_text(g, 3, MIG_CONFIG_EXPORT_ALL, NULL);
	assert_null(strstr(text, "devices: all"));
	free(text);
}

static size_t ci_count_of(const mig_config_gi *gi, const mig_ci_profile *c)
{
	size_t k, n = 0;

	for (k = 0; k < gi->ci_count; k++)
		n += gi->ci[k] == c;
	return n;
}

/* The same CIs, in any order. */
static int same_cis(const mig_config_gi *a, const mig_config_gi *b)
{
	size_t k;

	if (a->ci_count != b->ci_count)
		return 0;
	for (k = 0; k < a->ci_count; k++)
		if (ci_count_of(a, a->ci[k]) != ci_count_of(b, a->ci[k]))
			return 0;
	return 1;
}

/* The GIs (profile, start when pinned, CIs) of a resolved layout equal the exported ones. */
static void assert_same_gis(const mig_config_layout *want, const mig_config_layout *got,
			    int pinned)
{
	int used[MIG_LAYOUT_MAX] = { 0 };
	size_t i, j;

	assert_int_equal(want->mig_enabled, got->mig_enabled);
	assert_int_equal(want->gi_count, got->gi_count);
	for (i = 0; i < want->gi_count; i++) {
		const mig_config_gi *a = &want->gi[i];

		for (j = 0; j < got->gi_count; j++) {
			const mig_config_gi *b = &got->gi[j];

			if (!used[j] && a->profile == b->profile && same_cis(a, b) &&
			    (!pinned || a->start == b->start))
				break;
		}
		if (j == got->gi_count)
			fail_msg("GI #%zu (%s at %d) is not in the resolved layout", i + 1,
				 a->profile->name, a->start);
		used[j] = 1;
	}
}

static void check_export_resolves(unsigned flags)
{
	mig_config_gpu_layout g[4];
	mig_config_file *f = NULL;
	size_t i;

	node(g);
	/* a GI without any compute instance survives the trip too */
	g[3].layout.mig_enabled = 1;
	add_gi(&g[3], "2g.12gb", 0, no_ci);
	add_gi(&g[3], "1g.6gb", 2, NULL);
	free(export_text(g, 4, flags, &f));
	for (i = 0; i < 4; i++) {
		mig_config_target t = MIG_CONFIG_TARGET_INIT;
		mig_config_desired d;

		t.gpu = g[i].layout.gpu;
		t.index = g[i].index;
		t.uuid = g[i].uuid;
		assert_ok(mig_config_resolve(&d, f, &f->configs[0], &t));
		assert_non_null(d.entry);
		assert_same_gis(&g[i].layout, &d.want, (flags & MIG_CONFIG_EXPORT_PINNED) != 0);
	}
	mig_config_file_free(f);
}

static void test_config_write__export_resolves_back(void **state)
{
	(void)state;
	check_export_resolves(0);
	check_export_resolves(MIG_CONFIG_EXPORT_PINNED);
	check_export_resolves(MIG_CONFIG_EXPORT_UUID | MIG_CONFIG_EXPORT_PINNED);
}

static void test_config_write__export_errors(void **state)
{
	mig_config_gpu_layout g[4];
	mig_config_file *f = NULL;

	(void)state;
	node(g);
	assert_int_equal(mig_config_export(&f, "", g, 4, 0), MIG_EINVALID);
	assert_string_equal(mig_error_last()->message, "bad config name for export");
	assert_int_equal(mig_config_export(&f, "x", g, 0, 0), MIG_EINVALID);
	assert_string_equal(mig_error_last()->message, "no GPU to export");
	g[1].uuid = NULL;
	assert_int_equal(mig_config_export(&f, "x", g, 4, MIG_CONFIG_EXPORT_UUID), MIG_EINVALID);
	assert_string_equal(mig_error_last()->message,
			    "cannot export GPU 1 by UUID: no UUID known");
	g[2].index = -1;
	assert_int_equal(mig_config_export(&f, "x", g, 4, 0), MIG_EINVALID);
	assert_string_equal(mig_error_last()->message, "cannot export GPU -1: bad index");
	g[0].layout.gpu = NULL;
	assert_int_equal(mig_config_export(&f, "x", g, 4, 0), MIG_EINVALID);
	assert_string_equal(mig_error_last()->message, "cannot export GPU 0: not in the catalog");
	g[0].layout.gpu = gpu("h100-80gb");
	assert_int_equal(mig_config_export(&f, "x", g, 4, 0), MIG_EINVALID);
	assert_string_equal(mig_error_last()->message,
			    "cannot export GPU 0: GI #1 is not a profile of NVIDIA H100 80GB HBM3");
	assert_null(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_write__mig_parted_layout),
		cmocka_unit_test(test_config_write__extensions),
		cmocka_unit_test(test_config_write__strings_that_need_quoting),
		cmocka_unit_test(test_config_write__fixtures_round_trip),
		cmocka_unit_test(test_config_write__named_configs_round_trip),
		cmocka_unit_test(test_config_write__export_counts),
		cmocka_unit_test(test_config_write__export_pinned_and_by_uuid),
		cmocka_unit_test(test_config_write__export_all),
		cmocka_unit_test(test_config_write__export_resolves_back),
		cmocka_unit_test(test_config_write__export_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
