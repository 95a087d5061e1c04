/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CLI_OPT_H
#define MIGCTL_CLI_OPT_H

/*
 * One option table per subcommand drives both parsing and --help, so the two never disagree.
 *
 *   static const struct cli_opt opts[] = {
 *           CLI_OPT_FLAG('c', "count", &count, "print only the number of layouts"),
 *           CLI_OPT_STRING(0, "profiles", &profiles, "LIST", "fit these profiles"),
 *           CLI_OPT_END
 *   };
 */

#include <stdio.h>

enum cli_opt_type { CLI_OPT_T_END, CLI_OPT_T_FLAG, CLI_OPT_T_STRING };

struct cli_opt {
	enum cli_opt_type type;
	char short_name;     /* 0 when none */
	const char *long_name;
	void *value;	     /* int * for flags (counts repeats), const char ** for strings */
	const char *arg_name;
	const char *help;
};

#define CLI_OPT_FLAG(s, l, v, h) { CLI_OPT_T_FLAG, s, l, v, NULL, h }
#define CLI_OPT_STRING(s, l, v, a, h) { CLI_OPT_T_STRING, s, l, v, a, h }
#define CLI_OPT_END { CLI_OPT_T_END, 0, NULL, NULL, NULL, NULL }

/* What a subcommand accepts: its options, its positional arguments and a summary. */
struct cli_cmd_spec {
	const char *name;
	const char *args;	  /* synopsis of the positional arguments, e.g. "SPEC..." */
	const char *summary;
	const struct cli_opt *opts;
	int min_args, max_args;	  /* positional argument counts; max -1 = unlimited */
	int options_end_at_first_arg; /* a command line follows: its options are its own */
};

/*
 * Parse argv[1..] (argv[0] is the subcommand) against the spec. Positional arguments are
 * moved to the front of argv (from index 1) and their number stored in *npos.
 * Returns 0; 1 when --help was asked (and printed to out); or CLI_EXIT_USAGE after printing
 * one line that names the problem and points to --help.
 */
int cli_opt_parse(const struct cli_cmd_spec *spec, int argc, char **argv, int *npos, FILE *out);

/* Print the usage of a subcommand, generated from its table. */
void cli_opt_usage(const struct cli_cmd_spec *spec, FILE *out);

#endif
