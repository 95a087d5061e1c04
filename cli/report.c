/* SPDX-License-Identifier: Apache-2.0 */
/* Turning library errors into what the user reads and the exit code scripts see. */
#include "cli.h"

#include <stdarg.h>

#include "exit.h"
#include "migctl/error.h"
#include "banned.h"

int cli_exit_for(int mig_code)
{
	switch (mig_code) {
	case MIG_OK:
		return CLI_EXIT_OK;
	case MIG_EINVALID:
	case MIG_ENOTFOUND:
		return CLI_EXIT_USAGE;
	case MIG_ENOFIT:
		return CLI_EXIT_INFEASIBLE;
	case MIG_ENVML:
	case MIG_ENOTSUPPORTED:
		return CLI_EXIT_DRIVER;
	case MIG_EINUSE:
	case MIG_ELOCKED:
		return CLI_EXIT_REFUSED;
	case MIG_ERECOVER:
		return CLI_EXIT_RECOVER;
	default:
		return CLI_EXIT_FAILED;
	}
}

int cli_report_error(int mig_code)
{
	const mig_error *e = mig_error_last();

	fprintf(stderr, "migctl: %s\n", e->code != MIG_OK ? e->message : mig_error_code_name(mig_code));
	if (e->code != MIG_OK && e->hint)
		fprintf(stderr, "hint: %s\n", e->hint);
	return cli_exit_for(mig_code);
}

int cli_fail(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("migctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}
