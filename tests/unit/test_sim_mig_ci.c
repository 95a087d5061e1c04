/* SPDX-License-Identifier: Apache-2.0 */
/* The simulator's compute instances and MIG device handles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_sim_helpers.h"

#define MIB (1024ULL * 1024ULL)

/* GPU 0: H100 SXM5 with MIG enabled. */
static int setup(void **state)
{
	nvmlReturn_t act;
	nvmlDevice_t d;

	(void)state;
	if (sim_setup_spec("h100-80gb") < 0 || NV(nvmlDeviceGetHandleByIndex_v2)(0, &d) ||
	    NV(nvmlDeviceSetMigMode)(d, NVML_DEVICE_MIG_ENABLE, &act) || act != NVML_SUCCESS)
		return -1;
	return 0;
}

static nvmlGpuInstance_t make_gi(unsigned index, int start)
{
	nvmlGpuInstance_t gi = NULL;

	assert_nvml(sim_create_gi(gpu_at(0), index, start, &gi), NVML_SUCCESS);
	return gi;
}

static void test_sim_mig_ci__profile_info(void **state)
{
	nvmlComputeInstanceProfileInfo_t v1;
	nvmlComputeInstanceProfileInfo_v2_t v2;
	nvmlComputeInstanceProfileInfo_v3_t v3;
	nvmlGpuInstance_t gi = make_gi(NVML_GPU_INSTANCE_PROFILE_3_SLICE, 0);

	(void)state;
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceProfileInfo)(
			    gi, NVML_COMPUTE_INSTANCE_PROFILE_1_SLICE, 0, &v1),
		    NVML_SUCCESS);
	assert_int_equal(v1.id, 0);
	assert_int_equal(v1.sliceCount, 1);
	assert_int_equal(v1.instanceCount, 3);
	assert_int_equal(v1.multiprocessorCount, 16);
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceProfileInfo)(
			    gi, NVML_COMPUTE_INSTANCE_PROFILE_7_SLICE, 0, &v1),
		    NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceProfileInfo)(
			    gi, NVML_COMPUTE_INSTANCE_PROFILE_COUNT, 0, &v1),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceProfileInfo)(gi, 0, 1, &v1),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceProfileInfo)(gi, 0, 0, NULL),
		    NVML_ERROR_INVALID_ARGUMENT);
	memset(&v2, 0, sizeof(v2));
	v2.version = nvmlComputeInstanceProfileInfo_v2;
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceProfileInfoV)(
			    gi, NVML_COMPUTE_INSTANCE_PROFILE_3_SLICE, 0, &v2),
		    NVML_SUCCESS);
	assert_int_equal(v2.id, 2);
	assert_int_equal(v2.sliceCount, 3);
	assert_int_equal(v2.multiprocessorCount, 60);
	assert_string_equal(v2.name, "MIG 3g.40gb");
	memset(&v3, 0x5a, sizeof(v3));
	v3.version = nvmlComputeInstanceProfileInfo_v3;
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceProfileInfoV)(
			    gi, NVML_COMPUTE_INSTANCE_PROFILE_1_SLICE, 0,
			    (nvmlComputeInstanceProfileInfo_v2_t *)&v3),
		    NVML_SUCCESS);
	assert_string_equal(v3.name, "MIG 1c.3g.40gb");
	assert_int_equal(v3.capabilities, 0);
	v2.version = nvmlComputeInstanceProfileInfo_v2 + 1;
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceProfileInfoV)(gi, 0, 0, &v2),
		    NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_mig_ci__fill_gi_and_refuse(void **state)
{
	nvmlComputeInstance_t ci[4];
	nvmlComputeInstanceInfo_t info;
	unsigned n = 0, i;
	nvmlGpuInstance_t gi = make_gi(NVML_GPU_INSTANCE_PROFILE_3_SLICE, 4);

	(void)state;
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceRemainingCapacity)(gi, 0, &n),
		    NVML_SUCCESS);
	assert_int_equal(n, 3);
	for (i = 0; i < 3; i++) {
		assert_nvml(NV(nvmlGpuInstanceCreateComputeInstance)(gi, 0, &ci[i]), NVML_SUCCESS);
		assert_nvml(NV(nvmlComputeInstanceGetInfo_v2)(ci[i], &info), NVML_SUCCESS);
		assert_int_equal(info.id, i);
		assert_int_equal(info.placement.start, i);
		assert_int_equal(info.placement.size, 1);
		assert_ptr_equal(info.gpuInstance, gi);
		assert_ptr_equal(info.device, gpu_at(0));
	}
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceRemainingCapacity)(gi, 0, &n),
		    NVML_SUCCESS);
	assert_int_equal(n, 0);
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstance)(gi, 0, &ci[3]),
		    NVML_ERROR_INSUFFICIENT_RESOURCES);
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstance)(gi, 2, &ci[3]),
		    NVML_ERROR_INSUFFICIENT_RESOURCES);
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstance)(gi, 4, &ci[3]),
		    NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstance)(gi, 0, NULL),
		    NVML_ERROR_INVALID_ARGUMENT);
}

