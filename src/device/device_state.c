/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading a GPU's whole MIG state through NVML, asking for each fact once: identity and mode,
 * then every GI (walking the GI profiles the driver offers), every CI inside each GI (the CI
 * profiles of a GI profile are asked for once per profile, not per GI), and every MIG device
 * with its UUID, memory and processes.
 */
#include "device_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

#define GI_PROFILE_INDEX_MAX 32
#define CI_PROFILE_INDEX_MAX 16
#define MAX_GIS_PER_PROFILE 16
#define MAX_CIS_PER_PROFILE 8

struct ci_profile_cache {
	unsigned gi_profile_id;
	size_t count;
	mig_nvml_ci_profile_info info[CI_PROFILE_INDEX_MAX];
};

void mig_gpu_state_free(mig_gpu_state *state)
{
	size_t i, j;

	if (!state)
		return;
	for (i = 0; i < state->gi_count; i++) {
		for (j = 0; j < state->gis[i].ci_count; j++)
			free(state->gis[i].cis[j].processes);
		free(state->gis[i].cis);
	}
	free(state->gis);
	free(state);
}

static const mig_ci_profile *catalog_ci(const mig_gi_profile *gi, unsigned ci_profile_id)
{
	size_t i;

	for (i = 0; gi && i < gi->ci_profile_count; i++)
		if (gi->ci_profiles[i].nvml_profile == ci_profile_id)
			return &gi->ci_profiles[i];
	return NULL;
}

/* The CI profiles a GI offers; cached per GI profile because they are the same for every GI
 * of that profile. */
static int ci_profiles_of(mig_system *sys, mig_gpu_state *st, mig_gi_h gi, unsigned gi_profile_id,
			  struct ci_profile_cache *cache, size_t *cache_len,
			  const struct ci_profile_cache **out)
{
	struct ci_profile_cache *c;
	unsigned idx;
	size_t i;

	for (i = 0; i < *cache_len; i++)
		if (cache[i].gi_profile_id == gi_profile_id) {
			*out = &cache[i];
			return 0;
		}
	c = &cache[(*cache_len)++];
	c->gi_profile_id = gi_profile_id;
	c->count = 0;
	for (idx = 0; idx < CI_PROFILE_INDEX_MAX; idx++) {
		int rc = mig_nvml_ci_profile_get(sys->nvml, gi, st->index, idx, &c->info[c->count]);

		if (rc == MIG_EINVALID)
			break;
		if (rc == MIG_ENOTSUPPORTED)
			continue;
		if (rc < 0)
			return rc;
		c->count++;
	}
	*out = c;
	return 0;
}

static int read_cis(mig_system *sys, mig_gpu_state *st, mig_gi_state *g, mig_gi_h gi,
		    const struct ci_profile_cache *profiles)
{
	size_t p;

	for (p = 0; p < profiles->count; p++) {
		mig_ci_h cis[MAX_CIS_PER_PROFILE];
		unsigned n = MAX_CIS_PER_PROFILE, k;
		int rc = mig_nvml_ci_list(sys->nvml, gi, st->index, profiles->info[p].id, cis, &n);

		if (rc < 0)
			return rc;
		for (k = 0; k < n; k++) {
			mig_nvml_ci_info info;
			mig_ci_state *ci;
			void *grown;

			rc = mig_nvml_ci_info_get(sys->nvml, cis[k], st->index, &info);
			if (rc < 0)
				return rc;
			grown = realloc(g->cis, (g->ci_count + 1) * sizeof(*g->cis));
			if (!grown)
				return mig_error_oom();
			g->cis = grown;
			ci = &g->cis[g->ci_count++];
			memset(ci, 0, sizeof(*ci));
			ci->id = info.id;
			ci->profile_id = info.profile_id;
			ci->profile = catalog_ci(g->profile, info.profile_id);
			ci->start = info.start;
			ci->size = info.size;
			ci->sms = profiles->info[p].sms;
		}
	}
	return 0;
}

static int add_gi(mig_gpu_state *st, const mig_nvml_gi_profile_info *pinfo,
		  const mig_nvml_gi_info *info, mig_gi_state **out)
{
	mig_gi_state *g;
	void *grown = realloc(st->gis, (st->gi_count + 1) * sizeof(*st->gis));

	if (!grown)
		return mig_error_oom();
	st->gis = grown;
	g = &st->gis[st->gi_count++];
	memset(g, 0, sizeof(*g));
	g->id = info->id;
	g->profile_id = info->profile_id;
	g->profile = st->model ? mig_catalog_profile_by_id(st->model, info->profile_id) : NULL;
	g->start = info->start;
	g->size = info->size;
	g->slices = pinfo->slices;
	g->memory_mib = pinfo->memory_mib;
	if (g->profile)
		snprintf(g->profile_name, sizeof(g->profile_name), "%s", g->profile->name);
	else
		mig_catalog_derive_name(g->profile_name, sizeof(g->profile_name), pinfo->slices,
					(unsigned)pinfo->memory_mib, (unsigned)st->memory_mib,
					MIG_VARIANT_PLAIN);
	*out = g;
	return 0;
}

