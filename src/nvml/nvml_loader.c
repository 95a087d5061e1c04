/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Loading NVML at run time, as nvtop and go-nvml do: NVML is never a build dependency, and the
 * same code loads the driver's libnvidia-ml.so.1 or the simulator. Entry points are resolved
 * from one table, newest versioned name first; a missing required one fails the load by name.
 */
#include "nvml_internal.h"

#include <dlfcn.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

#define DRIVER_LIBRARY "libnvidia-ml.so.1"

struct symbol {
	size_t offset;		/* of the pointer in struct mig_nvml_fns */
	const char *names[3];	/* newest first */
};

#define SYM(field, ...) { offsetof(struct mig_nvml_fns, field), { __VA_ARGS__ } }

/* Every entry is required: migctl needs all of them for its MIG work, and every driver that
 * supports MIG (R450 and later) exports them under one of the listed names. */
static const struct symbol symbols[] = {
	SYM(nvmlInit_v2, "nvmlInit_v2", "nvmlInit"),
	SYM(nvmlShutdown, "nvmlShutdown"),
	SYM(nvmlErrorString, "nvmlErrorString"),
	SYM(nvmlSystemGetDriverVersion, "nvmlSystemGetDriverVersion"),
	SYM(nvmlDeviceGetCount_v2, "nvmlDeviceGetCount_v2", "nvmlDeviceGetCount"),
	SYM(nvmlDeviceGetHandleByIndex_v2, "nvmlDeviceGetHandleByIndex_v2",
	    "nvmlDeviceGetHandleByIndex"),
	SYM(nvmlDeviceGetHandleByUUID, "nvmlDeviceGetHandleByUUID"),
	SYM(nvmlDeviceGetHandleByPciBusId_v2, "nvmlDeviceGetHandleByPciBusId_v2",
	    "nvmlDeviceGetHandleByPciBusId"),
	SYM(nvmlDeviceGetName, "nvmlDeviceGetName"),
	SYM(nvmlDeviceGetUUID, "nvmlDeviceGetUUID"),
	SYM(nvmlDeviceGetPciInfo_v3, "nvmlDeviceGetPciInfo_v3", "nvmlDeviceGetPciInfo_v2"),
	SYM(nvmlDeviceGetMinorNumber, "nvmlDeviceGetMinorNumber"),
	SYM(nvmlDeviceGetMemoryInfo, "nvmlDeviceGetMemoryInfo"),
	SYM(nvmlDeviceGetComputeRunningProcesses_v3, "nvmlDeviceGetComputeRunningProcesses_v3",
	    "nvmlDeviceGetComputeRunningProcesses_v2"),
	SYM(nvmlDeviceGetMigMode, "nvmlDeviceGetMigMode"),
	SYM(nvmlDeviceSetMigMode, "nvmlDeviceSetMigMode"),
	SYM(nvmlDeviceGetGpuInstanceProfileInfo, "nvmlDeviceGetGpuInstanceProfileInfo"),
	SYM(nvmlDeviceGetGpuInstanceRemainingCapacity, "nvmlDeviceGetGpuInstanceRemainingCapacity"),
	SYM(nvmlDeviceGetGpuInstancePossiblePlacements_v2,
	    "nvmlDeviceGetGpuInstancePossiblePlacements_v2",
	    "nvmlDeviceGetGpuInstancePossiblePlacements"),
	SYM(nvmlDeviceCreateGpuInstance, "nvmlDeviceCreateGpuInstance"),
	SYM(nvmlDeviceCreateGpuInstanceWithPlacement, "nvmlDeviceCreateGpuInstanceWithPlacement"),
	SYM(nvmlGpuInstanceDestroy, "nvmlGpuInstanceDestroy"),
	SYM(nvmlDeviceGetGpuInstances, "nvmlDeviceGetGpuInstances"),
	SYM(nvmlGpuInstanceGetInfo, "nvmlGpuInstanceGetInfo"),
	SYM(nvmlDeviceGetGpuInstanceById, "nvmlDeviceGetGpuInstanceById"),
	SYM(nvmlGpuInstanceGetComputeInstanceById, "nvmlGpuInstanceGetComputeInstanceById"),
	SYM(nvmlGpuInstanceGetComputeInstanceProfileInfo,
	    "nvmlGpuInstanceGetComputeInstanceProfileInfo"),
	SYM(nvmlGpuInstanceCreateComputeInstance, "nvmlGpuInstanceCreateComputeInstance"),
	SYM(nvmlComputeInstanceDestroy, "nvmlComputeInstanceDestroy"),
	SYM(nvmlGpuInstanceGetComputeInstances, "nvmlGpuInstanceGetComputeInstances"),
	SYM(nvmlComputeInstanceGetInfo_v2, "nvmlComputeInstanceGetInfo_v2",
	    "nvmlComputeInstanceGetInfo"),
	SYM(nvmlDeviceGetMaxMigDeviceCount, "nvmlDeviceGetMaxMigDeviceCount"),
	SYM(nvmlDeviceGetMigDeviceHandleByIndex, "nvmlDeviceGetMigDeviceHandleByIndex"),
	SYM(nvmlDeviceGetGpuInstanceId, "nvmlDeviceGetGpuInstanceId"),
	SYM(nvmlDeviceGetComputeInstanceId, "nvmlDeviceGetComputeInstanceId"),
};

