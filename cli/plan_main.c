/* SPDX-License-Identifier: Apache-2.0 */
/*
 * migctl-plan: the planner as its own program, which `migctl plan` runs. It is separate so
 * that the solver's libraries (CBC, CLP, LAPACK, libstdc++) load only for planning: the
 * commands that talk to GPUs start without them, which is most of their run time.
 *
 * `migctl` passes its global options first (--json, -v), then the word "plan" and the
 * plan command's own arguments.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "exit.h"
#include "banned.h"

int main(int argc, char **argv)
{
	struct cli_ctx ctx = { NULL, NULL, 0, 0, stdout };
	int i = 1;

	for (; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			ctx.json = 1;
		else if (strcmp(argv[i], "-v") == 0)
			ctx.verbose++;
		else
			break;
	}
	if (i >= argc || strcmp(argv[i], "plan") != 0)
		return cli_fail(CLI_EXIT_USAGE, "migctl-plan is run by 'migctl plan'; see 'migctl "
				"plan --help'");
	return cmd_plan(argc - i, argv + i, &ctx);
}
