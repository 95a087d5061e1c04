/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGSIM_CONTEXT_H
#define MIGSIM_CONTEXT_H

/*
 * The simulator's process-wide context, shared by the init/shutdown code (sim_init.c) and the
 * per-call protocol (sim_call.c) only. Every field is guarded by mu.
 */

#include <pthread.h>
#include <sys/types.h>

#include "sim_fault.h"
#include "sim_file.h"
#include "sim_state.h"
#include "sim_tally.h"

typedef struct sim_context {
	pthread_mutex_t mu;
	unsigned refcount; /* nvmlInit calls not yet shut down */
	sim_file file;
	sim_state state;       /* the file's version last read or written, as readers see it */
	sim_fault *env_faults; /* MIGSIM_FAULTS, counted in this process only */
	size_t env_fault_count;
	sim_tally local;   /* calls since init, for env_faults */
	sim_tally pending; /* calls not yet in the file (state.calls holds the file's) */
	int reaped;	   /* processes that ended were dropped and not yet written */
	pid_t pid;	   /* the process pending belongs to */
	int forked;	   /* set in a child by fork (a getpid per call would cost a syscall) */
	int atfork_set;	   /* the fork handler is registered */
	char last_report[512];
} sim_context;

extern sim_context sim_ctx;

/* One line on stderr naming the last error (mig_error_last), once per distinct problem. */
void sim_report(const char *what);

/* Write this process's pending calls (and dropped processes) into the file, under its lock;
 * quietly does nothing when the file is gone or corrupt. The caller holds mu. */
void sim_flush(void);

#endif
