/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Read-only calls write nothing: the state file is only replaced by a real change, and the
 * calls a client counts in memory reach the file with its next write, its last nvmlShutdown, or
 * its exit; faults count on the file's calls plus the client's own.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include "sim_file.h"
#include "test_sim_helpers.h"

/* The identity of the state file: what changes when anyone writes it. */
struct ident {
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
	unsigned long long generation;
};

static struct ident ident_now(void)
{
	struct ident id;
	struct stat sb;
	sim_state st;
	sim_file f;

	assert_int_equal(stat(sim_fx.state, &sb), 0);
	id.ino = sb.st_ino;
	id.size = sb.st_size;
	id.mtime = sb.st_mtim;
	id.ctime = sb.st_ctim;
	assert_int_equal(sim_file_init(&f, sim_fx.state), 0);
	assert_int_equal(sim_file_read(&f, &st), 0);
	sim_file_release(&f);
	id.generation = st.generation;
	sim_state_release(&st);
	return id;
}

static int same_ident(struct ident a, struct ident b)
{
	return a.ino == b.ino && a.size == b.size && a.mtime.tv_sec == b.mtime.tv_sec &&
	       a.mtime.tv_nsec == b.mtime.tv_nsec && a.ctime.tv_sec == b.ctime.tv_sec &&
	       a.ctime.tv_nsec == b.ctime.tv_nsec && a.generation == b.generation;
}

static uint64_t calls_in_file(const char *fn)
{
	uint64_t n = 0;

	assert_int_equal(migsim_calls(&n, sim_fx.state, fn), 0);
	return n;
}

/* Reads of every kind, and calls that could change the machine but do not, leave the file as
 * it is: same inode, size, times and generation. */
static void test_sim_readonly__reads_write_nothing(void **state)
{
	nvmlGpuInstance_t gis[8], gi;
	nvmlProcessInfo_t procs[4];
	nvmlMemory_t mem;
	struct ident before;
	char name[96];
	unsigned n, cur, pend, i;
	nvmlReturn_t act;
	nvmlDevice_t d;

	(void)state;
	assert_int_equal(sim_setup_spec("h100-80gb,a100-80gb"), 0);
	before = ident_now();
	for (i = 0; i < 20; i++) {
		d = gpu_at(i % 2);
		assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
		assert_nvml(NV(nvmlDeviceGetName)(d, name, sizeof(name)), NVML_SUCCESS);
		assert_nvml(NV(nvmlDeviceGetMigMode)(d, &cur, &pend), NVML_SUCCESS);
		assert_nvml(NV(nvmlDeviceGetMemoryInfo)(d, &mem), NVML_SUCCESS);
		n = 4;
		assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses_v3)(d, &n, procs),
			    NVML_SUCCESS);
	}
	d = gpu_at(0);
	/* refused changes: no MIG yet, and a mode that is already the current one */
	n = 8;
	assert_nvml(NV(nvmlDeviceGetGpuInstances)(d, 19, gis, &n), NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 19, &gi), NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlDeviceSetMigMode)(d, NVML_DEVICE_MIG_DISABLE, &act), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceSetMigMode)(d, 7, &act), NVML_ERROR_INVALID_ARGUMENT);
	assert_true(same_ident(before, ident_now()));
	/* a real change is written at once */
	assert_nvml(NV(nvmlDeviceSetMigMode)(d, NVML_DEVICE_MIG_ENABLE, &act), NVML_SUCCESS);
	assert_false(same_ident(before, ident_now()));
	assert_int_equal(ident_now().generation, before.generation + 1);
}

/* Counts stay in memory until a write: the next change, then the last shutdown. */
static void test_sim_readonly__counts_reach_the_file(void **state)
{
	nvmlGpuInstance_t gi;
	nvmlDevice_t d;
	unsigned n, i;

	(void)state;
	assert_int_equal(sim_setup_spec("h100-80gb"), 0);
	for (i = 0; i < 4; i++)
		assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_int_equal(calls_in_file("nvmlDeviceGetCount_v2"), 0);
	d = sim_mig_gpu(0); /* SetMigMode writes, with the counts so far */
	assert_int_equal(calls_in_file("nvmlDeviceGetCount_v2"), 4);
	assert_int_equal(calls_in_file("nvmlDeviceSetMigMode"), 1);
	assert_int_equal(calls_in_file("nvmlInit_v2"), 1);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceCreateGpuInstance)(d, 19, &gi), NVML_SUCCESS);
	assert_int_equal(calls_in_file("nvmlDeviceGetCount_v2"), 5);
	assert_int_equal(calls_in_file("nvmlDeviceCreateGpuInstance"), 1);
	/* nothing is counted twice: the file's counts plus the pending ones, once */
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_nvml(NV(nvmlGpuInstanceDestroy)(gi), NVML_SUCCESS);
	assert_int_equal(calls_in_file("nvmlDeviceGetCount_v2"), 6);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_nvml(NV(nvmlInit_v2)(), NVML_SUCCESS);
	NV(nvmlShutdown)(); /* not the last one: nothing written */
	assert_int_equal(calls_in_file("nvmlDeviceGetCount_v2"), 6);
	NV(nvmlShutdown)();
	assert_int_equal(calls_in_file("nvmlDeviceGetCount_v2"), 7);
	assert_int_equal(calls_in_file("nvmlInit_v2"), 2);
	assert_int_equal(calls_in_file("nvmlShutdown"), 0); /* shutdown is not a counted call */
}

