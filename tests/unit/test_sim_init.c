/* SPDX-License-Identifier: Apache-2.0 */
/* The simulator's init/shutdown, error strings, state file loading and reloading, handles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sys/stat.h>

#include "test_sim_helpers.h"

/* Run init with stderr captured into buf. */
static nvmlReturn_t init_capturing(char *buf, size_t len)
{
	char path[256];
	int saved = dup(2), fd;
	nvmlReturn_t rc;
	ssize_t n;

	snprintf(path, sizeof(path), "%s/stderr.txt", sim_fx.dir);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0 && saved >= 0);
	fflush(stderr);
	dup2(fd, 2);
	rc = NV(nvmlInit_v2)();
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	n = pread(fd, buf, len - 1, 0);
	buf[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(path);
	return rc;
}

static void test_sim_init__error_strings_before_init(void **state)
{
	int code;

	(void)state;
	for (code = 0; code <= 30; code++)
		assert_non_null(NV(nvmlErrorString)((nvmlReturn_t)code));
	assert_string_equal(NV(nvmlErrorString)(NVML_SUCCESS), "Success");
	assert_string_equal(NV(nvmlErrorString)(NVML_ERROR_INSUFFICIENT_RESOURCES),
			    "Insufficient Resources");
	assert_string_equal(NV(nvmlErrorString)(NVML_ERROR_IN_USE), "In use by another client");
	assert_string_equal(NV(nvmlErrorString)(NVML_ERROR_UNINITIALIZED), "Uninitialized");
	assert_string_equal(NV(nvmlErrorString)(NVML_ERROR_UNKNOWN), "Unknown Error");
	assert_string_equal(NV(nvmlErrorString)((nvmlReturn_t)12345), "Unknown Error");
	assert_string_equal(NV(nvmlErrorString)((nvmlReturn_t)-7), "Unknown Error");
}

static void test_sim_init__calls_before_init_are_uninitialized(void **state)
{
	unsigned n;
	int cuda;
	char ver[80];
	nvmlDevice_t d;

	(void)state;
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_ERROR_UNINITIALIZED);
	assert_nvml(NV(nvmlDeviceGetHandleByIndex_v2)(0, &d), NVML_ERROR_UNINITIALIZED);
	assert_nvml(NV(nvmlDeviceGetPowerUsage)(NULL, &n), NVML_ERROR_UNINITIALIZED);
	assert_nvml(NV(nvmlSystemGetDriverVersion)(ver, sizeof(ver)), NVML_ERROR_UNINITIALIZED);
	/* documented as callable before init */
	assert_nvml(NV(nvmlSystemGetNVMLVersion)(ver, sizeof(ver)), NVML_SUCCESS);
	assert_int_equal(ver[0], '1');
	assert_nvml(NV(nvmlSystemGetCudaDriverVersion_v2)(&cuda), NVML_SUCCESS);
	assert_true(cuda >= 11000);
	/* a shutdown without init is not an error */
	assert_nvml(NV(nvmlShutdown)(), NVML_SUCCESS);
}

static void test_sim_init__refcounted(void **state)
{
	unsigned n = 0;

	(void)state;
	assert_int_equal(sim_setup_spec("2xa100-80gb"), 0);
	assert_nvml(NV(nvmlInit)(), NVML_SUCCESS);
	assert_nvml(NV(nvmlInitWithFlags)(NVML_INIT_FLAG_NO_GPUS), NVML_SUCCESS);
	assert_nvml(NV(nvmlShutdown)(), NVML_SUCCESS);
	assert_nvml(NV(nvmlShutdown)(), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_int_equal(n, 2);
	assert_nvml(NV(nvmlShutdown)(), NVML_SUCCESS);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_ERROR_UNINITIALIZED);
	assert_nvml(NV(nvmlShutdown)(), NVML_SUCCESS);
}

static void test_sim_init__creates_state_from_spec(void **state)
{
	char *text = NULL;
	unsigned n = 0;

	(void)state;
	assert_int_equal(sim_setup_spec("h100-80gb, 2xa30"), 0);
	assert_nvml(NV(nvmlDeviceGetCount)(&n), NVML_SUCCESS);
	assert_int_equal(n, 3);
	assert_int_equal(migsim_show(&text, sim_fx.state), 0);
	assert_non_null(strstr(text, "\"h100-sxm5-80gb\""));
	assert_non_null(strstr(text, "\"a30-24gb\""));
	free(text);
}

