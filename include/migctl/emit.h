/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_EMIT_H
#define MIGCTL_EMIT_H

/**
 * @file emit.h
 * @brief Hand a plan, or the instances a machine holds now, to Docker, Compose, Kubernetes and
 * systemd.
 *
 * Two steps:
 *  1. an input (mig_emit_input): the nodes with each GPU's layout, and the services to run,
 *     each with its replicas placed on a GPU of a node. It is read from the planner's JSON
 *     (mig_emit_input_parse_plan) or built from GPU states (mig_emit_input_from_state: one
 *     service per MIG device). mig_emit_input_resolve adds the MIG device UUIDs of a node's
 *     planned instances once the layout is applied on that machine;
 *  2. a target (docker, compose, k8s, systemd) turns the input into files
 *     (mig_emit_render): the same input and options always give the same bytes.
 *
 *   mig_emit_input *in;
 *   mig_emit_output *out;
 *   mig_emit_options opts = MIG_EMIT_OPTIONS_INIT;
 *   if (mig_emit_input_load_plan(&in, "plan.json") < 0 ||
 *       mig_emit_render(&out, "k8s", in, &opts) < 0) ... mig_error_last()->message ...
 *
 * docs/guide-models-to-services.md walks through every target; docs/migctl.1 lists the files.
 */

#include <stddef.h>
#include "catalog.h"
#include "common.h"
#include "config.h"
#include "device.h"

/** Image of every container unless the options name another; "{name}" is the service name. */
#define MIG_EMIT_DEFAULT_IMAGE "registry.example.com/{name}:latest"
/** The program a systemd service runs unless the options name another (a placeholder). */
#define MIG_EMIT_DEFAULT_COMMAND "/usr/local/bin/serve-model {name}"
/** The migctl that generated commands and units call. */
#define MIG_EMIT_DEFAULT_MIGCTL "/usr/local/bin/migctl"
/** Where the systemd layout unit expects the layout file. */
#define MIG_EMIT_LAYOUT_PATH "/etc/migctl/layouts.yaml"
/** The ConfigMap (in NVIDIA's GPU Operator namespace) holding the layouts for mig-manager. */
#define MIG_EMIT_CONFIG_MAP "migctl-mig-config"
/** The GPU Operator's namespace, where mig-manager reads its ConfigMap. */
#define MIG_EMIT_OPERATOR_NAMESPACE "gpu-operator"

/** How a service uses the GPUs. */
typedef enum mig_emit_serving {
	MIG_EMIT_SERVE_MIG,	 /**< a MIG device of its own per replica */
	MIG_EMIT_SERVE_MPS,	 /**< a MIG device shared with other services through MPS */
	MIG_EMIT_SERVE_FULL_GPU, /**< whole GPUs with MIG off (tensor parallel) */
	MIG_EMIT_SERVE__COUNT
} mig_emit_serving;

/** One machine: its GPUs and their layouts. */
typedef struct mig_emit_node {
	char *name;	    /**< node (host) name */
	const mig_gpu *gpu; /**< the model of its first GPU */
	size_t gpu_count;
	mig_config_gpu_layout *gpus; /**< by NVML index; uuid owned, NULL when unknown */
} mig_emit_node;

/** Where one replica of a service runs. */
typedef struct mig_emit_replica {
	size_t node;	    /**< index into the input's nodes */
	unsigned gpu;	    /**< NVML index of its GPU (the first one for whole GPUs) */
	unsigned gpu_count; /**< whole GPUs it takes; 1 for a MIG device */
	int start;	    /**< its GI's memory-slice start; -1 for whole GPUs */
	char *uuid;	    /**< MIG device UUID when known, else NULL */
} mig_emit_replica;

/** A program to run: one per workload of a plan, or per MIG device of a state. */
typedef struct mig_emit_service {
	char *name;	/**< unique; a DNS label (lower-case, digits, '-') */
	char *workload; /**< the name the plan gives it */
	mig_emit_serving serving;
	const mig_gpu *gpu;	       /**< the GPU model its replicas run on */
	const mig_gi_profile *profile; /**< its GI profile; NULL for whole GPUs */
	const mig_ci_profile *ci; /**< its CI when smaller than the GI (state only), else NULL */
	size_t replica_count;
	mig_emit_replica *replicas;
} mig_emit_service;

/** What the targets read. Free with mig_emit_input_free. */
typedef struct mig_emit_input {
	char *source;	/**< "plan.json", or "state of NODE" */
	int from_state; /**< 1 when built from GPU states */
	size_t node_count;
	mig_emit_node *nodes;
	size_t service_count;
	mig_emit_service *services; /**< in the plan's order (state: by GPU, GI, CI) */
} mig_emit_input;

/**
 * Read the planner's JSON (mig_plan_to_json): its "gpus" (node, device, layout) and
 * "workloads" (serving, replicas). Other members are ignored. Workload names become service
 * names: lower-cased, every run of other characters than letters and digits made one '-'.
 * @param name the file name used in messages
 * @return 0; MIG_EINVALID with "NAME: ..." naming the bad member (not JSON, unknown GPU or
 *         profile, a placement the GPU does not allow, a replica on a GPU the plan lacks, two
 *         names that give one service name); MIG_ENOMEM
 */
MIG_EXTERN(int)
mig_emit_input_parse_plan(mig_emit_input **out, const char *text, size_t len, const char *name);

