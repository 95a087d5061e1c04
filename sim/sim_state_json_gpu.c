/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The state file parser, one GPU: its model, identity, MIG mode, GPU instances, compute
 * instances and processes. It refuses anything a driver could not be in (unknown models or
 * profiles, GIs off their placements or overlapping, CIs that do not fit their GI, processes on
 * instances that do not exist), naming the field at fault.
 */
#include "sim_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "sim_fault.h"
#include "sim_json_util.h"
#include "banned.h"

#define PATH_SIZE 96

static int ci_fits(const sim_gi *gi, const mig_gi_profile *gp, const char *path)
{
	unsigned used = 0, slices = 0;
	size_t i, j, same;

	for (i = 0; i < gi->ci_count; i++) {
		const mig_ci_profile *cp = sim_ci_profile(gp, gi->ci[i].profile);
		unsigned mask = ((1u << cp->slices) - 1) << gi->ci[i].start;

		if (used & mask)
			return sim_json_bad(path, "compute instance %u overlaps another",
					    gi->ci[i].id);
		used |= mask;
		slices += cp->slices;
		for (j = same = 0; j < gi->ci_count; j++)
			same += gi->ci[j].profile == gi->ci[i].profile;
		if (same > cp->max_count)
			return sim_json_bad(path, "more than %u compute instances %s",
					    cp->max_count, cp->name);
	}
	if (slices > gp->slices)
		return sim_json_bad(path, "compute instances use %u slices of %u", slices,
				    gp->slices);
	return 0;
}

static int placement_ok(const mig_placement *pl, size_t n, uint64_t start)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (pl[i].start == start)
			return 1;
	return 0;
}

static int parse_ci(sim_gi *gi, const mig_gi_profile *gp, json_t *o, const char *path)
{
	static const char *const keys[] = {"id", "profile", "start", "serial", NULL};
	const mig_ci_profile *cp = NULL;
	uint64_t id, profile, start, serial;
	sim_ci *ci = &gi->ci[gi->ci_count];

	if (!json_is_object(o))
		return sim_json_bad(path, "must be an object");
	if (sim_json_keys(o, path, keys) < 0 ||
	    sim_json_uint(o, path, "id", SIM_MAX_CI_ID, 1, 0, &id) < 0 ||
	    sim_json_uint(o, path, "profile", 64, 1, 0, &profile) < 0 ||
	    sim_json_uint(o, path, "start", 64, 1, 0, &start) < 0 ||
	    sim_json_uint(o, path, "serial", UINT64_MAX - 1, 1, 0, &serial) < 0)
		return MIG_EINVALID;
	cp = sim_ci_profile(gp, (unsigned)profile);
	if (!cp)
		return sim_json_bad(path, "%s offers no compute profile %u", gp->name,
				    (unsigned)profile);
	if (!placement_ok(cp->placements, cp->placement_count, start))
		return sim_json_bad(path, "%u is not a placement of %s", (unsigned)start, cp->name);
	if (sim_gi_ci(gi, (unsigned)id))
		return sim_json_bad(path, "compute instance id %u is used twice", (unsigned)id);
	ci->id = (unsigned)id;
	ci->profile = (unsigned)profile;
	ci->start = (unsigned)start;
	ci->serial = serial;
	gi->ci_count++;
	return 0;
}

