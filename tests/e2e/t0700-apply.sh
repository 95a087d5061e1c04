#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# apply, assert, export and recover against the simulator: the plan keeps what it can, dry runs
# and offline checks change nothing, export round-trips, busy instances and held locks are
# refused (exit 6), a driver failure is rolled back (exit 5), a bad journal needs recovery (7).
. "$(dirname "$0")/test-lib.sh"

export MIGSIM_STATE="$TRASH/sim.json"
export MIGCTL_SIM=x
L="$FIXTURES/reconcile/layouts.yaml"
same_gpus() { # BEFORE AFTER: the GPUs of two `sim show` outputs are equal (call counts aside)
	python3 -c "import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); sys.exit(a[\"gpus\"]!=b[\"gpus\"])" "$1" "$2"
}
mutations() { # total mutating NVML calls so far
	t=0
	for f in nvmlDeviceCreateGpuInstanceWithPlacement nvmlGpuInstanceCreateComputeInstance \
		nvmlGpuInstanceDestroy nvmlComputeInstanceDestroy nvmlDeviceSetMigMode; do
		t=$((t + $(migctl sim calls $f)))
	done
	echo $t
}
gi_ids() { # GPU: "id:profile@start" of its GIs
	migctl -i "$1" status --json | python3 -c "import json,sys; print(\" \".join(\"%d:%s@%d\" % (g[\"id\"], g[\"profile\"], g[\"start\"]) for g in json.load(sys.stdin)[0][\"gpu_instances\"]))"
}

test_expect_success 'set up an A100 and an H100, MIG off' '
	migctl sim init a100-80gb,h100-80gb >/dev/null
'
test_expect_success 'usage errors: no config, bad lock timeout, unknown built-in (exit 2)' '
	test_must_fail 2 migctl apply 2>err && test_grep "apply needs a config" err &&
	test_must_fail 2 migctl apply -c all-1g --lock-timeout x 2>err &&
	test_grep "bad --lock-timeout .x." err &&
	test_must_fail 2 migctl apply -c all-1g --lock-timeout -1 2>err &&
	test_must_fail 2 migctl apply -c all-nonsense 2>err && test_grep "all-nonsense" err &&
	test_must_fail 2 migctl assert 2>err && test_grep "assert needs a config" err
'
test_expect_success 'bad files: missing, unknown profile, unknown config (exit 3)' '
	test_must_fail 3 migctl apply -f nope.yaml -c x 2>err && test_grep "nope.yaml" err &&
	test_must_fail 3 migctl -i 0 apply -f "$FIXTURES/reconcile/bad-profile.yaml" 2>err &&
	test_grep "bad-profile.yaml:7:9: unknown profile .5g.40gb." err &&
	test_must_fail 3 migctl apply -f "$L" -c nope 2>err && test_grep "no config .nope." err
'
test_expect_success 'offline: --dry-run --gpu MODEL checks a config without a GPU' '
	migctl apply --dry-run --gpu a100-80gb -f "$L" -c split-3g >out &&
	test_grep "config .split-3g. (entry at line 17) is valid" out &&
	test_grep "create 3g.40gb at 0 + CIs 2c.3g.40gb, 1c.3g.40gb" out &&
	migctl apply --dry-run --gpu h100-80gb -c all-balanced >out &&
	test_grep "^h100-sxm5-80gb: config .all-balanced." out && test_line_count 5 out &&
	migctl apply --dry-run --gpu a100 -c all-balanced --json >out &&
	python3 -m json.tool out >/dev/null && test_grep "\"outcome\": \"valid\"" out &&
	test_must_fail 4 migctl apply --dry-run --gpu a100-80gb -f "$FIXTURES/reconcile/too-many.yaml" 2>err &&
	test_grep "too-many.yaml:4:7: config .big. does not fit" err &&
	test_must_fail 3 migctl apply --dry-run --gpu a100-80gb -f "$FIXTURES/reconcile/bad-profile.yaml" 2>err &&
	test_grep "5g.40gb" err
'
test_expect_success 'Ampere with MIG off: apply enables it and stops for the reset (exit 1)' '
	migctl -i 0 apply -c all-balanced --dry-run >out &&
	test_grep "enable MIG mode (takes effect after a GPU reset)" out &&
	test_grep "then, after a GPU reset, apply again to create 4 GPU instances" out &&
	test_must_fail 1 migctl -i 0 apply -c all-balanced >out 2>err &&
	test_grep "changes only after a GPU reset" err && test_grep "migctl sim reset -i 0" err &&
	test ! -e "$MIGSIM_STATE.d/gpu0.journal" &&
	test_must_fail 1 migctl -i 0 assert -c all-balanced >out && test_grep "pending GPU reset" out
