/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_GEOMETRY_H
#define MIGCTL_GEOMETRY_H

/**
 * @file geometry.h
 * @brief Pure placement logic over memory-slice masks: fit, check, explain, order, enumerate.
 *
 * Nothing here talks to a GPU. A layout is a list of GPU instances, each a profile of the
 * catalog at a start position (in memory-slice positions). The rules are NVIDIA's:
 *  1. a GI may only start at one of its profile's placements, and no two GIs overlap;
 *  2. at most max_count GIs of a profile;
 *  3. the compute slices of all GIs add up to at most the GPU's compute slices;
 *  4. at most one media-extension ("+me") GI per GPU; while a "+me.all" GI exists only "-me"
 *     GIs may be added (and a "+me.all" GI needs every other GI to be "-me").
 */

#include <stddef.h>
#include <stdint.h>
#include "catalog.h"
#include "common.h"

/** Most instances a request or layout may list (more than any GPU holds, so that an
 *  over-long request is explained rather than cut). */
#define MIG_LAYOUT_MAX 32

/** One GPU instance: a profile at a start position; start < 0 means "not chosen yet". */
typedef struct mig_instance {
	const mig_gi_profile *profile;
	int start;
} mig_instance;

/** A set of GPU instances on one GPU (a request when some starts are < 0). */
typedef struct mig_layout {
	const mig_gpu *gpu;
	size_t count;
	mig_instance gi[MIG_LAYOUT_MAX];
} mig_layout;

/** Start an empty layout of a GPU. */
MIG_EXTERN(void) mig_layout_init(mig_layout *l, const mig_gpu *gpu);

/**
 * Append an instance.
 * @return 0, or MIG_EINVALID when the layout already holds MIG_LAYOUT_MAX instances
 */
MIG_EXTERN(int) mig_layout_add(mig_layout *l, const mig_gi_profile *p, int start);

/** @return the mask of memory-slice positions held by the placed instances (start >= 0). */
MIG_EXTERN(uint32_t) mig_layout_occupied(const mig_layout *l);

/** @return the mask of positions [start, start + size) of a profile placed at start. */
MIG_EXTERN(uint32_t) mig_placement_mask(const mig_gi_profile *p, unsigned start);

/** @return 1 when start is one of the profile's placements, else 0. */
MIG_EXTERN(int) mig_geometry_placement_allowed(const mig_gi_profile *p, unsigned start);

/**
 * Where a profile can be added to a layout of placed instances, honouring every rule
 * (instances of the layout without a start are ignored).
 * @param starts receives up to cap start positions, in increasing order (may be NULL if cap 0)
 * @return the number of free placements (may exceed cap)
 */
MIG_EXTERN(size_t) mig_geometry_free_starts(const mig_layout *l, const mig_gi_profile *p,
					    unsigned *starts, size_t cap);

/**
 * How many more GIs of a profile fit next to the placed instances (what
 * nvmlDeviceGetGpuInstanceRemainingCapacity reports).
 */
MIG_EXTERN(unsigned) mig_geometry_remaining_capacity(const mig_layout *l,
						     const mig_gi_profile *p);

/** The rule a layout breaks. */
typedef enum mig_violation_kind {
	MIG_VIOLATION_NONE,
	MIG_VIOLATION_PLACEMENT,      /**< a GI starts where its profile may not */
	MIG_VIOLATION_OVERLAP,	      /**< two GIs share memory slices */
	MIG_VIOLATION_MAX_COUNT,      /**< more GIs of a profile than it allows */
	MIG_VIOLATION_ME_LIMIT,	      /**< more than one media-extension GI */
	MIG_VIOLATION_ME_ALL,	      /**< a "+me.all" GI next to a GI that is not "-me" */
	MIG_VIOLATION_COMPUTE_SLICES, /**< more compute slices than the GPU has */
	MIG_VIOLATION_MAX_INSTANCES,  /**< more GIs than the GPU holds */
	MIG_VIOLATION_NO_ROOM,	      /**< every rule holds alone, but no placement of all exists */
	MIG_VIOLATION__COUNT
} mig_violation_kind;

/**
 * Why a layout or request is impossible. Indices count the instances of the layout or request;
 * for mig_geometry_fit_around the existing instances come first, then the request's.
 */
typedef struct mig_violation {
	mig_violation_kind kind;
	int first;		    /**< index of the GI at fault (or -1) */
	int second;		    /**< index of the other GI involved (or -1) */
	const mig_gi_profile *profile; /**< the profile the rule is about (or NULL) */
	uint32_t slices;	    /**< slices in question (overlap, or held ones for NO_ROOM) */
} mig_violation;

/** @return a short name of a violation kind ("overlap", "max count", ...). */
MIG_EXTERN(const char *) mig_violation_name(mig_violation_kind kind);

