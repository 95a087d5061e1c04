/* SPDX-License-Identifier: Apache-2.0 */
/* Checked wrappers: GPUs, their identity, memory, MIG mode, MIG devices and processes. */
#include "nvml_internal.h"

#include <stdio.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

#define MIB (1024ull * 1024ull)

int mig_nvml_driver_version(mig_nvml *nvml, char *buf, size_t len)
{
	nvmlReturn_t rc;

	rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlSystemGetDriverVersion(buf, (unsigned)len));
	return rc == NVML_SUCCESS ? 0 : mig_nvml__fail(nvml, rc, "nvmlSystemGetDriverVersion", -1);
}

int mig_nvml_device_count(mig_nvml *nvml, unsigned *out)
{
	nvmlReturn_t rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetCount_v2(out));

	return rc == NVML_SUCCESS ? 0 : mig_nvml__fail(nvml, rc, "nvmlDeviceGetCount_v2", -1);
}

int mig_nvml_device_by_index(mig_nvml *nvml, unsigned index, mig_dev_h *out)
{
	nvmlReturn_t rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetHandleByIndex_v2(index, out));

	return rc == NVML_SUCCESS ? 0
				  : mig_nvml__fail(nvml, rc, "nvmlDeviceGetHandleByIndex_v2",
						   (int)index);
}

int mig_nvml_device_by_uuid(mig_nvml *nvml, const char *uuid, mig_dev_h *out)
{
	nvmlReturn_t rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetHandleByUUID(uuid, out));

	if (rc == NVML_ERROR_NOT_FOUND || rc == NVML_ERROR_INVALID_ARGUMENT)
		return mig_error_set(MIG_ENOTFOUND, "no GPU has UUID '%s'", uuid);
	return rc == NVML_SUCCESS ? 0 : mig_nvml__fail(nvml, rc, "nvmlDeviceGetHandleByUUID", -1);
}

int mig_nvml_device_by_pci(mig_nvml *nvml, const char *bus_id, mig_dev_h *out)
{
	nvmlReturn_t rc =
		MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetHandleByPciBusId_v2(bus_id, out));

	if (rc == NVML_ERROR_NOT_FOUND || rc == NVML_ERROR_INVALID_ARGUMENT)
		return mig_error_set(MIG_ENOTFOUND, "no GPU at PCI bus id '%s'", bus_id);
	return rc == NVML_SUCCESS ? 0
				  : mig_nvml__fail(nvml, rc, "nvmlDeviceGetHandleByPciBusId_v2", -1);
}

int mig_nvml_identity_of(mig_nvml *nvml, mig_dev_h dev, unsigned index, mig_nvml_identity *out)
{
	nvmlPciInfo_t pci;
	nvmlReturn_t rc;

	memset(out, 0, sizeof(*out));
	rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetName(dev, out->name, sizeof(out->name)));
	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlDeviceGetName", (int)index);
	rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetUUID(dev, out->uuid, sizeof(out->uuid)));
	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlDeviceGetUUID", (int)index);
	memset(&pci, 0, sizeof(pci));
	rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetPciInfo_v3(dev, &pci));
	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlDeviceGetPciInfo_v3", (int)index);
	pci.busId[sizeof(pci.busId) - 1] = '\0';
	snprintf(out->bus_id, sizeof(out->bus_id), "%s", pci.busId);
	out->pci_device_id = pci.pciDeviceId;
	rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetMinorNumber(dev, &out->minor));
	if (rc != NVML_SUCCESS && rc != NVML_ERROR_NOT_SUPPORTED)
		return mig_nvml__fail(nvml, rc, "nvmlDeviceGetMinorNumber", (int)index);
	return 0;
}

int mig_nvml_memory(mig_nvml *nvml, mig_dev_h dev, unsigned index, uint64_t *total_mib,
		    uint64_t *used_mib)
{
	nvmlMemory_t mem;
	nvmlReturn_t rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetMemoryInfo(dev, &mem));

	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlDeviceGetMemoryInfo", (int)index);
	*total_mib = mem.total / MIB;
	*used_mib = (mem.used + MIB - 1) / MIB;
	return 0;
}

