/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_TEST_GEOMETRY_HELPERS_H
#define MIGCTL_TEST_GEOMETRY_HELPERS_H

/* Shared by the geometry unit tests: include after cmocka.h. */

#include <string.h>

#include "migctl/error.h"
#include "migctl/geometry.h"

/* Fail with the call, its code and migctl's message when expr does not return 0. */
#define assert_ok(expr)                                                                            \
	do {                                                                                       \
		int rc_ = (expr);                                                                  \
		if (rc_ != 0)                                                                      \
			fail_msg("%s -> %d: %s", #expr, rc_, mig_error_last()->message);           \
	} while (0)

static inline const mig_gpu *gpu(const char *key)
{
	const mig_gpu *g = mig_catalog_by_key(key);

	if (!g)
		fail_msg("no GPU '%s' in the catalog", key);
	return g;
}

/* A layout from words such as "3g.40gb@0 1g.10gb@4". */
static inline void spec(mig_layout *l, const mig_gpu *g, const char *text)
{
	char copy[512], *words[MIG_LAYOUT_MAX];
	const char *const *tokens = (const char *const *)words;
	size_t n = 0, i, len = strlen(text);

	assert_true(len < sizeof(copy));
	memcpy(copy, text, len + 1);
	for (i = 0; i < len; i++) {
		if (copy[i] == ' ')
			copy[i] = '\0';
		else if (i == 0 || copy[i - 1] == '\0')
			words[n++] = &copy[i];
	}
	assert_ok(mig_geometry_parse_request(l, g, tokens, n));
}

#endif
