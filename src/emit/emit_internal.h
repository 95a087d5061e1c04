/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_EMIT_INTERNAL_H
#define MIGCTL_EMIT_INTERNAL_H

/*
 * Shared between the files of src/emit/. A target is a backend (STYLE.md section 4): a const
 * struct with a name and a typed render function, one per file (emit_docker.c, emit_compose.c,
 * emit_k8s.c, emit_systemd.c), listed in emit.c. Every backend reads the same neutral input
 * (include/migctl/emit.h) through a render context that has the options' defaults filled in
 * and knows which nodes were asked for.
 */

#include <stddef.h>
#include <yaml.h>

#include "migctl/emit.h"
#include "strbuf.h"

/* Longest name we build (unit, container, variable): DNS labels are 63, units 255. */
#define EMIT_NAME_MAX 256

struct emit_ctx {
	const mig_emit_input *in;
	mig_emit_options opts; /* with every NULL replaced by its default */
	size_t node_first;     /* nodes to write: [node_first, node_end) */
	size_t node_end;
	mig_emit_output *out;
};

typedef int (*mig_emit_render_fn)(struct emit_ctx *ctx);

struct mig_emit_backend {
	const char *name;
	const char *summary;
	int yaml_stream; /* its files are YAML documents */
	int one_machine; /* describes one machine: needs a single node */
	mig_emit_render_fn render;
};

extern const struct mig_emit_backend mig_emit__docker;
extern const struct mig_emit_backend mig_emit__compose;
extern const struct mig_emit_backend mig_emit__k8s;
extern const struct mig_emit_backend mig_emit__systemd;

/* ---------------------------------------------------------------- input (emit_input.c) */

/* Append an empty node / service (zeroed); NULL after recording MIG_ENOMEM. */
mig_emit_node *mig_emit__add_node(mig_emit_input *in, const char *name);
mig_emit_service *mig_emit__add_service(mig_emit_input *in, const char *workload);
mig_emit_replica *mig_emit__add_replica(mig_emit_service *s);

/* The DNS label for a name: lower case, other characters folded into single '-'. Returns 0, or
 * MIG_EINVALID ("WHAT 'NAME' gives no usable name") when nothing is left. */
int mig_emit__dns_label(char *buf, size_t len, const char *name, const char *what);

/* Check that service and replica names are unique; MIG_EINVALID naming both sources. */
int mig_emit__check_names(const mig_emit_input *in);

/* ---------------------------------------------------------------- helpers (emit_util.c) */

/* "name" for a single replica, "name-R" when the service has several. */
const char *mig_emit__replica_name(char *buf, size_t len, const mig_emit_service *s, size_t r);

/* Expand "{name}" and "{replica}" in a template. */
void mig_emit__expand(mig_strbuf *sb, const char *tmpl, const mig_emit_service *s, size_t r);

/* Split an expanded command at runs of spaces. *words (NULL-terminated) is one allocation the
 * caller frees with free(). Returns 0, MIG_EINVALID for an empty command, MIG_ENOMEM. */
int mig_emit__split(char ***words, size_t *count, const char *text);

/* Expand a command template for replica r and split it (mig_emit__split, same contract). */
int mig_emit__command_words(char ***words, size_t *count, const char *tmpl,
			    const mig_emit_service *s, size_t r);

/* Append a word quoted for sh where it needs it ('...', with ' as '\''). */
void mig_emit__sh_word(mig_strbuf *sb, const char *word);

/* Append a word quoted for a systemd Exec line where it needs it ("...", \" and \\). */
void mig_emit__unit_word(mig_strbuf *sb, const char *word);

/* The GPU Feature Discovery product label of a GPU: its NVML name, spaces made '-'. */
const char *mig_emit__product(char *buf, size_t len, const mig_gpu *gpu);

/* The name a MIG device's resource has: the CI's profile when it is smaller, else the GI's. */
const char *mig_emit__device_profile(const mig_emit_service *s);

/* 1 when the node's GPUs all have MIG on with one profile and full CIs (*profile receives it,
 * NULL when no GPU holds an instance), or all have MIG off (*profile NULL). */
int mig_emit__node_uniform(const mig_emit_node *n, const mig_gi_profile **profile);

/* The layout file of one node: one config named after the node; pinned adds each GI's start
 * (migctl's extension; NVIDIA's mig-parted reads counts only). */
int mig_emit__node_config(mig_config_file **out, const mig_emit_node *n, int pinned);

/* The name of the MPS instance a replica shares: "gpu1-at0". */
const char *mig_emit__mps_name(char *buf, size_t len, const mig_emit_replica *r);

/* Index of the first MPS replica on the same instance as (service s, replica r), in input
 * order, as s2 * 65536 + r2 (so a group is written once, at its first member). */
size_t mig_emit__mps_first(const mig_emit_input *in, size_t s, size_t r);

/* The 'migctl run' words that claim a replica's device: "-i G run --on PROFILE" or "run --on
 * UUID", after the migctl path, each word quoted for sh (unit = 0) or systemd (unit = 1). */
void mig_emit__claim(mig_strbuf *sb, const struct emit_ctx *c, const mig_emit_service *s,
		     const mig_emit_replica *r, int unit);

/* Add a file to the output, taking content (freed on failure). Returns 0 or MIG_ENOMEM. */
int mig_emit__add_file(mig_emit_output *o, const char *name, char *content, unsigned mode);

/* Add the text of a strbuf as a file, releasing the strbuf. */
int mig_emit__add_strbuf(mig_emit_output *o, const char *name, mig_strbuf *sb, unsigned mode);

/* ---------------------------------------------------------------- YAML (emit_yaml.c) */

/*
 * A YAML document written through libyaml's emitter into a strbuf. Calls after a failure do
 * nothing; mig_emit__yaml_end reports it. Strings that YAML would read as something else
 * (numbers, booleans, null, "") are quoted.
 */
struct emit_yaml {
	yaml_emitter_t emitter;
	mig_strbuf sb;
	int failed;
	int ready;
};

int mig_emit__yaml_begin(struct emit_yaml *y);
void mig_emit__yaml_map(struct emit_yaml *y);
void mig_emit__yaml_flow_map(struct emit_yaml *y);
void mig_emit__yaml_map_end(struct emit_yaml *y);
void mig_emit__yaml_seq(struct emit_yaml *y);
void mig_emit__yaml_flow_seq(struct emit_yaml *y);
void mig_emit__yaml_seq_end(struct emit_yaml *y);
void mig_emit__yaml_str(struct emit_yaml *y, const char *s);
void mig_emit__yaml_int(struct emit_yaml *y, long long v);
void mig_emit__yaml_literal(struct emit_yaml *y, const char *s);
/* A key and a string value. */
void mig_emit__yaml_kv(struct emit_yaml *y, const char *key, const char *value);
/* key, then a command template for replica r as a flow sequence of its words
 * (mig_emit__command_words); nothing on an error. */
int mig_emit__yaml_command(struct emit_yaml *y, const char *key, const char *tmpl,
			   const mig_emit_service *s, size_t r);

/* End the document; *out receives the text (prefixed with header, which may be NULL: comment
 * lines the emitter cannot write). Returns 0, MIG_ENOMEM or MIG_EINVALID (libyaml refused). */
int mig_emit__yaml_end(struct emit_yaml *y, const char *header, char **out);

/* Release after a failure (mig_emit__yaml_end releases on its own). */
void mig_emit__yaml_release(struct emit_yaml *y);

#endif
