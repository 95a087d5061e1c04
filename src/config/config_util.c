/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Small helpers of the layout-file module: messages that carry a file position, printable
 * echoes of user text, growing arrays, and the syntax of PCI ids and "PROFILE@START" words
 * (shared by the parser and the writer, so that both agree on what a word means).
 */
#include "config_internal.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse_util.h"
#include "banned.h"

int mig_config__error(const char *path, mig_config_pos pos, int code, const char *fmt, ...)
{
	char msg[1536];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (pos.line == 0)
		return mig_error_set(code, "%s: %s", path ? path : "<input>", msg);
	return mig_error_set(code, "%s:%u:%u: %s", path ? path : "<input>", pos.line, pos.column,
			     msg);
}

void mig_config__prefix(const char *path, mig_config_pos pos)
{
	if (pos.line == 0)
		mig_error_prefix("%s", path ? path : "<input>");
	else
		mig_error_prefix("%s:%u:%u", path ? path : "<input>", pos.line, pos.column);
}

const char *mig_config__echo(char *buf, size_t buflen, const char *s)
{
	size_t i, len = strlen(s), n = len;

	if (n > MIG_CONFIG_ECHO_MAX)
		n = MIG_CONFIG_ECHO_MAX;
	if (n >= buflen)
		n = buflen - 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		/* non-ASCII is kept: the parser only lets valid UTF-8 through, but a cut in the
		 * middle of a character would not be, so cut text is made ASCII-only */
		buf[i] = (c < 0x20 || c == 0x7f || c == '\'' || (c >= 0x80 && n < len)) ? '?'
										    : (char)c;
	}
	buf[n] = '\0';
	if (n < len && n >= 3)
		memset(buf + n - 3, '.', 3);
	return buf;
}

char *mig_config__strndup(const char *s, size_t len)
{
	char *p;

	if (len == SIZE_MAX) {
		mig_error_oom();
		return NULL;
	}
	p = malloc(len + 1);
	if (!p) {
		mig_error_oom();
		return NULL;
	}
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void *mig_config__push(void *array, size_t *count, size_t size)
{
	void **arr = array;
	size_t n = *count;
	char *p;

	/* the capacity is the next power of two, so growth happens when n is 0 or one */
	if (n == 0 || (n & (n - 1)) == 0) {
		size_t cap = n ? n * 2 : 1;

		if (cap > SIZE_MAX / size) {
			mig_error_oom();
			return NULL;
		}
		p = realloc(*arr, cap * size);
		if (!p) {
			mig_error_oom();
			return NULL;
		}
		*arr = p;
	}
	p = (char *)*arr + n * size;
	memset(p, 0, size);
	*count = n + 1;
	return p;
}

static int parse_hex32(const char *s, size_t len, uint32_t *out)
{
	uint64_t v;

	/* mig-parted reads these with Go's ParseUint(s, 0, 32): "0x" hex, or plain decimal */
	if (mig_parse_uint_n(s, len, UINT32_MAX, &v) < 0)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int mig_config__parse_pci(const char *s, mig_config_filter *out)
{
	const char *colon = strchr(s, ':');
	size_t len = colon ? (size_t)(colon - s) : strlen(s);
	uint32_t id, sub = 0;

	if (len == 0 || s[0] < '0' || s[0] > '9')
		return -1;
	if (parse_hex32(s, len, &id) < 0)
		return -1;
	if (colon && parse_hex32(colon + 1, strlen(colon + 1), &sub) < 0)
		return -1;
	/* "0x20B2" (up to 4 hex digits) is a bare device id: it matches any vendor's half */
	if (len <= 6 && len > 2 && (s[1] == 'x' || s[1] == 'X'))
		id <<= 16;
	out->kind = MIG_CONFIG_FILTER_PCI;
	out->pci_id = id;
	out->has_subsystem = colon != NULL;
	out->subsystem_id = sub;
	out->gpu = NULL;
	return 0;
}

int mig_config__split_start(const char *s, size_t *profile_len, int *start)
{
	const char *at = strchr(s, '@');
	uint64_t v;
	size_t i;

	*start = -1;
	if (!at) {
		*profile_len = strlen(s);
		return 0;
	}
	*profile_len = (size_t)(at - s);
	for (i = 1; at[i]; i++)
		if (at[i] < '0' || at[i] > '9')
			return -1;
	if (mig_parse_uint(at + 1, MIG_MAX_SLICES - 1, &v) < 0)
		return -1;
	*start = (int)v;
	return 0;
}

int mig_config__profile_ok(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > MIG_CONFIG_PROFILE_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c >= 0x7f || c == ',' || c == '@')
			return 0;
	}
	return 1;
}

int mig_config__default_cis(const mig_config_gi *gi)
{
	return gi->ci_count == 1 && gi->ci[0] && gi->ci[0]->is_default;
}
