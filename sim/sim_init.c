/* SPDX-License-Identifier: Apache-2.0 */
/*
 * nvmlInit*, nvmlShutdown, nvmlErrorString and the per-call protocol (sim_internal.h).
 *
 * Init is reference counted, as NVML's is: the first init loads the state file named by
 * MIGSIM_STATE (created from MIGSIM_GPUS when it does not exist) and MIGSIM_FAULTS; the last
 * shutdown forgets them. A state file that is missing (with no MIGSIM_GPUS) makes init fail with
 * DRIVER_NOT_LOADED, a corrupt one with UNKNOWN; either way one line on stderr names the file
 * and the problem, because an NVML client has no other way to learn why.
 */
#include "sim_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error_util.h"
#include "migsim.h"
#include "banned.h"

static struct {
	pthread_mutex_t mu;
	unsigned refcount;
	sim_file file;
	sim_state state;
	sim_fault *env_faults; /* MIGSIM_FAULTS, counted in this process only */
	size_t env_fault_count;
	sim_counters local;
	char last_report[512];
} ctx = {.mu = PTHREAD_MUTEX_INITIALIZER};

/* One line on stderr per distinct problem, so a client polling a broken file is not flooded. */
static void report(const char *what)
{
	const mig_error *e = mig_error_last();
	char line[sizeof(ctx.last_report)];

	snprintf(line, sizeof(line), "migsim: %s%s%s", what ? what : "", what ? ": " : "",
		 e->message);
	if (strcmp(line, ctx.last_report) == 0)
		return;
	snprintf(ctx.last_report, sizeof(ctx.last_report), "%s", line);
	fprintf(stderr, "%s\n", line);
	if (e->hint)
		fprintf(stderr, "migsim: hint: %s\n", e->hint);
}

static nvmlReturn_t load_or_create(void)
{
	const char *spec = getenv("MIGSIM_GPUS");
	int rc = sim_file_read(&ctx.file, &ctx.state);

	if (rc == MIG_ENOTFOUND && spec && *spec) {
		rc = sim_state_from_spec(&ctx.state, spec);
		if (rc < 0) {
			mig_error_prefix("bad MIGSIM_GPUS");
			report(NULL);
			return NVML_ERROR_UNKNOWN;
		}
		rc = sim_file_write(&ctx.file, &ctx.state);
	} else if (rc == MIG_ENOTFOUND) {
		mig_error_hint("set MIGSIM_GPUS (for example MIGSIM_GPUS=a100-80gb) to create it, "
			       "or run 'migctl sim init'");
		report(NULL);
		return NVML_ERROR_DRIVER_NOT_LOADED;
	}
	if (rc < 0) {
		report(NULL);
		sim_state_release(&ctx.state);
		return NVML_ERROR_UNKNOWN;
	}
	return NVML_SUCCESS;
}