/* mig-parted first tries a second CI inside a 1g GI: it must be told no. */
static void test_sim_mig_ci__second_ci_in_1g_refused(void **state)
{
	nvmlComputeInstance_t ci;
	nvmlGpuInstance_t gi = make_gi(NVML_GPU_INSTANCE_PROFILE_1_SLICE, -1);

	(void)state;
	sim_full_ci(gi, NVML_COMPUTE_INSTANCE_PROFILE_1_SLICE);
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstance)(gi, 0, &ci),
		    NVML_ERROR_INSUFFICIENT_RESOURCES);
}

static void test_sim_mig_ci__placements_and_with_placement(void **state)
{
	nvmlComputeInstancePlacement_t pl[4], want = {4, 3};
	nvmlComputeInstance_t ci, ci2;
	unsigned n = 0;
	nvmlGpuInstance_t gi;

	(void)state;
	assert_nvml(sim_create_gi(gpu_at(0), NVML_GPU_INSTANCE_PROFILE_7_SLICE, 0, &gi),
		    NVML_SUCCESS);
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstancePossiblePlacements)(gi, 2, NULL, &n),
		    NVML_SUCCESS);
	assert_int_equal(n, 2);
	n = 1;
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstancePossiblePlacements)(gi, 2, pl, &n),
		    NVML_ERROR_INSUFFICIENT_SIZE);
	n = 4;
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstancePossiblePlacements)(gi, 2, pl, &n),
		    NVML_SUCCESS);
	assert_int_equal(pl[1].start, 4);
	assert_int_equal(pl[1].size, 3);
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstanceWithPlacement)(gi, 2, &want, &ci),
		    NVML_SUCCESS);
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstanceWithPlacement)(gi, 2, &want, &ci2),
		    NVML_ERROR_INSUFFICIENT_RESOURCES);
	want.start = 1;
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstanceWithPlacement)(gi, 2, &want, &ci2),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstanceWithPlacement)(gi, 2, NULL, &ci2),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstancePossiblePlacements)(gi, 2, pl, NULL),
		    NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_mig_ci__list_lookup_destroy(void **state)
{
	nvmlComputeInstance_t a, b, list[4], found;
	nvmlComputeInstanceInfo_t info;
	unsigned n;
	nvmlGpuInstance_t gi = make_gi(NVML_GPU_INSTANCE_PROFILE_2_SLICE, -1);

	(void)state;
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstance)(gi, 0, &a), NVML_SUCCESS);
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstance)(gi, 0, &b), NVML_SUCCESS);
	n = 4;
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstances)(gi, 0, list, &n), NVML_SUCCESS);
	assert_int_equal(n, 2);
	assert_ptr_equal(list[0], a);
	assert_ptr_equal(list[1], b);
	n = 1;
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstances)(gi, 0, list, &n),
		    NVML_ERROR_INSUFFICIENT_SIZE);
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstances)(gi, 0, NULL, &n),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceById)(gi, 1, &found), NVML_SUCCESS);
	assert_ptr_equal(found, b);
	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceById)(gi, 5, &found), NVML_ERROR_NOT_FOUND);
	assert_nvml(NV(nvmlComputeInstanceDestroy)(a), NVML_SUCCESS);
	assert_nvml(NV(nvmlComputeInstanceGetInfo)(a, &info), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlComputeInstanceDestroy)(a), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlComputeInstanceGetInfo)(b, &info), NVML_SUCCESS);
	assert_int_equal(info.id, 1);
	assert_nvml(NV(nvmlComputeInstanceGetInfo)(b, NULL), NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_mig_ci__destroy_with_process_in_use(void **state)
{
	nvmlComputeInstanceInfo_t ci_info;
	nvmlGpuInstanceInfo_t gi_info;
	nvmlGpuInstance_t gi = make_gi(NVML_GPU_INSTANCE_PROFILE_1_SLICE, -1);
	nvmlComputeInstance_t ci = sim_full_ci(gi, NVML_COMPUTE_INSTANCE_PROFILE_1_SLICE);

	(void)state;
	assert_nvml(NV(nvmlGpuInstanceGetInfo)(gi, &gi_info), NVML_SUCCESS);
	assert_nvml(NV(nvmlComputeInstanceGetInfo_v2)(ci, &ci_info), NVML_SUCCESS);
	assert_int_equal(migsim_attach(sim_fx.state, 0, (int)gi_info.id, (int)ci_info.id,
				       (unsigned)getpid(), 100),
			 0);
	assert_nvml(NV(nvmlComputeInstanceDestroy)(ci), NVML_ERROR_IN_USE);
	assert_nvml(NV(nvmlGpuInstanceDestroy)(gi), NVML_ERROR_IN_USE);
	assert_int_equal(migsim_detach(sim_fx.state, 0, (unsigned)getpid()), 0);
	assert_nvml(NV(nvmlComputeInstanceDestroy)(ci), NVML_SUCCESS);
}

/* Two GIs (3g at 4, then 2g at 0) with one CI each, and a second CI in the 2g. */
static void make_devices(nvmlGpuInstance_t *g3, nvmlGpuInstance_t *g2)
{
	nvmlComputeInstance_t ci;

	*g3 = make_gi(NVML_GPU_INSTANCE_PROFILE_3_SLICE, 4);
	*g2 = make_gi(NVML_GPU_INSTANCE_PROFILE_2_SLICE, 0);
	sim_full_ci(*g3, NVML_COMPUTE_INSTANCE_PROFILE_3_SLICE);
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstance)(*g2, 0, &ci), NVML_SUCCESS);
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstance)(*g2, 0, &ci), NVML_SUCCESS);
}

