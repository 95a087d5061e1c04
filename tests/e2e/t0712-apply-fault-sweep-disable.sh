#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Fault and kill sweep of apply: an H100 holding two 3g turns MIG off (destroys, then the
# mode change).
# At every step: an NVML failure once, an NVML failure that lasts, and kill -9; after apply or
# recover the GPU holds the old layout or the new one, never anything else, and no busy
# instance is destroyed. The sweep itself is tests/fixtures/reconcile/sweep.py.
. "$(dirname "$0")/test-lib.sh"

# the sweep runs a thousand commands: on tmpfs, the journal's fsyncs cost nothing
SHM=$(mktemp -d /dev/shm/migctl-sweep.XXXXXX 2>/dev/null) || SHM=$TRASH
trap 'rm -rf "$TRASH" "$SHM"' EXIT
export MIGSIM_STATE="$SHM/sim.json"
export MIGCTL_SIM=x
export MIGCTL

test_expect_success 'every step: fault once, fault for good, kill -9; ends in A or B' '
	python3 "$FIXTURES/reconcile/sweep.py" h100-80gb "-c all-3g" "-c all-disabled" >out 2>err; rc=$?;
	cat out err; test $rc -eq 0 && test_grep "steps; once" out
'
test_done
