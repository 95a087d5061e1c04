/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CLEANUP_H
#define MIGCTL_CLEANUP_H

/*
 * Scope-bound cleanup for internal code (gcc and clang): a variable declared with
 * _cleanup_(fn) has fn(&var) called when it goes out of scope. Public headers never use this.
 *
 *   _cleanup_(mig_freep) char *text = NULL;
 *   ...
 *   *out = mig_take_ptr((void **)&text);
 */

#include <stdlib.h>

#define _cleanup_(fn) __attribute__((cleanup(fn)))

static inline void mig_freep(void *p)
{
	free(*(void **)p);
}

/* Return *pp and set it to NULL, so the cleanup handler no longer frees it. */
static inline void *mig_take_ptr(void *pp)
{
	void **p = pp;
	void *v = *p;

	*p = NULL;
	return v;
}

#endif
