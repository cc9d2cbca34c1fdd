#!/usr/bin/env bash
# The README's main job: install what is missing, build every flavor, run the
# conformance suite on each, print the support summary, run the example on each.
set -uo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh || exit 1
if [ -d build ]; then meson setup --reconfigure build >/dev/null; else meson setup build >/dev/null; fi || exit 1
meson compile -C build || exit 1
meson test -C build --suite conformance --num-processes "$(nproc 2>/dev/null || echo 2)" >/dev/null
python3 tools/support_summary.py build
for ex in build/examples/quickstart-*; do
  [ -x "$ex" ] || continue
  echo "== ${ex##*/}"
  "$ex" || exit 1
done
