/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_PLAN_YAML_H
#define MIGCTL_PLAN_YAML_H

/*
 * Reading the planner's YAML with positions: a libyaml document plus helpers that check a
 * node's type and value and, when it is wrong, record "FILE:LINE:COLUMN: what is wrong" (both
 * counted from 1) as the last error.
 */

#include <stdint.h>
#include <yaml.h>

#include "migctl/plan.h"

struct plan_yaml {
	yaml_document_t doc;
	const char *name;
	int loaded;
};

/* Parse text into a document; a syntax error becomes MIG_EINVALID with its position. */
int mig_plan__yaml_load(struct plan_yaml *y, const char *text, size_t len, const char *name);
void mig_plan__yaml_release(struct plan_yaml *y);
yaml_node_t *mig_plan__yaml_root(struct plan_yaml *y);
yaml_node_t *mig_plan__yaml_node(struct plan_yaml *y, int id);

/* Record MIG_EINVALID "NAME:LINE:COL: message" at a node and return MIG_EINVALID. */
int mig_plan__yaml_error(const struct plan_yaml *y, const yaml_node_t *node, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* Put "NAME:LINE:COL" in front of the last error (for errors from the catalog). */
int mig_plan__yaml_prefix(const struct plan_yaml *y, const yaml_node_t *node, int code);

mig_plan_where mig_plan__yaml_where(const yaml_node_t *node);

/* Check a node's type ("a list", "a mapping", "a value"). */
int mig_plan__yaml_expect(const struct plan_yaml *y, const yaml_node_t *node, yaml_node_type_t t);

/* The text of a scalar node (NUL-terminated by libyaml). */
const char *mig_plan__yaml_text(const yaml_node_t *node);

/*
 * Check that every key of a mapping is one of `keys` (NULL-terminated) and that none repeats;
 * the error names the key and lists the valid ones in the hint.
 */
int mig_plan__yaml_check_keys(struct plan_yaml *y, const yaml_node_t *map, const char *what,
			      const char *const *keys);

/* The value of key in a mapping, or NULL. */
yaml_node_t *mig_plan__yaml_get(struct plan_yaml *y, const yaml_node_t *map, const char *key);

/* Values. Each checks the node is a scalar of the right form and range. */
int mig_plan__yaml_uint(const struct plan_yaml *y, const yaml_node_t *n, unsigned min, unsigned max,
			unsigned *out);
int mig_plan__yaml_number(const struct plan_yaml *y, const yaml_node_t *n, double min, double max,
			  double *out);
/* A size with its unit: "14GiB", "13.5 GB", "512MiB", "0B". */
int mig_plan__yaml_bytes(const struct plan_yaml *y, const yaml_node_t *n, uint64_t *out);
/* A count with an optional suffix: "7B", "1.5b", "350M", "7e9". */
int mig_plan__yaml_count(const struct plan_yaml *y, const yaml_node_t *n, double *out);
int mig_plan__yaml_dtype(const struct plan_yaml *y, const yaml_node_t *n, mig_plan_dtype *out);
int mig_plan__yaml_gpu(const struct plan_yaml *y, const yaml_node_t *n, const mig_gpu **out);

/* The `calibration:` section (plan_calib.c). */
int mig_plan__calibration_section(mig_plan_input *in, struct plan_yaml *y, yaml_node_t *node);

/* Parse a plain decimal number (no sign, hex, inf or nan); 0 or -1. Exposed for the tests. */
int mig_plan__parse_number(const char *s, size_t len, double *out);

#endif
