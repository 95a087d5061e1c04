/* SPDX-License-Identifier: Apache-2.0 */
/*
 * migctl: the command. Reads the global options (wherever they stand on the line), finds the
 * subcommand in one table, and hands it the rest. Subcommands print their results; this file
 * prints nothing else but errors and help.
 */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "exit.h"
#include "migctl/error.h"
#include "banned.h"

struct cli_cmd {
	const char *name;
	cli_cmd_fn fn;
	const char *summary;
};

static const struct cli_cmd commands[] = {
	{ "gpus", cmd_gpus, "list the MIG-capable GPUs migctl knows (the catalog)" },
	{ "profiles", cmd_profiles, "list a GPU's instance profiles with SMs, memory, placements" },
	{ "layouts", cmd_layouts, "show every complete layout of a GPU, or how profiles fit" },
	{ "check", cmd_check, "say whether a layout is valid, and if not, why" },
	{ "status", cmd_status, "show GPUs, MIG mode, GPU and compute instances, processes" },
	{ "mode", cmd_mode, "turn MIG mode on or off" },
	{ "create", cmd_create, "create GPU instances (placed so the whole request fits)" },
	{ "destroy", cmd_destroy, "destroy instances (never busy ones without --force)" },
	{ "devices", cmd_devices, "list MIG devices with their CUDA_VISIBLE_DEVICES value" },
	{ "apply", cmd_apply, "make GPUs hold a config, changing as little as possible" },
	{ "assert", cmd_assert, "exit 0 when GPUs hold a config, else say what differs" },
	{ "export", cmd_export, "print the GPUs' state as a layout file that apply accepts" },
	{ "recover", cmd_recover, "finish or roll back an apply that was interrupted" },
	{ "plan", cmd_plan_exec, "plan the cheapest MIG layouts for a list of models and a fleet" },
	{ "run", cmd_run, "run a program on a MIG device (CUDA_VISIBLE_DEVICES set for it)" },
	{ "emit", cmd_emit, "hand a plan to Docker, Compose, Kubernetes or systemd" },
	{ "sim", cmd_sim, "manage simulated GPUs: init, show, reset, attach, detach, fault" },
};

#define COMMAND_COUNT (sizeof(commands) / sizeof(commands[0]))

static void print_help(FILE *out)
{
	size_t i;

	fprintf(out, "usage: migctl [--gpu GPU] [--sim SPEC] [--json] [-v] COMMAND [ARGS]\n\n"
		     "Partition NVIDIA GPUs into MIG instances, safely.\n\ncommands:\n");
	for (i = 0; i < COMMAND_COUNT; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(out, "\nglobal options:\n"
		     "  -i, --gpu GPU   the GPU: a catalog key (a100-80gb) for offline commands\n"
		     "      --sim SPEC  use simulated GPUs (also MIGCTL_SIM)\n"
		     "      --json      print results as JSON on stdout\n"
		     "  -v, --verbose   say more\n"
		     "  -h, --help      this help; 'migctl COMMAND --help' for a command\n"
		     "      --version   print the version\n"
		     "\nexit codes: 0 ok, 1 failed, 2 usage, 3 bad input file, 4 infeasible,\n"
		     "5 driver error, 6 refused for safety, 7 recovery needed (see migctl(1))\n");
}

/* Edit distance, for "did you mean". Names are short; a small fixed table is enough. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[32];

	if (la >= 31 || lb >= 31)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t prev = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

static int unknown_command(const char *name)
{
	const char *best = NULL;
	size_t best_d = 3, i;

	for (i = 0; i < COMMAND_COUNT; i++) {
		size_t d = distance(name, commands[i].name);

		if (d < best_d) {
			best_d = d;
			best = commands[i].name;
		}
	}
	if (best)
		return cli_fail(CLI_EXIT_USAGE, "unknown command '%s', did you mean '%s'?", name,
				best);
	return cli_fail(CLI_EXIT_USAGE, "unknown command '%s'; see 'migctl --help'", name);
}

/* A global option with its value at argv[i] (and maybe argv[i + 1]). Returns the number of
 * entries consumed (0 when argv[i] is not a global option, -1 on a missing value). */
static int take_global(struct cli_ctx *ctx, int i, int argc, char **argv)
{
	const char *a = argv[i];
	const char **slot = NULL;
	size_t len = 0;

	if (strcmp(a, "--json") == 0)
		return ctx->json = 1, 1;
	if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0)
		return ctx->verbose++, 1;
	if (strcmp(a, "-i") == 0 || strcmp(a, "--gpu") == 0)
		slot = &ctx->gpu;
	else if (strcmp(a, "--sim") == 0)
		slot = &ctx->sim;
	else if (strncmp(a, "--gpu=", 6) == 0)
		return ctx->gpu = a + 6, 1;
	else if (strncmp(a, "--sim=", 6) == 0)
		return ctx->sim = a + 6, 1;
	if (!slot)
		return 0;
	len = strlen(a);
	if (i + 1 >= argc || len == 0) {
		cli_fail(CLI_EXIT_USAGE, "option '%s' needs a value", a);
		return -1;
	}
	*slot = argv[i + 1];
	return 2;
}

/* Commands whose arguments end with a program's own command line: global options after the
 * command name belong to that program, so they are only taken before it. */
static int runs_a_program(const char *word)
{
	return strcmp(word, "run") == 0;
}

/* Remove the global options from argv, wherever they are (before "--"). Returns the new argc,
 * or -1 after printing a usage error. */
static int strip_globals(struct cli_ctx *ctx, int argc, char **argv)
{
	int i, n = 1;

	for (i = 1; i < argc; i++) {
		int used;

		if (strcmp(argv[i], "--") == 0)
			break;
		used = take_global(ctx, i, argc, argv);
		if (used < 0)
			return -1;
		if (used > 0) {
			i += used - 1;
			continue;
		}
		argv[n++] = argv[i];
		if (n == 2 && runs_a_program(argv[i])) {
			i++;
			break;
		}
	}
	while (i < argc)
		argv[n++] = argv[i++];
	return n;
}

int main(int argc, char **argv)
{
	struct cli_ctx ctx = { NULL, NULL, 0, 0, stdout };
	size_t i;

	ctx.sim = getenv("MIGCTL_SIM");
	if (ctx.sim && !*ctx.sim)
		ctx.sim = NULL;
	argc = strip_globals(&ctx, argc, argv);
	if (argc < 0)
		return CLI_EXIT_USAGE;
	if (argc < 2) {
		print_help(stderr);
		return CLI_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		print_help(stdout);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("migctl %s\n", mig_version());
		return CLI_EXIT_OK;
	}
	if (argv[1][0] == '-')
		return cli_fail(CLI_EXIT_USAGE, "unknown option '%s'; see 'migctl --help'", argv[1]);
	for (i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1, &ctx);
	return unknown_command(argv[1]);
}
