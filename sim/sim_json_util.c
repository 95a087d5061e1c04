/* SPDX-License-Identifier: Apache-2.0 */
/* Checked JSON readers for the state file parser (see sim_json_util.h). */
#include "sim_json_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

int sim_json_bad(const char *path, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return mig_error_set(MIG_EINVALID, "%s: %s", path, msg);
}

int sim_json_keys(json_t *obj, const char *path, const char *const *allowed)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v)
	{
		size_t i;

		(void)v;
		for (i = 0; allowed[i] && strcmp(allowed[i], key) != 0; i++)
			;
		if (!allowed[i])
			return sim_json_bad(path, "unknown field '%s'", key);
	}
	return 0;
}

int sim_json_uint(json_t *obj, const char *path, const char *key, uint64_t max, int required,
		  uint64_t def, uint64_t *out)
{
	json_t *v = json_object_get(obj, key);
	json_int_t n;

	if (!v) {
		if (required)
			return sim_json_bad(path, "missing field '%s'", key);
		*out = def;
		return 0;
	}
	if (!json_is_integer(v))
		return sim_json_bad(path, "'%s' must be an integer", key);
	n = json_integer_value(v);
	if (n < 0 || (uint64_t)n > max)
		return sim_json_bad(path, "'%s' is %lld, outside 0..%llu", key, (long long)n,
				    (unsigned long long)max);
	*out = (uint64_t)n;
	return 0;
}

int sim_json_int(json_t *obj, const char *path, const char *key, long long min, long long max,
		 long long def, long long *out)
{
	json_t *v = json_object_get(obj, key);
	json_int_t n;

	if (!v) {
		*out = def;
		return 0;
	}
	if (!json_is_integer(v))
		return sim_json_bad(path, "'%s' must be an integer", key);
	n = json_integer_value(v);
	if (n < min || n > max)
		return sim_json_bad(path, "'%s' is %lld, outside %lld..%lld", key, (long long)n,
				    min, max);
	*out = n;
	return 0;
}

int sim_json_str(json_t *obj, const char *path, const char *key, int required, char *out,
		 size_t size)
{
	json_t *v = json_object_get(obj, key);
	const char *s;

	if (!v) {
		if (required)
			return sim_json_bad(path, "missing field '%s'", key);
		return 0;
	}
	if (!json_is_string(v))
		return sim_json_bad(path, "'%s' must be a string", key);
	s = json_string_value(v);
	if (strlen(s) >= size || strlen(s) != json_string_length(v))
		return sim_json_bad(path, "'%s' is too long or holds a NUL", key);
	snprintf(out, size, "%s", s);
	return 0;
}

int sim_json_array(json_t *obj, const char *path, const char *key, int required, json_t **out)
{
	json_t *v = json_object_get(obj, key);

	*out = NULL;
	if (!v)
		return required ? sim_json_bad(path, "missing field '%s'", key) : 0;
	if (!json_is_array(v))
		return sim_json_bad(path, "'%s' must be an array", key);
	*out = v;
	return 0;
}

json_t *sim_json_object(json_t *obj, const char *path, const char *key, int *failed)
{
	json_t *v = json_object_get(obj, key);

	if (v && !json_is_object(v)) {
		sim_json_bad(path, "'%s' must be an object", key);
		*failed = 1;
		return NULL;
	}
	return v;
}
