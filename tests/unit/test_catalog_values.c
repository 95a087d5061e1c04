/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Spot checks of catalog values against real nvidia-smi listings (the reference names them),
 * and that every number no source gave is flagged unconfirmed. The invariants every table
 * must meet are in test_catalog_tables.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "catalog/catalog_internal.h"
#include "banned.h"

static const mig_gpu *gpu(const char *key)
{
	const mig_gpu *g = mig_catalog_by_key(key);

	if (!g)
		fail_msg("no GPU '%s' in the catalog", key);
	return g;
}

static const mig_gi_profile *gi(const char *key, const char *name)
{
	const mig_gpu *g = gpu(key);
	size_t i;

	for (i = 0; i < g->gi_profile_count; i++)
		if (strcmp(g->gi_profiles[i].name, name) == 0)
			return &g->gi_profiles[i];
	fail_msg("no profile %s on %s", name, key);
	return NULL;
}

static void test_catalog_values__a100_80gb(void **state)
{
	const mig_gi_profile *p = gi("a100-80gb", "3g.40gb");

	(void)state;
	assert_int_equal(p->id, 9);
	assert_int_equal(p->nvml_profile, MIG_NVML_GI_3_SLICE);
	/* 19968 MiB is the 40GB part's 3g.20gb; on 81920 MiB it would be named 3g.20gb. */
	assert_int_equal(p->memory_mib, 40192);
	assert_int_equal(p->sms, 42);
	assert_int_equal(p->placement_count, 2);
	assert_int_equal(p->placements[0].start, 0);
	assert_int_equal(p->placements[0].size, 4);
	assert_int_equal(p->placements[1].start, 4);
	assert_int_equal(p->placements[1].size, 4);
	assert_int_equal(gi("a100-80gb", "1g.10gb")->id, 19);
	assert_int_equal(gi("a100-80gb", "1g.10gb+me")->id, 20);
	assert_int_equal(gi("a100-80gb", "1g.20gb")->id, 15);
	assert_int_equal(gi("a100-80gb", "2g.20gb")->id, 14);
	assert_int_equal(gi("a100-80gb", "4g.40gb")->id, 5);
	assert_int_equal(gi("a100-80gb", "7g.80gb")->id, 0);
	assert_int_equal(gi("a100-80gb", "7g.80gb")->sms, 98);
	assert_int_equal(gi("a100-40gb", "3g.20gb")->memory_mib, 19968);
	assert_int_equal(gpu("a100-80gb")->sms, 108);
}

static void test_catalog_values__hopper(void **state)
{
	const mig_gi_profile *p = gi("h100-sxm5-80gb", "1g.20gb");
	const mig_ci_profile *ci = mig_catalog_default_ci(p);

	(void)state;
	assert_int_equal(p->sms, 26);
	assert_int_equal(p->mem_slices, 2);
	/* Its full CI is the REV1 CI profile, which gets the extra SMs. */
	assert_int_equal(ci->nvml_profile, MIG_NVML_CI_1_SLICE_REV1);
	assert_int_equal(ci->sms, 26);
	assert_int_equal(gi("h100-sxm5-80gb", "7g.80gb")->sms, 132);
	assert_int_equal(gi("h100-pcie-80gb", "3g.40gb")->sms, 46);
	assert_int_equal(gi("h100-nvl-94gb", "7g.94gb")->memory_mib, 95360);
	assert_int_equal(gi("h200-141gb", "1g.18gb")->memory_mib, 16384);
}

static void test_catalog_values__a30_and_rtx_pro(void **state)
{
	(void)state;
	assert_int_equal(gi("a30-24gb", "1g.6gb")->id, 14);
	assert_int_equal(gi("a30-24gb", "1g.6gb+me")->id, 21);
	assert_int_equal(gi("a30-24gb", "2g.12gb")->id, 5);
	assert_int_equal(gi("a30-24gb", "2g.12gb+me")->id, 6);
	assert_int_equal(gi("a30-24gb", "2g.12gb+me")->nvml_profile, MIG_NVML_GI_2_SLICE_REV1);
	assert_int_equal(gi("a30-24gb", "4g.24gb")->id, 0);
	assert_int_equal(gi("rtx-pro-6000-blackwell", "1g.24gb+me.all")->id, 65);
	assert_int_equal(gi("rtx-pro-6000-blackwell", "1g.24gb+me.all")->variant,
			 MIG_VARIANT_ME_ALL);
	assert_int_equal(gi("rtx-pro-6000-blackwell", "2g.48gb-me")->variant, MIG_VARIANT_NO_ME);
	assert_int_equal(gi("rtx-pro-6000-blackwell", "4g.96gb+gfx")->placements[0].size, 12);
}

/* Numbers no source gave were chosen for the tables; they must say so. */
static void test_catalog_values__estimates_are_flagged(void **state)
{
	(void)state;
	assert_true(gpu("gh200-144gb")->unconfirmed & MIG_UNCONFIRMED_MEMORY);
	assert_true(gpu("h200-nvl-141gb")->unconfirmed & MIG_UNCONFIRMED_MEMORY);
	assert_true(gpu("gb200-186gb")->unconfirmed & MIG_UNCONFIRMED_MEMORY);
	assert_true(gpu("gb200-186gb")->unconfirmed & MIG_UNCONFIRMED_SMS);
	assert_false(gpu("a100-80gb")->unconfirmed & MIG_UNCONFIRMED_MEMORY);
	assert_true(gi("b200-180gb", "7g.180gb")->unconfirmed & MIG_UNCONFIRMED_MEMORY);
	assert_true(gi("b200-180gb", "7g.180gb")->unconfirmed & MIG_UNCONFIRMED_SMS);
	assert_true(gi("gh200-144gb", "3g.72gb")->unconfirmed & MIG_UNCONFIRMED_MEMORY);
	assert_true(gi("gb200-186gb", "4g.93gb")->unconfirmed & MIG_UNCONFIRMED_ID);
	assert_false(gi("a100-80gb", "3g.40gb")->unconfirmed);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog_values__a100_80gb),
		cmocka_unit_test(test_catalog_values__hopper),
		cmocka_unit_test(test_catalog_values__a30_and_rtx_pro),
		cmocka_unit_test(test_catalog_values__estimates_are_flagged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
