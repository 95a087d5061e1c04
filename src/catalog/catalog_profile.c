/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Catalog lookup inside one GPU: its GPU-instance profiles by name, profile id, NVML constant
 * or short name, and the compute-instance profiles inside a GI profile.
 */
#include "catalog_internal.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>

#include "error_util.h"
#include "parse_util.h"
#include "strbuf.h"
#include "banned.h"

const mig_gi_profile *mig_catalog_profile_by_id(const mig_gpu *gpu, unsigned id)
{
	size_t i;

	for (i = 0; gpu && i < gpu->gi_profile_count; i++)
		if (gpu->gi_profiles[i].id == id)
			return &gpu->gi_profiles[i];
	return NULL;
}

const mig_gi_profile *mig_catalog_profile_by_nvml(const mig_gpu *gpu, unsigned nvml_profile)
{
	size_t i;

	for (i = 0; gpu && i < gpu->gi_profile_count; i++)
		if (gpu->gi_profiles[i].nvml_profile == nvml_profile)
			return &gpu->gi_profiles[i];
	return NULL;
}

const mig_ci_profile *mig_catalog_default_ci(const mig_gi_profile *gi)
{
	size_t i;

	for (i = 0; gi && i < gi->ci_profile_count; i++)
		if (gi->ci_profiles[i].is_default)
			return &gi->ci_profiles[i];
	return NULL;
}

/* A profile id or NVML value as text: plain decimal digits only, so that "0x9" or "+9" are
 * names (and unknown), never numbers. */
static int parse_number(const char *s, unsigned *out)
{
	uint64_t v;
	const char *c;

	for (c = s; *c; c++)
		if (*c < '0' || *c > '9')
			return -1;
	if (mig_parse_uint(s, UINT_MAX, &v) < 0)
		return -1;
	*out = (unsigned)v;
	return 0;
}

static const mig_gi_profile *profile_by_name(const mig_gpu *gpu, const char *name)
{
	size_t i;

	for (i = 0; i < gpu->gi_profile_count; i++)
		if (mig_strcaseeq(gpu->gi_profiles[i].name, name))
			return &gpu->gi_profiles[i];
	return NULL;
}

/* The name without its memory part: "3g" for 3g.40gb, "1g+me" for 1g.10gb+me. The variant
 * stays, so that "1g" never picks a media-engine variant that the user did not ask for. */
static void short_name(char *buf, size_t len, const mig_gi_profile *p)
{
	snprintf(buf, len, "%ug%s", p->slices, mig_variant_suffix(p->variant));
}

static void list_profiles(mig_strbuf *sb, const mig_gpu *gpu, const char *what)
{
	char s[32];
	size_t i;
	int n = 0;

	for (i = 0; i < gpu->gi_profile_count; i++) {
		const mig_gi_profile *p = &gpu->gi_profiles[i];

		if (what) {
			short_name(s, sizeof(s), p);
			if (!mig_strcaseeq(s, what))
				continue;
			mig_strbuf_addf(sb, "%s%s", n++ ? ", " : "", p->name);
		} else {
			mig_strbuf_addf(sb, "%s%s (id %u)", n++ ? ", " : "", p->name, p->id);
		}
	}
}

static int ambiguous(const mig_gpu *gpu, const char *what)
{
	mig_strbuf sb = MIG_STRBUF_INIT;

	mig_error_set(MIG_ENOTFOUND, "ambiguous profile '%s' for %s", what, gpu->nvml_name);
	list_profiles(&sb, gpu, what);
	if (!sb.oom)
		mig_error_hint("'%s' matches %s; give the full name", what, mig_strbuf_str(&sb));
	mig_strbuf_release(&sb);
	return MIG_ENOTFOUND;
}

/* 0 with *out set (or left NULL when nothing matches), or MIG_ENOTFOUND when several do. */
static int profile_by_short_name(const mig_gpu *gpu, const char *what,
				 const mig_gi_profile **out)
{
	const mig_gi_profile *found = NULL;
	char s[32];
	size_t i;

	for (i = 0; i < gpu->gi_profile_count; i++) {
		short_name(s, sizeof(s), &gpu->gi_profiles[i]);
		if (!mig_strcaseeq(s, what))
			continue;
		if (found)
			return ambiguous(gpu, what);
		found = &gpu->gi_profiles[i];
	}
	*out = found;
	return 0;
}

static int unknown_profile(const mig_gpu *gpu, const char *what)
{
	mig_strbuf sb = MIG_STRBUF_INIT;

	mig_error_set(MIG_ENOTFOUND, "unknown profile '%s' for %s", what, gpu->nvml_name);
	list_profiles(&sb, gpu, NULL);
	if (!sb.oom)
		mig_error_hint("valid profiles: %s", mig_strbuf_str(&sb));
	mig_strbuf_release(&sb);
	return MIG_ENOTFOUND;
}

int mig_catalog_find_profile(const mig_gi_profile **out, const mig_gpu *gpu, const char *what)
{
	const mig_gi_profile *p;
	unsigned id;
	int rc;

	if (!gpu || !what)
		return mig_error_set(MIG_EINVALID, "no GPU or profile given");
	p = profile_by_name(gpu, what);
	if (!p && parse_number(what, &id) == 0)
		p = mig_catalog_profile_by_id(gpu, id);
	if (!p) {
		rc = profile_by_short_name(gpu, what, &p);
		if (rc < 0)
			return rc;
	}
	if (!p)
		return unknown_profile(gpu, what);
	*out = p;
	return 0;
}

static int unknown_ci_profile(const mig_gi_profile *gi, const char *what)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	size_t i;

	mig_error_set(MIG_ENOTFOUND, "unknown compute-instance profile '%s' in GI profile %s",
		      what, gi->name);
	for (i = 0; i < gi->ci_profile_count; i++)
		mig_strbuf_addf(&sb, "%s%s (%u)", i ? ", " : "", gi->ci_profiles[i].name,
				gi->ci_profiles[i].nvml_profile);
	if (!sb.oom)
		mig_error_hint("valid compute-instance profiles: %s", mig_strbuf_str(&sb));
	mig_strbuf_release(&sb);
	return MIG_ENOTFOUND;
}

int mig_catalog_find_ci_profile(const mig_ci_profile **out, const mig_gi_profile *gi,
				const char *what)
{
	const mig_ci_profile *ci = NULL;
	unsigned nvml;
	size_t i;

	if (!gi || !what)
		return mig_error_set(MIG_EINVALID, "no GI profile or CI profile given");
	for (i = 0; !ci && i < gi->ci_profile_count; i++)
		if (mig_strcaseeq(gi->ci_profiles[i].name, what))
			ci = &gi->ci_profiles[i];
	/* The GI's own name means its full CI, as nvidia-smi names that CI after the GI. */
	if (!ci && mig_strcaseeq(gi->name, what))
		ci = mig_catalog_default_ci(gi);
	for (i = 0; !ci && parse_number(what, &nvml) == 0 && i < gi->ci_profile_count; i++)
		if (gi->ci_profiles[i].nvml_profile == nvml)
			ci = &gi->ci_profiles[i];
	if (!ci)
		return unknown_ci_profile(gi, what);
	*out = ci;
	return 0;
}
