/* SPDX-License-Identifier: Apache-2.0 */
/* The simulator's MIG mode and GPU instances: profiles, placements, capacity, lifecycle. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "test_sim_helpers.h"

/* GPU 0: A100-80GB (Ampere), GPU 1: H100 SXM5 (Hopper). */
static int setup(void **state)
{
	(void)state;
	return sim_setup_spec("a100-80gb,h100-80gb");
}

static void test_sim_mig_gi__ampere_mode_pends_until_reset(void **state)
{
	unsigned cur = 9, pend = 9;
	nvmlReturn_t act = NVML_SUCCESS;
	nvmlDevice_t d = gpu_at(0);

	(void)state;
	assert_nvml(NV(nvmlDeviceGetMigMode)(d, &cur, &pend), NVML_SUCCESS);
	assert_int_equal(cur, 0);
	assert_int_equal(pend, 0);
	assert_nvml(NV(nvmlDeviceSetMigMode)(d, NVML_DEVICE_MIG_ENABLE, &act), NVML_SUCCESS);
	assert_nvml(act, NVML_ERROR_RESET_REQUIRED);
	assert_nvml(NV(nvmlDeviceGetMigMode)(d, &cur, &pend), NVML_SUCCESS);
	assert_int_equal(cur, 0);
	assert_int_equal(pend, 1);
	assert_int_equal(migsim_reset(sim_fx.state, 0), 0);
	assert_nvml(NV(nvmlDeviceGetMigMode)(d, &cur, &pend), NVML_SUCCESS);
	assert_int_equal(cur, 1);
	assert_int_equal(pend, 1);
	/* setting the current mode again activates at once */
	assert_nvml(NV(nvmlDeviceSetMigMode)(d, NVML_DEVICE_MIG_ENABLE, &act), NVML_SUCCESS);
	assert_nvml(act, NVML_SUCCESS);
}

static void test_sim_mig_gi__hopper_mode_is_immediate(void **state)
{
	unsigned cur, pend;
	nvmlReturn_t act;
	nvmlDevice_t d = gpu_at(1);

	(void)state;
	assert_nvml(NV(nvmlDeviceSetMigMode)(d, NVML_DEVICE_MIG_ENABLE, &act), NVML_SUCCESS);
	assert_nvml(act, NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetMigMode)(d, &cur, &pend), NVML_SUCCESS);
	assert_int_equal(cur, 1);
	assert_nvml(NV(nvmlDeviceSetMigMode)(d, 2, &act), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceSetMigMode)(d, 0, NULL), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetMigMode)(d, NULL, &pend), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceSetMigMode)(d, NVML_DEVICE_MIG_DISABLE, &act), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetMigMode)(d, &cur, &pend), NVML_SUCCESS);
	assert_int_equal(cur, 0);
}

static void test_sim_mig_gi__mode_change_blocked(void **state)
{
	unsigned cur, pend;
	nvmlReturn_t act;
	nvmlGpuInstance_t gi;
	nvmlDevice_t d = gpu_at(1);

	(void)state;
	/* processes keep a Hopper GPU from switching: the mode stays pending */
	assert_int_equal(migsim_attach(sim_fx.state, 1, -1, -1, (unsigned)getpid(), 10), 0);
	assert_nvml(NV(nvmlDeviceSetMigMode)(d, NVML_DEVICE_MIG_ENABLE, &act), NVML_SUCCESS);
	assert_nvml(act, NVML_ERROR_IN_USE);
	assert_nvml(NV(nvmlDeviceGetMigMode)(d, &cur, &pend), NVML_SUCCESS);
	assert_int_equal(cur * 10 + pend, 1);
	assert_int_equal(migsim_reset(sim_fx.state, 1), MIG_EINUSE);
	assert_int_equal(migsim_detach(sim_fx.state, 1, (unsigned)getpid()), 0);
	assert_int_equal(migsim_reset(sim_fx.state, 1), 0);
	/* disabling MIG while GPU instances exist is refused and changes nothing */
	assert_nvml(sim_create_gi(d, NVML_GPU_INSTANCE_PROFILE_1_SLICE, -1, &gi), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceSetMigMode)(d, NVML_DEVICE_MIG_DISABLE, &act), NVML_ERROR_IN_USE);
	assert_nvml(NV(nvmlDeviceGetMigMode)(d, &cur, &pend), NVML_SUCCESS);
	assert_int_equal(cur * 10 + pend, 11);
}

