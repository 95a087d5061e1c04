/* SPDX-License-Identifier: Apache-2.0 */
/*
 * mig_geometry_fit / fit_around / creation_order. Besides hand-worked cases, fit is checked
 * against an oracle written here from the rules alone (a plain backtracking over every
 * placement, no ordering or pruning tricks), so that a false "does not fit" cannot hide.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "migctl/geometry.h"
#include "migctl/error.h"
#include "test_geometry_helpers.h"

static void assert_gi(const mig_layout *l, size_t i, const char *name, int start)
{
	assert_true(i < l->count);
	assert_string_equal(l->gi[i].profile->name, name);
	assert_int_equal(l->gi[i].start, start);
}

/* --- the oracle --- */

static int oracle_counts(const mig_gpu *g, const mig_instance *gi, size_t n)
{
	unsigned compute = 0, me = 0;
	size_t i, j;

	if (n > g->max_gpu_instances)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned same = 0;

		for (j = 0; j < n; j++)
			same += gi[j].profile == gi[i].profile;
		if (same > gi[i].profile->max_count)
			return 0;
		compute += gi[i].profile->slices;
		me += gi[i].profile->variant == MIG_VARIANT_ME;
		for (j = 0; j < n; j++)
			if (gi[i].profile->variant == MIG_VARIANT_ME_ALL && j != i &&
			    gi[j].profile->variant != MIG_VARIANT_NO_ME)
				return 0;
	}
	return compute <= g->compute_slices && me <= 1;
}

static int oracle_place(const mig_gpu *g, const mig_instance *gi, size_t n, size_t k, uint32_t used)
{
	const mig_gi_profile *p;
	size_t i;

	if (k == n)
		return 1;
	p = gi[k].profile;
	for (i = 0; i < p->placement_count; i++) {
		const mig_placement *pl = &p->placements[i];
		uint32_t mask = ((1u << pl->size) - 1u) << pl->start;

		if (gi[k].start >= 0 && pl->start != gi[k].start)
			continue;
		if (pl->start + pl->size > g->memory_slices || (mask & used))
			continue;
		if (oracle_place(g, gi, n, k + 1, used | mask))
			return 1;
	}
	return 0;
}

static int oracle_fits(const mig_layout *req)
{
	return oracle_counts(req->gpu, req->gi, req->count) &&
	       oracle_place(req->gpu, req->gi, req->count, 0, 0);
}

/* A fit result must be valid, hold the request's profiles and keep the pinned starts. */
static void assert_answers(const mig_layout *out, const mig_layout *req)
{
	mig_layout pinned = *out;
	size_t i, j;

	assert_int_equal(out->count, req->count);
	assert_true(mig_layout_same_profiles(out, req));
	for (i = 0; i < out->count; i++)
		assert_true(out->gi[i].start >= 0);
	assert_true(oracle_fits(&pinned));
	for (i = 0; i < req->count; i++) {
		if (req->gi[i].start < 0)
			continue;
		for (j = 0; j < pinned.count; j++)
			if (pinned.gi[j].profile == req->gi[i].profile &&
			    pinned.gi[j].start == req->gi[i].start)
				break;
		assert_true(j < pinned.count);
		pinned.gi[j].profile = NULL;
	}
}

/* Creating the GIs one by one in this order, each start is free when its turn comes. */
static void assert_creatable(const mig_layout *out)
{
	mig_layout made;
	size_t i, k, n;
	unsigned st[MIG_MAX_SLICES];

	mig_layout_init(&made, out->gpu);
	for (i = 0; i < out->count; i++) {
		const mig_instance *g = &out->gi[i];

		if (i > 0) {
			const mig_instance *prev = &out->gi[i - 1];

			assert_true(prev->profile->mem_slices > g->profile->mem_slices ||
				    (prev->profile->mem_slices == g->profile->mem_slices &&
				     prev->start < g->start));
		}
		n = mig_geometry_free_starts(&made, g->profile, st, MIG_MAX_SLICES);
		for (k = 0; k < n && st[k] != (unsigned)g->start; k++)
			;
		assert_true(k < n);
		assert_ok(mig_layout_add(&made, g->profile, g->start));
	}
	assert_ok(mig_geometry_check(&made, NULL));
}

/* --- hand-worked cases --- */