static void test_sim_mig_ci__mig_device_handles(void **state)
{
	nvmlGpuInstance_t g3, g2;
	nvmlDevice_t gpu = gpu_at(0), mig, parent, again;
	unsigned max = 0, is_mig = 9, gi_id, ci_id, idx, i;
	char name[96], uuid[96];

	(void)state;
	make_devices(&g3, &g2);
	assert_nvml(NV(nvmlDeviceGetMaxMigDeviceCount)(gpu, &max), NVML_SUCCESS);
	assert_int_equal(max, 7);
	assert_nvml(NV(nvmlDeviceIsMigDeviceHandle)(gpu, &is_mig), NVML_SUCCESS);
	assert_int_equal(is_mig, 0);
	for (i = 0; i < 3; i++) {
		assert_nvml(NV(nvmlDeviceGetMigDeviceHandleByIndex)(gpu, i, &mig), NVML_SUCCESS);
		assert_true((uintptr_t)mig >= 4096);
		assert_nvml(NV(nvmlDeviceIsMigDeviceHandle)(mig, &is_mig), NVML_SUCCESS);
		assert_int_equal(is_mig, 1);
		assert_nvml(NV(nvmlDeviceGetIndex)(mig, &idx), NVML_SUCCESS);
		assert_int_equal(idx, i);
		assert_nvml(NV(nvmlDeviceGetDeviceHandleFromMigDeviceHandle)(mig, &parent),
			    NVML_SUCCESS);
		assert_ptr_equal(parent, gpu);
	}
	/* index order is (GI id, CI id): the 3g at 4 is GI 2, the 2g at 0 is GI 3 */
	assert_nvml(NV(nvmlDeviceGetMigDeviceHandleByIndex)(gpu, 0, &mig), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetGpuInstanceId)(mig, &gi_id), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetComputeInstanceId)(mig, &ci_id), NVML_SUCCESS);
	assert_int_equal(gi_id * 10 + ci_id, 20);
	assert_nvml(NV(nvmlDeviceGetName)(mig, name, sizeof(name)), NVML_SUCCESS);
	assert_string_equal(name, "NVIDIA H100 80GB HBM3 MIG 3g.40gb");
	assert_nvml(NV(nvmlDeviceGetMigDeviceHandleByIndex)(gpu, 2, &mig), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetName)(mig, name, sizeof(name)), NVML_SUCCESS);
	assert_string_equal(name, "NVIDIA H100 80GB HBM3 MIG 1c.2g.20gb");
	/* UUID: MIG-<uuid>, found again by UUID as the same handle */
	assert_nvml(NV(nvmlDeviceGetUUID)(mig, uuid, sizeof(uuid)), NVML_SUCCESS);
	assert_memory_equal(uuid, "MIG-", 4);
	assert_int_equal(strlen(uuid), 40);
	assert_nvml(NV(nvmlDeviceGetHandleByUUID)(uuid, &again), NVML_SUCCESS);
	assert_ptr_equal(again, mig);
	assert_nvml(NV(nvmlDeviceGetMigDeviceHandleByIndex)(gpu, 3, &mig), NVML_ERROR_NOT_FOUND);
	assert_nvml(NV(nvmlDeviceGetMigDeviceHandleByIndex)(gpu, 7, &mig),
		    NVML_ERROR_INVALID_ARGUMENT);
	/* GPU-only calls refuse a MIG handle, MIG-only calls a GPU handle */
	assert_nvml(NV(nvmlDeviceGetMigDeviceHandleByIndex)(again, 0, &mig),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetGpuInstanceId)(gpu, &gi_id), NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlDeviceGetComputeInstanceId)(gpu, &ci_id), NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlDeviceGetDeviceHandleFromMigDeviceHandle)(gpu, &parent),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetMigMode)(again, &gi_id, &ci_id), NVML_ERROR_NOT_SUPPORTED);
}

