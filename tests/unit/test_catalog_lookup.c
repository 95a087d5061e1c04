/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Finding GPUs and profiles in the catalog by what users type and what the driver reports,
 * and the errors (naming the bad token, with the valid choices as a hint) when nothing fits.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "migctl/catalog.h"
#include "migctl/error.h"
#include "banned.h"

/* Check a failure's code and that its message (and hint, when given) contain the texts; on a
 * mismatch print what the library recorded. */
static void check_error(int rc, int code, const char *message, const char *hint)
{
	const mig_error *e = mig_error_last();
	int ok = rc == code && e->code == code && strstr(e->message, message) &&
		 (!hint || (e->hint && strstr(e->hint, hint)));

	if (!ok)
		fail_msg("got rc %d, message '%s', hint '%s'; wanted %d, '%s', '%s'", rc,
			 e->message, e->hint ? e->hint : "(none)", code, message,
			 hint ? hint : "(any)");
}

static const mig_gpu *key(const char *k)
{
	const mig_gpu *g = mig_catalog_by_key(k);

	assert_non_null(g);
	return g;
}

static const mig_gi_profile *profile(const char *gpu, const char *name)
{
	const mig_gi_profile *p = NULL;

	assert_int_equal(mig_catalog_find_profile(&p, key(gpu), name), 0);
	return p;
}

static void test_catalog_lookup__count_and_at(void **state)
{
	size_t i;

	(void)state;
	assert_true(mig_catalog_count() > 0);
	for (i = 0; i < mig_catalog_count(); i++)
		assert_non_null(mig_catalog_at(i));
	assert_null(mig_catalog_at(mig_catalog_count()));
	assert_string_equal(mig_catalog_at(0)->key, "a100-40gb");
}

static void test_catalog_lookup__by_key_and_alias(void **state)
{
	(void)state;
	assert_string_equal(key("a100-80gb")->key, "a100-80gb");
	assert_ptr_equal(key("A100-80GB"), key("a100-80gb"));
	assert_ptr_equal(key("a100"), key("a100-80gb"));
	assert_ptr_equal(key("h100-80gb"), key("h100-sxm5-80gb"));
	assert_ptr_equal(key("H100-PCIe"), key("h100-pcie-80gb"));
	assert_ptr_equal(key("h100-nvl"), key("h100-nvl-94gb"));
	assert_ptr_equal(key("a30"), key("a30-24gb"));
	assert_ptr_equal(key("h200"), key("h200-141gb"));
	assert_ptr_equal(key("h200-sxm"), key("h200-141gb"));
	assert_ptr_equal(key("h200-nvl"), key("h200-nvl-141gb"));
	assert_ptr_equal(key("gh200"), key("gh200-96gb"));
	assert_ptr_equal(key("b200"), key("b200-180gb"));
	assert_ptr_equal(key("gb200"), key("gb200-186gb"));
	assert_ptr_equal(key("rtx-pro-6000"), key("rtx-pro-6000-blackwell"));
	assert_null(mig_catalog_by_key("a200"));
	assert_null(mig_catalog_by_key("a100-80"));
	assert_null(mig_catalog_by_key(""));
	assert_null(mig_catalog_by_key(NULL));
}

static void test_catalog_lookup__by_nvml_name(void **state)
{
	(void)state;
	assert_ptr_equal(mig_catalog_by_nvml_name("NVIDIA H100 80GB HBM3"), key("h100-80gb"));
	assert_ptr_equal(mig_catalog_by_nvml_name("nvidia h100 80gb hbm3"), key("h100-80gb"));
	assert_ptr_equal(mig_catalog_by_nvml_name("NVIDIA A100 80GB PCIe"), key("a100-80gb"));
	assert_ptr_equal(mig_catalog_by_nvml_name("NVIDIA H800"), key("h100-80gb"));
	assert_ptr_equal(mig_catalog_by_nvml_name("NVIDIA H100 PCIe"), key("h100-pcie"));
	assert_ptr_equal(mig_catalog_by_nvml_name("NVIDIA B200"), key("b200"));
	/* Drivers before R470 report the names without "NVIDIA ". */
	assert_ptr_equal(mig_catalog_by_nvml_name("A100-SXM4-40GB"), key("a100-40gb"));
	assert_ptr_equal(mig_catalog_by_nvml_name("A100-SXM4-80GB"), key("a100-80gb"));
	assert_null(mig_catalog_by_nvml_name("NVIDIA GeForce RTX 4090"));
	assert_null(mig_catalog_by_nvml_name("NVIDIA "));
	assert_null(mig_catalog_by_nvml_name("NVIDIA"));
	assert_null(mig_catalog_by_nvml_name(""));
	assert_null(mig_catalog_by_nvml_name(NULL));
}

