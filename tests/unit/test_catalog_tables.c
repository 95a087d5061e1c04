/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Every GPU table of the catalog against the invariants NVIDIA's MIG rules imply. A table
 * that breaks one is named, with its profile, in the failure. Spot checks of single values
 * are in test_catalog_values.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "catalog/catalog_internal.h"
#include "parse_util.h"
#include "banned.h"

/* Fail with the GPU/profile named, as cmocka's assert_* would only print two numbers. */
#define check(cond, ...)                      \
	do {                                  \
		if (!(cond))                  \
			fail_msg(__VA_ARGS__); \
	} while (0)

#define ALL_UNCONFIRMED ((1u << 9) - 1)

#define for_each_gpu(g, i) \
	for ((i) = 0; ((g) = mig_catalog_at(i)) != NULL; (i)++)

static const mig_gpu *gpu(const char *key)
{
	const mig_gpu *g = mig_catalog_by_key(key);

	check(g != NULL, "no GPU '%s' in the catalog", key);
	return g;
}

static void test_catalog_tables__lists_thirteen_gpus(void **state)
{
	(void)state;
	assert_int_equal(mig_catalog_count(), 13);
	assert_null(mig_catalog_at(13));
	assert_null(mig_catalog_at(SIZE_MAX));
}

static void test_catalog_tables__gpu_fields_are_filled(void **state)
{
	const mig_gpu *g;
	size_t i;

	(void)state;
	for_each_gpu(g, i) {
		check(g->key && g->key[0] && g->product && g->nvml_name && g->architecture &&
			      g->min_driver && g->sources && g->aliases && g->nvml_names_other,
		      "GPU %zu has an empty text field", i);
		check(g->arch < MIG_ARCH__COUNT, "%s: arch out of range", g->key);
		check(strncmp(g->architecture, "Ampere", 6) == 0 ? g->arch == MIG_ARCH_AMPERE
		      : strncmp(g->architecture, "Hopper", 6) == 0 ? g->arch == MIG_ARCH_HOPPER
								   : g->arch == MIG_ARCH_BLACKWELL,
		      "%s: arch enum disagrees with '%s'", g->key, g->architecture);
		check(g->memory_mib > 0, "%s: no memory", g->key);
		check(g->gi_profile_count > 0 && g->pci_id_count > 0, "%s: no profiles/PCI ids",
		      g->key);
		check(g->max_gpu_instances == g->compute_slices &&
			      g->max_gpu_instances <= MIG_MAX_GI,
		      "%s: max GIs %u vs %u compute slices", g->key, g->max_gpu_instances,
		      g->compute_slices);
		check((g->unconfirmed & ~ALL_UNCONFIRMED) == 0, "%s: stray flag bits", g->key);
		check(g->sms || (g->unconfirmed & MIG_UNCONFIRMED_SMS), "%s: SMs 0 unflagged",
		      g->key);
		check(g->l2_mb || (g->unconfirmed & MIG_UNCONFIRMED_L2), "%s: L2 0 unflagged",
		      g->key);
		check(g->sms_in_largest_gi <= g->sms, "%s: largest GI has more SMs than the GPU",
		      g->key);
	}
}

static void test_catalog_tables__slice_grids(void **state)
{
	const mig_gpu *g;
	size_t i;

	(void)state;
	for_each_gpu(g, i) {
		unsigned mem = 8, compute = 7;

		if (strcmp(g->key, "a30-24gb") == 0)
			mem = 4, compute = 4;
		else if (strcmp(g->key, "rtx-pro-6000-blackwell") == 0)
			mem = 12, compute = 4;
		check(g->memory_slices == mem && g->compute_slices == compute,
		      "%s: %u memory / %u compute slices, expected %u / %u", g->key,
		      g->memory_slices, g->compute_slices, mem, compute);
		check(g->memory_slices <= MIG_MAX_SLICES, "%s: grid too large", g->key);
	}
}

static void test_catalog_tables__keys_and_aliases_are_unique(void **state)
{
	const char *names[256];
	size_t n = 0, i, j;
	const mig_gpu *g;

	(void)state;
	for_each_gpu(g, i) {
		const char *const *a;

		names[n++] = g->key;
		for (a = g->aliases; *a; a++)
			names[n++] = *a;
		check(n < 200, "too many aliases");
	}
	for (i = 0; i < n; i++) {
		for (j = 0; names[i][j]; j++)
			check(!(names[i][j] >= 'A' && names[i][j] <= 'Z') && names[i][j] != ' ',
			      "key/alias '%s' is not lower-case without spaces", names[i]);
		for (j = i + 1; j < n; j++)
			check(!mig_strcaseeq(names[i], names[j]), "key/alias '%s' used twice",
			      names[i]);
	}
	assert_ptr_equal(mig_catalog_by_key("h100-80gb"), gpu("h100-sxm5-80gb"));
	assert_ptr_equal(mig_catalog_by_key("a100-80gb"), mig_catalog_at(1));
}

