/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bench_reconcile: how much apply disturbs. For every GPU of the catalog and every ordered pair
 * (A, B) of its complete layouts, the planner takes a GPU holding A to B's profiles (placements
 * its own choice); the baseline is mig-parted's strategy, which leaves a GPU alone when it
 * already holds B's profiles and otherwise destroys every instance and creates B from scratch.
 * Each row counts the GPU instances destroyed and created by both, over all pairs, and the
 * planner's time per plan. Run by hand:
 *
 *   bench_reconcile [--plain | --all-profiles]
 *
 * By default the layouts are those of `migctl layouts`: the plain profiles and the
 * 2-memory-slice 1g profile; --plain leaves the latter out (the 19 layouts of the transition
 * suite on A100 and H100), --all-profiles adds the media-extension and other variants.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "migctl/catalog.h"
#include "migctl/config.h"
#include "migctl/device.h"
#include "migctl/error.h"
#include "migctl/geometry.h"
#include "migctl/reconcile.h"

struct totals {
	size_t pairs, destroyed, created, base_destroyed, base_created;
	double plan_us, max_us;
};

struct fake {
	mig_gpu_state st;
	mig_gi_state gis[MIG_LAYOUT_MAX];
	mig_ci_state cis[MIG_LAYOUT_MAX];
};

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* A GPU holding a layout, each GI with its default CI. */
static void fake_state(struct fake *f, const mig_layout *l)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	f->st.model = l->gpu;
	f->st.mig_capable = f->st.mig_current = f->st.mig_pending = 1;
	f->st.gis = f->gis;
	f->st.gi_count = l->count;
	for (i = 0; i < l->count; i++) {
		f->gis[i].id = (unsigned)i + 1;
		f->gis[i].profile = l->gi[i].profile;
		f->gis[i].start = (unsigned)l->gi[i].start;
		f->gis[i].slices = l->gi[i].profile->slices;
		snprintf(f->gis[i].profile_name, sizeof(f->gis[i].profile_name), "%s",
			 l->gi[i].profile->name);
		f->cis[i].profile = mig_catalog_default_ci(l->gi[i].profile);
		f->gis[i].cis = &f->cis[i];
		f->gis[i].ci_count = 1;
	}
}

static void want_of(mig_config_layout *w, const mig_layout *l)
{
	size_t i;

	memset(w, 0, sizeof(*w));
	w->gpu = l->gpu;
	w->mig_enabled = 1;
	w->gi_count = l->count;
	for (i = 0; i < l->count; i++) {
		w->gi[i].profile = l->gi[i].profile;
		w->gi[i].start = -1;
		w->gi[i].ci[0] = mig_catalog_default_ci(l->gi[i].profile);
		w->gi[i].ci_count = 1;
	}
}

static int pair(struct totals *t, const mig_layout *a, const mig_layout *b)
{
	static struct fake f;
	mig_config_layout w;
	mig_step_plan *plan;
	double t0, us;

	fake_state(&f, a);
	want_of(&w, b);
	t0 = now_us();
	if (mig_reconcile_plan(&plan, &f.st, &w, 0) < 0) {
		fprintf(stderr, "bench_reconcile: %s\n", mig_error_last()->message);
		return -1;
	}
	us = now_us() - t0;
	t->plan_us += us;
	if (us > t->max_us)
		t->max_us = us;
	t->pairs++;
	t->destroyed += plan->gis_destroyed;
	t->created += plan->gis_created;
	if (!mig_layout_same_profiles(a, b)) {
		t->base_destroyed += a->count;
		t->base_created += b->count;
	}
	mig_step_plan_free(plan);
	return 0;
}

static void row(const char *name, size_t layouts, const struct totals *t)
{
	printf("%-24s %7zu %7zu %10zu %10zu %6.2f %9zu %9zu %8.1f %8.1f\n", name, layouts, t->pairs,
	       t->destroyed, t->base_destroyed,
	       t->base_destroyed ? (double)t->destroyed / (double)t->base_destroyed : 0.0,
	       t->created, t->base_created, t->pairs ? t->plan_us / (double)t->pairs : 0.0,
	       t->max_us);
}

static void add(struct totals *all, const struct totals *t)
{
	all->pairs += t->pairs;
	all->destroyed += t->destroyed;
	all->created += t->created;
	all->base_destroyed += t->base_destroyed;
	all->base_created += t->base_created;
	all->plan_us += t->plan_us;
	if (t->max_us > all->max_us)
		all->max_us = t->max_us;
}

int main(int argc, char **argv)
{
	const char *arg = argc > 1 ? argv[1] : "";
	unsigned flags = strcmp(arg, "--all-profiles") == 0 ? MIG_ENUM_ALL
			 : strcmp(arg, "--plain") == 0	    ? 0
							    : MIG_ENUM_DEFAULT;
	struct totals all = {0};
	size_t g, i, j;

	printf("GPU instances destroyed and created over every ordered pair of complete layouts:\n"
	       "migctl's minimal plan vs mig-parted's destroy-all (ratio = minimal / "
	       "destroy-all)\n\n");
	printf("%-24s %7s %7s %10s %10s %6s %9s %9s %8s %8s\n", "GPU", "layouts", "pairs",
	       "destroyed", "destr-all", "ratio", "created", "creat-all", "plan-us", "max-us");
	for (g = 0; g < mig_catalog_count(); g++) {
		const mig_gpu *gpu = mig_catalog_at(g);
		struct totals t = {0};
		mig_layout_list *list;

		if (mig_geometry_enumerate(&list, gpu, flags) < 0)
			return 1;
		for (i = 0; i < list->count; i++)
			for (j = 0; j < list->count; j++)
				if (pair(&t, &list->items[i], &list->items[j]) < 0)
					return 1;
		row(gpu->key, list->count, &t);
		add(&all, &t);
		mig_layout_list_free(list);
	}
	row("all", 0, &all); /* layouts: per GPU only */
	return 0;
}
