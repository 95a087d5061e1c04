/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CONFIG_H
#define MIGCTL_CONFIG_H

/**
 * @file config.h
 * @brief Layout files: NVIDIA mig-parted's v1 YAML format, read unchanged, plus migctl's
 * extensions; parsing with file:line:column errors, validation against the catalog without a
 * GPU, writing, and the built-in named configs ("all-balanced", ...).
 *
 * A file holds named configs; a config is a list of entries; an entry selects GPUs (by index,
 * by PCI device id, and as extensions by model or UUID) and says what they should hold:
 *
 *   version: v1
 *   mig-configs:
 *     balanced:
 *       - device-filter: ["0x20B210DE", "0x20B510DE"]
 *         devices: all
 *         mig-enabled: true
 *         mig-devices:
 *           "1g.10gb": 2
 *           "2g.20gb": 1
 *           "3g.40gb@4": {count: 1, compute-instances: ["2c.3g.40gb", "1c.3g.40gb"]}
 *
 * docs/layout-files.md describes the format. Typical use:
 *
 *   mig_config_file *f;
 *   const mig_config *c;
 *   mig_config_desired want;
 *   if (mig_config_load(&f, "layouts.yaml") < 0 || mig_config_select(&c, f, "balanced") < 0 ||
 *       mig_config_validate(f, c, gpu) < 0) ... mig_error_last()->message ...
 *   mig_config_resolve(&want, f, c, &target);
 *   mig_config_file_free(f);
 *
 * Every error message starts with "FILE:LINE:COLUMN: " (1-based) and names the bad value.
 * Strings of a parsed file are valid UTF-8 without NUL bytes.
 */

#include <stddef.h>
#include <stdint.h>
#include "catalog.h"
#include "common.h"
#include "geometry.h"

/** Most compute instances one GI of a layout file may list (more than any GI holds). */
#define MIG_CONFIG_MAX_CI 8
/** Largest GPU index a file may name. */
#define MIG_CONFIG_MAX_INDEX 4095
/** Largest layout file read (bytes). */
#define MIG_CONFIG_MAX_FILE (4u * 1024u * 1024u)

/** Where a value was written: 1-based line and column, or 0/0 for values built in memory. */
typedef struct mig_config_pos {
	unsigned line;
	unsigned column;
} mig_config_pos;

/** What one device-filter item names. */
typedef enum mig_config_filter_kind {
	MIG_CONFIG_FILTER_PCI,	 /**< a PCI id, "0x20B210DE" (mig-parted) */
	MIG_CONFIG_FILTER_MODEL, /**< migctl: a catalog GPU by key, alias or NVML name */
	MIG_CONFIG_FILTER__COUNT
} mig_config_filter_kind;

/** One item of an entry's device-filter. */
typedef struct mig_config_filter {
	mig_config_filter_kind kind;
	uint32_t pci_id;	/**< PCI: device << 16 | vendor; vendor 0 for a bare "0x20B2" */
	int has_subsystem;	/**< PCI: "0x20B210DE:0x147E10DE" also names the subsystem */
	uint32_t subsystem_id;	/**< PCI: subsystem device << 16 | subsystem vendor */
	const mig_gpu *gpu;	/**< MODEL: the catalog GPU */
	char *text;		/**< the item as written */
	mig_config_pos pos;
} mig_config_filter;

/** One item of an entry's `devices` list. */
typedef struct mig_config_device {
	int index;	    /**< NVML index, or -1 when the item is a UUID */
	char *uuid;	    /**< migctl: "GPU-...", or NULL */
	mig_config_pos pos;
} mig_config_device;

/** One compute instance asked for inside a GI (migctl extension). */
typedef struct mig_config_ci_spec {
	char *profile;	    /**< CI profile name as written ("1c.3g.40gb") */
	mig_config_pos pos;
} mig_config_ci_spec;

/** One item of `mig-devices`: count GIs of a profile, maybe pinned, maybe with their CIs. */
typedef struct mig_config_instance {
	char *profile;	    /**< profile as written, without "@START" ("3g.40gb", "9", "3g") */
	int start;	    /**< migctl: pinned placement ("3g.40gb@4"), or -1 */
	unsigned count;	    /**< number of GIs (0 is allowed and asks for none) */
	int has_cis;	    /**< migctl: compute-instances given (else each GI gets its full CI) */
	size_t ci_count;
	mig_config_ci_spec *cis; /**< the CIs of each of these GIs */
	mig_config_pos pos;	 /**< of the profile */
} mig_config_instance;

