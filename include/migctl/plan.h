/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_PLAN_H
#define MIGCTL_PLAN_H

/**
 * @file plan.h
 * @brief The planner: from a list of models and a fleet of GPUs to the cheapest MIG layouts.
 *
 * The steps, each usable alone:
 *  1. an input (mig_plan_input): the fleet (GPU types, how many, $/hr) and the workloads
 *     (models with their size, context, replicas, throughput target and isolation), read from
 *     a YAML file (mig_plan_input_load) or built in code (mig_plan_input_add_*);
 *  2. the model (mig_plan_model_need, mig_plan_model_perf): memory a workload needs and the
 *     decode/prefill throughput an instance gives it (docs/planner.md has the formulas);
 *  3. the optimiser (mig_plan_compute): an integer program over the complete layouts of every
 *     GPU type, solved by a backend ("cbc", or the exhaustive "enum" for small fleets);
 *  4. the answer (mig_plan): every GPU's layout with placements, every workload's instances,
 *     the LP bound and gap, three baselines; rendered as JSON, as a layout file for
 *     `migctl apply`, or as a report for people.
 *
 * Memory is in MiB where it is compared with the catalog (whose profiles are in MiB) and in
 * bytes where a model computes it. Prices are dollars per hour.
 */

#include <stddef.h>
#include <stdint.h>
#include "catalog.h"
#include "common.h"
#include "geometry.h"

/** A fleet entry with no limit: as many GPUs as the plan needs ("to buy"). */
#define MIG_PLAN_UNLIMITED 0xFFFFFFFFu
/** A byte amount that the model works out (the input did not give it). */
#define MIG_PLAN_AUTO UINT64_MAX

typedef enum mig_plan_dtype {
	MIG_PLAN_DTYPE_FP32,
	MIG_PLAN_DTYPE_FP16,
	MIG_PLAN_DTYPE_BF16,
	MIG_PLAN_DTYPE_FP8,
	MIG_PLAN_DTYPE_INT8,
	MIG_PLAN_DTYPE_INT4,
	MIG_PLAN_DTYPE__COUNT
} mig_plan_dtype;

/** How a workload may share a GPU. */
typedef enum mig_plan_isolation {
	MIG_PLAN_ISOLATION_REQUIRED,  /**< every replica gets its own MIG instance */
	MIG_PLAN_ISOLATION_SHAREABLE, /**< small replicas may share one instance through MPS */
	MIG_PLAN_ISOLATION__COUNT
} mig_plan_isolation;

/** Where an item was written in the input file; line 0 when it was built in code. */
typedef struct mig_plan_where {
	unsigned line;
	unsigned column;
} mig_plan_where;

/** One kind of GPU in the fleet. */
typedef struct mig_plan_fleet_entry {
	const char *name; /**< node name prefix; NULL: the GPU's key (copied on add) */
	const mig_gpu *gpu;
	unsigned count;		/**< GPUs available, or MIG_PLAN_UNLIMITED */
	double price_per_hour;	/**< dollars per GPU-hour, >= 0 */
	unsigned gpus_per_node; /**< GPUs per node in the layout file (default 8) */
	mig_plan_where where;
} mig_plan_fleet_entry;

/** One model to serve. Start from mig_plan_workload_init(), which sets the defaults. */
typedef struct mig_plan_workload {
	const char *name;	     /**< unique; copied on add */
	double params;		     /**< parameters (7e9); 0 when the size is given in bytes */
	mig_plan_dtype dtype;	     /**< weights' type (default fp16) */
	uint64_t weights_bytes;	     /**< weights, or MIG_PLAN_AUTO: params x dtype size */
	uint64_t memory_bytes;	     /**< total need given directly, or MIG_PLAN_AUTO: modelled */
	unsigned context;	     /**< tokens of context per sequence (default 4096) */
	unsigned batch;		     /**< sequences decoded at once per replica (default 1) */
	uint64_t kv_cache_bytes;     /**< KV cache per replica, or MIG_PLAN_AUTO: from context */
	uint64_t kv_bytes_per_token; /**< KV bytes per token, or MIG_PLAN_AUTO: from the shape */
	unsigned layers, hidden;     /**< shape, for the KV cache; 0 when unknown */
	unsigned heads, kv_heads;    /**< attention heads and KV heads (GQA); 0 when unknown */
	mig_plan_dtype kv_dtype;     /**< KV cache's type (default: dtype) */
	unsigned replicas;	     /**< at least this many instances (default 1) */
	unsigned max_replicas;	     /**< at most this many, when the throughput asks more (64) */
	double throughput;	     /**< decode tokens/s over all replicas; 0: no target */
	mig_plan_isolation isolation;
	mig_plan_where where;
} mig_plan_workload;

