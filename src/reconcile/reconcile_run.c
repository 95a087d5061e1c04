/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Carrying out a plan, one driver call per step, with the journal brought up to date after
 * each. Recovery and rollback do not trust the journal's step count: they read the GPU again
 * and plan from what is really there, so a step that happened just before a kill (but after
 * the last journal write) is never done twice nor forgotten.
 */
#include "reconcile_internal.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

static int run_step(mig_system *sys, const mig_step_plan *plan, size_t k, unsigned *made,
		    int *reset)
{
	const mig_step *s = &plan->steps[k];
	unsigned idx = plan->index;
	int gi;

	switch (s->kind) {
	case MIG_STEP_DESTROY_CI:
		return mig_device_destroy_ci(sys, idx, (unsigned)s->gi_id, (unsigned)s->ci_id);
	case MIG_STEP_DESTROY_GI:
		return mig_device_destroy_gi(sys, idx, (unsigned)s->gi_id);
	case MIG_STEP_MODE:
		return mig_device_set_mode(sys, idx, s->enable, reset);
	case MIG_STEP_CREATE_GI:
		return mig_device_create_gi(sys, idx, s->profile, s->start, &made[k]);
	case MIG_STEP_CREATE_CI:
		gi = s->gi_id >= 0 ? s->gi_id : (int)made[s->gi_step];
		return mig_device_create_ci(sys, idx, (unsigned)gi, s->ci_profile->nvml_profile,
					    NULL);
	default:
		return mig_error_set(MIG_EINVALID, "unknown step kind %d", (int)s->kind);
	}
}

int mig_reconcile__run(mig_system *sys, const mig_step_plan *plan, const mig_journal *j,
		       const char *path, const mig_apply_options *opts, size_t *done, int *reset)
{
	unsigned *made;
	size_t k;
	int rc = 0;

	*done = 0;
	*reset = 0;
	if (plan->step_count == 0)
		return 0;
	made = calloc(plan->step_count, sizeof(*made));
	if (!made)
		return mig_error_oom();
	for (k = 0; k < plan->step_count && rc == 0 && !*reset; k++) {
		rc = run_step(sys, plan, k, made, reset);
		if (rc < 0)
			break;
		if (opts && opts->on_step)
			opts->on_step(opts->ctx, plan, k);
		*done = k + 1;
		rc = mig_journal__write(path, j, plan, k + 1);
	}
	free(made);
	return rc;
}

static int same_gpu(const mig_gpu_state *st, const mig_journal *j)
{
	if (!j->uuid[0] || !st->uuid[0] || strcmp(j->uuid, st->uuid) == 0)
		return 0;
	return mig_error_set(MIG_EINVALID, "GPU %u is now %s, not %s as the journal says",
			     st->index, st->uuid, j->uuid);
}

int mig_reconcile__drive(mig_system *sys, mig_journal *j, const mig_config_layout *to,
			 unsigned flags, const char *path, const mig_apply_options *opts,
			 size_t *done, int *reset)
{
	mig_gpu_state *st = NULL;
	mig_step_plan *plan = NULL;
	int rc = mig_gpu_state_read(&st, sys, j->index);

	*done = 0;
	*reset = 0;
	if (rc == 0)
		rc = same_gpu(st, j);
	if (rc == 0)
		rc = mig_reconcile_plan(&plan, st, to, flags);
	if (rc == 0 && plan->step_count)
		rc = mig_journal__write(path, j, plan, 0);
	if (rc == 0)
		rc = mig_reconcile__run(sys, plan, j, path, opts, done, reset);
	if (rc == 0 && plan->reset_needed)
		*reset = 1;
	mig_step_plan_free(plan);
	mig_gpu_state_free(st);
	return rc;
}

/* After a failed step: back to the layout before the apply, never destroying a busy GI. */
static int roll_back(mig_system *sys, mig_journal *j, const char *path, mig_apply_result *res)
{
	mig_apply_options quiet = MIG_APPLY_OPTIONS_INIT;
	mig_error_saved cause, why;
	int reset, rc;

	mig_error_save(&cause);
	j->phase = "roll-back";
	rc = mig_reconcile__drive(sys, j, &j->previous, 0, path, &quiet, &res->rollback_steps,
				  &reset);
	if (rc == 0 && mig_journal__remove(path) == 0) {
		res->outcome = MIG_APPLY_ROLLED_BACK;
		mig_error_set(cause.code, "%s; rolled back to the previous layout", cause.message);
		if (cause.has_hint)
			mig_error_hint("%s", cause.hint);
		return cause.code;
	}
	mig_error_save(&why);
	res->outcome = MIG_APPLY_RECOVERY_NEEDED;
	mig_error_set(MIG_ERECOVER, "%s; rolling back to the previous layout failed too: %s",
		      cause.message, why.message);
	mig_error_hint("fix the cause, then run 'migctl recover -i %u' (journal: %s)", j->index,
		       path);
	return MIG_ERECOVER;
}

int mig_reconcile_apply(mig_system *sys, const mig_step_plan *plan, const mig_apply_options *opts,
			mig_apply_result *res)
{
	mig_journal j;
	char path[4096];
	int rc, reset = 0;

	memset(res, 0, sizeof(*res));
	res->failed_step = -1;
	res->outcome = plan->reset_needed ? MIG_APPLY_RESET_NEEDED : MIG_APPLY_DONE;
	if (plan->step_count == 0)
		return 0;
	if (!opts || !opts->state_dir ||
	    !mig_reconcile_journal_path(path, sizeof(path), opts->state_dir, plan->index))
		return mig_error_set(MIG_EINVALID, "no usable state folder for the journal");
	memset(&j, 0, sizeof(j));
	j.index = plan->index;
	memcpy(j.uuid, plan->uuid, sizeof(j.uuid));
	j.flags = opts->flags;
	j.phase = "apply";
	j.previous = plan->before;
	j.target = plan->target;
	rc = mig_journal__write(path, &j, plan, 0);
	if (rc < 0) {
		res->outcome = MIG_APPLY_ROLLED_BACK; /* nothing was changed */
		return rc;
	}
	rc = mig_reconcile__run(sys, plan, &j, path, opts, &res->steps_done, &reset);
	mig_reconcile__tally(res, plan, res->steps_done);
	if (rc == 0) {
		if (reset)
			res->outcome = MIG_APPLY_RESET_NEEDED;
		return mig_journal__remove(path);
	}
	res->failed_step = (int)res->steps_done;
	return roll_back(sys, &j, path, res);
}
