/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The state file parser, top level: format number, versions, GPUs (sim_state_json_gpu.c),
 * faults and call counters. Serials must be unique and below next_serial so that a new
 * instance can never take the identity (handle, MIG UUID) of an old one.
 */
#include "sim_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_util.h"
#include "sim_fault.h"
#include "sim_json_util.h"
#include "banned.h"

static int parse_code(json_t *o, const char *path, int *out)
{
	json_t *v = json_object_get(o, "code");
	const char *s;

	if (json_is_integer(v) && json_integer_value(v) >= 0 && json_integer_value(v) <= 999 &&
	    sim_code_name((int)json_integer_value(v))) {
		*out = (int)json_integer_value(v);
		return 0;
	}
	s = json_is_string(v) ? json_string_value(v) : NULL;
	if (s && sim_code_parse(s, strlen(s), out) == 0)
		return 0;
	return sim_json_bad(path, "'code' must name an NVML return code");
}

static int parse_fault(sim_fault *f, json_t *o, const char *path)
{
	static const char *const keys[] = {"function", "gpu", "nth", "count", "code", NULL};
	long long gpu;

	memset(f, 0, sizeof(*f));
	if (!json_is_object(o))
		return sim_json_bad(path, "must be an object");
	if (sim_json_keys(o, path, keys) < 0 ||
	    sim_json_str(o, path, "function", 0, f->function, sizeof(f->function)) < 0 ||
	    sim_json_int(o, path, "gpu", -1, SIM_MAX_GPUS - 1, -1, &gpu) < 0 ||
	    sim_json_uint(o, path, "nth", UINT64_MAX, 1, 0, &f->nth) < 0 ||
	    sim_json_uint(o, path, "count", UINT64_MAX, 0, 1, &f->count) < 0 ||
	    parse_code(o, path, &f->code) < 0)
		return MIG_EINVALID;
	if (f->nth == 0)
		return sim_json_bad(path, "'nth' counts from 1");
	f->gpu = (int)gpu;
	return 0;
}

static int parse_calls(sim_counters *c, json_t *o)
{
	json_t *total = json_object_get(o, "total");
	const char *key;
	json_t *v;

	if (!o)
		return 0;
	json_object_foreach(o, key, v)
	{
		if (!json_is_integer(v) || json_integer_value(v) < 0)
			return sim_json_bad("calls", "'%s' must be a count", key);
		if (strcmp(key, "total") == 0)
			continue;
		if (strlen(key) >= SIM_NAME_SIZE)
			return sim_json_bad("calls", "function name '%.40s...' is too long", key);
		if (sim_counters_bump(c, key) < 0)
			return MIG_ENOMEM;
		c->items[c->count - 1].calls = (uint64_t)json_integer_value(v);
	}
	/* the bumps above counted into the total too: the file's total is the one that counts */
	c->total = total ? (uint64_t)json_integer_value(total) : 0;
	return 0;
}

static int check_serials(const sim_state *st)
{
	size_t i, j, k, n = 0;
	uint64_t seen[SIM_MAX_GI * (SIM_MAX_CI + 1)];

	for (i = 0; i < st->gpu_count; i++) {
		const sim_gpu *g = &st->gpus[i];

		n = 0;
		for (j = 0; j < g->gi_count; j++) {
			seen[n++] = g->gi[j].serial;
			for (k = 0; k < g->gi[j].ci_count; k++)
				seen[n++] = g->gi[j].ci[k].serial;
		}
		for (j = 0; j < n; j++) {
			if (seen[j] == 0 || seen[j] >= st->next_serial)
				return sim_json_bad("gpus", "serial %llu is not below next_serial",
						    (unsigned long long)seen[j]);
			for (k = j + 1; k < n; k++)
				if (seen[j] == seen[k])
					return sim_json_bad("gpus", "serial %llu is used twice",
							    (unsigned long long)seen[j]);
		}
	}
	return 0;
}

