/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CLI_SYSTEM_H
#define MIGCTL_CLI_SYSTEM_H

/*
 * Opening NVML for a subcommand: the driver's library, or with --sim SPEC / MIGCTL_SIM the
 * simulator, with its state file chosen (MIGSIM_STATE, else one per user and spec in $TMPDIR)
 * and created from the spec the first time.
 */

#include "cli.h"
#include "migctl/device.h"

/* The folder of the running migctl (from /proc/self/exe) into buf; 0, or -1 when unknown. */
int cli_exe_dir(char *buf, size_t len);

/* Open the system; on failure print the error and return NULL with *exit_code set. */
mig_system *cli_system_open(struct cli_ctx *ctx, int *exit_code);

/* The simulator state file used for --sim (valid after cli_system_prepare_sim). */
const char *cli_sim_state_path(void);

/* Point MIGSIM_STATE at the state file for ctx->sim and, when create is set, create it from
 * the spec if it does not exist. Returns 0 or an exit code after printing the error. */
int cli_system_prepare_sim(struct cli_ctx *ctx, int create);

/*
 * Where migctl keeps its own state (run reservations; apply journals and locks):
 * MIGCTL_STATE_DIR; with --sim, a folder beside the simulator's state file (so simulated
 * machines stay apart); else /var/lib/migctl when it can be created, else
 * $TMPDIR/migctl-<uid>. Returns the path (static storage), or NULL after printing an error.
 */
const char *cli_state_dir(struct cli_ctx *ctx);

/* Resolve ctx->gpu (NULL = all) into GPU indices; prints the error and returns an exit code
 * on failure, else 0. */
int cli_select_gpus(mig_system *sys, struct cli_ctx *ctx, unsigned *indices, size_t cap,
		    size_t *count);

#endif
