/* SPDX-License-Identifier: Apache-2.0 */
#include "state_render.h"

#include <stdio.h>
#include <string.h>

#include "render.h"
#include "banned.h"

static const char *mode_text(const mig_gpu_state *st)
{
	if (!st->mig_capable)
		return "not supported";
	if (st->mig_current == st->mig_pending)
		return st->mig_current ? "enabled" : "disabled";
	return st->mig_pending ? "disabled (enabled after a GPU reset)"
			       : "enabled (disabled after a GPU reset)";
}

static void print_ci(const mig_ci_state *ci, FILE *out)
{
	size_t p;

	fprintf(out, "    CI %u  %-14s %s  %u SMs", ci->id,
		ci->profile ? ci->profile->name : "?", ci->uuid[0] ? ci->uuid : "-", ci->sms);
	if (ci->process_count == 0) {
		fprintf(out, "  idle\n");
		return;
	}
	fprintf(out, "  processes:");
	for (p = 0; p < ci->process_count; p++)
		fprintf(out, " %u (%llu MiB)", ci->processes[p].pid,
			(unsigned long long)ci->processes[p].used_mib);
	fputc('\n', out);
}

void cli_print_gpu_state(const mig_gpu_state *st, int blank_line_before, FILE *out)
{
	mig_layout layout;
	size_t i, j;

	if (blank_line_before)
		fputc('\n', out);
	fprintf(out, "GPU %u  %s%s%s%s  %s  %s\n", st->index, st->name, st->model ? " (" : "",
		st->model ? st->model->key : "", st->model ? ")" : "", st->uuid, st->bus_id);
	fprintf(out, "  MIG %s", mode_text(st));
	if (st->mig_current)
		fprintf(out, ", %zu GPU instance%s", st->gi_count, st->gi_count == 1 ? "" : "s");
	fputc('\n', out);
	if (!st->mig_current)
		return;
	if (st->gi_count && mig_gpu_state_layout(st, &layout) == 0) {
		char map[256];

		mig_layout_draw(map, sizeof(map), &layout);
		fprintf(out, "  %s\n", map);
	}
	for (i = 0; i < st->gi_count; i++) {
		const mig_gi_state *g = &st->gis[i];

		char where[32];

		if (g->size == 1)
			snprintf(where, sizeof(where), "slice %u", g->start);
		else
			snprintf(where, sizeof(where), "slices %u-%u", g->start, g->start + g->size - 1);
		fprintf(out, "  GI %-2u %-14s at %u (%s)  %llu/%llu MiB used\n", g->id,
			g->profile_name, g->start, where, (unsigned long long)g->memory_used_mib,
			(unsigned long long)g->memory_mib);
		if (g->ci_count == 0)
			fprintf(out, "    no compute instance (not usable as a MIG device)\n");
		for (j = 0; j < g->ci_count; j++)
			print_ci(&g->cis[j], out);
	}
}

static json_t *ci_json(const mig_ci_state *ci)
{
	json_t *procs = json_array();
	size_t p;

	for (p = 0; procs && p < ci->process_count; p++)
		json_array_append_new(procs, json_pack("{s:i, s:I}", "pid", ci->processes[p].pid,
						       "used_mib",
						       (json_int_t)ci->processes[p].used_mib));
	return json_pack("{s:i, s:s, s:i, s:i, s:i, s:i, s:s, s:o}", "id", ci->id, "profile",
			 ci->profile ? ci->profile->name : "?", "profile_id", ci->profile_id,
			 "start", ci->start, "size", ci->size, "sms", ci->sms, "uuid", ci->uuid,
			 "processes", procs);
}

static json_t *gi_json(const mig_gi_state *g)
{
	json_t *cis = json_array();
	size_t j;

	for (j = 0; cis && j < g->ci_count; j++)
		json_array_append_new(cis, ci_json(&g->cis[j]));
	return json_pack("{s:i, s:s, s:i, s:i, s:i, s:i, s:I, s:I, s:o}", "id", g->id, "profile",
			 g->profile_name, "profile_id", g->profile_id, "start", g->start, "size",
			 g->size, "slices", g->slices, "memory_mib", (json_int_t)g->memory_mib,
			 "memory_used_mib", (json_int_t)g->memory_used_mib, "compute_instances",
			 cis);
}

json_t *cli_json_gpu_state(const mig_gpu_state *st)
{
	json_t *gis = json_array();
	size_t i;

	for (i = 0; gis && i < st->gi_count; i++)
		json_array_append_new(gis, gi_json(&st->gis[i]));
	return json_pack("{s:i, s:s, s:s?, s:s, s:s, s:{s:b, s:b, s:b}, s:I, s:I, s:o}", "index",
			 st->index, "name", st->name, "model", st->model ? st->model->key : NULL,
			 "uuid", st->uuid, "pci_bus_id", st->bus_id, "mig", "capable",
			 st->mig_capable, "current", st->mig_current, "pending", st->mig_pending,
			 "memory_mib", (json_int_t)st->memory_mib, "memory_used_mib",
			 (json_int_t)st->memory_used_mib, "gpu_instances", gis);
}
