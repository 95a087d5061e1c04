/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Resolving entries against the catalog without a GPU: profile names (full, short, ids) for
 * each GPU model, pinned placements, compute-instance layouts, the geometry's verdict with the
 * entry's position, and which entry applies to which GPU (mig-parted's last-match rule).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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

/* One config "c" with one entry on every GPU, holding these mig-devices (line 6, column 20). */
#define ONE(devices)                                                                               \
	"version: v1\nmig-configs:\n  c:\n    - devices: all\n      mig-enabled: true\n"          \
	"      mig-devices: " devices "\n"

#define assert_prefix(s, prefix)                                                                   \
	do {                                                                                       \
		if (strncmp((s), (prefix), strlen(prefix)) != 0)                                   \
			fail_msg("'%s' does not start with '%s'", (s), (prefix));                   \
	} while (0)

static const mig_gpu *gpu(const char *key)
{
	const mig_gpu *g = mig_catalog_by_key(key);

	if (!g)
		fail_msg("no GPU '%s' in the catalog", key);
	return g;
}

static mig_config_file *parse(const char *text)
{
	mig_config_file *f = NULL;

	if (mig_config_parse(&f, text, strlen(text), "layouts.yaml") != 0)
		fail_msg("parse failed: %s", mig_error_last()->message);
	return f;
}

/* Resolve the first entry of the first config on a GPU; returns the code. */
static int resolve(mig_config_desired *d, const mig_config_file *f, const char *key)
{
	return mig_config_resolve_entry(d, f, &f->configs[0], &f->configs[0].entries[0], gpu(key));
}

static size_t count_profile(const mig_config_desired *d, const char *name)
{
	size_t i, n = 0;

	for (i = 0; i < d->want.gi_count; i++)
		n += strcmp(d->want.gi[i].profile->name, name) == 0;
	return n;
}

static void test_config_validate__balanced_on_a100(void **state)
{
	mig_config_file *f = parse(ONE("{\"1g.10gb\": 2, \"2g.20gb\": 1, \"3g.40gb\": 1}"));
	mig_config_desired d;
	size_t i;

	(void)state;
	assert_ok(resolve(&d, f, "a100-80gb"));
	assert_ptr_equal(d.entry, &f->configs[0].entries[0]);
	assert_ptr_equal(d.config, &f->configs[0]);
	assert_true(d.want.mig_enabled);
	assert_int_equal(d.want.gi_count, 4);
	assert_int_equal(d.placed.count, 4);
	assert_ok(mig_geometry_check(&d.placed, NULL));
	/* creation order: largest first, and want.gi[i] is placed.gi[i] */
	assert_string_equal(d.want.gi[0].profile->name, "3g.40gb");
	for (i = 0; i < 4; i++) {
		assert_ptr_equal(d.want.gi[i].profile, d.placed.gi[i].profile);
		assert_int_equal(d.want.gi[i].start, -1);
		assert_int_equal(d.want.gi[i].ci_count, 1);
		assert_true(d.want.gi[i].ci[0]->is_default);
	}
	assert_int_equal(count_profile(&d, "1g.10gb"), 2);
	mig_config_file_free(f);
}

static void test_config_validate__same_names_on_other_gpus(void **state)
{
	mig_config_file *f = parse(ONE("{\"1g.10gb\": 2, \"2g.20gb\": 1, \"3g.40gb\": 1}"));
	mig_config_desired d;

	(void)state;
	assert_ok(resolve(&d, f, "h100-80gb"));
	assert_ok(resolve(&d, f, "h100-pcie"));
	assert_int_equal(resolve(&d, f, "a30"), MIG_ENOTFOUND);
	assert_string_equal(mig_error_last()->message,
			    "layouts.yaml:6:21: unknown profile '1g.10gb' for NVIDIA A30; valid: "
			    "1g.6gb, 1g.6gb+me, 2g.12gb, 2g.12gb+me, 4g.24gb");
	/* an A100-40GB has a 1g.10gb (its two-slice 1g), but no 2g.20gb */
	assert_int_equal(resolve(&d, f, "a100-40gb"), MIG_ENOTFOUND);
	assert_true(strstr(mig_error_last()->message, "unknown profile '2g.20gb'") != NULL);
	mig_config_file_free(f);
}

