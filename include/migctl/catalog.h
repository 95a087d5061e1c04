/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CATALOG_H
#define MIGCTL_CATALOG_H

/**
 * @file catalog.h
 * @brief Static facts about every MIG-capable GPU: profiles, SMs, memory, engines, placements.
 *
 * The catalog is compiled into the library (src/catalog/, one file per GPU family, each table
 * naming the NVIDIA source it came from). Everything returned here is static and lives as long
 * as the program; nothing needs freeing.
 *
 * Placements are counted in memory slices (the unit of nvmlGpuInstancePlacement_t): on the
 * 8-slice parts a 3g takes 4 positions, on RTX PRO 6000 the grid has 12 positions.
 */

#include <stddef.h>
#include <stdint.h>
#include "common.h"

/** Most placement positions of any GPU (RTX PRO 6000 uses 12). */
#define MIG_MAX_SLICES 16
/** Most GPU instances that can exist at once on any GPU. */
#define MIG_MAX_GI 8
/** Most placements one profile can have. */
#define MIG_MAX_PLACEMENTS 8

typedef enum mig_arch {
	MIG_ARCH_AMPERE,
	MIG_ARCH_HOPPER,
	MIG_ARCH_BLACKWELL,
	MIG_ARCH__COUNT
} mig_arch;

/** Media-engine variant of a profile, the suffix of its name. */
typedef enum mig_profile_variant {
	MIG_VARIANT_PLAIN,  /**< no suffix */
	MIG_VARIANT_ME,	    /**< "+me": the media-extension profile, at most one per GPU */
	MIG_VARIANT_ME_ALL, /**< "+me.all": takes every media engine */
	MIG_VARIANT_NO_ME,  /**< "-me": no media engine */
	MIG_VARIANT_GFX,    /**< "+gfx": graphics-capable */
	MIG_VARIANT__COUNT
} mig_profile_variant;

/** Bits naming the fields of an entry that no source confirmed (shown to users as such). */
enum mig_unconfirmed_flags {
	MIG_UNCONFIRMED_EXISTS = 1u << 0,     /**< the profile itself was never seen listed */
	MIG_UNCONFIRMED_NAME = 1u << 1,	      /**< name (GPU name or profile name) */
	MIG_UNCONFIRMED_ID = 1u << 2,	      /**< profile id (smi id) or NVML constant */
	MIG_UNCONFIRMED_MEMORY = 1u << 3,     /**< memory MiB */
	MIG_UNCONFIRMED_SMS = 1u << 4,	      /**< SM counts */
	MIG_UNCONFIRMED_ENGINES = 1u << 5,    /**< CE/DEC/ENC/JPG/OFA */
	MIG_UNCONFIRMED_MAX_COUNT = 1u << 6,  /**< instance count */
	MIG_UNCONFIRMED_PLACEMENTS = 1u << 7, /**< placements */
	MIG_UNCONFIRMED_L2 = 1u << 8,	      /**< L2 size */
};

/** One place a profile may start: [start, start + size) in memory-slice positions. */
typedef struct mig_placement {
	uint8_t start;
	uint8_t size;
} mig_placement;

/** A compute-instance profile inside one GPU-instance profile. */
typedef struct mig_ci_profile {
	const char *name;	  /**< "1c.3g.40gb", or the GI name for the full-size CI */
	unsigned nvml_profile;	  /**< NVML_COMPUTE_INSTANCE_PROFILE_* value (= nvidia-smi id) */
	unsigned slices;	  /**< compute slices */
	unsigned sms;		  /**< SMs; 0 when unknown */
	unsigned max_count;	  /**< instanceCount inside one GI */
	int is_default;		  /**< the CI that `nvidia-smi mig -C` creates */
	size_t placement_count;	  /**< placements in compute slices of the GI */
	const mig_placement *placements;
	unsigned unconfirmed;	  /**< enum mig_unconfirmed_flags */
} mig_ci_profile;

/** A GPU-instance profile of one GPU. */
typedef struct mig_gi_profile {
	const char *name;	  /**< "3g.40gb", as NVIDIA's naming rule derives it */
	unsigned nvml_profile;	  /**< NVML_GPU_INSTANCE_PROFILE_* value */
	unsigned id;		  /**< profile id: nvidia-smi's ID column, what create calls take */
	mig_profile_variant variant;
	unsigned slices;	  /**< compute slices (the "g") */
	unsigned mem_slices;	  /**< memory-slice positions it covers (placement size) */
	unsigned memory_mib;	  /**< memorySizeMB as NVML reports it */
	unsigned sms;		  /**< multiprocessorCount */
	unsigned ce, dec, enc, jpg, ofa;
	unsigned max_count;	  /**< instanceCount */
	size_t placement_count;
	const mig_placement *placements;
	size_t ci_profile_count;
	const mig_ci_profile *ci_profiles;
	unsigned unconfirmed;	  /**< enum mig_unconfirmed_flags */
	const char *note;	  /**< driver requirement or caveat, or NULL */
	const char *memory_seen;  /**< memory seen on other drivers, or NULL */
} mig_gi_profile;

