/* SPDX-License-Identifier: Apache-2.0 */
/* Checked wrappers: GPU-instance and compute-instance profiles, creation, listing, destruction. */
#include "nvml_internal.h"

#include <string.h>

#include "error_util.h"
#include "banned.h"

int mig_nvml_gi_profile_get(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned nvml_profile,
			     mig_nvml_gi_profile_info *out)
{
	nvmlGpuInstanceProfileInfo_t info;
	nvmlReturn_t rc;

	memset(&info, 0, sizeof(info));
	rc = MIG_NVML_CALL(nvml,
			   nvml->fn.nvmlDeviceGetGpuInstanceProfileInfo(dev, nvml_profile, &info));
	/* the end of the walk and "this GPU lacks it" are answers, not errors */
	if (rc == NVML_ERROR_INVALID_ARGUMENT)
		return MIG_EINVALID;
	if (rc == NVML_ERROR_NOT_SUPPORTED)
		return MIG_ENOTSUPPORTED;
	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlDeviceGetGpuInstanceProfileInfo", (int)index);
	out->id = info.id;
	out->slices = info.sliceCount;
	out->instance_count = info.instanceCount;
	out->sms = info.multiprocessorCount;
	out->ce = info.copyEngineCount;
	out->dec = info.decoderCount;
	out->enc = info.encoderCount;
	out->jpg = info.jpegCount;
	out->ofa = info.ofaCount;
	out->memory_mib = info.memorySizeMB;
	return 0;
}

int mig_nvml_gi_remaining(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned profile_id,
			  unsigned *out)
{
	nvmlReturn_t rc = MIG_NVML_CALL(
		nvml, nvml->fn.nvmlDeviceGetGpuInstanceRemainingCapacity(dev, profile_id, out));

	return rc == NVML_SUCCESS
		       ? 0
		       : mig_nvml__fail(nvml, rc, "nvmlDeviceGetGpuInstanceRemainingCapacity",
					(int)index);
}

int mig_nvml_gi_placements(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned profile_id,
			   unsigned *starts, unsigned *sizes, unsigned *count)
{
	nvmlGpuInstancePlacement_t buf[32];
	unsigned n = 32, i;
	nvmlReturn_t rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetGpuInstancePossiblePlacements_v2(
						      dev, profile_id, buf, &n));

	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlDeviceGetGpuInstancePossiblePlacements_v2",
				      (int)index);
	for (i = 0; i < n && i < *count; i++) {
		starts[i] = buf[i].start;
		sizes[i] = buf[i].size;
	}
	*count = i;
	return 0;
}

int mig_nvml_gi_create(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned profile_id,
		       int start, unsigned size, mig_gi_h *out)
{
	nvmlReturn_t rc;

	if (start < 0) {
		rc = MIG_NVML_CALL(nvml,
				   nvml->fn.nvmlDeviceCreateGpuInstance(dev, profile_id, out));
		return rc == NVML_SUCCESS ? 0
					  : mig_nvml__fail(nvml, rc, "nvmlDeviceCreateGpuInstance",
							   (int)index);
	} else {
		nvmlGpuInstancePlacement_t placement = { (unsigned)start, size };

		rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceCreateGpuInstanceWithPlacement(
						 dev, profile_id, &placement, out));
		return rc == NVML_SUCCESS
			       ? 0
			       : mig_nvml__fail(nvml, rc, "nvmlDeviceCreateGpuInstanceWithPlacement",
						(int)index);
	}
}

int mig_nvml_gi_destroy(mig_nvml *nvml, mig_gi_h gi, unsigned index, unsigned gi_id)
{
	nvmlReturn_t rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlGpuInstanceDestroy(gi));

	if (rc == NVML_SUCCESS)
		return 0;
	mig_nvml__fail(nvml, rc, "nvmlGpuInstanceDestroy", (int)index);
	mig_error_prefix("cannot destroy GI %u", gi_id);
	return mig_error_last()->code;
}

int mig_nvml_gi_list(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned profile_id,
		     mig_gi_h *out, unsigned *count)
{
	nvmlReturn_t rc =
		MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetGpuInstances(dev, profile_id, out, count));

	return rc == NVML_SUCCESS ? 0
				  : mig_nvml__fail(nvml, rc, "nvmlDeviceGetGpuInstances", (int)index);
}

int mig_nvml_gi_info_get(mig_nvml *nvml, mig_gi_h gi, unsigned index, mig_nvml_gi_info *out)
{
	nvmlGpuInstanceInfo_t info;
	nvmlReturn_t rc;

	memset(&info, 0, sizeof(info));
	rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlGpuInstanceGetInfo(gi, &info));
	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlGpuInstanceGetInfo", (int)index);
	out->id = info.id;
	out->profile_id = info.profileId;
	out->start = info.placement.start;
	out->size = info.placement.size;
	return 0;
}

