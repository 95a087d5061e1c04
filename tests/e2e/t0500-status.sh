#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# migctl status and devices: what they show, the selectors, and that reading asks NVML for
# each fact once and changes nothing.
. "$(dirname "$0")/test-lib.sh"

export MIGSIM_STATE="$TRASH/sim.json"
export MIGCTL_SIM=x

test_expect_success 'set up: an A100 with 7 x 1g and an H100 with 3g + 2 x 2g' '
	migctl sim init a100-80gb,h100-80gb >/dev/null &&
	migctl mode on >/dev/null && migctl sim reset >/dev/null &&
	migctl -i 0 create 7x1g.10gb >/dev/null && migctl -i 1 create 3g.40gb 2x2g.20gb >/dev/null
'
test_expect_success 'status shows both GPUs with their GIs and CIs' '
	migctl status >out &&
	test_grep "^GPU 0  NVIDIA A100-SXM4-80GB (a100-80gb)" out &&
	test_grep "^GPU 1  NVIDIA H100 80GB HBM3 (h100-sxm5-80gb)" out &&
	test "$(grep -c "^  GI " out)" -eq 10 && test "$(grep -c "^    CI " out)" -eq 10
'
test_expect_success 'status -i selects by index, list, UUID and PCI bus id' '
	migctl status -i 1 >a && test_grep "^GPU 1" a && ! grep -q "^GPU 0" a &&
	uuid=$(sed -n "s/^GPU 1 .*  \(GPU-[0-9a-f-]*\)  .*/\1/p" a) &&
	bus=$(sed -n "s/^GPU 1 .*  \([0-9A-F]*:[0-9A-F]*:[0-9A-F]*\.[0-9]\)$/\1/p" a) &&
	migctl status -i "$uuid" >b && test_cmp a b &&
	migctl status -i "$bus" >c && test_cmp a c &&
	migctl status -i 0,1 >d && test "$(grep -c "^GPU" d)" -eq 2
'
test_expect_success 'bad selectors: clear message, exit 2' '
	test_must_fail 2 migctl status -i 5 2>err && test_grep "no GPU 5: this machine has 2 GPUs" err &&
	test_must_fail 2 migctl status -i GPU-nope 2>err && test_grep "GPU-nope" err &&
	test_must_fail 2 migctl status -i frob 2>err && test_grep "bad GPU selector .frob." err
'
test_expect_success 'status --json is valid and complete' '
	migctl status --json >out && python3 -m json.tool out >/dev/null &&
	test "$(grep -c "\"uuid\": \"MIG-" out)" -eq 10
'
test_expect_success 'reading state makes no mutating NVML call' '
	before=$(migctl sim calls nvmlDeviceCreateGpuInstanceWithPlacement) &&
	migctl status >/dev/null && migctl devices >/dev/null && migctl status --json >/dev/null &&
	test "$(migctl sim calls nvmlDeviceCreateGpuInstanceWithPlacement)" -eq "$before" &&
	test "$(migctl sim calls nvmlGpuInstanceDestroy)" -eq 0
'
count_during_status() { # FUNCTION: calls of FUNCTION made by one status
	b=$(migctl sim calls "$1") && migctl status >/dev/null && a=$(migctl sim calls "$1") &&
	echo $((a - b))
}
test_expect_success 'each fact is asked for once per status' '
	test "$(count_during_status nvmlDeviceGetHandleByIndex_v2)" -eq 2 &&
	test "$(count_during_status nvmlDeviceGetName)" -eq 2 &&
	test "$(count_during_status nvmlGpuInstanceGetInfo)" -eq 10 &&
	test "$(count_during_status nvmlComputeInstanceGetInfo_v2)" -eq 10 &&
	test "$(count_during_status nvmlDeviceGetUUID)" -eq 12 &&
	test "$(count_during_status nvmlDeviceGetComputeRunningProcesses_v3)" -eq 10 &&
	test "$(count_during_status nvmlDeviceGetMigMode)" -eq 2
'
test_expect_success 'devices: one line per MIG device, the value for CUDA_VISIBLE_DEVICES' '
	migctl devices >out && test "$(grep -c "^MIG-" out)" -eq 10 &&
	migctl devices --uuids >u && test_line_count 10 u &&
	migctl devices --json >j && python3 -m json.tool j >/dev/null
'
test_expect_success 'processes are shown and counted' '
	sleep 60 & pid=$! &&
	gi=$(migctl -i 1 status --json | python3 -c "import json,sys; print(json.load(sys.stdin)[0][\"gpu_instances\"][0][\"id\"])") &&
	migctl -i 1 sim attach "$gi:0" --pid $pid --mem 1500 &&
	migctl -i 1 status >out; kill $pid; wait $pid;
	test_grep "processes: $pid (1500 MiB)" out && test_grep "1500/" out
'
test_expect_success 'a process that ended is dropped, as a driver does' '
	sleep 60 & pid=$! &&
	gi=$(migctl -i 1 status --json | python3 -c "import json,sys; print(json.load(sys.stdin)[0][\"gpu_instances\"][0][\"id\"])") &&
	migctl -i 1 sim attach "$gi:0" --pid $pid && kill $pid && wait $pid;
	migctl -i 1 status >out && ! grep -q "processes:" out
'
test_expect_success 'no driver: the message points at the simulator, exit 5' '
	unset MIGCTL_SIM &&
	LD_LIBRARY_PATH=/nonexistent test_must_fail 5 migctl status 2>err &&
	test_grep "NVIDIA driver not found (libnvidia-ml.so.1); to try migctl on simulated GPUs: migctl --sim h100-80gb status" err
'
test_expect_success 'an NVML error mid-command names the call, exit 5' '
	n=$(migctl sim calls nvmlGpuInstanceGetInfo) &&
	migctl sim fault "nvmlGpuInstanceGetInfo:$((n + 1)):UNKNOWN" &&
	test_must_fail 5 migctl status 2>err && test_grep "nvmlGpuInstanceGetInfo" err &&
	migctl sim fault clear
'
test_done
