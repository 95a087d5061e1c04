/* SPDX-License-Identifier: Apache-2.0 */
/* The planner's input file: fleet, workloads, defaults and model constants (docs/planner.md). */
#include "plan_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "parse_util.h"
#include "plan_yaml.h"
#include "banned.h"

static const char *const top_keys[] = {"fleet", "workloads",   "defaults",
				       "model", "calibration", NULL};
static const char *const fleet_keys[] = {"gpu",	 "count",	  "price_per_hour",
					 "name", "gpus_per_node", NULL};
static const char *const workload_keys[] = {"name",
					    "params",
					    "dtype",
					    "weights",
					    "memory",
					    "context",
					    "batch",
					    "kv_cache",
					    "kv_bytes_per_token",
					    "layers",
					    "hidden",
					    "heads",
					    "kv_heads",
					    "kv_dtype",
					    "replicas",
					    "max_replicas",
					    "throughput",
					    "isolation",
					    NULL};
static const char *const model_keys[] = {"overhead",
					 "overhead_fraction",
					 "decode_efficiency",
					 "prefill_efficiency",
					 "mps_fraction",
					 "max_tensor_parallel",
					 NULL};

static int fleet_count(struct plan_yaml *y, yaml_node_t *n, unsigned *out)
{
	if (n->type == YAML_SCALAR_NODE && mig_strcaseeq(mig_plan__yaml_text(n), "unlimited")) {
		*out = MIG_PLAN_UNLIMITED;
		return 0;
	}
	return mig_plan__yaml_uint(y, n, 0, MIG_PLAN_UNLIMITED - 1, out);
}

static int fleet_entry(mig_plan_input *in, struct plan_yaml *y, yaml_node_t *map)
{
	mig_plan_fleet_entry e = {0};
	yaml_node_t *n;
	int rc = mig_plan__yaml_check_keys(y, map, "a fleet entry", fleet_keys);

	if (rc < 0)
		return rc;
	e.count = MIG_PLAN_UNLIMITED;
	e.where = mig_plan__yaml_where(map);
	n = mig_plan__yaml_get(y, map, "gpu");
	if (!n)
		return mig_plan__yaml_error(y, map, "fleet entry without 'gpu'");
	if ((rc = mig_plan__yaml_gpu(y, n, &e.gpu)) < 0)
		return rc;
	/* nodes and messages use the name the user wrote ("h100-80gb"), not the catalog key */
	e.name = mig_plan__yaml_text(n);
	if ((n = mig_plan__yaml_get(y, map, "count")) && (rc = fleet_count(y, n, &e.count)) < 0)
		return rc;
	if ((n = mig_plan__yaml_get(y, map, "price_per_hour")) &&
	    (rc = mig_plan__yaml_number(y, n, 0, 1e6, &e.price_per_hour)) < 0)
		return rc;
	if ((n = mig_plan__yaml_get(y, map, "gpus_per_node")) &&
	    (rc = mig_plan__yaml_uint(y, n, 1, 64, &e.gpus_per_node)) < 0)
		return rc;
	if ((n = mig_plan__yaml_get(y, map, "name"))) {
		if ((rc = mig_plan__yaml_expect(y, n, YAML_SCALAR_NODE)) < 0)
			return rc;
		e.name = mig_plan__yaml_text(n);
	}
	rc = mig_plan_input_add_gpu(in, &e);
	return rc < 0 ? mig_plan__yaml_prefix(y, map, rc) : 0;
}

static int isolation(struct plan_yaml *y, yaml_node_t *n, mig_plan_isolation *out)
{
	int rc = mig_plan__yaml_expect(y, n, YAML_SCALAR_NODE);
	const char *s = mig_plan__yaml_text(n);

	if (rc < 0)
		return rc;
	if (mig_strcaseeq(s, "required"))
		*out = MIG_PLAN_ISOLATION_REQUIRED;
	else if (mig_strcaseeq(s, "shareable"))
		*out = MIG_PLAN_ISOLATION_SHAREABLE;
	else
		return mig_plan__yaml_error(y, n, "unknown isolation '%s' (required or shareable)",
					    s);
	return 0;
}

