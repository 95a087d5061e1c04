/* SPDX-License-Identifier: Apache-2.0 */
/* libyaml documents with positions, and the value forms of the planner's input. */
#include "plan_yaml.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "parse_util.h"
#include "strbuf.h"
#include "banned.h"

int mig_plan__yaml_load(struct plan_yaml *y, const char *text, size_t len, const char *name)
{
	yaml_parser_t parser;
	int ok;

	memset(y, 0, sizeof(*y));
	y->name = name;
	if (!yaml_parser_initialize(&parser))
		return mig_error_oom();
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	ok = yaml_parser_load(&parser, &y->doc);
	if (!ok) {
		int code = parser.error == YAML_MEMORY_ERROR ? MIG_ENOMEM : MIG_EINVALID;

		mig_error_set(code, "%s:%zu:%zu: %s%s%s", name, parser.problem_mark.line + 1,
			      parser.problem_mark.column + 1,
			      parser.problem ? parser.problem : "invalid YAML",
			      parser.context ? " " : "", parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return code;
	}
	yaml_parser_delete(&parser);
	y->loaded = 1;
	return 0;
}

void mig_plan__yaml_release(struct plan_yaml *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = 0;
}

yaml_node_t *mig_plan__yaml_root(struct plan_yaml *y)
{
	return yaml_document_get_root_node(&y->doc);
}

yaml_node_t *mig_plan__yaml_node(struct plan_yaml *y, int id)
{
	return yaml_document_get_node(&y->doc, id);
}

mig_plan_where mig_plan__yaml_where(const yaml_node_t *node)
{
	mig_plan_where w = {(unsigned)node->start_mark.line + 1,
			    (unsigned)node->start_mark.column + 1};
	return w;
}

int mig_plan__yaml_error(const struct plan_yaml *y, const yaml_node_t *node, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return mig_error_set(MIG_EINVALID, "%s:%zu:%zu: %s", y->name, node->start_mark.line + 1,
			     node->start_mark.column + 1, msg);
}

int mig_plan__yaml_prefix(const struct plan_yaml *y, const yaml_node_t *node, int code)
{
	mig_error_saved saved;

	mig_error_prefix("%s:%zu:%zu", y->name, node->start_mark.line + 1,
			 node->start_mark.column + 1);
	/* the catalog says "not found"; for a file it is bad input */
	mig_error_save(&saved);
	saved.code = code;
	mig_error_restore(&saved);
	return code;
}

int mig_plan__yaml_expect(const struct plan_yaml *y, const yaml_node_t *node, yaml_node_type_t t)
{
	static const char *const what[] = {"nothing", "a value", "a list", "a mapping"};

	if (node->type == t)
		return 0;
	return mig_plan__yaml_error(y, node, "expected %s, found %s", what[t], what[node->type]);
}

const char *mig_plan__yaml_text(const yaml_node_t *node)
{
	return (const char *)node->data.scalar.value;
}

static int key_known(const char *key, const char *const *keys)
{
	for (; *keys; keys++)
		if (strcmp(key, *keys) == 0)
			return 1;
	return 0;
}

static void hint_keys(const char *const *keys)
{
	mig_strbuf sb = MIG_STRBUF_INIT;

	for (; *keys; keys++)
		mig_strbuf_addf(&sb, "%s%s", sb.len ? ", " : "", *keys);
	mig_error_hint("valid keys: %s", mig_strbuf_str(&sb));
	mig_strbuf_release(&sb);
}

int mig_plan__yaml_check_keys(struct plan_yaml *y, const yaml_node_t *map, const char *what,
			      const char *const *keys)
{
	yaml_node_pair_t *p, *q;
	int rc = mig_plan__yaml_expect(y, map, YAML_MAPPING_NODE);

	if (rc < 0)
		return rc;
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = mig_plan__yaml_node(y, p->key);

		if (k->type != YAML_SCALAR_NODE)
			return mig_plan__yaml_error(y, k, "keys must be plain words");
		if (!key_known(mig_plan__yaml_text(k), keys)) {
			mig_plan__yaml_error(y, k, "unknown key '%s' in %s", mig_plan__yaml_text(k),
					     what);
			hint_keys(keys);
			return MIG_EINVALID;
		}
		for (q = map->data.mapping.pairs.start; q < p; q++)
			if (strcmp(mig_plan__yaml_text(mig_plan__yaml_node(y, q->key)),
				   mig_plan__yaml_text(k)) == 0)
				return mig_plan__yaml_error(y, k, "duplicate key '%s' in %s",
							    mig_plan__yaml_text(k), what);
	}
	return 0;
}

yaml_node_t *mig_plan__yaml_get(struct plan_yaml *y, const yaml_node_t *map, const char *key)
{
	yaml_node_pair_t *p;

	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = mig_plan__yaml_node(y, p->key);

		if (k->type == YAML_SCALAR_NODE && strcmp(mig_plan__yaml_text(k), key) == 0)
			return mig_plan__yaml_node(y, p->value);
	}
	return NULL;
}

int mig_plan__parse_number(const char *s, size_t len, double *out)
{
	char buf[64];
	char *end;
	size_t i, digits = 0;

	if (len == 0 || len >= sizeof(buf))
		return -1;
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9')
			digits++;
		else if (c != '.' && c != 'e' && c != 'E' &&
			 !((c == '+' || c == '-') && i > 0 && (s[i - 1] == 'e' || s[i - 1] == 'E')))
			return -1;
	}
	if (!digits || s[0] == 'e' || s[0] == 'E')
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	*out = strtod(buf, &end);
	return *end == '\0' && isfinite(*out) ? 0 : -1;
}