static void test_sim_init__missing_state_is_driver_not_loaded(void **state)
{
	char err[1024];

	(void)state;
	sim_prepare(NULL);
	assert_nvml(init_capturing(err, sizeof(err)), NVML_ERROR_DRIVER_NOT_LOADED);
	assert_non_null(strstr(err, sim_fx.state));
	assert_non_null(strstr(err, "does not exist"));
	assert_non_null(strstr(err, "MIGSIM_GPUS"));
}

static void test_sim_init__bad_spec_names_token(void **state)
{
	char err[1024];

	(void)state;
	sim_prepare("a100-80gb,z9000");
	assert_nvml(init_capturing(err, sizeof(err)), NVML_ERROR_UNKNOWN);
	assert_non_null(strstr(err, "MIGSIM_GPUS"));
	assert_non_null(strstr(err, "z9000"));
	assert_int_equal(access(sim_fx.state, F_OK), -1);
}

static void test_sim_init__corrupt_state_is_unknown_and_untouched(void **state)
{
	static const char junk[] = "{\"migsim\": 1, \"gpus\": [ {\"model\": \"a100-80gb\"";
	char err[1024], back[256] = "";
	FILE *f;

	(void)state;
	sim_prepare("a100-80gb");
	sim_write_state(junk);
	assert_nvml(init_capturing(err, sizeof(err)), NVML_ERROR_UNKNOWN);
	assert_non_null(strstr(err, sim_fx.state));
	assert_non_null(strstr(err, "corrupt"));
	/* never a silent reset: the file is left as it was */
	f = fopen(sim_fx.state, "r");
	assert_non_null(f);
	assert_non_null(fgets(back, sizeof(back), f));
	fclose(f);
	assert_string_equal(back, junk);
}

static void test_sim_init__invalid_state_names_field(void **state)
{
	char err[1024];

	(void)state;
	sim_prepare(NULL);
	sim_write_state("{\"migsim\": 1, \"gpus\": [{\"model\": \"a100-80gb\", \"mig\": "
			"{\"current\": 1}, \"gpu_instances\": [{\"id\": 1, \"profile_id\": 9, "
			"\"start\": 2, \"serial\": 1}]}], \"next_serial\": 2}");
	assert_nvml(init_capturing(err, sizeof(err)), NVML_ERROR_UNKNOWN);
	assert_non_null(strstr(err, "gpus[0].gpu_instances[0]"));
	assert_non_null(strstr(err, "not a placement"));
}

static void test_sim_init__bad_faults_env(void **state)
{
	char err[1024];

	(void)state;
	sim_prepare("a100-80gb");
	setenv("MIGSIM_FAULTS", "nvmlDeviceGetCount_v2:x:IN_USE", 1);
	assert_nvml(init_capturing(err, sizeof(err)), NVML_ERROR_UNKNOWN);
	unsetenv("MIGSIM_FAULTS");
	assert_non_null(strstr(err, "MIGSIM_FAULTS"));
	assert_non_null(strstr(err, "nvmlDeviceGetCount_v2:x:IN_USE"));
}

static void test_sim_init__sees_changes_of_other_writers(void **state)
{
	unsigned n = 0;

	(void)state;
	assert_int_equal(sim_setup_spec("a100-80gb"), 0);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_int_equal(n, 1);
	assert_int_equal(migsim_create(sim_fx.state, "3xh100-80gb", 1), 0);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_int_equal(n, 3);
}

static void test_sim_init__state_broken_later_then_fixed(void **state)
{
	char *good = NULL, err[1024];
	unsigned n = 0;
	int saved = dup(2), fd;

	(void)state;
	assert_int_equal(sim_setup_spec("a100-80gb"), 0);
	assert_int_equal(migsim_show(&good, sim_fx.state), 0);
	sim_write_state("not json");
	snprintf(err, sizeof(err), "%s/err.txt", sim_fx.dir);
	fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 2);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_ERROR_UNKNOWN);
	dup2(saved, 2);
	close(saved);
	close(fd);
	sim_write_state(good);
	free(good);
	assert_nvml(NV(nvmlDeviceGetCount_v2)(&n), NVML_SUCCESS);
	assert_int_equal(n, 1);
}

