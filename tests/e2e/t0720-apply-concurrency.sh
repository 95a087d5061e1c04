#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Eight applies of eight different configs to one simulated GPU at once: the lock serialises
# them, so the GPU ends holding exactly one of the configs (that of the last apply to get the
# lock), each apply either succeeds or gives up with a clear message (exit 6), and no journal
# or half-made layout is left behind.
. "$(dirname "$0")/test-lib.sh"

SHM=$(mktemp -d /dev/shm/migctl-conc.XXXXXX 2>/dev/null) || SHM=$TRASH
trap 'rm -rf "$TRASH" "$SHM"' EXIT
export MIGSIM_STATE="$SHM/sim.json"
export MIGCTL_SIM=x
CONFIGS="all-1g all-2g all-3g all-4g all-7g all-balanced all-1g.20gb all-enabled"

race() { # TIMEOUT: start the eight applies together, wait for all; out.CONFIG, rc.CONFIG
	for c in $CONFIGS; do
		(migctl apply -c "$c" --lock-timeout "$1" >"out.$c" 2>&1; echo $? >"rc.$c") &
	done
	wait
}
exactly_one_holds() { # the GPU holds one config and only one: print its name
	n=0
	for c in $CONFIGS; do
		if migctl assert -c "$c" >/dev/null; then
			n=$((n + 1)) && held=$c
		fi
	done
	test "$n" -eq 1 && echo "$held"
}
outcomes_are_clear() { # every apply succeeded or gave up on the lock (exit 6), saying so
	for c in $CONFIGS; do
		case $(cat "rc.$c") in
		0) test_grep "done: destroyed\|nothing to do" "out.$c" || return 1 ;;
		# the pid is named once the holder has written it; an apply that gives up in
		# the instant between the holder's lock and its write names no pid
		6) test_grep "GPU 0 is locked by another migctl\( (pid [0-9][0-9]*)\)\? changing it" \
			"out.$c" || return 1 ;;
		*) echo "apply -c $c exited $(cat "rc.$c"):" && cat "out.$c" && return 1 ;;
		esac
	done
}

test_expect_success 'set up an H100 with MIG on' '
	migctl sim init h100-80gb >/dev/null && migctl apply -c all-enabled >/dev/null
'
test_expect_success 'impatient applies: one or more win, the others give up clearly' '
	race 0 && outcomes_are_clear && held=$(exactly_one_holds) &&
	test "$(cat "rc.$held")" -eq 0 && test ! -e "$MIGSIM_STATE.d/gpu0.journal" &&
	echo "$(cat rc.* | grep -c "^6") of 8 gave up"
'
test_expect_success 'patient applies: all eight succeed one after another' '
	race 30 && outcomes_are_clear && test "$(cat rc.* | grep -c "^0")" -eq 8 &&
	held=$(exactly_one_holds) && test ! -e "$MIGSIM_STATE.d/gpu0.journal" &&
	migctl status --json | python3 -c "import json,sys; json.load(sys.stdin)"
'
test_done
