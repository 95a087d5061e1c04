/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Building a layout file in memory, piece by piece (export and the named configs do), and
 * giving it positions by writing and reading it back, so that messages about a built file
 * point into text a user can print and read.
 */
#include "config_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

mig_config *mig_config__add_config(mig_config_file *f, const char *name)
{
	mig_config *c = mig_config__push(&f->configs, &f->config_count, sizeof(*c));

	if (!c)
		return NULL;
	c->name = mig_config__strndup(name, strlen(name));
	return c->name ? c : NULL;
}

mig_config_entry *mig_config__add_entry(mig_config *c)
{
	return mig_config__push(&c->entries, &c->entry_count, sizeof(mig_config_entry));
}

mig_config_instance *mig_config__add_instance(mig_config_entry *e, const char *profile, int start,
					      unsigned count)
{
	mig_config_instance *in = mig_config__push(&e->instances, &e->instance_count, sizeof(*in));

	if (!in)
		return NULL;
	in->start = start;
	in->count = count;
	in->profile = mig_config__strndup(profile, strlen(profile));
	return in->profile ? in : NULL;
}

int mig_config__add_ci(mig_config_instance *in, const char *profile)
{
	mig_config_ci_spec *ci = mig_config__push(&in->cis, &in->ci_count, sizeof(*ci));

	if (!ci)
		return MIG_ENOMEM;
	in->has_cis = 1;
	ci->profile = mig_config__strndup(profile, strlen(profile));
	return ci->profile ? 0 : MIG_ENOMEM;
}

int mig_config__add_pci_filter(mig_config_entry *e, uint32_t pci_id)
{
	mig_config_filter *flt = mig_config__push(&e->filters, &e->filter_count, sizeof(*flt));
	char text[16];

	if (!flt)
		return MIG_ENOMEM;
	/* written as mig-parted writes them: 0x, device then vendor, upper-case hex */
	snprintf(text, sizeof(text), "0x%08X", (unsigned)pci_id);
	flt->kind = MIG_CONFIG_FILTER_PCI;
	flt->pci_id = pci_id;
	flt->text = mig_config__strndup(text, strlen(text));
	return flt->text ? 0 : MIG_ENOMEM;
}

int mig_config__add_device(mig_config_entry *e, int index, const char *uuid)
{
	mig_config_device *d = mig_config__push(&e->devices, &e->device_count, sizeof(*d));

	if (!d)
		return MIG_ENOMEM;
	d->index = uuid ? -1 : index;
	if (!uuid)
		return 0;
	d->uuid = mig_config__strndup(uuid, strlen(uuid));
	return d->uuid ? 0 : MIG_ENOMEM;
}

int mig_config__reparse(mig_config_file **out, const mig_config_file *f)
{
	char *text = NULL;
	int rc = mig_config_write(&text, f);

	if (rc < 0)
		return rc;
	rc = mig_config_parse(out, text, strlen(text), f->path);
	free(text);
	return rc;
}
