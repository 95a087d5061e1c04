/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bench_plan: the planner on synthetic fleets of 10 to 10,000 workloads (mixed model sizes,
 * types, contexts, replicas, throughput targets and isolation) over several GPU types, printing
 * solve time, GPUs, price, LP bound and gap against the three baselines, as a table.
 *
 *   bench_plan [--quick] [--seed N] [--time-limit S] [--sizes 10,100,...]
 *
 * Run by hand (not by ctest). Times depend on the machine; the targets are: optimal (gap 0)
 * in under 1 s up to 200 distinct workloads on 2 cores, gap under 1% in under 10 s at 10,000.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "migctl/error.h"
#include "migctl/plan.h"
#include "parse_util.h"

struct model {
	const char *name;
	double params;
};

/* Open models people serve, by size; the mix leans to the small ones, as fleets do. */
static const struct model models[] = {
	{"qwen2.5-0.5b", 0.5e9}, {"llama-3.2-1b", 1.2e9}, {"qwen2.5-1.5b", 1.5e9},
	{"gemma-2-2b", 2.6e9},	 {"llama-3.2-3b", 3.2e9}, {"mistral-7b", 7.2e9},
	{"llama-3.1-8b", 8.0e9}, {"llama-2-13b", 13e9},	  {"qwen2.5-14b", 14.8e9},
	{"gemma-2-27b", 27e9},	 {"qwen2.5-32b", 32.5e9}, {"llama-3.1-70b", 70.6e9},
};

static const struct {
	const char *key;
	double price;
} gpu_types[] = {
	{"a30-24gb", 0.90},
	{"a100-80gb", 1.80},
	{"h100-80gb", 2.90},
	{"h200-141gb", 3.80},
};

static uint64_t rng_state;

static uint32_t rnd(void)
{
	/* xorshift64*: reproducible across libcs, unlike rand() */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 32);
}

static unsigned pick(unsigned n)
{
	return rnd() % n;
}

static void random_workload(mig_plan_workload *w, char *name, size_t len, size_t i)
{
	static const unsigned contexts[] = {2048, 4096, 8192, 16384};
	static const mig_plan_dtype dtypes[] = {MIG_PLAN_DTYPE_FP16, MIG_PLAN_DTYPE_BF16,
						MIG_PLAN_DTYPE_FP8, MIG_PLAN_DTYPE_INT4};
	unsigned m = pick(100) < 70 ? pick(7) : pick(12);

	mig_plan_workload_init(w);
	snprintf(name, len, "%s-%zu", models[m].name, i);
	w->name = name;
	w->params = models[m].params;
	w->dtype = dtypes[pick(4)];
	w->context = contexts[pick(4)];
	w->replicas = 1 + (pick(100) < 30) + (pick(100) < 10);
	w->max_replicas = 64;
	if (pick(100) < 40)
		w->throughput = 10.0 * (1 + pick(30));
	if (pick(100) < 25)
		w->isolation = MIG_PLAN_ISOLATION_SHAREABLE;
}

