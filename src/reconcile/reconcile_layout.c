/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A GPU's state seen as a layout (what a journal records as "before", what `assert` compares),
 * and steps described in words.
 */
#include "reconcile_internal.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

static void sort_cis(mig_config_gi *g)
{
	size_t i, j;

	for (i = 1; i < g->ci_count; i++) {
		const mig_ci_profile *x = g->ci[i];

		for (j = i; j > 0 && g->ci[j - 1]->slices < x->slices; j--)
			g->ci[j] = g->ci[j - 1];
		g->ci[j] = x;
	}
}

static int gi_layout(mig_config_gi *out, const mig_gpu_state *st, const mig_gi_state *g)
{
	size_t j;

	memset(out, 0, sizeof(*out));
	if (!g->profile)
		return mig_error_set(MIG_ENOTSUPPORTED,
				     "GI %u on GPU %u has profile id %u, unknown for %s", g->id,
				     st->index, g->profile_id, st->model->key);
	if (g->ci_count > MIG_CONFIG_MAX_CI)
		return mig_error_set(MIG_ENOTSUPPORTED, "GI %u on GPU %u has %zu compute instances",
				     g->id, st->index, g->ci_count);
	out->profile = g->profile;
	out->start = (int)g->start;
	for (j = 0; j < g->ci_count; j++) {
		if (!g->cis[j].profile)
			return mig_error_set(MIG_ENOTSUPPORTED,
					     "CI %u of GI %u on GPU %u has profile id %u, unknown "
					     "for %s",
					     g->cis[j].id, g->id, st->index, g->cis[j].profile_id,
					     g->profile->name);
		out->ci[out->ci_count++] = g->cis[j].profile;
	}
	sort_cis(out);
	return 0;
}

int mig_reconcile_state_layout(mig_config_layout *out, const mig_gpu_state *st)
{
	mig_config_layout l;
	size_t i;
	int rc;

	if (!st->model)
		return mig_error_set(MIG_ENOTSUPPORTED, "GPU %u ('%s') is not in migctl's catalog",
				     st->index, st->name);
	if (st->gi_count > MIG_LAYOUT_MAX)
		return mig_error_set(MIG_ENOTSUPPORTED, "GPU %u holds too many GPU instances",
				     st->index);
	memset(&l, 0, sizeof(l));
	l.gpu = st->model;
	/* the mode it is heading for; GIs exist only while MIG is on */
	l.mig_enabled = st->mig_pending || st->gi_count > 0;
	for (i = 0; i < st->gi_count; i++) {
		rc = gi_layout(&l.gi[l.gi_count], st, &st->gis[i]);
		if (rc < 0)
			return rc;
		l.gi_count++;
	}
	*out = l;
	return 0;
}

int mig_reconcile_matches(const mig_gpu_state *st, const mig_config_layout *want)
{
	mig_step_plan *plan;
	int rc = mig_reconcile_plan(&plan, st, want, MIG_RECONCILE_FORCE);

	if (rc < 0)
		return rc;
	rc = plan->step_count == 0 && !plan->reset_needed && st->mig_current == st->mig_pending;
	mig_step_plan_free(plan);
	return rc;
}

const char *mig_step_kind_name(mig_step_kind kind)
{
	static const char *const names[MIG_STEP__COUNT] = {
		[MIG_STEP_DESTROY_CI] = "destroy-ci",
		[MIG_STEP_DESTROY_GI] = "destroy-gi",
		[MIG_STEP_MODE] = "mode",
		[MIG_STEP_CREATE_GI] = "create-gi",
		[MIG_STEP_CREATE_CI] = "create-ci",
	};

	return (unsigned)kind < MIG_STEP__COUNT ? names[kind] : "?";
}

static const char *ci_name(const mig_step *s)
{
	return s->ci_profile ? s->ci_profile->name : "unknown profile";
}

size_t mig_step_describe(char *buf, size_t len, const mig_step *s)
{
	char busy[48] = "";
	int n;

	if (s->processes)
		snprintf(busy, sizeof(busy), ", running %zu process%s", s->processes,
			 s->processes == 1 ? "" : "es");
	switch (s->kind) {
	case MIG_STEP_DESTROY_CI:
		n = snprintf(buf, len, "destroy CI %d (%s) of GI %d%s", s->ci_id, ci_name(s),
			     s->gi_id, busy);
		break;
	case MIG_STEP_DESTROY_GI:
		n = snprintf(buf, len, "destroy GI %d (%s at %d)%s", s->gi_id, s->profile_name,
			     s->start, busy);
		break;
	case MIG_STEP_MODE:
		n = snprintf(buf, len, "%s MIG mode", s->enable ? "enable" : "disable");
		break;
	case MIG_STEP_CREATE_GI:
		n = snprintf(buf, len, "create %s at %d", s->profile_name, s->start);
		break;
	case MIG_STEP_CREATE_CI:
		n = snprintf(buf, len, "create CI %s in the %s at %d", ci_name(s), s->profile_name,
			     s->start);
		break;
	default:
		n = snprintf(buf, len, "unknown step");
		break;
	}
	return n < 0 ? 0 : (size_t)n;
}

void mig_reconcile__tally(mig_apply_result *res, const mig_step_plan *plan, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < plan->step_count; i++) {
		switch (plan->steps[i].kind) {
		case MIG_STEP_DESTROY_CI:
			res->cis_destroyed++;
			break;
		case MIG_STEP_DESTROY_GI:
			res->gis_destroyed++;
			break;
		case MIG_STEP_CREATE_GI:
			res->gis_created++;
			break;
		case MIG_STEP_CREATE_CI:
			res->cis_created++;
			break;
		default:
			break;
		}
	}
}