'
test_expect_success 'after the reset, apply creates the layout; assert agrees' '
	migctl sim reset -i 0 >/dev/null &&
	migctl -i 0 apply -c all-balanced >out &&
	test_grep "keep 0, destroy 0, create 4 GPU instances" out &&
	test_grep "done: destroyed 0, created 4 GPU instances (8 steps)" out &&
	migctl -i 0 assert -c all-balanced >out && test_grep "holds config .all-balanced." out
'
test_expect_success 'applying the same config again changes nothing' '
	n=$(mutations) && migctl -i 0 apply -c all-balanced >out &&
	test_grep "nothing to do" out && test "$(mutations)" -eq "$n"
'
test_expect_success '--dry-run prints the steps and touches nothing' '
	migctl sim show >before && n=$(mutations) &&
	migctl -i 0 apply -c all-1g --dry-run >out &&
	test_grep "keep 2, destroy 2, create 5 GPU instances" out &&
	test "$(grep -c "^  keep GI" out)" -eq 2 && test_grep "^  destroy GI" out &&
	migctl -i 0 apply -c all-1g --dry-run --json >out && python3 -m json.tool out >/dev/null &&
	test_grep "\"outcome\": \"dry-run\"" out &&
	test "$(mutations)" -eq "$n" && migctl sim show >after && same_gpus before after
'
test_expect_success 'a transition keeps the instances both layouts share (same GI ids)' '
	before=$(gi_ids 0) && migctl -i 0 apply -c all-1g >out &&
	for k in $(grep "^  keep GI" out | sed "s/^  keep GI \([0-9]*\) (\([^ ]*\) at \([0-9]*\)).*/\1:\2@\3/"); do
		echo "$before" | grep -q "$k" && gi_ids 0 | grep -q "$k" || exit 1
	done &&
	migctl -i 0 assert -c all-1g >/dev/null && test "$(gi_ids 0 | wc -w)" -eq 7
'
test_expect_success 'export round-trips: apply of the export does nothing, assert holds' '
	migctl -i 0 apply -f "$L" -c split-3g >/dev/null &&
	migctl -i 0 export >e.yaml && test_grep "compute-instances" e.yaml &&
	n=$(mutations) && migctl -i 0 apply -f e.yaml >out && test_grep "nothing to do" out &&
	test "$(mutations)" -eq "$n" && migctl -i 0 assert -f e.yaml >/dev/null &&
	migctl -i 0 export -c mine --pinned >p.yaml && test_grep "mine:" p.yaml &&
	test_grep "3g.40gb@4" p.yaml
'
test_expect_success 'assert shows a diff and exits 1; apply of a pinned export restores placements' '
	migctl -i 0 apply -f "$L" -c pinned-3g >/dev/null &&
	test_must_fail 1 migctl -i 0 assert -f p.yaml -c mine >out &&
	test_grep "differs from config .mine." out && test_grep "^  - GI [0-9]* (1g.10gb at" out &&
	test_grep "^  + 3g.40gb at 0 with CI 2c.3g.40gb, 1c.3g.40gb" out &&
	test_must_fail 1 migctl -i 0 assert -f p.yaml -c mine --json >out &&
	python3 -m json.tool out >/dev/null && test_grep "\"matches\": false" out &&
	migctl -i 0 apply -f p.yaml -c mine >/dev/null && migctl -i 0 assert -f p.yaml -c mine &&
	migctl -i 0 export -c mine --pinned >p2.yaml && test_cmp p.yaml p2.yaml
'
test_expect_success 'named configs work on Hopper, which switches MIG mode at once' '
	migctl -i 1 apply -c all-3g >out && test_grep "enable MIG mode" out &&
	migctl -i 1 assert -c all-3g && migctl -i 1 apply -c all-balanced >out &&
	test_grep "keep 1, destroy 1, create 3" out && migctl -i 1 assert -c all-balanced
