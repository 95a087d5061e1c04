/* SPDX-License-Identifier: Apache-2.0 */
/* The integer program of plan_ilp.h, in CBC's column-major form. */
#include "plan_ilp.h"

#include <float.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

/* Row layout: classes, MIG kinds, GPU types, then the price and GPU caps. */
struct rows {
	size_t count;
	size_t type_first, cap_row, gpu_row;
	size_t *limit_row; /* per type, PLAN_NONE for unlimited ones */
	size_t *kind_row;  /* per kind, PLAN_NONE for whole-GPU kinds */
};

struct csc {
	int *start;
	int *index;
	double *value;
	double *lb, *ub, *obj;
	double *row_lb, *row_ub;
	size_t nnz;
};

size_t mig_plan__ilp_gpu_column(const struct plan_problem *pb, size_t t)
{
	return pb->pattern_count + pb->option_count + t;
}

static int rows_layout(struct rows *r, const struct plan_problem *pb, enum plan_ilp_phase phase)
{
	size_t i;

	memset(r, 0, sizeof(*r));
	r->kind_row = calloc(pb->kind_count + 1, sizeof(*r->kind_row));
	r->limit_row = calloc(pb->type_count + 1, sizeof(*r->limit_row));
	if (!r->kind_row || !r->limit_row)
		return mig_error_oom();
	r->count = pb->class_count;
	for (i = 0; i < pb->kind_count; i++)
		r->kind_row[i] = pb->kinds[i].profile >= 0 ? r->count++ : PLAN_NONE;
	r->type_first = r->count;
	r->count += pb->type_count;
	for (i = 0; i < pb->type_count; i++)
		r->limit_row[i] = pb->types[i].limit != MIG_PLAN_UNLIMITED ? r->count++ : PLAN_NONE;
	r->cap_row = phase != PLAN_ILP_PRICE ? r->count++ : PLAN_NONE;
	r->gpu_row = phase == PLAN_ILP_LEFTOVER ? r->count++ : PLAN_NONE;
	return 0;
}

static void put(struct csc *m, size_t row, double v)
{
	if (row == PLAN_NONE || v == 0)
		return;
	m->index[m->nnz] = (int)row;
	m->value[m->nnz++] = v;
}

static void pattern_column(struct csc *m, const struct rows *r, const struct plan_problem *pb,
			   size_t p, const struct plan_ilp_spec *spec)
{
	const struct plan_pattern *pat = &pb->patterns[p];
	const struct plan_type *t = &pb->types[pat->type];
	size_t i;

	for (i = 0; i < t->profile_count; i++)
		put(m, r->kind_row[t->kind_first + i], -(double)pat->count[i]);
	put(m, r->type_first + pat->type, -1);
	m->lb[p] = 0;
	m->ub[p] = spec->phase != PLAN_ILP_LEFTOVER && !pb->pattern_needed[p] ? 0 : DBL_MAX;
	/* the leftover counts the whole GPU; what workloads get is taken off through z */
	m->obj[p] = spec->phase == PLAN_ILP_LEFTOVER ? mig_plan__type_capacity(pb, pat->type) : 0;
}

static void option_column(struct csc *m, const struct rows *r, const struct plan_problem *pb,
			  size_t c, size_t o, const struct plan_ilp_spec *spec)
{
	const struct plan_option *opt = &pb->options[o];
	const struct plan_kind *k = &pb->kinds[opt->kind];
	double gpus = (double)mig_plan__kind_gpus(pb, opt->kind) * opt->count;
	size_t col = pb->pattern_count + o;

	put(m, c, 1);
	put(m, r->kind_row[opt->kind], (double)opt->count);
	put(m, r->type_first + k->type, -gpus);
	m->lb[col] = 0;
	m->ub[col] = pb->classes[c].mult;
	if (spec->phase != PLAN_ILP_LEFTOVER) {
		m->obj[col] = 0;
		if (pb->dominated[o])
			m->ub[col] = 0;
	} else {
		m->obj[col] =
			gpus ? 0 : -(double)opt->count * mig_plan__kind_capacity(pb, opt->kind);
	}
}

static void gpu_column(struct csc *m, const struct rows *r, const struct plan_problem *pb, size_t t,
		       const struct plan_ilp_spec *spec)
{
	const struct plan_type *type = &pb->types[t];
	size_t col = mig_plan__ilp_gpu_column(pb, t);

	put(m, r->type_first + t, 1);
	put(m, r->cap_row, (double)type->price);
	put(m, r->gpu_row, 1);
	put(m, r->limit_row[t], 1);
	m->lb[col] = 0;
	/*
	 * The fleet's count is a row, not this column's bound: with a bound, CLP (2.10, built
	 * with assertions) can cross a tightened bound over its own tolerance after a start
	 * reaches the count, and abort.
	 */
	m->ub[col] = DBL_MAX;
	if (spec->phase == PLAN_ILP_PRICE)
		m->obj[col] = (double)type->price;
	else
		m->obj[col] = spec->phase == PLAN_ILP_GPUS ? 1 : 0;
}

