/* SPDX-License-Identifier: Apache-2.0 */
/*
 * From an entry to what a GPU should hold: profile names are resolved for the GPU, compute
 * instances checked, and the GIs placed by the geometry engine. This needs only the catalog,
 * so a config can be checked for any GPU model without the GPU (`apply --dry-run --gpu`).
 */
#include "config_internal.h"

#include <string.h>

#include "strbuf.h"
#include "banned.h"

static int unknown_profile(const char *path, const mig_config_instance *in, const mig_gpu *gpu)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	mig_error_saved catalog;
	size_t i;

	mig_error_save(&catalog);
	for (i = 0; i < gpu->gi_profile_count; i++)
		mig_strbuf_addf(&sb, "%s%s", i ? ", " : "", gpu->gi_profiles[i].name);
	if (sb.oom) {
		mig_strbuf_release(&sb);
		return mig_error_oom();
	}
	mig_config__error(path, in->pos, MIG_ENOTFOUND, "unknown profile '%s' for %s; valid: %s",
			  mig_config__echo(shown, sizeof(shown), in->profile), gpu->nvml_name,
			  mig_strbuf_str(&sb));
	/* the catalog's hint lists the profile ids, which files may use as well */
	if (catalog.has_hint)
		mig_error_hint("%s", catalog.hint);
	mig_strbuf_release(&sb);
	return MIG_ENOTFOUND;
}

static int find_profile(const char *path, const mig_config_instance *in, const mig_gpu *gpu,
			const mig_gi_profile **p)
{
	if (mig_catalog_find_profile(p, gpu, in->profile) == 0)
		return 0;
	if (mig_error_last()->code == MIG_ENOMEM)
		return MIG_ENOMEM;
	/* an ambiguous short name ("1g") is explained well by the catalog already */
	if (strncmp(mig_error_last()->message, "ambiguous", 9) == 0) {
		mig_config__prefix(path, in->pos);
		return MIG_ENOTFOUND;
	}
	return unknown_profile(path, in, gpu);
}

static int check_start(const char *path, const mig_config_instance *in, const mig_gpu *gpu)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];

	if (in->start < 0 || (unsigned)in->start < gpu->memory_slices)
		return 0;
	return mig_config__error(path, in->pos, MIG_EINVALID,
				 "placement %d of '%s@%d' is out of range for %s: slices are 0-%u",
				 in->start, mig_config__echo(shown, sizeof(shown), in->profile),
				 in->start, gpu->nvml_name,
				 gpu->memory_slices ? gpu->memory_slices - 1 : 0);
}

static int collect(mig_config_desired *d, const char *path, const mig_config_entry *e,
		   const mig_gpu *gpu)
{
	size_t i, k;

	for (i = 0; i < e->instance_count; i++) {
		const mig_config_instance *in = &e->instances[i];
		const mig_gi_profile *p;
		mig_config_gi gi;
		int rc;

		rc = find_profile(path, in, gpu, &p);
		if (rc == 0)
			rc = check_start(path, in, gpu);
		if (rc == 0)
			rc = mig_config__resolve_cis(path, in, p, gpu, &gi);
		if (rc < 0)
			return rc;
		for (k = 0; k < in->count; k++) {
			if (d->want.gi_count >= MIG_LAYOUT_MAX)
				return mig_config__error(path, e->pos, MIG_EINVALID,
							 "more than %d instances", MIG_LAYOUT_MAX);
			d->want.gi[d->want.gi_count++] = gi;
		}
	}
	return 0;
}

/* Pass 0 matches a pinned GI to the GI placed at its start; pass 1 a free one to any GI of
 * its profile. */
static int same_gi(const mig_config_gi *want, const mig_instance *placed, size_t pass)
{
	if (want->profile != placed->profile)
		return 0;
	return pass ? want->start < 0 : want->start == placed->start;
}

/* Put want.gi in the order of the placed layout, so that want.gi[i] is placed.gi[i]: pinned
 * GIs go where they were pinned, the others to a placed GI of their profile. */
