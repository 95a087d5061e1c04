/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_STRBUF_H
#define MIGCTL_STRBUF_H

/*
 * A growable NUL-terminated string. A strbuf that failed to grow stays valid and remembers the
 * failure in `oom`, so a caller can append many pieces and check once at the end.
 *
 *   mig_strbuf sb = MIG_STRBUF_INIT;
 *   mig_strbuf_addf(&sb, "GI %u", id);
 *   if (sb.oom) ...
 *   mig_strbuf_release(&sb);
 */

#include <stddef.h>

#include "error_util.h"

typedef struct mig_strbuf {
	char *buf;   /* always NUL-terminated; "" before the first append */
	size_t len;
	size_t alloc;
	int oom;
} mig_strbuf;

#define MIG_STRBUF_INIT { NULL, 0, 0, 0 }

void mig_strbuf_init(mig_strbuf *sb);
void mig_strbuf_release(mig_strbuf *sb);
void mig_strbuf_reset(mig_strbuf *sb);
void mig_strbuf_add(mig_strbuf *sb, const char *s, size_t len);
void mig_strbuf_adds(mig_strbuf *sb, const char *s);
void mig_strbuf_addch(mig_strbuf *sb, char c);
void mig_strbuf_addf(mig_strbuf *sb, const char *fmt, ...) MIG_PRINTF(2, 3);
/* The text so far; "" when empty. Never NULL. */
const char *mig_strbuf_str(const mig_strbuf *sb);
/* Hand the buffer to the caller (who frees it) and reset sb; NULL on an earlier failure. */
char *mig_strbuf_detach(mig_strbuf *sb);

#endif
