#!/bin/sh
# Builds the libFuzzer targets of tests/fuzz/ (meson, clang, -Dfuzz=true, ASan +
# UBSan, reference flavor) and runs each for N seconds (default 60) on a copy of
# its seed corpus. The target list lives in tests/fuzz/meson.build.
#
#   tools/fuzz.sh [SECONDS] [TARGET...]      e.g. tools/fuzz.sh 300 index_keys
#
# Crashes are left as build-fuzz/tests/fuzz/work/<target>/crash-*: fix the bug,
# then copy the reproducer into tests/fuzz/corpus/<target>/ (the suite replays it).
set -eu
cd "$(dirname "$0")/.."
secs=${1:-60}
[ $# -gt 0 ] && shift
dir=build-fuzz
opts="-Dfuzz=true -Dfuzz_seconds=$secs -Dtests=false -Dflavors=reference -Dbuildtype=debug
      -Db_sanitize=address,undefined -Db_lundef=false"
if [ -d "$dir" ]; then
    # shellcheck disable=SC2086
    meson setup --reconfigure "$dir" $opts >/dev/null
else
    # shellcheck disable=SC2086
    CC=${CC_FUZZ:-clang-14} CXX=${CXX_FUZZ:-clang++-14} meson setup "$dir" $opts >/dev/null
fi
meson compile -C "$dir" >/dev/null
if [ $# -eq 0 ]; then
    meson test -C "$dir" --suite fuzz-run --num-processes 1 --print-errorlogs
else
    for t in "$@"; do meson test -C "$dir" "fuzz-run-$t" --print-errorlogs; done
fi
grep -h '^fuzz:' "$dir"/meson-logs/testlog.txt || true