'
test_expect_success 'a busy instance that must go is refused with its pid (exit 6), unchanged' '
	sleep 60 & pid=$! &&
	gi=$(gi_ids 1 | tr " " "\n" | grep 3g.40gb | cut -d: -f1) &&
	migctl -i 1 sim attach "$gi:0" --pid $pid && migctl sim show >before &&
	test_must_fail 6 migctl -i 1 apply -c all-7g 2>err; rc=$?;
	test_must_fail 6 migctl -i 1 apply -c all-7g --dry-run 2>err2; rc2=$?;
	migctl sim show >after; kill $pid; wait $pid;
	test $rc -eq 0 && test $rc2 -eq 0 && test_grep "runs pid $pid" err &&
	test_grep "use --force" err && same_gpus before after
'
test_expect_success 'a busy instance the layout can keep is kept' '
	sleep 60 & pid=$! &&
	gi=$(gi_ids 1 | tr " " "\n" | grep 3g.40gb | cut -d: -f1) &&
	migctl -i 1 sim attach "$gi:0" --pid $pid &&
	migctl -i 1 apply -f "$L" -c pinned-3g >out; rc=$?;
	ids=$(gi_ids 1); kill $pid; wait $pid;
	test $rc -eq 0 && test_grep "keep GI $gi (3g.40gb at 4), in use" out &&
	echo "$ids" | grep -q "$gi:3g.40gb@4"
'
test_expect_success '--force on a busy instance: the driver refuses, apply rolls back (exit 5)' '
	sleep 60 & pid=$! &&
	gi=$(gi_ids 1 | tr " " "\n" | grep 3g.40gb | cut -d: -f1) &&
	migctl -i 1 sim attach "$gi:0" --pid $pid && migctl -i 1 export --pinned >pre.yaml &&
	test_must_fail 5 migctl -i 1 apply -c all-7g --force >out 2>err; rc=$?;
	kill $pid; wait $pid; test $rc -eq 0 && test_grep "running 1 process" out &&
	test_grep "rolled back to the previous layout" err &&
	migctl -i 1 assert -f pre.yaml && test ! -e "$MIGSIM_STATE.d/gpu1.journal"
'
test_expect_success 'a held lock makes apply wait, then give up clearly (exit 6)' '
	lock="$MIGSIM_STATE.d/gpu1.lock" && flock -o "$lock" sleep 10 & holder=$! &&
	while flock -n "$MIGSIM_STATE.d/gpu1.lock" true; do sleep 0.05; done &&
	n=$(mutations) &&
	test_must_fail 6 migctl -i 1 apply -c all-7g --lock-timeout 0.3 2>err; rc=$?;
	test_must_fail 6 migctl -i 1 recover --lock-timeout 0 2>err2; rc2=$?;
	kill $holder; wait $holder; test $rc -eq 0 && test $rc2 -eq 0 &&
	test_grep "GPU 1 is locked by another migctl changing it: gave up after 300 ms" err &&
	test_grep "lock-timeout" err && test "$(mutations)" -eq "$n"
'
test_expect_success 'recover with nothing to recover says so' '
	migctl recover >out && test_grep "GPU 0: no interrupted apply" out &&
	test_grep "GPU 1: no interrupted apply" out &&
	migctl recover --json >out && test_grep "\"outcome\": \"nothing\"" out
'
test_expect_success 'a corrupt journal stops apply and recover (exit 7), naming it' '
	echo garbage >"$MIGSIM_STATE.d/gpu1.journal" &&
	test_must_fail 7 migctl -i 1 apply -c all-7g 2>err && test_grep "gpu1.journal" err &&
	test_must_fail 7 migctl -i 1 recover 2>err && test_grep "is corrupt" err &&
	migctl -i 1 apply -c all-7g --dry-run >out 2>err &&
	test_grep "left a journal; apply will recover it first" err &&
	rm "$MIGSIM_STATE.d/gpu1.journal"
'
test_expect_success 'apply --json reports the plan and its outcome' '
	migctl -i 1 apply -c all-7g --json >out && python3 -m json.tool out >/dev/null &&
	test_grep "\"outcome\": \"done\"" out && test_grep "\"op\": \"create-gi\"" out
'
test_expect_success 'disabling MIG: Hopper at once, Ampere after a reset' '
	migctl -i 1 apply -f "$L" -c disabled >out && test_grep "disable MIG mode" out &&
	migctl -i 1 assert -f "$L" -c disabled &&
	test_must_fail 1 migctl -i 0 apply -c all-disabled 2>err && test_grep "GPU reset" err &&
	migctl sim reset -i 0 >/dev/null && migctl -i 0 assert -c all-disabled
'
test_done
