/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fault injection: the code-name table, the MIGSIM_FAULTS grammar (see sim_fault.h), and the
 * test that decides whether a call fails.
 */
#include "sim_fault.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error_util.h"
#include "parse_util.h"
#include "banned.h"

static const struct {
	int code;
	const char *name;
} code_names[] = {
	{0, "SUCCESS"},
	{1, "UNINITIALIZED"},
	{2, "INVALID_ARGUMENT"},
	{3, "NOT_SUPPORTED"},
	{4, "NO_PERMISSION"},
	{5, "ALREADY_INITIALIZED"},
	{6, "NOT_FOUND"},
	{7, "INSUFFICIENT_SIZE"},
	{8, "INSUFFICIENT_POWER"},
	{9, "DRIVER_NOT_LOADED"},
	{10, "TIMEOUT"},
	{11, "IRQ_ISSUE"},
	{12, "LIBRARY_NOT_FOUND"},
	{13, "FUNCTION_NOT_FOUND"},
	{14, "CORRUPTED_INFOROM"},
	{15, "GPU_IS_LOST"},
	{16, "RESET_REQUIRED"},
	{17, "OPERATING_SYSTEM"},
	{18, "LIB_RM_VERSION_MISMATCH"},
	{19, "IN_USE"},
	{20, "MEMORY"},
	{21, "NO_DATA"},
	{22, "VGPU_ECC_NOT_SUPPORTED"},
	{23, "INSUFFICIENT_RESOURCES"},
	{24, "FREQ_NOT_SUPPORTED"},
	{25, "ARGUMENT_VERSION_MISMATCH"},
	{26, "DEPRECATED"},
	{27, "NOT_READY"},
	{28, "GPU_NOT_FOUND"},
	{29, "INVALID_STATE"},
	{30, "RESET_TYPE_NOT_SUPPORTED"},
	{999, "UNKNOWN"},
};

#define N_CODES (sizeof(code_names) / sizeof(code_names[0]))

const char *sim_code_name(int code)
{
	size_t i;

	for (i = 0; i < N_CODES; i++)
		if (code_names[i].code == code)
			return code_names[i].name;
	return NULL;
}

int sim_code_parse(const char *s, size_t len, int *out)
{
	uint64_t v;
	size_t i;

	if (mig_parse_uint_n(s, len, 999, &v) == 0) {
		if (!sim_code_name((int)v))
			return -1;
		*out = (int)v;
		return 0;
	}
	if (len > 11 && strncasecmp(s, "NVML_ERROR_", 11) == 0) {
		s += 11;
		len -= 11;
	} else if (len == 12 && strncasecmp(s, "NVML_SUCCESS", 12) == 0) {
		*out = 0;
		return 0;
	}
	for (i = 0; i < N_CODES; i++) {
		if (strlen(code_names[i].name) == len &&
		    strncasecmp(code_names[i].name, s, len) == 0) {
			*out = code_names[i].code;
			return 0;
		}
	}
	return -1;
}

/* Split s[0..len) at ':' into at most max fields; returns the count, or -1 for too many. */
static int split_fields(const char *s, size_t len, const char **f, size_t *flen, int max)
{
	int n = 0;
	size_t start = 0, i;

	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != ':')
			continue;
		if (n == max)
			return -1;
		f[n] = s + start;
		flen[n++] = i - start;
		start = i + 1;
	}
	return n;
}

static int parse_entry(sim_fault *out, const char *s, size_t len)
{
	const char *f[4], *at;
	size_t fl[4];
	uint64_t v;
	int n = split_fields(s, len, f, fl, 4);

	memset(out, 0, sizeof(*out));
	out->gpu = -1;
	out->count = 1;
	if (n == 3 && fl[0] == 4 && strncmp(f[0], "lost", 4) == 0) {
		if (mig_parse_uint_n(f[1], fl[1], SIM_MAX_GPUS - 1, &v) < 0)
			return -1;
		out->gpu = (int)v;
		if (mig_parse_uint_n(f[2], fl[2], UINT64_MAX - 1, &v) < 0)
			return -1;
		out->nth = v + 1;
		out->count = 0;
		out->code = 15;
		return 0;
	}
	if (n < 3 || fl[0] == 0 || fl[0] >= SIM_NAME_SIZE)
		return -1;
	at = memchr(f[0], '@', fl[0]);
	if (at) {
		if (mig_parse_uint_n(at + 1, fl[0] - (size_t)(at + 1 - f[0]), SIM_MAX_GPUS - 1,
				     &v) < 0)
			return -1;
		out->gpu = (int)v;
		fl[0] = (size_t)(at - f[0]);
	}
	if (!(fl[0] == 1 && f[0][0] == '*'))
		snprintf(out->function, sizeof(out->function), "%.*s", (int)fl[0], f[0]);
	if (mig_parse_uint_n(f[1], fl[1], UINT64_MAX, &v) < 0 || v == 0)
		return -1;
	out->nth = v;
	if (sim_code_parse(f[2], fl[2], &out->code) < 0)
		return -1;
	if (n == 4) {
		if (fl[3] == 1 && f[3][0] == '*')
			out->count = 0;
		else if (mig_parse_uint_n(f[3], fl[3], UINT64_MAX, &out->count) < 0)
			return -1;
	}
	return 0;
}

int sim_faults_parse(sim_fault **faults, size_t *count, const char *spec)
{
	const char *p = spec;

	while (p && *p) {
		size_t len = strcspn(p, ",;");
		const char *next = p + len;
		sim_fault f, *grown;

		while (len && (*p == ' ' || *p == '\t')) {
			p++;
			len--;
		}
		while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len > 0) {
			if (parse_entry(&f, p, len) < 0) {
				mig_error_set(MIG_EINVALID, "bad fault '%.*s'", (int)len, p);
				mig_error_hint("write FUNCTION:N:CODE[:K], FUNCTION@GPU:N:CODE "
					       "or lost:GPU:N");
				return MIG_EINVALID;
			}
			grown = realloc(*faults, (*count + 1) * sizeof(**faults));
			if (!grown)
				return mig_error_oom();
			*faults = grown;
			grown[(*count)++] = f;
		}
		p = *next ? next + 1 : next;
	}
	return 0;
}

static int fires(const sim_fault *f, uint64_t calls)
{
	if (calls < f->nth)
		return 0;
	return f->count == 0 || calls - f->nth < f->count;
}

const sim_fault *sim_fault_match(const sim_fault *f, size_t n, const char *fn, uint64_t fn_calls,
				 uint64_t all_calls, int gpu)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (f[i].gpu != gpu)
			continue;
		if (f[i].function[0] && strcmp(f[i].function, fn) != 0)
			continue;
		if (fires(&f[i], f[i].function[0] ? fn_calls : all_calls))
			return &f[i];
	}
	return NULL;
}
