/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_RECONCILE_INTERNAL_H
#define MIGCTL_RECONCILE_INTERNAL_H

/*
 * What the files of src/reconcile/ share: the choice of GIs to keep (reconcile_keep.c), the
 * journal on disk (reconcile_journal.c) and running steps (reconcile_run.c).
 */

#include "migctl/reconcile.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "error_util.h"

/* Most GIs the exhaustive keep search looks at (2^16 subsets); GPUs hold at most 8. */
#define MIG_RECONCILE_SEARCH_MAX 16

/* Which current GIs stay, which desired GI each one is, and where the new GIs go. */
typedef struct mig_keep_choice {
	uint32_t keep_mask;		   /* bit i: current GI i (state order) stays */
	int match[MIG_LAYOUT_MAX];	   /* kept GI i is desired GI match[i] */
	mig_layout placed;		   /* the new GIs, placed, in creation order */
	int placed_want[MIG_LAYOUT_MAX];   /* placed.gi[k] is desired GI placed_want[k] */
} mig_keep_choice;

/* Processes running on a GI. */
size_t mig_reconcile__busy(const mig_gi_state *g);

/* 1 when a current GI can stand for a desired one: same profile, compatible start (equal
 * when pinned), the same compute instances. */
int mig_reconcile__compatible(const mig_gi_state *g, const mig_config_gi *d);

/*
 * Choose the GIs to keep (see mig_reconcile_plan for the order of preference). With keep_busy,
 * only sets holding every busy GI are considered. Returns 0, or MIG_ENOFIT when no set works
 * (only possible with keep_busy, since keeping nothing works when want fits at all), or
 * MIG_EINVALID when the state holds too many GIs to search.
 */
int mig_reconcile__choose(mig_keep_choice *out, const mig_gpu_state *st,
			  const mig_config_layout *want, int keep_busy);

/* The journal: the layouts an apply goes between, and how far it got. */
typedef struct mig_journal {
	unsigned index;
	char uuid[96];
	unsigned flags;		       /* enum mig_reconcile_flags of the apply */
	const char *phase;	       /* "apply", "roll-forward", "roll-back" (static text) */
	mig_config_layout previous;    /* what the GPU held before (pinned) */
	mig_config_layout target;      /* what the apply makes (pinned) */
} mig_journal;

/* Write the journal atomically (temp file, fsync, rename, fsync of the folder), with the steps
 * of the phase under way and how many are done. Returns 0 or MIG_EIO. */
int mig_journal__write(const char *path, const mig_journal *j, const mig_step_plan *steps,
		       size_t done);

/* Read a journal. Returns 0, MIG_ENOTFOUND (no file), MIG_EINVALID (corrupt, naming what),
 * MIG_EIO. */
int mig_journal__read(mig_journal *out, const char *path);

/* Remove the journal (and sync the folder). Returns 0 or MIG_EIO. */
int mig_journal__remove(const char *path);

/* Steps run by reconcile_run.c: every step of a plan, journaled. Stops at the first failure
 * (*done steps done) and at a mode change that waits for a reset (*reset set). */
int mig_reconcile__run(mig_system *sys, const mig_step_plan *plan, const mig_journal *j,
		       const char *path, const mig_apply_options *opts, size_t *done, int *reset);

/* Drive a GPU from its current state to a layout (read state, plan, run), journaled under
 * phase. Returns as mig_reconcile__run, or the planner's code (nothing run). */
int mig_reconcile__drive(mig_system *sys, mig_journal *j, const mig_config_layout *to,
			 unsigned flags, const char *path, const mig_apply_options *opts,
			 size_t *done, int *reset);

/* A layout as JSON: {"mig_enabled", "gpu_instances": [{"profile", "start",
 * "compute_instances": [names]}]}. NULL when out of memory. */
json_t *mig_reconcile__layout_json(const mig_config_layout *l);

/* Read a layout back for a GPU model. Returns 0 or MIG_EINVALID naming what is wrong. */
int mig_reconcile__layout_parse(mig_config_layout *out, const json_t *j, const mig_gpu *gpu);

/* The steps of a plan as a JSON array. NULL when out of memory. */
json_t *mig_reconcile__steps_json(const mig_step_plan *plan);

/* Count the steps of each kind among the first n into res. */
void mig_reconcile__tally(mig_apply_result *res, const mig_step_plan *plan, size_t n);

#endif
