/* SPDX-License-Identifier: Apache-2.0 */
/* Target "k8s" (src/emit/emit_k8s.c): objects read back with libyaml, the ConfigMap's layouts
 * read back with the layout-file parser and resolved against the plan. */
#include "test_emit_helpers.h"

#include "migctl/catalog.h"
#include "migctl/config.h"

#define LIMITS(d, res)                                                                             \
	test_yaml_get(d, "spec", "template", "spec", "containers", "0", "resources", "limits",     \
		      res, NULL)

static void test_emit_k8s__objects_in_order(void **state)
{
	mig_emit_input *in = test_emit_input();
	struct test_yaml y;
	char *text = test_emit_text(in, "k8s", NULL);
	static const char *const kinds[] = {"ConfigMap",  "Node",	"Node",	      "Deployment",
					    "Deployment", "Deployment", "Deployment", "Deployment"};
	size_t i;

	(void)state;
	test_yaml_load(&y, text);
	assert_int_equal(y.count, 8);
	for (i = 0; i < 8; i++)
		assert_string_equal(test_yaml_str(&y.docs[i], "kind"), kinds[i]);
	assert_string_equal(test_yaml_str(&y.docs[0], "metadata", "namespace"), "gpu-operator");
	assert_string_equal(test_yaml_str(&y.docs[0], "metadata", "name"), "migctl-mig-config");
	assert_string_equal(test_yaml_str(&y.docs[2], "metadata", "name"), "node-b");
	assert_string_equal(
		test_yaml_str(&y.docs[2], "metadata", "labels", "nvidia.com/mig.config"), "node-b");
	test_yaml_free(&y);
	free(text);
	mig_emit_input_free(in);
}

static void test_emit_k8s__configmap_holds_the_layouts(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_config_target t = MIG_CONFIG_TARGET_INIT;
	mig_config_desired want;
	mig_config_file *f = NULL;
	const mig_config *c;
	struct test_yaml y;
	const char *config;
	char *text = test_emit_text(in, "k8s", NULL);

	(void)state;
	test_yaml_load(&y, text);
	config = test_yaml_str(&y.docs[0], "data", "config.yaml");
	assert_non_null(config);
	assert_int_equal(mig_config_parse(&f, config, strlen(config), "cm"), 0);
	assert_int_equal(f->config_count, 2);
	/* mig-parted's own format: counts, no pinned starts */
	assert_null(strstr(config, "@"));
	c = mig_config_find(f, "node-a");
	assert_non_null(c);
	t.gpu = mig_catalog_by_key("a100-80gb");
	t.index = 1;
	assert_int_equal(mig_config_resolve(&want, f, c, &t), 0);
	assert_int_equal(want.want.gi_count, 7);
	assert_string_equal(want.want.gi[6].profile->name, "1g.10gb");
	t.index = 0;
	assert_int_equal(mig_config_resolve(&want, f, c, &t), 0);
	assert_int_equal(want.want.gi_count, 2);
	c = mig_config_find(f, "node-b");
	assert_int_equal(mig_config_resolve(&want, f, c, &t), 0);
	assert_false(want.want.mig_enabled);
	mig_config_file_free(f);
	test_yaml_free(&y);
	free(text);
	mig_emit_input_free(in);
}

