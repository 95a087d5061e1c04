/* SPDX-License-Identifier: Apache-2.0 */
/*
 * mig_reconcile_apply and mig_reconcile_recover on a simulated H100, through the library:
 * an NVML failure part-way is rolled back to the previous layout; a failure that also defeats
 * the rollback leaves the journal and says recovery is needed; recovery then finishes the
 * apply; an apply killed part-way (a forked child that dies after step k, as with kill -9) is
 * finished by recovery, or rolled back when finishing would destroy an instance that a tenant
 * started using in the meantime. Faults and processes are put into the simulator's state file
 * between sessions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>

#include "migctl/reconcile.h"
#include "test_reconcile_helpers.h"

static char dir[256], state_file[512], lib[4096];
static mig_system *sys;
static int kill_after;

/* Edit the state file with NVML shut down: MIG on, and no fault or process but those given. */
static void edit_state(const char *fault_fn, int nth, int count, int busy_gi)
{
	json_t *st, *gpu;

	mig_system_close(sys);
	st = json_load_file(state_file, 0, NULL);
	assert_non_null(st);
	gpu = json_array_get(json_object_get(st, "gpus"), 0);
	json_object_set_new(json_object_get(gpu, "mig"), "current", json_integer(1));
	json_object_set_new(json_object_get(gpu, "mig"), "pending", json_integer(1));
	json_array_clear(json_object_get(st, "faults"));
	if (fault_fn)
		json_array_append_new(json_object_get(st, "faults"),
				      json_pack("{s:s, s:i, s:i, s:i, s:s}", "function", fault_fn,
						"gpu", -1, "nth", nth, "count", count, "code",
						"UNKNOWN"));
	json_array_clear(json_object_get(gpu, "processes"));
	if (busy_gi >= 0)
		json_array_append_new(json_object_get(gpu, "processes"),
				      json_pack("{s:i, s:i, s:i, s:i}", "pid", (int)getpid(),
						"used_mib", 512, "gpu_instance", busy_gi,
						"compute_instance", 0));
	assert_int_equal(json_dump_file(st, state_file, JSON_INDENT(2)), 0);
	json_decref(st);
	assert_int_equal(mig_system_open(&sys, lib), 0);
}

/* The n-th call of a function from now on, for a fault. */
static int nth_from_now(const char *fn, int n)
{
	json_t *st = json_load_file(state_file, 0, NULL);
	int done = (int)json_integer_value(json_object_get(json_object_get(st, "calls"), fn));

	json_decref(st);
	return done + n;
}

static int setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(dir, sizeof(dir), "%s/test-apply-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir) || !fake_sim_library(lib, sizeof(lib)))
		return -1;
	snprintf(state_file, sizeof(state_file), "%s/sim.json", dir);
	setenv("MIGSIM_STATE", state_file, 1);
	setenv("MIGSIM_GPUS", "h100-80gb", 1);
	return mig_system_open(&sys, lib);
}