static void test_config_validate__unknown_and_ambiguous_profiles(void **state)
{
	mig_config_file *f = parse(ONE("{\"5g.40gb\": 1}"));
	mig_config_file *g = parse(ONE("[1g]"));
	mig_config_desired d;

	(void)state;
	assert_int_equal(resolve(&d, f, "a100-80gb"), MIG_ENOTFOUND);
	assert_string_equal(mig_error_last()->message,
			    "layouts.yaml:6:21: unknown profile '5g.40gb' for NVIDIA A100-SXM4-80GB; "
			    "valid: 1g.10gb, 1g.10gb+me, 1g.20gb, 2g.20gb, 3g.40gb, 4g.40gb, 7g.80gb");
	assert_non_null(mig_error_last()->hint);
	assert_non_null(strstr(mig_error_last()->hint, "3g.40gb (id 9)"));

	assert_int_equal(resolve(&d, g, "a100-80gb"), MIG_ENOTFOUND);
	assert_string_equal(mig_error_last()->message,
			    "layouts.yaml:6:21: ambiguous profile '1g' for NVIDIA A100-SXM4-80GB");
	assert_string_equal(mig_error_last()->hint,
			    "'1g' matches 1g.10gb, 1g.20gb; give the full name");
	/* on an A30 "1g" names one plain profile */
	assert_ok(resolve(&d, g, "a30"));
	assert_string_equal(d.want.gi[0].profile->name, "1g.6gb");
	mig_config_file_free(f);
	mig_config_file_free(g);
}

static void test_config_validate__ids_and_short_names(void **state)
{
	mig_config_file *f = parse(ONE("{\"9\": 1, \"2g\": 1, \"19\": 2, \"1g.10gb+ME\": 0}"));
	mig_config_desired d;

	(void)state;
	assert_ok(resolve(&d, f, "a100-80gb"));
	assert_int_equal(d.want.gi_count, 4);
	assert_int_equal(count_profile(&d, "3g.40gb"), 1);
	assert_int_equal(count_profile(&d, "2g.20gb"), 1);
	assert_int_equal(count_profile(&d, "1g.10gb"), 2);
	mig_config_file_free(f);
}

static void test_config_validate__does_not_fit(void **state)
{
	mig_config_file *f = parse("version: v1\nmig-configs:\n  big:\n"
				   "    - device-filter: a100-80gb\n"
				   "      devices: all\n"
				   "      mig-enabled: true\n"
				   "      mig-devices: {\"1g.10gb\": 8}\n");
	mig_config_desired d;

	(void)state;
	assert_int_equal(resolve(&d, f, "a100-80gb"), MIG_ENOFIT);
	assert_string_equal(mig_error_last()->message,
			    "layouts.yaml:4:7: config 'big' does not fit on NVIDIA A100-SXM4-80GB: 8 x "
			    "1g.10gb requested but at most 7 fit on NVIDIA A100-SXM4-80GB");
	assert_string_equal(mig_error_last()->hint, "remove 1 x 1g.10gb");
	assert_int_equal(mig_config_validate(f, NULL, gpu("a100-80gb")), MIG_ENOFIT);
	/* the entry names the A100 only: an H100 has nothing to check */
	assert_ok(mig_config_validate(f, NULL, gpu("h100-80gb")));
	mig_config_file_free(f);
}

static void test_config_validate__pinned_placements(void **state)
{
	mig_config_file *ok = parse(ONE("{\"3g.40gb@4\": 1, \"4g.40gb\": 1}"));
	mig_config_file *range = parse(ONE("{\"3g.40gb@9\": 1}"));
	mig_config_file *bad = parse(ONE("{\"3g.40gb@2\": 1}"));
	mig_config_file *rtx = parse(ONE("[\"1g.24gb@9\", \"2g.48gb@0\"]"));
	mig_config_desired d;
	size_t i;

	(void)state;
	assert_ok(resolve(&d, ok, "a100-80gb"));
	for (i = 0; i < 2; i++) {
		if (strcmp(d.want.gi[i].profile->name, "3g.40gb") == 0) {
			assert_int_equal(d.want.gi[i].start, 4);
			assert_int_equal(d.placed.gi[i].start, 4);
		} else {
			assert_int_equal(d.want.gi[i].start, -1);
			assert_int_equal(d.placed.gi[i].start, 0);
		}
	}
	assert_int_equal(resolve(&d, range, "a100-80gb"), MIG_EINVALID);
	assert_string_equal(mig_error_last()->message,
			    "layouts.yaml:6:21: placement 9 of '3g.40gb@9' is out of range for "
			    "NVIDIA A100-SXM4-80GB: slices are 0-7");
	/* the RTX PRO 6000 has 12 positions */
	assert_ok(resolve(&d, rtx, "rtx-pro-6000"));
	assert_int_equal(resolve(&d, bad, "a100-80gb"), MIG_ENOFIT);
	assert_prefix(mig_error_last()->message,
		      "layouts.yaml:4:7: config 'c' does not fit on NVIDIA A100-SXM4-80GB: ");
	assert_non_null(strstr(mig_error_last()->message, "3g.40gb"));
	mig_config_file_free(ok);
	mig_config_file_free(range);
	mig_config_file_free(bad);
	mig_config_file_free(rtx);
}

