/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The transition suite: for every ordered pair (A, B) of complete layouts of the plain
 * profiles on the A100-80GB and the H100-80GB (19 each, so 722 pairs), and a fixed random
 * sample of pairs on every other GPU of the catalog, apply A (pinned) and then B (profiles
 * only, placements left to the planner) on the simulator, through the library as `migctl
 * apply` does, and check that
 *  - B holds afterwards;
 *  - the GPU instances that survived kept their ids (they were never touched);
 *  - the number destroyed is the least possible. That minimum is computed here by brute force,
 *    independently of the planner and of mig_geometry_fit_around: every placement of B's
 *    profiles that the rules allow (mig_geometry_check) is tried, and the one sharing the most
 *    (profile, start) pairs with A says how many of A's instances could have stayed.
 * The simulator library is found next to the test (../sim/libnvidia-ml.so.1 in the build tree)
 * or through MIGCTL_SIM_LIBRARY.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>

#include "migctl/reconcile.h"
#include "test_reconcile_helpers.h"

#define SAMPLE_PER_GPU 40 /* pairs tried on each other GPU */

static const char *const suite_gpus[] = {"a100-80gb",
					 "h100-80gb",
					 "a100-40gb",
					 "a30-24gb",
					 "h100-pcie-80gb",
					 "h100-nvl-94gb",
					 "gh200-96gb",
					 "gh200-144gb",
					 "h200-141gb",
					 "h200-nvl-141gb",
					 "b200-180gb",
					 "gb200-186gb",
					 "rtx-pro-6000-blackwell"};
#define SUITE_GPUS (sizeof(suite_gpus) / sizeof(suite_gpus[0]))

static char dir[256], state_file[512];
static mig_system *sys;
static size_t total_pairs, total_destroyed, total_min;

/* MIG on for every simulated GPU, as after `migctl mode on` and a reset. */
static int enable_mig(void)
{
	json_t *st = json_load_file(state_file, 0, NULL), *g;
	size_t i;
	int rc;

	if (!st)
		return -1;
	json_array_foreach(json_object_get(st, "gpus"), i, g)
	{
		json_object_set_new(json_object_get(g, "mig"), "current", json_integer(1));
		json_object_set_new(json_object_get(g, "mig"), "pending", json_integer(1));
	}
	rc = json_dump_file(st, state_file, JSON_INDENT(2));
	json_decref(st);
	return rc;
}

static int setup(void **state)
{
	char lib[4096], spec[1024] = "";
	const char *tmp = getenv("TMPDIR");
	size_t i;

	(void)state;
	/* on tmpfs where there is one: the journal's fsyncs, 2,000 applies' worth, then cost
	 * nothing */
	snprintf(dir, sizeof(dir), "%s/test-transitions-XXXXXX",
		 access("/dev/shm", W_OK) == 0 ? "/dev/shm"
		 : tmp && *tmp		       ? tmp
					       : "/tmp");
	if (!mkdtemp(dir) || !fake_sim_library(lib, sizeof(lib))) {
		fprintf(stderr,
			"no temporary folder or no simulator library (MIGCTL_SIM_LIBRARY)\n");
		return -1;
	}
	for (i = 0; i < SUITE_GPUS; i++)
		snprintf(spec + strlen(spec), sizeof(spec) - strlen(spec), "%s%s", i ? "," : "",
			 suite_gpus[i]);
	snprintf(state_file, sizeof(state_file), "%s/sim.json", dir);
	setenv("MIGSIM_STATE", state_file, 1);
	setenv("MIGSIM_GPUS", spec, 1);
	if (mig_system_open(&sys, lib) < 0)
		return -1;
	mig_system_close(sys);
	if (enable_mig() < 0)
		return -1;
	return mig_system_open(&sys, lib);
}

