/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Where instances go when the caller names no placement, and the compute-slice bookkeeping of
 * compute instances inside a GPU instance.
 *
 * The driver's choice for nvmlDeviceCreateGpuInstance is not documented and differs between
 * drivers, so the simulator uses one fixed, documented policy: among the free placements, take
 * the one that blocks the fewest placements of any profile that are still free ("least damage"),
 * the lowest start on a tie. It reproduces the order seen on an H100 (seven 1g GIs land at
 * 6, 4, 5, 0, 1, 2, 3), puts a first 2g at 4 as seen on an A100, and, like the real driver,
 * makes "-cgi 19,19,14,9" fail on an A100 while "-cgi 9,19,14,19" works.
 */
#include "sim_internal.h"

#include "banned.h"

static uint32_t span(unsigned start, unsigned size)
{
	return size >= 32 ? 0xffffffffu : ((1u << size) - 1) << start;
}

/* How many still-free placements of every profile a GI at mask would block. */
static unsigned damage(const mig_gpu *m, uint32_t occupied, uint32_t mask)
{
	unsigned n = 0;
	size_t i, j;

	for (i = 0; i < m->gi_profile_count; i++) {
		const mig_gi_profile *q = &m->gi_profiles[i];

		for (j = 0; j < q->placement_count; j++) {
			uint32_t s = span(q->placements[j].start, q->placements[j].size);

			if (!(s & occupied) && (s & mask))
				n++;
		}
	}
	return n;
}

unsigned sim_place_gi(const mig_layout *l, const mig_gi_profile *p, const unsigned *starts,
		      size_t n)
{
	uint32_t occupied = mig_layout_occupied(l);
	unsigned best = starts[0], best_damage = ~0u;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned d = damage(l->gpu, occupied, mig_placement_mask(p, starts[i]));

		if (d < best_damage || (d == best_damage && starts[i] < best)) {
			best = starts[i];
			best_damage = d;
		}
	}
	return best;
}

/* The compute slices a CI holds: the size of its placement at its start. */
static uint32_t ci_mask(const mig_ci_profile *cp, unsigned start)
{
	size_t i;

	for (i = 0; i < cp->placement_count; i++)
		if (cp->placements[i].start == start)
			return span(start, cp->placements[i].size);
	return span(start, cp->slices);
}

uint32_t sim_ci_used(const sim_gi *gi, const mig_gi_profile *gp, unsigned *slices)
{
	uint32_t used = 0;
	size_t i;

	*slices = 0;
	for (i = 0; i < gi->ci_count; i++) {
		const mig_ci_profile *cp = sim_ci_profile(gp, gi->ci[i].profile);

		if (!cp)
			continue;
		used |= ci_mask(cp, gi->ci[i].start);
		*slices += cp->slices;
	}
	return used;
}

/* Whether a CI of cp may start at start next to the existing CIs (every rule but the start
 * being one of cp's placements, which the caller checks). */
static int ci_fits(const sim_gi *gi, const mig_gi_profile *gp, const mig_ci_profile *cp,
		   unsigned start, uint32_t used, unsigned slices)
{
	size_t i, same = 0;

	for (i = 0; i < gi->ci_count; i++)
		same += gi->ci[i].profile == cp->nvml_profile;
	if (same >= cp->max_count || gi->ci_count >= SIM_MAX_CI)
		return 0;
	if (slices + cp->slices > gp->slices)
		return 0;
	return !(ci_mask(cp, start) & used);
}

int sim_ci_can_place(const sim_gi *gi, const mig_gi_profile *gp, const mig_ci_profile *cp,
		     unsigned start)
{
	unsigned slices;
	uint32_t used = sim_ci_used(gi, gp, &slices);

	return ci_fits(gi, gp, cp, start, used, slices);
}

int sim_ci_first_start(const sim_gi *gi, const mig_gi_profile *gp, const mig_ci_profile *cp)
{
	size_t i;

	for (i = 0; i < cp->placement_count; i++)
		if (sim_ci_can_place(gi, gp, cp, cp->placements[i].start))
			return (int)cp->placements[i].start;
	return -1;
}

/* Placements of one size on a line: taking them greedily by start packs the most. */
unsigned sim_ci_remaining(const sim_gi *gi, const mig_gi_profile *gp, const mig_ci_profile *cp)
{
	sim_gi scratch = *gi;
	unsigned n = 0;
	size_t i;

	for (i = 0; i < cp->placement_count; i++) {
		unsigned start = cp->placements[i].start;

		if (!sim_ci_can_place(&scratch, gp, cp, start))
			continue;
		scratch.ci[scratch.ci_count++] = (sim_ci){0, cp->nvml_profile, start, 0};
		n++;
	}
	return n;
}
