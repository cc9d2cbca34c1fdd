#!/usr/bin/env bash
# The README's test command: installs what is missing, builds every flavor with
# -Werror, runs the whole suite, then runs it again under AddressSanitizer and
# UndefinedBehaviorSanitizer (halt_on_error=1); then fuzzes every libFuzzer
# target for a short time (clang, ASan+UBSan) and runs the concurrency stress
# test under ThreadSanitizer (clang). Ends with "N passed, N failed".
#
#   XP_FUZZ_SECONDS=N   at most N seconds per fuzz target (default 120)
#   XP_FUZZ_SEED, XP_FUZZ_RUNS   libFuzzer's seed and run count (default 1, 15000):
#                       reproducible; tools/fuzz.sh fuzzes with random seeds
set -uo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh || { echo "0 passed, 1 failed"; exit 1; }
jobs=$(nproc 2>/dev/null || echo 2)

setup() { # dir, extra meson args...
  local dir=$1; shift
  if [ -d "$dir" ]; then meson setup --reconfigure "$dir" "$@" >/dev/null
  else meson setup "$dir" "$@" >/dev/null; fi
}

rc=0
# The reference is built here (Doxygen warnings are errors under -Dwerror) and its
# installed HTML and man pages are tested; the sanitizer build skips it.
setup build-test -Dwerror=true -Dbuildtype=debugoptimized -Ddocs=enabled || rc=1
[ $rc -eq 0 ] && { meson compile -C build-test || rc=1; }
[ $rc -eq 0 ] && { meson test -C build-test --num-processes "$jobs" --print-errorlogs || rc=1; }

setup build-asan -Dwerror=true -Dbuildtype=debug -Db_sanitize=address,undefined -Ddocs=disabled || rc=1
if [ -d build-asan ]; then
  meson compile -C build-asan || rc=1
  ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C build-asan --num-processes "$jobs" --print-errorlogs \
      --timeout-multiplier 3 || rc=1
fi
# libFuzzer needs clang; so does ThreadSanitizer here (gcc's TSan build
# segfaults in the loader before main on the target_clones functions).
clang_setup() { # dir, extra meson args...
  local dir=$1; shift
  if [ -d "$dir" ]; then meson setup --reconfigure "$dir" "$@" >/dev/null
  else CC=clang-14 CXX=clang++-14 meson setup "$dir" "$@" >/dev/null; fi
}
if clang_setup build-fuzz -Ddocs=disabled -Dfuzz=true -Dfuzz_seconds="${XP_FUZZ_SECONDS:-120}" -Dtests=false \
     -Dflavors=reference -Dbuildtype=debug -Db_sanitize=address,undefined -Db_lundef=false; then
  meson compile -C build-fuzz >/dev/null || rc=1
  XP_FUZZ_SEED=${XP_FUZZ_SEED:-1} XP_FUZZ_RUNS=${XP_FUZZ_RUNS:-15000} \
    meson test -C build-fuzz --suite fuzz-run --num-processes "$jobs" --print-errorlogs >/dev/null || rc=1
  grep -h '^fuzz:' build-fuzz/meson-logs/testlog.txt
else
  rc=1
fi
if clang_setup build-tsan -Ddocs=disabled -Dtests=false -Dflavors=reference,openblas -Dbuildtype=debugoptimized \
     -Db_sanitize=thread -Db_lundef=false; then
  meson compile -C build-tsan >/dev/null || rc=1
  OPENBLAS_NUM_THREADS=1 TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
    meson test -C build-tsan --suite stress --print-errorlogs || rc=1
else
  rc=1
fi
# The robustness figures of this run (README, "How it is tested").
echo "== figures"
grep -h '^alloc-sweep:' build-test/meson-logs/testlog.txt 2>/dev/null
grep -h '^abi:' build-test/meson-logs/testlog.txt 2>/dev/null
grep -h '^fuzz:' build-fuzz/meson-logs/testlog.txt 2>/dev/null
if [ -f build-tsan/meson-logs/testlog.txt ]; then
  echo "tsan: $(grep -c 'WARNING: ThreadSanitizer' build-tsan/meson-logs/testlog.txt) races reported by the stress tests"
fi
python3 tools/test_summary.py build-test build-asan build-fuzz build-tsan
s=$?
[ $rc -ne 0 ] && exit 1
exit $s
