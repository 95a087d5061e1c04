/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_COMMON_H
#define MIGCTL_COMMON_H

/**
 * @file common.h
 * @brief Things every public header of libmigctl needs: the export macro and the version.
 */

#if defined(__GNUC__) || defined(__clang__)
#define MIG_EXTERN(type) extern __attribute__((visibility("default"))) type
#else
#define MIG_EXTERN(type) extern type
#endif

#define MIGCTL_VERSION_MAJOR 0
#define MIGCTL_VERSION_MINOR 1
#define MIGCTL_VERSION_PATCH 0
#define MIGCTL_VERSION "0.1.0"

/** @return the version string of the library that is loaded ("0.1.0"). */
MIG_EXTERN(const char *) mig_version(void);

#endif
