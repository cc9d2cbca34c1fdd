#!/usr/bin/env python3
"""Writes the flat functions' dispatch layer from the public headers.

Every public function of the standard is listed once, in an X-macro list of its
section header (XP_NS_ELEMENTWISE, XP_NS_LINALG, ... in include/xparray/*.h), and
include/xparray/namespace.h turns those lists into the members of xp_namespace.
From the same lists and the XP_API prototypes this script writes two files:

  src/namespace/eager_names.h  declares the eager body of every listed function
      (xp_add's body is xp__eager_add) and, for the core's own sources, renames
      xp_add to xp__eager_add: the core is written with the public names, and its
      calls between functions go straight to the bodies, never through dispatch.
  src/namespace/dispatch.c     defines the public xp_add & co.: each finds the
      table of its array arguments (array_namespace) and runs this library's body
      when that is this library's eager table (one pointer compare), that table's
      member otherwise.

Usage (from the repository root):
  python3 tools/gen_dispatch.py          rewrite both files
  python3 tools/gen_dispatch.py --check  exit 1 when a committed file is out of date
                                         (the meson test 'dispatch-up-to-date')

Run it after adding, removing or changing the signature of a listed function.
"""
import argparse
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
INC = os.path.join(ROOT, "include", "xparray")
OUT_C = os.path.join(ROOT, "src", "namespace", "dispatch.c")
OUT_H = os.path.join(ROOT, "src", "namespace", "eager_names.h")

# Functions that write arrays through an `xp_array **out` argument: how many they
# wrote, as a C expression of the arguments and `st` (the status returned), read
# only when a loaded flavor's function ran (its arrays are then valid, non-error).
# A new function of this shape must be added here; the script refuses to guess.
OUT_COUNTS = {
    "meshgrid": "(out && n > 0) ? n : 0",
    "broadcast_arrays": "(out && n > 0) ? n : 0",
    "nonzero": "!out ? 0 : x->ndim > 0 ? x->ndim : 1",
    "unstack": "!out ? 0 : unstack_count(x, opts)",
}


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def section_lists(headers):
    """{list name: [function suffixes]} from the #define XP_NS_<LIST>(M) macros."""
    lists = {}
    for text in headers.values():
        for m in re.finditer(r"#define\s+XP_NS_(\w+)\(M\)((?:[^\n]*\\\n)*[^\n]*)", text):
            body = m.group(2).replace("\\\n", " ")
            lists[m.group(1)] = re.findall(r"\bM\((\w+)\)", body)
    return lists


def table_layout(namespace_h):
    """[(list name, sub-table or '')] in the order xp_namespace lists them."""
    layout = []
    for m in re.finditer(r"XP_NS_(\w+)\(XP__NS_(\w*?)_?MEMBER\)", namespace_h):
        layout.append((m.group(1), m.group(2).lower()))
    return layout


def prototypes(headers):
    protos = {}
    for text in headers.values():
        for m in re.finditer(r"XP_API\s+([^;{]*?)\b(xp_\w+)\s*\(([^;{]*?)\)\s*;", text, flags=re.S):
            ret = " ".join(m.group(1).split())
            params = [" ".join(p.split()) for p in m.group(3).split(",")]
            if params == ["void"]:
                params = []
            protos[m.group(2)] = (ret, params)
    return protos


def result_structs(headers):
    """{struct typedef name: [xp_array * field names]}."""
    out = {}
    for text in headers.values():
        for m in re.finditer(r"typedef\s+struct\s+\w*\s*\{([^}]*)\}\s*(\w+)\s*;", text):
            fields = []
            for decl in m.group(1).split(";"):
                decl = decl.strip()
                dm = re.match(r"xp_array\s+(.*)$", decl)
                if dm:
                    fields += [f.strip().lstrip("*").strip() for f in dm.group(1).split(",")]
            if fields:
                out[m.group(2)] = fields
    return out


def split_param(p):
    m = re.match(r"(.*?)(\w+)$", p)
    if not m:
        raise SystemExit("gen_dispatch: cannot read parameter '%s'" % p)
    return m.group(1).strip(), m.group(2)


