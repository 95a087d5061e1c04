/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Many processes creating and destroying instances on the same simulated GPU at once: the
 * state file must never be corrupted, no process's change may be lost, and the final layout
 * must be one the driver allows (mig_geometry_check).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/wait.h>

#include "sim_file.h"
#include "test_sim_helpers.h"

#define CHILDREN 8
#define ROUNDS	 12

/* GI profile indices the children try, most of them small so that many fit. */
static const unsigned profiles[] = {
	NVML_GPU_INSTANCE_PROFILE_1_SLICE, NVML_GPU_INSTANCE_PROFILE_1_SLICE,
	NVML_GPU_INSTANCE_PROFILE_2_SLICE, NVML_GPU_INSTANCE_PROFILE_1_SLICE_REV2,
	NVML_GPU_INSTANCE_PROFILE_3_SLICE, NVML_GPU_INSTANCE_PROFILE_1_SLICE_REV1,
};

/* One child: create (and sometimes destroy again) GIs with CIs; report the net count of GIs
 * it left on the GPU on fd, and exit non-zero on any answer the driver would not give. */
static int child_main(unsigned seed, int go_fd, int report_fd)
{
	unsigned kept = 0, round, info_id;
	nvmlDevice_t d;
	char c;
	nvmlComputeInstance_t ci;
	nvmlGpuInstanceProfileInfo_t info;

	if (read(go_fd, &c, 1) < 0 || NV(nvmlInit_v2)() != NVML_SUCCESS ||
	    NV(nvmlDeviceGetHandleByIndex_v2)(0, &d) != NVML_SUCCESS)
		return 2;
	for (round = 0; round < ROUNDS; round++) {
		unsigned idx =
			profiles[(seed + round * 7) % (sizeof(profiles) / sizeof(*profiles))];
		nvmlGpuInstance_t gi;
		nvmlReturn_t rc;

		if (NV(nvmlDeviceGetGpuInstanceProfileInfo)(d, idx, &info) != NVML_SUCCESS)
			return 3;
		info_id = info.id;
		rc = NV(nvmlDeviceCreateGpuInstance)(d, info_id, &gi);
		if (rc == NVML_ERROR_INSUFFICIENT_RESOURCES)
			continue;
		if (rc != NVML_SUCCESS)
			return 4;
		rc = NV(nvmlGpuInstanceCreateComputeInstance)(gi, 0, &ci);
		if (rc != NVML_SUCCESS)
			return 5;
		if ((seed + round) % 3 == 0) {
			/* give it back: CI first, as the driver requires */
			if (NV(nvmlComputeInstanceDestroy)(ci) != NVML_SUCCESS ||
			    NV(nvmlGpuInstanceDestroy)(gi) != NVML_SUCCESS)
				return 6;
			continue;
		}
		kept++;
	}
	NV(nvmlShutdown)();
	return write(report_fd, &kept, sizeof(kept)) == sizeof(kept) ? 0 : 7;
}

static void test_sim_concurrency__creators_never_corrupt_state(void **state)
{
	int go[2], report[2], status;
	pid_t pids[CHILDREN];
	unsigned i, total = 0, kept;
	sim_state st;
	sim_file f;
	mig_layout l;
	mig_violation why;

	(void)state;
	assert_int_equal(sim_setup_spec("h100-80gb"), 0);
	gpu_at(0);
	sim_mig_gpu(0);
	NV(nvmlShutdown)();
	assert_int_equal(pipe(go), 0);
	assert_int_equal(pipe(report), 0);
	for (i = 0; i < CHILDREN; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			close(go[1]);
			_exit(child_main(i, go[0], report[1]));
		}
	}
	close(go[0]);
	close(report[1]);
	close(go[1]); /* every child starts now */
	for (i = 0; i < CHILDREN; i++) {
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	while (read(report[0], &kept, sizeof(kept)) == sizeof(kept))
		total += kept;
	close(report[0]);

	/* the file parses (the parser itself refuses a layout that breaks a rule) ... */
	assert_int_equal(sim_file_init(&f, sim_fx.state), 0);
	assert_int_equal(sim_file_read(&f, &st), 0);
	sim_file_release(&f);
	/* ... the layout is one the driver allows ... */
	sim_gpu_layout(&st.gpus[0], &l);
	assert_int_equal(mig_geometry_check(&l, &why), 0);
	/* ... and no process's creation was lost */
	assert_int_equal(st.gpus[0].gi_count, total);
	assert_true(total >= 1);
	for (i = 0; i < st.gpus[0].gi_count; i++)
		assert_int_equal(st.gpus[0].gi[i].ci_count, 1);
	sim_state_release(&st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_sim_concurrency__creators_never_corrupt_state,
					  sim_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
