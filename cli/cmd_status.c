/* SPDX-License-Identifier: Apache-2.0 */
/* migctl status: GPU -> GI -> CI, with placements, SMs, memory, MIG UUIDs and processes. */
#include "cli.h"

#include <stdio.h>

#include "cli_system.h"
#include "exit.h"
#include "opt.h"
#include "output.h"
#include "render.h"
#include "state_render.h"
#include "migctl/device.h"
#include "banned.h"

static const struct cli_opt status_opts[] = { CLI_OPT_END };

static const struct cli_cmd_spec status_spec = {
	"status", NULL,
	"Show each GPU (-i selects: index, list, UUID, PCI bus id, all) with its MIG mode, its GPU\n"
	"instances (profile, placement, SMs, memory), their compute instances with the MIG device\n"
	"UUIDs, and the processes running on them: nvidia-smi -L, mig -lgi and mig -lci in one.",
	status_opts, 0, 0, 0
};

int cmd_status(int argc, char **argv, struct cli_ctx *ctx)
{
	unsigned indices[64];
	size_t count = 0, i;
	mig_system *sys;
	json_t *all = NULL;
	int npos, rc = cli_opt_parse(&status_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	sys = cli_system_open(ctx, &rc);
	if (!sys)
		return rc;
	rc = cli_select_gpus(sys, ctx, indices, 64, &count);
	if (ctx->json && rc == 0)
		all = json_array();
	for (i = 0; rc == 0 && i < count; i++) {
		mig_gpu_state *st;
		int err = mig_gpu_state_read(&st, sys, indices[i]);

		if (err < 0) {
			rc = cli_report_error(err);
			break;
		}
		if (all)
			json_array_append_new(all, cli_json_gpu_state(st));
		else
			cli_print_gpu_state(st, i > 0, ctx->out);
		mig_gpu_state_free(st);
	}
	if (ctx->verbose)
		fprintf(stderr, "migctl: %lu NVML calls\n", mig_system_nvml_calls(sys));
	mig_system_close(sys);
	if (rc == 0 && all)
		return cli_json_print(all, ctx->out);
	json_decref(all);
	return rc;
}
