/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The migsim_* management API (migsim.h): each call locks the state file, reads it, edits the
 * structs and writes them back atomically, exactly as a simulated NVML call does.
 */
#include "migsim.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error_util.h"
#include "sim_fault.h"
#include "sim_file.h"
#include "banned.h"

char *migsim_state_path(char *buf, size_t len)
{
	const char *env = getenv("MIGSIM_STATE");
	const char *tmp = getenv("TMPDIR");
	int n;

	if (env && *env)
		n = snprintf(buf, len, "%s", env);
	else
		n = snprintf(buf, len, "%s/migsim-%u.json", tmp && *tmp ? tmp : "/tmp",
			     (unsigned)getuid());
	return n < 0 || (size_t)n >= len ? NULL : buf;
}

typedef int (*edit_fn)(sim_state *st, const void *arg);

/* Lock, read, edit, write, unlock. The edit function records its own errors. */
static int edit_state(const char *path, edit_fn fn, const void *arg)
{
	sim_file f;
	sim_state st;
	int rc;

	rc = sim_file_init(&f, path);
	if (rc < 0)
		return rc;
	rc = sim_file_lock(&f);
	if (rc == 0) {
		rc = sim_file_read(&f, &st);
		if (rc == 0) {
			sim_state_reap_processes(&st);
			rc = fn(&st, arg);
			if (rc == 0)
				rc = sim_file_write(&f, &st);
			sim_state_release(&st);
		}
		sim_file_unlock(&f);
	}
	sim_file_release(&f);
	return rc;
}

int migsim_create(const char *path, const char *spec, int force)
{
	struct stat sb;
	sim_state st;
	sim_file f;
	int rc;

	rc = sim_state_from_spec(&st, spec);
	if (rc < 0)
		return rc;
	rc = sim_file_init(&f, path);
	if (rc == 0)
		rc = sim_file_lock(&f);
	if (rc == 0) {
		if (!force && stat(path, &sb) == 0) {
			rc = mig_error_set(MIG_EINVALID, "state file '%s' already exists", path);
			mig_error_hint("remove it, or replace it with --force");
		} else {
			rc = sim_file_write(&f, &st);
		}
		sim_file_unlock(&f);
	}
	sim_file_release(&f);
	sim_state_release(&st);
	return rc;
}

int migsim_show(char **out, const char *path)
{
	sim_state st;
	sim_file f;
	char *text = NULL;
	int rc;

	rc = sim_file_init(&f, path);
	if (rc == 0)
		rc = sim_file_lock(&f);
	if (rc == 0) {
		rc = sim_file_read(&f, &st);
		sim_file_unlock(&f);
		if (rc == 0) {
			text = sim_state_format(&st);
			rc = text ? 0 : mig_error_oom();
			sim_state_release(&st);
		}
	}
	sim_file_release(&f);
	if (rc == 0)
		*out = text;
	return rc;
}

static int check_gpu(const sim_state *st, int gpu)
{
	if (gpu < 0 || (size_t)gpu >= st->gpu_count)
		return mig_error_set(MIG_ENOTFOUND, "no GPU %d: the state has %zu", gpu,
				     st->gpu_count);
	return 0;
}

