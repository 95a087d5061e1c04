/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_PARSE_UTIL_H
#define MIGCTL_PARSE_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Parse a whole string as an unsigned decimal (or 0x-prefixed hex) number no larger than max.
 * Returns 0 and sets *out, or -1 for empty input, stray characters, signs or overflow. */
int mig_parse_uint(const char *s, uint64_t max, uint64_t *out);

/* Like mig_parse_uint for the first len bytes of s only. */
int mig_parse_uint_n(const char *s, size_t len, uint64_t max, uint64_t *out);

/* Case-insensitive ASCII equality of two NUL-terminated strings: 1 when equal, else 0. */
int mig_strcaseeq(const char *a, const char *b);

#endif
