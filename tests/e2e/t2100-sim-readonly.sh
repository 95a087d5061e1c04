#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Reading simulated GPUs writes nothing but the client's call counts, once, when it ends: a
# status, a client that exits without nvmlShutdown, and one killed with SIGKILL (whose reads
# are lost, as documented).
. "$(dirname "$0")/test-lib.sh"

: "${MIGCTL_BUILD_DIR:?MIGCTL_BUILD_DIR must be set (ctest sets it)}"
SIMDIR="$MIGCTL_BUILD_DIR/sim"
export MIGSIM_STATE="$TRASH/sim.json"
export MIGCTL_SIM=x

field() { # FILE KEY: a top-level field of a state file shown by `migctl sim show`
	python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"
}
same_gpus() { # A B: the two states hold the same GPUs
	python3 -c "import json,sys; sys.exit(json.load(open(sys.argv[1]))['gpus'] != json.load(open(sys.argv[2]))['gpus'])" "$1" "$2"
}

test_expect_success 'set up: two A100s with instances' '
	migctl sim init 2xa100-80gb >/dev/null && migctl mode on >/dev/null && migctl sim reset &&
	migctl -i 0 create 3g.40gb 2g.20gb >/dev/null && migctl -i 1 create 7g.80gb >/dev/null
'
test_expect_success 'status and devices write the state once each, for their counts' '
	migctl sim show >before &&
	migctl status --json >/dev/null && migctl devices >/dev/null &&
	migctl sim show >after &&
	test "$(field after generation)" -eq "$(($(field before generation) + 2))" &&
	same_gpus before after
'
test_expect_success 'each status adds exactly the calls it made' '
	a=$(migctl sim calls nvmlDeviceGetCount_v2) && migctl status >/dev/null &&
	migctl status >/dev/null && b=$(migctl sim calls nvmlDeviceGetCount_v2) &&
	test $((b - a)) -eq 2
'

# Python's ctypes cannot load a library built with AddressSanitizer (see t2000).
sanitized() {
	readelf -d "$SIMDIR/libnvidia-ml.so.1" | grep -q asan ||
		nm -D --undefined-only "$SIMDIR/libnvidia-ml.so.1" | grep -q __asan
}
if command -v python3 >/dev/null 2>&1 && ! sanitized; then
	cat >reader.py <<-\PY
	import ctypes, os, signal, sys
	nvml = ctypes.CDLL("libnvidia-ml.so.1")
	assert nvml.nvmlInit_v2() == 0
	n = ctypes.c_uint()
	for _ in range(5):
	    assert nvml.nvmlDeviceGetCount_v2(ctypes.byref(n)) == 0
	if sys.argv[1] == "kill":
	    os.kill(os.getpid(), signal.SIGKILL)
	sys.exit(0)
	PY
	test_expect_success 'a client that exits without nvmlShutdown is counted' '
		a=$(migctl sim calls nvmlDeviceGetCount_v2) &&
		LD_LIBRARY_PATH="$SIMDIR" python3 "$TRASH/reader.py" exit &&
		b=$(migctl sim calls nvmlDeviceGetCount_v2) && test $((b - a)) -eq 5
	'
	test_expect_success 'a client killed with SIGKILL loses its reads, and nothing else' '
		migctl sim show >before && a=$(migctl sim calls nvmlDeviceGetCount_v2) &&
		! LD_LIBRARY_PATH="$SIMDIR" python3 "$TRASH/reader.py" kill &&
		test "$(migctl sim calls nvmlDeviceGetCount_v2)" -eq "$a" &&
		migctl sim show >after && test_cmp before after
	'
fi

test_done
