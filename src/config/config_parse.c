/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading a layout file: libyaml loads the document (and reports syntax errors with its own
 * position), then the tree is walked by schema: the top level here, entries in
 * config_parse_entry.c, `mig-devices` in config_parse_instances.c.
 */
#include "config_yaml.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

static const mig_config_pos no_pos = { 0, 0 };

/* Line and column of a byte offset, counted as libyaml does: characters, not bytes, and
 * "\r\n" as one line break. */
static mig_config_pos offset_pos(const char *text, size_t len, size_t offset)
{
	mig_config_pos pos = { 1, 1 };
	size_t i;

	for (i = 0; i < offset && i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == '\n' || (c == '\r' && (i + 1 >= len || text[i + 1] != '\n'))) {
			pos.line++;
			pos.column = 1;
		} else if ((c & 0xC0) != 0x80 && c != '\r') {
			pos.column++;
		}
	}
	return pos;
}

static int syntax_error(const yaml_parser_t *p, const char *path, const char *text, size_t len)
{
	mig_config_pos pos;

	if (p->error == YAML_MEMORY_ERROR)
		return mig_error_oom();
	if (p->error == YAML_READER_ERROR) {
		pos = offset_pos(text, len, p->problem_offset);
		if (p->problem_value != -1)
			return mig_config__error(path, pos, MIG_EINVALID,
						 "invalid YAML: %s (byte 0x%02x)", p->problem,
						 (unsigned)p->problem_value & 0xFFu);
		return mig_config__error(path, pos, MIG_EINVALID, "invalid YAML: %s",
					 p->problem ? p->problem : "unreadable input");
	}
	pos.line = (unsigned)p->problem_mark.line + 1;
	pos.column = (unsigned)p->problem_mark.column + 1;
	if (p->context)
		return mig_config__error(path, pos, MIG_EINVALID,
					 "invalid YAML: %s (%s at line %lu, column %lu)",
					 p->problem ? p->problem : "syntax error", p->context,
					 (unsigned long)p->context_mark.line + 1,
					 (unsigned long)p->context_mark.column + 1);
	return mig_config__error(path, pos, MIG_EINVALID, "invalid YAML: %s",
				 p->problem ? p->problem : "syntax error");
}

static int parse_configs(mig_cfg_doc *d, yaml_node_t *m, mig_config_file *f)
{
	char desc[MIG_CONFIG_ECHO_MAX + 16];
	yaml_node_pair_t *p;
	int rc;

	if (m->type != YAML_MAPPING_NODE)
		return mig_cfg__error(d, m, MIG_EINVALID,
				      "'mig-configs' must be a mapping of config names to lists of "
				      "entries, not %s",
				      mig_cfg__describe(desc, sizeof(desc), m));
	if (m->data.mapping.pairs.top == m->data.mapping.pairs.start)
		return mig_cfg__error(d, m, MIG_EINVALID, "'mig-configs' holds no configs");
	rc = mig_cfg__check_keys(d, m, NULL, "config", "'mig-configs'");
	for (p = m->data.mapping.pairs.start; rc == 0 && p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d->doc, p->key);
		yaml_node_t *v = mig_cfg__node(d, p->value);
		mig_config *c;

		if (!v)
			return mig_error_last()->code;
		if (k->data.scalar.length == 0)
			return mig_cfg__error(d, k, MIG_EINVALID, "empty config name");
		if (k->data.scalar.length > MIG_CONFIG_NAME_MAX)
			return mig_cfg__error(d, k, MIG_EINVALID,
					      "config name too long: %zu bytes (at most %d)",
					      k->data.scalar.length, MIG_CONFIG_NAME_MAX);
		c = mig_config__push(&f->configs, &f->config_count, sizeof(*c));
		if (!c)
			return MIG_ENOMEM;
		c->pos = mig_cfg__pos(k);
		c->name = mig_config__strndup((const char *)k->data.scalar.value,
					      k->data.scalar.length);
		if (!c->name)
			return MIG_ENOMEM;
		rc = mig_cfg__parse_config(d, v, c);
	}
	return rc;
}

