#!/usr/bin/env python3
"""Turns the standard's special-case table into GoogleTest data.

    tools/gen_special_cases.py [tests/elementwise/data/special-cases.tsv] [tests/elementwise/special_cases.inc]

Every row of the TSV (columns: function, kind, condition, result, domain,
case_type, note, operators, source) becomes one *row entry* with a readable id
(`abs_003`: the function and the row's index among that function's rows) and,
for `case` rows, a few concrete *operand cases*: inputs drawn from a palette of
special values that satisfy the row's condition and no earlier row's of the same
function and domain (the table is read first-match-wins, as the standard lists
them), each with the expected result written as tokens the C++ side checks:

    nan        any NaN              nan+ / nan-   NaN with that sign bit
    +0 / -0    zero with that sign  ±0           a zero, sign not checked
    inf / -inf                      ±inf         an infinity, sign not checked
    pos / neg  non-NaN with that sign bit
    ~V         V within a few ULP of the dtype (values like pi/2); ~±V: magnitude only
    V          exactly V (a finite nonzero decimal)
    true / false                    err:value / err:type   status of a conversion
    any        not checked (implementation-defined parts)
    op:NAME    the C++ side computes it in the target type (correctly rounded + * /)
    A|B        either A or B (rows whose note allows a library alternative)

Inputs are tokens too: nan, -nan, inf, -inf, +0, -0, subn/-subn (the dtype's
smallest subnormal) or a decimal exactly representable in float32.

`identity` and `rule` rows carry no operand cases: the C++ side knows their
kind (`conj`, `odd`, `even`, `hypot_sym`, `components`, `formula:...`) and tests
them as properties over many values. Rows marked unspecified in the note only
check what is specified (the unspecified sign becomes ±).
"""
import csv
import math
import os
import re
import sys
from collections import defaultdict

NAN = float("nan")
NNAN = -NAN if math.copysign(1, -NAN) < 0 else math.copysign(NAN, -1.0)
INF = float("inf")
SUBN = 5e-324  # stands for the dtype's smallest subnormal

REAL_PALETTE = [NAN, NNAN, 0.0, -0.0, INF, -INF, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0,
                3.0, -3.0, 2.5, -2.5, 1.5, -1.5, 0.25, -0.25, 7.0, -7.0, 4.0, SUBN, -SUBN]
CPLX_PALETTE = [NAN, 0.0, -0.0, INF, -INF, 1.0, -1.0, 2.0, -0.5, 0.5, 3.0]
CPLX4_PALETTE = [NAN, 0.0, -0.0, INF, -INF, 1.0, -2.0]
MAX_CASES = 4

VARS = r"(x_i|x1_i|x2_i|self|min_i|max_i|a|b|c|d)"


def isint(v):
    return math.isfinite(v) and v == math.floor(v)


def isodd(v):
    return isint(v) and math.fmod(v, 2.0) != 0


def signbit(v):
    return math.copysign(1.0, v) < 0


PROPS = {
    "NaN": math.isnan,
    "+0": lambda v: v == 0 and not signbit(v),
    "-0": lambda v: v == 0 and signbit(v),
    "±0": lambda v: v == 0,
    "0": lambda v: v == 0,
    "+infinity": lambda v: v == INF,
    "-infinity": lambda v: v == -INF,
    "±infinity": math.isinf,
    "finite": math.isfinite,
    "finite_or_NaN": lambda v: not math.isinf(v),
    "nonzero finite": lambda v: math.isfinite(v) and v != 0,
    "nonzero": lambda v: v != 0 and not math.isnan(v),
    "positive finite": lambda v: math.isfinite(v) and v > 0,
    "negative finite": lambda v: math.isfinite(v) and v < 0,
    "integer-valued": isint,
    "integer": isint,
    "odd integer": isodd,
    "any": lambda v: True,
    "1": lambda v: v == 1,
    "+1": lambda v: v == 1,
    "-1": lambda v: v == -1,
    "True": lambda v: v == 1,
    "False": lambda v: v == 0,
    "exactly halfway between two integers": lambda v: math.isfinite(v) and v - math.floor(v) == 0.5,
    "subnormal": lambda v: v != 0 and abs(v) < 1e-300,
}


