#!/usr/bin/env bash
# `meson install` to a temporary prefix, then build programs against each
# installed flavor from outside the source tree, as a user would:
#   cc prog.c $(pkg-config --cflags --libs xparray-<flavor>)
# and run them: the quickstart, the ported program (examples/polyfit.c, when it is
# built) and a run-time choice check (xp_namespace_by_name on every other flavor).
#
#   test_install.sh BUILD_DIR SOURCE_DIR CC FLAVOR...
set -euo pipefail
build=$1 src=$2 cc=$3
shift 3
flavors=("$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/dest" >/dev/null ||
  fail "meson install"
prefix=$(meson introspect "$build" --buildoptions |
  python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"))')
libdir=$(meson introspect "$build" --buildoptions |
  python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]=="libdir"))')
case $libdir in /*) ;; *) libdir=$prefix/$libdir ;; esac
root=$tmp/dest
[ -f "$root$prefix/include/xparray.h" ] || fail "no include/xparray.h"
[ -f "$root$prefix/include/xparray/namespace.h" ] || fail "no include/xparray/namespace.h"
export PKG_CONFIG_PATH=$root$libdir/pkgconfig
export PKG_CONFIG_SYSROOT_DIR=
# the .pc files name the real prefix; a staged install is found by redefining it
pc() { pkg-config --define-variable=prefix="$root$prefix" "$@"; }

mkdir -p "$tmp/user" && cd "$tmp/user"   # outside the source tree
cp "$src/examples/quickstart.c" .
[ -f "$build/examples/polyfit-${flavors[0]}" ] && cp "$src/examples/polyfit.c" .
cat > by_name.c <<'EOF'
#include <stdio.h>
#include <string.h>
#include <xparray.h>
int main(int argc, char **argv) {
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        xp_status st;
        const xp_namespace *ns = xp_namespace_by_name(argv[i], &st);
        if (!ns || strcmp(ns->info_flavor(), argv[i]) != 0) {
            printf("%s: cannot load %s (%s)\n", xp_info_flavor(), argv[i], xp_status_name(st));
            bad = 1;
        }
    }
    return bad;
}
EOF
for f in "${flavors[@]}"; do
  [ -e "$root$libdir/xparray/$f/libxparray.so.0" ] || fail "$f: no $libdir/xparray/$f/libxparray.so.0"
  [ -e "$root$libdir/libxparray-$f.so.0" ] || fail "$f: no $libdir/libxparray-$f.so.0 link"
  flags=$(pc --cflags --libs "xparray-$f") || fail "$f: pkg-config xparray-$f"
  case "$flags" in *"-I$root$prefix/include"*) ;; *) fail "$f: Cflags lack the include dir: $flags" ;; esac
  case "$flags" in *"-L$root$libdir/xparray/$f"*"-lxparray"*) ;; *) fail "$f: Libs wrong: $flags" ;; esac
  # shellcheck disable=SC2086
  $cc -std=c11 quickstart.c $flags -o "quickstart-$f" || fail "$f: cannot build quickstart"
  out=$(env -u LD_LIBRARY_PATH "./quickstart-$f") || fail "$f: quickstart exits $?"
  case "$out" in "flavor $f:"*) ;; *) fail "$f: quickstart ran another flavor: $out" ;; esac
  # shellcheck disable=SC2086
  $cc -std=c11 by_name.c $flags -o "by_name-$f" || fail "$f: cannot build by_name"
  env -u LD_LIBRARY_PATH "./by_name-$f" "${flavors[@]}" || fail "$f: run-time choice from the installed tree"
  if [ -f polyfit.c ]; then
    # shellcheck disable=SC2086
    $cc -std=c11 polyfit.c $flags -o "polyfit-$f" || fail "$f: cannot build polyfit"
    out=$(printf '0 1\n1 3\n2 5\n3 7\n' | env -u LD_LIBRARY_PATH "./polyfit-$f" 1) ||
      fail "$f: polyfit exits $?"
    case "$out" in "flavor $f"*) ;; *) fail "$f: polyfit ran another flavor: $out" ;; esac
  fi
  echo "$f: installed, built with pkg-config xparray-$f outside the tree, runs"
done
echo "install: ${#flavors[@]} flavors ok"
