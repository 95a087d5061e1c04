/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Compute-instance profiles inside a GPU instance, their placements (in compute slices of the
 * GI) and the remaining capacity. The CI profile id equals its NVML profile index, as nvidia-smi
 * shows. The engines of a CI are its GI's, shared.
 */
#include "sim_internal.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

static void fill_v1(nvmlComputeInstanceProfileInfo_t *info, const mig_gi_profile *gp,
		    const mig_ci_profile *cp)
{
	memset(info, 0, sizeof(*info));
	info->id = cp->nvml_profile;
	info->sliceCount = cp->slices;
	info->instanceCount = cp->max_count;
	info->multiprocessorCount = cp->sms;
	info->sharedCopyEngineCount = gp->ce;
	info->sharedDecoderCount = gp->dec;
	info->sharedEncoderCount = gp->enc;
	info->sharedJpegCount = gp->jpg;
	info->sharedOfaCount = gp->ofa;
}

static nvmlReturn_t fill_versioned(void *buf, const mig_gi_profile *gp, const mig_ci_profile *cp)
{
	unsigned version = *(const unsigned *)buf;
	nvmlComputeInstanceProfileInfo_t v1;
	nvmlComputeInstanceProfileInfo_v3_t *i = buf;

	if (version != nvmlComputeInstanceProfileInfo_v2 &&
	    version != nvmlComputeInstanceProfileInfo_v3)
		return NVML_ERROR_INVALID_ARGUMENT;
	/* v2 is v3 without the trailing capabilities word: write only what the caller has */
	fill_v1(&v1, gp, cp);
	memset(i, 0,
	       version == nvmlComputeInstanceProfileInfo_v2
		       ? sizeof(nvmlComputeInstanceProfileInfo_v2_t)
		       : sizeof(nvmlComputeInstanceProfileInfo_v3_t));
	i->version = version;
	memcpy(&i->id, &v1, sizeof(v1));
	snprintf(i->name, sizeof(i->name), "MIG %s", cp->name);
	if (version == nvmlComputeInstanceProfileInfo_v3)
		i->capabilities =
			gp->variant == MIG_VARIANT_GFX ? NVML_COMPUTE_INSTANCE_PROFILE_CAPS_GFX : 0;
	return NVML_SUCCESS;
}

/* The CI profile at an index of a GI; INVALID_ARGUMENT for a bad index or engine profile,
 * NOT_SUPPORTED for one the GI does not offer. */
static nvmlReturn_t profile_at(sim_call *call, nvmlGpuInstance_t h, unsigned profile, unsigned eng,
			       sim_dev *dev, const mig_gi_profile **gp, const mig_ci_profile **cp)
{
	nvmlReturn_t rc = sim_resolve_gi(call, h, dev);

	if (rc != NVML_SUCCESS)
		return rc;
	if (profile >= NVML_COMPUTE_INSTANCE_PROFILE_COUNT ||
	    eng >= NVML_COMPUTE_INSTANCE_ENGINE_PROFILE_COUNT)
		return NVML_ERROR_INVALID_ARGUMENT;
	*gp = sim_gi_profile(dev->gpu, dev->gi);
	*cp = sim_ci_profile(*gp, profile);
	return *cp ? NVML_SUCCESS : NVML_ERROR_NOT_SUPPORTED;
}

nvmlReturn_t nvmlGpuInstanceGetComputeInstanceProfileInfo(nvmlGpuInstance_t gpuInstance,
							  unsigned int profile,
							  unsigned int engProfile,
							  nvmlComputeInstanceProfileInfo_t *info)
{
	const mig_gi_profile *gp = NULL;
	const mig_ci_profile *cp = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS && !info)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = profile_at(&call, gpuInstance, profile, engProfile, &dev, &gp, &cp);
	if (rc == NVML_SUCCESS)
		fill_v1(info, gp, cp);
	return sim_end(&call, rc);
}

nvmlReturn_t
nvmlGpuInstanceGetComputeInstanceProfileInfoV(nvmlGpuInstance_t gpuInstance, unsigned int profile,
					      unsigned int engProfile,
					      nvmlComputeInstanceProfileInfo_v2_t *info)
{
	const mig_gi_profile *gp = NULL;
	const mig_ci_profile *cp = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS && !info)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = profile_at(&call, gpuInstance, profile, engProfile, &dev, &gp, &cp);
	if (rc == NVML_SUCCESS)
		rc = fill_versioned(info, gp, cp);
	return sim_end(&call, rc);
}

/* The GI and CI profile for a CI profile id (which is its index). */
nvmlReturn_t sim_ci_profile_by_id(sim_call *call, nvmlGpuInstance_t h, unsigned profileId,
				  sim_dev *dev, const mig_gi_profile **gp,
				  const mig_ci_profile **cp)
{
	nvmlReturn_t rc = sim_resolve_gi(call, h, dev);

	if (rc != NVML_SUCCESS)
		return rc;
	*gp = sim_gi_profile(dev->gpu, dev->gi);
	*cp = sim_ci_profile(*gp, profileId);
	return *cp ? NVML_SUCCESS : NVML_ERROR_NOT_SUPPORTED;
}

nvmlReturn_t nvmlGpuInstanceGetComputeInstanceRemainingCapacity(nvmlGpuInstance_t gpuInstance,
								unsigned int profileId,
								unsigned int *count)
{
	const mig_gi_profile *gp = NULL;
	const mig_ci_profile *cp = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS && !count)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = sim_ci_profile_by_id(&call, gpuInstance, profileId, &dev, &gp, &cp);
	if (rc == NVML_SUCCESS)
		*count = sim_ci_remaining(dev.gi, gp, cp);
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlGpuInstanceGetComputeInstancePossiblePlacements(
	nvmlGpuInstance_t gpuInstance, unsigned int profileId,
	nvmlComputeInstancePlacement_t *placements, unsigned int *count)
{
	const mig_gi_profile *gp = NULL;
	const mig_ci_profile *cp = NULL;
	sim_call call;
	sim_dev dev;
	size_t i;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS && !count)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = sim_ci_profile_by_id(&call, gpuInstance, profileId, &dev, &gp, &cp);
	if (rc == NVML_SUCCESS && placements && *count < cp->placement_count)
		rc = NVML_ERROR_INSUFFICIENT_SIZE;
	for (i = 0; rc == NVML_SUCCESS && placements && i < cp->placement_count; i++) {
		placements[i].start = cp->placements[i].start;
		placements[i].size = cp->placements[i].size;
	}
	if (rc == NVML_SUCCESS || rc == NVML_ERROR_INSUFFICIENT_SIZE)
		*count = (unsigned)cp->placement_count;
	return sim_end(&call, rc);
}
