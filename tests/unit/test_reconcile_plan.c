/* SPDX-License-Identifier: Apache-2.0 */
/*
 * mig_reconcile_plan on synthetic states: what it keeps, what it destroys, the order of the
 * steps, busy instances (refused, or forced), pinned placements, compute instances, and MIG
 * mode changes with the Ampere reset rule.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "migctl/reconcile.h"
#include "test_reconcile_helpers.h"

static mig_step_plan *plan_ok(const fake_gpu *f, const mig_config_layout *w, unsigned flags)
{
	mig_step_plan *p = NULL;
	int rc = mig_reconcile_plan(&p, &f->st, w, flags);

	if (rc < 0)
		fail_msg("plan failed: %s", mig_error_last()->message);
	return p;
}

static size_t count_kind(const mig_step_plan *p, mig_step_kind k)
{
	size_t i, n = 0;

	for (i = 0; i < p->step_count; i++)
		n += p->steps[i].kind == k;
	return n;
}

static int kept_id(const mig_step_plan *p, unsigned id)
{
	size_t i;

	for (i = 0; i < p->kept_count; i++)
		if (p->kept[i].gi_id == id)
			return 1;
	return 0;
}

static void test_reconcile_plan__same_layout_needs_no_step(void **state)
{
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p;

	(void)state;
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "3g.40gb@0 2g.20gb@4 1g.10gb@6"), 0);
	assert_int_equal(fake_want(&w, "a100-80gb", "1g.10gb 3g.40gb 2g.20gb"), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->step_count, 0);
	assert_int_equal(p->kept_count, 3);
	assert_false(p->reset_needed);
	assert_int_equal(mig_reconcile_matches(&f.st, &w), 1);
	mig_step_plan_free(p);
}

static void test_reconcile_plan__keeps_what_the_layout_can_keep(void **state)
{
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p;

	(void)state;
	/* balanced -> seven 1g: the two 1g stay, the 3g and the 2g go */
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "3g.40gb@4 2g.20gb@0 1g.10gb@2 1g.10gb@3"),
			 0);
	assert_int_equal(fake_want(&w, "a100-80gb", "7x1g.10gb"), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->kept_count, 2);
	assert_true(kept_id(p, 3) && kept_id(p, 4));
	assert_int_equal(p->gis_destroyed, 2);
	assert_int_equal(p->cis_destroyed, 2);
	assert_int_equal(p->gis_created, 5);
	assert_int_equal(p->cis_created, 5);
	assert_int_equal(p->target.gi_count, 7);
	assert_int_equal(mig_reconcile_matches(&f.st, &w), 0);
	mig_step_plan_free(p);
}

static void test_reconcile_plan__searches_every_subset(void **state)
{
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p;

	(void)state;
	/* 4g.40gb can only start at 0: the 1g at 0 must go, the other three stay */
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "1g.10gb@0 1g.10gb@4 1g.10gb@5 1g.10gb@6"),
			 0);
	assert_int_equal(fake_want(&w, "a100-80gb", "4g.40gb 3x1g.10gb"), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->kept_count, 3);
	assert_false(kept_id(p, 1));
	assert_int_equal(p->gis_destroyed, 1);
	assert_int_equal(p->gis_created, 1);
	assert_string_equal(p->steps[p->step_count - 2].profile_name, "4g.40gb");
	assert_int_equal(p->steps[p->step_count - 2].start, 0);
	mig_step_plan_free(p);
}

