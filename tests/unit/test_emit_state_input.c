/* SPDX-License-Identifier: Apache-2.0 */
/* GPU states as emit input, and a plan's UUIDs read from states (src/emit/emit_state_input.c). */
#include "test_emit_helpers.h"

#include "migctl/catalog.h"

/* Up to 8 GIs of one CI each (the CI given, or the GI's full one). */
struct fake_gpu {
	mig_gpu_state st;
	mig_gi_state gis[8];
	mig_ci_state cis[8][2];
};

static const mig_gi_profile *profile(const char *name)
{
	const mig_gi_profile *p = NULL;

	assert_int_equal(mig_catalog_find_profile(&p, mig_catalog_by_key("a100-80gb"), name), 0);
	return p;
}

static void fake_init(struct fake_gpu *g, unsigned index, int mig)
{
	memset(g, 0, sizeof(*g));
	g->st.index = index;
	g->st.model = mig_catalog_by_key("a100-80gb");
	snprintf(g->st.name, sizeof(g->st.name), "%s", g->st.model->nvml_name);
	snprintf(g->st.uuid, sizeof(g->st.uuid), "GPU-%u", index);
	g->st.mig_current = mig;
	g->st.gis = g->gis;
}

static void fake_gi(struct fake_gpu *g, unsigned id, const char *name, unsigned start)
{
	mig_gi_state *gi = &g->gis[g->st.gi_count++];
	mig_ci_state *ci = g->cis[g->st.gi_count - 1];

	gi->id = id;
	gi->profile = profile(name);
	gi->start = start;
	gi->ci_count = 1;
	gi->cis = ci;
	ci->profile = mig_catalog_default_ci(gi->profile);
	snprintf(ci->uuid, sizeof(ci->uuid), "MIG-%u-%u", g->st.index, id);
}

static void test_emit_state__one_service_per_device(void **state)
{
	struct fake_gpu g0, g1;
	const mig_gpu_state *states[2] = {&g0.st, &g1.st};
	mig_emit_input *in = NULL;
	const mig_emit_service *s;

	(void)state;
	fake_init(&g0, 0, 1);
	fake_gi(&g0, 2, "3g.40gb", 4);
	fake_gi(&g0, 1, "2g.20gb", 0);
	/* GI 1 holds two 1c.2g.20gb compute instances: two MIG devices */
	assert_int_equal(
		mig_catalog_find_ci_profile(&g0.cis[1][0].profile, g0.gis[1].profile, "1c.2g.20gb"),
		0);
	g0.cis[1][1] = g0.cis[1][0];
	g0.cis[1][1].id = 1;
	snprintf(g0.cis[1][1].uuid, sizeof(g0.cis[1][1].uuid), "MIG-0-1b");
	g0.gis[1].ci_count = 2;
	fake_init(&g1, 1, 0);
	assert_int_equal(mig_emit_input_from_state(&in, "box", states, 2), 0);
	assert_true(in->from_state);
	assert_string_equal(in->source, "state of box");
	assert_int_equal(in->node_count, 1);
	assert_int_equal(in->nodes[0].gpu_count, 2);
	assert_string_equal(in->nodes[0].gpus[1].uuid, "GPU-1");
	assert_false(in->nodes[0].gpus[1].layout.mig_enabled);
	assert_int_equal(in->nodes[0].gpus[0].layout.gi[1].ci_count, 2);
	assert_int_equal(in->service_count, 3);
	s = &in->services[0];
	assert_string_equal(s->name, "gpu0-gi2-ci0");
	assert_null(s->ci);
	assert_string_equal(s->replicas[0].uuid, "MIG-0-2");
	assert_int_equal(s->replicas[0].start, 4);
	s = &in->services[2];
	assert_string_equal(s->name, "gpu0-gi1-ci1");
	assert_string_equal(s->ci->name, "1c.2g.20gb");
	assert_string_equal(s->replicas[0].uuid, "MIG-0-1b");
	mig_emit_input_free(in);
}

