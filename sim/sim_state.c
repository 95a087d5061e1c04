/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The simulated machine in memory: lifecycle, lookups, and adding or removing instances. The
 * rules that decide whether an instance may be added live in the callers (sim_mig_gi.c,
 * sim_mig_ci.c) on top of the geometry engine; this file only keeps the structs consistent.
 */
#include "sim_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

void sim_state_init(sim_state *st)
{
	memset(st, 0, sizeof(*st));
	st->next_serial = 1;
	snprintf(st->driver_version, sizeof(st->driver_version), "%s", "570.124.06");
	snprintf(st->nvml_version, sizeof(st->nvml_version), "%s", "12.570.124.06");
	st->cuda_version = 12080;
}

void sim_state_release(sim_state *st)
{
	size_t i;

	for (i = 0; i < st->gpu_count; i++)
		free(st->gpus[i].procs);
	free(st->gpus);
	free(st->faults);
	sim_counters_release(&st->calls);
	memset(st, 0, sizeof(*st));
}

static void *dup_array(const void *src, size_t n, size_t size, int *failed)
{
	void *p;

	if (n == 0 || !src)
		return NULL;
	p = calloc(n, size);
	if (!p) {
		*failed = 1;
		return NULL;
	}
	memcpy(p, src, n * size);
	return p;
}

int sim_state_copy(sim_state *dst, const sim_state *src)
{
	int failed = 0;
	size_t i;

	*dst = *src;
	dst->gpus = dup_array(src->gpus, src->gpu_count, sizeof(sim_gpu), &failed);
	dst->faults = dup_array(src->faults, src->fault_count, sizeof(sim_fault), &failed);
	dst->calls.items =
		dup_array(src->calls.items, src->calls.count, sizeof(sim_counter), &failed);
	for (i = 0; dst->gpus && i < dst->gpu_count; i++)
		dst->gpus[i].procs = dup_array(src->gpus[i].procs, src->gpus[i].proc_count,
					       sizeof(sim_process), &failed);
	if (failed || (src->gpu_count && !dst->gpus)) {
		if (!dst->gpus)
			dst->gpu_count = 0;
		sim_state_release(dst);
		return mig_error_oom();
	}
	return 0;
}

int sim_state_add_gpu(sim_state *st, const mig_gpu *model)
{
	sim_gpu *gpus, *g;
	unsigned index = (unsigned)st->gpu_count;

	if (st->gpu_count >= SIM_MAX_GPUS)
		return mig_error_set(MIG_EINVALID, "too many GPUs: at most %d", SIM_MAX_GPUS);
	gpus = realloc(st->gpus, (st->gpu_count + 1) * sizeof(*gpus));
	if (!gpus)
		return mig_error_oom();
	st->gpus = gpus;
	g = &gpus[st->gpu_count++];
	memset(g, 0, sizeof(*g));
	g->model = model;
	g->pci_bus = 0x10 + index;
	g->minor = index;
	sim_uuid_make(g->uuid, "GPU-", model->key, index, 0, 0);
	return 0;
}

sim_gi *sim_gpu_gi(sim_gpu *gpu, unsigned gi_id)
{
	size_t i;

	for (i = 0; i < gpu->gi_count; i++)
		if (gpu->gi[i].id == gi_id)
			return &gpu->gi[i];
	return NULL;
}

sim_ci *sim_gi_ci(sim_gi *gi, unsigned ci_id)
{
	size_t i;

	for (i = 0; i < gi->ci_count; i++)
		if (gi->ci[i].id == ci_id)
			return &gi->ci[i];
	return NULL;
}

const mig_gi_profile *sim_gi_profile(const sim_gpu *gpu, const sim_gi *gi)
{
	return mig_catalog_profile_by_id(gpu->model, gi->profile_id);
}

const mig_ci_profile *sim_ci_profile(const mig_gi_profile *gp, unsigned profile)
{
	size_t i;

	for (i = 0; gp && i < gp->ci_profile_count; i++)
		if (gp->ci_profiles[i].nvml_profile == profile)
			return &gp->ci_profiles[i];
	return NULL;
}

void sim_gpu_layout(const sim_gpu *gpu, mig_layout *out)
{
	size_t i;

	mig_layout_init(out, gpu->model);
	for (i = 0; i < gpu->gi_count; i++) {
		const mig_gi_profile *p = sim_gi_profile(gpu, &gpu->gi[i]);

		if (p)
			mig_layout_add(out, p, (int)gpu->gi[i].start);
	}
}

