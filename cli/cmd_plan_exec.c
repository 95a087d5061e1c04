/* SPDX-License-Identifier: Apache-2.0 */
/* migctl plan: hand over to the planner program, migctl-plan (cli/plan_main.c says why). */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_system.h"
#include "exit.h"
#include "banned.h"

/* `migctl plan` runs migctl-plan (cli/plan_main.c), found next to migctl, or installed in
 * ../libexec/migctl/, with the global options it understands. */
int cmd_plan_exec(int argc, char **argv, struct cli_ctx *ctx)
{
	static const char *const places[] = { "migctl-plan", "../libexec/migctl/migctl-plan" };
	char self[4096], path[4200];
	char *args[256];
	int i, k = 0;
	size_t p;

	if (argc + 3 > (int)(sizeof(args) / sizeof(args[0])))
		return cli_fail(CLI_EXIT_USAGE, "too many arguments");
	if (cli_exe_dir(self, sizeof(self)) < 0)
		return cli_fail(CLI_EXIT_FAILED, "cannot find where migctl is installed");
	args[k++] = (char *)"migctl-plan";
	if (ctx->json)
		args[k++] = (char *)"--json";
	for (i = 0; i < ctx->verbose && k < 4; i++)
		args[k++] = (char *)"-v";
	for (i = 0; i < argc; i++)
		args[k++] = argv[i];
	args[k] = NULL;
	fflush(NULL);
	for (p = 0; p < sizeof(places) / sizeof(places[0]); p++) {
		snprintf(path, sizeof(path), "%s/%s", self, places[p]);
		execv(path, args);
	}
	return cli_fail(CLI_EXIT_FAILED, "cannot run the planner '%s/migctl-plan': %s", self,
			strerror(errno));
}
