/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The report a person reads: the plan's price against the three baselines, each GPU's layout,
 * each workload's instances with memory and throughput headroom, how each memory need is made
 * up, what MIG cannot serve and why, and why no cheaper plan exists.
 */
#include "plan_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "error_util.h"
#include "plan_table.h"
#include "strbuf.h"
#include "banned.h"

/* Beyond these, the per-GPU and per-workload lists are summarised (the JSON has them all). */
#define REPORT_MAX_GPUS	     64
#define REPORT_MAX_WORKLOADS 200

static void header(mig_strbuf *sb, const mig_plan *p)
{
	const mig_plan_stats *s = &p->stats;

	mig_strbuf_addf(sb, "plan for %s: %zu workload%s on %u GPU%s, $%.2f/hr\n", p->input->source,
			p->workload_count, p->workload_count == 1 ? "" : "s", s->gpus,
			s->gpus == 1 ? "" : "s", s->cost_per_hour);
	mig_strbuf_addf(sb,
			"solver %s: %s, gap %.2f%% (LP bound $%.2f/hr, best bound $%.2f/hr), "
			"%.0f ms; %zu workload classes, %zu layouts\n",
			s->solver, s->optimal ? "optimal" : "stopped at the time limit",
			s->gap * 100, s->lp_bound, s->best_bound, s->solve_ms, s->workload_classes,
			s->layout_patterns);
}

static void alternatives(mig_strbuf *sb, const mig_plan *p)
{
	struct plan_table t;
	char gpus[16], cost[32], saving[32];
	int k;

	mig_strbuf_adds(sb, "\nagainst the alternatives\n");
	mig_plan__table_init(&t, 5);
	mig_plan__table_add(&t, (const char *const[]){"PLAN", "GPUS", "$/HR", "SAVING", "HOW"});
	snprintf(gpus, sizeof(gpus), "%u", p->stats.gpus);
	snprintf(cost, sizeof(cost), "%.2f", p->stats.cost_per_hour);
	mig_plan__table_add(&t, (const char *const[]){"this plan", gpus, cost, "-",
						      "cheapest layouts (integer program)"});
	for (k = 0; k < MIG_PLAN_BASELINE__COUNT; k++) {
		const mig_plan_baseline *b = &p->baselines[k];

		if (b->feasible) {
			snprintf(gpus, sizeof(gpus), "%u", b->gpus);
			snprintf(cost, sizeof(cost), "%.2f", b->cost_per_hour);
			snprintf(saving, sizeof(saving), "%.2fx", b->saving);
		} else {
			snprintf(gpus, sizeof(gpus), "-");
			snprintf(cost, sizeof(cost), "-");
			snprintf(saving, sizeof(saving), "-");
		}
		mig_plan__table_add(&t, (const char *const[]){mig_plan_baseline_name(k), gpus, cost,
							      saving, b->detail});
	}
	mig_plan__table_render(&t, sb, "  ");
	sb->oom |= t.oom;
	mig_plan__table_release(&t);
}

static void gpu_workloads(mig_strbuf *sb, const mig_plan *p, const mig_plan_gpu *g)
{
	size_t i, j;

	if (!g->mig_enabled) {
		mig_strbuf_adds(sb, mig_plan__wname(p->input, g->full_workload));
		return;
	}
	for (i = 0; i < g->layout.count; i++) {
		const mig_plan_instance *in = &g->instances[i];

		mig_strbuf_addf(sb, "%s%s@%d:", i ? " " : "", in->profile->name, in->start);
		if (!in->workload_count)
			mig_strbuf_adds(sb, "-");
		for (j = 0; j < in->workload_count; j++)
			mig_strbuf_addf(sb, "%s%s", j ? "+" : "",
					mig_plan__wname(p->input, in->workloads[j]));
	}
}

