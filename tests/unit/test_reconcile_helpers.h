/* SPDX-License-Identifier: Apache-2.0 */
#ifndef TEST_RECONCILE_HELPERS_H
#define TEST_RECONCILE_HELPERS_H

/*
 * Synthetic GPU states and desired layouts for the planner's tests: a state is written as
 * "3g.40gb@0 2g.20gb@4", a desired layout as "3g.40gb 1g.10gb@6" (unpinned or pinned), each GI
 * with its default compute instance unless a test changes it.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "migctl/catalog.h"
#include "migctl/config.h"
#include "migctl/device.h"
#include "migctl/error.h"
#include "migctl/geometry.h"

/*
 * The NVML simulator for tests that apply through NVML: $MIGCTL_SIM_LIBRARY, else the one
 * built beside the test (../sim/libnvidia-ml.so.1 from the test's folder), in buf; NULL when
 * neither is there.
 */
static inline const char *fake_sim_library(char *buf, size_t len)
{
	const char *env = getenv("MIGCTL_SIM_LIBRARY");
	ssize_t n;
	char *slash;

	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", buf, len - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (!slash || (size_t)(slash - buf) + 32 > len)
		return NULL;
	snprintf(slash, len - (size_t)(slash - buf), "/../sim/libnvidia-ml.so.1");
	return access(buf, R_OK) == 0 ? buf : NULL;
}

typedef struct fake_gpu {
	mig_gpu_state st;
	mig_gi_state gis[MIG_LAYOUT_MAX];
	mig_ci_state cis[MIG_LAYOUT_MAX][MIG_CONFIG_MAX_CI];
	mig_process procs[MIG_LAYOUT_MAX];
} fake_gpu;

/* Split a space-separated spec into words (in buf) and parse it as a request. */
static inline int fake_parse(mig_layout *out, const mig_gpu *gpu, const char *spec)
{
	static char buf[512];
	const char *words[MIG_LAYOUT_MAX];
	size_t n = 0;
	char *p;

	snprintf(buf, sizeof(buf), "%s", spec);
	for (p = buf; *p && n < MIG_LAYOUT_MAX;) {
		while (*p == ' ')
			*p++ = '\0';
		if (!*p)
			break;
		words[n++] = p;
		while (*p && *p != ' ')
			p++;
	}
	if (n == 0) {
		mig_layout_init(out, gpu);
		return 0;
	}
	return mig_geometry_parse_request(out, gpu, words, n);
}

/* Give a GI its default CI (id 0). */
static inline void fake_default_ci(fake_gpu *f, size_t i)
{
	mig_gi_state *g = &f->gis[i];
	mig_ci_state *c = &f->cis[i][0];

	memset(c, 0, sizeof(*c));
	c->profile = mig_catalog_default_ci(g->profile);
	c->profile_id = c->profile->nvml_profile;
	c->size = g->slices;
	g->cis = f->cis[i];
	g->ci_count = 1;
}

/* A GPU of a catalog model with MIG on (or off) holding the GIs of spec (ids 1, 2, ...). */
static inline int fake_init(fake_gpu *f, const char *key, int mig_on, const char *spec)
{
	mig_layout l;
	size_t i;

	memset(f, 0, sizeof(*f));
	f->st.model = mig_catalog_by_key(key);
	if (!f->st.model || fake_parse(&l, f->st.model, spec) < 0)
		return -1;
	snprintf(f->st.name, sizeof(f->st.name), "%s", f->st.model->nvml_name);
	snprintf(f->st.uuid, sizeof(f->st.uuid), "GPU-fake-%s", key);
	f->st.mig_capable = 1;
	f->st.mig_current = f->st.mig_pending = mig_on;
	f->st.gis = f->gis;
	for (i = 0; i < l.count; i++) {
		mig_gi_state *g = &f->gis[i];

		g->id = (unsigned)i + 1;
		g->profile = l.gi[i].profile;
		g->profile_id = g->profile->id;
		snprintf(g->profile_name, sizeof(g->profile_name), "%s", g->profile->name);
		g->start = (unsigned)l.gi[i].start;
		g->size = g->profile->mem_slices;
		g->slices = g->profile->slices;
		fake_default_ci(f, i);
	}
	f->st.gi_count = l.count;
	return 0;
}

/* Run a process on CI 0 of GI i. */
static inline void fake_busy(fake_gpu *f, size_t i, unsigned pid)
{
	f->procs[i].pid = pid;
	f->procs[i].used_mib = 1024;
	f->cis[i][0].processes = &f->procs[i];
	f->cis[i][0].process_count = 1;
}

/* A desired layout with MIG on: the GIs of spec (pinned where written "@N"), default CIs. */
static inline int fake_want(mig_config_layout *w, const char *key, const char *spec)
{
	mig_layout l;
	size_t i;

	memset(w, 0, sizeof(*w));
	w->gpu = mig_catalog_by_key(key);
	if (!w->gpu || fake_parse(&l, w->gpu, spec) < 0)
		return -1;
	w->mig_enabled = 1;
	for (i = 0; i < l.count; i++) {
		w->gi[i].profile = l.gi[i].profile;
		w->gi[i].start = l.gi[i].start;
		w->gi[i].ci[0] = mig_catalog_default_ci(l.gi[i].profile);
		w->gi[i].ci_count = 1;
	}
	w->gi_count = l.count;
	return 0;
}

#endif