/** The model's constants (docs/planner.md); the input file's `model:` section sets them. */
typedef struct mig_plan_model_params {
	uint64_t overhead_bytes;      /**< per instance: CUDA context, runtime (default 1 GiB) */
	double overhead_fraction;     /**< of weights + KV: activations, allocator slack (0.05) */
	double decode_efficiency;     /**< share of the bandwidth roofline decode reaches (0.77) */
	double prefill_efficiency;    /**< share of the FP16 peak prefill reaches (0.82) */
	double mps_fraction;	      /**< a shareable replica needing at most this share of the
				       *   smallest instance may share one through MPS (0.5) */
	unsigned max_tensor_parallel; /**< most GPUs one replica may span (8) */
} mig_plan_model_params;

#define MIG_PLAN_MODEL_PARAMS_INIT                                                                 \
	{                                                                                          \
		1ull << 30, 0.05, 0.77, 0.82, 0.5, 8                                               \
	}

/** Measured whole-GPU numbers that replace the catalog's (calibration). */
typedef struct mig_plan_gpu_calibration {
	const mig_gpu *gpu;
	double bandwidth_gbs;	   /**< GB/s; 0: keep the datasheet value */
	double fp16_tflops;	   /**< dense FP16 TFLOPS; 0: keep */
	double decode_efficiency;  /**< 0: keep the model's */
	double prefill_efficiency; /**< 0: keep the model's */
	mig_plan_where where;
} mig_plan_gpu_calibration;

/** A measured throughput of one workload on one profile (calibration). */
typedef struct mig_plan_measurement {
	const char *workload; /**< workload name (copied on add) */
	const mig_gpu *gpu;
	const mig_gi_profile *profile; /**< NULL: the whole GPU with MIG off */
	double decode_tokens_per_s;    /**< 0: not measured */
	double prefill_tokens_per_s;   /**< 0: not measured */
	mig_plan_where where;
} mig_plan_measurement;

/** Everything the planner reads. Owned by the library; free with mig_plan_input_free. */
typedef struct mig_plan_input {
	char *source; /**< file name for messages ("workloads.yaml"), or "<input>" */
	size_t fleet_count;
	mig_plan_fleet_entry *fleet;
	size_t workload_count;
	mig_plan_workload *workloads;
	mig_plan_model_params model;
	size_t gpu_calibration_count;
	mig_plan_gpu_calibration *gpu_calibration;
	size_t measurement_count;
	mig_plan_measurement *measurements;
} mig_plan_input;

/** @return "fp16", "bf16", ... */
MIG_EXTERN(const char *) mig_plan_dtype_name(mig_plan_dtype t);
/** @return bytes per element of a type (0.5 for int4). */
MIG_EXTERN(double) mig_plan_dtype_bytes(mig_plan_dtype t);
/** @return "required" or "shareable". */
MIG_EXTERN(const char *) mig_plan_isolation_name(mig_plan_isolation i);

/** Set a workload to the defaults (fp16, context 4096, batch 1, 1 replica, required). */
MIG_EXTERN(void) mig_plan_workload_init(mig_plan_workload *w);

/**
 * An empty input (no fleet, no workloads, default model constants).
 * @param source name used in messages (copied), or NULL for "<input>"
 * @return 0 or MIG_ENOMEM
 */
MIG_EXTERN(int) mig_plan_input_new(mig_plan_input **out, const char *source);

/** Append a fleet entry (copied). @return 0, MIG_EINVALID (no GPU, negative price), ENOMEM */
MIG_EXTERN(int) mig_plan_input_add_gpu(mig_plan_input *in, const mig_plan_fleet_entry *e);

/**
 * Append a workload (copied, name included).
 * @return 0; MIG_EINVALID for an empty or duplicate name or a value out of range; ENOMEM
 */
