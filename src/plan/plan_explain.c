/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The plain-words reason behind a plan's GPU count on each type: "3 instances need 16.9 GiB or
 * more, and one a100-80gb holds at most 4 instances that large (4 x 1g.20gb): at least 1 GPU".
 * It is the memory half of the solver's proof, the half a person can check by hand: for every
 * size, the instances at least that large over the most of them one complete layout holds.
 */
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "strbuf.h"
#include "banned.h"

struct bound {
	unsigned need_mib; /* the size */
	size_t instances;  /* instances of the plan at least that large */
	unsigned per_gpu;  /* the most instances that large one layout holds */
	const mig_layout *example;
	size_t gpus; /* ceil(instances / per_gpu) */
};

static int by_need_desc(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* Every MIG instance of type t that runs something, by the memory it needs; n returned. */
static size_t needs_on(const mig_plan *p, size_t t, unsigned *out)
{
	size_t g, i, n = 0;

	for (g = 0; g < p->gpu_count; g++) {
		const mig_plan_gpu *gpu = &p->gpus[g];

		for (i = 0; gpu->fleet_index == t && gpu->mig_enabled && i < gpu->layout.count; i++)
			if (gpu->instances[i].workload_count)
				out[n++] = gpu->instances[i].used_mib;
	}
	qsort(out, n, sizeof(*out), by_need_desc);
	return n;
}

static unsigned at_least(const mig_layout *l, unsigned mib)
{
	unsigned n = 0;
	size_t i;

	for (i = 0; i < l->count; i++)
		n += l->gi[i].profile->memory_mib >= mib;
	return n;
}

/* The tightest size bound for the needs (sorted, largest first) over the type's layouts. */
static void best_bound(struct bound *best, const unsigned *need, size_t n,
		       const mig_layout_list *list)
{
	size_t k, i;

	memset(best, 0, sizeof(*best));
	for (k = 0; k < n; k++) {
		struct bound b = {need[k], k + 1, 0, NULL, 0};

		if (k + 1 < n && need[k + 1] == need[k])
			continue; /* the count of this size is complete only at its last */
		for (i = 0; i < list->count; i++)
			if (at_least(&list->items[i], need[k]) > b.per_gpu) {
				b.per_gpu = at_least(&list->items[i], need[k]);
				b.example = &list->items[i];
			}
		if (!b.per_gpu)
			continue;
		b.gpus = (b.instances + b.per_gpu - 1) / b.per_gpu;
		if (b.gpus > best->gpus)
			*best = b;
	}
}

static void example_text(mig_strbuf *sb, const mig_layout *l, unsigned mib)
{
	size_t i, j, shown = 0;

	for (i = 0; i < l->count; i++) {
		unsigned n = 0;

		if (l->gi[i].profile->memory_mib < mib)
			continue;
		for (j = 0; j < i && l->gi[j].profile != l->gi[i].profile; j++)
			;
		if (j < i)
			continue; /* counted with its first */
		for (j = i; j < l->count; j++)
			n += l->gi[j].profile == l->gi[i].profile;
		mig_strbuf_addf(sb, "%s%u x %s", shown++ ? " + " : "", n, l->gi[i].profile->name);
	}
}

static int explain_type(mig_strbuf *sb, const mig_plan *p, size_t t, unsigned *need)
{
	const mig_gpu *gpu = p->input->fleet[t].gpu;
	mig_layout_list *list;
	struct bound b;
	size_t n = needs_on(p, t, need), g, used = 0;
	char gib[32];
	int rc;

	if (!n)
		return 0;
	if ((rc = mig_geometry_enumerate(&list, gpu, p->enum_flags)) < 0)
		return rc;
	best_bound(&b, need, n, list);
	for (g = 0; g < p->gpu_count; g++)
		used += p->gpus[g].fleet_index == t && p->gpus[g].mig_enabled;
	if (b.gpus) {
		mig_strbuf_addf(sb,
				"  on %s: %zu instance%s %s or more, and one GPU holds at "
				"most %u that large (",
				p->input->fleet[t].name, b.instances,
				b.instances == 1 ? " needs" : "s need",
				mig_plan__gib(gib, sizeof(gib), b.need_mib), b.per_gpu);
		example_text(sb, b.example, b.need_mib);
		mig_strbuf_addf(sb, "): at least %zu GPU%s by memory alone; the plan uses %zu\n",
				b.gpus, b.gpus == 1 ? "" : "s", used);
	}
	mig_layout_list_free(list);
	return 0;
}

int mig_plan__explain_bound(mig_strbuf *sb, const mig_plan *p)
{
	size_t t, g, most = 1;
	unsigned *need;
	int rc = 0;

	for (g = 0; g < p->gpu_count; g++)
		most += p->gpus[g].layout.count;
	need = calloc(most, sizeof(*need));
	if (!need)
		return mig_error_oom();
	for (t = 0; rc == 0 && t < p->input->fleet_count; t++)
		rc = explain_type(sb, p, t, need);
	free(need);
	return rc;
}
