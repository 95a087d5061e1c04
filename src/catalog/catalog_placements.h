/* SPDX-License-Identifier: Apache-2.0 */
#ifndef MIGCTL_CATALOG_PLACEMENTS_H
#define MIGCTL_CATALOG_PLACEMENTS_H

/*
 * The placement lists the GPU tables share, named by what they hold: gi_p4_at_0_4 is a GI of
 * size 4 that may start at 0 or 4 (memory-slice positions); ci_p2_at_0 a CI of size 2 at
 * compute slice 0 of its GI. Sizes are part of the declarations so that the tables can count
 * them with MIG_ARRAY_SIZE.
 */

#include "migctl/catalog.h"

extern const mig_placement mig_catalog__ci_p1_at_0[1];
extern const mig_placement mig_catalog__ci_p1_at_0_1[2];
extern const mig_placement mig_catalog__ci_p1_at_0_1_2[3];
extern const mig_placement mig_catalog__ci_p1_at_0_1_2_3[4];
extern const mig_placement mig_catalog__ci_p1_at_0_1_2_3_4_5_6[7];
extern const mig_placement mig_catalog__ci_p2_at_0[1];
extern const mig_placement mig_catalog__ci_p2_at_0_2[2];
extern const mig_placement mig_catalog__ci_p2_at_0_2_4[3];
extern const mig_placement mig_catalog__ci_p3_at_0[1];
extern const mig_placement mig_catalog__ci_p3_at_0_4[2];
extern const mig_placement mig_catalog__ci_p4_at_0[1];
extern const mig_placement mig_catalog__ci_p7_at_0[1];
extern const mig_placement mig_catalog__gi_p12_at_0[1];
extern const mig_placement mig_catalog__gi_p1_at_0_1_2_3[4];
extern const mig_placement mig_catalog__gi_p1_at_0_1_2_3_4_5_6[7];
extern const mig_placement mig_catalog__gi_p2_at_0_2[2];
extern const mig_placement mig_catalog__gi_p2_at_0_2_4[3];
extern const mig_placement mig_catalog__gi_p2_at_0_2_4_6[4];
extern const mig_placement mig_catalog__gi_p3_at_0_3_6_9[4];
extern const mig_placement mig_catalog__gi_p4_at_0[1];
extern const mig_placement mig_catalog__gi_p4_at_0_4[2];
extern const mig_placement mig_catalog__gi_p6_at_0_6[2];
extern const mig_placement mig_catalog__gi_p8_at_0[1];

#endif
