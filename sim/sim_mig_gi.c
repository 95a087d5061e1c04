/* SPDX-License-Identifier: Apache-2.0 */
/*
 * GPU-instance lifecycle and lookups. Creation asks the geometry engine which starts are free
 * under every NVIDIA rule (placements, overlap, counts, media engines); with an explicit
 * placement the start must be one the profile can take (else INVALID_ARGUMENT) and free (else
 * INSUFFICIENT_RESOURCES); without one, sim_place.c picks. All of these need MIG enabled
 * (NOT_SUPPORTED otherwise). A GI with compute instances (or processes) is IN_USE.
 */
#include "sim_internal.h"

#include "banned.h"

/* Resolve a GPU handle with MIG enabled and the GI profile with this id. */
static nvmlReturn_t gpu_with_mig(sim_call *call, nvmlDevice_t device, unsigned profileId,
				 sim_dev *dev, const mig_gi_profile **p)
{
	nvmlReturn_t rc = sim_resolve_gpu(call, device, dev);

	if (rc != NVML_SUCCESS)
		return rc;
	if (!dev->gpu->mig_current)
		return NVML_ERROR_NOT_SUPPORTED;
	*p = mig_catalog_profile_by_id(dev->gpu->model, profileId);
	return *p ? NVML_SUCCESS : NVML_ERROR_INVALID_ARGUMENT;
}

/* Create at start (-1: let the simulator choose) and hand out the handle. */
static nvmlReturn_t create(sim_call *call, sim_dev *dev, const mig_gi_profile *p, int start,
			   nvmlGpuInstance_t *out)
{
	unsigned starts[MIG_MAX_PLACEMENTS];
	mig_layout l;
	size_t n, i;
	sim_gi *gi;

	sim_gpu_layout(dev->gpu, &l);
	n = mig_geometry_free_starts(&l, p, starts, MIG_MAX_PLACEMENTS);
	if (n > MIG_MAX_PLACEMENTS)
		n = MIG_MAX_PLACEMENTS;
	if (start >= 0) {
		for (i = 0; i < n && starts[i] != (unsigned)start; i++)
			;
		if (i == n)
			return NVML_ERROR_INSUFFICIENT_RESOURCES;
	} else if (n == 0) {
		return NVML_ERROR_INSUFFICIENT_RESOURCES;
	} else {
		start = (int)sim_place_gi(&l, p, starts, n);
	}
	gi = sim_gpu_add_gi(call->st, dev->gpu, p, (unsigned)start);
	if (!gi)
		return NVML_ERROR_INSUFFICIENT_RESOURCES;
	*out = sim_handle_gi(dev->index, gi);
	if (!*out) {
		sim_gpu_remove_gi(dev->gpu, gi->id);
		return NVML_ERROR_MEMORY;
	}
	sim_changed(call);
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceCreateGpuInstance(nvmlDevice_t device, unsigned int profileId,
					 nvmlGpuInstance_t *gpuInstance)
{
	const mig_gi_profile *p = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin_update(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = gpu_with_mig(&call, device, profileId, &dev, &p);
	if (rc == NVML_SUCCESS && !gpuInstance)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = create(&call, &dev, p, -1, gpuInstance);
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceCreateGpuInstanceWithPlacement(nvmlDevice_t device, unsigned int profileId,
						      const nvmlGpuInstancePlacement_t *placement,
						      nvmlGpuInstance_t *gpuInstance)
{
	const mig_gi_profile *p = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin_update(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = gpu_with_mig(&call, device, profileId, &dev, &p);
	if (rc == NVML_SUCCESS && (!gpuInstance || !placement))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && (placement->size != p->mem_slices ||
				   !mig_geometry_placement_allowed(p, placement->start)))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = create(&call, &dev, p, (int)placement->start, gpuInstance);
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlGpuInstanceDestroy(nvmlGpuInstance_t gpuInstance)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin_update(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gi(&call, gpuInstance, &dev);
	if (rc == NVML_SUCCESS && !dev.gpu->mig_current)
		rc = NVML_ERROR_NOT_SUPPORTED;
	if (rc == NVML_SUCCESS &&
	    (dev.gi->ci_count || sim_gpu_process_count(dev.gpu, (int)dev.gi->id, -1)))
		rc = NVML_ERROR_IN_USE;
	if (rc == NVML_SUCCESS) {
		sim_gpu_remove_gi(dev.gpu, dev.gi->id);
		sim_changed(&call);
	}
	return sim_end(&call, rc);
}

/*
 * The GIs of one profile, in id order. NVML treats *count as output only and asks for a buffer
 * of instanceCount entries; a non-zero *count is taken as the buffer's size, and 0 as "the
 * profile's instanceCount", so that a small buffer is refused rather than overrun.
 */
nvmlReturn_t nvmlDeviceGetGpuInstances(nvmlDevice_t device, unsigned int profileId,
				       nvmlGpuInstance_t *gpuInstances, unsigned int *count)
{
	const mig_gi_profile *p = NULL;
	unsigned n = 0, cap, id;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = gpu_with_mig(&call, device, profileId, &dev, &p);
	if (rc == NVML_SUCCESS && (!gpuInstances || !count))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc != NVML_SUCCESS)
		return sim_end(&call, rc);
	cap = *count ? *count : p->max_count;
	for (id = 0; id <= SIM_MAX_GI_ID && rc == NVML_SUCCESS; id++) {
		sim_gi *gi = sim_gpu_gi(dev.gpu, id);

		if (!gi || gi->profile_id != profileId)
			continue;
		if (n >= cap)
			rc = NVML_ERROR_INSUFFICIENT_SIZE;
		else if (!(gpuInstances[n++] = sim_handle_gi(dev.index, gi)))
			rc = NVML_ERROR_MEMORY;
	}
	*count = n;
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetGpuInstanceById(nvmlDevice_t device, unsigned int id,
					  nvmlGpuInstance_t *gpuInstance)
{
	sim_gi *gi = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gpu(&call, device, &dev);
	if (rc == NVML_SUCCESS && !dev.gpu->mig_current)
		rc = NVML_ERROR_NOT_SUPPORTED;
	if (rc == NVML_SUCCESS && !gpuInstance)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && !(gi = sim_gpu_gi(dev.gpu, id)))
		rc = NVML_ERROR_NOT_FOUND;
	if (rc == NVML_SUCCESS && !(*gpuInstance = sim_handle_gi(dev.index, gi)))
		rc = NVML_ERROR_MEMORY;
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlGpuInstanceGetInfo(nvmlGpuInstance_t gpuInstance, nvmlGpuInstanceInfo_t *info)
{
	const mig_gi_profile *p = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gi(&call, gpuInstance, &dev);
	if (rc == NVML_SUCCESS && !info)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && !(info->device = sim_handle_gpu(dev.index)))
		rc = NVML_ERROR_MEMORY;
	if (rc == NVML_SUCCESS) {
		p = sim_gi_profile(dev.gpu, dev.gi);
		info->id = dev.gi->id;
		info->profileId = dev.gi->profile_id;
		info->placement.start = dev.gi->start;
		info->placement.size = p ? p->mem_slices : 0;
	}
	return sim_end(&call, rc);
}
