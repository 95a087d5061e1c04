#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Set everything up, build migctl, and run its main job: partition a GPU.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DMIGCTL_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
m=build/release/migctl

run() {
	echo
	echo "\$ migctl $*"
	"$m" "$@" || true
}

run gpus
run profiles --gpu a100-80gb
run layouts --gpu a100-80gb --count
run layouts --gpu a100-80gb --profiles 19,19,14,9
run check --gpu a100-80gb 3g.40gb@0 4g.40gb
