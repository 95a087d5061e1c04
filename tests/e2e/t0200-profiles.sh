#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# migctl profiles: a GPU's instance profiles from the catalog.
. "$(dirname "$0")/test-lib.sh"

test_expect_success 'A100-80GB profiles match the expected table' '
	migctl profiles --gpu a100-80gb >out &&
	test_cmp "$FIXTURES/expected/profiles-a100-80gb.txt" out
'
test_expect_success 'aliases, NVML names and PCI ids select the same GPU' '
	migctl profiles --gpu h100-80gb >a &&
	migctl profiles --gpu "NVIDIA H100 80GB HBM3" >b &&
	migctl profiles -i 0x233010DE >c &&
	test_cmp a b && test_cmp a c && test_grep "3g.40gb" a
'
test_expect_success 'placements shown as starts and size' '
	migctl profiles --gpu a100-80gb >out &&
	test_grep "^3g.40gb .* 0,4 (size 4)" out && test_grep "^1g.10gb .* 0-6 (size 1)" out
'
test_expect_success '--ci lists compute-instance profiles' '
	migctl profiles --gpu a100-80gb --ci >out &&
	test_grep "compute-instance profiles" out && test_grep "1c.3g.40gb" out
'
test_expect_success 'unconfirmed values are flagged for users' '
	migctl profiles --gpu b200 >out && test_grep "unconfirmed" out
'
test_expect_success 'json carries every field' '
	migctl --json profiles --gpu a30 >out &&
	python3 -m json.tool out >/dev/null &&
	test_grep "\"gi_profiles\"" out && test_grep "\"placements\"" out &&
	test_grep "\"ci_profiles\"" out && test_grep "\"ofa\"" out
'
test_expect_success 'unknown GPU: one line naming it, exit 2' '
	test_must_fail 2 migctl profiles --gpu a200 2>err &&
	test_grep "unknown GPU .a200." err
'
test_expect_success 'no --gpu and no driver: the driver is asked for, and missed, exit 5' '
	LD_LIBRARY_PATH=/nonexistent test_must_fail 5 migctl profiles 2>err &&
	test_grep "NVIDIA driver not found" err
'
test_expect_success 'from the driver (simulated): free counts follow what exists' '
	export MIGSIM_STATE="$TRASH/sim.json" &&
	migctl --sim h100-80gb mode on >/dev/null &&
	migctl --sim h100-80gb profiles >out &&
	test_grep "^GPU 0:" out && test_grep "^3g.40gb .* 2/2 " out &&
	test_grep "^1g.10gb .* 7/7 .*0:1,1:1,2:1,3:1,4:1,5:1,6:1" out &&
	migctl --sim h100-80gb create 3g.40gb@0 >/dev/null &&
	migctl --sim h100-80gb profiles -i 0 >out &&
	test_grep "^3g.40gb .* 1/2 " out && test_grep "^1g.10gb .* 3/7 " out &&
	migctl --sim h100-80gb profiles --json >out && python3 -m json.tool out >/dev/null &&
	test_grep "\"free\": 1" out
'
test_done
