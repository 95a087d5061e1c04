/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The entries of a config: which GPUs (`devices`, `device-filter`) and whether MIG is on.
 * mig-parted's rules are kept as they are (`devices` and `mig-enabled` are required,
 * `mig-devices` is required when MIG is on and must be empty when it is off), so that a file
 * mig-parted refuses is refused here too, with the position of the problem.
 */
#include "config_yaml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "banned.h"

/* More items than any node needs in one list; bounds the work hostile input can ask for. */
#define MAX_ITEMS 4096
/* Longest device-filter item. */
#define FILTER_MAX 128

static int too_many(const mig_cfg_doc *d, const yaml_node_t *n, const char *what)
{
	return mig_cfg__error(d, n, MIG_EINVALID, "too many items in %s (at most %d)", what,
			      MAX_ITEMS);
}

static size_t seq_len(const yaml_node_t *n)
{
	return (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
}

static int prefix_caseeq(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++) {
		char c = *s;

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c != *prefix)
			return 0;
	}
	return 1;
}

static int uuid_ok(const char *s, size_t len)
{
	size_t i;

	if (len <= 4 || len > MIG_CONFIG_UUID_MAX || !prefix_caseeq(s, "GPU-"))
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7f)
			return 0;
	return 1;
}

/* An index (a plain number) or a GPU UUID (migctl's extension). */
static int parse_device(mig_cfg_doc *d, yaml_node_t *n, mig_config_entry *e)
{
	char shown[MIG_CONFIG_ECHO_MAX + 16];
	mig_config_device *dev;
	unsigned index = 0;
	const char *s;
	int number;

	if (n->type != YAML_SCALAR_NODE || mig_cfg__is_null(n))
		goto bad;
	s = (const char *)n->data.scalar.value;
	number = n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && s[0] >= '0' && s[0] <= '9';
	if (number && mig_cfg__uint(n, MIG_CONFIG_MAX_INDEX, &index) < 0)
		goto bad;
	if (!number && !uuid_ok(s, n->data.scalar.length))
		goto bad;
	dev = mig_config__push(&e->devices, &e->device_count, sizeof(*dev));
	if (!dev)
		return MIG_ENOMEM;
	dev->pos = mig_cfg__pos(n);
	dev->index = number ? (int)index : -1;
	if (number)
		return 0;
	dev->uuid = mig_config__strndup(s, n->data.scalar.length);
	return dev->uuid ? 0 : MIG_ENOMEM;
bad:
	return mig_cfg__error(d, n, MIG_EINVALID,
			      "a device must be a GPU index (0-%d) or a GPU UUID (GPU-...), not %s",
			      MIG_CONFIG_MAX_INDEX, mig_cfg__describe(shown, sizeof(shown), n));
}

static int parse_devices(mig_cfg_doc *d, yaml_node_t *n, mig_config_entry *e)
{
	char desc[MIG_CONFIG_ECHO_MAX + 16];
	yaml_node_item_t *it;

	if (n->type == YAML_SCALAR_NODE && strcmp((const char *)n->data.scalar.value, "all") == 0) {
		e->all_devices = 1;
		return 0;
	}
	if (n->type != YAML_SEQUENCE_NODE)
		return mig_cfg__error(d, n, MIG_EINVALID,
				      "'devices' must be 'all' or a list of GPU indices, not %s",
				      mig_cfg__describe(desc, sizeof(desc), n));
	if (seq_len(n) > MAX_ITEMS)
		return too_many(d, n, "'devices'");
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = mig_cfg__node(d, *it);
		int rc;

		if (!item)
			return mig_error_last()->code;
		rc = parse_device(d, item, e);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int unknown_gpu(const mig_cfg_doc *d, const yaml_node_t *n)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	size_t i;

	for (i = 0; i < mig_catalog_count(); i++)
		mig_strbuf_addf(&sb, "%s%s", i ? ", " : "", mig_catalog_at(i)->key);
	mig_cfg__error(d, n, MIG_ENOTFOUND,
		       "unknown GPU '%s' in device-filter; expected a PCI id such as 0x20B210DE "
		       "or a GPU model",
		       mig_cfg__echo(shown, sizeof(shown), n));
	if (!sb.oom)
		mig_error_hint("GPU models: %s", mig_strbuf_str(&sb));
	mig_strbuf_release(&sb);
	return MIG_ENOTFOUND;
}

static int parse_filter_item(mig_cfg_doc *d, yaml_node_t *n, mig_config_entry *e)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	mig_config_filter flt = { 0 }, *slot;
	const char *s = mig_cfg__string(d, n, "a device-filter item");

	if (!s)
		return MIG_EINVALID;
	if (s[0] == '\0' || strlen(s) > FILTER_MAX)
		return mig_cfg__error(d, n, MIG_EINVALID, "bad device-filter item '%s'",
				      mig_cfg__echo(shown, sizeof(shown), n));
	if (mig_config__parse_pci(s, &flt) < 0) {
		if (s[0] >= '0' && s[0] <= '9')
			return mig_cfg__error(d, n, MIG_EINVALID,
					      "bad PCI id '%s' in device-filter: expected a "
					      "device id such as 0x20B210DE",
					      mig_cfg__echo(shown, sizeof(shown), n));
		flt.kind = MIG_CONFIG_FILTER_MODEL;
		if (mig_catalog_find(&flt.gpu, s) < 0)
			return unknown_gpu(d, n);
	}
	flt.pos = mig_cfg__pos(n);
	flt.text = mig_config__strndup(s, strlen(s));
	if (!flt.text)
		return MIG_ENOMEM;
	slot = mig_config__push(&e->filters, &e->filter_count, sizeof(*slot));
	if (!slot) {
		free(flt.text);
		return MIG_ENOMEM;
	}
	*slot = flt;
	return 0;
}

