/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_NVML_CALLS_H
#define MIGCTL_NVML_CALLS_H

/*
 * The only door to NVML for the rest of libmigctl. Every function here makes one NVML call
 * through the table the loader filled, and turns its return code into a migctl error that names
 * the call, the GPU and NVML's own words:
 *   "nvmlDeviceCreateGpuInstanceWithPlacement on GPU 0 failed: Insufficient Resources"
 * Nothing outside src/nvml/ sees nvmlReturn_t or dlsym. Handles are the driver's own (opaque
 * pointers); values come back in migctl's plain types.
 *
 * NVML codes map to: INSUFFICIENT_RESOURCES -> MIG_ENOFIT, IN_USE -> MIG_EINUSE,
 * NOT_SUPPORTED -> MIG_ENOTSUPPORTED, NOT_FOUND -> MIG_ENOTFOUND, everything else -> MIG_ENVML.
 */

#include <stddef.h>
#include <stdint.h>

typedef struct mig_nvml mig_nvml;
typedef struct nvmlDevice_st *mig_dev_h;
typedef struct nvmlGpuInstance_st *mig_gi_h;
typedef struct nvmlComputeInstance_st *mig_ci_h;

/*
 * Load NVML and initialise it. path NULL: the driver's libnvidia-ml.so.1; else that file (the
 * simulator). Missing required symbols fail the load, naming the symbol.
 * @return 0; MIG_ENOTFOUND when the library cannot be loaded; MIG_ENVML when init fails
 */
int mig_nvml_open(mig_nvml **out, const char *path);

/* Shut NVML down and unload it; NULL is fine. */
void mig_nvml_close(mig_nvml *nvml);

/* Total NVML calls made through this handle (including init). */
unsigned long mig_nvml_call_count(const mig_nvml *nvml);

/* The driver version ("550.54.15"). */
int mig_nvml_driver_version(mig_nvml *nvml, char *buf, size_t len);

int mig_nvml_device_count(mig_nvml *nvml, unsigned *out);
int mig_nvml_device_by_index(mig_nvml *nvml, unsigned index, mig_dev_h *out);
int mig_nvml_device_by_uuid(mig_nvml *nvml, const char *uuid, mig_dev_h *out);
int mig_nvml_device_by_pci(mig_nvml *nvml, const char *bus_id, mig_dev_h *out);

/* Identity of a GPU (index is used in messages only). */
typedef struct mig_nvml_identity {
	char name[96];
	char uuid[96];
	char bus_id[32];
	uint32_t pci_device_id; /* device << 16 | vendor */
	unsigned minor;
} mig_nvml_identity;

int mig_nvml_identity_of(mig_nvml *nvml, mig_dev_h dev, unsigned index, mig_nvml_identity *out);

/* Memory of a GPU or MIG device, in MiB. */
int mig_nvml_memory(mig_nvml *nvml, mig_dev_h dev, unsigned index, uint64_t *total_mib,
		    uint64_t *used_mib);

/* MIG mode: 0/1 each. MIG_ENOTSUPPORTED means the GPU is not MIG-capable. */
int mig_nvml_mig_mode(mig_nvml *nvml, mig_dev_h dev, unsigned index, int *current, int *pending);

/* Ask for a MIG mode. *activated is 1 when it took effect now, 0 when a reset is pending. */
int mig_nvml_set_mig_mode(mig_nvml *nvml, mig_dev_h dev, unsigned index, int mode,
			  int *activated);

/* GI profile info by NVML profile index. Returns MIG_ENOTSUPPORTED (GPU lacks it) or
 * MIG_EINVALID (index past the last) without recording an error, so callers can walk. */
typedef struct mig_nvml_gi_profile_info {
	unsigned id;
	unsigned slices;
	unsigned instance_count;
	unsigned sms;
	unsigned ce, dec, enc, jpg, ofa;
	uint64_t memory_mib;
} mig_nvml_gi_profile_info;

