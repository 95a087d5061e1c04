/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading good layout files: mig-parted's format in all its forms (block and flow style, JSON,
 * anchors, YAML 1.1 booleans, nulls), migctl's extensions, the positions kept for messages,
 * and choosing a config by name.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "migctl/config.h"
#include "migctl/error.h"

static mig_config_file *parse(const char *text)
{
	mig_config_file *f = NULL;

	if (mig_config_parse(&f, text, strlen(text), "layouts.yaml") != 0)
		fail_msg("parse failed: %s", mig_error_last()->message);
	return f;
}

static const mig_config *config(const mig_config_file *f, const char *name)
{
	const mig_config *c = mig_config_find(f, name);

	if (!c)
		fail_msg("no config '%s'", name);
	return c;
}

static void test_config_parse__mig_parted_basics(void **state)
{
	mig_config_file *f = parse("version: v1\n"
				   "mig-configs:\n"
				   "  all-disabled:\n"
				   "    - devices: all\n"
				   "      mig-enabled: false\n"
				   "\n"
				   "  custom:\n"
				   "    - devices: [0, 1]\n"
				   "      mig-enabled: true\n"
				   "      mig-devices:\n"
				   "        \"1g.10gb\": 2\n"
				   "        \"3g.40gb\": 1\n"
				   "    - devices: [2]\n"
				   "      mig-enabled: true\n"
				   "      mig-devices: {}\n");
	const mig_config *c;
	const mig_config_entry *e;

	(void)state;
	assert_string_equal(f->path, "layouts.yaml");
	assert_int_equal(f->config_count, 2);
	c = config(f, "all-disabled");
	assert_int_equal(c->entry_count, 1);
	e = &c->entries[0];
	assert_true(e->all_devices);
	assert_false(e->mig_enabled);
	assert_false(e->has_mig_devices);
	assert_int_equal(e->filter_count, 0);

	c = config(f, "custom");
	assert_int_equal(c->entry_count, 2);
	e = &c->entries[0];
	assert_false(e->all_devices);
	assert_int_equal(e->device_count, 2);
	assert_int_equal(e->devices[0].index, 0);
	assert_int_equal(e->devices[1].index, 1);
	assert_null(e->devices[1].uuid);
	assert_true(e->mig_enabled);
	assert_false(e->list_form);
	assert_int_equal(e->instance_count, 2);
	assert_string_equal(e->instances[0].profile, "1g.10gb");
	assert_int_equal(e->instances[0].count, 2);
	assert_int_equal(e->instances[0].start, -1);
	assert_false(e->instances[0].has_cis);
	assert_string_equal(e->instances[1].profile, "3g.40gb");
	assert_int_equal(e->instances[1].count, 1);
	e = &c->entries[1];
	assert_true(e->has_mig_devices);
	assert_int_equal(e->instance_count, 0);
	mig_config_file_free(f);
}

static void test_config_parse__positions_are_kept(void **state)
{
	mig_config_file *f = parse("version: v1\n"
				   "mig-configs:\n"
				   "  custom:\n"
				   "    - device-filter: [\"0x20B210DE\", a100-80gb]\n"
				   "      devices: [0, 7]\n"
				   "      mig-enabled: true\n"
				   "      mig-devices:\n"
				   "        \"1g.10gb\": 2\n"
				   "        \"3g.40gb\": {compute-instances: [1c.3g.40gb]}\n");
	const mig_config_entry *e = &f->configs[0].entries[0];

	(void)state;
	assert_int_equal(f->configs[0].pos.line, 3);
	assert_int_equal(f->configs[0].pos.column, 3);
	assert_int_equal(e->pos.line, 4);
	assert_int_equal(e->pos.column, 7);
	assert_int_equal(e->filters[1].pos.line, 4);
	assert_int_equal(e->filters[1].pos.column, 37);
	assert_int_equal(e->devices[1].pos.column, 20);
	assert_int_equal(e->instances[0].pos.line, 8);
	assert_int_equal(e->instances[0].pos.column, 9);
	assert_int_equal(e->instances[1].cis[0].pos.line, 9);
	assert_int_equal(e->instances[1].cis[0].pos.column, 41);
	mig_config_file_free(f);
}

