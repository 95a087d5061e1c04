/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The planner's JSON (src/plan/plan_json.c) as emit input. Only what the targets need is read:
 * each planned GPU (its node, its device index there, MIG on or off, its instances with their
 * starts) and each workload (how it is served, its replicas). Every GPU layout is checked with
 * the geometry rules and every replica against the layout it claims to sit in, so a hand-edited
 * plan cannot make a target write a layout the driver would refuse.
 */
#include "emit_internal.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "migctl/geometry.h"
#include "error_util.h"
#include "banned.h"

/* A planned GPU as the workloads refer to it (by its "id"). */
struct plan_gpu {
	json_int_t id;
	size_t node;
	unsigned device;
	const mig_gpu *model;
};

struct reader {
	const char *name;
	mig_emit_input *in;
	size_t gpu_count;
	struct plan_gpu *gpus;
};

static int bad(const struct reader *r, const char *where, const char *what)
{
	return mig_error_set(MIG_EINVALID, "%s: %s: %s", r->name, where, what);
}

static int get_string(const struct reader *r, json_t *o, const char *key, const char *where,
		      const char **out)
{
	json_t *v = json_object_get(o, key);
	char msg[96];

	if (json_is_string(v)) {
		*out = json_string_value(v);
		return 0;
	}
	snprintf(msg, sizeof(msg), "'%s' must be a string", key);
	return bad(r, where, msg);
}

static int get_uint(const struct reader *r, json_t *o, const char *key, const char *where,
		    json_int_t max, json_int_t *out)
{
	json_t *v = json_object_get(o, key);
	char msg[128];

	if (json_is_integer(v) && json_integer_value(v) >= 0 && json_integer_value(v) <= max) {
		*out = json_integer_value(v);
		return 0;
	}
	snprintf(msg, sizeof(msg), "'%s' must be a whole number from 0 to %lld", key,
		 (long long)max);
	return bad(r, where, msg);
}

static size_t node_of(struct reader *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->in->node_count; i++)
		if (strcmp(r->in->nodes[i].name, name) == 0)
			return i;
	return mig_emit__add_node(r->in, name) ? r->in->node_count - 1 : (size_t)-1;
}

static mig_config_gpu_layout *node_gpu(mig_emit_node *n, unsigned device)
{
	size_t i;

	for (i = 0; i < n->gpu_count; i++)
		if (n->gpus[i].index == (int)device)
			return &n->gpus[i];
	return NULL;
}

/* The instances of a GPU with MIG on, checked with the geometry rules. */
static int read_instances(struct reader *r, json_t *list, mig_config_layout *l, const char *where)
{
	mig_layout placed;
	char at[96];
	size_t i;
	json_t *v;

	if (!json_is_array(list) || json_array_size(list) > MIG_LAYOUT_MAX)
		return bad(r, where, "'instances' must be a list of at most 32 instances");
	mig_layout_init(&placed, l->gpu);
	json_array_foreach(list, i, v)
	{
		const char *profile = NULL;
		json_int_t start = 0;
		int rc;

		snprintf(at, sizeof(at), "%s.instances[%zu]", where, i);
		if ((rc = get_string(r, v, "profile", at, &profile)) < 0 ||
		    (rc = get_uint(r, v, "start", at, 31, &start)) < 0)
			return rc;
		if ((rc = mig_catalog_find_profile(&l->gi[i].profile, l->gpu, profile)) < 0) {
			mig_error_prefix("%s: %s", r->name, at);
			return MIG_EINVALID;
		}
		l->gi[i].start = (int)start;
		l->gi[i].ci_count = 1;
		l->gi[i].ci[0] = mig_catalog_default_ci(l->gi[i].profile);
		mig_layout_add(&placed, l->gi[i].profile, (int)start);
	}
	l->gi_count = json_array_size(list);
	if (mig_geometry_check(&placed, NULL) < 0) {
		mig_error_prefix("%s: %s", r->name, where);
		return MIG_EINVALID;
	}
	return 0;
}

