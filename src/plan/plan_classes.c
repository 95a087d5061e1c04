/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Units and their classes. Every workload not in an MPS group, and every MPS group, is a unit
 * with its options; units with exactly the same options are interchangeable for the
 * optimiser, so they form one class with a multiplicity. This is what lets a fleet of
 * thousands of workloads, most of them alike, solve as a problem of a few hundred classes.
 */
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "error_util.h"
#include "banned.h"

struct unit_key {
	size_t unit;
	unsigned mib;
	size_t opt_count;
	const struct plan_option *opts;
};

/* By options, so that equal ones are neighbours; then larger units first. */
static int by_key(const void *a, const void *b)
{
	const struct unit_key *x = a, *y = b;
	size_t i;

	if (x->opt_count != y->opt_count)
		return x->opt_count < y->opt_count ? -1 : 1;
	for (i = 0; i < x->opt_count; i++) {
		if (x->opts[i].kind != y->opts[i].kind)
			return x->opts[i].kind < y->opts[i].kind ? -1 : 1;
		if (x->opts[i].count != y->opts[i].count)
			return x->opts[i].count < y->opts[i].count ? -1 : 1;
	}
	if (x->mib != y->mib)
		return x->mib > y->mib ? -1 : 1;
	return x->unit < y->unit ? -1 : x->unit > y->unit;
}

static int same_options(const struct unit_key *x, const struct unit_key *y)
{
	return x->opt_count == y->opt_count &&
	       memcmp(x->opts, y->opts, x->opt_count * sizeof(*x->opts)) == 0;
}

static int make_units(struct plan_problem *pb, const int *eligible)
{
	size_t w, g, n = pb->group_count;

	for (w = 0; w < pb->in->workload_count; w++)
		n += !eligible[w];
	pb->units = calloc(n ? n : 1, sizeof(*pb->units));
	if (!pb->units)
		return mig_error_oom();
	for (w = 0; w < pb->in->workload_count; w++) {
		if (eligible[w])
			continue;
		pb->units[pb->unit_count].workload = w;
		pb->units[pb->unit_count].group = PLAN_NONE;
		pb->units[pb->unit_count++].mib = pb->needs[w].total_mib;
	}
	for (g = 0; g < pb->group_count; g++) {
		pb->units[pb->unit_count].workload = PLAN_NONE;
		pb->units[pb->unit_count].group = g;
		pb->units[pb->unit_count++].mib = pb->groups[g].mib;
	}
	return 0;
}

/* Every unit's options, in one array; keys[u] points into it. */
static int unit_options(struct plan_problem *pb, struct unit_key *keys, struct plan_option **all)
{
	size_t cap = pb->type_count * (PLAN_MAX_PROFILES + 1), u, n;
	struct plan_option *opts = calloc(pb->unit_count * cap + 1, sizeof(*opts));
	int rc;

	if (!opts)
		return mig_error_oom();
	*all = opts;
	for (u = 0; u < pb->unit_count; u++) {
		const struct plan_unit *un = &pb->units[u];

		rc = mig_plan__unit_options(pb, un->workload, un->group, opts + u * cap, cap, &n);
		if (rc < 0)
			return rc;
		if (n == 0 && un->workload != PLAN_NONE)
			return mig_plan__no_option_error(pb, un->workload);
		if (n == 0)
			return mig_error_set(MIG_ERROR, "an MPS group fits no instance");
		keys[u].unit = u;
		keys[u].mib = un->mib;
		keys[u].opt_count = n;
		keys[u].opts = opts + u * cap;
	}
	return 0;
}

static int make_classes(struct plan_problem *pb, struct unit_key *keys)
{
	size_t u, c = 0, nopt = 0;

	pb->classes = calloc(pb->unit_count, sizeof(*pb->classes));
	pb->class_units = calloc(pb->unit_count, sizeof(*pb->class_units));
	for (u = 0; u < pb->unit_count; u++)
		nopt += keys[u].opt_count;
	pb->options = calloc(nopt + 1, sizeof(*pb->options));
	if (!pb->classes || !pb->class_units || !pb->options)
		return mig_error_oom();
	for (u = 0; u < pb->unit_count; u++) {
		if (u == 0 || !same_options(&keys[u - 1], &keys[u])) {
			struct plan_class *cl = &pb->classes[c++];

			cl->unit_first = u;
			cl->opt_first = pb->option_count;
			cl->opt_count = keys[u].opt_count;
			memcpy(pb->options + pb->option_count, keys[u].opts,
			       keys[u].opt_count * sizeof(*keys[u].opts));
			pb->option_count += keys[u].opt_count;
		}
		pb->classes[c - 1].mult++;
		pb->class_units[u] = keys[u].unit;
		pb->units[keys[u].unit].cls = c - 1;
	}
	pb->class_count = c;
	return 0;
}

struct class_order {
	size_t cls;
	unsigned mib;
};

static int by_size(const void *a, const void *b)
{
	const struct class_order *x = a, *y = b;

	if (x->mib != y->mib)
		return x->mib > y->mib ? -1 : 1;
	return x->cls < y->cls ? -1 : x->cls > y->cls;
}

/* Put the classes with the largest units first: the order first-fit and the expansion use. */
static int order_classes(struct plan_problem *pb)
{
	struct class_order *ord = calloc(pb->class_count, sizeof(*ord));
	struct plan_class *cls = calloc(pb->class_count, sizeof(*cls));
	struct plan_option *opts = calloc(pb->option_count + 1, sizeof(*opts));
	size_t *units = calloc(pb->unit_count, sizeof(*units));
	size_t c, i, nu = 0, no = 0;
	int rc = 0;

	if (!ord || !cls || !opts || !units) {
		rc = mig_error_oom();
		goto out;
	}
	for (c = 0; c < pb->class_count; c++) {
		ord[c].cls = c;
		ord[c].mib = pb->units[pb->class_units[pb->classes[c].unit_first]].mib;
	}
	qsort(ord, pb->class_count, sizeof(*ord), by_size);
	for (c = 0; c < pb->class_count; c++) {
		const struct plan_class *old = &pb->classes[ord[c].cls];

		cls[c] = *old;
		cls[c].unit_first = nu;
		cls[c].opt_first = no;
		for (i = 0; i < old->mult; i++) {
			units[nu] = pb->class_units[old->unit_first + i];
			pb->units[units[nu++]].cls = c;
		}
		memcpy(opts + no, pb->options + old->opt_first, old->opt_count * sizeof(*opts));
		no += old->opt_count;
	}
	free(pb->classes);
	free(pb->options);
	free(pb->class_units);
	pb->classes = mig_take_ptr(&cls);
	pb->options = mig_take_ptr(&opts);
	pb->class_units = mig_take_ptr(&units);
out:
	free(ord);
	free(cls);
	free(opts);
	free(units);
	return rc;
}

int mig_plan__problem_classes(struct plan_problem *pb, const int *eligible)
{
	struct plan_option *all = NULL;
	struct unit_key *keys;
	int rc;

	if (pb->in->workload_count == 0)
		return mig_error_set(MIG_EINVALID, "%s: no workloads: list them under 'workloads'",
				     pb->in->source);
	if ((rc = make_units(pb, eligible)) < 0)
		return rc;
	keys = calloc(pb->unit_count, sizeof(*keys));
	if (!keys)
		return mig_error_oom();
	rc = unit_options(pb, keys, &all);
	if (rc == 0) {
		qsort(keys, pb->unit_count, sizeof(*keys), by_key);
		rc = make_classes(pb, keys);
	}
	if (rc == 0)
		rc = order_classes(pb);
	free(keys);
	free(all);
	return rc;
}
