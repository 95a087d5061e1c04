/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TEST_EMIT_HELPERS_H
#define TEST_EMIT_HELPERS_H

/*
 * Shared by the emit tests: a small synthetic plan (two nodes of A100-80GB, MIG, MPS and
 * whole-GPU workloads), rendering helpers, and reading YAML back with libyaml so that the
 * tests check what a YAML reader sees rather than the text.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <yaml.h>

#include "migctl/emit.h"
#include "migctl/error.h"

/* node-a: GPU 0 4g.40gb@0 + 3g.40gb@4, GPU 1 1g.10gb@0..@6 (seven);
 * node-b: GPUs 0 and 1 with MIG off, one tensor-parallel replica of "Big Model". */
static const char test_emit_plan[] =
	"{\"source\": \"w.yaml\", \"gpus\": ["
	"{\"id\": 0, \"gpu\": \"a100-80gb\", \"node\": \"node-a\", \"device\": 0,"
	" \"mig_enabled\": true, \"instances\": ["
	"  {\"profile\": \"4g.40gb\", \"start\": 0}, {\"profile\": \"3g.40gb\", \"start\": 4}]},"
	"{\"id\": 1, \"gpu\": \"a100-80gb\", \"node\": \"node-a\", \"device\": 1,"
	" \"mig_enabled\": true, \"instances\": ["
	"  {\"profile\": \"1g.10gb\", \"start\": 0}, {\"profile\": \"1g.10gb\", \"start\": 1},"
	"  {\"profile\": \"1g.10gb\", \"start\": 2}, {\"profile\": \"1g.10gb\", \"start\": 3},"
	"  {\"profile\": \"1g.10gb\", \"start\": 4}, {\"profile\": \"1g.10gb\", \"start\": 5},"
	"  {\"profile\": \"1g.10gb\", \"start\": 6}]},"
	"{\"id\": 2, \"gpu\": \"a100-80gb\", \"node\": \"node-b\", \"device\": 0,"
	" \"mig_enabled\": false, \"workload\": \"Big Model\"},"
	"{\"id\": 3, \"gpu\": \"a100-80gb\", \"node\": \"node-b\", \"device\": 1,"
	" \"mig_enabled\": false, \"workload\": \"Big Model\"}],"
	"\"workloads\": ["
	"{\"name\": \"llama\", \"serving\": \"mig\", \"gpu\": \"a100-80gb\", \"profile\": "
	"\"3g.40gb\","
	" \"replicas\": [{\"gpu\": 0, \"instance\": 1, \"profile\": \"3g.40gb\", \"start\": 4}]},"
	"{\"name\": \"bert\", \"serving\": \"mig\", \"gpu\": \"a100-80gb\", \"profile\": "
	"\"1g.10gb\","
	" \"replicas\": [{\"gpu\": 1, \"start\": 1}, {\"gpu\": 1, \"start\": 2}]},"
	"{\"name\": \"tiny-a\", \"serving\": \"mps\", \"gpu\": \"a100-80gb\", \"profile\": "
	"\"1g.10gb\","
	" \"replicas\": [{\"gpu\": 1, \"start\": 0}]},"
	"{\"name\": \"tiny-b\", \"serving\": \"mps\", \"gpu\": \"a100-80gb\", \"profile\": "
	"\"1g.10gb\","
	" \"replicas\": [{\"gpu\": 1, \"start\": 0}]},"
	"{\"name\": \"Big Model\", \"serving\": \"full-gpu\", \"gpu\": \"a100-80gb\","
	" \"profile\": null, \"tensor_parallel\": 2, \"replicas\": [{\"gpu\": 2, \"gpus\": 2}]}"
	"]}";

static inline mig_emit_input *test_emit_input(void)
{
	mig_emit_input *in = NULL;
	int rc = mig_emit_input_parse_plan(&in, test_emit_plan, strlen(test_emit_plan), "t.json");

	if (rc < 0)
		fail_msg("plan: %s", mig_error_last()->message);
	return in;
}

/* Render and return all files as one text (the caller frees it); fails the test on error.
 * Not inlined: gcc 12 at -O2 then takes pointers into the text for dangling ones. */