static void test_reconcile_plan__steps_in_driver_order(void **state)
{
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p;
	size_t i;

	(void)state;
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "2g.20gb@0 2g.20gb@2 2g.20gb@4"), 0);
	assert_int_equal(fake_want(&w, "a100-80gb", "1g.10gb 1g.10gb 3g.40gb@4 2g.20gb"), 0);
	p = plan_ok(&f, &w, 0);
	/* 2g@0 stays (2g@2 could too; the first wins a tie); 2g@4 is where 3g is pinned */
	assert_int_equal(p->kept_count, 1);
	assert_int_equal(p->kept[0].gi_id, 1);
	for (i = 0; i < 4; i += 2) {
		assert_int_equal(p->steps[i].kind, MIG_STEP_DESTROY_CI);
		assert_int_equal(p->steps[i + 1].kind, MIG_STEP_DESTROY_GI);
		assert_int_equal(p->steps[i].gi_id, p->steps[i + 1].gi_id);
	}
	assert_int_equal(p->steps[4].kind, MIG_STEP_CREATE_GI);
	assert_string_equal(p->steps[4].profile_name, "3g.40gb");
	assert_int_equal(p->steps[4].start, 4);
	assert_true(p->steps[4].pinned);
	assert_int_equal(p->steps[5].kind, MIG_STEP_CREATE_CI);
	assert_int_equal(p->steps[5].gi_step, 4);
	for (i = 6; i < p->step_count; i += 2) {
		assert_int_equal(p->steps[i].kind, MIG_STEP_CREATE_GI);
		assert_string_equal(p->steps[i].profile_name, "1g.10gb");
		assert_false(p->steps[i].pinned);
		assert_int_equal(p->steps[i + 1].gi_step, (int)i);
	}
	mig_step_plan_free(p);
}

static void test_reconcile_plan__pinned_start_moves_an_instance(void **state)
{
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p;

	(void)state;
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "3g.40gb@0"), 0);
	assert_int_equal(fake_want(&w, "a100-80gb", "3g.40gb@4"), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->kept_count, 0);
	assert_int_equal(p->gis_destroyed, 1);
	assert_int_equal(p->steps[p->step_count - 2].start, 4);
	mig_step_plan_free(p);
	/* unpinned, the same GI stays where it is */
	assert_int_equal(fake_want(&w, "a100-80gb", "3g.40gb"), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->step_count, 0);
	mig_step_plan_free(p);
}

static void test_reconcile_plan__pinned_and_free_of_one_profile(void **state)
{
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p;

	(void)state;
	/* the GI at 0 must stand for the pinned one, the GI at 1 for the free one */
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "1g.10gb@1 1g.10gb@0"), 0);
	assert_int_equal(fake_want(&w, "a100-80gb", "1g.10gb 1g.10gb@0"), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->step_count, 0);
	assert_int_equal(p->kept_count, 2);
	mig_step_plan_free(p);
}

static void test_reconcile_plan__busy_instance_refused(void **state)
{
	size_t i;
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p = NULL;

	(void)state;
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "3g.40gb@0 2g.20gb@4"), 0);
	fake_busy(&f, 1, 4242);
	assert_int_equal(fake_want(&w, "a100-80gb", "7x1g.10gb"), 0);
	assert_int_equal(mig_reconcile_plan(&p, &f.st, &w, 0), MIG_EINUSE);
	assert_null(p);
	assert_non_null(strstr(mig_error_last()->message, "GI 2 (2g.20gb at 4) runs pid 4242"));
	assert_null(strstr(mig_error_last()->message, "GI 1"));
	assert_non_null(strstr(mig_error_last()->hint, "--force"));
	/* forced: the busy GI goes, and the step says it was in use */
	p = plan_ok(&f, &w, MIG_RECONCILE_FORCE);
	assert_int_equal(p->gis_destroyed, 2);
	for (i = 0; i < p->step_count; i++)
		if (p->steps[i].kind == MIG_STEP_DESTROY_GI)
			assert_int_equal(p->steps[i].processes, p->steps[i].gi_id == 2);
	mig_step_plan_free(p);
}

static void test_reconcile_plan__busy_instance_kept_when_possible(void **state)
{
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p;

	(void)state;
	/* either 3g can stay next to three 1g: idle, the first; busy, the busy one */
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "3g.40gb@0 3g.40gb@4"), 0);
	assert_int_equal(fake_want(&w, "a100-80gb", "3g.40gb 3x1g.10gb"), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->kept_count, 1);
	assert_int_equal(p->kept[0].gi_id, 1);
	mig_step_plan_free(p);
	fake_busy(&f, 1, 77);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->kept[0].gi_id, 2);
	assert_int_equal(p->kept[0].processes, 1);
	mig_step_plan_free(p);
	p = plan_ok(&f, &w, MIG_RECONCILE_FORCE);
	assert_int_equal(p->kept[0].gi_id, 2);
	mig_step_plan_free(p);
}