static void test_sim_init__handles_are_stable_addresses(void **state)
{
	nvmlDevice_t a, b, c;

	(void)state;
	assert_int_equal(sim_setup_spec("2xa100-80gb"), 0);
	a = gpu_at(0);
	b = gpu_at(0);
	c = gpu_at(1);
	assert_ptr_equal(a, b);
	assert_ptr_not_equal(a, c);
	assert_true((uintptr_t)a >= 4096 && (uintptr_t)c >= 4096);
	NV(nvmlShutdown)();
	assert_nvml(NV(nvmlInit_v2)(), NVML_SUCCESS);
	assert_ptr_equal(gpu_at(0), a);
}

static void test_sim_init__versions(void **state)
{
	char ver[80];
	int cuda = 0;

	(void)state;
	assert_int_equal(sim_setup_spec("a100-80gb"), 0);
	assert_nvml(NV(nvmlSystemGetDriverVersion)(ver, sizeof(ver)), NVML_SUCCESS);
	assert_string_equal(ver, "570.124.06");
	assert_nvml(NV(nvmlSystemGetNVMLVersion)(ver, sizeof(ver)), NVML_SUCCESS);
	assert_string_equal(ver, "12.570.124.06");
	assert_nvml(NV(nvmlSystemGetNVMLVersion)(ver, 4), NVML_ERROR_INSUFFICIENT_SIZE);
	assert_nvml(NV(nvmlSystemGetCudaDriverVersion)(&cuda), NVML_SUCCESS);
	assert_int_equal(cuda, 12080);
	assert_nvml(NV(nvmlSystemGetCudaDriverVersion)(NULL), NVML_ERROR_INVALID_ARGUMENT);
	assert_nvml(NV(nvmlSystemGetProcessName)((unsigned)getpid(), ver, sizeof(ver)),
		    NVML_SUCCESS);
	assert_true(strlen(ver) > 0);
}

static void test_sim_init__unmodelled_is_not_supported(void **state)
{
	unsigned v;
	uint64_t calls = 0;

	(void)state;
	assert_int_equal(sim_setup_spec("a100-80gb"), 0);
	assert_nvml(NV(nvmlDeviceGetPowerUsage)(gpu_at(0), &v), NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlDeviceGetTemperature)(gpu_at(0), 0, &v), NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlUnitGetCount)(&v), NVML_ERROR_NOT_SUPPORTED);
	assert_nvml(NV(nvmlDeviceGetPowerUsage)(NULL, NULL), NVML_ERROR_NOT_SUPPORTED);
	NV(nvmlShutdown)(); /* writes the counts */
	assert_int_equal(migsim_calls(&calls, sim_fx.state, "nvmlDeviceGetPowerUsage"), 0);
	assert_int_equal(calls, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sim_init__error_strings_before_init),
		cmocka_unit_test(test_sim_init__calls_before_init_are_uninitialized),
		cmocka_unit_test_teardown(test_sim_init__refcounted, sim_teardown),
		cmocka_unit_test_teardown(test_sim_init__creates_state_from_spec, sim_teardown),
		cmocka_unit_test_teardown(test_sim_init__missing_state_is_driver_not_loaded,
					  sim_teardown),
		cmocka_unit_test_teardown(test_sim_init__bad_spec_names_token, sim_teardown),
		cmocka_unit_test_teardown(test_sim_init__corrupt_state_is_unknown_and_untouched,
					  sim_teardown),
		cmocka_unit_test_teardown(test_sim_init__invalid_state_names_field, sim_teardown),
		cmocka_unit_test_teardown(test_sim_init__bad_faults_env, sim_teardown),
		cmocka_unit_test_teardown(test_sim_init__sees_changes_of_other_writers,
					  sim_teardown),
		cmocka_unit_test_teardown(test_sim_init__state_broken_later_then_fixed,
					  sim_teardown),
		cmocka_unit_test_teardown(test_sim_init__handles_are_stable_addresses,
					  sim_teardown),
		cmocka_unit_test_teardown(test_sim_init__versions, sim_teardown),
		cmocka_unit_test_teardown(test_sim_init__unmodelled_is_not_supported, sim_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