/* A client that exits without nvmlShutdown is counted when the library unloads at exit. */
static void test_sim_readonly__exit_without_shutdown_counts(void **state)
{
	unsigned n;
	int status;
	pid_t child;

	(void)state;
	sim_prepare("a100-80gb");
	fflush(NULL); /* the child's exit must not write the parent's buffered output again */
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		if (NV(nvmlInit_v2)() != NVML_SUCCESS)
			_exit(1);
		NV(nvmlDeviceGetCount_v2)(&n);
		NV(nvmlDeviceGetCount_v2)(&n);
		exit(0);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(calls_in_file("nvmlDeviceGetCount_v2"), 2);
	assert_int_equal(calls_in_file("nvmlInit_v2"), 1);
}

/*
 * A fault counted over all processes fires on the Nth call, N counted as the file's calls plus
 * this client's unwritten ones; a forked child counts only its own calls, not those it
 * inherited unwritten from its parent.
 */
static void test_sim_readonly__faults_see_file_plus_own_calls(void **state)
{
	unsigned n, k;
	int status;
	pid_t child;

	(void)state;
	assert_int_equal(sim_setup_spec("a100-80gb"), 0);
	for (k = 0; k < 3; k++)
		assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		for (k = 0; k < 2; k++)
			NV(nvmlDeviceGetCount_v2)(&n);
		NV(nvmlShutdown)();
		_exit(0);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_int_equal(status, 0);
	assert_int_equal(calls_in_file("nvmlDeviceGetCount_v2"), 2);
	/* 2 in the file + 3 of ours: the 6th call succeeds, the 7th fails */
	assert_int_equal(migsim_fault_add(sim_fx.state, "nvmlDeviceGetCount_v2:7:IN_USE"), 0);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_ERROR_IN_USE);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	NV(nvmlShutdown)();
	assert_int_equal(calls_in_file("nvmlDeviceGetCount_v2"), 8);
}

/* A process that ended is dropped by readers at once, without a write; the next write drops it
 * from the file too. */
static void test_sim_readonly__ended_process_dropped_lazily(void **state)
{
	nvmlProcessInfo_t procs[4];
	struct ident before;
	sim_state st;
	sim_file f;
	nvmlReturn_t act;
	unsigned n;
	pid_t child;

	(void)state;
	assert_int_equal(sim_setup_spec("h100-80gb"), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0)
		_exit(0);
	assert_int_equal(waitpid(child, NULL, 0), child);
	assert_int_equal(migsim_attach(sim_fx.state, 0, -1, -1, (unsigned)child, 100), 0);
	before = ident_now();
	n = 4;
	assert_nvml(NV(nvmlDeviceGetComputeRunningProcesses_v3)(gpu_at(0), &n, procs),
		    NVML_SUCCESS);
	assert_int_equal(n, 0);
	assert_true(same_ident(before, ident_now()));
	/* MIG can be enabled: nothing runs on the GPU any more, and the file says so now */
	assert_nvml(NV(nvmlDeviceSetMigMode)(gpu_at(0), NVML_DEVICE_MIG_ENABLE, &act),
		    NVML_SUCCESS);
	assert_nvml(act, NVML_SUCCESS);
	assert_int_equal(sim_file_init(&f, sim_fx.state), 0);
	assert_int_equal(sim_file_read(&f, &st), 0);
	sim_file_release(&f);
	assert_int_equal(st.gpus[0].proc_count, 0);
	sim_state_release(&st);
}

/* A change written by another process is seen by the very next read. */
static void test_sim_readonly__next_read_sees_other_writes(void **state)
{
	nvmlGpuInstance_t gis[8];
	unsigned n, cur, pend;
	int status;
	pid_t child;

	(void)state;
	assert_int_equal(sim_setup_spec("h100-80gb"), 0);
	assert_nvml(NV(nvmlDeviceGetMigMode)(gpu_at(0), &cur, &pend), NVML_SUCCESS);
	assert_int_equal(cur, NVML_DEVICE_MIG_DISABLE);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		nvmlGpuInstance_t gi;
		nvmlReturn_t act;
		nvmlDevice_t d;

		if (NV(nvmlDeviceGetHandleByIndex_v2)(0, &d) != NVML_SUCCESS ||
		    NV(nvmlDeviceSetMigMode)(d, NVML_DEVICE_MIG_ENABLE, &act) != NVML_SUCCESS ||
		    NV(nvmlDeviceCreateGpuInstance)(d, 19, &gi) != NVML_SUCCESS)
			_exit(1);
		_exit(0);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_int_equal(status, 0);
	assert_nvml(NV(nvmlDeviceGetMigMode)(gpu_at(0), &cur, &pend), NVML_SUCCESS);
	assert_int_equal(cur, NVML_DEVICE_MIG_ENABLE);
	n = 8;
	assert_nvml(NV(nvmlDeviceGetGpuInstances)(gpu_at(0), 19, gis, &n), NVML_SUCCESS);
	assert_int_equal(n, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_sim_readonly__reads_write_nothing, sim_teardown),
		cmocka_unit_test_teardown(test_sim_readonly__counts_reach_the_file, sim_teardown),
		cmocka_unit_test_teardown(test_sim_readonly__exit_without_shutdown_counts,
					  sim_teardown),
		cmocka_unit_test_teardown(test_sim_readonly__faults_see_file_plus_own_calls,
					  sim_teardown),
		cmocka_unit_test_teardown(test_sim_readonly__ended_process_dropped_lazily,
					  sim_teardown),
		cmocka_unit_test_teardown(test_sim_readonly__next_read_sees_other_writes,
					  sim_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
