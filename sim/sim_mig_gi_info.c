/* SPDX-License-Identifier: Apache-2.0 */
/*
 * GPU-instance profiles, placements and remaining capacity, straight from the catalog and the
 * geometry engine. Profile info answers in either MIG mode (clients walk the profiles of
 * MIG-capable GPUs before enabling MIG); the remaining capacity needs MIG enabled. The V calls
 * fill a v2 or a v3 struct, chosen by the version's top byte: both are 152 bytes but lay out
 * their fields differently.
 */
#include "sim_internal.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

static void fill_v1(nvmlGpuInstanceProfileInfo_t *info, const mig_gi_profile *p)
{
	memset(info, 0, sizeof(*info));
	info->id = p->id;
	info->isP2pSupported = 0;
	info->sliceCount = p->slices;
	info->instanceCount = p->max_count;
	info->multiprocessorCount = p->sms;
	info->copyEngineCount = p->ce;
	info->decoderCount = p->dec;
	info->encoderCount = p->enc;
	info->jpegCount = p->jpg;
	info->ofaCount = p->ofa;
	info->memorySizeMB = p->memory_mib;
}

/* Fill a v2 or v3 struct; INVALID_ARGUMENT for any other version word. */
static nvmlReturn_t fill_versioned(void *buf, const mig_gi_profile *p)
{
	unsigned version = *(const unsigned *)buf;
	nvmlGpuInstanceProfileInfo_t v1;

	fill_v1(&v1, p);
	if (version == nvmlGpuInstanceProfileInfo_v2) {
		nvmlGpuInstanceProfileInfo_v2_t *i = buf;

		memset(i, 0, sizeof(*i));
		i->version = version;
		memcpy(&i->id, &v1, offsetof(nvmlGpuInstanceProfileInfo_t, memorySizeMB));
		i->memorySizeMB = v1.memorySizeMB;
		snprintf(i->name, sizeof(i->name), "MIG %s", p->name);
		return NVML_SUCCESS;
	}
	if (version == nvmlGpuInstanceProfileInfo_v3) {
		nvmlGpuInstanceProfileInfo_v3_t *i = buf;

		memset(i, 0, sizeof(*i));
		i->version = version;
		i->id = v1.id;
		memcpy(&i->sliceCount, &v1.sliceCount,
		       offsetof(nvmlGpuInstanceProfileInfo_t, memorySizeMB) -
			       offsetof(nvmlGpuInstanceProfileInfo_t, sliceCount));
		i->memorySizeMB = v1.memorySizeMB;
		snprintf(i->name, sizeof(i->name), "MIG %s", p->name);
		i->capabilities =
			p->variant == MIG_VARIANT_GFX ? NVML_GPU_INSTANCE_PROFILE_CAPS_GFX : 0;
		return NVML_SUCCESS;
	}
	return NVML_ERROR_INVALID_ARGUMENT;
}

/* The profile at an NVML profile index: INVALID_ARGUMENT past the last index (the end of a
 * client's walk), NOT_SUPPORTED for an index this GPU does not offer. */
static nvmlReturn_t by_index(const sim_dev *dev, unsigned profile, const mig_gi_profile **out)
{
	if (profile >= NVML_GPU_INSTANCE_PROFILE_COUNT)
		return NVML_ERROR_INVALID_ARGUMENT;
	*out = mig_catalog_profile_by_nvml(dev->gpu->model, profile);
	return *out ? NVML_SUCCESS : NVML_ERROR_NOT_SUPPORTED;
}

nvmlReturn_t nvmlDeviceGetGpuInstanceProfileInfo(nvmlDevice_t device, unsigned int profile,
						 nvmlGpuInstanceProfileInfo_t *info)
{
	const mig_gi_profile *p = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gpu(&call, device, &dev);
	if (rc == NVML_SUCCESS && !info)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = by_index(&dev, profile, &p);
	if (rc == NVML_SUCCESS)
		fill_v1(info, p);
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetGpuInstanceProfileInfoV(nvmlDevice_t device, unsigned int profile,
						  nvmlGpuInstanceProfileInfo_v2_t *info)
{
	const mig_gi_profile *p = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gpu(&call, device, &dev);
	if (rc == NVML_SUCCESS && !info)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = by_index(&dev, profile, &p);
	if (rc == NVML_SUCCESS)
		rc = fill_versioned(info, p);
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetGpuInstanceProfileInfoByIdV(nvmlDevice_t device, unsigned int profileId,
						      nvmlGpuInstanceProfileInfo_v2_t *info)
{
	const mig_gi_profile *p = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gpu(&call, device, &dev);
	if (rc == NVML_SUCCESS)
		p = mig_catalog_profile_by_id(dev.gpu->model, profileId);
	if (rc == NVML_SUCCESS && (!info || !p))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = fill_versioned(info, p);
	return sim_end(&call, rc);
}

/* Every placement the profile can ever take, whatever the mode and the occupancy. A NULL
 * buffer asks for the count; a buffer smaller than *count says is refused. */
static nvmlReturn_t placements(const char *fn, nvmlDevice_t device, unsigned int profileId,
			       nvmlGpuInstancePlacement_t *out, unsigned int *count)
{
	const mig_gi_profile *p = NULL;
	sim_call call;
	sim_dev dev;
	size_t i;
	nvmlReturn_t rc = sim_begin(&call, fn);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gpu(&call, device, &dev);
	if (rc == NVML_SUCCESS)
		p = mig_catalog_profile_by_id(dev.gpu->model, profileId);
	if (rc == NVML_SUCCESS && (!count || !p))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && out && *count < p->placement_count)
		rc = NVML_ERROR_INSUFFICIENT_SIZE;
	for (i = 0; rc == NVML_SUCCESS && out && i < p->placement_count; i++) {
		out[i].start = p->placements[i].start;
		out[i].size = p->placements[i].size;
	}
	if (rc == NVML_SUCCESS || rc == NVML_ERROR_INSUFFICIENT_SIZE)
		*count = (unsigned)p->placement_count;
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetGpuInstancePossiblePlacements_v2(nvmlDevice_t device,
							   unsigned int profileId,
							   nvmlGpuInstancePlacement_t *placements_,
							   unsigned int *count)
{
	return placements(__func__, device, profileId, placements_, count);
}

nvmlReturn_t nvmlDeviceGetGpuInstancePossiblePlacements(nvmlDevice_t device, unsigned int profileId,
							nvmlGpuInstancePlacement_t *placements_,
							unsigned int *count)
{
	return placements(__func__, device, profileId, placements_, count);
}

nvmlReturn_t nvmlDeviceGetGpuInstanceRemainingCapacity(nvmlDevice_t device, unsigned int profileId,
						       unsigned int *count)
{
	const mig_gi_profile *p = NULL;
	mig_layout l;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gpu(&call, device, &dev);
	if (rc == NVML_SUCCESS && !dev.gpu->mig_current)
		rc = NVML_ERROR_NOT_SUPPORTED;
	if (rc == NVML_SUCCESS)
		p = mig_catalog_profile_by_id(dev.gpu->model, profileId);
	if (rc == NVML_SUCCESS && (!count || !p))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS) {
		sim_gpu_layout(dev.gpu, &l);
		*count = mig_geometry_remaining_capacity(&l, p);
	}
	return sim_end(&call, rc);
}
