#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# The simulator as any NVML client sees it: the README example program (linked with
# -lnvidia-ml) and a Python ctypes client, found through LD_LIBRARY_PATH.
. "$(dirname "$0")/test-lib.sh"

: "${MIGCTL_BUILD_DIR:?MIGCTL_BUILD_DIR must be set (ctest sets it)}"
SIMDIR="$MIGCTL_BUILD_DIR/sim"
EXAMPLE="$SIMDIR/migsim_example"

client() {
	LD_LIBRARY_PATH="$SIMDIR" MIGSIM_STATE="$TRASH/gpus.json" "$@"
}

test_expect_success 'the library is there under both names' '
	test -f "$SIMDIR/libnvidia-ml.so.1" && test -L "$SIMDIR/libnvidia-ml.so"
'
test_expect_success 'example creates the GPUs, enables MIG on a Hopper GPU and makes a 3g' '
	MIGSIM_GPUS=h100-80gb,a100-80gb client "$EXAMPLE" >out &&
	test_grep "^2 GPU(s); GPU 0 is NVIDIA H100 80GB HBM3, MIG mode 0" out &&
	test_grep "enabling MIG: Success, mode now 1" out &&
	test_grep "created a 3g GPU instance (profile id 9, 40448 MiB)" out &&
	test_grep "MIG device 0: NVIDIA H100 80GB HBM3 MIG 3g.40gb (MIG-" out &&
	test -f gpus.json
'
test_expect_success 'a second run sees the first one'"'"'s instance and adds the other 3g' '
	client "$EXAMPLE" >out &&
	test_grep "MIG mode 1 (pending 1)" out && test_grep "MIG device 1:" out
'
test_expect_success 'a third run finds no room' '
	client "$EXAMPLE" >out && test_grep "no room left for a 3g instance" out
'
test_expect_success 'on an A100 the mode stays pending until a reset' '
	MIGSIM_GPUS=a100-80gb LD_LIBRARY_PATH="$SIMDIR" MIGSIM_STATE="$TRASH/a100.json" \
		"$EXAMPLE" >out &&
	test_grep "enabling MIG: GPU requires restart, mode now 0 (pending 1)" out
'
test_expect_success 'no state file and no MIGSIM_GPUS: init fails naming the file' '
	! LD_LIBRARY_PATH="$SIMDIR" MIGSIM_STATE="$TRASH/none.json" "$EXAMPLE" >out 2>err &&
	test_grep "migsim: state file .*none.json. does not exist" err &&
	test_grep "nvmlInit_v2(): Driver Not Loaded" err
'
test_expect_success 'a corrupt state file: init fails naming the file and the problem' '
	echo "{ \"migsim\": 1, " >bad.json &&
	! LD_LIBRARY_PATH="$SIMDIR" MIGSIM_STATE="$TRASH/bad.json" "$EXAMPLE" >out 2>err &&
	test_grep "state file .*bad.json. is corrupt: line" err &&
	test_grep "Unknown Error" err
'

# Python's ctypes cannot load a library built with AddressSanitizer (the runtime must come
# first), so the Python client runs only against a plain build.
sanitized() {
	readelf -d "$SIMDIR/libnvidia-ml.so.1" | grep -q asan ||
		nm -D --undefined-only "$SIMDIR/libnvidia-ml.so.1" | grep -q __asan
}
if command -v python3 >/dev/null 2>&1 && ! sanitized; then
	test_expect_success 'a Python ctypes client lists GPUs and MIG devices' '
		cat >client.py <<-\PY &&
		import ctypes
		nvml = ctypes.CDLL("libnvidia-ml.so.1")
		nvml.nvmlErrorString.restype = ctypes.c_char_p
		assert nvml.nvmlInitWithFlags(0) == 0
		count = ctypes.c_uint()
		assert nvml.nvmlDeviceGetCount_v2(ctypes.byref(count)) == 0
		for i in range(count.value):
		    dev = ctypes.c_void_p()
		    assert nvml.nvmlDeviceGetHandleByIndex_v2(i, ctypes.byref(dev)) == 0
		    name = ctypes.create_string_buffer(96)
		    nvml.nvmlDeviceGetName(dev, name, 96)
		    cur, pend = ctypes.c_uint(), ctypes.c_uint()
		    nvml.nvmlDeviceGetMigMode(dev, ctypes.byref(cur), ctypes.byref(pend))
		    print(i, name.value.decode(), "MIG", cur.value)
		print(nvml.nvmlErrorString(23).decode())
		nvml.nvmlShutdown()
		PY
		client python3 client.py >out &&
		test_grep "^0 NVIDIA H100 80GB HBM3 MIG 1$" out &&
		test_grep "^1 NVIDIA A100-SXM4-80GB MIG 0$" out &&
		test_grep "^Insufficient Resources$" out
	'
fi

test_done
