/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The state file on disk. Writers take an exclusive flock on "<state>.lock" (a separate file,
 * because the state file itself is replaced on every write), write "<state>.tmp" and rename it
 * over the state: rename is atomic, so a reader, or a writer killed at any moment, leaves the old
 * or the new version, never a torn one. The temporary name needs no uniqueness since only the
 * lock holder writes it; a temporary file left by a killed writer is simply truncated by the
 * next write. Change detection compares the file's identity (inode, size, times): a rename
 * always brings a new inode, and keeping the last version seen open stops the file system from
 * giving that inode number to a later version.
 *
 * Atomic rename is enough for a killed process; surviving a power cut also needs the data on
 * disk before the rename, which costs a disk flush per NVML call, so it is opt-in:
 * MIGSIM_FSYNC=1 adds an fsync of the temporary file.
 */
#include "sim_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "error_util.h"
#include "banned.h"

static char *concat(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *s = malloc(la + lb + 1);

	if (s) {
		memcpy(s, a, la);
		memcpy(s + la, b, lb + 1);
	}
	return s;
}

int sim_file_init(sim_file *f, const char *path)
{
	memset(f, 0, sizeof(*f));
	f->lock_fd = -1;
	f->seen_fd = -1;
	f->path = concat(path, "");
	f->lock_path = concat(path, ".lock");
	f->tmp_path = concat(path, ".tmp");
	if (!f->path || !f->lock_path || !f->tmp_path) {
		sim_file_release(f);
		return mig_error_oom();
	}
	return 0;
}

void sim_file_release(sim_file *f)
{
	if (f->lock_fd >= 0 && f->lock_pid == getpid())
		close(f->lock_fd);
	sim_file_forget(f);
	free(f->path);
	free(f->lock_path);
	free(f->tmp_path);
	memset(f, 0, sizeof(*f));
	f->lock_fd = -1;
	f->seen_fd = -1;
}

void sim_file_forget(sim_file *f)
{
	if (f->seen_fd >= 0)
		close(f->seen_fd);
	f->seen_fd = -1;
	f->have_seen = 0;
}

/* Remember fd (open on the version just read or written, whose identity is st) as seen. */
static void remember(sim_file *f, int fd, const struct stat *st)
{
	sim_file_forget(f);
	f->seen_fd = fd;
	f->seen = *st;
	f->have_seen = 1;
}

int sim_file_lock(sim_file *f)
{
	/* flock belongs to the open file description, which a forked child shares with its
	 * parent: a child must open its own or the two would not exclude each other. */
	if (f->lock_fd >= 0 && f->lock_pid != getpid()) {
		close(f->lock_fd);
		f->lock_fd = -1;
	}
	if (f->lock_fd < 0) {
		f->lock_fd = open(f->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
		if (f->lock_fd < 0)
			return mig_error_set(MIG_EIO, "cannot open lock file '%s': %s",
					     f->lock_path, strerror(errno));
		f->lock_pid = getpid();
	}
	while (flock(f->lock_fd, LOCK_EX) < 0) {
		if (errno != EINTR)
			return mig_error_set(MIG_EIO, "cannot lock '%s': %s", f->lock_path,
					     strerror(errno));
	}
	f->locked = 1;
	return 0;
}

void sim_file_unlock(sim_file *f)
{
	if (f->locked && f->lock_fd >= 0)
		flock(f->lock_fd, LOCK_UN);
	f->locked = 0;
}

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	       a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

int sim_file_changed(sim_file *f)
{
	struct stat st;

	if (!f->have_seen || stat(f->path, &st) < 0)
		return 1;
	return !same_file(&st, &f->seen);
}

static int read_all(int fd, char **out, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap), *grown;
	ssize_t r;

	while (buf) {
		if (n == cap) {
			grown = cap > (64u << 20) ? NULL : realloc(buf, cap * 2);
			if (!grown)
				break;
			buf = grown;
			cap *= 2;
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		if (r == 0) {
			*out = buf;
			*len = n;
			return 0;
		}
		n += (size_t)r;
	}
	free(buf);
	return -1;
}

int sim_file_read(sim_file *f, sim_state *out)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0;
	int fd, rc;

	fd = open(f->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		return mig_error_set(MIG_ENOTFOUND, "state file '%s' does not exist", f->path);
	if (fd < 0 || fstat(fd, &st) < 0 || read_all(fd, &buf, &len) < 0) {
		rc = mig_error_set(MIG_EIO, "cannot read state file '%s': %s", f->path,
				   strerror(errno));
		if (fd >= 0)
			close(fd);
		return rc;
	}
	rc = sim_state_parse(out, buf, len);
	free(buf);
	if (rc < 0) {
		close(fd);
		mig_error_prefix("state file '%s' is corrupt", f->path);
		return rc == MIG_ENOMEM ? rc : MIG_EINVALID;
	}
	remember(f, fd, &st);
	return 0;
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t w = write(fd, buf, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

int sim_file_write(sim_file *f, sim_state *st)
{
	struct stat sb;
	char *text;
	int fd, rc = 0;

	st->generation++;
	text = sim_state_format(st);
	if (!text)
		return mig_error_oom();
	fd = open(f->tmp_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0 || write_all(fd, text, strlen(text)) < 0 ||
	    (getenv("MIGSIM_FSYNC") && fsync(fd) < 0))
		rc = mig_error_set(MIG_EIO, "cannot write '%s': %s", f->tmp_path, strerror(errno));
	if (fd >= 0 && close(fd) < 0 && rc == 0)
		rc = mig_error_set(MIG_EIO, "cannot write '%s': %s", f->tmp_path, strerror(errno));
	free(text);
	if (rc == 0 && rename(f->tmp_path, f->path) < 0)
		rc = mig_error_set(MIG_EIO, "cannot replace state file '%s': %s", f->path,
				   strerror(errno));
	if (rc < 0) {
		unlink(f->tmp_path);
		sim_file_forget(f);
		return rc;
	}
	/* only lock holders write, so what the path names now is what we just wrote */
	sim_file_forget(f);
	fd = open(f->path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && fstat(fd, &sb) == 0)
		remember(f, fd, &sb);
	else if (fd >= 0)
		close(fd);
	return 0;
}
