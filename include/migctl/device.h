/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_DEVICE_H
#define MIGCTL_DEVICE_H

/**
 * @file device.h
 * @brief GPUs seen through NVML: their whole MIG state as plain structs, and the primitives
 * that change it (MIG mode, create and destroy GPU and compute instances).
 *
 * The same code runs against the NVIDIA driver and against migctl's simulator: a mig_system
 * is opened on the driver's libnvidia-ml.so.1 or on the simulator's library.
 *
 *   mig_system *sys;
 *   mig_gpu_state *gpu;
 *   if (mig_system_open(&sys, NULL) < 0) ... mig_error_last()->message ...
 *   if (mig_gpu_state_read(&gpu, sys, 0) == 0) { ...; mig_gpu_state_free(gpu); }
 *   mig_system_close(sys);
 */

#include <stddef.h>
#include <stdint.h>
#include "catalog.h"
#include "common.h"
#include "geometry.h"

/** NVML, loaded and initialised. */
typedef struct mig_system mig_system;

/**
 * Load and initialise NVML.
 * @param library NULL for the driver's libnvidia-ml.so.1, or the path of another NVML library
 *        (the simulator)
 * @return 0; MIG_ENOTFOUND when the library cannot be loaded; MIG_ENOTSUPPORTED when it lacks
 *         a MIG call; MIG_ENVML when NVML fails to initialise
 */
MIG_EXTERN(int) mig_system_open(mig_system **out, const char *library);

/** Shut NVML down; NULL is fine. */
MIG_EXTERN(void) mig_system_close(mig_system *sys);

/** @return the number of NVML calls made so far through this system (for benchmarks). */
MIG_EXTERN(unsigned long) mig_system_nvml_calls(const mig_system *sys);

/** @return 0 and the number of GPUs, or a negative code. */
MIG_EXTERN(int) mig_system_gpu_count(mig_system *sys, unsigned *out);

/**
 * Resolve a GPU selector into GPU indices: an index ("0"), a list ("0,2"), "all", a GPU UUID
 * ("GPU-..."), or a PCI bus id ("0000:3b:00.0"). NULL selects all GPUs.
 * @param indices receives up to cap indices, in increasing order
 * @param count receives the number of GPUs selected
 * @return 0, or MIG_ENOTFOUND / MIG_EINVALID naming the bad selector
 */
MIG_EXTERN(int) mig_system_select(mig_system *sys, const char *selector, unsigned *indices,
				  size_t cap, size_t *count);

/** A process running on a MIG device. */
typedef struct mig_process {
	unsigned pid;
	uint64_t used_mib;
} mig_process;

/** A compute instance, and the MIG device it makes. */
typedef struct mig_ci_state {
	unsigned id;			 /**< CI id inside its GI */
	unsigned profile_id;		 /**< CI profile id */
	const mig_ci_profile *profile;	 /**< catalog entry, or NULL when unknown */
	unsigned start, size;		 /**< placement in compute slices of the GI */
	char uuid[96];			 /**< MIG device UUID ("MIG-..."), "" when not known */
	unsigned sms;
	size_t process_count;
	mig_process *processes;
} mig_ci_state;

/** A GPU instance with its compute instances. */
typedef struct mig_gi_state {
	unsigned id;			 /**< GI id */
	unsigned profile_id;
	const mig_gi_profile *profile;	 /**< catalog entry, or NULL when unknown */
	char profile_name[32];		 /**< from the catalog, or derived from NVML's numbers */
	unsigned start, size;		 /**< placement in memory slices */
	unsigned slices;		 /**< compute slices */
	uint64_t memory_mib;		 /**< memory of the GI */
	uint64_t memory_used_mib;	 /**< memory in use (sum over its MIG devices) */
	size_t ci_count;
	mig_ci_state *cis;
} mig_gi_state;

/** Everything about one GPU's MIG configuration. */
typedef struct mig_gpu_state {
	unsigned index;			 /**< NVML index */
	char name[96];
	char uuid[96];
	char bus_id[32];
	uint32_t pci_device_id;
	const mig_gpu *model;		 /**< catalog entry, or NULL for a GPU migctl does not know */
	int mig_capable;
	int mig_current;		 /**< MIG mode now (0/1) */
	int mig_pending;		 /**< MIG mode after the next reset (0/1) */
	uint64_t memory_mib;
	uint64_t memory_used_mib;
	size_t gi_count;
	mig_gi_state *gis;		 /**< sorted by start */
} mig_gpu_state;