int mig_nvml_ci_profile_get(mig_nvml *nvml, mig_gi_h gi, unsigned index, unsigned nvml_profile,
			     mig_nvml_ci_profile_info *out)
{
	nvmlComputeInstanceProfileInfo_t info;
	nvmlReturn_t rc;

	memset(&info, 0, sizeof(info));
	rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlGpuInstanceGetComputeInstanceProfileInfo(
					 gi, nvml_profile, NVML_COMPUTE_INSTANCE_ENGINE_PROFILE_SHARED,
					 &info));
	if (rc == NVML_ERROR_INVALID_ARGUMENT)
		return MIG_EINVALID;
	if (rc == NVML_ERROR_NOT_SUPPORTED)
		return MIG_ENOTSUPPORTED;
	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlGpuInstanceGetComputeInstanceProfileInfo",
				      (int)index);
	out->id = info.id;
	out->slices = info.sliceCount;
	out->instance_count = info.instanceCount;
	out->sms = info.multiprocessorCount;
	return 0;
}

int mig_nvml_ci_create(mig_nvml *nvml, mig_gi_h gi, unsigned index, unsigned profile_id,
		       mig_ci_h *out)
{
	nvmlReturn_t rc = MIG_NVML_CALL(
		nvml, nvml->fn.nvmlGpuInstanceCreateComputeInstance(gi, profile_id, out));

	return rc == NVML_SUCCESS ? 0
				  : mig_nvml__fail(nvml, rc, "nvmlGpuInstanceCreateComputeInstance",
						   (int)index);
}

int mig_nvml_ci_destroy(mig_nvml *nvml, mig_ci_h ci, unsigned index, unsigned gi_id,
			unsigned ci_id)
{
	nvmlReturn_t rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlComputeInstanceDestroy(ci));

	if (rc == NVML_SUCCESS)
		return 0;
	mig_nvml__fail(nvml, rc, "nvmlComputeInstanceDestroy", (int)index);
	mig_error_prefix("cannot destroy CI %u of GI %u", ci_id, gi_id);
	return mig_error_last()->code;
}

int mig_nvml_ci_list(mig_nvml *nvml, mig_gi_h gi, unsigned index, unsigned profile_id,
		     mig_ci_h *out, unsigned *count)
{
	nvmlReturn_t rc = MIG_NVML_CALL(
		nvml, nvml->fn.nvmlGpuInstanceGetComputeInstances(gi, profile_id, out, count));

	return rc == NVML_SUCCESS ? 0
				  : mig_nvml__fail(nvml, rc, "nvmlGpuInstanceGetComputeInstances",
						   (int)index);
}

int mig_nvml_ci_info_get(mig_nvml *nvml, mig_ci_h ci, unsigned index, mig_nvml_ci_info *out)
{
	nvmlComputeInstanceInfo_t info;
	nvmlReturn_t rc;

	memset(&info, 0, sizeof(info));
	rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlComputeInstanceGetInfo_v2(ci, &info));
	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlComputeInstanceGetInfo_v2", (int)index);
	out->id = info.id;
	out->profile_id = info.profileId;
	out->start = info.placement.start;
	out->size = info.placement.size;
	return 0;
}

int mig_nvml_gi_by_id(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned gi_id,
		      mig_gi_h *out)
{
	nvmlReturn_t rc =
		MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetGpuInstanceById(dev, gi_id, out));

	if (rc == NVML_ERROR_NOT_FOUND || rc == NVML_ERROR_INVALID_ARGUMENT)
		return mig_error_set(MIG_ENOTFOUND, "GPU %u has no GPU instance %u", index, gi_id);
	return rc == NVML_SUCCESS ? 0
				  : mig_nvml__fail(nvml, rc, "nvmlDeviceGetGpuInstanceById",
						   (int)index);
}

int mig_nvml_ci_by_id(mig_nvml *nvml, mig_gi_h gi, unsigned index, unsigned gi_id, unsigned ci_id,
		      mig_ci_h *out)
{
	nvmlReturn_t rc = MIG_NVML_CALL(
		nvml, nvml->fn.nvmlGpuInstanceGetComputeInstanceById(gi, ci_id, out));

	if (rc == NVML_ERROR_NOT_FOUND || rc == NVML_ERROR_INVALID_ARGUMENT)
		return mig_error_set(MIG_ENOTFOUND, "GPU instance %u on GPU %u has no compute "
				     "instance %u", gi_id, index, ci_id);
	return rc == NVML_SUCCESS ? 0
				  : mig_nvml__fail(nvml, rc,
						   "nvmlGpuInstanceGetComputeInstanceById",
						   (int)index);
}