static void test_emit_state__k8s_names_ci_devices(void **state)
{
	struct fake_gpu g0;
	const mig_gpu_state *states[1] = {&g0.st};
	mig_emit_input *in = NULL;
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	struct test_yaml y;
	char *text;

	(void)state;
	fake_init(&g0, 0, 1);
	fake_gi(&g0, 1, "2g.20gb", 0);
	assert_int_equal(
		mig_catalog_find_ci_profile(&g0.cis[0][0].profile, g0.gis[0].profile, "1c.2g.20gb"),
		0);
	assert_int_equal(mig_emit_input_from_state(&in, "box", states, 1), 0);
	text = test_emit_text(in, "k8s", NULL);
	test_yaml_load(&y, text);
	assert_non_null(test_yaml_get(&y.docs[2], "spec", "template", "spec", "containers", "0",
				      "resources", "limits", "nvidia.com/mig-1c.2g.20gb", NULL));
	test_yaml_free(&y);
	free(text);
	/* a GI split into compute instances is not uniform for the single strategy */
	o.strategy = MIG_EMIT_STRATEGY_SINGLE;
	test_emit_fails(in, "k8s", &o, "single strategy");
	mig_emit_input_free(in);
}

static void test_emit_state__rejects_unknown(void **state)
{
	struct fake_gpu g0;
	const mig_gpu_state *states[1] = {&g0.st};
	mig_emit_input *in = NULL;

	(void)state;
	fake_init(&g0, 0, 1);
	assert_int_equal(mig_emit_input_from_state(&in, "", states, 1), MIG_EINVALID);
	g0.st.model = NULL;
	assert_int_equal(mig_emit_input_from_state(&in, "box", states, 1), MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->message, "not in migctl's catalog"));
	fake_init(&g0, 0, 1);
	fake_gi(&g0, 1, "1g.10gb", 0);
	g0.gis[0].profile = NULL;
	assert_int_equal(mig_emit_input_from_state(&in, "box", states, 1), MIG_EINVALID);
	assert_null(in);
}

/* node-a of the test plan, as migctl apply makes it */
static void node_a(struct fake_gpu *g0, struct fake_gpu *g1)
{
	unsigned i;

	fake_init(g0, 0, 1);
	fake_gi(g0, 1, "4g.40gb", 0);
	fake_gi(g0, 2, "3g.40gb", 4);
	fake_init(g1, 1, 1);
	for (i = 0; i < 7; i++)
		fake_gi(g1, 7 - i, "1g.10gb", i);
}

static void test_emit_state__resolve_plan_uuids(void **state)
{
	struct fake_gpu g0, g1;
	const mig_gpu_state *states[2] = {&g0.st, &g1.st};
	mig_emit_input *in = test_emit_input();

	(void)state;
	node_a(&g0, &g1);
	assert_int_equal(mig_emit_input_resolve(in, "node-a", states, 2), 0);
	assert_string_equal(in->services[0].replicas[0].uuid, "MIG-0-2");
	/* bert's replicas at 1 and 2 on GPU 1: GIs 6 and 5 */
	assert_string_equal(in->services[1].replicas[0].uuid, "MIG-1-6");
	assert_string_equal(in->services[1].replicas[1].uuid, "MIG-1-5");
	assert_string_equal(in->services[2].replicas[0].uuid, in->services[3].replicas[0].uuid);
	assert_null(in->services[4].replicas[0].uuid);
	mig_emit_input_free(in);
}

static void test_emit_state__resolve_errors(void **state)
{
	struct fake_gpu g0, g1;
	const mig_gpu_state *states[2] = {&g0.st, &g1.st};
	mig_emit_input *in = test_emit_input();

	(void)state;
	node_a(&g0, &g1);
	assert_int_equal(mig_emit_input_resolve(in, NULL, states, 2), MIG_EINVALID);
	assert_int_equal(mig_emit_input_resolve(in, "node-z", states, 2), MIG_ENOTFOUND);
	assert_int_equal(mig_emit_input_resolve(in, "node-a", states, 1), MIG_ENOTFOUND);
	assert_non_null(strstr(mig_error_last()->message, "GPU 1 not found on this machine"));
	g0.gis[1].start = 0; /* the 3g.40gb is not where the plan put it */
	assert_int_equal(mig_emit_input_resolve(in, "node-a", states, 2), MIG_ENOTFOUND);
	assert_non_null(strstr(mig_error_last()->message,
			       "node node-a: GPU 0 holds no 3g.40gb at 4 (for llama)"));
	assert_non_null(strstr(mig_error_last()->hint, "migctl apply -f LAYOUTS -c node-a"));
	mig_emit_input_free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emit_state__one_service_per_device),
		cmocka_unit_test(test_emit_state__k8s_names_ci_devices),
		cmocka_unit_test(test_emit_state__rejects_unknown),
		cmocka_unit_test(test_emit_state__resolve_plan_uuids),
		cmocka_unit_test(test_emit_state__resolve_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
