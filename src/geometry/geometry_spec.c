/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The request language of `migctl create` and layout files: words such as "3g.40gb@4",
 * "2g.20gb", "2x1g.10gb", nvidia-smi's "9:4" (profile id and start) and comma lists
 * ("19,19,14,9"). Input comes from users and fuzzers alike, so every item is measured before it
 * is copied, and every error names the item (with unprintable bytes shown as '?').
 */
#include "geometry_internal.h"

#include <string.h>

#include "error_util.h"
#include "parse_util.h"
#include "banned.h"

/* Longest profile word looked up; longer ones cannot name a profile. */
#define PROFILE_WORD_MAX 64
/* Longest item echoed in an error message. */
#define ECHO_MAX 48

/* A printable copy of an item for messages. */
static const char *echo(char *buf, size_t buflen, const char *s, size_t len)
{
	size_t i, n = len < ECHO_MAX ? len : ECHO_MAX;

	if (n >= buflen)
		n = buflen - 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		buf[i] = (c >= 0x20 && c < 0x7f && c != '\'') ? (char)c : '?';
	}
	buf[n] = '\0';
	if (n < len && n >= 3)
		memset(buf + n - 3, '.', 3);
	return buf;
}

static int all_digits(const char *s, size_t len)
{
	size_t i;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int printable(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7f)
			return 0;
	return 1;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct item {
	const char *text; /* the whole item, for messages */
	size_t len;
	char shown[ECHO_MAX + 1];
};

static int bad_item(const struct item *it, const char *what)
{
	return mig_error_set(MIG_EINVALID, "%s in '%s'", what, it->shown);
}

/* "2x" in front of an item: returns the count (1 when absent) and moves *pos past it. */
static int parse_count(const struct item *it, size_t *pos, unsigned *count)
{
	size_t d = 0;
	uint64_t v;

	while (d < it->len && it->text[d] >= '0' && it->text[d] <= '9')
		d++;
	*count = 1;
	if (d == 0 || d >= it->len || it->text[d] != 'x')
		return 0;
	if (mig_parse_uint_n(it->text, d, UINT32_MAX, &v) < 0 || v == 0)
		return bad_item(it, "bad count (use 1 or more)");
	if (v > MIG_LAYOUT_MAX)
		return mig_error_set(MIG_EINVALID, "too many instances in '%s': at most %d",
				     it->shown, MIG_LAYOUT_MAX);
	*count = (unsigned)v;
	*pos = d + 1;
	return 0;
}

static int parse_start(const struct item *it, const mig_gpu *gpu, const char *s, size_t len,
		       int *start)
{
	uint64_t v;

	if (len == 0)
		return bad_item(it, "missing start after '@' or ':'");
	if (!all_digits(s, len))
		return bad_item(it, "bad start (expected a slice number)");
	if (mig_parse_uint_n(s, len, UINT32_MAX, &v) < 0 || v >= gpu->memory_slices) {
		char num[ECHO_MAX + 1];

		return mig_error_set(MIG_EINVALID,
				     "placement %s is out of range for %s: slices are 0-%u",
				     echo(num, sizeof(num), s, len), gpu->nvml_name,
				     gpu->memory_slices ? gpu->memory_slices - 1 : 0);
	}
	*start = (int)v;
	return 0;
}

static int find_profile(const struct item *it, const mig_gpu *gpu, const char *s, size_t len,
			const mig_gi_profile **p)
{
	char word[PROFILE_WORD_MAX];
	char shown[ECHO_MAX + 1];

	if (len == 0)
		return bad_item(it, "missing profile");
	/* Words no profile can have are answered here, so that the message stays printable. */
	if (len >= sizeof(word) || !printable(s, len))
		return mig_error_set(MIG_ENOTFOUND, "unknown profile '%s' for %s",
				     echo(shown, sizeof(shown), s, len), gpu->nvml_name);
	memcpy(word, s, len);
	word[len] = '\0';
	return mig_catalog_find_profile(p, gpu, word);
}

/* One item: [COUNTx]PROFILE[@START|:START]. */
static int parse_item(mig_layout *l, const mig_gpu *gpu, const struct item *it)
{
	const mig_gi_profile *p = NULL;
	size_t pos = 0, sep, i;
	unsigned count;
	int start = -1;
	int rc;

	rc = parse_count(it, &pos, &count);
	if (rc < 0)
		return rc;
	for (sep = pos; sep < it->len && it->text[sep] != '@' && it->text[sep] != ':'; sep++)
		;
	rc = find_profile(it, gpu, it->text + pos, sep - pos, &p);
	if (rc == 0 && sep < it->len)
		rc = parse_start(it, gpu, it->text + sep + 1, it->len - sep - 1, &start);
	if (rc < 0)
		return rc;
	if (l->count + count > MIG_LAYOUT_MAX)
		return mig_error_set(MIG_EINVALID, "too many instances at '%s': at most %d",
				     it->shown, MIG_LAYOUT_MAX);
	for (i = 0; i < count; i++) {
		l->gi[l->count].profile = p;
		l->gi[l->count++].start = start;
	}
	return 0;
}

/* Split one token on commas; every item must be non-empty. */
static int parse_token(mig_layout *l, const mig_gpu *gpu, const char *tok)
{
	size_t len = strlen(tok), begin = 0;
	char shown[ECHO_MAX + 1];

	for (;;) {
		size_t end = begin;
		struct item it;
		int rc;

		while (end < len && tok[end] != ',')
			end++;
		it.text = tok + begin;
		it.len = end - begin;
		while (it.len && is_blank(it.text[0])) {
			it.text++;
			it.len--;
		}
		while (it.len && is_blank(it.text[it.len - 1]))
			it.len--;
		if (it.len == 0)
			return mig_error_set(MIG_EINVALID, "empty item in '%s'",
					     echo(shown, sizeof(shown), tok, len));
		echo(it.shown, sizeof(it.shown), it.text, it.len);
		rc = parse_item(l, gpu, &it);
		if (rc < 0)
			return rc;
		if (end >= len)
			return 0;
		begin = end + 1;
	}
}

int mig_geometry_parse_request(mig_layout *out, const mig_gpu *gpu, const char *const *tokens,
			       size_t count)
{
	mig_layout l;
	size_t i;

	if (!out || !gpu || (count && !tokens))
		return mig_error_set(MIG_EINVALID, "no request or no GPU given");
	mig_layout_init(&l, gpu);
	for (i = 0; i < count; i++) {
		int rc;

		if (!tokens[i])
			return mig_error_set(MIG_EINVALID, "empty item in the request");
		rc = parse_token(&l, gpu, tokens[i]);
		if (rc < 0)
			return rc;
	}
	*out = l;
	return 0;
}
