/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Catalog lookup: the list of GPUs, and finding a GPU or a profile by whatever a user or the
 * driver calls it.
 */
#include "catalog_internal.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>

#include "error_util.h"
#include "parse_util.h"
#include "strbuf.h"
#include "banned.h"

/* Every GPU of the catalog, in the order `migctl gpus` lists them (by family, then size).
 * An explicit list rather than registration at load time, so the set is visible here. */
static const mig_gpu *const catalog[] = {
	&mig_catalog__a100_40gb,
	&mig_catalog__a100_80gb,
	&mig_catalog__a30_24gb,
	&mig_catalog__h100_sxm5_80gb,
	&mig_catalog__h100_pcie_80gb,
	&mig_catalog__h100_nvl_94gb,
	&mig_catalog__gh200_96gb,
	&mig_catalog__gh200_144gb,
	&mig_catalog__h200_141gb,
	&mig_catalog__h200_nvl_141gb,
	&mig_catalog__b200_180gb,
	&mig_catalog__gb200_186gb,
	&mig_catalog__rtx_pro_6000_blackwell,
};

size_t mig_catalog_count(void)
{
	return MIG_ARRAY_SIZE(catalog);
}

const mig_gpu *mig_catalog_at(size_t i)
{
	return i < MIG_ARRAY_SIZE(catalog) ? catalog[i] : NULL;
}

typedef int name_eq_fn(const char *a, const char *b);

static int in_list(const char *const *list, const char *name, name_eq_fn *eq)
{
	for (; list && *list; list++)
		if (eq(*list, name))
			return 1;
	return 0;
}

const mig_gpu *mig_catalog_by_key(const char *key)
{
	size_t i;

	if (!key)
		return NULL;
	for (i = 0; i < MIG_ARRAY_SIZE(catalog); i++)
		if (mig_strcaseeq(catalog[i]->key, key) ||
		    in_list(catalog[i]->aliases, key, mig_strcaseeq))
			return catalog[i];
	return NULL;
}

/* Drivers before R470 left the "NVIDIA " prefix out of the names, so it never decides. */
static const char *without_vendor(const char *name)
{
	static const char vendor[] = "nvidia ";
	size_t i;

	for (i = 0; i + 1 < sizeof(vendor); i++) {
		char c = name[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != vendor[i])
			return name;
	}
	return name + sizeof(vendor) - 1;
}

static int nvml_name_eq(const char *a, const char *b)
{
	return mig_strcaseeq(without_vendor(a), without_vendor(b));
}

const mig_gpu *mig_catalog_by_nvml_name(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < MIG_ARRAY_SIZE(catalog); i++)
		if (nvml_name_eq(catalog[i]->nvml_name, name) ||
		    in_list(catalog[i]->nvml_names_other, name, nvml_name_eq))
			return catalog[i];
	return NULL;
}

static int pci_id_matches(uint32_t entry, uint32_t id)
{
	/* A bare device id (no vendor half) is what lspci and nvidia-smi -q show. */
	if (id <= 0xFFFFu)
		return (entry >> 16) == id;
	return entry == id;
}

const mig_gpu *mig_catalog_by_pci_id(uint32_t id)
{
	size_t i, j;

	for (i = 0; i < MIG_ARRAY_SIZE(catalog); i++)
		for (j = 0; j < catalog[i]->pci_id_count; j++)
			if (pci_id_matches(catalog[i]->pci_ids[j].id, id))
				return catalog[i];
	return NULL;
}

/* Only "0x..." counts as a PCI id, so that a plain number is never mistaken for one. */
static const mig_gpu *by_pci_text(const char *what)
{
	uint64_t id;

	if (what[0] != '0' || (what[1] != 'x' && what[1] != 'X'))
		return NULL;
	if (mig_parse_uint(what, UINT32_MAX, &id) < 0)
		return NULL;
	return mig_catalog_by_pci_id((uint32_t)id);
}

static void hint_gpu_keys(void)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	size_t i;

	mig_strbuf_adds(&sb, "known GPUs: ");
	for (i = 0; i < MIG_ARRAY_SIZE(catalog); i++)
		mig_strbuf_addf(&sb, "%s%s", i ? ", " : "", catalog[i]->key);
	if (!sb.oom)
		mig_error_hint("%s", mig_strbuf_str(&sb));
	mig_strbuf_release(&sb);
}

int mig_catalog_find(const mig_gpu **out, const char *what)
{
	const mig_gpu *gpu;

	if (!what)
		return mig_error_set(MIG_EINVALID, "no GPU given");
	gpu = mig_catalog_by_key(what);
	if (!gpu)
		gpu = mig_catalog_by_nvml_name(what);
	if (!gpu)
		gpu = by_pci_text(what);
	if (!gpu) {
		mig_error_set(MIG_ENOTFOUND, "unknown GPU '%s'", what);
		hint_gpu_keys();
		return MIG_ENOTFOUND;
	}
	*out = gpu;
	return 0;
}

const char *mig_arch_name(mig_arch arch)
{
	switch (arch) {
	case MIG_ARCH_AMPERE:
		return "ampere";
	case MIG_ARCH_HOPPER:
		return "hopper";
	case MIG_ARCH_BLACKWELL:
		return "blackwell";
	case MIG_ARCH__COUNT:
		break;
	}
	return "unknown";
}

const char *mig_variant_suffix(mig_profile_variant v)
{
	static const char *const suffix[MIG_VARIANT__COUNT] = {
		[MIG_VARIANT_PLAIN] = "",
		[MIG_VARIANT_ME] = "+me",
		[MIG_VARIANT_ME_ALL] = "+me.all",
		[MIG_VARIANT_NO_ME] = "-me",
		[MIG_VARIANT_GFX] = "+gfx",
	};

	return (unsigned)v < MIG_VARIANT__COUNT ? suffix[v] : "";
}

/*
 * go-nvlib's rule (pkg/nvlib/device/mig_profile.go), which names profiles for mig-parted, the
 * device plugin and the GPU Operator: the share of memory is rounded up to an eighth, then
 * scaled by the whole GPU in GiB (rounded up) and rounded to the nearest GB, halves up. Done
 * in integers so that no floating-point edge can move a name.
 */
char *mig_catalog_derive_name(char *buf, size_t buflen, unsigned slices, unsigned memory_mib,
			      unsigned total_mib, mig_profile_variant v)
{
	unsigned long long eighths, gib, gb = 0;

	if (total_mib) {
		eighths = (8ull * memory_mib + total_mib - 1) / total_mib;
		gib = (total_mib + 1023ull) / 1024;
		gb = (eighths * gib + 4) / 8;
	}
	if (buf && buflen)
		snprintf(buf, buflen, "%ug.%llugb%s", slices, gb, mig_variant_suffix(v));
	return buf;
}
