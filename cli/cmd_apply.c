/* SPDX-License-Identifier: Apache-2.0 */
/*
 * migctl apply: make each selected GPU hold a config, keeping every instance the config can
 * keep, under the GPU's lock, with a journal; --dry-run prints the steps and changes nothing,
 * and with --gpu MODEL checks the config offline against the catalog.
 */
#include "cli.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_system.h"
#include "exit.h"
#include "opt.h"
#include "output.h"
#include "migctl/error.h"
#include "migctl/reconcile.h"
#include "parse_util.h"
#include "banned.h"

#define DEFAULT_LOCK_TIMEOUT_MS 10000u

static const char *file, *config_name, *lock_timeout;
static int dry_run, force;

static const struct cli_opt apply_opts[] = {
	CLI_OPT_STRING('f', "file", &file, "FILE",
		       "the layout file (else -c names a built-in config)"),
	CLI_OPT_STRING('c', "config", &config_name, "NAME", "the config to apply"),
	CLI_OPT_FLAG(0, "dry-run", &dry_run, "print the steps; change nothing"),
	CLI_OPT_FLAG(0, "force", &force, "destroy instances even when processes run on them"),
	CLI_OPT_STRING(0, "lock-timeout", &lock_timeout, "SECONDS",
		       "wait this long for another apply on the GPU to finish (10)"),
	CLI_OPT_END
};

static const struct cli_cmd_spec apply_spec = {
	.name = "apply",
	.args = "",
	.summary =
		"Make the selected GPUs (-i; default all) hold config NAME of FILE, or the\n"
		"built-in config NAME (all-balanced, all-1g, ...). Instances the config can keep\n"
		"are kept; only the others are destroyed, never one with running processes unless\n"
		"--force. An interrupted apply is recovered first. --dry-run prints the steps;\n"
		"with --gpu MODEL (a100-80gb) it checks the config against the catalog offline.",
	.opts = apply_opts,
	.min_args = 0,
	.max_args = 0,
};

struct apply_run {
	struct cli_ctx *ctx;
	const mig_config_file *f;
	const mig_config *c;
	const char *dir;
	unsigned timeout_ms;
	json_t *json;
};

/* Exit code for a problem with the layout file or the config. */
static int file_error(int rc)
{
	cli_report_error(rc);
	if (rc == MIG_ENOFIT)
		return CLI_EXIT_INFEASIBLE;
	if (rc == MIG_ENOMEM)
		return CLI_EXIT_FAILED;
	return CLI_EXIT_BAD_FILE;
}

static int kill_after; /* MIGCTL_TEST_KILL_AFTER_STEP: the fault-sweep test hook */

static void on_step(void *ctx, const mig_step_plan *plan, size_t step)
{
	struct cli_ctx *c = ctx;
	char text[160];

	if (c->verbose && !c->json) {
		mig_step_describe(text, sizeof(text), &plan->steps[step]);
		fprintf(c->out, "  done: %s\n", text);
		fflush(c->out);
	}
	if (kill_after > 0 && step + 1 == (size_t)kill_after)
		raise(SIGKILL);
}

static void print_step(FILE *out, const mig_step_plan *p, size_t i)
{
	const mig_step *s = &p->steps[i];
	char text[160];
	size_t k, n = 0;

	if (s->kind == MIG_STEP_CREATE_CI && s->gi_step >= 0)
		return; /* printed with its GI */
	if (s->kind == MIG_STEP_DESTROY_CI && i + 1 < p->step_count &&
	    p->steps[i + 1].gi_id == s->gi_id &&
	    (p->steps[i + 1].kind == MIG_STEP_DESTROY_GI ||
	     p->steps[i + 1].kind == MIG_STEP_DESTROY_CI))
		return; /* its GI goes too */
	mig_step_describe(text, sizeof(text), s);
	fprintf(out, "  %s", text);
	for (k = i + 1; s->kind == MIG_STEP_CREATE_GI && k < p->step_count; k++)
		n += p->steps[k].kind == MIG_STEP_CREATE_CI && p->steps[k].gi_step == (int)i;
	fputs(n == 0 ? "" : n == 1 ? " + CI " : " + CIs ", out);
	for (k = i + 1; n && k < p->step_count; k++)
		if (p->steps[k].kind == MIG_STEP_CREATE_CI && p->steps[k].gi_step == (int)i)
			fprintf(out, "%s%s", p->steps[k].ci_profile->name, --n ? ", " : "");
	if (s->kind == MIG_STEP_MODE && p->reset_needed)
		fprintf(out, " (takes effect after a GPU reset)");
	fputc('\n', out);
}

