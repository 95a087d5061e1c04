#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# migctl run: the environment, exit codes and signals pass through, busy devices are refused,
# and concurrent runs never share a device.
. "$(dirname "$0")/test-lib.sh"

export MIGSIM_STATE="$TRASH/sim.json"
export MIGCTL_SIM=x

test_expect_success 'set up an A100 with 7 x 1g.10gb and an idle 3g-free H100' '
	migctl sim init a100-80gb,h100-80gb >/dev/null && migctl mode on >/dev/null &&
	migctl sim reset >/dev/null && migctl -i 0 create 7x1g.10gb >/dev/null &&
	migctl -i 1 create 3g.40gb >/dev/null
'
test_expect_success 'run sets CUDA_VISIBLE_DEVICES and NVIDIA_VISIBLE_DEVICES to the device' '
	migctl run --on 3g.40gb -- env >out &&
	uuid=$(migctl -i 1 devices --uuids) &&
	test_grep "^CUDA_VISIBLE_DEVICES=$uuid\$" out && test_grep "^NVIDIA_VISIBLE_DEVICES=$uuid\$" out
'
test_expect_success 'run --on a MIG UUID and on GPU:GI:CI' '
	uuid=$(migctl -i 1 devices --uuids) &&
	migctl run --on "$uuid" printenv CUDA_VISIBLE_DEVICES >out && test_grep "^$uuid\$" out &&
	gi=$(migctl -i 1 status --json | python3 -c "import json,sys; print(json.load(sys.stdin)[0][\"gpu_instances\"][0][\"id\"])") &&
	migctl run --on "1:$gi:0" printenv CUDA_VISIBLE_DEVICES >out && test_grep "^$uuid\$" out &&
	migctl run --on "1:$gi" printenv CUDA_VISIBLE_DEVICES >out && test_grep "^$uuid\$" out
'
test_expect_success 'the program keeps its own options, even ones migctl also has' '
	migctl run --on 3g.40gb sh -c "echo \$1 \$2" x --json -v >out && test_grep "^--json -v$" out
'
test_expect_success 'the exit status is the program'"'"'s' '
	migctl run --on 3g.40gb sh -c "exit 42"; test $? -eq 42
'
test_expect_success 'a signal reaches the program (migctl becomes it)' '
	"$MIGCTL" run --on 3g.40gb sleep 30 & pid=$! &&
	sleep 0.5 && kill -TERM $pid; wait $pid; rc=$?;
	test $rc -eq 143
'
test_expect_success 'under the simulator the program shows on its device' '
	"$MIGCTL" run --on 3g.40gb sleep 5 & pid=$! && sleep 0.5 &&
	migctl -i 1 status >out; kill $pid; wait $pid;
	test_grep "processes: $pid" out
'
test_expect_success 'a busy device is refused with what holds it, exit 6' '
	"$MIGCTL" run --on 3g.40gb sleep 5 & pid=$! && sleep 0.5 &&
	test_must_fail 6 migctl run --on 3g.40gb true 2>err; rc=$?; kill $pid; wait $pid;
	test $rc -eq 0 && test_grep "busy" err && test_grep "$pid" err
'
test_expect_success 'bad selectors: no such device exit 2, malformed exit 2, missing --on exit 2' '
	test_must_fail 2 migctl run --on 5g.40gb true 2>err && test_grep "no MIG device matches" err &&
	test_must_fail 2 migctl run --on 1:x true 2>err && test_grep "bad device selector" err &&
	test_must_fail 2 migctl run true 2>err && test_grep "needs --on" err
'
test_expect_success 'a program that does not exist: exit 127' '
	test_must_fail 127 migctl run --on 1g.10gb no-such-program-here 2>err &&
	test_grep "cannot run .no-such-program-here." err
'
test_expect_success '16 concurrent runs on 7 devices: 7 run, each on its own device, 9 refused' '
	for i in $(seq 16); do
		(migctl -i 0 run --on 1g.10gb sh -c "echo \$CUDA_VISIBLE_DEVICES >ran.$i; sleep 3" \
			2>err.$i; echo $? >rc.$i) &
	done;
	wait &&
	cat ran.* >uuids 2>/dev/null; test_line_count 7 uuids &&
	test "$(sort -u uuids | wc -l)" -eq 7 &&
	test "$(cat rc.* | grep -c "^0$")" -eq 7 && test "$(cat rc.* | grep -c "^6$")" -eq 9
'
test_expect_success 'run --plan: a workload name runs on an instance planned for it' '
	migctl plan "$FIXTURES/plan/guide-small-models.yaml" --json-out plan.json \
		--layouts-out layouts.yaml >/dev/null &&
	export MIGSIM_STATE="$TRASH/plan-sim.json" &&
	migctl sim init a100-80gb >/dev/null && migctl mode on >/dev/null &&
	migctl sim reset >/dev/null && migctl apply -f layouts.yaml -c a100-80gb-0 >/dev/null &&
	migctl run --plan plan.json --on gemma-2b printenv CUDA_VISIBLE_DEVICES >out &&
	uuid=$(cat out) && migctl devices >devs &&
	test_grep "^$uuid  *0  *[0-9]*  *0  *1g.10gb" devs &&
	migctl run --plan plan.json --on qwen-0.5b printenv CUDA_VISIBLE_DEVICES >out &&
	uuid=$(cat out) && test_grep "^$uuid  *0  *[0-9]*  *0  *1g.20gb" devs
'
test_expect_success 'run --plan errors: unknown workload exit 2, missing plan exit 3' '
	test_must_fail 2 migctl run --plan plan.json --on nope true 2>err &&
	test_grep "has no workload .nope." err &&
	test_must_fail 3 migctl run --plan missing.json --on x true 2>err &&
	test_grep "missing.json" err
'
test_done
