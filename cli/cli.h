/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CLI_H
#define MIGCTL_CLI_H

/*
 * What every subcommand receives: the global options, already parsed by main.c, and the
 * subcommand's own arguments (argv[0] is the subcommand name).
 */

#include <stdio.h>

struct cli_ctx {
	const char *gpu;  /* -i/--gpu: catalog key offline, or a GPU selector */
	const char *sim;  /* --sim SPEC or MIGCTL_SIM */
	int json;	  /* --json */
	int verbose;	  /* -v, repeatable */
	FILE *out;	  /* where results go (stdout) */
};

typedef int (*cli_cmd_fn)(int argc, char **argv, struct cli_ctx *ctx);

int cmd_gpus(int argc, char **argv, struct cli_ctx *ctx);
int cmd_profiles(int argc, char **argv, struct cli_ctx *ctx);
int cmd_layouts(int argc, char **argv, struct cli_ctx *ctx);
int cmd_check(int argc, char **argv, struct cli_ctx *ctx);
int cmd_status(int argc, char **argv, struct cli_ctx *ctx);
int cmd_mode(int argc, char **argv, struct cli_ctx *ctx);
int cmd_create(int argc, char **argv, struct cli_ctx *ctx);
int cmd_destroy(int argc, char **argv, struct cli_ctx *ctx);
int cmd_devices(int argc, char **argv, struct cli_ctx *ctx);
int cmd_sim(int argc, char **argv, struct cli_ctx *ctx);
int cmd_run(int argc, char **argv, struct cli_ctx *ctx);
int cmd_plan(int argc, char **argv, struct cli_ctx *ctx);      /* in migctl-plan */
int cmd_plan_exec(int argc, char **argv, struct cli_ctx *ctx); /* runs migctl-plan */
int cmd_apply(int argc, char **argv, struct cli_ctx *ctx);
int cmd_assert(int argc, char **argv, struct cli_ctx *ctx);
int cmd_export(int argc, char **argv, struct cli_ctx *ctx);
int cmd_recover(int argc, char **argv, struct cli_ctx *ctx);
int cmd_emit(int argc, char **argv, struct cli_ctx *ctx);

/* Print the library's last error as "migctl: <message>" (+ "hint: <hint>") on stderr and
 * return the exit code for it. */
int cli_report_error(int mig_code);

/* Print "migctl: <message>" on stderr (printf format) and return exit code `code`. */
int cli_fail(int code, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

#endif
