/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_NVML_INTERNAL_H
#define MIGCTL_NVML_INTERNAL_H

/*
 * Inside src/nvml/ only: the table of NVML entry points the loader fills with dlsym. Each
 * pointer has the exact type of the function nvml_abi.h declares (systemd's typed-dlsym idea),
 * so calling through a wrongly typed pointer is a compile error.
 */

#include "nvml_abi.h"
#include "nvml_calls.h"

#define MIG_NVML_FN(name) __typeof__(&name) name

struct mig_nvml_fns {
	MIG_NVML_FN(nvmlInit_v2);
	MIG_NVML_FN(nvmlShutdown);
	MIG_NVML_FN(nvmlErrorString);
	MIG_NVML_FN(nvmlSystemGetDriverVersion);
	MIG_NVML_FN(nvmlDeviceGetCount_v2);
	MIG_NVML_FN(nvmlDeviceGetHandleByIndex_v2);
	MIG_NVML_FN(nvmlDeviceGetHandleByUUID);
	MIG_NVML_FN(nvmlDeviceGetHandleByPciBusId_v2);
	MIG_NVML_FN(nvmlDeviceGetName);
	MIG_NVML_FN(nvmlDeviceGetUUID);
	MIG_NVML_FN(nvmlDeviceGetPciInfo_v3);
	MIG_NVML_FN(nvmlDeviceGetMinorNumber);
	MIG_NVML_FN(nvmlDeviceGetMemoryInfo);
	MIG_NVML_FN(nvmlDeviceGetComputeRunningProcesses_v3);
	MIG_NVML_FN(nvmlDeviceGetMigMode);
	MIG_NVML_FN(nvmlDeviceSetMigMode);
	MIG_NVML_FN(nvmlDeviceGetGpuInstanceProfileInfo);
	MIG_NVML_FN(nvmlDeviceGetGpuInstanceRemainingCapacity);
	MIG_NVML_FN(nvmlDeviceGetGpuInstancePossiblePlacements_v2);
	MIG_NVML_FN(nvmlDeviceCreateGpuInstance);
	MIG_NVML_FN(nvmlDeviceCreateGpuInstanceWithPlacement);
	MIG_NVML_FN(nvmlGpuInstanceDestroy);
	MIG_NVML_FN(nvmlDeviceGetGpuInstances);
	MIG_NVML_FN(nvmlGpuInstanceGetInfo);
	MIG_NVML_FN(nvmlDeviceGetGpuInstanceById);
	MIG_NVML_FN(nvmlGpuInstanceGetComputeInstanceById);
	MIG_NVML_FN(nvmlGpuInstanceGetComputeInstanceProfileInfo);
	MIG_NVML_FN(nvmlGpuInstanceCreateComputeInstance);
	MIG_NVML_FN(nvmlComputeInstanceDestroy);
	MIG_NVML_FN(nvmlGpuInstanceGetComputeInstances);
	MIG_NVML_FN(nvmlComputeInstanceGetInfo_v2);
	MIG_NVML_FN(nvmlDeviceGetMaxMigDeviceCount);
	MIG_NVML_FN(nvmlDeviceGetMigDeviceHandleByIndex);
	MIG_NVML_FN(nvmlDeviceGetGpuInstanceId);
	MIG_NVML_FN(nvmlDeviceGetComputeInstanceId);
};

struct mig_nvml {
	void *dl;
	struct mig_nvml_fns fn;
	unsigned long calls;
};

/*
 * Record the error of a failed NVML call and return the migctl code for it. what names the
 * call; gpu is the GPU index for the message (or -1 for none).
 */
int mig_nvml__fail(mig_nvml *nvml, nvmlReturn_t rc, const char *what, int gpu);

/* Count a call and return its result unchanged (so wrappers read: r = CALL(nvml, fn(...))). */
#define MIG_NVML_CALL(nvml, expr) ((nvml)->calls++, (expr))

#endif