static void print_steps(FILE *out, const mig_step_plan *p)
{
	size_t i;

	for (i = 0; i < p->kept_count; i++)
		fprintf(out, "  keep GI %u (%s at %u)%s\n", p->kept[i].gi_id,
			p->kept[i].profile->name, p->kept[i].start,
			p->kept[i].processes ? ", in use" : "");
	for (i = 0; i < p->step_count; i++)
		print_step(out, p, i);
	if (p->reset_needed && p->target.gi_count)
		fprintf(out,
			"  then, after a GPU reset, apply again to create %zu GPU instance%s\n",
			p->target.gi_count, p->target.gi_count == 1 ? "" : "s");
}

static void print_plan(FILE *out, const char *who, const mig_step_plan *p, const char *config)
{
	if (p->step_count == 0 && !p->reset_needed) {
		fprintf(out, "%s: holds config '%s' already; nothing to do\n", who, config);
		return;
	}
	fprintf(out, "%s: config '%s': keep %zu, destroy %zu, create %zu GPU instance%s\n", who,
		config, p->kept_count, p->gis_destroyed, p->gis_created,
		p->gis_created == 1 ? "" : "s");
	print_steps(out, p);
}

static void print_gpu_plan(FILE *out, const mig_step_plan *p, const char *config)
{
	char who[64];

	snprintf(who, sizeof(who), "GPU %u (%s)", p->index, p->gpu->key);
	print_plan(out, who, p, config);
}

/* The plan as JSON, with what happened to it. */
static void add_json(struct apply_run *r, const mig_step_plan *p, const char *outcome,
		     const char *recovery)
{
	char *text = NULL;
	json_t *j;

	if (mig_step_plan_to_json(&text, p) < 0)
		return;
	j = json_loads(text, 0, NULL);
	free(text);
	if (!j)
		return;
	json_object_set_new(j, "config", json_string(r->c->name));
	json_object_set_new(j, "dry_run", json_boolean(dry_run));
	json_object_set_new(j, "outcome", json_string(outcome));
	json_object_set_new(j, "recovery", recovery ? json_string(recovery) : json_null());
	json_array_append_new(r->json, j);
}

static int report_outcome(struct apply_run *r, const mig_step_plan *p, const mig_apply_result *res,
			  int rc)
{
	FILE *out = r->ctx->json ? stderr : r->ctx->out;

	switch (res->outcome) {
	case MIG_APPLY_DONE:
		if (p->step_count)
			fprintf(out,
				"GPU %u: done: destroyed %zu, created %zu GPU instance%s (%zu "
				"steps)\n",
				p->index, res->gis_destroyed, res->gis_created,
				res->gis_created == 1 ? "" : "s", res->steps_done);
		return CLI_EXIT_OK;
	case MIG_APPLY_RESET_NEEDED:
		return cli_fail(CLI_EXIT_FAILED,
				"GPU %u: the MIG mode changes only after a GPU reset\nhint: reset "
				"it (nvidia-smi -r -i %u; simulated GPUs: migctl sim reset -i %u), "
				"then apply again",
				p->index, p->index, p->index);
	case MIG_APPLY_ROLLED_BACK:
		cli_report_error(rc);
		return res->failed_step < 0 ? cli_exit_for(rc) : CLI_EXIT_DRIVER;
	default:
		return cli_report_error(rc);
	}
}

