/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Handing a MIG device to a program without double booking. NVML only lists a process on a
 * MIG device once it has opened it, which can be seconds after it started, so two programs
 * started together would both see the same device idle. Claims therefore take a lock and leave
 * a reservation (a file named by the MIG UUID holding the claimer's pid) that counts as busy
 * while that pid lives.
 */
#include "device_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error_util.h"
#include "parse_util.h"
#include "strbuf.h"
#include "banned.h"

struct candidate {
	unsigned gpu;
	const mig_gi_state *gi;
	const mig_ci_state *ci;
};

/* The pid holding a reservation of uuid, or 0 when there is none or it has ended. */
static pid_t reserved_by(const char *dir, const char *uuid)
{
	char path[512], buf[32];
	uint64_t pid;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, uuid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	if (buf[n - 1] == '\n')
		buf[n - 1] = '\0';
	if (mig_parse_uint(buf, INT32_MAX, &pid) < 0 || pid == 0)
		return 0;
	if (kill((pid_t)pid, 0) < 0 && errno == ESRCH)
		return 0;
	return (pid_t)pid;
}

static int reserve(const char *dir, const char *uuid)
{
	char path[512], tmp[560], buf[32];
	int fd, n;

	snprintf(path, sizeof(path), "%s/%s", dir, uuid);
	snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid());
	n = snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || write(fd, buf, (size_t)n) != n || close(fd) != 0 || rename(tmp, path) != 0) {
		if (fd >= 0)
			unlink(tmp);
		return mig_error_set(MIG_EIO, "cannot write the reservation '%s': %s", path,
				     strerror(errno));
	}
	return 0;
}

/* Does the selector name this device? For profile names, any device of that GI profile. */
static int selects(const char *sel, const struct candidate *c)
{
	uint64_t gpu, gi, ci = 0;
	const char *a = strchr(sel, ':'), *b = a ? strchr(a + 1, ':') : NULL;

	if (strncmp(sel, "MIG-", 4) == 0)
		return strcmp(sel, c->ci->uuid) == 0;
	if (a) {
		if (mig_parse_uint_n(sel, (size_t)(a - sel), 1023, &gpu) < 0 ||
		    mig_parse_uint_n(a + 1, b ? (size_t)(b - a - 1) : strlen(a + 1), 14, &gi) < 0 ||
		    (b && mig_parse_uint(b + 1, 7, &ci) < 0))
			return -1;
		return gpu == c->gpu && gi == c->gi->id && ci == c->ci->id;
	}
	return mig_strcaseeq(sel, c->gi->profile_name) ||
	       (c->gi->profile && mig_strcaseeq(sel, c->gi->profile->name));
}

static int open_dir_lock(const char *dir)
{
	char path[512];
	int fd;

	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return mig_error_set(MIG_EIO, "cannot create '%s': %s", dir, strerror(errno));
	snprintf(path, sizeof(path), "%s/claim.lock", dir);
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return mig_error_set(MIG_EIO, "cannot open the lock '%s': %s", path,
				     strerror(errno));
	if (flock(fd, LOCK_EX) < 0) {
		close(fd);
		return mig_error_set(MIG_EIO, "cannot lock '%s': %s", path, strerror(errno));
	}
	return fd;
}

/* Pick among the devices of the states; describe the busy matches in `busy`. */
static int pick(mig_claim *out, mig_gpu_state *const *states, size_t n, const char *sel,
		const char *dir, mig_strbuf *busy)
{
	size_t s, i, j, matches = 0;

	for (s = 0; s < n; s++)
		for (i = 0; i < states[s]->gi_count; i++)
			for (j = 0; j < states[s]->gis[i].ci_count; j++) {
				struct candidate c = { states[s]->index, &states[s]->gis[i],
						       &states[s]->gis[i].cis[j] };
				int m = selects(sel, &c);
				pid_t holder;

				if (m < 0)
					return mig_error_set(MIG_EINVALID,
							     "bad device selector '%s': use a MIG "
							     "UUID, GPU:GI[:CI] or a profile name",
							     sel);
				if (!m || !c.ci->uuid[0])
					continue;
				matches++;
				holder = reserved_by(dir, c.ci->uuid);
				if (c.ci->process_count || holder) {
					mig_strbuf_addf(busy, "%sGPU %u GI %u CI %u (%s) %s %ld",
							busy->len ? "; " : "", c.gpu, c.gi->id,
							c.ci->id, c.gi->profile_name,
							holder ? "reserved by pid" : "runs pid",
							holder ? (long)holder
							       : (long)c.ci->processes[0].pid);
					continue;
				}
				out->gpu = c.gpu;
				out->gi_id = c.gi->id;
				out->ci_id = c.ci->id;
				snprintf(out->uuid, sizeof(out->uuid), "%s", c.ci->uuid);
				snprintf(out->profile, sizeof(out->profile), "%s",
					 c.gi->profile_name);
				return 0;
			}
	if (!matches)
		return mig_error_set(MIG_ENOTFOUND, "no MIG device matches '%s'", sel);
	mig_error_set(MIG_EINUSE, "every MIG device matching '%s' is busy: %s", sel,
		      mig_strbuf_str(busy));
	mig_error_hint("wait for one to finish, or create another (migctl create)");
	return MIG_EINUSE;
}

int mig_device_claim(mig_claim *out, mig_system *sys, const char *selector,
		     const unsigned *gpus, size_t count, const char *state_dir)
{
	mig_gpu_state *states[64] = { NULL };
	mig_strbuf busy = MIG_STRBUF_INIT;
	mig_claim got;
	unsigned total = 0, i;
	size_t n = 0;
	int lock, rc;

	lock = open_dir_lock(state_dir);
	if (lock < 0)
		return lock;
	rc = count ? 0 : mig_system_gpu_count(sys, &total);
	for (i = 0; rc == 0 && i < (count ? count : total) && n < 64; i++)
		rc = mig_gpu_state_read(&states[n++], sys, count ? gpus[i] : i);
	if (rc == 0)
		rc = pick(&got, states, n, selector, state_dir, &busy);
	if (rc == 0)
		rc = reserve(state_dir, got.uuid);
	close(lock);
	for (i = 0; i < n; i++)
		mig_gpu_state_free(states[i]);
	mig_strbuf_release(&busy);
	if (rc == 0)
		*out = got;
	return rc;
}
