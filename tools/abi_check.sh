#!/usr/bin/env bash
# The ABI baseline of libxparray.so.0: abi/libxparray.abi (abidw's XML) records
# every exported function and the layout of every public type. All flavors export
# one ABI (tests/flavors/check_abi.py checks their symbol sets agree), so one
# baseline serves them all.
#
#   tools/abi_check.sh check LIB...   abidiff each LIB against the baseline; fails on
#                                     any difference (abidiff's exit code: 4 = a
#                                     change, 8/12 = an incompatible change)
#   tools/abi_check.sh update LIB     rewrite the baseline from LIB
#
# Changing the ABI is a decision: update the baseline in the same commit, and
# when abidiff calls the change incompatible (removed or changed functions or
# types), bump the soname (meson.build: soversion) too.
set -uo pipefail
libs=()
for a in "${@:2}"; do libs+=("$(readlink -f "$a")"); done
cd "$(dirname "$0")/.."
base=abi/libxparray.abi
mode=${1:-}
dump() { abidw --no-corpus-path --no-show-locs --headers-dir include "$1"; }
case "$mode" in
update)
  dump "${libs[0]}" > "$base" && echo "abi: baseline written from ${libs[0]} ($(grep -c '<elf-symbol ' "$base") symbols)";;
check)
  [ -f "$base" ] || { echo "abi: no baseline at $base"; exit 1; }
  rc=0
  for lib in "${libs[@]}"; do
    tmp=$(mktemp)
    dump "$lib" > "$tmp"
    abidiff "$base" "$tmp" > "$tmp.all"; st_all=$?
    if [ $st_all -ne 0 ]; then
      echo "abi: $lib differs from $base (abidiff exit $st_all):"
      sed -n '1,60p' "$tmp.all"
      echo "abi: if the change is intended, run tools/abi_check.sh update $lib and decide on the soname"
      rc=1
    else
      echo "abi: $lib matches the baseline"
    fi
    rm -f "$tmp" "$tmp.all"
  done
  exit $rc;;
*)
  echo "usage: $0 check LIB... | update LIB"; exit 2;;
esac
