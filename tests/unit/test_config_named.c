/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The built-in named configs: every one fits every GPU of the catalog it selects, each family
 * covers the GPUs that have its profile, the sizes are the most that fit, all-balanced is
 * mig-parted's, and mig-parted's per-profile names (all-1g.10gb, all-1g.10gb.me) exist.
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

static mig_config_file *named;

static int setup(void **state)
{
	(void)state;
	return mig_config_named_all(&named) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	mig_config_file_free(named);
	return 0;
}

/* What config name gives GPU g (found by any PCI id, as GPU 0); 0 when no entry selects it. */
static int resolve(mig_config_desired *d, const char *name, const mig_gpu *g)
{
	mig_config_target t = MIG_CONFIG_TARGET_INIT;
	const mig_config *c = mig_config_find(named, name);

	if (!c)
		fail_msg("no named config '%s'", name);
	t.gpu = g;
	t.index = 0;
	assert_ok(mig_config_resolve(d, named, c, &t));
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

static int has_plain(const mig_gpu *g, unsigned slices)
{
	size_t i;

	for (i = 0; i < g->gi_profile_count; i++)
		if (g->gi_profiles[i].slices == slices &&
		    g->gi_profiles[i].variant == MIG_VARIANT_PLAIN)
			return 1;
	return 0;
}

static void test_config_named__valid_on_every_gpu(void **state)
{
	size_t i;

	(void)state;
	assert_string_equal(named->path, "<built-in>");
	for (i = 0; i < mig_catalog_count(); i++)
		assert_ok(mig_config_validate(named, NULL, mig_catalog_at(i)));
}

static void test_config_named__families_cover_every_gpu(void **state)
{
	static const unsigned sizes[] = { 1, 2, 3, 4, 7 };
	mig_config_desired d;
	char name[16];
	size_t i, k;

	(void)state;
	for (i = 0; i < mig_catalog_count(); i++) {
		const mig_gpu *g = mig_catalog_at(i);

		assert_true(resolve(&d, "all-disabled", g));
		assert_false(d.want.mig_enabled);
		assert_true(resolve(&d, "all-enabled", g));
		assert_true(d.want.mig_enabled);
		assert_int_equal(d.want.gi_count, 0);
		assert_true(resolve(&d, "all-balanced", g));
		for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
			snprintf(name, sizeof(name), "all-%ug", sizes[k]);
			if (resolve(&d, name, g) != has_plain(g, sizes[k]))
				fail_msg("%s on %s: entry %s", name, g->key,
					 d.entry ? "found" : "missing");
		}
	}
}

/* No further GI of the same profile fits beside what the config asks for. */
static void assert_full(const mig_config_desired *d)
{
	mig_layout more = d->placed, out;
	size_t i;

	assert_true(more.count > 0);
	for (i = 0; i < more.count; i++)
		more.gi[i].start = -1;
	assert_ok(mig_layout_add(&more, more.gi[more.count - 1].profile, -1));
	assert_int_equal(mig_geometry_fit(&out, &more, NULL), MIG_ENOFIT);
}

static void test_config_named__sizes_are_the_most_that_fit(void **state)
{
	static const char *const families[] = { "all-1g", "all-2g", "all-3g", "all-4g", "all-7g" };
	mig_config_desired d;
	size_t i, k;

	(void)state;
	for (i = 0; i < mig_catalog_count(); i++)
		for (k = 0; k < sizeof(families) / sizeof(families[0]); k++)
			if (resolve(&d, families[k], mig_catalog_at(i)))
				assert_full(&d);
	/* the smallest profile of a size: 1g.5gb on an A100-40GB, not its 1g.10gb */
	assert_true(resolve(&d, "all-1g", mig_catalog_by_key("a100-40gb")));
	assert_int_equal(count_of(&d, "1g.5gb"), 7);
	assert_true(resolve(&d, "all-1g", mig_catalog_by_key("rtx-pro-6000")));
	assert_int_equal(count_of(&d, "1g.24gb"), 4);
	assert_true(resolve(&d, "all-7g", mig_catalog_by_key("b200")));
	assert_int_equal(count_of(&d, "7g.180gb"), 1);
	assert_true(resolve(&d, "all-2g", mig_catalog_by_key("a30")));
	assert_int_equal(count_of(&d, "2g.12gb"), 2);
}

