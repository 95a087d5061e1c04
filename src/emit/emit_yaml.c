/* SPDX-License-Identifier: Apache-2.0 */
/*
 * YAML documents through libyaml's emitter, so that quoting and escaping are libyaml's job and
 * never ours. The one thing libyaml cannot know is that a string like "1", "true" or "on" would
 * read back as a number or a boolean (it emits such scalars plain), so those are quoted here.
 */
#include "emit_internal.h"

#include <stdio.h>
#include <string.h>

#include "error_util.h"
#include "parse_util.h"
#include "banned.h"

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
	mig_strbuf *sb = data;

	mig_strbuf_add(sb, (const char *)buffer, size);
	return !sb->oom;
}

static void emit(struct emit_yaml *y, yaml_event_t *ev, int ok)
{
	if (y->failed) {
		if (ok)
			yaml_event_delete(ev);
		return;
	}
	if (!ok || !yaml_emitter_emit(&y->emitter, ev))
		y->failed = 1;
}

int mig_emit__yaml_begin(struct emit_yaml *y)
{
	yaml_event_t ev;

	memset(y, 0, sizeof(*y));
	if (!yaml_emitter_initialize(&y->emitter))
		return mig_error_oom();
	y->ready = 1;
	yaml_emitter_set_output(&y->emitter, write_handler, &y->sb);
	yaml_emitter_set_unicode(&y->emitter, 1);
	yaml_emitter_set_indent(&y->emitter, 2);
	yaml_emitter_set_width(&y->emitter, -1);
	emit(y, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(y, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	return 0;
}

static void collection(struct emit_yaml *y, int map, int flow)
{
	yaml_event_t ev;

	if (map)
		emit(y, &ev,
		     yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
							 flow ? YAML_FLOW_MAPPING_STYLE
							      : YAML_BLOCK_MAPPING_STYLE));
	else
		emit(y, &ev,
		     yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
							  flow ? YAML_FLOW_SEQUENCE_STYLE
							       : YAML_BLOCK_SEQUENCE_STYLE));
}

void mig_emit__yaml_map(struct emit_yaml *y)
{
	collection(y, 1, 0);
}

void mig_emit__yaml_flow_map(struct emit_yaml *y)
{
	collection(y, 1, 1);
}

void mig_emit__yaml_seq(struct emit_yaml *y)
{
	collection(y, 0, 0);
}

void mig_emit__yaml_flow_seq(struct emit_yaml *y)
{
	collection(y, 0, 1);
}

void mig_emit__yaml_map_end(struct emit_yaml *y)
{
	yaml_event_t ev;

	emit(y, &ev, yaml_mapping_end_event_initialize(&ev));
}

void mig_emit__yaml_seq_end(struct emit_yaml *y)
{
	yaml_event_t ev;

	emit(y, &ev, yaml_sequence_end_event_initialize(&ev));
}

/* YAML 1.1 (which Kubernetes and Compose readers follow in part) reads these as non-strings. */
static int looks_typed(const char *s)
{
	static const char *const words[] = {"null", "~",   "true", "false", "yes", "no",
					    "on",   "off", "y",	   "n",	    NULL};
	size_t i;

	if (!*s)
		return 1;
	for (i = 0; words[i]; i++)
		if (mig_strcaseeq(s, words[i]))
			return 1;
	if (!strchr("0123456789+-.", s[0]))
		return 0;
	/* numbers of any base, floats, .inf, sexagesimal 1:20 */
	return strspn(s, "0123456789abcdefABCDEFxXoO._:+-infINFnaNA") == strlen(s);
}

static void scalar(struct emit_yaml *y, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;

	emit(y, &ev,
	     yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
					  style));
}

void mig_emit__yaml_str(struct emit_yaml *y, const char *s)
{
	scalar(y, s, looks_typed(s) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
}

void mig_emit__yaml_int(struct emit_yaml *y, long long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", v);
	scalar(y, buf, YAML_PLAIN_SCALAR_STYLE);
}

void mig_emit__yaml_literal(struct emit_yaml *y, const char *s)
{
	scalar(y, s, YAML_LITERAL_SCALAR_STYLE);
}

void mig_emit__yaml_kv(struct emit_yaml *y, const char *key, const char *value)
{
	mig_emit__yaml_str(y, key);
	mig_emit__yaml_str(y, value);
}

int mig_emit__yaml_command(struct emit_yaml *y, const char *key, const char *tmpl,
			   const mig_emit_service *s, size_t r)
{
	char **w = NULL;
	size_t n = 0, i;
	int rc = mig_emit__command_words(&w, &n, tmpl, s, r);

	if (rc == 0) {
		mig_emit__yaml_str(y, key);
		mig_emit__yaml_flow_seq(y);
		for (i = 0; i < n; i++)
			mig_emit__yaml_str(y, w[i]);
		mig_emit__yaml_seq_end(y);
	}
	free(w);
	return rc;
}

void mig_emit__yaml_release(struct emit_yaml *y)
{
	if (y->ready)
		yaml_emitter_delete(&y->emitter);
	y->ready = 0;
	mig_strbuf_release(&y->sb);
}

int mig_emit__yaml_end(struct emit_yaml *y, const char *header, char **out)
{
	yaml_event_t ev;
	mig_strbuf text = MIG_STRBUF_INIT;
	int rc = 0;

	emit(y, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(y, &ev, yaml_stream_end_event_initialize(&ev));
	if (y->failed || y->sb.oom) {
		rc = y->sb.oom || y->emitter.error == YAML_MEMORY_ERROR
			     ? mig_error_oom()
			     : mig_error_set(MIG_EINVALID, "cannot write YAML: %s",
					     y->emitter.problem ? y->emitter.problem
								: "emitter error");
		mig_emit__yaml_release(y);
		return rc;
	}
	if (header)
		mig_strbuf_adds(&text, header);
	mig_strbuf_adds(&text, mig_strbuf_str(&y->sb));
	mig_emit__yaml_release(y);
	*out = mig_strbuf_detach(&text);
	return *out ? 0 : mig_error_oom();
}