def clause_pred(cl):
    cl = cl.strip()
    m = re.fullmatch(VARS + r" is (not )?(.+)", cl)
    if m and m.group(3) in PROPS:
        v, neg, p = m.group(1), bool(m.group(2)), PROPS[m.group(3)]
        return lambda e: p(e[v]) != neg
    m = re.fullmatch(r"(abs\()?" + VARS + r"\)? (<|>|==|!=|<=|>=) (-?)(\d+|" + VARS + r")", cl)
    if m:
        absf, v, op, neg, rhs = bool(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5)

        def f(e, absf=absf, v=v, op=op, neg=neg, rhs=rhs):
            x = abs(e[v]) if absf else e[v]
            y = e[rhs] if rhs in e else float(rhs)
            if neg:
                y = -y
            if math.isnan(x) or math.isnan(y):
                return op == "!="
            return {"<": x < y, ">": x > y, "==": x == y, "!=": x != y, "<=": x <= y, ">=": x >= y}[op]
        return f
    m = re.fullmatch(r"abs\(" + VARS + r"\) is 1", cl)
    if m:
        return lambda e, v=m.group(1): abs(e[v]) == 1
    m = re.fullmatch(r"signbit\(" + VARS + r"\) = ([01])", cl)
    if m:
        return lambda e, v=m.group(1), s=m.group(2) == "1": signbit(e[v]) == s
    m = re.fullmatch(VARS + r", " + VARS + r" have (same|different) signs?", cl)
    if m:
        return lambda e, u=m.group(1), w=m.group(2), same=m.group(3) == "same": (
            not math.isnan(e[u]) and not math.isnan(e[w]) and (signbit(e[u]) == signbit(e[w])) == same)
    m = re.fullmatch(VARS + r", " + VARS + r" both nonzero finite with (same|different) signs?", cl)
    if m:
        return lambda e, u=m.group(1), w=m.group(2), same=m.group(3) == "same": (
            PROPS["nonzero finite"](e[u]) and PROPS["nonzero finite"](e[w])
            and (signbit(e[u]) == signbit(e[w])) == same)
    if cl == "a,b,c,d all NaN":
        return lambda e: all(math.isnan(e[k]) for k in "abcd")
    if cl == "any of a,b,c,d is NaN":
        return lambda e: any(math.isnan(e[k]) for k in "abcd")
    if cl in ("M == 0", "N == 0", "M - correction <= 0", "det(x) == 0", "det(x) == 0+0j"):
        return None
    raise ValueError("cannot parse clause: " + cl)


def cond_pred(cond):
    c = cond
    c = re.sub(r" \((any [a-z0-9_]+, )?incl\. NaN\)", "", c)
    c = c.replace("finite or NaN", "finite_or_NaN")
    c = re.sub(VARS + r" and " + VARS + r" subnormal", r"\1 is subnormal and \2 is subnormal", c)
    ors = []
    for disj in c.split(" or "):
        ands = [clause_pred(x) for x in disj.split(" and ")]
        if any(a is None for a in ands):
            return None
        ors.append(ands)
    return lambda e: any(all(a(e) for a in ands) for ands in ors)


HINTS = {
    "otherwise (no infinity or NaN)": lambda e: all(math.isfinite(v) for v in e.values()),
    "otherwise (no ±infinity, ±0 or NaN)": lambda e: all(PROPS["nonzero finite"](v) for v in e.values()),
    "otherwise (no ±infinity, ±0 or NaN; same sign or different magnitudes)":
        lambda e: all(PROPS["nonzero finite"](v) for v in e.values()) and e["x1_i"] != -e["x2_i"],
    "otherwise (some component NaN or ±infinity)":
        lambda e: any(not math.isfinite(v) for v in e.values()) and not all(math.isnan(v) for v in e.values()),
}


# ---- operand enumeration --------------------------------------------------------

# Functions whose complex tables cover b = +infinity only (the rest by conjugation).
CONJ_SYMMETRIC = {"acos", "acosh", "asin", "asinh", "atan", "atanh", "cosh", "sinh", "tanh", "exp",
                  "expm1", "log", "log1p", "log2", "log10", "sqrt", "cos", "sin", "tan"}