static void test_sim_mig_gi__profile_info_v1(void **state)
{
	nvmlGpuInstanceProfileInfo_t info;
	unsigned i, supported = 0;
	nvmlDevice_t d = gpu_at(0);

	(void)state;
	/* answers while MIG is still disabled */
	assert_nvml(NV(nvmlDeviceGetGpuInstanceProfileInfo)(d, NVML_GPU_INSTANCE_PROFILE_3_SLICE,
							    &info),
		    NVML_SUCCESS);
	assert_int_equal(info.id, 9);
	assert_int_equal(info.sliceCount, 3);
	assert_int_equal(info.instanceCount, 2);
	assert_int_equal(info.multiprocessorCount, 42);
	assert_int_equal(info.memorySizeMB, 40192);
	assert_int_equal(info.isP2pSupported, 0);
	for (i = 0; i < NVML_GPU_INSTANCE_PROFILE_COUNT; i++) {
		nvmlReturn_t rc = NV(nvmlDeviceGetGpuInstanceProfileInfo)(d, i, &info);

		assert_true(rc == NVML_SUCCESS || rc == NVML_ERROR_NOT_SUPPORTED);
		if (rc == NVML_SUCCESS)
			assert_true(info.instanceCount >= 1);
		supported += rc == NVML_SUCCESS;
	}
	assert_int_equal(supported, 7);
	/* 3_SLICE_GFX is not offered by an A100 (go-nvlib would choke on it) */
	assert_nvml(NV(nvmlDeviceGetGpuInstanceProfileInfo)(
			    d, NVML_GPU_INSTANCE_PROFILE_3_SLICE_GFX, &info),
		    NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(
		NV(nvmlDeviceGetGpuInstanceProfileInfo)(d, NVML_GPU_INSTANCE_PROFILE_COUNT, &info),
		NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetGpuInstanceProfileInfo)(d, 0, NULL),
		    NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_mig_gi__profile_info_versions(void **state)
{
	nvmlGpuInstanceProfileInfo_v2_t v2;
	nvmlGpuInstanceProfileInfo_v3_t v3;
	nvmlDevice_t d = gpu_at(1);

	(void)state;
	memset(&v2, 0, sizeof(v2));
	v2.version = nvmlGpuInstanceProfileInfo_v2;
	assert_nvml(NV(nvmlDeviceGetGpuInstanceProfileInfoV)(
			    d, NVML_GPU_INSTANCE_PROFILE_1_SLICE_REV2, &v2),
		    NVML_SUCCESS);
	assert_int_equal(v2.version, nvmlGpuInstanceProfileInfo_v2);
	assert_int_equal(v2.id, 15);
	assert_int_equal(v2.sliceCount, 1);
	assert_int_equal(v2.multiprocessorCount, 26);
	assert_string_equal(v2.name, "MIG 1g.20gb");
	/* same size, other layout: the simulator reads the version's top byte */
	memset(&v3, 0, sizeof(v3));
	v3.version = nvmlGpuInstanceProfileInfo_v3;
	assert_nvml(
		NV(nvmlDeviceGetGpuInstanceProfileInfoV)(d, NVML_GPU_INSTANCE_PROFILE_1_SLICE_REV2,
							 (nvmlGpuInstanceProfileInfo_v2_t *)&v3),
		NVML_SUCCESS);
	assert_int_equal(v3.id, 15);
	assert_int_equal(v3.sliceCount, 1);
	assert_int_equal(v3.multiprocessorCount, 26);
	assert_int_equal(v3.memorySizeMB, v2.memorySizeMB);
	assert_string_equal(v3.name, "MIG 1g.20gb");
	assert_int_equal(v3.capabilities, 0);
	v2.version = 2;
	assert_nvml(NV(nvmlDeviceGetGpuInstanceProfileInfoV)(d, 0, &v2),
		    NVML_ERROR_INVALID_ARGUMENT);
	v2.version = nvmlGpuInstanceProfileInfo_v2;
	assert_nvml(NV(nvmlDeviceGetGpuInstanceProfileInfoByIdV)(d, 9, &v2), NVML_SUCCESS);
	assert_string_equal(v2.name, "MIG 3g.40gb");
	assert_nvml(NV(nvmlDeviceGetGpuInstanceProfileInfoByIdV)(d, 77, &v2),
		    NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_mig_gi__placements(void **state)
{
	nvmlGpuInstancePlacement_t pl[8];
	unsigned n = 0;
	nvmlDevice_t d = gpu_at(0);

	(void)state;
	/* every placement, whatever the mode: NULL buffer asks for the count */
	assert_nvml(NV(nvmlDeviceGetGpuInstancePossiblePlacements_v2)(d, 9, NULL, &n),
		    NVML_SUCCESS);
	assert_int_equal(n, 2);
	n = 1;
	assert_nvml(NV(nvmlDeviceGetGpuInstancePossiblePlacements_v2)(d, 9, pl, &n),
		    NVML_ERROR_INSUFFICIENT_SIZE);
	assert_int_equal(n, 2);
	assert_nvml(NV(nvmlDeviceGetGpuInstancePossiblePlacements_v2)(d, 9, pl, &n), NVML_SUCCESS);
	assert_int_equal(pl[0].start, 0);
	assert_int_equal(pl[0].size, 4);
	assert_int_equal(pl[1].start, 4);
	assert_int_equal(pl[1].size, 4);
	n = 8;
	assert_nvml(NV(nvmlDeviceGetGpuInstancePossiblePlacements)(d, 19, pl, &n), NVML_SUCCESS);
	assert_int_equal(n, 7);
	assert_nvml(NV(nvmlDeviceGetGpuInstancePossiblePlacements_v2)(d, 77, pl, &n),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetGpuInstancePossiblePlacements_v2)(d, 9, pl, NULL),
		    NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_mig_gi__needs_mig_enabled(void **state)
{
	nvmlGpuInstance_t gi, list[4];
	unsigned n = 4;
	nvmlDevice_t d = gpu_at(1);

	(void)state;
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 19, &gi), NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlDeviceGetGpuInstanceRemainingCapacity)(d, 19, &n),
		    NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlDeviceGetGpuInstances)(d, 19, list, &n), NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlDeviceGetGpuInstanceById)(d, 1, &gi), NVML_ERROR_NOT_SUPPORTED);
}

