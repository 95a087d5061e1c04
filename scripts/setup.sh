#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Install what migctl needs to build and test on Debian 12 (or Ubuntu): compilers, CMake and
# the libraries of DESIGN.md. Safe to run again; installs only what is missing.
set -euo pipefail

# Optional, for tests/e2e/t0930-emit-k8s-schema.sh (skipped without it): npm's kubernetes-models,
# whose validators are generated from the Kubernetes OpenAPI schema, and js-yaml to read YAML.
k8s_modules=${MIGCTL_NODE_MODULES:-${XDG_CACHE_HOME:-$HOME/.cache}/migctl/node_modules}
if command -v npm >/dev/null 2>&1 && [ ! -d "$k8s_modules/kubernetes-models" ]; then
	mkdir -p "$(dirname "$k8s_modules")"
	npm install --prefix "$(dirname "$k8s_modules")" --no-audit --no-fund --silent \
		--fetch-retries=1 --fetch-timeout=30000 kubernetes-models@4.5.1 js-yaml@4.1.0 \
		>/dev/null 2>&1 || echo "setup: kubernetes-models not installed (its test is skipped)"
fi

packages=(build-essential gcc clang cmake pkg-config libcmocka-dev libjansson-dev libyaml-dev
	coinor-libcbc-dev binutils)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
	sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
