/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CLI_EXIT_H
#define MIGCTL_CLI_EXIT_H

/*
 * The exit codes of the migctl command: the one place they are defined. docs/migctl.1 documents
 * them and tests/e2e has a test for each.
 */

enum cli_exit {
	CLI_EXIT_OK = 0,	 /* success */
	CLI_EXIT_FAILED = 1,	 /* the operation failed */
	CLI_EXIT_USAGE = 2,	 /* bad arguments: unknown command, option, GPU, profile, spec */
	CLI_EXIT_BAD_FILE = 3,	 /* an input file is invalid */
	CLI_EXIT_INFEASIBLE = 4, /* the requested layout or plan cannot exist */
	CLI_EXIT_DRIVER = 5,	 /* the NVIDIA driver (NVML) reported an error */
	CLI_EXIT_REFUSED = 6,	 /* refused for safety: instance in use, lock held */
	CLI_EXIT_RECOVER = 7,	 /* an interrupted apply needs recovery */
};

/* The exit code for a library error code, when the bad input came from the command line. */
int cli_exit_for(int mig_code);

#endif
