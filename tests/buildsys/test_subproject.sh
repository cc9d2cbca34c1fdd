#!/usr/bin/env bash
# xparray used as a meson subproject: a project outside the tree with the source
# tree linked at subprojects/xparray finds the flavor with
# dependency('xparray-<flavor>') (meson.override_dependency) and with the
# subproject's xparray_dep variable, builds the quickstart both ways and runs it.
#
#   test_subproject.sh WORK_DIR SOURCE_DIR FLAVOR
# WORK_DIR is a scratch folder (under the build folder, so ccache can reuse
# objects); it is emptied first.
set -euo pipefail
work=$1 src=$2 flavor=$3
fail() { echo "FAIL: $*"; exit 1; }
rm -rf "$work"
mkdir -p "$work/user/subprojects"
cd "$work/user"
ln -s "$(cd "$src" && pwd)" subprojects/xparray
cp "$src/examples/quickstart.c" .
cat > meson.build <<EOT
project('xparray_user', 'c', default_options : ['c_std=c11'])
xparray = subproject('xparray',
  default_options : ['flavors=$flavor', 'docs=disabled', 'werror=false'])
executable('quickstart', 'quickstart.c', dependencies : dependency('xparray-$flavor'))
executable('quickstart-var', 'quickstart.c', dependencies : xparray.get_variable('xparray_dep'))
EOT
meson setup "$work/b" >"$work/setup.log" 2>&1 || { cat "$work/setup.log"; fail "meson setup"; }
meson compile -C "$work/b" >"$work/compile.log" 2>&1 || { cat "$work/compile.log"; fail "meson compile"; }
for exe in quickstart quickstart-var; do
  out=$(env -u LD_LIBRARY_PATH "$work/b/$exe") || fail "$exe exits $?"
  case "$out" in "flavor $flavor:"*) ;; *) fail "$exe ran another flavor: $out" ;; esac
  echo "$exe: xparray-$flavor as a meson subproject, runs"
done
rm -rf "$work"
echo "subproject: ok"