static int parse_filter(mig_cfg_doc *d, yaml_node_t *n, mig_config_entry *e)
{
	char desc[MIG_CONFIG_ECHO_MAX + 16];
	yaml_node_item_t *it;

	/* mig-parted treats a missing, null or "" filter as "every model" */
	if (mig_cfg__is_null(n) || (n->type == YAML_SCALAR_NODE && n->data.scalar.length == 0))
		return 0;
	if (n->type == YAML_SCALAR_NODE)
		return parse_filter_item(d, n, e);
	if (n->type != YAML_SEQUENCE_NODE)
		return mig_cfg__error(d, n, MIG_EINVALID,
				      "'device-filter' must be a PCI id or model, or a list of "
				      "them, not %s",
				      mig_cfg__describe(desc, sizeof(desc), n));
	if (seq_len(n) > MAX_ITEMS)
		return too_many(d, n, "'device-filter'");
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++) {
		yaml_node_t *item = mig_cfg__node(d, *it);
		int rc;

		if (!item)
			return mig_error_last()->code;
		rc = parse_filter_item(d, item, e);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int parse_enabled(mig_cfg_doc *d, yaml_node_t *n, mig_config_entry *e)
{
	char desc[MIG_CONFIG_ECHO_MAX + 16];

	if (mig_cfg__bool(n, &e->mig_enabled) == 0)
		return 0;
	return mig_cfg__error(d, n, MIG_EINVALID, "'mig-enabled' must be true or false, not %s",
			      mig_cfg__describe(desc, sizeof(desc), n));
}

/* The rules mig-parted applies between mig-enabled and mig-devices. */
static int check_enabled(mig_cfg_doc *d, yaml_node_t *entry, yaml_node_t *md,
			 const mig_config_entry *e)
{
	yaml_node_t *enabled = mig_cfg__get(d, entry, "mig-enabled");

	if (e->mig_enabled && !e->has_mig_devices)
		return mig_cfg__error(d, enabled, MIG_EINVALID,
				      "'mig-enabled' is true but 'mig-devices' is missing (write "
				      "'mig-devices: {}' for no instances)");
	if (!e->mig_enabled && e->instance_count)
		return mig_cfg__error(d, md, MIG_EINVALID,
				      "'mig-devices' lists instances but 'mig-enabled' is false");
	return 0;
}

static int parse_entry(mig_cfg_doc *d, yaml_node_t *n, mig_config_entry *e, const char *where)
{
	static const char *const keys[] = { "device-filter", "devices", "mig-enabled",
					    "mig-devices", NULL };
	char desc[MIG_CONFIG_ECHO_MAX + 16];
	yaml_node_t *devices, *enabled, *filter, *md;
	int rc;

	e->pos = mig_cfg__pos(n);
	if (n->type != YAML_MAPPING_NODE)
		return mig_cfg__error(d, n, MIG_EINVALID, "%s must be a mapping, not %s", where,
				      mig_cfg__describe(desc, sizeof(desc), n));
	rc = mig_cfg__check_keys(d, n, keys, "key", where);
	if (rc < 0)
		return rc;
	devices = mig_cfg__get(d, n, "devices");
	enabled = mig_cfg__get(d, n, "mig-enabled");
	if (!devices || !enabled)
		return mig_cfg__error(d, n, MIG_EINVALID, "%s lacks '%s'%s", where,
				      devices ? "mig-enabled" : "devices",
				      devices ? "" : " (write 'devices: all' for every GPU)");
	filter = mig_cfg__get(d, n, "device-filter");
	md = mig_cfg__get(d, n, "mig-devices");
	rc = parse_devices(d, devices, e);
	if (rc == 0 && filter)
		rc = parse_filter(d, filter, e);
	if (rc == 0)
		rc = parse_enabled(d, enabled, e);
	if (rc == 0 && md && !mig_cfg__is_null(md)) {
		e->has_mig_devices = 1;
		rc = mig_cfg__parse_instances(d, md, e);
	}
	if (rc == 0)
		rc = check_enabled(d, n, md, e);
	return rc;
}

int mig_cfg__parse_config(mig_cfg_doc *d, yaml_node_t *seq, mig_config *c)
{
	char desc[MIG_CONFIG_ECHO_MAX + 16], shown[MIG_CONFIG_ECHO_MAX + 1];
	char where[MIG_CONFIG_ECHO_MAX + 32];
	yaml_node_item_t *it;

	snprintf(where, sizeof(where), "an entry of config '%s'",
		 mig_config__echo(shown, sizeof(shown), c->name));
	if (seq->type != YAML_SEQUENCE_NODE)
		return mig_cfg__error(d, seq, MIG_EINVALID,
				      "config '%s' must be a list of entries, not %s", shown,
				      mig_cfg__describe(desc, sizeof(desc), seq));
	if (seq_len(seq) == 0)
		return mig_cfg__error(d, seq, MIG_EINVALID, "config '%s' has no entries", shown);
	if (seq_len(seq) > MAX_ITEMS)
		return too_many(d, seq, "a config");
	for (it = seq->data.sequence.items.start; it < seq->data.sequence.items.top; it++) {
		yaml_node_t *item = mig_cfg__node(d, *it);
		mig_config_entry *e;
		int rc;

		if (!item)
			return mig_error_last()->code;
		e = mig_config__push(&c->entries, &c->entry_count, sizeof(*e));
		if (!e)
			return MIG_ENOMEM;
		rc = parse_entry(d, item, e, where);
		if (rc < 0)
			return rc;
	}
	return 0;
}
