/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Running processes. Processes are attached to the state (migsim_attach) and dropped once their
 * pid has ended. The simulated processes are compute processes; the graphics and MPS lists are
 * empty. The list calls share NVML's in/out count protocol: *infoCount is the capacity on the
 * way in and the number of processes on the way out; a buffer that is too small (or a NULL one
 * with capacity 0 while processes run) gives INSUFFICIENT_SIZE with the count needed.
 */
#include "sim_internal.h"

#define MIB (1024ULL * 1024ULL)

enum proc_kind { PROC_COMPUTE, PROC_GRAPHICS, PROC_MPS };

/* Does process p belong to what the handle stands for? */
static int belongs(const sim_dev *dev, const sim_process *p)
{
	if (!dev->ci)
		return 1;
	return p->gi == (int)dev->gi->id && p->ci == (int)dev->ci->id;
}

/* entry: 1 for 16-byte v1 entries, 2 for 24-byte v2/v3 entries */
static nvmlReturn_t fill(const sim_dev *dev, enum proc_kind kind, unsigned int *infoCount,
			 void *infos, int entry)
{
	unsigned n = 0, cap = *infoCount, k = 0;
	size_t i;

	for (i = 0; kind == PROC_COMPUTE && i < dev->gpu->proc_count; i++)
		n += belongs(dev, &dev->gpu->procs[i]);
	*infoCount = n;
	if (n > cap)
		return NVML_ERROR_INSUFFICIENT_SIZE;
	if (n > 0 && !infos)
		return NVML_ERROR_INVALID_ARGUMENT;
	for (i = 0; i < dev->gpu->proc_count && k < n; i++) {
		const sim_process *p = &dev->gpu->procs[i];

		if (!belongs(dev, p))
			continue;
		if (entry == 1) {
			nvmlProcessInfo_v1_t *e = (nvmlProcessInfo_v1_t *)infos + k++;

			e->pid = p->pid;
			e->usedGpuMemory = p->used_mib * MIB;
		} else {
			nvmlProcessInfo_t *e = (nvmlProcessInfo_t *)infos + k++;

			e->pid = p->pid;
			e->usedGpuMemory = p->used_mib * MIB;
			e->gpuInstanceId = p->gi < 0 ? 0xFFFFFFFFu : (unsigned)p->gi;
			e->computeInstanceId = p->ci < 0 ? 0xFFFFFFFFu : (unsigned)p->ci;
		}
	}
	return NVML_SUCCESS;
}

static nvmlReturn_t processes(const char *fn, nvmlDevice_t device, enum proc_kind kind,
			      unsigned int *infoCount, void *infos, int entry)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, fn);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_dev(&call, device, &dev);
	if (rc == NVML_SUCCESS && !infoCount)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		rc = fill(&dev, kind, infoCount, infos, entry);
	return sim_end(&call, rc);
}

#define PROCESS_CALLS(kind, stem)                                                                  \
	nvmlReturn_t nvmlDeviceGet##stem##RunningProcesses(                                        \
		nvmlDevice_t device, unsigned int *infoCount, nvmlProcessInfo_v1_t *infos)         \
	{                                                                                          \
		return processes(__func__, device, kind, infoCount, infos, 1);                     \
	}                                                                                          \
	nvmlReturn_t nvmlDeviceGet##stem##RunningProcesses_v2(                                     \
		nvmlDevice_t device, unsigned int *infoCount, nvmlProcessInfo_v2_t *infos)         \
	{                                                                                          \
		return processes(__func__, device, kind, infoCount, infos, 2);                     \
	}                                                                                          \
	nvmlReturn_t nvmlDeviceGet##stem##RunningProcesses_v3(                                     \
		nvmlDevice_t device, unsigned int *infoCount, nvmlProcessInfo_t *infos)            \
	{                                                                                          \
		return processes(__func__, device, kind, infoCount, infos, 2);                     \
	}

PROCESS_CALLS(PROC_COMPUTE, Compute)
PROCESS_CALLS(PROC_GRAPHICS, Graphics)
PROCESS_CALLS(PROC_MPS, MPSCompute)