static void test_geometry_fit__user_guide_19_19_14_9(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_layout req, out;

	(void)state;
	/* The MIG user guide: "-cgi 19,19,14,9" fails with automatic placement because the small
	 * GIs block both 3g placements; with explicit placements, largest first, it fits. */
	spec(&req, a100, "19,19,14,9");
	assert_ok(mig_geometry_fit(&out, &req, NULL));
	assert_int_equal(out.count, 4);
	assert_gi(&out, 0, "3g.40gb", 4);
	assert_gi(&out, 1, "2g.20gb", 0);
	assert_gi(&out, 2, "1g.10gb", 2);
	assert_gi(&out, 3, "1g.10gb", 3);
	assert_answers(&out, &req);
	assert_creatable(&out);
}

static void test_geometry_fit__pinned_gis_stay(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_layout req, out;

	(void)state;
	spec(&req, a100, "1g.10gb 2g.20gb 3g.40gb@0");
	assert_ok(mig_geometry_fit(&out, &req, NULL));
	assert_gi(&out, 0, "3g.40gb", 0);
	assert_gi(&out, 1, "2g.20gb", 4);
	assert_gi(&out, 2, "1g.10gb", 6);
	spec(&req, a100, "1g.10gb@6 3g.40gb 2g.20gb");
	assert_ok(mig_geometry_fit(&out, &req, NULL));
	assert_gi(&out, 0, "3g.40gb", 0);
	assert_gi(&out, 1, "2g.20gb", 4);
	assert_gi(&out, 2, "1g.10gb", 6);
	assert_answers(&out, &req);
	spec(&req, a100, "4g.40gb@0 3g.40gb@4");
	assert_ok(mig_geometry_fit(&out, &req, NULL));
	assert_gi(&out, 0, "4g.40gb", 0);
	assert_gi(&out, 1, "3g.40gb", 4);
	/* The result may be written over the request. */
	spec(&req, a100, "7x1g.10gb");
	assert_ok(mig_geometry_fit(&req, &req, NULL));
	assert_int_equal(req.count, 7);
	assert_gi(&req, 6, "1g.10gb", 6);
	assert_creatable(&req);
}

static void test_geometry_fit__explains_no_room(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_layout req, out;
	mig_violation why;
	const mig_error *e;

	(void)state;
	spec(&req, a100, "1g.10gb@0 4g.40gb");
	out.count = 99;
	assert_int_equal(mig_geometry_fit(&out, &req, &why), MIG_ENOFIT);
	assert_int_equal(out.count, 99);
	e = mig_error_last();
	assert_string_equal(e->message,
			    "no placement of all: 4g.40gb has no free placement (its "
			    "placements are 0); slice 0 is held by GI #1 (1g.10gb at 0)");
	assert_string_equal(e->hint, "it fits as 4g.40gb@0 1g.10gb@4");
	assert_int_equal(why.kind, MIG_VIOLATION_NO_ROOM);
	assert_int_equal(why.first, 1);
	assert_int_equal(why.slices, 0x01);

	/* The example: the pinned 3g holds the only 4g placement. */
	spec(&req, a100, "3g.40gb@0 4g.40gb");
	assert_int_equal(mig_geometry_fit(&out, &req, &why), MIG_ENOFIT);
	e = mig_error_last();
	assert_string_equal(e->message, "no placement of all: 4g.40gb has no free placement (its "
					"placements are 0); slices 0-3 are held by GI #1 (3g.40gb "
					"at 0)");
	assert_string_equal(e->hint, "it fits as 4g.40gb@0 3g.40gb@4");

	spec(&req, a100, "4g.40gb 1g.20gb 1g.20gb 1g.10gb");
	assert_int_equal(mig_geometry_fit(&out, &req, &why), MIG_ENOFIT);
	e = mig_error_last();
	assert_string_equal(e->message, "no placement of all: 4g.40gb + 1g.20gb + 1g.20gb + "
					"1g.10gb need 9 memory slices and 8 are free");
	assert_null(e->hint);
	assert_int_equal(why.kind, MIG_VIOLATION_NO_ROOM);
}

