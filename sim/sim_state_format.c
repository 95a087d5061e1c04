/* SPDX-License-Identifier: Apache-2.0 */
/* The state as JSON text: the inverse of sim_state_parse (sim_state_json.c). */
#include "sim_file.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_fault.h"
#include "banned.h"

/* json_object_set_new that remembers a failure instead of returning it. */
static void put(json_t *o, const char *key, json_t *v, int *failed)
{
	if (!v || json_object_set_new(o, key, v) < 0)
		*failed = 1;
}

static void append(json_t *a, json_t *v, int *failed)
{
	if (!v || json_array_append_new(a, v) < 0)
		*failed = 1;
}

static json_t *format_gi(const sim_gi *gi, int *failed)
{
	json_t *o = json_object(), *cis = json_array();
	size_t i;

	if (!o || !cis) {
		json_decref(o);
		json_decref(cis);
		*failed = 1;
		return NULL;
	}
	put(o, "id", json_integer(gi->id), failed);
	put(o, "profile_id", json_integer(gi->profile_id), failed);
	put(o, "start", json_integer(gi->start), failed);
	put(o, "serial", json_integer((json_int_t)gi->serial), failed);
	for (i = 0; i < gi->ci_count; i++) {
		json_t *c = json_pack("{s:I, s:I, s:I, s:I}", "id", (json_int_t)gi->ci[i].id,
				      "profile", (json_int_t)gi->ci[i].profile, "start",
				      (json_int_t)gi->ci[i].start, "serial",
				      (json_int_t)gi->ci[i].serial);
		append(cis, c, failed);
	}
	put(o, "compute_instances", cis, failed);
	return o;
}

static json_t *format_gpu(const sim_gpu *g, int *failed)
{
	char bus[40];
	json_t *o = json_object(), *gis = json_array(), *procs = json_array();
	size_t i;

	if (!o || !gis || !procs) {
		json_decref(o);
		json_decref(gis);
		json_decref(procs);
		*failed = 1;
		return NULL;
	}
	snprintf(bus, sizeof(bus), "%08x:%02x:%02x.0", g->pci_domain, g->pci_bus, g->pci_device);
	put(o, "model", json_string(g->model->key), failed);
	put(o, "uuid", json_string(g->uuid), failed);
	put(o, "pci_bus_id", json_string(bus), failed);
	put(o, "minor", json_integer(g->minor), failed);
	put(o, "mig",
	    json_pack("{s:I, s:I}", "current", (json_int_t)g->mig_current, "pending",
		      (json_int_t)g->mig_pending),
	    failed);
	put(o, "lost", json_boolean(g->lost), failed);
	put(o, "utilization",
	    json_pack("{s:I, s:I}", "gpu", (json_int_t)g->util_gpu, "memory",
		      (json_int_t)g->util_mem),
	    failed);
	for (i = 0; i < g->gi_count; i++)
		append(gis, format_gi(&g->gi[i], failed), failed);
	for (i = 0; i < g->proc_count; i++) {
		const sim_process *p = &g->procs[i];

		append(procs,
		       json_pack("{s:I, s:I, s:i, s:i}", "pid", (json_int_t)p->pid, "used_mib",
				 (json_int_t)p->used_mib, "gpu_instance", p->gi, "compute_instance",
				 p->ci),
		       failed);
	}
	put(o, "gpu_instances", gis, failed);
	put(o, "processes", procs, failed);
	return o;
}

static json_t *format_fault(const sim_fault *f)
{
	const char *name = sim_code_name(f->code);

	return json_pack("{s:s, s:i, s:I, s:I, s:s}", "function", f->function, "gpu", f->gpu, "nth",
			 (json_int_t)f->nth, "count", (json_int_t)f->count, "code",
			 name ? name : "UNKNOWN");
}

static json_t *format_calls(const sim_counters *c, int *failed)
{
	json_t *o = json_object();
	size_t i;

	if (!o) {
		*failed = 1;
		return NULL;
	}
	put(o, "total", json_integer((json_int_t)c->total), failed);
	for (i = 0; i < c->count; i++)
		put(o, c->items[i].name, json_integer((json_int_t)c->items[i].calls), failed);
	return o;
}

char *sim_state_format(const sim_state *st)
{
	json_t *root = json_object(), *gpus = json_array(), *faults = json_array();
	int failed = !root || !gpus || !faults;
	char *text = NULL;
	size_t i;

	if (!failed) {
		put(root, "migsim", json_integer(SIM_FORMAT), &failed);
		put(root, "generation", json_integer((json_int_t)st->generation), &failed);
		put(root, "next_serial", json_integer((json_int_t)st->next_serial), &failed);
		put(root, "driver_version", json_string(st->driver_version), &failed);
		put(root, "nvml_version", json_string(st->nvml_version), &failed);
		put(root, "cuda_driver_version", json_integer(st->cuda_version), &failed);
		for (i = 0; i < st->gpu_count; i++)
			append(gpus, format_gpu(&st->gpus[i], &failed), &failed);
		for (i = 0; i < st->fault_count; i++)
			append(faults, format_fault(&st->faults[i]), &failed);
		put(root, "gpus", json_incref(gpus), &failed);
		put(root, "faults", json_incref(faults), &failed);
		put(root, "calls", format_calls(&st->calls, &failed), &failed);
	}
	if (!failed)
		text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	json_decref(gpus);
	json_decref(faults);
	if (text) {
		size_t len = strlen(text);
		char *nl = realloc(text, len + 2);

		if (!nl) {
			free(text);
			return NULL;
		}
		nl[len] = '\n';
		nl[len + 1] = '\0';
		text = nl;
	}
	return text;
}
