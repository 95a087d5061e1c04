/* SPDX-License-Identifier: Apache-2.0 */
/* migctl export: the GPUs' current MIG state as a layout file that apply accepts. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli_system.h"
#include "exit.h"
#include "opt.h"
#include "migctl/config.h"
#include "migctl/error.h"
#include "migctl/reconcile.h"
#include "banned.h"

#define MAX_GPUS 64

static const char *config_name;
static int pinned, by_uuid;

static const struct cli_opt export_opts[] = {
	CLI_OPT_STRING('c', "config", &config_name, "NAME", "name of the config written (current)"),
	CLI_OPT_FLAG(0, "pinned", &pinned, "write each GPU instance's placement (3g.40gb@4)"),
	CLI_OPT_FLAG(0, "uuid", &by_uuid, "select GPUs by UUID rather than by index"), CLI_OPT_END};

static const struct cli_cmd_spec export_spec = {
	.name = "export",
	.args = "",
	.summary =
		"Print the selected GPUs' state (-i; default all) as a layout file (YAML) holding\n"
		"one config: GPUs with the same layout share an entry. 'migctl apply -f FILE'\n"
		"accepts it and gives the same GPU and compute instances back; with --pinned, at\n"
		"the same placements.",
	.opts = export_opts,
	.min_args = 0,
	.max_args = 0,
};

struct export_gpus {
	size_t count;
	mig_gpu_state *states[MAX_GPUS];
	mig_config_gpu_layout layouts[MAX_GPUS];
};

static int read_gpu(mig_system *sys, unsigned index, struct export_gpus *g)
{
	mig_gpu_state *st;
	mig_config_gpu_layout *l = &g->layouts[g->count];
	int rc = mig_gpu_state_read(&st, sys, index);

	if (rc < 0)
		return cli_report_error(rc);
	if (!st->model) {
		fprintf(stderr, "migctl: GPU %u ('%s') is not in migctl's catalog, ignoring\n",
			index, st->name);
		mig_gpu_state_free(st);
		return 0;
	}
	rc = mig_reconcile_state_layout(&l->layout, st);
	if (rc < 0) {
		mig_gpu_state_free(st);
		return cli_report_error(rc);
	}
	l->index = (int)index;
	l->uuid = st->uuid;
	g->states[g->count++] = st;
	return 0;
}

static int write_out(const struct export_gpus *g, struct cli_ctx *ctx)
{
	unsigned flags =
		(pinned ? MIG_CONFIG_EXPORT_PINNED : 0) | (by_uuid ? MIG_CONFIG_EXPORT_UUID : 0);
	mig_config_file *f = NULL;
	char *text = NULL;
	int rc;

	if (g->count == 0)
		return cli_fail(CLI_EXIT_FAILED, "no GPU to export");
	rc = mig_config_export(&f, config_name ? config_name : "current", g->layouts, g->count,
			       flags);
	if (rc == 0)
		rc = mig_config_write(&text, f);
	mig_config_file_free(f);
	if (rc < 0)
		return cli_report_error(rc);
	fputs(text, ctx->out);
	free(text);
	return CLI_EXIT_OK;
}

int cmd_export(int argc, char **argv, struct cli_ctx *ctx)
{
	struct export_gpus *g;
	unsigned indices[MAX_GPUS];
	size_t count = 0, i;
	mig_system *sys;
	int npos, rc = cli_opt_parse(&export_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	sys = cli_system_open(ctx, &rc);
	if (!sys)
		return rc;
	g = calloc(1, sizeof(*g)); /* the layouts are large: not on the stack */
	rc = g ? cli_select_gpus(sys, ctx, indices, MAX_GPUS, &count)
	       : cli_fail(CLI_EXIT_FAILED, "out of memory");
	for (i = 0; rc == 0 && i < count; i++)
		rc = read_gpu(sys, indices[i], g);
	if (rc == 0)
		rc = write_out(g, ctx);
	for (i = 0; g && i < g->count; i++)
		mig_gpu_state_free(g->states[i]);
	free(g);
	mig_system_close(sys);
	return rc;
}
