/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Target "compose": a Compose file for one machine, one service per replica (Compose's own
 * replicas would all get the same devices). Each service reserves its MIG device through
 * `deploy.resources.reservations.devices` with the nvidia driver.
 *
 * Compose cannot ask migctl for a device when a container starts, so the device is named in the
 * file: its UUID when known (--from-state, or a plan resolved on the machine), else a variable
 * per planned instance, "${MIG_GPU0_3G_40GB_AT4:?...}", which Compose refuses to start without
 * rather than guess. MIG device UUIDs change whenever the instances are made again (at every
 * boot with the systemd target's layout unit), so a file with UUIDs is for the layout as it is.
 * Services sharing an instance through MPS also get the pipe directory of the MPS control
 * daemon that `migctl emit systemd` runs on the host for that instance.
 */
#include "emit_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#include "error_util.h"
#include "banned.h"

#define MPS_ROOT "/run/migctl-mps/"

static void device_value(mig_strbuf *sb, const mig_emit_service *s, const mig_emit_replica *r)
{
	const char *p;

	if (r->uuid) {
		mig_strbuf_adds(sb, r->uuid);
		return;
	}
	mig_strbuf_addf(sb, "${MIG_GPU%u_", r->gpu);
	for (p = s->profile->name; *p; p++)
		mig_strbuf_addch(sb, isalnum((unsigned char)*p) ? (char)toupper((unsigned char)*p)
								: '_');
	mig_strbuf_addf(sb, "_AT%d:?the MIG device UUID of the %s at %d on GPU %u}", r->start,
			s->profile->name, r->start, r->gpu);
}

static void devices(struct emit_yaml *y, const mig_emit_service *s, const mig_emit_replica *r)
{
	mig_strbuf id = MIG_STRBUF_INIT;
	unsigned k;

	mig_emit__yaml_str(y, "deploy");
	mig_emit__yaml_map(y);
	mig_emit__yaml_str(y, "resources");
	mig_emit__yaml_map(y);
	mig_emit__yaml_str(y, "reservations");
	mig_emit__yaml_map(y);
	mig_emit__yaml_str(y, "devices");
	mig_emit__yaml_seq(y);
	mig_emit__yaml_map(y);
	mig_emit__yaml_kv(y, "driver", "nvidia");
	mig_emit__yaml_str(y, "device_ids");
	mig_emit__yaml_flow_seq(y);
	for (k = 0; k < r->gpu_count; k++) {
		mig_strbuf_reset(&id);
		if (s->serving == MIG_EMIT_SERVE_FULL_GPU)
			mig_strbuf_addf(&id, "%u", r->gpu + k);
		else
			device_value(&id, s, r);
		mig_emit__yaml_str(y, mig_strbuf_str(&id));
	}
	mig_emit__yaml_seq_end(y);
	mig_emit__yaml_str(y, "capabilities");
	mig_emit__yaml_flow_seq(y);
	mig_emit__yaml_str(y, "gpu");
	mig_emit__yaml_seq_end(y);
	mig_emit__yaml_map_end(y);
	mig_emit__yaml_seq_end(y);
	mig_emit__yaml_map_end(y);
	mig_emit__yaml_map_end(y);
	mig_emit__yaml_map_end(y);
	if (id.oom)
		y->failed = 1;
	mig_strbuf_release(&id);
}

static void mps(struct emit_yaml *y, const mig_emit_replica *r)
{
	char dir[EMIT_NAME_MAX], inst[64], vol[2 * EMIT_NAME_MAX + 2];

	snprintf(dir, sizeof(dir), MPS_ROOT "%s", mig_emit__mps_name(inst, sizeof(inst), r));
	snprintf(vol, sizeof(vol), "%s:%s", dir, dir);
	mig_emit__yaml_kv(y, "ipc", "host");
	mig_emit__yaml_str(y, "environment");
	mig_emit__yaml_map(y);
	mig_emit__yaml_kv(y, "CUDA_MPS_PIPE_DIRECTORY", dir);
	mig_emit__yaml_map_end(y);
	mig_emit__yaml_str(y, "volumes");
	mig_emit__yaml_seq(y);
	mig_emit__yaml_str(y, vol);
	mig_emit__yaml_seq_end(y);
}

static int service(struct emit_yaml *y, const struct emit_ctx *c, const mig_emit_service *s,
		   size_t r)
{
	mig_strbuf image = MIG_STRBUF_INIT;
	char name[EMIT_NAME_MAX];
	int rc = 0;

	mig_emit__expand(&image, c->opts.image, s, r);
	mig_emit__yaml_str(y, mig_emit__replica_name(name, sizeof(name), s, r));
	mig_emit__yaml_map(y);
	mig_emit__yaml_kv(y, "image", mig_strbuf_str(&image));
	if (c->opts.command)
		rc = mig_emit__yaml_command(y, "command", c->opts.command, s, r);
	mig_emit__yaml_kv(y, "restart", "unless-stopped");
	if (s->serving == MIG_EMIT_SERVE_MPS)
		mps(y, &s->replicas[r]);
	devices(y, s, &s->replicas[r]);
	mig_emit__yaml_map_end(y);
	if (image.oom)
		y->failed = 1;
	mig_strbuf_release(&image);
	return rc;
}

static char *header(const struct emit_ctx *c, const mig_emit_node *n)
{
	mig_strbuf sb = MIG_STRBUF_INIT;

	mig_strbuf_addf(
		&sb,
		"# migctl emit compose: %s, node %s\n"
		"# Make the node's layout first (migctl apply). Devices are MIG device UUIDs;"
		" where\n"
		"# a variable stands instead, set it (migctl emit compose --uuids on the node"
		" writes\n"
		"# them in). UUIDs change when instances are made again: emit again after.\n",
		c->in->source, n->name);
	return mig_strbuf_detach(&sb);
}

static int render_node(struct emit_ctx *c, size_t node)
{
	const mig_emit_input *in = c->in;
	char project[EMIT_NAME_MAX], *head = header(c, &in->nodes[node]), *text = NULL;
	struct emit_yaml y;
	size_t s, r;
	int rc;

	if (!head || (rc = mig_emit__yaml_begin(&y)) < 0) {
		free(head);
		return mig_error_oom();
	}
	mig_emit__yaml_map(&y);
	if (mig_emit__dns_label(project, sizeof(project), in->nodes[node].name, "node") == 0)
		mig_emit__yaml_kv(&y, "name", project);
	mig_error_clear();
	mig_emit__yaml_str(&y, "services");
	mig_emit__yaml_map(&y);
	for (s = 0; rc == 0 && s < in->service_count; s++)
		for (r = 0; rc == 0 && r < in->services[s].replica_count; r++)
			if (in->services[s].replicas[r].node == node)
				rc = service(&y, c, &in->services[s], r);
	mig_emit__yaml_map_end(&y);
	mig_emit__yaml_map_end(&y);
	if (rc < 0)
		mig_emit__yaml_release(&y);
	else
		rc = mig_emit__yaml_end(&y, head, &text);
	free(head);
	return rc < 0 ? rc : mig_emit__add_file(c->out, "compose.yaml", text, 0644);
}

static int render(struct emit_ctx *c)
{
	size_t node;
	int rc;

	for (node = c->node_first; node < c->node_end; node++)
		if ((rc = render_node(c, node)) < 0)
			return rc;
	return 0;
}

const struct mig_emit_backend mig_emit__compose = {
	.name = "compose",
	.summary = "a Compose file: one service per replica with its MIG device reserved",
	.yaml_stream = 0,
	.one_machine = 1,
	.render = render,
};
