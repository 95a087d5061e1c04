/* SPDX-License-Identifier: Apache-2.0 */
#include "opt.h"

#include <string.h>

#include "exit.h"
#include "banned.h"

static const struct cli_opt *find_long(const struct cli_opt *opts, const char *name, size_t len)
{
	for (; opts->type != CLI_OPT_T_END; opts++)
		if (opts->long_name && strlen(opts->long_name) == len &&
		    memcmp(opts->long_name, name, len) == 0)
			return opts;
	return NULL;
}

static const struct cli_opt *find_short(const struct cli_opt *opts, char c)
{
	for (; opts->type != CLI_OPT_T_END; opts++)
		if (opts->short_name && opts->short_name == c)
			return opts;
	return NULL;
}

static int usage_error(const struct cli_cmd_spec *spec, const char *what, const char *token)
{
	fprintf(stderr, "migctl: %s '%s'\nhint: see 'migctl %s --help'\n", what, token, spec->name);
	return CLI_EXIT_USAGE;
}

/* Store an option's value; value is the inline "=x" part or NULL. Returns the number of argv
 * entries consumed beyond the option itself, or -1 on a usage error (already printed). */
static int take(const struct cli_cmd_spec *spec, const struct cli_opt *o, const char *token,
		const char *value, int i, int argc, char **argv)
{
	if (o->type == CLI_OPT_T_FLAG) {
		if (value) {
			usage_error(spec, "option takes no value:", token);
			return -1;
		}
		(*(int *)o->value)++;
		return 0;
	}
	if (value) {
		*(const char **)o->value = value;
		return 0;
	}
	if (i + 1 >= argc) {
		usage_error(spec, "option needs a value:", token);
		return -1;
	}
	*(const char **)o->value = argv[i + 1];
	return 1;
}

static int is_help(const char *a)
{
	return strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0;
}

int cli_opt_parse(const struct cli_cmd_spec *spec, int argc, char **argv, int *npos, FILE *out)
{
	int i, n = 0, only_args = 0;

	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		const struct cli_opt *o = NULL;
		const char *value = NULL;
		int used;

		if (only_args || a[0] != '-' || a[1] == '\0') {
			argv[1 + n++] = a;
			only_args |= spec->options_end_at_first_arg;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_args = 1;
			continue;
		}
		if (is_help(a)) {
			cli_opt_usage(spec, out);
			return 1;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);

			o = find_long(spec->opts, a + 2, len);
			value = eq ? eq + 1 : NULL;
		} else if (a[2] == '\0') {
			o = find_short(spec->opts, a[1]);
		}
		if (!o)
			return usage_error(spec, "unknown option", a);
		used = take(spec, o, a, value, i, argc, argv);
		if (used < 0)
			return CLI_EXIT_USAGE;
		i += used;
	}
	if (n < spec->min_args || (spec->max_args >= 0 && n > spec->max_args)) {
		fprintf(stderr, "migctl: '%s' takes %s\nhint: see 'migctl %s --help'\n", spec->name,
			spec->max_args == 0	       ? "no arguments"
			: spec->min_args > 0 && n == 0 ? "arguments: none were given"
						       : "a different number of arguments",
			spec->name);
		return CLI_EXIT_USAGE;
	}
	argv[1 + n] = NULL; /* the positional arguments form a NULL-terminated list */
	*npos = n;
	return 0;
}

void cli_opt_usage(const struct cli_cmd_spec *spec, FILE *out)
{
	const struct cli_opt *o;

	fprintf(out, "usage: migctl %s [OPTIONS]%s%s\n\n%s\n", spec->name, spec->args ? " " : "",
		spec->args ? spec->args : "", spec->summary);
	if (spec->opts && spec->opts->type != CLI_OPT_T_END)
		fprintf(out, "\noptions:\n");
	for (o = spec->opts; o && o->type != CLI_OPT_T_END; o++) {
		char left[64];

		if (o->short_name)
			snprintf(left, sizeof(left), "-%c, --%s%s%s", o->short_name, o->long_name,
				 o->arg_name ? " " : "", o->arg_name ? o->arg_name : "");
		else
			snprintf(left, sizeof(left), "    --%s%s%s", o->long_name,
				 o->arg_name ? " " : "", o->arg_name ? o->arg_name : "");
		fprintf(out, "  %-28s %s\n", left, o->help);
	}
	fprintf(out, "\nglobal options: --gpu/-i GPU, --sim SPEC, --json, -v, --help, --version\n");
}