static int do_reset(sim_state *st, const void *arg)
{
	int gpu = *(const int *)arg;
	size_t i;
	int rc;

	if (gpu >= 0) {
		rc = check_gpu(st, gpu);
		return rc < 0 ? rc : sim_gpu_reset(&st->gpus[gpu], (unsigned)gpu);
	}
	for (i = 0; i < st->gpu_count; i++) {
		rc = sim_gpu_reset(&st->gpus[i], (unsigned)i);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int migsim_reset(const char *path, int gpu)
{
	return edit_state(path, do_reset, &gpu);
}

struct attach_arg {
	int gpu, gi, ci;
	unsigned pid;
	uint64_t used_mib;
};

static int check_target(sim_gpu *g, const struct attach_arg *a)
{
	sim_gi *gi;

	if (!g->mig_current) {
		if (a->gi >= 0 || a->ci >= 0)
			return mig_error_set(MIG_EINVALID,
					     "GPU %d has MIG disabled: attach to "
					     "the whole GPU (no instance)",
					     a->gpu);
		return 0;
	}
	gi = a->gi >= 0 ? sim_gpu_gi(g, (unsigned)a->gi) : NULL;
	if (!gi || a->ci < 0 || !sim_gi_ci(gi, (unsigned)a->ci))
		return mig_error_set(MIG_ENOTFOUND, "GPU %d has no compute instance %d/%d", a->gpu,
				     a->gi, a->ci);
	return 0;
}

static int do_attach(sim_state *st, const void *arg)
{
	const struct attach_arg *a = arg;
	sim_process *procs;
	sim_gpu *g;
	int rc = check_gpu(st, a->gpu);

	if (rc < 0)
		return rc;
	g = &st->gpus[a->gpu];
	if (a->pid == 0 || a->used_mib > g->model->memory_mib)
		return mig_error_set(MIG_EINVALID, "bad process %u using %llu MiB", a->pid,
				     (unsigned long long)a->used_mib);
	rc = check_target(g, a);
	if (rc < 0)
		return rc;
	procs = realloc(g->procs, (g->proc_count + 1) * sizeof(*procs));
	if (!procs)
		return mig_error_oom();
	g->procs = procs;
	procs[g->proc_count++] = (sim_process){a->pid, a->used_mib, a->gi, a->ci};
	return 0;
}

int migsim_attach(const char *path, int gpu, int gi, int ci, unsigned pid, uint64_t used_mib)
{
	struct attach_arg a = {gpu, gi, ci, pid, used_mib};

	return edit_state(path, do_attach, &a);
}

static int do_detach(sim_state *st, const void *arg)
{
	const struct attach_arg *a = arg;
	sim_gpu *g;
	size_t i;
	int rc = check_gpu(st, a->gpu);

	if (rc < 0)
		return rc;
	g = &st->gpus[a->gpu];
	for (i = 0; i < g->proc_count; i++) {
		if (g->procs[i].pid != a->pid)
			continue;
		g->procs[i] = g->procs[--g->proc_count];
		return 0;
	}
	return mig_error_set(MIG_ENOTFOUND, "no process %u on GPU %d", a->pid, a->gpu);
}

int migsim_detach(const char *path, int gpu, unsigned pid)
{
	struct attach_arg a = {gpu, -1, -1, pid, 0};

	return edit_state(path, do_detach, &a);
}

static int do_fault_add(sim_state *st, const void *arg)
{
	return sim_faults_parse(&st->faults, &st->fault_count, arg);
}

int migsim_fault_add(const char *path, const char *spec)
{
	return edit_state(path, do_fault_add, spec);
}

static int do_fault_clear(sim_state *st, const void *arg)
{
	(void)arg;
	free(st->faults);
	st->faults = NULL;
	st->fault_count = 0;
	return 0;
}

int migsim_fault_clear(const char *path)
{
	return edit_state(path, do_fault_clear, NULL);
}

int migsim_calls(uint64_t *out, const char *path, const char *function)
{
	sim_state st;
	sim_file f;
	int rc;

	rc = sim_file_init(&f, path);
	if (rc == 0)
		rc = sim_file_lock(&f);
	if (rc == 0) {
		rc = sim_file_read(&f, &st);
		sim_file_unlock(&f);
		if (rc == 0) {
			*out = sim_counters_get(&st.calls, function);
			sim_state_release(&st);
		}
	}
	sim_file_release(&f);
	return rc;
}

struct util_arg {
	int gpu;
	unsigned g, m;
};

static int do_util(sim_state *st, const void *arg)
{
	const struct util_arg *u = arg;
	int rc = check_gpu(st, u->gpu);

	if (rc < 0)
		return rc;
	if (u->g > 100 || u->m > 100)
		return mig_error_set(MIG_EINVALID, "utilization %u/%u is not a percentage", u->g,
				     u->m);
	st->gpus[u->gpu].util_gpu = u->g;
	st->gpus[u->gpu].util_mem = u->m;
	return 0;
}

int migsim_set_utilization(const char *path, int gpu, unsigned gpu_pct, unsigned mem_pct)
{
	struct util_arg u = {gpu, gpu_pct, mem_pct};

	return edit_state(path, do_util, &u);
}
