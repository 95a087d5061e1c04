/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The layout files in tests/fixtures/layouts/: files in mig-parted's documented v1 format
 * (whole-node configs, device lists, device-filter as one id or a list, several entries per
 * config, MIG off, empty mig-devices, counts of zero, media-extension profiles, and a file
 * naming every profile of every GPU of the catalog) parse unchanged, validate, and give each
 * GPU the layout mig-parted would; migctl's extensions do the same.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
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

/* The fixtures sit beside this source file, in ../fixtures/layouts/. */
static mig_config_file *load(const char *name)
{
	const char *slash = strrchr(__FILE__, '/');
	mig_config_file *f = NULL;
	char path[1024];

	snprintf(path, sizeof(path), "%.*s/../fixtures/layouts/%s",
		 slash ? (int)(slash - __FILE__) : 1, slash ? __FILE__ : ".", name);
	if (mig_config_load(&f, path) != 0)
		fail_msg("%s", mig_error_last()->message);
	return f;
}

static const mig_gpu *gpu(const char *key)
{
	const mig_gpu *g = mig_catalog_by_key(key);

	if (!g)
		fail_msg("no GPU '%s' in the catalog", key);
	return g;
}

/* Resolve config name for a GPU at index with a PCI id (0: any of the model's). */
static int resolve(mig_config_desired *d, const mig_config_file *f, const char *name,
		   const char *key, int index, uint32_t pci_id)
{
	mig_config_target t = MIG_CONFIG_TARGET_INIT;
	const mig_config *c = mig_config_find(f, name);

	if (!c)
		fail_msg("no config '%s'", name);
	t.gpu = gpu(key);
	t.index = index;
	t.pci_id = pci_id;
	assert_ok(mig_config_resolve(d, f, c, &t));
	return d->entry != NULL;
}

static unsigned count_of(const mig_config_desired *d, const char *profile)
{
	size_t i;
	unsigned n = 0;

	for (i = 0; i < d->want.gi_count; i++)
		n += strcmp(d->want.gi[i].profile->name, profile) == 0;
	return n;
}

static void test_config_fixtures__dgx_a100(void **state)
{
	mig_config_file *f = load("mig-parted-dgx-a100.yaml");
	mig_config_desired d;
	int i;

	(void)state;
	assert_int_equal(f->config_count, 7);
	assert_ok(mig_config_validate(f, NULL, gpu("a100-80gb")));
	assert_ok(mig_config_validate(f, NULL, gpu("h100-80gb")));
	for (i = 0; i < 4; i++) {
		assert_true(resolve(&d, f, "training-and-inference", "a100-80gb", i, 0));
		assert_false(d.want.mig_enabled);
	}
	assert_true(resolve(&d, f, "training-and-inference", "a100-80gb", 5, 0));
	assert_int_equal(count_of(&d, "1g.10gb"), 7);
	assert_true(resolve(&d, f, "training-and-inference", "a100-80gb", 6, 0));
	assert_int_equal(count_of(&d, "3g.40gb"), 2);
	assert_true(resolve(&d, f, "training-and-inference", "a100-80gb", 7, 0));
	assert_int_equal(d.want.gi_count, 3);
	assert_false(resolve(&d, f, "training-and-inference", "a100-80gb", 8, 0));
	assert_true(resolve(&d, f, "all-enabled", "a100-80gb", 3, 0));
	assert_true(d.want.mig_enabled);
	assert_int_equal(d.want.gi_count, 0);

	/* an A30 has none of these profiles: the first one named is reported where it is */
	assert_int_equal(mig_config_validate(f, NULL, gpu("a30")), MIG_ENOTFOUND);
	assert_non_null(strstr(mig_error_last()->message,
			       "mig-parted-dgx-a100.yaml:19:9: unknown profile '1g.10gb' for "
			       "NVIDIA A30; valid: 1g.6gb, "));
	mig_config_file_free(f);
}