static void test_config_parse__device_filters(void **state)
{
	mig_config_file *f = parse("version: v1\n"
				   "mig-configs:\n"
				   "  a:\n"
				   "    - device-filter: \"0x20B710DE\"\n"
				   "      devices: all\n"
				   "      mig-enabled: false\n"
				   "    - device-filter: [\"0x20b210de\", \"0x20B2\", "
				   "\"0x20B210DE:0x147E10DE\", \"548540638\"]\n"
				   "      devices: all\n"
				   "      mig-enabled: false\n"
				   "    - device-filter: [a100-80gb, \"NVIDIA H100 80GB HBM3\", H100-80GB]\n"
				   "      devices: all\n"
				   "      mig-enabled: false\n"
				   "    - device-filter: \"\"\n"
				   "      devices: all\n"
				   "      mig-enabled: false\n"
				   "    - device-filter:\n"
				   "      devices: all\n"
				   "      mig-enabled: false\n");
	const mig_config *c = &f->configs[0];
	const mig_config_filter *flt;

	(void)state;
	assert_int_equal(c->entries[0].filter_count, 1);
	flt = &c->entries[0].filters[0];
	assert_int_equal(flt->kind, MIG_CONFIG_FILTER_PCI);
	assert_int_equal(flt->pci_id, 0x20B710DE);
	assert_string_equal(flt->text, "0x20B710DE");

	flt = c->entries[1].filters;
	assert_int_equal(c->entries[1].filter_count, 4);
	assert_int_equal(flt[0].pci_id, 0x20B210DE);
	assert_string_equal(flt[0].text, "0x20b210de");
	/* a bare device id keeps the vendor half empty, to match any vendor */
	assert_int_equal(flt[1].pci_id, 0x20B20000);
	assert_true(flt[2].has_subsystem);
	assert_int_equal(flt[2].subsystem_id, 0x147E10DE);
	/* mig-parted reads ids with base 0: plain decimal works as well */
	assert_int_equal(flt[3].pci_id, 548540638u);

	flt = c->entries[2].filters;
	assert_int_equal(c->entries[2].filter_count, 3);
	assert_int_equal(flt[0].kind, MIG_CONFIG_FILTER_MODEL);
	assert_ptr_equal(flt[0].gpu, mig_catalog_by_key("a100-80gb"));
	assert_ptr_equal(flt[1].gpu, mig_catalog_by_key("h100-sxm5-80gb"));
	assert_ptr_equal(flt[2].gpu, mig_catalog_by_key("h100-sxm5-80gb"));

	/* "" and null mean no filter, as in mig-parted */
	assert_int_equal(c->entries[3].filter_count, 0);
	assert_int_equal(c->entries[4].filter_count, 0);
	mig_config_file_free(f);
}

static void test_config_parse__devices_by_uuid(void **state)
{
	mig_config_file *g;

	(void)state;
	g = parse("version: v1\n"
		  "mig-configs:\n"
		  "  a:\n"
		  "    - devices: [3, GPU-5d5b8a8e-1c5a, \"gpu-77\"]\n"
		  "      mig-enabled: false\n");
	assert_int_equal(g->configs[0].entries[0].device_count, 3);
	assert_int_equal(g->configs[0].entries[0].devices[0].index, 3);
	assert_int_equal(g->configs[0].entries[0].devices[1].index, -1);
	assert_string_equal(g->configs[0].entries[0].devices[1].uuid, "GPU-5d5b8a8e-1c5a");
	assert_string_equal(g->configs[0].entries[0].devices[2].uuid, "gpu-77");
	mig_config_file_free(g);
}

