/* SPDX-License-Identifier: Apache-2.0 */
/* The simulator's enumeration, identity, memory, utilization and process queries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/wait.h>

#include "test_sim_helpers.h"

#define MIB (1024ULL * 1024ULL)

static int setup(void **state)
{
	(void)state;
	return sim_setup_spec("a100-80gb,h100-80gb,rtx-pro-6000");
}

static void test_sim_device__count_and_index(void **state)
{
	unsigned n = 0, idx = 9;
	nvmlDevice_t d;

	(void)state;
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_int_equal(n, 3);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(NULL), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetHandleByIndex_v2)(3, &d), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetHandleByIndex)(0, NULL), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetHandleByIndex)(2, &d), NVML_SUCCESS);
	assert_ptr_equal(d, gpu_at(2));
	assert_nvml(NV(nvmlDeviceGetIndex)(d, &idx), NVML_SUCCESS);
	assert_int_equal(idx, 2);
	assert_nvml(NV(nvmlDeviceGetIndex)((nvmlDevice_t)&n, &idx), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetIndex)(NULL, &idx), NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_device__name_and_uuid(void **state)
{
	char name[96], uuid[96];
	nvmlDevice_t d;

	(void)state;
	assert_nvml(NV(nvmlDeviceGetName)(gpu_at(0), name, sizeof(name)), NVML_SUCCESS);
	assert_string_equal(name, "NVIDIA A100-SXM4-80GB");
	assert_nvml(NV(nvmlDeviceGetName)(gpu_at(1), name, sizeof(name)), NVML_SUCCESS);
	assert_string_equal(name, "NVIDIA H100 80GB HBM3");
	assert_nvml(NV(nvmlDeviceGetName)(gpu_at(1), name, 5), NVML_ERROR_INSUFFICIENT_SIZE);
	assert_nvml(NV(nvmlDeviceGetName)(gpu_at(1), NULL, 96), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetUUID)(gpu_at(1), uuid, sizeof(uuid)), NVML_SUCCESS);
	assert_int_equal(strlen(uuid), 40);
	assert_memory_equal(uuid, "GPU-", 4);
	assert_nvml(NV(nvmlDeviceGetUUID)(gpu_at(1), uuid, 40), NVML_ERROR_INSUFFICIENT_SIZE);
	assert_nvml(NV(nvmlDeviceGetUUID)(gpu_at(1), uuid, sizeof(uuid)), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetHandleByUUID)(uuid, &d), NVML_SUCCESS);
	assert_ptr_equal(d, gpu_at(1));
	assert_nvml(NV(nvmlDeviceGetHandleByUUID)("GPU-00000000-0000-0000-0000-000000000000", &d),
		    NVML_ERROR_NOT_FOUND);
	assert_nvml(NV(nvmlDeviceGetHandleByUUID)(NULL, &d), NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_device__pci(void **state)
{
	nvmlPciInfo_t pci;
	nvmlDevice_t d;

	(void)state;
	memset(&pci, 0x5a, sizeof(pci));
	assert_nvml(NV(nvmlDeviceGetPciInfo_v3)(gpu_at(1), &pci), NVML_SUCCESS);
	assert_string_equal(pci.busId, "00000000:11:00.0");
	assert_string_equal(pci.busIdLegacy, "0000:11:00.0");
	assert_int_equal(pci.bus, 0x11);
	assert_int_equal(pci.pciDeviceId & 0xffff, 0x10de);
	/* the older calls never write past the part every version shares */
	memset(&pci, 0x5a, sizeof(pci));
	assert_nvml(NV(nvmlDeviceGetPciInfo_v2)(gpu_at(1), &pci), NVML_SUCCESS);
	assert_int_equal((unsigned char)pci.busId[0], 0x5a);
	assert_nvml(NV(nvmlDeviceGetPciInfo)(gpu_at(1), &pci), NVML_SUCCESS);
	assert_int_equal(pci.bus, 0x11);
	assert_nvml(NV(nvmlDeviceGetPciInfo_v3)(gpu_at(1), NULL), NVML_ERROR_INVALID_ARGUMENT);
	/* every form the header documents finds the GPU */
	assert_nvml(NV(nvmlDeviceGetHandleByPciBusId_v2)("0000:11:00.0", &d), NVML_SUCCESS);
	assert_ptr_equal(d, gpu_at(1));
	assert_nvml(NV(nvmlDeviceGetHandleByPciBusId_v2)("00000000:12:00.0", &d), NVML_SUCCESS);
	assert_ptr_equal(d, gpu_at(2));
	assert_nvml(NV(nvmlDeviceGetHandleByPciBusId)("0:10:0", &d), NVML_SUCCESS);
	assert_ptr_equal(d, gpu_at(0));
	assert_nvml(NV(nvmlDeviceGetHandleByPciBusId)("10:00.0", &d), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetHandleByPciBusId_v2)("0000:99:00.0", &d), NVML_ERROR_NOT_FOUND);
	assert_nvml(NV(nvmlDeviceGetHandleByPciBusId_v2)("garbage", &d), NVML_ERROR_NOT_FOUND);
	assert_nvml(NV(nvmlDeviceGetHandleByPciBusId_v2)(NULL, &d), NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_device__arch_cc_minor(void **state)
{
	nvmlDeviceArchitecture_t arch;
	int major, minor;
	unsigned m;

	(void)state;
	assert_nvml(NV(nvmlDeviceGetArchitecture)(gpu_at(0), &arch), NVML_SUCCESS);
	assert_int_equal(arch, NVML_DEVICE_ARCH_AMPERE);
	assert_nvml(NV(nvmlDeviceGetArchitecture)(gpu_at(1), &arch), NVML_SUCCESS);
	assert_int_equal(arch, NVML_DEVICE_ARCH_HOPPER);
	assert_nvml(NV(nvmlDeviceGetArchitecture)(gpu_at(2), &arch), NVML_SUCCESS);
	assert_int_equal(arch, NVML_DEVICE_ARCH_BLACKWELL);
	assert_nvml(NV(nvmlDeviceGetCudaComputeCapability)(gpu_at(0), &major, &minor),
		    NVML_SUCCESS);
	assert_int_equal(major * 10 + minor, 80);
	assert_nvml(NV(nvmlDeviceGetCudaComputeCapability)(gpu_at(1), &major, &minor),
		    NVML_SUCCESS);
	assert_int_equal(major * 10 + minor, 90);
	assert_nvml(NV(nvmlDeviceGetCudaComputeCapability)(gpu_at(2), &major, &minor),
		    NVML_SUCCESS);
	assert_int_equal(major, 12);
	assert_nvml(NV(nvmlDeviceGetCudaComputeCapability)(gpu_at(2), NULL, &minor),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetMinorNumber)(gpu_at(2), &m), NVML_SUCCESS);
	assert_int_equal(m, 2);
	assert_nvml(NV(nvmlDeviceGetArchitecture)(gpu_at(0), NULL), NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_device__memory_v1_v2(void **state)
{
	nvmlMemory_t m1;
	nvmlMemory_v2_t m2;

	(void)state;
	assert_nvml(NV(nvmlDeviceGetMemoryInfo)(gpu_at(0), &m1), NVML_SUCCESS);
	assert_int_equal(m1.total, 81920 * MIB);
	assert_int_equal(m1.free + m1.used, m1.total);
	memset(&m2, 0, sizeof(m2));
	m2.version = nvmlMemory_v2;
	assert_nvml(NV(nvmlDeviceGetMemoryInfo_v2)(gpu_at(0), &m2), NVML_SUCCESS);
	assert_int_equal(m2.total, m1.total);
	assert_int_equal(m2.used, m1.used);
	/* the bare 2 that nvtop sends is refused as real drivers do */
	m2.version = 2;
	assert_nvml(NV(nvmlDeviceGetMemoryInfo_v2)(gpu_at(0), &m2), NVML_ERROR_FUNCTION_NOT_FOUND);
	assert_nvml(NV(nvmlDeviceGetMemoryInfo)(gpu_at(0), NULL), NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_device__utilization(void **state)
{
	nvmlUtilization_t u = {1, 1};

	(void)state;
	assert_nvml(NV(nvmlDeviceGetUtilizationRates)(gpu_at(0), &u), NVML_SUCCESS);
	assert_int_equal(u.gpu, 0);
	assert_int_equal(u.memory, 0);
	assert_int_equal(migsim_set_utilization(sim_fx.state, 0, 75, 30), 0);
	assert_nvml(NV(nvmlDeviceGetUtilizationRates)(gpu_at(0), &u), NVML_SUCCESS);
	assert_int_equal(u.gpu, 75);
	assert_int_equal(u.memory, 30);
	assert_int_not_equal(migsim_set_utilization(sim_fx.state, 0, 101, 0), 0);
	/* not reported on a MIG-enabled GPU */
	sim_mig_gpu(1);
	assert_nvml(NV(nvmlDeviceGetUtilizationRates)(gpu_at(1), &u), NVML_ERROR_NOT_SUPPORTED);
}

static void test_sim_device__processes_whole_gpu(void **state)
{
	nvmlProcessInfo_t p3[4];
	nvmlProcessInfo_v1_t p1[4];
	nvmlMemory_t m;
	unsigned n;
	unsigned pid = (unsigned)getpid();

	(void)state;
	n = 0;
	assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses_v3)(gpu_at(0), &n, NULL), NVML_SUCCESS);
	assert_int_equal(n, 0);
	assert_int_equal(migsim_attach(sim_fx.state, 0, -1, -1, pid, 1000), 0);
	assert_int_equal(migsim_attach(sim_fx.state, 0, -1, -1, (unsigned)getppid(), 24), 0);
	n = 0;
	assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses_v3)(gpu_at(0), &n, NULL),
		    NVML_ERROR_INSUFFICIENT_SIZE);
	assert_int_equal(n, 2);
	n = 1;
	assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses_v2)(gpu_at(0), &n, p3),
		    NVML_ERROR_INSUFFICIENT_SIZE);
	assert_int_equal(n, 2);
	n = 4;
	assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses_v3)(gpu_at(0), &n, p3), NVML_SUCCESS);
	assert_int_equal(n, 2);
	assert_int_equal(p3[0].pid, pid);
	assert_int_equal(p3[0].usedGpuMemory, 1000 * MIB);
	assert_int_equal(p3[0].gpuInstanceId, 0xFFFFFFFFu);
	assert_int_equal(p3[0].computeInstanceId, 0xFFFFFFFFu);
	n = 4;
	assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses)(gpu_at(0), &n, p1), NVML_SUCCESS);
	assert_int_equal(p1[1].usedGpuMemory, 24 * MIB);
	n = 4;
	assert_nvml(NV(nvmlDeviceGetGraphicsRunningProcesses_v3)(gpu_at(0), &n, p3), NVML_SUCCESS);
	assert_int_equal(n, 0);
	n = 4;
	assert_nvml(NV(nvmlDeviceGetMPSComputeRunningProcesses_v3)(gpu_at(0), &n, p3),
		    NVML_SUCCESS);
	assert_int_equal(n, 0);
	n = 4;
	assert_nvml(NV(nvmlDeviceGetMPSComputeRunningProcesses_v2)(gpu_at(0), &n, p3),
		    NVML_SUCCESS);
	n = 4;
	assert_nvml(NV(nvmlDeviceGetMPSComputeRunningProcesses)(gpu_at(0), &n, p1), NVML_SUCCESS);
	n = 4;
	assert_nvml(NV(nvmlDeviceGetGraphicsRunningProcesses_v2)(gpu_at(0), &n, p3), NVML_SUCCESS);
	n = 4;
	assert_nvml(NV(nvmlDeviceGetGraphicsRunningProcesses)(gpu_at(0), &n, p1), NVML_SUCCESS);
	assert_int_equal(n, 0);
	assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses_v3)(gpu_at(0), NULL, p3),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetMemoryInfo)(gpu_at(0), &m), NVML_SUCCESS);
	assert_int_equal(m.used, 1024 * MIB);
	assert_int_equal(migsim_detach(sim_fx.state, 0, pid), 0);
	assert_int_not_equal(migsim_detach(sim_fx.state, 0, pid), 0);
	n = 4;
	assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses_v3)(gpu_at(0), &n, p3), NVML_SUCCESS);
	assert_int_equal(n, 1);
}