static void align(mig_config_desired *d, const mig_layout *placed)
{
	mig_config_gi sorted[MIG_LAYOUT_MAX];
	int used[MIG_LAYOUT_MAX] = { 0 };
	size_t i, j, pass;

	for (j = 0; j < placed->count; j++) {
		const mig_instance *pg = &placed->gi[j];
		size_t pick = d->want.gi_count;

		for (pass = 0; pass < 2 && pick == d->want.gi_count; pass++)
			for (i = 0; i < d->want.gi_count && pick == d->want.gi_count; i++)
				if (!used[i] && same_gi(&d->want.gi[i], pg, pass))
					pick = i;
		/* fit returns exactly the requested GIs, so every placed one has its match */
		if (pick == d->want.gi_count)
			continue;
		used[pick] = 1;
		sorted[j] = d->want.gi[pick];
	}
	memcpy(d->want.gi, sorted, placed->count * sizeof(sorted[0]));
	d->placed = *placed;
}

static int place(mig_config_desired *d, const char *path, const mig_config *c,
		 const mig_config_entry *e, const mig_gpu *gpu)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	mig_layout req, out;
	size_t i;
	int rc;

	mig_layout_init(&req, gpu);
	for (i = 0; i < d->want.gi_count; i++)
		if (mig_layout_add(&req, d->want.gi[i].profile, d->want.gi[i].start) < 0)
			return mig_config__error(path, e->pos, MIG_EINVALID,
						 "more than %d instances", MIG_LAYOUT_MAX);
	rc = mig_geometry_fit(&out, &req, NULL);
	if (rc < 0) {
		if (e->pos.line)
			mig_error_prefix("%s:%u:%u: config '%s' does not fit on %s", path,
					 e->pos.line, e->pos.column,
					 mig_config__echo(shown, sizeof(shown), c ? c->name : ""),
					 gpu->nvml_name);
		else
			mig_error_prefix("%s: config '%s' does not fit on %s", path,
					 mig_config__echo(shown, sizeof(shown), c ? c->name : ""),
					 gpu->nvml_name);
		return rc;
	}
	align(d, &out);
	return 0;
}

int mig_config_resolve_entry(mig_config_desired *out, const mig_config_file *f,
			     const mig_config *c, const mig_config_entry *e, const mig_gpu *gpu)
{
	mig_config_desired d;
	const char *path = f ? f->path : "<input>";
	int rc;

	if (!out || !e || !gpu)
		return mig_error_set(MIG_EINVALID, "no entry or no GPU given");
	memset(&d, 0, sizeof(d));
	d.config = c;
	d.entry = e;
	d.want.gpu = gpu;
	d.want.mig_enabled = e->mig_enabled;
	mig_layout_init(&d.placed, gpu);
	rc = collect(&d, path, e, gpu);
	if (rc == 0 && d.want.mig_enabled)
		rc = place(&d, path, c, e, gpu);
	if (rc < 0)
		return rc;
	*out = d;
	return 0;
}

int mig_config_resolve(mig_config_desired *out, const mig_config_file *f, const mig_config *c,
		       const mig_config_target *t)
{
	const mig_config_entry *e;

	if (!out || !c || !t || !t->gpu)
		return mig_error_set(MIG_EINVALID, "no config or no GPU given");
	e = mig_config_match(c, t);
	if (e)
		return mig_config_resolve_entry(out, f, c, e, t->gpu);
	memset(out, 0, sizeof(*out));
	out->config = c;
	out->want.gpu = t->gpu;
	mig_layout_init(&out->placed, t->gpu);
	return 0;
}

static int validate_config(const mig_config_file *f, const mig_config *c, const mig_gpu *gpu,
			   int required)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	mig_config_desired d;
	size_t i, admitted = 0;

	for (i = 0; i < c->entry_count; i++) {
		int rc;

		if (!mig_config_entry_admits(&c->entries[i], gpu))
			continue;
		admitted++;
		rc = mig_config_resolve_entry(&d, f, c, &c->entries[i], gpu);
		if (rc < 0)
			return rc;
	}
	if (admitted || !required)
		return 0;
	return mig_config__error(f->path, c->pos, MIG_ENOTFOUND,
				 "config '%s' has no entry for %s: its device-filters name other "
				 "GPUs",
				 mig_config__echo(shown, sizeof(shown), c->name), gpu->nvml_name);
}

int mig_config_validate(const mig_config_file *f, const mig_config *c, const mig_gpu *gpu)
{
	size_t i;

	if (!f || !gpu)
		return mig_error_set(MIG_EINVALID, "no layout file or no GPU given");
	if (c)
		return validate_config(f, c, gpu, 1);
	for (i = 0; i < f->config_count; i++) {
		int rc = validate_config(f, &f->configs[i], gpu, 0);

		if (rc < 0)
			return rc;
	}
	return 0;
}
