/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Handles. NVML clients keep handles in pointer-typed variables (Go aborts on pointer values
 * below 4096), so each handle is a real heap object. The same GPU, GI, CI or MIG device always
 * gets the same object while it exists, whichever lookup found it; an instance created again
 * gets a new one (its serial differs). Objects are kept until the library is unloaded, so a
 * client holding a handle to a destroyed instance gets INVALID_ARGUMENT, never a dangling
 * pointer. A handle is recognised by finding its address in our own lists, so a garbage pointer
 * from a client is never dereferenced.
 *
 * All functions here run inside sim_begin/sim_end, under the process mutex.
 */
#include "sim_internal.h"

#include <stdlib.h>

#include "banned.h"

struct nvmlDevice_st {
	unsigned gpu;
	int mig;	 /* 0: the GPU itself; 1: a MIG device (one compute instance) */
	uint64_t serial; /* the compute instance's serial for a MIG device */
	struct nvmlDevice_st *next;
};

struct nvmlGpuInstance_st {
	unsigned gpu;
	uint64_t serial;
	struct nvmlGpuInstance_st *next;
};

struct nvmlComputeInstance_st {
	unsigned gpu;
	uint64_t serial;
	struct nvmlComputeInstance_st *next;
};

static struct nvmlDevice_st *devices;
static struct nvmlGpuInstance_st *gis;
static struct nvmlComputeInstance_st *cis;

static nvmlDevice_t find_dev(unsigned gpu, int mig, uint64_t serial)
{
	struct nvmlDevice_st *d;

	for (d = devices; d; d = d->next)
		if (d->gpu == gpu && d->mig == mig && d->serial == serial)
			return d;
	d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	*d = (struct nvmlDevice_st){gpu, mig, serial, devices};
	devices = d;
	return d;
}

nvmlDevice_t sim_handle_gpu(unsigned gpu)
{
	return find_dev(gpu, 0, 0);
}

nvmlDevice_t sim_handle_mig(unsigned gpu, const sim_gi *gi, const sim_ci *ci)
{
	(void)gi;
	return find_dev(gpu, 1, ci->serial);
}

nvmlGpuInstance_t sim_handle_gi(unsigned gpu, const sim_gi *gi)
{
	struct nvmlGpuInstance_st *h;

	for (h = gis; h; h = h->next)
		if (h->gpu == gpu && h->serial == gi->serial)
			return h;
	h = calloc(1, sizeof(*h));
	if (!h)
		return NULL;
	*h = (struct nvmlGpuInstance_st){gpu, gi->serial, gis};
	gis = h;
	return h;
}

nvmlComputeInstance_t sim_handle_ci(unsigned gpu, const sim_gi *gi, const sim_ci *ci)
{
	struct nvmlComputeInstance_st *h;

	(void)gi;
	for (h = cis; h; h = h->next)
		if (h->gpu == gpu && h->serial == ci->serial)
			return h;
	h = calloc(1, sizeof(*h));
	if (!h)
		return NULL;
	*h = (struct nvmlComputeInstance_st){gpu, ci->serial, cis};
	cis = h;
	return h;
}

/* Fill out with the GI (and CI) whose serial is given; 0 when found. */
static int find_serial(sim_dev *out, uint64_t serial, int want_ci)
{
	size_t i, j;

	for (i = 0; i < out->gpu->gi_count; i++) {
		sim_gi *gi = &out->gpu->gi[i];

		if (!want_ci && gi->serial == serial) {
			out->gi = gi;
			return 0;
		}
		for (j = 0; want_ci && j < gi->ci_count; j++) {
			if (gi->ci[j].serial == serial) {
				out->gi = gi;
				out->ci = &gi->ci[j];
				return 0;
			}
		}
	}
	return -1;
}

/* The common tail: the GPU must exist, be on the bus and not be hit by a fault. */
static nvmlReturn_t bind_gpu(sim_call *call, unsigned gpu, sim_dev *out)
{
	out->index = gpu;
	out->gpu = NULL;
	out->gi = NULL;
	out->ci = NULL;
	if (gpu >= call->st->gpu_count)
		return NVML_ERROR_INVALID_ARGUMENT;
	out->gpu = &call->st->gpus[gpu];
	if (out->gpu->lost)
		return NVML_ERROR_GPU_IS_LOST;
	return sim_gpu_faults(call, gpu);
}

nvmlReturn_t sim_resolve_dev(sim_call *call, nvmlDevice_t h, sim_dev *out)
{
	struct nvmlDevice_st *d;
	nvmlReturn_t rc;

	for (d = devices; d && d != h; d = d->next)
		;
	if (!d)
		return NVML_ERROR_INVALID_ARGUMENT;
	rc = bind_gpu(call, d->gpu, out);
	if (rc != NVML_SUCCESS)
		return rc;
	if (d->mig && find_serial(out, d->serial, 1) < 0)
		return NVML_ERROR_INVALID_ARGUMENT;
	return NVML_SUCCESS;
}

nvmlReturn_t sim_resolve_gpu(sim_call *call, nvmlDevice_t h, sim_dev *out)
{
	nvmlReturn_t rc = sim_resolve_dev(call, h, out);

	if (rc == NVML_SUCCESS && out->ci)
		return NVML_ERROR_INVALID_ARGUMENT;
	return rc;
}

nvmlReturn_t sim_resolve_gi(sim_call *call, nvmlGpuInstance_t h, sim_dev *out)
{
	struct nvmlGpuInstance_st *g;
	nvmlReturn_t rc;

	for (g = gis; g && g != h; g = g->next)
		;
	if (!g)
		return NVML_ERROR_INVALID_ARGUMENT;
	rc = bind_gpu(call, g->gpu, out);
	if (rc != NVML_SUCCESS)
		return rc;
	return find_serial(out, g->serial, 0) < 0 ? NVML_ERROR_INVALID_ARGUMENT : NVML_SUCCESS;
}

nvmlReturn_t sim_resolve_ci(sim_call *call, nvmlComputeInstance_t h, sim_dev *out)
{
	struct nvmlComputeInstance_st *c;
	nvmlReturn_t rc;

	for (c = cis; c && c != h; c = c->next)
		;
	if (!c)
		return NVML_ERROR_INVALID_ARGUMENT;
	rc = bind_gpu(call, c->gpu, out);
	if (rc != NVML_SUCCESS)
		return rc;
	return find_serial(out, c->serial, 1) < 0 ? NVML_ERROR_INVALID_ARGUMENT : NVML_SUCCESS;
}

void sim_handles_release(void)
{
	while (devices) {
		struct nvmlDevice_st *d = devices;

		devices = d->next;
		free(d);
	}
	while (gis) {
		struct nvmlGpuInstance_st *g = gis;

		gis = g->next;
		free(g);
	}
	while (cis) {
		struct nvmlComputeInstance_st *c = cis;

		cis = c->next;
		free(c);
	}
}
