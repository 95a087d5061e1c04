/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The apply journal: one JSON file per GPU in the state folder, replaced atomically (written
 * to a temporary file, synced, renamed over the old one, and the folder synced) before the
 * first change and after each, so that whatever kills migctl, the file on disk is a whole
 * journal that says which two layouts the GPU is between.
 */
#include "reconcile_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "banned.h"

#define JOURNAL_VERSION 1

char *mig_reconcile_journal_path(char *buf, size_t len, const char *state_dir, unsigned index)
{
	int n = snprintf(buf, len, "%s/gpu%u.journal", state_dir, index);

	return n > 0 && (size_t)n < len ? buf : NULL;
}

int mig_reconcile_journal_exists(const char *state_dir, unsigned index)
{
	char path[PATH_MAX];

	return mig_reconcile_journal_path(path, sizeof(path), state_dir, index) &&
	       access(path, F_OK) == 0;
}

static int io_error(const char *what, const char *path)
{
	return mig_error_set(MIG_EIO, "cannot %s journal '%s': %s", what, path, strerror(errno));
}

/* Sync the folder holding path, so that a rename or unlink in it survives a crash. */
static int sync_dir(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	int fd, rc;

	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else if ((size_t)(slash - path) >= sizeof(dir))
		return -1;
	else
		snprintf(dir, sizeof(dir), "%.*s", slash == path ? 1 : (int)(slash - path), path);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static int write_all(int fd, const char *text, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, text, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		text += n;
		len -= (size_t)n;
	}
	return 0;
}

static int replace_file(const char *path, const char *text)
{
	char tmp[PATH_MAX];
	int fd, ok;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return mig_error_set(MIG_EIO, "journal path '%s' is too long", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return io_error("create", tmp);
	ok = write_all(fd, text, strlen(text)) == 0 && fsync(fd) == 0;
	if (close(fd) != 0)
		ok = 0;
	if (!ok || rename(tmp, path) != 0) {
		int rc = io_error("write", path);

		unlink(tmp);
		return rc;
	}
	if (sync_dir(path) != 0)
		return io_error("sync the folder of", path);
	return 0;
}

static json_t *journal_json(const mig_journal *j, const mig_step_plan *steps, size_t done)
{
	return json_pack("{s:i, s:i, s:s, s:s, s:I, s:i, s:s, s:o, s:o, s:o, s:I}", "version",
			 JOURNAL_VERSION, "gpu", j->index, "uuid", j->uuid, "model",
			 j->target.gpu->key, "pid", (json_int_t)getpid(), "flags", j->flags,
			 "phase", j->phase, "previous", mig_reconcile__layout_json(&j->previous),
			 "target", mig_reconcile__layout_json(&j->target), "steps",
			 steps ? mig_reconcile__steps_json(steps) : json_array(), "done",
			 (json_int_t)done);
}

int mig_journal__write(const char *path, const mig_journal *j, const mig_step_plan *steps,
		       size_t done)
{
	json_t *doc = journal_json(j, steps, done);
	char *text = doc ? json_dumps(doc, JSON_INDENT(2)) : NULL;
	int rc;

	json_decref(doc);
	if (!text)
		return mig_error_oom();
	rc = replace_file(path, text);
	free(text);
	return rc;
}

int mig_journal__remove(const char *path)
{
	if (unlink(path) != 0 && errno != ENOENT)
		return io_error("remove", path);
	sync_dir(path);
	return 0;
}

static const char *known_phase(const char *s)
{
	static const char *const phases[] = {"apply", "roll-forward", "roll-back"};
	size_t i;

	for (i = 0; s && i < sizeof(phases) / sizeof(phases[0]); i++)
		if (strcmp(s, phases[i]) == 0)
			return phases[i];
	return NULL;
}

static int corrupt(const char *path, const char *what)
{
	mig_error_set(MIG_EINVALID, "journal '%s' is corrupt: %s", path, what);
	mig_error_hint("check the GPU with 'migctl status', then remove the journal and apply "
		       "again");
	return MIG_EINVALID;
}

static int parse(mig_journal *out, const json_t *doc, const char *path)
{
	const char *model = json_string_value(json_object_get(doc, "model"));
	const char *uuid = json_string_value(json_object_get(doc, "uuid"));
	json_int_t gpu = json_integer_value(json_object_get(doc, "gpu"));
	const mig_gpu *g = model ? mig_catalog_by_key(model) : NULL;
	mig_journal j;

	memset(&j, 0, sizeof(j));
	if (json_integer_value(json_object_get(doc, "version")) != JOURNAL_VERSION)
		return corrupt(path, "unknown version");
	if (!g || !uuid || gpu < 0 || gpu > UINT_MAX)
		return corrupt(path, "no GPU model, UUID or index");
	j.index = (unsigned)gpu;
	snprintf(j.uuid, sizeof(j.uuid), "%s", uuid);
	j.flags = (unsigned)json_integer_value(json_object_get(doc, "flags"));
	j.phase = known_phase(json_string_value(json_object_get(doc, "phase")));
	if (!j.phase)
		return corrupt(path, "unknown phase");
	if (mig_reconcile__layout_parse(&j.previous, json_object_get(doc, "previous"), g) < 0 ||
	    mig_reconcile__layout_parse(&j.target, json_object_get(doc, "target"), g) < 0) {
		char what[256];

		snprintf(what, sizeof(what), "%s", mig_error_last()->message);
		return corrupt(path, what);
	}
	*out = j;
	return 0;
}

int mig_journal__read(mig_journal *out, const char *path)
{
	json_error_t err;
	json_t *doc;
	int rc;

	if (access(path, F_OK) != 0)
		return mig_error_set(MIG_ENOTFOUND, "no journal '%s'", path);
	doc = json_load_file(path, JSON_REJECT_DUPLICATES, &err);
	if (!doc) {
		char what[220];

		snprintf(what, sizeof(what), "line %d: %s", err.line, err.text);
		return corrupt(path, what);
	}
	rc = parse(out, doc, path);
	json_decref(doc);
	return rc;
}
