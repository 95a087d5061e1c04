/* SPDX-License-Identifier: Apache-2.0 */
/*
 * nvmlErrorString and the nvmlSystem* queries. nvmlErrorString, the NVML version and the CUDA
 * driver version answer before init too, as the header allows (go-nvml formats every error with
 * nvmlErrorString); before init they report the simulator's default versions.
 */
#include "sim_internal.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

static const char *const error_strings[] = {
	[NVML_SUCCESS] = "Success",
	[NVML_ERROR_UNINITIALIZED] = "Uninitialized",
	[NVML_ERROR_INVALID_ARGUMENT] = "Invalid Argument",
	[NVML_ERROR_NOT_SUPPORTED] = "Not Supported",
	[NVML_ERROR_NO_PERMISSION] = "Insufficient Permissions",
	[NVML_ERROR_ALREADY_INITIALIZED] = "Already Initialized",
	[NVML_ERROR_NOT_FOUND] = "Not Found",
	[NVML_ERROR_INSUFFICIENT_SIZE] = "Insufficient Size",
	[NVML_ERROR_INSUFFICIENT_POWER] = "Insufficient External Power",
	[NVML_ERROR_DRIVER_NOT_LOADED] = "Driver Not Loaded",
	[NVML_ERROR_TIMEOUT] = "Timeout",
	[NVML_ERROR_IRQ_ISSUE] = "Interrupt Request Issue",
	[NVML_ERROR_LIBRARY_NOT_FOUND] = "NVML Shared Library Not Found",
	[NVML_ERROR_FUNCTION_NOT_FOUND] = "Function Not Found",
	[NVML_ERROR_CORRUPTED_INFOROM] = "Corrupted infoROM",
	[NVML_ERROR_GPU_IS_LOST] = "GPU is lost",
	[NVML_ERROR_RESET_REQUIRED] = "GPU requires restart",
	[NVML_ERROR_OPERATING_SYSTEM] = "The operating system has blocked the request.",
	[NVML_ERROR_LIB_RM_VERSION_MISMATCH] = "RM has detected an NVML/RM version mismatch.",
	[NVML_ERROR_IN_USE] = "In use by another client",
	[NVML_ERROR_MEMORY] = "Insufficient Memory",
	[NVML_ERROR_NO_DATA] = "No data",
	[NVML_ERROR_VGPU_ECC_NOT_SUPPORTED] = ("The requested vgpu operation is not available on "
					       "target device, because ECC is enabled"),
	[NVML_ERROR_INSUFFICIENT_RESOURCES] = "Insufficient Resources",
	[NVML_ERROR_FREQ_NOT_SUPPORTED] = "Frequency not supported",
	[NVML_ERROR_ARGUMENT_VERSION_MISMATCH] = "Argument version mismatch",
	[NVML_ERROR_DEPRECATED] = "Deprecated",
	[NVML_ERROR_NOT_READY] = "Not ready",
	[NVML_ERROR_GPU_NOT_FOUND] = "GPU not found",
	[NVML_ERROR_INVALID_STATE] = "Invalid state",
	[NVML_ERROR_RESET_TYPE_NOT_SUPPORTED] = "Reset type not supported",
};

const char *nvmlErrorString(nvmlReturn_t result)
{
	size_t n = sizeof(error_strings) / sizeof(error_strings[0]);

	if ((unsigned)result < n && error_strings[result])
		return error_strings[result];
	return "Unknown Error";
}

/* Copy a version string from the live state, or from the defaults before init. */
static nvmlReturn_t version_string(const char *fn, char *buf, unsigned int length, int nvml)
{
	sim_call call;
	sim_state defaults;
	nvmlReturn_t rc;

	if (!buf)
		return NVML_ERROR_INVALID_ARGUMENT;
	if (!sim_initialized()) {
		sim_state_init(&defaults);
		return sim_copy_string(buf, length,
				       nvml ? defaults.nvml_version : defaults.driver_version);
	}
	rc = sim_begin(&call, fn);
	if (rc == NVML_SUCCESS)
		rc = sim_copy_string(buf, length,
				     nvml ? call.st->nvml_version : call.st->driver_version);
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlSystemGetNVMLVersion(char *version, unsigned int length)
{
	return version_string(__func__, version, length, 1);
}

nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length)
{
	sim_call call;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_copy_string(version, length, call.st->driver_version);
	return sim_end(&call, rc);
}

static nvmlReturn_t cuda_version(const char *fn, int *out)
{
	sim_call call;
	sim_state defaults;
	nvmlReturn_t rc;

	if (!out)
		return NVML_ERROR_INVALID_ARGUMENT;
	if (!sim_initialized()) {
		sim_state_init(&defaults);
		*out = defaults.cuda_version;
		return NVML_SUCCESS;
	}
	rc = sim_begin(&call, fn);
	if (rc == NVML_SUCCESS)
		*out = call.st->cuda_version;
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlSystemGetCudaDriverVersion(int *cudaDriverVersion)
{
	return cuda_version(__func__, cudaDriverVersion);
}

nvmlReturn_t nvmlSystemGetCudaDriverVersion_v2(int *cudaDriverVersion)
{
	return cuda_version(__func__, cudaDriverVersion);
}

/* The name of a running process, from /proc (as the driver reports it). */
nvmlReturn_t nvmlSystemGetProcessName(unsigned int pid, char *name, unsigned int length)
{
	char path[64], comm[256];
	sim_call call;
	FILE *f;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS && (!name || length == 0))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS) {
		snprintf(path, sizeof(path), "/proc/%u/comm", pid);
		f = fopen(path, "r");
		if (!f || !fgets(comm, sizeof(comm), f)) {
			rc = NVML_ERROR_NOT_FOUND;
		} else {
			comm[strcspn(comm, "\n")] = '\0';
			rc = sim_copy_string(name, length, comm);
		}
		if (f)
			fclose(f);
	}
	return sim_end(&call, rc);
}
