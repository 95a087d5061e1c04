/* SPDX-License-Identifier: Apache-2.0 */
/* The GI profiles a GPU offers, as its driver reports them, with the free counts. */
#include "device_internal.h"

#include <stdio.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

#define PROFILE_INDEX_MAX 32

static int fill(mig_system *sys, unsigned index, mig_dev_h dev, const mig_gpu *model,
		uint64_t total_mib, int enabled, unsigned nvml_profile,
		const mig_nvml_gi_profile_info *info, mig_device_profile *p)
{
	unsigned starts[16], sizes[16], n = 16, k;
	int rc;

	memset(p, 0, sizeof(*p));
	p->nvml_profile = nvml_profile;
	p->id = info->id;
	p->profile = model ? mig_catalog_profile_by_id(model, info->id) : NULL;
	if (p->profile)
		snprintf(p->name, sizeof(p->name), "%s", p->profile->name);
	else
		mig_catalog_derive_name(p->name, sizeof(p->name), info->slices,
					(unsigned)info->memory_mib, (unsigned)total_mib,
					MIG_VARIANT_PLAIN);
	p->slices = info->slices;
	p->sms = info->sms;
	p->ce = info->ce, p->dec = info->dec, p->enc = info->enc;
	p->jpg = info->jpg, p->ofa = info->ofa;
	p->memory_mib = info->memory_mib;
	p->max_count = info->instance_count;
	if (enabled) {
		rc = mig_nvml_gi_remaining(sys->nvml, dev, index, info->id, &p->free_count);
		if (rc < 0)
			return rc;
	}
	rc = mig_nvml_gi_placements(sys->nvml, dev, index, info->id, starts, sizes, &n);
	if (rc < 0)
		return rc;
	for (k = 0; k < n && k < sizeof(p->placements) / sizeof(p->placements[0]); k++) {
		p->placements[k].start = (uint8_t)starts[k];
		p->placements[k].size = (uint8_t)sizes[k];
	}
	p->placement_count = k;
	return 0;
}

int mig_device_profiles(mig_device_profile *out, size_t cap, size_t *count, mig_system *sys,
			unsigned index)
{
	mig_nvml_identity id;
	uint64_t total, used;
	mig_dev_h dev;
	int current, pending;
	unsigned idx;
	size_t n = 0;
	int rc = mig_nvml_device_by_index(sys->nvml, index, &dev);

	if (rc == 0)
		rc = mig_nvml_identity_of(sys->nvml, dev, index, &id);
	if (rc == 0)
		rc = mig_nvml_memory(sys->nvml, dev, index, &total, &used);
	if (rc == 0)
		rc = mig_nvml_mig_mode(sys->nvml, dev, index, &current, &pending);
	if (rc == MIG_ENOTSUPPORTED)
		return mig_error_set(MIG_ENOTSUPPORTED, "GPU %u (%s) does not support MIG", index,
				     id.name);
	for (idx = 0; rc == 0 && idx < PROFILE_INDEX_MAX; idx++) {
		mig_nvml_gi_profile_info info;
		int r = mig_nvml_gi_profile_get(sys->nvml, dev, index, idx, &info);

		if (r == MIG_EINVALID)
			break;
		if (r == MIG_ENOTSUPPORTED)
			continue;
		if (r < 0 || n >= cap) {
			rc = r < 0 ? r : mig_error_set(MIG_ERROR, "more profiles than expected");
			break;
		}
		rc = fill(sys, index, dev, mig_device__model(id.pci_device_id, id.name), total,
			  current, idx, &info, &out[n]);
		if (rc == 0)
			n++;
	}
	if (rc == 0)
		*count = n;
	return rc;
}
