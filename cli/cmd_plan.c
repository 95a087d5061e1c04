/* SPDX-License-Identifier: Apache-2.0 */
/* migctl plan FILE: from a list of models and a fleet to the cheapest MIG layouts. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exit.h"
#include "opt.h"
#include "migctl/error.h"
#include "migctl/plan.h"
#include "banned.h"

static struct {
	const char *solver;
	const char *time_limit;
	const char *calibration;
	const char *json_out;
	const char *layouts_out;
	int no_mps;
	int with_me;
} opt;

static const struct cli_opt plan_opts[] = {
	CLI_OPT_STRING(0, "solver", &opt.solver, "NAME", "cbc (default) or enum (exhaustive)"),
	CLI_OPT_STRING(0, "time-limit", &opt.time_limit, "SECONDS", "time limit for the plan (10)"),
	CLI_OPT_STRING(0, "calibration", &opt.calibration, "FILE",
		       "measured numbers that replace the model's"),
	CLI_OPT_STRING(0, "json-out", &opt.json_out, "FILE", "also write the plan as JSON"),
	CLI_OPT_STRING(0, "layouts-out", &opt.layouts_out, "FILE",
		       "also write the layout file for 'migctl apply' (a config per node)"),
	CLI_OPT_FLAG(0, "no-mps", &opt.no_mps, "never share an instance through MPS"),
	CLI_OPT_FLAG(0, "with-me", &opt.with_me, "let layouts use the +me profiles"),
	CLI_OPT_END
};

static const struct cli_cmd_spec plan_spec = {
	"plan", "FILE",
	"Plan the cheapest MIG layouts for the models in FILE (YAML: the fleet and the workloads;\n"
	"docs/planner.md) with an integer program, and print the report: GPUs and $/hr against one\n"
	"GPU per model, first-fit-decreasing packing and the best uniform layout, each GPU's\n"
	"layout, each workload's instances with memory and throughput headroom, and what MIG\n"
	"cannot serve with the alternative. --json prints the plan as JSON instead. Exit 3 for a\n"
	"bad file, 4 when the fleet is too small (saying what is missing).",
	plan_opts, 1, 1, 0
};

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
		int err = errno;

		if (f)
			fclose(f);
		return cli_fail(CLI_EXIT_FAILED, "cannot write '%s': %s", path, strerror(err));
	}
	return 0;
}

static int outputs(const mig_plan *plan, struct cli_ctx *ctx)
{
	char *text = NULL;
	int rc = 0;

	if (opt.json_out || ctx->json) {
		if (mig_plan_to_json(&text, plan) < 0)
			return cli_report_error(MIG_ENOMEM);
		if (opt.json_out)
			rc = write_file(opt.json_out, text);
		if (rc == 0 && ctx->json)
			fputs(text, ctx->out);
		free(text);
		text = NULL;
	}
	if (rc == 0 && opt.layouts_out) {
		if (mig_plan_to_layouts(&text, plan) < 0)
			return cli_report_error(MIG_ENOMEM);
		rc = write_file(opt.layouts_out, text);
		free(text);
		text = NULL;
	}
	if (rc == 0 && !ctx->json) {
		if (mig_plan_report(&text, plan) < 0)
			return cli_report_error(MIG_ENOMEM);
		fputs(text, ctx->out);
		free(text);
	}
	return rc;
}

static int options(mig_plan_options *o)
{
	char *end;

	o->solver = opt.solver;
	o->no_mps = opt.no_mps;
	if (opt.with_me)
		o->enum_flags |= MIG_ENUM_ME;
	if (opt.time_limit) {
		errno = 0;
		o->time_limit_s = strtod(opt.time_limit, &end);
		if (errno || *end || end == opt.time_limit || o->time_limit_s <= 0)
			return cli_fail(CLI_EXIT_USAGE, "bad time limit '%s': seconds above 0",
					opt.time_limit);
	}
	return 0;
}

int cmd_plan(int argc, char **argv, struct cli_ctx *ctx)
{
	mig_plan_options o = MIG_PLAN_OPTIONS_INIT;
	mig_plan_input *in = NULL;
	mig_plan *plan = NULL;
	int npos, err, rc = cli_opt_parse(&plan_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	rc = options(&o);
	if (rc)
		return rc;
	err = mig_plan_input_load(&in, argv[1]);
	if (err == 0 && opt.calibration)
		err = mig_plan_input_load_calibration(in, opt.calibration);
	if (err < 0) {
		rc = cli_report_error(err);
		mig_plan_input_free(in);
		return err == MIG_EINVALID || err == MIG_ENOTFOUND || err == MIG_EIO ? CLI_EXIT_BAD_FILE
										    : rc;
	}
	err = mig_plan_compute(&plan, in, &o);
	if (err < 0) {
		rc = cli_report_error(err);
		if (err == MIG_EINVALID && !opt.solver)
			rc = CLI_EXIT_BAD_FILE; /* the file asks for something no GPU can give */
		else if (err == MIG_ENOTSUPPORTED)
			rc = CLI_EXIT_FAILED; /* the enum solver on a fleet too large for it */
	}
	else
		rc = outputs(plan, ctx);
	mig_plan_free(plan);
	mig_plan_input_free(in);
	return rc;
}