static void test_config_fixtures__mixed_fleet(void **state)
{
	mig_config_file *f = load("mig-parted-mixed-fleet.yaml");
	mig_config_desired d;
	size_t i;

	(void)state;
	for (i = 0; i < mig_catalog_count(); i++)
		assert_ok(mig_config_validate(f, NULL, mig_catalog_at(i)));
	/* one PCI id as a string */
	assert_true(resolve(&d, f, "all-1g", "a30", 0, 0x20B710DE));
	assert_int_equal(count_of(&d, "1g.6gb"), 4);
	/* an id in a list */
	assert_true(resolve(&d, f, "all-1g", "a100-40gb", 2, 0x20F110DE));
	assert_int_equal(count_of(&d, "1g.5gb"), 7);
	assert_true(resolve(&d, f, "all-1g", "h100-pcie", 1, 0x233110DE));
	assert_int_equal(count_of(&d, "1g.10gb"), 7);
	assert_false(resolve(&d, f, "all-1g", "b200", 0, 0x290110DE));

	assert_true(resolve(&d, f, "media", "a100-80gb", 0, 0x20B210DE));
	assert_int_equal(count_of(&d, "1g.10gb+me"), 1);
	assert_int_equal(count_of(&d, "1g.10gb"), 6);
	assert_true(resolve(&d, f, "media", "a30", 0, 0x20B710DE));
	assert_int_equal(d.want.gi_count, 3);
	assert_int_equal(count_of(&d, "1g.6gb+me"), 0);

	assert_true(resolve(&d, f, "nvl-only", "h100-nvl", 0, 0x232110DE));
	assert_int_equal(count_of(&d, "3g.47gb"), 2);
	assert_true(resolve(&d, f, "nvl-only", "a30", 0, 0x20B710DE));
	assert_false(d.want.mig_enabled);
	assert_false(resolve(&d, f, "nvl-only", "b200", 0, 0x290110DE));

	assert_true(resolve(&d, f, "per-index", "a100-80gb", 1, 0x20B210DE));
	assert_int_equal(count_of(&d, "7g.80gb"), 1);
	assert_true(resolve(&d, f, "per-index", "a100-80gb", 3, 0x20B210DE));
	assert_int_equal(d.want.gi_count, 2);
	assert_false(resolve(&d, f, "per-index", "a100-80gb", 4, 0x20B210DE));
	mig_config_file_free(f);
}

static void test_config_fixtures__migctl_extensions(void **state)
{
	mig_config_file *f = load("migctl-extensions.yaml");
	mig_config_target t = MIG_CONFIG_TARGET_INIT;
	mig_config_desired d;
	size_t i;

	(void)state;
	assert_ok(mig_config_validate(f, NULL, gpu("a100-80gb")));
	assert_ok(mig_config_validate(f, NULL, gpu("h100-80gb")));
	assert_ok(mig_config_validate(f, NULL, gpu("a30")));
	assert_int_equal(mig_config_validate(f, mig_config_find(f, "pinned"), gpu("a30")),
			 MIG_ENOTFOUND);

	assert_true(resolve(&d, f, "pinned", "a100-80gb", 0, 0));
	for (i = 0; i < d.want.gi_count; i++)
		if (d.want.gi[i].start >= 0)
			assert_int_equal(d.placed.gi[i].start, d.want.gi[i].start);
	assert_int_equal(count_of(&d, "1g.10gb"), 2);

	assert_true(resolve(&d, f, "shared-3g", "h100-80gb", 0, 0));
	assert_int_equal(d.want.gi_count, 2);
	assert_int_equal(d.want.gi[1].ci_count, 2);
	assert_false(resolve(&d, f, "shared-3g", "h100-pcie", 0, 0));

	t.gpu = gpu("a100-80gb");
	t.index = 7;
	t.uuid = "GPU-5d5b8a8e-1c5a-4b2c-9a7e-1f0e3c2d4b6a";
	assert_ok(mig_config_resolve(&d, f, mig_config_find(f, "as-a-list"), &t));
	assert_non_null(d.entry);
	assert_int_equal(d.want.gi_count, 4);
	assert_int_equal(d.want.gi[0].start, 4);
	t.uuid = NULL;
	assert_ok(mig_config_resolve(&d, f, mig_config_find(f, "as-a-list"), &t));
	assert_null(d.entry);
	mig_config_file_free(f);
}

/* The entry of c that admits g and asks for profile, or NULL. */
static const mig_config_entry *entry_for(const mig_config *c, const mig_gpu *g,
					 const char *profile)
{
	size_t i, j;

	for (i = 0; i < c->entry_count; i++) {
		const mig_config_entry *e = &c->entries[i];

		if (!mig_config_entry_admits(e, g))
			continue;
		for (j = 0; j < e->instance_count; j++)
			if (strcmp(e->instances[j].profile, profile) == 0)
				return e;
	}
	return NULL;
}

static void test_config_fixtures__every_profile_of_every_gpu(void **state)
{
	mig_config_file *f = load("mig-parted-every-profile.yaml");
	size_t i, j;

	(void)state;
	assert_int_equal(f->config_count, mig_catalog_count());
	for (i = 0; i < mig_catalog_count(); i++) {
		const mig_gpu *g = mig_catalog_at(i);
		const mig_config *c = mig_config_find(f, g->key);

		if (!c)
			fail_msg("the fixture has no config for %s: regenerate it", g->key);
		for (j = 0; j < g->gi_profile_count; j++)
			if (!entry_for(c, g, g->gi_profiles[j].name))
				fail_msg("the fixture lacks %s of %s: regenerate it",
					 g->gi_profiles[j].name, g->key);
		/* every entry of its own config, and the rest of the file, check out */
		assert_ok(mig_config_validate(f, c, g));
		assert_ok(mig_config_validate(f, NULL, g));
	}
	mig_config_file_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_fixtures__dgx_a100),
		cmocka_unit_test(test_config_fixtures__mixed_fleet),
		cmocka_unit_test(test_config_fixtures__migctl_extensions),
		cmocka_unit_test(test_config_fixtures__every_profile_of_every_gpu),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