static void test_sim_mig_gi__capacity_follows_layout(void **state)
{
	nvmlGpuInstance_t gi;
	unsigned n = 0;
	nvmlDevice_t d = sim_mig_gpu(1);

	(void)state;
	assert_nvml(NV(nvmlDeviceGetGpuInstanceRemainingCapacity)(d, 19, &n), NVML_SUCCESS);
	assert_int_equal(n, 7);
	assert_nvml(sim_create_gi(d, NVML_GPU_INSTANCE_PROFILE_3_SLICE, 0, &gi), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetGpuInstanceRemainingCapacity)(d, 19, &n), NVML_SUCCESS);
	assert_int_equal(n, 3);
	assert_nvml(NV(nvmlDeviceGetGpuInstanceRemainingCapacity)(d, 0, &n), NVML_SUCCESS);
	assert_int_equal(n, 0);
	assert_nvml(NV(nvmlDeviceGetGpuInstanceRemainingCapacity)(d, 77, &n),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetGpuInstanceRemainingCapacity)(d, 19, NULL),
		    NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_mig_gi__create_with_placement(void **state)
{
	nvmlGpuInstancePlacement_t pl = {0, 4};
	nvmlGpuInstanceInfo_t info;
	nvmlGpuInstance_t gi, gi2;
	nvmlDevice_t d = sim_mig_gpu(0);

	(void)state;
	assert_nvml(NV(nvmlDeviceCreateGpuInstanceWithPlacement)(d, 9, &pl, &gi), NVML_SUCCESS);
	assert_true((uintptr_t)gi >= 4096);
	assert_nvml(NV(nvmlGpuInstanceGetInfo)(gi, &info), NVML_SUCCESS);
	assert_ptr_equal(info.device, d);
	assert_int_equal(info.profileId, 9);
	assert_int_equal(info.placement.start, 0);
	assert_int_equal(info.placement.size, 4);
	assert_true(info.id >= 1 && info.id <= 2);
	/* occupied */
	assert_nvml(NV(nvmlDeviceCreateGpuInstanceWithPlacement)(d, 9, &pl, &gi2),
		    NVML_ERROR_INSUFFICIENT_RESOURCES);
	pl.start = 2; /* not a placement of 3g */
	assert_nvml(NV(nvmlDeviceCreateGpuInstanceWithPlacement)(d, 9, &pl, &gi2),
		    NVML_ERROR_INVALID_ARGUMENT);
	pl.start = 4;
	pl.size = 3; /* wrong size */
	assert_nvml(NV(nvmlDeviceCreateGpuInstanceWithPlacement)(d, 9, &pl, &gi2),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceCreateGpuInstanceWithPlacement)(d, 9, NULL, &gi2),
		    NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceCreateGpuInstanceWithPlacement)(d, 77, &pl, &gi2),
		    NVML_ERROR_INVALID_ARGUMENT);
	/* 4g + 3g share nothing but the 4g can only start at 0 */
	assert_nvml(sim_create_gi(d, NVML_GPU_INSTANCE_PROFILE_4_SLICE, 0, &gi2),
		    NVML_ERROR_INSUFFICIENT_RESOURCES);
	assert_nvml(sim_create_gi(d, NVML_GPU_INSTANCE_PROFILE_3_SLICE, 4, &gi2), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 19, &gi2),
		    NVML_ERROR_INSUFFICIENT_RESOURCES);
}

