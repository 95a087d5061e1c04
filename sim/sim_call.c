/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The per-call protocol of sim_internal.h: re-reading the state file when it changed, counting
 * calls, firing faults, and writing the state (or the counts) back under the file lock.
 */
#include "sim_internal.h"

#include <assert.h>
#include <unistd.h>

#include "sim_context.h"
#include "banned.h"

/* Re-read the state when another process changed it. quiet: no line on stderr when the file
 * cannot be read. */
static nvmlReturn_t refresh(int quiet)
{
	sim_state fresh;

	if (!sim_file_changed(&sim_ctx.file))
		return NVML_SUCCESS;
	if (sim_file_read(&sim_ctx.file, &fresh) < 0) {
		if (!quiet)
			sim_report(NULL);
		return NVML_ERROR_UNKNOWN;
	}
	sim_state_release(&sim_ctx.state);
	sim_ctx.state = fresh;
	return NVML_SUCCESS;
}

/* Write the state with the pending calls added (the caller holds the file lock). On failure the
 * next call re-reads the file, which drops the change that was not written. */
static int save(int quiet)
{
	if (sim_tally_merge(&sim_ctx.state.calls, &sim_ctx.pending) < 0 ||
	    sim_file_write(&sim_ctx.file, &sim_ctx.state) < 0) {
		if (!quiet)
			sim_report(NULL);
		sim_file_forget(&sim_ctx.file);
		return -1;
	}
	sim_tally_release(&sim_ctx.pending);
	sim_ctx.reaped = 0;
	return 0;
}

static void reap(void)
{
	if (sim_state_reap_processes(&sim_ctx.state))
		sim_ctx.reaped = 1;
}

/* A forked child shares its parent's memory, pending calls included; the parent counts those,
 * so the child starts its own. */
static void adopt_fork(void)
{
	pid_t pid;

	if (sim_ctx.atfork_set && !sim_ctx.forked)
		return;
	pid = getpid();
	sim_ctx.forked = 0;
	if (sim_ctx.pid == pid)
		return;
	sim_ctx.pid = pid;
	sim_tally_release(&sim_ctx.pending);
	sim_ctx.reaped = 0;
}

/*
 * Write what this process counted (and the processes it saw end) into the file; at the last
 * nvmlShutdown and when the library is unloaded. A file that is gone or corrupt is left as it
 * is, quietly: there is nothing to count into, and a client shutting down cannot be told.
 */
void sim_flush(void)
{
	if (sim_ctx.pid != getpid() || (sim_ctx.pending.total == 0 && !sim_ctx.reaped))
		return;
	if (sim_file_lock(&sim_ctx.file) < 0)
		return;
	if (refresh(1) == NVML_SUCCESS) {
		reap();
		save(1);
	}
	sim_file_unlock(&sim_ctx.file);
}

/*
 * The first fault that fires for this call of fn (gpu as for sim_fault_match), or NULL. The
 * state's faults count the file's calls plus this process's unwritten ones; MIGSIM_FAULTS count
 * this process's calls since init.
 */
static const sim_fault *fault_for(const char *fn, int gpu)
{
	const sim_fault *f = NULL;

	if (sim_ctx.state.fault_count)
		f = sim_fault_match(sim_ctx.state.faults, sim_ctx.state.fault_count, fn,
				    sim_counters_get(&sim_ctx.state.calls, fn) +
					    sim_tally_get(&sim_ctx.pending, fn),
				    sim_ctx.state.calls.total + sim_ctx.pending.total, gpu);
	if (!f && sim_ctx.env_fault_count)
		f = sim_fault_match(sim_ctx.env_faults, sim_ctx.env_fault_count, fn,
				    sim_tally_get(&sim_ctx.local, fn), sim_ctx.local.total, gpu);
	return f;
}

static nvmlReturn_t count_and_fault(const char *fn)
{
	const sim_fault *f;

	if (sim_tally_bump(&sim_ctx.pending, fn) < 0 ||
	    (sim_ctx.env_fault_count && sim_tally_bump(&sim_ctx.local, fn) < 0))
		return NVML_ERROR_MEMORY;
	f = fault_for(fn, -1);
	return f ? (nvmlReturn_t)f->code : NVML_SUCCESS;
}

/* Undo what begin took: the file lock, if any, then the process mutex. */
static void release(sim_call *call)
{
	if (call->locked)
		sim_file_unlock(&sim_ctx.file);
	call->locked = 0;
	call->active = 0;
	call->st = NULL;
	pthread_mutex_unlock(&sim_ctx.mu);
}

static nvmlReturn_t begin(sim_call *call, const char *fn, int lock)
{
	nvmlReturn_t rc;

	*call = (sim_call){.fn = fn};
	pthread_mutex_lock(&sim_ctx.mu);
	if (sim_ctx.refcount == 0) {
		pthread_mutex_unlock(&sim_ctx.mu);
		return NVML_ERROR_UNINITIALIZED;
	}
	adopt_fork();
	if (lock && sim_file_lock(&sim_ctx.file) < 0) {
		sim_report(NULL);
		pthread_mutex_unlock(&sim_ctx.mu);
		return NVML_ERROR_UNKNOWN;
	}
	call->locked = lock;
	rc = refresh(0);
	if (rc != NVML_SUCCESS) {
		release(call);
		return rc;
	}
	call->active = 1;
	call->st = &sim_ctx.state;
	reap();
	return count_and_fault(fn);
}

nvmlReturn_t sim_begin(sim_call *call, const char *fn)
{
	return begin(call, fn, 0);
}

nvmlReturn_t sim_begin_update(sim_call *call, const char *fn)
{
	return begin(call, fn, 1);
}

void sim_changed(sim_call *call)
{
	/* a change made without the lock could overwrite another process's write */
	assert(call->active && call->locked);
	call->changed = 1;
}

nvmlReturn_t sim_end(sim_call *call, nvmlReturn_t rc)
{
	if (!call->active)
		return rc;
	if (call->changed && call->locked && save(0) < 0)
		rc = NVML_ERROR_UNKNOWN;
	release(call);
	return rc;
}

nvmlReturn_t sim_gpu_faults(sim_call *call, unsigned gpu)
{
	const sim_fault *f = fault_for(call->fn, (int)gpu);

	return f ? (nvmlReturn_t)f->code : NVML_SUCCESS;
}
