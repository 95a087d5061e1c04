/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGSIM_FILE_H
#define MIGSIM_FILE_H

/*
 * The state file: JSON text <-> sim_state (sim_state_json.c), and the file on disk
 * (sim_state_file.c). Every change is written to a temporary file beside the state and renamed
 * over it, while holding an exclusive flock on "<state>.lock", so that a reader sees either the
 * old or the new version, never a torn one, even when a writer is killed half-way. Readers
 * therefore need no lock; writers (read-modify-write) do.
 */

#include <sys/stat.h>

#include "sim_state.h"

/*
 * Parse the text of a state file (need not be NUL-terminated). Every field is checked against
 * the catalog and the placement rules; a state the driver could not be in is refused.
 * @return 0, or MIG_EINVALID with one line naming the field and the problem (and MIG_ENOMEM)
 */
int sim_state_parse(sim_state *out, const char *buf, size_t len);

/* The state as JSON text (malloc'd, NUL-terminated, ending in a newline), or NULL when out of
 * memory. sim_state_parse(sim_state_format(st)) gives st back. */
char *sim_state_format(const sim_state *st);

/* A state file and its lock. */
typedef struct sim_file {
	char *path;
	char *lock_path;
	char *tmp_path;
	int lock_fd;	/* -1 until the first lock */
	pid_t lock_pid; /* the process that opened lock_fd (a forked child reopens it) */
	int locked;
	int have_seen;
	struct stat seen; /* identity of the file when we last read or wrote it */
	int seen_fd;	  /* that file, kept open: see sim_file_changed */
} sim_file;

/* Remember the paths; no I/O. 0 or MIG_ENOMEM. */
int sim_file_init(sim_file *f, const char *path);
void sim_file_release(sim_file *f);

/* Take / drop the exclusive lock (blocking). 0 or MIG_EIO naming the lock file. */
int sim_file_lock(sim_file *f);
void sim_file_unlock(sim_file *f);

/*
 * 1 when the file differs from the version last read or written here (or vanished), else 0:
 * one stat, compared on inode, size, mtime and ctime. The version last seen is kept open, so
 * its inode number cannot be handed to a later version while we compare against it; with file
 * times as coarse as a clock tick, a reused inode of the same size could otherwise go unseen.
 */
int sim_file_changed(sim_file *f);

/* Forget the version last seen: the next sim_file_changed says 1. */
void sim_file_forget(sim_file *f);

/*
 * Read and parse the file. No lock is needed to get a whole version (writers rename); a caller
 * that will write the state back holds the lock so that no other write comes in between.
 * @return 0; MIG_ENOTFOUND when it does not exist; MIG_EINVALID when it is corrupt, with a
 *         message naming the file; MIG_EIO when it cannot be read
 */
int sim_file_read(sim_file *f, sim_state *out);

/* Write the state atomically (the caller holds the lock); bumps st->generation.
 * 0 or MIG_EIO naming the file. */
int sim_file_write(sim_file *f, sim_state *st);

#endif
