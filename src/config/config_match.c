/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Which entry of a config applies to a GPU, with mig-parted's semantics: an entry selects a
 * GPU when its device-filter admits the GPU's PCI id (or, as migctl allows, its model) and its
 * `devices` name the GPU; mig-parted applies every selecting entry in file order, so the last
 * one decides what the GPU ends up with.
 */
#include "config_internal.h"

#include "parse_util.h"
#include "banned.h"

/* A filter of a bare device id ("0x20B2") has vendor 0 and matches any vendor. */
static int pci_matches(const mig_config_filter *f, uint32_t pci_id)
{
	if ((f->pci_id & 0xFFFFu) == 0)
		return (f->pci_id >> 16) == (pci_id >> 16);
	return f->pci_id == pci_id;
}

static int filter_admits(const mig_config_filter *f, const mig_gpu *gpu)
{
	size_t i;

	if (f->kind == MIG_CONFIG_FILTER_MODEL)
		return f->gpu == gpu;
	for (i = 0; gpu && i < gpu->pci_id_count; i++)
		if (pci_matches(f, gpu->pci_ids[i].id))
			return 1;
	return 0;
}

int mig_config_entry_admits(const mig_config_entry *e, const mig_gpu *gpu)
{
	size_t i;

	if (!e || e->filter_count == 0)
		return e != NULL;
	for (i = 0; i < e->filter_count; i++)
		if (filter_admits(&e->filters[i], gpu))
			return 1;
	return 0;
}

static int filter_selects(const mig_config_filter *f, const mig_config_target *t)
{
	if (f->kind == MIG_CONFIG_FILTER_MODEL)
		return f->gpu == t->gpu;
	if (f->has_subsystem && (t->subsystem_id == 0 || t->subsystem_id != f->subsystem_id))
		return 0;
	if (t->pci_id == 0)
		return filter_admits(f, t->gpu);
	return pci_matches(f, t->pci_id);
}

static int devices_select(const mig_config_entry *e, const mig_config_target *t)
{
	size_t i;

	if (e->all_devices)
		return 1;
	for (i = 0; i < e->device_count; i++) {
		const mig_config_device *d = &e->devices[i];

		if (d->index >= 0 && d->index == t->index)
			return 1;
		if (d->uuid && t->uuid && mig_strcaseeq(d->uuid, t->uuid))
			return 1;
	}
	return 0;
}

int mig_config_entry_matches(const mig_config_entry *e, const mig_config_target *t)
{
	size_t i;

	if (!e || !t || !devices_select(e, t))
		return 0;
	if (e->filter_count == 0)
		return 1;
	for (i = 0; i < e->filter_count; i++)
		if (filter_selects(&e->filters[i], t))
			return 1;
	return 0;
}

const mig_config_entry *mig_config_match(const mig_config *c, const mig_config_target *t)
{
	const mig_config_entry *found = NULL;
	size_t i;

	for (i = 0; c && i < c->entry_count; i++)
		if (mig_config_entry_matches(&c->entries[i], t))
			found = &c->entries[i];
	return found;
}
