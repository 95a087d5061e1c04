/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Target "k8s": the objects that make a cluster with NVIDIA's GPU Operator run the plan.
 *
 *  - one ConfigMap in the operator's namespace holding every node's layout as a config of
 *    mig-parted's v1 format, named after the node: what mig-manager reads once the ClusterPolicy
 *    points at it (migManager.config.name). It carries profile counts only, the format that
 *    mig-parted reads; mig-parted places the instances itself;
 *  - per node, the Node with the label nvidia.com/mig.config naming its config: applying it
 *    (server-side apply, or `kubectl label`) makes mig-manager re-partition that node;
 *  - per workload, a Deployment with the plan's replicas, each asking for one MIG device:
 *    nvidia.com/mig-<profile> under the device plugin's mixed strategy, nvidia.com/gpu under
 *    the single strategy (where every node's layout must be uniform, and the GPU Feature
 *    Discovery's product label then ends in -MIG-<profile>). Pods go to nodes by that product
 *    label; whole-GPU workloads ask for nvidia.com/gpu.
 */
#include "emit_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

static void metadata(struct emit_yaml *y, const char *name, const char *namespace)
{
	mig_emit__yaml_str(y, "metadata");
	mig_emit__yaml_map(y);
	mig_emit__yaml_kv(y, "name", name);
	if (namespace)
		mig_emit__yaml_kv(y, "namespace", namespace);
}

static void managed_label(struct emit_yaml *y)
{
	mig_emit__yaml_kv(y, "app.kubernetes.io/managed-by", "migctl");
}

/* Every selected node's config in one file: the ConfigMap's config.yaml. The configs move
 * from each node's export into one file (the public struct lets them). */
static int layouts(char **out, const struct emit_ctx *c)
{
	mig_config_file *all = calloc(1, sizeof(*all)), *one = NULL;
	size_t n;
	int rc = 0;

	if (!all ||
	    !(all->configs = calloc(c->node_end - c->node_first + 1, sizeof(*all->configs)))) {
		free(all);
		return mig_error_oom();
	}
	for (n = c->node_first; rc == 0 && n < c->node_end; n++) {
		if ((rc = mig_emit__node_config(&one, &c->in->nodes[n], 0)) < 0)
			break;
		all->configs[all->config_count++] = one->configs[0];
		one->config_count = 0;
		mig_config_file_free(one);
	}
	if (rc == 0)
		rc = mig_config_write(out, all);
	mig_config_file_free(all);
	return rc;
}

static int config_map(const struct emit_ctx *c)
{
	struct emit_yaml y;
	char *config = NULL, *text = NULL;
	int rc = layouts(&config, c);

	if (rc < 0 || (rc = mig_emit__yaml_begin(&y)) < 0) {
		free(config);
		return rc;
	}
	mig_emit__yaml_map(&y);
	mig_emit__yaml_kv(&y, "apiVersion", "v1");
	mig_emit__yaml_kv(&y, "kind", "ConfigMap");
	metadata(&y, MIG_EMIT_CONFIG_MAP, MIG_EMIT_OPERATOR_NAMESPACE);
	mig_emit__yaml_str(&y, "labels");
	mig_emit__yaml_map(&y);
	managed_label(&y);
	mig_emit__yaml_map_end(&y);
	mig_emit__yaml_map_end(&y);
	mig_emit__yaml_str(&y, "data");
	mig_emit__yaml_map(&y);
	mig_emit__yaml_str(&y, "config.yaml");
	mig_emit__yaml_literal(&y, config);
	mig_emit__yaml_map_end(&y);
	mig_emit__yaml_map_end(&y);
	free(config);
	rc = mig_emit__yaml_end(&y, NULL, &text);
	return rc < 0 ? rc
		      : mig_emit__add_file(c->out, "configmap-" MIG_EMIT_CONFIG_MAP ".yaml", text,
					   0644);
}

static int node_object(const struct emit_ctx *c, const mig_emit_node *n)
{
	char label[EMIT_NAME_MAX], file[EMIT_NAME_MAX + 16], *text = NULL;
	struct emit_yaml y;
	int rc = mig_emit__dns_label(label, sizeof(label), n->name, "node");

	if (rc < 0 || (rc = mig_emit__yaml_begin(&y)) < 0)
		return rc;
	mig_emit__yaml_map(&y);
	mig_emit__yaml_kv(&y, "apiVersion", "v1");
	mig_emit__yaml_kv(&y, "kind", "Node");
	metadata(&y, n->name, NULL);
	mig_emit__yaml_str(&y, "labels");
	mig_emit__yaml_map(&y);
	mig_emit__yaml_kv(&y, "nvidia.com/mig.config", n->name);
	mig_emit__yaml_map_end(&y);
	mig_emit__yaml_map_end(&y);
	mig_emit__yaml_map_end(&y);
	rc = mig_emit__yaml_end(&y, NULL, &text);
	snprintf(file, sizeof(file), "node-%s.yaml", label);
	return rc < 0 ? rc : mig_emit__add_file(c->out, file, text, 0644);
}

/* The single strategy shows a node's MIG devices as nvidia.com/gpu: only for uniform nodes. */
static int check_single(const struct emit_ctx *c)
{
	const mig_gi_profile *p;
	size_t n;

	for (n = c->node_first; n < c->node_end; n++)
		if (!mig_emit__node_uniform(&c->in->nodes[n], &p)) {
			mig_error_set(MIG_EINVALID,
				      "node %s: the single strategy needs every GPU of a node to "
				      "hold one profile (with whole compute instances) or MIG off",
				      c->in->nodes[n].name);
			mig_error_hint("use --strategy mixed");
			return MIG_EINVALID;
		}
	return 0;
}

static size_t replicas_here(const struct emit_ctx *c, const mig_emit_service *s)
{
	size_t r, n = 0;

	for (r = 0; r < s->replica_count; r++)
		n += s->replicas[r].node >= c->node_first && s->replicas[r].node < c->node_end;
	return n;
}

static void node_selector(struct emit_yaml *y, const struct emit_ctx *c, const mig_emit_service *s)
{
	char product[160];
	size_t len;

	mig_emit__product(product, sizeof(product), s->gpu);
	len = strlen(product);
	if (c->opts.strategy == MIG_EMIT_STRATEGY_SINGLE && s->profile)
		snprintf(product + len, sizeof(product) - len, "-MIG-%s", s->profile->name);
	mig_emit__yaml_str(y, "nodeSelector");
	mig_emit__yaml_map(y);
	mig_emit__yaml_kv(y, "nvidia.com/gpu.product", product);
	mig_emit__yaml_map_end(y);
}

static void limits(struct emit_yaml *y, const struct emit_ctx *c, const mig_emit_service *s)
{
	char resource[96];

	if (c->opts.strategy == MIG_EMIT_STRATEGY_SINGLE || !s->profile)
		snprintf(resource, sizeof(resource), "nvidia.com/gpu");
	else
		snprintf(resource, sizeof(resource), "nvidia.com/mig-%s",
			 mig_emit__device_profile(s));
	mig_emit__yaml_str(y, "resources");
	mig_emit__yaml_map(y);
	mig_emit__yaml_str(y, "limits");
	mig_emit__yaml_map(y);
	mig_emit__yaml_str(y, resource);
	mig_emit__yaml_int(y, s->profile ? 1 : s->replicas[0].gpu_count);
	mig_emit__yaml_map_end(y);
	mig_emit__yaml_map_end(y);
}

static int args(struct emit_yaml *y, const struct emit_ctx *c, const mig_emit_service *s)
{
	/* one Deployment for all replicas: {replica} has no single value here */
	return mig_emit__yaml_command(y, "args", c->opts.command, s, 0);
}

static int container(struct emit_yaml *y, const struct emit_ctx *c, const mig_emit_service *s)
{
	mig_strbuf image = MIG_STRBUF_INIT;
	int rc = 0;

	mig_emit__expand(&image, c->opts.image, s, 0);
	mig_emit__yaml_str(y, "containers");
	mig_emit__yaml_seq(y);
	mig_emit__yaml_map(y);
	mig_emit__yaml_kv(y, "name", s->name);
	mig_emit__yaml_kv(y, "image", mig_strbuf_str(&image));
	if (c->opts.command)
		rc = args(y, c, s);
	limits(y, c, s);
	mig_emit__yaml_map_end(y);
	mig_emit__yaml_seq_end(y);
	if (image.oom)
		rc = mig_error_oom();
	mig_strbuf_release(&image);
	return rc;
}

static void selector_labels(struct emit_yaml *y, const mig_emit_service *s)
{
	mig_emit__yaml_map(y);
	mig_emit__yaml_kv(y, "app.kubernetes.io/name", s->name);
	mig_emit__yaml_map_end(y);
}

static int spec(struct emit_yaml *y, const struct emit_ctx *c, const mig_emit_service *s)
{
	int rc;

	mig_emit__yaml_str(y, "spec");
	mig_emit__yaml_map(y);
	mig_emit__yaml_str(y, "replicas");
	mig_emit__yaml_int(y, (long long)replicas_here(c, s));
	mig_emit__yaml_str(y, "selector");
	mig_emit__yaml_map(y);
	mig_emit__yaml_str(y, "matchLabels");
	selector_labels(y, s);
	mig_emit__yaml_map_end(y);
	mig_emit__yaml_str(y, "template");
	mig_emit__yaml_map(y);
	mig_emit__yaml_str(y, "metadata");
	mig_emit__yaml_map(y);
	mig_emit__yaml_str(y, "labels");
	selector_labels(y, s);
	mig_emit__yaml_map_end(y);
	mig_emit__yaml_str(y, "spec");
	mig_emit__yaml_map(y);
	node_selector(y, c, s);
	rc = container(y, c, s);
	mig_emit__yaml_map_end(y);
	mig_emit__yaml_map_end(y);
	mig_emit__yaml_map_end(y);
	return rc;
}

static void annotations(struct emit_yaml *y, const mig_emit_service *s)
{
	mig_emit__yaml_str(y, "annotations");
	mig_emit__yaml_map(y);
	mig_emit__yaml_kv(y, "migctl/workload", s->workload);
	mig_emit__yaml_kv(y, "migctl/serving", mig_emit_serving_name(s->serving));
	if (s->profile)
		mig_emit__yaml_kv(y, "migctl/profile", mig_emit__device_profile(s));
	mig_emit__yaml_map_end(y);
}

static int deployment(const struct emit_ctx *c, const mig_emit_service *s)
{
	char file[EMIT_NAME_MAX + 16], *text = NULL;
	struct emit_yaml y;
	int rc = mig_emit__yaml_begin(&y);

	if (rc < 0)
		return rc;
	mig_emit__yaml_map(&y);
	mig_emit__yaml_kv(&y, "apiVersion", "apps/v1");
	mig_emit__yaml_kv(&y, "kind", "Deployment");
	metadata(&y, s->name, NULL);
	mig_emit__yaml_str(&y, "labels");
	mig_emit__yaml_map(&y);
	mig_emit__yaml_kv(&y, "app.kubernetes.io/name", s->name);
	managed_label(&y);
	mig_emit__yaml_map_end(&y);
	annotations(&y, s);
	mig_emit__yaml_map_end(&y);
	rc = spec(&y, c, s);
	mig_emit__yaml_map_end(&y);
	if (rc < 0) {
		mig_emit__yaml_release(&y);
		return rc;
	}
	rc = mig_emit__yaml_end(&y, NULL, &text);
	snprintf(file, sizeof(file), "deployment-%s.yaml", s->name);
	return rc < 0 ? rc : mig_emit__add_file(c->out, file, text, 0644);
}

static int render(struct emit_ctx *c)
{
	size_t i;
	int rc = 0;

	if (c->opts.strategy == MIG_EMIT_STRATEGY_SINGLE && (rc = check_single(c)) < 0)
		return rc;
	if ((rc = config_map(c)) < 0)
		return rc;
	for (i = c->node_first; rc == 0 && i < c->node_end; i++)
		rc = node_object(c, &c->in->nodes[i]);
	for (i = 0; rc == 0 && i < c->in->service_count; i++)
		if (replicas_here(c, &c->in->services[i]))
			rc = deployment(c, &c->in->services[i]);
	return rc;
}

const struct mig_emit_backend mig_emit__k8s = {
	.name = "k8s",
	.summary = "Kubernetes: mig-manager ConfigMap, node labels, one Deployment per workload",
	.yaml_stream = 1,
	.one_machine = 0,
	.render = render,
};