static int parse_gpus(sim_state *st, json_t *gpus)
{
	char path[32];
	json_t *v;
	size_t i;

	if (json_array_size(gpus) == 0 || json_array_size(gpus) > SIM_MAX_GPUS)
		return sim_json_bad("gpus", "must list 1 to %d GPUs", SIM_MAX_GPUS);
	st->gpus = calloc(json_array_size(gpus), sizeof(*st->gpus));
	if (!st->gpus)
		return mig_error_oom();
	json_array_foreach(gpus, i, v)
	{
		snprintf(path, sizeof(path), "gpus[%zu]", i);
		st->gpu_count = i + 1;
		if (sim_json_parse_gpu(&st->gpus[i], v, path, (unsigned)i) < 0)
			return MIG_EINVALID;
	}
	return 0;
}

static int parse_faults(sim_state *st, json_t *faults)
{
	char path[32];
	json_t *v;
	size_t i;

	if (json_array_size(faults) > 1024)
		return sim_json_bad("faults", "more than 1024 faults");
	if (json_array_size(faults) == 0)
		return 0;
	st->faults = calloc(json_array_size(faults), sizeof(*st->faults));
	if (!st->faults)
		return mig_error_oom();
	json_array_foreach(faults, i, v)
	{
		snprintf(path, sizeof(path), "faults[%zu]", i);
		if (parse_fault(&st->faults[i], v, path) < 0)
			return MIG_EINVALID;
		st->fault_count = i + 1;
	}
	return 0;
}

static int parse_root(sim_state *st, json_t *root)
{
	static const char *const keys[] = {"migsim",	   "generation",
					   "next_serial",  "driver_version",
					   "nvml_version", "cuda_driver_version",
					   "gpus",	   "faults",
					   "calls",	   NULL};
	uint64_t format;
	long long cuda;
	int failed = 0;
	json_t *gpus, *faults, *calls;

	if (!json_is_object(root))
		return sim_json_bad("state", "must be a JSON object");
	if (sim_json_keys(root, "state", keys) < 0 ||
	    sim_json_uint(root, "state", "migsim", 1000, 1, 0, &format) < 0)
		return MIG_EINVALID;
	if (format != SIM_FORMAT)
		return sim_json_bad("migsim", "format %llu is not %d", (unsigned long long)format,
				    SIM_FORMAT);
	if (sim_json_uint(root, "state", "generation", UINT64_MAX - 1, 0, 0, &st->generation) < 0 ||
	    sim_json_uint(root, "state", "next_serial", UINT64_MAX - 1, 0, 1, &st->next_serial) <
		    0 ||
	    sim_json_str(root, "state", "driver_version", 0, st->driver_version,
			 sizeof(st->driver_version)) < 0 ||
	    sim_json_str(root, "state", "nvml_version", 0, st->nvml_version,
			 sizeof(st->nvml_version)) < 0 ||
	    sim_json_int(root, "state", "cuda_driver_version", 0, 1000000, st->cuda_version,
			 &cuda) < 0 ||
	    sim_json_array(root, "state", "gpus", 1, &gpus) < 0 ||
	    sim_json_array(root, "state", "faults", 0, &faults) < 0)
		return MIG_EINVALID;
	calls = sim_json_object(root, "state", "calls", &failed);
	st->cuda_version = (int)cuda;
	if (failed || parse_gpus(st, gpus) < 0 || parse_faults(st, faults) < 0 ||
	    parse_calls(&st->calls, calls) < 0)
		return MIG_EINVALID;
	return check_serials(st);
}

int sim_state_parse(sim_state *out, const char *buf, size_t len)
{
	json_error_t jerr;
	json_t *root;
	sim_state st;
	int rc;

	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root)
		return mig_error_set(MIG_EINVALID, "line %d, column %d: %s", jerr.line, jerr.column,
				     jerr.text);
	sim_state_init(&st);
	rc = parse_root(&st, root);
	json_decref(root);
	if (rc < 0) {
		sim_state_release(&st);
		return rc;
	}
	*out = st;
	return 0;
}