static void test_sim_device__ended_process_is_dropped(void **state)
{
	nvmlProcessInfo_t p[2];
	unsigned n = 2;
	pid_t child = fork();

	(void)state;
	if (child == 0)
		_exit(0);
	assert_true(child > 0);
	assert_int_equal(migsim_attach(sim_fx.state, 0, -1, -1, (unsigned)child, 10), 0);
	waitpid(child, NULL, 0);
	assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses_v3)(gpu_at(0), &n, p), NVML_SUCCESS);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sim_device__count_and_index, setup,
						sim_teardown),
		cmocka_unit_test_setup_teardown(test_sim_device__name_and_uuid, setup,
						sim_teardown),
		cmocka_unit_test_setup_teardown(test_sim_device__pci, setup, sim_teardown),
		cmocka_unit_test_setup_teardown(test_sim_device__arch_cc_minor, setup,
						sim_teardown),
		cmocka_unit_test_setup_teardown(test_sim_device__memory_v1_v2, setup, sim_teardown),
		cmocka_unit_test_setup_teardown(test_sim_device__utilization, setup, sim_teardown),
		cmocka_unit_test_setup_teardown(test_sim_device__processes_whole_gpu, setup,
						sim_teardown),
		cmocka_unit_test_setup_teardown(test_sim_device__ended_process_is_dropped, setup,
						sim_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
