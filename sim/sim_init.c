/* SPDX-License-Identifier: Apache-2.0 */
/*
 * nvmlInit*, nvmlShutdown and library unload: the life of the context the per-call protocol
 * (sim_call.c) works on.
 *
 * Init is reference counted, as NVML's is: the first init loads the state file named by
 * MIGSIM_STATE (created from MIGSIM_GPUS when it does not exist) and MIGSIM_FAULTS; the last
 * shutdown writes the calls this process counted and forgets them (so does unloading the
 * library, for a client that never shuts down). A state file that is missing (with no
 * MIGSIM_GPUS) makes init fail with DRIVER_NOT_LOADED, a corrupt one with UNKNOWN; either way one
 * line on stderr names the file and the problem, because an NVML client has no other way to
 * learn why.
 */
#include "sim_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error_util.h"
#include "migsim.h"
#include "sim_context.h"
#include "banned.h"

sim_context sim_ctx = {.mu = PTHREAD_MUTEX_INITIALIZER};

/* One line on stderr per distinct problem, so a client polling a broken file is not flooded. */
void sim_report(const char *what)
{
	const mig_error *e = mig_error_last();
	char line[sizeof(sim_ctx.last_report)];

	snprintf(line, sizeof(line), "migsim: %s%s%s", what ? what : "", what ? ": " : "",
		 e->message);
	if (strcmp(line, sim_ctx.last_report) == 0)
		return;
	snprintf(sim_ctx.last_report, sizeof(sim_ctx.last_report), "%s", line);
	fprintf(stderr, "%s\n", line);
	if (e->hint)
		fprintf(stderr, "migsim: hint: %s\n", e->hint);
}

static nvmlReturn_t load_or_create(void)
{
	const char *spec = getenv("MIGSIM_GPUS");
	int rc = sim_file_read(&sim_ctx.file, &sim_ctx.state);

	if (rc == MIG_ENOTFOUND && spec && *spec) {
		rc = sim_state_from_spec(&sim_ctx.state, spec);
		if (rc < 0) {
			mig_error_prefix("bad MIGSIM_GPUS");
			sim_report(NULL);
			return NVML_ERROR_UNKNOWN;
		}
		rc = sim_file_write(&sim_ctx.file, &sim_ctx.state);
	} else if (rc == MIG_ENOTFOUND) {
		mig_error_hint("set MIGSIM_GPUS (for example MIGSIM_GPUS=a100-80gb) to create it, "
			       "or run 'migctl sim init'");
		sim_report(NULL);
		return NVML_ERROR_DRIVER_NOT_LOADED;
	}
	if (rc < 0) {
		sim_report(NULL);
		sim_state_release(&sim_ctx.state);
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

/* glibc drops the handler again when the library is unloaded. */
static void note_fork(void)
{
	sim_ctx.forked = 1;
}

static nvmlReturn_t first_init(void)
{
	char path[4200];
	nvmlReturn_t rc;

	if (state_path(path, sizeof(path)) < 0 || sim_file_init(&sim_ctx.file, path) < 0) {
		fprintf(stderr, "migsim: cannot use the state file path\n");
		return NVML_ERROR_UNKNOWN;
	}
	sim_ctx.pid = getpid();
	if (!sim_ctx.atfork_set)
		sim_ctx.atfork_set = pthread_atfork(NULL, NULL, note_fork) == 0;
	if (sim_faults_parse(&sim_ctx.env_faults, &sim_ctx.env_fault_count,
			     getenv("MIGSIM_FAULTS")) < 0) {
		mig_error_prefix("bad MIGSIM_FAULTS");
		sim_report(NULL);
		rc = NVML_ERROR_UNKNOWN;
	} else if (sim_file_lock(&sim_ctx.file) < 0) {
		sim_report(NULL);
		rc = NVML_ERROR_UNKNOWN;
	} else {
		rc = load_or_create();
		sim_file_unlock(&sim_ctx.file);
	}
	if (rc != NVML_SUCCESS) {
		free(sim_ctx.env_faults);
		sim_ctx.env_faults = NULL;
		sim_ctx.env_fault_count = 0;
		sim_file_release(&sim_ctx.file);
	}
	return rc;
}

static void shutdown_once(void);

static nvmlReturn_t init_common(const char *fn)
{
	sim_call call;
	nvmlReturn_t rc = NVML_SUCCESS;

	pthread_mutex_lock(&sim_ctx.mu);
	if (sim_ctx.refcount == 0)
		rc = first_init();
	if (rc == NVML_SUCCESS)
		sim_ctx.refcount++;
	pthread_mutex_unlock(&sim_ctx.mu);
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
	sim_state_release(&sim_ctx.state);
	sim_file_release(&sim_ctx.file);
	free(sim_ctx.env_faults);
	sim_ctx.env_faults = NULL;
	sim_ctx.env_fault_count = 0;
	sim_tally_release(&sim_ctx.local);
	sim_tally_release(&sim_ctx.pending);
	sim_ctx.reaped = 0;
	sim_ctx.last_report[0] = '\0';
}

static void shutdown_once(void)
{
	pthread_mutex_lock(&sim_ctx.mu);
	if (sim_ctx.refcount > 0 && --sim_ctx.refcount == 0) {
		sim_flush();
		forget_state();
	}
	pthread_mutex_unlock(&sim_ctx.mu);
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

	pthread_mutex_lock(&sim_ctx.mu);
	on = sim_ctx.refcount > 0;
	pthread_mutex_unlock(&sim_ctx.mu);
	return on;
}

/* Unloading the library (dlclose, exit) counts the calls of a client that never shut down,
 * then frees what init kept and every handle. */
__attribute__((destructor)) static void sim_unload(void)
{
	pthread_mutex_lock(&sim_ctx.mu);
	if (sim_ctx.refcount > 0) {
		sim_flush();
		forget_state();
	}
	sim_ctx.refcount = 0;
	sim_handles_release();
	pthread_mutex_unlock(&sim_ctx.mu);
}