/* The size fields of a workload (or of the defaults). */
static int workload_sizes(struct plan_yaml *y, yaml_node_t *map, mig_plan_workload *w)
{
	yaml_node_t *n;
	int rc = 0;

	if ((n = mig_plan__yaml_get(y, map, "params")))
		rc = mig_plan__yaml_count(y, n, &w->params);
	if (!rc && (n = mig_plan__yaml_get(y, map, "dtype")))
		rc = mig_plan__yaml_dtype(y, n, &w->dtype);
	if (!rc && (n = mig_plan__yaml_get(y, map, "kv_dtype")))
		rc = mig_plan__yaml_dtype(y, n, &w->kv_dtype);
	if (!rc && (n = mig_plan__yaml_get(y, map, "weights")))
		rc = mig_plan__yaml_bytes(y, n, &w->weights_bytes);
	if (!rc && (n = mig_plan__yaml_get(y, map, "memory"))) {
		rc = mig_plan__yaml_bytes(y, n, &w->memory_bytes);
		if (!rc && w->memory_bytes == 0)
			rc = mig_plan__yaml_error(y, n, "memory must be more than 0");
	}
	if (!rc && (n = mig_plan__yaml_get(y, map, "kv_cache")))
		rc = mig_plan__yaml_bytes(y, n, &w->kv_cache_bytes);
	if (!rc && (n = mig_plan__yaml_get(y, map, "kv_bytes_per_token")))
		rc = mig_plan__yaml_bytes(y, n, &w->kv_bytes_per_token);
	if (!rc && (n = mig_plan__yaml_get(y, map, "context")))
		rc = mig_plan__yaml_uint(y, n, 0, 100000000, &w->context);
	if (!rc && (n = mig_plan__yaml_get(y, map, "batch")))
		rc = mig_plan__yaml_uint(y, n, 1, 65536, &w->batch);
	return rc;
}

static int workload_shape(struct plan_yaml *y, yaml_node_t *map, mig_plan_workload *w)
{
	yaml_node_t *n;
	int rc = 0;

	if ((n = mig_plan__yaml_get(y, map, "layers")))
		rc = mig_plan__yaml_uint(y, n, 1, 100000, &w->layers);
	if (!rc && (n = mig_plan__yaml_get(y, map, "hidden")))
		rc = mig_plan__yaml_uint(y, n, 1, 10000000, &w->hidden);
	if (!rc && (n = mig_plan__yaml_get(y, map, "heads")))
		rc = mig_plan__yaml_uint(y, n, 1, 100000, &w->heads);
	if (!rc && (n = mig_plan__yaml_get(y, map, "kv_heads"))) {
		rc = mig_plan__yaml_uint(y, n, 1, 100000, &w->kv_heads);
		if (!rc && w->heads && w->kv_heads > w->heads)
			rc = mig_plan__yaml_error(y, n, "kv_heads (%u) is more than heads (%u)",
						  w->kv_heads, w->heads);
	}
	return rc;
}

static int workload_serving(struct plan_yaml *y, yaml_node_t *map, mig_plan_workload *w)
{
	yaml_node_t *n, *mr;
	int rc = 0;

	if ((n = mig_plan__yaml_get(y, map, "replicas")))
		rc = mig_plan__yaml_uint(y, n, 1, PLAN_MAX_COUNT, &w->replicas);
	if (!rc && (mr = mig_plan__yaml_get(y, map, "max_replicas")))
		rc = mig_plan__yaml_uint(y, mr, 1, PLAN_MAX_COUNT, &w->max_replicas);
	if (!rc && w->max_replicas < w->replicas) {
		/* without its own max_replicas a workload may ask more than the default */
		if (!mig_plan__yaml_get(y, map, "max_replicas"))
			w->max_replicas = w->replicas;
		else
			rc = mig_plan__yaml_error(y, mig_plan__yaml_get(y, map, "max_replicas"),
						  "max_replicas (%u) is less than replicas (%u)",
						  w->max_replicas, w->replicas);
	}
	if (!rc && (n = mig_plan__yaml_get(y, map, "throughput")))
		rc = mig_plan__yaml_number(y, n, 0, 1e9, &w->throughput);
	if (!rc && (n = mig_plan__yaml_get(y, map, "isolation")))
		rc = isolation(y, n, &w->isolation);
	return rc;
}