static int parse_root(mig_cfg_doc *d, yaml_node_t *root, mig_config_file *f)
{
	static const char *const keys[] = { "version", "mig-configs", NULL };
	char desc[MIG_CONFIG_ECHO_MAX + 16];
	yaml_node_t *v, *m;
	int rc;

	if (root->type != YAML_MAPPING_NODE)
		return mig_cfg__error(d, root, MIG_EINVALID,
				      "expected a mapping with 'version' and 'mig-configs', not %s",
				      mig_cfg__describe(desc, sizeof(desc), root));
	rc = mig_cfg__check_keys(d, root, keys, "key", "the top level");
	if (rc < 0)
		return rc;
	v = mig_cfg__get(d, root, "version");
	if (!v)
		return mig_cfg__error(d, root, MIG_EINVALID,
				      "missing 'version' (layout files start with 'version: v1')");
	if (v->type != YAML_SCALAR_NODE || strcmp((const char *)v->data.scalar.value, "v1") != 0)
		return mig_cfg__error(d, v, MIG_EINVALID,
				      "unsupported version: 'version' must be v1, not %s",
				      mig_cfg__describe(desc, sizeof(desc), v));
	m = mig_cfg__get(d, root, "mig-configs");
	if (!m)
		return mig_cfg__error(d, root, MIG_EINVALID, "missing 'mig-configs'");
	return parse_configs(d, m, f);
}

/* libyaml reads a stream of documents; a layout file is one. */
static int check_one_document(yaml_parser_t *parser, const char *path, const char *text,
			      size_t len)
{
	yaml_document_t next;
	yaml_node_t *root;
	int rc = 0;

	if (!yaml_parser_load(parser, &next))
		return syntax_error(parser, path, text, len);
	root = yaml_document_get_root_node(&next);
	if (root) {
		mig_config_pos pos = { (unsigned)root->start_mark.line + 1,
				       (unsigned)root->start_mark.column + 1 };

		rc = mig_config__error(path, pos, MIG_EINVALID,
				       "a second YAML document; a layout file holds one");
	}
	yaml_document_delete(&next);
	return rc;
}

static int load(mig_config_file *f, const char *text, size_t len)
{
	yaml_parser_t parser;
	mig_cfg_doc d;
	yaml_node_t *root;
	int rc;

	if (!yaml_parser_initialize(&parser))
		return mig_error_oom();
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &d.doc)) {
		rc = syntax_error(&parser, f->path, text, len);
		yaml_parser_delete(&parser);
		return rc;
	}
	d.path = f->path;
	d.budget = MIG_CONFIG_NODE_BUDGET;
	root = yaml_document_get_root_node(&d.doc);
	if (!root)
		rc = mig_config__error(f->path, (mig_config_pos){ 1, 1 }, MIG_EINVALID,
				       "empty layout file; expected 'version: v1' and "
				       "'mig-configs'");
	else
		rc = check_one_document(&parser, f->path, text, len);
	if (rc == 0)
		rc = parse_root(&d, root, f);
	yaml_document_delete(&d.doc);
	yaml_parser_delete(&parser);
	return rc;
}

int mig_config_parse(mig_config_file **out, const char *text, size_t len, const char *path)
{
	mig_config_file *f;
	int rc;

	if (!out || (!text && len))
		return mig_error_set(MIG_EINVALID, "no layout text given");
	if (len > MIG_CONFIG_MAX_FILE)
		return mig_config__error(path, no_pos, MIG_EINVALID,
					 "layout file too large: %zu bytes (at most %u)", len,
					 MIG_CONFIG_MAX_FILE);
	f = mig_config__file_new(path);
	if (!f)
		return MIG_ENOMEM;
	rc = load(f, text ? text : "", len);
	if (rc < 0) {
		mig_config_file_free(f);
		return rc;
	}
	*out = f;
	return 0;
}

static int read_all(FILE *fp, const char *path, char **text, size_t *len)
{
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap);

	if (!buf)
		return mig_error_oom();
	for (;;) {
		size_t got = fread(buf + n, 1, cap - n, fp);

		n += got;
		if (n > MIG_CONFIG_MAX_FILE)
			break;
		if (got == 0) {
			if (ferror(fp)) {
				free(buf);
				return mig_error_set(MIG_EIO, "cannot read layout file '%s'", path);
			}
			*text = buf;
			*len = n;
			return 0;
		}
		if (n == cap) {
			char *p = realloc(buf, cap * 2);

			if (!p) {
				free(buf);
				return mig_error_oom();
			}
			buf = p;
			cap *= 2;
		}
	}
	free(buf);
	return mig_config__error(path, no_pos, MIG_EINVALID,
				 "layout file too large (more than %u bytes)", MIG_CONFIG_MAX_FILE);
}

int mig_config_load(mig_config_file **out, const char *path)
{
	FILE *fp;
	char *text = NULL;
	size_t len = 0;
	int rc;

	if (!out || !path)
		return mig_error_set(MIG_EINVALID, "no layout file given");
	fp = fopen(path, "rb");
	if (!fp)
		return mig_error_set(errno == ENOENT ? MIG_ENOTFOUND : MIG_EIO,
				     "cannot read layout file '%s': %s", path, strerror(errno));
	rc = read_all(fp, path, &text, &len);
	fclose(fp);
	if (rc < 0)
		return rc;
	rc = mig_config_parse(out, text, len, path);
	free(text);
	return rc;
}
