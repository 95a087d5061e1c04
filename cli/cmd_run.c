/* SPDX-License-Identifier: Apache-2.0 */
/* migctl run --on SELECTOR -- PROGRAM ARGS...: run a program on one MIG device. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_system.h"
#include "exit.h"
#include "migsim.h"
#include "opt.h"
#include "migctl/device.h"
#include "migctl/emit.h"
#include "migctl/error.h"
#include "banned.h"

static const char *on;
static const char *plan_file;

static const struct cli_opt run_opts[] = {
	CLI_OPT_STRING(0, "on", &on, "SELECTOR",
		       "a MIG UUID, GPU:GI[:CI], a profile name (an idle device of it), or with\n"
		       "                               --plan a workload name"),
	CLI_OPT_STRING(0, "plan", &plan_file, "FILE",
		       "the planner's JSON: --on names a workload, run on an instance planned for it"),
	CLI_OPT_END
};

static const struct cli_cmd_spec run_spec = {
	"run", "--on SELECTOR [--] PROGRAM [ARGS...]",
	"Run a program on one MIG device: migctl picks the device (for a profile name, an idle\n"
	"one that no other 'migctl run' has just taken), sets CUDA_VISIBLE_DEVICES and\n"
	"NVIDIA_VISIBLE_DEVICES to it, and becomes the program (exec), so signals reach it and\n"
	"its exit status is migctl's. Options after PROGRAM are the program's own; put global\n"
	"options (-i, --sim) before 'run'. Exit 126/127 when the program cannot be started.",
	run_opts, 1, -1, 1
};

/* Under the simulator, show the program on its device as a driver would once it runs. */
static int attach_simulated(const struct cli_ctx *ctx, const mig_claim *c)
{
	int rc;

	if (!ctx->sim)
		return 0;
	rc = migsim_attach(cli_sim_state_path(), (int)c->gpu, (int)c->gi_id, (int)c->ci_id,
			   (unsigned)getpid(), 0);
	return rc < 0 ? cli_report_error(rc) : 0;
}

/*
 * With --plan, a workload name becomes its planned profile on the GPUs the plan gives its
 * replicas (the claim then picks an idle one of them). Returns 0, or an exit code after
 * printing the error.
 */
static int workload_selector(char *profile, size_t len, unsigned *gpus, size_t *count)
{
	mig_emit_input *in = NULL;
	const mig_emit_service *svc = NULL;
	size_t i, j, n = 0;
	int rc = mig_emit_input_load_plan(&in, plan_file);

	if (rc < 0)
		return rc == MIG_ENOMEM ? cli_report_error(rc)
					: (cli_report_error(rc), CLI_EXIT_BAD_FILE);
	for (i = 0; i < in->service_count && !svc; i++)
		if (strcmp(in->services[i].workload, on) == 0 || strcmp(in->services[i].name, on) == 0)
			svc = &in->services[i];
	if (!svc)
		rc = cli_fail(CLI_EXIT_USAGE, "the plan '%s' has no workload '%s'", plan_file, on);
	else if (!svc->profile)
		rc = cli_fail(CLI_EXIT_USAGE, "workload '%s' runs on whole GPUs with MIG off, not on "
			      "a MIG device", on);
	for (i = 0; rc == 0 && i < svc->replica_count; i++) {
		for (j = 0; j < n && gpus[j] != svc->replicas[i].gpu; j++)
			;
		if (j == n && n < 64)
			gpus[n++] = svc->replicas[i].gpu;
	}
	if (rc == 0) {
		snprintf(profile, len, "%s", svc->profile->name);
		*count = n;
	}
	mig_emit_input_free(in);
	return rc;
}

int cmd_run(int argc, char **argv, struct cli_ctx *ctx)
{
	char profile[64];
	unsigned indices[64];
	size_t count = 0;
	const char *dir;
	mig_system *sys;
	mig_claim claim;
	int npos, err, rc = cli_opt_parse(&run_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	if (!on)
		return cli_fail(CLI_EXIT_USAGE, "'run' needs --on SELECTOR; see 'migctl run --help'");
	sys = cli_system_open(ctx, &rc);
	if (!sys)
		return rc;
	dir = cli_state_dir(ctx);
	if (!dir)
		rc = CLI_EXIT_FAILED;
	else if (plan_file)
		rc = workload_selector(profile, sizeof(profile), indices, &count);
	else
		rc = cli_select_gpus(sys, ctx, indices, 64, &count);
	if (rc == 0) {
		err = mig_device_claim(&claim, sys, plan_file ? profile : on, indices, count, dir);
		if (err < 0)
			rc = cli_report_error(err);
	}
	mig_system_close(sys);
	if (rc == 0)
		rc = attach_simulated(ctx, &claim);
	if (rc)
		return rc;
	if (setenv("CUDA_VISIBLE_DEVICES", claim.uuid, 1) != 0 ||
	    setenv("NVIDIA_VISIBLE_DEVICES", claim.uuid, 1) != 0)
		return cli_fail(CLI_EXIT_FAILED, "cannot set CUDA_VISIBLE_DEVICES");
	if (ctx->verbose)
		fprintf(stderr, "migctl: running on GPU %u GI %u CI %u (%s) %s\n", claim.gpu,
			claim.gi_id, claim.ci_id, claim.profile, claim.uuid);
	fflush(NULL);
	execvp(argv[1], argv + 1);
	err = errno;
	fprintf(stderr, "migctl: cannot run '%s': %s\n", argv[1], strerror(err));
	return err == ENOENT ? 127 : 126;
}
