/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `mig-devices`: what GPU instances an entry asks for. mig-parted writes a mapping of profile
 * names to counts; migctl also reads, on top of that,
 *  - a pinned placement in the key: "3g.40gb@4": 1 (count 0 or 1);
 *  - a mapping as the value, to lay out the compute instances of each GI:
 *    "3g.40gb": {count: 2, compute-instances: ["2c.3g.40gb", "1c.3g.40gb"]};
 *  - a list instead of the mapping, in the words of `migctl create`:
 *    ["3g.40gb@4", "2x1g.10gb", {profile: "3g.40gb", compute-instances: [...]}].
 * Profile names are only checked for shape here; the GPU they belong to is known only when
 * the entry is resolved (config_validate.c).
 */
#include "config_yaml.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "parse_util.h"
#include "banned.h"

/* Items of one mig-devices (counts of 0 make items that hold no GI, so allow some slack). */
#define MAX_INSTANCE_ITEMS (4 * MIG_LAYOUT_MAX)

static int bad_profile(const mig_cfg_doc *d, const yaml_node_t *n, const char *what)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];

	return mig_cfg__error(d, n, MIG_EINVALID, "bad %s name '%s'", what,
			      mig_cfg__echo(shown, sizeof(shown), n));
}

/* "PROFILE[@START]" from the text s (which n holds, maybe after a count prefix). */
static int set_profile(const mig_cfg_doc *d, const yaml_node_t *n, const char *s,
		       mig_config_instance *in)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	size_t plen;

	if (mig_config__split_start(s, &plen, &in->start) < 0)
		return mig_cfg__error(d, n, MIG_EINVALID,
				      "bad placement in '%s': expected a slice number (0-%d) after "
				      "'@'",
				      mig_cfg__echo(shown, sizeof(shown), n), MIG_MAX_SLICES - 1);
	if (!mig_config__profile_ok(s, plen))
		return bad_profile(d, n, "profile");
	in->pos = mig_cfg__pos(n);
	in->profile = mig_config__strndup(s, plen);
	return in->profile ? 0 : MIG_ENOMEM;
}

static int check_pinned_count(const mig_cfg_doc *d, const yaml_node_t *n,
			      const mig_config_instance *in)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];

	if (in->start < 0 || in->count <= 1)
		return 0;
	return mig_cfg__error(d, n, MIG_EINVALID,
			      "'%s@%d' is pinned to one placement: its count must be 0 or 1, "
			      "not %u",
			      mig_config__echo(shown, sizeof(shown), in->profile), in->start,
			      in->count);
}

static int parse_count(const mig_cfg_doc *d, const yaml_node_t *n, mig_config_instance *in)
{
	char desc[MIG_CONFIG_ECHO_MAX + 16], shown[MIG_CONFIG_ECHO_MAX + 1];

	if (mig_cfg__uint(n, MIG_LAYOUT_MAX, &in->count) == 0)
		return 0;
	return mig_cfg__error(d, n, MIG_EINVALID,
			      "the count of '%s' must be a whole number from 0 to %d, not %s",
			      mig_config__echo(shown, sizeof(shown), in->profile), MIG_LAYOUT_MAX,
			      mig_cfg__describe(desc, sizeof(desc), n));
}