def classify(params):
    """Array arguments in order: ('one', name) or ('list', count name, name); and the
    name of an `xp_array **` output argument, if any."""
    arrays, out, last_int = [], None, None
    for p in params:
        if p == "...":
            raise SystemExit("gen_dispatch: variadic functions cannot be listed")
        ty, name = split_param(p)
        t = ty.replace(" ", "")
        if t in ("constxp_array*", "xp_array*"):
            arrays.append(("one", name))
        elif t == "constxp_array*const*":
            if last_int is None:
                raise SystemExit("gen_dispatch: array list '%s' has no count before it" % name)
            arrays.append(("list", last_int, name))
        elif t == "xp_array**":
            out = name
        if t == "int":
            last_int = name
    return arrays, out


def generate():
    headers = {os.path.basename(p): strip_comments(read(os.path.join(INC, p)))
               for p in sorted(os.listdir(INC)) if p.endswith(".h")}
    lists = section_lists(headers)
    layout = table_layout(headers["namespace.h"])
    protos = prototypes(headers)
    structs = result_structs(headers)
    missing = [name for name, _ in layout if name not in lists]
    if missing:
        raise SystemExit("gen_dispatch: namespace.h uses lists no header defines: %s" % missing)

    funcs = []  # (public name, member path, return type, params, arrays, out)
    for lst, sub in layout:
        for suffix in lists[lst]:
            public = "xp_" + (sub + "_" if sub else "") + suffix
            if public not in protos:
                raise SystemExit("gen_dispatch: %s is listed in XP_NS_%s but has no XP_API "
                                 "prototype" % (public, lst))
            ret, params = protos[public]
            arrays, out = classify(params)
            member = (sub + "." if sub else "") + suffix
            funcs.append((public, member, ret, params, arrays, out))

    hdr = [
        "/* GENERATED by tools/gen_dispatch.py from the XP_NS_* lists and the XP_API",
        " * prototypes of include/xparray/<section>.h: do not edit. Re-run after adding, removing",
        " * or changing a listed function:  python3 tools/gen_dispatch.py",
        " *",
        " * The eager body of every function of the standard, and (unless",
        " * XP__PUBLIC_NAMES is defined: src/namespace/dispatch.c) the renaming that makes",
        " * the core's sources define and call the bodies under the public names. */",
        "#ifndef XP_EAGER_NAMES_H",
        "#define XP_EAGER_NAMES_H",
        "",
    ]
    for f in funcs:
        hdr.append("__typeof__(%s) xp__eager_%s;" % (f[0], f[0][3:]))
    hdr += ["", "#ifndef XP__PUBLIC_NAMES",
            "/* The bodies are internal: their definitions keep the XP_API marker of the",
            " * public functions they were, and the functions that stay public take their",
            " * visibility from their declarations in include/. */",
            "#undef XP_API",
            "#define XP_API"]
    for f in funcs:
        hdr.append("#define %s xp__eager_%s" % (f[0], f[0][3:]))
    hdr += ["#endif", "", "#endif", ""]

    c = [
        "/* GENERATED by tools/gen_dispatch.py from the XP_NS_* lists and the XP_API",
        " * prototypes of include/xparray/<section>.h: do not edit. Re-run after adding, removing",
        " * or changing a listed function:  python3 tools/gen_dispatch.py",
        " * (the meson test 'dispatch-up-to-date' fails while this file is stale).",
        " *",
        " * The public functions of the standard. Each one runs on the table of its",
        " * arrays (array_namespace): the table of the first argument that is an array",
        " * (not NULL, not an error array, not a weak scalar; arrays of an array list",
        " * count), or this library's table when there is none. This library's eager",
        " * table runs its body directly; another table (a flavor loaded with",
        " * xp_namespace_by_name, a flavor whose arrays are not host memory) runs its",
        " * own member, whose results then join the caller's innermost scope. NULL and",
        " * error arguments reach the body that would have run, which reports them. */",
        "#define XP__PUBLIC_NAMES",
        '#include "core.h"',
        "",
        "#define XP__OWNS(x) ((x) && !((x)->flags & XP__F_ERROR) && !(x)->weak)",
        "#define XP__PICK(x, rest) (XP__OWNS(x) ? (x)->ns : (rest))",
        "#define XP__MINE(ns) __builtin_expect((ns) == &xp__eager, 1)",
        "",
        "static const xp_namespace *pick_list(int n, const xp_array *const *arrays,",
        "                                     const xp_namespace *rest) {",
        "    if (arrays)",
        "        for (int i = 0; i < n; i++)",
        "            if (XP__OWNS(arrays[i])) return arrays[i]->ns;",
        "    return rest;",
        "}",
        "",
    ]
    c += [
        "/* How many arrays unstack writes (x valid): one error for a bad axis, else",
        " * one array (or one reference to an error) per slice. */",
        "static inline int unstack_count(const xp_array *x, const xp_stack_opts *opts) {",
        "    int64_t axis = opts ? opts->axis : 0;",
        "    if (axis < 0) axis += x->ndim;",
        "    return axis < 0 || axis >= x->ndim ? 1 : (int)x->shape[axis];",
        "}",
        "",
    ]
    for public, member, ret, params, arrays, out in funcs:
        args = ", ".join(split_param(p)[1] for p in params)
        body = "xp__eager_" + public[3:]
        c.append("XP_API %s%s%s(%s) {" % (ret, "" if ret.endswith("*") else " ", public,
                                          ", ".join(params) if params else "void"))
        if not arrays:
            c.append("    %s%s(%s);" % ("" if ret == "void" else "return ", body, args))
            c.append("}")
            c.append("")
            continue
        pick = "&xp__eager"
        for a in reversed(arrays):
            if a[0] == "one":
                pick = "XP__PICK(%s, %s)" % (a[1], pick)
            else:
                pick = "pick_list(%s, %s, %s)" % (a[1], a[2], pick)
        c.append("    const xp_namespace *ns = %s;" % pick)
        c.append("    if (XP__MINE(ns)) return %s(%s);" % (body, args))
        call = "ns->%s(%s)" % (member, args)
        rt = ret.replace(" ", "")
        # Another table's function runs one call level down, so results it makes
        # through this library's public exits are not also owned there; they join
        # the caller's scope once, here.
        if rt == "xp_array*":
            c.append("    xp__enter();")
            c.append("    xp_array *r = %s;" % call)
            c.append("    xp__exit_quiet();")
            c.append("    return xp__adopt(r);")
        elif ret in structs:
            c.append("    xp__enter();")
            c.append("    %s r = %s;" % (ret, call))
            c.append("    xp__exit_quiet();")
            for field in structs[ret]:
                c.append("    r.%s = xp__adopt(r.%s);" % (field, field))
            c.append("    return r;")
        elif out:
            short = public[3:]
            if short not in OUT_COUNTS:
                raise SystemExit("gen_dispatch: %s writes arrays to '%s': add how many to "
                                 "OUT_COUNTS in tools/gen_dispatch.py" % (public, out))
            c.append("    xp__enter();")
            c.append("    %s st = %s;" % (ret, call))
            c.append("    xp__exit_quiet();")
            c.append("    xp__adopt_n(%s, %s);" % (OUT_COUNTS[short], out))
            c.append("    return st;")
        else:
            c.append("    return %s;" % call)
        c.append("}")
        c.append("")
    return "\n".join(hdr), "\n".join(c).rstrip("\n") + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when a committed file differs from what would be written")
    opts = ap.parse_args()
    h, c = generate()
    stale = []
    for path, text in ((OUT_H, h), (OUT_C, c)):
        old = read(path) if os.path.exists(path) else None
        if old == text:
            continue
        if opts.check:
            stale.append(os.path.relpath(path, ROOT))
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print("gen_dispatch: wrote", os.path.relpath(path, ROOT))
    if stale:
        print("gen_dispatch: out of date: %s; run python3 tools/gen_dispatch.py" % ", ".join(stale),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