MIG_EXTERN(int) mig_plan_input_add_workload(mig_plan_input *in, const mig_plan_workload *w);

/** Append a GPU calibration (copied). @return 0, MIG_EINVALID or MIG_ENOMEM */
MIG_EXTERN(int)
mig_plan_input_add_gpu_calibration(mig_plan_input *in, const mig_plan_gpu_calibration *c);

/** Append a measurement (copied). @return 0, MIG_EINVALID or MIG_ENOMEM */
MIG_EXTERN(int) mig_plan_input_add_measurement(mig_plan_input *in, const mig_plan_measurement *m);

/**
 * Read a plan input from YAML text (the format of docs/planner.md).
 * @param name the file name used in messages
 * @return 0; MIG_EINVALID with "NAME:LINE:COLUMN: what is wrong" (unknown GPU, negative size,
 *         unknown key, ...); MIG_ENOMEM
 */
MIG_EXTERN(int)
mig_plan_input_parse(mig_plan_input **out, const char *text, size_t len, const char *name);

/** Read a plan input from a YAML file. @return as mig_plan_input_parse, or MIG_EIO */
MIG_EXTERN(int) mig_plan_input_load(mig_plan_input **out, const char *path);

/**
 * Add the `calibration:` section of another YAML file (a calibration file) to an input.
 * Measurements must name workloads of the input.
 * @return 0, MIG_EIO, MIG_EINVALID (with file:line:column) or MIG_ENOMEM
 */
MIG_EXTERN(int) mig_plan_input_load_calibration(mig_plan_input *in, const char *path);

/** Free an input; NULL is fine. */
MIG_EXTERN(void) mig_plan_input_free(mig_plan_input *in);

/* ---------------------------------------------------------------- the model */

/** Whole-GPU peaks the model starts from, with their source. */
typedef struct mig_plan_gpu_perf {
	const char *key;      /**< catalog key */
	double bandwidth_gbs; /**< memory bandwidth, GB/s */
	double fp16_tflops;   /**< dense FP16/BF16 tensor TFLOPS */
	const char *source;   /**< where the numbers come from */
} mig_plan_gpu_perf;

/** @return the peaks of a GPU, or NULL when the table lacks it (never for catalog GPUs). */
MIG_EXTERN(const mig_plan_gpu_perf *) mig_plan_gpu_perf_find(const mig_gpu *gpu);

/** The memory one replica of a workload needs. */
typedef struct mig_plan_need {
	uint64_t weights_bytes;
	uint64_t kv_bytes; /**< KV cache of the replica (batch x context) */
	uint64_t overhead_bytes;
	uint64_t total_bytes; /**< the sum, or the `memory` given */
	unsigned total_mib;   /**< total, rounded up to MiB: compared with profiles */
	double params;	      /**< parameters used for FLOPs (given or inferred) */
	double kv_bytes_per_token;
	int given; /**< 1 when the total came from `memory`, not the model */
} mig_plan_need;

/**
 * Work out the memory a workload needs: weights + KV cache + runtime overhead.
 * @return 0, or MIG_EINVALID when the workload says too little to size it
 */
MIG_EXTERN(int)
mig_plan_model_need(mig_plan_need *out, const mig_plan_input *in, const mig_plan_workload *w);

/** Throughput of one workload on one instance. */
typedef struct mig_plan_perf {
	double bandwidth_gbs;	    /**< the instance's share of memory bandwidth */
	double tflops;		    /**< the instance's share of the FP16 peak */
	double decode_tokens_per_s; /**< over the replica's batch */
	double prefill_tokens_per_s;
	unsigned calibrated; /**< bit 0: decode measured, bit 1: prefill measured */
} mig_plan_perf;

/**
 * The roofline throughput of a workload on a profile of a GPU, or on `tp` whole GPUs with MIG
 * off (profile NULL), with calibration applied.
 * @return 0, or MIG_EINVALID (the need cannot be worked out, tp is 0)
 */
MIG_EXTERN(int)
mig_plan_model_perf(mig_plan_perf *out, const mig_plan_input *in, const mig_plan_workload *w,
		    const mig_gpu *gpu, const mig_gi_profile *profile, unsigned tp);

