/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The simulator's dynamic symbol table: every name of tests/fixtures/nvml-symbols.txt (what a
 * real libnvidia-ml.so.1 exports; go-nvml aborts on a missing one) is exported as a function, and
 * nothing outside nvml* leaks (the catalog and geometry inside must stay private). Also the
 * soname and the unversioned link that nvtop opens first.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_NAMES 2048

struct names {
	size_t count;
	char *items[MAX_NAMES];
};

static void add_name(struct names *n, const char *s)
{
	assert_true(n->count < MAX_NAMES);
	n->items[n->count] = malloc(strlen(s) + 1);
	assert_non_null(n->items[n->count]);
	memcpy(n->items[n->count++], s, strlen(s) + 1);
}

static void free_names(struct names *n)
{
	while (n->count)
		free(n->items[--n->count]);
}

static int has_name(const struct names *n, const char *s)
{
	size_t i;

	for (i = 0; i < n->count; i++)
		if (strcmp(n->items[i], s) == 0)
			return 1;
	return 0;
}

static void read_fixture(struct names *out)
{
	char line[256];
	FILE *f = fopen(MIGSIM_SYMBOLS_FILE, "r");

	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] && line[0] != '#')
			add_name(out, line);
	}
	fclose(f);
}

/* "ADDRESS TYPE NAME" lines of nm -D --defined-only; functions go to funcs, the rest to other. */
static void read_exports(struct names *funcs, struct names *other)
{
	char line[512], type, name[256];
	FILE *p = popen("nm -D --defined-only '" MIGSIM_LIB_PATH "'", "r");

	assert_non_null(p);
	while (fgets(line, sizeof(line), p)) {
		if (sscanf(line, "%*s %c %255s", &type, name) != 2)
			continue;
		add_name(type == 'T' ? funcs : other, name);
	}
	assert_int_equal(pclose(p), 0);
}

static void test_sim_symbols__every_nvml_name_is_exported(void **state)
{
	struct names want = {0}, funcs = {0}, other = {0};
	size_t i, missing = 0;

	(void)state;
	read_fixture(&want);
	read_exports(&funcs, &other);
	assert_true(want.count >= 400);
	for (i = 0; i < want.count; i++) {
		if (!has_name(&funcs, want.items[i])) {
			print_error("not exported as a function: %s\n", want.items[i]);
			missing++;
		}
	}
	assert_int_equal(missing, 0);
	free_names(&want);
	free_names(&funcs);
	free_names(&other);
}

static void test_sim_symbols__nothing_outside_nvml(void **state)
{
	struct names funcs = {0}, other = {0}, want = {0};
	size_t i, stray = 0;

	(void)state;
	read_fixture(&want);
	read_exports(&funcs, &other);
	for (i = 0; i < funcs.count; i++) {
		if (strncmp(funcs.items[i], "nvml", 4) != 0 || !has_name(&want, funcs.items[i])) {
			print_error("unexpected export: %s\n", funcs.items[i]);
			stray++;
		}
	}
	for (i = 0; i < other.count; i++) {
		print_error("unexpected non-function export: %s\n", other.items[i]);
		stray++;
	}
	assert_int_equal(stray, 0);
	free_names(&want);
	free_names(&funcs);
	free_names(&other);
}

static void test_sim_symbols__soname_and_link(void **state)
{
	char line[512], link[1024];
	int found = 0;
	const char *slash = strrchr(MIGSIM_LIB_PATH, '/');
	FILE *p = popen("readelf -d '" MIGSIM_LIB_PATH "'", "r");

	(void)state;
	assert_non_null(p);
	while (fgets(line, sizeof(line), p))
		found |= strstr(line, "SONAME") && strstr(line, "[libnvidia-ml.so.1]");
	assert_int_equal(pclose(p), 0);
	assert_true(found);
	assert_non_null(slash);
	assert_string_equal(slash + 1, "libnvidia-ml.so.1");
	snprintf(link, sizeof(link), "%.*s/libnvidia-ml.so", (int)(slash - MIGSIM_LIB_PATH),
		 MIGSIM_LIB_PATH);
	assert_int_equal(access(link, R_OK), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sim_symbols__every_nvml_name_is_exported),
		cmocka_unit_test(test_sim_symbols__nothing_outside_nvml),
		cmocka_unit_test(test_sim_symbols__soname_and_link),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