static int read_gpu(struct reader *r, json_t *o, size_t i)
{
	struct plan_gpu *pg = &r->gpus[i];
	mig_config_gpu_layout *g;
	const char *key = NULL, *node = NULL;
	json_int_t device = 0;
	char where[32], msg[160];
	mig_emit_node *n;
	int rc;

	snprintf(where, sizeof(where), "gpus[%zu]", i);
	if ((rc = get_uint(r, o, "id", where, 1 << 30, &pg->id)) < 0 ||
	    (rc = get_string(r, o, "gpu", where, &key)) < 0 ||
	    (rc = get_string(r, o, "node", where, &node)) < 0 ||
	    (rc = get_uint(r, o, "device", where, MIG_CONFIG_MAX_INDEX, &device)) < 0)
		return rc;
	if (!json_is_boolean(json_object_get(o, "mig_enabled")))
		return bad(r, where, "'mig_enabled' must be true or false");
	if (!(pg->model = mig_catalog_by_key(key))) {
		snprintf(msg, sizeof(msg), "unknown GPU '%.64s'", key);
		return bad(r, where, msg);
	}
	if ((pg->node = node_of(r, node)) == (size_t)-1)
		return MIG_ENOMEM;
	n = &r->in->nodes[pg->node];
	if (node_gpu(n, (unsigned)device)) {
		snprintf(msg, sizeof(msg), "node '%.64s' has device %u twice", node,
			 (unsigned)device);
		return bad(r, where, msg);
	}
	g = realloc(n->gpus, (n->gpu_count + 1) * sizeof(*g));
	if (!g)
		return mig_error_oom();
	n->gpus = g;
	g = &n->gpus[n->gpu_count++];
	memset(g, 0, sizeof(*g));
	g->index = (int)device;
	g->layout.gpu = pg->model;
	g->layout.mig_enabled = json_is_true(json_object_get(o, "mig_enabled"));
	pg->device = (unsigned)device;
	if (!n->gpu)
		n->gpu = pg->model;
	if (!g->layout.mig_enabled)
		return 0;
	return read_instances(r, json_object_get(o, "instances"), &g->layout, where);
}

static const struct plan_gpu *find_gpu(const struct reader *r, json_int_t id)
{
	size_t i;

	for (i = 0; i < r->gpu_count; i++)
		if (r->gpus[i].id == id)
			return &r->gpus[i];
	return NULL;
}

static const mig_config_gpu_layout *layout_of(const struct reader *r, const struct plan_gpu *pg)
{
	return node_gpu(&r->in->nodes[pg->node], pg->device);
}

/* A replica on a MIG instance: the GPU must hold its profile at its start. */
static int mig_replica(struct reader *r, mig_emit_service *s, json_t *o, mig_emit_replica *rep,
		       const struct plan_gpu *pg, const char *where)
{
	const mig_config_layout *l = &layout_of(r, pg)->layout;
	json_int_t start = 0;
	char msg[160];
	size_t i;
	int rc;

	if ((rc = get_uint(r, o, "start", where, 31, &start)) < 0)
		return rc;
	rep->start = (int)start;
	for (i = 0; i < l->gi_count; i++)
		if (l->gi[i].profile == s->profile && l->gi[i].start == rep->start)
			return 0;
	snprintf(msg, sizeof(msg), "GPU %lld has no %s at %d", (long long)pg->id, s->profile->name,
		 rep->start);
	return bad(r, where, msg);
}

/* A replica on whole GPUs: ids id .. id + n - 1, on one node, MIG off. */
static int full_replica(struct reader *r, json_t *o, mig_emit_replica *rep,
			const struct plan_gpu *pg, const char *where)
{
	json_int_t n = 0, k;
	char msg[160];
	int rc;

	if ((rc = get_uint(r, o, "gpus", where, 64, &n)) < 0)
		return rc;
	if (n < 1)
		return bad(r, where, "'gpus' must be at least 1");
	for (k = 0; k < n; k++) {
		const struct plan_gpu *other = find_gpu(r, pg->id + k);

		if (!other || other->node != pg->node || other->device != pg->device + k ||
		    layout_of(r, other)->layout.mig_enabled) {
			snprintf(msg, sizeof(msg),
				 "GPU %lld is not a whole GPU next to GPU %lld on its node",
				 (long long)(pg->id + k), (long long)pg->id);
			return bad(r, where, msg);
		}
	}
	rep->gpu_count = (unsigned)n;
	return 0;
}

static int read_replica(struct reader *r, mig_emit_service *s, json_t *o, const char *where)
{
	const struct plan_gpu *pg;
	mig_emit_replica *rep;
	json_int_t id = 0;
	char msg[160];
	int rc;

	if ((rc = get_uint(r, o, "gpu", where, 1 << 30, &id)) < 0)
		return rc;
	if (!(pg = find_gpu(r, id)) || pg->model != s->gpu) {
		snprintf(msg, sizeof(msg), "the plan has no %s GPU %lld", s->gpu->key,
			 (long long)id);
		return bad(r, where, msg);
	}
	if (!(rep = mig_emit__add_replica(s)))
		return MIG_ENOMEM;
	rep->node = pg->node;
	rep->gpu = pg->device;
	rep->gpu_count = 1;
	if (s->serving == MIG_EMIT_SERVE_FULL_GPU)
		return full_replica(r, o, rep, pg, where);
	return mig_replica(r, s, o, rep, pg, where);
}

