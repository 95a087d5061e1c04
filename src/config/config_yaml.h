/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CONFIG_YAML_H
#define MIGCTL_CONFIG_YAML_H

/*
 * Reading a libyaml document tree by schema. libyaml gives untyped nodes with positions;
 * these helpers give typed values (strings, counts, booleans) and messages that carry the
 * node's position and name the bad value.
 *
 * Aliases make the tree a graph, possibly with cycles, and let a small file stand for a huge
 * one. The walk is bounded twice: the schema fixes the depth, and every node fetched costs one
 * unit of a budget, so no file can make the parser loop or blow up.
 */

#include <yaml.h>

#include "config_internal.h"

/* Nodes a walk may visit (aliases counted once per use). */
#define MIG_CONFIG_NODE_BUDGET 200000

typedef struct mig_cfg_doc {
	yaml_document_t doc;
	const char *path;
	unsigned long budget;
} mig_cfg_doc;

/* The node at index, charged to the budget; NULL (error recorded) when spent. */
yaml_node_t *mig_cfg__node(mig_cfg_doc *d, yaml_node_item_t index);

mig_config_pos mig_cfg__pos(const yaml_node_t *n);

/* Record "PATH:LINE:COL: <fmt>" at node n and return code. */
int mig_cfg__error(const mig_cfg_doc *d, const yaml_node_t *n, int code, const char *fmt, ...)
	MIG_PRINTF(4, 5);

/* What a node is, for messages: "a mapping", "a list", "nothing" (null), the plain value
 * ("'3'") or a quoted one ("the string '3'"). buf should hold MIG_CONFIG_ECHO_MAX + 16 bytes. */
const char *mig_cfg__describe(char *buf, size_t len, const yaml_node_t *n);

/* 1 when n is a plain scalar YAML reads as null ("", "~", "null"). */
int mig_cfg__is_null(const yaml_node_t *n);

/* The text of a scalar node (NUL-terminated), or NULL with an error naming what (for
 * "'devices' must be ...") when n is not a scalar or holds a NUL byte. */
const char *mig_cfg__string(const mig_cfg_doc *d, const yaml_node_t *n, const char *what);

/* A printable echo of a scalar for messages. */
const char *mig_cfg__echo(char *buf, size_t len, const yaml_node_t *n);

/* A plain decimal scalar from 0 to max. Returns 0, or -1 (nothing recorded). */
int mig_cfg__uint(const yaml_node_t *n, unsigned max, unsigned *out);

/* A plain boolean scalar (true/false, and YAML 1.1's yes/no/on/off, which mig-parted's YAML
 * reader accepts). Returns 0, or -1 (nothing recorded). */
int mig_cfg__bool(const yaml_node_t *n, int *out);

/*
 * Check a mapping's keys: every key a scalar, unique, and one of valid (NULL-terminated; NULL
 * allows any key). noun names a key in messages ("key", "config"), where the mapping ("an
 * entry of config 'x'"). Returns 0 or MIG_EINVALID.
 */
int mig_cfg__check_keys(mig_cfg_doc *d, yaml_node_t *map, const char *const *valid,
			const char *noun, const char *where);

/* The value of key in a mapping whose keys were checked, or NULL when absent. The keys were
 * charged to the budget by mig_cfg__check_keys; the value's own contents are charged by
 * whoever walks them. */
yaml_node_t *mig_cfg__get(mig_cfg_doc *d, yaml_node_t *map, const char *key);

/* The parsers of the parts of a file (config_parse_entry.c, config_parse_instances.c). */
int mig_cfg__parse_config(mig_cfg_doc *d, yaml_node_t *seq, mig_config *c);
int mig_cfg__parse_instances(mig_cfg_doc *d, yaml_node_t *md, mig_config_entry *e);

#endif