static void test_catalog_tables__pci_ids_are_unique_nvidia_ids(void **state)
{
	const mig_gpu *g, *h;
	size_t i, j, k, l;

	(void)state;
	for_each_gpu(g, i) {
		for (j = 0; j < g->pci_id_count; j++) {
			check((g->pci_ids[j].id & 0xFFFFu) == 0x10DE && g->pci_ids[j].product,
			      "%s: PCI id 0x%08X is not an NVIDIA id with a product", g->key,
			      (unsigned)g->pci_ids[j].id);
			for_each_gpu(h, k)
				for (l = 0; l < h->pci_id_count; l++)
					check((g == h && j == l) ||
						      g->pci_ids[j].id != h->pci_ids[l].id,
					      "PCI id 0x%08X on %s and %s",
					      (unsigned)g->pci_ids[j].id, g->key, h->key);
		}
	}
}

static void check_placements(const char *what, const mig_placement *pl, size_t n,
			     unsigned size, unsigned grid, unsigned max_count)
{
	size_t i;

	check(n >= 1 && n <= MIG_MAX_PLACEMENTS, "%s: %zu placements", what, n);
	check(max_count >= 1 && max_count <= n, "%s: max count %u with %zu placements", what,
	      max_count, n);
	for (i = 0; i < n; i++) {
		check(pl[i].size == size, "%s: placement %u:%u, size should be %u", what,
		      pl[i].start, pl[i].size, size);
		check(pl[i].start + pl[i].size <= grid, "%s: placement %u:%u outside %u slices",
		      what, pl[i].start, pl[i].size, grid);
		check(i == 0 || pl[i].start > pl[i - 1].start, "%s: starts not increasing", what);
	}
}

static void test_catalog_tables__gi_placements_fit_the_grid(void **state)
{
	const mig_gpu *g;
	size_t i, j;
	char what[96];

	(void)state;
	for_each_gpu(g, i) {
		for (j = 0; j < g->gi_profile_count; j++) {
			const mig_gi_profile *p = &g->gi_profiles[j];

			snprintf(what, sizeof(what), "%s %s", g->key, p->name);
			check(p->mem_slices >= p->slices && p->mem_slices <= g->memory_slices,
			      "%s: %u memory slices", what, p->mem_slices);
			check_placements(what, p->placements, p->placement_count, p->mem_slices,
					 g->memory_slices, p->max_count);
		}
	}
}

/* The slices and variant each NVML GI profile constant stands for (nvml.h). */
static const struct {
	unsigned slices;
	mig_profile_variant variant;
} nvml_gi[] = {
	[MIG_NVML_GI_1_SLICE] = { 1, MIG_VARIANT_PLAIN },
	[MIG_NVML_GI_2_SLICE] = { 2, MIG_VARIANT_PLAIN },
	[MIG_NVML_GI_3_SLICE] = { 3, MIG_VARIANT_PLAIN },
	[MIG_NVML_GI_4_SLICE] = { 4, MIG_VARIANT_PLAIN },
	[MIG_NVML_GI_7_SLICE] = { 7, MIG_VARIANT_PLAIN },
	[MIG_NVML_GI_8_SLICE] = { 8, MIG_VARIANT_PLAIN },
	[MIG_NVML_GI_6_SLICE] = { 6, MIG_VARIANT_PLAIN },
	[MIG_NVML_GI_1_SLICE_REV1] = { 1, MIG_VARIANT_ME },
	[MIG_NVML_GI_2_SLICE_REV1] = { 2, MIG_VARIANT_ME },
	[MIG_NVML_GI_1_SLICE_REV2] = { 1, MIG_VARIANT_PLAIN },
	[MIG_NVML_GI_1_SLICE_GFX] = { 1, MIG_VARIANT_GFX },
	[MIG_NVML_GI_2_SLICE_GFX] = { 2, MIG_VARIANT_GFX },
	[MIG_NVML_GI_4_SLICE_GFX] = { 4, MIG_VARIANT_GFX },
	[MIG_NVML_GI_1_SLICE_NO_ME] = { 1, MIG_VARIANT_NO_ME },
	[MIG_NVML_GI_2_SLICE_NO_ME] = { 2, MIG_VARIANT_NO_ME },
	[MIG_NVML_GI_1_SLICE_ALL_ME] = { 1, MIG_VARIANT_ME_ALL },
	[MIG_NVML_GI_2_SLICE_ALL_ME] = { 2, MIG_VARIANT_ME_ALL },
	[MIG_NVML_GI_3_SLICE_GFX] = { 3, MIG_VARIANT_GFX },
};

