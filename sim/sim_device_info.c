/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Device facts: index, minor number, PCI info, architecture and CUDA compute capability. For a
 * MIG device handle the index is its MIG index (usable with nvmlDeviceGetMigDeviceHandleByIndex)
 * and the other facts are its parent GPU's.
 */
#include "sim_internal.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

nvmlReturn_t nvmlDeviceGetIndex(nvmlDevice_t device, unsigned int *index)
{
	sim_gi *gis[SIM_MAX_GI * SIM_MAX_CI];
	sim_ci *cis[SIM_MAX_GI * SIM_MAX_CI];
	sim_call call;
	sim_dev dev;
	size_t i, n;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_dev(&call, device, &dev);
	if (rc == NVML_SUCCESS && !index)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && !dev.ci)
		*index = dev.index;
	if (rc == NVML_SUCCESS && dev.ci) {
		n = sim_mig_devices(dev.gpu, gis, cis, SIM_MAX_GI * SIM_MAX_CI);
		for (i = 0; i < n && cis[i] != dev.ci; i++)
			;
		*index = (unsigned)i;
	}
	return sim_end(&call, rc);
}

/* A query about the physical GPU: a MIG handle is answered by NOT_SUPPORTED when mig_ok is 0,
 * else by its parent. */
static nvmlReturn_t resolve_parent(sim_call *call, nvmlDevice_t device, sim_dev *dev, int mig_ok)
{
	nvmlReturn_t rc = sim_resolve_dev(call, device, dev);

	if (rc == NVML_SUCCESS && dev->ci && !mig_ok)
		return NVML_ERROR_NOT_SUPPORTED;
	return rc;
}

nvmlReturn_t nvmlDeviceGetMinorNumber(nvmlDevice_t device, unsigned int *minorNumber)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = resolve_parent(&call, device, &dev, 0);
	if (rc == NVML_SUCCESS && !minorNumber)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		*minorNumber = dev.gpu->minor;
	return sim_end(&call, rc);
}

/*
 * The first 36 bytes (legacy bus id, domain, bus, device, ids) are common to every version of
 * nvmlPciInfo_t; only the _v3 call may write the 32-byte busId after them, because the structs
 * of older clients end before it.
 */
static nvmlReturn_t pci_info(const char *fn, nvmlDevice_t device, nvmlPciInfo_t *pci, int full)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, fn);

	if (rc == NVML_SUCCESS)
		rc = resolve_parent(&call, device, &dev, 1);
	if (rc == NVML_SUCCESS && !pci)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS) {
		const sim_gpu *g = dev.gpu;
		uint32_t id = g->model->pci_id_count ? g->model->pci_ids[0].id : 0x000010DEu;

		snprintf(pci->busIdLegacy, sizeof(pci->busIdLegacy),
			 NVML_DEVICE_PCI_BUS_ID_LEGACY_FMT, g->pci_domain & 0xffffu, g->pci_bus,
			 g->pci_device);
		pci->domain = g->pci_domain;
		pci->bus = g->pci_bus;
		pci->device = g->pci_device;
		pci->pciDeviceId = id;
		pci->pciSubSystemId = id;
		if (full)
			snprintf(pci->busId, sizeof(pci->busId), NVML_DEVICE_PCI_BUS_ID_FMT,
				 g->pci_domain, g->pci_bus, g->pci_device);
	}
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetPciInfo_v3(nvmlDevice_t device, nvmlPciInfo_t *pci)
{
	return pci_info(__func__, device, pci, 1);
}

nvmlReturn_t nvmlDeviceGetPciInfo_v2(nvmlDevice_t device, nvmlPciInfo_t *pci)
{
	return pci_info(__func__, device, pci, 0);
}

nvmlReturn_t nvmlDeviceGetPciInfo(nvmlDevice_t device, nvmlPciInfo_t *pci)
{
	return pci_info(__func__, device, pci, 0);
}

nvmlReturn_t nvmlDeviceGetArchitecture(nvmlDevice_t device, nvmlDeviceArchitecture_t *arch)
{
	static const nvmlDeviceArchitecture_t by_arch[MIG_ARCH__COUNT] = {
		[MIG_ARCH_AMPERE] = NVML_DEVICE_ARCH_AMPERE,
		[MIG_ARCH_HOPPER] = NVML_DEVICE_ARCH_HOPPER,
		[MIG_ARCH_BLACKWELL] = NVML_DEVICE_ARCH_BLACKWELL,
	};
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = resolve_parent(&call, device, &dev, 1);
	if (rc == NVML_SUCCESS && !arch)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		*arch = (unsigned)dev.gpu->model->arch < MIG_ARCH__COUNT
				? by_arch[dev.gpu->model->arch]
				: NVML_DEVICE_ARCH_UNKNOWN;
	return sim_end(&call, rc);
}

/* Ampere data-centre parts are 8.0, Hopper 9.0, Blackwell data-centre 10.0 and the RTX PRO
 * Blackwell workstation parts 12.0. */
static void compute_capability(const mig_gpu *m, int *major, int *minor)
{
	*minor = 0;
	if (m->arch == MIG_ARCH_AMPERE)
		*major = 8;
	else if (m->arch == MIG_ARCH_HOPPER)
		*major = 9;
	else if (strncmp(m->key, "rtx", 3) == 0)
		*major = 12;
	else
		*major = 10;
}

nvmlReturn_t nvmlDeviceGetCudaComputeCapability(nvmlDevice_t device, int *major, int *minor)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = resolve_parent(&call, device, &dev, 1);
	if (rc == NVML_SUCCESS && (!major || !minor))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		compute_capability(dev.gpu->model, major, minor);
	return sim_end(&call, rc);
}
