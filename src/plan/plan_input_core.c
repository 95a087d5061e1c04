/* SPDX-License-Identifier: Apache-2.0 */
/* The plan input in memory: defaults, names, checked appends, lifecycle. */
#include "plan_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

static const char *const dtype_names[MIG_PLAN_DTYPE__COUNT] = {
	"fp32", "fp16", "bf16", "fp8", "int8", "int4",
};
static const double dtype_bytes[MIG_PLAN_DTYPE__COUNT] = {4, 2, 2, 1, 1, 0.5};

const char *mig_plan_dtype_name(mig_plan_dtype t)
{
	return (unsigned)t < MIG_PLAN_DTYPE__COUNT ? dtype_names[t] : "?";
}

double mig_plan_dtype_bytes(mig_plan_dtype t)
{
	return (unsigned)t < MIG_PLAN_DTYPE__COUNT ? dtype_bytes[t] : 0;
}

const char *mig_plan_isolation_name(mig_plan_isolation i)
{
	return i == MIG_PLAN_ISOLATION_SHAREABLE ? "shareable" : "required";
}

void mig_plan_workload_init(mig_plan_workload *w)
{
	memset(w, 0, sizeof(*w));
	w->dtype = MIG_PLAN_DTYPE_FP16;
	w->kv_dtype = MIG_PLAN_DTYPE__COUNT; /* the weights' type */
	w->weights_bytes = MIG_PLAN_AUTO;
	w->memory_bytes = MIG_PLAN_AUTO;
	w->kv_cache_bytes = MIG_PLAN_AUTO;
	w->kv_bytes_per_token = MIG_PLAN_AUTO;
	w->context = 4096;
	w->batch = 1;
	w->replicas = 1;
	w->max_replicas = 64;
	w->isolation = MIG_PLAN_ISOLATION_REQUIRED;
}

static char *dup_str(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	if (d)
		memcpy(d, s, n);
	return d;
}

int mig_plan_input_new(mig_plan_input **out, const char *source)
{
	static const mig_plan_model_params defaults = MIG_PLAN_MODEL_PARAMS_INIT;
	mig_plan_input *in = calloc(1, sizeof(*in));

	if (!in)
		return mig_error_oom();
	in->source = dup_str(source ? source : "<input>");
	if (!in->source) {
		free(in);
		return mig_error_oom();
	}
	in->model = defaults;
	*out = in;
	return 0;
}

/* Grow an array by one element; returns the new element (zeroed) or NULL. */
static void *grow(void **array, size_t *count, size_t size)
{
	char *p;

	if (*count >= ((size_t)-1 / 2) / size)
		return NULL;
	p = realloc(*array, (*count + 1) * size);
	if (!p)
		return NULL;
	*array = p;
	memset(p + *count * size, 0, size);
	return p + (*count)++ * size;
}

int mig_plan_input_add_gpu(mig_plan_input *in, const mig_plan_fleet_entry *e)
{
	mig_plan_fleet_entry *d;
	char *name;

	if (!e->gpu)
		return mig_error_set(MIG_EINVALID, "fleet entry without a GPU");
	if (!(e->price_per_hour >= 0) || !isfinite(e->price_per_hour))
		return mig_error_set(MIG_EINVALID, "negative price for '%s'", e->gpu->key);
	name = dup_str(e->name ? e->name : e->gpu->key);
	if (!name)
		return mig_error_oom();
	d = grow((void **)&in->fleet, &in->fleet_count, sizeof(*d));
	if (!d) {
		free(name);
		return mig_error_oom();
	}
	*d = *e;
	d->name = name;
	if (d->gpus_per_node == 0)
		d->gpus_per_node = 8;
	return 0;
}

