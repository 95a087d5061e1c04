/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CLI_STATE_RENDER_H
#define MIGCTL_CLI_STATE_RENDER_H

/* A GPU's MIG state, as text (a tree) and as JSON; shared by status and the commands that
 * show what they changed. */

#include <jansson.h>
#include <stdio.h>

#include "migctl/device.h"

void cli_print_gpu_state(const mig_gpu_state *st, int blank_line_before, FILE *out);
json_t *cli_json_gpu_state(const mig_gpu_state *st);

#endif
