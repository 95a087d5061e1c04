/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Catalog: H100 NVL 94GB (Hopper GH100, 8 memory slices / 7 compute slices).
 *
 * Written from the project reference (mig-geometry.json/.md, itself gathered from the
 * NVIDIA sources named above each GPU). These tables are now the source of truth: edit
 * them here, and keep tests/unit/test_catalog_tables.c passing.
 */
#include "catalog_internal.h"

#include "banned.h"

/*
 * NVIDIA H100 NVL: H100 NVL 94GB (also listed by NVIDIA as H100 94GB PCIe/SXM5)
 *
 * Sources (from the reference catalog, which names them):
 * - Azure Standard_NC40ads_H100_v5 MIG walkthrough (H100 NVL lgip, lgipp and MIG devices;
 *   driver 560.35.03; repository not identified)
 * - NVIDIA-style article on H100 NVL MIG (lgipp listing; ENC/OFA only in 1g.12gb+me and
 *   7g.94gb), repository not identified
 * - https://github.com/NVIDIA/gpu-operator/pull/900 (also #903)
 * - https://github.com/NVIDIA/mig-parted/pull/101
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.html
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 */
static const mig_ci_profile h100_nvl_94gb_ci_1g_12gb[] = {
	{ .name = "1g.12gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0) },
};

static const mig_ci_profile h100_nvl_94gb_ci_1g_12gb_me[] = {
	{ .name = "1g.12gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_nvl_94gb_ci_1g_24gb[] = {
	{ .name = "1c.1g.24gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.24gb", .nvml_profile = MIG_NVML_CI_1_SLICE_REV1, .slices = 1, .sms = 26,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_nvl_94gb_ci_2g_24gb[] = {
	{ .name = "1c.2g.24gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.24gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_nvl_94gb_ci_3g_47gb[] = {
	{ .name = "1c.3g.47gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.3g.47gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.47gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 60,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_nvl_94gb_ci_4g_47gb[] = {
	{ .name = "1c.4g.47gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 4, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.4g.47gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.47gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 64,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_nvl_94gb_ci_7g_94gb[] = {
	{ .name = "1c.7g.94gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 7, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3_4_5_6),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.7g.94gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3c.7g.94gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 60,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4c.7g.94gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 64,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.94gb", .nvml_profile = MIG_NVML_CI_7_SLICE, .slices = 7, .sms = 132,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p7_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile h100_nvl_94gb_gi[] = {
	{ .name = "1g.12gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 19,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 1, .memory_mib = 11008,
	  .sms = 16, .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 7,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6),
	  MIG_CAT_CI_PROFILES(h100_nvl_94gb_ci_1g_12gb) },
	{ .name = "1g.12gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 20,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 1, .memory_mib = 11008, .sms = 16,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6),
	  MIG_CAT_CI_PROFILES(h100_nvl_94gb_ci_1g_12gb_me) },
	{ .name = "1g.24gb", .nvml_profile = MIG_NVML_GI_1_SLICE_REV2, .id = 15,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 2, .memory_mib = 22144,
	  .sms = 26, .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4_6), MIG_CAT_CI_PROFILES(h100_nvl_94gb_ci_1g_24gb) },
	{ .name = "2g.24gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 2, .memory_mib = 22144,
	  .sms = 32, .ce = 2, .dec = 2, .enc = 0, .jpg = 2, .ofa = 0, .max_count = 3,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4), MIG_CAT_CI_PROFILES(h100_nvl_94gb_ci_2g_24gb) },
	{ .name = "3g.47gb", .nvml_profile = MIG_NVML_GI_3_SLICE, .id = 9,
	  .variant = MIG_VARIANT_PLAIN, .slices = 3, .mem_slices = 4, .memory_mib = 47488,
	  .sms = 60, .ce = 3, .dec = 3, .enc = 0, .jpg = 3, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0_4), MIG_CAT_CI_PROFILES(h100_nvl_94gb_ci_3g_47gb) },
	{ .name = "4g.47gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 4, .memory_mib = 47488,
	  .sms = 64, .ce = 4, .dec = 4, .enc = 0, .jpg = 4, .ofa = 0, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0), MIG_CAT_CI_PROFILES(h100_nvl_94gb_ci_4g_47gb) },
	{ .name = "7g.94gb", .nvml_profile = MIG_NVML_GI_7_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 7, .mem_slices = 8, .memory_mib = 95360,
	  .sms = 132, .ce = 8, .dec = 7, .enc = 0, .jpg = 7, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p8_at_0), MIG_CAT_CI_PROFILES(h100_nvl_94gb_ci_7g_94gb) },
};

static const mig_pci_id h100_nvl_94gb_pci[] = {
	{ 0x232110DE, "H100 NVL (pci.ids: H100L 94GB)" },
	{ 0x233A10DE, "H800 NVL (pci.ids: H800L 94GB)" },
	{ 0x233910DE, "H100 SXM5 94GB" },
};

static const char *const h100_nvl_94gb_aliases[] = { "h100-nvl", "h100-94gb", NULL };
static const char *const h100_nvl_94gb_nvml_other[] = {
	"NVIDIA H800 NVL",
	NULL
};

const mig_gpu mig_catalog__h100_nvl_94gb = {
	.key = "h100-nvl-94gb",
	.aliases = h100_nvl_94gb_aliases,
	.product = "H100 NVL 94GB (also listed by NVIDIA as H100 94GB PCIe/SXM5)",
	.nvml_name = "NVIDIA H100 NVL",
	.nvml_names_other = h100_nvl_94gb_nvml_other,
	MIG_CAT_PCI_IDS(h100_nvl_94gb_pci),
	.arch = MIG_ARCH_HOPPER,
	.architecture = "Hopper (GH100), compute capability 9.0",
	.sms = 132,
	.sms_in_largest_gi = 132,
	.memory_mib = 95830,
	.memory_slices = 8,
	.compute_slices = 7,
	.l2_mb = 0,
	.max_gpu_instances = 7,
	MIG_CAT_GI_PROFILES(h100_nvl_94gb_gi),
	.unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_L2,
	.min_driver = "R525 (>= 525.85.12)",
	.sources =
		"Azure Standard_NC40ads_H100_v5 MIG walkthrough (H100 NVL lgip, lgipp and MIG "
		"devices; driver 560.35.03; repository not identified); "
		"NVIDIA-style article on H100 NVL MIG (lgipp listing; ENC/OFA only in 1g.12gb+me "
		"and 7g.94gb), repository not identified; "
		"https://github.com/NVIDIA/gpu-operator/pull/900 (also #903); "
		"https://github.com/NVIDIA/mig-parted/pull/101; "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.htm"
		"l; "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts)",
};
