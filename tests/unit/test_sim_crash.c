/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The state file survives kill -9 of a writer at any moment: after each kill the file parses
 * (old or new version, never a torn one), the lock is free again, and the next client goes on.
 * A reader running beside a busy writer likewise never sees a partial file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <time.h>

#include "sim_file.h"
#include "test_sim_helpers.h"

#define KILLS 40

/* Destroy every 1g GI on the GPU, with its CIs: once the GIs that killed writers left behind
 * fill it, a writer would otherwise only make failing calls, which write nothing. */
static void clear_gpu(nvmlDevice_t d)
{
	nvmlGpuInstance_t gis[8];
	nvmlComputeInstance_t cis[8];
	unsigned i, j, n = 8, m;

	if (NV(nvmlDeviceGetGpuInstances)(d, 19, gis, &n) != NVML_SUCCESS)
		return;
	for (i = 0; i < n; i++) {
		m = 8;
		if (NV(nvmlGpuInstanceGetComputeInstances)(gis[i], 0, cis, &m) == NVML_SUCCESS)
			for (j = 0; j < m; j++)
				NV(nvmlComputeInstanceDestroy)(cis[j]);
		NV(nvmlGpuInstanceDestroy)(gis[i]);
	}
}

/* A writer that never stops: create and destroy GIs and CIs on GPU 0. */
static void writer_main(void)
{
	nvmlGpuInstance_t gi;
	nvmlComputeInstance_t ci;
	nvmlDevice_t d;

	if (NV(nvmlInit_v2)() != NVML_SUCCESS || NV(nvmlDeviceGetHandleByIndex_v2)(0, &d))
		_exit(2);
	for (;;) {
		ci = NULL;
		if (NV(nvmlDeviceCreateGpuInstance)(d, 19, &gi) != NVML_SUCCESS) {
			clear_gpu(d);
			continue;
		}
		if (NV(nvmlGpuInstanceCreateComputeInstance)(gi, 0, &ci) == NVML_SUCCESS &&
		    (rand() & 1))
			NV(nvmlComputeInstanceDestroy)(ci);
		if (rand() % 3 == 0)
			continue;
		NV(nvmlComputeInstanceDestroy)(ci);
		NV(nvmlGpuInstanceDestroy)(gi);
	}
}

static void sleep_us(long us)
{
	struct timespec ts = {0, us * 1000};

	nanosleep(&ts, NULL);
}

/* Read the file as a reader would (under the lock) and check it parses. */
static void assert_state_whole(unsigned long long *generation)
{
	sim_file f;
	sim_state st;

	assert_int_equal(sim_file_init(&f, sim_fx.state), 0);
	assert_int_equal(sim_file_lock(&f), 0);
	if (sim_file_read(&f, &st) != 0) {
		print_error("state unreadable: %s\n", mig_error_last()->message);
		fail();
	}
	sim_file_unlock(&f);
	sim_file_release(&f);
	*generation = st.generation;
	sim_state_release(&st);
}

static void test_sim_crash__kill_9_never_tears(void **state)
{
	unsigned long long gen = 0, last = 0;
	unsigned i, n;
	pid_t pid;

	(void)state;
	assert_int_equal(sim_setup_spec("h100-80gb"), 0);
	sim_mig_gpu(0);
	NV(nvmlShutdown)();
	srand(12345);
	for (i = 0; i < KILLS; i++) {
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			srand(i);
			writer_main();
		}
		/* past its init (its first write seen, however slow a loaded machine makes the
		 * start), then anywhere in its stream of writes */
		for (n = 0; n < 5000; n++) {
			assert_state_whole(&gen);
			if (gen > last)
				break;
			sleep_us(1000);
		}
		sleep_us(rand() % 4000);
		assert_int_equal(kill(pid, SIGKILL), 0);
		assert_int_equal(waitpid(pid, NULL, 0), pid);
		assert_state_whole(&gen);
		assert_true(gen >= last);
		last = gen;
	}
	/* the writers did write, and a fresh client still works on what they left */
	assert_true(last >= KILLS);
	assert_nvml(NV(nvmlInit_v2)(), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
}

/* A reader polling beside a busy writer only ever sees whole files. */
static void test_sim_crash__reader_beside_writer(void **state)
{
	unsigned long long gen = 0;
	struct stat sb;
	unsigned i;
	char *buf;
	FILE *f;
	pid_t pid;
	sim_state st;

	(void)state;
	assert_int_equal(sim_setup_spec("h100-80gb"), 0);
	sim_mig_gpu(0);
	NV(nvmlShutdown)();
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		writer_main();
	for (i = 0; i < 300; i++) {
		/* no lock at all: rename keeps even an unlocked reader safe */
		f = fopen(sim_fx.state, "r");
		assert_non_null(f);
		assert_int_equal(fstat(fileno(f), &sb), 0);
		buf = malloc((size_t)sb.st_size + 1);
		assert_non_null(buf);
		assert_int_equal(fread(buf, 1, (size_t)sb.st_size, f), (size_t)sb.st_size);
		fclose(f);
		if (sim_state_parse(&st, buf, (size_t)sb.st_size) != 0) {
			print_error("torn read: %s\n", mig_error_last()->message);
			fail();
		}
		sim_state_release(&st);
		free(buf);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	assert_state_whole(&gen);
}

/* A crash after writing the temporary file but before the rename leaves it behind: it is
 * ignored, and replaced by the next write. */
static void test_sim_crash__leftover_temp_file(void **state)
{
	char tmp[256];
	unsigned n = 0;
	nvmlReturn_t act;
	FILE *f;

	(void)state;
	assert_int_equal(sim_setup_spec("a100-80gb"), 0);
	snprintf(tmp, sizeof(tmp), "%s.tmp", sim_fx.state);
	f = fopen(tmp, "w");
	assert_non_null(f);
	fputs("{\"migsim\": 1, \"gpus\": [ {\"mo", f);
	fclose(f);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_int_equal(n, 1);
	assert_nvml(NV(nvmlDeviceSetMigMode)(gpu_at(0), NVML_DEVICE_MIG_ENABLE, &act),
		    NVML_SUCCESS);
	assert_int_equal(access(tmp, F_OK), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_sim_crash__kill_9_never_tears, sim_teardown),
		cmocka_unit_test_teardown(test_sim_crash__reader_beside_writer, sim_teardown),
		cmocka_unit_test_teardown(test_sim_crash__leftover_temp_file, sim_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
