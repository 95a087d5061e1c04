/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Target "docker": a shell script with one `docker run` line per replica, for one machine.
 *
 * Which MIG device a container gets is decided when it starts, by `migctl run`: it claims an
 * idle device of the planned profile on the planned GPU (or the given UUID), holds the claim
 * while the program it runs lives, and passes the device on in NVIDIA_VISIBLE_DEVICES. The
 * program is the docker client in the foreground, so the claim lasts as long as the container
 * and no two lines, nor any other `migctl run`, can get one device. (Resolving the device in a
 * `$(...)` before `docker run -d` would drop the claim before the container starts.) The
 * container sees the device through the NVIDIA Container Toolkit's runtime (`--runtime=nvidia
 * -e NVIDIA_VISIBLE_DEVICES`, the value passed through from migctl's environment).
 *
 * Workloads the plan puts on one instance through MPS share one claim: a single line claims
 * the instance, starts an MPS control daemon on it and runs their containers as its clients.
 */
#include "emit_internal.h"

#include <stdio.h>
#include <stdlib.h>

#include "error_util.h"
#include "banned.h"

#define MPS_ROOT "/run/migctl-mps/"

static int words(mig_strbuf *sb, const char *tmpl, const mig_emit_service *s, size_t r)
{
	char **w = NULL;
	size_t n = 0, i;
	int rc = mig_emit__command_words(&w, &n, tmpl, s, r);

	for (i = 0; rc == 0 && i < n; i++) {
		mig_strbuf_addch(sb, ' ');
		mig_emit__sh_word(sb, w[i]);
	}
	free(w);
	return rc;
}

/* docker run ... IMAGE [COMMAND]; mps is the pipe directory of a shared instance, or NULL. */
static int docker_run(mig_strbuf *sb, const struct emit_ctx *c, const mig_emit_service *s, size_t r,
		      const char *mps)
{
	const mig_emit_replica *rep = &s->replicas[r];
	char name[EMIT_NAME_MAX];
	unsigned k;
	int rc;

	mig_strbuf_adds(sb, "docker run --rm --name ");
	mig_strbuf_adds(sb, mig_emit__replica_name(name, sizeof(name), s, r));
	mig_strbuf_adds(sb, " --runtime=nvidia -e NVIDIA_VISIBLE_DEVICES");
	if (s->serving == MIG_EMIT_SERVE_FULL_GPU)
		for (k = 0; k < rep->gpu_count; k++)
			mig_strbuf_addf(sb, "%c%u", k ? ',' : '=', rep->gpu + k);
	if (mps)
		mig_strbuf_addf(sb, " --ipc=host -e CUDA_MPS_PIPE_DIRECTORY -v %s:%s", mps, mps);
	if ((rc = words(sb, c->opts.image, s, r)) < 0)
		return rc;
	return c->opts.command ? words(sb, c->opts.command, s, r) : 0;
}

/* The line of an MPS instance, with every service sharing it (written at the first one). */
static int mps_line(mig_strbuf *sb, const struct emit_ctx *c, size_t si, size_t ri)
{
	const mig_emit_input *in = c->in;
	const mig_emit_replica *first = &in->services[si].replicas[ri];
	mig_strbuf inner = MIG_STRBUF_INIT;
	char dir[EMIT_NAME_MAX], inst[64];
	size_t s, r;
	int rc = 0;

	snprintf(dir, sizeof(dir), MPS_ROOT "%s", mig_emit__mps_name(inst, sizeof(inst), first));
	mig_strbuf_addf(&inner,
			"export CUDA_MPS_PIPE_DIRECTORY=%s CUDA_MPS_LOG_DIRECTORY=%s/log; "
			"mkdir -p \"$CUDA_MPS_LOG_DIRECTORY\" && nvidia-cuda-mps-control -d || "
			"exit 1; ",
			dir, dir);
	mig_strbuf_addf(sb, "# %s of GPU %u at %d, shared through MPS by:",
			in->services[si].profile->name, first->gpu, first->start);
	for (s = si; s < in->service_count; s++)
		for (r = 0; rc == 0 && r < in->services[s].replica_count; r++)
			if (in->services[s].serving == MIG_EMIT_SERVE_MPS &&
			    mig_emit__mps_first(in, s, r) == si * 65536 + ri) {
				mig_strbuf_addf(sb, " %s", in->services[s].name);
				rc = docker_run(&inner, c, &in->services[s], r, dir);
				mig_strbuf_adds(&inner, " & ");
			}
	mig_strbuf_adds(&inner, "wait; echo quit | nvidia-cuda-mps-control");
	mig_strbuf_addch(sb, '\n');
	mig_emit__claim(sb, c, &in->services[si], first, 0);
	mig_strbuf_adds(sb, " -- sh -c ");
	mig_emit__sh_word(sb, mig_strbuf_str(&inner));
	mig_strbuf_adds(sb, " &\n");
	mig_strbuf_release(&inner);
	return rc;
}

static int replica_line(mig_strbuf *sb, const struct emit_ctx *c, size_t s, size_t r)
{
	const mig_emit_service *svc = &c->in->services[s];
	int rc;

	if (svc->serving == MIG_EMIT_SERVE_MPS)
		return mig_emit__mps_first(c->in, s, r) == s * 65536 + r ? mps_line(sb, c, s, r)
									 : 0;
	if (svc->serving == MIG_EMIT_SERVE_MIG) {
		mig_emit__claim(sb, c, svc, &svc->replicas[r], 0);
		mig_strbuf_adds(sb, " -- ");
	}
	rc = docker_run(sb, c, svc, r, NULL);
	mig_strbuf_adds(sb, " &\n");
	return rc;
}

static void header(mig_strbuf *sb, const struct emit_ctx *c, const mig_emit_node *n)
{
	mig_strbuf_addf(sb, "#!/bin/sh\n# migctl emit docker: %s, node %s (%zu x %s)\n",
			c->in->source, n->name, n->gpu_count,
			n->gpu ? n->gpu->nvml_name : "no GPU");
	mig_strbuf_adds(
		sb,
		"#\n"
		"# Make the node's layout first (migctl apply; after a reboot too). Each line "
		"claims its\n"
		"# MIG device with 'migctl run' (an idle device of the planned profile on the "
		"planned GPU,\n"
		"# or the UUID given), held while its container runs, and hands it to the "
		"container as\n"
		"# NVIDIA_VISIBLE_DEVICES (NVIDIA Container Toolkit runtime). This script starts "
		"every\n"
		"# container in the background and waits for them.\n");
}

static int render(struct emit_ctx *c)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	size_t node, s, r;
	int rc = 0;

	for (node = c->node_first; node < c->node_end; node++) {
		header(&sb, c, &c->in->nodes[node]);
		for (s = 0; rc == 0 && s < c->in->service_count; s++)
			for (r = 0; rc == 0 && r < c->in->services[s].replica_count; r++)
				if (c->in->services[s].replicas[r].node == node)
					rc = replica_line(&sb, c, s, r);
		mig_strbuf_adds(&sb, "wait\n");
	}
	if (rc < 0) {
		mig_strbuf_release(&sb);
		return rc;
	}
	return mig_emit__add_strbuf(c->out, "run.sh", &sb, 0755);
}

const struct mig_emit_backend mig_emit__docker = {
	.name = "docker",
	.summary = "a shell script: one 'docker run' per replica, each under 'migctl run'",
	.yaml_stream = 0,
	.one_machine = 1,
	.render = render,
};