static int resolve(mig_nvml *nvml, const char *path)
{
	size_t i, j;

	for (i = 0; i < sizeof(symbols) / sizeof(symbols[0]); i++) {
		void *sym = NULL;

		for (j = 0; j < 3 && symbols[i].names[j] && !sym; j++)
			sym = dlsym(nvml->dl, symbols[i].names[j]);
		if (!sym)
			return mig_error_set(MIG_ENOTSUPPORTED,
					     "NVML library '%s' lacks '%s': driver too old for MIG",
					     path, symbols[i].names[0]);
		/* POSIX guarantees a data pointer from dlsym can hold a function address */
		memcpy((char *)&nvml->fn + symbols[i].offset, &sym, sizeof(sym));
	}
	return 0;
}

int mig_nvml_open(mig_nvml **out, const char *path)
{
	mig_nvml *nvml;
	nvmlReturn_t rc;
	const char *lib = path ? path : DRIVER_LIBRARY;

	nvml = calloc(1, sizeof(*nvml));
	if (!nvml)
		return mig_error_oom();
	nvml->dl = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
	if (!nvml->dl) {
		const char *why = dlerror();

		mig_error_set(MIG_ENOTFOUND, "cannot load NVML from '%s': %s", lib,
			      why ? why : "unknown error");
		free(nvml);
		return MIG_ENOTFOUND;
	}
	if (resolve(nvml, lib) < 0) {
		dlclose(nvml->dl);
		free(nvml);
		return MIG_ENOTSUPPORTED;
	}
	rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlInit_v2());
	if (rc != NVML_SUCCESS) {
		mig_nvml__fail(nvml, rc, "nvmlInit_v2", -1);
		dlclose(nvml->dl);
		free(nvml);
		return MIG_ENVML;
	}
	*out = nvml;
	return 0;
}

void mig_nvml_close(mig_nvml *nvml)
{
	if (!nvml)
		return;
	nvml->fn.nvmlShutdown();
	dlclose(nvml->dl);
	free(nvml);
}

unsigned long mig_nvml_call_count(const mig_nvml *nvml)
{
	return nvml->calls;
}

int mig_nvml__fail(mig_nvml *nvml, nvmlReturn_t rc, const char *what, int gpu)
{
	const char *text = nvml->fn.nvmlErrorString ? nvml->fn.nvmlErrorString(rc) : NULL;
	int code;

	switch (rc) {
	case NVML_ERROR_INSUFFICIENT_RESOURCES:
		code = MIG_ENOFIT;
		break;
	case NVML_ERROR_IN_USE:
		code = MIG_EINUSE;
		break;
	case NVML_ERROR_NOT_SUPPORTED:
		code = MIG_ENOTSUPPORTED;
		break;
	case NVML_ERROR_NOT_FOUND:
		code = MIG_ENOTFOUND;
		break;
	default:
		code = MIG_ENVML;
		break;
	}
	if (!text)
		text = "unknown NVML error";
	if (gpu >= 0)
		return mig_error_set(code, "%s on GPU %d failed: %s (NVML error %d)", what, gpu,
				     text, (int)rc);
	return mig_error_set(code, "%s failed: %s (NVML error %d)", what, text, (int)rc);
}
