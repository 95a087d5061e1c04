/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CLI_FIT_REPORT_H
#define MIGCTL_CLI_FIT_REPORT_H

/*
 * Shared by `layouts --profiles` and `check`: parse a request from the command line, place it
 * with the geometry engine, and print either the placed layout with its creation order or the
 * reason it cannot exist.
 */

#include "cli.h"
#include "migctl/catalog.h"

/* Parse words (specs) for gpu, fit them and print the outcome. Returns the exit code. */
int cli_fit_report(const mig_gpu *gpu, const char *const *words, size_t count,
		   struct cli_ctx *ctx);

#endif