/* The state path, made absolute so that a client that changes directory keeps its GPUs. */
static int state_path(char *buf, size_t len)
{
	char rel[2048], cwd[2048];
	int n;

	if (!migsim_state_path(rel, sizeof(rel)))
		return -1;
	if (rel[0] == '/' || !getcwd(cwd, sizeof(cwd)))
		n = snprintf(buf, len, "%s", rel);
	else
		n = snprintf(buf, len, "%s/%s", cwd, rel);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static nvmlReturn_t first_init(void)
{
	char path[4200];
	nvmlReturn_t rc;

	if (state_path(path, sizeof(path)) < 0 || sim_file_init(&ctx.file, path) < 0) {
		fprintf(stderr, "migsim: cannot use the state file path\n");
		return NVML_ERROR_UNKNOWN;
	}
	if (sim_faults_parse(&ctx.env_faults, &ctx.env_fault_count, getenv("MIGSIM_FAULTS")) < 0) {
		mig_error_prefix("bad MIGSIM_FAULTS");
		report(NULL);
		rc = NVML_ERROR_UNKNOWN;
	} else if (sim_file_lock(&ctx.file) < 0) {
		report(NULL);
		rc = NVML_ERROR_UNKNOWN;
	} else {
		rc = load_or_create();
		sim_file_unlock(&ctx.file);
	}
	if (rc != NVML_SUCCESS) {
		free(ctx.env_faults);
		ctx.env_faults = NULL;
		ctx.env_fault_count = 0;
		sim_file_release(&ctx.file);
	}
	return rc;
}

static void shutdown_once(void);

static nvmlReturn_t init_common(const char *fn)
{
	sim_call call;
	nvmlReturn_t rc = NVML_SUCCESS;

	pthread_mutex_lock(&ctx.mu);
	if (ctx.refcount == 0)
		rc = first_init();
	if (rc == NVML_SUCCESS)
		ctx.refcount++;
	pthread_mutex_unlock(&ctx.mu);
	if (rc != NVML_SUCCESS)
		return rc;
	/* count the init like any other call; an injected fault can make it fail */
	rc = sim_begin(&call, fn);
	rc = sim_end(&call, rc);
	if (rc != NVML_SUCCESS)
		shutdown_once();
	return rc;
}

nvmlReturn_t nvmlInit_v2(void)
{
	return init_common(__func__);
}

nvmlReturn_t nvmlInit(void)
{
	return init_common(__func__);
}

nvmlReturn_t nvmlInitWithFlags(unsigned int flags)
{
	(void)flags; /* the simulated GPUs always attach; NO_GPUS/NO_ATTACH change nothing here */
	return init_common(__func__);
}

static void forget_state(void)
{
	sim_state_release(&ctx.state);
	sim_file_release(&ctx.file);
	free(ctx.env_faults);
	ctx.env_faults = NULL;
	ctx.env_fault_count = 0;
	sim_counters_release(&ctx.local);
	ctx.last_report[0] = '\0';
}

static void shutdown_once(void)
{
	pthread_mutex_lock(&ctx.mu);
	if (ctx.refcount > 0 && --ctx.refcount == 0)
		forget_state();
	pthread_mutex_unlock(&ctx.mu);
}

/* NVML documents no error for a shutdown without init ("for backwards compatibility"). */
nvmlReturn_t nvmlShutdown(void)
{
	shutdown_once();
	return NVML_SUCCESS;
}

int sim_initialized(void)
{
	int on;

	pthread_mutex_lock(&ctx.mu);
	on = ctx.refcount > 0;
	pthread_mutex_unlock(&ctx.mu);
	return on;
}

/* Re-read the state when another process changed it. */
static nvmlReturn_t refresh(void)
{
	sim_state fresh;

	if (!sim_file_changed(&ctx.file))
		return NVML_SUCCESS;
	if (sim_file_read(&ctx.file, &fresh) < 0) {
		report(NULL);
		return NVML_ERROR_UNKNOWN;
	}
	sim_state_release(&ctx.state);
	ctx.state = fresh;
	return NVML_SUCCESS;
}

static nvmlReturn_t count_and_fault(const char *fn)
{
	const sim_fault *f;

	if (sim_counters_bump(&ctx.state.calls, fn) < 0 || sim_counters_bump(&ctx.local, fn) < 0)
		return NVML_ERROR_MEMORY;
	f = sim_fault_match(ctx.state.faults, ctx.state.fault_count, &ctx.state.calls, fn, -1);
	if (!f)
		f = sim_fault_match(ctx.env_faults, ctx.env_fault_count, &ctx.local, fn, -1);
	return f ? (nvmlReturn_t)f->code : NVML_SUCCESS;
}

nvmlReturn_t sim_begin(sim_call *call, const char *fn)
{
	nvmlReturn_t rc;

	call->fn = fn;
	call->st = NULL;
	call->active = 0;
	pthread_mutex_lock(&ctx.mu);
	if (ctx.refcount == 0) {
		pthread_mutex_unlock(&ctx.mu);
		return NVML_ERROR_UNINITIALIZED;
	}
	if (sim_file_lock(&ctx.file) < 0) {
		report(NULL);
		pthread_mutex_unlock(&ctx.mu);
		return NVML_ERROR_UNKNOWN;
	}
	rc = refresh();
	if (rc != NVML_SUCCESS) {
		sim_file_unlock(&ctx.file);
		pthread_mutex_unlock(&ctx.mu);
		return rc;
	}
	call->active = 1;
	call->st = &ctx.state;
	sim_state_reap_processes(&ctx.state);
	return count_and_fault(fn);
}

nvmlReturn_t sim_end(sim_call *call, nvmlReturn_t rc)
{
	if (!call->active)
		return rc;
	if (sim_file_write(&ctx.file, &ctx.state) < 0) {
		report(NULL);
		rc = NVML_ERROR_UNKNOWN;
	}
	sim_file_unlock(&ctx.file);
	call->active = 0;
	call->st = NULL;
	pthread_mutex_unlock(&ctx.mu);
	return rc;
}

nvmlReturn_t sim_gpu_faults(sim_call *call, unsigned gpu)
{
	const sim_fault *f;

	f = sim_fault_match(ctx.state.faults, ctx.state.fault_count, &ctx.state.calls, call->fn,
			    (int)gpu);
	if (!f)
		f = sim_fault_match(ctx.env_faults, ctx.env_fault_count, &ctx.local, call->fn,
				    (int)gpu);
	return f ? (nvmlReturn_t)f->code : NVML_SUCCESS;
}

/* Unloading the library (dlclose, exit) frees what init kept and every handle. */
__attribute__((destructor)) static void sim_unload(void)
{
	pthread_mutex_lock(&ctx.mu);
	if (ctx.refcount > 0)
		forget_state();
	ctx.refcount = 0;
	sim_handles_release();
	pthread_mutex_unlock(&ctx.mu);
}