static int teardown(void **state)
{
	char cmd[600];

	(void)state;
	mig_system_close(sys);
	printf("transitions: %zu pairs, %zu GPU instances destroyed, the least possible %zu\n",
	       total_pairs, total_destroyed, total_min);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* --- the brute-force oracle --- */

static size_t shared(const mig_layout *a, const mig_instance *p, size_t n)
{
	int used[MIG_LAYOUT_MAX] = {0};
	size_t i, j, k = 0;

	for (i = 0; i < a->count; i++)
		for (j = 0; j < n; j++)
			if (!used[j] && p[j].profile == a->gi[i].profile &&
			    p[j].start == a->gi[i].start) {
				used[j] = 1;
				k++;
				break;
			}
	return k;
}

struct oracle {
	const mig_layout *a, *b;
	mig_instance p[MIG_LAYOUT_MAX];
	size_t best;
};

/* Place B's GI k and on: each at every allowed start not overlapping the ones before (GIs of
 * one profile in increasing start order, since they are interchangeable). */
static void place(struct oracle *o, size_t k, uint32_t used)
{
	const mig_gi_profile *pr;
	mig_layout l;
	size_t i;

	if (k == o->b->count) {
		mig_layout_init(&l, o->b->gpu);
		for (i = 0; i < k; i++)
			mig_layout_add(&l, o->p[i].profile, o->p[i].start);
		if (mig_geometry_check(&l, NULL) == 0 && shared(o->a, o->p, k) > o->best)
			o->best = shared(o->a, o->p, k);
		mig_error_clear();
		return;
	}
	pr = o->b->gi[k].profile;
	for (i = 0; i < pr->placement_count; i++) {
		uint32_t m = mig_placement_mask(pr, pr->placements[i].start);

		if ((m & used) || (k > 0 && o->p[k - 1].profile == pr &&
				   (int)pr->placements[i].start <= o->p[k - 1].start))
			continue;
		o->p[k].profile = pr;
		o->p[k].start = pr->placements[i].start;
		place(o, k + 1, used | m);
	}
}

static int by_profile(const void *x, const void *y)
{
	const mig_instance *a = x, *b = y;

	return a->profile == b->profile ? 0 : (a->profile < b->profile ? -1 : 1);
}

static size_t least_destroyed(const mig_layout *a, const mig_layout *b)
{
	struct oracle o = {a, NULL, {{NULL, 0}}, 0};
	mig_layout sorted = *b;

	qsort(sorted.gi, sorted.count, sizeof(sorted.gi[0]), by_profile);
	o.b = &sorted;
	place(&o, 0, 0);
	return a->count - o.best;
}

/* --- applying --- */

static void to_want(mig_config_layout *w, const mig_layout *l, int pinned)
{
	size_t i;

	memset(w, 0, sizeof(*w));
	w->gpu = l->gpu;
	w->mig_enabled = 1;
	for (i = 0; i < l->count; i++) {
		w->gi[i].profile = l->gi[i].profile;
		w->gi[i].start = pinned ? l->gi[i].start : -1;
		w->gi[i].ci[0] = mig_catalog_default_ci(l->gi[i].profile);
		w->gi[i].ci_count = 1;
	}
	w->gi_count = l->count;
}

static mig_gpu_state *read_state(unsigned index)
{
	mig_gpu_state *st = NULL;

	if (mig_gpu_state_read(&st, sys, index) < 0)
		fail_msg("reading GPU %u: %s", index, mig_error_last()->message);
	return st;
}

static void apply(unsigned index, const mig_config_layout *w, mig_apply_result *res)
{
	mig_apply_options opts = MIG_APPLY_OPTIONS_INIT;
	mig_gpu_state *st = read_state(index);
	mig_step_plan *plan = NULL;

	opts.state_dir = dir;
	if (mig_reconcile_plan(&plan, st, w, 0) < 0 ||
	    mig_reconcile_apply(sys, plan, &opts, res) < 0)
		fail_msg("apply on GPU %u: %s", index, mig_error_last()->message);
	mig_step_plan_free(plan);
	mig_gpu_state_free(st);
	st = read_state(index);
	if (mig_reconcile_matches(st, w) != 1)
		fail_msg("GPU %u does not hold the layout after apply", index);
	mig_gpu_state_free(st);
}

static size_t same_ids(const mig_gpu_state *before, const mig_gpu_state *after)
{
	size_t i, j, n = 0;

	for (i = 0; i < before->gi_count; i++)
		for (j = 0; j < after->gi_count; j++)
			n += before->gis[i].id == after->gis[j].id &&
			     before->gis[i].start == after->gis[j].start &&
			     before->gis[i].profile == after->gis[j].profile;
	return n;
}

static void transition(unsigned index, const mig_layout *a, const mig_layout *b)
{
	mig_config_layout wa, wb;
	mig_apply_result res;
	mig_gpu_state *before, *after;
	size_t least = least_destroyed(a, b);

	to_want(&wa, a, 1);
	to_want(&wb, b, 0);
	apply(index, &wa, &res);
	before = read_state(index);
	apply(index, &wb, &res);
	after = read_state(index);
	if (res.gis_destroyed != least || same_ids(before, after) != a->count - least)
		fail_msg("%s: destroyed %zu (kept %zu), the least possible is %zu", a->gpu->key,
			 res.gis_destroyed, same_ids(before, after), least);
	total_pairs++;
	total_destroyed += res.gis_destroyed;
	total_min += least;
	mig_gpu_state_free(before);
	mig_gpu_state_free(after);
}

static mig_layout_list *plain_layouts(unsigned index)
{
	mig_layout_list *list = NULL;
	mig_gpu_state *st = read_state(index);

	assert_string_equal(st->model->key, mig_catalog_by_key(suite_gpus[index])->key);
	assert_int_equal(mig_geometry_enumerate(&list, st->model, 0), 0);
	mig_gpu_state_free(st);
	return list;
}

static void test_reconcile_transitions__every_pair(unsigned index)
{
	mig_layout_list *list = plain_layouts(index);
	size_t i, j;

	assert_int_equal(list->count, 19);
	for (i = 0; i < list->count; i++)
		for (j = 0; j < list->count; j++)
			transition(index, &list->items[i], &list->items[j]);
	mig_layout_list_free(list);
}

static void test_reconcile_transitions__every_pair_a100(void **state)
{
	(void)state;
	test_reconcile_transitions__every_pair(0);
}

static void test_reconcile_transitions__every_pair_h100(void **state)
{
	(void)state;
	test_reconcile_transitions__every_pair(1);
}

/* A fixed pseudo-random sample (an LCG, so every run tries the same pairs). */
static void test_reconcile_transitions__sample_of_other_gpus(void **state)
{
	uint32_t seed = 12345;
	unsigned index;
	size_t k;

	(void)state;
	for (index = 2; index < SUITE_GPUS; index++) {
		mig_layout_list *list = plain_layouts(index);

		for (k = 0; k < SAMPLE_PER_GPU && list->count; k++) {
			size_t a, b;

			seed = seed * 1103515245u + 12345u;
			a = (seed >> 8) % list->count;
			seed = seed * 1103515245u + 12345u;
			b = (seed >> 8) % list->count;
			transition(index, &list->items[a], &list->items[b]);
		}
		mig_layout_list_free(list);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reconcile_transitions__every_pair_a100),
		cmocka_unit_test(test_reconcile_transitions__every_pair_h100),
		cmocka_unit_test(test_reconcile_transitions__sample_of_other_gpus),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
