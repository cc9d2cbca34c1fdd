#!/usr/bin/env bash
# The README's main job: install what is missing, build every flavor, run the
# conformance audit on each, print the support matrix (and write it to the
# README, build/report/support.{md,json,html}), then run the ported program
# (examples/polyfit.c: numpy.polyfit with residual statistics) on each flavor,
# and build the API reference (Doxygen HTML and man pages).
set -uo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh || exit 1
if [ -d build ]; then meson setup --reconfigure build -Ddocs=enabled >/dev/null
else meson setup build -Ddocs=enabled >/dev/null; fi || exit 1
meson compile -C build || exit 1
echo "== conformance audit: every flavor"
meson test -C build --suite conformance --num-processes "$(nproc 2>/dev/null || echo 2)" >/dev/null
python3 tools/test_summary.py build >/dev/null || true
python3 tools/report/report.py --build build --readme README.md || exit 1
echo "(also in build/report/support.json and build/report/support.html)"
for ex in build/examples/quickstart-*; do
  [ -f "$ex" ] && [ -x "$ex" ] || continue
  echo "== ${ex##*/}"
  "$ex" || exit 1
done
shopt -s nullglob
fits=()
for ex in build/examples/polyfit-*; do [ -f "$ex" ] && [ -x "$ex" ] && fits+=("$ex"); done
if [ ${#fits[@]} -gt 0 ]; then
  echo "== the ported program (examples/polyfit.c) on every flavor, checked against exact least squares"
  python3 tests/flavors/test_polyfit.py "${fits[@]}" || exit 1
else
  echo "== the ported program is not built yet (it needs the elementwise, statistics and linalg sections)"
fi
echo "== API reference (Doxygen): build/docs/html/index.html; man pages: MANPATH=build/docs/man man 3 xp_add"
echo "   (meson install puts them in <prefix>/share/doc/xparray/html and <prefix>/share/man/man3)"
