/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Catalog: B200 and GB200 (Blackwell GB100, 8 memory slices / 7 compute slices).
 *
 * Written from the project reference (mig-geometry.json/.md, itself gathered from the
 * NVIDIA sources named above each GPU). These tables are now the source of truth: edit
 * them here, and keep tests/unit/test_catalog_tables.c passing.
 */
#include "catalog_internal.h"

#include "banned.h"

/*
 * NVIDIA B200: B200 (HGX B200, 180GB)
 *
 * Sources (from the reference catalog, which names them):
 * - https://github.com/NVIDIA/gpu-operator/pull/1242 (also NVIDIA/mig-parted#166)
 * - https://github.com/NVIDIA/gpu-operator/pull/1351 (also NVIDIA/mig-parted#187)
 * - https://github.com/NVIDIA/gpu-operator/issues/2155
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.html
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 * - third-party device-query log for 'NVIDIA B200' (148 SMs, 182631 MiB, L2 129536 KiB),
 *   repository not identified
 *
 * Values no source gives (flagged unconfirmed):
 * - sms_in_largest_gi = 0: no source gives it (unknown: no listing shows the 7g.180gb row).
 * - 3g.90gb memory_mib = 90880: no source gives it; twice the memory of the next smaller
 *   placement size plus 256 MiB (the step H100 SXM5 shows), which gives this name.
 * - 4g.90gb memory_mib = 90880: no source gives it; twice the memory of the next smaller
 *   placement size plus 256 MiB (the step H100 SXM5 shows), which gives this name.
 * - 7g.180gb memory_mib = 182016: no source gives it; twice the memory of the next smaller
 *   placement size plus 256 MiB (the step H100 SXM5 shows), which gives this name.
 */
