#!/usr/bin/env python3
"""The conformance audit: a support matrix per flavor and spec module.

    tools/report/report.py [--build DIR] [--run] [--readme README.md] [--out DIR]

Reads, for every flavor built in DIR (default build), the conformance suite's
results (DIR/tests/counts-<flavor>.txt, written by tests/support/harness.cpp: one
line per test with its result and source file) and the xfail lists
(tests/xfails/<flavor>.txt), the last recorded run of the official suite
(tests/xfails/array-api-tests/results/<flavor>.json, written by
tools/run_array_api_tests.py --record) with its xfail list, and which wrapped library serves each function
(DIR/tools/xp_adapters-<flavor>, built per flavor). With --run it first runs the
suites (`meson test -C DIR --suite conformance`).

Rows are the standard's modules; a test belongs to the module of its source file
(MODULE_OF below: the longest matching path prefix). Cells: ✅ every test passes,
🚧 some pass (counts and the xfail reasons follow), ❌ none passes, · no test.
Writes DIR/report/support.{md,json,html}, prints the Markdown, and with --readme
replaces what lies between <!-- support-matrix:begin --> and
<!-- support-matrix:end --> in that file. Python 3 standard library only."""
import argparse
import glob
import html
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# The standard's modules, in the report's order; then the parts of xparray that
# the standard does not name.
MODULES = [
    "creation", "data types", "elementwise", "indexing", "linear algebra", "manipulation",
    "searching", "sets", "sorting", "statistical", "utility", "linalg extension",
    "fft extension", "inspection",
    "array object", "interchange (DLPack, .npy)", "flavors (run-time choice)",
]

# Source path prefix (from tests/) -> module. The longest prefix wins.
MODULE_OF = {
    "tests/core/test_creation": "creation",
    "tests/core/test_data_types": "data types",
    "tests/core/test_info": "inspection",
    "tests/core/test_broadcast": "manipulation",
    "tests/core/": "array object",
    "tests/creation/": "creation",
    "tests/data_types/": "data types",
    "tests/elementwise/test_special_cases_reduction": "statistical",
    "tests/elementwise/": "elementwise",
    "tests/indexing/": "indexing",
    "tests/manipulation/": "manipulation",
    "tests/searching/": "searching",
    "tests/sets/": "sets",
    "tests/sorting/": "sorting",
    "tests/statistical/": "statistical",
    "tests/utility/": "utility",
    "tests/linear_algebra/": "linear algebra",
    "tests/linalg/test_products": "linear algebra",  # matmul, tensordot, vecdot, matrix_transpose
    "tests/linalg/": "linalg extension",
    "tests/fft/": "fft extension",
    "tests/info/": "inspection",
    "tests/inspection/": "inspection",
    "tests/interchange/": "interchange (DLPack, .npy)",
    "tests/flavors/": "flavors (run-time choice)",
}

MARK_BEGIN = "<!-- support-matrix:begin -->"
MARK_END = "<!-- support-matrix:end -->"


def module_of(path):
    best = None
    for prefix, mod in MODULE_OF.items():
        if path.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, mod)
    return best[1] if best else "other"


def read_counts(path):
    """First line: passed failed xfail xpass skipped; then RESULT\\tid\\tfile[\\t# reason]."""
    tests = []
    with open(path, encoding="utf-8") as f:
        head = f.readline().split()
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            reason = parts[3][2:] if len(parts) > 3 and parts[3].startswith("# ") else ""
            tests.append({"result": parts[0], "id": parts[1], "file": parts[2], "reason": reason})
    return [int(x) for x in head[:5]], tests


def read_xfails(path):
    """Entries and their reasons (the block of # lines above them, joined)."""
    out, reason, in_comment = [], "", False
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            if line.startswith("#"):
                part = line[1:].strip()
                reason = (reason + " " + part).strip() if in_comment else part
                in_comment = True
                continue
            in_comment = False
            out.append({"entry": line, "reason": reason})
    return out


