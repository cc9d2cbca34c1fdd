#!/usr/bin/env bash
# The README's test command: installs what is missing, builds every flavor with
# -Werror, runs the whole suite, then runs it again under AddressSanitizer and
# UndefinedBehaviorSanitizer (halt_on_error=1). Ends with "N passed, N failed".
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
python3 tools/test_summary.py build-test build-asan
s=$?
[ $rc -ne 0 ] && exit 1
exit $s
