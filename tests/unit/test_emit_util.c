/* SPDX-License-Identifier: Apache-2.0 */
/* The shared helpers of src/emit/ (emit_util.c, emit_yaml.c, emit_input.c). */
#include "test_emit_helpers.h"

#include "emit/emit_internal.h"

static void test_emit_util__dns_label(void **state)
{
	char buf[EMIT_NAME_MAX];

	(void)state;
	assert_int_equal(mig_emit__dns_label(buf, sizeof(buf), "Llama 3.1 (8B)", "workload"), 0);
	assert_string_equal(buf, "llama-3-1-8b");
	assert_int_equal(mig_emit__dns_label(buf, sizeof(buf), "--ok--", "w"), 0);
	assert_string_equal(buf, "ok");
	assert_int_equal(mig_emit__dns_label(buf, sizeof(buf), "é", "workload"), MIG_EINVALID);
	assert_int_equal(mig_emit__dns_label(buf, sizeof(buf),
					     "a234567890123456789012345678901234567890123456789012"
					     "345678901234",
					     "w"),
			 MIG_EINVALID);
	assert_non_null(strstr(mig_error_last()->message, "more than 63"));
}

static void test_emit_util__split_and_quote(void **state)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	char **w = NULL;
	size_t n = 0;

	(void)state;
	assert_int_equal(mig_emit__split(&w, &n, "  a  b c "), 0);
	assert_int_equal(n, 3);
	assert_string_equal(w[2], "c");
	assert_null(w[3]);
	free(w);
	assert_int_equal(mig_emit__split(&w, &n, "a\nb"), MIG_EINVALID);
	mig_emit__sh_word(&sb, "plain-word_1.2:/x=y");
	mig_strbuf_addch(&sb, ' ');
	mig_emit__sh_word(&sb, "two words");
	mig_strbuf_addch(&sb, ' ');
	mig_emit__sh_word(&sb, "");
	mig_strbuf_addch(&sb, ' ');
	mig_emit__sh_word(&sb, "$(rm -rf /)");
	assert_string_equal(mig_strbuf_str(&sb),
			    "plain-word_1.2:/x=y 'two words' '' '$(rm -rf /)'");
	mig_strbuf_reset(&sb);
	mig_emit__unit_word(&sb, "a b\\c");
	assert_string_equal(mig_strbuf_str(&sb), "\"a b\\\\c\"");
	mig_strbuf_release(&sb);
}

static void test_emit_util__expand(void **state)
{
	mig_emit_service s;
	mig_strbuf sb = MIG_STRBUF_INIT;

	(void)state;
	memset(&s, 0, sizeof(s));
	s.name = (char *)"llama";
	mig_emit__expand(&sb, "{name}/{replica}/{other}", &s, 3);
	assert_string_equal(mig_strbuf_str(&sb), "llama/3/{other}");
	mig_strbuf_release(&sb);
}

static void test_emit_util__yaml_quotes_typed_strings(void **state)
{
	static const char *const typed[] = {"",	  "1", "0x20", "1.5",  "-3",   "true", "No",
					    "ON", "~", "null", "1:20", ".inf", NULL};
	struct emit_yaml y;
	struct test_yaml back;
	char *text = NULL;
	size_t i;

	(void)state;
	assert_int_equal(mig_emit__yaml_begin(&y), 0);
	mig_emit__yaml_seq(&y);
	for (i = 0; typed[i]; i++)
		mig_emit__yaml_str(&y, typed[i]);
	mig_emit__yaml_str(&y, "plain text");
	mig_emit__yaml_int(&y, 42);
	mig_emit__yaml_seq_end(&y);
	assert_int_equal(mig_emit__yaml_end(&y, "# head\n", &text), 0);
	assert_true(strncmp(text, "# head\n- ", 9) == 0);
	test_yaml_load(&back, text);
	for (i = 0; typed[i]; i++) {
		yaml_node_t *n;
		char idx[8];

		snprintf(idx, sizeof(idx), "%zu", i);
		n = test_yaml_get(&back.docs[0], idx, NULL);
		assert_string_equal((const char *)n->data.scalar.value, typed[i]);
		assert_int_not_equal(n->data.scalar.style, YAML_PLAIN_SCALAR_STYLE);
	}
	test_yaml_plain(test_yaml_get(&back.docs[0], "12", NULL), "plain text");
	test_yaml_plain(test_yaml_get(&back.docs[0], "13", NULL), "42");
	test_yaml_free(&back);
	free(text);
}

static void test_emit_util__yaml_reports_misuse(void **state)
{
	struct emit_yaml y;
	char *text = NULL;

	(void)state;
	/* a mapping closed as a sequence: libyaml refuses, the error says so */
	assert_int_equal(mig_emit__yaml_begin(&y), 0);
	mig_emit__yaml_map(&y);
	mig_emit__yaml_seq_end(&y);
	assert_int_equal(mig_emit__yaml_end(&y, NULL, &text), MIG_EINVALID);
	assert_null(text);
	assert_non_null(strstr(mig_error_last()->message, "cannot write YAML"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emit_util__dns_label),
		cmocka_unit_test(test_emit_util__split_and_quote),
		cmocka_unit_test(test_emit_util__expand),
		cmocka_unit_test(test_emit_util__yaml_quotes_typed_strings),
		cmocka_unit_test(test_emit_util__yaml_reports_misuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