static int parse_cis(mig_cfg_doc *d, yaml_node_t *n, mig_config_instance *in)
{
	char desc[MIG_CONFIG_ECHO_MAX + 16], shown[MIG_CONFIG_ECHO_MAX + 1];
	yaml_node_item_t *it;

	if (mig_cfg__is_null(n))
		return 0;
	if (n->type != YAML_SEQUENCE_NODE)
		return mig_cfg__error(d, n, MIG_EINVALID,
				      "'compute-instances' must be a list of compute-instance "
				      "profiles, not %s",
				      mig_cfg__describe(desc, sizeof(desc), n));
	if (n->data.sequence.items.top - n->data.sequence.items.start > MIG_CONFIG_MAX_CI)
		return mig_cfg__error(d, n, MIG_EINVALID,
				      "too many compute instances for '%s' (at most %d)",
				      mig_config__echo(shown, sizeof(shown), in->profile),
				      MIG_CONFIG_MAX_CI);
	in->has_cis = 1;
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = mig_cfg__node(d, *it);
		mig_config_ci_spec *ci;
		const char *s;

		if (!item)
			return mig_error_last()->code;
		s = mig_cfg__string(d, item, "a compute-instance profile");
		if (!s)
			return MIG_EINVALID;
		if (!mig_config__profile_ok(s, item->data.scalar.length))
			return bad_profile(d, item, "compute-instance profile");
		ci = mig_config__push(&in->cis, &in->ci_count, sizeof(*ci));
		if (!ci)
			return MIG_ENOMEM;
		ci->pos = mig_cfg__pos(item);
		ci->profile = mig_config__strndup(s, item->data.scalar.length);
		if (!ci->profile)
			return MIG_ENOMEM;
	}
	return 0;
}

/* {count: N, compute-instances: [...]} (map form) or with profile: (list form). */
static int parse_details(mig_cfg_doc *d, yaml_node_t *n, mig_config_instance *in, int list)
{
	static const char *const map_keys[] = { "count", "compute-instances", NULL };
	static const char *const list_keys[] = { "profile", "count", "compute-instances", NULL };
	char where[MIG_CONFIG_ECHO_MAX + 32], shown[MIG_CONFIG_ECHO_MAX + 1];
	yaml_node_t *v;
	int rc;

	if (list)
		snprintf(where, sizeof(where), "an instance of 'mig-devices'");
	else
		snprintf(where, sizeof(where), "'%s'",
			 mig_config__echo(shown, sizeof(shown), in->profile));
	rc = mig_cfg__check_keys(d, n, list ? list_keys : map_keys, "key", where);
	if (rc == 0 && list) {
		v = mig_cfg__get(d, n, "profile");
		if (!v)
			return mig_cfg__error(d, n, MIG_EINVALID, "%s lacks 'profile'", where);
		if (!mig_cfg__string(d, v, "'profile'"))
			return MIG_EINVALID;
		rc = set_profile(d, v, (const char *)v->data.scalar.value, in);
	}
	in->count = 1;
	v = mig_cfg__get(d, n, "count");
	if (rc == 0 && v)
		rc = parse_count(d, v, in);
	v = mig_cfg__get(d, n, "compute-instances");
	if (rc == 0 && v)
		rc = parse_cis(d, v, in);
	return rc;
}

/* One pair of the mapping form. */
static int parse_pair(mig_cfg_doc *d, yaml_node_t *k, yaml_node_t *v, mig_config_instance *in)
{
	char desc[MIG_CONFIG_ECHO_MAX + 16], shown[MIG_CONFIG_ECHO_MAX + 1];
	int rc = set_profile(d, k, (const char *)k->data.scalar.value, in);

	if (rc < 0)
		return rc;
	if (v->type == YAML_MAPPING_NODE)
		rc = parse_details(d, v, in, 0);
	else if (v->type == YAML_SCALAR_NODE)
		rc = parse_count(d, v, in);
	else
		rc = mig_cfg__error(d, v, MIG_EINVALID,
				    "'%s' must have a count or a mapping with count and "
				    "compute-instances, not %s",
				    mig_config__echo(shown, sizeof(shown), in->profile),
				    mig_cfg__describe(desc, sizeof(desc), v));
	return rc < 0 ? rc : check_pinned_count(d, v, in);
}

/* "[Nx]PROFILE[@START]", the words of `migctl create`. */
static int parse_word(mig_cfg_doc *d, yaml_node_t *n, mig_config_instance *in)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	const char *s = mig_cfg__string(d, n, "an instance");
	size_t digits = 0;

	if (!s)
		return MIG_EINVALID;
	in->count = 1;
	while (s[digits] >= '0' && s[digits] <= '9')
		digits++;
	if (digits && s[digits] == 'x') {
		uint64_t v;

		if (mig_parse_uint_n(s, digits, MIG_LAYOUT_MAX, &v) < 0 || v == 0)
			return mig_cfg__error(d, n, MIG_EINVALID,
					      "bad count in '%s': expected 1 to %d before 'x'",
					      mig_cfg__echo(shown, sizeof(shown), n),
					      MIG_LAYOUT_MAX);
		in->count = (unsigned)v;
		s += digits + 1;
	}
	return set_profile(d, n, s, in);
}

