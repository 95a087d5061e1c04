/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_RECONCILE_H
#define MIGCTL_RECONCILE_H

/**
 * @file reconcile.h
 * @brief From a GPU's current MIG state and a desired layout to the fewest changes that get
 * there (`migctl apply`), carried out safely: a per-GPU lock, a journal written before the
 * first change and after each, rollback when the driver fails, and recovery of an apply that
 * was interrupted.
 *
 * The planner is pure: it reads a mig_gpu_state and a mig_config_layout and talks to no GPU,
 * so it can be tested on synthetic states. It keeps every GPU instance the desired layout can
 * keep (the most instances, busy ones first), places the new instances around the kept ones,
 * and destroys only what must go:
 *
 *   mig_step_plan *plan;
 *   mig_reconcile_lock *lock;
 *   mig_apply_result res;
 *   mig_reconcile_lock_acquire(&lock, dir, 0, 10000);
 *   mig_reconcile_recover(sys, 0, dir, &outcome);        (an interrupted apply, if any)
 *   mig_gpu_state_read(&st, sys, 0);
 *   if (mig_reconcile_plan(&plan, st, &desired.want, 0) == 0)
 *           mig_reconcile_apply(sys, plan, &opts, &res);
 *   mig_reconcile_lock_release(lock);
 *
 * Steps come in an order the driver accepts: compute instances before their GPU instance,
 * every destruction before the MIG mode change, then each new GPU instance at an explicit
 * placement, largest first, followed by its compute instances (largest first).
 */

#include <stddef.h>
#include "common.h"
#include "config.h"
#include "device.h"

/** What one step does. */
typedef enum mig_step_kind {
	MIG_STEP_DESTROY_CI, /**< destroy compute instance ci_id of GPU instance gi_id */
	MIG_STEP_DESTROY_GI, /**< destroy GPU instance gi_id (its CIs are gone by then) */
	MIG_STEP_MODE,	     /**< set MIG mode to `enable` */
	MIG_STEP_CREATE_GI,  /**< create a GI of `profile` at `start` */
	MIG_STEP_CREATE_CI,  /**< create a CI of `ci_profile` in the GI made by step `gi_step` */
	MIG_STEP__COUNT
} mig_step_kind;

/** One change to a GPU. */
typedef struct mig_step {
	mig_step_kind kind;
	const mig_gi_profile *profile;	  /**< the GI's profile; NULL for MODE, or when unknown */
	char profile_name[32];		  /**< the GI's profile name ("" for MODE) */
	const mig_ci_profile *ci_profile; /**< CI steps: the CI's profile (NULL when unknown) */
	int start;			  /**< GI steps: placement in memory slices */
	int pinned;			  /**< CREATE_GI: the desired layout pinned this start */
	int gi_id;			  /**< DESTROY_*: the GI; CREATE_CI: existing GI or -1 */
	int ci_id;			  /**< DESTROY_CI: the CI */
	int gi_step;			  /**< CREATE_CI: the CREATE_GI step making its GI, or -1 */
	int enable;			  /**< MODE: the new mode (0/1) */
	size_t processes;		  /**< DESTROY_*: processes running on it (if forced) */
} mig_step;

/** A GPU instance the plan leaves alone. */
typedef struct mig_kept {
	unsigned gi_id;
	const mig_gi_profile *profile;
	unsigned start;
	size_t processes; /**< processes running on it */
} mig_kept;

/** The changes that take a GPU from its state to a desired layout. */
typedef struct mig_step_plan {
	const mig_gpu *gpu;
	unsigned index;			/**< the GPU's NVML index */
	char uuid[96];			/**< the GPU's UUID, "" when not known */
	int reset_needed;		/**< the steps end in a MIG mode change that waits for a GPU
					     reset (Ampere); new GIs come with an apply after it */
	size_t step_count;
	mig_step *steps;
	size_t kept_count;
	mig_kept kept[MIG_LAYOUT_MAX];
	size_t gis_destroyed, cis_destroyed, gis_created, cis_created;
	mig_config_layout before;	/**< the current state as a layout, every start pinned */
	mig_config_layout target;	/**< the desired layout, every start chosen (pinned) */
} mig_step_plan;

/** Options of mig_reconcile_plan and mig_reconcile_apply. */
enum mig_reconcile_flags {
	MIG_RECONCILE_FORCE = 1u << 0, /**< destroy instances although processes run on them */
};

