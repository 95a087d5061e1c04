/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGSIM_FAULT_H
#define MIGSIM_FAULT_H

/*
 * Injected faults, after SQLite's faultsim: a countdown to the Nth call, then K failures with a
 * chosen NVML return code. Faults come from the state file (counted with the call counters kept
 * there, so across processes) or from MIGSIM_FAULTS (counted in this process only).
 *
 * The text form, several separated by ',' or ';':
 *   FUNCTION:N:CODE[:K]      calls N .. N+K-1 of FUNCTION fail with CODE (K defaults to 1;
 *                            0 or '*' means every call from the Nth on)
 *   FUNCTION@GPU:N:CODE[:K]  the same, only for calls that reach GPU (an index)
 *   *:N:CODE[:K]             counted over all functions
 *   lost:GPU:N               GPU falls off the bus after N calls: every later call that
 *                            reaches it returns GPU_IS_LOST
 * CODE is a name with or without its prefix ("INSUFFICIENT_RESOURCES",
 * "NVML_ERROR_INSUFFICIENT_RESOURCES") or a number ("23").
 */

#include <stddef.h>
#include <stdint.h>

#include "sim_state.h"

/* Parse an NVML return code given by name or number. 0, or -1 when unknown. */
int sim_code_parse(const char *s, size_t len, int *out);

/* The short name of a return code ("INSUFFICIENT_RESOURCES", "SUCCESS"), or NULL. */
const char *sim_code_name(int code);

/* Parse a fault list (grammar above) and append to *faults / *count.
 * 0, or MIG_EINVALID naming the bad entry, or MIG_ENOMEM. */
int sim_faults_parse(sim_fault **faults, size_t *count, const char *spec);

/*
 * The first fault among f[0..n) that fires for a call of fn, or NULL.
 * @param fn_calls the calls of fn so far, this one included
 * @param all_calls the calls of every function so far, this one included
 * @param gpu the GPU the call reaches, or -1 to consider only faults for any GPU
 */
const sim_fault *sim_fault_match(const sim_fault *f, size_t n, const char *fn, uint64_t fn_calls,
				 uint64_t all_calls, int gpu);

#endif