static void gpu_list(mig_strbuf *sb, const mig_plan *p)
{
	struct plan_table t;
	size_t i;

	mig_strbuf_adds(sb, "\nGPUs\n");
	if (p->gpu_count > REPORT_MAX_GPUS) {
		mig_strbuf_addf(sb, "  %zu GPUs: the JSON output (--json) lists each one\n",
				p->gpu_count);
		return;
	}
	mig_plan__table_init(&t, 3);
	mig_plan__table_add(&t, (const char *const[]){"GPU", "MAP", "INSTANCES"});
	for (i = 0; i < p->gpu_count; i++) {
		const mig_plan_gpu *g = &p->gpus[i];
		mig_strbuf text = MIG_STRBUF_INIT;
		char label[128], map[256];

		mig_plan__gpu_label(label, sizeof(label), p, i);
		if (g->mig_enabled)
			mig_layout_draw(map, sizeof(map), &g->layout);
		else
			snprintf(map, sizeof(map), "MIG off (%s)", g->layout.gpu->key);
		gpu_workloads(&text, p, g);
		mig_plan__table_add(&t, (const char *const[]){label, map, mig_strbuf_str(&text)});
		t.oom |= text.oom;
		mig_strbuf_release(&text);
	}
	mig_plan__table_render(&t, sb, "  ");
	sb->oom |= t.oom;
	mig_plan__table_release(&t);
}

static void served(char *buf, size_t len, const mig_plan *p, const mig_plan_assignment *a)
{
	const char *key = p->input->fleet[a->fleet_index].gpu->key;

	if (a->serving == MIG_PLAN_SERVE_FULL_GPU)
		snprintf(buf, len, "%u x %u whole %s, MIG off", a->replica_count,
			 a->tensor_parallel, key);
	else
		snprintf(buf, len, "%u x %s on %s%s", a->replica_count, a->profile->name, key,
			 a->serving == MIG_PLAN_SERVE_MPS ? " (MPS)" : "");
}

static void workload_row(struct plan_table *t, const mig_plan *p, size_t w)
{
	const mig_plan_assignment *a = &p->workloads[w];
	const mig_plan_workload *wl = &p->input->workloads[w];
	char need[32], how[128], mem[16], dec[48], target[48];

	mig_plan__gib(need, sizeof(need), a->need.total_mib);
	served(how, sizeof(how), p, a);
	snprintf(mem, sizeof(mem), "%.0f%%", a->memory_headroom * 100);
	snprintf(dec, sizeof(dec), "%.1f%s", a->perf.decode_tokens_per_s,
		 a->perf.calibrated & 1 ? " (measured)" : "");
	if (wl->throughput > 0)
		snprintf(target, sizeof(target), "%.0f (+%.0f%%)", wl->throughput,
			 a->throughput_headroom * 100);
	else
		snprintf(target, sizeof(target), "-");
	mig_plan__table_add(t, (const char *const[]){wl->name, need, how, mem, dec, target});
}

static void workload_list(mig_strbuf *sb, const mig_plan *p)
{
	struct plan_table t;
	size_t w;

	mig_strbuf_adds(sb, "\nworkloads\n");
	mig_plan__table_init(&t, 6);
	mig_plan__table_add(&t,
			    (const char *const[]){"NAME", "NEEDS", "SERVED BY", "MEMORY HEADROOM",
						  "DECODE TOK/S EACH", "TARGET TOK/S (HEADROOM)"});
	for (w = 0; w < p->workload_count && w < REPORT_MAX_WORKLOADS; w++)
		workload_row(&t, p, w);
	mig_plan__table_render(&t, sb, "  ");
	sb->oom |= t.oom;
	mig_plan__table_release(&t);
	if (p->workload_count > REPORT_MAX_WORKLOADS)
		mig_strbuf_addf(sb, "  ... and %zu more (--json lists them all)\n",
				p->workload_count - REPORT_MAX_WORKLOADS);
}

/* "weights 13.0 GiB + KV cache 2.1 GiB + overhead 1.7 GiB = 16.9 GiB" */
static void need_line(mig_strbuf *sb, const mig_plan *p, size_t w)
{
	const mig_plan_need *n = &p->workloads[w].need;
	char a[32], b[32], c[32], d[32];

	if (n->given) {
		mig_strbuf_addf(sb, "  %s: memory given, %s", mig_plan__wname(p->input, w),
				mig_plan__gib(d, sizeof(d), n->total_mib));
	} else {
		mig_strbuf_addf(sb, "  %s: weights %s + KV cache %s + overhead %s = %s",
				mig_plan__wname(p->input, w),
				mig_plan__gib(a, sizeof(a), (double)n->weights_bytes / 1048576.0),
				mig_plan__gib(b, sizeof(b), (double)n->kv_bytes / 1048576.0),
				mig_plan__gib(c, sizeof(c), (double)n->overhead_bytes / 1048576.0),
				mig_plan__gib(d, sizeof(d), n->total_mib));
	}
}

