/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Catalog: H100 (Hopper GH100, 8 memory slices / 7 compute slices).
 *
 * Written from the project reference (mig-geometry.json/.md, itself gathered from the
 * NVIDIA sources named above each GPU). These tables are now the source of truth: edit
 * them here, and keep tests/unit/test_catalog_tables.c passing.
 */
#include "catalog_internal.h"

#include "banned.h"

/*
 * NVIDIA H100 80GB HBM3: H100-SXM5-80GB
 *
 * Sources (from the reference catalog, which names them):
 * - public nvidia-smi notes for 'NVIDIA H100 80GB HBM3' with lgip, lgipp, lgi and lci
 *   (repository not identified); same lgip in https://jbarrow.ai/field_notes/nvidia-mig/
 * - https://cloud.google.com/compute/docs/gpus/create-gpu-vm-accelerator-optimized (H100 80GB
 *   lgip and MIG devices, driver 525.125.06)
 * - MIG User Guide, MPS example on 'NVIDIA H100 80GB HBM3', driver 580.65.06 (3g.40gb device:
 *   40448 MiB, 60 SMs, CE3/DEC3/JPG3)
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.html
 * - public script comments for 'NVIDIA H100 80GB HBM3': '-cgi 15 -C' creates CI 'MIG 1g.20gb
 *   (ID 7)' (repository not identified)
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 * - https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html
 * - scaleway/docs-content pages/gpu/how-to/use-nvidia-mig-technology.mdx (H100 PCIe lgip,
 *   lgipp, MIG devices; driver 525.125.06)
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/mig-device-names.html
 */
static const mig_ci_profile h100_sxm5_80gb_ci_1g_10gb[] = {
	{ .name = "1g.10gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0) },
};

static const mig_ci_profile h100_sxm5_80gb_ci_1g_10gb_me[] = {
	{ .name = "1g.10gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_sxm5_80gb_ci_1g_20gb[] = {
	{ .name = "1c.1g.20gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.20gb", .nvml_profile = MIG_NVML_CI_1_SLICE_REV1, .slices = 1, .sms = 26,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0) },
};

static const mig_ci_profile h100_sxm5_80gb_ci_2g_20gb[] = {
	{ .name = "1c.2g.20gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.20gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_sxm5_80gb_ci_3g_40gb[] = {
	{ .name = "1c.3g.40gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.3g.40gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.40gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 60,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_sxm5_80gb_ci_4g_40gb[] = {
	{ .name = "1c.4g.40gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 4, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.4g.40gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.40gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 64,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_sxm5_80gb_ci_7g_80gb[] = {
	{ .name = "1c.7g.80gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 7, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3_4_5_6),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.7g.80gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3c.7g.80gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 60,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4c.7g.80gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 64,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.80gb", .nvml_profile = MIG_NVML_CI_7_SLICE, .slices = 7, .sms = 132,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p7_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile h100_sxm5_80gb_gi[] = {
	{ .name = "1g.10gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 19,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 1, .memory_mib = 9984, .sms = 16,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 7,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6),
	  MIG_CAT_CI_PROFILES(h100_sxm5_80gb_ci_1g_10gb),
	  .memory_seen = "9856 MiB: driver 525.125.06 (9.62 GiB)" },
	{ .name = "1g.10gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 20,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 1, .memory_mib = 9984, .sms = 16,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6),
	  MIG_CAT_CI_PROFILES(h100_sxm5_80gb_ci_1g_10gb_me),
	  .memory_seen = "9856 MiB: driver 525.125.06" },
	{ .name = "1g.20gb", .nvml_profile = MIG_NVML_GI_1_SLICE_REV2, .id = 15,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 2, .memory_mib = 20096,
	  .sms = 26, .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4_6), MIG_CAT_CI_PROFILES(h100_sxm5_80gb_ci_1g_20gb),
	  .note = "26 SMs although it is a 1-compute-slice profile; its default CI is CI profile "
		"ID 7 (1_SLICE_REV1)",
	  .memory_seen = "19968 MiB: driver 525.125.06 (19.50 GiB)" },
	{ .name = "2g.20gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 2, .memory_mib = 20096,
	  .sms = 32, .ce = 2, .dec = 2, .enc = 0, .jpg = 2, .ofa = 0, .max_count = 3,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4), MIG_CAT_CI_PROFILES(h100_sxm5_80gb_ci_2g_20gb),
	  .memory_seen = "19968 MiB: driver 525.125.06" },
	{ .name = "3g.40gb", .nvml_profile = MIG_NVML_GI_3_SLICE, .id = 9,
	  .variant = MIG_VARIANT_PLAIN, .slices = 3, .mem_slices = 4, .memory_mib = 40448,
	  .sms = 60, .ce = 3, .dec = 3, .enc = 0, .jpg = 3, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0_4), MIG_CAT_CI_PROFILES(h100_sxm5_80gb_ci_3g_40gb),
	  .memory_seen = "40192 MiB: driver 525.125.06 (39.25 GiB)" },
	{ .name = "4g.40gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 4, .memory_mib = 40448,
	  .sms = 64, .ce = 4, .dec = 4, .enc = 0, .jpg = 4, .ofa = 0, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0), MIG_CAT_CI_PROFILES(h100_sxm5_80gb_ci_4g_40gb) },
	{ .name = "7g.80gb", .nvml_profile = MIG_NVML_GI_7_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 7, .mem_slices = 8, .memory_mib = 81152,
	  .sms = 132, .ce = 8, .dec = 7, .enc = 0, .jpg = 7, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p8_at_0), MIG_CAT_CI_PROFILES(h100_sxm5_80gb_ci_7g_80gb) },
};

static const mig_pci_id h100_sxm5_80gb_pci[] = {
	{ 0x233010DE, "H100 SXM5 80GB" },
	{ 0x232410DE, "H800" },
};

static const char *const h100_sxm5_80gb_aliases[] = { "h100-80gb", "h100", "h100-sxm5", "h100-sxm",
	NULL };
static const char *const h100_sxm5_80gb_nvml_other[] = {
	"NVIDIA H800",
	NULL
};

const mig_gpu mig_catalog__h100_sxm5_80gb = {
	.key = "h100-sxm5-80gb",
	.aliases = h100_sxm5_80gb_aliases,
	.product = "H100-SXM5-80GB",
	.nvml_name = "NVIDIA H100 80GB HBM3",
	.nvml_names_other = h100_sxm5_80gb_nvml_other,
	MIG_CAT_PCI_IDS(h100_sxm5_80gb_pci),
	.arch = MIG_ARCH_HOPPER,
	.architecture = "Hopper (GH100), compute capability 9.0",
	.sms = 132,
	.sms_in_largest_gi = 132,
	.memory_mib = 81559,
	.memory_slices = 8,
	.compute_slices = 7,
	.l2_mb = 50,
	.max_gpu_instances = 7,
	MIG_CAT_GI_PROFILES(h100_sxm5_80gb_gi),
	.min_driver = "R525 (>= 525.85.12)",
	.sources =
		"public nvidia-smi notes for 'NVIDIA H100 80GB HBM3' with lgip, lgipp, lgi and lci "
		"(repository not identified); same lgip in "
		"https://jbarrow.ai/field_notes/nvidia-mig/; "
		"https://cloud.google.com/compute/docs/gpus/create-gpu-vm-accelerator-optimized "
		"(H100 80GB lgip and MIG devices, driver 525.125.06); "
		"MIG User Guide, MPS example on 'NVIDIA H100 80GB HBM3', driver 580.65.06 (3g.40gb "
		"device: 40448 MiB, 60 SMs, CE3/DEC3/JPG3); "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.htm"
		"l; "
		"public script comments for 'NVIDIA H100 80GB HBM3': '-cgi 15 -C' creates CI 'MIG "
		"1g.20gb (ID 7)' (repository not identified); "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts); "
		"https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html; "
		"scaleway/docs-content pages/gpu/how-to/use-nvidia-mig-technology.mdx (H100 PCIe "
		"lgip, lgipp, MIG devices; driver 525.125.06); "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/mig-device-names.html",
};

