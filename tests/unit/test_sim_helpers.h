/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TEST_SIM_HELPERS_H
#define TEST_SIM_HELPERS_H

/*
 * Shared by the tests of the NVML simulator. They load the built libnvidia-ml.so.1 with dlopen,
 * as an NVML client would, and call it through typed pointers: NV(nvmlInit_v2)() looks the
 * symbol up and casts it to the prototype of our ABI header, so a wrong call is a compile
 * error. Each test gets a fresh state file in its own temporary folder (sim_setup/
 * sim_teardown), and migsim_admin (migsim.h) edits that file the way `migctl sim` does.
 *
 * Include once per test program, after the cmocka headers.
 */

#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "migctl/error.h"
#include "migsim.h"
#include "nvml/nvml_abi.h"

static void *sim_lib;

static inline void *sim_sym(const char *name)
{
	void *p;

	if (!sim_lib) {
		sim_lib = dlopen(MIGSIM_LIB_PATH, RTLD_NOW | RTLD_LOCAL);
		if (!sim_lib) {
			fprintf(stderr, "cannot load %s: %s\n", MIGSIM_LIB_PATH, dlerror());
			abort();
		}
	}
	p = dlsym(sim_lib, name);
	if (!p) {
		fprintf(stderr, "simulator does not export %s\n", name);
		abort();
	}
	return p;
}

#define NV(fn) ((__typeof__(&fn))sim_sym(#fn))

/* Print the NVML names of both codes when they differ. */
#define assert_nvml(got, want)                                                                     \
	do {                                                                                       \
		nvmlReturn_t got_ = (got), want_ = (want);                                         \
		if (got_ != want_) {                                                               \
			print_error("%s = %d (%s), expected %d (%s)\n", #got, (int)got_,           \
				    NV(nvmlErrorString)(got_), (int)want_,                         \
				    NV(nvmlErrorString)(want_));                                   \
			fail();                                                                    \
		}                                                                                  \
	} while (0)

struct sim_fixture {
	char dir[128];
	char state[192];
};

static struct sim_fixture sim_fx;

/* A fresh folder and state path; MIGSIM_GPUS = spec (NULL: unset); no faults. */
static inline void sim_prepare(const char *spec)
{
	snprintf(sim_fx.dir, sizeof(sim_fx.dir), "%s/migsim-test-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(sim_fx.dir))
		abort();
	snprintf(sim_fx.state, sizeof(sim_fx.state), "%s/state.json", sim_fx.dir);
	setenv("MIGSIM_STATE", sim_fx.state, 1);
	if (spec)
		setenv("MIGSIM_GPUS", spec, 1);
	else
		unsetenv("MIGSIM_GPUS");
	unsetenv("MIGSIM_FAULTS");
}

/* Prepare and init; the state file is created from spec. */
static inline int sim_setup_spec(const char *spec)
{
	sim_prepare(spec);
	return NV(nvmlInit_v2)() == NVML_SUCCESS ? 0 : -1;
}

/* Remove the test folder and everything in it. */
static inline void sim_remove_dir(void)
{
	char path[512];
	struct dirent *de;
	DIR *d = opendir(sim_fx.dir);

	while (d && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", sim_fx.dir, de->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(sim_fx.dir);
}

/* Shut NVML down completely (whatever the tests left of the refcount) and clean up. */
static inline int sim_teardown(void **state)
{
	unsigned n;

	(void)state;
	for (n = 0; n < 16; n++)
		NV(nvmlShutdown)();
	sim_remove_dir();
	return 0;
}

/* Write text as the state file (for parser and corruption tests). */
static inline void sim_write_state(const char *text)
{
	FILE *f = fopen(sim_fx.state, "w");

	if (!f || fputs(text, f) < 0)
		abort();
	fclose(f);
}

/* The handle of GPU i (fails the test otherwise). */
static inline nvmlDevice_t gpu_at(unsigned i)
{
	nvmlDevice_t d = NULL;

	assert_nvml(NV(nvmlDeviceGetHandleByIndex_v2)(i, &d), NVML_SUCCESS);
	return d;
}

/* Enable MIG on GPU i, resetting it (through migsim) when the mode stays pending. */
static inline nvmlDevice_t sim_mig_gpu(unsigned i)
{
	nvmlDevice_t d = gpu_at(i);
	nvmlReturn_t act;
	unsigned cur, pend;

	assert_nvml(NV(nvmlDeviceSetMigMode)(d, NVML_DEVICE_MIG_ENABLE, &act), NVML_SUCCESS);
	if (act != NVML_SUCCESS)
		assert_int_equal(migsim_reset(sim_fx.state, (int)i), 0);
	assert_nvml(NV(nvmlDeviceGetMigMode)(d, &cur, &pend), NVML_SUCCESS);
	assert_int_equal(cur, NVML_DEVICE_MIG_ENABLE);
	return d;
}

/* The profile id of an NVML GI profile index on a GPU. */
static inline unsigned sim_gi_profile_id(nvmlDevice_t d, unsigned index)
{
	nvmlGpuInstanceProfileInfo_t info;

	assert_nvml(NV(nvmlDeviceGetGpuInstanceProfileInfo)(d, index, &info), NVML_SUCCESS);
	return info.id;
}

/* Create a GI of a profile index at a start (start < 0: let the simulator choose). */
static inline nvmlReturn_t sim_create_gi(nvmlDevice_t d, unsigned index, int start,
					 nvmlGpuInstance_t *gi)
{
	nvmlGpuInstanceProfileInfo_t info;
	nvmlGpuInstancePlacement_t pl;
	nvmlReturn_t rc = NV(nvmlDeviceGetGpuInstanceProfileInfo)(d, index, &info);

	if (rc != NVML_SUCCESS)
		return rc;
	if (start < 0)
		return NV(nvmlDeviceCreateGpuInstance)(d, info.id, gi);
	pl.start = (unsigned)start;
	pl.size = 0;
	{
		unsigned n = 8;
		nvmlGpuInstancePlacement_t all[8];

		rc = NV(nvmlDeviceGetGpuInstancePossiblePlacements_v2)(d, info.id, all, &n);
		if (rc != NVML_SUCCESS)
			return rc;
		pl.size = all[0].size;
	}
	return NV(nvmlDeviceCreateGpuInstanceWithPlacement)(d, info.id, &pl, gi);
}

/* The start a GI got. */
static inline unsigned sim_gi_start(nvmlGpuInstance_t gi)
{
	nvmlGpuInstanceInfo_t info;

	assert_nvml(NV(nvmlGpuInstanceGetInfo)(gi, &info), NVML_SUCCESS);
	return info.placement.start;
}

/* Create the full-size CI of a GI (CI profile index = the GI's slices profile). */
static inline nvmlComputeInstance_t sim_full_ci(nvmlGpuInstance_t gi, unsigned ci_index)
{
	nvmlComputeInstanceProfileInfo_t info;
	nvmlComputeInstance_t ci = NULL;

	assert_nvml(NV(nvmlGpuInstanceGetComputeInstanceProfileInfo)(gi, ci_index, 0, &info),
		    NVML_SUCCESS);
	assert_nvml(NV(nvmlGpuInstanceCreateComputeInstance)(gi, info.id, &ci), NVML_SUCCESS);
	return ci;
}

#endif