/**
 * Read a GPU's whole MIG state. Every NVML fact is asked for once.
 * @param out receives the state; free with mig_gpu_state_free
 */
MIG_EXTERN(int) mig_gpu_state_read(mig_gpu_state **out, mig_system *sys, unsigned index);

/** Free a state; NULL is fine. */
MIG_EXTERN(void) mig_gpu_state_free(mig_gpu_state *state);

/**
 * The GPU instances of a state as a placed layout for the geometry engine.
 * @return 0, or MIG_ENOTSUPPORTED when the GPU is not in the catalog or a GI's profile is
 *         unknown
 */
MIG_EXTERN(int) mig_gpu_state_layout(const mig_gpu_state *state, mig_layout *out);

/** @return the GI with this id, or NULL. */
MIG_EXTERN(const mig_gi_state *) mig_gpu_state_gi(const mig_gpu_state *state, unsigned gi_id);

/** @return the number of processes running on a GI (over all its CIs). */
MIG_EXTERN(size_t) mig_gi_state_process_count(const mig_gi_state *gi);

/**
 * Ask for a MIG mode on a GPU.
 * @param reset_needed receives 1 when the new mode waits for a GPU reset (Ampere), else 0
 */
MIG_EXTERN(int) mig_device_set_mode(mig_system *sys, unsigned index, int enable,
				    int *reset_needed);

/**
 * Create a GPU instance at a placement (start >= 0), or where the driver chooses (start < 0).
 * @param gi_id receives the new GI's id (may be NULL)
 * @return 0; MIG_ENOFIT when the driver has no room; MIG_ENOTSUPPORTED when MIG is off
 */
MIG_EXTERN(int) mig_device_create_gi(mig_system *sys, unsigned index, const mig_gi_profile *p,
				     int start, unsigned *gi_id);

/**
 * Create a compute instance inside a GI.
 * @param ci_id receives the new CI's id (may be NULL)
 */
MIG_EXTERN(int) mig_device_create_ci(mig_system *sys, unsigned index, unsigned gi_id,
				     unsigned ci_profile_id, unsigned *ci_id);

/** Destroy a GI (it must have no CIs). @return 0, MIG_ENOTFOUND, MIG_EINUSE, ... */
MIG_EXTERN(int) mig_device_destroy_gi(mig_system *sys, unsigned index, unsigned gi_id);

/** Destroy a CI. @return 0, MIG_ENOTFOUND, MIG_EINUSE (processes run on it), ... */
MIG_EXTERN(int) mig_device_destroy_ci(mig_system *sys, unsigned index, unsigned gi_id,
				      unsigned ci_id);

/** Options of mig_device_create. */
enum mig_create_flags {
	MIG_CREATE_NO_CI = 1u << 0, /**< create GPU instances only, no default compute instance */
};

/** What mig_device_create made: the new GIs (and their default CI ids), in creation order. */
typedef struct mig_created {
	size_t count;
	struct {
		unsigned gi_id;
		int ci_id; /**< -1 when no CI was created */
		const mig_gi_profile *profile;
		unsigned start;
	} gi[MIG_LAYOUT_MAX];
} mig_created;

/**
 * Create a set of GPU instances next to the existing ones, all or nothing. The whole request
 * is first placed with the geometry engine around the GIs that exist (pinned starts stay
 * pinned); if it cannot fit, nothing is touched and the reason is recorded. Then each GI is
 * created at its explicit placement, largest first, each with its default CI unless
 * MIG_CREATE_NO_CI. If the driver fails part-way, what this call created is destroyed again.
 * @param created receives what was made (may be NULL)
 * @return 0; MIG_ENOFIT (nothing changed); MIG_ENOTSUPPORTED (MIG disabled or GPU unknown);
 *         an NVML error (rolled back)
 */
MIG_EXTERN(int) mig_device_create(mig_system *sys, unsigned index, const mig_layout *request,
				  unsigned flags, mig_created *created);

/**
 * Create compute instances inside an existing GI, all or nothing, larger ones first (so the
 * driver's placement of small ones never blocks a large one).
 * @param profiles CI profiles of the GI's profile, created in order
 * @param ci_ids receives the new CI ids (count entries; may be NULL)
 */