static void test_config_validate__compute_instances(void **state)
{
	mig_config_file *f = parse(ONE("{\"3g.40gb\": {compute-instances: [1c.3g.40gb, \"1\"]}, "
				       "\"2g.20gb\": {count: 2, compute-instances: []}}"));
	mig_config_desired d;
	size_t i, n2 = 0;

	(void)state;
	assert_ok(resolve(&d, f, "h100-80gb"));
	assert_int_equal(d.want.gi_count, 3);
	for (i = 0; i < 3; i++) {
		const mig_config_gi *gi = &d.want.gi[i];

		if (strcmp(gi->profile->name, "2g.20gb") == 0) {
			/* an empty list asks for a GI without compute instances */
			assert_int_equal(gi->ci_count, 0);
			n2++;
			continue;
		}
		/* created largest first: the NVML value 1 is 2c.3g.40gb */
		assert_int_equal(gi->ci_count, 2);
		assert_string_equal(gi->ci[0]->name, "2c.3g.40gb");
		assert_string_equal(gi->ci[1]->name, "1c.3g.40gb");
	}
	assert_int_equal(n2, 2);
	mig_config_file_free(f);
}

static void test_config_validate__compute_instance_errors(void **state)
{
	mig_config_file *unknown = parse(ONE("{\"3g.40gb\": {compute-instances: [3c.3g.40gb]}}"));
	mig_config_file *twice = parse(ONE("{\"3g.40gb\": {compute-instances: [2c.3g.40gb, "
					   "2c.3g.40gb]}}"));
	mig_config_file *full = parse(ONE("{\"3g.40gb\": {compute-instances: [1c.3g.40gb, "
					  "3g.40gb]}}"));
	mig_config_desired d;

	(void)state;
	assert_int_equal(resolve(&d, unknown, "a100-80gb"), MIG_ENOTFOUND);
	assert_string_equal(mig_error_last()->message,
			    "layouts.yaml:6:53: unknown compute-instance profile '3c.3g.40gb' for "
			    "3g.40gb on NVIDIA A100-SXM4-80GB; valid: 1c.3g.40gb, 2c.3g.40gb, 3g.40gb");
	assert_int_equal(resolve(&d, twice, "a100-80gb"), MIG_ENOFIT);
	assert_string_equal(mig_error_last()->message,
			    "layouts.yaml:6:21: compute instances 2c.3g.40gb, 2c.3g.40gb do not fit "
			    "in a 3g.40gb GI (3 compute slices): 2c.3g.40gb is one too many for its "
			    "profile");
	assert_int_equal(resolve(&d, full, "a100-80gb"), MIG_ENOFIT);
	assert_string_equal(mig_error_last()->message,
			    "layouts.yaml:6:21: compute instances 3g.40gb, 1c.3g.40gb do not fit in a "
			    "3g.40gb GI (3 compute slices): 1c.3g.40gb finds no free placement");
	mig_config_file_free(unknown);
	mig_config_file_free(twice);
	mig_config_file_free(full);
}

static void test_config_validate__media_rules_on_rtx_pro(void **state)
{
	mig_config_file *ok = parse(ONE("{\"1g.24gb+me.all\": 1, \"1g.24gb-me\": 3}"));
	mig_config_file *bad = parse(ONE("{\"1g.24gb+me.all\": 1, \"1g.24gb\": 1}"));
	mig_config_desired d;

	(void)state;
	assert_ok(resolve(&d, ok, "rtx-pro-6000"));
	assert_int_equal(d.want.gi_count, 4);
	assert_int_equal(resolve(&d, bad, "rtx-pro-6000"), MIG_ENOFIT);
	assert_prefix(mig_error_last()->message,
		      "layouts.yaml:4:7: config 'c' does not fit on NVIDIA RTX PRO 6000 Blackwell "
		      "Server Edition: ");
	mig_config_file_free(ok);
	mig_config_file_free(bad);
}

