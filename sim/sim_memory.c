/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Memory and utilization. A GPU handle reports the whole GPU (in MIG mode, the aggregate); a
 * MIG device handle reports its GPU instance's memory, which its compute instances share. Used
 * memory is what the attached processes use; the simulator reserves nothing for the driver, so
 * v1 and v2 agree on "used".
 */
#include "sim_internal.h"

#define MIB (1024ULL * 1024ULL)

/* Total and used MiB of what a handle stands for. */
static void memory_of(const sim_dev *dev, uint64_t *total, uint64_t *used)
{
	size_t i;

	*used = 0;
	if (dev->gi) {
		const mig_gi_profile *gp = sim_gi_profile(dev->gpu, dev->gi);

		*total = gp ? gp->memory_mib : 0;
	} else {
		*total = dev->gpu->model->memory_mib;
	}
	for (i = 0; i < dev->gpu->proc_count; i++) {
		const sim_process *p = &dev->gpu->procs[i];

		if (!dev->gi || p->gi == (int)dev->gi->id)
			*used += p->used_mib;
	}
	if (*used > *total)
		*used = *total;
}

nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory)
{
	uint64_t total, used;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_dev(&call, device, &dev);
	if (rc == NVML_SUCCESS && !memory)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS) {
		memory_of(&dev, &total, &used);
		memory->total = total * MIB;
		memory->used = used * MIB;
		memory->free = (total - used) * MIB;
	}
	return sim_end(&call, rc);
}

/* A v2 struct whose version is not nvmlMemory_v2 (nvtop sends a bare 2) is refused with
 * FUNCTION_NOT_FOUND, as real drivers do, so that clients fall back to the v1 call. */
nvmlReturn_t nvmlDeviceGetMemoryInfo_v2(nvmlDevice_t device, nvmlMemory_v2_t *memory)
{
	uint64_t total, used;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_dev(&call, device, &dev);
	if (rc == NVML_SUCCESS && !memory)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && memory->version != nvmlMemory_v2)
		rc = NVML_ERROR_FUNCTION_NOT_FOUND;
	if (rc == NVML_SUCCESS) {
		memory_of(&dev, &total, &used);
		memory->total = total * MIB;
		memory->reserved = 0;
		memory->used = used * MIB;
		memory->free = (total - used) * MIB;
	}
	return sim_end(&call, rc);
}

/* Utilization is not reported for MIG-enabled GPUs nor for MIG devices. */
nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t device, nvmlUtilization_t *utilization)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_dev(&call, device, &dev);
	if (rc == NVML_SUCCESS && !utilization)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && (dev.ci || dev.gpu->mig_current))
		rc = NVML_ERROR_NOT_SUPPORTED;
	if (rc == NVML_SUCCESS) {
		utilization->gpu = dev.gpu->util_gpu;
		utilization->memory = dev.gpu->util_mem;
	}
	return sim_end(&call, rc);
}
