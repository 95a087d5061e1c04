/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `migctl export`: GPU states as a layout file that `apply` accepts. Each GPU becomes an entry
 * selecting it by index (or UUID); GPUs that hold the same thing share one entry. The entry is
 * plain mig-parted (profile name: count) unless the state needs more: pinned starts when asked
 * for, and compute instances where a GI holds anything but its one full-size CI. When two GIs
 * of a profile differ in their CIs, a mapping could not hold both under one key, so the entry
 * uses the list form.
 */
#include "config_internal.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

static int belongs(const mig_config_gi *gi, const mig_gpu *gpu)
{
	const mig_gi_profile *p = gi->profile;
	size_t i;

	if (!p || p < gpu->gi_profiles || p >= gpu->gi_profiles + gpu->gi_profile_count)
		return 0;
	if (gi->ci_count > MIG_CONFIG_MAX_CI)
		return 0;
	for (i = 0; i < gi->ci_count; i++)
		if (!gi->ci[i] || gi->ci[i] < p->ci_profiles ||
		    gi->ci[i] >= p->ci_profiles + p->ci_profile_count)
			return 0;
	return 1;
}

static int check_gpu(const mig_config_gpu_layout *g, unsigned flags)
{
	const mig_config_layout *l = &g->layout;
	size_t i;

	if (!l->gpu)
		return mig_error_set(MIG_EINVALID, "cannot export GPU %d: not in the catalog",
				     g->index);
	if ((flags & MIG_CONFIG_EXPORT_UUID) && (!g->uuid || !g->uuid[0]))
		return mig_error_set(MIG_EINVALID, "cannot export GPU %d by UUID: no UUID known",
				     g->index);
	if (!(flags & MIG_CONFIG_EXPORT_UUID) && (g->index < 0 || g->index > MIG_CONFIG_MAX_INDEX))
		return mig_error_set(MIG_EINVALID, "cannot export GPU %d: bad index", g->index);
	if (l->gi_count > MIG_LAYOUT_MAX)
		return mig_error_set(MIG_EINVALID, "cannot export GPU %d: too many GIs", g->index);
	for (i = 0; i < l->gi_count; i++)
		if (!belongs(&l->gi[i], l->gpu))
			return mig_error_set(MIG_EINVALID,
					     "cannot export GPU %d: GI #%zu is not a profile of %s",
					     g->index, i + 1, l->gpu->nvml_name);
	return 0;
}

static int same_cis(const mig_config_instance *in, const mig_config_gi *gi)
{
	size_t i;

	if (mig_config__default_cis(gi))
		return !in->has_cis;
	if (!in->has_cis || in->ci_count != gi->ci_count)
		return 0;
	for (i = 0; i < gi->ci_count; i++)
		if (strcmp(in->cis[i].profile, gi->ci[i]->name) != 0)
			return 0;
	return 1;
}

/* The row a GI goes to, or NULL for a new one; sets *clash when a row has its key but other
 * compute instances (which a mapping cannot hold twice). */
static mig_config_instance *find_row(mig_config_entry *e, const mig_config_gi *gi, int start,
				     int *clash)
{
	size_t i;

	for (i = 0; i < e->instance_count; i++) {
		mig_config_instance *in = &e->instances[i];

		if (strcmp(in->profile, gi->profile->name) != 0 || in->start != start)
			continue;
		if (start < 0 && same_cis(in, gi))
			return in;
		*clash = 1;
	}
	return NULL;
}

static int add_row(mig_config_entry *e, const mig_config_gi *gi, int start)
{
	mig_config_instance *in = mig_config__add_instance(e, gi->profile->name, start, 1);
	size_t i;

	if (!in)
		return MIG_ENOMEM;
	if (mig_config__default_cis(gi))
		return 0;
	in->has_cis = 1;
	for (i = 0; i < gi->ci_count; i++)
		if (mig_config__add_ci(in, gi->ci[i]->name) < 0)
			return MIG_ENOMEM;
	return 0;
}

