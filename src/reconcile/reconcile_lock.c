/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One lock per GPU, so that two applies never interleave their steps: an flock on
 * "<state_dir>/gpu<N>.lock". The kernel lets go of an flock when its holder dies, even by
 * SIGKILL, so a killed apply never leaves the GPU locked (its journal says what to finish).
 * A waiter polls with LOCK_NB rather than blocking, to give up after its timeout; the holder
 * writes its pid into the file so that the one who gives up can say who holds it.
 */
#include "reconcile_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "parse_util.h"
#include "banned.h"

#define POLL_MS 20

struct mig_reconcile_lock {
	int fd;
};

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void sleep_ms(unsigned ms)
{
	struct timespec ts = {(time_t)(ms / 1000u), (long)(ms % 1000u) * 1000000L};

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* The pid the holder wrote, or 0 when unknown. */
static unsigned holder(int fd)
{
	char buf[24];
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
	uint64_t pid;

	if (n <= 0)
		return 0;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return mig_parse_uint(buf, UINT_MAX, &pid) == 0 ? (unsigned)pid : 0;
}

static int timed_out(int fd, unsigned index, unsigned timeout_ms)
{
	unsigned pid = holder(fd);
	char who[48] = "another migctl";

	if (pid)
		snprintf(who, sizeof(who), "another migctl (pid %u)", pid);
	if (timeout_ms % 1000u == 0)
		mig_error_set(MIG_ELOCKED, "GPU %u is locked by %s changing it: gave up after %u s",
			      index, who, timeout_ms / 1000u);
	else
		mig_error_set(MIG_ELOCKED,
			      "GPU %u is locked by %s changing it: gave up after %u ms", index, who,
			      timeout_ms);
	mig_error_hint("wait for it to finish, or wait longer with --lock-timeout SECONDS");
	return MIG_ELOCKED;
}

static int wait_for(int fd, unsigned index, unsigned timeout_ms)
{
	uint64_t start = now_ms();

	for (;;) {
		uint64_t waited;

		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR)
			return mig_error_set(MIG_EIO, "cannot lock GPU %u: %s", index,
					     strerror(errno));
		waited = now_ms() - start;
		if (waited >= timeout_ms)
			return timed_out(fd, index, timeout_ms);
		sleep_ms(timeout_ms - waited < POLL_MS ? (unsigned)(timeout_ms - waited) : POLL_MS);
	}
}

static void write_pid(int fd)
{
	char buf[24];
	int n = snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());

	/* only a courtesy for the next waiter's message: failures do not matter */
	if (ftruncate(fd, 0) == 0 && pwrite(fd, buf, (size_t)n, 0) < 0)
		mig_error_clear();
}

int mig_reconcile_lock_acquire(mig_reconcile_lock **out, const char *state_dir, unsigned index,
			       unsigned timeout_ms)
{
	char path[PATH_MAX];
	mig_reconcile_lock *l;
	int fd, rc;

	if (snprintf(path, sizeof(path), "%s/gpu%u.lock", state_dir, index) >= (int)sizeof(path))
		return mig_error_set(MIG_EIO, "state folder '%s' has too long a path", state_dir);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return mig_error_set(MIG_EIO, "cannot open lock '%s': %s", path, strerror(errno));
	rc = wait_for(fd, index, timeout_ms);
	l = rc == 0 ? malloc(sizeof(*l)) : NULL;
	if (rc == 0 && !l)
		rc = mig_error_oom();
	if (rc < 0) {
		close(fd);
		return rc;
	}
	write_pid(fd);
	l->fd = fd;
	*out = l;
	return 0;
}

int mig_reconcile_parse_timeout(const char *text, unsigned *timeout_ms)
{
	const char *dot = text ? strchr(text, '.') : NULL;
	size_t len = dot ? (size_t)(dot - text) : text ? strlen(text) : 0;
	size_t n = dot ? strlen(dot + 1) : 0;
	uint64_t whole, frac = 0;

	/* plain decimal digits only: no sign, no hex, no exponent */
	if (!text || strspn(text, "0123456789") != len ||
	    mig_parse_uint_n(text, len, 86400, &whole) < 0 ||
	    (dot && (n == 0 || n > 3 || strspn(dot + 1, "0123456789") != n ||
		     mig_parse_uint(dot + 1, 999, &frac) < 0)))
		return mig_error_set(MIG_EINVALID, "bad timeout '%s': give seconds (10, 0.5)",
				     text ? text : "");
	while (n++ < 3)
		frac *= 10;
	*timeout_ms = (unsigned)(whole * 1000u + frac);
	return 0;
}

void mig_reconcile_lock_release(mig_reconcile_lock *l)
{
	if (!l)
		return;
	if (ftruncate(l->fd, 0) != 0)
		mig_error_clear(); /* the pid is only informative */
	close(l->fd);		   /* lets go of the flock */
	free(l);
}
