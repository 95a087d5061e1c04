/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fuzz target for the planner's input file (docs/planner.md): any bytes are parsed; an error
 * must be one clean message. Inputs that parse and stay small are planned (a short time limit,
 * no baselines) and rendered as JSON, report and layout file, so that whatever a user can
 * write goes through the model, the optimiser and the renderers.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "migctl/error.h"
#include "migctl/plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT     65536
#define MAX_WORKLOADS 12
#define MAX_REPLICAS  32

/*
 * CoinUtils 2.11 (under CBC) leaks in some presolve actions: not ours to fix. Leaks through
 * operator new are theirs too (migctl is C); a fast unwind may stop the stack at libstdc++.
 */
/* default visibility: the sanitizer runtime looks the hook up in the executable */
__attribute__((visibility("default"))) const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libCoinUtils.so\nleak:libstdc++.so\n";
}

/* Touch the error text so that the sanitizers check it is a valid string. */
static size_t read_error(void)
{
	const mig_error *e = mig_error_last();

	return strlen(e->message) + (e->hint ? strlen(e->hint) : 0);
}

static int small(const mig_plan_input *in)
{
	unsigned replicas = 0;
	size_t i;

	if (in->workload_count > MAX_WORKLOADS || in->fleet_count > 3)
		return 0;
	for (i = 0; i < in->workload_count; i++) {
		replicas += in->workloads[i].max_replicas;
		if (in->workloads[i].throughput <= 0)
			replicas -= in->workloads[i].max_replicas - in->workloads[i].replicas;
	}
	return replicas <= MAX_REPLICAS;
}

static void render(const mig_plan *p)
{
	int (*const fn[])(char **, const mig_plan *) = {mig_plan_to_json, mig_plan_report,
							mig_plan_to_layouts};
	size_t i;

	for (i = 0; i < sizeof(fn) / sizeof(fn[0]); i++) {
		char *text = NULL;

		if (fn[i](&text, p) == 0)
			free(text);
		else
			read_error();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mig_plan_options opts = MIG_PLAN_OPTIONS_INIT;
	mig_plan_input *in = NULL;
	mig_plan *p = NULL;

	if (size > MAX_INPUT)
		return 0;
	if (mig_plan_input_parse(&in, (const char *)data, size, "fuzz.yaml") != 0) {
		read_error();
		return 0;
	}
	opts.time_limit_s = 1;
	opts.no_baselines = size % 2;
	if (small(in) && mig_plan_compute(&p, in, &opts) == 0)
		render(p);
	else
		read_error();
	mig_plan_free(p);
	mig_plan_input_free(in);
	mig_error_clear();
	return 0;
}
