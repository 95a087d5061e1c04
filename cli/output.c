/* SPDX-License-Identifier: Apache-2.0 */
#include "output.h"

#include <stdlib.h>
#include <string.h>

#include "exit.h"
#include "cli.h"
#include "banned.h"

struct cli_table {
	size_t cols;
	size_t rows;
	size_t alloc;
	char **cells; /* rows * cols, row 0 = headers */
};

static char *dup_cell(const char *s)
{
	size_t n = strlen(s ? s : "");
	char *p = malloc(n + 1);

	if (p)
		memcpy(p, s ? s : "", n + 1);
	return p;
}

struct cli_table *cli_table_new(const char *const *headers)
{
	struct cli_table *t = calloc(1, sizeof(*t));
	size_t n = 0;

	if (!t)
		return NULL;
	while (headers[n] && n < CLI_TABLE_MAX_COLS)
		n++;
	t->cols = n;
	if (cli_table_add(t, headers, n) < 0) {
		cli_table_free(t);
		return NULL;
	}
	return t;
}

int cli_table_add(struct cli_table *t, const char *const *cells, size_t count)
{
	size_t i;

	if (t->rows == t->alloc) {
		size_t alloc = t->alloc ? t->alloc * 2 : 16;
		char **p;

		if (alloc > (size_t)-1 / sizeof(char *) / (t->cols ? t->cols : 1))
			return -1;
		p = realloc(t->cells, alloc * t->cols * sizeof(char *));
		if (!p)
			return -1;
		t->cells = p;
		t->alloc = alloc;
	}
	for (i = 0; i < t->cols; i++) {
		char *c = dup_cell(i < count ? cells[i] : "");

		if (!c) {
			while (i--)
				free(t->cells[t->rows * t->cols + i]);
			return -1;
		}
		t->cells[t->rows * t->cols + i] = c;
	}
	t->rows++;
	return 0;
}

void cli_table_print(const struct cli_table *t, FILE *out)
{
	size_t width[CLI_TABLE_MAX_COLS] = { 0 };
	size_t r, c;

	for (r = 0; r < t->rows; r++)
		for (c = 0; c < t->cols; c++) {
			size_t n = strlen(t->cells[r * t->cols + c]);

			if (n > width[c])
				width[c] = n;
		}
	for (r = 0; r < t->rows; r++) {
		for (c = 0; c < t->cols; c++) {
			const char *cell = t->cells[r * t->cols + c];

			if (c + 1 == t->cols)
				fprintf(out, "%s\n", cell);
			else
				fprintf(out, "%-*s  ", (int)width[c], cell);
		}
	}
}

void cli_table_free(struct cli_table *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->rows * t->cols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t);
}

int cli_json_print(json_t *value, FILE *out)
{
	int rc;

	if (!value)
		return cli_fail(CLI_EXIT_FAILED, "out of memory");
	rc = json_dumpf(value, out, JSON_INDENT(2));
	json_decref(value);
	if (rc != 0 || fputc('\n', out) == EOF)
		return cli_fail(CLI_EXIT_FAILED, "cannot write the JSON output");
	return CLI_EXIT_OK;
}
