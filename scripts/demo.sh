#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Set everything up, build migctl and its NVML simulator, and run migctl's main job on a
# simulated A100-80GB: the MIG guide's workflow, then the offline planning commands.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
# warnings are errors in the test builds; a user's build should not fail on a newer compiler
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DMIGCTL_BUILD_TESTS=OFF \
	-DMIGCTL_WERROR=OFF >/dev/null
cmake --build build/release -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
m=build/release/migctl

# a private simulated GPU for this demo; the state lives in this file between commands
export MIGSIM_STATE
MIGSIM_STATE=$(mktemp -d)/demo-sim.json
export MIGCTL_SIM=a100-80gb

run() {
	echo
	echo "\$ migctl $*"
	"$m" "$@" || echo "(exit code $?)"
}

run status
run mode on
run sim reset
run create 19,19,14,9
run status
run devices
run destroy all
run create 3g.40gb 2x2g.20gb
run devices
unset MIGCTL_SIM
run layouts --gpu a100-80gb --count
run check --gpu a100-80gb 3g.40gb@0 4g.40gb