/* ---------------------------------------------------------------- the plan */

/** Options of mig_plan_compute. */
typedef struct mig_plan_options {
	const char *solver;  /**< "cbc" (default when NULL) or "enum" */
	double time_limit_s; /**< for the plan (default 10): the solver stops a hundredth
			      *   early for the baselines; explaining a fleet too small comes
			      *   on top */
	unsigned enum_flags; /**< profiles layouts may use (MIG_ENUM_DEFAULT) */
	int no_mps;	     /**< never share an instance through MPS */
	int no_baselines;    /**< skip the three comparisons (faster for benchmarks) */
} mig_plan_options;

#define MIG_PLAN_OPTIONS_INIT                                                                      \
	{                                                                                          \
		NULL, 10.0, MIG_ENUM_DEFAULT, 0, 0                                                 \
	}

/** @return the number of solver backends. */
MIG_EXTERN(size_t) mig_plan_solver_count(void);
/** @return the name of backend i ("cbc", "enum"), or NULL. */
MIG_EXTERN(const char *) mig_plan_solver_name(size_t i);
/** @return a one-line description of backend i, or NULL. */
MIG_EXTERN(const char *) mig_plan_solver_summary(size_t i);

/** How a workload is served. */
typedef enum mig_plan_serving {
	MIG_PLAN_SERVE_MIG,	 /**< its own MIG instance per replica */
	MIG_PLAN_SERVE_MPS,	 /**< sharing an instance with others through MPS */
	MIG_PLAN_SERVE_FULL_GPU, /**< larger than any instance: whole GPUs, MIG off */
	MIG_PLAN_SERVE__COUNT
} mig_plan_serving;

/** @return "mig", "mps", "full-gpu". */
MIG_EXTERN(const char *) mig_plan_serving_name(mig_plan_serving s);

/** One GPU instance of a planned GPU and what runs on it. */
typedef struct mig_plan_instance {
	const mig_gi_profile *profile;
	int start;
	size_t workload_count; /**< 0: free; more than 1: shared through MPS */
	size_t *workloads;     /**< indices into the input's workloads */
	unsigned used_mib;     /**< memory the workloads need */
} mig_plan_instance;

/** One GPU of the plan. */
typedef struct mig_plan_gpu {
	size_t fleet_index; /**< its fleet entry */
	unsigned index;	    /**< its number among its entry's GPUs, from 0 */
	unsigned node;	    /**< index / gpus_per_node */
	unsigned device;    /**< index % gpus_per_node: the device in its node */
	int mig_enabled;    /**< 0: a whole GPU for a tensor-parallel replica */
	mig_layout layout;  /**< the complete layout, with placements (empty when MIG off) */
	mig_plan_instance instances[MIG_LAYOUT_MAX]; /**< layout.count of them */
	size_t full_workload;			     /**< MIG off: the workload it serves */
} mig_plan_gpu;

/** One replica of a workload: an instance, or a group of whole GPUs. */
typedef struct mig_plan_replica {
	size_t gpu;   /**< index into the plan's GPUs (the first of a group) */
	int instance; /**< index into that GPU's instances; -1: whole GPUs */
} mig_plan_replica;

/** What the plan gives one workload. */
typedef struct mig_plan_assignment {
	mig_plan_serving serving;
	mig_plan_need need;
	size_t fleet_index;	       /**< the GPU type its replicas run on */
	const mig_gi_profile *profile; /**< NULL for full GPUs */
	unsigned tensor_parallel;      /**< GPUs per replica when full GPUs, else 1 */
	unsigned replica_count;
	mig_plan_replica *replicas;
	mig_plan_perf perf;	    /**< per replica (an MPS share is not divided) */
	double memory_headroom;	    /**< (instance memory - need) / instance memory */
	double throughput_headroom; /**< (delivered - target) / target; 0 without target */
	char *note;		    /**< why MIG cannot serve it, why MPS; or NULL */
} mig_plan_assignment;

/** The baselines a plan is compared with. */
typedef enum mig_plan_baseline_kind {
	MIG_PLAN_BASELINE_GPU_PER_MODEL, /**< one whole GPU per replica */
	MIG_PLAN_BASELINE_FFD,		 /**< first-fit-decreasing MIG packing */
	MIG_PLAN_BASELINE_UNIFORM,	 /**< the best single named layout on every GPU */
	MIG_PLAN_BASELINE__COUNT
} mig_plan_baseline_kind;

