/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The built-in named configs (`migctl apply -c all-balanced` without a file), generated from
 * the catalog so that every GPU it knows is covered and a new GPU is covered by adding its
 * table. Each config has one entry per distinct request, selecting its GPUs by device-filter
 * (their PCI ids), the way mig-parted's default config does. docs/layout-files.md defines them:
 *  - all-disabled, all-enabled: MIG off / on with no instances, on every GPU;
 *  - all-1g ... all-7g: as many GIs as fit of the smallest plain profile with that many compute
 *    slices (1g.10gb rather than 1g.20gb on an A100-80GB), on GPUs that have one;
 *  - all-balanced: mig-parted's "balanced" (A100-80GB: 1x 3g.40gb, 1x 2g.20gb, 2x 1g.10gb):
 *    one 3g (where the GPU has one) and one 2g, then as many of the smallest 1g as fit;
 *  - all-<profile> for every profile name of the catalog, "+" written ".", as mig-parted names
 *    them (all-1g.10gb, all-1g.10gb.me, all-1g.24gb-me): as many of that profile as fit.
 */
#include "config_internal.h"

#include <stdio.h>
#include <string.h>

#include "banned.h"

/* Most distinct profile names in the catalog (13 GPUs hold about 100 profiles). */
#define MAX_NAMES 256

typedef struct row {
	const mig_gi_profile *p;
	unsigned count;
} row;

typedef struct request {
	size_t n;
	row row[3];
} request;

typedef enum rule_kind { RULE_SLICES, RULE_BALANCED, RULE_PROFILE } rule_kind;

typedef struct rule {
	rule_kind kind;
	unsigned slices;     /* RULE_SLICES */
	const char *profile; /* RULE_PROFILE */
} rule;

static const mig_gi_profile *smallest(const mig_gpu *g, unsigned slices)
{
	const mig_gi_profile *best = NULL;
	size_t i;

	for (i = 0; i < g->gi_profile_count; i++) {
		const mig_gi_profile *p = &g->gi_profiles[i];

		if (p->variant == MIG_VARIANT_PLAIN && p->slices == slices &&
		    (!best || p->mem_slices < best->mem_slices))
			best = p;
	}
	return best;
}

static int fits(const mig_gpu *g, const request *r, const mig_gi_profile *extra, unsigned n)
{
	mig_layout req, out;
	size_t i;
	unsigned k;

	mig_layout_init(&req, g);
	for (i = 0; i < r->n; i++)
		for (k = 0; k < r->row[i].count; k++)
			if (mig_layout_add(&req, r->row[i].p, -1) < 0)
				return 0;
	for (k = 0; k < n; k++)
		if (mig_layout_add(&req, extra, -1) < 0)
			return 0;
	if (mig_geometry_fit(&out, &req, NULL) == 0)
		return 1;
	mig_error_clear(); /* a failed try is an answer here, not an error */
	return 0;
}

/* Append as many of p as fit next to r's rows (none: nothing appended). */
static void fill(const mig_gpu *g, request *r, const mig_gi_profile *p)
{
	unsigned n = 0;

	while (n < MIG_LAYOUT_MAX && fits(g, r, p, n + 1))
		n++;
	if (n == 0)
		return;
	r->row[r->n].p = p;
	r->row[r->n++].count = n;
}

static void add_one(request *r, const mig_gi_profile *p)
{
	r->row[r->n].p = p;
	r->row[r->n++].count = 1;
}

static void reverse(request *r)
{
	size_t i;

	for (i = 0; i < r->n / 2; i++) {
		row t = r->row[i];

		r->row[i] = r->row[r->n - 1 - i];
		r->row[r->n - 1 - i] = t;
	}
}

static void apply_rule(const rule *ru, const mig_gpu *g, request *r)
{
	const mig_gi_profile *p1 = smallest(g, 1), *p2 = smallest(g, 2), *p3 = smallest(g, 3);
	size_t i;

	memset(r, 0, sizeof(*r));
	switch (ru->kind) {
	case RULE_SLICES:
		if (smallest(g, ru->slices))
			fill(g, r, smallest(g, ru->slices));
		return;
	case RULE_BALANCED:
		if (!p1 || !p2)
			return;
		if (p3)
			add_one(r, p3);
		add_one(r, p2);
		fill(g, r, p1);
		reverse(r); /* written smallest first, as in mig-parted's examples */
		return;
	case RULE_PROFILE:
		for (i = 0; i < g->gi_profile_count; i++)
			if (strcmp(g->gi_profiles[i].name, ru->profile) == 0)
				fill(g, r, &g->gi_profiles[i]);
		return;
	}
}

static int fill_entry(mig_config_entry *e, const request *r)
{
	size_t i;

	e->all_devices = 1;
	e->mig_enabled = 1;
	e->has_mig_devices = 1;
	for (i = 0; i < r->n; i++)
		if (!mig_config__add_instance(e, r->row[i].p->name, -1, r->row[i].count))
			return MIG_ENOMEM;
	return 0;
}

