#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# migctl emit on a simulated machine: the plan's layout applied from the systemd target's own
# layout file, the plan's devices named by UUID (--uuids), this machine's devices as services
# (--from-state), and a service started the way its unit starts it.
. "$(dirname "$0")/test-lib.sh"

export MIGSIM_STATE="$TRASH/sim.json"
export MIGCTL_SIM=a100-80gb,a100-80gb
cp "$FIXTURES/emit/plan-guide.json" plan.json

test_expect_success 'before the layout is applied, --uuids says what is missing' '
	test_must_fail 2 migctl emit docker --plan plan.json --uuids 2>err &&
	test_grep "node gpu-node-0: GPU 0 holds no 3g.40gb at 4 (for llama-3-8b)" err &&
	test_grep "hint: apply the node.s layout first" err
'

test_expect_success 'the systemd layout file applies the plan' '
	migctl emit systemd --plan plan.json --migctl "$MIGCTL" --out units >/dev/null &&
	migctl mode on >/dev/null && migctl sim reset >/dev/null &&
	migctl apply -f units/migctl-layouts.yaml -c gpu-node-0 >out &&
	migctl devices --uuids >uuids && test_line_count 7 uuids
'

test_expect_success 'docker --uuids: every line claims one of the devices by UUID' '
	migctl emit docker --plan plan.json --uuids >run.sh &&
	test "$(grep -c " run --on MIG-" run.sh)" -eq 7 &&
	grep -o "run --on MIG-[^ ]*" run.sh | sed "s/run --on //" | sort >used &&
	sort uuids >all && test_cmp all used
'

test_expect_success 'compose --uuids: no variable is left to set' '
	migctl emit compose --plan plan.json --uuids >compose.yaml &&
	! grep -q "\${" compose.yaml &&
	test "$(grep -c "device_ids: \[MIG-" compose.yaml)" -eq 8
'

test_expect_success '--from-state: one service per MIG device, named where it sits' '
	migctl emit docker --from-state --node box >run.sh &&
	test "$(grep -c "run --on MIG-" run.sh)" -eq 7 &&
	test_grep "^# migctl emit docker: state of box, node box (2 x NVIDIA A100-SXM4-80GB)" run.sh &&
	test_grep "docker run --rm --name gpu1-gi[0-9]*-ci0 " run.sh &&
	migctl emit k8s --from-state --node box >k8s.yaml &&
	test "$(grep -c "^kind: Deployment" k8s.yaml)" -eq 7 &&
	test_grep "nvidia.com/mig.config: box" k8s.yaml
'

test_expect_success '--from-state with -i: only that GPU' '
	migctl -i 0 emit systemd --from-state --node box -o one >/dev/null &&
	test "$(ls one/*.service | wc -l)" -eq 3 &&
	test_grep "mig-devices" one/migctl-layouts.yaml
'

test_expect_success 'a unit ExecStart claims its device; the next claim gets another' '
	line=$(sed -n "s/^ExecStart=//p" units/migctl-llama-3-8b-0.service) &&
	cmd=$(echo "$line" | sed "s|/usr/local/bin/serve-model llama-3-8b|sleep 20|") &&
	test_grep "\-i 0 run --on 3g.40gb --" units/migctl-llama-3-8b-0.service &&
	{ $cmd & pid=$!; } &&
	for i in 1 2 3 4 5 6 7 8 9 10; do
		migctl devices >dev; grep -q "3g.40gb .* 1$" dev && break; sleep 0.2
	done &&
	test_grep "^MIG-.*  0    .*3g.40gb .*  1$" dev &&
	test_must_fail 6 migctl -i 0 run --on 3g.40gb -- true 2>err &&
	kill $pid && wait $pid 2>/dev/null; true
'

test_done
