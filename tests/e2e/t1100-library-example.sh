#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The documented library example (docs/examples/mig_manager.c) against the simulator.
. "$(dirname "$0")/test-lib.sh"

example="$MIGCTL_BUILD_DIR/mig_manager_example"
simlib="$MIGCTL_BUILD_DIR/sim/libnvidia-ml.so.1"
export MIGSIM_STATE="$TRASH/sim.json" MIGSIM_GPUS=h100-80gb

test_expect_success 'the example creates, lists and destroys instances' '
	"$example" "$simlib" 3g.40gb,2g.20gb,2g.20gb >out &&
	test_grep "^GPU 0: NVIDIA H100 80GB HBM3" out &&
	test_grep "created 3 GPU instances" out &&
	test "$(grep -c "CUDA_VISIBLE_DEVICES=MIG-" out)" -eq 3 &&
	test_grep "destroyed them again" out
'
test_expect_success 'the GPU is left empty' '
	MIGCTL_SIM=h100-80gb migctl status >out && test_grep "0 GPU instances" out
'
test_expect_success 'errors reach the example with their message' '
	test_must_fail 1 "$example" "$simlib" 3x3g.40gb 2>err && test_grep "3g.40gb" err
'
test_expect_success 'a missing NVML library is a clear error' '
	test_must_fail 1 "$example" /nonexistent/libnvidia-ml.so.1 2>err &&
	test_grep "cannot load NVML" err
'
test_done
