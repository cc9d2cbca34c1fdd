#!/usr/bin/env bash
# `meson install` to a temporary prefix, then a CMake project outside the tree finds
# it with find_package(xparray REQUIRED COMPONENTS <flavor>...), builds the
# quickstart against each flavor's imported target xparray::<flavor> (and
# xparray::xparray, the first component) and runs them. The programs are built
# without CMake's build-tree rpath, so they run only through the rpath that the
# package's targets carry (as pkg-config's Libs do). A component that is not
# installed must fail find_package; without COMPONENTS, xparray::xparray is the
# first flavor (FLAVOR... are in the build's order).
#
#   test_cmake.sh BUILD_DIR SOURCE_DIR CMAKE FLAVOR...
set -euo pipefail
build=$1 src=$2 cmake=$3
shift 3
flavors=("$@")
. "$(dirname "$0")/stage_install.sh"

cfg=$libdir/cmake/xparray
[ -f "$cfg/xparrayConfig.cmake" ] || fail "no $cfg/xparrayConfig.cmake"
[ -f "$cfg/xparrayConfigVersion.cmake" ] || fail "no $cfg/xparrayConfigVersion.cmake"
[ -d "$libdir/pkgconfig" ] || fail "the CMake package is not beside the pkg-config files"

mkdir -p "$tmp/user" && cd "$tmp/user"
cp "$src/examples/quickstart.c" .
{
  echo 'cmake_minimum_required(VERSION 3.13)'
  echo 'project(xparray_user C)'
  echo 'set(CMAKE_SKIP_BUILD_RPATH ON)'
  echo "find_package(xparray 0.1 REQUIRED COMPONENTS ${flavors[*]})"
  echo 'add_executable(quickstart-default quickstart.c)'
  echo 'target_link_libraries(quickstart-default PRIVATE xparray::xparray)'
  for f in "${flavors[@]}"; do
    echo "add_executable(quickstart-$f quickstart.c)"
    echo "target_link_libraries(quickstart-$f PRIVATE xparray::$f)"
  done
} > CMakeLists.txt
"$cmake" -S . -B b -DCMAKE_PREFIX_PATH="$root" >cmake.log 2>&1 || { cat cmake.log; fail "cmake configure"; }
"$cmake" --build b >>cmake.log 2>&1 || { cat cmake.log; fail "cmake --build"; }
for f in "${flavors[@]}" default; do
  out=$(env -u LD_LIBRARY_PATH "b/quickstart-$f") || fail "quickstart-$f exits $?"
  want=$f; [ "$f" = default ] && want=${flavors[0]}
  case "$out" in "flavor $want:"*) ;; *) fail "quickstart-$f ran another flavor: $out" ;; esac
  echo "$f: found with find_package, built with CMake outside the tree, runs"
done

# A flavor that is not installed is a failed REQUIRED component.
mkdir -p "$tmp/missing" && cd "$tmp/missing"
printf 'cmake_minimum_required(VERSION 3.13)\nproject(m NONE)\nfind_package(xparray REQUIRED COMPONENTS no_such_flavor)\n' > CMakeLists.txt
if "$cmake" -S . -B b -Dxparray_DIR="$cfg" >cmake.log 2>&1; then
  fail "find_package accepted a flavor that is not installed"
fi
grep -q "no_such_flavor" cmake.log || { cat cmake.log; fail "the failure does not name the missing component"; }
# Without COMPONENTS, xparray::xparray is the build's first flavor.
mkdir -p "$tmp/plain" && cd "$tmp/plain"
cat > CMakeLists.txt <<'EOT'
cmake_minimum_required(VERSION 3.13)
project(p NONE)
find_package(xparray REQUIRED)
get_target_property(link xparray::xparray INTERFACE_LINK_LIBRARIES)
message(STATUS "xparray::xparray -> ${link}")
EOT
"$cmake" -S . -B b -Dxparray_DIR="$cfg" >cmake.log 2>&1 || { cat cmake.log; fail "find_package without components"; }
grep -q "xparray::xparray -> xparray::${flavors[0]}\$" cmake.log ||
  { cat cmake.log; fail "xparray::xparray is not xparray::${flavors[0]} without components"; }
echo "cmake: ${#flavors[@]} flavors ok"
