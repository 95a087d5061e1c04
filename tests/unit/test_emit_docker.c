/* SPDX-License-Identifier: Apache-2.0 */
/* Target "docker" (src/emit/emit_docker.c) and what every target shares (src/emit/emit.c). */
#include "test_emit_helpers.h"

/* not inlined: gcc 12 at -O2 misreads the pointers into text as dangling */
__attribute__((noinline)) static void has(const char *text, const char *want)
{
	if (!strstr(text, want))
		fail_msg("output lacks '%s':\n%s", want, text);
}

static void test_emit_docker__one_line_per_replica_under_migctl_run(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	char *text;

	(void)state;
	o.node = "node-a";
	text = test_emit_text(in, "docker", &o);
	has(text,
	    "#!/bin/sh\n# migctl emit docker: t.json, node node-a (2 x NVIDIA A100-SXM4-80GB)");
	has(text,
	    "\n/usr/local/bin/migctl -i 0 run --on 3g.40gb -- docker run --rm --name llama "
	    "--runtime=nvidia -e NVIDIA_VISIBLE_DEVICES registry.example.com/llama:latest &\n");
	has(text, "-i 1 run --on 1g.10gb -- docker run --rm --name bert-0 ");
	has(text, "-i 1 run --on 1g.10gb -- docker run --rm --name bert-1 ");
	assert_null(strstr(text, "big-model"));
	assert_non_null(strstr(text, "\nwait\n"));
	free(text);
	mig_emit_input_free(in);
}

static void test_emit_docker__mps_instance_is_one_claim(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	const char *p;
	char *text;

	(void)state;
	o.node = "node-a";
	text = test_emit_text(in, "docker", &o);
	has(text, "# 1g.10gb of GPU 1 at 0, shared through MPS by: tiny-a tiny-b\n");
	p = strstr(text, "-- sh -c 'export CUDA_MPS_PIPE_DIRECTORY=/run/migctl-mps/gpu1-at0 ");
	assert_non_null(p);
	has(p, "nvidia-cuda-mps-control -d || exit 1; docker run --rm --name tiny-a ");
	has(p, "--ipc=host -e CUDA_MPS_PIPE_DIRECTORY -v /run/migctl-mps/gpu1-at0:");
	has(p, "& docker run --rm --name tiny-b ");
	/* the two MPS workloads share one line: the claim appears once */
	assert_null(strstr(p + 8, "sh -c"));
	free(text);
	mig_emit_input_free(in);
}

static void test_emit_docker__whole_gpus_and_templates(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	char *text;

	(void)state;
	o.node = "node-b";
	o.image = "reg.local/{name}:r{replica}";
	o.command = "serve --model {name}  --note 'it''s'";
	o.migctl = "/opt/bin/migctl";
	text = test_emit_text(in, "docker", &o);
	has(text,
	    "docker run --rm --name big-model --runtime=nvidia -e NVIDIA_VISIBLE_DEVICES=0,1 "
	    "reg.local/big-model:r0 serve --model big-model --note ''\\''it'\\'''\\''s'\\''' &");
	assert_null(strstr(text, "/opt/bin/migctl")); /* whole GPUs: no claim */
	free(text);
	mig_emit_input_free(in);
}

static void test_emit_docker__uuid_when_known(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	char *text;

	(void)state;
	in->services[0].replicas[0].uuid = strdup("MIG-1234");
	o.node = "node-a";
	text = test_emit_text(in, "docker", &o);
	has(text, "/usr/local/bin/migctl run --on MIG-1234 -- docker run --rm --name llama ");
	free(text);
	mig_emit_input_free(in);
}

static void test_emit_docker__needs_one_node(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;

	(void)state;
	assert_int_equal(test_emit_fails(in, "docker", NULL,
					 "t.json has 2 nodes and docker output "
					 "is for one machine"),
			 MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->hint, "node-a, node-b"));
	o.node = "node-c";
	assert_int_equal(test_emit_fails(in, "docker", &o, "t.json has no node 'node-c'"),
			 MIG_ENOTFOUND);
	assert_int_equal(test_emit_fails(in, "podman", &o, "unknown target 'podman'"),
			 MIG_ENOTFOUND);
	assert_non_null(strstr(mig_error_last()->hint, "docker, compose, k8s, systemd"));
	o.node = "node-a";
	o.command = "   ";
	assert_int_equal(test_emit_fails(in, "docker", &o, "has no program"), MIG_EINVALID);
	mig_emit_input_free(in);
}

static void test_emit_docker__deterministic_and_listed(void **state)
{
	mig_emit_input *in = test_emit_input();
	mig_emit_options o = MIG_EMIT_OPTIONS_INIT;
	mig_emit_output *out = NULL;
	char *a, *b;
	size_t i;

	(void)state;
	o.node = "node-a";
	a = test_emit_text(in, "DOCKER", &o);
	b = test_emit_text(in, "docker", &o);
	assert_string_equal(a, b);
	assert_int_equal(mig_emit_render(&out, "docker", in, &o), 0);
	assert_int_equal(out->count, 1);
	assert_string_equal(out->files[0].name, "run.sh");
	assert_int_equal(out->files[0].mode, 0755);
	assert_string_equal(out->files[0].content, a);
	mig_emit_output_free(out);
	assert_int_equal(mig_emit_target_count(), 4);
	for (i = 0; i < mig_emit_target_count(); i++)
		assert_non_null(mig_emit_target_summary(i));
	assert_null(mig_emit_target_name(4));
	free(a);
	free(b);
	mig_emit_input_free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emit_docker__one_line_per_replica_under_migctl_run),
		cmocka_unit_test(test_emit_docker__mps_instance_is_one_claim),
		cmocka_unit_test(test_emit_docker__whole_gpus_and_templates),
		cmocka_unit_test(test_emit_docker__uuid_when_known),
		cmocka_unit_test(test_emit_docker__needs_one_node),
		cmocka_unit_test(test_emit_docker__deterministic_and_listed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
