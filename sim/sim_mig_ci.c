/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Compute-instance lifecycle and lookups. A CI must fit its GI: a free placement of its profile,
 * fewer than the profile's instanceCount, and the GI's compute slices not exceeded; otherwise
 * INSUFFICIENT_RESOURCES. mig-parted relies on that refusal: it first tries a second CI inside
 * a 1g GI and must be told no. A CI with processes is IN_USE.
 */
#include "sim_internal.h"

#include "banned.h"

static nvmlReturn_t create(sim_call *call, sim_dev *dev, const mig_gi_profile *gp,
			   const mig_ci_profile *cp, int start, nvmlComputeInstance_t *out)
{
	sim_ci *ci;

	if (start < 0)
		start = sim_ci_first_start(dev->gi, gp, cp);
	if (start < 0 || !sim_ci_can_place(dev->gi, gp, cp, (unsigned)start))
		return NVML_ERROR_INSUFFICIENT_RESOURCES;
	ci = sim_gi_add_ci(call->st, dev->gi, cp, (unsigned)start);
	if (!ci)
		return NVML_ERROR_INSUFFICIENT_RESOURCES;
	*out = sim_handle_ci(dev->index, dev->gi, ci);
	if (!*out) {
		sim_gi_remove_ci(dev->gi, ci->id);
		return NVML_ERROR_MEMORY;
	}
	sim_changed(call);
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlGpuInstanceCreateComputeInstance(nvmlGpuInstance_t gpuInstance,
						  unsigned int profileId,
						  nvmlComputeInstance_t *computeInstance)
{
	const mig_gi_profile *gp = NULL;
	const mig_ci_profile *cp = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin_update(&call, __func__);

	if (rc == NVML_SUCCESS && !computeInstance)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = sim_ci_profile_by_id(&call, gpuInstance, profileId, &dev, &gp, &cp);
	if (rc == NVML_SUCCESS)
		rc = create(&call, &dev, gp, cp, -1, computeInstance);
	return sim_end(&call, rc);
}

static int is_placement(const mig_ci_profile *cp, const nvmlComputeInstancePlacement_t *pl)
{
	size_t i;

	for (i = 0; i < cp->placement_count; i++)
		if (cp->placements[i].start == pl->start && cp->placements[i].size == pl->size)
			return 1;
	return 0;
}

nvmlReturn_t nvmlGpuInstanceCreateComputeInstanceWithPlacement(
	nvmlGpuInstance_t gpuInstance, unsigned int profileId,
	const nvmlComputeInstancePlacement_t *placement, nvmlComputeInstance_t *computeInstance)
{
	const mig_gi_profile *gp = NULL;
	const mig_ci_profile *cp = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin_update(&call, __func__);

	if (rc == NVML_SUCCESS && (!computeInstance || !placement))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = sim_ci_profile_by_id(&call, gpuInstance, profileId, &dev, &gp, &cp);
	if (rc == NVML_SUCCESS && !is_placement(cp, placement))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = create(&call, &dev, gp, cp, (int)placement->start, computeInstance);
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlComputeInstanceDestroy(nvmlComputeInstance_t computeInstance)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin_update(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_ci(&call, computeInstance, &dev);
	if (rc == NVML_SUCCESS && sim_gpu_process_count(dev.gpu, (int)dev.gi->id, (int)dev.ci->id))
		rc = NVML_ERROR_IN_USE;
	if (rc == NVML_SUCCESS) {
		sim_gi_remove_ci(dev.gi, dev.ci->id);
		sim_changed(&call);
	}
	return sim_end(&call, rc);
}

/* The CIs of one profile in id order; *count as for nvmlDeviceGetGpuInstances. */
nvmlReturn_t nvmlGpuInstanceGetComputeInstances(nvmlGpuInstance_t gpuInstance,
						unsigned int profileId,
						nvmlComputeInstance_t *computeInstances,
						unsigned int *count)
{
	const mig_gi_profile *gp = NULL;
	const mig_ci_profile *cp = NULL;
	unsigned n = 0, cap, id;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS && (!computeInstances || !count))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = sim_ci_profile_by_id(&call, gpuInstance, profileId, &dev, &gp, &cp);
	if (rc != NVML_SUCCESS)
		return sim_end(&call, rc);
	cap = *count ? *count : cp->max_count;
	for (id = 0; id <= SIM_MAX_CI_ID && rc == NVML_SUCCESS; id++) {
		sim_ci *ci = sim_gi_ci(dev.gi, id);

		if (!ci || ci->profile != profileId)
			continue;
		if (n >= cap)
			rc = NVML_ERROR_INSUFFICIENT_SIZE;
		else if (!(computeInstances[n++] = sim_handle_ci(dev.index, dev.gi, ci)))
			rc = NVML_ERROR_MEMORY;
	}
	*count = n;
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlGpuInstanceGetComputeInstanceById(nvmlGpuInstance_t gpuInstance, unsigned int id,
						   nvmlComputeInstance_t *computeInstance)
{
	sim_ci *ci = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gi(&call, gpuInstance, &dev);
	if (rc == NVML_SUCCESS && !computeInstance)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && !(ci = sim_gi_ci(dev.gi, id)))
		rc = NVML_ERROR_NOT_FOUND;
	if (rc == NVML_SUCCESS && !(*computeInstance = sim_handle_ci(dev.index, dev.gi, ci)))
		rc = NVML_ERROR_MEMORY;
	return sim_end(&call, rc);
}

static nvmlReturn_t ci_info(const char *fn, nvmlComputeInstance_t h,
			    nvmlComputeInstanceInfo_t *info)
{
	const mig_ci_profile *cp = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, fn);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_ci(&call, h, &dev);
	if (rc == NVML_SUCCESS && !info)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS) {
		info->device = sim_handle_gpu(dev.index);
		info->gpuInstance = sim_handle_gi(dev.index, dev.gi);
		if (!info->device || !info->gpuInstance)
			rc = NVML_ERROR_MEMORY;
	}
	if (rc == NVML_SUCCESS) {
		cp = sim_ci_profile(sim_gi_profile(dev.gpu, dev.gi), dev.ci->profile);
		info->id = dev.ci->id;
		info->profileId = dev.ci->profile;
		info->placement.start = dev.ci->start;
		info->placement.size = cp ? cp->slices : 0;
	}
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlComputeInstanceGetInfo_v2(nvmlComputeInstance_t computeInstance,
					   nvmlComputeInstanceInfo_t *info)
{
	return ci_info(__func__, computeInstance, info);
}

nvmlReturn_t nvmlComputeInstanceGetInfo(nvmlComputeInstance_t computeInstance,
					nvmlComputeInstanceInfo_t *info)
{
	return ci_info(__func__, computeInstance, info);
}
