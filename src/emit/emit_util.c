/* SPDX-License-Identifier: Apache-2.0 */
/* What several targets need: names, templates, quoting, node facts, the migctl run claim. */
#include "emit_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

const char *mig_emit__replica_name(char *buf, size_t len, const mig_emit_service *s, size_t r)
{
	if (s->replica_count > 1)
		snprintf(buf, len, "%s-%zu", s->name, r);
	else
		snprintf(buf, len, "%s", s->name);
	return buf;
}

void mig_emit__expand(mig_strbuf *sb, const char *tmpl, const mig_emit_service *s, size_t r)
{
	const char *p = tmpl;

	while (*p) {
		if (strncmp(p, "{name}", 6) == 0) {
			mig_strbuf_adds(sb, s->name);
			p += 6;
		} else if (strncmp(p, "{replica}", 9) == 0) {
			mig_strbuf_addf(sb, "%zu", r);
			p += 9;
		} else {
			mig_strbuf_addch(sb, *p++);
		}
	}
}

int mig_emit__split(char ***words, size_t *count, const char *text)
{
	size_t len = strlen(text), n = 0, i;
	char **w = malloc((len / 2 + 2) * sizeof(*w) + len + 1);
	char *copy, *p;

	if (!w)
		return mig_error_oom();
	copy = (char *)(w + len / 2 + 2);
	memcpy(copy, text, len + 1);
	for (p = copy; *p;) {
		while (*p == ' ')
			*p++ = '\0';
		if (!*p)
			break;
		w[n++] = p;
		while (*p && *p != ' ')
			p++;
	}
	w[n] = NULL;
	if (!n) {
		free(w);
		return mig_error_set(MIG_EINVALID, "the command '%s' has no program", text);
	}
	for (i = 0; i < n; i++)
		if (strchr(w[i], '\n'))
			break;
	if (i < n) {
		free(w);
		return mig_error_set(MIG_EINVALID, "the command '%s' holds a line break", text);
	}
	*words = w;
	*count = n;
	return 0;
}

int mig_emit__command_words(char ***words, size_t *count, const char *tmpl,
			    const mig_emit_service *s, size_t r)
{
	mig_strbuf text = MIG_STRBUF_INIT;
	int rc;

	mig_emit__expand(&text, tmpl, s, r);
	rc = text.oom ? mig_error_oom() : mig_emit__split(words, count, mig_strbuf_str(&text));
	mig_strbuf_release(&text);
	return rc;
}

void mig_emit__sh_word(mig_strbuf *sb, const char *word)
{
	const char *p;

	if (*word && strspn(word, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				  "0123456789-_./:=@%+,") == strlen(word)) {
		mig_strbuf_adds(sb, word);
		return;
	}
	mig_strbuf_addch(sb, '\'');
	for (p = word; *p; p++)
		if (*p == '\'')
			mig_strbuf_adds(sb, "'\\''");
		else
			mig_strbuf_addch(sb, *p);
	mig_strbuf_addch(sb, '\'');
}

void mig_emit__unit_word(mig_strbuf *sb, const char *word)
{
	const char *p;

	/* systemd expands $VAR and %x in Exec lines: "$$" and "%%" keep them literal */
	if (*word && strspn(word, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				  "0123456789-_./:=@+,") == strlen(word)) {
		mig_strbuf_adds(sb, word);
		return;
	}
	mig_strbuf_addch(sb, '"');
	for (p = word; *p; p++) {
		if (*p == '"' || *p == '\\')
			mig_strbuf_addch(sb, '\\');
		if (*p == '$' || *p == '%')
			mig_strbuf_addch(sb, *p);
		mig_strbuf_addch(sb, *p);
	}
	mig_strbuf_addch(sb, '"');
}

const char *mig_emit__product(char *buf, size_t len, const mig_gpu *gpu)
{
	size_t i;

	snprintf(buf, len, "%s", gpu->nvml_name);
	for (i = 0; buf[i]; i++)
		if (buf[i] == ' ')
			buf[i] = '-';
	return buf;
}

const char *mig_emit__device_profile(const mig_emit_service *s)
{
	return s->ci ? s->ci->name : s->profile->name;
}

static int gi_full(const mig_config_gi *gi)
{
	return gi->ci_count == 1 && gi->ci[0] == mig_catalog_default_ci(gi->profile);
}

int mig_emit__node_uniform(const mig_emit_node *n, const mig_gi_profile **profile)
{
	size_t g, i;
	int mig = -1;

	*profile = NULL;
	for (g = 0; g < n->gpu_count; g++) {
		const mig_config_layout *l = &n->gpus[g].layout;

		if (mig >= 0 && mig != l->mig_enabled)
			return 0;
		mig = l->mig_enabled;
		for (i = 0; i < l->gi_count; i++) {
			if (*profile && l->gi[i].profile != *profile)
				return 0;
			if (!gi_full(&l->gi[i]))
				return 0;
			*profile = l->gi[i].profile;
		}
	}
	return 1;
}

int mig_emit__node_config(mig_config_file **out, const mig_emit_node *n, int pinned)
{
	return mig_config_export(out, n->name, n->gpus, n->gpu_count,
				 pinned ? MIG_CONFIG_EXPORT_PINNED : 0);
}

const char *mig_emit__mps_name(char *buf, size_t len, const mig_emit_replica *r)
{
	snprintf(buf, len, "gpu%u-at%d", r->gpu, r->start);
	return buf;
}

size_t mig_emit__mps_first(const mig_emit_input *in, size_t s, size_t r)
{
	const mig_emit_replica *me = &in->services[s].replicas[r];
	size_t i, j;

	for (i = 0; i <= s; i++) {
		const mig_emit_service *o = &in->services[i];

		if (o->serving != MIG_EMIT_SERVE_MPS)
			continue;
		for (j = 0; j < o->replica_count && (i < s || j <= r); j++)
			if (o->replicas[j].node == me->node && o->replicas[j].gpu == me->gpu &&
			    o->replicas[j].start == me->start)
				return i * 65536 + j;
	}
	return s * 65536 + r;
}

void mig_emit__claim(mig_strbuf *sb, const struct emit_ctx *c, const mig_emit_service *s,
		     const mig_emit_replica *r, int unit)
{
	void (*word)(mig_strbuf *, const char *) = unit ? mig_emit__unit_word : mig_emit__sh_word;

	word(sb, c->opts.migctl);
	/* a unit outlives the instances: they get new UUIDs each time the layout is re-made */
	if (r->uuid && !unit) {
		mig_strbuf_adds(sb, " run --on ");
		word(sb, r->uuid);
		return;
	}
	mig_strbuf_addf(sb, " -i %u run --on ", r->gpu);
	word(sb, s->profile->name);
}

int mig_emit__add_file(mig_emit_output *o, const char *name, char *content, unsigned mode)
{
	size_t len = strlen(name) + 1;
	mig_emit_file *files;
	char *copy = malloc(len);

	files = copy && content ? realloc(o->files, (o->count + 1) * sizeof(*files)) : NULL;
	if (!files) {
		free(copy);
		free(content);
		return mig_error_oom();
	}
	memcpy(copy, name, len);
	o->files = files;
	files[o->count].name = copy;
	files[o->count].content = content;
	files[o->count].mode = mode;
	o->count++;
	return 0;
}

int mig_emit__add_strbuf(mig_emit_output *o, const char *name, mig_strbuf *sb, unsigned mode)
{
	return mig_emit__add_file(o, name, mig_strbuf_detach(sb), mode);
}
