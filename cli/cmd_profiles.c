/* SPDX-License-Identifier: Apache-2.0 */
/* migctl profiles: a GPU's instance profiles (nvidia-smi mig -lgip, -lgipp and -lcip in one). */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "exit.h"
#include "opt.h"
#include "output.h"
#include "cli_system.h"
#include "render.h"
#include "migctl/device.h"
#include "migctl/error.h"
#include "migctl/catalog.h"
#include "parse_util.h"
#include "banned.h"

static int show_ci;

static const struct cli_opt profiles_opts[] = {
	CLI_OPT_FLAG('c', "ci", &show_ci, "also list the compute-instance profiles of each GI"),
	CLI_OPT_END
};

static const struct cli_cmd_spec profiles_spec = {
	"profiles", NULL,
	"List the GPU-instance profiles of a GPU: profile id (what create takes), NVML constant,\n"
	"compute slices, memory, SMs, engines (CE/DEC/ENC/JPG/OFA), how many can exist, and where\n"
	"they can start (memory-slice positions). With --gpu KEY (a catalog key) from the catalog,\n"
	"values marked '*' unconfirmed; otherwise from the driver for the GPUs -i selects, with\n"
	"how many more of each fit now (FREE), like nvidia-smi mig -lgip and -lgipp.",
	profiles_opts, 0, 0, 0
};

static const char *star(unsigned flags, unsigned flag)
{
	return flags & flag ? "*" : "";
}

static int add_gi_row(struct cli_table *t, const mig_gi_profile *p)
{
	char id[16], nvml[8], slices[8], mem[24], sms[16], ce[8], dec[8], enc[8], jpg[8], ofa[8];
	char max[16], starts[64], place[96];
	unsigned u = p->unconfirmed;
	const char *cells[13];

	snprintf(id, sizeof(id), "%u%s", p->id, star(u, MIG_UNCONFIRMED_ID));
	snprintf(nvml, sizeof(nvml), "%u", p->nvml_profile);
	snprintf(slices, sizeof(slices), "%u", p->slices);
	snprintf(mem, sizeof(mem), "%u MiB%s", p->memory_mib, star(u, MIG_UNCONFIRMED_MEMORY));
	snprintf(sms, sizeof(sms), "%u%s", p->sms, star(u, MIG_UNCONFIRMED_SMS));
	snprintf(ce, sizeof(ce), "%u%s", p->ce, star(u, MIG_UNCONFIRMED_ENGINES));
	snprintf(dec, sizeof(dec), "%u", p->dec);
	snprintf(enc, sizeof(enc), "%u", p->enc);
	snprintf(jpg, sizeof(jpg), "%u", p->jpg);
	snprintf(ofa, sizeof(ofa), "%u", p->ofa);
	snprintf(max, sizeof(max), "%u%s", p->max_count, star(u, MIG_UNCONFIRMED_MAX_COUNT));
	snprintf(place, sizeof(place), "%s (size %u)%s", cli_placement_text(p, starts, sizeof(starts)),
		 p->mem_slices, star(u, MIG_UNCONFIRMED_PLACEMENTS));
	cells[0] = p->name, cells[1] = id, cells[2] = nvml, cells[3] = slices, cells[4] = mem;
	cells[5] = sms, cells[6] = ce, cells[7] = dec, cells[8] = enc, cells[9] = jpg;
	cells[10] = ofa, cells[11] = max, cells[12] = place;
	return cli_table_add(t, cells, 13);
}

static int add_ci_rows(struct cli_table *t, const mig_gi_profile *p)
{
	size_t i;

	for (i = 0; i < p->ci_profile_count; i++) {
		const mig_ci_profile *ci = &p->ci_profiles[i];
		char nvml[8], slices[8], sms[16], max[16], place[64] = "";
		const char *cells[8];
		size_t j;

		snprintf(nvml, sizeof(nvml), "%u", ci->nvml_profile);
		snprintf(slices, sizeof(slices), "%u", ci->slices);
		if (ci->sms)
			snprintf(sms, sizeof(sms), "%u%s", ci->sms,
				 star(ci->unconfirmed, MIG_UNCONFIRMED_SMS));
		else
			snprintf(sms, sizeof(sms), "?");
		snprintf(max, sizeof(max), "%u%s", ci->max_count,
			 star(ci->unconfirmed, MIG_UNCONFIRMED_MAX_COUNT));
		for (j = 0; j < ci->placement_count; j++) {
			size_t used = 0;

			while (place[used])
				used++;
			snprintf(place + used, sizeof(place) - used, "%s%u:%u", j ? "," : "",
				 ci->placements[j].start, ci->placements[j].size);
		}
		cells[0] = p->name, cells[1] = ci->name, cells[2] = nvml, cells[3] = slices;
		cells[4] = sms, cells[5] = max, cells[6] = ci->is_default ? "yes" : "";
		cells[7] = place;
		if (cli_table_add(t, cells, 8) < 0)
			return -1;
	}
	return 0;
}

