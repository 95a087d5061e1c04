/* SPDX-License-Identifier: Apache-2.0 */
/*
 * MIG device handles: the device-handle view of a compute instance. Indices are dense from 0 in
 * (GI id, CI id) order, and at most one per compute slice can exist. MIG-only queries on a GPU
 * handle answer NOT_SUPPORTED (nvmlDeviceGetDeviceHandleFromMigDeviceHandle: INVALID_ARGUMENT).
 */
#include "sim_internal.h"

#include "banned.h"

#define MAX_DEVS (SIM_MAX_GI * SIM_MAX_CI)

nvmlReturn_t nvmlDeviceGetMaxMigDeviceCount(nvmlDevice_t device, unsigned int *count)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gpu(&call, device, &dev);
	if (rc == NVML_SUCCESS && !count)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		*count = dev.gpu->mig_current ? sim_max_mig_devices(dev.gpu) : 0;
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetMigDeviceHandleByIndex(nvmlDevice_t device, unsigned int index,
						 nvmlDevice_t *migDevice)
{
	sim_gi *gis[MAX_DEVS];
	sim_ci *cis[MAX_DEVS];
	sim_call call;
	sim_dev dev;
	size_t n = 0;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gpu(&call, device, &dev);
	if (rc == NVML_SUCCESS && (!migDevice || index >= sim_max_mig_devices(dev.gpu)))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		n = sim_mig_devices(dev.gpu, gis, cis, MAX_DEVS);
	if (rc == NVML_SUCCESS && index >= n)
		rc = NVML_ERROR_NOT_FOUND;
	if (rc == NVML_SUCCESS && !(*migDevice = sim_handle_mig(dev.index, gis[index], cis[index])))
		rc = NVML_ERROR_MEMORY;
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceIsMigDeviceHandle(nvmlDevice_t device, unsigned int *isMigDevice)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_dev(&call, device, &dev);
	if (rc == NVML_SUCCESS && !isMigDevice)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		*isMigDevice = dev.ci != NULL;
	return sim_end(&call, rc);
}

/* Resolve a handle that must be a MIG device: NOT_SUPPORTED for a GPU handle. */
static nvmlReturn_t mig_dev(sim_call *call, nvmlDevice_t device, const void *out, sim_dev *dev)
{
	nvmlReturn_t rc = sim_resolve_dev(call, device, dev);

	if (rc == NVML_SUCCESS && !out)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && !dev->ci)
		rc = NVML_ERROR_NOT_SUPPORTED;
	return rc;
}

nvmlReturn_t nvmlDeviceGetGpuInstanceId(nvmlDevice_t device, unsigned int *id)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = mig_dev(&call, device, id, &dev);
	if (rc == NVML_SUCCESS)
		*id = dev.gi->id;
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetComputeInstanceId(nvmlDevice_t device, unsigned int *id)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = mig_dev(&call, device, id, &dev);
	if (rc == NVML_SUCCESS)
		*id = dev.ci->id;
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetDeviceHandleFromMigDeviceHandle(nvmlDevice_t migDevice,
							  nvmlDevice_t *device)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = mig_dev(&call, migDevice, device, &dev);
	if (rc == NVML_ERROR_NOT_SUPPORTED)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && !(*device = sim_handle_gpu(dev.index)))
		rc = NVML_ERROR_MEMORY;
	return sim_end(&call, rc);
}

/* memorySizeMB is the GI profile's: go-nvlib names MIG devices from it (with the parent's
 * total), so it must equal what the profile info reports. */
static nvmlReturn_t attributes(const char *fn, nvmlDevice_t device, nvmlDeviceAttributes_t *a)
{
	const mig_gi_profile *gp = NULL;
	const mig_ci_profile *cp = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, fn);

	if (rc == NVML_SUCCESS)
		rc = mig_dev(&call, device, a, &dev);
	if (rc == NVML_SUCCESS) {
		gp = sim_gi_profile(dev.gpu, dev.gi);
		cp = sim_ci_profile(gp, dev.ci->profile);
		a->multiprocessorCount = cp ? cp->sms : 0;
		a->sharedCopyEngineCount = gp ? gp->ce : 0;
		a->sharedDecoderCount = gp ? gp->dec : 0;
		a->sharedEncoderCount = gp ? gp->enc : 0;
		a->sharedJpegCount = gp ? gp->jpg : 0;
		a->sharedOfaCount = gp ? gp->ofa : 0;
		a->gpuInstanceSliceCount = gp ? gp->slices : 0;
		a->computeInstanceSliceCount = cp ? cp->slices : 0;
		a->memorySizeMB = gp ? gp->memory_mib : 0;
	}
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetAttributes_v2(nvmlDevice_t device, nvmlDeviceAttributes_t *attributes_)
{
	return attributes(__func__, device, attributes_);
}

nvmlReturn_t nvmlDeviceGetAttributes(nvmlDevice_t device, nvmlDeviceAttributes_t *attributes_)
{
	return attributes(__func__, device, attributes_);
}
