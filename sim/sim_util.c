/* SPDX-License-Identifier: Apache-2.0 */
/* Small helpers shared by the nvml* implementations. */
#include "sim_internal.h"

#include <string.h>

#include "banned.h"

nvmlReturn_t sim_copy_string(char *buf, unsigned int length, const char *s)
{
	size_t n = strlen(s);

	if (!buf)
		return NVML_ERROR_INVALID_ARGUMENT;
	if (n + 1 > length)
		return NVML_ERROR_INSUFFICIENT_SIZE;
	memcpy(buf, s, n + 1);
	return NVML_SUCCESS;
}

/* Sort key of a MIG device: GI id, then CI id. */
static unsigned dev_key(const sim_gi *gi, const sim_ci *ci)
{
	return gi->id * 16 + ci->id;
}

size_t sim_mig_devices(sim_gpu *gpu, sim_gi **gis, sim_ci **cis, size_t cap)
{
	size_t i, j, k, n = 0;

	for (i = 0; i < gpu->gi_count; i++) {
		for (j = 0; j < gpu->gi[i].ci_count; j++, n++) {
			sim_gi *gi = &gpu->gi[i];
			sim_ci *ci = &gi->ci[j];

			if (n >= cap)
				continue;
			/* insertion sort: a GPU holds at most a few dozen */
			for (k = n; k > 0 && dev_key(gis[k - 1], cis[k - 1]) > dev_key(gi, ci);
			     k--) {
				gis[k] = gis[k - 1];
				cis[k] = cis[k - 1];
			}
			gis[k] = gi;
			cis[k] = ci;
		}
	}
	return n;
}

unsigned sim_max_mig_devices(const sim_gpu *gpu)
{
	return gpu->model->compute_slices;
}
