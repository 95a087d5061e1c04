/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The targets, listed once (STYLE.md section 4: an explicit array, no registration at load),
 * and what is common to rendering any of them: choosing the nodes, filling in defaults,
 * joining the files for standard output.
 */
#include "emit_internal.h"

#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "parse_util.h"
#include "banned.h"

static const struct mig_emit_backend *const backends[] = {
	&mig_emit__docker,
	&mig_emit__compose,
	&mig_emit__k8s,
	&mig_emit__systemd,
};

#define BACKEND_COUNT (sizeof(backends) / sizeof(backends[0]))

size_t mig_emit_target_count(void)
{
	return BACKEND_COUNT;
}

const char *mig_emit_target_name(size_t i)
{
	return i < BACKEND_COUNT ? backends[i]->name : NULL;
}

const char *mig_emit_target_summary(size_t i)
{
	return i < BACKEND_COUNT ? backends[i]->summary : NULL;
}

const char *mig_emit_strategy_name(mig_emit_strategy s)
{
	return s == MIG_EMIT_STRATEGY_SINGLE ? "single" : "mixed";
}

int mig_emit_strategy_parse(mig_emit_strategy *out, const char *s)
{
	if (mig_strcaseeq(s, "mixed"))
		*out = MIG_EMIT_STRATEGY_MIXED;
	else if (mig_strcaseeq(s, "single"))
		*out = MIG_EMIT_STRATEGY_SINGLE;
	else
		return mig_error_set(MIG_EINVALID,
				     "unknown strategy '%s': valid strategies are mixed, single",
				     s);
	return 0;
}

static int unknown_target(const char *target)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	size_t i;

	for (i = 0; i < BACKEND_COUNT; i++)
		mig_strbuf_addf(&sb, "%s%s", i ? ", " : "", backends[i]->name);
	mig_error_set(MIG_ENOTFOUND, "unknown target '%s'", target);
	mig_error_hint("valid targets: %s", mig_strbuf_str(&sb));
	mig_strbuf_release(&sb);
	return MIG_ENOTFOUND;
}

static void node_list(mig_strbuf *sb, const mig_emit_input *in)
{
	size_t i;

	for (i = 0; i < in->node_count; i++)
		mig_strbuf_addf(sb, "%s%s", i ? ", " : "", in->nodes[i].name);
}

/* The nodes to write: the one named, or all; a one-machine target needs exactly one. */
static int choose_nodes(struct emit_ctx *c, const struct mig_emit_backend *b)
{
	const mig_emit_input *in = c->in;
	mig_strbuf sb = MIG_STRBUF_INIT;
	size_t i;
	int rc = 0;

	c->node_first = 0;
	c->node_end = in->node_count;
	if (c->opts.node) {
		for (i = 0; i < in->node_count && strcmp(in->nodes[i].name, c->opts.node); i++)
			;
		c->node_first = i;
		c->node_end = i + 1;
		if (i < in->node_count)
			return 0;
		node_list(&sb, in);
		rc = mig_error_set(MIG_ENOTFOUND, "%s has no node '%s'", in->source, c->opts.node);
		mig_error_hint("nodes: %s", in->node_count ? mig_strbuf_str(&sb) : "none");
	} else if (b->one_machine && in->node_count > 1) {
		node_list(&sb, in);
		rc = mig_error_set(MIG_EINVALID,
				   "%s has %zu nodes and %s output is for one machine", in->source,
				   in->node_count, b->name);
		mig_error_hint("choose one with --node: %s", mig_strbuf_str(&sb));
	}
	mig_strbuf_release(&sb);
	return rc;
}

int mig_emit_render(mig_emit_output **out, const char *target, const mig_emit_input *in,
		    const mig_emit_options *opts)
{
	static const mig_emit_options defaults = MIG_EMIT_OPTIONS_INIT;
	const struct mig_emit_backend *b = NULL;
	struct emit_ctx c;
	size_t i;
	int rc;

	for (i = 0; i < BACKEND_COUNT && !b; i++)
		if (mig_strcaseeq(target, backends[i]->name))
			b = backends[i];
	if (!b)
		return unknown_target(target);
	memset(&c, 0, sizeof(c));
	c.in = in;
	c.opts = opts ? *opts : defaults;
	if (!c.opts.image)
		c.opts.image = MIG_EMIT_DEFAULT_IMAGE;
	if (!c.opts.migctl)
		c.opts.migctl = MIG_EMIT_DEFAULT_MIGCTL;
	if ((rc = choose_nodes(&c, b)) < 0)
		return rc;
	c.out = calloc(1, sizeof(*c.out));
	if (!c.out)
		return mig_error_oom();
	c.out->target = b->name;
	c.out->yaml_stream = b->yaml_stream;
	rc = b->render(&c);
	if (rc < 0) {
		mig_emit_output_free(c.out);
		return rc;
	}
	*out = c.out;
	return 0;
}

int mig_emit_output_text(char **out, const mig_emit_output *o)
{
	mig_strbuf sb = MIG_STRBUF_INIT;
	size_t i;

	for (i = 0; i < o->count; i++) {
		if (o->yaml_stream && i)
			mig_strbuf_adds(&sb, "---\n");
		else if (!o->yaml_stream && o->count > 1)
			mig_strbuf_addf(&sb, "%s# file: %s\n", i ? "\n" : "", o->files[i].name);
		mig_strbuf_adds(&sb, o->files[i].content);
	}
	*out = mig_strbuf_detach(&sb);
	return *out ? 0 : mig_error_oom();
}

void mig_emit_output_free(mig_emit_output *o)
{
	size_t i;

	if (!o)
		return;
	for (i = 0; i < o->count; i++) {
		free(o->files[i].name);
		free(o->files[i].content);
	}
	free(o->files);
	free(o);
}
