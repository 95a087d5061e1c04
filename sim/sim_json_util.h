/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGSIM_JSON_UTIL_H
#define MIGSIM_JSON_UTIL_H

/*
 * Small checked readers for the state file parser. Each takes the JSON path of the object it
 * reads ("gpus[1].gpu_instances[0]") so that an error names exactly the field at fault, and
 * records MIG_EINVALID with that message.
 */

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

/* Fail unless every key of obj is in the NULL-terminated list. */
int sim_json_keys(json_t *obj, const char *path, const char *const *allowed);

/* Read an unsigned integer <= max; a missing key gives def unless required. */
int sim_json_uint(json_t *obj, const char *path, const char *key, uint64_t max, int required,
		  uint64_t def, uint64_t *out);

/* Read an integer in [min, max]; a missing key gives def. */
int sim_json_int(json_t *obj, const char *path, const char *key, long long min, long long max,
		 long long def, long long *out);

/* Copy a string of fewer than size bytes; a missing key leaves out unchanged unless required. */
int sim_json_str(json_t *obj, const char *path, const char *key, int required, char *out,
		 size_t size);

/* The array under key in *out (NULL when missing and not required: jansson treats NULL as an
 * empty array). */
int sim_json_array(json_t *obj, const char *path, const char *key, int required, json_t **out);

/* The object under key, or NULL (with *failed set when present but not an object). */
json_t *sim_json_object(json_t *obj, const char *path, const char *key, int *failed);

/* Record "PATH: message" as MIG_EINVALID and return it. */
int sim_json_bad(const char *path, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parse gpus[index] into g (sim_state_json_gpu.c); g->procs is allocated even on failure and
 * belongs to the caller. */
struct sim_gpu;
int sim_json_parse_gpu(struct sim_gpu *g, json_t *o, const char *path, unsigned index);

#endif
