/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_ERROR_H
#define MIGCTL_ERROR_H

/**
 * @file error.h
 * @brief Error codes and the per-thread "last error" of libmigctl.
 *
 * Every library function that can fail returns 0 on success or one of the negative codes
 * below, and records a message (and sometimes a hint: the way out) that the caller reads with
 * mig_error_last().
 *
 * Two caveats, as with any per-thread last-error scheme:
 *  - read the error right after the failing call; any later library call may replace it;
 *  - when you deliberately ignore a failure, call mig_error_clear() so that a stale message is
 *    not reported later as if it belonged to another failure.
 */

#include "common.h"

typedef enum mig_error_code {
	MIG_OK = 0,
	MIG_ERROR = -1,		/**< generic failure */
	MIG_ENOTFOUND = -2,	/**< a GPU, profile, instance or file does not exist */
	MIG_EINVALID = -3,	/**< bad input: argument, spec, file content */
	MIG_ENOFIT = -4,	/**< the requested instances do not fit (no placement) */
	MIG_EINUSE = -5,	/**< an instance has running processes */
	MIG_ELOCKED = -6,	/**< another migctl holds the lock */
	MIG_ENOTSUPPORTED = -7, /**< the GPU or driver cannot do this */
	MIG_ENVML = -8,		/**< the NVIDIA driver (NVML) reported an error */
	MIG_ENOMEM = -9,	/**< out of memory */
	MIG_EIO = -10,		/**< reading or writing a file failed */
	MIG_ERECOVER = -11,	/**< an interrupted apply must be recovered first */
} mig_error_code;

/** The last error recorded on this thread. */
typedef struct mig_error {
	int code;	     /**< one of mig_error_code */
	const char *message; /**< what failed and why, lower-case, no final stop */
	const char *hint;    /**< the way out, or NULL */
} mig_error;

/**
 * @return the last error recorded on this thread; never NULL. When no error was recorded,
 * code is MIG_OK and message is "no error". The pointers live until the next library call.
 */
MIG_EXTERN(const mig_error *) mig_error_last(void);

/** Forget the last error of this thread. */
MIG_EXTERN(void) mig_error_clear(void);

/** @return a short English name of a code ("no fit", "in use", ...), never NULL. */
MIG_EXTERN(const char *) mig_error_code_name(int code);

#endif
