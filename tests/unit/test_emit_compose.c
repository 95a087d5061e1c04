/* SPDX-License-Identifier: Apache-2.0 */
/* Target "compose" (src/emit/emit_compose.c), read back with libyaml. */
#include "test_emit_helpers.h"

#define DEV(svc, ...)                                                                              \
	test_yaml_str(d, "services", svc, "deploy", "resources", "reservations", "devices", "0",   \
		      __VA_ARGS__)

static void test_emit_compose__services_parse_back(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	struct test_yaml y;
	yaml_document_t *d;
	yaml_node_t *services;
	char *text;

	(void)state;
	o.node = "node-a";
	text = test_emit_text(in, "compose", &o);
	assert_true(strncmp(text, "# migctl emit compose: t.json, node node-a\n", 43) == 0);
	test_yaml_load(&y, text);
	assert_int_equal(y.count, 1);
	d = &y.docs[0];
	assert_string_equal(test_yaml_str(d, "name"), "node-a");
	services = test_yaml_get(d, "services", NULL);
	/* llama, bert-0, bert-1, tiny-a, tiny-b; big-model is on node-b */
	assert_int_equal(services->data.mapping.pairs.top - services->data.mapping.pairs.start, 5);
	assert_string_equal(test_yaml_str(d, "services", "bert-1", "image"),
			    "registry.example.com/bert:latest");
	assert_string_equal(test_yaml_str(d, "services", "bert-1", "restart"), "unless-stopped");
	assert_string_equal(DEV("bert-1", "driver"), "nvidia");
	assert_string_equal(DEV("bert-1", "capabilities", "0"), "gpu");
	assert_string_equal(DEV("bert-1", "device_ids", "0"),
			    "${MIG_GPU1_1G_10GB_AT2:?the MIG device UUID of the 1g.10gb at 2 on "
			    "GPU 1}");
	assert_string_equal(DEV("llama", "device_ids", "0"),
			    "${MIG_GPU0_3G_40GB_AT4:?the MIG device UUID of the 3g.40gb at 4 on "
			    "GPU 0}");
	assert_null(test_yaml_get(d, "services", "bert-1", "ipc", NULL));
	test_yaml_free(&y);
	free(text);
	mig_emit_input_free(in);
}

static void test_emit_compose__mps_shares_device_and_pipe(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	struct test_yaml y;
	yaml_document_t *d;
	char *text;

	(void)state;
	o.node = "node-a";
	text = test_emit_text(in, "compose", &o);
	test_yaml_load(&y, text);
	d = &y.docs[0];
	assert_string_equal(DEV("tiny-a", "device_ids", "0"), DEV("tiny-b", "device_ids", "0"));
	assert_string_equal(test_yaml_str(d, "services", "tiny-b", "ipc"), "host");
	assert_string_equal(
		test_yaml_str(d, "services", "tiny-b", "environment", "CUDA_MPS_PIPE_DIRECTORY"),
		"/run/migctl-mps/gpu1-at0");
	assert_string_equal(test_yaml_str(d, "services", "tiny-a", "volumes", "0"),
			    "/run/migctl-mps/gpu1-at0:/run/migctl-mps/gpu1-at0");
	test_yaml_free(&y);
	free(text);
	mig_emit_input_free(in);
}

static void test_emit_compose__uuids_whole_gpus_and_command(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	struct test_yaml y;
	yaml_document_t *d;
	char *text;

	(void)state;
	in->services[0].replicas[0].uuid = strdup("MIG-5f0e");
	o.node = "node-a";
	o.command = "serve 8080 true";
	text = test_emit_text(in, "compose", &o);
	test_yaml_load(&y, text);
	d = &y.docs[0];
	assert_string_equal(DEV("llama", "device_ids", "0"), "MIG-5f0e");
	assert_string_equal(test_yaml_str(d, "services", "llama", "command", "0"), "serve");
	/* "8080" and "true" stay strings: quoted, so that YAML does not read a number or a bool */
	assert_string_equal(test_yaml_str(d, "services", "llama", "command", "1"), "8080");
	assert_int_not_equal(
		test_yaml_get(d, "services", "llama", "command", "1", NULL)->data.scalar.style,
		YAML_PLAIN_SCALAR_STYLE);
	assert_int_not_equal(
		test_yaml_get(d, "services", "llama", "command", "2", NULL)->data.scalar.style,
		YAML_PLAIN_SCALAR_STYLE);
	test_yaml_free(&y);
	free(text);
	o.node = "node-b";
	o.command = NULL;
	text = test_emit_text(in, "compose", &o);
	test_yaml_load(&y, text);
	d = &y.docs[0];
	assert_string_equal(DEV("big-model", "device_ids", "0"), "0");
	assert_string_equal(DEV("big-model", "device_ids", "1"), "1");
	assert_null(test_yaml_get(d, "services", "big-model", "command", NULL));
	test_yaml_free(&y);
	free(text);
	mig_emit_input_free(in);
}

static void test_emit_compose__one_machine_only(void **state)
{
	mig_emit_input *in = test_emit_input();

	(void)state;
	test_emit_fails(in, "compose", NULL, "compose output is for one machine");
	mig_emit_input_free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emit_compose__services_parse_back),
		cmocka_unit_test(test_emit_compose__mps_shares_device_and_pipe),
		cmocka_unit_test(test_emit_compose__uuids_whole_gpus_and_command),
		cmocka_unit_test(test_emit_compose__one_machine_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
