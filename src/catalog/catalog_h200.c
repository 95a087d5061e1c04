/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Catalog: H200 (Hopper GH100 with HBM3e, 8 memory slices / 7 compute slices).
 *
 * Written from the project reference (mig-geometry.json/.md, itself gathered from the
 * NVIDIA sources named above each GPU). These tables are now the source of truth: edit
 * them here, and keep tests/unit/test_catalog_tables.c passing.
 */
#include "catalog_internal.h"

#include "banned.h"

/*
 * NVIDIA H200: H200-SXM5-141GB
 *
 * Sources (from the reference catalog, which names them):
 * - https://github.com/NVIDIA/mig-parted/issues/120
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.html
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 */
static const mig_ci_profile h200_141gb_ci_1g_18gb[] = {
	{ .name = "1g.18gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h200_141gb_ci_1g_18gb_me[] = {
	{ .name = "1g.18gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h200_141gb_ci_1g_35gb[] = {
	{ .name = "1c.1g.35gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.35gb", .nvml_profile = MIG_NVML_CI_1_SLICE_REV1, .slices = 1, .sms = 26,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h200_141gb_ci_2g_35gb[] = {
	{ .name = "1c.2g.35gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.35gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h200_141gb_ci_3g_71gb[] = {
	{ .name = "1c.3g.71gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.3g.71gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.71gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 60,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h200_141gb_ci_4g_71gb[] = {
	{ .name = "1c.4g.71gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 4, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.4g.71gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.71gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 64,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h200_141gb_ci_7g_141gb[] = {
	{ .name = "1c.7g.141gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 7, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3_4_5_6),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.7g.141gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3c.7g.141gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 60,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4c.7g.141gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 64,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.141gb", .nvml_profile = MIG_NVML_CI_7_SLICE, .slices = 7, .sms = 132,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p7_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile h200_141gb_gi[] = {
	{ .name = "1g.18gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 19,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 1, .memory_mib = 16384,
	  .sms = 16, .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 7,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6), MIG_CAT_CI_PROFILES(h200_141gb_ci_1g_18gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.18gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 20,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 1, .memory_mib = 16384, .sms = 16,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6), MIG_CAT_CI_PROFILES(h200_141gb_ci_1g_18gb_me),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.35gb", .nvml_profile = MIG_NVML_GI_1_SLICE_REV2, .id = 15,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 2, .memory_mib = 33024,
	  .sms = 26, .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4_6), MIG_CAT_CI_PROFILES(h200_141gb_ci_1g_35gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.35gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 2, .memory_mib = 33024,
	  .sms = 32, .ce = 2, .dec = 2, .enc = 0, .jpg = 2, .ofa = 0, .max_count = 3,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4), MIG_CAT_CI_PROFILES(h200_141gb_ci_2g_35gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.71gb", .nvml_profile = MIG_NVML_GI_3_SLICE, .id = 9,
	  .variant = MIG_VARIANT_PLAIN, .slices = 3, .mem_slices = 4, .memory_mib = 71168,
	  .sms = 60, .ce = 3, .dec = 3, .enc = 0, .jpg = 3, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0_4), MIG_CAT_CI_PROFILES(h200_141gb_ci_3g_71gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.71gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 4, .memory_mib = 71168,
	  .sms = 64, .ce = 4, .dec = 4, .enc = 0, .jpg = 4, .ofa = 0, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0), MIG_CAT_CI_PROFILES(h200_141gb_ci_4g_71gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.141gb", .nvml_profile = MIG_NVML_GI_7_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 7, .mem_slices = 8, .memory_mib = 143104,
	  .sms = 132, .ce = 8, .dec = 7, .enc = 0, .jpg = 7, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p8_at_0), MIG_CAT_CI_PROFILES(h200_141gb_ci_7g_141gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_pci_id h200_141gb_pci[] = {
	{ 0x233510DE, "H200 SXM 141GB" },
};

static const char *const h200_141gb_aliases[] = { "h200", "h200-sxm", "h200-sxm5",
	"h200-sxm5-141gb", NULL };
static const char *const h200_141gb_nvml_other[] = { NULL };

const mig_gpu mig_catalog__h200_141gb = {
	.key = "h200-141gb",
	.aliases = h200_141gb_aliases,
	.product = "H200-SXM5-141GB",
	.nvml_name = "NVIDIA H200",
	.nvml_names_other = h200_141gb_nvml_other,
	MIG_CAT_PCI_IDS(h200_141gb_pci),
	.arch = MIG_ARCH_HOPPER,
	.architecture = "Hopper (GH100), compute capability 9.0",
	.sms = 132,
	.sms_in_largest_gi = 132,
	.memory_mib = 143771,
	.memory_slices = 8,
	.compute_slices = 7,
	.l2_mb = 0,
	.max_gpu_instances = 7,
	MIG_CAT_GI_PROFILES(h200_141gb_gi),
	.unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_L2,
	.min_driver = "R550 (>= 550.90.07)",
	.sources =
		"https://github.com/NVIDIA/mig-parted/issues/120; "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.htm"
		"l; "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts)",
};

/*
 * NVIDIA H200 NVL: H200 NVL 141GB
 *
 * Sources (from the reference catalog, which names them):
 * - NVIDIA AI Enterprise vGPU reference (MIG-backed vGPU tables for H200 NVL and H20)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-gpus.html
 *
 * Values no source gives (flagged unconfirmed):
 * - memory_mib = 143771: no source gives it; assumed equal to the H200 SXM, whose profile
 *   table it shares.
 * - sms = 132: no source gives it; assumed equal to the H200 SXM (its 7g.141gb is listed with
 *   132).
 * - sms_in_largest_gi = 132: no source gives it; the 7g.141gb row.
 */
static const mig_ci_profile h200_nvl_141gb_ci_1g_18gb[] = {
	{ .name = "1g.18gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h200_nvl_141gb_ci_1g_18gb_me[] = {
	{ .name = "1g.18gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h200_nvl_141gb_ci_1g_35gb[] = {
	{ .name = "1c.1g.35gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.35gb", .nvml_profile = MIG_NVML_CI_1_SLICE_REV1, .slices = 1, .sms = 26,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h200_nvl_141gb_ci_2g_35gb[] = {
	{ .name = "1c.2g.35gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.35gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h200_nvl_141gb_ci_3g_71gb[] = {
	{ .name = "1c.3g.71gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.3g.71gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.71gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 60,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h200_nvl_141gb_ci_4g_71gb[] = {
	{ .name = "1c.4g.71gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 4, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.4g.71gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.71gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 64,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h200_nvl_141gb_ci_7g_141gb[] = {
	{ .name = "1c.7g.141gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 7, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3_4_5_6),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.7g.141gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3c.7g.141gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 60,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4c.7g.141gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 64,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.141gb", .nvml_profile = MIG_NVML_CI_7_SLICE, .slices = 7, .sms = 132,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p7_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile h200_nvl_141gb_gi[] = {
	{ .name = "1g.18gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 19,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 1, .memory_mib = 16384,
	  .sms = 16, .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 7,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6),
	  MIG_CAT_CI_PROFILES(h200_nvl_141gb_ci_1g_18gb), .unconfirmed = MIG_UNCONFIRMED_ID |
	                 MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_ENGINES |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.18gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 20,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 1, .memory_mib = 16384, .sms = 16,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6),
	  MIG_CAT_CI_PROFILES(h200_nvl_141gb_ci_1g_18gb_me), .unconfirmed = MIG_UNCONFIRMED_ID |
	                 MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_ENGINES |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.35gb", .nvml_profile = MIG_NVML_GI_1_SLICE_REV2, .id = 15,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 2, .memory_mib = 33024,
	  .sms = 26, .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4_6), MIG_CAT_CI_PROFILES(h200_nvl_141gb_ci_1g_35gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.35gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 2, .memory_mib = 33024,
	  .sms = 32, .ce = 2, .dec = 2, .enc = 0, .jpg = 2, .ofa = 0, .max_count = 3,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4), MIG_CAT_CI_PROFILES(h200_nvl_141gb_ci_2g_35gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.71gb", .nvml_profile = MIG_NVML_GI_3_SLICE, .id = 9,
	  .variant = MIG_VARIANT_PLAIN, .slices = 3, .mem_slices = 4, .memory_mib = 71168,
	  .sms = 60, .ce = 3, .dec = 3, .enc = 0, .jpg = 3, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0_4), MIG_CAT_CI_PROFILES(h200_nvl_141gb_ci_3g_71gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.71gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 4, .memory_mib = 71168,
	  .sms = 64, .ce = 4, .dec = 4, .enc = 0, .jpg = 4, .ofa = 0, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0), MIG_CAT_CI_PROFILES(h200_nvl_141gb_ci_4g_71gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.141gb", .nvml_profile = MIG_NVML_GI_7_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 7, .mem_slices = 8, .memory_mib = 143104,
	  .sms = 132, .ce = 8, .dec = 7, .enc = 0, .jpg = 7, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p8_at_0), MIG_CAT_CI_PROFILES(h200_nvl_141gb_ci_7g_141gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_pci_id h200_nvl_141gb_pci[] = {
	{ 0x233B10DE, "H200 NVL" },
};

static const char *const h200_nvl_141gb_aliases[] = { "h200-nvl", NULL };
static const char *const h200_nvl_141gb_nvml_other[] = { NULL };

const mig_gpu mig_catalog__h200_nvl_141gb = {
	.key = "h200-nvl-141gb",
	.aliases = h200_nvl_141gb_aliases,
	.product = "H200 NVL 141GB",
	.nvml_name = "NVIDIA H200 NVL",
	.nvml_names_other = h200_nvl_141gb_nvml_other,
	MIG_CAT_PCI_IDS(h200_nvl_141gb_pci),
	.arch = MIG_ARCH_HOPPER,
	.architecture = "Hopper (GH100), compute capability 9.0",
	.sms = 132,
	.sms_in_largest_gi = 132,
	.memory_mib = 143771,
	.memory_slices = 8,
	.compute_slices = 7,
	.l2_mb = 0,
	.max_gpu_instances = 7,
	MIG_CAT_GI_PROFILES(h200_nvl_141gb_gi),
	.unconfirmed = MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_L2,
	.min_driver = "R550 (>= 550.90.07)",
	.sources =
		"NVIDIA AI Enterprise vGPU reference (MIG-backed vGPU tables for H200 NVL and "
		"H20); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts); "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-gpus.html",
};
