/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The step plan: destroy what the desired layout cannot keep (compute instances before their
 * GPU instance, as the driver requires), change the MIG mode, then create the new GPU
 * instances at the placements chosen around the kept ones, largest first, each followed by its
 * compute instances. On Ampere a mode change waits for a GPU reset, and no instance can be
 * created before it, so such a plan ends with the mode change.
 */
#include "reconcile_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "banned.h"

typedef struct builder {
	mig_step_plan *plan;
	size_t cap;
} builder;

static mig_step *push(builder *b, mig_step_kind kind)
{
	mig_step *s;

	if (b->plan->step_count >= b->cap)
		return NULL; /* cap is computed from the inputs: cannot happen */
	s = &b->plan->steps[b->plan->step_count++];
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->start = s->gi_id = s->ci_id = s->gi_step = -1;
	return s;
}

static void set_name(mig_step *s, const mig_gi_profile *p, const char *fallback)
{
	s->profile = p;
	snprintf(s->profile_name, sizeof(s->profile_name), "%s", p ? p->name : fallback);
}

static void destroy_gi(builder *b, const mig_gi_state *g)
{
	size_t busy = mig_reconcile__busy(g), j;
	mig_step *s;

	for (j = 0; j < g->ci_count; j++) {
		s = push(b, MIG_STEP_DESTROY_CI);
		set_name(s, g->profile, g->profile_name);
		s->ci_profile = g->cis[j].profile;
		s->start = (int)g->start;
		s->gi_id = (int)g->id;
		s->ci_id = (int)g->cis[j].id;
		s->processes = g->cis[j].process_count;
		b->plan->cis_destroyed++;
	}
	s = push(b, MIG_STEP_DESTROY_GI);
	set_name(s, g->profile, g->profile_name);
	s->start = (int)g->start;
	s->gi_id = (int)g->id;
	s->processes = busy;
	b->plan->gis_destroyed++;
}

static void create_gi(builder *b, const mig_config_gi *d, const mig_instance *at)
{
	int gi_step = (int)b->plan->step_count;
	mig_step *s = push(b, MIG_STEP_CREATE_GI);
	size_t j;

	set_name(s, d->profile, "");
	s->start = at->start;
	s->pinned = d->start >= 0;
	b->plan->gis_created++;
	for (j = 0; j < d->ci_count; j++) {
		s = push(b, MIG_STEP_CREATE_CI);
		set_name(s, d->profile, "");
		s->ci_profile = d->ci[j];
		s->start = at->start;
		s->gi_step = gi_step;
		b->plan->cis_created++;
	}
}

static void mode_step(builder *b, int enable)
{
	mig_step *s = push(b, MIG_STEP_MODE);

	s->enable = enable;
}

/*
 * The mode step, if any. A step is needed while the pending mode differs (it may also cancel a
 * pending change); on Hopper and later an unactivated mode is retried the same way. On Ampere
 * the current mode changes only with a reset, which no step can do.
 */
static void mode_change(builder *b, const mig_gpu_state *st, int enable)
{
	int ampere = st->model->arch == MIG_ARCH_AMPERE;
	int current = st->mig_current != 0, pending = st->mig_pending != 0;

	if (pending != enable || (current != enable && !ampere))
		mode_step(b, enable);
	if (current != enable && ampere)
		b->plan->reset_needed = 1;
}

/* The target layout: kept GIs where they are, new ones where the choice placed them. */
static void fill_target(mig_step_plan *p, const mig_gpu_state *st, const mig_config_layout *w,
			const mig_keep_choice *c)
{
	mig_config_layout *t = &p->target;
	size_t i;

	memset(t, 0, sizeof(*t));
	t->gpu = w->gpu;
	t->mig_enabled = w->mig_enabled;
	if (!w->mig_enabled)
		return;
	for (i = 0; i < st->gi_count; i++) {
		if (!(c->keep_mask & (1u << i)))
			continue;
		t->gi[t->gi_count] = w->gi[c->match[i]];
		t->gi[t->gi_count++].start = (int)st->gis[i].start;
	}
	for (i = 0; i < c->placed.count; i++) {
		t->gi[t->gi_count] = w->gi[c->placed_want[i]];
		t->gi[t->gi_count++].start = c->placed.gi[i].start;
	}
}

static void record_kept(mig_step_plan *p, const mig_gpu_state *st, uint32_t mask)
{
	size_t i;

	for (i = 0; i < st->gi_count; i++) {
		mig_kept *k;

		if (!(mask & (1u << i)))
			continue;
		k = &p->kept[p->kept_count++];
		k->gi_id = st->gis[i].id;
		k->profile = st->gis[i].profile;
		k->start = st->gis[i].start;
		k->processes = mig_reconcile__busy(&st->gis[i]);
	}
}

/* "GI 3 (2g.20gb at 4) runs pids 12, 13" for each busy GI outside mask. */
static size_t describe_busy(mig_strbuf *sb, const mig_gpu_state *st, uint32_t mask)
{
	size_t i, j, k, n = 0;

	for (i = 0; i < st->gi_count; i++) {
		const mig_gi_state *g = &st->gis[i];
		size_t busy = mig_reconcile__busy(g);

		if ((mask & (1u << i)) || busy == 0)
			continue;
		mig_strbuf_addf(sb, "%sGI %u (%s at %u) runs pid%s", n++ ? "; " : "", g->id,
				g->profile_name, g->start, busy == 1 ? "" : "s");
		for (j = 0, busy = 0; j < g->ci_count; j++)
			for (k = 0; k < g->cis[j].process_count; k++)
				mig_strbuf_addf(sb, "%s %u", busy++ ? "," : "",
						g->cis[j].processes[k].pid);
	}
	return n;
}

