/* SPDX-License-Identifier: Apache-2.0 */
/* migctl mode on|off: MIG mode per GPU, with the reset rule said plainly. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "cli_system.h"
#include "exit.h"
#include "opt.h"
#include "output.h"
#include "migctl/device.h"
#include "migctl/error.h"
#include "banned.h"

static int force;

static const struct cli_opt mode_opts[] = {
	CLI_OPT_FLAG('f', "force", &force,
		     "to turn MIG off, destroy the idle instances first (never busy ones)"),
	CLI_OPT_END
};

static const struct cli_cmd_spec mode_spec = {
	"mode", "on|off",
	"Turn MIG mode on or off on the selected GPUs (-i; default all). On Ampere (A100, A30) the\n"
	"new mode waits for a GPU reset; Hopper and later switch at once. Turning MIG off while GPU\n"
	"instances exist is refused unless --force, which destroys the idle ones and still refuses\n"
	"if any instance has running processes.",
	mode_opts, 1, 1, 0
};

/* Before turning MIG off: refuse, or (with --force) clear the idle instances. */
static int clear_before_off(mig_system *sys, const mig_gpu_state *st, FILE *out)
{
	mig_destroy_target all = { -1, -1 };
	mig_destroyed done = { 0, 0, 0 };
	int rc;

	if (!st->mig_current || st->gi_count == 0)
		return 0;
	if (!force)
		return cli_fail(CLI_EXIT_REFUSED,
				"refusing to turn MIG off on GPU %u: %zu GPU instance%s exist\n"
				"hint: destroy them (migctl destroy all -i %u) or use --force",
				st->index, st->gi_count, st->gi_count == 1 ? "" : "s", st->index);
	rc = mig_device_destroy(sys, st->index, all, MIG_DESTROY_IDLE_ONLY, &done);
	if (rc < 0)
		return cli_report_error(rc);
	fprintf(out, "GPU %u: destroyed %zu idle GPU instance%s\n", st->index, done.gis,
		done.gis == 1 ? "" : "s");
	if (done.skipped_busy)
		return cli_fail(CLI_EXIT_REFUSED,
				"refusing to turn MIG off on GPU %u: %zu GPU instance%s still running "
				"processes (see migctl status -i %u)",
				st->index, done.skipped_busy, done.skipped_busy == 1 ? "" : "s",
				st->index);
	return 0;
}

static int set_one(mig_system *sys, unsigned index, int enable, struct cli_ctx *ctx, json_t *all)
{
	const char *word = enable ? "enabled" : "disabled";
	mig_gpu_state *st;
	int reset = 0, rc = mig_gpu_state_read(&st, sys, index);

	if (rc < 0)
		return cli_report_error(rc);
	if (!st->mig_capable) {
		mig_gpu_state_free(st);
		return cli_fail(CLI_EXIT_DRIVER, "GPU %u (%s) does not support MIG", index,
				st->name);
	}
	rc = enable ? 0 : clear_before_off(sys, st, ctx->json ? stderr : ctx->out);
	mig_gpu_state_free(st);
	if (rc)
		return rc;
	rc = mig_device_set_mode(sys, index, enable, &reset);
	if (rc < 0)
		return cli_report_error(rc);
	if (all)
		json_array_append_new(all, json_pack("{s:i, s:b, s:b}", "gpu", index, "enabled",
						     enable, "reset_needed", reset));
	else if (reset)
		fprintf(ctx->out,
			"GPU %u: MIG will be %s after a GPU reset (%s -i %u)\n", index, word,
			ctx->sim ? "simulated GPU: migctl sim reset" : "nvidia-smi -r", index);
	else
		fprintf(ctx->out, "GPU %u: MIG %s\n", index, word);
	return 0;
}

int cmd_mode(int argc, char **argv, struct cli_ctx *ctx)
{
	unsigned indices[64];
	size_t count = 0, i;
	json_t *all = NULL;
	mig_system *sys;
	int enable, npos, rc = cli_opt_parse(&mode_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	if (strcmp(argv[1], "on") == 0)
		enable = 1;
	else if (strcmp(argv[1], "off") == 0)
		enable = 0;
	else
		return cli_fail(CLI_EXIT_USAGE, "mode must be 'on' or 'off', not '%s'", argv[1]);
	sys = cli_system_open(ctx, &rc);
	if (!sys)
		return rc;
	rc = cli_select_gpus(sys, ctx, indices, 64, &count);
	if (ctx->json)
		all = json_array();
	for (i = 0; rc == 0 && i < count; i++)
		rc = set_one(sys, indices[i], enable, ctx, all);
	mig_system_close(sys);
	if (rc == 0 && all)
		return cli_json_print(all, ctx->out);
	json_decref(all);
	return rc;
}
