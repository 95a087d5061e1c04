/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The `calibration:` section: measured numbers that replace the model's. Whole-GPU peaks and
 * efficiencies per GPU type, and tokens/s of a workload on a profile (docs/planner.md).
 */
#include "plan_internal.h"

#include <string.h>

#include "error_util.h"
#include "parse_util.h"
#include "plan_yaml.h"
#include "banned.h"

static const char *const section_keys[] = {"gpus", "measurements", NULL};
static const char *const gpu_keys[] = {
	"gpu", "bandwidth", "fp16_tflops", "decode_efficiency", "prefill_efficiency", NULL};
static const char *const measurement_keys[] = {
	"workload", "gpu", "profile", "decode_tokens_per_s", "prefill_tokens_per_s", NULL};

static int calib_gpu(mig_plan_input *in, struct plan_yaml *y, yaml_node_t *map)
{
	mig_plan_gpu_calibration c = {0};
	yaml_node_t *n;
	int rc = mig_plan__yaml_check_keys(y, map, "a GPU calibration", gpu_keys);

	if (rc < 0)
		return rc;
	c.where = mig_plan__yaml_where(map);
	if (!(n = mig_plan__yaml_get(y, map, "gpu")))
		return mig_plan__yaml_error(y, map, "GPU calibration without 'gpu'");
	rc = mig_plan__yaml_gpu(y, n, &c.gpu);
	if (!rc && (n = mig_plan__yaml_get(y, map, "bandwidth")))
		rc = mig_plan__yaml_number(y, n, 1, 1e6, &c.bandwidth_gbs);
	if (!rc && (n = mig_plan__yaml_get(y, map, "fp16_tflops")))
		rc = mig_plan__yaml_number(y, n, 0.001, 1e6, &c.fp16_tflops);
	if (!rc && (n = mig_plan__yaml_get(y, map, "decode_efficiency")))
		rc = mig_plan__yaml_number(y, n, 0.01, 1, &c.decode_efficiency);
	if (!rc && (n = mig_plan__yaml_get(y, map, "prefill_efficiency")))
		rc = mig_plan__yaml_number(y, n, 0.01, 1, &c.prefill_efficiency);
	if (rc < 0)
		return rc;
	rc = mig_plan_input_add_gpu_calibration(in, &c);
	return rc < 0 ? mig_plan__yaml_prefix(y, map, rc) : 0;
}

static int has_workload(const mig_plan_input *in, const char *name)
{
	size_t i;

	for (i = 0; i < in->workload_count; i++)
		if (strcmp(in->workloads[i].name, name) == 0)
			return 1;
	return 0;
}

static int measurement_profile(struct plan_yaml *y, yaml_node_t *n, mig_plan_measurement *m)
{
	int rc = mig_plan__yaml_expect(y, n, YAML_SCALAR_NODE);

	if (rc < 0)
		return rc;
	if (mig_strcaseeq(mig_plan__yaml_text(n), "full")) {
		m->profile = NULL;
		return 0;
	}
	rc = mig_catalog_find_profile(&m->profile, m->gpu, mig_plan__yaml_text(n));
	return rc < 0 ? mig_plan__yaml_prefix(y, n, MIG_EINVALID) : 0;
}

static int measurement(mig_plan_input *in, struct plan_yaml *y, yaml_node_t *map)
{
	mig_plan_measurement m = {0};
	yaml_node_t *n, *wn, *pn;
	int rc = mig_plan__yaml_check_keys(y, map, "a measurement", measurement_keys);

	if (rc < 0)
		return rc;
	m.where = mig_plan__yaml_where(map);
	wn = mig_plan__yaml_get(y, map, "workload");
	n = mig_plan__yaml_get(y, map, "gpu");
	pn = mig_plan__yaml_get(y, map, "profile");
	if (!wn || !n || !pn)
		return mig_plan__yaml_error(y, map,
					    "a measurement needs 'workload', 'gpu' and 'profile'");
	if ((rc = mig_plan__yaml_expect(y, wn, YAML_SCALAR_NODE)) < 0)
		return rc;
	m.workload = mig_plan__yaml_text(wn);
	if (!has_workload(in, m.workload))
		return mig_plan__yaml_error(y, wn, "unknown workload '%s'", m.workload);
	if ((rc = mig_plan__yaml_gpu(y, n, &m.gpu)) < 0 ||
	    (rc = measurement_profile(y, pn, &m)) < 0)
		return rc;
	if ((n = mig_plan__yaml_get(y, map, "decode_tokens_per_s")) &&
	    (rc = mig_plan__yaml_number(y, n, 0.001, 1e9, &m.decode_tokens_per_s)) < 0)
		return rc;
	if ((n = mig_plan__yaml_get(y, map, "prefill_tokens_per_s")) &&
	    (rc = mig_plan__yaml_number(y, n, 0.001, 1e12, &m.prefill_tokens_per_s)) < 0)
		return rc;
	rc = mig_plan_input_add_measurement(in, &m);
	return rc < 0 ? mig_plan__yaml_prefix(y, map, rc) : 0;
}

static int each(mig_plan_input *in, struct plan_yaml *y, yaml_node_t *list,
		int (*fn)(mig_plan_input *, struct plan_yaml *, yaml_node_t *))
{
	yaml_node_item_t *it;
	int rc = mig_plan__yaml_expect(y, list, YAML_SEQUENCE_NODE);

	for (it = list->data.sequence.items.start; !rc && it < list->data.sequence.items.top; it++)
		rc = fn(in, y, mig_plan__yaml_node(y, *it));
	return rc;
}

int mig_plan__calibration_section(mig_plan_input *in, struct plan_yaml *y, yaml_node_t *node)
{
	yaml_node_t *n;
	int rc = mig_plan__yaml_check_keys(y, node, "calibration", section_keys);

	if (rc < 0)
		return rc;
	if ((n = mig_plan__yaml_get(y, node, "gpus")) && (rc = each(in, y, n, calib_gpu)) < 0)
		return rc;
	if ((n = mig_plan__yaml_get(y, node, "measurements")))
		rc = each(in, y, n, measurement);
	return rc;
}