static void row_bounds(struct csc *m, const struct rows *r, const struct plan_problem *pb,
		       const struct plan_ilp_spec *spec)
{
	size_t i;

	for (i = 0; i < r->count; i++) {
		m->row_lb[i] = -DBL_MAX;
		m->row_ub[i] = 0;
	}
	for (i = 0; i < pb->class_count; i++)
		m->row_lb[i] = m->row_ub[i] = pb->classes[i].mult;
	for (i = 0; i < pb->type_count; i++) {
		m->row_lb[r->type_first + i] = 0;
		if (r->limit_row[i] != PLAN_NONE)
			m->row_ub[r->limit_row[i]] = pb->types[i].limit;
	}
	if (r->cap_row != PLAN_NONE) {
		m->row_ub[r->cap_row] = (double)spec->price_cap;
		if (spec->price_exact)
			m->row_lb[r->cap_row] = m->row_ub[r->cap_row];
	}
	if (r->gpu_row != PLAN_NONE)
		m->row_ub[r->gpu_row] = spec->gpu_cap;
}

static void csc_release(struct csc *m)
{
	free(m->start);
	free(m->index);
	free(m->value);
	free(m->lb);
	free(m->ub);
	free(m->obj);
	free(m->row_lb);
	free(m->row_ub);
}

static int csc_alloc(struct csc *m, size_t ncol, size_t nnz, size_t nrow)
{
	memset(m, 0, sizeof(*m));
	m->start = calloc(ncol + 1, sizeof(*m->start));
	m->index = calloc(nnz + 1, sizeof(*m->index));
	m->value = calloc(nnz + 1, sizeof(*m->value));
	m->lb = calloc(ncol + 1, sizeof(double));
	m->ub = calloc(ncol + 1, sizeof(double));
	m->obj = calloc(ncol + 1, sizeof(double));
	m->row_lb = calloc(nrow + 1, sizeof(double));
	m->row_ub = calloc(nrow + 1, sizeof(double));
	if (!m->start || !m->index || !m->value || !m->lb || !m->ub || !m->obj || !m->row_lb ||
	    !m->row_ub || nnz > (size_t)INT32_MAX)
		return mig_error_oom();
	return 0;
}

static int csc_fill(struct csc *m, const struct rows *r, const struct plan_problem *pb,
		    const struct plan_ilp_spec *spec)
{
	size_t ncol = pb->pattern_count + pb->option_count + pb->type_count, p, c, o, t;
	size_t nnz = pb->pattern_count * (PLAN_MAX_PROFILES + 1) + pb->option_count * 3 +
		     pb->type_count * 4;
	int rc = csc_alloc(m, ncol, nnz, r->count);

	if (rc < 0)
		return rc;
	for (p = 0; p < pb->pattern_count; p++) {
		m->start[p] = (int)m->nnz;
		pattern_column(m, r, pb, p, spec);
	}
	for (c = 0; c < pb->class_count; c++)
		for (o = pb->classes[c].opt_first;
		     o < pb->classes[c].opt_first + pb->classes[c].opt_count; o++) {
			m->start[pb->pattern_count + o] = (int)m->nnz;
			option_column(m, r, pb, c, o, spec);
		}
	for (t = 0; t < pb->type_count; t++) {
		m->start[mig_plan__ilp_gpu_column(pb, t)] = (int)m->nnz;
		gpu_column(m, r, pb, t, spec);
	}
	m->start[ncol] = (int)m->nnz;
	row_bounds(m, r, pb, spec);
	return 0;
}

void mig_plan__ilp_tune(Cbc_Model *model, int preprocess)
{
	/*
	 * Measured on bench/bench_plan's fleets: CBC's light strategy without integer
	 * preprocessing proves these problems several times faster than its defaults. The
	 * exception is the GPU phase at a proven price, where the equality gives the
	 * preprocessing something to work with (plan_ilp.c, refine). Time limits are
	 * wall-clock, as the caller's are.
	 */
	if (!preprocess) {
		Cbc_setParameter(model, "strategy", "0");
		Cbc_setParameter(model, "preprocess", "off");
	}
	Cbc_setParameter(model, "timeMode", "elapsed");
}

Cbc_Model *mig_plan__ilp_build(const struct plan_problem *pb, const struct plan_ilp_spec *spec)
{
	size_t ncol = pb->pattern_count + pb->option_count + pb->type_count, i;
	Cbc_Model *model = NULL;
	struct rows r;
	struct csc m;
	int rc = rows_layout(&r, pb, spec->phase);

	memset(&m, 0, sizeof(m));
	if (rc == 0)
		rc = csc_fill(&m, &r, pb, spec);
	if (rc == 0 && !(model = Cbc_newModel()))
		mig_error_oom();
	if (model) {
		Cbc_loadProblem(model, (int)ncol, (int)r.count, m.start, m.index, m.value, m.lb,
				m.ub, m.obj, m.row_lb, m.row_ub);
		for (i = 0; !spec->relax && i < ncol; i++)
			Cbc_setInteger(model, (int)i);
		Cbc_setObjSense(model, 1);
		Cbc_setLogLevel(model, 0);
		mig_plan__ilp_tune(model, spec->price_exact);
	}
	csc_release(&m);
	free(r.kind_row);
	free(r.limit_row);
	return model;
}
