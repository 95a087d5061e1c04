/* SPDX-License-Identifier: Apache-2.0 */
/* migctl sim: manage simulated GPUs (the simulator's state file) without going through NVML. */
#include "cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_system.h"
#include "exit.h"
#include "migsim.h"
#include "opt.h"
#include "parse_util.h"
#include "banned.h"

static struct {
	int force;
	const char *pid;
	const char *mem;
} opt;

static const struct cli_opt sim_opts[] = {
	CLI_OPT_FLAG('f', "force", &opt.force, "init: replace an existing state file"),
	CLI_OPT_STRING(0, "pid", &opt.pid, "PID", "attach/detach: the process (must be running)"),
	CLI_OPT_STRING(0, "mem", &opt.mem, "MIB", "attach: GPU memory the process uses (1024)"),
	CLI_OPT_END
};

static const struct cli_cmd_spec sim_spec = {
	"sim", "init SPEC | show | reset | attach GI:CI | detach | fault SPEC|clear | calls [FN]",
	"Manage the simulated GPUs that --sim and the simulator library (libnvidia-ml.so.1 from\n"
	"sim/) use. The state file is MIGSIM_STATE, the --sim SPEC default when --sim is given, or\n"
	"$TMPDIR/migsim-UID.json.\n"
	"  init SPEC          create GPUs, e.g. 2xh100-80gb,a100-80gb (MIG off, nothing attached)\n"
	"  show               print the state file\n"
	"  reset              reset GPUs (-i N, default all): a pending MIG mode takes effect\n"
	"  attach GI:CI       attach --pid PID using --mem MIB to a compute instance of GPU -i N\n"
	"  detach             detach --pid PID from GPU -i N\n"
	"  fault SPEC|clear   inject faults (FUNCTION:NTH:ERROR, lost:GPU:AFTER) or clear them\n"
	"  calls [FUNCTION]   how many NVML calls the simulator served (all, or one function)",
	sim_opts, 1, 2, 0
};

static char path[PATH_MAX];

static int gpu_index(struct cli_ctx *ctx, int all_ok, int *out)
{
	uint64_t v;

	if (!ctx->gpu || (all_ok && strcmp(ctx->gpu, "all") == 0)) {
		*out = all_ok ? -1 : 0;
		return 0;
	}
	if (mig_parse_uint(ctx->gpu, 1023, &v) < 0)
		return cli_fail(CLI_EXIT_USAGE, "simulated GPUs are chosen by index, not '%s'",
				ctx->gpu);
	*out = (int)v;
	return 0;
}

static int need_pid(unsigned *pid)
{
	uint64_t v;

	if (!opt.pid)
		return cli_fail(CLI_EXIT_USAGE, "'sim attach' and 'sim detach' need --pid PID");
	if (mig_parse_uint(opt.pid, INT_MAX, &v) < 0 || v == 0)
		return cli_fail(CLI_EXIT_USAGE, "bad pid '%s'", opt.pid);
	*pid = (unsigned)v;
	return 0;
}

static int attach(struct cli_ctx *ctx, const char *where)
{
	uint64_t gi, ci, mem = 1024;
	const char *colon = strchr(where ? where : "", ':');
	unsigned pid = 0;
	int gpu = 0, rc;

	if (!where || !colon || mig_parse_uint_n(where, (size_t)(colon - where), 14, &gi) < 0 ||
	    mig_parse_uint(colon + 1, 7, &ci) < 0)
		return cli_fail(CLI_EXIT_USAGE, "'sim attach' needs GI:CI, e.g. 1:0, not '%s'",
				where ? where : "");
	if ((rc = gpu_index(ctx, 0, &gpu)) || (rc = need_pid(&pid)))
		return rc;
	if (opt.mem && mig_parse_uint(opt.mem, UINT32_MAX, &mem) < 0)
		return cli_fail(CLI_EXIT_USAGE, "bad memory '%s': MiB as a whole number", opt.mem);
	rc = migsim_attach(path, gpu, (int)gi, (int)ci, pid, mem);
	return rc < 0 ? cli_report_error(rc) : CLI_EXIT_OK;
}

static int run(const char *verb, const char *arg, struct cli_ctx *ctx)
{
	unsigned pid = 0;
	uint64_t calls;
	char *text;
	int gpu = 0, rc;

	if (strcmp(verb, "init") == 0) {
		if (!arg)
			return cli_fail(CLI_EXIT_USAGE, "'sim init' needs a SPEC, e.g. a100-80gb");
		rc = migsim_create(path, arg, opt.force);
		if (rc == 0)
			fprintf(ctx->out, "simulated GPUs '%s' in %s\n", arg, path);
	} else if (strcmp(verb, "show") == 0) {
		rc = migsim_show(&text, path);
		if (rc == 0) {
			fputs(text, ctx->out);
			free(text);
		}
	} else if (strcmp(verb, "reset") == 0) {
		if ((rc = gpu_index(ctx, 1, &gpu)))
			return rc;
		rc = migsim_reset(path, gpu);
		if (rc == 0 && gpu < 0)
			fprintf(ctx->out, "reset every simulated GPU: pending MIG modes are current\n");
		else if (rc == 0)
			fprintf(ctx->out, "reset simulated GPU %d: its pending MIG mode is current\n",
				gpu);
	} else if (strcmp(verb, "attach") == 0) {
		return attach(ctx, arg);
	} else if (strcmp(verb, "detach") == 0) {
		if ((rc = gpu_index(ctx, 0, &gpu)) || (rc = need_pid(&pid)))
			return rc;
		rc = migsim_detach(path, gpu, pid);
	} else if (strcmp(verb, "fault") == 0) {
		if (!arg)
			return cli_fail(CLI_EXIT_USAGE, "'sim fault' needs a SPEC or 'clear'");
		rc = strcmp(arg, "clear") == 0 ? migsim_fault_clear(path)
					       : migsim_fault_add(path, arg);
	} else if (strcmp(verb, "calls") == 0) {
		rc = migsim_calls(&calls, path, arg);
		if (rc == 0)
			fprintf(ctx->out, "%llu\n", (unsigned long long)calls);
	} else {
		return cli_fail(CLI_EXIT_USAGE, "unknown 'sim' verb '%s'; see 'migctl sim --help'",
				verb);
	}
	return rc < 0 ? cli_report_error(rc) : CLI_EXIT_OK;
}

int cmd_sim(int argc, char **argv, struct cli_ctx *ctx)
{
	int npos, rc = cli_opt_parse(&sim_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	if (ctx->sim) {
		rc = cli_system_prepare_sim(ctx, strcmp(argv[1], "init") != 0);
		if (rc)
			return rc;
		snprintf(path, sizeof(path), "%s", cli_sim_state_path());
	} else if (!migsim_state_path(path, sizeof(path))) {
		return cli_fail(CLI_EXIT_FAILED, "the simulator state path is too long");
	}
	return run(argv[1], npos > 1 ? argv[2] : NULL, ctx);
}
