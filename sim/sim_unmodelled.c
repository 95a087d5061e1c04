/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Every NVML function the simulator does not model: exported with its real signature (from the
 * lists in src/nvml/nvml_abi_unmodelled_*.h, so the compiler checks each definition against its
 * declaration) and answering NOT_SUPPORTED. They still follow the call protocol: UNINITIALIZED
 * before init, counted, and subject to injected faults.
 */
#include "sim_internal.h"

#include "banned.h"

static nvmlReturn_t unmodelled(const char *fn)
{
	sim_call call;
	nvmlReturn_t rc = sim_begin(&call, fn);

	if (rc == NVML_SUCCESS)
		rc = NVML_ERROR_NOT_SUPPORTED;
	return sim_end(&call, rc);
}

#define NVML_UNMODELLED(name, params)                                                              \
	nvmlReturn_t name params                                                                   \
	{                                                                                          \
		return unmodelled(#name);                                                          \
	}

#include "nvml/nvml_abi_unmodelled_get.h"
#include "nvml/nvml_abi_unmodelled_set.h"
#include "nvml/nvml_abi_unmodelled_misc.h"
