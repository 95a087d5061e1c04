/* SPDX-License-Identifier: Apache-2.0 */
#include "cli_system.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exit.h"
#include "migctl/error.h"
#include "migsim.h"
#include "banned.h"

#define SIM_LIBRARY "libnvidia-ml.so.1"

static char state_path[PATH_MAX];

const char *cli_sim_state_path(void)
{
	return state_path;
}

int cli_exe_dir(char *buf, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", buf, len - 1);
	char *slash;

	if (n <= 0)
		return -1;
	buf[n] = '\0';
	slash = strrchr(buf, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	return 0;
}

/* The simulator library: MIGCTL_SIM_LIBRARY, else next to migctl in the build tree
 * (sim/libnvidia-ml.so.1), else where `make install` puts it (../lib/migsim/). */
static const char *find_sim_library(char *buf, size_t len)
{
	static const char *const relative[] = { "sim/" SIM_LIBRARY, "../lib/migsim/" SIM_LIBRARY,
						"../lib64/migsim/" SIM_LIBRARY };
	const char *env = getenv("MIGCTL_SIM_LIBRARY");
	char dir[PATH_MAX];
	size_t i;

	if (env && *env)
		return env;
	if (cli_exe_dir(dir, sizeof(dir)) < 0)
		return NULL;
	for (i = 0; i < sizeof(relative) / sizeof(relative[0]); i++) {
		int n = snprintf(buf, len, "%s/%s", dir, relative[i]);

		if (n > 0 && (size_t)n < len && access(buf, R_OK) == 0)
			return buf;
	}
	return NULL;
}

/* A file name made of the spec: letters, digits, '-', '.' and ','; others become '_'. */
static void default_state_path(const char *spec, char *buf, size_t len)
{
	const char *tmp = getenv("TMPDIR");
	char safe[128];
	size_t i;

	for (i = 0; spec[i] && i + 1 < sizeof(safe); i++) {
		char c = spec[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			 c == '-' || c == '.' || c == ',';

		safe[i] = ok ? c : '_';
	}
	safe[i] = '\0';
	snprintf(buf, len, "%s/migctl-sim-%u-%s.json", tmp && *tmp ? tmp : "/tmp",
		 (unsigned)getuid(), safe);
}

int cli_system_prepare_sim(struct cli_ctx *ctx, int create)
{
	const char *env = getenv("MIGSIM_STATE");
	int rc;

	if (env && *env)
		snprintf(state_path, sizeof(state_path), "%s", env);
	else
		default_state_path(ctx->sim, state_path, sizeof(state_path));
	if (setenv("MIGSIM_STATE", state_path, 1) != 0)
		return cli_fail(CLI_EXIT_FAILED, "cannot set MIGSIM_STATE");
	if (!create || access(state_path, F_OK) == 0)
		return 0;
	rc = migsim_create(state_path, ctx->sim, 0);
	if (rc < 0)
		return cli_report_error(rc);
	if (ctx->verbose)
		fprintf(stderr, "migctl: simulated GPUs '%s' in %s\n", ctx->sim, state_path);
	return 0;
}

mig_system *cli_system_open(struct cli_ctx *ctx, int *exit_code)
{
	char buf[PATH_MAX];
	const char *library = NULL;
	mig_system *sys;
	int rc;

	if (ctx->sim) {
		rc = cli_system_prepare_sim(ctx, 1);
		if (rc) {
			*exit_code = rc;
			return NULL;
		}
		library = find_sim_library(buf, sizeof(buf));
		if (!library) {
			*exit_code = cli_fail(CLI_EXIT_FAILED,
					      "cannot find the simulator (%s); set "
					      "MIGCTL_SIM_LIBRARY to its path",
					      SIM_LIBRARY);
			return NULL;
		}
	}
	rc = mig_system_open(&sys, library);
	if (rc == MIG_ENOTFOUND && !library) {
		*exit_code = cli_fail(CLI_EXIT_DRIVER,
				      "NVIDIA driver not found (libnvidia-ml.so.1); to try migctl "
				      "on simulated GPUs: migctl --sim h100-80gb status");
		return NULL;
	}
	if (rc < 0) {
		*exit_code = cli_report_error(rc);
		return NULL;
	}
	return sys;
}

/* dir = a followed by b; the caller checked that both fit. */
static void join(char *dir, const char *a, const char *b)
{
	size_t la = strlen(a);

	memcpy(dir, a, la);
	memcpy(dir + la, b, strlen(b) + 1);
}

static int usable_dir(const char *dir)
{
	return (mkdir(dir, 0755) == 0 || errno == EEXIST) && access(dir, W_OK) == 0;
}

const char *cli_state_dir(struct cli_ctx *ctx)
{
	static char dir[PATH_MAX];
	const char *env = getenv("MIGCTL_STATE_DIR");
	const char *tmp = getenv("TMPDIR");

	if (env && *env)
		snprintf(dir, sizeof(dir), "%s", env);
	else if (ctx->sim && state_path[0] && strlen(state_path) + 3 <= sizeof(dir))
		join(dir, state_path, ".d");
	else if (usable_dir("/var/lib/migctl"))
		return "/var/lib/migctl";
	else
		snprintf(dir, sizeof(dir), "%s/migctl-%u", tmp && *tmp ? tmp : "/tmp",
			 (unsigned)getuid());
	if (!usable_dir(dir)) {
		cli_fail(CLI_EXIT_FAILED, "cannot use the state folder '%s': %s", dir,
			 strerror(errno));
		return NULL;
	}
	return dir;
}

int cli_select_gpus(mig_system *sys, struct cli_ctx *ctx, unsigned *indices, size_t cap,
		    size_t *count)
{
	int rc = mig_system_select(sys, ctx->gpu, indices, cap, count);

	if (rc < 0)
		return cli_report_error(rc);
	if (*count > cap)
		*count = cap;
	return 0;
}
