/* SPDX-License-Identifier: Apache-2.0 */
#include "render.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "exit.h"
#include "strbuf.h"
#include "banned.h"

static const struct {
	unsigned flag;
	const char *name;
} unconfirmed_names[] = {
	{ MIG_UNCONFIRMED_EXISTS, "existence" },   { MIG_UNCONFIRMED_NAME, "name" },
	{ MIG_UNCONFIRMED_ID, "id" },		   { MIG_UNCONFIRMED_MEMORY, "memory" },
	{ MIG_UNCONFIRMED_SMS, "SMs" },		   { MIG_UNCONFIRMED_ENGINES, "engines" },
	{ MIG_UNCONFIRMED_MAX_COUNT, "max count" }, { MIG_UNCONFIRMED_PLACEMENTS, "placements" },
	{ MIG_UNCONFIRMED_L2, "L2" },
};

#define UNCONFIRMED_COUNT (sizeof(unconfirmed_names) / sizeof(unconfirmed_names[0]))

const char *cli_unconfirmed_text(unsigned flags, char *buf, size_t len)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; i < UNCONFIRMED_COUNT; i++) {
		int n;

		if (!(flags & unconfirmed_names[i].flag))
			continue;
		n = snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
			     unconfirmed_names[i].name);
		if (n < 0 || (size_t)n >= len - used)
			break;
		used += (size_t)n;
	}
	return buf;
}

json_t *cli_json_unconfirmed(unsigned flags)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < UNCONFIRMED_COUNT; i++)
		if (flags & unconfirmed_names[i].flag)
			json_array_append_new(a, json_string(unconfirmed_names[i].name));
	return a;
}

const char *cli_placement_text(const mig_gi_profile *p, char *buf, size_t len)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	size_t i = 0;

	while (i < p->placement_count) {
		size_t j = i;

		while (j + 1 < p->placement_count &&
		       p->placements[j + 1].start == p->placements[j].start + 1)
			j++;
		if (sb.len)
			mig_strbuf_addch(&sb, ',');
		if (j >= i + 2)
			mig_strbuf_addf(&sb, "%u-%u", p->placements[i].start, p->placements[j].start);
		else
			j = i, mig_strbuf_addf(&sb, "%u", p->placements[i].start);
		i = j + 1;
	}
	snprintf(buf, len, "%s", mig_strbuf_str(&sb));
	mig_strbuf_release(&sb);
	return buf;
}

json_t *cli_json_gpu(const mig_gpu *gpu)
{
	json_t *o = json_object(), *names = json_array(), *pci = json_array();
	size_t i;

	if (!o || !names || !pci) {
		json_decref(o), json_decref(names), json_decref(pci);
		return NULL;
	}
	for (i = 0; gpu->aliases && gpu->aliases[i]; i++)
		json_array_append_new(names, json_string(gpu->aliases[i]));
	for (i = 0; i < gpu->pci_id_count; i++) {
		char id[16];

		snprintf(id, sizeof(id), "0x%08X", (unsigned)gpu->pci_ids[i].id);
		json_array_append_new(pci, json_pack("{s:s, s:s}", "id", id, "product",
						     gpu->pci_ids[i].product));
	}
	json_object_set_new(o, "key", json_string(gpu->key));
	json_object_set_new(o, "aliases", names);
	json_object_set_new(o, "product", json_string(gpu->product));
	json_object_set_new(o, "nvml_name", json_string(gpu->nvml_name));
	json_object_set_new(o, "architecture", json_string(mig_arch_name(gpu->arch)));
	json_object_set_new(o, "pci_ids", pci);
	json_object_set_new(o, "sms", json_integer(gpu->sms));
	json_object_set_new(o, "sms_in_largest_gi", json_integer(gpu->sms_in_largest_gi));
	json_object_set_new(o, "memory_mib", json_integer(gpu->memory_mib));
	json_object_set_new(o, "memory_slices", json_integer(gpu->memory_slices));
	json_object_set_new(o, "compute_slices", json_integer(gpu->compute_slices));
	json_object_set_new(o, "l2_mb", gpu->l2_mb ? json_integer(gpu->l2_mb) : json_null());
	json_object_set_new(o, "max_gpu_instances", json_integer(gpu->max_gpu_instances));
	json_object_set_new(o, "min_driver", gpu->min_driver ? json_string(gpu->min_driver)
							      : json_null());
	json_object_set_new(o, "unconfirmed", cli_json_unconfirmed(gpu->unconfirmed));
	return o;
}

