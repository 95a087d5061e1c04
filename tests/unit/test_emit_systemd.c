/* SPDX-License-Identifier: Apache-2.0 */
/* Target "systemd" (src/emit/emit_systemd.c): the units and the layout file they apply. */
#include "test_emit_helpers.h"

#include "migctl/catalog.h"
#include "migctl/config.h"

static const char *file_text(const mig_emit_output *o, const char *name)
{
	const mig_emit_file *f = test_emit_file(o, name);

	if (!f)
		fail_msg("no file %s", name);
	return f->content;
}

/* not inlined: gcc 12 at -O2 misreads the pointers into text as dangling */
__attribute__((noinline)) static void has(const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("output lacks '%s':\n%s", want, text);
}

static mig_emit_output *render(mig_emit_input *in, const char *node, const char *command)
{
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	mig_emit_output *out = NULL;

	o.node = node;
	o.command = command;
	if (mig_emit_render(&out, "systemd", in, &o) < 0)
		fail_msg("%s", mig_error_last()->message);
	return out;
}

static void test_emit_systemd__files(void **state)
{
	static const char *const names[] = {"migctl-layouts.yaml",   "migctl-layout.service",
					    "migctl-llama.service",  "migctl-bert-0.service",
					    "migctl-bert-1.service", "migctl-mps-gpu1-at0.service",
					    "migctl-tiny-a.service", "migctl-tiny-b.service"};
	mig_emit_input *in = test_emit_input();
	mig_emit_output *out = render(in, "node-a", NULL);
	size_t i;

	(void)state;
	assert_int_equal(out->count, 8);
	for (i = 0; i < 8; i++) {
		assert_string_equal(out->files[i].name, names[i]);
		assert_int_equal(out->files[i].mode, 0644);
	}
	assert_false(out->yaml_stream);
	mig_emit_output_free(out);
	mig_emit_input_free(in);
}

static void test_emit_systemd__layout_unit_and_file(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_output *out = render(in, "node-a", NULL);
	mig_config_target t = MIG_CONFIG_TARGET_INIT;
	mig_config_desired want;
	mig_config_file *f = NULL;
	const char *yaml = file_text(out, "migctl-layouts.yaml");

	(void)state;
	has(file_text(out, "migctl-layout.service"),
	    "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/usr/local/bin/migctl apply "
	    "-f /etc/migctl/layouts.yaml -c node-a\n");
	has(file_text(out, "migctl-layout.service"), "WantedBy=multi-user.target\n");
	/* the layout file reads back as the plan's layout, each GI at its planned start */
	assert_int_equal(mig_config_parse(&f, yaml, strlen(yaml), "l"), 0);
	t.gpu = mig_catalog_by_key("a100-80gb");
	t.index = 0;
	assert_int_equal(mig_config_resolve(&want, f, mig_config_find(f, "node-a"), &t), 0);
	assert_int_equal(want.want.gi_count, 2);
	assert_string_equal(want.want.gi[1].profile->name, "3g.40gb");
	assert_int_equal(want.want.gi[1].start, 4);
	mig_config_file_free(f);
	mig_emit_output_free(out);
	mig_emit_input_free(in);
}

static void test_emit_systemd__services_claim_after_layout(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_output *out;
	const char *u;

	(void)state;
	in->services[0].replicas[0].uuid = strdup("MIG-aaaa");
	out = render(in, "node-a", "serve \"quoted\" 50% $HOME");
	u = file_text(out, "migctl-llama.service");
	has(u, "Requires=migctl-layout.service\nAfter=migctl-layout.service\n");
	/* by GPU and profile even with a UUID known: UUIDs change at every boot */
	has(u, "ExecStart=/usr/local/bin/migctl -i 0 run --on 3g.40gb -- serve "
	       "\"\\\"quoted\\\"\" \"50%%\" \"$$HOME\"\n");
	has(u, "Restart=on-failure\n");
	u = file_text(out, "migctl-mps-gpu1-at0.service");
	has(u, "ExecStart=/usr/local/bin/migctl -i 1 run --on 1g.10gb -- nvidia-cuda-mps-control "
	       "-f\n");
	has(u, "RuntimeDirectory=migctl-mps/gpu1-at0 migctl-mps/gpu1-at0/log\n");
	u = file_text(out, "migctl-tiny-b.service");
	has(u, "After=migctl-layout.service migctl-mps-gpu1-at0.service\n");
	has(u, "Environment=CUDA_MPS_PIPE_DIRECTORY=/run/migctl-mps/gpu1-at0\n");
	has(u, "ExecStart=/usr/bin/env serve ");
	mig_emit_output_free(out);
	mig_emit_input_free(in);
}

static void test_emit_systemd__whole_gpus(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_output *out = render(in, "node-b", NULL);
	const char *u = file_text(out, "migctl-big-model.service");

	(void)state;
	has(u, "Environment=CUDA_DEVICE_ORDER=PCI_BUS_ID CUDA_VISIBLE_DEVICES=0,1\n");
	has(u, "ExecStart=/usr/local/bin/serve-model big-model\n");
	has(file_text(out, "migctl-layouts.yaml"), "mig-enabled: false");
	mig_emit_output_free(out);
	mig_emit_input_free(in);
}

static void test_emit_systemd__stdout_form(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	char *text;

	(void)state;
	o.node = "node-b";
	text = test_emit_text(in, "systemd", &o);
	assert_true(strncmp(text, "# file: migctl-layouts.yaml\n", 28) == 0);
	has(text, "\n\n# file: migctl-layout.service\n");
	has(text, "\n\n# file: migctl-big-model.service\n");
	free(text);
	mig_emit_input_free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emit_systemd__files),
		cmocka_unit_test(test_emit_systemd__layout_unit_and_file),
		cmocka_unit_test(test_emit_systemd__services_claim_after_layout),
		cmocka_unit_test(test_emit_systemd__whole_gpus),
		cmocka_unit_test(test_emit_systemd__stdout_form),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