static void test_catalog_lookup__by_pci_id(void **state)
{
	(void)state;
	assert_ptr_equal(mig_catalog_by_pci_id(0x20B210DE), key("a100-80gb"));
	assert_ptr_equal(mig_catalog_by_pci_id(0x20B2), key("a100-80gb"));
	assert_ptr_equal(mig_catalog_by_pci_id(0x20B5), key("a100-80gb"));
	assert_ptr_equal(mig_catalog_by_pci_id(0x233010DE), key("h100-sxm5-80gb"));
	assert_ptr_equal(mig_catalog_by_pci_id(0x20B7), key("a30"));
	assert_ptr_equal(mig_catalog_by_pci_id(0x2BB510DE), key("rtx-pro-6000"));
	assert_null(mig_catalog_by_pci_id(0x20B21234)); /* another vendor's half */
	assert_null(mig_catalog_by_pci_id(0x10DE));
	assert_null(mig_catalog_by_pci_id(0));
	assert_null(mig_catalog_by_pci_id(0xFFFFFFFFu));
}

static void test_catalog_lookup__find_anything(void **state)
{
	const mig_gpu *g = NULL;

	(void)state;
	assert_int_equal(mig_catalog_find(&g, "h100-80gb"), 0);
	assert_ptr_equal(g, key("h100-sxm5-80gb"));
	assert_int_equal(mig_catalog_find(&g, "A30-24GB"), 0);
	assert_ptr_equal(g, key("a30"));
	assert_int_equal(mig_catalog_find(&g, "NVIDIA A100-SXM4-80GB"), 0);
	assert_ptr_equal(g, key("a100-80gb"));
	assert_int_equal(mig_catalog_find(&g, "0x20B0"), 0);
	assert_ptr_equal(g, key("a100-40gb"));
	assert_int_equal(mig_catalog_find(&g, "0x233110DE"), 0);
	assert_ptr_equal(g, key("h100-pcie"));
	assert_int_equal(mig_catalog_find(&g, "0X2901"), 0);
	assert_ptr_equal(g, key("b200"));
}

static void test_catalog_lookup__find_unknown_gpu(void **state)
{
	const mig_gpu *g = key("a30");

	(void)state;
	check_error(mig_catalog_find(&g, "xyz"), MIG_ENOTFOUND, "unknown GPU 'xyz'", "a100-80gb");
	check_error(mig_catalog_find(&g, "xyz"), MIG_ENOTFOUND, "unknown GPU 'xyz'",
		    "rtx-pro-6000-blackwell");
	assert_ptr_equal(g, key("a30")); /* output untouched on failure */
	/* A plain number is never a PCI id (it could be meant as a GPU index). */
	check_error(mig_catalog_find(&g, "8370"), MIG_ENOTFOUND, "unknown GPU '8370'", NULL);
	check_error(mig_catalog_find(&g, "0x"), MIG_ENOTFOUND, "unknown GPU '0x'", NULL);
	check_error(mig_catalog_find(&g, "0x20B2zz"), MIG_ENOTFOUND, "'0x20B2zz'", NULL);
	check_error(mig_catalog_find(&g, "0x1234"), MIG_ENOTFOUND, "'0x1234'", NULL);
	check_error(mig_catalog_find(&g, ""), MIG_ENOTFOUND, "unknown GPU ''", NULL);
	check_error(mig_catalog_find(&g, NULL), MIG_EINVALID, "no GPU", NULL);
	assert_ptr_equal(g, key("a30"));
}

