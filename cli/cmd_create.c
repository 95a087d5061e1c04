/* SPDX-License-Identifier: Apache-2.0 */
/* migctl create: GPU instances (with their default compute instance) or CIs inside a GI. */
#include "cli.h"

#include <stdio.h>

#include "cli_system.h"
#include "exit.h"
#include "opt.h"
#include "output.h"
#include "migctl/device.h"
#include "migctl/error.h"
#include "migctl/geometry.h"
#include "parse_util.h"
#include "banned.h"

static int no_ci;
static const char *in_gi;

static const struct cli_opt create_opts[] = {
	CLI_OPT_FLAG(0, "no-ci", &no_ci, "create GPU instances without a compute instance"),
	CLI_OPT_STRING(0, "gi", &in_gi, "ID",
		       "create compute instances (1c.3g.40gb, ...) inside GPU instance ID"),
	CLI_OPT_END
};

static const struct cli_cmd_spec create_spec = {
	"create", "SPEC...",
	"Create GPU instances on one GPU (-i), each with its default compute instance unless\n"
	"--no-ci. SPEC is [COUNTx]PROFILE[@START] (3g.40gb@4, 2x1g.10gb, 9, 19,19,14,9). The whole\n"
	"request is placed first, around the instances that exist, so it fits whenever any\n"
	"placement does; if it cannot fit, nothing changes and the reason is given. With --gi ID,\n"
	"SPECs are compute-instance profiles created inside that GPU instance.",
	create_opts, 1, -1, 0
};

/* The MIG device UUID of a GI's CI, from a fresh read; "" when not found. */
static const char *uuid_of(const mig_gpu_state *st, unsigned gi_id, int ci_id)
{
	const mig_gi_state *g = mig_gpu_state_gi(st, gi_id);
	size_t j;

	for (j = 0; g && ci_id >= 0 && j < g->ci_count; j++)
		if ((int)g->cis[j].id == ci_id)
			return g->cis[j].uuid;
	return "";
}

static int report(mig_system *sys, unsigned index, const mig_created *made, struct cli_ctx *ctx)
{
	mig_gpu_state *st = NULL;
	json_t *all = ctx->json ? json_array() : NULL;
	size_t i;

	if (mig_gpu_state_read(&st, sys, index) < 0)
		mig_error_clear(); /* created fine; UUIDs are only a courtesy */
	for (i = 0; i < made->count; i++) {
		const char *uuid = st ? uuid_of(st, made->gi[i].gi_id, made->gi[i].ci_id) : "";

		if (all) {
			json_array_append_new(all, json_pack("{s:i, s:i, s:s, s:i, s:i, s:s}", "gpu",
							     index, "gi", made->gi[i].gi_id,
							     "profile", made->gi[i].profile->name,
							     "start", made->gi[i].start, "ci",
							     made->gi[i].ci_id, "uuid", uuid));
			continue;
		}
		fprintf(ctx->out, "GPU %u: created GI %u %s at %u", index, made->gi[i].gi_id,
			made->gi[i].profile->name, made->gi[i].start);
		if (made->gi[i].ci_id >= 0)
			fprintf(ctx->out, ", CI %d, %s\n", made->gi[i].ci_id, uuid);
		else
			fprintf(ctx->out, " (no compute instance)\n");
	}
	mig_gpu_state_free(st);
	return all ? cli_json_print(all, ctx->out) : CLI_EXIT_OK;
}

static int create_cis(mig_system *sys, const mig_gpu_state *st, char **words, int n,
		      struct cli_ctx *ctx)
{
	const mig_ci_profile *profiles[MIG_LAYOUT_MAX];
	unsigned ids[MIG_LAYOUT_MAX];
	const mig_gi_state *g;
	uint64_t gi_id;
	int i, rc;

	if (mig_parse_uint(in_gi, UINT32_MAX, &gi_id) < 0)
		return cli_fail(CLI_EXIT_USAGE, "bad GPU instance id '%s'", in_gi);
	g = mig_gpu_state_gi(st, (unsigned)gi_id);
	if (!g)
		return cli_fail(CLI_EXIT_USAGE, "GPU %u has no GPU instance %s", st->index, in_gi);
	if (!g->profile)
		return cli_fail(CLI_EXIT_FAILED, "GI %s has a profile migctl does not know", in_gi);
	if (n > MIG_LAYOUT_MAX)
		return cli_fail(CLI_EXIT_USAGE, "too many compute instances: at most %d",
				MIG_LAYOUT_MAX);
	for (i = 0; i < n; i++) {
		rc = mig_catalog_find_ci_profile(&profiles[i], g->profile, words[i]);
		if (rc < 0)
			return cli_report_error(rc);
	}
	rc = mig_device_create_cis(sys, st->index, g->id, profiles, (size_t)n, ids);
	if (rc < 0)
		return cli_report_error(rc);
	for (i = 0; i < n; i++)
		fprintf(ctx->json ? stderr : ctx->out, "GPU %u: created CI %u (%s) in GI %u\n",
			st->index, ids[i], profiles[i]->name, g->id);
	return CLI_EXIT_OK;
}

static int create_on(mig_system *sys, unsigned index, char **words, int n, struct cli_ctx *ctx)
{
	mig_gpu_state *st;
	mig_layout request;
	mig_created made;
	int rc = mig_gpu_state_read(&st, sys, index);

	if (rc < 0)
		return cli_report_error(rc);
	if (!st->model) {
		mig_gpu_state_free(st);
		return cli_fail(CLI_EXIT_FAILED, "GPU %u (%s) is not in migctl's catalog", index,
				st->name);
	}
	if (in_gi) {
		rc = create_cis(sys, st, words, n, ctx);
		mig_gpu_state_free(st);
		return rc;
	}
	rc = mig_geometry_parse_request(&request, st->model, (const char *const *)words,
					(size_t)n);
	mig_gpu_state_free(st);
	if (rc == 0)
		rc = mig_device_create(sys, index, &request, no_ci ? MIG_CREATE_NO_CI : 0, &made);
	if (rc < 0)
		return cli_report_error(rc);
	return report(sys, index, &made, ctx);
}

int cmd_create(int argc, char **argv, struct cli_ctx *ctx)
{
	unsigned indices[64];
	size_t count = 0, i;
	mig_system *sys;
	int npos, rc = cli_opt_parse(&create_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	sys = cli_system_open(ctx, &rc);
	if (!sys)
		return rc;
	rc = cli_select_gpus(sys, ctx, indices, 64, &count);
	if (rc == 0 && count > 1 && !ctx->gpu)
		rc = cli_fail(CLI_EXIT_USAGE, "this machine has %zu GPUs: choose with -i (or -i all)",
			      count);
	for (i = 0; rc == 0 && i < count; i++)
		rc = create_on(sys, indices[i], argv + 1, npos, ctx);
	mig_system_close(sys);
	return rc;
}