static int parse_gi(sim_gpu *g, json_t *o, const char *path)
{
	static const char *const keys[] = {"id",     "profile_id",	  "start",
					   "serial", "compute_instances", NULL};
	char sub[PATH_SIZE];
	uint64_t id, profile_id, start, serial;
	const mig_gi_profile *gp = NULL;
	sim_gi *gi = &g->gi[g->gi_count];
	json_t *cis, *c;
	size_t i;

	if (!json_is_object(o))
		return sim_json_bad(path, "must be an object");
	if (sim_json_keys(o, path, keys) < 0 ||
	    sim_json_uint(o, path, "id", SIM_MAX_GI_ID, 1, 0, &id) < 0 ||
	    sim_json_uint(o, path, "profile_id", 1000, 1, 0, &profile_id) < 0 ||
	    sim_json_uint(o, path, "start", MIG_MAX_SLICES, 1, 0, &start) < 0 ||
	    sim_json_uint(o, path, "serial", UINT64_MAX - 1, 1, 0, &serial) < 0 ||
	    sim_json_array(o, path, "compute_instances", 0, &cis) < 0)
		return MIG_EINVALID;
	gp = mig_catalog_profile_by_id(g->model, (unsigned)profile_id);
	if (!gp)
		return sim_json_bad(path, "%s has no profile id %u", g->model->key,
				    (unsigned)profile_id);
	if (!mig_geometry_placement_allowed(gp, (unsigned)start))
		return sim_json_bad(path, "%u is not a placement of %s", (unsigned)start, gp->name);
	if (sim_gpu_gi(g, (unsigned)id))
		return sim_json_bad(path, "gpu instance id %u is used twice", (unsigned)id);
	memset(gi, 0, sizeof(*gi));
	gi->id = (unsigned)id;
	gi->profile_id = (unsigned)profile_id;
	gi->start = (unsigned)start;
	gi->serial = serial;
	if (json_array_size(cis) > SIM_MAX_CI)
		return sim_json_bad(path, "more than %d compute instances", SIM_MAX_CI);
	json_array_foreach(cis, i, c)
	{
		if (snprintf(sub, sizeof(sub), "%s.compute_instances[%zu]", path, i) < 0 ||
		    parse_ci(gi, gp, c, sub) < 0)
			return MIG_EINVALID;
	}
	if (ci_fits(gi, gp, path) < 0)
		return MIG_EINVALID;
	g->gi_count++;
	return 0;
}

static int parse_process(sim_gpu *g, json_t *o, const char *path)
{
	static const char *const keys[] = {"pid", "used_mib", "gpu_instance", "compute_instance",
					   NULL};
	sim_process *p = &g->procs[g->proc_count];
	uint64_t pid, used;
	long long gi, ci;
	sim_gi *owner = NULL;

	if (!json_is_object(o))
		return sim_json_bad(path, "must be an object");
	if (sim_json_keys(o, path, keys) < 0 ||
	    sim_json_uint(o, path, "pid", 0x7fffffff, 1, 0, &pid) < 0 ||
	    sim_json_uint(o, path, "used_mib", 1u << 30, 0, 0, &used) < 0 ||
	    sim_json_int(o, path, "gpu_instance", -1, SIM_MAX_GI_ID, -1, &gi) < 0 ||
	    sim_json_int(o, path, "compute_instance", -1, SIM_MAX_CI_ID, -1, &ci) < 0)
		return MIG_EINVALID;
	if (pid == 0)
		return sim_json_bad(path, "pid 0 is not a process");
	if (g->mig_current && gi >= 0)
		owner = sim_gpu_gi(g, (unsigned)gi);
	if (g->mig_current && (!owner || ci < 0 || !sim_gi_ci(owner, (unsigned)ci)))
		return sim_json_bad(path, "no compute instance %lld/%lld for process %u", gi, ci,
				    (unsigned)pid);
	if (!g->mig_current && (gi >= 0 || ci >= 0))
		return sim_json_bad(path, "process %u names an instance but MIG is disabled",
				    (unsigned)pid);
	if ((uint64_t)used > g->model->memory_mib)
		return sim_json_bad(path, "process %u uses more memory than the GPU has",
				    (unsigned)pid);
	p->pid = (unsigned)pid;
	p->used_mib = used;
	p->gi = (int)gi;
	p->ci = (int)ci;
	g->proc_count++;
	return 0;
}

static int parse_pci(sim_gpu *g, json_t *o, const char *path)
{
	char text[40] = "";
	unsigned dom, bus, dev, fn;
	int used = 0;

	if (sim_json_str(o, path, "pci_bus_id", 0, text, sizeof(text)) < 0)
		return MIG_EINVALID;
	if (!text[0])
		return 0;
	if (sscanf(text, "%x:%x:%x.%x%n", &dom, &bus, &dev, &fn, &used) != 4 ||
	    (size_t)used != strlen(text) || bus > 0xff || dev > 0x1f || fn != 0)
		return sim_json_bad(path, "bad pci_bus_id '%s'", text);
	g->pci_domain = dom;
	g->pci_bus = bus;
	g->pci_device = dev;
	return 0;
}

