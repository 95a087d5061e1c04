/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The in-memory layout file: freeing it, finding a config by name, choosing one as
 * `apply -c` does, and comparing two files (what the round-trip guarantee is checked with).
 */
#include "config_internal.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "banned.h"

mig_config_file *mig_config__file_new(const char *path)
{
	mig_config_file *f = calloc(1, sizeof(*f));

	if (!f) {
		mig_error_oom();
		return NULL;
	}
	if (!path)
		path = "<input>";
	f->path = mig_config__strndup(path, strlen(path));
	if (!f->path) {
		free(f);
		return NULL;
	}
	return f;
}

static void instance_release(mig_config_instance *in)
{
	size_t i;

	for (i = 0; i < in->ci_count; i++)
		free(in->cis[i].profile);
	free(in->cis);
	free(in->profile);
}

void mig_config__entry_release(mig_config_entry *e)
{
	size_t i;

	for (i = 0; i < e->device_count; i++)
		free(e->devices[i].uuid);
	free(e->devices);
	for (i = 0; i < e->filter_count; i++)
		free(e->filters[i].text);
	free(e->filters);
	for (i = 0; i < e->instance_count; i++)
		instance_release(&e->instances[i]);
	free(e->instances);
	memset(e, 0, sizeof(*e));
}

void mig_config__config_release(mig_config *c)
{
	size_t i;

	for (i = 0; i < c->entry_count; i++)
		mig_config__entry_release(&c->entries[i]);
	free(c->entries);
	free(c->name);
	memset(c, 0, sizeof(*c));
}

void mig_config_file_free(mig_config_file *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->config_count; i++)
		mig_config__config_release(&f->configs[i]);
	free(f->configs);
	free(f->path);
	free(f);
}

const mig_config *mig_config_find(const mig_config_file *f, const char *name)
{
	size_t i;

	for (i = 0; f && name && i < f->config_count; i++)
		if (strcmp(f->configs[i].name, name) == 0)
			return &f->configs[i];
	return NULL;
}

char *mig_config__list_names(const mig_config_file *f)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	size_t i;

	for (i = 0; i < f->config_count; i++)
		mig_strbuf_addf(&sb, "%s%s", i ? ", " : "",
				mig_config__echo(shown, sizeof(shown), f->configs[i].name));
	if (sb.oom) {
		mig_strbuf_release(&sb);
		mig_error_oom();
		return NULL;
	}
	return mig_strbuf_detach(&sb);
}

int mig_config_select(const mig_config **out, const mig_config_file *f, const char *name)
{
	char shown[MIG_CONFIG_ECHO_MAX + 1];
	const mig_config *c;
	char *names;

	if (!out || !f)
		return mig_error_set(MIG_EINVALID, "no layout file given");
	if (!name && f->config_count == 1) {
		*out = &f->configs[0];
		return 0;
	}
	c = mig_config_find(f, name);
	if (c) {
		*out = c;
		return 0;
	}
	names = mig_config__list_names(f);
	if (!names)
		return MIG_ENOMEM;
	if (name)
		mig_error_set(MIG_ENOTFOUND, "no config '%s' in %s",
			      mig_config__echo(shown, sizeof(shown), name), f->path);
	else
		mig_error_set(MIG_EINVALID, "%s holds %zu configs: choose one", f->path,
			      f->config_count);
	mig_error_hint("configs in %s: %s", f->path, names);
	free(names);
	return mig_error_last()->code;
}

static int str_equal(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static int filter_equal(const mig_config_filter *a, const mig_config_filter *b)
{
	return a->kind == b->kind && a->pci_id == b->pci_id &&
	       a->has_subsystem == b->has_subsystem && a->subsystem_id == b->subsystem_id &&
	       a->gpu == b->gpu && str_equal(a->text, b->text);
}

static int instance_equal(const mig_config_instance *a, const mig_config_instance *b)
{
	size_t i;

	if (!str_equal(a->profile, b->profile) || a->start != b->start || a->count != b->count ||
	    a->has_cis != b->has_cis || a->ci_count != b->ci_count)
		return 0;
	for (i = 0; i < a->ci_count; i++)
		if (!str_equal(a->cis[i].profile, b->cis[i].profile))
			return 0;
	return 1;
}

int mig_config__same_request(const mig_config_entry *a, const mig_config_entry *b)
{
	size_t i;

	if (a->mig_enabled != b->mig_enabled || a->has_mig_devices != b->has_mig_devices ||
	    a->list_form != b->list_form || a->instance_count != b->instance_count)
		return 0;
	for (i = 0; i < a->instance_count; i++)
		if (!instance_equal(&a->instances[i], &b->instances[i]))
			return 0;
	return 1;
}

static int entry_equal(const mig_config_entry *a, const mig_config_entry *b)
{
	size_t i;

	if (a->all_devices != b->all_devices || a->device_count != b->device_count ||
	    a->filter_count != b->filter_count || !mig_config__same_request(a, b))
		return 0;
	for (i = 0; i < a->device_count; i++)
		if (a->devices[i].index != b->devices[i].index ||
		    !str_equal(a->devices[i].uuid, b->devices[i].uuid))
			return 0;
	for (i = 0; i < a->filter_count; i++)
		if (!filter_equal(&a->filters[i], &b->filters[i]))
			return 0;
	return 1;
}

int mig_config_file_equal(const mig_config_file *a, const mig_config_file *b)
{
	size_t i, j;

	if (!a || !b)
		return a == b;
	if (a->config_count != b->config_count)
		return 0;
	for (i = 0; i < a->config_count; i++) {
		const mig_config *x = &a->configs[i], *y = &b->configs[i];

		if (!str_equal(x->name, y->name) || x->entry_count != y->entry_count)
			return 0;
		for (j = 0; j < x->entry_count; j++)
			if (!entry_equal(&x->entries[j], &y->entries[j]))
				return 0;
	}
	return 1;
}
