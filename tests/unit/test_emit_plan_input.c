/* SPDX-License-Identifier: Apache-2.0 */
/* Reading the planner's JSON into emit input (src/emit/emit_plan_input.c). */
#include "test_emit_helpers.h"

#include "migctl/catalog.h"

static int parse(mig_emit_input **in, const char *json)
{
	*in = NULL;
	return mig_emit_input_parse_plan(in, json, strlen(json), "p.json");
}

/* Parse must fail with MIG_EINVALID and a message holding want. */
static void rejects(const char *json, const char *want)
{
	mig_emit_input *in;
	int rc = parse(&in, json);

	assert_int_equal(rc, MIG_EINVALID);
	assert_null(in);
	if (!strstr(mig_error_last()->message, want))
		fail_msg("message '%s' lacks '%s'", mig_error_last()->message, want);
}

static void test_emit_plan__nodes_and_layouts(void **state)
{
	mig_emit_input *in = test_emit_input();
	const mig_emit_node *a, *b;

	(void)state;
	assert_string_equal(in->source, "t.json");
	assert_int_equal(in->from_state, 0);
	assert_int_equal(in->node_count, 2);
	a = &in->nodes[0], b = &in->nodes[1];
	assert_string_equal(a->name, "node-a");
	assert_ptr_equal(a->gpu, mig_catalog_by_key("a100-80gb"));
	assert_int_equal(a->gpu_count, 2);
	assert_int_equal(a->gpus[1].index, 1);
	assert_true(a->gpus[0].layout.mig_enabled);
	assert_int_equal(a->gpus[0].layout.gi_count, 2);
	assert_string_equal(a->gpus[0].layout.gi[1].profile->name, "3g.40gb");
	assert_int_equal(a->gpus[0].layout.gi[1].start, 4);
	assert_int_equal(a->gpus[0].layout.gi[1].ci_count, 1);
	assert_ptr_equal(a->gpus[0].layout.gi[1].ci[0],
			 mig_catalog_default_ci(a->gpus[0].layout.gi[1].profile));
	assert_int_equal(a->gpus[1].layout.gi_count, 7);
	assert_string_equal(b->name, "node-b");
	assert_int_equal(b->gpu_count, 2);
	assert_false(b->gpus[0].layout.mig_enabled);
	assert_int_equal(b->gpus[0].layout.gi_count, 0);
	mig_emit_input_free(in);
}

static void test_emit_plan__services_and_replicas(void **state)
{
	mig_emit_input *in = test_emit_input();
	const mig_emit_service *s;

	(void)state;
	assert_int_equal(in->service_count, 5);
	s = &in->services[1];
	assert_string_equal(s->name, "bert");
	assert_int_equal(s->serving, MIG_EMIT_SERVE_MIG);
	assert_string_equal(s->profile->name, "1g.10gb");
	assert_null(s->ci);
	assert_int_equal(s->replica_count, 2);
	assert_int_equal(s->replicas[1].node, 0);
	assert_int_equal(s->replicas[1].gpu, 1);
	assert_int_equal(s->replicas[1].start, 2);
	assert_int_equal(s->replicas[1].gpu_count, 1);
	assert_null(s->replicas[1].uuid);
	assert_int_equal(in->services[2].serving, MIG_EMIT_SERVE_MPS);
	s = &in->services[4];
	assert_string_equal(s->name, "big-model");
	assert_string_equal(s->workload, "Big Model");
	assert_int_equal(s->serving, MIG_EMIT_SERVE_FULL_GPU);
	assert_null(s->profile);
	assert_int_equal(s->replicas[0].node, 1);
	assert_int_equal(s->replicas[0].gpu, 0);
	assert_int_equal(s->replicas[0].gpu_count, 2);
	assert_int_equal(s->replicas[0].start, -1);
	mig_emit_input_free(in);
}

static void test_emit_plan__rejects_bad_json(void **state)
{
	(void)state;
	rejects("{\"gpus\": [", "p.json:1:");
	rejects("[]", "not a migctl plan");
	rejects("{\"gpus\": []}", "not a migctl plan");
	rejects("{\"gpus\": [{\"id\": 0}], \"workloads\": []}", "gpus[0]: 'gpu' must be a string");
}

#define GPU0(layout)                                                                               \
	"{\"gpus\": [{\"id\": 0, \"gpu\": \"a100-80gb\", \"node\": \"n\", \"device\": 0,"          \
	" \"mig_enabled\": true, \"instances\": [" layout "]}], \"workloads\": "

static void test_emit_plan__rejects_bad_gpus(void **state)
{
	(void)state;
	rejects("{\"gpus\": [{\"id\": 0, \"gpu\": \"z100\", \"node\": \"n\", \"device\": 0,"
		" \"mig_enabled\": true, \"instances\": []}], \"workloads\": []}",
		"gpus[0]: unknown GPU 'z100'");
	rejects(GPU0("{\"profile\": \"5g.40gb\", \"start\": 0}") "[]}",
		"gpus[0].instances[0]: unknown profile '5g.40gb'");
	/* a 3g.40gb may start at 0 or 4 only: the geometry rules reject 2 */
	rejects(GPU0("{\"profile\": \"3g.40gb\", \"start\": 2}") "[]}", "p.json: gpus[0]");
	rejects(GPU0("{\"profile\": \"3g.40gb\", \"start\": -1}") "[]}",
		"'start' must be a whole number");
	rejects("{\"gpus\": [{\"id\": 0, \"gpu\": \"a100-80gb\", \"node\": \"n\", \"device\": 0,"
		" \"mig_enabled\": false}, {\"id\": 1, \"gpu\": \"a100-80gb\", \"node\": \"n\","
		" \"device\": 0, \"mig_enabled\": false}], \"workloads\": []}",
		"node 'n' has device 0 twice");
}

