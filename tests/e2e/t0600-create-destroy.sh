#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# mode, create and destroy against the simulator: every flag and error path, and that a
# refused or failed command leaves the GPU exactly as it was.
. "$(dirname "$0")/test-lib.sh"

export MIGSIM_STATE="$TRASH/sim.json"
export MIGCTL_SIM=x
gi_of() { # PROFILE: the id of the first GI of that profile on GPU 0
	migctl -i 0 status --json | python3 -c "import json,sys; print([g[\"id\"] for g in json.load(sys.stdin)[0][\"gpu_instances\"] if g[\"profile\"]==\"$1\"][0])"
}

test_expect_success 'set up two H100s (Hopper: MIG switches at once)' '
	migctl sim init 2xh100-80gb >/dev/null && migctl mode on >out &&
	test_grep "GPU 0: MIG enabled" out && test_grep "GPU 1: MIG enabled" out
'
test_expect_success 'mode: bad word, exit 2' '
	test_must_fail 2 migctl mode maybe 2>err && test_grep "mode must be .on. or .off." err
'
test_expect_success 'mode --json' '
	migctl -i 1 mode on --json >out && test_grep "\"reset_needed\": false" out
'
test_expect_success 'create with two GPUs and no -i is refused, exit 2' '
	test_must_fail 2 migctl create 1g.10gb 2>err && test_grep "choose with -i" err
'
test_expect_success 'create: unknown profile and malformed spec, exit 2' '
	test_must_fail 2 migctl -i 0 create 5g.40gb 2>err && test_grep "5g.40gb" err &&
	test_must_fail 2 migctl -i 0 create "3g.40gb@x" 2>err && test_grep "3g.40gb@x" err
'
test_expect_success 'create --no-ci makes GPU instances without MIG devices' '
	migctl -i 0 create --no-ci 4g.40gb >out && test_grep "(no compute instance)" out &&
	migctl -i 0 devices --uuids >u && test_line_count 0 u
'
test_expect_success 'create a compute instance in that GI with --gi' '
	gi=$(gi_of 4g.40gb) && migctl -i 0 create --gi "$gi" 4g.40gb >out &&
	test_grep "created CI 0 (4g.40gb) in GI $gi" out
'
test_expect_success 'create --gi errors: no such GI, unknown CI profile, exit 2' '
	test_must_fail 2 migctl -i 0 create --gi 13 1c.4g.40gb 2>err && test_grep "no GPU instance 13" err &&
	gi=$(gi_of 4g.40gb) && test_must_fail 2 migctl -i 0 create --gi "$gi" 9c.4g.40gb 2>err &&
	test_grep "9c.4g.40gb" err
'
test_expect_success 'a pinned placement taken by an existing GI: explained, exit 4, unchanged' '
	migctl sim show >before &&
	test_must_fail 4 migctl -i 0 create 3g.40gb@0 2>err &&
	test_grep "4g.40gb" err && migctl sim show >after &&
	python3 -c "import json,sys; a=json.load(open(\"before\")); b=json.load(open(\"after\")); a.pop(\"calls\",None); b.pop(\"calls\",None); sys.exit(a[\"gpus\"]!=b[\"gpus\"])"
'
test_expect_success 'the request is placed around what exists' '
	migctl -i 0 create 2g.20gb 1g.10gb >out && test_line_count 2 out
'
test_expect_success 'an NVML failure part-way is rolled back: exit 5, GPU unchanged' '
	migctl -i 1 status --json >before &&
	n=$(migctl sim calls nvmlDeviceCreateGpuInstanceWithPlacement) &&
	migctl sim fault "nvmlDeviceCreateGpuInstanceWithPlacement:$((n + 3)):UNKNOWN" &&
	test_must_fail 5 migctl -i 1 create 3g.40gb 2g.20gb 1g.10gb 1g.10gb 2>err &&
	test_grep "nvmlDeviceCreateGpuInstanceWithPlacement on GPU 1 failed" err &&
	test_grep "were destroyed again; nothing changed" err &&
	migctl sim fault clear && migctl -i 1 status --json >after && test_cmp before after
'
test_expect_success 'destroy: bad targets, exit 2' '
	test_must_fail 2 migctl -i 0 destroy frob 2>err && test_grep "bad target .frob." err &&
	test_must_fail 2 migctl -i 0 destroy 1:9 2>err && test_grep "bad target" err &&
	test_must_fail 2 migctl -i 0 destroy 14 2>err && test_grep "no GPU instance 14" err
'
test_expect_success 'destroy a busy instance is refused with its pid, exit 6, unchanged' '
	sleep 60 & pid=$! && gi=$(gi_of 2g.20gb) &&
	migctl -i 0 sim attach "$gi:0" --pid $pid &&
	migctl -i 0 status --json >before &&
	test_must_fail 6 migctl -i 0 destroy all 2>err; rc=$?;
	migctl -i 0 status --json >after; kill $pid; wait $pid 2>/dev/null;
	test $rc -eq 0 && test_grep "runs pid $pid" err && test_grep "use --force" err &&
	test_cmp before after
'
test_expect_success 'destroy one compute instance with GI:CI, then its GI' '
	gi=$(gi_of 4g.40gb) && migctl -i 0 destroy "$gi:0" >out &&
	test_grep "destroyed 0 GPU instances, 1 compute instance" out &&
	migctl -i 0 destroy "$gi" >out && test_grep "destroyed 1 GPU instance, 0 compute" out
'
test_expect_success 'mode off with instances is refused, exit 6' '
	test_must_fail 6 migctl -i 0 mode off 2>err && test_grep "GPU instances exist" err
'
test_expect_success 'mode off --force clears idle instances, then turns MIG off' '
	migctl -i 0 mode off --force >out && test_grep "destroyed 2 idle GPU instances" out &&
	test_grep "GPU 0: MIG disabled" out
'
test_expect_success 'destroy with MIG off: nothing to destroy, exit 5' '
	test_must_fail 5 migctl -i 0 destroy all 2>err && test_grep "MIG is not enabled" err
'
test_done
