/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Target "systemd": the units that bring one machine's plan up at every boot.
 *
 * MIG instances do not survive a reboot, and on Hopper and later GPUs neither does MIG mode,
 * so a oneshot unit (migctl-layout.service) applies the node's layout file, written beside the
 * units with each GI pinned at its planned start, before anything uses a GPU. Every replica is
 * a service ordered after it that starts its program with `migctl run`, which claims an idle
 * device of the planned profile on the planned GPU: the units name the device by GPU and
 * profile, never by UUID, because the layout unit makes the instances anew at each boot and
 * they get new UUIDs. A service restarts on failure (and then claims again).
 *
 * An instance the plan shares through MPS gets one more unit, the MPS control daemon running
 * on it under the claim; the services sharing it are its clients (through its pipe directory)
 * and are ordered after it. Whole-GPU services see their GPUs by index, in PCI order.
 */
#include "emit_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

#define MPS_ROOT "/run/migctl-mps/"

static void unit_head(mig_strbuf *sb, const char *description, const char *after)
{
	mig_strbuf_addf(sb, "[Unit]\nDescription=%s\nDocumentation=man:migctl(1)\n", description);
	if (after)
		mig_strbuf_addf(sb, "Requires=%s\nAfter=%s\n", after, after);
	mig_strbuf_adds(sb, "\n[Service]\n");
}

static void unit_tail(mig_strbuf *sb, int restart)
{
	if (restart)
		mig_strbuf_adds(sb, "Restart=on-failure\nRestartSec=5\n");
	mig_strbuf_adds(sb, "\n[Install]\nWantedBy=multi-user.target\n");
}

static int layout_files(const struct emit_ctx *c, const mig_emit_node *n)
{
	mig_config_file *f = NULL;
	mig_strbuf sb = MIG_STRBUF_INIT;
	char *yaml = NULL;
	int rc = mig_emit__node_config(&f, n, 1);

	if (rc == 0)
		rc = mig_config_write(&yaml, f);
	mig_config_file_free(f);
	if (rc < 0)
		return rc;
	mig_strbuf_addf(&sb, "# migctl emit systemd: the layout of node %s; install as %s\n%s",
			n->name, MIG_EMIT_LAYOUT_PATH, yaml);
	free(yaml);
	if ((rc = mig_emit__add_strbuf(c->out, "migctl-layouts.yaml", &sb, 0644)) < 0)
		return rc;
	mig_strbuf_addf(&sb,
			"# migctl emit systemd: %s, node %s\n"
			"# MIG instances do not survive a reboot (on Hopper and later GPUs neither"
			" does MIG\n"
			"# mode): make the node's layout at every boot, before the services.\n",
			c->in->source, n->name);
	mig_strbuf_addf(
		&sb,
		"[Unit]\nDescription=MIG layout of %s (migctl)\nDocumentation=man:migctl(1)\n"
		"After=nvidia-persistenced.service\n\n[Service]\nType=oneshot\n"
		"RemainAfterExit=yes\nExecStart=",
		n->name);
	mig_emit__unit_word(&sb, c->opts.migctl);
	mig_strbuf_addf(&sb, " apply -f %s -c ", MIG_EMIT_LAYOUT_PATH);
	mig_emit__unit_word(&sb, n->name);
	mig_strbuf_adds(&sb, "\n");
	unit_tail(&sb, 0);
	return mig_emit__add_strbuf(c->out, "migctl-layout.service", &sb, 0644);
}

/* The program: absolute as systemd wants it (through env when the command names none). */
static int program(mig_strbuf *sb, const struct emit_ctx *c, const mig_emit_service *s, size_t r,
		   int direct)
{
	char **w = NULL;
	size_t n = 0, i;
	int rc = mig_emit__command_words(
		&w, &n, c->opts.command ? c->opts.command : MIG_EMIT_DEFAULT_COMMAND, s, r);

	if (rc == 0 && direct && w[0][0] != '/')
		mig_strbuf_adds(sb, "/usr/bin/env ");
	for (i = 0; rc == 0 && i < n; i++) {
		if (i)
			mig_strbuf_addch(sb, ' ');
		mig_emit__unit_word(sb, w[i]);
	}
	free(w);
	return rc;
}

