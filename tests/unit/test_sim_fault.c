/* SPDX-License-Identifier: Apache-2.0 */
/* Fault injection (MIGSIM_FAULTS and the state file) and the per-function call counters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/wait.h>

#include "sim_fault.h"
#include "sim_file.h"
#include "test_sim_helpers.h"

static void test_sim_fault__env_nth_call_fails_once(void **state)
{
	nvmlGpuInstancePlacement_t pl = {0, 1};
	nvmlGpuInstance_t gi;
	nvmlDevice_t d;

	(void)state;
	sim_prepare("h100-80gb");
	setenv("MIGSIM_FAULTS", "nvmlDeviceCreateGpuInstanceWithPlacement:2:INSUFFICIENT_RESOURCES",
	       1);
	assert_nvml(NV(nvmlInit_v2)(), NVML_SUCCESS);
	unsetenv("MIGSIM_FAULTS");
	d = sim_mig_gpu(0);
	assert_nvml(NV(nvmlDeviceCreateGpuInstanceWithPlacement)(d, 19, &pl, &gi), NVML_SUCCESS);
	pl.start = 1;
	assert_nvml(NV(nvmlDeviceCreateGpuInstanceWithPlacement)(d, 19, &pl, &gi),
		    NVML_ERROR_INSUFFICIENT_RESOURCES);
	assert_nvml(NV(nvmlDeviceCreateGpuInstanceWithPlacement)(d, 19, &pl, &gi), NVML_SUCCESS);
}

static void test_sim_fault__state_fault_for_ever_then_cleared(void **state)
{
	unsigned n;

	(void)state;
	assert_int_equal(sim_setup_spec("a100-80gb"), 0);
	assert_int_equal(
		migsim_fault_add(sim_fx.state, "nvmlDeviceGetCount_v2:1:NVML_ERROR_IN_USE:*"), 0);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_ERROR_IN_USE);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_ERROR_IN_USE);
	assert_nvml(NV(nvmlDeviceGetCount)(&n), NVML_SUCCESS);
	assert_int_equal(migsim_fault_clear(sim_fx.state), 0);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_int_equal(migsim_fault_add(sim_fx.state, "bogus"), MIG_EINVALID);
}

static void test_sim_fault__gpu_lost_after_n_calls(void **state)
{
	char name[96];
	unsigned n, i;
	nvmlDevice_t d1;

	(void)state;
	assert_int_equal(sim_setup_spec("a100-80gb,a100-80gb"), 0);
	d1 = gpu_at(1);
	/* counted over all calls in the state: from the 10th on, GPU 1 is gone */
	assert_int_equal(migsim_fault_add(sim_fx.state, "lost:1:9"), 0);
	for (i = 0; i < 12; i++)
		NV(nvmlDeviceGetCount_v2)(&n);
	assert_nvml(NV(nvmlDeviceGetName)(d1, name, sizeof(name)), NVML_ERROR_GPU_IS_LOST);
	assert_nvml(NV(nvmlDeviceGetHandleByIndex_v2)(1, &d1), NVML_ERROR_GPU_IS_LOST);
	assert_nvml(NV(nvmlDeviceGetName)(gpu_at(0), name, sizeof(name)), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_int_equal(n, 2);
}

static void test_sim_fault__gpu_scoped_function_fault(void **state)
{
	char name[96];

	(void)state;
	sim_prepare("a100-80gb,a100-80gb");
	setenv("MIGSIM_FAULTS", "nvmlDeviceGetName@1:1:UNKNOWN:0", 1);
	assert_nvml(NV(nvmlInit_v2)(), NVML_SUCCESS);
	unsetenv("MIGSIM_FAULTS");
	assert_nvml(NV(nvmlDeviceGetName)(gpu_at(0), name, sizeof(name)), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetName)(gpu_at(1), name, sizeof(name)), NVML_ERROR_UNKNOWN);
	assert_nvml(NV(nvmlDeviceGetName)(gpu_at(1), name, sizeof(name)), NVML_ERROR_UNKNOWN);
}

static void test_sim_fault__lost_gpu_flag_and_reset(void **state)
{
	sim_state st;
	char *text = NULL, *p;
	char name[96];
	nvmlDevice_t d;

	(void)state;
	assert_int_equal(sim_setup_spec("a100-80gb"), 0);
	d = gpu_at(0);
	assert_int_equal(migsim_show(&text, sim_fx.state), 0);
	p = strstr(text, "\"lost\": false");
	assert_non_null(p);
	memcpy(p, "\"lost\": true ", 13);
	assert_int_equal(sim_state_parse(&st, text, strlen(text)), 0);
	assert_true(st.gpus[0].lost);
	sim_state_release(&st);
	sim_write_state(text);
	free(text);
	assert_nvml(NV(nvmlDeviceGetName)(d, name, sizeof(name)), NVML_ERROR_GPU_IS_LOST);
	assert_nvml(NV(nvmlDeviceGetHandleByIndex_v2)(0, &d), NVML_ERROR_GPU_IS_LOST);
	assert_int_equal(migsim_reset(sim_fx.state, 0), 0);
	assert_nvml(NV(nvmlDeviceGetName)(d, name, sizeof(name)), NVML_SUCCESS);
}