MIG_EXTERN(int) mig_device_create_cis(mig_system *sys, unsigned index, unsigned gi_id,
				      const mig_ci_profile *const *profiles, size_t count,
				      unsigned *ci_ids);

/** What to destroy: one CI, one GI with its CIs, or everything on the GPU. */
typedef struct mig_destroy_target {
	int gi_id; /**< -1: every GI */
	int ci_id; /**< -1: the whole GI (its CIs, then the GI) */
} mig_destroy_target;

/** Options of mig_device_destroy. */
enum mig_destroy_flags {
	MIG_DESTROY_FORCE = 1u << 0,	 /**< go on although processes run (the driver may refuse) */
	MIG_DESTROY_IDLE_ONLY = 1u << 1, /**< with "everything": skip busy GIs instead of refusing */
};

/** What mig_device_destroy did (filled even when it fails part-way). */
typedef struct mig_destroyed {
	size_t gis, cis;	 /**< instances destroyed */
	size_t skipped_busy;	 /**< busy GIs left alone (MIG_DESTROY_IDLE_ONLY) */
} mig_destroyed;

/**
 * Destroy instances. Unless MIG_DESTROY_FORCE, nothing is destroyed when any targeted instance
 * has running processes: the call fails with MIG_EINUSE and a message listing the pids.
 * @return 0, MIG_ENOTFOUND (no such GI/CI), MIG_EINUSE, or an NVML error
 */
MIG_EXTERN(int) mig_device_destroy(mig_system *sys, unsigned index, mig_destroy_target target,
				   unsigned flags, mig_destroyed *done);

/** A GPU-instance profile as the driver reports it, with what is still free. */
typedef struct mig_device_profile {
	unsigned nvml_profile;		 /**< NVML_GPU_INSTANCE_PROFILE_* index */
	unsigned id;			 /**< profile id */
	const mig_gi_profile *profile;	 /**< catalog entry, or NULL when unknown */
	char name[32];			 /**< catalog name, or derived from the numbers */
	unsigned slices, sms, ce, dec, enc, jpg, ofa;
	uint64_t memory_mib;
	unsigned max_count;		 /**< instanceCount */
	unsigned free_count;		 /**< remaining capacity (0 when MIG is off) */
	size_t placement_count;
	mig_placement placements[MIG_MAX_PLACEMENTS * 2];
} mig_device_profile;

/**
 * The GI profiles a GPU offers, from the driver (nvidia-smi mig -lgip and -lgipp): numbers,
 * placements and how many more of each fit now.
 * @param out receives up to cap profiles
 * @param count receives how many were found
 * @return 0; MIG_ENOTSUPPORTED when the GPU is not MIG-capable; an NVML error
 */
MIG_EXTERN(int) mig_device_profiles(mig_device_profile *out, size_t cap, size_t *count,
				    mig_system *sys, unsigned index);

/** A MIG device chosen for a program by mig_device_claim. */
typedef struct mig_claim {
	unsigned gpu;		 /**< GPU index */
	unsigned gi_id, ci_id;
	char uuid[96];		 /**< the value for CUDA_VISIBLE_DEVICES */
	char profile[32];	 /**< GI profile name */
} mig_claim;

/**
 * Choose a MIG device for a program and reserve it, so that concurrent claims never pick the
 * same one. The selector is a MIG device UUID ("MIG-..."), "GPU:GI[:CI]" (CI 0 by default), or
 * a GI profile name ("1g.10gb"), which picks an idle device of that profile. A device is busy
 * when NVML lists processes on it or a live process holds a reservation for it. Claims are
 * serialised by a lock in state_dir, where reservations are kept as files named by UUID
 * holding the claiming pid; a reservation ends when that process does (exec keeps the pid, so
 * a program started with exec holds it while it runs).
 * @param gpus GPU indices to consider (all when count is 0)
 * @return 0; MIG_ENOTFOUND (no such device or profile); MIG_EINUSE (every matching device is
 *         busy: the message lists them and what holds them); MIG_EIO (state_dir)
 */
MIG_EXTERN(int) mig_device_claim(mig_claim *out, mig_system *sys, const char *selector,
				 const unsigned *gpus, size_t count, const char *state_dir);

#endif