static void test_sim_mig_ci__uuids_deterministic_and_legacy(void **state)
{
	char uuid[96], gpu_uuid[96], legacy[160], first[96];
	nvmlGpuInstance_t g3, g2;
	nvmlDevice_t mig, found;

	(void)state;
	make_devices(&g3, &g2);
	assert_nvml(NV(nvmlDeviceGetMigDeviceHandleByIndex)(gpu_at(0), 1, &mig), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetUUID)(mig, first, sizeof(first)), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetUUID)(gpu_at(0), gpu_uuid, sizeof(gpu_uuid)), NVML_SUCCESS);
	snprintf(legacy, sizeof(legacy), "MIG-%s/3/0", gpu_uuid);
	assert_nvml(NV(nvmlDeviceGetHandleByUUID)(legacy, &found), NVML_SUCCESS);
	assert_ptr_equal(found, mig);
	/* a state built the same way gives the same UUIDs */
	sim_teardown(NULL);
	assert_int_equal(setup(NULL), 0);
	make_devices(&g3, &g2);
	assert_nvml(NV(nvmlDeviceGetMigDeviceHandleByIndex)(gpu_at(0), 1, &mig), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetUUID)(mig, uuid, sizeof(uuid)), NVML_SUCCESS);
	assert_string_equal(uuid, first);
	assert_nvml(
		NV(nvmlDeviceGetHandleByUUID)("MIG-00000000-0000-0000-0000-000000000000", &found),
		NVML_ERROR_NOT_FOUND);
}