json_t *cli_json_ci_profile(const mig_ci_profile *ci)
{
	json_t *pl = json_array();
	size_t i;

	for (i = 0; pl && i < ci->placement_count; i++)
		json_array_append_new(pl, json_pack("{s:i, s:i}", "start", ci->placements[i].start,
						    "size", ci->placements[i].size));
	return json_pack("{s:s, s:i, s:i, s:i, s:i, s:b, s:o, s:o}", "name", ci->name,
			 "nvml_profile", ci->nvml_profile, "slices", ci->slices, "sms", ci->sms,
			 "max_count", ci->max_count, "default", ci->is_default, "placements", pl,
			 "unconfirmed", cli_json_unconfirmed(ci->unconfirmed));
}

json_t *cli_json_gi_profile(const mig_gi_profile *p)
{
	json_t *pl = json_array(), *cis = json_array();
	size_t i;

	for (i = 0; pl && i < p->placement_count; i++)
		json_array_append_new(pl, json_pack("{s:i, s:i}", "start", p->placements[i].start,
						    "size", p->placements[i].size));
	for (i = 0; cis && i < p->ci_profile_count; i++)
		json_array_append_new(cis, cli_json_ci_profile(&p->ci_profiles[i]));
	return json_pack("{s:s, s:i, s:i, s:i, s:i, s:i, s:i, s:{s:i, s:i, s:i, s:i, s:i}, s:i, "
			 "s:o, s:o, s:o, s:s*}",
			 "name", p->name, "id", p->id, "nvml_profile", p->nvml_profile, "slices",
			 p->slices, "memory_slices", p->mem_slices, "memory_mib", p->memory_mib,
			 "sms", p->sms, "engines", "ce", p->ce, "dec", p->dec, "enc", p->enc, "jpg",
			 p->jpg, "ofa", p->ofa, "max_count", p->max_count, "placements", pl,
			 "ci_profiles", cis, "unconfirmed", cli_json_unconfirmed(p->unconfirmed),
			 "note", p->note);
}

json_t *cli_json_layout(const mig_layout *l)
{
	json_t *a = json_array();
	char map[256];
	size_t i;

	for (i = 0; a && i < l->count; i++)
		json_array_append_new(a, json_pack("{s:s, s:i, s:i, s:i}", "profile",
						   l->gi[i].profile->name, "id", l->gi[i].profile->id,
						   "start", l->gi[i].start, "size",
						   l->gi[i].profile->mem_slices));
	mig_layout_draw(map, sizeof(map), l);
	return json_pack("{s:o, s:s}", "instances", a, "map", map);
}

const char *cli_layout_text(const mig_layout *l, char *buf, size_t len)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	size_t i;

	for (i = 0; i < l->count; i++) {
		mig_strbuf_addf(&sb, "%s%s", i ? " + " : "", l->gi[i].profile->name);
		if (l->gi[i].start >= 0)
			mig_strbuf_addf(&sb, "@%d", l->gi[i].start);
	}
	snprintf(buf, len, "%s", mig_strbuf_str(&sb));
	mig_strbuf_release(&sb);
	return buf;
}

const mig_gpu *cli_offline_gpu(const char *key, const char *cmd, int *exit_code)
{
	const mig_gpu *gpu;
	int rc;

	if (!key) {
		*exit_code = cli_fail(CLI_EXIT_USAGE,
				      "'%s' needs a GPU: --gpu KEY (see 'migctl gpus' for keys)", cmd);
		return NULL;
	}
	rc = mig_catalog_find(&gpu, key);
	if (rc < 0) {
		*exit_code = cli_report_error(rc);
		return NULL;
	}
	return gpu;
}