def read_adapters(build, flavor):
    exe = os.path.join(build, "tools", "xp_adapters-" + flavor)
    res = {"stack": [], "loops": {}, "slots": {}, "functions": {}}
    if not os.access(exe, os.X_OK):
        return res
    out = subprocess.run([exe], capture_output=True, text=True).stdout
    for line in out.splitlines():
        p = line.split("\t")
        if p[0] == "adapter" and len(p) >= 3:
            res["stack"].append({"name": p[1], "library": p[2]})
        elif p[0] == "loop" and len(p) >= 4:
            res["loops"].setdefault(p[1], {})[p[2]] = p[3]
        elif p[0] == "slot" and len(p) >= 3:
            res["slots"][p[1]] = p[2]
        elif p[0] == "function" and len(p) >= 4:
            res["functions"][p[1]] = {"adapter": p[2], "routine": None if p[3] == "-" else p[3]}
    return res


OFFICIAL_DIR = os.path.join(ROOT, "tests", "xfails", "array-api-tests")


def read_official(flavor, base=None):
    """The last recorded run of the official suite (tools/run_array_api_tests.py --record)
    and its xfail list (tests/xfails/array-api-tests/<flavor>.txt), or None."""
    base = base or OFFICIAL_DIR
    path = os.path.join(base, "results", flavor + ".json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        rec = json.load(f)
    rec["xfail_list"] = read_xfails(os.path.join(base, flavor + ".txt"))
    return rec


def official_cell(rec):
    if rec is None:
        return {"mark": "·", "text": "· not run"}
    bad = rec.get("failed", 0) + rec.get("errors", 0) + rec.get("xpassed", 0)
    if bad == 0 and rec.get("xfailed", 0) == 0 and rec.get("passed", 0) > 0:
        mark = "✅"
    elif rec.get("passed", 0) > 0:
        mark = "🚧"
    else:
        mark = "❌"
    text = f"{mark} {rec.get('passed', 0)} passed"
    if rec.get("xfailed"):
        text += f", {rec['xfailed']} xfail"
    if bad:
        text += f", {bad} failing"
    return {"mark": mark, "text": text}


OFFICIAL_ROW = "official suite (array-api-tests)"


def cell(tests):
    n = len(tests)
    passed = sum(t["result"] == "PASS" for t in tests)
    xfail = [t for t in tests if t["result"] == "XFAIL"]
    failed = sum(t["result"] in ("FAIL", "XPASS") for t in tests)
    skipped = sum(t["result"] == "SKIP" for t in tests)
    reasons = sorted({t["reason"] for t in xfail if t["reason"]})
    if n == 0:
        mark = "·"
    elif passed == n - skipped and passed > 0:
        mark = "✅"
    elif passed > 0:
        mark = "🚧"
    else:
        mark = "❌"
    return {"mark": mark, "tests": n, "passed": passed, "xfail": len(xfail), "failed": failed,
            "skipped": skipped, "reasons": reasons}


def collect(build, official_dir=None):
    flavors = {}
    for path in sorted(glob.glob(os.path.join(build, "tests", "counts-*.txt"))):
        name = os.path.basename(path)[len("counts-"):-len(".txt")]
        head, tests = read_counts(path)
        by_mod = {}
        for t in tests:
            t["module"] = module_of(t["file"])
            by_mod.setdefault(t["module"], []).append(t)
        flavors[name] = {
            "totals": dict(zip(["passed", "failed", "xfail", "xpass", "skipped"], head)),
            "modules": {m: cell(by_mod.get(m, [])) for m in MODULES + (["other"] if "other" in by_mod else [])},
            "xfail_list": read_xfails(os.path.join(ROOT, "tests", "xfails", name + ".txt")),
            "adapters": read_adapters(build, name),
            "official": read_official(name, official_dir),
        }
    order = ["reference", "openblas", "gsl"]
    names = sorted(flavors, key=lambda n: (order.index(n) if n in order else len(order), n))
    return {"api_version": "2025.12", "flavors": {n: flavors[n] for n in names}}


def cell_text(c):
    if c["mark"] in ("·", "✅"):
        return c["mark"] + (f" {c['passed']}" if c["mark"] == "✅" else "")
    text = f"{c['mark']} {c['passed']}/{c['tests']}"
    if c["xfail"]:
        text += f", {c['xfail']} xfail"
    if c["failed"]:
        text += f", {c['failed']} failing"
    return text


def served_by(ad):
    """Short summary: elementwise loops per adapter; linalg/fft functions with routines."""
    lines = []
    count = {}
    for op, dts in ad["loops"].items():
        for dt, owner in dts.items():
            count[owner] = count.get(owner, 0) + 1
    if count:
        lines.append("elementwise loops: " + ", ".join(f"{k} {v}" for k, v in sorted(count.items())))
    wrapped = [f"{f}: {d['adapter']} ({d['routine']})" for f, d in sorted(ad["functions"].items())
               if d["routine"]]
    if wrapped:
        lines.append("; ".join(wrapped))
    own = [f for f, d in sorted(ad["functions"].items()) if not d["routine"]]
    if own:
        lines.append("portable code: " + ", ".join(own))
    return lines


def markdown(data):
    fl = list(data["flavors"])
    out = ["| module | " + " | ".join(fl) + " |", "|---|" + "---|" * len(fl)]
    mods = MODULES + (["other"] if any("other" in d["modules"] for d in data["flavors"].values()) else [])
    for m in mods:
        row = [cell_text(data["flavors"][f]["modules"].get(m, cell([]))) for f in fl]
        out.append(f"| {m} | " + " | ".join(row) + " |")
    if any(data["flavors"][f].get("official") for f in fl):
        row = [official_cell(data["flavors"][f].get("official"))["text"] for f in fl]
        out.append(f"| {OFFICIAL_ROW} | " + " | ".join(row) + " |")
    out.append("")
    out.append("✅ every test passes · 🚧 some pass (passed/tests, xfail: expected failures) · "
               "❌ none passes · `·` no tests yet")
    for f in fl:
        d = data["flavors"][f]
        reasons = {}
        for m, c in d["modules"].items():
            for r in c["reasons"]:
                reasons.setdefault(r, []).append(m)
        stack = " → ".join(f"{a['name']} ({a['library']})" for a in d["adapters"]["stack"])
        out.append("")
        out.append(f"**{f}**: {d['totals'].get('passed', 0)} passed, {d['totals'].get('xfail', 0)} "
                   f"expected failures, {d['totals'].get('failed', 0) + d['totals'].get('xpass', 0)} "
                   f"unexpected." + (f" Adapters: {stack}." if stack else ""))
        for r, ms in sorted(reasons.items()):
            out.append(f"- xfail ({', '.join(ms)}): {r}")
        for line in served_by(d["adapters"]):
            out.append(f"- {line}")
        rec = d.get("official")
        if rec:
            out.append(f"- official suite: data-apis/array-api-tests {rec.get('suite_commit')} at "
                       f"{rec.get('max_examples')} examples ({rec.get('date')}): {rec.get('summary')}")
            reasons = {}
            for x in rec["xfail_list"]:
                reasons.setdefault(x["reason"], []).append(x["entry"].split("::")[-1])
            for r, ids in reasons.items():
                out.append(f"- official-suite xfail ({', '.join(ids)}): {r}")
    return "\n".join(out) + "\n"


def html_page(data):
    fl = list(data["flavors"])
    e = html.escape
    rows = []
    for m in MODULES + (["other"] if any("other" in d["modules"] for d in data["flavors"].values()) else []):
        tds = []
        for f in fl:
            c = data["flavors"][f]["modules"].get(m, cell([]))
            title = "\n".join(c["reasons"])
            tds.append(f'<td title="{e(title)}">{e(cell_text(c))}'
                       + "".join(f'<div class="r">{e(r)}</div>' for r in c["reasons"]) + "</td>")
        rows.append(f"<tr><th>{e(m)}</th>{''.join(tds)}</tr>")
    if any(data["flavors"][f].get("official") for f in fl):
        tds = []
        for f in fl:
            rec = data["flavors"][f].get("official")
            why = sorted({x["reason"] for x in rec["xfail_list"]}) if rec else []
            tds.append(f"<td>{e(official_cell(rec)['text'])}"
                       + "".join(f'<div class="r">{e(r)}</div>' for r in why) + "</td>")
        rows.append(f"<tr><th>{e(OFFICIAL_ROW)}</th>{''.join(tds)}</tr>")
    details = []
    for f in fl:
        ad = data["flavors"][f]["adapters"]
        items = [f"<li>{e(a['name'])}: {e(a['library'])}</li>" for a in ad["stack"]]
        fn = [f"<tr><td>{e(k)}</td><td>{e(v['adapter'])}</td><td>{e(v['routine'] or '')}</td></tr>"
              for k, v in sorted(ad["functions"].items())]
        loops = [f"<tr><td>{e(op)}</td><td>{e(', '.join(f'{dt}: {o}' for dt, o in d.items()))}</td></tr>"
                 for op, d in sorted(ad["loops"].items())]
        xf = [f"<li><code>{e(x['entry'])}</code> — {e(x['reason'])}</li>"
              for x in data["flavors"][f]["xfail_list"]]
        details.append(f"<h2>{e(f)}</h2><p>Adapter stack (priority order):</p><ol>{''.join(items)}</ol>"
                       + (f"<table><tr><th>function</th><th>adapter</th><th>routine</th></tr>{''.join(fn)}</table>" if fn else "")
                       + (f"<details><summary>elementwise loops</summary><table>{''.join(loops)}</table></details>" if loops else "")
                       + (f"<p>xfail list:</p><ul>{''.join(xf)}</ul>" if xf else "<p>xfail list: empty</p>"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>xparray support matrix</title>
<style>
body {{ font-family: sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
th, td {{ border: 1px solid #ccc; padding: .3em .6em; text-align: left; vertical-align: top; }}
.r {{ font-size: .8em; color: #666; max-width: 30em; }}
</style></head><body>
<h1>xparray: Array API {e(data['api_version'])} support by flavor</h1>
<table><tr><th>module</th>{''.join(f'<th>{e(f)}</th>' for f in fl)}</tr>
{''.join(rows)}</table>
<p>✅ every test passes · 🚧 some pass (passed/tests, expected failures with their reasons) ·
❌ none passes · · no tests yet</p>
{''.join(details)}
</body></html>
"""


def update_readme(path, md):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if MARK_BEGIN not in text or MARK_END not in text:
        print(f"report: {path} has no {MARK_BEGIN} ... {MARK_END} markers", file=sys.stderr)
        return False
    a = text.index(MARK_BEGIN) + len(MARK_BEGIN)
    b = text.index(MARK_END)
    text = text[:a] + "\n" + md + text[b:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--run", action="store_true", help="run the conformance suites first")
    ap.add_argument("--readme", help="README to update between the support-matrix markers")
    ap.add_argument("--out", help="folder for support.{md,json,html} (default BUILD/report)")
    ap.add_argument("--official", help="folder of the official suite's xfail lists and results/ "
                                       "(default tests/xfails/array-api-tests)")
    a = ap.parse_args()
    if a.run:
        subprocess.run(["meson", "test", "-C", a.build, "--suite", "conformance", "--quiet"],
                       stdout=subprocess.DEVNULL)
    data = collect(a.build, a.official)
    if not data["flavors"]:
        print(f"report: no results in {a.build}/tests (run the suite first, or pass --run)",
              file=sys.stderr)
        return 1
    md = markdown(data)
    out = a.out or os.path.join(a.build, "report")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "support.md"), "w", encoding="utf-8") as f:
        f.write(md)
    with open(os.path.join(out, "support.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
    with open(os.path.join(out, "support.html"), "w", encoding="utf-8") as f:
        f.write(html_page(data))
    print(md, end="")
    if a.readme and not update_readme(a.readme, md):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
