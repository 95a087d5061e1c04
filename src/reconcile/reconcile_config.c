/* SPDX-License-Identifier: Apache-2.0 */
/* Which config an apply means, and what it gives one GPU. */
#include "reconcile_internal.h"

#include <string.h>

#include "banned.h"

int mig_reconcile_load(mig_config_file **file, const mig_config **config, const char *path,
		       const char *name)
{
	mig_config_file *f = NULL;
	const mig_config *c = NULL;
	int rc;

	if (!path && !name)
		return mig_error_set(MIG_EINVALID, "no layout file and no config name given");
	rc = path ? mig_config_load(&f, path) : mig_config_named_get(&f, name);
	if (rc == 0)
		rc = mig_config_select(&c, f, name);
	if (rc < 0) {
		mig_config_file_free(f);
		return rc;
	}
	*file = f;
	*config = c;
	return 0;
}

int mig_reconcile_desired(mig_config_desired *out, const mig_config_file *f, const mig_config *c,
			  const mig_gpu_state *st)
{
	mig_config_target t = MIG_CONFIG_TARGET_INIT;

	if (!st->model)
		return mig_error_set(MIG_ENOTSUPPORTED, "GPU %u ('%s') is not in migctl's catalog",
				     st->index, st->name);
	t.gpu = st->model;
	t.index = (int)st->index;
	t.pci_id = st->pci_device_id;
	t.uuid = st->uuid[0] ? st->uuid : NULL;
	return mig_config_resolve(out, f, c, &t);
}

const char *mig_apply_outcome_name(mig_apply_outcome outcome)
{
	static const char *const names[MIG_APPLY__COUNT] = {
		[MIG_APPLY_DONE] = "done",
		[MIG_APPLY_RESET_NEEDED] = "reset-needed",
		[MIG_APPLY_ROLLED_BACK] = "rolled-back",
		[MIG_APPLY_RECOVERY_NEEDED] = "recovery-needed",
		[MIG_APPLY_NOTHING] = "nothing",
	};

	return (unsigned)outcome < MIG_APPLY__COUNT ? names[outcome] : "?";
}
