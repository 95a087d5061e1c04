/* SPDX-License-Identifier: Apache-2.0 */
/* migctl devices: every MIG device with the value to put in CUDA_VISIBLE_DEVICES. */
#include "cli.h"

#include <stdio.h>

#include "cli_system.h"
#include "exit.h"
#include "opt.h"
#include "output.h"
#include "migctl/device.h"
#include "banned.h"

static int uuids_only;

static const struct cli_opt devices_opts[] = {
	CLI_OPT_FLAG('q', "uuids", &uuids_only, "print only the UUIDs, one per line"),
	CLI_OPT_END
};

static const struct cli_cmd_spec devices_spec = {
	"devices", NULL,
	"List the MIG devices (one per compute instance) of the selected GPUs. The first column is\n"
	"the exact value for CUDA_VISIBLE_DEVICES (or NVIDIA_VISIBLE_DEVICES, or docker --gpus\n"
	"'\"device=...\"') that makes a program see that instance.",
	devices_opts, 0, 0, 0
};

static int add_rows(const mig_gpu_state *st, struct cli_table *t, json_t *all, FILE *out)
{
	size_t i, j;

	for (i = 0; i < st->gi_count; i++) {
		const mig_gi_state *g = &st->gis[i];

		for (j = 0; j < g->ci_count; j++) {
			const mig_ci_state *ci = &g->cis[j];
			char gpu[16], gi[16], cid[16], procs[16];
			const char *cells[7];

			if (!ci->uuid[0])
				continue;
			if (uuids_only && !all) {
				fprintf(out, "%s\n", ci->uuid);
				continue;
			}
			if (all) {
				json_array_append_new(
					all, json_pack("{s:s, s:i, s:i, s:i, s:s, s:s, s:i}", "uuid",
						       ci->uuid, "gpu", st->index, "gi", g->id, "ci",
						       ci->id, "gi_profile", g->profile_name,
						       "ci_profile", ci->profile ? ci->profile->name : "?",
						       "processes", (int)ci->process_count));
				continue;
			}
			snprintf(gpu, sizeof(gpu), "%u", st->index);
			snprintf(gi, sizeof(gi), "%u", g->id);
			snprintf(cid, sizeof(cid), "%u", ci->id);
			snprintf(procs, sizeof(procs), "%zu", ci->process_count);
			cells[0] = ci->uuid, cells[1] = gpu, cells[2] = gi, cells[3] = cid;
			cells[4] = g->profile_name, cells[5] = ci->profile ? ci->profile->name : "?";
			cells[6] = ci->process_count ? procs : "idle";
			if (cli_table_add(t, cells, 7) < 0)
				return -1;
		}
	}
	return 0;
}

int cmd_devices(int argc, char **argv, struct cli_ctx *ctx)
{
	static const char *const headers[] = { "CUDA_VISIBLE_DEVICES", "GPU", "GI", "CI",
					       "GI PROFILE", "CI PROFILE", "PROCESSES", NULL };
	unsigned indices[64];
	size_t count = 0, i;
	struct cli_table *t = NULL;
	json_t *all = NULL;
	mig_system *sys;
	int npos, rc = cli_opt_parse(&devices_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	sys = cli_system_open(ctx, &rc);
	if (!sys)
		return rc;
	rc = cli_select_gpus(sys, ctx, indices, 64, &count);
	if (ctx->json)
		all = json_array();
	else if (!uuids_only)
		t = cli_table_new(headers);
	for (i = 0; rc == 0 && i < count; i++) {
		mig_gpu_state *st;
		int err = mig_gpu_state_read(&st, sys, indices[i]);

		if (err < 0) {
			rc = cli_report_error(err);
			break;
		}
		if (add_rows(st, t, all, ctx->out) < 0)
			rc = cli_fail(CLI_EXIT_FAILED, "out of memory");
		mig_gpu_state_free(st);
	}
	mig_system_close(sys);
	if (rc == 0 && all)
		return cli_json_print(all, ctx->out);
	if (rc == 0 && t)
		cli_table_print(t, ctx->out);
	json_decref(all);
	cli_table_free(t);
	return rc;
}
