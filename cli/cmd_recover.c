/* SPDX-License-Identifier: Apache-2.0 */
/* migctl recover: finish, or roll back, an apply that was interrupted. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "cli_system.h"
#include "exit.h"
#include "opt.h"
#include "output.h"
#include "migctl/error.h"
#include "migctl/reconcile.h"
#include "banned.h"

static const char *lock_timeout;

static const struct cli_opt recover_opts[] = {
	CLI_OPT_STRING(0, "lock-timeout", &lock_timeout, "SECONDS",
		       "wait this long for another apply on the GPU to finish (10)"),
	CLI_OPT_END
};

static const struct cli_cmd_spec recover_spec = {
	.name = "recover",
	.args = "",
	.summary =
		"Resolve an apply that was interrupted (killed, or failed while rolling back) on\n"
		"the selected GPUs (-i; default all): finish it if possible, else roll back to\n"
		"the layout it started from, and say which. apply does this by itself before it\n"
		"plans.",
	.opts = recover_opts,
	.min_args = 0,
	.max_args = 0,
};

static void say(FILE *out, unsigned index, const mig_apply_result *res)
{
	switch (res->outcome) {
	case MIG_APPLY_NOTHING:
		fprintf(out, "GPU %u: no interrupted apply\n", index);
		break;
	case MIG_APPLY_ROLLED_BACK:
		fprintf(out,
			"GPU %u: rolled back to the previous layout (%zu steps); finishing the "
			"interrupted apply failed: %s\n",
			index, res->rollback_steps, res->reason);
		break;
	case MIG_APPLY_RESET_NEEDED:
		fprintf(out,
			"GPU %u: finished the interrupted apply (%zu steps); its MIG mode "
			"change waits for a GPU reset\n",
			index, res->steps_done);
		break;
	default:
		fprintf(out, "GPU %u: finished the interrupted apply (%zu steps)\n", index,
			res->steps_done);
		break;
	}
}

static int recover_one(mig_system *sys, unsigned index, const char *dir, unsigned timeout_ms,
		       struct cli_ctx *ctx, json_t *all)
{
	mig_reconcile_lock *lock;
	mig_apply_result res;
	int rc = mig_reconcile_lock_acquire(&lock, dir, index, timeout_ms);

	if (rc < 0)
		return cli_report_error(rc);
	rc = mig_reconcile_recover(sys, index, dir, &res);
	mig_reconcile_lock_release(lock);
	if (rc < 0)
		return cli_report_error(rc);
	if (all)
		json_array_append_new(
			all, json_pack("{s:i, s:s, s:I, s:I, s:s}", "gpu", index, "outcome",
				       mig_apply_outcome_name(res.outcome), "steps",
				       (json_int_t)res.steps_done, "rollback_steps",
				       (json_int_t)res.rollback_steps, "reason", res.reason));
	else
		say(ctx->out, index, &res);
	return CLI_EXIT_OK;
}

int cmd_recover(int argc, char **argv, struct cli_ctx *ctx)
{
	unsigned indices[64], timeout_ms = 10000;
	size_t count = 0, i;
	json_t *all = NULL;
	const char *dir;
	mig_system *sys;
	int npos, rc = cli_opt_parse(&recover_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	if (lock_timeout && mig_reconcile_parse_timeout(lock_timeout, &timeout_ms) < 0)
		return cli_fail(CLI_EXIT_USAGE, "bad --lock-timeout '%s': give seconds (10, 0.5)",
				lock_timeout);
	sys = cli_system_open(ctx, &rc);
	if (!sys)
		return rc;
	rc = cli_select_gpus(sys, ctx, indices, 64, &count);
	dir = rc == 0 ? cli_state_dir(ctx) : NULL;
	if (rc == 0 && !dir)
		rc = CLI_EXIT_FAILED;
	if (rc == 0 && ctx->json)
		all = json_array();
	for (i = 0; rc == 0 && i < count; i++)
		rc = recover_one(sys, indices[i], dir, timeout_ms, ctx, all);
	mig_system_close(sys);
	if (all) {
		int jrc = cli_json_print(all, ctx->out);

		rc = rc ? rc : jrc;
	}
	return rc;
}