static int check_workload(const mig_plan_input *in, const mig_plan_workload *w)
{
	size_t i;

	if (!w->name || !w->name[0])
		return mig_error_set(MIG_EINVALID, "workload without a name");
	for (i = 0; i < in->workload_count; i++)
		if (strcmp(in->workloads[i].name, w->name) == 0)
			return mig_error_set(MIG_EINVALID, "duplicate workload name '%s'", w->name);
	if (!(w->params >= 0) || !isfinite(w->params))
		return mig_error_set(MIG_EINVALID, "workload '%s': negative parameters", w->name);
	if (!(w->throughput >= 0) || !isfinite(w->throughput))
		return mig_error_set(MIG_EINVALID, "workload '%s': negative throughput", w->name);
	if (w->replicas == 0 || w->max_replicas < w->replicas)
		return mig_error_set(MIG_EINVALID,
				     "workload '%s': replicas must be 1 to max_replicas (%u)",
				     w->name, w->max_replicas);
	if (w->batch == 0)
		return mig_error_set(MIG_EINVALID, "workload '%s': batch must be at least 1",
				     w->name);
	if ((unsigned)w->dtype >= MIG_PLAN_DTYPE__COUNT ||
	    (unsigned)w->isolation >= MIG_PLAN_ISOLATION__COUNT)
		return mig_error_set(MIG_EINVALID, "workload '%s': bad type or isolation", w->name);
	if (w->params == 0 && w->weights_bytes == MIG_PLAN_AUTO && w->memory_bytes == MIG_PLAN_AUTO)
		return mig_error_set(MIG_EINVALID,
				     "workload '%s': give its size: params, weights or memory",
				     w->name);
	return 0;
}

int mig_plan_input_add_workload(mig_plan_input *in, const mig_plan_workload *w)
{
	mig_plan_workload *d;
	char *name;
	int rc = check_workload(in, w);

	if (rc < 0)
		return rc;
	name = dup_str(w->name);
	if (!name)
		return mig_error_oom();
	d = grow((void **)&in->workloads, &in->workload_count, sizeof(*d));
	if (!d) {
		free(name);
		return mig_error_oom();
	}
	*d = *w;
	d->name = name;
	if ((unsigned)d->kv_dtype >= MIG_PLAN_DTYPE__COUNT)
		d->kv_dtype = d->dtype;
	return 0;
}

int mig_plan_input_add_gpu_calibration(mig_plan_input *in, const mig_plan_gpu_calibration *c)
{
	mig_plan_gpu_calibration *d;

	if (!c->gpu)
		return mig_error_set(MIG_EINVALID, "calibration without a GPU");
	if (!(c->bandwidth_gbs >= 0 && c->fp16_tflops >= 0 && c->decode_efficiency >= 0 &&
	      c->prefill_efficiency >= 0 && c->decode_efficiency <= 1 &&
	      c->prefill_efficiency <= 1))
		return mig_error_set(MIG_EINVALID, "calibration of '%s': values out of range",
				     c->gpu->key);
	d = grow((void **)&in->gpu_calibration, &in->gpu_calibration_count, sizeof(*d));
	if (!d)
		return mig_error_oom();
	*d = *c;
	return 0;
}

int mig_plan_input_add_measurement(mig_plan_input *in, const mig_plan_measurement *m)
{
	mig_plan_measurement *d;
	char *name;

	if (!m->gpu || !m->workload)
		return mig_error_set(MIG_EINVALID, "measurement without a GPU or a workload");
	if (!(m->decode_tokens_per_s >= 0 && m->prefill_tokens_per_s >= 0))
		return mig_error_set(MIG_EINVALID, "measurement of '%s': negative throughput",
				     m->workload);
	name = dup_str(m->workload);
	if (!name)
		return mig_error_oom();
	d = grow((void **)&in->measurements, &in->measurement_count, sizeof(*d));
	if (!d) {
		free(name);
		return mig_error_oom();
	}
	*d = *m;
	d->workload = name;
	return 0;
}

void mig_plan_input_free(mig_plan_input *in)
{
	size_t i;

	if (!in)
		return;
	for (i = 0; i < in->fleet_count; i++)
		free((char *)in->fleet[i].name);
	for (i = 0; i < in->workload_count; i++)
		free((char *)in->workloads[i].name);
	for (i = 0; i < in->measurement_count; i++)
		free((char *)in->measurements[i].workload);
	free(in->fleet);
	free(in->workloads);
	free(in->gpu_calibration);
	free(in->measurements);
	free(in->source);
	free(in);
}