/* The automatic placement reproduces the order seen on a real H100: 6, 4, 5, 0, 1, 2, 3. */
static void test_sim_mig_gi__auto_placement_order(void **state)
{
	static const unsigned want[7] = {6, 4, 5, 0, 1, 2, 3};
	nvmlGpuInstanceInfo_t info;
	nvmlGpuInstance_t gi;
	unsigned i;
	nvmlDevice_t d = sim_mig_gpu(1);

	(void)state;
	for (i = 0; i < 7; i++) {
		assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 19, &gi), NVML_SUCCESS);
		assert_nvml(NV(nvmlGpuInstanceGetInfo)(gi, &info), NVML_SUCCESS);
		assert_int_equal(info.placement.start, want[i]);
		/* ids of 1-slice GIs on an 8-slice part: 7 + start */
		assert_int_equal(info.id, 7 + want[i]);
	}
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 19, &gi), NVML_ERROR_INSUFFICIENT_RESOURCES);
}

/* As NVIDIA's user guide warns: -cgi 19,19,14,9 fails on an A100, -cgi 9,19,14,19 works. */
static void test_sim_mig_gi__auto_placement_order_matters(void **state)
{
	nvmlGpuInstance_t gi[4];
	nvmlDevice_t d = sim_mig_gpu(0);
	unsigned i;

	(void)state;
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 19, &gi[0]), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 19, &gi[1]), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 14, &gi[2]), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 9, &gi[3]),
		    NVML_ERROR_INSUFFICIENT_RESOURCES);
	for (i = 0; i < 3; i++)
		assert_nvml(NV(nvmlGpuInstanceDestroy)(gi[i]), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 9, &gi[0]), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 19, &gi[1]), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 14, &gi[2]), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 19, &gi[3]), NVML_SUCCESS);
}

