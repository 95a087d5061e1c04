/* SPDX-License-Identifier: Apache-2.0 */
#include "fit_report.h"

#include <stdio.h>

#include "exit.h"
#include "output.h"
#include "render.h"
#include "migctl/error.h"
#include "migctl/geometry.h"
#include "banned.h"

static int all_pinned(const mig_layout *l)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		if (l->gi[i].start < 0)
			return 0;
	return 1;
}

/* The nvidia-smi line that creates the layout with explicit placements, in order. */
static void smi_line(const mig_layout *l, char *buf, size_t len)
{
	size_t i, used;

	used = (size_t)snprintf(buf, len, "nvidia-smi mig -cgi ");
	for (i = 0; i < l->count && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%u:%d", i ? "," : "",
					 l->gi[i].profile->id, l->gi[i].start);
	if (used < len)
		snprintf(buf + used, len - used, " -C");
}

static int print_fit_text(const mig_gpu *gpu, const mig_layout *placed, FILE *out)
{
	char text[512], map[256], smi[256];
	size_t i;

	mig_layout_draw(map, sizeof(map), placed);
	fprintf(out, "fits on %s (%s): %s\n  %s\n", gpu->nvml_name, gpu->key,
		cli_layout_text(placed, text, sizeof(text)), map);
	fprintf(out, "create in this order (largest first, explicit placements):\n");
	for (i = 0; i < placed->count; i++) {
		const mig_instance *gi = &placed->gi[i];
		unsigned last = (unsigned)gi->start + gi->profile->mem_slices - 1;

		if (last == (unsigned)gi->start)
			fprintf(out, "  %zu. %s at %d (profile id %u, slice %d)\n", i + 1,
				gi->profile->name, gi->start, gi->profile->id, gi->start);
		else
			fprintf(out, "  %zu. %s at %d (profile id %u, slices %d-%u)\n", i + 1,
				gi->profile->name, gi->start, gi->profile->id, gi->start, last);
	}
	smi_line(placed, smi, sizeof(smi));
	fprintf(out, "same with nvidia-smi: %s\n", smi);
	return CLI_EXIT_OK;
}

static json_t *violation_json(const mig_violation *why, int rc)
{
	const mig_error *e = mig_error_last();

	return json_pack("{s:s, s:s, s:s*}", "rule", mig_violation_name(why->kind), "message",
			 e->message ? e->message : mig_error_code_name(rc), "hint", e->hint);
}

int cli_fit_report(const mig_gpu *gpu, const char *const *words, size_t count,
		   struct cli_ctx *ctx)
{
	mig_layout request, placed;
	mig_violation why = { MIG_VIOLATION_NONE, -1, -1, NULL, 0 };
	int rc;

	rc = mig_geometry_parse_request(&request, gpu, words, count);
	if (rc < 0)
		return cli_report_error(rc);
	if (all_pinned(&request)) {
		rc = mig_geometry_check(&request, &why);
		placed = request;
		if (rc == 0)
			mig_geometry_creation_order(&placed);
	} else {
		rc = mig_geometry_fit(&placed, &request, &why);
	}
	if (rc < 0 && rc != MIG_ENOFIT)
		return cli_report_error(rc);
	if (ctx->json) {
		json_t *o = json_pack("{s:s, s:b}", "gpu", gpu->key, "fits", rc == 0);

		if (o && rc == 0)
			json_object_set_new(o, "layout", cli_json_layout(&placed));
		else if (o)
			json_object_set_new(o, "violation", violation_json(&why, rc));
		if (cli_json_print(o, ctx->out) != CLI_EXIT_OK)
			return CLI_EXIT_FAILED;
		return rc == 0 ? CLI_EXIT_OK : cli_report_error(rc);
	}
	if (rc < 0)
		return cli_report_error(rc);
	return print_fit_text(gpu, &placed, ctx->out);
}