static int read_gis(mig_system *sys, mig_gpu_state *st, mig_dev_h dev)
{
	struct ci_profile_cache cache[GI_PROFILE_INDEX_MAX];
	size_t cache_len = 0;
	unsigned idx;

	for (idx = 0; idx < GI_PROFILE_INDEX_MAX; idx++) {
		mig_nvml_gi_profile_info pinfo;
		mig_gi_h gis[MAX_GIS_PER_PROFILE];
		unsigned n = MAX_GIS_PER_PROFILE, k;
		int rc = mig_nvml_gi_profile_get(sys->nvml, dev, st->index, idx, &pinfo);

		if (rc == MIG_EINVALID)
			break;
		if (rc == MIG_ENOTSUPPORTED)
			continue;
		if (rc < 0)
			return rc;
		rc = mig_nvml_gi_list(sys->nvml, dev, st->index, pinfo.id, gis, &n);
		if (rc < 0)
			return rc;
		for (k = 0; k < n; k++) {
			const struct ci_profile_cache *cps = NULL;
			mig_nvml_gi_info info;
			mig_gi_state *g = NULL;

			rc = mig_nvml_gi_info_get(sys->nvml, gis[k], st->index, &info);
			if (rc == 0)
				rc = add_gi(st, &pinfo, &info, &g);
			if (rc == 0)
				rc = ci_profiles_of(sys, st, gis[k], pinfo.id, cache, &cache_len, &cps);
			if (rc == 0)
				rc = read_cis(sys, st, g, gis[k], cps);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

static mig_ci_state *find_ci(mig_gpu_state *st, unsigned gi_id, unsigned ci_id, mig_gi_state **gi)
{
	size_t i, j;

	for (i = 0; i < st->gi_count; i++)
		for (j = 0; st->gis[i].id == gi_id && j < st->gis[i].ci_count; j++)
			if (st->gis[i].cis[j].id == ci_id) {
				*gi = &st->gis[i];
				return &st->gis[i].cis[j];
			}
	return NULL;
}

static int read_processes(mig_system *sys, mig_gpu_state *st, mig_dev_h mig, mig_ci_state *ci)
{
	mig_nvml_process procs[64];
	unsigned n = 64, needed = 0, k;
	int rc = mig_nvml_processes(sys->nvml, mig, st->index, procs, &n, &needed);

	if (rc < 0)
		return rc;
	if (needed > 64)
		n = 64; /* more than 64 processes on one slice: list the first 64 */
	if (n == 0)
		return 0;
	ci->processes = calloc(n, sizeof(*ci->processes));
	if (!ci->processes)
		return mig_error_oom();
	for (k = 0; k < n; k++) {
		ci->processes[k].pid = procs[k].pid;
		ci->processes[k].used_mib = procs[k].used_mib;
	}
	ci->process_count = n;
	return 0;
}

static int read_mig_devices(mig_system *sys, mig_gpu_state *st, mig_dev_h dev)
{
	unsigned count, i;
	int rc = mig_nvml_mig_device_count(sys->nvml, dev, st->index, &count);

	for (i = 0; rc == 0 && i < count; i++) {
		mig_dev_h mig;
		unsigned gi_id, ci_id;
		uint64_t total, used;
		mig_gi_state *gi;
		mig_ci_state *ci;

		rc = mig_nvml_mig_device(sys->nvml, dev, st->index, i, &mig);
		if (rc == MIG_ENOTFOUND) {
			rc = 0;
			continue;
		}
		if (rc == 0)
			rc = mig_nvml_mig_device_ids(sys->nvml, mig, st->index, &gi_id, &ci_id);
		if (rc < 0)
			break;
		ci = find_ci(st, gi_id, ci_id, &gi);
		if (!ci)
			continue; /* created after we listed the GIs: the next read shows it */
		rc = mig_nvml_uuid(sys->nvml, mig, st->index, ci->uuid, sizeof(ci->uuid));
		if (rc == 0)
			rc = mig_nvml_memory(sys->nvml, mig, st->index, &total, &used);
		if (rc == 0) {
			gi->memory_used_mib += used;
			rc = read_processes(sys, st, mig, ci);
		}
	}
	return rc;
}

static int compare_gi(const void *a, const void *b)
{
	const mig_gi_state *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int read_all(mig_system *sys, mig_gpu_state *st)
{
	mig_nvml_identity id;
	mig_dev_h dev;
	int rc = mig_nvml_device_by_index(sys->nvml, st->index, &dev);

	if (rc == 0)
		rc = mig_nvml_identity_of(sys->nvml, dev, st->index, &id);
	if (rc < 0)
		return rc;
	memcpy(st->name, id.name, sizeof(st->name));
	memcpy(st->uuid, id.uuid, sizeof(st->uuid));
	memcpy(st->bus_id, id.bus_id, sizeof(st->bus_id));
	st->pci_device_id = id.pci_device_id;
	st->model = mig_device__model(id.pci_device_id, id.name);
	rc = mig_nvml_memory(sys->nvml, dev, st->index, &st->memory_mib, &st->memory_used_mib);
	if (rc < 0)
		return rc;
	rc = mig_nvml_mig_mode(sys->nvml, dev, st->index, &st->mig_current, &st->mig_pending);
	if (rc == MIG_ENOTSUPPORTED)
		return 0; /* not MIG-capable */
	if (rc < 0)
		return rc;
	st->mig_capable = 1;
	if (!st->mig_current)
		return 0;
	rc = read_gis(sys, st, dev);
	if (rc == 0)
		rc = read_mig_devices(sys, st, dev);
	if (rc == 0 && st->gi_count > 1)
		qsort(st->gis, st->gi_count, sizeof(*st->gis), compare_gi);
	return rc;
}

int mig_gpu_state_read(mig_gpu_state **out, mig_system *sys, unsigned index)
{
	mig_gpu_state *st = calloc(1, sizeof(*st));
	int rc;

	if (!st)
		return mig_error_oom();
	st->index = index;
	rc = read_all(sys, st);
	if (rc < 0) {
		mig_gpu_state_free(st);
		return rc;
	}
	*out = st;
	return 0;
}