static void test_emit_plan__rejects_bad_replicas(void **state)
{
	(void)state;
	rejects(GPU0("{\"profile\": \"3g.40gb\", \"start\": 4}") "[{\"name\": \"w\", \"serving\": "
								 "\"mig\", \"gpu\": \"a100-80gb\","
								 " \"profile\": \"3g.40gb\", "
								 "\"replicas\": [{\"gpu\": 0, "
								 "\"start\": 0}]}]}",
		"workloads[0].replicas[0]: GPU 0 has no 3g.40gb at 0");
	rejects(GPU0("{\"profile\": \"3g.40gb\", \"start\": 4}") "[{\"name\": \"w\", \"serving\": "
								 "\"mig\", \"gpu\": \"a100-80gb\","
								 " \"profile\": \"3g.40gb\", "
								 "\"replicas\": [{\"gpu\": 7, "
								 "\"start\": 4}]}]}",
		"the plan has no a100-80gb GPU 7");
	rejects(GPU0("{\"profile\": \"3g.40gb\", \"start\": 4}") "[{\"name\": \"w\", \"serving\": "
								 "\"fast\", \"gpu\": \"a100-80gb\","
								 " \"profile\": \"3g.40gb\", "
								 "\"replicas\": [{\"gpu\": 0, "
								 "\"start\": 4}]}]}",
		"'serving' must be mig, mps or full-gpu");
	rejects(GPU0("{\"profile\": \"3g.40gb\", \"start\": 4}") "[{\"name\": \"w\", \"serving\": "
								 "\"full-gpu\", \"gpu\": "
								 "\"a100-80gb\","
								 " \"profile\": null, "
								 "\"replicas\": [{\"gpu\": 0, "
								 "\"gpus\": 1}]}]}",
		"GPU 0 is not a whole GPU");
	rejects(GPU0("{\"profile\": \"3g.40gb\", \"start\": 4}") "[{\"name\": \"w\", \"serving\": "
								 "\"mig\", \"gpu\": \"a100-80gb\","
								 " \"profile\": \"3g.40gb\", "
								 "\"replicas\": []}]}",
		"'replicas' must be a list of at least one replica");
}

static void test_emit_plan__rejects_bad_names(void **state)
{
	(void)state;
	rejects(GPU0("{\"profile\": \"3g.40gb\", \"start\": 4}, {\"profile\": \"3g.40gb\","
		     " \"start\": 0}") "[{\"name\": \"My Model\", \"serving\": \"mig\", \"gpu\": "
				       "\"a100-80gb\","
				       " \"profile\": \"3g.40gb\", \"replicas\": [{\"gpu\": 0, "
				       "\"start\": 4}]},"
				       "{\"name\": \"my_model\", \"serving\": \"mig\", \"gpu\": "
				       "\"a100-80gb\","
				       " \"profile\": \"3g.40gb\", \"replicas\": [{\"gpu\": 0, "
				       "\"start\": 0}]}]}",
		"workloads 'My Model' and 'my_model' both give the name 'my-model'");
	rejects(GPU0("{\"profile\": \"3g.40gb\", \"start\": 4}") "[{\"name\": \"!!\", \"serving\": "
								 "\"mig\", \"gpu\": \"a100-80gb\","
								 " \"profile\": \"3g.40gb\", "
								 "\"replicas\": [{\"gpu\": 0, "
								 "\"start\": 4}]}]}",
		"workload '!!' gives no usable name");
	rejects(GPU0("{\"profile\": \"3g.40gb\", \"start\": 4}") "[{\"name\": \"layout\", "
								 "\"serving\": \"mig\", \"gpu\": "
								 "\"a100-80gb\","
								 " \"profile\": \"3g.40gb\", "
								 "\"replicas\": [{\"gpu\": 0, "
								 "\"start\": 4}]}]}",
		"the name 'layout' is kept for migctl's own units");
}

static void test_emit_plan__load_missing_file(void **state)
{
	mig_emit_input *in = NULL;

	(void)state;
	assert_int_equal(mig_emit_input_load_plan(&in, "/nonexistent/plan.json"), MIG_ENOTFOUND);
	assert_null(in);
	assert_non_null(strstr(mig_error_last()->message, "/nonexistent/plan.json"));
}

static void test_emit_plan__serving_and_strategy_names(void **state)
{
	mig_emit_strategy s;

	(void)state;
	assert_string_equal(mig_emit_serving_name(MIG_EMIT_SERVE_FULL_GPU), "full-gpu");
	assert_int_equal(mig_emit_strategy_parse(&s, "Single"), 0);
	assert_int_equal(s, MIG_EMIT_STRATEGY_SINGLE);
	assert_string_equal(mig_emit_strategy_name(s), "single");
	assert_int_equal(mig_emit_strategy_parse(&s, "both"), MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->message, "'both'"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emit_plan__nodes_and_layouts),
		cmocka_unit_test(test_emit_plan__services_and_replicas),
		cmocka_unit_test(test_emit_plan__rejects_bad_json),
		cmocka_unit_test(test_emit_plan__rejects_bad_gpus),
		cmocka_unit_test(test_emit_plan__rejects_bad_replicas),
		cmocka_unit_test(test_emit_plan__rejects_bad_names),
		cmocka_unit_test(test_emit_plan__load_missing_file),
		cmocka_unit_test(test_emit_plan__serving_and_strategy_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