static int gi_id_used(const sim_gpu *gpu, unsigned id)
{
	size_t i;

	for (i = 0; i < gpu->gi_count; i++)
		if (gpu->gi[i].id == id)
			return 1;
	return 0;
}

/*
 * Real drivers hand out GI ids from fixed ranges by placement size, one binary level per halving
 * of the memory-slice grid: on the 8-slice parts a size-8 GI is id 0, size 4 ids 1-2, size 2
 * ids 3-6, size 1 ids 7-14 (an H100 with seven 1g GIs showed id = 7 + start). We take
 * base(level) + start / size, and another id of the same range if that one is taken.
 */
int sim_gpu_new_gi_id(const sim_gpu *gpu, unsigned start, unsigned size)
{
	unsigned total = gpu->model->memory_slices, level = 0, base, width, id;

	if (size == 0)
		return -1;
	while ((size << level) < total && level < 4)
		level++;
	width = 1u << level;
	base = width - 1;
	id = base + start / size;
	if (id < base + width && id <= SIM_MAX_GI_ID && !gi_id_used(gpu, id))
		return (int)id;
	for (id = base; id < base + width && id <= SIM_MAX_GI_ID; id++)
		if (!gi_id_used(gpu, id))
			return (int)id;
	for (id = 0; id <= SIM_MAX_GI_ID; id++)
		if (!gi_id_used(gpu, id))
			return (int)id;
	return -1;
}

int sim_gi_new_ci_id(const sim_gi *gi)
{
	unsigned id;
	size_t i;

	for (id = 0; id <= SIM_MAX_CI_ID; id++) {
		for (i = 0; i < gi->ci_count && gi->ci[i].id != id; i++)
			;
		if (i == gi->ci_count)
			return (int)id;
	}
	return -1;
}

sim_gi *sim_gpu_add_gi(sim_state *st, sim_gpu *gpu, const mig_gi_profile *p, unsigned start)
{
	sim_gi *gi;
	int id = sim_gpu_new_gi_id(gpu, start, p->mem_slices);

	if (gpu->gi_count >= SIM_MAX_GI || id < 0)
		return NULL;
	gi = &gpu->gi[gpu->gi_count++];
	memset(gi, 0, sizeof(*gi));
	gi->id = (unsigned)id;
	gi->profile_id = p->id;
	gi->start = start;
	gi->serial = st->next_serial++;
	return gi;
}

sim_ci *sim_gi_add_ci(sim_state *st, sim_gi *gi, const mig_ci_profile *p, unsigned start)
{
	sim_ci *ci;
	int id = sim_gi_new_ci_id(gi);

	if (gi->ci_count >= SIM_MAX_CI || id < 0)
		return NULL;
	ci = &gi->ci[gi->ci_count++];
	ci->id = (unsigned)id;
	ci->profile = p->nvml_profile;
	ci->start = start;
	ci->serial = st->next_serial++;
	return ci;
}

void sim_gpu_remove_gi(sim_gpu *gpu, unsigned gi_id)
{
	size_t i;

	for (i = 0; i < gpu->gi_count; i++) {
		if (gpu->gi[i].id != gi_id)
			continue;
		memmove(&gpu->gi[i], &gpu->gi[i + 1], (gpu->gi_count - i - 1) * sizeof(sim_gi));
		gpu->gi_count--;
		return;
	}
}

void sim_gi_remove_ci(sim_gi *gi, unsigned ci_id)
{
	size_t i;

	for (i = 0; i < gi->ci_count; i++) {
		if (gi->ci[i].id != ci_id)
			continue;
		memmove(&gi->ci[i], &gi->ci[i + 1], (gi->ci_count - i - 1) * sizeof(sim_ci));
		gi->ci_count--;
		return;
	}
}

size_t sim_gpu_process_count(const sim_gpu *gpu, int gi, int ci)
{
	size_t i, n = 0;

	for (i = 0; i < gpu->proc_count; i++) {
		const sim_process *p = &gpu->procs[i];

		if (gi >= 0 && p->gi != gi)
			continue;
		if (ci >= 0 && p->ci != ci)
			continue;
		n++;
	}
	return n;
}