__attribute__((noinline, unused)) static char *
test_emit_text(const mig_emit_input *in, const char *target, const mig_emit_options *opts)
{
	mig_emit_output *out = NULL;
	char *text = NULL;

	if (mig_emit_render(&out, target, in, opts) < 0)
		fail_msg("render %s: %s", target, mig_error_last()->message);
	assert_int_equal(mig_emit_output_text(&text, out), 0);
	mig_emit_output_free(out);
	return text;
}

/* Render expecting failure; returns the code and checks the message holds want. */
static inline int test_emit_fails(const mig_emit_input *in, const char *target,
				  const mig_emit_options *opts, const char *want)
{
	mig_emit_output *out = NULL;
	int rc = mig_emit_render(&out, target, in, opts);

	assert_true(rc < 0);
	assert_null(out);
	if (!strstr(mig_error_last()->message, want))
		fail_msg("message '%s' lacks '%s'", mig_error_last()->message, want);
	return rc;
}

/* All documents of a YAML stream; fails the test when it does not parse. */
struct test_yaml {
	size_t count;
	yaml_document_t docs[64];
};

static inline void test_yaml_load(struct test_yaml *y, const char *text)
{
	yaml_parser_t p;

	memset(y, 0, sizeof(*y));
	assert_true(yaml_parser_initialize(&p));
	yaml_parser_set_input_string(&p, (const unsigned char *)text, strlen(text));
	for (;;) {
		yaml_document_t *d = &y->docs[y->count];

		if (!yaml_parser_load(&p, d))
			fail_msg("YAML does not parse: %s (line %zu)\n%s", p.problem,
				 p.problem_mark.line + 1, text);
		if (!yaml_document_get_root_node(d)) {
			yaml_document_delete(d);
			break;
		}
		assert_true(++y->count < 64);
	}
	yaml_parser_delete(&p);
}

static inline void test_yaml_free(struct test_yaml *y)
{
	size_t i;

	for (i = 0; i < y->count; i++)
		yaml_document_delete(&y->docs[i]);
	y->count = 0;
}

/* Follow keys (mapping keys, or decimal indices into sequences), ending with NULL. */
static inline yaml_node_t *test_yaml_get(yaml_document_t *d, ...)
{
	yaml_node_t *n = yaml_document_get_root_node(d);
	const char *key;
	va_list ap;

	va_start(ap, d);
	while (n && (key = va_arg(ap, const char *))) {
		yaml_node_t *next = NULL;

		if (n->type == YAML_MAPPING_NODE) {
			yaml_node_pair_t *pr;

			for (pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top;
			     pr++) {
				yaml_node_t *k = yaml_document_get_node(d, pr->key);

				if (k->type == YAML_SCALAR_NODE &&
				    strcmp((const char *)k->data.scalar.value, key) == 0)
					next = yaml_document_get_node(d, pr->value);
			}
		} else if (n->type == YAML_SEQUENCE_NODE) {
			long i = strtol(key, NULL, 10);
			yaml_node_item_t *it = n->data.sequence.items.start + i;

			if (i >= 0 && it < n->data.sequence.items.top)
				next = yaml_document_get_node(d, *it);
		}
		n = next;
	}
	va_end(ap);
	return n;
}

/* The scalar at a path, or NULL. */
#define test_yaml_str(d, ...) test_yaml__str(test_yaml_get(d, __VA_ARGS__, NULL))

static inline const char *test_yaml__str(yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* The scalar at a path must be want, written plain (so that YAML reads a number or a word). */
static inline void test_yaml_plain(yaml_node_t *n, const char *want)
{
	assert_non_null(n);
	assert_int_equal(n->type, YAML_SCALAR_NODE);
	assert_string_equal((const char *)n->data.scalar.value, want);
	assert_int_equal(n->data.scalar.style, YAML_PLAIN_SCALAR_STYLE);
}

/* The file of an output by name, or NULL. */
static inline const mig_emit_file *test_emit_file(const mig_emit_output *o, const char *name)
{
	size_t i;

	for (i = 0; i < o->count; i++)
		if (strcmp(o->files[i].name, name) == 0)
			return &o->files[i];
	return NULL;
}

#endif
