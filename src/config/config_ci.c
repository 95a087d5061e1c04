/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The compute instances a layout file asks for inside one GI (migctl's `compute-instances`).
 * Names are looked up in the GI profile's CI profiles, then the list is checked the way it
 * will be created: NVML places a CI created without a placement itself, at the first free
 * one, so CIs are created largest first (like GIs) and each must find a free placement of
 * its profile, within its profile's instance count.
 */
#include "config_internal.h"

#include <string.h>

#include "strbuf.h"
#include "banned.h"

static int unknown_ci(const char *path, const mig_config_ci_spec *spec, const mig_gi_profile *p,
		      const mig_gpu *gpu)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	size_t i;

	for (i = 0; i < p->ci_profile_count; i++)
		mig_strbuf_addf(&sb, "%s%s", i ? ", " : "", p->ci_profiles[i].name);
	if (sb.oom) {
		mig_strbuf_release(&sb);
		return mig_error_oom();
	}
	mig_config__error(path, spec->pos, MIG_ENOTFOUND,
			  "unknown compute-instance profile '%s' for %s on %s; valid: %s",
			  mig_config__echo(shown, sizeof(shown), spec->profile), p->name,
			  gpu->nvml_name, mig_strbuf_str(&sb));
	mig_strbuf_release(&sb);
	return MIG_ENOTFOUND;
}

/* Largest first; equal sizes keep the file's order (insertion sort, at most 8 items). */
static void sort_largest_first(mig_config_gi *gi)
{
	size_t i, j;

	for (i = 1; i < gi->ci_count; i++) {
		const mig_ci_profile *x = gi->ci[i];

		for (j = i; j > 0 && gi->ci[j - 1]->slices < x->slices; j--)
			gi->ci[j] = gi->ci[j - 1];
		gi->ci[j] = x;
	}
}

static uint32_t ci_mask(const mig_placement *pl)
{
	return ((1u << pl->size) - 1u) << pl->start;
}

/* The first free placement of a CI profile, or -1. */
static int first_free(const mig_ci_profile *cp, uint32_t used)
{
	size_t i;

	for (i = 0; i < cp->placement_count; i++) {
		const mig_placement *pl = &cp->placements[i];

		if (pl->size < 32 && pl->start < 32 - pl->size && !(ci_mask(pl) & used))
			return (int)i;
	}
	return -1;
}

static size_t count_of(const mig_config_gi *gi, size_t upto, const mig_ci_profile *cp)
{
	size_t i, n = 0;

	for (i = 0; i < upto; i++)
		n += gi->ci[i] == cp;
	return n;
}

static int no_fit(const char *path, const mig_config_instance *in, const mig_config_gi *gi,
		  size_t failed, const char *why)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	size_t i;

	for (i = 0; i < gi->ci_count; i++)
		mig_strbuf_addf(&sb, "%s%s", i ? ", " : "", gi->ci[i]->name);
	if (sb.oom) {
		mig_strbuf_release(&sb);
		return mig_error_oom();
	}
	mig_config__error(path, in->pos, MIG_ENOFIT,
			  "compute instances %s do not fit in a %s GI (%u compute slices): %s %s",
			  mig_strbuf_str(&sb), gi->profile->name, gi->profile->slices,
			  gi->ci[failed]->name, why);
	mig_strbuf_release(&sb);
	return MIG_ENOFIT;
}

static int check_fit(const char *path, const mig_config_instance *in, const mig_config_gi *gi)
{
	uint32_t used = 0;
	size_t i;

	for (i = 0; i < gi->ci_count; i++) {
		const mig_ci_profile *cp = gi->ci[i];
		int pl;

		if (count_of(gi, i + 1, cp) > cp->max_count)
			return no_fit(path, in, gi, i, "is one too many for its profile");
		pl = first_free(cp, used);
		if (pl < 0)
			return no_fit(path, in, gi, i, "finds no free placement");
		used |= ci_mask(&cp->placements[pl]);
	}
	return 0;
}

int mig_config__resolve_cis(const char *path, const mig_config_instance *in,
			    const mig_gi_profile *p, const mig_gpu *gpu, mig_config_gi *gi)
{
	size_t i;

	memset(gi, 0, sizeof(*gi));
	gi->profile = p;
	gi->start = in->start;
	if (!in->has_cis) {
		gi->ci[0] = mig_catalog_default_ci(p);
		gi->ci_count = gi->ci[0] != NULL;
		return 0;
	}
	for (i = 0; i < in->ci_count && i < MIG_CONFIG_MAX_CI; i++) {
		const mig_ci_profile *cp;

		if (mig_catalog_find_ci_profile(&cp, p, in->cis[i].profile) < 0)
			return unknown_ci(path, &in->cis[i], p, gpu);
		gi->ci[gi->ci_count++] = cp;
	}
	sort_largest_first(gi);
	return check_fit(path, in, gi);
}
