/* SPDX-License-Identifier: Apache-2.0 */
/* migctl emit TARGET (--plan FILE | --from-state): hand a plan or this machine's instances to
 * Docker, Compose, Kubernetes or systemd (src/emit/ does the work). */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_system.h"
#include "exit.h"
#include "opt.h"
#include "output.h"
#include "migctl/emit.h"
#include "migctl/error.h"
#include "banned.h"

#define MAX_GPUS 64

static struct {
	const char *plan, *strategy, *image, *command, *node, *migctl, *out;
	int from_state, uuids;
} o;

static const struct cli_opt emit_opts[] = {
	CLI_OPT_STRING(0, "plan", &o.plan, "FILE", "the planner's JSON (migctl plan --json)"),
	CLI_OPT_FLAG(0, "from-state", &o.from_state,
		     "this machine's MIG devices instead, one service each"),
	CLI_OPT_FLAG(0, "uuids", &o.uuids,
		     "with --plan: name the node's devices by UUID, read here"),
	CLI_OPT_STRING(0, "node", &o.node, "NAME",
		       "only this node of the plan; with --from-state its name"),
	CLI_OPT_STRING(0, "strategy", &o.strategy, "S", "k8s: mixed (default) or single"),
	CLI_OPT_STRING(0, "image", &o.image, "IMAGE",
		       "container image; {name} is the service (default "
		       "registry.example.com/{name}:latest)"),
	CLI_OPT_STRING(0, "command", &o.command, "CMD",
		       "program and arguments to run (containers: the image's own; "
		       "systemd: /usr/local/bin/serve-model {name})"),
	CLI_OPT_STRING(0, "migctl", &o.migctl, "PATH",
		       "migctl in the commands (default /usr/local/bin/migctl)"),
	CLI_OPT_STRING('o', "out", &o.out, "DIR", "write one file per object into DIR"),
	CLI_OPT_END};

static const struct cli_cmd_spec emit_spec = {
	"emit",
	"TARGET",
	"Write what runs a plan's workloads on their MIG instances. TARGET is one of:\n"
	"  docker   run.sh: one 'docker run' per replica, each under 'migctl run'\n"
	"  compose  compose.yaml: one service per replica with its MIG device reserved\n"
	"  k8s      mig-manager's ConfigMap, the nodes' nvidia.com/mig.config labels, and a\n"
	"           Deployment per workload asking for nvidia.com/mig-<profile>\n"
	"  systemd  migctl-layout.service (the layout at every boot) and one service per replica\n"
	"The input is a plan (--plan) or this machine's MIG devices (--from-state). Output goes\n"
	"to stdout, or one file per object with --out; --json prints the files as JSON.",
	emit_opts,
	1,
	1,
	0};

static int known_target(const char *name)
{
	size_t i;

	for (i = 0; i < mig_emit_target_count(); i++)
		if (strcmp(name, mig_emit_target_name(i)) == 0)
			return 1;
	return 0;
}

static int check_args(const char *target, mig_emit_options *opts)
{
	if (!known_target(target))
		return cli_fail(CLI_EXIT_USAGE,
				"unknown target '%s': choose docker, compose, k8s or systemd",
				target);
	if (!o.plan == !o.from_state)
		return cli_fail(CLI_EXIT_USAGE,
				"'emit' needs --plan FILE or --from-state (one of them)");
	if (o.uuids && !o.plan)
		return cli_fail(CLI_EXIT_USAGE, "--uuids goes with --plan");
	if (o.strategy && mig_emit_strategy_parse(&opts->strategy, o.strategy) < 0)
		return cli_report_error(MIG_EINVALID);
	opts->image = o.image;
	opts->command = o.command;
	opts->migctl = o.migctl;
	opts->node = o.from_state ? NULL : o.node;
	return 0;
}

/* The states of the selected GPUs; count receives how many were read. */
static int read_states(struct cli_ctx *ctx, mig_gpu_state **states, size_t *count)
{
	unsigned indices[MAX_GPUS];
	size_t n = 0, i;
	mig_system *sys;
	int rc, err;

	sys = cli_system_open(ctx, &rc);
	if (!sys)
		return rc;
	rc = cli_select_gpus(sys, ctx, indices, MAX_GPUS, &n);
	for (i = 0; rc == 0 && i < n; i++, (*count)++)
		if ((err = mig_gpu_state_read(&states[i], sys, indices[i])) < 0)
			rc = cli_report_error(err);
	mig_system_close(sys);
	return rc;
}