/* The smallest profile of the workload's GPU type that holds it, for the memory lines. */
static const mig_gi_profile *smallest_fit(const mig_plan *p, size_t w)
{
	const mig_plan_assignment *a = &p->workloads[w];
	const mig_gpu *gpu = p->input->fleet[a->fleet_index].gpu;
	const mig_gi_profile *best = NULL;
	size_t i;

	for (i = 0; i < gpu->gi_profile_count; i++) {
		const mig_gi_profile *q = &gpu->gi_profiles[i];

		if (q->variant == MIG_VARIANT_PLAIN && q->memory_mib >= a->need.total_mib &&
		    (!best || q->memory_mib < best->memory_mib))
			best = q;
	}
	return best;
}

static void needs(mig_strbuf *sb, const mig_plan *p)
{
	char gib[32];
	size_t w;

	if (p->workload_count > REPORT_MAX_WORKLOADS)
		return;
	mig_strbuf_adds(sb, "\nmemory each replica needs\n");
	for (w = 0; w < p->workload_count; w++) {
		const mig_gi_profile *fit = smallest_fit(p, w);

		need_line(sb, p, w);
		if (fit)
			mig_strbuf_addf(sb, "; smallest instance that holds it: %s (%s) on %s\n",
					fit->name, mig_plan__gib(gib, sizeof(gib), fit->memory_mib),
					p->input->fleet[p->workloads[w].fleet_index].gpu->key);
		else
			mig_strbuf_adds(sb, "; no MIG instance holds it\n");
	}
}

static void notes(mig_strbuf *sb, const mig_plan *p)
{
	size_t w, n = 0;

	for (w = 0; w < p->workload_count; w++) {
		if (!p->workloads[w].note)
			continue;
		if (!n++)
			mig_strbuf_adds(sb, "\nnotes\n");
		mig_strbuf_addf(sb, "  %s: %s\n", mig_plan__wname(p->input, w),
				p->workloads[w].note);
	}
}

static void why(mig_strbuf *sb, const mig_plan *p)
{
	const mig_plan_stats *s = &p->stats;
	int rc;

	mig_strbuf_adds(sb, "\nwhy no plan is cheaper\n");
	if (s->optimal)
		mig_strbuf_addf(
			sb,
			"  the solver proved that no plan of these layouts costs less "
			"than $%.2f/hr (best bound = cost); among the plans at that price, "
			"this one uses the fewest GPUs, then leaves the fewest slices unused "
			"(%u, in %u free instances)\n",
			s->cost_per_hour, s->leftover_slices, s->free_instances);
	else
		mig_strbuf_addf(sb,
				"  the solver stopped at its time limit: no plan costs less "
				"than $%.2f/hr, so this one is within %.2f%% of the cheapest\n",
				s->best_bound, s->gap * 100);
	if (isfinite(s->lp_bound))
		mig_strbuf_addf(sb,
				"  the LP relaxation (instances split freely across GPUs) "
				"needs $%.2f/hr: the rest of the price is the cost of whole GPUs "
				"and whole instances\n",
				s->lp_bound);
	rc = mig_plan__explain_bound(sb, p);
	sb->oom |= rc < 0;
}

int mig_plan_report(char **out, const mig_plan *plan)
{
	mig_strbuf sb = MIG_STRBUF_INIT;

	header(&sb, plan);
	alternatives(&sb, plan);
	gpu_list(&sb, plan);
	workload_list(&sb, plan);
	needs(&sb, plan);
	notes(&sb, plan);
	why(&sb, plan);
	if (sb.oom) {
		mig_strbuf_release(&sb);
		return mig_error_oom();
	}
	*out = mig_strbuf_detach(&sb);
	return *out ? 0 : mig_error_oom();
}
