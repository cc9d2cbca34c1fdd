# Sourced by the build-system tests: `meson install` of BUILD into a temporary
# DESTDIR and the paths of the staged prefix.
#   in:  build (the build folder)
#   out: tmp (removed on exit), root (the staged prefix), libdir (root-relative
#        libdir of the staged tree, absolute), fail()
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/dest" >/dev/null ||
  fail "meson install"
_opt() {
  meson introspect "$build" --buildoptions |
    python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"]==sys.argv[1]))' "$1"
}
prefix=$(_opt prefix)
libdir=$(_opt libdir)
case $libdir in /*) ;; *) libdir=$prefix/$libdir ;; esac
root=$tmp/dest$prefix
libdir=$tmp/dest$libdir