static void test_emit_k8s__mixed_deployments(void **state)
{
	mig_emit_input *in = test_emit_input();
	struct test_yaml y;
	yaml_document_t *d;
	char *text = test_emit_text(in, "k8s", NULL);

	(void)state;
	test_yaml_load(&y, text);
	d = &y.docs[4]; /* bert */
	assert_string_equal(test_yaml_str(d, "metadata", "name"), "bert");
	test_yaml_plain(test_yaml_get(d, "spec", "replicas", NULL), "2");
	test_yaml_plain(LIMITS(d, "nvidia.com/mig-1g.10gb"), "1");
	assert_string_equal(
		test_yaml_str(d, "spec", "selector", "matchLabels", "app.kubernetes.io/name"),
		"bert");
	assert_string_equal(test_yaml_str(d, "spec", "template", "metadata", "labels",
					  "app.kubernetes.io/name"),
			    "bert");
	assert_string_equal(test_yaml_str(d, "spec", "template", "spec", "nodeSelector",
					  "nvidia.com/gpu.product"),
			    "NVIDIA-A100-SXM4-80GB");
	assert_string_equal(test_yaml_str(d, "metadata", "annotations", "migctl/profile"),
			    "1g.10gb");
	d = &y.docs[5]; /* tiny-a: MPS */
	assert_string_equal(test_yaml_str(d, "metadata", "annotations", "migctl/serving"), "mps");
	d = &y.docs[7]; /* Big Model: two whole GPUs */
	assert_string_equal(test_yaml_str(d, "metadata", "annotations", "migctl/workload"),
			    "Big Model");
	test_yaml_plain(LIMITS(d, "nvidia.com/gpu"), "2");
	test_yaml_free(&y);
	free(text);
	mig_emit_input_free(in);
}

static void test_emit_k8s__node_filter_and_args(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	struct test_yaml y;
	char *text;

	(void)state;
	o.node = "node-b";
	o.command = "--port 8000 --model {name}";
	text = test_emit_text(in, "k8s", &o);
	test_yaml_load(&y, text);
	/* ConfigMap, node-b, big-model: nothing of node-a */
	assert_int_equal(y.count, 3);
	assert_null(strstr(text, "node-a"));
	assert_string_equal(test_yaml_str(&y.docs[2], "spec", "template", "spec", "containers", "0",
					  "args", "3"),
			    "big-model");
	assert_string_equal(test_yaml_str(&y.docs[2], "spec", "template", "spec", "containers", "0",
					  "args", "1"),
			    "8000");
	test_yaml_free(&y);
	free(text);
	mig_emit_input_free(in);
}

static const char uniform_plan[] =
	"{\"gpus\": [{\"id\": 0, \"gpu\": \"h100-80gb\", \"node\": \"h\", \"device\": 0,"
	" \"mig_enabled\": true, \"instances\": [{\"profile\": \"3g.40gb\", \"start\": 0},"
	" {\"profile\": \"3g.40gb\", \"start\": 4}]}],"
	"\"workloads\": [{\"name\": \"w\", \"serving\": \"mig\", \"gpu\": \"h100-80gb\","
	" \"profile\": \"3g.40gb\", \"replicas\": [{\"gpu\": 0, \"start\": 0},"
	" {\"gpu\": 0, \"start\": 4}]}]}";

static void test_emit_k8s__single_strategy(void **state)
{
	mig_emit_input *in = NULL;
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	struct test_yaml y;
	char *text;

	(void)state;
	o.strategy = MIG_EMIT_STRATEGY_SINGLE;
	assert_int_equal(mig_emit_input_parse_plan(&in, uniform_plan, strlen(uniform_plan), "u"),
			 0);
	text = test_emit_text(in, "k8s", &o);
	test_yaml_load(&y, text);
	test_yaml_plain(LIMITS(&y.docs[2], "nvidia.com/gpu"), "1");
	assert_null(LIMITS(&y.docs[2], "nvidia.com/mig-3g.40gb"));
	assert_string_equal(test_yaml_str(&y.docs[2], "spec", "template", "spec", "nodeSelector",
					  "nvidia.com/gpu.product"),
			    "NVIDIA-H100-80GB-HBM3-MIG-3g.40gb");
	test_yaml_free(&y);
	free(text);
	mig_emit_input_free(in);
	in = test_emit_input();
	test_emit_fails(in, "k8s", &o, "node node-a: the single strategy needs");
	assert_string_equal(mig_error_last()->hint, "use --strategy mixed");
	o.node = "node-b"; /* MIG off on every GPU: uniform */
	free(test_emit_text(in, "k8s", &o));
	mig_emit_input_free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emit_k8s__objects_in_order),
		cmocka_unit_test(test_emit_k8s__configmap_holds_the_layouts),
		cmocka_unit_test(test_emit_k8s__mixed_deployments),
		cmocka_unit_test(test_emit_k8s__node_filter_and_args),
		cmocka_unit_test(test_emit_k8s__single_strategy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
