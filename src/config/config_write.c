/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Writing a layout file with libyaml's emitter, in mig-parted's layout: profile names and PCI
 * ids double-quoted, `devices` and `device-filter` as flow lists, keys of an entry in the
 * order of mig-parted's examples. The extensions (pinned keys, compute-instances, the list
 * form) appear only where the file holds them, so a mig-parted file comes out as mig-parted
 * can read it. The emitter quotes whatever needs quoting, so any parsed string round-trips.
 */
#include "config_internal.h"

#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "strbuf.h"
#include "banned.h"

typedef struct writer {
	yaml_emitter_t em;
	mig_strbuf out;
} writer;

static int on_write(void *data, unsigned char *buffer, size_t size)
{
	mig_strbuf *sb = data;

	mig_strbuf_add(sb, (const char *)buffer, size);
	return !sb->oom;
}

static int emit(writer *w, yaml_event_t *ev)
{
	if (yaml_emitter_emit(&w->em, ev))
		return 0;
	if (w->em.error == YAML_MEMORY_ERROR || w->out.oom)
		return mig_error_oom();
	return mig_error_set(MIG_EINVALID, "cannot write layout file: %s",
			     w->em.problem ? w->em.problem : "emitter error");
}

static int scalar_styled(writer *w, const char *s, int typed, yaml_scalar_style_t style)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	yaml_event_t ev;

	/* typed values (numbers, booleans) must stay plain to keep their type */
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1,
					  !typed, style))
		return mig_error_set(MIG_EINVALID, "cannot write '%s' in a layout file: not UTF-8",
				     mig_config__echo(shown, sizeof(shown), s));
	return emit(w, &ev);
}

static int str(writer *w, const char *s)
{
	return scalar_styled(w, s, 0, YAML_ANY_SCALAR_STYLE);
}

static int quoted(writer *w, const char *s)
{
	return scalar_styled(w, s, 0, YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

static int number(writer *w, long v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%ld", v);
	return scalar_styled(w, buf, 1, YAML_PLAIN_SCALAR_STYLE);
}

static int start_map(writer *w, int flow)
{
	yaml_event_t ev;

	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
					    flow ? YAML_FLOW_MAPPING_STYLE
						 : YAML_BLOCK_MAPPING_STYLE);
	return emit(w, &ev);
}

static int start_seq(writer *w, int flow)
{
	yaml_event_t ev;

	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
					     flow ? YAML_FLOW_SEQUENCE_STYLE
						  : YAML_BLOCK_SEQUENCE_STYLE);
	return emit(w, &ev);
}

static int end_map(writer *w)
{
	yaml_event_t ev;

	yaml_mapping_end_event_initialize(&ev);
	return emit(w, &ev);
}

static int end_seq(writer *w)
{
	yaml_event_t ev;

	yaml_sequence_end_event_initialize(&ev);
	return emit(w, &ev);
}

/* "3g.40gb", "3g.40gb@4", and with the list form's count prefix "2x1g.10gb". */
static const char *word(char *buf, size_t len, const mig_config_instance *in, int prefix)
{
	char count[16] = "";

	if (prefix && in->count != 1)
		snprintf(count, sizeof(count), "%ux", in->count);
	if (in->start >= 0)
		snprintf(buf, len, "%s%s@%d", count, in->profile, in->start);
	else
		snprintf(buf, len, "%s%s", count, in->profile);
	return buf;
}

static int write_cis(writer *w, const mig_config_instance *in)
{
	size_t i;
	int rc = str(w, "compute-instances");

	if (rc == 0)
		rc = start_seq(w, 1);
	for (i = 0; rc == 0 && i < in->ci_count; i++)
		rc = quoted(w, in->cis[i].profile);
	return rc ? rc : end_seq(w);
}

/* {profile: ..., count: N, compute-instances: [...]}; profile only in the list form. */
static int write_details(writer *w, const mig_config_instance *in, int list)
{
	char buf[MIG_CONFIG_PROFILE_MAX + 32];
	int rc = start_map(w, 1);

	if (rc == 0 && list)
		rc = str(w, "profile") ? -1 : quoted(w, word(buf, sizeof(buf), in, 0));
	if (rc == 0 && (!list || in->count != 1))
		rc = str(w, "count") ? -1 : number(w, in->count);
	if (rc == 0 && in->has_cis)
		rc = write_cis(w, in);
	return rc ? mig_error_last()->code : end_map(w);
}

static int write_instance(writer *w, const mig_config_entry *e, const mig_config_instance *in)
{
	char buf[MIG_CONFIG_PROFILE_MAX + 32];
	int rc;

	if (e->list_form) {
		if (in->has_cis || in->count == 0)
			return write_details(w, in, 1);
		return quoted(w, word(buf, sizeof(buf), in, 1));
	}
	rc = quoted(w, word(buf, sizeof(buf), in, 0));
	if (rc == 0)
		rc = in->has_cis ? write_details(w, in, 0) : number(w, in->count);
	return rc;
}

