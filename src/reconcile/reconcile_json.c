/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Plans and layouts as JSON: what `apply --json` prints and what the journal keeps. Layouts
 * name profiles as NVML does ("3g.40gb", "1c.3g.40gb"), so a journal stays readable by people
 * and is read back through the catalog.
 */
#include "reconcile_internal.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

static json_t *gi_json(const mig_config_gi *g)
{
	json_t *cis = json_array();
	size_t i;

	for (i = 0; cis && i < g->ci_count; i++)
		json_array_append_new(cis, json_string(g->ci[i]->name));
	return json_pack("{s:s, s:i, s:o}", "profile", g->profile->name, "start", g->start,
			 "compute_instances", cis);
}

json_t *mig_reconcile__layout_json(const mig_config_layout *l)
{
	json_t *gis = json_array();
	size_t i;

	for (i = 0; gis && i < l->gi_count; i++)
		if (json_array_append_new(gis, gi_json(&l->gi[i])) < 0) {
			json_decref(gis);
			return NULL;
		}
	return json_pack("{s:b, s:o}", "mig_enabled", l->mig_enabled, "gpu_instances", gis);
}

static int bad(const char *what)
{
	return mig_error_set(MIG_EINVALID, "bad layout in journal: %s", what);
}

static int parse_cis(mig_config_gi *g, const json_t *cis)
{
	size_t i;

	if (!json_is_array(cis) || json_array_size(cis) > MIG_CONFIG_MAX_CI)
		return bad("compute_instances must be a list of at most 8 names");
	for (i = 0; i < json_array_size(cis); i++) {
		const char *name = json_string_value(json_array_get(cis, i));

		if (!name || mig_catalog_find_ci_profile(&g->ci[i], g->profile, name) < 0)
			return bad("unknown compute-instance profile");
		g->ci_count++;
	}
	return 0;
}

static int parse_gi(mig_config_gi *g, const json_t *j, const mig_gpu *gpu)
{
	const char *profile = json_string_value(json_object_get(j, "profile"));
	const json_t *start = json_object_get(j, "start");

	memset(g, 0, sizeof(*g));
	if (!profile || !json_is_integer(start))
		return bad("a GPU instance needs a profile and a start");
	if (mig_catalog_find_profile(&g->profile, gpu, profile) < 0)
		return bad("unknown GPU instance profile");
	if (json_integer_value(start) < -1 || json_integer_value(start) >= MIG_MAX_SLICES)
		return bad("start out of range");
	g->start = (int)json_integer_value(start);
	return parse_cis(g, json_object_get(j, "compute_instances"));
}

int mig_reconcile__layout_parse(mig_config_layout *out, const json_t *j, const mig_gpu *gpu)
{
	const json_t *gis = json_object_get(j, "gpu_instances");
	const json_t *on = json_object_get(j, "mig_enabled");
	mig_config_layout l;
	size_t i;
	int rc;

	memset(&l, 0, sizeof(l));
	l.gpu = gpu;
	if (!json_is_boolean(on) || !json_is_array(gis) || json_array_size(gis) > MIG_LAYOUT_MAX)
		return bad("needs mig_enabled and a list of gpu_instances");
	l.mig_enabled = json_is_true(on);
	for (i = 0; i < json_array_size(gis); i++) {
		rc = parse_gi(&l.gi[i], json_array_get(gis, i), gpu);
		if (rc < 0)
			return rc;
		l.gi_count++;
	}
	*out = l;
	return 0;
}

static json_t *step_json(const mig_step *s)
{
	char text[160];

	mig_step_describe(text, sizeof(text), s);
	return json_pack("{s:s, s:s, s:s, s:s?, s:i, s:i, s:i, s:i, s:b, s:b, s:I}", "op",
			 mig_step_kind_name(s->kind), "text", text, "profile", s->profile_name,
			 "ci_profile", s->ci_profile ? s->ci_profile->name : NULL, "start",
			 s->start, "gi", s->gi_id, "ci", s->ci_id, "gi_step", s->gi_step, "pinned",
			 s->pinned, "enable", s->enable, "processes", (json_int_t)s->processes);
}

json_t *mig_reconcile__steps_json(const mig_step_plan *plan)
{
	json_t *steps = json_array();
	size_t i;

	for (i = 0; steps && i < plan->step_count; i++)
		if (json_array_append_new(steps, step_json(&plan->steps[i])) < 0) {
			json_decref(steps);
			return NULL;
		}
	return steps;
}

static json_t *kept_json(const mig_step_plan *plan)
{
	json_t *kept = json_array();
	size_t i;

	for (i = 0; kept && i < plan->kept_count; i++) {
		const mig_kept *k = &plan->kept[i];

		if (json_array_append_new(kept,
					  json_pack("{s:i, s:s, s:i, s:I}", "gi", k->gi_id,
						    "profile", k->profile->name, "start", k->start,
						    "processes", (json_int_t)k->processes)) < 0) {
			json_decref(kept);
			return NULL;
		}
	}
	return kept;
}

int mig_step_plan_to_json(char **out, const mig_step_plan *plan)
{
	json_t *j = json_pack("{s:i, s:s, s:s, s:b, s:o, s:o, s:{s:I, s:I}, s:{s:I, s:I}, s:o}",
			      "gpu", plan->index, "model", plan->gpu->key, "uuid", plan->uuid,
			      "reset_needed", plan->reset_needed, "kept", kept_json(plan), "steps",
			      mig_reconcile__steps_json(plan), "destroyed", "gpu_instances",
			      (json_int_t)plan->gis_destroyed, "compute_instances",
			      (json_int_t)plan->cis_destroyed, "created", "gpu_instances",
			      (json_int_t)plan->gis_created, "compute_instances",
			      (json_int_t)plan->cis_created, "target",
			      mig_reconcile__layout_json(&plan->target));
	char *text = j ? json_dumps(j, JSON_INDENT(2)) : NULL;

	json_decref(j);
	if (!text)
		return mig_error_oom();
	*out = text;
	return 0;
}