static void test_catalog_lookup__find_profile(void **state)
{
	(void)state;
	assert_int_equal(profile("a100-80gb", "3g.40gb")->id, 9);
	assert_int_equal(profile("a100-80gb", "3G.40GB")->id, 9);
	assert_string_equal(profile("a100-80gb", "9")->name, "3g.40gb");
	assert_string_equal(profile("a100-80gb", "19")->name, "1g.10gb");
	assert_string_equal(profile("a100-80gb", "0")->name, "7g.80gb");
	assert_string_equal(profile("a100-80gb", "1g.10gb+me")->name, "1g.10gb+me");
	assert_string_equal(profile("a30", "21")->name, "1g.6gb+me");
	assert_string_equal(profile("rtx-pro-6000", "1G.24GB+ME.ALL")->name, "1g.24gb+me.all");
}

static void test_catalog_lookup__find_profile_short_name(void **state)
{
	(void)state;
	assert_string_equal(profile("a100-80gb", "3g")->name, "3g.40gb");
	assert_string_equal(profile("a100-80gb", "7G")->name, "7g.80gb");
	assert_string_equal(profile("a100-80gb", "1g+me")->name, "1g.10gb+me");
	/* The variant is part of the short name, so "1g" on A30 is the plain 1g.6gb. */
	assert_string_equal(profile("a30", "1g")->name, "1g.6gb");
	assert_string_equal(profile("a30", "2g+me")->name, "2g.12gb+me");
	assert_string_equal(profile("rtx-pro-6000", "2g-me")->name, "2g.48gb-me");
	assert_string_equal(profile("rtx-pro-6000", "4g+gfx")->name, "4g.96gb+gfx");
}

static void test_catalog_lookup__ambiguous_short_name(void **state)
{
	const mig_gi_profile *p = NULL;
	const mig_error *e;

	(void)state;
	check_error(mig_catalog_find_profile(&p, key("a100-80gb"), "1g"), MIG_ENOTFOUND,
		    "ambiguous profile '1g' for NVIDIA A100-SXM4-80GB", "1g.10gb, 1g.20gb");
	e = mig_error_last();
	assert_null(strstr(e->hint, "+me"));
	assert_null(strstr(e->hint, "2g"));
	check_error(mig_catalog_find_profile(&p, key("h100-80gb"), "1G"), MIG_ENOTFOUND,
		    "ambiguous profile '1G'", "1g.10gb, 1g.20gb");
	assert_null(p);
}

static void test_catalog_lookup__unknown_profile(void **state)
{
	const mig_gi_profile *p = NULL;
	const mig_gpu *a100 = key("a100-80gb");

	(void)state;
	check_error(mig_catalog_find_profile(&p, a100, "5g.40gb"), MIG_ENOTFOUND,
		    "unknown profile '5g.40gb' for NVIDIA A100-SXM4-80GB", "3g.40gb (id 9)");
	check_error(mig_catalog_find_profile(&p, a100, "5g.40gb"), MIG_ENOTFOUND, "5g.40gb",
		    "valid profiles: 1g.10gb (id 19), ");
	check_error(mig_catalog_find_profile(&p, a100, "99"), MIG_ENOTFOUND,
		    "unknown profile '99'", NULL);
	check_error(mig_catalog_find_profile(&p, a100, "0x9"), MIG_ENOTFOUND,
		    "unknown profile '0x9'", NULL);
	check_error(mig_catalog_find_profile(&p, a100, "-1"), MIG_ENOTFOUND, "'-1'", NULL);
	check_error(mig_catalog_find_profile(&p, a100, "99999999999999999999"), MIG_ENOTFOUND,
		    "'99999999999999999999'", NULL);
	check_error(mig_catalog_find_profile(&p, a100, "3g.40"), MIG_ENOTFOUND, "'3g.40'", NULL);
	check_error(mig_catalog_find_profile(&p, a100, "2g.12gb+me"), MIG_ENOTFOUND,
		    "'2g.12gb+me'", NULL);
	check_error(mig_catalog_find_profile(&p, a100, "5g"), MIG_ENOTFOUND, "'5g'", NULL);
	check_error(mig_catalog_find_profile(&p, a100, ""), MIG_ENOTFOUND, "''", NULL);
	check_error(mig_catalog_find_profile(&p, a100, NULL), MIG_EINVALID, "no GPU", NULL);
	check_error(mig_catalog_find_profile(&p, NULL, "3g"), MIG_EINVALID, "no GPU", NULL);
	assert_null(p);
}