static const mig_ci_profile b200_180gb_ci_1g_23gb[] = {
	{ .name = "1g.23gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile b200_180gb_ci_1g_23gb_me[] = {
	{ .name = "1g.23gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile b200_180gb_ci_1g_45gb[] = {
	{ .name = "1c.1g.45gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.45gb", .nvml_profile = MIG_NVML_CI_1_SLICE_REV1, .slices = 1, .sms = 30,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile b200_180gb_ci_2g_45gb[] = {
	{ .name = "1c.2g.45gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.45gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 36,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile b200_180gb_ci_3g_90gb[] = {
	{ .name = "1c.3g.90gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.3g.90gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 36,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.90gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 0,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile b200_180gb_ci_4g_90gb[] = {
	{ .name = "1c.4g.90gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 4, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.4g.90gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 36,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.90gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 0,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile b200_180gb_ci_7g_180gb[] = {
	{ .name = "1c.7g.180gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 7, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3_4_5_6),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.7g.180gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 36,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3c.7g.180gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 0,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4c.7g.180gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 0,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.180gb", .nvml_profile = MIG_NVML_CI_7_SLICE, .slices = 7, .sms = 0,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p7_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile b200_180gb_gi[] = {
	{ .name = "1g.23gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 19,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 1, .memory_mib = 20992,
	  .sms = 18, .ce = 2, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 7,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6), MIG_CAT_CI_PROFILES(b200_180gb_ci_1g_23gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS,
	  .memory_seen = "22528 MiB: January-2025 driver (22.00 GiB)" },
	{ .name = "1g.23gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 20,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 1, .memory_mib = 20992, .sms = 18,
	  .ce = 2, .dec = 1, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6), MIG_CAT_CI_PROFILES(b200_180gb_ci_1g_23gb_me),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS,
	  .memory_seen = "22528 MiB: January-2025 driver" },
	{ .name = "1g.45gb", .nvml_profile = MIG_NVML_GI_1_SLICE_REV2, .id = 15,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 2, .memory_mib = 45312,
	  .sms = 30, .ce = 2, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4_6), MIG_CAT_CI_PROFILES(b200_180gb_ci_1g_45gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.45gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 2, .memory_mib = 45312,
	  .sms = 36, .ce = 4, .dec = 2, .enc = 0, .jpg = 2, .ofa = 0, .max_count = 3,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4), MIG_CAT_CI_PROFILES(b200_180gb_ci_2g_45gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS,
	  .note = "MIG guide table gives 3 copy engines / 1 NVDEC; nvidia-smi shows CE 4, DEC 2, "
		"JPG 2" },
	{ .name = "3g.90gb", .nvml_profile = MIG_NVML_GI_3_SLICE, .id = 9,
	  .variant = MIG_VARIANT_PLAIN, .slices = 3, .mem_slices = 4, .memory_mib = 90880, .sms = 0,
	  .ce = 6, .dec = 3, .enc = 0, .jpg = 3, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0_4), MIG_CAT_CI_PROFILES(b200_180gb_ci_3g_90gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS,
	  .note = "guide table: 6 CEs, 2 instances" },
	{ .name = "4g.90gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 4, .memory_mib = 90880, .sms = 0,
	  .ce = 8, .dec = 4, .enc = 0, .jpg = 4, .ofa = 0, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0), MIG_CAT_CI_PROFILES(b200_180gb_ci_4g_90gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS,
	  .note = "absent from the January-2025 driver; added by a later driver (gpu-operator "
		"#1351)" },
	{ .name = "7g.180gb", .nvml_profile = MIG_NVML_GI_7_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 7, .mem_slices = 8, .memory_mib = 182016,
	  .sms = 0, .ce = 16, .dec = 7, .enc = 0, .jpg = 7, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p8_at_0), MIG_CAT_CI_PROFILES(b200_180gb_ci_7g_180gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS,
	  .note = "guide table: 16 CEs, OFA 1" },
};

static const mig_pci_id b200_180gb_pci[] = {
	{ 0x290110DE, "B200" },
	{ 0x290910DE, "HGX B200 168GB (pci.ids)" },
};

static const char *const b200_180gb_aliases[] = { "b200", NULL };
static const char *const b200_180gb_nvml_other[] = { NULL };

const mig_gpu mig_catalog__b200_180gb = {
	.key = "b200-180gb",
	.aliases = b200_180gb_aliases,
	.product = "B200 (HGX B200, 180GB)",
	.nvml_name = "NVIDIA B200",
	.nvml_names_other = b200_180gb_nvml_other,
	MIG_CAT_PCI_IDS(b200_180gb_pci),
	.arch = MIG_ARCH_BLACKWELL,
	.architecture = "Blackwell (GB100), compute capability 10.0",
	.sms = 148,
	.sms_in_largest_gi = 0,
	.memory_mib = 183359,
	.memory_slices = 8,
	.compute_slices = 7,
	/* 126.5 MB in the device query; the field holds whole MB */
	.l2_mb = 126,
	.max_gpu_instances = 7,
	MIG_CAT_GI_PROFILES(b200_180gb_gi),
	.unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_L2,
	.min_driver = "R570 (>= 570.133.20)",
	.sources =
		"https://github.com/NVIDIA/gpu-operator/pull/1242 (also NVIDIA/mig-parted#166); "
		"https://github.com/NVIDIA/gpu-operator/pull/1351 (also NVIDIA/mig-parted#187); "
		"https://github.com/NVIDIA/gpu-operator/issues/2155; "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.htm"
		"l; "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts); "
		"third-party device-query log for 'NVIDIA B200' (148 SMs, 182631 MiB, L2 129536 "
		"KiB), repository not identified",
};

/*
 * NVIDIA GB200: GB200 (HGX/NVL GB200 GPU, 186GB)
 *
 * Sources (from the reference catalog, which names them):
 * - https://github.com/NVIDIA/mig-parted/issues/227 (fix in PR #228)
 * - https://github.com/NVIDIA/gpu-operator/pull/1303
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-gpus.html
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 *
 * Values no source gives (flagged unconfirmed):
 * - memory_mib = 189471: no source gives it; chosen so that the total rounds up to 186 GiB, as
 *   the 7g.186gb name requires (any value in 189441..190464 does).
 * - sms = 0: no source gives it (unknown).
 * - sms_in_largest_gi = 0: no source gives it (unknown).
 * - 3g.93gb memory_mib = 93440: no source gives it; twice the memory of the next smaller
 *   placement size plus 256 MiB (the step H100 SXM5 shows), which gives this name.
 * - 4g.93gb memory_mib = 93440: no source gives it; twice the memory of the next smaller
 *   placement size plus 256 MiB (the step H100 SXM5 shows), which gives this name.
 * - 7g.186gb memory_mib = 187136: no source gives it; twice the memory of the next smaller
 *   placement size plus 256 MiB (the step H100 SXM5 shows), which gives this name.
 */
static const mig_ci_profile gb200_186gb_ci_1g_23gb[] = {
	{ .name = "1g.23gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gb200_186gb_ci_1g_23gb_me[] = {
	{ .name = "1g.23gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gb200_186gb_ci_1g_47gb[] = {
	{ .name = "1c.1g.47gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.47gb", .nvml_profile = MIG_NVML_CI_1_SLICE_REV1, .slices = 1, .sms = 32,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gb200_186gb_ci_2g_47gb[] = {
	{ .name = "1c.2g.47gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.47gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 38,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gb200_186gb_ci_3g_93gb[] = {
	{ .name = "1c.3g.93gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.3g.93gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 38,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.93gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 0,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gb200_186gb_ci_4g_93gb[] = {
	{ .name = "1c.4g.93gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 4, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.4g.93gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 38,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.93gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 0,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gb200_186gb_ci_7g_186gb[] = {
	{ .name = "1c.7g.186gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 18,
	  .max_count = 7, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3_4_5_6),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.7g.186gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 38,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3c.7g.186gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 0,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4c.7g.186gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 0,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.186gb", .nvml_profile = MIG_NVML_CI_7_SLICE, .slices = 7, .sms = 0,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p7_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile gb200_186gb_gi[] = {
	{ .name = "1g.23gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 19,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 1, .memory_mib = 22528,
	  .sms = 18, .ce = 2, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 7,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6), MIG_CAT_CI_PROFILES(gb200_186gb_ci_1g_23gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS,
	  .memory_seen = "20480 MiB: early driver named this 1g.24gb (20.00 GiB), gpu-operator "
		"#1303" },
	{ .name = "1g.23gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 20,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 1, .memory_mib = 22528, .sms = 18,
	  .ce = 2, .dec = 1, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6),
	  MIG_CAT_CI_PROFILES(gb200_186gb_ci_1g_23gb_me), .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS,
	  .memory_seen = "20480 MiB: early driver (1g.24gb+me)" },
	{ .name = "1g.47gb", .nvml_profile = MIG_NVML_GI_1_SLICE_REV2, .id = 15,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 2, .memory_mib = 46592,
	  .sms = 32, .ce = 2, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4_6), MIG_CAT_CI_PROFILES(gb200_186gb_ci_1g_47gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.47gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 2, .memory_mib = 46592,
	  .sms = 38, .ce = 4, .dec = 2, .enc = 0, .jpg = 2, .ofa = 0, .max_count = 3,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4), MIG_CAT_CI_PROFILES(gb200_186gb_ci_2g_47gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.93gb", .nvml_profile = MIG_NVML_GI_3_SLICE, .id = 9,
	  .variant = MIG_VARIANT_PLAIN, .slices = 3, .mem_slices = 4, .memory_mib = 93440, .sms = 0,
	  .ce = 6, .dec = 3, .enc = 0, .jpg = 3, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0_4), MIG_CAT_CI_PROFILES(gb200_186gb_ci_3g_93gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS,
	  .note = "early driver name 3g.95gb" },
	{ .name = "4g.93gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 4, .memory_mib = 93440, .sms = 0,
	  .ce = 8, .dec = 4, .enc = 0, .jpg = 4, .ofa = 0, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0), MIG_CAT_CI_PROFILES(gb200_186gb_ci_4g_93gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS,
	  .note = "early driver name 4g.95gb" },
	{ .name = "7g.186gb", .nvml_profile = MIG_NVML_GI_7_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 7, .mem_slices = 8, .memory_mib = 187136,
	  .sms = 0, .ce = 16, .dec = 7, .enc = 0, .jpg = 7, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p8_at_0), MIG_CAT_CI_PROFILES(gb200_186gb_ci_7g_186gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS,
	  .note = "early driver name 7g.189gb" },
};

static const mig_pci_id gb200_186gb_pci[] = {
	{ 0x294110DE, "HGX GB200" },
};

static const char *const gb200_186gb_aliases[] = { "gb200", NULL };
static const char *const gb200_186gb_nvml_other[] = { NULL };

const mig_gpu mig_catalog__gb200_186gb = {
	.key = "gb200-186gb",
	.aliases = gb200_186gb_aliases,
	.product = "GB200 (HGX/NVL GB200 GPU, 186GB)",
	.nvml_name = "NVIDIA GB200",
	.nvml_names_other = gb200_186gb_nvml_other,
	MIG_CAT_PCI_IDS(gb200_186gb_pci),
	.arch = MIG_ARCH_BLACKWELL,
	.architecture = "Blackwell (GB100), compute capability 10.0",
	.sms = 0,
	.sms_in_largest_gi = 0,
	.memory_mib = 189471,
	.memory_slices = 8,
	.compute_slices = 7,
	.l2_mb = 0,
	.max_gpu_instances = 7,
	MIG_CAT_GI_PROFILES(gb200_186gb_gi),
	.unconfirmed = MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_L2,
	.min_driver = "R570 (>= 570.133.20)",
	.sources =
		"https://github.com/NVIDIA/mig-parted/issues/227 (fix in PR #228); "
		"https://github.com/NVIDIA/gpu-operator/pull/1303; "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-gpus.html; "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts)",
};