/** One entry of a config: which GPUs, and what they hold. */
typedef struct mig_config_entry {
	int all_devices;	 /**< `devices: all` */
	size_t device_count;	 /**< else the listed devices (may be 0: selects none) */
	mig_config_device *devices;
	size_t filter_count;	 /**< 0: no device-filter (every model) */
	mig_config_filter *filters;
	int mig_enabled;
	int has_mig_devices;	 /**< `mig-devices` was given (possibly empty) */
	int list_form;		 /**< migctl: `mig-devices` was written as a list */
	size_t instance_count;
	mig_config_instance *instances;
	mig_config_pos pos;
} mig_config_entry;

/** A named config. */
typedef struct mig_config {
	char *name;
	size_t entry_count;
	mig_config_entry *entries;
	mig_config_pos pos;
} mig_config;

/** A whole layout file. */
typedef struct mig_config_file {
	char *path;		 /**< the name used in messages */
	size_t config_count;
	mig_config *configs;	 /**< in file order */
} mig_config_file;

/**
 * Parse a layout file held in memory.
 * @param out receives the file (written only on success); free with mig_config_file_free
 * @param text the YAML (need not be NUL-terminated)
 * @param len its length, at most MIG_CONFIG_MAX_FILE
 * @param path the name used in messages ("layouts.yaml"); NULL gives "<input>"
 * @return 0; MIG_EINVALID with "PATH:LINE:COL: ..." naming the bad value; MIG_ENOMEM
 */
MIG_EXTERN(int) mig_config_parse(mig_config_file **out, const char *text, size_t len,
				 const char *path);

/**
 * Read and parse a layout file.
 * @return 0; MIG_ENOTFOUND / MIG_EIO when the file cannot be read; as mig_config_parse
 */
MIG_EXTERN(int) mig_config_load(mig_config_file **out, const char *path);

/** Free a file; NULL is fine. */
MIG_EXTERN(void) mig_config_file_free(mig_config_file *f);

/** @return the config of that name, or NULL (no error is recorded). */
MIG_EXTERN(const mig_config *) mig_config_find(const mig_config_file *f, const char *name);

/**
 * Choose a config as `apply -c NAME` does: by name, or the only one when name is NULL.
 * @return 0; MIG_ENOTFOUND naming the config and listing the file's configs; MIG_EINVALID
 *         when name is NULL and the file holds several
 */
MIG_EXTERN(int) mig_config_select(const mig_config **out, const mig_config_file *f,
				  const char *name);

/** @return 1 when two files hold the same configs (paths and positions ignored), else 0. */
MIG_EXTERN(int) mig_config_file_equal(const mig_config_file *a, const mig_config_file *b);

/** The GPU a config is applied to. Fields that are unknown never match a selection. */
typedef struct mig_config_target {
	const mig_gpu *gpu;	 /**< catalog entry (required) */
	int index;		 /**< NVML index, or -1 */
	uint32_t pci_id;	 /**< device << 16 | vendor; 0: any PCI id of the catalog GPU */
	uint32_t subsystem_id;	 /**< 0 when unknown */
	const char *uuid;	 /**< "GPU-...", or NULL */
} mig_config_target;

#define MIG_CONFIG_TARGET_INIT { NULL, -1, 0, 0, NULL }

/**
 * @return 1 when the entry's device-filter admits the GPU model (any of its PCI ids, or the
 *         model itself); the entry's `devices` are not looked at
 */
MIG_EXTERN(int) mig_config_entry_admits(const mig_config_entry *e, const mig_gpu *gpu);

/** @return 1 when the entry selects the target: its device-filter and its devices match. */
MIG_EXTERN(int) mig_config_entry_matches(const mig_config_entry *e,
					 const mig_config_target *t);

/**
 * The entry of a config that decides a GPU's layout. As in mig-parted, every matching entry
 * is applied in turn, so the last one that matches wins.
 * @return the entry, or NULL when none selects the GPU (mig-parted leaves such GPUs alone)
 */
MIG_EXTERN(const mig_config_entry *) mig_config_match(const mig_config *c,
						      const mig_config_target *t);

/** A GPU instance of a resolved layout, with its compute instances. */
typedef struct mig_config_gi {
	const mig_gi_profile *profile;
	int start;		 /**< memory-slice start, or -1 where the geometry may choose */
	size_t ci_count;	 /**< compute instances, largest first (the order to create them) */
	const mig_ci_profile *ci[MIG_CONFIG_MAX_CI];
} mig_config_gi;

/** What one GPU should hold. */
typedef struct mig_config_layout {
	const mig_gpu *gpu;
	int mig_enabled;
	size_t gi_count;	 /**< 0 when MIG is disabled */
	mig_config_gi gi[MIG_LAYOUT_MAX];
} mig_config_layout;

/** A config entry resolved for one GPU. */
typedef struct mig_config_desired {
	const mig_config *config;
	const mig_config_entry *entry; /**< NULL when no entry selects the GPU */
	mig_config_layout want;	 /**< the GIs in creation order, starts as the file gives them */
	mig_layout placed;	 /**< the same GIs in the same order, each at a start that fits */
} mig_config_desired;

