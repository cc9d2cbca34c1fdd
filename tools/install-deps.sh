#!/usr/bin/env bash
# Installs the Debian packages xparray needs, when missing (apt-get; sudo when not root).
set -euo pipefail
pkgs=(meson ninja-build pkg-config gcc g++ python3 libgtest-dev libgmock-dev
      libopenblas-dev liblapacke-dev libfftw3-dev libgsl-dev python3-numpy libsleef-dev
      clang-14 libclang-rt-14-dev abigail-tools gcovr doxygen man-db cmake)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
