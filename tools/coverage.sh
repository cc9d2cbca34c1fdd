#!/usr/bin/env bash
# Line and branch coverage of src/ by the test run of a build configured with
# -Db_coverage=true (tools/test.sh's build-asan is): one line per folder of src/
# (the core and every adapter), then the totals, from gcovr.
#
#   tools/coverage.sh BUILD_DIR [MIN_BRANCH_PERCENT]
#
# With MIN_BRANCH_PERCENT the script fails when branch coverage is below it.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: tools/coverage.sh BUILD_DIR [MIN_BRANCH_PERCENT]}
min=${2:-}
json=$(mktemp)
# gcc's own exception/throw branches are not ours to cover
gcovr -r . --object-directory "$build" --filter 'src/' --exclude-throw-branches \
      --exclude-unreachable-branches --json-summary "$json" -j 2 >/dev/null 2>&1 || {
  echo "coverage: gcovr failed on $build"; rm -f "$json"; exit 1; }
python3 - "$json" "$min" <<'PY'
import collections, json, sys
data = json.load(open(sys.argv[1]))
folders = collections.defaultdict(lambda: [0, 0, 0, 0])
for f in data["files"]:
    parts = f["filename"].split("/")
    key = "/".join(parts[:3]) if parts[1] == "adapters" else "/".join(parts[:2])
    v = folders[key]
    v[0] += f["line_covered"]; v[1] += f["line_total"]
    v[2] += f["branch_covered"]; v[3] += f["branch_total"]
pct = lambda a, b: 100.0 * a / b if b else 100.0
for k in sorted(folders):
    lc, lt, bc, bt = folders[k]
    print(f"coverage: {k:28s} lines {pct(lc, lt):5.1f}%  branches {pct(bc, bt):5.1f}%")
lp, bp = data["line_percent"], data["branch_percent"]
print(f"coverage: src/ total                  lines {lp:5.1f}%  branches {bp:5.1f}%")
if sys.argv[2]:
    sys.exit(0 if bp >= float(sys.argv[2]) else 1)
PY
st=$?
rm -f "$json"
exit $st