typedef struct mig_plan_baseline {
	int feasible; /**< 0: it cannot serve the workloads with this fleet */
	unsigned gpus;
	double cost_per_hour;
	double saving;	  /**< baseline cost / plan cost (1 when both are 0) */
	char detail[128]; /**< "all-1g.10gb on a100-80gb", why infeasible, ... */
} mig_plan_baseline;

/** How the optimiser did. */
typedef struct mig_plan_stats {
	const char *solver; /**< backend name */
	int optimal;	    /**< 1: proven optimal (gap 0) */
	double cost_per_hour;
	unsigned gpus;		  /**< all GPUs, MIG and full */
	unsigned free_instances;  /**< instances of the layouts no workload uses */
	unsigned leftover_slices; /**< memory + compute slices of the MIG GPUs no workload gets
				   *   (free instances and stranded slices): the third objective */
	double lp_bound;	  /**< $/hr of the LP relaxation */
	double best_bound;	  /**< best proven lower bound, $/hr */
	double gap;		  /**< (cost - best_bound) / cost; 0 when optimal */
	double solve_ms;	  /**< wall time of the solver */
	double price_ms;	 /**< of which until the price was proven (or the solver gave up) */
	int gpus_optimal;	 /**< 1: also proven to use the fewest GPUs at that price */
	size_t workload_classes; /**< distinct workloads after aggregation */
	size_t layout_patterns;	 /**< distinct layouts over all GPU types */
	size_t variables, constraints;
} mig_plan_stats;

/** A plan. Free with mig_plan_free. It points into the input, which must outlive it. */
typedef struct mig_plan {
	const mig_plan_input *input;
	size_t gpu_count;
	mig_plan_gpu *gpus;
	size_t workload_count; /**< = the input's */
	mig_plan_assignment *workloads;
	mig_plan_baseline baselines[MIG_PLAN_BASELINE__COUNT];
	mig_plan_stats stats;
	unsigned enum_flags; /**< profiles the layouts could use (the options' enum_flags) */
} mig_plan;

/**
 * Plan the cheapest layouts: minimise $/hr, then GPUs, then leftover slices (capacity of the
 * chosen GPUs no workload gets, whether in free instances or stranded by the layout).
 * @param opts NULL for the defaults
 * @return 0; MIG_EINVALID (bad input: unknown solver, a workload no GPU can hold, a throughput
 *         no allowed number of replicas reaches); MIG_ENOFIT when the fleet is too small, with
 *         a message saying what is missing ("needs 2 more a100-80gb or 1 more h100-80gb");
 *         MIG_ENOTSUPPORTED (the enum solver on a fleet too large for it); MIG_ENOMEM
 */
MIG_EXTERN(int)
mig_plan_compute(mig_plan **out, const mig_plan_input *in, const mig_plan_options *opts);

/** Free a plan; NULL is fine. */
MIG_EXTERN(void) mig_plan_free(mig_plan *plan);

/** @return the name of a baseline ("one GPU per model", ...). */
MIG_EXTERN(const char *) mig_plan_baseline_name(mig_plan_baseline_kind k);

/**
 * The plan as JSON (docs/planner.md, "Output").
 * @param out receives a NUL-terminated string the caller frees with free()
 * @return 0 or MIG_ENOMEM
 */
MIG_EXTERN(int) mig_plan_to_json(char **out, const mig_plan *plan);

/**
 * The layout file for `migctl apply`: one configuration per node, named after the node.
 * @param out receives a NUL-terminated string the caller frees with free()
 * @return 0 or MIG_ENOMEM
 */
MIG_EXTERN(int) mig_plan_to_layouts(char **out, const mig_plan *plan);

/**
 * The report a person reads: GPUs and $/hr against the baselines, each GPU's layout, each
 * workload's instances with memory and throughput headroom, and what MIG cannot serve.
 * @param out receives a NUL-terminated string the caller frees with free()
 * @return 0 or MIG_ENOMEM
 */
MIG_EXTERN(int) mig_plan_report(char **out, const mig_plan *plan);

#endif
