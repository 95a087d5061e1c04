/* SPDX-License-Identifier: Apache-2.0 */
/* The neutral input of the targets: growing it, naming its services, freeing it. */
#include "emit_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "banned.h"

/* Grow an array by one zeroed element; NULL after recording MIG_ENOMEM. */
static void *grow(void *arrayp, size_t *count, size_t size)
{
	void **array = arrayp;
	char *p;

	if (*count >= ((size_t)-1) / size / 2) {
		mig_error_oom();
		return NULL;
	}
	p = realloc(*array, (*count + 1) * size);
	if (!p) {
		mig_error_oom();
		return NULL;
	}
	*array = p;
	memset(p + *count * size, 0, size);
	return p + (*count)++ * size;
}

static char *dup_or_oom(const char *s)
{
	size_t len = strlen(s) + 1;
	char *d = malloc(len);

	if (!d) {
		mig_error_oom();
		return NULL;
	}
	memcpy(d, s, len);
	return d;
}

mig_emit_node *mig_emit__add_node(mig_emit_input *in, const char *name)
{
	char *copy = dup_or_oom(name);
	mig_emit_node *n = copy ? grow(&in->nodes, &in->node_count, sizeof(*n)) : NULL;

	if (!n) {
		free(copy);
		return NULL;
	}
	n->name = copy;
	return n;
}

mig_emit_service *mig_emit__add_service(mig_emit_input *in, const char *workload)
{
	char *copy = dup_or_oom(workload);
	mig_emit_service *s = copy ? grow(&in->services, &in->service_count, sizeof(*s)) : NULL;

	if (!s) {
		free(copy);
		return NULL;
	}
	s->workload = copy;
	return s;
}

mig_emit_replica *mig_emit__add_replica(mig_emit_service *s)
{
	mig_emit_replica *r = grow(&s->replicas, &s->replica_count, sizeof(*r));

	if (r)
		r->start = -1;
	return r;
}

int mig_emit__dns_label(char *buf, size_t len, const char *name, const char *what)
{
	size_t n = 0;
	const char *p;

	for (p = name; *p && n + 2 < len; p++) {
		unsigned char ch = (unsigned char)*p;

		if (isalnum(ch) && ch < 128)
			buf[n++] = (char)tolower(ch);
		else if (n && buf[n - 1] != '-')
			buf[n++] = '-';
	}
	while (n && buf[n - 1] == '-')
		n--;
	buf[n] = '\0';
	if (!n || n > 63)
		return mig_error_set(MIG_EINVALID, "%s '%s' gives no usable name%s", what, name,
				     n ? " (more than 63 characters)" : "");
	return 0;
}

static int same_name(const mig_emit_input *in, size_t a, size_t ra, size_t b, size_t rb)
{
	char na[EMIT_NAME_MAX], nb[EMIT_NAME_MAX];

	mig_emit__replica_name(na, sizeof(na), &in->services[a], ra);
	mig_emit__replica_name(nb, sizeof(nb), &in->services[b], rb);
	if (strcmp(na, nb) != 0)
		return 0;
	return mig_error_set(MIG_EINVALID, "workloads '%s' and '%s' both give the name '%s'",
			     in->services[a].workload, in->services[b].workload, na);
}

/* systemd units of migctl's own are migctl-layout and migctl-mps-*: keep those names free */
static int reserved(const mig_emit_service *s, size_t r)
{
	char name[EMIT_NAME_MAX];

	mig_emit__replica_name(name, sizeof(name), s, r);
	if (strcmp(name, "layout") != 0 && strncmp(name, "mps-", 4) != 0)
		return 0;
	return mig_error_set(MIG_EINVALID,
			     "workload '%s': the name '%s' is kept for migctl's own units",
			     s->workload, name);
}

int mig_emit__check_names(const mig_emit_input *in)
{
	size_t a, b, ra, rb;

	/* services are few (one per workload); a quadratic check keeps this obvious */
	for (a = 0; a < in->service_count; a++)
		for (ra = 0; ra < in->services[a].replica_count; ra++) {
			if (reserved(&in->services[a], ra))
				return MIG_EINVALID;
			for (b = a; b < in->service_count; b++)
				for (rb = a == b ? ra + 1 : 0; rb < in->services[b].replica_count;
				     rb++)
					if (same_name(in, a, ra, b, rb))
						return MIG_EINVALID;
		}
	return 0;
}

void mig_emit_input_free(mig_emit_input *in)
{
	size_t i, j;

	if (!in)
		return;
	for (i = 0; i < in->node_count; i++) {
		for (j = 0; j < in->nodes[i].gpu_count; j++)
			free((char *)in->nodes[i].gpus[j].uuid);
		free(in->nodes[i].gpus);
		free(in->nodes[i].name);
	}
	for (i = 0; i < in->service_count; i++) {
		for (j = 0; j < in->services[i].replica_count; j++)
			free(in->services[i].replicas[j].uuid);
		free(in->services[i].replicas);
		free(in->services[i].name);
		free(in->services[i].workload);
	}
	free(in->nodes);
	free(in->services);
	free(in->source);
	free(in);
}

const char *mig_emit_serving_name(mig_emit_serving s)
{
	static const char *const names[] = {"mig", "mps", "full-gpu"};

	return (unsigned)s < MIG_EMIT_SERVE__COUNT ? names[s] : "?";
}
