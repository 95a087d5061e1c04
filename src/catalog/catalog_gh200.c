/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Catalog: GH200 (the Hopper GPU of Grace Hopper, 8 memory slices / 7 compute slices).
 *
 * Written from the project reference (mig-geometry.json/.md, itself gathered from the
 * NVIDIA sources named above each GPU). These tables are now the source of truth: edit
 * them here, and keep tests/unit/test_catalog_tables.c passing.
 */
#include "catalog_internal.h"

#include "banned.h"

/*
 * NVIDIA GH200 480GB: GH200 (H100 96GB on Grace Hopper)
 *
 * Sources (from the reference catalog, which names them):
 * - kf-cuanschutz/NVIDIA_Grace_Hopper_benchmarking_logs_
 *   Daily_installs_loggings/Lessons_learned_from_the_slurm_MIG_installation_July_27th_.md
 *   (GH200 lgip; '-cgi 15 -C' makes CI profile ID 7)
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.html
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 */
static const mig_ci_profile gh200_96gb_ci_1g_12gb[] = {
	{ .name = "1g.12gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0) },
};

static const mig_ci_profile gh200_96gb_ci_1g_12gb_me[] = {
	{ .name = "1g.12gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gh200_96gb_ci_1g_24gb[] = {
	{ .name = "1c.1g.24gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.24gb", .nvml_profile = MIG_NVML_CI_1_SLICE_REV1, .slices = 1, .sms = 26,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0) },
};

static const mig_ci_profile gh200_96gb_ci_2g_24gb[] = {
	{ .name = "1c.2g.24gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.24gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gh200_96gb_ci_3g_48gb[] = {
	{ .name = "1c.3g.48gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.3g.48gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.48gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 60,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gh200_96gb_ci_4g_48gb[] = {
	{ .name = "1c.4g.48gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 4, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.4g.48gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.48gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 64,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gh200_96gb_ci_7g_96gb[] = {
	{ .name = "1c.7g.96gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 7, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3_4_5_6),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.7g.96gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3c.7g.96gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 60,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4c.7g.96gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 64,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.96gb", .nvml_profile = MIG_NVML_CI_7_SLICE, .slices = 7, .sms = 132,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p7_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile gh200_96gb_gi[] = {
	{ .name = "1g.12gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 19,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 1, .memory_mib = 11264,
	  .sms = 16, .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 7,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6), MIG_CAT_CI_PROFILES(gh200_96gb_ci_1g_12gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.12gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 20,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 1, .memory_mib = 11264, .sms = 16,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6), MIG_CAT_CI_PROFILES(gh200_96gb_ci_1g_12gb_me),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.24gb", .nvml_profile = MIG_NVML_GI_1_SLICE_REV2, .id = 15,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 2, .memory_mib = 23552,
	  .sms = 26, .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4_6), MIG_CAT_CI_PROFILES(gh200_96gb_ci_1g_24gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS,
	  .note = "'-cgi 15 -C' creates the CI with CI profile ID 7 (1_SLICE_REV1)" },
	{ .name = "2g.24gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 2, .memory_mib = 23552,
	  .sms = 32, .ce = 2, .dec = 2, .enc = 0, .jpg = 2, .ofa = 0, .max_count = 3,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4), MIG_CAT_CI_PROFILES(gh200_96gb_ci_2g_24gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.48gb", .nvml_profile = MIG_NVML_GI_3_SLICE, .id = 9,
	  .variant = MIG_VARIANT_PLAIN, .slices = 3, .mem_slices = 4, .memory_mib = 47616,
	  .sms = 60, .ce = 3, .dec = 3, .enc = 0, .jpg = 3, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0_4), MIG_CAT_CI_PROFILES(gh200_96gb_ci_3g_48gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.48gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 4, .memory_mib = 47616,
	  .sms = 64, .ce = 4, .dec = 4, .enc = 0, .jpg = 4, .ofa = 0, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0), MIG_CAT_CI_PROFILES(gh200_96gb_ci_4g_48gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.96gb", .nvml_profile = MIG_NVML_GI_7_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 7, .mem_slices = 8, .memory_mib = 95232,
	  .sms = 132, .ce = 8, .dec = 7, .enc = 0, .jpg = 7, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p8_at_0), MIG_CAT_CI_PROFILES(gh200_96gb_ci_7g_96gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_pci_id gh200_96gb_pci[] = {
	{ 0x234210DE, "GH200 120GB / 480GB" },
	{ 0x233D10DE, "H100 96GB" },
	{ 0x233810DE, "H100 SXM5 96GB" },
};

static const char *const gh200_96gb_aliases[] = { "gh200", "gh200-480gb", "gh200-120gb", NULL };
static const char *const gh200_96gb_nvml_other[] = {
	"NVIDIA GH200 120GB",
	NULL
};

const mig_gpu mig_catalog__gh200_96gb = {
	.key = "gh200-96gb",
	.aliases = gh200_96gb_aliases,
	.product = "GH200 (H100 96GB on Grace Hopper)",
	.nvml_name = "NVIDIA GH200 480GB",
	.nvml_names_other = gh200_96gb_nvml_other,
	MIG_CAT_PCI_IDS(gh200_96gb_pci),
	.arch = MIG_ARCH_HOPPER,
	.architecture = "Hopper (GH100), compute capability 9.0",
	.sms = 132,
	.sms_in_largest_gi = 132,
	.memory_mib = 97871,
	.memory_slices = 8,
	.compute_slices = 7,
	.l2_mb = 0,
	.max_gpu_instances = 7,
	MIG_CAT_GI_PROFILES(gh200_96gb_gi),
	.unconfirmed = MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_L2,
	.min_driver = "R525 (>= 525.85.12)",
	.sources =
		"kf-cuanschutz/NVIDIA_Grace_Hopper_benchmarking_logs_ "
		"Daily_installs_loggings/Lessons_learned_from_the_slurm_MIG_installation_July_27th_"
		".md (GH200 lgip; '-cgi 15 -C' makes CI profile ID 7); "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.htm"
		"l; "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts)",
};

/*
 * NVIDIA GH200 144G HBM3e: GH200 144G HBM3e
 *
 * Sources (from the reference catalog, which names them):
 * - https://github.com/NVIDIA/mig-parted/pull/139 (also NVIDIA/gpu-operator#1057)
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 *
 * Values no source gives (flagged unconfirmed):
 * - memory_mib = 147023: no source gives it; the 147456 MiB of HBM3e less the 433 MiB the
 *   driver keeps on the 96GB GH200 (97871 of 98304); any value in 146433..147456 names the
 *   profiles as the reference lists them.
 * - 3g.72gb memory_mib = 72448: no source gives it; twice the memory of the next smaller
 *   placement size plus 256 MiB (the step H100 SXM5 shows), which gives this name.
 * - 4g.72gb memory_mib = 72448: no source gives it; twice the memory of the next smaller
 *   placement size plus 256 MiB (the step H100 SXM5 shows), which gives this name.
 * - 7g.144gb memory_mib = 145152: no source gives it; twice the memory of the next smaller
 *   placement size plus 256 MiB (the step H100 SXM5 shows), which gives this name.
 */
static const mig_ci_profile gh200_144gb_ci_1g_18gb[] = {
	{ .name = "1g.18gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gh200_144gb_ci_1g_18gb_me[] = {
	{ .name = "1g.18gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gh200_144gb_ci_1g_36gb[] = {
	{ .name = "1c.1g.36gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.36gb", .nvml_profile = MIG_NVML_CI_1_SLICE_REV1, .slices = 1, .sms = 26,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gh200_144gb_ci_2g_36gb[] = {
	{ .name = "1c.2g.36gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.36gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gh200_144gb_ci_3g_72gb[] = {
	{ .name = "1c.3g.72gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.3g.72gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.72gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 60,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gh200_144gb_ci_4g_72gb[] = {
	{ .name = "1c.4g.72gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 4, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.4g.72gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.72gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 64,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile gh200_144gb_ci_7g_144gb[] = {
	{ .name = "1c.7g.144gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 16,
	  .max_count = 7, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1_2_3_4_5_6),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2c.7g.144gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 32,
	  .max_count = 3, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0_2_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3c.7g.144gb", .nvml_profile = MIG_NVML_CI_3_SLICE, .slices = 3, .sms = 60,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p3_at_0_4), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4c.7g.144gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 64,
	  .max_count = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0), .unconfirmed = MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_MAX_COUNT | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.144gb", .nvml_profile = MIG_NVML_CI_7_SLICE, .slices = 7, .sms = 132,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p7_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile gh200_144gb_gi[] = {
	{ .name = "1g.18gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 19,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 1, .memory_mib = 17920,
	  .sms = 16, .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 7,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6), MIG_CAT_CI_PROFILES(gh200_144gb_ci_1g_18gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.18gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 20,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 1, .memory_mib = 17920, .sms = 16,
	  .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p1_at_0_1_2_3_4_5_6),
	  MIG_CAT_CI_PROFILES(gh200_144gb_ci_1g_18gb_me),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "1g.36gb", .nvml_profile = MIG_NVML_GI_1_SLICE_REV2, .id = 15,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 2, .memory_mib = 36096,
	  .sms = 26, .ce = 1, .dec = 1, .enc = 0, .jpg = 1, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4_6), MIG_CAT_CI_PROFILES(gh200_144gb_ci_1g_36gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.36gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 2, .memory_mib = 36096,
	  .sms = 32, .ce = 2, .dec = 2, .enc = 0, .jpg = 2, .ofa = 0, .max_count = 3,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p2_at_0_2_4), MIG_CAT_CI_PROFILES(gh200_144gb_ci_2g_36gb),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "3g.72gb", .nvml_profile = MIG_NVML_GI_3_SLICE, .id = 9,
	  .variant = MIG_VARIANT_PLAIN, .slices = 3, .mem_slices = 4, .memory_mib = 72448,
	  .sms = 60, .ce = 3, .dec = 3, .enc = 0, .jpg = 3, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0_4), MIG_CAT_CI_PROFILES(gh200_144gb_ci_3g_72gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "4g.72gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 4, .memory_mib = 72448,
	  .sms = 64, .ce = 4, .dec = 4, .enc = 0, .jpg = 4, .ofa = 0, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p4_at_0), MIG_CAT_CI_PROFILES(gh200_144gb_ci_4g_72gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "7g.144gb", .nvml_profile = MIG_NVML_GI_7_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 7, .mem_slices = 8, .memory_mib = 145152,
	  .sms = 132, .ce = 8, .dec = 7, .enc = 0, .jpg = 7, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p8_at_0), MIG_CAT_CI_PROFILES(gh200_144gb_ci_7g_144gb),
	  .unconfirmed = MIG_UNCONFIRMED_ID | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	                 MIG_UNCONFIRMED_ENGINES | MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_pci_id gh200_144gb_pci[] = {
	{ 0x234810DE, "GH200 144G HBM3e" },
};

static const char *const gh200_144gb_aliases[] = { "gh200-144g", NULL };
static const char *const gh200_144gb_nvml_other[] = { NULL };

const mig_gpu mig_catalog__gh200_144gb = {
	.key = "gh200-144gb",
	.aliases = gh200_144gb_aliases,
	.product = "GH200 144G HBM3e",
	.nvml_name = "NVIDIA GH200 144G HBM3e",
	.nvml_names_other = gh200_144gb_nvml_other,
	MIG_CAT_PCI_IDS(gh200_144gb_pci),
	.arch = MIG_ARCH_HOPPER,
	.architecture = "Hopper (GH100), compute capability 9.0",
	.sms = 132,
	.sms_in_largest_gi = 132,
	.memory_mib = 147023,
	.memory_slices = 8,
	.compute_slices = 7,
	.l2_mb = 0,
	.max_gpu_instances = 7,
	MIG_CAT_GI_PROFILES(gh200_144gb_gi),
	.unconfirmed = MIG_UNCONFIRMED_NAME | MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS |
	               MIG_UNCONFIRMED_L2,
	.min_driver = "R525 (>= 525.85.12)",
	.sources =
		"https://github.com/NVIDIA/mig-parted/pull/139 (also NVIDIA/gpu-operator#1057); "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts)",
};
