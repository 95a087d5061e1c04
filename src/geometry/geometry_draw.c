/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A slice map of a layout, one fixed-width column block per memory-slice position, so that the
 * maps of several layouts of one GPU printed one under the other line up:
 *
 *	[3g.40gb           ][2g.20gb ][1g ][   ]
 *
 * Each GI is one bracketed cell as wide as the positions it covers; its name is cut to the
 * short "3g" form when the full name does not fit.
 */
#include "geometry_internal.h"

#include <string.h>

#include "banned.h"

/* Columns per position: "[1g]" plus one, so that two positions hold "2g.20gb". */
#define DRAW_COLUMNS 5

struct out {
	char *buf;
	size_t cap;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->cap)
		o->buf[o->len] = c;
	o->len++;
}

/* The label that fits width columns: full name, short name with suffix, short name, cut. */
static void label(char *dst, size_t width, const mig_gi_profile *p)
{
	const char *name = p->name ? p->name : "?";
	const char *dot = strchr(name, '.');
	size_t short_len = dot ? (size_t)(dot - name) : strlen(name);
	const char *suffix = mig_variant_suffix(p->variant);
	size_t n;

	if (strlen(name) <= width) {
		memcpy(dst, name, strlen(name) + 1);
		return;
	}
	n = short_len < width ? short_len : width;
	memcpy(dst, name, n);
	dst[n] = '\0';
	if (suffix && n == short_len && short_len + strlen(suffix) <= width)
		memcpy(dst + n, suffix, strlen(suffix) + 1);
}

static void cell(struct out *o, const mig_gi_profile *p, unsigned positions)
{
	char text[DRAW_COLUMNS * 32];
	size_t width = (size_t)positions * DRAW_COLUMNS - 2, i, n;

	text[0] = '\0';
	if (p)
		label(text, width < sizeof(text) - 1 ? width : sizeof(text) - 1, p);
	n = strlen(text);
	put(o, '[');
	for (i = 0; i < width; i++)
		put(o, i < n ? text[i] : ' ');
	put(o, ']');
}

size_t mig_layout_draw(char *buf, size_t buflen, const mig_layout *l)
{
	struct out o = {buf, buflen, 0};
	int owner[32];
	uint32_t claimed = 0;
	unsigned slices, pos;
	size_t i;

	if (buf && buflen)
		buf[0] = '\0';
	if (!l || !l->gpu)
		return 0;
	slices = l->gpu->memory_slices < 32 ? l->gpu->memory_slices : 32;
	for (pos = 0; pos < 32; pos++)
		owner[pos] = -1;
	/* A GI outside the GPU or over an earlier one is left out: the map never lies. */
	for (i = 0; i < l->count && i < MIG_LAYOUT_MAX; i++) {
		const mig_instance *g = &l->gi[i];
		uint32_t mask;

		if (!g->profile || !mig_geometry__inside(l->gpu, g->profile, g->start) ||
		    g->profile->mem_slices == 0)
			continue;
		mask = mig_placement_mask(g->profile, (unsigned)g->start);
		if (mask & claimed)
			continue;
		claimed |= mask;
		owner[g->start] = (int)i;
	}
	for (pos = 0; pos < slices;) {
		const mig_instance *g;

		if (!(claimed & (1u << pos)) || owner[pos] < 0) {
			cell(&o, NULL, 1);
			pos++;
			continue;
		}
		g = &l->gi[owner[pos]];
		cell(&o, g->profile, g->profile->mem_slices);
		pos += g->profile->mem_slices;
	}
	if (buf && buflen)
		buf[o.len < buflen ? o.len : buflen - 1] = '\0';
	return o.len;
}
