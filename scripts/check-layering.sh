#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# DESIGN.md's one-way data flow, checked rather than hoped for: src/ never includes cli/ or
# sim/, pure modules never reach NVML, only src/nvml calls dlsym, and library code never prints.
set -u
cd "$(dirname "$0")/.."
fail=0

report() {
	echo "layering: $1"
	echo "$2" | sed 's/^/  /'
	fail=1
}

v=$(grep -rnE '#include\s*[<"](\.\./)*(sim|cli)/' src include 2>/dev/null)
[ -n "$v" ] && report "src/ and include/ must not include sim/ or cli/" "$v"
v=$(grep -rnE '#include\s*[<"].*(nvml|device|reconcile|plan|emit|config)' src/catalog src/geometry 2>/dev/null)
[ -n "$v" ] && report "catalog and geometry are pure: no NVML, device or higher module" "$v"
v=$(grep -rln 'dlsym\s*(' src cli 2>/dev/null | grep -v '^src/nvml/')
[ -n "$v" ] && report "dlsym outside src/nvml/" "$v"
v=$(grep -rnE '(\b(printf|puts|exit|abort)\s*\(|fprintf\s*\(\s*std(err|out))' src 2>/dev/null)
[ -n "$v" ] && report "library code must not print or exit" "$v"
exit $fail