static int parse_mig_and_util(sim_gpu *g, json_t *o, const char *path)
{
	static const char *const mkeys[] = {"current", "pending", NULL};
	static const char *const ukeys[] = {"gpu", "memory", NULL};
	int failed = 0;
	json_t *mig = sim_json_object(o, path, "mig", &failed);
	json_t *util = sim_json_object(o, path, "utilization", &failed);
	json_t *lost = json_object_get(o, "lost");
	uint64_t cur = 0, pend = 0, ug = 0, um = 0;

	if (failed)
		return MIG_EINVALID;
	if (mig && (sim_json_keys(mig, path, mkeys) < 0 ||
		    sim_json_uint(mig, path, "current", 1, 0, 0, &cur) < 0 ||
		    sim_json_uint(mig, path, "pending", 1, 0, cur, &pend) < 0))
		return MIG_EINVALID;
	if (util && (sim_json_keys(util, path, ukeys) < 0 ||
		     sim_json_uint(util, path, "gpu", 100, 0, 0, &ug) < 0 ||
		     sim_json_uint(util, path, "memory", 100, 0, 0, &um) < 0))
		return MIG_EINVALID;
	if (lost && !json_is_boolean(lost))
		return sim_json_bad(path, "'lost' must be true or false");
	g->mig_current = (unsigned)cur;
	g->mig_pending = (unsigned)pend;
	g->util_gpu = (unsigned)ug;
	g->util_mem = (unsigned)um;
	g->lost = json_is_true(lost);
	return 0;
}

static int check_layout(sim_gpu *g, const char *path)
{
	mig_layout l;
	mig_violation why;

	if (g->gi_count && !g->mig_current)
		return sim_json_bad(path, "gpu instances exist while MIG mode is disabled");
	sim_gpu_layout(g, &l);
	if (mig_geometry_check(&l, &why) < 0)
		return sim_json_bad(path, "gpu instances break the placement rules: %s",
				    mig_error_last()->message);
	return 0;
}

static int parse_identity(sim_gpu *g, json_t *o, const char *path, unsigned index)
{
	char model[64] = "";
	uint64_t minor;
	const mig_gpu *m;

	if (sim_json_str(o, path, "model", 1, model, sizeof(model)) < 0)
		return MIG_EINVALID;
	if (mig_catalog_find(&m, model) < 0)
		return sim_json_bad(path, "unknown GPU model '%s'", model);
	memset(g, 0, sizeof(*g));
	g->model = m;
	g->pci_bus = 0x10 + index;
	sim_uuid_make(g->uuid, "GPU-", m->key, index, 0, 0);
	if (sim_json_str(o, path, "uuid", 0, g->uuid, sizeof(g->uuid)) < 0 ||
	    sim_json_uint(o, path, "minor", 255, 0, index, &minor) < 0)
		return MIG_EINVALID;
	if (strncmp(g->uuid, "GPU-", 4) != 0 || strlen(g->uuid) != 40)
		return sim_json_bad(path, "uuid '%s' is not GPU- and a UUID", g->uuid);
	g->minor = (unsigned)minor;
	return parse_pci(g, o, path);
}

int sim_json_parse_gpu(sim_gpu *g, json_t *o, const char *path, unsigned index)
{
	static const char *const keys[] = {"model",	"uuid", "pci_bus_id",  "minor",
					   "mig",	"lost", "utilization", "gpu_instances",
					   "processes", NULL};
	char sub[PATH_SIZE];
	json_t *gis, *procs, *v;
	size_t i;

	if (!json_is_object(o))
		return sim_json_bad(path, "must be an object");
	if (sim_json_keys(o, path, keys) < 0 || parse_identity(g, o, path, index) < 0 ||
	    parse_mig_and_util(g, o, path) < 0 ||
	    sim_json_array(o, path, "gpu_instances", 0, &gis) < 0 ||
	    sim_json_array(o, path, "processes", 0, &procs) < 0)
		return MIG_EINVALID;
	if (json_array_size(gis) > SIM_MAX_GI)
		return sim_json_bad(path, "more than %d gpu instances", SIM_MAX_GI);
	json_array_foreach(gis, i, v)
	{
		if (snprintf(sub, sizeof(sub), "%s.gpu_instances[%zu]", path, i) < 0 ||
		    parse_gi(g, v, sub) < 0)
			return MIG_EINVALID;
	}
	if (check_layout(g, path) < 0)
		return MIG_EINVALID;
	if (json_array_size(procs) > 4096)
		return sim_json_bad(path, "more than 4096 processes");
	g->procs = calloc(json_array_size(procs) + 1, sizeof(*g->procs));
	if (!g->procs)
		return mig_error_oom();
	json_array_foreach(procs, i, v)
	{
		if (snprintf(sub, sizeof(sub), "%s.processes[%zu]", path, i) < 0 ||
		    parse_process(g, v, sub) < 0)
			return MIG_EINVALID;
	}
	return 0;
}
