/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGSIM_INTERNAL_H
#define MIGSIM_INTERNAL_H

/*
 * The NVML side of the simulator: the process-wide context, the protocol every modelled call
 * follows, and the handles.
 *
 * Every modelled nvml* function runs as
 *
 *   sim_call call;
 *   nvmlReturn_t rc = sim_begin(&call, __func__);   // init check, reload, count, faults
 *   if (rc == NVML_SUCCESS)
 *           rc = ...work on call.st...;
 *   return sim_end(&call, rc);
 *
 * sim_begin takes the process mutex (NVML is thread-safe), stats the state file and re-reads it
 * when another process replaced it, drops processes that ended, counts the call and applies the
 * faults that fire. It takes no file lock and sim_end writes nothing: writers replace the file
 * by rename, so a reader always gets a whole version, and the stat on every call means no call
 * works on a state older than a write that finished before it began. Processes that ended
 * leave the state in memory at once and the file with the next write.
 *
 * The few calls that may change the machine (MIG mode, creating and destroying instances) use
 * sim_begin_update instead: it takes the state file's exclusive lock before re-reading, so that
 * the read-modify-write is not interleaved with another process's; after a real change the call
 * marks it with sim_changed and sim_end writes the file (atomically, as sim_file.h describes)
 * before unlocking. A call that changes nothing never writes.
 *
 * Call counters: the calls this process made since its last write are counted in memory
 * ("pending", sim_tally.h) and added to the file's counters with the next write, at the last
 * nvmlShutdown, or when the library is unloaded (exit or dlclose), whichever comes first; faults
 * that count calls see the file's counts plus the pending ones. The calls of a process killed
 * with SIGKILL, or leaving with _exit() before any of those, are never counted; nor are those
 * of a process that finds the state file deleted or corrupt by then. A forked child counts its
 * own calls only: the parent counts what it made before the fork.
 */

#include <pthread.h>
#include <stdint.h>

/* The library is built with hidden visibility; the NVML functions, declared here first, are the
 * exception (and the version script exports nothing else). */
#pragma GCC visibility push(default)
#include "nvml/nvml_abi.h"
#pragma GCC visibility pop

#include "sim_fault.h"
#include "sim_file.h"
#include "sim_state.h"

typedef struct sim_call {
	const char *fn;
	sim_state *st; /* the live state, valid between begin and end */
	int active;    /* begin succeeded: end must unlock */
	int locked;    /* holds the state file's lock (sim_begin_update) */
	int changed;   /* the state changed: end writes it (only when locked) */
} sim_call;

/* A call that only reads the state. */
nvmlReturn_t sim_begin(sim_call *call, const char *fn);
/* A call that may change the state: holds the file lock until sim_end. */
nvmlReturn_t sim_begin_update(sim_call *call, const char *fn);
/* The call changed the state (after sim_begin_update succeeded): sim_end writes it. */
void sim_changed(sim_call *call);
/* End a call: write the state when it changed, unlock. Returns rc, or UNKNOWN when the write
 * failed (the change is then dropped: the next call re-reads the file). */
nvmlReturn_t sim_end(sim_call *call, nvmlReturn_t rc);

/* Faults scoped to one GPU fire when a call reaches that GPU (the handle helpers below). */
nvmlReturn_t sim_gpu_faults(sim_call *call, unsigned gpu);

/* Whether the library is initialised (for calls that do not touch the state). */
int sim_initialized(void);

/* ---- handles (sim_handle.c) --------------------------------------------------------------- */

/* Stable handles: the same object always gets the same address for the life of the process;
 * they are never freed while the library is loaded, so a stale one is detected, not followed. */
nvmlDevice_t sim_handle_gpu(unsigned gpu);
nvmlDevice_t sim_handle_mig(unsigned gpu, const sim_gi *gi, const sim_ci *ci);
nvmlGpuInstance_t sim_handle_gi(unsigned gpu, const sim_gi *gi);
nvmlComputeInstance_t sim_handle_ci(unsigned gpu, const sim_gi *gi, const sim_ci *ci);

/* What a device handle stands for, checked against the live state. */
typedef struct sim_dev {
	unsigned index; /* GPU index */
	sim_gpu *gpu;
	sim_gi *gi; /* NULL for a GPU handle */
	sim_ci *ci;
} sim_dev;

/* Resolve a GPU or MIG device handle: INVALID_ARGUMENT for an unknown or stale one; GPU-scoped
 * faults and a lost GPU are reported here. */
nvmlReturn_t sim_resolve_dev(sim_call *call, nvmlDevice_t h, sim_dev *out);
/* The same, refusing MIG device handles (INVALID_ARGUMENT). */
nvmlReturn_t sim_resolve_gpu(sim_call *call, nvmlDevice_t h, sim_dev *out);
nvmlReturn_t sim_resolve_gi(sim_call *call, nvmlGpuInstance_t h, sim_dev *out);
nvmlReturn_t sim_resolve_ci(sim_call *call, nvmlComputeInstance_t h, sim_dev *out);

/* Free every handle (library unload). */
void sim_handles_release(void);

/* ---- small helpers shared by the sim_*.c files -------------------------------------------- */

/* Copy a string into a caller buffer of length bytes: INSUFFICIENT_SIZE when it does not fit. */
nvmlReturn_t sim_copy_string(char *buf, unsigned int length, const char *s);

/* The MIG devices of a GPU in index order (GI id, then CI id): fills up to cap pairs and
 * returns how many there are. */
size_t sim_mig_devices(sim_gpu *gpu, sim_gi **gis, sim_ci **cis, size_t cap);

/* ---- placement (sim_place.c) -------------------------------------------------------------- */

/* The start the simulator gives a GI created without a placement, among the free starts[0..n)
 * (n >= 1). */
unsigned sim_place_gi(const mig_layout *l, const mig_gi_profile *p, const unsigned *starts,
		      size_t n);

/* The compute slices the CIs of a GI hold, and how many they add up to. */
uint32_t sim_ci_used(const sim_gi *gi, const mig_gi_profile *gp, unsigned *slices);
/* 1 when a CI of cp fits at start next to the GI's CIs (count, slices, overlap). */
int sim_ci_can_place(const sim_gi *gi, const mig_gi_profile *gp, const mig_ci_profile *cp,
		     unsigned start);
/* The first placement of cp that fits, or -1. */
int sim_ci_first_start(const sim_gi *gi, const mig_gi_profile *gp, const mig_ci_profile *cp);
/* How many more CIs of cp fit in the GI. */
unsigned sim_ci_remaining(const sim_gi *gi, const mig_gi_profile *gp, const mig_ci_profile *cp);

/* Resolve a GI handle and the CI profile with this id (= its NVML index) inside it:
 * NOT_SUPPORTED when the GI does not offer it (sim_mig_ci_info.c). */
nvmlReturn_t sim_ci_profile_by_id(sim_call *call, nvmlGpuInstance_t h, unsigned profileId,
				  sim_dev *dev, const mig_gi_profile **gp,
				  const mig_ci_profile **cp);

/* The most MIG devices a GPU can hold (one per compute slice). */
unsigned sim_max_mig_devices(const sim_gpu *gpu);

#endif
