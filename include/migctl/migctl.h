/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_MIGCTL_H
#define MIGCTL_MIGCTL_H

/**
 * @file migctl.h
 * @brief libmigctl, all of it: include this one header.
 *
 *  - catalog.h:  every MIG-capable GPU's profiles, placements, SMs, memory, engines
 *  - geometry.h: placement rules: check, fit, order, enumerate, explain
 *  - device.h:   GPUs through NVML (driver or simulator): read state, create, destroy
 *  - error.h:    error codes and the last error's message and hint
 */

#include "common.h"
#include "error.h"
#include "catalog.h"
#include "geometry.h"
#include "device.h"

#endif