static void test_config_validate__mig_disabled(void **state)
{
	mig_config_file *f = parse("version: v1\nmig-configs:\n  off: [{devices: all, mig-enabled: "
				   "false}]\n");
	mig_config_desired d;

	(void)state;
	assert_ok(resolve(&d, f, "b200"));
	assert_false(d.want.mig_enabled);
	assert_int_equal(d.want.gi_count, 0);
	assert_int_equal(d.placed.count, 0);
	assert_ptr_equal(d.placed.gpu, gpu("b200"));
	mig_config_file_free(f);
}

static const char matching[] = "version: v1\n"
			       "mig-configs:\n"
			       "  node:\n"
			       "    - devices: all\n"
			       "      mig-enabled: false\n"
			       "    - device-filter: \"0x20B210DE\"\n"
			       "      devices: all\n"
			       "      mig-enabled: true\n"
			       "      mig-devices: {\"1g.10gb\": 7}\n"
			       "    - device-filter: h100-80gb\n"
			       "      devices: [2, GPU-ABC]\n"
			       "      mig-enabled: true\n"
			       "      mig-devices: {\"3g.40gb\": 2}\n"
			       "    - device-filter: \"0x20B210DE:0x147E10DE\"\n"
			       "      devices: all\n"
			       "      mig-enabled: true\n"
			       "      mig-devices: {\"7g.80gb\": 1}\n"
			       "    - device-filter: \"0x2330\"\n"
			       "      devices: [5]\n"
			       "      mig-enabled: true\n"
			       "      mig-devices: {\"4g.40gb\": 1}\n"
			       "  a30-only:\n"
			       "    - device-filter: \"0x20B710DE\"\n"
			       "      devices: all\n"
			       "      mig-enabled: false\n";

static int which(const mig_config *c, const char *key, int index, uint32_t pci, uint32_t sub,
		 const char *uuid)
{
	mig_config_target t = MIG_CONFIG_TARGET_INIT;
	const mig_config_entry *e;

	t.gpu = gpu(key);
	t.index = index;
	t.pci_id = pci;
	t.subsystem_id = sub;
	t.uuid = uuid;
	e = mig_config_match(c, &t);
	return e ? (int)(e - c->entries) : -1;
}

static void test_config_validate__last_matching_entry_wins(void **state)
{
	mig_config_file *f = parse(matching);
	const mig_config *c = &f->configs[0];

	(void)state;
	assert_int_equal(which(c, "a100-80gb", 0, 0x20B210DE, 0, NULL), 1);
	assert_int_equal(which(c, "a100-80gb", 0, 0x20B210DE, 0x147E10DE, NULL), 3);
	assert_int_equal(which(c, "a100-80gb", 0, 0x20B210DE, 0x151110DE, NULL), 1);
	/* no PCI id known: any id of the model matches, subsystem filters never do */
	assert_int_equal(which(c, "a100-80gb", 0, 0, 0, NULL), 1);
	/* the PCIe A100-80GB has another id */
	assert_int_equal(which(c, "a100-80gb", 0, 0x20B510DE, 0, NULL), 0);
	assert_int_equal(which(c, "h100-80gb", 2, 0x233010DE, 0, NULL), 2);
	assert_int_equal(which(c, "h100-80gb", 9, 0x233010DE, 0, "gpu-abc"), 2);
	assert_int_equal(which(c, "h100-80gb", 9, 0x233010DE, 0, NULL), 0);
	/* a bare device id matches the device whatever the vendor half */
	assert_int_equal(which(c, "h100-80gb", 5, 0x233010DE, 0, NULL), 4);
	assert_int_equal(which(c, "h100-pcie", 5, 0x233110DE, 0, NULL), 0);
	assert_int_equal(which(c, "a30", 1, 0x20B710DE, 0, NULL), 0);
	/* a GPU that no entry selects is left alone */
	assert_int_equal(which(&f->configs[1], "a100-80gb", 0, 0x20B210DE, 0, NULL), -1);

	assert_true(mig_config_entry_admits(&c->entries[1], gpu("a100-80gb")));
	assert_false(mig_config_entry_admits(&c->entries[1], gpu("h100-80gb")));
	assert_true(mig_config_entry_admits(&c->entries[3], gpu("a100-80gb")));
	assert_true(mig_config_entry_admits(&c->entries[4], gpu("h100-80gb")));
	assert_false(mig_config_entry_admits(&c->entries[4], gpu("h100-pcie")));
	assert_true(mig_config_entry_admits(&c->entries[0], gpu("gb200")));
	mig_config_file_free(f);
}