static int scalar(const struct plan_yaml *y, const yaml_node_t *n, const char **text)
{
	int rc = mig_plan__yaml_expect(y, n, YAML_SCALAR_NODE);

	if (rc < 0)
		return rc;
	*text = mig_plan__yaml_text(n);
	if (!**text)
		return mig_plan__yaml_error(y, n, "empty value");
	return 0;
}

int mig_plan__yaml_uint(const struct plan_yaml *y, const yaml_node_t *n, unsigned min, unsigned max,
			unsigned *out)
{
	const char *s;
	uint64_t v;
	int rc = scalar(y, n, &s);

	if (rc < 0)
		return rc;
	if (s[0] == '-')
		return mig_plan__yaml_error(y, n, "negative value '%s'", s);
	if (mig_parse_uint(s, UINT32_MAX, &v) < 0)
		return mig_plan__yaml_error(y, n, "'%s' is not a whole number", s);
	if (v < min || v > max)
		return mig_plan__yaml_error(y, n, "%s is out of range (%u to %u)", s, min, max);
	*out = (unsigned)v;
	return 0;
}

int mig_plan__yaml_number(const struct plan_yaml *y, const yaml_node_t *n, double min, double max,
			  double *out)
{
	const char *s;
	double v;
	int rc = scalar(y, n, &s);

	if (rc < 0)
		return rc;
	if (s[0] == '-')
		return mig_plan__yaml_error(y, n, "negative value '%s'", s);
	if (mig_plan__parse_number(s, strlen(s), &v) < 0)
		return mig_plan__yaml_error(y, n, "'%s' is not a number", s);
	if (v < min || v > max)
		return mig_plan__yaml_error(y, n, "%s is out of range (%g to %g)", s, min, max);
	*out = v;
	return 0;
}

struct unit {
	const char *name;
	double factor;
};

/* Split "13.5 GiB" into the number and a unit from the table (case-insensitive). */
static int number_unit(const char *s, const struct unit *units, double *value, double *factor)
{
	size_t len = strlen(s), n = 0;
	const char *u;

	while (n < len && ((s[n] >= '0' && s[n] <= '9') || s[n] == '.' ||
			   ((s[n] == 'e' || s[n] == 'E') && n + 1 < len && s[n + 1] >= '0' &&
			    s[n + 1] <= '9')))
		n++;
	if (mig_plan__parse_number(s, n, value) < 0)
		return -1;
	u = s + n;
	while (*u == ' ')
		u++;
	for (; units->name; units++)
		if (mig_strcaseeq(u, units->name)) {
			*factor = units->factor;
			return 0;
		}
	return -2;
}

static const struct unit byte_units[] = {
	{"B", 1},	    {"KB", 1e3},	   {"MB", 1e6},
	{"GB", 1e9},	    {"TB", 1e12},	   {"KiB", 1024.0},
	{"MiB", 1048576.0}, {"GiB", 1073741824.0}, {"TiB", 1099511627776.0},
	{NULL, 0},
};

int mig_plan__yaml_bytes(const struct plan_yaml *y, const yaml_node_t *n, uint64_t *out)
{
	const char *s;
	double v, f;
	int rc = scalar(y, n, &s);

	if (rc < 0)
		return rc;
	if (s[0] == '-')
		return mig_plan__yaml_error(y, n, "negative size '%s'", s);
	rc = number_unit(s, byte_units, &v, &f);
	if (rc == -2)
		return mig_plan__yaml_error(y, n,
					    "size '%s' needs a unit: B, KB, MB, GB, TB, KiB, MiB, "
					    "GiB or TiB",
					    s);
	if (rc < 0)
		return mig_plan__yaml_error(y, n, "'%s' is not a size", s);
	if (v * f >= 1e18)
		return mig_plan__yaml_error(y, n, "size '%s' is too large", s);
	*out = (uint64_t)llround(v * f);
	return 0;
}

static const struct unit count_units[] = {
	{"", 1}, {"K", 1e3}, {"M", 1e6}, {"B", 1e9}, {"T", 1e12}, {NULL, 0},
};

int mig_plan__yaml_count(const struct plan_yaml *y, const yaml_node_t *n, double *out)
{
	const char *s;
	double v, f;
	int rc = scalar(y, n, &s);

	if (rc < 0)
		return rc;
	if (s[0] == '-')
		return mig_plan__yaml_error(y, n, "negative count '%s'", s);
	rc = number_unit(s, count_units, &v, &f);
	if (rc < 0)
		return mig_plan__yaml_error(y, n,
					    "'%s' is not a count (a number, or with K, M, B or T: "
					    "7B, 350M)",
					    s);
	if (v * f <= 0 || v * f > 1e15)
		return mig_plan__yaml_error(y, n, "count '%s' is out of range", s);
	*out = v * f;
	return 0;
}

int mig_plan__yaml_dtype(const struct plan_yaml *y, const yaml_node_t *n, mig_plan_dtype *out)
{
	const char *s;
	unsigned i;
	int rc = scalar(y, n, &s);

	if (rc < 0)
		return rc;
	for (i = 0; i < MIG_PLAN_DTYPE__COUNT; i++)
		if (mig_strcaseeq(s, mig_plan_dtype_name((mig_plan_dtype)i))) {
			*out = (mig_plan_dtype)i;
			return 0;
		}
	mig_plan__yaml_error(y, n, "unknown dtype '%s'", s);
	mig_error_hint("valid types: fp32, fp16, bf16, fp8, int8, int4");
	return MIG_EINVALID;
}

int mig_plan__yaml_gpu(const struct plan_yaml *y, const yaml_node_t *n, const mig_gpu **out)
{
	const char *s;
	int rc = scalar(y, n, &s);

	if (rc < 0)
		return rc;
	rc = mig_catalog_find(out, s);
	if (rc < 0)
		return mig_plan__yaml_prefix(y, n, MIG_EINVALID);
	return 0;
}