static int mps_unit(const struct emit_ctx *c, const mig_emit_service *s, size_t r)
{
	const mig_emit_replica *rep = &s->replicas[r];
	mig_strbuf sb = MIG_STRBUF_INIT;
	char inst[64], file[EMIT_NAME_MAX], desc[160];

	mig_emit__mps_name(inst, sizeof(inst), rep);
	snprintf(desc, sizeof(desc), "MPS control daemon on the %s at %d of GPU %u (migctl)",
		 s->profile->name, rep->start, rep->gpu);
	unit_head(&sb, desc, "migctl-layout.service");
	mig_strbuf_addf(&sb,
			"Environment=CUDA_MPS_PIPE_DIRECTORY=" MPS_ROOT "%s"
			" CUDA_MPS_LOG_DIRECTORY=" MPS_ROOT "%s/log\n"
			"RuntimeDirectory=migctl-mps/%s migctl-mps/%s/log\nExecStart=",
			inst, inst, inst, inst);
	mig_emit__claim(&sb, c, s, rep, 1);
	mig_strbuf_adds(&sb, " -- nvidia-cuda-mps-control -f\n");
	unit_tail(&sb, 1);
	snprintf(file, sizeof(file), "migctl-mps-%s.service", inst);
	return mig_emit__add_strbuf(c->out, file, &sb, 0644);
}

static void describe(char *buf, size_t len, const mig_emit_service *s, size_t r)
{
	const mig_emit_replica *rep = &s->replicas[r];
	char name[EMIT_NAME_MAX];

	mig_emit__replica_name(name, sizeof(name), s, r);
	if (s->profile)
		snprintf(buf, len, "%s on a %s of GPU %u (migctl)", name, s->profile->name,
			 rep->gpu);
	else
		snprintf(buf, len, "%s on %u whole GPU%s from %u (migctl)", name, rep->gpu_count,
			 rep->gpu_count == 1 ? "" : "s", rep->gpu);
}

static int service_unit(const struct emit_ctx *c, size_t si, size_t r)
{
	const mig_emit_service *s = &c->in->services[si];
	const mig_emit_replica *rep = &s->replicas[r];
	mig_strbuf sb = MIG_STRBUF_INIT;
	char name[EMIT_NAME_MAX], file[EMIT_NAME_MAX + 16], desc[EMIT_NAME_MAX + 96];
	char inst[64], after[160];
	unsigned k;
	int rc;

	describe(desc, sizeof(desc), s, r);
	snprintf(after, sizeof(after), "migctl-layout.service");
	if (s->serving == MIG_EMIT_SERVE_MPS)
		snprintf(after, sizeof(after), "migctl-layout.service migctl-mps-%s.service",
			 mig_emit__mps_name(inst, sizeof(inst), rep));
	unit_head(&sb, desc, after);
	if (s->serving == MIG_EMIT_SERVE_MPS)
		mig_strbuf_addf(&sb, "Environment=CUDA_MPS_PIPE_DIRECTORY=" MPS_ROOT "%s\n", inst);
	if (s->serving == MIG_EMIT_SERVE_FULL_GPU) {
		mig_strbuf_adds(&sb,
				"Environment=CUDA_DEVICE_ORDER=PCI_BUS_ID CUDA_VISIBLE_DEVICES");
		for (k = 0; k < rep->gpu_count; k++)
			mig_strbuf_addf(&sb, "%c%u", k ? ',' : '=', rep->gpu + k);
		mig_strbuf_addch(&sb, '\n');
	}
	mig_strbuf_adds(&sb, "ExecStart=");
	if (s->serving == MIG_EMIT_SERVE_MIG) {
		mig_emit__claim(&sb, c, s, rep, 1);
		mig_strbuf_adds(&sb, " -- ");
	}
	rc = program(&sb, c, s, r, s->serving != MIG_EMIT_SERVE_MIG);
	mig_strbuf_addch(&sb, '\n');
	unit_tail(&sb, 1);
	if (rc < 0) {
		mig_strbuf_release(&sb);
		return rc;
	}
	snprintf(file, sizeof(file), "migctl-%s.service",
		 mig_emit__replica_name(name, sizeof(name), s, r));
	return mig_emit__add_strbuf(c->out, file, &sb, 0644);
}

static int render(struct emit_ctx *c)
{
	const mig_emit_input *in = c->in;
	size_t node, s, r;
	int rc = 0;

	for (node = c->node_first; rc == 0 && node < c->node_end; node++) {
		rc = layout_files(c, &in->nodes[node]);
		for (s = 0; rc == 0 && s < in->service_count; s++)
			for (r = 0; rc == 0 && r < in->services[s].replica_count; r++) {
				if (in->services[s].replicas[r].node != node)
					continue;
				if (in->services[s].serving == MIG_EMIT_SERVE_MPS &&
				    mig_emit__mps_first(in, s, r) == s * 65536 + r)
					rc = mps_unit(c, &in->services[s], r);
				if (rc == 0)
					rc = service_unit(c, s, r);
			}
	}
	return rc;
}

const struct mig_emit_backend mig_emit__systemd = {
	.name = "systemd",
	.summary = "systemd units: the layout at boot, one service per replica after it",
	.yaml_stream = 0,
	.one_machine = 1,
	.render = render,
};