static void test_sim_mig_gi__list_lookup_destroy(void **state)
{
	nvmlGpuInstance_t a, b, list[7], found;
	nvmlGpuInstanceInfo_t info;
	unsigned n;
	nvmlDevice_t d = sim_mig_gpu(1);

	(void)state;
	assert_nvml(sim_create_gi(d, NVML_GPU_INSTANCE_PROFILE_1_SLICE, 0, &a), NVML_SUCCESS);
	assert_nvml(sim_create_gi(d, NVML_GPU_INSTANCE_PROFILE_1_SLICE, 1, &b), NVML_SUCCESS);
	n = 7;
	assert_nvml(NV(nvmlDeviceGetGpuInstances)(d, 19, list, &n), NVML_SUCCESS);
	assert_int_equal(n, 2);
	assert_ptr_equal(list[0], a);
	assert_ptr_equal(list[1], b);
	n = 1;
	assert_nvml(NV(nvmlDeviceGetGpuInstances)(d, 19, list, &n), NVML_ERROR_INSUFFICIENT_SIZE);
	n = 0; /* output-only count: the buffer holds instanceCount entries */
	assert_nvml(NV(nvmlDeviceGetGpuInstances)(d, 19, list, &n), NVML_SUCCESS);
	assert_int_equal(n, 2);
	n = 7;
	assert_nvml(NV(nvmlDeviceGetGpuInstances)(d, 9, list, &n), NVML_SUCCESS);
	assert_int_equal(n, 0);
	assert_nvml(NV(nvmlDeviceGetGpuInstances)(d, 77, list, &n), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlDeviceGetGpuInstances)(d, 19, NULL, &n), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlGpuInstanceGetInfo)(b, &info), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetGpuInstanceById)(d, info.id, &found), NVML_SUCCESS);
	assert_ptr_equal(found, b);
	assert_nvml(NV(nvmlDeviceGetGpuInstanceById)(d, 14, &found), NVML_ERROR_NOT_FOUND);
	assert_nvml(NV(nvmlDeviceGetGpuInstanceById)(d, 1, NULL), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlGpuInstanceDestroy)(b), NVML_SUCCESS);
	/* a destroyed GI's handle is stale, not dangling */
	assert_nvml(NV(nvmlGpuInstanceGetInfo)(b, &info), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlGpuInstanceDestroy)(b), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlGpuInstanceDestroy)(NULL), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlGpuInstanceGetInfo)(a, NULL), NVML_ERROR_INVALID_ARGUMENT);
	/* a MIG-only call on a GI handle of another kind */
	assert_nvml(NV(nvmlGpuInstanceGetInfo)((nvmlGpuInstance_t)d, &info),
		    NVML_ERROR_INVALID_ARGUMENT);
}

static void test_sim_mig_gi__destroy_in_use(void **state)
{
	nvmlGpuInstance_t gi;
	nvmlComputeInstance_t ci;
	nvmlDevice_t d = sim_mig_gpu(1);

	(void)state;
	assert_nvml(sim_create_gi(d, NVML_GPU_INSTANCE_PROFILE_2_SLICE, -1, &gi), NVML_SUCCESS);
	ci = sim_full_ci(gi, NVML_COMPUTE_INSTANCE_PROFILE_2_SLICE);
	assert_nvml(NV(nvmlGpuInstanceDestroy)(gi), NVML_ERROR_IN_USE);
	assert_nvml(NV(nvmlComputeInstanceDestroy)(ci), NVML_SUCCESS);
	assert_nvml(NV(nvmlGpuInstanceDestroy)(gi), NVML_SUCCESS);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, sim_teardown)
	const struct CMUnitTest tests[] = {
		T(test_sim_mig_gi__ampere_mode_pends_until_reset),
		T(test_sim_mig_gi__hopper_mode_is_immediate),
		T(test_sim_mig_gi__mode_change_blocked),
		T(test_sim_mig_gi__profile_info_v1),
		T(test_sim_mig_gi__profile_info_versions),
		T(test_sim_mig_gi__placements),
		T(test_sim_mig_gi__needs_mig_enabled),
		T(test_sim_mig_gi__capacity_follows_layout),
		T(test_sim_mig_gi__create_with_placement),
		T(test_sim_mig_gi__auto_placement_order),
		T(test_sim_mig_gi__auto_placement_order_matters),
		T(test_sim_mig_gi__list_lookup_destroy),
		T(test_sim_mig_gi__destroy_in_use),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
