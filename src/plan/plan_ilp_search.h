/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_PLAN_ILP_SEARCH_H
#define MIGCTL_PLAN_ILP_SEARCH_H

/*
 * The search over GPU counts (plan_ilp_search.c) and the arithmetic of the counts a better
 * plan can have (plan_ilp_counts.c).
 */

#include "plan_ilp.h"

/* A search in progress; lo and hi are its current node's counts. */
struct search {
	const struct plan_problem *pb;
	const struct plan_ilp_spec *spec; /* the phase: PRICE, or GPUS with its price cap */
	int64_t step;			  /* the objective's step: the price step, or 1 GPU */
	int64_t price_step;		  /* every price is a multiple of this */
	double bound;			  /* a known lower bound on the objective */
	double deadline;		  /* mig_plan__now() to stop at */
	double leaf_seconds;		  /* the most a node with every count fixed may take */
	double leaf_first_seconds;	  /* the same, the first time (then it is left for
					     later); 0: no first time */
	int complete;			  /* 0 once a node is left undecided */
	long *lo, *hi;			  /* the counts a node allows, per type; hi -1: any */
	long *later;			  /* undecided leaves: lo and hi of each, to retry */
	double *later_bound;		  /* and the bound each had */
	size_t later_count, later_cap;
	int retrying;			  /* 1 once the leaves left for later are retried */
	struct plan_solution *best;
	struct plan_solution scratch;
};

/* How the search spends its time; mig_plan__ilp_search uses plan_ilp_search.c's defaults. */
struct search_tuning {
	double leaf_first_share; /* of a leaf's time, the share of its first try; 0: no first
				    try, every leaf the root leaves open waits for the retry */
};

/* mig_plan__ilp_search (plan_ilp.h), tuned; tuning NULL: the defaults. */
int mig_plan__ilp_search_tuned(struct plan_solution *best, const struct plan_problem *pb,
			       const struct plan_ilp_spec *spec, double bound, double deadline,
			       const struct search_tuning *tuning);

/* The objective's weight of a GPU of type t: its price, or 1 in the GPU phase. */
int64_t mig_plan__search_weight(const struct search *s, size_t t);

/* The best plan's objective: its price, or its GPUs in the GPU phase. */
int64_t mig_plan__search_best(const struct search *s);

/*
 * Narrow the node's counts to those a plan better than the best, with an objective of at
 * least lower, can have; 0 when no such plan is left (plan_ilp_counts.c).
 */
int mig_plan__search_narrow(struct search *s, double lower);

#endif