int mig_nvml_mig_mode(mig_nvml *nvml, mig_dev_h dev, unsigned index, int *current, int *pending)
{
	unsigned cur = 0, pend = 0;
	nvmlReturn_t rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetMigMode(dev, &cur, &pend));

	if (rc == NVML_ERROR_NOT_SUPPORTED)
		return MIG_ENOTSUPPORTED; /* not MIG-capable: an answer, not an error */
	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlDeviceGetMigMode", (int)index);
	*current = cur == NVML_DEVICE_MIG_ENABLE;
	*pending = pend == NVML_DEVICE_MIG_ENABLE;
	return 0;
}

int mig_nvml_set_mig_mode(mig_nvml *nvml, mig_dev_h dev, unsigned index, int mode,
			  int *activated)
{
	nvmlReturn_t status = NVML_SUCCESS;
	nvmlReturn_t rc = MIG_NVML_CALL(
		nvml, nvml->fn.nvmlDeviceSetMigMode(dev, mode ? NVML_DEVICE_MIG_ENABLE
							      : NVML_DEVICE_MIG_DISABLE,
						    &status));

	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlDeviceSetMigMode", (int)index);
	*activated = status == NVML_SUCCESS;
	return 0;
}

int mig_nvml_mig_device_count(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned *out)
{
	nvmlReturn_t rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetMaxMigDeviceCount(dev, out));

	return rc == NVML_SUCCESS ? 0
				  : mig_nvml__fail(nvml, rc, "nvmlDeviceGetMaxMigDeviceCount",
						   (int)index);
}

int mig_nvml_mig_device(mig_nvml *nvml, mig_dev_h dev, unsigned index, unsigned mig_index,
			mig_dev_h *out)
{
	nvmlReturn_t rc = MIG_NVML_CALL(
		nvml, nvml->fn.nvmlDeviceGetMigDeviceHandleByIndex(dev, mig_index, out));

	if (rc == NVML_ERROR_NOT_FOUND || rc == NVML_ERROR_INVALID_ARGUMENT)
		return MIG_ENOTFOUND; /* an empty index: callers keep walking */
	return rc == NVML_SUCCESS ? 0
				  : mig_nvml__fail(nvml, rc, "nvmlDeviceGetMigDeviceHandleByIndex",
						   (int)index);
}

int mig_nvml_mig_device_ids(mig_nvml *nvml, mig_dev_h mig, unsigned index, unsigned *gi_id,
			    unsigned *ci_id)
{
	nvmlReturn_t rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetGpuInstanceId(mig, gi_id));

	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlDeviceGetGpuInstanceId", (int)index);
	rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetComputeInstanceId(mig, ci_id));
	return rc == NVML_SUCCESS ? 0
				  : mig_nvml__fail(nvml, rc, "nvmlDeviceGetComputeInstanceId",
						   (int)index);
}

int mig_nvml_uuid(mig_nvml *nvml, mig_dev_h dev, unsigned index, char *buf, size_t len)
{
	nvmlReturn_t rc = MIG_NVML_CALL(nvml, nvml->fn.nvmlDeviceGetUUID(dev, buf, (unsigned)len));

	return rc == NVML_SUCCESS ? 0 : mig_nvml__fail(nvml, rc, "nvmlDeviceGetUUID", (int)index);
}

int mig_nvml_processes(mig_nvml *nvml, mig_dev_h dev, unsigned index, mig_nvml_process *out,
		       unsigned *count, unsigned *needed)
{
	nvmlProcessInfo_t infos[64];
	unsigned n = *count < 64 ? *count : 64, i;
	nvmlReturn_t rc = MIG_NVML_CALL(
		nvml, nvml->fn.nvmlDeviceGetComputeRunningProcesses_v3(dev, &n, n ? infos : NULL));

	*needed = 0;
	if (rc == NVML_ERROR_INSUFFICIENT_SIZE) {
		*needed = n;
		*count = 0;
		return 0;
	}
	if (rc != NVML_SUCCESS)
		return mig_nvml__fail(nvml, rc, "nvmlDeviceGetComputeRunningProcesses_v3", (int)index);
	for (i = 0; i < n && i < *count; i++) {
		out[i].pid = infos[i].pid;
		out[i].used_mib = (infos[i].usedGpuMemory + MIB - 1) / MIB;
		out[i].gi_id = infos[i].gpuInstanceId;
		out[i].ci_id = infos[i].computeInstanceId;
	}
	*count = i;
	return 0;
}