static int read_serving(struct reader *r, mig_emit_service *s, json_t *o, const char *where)
{
	const char *serving = NULL, *key = NULL;
	json_t *profile = json_object_get(o, "profile");
	char msg[160];
	int rc;

	if ((rc = get_string(r, o, "serving", where, &serving)) < 0 ||
	    (rc = get_string(r, o, "gpu", where, &key)) < 0)
		return rc;
	for (s->serving = 0; s->serving < MIG_EMIT_SERVE__COUNT; s->serving++)
		if (strcmp(serving, mig_emit_serving_name(s->serving)) == 0)
			break;
	if (s->serving == MIG_EMIT_SERVE__COUNT)
		return bad(r, where, "'serving' must be mig, mps or full-gpu");
	if (!(s->gpu = mig_catalog_by_key(key))) {
		snprintf(msg, sizeof(msg), "unknown GPU '%.64s'", key);
		return bad(r, where, msg);
	}
	if (s->serving == MIG_EMIT_SERVE_FULL_GPU)
		return 0;
	if (!json_is_string(profile))
		return bad(r, where, "'profile' must be a string");
	if (mig_catalog_find_profile(&s->profile, s->gpu, json_string_value(profile)) < 0) {
		mig_error_prefix("%s: %s", r->name, where);
		return MIG_EINVALID;
	}
	return 0;
}

static int read_workload(struct reader *r, json_t *o, size_t i)
{
	char where[48], label[EMIT_NAME_MAX];
	mig_emit_service *s;
	const char *name = NULL;
	json_t *reps = json_object_get(o, "replicas"), *v;
	size_t k;
	int rc;

	snprintf(where, sizeof(where), "workloads[%zu]", i);
	if ((rc = get_string(r, o, "name", where, &name)) < 0)
		return rc;
	if ((rc = mig_emit__dns_label(label, sizeof(label), name, "workload")) < 0) {
		mig_error_prefix("%s: %s", r->name, where);
		return rc;
	}
	if (!(s = mig_emit__add_service(r->in, name)) || !(s->name = strdup(label)))
		return mig_error_oom();
	if ((rc = read_serving(r, s, o, where)) < 0)
		return rc;
	if (!json_is_array(reps) || json_array_size(reps) == 0)
		return bad(r, where, "'replicas' must be a list of at least one replica");
	json_array_foreach(reps, k, v)
	{
		char at[80];

		snprintf(at, sizeof(at), "%s.replicas[%zu]", where, k);
		if ((rc = read_replica(r, s, v, at)) < 0)
			return rc;
	}
	return 0;
}

static int read_plan(struct reader *r, json_t *root)
{
	json_t *gpus = json_object_get(root, "gpus"), *works = json_object_get(root, "workloads");
	json_t *v;
	size_t i;
	int rc;

	if (!json_is_object(root) || !json_is_array(gpus) || !json_is_array(works))
		return mig_error_set(
			MIG_EINVALID,
			"%s: not a migctl plan (an object with 'gpus' and 'workloads')", r->name);
	r->gpus = calloc(json_array_size(gpus) + 1, sizeof(*r->gpus));
	if (!r->gpus)
		return mig_error_oom();
	json_array_foreach(gpus, i, v)
	{
		if ((rc = read_gpu(r, v, i)) < 0)
			return rc;
		if (find_gpu(r, r->gpus[i].id))
			return bad(r, "gpus", "two GPUs have one id");
		r->gpu_count++;
	}
	json_array_foreach(works, i, v) if ((rc = read_workload(r, v, i)) < 0) return rc;
	return mig_emit__check_names(r->in);
}

int mig_emit_input_parse_plan(mig_emit_input **out, const char *text, size_t len, const char *name)
{
	struct reader r = {name ? name : "<plan>", NULL, 0, NULL};
	json_error_t err;
	json_t *root;
	int rc;

	root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
	if (!root)
		return mig_error_set(MIG_EINVALID, "%s:%d:%d: %s", r.name, err.line, err.column,
				     err.text);
	r.in = calloc(1, sizeof(*r.in));
	if (!r.in || !(r.in->source = strdup(r.name)))
		rc = mig_error_oom();
	else
		rc = read_plan(&r, root);
	json_decref(root);
	free(r.gpus);
	if (rc < 0) {
		mig_emit_input_free(r.in);
		return rc;
	}
	*out = r.in;
	return 0;
}

int mig_emit_input_load_plan(mig_emit_input **out, const char *path)
{
	FILE *f = fopen(path, "rb");
	mig_strbuf sb = MIG_STRBUF_INIT;
	char buf[8192];
	size_t n;
	int rc;

	if (!f)
		return mig_error_set(errno == ENOENT ? MIG_ENOTFOUND : MIG_EIO,
				     "cannot read %s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0 && sb.len < (64u << 20))
		mig_strbuf_add(&sb, buf, n);
	rc = ferror(f) ? mig_error_set(MIG_EIO, "cannot read %s", path) : 0;
	fclose(f);
	if (!rc && sb.oom)
		rc = mig_error_oom();
	if (!rc)
		rc = mig_emit_input_parse_plan(out, mig_strbuf_str(&sb), sb.len, path);
	mig_strbuf_release(&sb);
	return rc;
}
