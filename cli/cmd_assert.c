/* SPDX-License-Identifier: Apache-2.0 */
/* migctl assert: do the GPUs hold a config? Exit 0 when they do, else say what differs. */
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

static const char *file, *config_name;

static const struct cli_opt assert_opts[] = {
	CLI_OPT_STRING('f', "file", &file, "FILE",
		       "the layout file (else -c names a built-in config)"),
	CLI_OPT_STRING('c', "config", &config_name, "NAME", "the config to compare with"),
	CLI_OPT_END
};

static const struct cli_cmd_spec assert_spec = {
	.name = "assert",
	.args = "",
	.summary =
		"Exit 0 when the selected GPUs (-i; default all) hold config NAME of FILE (or the\n"
		"built-in config NAME): the same GPU instances with the same compute instances,\n"
		"at the placements the config pins, and the MIG mode with no change pending.\n"
		"Else print what differs ('-' what the GPU has too much, '+' what it lacks) and\n"
		"exit 1.",
	.opts = assert_opts,
	.min_args = 0,
	.max_args = 0,
};

struct assert_gpu {
	const mig_gpu_state *st;
	const mig_config_layout *want;
	const mig_step_plan *plan;
};

static int kept(const mig_step_plan *p, unsigned gi_id)
{
	size_t i;

	for (i = 0; i < p->kept_count; i++)
		if (p->kept[i].gi_id == gi_id)
			return 1;
	return 0;
}

static int pinned(const mig_config_layout *want, const mig_config_gi *g)
{
	size_t i;

	for (i = 0; i < want->gi_count; i++)
		if (want->gi[i].profile == g->profile && want->gi[i].start == g->start)
			return 1;
	return 0;
}

static json_t *cis_json(const mig_config_gi *g)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; a && i < g->ci_count; i++)
		json_array_append_new(a, json_string(g->ci[i]->name));
	return a;
}

static void print_cis(FILE *out, const mig_config_gi *g)
{
	size_t i;

	for (i = 0; i < g->ci_count; i++)
		fprintf(out, "%s%s", i ? ", " : " with CI ", g->ci[i]->name);
}

/* The GIs the GPU has that the config does not keep ('-'). */
static void extra(const struct assert_gpu *a, FILE *out, json_t *list)
{
	const mig_config_layout *before = &a->plan->before;
	size_t i;

	for (i = 0; i < a->st->gi_count; i++) {
		const mig_gi_state *g = &a->st->gis[i];

		if (kept(a->plan, g->id) || !a->st->mig_current)
			continue;
		if (list) {
			json_array_append_new(list, json_pack("{s:i, s:s, s:i, s:o}", "gi", g->id,
							      "profile", g->profile_name, "start",
							      g->start, "compute_instances",
							      cis_json(&before->gi[i])));
			continue;
		}
		fprintf(out, "  - GI %u (%s at %u)", g->id, g->profile_name, g->start);
		print_cis(out, &before->gi[i]);
		fputc('\n', out);
	}
}

/* The GIs the config asks for that the GPU lacks ('+'). */
static void missing(const struct assert_gpu *a, FILE *out, json_t *list)
{
	const mig_config_layout *t = &a->plan->target;
	size_t i;

	for (i = a->plan->kept_count; i < t->gi_count; i++) {
		const mig_config_gi *g = &t->gi[i];
		int pin = pinned(a->want, g);

		if (list) {
			json_array_append_new(
				list, json_pack("{s:s, s:o, s:o}", "profile", g->profile->name,
						"start", pin ? json_integer(g->start) : json_null(),
						"compute_instances", cis_json(g)));
			continue;
		}
		fprintf(out, "  + %s", g->profile->name);
		if (pin)
			fprintf(out, " at %d", g->start);
		print_cis(out, g);
		fputc('\n', out);
	}
}

static void mode_diff(const struct assert_gpu *a, FILE *out)
{
	const mig_gpu_state *st = a->st;

	if (st->mig_current != st->mig_pending)
		fprintf(out, "  MIG mode: %s now, %s after the pending GPU reset\n",
			st->mig_current ? "enabled" : "disabled",
			st->mig_pending ? "enabled" : "disabled");
	if (st->mig_pending != a->want->mig_enabled)
		fprintf(out, "  MIG mode: %s, the config wants it %s\n",
			st->mig_pending ? "enabled" : "disabled",
			a->want->mig_enabled ? "enabled" : "disabled");
}

