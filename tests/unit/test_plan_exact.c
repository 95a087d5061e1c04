/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Exactness: on hundreds of random small fleets the planner's price and GPU count equal an
 * exhaustive search written here, independently of the planner. The search knows nothing of
 * layout patterns, aggregation, dominance or integer programs: it tries every (GPU type,
 * profile) for every workload (its replicas alike, as the planner serves them) and packs the
 * instances into as few GPUs of each type as the geometry engine's exact placement search
 * (mig_geometry_fit) allows, within the fleet's counts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "migctl/geometry.h"
#include "test_plan_helpers.h"

#define MAX_ITEMS 8
#define MAX_TYPES 2
#define INF	  1000000

static uint64_t rng = 88172645463325252ull;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* ------------------------------------------------------------------ the oracle */

struct oracle {
	size_t types;
	const mig_gpu *gpu[MAX_TYPES];
	int64_t price[MAX_TYPES]; /* cents */
	unsigned limit[MAX_TYPES];
	size_t workloads;
	unsigned need_mib[MAX_ITEMS];
	unsigned replicas[MAX_ITEMS];
};

/*
 * Memo of answers per GPU and sorted multiset of profiles: the same bins and the same
 * demands come back across the choices, and the exact placement search is not free. An open
 * hash table whose entries belong to the current search by their generation.
 */
struct memo {
	unsigned gen;
	const mig_gpu *gpu;
	size_t n;
	const mig_gi_profile *p[MAX_ITEMS];
	int kind; /* 0: fits, 1: fewest GPUs */
	unsigned value;
};

#define MEMO_SIZE (1u << 15)
static struct memo memo[MEMO_SIZE];
static unsigned memo_gen = 1;

static int by_address(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t) * (const mig_gi_profile *const *)a;
	uintptr_t y = (uintptr_t) * (const mig_gi_profile *const *)b;

	return x < y ? -1 : x > y;
}

static int same_key(const struct memo *m, const struct memo *k)
{
	return m->gpu == k->gpu && m->n == k->n && m->kind == k->kind &&
	       memcmp(m->p, k->p, k->n * sizeof(k->p[0])) == 0;
}

/* The entry for the key: its answer (gen current), or the free slot to fill. */
static struct memo *memo_find(const mig_gpu *g, const mig_gi_profile *const *p, size_t n, int kind,
			      struct memo *key)
{
	uint64_t h = 1469598103934665603ull ^ (uintptr_t)g ^ (uint64_t)kind;
	size_t i;

	memset(key, 0, sizeof(*key));
	key->gpu = g;
	key->n = n;
	key->kind = kind;
	memcpy(key->p, p, n * sizeof(*p));
	qsort(key->p, n, sizeof(*p), by_address);
	for (i = 0; i < n; i++)
		h = (h ^ (uintptr_t)key->p[i]) * 1099511628211ull;
	for (i = h % MEMO_SIZE;; i = (i + 1) % MEMO_SIZE)
		if (memo[i].gen != memo_gen || same_key(&memo[i], key))
			return &memo[i];
}

static unsigned memo_put(struct memo *slot, const struct memo *key, unsigned value)
{
	*slot = *key;
	slot->gen = memo_gen;
	slot->value = value;
	return value;
}

/* Whether the instances fit on one GPU, by the geometry engine's exact search. */
static int fits(const mig_gpu *g, const mig_gi_profile *const *p, size_t n)
{
	mig_layout req, out;
	struct memo key, *m = memo_find(g, p, n, 0, &key);
	size_t i;

	if (m->gen == memo_gen)
		return (int)m->value;
	mig_layout_init(&req, g);
	for (i = 0; i < n; i++)
		mig_layout_add(&req, p[i], -1);
	return (int)memo_put(m, &key, mig_geometry_fit(&out, &req, NULL) == 0);
}

