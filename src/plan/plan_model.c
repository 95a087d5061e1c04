/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The planner's model (docs/planner.md has the formulas and their sources):
 *  - memory: weights + KV cache + runtime overhead, compared with a profile's memory as the
 *    catalog gives it;
 *  - decode is bound by memory bandwidth, and an instance's bandwidth follows its memory slices
 *    (reference/performance.md: bus width 640/1280/2560 of 5120 bits for 1g/2g/3g on A100);
 *  - prefill is bound by FP16 compute, and an instance's share follows its SMs.
 */
#include "plan_internal.h"

#include <math.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

/*
 * Without the model's shape, the KV cache is estimated from the parameter count for a dense
 * Llama-like transformer: params ~ 12 x layers x hidden^2 and hidden ~ 128 x layers
 * (Llama-2 7B: 32 x 4096, 13B: 40 x 5120), with one KV head per attention head. Models with
 * grouped-query attention need less; give `layers`, `hidden` and `kv_heads` for them.
 */
#define SHAPE_HIDDEN_PER_LAYER	 128.0
#define SHAPE_PARAMS_PER_HIDDEN2 12.0

static double weights_of(const mig_plan_workload *w)
{
	if (w->weights_bytes != MIG_PLAN_AUTO)
		return (double)w->weights_bytes;
	if (w->params > 0)
		return w->params * mig_plan_dtype_bytes(w->dtype);
	return 0;
}

static double params_of(const mig_plan_workload *w, double weights)
{
	if (w->params > 0)
		return w->params;
	if (weights > 0)
		return weights / mig_plan_dtype_bytes(w->dtype);
	if (w->memory_bytes != MIG_PLAN_AUTO)
		return (double)w->memory_bytes / mig_plan_dtype_bytes(w->dtype);
	return 0;
}

static mig_plan_dtype kv_dtype(const mig_plan_workload *w)
{
	return (unsigned)w->kv_dtype < MIG_PLAN_DTYPE__COUNT ? w->kv_dtype : w->dtype;
}

static double kv_per_token(const mig_plan_workload *w, double params)
{
	double bytes = mig_plan_dtype_bytes(kv_dtype(w)), hidden, layers, share = 1;

	if (w->kv_bytes_per_token != MIG_PLAN_AUTO)
		return (double)w->kv_bytes_per_token;
	if (w->layers && w->hidden) {
		if (w->heads && w->kv_heads)
			share = (double)w->kv_heads / w->heads;
		/* a K and a V vector per layer per token */
		return 2.0 * w->layers * w->hidden * share * bytes;
	}
	hidden = cbrt(params * SHAPE_HIDDEN_PER_LAYER / SHAPE_PARAMS_PER_HIDDEN2);
	layers = hidden / SHAPE_HIDDEN_PER_LAYER;
	return 2.0 * layers * hidden * bytes;
}

int mig_plan_model_need(mig_plan_need *out, const mig_plan_input *in, const mig_plan_workload *w)
{
	double weights = weights_of(w), params = params_of(w, weights), kv, overhead, total;
	mig_plan_need n;

	memset(&n, 0, sizeof(n));
	if (!(params > 0) && w->memory_bytes == MIG_PLAN_AUTO)
		return mig_error_set(MIG_EINVALID, "workload '%s' has no size", w->name);
	n.params = params;
	n.kv_bytes_per_token = kv_per_token(w, params);
	kv = w->kv_cache_bytes != MIG_PLAN_AUTO ? (double)w->kv_cache_bytes
						: n.kv_bytes_per_token * w->context * w->batch;
	overhead = (double)in->model.overhead_bytes + in->model.overhead_fraction * (weights + kv);
	total = weights + kv + overhead;
	if (w->memory_bytes != MIG_PLAN_AUTO) {
		n.given = 1;
		total = (double)w->memory_bytes;
		kv = overhead = 0;
		if (weights == 0)
			weights = total;
	}
	if (total >= 1e18)
		return mig_error_set(MIG_EINVALID, "workload '%s' is too large to size", w->name);
	n.weights_bytes = (uint64_t)llround(weights);
	n.kv_bytes = (uint64_t)llround(kv);
	n.overhead_bytes = (uint64_t)llround(overhead);
	n.total_bytes = n.given ? w->memory_bytes : n.weights_bytes + n.kv_bytes + n.overhead_bytes;
	n.total_mib = (unsigned)((n.total_bytes + (1u << 20) - 1) >> 20);
	*out = n;
	return 0;
}

struct peaks {
	double bandwidth_gbs, tflops, decode_eff, prefill_eff;
};