static int parse_item(mig_cfg_doc *d, yaml_node_t *n, mig_config_instance *in)
{
	char desc[MIG_CONFIG_ECHO_MAX + 16];
	int rc;

	if (n->type == YAML_MAPPING_NODE)
		rc = parse_details(d, n, in, 1);
	else if (n->type == YAML_SCALAR_NODE)
		rc = parse_word(d, n, in);
	else
		return mig_cfg__error(d, n, MIG_EINVALID,
				      "an instance of 'mig-devices' must be a word such as "
				      "'3g.40gb@4' or a mapping, not %s",
				      mig_cfg__describe(desc, sizeof(desc), n));
	return rc < 0 ? rc : check_pinned_count(d, n, in);
}

static int parse_map(mig_cfg_doc *d, yaml_node_t *md, mig_config_entry *e)
{
	yaml_node_pair_t *p;
	int rc = mig_cfg__check_keys(d, md, NULL, "profile", "'mig-devices'");

	for (p = md->data.mapping.pairs.start; rc == 0 && p < md->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);
		yaml_node_t *v = mig_cfg__node(d, p->value);
		mig_config_instance *in;

		if (!v)
			return mig_error_last()->code;
		in = mig_config__push(&e->instances, &e->instance_count, sizeof(*in));
		if (!in)
			return MIG_ENOMEM;
		rc = parse_pair(d, k, v, in);
	}
	return rc;
}

static int parse_list(mig_cfg_doc *d, yaml_node_t *md, mig_config_entry *e)
{
	yaml_node_item_t *it;

	e->list_form = 1;
	for (it = md->data.sequence.items.start; it < md->data.sequence.items.top; it++) {
		yaml_node_t *item = mig_cfg__node(d, *it);
		mig_config_instance *in;
		int rc;

		if (!item)
			return mig_error_last()->code;
		in = mig_config__push(&e->instances, &e->instance_count, sizeof(*in));
		if (!in)
			return MIG_ENOMEM;
		rc = parse_item(d, item, in);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static size_t item_count(const yaml_node_t *md)
{
	if (md->type == YAML_MAPPING_NODE)
		return (size_t)(md->data.mapping.pairs.top - md->data.mapping.pairs.start);
	return (size_t)(md->data.sequence.items.top - md->data.sequence.items.start);
}

int mig_cfg__parse_instances(mig_cfg_doc *d, yaml_node_t *md, mig_config_entry *e)
{
	char desc[MIG_CONFIG_ECHO_MAX + 16];
	unsigned total = 0;
	size_t i;
	int rc;

	if (md->type == YAML_SCALAR_NODE)
		return mig_cfg__error(d, md, MIG_EINVALID,
				      "'mig-devices' must be a mapping of profile names to counts, "
				      "or a list of instances, not %s",
				      mig_cfg__describe(desc, sizeof(desc), md));
	if (item_count(md) > MAX_INSTANCE_ITEMS)
		return mig_cfg__error(d, md, MIG_EINVALID,
				      "too many items in 'mig-devices' (at most %d)",
				      MAX_INSTANCE_ITEMS);
	rc = md->type == YAML_MAPPING_NODE ? parse_map(d, md, e) : parse_list(d, md, e);
	if (rc < 0)
		return rc;
	for (i = 0; i < e->instance_count; i++)
		total += e->instances[i].count;
	if (total > MIG_LAYOUT_MAX)
		return mig_cfg__error(d, md, MIG_EINVALID,
				      "'mig-devices' asks for %u instances; at most %d", total,
				      MIG_LAYOUT_MAX);
	return 0;
}
