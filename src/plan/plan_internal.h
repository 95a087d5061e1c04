/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_PLAN_INTERNAL_H
#define MIGCTL_PLAN_INTERNAL_H

/*
 * Shared between the files of src/plan/. The planner turns the input into an aggregated
 * problem and hands it to a solver backend:
 *
 *  - a type is a fleet entry (identical GPUs are one type with a count);
 *  - a pattern is a distinct multiset of profiles among the complete layouts of a type, kept
 *    with one representative layout for the placements; a solution says how many GPUs of each
 *    type use each pattern (y);
 *  - a kind is what an instance is: a profile of a type, or a group of `tp` whole GPUs with
 *    MIG off for a replica larger than any instance;
 *  - a unit is what chooses how it is served: a workload (all its replicas, alike), or an MPS
 *    group (several small replicas sharing one instance);
 *  - an option of a unit is "count instances of kind k"; units with the same options form a
 *    class, and a solution says how many units of each class take each option (z).
 *
 * The objective is lexicographic: price, then GPUs, then leftover: the memory and compute
 * slices of the chosen GPUs that no workload gets (free instances, and slices a complete
 * layout strands, such as the 3 compute slices next to four 1g.20gb). Prices are kept as
 * integers (PLAN_PRICE_SCALE units per dollar) so that the solver's objective is integral.
 */

#include <stdint.h>

#include "migctl/plan.h"

/* Price units per dollar: 1/100 of a cent, so that every objective value is an integer. */
#define PLAN_PRICE_SCALE 10000.0
/* Most profiles of one GPU the planner uses (RTX PRO 6000 has 11 with every variant). */
#define PLAN_MAX_PROFILES 16
#define PLAN_NONE	  ((size_t)-1)
/* Most instances one unit may ask for: far beyond any GPU, to keep products in range. */
#define PLAN_MAX_COUNT 4096u

struct plan_type {
	const mig_plan_fleet_entry *entry;
	const mig_gpu *gpu;
	int64_t price;	      /* price units per GPU-hour */
	unsigned limit;	      /* MIG_PLAN_UNLIMITED or the GPUs available */
	size_t profile_count; /* profiles the layouts may use */
	const mig_gi_profile *profiles[PLAN_MAX_PROFILES];
	size_t kind_first; /* the kind of profiles[i] is kind_first + i */
	size_t pattern_first, pattern_count;
};

struct plan_pattern {
	size_t type;
	const mig_layout *layout;	   /* a representative, with placements */
	unsigned count[PLAN_MAX_PROFILES]; /* instances per profile of the type */
	unsigned instances;
};

struct plan_kind {
	size_t type;
	int profile; /* index into the type's profiles; -1: whole GPUs */
	unsigned tp; /* whole GPUs per instance when profile is -1, else 0 */
};

struct plan_option {
	size_t kind;
	unsigned count; /* instances of the kind per unit */
};

struct plan_unit {
	size_t workload; /* the workload, or PLAN_NONE for an MPS group */
	size_t group;	 /* the MPS group, or PLAN_NONE */
	unsigned mib;	 /* memory one instance must hold */
	size_t cls;	 /* its class */
};

/* Replicas of small shareable workloads that share one instance through MPS. */
struct plan_group {
	size_t member_first, member_count; /* into the problem's group_members (workloads) */
	unsigned mib;
	double bytes_per_s; /* bandwidth the members' targets take */
};

struct plan_class {
	unsigned mult;		     /* units in the class */
	size_t opt_first, opt_count; /* into the problem's options */
	size_t unit_first;	     /* into the problem's class_units */
};