static void test_config_parse__yaml_forms(void **state)
{
	/* flow style, YAML 1.1 booleans, comments, anchors, CRLF and JSON all read the same */
	mig_config_file *flow = parse("{version: v1, mig-configs: {a: [{devices: all, mig-enabled: "
				      "yes, mig-devices: {\"1g.10gb\": 7}}, {devices: [1], "
				      "mig-enabled: Off}]}}");
	mig_config_file *json = parse("{\"version\": \"v1\", \"mig-configs\": {\"a\": "
				      "[{\"devices\": \"all\", \"mig-enabled\": true, "
				      "\"mig-devices\": {\"1g.10gb\": 7}}, {\"devices\": [1], "
				      "\"mig-enabled\": false}]}}");
	mig_config_file *crlf = parse("version: v1\r\nmig-configs:\r\n  a:\r\n    - devices: all "
				      "# every GPU\r\n      mig-enabled: TRUE\r\n      mig-devices: "
				      "&seven\r\n        \"1g.10gb\": 7\r\n    - devices: [1]\r\n"
				      "      mig-enabled: n\r\n");
	mig_config_file *anchors = parse("version: v1\n"
					 "mig-configs:\n"
					 "  a:\n"
					 "    - devices: all\n"
					 "      mig-enabled: true\n"
					 "      mig-devices: &seven {\"1g.10gb\": 7}\n"
					 "    - devices: [1]\n"
					 "      mig-enabled: false\n"
					 "  b:\n"
					 "    - devices: all\n"
					 "      mig-enabled: true\n"
					 "      mig-devices: *seven\n");

	(void)state;
	assert_true(mig_config_file_equal(flow, json));
	assert_true(mig_config_file_equal(flow, crlf));
	assert_int_equal(crlf->configs[0].entries[1].pos.line, 8);
	assert_int_equal(anchors->config_count, 2);
	assert_int_equal(anchors->configs[1].entries[0].instances[0].count, 7);
	assert_false(mig_config_file_equal(flow, anchors));
	mig_config_file_free(flow);
	mig_config_file_free(json);
	mig_config_file_free(crlf);
	mig_config_file_free(anchors);
}

static void test_config_parse__extensions(void **state)
{
	mig_config_file *f = parse("version: v1\n"
				   "mig-configs:\n"
				   "  a:\n"
				   "    - devices: all\n"
				   "      mig-enabled: true\n"
				   "      mig-devices:\n"
				   "        \"3g.40gb@4\": 1\n"
				   "        \"3g.40gb@0\": {compute-instances: [2c.3g.40gb, 1c.3g.40gb]}\n"
				   "        \"1g.10gb\": {count: 0, compute-instances: []}\n"
				   "  b:\n"
				   "    - devices: all\n"
				   "      mig-enabled: true\n"
				   "      mig-devices:\n"
				   "        - 3g.40gb@4\n"
				   "        - 2x1g.10gb\n"
				   "        - 9\n"
				   "        - {profile: 2g.20gb, count: 1, compute-instances: [1c.2g.20gb]}\n"
				   "  c:\n"
				   "    - devices: all\n"
				   "      mig-enabled: true\n"
				   "      mig-devices: []\n");
	const mig_config_instance *in;

	(void)state;
	in = f->configs[0].entries[0].instances;
	assert_false(f->configs[0].entries[0].list_form);
	assert_string_equal(in[0].profile, "3g.40gb");
	assert_int_equal(in[0].start, 4);
	assert_int_equal(in[0].count, 1);
	assert_int_equal(in[1].start, 0);
	assert_int_equal(in[1].count, 1);
	assert_true(in[1].has_cis);
	assert_int_equal(in[1].ci_count, 2);
	assert_string_equal(in[1].cis[0].profile, "2c.3g.40gb");
	assert_string_equal(in[1].cis[1].profile, "1c.3g.40gb");
	assert_int_equal(in[2].count, 0);
	assert_true(in[2].has_cis);
	assert_int_equal(in[2].ci_count, 0);

	in = f->configs[1].entries[0].instances;
	assert_true(f->configs[1].entries[0].list_form);
	assert_int_equal(f->configs[1].entries[0].instance_count, 4);
	assert_int_equal(in[0].start, 4);
	assert_string_equal(in[1].profile, "1g.10gb");
	assert_int_equal(in[1].count, 2);
	assert_string_equal(in[2].profile, "9");
	assert_int_equal(in[2].count, 1);
	assert_string_equal(in[3].profile, "2g.20gb");
	assert_int_equal(in[3].ci_count, 1);

	assert_true(f->configs[2].entries[0].list_form);
	assert_true(f->configs[2].entries[0].has_mig_devices);
	assert_int_equal(f->configs[2].entries[0].instance_count, 0);
	mig_config_file_free(f);
}