struct bins {
	const mig_gpu *gpu;
	const mig_gi_profile *item[MAX_ITEMS];
	size_t items;
	const mig_gi_profile *bin[MAX_ITEMS][MAX_ITEMS];
	size_t bin_size[MAX_ITEMS];
};

/* Place items from i on into at most `limit` GPUs (a new GPU only as the next one). */
static int place(struct bins *b, size_t i, size_t used, size_t limit)
{
	size_t k;

	if (i == b->items)
		return 1;
	for (k = 0; k < used + 1 && k < limit; k++) {
		b->bin[k][b->bin_size[k]++] = b->item[i];
		if (fits(b->gpu, b->bin[k], b->bin_size[k]) &&
		    place(b, i + 1, k == used ? used + 1 : used, limit)) {
			b->bin_size[k]--;
			return 1;
		}
		b->bin_size[k]--;
	}
	return 0;
}

/* The fewest GPUs of a type that hold these instances. */
static unsigned fewest_gpus(const mig_gpu *g, const mig_gi_profile *const *p, size_t n)
{
	struct memo key, *m = memo_find(g, p, n, 1, &key);
	struct bins b;
	size_t k;

	if (!n)
		return 0;
	if (m->gen == memo_gen)
		return m->value;
	memset(&b, 0, sizeof(b));
	b.gpu = g;
	b.items = n;
	memcpy(b.item, p, n * sizeof(*p));
	for (k = 1; k <= n; k++)
		if (place(&b, 0, 0, k))
			return memo_put(m, &key, (unsigned)k);
	return memo_put(m, &key, INF);
}

struct best {
	int64_t cost;
	unsigned gpus;
};

/* Choose (type, profile) for workload w on; evaluate when all are chosen. */
static void choose(const struct oracle *o, size_t w, const mig_gi_profile *(*chosen)[MAX_ITEMS],
		   size_t *count, struct best *best)
{
	size_t t, i, r;

	if (w == o->workloads) {
		int64_t cost = 0;
		unsigned gpus = 0;

		for (t = 0; t < o->types; t++) {
			unsigned g = fewest_gpus(o->gpu[t], chosen[t], count[t]);

			if (g == INF || (o->limit[t] != MIG_PLAN_UNLIMITED && g > o->limit[t]))
				return;
			cost += g * o->price[t];
			gpus += g;
		}
		if (cost < best->cost || (cost == best->cost && gpus < best->gpus)) {
			best->cost = cost;
			best->gpus = gpus;
		}
		return;
	}
	for (t = 0; t < o->types; t++)
		for (i = 0; i < o->gpu[t]->gi_profile_count; i++) {
			const mig_gi_profile *p = &o->gpu[t]->gi_profiles[i];

			if (!mig_geometry_profile_enabled(p, MIG_ENUM_DEFAULT) ||
			    p->memory_mib < o->need_mib[w])
				continue;
			for (r = 0; r < o->replicas[w]; r++)
				chosen[t][count[t]++] = p;
			choose(o, w + 1, chosen, count, best);
			count[t] -= o->replicas[w];
		}
}

static struct best oracle_solve(const struct oracle *o)
{
	const mig_gi_profile *chosen[MAX_TYPES][MAX_ITEMS];
	size_t count[MAX_TYPES] = {0};
	struct best best = {INT64_MAX, INF};

	memo_gen++;
	choose(o, 0, chosen, count, &best);
	return best;
}

/* ------------------------------------------------------------------ random problems */

static const char *const keys[] = {"a100-80gb", "a30-24gb", "h100-80gb", "a100-40gb"};
static const unsigned sizes_gib[] = {2, 5, 8, 9, 11, 15, 19, 22, 30, 38, 45, 60, 75};

