/* SPDX-License-Identifier: Apache-2.0 */
/* Opening NVML as a mig_system, and turning GPU selectors into indices. */
#include "device_internal.h"

#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "parse_util.h"
#include "banned.h"

int mig_system_open(mig_system **out, const char *library)
{
	mig_system *sys = calloc(1, sizeof(*sys));
	int rc;

	if (!sys)
		return mig_error_oom();
	rc = mig_nvml_open(&sys->nvml, library);
	if (rc < 0) {
		free(sys);
		return rc;
	}
	*out = sys;
	return 0;
}

void mig_system_close(mig_system *sys)
{
	if (!sys)
		return;
	mig_nvml_close(sys->nvml);
	free(sys);
}

unsigned long mig_system_nvml_calls(const mig_system *sys)
{
	return mig_nvml_call_count(sys->nvml);
}

int mig_system_gpu_count(mig_system *sys, unsigned *out)
{
	return mig_nvml_device_count(sys->nvml, out);
}

const mig_gpu *mig_device__model(uint32_t pci_device_id, const char *name)
{
	const mig_gpu *g = mig_catalog_by_pci_id(pci_device_id);

	return g ? g : mig_catalog_by_nvml_name(name);
}

/* Add index i to the selection once, keeping it sorted. */
static void add_index(unsigned *indices, size_t cap, size_t *count, unsigned i)
{
	size_t k, n = *count;

	for (k = 0; k < n && k < cap; k++)
		if (indices[k] == i)
			return;
	if (n < cap) {
		indices[n] = i;
		for (k = n; k > 0 && indices[k - 1] > indices[k]; k--) {
			unsigned t = indices[k];

			indices[k] = indices[k - 1];
			indices[k - 1] = t;
		}
	}
	*count = n + 1;
}

/* The index of the GPU a UUID or PCI bus id names. */
static int index_of_handle(mig_system *sys, mig_dev_h want, unsigned total, unsigned *out)
{
	unsigned i = 0;

	for (i = 0; i < total; i++) {
		mig_dev_h h;
		int rc = mig_nvml_device_by_index(sys->nvml, i, &h);

		if (rc < 0)
			return rc;
		if (h == want) {
			*out = i;
			return 0;
		}
	}
	return mig_error_set(MIG_ENOTFOUND, "the GPU has no index");
}

static int select_one(mig_system *sys, const char *item, size_t len, unsigned total,
		      unsigned *indices, size_t cap, size_t *count)
{
	char word[128];
	uint64_t v;
	mig_dev_h h = NULL;
	unsigned i = 0;
	int rc;

	if (len == 0 || len >= sizeof(word))
		return mig_error_set(MIG_EINVALID, "bad GPU selector '%.*s'", (int)len, item);
	memcpy(word, item, len);
	word[len] = '\0';
	if (mig_parse_uint(word, UINT32_MAX, &v) == 0) {
		if (v >= total) {
			mig_error_set(MIG_ENOTFOUND, "no GPU %s: this machine has %u GPU%s (0-%u)",
				      word, total, total == 1 ? "" : "s", total ? total - 1 : 0);
			return MIG_ENOTFOUND;
		}
		add_index(indices, cap, count, (unsigned)v);
		return 0;
	}
	if (strncmp(word, "GPU-", 4) == 0)
		rc = mig_nvml_device_by_uuid(sys->nvml, word, &h);
	else if (strchr(word, ':'))
		rc = mig_nvml_device_by_pci(sys->nvml, word, &h);
	else
		return mig_error_set(MIG_EINVALID,
				     "bad GPU selector '%s': use an index, 'all', a GPU UUID or "
				     "a PCI bus id",
				     word);
	if (rc < 0)
		return rc;
	rc = index_of_handle(sys, h, total, &i);
	if (rc < 0)
		return rc;
	add_index(indices, cap, count, i);
	return 0;
}

int mig_system_select(mig_system *sys, const char *selector, unsigned *indices, size_t cap,
		      size_t *count)
{
	unsigned total, i;
	size_t n = 0;
	const char *p;
	int rc = mig_system_gpu_count(sys, &total);

	if (rc < 0)
		return rc;
	if (!selector || mig_strcaseeq(selector, "all")) {
		for (i = 0; i < total; i++)
			add_index(indices, cap, &n, i);
		*count = n;
		return 0;
	}
	for (p = selector;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		rc = select_one(sys, p, len, total, indices, cap, &n);
		if (rc < 0)
			return rc;
		if (!comma)
			break;
		p = comma + 1;
	}
	*count = n;
	return 0;
}
