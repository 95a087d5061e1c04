/* SPDX-License-Identifier: Apache-2.0 */
/* migctl destroy: GPU instances (with their CIs), single CIs, or everything; never busy ones. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "cli_system.h"
#include "exit.h"
#include "opt.h"
#include "migctl/device.h"
#include "parse_util.h"
#include "banned.h"

static int force;

static const struct cli_opt destroy_opts[] = {
	CLI_OPT_FLAG('f', "force", &force, "destroy even instances with running processes"),
	CLI_OPT_END
};

static const struct cli_cmd_spec destroy_spec = {
	"destroy", "GI|GI:CI|all...",
	"Destroy GPU instances (GI id: its compute instances first, then the GI), one compute\n"
	"instance (GI:CI), or every instance on the selected GPUs ('all'). Instances with running\n"
	"processes are refused, with their pids, unless --force; a refusal changes nothing.",
	destroy_opts, 1, -1, 0
};

static int parse_target(const char *word, mig_destroy_target *t)
{
	const char *colon = strchr(word, ':');
	uint64_t gi, ci;

	if (strcmp(word, "all") == 0) {
		t->gi_id = t->ci_id = -1;
		return 0;
	}
	if (colon) {
		if (mig_parse_uint_n(word, (size_t)(colon - word), 14, &gi) < 0 ||
		    mig_parse_uint(colon + 1, 7, &ci) < 0)
			return -1;
		t->gi_id = (int)gi;
		t->ci_id = (int)ci;
		return 0;
	}
	if (mig_parse_uint(word, 14, &gi) < 0)
		return -1;
	t->gi_id = (int)gi;
	t->ci_id = -1;
	return 0;
}

int cmd_destroy(int argc, char **argv, struct cli_ctx *ctx)
{
	mig_destroy_target targets[64];
	unsigned indices[64];
	size_t count = 0, i;
	mig_system *sys;
	int k, npos, rc = cli_opt_parse(&destroy_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	if (npos > 64)
		return cli_fail(CLI_EXIT_USAGE, "too many targets: at most 64");
	for (k = 0; k < npos; k++)
		if (parse_target(argv[k + 1], &targets[k]) < 0)
			return cli_fail(CLI_EXIT_USAGE,
					"bad target '%s': use a GI id (0-14), GI:CI (CI 0-7) or "
					"'all'",
					argv[k + 1]);
	sys = cli_system_open(ctx, &rc);
	if (!sys)
		return rc;
	rc = cli_select_gpus(sys, ctx, indices, 64, &count);
	if (rc == 0 && count > 1 && !ctx->gpu && !(npos == 1 && targets[0].gi_id < 0))
		rc = cli_fail(CLI_EXIT_USAGE, "this machine has %zu GPUs: choose with -i", count);
	for (i = 0; rc == 0 && i < count; i++) {
		for (k = 0; rc == 0 && k < npos; k++) {
			mig_destroyed done = { 0, 0, 0 };
			int err = mig_device_destroy(sys, indices[i], targets[k],
						     force ? MIG_DESTROY_FORCE : 0, &done);

			if (done.gis || done.cis)
				fprintf(ctx->json ? stderr : ctx->out,
					"GPU %u: destroyed %zu GPU instance%s, %zu compute "
					"instance%s\n",
					indices[i], done.gis, done.gis == 1 ? "" : "s", done.cis,
					done.cis == 1 ? "" : "s");
			if (err < 0)
				rc = cli_report_error(err);
		}
	}
	mig_system_close(sys);
	return rc;
}
