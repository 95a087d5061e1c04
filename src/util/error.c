/* SPDX-License-Identifier: Apache-2.0 */
#include "error_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define MESSAGE_MAX 2048
#define HINT_MAX 1024

static _Thread_local char last_message[MESSAGE_MAX];
static _Thread_local char last_hint[HINT_MAX];
static _Thread_local mig_error last = { MIG_OK, NULL, NULL };

const mig_error *mig_error_last(void)
{
	static const mig_error none = { MIG_OK, "no error", NULL };

	if (last.code == MIG_OK)
		return &none;
	return &last;
}

void mig_error_clear(void)
{
	last.code = MIG_OK;
	last.message = NULL;
	last.hint = NULL;
	last_message[0] = '\0';
	last_hint[0] = '\0';
}

int mig_error_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_message, sizeof(last_message), fmt, ap);
	va_end(ap);
	last.code = code;
	last.message = last_message;
	last.hint = NULL;
	last_hint[0] = '\0';
	return code;
}

void mig_error_hint(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_hint, sizeof(last_hint), fmt, ap);
	va_end(ap);
	last.hint = last_hint;
}

void mig_error_prefix(const char *fmt, ...)
{
	char prefix[512];
	size_t plen, mlen;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	/* "prefix: message", cut at the end when it does not fit */
	plen = strlen(prefix);
	mlen = strlen(last_message);
	if (plen + 2 + mlen >= sizeof(last_message))
		mlen = sizeof(last_message) - 1 - plen - 2;
	memmove(last_message + plen + 2, last_message, mlen);
	memcpy(last_message, prefix, plen);
	memcpy(last_message + plen, ": ", 2);
	last_message[plen + 2 + mlen] = '\0';
	if (last.code == MIG_OK)
		last.code = MIG_ERROR;
	last.message = last_message;
}

void mig_error_save(mig_error_saved *saved)
{
	saved->code = last.code;
	snprintf(saved->message, sizeof(saved->message), "%s", last.message ? last.message : "");
	saved->has_hint = last.hint != NULL;
	snprintf(saved->hint, sizeof(saved->hint), "%s", last.hint ? last.hint : "");
}

void mig_error_restore(const mig_error_saved *saved)
{
	if (saved->code == MIG_OK) {
		mig_error_clear();
		return;
	}
	mig_error_set(saved->code, "%s", saved->message);
	if (saved->has_hint)
		mig_error_hint("%s", saved->hint);
}

int mig_error_oom(void)
{
	return mig_error_set(MIG_ENOMEM, "out of memory");
}

const char *mig_error_code_name(int code)
{
	switch (code) {
	case MIG_OK: return "ok";
	case MIG_ERROR: return "error";
	case MIG_ENOTFOUND: return "not found";
	case MIG_EINVALID: return "invalid";
	case MIG_ENOFIT: return "no fit";
	case MIG_EINUSE: return "in use";
	case MIG_ELOCKED: return "locked";
	case MIG_ENOTSUPPORTED: return "not supported";
	case MIG_ENVML: return "driver error";
	case MIG_ENOMEM: return "out of memory";
	case MIG_EIO: return "i/o error";
	case MIG_ERECOVER: return "recovery needed";
	}
	return "unknown error";
}

const char *mig_version(void)
{
	return MIGCTL_VERSION;
}
