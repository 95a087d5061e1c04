#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The MIG guide's workflow on a simulated A100-80GB, through the real loader and the
# simulator: enable MIG, 7 x 1g.10gb, list, destroy all, 3g.40gb + 2 x 2g.20gb (ids 9,14,14),
# compute instances, MIG devices.
. "$(dirname "$0")/test-lib.sh"

export MIGSIM_STATE="$TRASH/sim.json"
export MIGCTL_SIM=a100-80gb

test_expect_success 'a fresh simulated A100 has MIG off' '
	migctl status >out &&
	test_grep "^GPU 0  NVIDIA A100-SXM4-80GB (a100-80gb)" out &&
	test_grep "MIG disabled" out
'
test_expect_success 'creating instances with MIG off is refused, nothing changes' '
	test_must_fail 5 migctl create 1g.10gb 2>err &&
	test_grep "MIG is disabled on GPU 0" err && test_grep "migctl mode on" err
'
test_expect_success 'mode on: Ampere needs a reset' '
	migctl mode on >out &&
	test_grep "GPU 0: MIG will be enabled after a GPU reset" out &&
	migctl status >out && test_grep "MIG disabled (enabled after a GPU reset)" out
'
test_expect_success 'after the simulated reset MIG is on' '
	migctl sim reset >out && test_grep "reset every simulated GPU" out &&
	migctl status >out && test_grep "MIG enabled, 0 GPU instances" out
'
test_expect_success 'create 7 x 1g.10gb, each with a compute instance' '
	migctl create 7x1g.10gb >out &&
	test_line_count 7 out && test_grep "created GI .* 1g.10gb at 6, CI 0, MIG-" out
'
test_expect_success 'list: 7 MIG devices, each usable as CUDA_VISIBLE_DEVICES' '
	migctl devices --uuids >uuids && test_line_count 7 uuids &&
	test "$(sort -u uuids | wc -l)" -eq 7 && test_grep "^MIG-" uuids
'
test_expect_success 'an 8th 1g.10gb does not fit: explained, exit 4, nothing changed' '
	migctl status --json >before &&
	test_must_fail 4 migctl create 1g.10gb 2>err && test_grep "1g.10gb" err &&
	migctl status --json >after && test_cmp before after
'
test_expect_success 'destroy all' '
	migctl destroy all >out && test_grep "destroyed 7 GPU instances, 7 compute instances" out &&
	migctl status >out && test_grep "0 GPU instances" out
'
test_expect_success 'the guide layout 9,14,14 (3g.40gb + 2 x 2g.20gb)' '
	migctl create 9,14,14 >out && test_line_count 3 out &&
	test_grep "3g.40gb" out && test_grep "2g.20gb" out &&
	migctl status >out && test_grep "\[" out
'
test_expect_success 'more compute instances inside the 3g GI' '
	gi=$(migctl status --json | python3 -c "import json,sys; print([g[\"id\"] for g in json.load(sys.stdin)[0][\"gpu_instances\"] if g[\"profile\"]==\"3g.40gb\"][0])") &&
	migctl destroy "$gi:0" &&
	migctl create --gi "$gi" 1c.3g.40gb 2c.3g.40gb >out &&
	test_line_count 2 out && test_grep "created CI" out
'
test_expect_success 'MIG devices: one per compute instance' '
	migctl devices >out && test_grep "^CUDA_VISIBLE_DEVICES" out &&
	test "$(grep -c "^MIG-" out)" -eq 4
'
test_expect_success 'the order the guide warns about (19,19,14,9) just works' '
	migctl destroy all && migctl create 19,19,14,9 >out && test_line_count 4 out
'
test_done