/**
 * Compute the fewest steps that take a GPU from its current state to a desired layout. Pure:
 * no NVML call. A GI is kept when a desired GI has its profile, a compatible start (equal when
 * pinned) and the same compute instances; among the sets of GIs that can be kept together
 * (the new GIs must fit around them, exactly as mig_geometry_fit_around decides), the plan
 * keeps the one with the most busy GIs, then the most GIs, then the most memory slices.
 * Unless MIG_RECONCILE_FORCE, a GI with running processes is never destroyed: when the layout
 * cannot keep it the plan is refused.
 * @param out receives the plan (written only on success); free with mig_step_plan_free
 * @param current the GPU's state (mig_gpu_state_read, or built by hand)
 * @param want what the GPU should hold (mig_config_resolve); its GIs may be pinned or not
 * @param flags enum mig_reconcile_flags
 * @return 0; MIG_EINUSE naming the busy GIs (their pids) that would have to go; MIG_EINVALID
 *         when want is for another GPU model or current has more GIs than MIG_LAYOUT_MAX;
 *         MIG_ENOTSUPPORTED for a GPU that is not in the catalog or not MIG-capable;
 *         MIG_ENOFIT when want itself does not fit; MIG_ENOMEM
 */
MIG_EXTERN(int) mig_reconcile_plan(mig_step_plan **out, const mig_gpu_state *current,
				   const mig_config_layout *want, unsigned flags);

/** Free a plan; NULL is fine. */
MIG_EXTERN(void) mig_step_plan_free(mig_step_plan *plan);

/** @return "destroy-ci", "destroy-gi", "mode", "create-gi", "create-ci" ("?" when unknown). */
MIG_EXTERN(const char *) mig_step_kind_name(mig_step_kind kind);

/**
 * Describe a step for people: "destroy GI 3 (2g.20gb at 2)", "destroy CI 0 of GI 3",
 * "enable MIG mode", "create 3g.40gb at 4", "create CI 1c.3g.40gb in it".
 * @return the length the whole text needs (like snprintf); buf is always NUL-terminated
 */
MIG_EXTERN(size_t) mig_step_describe(char *buf, size_t len, const mig_step *step);

/**
 * The plan as JSON text: {"gpu", "model", "reset_needed", "kept": [...], "steps": [...],
 * "destroyed": {"gpu_instances", "compute_instances"}, "created": {...}, "target": [...]}.
 * @param out receives the text (the caller frees it)
 * @return 0 or MIG_ENOMEM
 */
MIG_EXTERN(int) mig_step_plan_to_json(char **out, const mig_step_plan *plan);

/**
 * A GPU's state as a layout: MIG mode (the pending one), every GI at its start with all of
 * its compute instances, largest first.
 * @return 0; MIG_ENOTSUPPORTED when the GPU or a GI/CI profile is not in the catalog
 */
MIG_EXTERN(int) mig_reconcile_state_layout(mig_config_layout *out, const mig_gpu_state *st);

/**
 * @return 1 when the state holds exactly the layout (pinned starts included; MIG mode current
 *         and without a pending change), 0 when not, or a negative code as mig_reconcile_plan
 */
MIG_EXTERN(int) mig_reconcile_matches(const mig_gpu_state *st, const mig_config_layout *want);

/**
 * The config that `apply -f FILE -c NAME` means: a config of a layout file, or with path NULL
 * one of the built-in named configs ("all-balanced").
 * @param file receives the file holding the config; free with mig_config_file_free
 * @param config receives the config (it lives in *file)
 * @param name the config; NULL picks the file's only config
 * @return 0; as mig_config_load (MIG_ENOTFOUND, MIG_EIO, MIG_EINVALID for a bad file); as
 *         mig_config_select and mig_config_named_get (MIG_ENOTFOUND naming the config);
 *         MIG_EINVALID when neither path nor name is given
 */
MIG_EXTERN(int) mig_reconcile_load(mig_config_file **file, const mig_config **config,
				   const char *path, const char *name);

/**
 * What a config gives one GPU, selected by the state's index, PCI id and UUID.
 * @param out receives the layout; out->entry is NULL when no entry selects the GPU
 * @return 0; as mig_config_resolve; MIG_ENOTSUPPORTED for a GPU not in the catalog
 */
MIG_EXTERN(int) mig_reconcile_desired(mig_config_desired *out, const mig_config_file *f,
				      const mig_config *c, const mig_gpu_state *st);

/** The lock that serialises changes to one GPU (an flock on a file in the state folder). */
typedef struct mig_reconcile_lock mig_reconcile_lock;

/**
 * Take a GPU's lock, waiting up to timeout_ms for another holder to let go.
 * @param state_dir the folder of locks and journals (must exist)
 * @return 0; MIG_ELOCKED naming the holder's pid when the time ran out; MIG_EIO
 */