static void test_reconcile_plan__compute_instances_must_match(void **state)
{
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p;
	const mig_gi_profile *g3 = NULL;

	(void)state;
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "3g.40gb@0"), 0);
	g3 = f.gis[0].profile;
	assert_int_equal(mig_catalog_find_ci_profile(&f.cis[0][0].profile, g3, "1c.3g.40gb"), 0);
	f.cis[0][1] = f.cis[0][0];
	f.cis[0][1].id = 1;
	f.gis[0].ci_count = 2;
	assert_int_equal(fake_want(&w, "a100-80gb", "3g.40gb"), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->kept_count, 0);
	assert_int_equal(count_kind(p, MIG_STEP_DESTROY_CI), 2);
	mig_step_plan_free(p);
	/* the same two CIs asked for: kept */
	w.gi[0].ci[0] = w.gi[0].ci[1] = f.cis[0][0].profile;
	w.gi[0].ci_count = 2;
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->step_count, 0);
	mig_step_plan_free(p);
}

static void test_reconcile_plan__disable_mig(void **state)
{
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p;

	(void)state;
	memset(&w, 0, sizeof(w));
	w.gpu = mig_catalog_by_key("a100-80gb");
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "4g.40gb@0 3g.40gb@4"), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->gis_destroyed, 2);
	assert_int_equal(p->steps[p->step_count - 1].kind, MIG_STEP_MODE);
	assert_false(p->steps[p->step_count - 1].enable);
	assert_true(p->reset_needed); /* Ampere */
	mig_step_plan_free(p);
	fake_busy(&f, 0, 9);
	assert_int_equal(mig_reconcile_plan(&p, &f.st, &w, 0), MIG_EINUSE);
	assert_non_null(strstr(mig_error_last()->message, "disabled"));
	w.gpu = mig_catalog_by_key("h100-80gb");
	assert_int_equal(fake_init(&f, "h100-80gb", 1, "7g.80gb@0"), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->step_count, 3);
	assert_false(p->reset_needed); /* Hopper switches at once */
	mig_step_plan_free(p);
	/* already off: nothing */
	assert_int_equal(fake_init(&f, "h100-80gb", 0, ""), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->step_count, 0);
	mig_step_plan_free(p);
}

static void test_reconcile_plan__enable_mig_and_the_reset_rule(void **state)
{
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p;

	(void)state;
	assert_int_equal(fake_init(&f, "a100-80gb", 0, ""), 0);
	assert_int_equal(fake_want(&w, "a100-80gb", "3g.40gb 3g.40gb"), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->step_count, 1);
	assert_int_equal(p->steps[0].kind, MIG_STEP_MODE);
	assert_true(p->steps[0].enable);
	assert_true(p->reset_needed);
	assert_int_equal(p->target.gi_count, 2);
	mig_step_plan_free(p);
	/* the mode is pending: nothing to do but the reset */
	f.st.mig_pending = 1;
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->step_count, 0);
	assert_true(p->reset_needed);
	assert_int_equal(mig_reconcile_matches(&f.st, &w), 0);
	mig_step_plan_free(p);
	/* Hopper: mode, then the instances */
	assert_int_equal(fake_init(&f, "h100-80gb", 0, ""), 0);
	assert_int_equal(fake_want(&w, "h100-80gb", "3g.40gb 3g.40gb"), 0);
	p = plan_ok(&f, &w, 0);
	assert_int_equal(p->steps[0].kind, MIG_STEP_MODE);
	assert_int_equal(count_kind(p, MIG_STEP_CREATE_GI), 2);
	assert_false(p->reset_needed);
	mig_step_plan_free(p);
}

