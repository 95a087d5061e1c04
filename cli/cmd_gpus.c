/* SPDX-License-Identifier: Apache-2.0 */
/* migctl gpus: the catalog of MIG-capable GPUs. */
#include "cli.h"

#include <stdio.h>

#include "exit.h"
#include "opt.h"
#include "output.h"
#include "render.h"
#include "migctl/catalog.h"
#include "banned.h"

static const struct cli_opt gpus_opts[] = { CLI_OPT_END };

static const struct cli_cmd_spec gpus_spec = {
	"gpus", NULL,
	"List every MIG-capable GPU in migctl's catalog: the key to pass as --gpu, the name NVML\n"
	"reports, architecture, SMs, memory and the slice grid. Values no NVIDIA source confirmed\n"
	"are marked with '*'.",
	gpus_opts, 0, 0, 0
};

static int print_json(FILE *out)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < mig_catalog_count(); i++)
		json_array_append_new(a, cli_json_gpu(mig_catalog_at(i)));
	return cli_json_print(a, out);
}

static int print_text(FILE *out)
{
	static const char *const headers[] = { "KEY", "NVML NAME", "ARCH", "SMS", "MEMORY",
					       "SLICES", "PROFILES", NULL };
	struct cli_table *t = cli_table_new(headers);
	int any_unconfirmed = 0;
	size_t i;

	if (!t)
		return cli_fail(CLI_EXIT_FAILED, "out of memory");
	for (i = 0; i < mig_catalog_count(); i++) {
		const mig_gpu *g = mig_catalog_at(i);
		char sms[24], mem[32], slices[24], profiles[16];
		const char *mark = g->unconfirmed & MIG_UNCONFIRMED_MEMORY ? "*" : "";
		const char *cells[7];

		if (g->sms)
			snprintf(sms, sizeof(sms), "%u%s", g->sms,
				 g->unconfirmed & MIG_UNCONFIRMED_SMS ? "*" : "");
		else
			snprintf(sms, sizeof(sms), "?");
		snprintf(mem, sizeof(mem), "%u MiB%s", g->memory_mib, mark);
		snprintf(slices, sizeof(slices), "%u mem / %u compute", g->memory_slices,
			 g->compute_slices);
		snprintf(profiles, sizeof(profiles), "%zu", g->gi_profile_count);
		cells[0] = g->key, cells[1] = g->nvml_name, cells[2] = mig_arch_name(g->arch);
		cells[3] = sms, cells[4] = mem, cells[5] = slices, cells[6] = profiles;
		if (cli_table_add(t, cells, 7) < 0) {
			cli_table_free(t);
			return cli_fail(CLI_EXIT_FAILED, "out of memory");
		}
		any_unconfirmed |= (g->unconfirmed & (MIG_UNCONFIRMED_MEMORY | MIG_UNCONFIRMED_SMS)) != 0;
	}
	cli_table_print(t, out);
	cli_table_free(t);
	if (any_unconfirmed)
		fprintf(out, "\n* unconfirmed: no NVIDIA source showed this value; check nvidia-smi\n");
	return CLI_EXIT_OK;
}

int cmd_gpus(int argc, char **argv, struct cli_ctx *ctx)
{
	int npos, rc = cli_opt_parse(&gpus_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	return ctx->json ? print_json(ctx->out) : print_text(ctx->out);
}