MIG_EXTERN(int) mig_reconcile_lock_acquire(mig_reconcile_lock **out, const char *state_dir,
					   unsigned index, unsigned timeout_ms);

/**
 * Parse a lock timeout as users write it: seconds with up to three decimals ("10", "0.5"), at
 * most a day.
 * @return 0, or MIG_EINVALID naming the text
 */
MIG_EXTERN(int) mig_reconcile_parse_timeout(const char *text, unsigned *timeout_ms);

/** Let go of a lock; NULL is fine. */
MIG_EXTERN(void) mig_reconcile_lock_release(mig_reconcile_lock *lock);

/**
 * The journal's path for a GPU: "<state_dir>/gpu<index>.journal".
 * @return buf, or NULL when it does not fit
 */
MIG_EXTERN(char *) mig_reconcile_journal_path(char *buf, size_t len, const char *state_dir,
					      unsigned index);

/** @return 1 when an interrupted apply left a journal for this GPU, else 0. */
MIG_EXTERN(int) mig_reconcile_journal_exists(const char *state_dir, unsigned index);

/** Called after each step's driver call succeeded, before the journal records it. */
typedef void (*mig_step_fn)(void *ctx, const mig_step_plan *plan, size_t step);

/** Options of mig_reconcile_apply. */
typedef struct mig_apply_options {
	const char *state_dir; /**< where the journal goes (required) */
	unsigned flags;	       /**< enum mig_reconcile_flags the plan was made with */
	mig_step_fn on_step;   /**< progress (and a test hook); may be NULL */
	void *ctx;	       /**< passed to on_step */
} mig_apply_options;

#define MIG_APPLY_OPTIONS_INIT { NULL, 0, NULL, NULL }

/** How an apply (or a recovery) ended. */
typedef enum mig_apply_outcome {
	MIG_APPLY_DONE,		   /**< every step done: the layout holds */
	MIG_APPLY_RESET_NEEDED,	   /**< done up to a MIG mode change that waits for a reset */
	MIG_APPLY_ROLLED_BACK,	   /**< a step failed; the GPU is back in its previous layout */
	MIG_APPLY_RECOVERY_NEEDED, /**< rolling back failed too: the journal stays */
	MIG_APPLY_NOTHING,	   /**< recovery: there was no journal */
	MIG_APPLY__COUNT
} mig_apply_outcome;

/** What an apply did. */
typedef struct mig_apply_result {
	mig_apply_outcome outcome;
	size_t steps_done;	   /**< steps of the plan carried out */
	int failed_step;	   /**< the step that failed, or -1 */
	size_t rollback_steps;	   /**< steps carried out to roll back */
	size_t gis_destroyed, cis_destroyed, gis_created, cis_created; /**< by the plan's steps */
	char reason[512];	   /**< recovery: why it rolled back rather than finish, or "" */
} mig_apply_result;

/** @return "done", "reset-needed", "rolled-back", "recovery-needed", "nothing" ("?"). */
MIG_EXTERN(const char *) mig_apply_outcome_name(mig_apply_outcome outcome);

/**
 * Carry out a plan. The journal (JSON: the previous layout, the target, the steps and how
 * many are done) is written atomically before the first step and after each. If a step
 * fails, the GPU is rolled back to its previous layout (never destroying a busy instance)
 * and the journal removed; if rolling back fails too, the journal stays for
 * mig_reconcile_recover. The caller holds the GPU's lock.
 * @param res receives what happened (also on failure)
 * @return 0 (DONE or RESET_NEEDED); the failing step's code when rolled back (its message
 *         ends "rolled back to the previous layout"); MIG_ERECOVER when rolling back failed;
 *         MIG_EIO when the journal cannot be written (nothing was changed)
 */
MIG_EXTERN(int) mig_reconcile_apply(mig_system *sys, const mig_step_plan *plan,
				    const mig_apply_options *opts, mig_apply_result *res);

/**
 * Resolve an interrupted apply from its journal: finish it (roll forward to its target) if
 * possible, else roll back to the layout it started from. The caller holds the GPU's lock.
 * @param res receives the outcome: NOTHING (no journal), DONE (finished), RESET_NEEDED
 *        (finished up to a pending mode change), ROLLED_BACK, RECOVERY_NEEDED
 * @return 0 for NOTHING, DONE, RESET_NEEDED and ROLLED_BACK; MIG_ERECOVER (the journal
 *         stays) with the reason; MIG_EIO
 */
MIG_EXTERN(int) mig_reconcile_recover(mig_system *sys, unsigned index, const char *state_dir,
				      mig_apply_result *res);

#endif
