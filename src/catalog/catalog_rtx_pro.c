/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Catalog: RTX PRO 6000 Blackwell (GB202, a 12-position grid / 4 compute slices).
 *
 * Written from the project reference (mig-geometry.json/.md, itself gathered from the
 * NVIDIA sources named above each GPU). These tables are now the source of truth: edit
 * them here, and keep tests/unit/test_catalog_tables.c passing.
 */
#include "catalog_internal.h"

#include "banned.h"

/*
 * NVIDIA RTX PRO 6000 Blackwell Server Edition: RTX PRO 6000 Blackwell (Server, Workstation,
 * Max-Q Workstation), 96GB
 *
 * Sources (from the reference catalog, which names them):
 * - public Chinese-language RTX PRO 6000 Blackwell Server Edition MIG walkthrough (8-GPU host;
 *   lgip, lgipp, lgi, lci, CUDA memory of a 1g slice), repository not identified
 * - https://github.com/GoogleCloudPlatform/container-engine-accelerators/pull/564
 * - https://github.com/bigstack-oss/cubecos/issues/312
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.html
 * - https://docs.nvidia.com/datacenter/tesla/mig-user-guide/getting-started-with-mig.html
 * - pciutils/pciids pci.ids (vendor 10de device list)
 * - NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, profile names,
 *   per-GPU counts)
 * - NVIDIA/go-nvlib pkg/nvlib/device/mig_profile.go (how profile names are built from NVML
 *   constants and memory)
 */
