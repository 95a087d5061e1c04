#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmark of `migctl status --json` on simulated GPUs full of instances: median wall time
# over N runs and the NVML calls one run makes, against two baselines measured in the same run
# (a process start that loads nothing: `migctl --version`; the catalog only: `migctl gpus`).
#
#   bash bench/bench_status.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=${1:-build/release}
runs=${2:-31}
m="$build/migctl"
[ -x "$m" ] || { echo "bench: no migctl in $build (build it first)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export MIGSIM_STATE="$work/state.json"

fill() { # GPUS SPEC...: a state with GPUS simulated A100-80GB, each holding the SPEC layout
	local n=$1
	shift
	rm -f "$MIGSIM_STATE"
	"$m" sim init "${n}xa100-80gb" >/dev/null
	MIGCTL_SIM=x "$m" mode on >/dev/null
	"$m" sim reset >/dev/null
	for ((i = 0; i < n; i++)); do
		MIGCTL_SIM=x "$m" -i "$i" create "$@" >/dev/null
	done
}

median_ms() { # CMD...: median wall time of RUNS runs, in milliseconds
	local t=()
	for ((r = 0; r < runs; r++)); do
		local s e
		s=$(date +%s%N)
		"$@" >/dev/null 2>&1
		e=$(date +%s%N)
		t+=($(((e - s) / 1000)))
	done
	printf '%s\n' "${t[@]}" | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%.2f", $1 / 1000 }'
}

calls() { # CMD...: NVML calls made by one run (migctl -v reports them)
	"$@" -v 2>&1 >/dev/null | sed -n 's/^migctl: \([0-9]*\) NVML calls$/\1/p'
}

row() { # LABEL BASE_MS CMD...
	local label=$1 base=$2
	shift 2
	local ms c
	ms=$(median_ms "$@")
	c=$(calls "$@")
	printf '%-44s %9s %10s %9s\n' "$label" "$ms" "${c:--}" \
		"$(awk -v a="$ms" -v b="$base" 'BEGIN { printf "%.2fx", a / b }')"
}

printf '%-44s %9s %10s %9s\n' "command ($runs runs, median)" "ms" "NVML calls" "vs start"
base=$(median_ms "$m" --version)
printf '%-44s %9s %10s %9s\n' "migctl --version (process start)" "$base" "-" "1.00x"
row "migctl gpus --json (catalog, no NVML)" "$base" "$m" gpus --json
fill 1 7x1g.10gb
MIGCTL_SIM=x row "status --json: 1 GPU, 7 GIs / 7 MIG devices" "$base" "$m" status --json
fill 8 7x1g.10gb
MIGCTL_SIM=x row "status --json: 8 GPUs, 56 GIs / 56 devices" "$base" "$m" status --json
fill 8 3g.40gb 2g.20gb 1g.10gb 1g.10gb
MIGCTL_SIM=x row "status --json: 8 GPUs, 32 GIs (mixed)" "$base" "$m" status --json
