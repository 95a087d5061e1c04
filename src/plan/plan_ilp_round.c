/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A starting plan from the LP relaxation, for cbc. The relaxation is nearly integral on these
 * problems (a few units split between two options, a few GPUs fractional), so rounding it
 * well gives a plan at or next to the optimum, and cbc is left mostly with the proof:
 *  1. each class keeps the whole units the LP gives an option, and its split units go to the
 *     options with the largest fractions;
 *  2. each GPU type then gets the fewest GPUs whose complete layouts hold the instances asked
 *     of it: a small integer program over the type's patterns.
 * First-fit-decreasing remains the fallback start when this fails (a fleet limit).
 */
#include "plan_ilp.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

/* Spread each class's units over its options from the LP's values x (largest remainder). */
static void round_classes(const struct plan_problem *pb, const double *x, unsigned *z)
{
	size_t c, o;

	for (c = 0; c < pb->class_count; c++) {
		const struct plan_class *cl = &pb->classes[c];
		unsigned given = 0;

		for (o = cl->opt_first; o < cl->opt_first + cl->opt_count; o++) {
			double v = x[pb->pattern_count + o] + 1e-9;

			z[o] = (unsigned)floor(v > 0 ? v : 0);
			given += z[o];
		}
		while (given < cl->mult) {
			size_t best = cl->opt_first;
			double frac = -1;

			for (o = cl->opt_first; o < cl->opt_first + cl->opt_count; o++) {
				double f = x[pb->pattern_count + o] - z[o];

				if (!pb->dominated[o] && f > frac) {
					frac = f;
					best = o;
				}
			}
			z[best]++;
			given++;
		}
	}
}

/* The fewest GPUs of type t holding demand d (instances per profile); adds them to y. */
static int cover(const struct plan_problem *pb, size_t t, const double *d, unsigned *y,
		 double seconds)
{
	const struct plan_type *type = &pb->types[t];
	size_t n = type->pattern_count, i, p;
	Cbc_Model *m = Cbc_newModel();
	const double *sol;
	int rc = MIG_ERROR;

	if (!m)
		return mig_error_oom();
	for (p = 0; p < n; p++)
		Cbc_addCol(m, "y", 0, DBL_MAX, 1, 1, 0, NULL, NULL);
	for (i = 0; i < type->profile_count; i++) {
		int cols[256];
		double coef[256];
		int k = 0;

		if (d[i] <= 0)
			continue;
		for (p = 0; p < n && k < 256; p++)
			if (pb->patterns[type->pattern_first + p].count[i]) {
				cols[k] = (int)p;
				coef[k++] = pb->patterns[type->pattern_first + p].count[i];
			}
		Cbc_addRow(m, "d", k, cols, coef, 'G', d[i]);
	}
	Cbc_setLogLevel(m, 0);
	Cbc_setMaximumSeconds(m, seconds);
	Cbc_solve(m);
	sol = Cbc_bestSolution(m);
	if (sol) {
		for (p = 0; p < n; p++)
			y[type->pattern_first + p] += (unsigned)llround(sol[p]);
		rc = 0;
	}
	Cbc_deleteModel(m);
	return rc;
}

int mig_plan__ilp_round(struct plan_solution *out, const struct plan_problem *pb, const double *x,
			double seconds)
{
	double *d = calloc(pb->kind_count + 1, sizeof(*d));
	size_t o, t;
	int rc = 0;

	if (!d)
		return mig_error_oom();
	memset(out->y, 0, pb->pattern_count * sizeof(*out->y));
	round_classes(pb, x, out->z);
	for (o = 0; o < pb->option_count; o++)
		d[pb->options[o].kind] += (double)out->z[o] * pb->options[o].count;
	for (t = 0; rc == 0 && t < pb->type_count; t++)
		rc = cover(pb, t, d + pb->types[t].kind_first, out->y,
			   seconds / (double)pb->type_count);
	free(d);
	if (rc < 0)
		return rc;
	return mig_plan__solution_evaluate(out, pb);
}
