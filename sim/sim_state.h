/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGSIM_STATE_H
#define MIGSIM_STATE_H

/*
 * The simulated machine: GPUs (each a model of the catalog), their MIG mode, GPU instances,
 * compute instances and processes, the injected faults and the per-function call counters.
 * It lives in a JSON file so that successive processes see the same GPUs, as they would with a
 * driver; sim_state_file.c reads and writes that file under a lock, sim_state_json.c converts
 * between the file and these structs, and this header's functions edit the structs in memory.
 *
 * Nothing here talks NVML: the same code is linked into the simulator library and into the
 * migsim_admin library that `migctl sim` uses.
 */

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "migctl/catalog.h"
#include "migctl/geometry.h"

#define SIM_MAX_GI	 8  /* GPU instances on one GPU (at most 7 on any catalogued GPU) */
#define SIM_MAX_CI	 8  /* compute instances in one GPU instance */
#define SIM_MAX_GPUS	 64 /* GPUs in one state file */
#define SIM_MAX_GI_ID	 14 /* GI ids stay in 0..14, as /proc/driver/nvidia-caps lists them */
#define SIM_MAX_CI_ID	 7  /* CI ids stay in 0..7 */
#define SIM_UUID_SIZE	 48 /* "GPU-" or "MIG-" + 36 + NUL, rounded up */
#define SIM_NAME_SIZE	 64 /* function names in counters and faults */
#define SIM_VERSION_SIZE 32 /* driver / NVML version strings */
#define SIM_FORMAT	 1  /* the "migsim" format number written in every state file */

typedef struct sim_ci {
	unsigned id;
	unsigned profile; /* NVML_COMPUTE_INSTANCE_PROFILE_* value, which is also its profile id */
	unsigned start;	  /* first compute slice inside the GI */
	uint64_t serial;  /* unique for each creation: part of the MIG UUID and of the handle */
} sim_ci;

typedef struct sim_gi {
	unsigned id;
	unsigned profile_id; /* mig_gi_profile.id */
	unsigned start;	     /* first memory slice */
	uint64_t serial;
	size_t ci_count;
	sim_ci ci[SIM_MAX_CI];
} sim_gi;

/* A process using GPU memory; gi and ci are -1 for a process on a GPU without MIG. */
typedef struct sim_process {
	unsigned pid;
	uint64_t used_mib;
	int gi;
	int ci;
} sim_process;

typedef struct sim_gpu {
	const mig_gpu *model;
	char uuid[SIM_UUID_SIZE];
	unsigned pci_domain, pci_bus, pci_device;
	unsigned minor;
	unsigned mig_current, mig_pending; /* NVML_DEVICE_MIG_DISABLE / _ENABLE */
	int lost;			   /* fell off the bus: every call on it fails */
	unsigned util_gpu, util_mem;	   /* percent, as a test set them */
	size_t gi_count;
	sim_gi gi[SIM_MAX_GI];
	size_t proc_count;
	sim_process *procs;
} sim_gpu;

/*
 * An injected fault: the calls numbered nth .. nth+count-1 of a counter fail with code. The
 * counter is the function's own when function is set, else the count of all calls. With gpu >= 0
 * only calls that reach that GPU fail. count 0 means for ever.
 */
typedef struct sim_fault {
	char function[SIM_NAME_SIZE];
	int gpu;
	uint64_t nth;
	uint64_t count;
	int code;
} sim_fault;

typedef struct sim_counter {
	char name[SIM_NAME_SIZE];
	uint64_t calls;
} sim_counter;

/* Call counters by function name, plus the total. */
typedef struct sim_counters {
	uint64_t total;
	size_t count;
	sim_counter *items;
} sim_counters;

typedef struct sim_state {
	uint64_t generation;  /* bumped by every write of the file */
	uint64_t next_serial; /* the serial the next created instance gets */
	char driver_version[SIM_VERSION_SIZE];
	char nvml_version[SIM_VERSION_SIZE];
	int cuda_version; /* major * 1000 + minor * 10 */
	size_t gpu_count;
	sim_gpu *gpus;
	size_t fault_count;
	sim_fault *faults;
	sim_counters calls;
} sim_state;

/* Empty a state (keeps nothing); the struct can be reused after sim_state_init. */
void sim_state_init(sim_state *st);
void sim_state_release(sim_state *st);

/* Deep copy; 0 or MIG_ENOMEM. */
int sim_state_copy(sim_state *dst, const sim_state *src);

/* Append a GPU of a model with default identity (UUID, PCI address, minor from its index). */
int sim_state_add_gpu(sim_state *st, const mig_gpu *model);

/* Build a state from a spec such as "2xh100-80gb,a100-80gb" (keys as mig_catalog_find takes).
 * 0, MIG_EINVALID / MIG_ENOTFOUND with a message naming the bad token, or MIG_ENOMEM. */
int sim_state_from_spec(sim_state *out, const char *spec);

/* Lookups inside a GPU; NULL when absent. */
sim_gi *sim_gpu_gi(sim_gpu *gpu, unsigned gi_id);
sim_ci *sim_gi_ci(sim_gi *gi, unsigned ci_id);
const mig_gi_profile *sim_gi_profile(const sim_gpu *gpu, const sim_gi *gi);
const mig_ci_profile *sim_ci_profile(const mig_gi_profile *gp, unsigned profile);

/* The GPU's placed instances as a geometry layout. */
void sim_gpu_layout(const sim_gpu *gpu, mig_layout *out);

/* A free GI id for a GI of this size at this start (see sim_state.c), or -1. */
int sim_gpu_new_gi_id(const sim_gpu *gpu, unsigned start, unsigned size);
/* The lowest free CI id of a GI, or -1. */
int sim_gi_new_ci_id(const sim_gi *gi);

/* Add a GI / CI (the caller checked the rules); return the new one or NULL when full. */
sim_gi *sim_gpu_add_gi(sim_state *st, sim_gpu *gpu, const mig_gi_profile *p, unsigned start);
sim_ci *sim_gi_add_ci(sim_state *st, sim_gi *gi, const mig_ci_profile *p, unsigned start);
void sim_gpu_remove_gi(sim_gpu *gpu, unsigned gi_id);
void sim_gi_remove_ci(sim_gi *gi, unsigned ci_id);

/* Number of processes running on a GPU (gi < 0), a GI (ci < 0) or one CI. */
size_t sim_gpu_process_count(const sim_gpu *gpu, int gi, int ci);

/* Apply the pending MIG mode (what a GPU reset does): instances go away when the mode changes.
 * MIG_EINUSE when processes run on the GPU. */
int sim_gpu_reset(sim_gpu *gpu, unsigned index);

/* Forget processes whose pid no longer exists; returns how many went. */
size_t sim_state_reap_processes(sim_state *st);

/* "GPU-"/"MIG-" + a UUID derived from the given words (deterministic, RFC 4122 shape). */
void sim_uuid_make(char out[SIM_UUID_SIZE], const char *prefix, const char *seed, uint64_t a,
		   uint64_t b, uint64_t c);
/* The MIG UUID of a compute instance. */
void sim_ci_uuid(char out[SIM_UUID_SIZE], const sim_gpu *gpu, const sim_gi *gi, const sim_ci *ci);

/* Counters: add one call of name (and one to the total); get a count (0 when never called). */
int sim_counters_bump(sim_counters *c, const char *name);
uint64_t sim_counters_get(const sim_counters *c, const char *name);
void sim_counters_release(sim_counters *c);

#endif
