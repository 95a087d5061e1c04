/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CLI_OUTPUT_H
#define MIGCTL_CLI_OUTPUT_H

/*
 * The two renderings of every result: an aligned text table for people, JSON for programs.
 * A subcommand builds its rows (or its json_t) and calls one printer.
 */

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#define CLI_TABLE_MAX_COLS 16

struct cli_table;

/* A table with the given column headers (NULL-terminated). NULL when out of memory. */
struct cli_table *cli_table_new(const char *const *headers);

/* Append a row; each cell is formatted with printf-style "%s" only when given. Cells are
 * copied. Extra cells are ignored, missing ones are blank. Returns 0 or -1 (out of memory). */
int cli_table_add(struct cli_table *t, const char *const *cells, size_t count);

/* Print with columns aligned (two spaces apart); the last column is not padded. */
void cli_table_print(const struct cli_table *t, FILE *out);

void cli_table_free(struct cli_table *t);

/* Print a JSON value (indented, one trailing newline) and release it. Returns the exit code:
 * 0, or 1 when the value is NULL (out of memory) or printing failed. */
int cli_json_print(json_t *value, FILE *out);

#endif
