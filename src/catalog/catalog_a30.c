/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Catalog: A30 (Ampere GA100, 4 memory slices / 4 compute slices).
 *
 * Written from the project reference (mig-geometry.json/.md, itself gathered from the
 * NVIDIA sources named above each GPU). These tables are now the source of truth: edit
 * them here, and keep tests/unit/test_catalog_tables.c passing.
 */
#include "catalog_internal.h"

#include "banned.h"

/*
 * NVIDIA A30: A30-24GB
 *
 * Sources (from the reference catalog, which names them):
 * - Summer-Lo/Docker_configuration 000-MIG/README.md (A30 lgip and lgipp)
 * - rohitralhan/RHOAI-NVIDIA-MIG-GPU README.md (A30 MIG device table, driver 550.90.07)
 * - third-party notes with an A30 lgip that includes 2g.12gb+me as ID 6 (repository not
 *   identified)
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.html
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 * - NVIDIA/go-nvml pkg/nvml/mock/gpus/{a100,a30,h100,h200,b200}.go (synthetic mocks; several
 *   values contradict real hardware, see section 6)
 */
static const mig_ci_profile a30_24gb_ci_1g_6gb[] = {
	{ .name = "1g.6gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0) },
};

static const mig_ci_profile a30_24gb_ci_1g_6gb_me[] = {
	{ .name = "1g.6gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile a30_24gb_ci_2g_12gb[] = {
	{ .name = "1c.2g.12gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.12gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 28,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile a30_24gb_ci_2g_12gb_me[] = {
	{ .name = "2g.12gb+me", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 28,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile a30_24gb_ci_4g_24gb[] = {
	{ .name = "1c.4g.24gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 4, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.4g.24gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 28,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.24gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 56,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile a30_24gb_gi[] = {
	{ .name = "1g.6gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 1, .memory_mib = 5952, .sms = 14,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3), MIG_CAT_CI_PROFILES(a30_24gb_ci_1g_6gb),
	  .note = "the user guide table says 0 NVDEC, but nvidia-smi on real A30s (incl. driver "
		"550.90.07) reports 1 DEC" },
	{ .name = "1g.6gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 21,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 1, .memory_mib = 5952, .sms = 14,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3), MIG_CAT_CI_PROFILES(a30_24gb_ci_1g_6gb_me) },
	{ .name = "2g.12gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 2, .memory_mib = 11968,
	  .sms = 28, .ce = 2, .dec = 2, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2), MIG_CAT_CI_PROFILES(a30_24gb_ci_2g_12gb) },
	{ .name = "2g.12gb+me", .nvml_profile = MIG_NVML_GI_2_SLICE_REV1, .id = 6,
	  .variant = MIG_VARIANT_ME, .slices = 2, .mem_slices = 2, .memory_mib = 11968, .sms = 28,
	  .ce = 2, .dec = 2, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2), MIG_CAT_CI_PROFILES(a30_24gb_ci_2g_12gb_me),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS,
	  .note = "R525 or later; placements assumed equal to 2g.12gb (the lgipp seen predates "
		"this profile)" },
	{ .name = "4g.24gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 4, .memory_mib = 24000,
	  .sms = 56, .ce = 4, .dec = 4, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0), MIG_CAT_CI_PROFILES(a30_24gb_ci_4g_24gb),
	  .memory_seen = "24064 MiB: another driver (23.50 GiB)" },
};

static const mig_pci_id a30_24gb_pci[] = {
	{ 0x20B710DE, "A30 PCIe" },
};

static const char *const a30_24gb_aliases[] = { "a30", NULL };
static const char *const a30_24gb_nvml_other[] = { NULL };

const mig_gpu mig_catalog__a30_24gb = {
	.key = "a30-24gb",
	.aliases = a30_24gb_aliases,
	.product = "A30-24GB",
	.nvml_name = "NVIDIA A30",
	.nvml_names_other = a30_24gb_nvml_other,
	MIG_CAT_PCI_IDS(a30_24gb_pci),
	.arch = MIG_ARCH_AMPERE,
	.architecture = "Ampere (GA100), compute capability 8.0",
	.sms = 56,
	.sms_in_largest_gi = 56,
	.memory_mib = 24576,
	.memory_slices = 4,
	.compute_slices = 4,
	.l2_mb = 24,
	.max_gpu_instances = 4,
	MIG_CAT_GI_PROFILES(a30_24gb_gi),
	.unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_L2,
	.min_driver = "R460 (>= 460.73.01)",
	.sources =
		"Summer-Lo/Docker_configuration 000-MIG/README.md (A30 lgip and lgipp); "
		"rohitralhan/RHOAI-NVIDIA-MIG-GPU README.md (A30 MIG device table, driver "
		"550.90.07); "
		"third-party notes with an A30 lgip that includes 2g.12gb+me as ID 6 (repository "
		"not identified); "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.htm"
		"l; "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts); "
		"NVIDIA/go-nvml pkg/nvml/mock/gpus/{a100,a30,h100,h200,b200}.go (synthetic mocks; "
		"several values contradict real hardware, see section 6)",
};