/* Finish or roll back an interrupted apply before planning a new one. */
static int recover_first(mig_system *sys, unsigned index, struct apply_run *r,
			 const char **recovery)
{
	mig_apply_result res;
	FILE *out = r->ctx->json ? stderr : r->ctx->out;
	int rc = mig_reconcile_recover(sys, index, r->dir, &res);

	*recovery = NULL;
	if (rc < 0)
		return cli_report_error(rc);
	if (res.outcome == MIG_APPLY_NOTHING)
		return 0;
	*recovery = mig_apply_outcome_name(res.outcome);
	if (res.outcome == MIG_APPLY_ROLLED_BACK)
		fprintf(out,
			"GPU %u: an interrupted apply was rolled back to its previous layout "
			"(%zu steps); finishing it failed: %s\n",
			index, res.rollback_steps, res.reason);
	else
		fprintf(out, "GPU %u: an interrupted apply was finished (%zu steps)\n", index,
			res.steps_done);
	return 0;
}

static int plan_for(mig_step_plan **plan, mig_system *sys, unsigned index, struct apply_run *r)
{
	mig_config_desired want;
	mig_gpu_state *st;
	int rc = mig_gpu_state_read(&st, sys, index);

	if (rc < 0)
		return cli_report_error(rc);
	rc = mig_reconcile_desired(&want, r->f, r->c, st);
	if (rc < 0) {
		mig_gpu_state_free(st);
		return rc == MIG_ENOTSUPPORTED ? cli_report_error(rc) : file_error(rc);
	}
	if (!want.entry) {
		fprintf(r->ctx->json ? stderr : r->ctx->out,
			"GPU %u (%s): no entry of config '%s' selects it; left alone\n", index,
			st->model->key, r->c->name);
		mig_gpu_state_free(st);
		return -1;
	}
	rc = mig_reconcile_plan(plan, st, &want.want, force ? MIG_RECONCILE_FORCE : 0);
	mig_gpu_state_free(st);
	return rc < 0 ? cli_report_error(rc) : 0;
}

static int apply_locked(mig_system *sys, unsigned index, struct apply_run *r)
{
	mig_apply_options opts = MIG_APPLY_OPTIONS_INIT;
	mig_step_plan *plan = NULL;
	mig_apply_result res;
	const char *recovery;
	int rc = recover_first(sys, index, r, &recovery);

	if (rc == 0)
		rc = plan_for(&plan, sys, index, r);
	if (rc)
		return rc < 0 ? 0 : rc;
	if (!r->ctx->json)
		print_gpu_plan(r->ctx->out, plan, r->c->name);
	opts.state_dir = r->dir;
	opts.flags = force ? MIG_RECONCILE_FORCE : 0;
	opts.on_step = on_step;
	opts.ctx = r->ctx;
	rc = mig_reconcile_apply(sys, plan, &opts, &res);
	if (r->json)
		add_json(r, plan, mig_apply_outcome_name(res.outcome), recovery);
	rc = report_outcome(r, plan, &res, rc);
	mig_step_plan_free(plan);
	return rc;
}

static int apply_one(mig_system *sys, unsigned index, struct apply_run *r)
{
	mig_reconcile_lock *lock;
	int rc = mig_reconcile_lock_acquire(&lock, r->dir, index, r->timeout_ms);

	if (rc < 0)
		return cli_report_error(rc);
	rc = apply_locked(sys, index, r);
	mig_reconcile_lock_release(lock);
	return rc;
}

static int dry_run_one(mig_system *sys, unsigned index, struct apply_run *r)
{
	mig_step_plan *plan = NULL;
	int rc = plan_for(&plan, sys, index, r);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (r->dir && mig_reconcile_journal_exists(r->dir, index))
		fprintf(stderr,
			"migctl: GPU %u: an interrupted apply left a journal; apply will "
			"recover it first\n",
			index);
	if (r->json)
		add_json(r, plan, "dry-run", NULL);
	else
		print_gpu_plan(r->ctx->out, plan, r->c->name);
	mig_step_plan_free(plan);
	return CLI_EXIT_OK;
}

