/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_PLAN_TABLE_H
#define MIGCTL_PLAN_TABLE_H

/*
 * Aligned text tables for the planner's report. A table that failed to grow remembers it in
 * `oom`, so that a caller adds every row and checks once.
 *
 *   struct plan_table t;
 *   mig_plan__table_init(&t, 3);
 *   mig_plan__table_add(&t, (const char *[]){ "GPU", "LAYOUT", "WORKLOADS" });
 *   mig_plan__table_render(&t, &sb, "  ");
 *   mig_plan__table_release(&t);
 */

#include <stddef.h>

#include "strbuf.h"

#define PLAN_TABLE_MAX_COLS 10

struct plan_table {
	size_t cols, rows;
	char **cells; /* rows x cols, each malloc'd */
	int oom;
};

void mig_plan__table_init(struct plan_table *t, size_t cols);
/* Append a row of cols cells (NULL cells are empty). */
void mig_plan__table_add(struct plan_table *t, const char *const *cells);
/* Write the rows, each after `indent`, columns padded to their widest cell. */
void mig_plan__table_render(const struct plan_table *t, mig_strbuf *sb, const char *indent);
void mig_plan__table_release(struct plan_table *t);

#endif