struct plan_problem {
	const mig_plan_input *in;
	unsigned enum_flags;
	size_t type_count;
	struct plan_type *types;
	size_t pattern_count;
	struct plan_pattern *patterns;
	size_t kind_count;
	struct plan_kind *kinds;
	size_t option_count;
	struct plan_option *options;
	size_t class_count;
	struct plan_class *classes;
	size_t unit_count;
	struct plan_unit *units;
	size_t *class_units; /* unit indices, grouped by class */
	size_t group_count;
	struct plan_group *groups;
	size_t *group_members;	       /* workload indices */
	mig_plan_need *needs;	       /* per workload */
	unsigned char *dominated;      /* per option: never lowers the price (plan_dominance.c) */
	unsigned char *pattern_needed; /* per pattern: the price phase may use it */
	size_t *pattern_cover;	       /* per pattern: a needed one that covers it */
	mig_layout_list **layouts;     /* per type (shared between types of one GPU) */
};

struct plan_solution {
	unsigned *y;  /* GPUs per pattern */
	unsigned *z;  /* units per option */
	int64_t cost; /* price units */
	unsigned gpus;
	unsigned free_instances; /* instances no workload uses (reported) */
	unsigned leftover;	 /* memory + compute slices given to no workload (the objective) */
	double lp_bound;	 /* price units; NAN when not computed */
	double best_bound;	 /* price units */
	int optimal;		 /* the price is proven the least */
	int gpus_optimal;	 /* and the GPUs the fewest at that price */
	double price_ms;	 /* time until the price was settled */
};

/* What a solve minimises. */
enum plan_objective {
	PLAN_OBJ_LEX,	/* price, then GPUs, then leftover slices */
	PLAN_OBJ_PRICE, /* price alone (the first phase of cbc) */
};

struct plan_solve_ctx {
	double deadline;		   /* plan__now() value to stop at */
	const struct plan_solution *start; /* a feasible solution to start from, or NULL */
	enum plan_objective objective;
};

/*
 * A solver backend. solve fills out (allocated by the caller with plan__solution_init) and
 * returns 0; MIG_ENOFIT when no solution exists; MIG_ENOTSUPPORTED when the problem is beyond
 * the backend; other codes on failure. A backend that cannot prove optimality in time returns
 * its best solution with optimal 0 and best_bound set.
 */
typedef int (*mig_solve_fn)(struct plan_solution *out, const struct plan_problem *pb,
			    const struct plan_solve_ctx *ctx);

struct plan_solver {
	const char *name;
	const char *summary;
	mig_solve_fn solve;
};

extern const struct plan_solver plan_solver_cbc;
extern const struct plan_solver plan_solver_enum;

/* --- plan_input.c / plan_yaml.c --- */
int mig_plan__input_apply_yaml(mig_plan_input *in, const char *text, size_t len, const char *name,
			       int calibration_only);

/* --- plan_model.c --- */
/* An instance's share of the GPU's memory bandwidth: its memory slices over the GPU's. */
double mig_plan__bandwidth_share(const mig_gpu *gpu, const mig_gi_profile *p);
/* Bytes/s decode reaches on an instance (p NULL: one whole GPU), efficiency included. */
double mig_plan__effective_bandwidth(const mig_plan_input *in, const mig_gpu *gpu,
				     const mig_gi_profile *p);
/* Bytes read per decoded token of one sequence: weights and KV cache over the batch. */
double mig_plan__bytes_per_token(const mig_plan_need *n, const mig_plan_workload *w);

/* --- plan_problem.c --- */
int mig_plan__problem_build(struct plan_problem *pb, const mig_plan_input *in,
			    const mig_plan_options *opts);
void mig_plan__problem_release(struct plan_problem *pb);
/* The GPUs one instance of a kind takes away from its type's count (whole GPUs), else 0. */
unsigned mig_plan__kind_gpus(const struct plan_problem *pb, size_t kind);
/* The memory-slice positions one instance of a kind covers (a whole GPU: all of them). */
unsigned mig_plan__kind_slices(const struct plan_problem *pb, size_t kind);
/* Memory plus compute slices: of a GPU type (whole), or of a MIG kind's instance. */
unsigned mig_plan__type_capacity(const struct plan_problem *pb, size_t type);
unsigned mig_plan__kind_capacity(const struct plan_problem *pb, size_t kind);

/* --- plan_options.c: the options of units (what fits where, how many for the target) --- */
/* Fill out[] with a unit's options (a workload, or an MPS group when group != PLAN_NONE);
 * may add whole-GPU kinds to the problem. */