static void test_reconcile_plan__bad_input(void **state)
{
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p = NULL;

	(void)state;
	assert_int_equal(fake_init(&f, "a100-80gb", 1, ""), 0);
	assert_int_equal(fake_want(&w, "h100-80gb", "3g.40gb"), 0);
	assert_int_equal(mig_reconcile_plan(&p, &f.st, &w, 0), MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->message, "h100-sxm5-80gb"));
	f.st.model = NULL;
	assert_int_equal(mig_reconcile_plan(&p, &f.st, &w, 0), MIG_ENOTSUPPORTED);
	assert_int_equal(mig_reconcile_plan(&p, NULL, &w, 0), MIG_EINVALID);
	assert_null(p);
	/* a GI whose profile migctl does not know cannot be planned around */
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "3g.40gb@0"), 0);
	assert_int_equal(fake_want(&w, "a100-80gb", "3g.40gb"), 0);
	f.gis[0].profile = NULL;
	assert_int_equal(mig_reconcile_plan(&p, &f.st, &w, 0), MIG_ENOTSUPPORTED);
	assert_null(p);
	mig_step_plan_free(NULL);
}

static void test_reconcile_plan__describe_and_json(void **state)
{
	fake_gpu f;
	mig_config_layout w;
	mig_step_plan *p;
	char buf[160], *json = NULL;

	(void)state;
	assert_int_equal(fake_init(&f, "a100-80gb", 1, "3g.40gb@0 2g.20gb@4"), 0);
	assert_int_equal(fake_want(&w, "a100-80gb", "3g.40gb 3g.40gb@4"), 0);
	p = plan_ok(&f, &w, 0);
	mig_step_describe(buf, sizeof(buf), &p->steps[0]);
	assert_string_equal(buf, "destroy CI 0 (2g.20gb) of GI 2");
	mig_step_describe(buf, sizeof(buf), &p->steps[1]);
	assert_string_equal(buf, "destroy GI 2 (2g.20gb at 4)");
	mig_step_describe(buf, sizeof(buf), &p->steps[2]);
	assert_string_equal(buf, "create 3g.40gb at 4");
	mig_step_describe(buf, sizeof(buf), &p->steps[3]);
	assert_string_equal(buf, "create CI 3g.40gb in the 3g.40gb at 4");
	assert_int_equal(mig_step_describe(buf, 4, &p->steps[1]),
			 strlen("destroy GI 2 (2g.20gb at 4)"));
	assert_string_equal(buf, "des");
	assert_string_equal(mig_step_kind_name(MIG_STEP_CREATE_CI), "create-ci");
	assert_string_equal(mig_step_kind_name(MIG_STEP__COUNT), "?");
	assert_int_equal(mig_step_plan_to_json(&json, p), 0);
	assert_non_null(strstr(json, "\"op\": \"destroy-gi\""));
	assert_non_null(strstr(json, "\"model\": \"a100-80gb\""));
	free(json);
	mig_step_plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reconcile_plan__same_layout_needs_no_step),
		cmocka_unit_test(test_reconcile_plan__keeps_what_the_layout_can_keep),
		cmocka_unit_test(test_reconcile_plan__searches_every_subset),
		cmocka_unit_test(test_reconcile_plan__steps_in_driver_order),
		cmocka_unit_test(test_reconcile_plan__pinned_start_moves_an_instance),
		cmocka_unit_test(test_reconcile_plan__pinned_and_free_of_one_profile),
		cmocka_unit_test(test_reconcile_plan__busy_instance_refused),
		cmocka_unit_test(test_reconcile_plan__busy_instance_kept_when_possible),
		cmocka_unit_test(test_reconcile_plan__compute_instances_must_match),
		cmocka_unit_test(test_reconcile_plan__disable_mig),
		cmocka_unit_test(test_reconcile_plan__enable_mig_and_the_reset_rule),
		cmocka_unit_test(test_reconcile_plan__bad_input),
		cmocka_unit_test(test_reconcile_plan__describe_and_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