static int workload_fields(struct plan_yaml *y, yaml_node_t *map, mig_plan_workload *w)
{
	int rc = workload_sizes(y, map, w);

	if (!rc)
		rc = workload_shape(y, map, w);
	if (!rc)
		rc = workload_serving(y, map, w);
	return rc;
}

static int workload(mig_plan_input *in, struct plan_yaml *y, yaml_node_t *map,
		    const mig_plan_workload *defaults)
{
	mig_plan_workload w = *defaults;
	yaml_node_t *n;
	int rc = mig_plan__yaml_check_keys(y, map, "a workload", workload_keys);

	if (rc < 0)
		return rc;
	w.where = mig_plan__yaml_where(map);
	n = mig_plan__yaml_get(y, map, "name");
	if (!n)
		return mig_plan__yaml_error(y, map, "workload without 'name'");
	if ((rc = mig_plan__yaml_expect(y, n, YAML_SCALAR_NODE)) < 0)
		return rc;
	w.name = mig_plan__yaml_text(n);
	if ((rc = workload_fields(y, map, &w)) < 0)
		return rc;
	if (w.params == 0 && w.weights_bytes == MIG_PLAN_AUTO && w.memory_bytes == MIG_PLAN_AUTO)
		return mig_plan__yaml_error(y, map,
					    "workload '%s' has no size: give params, weights or "
					    "memory",
					    w.name);
	rc = mig_plan_input_add_workload(in, &w);
	return rc < 0 ? mig_plan__yaml_prefix(y, n, rc) : 0;
}

static int model_section(mig_plan_input *in, struct plan_yaml *y, yaml_node_t *map)
{
	mig_plan_model_params *m = &in->model;
	yaml_node_t *n;
	int rc = mig_plan__yaml_check_keys(y, map, "model", model_keys);

	if (!rc && (n = mig_plan__yaml_get(y, map, "overhead")))
		rc = mig_plan__yaml_bytes(y, n, &m->overhead_bytes);
	if (!rc && (n = mig_plan__yaml_get(y, map, "overhead_fraction")))
		rc = mig_plan__yaml_number(y, n, 0, 10, &m->overhead_fraction);
	if (!rc && (n = mig_plan__yaml_get(y, map, "decode_efficiency")))
		rc = mig_plan__yaml_number(y, n, 0.01, 1, &m->decode_efficiency);
	if (!rc && (n = mig_plan__yaml_get(y, map, "prefill_efficiency")))
		rc = mig_plan__yaml_number(y, n, 0.01, 1, &m->prefill_efficiency);
	if (!rc && (n = mig_plan__yaml_get(y, map, "mps_fraction")))
		rc = mig_plan__yaml_number(y, n, 0, 1, &m->mps_fraction);
	if (!rc && (n = mig_plan__yaml_get(y, map, "max_tensor_parallel")))
		rc = mig_plan__yaml_uint(y, n, 1, 64, &m->max_tensor_parallel);
	return rc;
}

static int defaults_section(struct plan_yaml *y, yaml_node_t *map, mig_plan_workload *d)
{
	int rc = mig_plan__yaml_check_keys(y, map, "defaults", workload_keys);

	if (rc < 0)
		return rc;
	if (mig_plan__yaml_get(y, map, "name"))
		return mig_plan__yaml_error(y, mig_plan__yaml_get(y, map, "name"),
					    "defaults cannot give a name");
	return workload_fields(y, map, d);
}

