/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_TEST_PLAN_HELPERS_H
#define MIGCTL_TEST_PLAN_HELPERS_H

/* Shared by the planner's unit tests: include after cmocka.h. */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "migctl/error.h"
#include "migctl/plan.h"

/*
 * CoinUtils 2.11 (Debian 12's, under CBC) leaks in some presolve actions (presolve_dupmajor,
 * implied_free_action) on some problems. It is not ours to fix and not worth turning presolve
 * or the heuristics that use it off, so LeakSanitizer is told to ignore that library's leaks;
 * and those allocated through operator new, since migctl is C and only the COIN-OR libraries
 * use it (a fast unwind can stop the stack at libstdc++, before CoinUtils).
 */
/* default visibility: the sanitizer runtime looks the hook up in the executable */
__attribute__((visibility("default"))) const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libCoinUtils.so\nleak:libstdc++.so\n";
}

/* Fail with the call, its code and migctl's message when expr does not return 0. */
#define assert_ok(expr)                                                                            \
	do {                                                                                       \
		int rc_ = (expr);                                                                  \
		if (rc_ != 0)                                                                      \
			fail_msg("%s -> %d: %s", #expr, rc_, mig_error_last()->message);           \
	} while (0)

/* Fail unless a double is within tol of what was expected, printing both. */
#define assert_near(actual, expected, tol)                                                         \
	do {                                                                                       \
		double a_ = (actual), e_ = (expected);                                             \
		if (!(fabs(a_ - e_) <= (tol)))                                                     \
			fail_msg("%s = %.6f, expected %.6f", #actual, a_, e_);                     \
	} while (0)

/* Fail unless the last error message contains text. */
#define assert_error_has(text)                                                                     \
	do {                                                                                       \
		if (!strstr(mig_error_last()->message, (text)))                                    \
			fail_msg("error '%s' lacks '%s'", mig_error_last()->message, (text));      \
	} while (0)

static inline const mig_gpu *gpu(const char *key)
{
	const mig_gpu *g = mig_catalog_by_key(key);

	if (!g)
		fail_msg("no GPU '%s' in the catalog", key);
	return g;
}

static inline const mig_gi_profile *profile(const mig_gpu *g, const char *name)
{
	const mig_gi_profile *p = NULL;

	assert_ok(mig_catalog_find_profile(&p, g, name));
	return p;
}

/* tests/fixtures/plan/NAME, from this header's own path. */
static inline const char *fixture(char *buf, size_t len, const char *name)
{
	const char *slash = strrchr(__FILE__, '/');

	snprintf(buf, len, "%.*s/../fixtures/plan/%s", slash ? (int)(slash - __FILE__) : 1,
		 slash ? __FILE__ : ".", name);
	return buf;
}

static inline mig_plan_input *load_fixture(const char *name)
{
	mig_plan_input *in = NULL;
	char path[1024];

	assert_ok(mig_plan_input_load(&in, fixture(path, sizeof(path), name)));
	return in;
}

static inline mig_plan_input *parse(const char *yaml)
{
	mig_plan_input *in = NULL;

	assert_ok(mig_plan_input_parse(&in, yaml, strlen(yaml), "t.yaml"));
	return in;
}

/* Parse yaml, expecting it to fail with code and a message containing text. */
static inline void parse_fails(const char *yaml, int code, const char *text)
{
	mig_plan_input *in = NULL;
	int rc = mig_plan_input_parse(&in, yaml, strlen(yaml), "t.yaml");

	if (rc != code)
		fail_msg("parse -> %d (%s), expected %d with '%s'", rc,
			 rc ? mig_error_last()->message : "ok", code, text);
	assert_null(in);
	assert_error_has(text);
}

static inline mig_plan *plan_with(const mig_plan_input *in, const char *solver)
{
	mig_plan_options o = MIG_PLAN_OPTIONS_INIT;
	mig_plan *p = NULL;

	o.solver = solver;
	assert_ok(mig_plan_compute(&p, in, &o));
	return p;
}

/* The assignment of the workload called name. */
static inline const mig_plan_assignment *assignment(const mig_plan *p, const char *name)
{
	size_t w;

	for (w = 0; w < p->workload_count; w++)
		if (strcmp(p->input->workloads[w].name, name) == 0)
			return &p->workloads[w];
	fail_msg("no workload '%s'", name);
	return NULL;
}

#endif