static void test_sim_fault__init_can_fail(void **state)
{
	unsigned n;

	(void)state;
	sim_prepare("a100-80gb");
	setenv("MIGSIM_FAULTS", "nvmlInit_v2:1:DRIVER_NOT_LOADED", 1);
	assert_nvml(NV(nvmlInit_v2)(), NVML_ERROR_DRIVER_NOT_LOADED);
	unsetenv("MIGSIM_FAULTS");
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_ERROR_UNINITIALIZED);
}

static void test_sim_fault__counters_span_processes(void **state)
{
	uint64_t calls = 0, total = 0;
	unsigned n;
	pid_t child;
	int status;

	(void)state;
	assert_int_equal(sim_setup_spec("a100-80gb"), 0);
	NV(nvmlDeviceGetCount_v2)(&n);
	NV(nvmlDeviceGetCount_v2)(&n);
	child = fork();
	if (child == 0) {
		/* a second client of the same simulated machine, going on with the init it
		 * inherited; its last shutdown writes its own calls, not the parent's */
		unsigned k;

		for (k = 0; k < 3; k++)
			NV(nvmlDeviceGetCount_v2)(&n);
		NV(nvmlShutdown)();
		_exit(0);
	}
	assert_true(child > 0);
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_int_equal(status, 0);
	assert_int_equal(migsim_calls(&calls, sim_fx.state, "nvmlDeviceGetCount_v2"), 0);
	assert_int_equal(calls, 3);
	/* the parent's reads reach the file with its last shutdown */
	NV(nvmlShutdown)();
	assert_int_equal(migsim_calls(&calls, sim_fx.state, "nvmlDeviceGetCount_v2"), 0);
	assert_int_equal(calls, 5);
	assert_int_equal(migsim_calls(&calls, sim_fx.state, "nvmlDeviceCreateGpuInstance"), 0);
	assert_int_equal(calls, 0);
	assert_int_equal(migsim_calls(&total, sim_fx.state, "total"), 0);
	assert_int_equal(total, 6); /* and the parent's init */
}

static void test_sim_fault__grammar(void **state)
{
	sim_fault *f = NULL;
	size_t n = 0;
	int code;

	(void)state;
	assert_int_equal(sim_faults_parse(&f, &n,
					  "a:2:23, b@3:1:IN_USE:4; *:5:nvml_error_unknown:*"
					  ";lost:2:7"),
			 0);
	assert_int_equal(n, 4);
	assert_string_equal(f[0].function, "a");
	assert_int_equal(f[0].nth, 2);
	assert_int_equal(f[0].count, 1);
	assert_int_equal(f[0].code, 23);
	assert_int_equal(f[0].gpu, -1);
	assert_string_equal(f[1].function, "b");
	assert_int_equal(f[1].gpu, 3);
	assert_int_equal(f[1].count, 4);
	assert_string_equal(f[2].function, "");
	assert_int_equal(f[2].code, 999);
	assert_int_equal(f[2].count, 0);
	assert_int_equal(f[3].gpu, 2);
	assert_int_equal(f[3].nth, 8);
	assert_int_equal(f[3].code, 15);
	free(f);
	f = NULL;
	n = 0;
	assert_int_equal(sim_faults_parse(&f, &n, "fn:0:IN_USE"), MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->message, "fn:0:IN_USE"));
	assert_int_equal(sim_faults_parse(&f, &n, "fn:1:NO_SUCH_CODE"), MIG_EINVALID);
	assert_int_equal(sim_faults_parse(&f, &n, "fn:1"), MIG_EINVALID);
	assert_int_equal(sim_faults_parse(&f, &n, "lost:x:1"), MIG_EINVALID);
	assert_int_equal(sim_faults_parse(&f, &n, "fn@99:1:IN_USE"), MIG_EINVALID);
	assert_int_equal(n, 0);
	free(f);
	assert_int_equal(sim_code_parse("23", 2, &code), 0);
	assert_int_equal(code, 23);
	assert_int_equal(sim_code_parse("998", 3, &code), -1);
	assert_string_equal(sim_code_name(19), "IN_USE");
	assert_null(sim_code_name(31));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_sim_fault__env_nth_call_fails_once, sim_teardown),
		cmocka_unit_test_teardown(test_sim_fault__state_fault_for_ever_then_cleared,
					  sim_teardown),
		cmocka_unit_test_teardown(test_sim_fault__gpu_lost_after_n_calls, sim_teardown),
		cmocka_unit_test_teardown(test_sim_fault__gpu_scoped_function_fault, sim_teardown),
		cmocka_unit_test_teardown(test_sim_fault__lost_gpu_flag_and_reset, sim_teardown),
		cmocka_unit_test_teardown(test_sim_fault__init_can_fail, sim_teardown),
		cmocka_unit_test_teardown(test_sim_fault__counters_span_processes, sim_teardown),
		cmocka_unit_test(test_sim_fault__grammar),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
