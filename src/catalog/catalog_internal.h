/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CATALOG_INTERNAL_H
#define MIGCTL_CATALOG_INTERNAL_H

/*
 * Shared between the files of src/catalog/: the GPU tables (one file per family) and the
 * lookup code (catalog.c) that lists them.
 *
 * To add a GPU: write its tables in the family's file (or a new catalog_<family>.c), with a
 * comment above them naming the NVIDIA sources; declare it below; add it to the list in
 * catalog.c. tests/unit/test_catalog_tables.c then checks it against every invariant,
 * including NVIDIA's naming rule for each profile name.
 */

#include "migctl/catalog.h"
#include "catalog_placements.h"

#ifndef MIG_ARRAY_SIZE
#define MIG_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* Fill a count and pointer pair of a catalog struct from a static array. */
#define MIG_CAT_PLACEMENTS(a) .placement_count = MIG_ARRAY_SIZE(a), .placements = (a)
#define MIG_CAT_CI_PROFILES(a) .ci_profile_count = MIG_ARRAY_SIZE(a), .ci_profiles = (a)
#define MIG_CAT_GI_PROFILES(a) .gi_profile_count = MIG_ARRAY_SIZE(a), .gi_profiles = (a)
#define MIG_CAT_PCI_IDS(a) .pci_id_count = MIG_ARRAY_SIZE(a), .pci_ids = (a)

/*
 * The NVML_GPU_INSTANCE_PROFILE_* and NVML_COMPUTE_INSTANCE_PROFILE_* values of nvml.h. The
 * catalog keeps its own copy because it is pure: geometry and the simulator link it without
 * anything from the NVML side. The values are fixed by the driver ABI and never change.
 */
enum mig_nvml_gi_profile {
	MIG_NVML_GI_1_SLICE = 0,
	MIG_NVML_GI_2_SLICE = 1,
	MIG_NVML_GI_3_SLICE = 2,
	MIG_NVML_GI_4_SLICE = 3,
	MIG_NVML_GI_7_SLICE = 4,
	MIG_NVML_GI_8_SLICE = 5,
	MIG_NVML_GI_6_SLICE = 6,
	MIG_NVML_GI_1_SLICE_REV1 = 7,  /* the "+me" 1-slice profile */
	MIG_NVML_GI_2_SLICE_REV1 = 8,  /* the "+me" 2-slice profile (A30) */
	MIG_NVML_GI_1_SLICE_REV2 = 9,  /* one compute slice on two memory slices */
	MIG_NVML_GI_1_SLICE_GFX = 10,
	MIG_NVML_GI_2_SLICE_GFX = 11,
	MIG_NVML_GI_4_SLICE_GFX = 12,
	MIG_NVML_GI_1_SLICE_NO_ME = 13,
	MIG_NVML_GI_2_SLICE_NO_ME = 14,
	MIG_NVML_GI_1_SLICE_ALL_ME = 15,
	MIG_NVML_GI_2_SLICE_ALL_ME = 16,
	MIG_NVML_GI_3_SLICE_GFX = 17,
};

enum mig_nvml_ci_profile {
	MIG_NVML_CI_1_SLICE = 0,
	MIG_NVML_CI_2_SLICE = 1,
	MIG_NVML_CI_3_SLICE = 2,
	MIG_NVML_CI_4_SLICE = 3,
	MIG_NVML_CI_7_SLICE = 4,
	MIG_NVML_CI_8_SLICE = 5,
	MIG_NVML_CI_6_SLICE = 6,
	MIG_NVML_CI_1_SLICE_REV1 = 7, /* the full CI of a 1_SLICE_REV2 GI on Hopper */
	MIG_NVML_CI_7_SLICE_NVL = 8,
};

/* The GPUs, one definition each in catalog_<family>.c. */
extern const mig_gpu mig_catalog__a100_40gb;	      /* catalog_a100.c */
extern const mig_gpu mig_catalog__a100_80gb;	      /* catalog_a100.c */
extern const mig_gpu mig_catalog__a30_24gb;	      /* catalog_a30.c */
extern const mig_gpu mig_catalog__h100_sxm5_80gb;     /* catalog_h100.c */
extern const mig_gpu mig_catalog__h100_pcie_80gb;     /* catalog_h100.c */
extern const mig_gpu mig_catalog__h100_nvl_94gb;      /* catalog_h100.c */
extern const mig_gpu mig_catalog__gh200_96gb;	      /* catalog_gh200.c */
extern const mig_gpu mig_catalog__gh200_144gb;	      /* catalog_gh200.c */
extern const mig_gpu mig_catalog__h200_141gb;	      /* catalog_h200.c */
extern const mig_gpu mig_catalog__h200_nvl_141gb;     /* catalog_h200.c */
extern const mig_gpu mig_catalog__b200_180gb;	      /* catalog_b200.c */
extern const mig_gpu mig_catalog__gb200_186gb;	      /* catalog_b200.c */
extern const mig_gpu mig_catalog__rtx_pro_6000_blackwell; /* catalog_rtx_pro.c */

#endif