static void print_notes(const mig_gpu *gpu, FILE *out)
{
	int any = 0;
	size_t i;

	for (i = 0; i < gpu->gi_profile_count; i++) {
		const mig_gi_profile *p = &gpu->gi_profiles[i];
		char what[128];

		if (p->unconfirmed)
			fprintf(out, "%s* %s: unconfirmed %s\n", any++ ? "" : "\n", p->name,
				cli_unconfirmed_text(p->unconfirmed, what, sizeof(what)));
		if (p->note)
			fprintf(out, "%s- %s: %s\n", any++ ? "" : "\n", p->name, p->note);
	}
}

static int print_text(const mig_gpu *gpu, FILE *out)
{
	static const char *const gi_headers[] = { "PROFILE", "ID", "NVML", "SLICES", "MEMORY",
						  "SMS", "CE", "DEC", "ENC", "JPG", "OFA", "MAX",
						  "PLACEMENTS", NULL };
	static const char *const ci_headers[] = { "GI PROFILE", "CI PROFILE", "NVML", "SLICES",
						  "SMS", "MAX", "DEFAULT", "PLACEMENTS", NULL };
	struct cli_table *t = cli_table_new(gi_headers);
	size_t i;
	int rc = 0;

	fprintf(out, "%s (%s): %u memory slices, %u compute slices, %u SMs, %u MiB\n\n",
		gpu->nvml_name, gpu->key, gpu->memory_slices, gpu->compute_slices, gpu->sms,
		gpu->memory_mib);
	for (i = 0; t && rc == 0 && i < gpu->gi_profile_count; i++)
		rc = add_gi_row(t, &gpu->gi_profiles[i]);
	if (!t || rc < 0) {
		cli_table_free(t);
		return cli_fail(CLI_EXIT_FAILED, "out of memory");
	}
	cli_table_print(t, out);
	cli_table_free(t);
	print_notes(gpu, out);
	if (!show_ci)
		return CLI_EXIT_OK;
	t = cli_table_new(ci_headers);
	for (i = 0; t && rc == 0 && i < gpu->gi_profile_count; i++)
		rc = add_ci_rows(t, &gpu->gi_profiles[i]);
	if (!t || rc < 0) {
		cli_table_free(t);
		return cli_fail(CLI_EXIT_FAILED, "out of memory");
	}
	fprintf(out, "\ncompute-instance profiles (placements in compute slices of the GI):\n");
	cli_table_print(t, out);
	cli_table_free(t);
	return CLI_EXIT_OK;
}

static int print_json(const mig_gpu *gpu, FILE *out)
{
	json_t *o = cli_json_gpu(gpu), *a = json_array();
	size_t i;

	for (i = 0; a && i < gpu->gi_profile_count; i++)
		json_array_append_new(a, cli_json_gi_profile(&gpu->gi_profiles[i]));
	if (o)
		json_object_set_new(o, "gi_profiles", a);
	else
		json_decref(a);
	return cli_json_print(o, out);
}

static int add_driver_row(struct cli_table *t, const mig_device_profile *p)
{
	char id[16], nvml[8], slices[8], mem[32], sms[16], eng[40], free[24], place[128];
	const char *cells[9];
	size_t k, used = 0;

	snprintf(id, sizeof(id), "%u", p->id);
	snprintf(nvml, sizeof(nvml), "%u", p->nvml_profile);
	snprintf(slices, sizeof(slices), "%u", p->slices);
	snprintf(mem, sizeof(mem), "%llu MiB", (unsigned long long)p->memory_mib);
	snprintf(sms, sizeof(sms), "%u", p->sms);
	snprintf(eng, sizeof(eng), "%u/%u/%u/%u/%u", p->ce, p->dec, p->enc, p->jpg, p->ofa);
	snprintf(free, sizeof(free), "%u/%u", p->free_count, p->max_count);
	place[0] = '\0';
	for (k = 0; k < p->placement_count && used < sizeof(place); k++) {
		int n = snprintf(place + used, sizeof(place) - used, "%s%u:%u", k ? "," : "",
				 p->placements[k].start, p->placements[k].size);

		used += n > 0 ? (size_t)n : 0;
	}
	cells[0] = p->name, cells[1] = id, cells[2] = nvml, cells[3] = slices, cells[4] = mem;
	cells[5] = sms, cells[6] = eng, cells[7] = free, cells[8] = place;
	return cli_table_add(t, cells, 9);
}