static int refuse_busy(const mig_gpu_state *st, uint32_t kept, const char *why)
{
	mig_strbuf sb = MIG_STRBUF_INIT;

	describe_busy(&sb, st, kept);
	if (sb.oom) {
		mig_strbuf_release(&sb);
		return mig_error_oom();
	}
	mig_error_set(MIG_EINUSE, "refusing to destroy instances in use on GPU %u (%s): %s",
		      st->index, why, mig_strbuf_str(&sb));
	mig_error_hint("stop those processes first, or use --force to destroy them anyway");
	mig_strbuf_release(&sb);
	return MIG_EINUSE;
}

static int has_busy(const mig_gpu_state *st)
{
	size_t i;

	for (i = 0; i < st->gi_count; i++)
		if (mig_reconcile__busy(&st->gis[i]) > 0)
			return 1;
	return 0;
}

/* Choose what to keep; without force, busy GIs must all be kept. */
static int choose(mig_keep_choice *c, const mig_gpu_state *st, const mig_config_layout *w,
		  unsigned flags)
{
	int force = (flags & MIG_RECONCILE_FORCE) != 0;
	int rc = mig_reconcile__choose(c, st, w, !force);

	if (rc != MIG_ENOFIT || force)
		goto out;
	/* no layout keeps every busy GI: find the best one that does not, to name the victims */
	rc = mig_reconcile__choose(c, st, w, 0);
	if (rc == 0)
		return refuse_busy(st, c->keep_mask, "the desired layout cannot keep them");
out:
	if (rc == MIG_ENOFIT)
		return mig_error_set(MIG_ENOFIT, "the desired layout does not fit on GPU %u (%s)",
				     st->index, st->model->key);
	return rc;
}

/* MIG enabled and wanted: keep what can stay, destroy the rest, create the new. */
static int plan_instances(builder *b, const mig_gpu_state *st, const mig_config_layout *w,
			  unsigned flags)
{
	mig_keep_choice c;
	size_t i;
	int rc = choose(&c, st, w, flags);

	if (rc < 0)
		return rc;
	for (i = 0; i < st->gi_count; i++)
		if (!(c.keep_mask & (1u << i)))
			destroy_gi(b, &st->gis[i]);
	mode_change(b, st, 1);
	for (i = 0; !b->plan->reset_needed && i < c.placed.count; i++)
		create_gi(b, &w->gi[c.placed_want[i]], &c.placed.gi[i]);
	record_kept(b->plan, st, c.keep_mask);
	fill_target(b->plan, st, w, &c);
	return 0;
}

/* MIG wanted off: every GI goes, then the mode. */
static int plan_disable(builder *b, const mig_gpu_state *st, const mig_config_layout *w,
			unsigned flags)
{
	size_t i;

	if (!(flags & MIG_RECONCILE_FORCE) && has_busy(st))
		return refuse_busy(st, 0, "MIG mode is to be disabled");
	for (i = 0; i < st->gi_count; i++)
		destroy_gi(b, &st->gis[i]);
	mode_change(b, st, 0);
	memset(&b->plan->target, 0, sizeof(b->plan->target));
	b->plan->target.gpu = w->gpu;
	return 0;
}

static int check_inputs(const mig_gpu_state *st, const mig_config_layout *want)
{
	if (!st || !want || !want->gpu)
		return mig_error_set(MIG_EINVALID, "no state or no desired layout given");
	if (!st->model)
		return mig_error_set(MIG_ENOTSUPPORTED, "GPU %u ('%s') is not in migctl's catalog",
				     st->index, st->name);
	if (!st->mig_capable)
		return mig_error_set(MIG_ENOTSUPPORTED, "GPU %u (%s) does not support MIG",
				     st->index, st->name);
	if (want->gpu != st->model)
		return mig_error_set(MIG_EINVALID, "the layout is for %s but GPU %u is %s",
				     want->gpu->key, st->index, st->model->key);
	if (st->gi_count > MIG_LAYOUT_MAX || want->gi_count > MIG_LAYOUT_MAX)
		return mig_error_set(MIG_EINVALID, "too many GPU instances to plan on GPU %u",
				     st->index);
	return 0;
}

static size_t step_cap(const mig_gpu_state *st, const mig_config_layout *want)
{
	size_t i, n = 1 + want->gi_count * (1 + MIG_CONFIG_MAX_CI);

	for (i = 0; i < st->gi_count; i++)
		n += 1 + st->gis[i].ci_count;
	return n;
}

int mig_reconcile_plan(mig_step_plan **out, const mig_gpu_state *current,
		       const mig_config_layout *want, unsigned flags)
{
	builder b;
	int rc = check_inputs(current, want);

	if (rc < 0)
		return rc;
	b.cap = step_cap(current, want);
	b.plan = calloc(1, sizeof(*b.plan));
	if (b.plan)
		b.plan->steps = calloc(b.cap, sizeof(mig_step));
	if (!b.plan || !b.plan->steps) {
		mig_step_plan_free(b.plan);
		return mig_error_oom();
	}
	b.plan->gpu = current->model;
	b.plan->index = current->index;
	snprintf(b.plan->uuid, sizeof(b.plan->uuid), "%s", current->uuid);
	rc = mig_reconcile_state_layout(&b.plan->before, current);
	if (rc == 0)
		rc = want->mig_enabled ? plan_instances(&b, current, want, flags)
				       : plan_disable(&b, current, want, flags);
	if (rc < 0) {
		mig_step_plan_free(b.plan);
		return rc;
	}
	*out = b.plan;
	return 0;
}

void mig_step_plan_free(mig_step_plan *plan)
{
	if (!plan)
		return;
	free(plan->steps);
	free(plan);
}