static void free_states(mig_gpu_state **states, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		mig_gpu_state_free(states[i]);
}

static int load_input(struct cli_ctx *ctx, mig_emit_input **in)
{
	mig_gpu_state *states[MAX_GPUS];
	char host[256] = "localhost";
	size_t count = 0;
	int rc = 0, err = 0;

	if (o.plan && (err = mig_emit_input_load_plan(in, o.plan)) < 0) {
		rc = cli_report_error(err);
		return err == MIG_EINVALID ? CLI_EXIT_BAD_FILE : rc;
	}
	if (o.from_state || o.uuids)
		rc = read_states(ctx, states, &count);
	if (rc == 0 && o.from_state) {
		if (!o.node && gethostname(host, sizeof(host) - 1) == 0)
			host[sizeof(host) - 1] = '\0';
		err = mig_emit_input_from_state(in, o.node ? o.node : host,
						(const mig_gpu_state *const *)states, count);
	} else if (rc == 0 && o.uuids) {
		err = mig_emit_input_resolve(*in, o.node, (const mig_gpu_state *const *)states,
					     count);
	}
	free_states(states, count);
	if (rc == 0 && err < 0)
		rc = cli_report_error(err);
	return rc;
}

static int write_file(const char *dir, const mig_emit_file *f, FILE *listing)
{
	char path[4096];
	FILE *fp;
	int fd, ok;

	snprintf(path, sizeof(path), "%s/%s", dir, f->name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, (mode_t)f->mode);
	fp = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!fp) {
		if (fd >= 0)
			close(fd);
		return cli_fail(CLI_EXIT_FAILED, "cannot write %s: %s", path, strerror(errno));
	}
	ok = fputs(f->content, fp) >= 0;
	ok &= fchmod(fileno(fp), (mode_t)f->mode) == 0;
	ok &= fclose(fp) == 0;
	if (!ok)
		return cli_fail(CLI_EXIT_FAILED, "cannot write %s", path);
	fprintf(listing, "%s\n", path);
	return 0;
}

static int print_json(const mig_emit_output *out, FILE *fp)
{
	json_t *files = json_array();
	size_t i;

	for (i = 0; files && i < out->count; i++)
		json_array_append_new(files,
				      json_pack("{s:s, s:i, s:s}", "name", out->files[i].name,
						"mode", (int)out->files[i].mode, "content",
						out->files[i].content));
	return cli_json_print(json_pack("{s:s, s:o}", "target", out->target, "files", files), fp);
}

static int print_output(struct cli_ctx *ctx, const mig_emit_output *out)
{
	char *text;
	size_t i;
	int rc = 0;

	if (o.out) {
		if (mkdir(o.out, 0755) != 0 && errno != EEXIST)
			return cli_fail(CLI_EXIT_FAILED, "cannot create %s: %s", o.out,
					strerror(errno));
		for (i = 0; rc == 0 && i < out->count; i++)
			rc = write_file(o.out, &out->files[i], ctx->out);
		return rc;
	}
	if (ctx->json)
		return print_json(out, ctx->out);
	if (mig_emit_output_text(&text, out) < 0)
		return cli_report_error(MIG_ENOMEM);
	if (fputs(text, ctx->out) < 0)
		rc = cli_fail(CLI_EXIT_FAILED, "cannot write the output");
	free(text);
	return rc;
}

int cmd_emit(int argc, char **argv, struct cli_ctx *ctx)
{
	mig_emit_options opts = MIG_EMIT_OPTIONS_INIT;
	mig_emit_input *in = NULL;
	mig_emit_output *out = NULL;
	int npos, err, rc = cli_opt_parse(&emit_spec, argc, argv, &npos, ctx->out);

	if (rc)
		return rc == 1 ? CLI_EXIT_OK : rc;
	if ((rc = check_args(argv[1], &opts)) != 0 || (rc = load_input(ctx, &in)) != 0) {
		mig_emit_input_free(in);
		return rc;
	}
	err = mig_emit_render(&out, argv[1], in, &opts);
	rc = err < 0 ? cli_report_error(err) : print_output(ctx, out);
	mig_emit_output_free(out);
	mig_emit_input_free(in);
	return rc;
}
