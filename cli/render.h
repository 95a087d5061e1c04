/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CLI_RENDER_H
#define MIGCTL_CLI_RENDER_H

/*
 * JSON and text pieces shared by the subcommands that show catalog facts and layouts, so that
 * a GPU, a profile or a layout looks the same wherever it is printed.
 */

#include <jansson.h>
#include <stddef.h>

#include "migctl/catalog.h"
#include "migctl/geometry.h"

/* The names of the fields an entry flags as unconfirmed ("memory, SMs"), "" when none. */
const char *cli_unconfirmed_text(unsigned flags, char *buf, size_t len);

/* Starts of a profile's placements, "0,4" (or "0-6" for a run). */
const char *cli_placement_text(const mig_gi_profile *p, char *buf, size_t len);

json_t *cli_json_unconfirmed(unsigned flags);
json_t *cli_json_gpu(const mig_gpu *gpu);
json_t *cli_json_gi_profile(const mig_gi_profile *p);
json_t *cli_json_ci_profile(const mig_ci_profile *ci);
json_t *cli_json_layout(const mig_layout *l);

/* "3g.40gb@4 + 2g.20gb@0" */
const char *cli_layout_text(const mig_layout *l, char *buf, size_t len);

/* Resolve ctx->gpu as a catalog key for an offline command; prints the error and returns NULL
 * (setting *exit_code) when it is missing or unknown. */
const mig_gpu *cli_offline_gpu(const char *key, const char *cmd, int *exit_code);

#endif
