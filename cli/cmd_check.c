/* SPDX-License-Identifier: Apache-2.0 */
/* migctl check: is a layout valid on a GPU, and if not, why. */
#include "cli.h"

#include "exit.h"
#include "fit_report.h"
#include "opt.h"
#include "render.h"
#include "banned.h"

static const struct cli_opt check_opts[] = { CLI_OPT_END };

static const struct cli_cmd_spec check_spec = {
	"check", "SPEC...",
	"Say whether GPU instances can exist together on a GPU (--gpu KEY). Each SPEC is\n"
	"[COUNTx]PROFILE[@START]: a profile name (3g.40gb), short name (3g) or id (9), optionally\n"
	"pinned to a start slice; commas also separate specs (19,19,14,9). Unpinned instances are\n"
	"placed by an exact search. Exit 0 when valid, 4 with the reason when not.",
	check_opts, 1, -1, 0
};

int cmd_check(int argc, char **argv, struct cli_ctx *ctx)
{
	const mig_gpu *gpu;
	int npos, rc = cli_opt_parse(&check_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	gpu = cli_offline_gpu(ctx->gpu, "check", &rc);
	if (!gpu)
		return rc;
	return cli_fit_report(gpu, (const char *const *)argv + 1, (size_t)npos, ctx);
}
