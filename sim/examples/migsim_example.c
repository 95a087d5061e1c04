/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A plain NVML client, the example of the README section "Testing your own NVML tools without
 * a GPU". It is written as any NVML program is (with NVIDIA's nvml.h it compiles unchanged; here
 * our own declarations stand in for it) and linked with -lnvidia-ml, so it runs against
 * whichever libnvidia-ml.so.1 the loader finds: the driver's, or the simulator's with
 *
 *   LD_LIBRARY_PATH=build/sim MIGSIM_STATE=/tmp/gpus.json MIGSIM_GPUS=a100-80gb ./migsim_example
 *
 * It enables MIG on GPU 0 (on an A100 that needs a reset: run it twice with a
 * `migctl sim reset` between, or use an H100), creates a 3g GPU instance with its default compute
 * instance, and lists the MIG devices with their UUIDs.
 */
#include <stdio.h>

#include "nvml/nvml_abi.h"

#define CHECK(call)                                                                                \
	do {                                                                                       \
		nvmlReturn_t r_ = (call);                                                          \
		if (r_ != NVML_SUCCESS) {                                                          \
			fprintf(stderr, "%s: %s\n", #call, nvmlErrorString(r_));                   \
			return 1;                                                                  \
		}                                                                                  \
	} while (0)

static int list_mig_devices(nvmlDevice_t gpu)
{
	unsigned max = 0, i;

	CHECK(nvmlDeviceGetMaxMigDeviceCount(gpu, &max));
	for (i = 0; i < max; i++) {
		char name[NVML_DEVICE_NAME_V2_BUFFER_SIZE], uuid[NVML_DEVICE_UUID_V2_BUFFER_SIZE];
		nvmlDevice_t mig;

		if (nvmlDeviceGetMigDeviceHandleByIndex(gpu, i, &mig) != NVML_SUCCESS)
			continue;
		CHECK(nvmlDeviceGetName(mig, name, sizeof(name)));
		CHECK(nvmlDeviceGetUUID(mig, uuid, sizeof(uuid)));
		printf("  MIG device %u: %s (%s)\n", i, name, uuid);
	}
	return 0;
}

static int make_3g(nvmlDevice_t gpu)
{
	nvmlGpuInstanceProfileInfo_t gi_info;
	nvmlComputeInstanceProfileInfo_t ci_info;
	nvmlGpuInstance_t gi;
	nvmlComputeInstance_t ci;
	nvmlReturn_t rc;

	CHECK(nvmlDeviceGetGpuInstanceProfileInfo(gpu, NVML_GPU_INSTANCE_PROFILE_3_SLICE,
						  &gi_info));
	rc = nvmlDeviceCreateGpuInstance(gpu, gi_info.id, &gi);
	if (rc == NVML_ERROR_INSUFFICIENT_RESOURCES) {
		printf("  no room left for a 3g instance\n");
		return 0;
	}
	CHECK(rc);
	CHECK(nvmlGpuInstanceGetComputeInstanceProfileInfo(
		gi, NVML_COMPUTE_INSTANCE_PROFILE_3_SLICE,
		NVML_COMPUTE_INSTANCE_ENGINE_PROFILE_SHARED, &ci_info));
	CHECK(nvmlGpuInstanceCreateComputeInstance(gi, ci_info.id, &ci));
	printf("  created a 3g GPU instance (profile id %u, %llu MiB)\n", gi_info.id,
	       gi_info.memorySizeMB);
	return 0;
}

int main(void)
{
	char name[NVML_DEVICE_NAME_V2_BUFFER_SIZE];
	unsigned count, current, pending;
	nvmlReturn_t activation;
	nvmlDevice_t gpu;

	CHECK(nvmlInit_v2());
	CHECK(nvmlDeviceGetCount_v2(&count));
	CHECK(nvmlDeviceGetHandleByIndex_v2(0, &gpu));
	CHECK(nvmlDeviceGetName(gpu, name, sizeof(name)));
	CHECK(nvmlDeviceGetMigMode(gpu, &current, &pending));
	printf("%u GPU(s); GPU 0 is %s, MIG mode %u (pending %u)\n", count, name, current, pending);
	if (!current) {
		CHECK(nvmlDeviceSetMigMode(gpu, NVML_DEVICE_MIG_ENABLE, &activation));
		CHECK(nvmlDeviceGetMigMode(gpu, &current, &pending));
		printf("  enabling MIG: %s, mode now %u (pending %u)\n",
		       nvmlErrorString(activation), current, pending);
	}
	if (current && (make_3g(gpu) || list_mig_devices(gpu)))
		return 1;
	CHECK(nvmlShutdown());
	return 0;
}
