/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The "enum" backend: exhaustive search, for small fleets and as the test oracle of "cbc".
 * It tries every way of spreading each class's units over its options; for each, the fewest
 * GPUs of each type whose patterns hold the instances asked for comes from a memoised search
 * over demand vectors (fewest GPUs, then fewest instances, i.e. fewest free ones). The best
 * (price, GPUs, free instances) wins. No integer programming is involved, so agreeing with
 * "cbc" on random problems checks the model, not just the solver.
 */
#include "plan_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

/* Beyond these the search would be slow; "cbc" is the answer there. */
#define ENUM_MAX_COMBOS 2e6
#define ENUM_MAX_STATES 1000000.0
#define ENUM_INF	0x7fffffff

struct memo_entry {
	int gpus; /* -1: not computed; ENUM_INF: impossible */
	int instances;
	int pattern; /* the first pattern of the best cover */
};

struct type_memo {
	size_t radix[PLAN_MAX_PROFILES];
	size_t states;
	struct memo_entry *e;
};

struct search {
	const struct plan_problem *pb;
	struct type_memo *memo; /* per type */
	unsigned *demand;	/* per kind: instances asked for */
	uint64_t *whole;	/* per type: whole GPUs asked for */
	unsigned *z;		/* current option counts */
	struct plan_solution *best;
	int have_best;
	int failed; /* an allocation failed */
};

static size_t encode(const struct type_memo *m, const unsigned *d, size_t n)
{
	size_t i, idx = 0;

	for (i = n; i-- > 0;)
		idx = idx * m->radix[i] + d[i];
	return idx;
}

static struct memo_entry *cover(struct search *s, size_t t, unsigned *d);

/* The cover of d using pattern p first. */
static void try_pattern(struct search *s, size_t t, unsigned *d, size_t p, struct memo_entry *best)
{
	const struct plan_type *type = &s->pb->types[t];
	const struct plan_pattern *pat = &s->pb->patterns[p];
	unsigned rest[PLAN_MAX_PROFILES];
	struct memo_entry *sub;
	size_t i;

	for (i = 0; i < type->profile_count; i++)
		rest[i] = d[i] > pat->count[i] ? d[i] - pat->count[i] : 0;
	sub = cover(s, t, rest);
	if (!sub || sub->gpus == ENUM_INF)
		return;
	if (sub->gpus + 1 < best->gpus ||
	    (sub->gpus + 1 == best->gpus &&
	     sub->instances + (int)pat->instances < best->instances)) {
		best->gpus = sub->gpus + 1;
		best->instances = sub->instances + (int)pat->instances;
		best->pattern = (int)p;
	}
}

static struct memo_entry *cover(struct search *s, size_t t, unsigned *d)
{
	const struct plan_type *type = &s->pb->types[t];
	struct memo_entry *e = &s->memo[t].e[encode(&s->memo[t], d, type->profile_count)];
	struct memo_entry best = {ENUM_INF, ENUM_INF, -1};
	size_t first, p;

	if (e->gpus >= 0)
		return e;
	for (first = 0; first < type->profile_count && !d[first]; first++)
		;
	if (first == type->profile_count) {
		e->gpus = e->instances = 0;
		return e;
	}
	/* some GPU of any cover holds the first profile asked for: let it be the first one */
	for (p = type->pattern_first; p < type->pattern_first + type->pattern_count; p++)
		if (s->pb->patterns[p].count[first])
			try_pattern(s, t, d, p, &best);
	*e = best;
	return e;
}

static int memo_init(struct search *s)
{
	const struct plan_problem *pb = s->pb;
	size_t t, i, c, o;

	for (t = 0; t < pb->type_count; t++) {
		struct type_memo *m = &s->memo[t];
		double states = 1;

		for (i = 0; i < pb->types[t].profile_count; i++)
			m->radix[i] = 1;
		for (c = 0; c < pb->class_count; c++)
			for (o = pb->classes[c].opt_first;
			     o < pb->classes[c].opt_first + pb->classes[c].opt_count; o++) {
				const struct plan_kind *k = &pb->kinds[pb->options[o].kind];

				if (k->type == t && k->profile >= 0)
					m->radix[k->profile] +=
						(size_t)pb->classes[c].mult * pb->options[o].count;
			}
		for (i = 0; i < pb->types[t].profile_count; i++)
			states *= (double)m->radix[i];
		if (states > ENUM_MAX_STATES)
			return mig_error_set(MIG_ENOTSUPPORTED,
					     "the fleet is too large for the enum solver (%.0f "
					     "demand states on %s); use cbc",
					     states, pb->types[t].gpu->key);
		m->states = (size_t)states;
		m->e = malloc(m->states * sizeof(*m->e));
		if (!m->e)
			return mig_error_oom();
		memset(m->e, 0xff, m->states * sizeof(*m->e)); /* gpus = -1 */
	}
	return 0;
}

/* Fill y from the memo's first patterns, for the demand of type t. */
static void fill_y(struct search *s, size_t t, const unsigned *demand, unsigned *y)
{
	const struct plan_type *type = &s->pb->types[t];
	unsigned d[PLAN_MAX_PROFILES];
	size_t i;

	memcpy(d, demand, type->profile_count * sizeof(*d));
	for (;;) {
		struct memo_entry *e = cover(s, t, d);
		const struct plan_pattern *pat;

		if (!e || e->gpus <= 0)
			return;
		pat = &s->pb->patterns[e->pattern];
		y[e->pattern]++;
		for (i = 0; i < type->profile_count; i++)
			d[i] = d[i] > pat->count[i] ? d[i] - pat->count[i] : 0;
	}
}

