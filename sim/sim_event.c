/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Events. Nothing ever happens on a simulated GPU, so a wait sleeps for its timeout and returns
 * TIMEOUT: k8s-device-plugin loops on nvmlEventSetWait_v2(5000) and marks every device unhealthy
 * on any other answer. The sleep happens outside the locks so other threads and processes go on.
 */
#include "sim_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "banned.h"

#define SUPPORTED_EVENTS                                                                           \
	(nvmlEventTypeSingleBitEccError | nvmlEventTypeDoubleBitEccError |                         \
	 nvmlEventTypeXidCriticalError | nvmlEventMigConfigChange)

struct nvmlEventSet_st {
	unsigned long long registered;
	struct nvmlEventSet_st *next;
};

static struct nvmlEventSet_st *sets;

static struct nvmlEventSet_st *find_set(nvmlEventSet_t set)
{
	struct nvmlEventSet_st *s;

	for (s = sets; s && s != set; s = s->next)
		;
	return s;
}

nvmlReturn_t nvmlEventSetCreate(nvmlEventSet_t *set)
{
	struct nvmlEventSet_st *s;
	sim_call call;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS && !set)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && !(s = calloc(1, sizeof(*s))))
		rc = NVML_ERROR_MEMORY;
	if (rc == NVML_SUCCESS) {
		s->next = sets;
		sets = s;
		*set = s;
	}
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlEventSetFree(nvmlEventSet_t set)
{
	struct nvmlEventSet_st **p;
	sim_call call;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	for (p = &sets; rc == NVML_SUCCESS && *p && *p != set; p = &(*p)->next)
		;
	if (rc == NVML_SUCCESS && !*p)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS) {
		struct nvmlEventSet_st *s = *p;

		*p = s->next;
		free(s);
	}
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceGetSupportedEventTypes(nvmlDevice_t device, unsigned long long *eventTypes)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gpu(&call, device, &dev);
	if (rc == NVML_SUCCESS && !eventTypes)
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS)
		*eventTypes = SUPPORTED_EVENTS;
	return sim_end(&call, rc);
}

nvmlReturn_t nvmlDeviceRegisterEvents(nvmlDevice_t device, unsigned long long eventTypes,
				      nvmlEventSet_t set)
{
	struct nvmlEventSet_st *s = NULL;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gpu(&call, device, &dev);
	if (rc == NVML_SUCCESS && !(s = find_set(set)))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && (eventTypes & ~SUPPORTED_EVENTS))
		rc = NVML_ERROR_NOT_SUPPORTED;
	if (rc == NVML_SUCCESS)
		s->registered |= eventTypes;
	return sim_end(&call, rc);
}

static void sleep_ms(unsigned ms)
{
	struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static nvmlReturn_t wait_set(const char *fn, nvmlEventSet_t set, nvmlEventData_t *data,
			     unsigned int timeoutms)
{
	sim_call call;
	nvmlReturn_t rc = sim_begin(&call, fn);

	if (rc == NVML_SUCCESS && (!data || !find_set(set)))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	rc = sim_end(&call, rc);
	if (rc != NVML_SUCCESS)
		return rc;
	sleep_ms(timeoutms);
	return NVML_ERROR_TIMEOUT;
}

nvmlReturn_t nvmlEventSetWait_v2(nvmlEventSet_t set, nvmlEventData_t *data, unsigned int timeoutms)
{
	return wait_set(__func__, set, data, timeoutms);
}

nvmlReturn_t nvmlEventSetWait(nvmlEventSet_t set, nvmlEventData_t *data, unsigned int timeoutms)
{
	return wait_set(__func__, set, data, timeoutms);
}