static void test_sim_mig_ci__attributes_memory_processes(void **state)
{
	nvmlDeviceAttributes_t a;
	nvmlProcessInfo_t p[2];
	nvmlMemory_t m;
	nvmlGpuInstance_t g3, g2;
	nvmlDevice_t mig, gpu = gpu_at(0);
	unsigned n = 2;

	(void)state;
	make_devices(&g3, &g2);
	assert_nvml(NV(nvmlDeviceGetMigDeviceHandleByIndex)(gpu, 0, &mig), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetAttributes_v2)(mig, &a), NVML_SUCCESS);
	assert_int_equal(a.multiprocessorCount, 60);
	assert_int_equal(a.gpuInstanceSliceCount, 3);
	assert_int_equal(a.computeInstanceSliceCount, 3);
	assert_int_equal(a.memorySizeMB, 40448);
	assert_nvml(NV(nvmlDeviceGetAttributes)(mig, &a), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetAttributes_v2)(gpu, &a), NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlDeviceGetAttributes_v2)(mig, NULL), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetMemoryInfo)(mig, &m), NVML_SUCCESS);
	assert_int_equal(m.total, 40448 * MIB);
	assert_int_equal(migsim_attach(sim_fx.state, 0, 2, 0, (unsigned)getpid(), 512), 0);
	assert_nvml(NV(nvmlDeviceGetMemoryInfo)(mig, &m), NVML_SUCCESS);
	assert_int_equal(m.used, 512 * MIB);
	assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses_v3)(mig, &n, p), NVML_SUCCESS);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].gpuInstanceId, 2);
	assert_int_equal(p[0].computeInstanceId, 0);
	/* the other MIG device sees none; the GPU sees the aggregate */
	assert_nvml(NV(nvmlDeviceGetMigDeviceHandleByIndex)(gpu, 1, &mig), NVML_SUCCESS);
	n = 2;
	assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses_v3)(mig, &n, p), NVML_SUCCESS);
	assert_int_equal(n, 0);
	n = 2;
	assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses_v3)(gpu, &n, p), NVML_SUCCESS);
	assert_int_equal(n, 1);
	/* attaching to an instance that does not exist is refused */
	assert_int_equal(migsim_attach(sim_fx.state, 0, 9, 0, (unsigned)getpid(), 1),
			 MIG_ENOTFOUND);
}

static void test_sim_mig_ci__max_count_zero_without_mig(void **state)
{
	nvmlReturn_t act;
	unsigned max = 9;
	nvmlDevice_t mig;

	(void)state;
	assert_nvml(NV(nvmlDeviceSetMigMode)(gpu_at(0), NVML_DEVICE_MIG_DISABLE, &act),
		    NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetMaxMigDeviceCount)(gpu_at(0), &max), NVML_SUCCESS);
	assert_int_equal(max, 0);
	assert_nvml(NV(nvmlDeviceGetMigDeviceHandleByIndex)(gpu_at(0), 0, &mig),
		    NVML_ERROR_NOT_FOUND);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, sim_teardown)
	const struct CMUnitTest tests[] = {
		T(test_sim_mig_ci__profile_info),
		T(test_sim_mig_ci__fill_gi_and_refuse),
		T(test_sim_mig_ci__second_ci_in_1g_refused),
		T(test_sim_mig_ci__placements_and_with_placement),
		T(test_sim_mig_ci__list_lookup_destroy),
		T(test_sim_mig_ci__destroy_with_process_in_use),
		T(test_sim_mig_ci__mig_device_handles),
		T(test_sim_mig_ci__uuids_deterministic_and_legacy),
		T(test_sim_mig_ci__attributes_memory_processes),
		T(test_sim_mig_ci__max_count_zero_without_mig),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
