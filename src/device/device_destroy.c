/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Destroying instances without hurting tenants: every targeted instance is checked for
 * running processes before anything is touched, so a refusal changes nothing. CIs go before
 * their GI, as the driver requires.
 */
#include "device_internal.h"

#include <stdio.h>

#include "error_util.h"
#include "strbuf.h"
#include "banned.h"

static int targeted(const mig_gi_state *g, const mig_ci_state *ci, mig_destroy_target t)
{
	if (t.gi_id >= 0 && (unsigned)t.gi_id != g->id)
		return 0;
	return t.ci_id < 0 || (ci && (unsigned)t.ci_id == ci->id);
}

/* Name the busy instances among the targets and their pids; returns how many are busy. */
static size_t describe_busy(const mig_gpu_state *st, mig_destroy_target t, mig_strbuf *sb)
{
	size_t i, j, p, busy = 0;

	for (i = 0; i < st->gi_count; i++) {
		const mig_gi_state *g = &st->gis[i];

		for (j = 0; j < g->ci_count; j++) {
			const mig_ci_state *ci = &g->cis[j];

			if (!targeted(g, ci, t) || ci->process_count == 0)
				continue;
			mig_strbuf_addf(sb, "%sGI %u CI %u (%s) runs pid%s", busy ? "; " : "",
					g->id, ci->id, g->profile_name,
					ci->process_count == 1 ? "" : "s");
			for (p = 0; p < ci->process_count; p++)
				mig_strbuf_addf(sb, "%s %u", p ? "," : "", ci->processes[p].pid);
			busy++;
		}
	}
	return busy;
}

static int check_target_exists(const mig_gpu_state *st, mig_destroy_target t)
{
	const mig_gi_state *g;
	size_t j;

	if (t.gi_id < 0)
		return 0;
	g = mig_gpu_state_gi(st, (unsigned)t.gi_id);
	if (!g)
		return mig_error_set(MIG_ENOTFOUND, "GPU %u has no GPU instance %d", st->index,
				     t.gi_id);
	if (t.ci_id < 0)
		return 0;
	for (j = 0; j < g->ci_count; j++)
		if ((int)g->cis[j].id == t.ci_id)
			return 0;
	return mig_error_set(MIG_ENOTFOUND, "GPU instance %d on GPU %u has no compute instance %d",
			     t.gi_id, st->index, t.ci_id);
}

static int destroy_gi_tree(mig_system *sys, const mig_gpu_state *st, const mig_gi_state *g,
			   mig_destroy_target t, mig_destroyed *done)
{
	size_t j;
	int rc;

	for (j = 0; j < g->ci_count; j++) {
		if (!targeted(g, &g->cis[j], t))
			continue;
		rc = mig_device_destroy_ci(sys, st->index, g->id, g->cis[j].id);
		if (rc < 0)
			return rc;
		done->cis++;
	}
	if (t.ci_id >= 0)
		return 0;
	rc = mig_device_destroy_gi(sys, st->index, g->id);
	if (rc == 0)
		done->gis++;
	return rc;
}

int mig_device_destroy(mig_system *sys, unsigned index, mig_destroy_target target,
		       unsigned flags, mig_destroyed *out)
{
	mig_destroyed done = { 0, 0, 0 };
	mig_gpu_state *st = NULL;
	mig_strbuf busy = MIG_STRBUF_INIT;
	size_t i;
	int rc = mig_gpu_state_read(&st, sys, index);

	if (rc < 0)
		return rc;
	if (!st->mig_current) {
		rc = mig_error_set(MIG_ENOTSUPPORTED, "MIG is not enabled on GPU %u: it has no "
				   "instances", index);
		goto out;
	}
	rc = check_target_exists(st, target);
	if (rc < 0)
		goto out;
	if (!(flags & (MIG_DESTROY_FORCE | MIG_DESTROY_IDLE_ONLY)) &&
	    describe_busy(st, target, &busy) > 0) {
		rc = mig_error_set(MIG_EINUSE, "refusing to destroy instances in use on GPU %u: %s",
				   index, mig_strbuf_str(&busy));
		mig_error_hint("stop those processes first, or use --force");
		goto out;
	}
	for (i = 0; i < st->gi_count && rc == 0; i++) {
		const mig_gi_state *g = &st->gis[i];

		if (!targeted(g, NULL, (mig_destroy_target){ target.gi_id, -1 }))
			continue;
		if ((flags & MIG_DESTROY_IDLE_ONLY) && mig_gi_state_process_count(g) > 0) {
			done.skipped_busy++;
			continue;
		}
		rc = destroy_gi_tree(sys, st, g, target, &done);
	}
	if (out)
		*out = done;
out:
	mig_strbuf_release(&busy);
	mig_gpu_state_free(st);
	return rc;
}
