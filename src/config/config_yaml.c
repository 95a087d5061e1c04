/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Typed access to libyaml's document nodes for the layout-file parser (see config_yaml.h).
 */
#include "config_yaml.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parse_util.h"
#include "strbuf.h"
#include "banned.h"

/* More keys than any sensible layout file has in one mapping; keeps the duplicate-key check
 * (quadratic) cheap on hostile input. */
#define MAX_KEYS 4096

yaml_node_t *mig_cfg__node(mig_cfg_doc *d, yaml_node_item_t index)
{
	yaml_node_t *n = yaml_document_get_node(&d->doc, index);

	if (!n) {
		mig_config__error(d->path, (mig_config_pos){ 0, 0 }, MIG_EINVALID,
				  "broken YAML document (node %d)", index);
		return NULL;
	}
	if (d->budget == 0) {
		mig_cfg__error(d, n, MIG_EINVALID,
			       "layout file too large: more than %d values (aliases count each "
			       "time they are used)",
			       MIG_CONFIG_NODE_BUDGET);
		return NULL;
	}
	d->budget--;
	return n;
}

mig_config_pos mig_cfg__pos(const yaml_node_t *n)
{
	mig_config_pos pos = { (unsigned)n->start_mark.line + 1,
			       (unsigned)n->start_mark.column + 1 };

	return pos;
}

int mig_cfg__error(const mig_cfg_doc *d, const yaml_node_t *n, int code, const char *fmt, ...)
{
	char msg[1536];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return mig_config__error(d->path, mig_cfg__pos(n), code, "%s", msg);
}

int mig_cfg__is_null(const yaml_node_t *n)
{
	const char *v;

	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	v = (const char *)n->data.scalar.value;
	return n->data.scalar.length == 0 || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	       strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

const char *mig_cfg__echo(char *buf, size_t len, const yaml_node_t *n)
{
	if (n->type != YAML_SCALAR_NODE) {
		snprintf(buf, len, "%s", n->type == YAML_MAPPING_NODE ? "{...}" : "[...]");
		return buf;
	}
	return mig_config__echo(buf, len, (const char *)n->data.scalar.value);
}

const char *mig_cfg__describe(char *buf, size_t len, const yaml_node_t *n)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];

	if (n->type == YAML_MAPPING_NODE)
		snprintf(buf, len, "a mapping");
	else if (n->type == YAML_SEQUENCE_NODE)
		snprintf(buf, len, "a list");
	else if (mig_cfg__is_null(n))
		snprintf(buf, len, "nothing");
	else if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		snprintf(buf, len, "'%s'", mig_cfg__echo(shown, sizeof(shown), n));
	else
		snprintf(buf, len, "the string '%s'", mig_cfg__echo(shown, sizeof(shown), n));
	return buf;
}

const char *mig_cfg__string(const mig_cfg_doc *d, const yaml_node_t *n, const char *what)
{
	char desc[MIG_CONFIG_ECHO_MAX + 16];

	if (n->type != YAML_SCALAR_NODE) {
		mig_cfg__error(d, n, MIG_EINVALID, "%s must be a string, not %s", what,
			       mig_cfg__describe(desc, sizeof(desc), n));
		return NULL;
	}
	if (memchr(n->data.scalar.value, '\0', n->data.scalar.length)) {
		mig_cfg__error(d, n, MIG_EINVALID, "%s holds a NUL byte", what);
		return NULL;
	}
	return (const char *)n->data.scalar.value;
}

int mig_cfg__uint(const yaml_node_t *n, unsigned max, unsigned *out)
{
	const char *v = (const char *)n->data.scalar.value;
	uint64_t x;
	size_t i;

	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return -1;
	for (i = 0; i < n->data.scalar.length; i++)
		if (v[i] < '0' || v[i] > '9')
			return -1;
	if (mig_parse_uint_n(v, n->data.scalar.length, max, &x) < 0)
		return -1;
	*out = (unsigned)x;
	return 0;
}

