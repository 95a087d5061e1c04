/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Enumeration and identity: device count, handle lookups by index, PCI bus id and UUID (GPU,
 * MIG, and the legacy MIG-GPU-<uuid>/<gi>/<ci> form), name, UUID, index, minor number, PCI info,
 * architecture and compute capability. MIG device handles answer with their own name, UUID and
 * index and with their parent's PCI and architecture facts.
 */
#include "sim_internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "banned.h"

static nvmlReturn_t device_count(const char *fn, unsigned int *count)
{
	sim_call call;
	nvmlReturn_t rc = sim_begin(&call, fn);

	if (rc == NVML_SUCCESS && !count)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		*count = (unsigned)call.st->gpu_count;
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *deviceCount)
{
	return device_count(__func__, deviceCount);
}

nvmlReturn_t nvmlDeviceGetCount(unsigned int *deviceCount)
{
	return device_count(__func__, deviceCount);
}

/* Hand out the GPU handle of index once the GPU passed bind checks. */
static nvmlReturn_t gpu_handle(sim_call *call, unsigned index, nvmlDevice_t *out)
{
	nvmlDevice_t h;
	sim_dev dev;
	nvmlReturn_t rc;

	h = sim_handle_gpu(index);
	if (!h)
		return NVML_ERROR_MEMORY;
	rc = sim_resolve_dev(call, h, &dev);
	if (rc == NVML_SUCCESS)
		*out = h;
	return rc;
}

static nvmlReturn_t by_index(const char *fn, unsigned int index, nvmlDevice_t *device)
{
	sim_call call;
	nvmlReturn_t rc = sim_begin(&call, fn);

	if (rc == NVML_SUCCESS && (!device || index >= call.st->gpu_count))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = gpu_handle(&call, index, device);
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device)
{
	return by_index(__func__, index, device);
}

nvmlReturn_t nvmlDeviceGetHandleByIndex(unsigned int index, nvmlDevice_t *device)
{
	return by_index(__func__, index, device);
}

/* "domain:bus:device.function", "domain:bus:device" or "bus:device.function", in hex. */
static int parse_bus_id(const char *s, unsigned *dom, unsigned *bus, unsigned *dev)
{
	unsigned a, b, c, d;
	int used = 0;
	size_t len = strlen(s);

	*dom = 0;
	if (sscanf(s, "%x:%x:%x.%x%n", &a, &b, &c, &d, &used) == 4 && (size_t)used == len) {
		*dom = a;
		*bus = b;
		*dev = c;
	} else if (sscanf(s, "%x:%x:%x%n", &a, &b, &c, &used) == 3 && (size_t)used == len) {
		*dom = a;
		*bus = b;
		*dev = c;
	} else if (sscanf(s, "%x:%x.%x%n", &a, &b, &c, &used) == 3 && (size_t)used == len) {
		*bus = a;
		*dev = b;
	} else {
		return -1;
	}
	return 0;
}

static nvmlReturn_t by_pci(const char *fn, const char *pciBusId, nvmlDevice_t *device)
{
	unsigned dom, bus, dev;
	sim_call call;
	size_t i;
	nvmlReturn_t rc = sim_begin(&call, fn);

	if (rc == NVML_SUCCESS && (!pciBusId || !device))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && parse_bus_id(pciBusId, &dom, &bus, &dev) < 0)
		rc = NVML_ERROR_NOT_FOUND;
	for (i = 0; rc == NVML_SUCCESS && i < call.st->gpu_count; i++) {
		const sim_gpu *g = &call.st->gpus[i];

		if (g->pci_domain == dom && g->pci_bus == bus && g->pci_device == dev)
			break;
	}
	if (rc == NVML_SUCCESS && i == call.st->gpu_count)
		rc = NVML_ERROR_NOT_FOUND;
	if (rc == NVML_SUCCESS)
		rc = gpu_handle(&call, (unsigned)i, device);
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetHandleByPciBusId_v2(const char *pciBusId, nvmlDevice_t *device)
{
	return by_pci(__func__, pciBusId, device);
}

nvmlReturn_t nvmlDeviceGetHandleByPciBusId(const char *pciBusId, nvmlDevice_t *device)
{
	return by_pci(__func__, pciBusId, device);
}

/* A MIG UUID, current ("MIG-<uuid>") or legacy ("MIG-GPU-<uuid>/<gi>/<ci>"), of GPU g. */
static int match_mig(sim_gpu *g, const char *uuid, sim_gi **gi_out, sim_ci **ci_out)
{
	char mig[SIM_UUID_SIZE], legacy[SIM_UUID_SIZE + 32];
	size_t i, j;

	for (i = 0; i < g->gi_count; i++) {
		for (j = 0; j < g->gi[i].ci_count; j++) {
			sim_ci_uuid(mig, g, &g->gi[i], &g->gi[i].ci[j]);
			snprintf(legacy, sizeof(legacy), "MIG-%s/%u/%u", g->uuid, g->gi[i].id,
				 g->gi[i].ci[j].id);
			if (strcasecmp(uuid, mig) == 0 || strcasecmp(uuid, legacy) == 0) {
				*gi_out = &g->gi[i];
				*ci_out = &g->gi[i].ci[j];
				return 1;
			}
		}
	}
	return 0;
}

static nvmlReturn_t find_uuid(sim_call *call, const char *uuid, nvmlDevice_t *device)
{
	sim_gi *gi;
	sim_ci *ci;
	sim_dev dev;
	size_t i;

	for (i = 0; i < call->st->gpu_count; i++) {
		sim_gpu *g = &call->st->gpus[i];

		if (strcasecmp(uuid, g->uuid) == 0)
			return gpu_handle(call, (unsigned)i, device);
		if (match_mig(g, uuid, &gi, &ci)) {
			nvmlDevice_t h = sim_handle_mig((unsigned)i, gi, ci);
			nvmlReturn_t rc = h ? sim_resolve_dev(call, h, &dev) : NVML_ERROR_MEMORY;

			if (rc == NVML_SUCCESS)
				*device = h;
			return rc;
		}
	}
	return NVML_ERROR_NOT_FOUND;
}

nvmlReturn_t nvmlDeviceGetHandleByUUID(const char *uuid, nvmlDevice_t *device)
{
	sim_call call;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS && (!uuid || !device))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = find_uuid(&call, uuid, device);
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length)
{
	char text[NVML_DEVICE_NAME_V2_BUFFER_SIZE];
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_dev(&call, device, &dev);
	if (rc == NVML_SUCCESS && dev.ci) {
		const mig_ci_profile *cp =
			sim_ci_profile(sim_gi_profile(dev.gpu, dev.gi), dev.ci->profile);

		snprintf(text, sizeof(text), "%s MIG %s", dev.gpu->model->nvml_name,
			 cp ? cp->name : "?");
		rc = sim_copy_string(name, length, text);
	} else if (rc == NVML_SUCCESS) {
		rc = sim_copy_string(name, length, dev.gpu->model->nvml_name);
	}
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length)
{
	char mig[SIM_UUID_SIZE];
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_dev(&call, device, &dev);
	if (rc == NVML_SUCCESS && dev.ci) {
		sim_ci_uuid(mig, dev.gpu, dev.gi, dev.ci);
		rc = sim_copy_string(uuid, length, mig);
	} else if (rc == NVML_SUCCESS) {
		rc = sim_copy_string(uuid, length, dev.gpu->uuid);
	}
	return sim_end(&call, rc);
}