static void test_config_validate__resolve_for_a_target(void **state)
{
	mig_config_file *f = parse(matching);
	mig_config_target t = MIG_CONFIG_TARGET_INIT;
	mig_config_desired d;

	(void)state;
	t.gpu = gpu("h100-80gb");
	t.index = 2;
	assert_ok(mig_config_resolve(&d, f, &f->configs[0], &t));
	assert_ptr_equal(d.entry, &f->configs[0].entries[2]);
	assert_int_equal(count_profile(&d, "3g.40gb"), 2);

	t.gpu = gpu("a100-80gb");
	assert_ok(mig_config_resolve(&d, f, &f->configs[1], &t));
	assert_null(d.entry);
	assert_ptr_equal(d.want.gpu, t.gpu);
	assert_int_equal(d.want.gi_count, 0);
	assert_int_equal(mig_config_resolve(&d, f, NULL, &t), MIG_EINVALID);
	mig_config_file_free(f);
}

static void test_config_validate__whole_configs(void **state)
{
	mig_config_file *f = parse(matching);

	(void)state;
	assert_ok(mig_config_validate(f, NULL, gpu("a100-80gb")));
	assert_ok(mig_config_validate(f, NULL, gpu("h100-80gb")));
	assert_ok(mig_config_validate(f, &f->configs[1], gpu("a30")));
	assert_int_equal(mig_config_validate(f, &f->configs[1], gpu("a100-80gb")), MIG_ENOTFOUND);
	assert_string_equal(mig_error_last()->message,
			    "layouts.yaml:22:3: config 'a30-only' has no entry for NVIDIA "
			    "A100-SXM4-80GB: its device-filters name other GPUs");
	/* entry 2 asks for 3g.40gb, which an H100 NVL does not have: the entry names the
	 * H100-80GB only, so the NVL skips it, and entry 0 fits anything */
	assert_ok(mig_config_validate(f, NULL, gpu("h100-nvl")));
	assert_int_equal(mig_config_validate(NULL, NULL, gpu("a30")), MIG_EINVALID);
	mig_config_file_free(f);
}

static void test_config_validate__devices_do_not_hide_an_entry(void **state)
{
	mig_config_file *f = parse("version: v1\nmig-configs:\n  c:\n"
				   "    - devices: [5]\n"
				   "      mig-enabled: true\n"
				   "      mig-devices: {\"2g.20gb\": 4}\n");

	(void)state;
	/* offline there is no GPU 5, yet the entry is checked for the model */
	assert_int_equal(mig_config_validate(f, NULL, gpu("a100-80gb")), MIG_ENOFIT);
	assert_prefix(mig_error_last()->message, "layouts.yaml:4:7: config 'c' does not fit on ");
	mig_config_file_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_validate__balanced_on_a100),
		cmocka_unit_test(test_config_validate__same_names_on_other_gpus),
		cmocka_unit_test(test_config_validate__unknown_and_ambiguous_profiles),
		cmocka_unit_test(test_config_validate__ids_and_short_names),
		cmocka_unit_test(test_config_validate__does_not_fit),
		cmocka_unit_test(test_config_validate__pinned_placements),
		cmocka_unit_test(test_config_validate__compute_instances),
		cmocka_unit_test(test_config_validate__compute_instance_errors),
		cmocka_unit_test(test_config_validate__media_rules_on_rtx_pro),
		cmocka_unit_test(test_config_validate__mig_disabled),
		cmocka_unit_test(test_config_validate__last_matching_entry_wins),
		cmocka_unit_test(test_config_validate__resolve_for_a_target),
		cmocka_unit_test(test_config_validate__whole_configs),
		cmocka_unit_test(test_config_validate__devices_do_not_hide_an_entry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