/**
 * Resolve one entry for a GPU model: look up every profile name (GI and CI), check the compute
 * instances of each GI fit it, and place the GIs with mig_geometry_fit.
 * @param out receives the layout (written only on success)
 * @param f the file (for messages)
 * @return 0; MIG_ENOTFOUND for an unknown profile ("PATH:L:C: unknown profile '5g.40gb' for
 *         NVIDIA A100-SXM4-80GB; valid: ..."); MIG_EINVALID for a bad placement; MIG_ENOFIT
 *         ("PATH:L:C: config 'big' does not fit on GPU: <why>", with the geometry's hint)
 */
MIG_EXTERN(int) mig_config_resolve_entry(mig_config_desired *out, const mig_config_file *f,
					 const mig_config *c, const mig_config_entry *e,
					 const mig_gpu *gpu);

/**
 * The layout a config gives a GPU: the entry mig_config_match picks, resolved.
 * @param out receives the layout; out->entry is NULL (and 0 is returned) when no entry
 *        selects the GPU
 * @return 0, or as mig_config_resolve_entry
 */
MIG_EXTERN(int) mig_config_resolve(mig_config_desired *out, const mig_config_file *f,
				   const mig_config *c, const mig_config_target *t);

/**
 * Check configs offline against a GPU model of the catalog: every entry whose device-filter
 * admits the model must resolve (whatever its `devices` say).
 * @param c the config to check, or NULL for every config of the file (configs with no entry
 *        for this model are then skipped)
 * @return 0; as mig_config_resolve_entry for the first bad entry; MIG_ENOTFOUND when c is
 *         given and none of its entries admits the model
 */
MIG_EXTERN(int) mig_config_validate(const mig_config_file *f, const mig_config *c,
				    const mig_gpu *gpu);

/**
 * Write a file as YAML (mig-parted's v1 format; the extensions appear only where the file
 * uses them). Parsing the text gives a file equal to f.
 * @param out receives the text (NUL-terminated; the caller frees it)
 * @return 0; MIG_EINVALID when a string cannot be written (not UTF-8); MIG_ENOMEM
 */
MIG_EXTERN(int) mig_config_write(char **out, const mig_config_file *f);

/** A GPU's state, for mig_config_export. */
typedef struct mig_config_gpu_layout {
	int index;		 /**< NVML index */
	const char *uuid;	 /**< "GPU-..." (used with MIG_CONFIG_EXPORT_UUID) or NULL */
	mig_config_layout layout; /**< GIs at their starts, each with all of its CIs */
} mig_config_gpu_layout;

/** Options of mig_config_export. */
enum mig_config_export_flags {
	MIG_CONFIG_EXPORT_PINNED = 1u << 0, /**< write each GI's start ("3g.40gb@4") */
	MIG_CONFIG_EXPORT_UUID = 1u << 1,   /**< select GPUs by UUID rather than by index */
	MIG_CONFIG_EXPORT_ALL = 1u << 2,    /**< one `devices: all` entry when all GPUs agree */
};

/**
 * Turn GPU states into a file with one config, as `migctl export` does. GPUs with the same
 * layout share an entry. The result is in mig-parted's format (profile counts) unless a
 * layout needs more: pinned starts (MIG_CONFIG_EXPORT_PINNED) or compute instances other than
 * one full-size CI per GI. Resolving the config for each GPU gives its GIs and CIs back.
 * @param out receives the file (path "<export>"); free with mig_config_file_free
 * @param name the config's name
 * @return 0; MIG_EINVALID for a GPU without catalog entry, a profile or CI of another GPU, a
 *         missing UUID, or a name that is empty; MIG_ENOMEM
 */
MIG_EXTERN(int) mig_config_export(mig_config_file **out, const char *name,
				  const mig_config_gpu_layout *gpus, size_t count, unsigned flags);

/**
 * The built-in named configs, for every GPU of the catalog, each entry selecting its GPUs by
 * device-filter (PCI ids): all-disabled, all-enabled, all-1g, all-2g, all-3g, all-4g, all-7g,
 * all-balanced, and mig-parted's per-profile names ("all-1g.10gb", "all-1g.10gb.me", ...).
 * docs/layout-files.md defines each one.
 * @param out receives them as one file (path "<built-in>"); free with mig_config_file_free
 * @return 0 or MIG_ENOMEM
 */
MIG_EXTERN(int) mig_config_named_all(mig_config_file **out);

/**
 * One built-in named config, as a file holding just that config.
 * @return 0; MIG_ENOTFOUND naming the config and listing the built-in names; MIG_ENOMEM
 */
MIG_EXTERN(int) mig_config_named_get(mig_config_file **out, const char *name);

#endif
