/* SPDX-License-Identifier: Apache-2.0 */
/*
 * mig_plan_compute: build the aggregated problem, start from first-fit-decreasing, run the
 * chosen backend, explain an infeasible fleet, and turn the solution into the plan with its
 * bounds and baselines.
 */
#include "plan_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "parse_util.h"
#include "strbuf.h"
#include "banned.h"

/* The backends, in the order `--solver` lists them; the first is the default. */
static const struct plan_solver *const solvers[] = {
	&plan_solver_cbc,
	&plan_solver_enum,
};

#define SOLVER_COUNT (sizeof(solvers) / sizeof(solvers[0]))

size_t mig_plan_solver_count(void)
{
	return SOLVER_COUNT;
}

const char *mig_plan_solver_name(size_t i)
{
	return i < SOLVER_COUNT ? solvers[i]->name : NULL;
}

const char *mig_plan_solver_summary(size_t i)
{
	return i < SOLVER_COUNT ? solvers[i]->summary : NULL;
}

static int find_solver(const struct plan_solver **out, const char *name)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	size_t i;

	if (!name) {
		*out = solvers[0];
		return 0;
	}
	for (i = 0; i < SOLVER_COUNT; i++)
		if (mig_strcaseeq(name, solvers[i]->name)) {
			*out = solvers[i];
			return 0;
		}
	for (i = 0; i < SOLVER_COUNT; i++)
		mig_strbuf_addf(&sb, "%s%s", i ? ", " : "", solvers[i]->name);
	mig_error_set(MIG_EINVALID, "unknown solver '%s'", name);
	mig_error_hint("valid solvers: %s", mig_strbuf_str(&sb));
	mig_strbuf_release(&sb);
	return MIG_EINVALID;
}

static void fill_stats(mig_plan *plan, const struct plan_problem *pb,
		       const struct plan_solution *sol, const char *solver, double ms)
{
	mig_plan_stats *st = &plan->stats;

	st->solver = solver;
	st->optimal = sol->optimal;
	st->cost_per_hour = (double)sol->cost / PLAN_PRICE_SCALE;
	st->gpus = sol->gpus;
	st->free_instances = sol->free_instances;
	st->leftover_slices = sol->leftover;
	st->lp_bound = sol->lp_bound / PLAN_PRICE_SCALE;
	st->best_bound = (sol->optimal ? (double)sol->cost : sol->best_bound) / PLAN_PRICE_SCALE;
	if (sol->optimal || sol->cost == 0)
		st->gap = 0;
	else
		st->gap = ((double)sol->cost - sol->best_bound) / (double)sol->cost;
	if (st->gap < 0)
		st->gap = 0;
	st->solve_ms = ms;
	st->price_ms = sol->price_ms > 0 ? sol->price_ms : ms;
	st->gpus_optimal = sol->gpus_optimal;
	st->workload_classes = pb->class_count;
	st->layout_patterns = pb->pattern_count;
	st->variables = pb->pattern_count + pb->option_count;
	st->constraints = pb->class_count + pb->kind_count + pb->type_count;
}

/* Solve: the backend from an FFD start; an infeasible fleet is explained. */
static int solve(struct plan_solution *sol, const struct plan_problem *pb,
		 const struct plan_solver *solver, double deadline, double *ms)
{
	struct plan_solution start;
	struct plan_solve_ctx ctx = {deadline, NULL, PLAN_OBJ_LEX};
	double t0 = mig_plan__now();
	int rc = mig_plan__solution_init(&start, pb);

	if (rc < 0)
		return rc;
	if (mig_plan__ffd(&start, pb) == 0)
		ctx.start = &start;
	mig_error_clear();
	rc = solver->solve(sol, pb, &ctx);
	*ms = (mig_plan__now() - t0) * 1000.0;
	mig_plan__solution_release(&start);
	/* cbc answers "how many more" for any fleet; enum may refuse the larger question */
	if (rc == MIG_ENOFIT)
		return mig_plan__explain_infeasible(pb, &plan_solver_cbc, deadline + 5.0);
	if (rc < 0)
		return rc;
	if (isnan(sol->lp_bound))
		sol->lp_bound = mig_plan__lp_bound(pb);
	return 0;
}

/*
 * The time limit is the whole plan's: the solver stops this much before it, for expanding
 * the plan and the baselines (40 ms at 10,000 workloads): a hundredth, at least 20 ms, at
 * most half the limit.
 */
static double after_solve(double limit_s)
{
	double s = limit_s * 0.01;

	if (s < 0.02)
		s = 0.02;
	return s < limit_s / 2 ? s : limit_s / 2;
}

static int compute(mig_plan *plan, const mig_plan_input *in, const mig_plan_options *opts,
		   const struct plan_solver *solver)
{
	struct plan_problem pb;
	struct plan_solution sol;
	double deadline = mig_plan__now() + opts->time_limit_s - after_solve(opts->time_limit_s),
	       ms = 0;
	int rc = mig_plan__problem_build(&pb, in, opts);

	if (rc < 0)
		return rc;
	rc = mig_plan__solution_init(&sol, &pb);
	if (rc == 0)
		rc = solve(&sol, &pb, solver, deadline, &ms);
	if (rc == 0) {
		fill_stats(plan, &pb, &sol, solver->name, ms);
		rc = mig_plan__expand(plan, &pb, &sol);
	}
	if (rc == 0 && !opts->no_baselines)
		rc = mig_plan__baselines(plan, &pb);
	mig_plan__solution_release(&sol);
	mig_plan__problem_release(&pb);
	return rc;
}

int mig_plan_compute(mig_plan **out, const mig_plan_input *in, const mig_plan_options *opts)
{
	static const mig_plan_options defaults = MIG_PLAN_OPTIONS_INIT;
	const struct plan_solver *solver;
	mig_plan *plan;
	int rc;

	if (!opts)
		opts = &defaults;
	if ((rc = find_solver(&solver, opts->solver)) < 0)
		return rc;
	if (!(opts->time_limit_s > 0))
		return mig_error_set(MIG_EINVALID, "the time limit must be more than 0 s");
	plan = calloc(1, sizeof(*plan));
	if (!plan)
		return mig_error_oom();
	plan->input = in;
	plan->enum_flags = opts->enum_flags;
	rc = compute(plan, in, opts, solver);
	if (rc < 0) {
		mig_plan_free(plan);
		return rc;
	}
	*out = plan;
	return 0;
}

void mig_plan_free(mig_plan *plan)
{
	size_t i, j;

	if (!plan)
		return;
	for (i = 0; i < plan->gpu_count; i++)
		for (j = 0; j < plan->gpus[i].layout.count; j++)
			free(plan->gpus[i].instances[j].workloads);
	for (i = 0; i < plan->workload_count; i++) {
		free(plan->workloads[i].replicas);
		free(plan->workloads[i].note);
	}
	free(plan->gpus);
	free(plan->workloads);
	free(plan);
}