static void leaf(struct search *s)
{
	const struct plan_problem *pb = s->pb;
	struct plan_solution cand = *s->best;
	uint64_t used = 0, instances = 0, capacity = 0, given = 0;
	size_t t, k;

	cand.cost = 0;
	cand.gpus = 0;
	for (k = 0; k < pb->kind_count; k++)
		if (pb->kinds[k].profile >= 0) {
			used += s->demand[k];
			given += (uint64_t)s->demand[k] * mig_plan__kind_capacity(pb, k);
		}
	for (t = 0; t < pb->type_count; t++) {
		const struct plan_type *type = &pb->types[t];
		struct memo_entry *e = cover(s, t, s->demand + type->kind_first);
		uint64_t gpus;

		if (!e || e->gpus == ENUM_INF)
			return;
		gpus = (uint64_t)e->gpus + s->whole[t];
		if (type->limit != MIG_PLAN_UNLIMITED && gpus > type->limit)
			return;
		cand.cost += (int64_t)gpus * type->price;
		cand.gpus += (unsigned)gpus;
		instances += (uint64_t)e->instances;
		capacity += (uint64_t)e->gpus * mig_plan__type_capacity(pb, t);
	}
	cand.free_instances = (unsigned)(instances - used);
	cand.leftover = (unsigned)(capacity - given);
	if (s->have_best && !mig_plan__solution_better(&cand, s->best))
		return;
	s->best->cost = cand.cost;
	s->best->gpus = cand.gpus;
	s->best->free_instances = cand.free_instances;
	s->best->leftover = cand.leftover;
	memcpy(s->best->z, s->z, pb->option_count * sizeof(*s->z));
	memset(s->best->y, 0, pb->pattern_count * sizeof(*s->best->y));
	for (t = 0; t < pb->type_count; t++)
		fill_y(s, t, s->demand + pb->types[t].kind_first, s->best->y);
	s->have_best = 1;
}

static void take_option(struct search *s, size_t o, int sign)
{
	const struct plan_option *opt = &s->pb->options[o];
	const struct plan_kind *k = &s->pb->kinds[opt->kind];

	s->z[o] = (unsigned)((int)s->z[o] + sign);
	if (k->profile >= 0)
		s->demand[opt->kind] =
			(unsigned)((int)s->demand[opt->kind] + sign * (int)opt->count);
	else
		s->whole[k->type] += (uint64_t)((int64_t)sign * opt->count * k->tp);
}

/* Spread `left` units of class c over its options from option index i on. */
static void spread(struct search *s, size_t c, size_t i, unsigned left);

static void next_class(struct search *s, size_t c)
{
	if (c == s->pb->class_count)
		leaf(s);
	else
		spread(s, c, 0, s->pb->classes[c].mult);
}

static void spread(struct search *s, size_t c, size_t i, unsigned left)
{
	const struct plan_class *cl = &s->pb->classes[c];
	size_t o = cl->opt_first + i;
	unsigned n;

	if (i + 1 == cl->opt_count) {
		for (n = 0; n < left; n++)
			take_option(s, o, 1);
		next_class(s, c + 1);
		for (n = 0; n < left; n++)
			take_option(s, o, -1);
		return;
	}
	for (n = 0;; n++) {
		spread(s, c, i + 1, left - n);
		if (n == left)
			break;
		take_option(s, o, 1);
	}
	for (; n > 0; n--)
		take_option(s, o, -1);
}

static double combinations(const struct plan_problem *pb)
{
	double total = 1;
	size_t c;

	for (c = 0; c < pb->class_count; c++) {
		/* ways to spread m units over k options: C(m + k - 1, k - 1) */
		double m = pb->classes[c].mult, k = (double)pb->classes[c].opt_count;

		total *= exp(lgamma(m + k) - lgamma(k) - lgamma(m + 1));
	}
	return total;
}

static int solve_enum(struct plan_solution *out, const struct plan_problem *pb,
		      const struct plan_solve_ctx *ctx)
{
	struct search s;
	double combos = combinations(pb);
	size_t t;
	int rc;

	if (combos > ENUM_MAX_COMBOS)
		return mig_error_set(MIG_ENOTSUPPORTED,
				     "the fleet is too large for the enum solver (about %.0f "
				     "combinations); use cbc",
				     combos);
	memset(&s, 0, sizeof(s));
	s.pb = pb;
	s.best = out;
	s.memo = calloc(pb->type_count, sizeof(*s.memo));
	s.demand = calloc(pb->kind_count + 1, sizeof(*s.demand));
	s.whole = calloc(pb->type_count, sizeof(*s.whole));
	s.z = calloc(pb->option_count + 1, sizeof(*s.z));
	rc = (!s.memo || !s.demand || !s.whole || !s.z) ? mig_error_oom() : memo_init(&s);
	if (rc == 0)
		next_class(&s, 0);
	for (t = 0; s.memo && t < pb->type_count; t++)
		free(s.memo[t].e);
	free(s.memo);
	free(s.demand);
	free(s.whole);
	free(s.z);
	(void)ctx;
	if (rc < 0)
		return rc;
	if (!s.have_best)
		return MIG_ENOFIT;
	out->optimal = 1;
	out->gpus_optimal = 1;
	out->best_bound = (double)out->cost;
	return mig_plan__solution_evaluate(out, pb) == 0
		       ? 0
		       : mig_error_set(MIG_ERROR, "enum: bad solution");
}

const struct plan_solver plan_solver_enum = {
	.name = "enum",
	.summary = "exhaustive search (small fleets; the test oracle of cbc)",
	.solve = solve_enum,
};