int mig_plan__unit_options(struct plan_problem *pb, size_t workload, size_t group,
			   struct plan_option *out, size_t cap, size_t *count);
/* Explain why a workload has no option (memory, or a throughput no replica count reaches). */
int mig_plan__no_option_error(struct plan_problem *pb, size_t w);
int mig_plan__model_perf_kind(mig_plan_perf *out, const struct plan_problem *pb, size_t workload,
			      size_t kind);
/* Instances that meet a workload's replicas and throughput target; 0: beyond max_replicas. */
unsigned mig_plan__replicas_for(const mig_plan_workload *w, double per_instance);
/* Whole GPUs one replica needs with MIG off (tensor parallel); 0: more than allowed. */
unsigned mig_plan__tp_degree(const mig_plan_input *in, const mig_plan_need *n, const mig_gpu *gpu);

/* --- plan_classes.c --- */
int mig_plan__problem_classes(struct plan_problem *pb, const int *eligible);
/* The whole-GPU kind (type, tp) appended to the problem. */
int mig_plan__add_whole_kind(struct plan_problem *pb, size_t type, unsigned tp, size_t *out);

/* --- plan_dominance.c --- */
int mig_plan__mark_dominated(struct plan_problem *pb);
int mig_plan__mark_needed_patterns(struct plan_problem *pb);

/* --- plan_mps.c --- */
int mig_plan__mps_group(struct plan_problem *pb, int *eligible);

/* --- plan_solution.c --- */
int mig_plan__solution_init(struct plan_solution *s, const struct plan_problem *pb);
void mig_plan__solution_release(struct plan_solution *s);
void mig_plan__solution_copy(struct plan_solution *dst, const struct plan_solution *src,
			     const struct plan_problem *pb);
/* Work out cost, GPUs, leftover and free instances of y and z; 0 when every constraint holds. */
int mig_plan__solution_evaluate(struct plan_solution *s, const struct plan_problem *pb);
/* 1 when a is better than b under the lexicographic objective. */
int mig_plan__solution_better(const struct plan_solution *a, const struct plan_solution *b);
double mig_plan__now(void);

/* --- plan_ilp.c --- */
/* The LP relaxation's price (price units), or NAN when it could not be solved. */
double mig_plan__lp_bound(const struct plan_problem *pb);

/* --- plan_baselines.c --- */
/* First-fit-decreasing over the units: fills sol when it succeeds (0) with the fleet. */
int mig_plan__ffd(struct plan_solution *sol, const struct plan_problem *pb);
int mig_plan__baselines(mig_plan *plan, const struct plan_problem *pb);

/* --- plan_expand.c --- */
int mig_plan__expand(mig_plan *plan, const struct plan_problem *pb,
		     const struct plan_solution *sol);

/* --- plan_assess.c: serving, throughput, headroom and notes of every workload --- */
int mig_plan__assess(mig_plan *plan, const struct plan_problem *pb);

/* --- plan_explain.c --- */
struct mig_strbuf;
/* Lines saying, per GPU type, how many GPUs the instances' sizes alone require. */
int mig_plan__explain_bound(struct mig_strbuf *sb, const mig_plan *plan);

/* --- plan_infeasible.c --- */
int mig_plan__explain_infeasible(const struct plan_problem *pb, const struct plan_solver *solver,
				 double deadline);

/* --- plan_text.c: shared formatting --- */
/* "19.5 GiB" from MiB. */
const char *mig_plan__gib(char *buf, size_t len, double mib);
/* A workload's display name ("llama-7b"). */
const char *mig_plan__wname(const mig_plan_input *in, size_t w);
/* The node of a planned GPU: "<fleet entry name>-<node number>" ("a100-80gb-0"). */
const char *mig_plan__node_name(char *buf, size_t len, const mig_plan *plan, size_t gpu);
/* "a100-80gb-0/3": node and device of a planned GPU. */
const char *mig_plan__gpu_label(char *buf, size_t len, const mig_plan *plan, size_t gpu);

#endif
