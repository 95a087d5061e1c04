/* SPDX-License-Identifier: Apache-2.0 */
/* Solutions of the aggregated problem: storage, checking, the objective, comparison. */
#include "plan_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error_util.h"
#include "banned.h"

double mig_plan__now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int mig_plan__solution_init(struct plan_solution *s, const struct plan_problem *pb)
{
	memset(s, 0, sizeof(*s));
	s->y = calloc(pb->pattern_count + 1, sizeof(*s->y));
	s->z = calloc(pb->option_count + 1, sizeof(*s->z));
	s->lp_bound = NAN;
	s->best_bound = NAN;
	if (!s->y || !s->z) {
		mig_plan__solution_release(s);
		return mig_error_oom();
	}
	return 0;
}

void mig_plan__solution_release(struct plan_solution *s)
{
	free(s->y);
	free(s->z);
	s->y = s->z = NULL;
}

void mig_plan__solution_copy(struct plan_solution *dst, const struct plan_solution *src,
			     const struct plan_problem *pb)
{
	unsigned *y = dst->y, *z = dst->z;

	memcpy(y, src->y, pb->pattern_count * sizeof(*y));
	memcpy(z, src->z, pb->option_count * sizeof(*z));
	*dst = *src;
	dst->y = y;
	dst->z = z;
}

/* GPUs per type and the balance of instances per kind (supply minus demand). */
struct tally {
	uint64_t *gpus;	  /* per type */
	int64_t *balance; /* per kind */
	uint64_t instances, used;
	uint64_t capacity, given; /* slices of the MIG GPUs, and those given to workloads */
};

static void tally_patterns(struct tally *t, const struct plan_solution *s,
			   const struct plan_problem *pb)
{
	size_t p, i;

	for (p = 0; p < pb->pattern_count; p++) {
		const struct plan_pattern *pat = &pb->patterns[p];
		const struct plan_type *type = &pb->types[pat->type];

		t->gpus[pat->type] += s->y[p];
		t->instances += (uint64_t)pat->instances * s->y[p];
		t->capacity += (uint64_t)mig_plan__type_capacity(pb, pat->type) * s->y[p];
		for (i = 0; i < type->profile_count; i++)
			t->balance[type->kind_first + i] += (int64_t)pat->count[i] * s->y[p];
	}
}

static int tally_classes(struct tally *t, const struct plan_solution *s,
			 const struct plan_problem *pb)
{
	size_t c, o;

	for (c = 0; c < pb->class_count; c++) {
		const struct plan_class *cl = &pb->classes[c];
		uint64_t units = 0;

		for (o = cl->opt_first; o < cl->opt_first + cl->opt_count; o++) {
			const struct plan_option *opt = &pb->options[o];
			uint64_t n = (uint64_t)s->z[o] * opt->count;
			unsigned whole = mig_plan__kind_gpus(pb, opt->kind);

			units += s->z[o];
			if (whole)
				t->gpus[pb->kinds[opt->kind].type] += n * whole;
			else {
				t->balance[opt->kind] -= (int64_t)n;
				t->used += n;
				t->given += n * mig_plan__kind_capacity(pb, opt->kind);
			}
		}
		if (units != cl->mult)
			return -1;
	}
	return 0;
}

int mig_plan__solution_evaluate(struct plan_solution *s, const struct plan_problem *pb)
{
	struct tally t;
	size_t i;
	int bad;

	memset(&t, 0, sizeof(t));
	t.gpus = calloc(pb->type_count + 1, sizeof(*t.gpus));
	t.balance = calloc(pb->kind_count + 1, sizeof(*t.balance));
	if (!t.gpus || !t.balance) {
		free(t.gpus);
		free(t.balance);
		return mig_error_oom();
	}
	tally_patterns(&t, s, pb);
	bad = tally_classes(&t, s, pb);
	s->cost = 0;
	s->gpus = 0;
	for (i = 0; i < pb->kind_count; i++)
		bad |= t.balance[i] < 0 ? -1 : 0;
	for (i = 0; i < pb->type_count; i++) {
		const struct plan_type *type = &pb->types[i];

		if (type->limit != MIG_PLAN_UNLIMITED && t.gpus[i] > type->limit)
			bad = -1;
		s->cost += (int64_t)t.gpus[i] * type->price;
		s->gpus += (unsigned)t.gpus[i];
	}
	s->free_instances = (unsigned)(t.instances - (t.used < t.instances ? t.used : t.instances));
	s->leftover = (unsigned)(t.capacity - (t.given < t.capacity ? t.given : t.capacity));
	free(t.gpus);
	free(t.balance);
	return bad ? MIG_ENOFIT : 0;
}

int mig_plan__solution_better(const struct plan_solution *a, const struct plan_solution *b)
{
	if (a->cost != b->cost)
		return a->cost < b->cost;
	if (a->gpus != b->gpus)
		return a->gpus < b->gpus;
	return a->leftover < b->leftover;
}