/* Add GPU g's request to c: into the entry that asks for the same, or a new one. */
static int add_gpu(mig_config *c, const mig_gpu *g, const request *r)
{
	mig_config_entry probe = { 0 }, *e = NULL;
	size_t i;
	int rc = fill_entry(&probe, r);

	for (i = 0; rc == 0 && i < c->entry_count && !e; i++)
		if (mig_config__same_request(&c->entries[i], &probe))
			e = &c->entries[i];
	if (rc == 0 && !e) {
		e = mig_config__add_entry(c);
		if (e) {
			*e = probe;
			memset(&probe, 0, sizeof(probe));
		}
	}
	mig_config__entry_release(&probe);
	if (rc < 0 || !e)
		return MIG_ENOMEM;
	for (i = 0; i < g->pci_id_count; i++)
		if (mig_config__add_pci_filter(e, g->pci_ids[i].id) < 0)
			return MIG_ENOMEM;
	return 0;
}

static int add_rule(mig_config_file *f, const char *name, const rule *ru)
{
	mig_config *c = mig_config__add_config(f, name);
	size_t i;

	if (!c)
		return MIG_ENOMEM;
	for (i = 0; i < mig_catalog_count(); i++) {
		const mig_gpu *g = mig_catalog_at(i);
		request r;
		int rc;

		apply_rule(ru, g, &r);
		if (r.n == 0)
			continue;
		rc = add_gpu(c, g, &r);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int add_fixed(mig_config_file *f, const char *name, int enabled)
{
	mig_config *c = mig_config__add_config(f, name);
	mig_config_entry *e = c ? mig_config__add_entry(c) : NULL;

	if (!e)
		return MIG_ENOMEM;
	e->all_devices = 1;
	e->mig_enabled = enabled;
	e->has_mig_devices = enabled;
	return 0;
}

static int add_families(mig_config_file *f)
{
	static const unsigned sizes[] = { 1, 2, 3, 4, 7 };
	char name[16];
	size_t i;
	int rc = add_fixed(f, "all-disabled", 0);

	if (rc == 0)
		rc = add_fixed(f, "all-enabled", 1);
	for (i = 0; rc == 0 && i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		rule ru = { RULE_SLICES, sizes[i], NULL };

		snprintf(name, sizeof(name), "all-%ug", sizes[i]);
		rc = add_rule(f, name, &ru);
	}
	if (rc == 0) {
		rule ru = { RULE_BALANCED, 0, NULL };

		rc = add_rule(f, "all-balanced", &ru);
	}
	return rc;
}

static size_t profile_names(const char **names)
{
	size_t i, j, k, n = 0;

	for (i = 0; i < mig_catalog_count(); i++) {
		const mig_gpu *g = mig_catalog_at(i);

		for (j = 0; j < g->gi_profile_count; j++) {
			const char *name = g->gi_profiles[j].name;

			for (k = 0; k < n && strcmp(names[k], name) != 0; k++)
				;
			if (k == n && n < MAX_NAMES)
				names[n++] = name;
		}
	}
	return n;
}

static int add_profiles(mig_config_file *f)
{
	const char *names[MAX_NAMES];
	size_t i, j, n = profile_names(names);

	for (i = 0; i < n; i++) {
		rule ru = { RULE_PROFILE, 0, names[i] };
		char cname[MIG_CONFIG_PROFILE_MAX + 8];
		int rc;

		/* mig-parted's names: "all-" and the profile with '+' written '.' */
		snprintf(cname, sizeof(cname), "all-%s", names[i]);
		for (j = 0; cname[j]; j++)
			if (cname[j] == '+')
				cname[j] = '.';
		rc = add_rule(f, cname, &ru);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int build_all(mig_config_file **out)
{
	mig_config_file *f = mig_config__file_new("<built-in>");
	int rc;

	if (!f)
		return MIG_ENOMEM;
	rc = add_families(f);
	if (rc == 0)
		rc = add_profiles(f);
	if (rc < 0) {
		mig_config_file_free(f);
		return rc;
	}
	*out = f;
	return 0;
}

int mig_config_named_all(mig_config_file **out)
{
	mig_config_file *f;
	int rc;

	if (!out)
		return mig_error_set(MIG_EINVALID, "nowhere to put the named configs");
	rc = build_all(&f);
	if (rc == 0)
		rc = mig_config__reparse(out, f);
	mig_config_file_free(f);
	return rc;
}

static int unknown_named(const char *name)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];

	mig_error_set(MIG_ENOTFOUND, "unknown named config '%s'",
		      mig_config__echo(shown, sizeof(shown), name));
	mig_error_hint("built-in configs: all-disabled, all-enabled, all-1g, all-2g, all-3g, "
		       "all-4g, all-7g, all-balanced, and all-<profile> for every profile name "
		       "(all-1g.10gb, all-1g.10gb.me, ...)");
	return MIG_ENOTFOUND;
}

int mig_config_named_get(mig_config_file **out, const char *name)
{
	mig_config_file *all = NULL, *one = NULL;
	const mig_config *c;
	mig_config *slot;
	int rc;

	if (!out || !name)
		return mig_error_set(MIG_EINVALID, "no named config given");
	rc = build_all(&all);
	if (rc < 0)
		return rc;
	c = mig_config_find(all, name);
	if (!c)
		rc = unknown_named(name);
	if (rc == 0)
		one = mig_config__file_new(all->path);
	slot = one ? mig_config__push(&one->configs, &one->config_count, sizeof(*slot)) : NULL;
	if (rc == 0 && !slot)
		rc = MIG_ENOMEM;
	if (rc == 0) {
		/* move the config over; the emptied one is freed harmlessly with the rest */
		*slot = *c;
		memset(&all->configs[c - all->configs], 0, sizeof(*c));
		rc = mig_config__reparse(out, one);
	}
	mig_config_file_free(one);
	mig_config_file_free(all);
	return rc;
}