/* The plan on an empty GPU of the model: what apply would create. */
static int plan_empty(mig_step_plan **plan, const mig_gpu *gpu, const mig_config_layout *want)
{
	mig_gpu_state st;

	memset(&st, 0, sizeof(st));
	st.model = gpu;
	st.mig_capable = 1;
	st.mig_current = st.mig_pending = want->mig_enabled;
	snprintf(st.name, sizeof(st.name), "%s", gpu->nvml_name);
	return mig_reconcile_plan(plan, &st, want, 0);
}

/* --dry-run --gpu MODEL: every entry of the config that admits the model must resolve. */
static int apply_offline(const mig_gpu *gpu, struct apply_run *r)
{
	mig_config_desired want;
	mig_step_plan *plan;
	size_t i;
	int rc = mig_config_validate(r->f, r->c, gpu);

	if (rc < 0)
		return file_error(rc);
	for (i = 0; i < r->c->entry_count; i++) {
		if (!mig_config_entry_admits(&r->c->entries[i], gpu))
			continue;
		rc = mig_config_resolve_entry(&want, r->f, r->c, &r->c->entries[i], gpu);
		if (rc == 0)
			rc = plan_empty(&plan, gpu, &want.want);
		if (rc < 0)
			return file_error(rc);
		if (r->json) {
			add_json(r, plan, "valid", NULL);
		} else {
			fprintf(r->ctx->out, "%s: config '%s' (entry at line %u) is valid%s\n",
				gpu->key, r->c->name, r->c->entries[i].pos.line,
				want.want.mig_enabled ? "; on an empty GPU apply would:"
						      : ": MIG disabled");
			print_steps(r->ctx->out, plan);
		}
		mig_step_plan_free(plan);
	}
	return CLI_EXIT_OK;
}

static int apply_online(struct apply_run *r)
{
	unsigned indices[64];
	size_t count = 0, i;
	mig_system *sys;
	int rc;

	sys = cli_system_open(r->ctx, &rc);
	if (!sys)
		return rc;
	rc = cli_select_gpus(sys, r->ctx, indices, 64, &count);
	if (rc == 0)
		r->dir = cli_state_dir(r->ctx);
	if (rc == 0 && !r->dir && !dry_run)
		rc = CLI_EXIT_FAILED;
	for (i = 0; rc == 0 && i < count; i++)
		rc = dry_run ? dry_run_one(sys, indices[i], r) : apply_one(sys, indices[i], r);
	mig_system_close(sys);
	return rc;
}

static int run_apply(struct apply_run *r)
{
	const mig_gpu *gpu = NULL;
	int rc;

	if (dry_run && r->ctx->gpu)
		gpu = mig_catalog_by_key(r->ctx->gpu);
	r->json = r->ctx->json ? json_array() : NULL;
	rc = gpu ? apply_offline(gpu, r) : apply_online(r);
	if (r->json) {
		int jrc = cli_json_print(r->json, r->ctx->out);

		rc = rc ? rc : jrc;
	}
	return rc;
}

int cmd_apply(int argc, char **argv, struct cli_ctx *ctx)
{
	struct apply_run r = {ctx, NULL, NULL, NULL, DEFAULT_LOCK_TIMEOUT_MS, NULL};
	mig_config_file *f = NULL;
	const char *kill_env = getenv("MIGCTL_TEST_KILL_AFTER_STEP");
	uint64_t k;
	int npos, rc = cli_opt_parse(&apply_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	if (!file && !config_name)
		return cli_fail(CLI_EXIT_USAGE, "apply needs a config: -c NAME (with -f FILE for "
						"a layout file)");
	if (lock_timeout && mig_reconcile_parse_timeout(lock_timeout, &r.timeout_ms) < 0)
		return cli_fail(CLI_EXIT_USAGE, "bad --lock-timeout '%s': give seconds (10, 0.5)",
				lock_timeout);
	if (kill_env && *kill_env && mig_parse_uint(kill_env, 1000000, &k) == 0)
		kill_after = (int)k;
	rc = mig_reconcile_load(&f, &r.c, file, config_name);
	if (rc < 0)
		return rc == MIG_ENOTFOUND && !file ? cli_report_error(rc) : file_error(rc);
	r.f = f;
	rc = run_apply(&r);
	mig_config_file_free(f);
	return rc;
}
