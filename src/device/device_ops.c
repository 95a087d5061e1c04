/* SPDX-License-Identifier: Apache-2.0 */
/* The primitives that change a GPU: MIG mode, and creating or destroying GIs and CIs. */
#include "device_internal.h"

#include "error_util.h"
#include "banned.h"

int mig_device_set_mode(mig_system *sys, unsigned index, int enable, int *reset_needed)
{
	mig_dev_h dev;
	int activated = 0, current = 0, pending = 0;
	int rc = mig_nvml_device_by_index(sys->nvml, index, &dev);

	if (rc < 0)
		return rc;
	rc = mig_nvml_mig_mode(sys->nvml, dev, index, &current, &pending);
	if (rc == MIG_ENOTSUPPORTED)
		return mig_error_set(MIG_ENOTSUPPORTED, "GPU %u does not support MIG", index);
	if (rc < 0)
		return rc;
	rc = mig_nvml_set_mig_mode(sys->nvml, dev, index, enable, &activated);
	if (rc < 0)
		return rc;
	/* the activation status is only a hint (mig-parted ignores it too): the modes decide */
	rc = mig_nvml_mig_mode(sys->nvml, dev, index, &current, &pending);
	if (rc < 0)
		return rc;
	*reset_needed = current != pending;
	return 0;
}

int mig_device_create_gi(mig_system *sys, unsigned index, const mig_gi_profile *p, int start,
			 unsigned *gi_id)
{
	mig_nvml_gi_info info;
	mig_dev_h dev;
	mig_gi_h gi;
	int rc = mig_nvml_device_by_index(sys->nvml, index, &dev);

	if (rc == 0)
		rc = mig_nvml_gi_create(sys->nvml, dev, index, p->id, start, p->mem_slices, &gi);
	if (rc < 0) {
		if (start >= 0)
			mig_error_prefix("cannot create %s at %d on GPU %u", p->name, start, index);
		else
			mig_error_prefix("cannot create %s on GPU %u", p->name, index);
		return rc;
	}
	if (!gi_id)
		return 0;
	rc = mig_nvml_gi_info_get(sys->nvml, gi, index, &info);
	if (rc == 0)
		*gi_id = info.id;
	return rc;
}

int mig_device_create_ci(mig_system *sys, unsigned index, unsigned gi_id, unsigned ci_profile_id,
			 unsigned *ci_id)
{
	mig_nvml_ci_info info;
	mig_dev_h dev;
	mig_gi_h gi;
	mig_ci_h ci;
	int rc = mig_nvml_device_by_index(sys->nvml, index, &dev);

	if (rc == 0)
		rc = mig_nvml_gi_by_id(sys->nvml, dev, index, gi_id, &gi);
	if (rc == 0) {
		rc = mig_nvml_ci_create(sys->nvml, gi, index, ci_profile_id, &ci);
		if (rc < 0)
			mig_error_prefix("cannot create a compute instance in GI %u", gi_id);
	}
	if (rc < 0 || !ci_id)
		return rc;
	rc = mig_nvml_ci_info_get(sys->nvml, ci, index, &info);
	if (rc == 0)
		*ci_id = info.id;
	return rc;
}

int mig_device_destroy_gi(mig_system *sys, unsigned index, unsigned gi_id)
{
	mig_dev_h dev;
	mig_gi_h gi;
	int rc = mig_nvml_device_by_index(sys->nvml, index, &dev);

	if (rc == 0)
		rc = mig_nvml_gi_by_id(sys->nvml, dev, index, gi_id, &gi);
	if (rc == 0)
		rc = mig_nvml_gi_destroy(sys->nvml, gi, index, gi_id);
	return rc;
}

int mig_device_destroy_ci(mig_system *sys, unsigned index, unsigned gi_id, unsigned ci_id)
{
	mig_dev_h dev;
	mig_gi_h gi;
	mig_ci_h ci;
	int rc = mig_nvml_device_by_index(sys->nvml, index, &dev);

	if (rc == 0)
		rc = mig_nvml_gi_by_id(sys->nvml, dev, index, gi_id, &gi);
	if (rc == 0)
		rc = mig_nvml_ci_by_id(sys->nvml, gi, index, gi_id, ci_id, &ci);
	if (rc == 0)
		rc = mig_nvml_ci_destroy(sys->nvml, ci, index, gi_id, ci_id);
	return rc;
}

int mig_gpu_state_layout(const mig_gpu_state *state, mig_layout *out)
{
	mig_layout l;
	size_t i;

	if (!state->model)
		return mig_error_set(MIG_ENOTSUPPORTED,
				     "GPU %u ('%s') is not in migctl's catalog", state->index,
				     state->name);
	mig_layout_init(&l, state->model);
	for (i = 0; i < state->gi_count; i++) {
		const mig_gi_state *g = &state->gis[i];

		if (!g->profile)
			return mig_error_set(MIG_ENOTSUPPORTED,
					     "GI %u on GPU %u has profile id %u, unknown for %s",
					     g->id, state->index, g->profile_id, state->model->key);
		if (mig_layout_add(&l, g->profile, (int)g->start) < 0)
			return MIG_EINVALID;
	}
	*out = l;
	return 0;
}

const mig_gi_state *mig_gpu_state_gi(const mig_gpu_state *state, unsigned gi_id)
{
	size_t i;

	for (i = 0; i < state->gi_count; i++)
		if (state->gis[i].id == gi_id)
			return &state->gis[i];
	return NULL;
}

size_t mig_gi_state_process_count(const mig_gi_state *gi)
{
	size_t i, n = 0;

	for (i = 0; i < gi->ci_count; i++)
		n += gi->cis[i].process_count;
	return n;
}