static void test_geometry_fit__explains_count_rules(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_layout req, out;
	mig_violation why;

	(void)state;
	spec(&req, a100, "3x3g.40gb");
	assert_int_equal(mig_geometry_fit(&out, &req, &why), MIG_ENOFIT);
	assert_string_equal(mig_error_last()->message,
			    "3 x 3g.40gb requested but at most 2 fit on NVIDIA A100-SXM4-80GB");
	assert_int_equal(why.kind, MIG_VIOLATION_MAX_COUNT);
	spec(&req, a100, "3g.40gb 3g.40gb 2g.20gb");
	assert_int_equal(mig_geometry_fit(&out, &req, &why), MIG_ENOFIT);
	assert_string_equal(mig_error_last()->message,
			    "compute slices exceeded: the instances need 8 compute slices but "
			    "NVIDIA A100-SXM4-80GB has 7");
	assert_int_equal(why.kind, MIG_VIOLATION_COMPUTE_SLICES);
	spec(&req, a100, "3g.40gb@2 1g.10gb");
	assert_int_equal(mig_geometry_fit(&out, &req, &why), MIG_ENOFIT);
	assert_int_equal(why.kind, MIG_VIOLATION_PLACEMENT);
	spec(&req, a100, "3g.40gb@0 4g.40gb@0");
	assert_int_equal(mig_geometry_fit(&out, &req, &why), MIG_ENOFIT);
	assert_int_equal(why.kind, MIG_VIOLATION_OVERLAP);
	assert_string_equal(mig_error_last()->hint, "choose 3g.40gb@4");
}

static void test_geometry_fit__around_existing_gis(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_layout have, req, out;
	mig_violation why;
	const mig_error *e;

	(void)state;
	spec(&have, a100, "3g.40gb@0");
	spec(&req, a100, "3x1g.10gb");
	assert_ok(mig_geometry_fit_around(&out, &have, &req, NULL));
	assert_int_equal(out.count, 3);
	assert_gi(&out, 0, "1g.10gb", 4);
	assert_gi(&out, 2, "1g.10gb", 6);

	spec(&req, a100, "4x1g.10gb");
	assert_int_equal(mig_geometry_fit_around(&out, &have, &req, &why), MIG_ENOFIT);
	e = mig_error_last();
	assert_string_equal(e->message,
			    "no placement of all: 1g.10gb + 1g.10gb + 1g.10gb + 1g.10gb do not fit "
			    "together; no placement is left for 1g.10gb (its placements are 0, 1, "
			    "2, 3, 4, 5, 6); slices 0-3 are held by existing GI #1 (3g.40gb at 0)");
	assert_string_equal(e->hint, "destroy existing GI #1 (3g.40gb at 0) to make room for "
				     "1g.10gb");
	assert_int_equal(why.kind, MIG_VIOLATION_NO_ROOM);
	assert_int_equal(why.first, 4);
	assert_int_equal(why.slices, 0x0F);

	spec(&req, a100, "3g.40gb@0");
	assert_int_equal(mig_geometry_fit_around(&out, &have, &req, &why), MIG_ENOFIT);
	e = mig_error_last();
	assert_string_equal(e->message, "3g.40gb@0 overlaps 3g.40gb@0: slices 0-3 are held by "
					"existing GI #1 (3g.40gb at 0)");
	assert_string_equal(e->hint, "choose 3g.40gb@4");

	spec(&req, a100, "2x3g.40gb");
	assert_int_equal(mig_geometry_fit_around(&out, &have, &req, &why), MIG_ENOFIT);
	assert_string_equal(mig_error_last()->message, "3 x 3g.40gb (1 existing, 2 requested) but "
						       "at most 2 fit on NVIDIA A100-SXM4-80GB");

	assert_ok(mig_geometry_fit_around(&out, NULL, &req, NULL));
	assert_int_equal(out.count, 2);
}

static void test_geometry_fit__rejects_bad_arguments(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_layout have, req, out;

	(void)state;
	spec(&req, a100, "1g.10gb");
	assert_int_equal(mig_geometry_fit(NULL, &req, NULL), MIG_EINVALID);
	assert_int_equal(mig_geometry_fit(&out, NULL, NULL), MIG_EINVALID);
	spec(&have, gpu("h100-80gb"), "1g.10gb@0");
	assert_int_equal(mig_geometry_fit_around(&out, &have, &req, NULL), MIG_EINVALID);
	spec(&have, a100, "3g.40gb");
	assert_int_equal(mig_geometry_fit_around(&out, &have, &req, NULL), MIG_EINVALID);
	assert_string_equal(mig_error_last()->message, "existing GI #1 (3g.40gb) has no start");
}