/* The GI with its CIs largest first: the order resolving gives them back in. */
static void sorted_cis(mig_config_gi *out, const mig_config_gi *gi)
{
	size_t i, j;

	*out = *gi;
	for (i = 1; i < out->ci_count; i++) {
		const mig_ci_profile *x = out->ci[i];

		for (j = i; j > 0 && out->ci[j - 1]->slices < x->slices; j--)
			out->ci[j] = out->ci[j - 1];
		out->ci[j] = x;
	}
}

static int fill_request(mig_config_entry *e, const mig_config_layout *l, unsigned flags)
{
	size_t i;
	int clash = 0;

	e->mig_enabled = l->mig_enabled != 0;
	e->has_mig_devices = e->mig_enabled;
	if (!e->mig_enabled)
		return 0;
	for (i = 0; i < l->gi_count; i++) {
		mig_config_gi gi;
		int start = (flags & MIG_CONFIG_EXPORT_PINNED) ? l->gi[i].start : -1;
		mig_config_instance *in;

		sorted_cis(&gi, &l->gi[i]);
		in = find_row(e, &gi, start < 0 ? -1 : start, &clash);
		if (in)
			in->count++;
		else if (add_row(e, &gi, start < 0 ? -1 : start) < 0)
			return MIG_ENOMEM;
	}
	e->list_form = clash;
	return 0;
}

static int add_gpu(mig_config *c, const mig_config_gpu_layout *g, unsigned flags)
{
	mig_config_entry probe = { 0 };
	size_t i;
	int rc = fill_request(&probe, &g->layout, flags);
	const char *uuid = (flags & MIG_CONFIG_EXPORT_UUID) ? g->uuid : NULL;

	for (i = 0; rc == 0 && i < c->entry_count; i++) {
		if (!mig_config__same_request(&c->entries[i], &probe))
			continue;
		mig_config__entry_release(&probe);
		return mig_config__add_device(&c->entries[i], g->index, uuid);
	}
	if (rc == 0) {
		mig_config_entry *e = mig_config__add_entry(c);

		if (!e) {
			rc = MIG_ENOMEM;
		} else {
			*e = probe;
			return mig_config__add_device(e, g->index, uuid);
		}
	}
	mig_config__entry_release(&probe);
	return rc;
}

static int build(mig_config_file *f, const char *name, const mig_config_gpu_layout *gpus,
		 size_t count, unsigned flags)
{
	mig_config *c = mig_config__add_config(f, name);
	size_t i;

	if (!c)
		return MIG_ENOMEM;
	for (i = 0; i < count; i++) {
		int rc = check_gpu(&gpus[i], flags);

		if (rc == 0)
			rc = add_gpu(c, &gpus[i], flags);
		if (rc < 0)
			return rc;
	}
	if ((flags & MIG_CONFIG_EXPORT_ALL) && c->entry_count == 1) {
		mig_config_entry *e = &c->entries[0];

		for (i = 0; i < e->device_count; i++)
			free(e->devices[i].uuid);
		free(e->devices);
		e->devices = NULL;
		e->device_count = 0;
		e->all_devices = 1;
	}
	return 0;
}

int mig_config_export(mig_config_file **out, const char *name, const mig_config_gpu_layout *gpus,
		      size_t count, unsigned flags)
{
	mig_config_file *f;
	int rc;

	if (!out || (count && !gpus))
		return mig_error_set(MIG_EINVALID, "nothing to export");
	if (!name || !name[0] || strlen(name) > MIG_CONFIG_NAME_MAX)
		return mig_error_set(MIG_EINVALID, "bad config name for export");
	if (count == 0)
		return mig_error_set(MIG_EINVALID, "no GPU to export");
	f = mig_config__file_new("<export>");
	if (!f)
		return MIG_ENOMEM;
	rc = build(f, name, gpus, count, flags);
	/* read back, so that what export gives is exactly what apply will read */
	if (rc == 0)
		rc = mig_config__reparse(out, f);
	mig_config_file_free(f);
	return rc;
}
