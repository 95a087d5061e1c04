/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_DEVICE_INTERNAL_H
#define MIGCTL_DEVICE_INTERNAL_H

#include "migctl/device.h"
#include "../nvml/nvml_calls.h"

struct mig_system {
	mig_nvml *nvml;
};

/* The catalog entry of a GPU from its PCI id, else its NVML name; NULL when unknown. */
const mig_gpu *mig_device__model(uint32_t pci_device_id, const char *name);

#endif
