/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Options that never lower the price. On one GPU type, an instance of profile q can take the
 * place of an instance of p when, in every complete layout, swapping any number of p for q
 * still fits some complete layout (q sits inside p's placements: 2g.20gb inside 3g.40gb,
 * 1g.20gb inside 2g.20gb). Then "k instances of p" is never cheaper than "k' <= k instances
 * of q" for the same unit: the swap keeps every GPU. The first, price-only phase of cbc leaves
 * such dominated options out, which removes most of the symmetry that slows its search; the
 * second phase (GPUs, then leftover) sees every option again, so that a unit may still get the
 * larger instance when it costs nothing.
 */
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

static int held(const struct plan_problem *pb, const struct plan_type *t, const unsigned *v)
{
	size_t p, i;

	for (p = t->pattern_first; p < t->pattern_first + t->pattern_count; p++) {
		for (i = 0; i < t->profile_count && v[i] <= pb->patterns[p].count[i]; i++)
			;
		if (i == t->profile_count)
			return 1;
	}
	return 0;
}

/* Whether q can replace any number of p in every pattern of the type. */
static int replaces(const struct plan_problem *pb, const struct plan_type *t, size_t q, size_t p)
{
	unsigned v[PLAN_MAX_PROFILES];
	size_t pat;
	unsigned j;

	for (pat = t->pattern_first; pat < t->pattern_first + t->pattern_count; pat++)
		for (j = 1; j <= pb->patterns[pat].count[p]; j++) {
			memcpy(v, pb->patterns[pat].count, sizeof(v));
			v[p] -= j;
			v[q] += j;
			if (!held(pb, t, v))
				return 0;
		}
	return 1;
}

static int dominates(const struct plan_problem *pb, const struct plan_option *a,
		     const struct plan_option *b, const unsigned char *rep)
{
	const struct plan_kind *ka = &pb->kinds[a->kind], *kb = &pb->kinds[b->kind];

	if (ka->type != kb->type || ka->profile < 0 || kb->profile < 0 || a->kind == b->kind)
		return 0;
	return a->count <= b->count &&
	       rep[(size_t)ka->profile * PLAN_MAX_PROFILES + (size_t)kb->profile];
}

/* rep[q * PLAN_MAX_PROFILES + p] for every type, one block per type. */
static unsigned char *replacement_table(const struct plan_problem *pb)
{
	size_t block = PLAN_MAX_PROFILES * PLAN_MAX_PROFILES, t, p, q;
	unsigned char *rep = calloc(pb->type_count * block, 1);

	for (t = 0; rep && t < pb->type_count; t++) {
		const struct plan_type *type = &pb->types[t];

		for (q = 0; q < type->profile_count; q++)
			for (p = 0; p < type->profile_count; p++)
				rep[t * block + q * PLAN_MAX_PROFILES + p] =
					q != p && replaces(pb, type, q, p);
	}
	return rep;
}

int mig_plan__mark_dominated(struct plan_problem *pb)
{
	size_t block = PLAN_MAX_PROFILES * PLAN_MAX_PROFILES, c, i, j;
	unsigned char *rep = replacement_table(pb);

	pb->dominated = calloc(pb->option_count + 1, 1);
	if (!rep || !pb->dominated) {
		free(rep);
		return mig_error_oom();
	}
	for (c = 0; c < pb->class_count; c++) {
		const struct plan_class *cl = &pb->classes[c];

		for (i = cl->opt_first; i < cl->opt_first + cl->opt_count; i++)
			for (j = cl->opt_first; j < cl->opt_first + cl->opt_count; j++) {
				const struct plan_kind *k = &pb->kinds[pb->options[i].kind];

				if (i != j && !pb->dominated[i] &&
				    dominates(pb, &pb->options[i], &pb->options[j],
					      rep + (k->type * block)))
					pb->dominated[j] = 1;
			}
	}
	free(rep);
	return 0;
}

/* Whether profile i of type t serves some option that is not dominated. */
static int profile_used(const struct plan_problem *pb, size_t t, size_t i)
{
	size_t o;

	for (o = 0; o < pb->option_count; o++)
		if (!pb->dominated[o] && pb->options[o].kind == pb->types[t].kind_first + i)
			return 1;
	return 0;
}

/* a <= b on the used profiles (and a != b there, or a comes later: keep one of equals). */
static int pattern_below(const struct plan_problem *pb, size_t a, size_t b, const int *used)
{
	const struct plan_type *t = &pb->types[pb->patterns[a].type];
	size_t i;
	int equal = 1;

	for (i = 0; i < t->profile_count; i++) {
		if (!used[i])
			continue;
		if (pb->patterns[a].count[i] > pb->patterns[b].count[i])
			return 0;
		equal &= pb->patterns[a].count[i] == pb->patterns[b].count[i];
	}
	return !equal || a > b;
}

/* Whether a <= b on the used profiles. */
static int covered(const struct plan_problem *pb, size_t a, size_t b, const int *used)
{
	const struct plan_type *t = &pb->types[pb->patterns[a].type];
	size_t i;

	for (i = 0; i < t->profile_count; i++)
		if (used[i] && pb->patterns[a].count[i] > pb->patterns[b].count[i])
			return 0;
	return 1;
}

/* For each pattern left out, a needed one of its type that covers it (starts use it). */
static void find_covers(struct plan_problem *pb, size_t t, const int *used)
{
	const struct plan_type *type = &pb->types[t];
	size_t end = type->pattern_first + type->pattern_count, a, b;

	for (a = type->pattern_first; a < end; a++) {
		pb->pattern_cover[a] = a;
		for (b = type->pattern_first; !pb->pattern_needed[a] && b < end; b++)
			if (pb->pattern_needed[b] && covered(pb, a, b, used)) {
				pb->pattern_cover[a] = b;
				break;
			}
	}
}

/*
 * Patterns the price phase needs: seen only through the profiles that non-dominated options
 * use, a pattern another one covers adds nothing (the same GPU, no more instances).
 */
int mig_plan__mark_needed_patterns(struct plan_problem *pb)
{
	int used[PLAN_MAX_PROFILES];
	size_t t, i, a, b;

	pb->pattern_needed = calloc(pb->pattern_count + 1, 1);
	pb->pattern_cover = calloc(pb->pattern_count + 1, sizeof(*pb->pattern_cover));
	if (!pb->pattern_needed || !pb->pattern_cover)
		return mig_error_oom();
	for (t = 0; t < pb->type_count; t++) {
		const struct plan_type *type = &pb->types[t];
		size_t end = type->pattern_first + type->pattern_count;

		for (i = 0; i < type->profile_count; i++)
			used[i] = profile_used(pb, t, i);
		for (a = type->pattern_first; a < end; a++) {
			pb->pattern_needed[a] = 1;
			for (b = type->pattern_first; b < end && pb->pattern_needed[a]; b++)
				if (a != b && pattern_below(pb, a, b, used))
					pb->pattern_needed[a] = 0;
		}
		find_covers(pb, t, used);
	}
	return 0;
}
