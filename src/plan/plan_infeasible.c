/* SPDX-License-Identifier: Apache-2.0 */
/*
 * When the fleet is too small, say what is missing: for each GPU type with a count, lift its
 * limit and find the fewest GPUs of that type that make the workloads fit (the others keep
 * their counts). "needs 2 more a100-80gb (has 1) or 1 more h200-141gb (has 0)".
 */
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "strbuf.h"
#include "banned.h"

/* The fewest GPUs of type t that make the problem feasible, or -1. */
static int64_t fewest_of(const struct plan_problem *pb, const struct plan_solver *solver, size_t t,
			 double deadline)
{
	struct plan_problem relaxed = *pb;
	struct plan_solve_ctx ctx = {deadline, NULL, PLAN_OBJ_PRICE};
	struct plan_solution sol;
	int64_t n = -1;
	size_t i;

	relaxed.types = calloc(pb->type_count, sizeof(*relaxed.types));
	if (!relaxed.types)
		return -1;
	memcpy(relaxed.types, pb->types, pb->type_count * sizeof(*relaxed.types));
	/* count GPUs of t only: each costs one unit, the others nothing */
	for (i = 0; i < pb->type_count; i++)
		relaxed.types[i].price = i == t;
	relaxed.types[t].limit = MIG_PLAN_UNLIMITED;
	if (mig_plan__solution_init(&sol, &relaxed) == 0) {
		if (solver->solve(&sol, &relaxed, &ctx) == 0)
			n = sol.cost;
		mig_plan__solution_release(&sol);
	}
	free(relaxed.types);
	mig_error_clear();
	return n;
}

int mig_plan__explain_infeasible(const struct plan_problem *pb, const struct plan_solver *solver,
				 double deadline)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	size_t t, limited = 0;
	double now = mig_plan__now();

	for (t = 0; t < pb->type_count; t++)
		limited += pb->types[t].limit != MIG_PLAN_UNLIMITED;
	for (t = 0; t < pb->type_count; t++) {
		const struct plan_type *type = &pb->types[t];
		int64_t n;

		if (type->limit == MIG_PLAN_UNLIMITED)
			continue;
		/* share what time is left between the types */
		n = fewest_of(pb, solver, t, now + (deadline - now) / (double)limited);
		if (n < 0)
			continue;
		mig_strbuf_addf(&sb, "%s%lld more %s (has %u)", sb.len ? " or " : "needs ",
				(long long)(n - type->limit), type->entry->name, type->limit);
	}
	if (sb.oom) {
		mig_strbuf_release(&sb);
		return mig_error_oom();
	}
	if (sb.len) {
		mig_error_set(MIG_ENOFIT, "the fleet is too small: %s", mig_strbuf_str(&sb));
		mig_error_hint("raise a count in the fleet, or give a type 'count: unlimited' to "
			       "plan GPUs to buy");
	} else {
		mig_error_set(MIG_ENOFIT, "the fleet is too small, and no single GPU type added "
					  "makes the workloads fit");
		mig_error_hint("raise the counts of several types, or give one 'count: unlimited'");
	}
	mig_strbuf_release(&sb);
	return MIG_ENOFIT;
}
