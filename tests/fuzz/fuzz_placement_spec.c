/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fuzz target for the placement spec ("3g.40gb@4 2x1g.10gb 19,19,14,9"). The first byte picks
 * a GPU of the catalog; the rest is split into words on blanks and parsed. Whatever parses is
 * fed to fit, check, fit_around, the capacity queries and the slice map, so that any request
 * a user can type goes through the whole geometry engine.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "migctl/error.h"
#include "migctl/geometry.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_INPUT 65536
#define MAX_WORDS 256

static size_t split(char *text, size_t len, const char **words)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		char c = text[i];

		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			text[i] = '\0';
			continue;
		}
		if ((i == 0 || text[i - 1] == '\0') && n < MAX_WORDS)
			words[n++] = &text[i];
	}
	return n;
}

/* Touch the error text so that the sanitizers check it is a valid string. */
static size_t read_error(void)
{
	const mig_error *e = mig_error_last();

	return strlen(e->message) + (e->hint ? strlen(e->hint) : 0);
}

static void exercise(const mig_layout *req)
{
	mig_layout out, placed;
	mig_violation why;
	char map[512], tiny[7];
	size_t i;

	if (mig_geometry_check(req, &why) < 0)
		read_error();
	if (mig_geometry_fit(&out, req, &why) < 0) {
		read_error();
		(void)mig_violation_name(why.kind);
		return;
	}
	mig_layout_draw(map, sizeof(map), &out);
	mig_layout_draw(tiny, sizeof(tiny), &out);
	if (mig_geometry_check(&out, NULL) != 0)
		abort(); /* fit answered a layout that check refuses */
	placed = out;
	if (mig_geometry_fit_around(&out, &placed, req, NULL) < 0)
		read_error();
	for (i = 0; i < req->gpu->gi_profile_count; i++) {
		const mig_gi_profile *p = &req->gpu->gi_profiles[i];
		unsigned starts[MIG_MAX_SLICES];

		mig_geometry_free_starts(&placed, p, starts, MIG_MAX_SLICES);
		mig_geometry_remaining_capacity(&placed, p);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *words[MAX_WORDS];
	const mig_gpu *gpu;
	mig_layout req;
	size_t n, len;
	char *text;

	if (size == 0 || mig_catalog_count() == 0)
		return 0;
	gpu = mig_catalog_at(data[0] % mig_catalog_count());
	len = size - 1 < MAX_INPUT ? size - 1 : MAX_INPUT;
	text = malloc(len + 1);
	if (!text)
		return 0;
	memcpy(text, data + 1, len);
	text[len] = '\0';
	n = split(text, len, words);
	if (mig_geometry_parse_request(&req, gpu, words, n) == 0)
		exercise(&req);
	else
		read_error();
	free(text);
	mig_error_clear();
	return 0;
}