static void test_catalog_tables__gi_ids_and_constants(void **state)
{
	const mig_gpu *g;
	size_t i, j, k;

	(void)state;
	for_each_gpu(g, i) {
		for (j = 0; j < g->gi_profile_count; j++) {
			const mig_gi_profile *p = &g->gi_profiles[j];

			check(p->nvml_profile < sizeof(nvml_gi) / sizeof(nvml_gi[0]) &&
				      nvml_gi[p->nvml_profile].slices == p->slices &&
				      nvml_gi[p->nvml_profile].variant == p->variant,
			      "%s %s: NVML constant %u does not match %u slices / variant %d",
			      g->key, p->name, p->nvml_profile, p->slices, (int)p->variant);
			check(p->slices >= 1 && p->slices <= g->compute_slices,
			      "%s %s: %u slices", g->key, p->name, p->slices);
			check(p->variant != MIG_VARIANT_ME || p->max_count == 1,
			      "%s %s: a +me profile exists at most once", g->key, p->name);
			for (k = j + 1; k < g->gi_profile_count; k++) {
				check(g->gi_profiles[k].id != p->id, "%s: profile id %u twice",
				      g->key, p->id);
				check(g->gi_profiles[k].nvml_profile != p->nvml_profile,
				      "%s: NVML constant %u twice", g->key, p->nvml_profile);
			}
		}
	}
}

/* NVIDIA names profiles from their memory; a name the rule cannot produce is a data error. */
static void test_catalog_tables__names_follow_nvidia_rule(void **state)
{
	const mig_gpu *g;
	size_t i, j;
	char name[32], prefix[32];

	(void)state;
	for_each_gpu(g, i) {
		for (j = 0; j < g->gi_profile_count; j++) {
			const mig_gi_profile *p = &g->gi_profiles[j];
			const char *suffix = mig_variant_suffix(p->variant);
			size_t len = strlen(p->name), slen = strlen(suffix);

			mig_catalog_derive_name(name, sizeof(name), p->slices, p->memory_mib,
						g->memory_mib, p->variant);
			check(strcmp(name, p->name) == 0,
			      "%s: %u MiB of %u MiB names '%s', the table says '%s'", g->key,
			      p->memory_mib, g->memory_mib, name, p->name);
			/* The suffix is the variant's, and nothing else follows "gb". */
			check(len > slen && strcmp(p->name + len - slen, suffix) == 0 &&
				      strncmp(p->name + len - slen - 2, "gb", 2) == 0,
			      "%s %s: suffix does not match variant %d", g->key, p->name,
			      (int)p->variant);
			snprintf(prefix, sizeof(prefix), "%ug.", p->slices);
			check(strncmp(p->name, prefix, strlen(prefix)) == 0,
			      "%s %s: name does not start with %s", g->key, p->name, prefix);
		}
	}
}

static void test_catalog_tables__numbers_within_the_gpu(void **state)
{
	const mig_gpu *g;
	size_t i, j;

	(void)state;
	for_each_gpu(g, i) {
		unsigned largest_sms = 0, largest_slices = 0;

		for (j = 0; j < g->gi_profile_count; j++) {
			const mig_gi_profile *p = &g->gi_profiles[j];

			check(p->memory_mib > 0 && p->memory_mib <= g->memory_mib,
			      "%s %s: %u MiB on a %u MiB GPU", g->key, p->name, p->memory_mib,
			      g->memory_mib);
			check(p->sms <= g->sms || !g->sms, "%s %s: %u SMs on a %u-SM GPU", g->key,
			      p->name, p->sms, g->sms);
			check(p->sms || (p->unconfirmed & MIG_UNCONFIRMED_SMS),
			      "%s %s: SMs 0 but not flagged unconfirmed", g->key, p->name);
			check((p->unconfirmed & ~ALL_UNCONFIRMED) == 0, "%s %s: stray flag bits",
			      g->key, p->name);
			if (p->slices > largest_slices)
				largest_slices = p->slices, largest_sms = p->sms;
		}
		check(largest_sms == g->sms_in_largest_gi, "%s: largest GI has %u SMs, GPU says %u",
		      g->key, largest_sms, g->sms_in_largest_gi);
	}
}

