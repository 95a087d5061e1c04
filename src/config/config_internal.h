/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CONFIG_INTERNAL_H
#define MIGCTL_CONFIG_INTERNAL_H

/*
 * What the files of src/config/ share: positioned error messages, printable echoes of user
 * text, growing arrays, and the model's constructors and destructors.
 */

#include "migctl/config.h"

#include <stddef.h>
#include <stdint.h>

#include "error_util.h"

/* Longest piece of user text echoed in a message; longer text is cut with "...". */
#define MIG_CONFIG_ECHO_MAX 64

/* Longest strings a file may hold where a name is expected. */
#define MIG_CONFIG_NAME_MAX 256
#define MIG_CONFIG_PROFILE_MAX 64
#define MIG_CONFIG_UUID_MAX 95

/* Record code with the message "PATH:LINE:COL: <fmt>" ("PATH: <fmt>" when pos.line is 0)
 * and return code. */
int mig_config__error(const char *path, mig_config_pos pos, int code, const char *fmt, ...)
	MIG_PRINTF(4, 5);

/* Put "PATH:LINE:COL: " in front of the last error's message (its hint stays). */
void mig_config__prefix(const char *path, mig_config_pos pos);

/* A printable copy of s for messages: control bytes and quotes become '?', long text is cut.
 * buf should hold MIG_CONFIG_ECHO_MAX + 1 bytes. */
const char *mig_config__echo(char *buf, size_t buflen, const char *s);

/* A NUL-terminated copy of s[0..len), or NULL (with MIG_ENOMEM recorded). */
char *mig_config__strndup(const char *s, size_t len);

/* Append one zeroed element of size to *array holding *count elements; capacity doubles.
 * Returns the new element, or NULL with MIG_ENOMEM recorded. */
void *mig_config__push(void *array, size_t *count, size_t size);

/* Release the contents of model parts (the structs themselves stay). */
void mig_config__entry_release(mig_config_entry *e);
void mig_config__config_release(mig_config *c);

/* An empty file named path, or NULL with MIG_ENOMEM recorded. */
mig_config_file *mig_config__file_new(const char *path);

/* "a, b, c": the names of a file's configs, for messages (caller frees; NULL on OOM). */
char *mig_config__list_names(const mig_config_file *f);

/* Parse "0x20B210DE", "0x20B2" or "0x20B210DE:0x147E10DE" into a PCI filter; -1 if it is
 * not such an id. */
int mig_config__parse_pci(const char *s, mig_config_filter *out);

/* Split "PROFILE[@START]" into the profile's length and the start (-1 when absent).
 * Returns 0, or -1 when what follows '@' is not a slice number below MIG_MAX_SLICES. */
int mig_config__split_start(const char *s, size_t *profile_len, int *start);

/* 1 when s is usable as a profile name: 1 to MIG_CONFIG_PROFILE_MAX printable ASCII
 * characters, without blanks, ',' or '@'. */
int mig_config__profile_ok(const char *s, size_t len);

/* 1 when the GI's compute instances are exactly its one default (full-size) CI. */
int mig_config__default_cis(const mig_config_gi *gi);

/* Building a model in memory (config_build.c), for export and the named configs. Each returns
 * the new part (or 0), or NULL (a negative code) with MIG_ENOMEM recorded. */
mig_config *mig_config__add_config(mig_config_file *f, const char *name);
mig_config_entry *mig_config__add_entry(mig_config *c);
mig_config_instance *mig_config__add_instance(mig_config_entry *e, const char *profile, int start,
					      unsigned count);
int mig_config__add_ci(mig_config_instance *in, const char *profile);
int mig_config__add_pci_filter(mig_config_entry *e, uint32_t pci_id);
int mig_config__add_device(mig_config_entry *e, int index, const char *uuid);

/* 1 when two entries ask for the same thing (MIG mode and instances; selection ignored). */
int mig_config__same_request(const mig_config_entry *a, const mig_config_entry *b);

/* Write f and parse the text back under f's path, so that a built model gets positions. */
int mig_config__reparse(mig_config_file **out, const mig_config_file *f);

/* Resolve the compute instances of one mig-devices item on a GI profile into gi (profile,
 * start and the CIs, largest first; the default CI when the item lists none), checking that
 * they fit the GI. Errors carry the item's position in path. */
int mig_config__resolve_cis(const char *path, const mig_config_instance *in,
			    const mig_gi_profile *p, const mig_gpu *gpu, mig_config_gi *gi);

#endif