static mig_plan_input *fleet(size_t n)
{
	mig_plan_input *in;
	size_t i;

	if (mig_plan_input_new(&in, "synthetic") < 0)
		return NULL;
	for (i = 0; i < sizeof(gpu_types) / sizeof(gpu_types[0]); i++) {
		mig_plan_fleet_entry e = {0};

		e.gpu = mig_catalog_by_key(gpu_types[i].key);
		e.count = MIG_PLAN_UNLIMITED;
		e.price_per_hour = gpu_types[i].price;
		if (mig_plan_input_add_gpu(in, &e) < 0)
			goto fail;
	}
	for (i = 0; i < n; i++) {
		mig_plan_workload w;
		char name[64];

		random_workload(&w, name, sizeof(name), i);
		if (mig_plan_input_add_workload(in, &w) < 0)
			goto fail;
	}
	return in;
fail:
	mig_plan_input_free(in);
	return NULL;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void cell_cost(char *buf, size_t len, const mig_plan_baseline *b)
{
	if (b->feasible)
		snprintf(buf, len, "%.0f/%u", b->cost_per_hour, b->gpus);
	else
		snprintf(buf, len, "-");
}

static int run(size_t n, double limit)
{
	mig_plan_options opts = MIG_PLAN_OPTIONS_INIT;
	mig_plan_input *in = fleet(n);
	mig_plan *plan;
	char a[32], b[32], c[32];
	double t0, t;

	if (!in)
		return -1;
	opts.time_limit_s = limit;
	t0 = now_s();
	if (mig_plan_compute(&plan, in, &opts) < 0) {
		fprintf(stderr, "bench_plan: %zu workloads: %s\n", n, mig_error_last()->message);
		mig_plan_input_free(in);
		return -1;
	}
	t = now_s() - t0;
	cell_cost(a, sizeof(a), &plan->baselines[MIG_PLAN_BASELINE_GPU_PER_MODEL]);
	cell_cost(b, sizeof(b), &plan->baselines[MIG_PLAN_BASELINE_FFD]);
	cell_cost(c, sizeof(c), &plan->baselines[MIG_PLAN_BASELINE_UNIFORM]);
	printf("%9zu %7zu %7.3f %7.3f %7.3f %6u %9.2f %9.2f %7.3f%% %5s %12s %11s %11s %6.2fx\n", n,
	       plan->stats.workload_classes, plan->stats.price_ms / 1000,
	       plan->stats.solve_ms / 1000, t, plan->stats.gpus, plan->stats.cost_per_hour,
	       plan->stats.lp_bound, plan->stats.gap * 100,
	       plan->stats.optimal ? (plan->stats.gpus_optimal ? "yes" : "price") : "no", a, b, c,
	       plan->baselines[MIG_PLAN_BASELINE_FFD].feasible
		       ? plan->baselines[MIG_PLAN_BASELINE_FFD].saving
		       : NAN);
	fflush(stdout);
	mig_plan_free(plan);
	mig_plan_input_free(in);
	return 0;
}

static size_t parse_sizes(const char *s, size_t *out, size_t cap)
{
	size_t n = 0;

	while (*s && n < cap) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		uint64_t v;

		if (mig_parse_uint_n(s, len, 1000000, &v) < 0 || v == 0)
			return 0;
		out[n++] = (size_t)v;
		s += len + (end != NULL);
	}
	return n;
}

int main(int argc, char **argv)
{
	size_t sizes[16] = {10, 50, 100, 200, 500, 1000, 3000, 10000}, count = 8, i;
	double limit = 10;
	uint64_t seed = 1;
	int a;

	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "--quick")) {
			count = 4;
		} else if (!strcmp(argv[a], "--seed") && a + 1 < argc &&
			   mig_parse_uint(argv[a + 1], UINT32_MAX, &seed) == 0) {
			a++;
		} else if (!strcmp(argv[a], "--time-limit") && a + 1 < argc) {
			limit = strtod(argv[++a], NULL);
		} else if (!strcmp(argv[a], "--sizes") && a + 1 < argc &&
			   (count = parse_sizes(argv[a + 1], sizes, 16)) > 0) {
			a++;
		} else {
			fprintf(stderr, "usage: bench_plan [--quick] [--seed N] [--time-limit S] "
					"[--sizes N,N,...]\n");
			return 2;
		}
	}
	printf("fleet: a30-24gb $0.90, a100-80gb $1.80, h100-80gb $2.90, h200-141gb $3.80 per "
	       "GPU-hour, all unlimited; seed %llu; time limit %.0f s\n",
	       (unsigned long long)seed, limit);
	printf("PRICE_S: until the price is proven least (or the limit); SOLVE_S: with the GPU "
	       "and\n"
	       "leftover tie-breaks; TOTAL_S: with the model, aggregation and baselines. OPT: yes "
	       "=\n"
	       "price and GPUs proven, price = price only. Baselines as $/hr/GPUs; SAVING = "
	       "first-\n"
	       "fit-decreasing $ / plan $\n\n");
	printf("%9s %7s %7s %7s %7s %6s %9s %9s %8s %5s %12s %11s %11s %7s\n", "WORKLOADS",
	       "CLASSES", "PRICE_S", "SOLVE_S", "TOTAL_S", "GPUS", "$/HR", "LP_BOUND", "GAP", "OPT",
	       "1-PER-MODEL", "FFD", "UNIFORM", "SAVING");
	for (i = 0; i < count; i++) {
		rng_state = seed * 0x9E3779B97F4A7C15ull + sizes[i];
		if (run(sizes[i], limit) < 0)
			return 1;
	}
	return 0;
}