static int teardown(void **state)
{
	char cmd[600];

	(void)state;
	mig_system_close(sys);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static mig_step_plan *plan_to(const char *spec)
{
	mig_config_layout w;
	mig_gpu_state *st = NULL;
	mig_step_plan *p = NULL;

	assert_int_equal(fake_want(&w, "h100-80gb", spec), 0);
	assert_int_equal(mig_gpu_state_read(&st, sys, 0), 0);
	if (mig_reconcile_plan(&p, st, &w, 0) < 0)
		fail_msg("plan: %s", mig_error_last()->message);
	mig_gpu_state_free(st);
	return p;
}

static int holds(const mig_config_layout *l)
{
	mig_gpu_state *st = NULL;
	int rc;

	assert_int_equal(mig_gpu_state_read(&st, sys, 0), 0);
	rc = mig_reconcile_matches(st, l);
	mig_gpu_state_free(st);
	return rc == 1;
}

static int apply(const mig_step_plan *p, mig_apply_result *res)
{
	mig_apply_options opts = MIG_APPLY_OPTIONS_INIT;

	opts.state_dir = dir;
	return mig_reconcile_apply(sys, p, &opts, res);
}

/* Start from the balanced layout (3g + 2g + 2 x 1g); returns its pinned layout. */
static void start_balanced(mig_config_layout *before)
{
	mig_apply_result res;
	mig_step_plan *p;

	edit_state(NULL, 0, 0, -1);
	p = plan_to("3g.40gb 2g.20gb 1g.10gb 1g.10gb");
	assert_int_equal(apply(p, &res), 0);
	mig_step_plan_free(p);
	p = plan_to("3g.40gb 2g.20gb 1g.10gb 1g.10gb");
	*before = p->before;
	mig_step_plan_free(p);
}

static void test_reconcile_apply__nvml_failure_is_rolled_back(void **state)
{
	mig_config_layout before;
	mig_apply_result res;
	mig_step_plan *p;
	int n;

	(void)state;
	start_balanced(&before);
	n = nth_from_now("nvmlDeviceCreateGpuInstanceWithPlacement", 3);
	edit_state("nvmlDeviceCreateGpuInstanceWithPlacement", n, 1, -1);
	p = plan_to("7x1g.10gb");
	assert_int_equal(apply(p, &res), MIG_ENVML);
	assert_int_equal(res.outcome, MIG_APPLY_ROLLED_BACK);
	assert_true(res.failed_step > 0);
	assert_true(res.rollback_steps > 0);
	assert_non_null(strstr(mig_error_last()->message, "rolled back to the previous layout"));
	assert_true(holds(&before));
	assert_int_equal(mig_reconcile_journal_exists(dir, 0), 0);
	mig_step_plan_free(p);
}

static void test_reconcile_apply__failed_rollback_needs_recovery(void **state)
{
	mig_config_layout before, target;
	mig_apply_result res;
	mig_step_plan *p;
	int n;

	(void)state;
	start_balanced(&before);
	n = nth_from_now("nvmlDeviceCreateGpuInstanceWithPlacement", 2);
	edit_state("nvmlDeviceCreateGpuInstanceWithPlacement", n, 0, -1); /* and every one after */
	p = plan_to("7x1g.10gb");
	target = p->target;
	assert_int_equal(apply(p, &res), MIG_ERECOVER);
	assert_int_equal(res.outcome, MIG_APPLY_RECOVERY_NEEDED);
	assert_non_null(strstr(mig_error_last()->message, "rolling back to the previous layout "
							  "failed too"));
	assert_non_null(strstr(mig_error_last()->hint, "migctl recover -i 0"));
	assert_int_equal(mig_reconcile_journal_exists(dir, 0), 1);
	/* still failing: recovery cannot finish nor roll back, and keeps the journal */
	assert_int_equal(mig_reconcile_recover(sys, 0, dir, &res), MIG_ERECOVER);
	assert_int_equal(mig_reconcile_journal_exists(dir, 0), 1);
	edit_state(NULL, 0, 0, -1);
	assert_int_equal(mig_reconcile_recover(sys, 0, dir, &res), 0);
	assert_int_equal(res.outcome, MIG_APPLY_DONE);
	assert_true(holds(&target));
	assert_int_equal(mig_reconcile_journal_exists(dir, 0), 0);
	mig_step_plan_free(p);
}

static void die_after(void *ctx, const mig_step_plan *plan, size_t step)
{
	(void)ctx;
	(void)plan;
	if ((int)step + 1 == kill_after)
		_exit(9); /* as kill -9 would: no cleanup, no journal update */
}

/* Run the apply in a child that dies right after step k. */
static void apply_killed_after(const mig_step_plan *p, int k)
{
	mig_apply_options opts = MIG_APPLY_OPTIONS_INIT;
	mig_apply_result res;
	pid_t child;
	int status = 0;

	fflush(NULL);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		opts.state_dir = dir;
		opts.on_step = die_after;
		kill_after = k;
		mig_reconcile_apply(sys, p, &opts, &res);
		_exit(0);
	}
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 9);
	assert_int_equal(mig_reconcile_journal_exists(dir, 0), 1);
}

static void test_reconcile_apply__killed_apply_is_finished(void **state)
{
	mig_config_layout before, target;
	mig_apply_result res;
	mig_step_plan *p;
	int k;

	(void)state;
	start_balanced(&before);
	p = plan_to("7x1g.10gb");
	target = p->target;
	for (k = 1; k <= (int)p->step_count; k += 3) {
		mig_step_plan *again = plan_to("7x1g.10gb");

		apply_killed_after(again, k);
		mig_step_plan_free(again);
		edit_state(NULL, 0, 0, -1); /* a new session, as the next migctl would be */
		assert_int_equal(mig_reconcile_recover(sys, 0, dir, &res), 0);
		assert_int_equal(res.outcome, MIG_APPLY_DONE);
		assert_true(holds(&target));
		assert_int_equal(mig_reconcile_journal_exists(dir, 0), 0);
		start_balanced(&before);
	}
	mig_step_plan_free(p);
}

static void test_reconcile_apply__recovery_rolls_back_around_a_tenant(void **state)
{
	mig_config_layout before;
	mig_apply_result res;
	mig_step_plan *p;
	int victim;

	(void)state;
	start_balanced(&before);
	p = plan_to("7x1g.10gb");
	/* the 3g and the 2g go; the first destroy step is the first one's CI */
	assert_int_equal(p->steps[2].kind, MIG_STEP_DESTROY_CI);
	victim = p->steps[2].gi_id;
	apply_killed_after(p, 1);
	edit_state(NULL, 0, 0, victim); /* a tenant starts on the GI still to be destroyed */
	assert_int_equal(mig_reconcile_recover(sys, 0, dir, &res), 0);
	assert_int_equal(res.outcome, MIG_APPLY_ROLLED_BACK);
	assert_non_null(strstr(res.reason, "in use"));
	assert_true(holds(&before));
	assert_int_equal(mig_reconcile_journal_exists(dir, 0), 0);
	mig_step_plan_free(p);
	edit_state(NULL, 0, 0, -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reconcile_apply__nvml_failure_is_rolled_back),
		cmocka_unit_test(test_reconcile_apply__failed_rollback_needs_recovery),
		cmocka_unit_test(test_reconcile_apply__killed_apply_is_finished),
		cmocka_unit_test(test_reconcile_apply__recovery_rolls_back_around_a_tenant),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
