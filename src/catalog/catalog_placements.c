/* SPDX-License-Identifier: Apache-2.0 */
/* The shared placement lists of the GPU tables (see catalog_placements.h). */
#include "catalog_placements.h"

#include "banned.h"

const mig_placement mig_catalog__ci_p1_at_0[1] = { { 0, 1 } };
const mig_placement mig_catalog__ci_p1_at_0_1[2] = { { 0, 1 }, { 1, 1 } };
const mig_placement mig_catalog__ci_p1_at_0_1_2[3] = { { 0, 1 }, { 1, 1 }, { 2, 1 } };
const mig_placement mig_catalog__ci_p1_at_0_1_2_3[4] = { { 0, 1 }, { 1, 1 }, { 2, 1 }, { 3, 1 } };
const mig_placement mig_catalog__ci_p1_at_0_1_2_3_4_5_6[7] = {
	{ 0, 1 }, { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 }, { 5, 1 },
	{ 6, 1 }
};
const mig_placement mig_catalog__ci_p2_at_0[1] = { { 0, 2 } };
const mig_placement mig_catalog__ci_p2_at_0_2[2] = { { 0, 2 }, { 2, 2 } };
const mig_placement mig_catalog__ci_p2_at_0_2_4[3] = { { 0, 2 }, { 2, 2 }, { 4, 2 } };
const mig_placement mig_catalog__ci_p3_at_0[1] = { { 0, 3 } };
const mig_placement mig_catalog__ci_p3_at_0_4[2] = { { 0, 3 }, { 4, 3 } };
const mig_placement mig_catalog__ci_p4_at_0[1] = { { 0, 4 } };
const mig_placement mig_catalog__ci_p7_at_0[1] = { { 0, 7 } };
const mig_placement mig_catalog__gi_p12_at_0[1] = { { 0, 12 } };
const mig_placement mig_catalog__gi_p1_at_0_1_2_3[4] = { { 0, 1 }, { 1, 1 }, { 2, 1 }, { 3, 1 } };
const mig_placement mig_catalog__gi_p1_at_0_1_2_3_4_5_6[7] = {
	{ 0, 1 }, { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 }, { 5, 1 },
	{ 6, 1 }
};
const mig_placement mig_catalog__gi_p2_at_0_2[2] = { { 0, 2 }, { 2, 2 } };
const mig_placement mig_catalog__gi_p2_at_0_2_4[3] = { { 0, 2 }, { 2, 2 }, { 4, 2 } };
const mig_placement mig_catalog__gi_p2_at_0_2_4_6[4] = { { 0, 2 }, { 2, 2 }, { 4, 2 }, { 6, 2 } };
const mig_placement mig_catalog__gi_p3_at_0_3_6_9[4] = { { 0, 3 }, { 3, 3 }, { 6, 3 }, { 9, 3 } };
const mig_placement mig_catalog__gi_p4_at_0[1] = { { 0, 4 } };
const mig_placement mig_catalog__gi_p4_at_0_4[2] = { { 0, 4 }, { 4, 4 } };
const mig_placement mig_catalog__gi_p6_at_0_6[2] = { { 0, 6 }, { 6, 6 } };
const mig_placement mig_catalog__gi_p8_at_0[1] = { { 0, 8 } };