def envs(kind, domain, fn):
    """All palette environments for a row: (env, operands as lists of (re, im))."""
    cplx = domain == "complex"
    nin = {"unary": 1, "binary": 2, "inplace": 2, "ternary": 3}.get(kind, 1)
    if fn.startswith("__") and kind == "unary":
        nin = 1
    if cplx and nin == 1:
        for a in CPLX_PALETTE:
            for b in CPLX_PALETTE:
                if b == -INF and fn in CONJ_SYMMETRIC:
                    continue  # the table gives b = +infinity; -infinity follows by f(conj x) = conj f(x)
                yield {"a": a, "b": b, "x_i": a, "self": a}, [(a, b)]
    elif cplx and nin == 2:
        P = CPLX4_PALETTE
        for a in P:
            for b in P:
                for c in P:
                    for d in P:
                        yield {"a": a, "b": b, "c": c, "d": d}, [(a, b), (c, d)]
    elif nin == 1:
        pal = [0.0, 1.0] if domain == "bool" else REAL_PALETTE
        for x in pal:
            yield {"x_i": x, "self": x}, [(x, 0.0)]
    elif nin == 2:
        for x in REAL_PALETTE:
            for y in REAL_PALETTE:
                yield {"x1_i": x, "x2_i": y}, [(x, 0.0), (y, 0.0)]
    else:  # clip(x, min, max)
        small = [NAN, 0.0, -1.0, 2.0, 0.5, -3.0]
        for x in small:
            for lo in small:
                for hi in small:
                    yield {"x_i": x, "min_i": lo, "max_i": hi}, [(x, 0.0), (lo, 0.0), (hi, 0.0)]


# ---- tokens ---------------------------------------------------------------------

def in_tok(v):
    if math.isnan(v):
        return "-nan" if signbit(v) else "nan"
    if math.isinf(v):
        return "-inf" if v < 0 else "inf"
    if v == 0:
        return "-0" if signbit(v) else "+0"
    if abs(v) == SUBN:
        return "-subn" if v < 0 else "subn"
    return repr(v)


def val_tok(v):
    """Expected token for an exactly known value."""
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "-inf" if v < 0 else "inf"
    if v == 0:
        return "-0" if signbit(v) else "+0"
    if abs(v) == SUBN:
        return "-subn" if v < 0 else "subn"
    return repr(v)


PI_RE = re.compile(r"([+±-]?)(\d*)π(?:/(\d+))?")


def const_tok(s, env):
    """Expected token for one result component written in the table."""
    s = s.strip()
    if s.startswith("≈"):
        s = s[1:]
    m = PI_RE.fullmatch(s)
    if m:
        v = (int(m.group(2)) if m.group(2) else 1) * math.pi / (int(m.group(3)) if m.group(3) else 1)
        if m.group(1) == "±":
            return "~±" + repr(v)
        return "~" + repr(-v if m.group(1) == "-" else v)
    table = {"NaN": "nan", "+0": "+0", "-0": "-0", "±0": "±0", "0": "±0", "+infinity": "inf",
             "infinity": "inf", "-infinity": "-inf", "±infinity": "±inf", "1": "1.0", "+1": "1.0",
             "-1": "-1.0", "True": "true", "False": "false", "positive sign": "pos",
             "negative sign": "neg", "NaN with signbit=1": "nan-", "NaN with signbit=0": "nan+",
             "implementation-dependent": "any"}
    if s in table:
        return table[s]
    exprs = {"x_i": lambda e: e["x_i"], "x1_i": lambda e: e["x1_i"], "x2_i": lambda e: e["x2_i"],
             "self": lambda e: e["self"], "abs(x1_i)": lambda e: abs(e["x1_i"]),
             "-abs(x1_i)": lambda e: -abs(e["x1_i"]), "abs(x2_i)": lambda e: abs(e["x2_i"]),
             "abs(a)": lambda e: abs(e["a"]), "abs(b)": lambda e: abs(e["b"])}
    if s in exprs:
        return val_tok(exprs[s](env))
    return None


def product_sign_inf(env):
    return "-inf" if signbit(env["x1_i"]) != signbit(env["x2_i"]) else "inf"


