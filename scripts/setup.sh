#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Install what migctl needs to build and test on Debian 12 (or Ubuntu): compilers, CMake and
# the libraries of DESIGN.md. Safe to run again; installs only what is missing.
set -euo pipefail

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