/* The whole-GPU peaks and efficiencies, with calibration applied (later entries win). */
static void gpu_peaks(struct peaks *p, const mig_plan_input *in, const mig_gpu *gpu)
{
	const mig_plan_gpu_perf *perf = mig_plan_gpu_perf_find(gpu);
	size_t i;

	p->bandwidth_gbs = perf ? perf->bandwidth_gbs : 0;
	p->tflops = perf ? perf->fp16_tflops : 0;
	p->decode_eff = in->model.decode_efficiency;
	p->prefill_eff = in->model.prefill_efficiency;
	for (i = 0; i < in->gpu_calibration_count; i++) {
		const mig_plan_gpu_calibration *c = &in->gpu_calibration[i];

		if (c->gpu != gpu)
			continue;
		if (c->bandwidth_gbs > 0)
			p->bandwidth_gbs = c->bandwidth_gbs;
		if (c->fp16_tflops > 0)
			p->tflops = c->fp16_tflops;
		if (c->decode_efficiency > 0)
			p->decode_eff = c->decode_efficiency;
		if (c->prefill_efficiency > 0)
			p->prefill_eff = c->prefill_efficiency;
	}
}

/*
 * An instance's share of the SMs. Where the catalog lacks a profile's SM count, its compute
 * slices stand in, scaled by the SMs MIG mode keeps (98 of 108 on A100).
 */
static double sm_share(const mig_gpu *gpu, const mig_gi_profile *p)
{
	double kept = 1;

	if (p->sms && gpu->sms)
		return (double)p->sms / gpu->sms;
	if (gpu->sms && gpu->sms_in_largest_gi)
		kept = (double)gpu->sms_in_largest_gi / gpu->sms;
	return (double)p->slices / gpu->compute_slices * kept;
}

double mig_plan__bandwidth_share(const mig_gpu *gpu, const mig_gi_profile *p)
{
	return (double)p->mem_slices / gpu->memory_slices;
}

double mig_plan__effective_bandwidth(const mig_plan_input *in, const mig_gpu *gpu,
				     const mig_gi_profile *p)
{
	struct peaks pk;

	gpu_peaks(&pk, in, gpu);
	return pk.bandwidth_gbs * 1e9 * pk.decode_eff * (p ? mig_plan__bandwidth_share(gpu, p) : 1);
}

double mig_plan__bytes_per_token(const mig_plan_need *n, const mig_plan_workload *w)
{
	/* a decode step reads the weights once and each sequence's KV cache */
	return ((double)n->weights_bytes + (double)n->kv_bytes) / w->batch;
}

static const mig_plan_measurement *measured(const mig_plan_input *in, const mig_plan_workload *w,
					    const mig_gpu *gpu, const mig_gi_profile *p)
{
	size_t i;

	for (i = in->measurement_count; i-- > 0;) {
		const mig_plan_measurement *m = &in->measurements[i];

		if (m->gpu == gpu && m->profile == p && strcmp(m->workload, w->name) == 0)
			return m;
	}
	return NULL;
}

int mig_plan_model_perf(mig_plan_perf *out, const mig_plan_input *in, const mig_plan_workload *w,
			const mig_gpu *gpu, const mig_gi_profile *profile, unsigned tp)
{
	const mig_plan_measurement *m;
	mig_plan_need need;
	struct peaks pk;
	mig_plan_perf r;
	double compute;
	int rc;

	if (tp == 0 || !gpu)
		return mig_error_set(MIG_EINVALID, "no GPU for the throughput of '%s'", w->name);
	if ((rc = mig_plan_model_need(&need, in, w)) < 0)
		return rc;
	memset(&r, 0, sizeof(r));
	gpu_peaks(&pk, in, gpu);
	r.bandwidth_gbs =
		pk.bandwidth_gbs * (profile ? mig_plan__bandwidth_share(gpu, profile) : tp);
	r.tflops = pk.tflops * (profile ? sm_share(gpu, profile) : tp);
	/* prefill and the compute ceiling of decode: about 2 FLOPs per parameter per token */
	compute = r.tflops * 1e12 * pk.prefill_eff / (2.0 * need.params);
	r.prefill_tokens_per_s = compute;
	r.decode_tokens_per_s =
		r.bandwidth_gbs * 1e9 * pk.decode_eff / mig_plan__bytes_per_token(&need, w);
	if (r.decode_tokens_per_s > compute)
		r.decode_tokens_per_s = compute;
	m = measured(in, w, gpu, profile);
	if (m && m->decode_tokens_per_s > 0) {
		r.decode_tokens_per_s = m->decode_tokens_per_s * (profile ? 1 : tp);
		r.calibrated |= 1;
	}
	if (m && m->prefill_tokens_per_s > 0) {
		r.prefill_tokens_per_s = m->prefill_tokens_per_s * (profile ? 1 : tp);
		r.calibrated |= 2;
	}
	*out = r;
	return 0;
}
