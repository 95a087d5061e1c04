/* SPDX-License-Identifier: Apache-2.0 */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

void mig_strbuf_init(mig_strbuf *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->alloc = 0;
	sb->oom = 0;
}

void mig_strbuf_release(mig_strbuf *sb)
{
	free(sb->buf);
	mig_strbuf_init(sb);
}

void mig_strbuf_reset(mig_strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

static int grow(mig_strbuf *sb, size_t extra)
{
	size_t want, alloc;
	char *p;

	if (sb->oom)
		return -1;
	if (extra > (size_t)-1 - sb->len - 1)
		goto fail;
	want = sb->len + extra + 1;
	if (want <= sb->alloc)
		return 0;
	alloc = sb->alloc ? sb->alloc : 64;
	while (alloc < want)
		alloc = alloc > (size_t)-1 / 2 ? want : alloc * 2;
	p = realloc(sb->buf, alloc);
	if (!p)
		goto fail;
	sb->buf = p;
	sb->alloc = alloc;
	return 0;
fail:
	sb->oom = 1;
	return -1;
}

void mig_strbuf_add(mig_strbuf *sb, const char *s, size_t len)
{
	if (grow(sb, len) < 0)
		return;
	memcpy(sb->buf + sb->len, s, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void mig_strbuf_adds(mig_strbuf *sb, const char *s)
{
	mig_strbuf_add(sb, s, strlen(s));
}

void mig_strbuf_addch(mig_strbuf *sb, char c)
{
	mig_strbuf_add(sb, &c, 1);
}

void mig_strbuf_addf(mig_strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || grow(sb, (size_t)n) < 0) {
		sb->oom = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

const char *mig_strbuf_str(const mig_strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

char *mig_strbuf_detach(mig_strbuf *sb)
{
	char *p = sb->buf;

	if (sb->oom) {
		mig_strbuf_release(sb);
		return NULL;
	}
	if (!p)
		p = calloc(1, 1);
	mig_strbuf_init(sb);
	return p;
}
