#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Set everything up and run every test twice: gcc and clang, both with AddressSanitizer and
# UndefinedBehaviorSanitizer and warnings as errors. Build folders: build/gcc-asan, build/clang-asan.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/check-layering.sh

jobs=$(nproc 2>/dev/null || echo 2)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

for cc in gcc clang; do
	dir=build/$cc-asan
	echo "== $cc, AddressSanitizer + UndefinedBehaviorSanitizer =="
	cmake -S . -B "$dir" -DCMAKE_C_COMPILER=$cc -DCMAKE_BUILD_TYPE=Debug \
		-DMIGCTL_SANITIZE=address,undefined -DMIGCTL_WERROR=ON >/dev/null
	cmake --build "$dir" -j"$jobs"
	ctest --test-dir "$dir" --output-on-failure -j"$jobs"
done
