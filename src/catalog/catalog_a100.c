/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Catalog: A100 (Ampere GA100, 8 memory slices / 7 compute slices).
 *
 * Written from the project reference (mig-geometry.json/.md, itself gathered from the
 * NVIDIA sources named above each GPU). These tables are now the source of truth: edit
 * them here, and keep tests/unit/test_catalog_tables.c passing.
 */
#include "catalog_internal.h"

#include "banned.h"

/*
 * NVIDIA A100-SXM4-40GB: A100-SXM4-40GB / A100-PCIE-40GB
 *
 * Sources (from the reference catalog, which names them):
 * - NVIDIA/go-nvml pkg/nvml/mock/dgxa100/mig-profile.go at commit 37bdc54 (commit b72647c:
 *   'real values for GI and CI profiles' taken from a DGX A100 40GB)
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.html
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/getting-started-with-mig.html
 * - https://forums.developer.nvidia.com/t/why-mig-instances-can-only-sum-up-to-98-sms-instead-of-the-108-sms-available/170488
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/mig-device-names.html
 */
static const mig_ci_profile a100_40gb_ci_1g_5gb[] = {
	{ .name = "1g.5gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0) },
};

static const mig_ci_profile a100_40gb_ci_1g_5gb_me[] = {
	{ .name = "1g.5gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile a100_40gb_ci_1g_10gb[] = {
	{ .name = "1g.10gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0) },
};

static const mig_ci_profile a100_40gb_ci_2g_10gb[] = {
	{ .name = "1c.2g.10gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.10gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 28,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile a100_40gb_ci_3g_20gb[] = {
	{ .name = "1c.3g.20gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.3g.20gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 28,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.20gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 42,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile a100_40gb_ci_4g_20gb[] = {
	{ .name = "1c.4g.20gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 4, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.4g.20gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 28,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.20gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 56,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile a100_40gb_ci_7g_40gb[] = {
	{ .name = "1c.7g.40gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 7, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3_4_5_6),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.7g.40gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 28,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2_4),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3c.7g.40gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 42,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0_4),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4c.7g.40gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 56,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.40gb", .nvml_profile = MIG_NVML_CI_7_SLICE, .slices = 7, .sms = 98,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p7_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile a100_40gb_gi[] = {
	{ .name = "1g.5gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 19,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 1, .memory_mib = 4864, .sms = 14,
	  .ce = 1, .dec = 0, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 7,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6), MIG_CAT_CI_PROFILES(a100_40gb_ci_1g_5gb) },
	{ .name = "1g.5gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 20,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 1, .memory_mib = 4864, .sms = 14,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6), MIG_CAT_CI_PROFILES(a100_40gb_ci_1g_5gb_me),
	  .note = "holds the GPU's only JPEG and OFA engine; at most one per GPU; needs R470 or "
		"later" },
	{ .name = "1g.10gb", .nvml_profile = MIG_NVML_GI_1_SLICE_REV2, .id = 15,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 2, .memory_mib = 9856, .sms = 14,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4_6), MIG_CAT_CI_PROFILES(a100_40gb_ci_1g_10gb),
	  .note = "one compute slice on two memory slices; the user guide says R525 or later" },
	{ .name = "2g.10gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 2, .memory_mib = 9856, .sms = 28,
	  .ce = 2, .dec = 1, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 3,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4), MIG_CAT_CI_PROFILES(a100_40gb_ci_2g_10gb),
	  .memory_seen = "9984 MiB: R450-era drivers (nvidia-smi 9.75 GiB)" },
	{ .name = "3g.20gb", .nvml_profile = MIG_NVML_GI_3_SLICE, .id = 9,
	  .variant = MIG_VARIANT_PLAIN, .slices = 3, .mem_slices = 4, .memory_mib = 19968,
	  .sms = 42, .ce = 3, .dec = 2, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0_4), MIG_CAT_CI_PROFILES(a100_40gb_ci_3g_20gb),
	  .memory_seen = "20096 MiB: R450-era drivers (19.62 GiB)" },
	{ .name = "4g.20gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 4, .memory_mib = 19968,
	  .sms = 56, .ce = 4, .dec = 2, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0), MIG_CAT_CI_PROFILES(a100_40gb_ci_4g_20gb),
	  .memory_seen = "20096 MiB: R450-era drivers (19.62 GiB)" },
	{ .name = "7g.40gb", .nvml_profile = MIG_NVML_GI_7_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 7, .mem_slices = 8, .memory_mib = 40192,
	  .sms = 98, .ce = 7, .dec = 5, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p8_at_0), MIG_CAT_CI_PROFILES(a100_40gb_ci_7g_40gb),
	  .memory_seen = "40448 MiB: R450-era drivers (39.50 GiB)" },
};

static const mig_pci_id a100_40gb_pci[] = {
	{ 0x20B010DE, "A100 SXM4 40GB" },
	{ 0x20B110DE, "A100 PCIe 40GB" },
	{ 0x20F110DE, "A100 PCIe 40GB" },
	{ 0x20BD10DE, "A800 SXM4 40GB" },
	{ 0x20F610DE, "A800 40GB PCIe" },
};

static const char *const a100_40gb_aliases[] = { "a100-sxm4-40gb", "a100-pcie-40gb", NULL };
static const char *const a100_40gb_nvml_other[] = {
	"A100-SXM4-40GB",
	"NVIDIA A100-PCIE-40GB",
	NULL
};

const mig_gpu mig_catalog__a100_40gb = {
	.key = "a100-40gb",
	.aliases = a100_40gb_aliases,
	.product = "A100-SXM4-40GB / A100-PCIE-40GB",
	.nvml_name = "NVIDIA A100-SXM4-40GB",
	.nvml_names_other = a100_40gb_nvml_other,
	MIG_CAT_PCI_IDS(a100_40gb_pci),
	.arch = MIG_ARCH_AMPERE,
	.architecture = "Ampere (GA100), compute capability 8.0",
	.sms = 108,
	.sms_in_largest_gi = 98,
	.memory_mib = 40537,
	.memory_slices = 8,
	.compute_slices = 7,
	.l2_mb = 40,
	.max_gpu_instances = 7,
	MIG_CAT_GI_PROFILES(a100_40gb_gi),
	.unconfirmed = MIG_UNCONFIRMED_L2,
	.min_driver = "R450 (>= 450.80.02)",
	.sources =
		"NVIDIA/go-nvml pkg/nvml/mock/dgxa100/mig-profile.go at commit 37bdc54 (commit "
		"b72647c: 'real values for GI and CI profiles' taken from a DGX A100 40GB); "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.htm"
		"l; "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/getting-started-with-mig.h"
		"tml; "
		"https://forums.developer.nvidia.com/t/why-mig-instances-can-only-sum-up-to-98-sms-"
		"instead-of-the-108-sms-available/170488; "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts); "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/mig-device-names.html",
};

/*
 * NVIDIA A100-SXM4-80GB: A100-SXM4-80GB / A100-PCIe-80GB
 *
 * Sources (from the reference catalog, which names them):
 * - https://github.com/NVIDIA/mig-parted/issues/97
 * - blog post 'Dense Model Serving on AWS EKS with Triton, vLLM, and GPU slicing' (D.
 *   Salvagni, Nov 2025), A100 80GB lgip
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.html
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/getting-started-with-mig.html
 * - NVIDIA/go-nvml pkg/nvml/mock/dgxa100/mig-profile.go at commit 37bdc54 (commit b72647c:
 *   'real values for GI and CI profiles' taken from a DGX A100 40GB)
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 * - https://github.com/NVIDIA/gpu-operator/issues/351
 * - https://github.com/NVIDIA/DCGM/issues/138
 */
static const mig_ci_profile a100_80gb_ci_1g_10gb[] = {
	{ .name = "1g.10gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0) },
};

static const mig_ci_profile a100_80gb_ci_1g_10gb_me[] = {
	{ .name = "1g.10gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile a100_80gb_ci_1g_20gb[] = {
	{ .name = "1g.20gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0) },
};

static const mig_ci_profile a100_80gb_ci_2g_20gb[] = {
	{ .name = "1c.2g.20gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.20gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 28,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile a100_80gb_ci_3g_40gb[] = {
	{ .name = "1c.3g.40gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.3g.40gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 28,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.40gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 42,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile a100_80gb_ci_4g_40gb[] = {
	{ .name = "1c.4g.40gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 4, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.4g.40gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 28,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.40gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 56,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile a100_80gb_ci_7g_80gb[] = {
	{ .name = "1c.7g.80gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 14,
	  .max_count = 7, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3_4_5_6),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.7g.80gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 28,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3c.7g.80gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 42,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4c.7g.80gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 56,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.80gb", .nvml_profile = MIG_NVML_CI_7_SLICE, .slices = 7, .sms = 98,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p7_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile a100_80gb_gi[] = {
	{ .name = "1g.10gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 19,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 1, .memory_mib = 9728, .sms = 14,
	  .ce = 1, .dec = 0, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 7,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6), MIG_CAT_CI_PROFILES(a100_80gb_ci_1g_10gb) },
	{ .name = "1g.10gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 20,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 1, .memory_mib = 9728, .sms = 14,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6),
	  MIG_CAT_CI_PROFILES(a100_80gb_ci_1g_10gb_me) },
	{ .name = "1g.20gb", .nvml_profile = MIG_NVML_GI_1_SLICE_REV2, .id = 15,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 2, .memory_mib = 19968,
	  .sms = 14, .ce = 1, .dec = 1, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4_6), MIG_CAT_CI_PROFILES(a100_80gb_ci_1g_20gb) },
	{ .name = "2g.20gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 2, .memory_mib = 19968,
	  .sms = 28, .ce = 2, .dec = 1, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 3,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4), MIG_CAT_CI_PROFILES(a100_80gb_ci_2g_20gb) },
	{ .name = "3g.40gb", .nvml_profile = MIG_NVML_GI_3_SLICE, .id = 9,
	  .variant = MIG_VARIANT_PLAIN, .slices = 3, .mem_slices = 4, .memory_mib = 40192,
	  .sms = 42, .ce = 3, .dec = 2, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0_4), MIG_CAT_CI_PROFILES(a100_80gb_ci_3g_40gb) },
	{ .name = "4g.40gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 4, .memory_mib = 40192,
	  .sms = 56, .ce = 4, .dec = 2, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0), MIG_CAT_CI_PROFILES(a100_80gb_ci_4g_40gb) },
	{ .name = "7g.80gb", .nvml_profile = MIG_NVML_GI_7_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 7, .mem_slices = 8, .memory_mib = 80896,
	  .sms = 98, .ce = 7, .dec = 5, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p8_at_0), MIG_CAT_CI_PROFILES(a100_80gb_ci_7g_80gb),
	  .note = "an early driver named this profile 7g.79gb (gpu-operator #351)" },
};

static const mig_pci_id a100_80gb_pci[] = {
	{ 0x20B210DE, "A100 SXM4 80GB" },
	{ 0x20B510DE, "A100 PCIe 80GB" },
	{ 0x20F310DE, "A800 SXM4 80GB" },
	{ 0x20F510DE, "A800 80GB PCIe" },
};

static const char *const a100_80gb_aliases[] = { "a100", "a100-sxm4-80gb", "a100-pcie-80gb", NULL };
static const char *const a100_80gb_nvml_other[] = {
	"NVIDIA A100 80GB PCIe",
	NULL
};

const mig_gpu mig_catalog__a100_80gb = {
	.key = "a100-80gb",
	.aliases = a100_80gb_aliases,
	.product = "A100-SXM4-80GB / A100-PCIe-80GB",
	.nvml_name = "NVIDIA A100-SXM4-80GB",
	.nvml_names_other = a100_80gb_nvml_other,
	MIG_CAT_PCI_IDS(a100_80gb_pci),
	.arch = MIG_ARCH_AMPERE,
	.architecture = "Ampere (GA100), compute capability 8.0",
	.sms = 108,
	.sms_in_largest_gi = 98,
	.memory_mib = 81920,
	.memory_slices = 8,
	.compute_slices = 7,
	.l2_mb = 40,
	.max_gpu_instances = 7,
	MIG_CAT_GI_PROFILES(a100_80gb_gi),
	.unconfirmed = MIG_UNCONFIRMED_L2,
	.min_driver = "R450 (>= 450.80.02)",
	.sources =
		"https://github.com/NVIDIA/mig-parted/issues/97; "
		"blog post 'Dense Model Serving on AWS EKS with Triton, vLLM, and GPU slicing' (D. "
		"Salvagni, Nov 2025), A100 80GB lgip; "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.htm"
		"l; "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/getting-started-with-mig.h"
		"tml; "
		"NVIDIA/go-nvml pkg/nvml/mock/dgxa100/mig-profile.go at commit 37bdc54 (commit "
		"b72647c: 'real values for GI and CI profiles' taken from a DGX A100 40GB); "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts); "
		"https://github.com/NVIDIA/gpu-operator/issues/351; "
		"https://github.com/NVIDIA/DCGM/issues/138",
};