/** Read a plan file. @return as mig_emit_input_parse_plan; MIG_ENOTFOUND / MIG_EIO */
MIG_EXTERN(int) mig_emit_input_load_plan(mig_emit_input **out, const char *path);

/**
 * One node from the GPU states of this machine: one service per MIG device, named
 * "gpu<N>-gi<G>-ci<C>", with its UUID. GPUs with MIG off are part of the node's layout only.
 * @param node the node's name (a DNS name; the host name is usual)
 * @return 0; MIG_EINVALID for an empty node name or a GPU migctl does not know; MIG_ENOMEM
 */
MIG_EXTERN(int)
mig_emit_input_from_state(mig_emit_input **out, const char *node,
			  const mig_gpu_state *const *states, size_t count);

/**
 * Fill in the MIG device UUIDs of one node's replicas from the GPU states of that machine,
 * after its planned layout is applied: the replica on GPU g at start s gets the UUID of the
 * device of the GI of its profile at s on GPU g.
 * @param node the node's name, or NULL when the input has one node
 * @return 0; MIG_ENOTFOUND (no such node; a planned instance the GPU does not hold, with the
 *         hint to apply the layout first); MIG_EINVALID (NULL node with several); MIG_ENOMEM
 */
MIG_EXTERN(int)
mig_emit_input_resolve(mig_emit_input *in, const char *node, const mig_gpu_state *const *states,
		       size_t count);

/** Free an input; NULL is fine. */
MIG_EXTERN(void) mig_emit_input_free(mig_emit_input *in);

/** @return "mig", "mps" or "full-gpu". */
MIG_EXTERN(const char *) mig_emit_serving_name(mig_emit_serving s);

/** How Kubernetes sees MIG devices (the device plugin's MIG strategy). */
typedef enum mig_emit_strategy {
	MIG_EMIT_STRATEGY_MIXED,  /**< one resource per profile: nvidia.com/mig-3g.40gb */
	MIG_EMIT_STRATEGY_SINGLE, /**< every node uniform; its devices are nvidia.com/gpu */
	MIG_EMIT_STRATEGY__COUNT
} mig_emit_strategy;

/** @return "mixed" or "single". */
MIG_EXTERN(const char *) mig_emit_strategy_name(mig_emit_strategy s);

/** Parse "mixed" / "single". @return 0, or MIG_EINVALID naming the bad word */
MIG_EXTERN(int) mig_emit_strategy_parse(mig_emit_strategy *out, const char *s);

/** Options of mig_emit_render. */
typedef struct mig_emit_options {
	mig_emit_strategy strategy; /**< k8s only */
	const char *node;	    /**< only this node; NULL: all (docker, compose and systemd,
				     *   which describe one machine, then need a single node) */
	const char *image;	    /**< image template ("{name}", "{replica}"); NULL: default */
	const char *command;	    /**< program and arguments, words split at spaces, with the
				     *   same placeholders; NULL: the image's own in containers,
				     *   MIG_EMIT_DEFAULT_COMMAND in systemd services */
	const char *migctl;	    /**< path of migctl in commands; NULL: the default */
} mig_emit_options;

#define MIG_EMIT_OPTIONS_INIT                                                                      \
	{                                                                                          \
		MIG_EMIT_STRATEGY_MIXED, NULL, NULL, NULL, NULL                                    \
	}

/** One file of a target's output. */
typedef struct mig_emit_file {
	char *name;    /**< file name, no folder ("compose.yaml") */
	char *content; /**< NUL-terminated text */
	unsigned mode; /**< permissions to give it (0644, 0755 for scripts) */
} mig_emit_file;

/** What a target made. Free with mig_emit_output_free. */
typedef struct mig_emit_output {
	const char *target; /**< the target's name (static) */
	int yaml_stream;    /**< 1: every file is a YAML document (joined with "---") */
	size_t count;
	mig_emit_file *files;
} mig_emit_output;

/** @return the number of targets. */
MIG_EXTERN(size_t) mig_emit_target_count(void);
/** @return the name of target i ("docker", "compose", "k8s", "systemd"), or NULL. */
MIG_EXTERN(const char *) mig_emit_target_name(size_t i);
/** @return a one-line description of target i, or NULL. */
MIG_EXTERN(const char *) mig_emit_target_summary(size_t i);

/**
 * Render an input for a target.
 * @param target a target's name (case-insensitive)
 * @param opts NULL for the defaults
 * @return 0; MIG_ENOTFOUND for an unknown target or node (the message lists the valid ones);
 *         MIG_EINVALID when the input cannot be written for that target (several nodes for a
 *         one-machine target, --strategy single on a node whose layout is not uniform, a
 *         template that gives an empty word); MIG_ENOMEM
 */
MIG_EXTERN(int)
mig_emit_render(mig_emit_output **out, const char *target, const mig_emit_input *in,
		const mig_emit_options *opts);

/**
 * All files as one text, for standard output: YAML documents joined by "---" lines, other
 * files each after a "# file: NAME" line.
 * @param out receives the text (the caller frees it)
 * @return 0 or MIG_ENOMEM
 */
MIG_EXTERN(int) mig_emit_output_text(char **out, const mig_emit_output *o);

/** Free an output; NULL is fine. */
MIG_EXTERN(void) mig_emit_output_free(mig_emit_output *o);

#endif