static void test_geometry_fit__creation_order(void **state)
{
	const mig_gpu *a100 = gpu("a100-80gb");
	mig_layout l;

	(void)state;
	spec(&l, a100, "1g.10gb@6 1g.20gb@4 1g.10gb@2 3g.40gb@4 2g.20gb@0");
	mig_geometry_creation_order(&l);
	assert_gi(&l, 0, "3g.40gb", 4);
	assert_gi(&l, 1, "2g.20gb", 0);
	assert_gi(&l, 2, "1g.20gb", 4);
	assert_gi(&l, 3, "1g.10gb", 2);
	assert_gi(&l, 4, "1g.10gb", 6);
	mig_geometry_creation_order(NULL);
}

/* --- cross-checks --- */

static void fit_every_complete_layout(const mig_gpu *g, unsigned flags)
{
	mig_layout_list *list = NULL;
	size_t i, j;

	assert_ok(mig_geometry_enumerate(&list, g, flags));
	for (i = 0; i < list->count; i++) {
		mig_layout req = list->items[i], out;

		assert_ok(mig_geometry_fit(&out, &req, NULL));
		assert_answers(&out, &req);
		assert_creatable(&out);
		for (j = 0; j < req.count; j++)
			req.gi[j].start = -1;
		assert_ok(mig_geometry_fit(&out, &req, NULL));
		assert_answers(&out, &req);
		assert_creatable(&out);
		/* Any part of a layout that fits fits too. */
		for (j = 0; j < req.count; j++) {
			mig_layout part = req;

			part.gi[j] = part.gi[--part.count];
			assert_ok(mig_geometry_fit(&out, &part, NULL));
		}
	}
	mig_layout_list_free(list);
}

static void test_geometry_fit__every_complete_layout_fits(void **state)
{
	(void)state;
	fit_every_complete_layout(gpu("a100-80gb"), MIG_ENUM_WIDE | MIG_ENUM_ME);
	fit_every_complete_layout(gpu("h100-80gb"), MIG_ENUM_WIDE);
	fit_every_complete_layout(gpu("a30"), MIG_ENUM_ALL);
	fit_every_complete_layout(gpu("rtx-pro-6000"), MIG_ENUM_ALL);
}

static uint32_t next_random(uint32_t *seed)
{
	*seed ^= *seed << 13;
	*seed ^= *seed >> 17;
	*seed ^= *seed << 5;
	return *seed;
}

static void random_requests(const mig_gpu *g, uint32_t seed, unsigned rounds)
{
	unsigned r, fits = 0;

	for (r = 0; r < rounds; r++) {
		size_t n = 1 + next_random(&seed) % 8, i;
		mig_layout req, out;
		int rc;

		mig_layout_init(&req, g);
		for (i = 0; i < n; i++) {
			const mig_gi_profile *p =
				&g->gi_profiles[next_random(&seed) % g->gi_profile_count];
			int start = -1;

			if (next_random(&seed) % 4 == 0)
				start = (int)(next_random(&seed) % g->memory_slices);
			assert_ok(mig_layout_add(&req, p, start));
		}
		rc = mig_geometry_fit(&out, &req, NULL);
		if (oracle_fits(&req) != (rc == 0))
			fail_msg("request %u on %s: fit says %d (%s), the oracle disagrees", r,
				 g->key, rc, mig_error_last()->message);
		if (rc == 0) {
			assert_answers(&out, &req);
			assert_creatable(&out);
			fits++;
		} else {
			assert_int_equal(rc, MIG_ENOFIT);
		}
	}
	/* The draw must exercise both answers. */
	assert_true(fits > rounds / 20);
	assert_true(fits < rounds);
}

static void test_geometry_fit__agrees_with_the_oracle(void **state)
{
	(void)state;
	random_requests(gpu("a100-80gb"), 0x12345u, 3000);
	random_requests(gpu("h100-80gb"), 0xBEEFu, 1000);
	random_requests(gpu("b200"), 0xC0FFEEu, 1000);
	random_requests(gpu("a30"), 0x5EEDu, 1000);
	random_requests(gpu("rtx-pro-6000"), 0xABCDu, 2000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry_fit__user_guide_19_19_14_9),
		cmocka_unit_test(test_geometry_fit__pinned_gis_stay),
		cmocka_unit_test(test_geometry_fit__explains_no_room),
		cmocka_unit_test(test_geometry_fit__explains_count_rules),
		cmocka_unit_test(test_geometry_fit__around_existing_gis),
		cmocka_unit_test(test_geometry_fit__rejects_bad_arguments),
		cmocka_unit_test(test_geometry_fit__creation_order),
		cmocka_unit_test(test_geometry_fit__every_complete_layout_fits),
		cmocka_unit_test(test_geometry_fit__agrees_with_the_oracle),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
