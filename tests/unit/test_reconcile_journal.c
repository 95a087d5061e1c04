/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The pieces of apply around the planner that need no GPU: the journal on disk (round trip,
 * corrupt files), the per-GPU lock (a second holder times out and names the first), a state
 * seen as a layout, choosing a config, and recover/apply where there is nothing to do.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "migctl/reconcile.h"
#include "reconcile/reconcile_internal.h"
#include "test_reconcile_helpers.h"

static char dir[256];
static char path[512];

static int setup(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	snprintf(dir, sizeof(dir), "%s/test-reconcile-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/gpu0.journal", dir);
	return 0;
}

static int teardown(void **state)
{
	char cmd[600];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void write_text(const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void sample(mig_journal *j)
{
	fake_gpu f;

	memset(j, 0, sizeof(*j));
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "3g.40gb@0 2g.20gb@4"), 0);
	assert_int_equal(
		mig_catalog_find_ci_profile(&f.cis[0][0].profile, f.gis[0].profile, "1c.3g.40gb"),
		0);
	f.cis[0][1] = f.cis[0][0];
	assert_int_equal(
		mig_catalog_find_ci_profile(&f.cis[0][1].profile, f.gis[0].profile, "2c.3g.40gb"),
		0);
	f.gis[0].ci_count = 2;
	assert_int_equal(mig_reconcile_state_layout(&j->previous, &f.st), 0);
	assert_int_equal(fake_want(&j->target, "a100-80gb", "7x1g.10gb"), 0);
	j->target.gi[3].start = 5;
	snprintf(j->uuid, sizeof(j->uuid), "GPU-1234");
	j->flags = MIG_RECONCILE_FORCE;
	j->phase = "roll-forward";
}

static void test_reconcile_journal__round_trip(void **state)
{
	mig_journal j, back;

	(void)state;
	sample(&j);
	/* the state's CIs come largest first */
	assert_string_equal(j.previous.gi[0].ci[0]->name, "2c.3g.40gb");
	assert_int_equal(mig_journal__write(path, &j, NULL, 0), 0);
	assert_int_equal(mig_reconcile_journal_exists(dir, 0), 1);
	assert_int_equal(mig_reconcile_journal_exists(dir, 1), 0);
	assert_int_equal(mig_journal__read(&back, path), 0);
	assert_string_equal(back.uuid, "GPU-1234");
	assert_string_equal(back.phase, "roll-forward");
	assert_int_equal(back.flags, MIG_RECONCILE_FORCE);
	assert_int_equal(back.previous.gi_count, 2);
	assert_int_equal(back.previous.gi[0].ci_count, 2);
	assert_ptr_equal(back.previous.gi[0].ci[1], j.previous.gi[0].ci[1]);
	assert_int_equal(back.previous.gi[1].start, 4);
	assert_int_equal(back.target.gi_count, 7);
	assert_int_equal(back.target.gi[3].start, 5);
	assert_int_equal(back.target.gi[0].start, -1);
	assert_true(back.target.mig_enabled);
	assert_int_equal(mig_journal__remove(path), 0);
	assert_int_equal(mig_reconcile_journal_exists(dir, 0), 0);
	assert_int_equal(mig_journal__remove(path), 0); /* gone already: fine */
}

static void test_reconcile_journal__bad_files(void **state)
{
	mig_journal j;

	(void)state;
	assert_int_equal(mig_journal__read(&j, path), MIG_ENOTFOUND);
	write_text("{\"version\": 1, \"gpu\": 0, ");
	assert_int_equal(mig_journal__read(&j, path), MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->message, "is corrupt"));
	assert_non_null(strstr(mig_error_last()->message, path));
	write_text("{\"version\": 2}");
	assert_int_equal(mig_journal__read(&j, path), MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->message, "version"));
	write_text("{\"version\": 1, \"gpu\": 0, \"uuid\": \"x\", \"model\": \"a100-80gb\", "
		   "\"phase\": \"apply\", \"previous\": {\"mig_enabled\": true, \"gpu_instances\": "
		   "[{\"profile\": \"5g.50gb\", \"start\": 0, \"compute_instances\": []}]}, "
		   "\"target\": {\"mig_enabled\": false, \"gpu_instances\": []}}");
	assert_int_equal(mig_journal__read(&j, path), MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->message, "unknown GPU instance profile"));
	write_text("{\"version\": 1, \"gpu\": 0, \"uuid\": \"x\", \"model\": \"a100-80gb\", "
		   "\"phase\": \"dance\"}");
	assert_int_equal(mig_journal__read(&j, path), MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->message, "phase"));
	write_text("{\"version\": 1, \"gpu\": 0, \"uuid\": \"x\", \"model\": \"z80\"}");
	assert_int_equal(mig_journal__read(&j, path), MIG_EINVALID);
	unlink(path);
}

static void test_reconcile_journal__lock_times_out_naming_the_holder(void **state)
{
	mig_reconcile_lock *a = NULL, *b = NULL;
	char pid[32];

	(void)state;
	assert_int_equal(mig_reconcile_lock_acquire(&a, dir, 0, 1000), 0);
	assert_int_equal(mig_reconcile_lock_acquire(&b, dir, 0, 50), MIG_ELOCKED);
	assert_null(b);
	snprintf(pid, sizeof(pid), "pid %ld", (long)getpid());
	assert_non_null(strstr(mig_error_last()->message, pid));
	assert_non_null(strstr(mig_error_last()->message, "gave up after 50 ms"));
	assert_non_null(strstr(mig_error_last()->hint, "--lock-timeout"));
	/* another GPU has its own lock */
	assert_int_equal(mig_reconcile_lock_acquire(&b, dir, 1, 0), 0);
	mig_reconcile_lock_release(b);
	mig_reconcile_lock_release(a);
	assert_int_equal(mig_reconcile_lock_acquire(&b, dir, 0, 0), 0);
	mig_reconcile_lock_release(b);
	mig_reconcile_lock_release(NULL);
	assert_int_equal(mig_reconcile_lock_acquire(&b, "/nonexistent/folder", 0, 0), MIG_EIO);
}