def expected(row, env, ops):
    """Expected tokens (one for real results, two for complex) or None to skip the case."""
    fn, res, note = row["function"], row["result"], row["note"]
    base = fn.strip("_").lstrip("i") if row["kind"] == "inplace" else fn
    res = res.strip()
    m = re.fullmatch(r"\+(infinity|0) · cis\(b\)( - 1\.0)?", res)
    if m:
        b = env["b"]
        mag = INF if m.group(1) == "infinity" else 0.0
        re_, im_ = mag * math.cos(b), mag * math.sin(b)
        if m.group(2):
            re_ -= 1.0
        return [val_tok(re_) if mag == 0 or abs(re_) == INF else "any", val_tok(im_)]
    m = re.fullmatch(r"re\(out\) = (.+)", res)
    if m:
        return [const_tok(m.group(1), env), "any"]
    m = re.fullmatch(r"im\(out\) = (.+)", res)
    if m:
        return ["any", const_tok(m.group(1), env)]
    if res.startswith("(") and res.endswith(")") and "," in res:
        parts = [p.strip() for p in res[1:-1].split(",")]
        toks = [const_tok(p, env) for p in parts]
        if None in toks:
            raise ValueError("cannot read result " + res)
        if "sign of imag component is unspecified" in note or "signs of real and imag" in note:
            toks[1] = unsign(toks[1])
        if "sign of real component is unspecified" in note or "signs of real and imag" in note \
                or "sign of re not stated" in note:
            toks[0] = unsign(toks[0])
        if "old C libs may give (NaN, NaN)" in note:
            return [toks[0] + "|nan", toks[1] + "|nan"]
        return toks
    if res == "±infinity (sign per sign rule above)":
        return [product_sign_inf(env)]
    if res.startswith("IEEE 754 sum"):
        return ["op:add"]
    if res.startswith("IEEE 754 product"):
        return ["op:multiply"]
    if res.startswith("IEEE 754 quotient"):
        return ["op:divide"]
    if res.startswith("largest integer-valued float"):
        return [val_tok(env["x1_i"] // env["x2_i"])]
    if res == "same as Python float %":
        return [val_tok(env["x1_i"] % env["x2_i"])]
    if res.startswith("underflow allowed only"):
        return ["op:hypot_subnormal"]
    if res == "trunc(self) as Python int":
        return [repr(float(math.trunc(env["self"]))) if env["self"] != 0 else "±0"]
    if res == "nearest even integer (ties-to-even)":
        return [val_tok(math.copysign(float(round(env["x_i"])), env["x_i"]))]
    if res == "raise OverflowError" or res == "raise ValueError":
        return ["err:value"]
    if res == "x_i/abs(x_i), special cases per complex divide":
        if not all(math.isfinite(v) for v in ops[0]):
            return ["any", "any"]  # complex division by infinity: implementation-dependent
        z = complex(*ops[0])
        w = z / abs(z)
        return ["~" + repr(w.real) if w.real != 0 else val_tok(w.real),
                "~" + repr(w.imag) if w.imag != 0 else val_tok(w.imag)]
    if res == "(a == c) and (b == d), per real rules":
        return ["true" if env["a"] == env["c"] and env["b"] == env["d"] else "false"]
    if res == "(a != c) or (b != d), per real rules":
        return ["true" if env["a"] != env["c"] or env["b"] != env["d"] else "false"]
    t = const_tok(res, env)
    if t is None:
        raise ValueError("cannot read result %r (%s)" % (res, fn))
    if "libraries may instead return NaN" in note:
        t += "|nan"
    if "libraries may instead return -1.0" in note:
        t += "|-1.0"
    if "sign of a NaN result is implementation-defined" in note and t in ("pos", "neg"):
        t += "|nan"
    return [t]


def unsign(t):
    return {"+0": "±0", "-0": "±0", "inf": "±inf", "-inf": "±inf", "nan+": "nan", "nan-": "nan"}.get(t, t)


# ---- identities and rules -----------------------------------------------------------

def identity_kind(res):
    if "(conj(x)) == conj(" in res:
        return "conj"
    if re.fullmatch(r"\w+\(-x\) == -\w+\(x\)", res) or re.fullmatch(r"\w+\(x\) == -\w+\(-x\)", res):
        return "odd"
    if re.fullmatch(r"\w+\(x\) == \w+\(-x\)", res):
        return "even"
    if res.startswith("hypot(x1, x2) =="):
        return "hypot_sym"
    raise ValueError("identity? " + res)


def rule_kind(res):
    if res.startswith("real-valued cases apply to each real-number component"):
        return "components"
    m = re.fullmatch(r"all cases: as computed by (.+)", res)
    if m:
        return "formula:" + m.group(1)
    if res == "apply the cases below to re and im independently":
        return "independent_components"
    raise ValueError("rule? " + res)


# ---- main ---------------------------------------------------------------------------

def section(fn, kind):
    if fn.startswith("linalg."):
        return "linalg"
    if kind == "reduction":
        return "reduction"
    if fn in ("__bool__", "__int__", "__float__", "__complex__"):
        return "conversion"
    return "elementwise"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "tests", "elementwise", "data",
                                                              "special-cases.tsv")
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "tests", "elementwise",
                                                              "special_cases.inc")
    with open(src, newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    counter = defaultdict(int)
    earlier = defaultdict(list)  # (fn, complex?) -> predicates of earlier case rows
    out = []
    ncase_total = 0
    for row in rows:
        fn = row["function"]
        counter[fn] += 1
        rid = "%s_%03d" % (re.sub(r"\W", "_", fn).strip("_"), counter[fn])
        kind, domain, ctype, cond = row["kind"], row["domain"], row["case_type"], row["condition"]
        sec = section(fn, kind)
        extra = ""
        cases = []
        if ctype == "identity":
            extra = identity_kind(row["result"])
        elif ctype == "rule":
            extra = rule_kind(row["result"])
        elif sec in ("reduction", "linalg"):
            extra = "reduction"
        else:
            key = (fn, domain == "complex")
            if cond.startswith("otherwise"):
                hint = HINTS.get(cond)
                if fn == "not_equal" and domain != "complex":
                    # The standard's list leaves out an infinity against a finite
                    # value, so its "otherwise False" would make -inf != -0.5 False:
                    # test only what it clearly means, equal operands.
                    hint = lambda e: e["x1_i"] == e["x2_i"]
                prev = list(earlier[key])
                pred = (lambda e, h=hint, prev=prev: h(e) and not any(p(e) for p in prev)) if hint else \
                       (lambda e, prev=prev: not any(p(e) for p in prev))
                pred_plain = hint
            else:
                pred_plain = cond_pred(cond)
                prev = list(earlier[key])
                pred = lambda e, p=pred_plain, prev=prev: p(e) and not any(q(e) for q in prev)
            cand = [(e, ops) for e, ops in envs(kind, domain, fn) if pred(e)]
            if not cand and pred_plain is not None:
                cand = [(e, ops) for e, ops in envs(kind, domain, fn) if pred_plain(e)]
            if not cand:
                raise ValueError("no operands satisfy %s: %s" % (rid, cond))
            if len(cand) > MAX_CASES:
                step = (len(cand) - 1) / (MAX_CASES - 1)
                cand = [cand[round(i * step)] for i in range(MAX_CASES)]
            for e, ops in cand:
                exp = expected(row, e, ops)
                cases.append((ops, exp))
            if not cond.startswith("otherwise"):
                earlier[key].append(pred_plain)
            else:
                earlier[key].append(pred)
        out.append((rid, row, sec, extra, cases))
        ncase_total += len(cases)

    def cstr(s):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["// Generated by tools/gen_special_cases.py from tests/elementwise/data/special-cases.tsv:",
             "// do not edit. One XP_SC_ROW per table row, XP_SC_CASE per operand case of it.",
             "// XP_SC_ROW(id, section, function, kind, domain, case_type, extra, condition, result, note)",
             "// XP_SC_CASE(id, inputs (re,im pairs joined by ';'), expected (tokens joined by ';'))"]
    for rid, row, sec, extra, cases in out:
        lines.append("XP_SC_ROW(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)" % (
            rid, sec, cstr(row["function"]), cstr(row["kind"]), cstr(row["domain"]),
            cstr(row["case_type"]), cstr(extra), cstr(row["condition"]), cstr(row["result"]),
            cstr(row["note"])))
        for ops, exp in cases:
            ins = ";".join("%s,%s" % (in_tok(r), in_tok(i)) for r, i in ops)
            lines.append("XP_SC_CASE(%s, %s, %s)" % (rid, cstr(ins), cstr(";".join(exp))))
    with open(dst, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("%d rows, %d operand cases -> %s" % (len(out), ncase_total, dst))


if __name__ == "__main__":
    main()
