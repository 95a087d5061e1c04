/* SPDX-License-Identifier: Apache-2.0 */
/* Events: nothing ever happens on a simulated GPU, so a wait times out (after sleeping). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <time.h>

#include "test_sim_helpers.h"

static int setup(void **state)
{
	(void)state;
	return sim_setup_spec("a100-80gb");
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void test_sim_event__register_and_wait_times_out(void **state)
{
	unsigned long long types = 0;
	nvmlEventSet_t set = NULL;
	nvmlEventData_t data;
	double t0;

	(void)state;
	assert_nvml(NV(nvmlEventSetCreate)(&set), NVML_SUCCESS);
	assert_true((uintptr_t)set >= 4096);
	assert_nvml(NV(nvmlDeviceGetSupportedEventTypes)(gpu_at(0), &types), NVML_SUCCESS);
	assert_true(types & nvmlEventTypeXidCriticalError);
	assert_true(types & nvmlEventTypeDoubleBitEccError);
	assert_nvml(NV(nvmlDeviceRegisterEvents)(gpu_at(0), types & 0x0B, set), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceRegisterEvents)(gpu_at(0), nvmlEventTypeClock, set),
		    NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlDeviceRegisterEvents)(gpu_at(0), types, NULL),
		    NVML_ERROR_INVALID_ARGUMENT);
	t0 = now_ms();
	assert_nvml(NV(nvmlEventSetWait_v2)(set, &data, 50), NVML_ERROR_TIMEOUT);
	assert_true(now_ms() - t0 >= 45);
	assert_nvml(NV(nvmlEventSetWait)(set, &data, 1), NVML_ERROR_TIMEOUT);
	assert_nvml(NV(nvmlEventSetWait_v2)(set, NULL, 1), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlEventSetFree)(set), NVML_SUCCESS);
	/* a freed set is unknown, not dangling */
	assert_nvml(NV(nvmlEventSetWait_v2)(set, &data, 1), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlEventSetFree)(set), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlEventSetCreate)(NULL), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetSupportedEventTypes)(gpu_at(0), NULL),
		    NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_event__before_init(void **state)
{
	nvmlEventSet_t set;

	(void)state;
	assert_nvml(NV(nvmlEventSetCreate)(&set), NVML_ERROR_UNINITIALIZED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sim_event__register_and_wait_times_out, setup,
						sim_teardown),
		cmocka_unit_test(test_sim_event__before_init),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