/*
 * NVIDIA H100 PCIe: H100-PCIe-80GB
 *
 * Sources (from the reference catalog, which names them):
 * - scaleway/docs-content pages/gpu/how-to/use-nvidia-mig-technology.mdx (H100 PCIe lgip,
 *   lgipp, MIG devices; driver 525.125.06)
 * - third-party notes with an H100 PCIe lgip at 9.75/19.62/39.50/79.25 GiB (newer driver;
 *   repository not identified)
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.html
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 * - https://docs.nvidia.com/launchpad/ai/h100-mig/latest/h100-mig-gpu.html
 * - https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html
 */
static const mig_ci_profile h100_pcie_80gb_ci_1g_10gb[] = {
	{ .name = "1g.10gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0) },
};

static const mig_ci_profile h100_pcie_80gb_ci_1g_10gb_me[] = {
	{ .name = "1g.10gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_pcie_80gb_ci_1g_20gb[] = {
	{ .name = "1c.1g.20gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.20gb", .nvml_profile = MIG_NVML_CI_1_SLICE_REV1, .slices = 1, .sms = 14,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_pcie_80gb_ci_2g_20gb[] = {
	{ .name = "1c.2g.20gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.20gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 30,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_pcie_80gb_ci_3g_40gb[] = {
	{ .name = "1c.3g.40gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.3g.40gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 30,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.40gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 46,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_pcie_80gb_ci_4g_40gb[] = {
	{ .name = "1c.4g.40gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 4, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.4g.40gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 30,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.40gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 62,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile h100_pcie_80gb_ci_7g_80gb[] = {
	{ .name = "1c.7g.80gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 7, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3_4_5_6),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.7g.80gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 30,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3c.7g.80gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 46,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4c.7g.80gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 62,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.80gb", .nvml_profile = MIG_NVML_CI_7_SLICE, .slices = 7, .sms = 114,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p7_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile h100_pcie_80gb_gi[] = {
	{ .name = "1g.10gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 19,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 1, .memory_mib = 9856, .sms = 14,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 7,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6),
	  MIG_CAT_CI_PROFILES(h100_pcie_80gb_ci_1g_10gb),
	  .memory_seen = "9984 MiB: newer driver (9.75 GiB)" },
	{ .name = "1g.10gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 20,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 1, .memory_mib = 9856, .sms = 14,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6),
	  MIG_CAT_CI_PROFILES(h100_pcie_80gb_ci_1g_10gb_me),
	  .memory_seen = "9984 MiB: newer driver" },
	{ .name = "1g.20gb", .nvml_profile = MIG_NVML_GI_1_SLICE_REV2, .id = 15,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 2, .memory_mib = 19968,
	  .sms = 14, .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4_6), MIG_CAT_CI_PROFILES(h100_pcie_80gb_ci_1g_20gb),
	  .note = "unlike the SXM5 part, 1g.20gb has the same 14 SMs as 1g.10gb on the PCIe part "
		"(seen on two drivers)",
	  .memory_seen = "20096 MiB: newer driver (19.62 GiB)" },
	{ .name = "2g.20gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 2, .memory_mib = 19968,
	  .sms = 30, .ce = 2, .dec = 2, .enc = 0, .jpg = 2, .ofa = 0, .max_count = 3,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4), MIG_CAT_CI_PROFILES(h100_pcie_80gb_ci_2g_20gb),
	  .memory_seen = "20096 MiB: newer driver" },
	{ .name = "3g.40gb", .nvml_profile = MIG_NVML_GI_3_SLICE, .id = 9,
	  .variant = MIG_VARIANT_PLAIN, .slices = 3, .mem_slices = 4, .memory_mib = 40192,
	  .sms = 46, .ce = 3, .dec = 3, .enc = 0, .jpg = 3, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0_4), MIG_CAT_CI_PROFILES(h100_pcie_80gb_ci_3g_40gb),
	  .memory_seen = "40448 MiB: newer driver (39.50 GiB)" },
	{ .name = "4g.40gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 4, .memory_mib = 40192,
	  .sms = 62, .ce = 4, .dec = 4, .enc = 0, .jpg = 4, .ofa = 0, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0), MIG_CAT_CI_PROFILES(h100_pcie_80gb_ci_4g_40gb),
	  .memory_seen = "40448 MiB: newer driver" },
	{ .name = "7g.80gb", .nvml_profile = MIG_NVML_GI_7_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 7, .mem_slices = 8, .memory_mib = 80896,
	  .sms = 114, .ce = 8, .dec = 7, .enc = 0, .jpg = 7, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p8_at_0), MIG_CAT_CI_PROFILES(h100_pcie_80gb_ci_7g_80gb),
	  .memory_seen = "81152 MiB: newer driver (79.25 GiB)" },
};

static const mig_pci_id h100_pcie_80gb_pci[] = {
	{ 0x233110DE, "H100 PCIe" },
	{ 0x232210DE, "H800 PCIe" },
};

static const char *const h100_pcie_80gb_aliases[] = { "h100-pcie", NULL };
static const char *const h100_pcie_80gb_nvml_other[] = {
	"NVIDIA H800 PCIe",
	NULL
};

const mig_gpu mig_catalog__h100_pcie_80gb = {
	.key = "h100-pcie-80gb",
	.aliases = h100_pcie_80gb_aliases,
	.product = "H100-PCIe-80GB",
	.nvml_name = "NVIDIA H100 PCIe",
	.nvml_names_other = h100_pcie_80gb_nvml_other,
	MIG_CAT_PCI_IDS(h100_pcie_80gb_pci),
	.arch = MIG_ARCH_HOPPER,
	.architecture = "Hopper (GH100), compute capability 9.0",
	.sms = 114,
	.sms_in_largest_gi = 114,
	.memory_mib = 81559,
	.memory_slices = 8,
	.compute_slices = 7,
	.l2_mb = 50,
	.max_gpu_instances = 7,
	MIG_CAT_GI_PROFILES(h100_pcie_80gb_gi),
	.min_driver = "R525 (>= 525.85.12)",
	.sources =
		"scaleway/docs-content pages/gpu/how-to/use-nvidia-mig-technology.mdx (H100 PCIe "
		"lgip, lgipp, MIG devices; driver 525.125.06); "
		"third-party notes with an H100 PCIe lgip at 9.75/19.62/39.50/79.25 GiB (newer "
		"driver; repository not identified); "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.htm"
		"l; "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts); "
		"https://docs.nvidia.com/launchpad/ai/h100-mig/latest/h100-mig-gpu.html; "
		"https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html",
};
