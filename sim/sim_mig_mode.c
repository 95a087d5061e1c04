/* SPDX-License-Identifier: Apache-2.0 */
/*
 * MIG mode. Every catalogued GPU is MIG-capable, so nvmlDeviceGetMigMode always answers for a
 * GPU handle (NOT_SUPPORTED is how clients would learn a GPU is not capable).
 *
 * nvmlDeviceSetMigMode sets the pending mode and then tries to activate it, reporting the
 * activation in *activationStatus while the call itself succeeds:
 *  - Hopper and later activate at once (SUCCESS), unless processes run on the GPU (IN_USE, the
 *    mode stays pending);
 *  - Ampere keeps the mode pending until the GPU is reset (`migctl sim reset`, as
 *    `nvidia-smi -r` on a real A100), reported as RESET_REQUIRED.
 * Whether a real driver refuses to disable MIG while GPU instances exist is not documented
 * (mig-parted always destroys them first); the simulator refuses with IN_USE and changes
 * nothing, which is the safe reading.
 */
#include "sim_internal.h"

nvmlReturn_t nvmlDeviceGetMigMode(nvmlDevice_t device, unsigned int *currentMode,
				  unsigned int *pendingMode)
{
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_dev(&call, device, &dev);
	if (rc == NVML_SUCCESS && dev.ci)
		rc = NVML_ERROR_NOT_SUPPORTED;
	if (rc == NVML_SUCCESS && (!currentMode || !pendingMode))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS) {
		*currentMode = dev.gpu->mig_current;
		*pendingMode = dev.gpu->mig_pending;
	}
	return sim_end(&call, rc);
}

static nvmlReturn_t activate(sim_gpu *gpu)
{
	if (gpu->mig_current == gpu->mig_pending)
		return NVML_SUCCESS;
	if (gpu->proc_count)
		return NVML_ERROR_IN_USE;
	if (gpu->model->arch == MIG_ARCH_AMPERE)
		return NVML_ERROR_RESET_REQUIRED;
	gpu->mig_current = gpu->mig_pending;
	gpu->gi_count = 0;
	return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceSetMigMode(nvmlDevice_t device, unsigned int mode,
				  nvmlReturn_t *activationStatus)
{
	unsigned current, pending;
	sim_call call;
	sim_dev dev;
	nvmlReturn_t rc = sim_begin_update(&call, __func__);

	if (rc == NVML_SUCCESS)
		rc = sim_resolve_gpu(&call, device, &dev);
	if (rc == NVML_SUCCESS && (!activationStatus || mode > NVML_DEVICE_MIG_ENABLE))
		rc = NVML_ERROR_INVALID_ARGUMENT;
	if (rc == NVML_SUCCESS && mode == NVML_DEVICE_MIG_DISABLE && dev.gpu->gi_count)
		rc = NVML_ERROR_IN_USE;
	if (rc == NVML_SUCCESS) {
		current = dev.gpu->mig_current;
		pending = dev.gpu->mig_pending;
		dev.gpu->mig_pending = mode;
		*activationStatus = activate(dev.gpu);
		if (dev.gpu->mig_current != current || dev.gpu->mig_pending != pending)
			sim_changed(&call);
	}
	return sim_end(&call, rc);
}
