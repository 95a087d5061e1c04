/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The MIG guide's MIGManager class, as a C program on libmigctl: enable MIG on a GPU, create
 * instances for a list of profiles (placed so the whole list fits), list the MIG devices with
 * the CUDA_VISIBLE_DEVICES value of each, and destroy them again.
 *
 *   cc mig_manager.c -lmigctl -o mig_manager
 *   ./mig_manager [NVML_LIBRARY] [PROFILES]     e.g. ./mig_manager "" 3g.40gb,2g.20gb,2g.20gb
 *
 * With no library it uses the NVIDIA driver; pass the simulator's libnvidia-ml.so.1 (and set
 * MIGSIM_STATE / MIGSIM_GPUS) to try it without a GPU.
 */
#include <stdio.h>
#include <stdlib.h>

#include <migctl/migctl.h>

static int fail(const char *what)
{
	const mig_error *e = mig_error_last();

	fprintf(stderr, "%s: %s\n", what, e->message);
	if (e->hint)
		fprintf(stderr, "hint: %s\n", e->hint);
	return 1;
}

static void list_devices(const mig_gpu_state *st)
{
	size_t i, j;

	for (i = 0; i < st->gi_count; i++)
		for (j = 0; j < st->gis[i].ci_count; j++)
			printf("  GI %u %-10s CUDA_VISIBLE_DEVICES=%s\n", st->gis[i].id,
			       st->gis[i].profile_name, st->gis[i].cis[j].uuid);
}

static int run(mig_system *sys, const char *profiles)
{
	const char *words[1] = { profiles };
	mig_destroy_target everything = { -1, -1 };
	mig_gpu_state *st;
	mig_layout request;
	mig_created made;
	int reset_needed = 0;

	if (mig_device_set_mode(sys, 0, 1, &reset_needed) < 0)
		return fail("enable MIG");
	if (reset_needed) {
		printf("MIG is enabled after a GPU reset; run this again afterwards\n");
		return 0;
	}
	if (mig_gpu_state_read(&st, sys, 0) < 0)
		return fail("read GPU 0");
	if (!st->model) {
		mig_gpu_state_free(st);
		fprintf(stderr, "GPU 0 (%s) is not in the catalog\n", st->name);
		return 1;
	}
	if (mig_geometry_parse_request(&request, st->model, words, 1) < 0) {
		mig_gpu_state_free(st);
		return fail("parse the profiles");
	}
	printf("GPU 0: %s\n", st->name);
	mig_gpu_state_free(st);
	if (mig_device_create(sys, 0, &request, 0, &made) < 0)
		return fail("create");
	printf("created %zu GPU instances:\n", made.count);
	if (mig_gpu_state_read(&st, sys, 0) < 0)
		return fail("read GPU 0");
	list_devices(st);
	mig_gpu_state_free(st);
	if (mig_device_destroy(sys, 0, everything, 0, NULL) < 0)
		return fail("destroy");
	printf("destroyed them again\n");
	return 0;
}

int main(int argc, char **argv)
{
	const char *library = argc > 1 && argv[1][0] ? argv[1] : NULL;
	const char *profiles = argc > 2 ? argv[2] : "3g.40gb,2g.20gb,2g.20gb";
	mig_system *sys;
	int rc;

	if (mig_system_open(&sys, library) < 0)
		return fail("open NVML");
	rc = run(sys, profiles);
	mig_system_close(sys);
	return rc;
}
