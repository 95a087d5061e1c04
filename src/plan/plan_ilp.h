/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_PLAN_ILP_H
#define MIGCTL_PLAN_ILP_H

/*
 * The integer program of the "cbc" backend (plan_ilp_model.c builds it, plan_ilp.c solves
 * it). Columns, in this order:
 *
 *   y[p]  GPUs of pattern p's type that use pattern p            integer >= 0
 *   z[o]  units of option o's class that take option o           integer 0..mult
 *   G[t]  GPUs of type t, MIG and whole                          integer >= 0
 *
 * Rows:
 *
 *   sum_{o in class c} z[o]                              = mult[c]   every unit is served
 *   sum_{o of kind k} count[o] z[o] - sum_p n[p][k] y[p] <= 0        the instances exist
 *   G[t] - sum_{p of t} y[p] - sum_{o whole on t} gpus[o] z[o] = 0   GPUs per type
 *   G[t] <= count[t]                                                  the fleet (limited types)
 *   sum_t price[t] G[t] <= price cap                      (after the price phase; = when
 *                                                          the cap is the proven least)
 *   sum_t G[t] <= GPU cap                                 (in the leftover phase)
 *
 * G[t] is implied by the others, but giving it a column lets the branch-and-bound branch on
 * "how many GPUs of this type", which closes the gap on mixed fleets far faster than
 * branching on single patterns. The price and GPU phases leave out the dominated options and
 * patterns (plan_dominance.c), which cannot lower either; the leftover phase sees them all.
 */

#include <coin/Cbc_C_Interface.h>

#include "plan_internal.h"

enum plan_ilp_phase {
	PLAN_ILP_PRICE,	   /* minimise the price */
	PLAN_ILP_GPUS,	   /* price capped: minimise the GPUs */
	PLAN_ILP_LEFTOVER, /* price and GPUs capped: minimise the leftover slices */
};

struct plan_ilp_spec {
	enum plan_ilp_phase phase;
	int relax;	   /* 1: the LP relaxation (continuous columns) */
	int64_t price_cap; /* GPUS, LEFTOVER: the price may not exceed this */
	unsigned gpu_cap;  /* LEFTOVER: nor the GPUs this */
	int price_exact;   /* GPUS: the cap is the proven least price: an equality (the
			      search's window; CBC solves it with its full preprocessing) */
};

/* A CBC model (silent); NULL with the error recorded. */
Cbc_Model *mig_plan__ilp_build(const struct plan_problem *pb, const struct plan_ilp_spec *spec);

/*
 * A plan rounded from the LP relaxation's column values x (plan_ilp_round.c).
 * @return 0 when it is a valid plan; MIG_ENOFIT (a fleet limit), or another error
 */
int mig_plan__ilp_round(struct plan_solution *out, const struct plan_problem *pb, const double *x,
			double seconds);

/* CBC's settings for these models; preprocess: CBC's default strategy and preprocessing. */
void mig_plan__ilp_tune(Cbc_Model *model, int preprocess);

/* CBC's best solution into out (initialised); 1 when there is one and it is a valid plan. */
int mig_plan__ilp_take(struct plan_solution *out, Cbc_Model *model, const struct plan_problem *pb);

/* Every price is a multiple of this (price units); 0 when every GPU is free. */
int64_t mig_plan__price_step(const struct plan_problem *pb);

/*
 * Prove best optimal for the price phase or the GPU phase of spec, or find a better plan,
 * by branching on the GPUs of each type (plan_ilp_search.c); a better plan replaces best's
 * columns and objective, not its bounds. bound is a known lower bound on the objective; the
 * search stops at deadline (mig_plan__now()).
 * @return 1 when best is proven optimal, 0 when not (time ran out); <0 on error
 */
int mig_plan__ilp_search(struct plan_solution *best, const struct plan_problem *pb,
			 const struct plan_ilp_spec *spec, double bound, double deadline);

/* Column of G[t]. */
size_t mig_plan__ilp_gpu_column(const struct plan_problem *pb, size_t t);

#endif