static void test_reconcile_journal__timeouts_in_seconds(void **state)
{
	static const char *const bad[] = { "", "x", "-1", "+1", "1.", ".5", "0x10", "1.2345",
					   "1e3", "86401", "1.-5", NULL };
	unsigned ms = 0;
	size_t i;

	(void)state;
	assert_int_equal(mig_reconcile_parse_timeout("10", &ms), 0);
	assert_int_equal(ms, 10000);
	assert_int_equal(mig_reconcile_parse_timeout("0.5", &ms), 0);
	assert_int_equal(ms, 500);
	assert_int_equal(mig_reconcile_parse_timeout("2.25", &ms), 0);
	assert_int_equal(ms, 2250);
	assert_int_equal(mig_reconcile_parse_timeout("0", &ms), 0);
	assert_int_equal(ms, 0);
	for (i = 0; bad[i]; i++) {
		assert_int_equal(mig_reconcile_parse_timeout(bad[i], &ms), MIG_EINVALID);
		assert_non_null(strstr(mig_error_last()->message, "bad timeout"));
	}
	assert_int_equal(mig_reconcile_parse_timeout(NULL, &ms), MIG_EINVALID);
}

static void test_reconcile_journal__load_and_desired(void **state)
{
	mig_config_file *f = NULL;
	const mig_config *c = NULL;
	mig_config_desired d;
	fake_gpu g;

	(void)state;
	assert_int_equal(mig_reconcile_load(&f, &c, NULL, NULL), MIG_EINVALID);
	assert_int_equal(mig_reconcile_load(&f, &c, NULL, "all-nonsense"), MIG_ENOTFOUND);
	assert_int_equal(mig_reconcile_load(&f, &c, "/nonexistent.yaml", "x"), MIG_ENOTFOUND);
	assert_null(f);
	assert_int_equal(mig_reconcile_load(&f, &c, NULL, "all-balanced"), 0);
	assert_string_equal(c->name, "all-balanced");
	assert_int_equal(fake_init(&g, "a100-80gb", 1, ""), 0);
	g.st.pci_device_id = g.st.model->pci_ids[0].id;
	assert_int_equal(mig_reconcile_desired(&d, f, c, &g.st), 0);
	assert_non_null(d.entry);
	assert_int_equal(d.want.gi_count, 4);
	g.st.model = NULL;
	assert_int_equal(mig_reconcile_desired(&d, f, c, &g.st), MIG_ENOTSUPPORTED);
	mig_config_file_free(f);
}

static void test_reconcile_journal__nothing_to_recover_or_apply(void **state)
{
	mig_apply_options opts = MIG_APPLY_OPTIONS_INIT;
	mig_apply_result res;
	mig_config_layout w;
	mig_step_plan *p;
	fake_gpu g;

	(void)state;
	assert_int_equal(mig_reconcile_recover(NULL, 0, dir, &res), 0);
	assert_int_equal(res.outcome, MIG_APPLY_NOTHING);
	assert_string_equal(mig_apply_outcome_name(res.outcome), "nothing");
	assert_string_equal(mig_apply_outcome_name(MIG_APPLY__COUNT), "?");
	/* a corrupt journal stays, and recovery says it is needed */
	write_text("garbage");
	assert_int_equal(mig_reconcile_recover(NULL, 0, dir, &res), MIG_ERECOVER);
	assert_int_equal(res.outcome, MIG_APPLY_RECOVERY_NEEDED);
	assert_non_null(strstr(mig_error_last()->message, "cannot recover GPU 0"));
	assert_int_equal(mig_reconcile_journal_exists(dir, 0), 1);
	unlink(path);
	/* a plan without steps is done without touching anything */
	assert_int_equal(fake_init(&g, "h100-80gb", 1, "7g.80gb@0"), 0);
	assert_int_equal(fake_want(&w, "h100-80gb", "7g.80gb"), 0);
	assert_int_equal(mig_reconcile_plan(&p, &g.st, &w, 0), 0);
	assert_int_equal(mig_reconcile_apply(NULL, p, &opts, &res), 0);
	assert_int_equal(res.outcome, MIG_APPLY_DONE);
	mig_step_plan_free(p);
	/* with steps, a state folder is required */
	assert_int_equal(fake_want(&w, "h100-80gb", "3g.40gb"), 0);
	assert_int_equal(mig_reconcile_plan(&p, &g.st, &w, 0), 0);
	assert_int_equal(mig_reconcile_apply(NULL, p, &opts, &res), MIG_EINVALID);
	mig_step_plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reconcile_journal__round_trip),
		cmocka_unit_test(test_reconcile_journal__bad_files),
		cmocka_unit_test(test_reconcile_journal__lock_times_out_naming_the_holder),
		cmocka_unit_test(test_reconcile_journal__timeouts_in_seconds),
		cmocka_unit_test(test_reconcile_journal__load_and_desired),
		cmocka_unit_test(test_reconcile_journal__nothing_to_recover_or_apply),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