static void test_config_named__balanced_is_mig_parted_s(void **state)
{
	mig_config_desired d;
	size_t i;

	(void)state;
	assert_true(resolve(&d, "all-balanced", mig_catalog_by_key("a100-80gb")));
	assert_int_equal(d.want.gi_count, 4);
	assert_int_equal(count_of(&d, "1g.10gb"), 2);
	assert_int_equal(count_of(&d, "2g.20gb"), 1);
	assert_int_equal(count_of(&d, "3g.40gb"), 1);
	assert_true(resolve(&d, "all-balanced", mig_catalog_by_key("a100-40gb")));
	assert_int_equal(count_of(&d, "1g.5gb"), 2);
	assert_int_equal(count_of(&d, "2g.10gb"), 1);
	assert_int_equal(count_of(&d, "3g.20gb"), 1);
	assert_true(resolve(&d, "all-balanced", mig_catalog_by_key("h200")));
	assert_int_equal(count_of(&d, "1g.18gb"), 2);
	assert_int_equal(count_of(&d, "2g.35gb"), 1);
	assert_int_equal(count_of(&d, "3g.71gb"), 1);
	assert_true(resolve(&d, "all-balanced", mig_catalog_by_key("a30")));
	assert_int_equal(d.want.gi_count, 3);
	assert_int_equal(count_of(&d, "1g.6gb"), 2);
	assert_int_equal(count_of(&d, "2g.12gb"), 1);
	assert_true(resolve(&d, "all-balanced", mig_catalog_by_key("rtx-pro-6000")));
	assert_int_equal(count_of(&d, "1g.24gb"), 2);
	assert_int_equal(count_of(&d, "2g.48gb"), 1);
	/* balanced uses the whole GPU everywhere */
	for (i = 0; i < mig_catalog_count(); i++) {
		assert_true(resolve(&d, "all-balanced", mig_catalog_at(i)));
		assert_int_equal(mig_layout_occupied(&d.placed) + 1u,
				 1u << mig_catalog_at(i)->memory_slices);
	}
}

static void test_config_named__every_profile_has_its_config(void **state)
{
	mig_config_desired d;
	char name[80];
	size_t i, j, k;

	(void)state;
	for (i = 0; i < mig_catalog_count(); i++) {
		const mig_gpu *g = mig_catalog_at(i);

		for (j = 0; j < g->gi_profile_count; j++) {
			const mig_gi_profile *p = &g->gi_profiles[j];

			snprintf(name, sizeof(name), "all-%s", p->name);
			for (k = 0; name[k]; k++)
				if (name[k] == '+')
					name[k] = '.';
			if (!resolve(&d, name, g))
				fail_msg("%s does not select %s", name, g->key);
			assert_true(d.want.gi_count >= 1);
			assert_int_equal(count_of(&d, p->name), d.want.gi_count);
			assert_full(&d);
		}
	}
	/* mig-parted's numbers: 7 on an A100-80GB, 4 of the wider 1g.10gb on an A100-40GB */
	assert_true(resolve(&d, "all-1g.10gb", mig_catalog_by_key("a100-80gb")));
	assert_int_equal(d.want.gi_count, 7);
	assert_true(resolve(&d, "all-1g.10gb", mig_catalog_by_key("a100-40gb")));
	assert_int_equal(d.want.gi_count, 4);
	assert_true(resolve(&d, "all-1g.10gb.me", mig_catalog_by_key("h100-80gb")));
	assert_int_equal(count_of(&d, "1g.10gb+me"), 1);
	assert_false(resolve(&d, "all-1g.10gb", mig_catalog_by_key("a30")));
	assert_non_null(mig_config_find(named, "all-1g.24gb-me"));
	assert_non_null(mig_config_find(named, "all-1g.24gb.me.all"));
	assert_non_null(mig_config_find(named, "all-2g.48gb.gfx"));
}

static void test_config_named__entries_select_by_pci_id(void **state)
{
	const mig_config *c = mig_config_find(named, "all-balanced");
	mig_config_target t = MIG_CONFIG_TARGET_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < c->entry_count; i++) {
		assert_true(c->entries[i].all_devices);
		assert_true(c->entries[i].filter_count > 0);
		assert_int_equal(c->entries[i].filters[0].kind, MIG_CONFIG_FILTER_PCI);
	}
	/* an A800 80GB PCIe by its own id */
	t.gpu = mig_catalog_by_key("a100-80gb");
	t.index = 3;
	t.pci_id = 0x20F510DE;
	assert_non_null(mig_config_match(c, &t));
	/* a PCI id the catalog does not know (an H20) is left alone */
	t.pci_id = 0x232910DE;
	assert_null(mig_config_match(c, &t));
}

static void test_config_named__get_one(void **state)
{
	mig_config_file *f = NULL;
	char *text = NULL;

	(void)state;
	assert_ok(mig_config_named_get(&f, "all-balanced"));
	assert_int_equal(f->config_count, 1);
	assert_string_equal(f->configs[0].name, "all-balanced");
	assert_string_equal(f->path, "<built-in>");
	assert_true(f->configs[0].pos.line == 3);
	assert_ok(mig_config_write(&text, f));
	assert_non_null(strstr(text, "      \"1g.10gb\": 2\n      \"2g.20gb\": 1\n"
				     "      \"3g.40gb\": 1\n"));
	free(text);
	mig_config_file_free(f);
	f = NULL;
	assert_int_equal(mig_config_named_get(&f, "all-balance"), MIG_ENOTFOUND);
	assert_string_equal(mig_error_last()->message, "unknown named config 'all-balance'");
	assert_non_null(strstr(mig_error_last()->hint, "all-balanced"));
	assert_null(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_named__valid_on_every_gpu),
		cmocka_unit_test(test_config_named__families_cover_every_gpu),
		cmocka_unit_test(test_config_named__sizes_are_the_most_that_fit),
		cmocka_unit_test(test_config_named__balanced_is_mig_parted_s),
		cmocka_unit_test(test_config_named__every_profile_has_its_config),
		cmocka_unit_test(test_config_named__entries_select_by_pci_id),
		cmocka_unit_test(test_config_named__get_one),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
