/* SPDX-License-Identifier: Apache-2.0 */
/*
 * MPS groups: replicas far smaller than the smallest MIG instance, whose isolation allows it,
 * share one instance through MPS instead of wasting most of one each (the guide: "use MPS
 * when you control all workloads ... and need finer-grained sharing"). The groups are formed
 * before the optimiser, first-fit decreasing by memory into bins the size of the smallest
 * instance any fleet GPU offers, so that every group fits every GPU type; two replicas of one
 * workload never share a group, so losing an instance never loses a whole workload. The
 * optimiser then places each group like any other unit.
 */
#include "plan_internal.h"

#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

struct bin {
	unsigned mib;
	double bytes_per_s;
};

struct item {
	size_t workload;
	unsigned mib;
	double bytes_per_s;
	size_t bin;
};

/* The smallest instance of the fleet: its memory and the bandwidth decode gets from it. */
static void smallest_instance(const struct plan_problem *pb, unsigned *mib, double *bps)
{
	size_t t, i;

	*mib = 0;
	*bps = 0;
	for (t = 0; t < pb->type_count; t++)
		for (i = 0; i < pb->types[t].profile_count; i++) {
			const mig_gi_profile *p = pb->types[t].profiles[i];
			double b = mig_plan__effective_bandwidth(pb->in, pb->types[t].gpu, p);

			if (!*mib || p->memory_mib < *mib || (p->memory_mib == *mib && b < *bps)) {
				*mib = p->memory_mib;
				*bps = b;
			}
		}
}

static double demand(const struct plan_problem *pb, size_t w)
{
	const mig_plan_workload *wl = &pb->in->workloads[w];

	if (wl->throughput <= 0)
		return 0;
	return wl->throughput / wl->replicas * mig_plan__bytes_per_token(&pb->needs[w], wl);
}

static int by_size(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->mib != y->mib)
		return x->mib > y->mib ? -1 : 1;
	return x->workload < y->workload ? -1 : x->workload > y->workload;
}

/*
 * Whether bin b takes item i. Replicas of one workload are next to each other after the sort
 * (same size, then by workload), so the earlier replicas are the items just before i.
 */
static int bin_takes(const struct bin *bins, size_t b, const struct item *items, size_t i,
		     unsigned cap_mib, double cap_bps)
{
	size_t j;

	if (bins[b].mib + items[i].mib > cap_mib ||
	    bins[b].bytes_per_s + items[i].bytes_per_s > cap_bps)
		return 0;
	for (j = i; j-- > 0 && items[j].workload == items[i].workload;)
		if (items[j].bin == b)
			return 0;
	return 1;
}

/* First-fit decreasing; items get their bin, bins their totals. Returns the number of bins. */
static size_t pack(struct item *items, size_t n, struct bin *bins, unsigned cap_mib, double cap_bps)
{
	size_t i, b, nb = 0;

	for (i = 0; i < n; i++) {
		for (b = 0; b < nb; b++)
			if (bin_takes(bins, b, items, i, cap_mib, cap_bps))
				break;
		if (b == nb)
			memset(&bins[nb++], 0, sizeof(bins[0]));
		bins[b].mib += items[i].mib;
		bins[b].bytes_per_s += items[i].bytes_per_s;
		items[i].bin = b;
	}
	return nb;
}

static int make_groups(struct plan_problem *pb, struct item *items, size_t n, struct bin *bins,
		       size_t nb)
{
	size_t i, b, at = 0;

	pb->groups = calloc(nb, sizeof(*pb->groups));
	pb->group_members = calloc(n, sizeof(*pb->group_members));
	if (!pb->groups || !pb->group_members)
		return mig_error_oom();
	for (i = 0; i < n; i++)
		pb->groups[items[i].bin].member_count++;
	for (b = 0; b < nb; b++) {
		pb->groups[b].member_first = at;
		pb->groups[b].mib = bins[b].mib;
		pb->groups[b].bytes_per_s = bins[b].bytes_per_s;
		at += pb->groups[b].member_count;
		pb->groups[b].member_count = 0;
	}
	for (i = 0; i < n; i++) {
		struct plan_group *g = &pb->groups[items[i].bin];

		pb->group_members[g->member_first + g->member_count++] = items[i].workload;
	}
	pb->group_count = nb;
	return 0;
}

static int eligible_workload(const struct plan_problem *pb, size_t w, unsigned cap_mib,
			     double cap_bps)
{
	const mig_plan_workload *wl = &pb->in->workloads[w];
	double f = pb->in->model.mps_fraction;

	return wl->isolation == MIG_PLAN_ISOLATION_SHAREABLE &&
	       pb->needs[w].total_mib <= f * cap_mib && demand(pb, w) <= f * cap_bps;
}

int mig_plan__mps_group(struct plan_problem *pb, int *eligible)
{
	size_t w, n = 0, members = 0, at = 0, nb;
	struct item *items;
	struct bin *bins;
	unsigned cap_mib;
	double cap_bps;
	int rc;

	smallest_instance(pb, &cap_mib, &cap_bps);
	for (w = 0; w < pb->in->workload_count; w++) {
		eligible[w] = cap_mib && eligible_workload(pb, w, cap_mib, cap_bps);
		n += eligible[w] ? pb->in->workloads[w].replicas : 0;
		members += eligible[w] != 0;
	}
	if (members < 2) {
		/* nobody to share with: each keeps its own instance */
		memset(eligible, 0, pb->in->workload_count * sizeof(*eligible));
		return 0;
	}
	items = calloc(n, sizeof(*items));
	bins = calloc(n, sizeof(*bins));
	if (!items || !bins) {
		free(items);
		free(bins);
		return mig_error_oom();
	}
	for (w = 0; w < pb->in->workload_count; w++) {
		unsigned r;

		for (r = 0; eligible[w] && r < pb->in->workloads[w].replicas; r++) {
			items[at].workload = w;
			items[at].mib = pb->needs[w].total_mib;
			items[at++].bytes_per_s = demand(pb, w);
		}
	}
	qsort(items, n, sizeof(*items), by_size);
	nb = pack(items, n, bins, cap_mib, cap_bps);
	rc = make_groups(pb, items, n, bins, nb);
	free(items);
	free(bins);
	return rc;
}