static int word_in(const char *v, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(v, *words) == 0)
			return 1;
	return 0;
}

int mig_cfg__bool(const yaml_node_t *n, int *out)
{
	static const char *const yes[] = { "true", "True", "TRUE", "yes", "Yes", "YES", "on",
					   "On", "ON", "y", "Y", NULL };
	static const char *const no[] = { "false", "False", "FALSE", "no", "No", "NO", "off",
					  "Off", "OFF", "n", "N", NULL };
	const char *v = (const char *)n->data.scalar.value;

	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return -1;
	if (word_in(v, yes))
		*out = 1;
	else if (word_in(v, no))
		*out = 0;
	else
		return -1;
	return 0;
}

static int unknown_key(const mig_cfg_doc *d, const yaml_node_t *k, const char *const *valid,
		       const char *where)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	size_t i;

	/* libyaml does not expand merge keys, which some YAML readers do */
	if (strcmp((const char *)k->data.scalar.value, "<<") == 0)
		return mig_cfg__error(d, k, MIG_EINVALID,
				      "YAML merge keys ('<<') are not supported in %s; repeat the "
				      "keys, or alias the whole value",
				      where);
	for (i = 0; valid[i]; i++)
		mig_strbuf_addf(&sb, "%s%s", i ? ", " : "", valid[i]);
	if (sb.oom) {
		mig_strbuf_release(&sb);
		return mig_error_oom();
	}
	mig_cfg__error(d, k, MIG_EINVALID, "unknown key '%s' in %s; valid keys: %s",
		       mig_cfg__echo(shown, sizeof(shown), k), where, mig_strbuf_str(&sb));
	mig_strbuf_release(&sb);
	return MIG_EINVALID;
}

static int same_scalar(const yaml_node_t *a, const yaml_node_t *b)
{
	return a->type == YAML_SCALAR_NODE && b->type == YAML_SCALAR_NODE &&
	       a->data.scalar.length == b->data.scalar.length &&
	       memcmp(a->data.scalar.value, b->data.scalar.value, a->data.scalar.length) == 0;
}

static int check_duplicate(mig_cfg_doc *d, yaml_node_t *map, yaml_node_pair_t *upto,
			   const yaml_node_t *k, const char *noun, const char *where)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	yaml_node_pair_t *q;

	for (q = map->data.mapping.pairs.start; q < upto; q++) {
		yaml_node_t *prev = yaml_document_get_node(&d->doc, q->key);

		if (prev && same_scalar(prev, k))
			return mig_cfg__error(d, k, MIG_EINVALID,
					      "duplicate %s '%s' in %s (first at line %lu)", noun,
					      mig_cfg__echo(shown, sizeof(shown), k), where,
					      (unsigned long)prev->start_mark.line + 1);
	}
	return 0;
}

int mig_cfg__check_keys(mig_cfg_doc *d, yaml_node_t *map, const char *const *valid,
			const char *noun, const char *where)
{
	yaml_node_pair_t *p;
	size_t n = (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);

	if (n > MAX_KEYS)
		return mig_cfg__error(d, map, MIG_EINVALID, "too many keys in %s: %zu (at most %d)",
				      where, n, MAX_KEYS);
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = mig_cfg__node(d, p->key);
		const char *key;
		int rc;

		if (!k)
			return mig_error_last()->code;
		key = mig_cfg__string(d, k, "a key");
		if (!key)
			return MIG_EINVALID;
		if (valid && !word_in(key, valid))
			return unknown_key(d, k, valid, where);
		rc = check_duplicate(d, map, p, k, noun, where);
		if (rc < 0)
			return rc;
	}
	return 0;
}

yaml_node_t *mig_cfg__get(mig_cfg_doc *d, yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;
	size_t len = strlen(key);

	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);

		if (k && k->type == YAML_SCALAR_NODE && k->data.scalar.length == len &&
		    memcmp(k->data.scalar.value, key, len) == 0)
			return yaml_document_get_node(&d->doc, p->value);
	}
	return NULL;
}
