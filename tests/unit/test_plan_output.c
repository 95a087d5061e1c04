/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The plan's three renderings: the JSON (every GPU with placements, every workload's replicas,
 * the bounds and baselines), the layout file that `migctl apply` reads (parsed back with the
 * config module and resolved for each planned GPU: the same GIs at the same starts), and the
 * report.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <jansson.h>

#include "migctl/config.h"
#include "test_plan_helpers.h"

static void test_plan_output__json(void **state)
{
	mig_plan_input *in = load_fixture("mixed-fleet.yaml");
	mig_plan *p = plan_with(in, NULL);
	json_error_t err;
	json_t *o, *gpus, *works, *g0, *inst, *w;
	char *text = NULL;
	size_t i, replicas = 0;

	assert_ok(mig_plan_to_json(&text, p));
	o = json_loads(text, 0, &err);
	if (!o)
		fail_msg("bad JSON: %s", err.text);
	assert_true(json_is_true(json_object_get(json_object_get(o, "summary"), "optimal")));
	assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "summary"), "gpus")),
			 p->stats.gpus);
	assert_near(json_real_value(json_object_get(json_object_get(o, "summary"), "gap")), 0, 0);
	assert_true(json_is_number(json_object_get(json_object_get(o, "summary"), "lp_bound")));
	gpus = json_object_get(o, "gpus");
	works = json_object_get(o, "workloads");
	assert_int_equal(json_array_size(gpus), p->gpu_count);
	assert_int_equal(json_array_size(works), 6);
	assert_int_equal(json_array_size(json_object_get(o, "baselines")), 3);
	assert_int_equal(json_array_size(json_object_get(o, "fleet")), 2);
	g0 = json_array_get(gpus, 0);
	assert_string_equal(json_string_value(json_object_get(g0, "node")), "dgx-a100-0");
	assert_true(json_is_true(json_object_get(g0, "mig_enabled")));
	inst = json_array_get(json_object_get(g0, "instances"), 0);
	assert_true(json_is_string(json_object_get(inst, "profile")));
	assert_true(json_is_integer(json_object_get(inst, "start")));
	assert_true(json_is_array(json_object_get(inst, "workloads")));
	for (i = 0; i < json_array_size(works); i++) {
		w = json_array_get(works, i);
		assert_true(json_is_string(json_object_get(w, "serving")));
		assert_true(json_is_object(json_object_get(w, "need")));
		replicas += json_array_size(json_object_get(w, "replicas"));
	}
	/* chat-8b 2 + embed 1 + rerank 1 + code-13b 1 + vision 3 + summarizer 1 */
	assert_int_equal(replicas, 9);
	w = json_array_get(works, 0);
	assert_string_equal(json_string_value(json_object_get(w, "name")), "chat-8b");
	assert_near(json_real_value(json_object_get(w, "throughput_target")), 120, 0);
	json_decref(o);
	free(text);
	mig_plan_free(p);
	mig_plan_input_free(in);
	(void)state;
}

/* Every planned GPU gets, from its node's config, exactly its planned GIs and starts. */
static void check_layouts(const mig_plan *p, const mig_config_file *f)
{
	size_t g, i;

	for (g = 0; g < p->gpu_count; g++) {
		const mig_plan_gpu *pg = &p->gpus[g];
		mig_config_target t = MIG_CONFIG_TARGET_INIT;
		mig_config_desired d;
		const mig_config *c;
		char name[96];

		snprintf(name, sizeof(name), "%s-%u", p->input->fleet[pg->fleet_index].name,
			 pg->node);
		c = mig_config_find(f, name);
		if (!c)
			fail_msg("no config '%s'", name);
		t.gpu = p->input->fleet[pg->fleet_index].gpu;
		t.index = (int)pg->device;
		assert_ok(mig_config_resolve(&d, f, c, &t));
		assert_non_null(d.entry);
		assert_int_equal(d.want.mig_enabled, pg->mig_enabled);
		assert_int_equal(d.placed.count, pg->layout.count);
		for (i = 0; i < pg->layout.count; i++) {
			assert_ptr_equal(d.placed.gi[i].profile, pg->layout.gi[i].profile);
			assert_int_equal(d.placed.gi[i].start, pg->layout.gi[i].start);
		}
	}
}

static void test_plan_output__layout_file_for_apply(void **state)
{
	static const char *const files[] = {"mixed-fleet.yaml", "guide-70b.yaml",
					    "guide-devtest.yaml", "guide-small-models.yaml"};
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		mig_plan_input *in = load_fixture(files[i]);
		mig_plan *p = plan_with(in, NULL);
		mig_config_file *f = NULL;
		char *text = NULL;

		assert_ok(mig_plan_to_layouts(&text, p));
		if (mig_config_parse(&f, text, strlen(text), "plan-layouts.yaml") != 0)
			fail_msg("%s: %s\n%s", files[i], mig_error_last()->message, text);
		check_layouts(p, f);
		mig_config_file_free(f);
		free(text);
		mig_plan_free(p);
		mig_plan_input_free(in);
	}
	(void)state;
}

static void test_plan_output__layout_file_groups_devices(void **state)
{
	mig_plan_input *in = parse("fleet: [{gpu: a100-80gb, name: node, gpus_per_node: 2}]\n"
				   "workloads:\n"
				   "  - {name: a, memory: 5GiB, replicas: 14}\n");
	mig_plan *p = plan_with(in, NULL);
	char *text = NULL;

	assert_int_equal(p->stats.gpus, 2);
	assert_ok(mig_plan_to_layouts(&text, p));
	/* two GPUs of one node with the same layout share one entry */
	assert_non_null(strstr(text, "  node-0:\n    - device-filter: ["));
	assert_non_null(strstr(text, "      devices: [0, 1]\n      mig-enabled: true\n"));
	assert_non_null(strstr(text, "        \"1g.10gb@0\": 1\n"));
	assert_null(strstr(text, "node-1"));
	free(text);
	mig_plan_free(p);
	mig_plan_input_free(in);
	(void)state;
}

static void test_plan_output__report(void **state)
{
	mig_plan_input *in = load_fixture("mixed-fleet.yaml");
	mig_plan *p = plan_with(in, NULL);
	char *text = NULL;

	assert_ok(mig_plan_report(&text, p));
	assert_non_null(strstr(text, "plan for "));
	assert_non_null(strstr(text, "6 workloads on"));
	assert_non_null(strstr(text, "solver cbc: optimal, gap 0.00%"));
	assert_non_null(strstr(text, "\nagainst the alternatives\n"));
	assert_non_null(strstr(text, "first-fit-decreasing MIG"));
	assert_non_null(strstr(text, "best uniform layout"));
	assert_non_null(strstr(text, "\nGPUs\n"));
	assert_non_null(strstr(text, "\nworkloads\n"));
	assert_non_null(strstr(text, "120 (+"));
	assert_non_null(strstr(text, "\nmemory each replica needs\n"));
	assert_non_null(strstr(text, "vision: memory given, 30.0 GiB"));
	assert_non_null(strstr(text, "\nwhy no plan is cheaper\n"));
	assert_non_null(strstr(text, "(MPS)"));
	free(text);
	mig_plan_free(p);
	mig_plan_input_free(in);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_output__json),
		cmocka_unit_test(test_plan_output__layout_file_for_apply),
		cmocka_unit_test(test_plan_output__layout_file_groups_devices),
		cmocka_unit_test(test_plan_output__report),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
