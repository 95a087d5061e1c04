/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Operations on the simulated machine that are not about placing instances: building it from a
 * spec, the GPU reset that activates a pending MIG mode, dropping processes that ended, the
 * deterministic UUIDs, and the call counters.
 */
#include "sim_state.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "parse_util.h"
#include "banned.h"

/* One spec token, "[Nx]KEY", already trimmed: add N GPUs of that model. */
static int add_spec_token(sim_state *st, const char *tok, size_t len)
{
	char key[128];
	const char *x = memchr(tok, 'x', len);
	uint64_t n = 1;
	const mig_gpu *model;
	int rc;

	if (x && x > tok && mig_parse_uint_n(tok, (size_t)(x - tok), SIM_MAX_GPUS, &n) == 0) {
		len -= (size_t)(x + 1 - tok);
		tok = x + 1;
		if (n == 0)
			return mig_error_set(MIG_EINVALID, "bad GPU count in '%.*s'", (int)len,
					     tok);
	}
	if (len == 0 || len >= sizeof(key))
		return mig_error_set(MIG_EINVALID, "bad GPU name '%.*s'", (int)len, tok);
	memcpy(key, tok, len);
	key[len] = '\0';
	rc = mig_catalog_find(&model, key);
	if (rc < 0)
		return rc;
	while (n--) {
		rc = sim_state_add_gpu(st, model);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int sim_state_from_spec(sim_state *out, const char *spec)
{
	sim_state st;
	const char *p = spec ? spec : "";
	int rc = 0;

	sim_state_init(&st);
	while (rc == 0 && *p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *tok = p;

		while (len && (*tok == ' ' || *tok == '\t')) {
			tok++;
			len--;
		}
		while (len && (tok[len - 1] == ' ' || tok[len - 1] == '\t'))
			len--;
		if (len == 0)
			rc = mig_error_set(MIG_EINVALID, "empty GPU name in '%s'", spec);
		else
			rc = add_spec_token(&st, tok, len);
		p = end ? end + 1 : p + strlen(p);
	}
	if (rc == 0 && st.gpu_count == 0)
		rc = mig_error_set(MIG_EINVALID, "no GPU in spec '%s'", spec ? spec : "");
	if (rc < 0) {
		sim_state_release(&st);
		return rc;
	}
	*out = st;
	return 0;
}

int sim_gpu_reset(sim_gpu *gpu, unsigned index)
{
	if (gpu->proc_count) {
		mig_error_set(MIG_EINUSE, "cannot reset GPU %u: %zu processes are running", index,
			      gpu->proc_count);
		mig_error_hint("detach them or wait until they end");
		return MIG_EINUSE;
	}
	/* A reset with a mode change rebuilds the GPU's partitioning from scratch. */
	if (gpu->mig_current != gpu->mig_pending) {
		gpu->mig_current = gpu->mig_pending;
		gpu->gi_count = 0;
	}
	gpu->lost = 0;
	return 0;
}

static int pid_alive(unsigned pid)
{
	return kill((pid_t)pid, 0) == 0 || errno != ESRCH;
}

size_t sim_state_reap_processes(sim_state *st)
{
	size_t i, j, k, gone = 0;

	for (i = 0; i < st->gpu_count; i++) {
		sim_gpu *g = &st->gpus[i];

		for (j = k = 0; j < g->proc_count; j++) {
			if (pid_alive(g->procs[j].pid))
				g->procs[k++] = g->procs[j];
			else
				gone++;
		}
		g->proc_count = k;
	}
	return gone;
}

static uint64_t fnv1a(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Two differently seeded FNV-1a hashes give the 128 bits; then the RFC 4122 version (5, "name
 * based") and variant bits are set so that parsers that check them accept the result. */
void sim_uuid_make(char out[SIM_UUID_SIZE], const char *prefix, const char *seed, uint64_t a,
		   uint64_t b, uint64_t c)
{
	uint64_t words[3] = {a, b, c};
	uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
	unsigned char u[16];
	int i;

	h1 = fnv1a(fnv1a(h1, seed, strlen(seed)), words, sizeof(words));
	h2 = fnv1a(fnv1a(h2, words, sizeof(words)), seed, strlen(seed));
	for (i = 0; i < 8; i++) {
		u[i] = (unsigned char)(h1 >> (8 * i));
		u[8 + i] = (unsigned char)(h2 >> (8 * i));
	}
	u[6] = (unsigned char)((u[6] & 0x0f) | 0x50);
	u[8] = (unsigned char)((u[8] & 0x3f) | 0x80);
	snprintf(out, SIM_UUID_SIZE,
		 "%s%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", prefix,
		 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12],
		 u[13], u[14], u[15]);
}

void sim_ci_uuid(char out[SIM_UUID_SIZE], const sim_gpu *gpu, const sim_gi *gi, const sim_ci *ci)
{
	sim_uuid_make(out, "MIG-", gpu->uuid, gi->id, ci->id, ci->serial);
}

int sim_counters_bump(sim_counters *c, const char *name)
{
	sim_counter *items;
	size_t i;

	c->total++;
	for (i = 0; i < c->count; i++) {
		if (strcmp(c->items[i].name, name) == 0) {
			c->items[i].calls++;
			return 0;
		}
	}
	items = realloc(c->items, (c->count + 1) * sizeof(*items));
	if (!items)
		return mig_error_oom();
	c->items = items;
	snprintf(items[c->count].name, sizeof(items[c->count].name), "%s", name);
	items[c->count].calls = 1;
	c->count++;
	return 0;
}

uint64_t sim_counters_get(const sim_counters *c, const char *name)
{
	size_t i;

	if (!name || strcmp(name, "total") == 0)
		return c->total;
	for (i = 0; i < c->count; i++)
		if (strcmp(c->items[i].name, name) == 0)
			return c->items[i].calls;
	return 0;
}

void sim_counters_release(sim_counters *c)
{
	free(c->items);
	memset(c, 0, sizeof(*c));
}