static const mig_ci_profile rtx_pro_6000_blackwell_ci_1g_24gb[] = {
	{ .name = "1g.24gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 46,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0) },
};

static const mig_ci_profile rtx_pro_6000_blackwell_ci_1g_24gb_me[] = {
	{ .name = "1g.24gb+me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 46,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile rtx_pro_6000_blackwell_ci_1g_24gb_gfx[] = {
	{ .name = "1g.24gb+gfx", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 46,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile rtx_pro_6000_blackwell_ci_1g_24gb_me_all[] = {
	{ .name = "1g.24gb+me.all", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 46,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile rtx_pro_6000_blackwell_ci_1g_24gb_no_me[] = {
	{ .name = "1g.24gb-me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 46,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile rtx_pro_6000_blackwell_ci_2g_48gb[] = {
	{ .name = "1c.2g.48gb", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 0,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.48gb", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 94,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile rtx_pro_6000_blackwell_ci_2g_48gb_gfx[] = {
	{ .name = "1c.2g.48gb+gfx", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 0,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.48gb+gfx", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 94,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile rtx_pro_6000_blackwell_ci_2g_48gb_me_all[] = {
	{ .name = "1c.2g.48gb+me.all", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 0,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.48gb+me.all", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 94,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile rtx_pro_6000_blackwell_ci_2g_48gb_no_me[] = {
	{ .name = "1c.2g.48gb-me", .nvml_profile = MIG_NVML_CI_1_SLICE, .slices = 1, .sms = 0,
	  .max_count = 2, MIG_CAT_PLACEMENTS(mig_catalog__ci_p1_at_0_1), .unconfirmed = MIG_UNCONFIRMED_EXISTS |
	                 MIG_UNCONFIRMED_SMS | MIG_UNCONFIRMED_MAX_COUNT |
	                 MIG_UNCONFIRMED_PLACEMENTS },
	{ .name = "2g.48gb-me", .nvml_profile = MIG_NVML_CI_2_SLICE, .slices = 2, .sms = 94,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p2_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile rtx_pro_6000_blackwell_ci_4g_96gb[] = {
	{ .name = "4g.96gb", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 188,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_ci_profile rtx_pro_6000_blackwell_ci_4g_96gb_gfx[] = {
	{ .name = "4g.96gb+gfx", .nvml_profile = MIG_NVML_CI_4_SLICE, .slices = 4, .sms = 188,
	  .max_count = 1, .is_default = 1, MIG_CAT_PLACEMENTS(mig_catalog__ci_p4_at_0),
	  .unconfirmed = MIG_UNCONFIRMED_PLACEMENTS },
};

static const mig_gi_profile rtx_pro_6000_blackwell_gi[] = {
	{ .name = "1g.24gb", .nvml_profile = MIG_NVML_GI_1_SLICE, .id = 14,
	  .variant = MIG_VARIANT_PLAIN, .slices = 1, .mem_slices = 3, .memory_mib = 24192,
	  .sms = 46, .ce = 1, .dec = 1, .enc = 1, .jpg = 1, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p3_at_0_3_6_9),
	  MIG_CAT_CI_PROFILES(rtx_pro_6000_blackwell_ci_1g_24gb),
	  .note = "CUDA inside the slice reports 24192 MiB total",
	  .memory_seen = "23680 MiB: older driver (23.12 GiB), cubecos #312" },
	{ .name = "1g.24gb+me", .nvml_profile = MIG_NVML_GI_1_SLICE_REV1, .id = 21,
	  .variant = MIG_VARIANT_ME, .slices = 1, .mem_slices = 3, .memory_mib = 24192, .sms = 46,
	  .ce = 1, .dec = 1, .enc = 1, .jpg = 1, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p3_at_0_3_6_9),
	  MIG_CAT_CI_PROFILES(rtx_pro_6000_blackwell_ci_1g_24gb_me),
	  .memory_seen = "23680 MiB: older driver (23.12 GiB), cubecos #312" },
	{ .name = "1g.24gb+gfx", .nvml_profile = MIG_NVML_GI_1_SLICE_GFX, .id = 47,
	  .variant = MIG_VARIANT_GFX, .slices = 1, .mem_slices = 3, .memory_mib = 24192, .sms = 46,
	  .ce = 1, .dec = 1, .enc = 1, .jpg = 1, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p3_at_0_3_6_9),
	  MIG_CAT_CI_PROFILES(rtx_pro_6000_blackwell_ci_1g_24gb_gfx),
	  .memory_seen = "23680 MiB: older driver (23.12 GiB), cubecos #312" },
	{ .name = "1g.24gb+me.all", .nvml_profile = MIG_NVML_GI_1_SLICE_ALL_ME, .id = 65,
	  .variant = MIG_VARIANT_ME_ALL, .slices = 1, .mem_slices = 3, .memory_mib = 24192,
	  .sms = 46, .ce = 1, .dec = 4, .enc = 4, .jpg = 4, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p3_at_0_3_6_9),
	  MIG_CAT_CI_PROFILES(rtx_pro_6000_blackwell_ci_1g_24gb_me_all),
	  .note = "takes every media engine; NVML: while it exists only *_NO_ME profiles can be "
		"created",
	  .memory_seen = "23680 MiB: older driver (23.12 GiB), cubecos #312" },
	{ .name = "1g.24gb-me", .nvml_profile = MIG_NVML_GI_1_SLICE_NO_ME, .id = 67,
	  .variant = MIG_VARIANT_NO_ME, .slices = 1, .mem_slices = 3, .memory_mib = 24192,
	  .sms = 46, .ce = 1, .dec = 0, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 4,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p3_at_0_3_6_9),
	  MIG_CAT_CI_PROFILES(rtx_pro_6000_blackwell_ci_1g_24gb_no_me),
	  .memory_seen = "23680 MiB: older driver (23.12 GiB), cubecos #312" },
	{ .name = "2g.48gb", .nvml_profile = MIG_NVML_GI_2_SLICE, .id = 5,
	  .variant = MIG_VARIANT_PLAIN, .slices = 2, .mem_slices = 6, .memory_mib = 48512,
	  .sms = 94, .ce = 2, .dec = 2, .enc = 2, .jpg = 2, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p6_at_0_6), MIG_CAT_CI_PROFILES(rtx_pro_6000_blackwell_ci_2g_48gb),
	  .memory_seen = "47616 MiB: older driver (46.50 GiB), cubecos #312" },
	{ .name = "2g.48gb+gfx", .nvml_profile = MIG_NVML_GI_2_SLICE_GFX, .id = 35,
	  .variant = MIG_VARIANT_GFX, .slices = 2, .mem_slices = 6, .memory_mib = 48512, .sms = 94,
	  .ce = 2, .dec = 2, .enc = 2, .jpg = 2, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p6_at_0_6),
	  MIG_CAT_CI_PROFILES(rtx_pro_6000_blackwell_ci_2g_48gb_gfx),
	  .memory_seen = "47616 MiB: older driver (46.50 GiB), cubecos #312" },
	{ .name = "2g.48gb+me.all", .nvml_profile = MIG_NVML_GI_2_SLICE_ALL_ME, .id = 64,
	  .variant = MIG_VARIANT_ME_ALL, .slices = 2, .mem_slices = 6, .memory_mib = 48512,
	  .sms = 94, .ce = 2, .dec = 4, .enc = 4, .jpg = 4, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p6_at_0_6),
	  MIG_CAT_CI_PROFILES(rtx_pro_6000_blackwell_ci_2g_48gb_me_all),
	  .note = "takes every media engine; NVML: while it exists only *_NO_ME profiles can be "
		"created",
	  .memory_seen = "47616 MiB: older driver (46.50 GiB), cubecos #312" },
	{ .name = "2g.48gb-me", .nvml_profile = MIG_NVML_GI_2_SLICE_NO_ME, .id = 66,
	  .variant = MIG_VARIANT_NO_ME, .slices = 2, .mem_slices = 6, .memory_mib = 48512,
	  .sms = 94, .ce = 2, .dec = 0, .enc = 0, .jpg = 0, .ofa = 0, .max_count = 2,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p6_at_0_6),
	  MIG_CAT_CI_PROFILES(rtx_pro_6000_blackwell_ci_2g_48gb_no_me),
	  .memory_seen = "47616 MiB: older driver (46.50 GiB), cubecos #312" },
	{ .name = "4g.96gb", .nvml_profile = MIG_NVML_GI_4_SLICE, .id = 0,
	  .variant = MIG_VARIANT_PLAIN, .slices = 4, .mem_slices = 12, .memory_mib = 97408,
	  .sms = 188, .ce = 4, .dec = 4, .enc = 4, .jpg = 4, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p12_at_0), MIG_CAT_CI_PROFILES(rtx_pro_6000_blackwell_ci_4g_96gb) },
	{ .name = "4g.96gb+gfx", .nvml_profile = MIG_NVML_GI_4_SLICE_GFX, .id = 32,
	  .variant = MIG_VARIANT_GFX, .slices = 4, .mem_slices = 12, .memory_mib = 97408,
	  .sms = 188, .ce = 4, .dec = 4, .enc = 4, .jpg = 4, .ofa = 1, .max_count = 1,
	  MIG_CAT_PLACEMENTS(mig_catalog__gi_p12_at_0),
	  MIG_CAT_CI_PROFILES(rtx_pro_6000_blackwell_ci_4g_96gb_gfx) },
};

static const mig_pci_id rtx_pro_6000_blackwell_pci[] = {
	{ 0x2BB510DE, "RTX PRO 6000 Blackwell Server Edition" },
	{ 0x2BB110DE, "RTX PRO 6000 Blackwell Workstation Edition" },
	{ 0x2BB410DE, "RTX PRO 6000 Blackwell Max-Q Workstation Edition" },
};

static const char *const rtx_pro_6000_blackwell_aliases[] = { "rtx-pro-6000", "rtx-pro-6000-96gb",
	NULL };
static const char *const rtx_pro_6000_blackwell_nvml_other[] = {
	"NVIDIA RTX PRO 6000 Blackwell Workstation Edition",
	"NVIDIA RTX PRO 6000 Blackwell Max-Q Workstation Edition",
	NULL
};

const mig_gpu mig_catalog__rtx_pro_6000_blackwell = {
	.key = "rtx-pro-6000-blackwell",
	.aliases = rtx_pro_6000_blackwell_aliases,
	.product = "RTX PRO 6000 Blackwell (Server, Workstation, Max-Q Workstation), 96GB",
	.nvml_name = "NVIDIA RTX PRO 6000 Blackwell Server Edition",
	.nvml_names_other = rtx_pro_6000_blackwell_nvml_other,
	MIG_CAT_PCI_IDS(rtx_pro_6000_blackwell_pci),
	.arch = MIG_ARCH_BLACKWELL,
	.architecture = "Blackwell (GB202), compute capability 12.0",
	.sms = 188,
	.sms_in_largest_gi = 188,
	.memory_mib = 97887,
	.memory_slices = 12,
	.compute_slices = 4,
	.l2_mb = 0,
	.max_gpu_instances = 4,
	MIG_CAT_GI_PROFILES(rtx_pro_6000_blackwell_gi),
	.unconfirmed = MIG_UNCONFIRMED_L2,
	.min_driver = "R575 (>= 575.51.03)",
	.sources =
		"public Chinese-language RTX PRO 6000 Blackwell Server Edition MIG walkthrough "
		"(8-GPU host; lgip, lgipp, lgi, lci, CUDA memory of a 1g slice), repository not "
		"identified; "
		"https://github.com/GoogleCloudPlatform/container-engine-accelerators/pull/564; "
		"https://github.com/bigstack-oss/cubecos/issues/312; "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/supported-mig-profiles.htm"
		"l; "
		"https://docs.nvidia.com/datacenter/tesla/mig-user-guide/getting-started-with-mig.h"
		"tml; "
		"pciutils/pciids pci.ids (vendor 10de device list); "
		"NVIDIA/mig-parted deployments/systemd/config-default.yaml (device filters, "
		"profile names, per-GPU counts); "
		"NVIDIA/go-nvlib pkg/nvlib/device/mig_profile.go (how profile names are built from "
		"NVML constants and memory)",
};