static void test_catalog_lookup__profile_by_id_and_nvml(void **state)
{
	const mig_gpu *a100 = key("a100-80gb");

	(void)state;
	assert_string_equal(mig_catalog_profile_by_id(a100, 15)->name, "1g.20gb");
	assert_string_equal(mig_catalog_profile_by_id(key("a30"), 14)->name, "1g.6gb");
	assert_null(mig_catalog_profile_by_id(a100, 1));
	assert_null(mig_catalog_profile_by_id(NULL, 15));
	assert_string_equal(mig_catalog_profile_by_nvml(a100, 9)->name, "1g.20gb");
	assert_string_equal(mig_catalog_profile_by_nvml(a100, 7)->name, "1g.10gb+me");
	assert_string_equal(mig_catalog_profile_by_nvml(key("rtx-pro-6000"), 12)->name,
			    "4g.96gb+gfx");
	assert_null(mig_catalog_profile_by_nvml(a100, 17));
	assert_null(mig_catalog_profile_by_nvml(NULL, 0));
}

static void test_catalog_lookup__ci_profiles(void **state)
{
	const mig_gi_profile *gi = profile("a100-80gb", "3g.40gb");
	const mig_gi_profile *rev2 = profile("h100-80gb", "1g.20gb");
	const mig_ci_profile *ci = NULL;

	(void)state;
	assert_string_equal(mig_catalog_default_ci(gi)->name, "3g.40gb");
	assert_int_equal(mig_catalog_default_ci(rev2)->nvml_profile, 7);
	assert_null(mig_catalog_default_ci(NULL));
	assert_int_equal(mig_catalog_find_ci_profile(&ci, gi, "1c.3g.40gb"), 0);
	assert_int_equal(ci->nvml_profile, 0);
	assert_int_equal(mig_catalog_find_ci_profile(&ci, gi, "2C.3G.40GB"), 0);
	assert_int_equal(ci->slices, 2);
	assert_int_equal(mig_catalog_find_ci_profile(&ci, gi, "3g.40gb"), 0);
	assert_ptr_equal(ci, mig_catalog_default_ci(gi));
	assert_int_equal(mig_catalog_find_ci_profile(&ci, gi, "1"), 0);
	assert_string_equal(ci->name, "2c.3g.40gb");
	assert_int_equal(mig_catalog_find_ci_profile(&ci, rev2, "1g.20gb"), 0);
	assert_int_equal(ci->nvml_profile, 7);
	assert_int_equal(mig_catalog_find_ci_profile(&ci, rev2, "0"), 0);
	assert_string_equal(ci->name, "1c.1g.20gb");
}

static void test_catalog_lookup__unknown_ci_profile(void **state)
{
	const mig_gi_profile *gi = profile("a100-80gb", "3g.40gb");
	const mig_ci_profile *ci = NULL;

	(void)state;
	check_error(mig_catalog_find_ci_profile(&ci, gi, "4c.3g.40gb"), MIG_ENOTFOUND,
		    "unknown compute-instance profile '4c.3g.40gb' in GI profile 3g.40gb",
		    "1c.3g.40gb (0), 2c.3g.40gb (1), 3g.40gb (2)");
	check_error(mig_catalog_find_ci_profile(&ci, gi, "7"), MIG_ENOTFOUND, "'7'", NULL);
	check_error(mig_catalog_find_ci_profile(&ci, gi, "0x1"), MIG_ENOTFOUND, "'0x1'", NULL);
	check_error(mig_catalog_find_ci_profile(&ci, gi, "4g.40gb"), MIG_ENOTFOUND, "'4g.40gb'",
		    NULL);
	check_error(mig_catalog_find_ci_profile(&ci, gi, NULL), MIG_EINVALID, "no GI", NULL);
	check_error(mig_catalog_find_ci_profile(&ci, NULL, "0"), MIG_EINVALID, "no GI", NULL);
	assert_null(ci);
}