static json_t *driver_json(unsigned index, const mig_device_profile *ps, size_t n)
{
	json_t *a = json_array();
	size_t i, k;

	for (i = 0; a && i < n; i++) {
		json_t *pl = json_array();

		for (k = 0; pl && k < ps[i].placement_count; k++)
			json_array_append_new(pl, json_pack("{s:i, s:i}", "start",
							    ps[i].placements[k].start, "size",
							    ps[i].placements[k].size));
		json_array_append_new(
			a, json_pack("{s:s, s:i, s:i, s:i, s:I, s:i, s:{s:i, s:i, s:i, s:i, s:i}, "
				     "s:i, s:i, s:o}",
				     "name", ps[i].name, "id", ps[i].id, "nvml_profile",
				     ps[i].nvml_profile, "slices", ps[i].slices, "memory_mib",
				     (json_int_t)ps[i].memory_mib, "sms", ps[i].sms, "engines", "ce",
				     ps[i].ce, "dec", ps[i].dec, "enc", ps[i].enc, "jpg", ps[i].jpg,
				     "ofa", ps[i].ofa, "max_count", ps[i].max_count, "free",
				     ps[i].free_count, "placements", pl));
	}
	return json_pack("{s:i, s:o}", "gpu", index, "gi_profiles", a);
}

/* One GPU's profiles from the driver; appends to all (JSON) or prints a table. */
static int driver_profiles(mig_system *sys, unsigned index, json_t *all, FILE *out)
{
	static const char *const headers[] = { "PROFILE", "ID", "NVML", "SLICES", "MEMORY", "SMS",
					       "CE/DEC/ENC/JPG/OFA", "FREE/TOTAL",
					       "PLACEMENTS (start:size)", NULL };
	mig_device_profile ps[32];
	struct cli_table *t;
	size_t n = 0, i;
	int rc = mig_device_profiles(ps, 32, &n, sys, index);

	if (rc < 0)
		return cli_report_error(rc);
	if (all)
		return json_array_append_new(all, driver_json(index, ps, n)) ? CLI_EXIT_FAILED : 0;
	t = cli_table_new(headers);
	for (i = 0; t && i < n; i++)
		if (add_driver_row(t, &ps[i]) < 0)
			break;
	if (!t || i < n) {
		cli_table_free(t);
		return cli_fail(CLI_EXIT_FAILED, "out of memory");
	}
	fprintf(out, "%sGPU %u:\n", index ? "\n" : "", index);
	cli_table_print(t, out);
	cli_table_free(t);
	return 0;
}

static int from_driver(struct cli_ctx *ctx)
{
	unsigned indices[64];
	size_t count = 0, i;
	json_t *all = ctx->json ? json_array() : NULL;
	mig_system *sys;
	int rc;

	sys = cli_system_open(ctx, &rc);
	if (!sys) {
		json_decref(all);
		return rc;
	}
	rc = cli_select_gpus(sys, ctx, indices, 64, &count);
	for (i = 0; rc == 0 && i < count; i++)
		rc = driver_profiles(sys, indices[i], all, ctx->out);
	mig_system_close(sys);
	if (rc == 0 && all)
		return cli_json_print(all, ctx->out);
	json_decref(all);
	return rc;
}

/* A GPU selector for the driver: an index, "all", a GPU UUID or a PCI bus id. */
static int looks_like_selector(const char *s)
{
	uint64_t v;

	return mig_parse_uint(s, 1023, &v) == 0 || strcmp(s, "all") == 0 ||
	       strncmp(s, "GPU-", 4) == 0 || strchr(s, ':') || strchr(s, ',');
}

/* A catalog key means the catalog; a device selector, or nothing, means the driver (or the
 * simulator); any other word is reported as an unknown GPU by the catalog. */
static int from_catalog(const struct cli_ctx *ctx)
{
	const mig_gpu *gpu;
	int is_key = ctx->gpu && mig_catalog_find(&gpu, ctx->gpu) == 0;

	mig_error_clear();
	return is_key || (ctx->gpu && !ctx->sim && !looks_like_selector(ctx->gpu));
}

int cmd_profiles(int argc, char **argv, struct cli_ctx *ctx)
{
	const mig_gpu *gpu;
	int npos, rc = cli_opt_parse(&profiles_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	if (!from_catalog(ctx))
		return from_driver(ctx);
	gpu = cli_offline_gpu(ctx->gpu, "profiles", &rc);
	if (!gpu)
		return rc;
	return ctx->json ? print_json(gpu, ctx->out) : print_text(gpu, ctx->out);
}
