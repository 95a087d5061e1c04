/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Recovering an apply that was interrupted (killed, or failed while rolling back): its journal
 * names the layout it started from and the one it was making. Finishing is preferred, since
 * the user asked for the target; if that is impossible (the driver still fails, or an
 * instance that would have to go is now in use), the GPU goes back to where it started. Either
 * way it ends in one of the two layouts, and the outcome says which.
 */
#include "reconcile_internal.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

static int give_up(mig_apply_result *res, const mig_journal *j, const char *path,
		   const mig_error_saved *forward)
{
	mig_error_saved back;

	mig_error_save(&back);
	res->outcome = MIG_APPLY_RECOVERY_NEEDED;
	snprintf(res->reason, sizeof(res->reason), "%.*s", (int)sizeof(res->reason) - 1,
		 forward->message);
	mig_error_set(MIG_ERECOVER,
		      "cannot recover GPU %u: finishing the interrupted apply failed (%s) and "
		      "rolling back failed too (%s)",
		      j->index, forward->message, back.message);
	mig_error_hint("fix the cause and run 'migctl recover -i %u' again (journal: %s)", j->index,
		       path);
	return MIG_ERECOVER;
}

static int unreadable(mig_apply_result *res, unsigned index)
{
	mig_error_saved cause;

	mig_error_save(&cause);
	res->outcome = MIG_APPLY_RECOVERY_NEEDED;
	mig_error_set(MIG_ERECOVER, "cannot recover GPU %u: %s", index, cause.message);
	if (cause.has_hint)
		mig_error_hint("%s", cause.hint);
	return MIG_ERECOVER;
}

static int finished(mig_apply_result *res, const char *path, int reset)
{
	res->outcome = reset ? MIG_APPLY_RESET_NEEDED : MIG_APPLY_DONE;
	return mig_journal__remove(path);
}

int mig_reconcile_recover(mig_system *sys, unsigned index, const char *state_dir,
			  mig_apply_result *res)
{
	mig_apply_options opts = MIG_APPLY_OPTIONS_INIT;
	mig_error_saved forward;
	mig_journal j;
	char path[4096];
	int rc, reset = 0;

	memset(res, 0, sizeof(*res));
	res->failed_step = -1;
	res->outcome = MIG_APPLY_NOTHING;
	if (!state_dir || !mig_reconcile_journal_path(path, sizeof(path), state_dir, index))
		return mig_error_set(MIG_EINVALID, "no usable state folder for the journal");
	rc = mig_journal__read(&j, path);
	if (rc == MIG_ENOTFOUND) {
		mig_error_clear();
		return 0;
	}
	if (rc == 0 && j.index != index)
		rc = mig_error_set(MIG_EINVALID, "journal '%s' is for GPU %u", path, j.index);
	if (rc < 0)
		return unreadable(res, index);
	opts.state_dir = state_dir;
	j.phase = "roll-forward";
	rc = mig_reconcile__drive(sys, &j, &j.target, j.flags, path, &opts, &res->steps_done,
				  &reset);
	if (rc == 0)
		return finished(res, path, reset);
	mig_error_save(&forward);
	j.phase = "roll-back";
	rc = mig_reconcile__drive(sys, &j, &j.previous, 0, path, &opts, &res->rollback_steps,
				  &reset);
	if (rc < 0)
		return give_up(res, &j, path, &forward);
	snprintf(res->reason, sizeof(res->reason), "%.*s", (int)sizeof(res->reason) - 1,
		 forward.message);
	rc = finished(res, path, reset);
	res->outcome = MIG_APPLY_ROLLED_BACK;
	return rc;
}