static int each_item(mig_plan_input *in, struct plan_yaml *y, yaml_node_t *list,
		     const mig_plan_workload *defaults)
{
	yaml_node_item_t *it;
	int rc = mig_plan__yaml_expect(y, list, YAML_SEQUENCE_NODE);

	for (it = list->data.sequence.items.start; !rc && it < list->data.sequence.items.top;
	     it++) {
		yaml_node_t *n = mig_plan__yaml_node(y, *it);

		rc = defaults ? workload(in, y, n, defaults) : fleet_entry(in, y, n);
	}
	return rc;
}

static int document(mig_plan_input *in, struct plan_yaml *y, int calibration_only)
{
	static const char *const calib_keys[] = {"calibration", NULL};
	mig_plan_workload defaults;
	yaml_node_t *root = mig_plan__yaml_root(y), *n;
	int rc;

	if (!root)
		return mig_error_set(MIG_EINVALID, "%s: the file is empty", y->name);
	rc = mig_plan__yaml_check_keys(y, root, "the file",
				       calibration_only ? calib_keys : top_keys);
	if (rc < 0)
		return rc;
	mig_plan_workload_init(&defaults);
	if (!calibration_only) {
		if ((n = mig_plan__yaml_get(y, root, "model")) &&
		    (rc = model_section(in, y, n)) < 0)
			return rc;
		if ((n = mig_plan__yaml_get(y, root, "defaults")) &&
		    (rc = defaults_section(y, n, &defaults)) < 0)
			return rc;
		if ((n = mig_plan__yaml_get(y, root, "fleet")) &&
		    (rc = each_item(in, y, n, NULL)) < 0)
			return rc;
		if ((n = mig_plan__yaml_get(y, root, "workloads")) &&
		    (rc = each_item(in, y, n, &defaults)) < 0)
			return rc;
	}
	if ((n = mig_plan__yaml_get(y, root, "calibration")))
		return mig_plan__calibration_section(in, y, n);
	return 0;
}

int mig_plan__input_apply_yaml(mig_plan_input *in, const char *text, size_t len, const char *name,
			       int calibration_only)
{
	struct plan_yaml y;
	int rc = mig_plan__yaml_load(&y, text, len, name);

	if (rc < 0)
		return rc;
	rc = document(in, &y, calibration_only);
	mig_plan__yaml_release(&y);
	return rc;
}

int mig_plan_input_parse(mig_plan_input **out, const char *text, size_t len, const char *name)
{
	mig_plan_input *in;
	int rc = mig_plan_input_new(&in, name);

	if (rc < 0)
		return rc;
	rc = mig_plan__input_apply_yaml(in, text, len, in->source, 0);
	if (rc < 0) {
		mig_plan_input_free(in);
		return rc;
	}
	*out = in;
	return 0;
}

/* Read a whole file into a NUL-terminated buffer. */
static int read_file(const char *path, char **text, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *p;
	size_t n = 0, cap = 0, got;

	if (!f)
		return mig_error_set(MIG_EIO, "cannot open '%s'", path);
	do {
		if (n + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			p = realloc(buf, cap);
			if (!p) {
				free(buf);
				fclose(f);
				return mig_error_oom();
			}
			buf = p;
		}
		got = fread(buf + n, 1, 4096, f);
		n += got;
	} while (got == 4096);
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return mig_error_set(MIG_EIO, "cannot read '%s'", path);
	}
	fclose(f);
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

int mig_plan_input_load(mig_plan_input **out, const char *path)
{
	char *text;
	size_t len;
	int rc = read_file(path, &text, &len);

	if (rc < 0)
		return rc;
	rc = mig_plan_input_parse(out, text, len, path);
	free(text);
	return rc;
}

int mig_plan_input_load_calibration(mig_plan_input *in, const char *path)
{
	char *text;
	size_t len;
	int rc = read_file(path, &text, &len);

	if (rc < 0)
		return rc;
	rc = mig_plan__input_apply_yaml(in, text, len, path, 1);
	free(text);
	return rc;
}
