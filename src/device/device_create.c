/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Creating a whole request of GPU instances at once: placed first by the geometry engine
 * around what exists (so "19,19,14,9" works where the driver's own placement fails), created
 * largest first at explicit placements, and rolled back if the driver fails part-way, so a
 * create either happens whole or leaves the GPU as it was.
 */
#include "device_internal.h"

#include <string.h>

#include "error_util.h"
#include "banned.h"

/* Destroy what this call made, newest first. The error that made us roll back stays the
 * reported one; a failed rollback is added to its hint. */
static void roll_back(mig_system *sys, unsigned index, const mig_created *made)
{
	mig_error_saved cause;
	size_t i = made->count;
	int failed = 0;

	mig_error_save(&cause);
	while (i-- > 0) {
		if (made->gi[i].ci_id >= 0 &&
		    mig_device_destroy_ci(sys, index, made->gi[i].gi_id, (unsigned)made->gi[i].ci_id) < 0)
			failed = 1;
		if (mig_device_destroy_gi(sys, index, made->gi[i].gi_id) < 0)
			failed = 1;
	}
	mig_error_restore(&cause);
	if (failed)
		mig_error_hint("rolling back failed too: check 'migctl status -i %u'", index);
	else if (made->count)
		mig_error_hint("the %zu GPU instance%s created before the failure were destroyed "
			       "again; nothing changed",
			       made->count, made->count == 1 ? "" : "s");
}

static int create_one(mig_system *sys, unsigned index, const mig_instance *want, unsigned flags,
		      mig_created *made)
{
	const mig_ci_profile *ci = mig_catalog_default_ci(want->profile);
	size_t k = made->count;
	unsigned gi_id, ci_id;
	int rc = mig_device_create_gi(sys, index, want->profile, want->start, &gi_id);

	if (rc < 0)
		return rc;
	made->gi[k].gi_id = gi_id;
	made->gi[k].ci_id = -1;
	made->gi[k].profile = want->profile;
	made->gi[k].start = (unsigned)want->start;
	made->count++;
	if (flags & MIG_CREATE_NO_CI)
		return 0;
	if (!ci)
		return mig_error_set(MIG_ENOTSUPPORTED, "%s has no default compute instance profile",
				     want->profile->name);
	rc = mig_device_create_ci(sys, index, gi_id, ci->nvml_profile, &ci_id);
	if (rc == 0)
		made->gi[k].ci_id = (int)ci_id;
	return rc;
}

int mig_device_create(mig_system *sys, unsigned index, const mig_layout *request, unsigned flags,
		      mig_created *created)
{
	mig_gpu_state *st = NULL;
	mig_layout existing, placed;
	mig_created made;
	size_t i;
	int rc = mig_gpu_state_read(&st, sys, index);

	if (rc < 0)
		return rc;
	if (!st->mig_current) {
		rc = mig_error_set(MIG_ENOTSUPPORTED, "MIG is %s on GPU %u",
				   st->mig_capable ? "disabled" : "not supported", index);
		if (st->mig_capable)
			mig_error_hint(st->mig_pending ? "reset the GPU to activate the pending mode"
						       : "enable it: migctl mode on -i %u",
				       index);
		goto out;
	}
	rc = mig_gpu_state_layout(st, &existing);
	if (rc < 0)
		goto out;
	if (request->gpu != st->model) {
		rc = mig_error_set(MIG_EINVALID, "the request is for %s but GPU %u is %s",
				   request->gpu->key, index, st->model->key);
		goto out;
	}
	rc = mig_geometry_fit_around(&placed, &existing, request, NULL);
	if (rc < 0) {
		mig_error_prefix("cannot create on GPU %u", index);
		goto out;
	}
	memset(&made, 0, sizeof(made));
	for (i = 0; i < placed.count && rc == 0; i++)
		rc = create_one(sys, index, &placed.gi[i], flags, &made);
	if (rc < 0) {
		roll_back(sys, index, &made);
		goto out;
	}
	if (created)
		*created = made;
out:
	mig_gpu_state_free(st);
	return rc;
}

/* Larger compute instances first: smaller ones placed by the driver could otherwise take the
 * only start a larger one has (2c.3g.40gb can start only at 0). */
static void order_largest_first(const mig_ci_profile *const *profiles, size_t count,
				size_t *order)
{
	size_t i, j;

	for (i = 0; i < count; i++)
		order[i] = i;
	for (i = 1; i < count; i++)
		for (j = i; j > 0 && profiles[order[j - 1]]->slices < profiles[order[j]]->slices; j--) {
			size_t t = order[j];

			order[j] = order[j - 1];
			order[j - 1] = t;
		}
}

int mig_device_create_cis(mig_system *sys, unsigned index, unsigned gi_id,
			  const mig_ci_profile *const *profiles, size_t count, unsigned *ci_ids)
{
	unsigned made[MIG_LAYOUT_MAX];
	size_t order[MIG_LAYOUT_MAX];
	size_t i, n = 0;
	int rc = 0;

	if (count > MIG_LAYOUT_MAX)
		return mig_error_set(MIG_EINVALID, "too many compute instances: at most %d",
				     MIG_LAYOUT_MAX);
	order_largest_first(profiles, count, order);
	for (i = 0; i < count && rc == 0; i++) {
		rc = mig_device_create_ci(sys, index, gi_id, profiles[order[i]]->nvml_profile,
					  &made[n]);
		if (rc == 0)
			n++;
	}
	if (rc < 0) {
		mig_error_saved cause;

		mig_error_save(&cause);
		while (n-- > 0)
			mig_device_destroy_ci(sys, index, gi_id, made[n]);
		mig_error_restore(&cause);
		return rc;
	}
	for (i = 0; ci_ids && i < n; i++)
		ci_ids[order[i]] = made[i];
	return 0;
}