int mig_nvml_gi_profile_get(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned nvml_profile,
			     mig_nvml_gi_profile_info *out);

int mig_nvml_gi_remaining(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned profile_id,
			  unsigned *out);

/* Every placement a profile can take (start, size), whatever is in use; *count in: capacity
 * of starts/sizes, out: number returned. */
int mig_nvml_gi_placements(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned profile_id,
			   unsigned *starts, unsigned *sizes, unsigned *count);

/* Create a GI; start < 0 lets the driver choose the placement. */
int mig_nvml_gi_create(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned profile_id,
		       int start, unsigned size, mig_gi_h *out);
int mig_nvml_gi_destroy(mig_nvml *nvml, mig_gi_h gi, unsigned index, unsigned gi_id);

/* The GIs of one profile id; *count in: capacity of out, out: number returned. */
int mig_nvml_gi_list(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned profile_id,
		     mig_gi_h *out, unsigned *count);

typedef struct mig_nvml_gi_info {
	unsigned id;
	unsigned profile_id;
	unsigned start, size;
} mig_nvml_gi_info;

/* A GI or CI by id; MIG_ENOTFOUND (with a message) when there is none. */
int mig_nvml_gi_by_id(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned gi_id,
		      mig_gi_h *out);
int mig_nvml_ci_by_id(mig_nvml *nvml, mig_gi_h gi, unsigned index, unsigned gi_id, unsigned ci_id,
		      mig_ci_h *out);

int mig_nvml_gi_info_get(mig_nvml *nvml, mig_gi_h gi, unsigned index, mig_nvml_gi_info *out);

/* CI profile info by NVML CI profile index; walk semantics as for GI profiles. */
typedef struct mig_nvml_ci_profile_info {
	unsigned id;
	unsigned slices;
	unsigned instance_count;
	unsigned sms;
} mig_nvml_ci_profile_info;

int mig_nvml_ci_profile_get(mig_nvml *nvml, mig_gi_h gi, unsigned index, unsigned nvml_profile,
			     mig_nvml_ci_profile_info *out);
int mig_nvml_ci_create(mig_nvml *nvml, mig_gi_h gi, unsigned index, unsigned profile_id,
		       mig_ci_h *out);
int mig_nvml_ci_destroy(mig_nvml *nvml, mig_ci_h ci, unsigned index, unsigned gi_id,
			unsigned ci_id);
int mig_nvml_ci_list(mig_nvml *nvml, mig_gi_h gi, unsigned index, unsigned profile_id,
		     mig_ci_h *out, unsigned *count);

typedef struct mig_nvml_ci_info {
	unsigned id;
	unsigned profile_id;
	unsigned start, size;
} mig_nvml_ci_info;

int mig_nvml_ci_info_get(mig_nvml *nvml, mig_ci_h ci, unsigned index, mig_nvml_ci_info *out);

/* MIG devices of a GPU: the largest index + 1, and each by index (MIG_ENOTFOUND = none). */
int mig_nvml_mig_device_count(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned *out);
int mig_nvml_mig_device(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned mig_index,
			mig_dev_h *out);
int mig_nvml_mig_device_ids(mig_nvml *nvml, mig_dev_h mig, unsigned index, unsigned *gi_id,
			    unsigned *ci_id);
int mig_nvml_uuid(mig_nvml *nvml, mig_dev_h dev, unsigned index, char *buf, size_t len);

/* Compute processes on a GPU or MIG device. *count in: capacity, out: number; when the
 * capacity is too small, MIG_ERROR is not returned: *needed tells the size to retry with. */
typedef struct mig_nvml_process {
	unsigned pid;
	uint64_t used_mib;
	unsigned gi_id, ci_id;
} mig_nvml_process;

int mig_nvml_processes(mig_nvml *nvml, mig_dev_h dev, unsigned index, mig_nvml_process *out,
		       unsigned *count, unsigned *needed);

#endif