static void random_oracle(struct oracle *o)
{
	size_t t, w, items = 0;

	memset(o, 0, sizeof(*o));
	o->types = 1 + rnd(MAX_TYPES);
	for (t = 0; t < o->types; t++) {
		o->gpu[t] = gpu(keys[(rnd(4) + t) % 4]);
		o->price[t] = 50 * (1 + rnd(8));
		o->limit[t] = rnd(4) ? MIG_PLAN_UNLIMITED : 1 + rnd(3);
	}
	if (o->types == 2 && o->gpu[0] == o->gpu[1])
		o->types = 1;
	o->workloads = 1 + rnd(5);
	for (w = 0; w < o->workloads; w++) {
		o->replicas[w] = 1 + (rnd(4) == 0);
		if (items + o->replicas[w] > 7)
			o->replicas[w] = 1;
		items += o->replicas[w];
		/* sizes every type of the problem can hold, so that no workload needs whole GPUs */
		do
			o->need_mib[w] = sizes_gib[rnd(13)] * 1024 - rnd(512);
		while (o->types &&
		       (o->need_mib[w] > o->gpu[0]->gi_profiles[0].memory_mib ||
			(o->types == 2 && o->need_mib[w] > o->gpu[1]->gi_profiles[0].memory_mib)));
	}
}

static mig_plan_input *to_input(const struct oracle *o)
{
	mig_plan_input *in = NULL;
	size_t t, w;

	assert_ok(mig_plan_input_new(&in, "random"));
	for (t = 0; t < o->types; t++) {
		mig_plan_fleet_entry e = {0};

		e.gpu = o->gpu[t];
		e.count = o->limit[t];
		e.price_per_hour = (double)o->price[t] / 100;
		assert_ok(mig_plan_input_add_gpu(in, &e));
	}
	for (w = 0; w < o->workloads; w++) {
		mig_plan_workload wl;
		char name[32];

		mig_plan_workload_init(&wl);
		snprintf(name, sizeof(name), "w%zu", w);
		wl.name = name;
		wl.memory_bytes = (uint64_t)o->need_mib[w] << 20;
		wl.replicas = o->replicas[w];
		assert_ok(mig_plan_input_add_workload(in, &wl));
	}
	return in;
}

static void check_one(const struct oracle *o, const char *solver, int round)
{
	mig_plan_options opts = MIG_PLAN_OPTIONS_INIT;
	struct best want = oracle_solve(o);
	mig_plan_input *in = to_input(o);
	mig_plan *p = NULL;
	int rc;

	opts.solver = solver;
	opts.no_baselines = 1;
	rc = mig_plan_compute(&p, in, &opts);
	if (want.cost == INT64_MAX) {
		if (rc != MIG_ENOFIT)
			fail_msg("round %d (%s): oracle finds no plan, planner says %d", round,
				 solver, rc);
	} else {
		if (rc != 0)
			fail_msg("round %d (%s): %s", round, solver, mig_error_last()->message);
		if (llround(p->stats.cost_per_hour * 100) != want.cost ||
		    p->stats.gpus != want.gpus)
			fail_msg("round %d (%s): planner $%.2f on %u GPUs, oracle $%.2f on %u",
				 round, solver, p->stats.cost_per_hour, p->stats.gpus,
				 (double)want.cost / 100, want.gpus);
		assert_true(p->stats.optimal);
	}
	mig_plan_free(p);
	mig_plan_input_free(in);
	mig_error_clear();
}

static void test_plan_exact__cbc_equals_exhaustive_search(void **state)
{
	struct oracle o;
	int round;

	rng = 88172645463325252ull;
	for (round = 0; round < 120; round++) {
		random_oracle(&o);
		check_one(&o, "cbc", round);
	}
	(void)state;
}

static void test_plan_exact__enum_equals_exhaustive_search(void **state)
{
	struct oracle o;
	int round;

	rng = 1181783497276652981ull;
	for (round = 0; round < 100; round++) {
		random_oracle(&o);
		check_one(&o, "enum", round);
	}
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_exact__cbc_equals_exhaustive_search),
		cmocka_unit_test(test_plan_exact__enum_equals_exhaustive_search),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