/** A PCI device id (device << 16 | vendor, as mig-parted writes 0x20B210DE) and its product. */
typedef struct mig_pci_id {
	uint32_t id;
	const char *product;
} mig_pci_id;

/** One MIG-capable GPU. */
typedef struct mig_gpu {
	const char *key;	       /**< "a100-80gb": the name users type */
	const char *const *aliases;    /**< NULL-terminated other keys ("h100-80gb") */
	const char *product;	       /**< "A100-SXM4-80GB / A100-PCIe-80GB" */
	const char *nvml_name;	       /**< nvmlDeviceGetName on current drivers */
	const char *const *nvml_names_other; /**< NULL-terminated other names seen */
	size_t pci_id_count;
	const mig_pci_id *pci_ids;
	mig_arch arch;
	const char *architecture;      /**< "Ampere (GA100), compute capability 8.0" */
	unsigned sms;		       /**< SMs of the whole GPU */
	unsigned sms_in_largest_gi;
	unsigned memory_mib;	       /**< total memory as nvidia-smi reports it */
	unsigned memory_slices;	       /**< placement positions */
	unsigned compute_slices;
	unsigned l2_mb;		       /**< 0 when unknown */
	unsigned max_gpu_instances;
	size_t gi_profile_count;
	const mig_gi_profile *gi_profiles;
	unsigned unconfirmed;	       /**< enum mig_unconfirmed_flags (GPU-level fields) */
	const char *min_driver;	       /**< "R450 (>= 450.80.02)" */
	const char *sources;	       /**< the NVIDIA documents the tables came from */
} mig_gpu;

/** @return the number of GPUs in the catalog. */
MIG_EXTERN(size_t) mig_catalog_count(void);

/** @return the GPU at index i (0 <= i < mig_catalog_count()), or NULL. */
MIG_EXTERN(const mig_gpu *) mig_catalog_at(size_t i);

/**
 * Find a GPU by key or alias ("a100-80gb", "h100-80gb"), case-insensitively.
 * @return the GPU, or NULL (no error is recorded: use mig_catalog_find for that).
 */
MIG_EXTERN(const mig_gpu *) mig_catalog_by_key(const char *key);

/** Find a GPU by the name NVML reports ("NVIDIA H100 80GB HBM3"); NULL when unknown. */
MIG_EXTERN(const mig_gpu *) mig_catalog_by_nvml_name(const char *name);

/** Find a GPU by PCI device id (0x20B210DE; a bare device id 0x20B2 also matches). */
MIG_EXTERN(const mig_gpu *) mig_catalog_by_pci_id(uint32_t id);

/**
 * Find a GPU by anything a user may type: key, alias, NVML name or PCI id ("0x20B2").
 * @param out the GPU
 * @return 0, or MIG_ENOTFOUND with a message naming the token and the valid keys
 */
MIG_EXTERN(int) mig_catalog_find(const mig_gpu **out, const char *what);

/**
 * Find a GI profile of a GPU by name ("3g.40gb", "1g.10gb+me"), by profile id ("9"), or by a
 * short name that is unambiguous on this GPU ("3g").
 * @return 0, or MIG_ENOTFOUND with a message naming the token and listing the valid names
 */
MIG_EXTERN(int) mig_catalog_find_profile(const mig_gi_profile **out, const mig_gpu *gpu,
					 const char *what);

/** @return the GI profile with this profile id, or NULL. */
MIG_EXTERN(const mig_gi_profile *) mig_catalog_profile_by_id(const mig_gpu *gpu, unsigned id);

/** @return the GI profile with this NVML_GPU_INSTANCE_PROFILE_* value, or NULL. */
MIG_EXTERN(const mig_gi_profile *) mig_catalog_profile_by_nvml(const mig_gpu *gpu,
								unsigned nvml_profile);

/** @return the default (full-size) CI profile of a GI profile, or NULL. */
MIG_EXTERN(const mig_ci_profile *) mig_catalog_default_ci(const mig_gi_profile *gi);

/**
 * Find a CI profile inside a GI profile by name ("1c.3g.40gb", or the GI's own name for the
 * full CI) or by NVML CI profile value ("0").
 * @return 0, or MIG_ENOTFOUND naming the token and the valid names
 */
MIG_EXTERN(int) mig_catalog_find_ci_profile(const mig_ci_profile **out, const mig_gi_profile *gi,
					    const char *what);

/** @return "ampere", "hopper", "blackwell". */
MIG_EXTERN(const char *) mig_arch_name(mig_arch arch);

/** @return "", "+me", "+me.all", "-me", "+gfx". */
MIG_EXTERN(const char *) mig_variant_suffix(mig_profile_variant v);

/**
 * The profile name NVIDIA's naming rule gives a GI of memory_mib on a GPU of total_mib:
 * "<slices>g.<GB>gb<suffix>", where GB is the profile's share of memory rounded up to an
 * eighth, times the GPU's memory in GiB rounded up.
 * @param buf receives the name (at most 32 bytes are needed)
 * @return buf
 */
MIG_EXTERN(char *) mig_catalog_derive_name(char *buf, size_t buflen, unsigned slices,
					   unsigned memory_mib, unsigned total_mib,
					   mig_profile_variant v);

#endif