/**
 * Check that a layout whose instances are all placed (start >= 0) is one the driver allows.
 * Rules are checked in this order: allowed starts, the media-engine rules, max count, compute
 * slices, number of GIs, overlaps. Messages number the GIs from 1 in layout order ("GI #2";
 * "existing GI #1" for the instances passed to fit_around as existing).
 * @param why receives the first violation found (may be NULL)
 * @return 0 when valid; MIG_EINVALID when a start is negative or a profile is not one of the
 *         GPU's; MIG_ENOFIT when a rule is broken, with a message that says which GI holds
 *         which slices and which rule, and a hint with the way out where one exists
 */
MIG_EXTERN(int) mig_geometry_check(const mig_layout *l, mig_violation *why);

/**
 * Find concrete placements for a request: pinned instances (start >= 0) stay where they are,
 * the others get a start. The search is exact: it answers "does not fit" only when no
 * assignment exists. The result is in an order the driver accepts when each GI is created with
 * its placement (largest first, then by start).
 * @param out receives the placed layout (written only on success)
 * @param why receives the reason when nothing fits (may be NULL)
 * @return 0, or MIG_ENOFIT with an explanation
 */
MIG_EXTERN(int) mig_geometry_fit(mig_layout *out, const mig_layout *request, mig_violation *why);

/**
 * Like mig_geometry_fit, next to instances that already exist and must stay where they are.
 * @param existing placed instances on the GPU (may be NULL)
 * @param out receives only the newly placed instances, in creation order
 */
MIG_EXTERN(int) mig_geometry_fit_around(mig_layout *out, const mig_layout *existing,
					const mig_layout *request, mig_violation *why);

/** Sort a placed layout into the order the driver accepts: larger first, then by start. */
MIG_EXTERN(void) mig_geometry_creation_order(mig_layout *l);

/** Which profiles an enumeration may use, beyond the plain ones. */
enum mig_enum_flags {
	MIG_ENUM_WIDE = 1u << 0,   /**< the 1-compute, 2-memory-slice profile (1_SLICE_REV2) */
	MIG_ENUM_ME = 1u << 1,	   /**< the media-extension "+me" profiles */
	MIG_ENUM_OTHER = 1u << 2,  /**< "+gfx", "-me", "+me.all" */
	MIG_ENUM_DEFAULT = MIG_ENUM_WIDE,
	MIG_ENUM_ALL = MIG_ENUM_WIDE | MIG_ENUM_ME | MIG_ENUM_OTHER,
};

/** @return 1 when an enumeration with these flags may use the profile. */
MIG_EXTERN(int) mig_geometry_profile_enabled(const mig_gi_profile *p, unsigned flags);

/** A list of layouts. */
typedef struct mig_layout_list {
	size_t count;
	mig_layout *items;
} mig_layout_list;

/**
 * Every complete layout of a GPU (one where no enabled profile can be added), each distinct
 * set of (profile, start) once, in creation order, sorted for stable output.
 * @param out receives a list the caller frees with mig_layout_list_free
 * @return 0 or MIG_ENOMEM
 */
MIG_EXTERN(int) mig_geometry_enumerate(mig_layout_list **out, const mig_gpu *gpu, unsigned flags);

/** @return the number of distinct profile multisets among the layouts of a list. */
MIG_EXTERN(size_t) mig_layout_list_multisets(const mig_layout_list *list);

/** Free a list; NULL is fine. */
MIG_EXTERN(void) mig_layout_list_free(mig_layout_list *list);

/** @return 1 when two layouts hold the same multiset of profiles (starts ignored). */
MIG_EXTERN(int) mig_layout_same_profiles(const mig_layout *a, const mig_layout *b);

/**
 * Parse a request such as "3g.40gb@4 2g.20gb 1g.10gb", "19,19,14,9", "9:4" or "2x1g.10gb".
 * Each token is [COUNTx]PROFILE[@START|:START]; PROFILE is a name, a short name unambiguous on
 * the GPU ("3g") or a profile id; tokens may also be separated by commas.
 * @param out receives the request (written only on success)
 * @param tokens the words to parse
 * @return 0, or MIG_EINVALID / MIG_ENOTFOUND with one line naming the bad token
 */
MIG_EXTERN(int) mig_geometry_parse_request(mig_layout *out, const mig_gpu *gpu,
					   const char *const *tokens, size_t count);

/**
 * Draw a placed layout as a slice map: "[3g.40gb           ][2g.20gb ][1g ][   ]". Every
 * memory-slice position is 5 columns wide, so the maps of one GPU line up; each GI is one cell
 * over its positions, named in full or, when that does not fit, in the short "3g" form; free
 * positions are empty "[   ]" cells. GIs without a start, or over an earlier GI, are left out.
 * @param buf receives the drawing (NUL-terminated, cut to buflen)
 * @return the length the full drawing needs (like snprintf)
 */
MIG_EXTERN(size_t) mig_layout_draw(char *buf, size_t buflen, const mig_layout *l);

#endif
