/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_ERROR_UTIL_H
#define MIGCTL_ERROR_UTIL_H

/*
 * Recording errors inside the library. The failing function sets the message (and maybe a
 * hint) and returns the code; callers above it pass the code up unchanged. Nothing under src/
 * prints: the command prints the last error once, at the top.
 */

#include "migctl/error.h"

#if defined(__GNUC__) || defined(__clang__)
#define MIG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define MIG_PRINTF(f, a)
#endif

/* Record code and message (printf format) as this thread's last error; clears the hint.
 * Returns code, so that `return mig_error_set(MIG_EINVALID, ...)` reads naturally. */
int mig_error_set(int code, const char *fmt, ...) MIG_PRINTF(2, 3);

/* Attach the way out to the last error. */
void mig_error_hint(const char *fmt, ...) MIG_PRINTF(1, 2);

/* Put "context: " in front of the last error's message (for callers that add the "where"). */
void mig_error_prefix(const char *fmt, ...) MIG_PRINTF(1, 2);

/* A copy of the last error, to keep it across cleanup calls that may record their own. */
typedef struct mig_error_saved {
	int code;
	char message[2048];
	char hint[1024];
	int has_hint;
} mig_error_saved;

void mig_error_save(mig_error_saved *saved);
void mig_error_restore(const mig_error_saved *saved);

/* Record MIG_ENOMEM ("out of memory") and return it. */
int mig_error_oom(void);

#endif
