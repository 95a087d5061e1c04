/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGSIM_H
#define MIGSIM_H

/**
 * @file migsim.h
 * @brief Managing simulated GPUs without going through NVML (for `migctl sim` and tests).
 *
 * The simulator (libnvidia-ml.so.1 built from sim/) keeps its GPUs in a JSON state file named
 * by MIGSIM_STATE. These functions edit that file directly, under the same lock and with the
 * same atomic replacement the simulator uses, so they are safe while simulated clients run.
 * They live in the static library migsim_admin (link it together with libmigctl, which provides
 * the catalog); the simulator library itself exports nvml* symbols only.
 *
 * Every function returns 0 or a negative mig_error_code and records the message in migctl's
 * error state (mig_error_last()).
 */

#include <stddef.h>
#include <stdint.h>

/**
 * The state file path: MIGSIM_STATE, else "$TMPDIR/migsim-<uid>.json" (TMPDIR defaults to
 * /tmp).
 * @param buf receives the path
 * @return buf, or NULL when it does not fit
 */
char *migsim_state_path(char *buf, size_t len);

/**
 * Create a state file holding the GPUs of a spec such as "2xh100-80gb,a100-80gb" (catalog keys,
 * aliases, NVML names or PCI ids), MIG disabled, nothing attached.
 * @param force replace an existing file
 * @return 0; MIG_EINVALID if the file exists and force is 0; MIG_ENOTFOUND / MIG_EINVALID
 *         naming a bad spec token; MIG_EIO
 */
int migsim_create(const char *path, const char *spec, int force);

/**
 * The state file's content as JSON text, after checking it.
 * @param out receives the text; the caller frees it with free()
 * @return 0, MIG_ENOTFOUND (no file), MIG_EINVALID (corrupt, naming the problem), MIG_EIO
 */
int migsim_show(char **out, const char *path);

/**
 * Reset a GPU as `nvidia-smi -r` would: a pending MIG mode becomes current (dropping every GPU
 * instance when the mode changes), and a lost GPU comes back.
 * @param gpu the GPU index, or -1 for every GPU
 * @return 0, MIG_ENOTFOUND (no such GPU), MIG_EINUSE (processes are running), or a file error
 */
int migsim_reset(const char *path, int gpu);

/**
 * Attach a running process to a GPU: to compute instance ci of GPU instance gi when MIG is
 * enabled, to the whole GPU (gi = ci = -1) when it is not. A process whose pid has ended is
 * dropped by the next simulator call.
 * @return 0, MIG_ENOTFOUND (no such GPU or instance), MIG_EINVALID (bad pid or memory)
 */
int migsim_attach(const char *path, int gpu, int gi, int ci, unsigned pid, uint64_t used_mib);

/** Detach a process from a GPU. @return 0 or MIG_ENOTFOUND */
int migsim_detach(const char *path, int gpu, unsigned pid);

/**
 * Add injected faults, in the MIGSIM_FAULTS grammar ("nvmlDeviceCreateGpuInstance:2:IN_USE",
 * "lost:1:10"; see sim/sim_fault.h). They count calls with the state's own counters.
 * @return 0 or MIG_EINVALID naming the bad entry
 */
int migsim_fault_add(const char *path, const char *spec);

/** Remove every fault. */
int migsim_fault_clear(const char *path);

/**
 * How many times the simulator was called through a function, over all processes since the
 * file was created ("total" or NULL: all functions). A simulated client keeps its count of
 * read-only calls in memory and adds it to the file with its next change, at its last
 * nvmlShutdown, or at exit: the calls of a client still running may not be in the file yet, and
 * those of a client killed with SIGKILL (or leaving with _exit) never are. Faults that count
 * calls see the file's counts plus the client's own.
 */
int migsim_calls(uint64_t *out, const char *path, const char *function);

/** Set the utilization a GPU reports (percent, 0..100). */
int migsim_set_utilization(const char *path, int gpu, unsigned gpu_pct, unsigned mem_pct);

#endif
