/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Every complete layout of a GPU: a depth-first walk over the (profile, start) candidates in a
 * fixed order, each step adding a candidate later than the last one added, so that every set
 * of GIs is visited exactly once. A set is recorded when no enabled candidate can be added to
 * it (any candidate, not only later ones). On the 8-slice parts this visits a few thousand
 * sets.
 */
#include "geometry_internal.h"

#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

typedef struct candidate {
	const mig_gi_profile *profile;
	unsigned start;
} candidate;

struct walk {
	const mig_gpu *gpu;
	candidate *cand;
	size_t ncand;
	mig_instance cur[MIG_LAYOUT_MAX];
	size_t depth;
	mig_layout *items;
	size_t count, alloc;
	int oom;
};

static int collect_candidates(struct walk *w, unsigned flags)
{
	const mig_gpu *gpu = w->gpu;
	size_t i, k, total = 0;

	for (i = 0; i < gpu->gi_profile_count; i++)
		total += gpu->gi_profiles[i].placement_count;
	w->cand = calloc(total ? total : 1, sizeof(*w->cand));
	if (!w->cand)
		return -1;
	for (i = 0; i < gpu->gi_profile_count; i++) {
		const mig_gi_profile *p = &gpu->gi_profiles[i];

		if (!mig_geometry_profile_enabled(p, flags))
			continue;
		for (k = 0; k < p->placement_count; k++) {
			w->cand[w->ncand].profile = p;
			w->cand[w->ncand++].start = p->placements[k].start;
		}
	}
	return 0;
}

static void record(struct walk *w)
{
	mig_layout *l;

	if (w->oom || w->depth == 0)
		return;
	if (w->count == w->alloc) {
		size_t alloc = w->alloc ? 2 * w->alloc : 64;
		mig_layout *items = realloc(w->items, alloc * sizeof(*items));

		if (!items) {
			w->oom = 1;
			return;
		}
		w->items = items;
		w->alloc = alloc;
	}
	l = &w->items[w->count++];
	mig_layout_init(l, w->gpu);
	memcpy(l->gi, w->cur, w->depth * sizeof(w->cur[0]));
	l->count = w->depth;
	mig_geometry__order(l->gi, l->count);
}

static void walk_from(struct walk *w, const mig_tally *t, size_t next)
{
	int complete = 1;
	size_t k;

	for (k = 0; k < w->ncand && complete; k++)
		if (mig_geometry__can_add(t, w->cand[k].profile, w->cand[k].start))
			complete = 0;
	if (complete) {
		record(w);
		return;
	}
	if (w->depth >= MIG_LAYOUT_MAX)
		return;
	for (k = next; k < w->ncand && !w->oom; k++) {
		const candidate *c = &w->cand[k];
		mig_tally more;

		if (!mig_geometry__can_add(t, c->profile, c->start))
			continue;
		more = *t;
		mig_geometry__tally_add(&more, c->profile, (int)c->start);
		w->cur[w->depth].profile = c->profile;
		w->cur[w->depth++].start = (int)c->start;
		walk_from(w, &more, k + 1);
		w->depth--;
	}
}

static size_t profile_index(const mig_gpu *gpu, const mig_gi_profile *p)
{
	size_t i;

	for (i = 0; i < gpu->gi_profile_count; i++)
		if (&gpu->gi_profiles[i] == p)
			return i;
	return gpu->gi_profile_count;
}

/* Bigger profiles sort first: more memory slices, then more compute slices, then table order. */
static int profile_cmp(const mig_gpu *gpu, const mig_gi_profile *a, const mig_gi_profile *b)
{
	size_t ia, ib;

	if (a->mem_slices != b->mem_slices)
		return a->mem_slices > b->mem_slices ? -1 : 1;
	if (a->slices != b->slices)
		return a->slices > b->slices ? -1 : 1;
	ia = profile_index(gpu, a);
	ib = profile_index(gpu, b);
	return ia < ib ? -1 : ia > ib;
}

static size_t signature(const mig_layout *l, const mig_gi_profile **sig)
{
	size_t i, k, n = l->count < MIG_LAYOUT_MAX ? l->count : MIG_LAYOUT_MAX;

	for (i = 0; i < n; i++) {
		const mig_gi_profile *p = l->gi[i].profile;

		for (k = i; k > 0 && profile_cmp(l->gpu, p, sig[k - 1]) < 0; k--)
			sig[k] = sig[k - 1];
		sig[k] = p;
	}
	return n;
}

/* Layouts with the same profiles sort together, bigger profiles first; then by starts. */
static int layout_cmp(const void *x, const void *y)
{
	const mig_layout *a = x, *b = y;
	const mig_gi_profile *sa[MIG_LAYOUT_MAX], *sb[MIG_LAYOUT_MAX];
	size_t na = signature(a, sa), nb = signature(b, sb), i;
	int c;

	for (i = 0; i < na && i < nb; i++)
		if ((c = profile_cmp(a->gpu, sa[i], sb[i])) != 0)
			return c;
	if (na != nb)
		return na < nb ? -1 : 1;
	for (i = 0; i < na; i++) {
		if (a->gi[i].start != b->gi[i].start)
			return a->gi[i].start < b->gi[i].start ? -1 : 1;
		if ((c = profile_cmp(a->gpu, a->gi[i].profile, b->gi[i].profile)) != 0)
			return c;
	}
	return 0;
}

int mig_geometry_enumerate(mig_layout_list **out, const mig_gpu *gpu, unsigned flags)
{
	struct walk w;
	mig_tally t;
	mig_layout_list *list;

	if (out)
		*out = NULL;
	if (!out || !gpu)
		return mig_error_set(MIG_EINVALID, "no GPU given");
	memset(&w, 0, sizeof(w));
	w.gpu = gpu;
	list = calloc(1, sizeof(*list));
	if (!list || collect_candidates(&w, flags) < 0) {
		free(list);
		return mig_error_oom();
	}
	mig_geometry__tally_init(&t, gpu);
	walk_from(&w, &t, 0);
	free(w.cand);
	if (w.oom) {
		free(w.items);
		free(list);
		return mig_error_oom();
	}
	if (w.count)
		qsort(w.items, w.count, sizeof(*w.items), layout_cmp);
	list->items = w.items;
	list->count = w.count;
	*out = list;
	return 0;
}

static unsigned count_in(const mig_layout *l, const mig_gi_profile *p)
{
	unsigned n = 0;
	size_t i;

	for (i = 0; i < l->count; i++)
		n += l->gi[i].profile == p;
	return n;
}

int mig_layout_same_profiles(const mig_layout *a, const mig_layout *b)
{
	size_t i;

	if (!a || !b || a->count != b->count || a->count > MIG_LAYOUT_MAX)
		return 0;
	for (i = 0; i < a->count; i++)
		if (count_in(a, a->gi[i].profile) != count_in(b, a->gi[i].profile))
			return 0;
	return 1;
}

size_t mig_layout_list_multisets(const mig_layout_list *list)
{
	size_t i, j, n = 0;

	if (!list)
		return 0;
	for (i = 0; i < list->count; i++) {
		for (j = 0; j < i; j++)
			if (mig_layout_same_profiles(&list->items[i], &list->items[j]))
				break;
		n += j == i;
	}
	return n;
}

void mig_layout_list_free(mig_layout_list *list)
{
	if (!list)
		return;
	free(list->items);
	free(list);
}