static void test_catalog_lookup__names_of_enums(void **state)
{
	(void)state;
	assert_string_equal(mig_arch_name(MIG_ARCH_AMPERE), "ampere");
	assert_string_equal(mig_arch_name(MIG_ARCH_HOPPER), "hopper");
	assert_string_equal(mig_arch_name(MIG_ARCH_BLACKWELL), "blackwell");
	assert_string_equal(mig_arch_name(MIG_ARCH__COUNT), "unknown");
	assert_string_equal(mig_variant_suffix(MIG_VARIANT_PLAIN), "");
	assert_string_equal(mig_variant_suffix(MIG_VARIANT_ME), "+me");
	assert_string_equal(mig_variant_suffix(MIG_VARIANT_ME_ALL), "+me.all");
	assert_string_equal(mig_variant_suffix(MIG_VARIANT_NO_ME), "-me");
	assert_string_equal(mig_variant_suffix(MIG_VARIANT_GFX), "+gfx");
	assert_string_equal(mig_variant_suffix(MIG_VARIANT__COUNT), "");
}

/* The checks of the md's section 1.4, and the edges of the rounding. */
static void test_catalog_lookup__derive_name(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(mig_catalog_derive_name(buf, sizeof(buf), 1, 9984, 81559,
						    MIG_VARIANT_PLAIN), "1g.10gb");
	assert_string_equal(mig_catalog_derive_name(buf, sizeof(buf), 1, 20096, 81559,
						    MIG_VARIANT_PLAIN), "1g.20gb");
	assert_string_equal(mig_catalog_derive_name(buf, sizeof(buf), 1, 22528, 183359,
						    MIG_VARIANT_ME), "1g.23gb+me");
	/* 4/8 of 141 GiB is 70.5: halves round up. */
	assert_string_equal(mig_catalog_derive_name(buf, sizeof(buf), 3, 71168, 143771,
						    MIG_VARIANT_PLAIN), "3g.71gb");
	/* Exactly 1/8 stays 1/8; one MiB more is 2/8. */
	assert_string_equal(mig_catalog_derive_name(buf, sizeof(buf), 1, 10240, 81920,
						    MIG_VARIANT_PLAIN), "1g.10gb");
	assert_string_equal(mig_catalog_derive_name(buf, sizeof(buf), 1, 10241, 81920,
						    MIG_VARIANT_PLAIN), "1g.20gb");
	assert_string_equal(mig_catalog_derive_name(buf, sizeof(buf), 1, 24192, 97887,
						    MIG_VARIANT_ME_ALL), "1g.24gb+me.all");
	assert_string_equal(mig_catalog_derive_name(buf, sizeof(buf), 2, 48512, 97887,
						    MIG_VARIANT_NO_ME), "2g.48gb-me");
	assert_string_equal(mig_catalog_derive_name(buf, sizeof(buf), 4, 97408, 97887,
						    MIG_VARIANT_GFX), "4g.96gb+gfx");
	/* No overflow at the top of the range. */
	assert_string_equal(mig_catalog_derive_name(buf, sizeof(buf), 7, 4000000000u, 4000000000u,
						    MIG_VARIANT_PLAIN),
			    "7g.3906250gb");
	assert_string_equal(mig_catalog_derive_name(buf, sizeof(buf), 1, 100, 0,
						    MIG_VARIANT_PLAIN), "1g.0gb");
	assert_string_equal(mig_catalog_derive_name(buf, 4, 3, 40192, 81920, MIG_VARIANT_PLAIN),
			    "3g.");
	assert_null(mig_catalog_derive_name(NULL, 0, 3, 40192, 81920, MIG_VARIANT_PLAIN));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog_lookup__count_and_at),
		cmocka_unit_test(test_catalog_lookup__by_key_and_alias),
		cmocka_unit_test(test_catalog_lookup__by_nvml_name),
		cmocka_unit_test(test_catalog_lookup__by_pci_id),
		cmocka_unit_test(test_catalog_lookup__find_anything),
		cmocka_unit_test(test_catalog_lookup__find_unknown_gpu),
		cmocka_unit_test(test_catalog_lookup__find_profile),
		cmocka_unit_test(test_catalog_lookup__find_profile_short_name),
		cmocka_unit_test(test_catalog_lookup__ambiguous_short_name),
		cmocka_unit_test(test_catalog_lookup__unknown_profile),
		cmocka_unit_test(test_catalog_lookup__profile_by_id_and_nvml),
		cmocka_unit_test(test_catalog_lookup__ci_profiles),
		cmocka_unit_test(test_catalog_lookup__unknown_ci_profile),
		cmocka_unit_test(test_catalog_lookup__names_of_enums),
		cmocka_unit_test(test_catalog_lookup__derive_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