static json_t *gpu_json(const struct assert_gpu *a, const char *config, int match)
{
	json_t *ex = json_array(), *mi = json_array();

	extra(a, NULL, ex);
	missing(a, NULL, mi);
	return json_pack("{s:i, s:s, s:s, s:b, s:o, s:o, s:{s:b, s:b, s:b}}", "gpu", a->st->index,
			 "model", a->st->model->key, "config", config, "matches", match, "extra",
			 ex, "missing", mi, "mig", "current", a->st->mig_current, "pending",
			 a->st->mig_pending, "wanted", a->want->mig_enabled);
}

static int report(const struct assert_gpu *a, const char *config, struct cli_ctx *ctx, json_t *all)
{
	const mig_step_plan *p = a->plan;
	int match =
		p->step_count == 0 && !p->reset_needed && a->st->mig_current == a->st->mig_pending;

	if (all) {
		json_array_append_new(all, gpu_json(a, config, match));
		return match ? 0 : 1;
	}
	fprintf(ctx->out, "GPU %u (%s): %s config '%s'%s\n", a->st->index, a->st->model->key,
		match ? "holds" : "differs from", config, match ? "" : ":");
	if (match)
		return 0;
	mode_diff(a, ctx->out);
	extra(a, ctx->out, NULL);
	missing(a, ctx->out, NULL);
	return 1;
}

static int assert_one(mig_system *sys, unsigned index, const mig_config_file *f,
		      const mig_config *c, struct cli_ctx *ctx, json_t *all)
{
	mig_config_desired want;
	mig_step_plan *plan = NULL;
	mig_gpu_state *st;
	int rc = mig_gpu_state_read(&st, sys, index);

	if (rc < 0)
		return cli_report_error(rc);
	rc = mig_reconcile_desired(&want, f, c, st);
	if (rc == 0 && want.entry)
		rc = mig_reconcile_plan(&plan, st, &want.want, MIG_RECONCILE_FORCE);
	if (rc < 0) {
		rc = cli_report_error(rc);
	} else if (!want.entry) {
		fprintf(ctx->json ? stderr : ctx->out,
			"GPU %u (%s): no entry of config '%s' selects it\n", index, st->model->key,
			c->name);
	} else {
		struct assert_gpu a = {st, &want.want, plan};

		rc = report(&a, c->name, ctx, all) ? CLI_EXIT_FAILED : CLI_EXIT_OK;
	}
	mig_step_plan_free(plan);
	mig_gpu_state_free(st);
	return rc;
}

static int assert_all(const mig_config_file *f, const mig_config *c, struct cli_ctx *ctx)
{
	unsigned indices[64];
	size_t count = 0, i;
	json_t *all = ctx->json ? json_array() : NULL;
	mig_system *sys;
	int rc, worst = 0;

	sys = cli_system_open(ctx, &rc);
	if (!sys) {
		json_decref(all);
		return rc;
	}
	rc = cli_select_gpus(sys, ctx, indices, 64, &count);
	for (i = 0; rc == 0 && i < count; i++) {
		int one = assert_one(sys, indices[i], f, c, ctx, all);

		if (one > CLI_EXIT_FAILED)
			rc = one;
		else if (one)
			worst = one;
	}
	mig_system_close(sys);
	if (all) {
		int jrc = cli_json_print(all, ctx->out);

		rc = rc ? rc : jrc;
	}
	return rc ? rc : worst;
}

int cmd_assert(int argc, char **argv, struct cli_ctx *ctx)
{
	mig_config_file *f = NULL;
	const mig_config *c = NULL;
	int npos, rc = cli_opt_parse(&assert_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	if (!file && !config_name)
		return cli_fail(CLI_EXIT_USAGE, "assert needs a config: -c NAME (with -f FILE for "
						"a layout file)");
	rc = mig_reconcile_load(&f, &c, file, config_name);
	if (rc < 0) {
		cli_report_error(rc);
		if (rc == MIG_ENOTFOUND && !file)
			return CLI_EXIT_USAGE;
		return rc == MIG_ENOMEM ? CLI_EXIT_FAILED : CLI_EXIT_BAD_FILE;
	}
	rc = assert_all(f, c, ctx);
	mig_config_file_free(f);
	return rc;
}
