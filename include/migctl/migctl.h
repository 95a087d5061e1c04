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
 *  - config.h:   layout files (mig-parted v1 YAML + extensions), named configs, export
 *  - reconcile.h: minimal step plans from a GPU's state to a layout, journaled apply, recover
 *  - plan.h:     the planner: models and a fleet to the cheapest layouts, with the cost report
 *  - emit.h:     plans and state as docker, compose, Kubernetes and systemd text
 *  - error.h:    error codes and the last error's message and hint
 */

#include "common.h"
#include "error.h"
#include "catalog.h"
#include "geometry.h"
#include "device.h"
#include "config.h"
#include "reconcile.h"
#include "plan.h"
#include "emit.h"

#endif