static int write_instances(writer *w, const mig_config_entry *e)
{
	int flow = e->instance_count == 0;
	size_t i;
	int rc = str(w, "mig-devices");

	if (rc == 0)
		rc = e->list_form ? start_seq(w, flow) : start_map(w, flow);
	for (i = 0; rc == 0 && i < e->instance_count; i++)
		rc = write_instance(w, e, &e->instances[i]);
	if (rc < 0)
		return rc;
	return e->list_form ? end_seq(w) : end_map(w);
}

static int write_filters(writer *w, const mig_config_entry *e)
{
	size_t i;
	int rc = str(w, "device-filter");

	if (rc == 0 && e->filter_count == 1)
		return quoted(w, e->filters[0].text);
	if (rc == 0)
		rc = start_seq(w, 1);
	for (i = 0; rc == 0 && i < e->filter_count; i++)
		rc = quoted(w, e->filters[i].text);
	return rc ? rc : end_seq(w);
}

static int write_devices(writer *w, const mig_config_entry *e)
{
	size_t i;
	int rc = str(w, "devices");

	if (rc == 0 && e->all_devices)
		return scalar_styled(w, "all", 0, YAML_PLAIN_SCALAR_STYLE);
	if (rc == 0)
		rc = start_seq(w, 1);
	for (i = 0; rc == 0 && i < e->device_count; i++)
		rc = e->devices[i].uuid ? str(w, e->devices[i].uuid)
					: number(w, e->devices[i].index);
	return rc ? rc : end_seq(w);
}

static int write_entry(writer *w, const mig_config_entry *e)
{
	int rc = start_map(w, 0);

	if (rc == 0 && e->filter_count)
		rc = write_filters(w, e);
	if (rc == 0)
		rc = write_devices(w, e);
	if (rc == 0)
		rc = str(w, "mig-enabled");
	if (rc == 0)
		rc = scalar_styled(w, e->mig_enabled ? "true" : "false", 1,
				   YAML_PLAIN_SCALAR_STYLE);
	if (rc == 0 && e->has_mig_devices)
		rc = write_instances(w, e);
	return rc ? rc : end_map(w);
}

static int write_config(writer *w, const mig_config *c)
{
	size_t i;
	int rc = str(w, c->name);

	if (rc == 0)
		rc = start_seq(w, 0);
	for (i = 0; rc == 0 && i < c->entry_count; i++)
		rc = write_entry(w, &c->entries[i]);
	return rc ? rc : end_seq(w);
}

static int write_document(writer *w, const mig_config_file *f)
{
	yaml_event_t ev;
	size_t i;
	int rc;

	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	rc = emit(w, &ev);
	if (rc == 0) {
		yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
		rc = emit(w, &ev);
	}
	if (rc == 0)
		rc = start_map(w, 0);
	if (rc == 0)
		rc = str(w, "version") ? -1 : str(w, "v1");
	if (rc == 0)
		rc = str(w, "mig-configs") ? -1 : start_map(w, 0);
	for (i = 0; rc == 0 && i < f->config_count; i++)
		rc = write_config(w, &f->configs[i]);
	if (rc == 0)
		rc = end_map(w) ? -1 : end_map(w);
	if (rc == 0) {
		yaml_document_end_event_initialize(&ev, 1);
		rc = emit(w, &ev);
	}
	if (rc == 0) {
		yaml_stream_end_event_initialize(&ev);
		rc = emit(w, &ev);
	}
	return rc < 0 ? mig_error_last()->code : 0;
}

int mig_config_write(char **out, const mig_config_file *f)
{
	writer w;
	int rc;

	if (!out || !f)
		return mig_error_set(MIG_EINVALID, "no layout file given");
	mig_strbuf_init(&w.out);
	if (!yaml_emitter_initialize(&w.em))
		return mig_error_oom();
	yaml_emitter_set_output(&w.em, on_write, &w.out);
	yaml_emitter_set_unicode(&w.em, 1);
	yaml_emitter_set_indent(&w.em, 2);
	yaml_emitter_set_width(&w.em, -1);
	rc = write_document(&w, f);
	if (rc == 0 && !yaml_emitter_flush(&w.em))
		rc = mig_error_oom();
	yaml_emitter_delete(&w.em);
	if (rc == 0 && w.out.oom)
		rc = mig_error_oom();
	if (rc < 0) {
		mig_strbuf_release(&w.out);
		return rc;
	}
	*out = mig_strbuf_detach(&w.out);
	return *out ? 0 : mig_error_oom();
}
