/* SPDX-License-Identifier: Apache-2.0 */
/* Aligned text tables for the report: cells are copied, columns two spaces apart. */
#include "plan_table.h"

#include <stdlib.h>
#include <string.h>

#include "banned.h"

void mig_plan__table_init(struct plan_table *t, size_t cols)
{
	memset(t, 0, sizeof(*t));
	t->cols = cols < PLAN_TABLE_MAX_COLS ? cols : PLAN_TABLE_MAX_COLS;
}

static char *dup_cell(const char *s)
{
	size_t n = strlen(s ? s : "") + 1;
	char *d = malloc(n);

	if (d)
		memcpy(d, s ? s : "", n);
	return d;
}

void mig_plan__table_add(struct plan_table *t, const char *const *cells)
{
	char **row;
	size_t i;

	if (t->oom)
		return;
	row = realloc(t->cells, (t->rows + 1) * t->cols * sizeof(*row));
	if (!row) {
		t->oom = 1;
		return;
	}
	t->cells = row;
	row += t->rows * t->cols;
	for (i = 0; i < t->cols; i++) {
		row[i] = dup_cell(cells[i]);
		t->oom |= !row[i];
	}
	t->rows++;
}

void mig_plan__table_render(const struct plan_table *t, mig_strbuf *sb, const char *indent)
{
	size_t width[PLAN_TABLE_MAX_COLS] = {0}, r, c;

	for (r = 0; r < t->rows; r++)
		for (c = 0; c < t->cols; c++) {
			const char *cell = t->cells[r * t->cols + c];
			size_t n = cell ? strlen(cell) : 0;

			width[c] = n > width[c] ? n : width[c];
		}
	for (r = 0; r < t->rows; r++) {
		mig_strbuf_adds(sb, indent);
		for (c = 0; c < t->cols; c++) {
			const char *cell = t->cells[r * t->cols + c];

			if (c + 1 == t->cols)
				mig_strbuf_adds(sb, cell ? cell : "");
			else
				mig_strbuf_addf(sb, "%-*s  ", (int)width[c], cell ? cell : "");
		}
		while (sb->len && sb->buf[sb->len - 1] == ' ')
			sb->buf[--sb->len] = '\0';
		mig_strbuf_addch(sb, '\n');
	}
}

void mig_plan__table_release(struct plan_table *t)
{
	size_t i;

	for (i = 0; i < t->rows * t->cols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}