/* The slices each NVML CI profile constant stands for (nvml.h). */
static const unsigned nvml_ci_slices[] = {
	[MIG_NVML_CI_1_SLICE] = 1, [MIG_NVML_CI_2_SLICE] = 2,	   [MIG_NVML_CI_3_SLICE] = 3,
	[MIG_NVML_CI_4_SLICE] = 4, [MIG_NVML_CI_7_SLICE] = 7,	   [MIG_NVML_CI_8_SLICE] = 8,
	[MIG_NVML_CI_6_SLICE] = 6, [MIG_NVML_CI_1_SLICE_REV1] = 1, [MIG_NVML_CI_7_SLICE_NVL] = 7,
};

static void check_ci(const mig_gpu *g, const mig_gi_profile *p, const mig_ci_profile *ci)
{
	char what[128], name[48];

	snprintf(what, sizeof(what), "%s %s CI %s", g->key, p->name, ci->name);
	check(ci->nvml_profile < sizeof(nvml_ci_slices) / sizeof(nvml_ci_slices[0]) &&
		      nvml_ci_slices[ci->nvml_profile] == ci->slices,
	      "%s: NVML constant %u for %u slices", what, ci->nvml_profile, ci->slices);
	check(ci->slices >= 1 && ci->slices <= p->slices, "%s: %u slices", what, ci->slices);
	check(ci->sms <= p->sms || !p->sms, "%s: more SMs than its GI", what);
	check(ci->sms || (ci->unconfirmed & MIG_UNCONFIRMED_SMS), "%s: SMs 0 unflagged", what);
	check((ci->unconfirmed & ~ALL_UNCONFIRMED) == 0, "%s: stray flag bits", what);
	check_placements(what, ci->placements, ci->placement_count, ci->slices, p->slices,
			 ci->max_count);
	if (ci->is_default) {
		check(ci->slices == p->slices && strcmp(ci->name, p->name) == 0,
		      "%s: the default CI must take the whole GI and carry its name", what);
		return;
	}
	snprintf(name, sizeof(name), "%uc.%s", ci->slices, p->name);
	check(strcmp(ci->name, name) == 0, "%s: should be named %s", what, name);
}

static void test_catalog_tables__ci_profiles_fit_their_gi(void **state)
{
	const mig_gpu *g;
	size_t i, j, k, l;

	(void)state;
	for_each_gpu(g, i) {
		for (j = 0; j < g->gi_profile_count; j++) {
			const mig_gi_profile *p = &g->gi_profiles[j];
			unsigned defaults = 0;

			check(p->ci_profile_count > 0, "%s %s: no CI profiles", g->key, p->name);
			for (k = 0; k < p->ci_profile_count; k++) {
				const mig_ci_profile *ci = &p->ci_profiles[k];

				check_ci(g, p, ci);
				defaults += ci->is_default != 0;
				for (l = k + 1; l < p->ci_profile_count; l++)
					check(strcmp(ci->name, p->ci_profiles[l].name) != 0 &&
						      ci->nvml_profile !=
							      p->ci_profiles[l].nvml_profile,
					      "%s %s: CI %s twice", g->key, p->name, ci->name);
			}
			check(defaults == 1, "%s %s: %u default CIs", g->key, p->name, defaults);
			check(mig_catalog_default_ci(p) && mig_catalog_default_ci(p)->is_default,
			      "%s %s: default CI not found", g->key, p->name);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog_tables__lists_thirteen_gpus),
		cmocka_unit_test(test_catalog_tables__gpu_fields_are_filled),
		cmocka_unit_test(test_catalog_tables__slice_grids),
		cmocka_unit_test(test_catalog_tables__keys_and_aliases_are_unique),
		cmocka_unit_test(test_catalog_tables__pci_ids_are_unique_nvidia_ids),
		cmocka_unit_test(test_catalog_tables__gi_placements_fit_the_grid),
		cmocka_unit_test(test_catalog_tables__gi_ids_and_constants),
		cmocka_unit_test(test_catalog_tables__names_follow_nvidia_rule),
		cmocka_unit_test(test_catalog_tables__numbers_within_the_gpu),
		cmocka_unit_test(test_catalog_tables__ci_profiles_fit_their_gi),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
