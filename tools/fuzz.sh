#!/bin/sh
# Builds the libFuzzer targets of tests/fuzz/ with clang and runs each for N
# seconds (default 60) on a copy of its seed corpus.
#
#   tools/fuzz.sh [SECONDS] [TARGET...]      TARGET: npy_header dlpack_import
#
# Crashes are left as build-fuzz/<target>/crash-*: fix the bug, then copy the
# reproducer into tests/fuzz/corpus/<target>/ (the test suite replays it).
set -eu
cd "$(dirname "$0")/.."
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-"npy_header dlpack_import"}
cc=${CC_FUZZ:-clang-14}
out=build-fuzz
mkdir -p "$out"
flags="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -std=c11 -D_GNU_SOURCE"
srcs="src/namespace/*.c src/adapters/reference/reference.c src/flavors/reference.c"
for t in $targets; do
    echo "== $t: building"
    # shellcheck disable=SC2086
    $cc $flags -DXPARRAY_BUILDING -Iinclude -Isrc/namespace -o "$out/fuzz_$t" \
        tests/fuzz/fuzz_$t.c $srcs -lm -lpthread
    mkdir -p "$out/$t/corpus"
    cp tests/fuzz/corpus/$t/* "$out/$t/corpus/"
    echo "== $t: fuzzing for $secs s"
    (cd "$out/$t" && UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "../fuzz_$t" -max_total_time="$secs" -rss_limit_mb=2048 -malloc_limit_mb=512 \
        -print_final_stats=1 corpus)
done