static void test_config_parse__select(void **state)
{
	mig_config_file *two = parse("version: v1\nmig-configs:\n"
				     "  a: [{devices: all, mig-enabled: false}]\n"
				     "  b: [{devices: all, mig-enabled: false}]\n");
	mig_config_file *one = parse("version: v1\nmig-configs:\n"
				     "  only: [{devices: all, mig-enabled: false}]\n");
	const mig_config *c = NULL;

	(void)state;
	assert_int_equal(mig_config_select(&c, one, NULL), 0);
	assert_string_equal(c->name, "only");
	assert_int_equal(mig_config_select(&c, two, "b"), 0);
	assert_string_equal(c->name, "b");
	assert_null(mig_config_find(two, "B"));

	assert_int_equal(mig_config_select(&c, two, NULL), MIG_EINVALID);
	assert_string_equal(mig_error_last()->message, "layouts.yaml holds 2 configs: choose one");
	assert_string_equal(mig_error_last()->hint, "configs in layouts.yaml: a, b");
	assert_int_equal(mig_config_select(&c, two, "balanced"), MIG_ENOTFOUND);
	assert_string_equal(mig_error_last()->message, "no config 'balanced' in layouts.yaml");
	assert_string_equal(mig_error_last()->hint, "configs in layouts.yaml: a, b");
	mig_config_file_free(two);
	mig_config_file_free(one);
}

static void test_config_parse__equal(void **state)
{
	mig_config_file *a = parse("version: v1\nmig-configs:\n  a: [{devices: [0], mig-enabled: "
				   "true, mig-devices: {\"1g.10gb\": 1}}]\n");
	mig_config_file *b = parse("version: v1\nmig-configs:\n\n  a:\n  - devices: [0]\n"
				   "    mig-enabled: true\n    mig-devices:\n"
				   "      \"1g.10gb\": 1\n");
	mig_config_file *c = parse("version: v1\nmig-configs:\n  a: [{devices: [1], mig-enabled: "
				   "true, mig-devices: {\"1g.10gb\": 1}}]\n");
	mig_config_file *d = parse("version: v1\nmig-configs:\n  a: [{devices: [0], mig-enabled: "
				   "true, mig-devices: [\"1g.10gb\"]}]\n");

	(void)state;
	/* positions differ, content does not */
	assert_true(mig_config_file_equal(a, b));
	assert_false(mig_config_file_equal(a, c));
	/* the list form is kept, so that a file is written back the way it was read */
	assert_false(mig_config_file_equal(a, d));
	assert_true(mig_config_file_equal(NULL, NULL));
	assert_false(mig_config_file_equal(a, NULL));
	mig_config_file_free(a);
	mig_config_file_free(b);
	mig_config_file_free(c);
	mig_config_file_free(d);
}

static void test_config_parse__load_and_utf8(void **state)
{
	char path[] = "/tmp/test_config_parse_XXXXXX";
	const char *text = "version: v1\nmig-configs:\n  \"équilibré\": [{devices: all, "
			   "mig-enabled: false}]\n";
	mig_config_file *f = NULL;
	FILE *fp;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	assert_int_equal(mig_config_load(&f, path), 0);
	assert_string_equal(f->path, path);
	assert_string_equal(f->configs[0].name, "équilibré");
	mig_config_file_free(f);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_parse__mig_parted_basics),
		cmocka_unit_test(test_config_parse__positions_are_kept),
		cmocka_unit_test(test_config_parse__device_filters),
		cmocka_unit_test(test_config_parse__devices_by_uuid),
		cmocka_unit_test(test_config_parse__yaml_forms),
		cmocka_unit_test(test_config_parse__extensions),
		cmocka_unit_test(test_config_parse__select),
		cmocka_unit_test(test_config_parse__equal),
		cmocka_unit_test(test_config_parse__load_and_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
