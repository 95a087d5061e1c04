/* SPDX-License-Identifier: Apache-2.0 */
#include "parse_util.h"

#include <string.h>

#include "banned.h"

static int digit_value(char c, unsigned base)
{
	unsigned v;

	if (c >= '0' && c <= '9')
		v = (unsigned)(c - '0');
	else if (c >= 'a' && c <= 'f')
		v = (unsigned)(c - 'a') + 10;
	else if (c >= 'A' && c <= 'F')
		v = (unsigned)(c - 'A') + 10;
	else
		return -1;
	return v < base ? (int)v : -1;
}

int mig_parse_uint_n(const char *s, size_t len, uint64_t max, uint64_t *out)
{
	unsigned base = 10;
	uint64_t value = 0;
	size_t i = 0;

	if (!s || len == 0)
		return -1;
	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		i = 2;
	}
	for (; i < len; i++) {
		int d = digit_value(s[i], base);

		if (d < 0 || (uint64_t)d > max)
			return -1;
		if (value > (max - (uint64_t)d) / base)
			return -1;
		value = value * base + (uint64_t)d;
	}
	*out = value;
	return 0;
}

int mig_parse_uint(const char *s, uint64_t max, uint64_t *out)
{
	if (!s)
		return -1;
	return mig_parse_uint_n(s, strlen(s), max, out);
}

int mig_strcaseeq(const char *a, const char *b)
{
	for (;; a++, b++) {
		char x = *a, y = *b;

		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return 0;
		if (!x)
			return 1;
	}
}
