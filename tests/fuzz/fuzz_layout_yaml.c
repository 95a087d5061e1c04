/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fuzz target for layout files (mig-parted's v1 YAML and migctl's extensions). Whatever the
 * bytes, parsing must end in a file or a clean error. Whatever parses must also write, read
 * back to an equal file (the round-trip guarantee), and go through validation and resolution
 * against a GPU of the catalog chosen by the input's length.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "migctl/config.h"
#include "migctl/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Resolving is cheap, but a file may hold thousands of configs. */
#define MAX_RESOLVED 64

/* Touch the error text so that the sanitizers check it is a valid string. */
static size_t read_error(void)
{
	const mig_error *e = mig_error_last();

	return strlen(e->message) + (e->hint ? strlen(e->hint) : 0);
}

static void resolve_some(const mig_config_file *f, const mig_gpu *gpu)
{
	size_t i;

	for (i = 0; i < f->config_count && i < MAX_RESOLVED; i++) {
		mig_config_target t = MIG_CONFIG_TARGET_INIT;
		mig_config_desired d;

		t.gpu = gpu;
		t.index = (int)(i % 4);
		t.uuid = "GPU-0";
		if (mig_config_resolve(&d, f, &f->configs[i], &t) < 0)
			read_error();
		else if (d.entry && d.want.gi_count != d.placed.count)
			abort(); /* every GI asked for must be placed */
	}
}

static void round_trip(const mig_config_file *f)
{
	mig_config_file *g = NULL;
	char *text = NULL;

	if (mig_config_write(&text, f) < 0)
		abort(); /* a parsed file always writes */
	if (mig_config_parse(&g, text, strlen(text), "again.yaml") < 0)
		abort(); /* and reads back */
	if (!mig_config_file_equal(f, g))
		abort(); /* to the same file */
	mig_config_file_free(g);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mig_config_file *f = NULL;
	const mig_gpu *gpu;

	if (mig_config_parse(&f, (const char *)data, size, "fuzz.yaml") < 0) {
		read_error();
		mig_error_clear();
		return 0;
	}
	round_trip(f);
	gpu = mig_catalog_at(size % mig_catalog_count());
	if (mig_config_validate(f, NULL, gpu) < 0)
		read_error();
	resolve_some(f, gpu);
	mig_config_file_free(f);
	mig_error_clear();
	return 0;
}
